"""Charts of dots: counts that disagree side by side, dot tables of groups not ranked against each other,
and stated ranks (the draw functions of :mod:`mali_caac.charts`' ``dots``, ``monitor_counts``,
``amounts_by_period`` and ``ranks``).
"""
from . import hedges
from .bars import _provider_role
from .context import PROV, _concat, _prov
from .layout import _finish, _fit, _new
from .marks import _dot_table, _qual


def dots(ctx, fid, frame, labels, colour, axis_key, table, ratio=0.4):
    """One dot per row of ``frame`` on a line from zero, its value (with qualifier) beside it, in frame order."""
    fig, ax = _new(ctx, ratio)
    colour = ctx.fill(colour)
    y = list(range(len(frame)))
    ax.hlines(y, 0, frame["value"], color=colour, lw=1)
    quals = frame["qualifier"].astype(str)
    looks = [hedges.hedge_of(q, ctx.fid) for q in quals]
    ax.scatter(frame["value"], y, color=[hedges.point_face(colour, k) for k in looks], edgecolors=colour, s=70, zorder=3)
    for yy, v, q, look in zip(y, frame["value"], quals, looks):
        hedges.draw_point(ax, (v, yy), look, colour, ctx.sz.line)
        ax.annotate(_qual(ctx, q) + ctx.n(v), (v, yy), xytext=(8 + hedges.label_offset(look), 0), textcoords="offset points",
                    va="center", fontsize=ctx.small)
    for lab, v, q, i, look in zip(labels, frame["value"], quals, frame["row_id"], looks):
        ctx.mark(ax, lab, v, i, hedges.drawn_as("point", look), qualifier=_qual(ctx, q), label=_qual(ctx, q) + ctx.n(v))
    ax.set_yticks(y, [_fit(ctx, lab, ctx.sz.width * 0.36) for lab in labels])
    ax.invert_yaxis()
    ax.set_xlim(0, frame["value"].max() * 1.35)
    ax.set_xlabel(ctx.t(axis_key))
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(frame, table)
    _finish(fig, ctx, fid, rows)
    return fig, rows, [float(v) for v in frame["value"]]


def monitor_counts(ctx, fid, frame):
    """Civilian-harm counts as a dot table, one group per monitor in the order of ``MONITORS``."""
    import pandas as pd

    from .civilian_harm import MONITORS, harm_period

    unknown = sorted(set(frame["reported_by"].astype(str)) - set(MONITORS))
    if unknown:
        raise ValueError(f"{fid}: no panel for the monitor(s) {unknown}; add them to MONITORS")
    groups, frames = [], []
    for monitor in MONITORS:
        grp = frame[frame["reported_by"].astype(str) == monitor]
        if not len(grp):
            continue
        rows = []
        for r in grp.to_dict("records"):
            what = f"{ctx.t('harm.' + r['row_id'])} · {harm_period(r, ctx.lang)} · {ctx.t('unit.' + r['unit'])}"
            rows.append((what, r["value"], _qual(ctx, r["qualifier"]) + ctx.n(r["value"]), r["row_id"], 1, r["qualifier"]))
        groups.append((ctx.t(f"monitor.{monitor}"), rows))
        frames.append(grp)
    fig, drawn = _dot_table(ctx, groups, "context", ctx.t("axis.reported_people_or_cases"))
    rows = _prov(pd.concat(frames), "civilian_harm")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def amounts_by_period(ctx, fid, frame):
    """US amounts as a dot table, one group per period as the factsheet words it, with its sections."""
    from ..citation import locator_text
    from ..i18n import money
    from .us_assistance import PRINTED_PERIOD, printed_period

    keep = frame.copy()
    keep["printed_period"] = [printed_period(r, ctx.lang) for r in keep.to_dict("records")]
    keep["kind"] = [PRINTED_PERIOD.get(i, "between") for i in keep["row_id"]]
    keep = keep.sort_values(["kind", "value"], key=lambda c: c.map({"between": 0, "past_years": 1, "since": 2})
                            if c.name == "kind" else -c, kind="stable")
    groups, frames = [], []
    for period, grp in keep.groupby("printed_period", sort=False):
        sections = ", ".join(dict.fromkeys(locator_text(loc, ctx.lang).split(" > ")[0] for loc in grp["locator"]))
        title = f"{period} · {ctx.t('word.factsheet')}, {sections}"
        groups.append((title, [(ctx.t(f"measure.{m}"), v / 1e6, _qual(ctx, q) + money(v, ctx.lang), i, 10 ** 6, q)
                               for m, v, q, i in zip(grp["measure"], grp["value"], grp["qualifier"].astype(str), grp["row_id"])]))
        frames.append(grp)
    fig, drawn = _dot_table(ctx, groups, "context", ctx.t("axis.usd_millions"))
    rows = _prov(_concat(*frames), "us_assistance")
    _finish(fig, ctx, fid, rows)
    return fig, rows, drawn


def ranks(ctx, fid, frame, by, prefix, highlight):
    """Dots at the positions of a stated order, ``highlight``'s in the accent colour; the caption may
    say ``{highlight_rank}`` (its position) and ``{ranked}`` (how many are ranked)."""
    ctx.facts.update(highlight_rank=int(frame.loc[frame[by] == highlight, "rank"].iloc[0]), ranked=len(frame))
    fig, ax = _new(ctx, 0.42)
    y = list(range(len(frame)))
    colours = ctx.fill([_provider_role(s, highlight) if s == highlight else "context" for s in frame[by]])
    ax.scatter([int(r) for r in frame["rank"]], y, color=colours, s=60, zorder=3)
    ax.set_yticks(y, [ctx.t(f"{prefix}.{s}") for s in frame[by]])
    for s, r, i in zip(frame[by], frame["rank"], frame["row_id"]):
        ctx.mark(ax, ctx.t(f"{prefix}.{s}"), r, i, "point", unit="rank")
    ax.invert_yaxis()
    ax.set_xticks(range(1, len(frame) + 1))
    ax.set_xlim(0.5, len(frame) + 0.5)
    ax.set_xlabel(ctx.t("axis.rank"))
    table = frame.attrs.get("dataset") or "arms_suppliers"
    rows = frame.assign(table=table, value=frame["rank"].astype(float), unit="rank", qualifier="exact")[PROV]
    _finish(fig, ctx, fid, rows)
    return fig, rows, [float(r) for r in frame["rank"]]
