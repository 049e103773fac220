"""The maps of the figures: the classed scale of counts, its key, and the violations-by-region table and map.

Everything else of the figure layer has a module of its own: :mod:`~mali_caac.figures.context` (a render's
context and result), :mod:`~mali_caac.figures.texts` (titles, captions, words), :mod:`~mali_caac.figures.layout`
(sizes, text fitting, title and source line), :mod:`~mali_caac.figures.marks` (bars, dots), the chart kinds
(:mod:`~mali_caac.figures.bars`, :mod:`~mali_caac.figures.periods`, :mod:`~mali_caac.figures.dots`,
:mod:`~mali_caac.figures.series`), :mod:`~mali_caac.figures.rendering` and :mod:`~mali_caac.figures.output`
(file bytes). The map functions stay here until they move to a module of their own.
"""
from .. import style
from ..i18n import label
from ..package import open_package
from .context import _concat, _prov
from .layout import LAYOUT_DPI, _finish, _fit, _new


def _scale():
    """The classed sequential scale of counts (style.SEQUENTIAL_BINS): colour map, norm and colours."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    colours = style.sequential_colours()
    bounds = list(style.SEQUENTIAL_BINS) + [float("inf")]
    return ListedColormap(colours), BoundaryNorm(bounds, len(colours)), colours


def _class_text(ctx, i, top):
    """The name of class ``i`` of the sequential scale, its upper end cut at ``top`` (the largest value drawn)."""
    bins = list(style.SEQUENTIAL_BINS)
    lo = bins[i]
    hi = min(bins[i + 1] - 1, top) if i + 1 < len(bins) else top
    return ctx.n(lo) if hi == lo else f"{ctx.n(lo)}–{ctx.n(hi)}"


def _zero_words(ctx, how):
    """The words of the white class: what the zeros drawn are, read from ``how`` (:func:`aggregate.violations_by`
    with ``derived=True``): stated by the source, or inferred from a complete list that leaves the region out."""
    from ..reconcile import Derived

    kinds = {"inferred" if d.zero_from else "stated" for _, row in how.iterrows() for d in row
             if isinstance(d, Derived) and float(d.value) == 0}
    if kinds == {"inferred"}:
        return ctx.t("map.zero_inferred")
    if kinds == {"stated"}:
        return ctx.t("map.zero_stated")
    return ctx.t("map.zero_either") if kinds else None


def _reading_order(handles, ncols):
    """``handles`` reordered so that a legend of ``ncols`` columns (which matplotlib fills column by column)
    reads row by row, left to right: '0, 1–9, 10–49, 50–199 / 200–376, not stated'."""
    n = len(handles)
    rows = -(-n // ncols)
    return [handles[r * ncols + c] for c in range(ncols) for r in range(rows) if r * ncols + c < n]


def _scale_key(ctx, values, zero_words=None):
    """The key of the classed scale, one entry per class up to the largest value drawn, and 'not stated', in
    reading order at every size; the white class named by what its zeros are (:func:`_zero_words`)."""
    import numpy as np
    from matplotlib.patches import Patch

    colours = style.sequential_colours()
    top = int(np.nanmax(np.asarray(values, dtype=float)))
    handles = [Patch(facecolor=colours[i], edgecolor=style.NEUTRAL, lw=0.5,
                     label=zero_words if lo == 0 and zero_words else _class_text(ctx, i, top))
               for i, lo in enumerate(style.SEQUENTIAL_BINS) if lo <= top]
    handles.append(Patch(**style.UNKNOWN, lw=0.5, label=ctx.t("word.not_stated")))
    ncols = {"column": 2}.get(ctx.size, len(handles))
    return dict(handles=_reading_order(handles, ncols), ncols=ncols, handlelength=1.2, columnspacing=1.0,
                title=ctx.t("map.legend"))


def _map_class(ctx, value, top):
    """The class of the scale a value is drawn in, named as the key names it."""
    if value != value:
        return ctx.t("word.not_stated")
    i = max(i for i, b in enumerate(style.SEQUENTIAL_BINS) if b <= value)
    return _class_text(ctx, i, top)


def _mark_table(ctx, ax, how, regions, drawn_as, text):
    """Record the cells of a violations-by-region table (:func:`aggregate.violations_by` with
    ``derived=True``): one mark per violation and region, a missing figure as 'not stated'."""
    from ..reconcile import Derived

    for v, found in how.iterrows():
        for r in regions:
            d = found[r] if isinstance(found[r], Derived) else None
            value = float("nan") if d is None else float(d.value)
            words = ctx.t("map.zero_inferred") if d is not None and d.zero_from and value == 0 else text(value)
            ctx.mark(ax, label("region", r, ctx.lang), value, d.summed if d else (), drawn_as,
                     series=label("violation", v, ctx.lang), label=words, zero_from=d.zero_from if d else ())


def _violation_units(how, used):
    """{violation: unit} of the rows each violation's cells come from (``used``: rows with ``row_id`` and ``unit``),
    where they share one: a panel or a row of the table names what it counts."""
    from ..reconcile import Derived

    unit_of = dict(zip(used["row_id"], used["unit"].astype(str))) if "unit" in used else {}
    units = {}
    for v, found in how.iterrows():
        got = {unit_of[i] for d in found if isinstance(d, Derived) for i in d.summed + d.zero_from if i in unit_of}
        if len(got) == 1:
            units[str(v)] = got.pop()
    return units


def _with_unit(ctx, v, units):
    """A violation's name with its unit, 'Abduction (children)', where the unit is known."""
    unit = units.get(str(v))
    return label("violation", v, ctx.lang) + (f" ({ctx.t('unit.' + unit)})" if unit else "")


def _region_heatmap(ctx, fid, table, how, used):
    """The violations-by-region table drawn on the classed scale, unknown cells hatched."""
    import matplotlib.patches
    import numpy as np
    import seaborn as sns

    regions, violations = list(table.columns), list(table.index)
    units = _violation_units(how, used)
    fig, ax = _new(ctx, 0.55)
    data = table.to_numpy(dtype=float)
    cmap, norm, colours = _scale()
    sns.heatmap(data, ax=ax, cmap=cmap, norm=norm, annot=False, linewidths=0.5, linecolor=style.NEUTRAL, cbar=False,
                mask=np.isnan(data), xticklabels=[label("region", r, ctx.lang) for r in regions],
                yticklabels=[_fit(ctx, _with_unit(ctx, v, units), ctx.sz.width * 0.24) for v in violations])
    _mark_table(ctx, ax, how, regions, "cell", lambda x: ctx.n(x) if x == x else ctx.t("word.not_stated"))
    for i, j in zip(*np.where(~np.isnan(data))):  # each number in the colour of higher contrast on its cell
        fill = colours[int(norm(data[i, j]))]
        ax.text(j + 0.5, i + 0.5, ctx.n(data[i, j]), ha="center", va="center", fontsize=ctx.small,
                color=style.text_colour_on(fill))
    for i, j in zip(*np.where(np.isnan(data))):
        ax.add_patch(matplotlib.patches.Rectangle((j, i), 1, 1, **style.UNKNOWN, lw=0.5))
    ax.tick_params(axis="x", rotation=90, labelsize=ctx.small)
    ax.tick_params(axis="y", labelsize=ctx.small)
    rows = _prov(used, "grave_violations")
    _finish(fig, ctx, fid, rows, key=_scale_key(ctx, data, _zero_words(ctx, how)))
    return fig, rows, [float(x) for x in data[~np.isnan(data)]]


NAME_AT = {"Bamako": (-11.0, 10.4), "Sikasso": (-3.4, 10.0), "Ménaka": (2.6, 14.3), "Timbuktu": (-3.6, 21.5),
           "Kidal": (1.8, 19.8)}
"""Where the names of regions too small or too crowded to hold them go on the map of region names (longitude,
latitude), each with a leader line to its region where it lies outside it (Bamako, a district, is a few pixels wide)."""


NAME_STACK = ("Ségou", "Koulikoro", "Kayes")
"""The names of the three crowded south-western regions, stacked at the panel's left, above them (where the map
has no land), a line and a half apart at every size, each with a leader line to its region."""


def _region_names(ctx, ax, geo):
    """A map of the regions, each named in the figure's language; the names of regions too small or too
    crowded to hold them (Bamako, a district) set beside, each with a leader line (a line collection, apart
    from the text, so that a name's box is only its words)."""
    from matplotlib.collections import LineCollection

    ax.set_axis_off()
    geo.plot(ax=ax, color="white", edgecolor=style.NEUTRAL, linewidth=0.4)
    ax.set_title(_fit(ctx, ctx.t("map.regions"), ctx.sz.width * 0.2), fontsize=ctx.small, loc="left")
    west, south, east, north = geo.total_bounds
    xlim = (min(west, min(x for x, _ in NAME_AT.values())) - 1.5, max(east, max(x for x, _ in NAME_AT.values())) + 1.5)
    ylim = (min(south, min(y for _, y in NAME_AT.values())) - 0.8, north + 0.5)
    box = ax.get_position()
    fig_w, fig_h = ax.figure.get_size_inches() * 72
    scale = min(box.width * fig_w / (xlim[1] - xlim[0]), box.height * fig_h / (ylim[1] - ylim[0]))  # points per degree
    size = max(6.0, min(ctx.small, box.width * fig_w / 17))  # names no larger than the panel holds apart (slides: 7 pt)
    step = 1.7 * size / scale
    stack = {r: (xlim[0] + 0.2, north - 2.0 - i * step) for i, r in enumerate(NAME_STACK)}
    leaders = []
    for region, shape in zip(geo["region"], geo.geometry):
        name = label("region", region, ctx.lang)
        point = shape.representative_point()
        if region in stack or region in NAME_AT:
            from shapely.geometry import Point

            x, y = stack.get(region) or NAME_AT[region]
            ha = "left" if region in stack else "center"
            # on a white ground, so that a leader line passing under the name starts at its edge
            ax.text(x, y, name, fontsize=size, ha=ha, va="center", color=style.TEXT, gid="region_name", zorder=4,
                    bbox=dict(facecolor="white", edgecolor="none", pad=0.3))
            if not shape.contains(Point(x, y)):  # a leader line from the name to its region
                leaders.append([(x, y), (point.x, point.y)])
        else:
            ax.text(point.x, point.y, name, fontsize=size, ha="center", va="center", color=style.TEXT, gid="region_name")
    ax.add_collection(LineCollection(leaders, colors=style.TEXT, linewidths=0.5, gid="leader", zorder=3))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)


def _region_map(ctx, fid, table, how, totals, used):
    """Small maps of the regions, one per violation and one for all six, on one classed scale."""
    import numpy as np
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from ..citation import source_name
    from ..geography import load_regions_geometry
    from ..reconcile import Derived

    geo = load_regions_geometry()
    regions = list(geo["region"])
    # a single row of slides or posters has no room for the units in its titles (the key says "each violation's unit")
    units = _violation_units(how, used) if ctx.size in ("column", "double") else {}
    # the panel of all six: its unit ('violations') is its title's own word
    how = how.copy()
    total_map = dict(zip(totals["region"].astype(str), totals["value"]))
    panels = [(v, [table.loc[v, r] for r in regions]) for v in table.index]
    panels.append(("all", [total_map.get(r, np.nan) for r in regions]))
    for r, v, i in zip(totals["region"].astype(str), totals["value"], totals["row_id"]):
        how.loc["all", r] = Derived(v, (i,))
    cmap, norm, _ = _scale()
    w = ctx.sz.width
    # one row on slides and posters, where a panel is too narrow for the names of the regions (print sizes have them)
    nrows, ncols = {"column": (4, 2), "double": (2, 4)}.get(ctx.size, (1, 7))
    title_h = 3 * ctx.small * 1.3 / 72 if nrows == 1 else 0  # a single row: room for titles of three lines
    fig = Figure(figsize=(w, round(nrows * w / ncols * 0.8 + title_h, 3)), layout="constrained", dpi=LAYOUT_DPI)
    # geopandas asks the canvas to redraw the whole figure after each layer it adds (canvas.draw_idle): a
    # canvas that draws nothing until the panels are complete (a third of the figure's time, drawing for nobody)
    FigureCanvasBase(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    drawn = []
    top = int(max(float(x) for _, values in panels for x in values if x == x))
    for ax, (v, values) in zip(axes.flat, panels):
        g = geo.assign(value=[float(x) for x in values])
        known = g[g["value"].notna()]
        unknown = g[g["value"].isna()]
        known.plot(ax=ax, column="value", cmap=cmap, norm=norm, edgecolor=style.NEUTRAL, linewidth=0.4)
        if len(unknown):
            unknown.plot(ax=ax, color=style.UNKNOWN["facecolor"], hatch=style.UNKNOWN["hatch"],
                         edgecolor=style.UNKNOWN["edgecolor"], linewidth=0.4)
        drawn += [float(x) for x in known["value"]]
        _mark_table(ctx, ax, how.loc[[v]], regions, "class", lambda x: _map_class(ctx, x, top))
        title = _with_unit(ctx, v, units)
        ax.set_title(_fit(ctx, title, ctx.sz.width / ncols * 0.78), fontsize=ctx.small, loc="left")
        ax.set_axis_off()
    names = axes.flat[len(panels)] if len(axes.flat) > len(panels) else None
    for extra in axes.flat[len(panels) + 1:]:
        extra.remove()  # the key goes below the maps, where the layout engine makes room for it
    if names is not None:
        _region_names(ctx, names, geo)
    FigureCanvasAgg(fig)
    key = _scale_key(ctx, drawn, _zero_words(ctx, how))
    rows = _concat(_prov(used, "grave_violations"), _prov(totals, "grave_violations"))
    boundaries = {s["source_id"]: s for s in open_package().records("sources")}["geoBoundaries-MLI-ADM2"]
    _finish(fig, ctx, fid, rows, note=ctx.t("map.boundaries") + source_name(boundaries, ctx.lang), key=key)
    for coll_ax in axes.flat:
        coll_ax.set_aspect("equal")
    return fig, rows, drawn
