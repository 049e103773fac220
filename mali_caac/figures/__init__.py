"""Publication figures: each drawn from rows of ``data/``, titled, sourced and captioned.

Every figure is a recipe, a cell of its section's notebook (:mod:`mali_caac.recipes`),
whose title and caption are described here (one module per part of the analysis, with
:func:`describe`); :func:`render` draws it in one language and returns a
:class:`Rendered` that carries the matplotlib figure, its title and caption, its
source line and the exact rows it draws (``rows``) with the values it draws
(``drawn``), so that tests can read the plotted values back and compare them with
the data. :func:`save` writes PNG, SVG and PDF (byte-identical across runs), a
caption file with the alt text and the CSV of the values drawn, each through a
temporary file and a rename.

The figure layer, room by room: :mod:`.context` (a render's context and its result),
:mod:`.texts` (titles, captions and the words a figure shows; :mod:`.captions` the fields
bound to rows), :mod:`.layout` (sizes, text measured and fitted, title, key and source
line), :mod:`.marks` (bars, dots, zeros and unknowns; :mod:`.hedges` the look of a hedged
value), the chart kinds that :mod:`mali_caac.charts` draws with (:mod:`.bars`,
:mod:`.periods`, :mod:`.dots`, :mod:`.series`, and the maps in :mod:`.maps`),
:mod:`.rendering` (a chart drawn under a figure id), :mod:`.output` (file bytes and
:func:`save`) and :mod:`._drawn` (the marks' table and the alt text).
"""
from .. import style
from ..parameters import DEFAULTS, PARAMETERS, check_parameters
from ..recipes import render
from ..sections import SECTIONS, figure_ids
from . import civilian_harm, overview, reintegration, us_assistance, violations  # noqa: F401  (describes the figures' texts)
from .context import Rendered
from .output import close, file_bytes, preview_bytes, save
from .texts import caption_text, describe, figure_text, months_between, title_text

__all__ = ["DEFAULTS", "PARAMETERS", "SECTIONS", "Rendered", "caption_text", "check_parameters", "close", "describe",
           "figure_ids", "figure_text", "file_bytes", "months_between", "preview_bytes", "render", "save", "style",
           "title_text"]
