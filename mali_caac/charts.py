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


# ----------------------------------------------------------------------------- overview, US assistance, civilian harm
def _column(table, name, parameter):
    """Refuse a table without the column ``name`` that the chart needs, naming the parameter."""
    if name not in table.columns:
        raise ValueError(f"parameter {parameter!r} must be a column of the table "
                         f"({', '.join(map(str, table.columns))}), got {name!r}")


def _vocabulary(prefix):
    """Check that ``prefix`` names a vocabulary of labels (claimant, measure, country ...)."""
    from .i18n import TEXT

    if not any(k.startswith(f"{prefix}.") for k in TEXT):
        known = sorted({k.split(".")[0] for k in TEXT if "." in k})
        raise ValueError(f"parameter 'vocabulary' must be one of {', '.join(known)}, got {prefix!r}")
    return prefix


def dots(table, by, *, vocabulary, unit, colour="neutral", ratio=0.4):
    """One dot per row on a line from zero, in table order, labelled with its ``by`` code in the
    vocabulary ``vocabulary`` (e.g. ``"claimant"``) and its value with the source's qualifier: counts
    that disagree, shown side by side and never summed."""
    from .figures import _core

    fill, axis = _colour(None, colour), _axis(unit)
    _column(table, by, "by")
    prefix, dataset = _vocabulary(vocabulary), table.attrs.get("dataset")

    def draw(ctx, fid):
        return _core._dots(ctx, fid, table, [ctx.t(f"{prefix}.{c}") for c in table[by]], fill, axis, dataset, ratio)
    return Chart("dots", draw)


def monitor_counts(table):
    """A dot table of counts of civilian harm: one panel per monitor (``reported_by``), each row with
    what is counted, its period and its unit. The counts overlap: they are not added up, and monitors
    are not ranked against each other."""
    from .figures import _core

    _column(table, "reported_by", "table")

    def draw(ctx, fid):
        return _core._monitor_counts(ctx, fid, table)
    return Chart("monitor_counts", draw)


def usd_bars(table, by="measure", *, vocabulary="measure", colour="neutral", sort=True, ratio=0.35):
    """Horizontal bars of amounts in US dollars, drawn in millions and labelled as the source prints
    them ("about $74 million"), one per row, named by their ``by`` code in ``vocabulary``; largest first
    unless ``sort=False``."""
    from .figures import _core

    fill = _colour(None, colour)
    _column(table, by, "by")
    prefix = _vocabulary(vocabulary)
    if sort:
        table = table.sort_values("value", ascending=False, kind="stable")

    def draw(ctx, fid):
        return _core._usd_bars(ctx, fid, table, [ctx.t(f"{prefix}.{m}") for m in table[by]], fill, ratio)
    return Chart("usd_bars", draw)


def amounts_by_period(table):
    """US amounts (rows of ``us_assistance``) as a dot table, one panel per period as the factsheet
    words it, with the factsheet's sections: cumulative amounts of different periods are not ranked
    against each other."""
    from .figures import _core

    _column(table, "measure", "table")

    def draw(ctx, fid):
        return _core._amounts_by_period(ctx, fid, table)
    return Chart("amounts_by_period", draw)


def provider_bars(table, *, highlight, unit="persons"):
    """Horizontal bars, one per row, labelled with its ``provider`` and period ("since 2001" where the
    end is not stated), largest first; the provider ``highlight`` in the accent colour, others neutral."""
    from .figures import _core

    axis = _axis(unit)
    _column(table, "provider", "table")
    providers = sorted(table["provider"].astype(str).unique())
    if highlight not in providers:
        raise ValueError(f"parameter 'highlight' must be one of {', '.join(providers)}, got {highlight!r}")
    table = table.sort_values("value", ascending=False, kind="stable")

    def draw(ctx, fid):
        return _core._provider_bars(ctx, fid, table, highlight, axis)
    return Chart("provider_bars", draw)


def ranks(table, by, *, vocabulary, highlight):
    """Positions in a stated order (``rank``), one dot per row, labelled with its ``by`` code in
    ``vocabulary``: ranks, not amounts. The row whose ``by`` is ``highlight`` is in the accent colour."""
    from .figures import _core

    _column(table, by, "by")
    _column(table, "rank", "table")
    prefix = _vocabulary(vocabulary)
    if highlight not in set(table[by].astype(str)):
        raise ValueError(f"parameter 'highlight' must be one of {', '.join(table[by].astype(str))}, got {highlight!r}")
    table = table.sort_values("rank", kind="stable")

    def draw(ctx, fid):
        return _core._ranks(ctx, fid, table, by, prefix, highlight)
    return Chart("ranks", draw)


def aid_series(table):
    """Yearly series of US aid (rows of ``us_aid_series``), one line per ``transaction_type``, in
    millions of dollars, open markers for incomplete years, and the coups marked as dashed lines."""
    from .figures import _core

    for name in ("fiscal_year", "transaction_type", "complete"):
        _column(table, name, "table")

    def draw(ctx, fid):
        return _core._aid_series(ctx, fid, table)
    return Chart("aid_series", draw)


def sectors_against_fae(sectors, fae):
    """One bar for the sum of the factsheet's sectors (``sectors``, rows of ``us_assistance``; "about":
    a sum of rounded amounts) against Foreign Aid Explorer's obligations and disbursements (``fae``,
    rows of ``us_aid_series``), in millions of US dollars: two sources' amounts for one year side by side."""
    from .figures import _core

    _column(fae, "transaction_type", "fae")
    kinds = set(fae["transaction_type"].astype(str))
    if not kinds <= {"obligations", "disbursements"}:
        raise ValueError(f"parameter 'fae' must hold obligations and disbursements only, got {sorted(kinds)}")
    fae = fae.sort_values("transaction_type", key=lambda s: s.astype(str).map({"obligations": 0, "disbursements": 1}))

    def draw(ctx, fid):
        return _core._sectors_against_fae(ctx, fid, sectors, fae)
    return Chart("sectors_against_fae", draw)
