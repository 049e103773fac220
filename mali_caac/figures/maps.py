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
    from ..reconcile import Derived

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

    from . import _core

    from ..colours import scale_colours

    colours = scale_colours()
    return [Patch(facecolor=colours[i], edgecolor=style.NEUTRAL, lw=0.5, label=_core._class_text(ctx, i, top))
            for i, lo in enumerate(style.SEQUENTIAL_BINS) if 0 < lo <= top]


def unit_key(ctx, ax, unit, top, where="below", ncols=None, at=None):
    """A key of ``unit``'s classes on ``ax``, titled with the unit, below the panel of a map; or, in a table,
    in one row inside the header row of its group of rows (``at``: the row's middle, in the axes' fraction),
    right-aligned, the header's name naming the unit. Records the unit on the key (and on a map's panel)."""
    from . import _core

    handles = class_handles(ctx, top)
    if where == "below":
        ncols = ncols or 2
        legend = ax.legend(handles=_core._reading_order(handles, ncols), loc="upper left",
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

    from . import _core

    halo = [patheffects.withStroke(linewidth=2, foreground="white")]  # boundaries pass under a name, not through it

    ax.set_axis_off()
    geo.plot(ax=ax, color="white", edgecolor=style.NEUTRAL, linewidth=0.4)
    ax.set_title(_core._fit(ctx, ctx.t("map.regions"), ctx.sz.width * 0.2), fontsize=ctx.small, loc="left")
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

