"""Chart functions: a table of rows in, a figure in the house style out, at any size and in either language.

Each function takes the rows a recipe selected (with :func:`mali_caac.select`,
:func:`mali_caac.breakdown` ...) and returns a :class:`Chart`: what to draw,
not yet drawn. :func:`mali_caac.notebook.publish` draws it under a figure id
with the notebook's parameters (language, size, bare), titles and sources
it, saves it and shows it; ``chart.render(id, lang=..., size=...)`` draws it
anywhere else. The house style, the size presets, the French labels and
typography, the layout and the colours' meanings are inside; a recipe says
only what to draw::

    girls = breakdown("grave_violations", "region", violation="sexual_violence")
    publish("sexual_violence_by_region", charts.bars(girls, "region", violation="sexual_violence"), params)

Colours name a meaning, never a hex: ``violation=`` one of the six violations
(:data:`mali_caac.domain.VIOLATIONS`), or ``colour=`` one of
``"neutral"``, ``"accent"``, ``"unattributed"``.
"""
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Chart:
    """A chart described, not drawn: ``draw(ctx, fid)`` returns ``(figure, rows, drawn)``."""

    kind: str
    draw: Callable

    def render(self, fid, lang="en", size="double", bare=False):
        """Draw under figure id ``fid``: a :class:`mali_caac.figures.Rendered`."""
        from .figures import _core

        return _core.render_chart(self, fid, lang, size, bare)


def _colour(violation, colour):
    from . import style

    if (violation is None) == (colour is None):
        raise ValueError("give either violation= (one of the six violations) or colour= (a meaning such as 'neutral')")
    return style.colour_for("violation", violation) if violation else style.colour_for(colour)


def _axis(unit):
    """The axis label key of ``unit`` (children, attacks, incidents, schools, persons, cases ...)."""
    from .i18n import TEXT

    if f"axis.{unit}" not in TEXT:
        units = sorted(k[5:] for k in TEXT if k.startswith("axis."))
        raise ValueError(f"parameter 'unit' must be one of {', '.join(units)}, got {unit!r}")
    return f"axis.{unit}"


def bars(table, by, *, violation=None, colour=None, unit="children", sort=True, ratio=None):
    """Horizontal bars, one per row of ``table``, labelled with its ``by`` codes in the figure's
    language and its value (with the source's qualifier: "about", "at least" ...), largest first
    unless ``sort=False``."""
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    if by not in table.columns:
        raise ValueError(f"parameter 'by' must be a column of the table ({', '.join(map(str, table.columns))}), got {by!r}")
    dataset = table.attrs.get("dataset")

    def draw(ctx, fid):
        return _core._hbar_breakdown(ctx, fid, table, by, fill, axis, sort=sort, ratio=ratio, table=dataset)
    return Chart("bars", draw)


def period_bars(table, *, violation=None, colour=None, unit="children"):
    """Two panels for a breakdown by period: the count in each period (a) and the count per month
    (b), because the report's periods differ in length."""
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    if "period" not in table.columns:
        raise ValueError("period_bars needs a table with a 'period' column (a breakdown by period)")

    def draw(ctx, fid):
        return _core._period_figure(ctx, fid, table, fill, axis)
    return Chart("period_bars", draw)


# ----------------------------------------------------------------------------- recruitment and killing sections
def _columns(table, name, needed):
    """Refuse a table without the columns a chart draws from, naming the parameter and what it has."""
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ValueError(f"parameter {name!r} needs the column(s) {', '.join(missing)}; "
                         f"it has {', '.join(map(str, table.columns))}")


def _meaning(name):
    """The colour that means ``name``: a violation code or a meaning such as 'neutral'."""
    from .domain import VIOLATIONS

    from . import style

    if name in VIOLATIONS:
        return _colour(name, None)
    if name not in style._KINDS:
        raise ValueError(f"parameter 'colours' takes violations ({', '.join(VIOLATIONS)}) or meanings "
                         f"({', '.join(style._KINDS)}), got {name!r}")
    return _colour(None, name)


def summed_bars(groups, parts, *, labels="perpetrator", violation=None, colour=None, unit="children", ratio=0.75):
    """Horizontal bars of sums, largest first: ``groups`` has ``group``, ``value`` and ``row_ids`` (the rows
    of ``parts`` summed, as :func:`mali_caac.by_coalition` returns them); the figure cites ``parts``.
    ``labels`` names the vocabulary of the groups' codes."""
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    _columns(groups, "groups", ["group", "value", "row_ids"])
    _columns(parts, "parts", ["row_id", "value"])
    summed = {i for ids in groups["row_ids"] for i in ids}
    unknown = sorted(summed - set(parts["row_id"]))
    if unknown:
        raise ValueError(f"parameter 'groups' sums rows that are not in 'parts': {', '.join(unknown)}")

    def draw(ctx, fid):
        return _core._summed_hbars(ctx, fid, groups, parts, labels, fill, axis, ratio=ratio)
    return Chart("summed_bars", draw)


def bar_panels(*panels, violation=None, colour=None, unit="children", ratio=0.4):
    """Vertical bars in panels side by side, one panel per ``(table, by)`` pair, bars in the table's
    order labelled with its ``by`` codes (``"year"``: calendar years, printed as they are)."""
    from .figures import _core

    fill, axis = _colour(violation, colour), _axis(unit)
    if not panels:
        raise ValueError("bar_panels needs at least one (table, by) pair")
    for n, panel in enumerate(panels, 1):
        if not (isinstance(panel, tuple) and len(panel) == 2):
            raise ValueError(f"panel {n} must be a (table, by) pair, got {type(panel).__name__}")
        _columns(panel[0], f"panel {n}", [panel[1], "value", "row_id"])

    def draw(ctx, fid):
        return _core._bar_panels(ctx, fid, panels, fill, axis, ratio=ratio)
    return Chart("bar_panels", draw)


def period_grouped_bars(series, labels, *, colours, unit="children"):
    """Two panels of side-by-side bars for several breakdowns by period, ``series`` = {code: table}:
    the count in each period (a) and per month (b), because the report's periods differ in length.
    ``labels`` names the vocabulary of the codes; ``colours`` gives each series' meaning
    (a violation code or "neutral", "accent" ...)."""
    from .figures import _core

    axis = _axis(unit)
    if not series:
        raise ValueError("parameter 'series' must map at least one code to a breakdown by period")
    if len(colours) != len(series):
        raise ValueError(f"parameter 'colours' needs one colour per series ({len(series)}), got {len(colours)}")
    fills = [_meaning(c) for c in colours]
    periods = None
    for code, table in series.items():
        _columns(table, f"series {code!r}", ["period", "value", "row_id"])
        these = sorted(map(str, table["period"]))
        if periods is not None and these != periods:
            raise ValueError(f"series {code!r} has the periods {', '.join(these)}; the first has {', '.join(periods)}")
        periods = these

    def draw(ctx, fid):
        return _core._period_grouped(ctx, fid, series, labels, fills, axis)
    return Chart("period_grouped_bars", draw)
