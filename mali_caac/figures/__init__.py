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
"""
from .. import style
from ._core import (DEFAULTS, PARAMETERS, SECTIONS, Rendered, caption_text, check_parameters, close, describe,
                    figure_ids, figure_text, file_bytes, months_between, preview_bytes, render, save, title_text)
from . import civilian_harm, overview, reintegration, us_assistance, violations  # noqa: F401  (describes the figures' texts)

__all__ = ["DEFAULTS", "PARAMETERS", "SECTIONS", "Rendered", "caption_text", "check_parameters", "close", "describe",
           "figure_ids", "figure_text", "file_bytes", "months_between", "preview_bytes", "render", "save", "style",
           "title_text"]
