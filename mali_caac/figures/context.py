"""What a figure is drawn with and what drawing it gives back.

:class:`Ctx` is one render's context (language, size preset, bare or not, the colour roles and the marks
recorded while drawing, the facts its caption is filled from); :class:`Mark` is one mark as recorded
(:meth:`Ctx.mark`); :class:`Rendered` is the drawn figure with its title, caption, source line, the rows
it draws and the values it draws. :func:`_prov` and :func:`_concat` make the provenance table of the rows
a figure draws (table, row id, value, unit, qualifier, source, locator, quote).
"""
from dataclasses import dataclass, field

from .. import style
from ..i18n import number, t
from .texts import figure_text


@dataclass
class Rendered:
    id: str
    section: str
    lang: str
    figure: object
    title: str
    caption: str
    source_line: str
    rows: object
    drawn: list = field(default_factory=list)
    marks: list = field(default_factory=list)
    """One dict per drawn mark (see :data:`mali_caac.figures._drawn.COLUMNS`)."""
    alt: str = ""
    """The alt text: the finding and the values drawn, in ``lang``."""
    pixels: dict = field(default_factory=dict, repr=False)
    """{dpi: RGB image} of the rasters made so far (a file and the preview share one)."""
    colour_roles: dict = field(default_factory=dict)
    """{hex colour: role} of every colour role the figure drew (:mod:`mali_caac.colours`)."""


@dataclass
class Mark:
    """One mark a figure draws (a bar, a point, a cell, a map region's class), as recorded while drawing:
    ``value`` is the sum of the values of the rows ``row_ids``, divided by ``months`` for a rate per
    month and by ``scale`` (10**6 for millions); None for a mark that shows a figure is not stated."""

    ax: object
    category: str
    value: object
    row_ids: tuple
    drawn_as: str
    series: str = ""
    label: str = ""
    months: object = None
    scale: float = 1
    unit: str = ""          # the unit of the rows, when they carry none
    qualifier: str = ""     # 'about ', 'at least ' ... as printed before the number
    zero_from: tuple = ()   # a stated total and its complete list, where the value is a zero that follows from them


def _ids(ids):
    """A mark's row ids as a tuple, from one id or several."""
    if ids is None:
        return ()
    return (ids,) if isinstance(ids, str) else tuple(ids)


@dataclass
class Ctx:
    lang: str
    size: str = "double"
    bare: bool = False
    marks: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    """Numbers and words the figure computed from the data, filled into the ``{fields}`` of its title
    and caption (:func:`figure_text`)."""
    fid: str = ""
    roles: dict = field(default_factory=dict)
    """{hex colour: role} of the colour roles drawn (:meth:`fill`)."""

    def fill(self, role, parameter="colour"):
        """The colour of ``role`` (:mod:`mali_caac.colours`), recorded as drawn; a list of roles gives a list."""
        from .. import colours

        if isinstance(role, (list, tuple)):
            return [self.fill(r, parameter) for r in role]
        name = colours.role_name(role, self.fid, parameter)
        self.roles.setdefault(colours.ROLES[name].upper(), name)
        return colours.ROLES[name]

    def mark(self, ax, category, value, ids, drawn_as, **kw):
        """Record one drawn mark: its category label as drawn, its value, the ids of its rows of ``data/``."""
        value = None if value is None or value != value else float(value)
        self.marks.append(Mark(ax, " ".join(str(category).split()), value, _ids(ids), drawn_as, **kw))

    @property
    def sz(self):
        return style.SIZES[self.size]

    @property
    def small(self):
        """The small text size in points (value labels, ticks, legends): never under 6 pt."""
        return self.sz.small

    def t(self, key):
        return t(key, self.lang)

    def n(self, value, decimals=None):
        if decimals and float(value) == 0:  # a zero (a stated one) has no decimals: "0", not "0.0"
            decimals = 0
        return number(value, self.lang, decimals)

    def text(self, fid, part, rows=None):
        """The title or caption of figure ``fid`` with this render's facts (and the dates of ``rows``) filled in."""
        return figure_text(fid, part, self.lang, self.facts, rows)


PROV = ["table", "row_id", "value", "unit", "qualifier", "source_id", "locator", "quote"]


def _prov(frame, table=None):
    out = frame.copy()
    out["table"] = table or frame.attrs.get("dataset", "")
    if "qualifier" not in out:
        out["qualifier"] = "exact"
    if "unit" not in out:
        out["unit"] = ""
    return out[PROV].reset_index(drop=True)


def _concat(*frames):
    import pandas as pd

    return pd.concat([f for f in frames if len(f)], ignore_index=True)
