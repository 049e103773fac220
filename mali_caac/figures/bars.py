"""Charts of bars across categories (the draw functions of :mod:`mali_caac.charts`' ``bars``, ``row_bars``,
``summed_bars``, ``bar_panels``, ``grouped_bars``, ``usd_bars``, ``provider_bars``, ``sectors_against_fae``,
``violation_totals`` and ``share_bars``): each returns ``(figure, rows, drawn)``.
"""
from ..i18n import label
from .context import _concat, _prov
from .layout import _finish, _new
from .marks import _bars, _grouped, _qual


def _implied(table, unit, **dims):
    """The figure the sources state for ``dims`` (others 'all'), or the one a complete breakdown they
    state implies (0 for a code a complete list leaves out), as a :class:`mali_caac.model.Derived`
    with the rows it follows from; None when neither: unknown."""
    from ..domain import ROOT
    from ..model import figure_tables

    fig = figure_tables()[table]
    return fig.derive({d: str(dims.get(d, ROOT)) for d in fig.dims}, unit)


def hbar_rows(ctx, fid, frame, labels, colour, axis_key, table, ratio=None, ytick=None):
    """Horizontal bars, one per row of ``frame`` (its values and qualifiers), titled and sourced."""
    fig, ax = _new(ctx, ratio or max(0.35, 0.06 * len(frame) + 0.15))
    drawn = _bars(ax, ctx, labels, frame["value"], colour, horizontal=True,
                  qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"])
    ax.set_xlabel(ctx.t(axis_key))
    if ytick:
        ax.tick_params(axis="y", labelsize=ytick)
    rows = _prov(frame, table)
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def hbar_breakdown(ctx, fid, parts, dimension, colour, axis_key, sort=True, ratio=None, table="grave_violations"):
    """Horizontal bars of a breakdown, labelled with the codes of ``dimension``, largest first."""
    if sort:
        parts = parts.sort_values("value", ascending=False, kind="stable")
    labels = [label(dimension, c, ctx.lang) for c in parts[dimension]]
    return hbar_rows(ctx, fid, parts, labels, colour, axis_key, table, ratio)


def summed_hbars(ctx, fid, groups, parts, vocabulary, colour, unit_axis, ratio=0.75):
    """Horizontal bars of sums (``group``, ``value``, ``row_ids``), largest first, citing the rows summed."""
    groups = groups.sort_values("value", ascending=False, kind="stable")
    labels = [label(vocabulary, g, ctx.lang) for g in groups["group"]]
    fig, ax = _new(ctx, ratio)
    drawn = _bars(ax, ctx, labels, groups["value"], colour, horizontal=True, ids=groups["row_ids"])
    ax.set_xlabel(ctx.t(unit_axis))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(parts, parts.attrs.get("dataset"))
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _panel_label(by, code, lang):
    """A category label under a bar panel: calendar years as printed; long labels are wrapped in balanced
    lines where they are drawn (no lone first word: « Remis / aux acteurs ... »)."""
    if by == "year":
        return str(code)
    return label(by, code, lang)


def bar_panels(ctx, fid, panels, colour, unit_axis, ratio=0.4):
    """Vertical bars side by side, one panel per ``(table, by)``; a panel whose labels break gets smaller ones."""
    fig, axes = _new(ctx, ratio, ncols=len(panels))
    drawn, rows = [], []
    for ax, (table, by) in zip(axes, panels):
        labels = [_panel_label(by, c, ctx.lang) for c in table[by]]
        drawn += _bars(ax, ctx, labels, table["value"], colour, ids=table["row_id"])
        if any("\n" in tick.get_text() for tick in ax.get_xticklabels()):
            ax.tick_params(axis="x", labelsize=ctx.small)
        rows.append(_prov(table, table.attrs.get("dataset")))
    top = max(ax.get_ylim()[1] for ax in axes)  # panels of one unit on one scale: equal heights, equal numbers
    for ax in axes:
        ax.set_ylim(0, top)
    axes[0].set_ylabel(ctx.t(unit_axis))
    rows = _concat(*rows)
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def _implied_part(parts, dimension, code):
    """What the sources state or imply for ``code`` of ``dimension`` among the parts of ``parts``'
    stated total (see :func:`_implied`); None when there is no stated total or nothing determines it."""
    from ..model import figure_tables

    total = parts.attrs.get("total")
    if total is None:
        return None
    dims = {d: str(total[d]) for d in figure_tables()[parts.attrs["dataset"]].dims if d in total}
    dims[dimension] = code
    return _implied(parts.attrs["dataset"], str(total["unit"]), **dims)


def _total_row(parts):
    """The stated total that ``parts`` (a breakdown) break down, as a one-row frame."""
    from ..loader import load

    frame = load(parts.attrs["dataset"])
    return frame[frame["row_id"] == parts.attrs["total"]["row_id"]]


def grouped_implied_figure(ctx, fid, series, by, colours, unit_axis, ratio):
    """Grouped bars of several breakdowns along ``by``; a code a series leaves out is drawn as the
    sources imply it (0 from a complete list, whose total is then cited; else hatched, unknown)."""
    codes = list(dict.fromkeys(c for t in series.values() for c in t[by].astype(str)))
    values, ids, zeros = [], [], []
    for t in series.values():  # a code a complete list leaves out is 0; one no list determines is unknown (None)
        found = [_implied_part(t, by, c) for c in codes]
        values.append([None if d is None else float(d.value) for d in found])
        ids.append([() if d is None else d.summed for d in found])
        zeros.append([() if d is None else d.zero_from for d in found])
    fig, ax = _new(ctx, ratio)
    drawn = _grouped(ax, ctx, [label(by, c, ctx.lang) for c in codes],
                     dict(zip([ctx.t(f"word.{k}") for k in series], values)), colours, ids=ids, zero_from=zeros)
    ax.set_ylabel(ctx.t(unit_axis))
    totals = [t for t in series.values() if len(t) < len(codes) and t.attrs.get("total")]  # the totals that imply zeros
    rows = _concat(*[_prov(t) for t in series.values()], *[_prov(_total_row(t)) for t in totals])
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def usd_bars(ctx, fid, frame, labels, colour, ratio):
    """Horizontal bars of US dollar amounts, drawn in millions, each printed as the source prints it."""
    from ..i18n import money

    fig, ax = _new(ctx, ratio)
    drawn_m = _bars(ax, ctx, labels, frame["value"] / 1e6, colour, horizontal=True,
                    texts=[_qual(ctx, q) + money(v, ctx.lang) for v, q in zip(frame["value"], frame["qualifier"].astype(str))],
                    qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"], scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(frame, "us_assistance")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn_m


def _provider_role(provider, highlight):
    """A provider's colour role: its own where the registry has one (the US, the EU's mission), else context."""
    from .. import colours

    role = colours.ALIASES.get(f"provider.{provider}", f"provider.{provider}")
    return role if role in colours.ROLES else "context"


def provider_bars(ctx, fid, frame, highlight, axis_key):
    """Horizontal bars labelled with provider and period; ``highlight``'s in the accent colour."""
    def period(r):
        a, b = r["period_start"], r["period_end"]
        if b is not None and b == b:
            return f"{int(a)}\u2013{int(b)}"  # a range of years: en dash
        return f"{ctx.t('word.since')} {int(a)}"
    labels = [f"{ctx.t('provider.' + p)}, {period(r)}" for p, r in zip(frame["provider"], frame.to_dict("records"))]
    fig, ax = _new(ctx, 0.32)
    drawn = _bars(ax, ctx, labels, frame["value"], [_provider_role(p, highlight) for p in frame["provider"]], horizontal=True,
                  qualifiers=list(frame["qualifier"].astype(str)), ids=frame["row_id"])
    ax.set_xlabel(ctx.t(axis_key))
    rows = _prov(frame, frame.attrs.get("dataset") or "military_training")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def sectors_against_fae(ctx, fid, sectors, fae):
    """A bar for the factsheet's sectors summed, beside Foreign Aid Explorer's obligations and disbursements."""
    from ..i18n import money

    values = [float(sectors["value"].sum())] + [float(v) for v in fae["value"]]
    ctx.facts["sectors_total"] = round(values[0] / 1e6)
    quals = ["approximately"] + ["exact"] * len(fae)
    labels = [ctx.t("aid.factsheet_sectors")] + [ctx.t(f"aid.fae_{t_}") for t_ in fae["transaction_type"].astype(str)]
    fig, ax = _new(ctx, 0.32)
    roles = ["source.CHRHS-SAM-InterAction-2022"] + [f"transaction.{t_}" for t_ in fae["transaction_type"].astype(str)]
    drawn = _bars(ax, ctx, labels, [v / 1e6 for v in values], roles,
                  horizontal=True, texts=[_qual(ctx, q) + money(v, ctx.lang, decimals=0) for v, q in zip(values, quals)],
                  qualifiers=quals, ids=[tuple(sectors["row_id"])] + list(fae["row_id"]), scale=10 ** 6)
    ax.set_xlabel(ctx.t("axis.usd_millions"))
    rows = _concat(_prov(sectors, "us_assistance"), _prov(fae, "us_aid_series"))
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def violation_totals(ctx, fid, parts):
    """Bars of the violations' totals in their colours, each labelled with its unit."""
    labels = [f"{label('violation', v, ctx.lang)}\n({ctx.t('unit.' + u)})" for v, u in zip(parts.violation, parts.unit)]
    fig, ax = _new(ctx, 0.5)
    drawn = _bars(ax, ctx, labels, parts["value"], [f"violation.{v}" for v in parts.violation], horizontal=True, ids=parts["row_id"])
    ax.set_xlabel(ctx.t("axis.count"))
    prov = _prov(parts, "grave_violations")
    _finish(fig, ctx, fid, prov, note=ctx.t("word.underreporting"))
    return fig, prov, drawn


def _share_role(by, code, colour):
    """A share's colour role: 'unattributed' for what no party is named for, a perpetrator type's own role, else ``colour``."""
    from .. import colours

    if str(code) == "unattributed":
        return "unattributed"
    if by == "perpetrator" and f"perpetrator.{code}" in colours.ROLES:
        return f"perpetrator.{code}"
    return colour


def share_bars(ctx, fid, parts, by, colour, prefix=None, ratio=None):
    """Horizontal bars of percentages on a 0-100 axis, labelled with the codes of ``by`` (or the texts of
    the vocabulary ``prefix``); 'unattributed' in its own colour."""
    from ..i18n import percent

    labels = [ctx.t(f"{prefix}.{p}") if prefix else label(by, p, ctx.lang) for p in parts[by]]
    fig, ax = _new(ctx, ratio or 0.32)
    quals = parts["qualifier"].astype(str)
    drawn = _bars(ax, ctx, labels, parts["value"], [_share_role(by, p, colour) for p in parts[by]],
                  horizontal=True, qualifiers=list(quals), ids=parts["row_id"],
                  texts=[_qual(ctx, q) + percent(v, ctx.lang) for v, q in zip(parts["value"], quals)])
    ax.set_xlabel(ctx.t("axis.percent"))
    ax.set_xlim(0, 100)
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(parts, parts.attrs.get("dataset") or "grave_violations")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn
