"""Hedged values drawn as hedged: a bound or an approximation shows in the mark, not only in its words.

The sources' qualifiers fall into three looks (STYLE.md):

- a *lower bound* ("at least", "more than"): the bar ends open, with a dashed arrow beyond its end
  (a point: a dashed arrow to the right);
- an *upper bound* ("less than", "up to"): the bar's end fades out (a point: a dashed arrow to the left);
- an *approximation* ("about", "approximately", "almost"): a lighter fill with an outline in the
  full colour (a point: a light face).

:func:`hedge_of` refuses a qualifier no look is defined for; :func:`draw_bar` and
:func:`draw_point` draw the look over a drawn mark and note it on the axes, so that
the figure's key (:func:`key_entries`) explains each look it uses.
"""

HEDGES = {"exact": "exact", "approximately": "approximate", "almost": "approximate",
          "at_least": "lower_bound", "more_than": "lower_bound", "less_than": "upper_bound", "up_to": "upper_bound"}
"""{qualifier in data/: how it is drawn}."""

DRAWN_AS = {"exact": "", "lower_bound": "open end", "upper_bound": "faded end", "approximate": "lighter fill"}
"""What the figure's CSV adds to ``drawn_as`` for each look ('horizontal bar, open end')."""

LIGHT = 0.35
"""The opacity of an approximate value's fill (its outline keeps the full colour)."""

ARROW_PT = 11
"""Length in points of a bound's dashed arrow beyond the end of its mark."""


def hedge_of(qualifier, figure=None, parameter="qualifier"):
    """The look of ``qualifier`` (see :data:`HEDGES`); an empty qualifier is exact.

    Raises ValueError naming the figure, the parameter and the qualifiers allowed."""
    q = str(qualifier or "exact").strip()
    if q in ("", "nan", "None"):
        q = "exact"
    if q not in HEDGES:
        where = f"figure {figure!r}: " if figure else ""
        raise ValueError(f"{where}parameter {parameter!r}: the drawing knows no qualifier {q!r}; "
                         f"allowed: {', '.join(HEDGES)}")
    return HEDGES[q]


POINT_DRAWN_AS = {"exact": "", "lower_bound": "arrow to the right", "upper_bound": "arrow to the left",
                  "approximate": "light face"}
"""The same for a point."""


def drawn_as(base, hedge):
    """``drawn_as`` of a mark: its kind, and its hedge's look if any ('horizontal bar, open end')."""
    look = (POINT_DRAWN_AS if base == "point" else DRAWN_AS)[hedge]
    return f"{base}, {look}" if look else base


def label_offset(hedge):
    """Extra points between a mark's end and its value label (room for a bound's arrow)."""
    return ARROW_PT + 1 if hedge in ("lower_bound",) else 0


def _note(ax, hedge, colour):
    notes = ax.figure.__dict__.setdefault("_mc_hedges", {})
    notes.setdefault(hedge, colour)


def _arrow(ax, xy, colour, lw, direction):
    """A dashed arrow from ``xy`` (data) ``ARROW_PT`` points towards ``direction`` (dx, dy)."""
    dx, dy = direction
    return ax.annotate("", xy, xytext=(dx * ARROW_PT, dy * ARROW_PT), textcoords="offset points",
                       arrowprops=dict(arrowstyle="<|-", color=colour, lw=lw, linestyle=(0, (2, 1.2)),
                                       shrinkA=0, shrinkB=0, mutation_scale=6),
                       annotation_clip=False, gid="hedge_arrow")


def draw_bar(ax, bar, hedge, line, horizontal):
    """Draw ``hedge``'s look on ``bar`` (a matplotlib Rectangle already drawn); ``line`` is the size's line width."""
    from matplotlib.colors import to_rgba

    if hedge == "exact":
        return
    colour = bar.get_facecolor()
    full = to_rgba(colour, 1.0)
    _note(ax, hedge, full)
    if hedge == "approximate":
        bar.set_facecolor(to_rgba(full, LIGHT))
        bar.set_edgecolor(full)
        bar.set_linewidth(line * 1.5)
        return
    x, y, w, h = bar.get_x(), bar.get_y(), bar.get_width(), bar.get_height()
    if hedge == "lower_bound":
        end = (x + w, y + h / 2) if horizontal else (x + w / 2, y + h)
        _arrow(ax, end, full, line * 2.2, (1, 0) if horizontal else (0, 1))
        return
    # upper bound: the last third of the bar fades to white, a veil (an image, not a mark of its own) over it
    import numpy as np
    from matplotlib.image import AxesImage

    ramp = np.linspace(0.0, 0.85, 64)
    veil = np.ones((1, 64, 4)) if horizontal else np.ones((64, 1, 4))
    veil[..., 3] = ramp if horizontal else ramp[::-1, None]
    extent = (x + w * 2 / 3, x + w, y, y + h) if horizontal else (x, x + w, y + h * 2 / 3, y + h)
    limits = ax.get_xlim(), ax.get_ylim()
    image = AxesImage(ax, interpolation="bilinear", origin="upper", zorder=bar.get_zorder() + 0.1)
    image.set_data(veil)
    image.set_extent(extent)
    image.set_gid("hedge_fade")
    ax.add_image(image)
    ax.set_xlim(*limits[0])
    ax.set_ylim(*limits[1])
    bar.set_edgecolor(full)  # the outline keeps the bar's length readable where the fill fades
    bar.set_linewidth(line)


def draw_point(ax, xy, hedge, colour, line):
    """Draw ``hedge``'s look on a point at ``xy`` (a value on the x axis): an arrow for a bound; an
    approximate point is drawn with a light face by its caller (:func:`point_face`)."""
    from matplotlib.colors import to_rgba

    if hedge == "exact":
        return
    full = to_rgba(colour, 1.0)
    _note(ax, "upper_bound_point" if hedge == "upper_bound" else hedge, full)  # a point's upper bound is an arrow
    if hedge in ("lower_bound", "upper_bound"):
        arrow = _arrow(ax, xy, full, line * 2.2, (1, 0) if hedge == "lower_bound" else (-1, 0))
        arrow.arrow_patch.set_clip_box(ax.bbox)  # never across the axis into the labels
        arrow.arrow_patch.set_clip_on(True)


def point_marker(hedge):
    """The marker of a point: a triangle pointing left for an upper bound (visible even where its arrow, which
    never crosses the axis, has no room), a circle otherwise."""
    return "<" if hedge == "upper_bound" else "o"


def point_face(colour, hedge):
    """The face of a point: light for an approximate value, full otherwise."""
    from matplotlib.colors import to_rgba

    return to_rgba(colour, LIGHT) if hedge == "approximate" else to_rgba(colour, 1.0)


class _FadedEnd:
    """Legend handler: a bar whose last third fades out."""

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        from matplotlib.colors import to_rgba
        from matplotlib.patches import Rectangle

        x0, y0, w, h = handlebox.xdescent, handlebox.ydescent, handlebox.width, handlebox.height
        colour = orig_handle.get_edgecolor()
        base = Rectangle((x0, y0), w, h, facecolor=colour, edgecolor=colour, lw=0.5,
                         transform=handlebox.get_transform())
        handlebox.add_artist(base)
        for i in range(4):
            part = Rectangle((x0 + w * (2 / 3 + i / 12), y0), w / 12, h, facecolor=to_rgba("white", 0.2 + 0.2 * i),
                             edgecolor="none", transform=handlebox.get_transform())
            handlebox.add_artist(part)
        return base


def key_entries(fig, ctx):
    """(handles, labels, handler map) of the looks of the hedges drawn on ``fig``, in a fixed order."""
    from matplotlib.colors import to_rgba
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    notes = fig.__dict__.get("_mc_hedges", {})
    handles, labels, handler_map = [], [], {}
    for hedge in ("lower_bound", "upper_bound", "upper_bound_point", "approximate"):
        if hedge not in notes:
            continue
        colour = notes[hedge]
        if hedge in ("lower_bound", "upper_bound_point"):
            handle = Line2D([], [], color=colour, lw=1.2, linestyle=(0, (2, 1.2)),
                            marker=">" if hedge == "lower_bound" else "<", markersize=4)
        elif hedge == "upper_bound":
            handle = Patch(facecolor=colour, edgecolor=colour)
            handler_map[handle] = _FadedEnd()
        else:
            handle = Patch(facecolor=to_rgba(colour, LIGHT), edgecolor=colour, lw=1)
        handles.append(handle)
        labels.append(ctx.t(f"hedge.{hedge}"))
    return handles, labels, handler_map
