"""Maps and tables of violations by region: one classed colour scale per unit, never one across units.

The counts by region are in different units (children; attacks on schools and hospitals; incidents of denial
of access; violations, for all six together). A colour read against a key in children cannot be compared with
one read against a key in attacks, so each unit has its own classes (cut at its own largest value) and its own
key, and a key names its unit and serves only panels or rows of that unit. The classes share the one
sequential colour family of the set (:func:`mali_caac.colours.scale_colours`: a family of classes, not roles); what separates units is the key
each panel or row group carries. The white class (zero) and the hatched look (not stated) mean the same in every
unit and have one key for the figure.

Each map panel records its unit in ``ax._mc_unit``; each key its unit in ``legend._mc_unit`` and the units of
the panel or rows it serves in ``legend._mc_serves``, so that tests can check that no key serves two units.
"""
from .. import style
from ..i18n import label
from ..package import open_package
from .context import _concat, _prov
from .layout import LAYOUT_DPI, _finish, _fit, _new


NAME_AT = {"Timbuktu": (-3.9, 20.8), "Kidal": (1.0, 20.2), "Gao": (-0.3, 17.0), "Ménaka": (2.9, 16.2),
           "Mopti": (-2.5, 14.8), "Ségou": (-5.8, 13.4), "Koulikoro": (-7.7, 15.0), "Kayes": (-10.5, 13.3),
           "Sikasso": (-5.9, 11.3)}
"""Where each region's name is set, inside the region (longitude, latitude), clear of its neighbours' names."""

BAMAKO_NAME = (-10.4, 11.0)
"""Bamako (a district a few pixels wide) is named beside it, south-west of it outside Mali, with one short
leader line to it: the only leader line of the panel."""


def violation_units(how, used):
    """{violation: unit} of the rows each violation's cells come from (``used``: rows with ``row_id`` and
    ``unit``); a violation whose rows mix units is its own group, named by the units it mixes ('cases/children')."""
    from ..model import Derived

    unit_of = dict(zip(used["row_id"], used["unit"].astype(str))) if "unit" in used else {}
    units = {}
    for v, found in how.iterrows():
        got = sorted({unit_of[i] for d in found if isinstance(d, Derived) for i in d.summed + d.zero_from
                      if i in unit_of})
        units[str(v)] = "/".join(got) if got else "unknown"
    return units


def unit_words(ctx, unit):
    """The words of a unit ('children', 'enfants'); a mixed unit's words joined by '/'."""
    return "/".join(ctx.t("unit." + u) for u in unit.split("/"))


def unit_tops(units, values):
    """{unit: largest value drawn in it} over ``values`` ({panel: [values]}), NaN ignored."""
    tops = {}
    for v, vals in values.items():
        known = [float(x) for x in vals if x == x]
        if known:
            tops[units[v]] = max(tops.get(units[v], 0.0), max(known))
    return {u: int(t) for u, t in tops.items()}


def class_handles(ctx, top):
    """The key entries of the classes above zero up to ``top`` (the zero and 'not stated' entries are the
    figure's, :func:`shared_key`)."""
    from matplotlib.patches import Patch


    from ..colours import scale_colours

    colours = scale_colours()
    return [Patch(facecolor=colours[i], edgecolor=style.NEUTRAL, lw=0.5, label=_class_text(ctx, i, top))
            for i, lo in enumerate(style.SEQUENTIAL_BINS) if 0 < lo <= top]


def unit_key(ctx, ax, unit, top, where="below", ncols=None, at=None):
    """A key of ``unit``'s classes on ``ax``, titled with the unit, below the panel of a map; or, in a table,
    in one row inside the header row of its group of rows (``at``: the row's middle, in the axes' fraction),
    right-aligned, the header's name naming the unit. Records the unit on the key (and on a map's panel)."""

    handles = class_handles(ctx, top)
    if where == "below":
        ncols = ncols or 2
        legend = ax.legend(handles=_reading_order(handles, ncols), loc="upper left",
                           bbox_to_anchor=(0.0, -0.02), ncols=ncols, frameon=False, fontsize=ctx.small,
                           title_fontsize=ctx.small, handlelength=1.0, handletextpad=0.4, columnspacing=0.8,
                           borderaxespad=0, borderpad=0, title=unit_words(ctx, unit), alignment="left")
        ax._mc_unit = unit
        legend._mc_serves = {unit}
    else:
        legend = ax.legend(handles=handles, loc="center right", bbox_to_anchor=(1.0, at), ncols=len(handles),
                           frameon=False, fontsize=ctx.small, handlelength=1.0, handletextpad=0.4,
                           columnspacing=0.8, borderaxespad=0.2, borderpad=0)
    legend._mc_unit = unit
    legend.set_gid("unit_key")
    return legend


def shared_key(ctx, zero_words):
    """The figure's key of what means the same in every unit: white (zero, named by what its zeros are)
    and hatched grey (not stated)."""
    from matplotlib.patches import Patch

    handles = [Patch(facecolor="#FFFFFF", edgecolor=style.NEUTRAL, lw=0.5, label=zero_words or "0"),
               Patch(**style.UNKNOWN, lw=0.5, label=ctx.t("word.not_stated"))]
    ncols = 1 if ctx.size == "column" else 2
    return dict(handles=handles, ncols=ncols, handlelength=1.2, columnspacing=1.0, title=ctx.t("map.legend_shared"))


def panel_order(units, violations):
    """The panels in groups of one unit each, in the order their units first appear, keeping the order of
    ``violations`` within a group (the children's panels side by side, then attacks, incidents...)."""
    seen = []
    for v in violations:
        if units[str(v)] not in seen:
            seen.append(units[str(v)])
    return [v for u in seen for v in violations if units[str(v)] == u]


def region_names(ctx, ax, geo):
    """A map of the regions, each named inside it in the figure's language, the names no larger than keeps
    them apart; Bamako named beside it with one short leader line (a line collection, apart from the text)."""
    from matplotlib import patheffects
    from matplotlib.collections import LineCollection


    halo = [patheffects.withStroke(linewidth=2, foreground="white")]  # boundaries pass under a name, not through it

    ax.set_axis_off()
    geo.plot(ax=ax, color="white", edgecolor=style.NEUTRAL, linewidth=0.4)
    ax.set_title(_fit(ctx, ctx.t("map.regions"), ctx.sz.width * 0.2), fontsize=ctx.small, loc="left")
    west, south, east, north = geo.total_bounds
    ax.set_xlim(min(west, BAMAKO_NAME[0] - 1.5) - 0.3, east + 0.3)
    ax.set_ylim(min(south, BAMAKO_NAME[1]) - 0.6, north + 0.3)
    ax.set_aspect("equal")
    box = ax.get_position()
    fig_w = ax.figure.get_size_inches()[0] * 72
    size = max(6.0, min(ctx.small, box.width * fig_w / 17))
    bamako = geo[geo["region"] == "Bamako"].geometry.iloc[0].representative_point()
    for region in geo["region"]:
        name = label("region", region, ctx.lang)
        if region == "Bamako":
            x, y = BAMAKO_NAME
            ax.text(x, y, name, fontsize=size, ha="center", va="top", color=style.TEXT, gid="region_name", zorder=4, path_effects=halo)
        else:
            x, y = NAME_AT[region]
            ax.text(x, y, name, fontsize=size, ha="center", va="center", color=style.TEXT, gid="region_name", zorder=4, path_effects=halo)
    # the district, a dot (a line of no length, so that the dot carries no value the figure's data would read)
    ax.add_collection(LineCollection([[(bamako.x, bamako.y), (bamako.x, bamako.y)]], colors=style.TEXT,
                                     linewidths=2.5, capstyle="round", gid="leader_end", zorder=4))
    leader = [[BAMAKO_NAME, (bamako.x - 0.1, bamako.y - 0.1)]]  # from the top of the name to the district
    ax.add_collection(LineCollection(leader, colors=style.TEXT, linewidths=0.5, gid="leader", zorder=3))



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
    from ..model import Derived

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


def _map_class(ctx, value, top):
    """The class of the scale a value is drawn in, named as the key names it."""
    if value != value:
        return ctx.t("word.not_stated")
    i = max(i for i, b in enumerate(style.SEQUENTIAL_BINS) if b <= value)
    return _class_text(ctx, i, top)


def _mark_table(ctx, ax, how, regions, drawn_as, text):
    """Record the cells of a violations-by-region table (:func:`aggregate.violations_by` with
    ``derived=True``): one mark per violation and region, a missing figure as 'not stated'."""
    from ..model import Derived

    for v, found in how.iterrows():
        for r in regions:
            d = found[r] if isinstance(found[r], Derived) else None
            value = float("nan") if d is None else float(d.value)
            words = ctx.t("map.zero_inferred") if d is not None and d.zero_from and value == 0 else text(value)
            ctx.mark(ax, label("region", r, ctx.lang), value, d.summed if d else (), drawn_as,
                     series=label("violation", v, ctx.lang), label=words, zero_from=d.zero_from if d else ())


def _with_unit(ctx, v, units):
    """A violation's name with its unit, 'Abduction (children)', where the unit is known."""
    unit = units.get(str(v))
    return label("violation", v, ctx.lang) + (f" ({ctx.t('unit.' + unit)})" if unit else "")


def _region_heatmap(ctx, fid, table, how, used):
    """The violations-by-region table, its rows in groups of one unit each under a header row naming the
    unit, every group on its own classed scale with its own key in its header row (:mod:`.maps`): colours are
    never compared across units. Each cell prints its number; unknown cells hatched."""
    import matplotlib.patches
    import numpy as np
    import seaborn as sns


    regions = list(table.columns)
    units = violation_units(how, used)
    order = panel_order(units, list(table.index))
    groups = []
    for v in order:
        if groups and units[str(groups[-1][-1])] == units[str(v)]:
            groups[-1].append(v)
        else:
            groups.append([v])
    tops = unit_tops(units, {v: list(table.loc[v]) for v in order})
    lines = [None if i < 0 else g[i] for g in groups for i in range(-1, len(g))]  # None: a group's header row
    fig, ax = _new(ctx, 0.55)
    line = ctx.small * 1.3 / 72  # rows tall enough for two-line names and a key in a header row
    fig.set_figheight(round(max(fig.get_figheight(), 2.6 * len(lines) * line), 3))
    data = np.array([[np.nan] * len(regions) if v is None else table.loc[v].to_numpy(dtype=float) for v in lines])
    cmap, norm, colours = _scale()
    heads = [i for i, v in enumerate(lines) if v is None]
    names = [unit_words(ctx, units[str(lines[i + 1])]).capitalize() if v is None
             else _fit(ctx, label("violation", v, ctx.lang), ctx.sz.width * 0.24) for i, v in enumerate(lines)]
    sns.heatmap(data, ax=ax, cmap=cmap, norm=norm, annot=False, linewidths=0.5, linecolor=style.NEUTRAL, cbar=False,
                mask=np.isnan(data), xticklabels=[label("region", r, ctx.lang) for r in regions], yticklabels=names)
    for i, j in zip(*np.where(~np.isnan(data))):  # each number in the colour of higher contrast on its cell
        fill = colours[int(norm(data[i, j]))]
        ax.text(j + 0.5, i + 0.5, ctx.n(data[i, j]), ha="center", va="center", fontsize=ctx.small,
                color=style.text_colour_on(fill))
    for i, j in zip(*np.where(np.isnan(data))):
        if i not in heads:
            ax.add_patch(matplotlib.patches.Rectangle((j, i), 1, 1, **style.UNKNOWN, lw=0.5))
    ax.tick_params(axis="x", rotation=90, labelsize=ctx.small)
    ax.tick_params(axis="y", labelsize=ctx.small, rotation=0)
    ax.grid(False)  # the header rows are empty of cells: no grid shows through them
    for i, (tick, mark) in enumerate(zip(ax.get_yticklabels(), ax.yaxis.get_major_ticks())):
        if i in heads:
            tick.set_fontweight("bold")
            mark.tick1line.set_visible(False)
    keys = []
    for head, group in zip(heads, groups):
        _mark_table(ctx, ax, how.loc[group], regions, "cell",
                    lambda x: ctx.n(x) if x == x else ctx.t("word.not_stated"))
        unit = units[str(group[0])]
        y = 1 - (head + 0.5) / len(lines)  # the header row's middle, in the axes' fraction (rows run downwards)
        keys.append(unit_key(ctx, ax, unit, tops.get(unit, 0), where="row", at=y))
        keys[-1]._mc_serves = {units[str(v)] for v in group}  # the units of the rows the key serves
    for key in keys[:-1]:
        ax.add_artist(key)  # matplotlib keeps one legend per axes: the others are kept as artists
    rows = _prov(used, "grave_violations")
    _finish(fig, ctx, fid, rows, key=shared_key(ctx, _zero_words(ctx, how)))
    return fig, rows, [float(x) for x in data[~np.isnan(data)]]


def _region_map(ctx, fid, table, how, totals, used):
    """Small maps of the regions, one per violation and one for all six, on one classed scale."""
    import numpy as np
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from ..citation import source_name
    from ..geography import load_regions_geometry
    from ..model import Derived

    geo = load_regions_geometry()
    regions = list(geo["region"])
    units = violation_units(how, used)
    units["all"] = "violations"
    # units in the panel titles at print sizes; on slides and posters each panel's key is titled with its unit
    title_units = units if ctx.size in ("column", "double") else {}
    how = how.copy()
    total_map = dict(zip(totals["region"].astype(str), totals["value"]))
    values = {v: [table.loc[v, r] for r in regions] for v in table.index}
    values["all"] = [total_map.get(r, np.nan) for r in regions]
    for r, v, i in zip(totals["region"].astype(str), totals["value"], totals["row_id"]):
        how.loc["all", r] = Derived(v, (i,))
    panels = [(v, values[v]) for v in panel_order(units, list(table.index))] + [("all", values["all"])]
    tops = unit_tops(units, values)
    cmap, norm, _ = _scale()
    w = ctx.sz.width
    # one row on slides and posters, where a panel is too narrow for the names of the regions (print sizes have them)
    nrows, ncols = {"column": (4, 2), "double": (2, 4)}.get(ctx.size, (1, 7))
    shown = {k: u for k, u in title_units.items() if "/" not in u and u != "violations"}
    titles = {v: _fit(ctx, _with_unit(ctx, v, shown), w / ncols * 0.78) for v, _ in panels}
    # a single row: room for its longest title as the panel will wrap it (three lines, or four in French at some sizes)
    longest = max(_fit(ctx, "a   " + " ".join(t.split()), w / ncols * 0.9).count("\n") + 1 for t in titles.values())
    title_h = max(3, longest) * ctx.small * 1.3 / 72 if nrows == 1 else 0
    key_h = (4 if nrows > 1 else 5) * ctx.small * 1.3 / 72  # each panel's key of its unit, below it (one column in a single row)
    fig = Figure(figsize=(w, round(nrows * (w / ncols * 0.8 + key_h) + title_h, 3)), layout="constrained",
                 dpi=LAYOUT_DPI)
    # geopandas asks the canvas to redraw the whole figure after each layer it adds (canvas.draw_idle): a
    # canvas that draws nothing until the panels are complete (a third of the figure's time, drawing for nobody)
    FigureCanvasBase(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    drawn = []
    for ax, (v, vals) in zip(axes.flat, panels):
        g = geo.assign(value=[float(x) for x in vals])
        known = g[g["value"].notna()]
        unknown = g[g["value"].isna()]
        known.plot(ax=ax, column="value", cmap=cmap, norm=norm, edgecolor=style.NEUTRAL, linewidth=0.4)
        if len(unknown):
            unknown.plot(ax=ax, color=style.UNKNOWN["facecolor"], hatch=style.UNKNOWN["hatch"],
                         edgecolor=style.UNKNOWN["edgecolor"], linewidth=0.4)
        drawn += [float(x) for x in known["value"]]
        top = tops[units[str(v)]]
        _mark_table(ctx, ax, how.loc[[v]], regions, "class", lambda x, top=top: _map_class(ctx, x, top))
        ax.set_title(titles[v], fontsize=ctx.small, loc="left")
        ax.set_axis_off()
        unit_key(ctx, ax, units[str(v)], top, ncols=1 if nrows == 1 else 2)
    names = axes.flat[len(panels)] if len(axes.flat) > len(panels) else None
    for extra in axes.flat[len(panels) + 1:]:
        extra.remove()  # the key goes below the maps, where the layout engine makes room for it
    if names is not None:
        region_names(ctx, names, geo)
    FigureCanvasAgg(fig)
    key = shared_key(ctx, _zero_words(ctx, how))
    rows = _concat(_prov(used, "grave_violations"), _prov(totals, "grave_violations"))
    boundaries = {s["source_id"]: s for s in open_package().records("sources")}["geoBoundaries-MLI-ADM2"]
    _finish(fig, ctx, fid, rows, note=ctx.t("map.boundaries") + source_name(boundaries, ctx.lang), key=key)
    for coll_ax in axes.flat:
        coll_ax.set_aspect("equal")
    return fig, rows, drawn
