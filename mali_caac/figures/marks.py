"""Marks: bars (:func:`_bars`), grouped bars (:func:`_grouped`), dot tables (:func:`_dot_table`), the value
printed on a mark, a zero and an unknown; each mark drawn is recorded with the rows it comes from
(:meth:`mali_caac.figures.context.Ctx.mark`).
"""
from .. import style
from . import hedges
from .layout import _count_ticks, _fit, _legend, _new, _wrap_pt, plt_rc, text_width


def _qual(ctx, q):
    return ctx.t(f"word.qualifier.{q}") if q and q != "exact" else ""


def _annotate(ax, bars, texts, horizontal, fontsize=None, rotation=0, offsets=None):
    fontsize = fontsize or plt_rc("xtick.labelsize")
    offsets = offsets or [0] * len(texts)
    for bar, text, extra in zip(bars, texts, offsets):
        if horizontal:
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(2 + extra, 0),
                        textcoords="offset points", va="center", ha="left", fontsize=fontsize)
        else:
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), xytext=(0, 1.5 + extra),
                        textcoords="offset points", va="bottom", ha="center", fontsize=fontsize,
                        rotation=rotation)


def _bars(ax, ctx, labels, values, colour, horizontal=False, texts=None, qualifiers=None, decimals=None,
          ids=None, months=None, scale=1):
    """Plain bars with their values printed on them; returns the values drawn. ``ids`` gives each bar's
    row id(s) in ``data/``, ``months`` each bar's months where the bars are rates per month."""
    values = [float(v) for v in values]
    qualifiers = qualifiers or [""] * len(values)
    looks = [hedges.hedge_of(q, ctx.fid) for q in qualifiers]
    colour = ctx.fill(colour)
    if texts is None:
        texts = [_qual(ctx, q) + ctx.n(v, decimals) for v, q in zip(values, qualifiers)]
    ids = list(ids) if ids is not None else [()] * len(values)
    months = list(months) if months is not None else [None] * len(values)
    for lab, v, text, i, m, q, look in zip(labels, values, texts, ids, months, qualifiers, looks):
        ctx.mark(ax, lab, v, i, hedges.drawn_as("horizontal bar" if horizontal else "bar", look), label=text, months=m,
                 scale=scale, qualifier=_qual(ctx, q))
    pos = list(range(len(values)))
    if horizontal:
        labels = [_fit(ctx, x, ctx.sz.width * 0.36) for x in labels]
        lines = sum(max(1, lab.count("\n") + 1) for lab in labels)
        pitch = ctx.small * 1.3 / 72  # inches per line of label
        need = (lines * pitch * 1.1 + len(values) * 0.6 * pitch) + 4.2 * ctx.sz.body / 72
        if len(ax.figure.axes) == 1:
            ax.figure.set_figheight(round(max(need, ax.figure.get_figheight() * 0.5), 3))
        bars = ax.barh(pos, values, color=colour, height=0.7)
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.set_xlim(0, max(values + [1]) * 1.2)
    else:
        spec = ax.get_subplotspec()
        panels = spec.get_gridspec().ncols if spec is not None else 1
        per_bar = ctx.sz.width * 0.78 / panels / max(len(values), 1)  # the axes are narrower than the figure
        ax._mc_categories = list(labels)
        labels = [_fit(ctx, x, per_bar * 0.92) for x in labels]
        bars = ax.bar(pos, values, color=colour, width=0.7)
        ax.set_xticks(pos, labels)
        ax.grid(axis="x", visible=False)
        ax.set_ylim(0, max(values + [1]) * 1.18)
    for bar, look in zip(bars, looks):
        hedges.draw_bar(ax, bar, look, ctx.sz.line, horizontal)
    _annotate(ax, bars, texts, horizontal, ctx.small, offsets=[hedges.label_offset(look) for look in looks])
    _zero_marks(ax, ctx, bars, horizontal)
    _count_ticks(ax, values, horizontal)
    return values


def _zero_marks(ax, ctx, bars, horizontal=False):
    """A stated zero is drawn as its value label, a "0" on the baseline (written by :func:`_annotate`), and no
    stub: a stub of a bar's colour reads as a small value (issue 14, item 8). Kept as the one place that says so."""
    return None


def _unknown_mark(ax, ctx, x, width):
    """An unknown (a figure the sources do not state and that no complete breakdown implies) drawn as
    unknown: a short hatched bar in the neutral look of ``style.UNKNOWN``, labelled 'not stated'."""
    from matplotlib.patches import Rectangle

    height = ax.get_ylim()[1] * 0.08
    ctx.fill("unknown")
    ax.add_patch(Rectangle((x - width / 2, 0), width, height, gid="unknown", **style.UNKNOWN, lw=0.5 * ctx.sz.line))
    ax.annotate(ctx.t("word.unknown"), (x, height), xytext=(0, 1.5), textcoords="offset points", va="bottom",
                ha="center", rotation=90, fontsize=ctx.small, color=style.TEXT_MUTED)


def _grouped(ax, ctx, groups, series, colours, texts=None, ids=None, months=None, zero_from=None):
    """Side-by-side bars: ``series`` is {name: [value per group]}; a zero gets a mark on the baseline,
    None (not stated) the hatched 'not stated' look. ``ids`` and ``months`` are lists like ``series``'
    values: each bar's row id(s) in ``data/`` and, for rates, its months; ``zero_from`` likewise, for a
    zero that follows from a stated total and its complete list."""
    k = len(series)
    width = 0.8 / k
    colours = ctx.fill(list(colours), "colours")
    drawn, unknown = [], []
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (k - 1) / 2) * width for g in range(len(groups))]
        keep = [(x, v) for x, v in zip(xs, values) if v is not None]
        unknown += [x for x, v in zip(xs, values) if v is None]
        bars = ax.bar([x for x, _ in keep], [v for _, v in keep], width=width * 0.95, color=colours[i], label=name)
        labels = [ctx.n(v) for _, v in keep] if texts is None else texts[i]
        row_ids = ids[i] if ids is not None else [()] * len(values)
        rates = months[i] if months is not None else [None] * len(values)
        zeros = zero_from[i] if zero_from is not None else [()] * len(values)
        shown = [(g, v, r, m, z) for g, v, r, m, z in zip(groups, values, row_ids, rates, zeros) if v is not None]
        for (g, v, r, m, z), text in zip(shown, labels):
            ctx.mark(ax, g, v, r, "bar", series=name, label=text, months=m, zero_from=tuple(z or ()))
        bar_pt = ctx.sz.width * 0.85 / max(len(groups), 1) * 0.8 / k * 72
        upright = max((text_width(x, ctx.small) for x in labels), default=0) > bar_pt * 1.1
        _annotate(ax, bars, labels, False, ctx.small, rotation=90 if upright else 0)
        _zero_marks(ax, ctx, bars)
        drawn += [float(v) for _, v in keep]
    per_group = ctx.sz.width * 0.78 / max(len(groups), 1)
    ax._mc_categories = list(groups)
    ax.set_xticks(range(len(groups)), [_fit(ctx, g, per_group * 0.92) for g in groups])
    ax.grid(axis="x", visible=False)
    top = max([v for vals in series.values() for v in vals if v is not None] + [1])
    ax.set_ylim(0, top * 1.18)
    for x in unknown:
        _unknown_mark(ax, ctx, x, width * 0.95)
    _count_ticks(ax, drawn)
    _legend(ax, k, ctx.small)
    return drawn


def _dot_table(ctx, groups, colour, axis_label):
    """A dot table: the rows of each group (a monitor, a period) under the group's heading, one row per
    measure with a dot at its value and the value written beside it, on one scale. Groups are not
    ranked against each other. ``groups`` is [(heading, [(label, value, text, row ids[, scale]), ...]), ...];
    returns the figure and the values drawn, group by group (headings are texts with gid 'group')."""
    sz = ctx.sz
    colour = ctx.fill(colour)
    print_size = ctx.size in ("column", "onehalf", "double")
    size = sz.small if print_size else 0.8 * sz.small  # a slide holds fewer lines: text still at 12.8 pt or more
    label_width = sz.width * (0.42 if ctx.size == "column" else 0.36 if print_size else 0.55)
    plot_width = sz.width * 0.95 - label_width
    labelled = [(title, _wrap_pt(title, size, plot_width),
                 [(lab, _wrap_pt(lab, size, label_width), float(v), tx, *more) for lab, v, tx, *more in rows])
                for title, rows in groups]
    y, ticks, drawn = 0.0, [], []  # y in lines of text, downwards
    fig, ax = _new(ctx, 0.3)
    pitch = size * 1.35 / 72  # inches per line of text
    for heading, title, rows in labelled:
        head = title.count("\n") + 1
        if drawn:
            ax.axhline(y - 0.2, color=style.NEUTRAL, lw=sz.line * 0.5, zorder=0)
        ax.annotate(title, (0, y + head / 2), xytext=(0.4 * size, 0), textcoords="offset points",
                    fontsize=size, fontweight="bold", va="center", ha="left", gid="group")
        y += head + 0.3
        for name, lab, v, text, ids, *more in rows:
            look = hedges.hedge_of(more[1] if len(more) > 1 else "", ctx.fid)
            ctx.mark(ax, name, v, ids, hedges.drawn_as("point", look), series=heading, label=text,
                     scale=more[0] if more else 1, qualifier=_qual(ctx, more[1]) if len(more) > 1 else "")
            n = lab.count("\n") + 1
            row = y + (n + 0.5) / 2
            ax.hlines(row, 0, v, color=colour, lw=sz.line * 1.5)
            ax.scatter([v], [row], color=[hedges.point_face(colour, look)], edgecolors=colour, s=(size * 0.6) ** 2, zorder=3,
                       marker=hedges.point_marker(look))
            hedges.draw_point(ax, (v, row), look, colour, sz.line)
            ax.annotate(text, (v, row), xytext=(0.6 * size + hedges.label_offset(look), 0), textcoords="offset points",
                        va="center", ha="left", fontsize=size)
            ticks.append((row, lab))
            drawn.append(v)
            y += n + 0.5
        y += 0.4
    ax.set_yticks([t for t, _ in ticks], [lab for _, lab in ticks])
    ax.set_ylim(y, -0.2)
    ax.tick_params(axis="y", length=0, labelsize=size)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, max(drawn) * 1.3)
    ax.set_xlabel(axis_label)
    fig.set_figheight(round((y + 0.2) * pitch + 3.5 * sz.body / 72, 3))
    return fig, drawn
