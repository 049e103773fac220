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
