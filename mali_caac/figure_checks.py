"""What a journal's figure editor checks, measured on a drawn matplotlib figure.

:func:`layout_problems` draws the figure at its print size and, with the
renderer's own text extents, lists every text that leaves the canvas, every
pair of texts that overlap (tick labels, value labels, annotations, legend
entries, titles, panel titles, source lines), every legend that leaves the
canvas, every text smaller than the minimum size, and every empty horizontal
band taller than a limit between parts of the figure. An empty list means the
layout is clean. :func:`colour_problems` does the same for colour: contrast (WCAG 2.x) and
colours drawn side by side that simulated colour blindness would merge.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

from .contrast import _colorspacious, _rgb, contrast_ratio, relative_luminance  # noqa: F401  (re-exported)

MIN_TEXT_PT = 6.0
"""No text smaller than this at print size (journals ask for 5-7 pt)."""

MAX_GAP_MM = 6.0
"""The tallest empty horizontal band allowed between two parts of a figure."""

OVERLAP_PX = 1.0
"""Two text boxes overlap when they share more than this many pixels each way."""


@dataclass(frozen=True)
class Box:
    what: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other, tol=OVERLAP_PX):
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > tol
                and min(self.y1, other.y1) - max(self.y0, other.y0) > tol)


def _describe(text):
    s = " ".join(text.get_text().split())
    return repr(s if len(s) <= 40 else s[:37] + "...")


def _tick_labels_drawn(ax):
    """The tick labels a reader sees: non-empty, visible, with their tick inside the view limits."""
    out = []
    if not ax.axison:
        return out
    for axis, (lo, hi) in ((ax.xaxis, sorted(ax.get_xlim())), (ax.yaxis, sorted(ax.get_ylim()))):
        span = (hi - lo) * 1e-9
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            loc = tick.get_loc()
            if loc is None or not (lo - span <= loc <= hi + span):
                continue
            for label in (tick.label1, tick.label2):
                if label.get_visible() and label.get_text().strip():
                    out.append(label)
    return out


def drawn_texts(fig):
    """Every text a reader sees on ``fig`` (after it has been drawn), in drawing order."""
    from matplotlib.text import Text

    seen, out = set(), []
    tick_labels = {id(t) for ax in fig.axes for t in _tick_labels_drawn(ax)}
    hidden = {id(axis.label) for ax in fig.axes if not ax.axison for axis in (ax.xaxis, ax.yaxis)}
    all_ticks = {id(t) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)
                 for tick in axis.get_major_ticks() + axis.get_minor_ticks() for t in (tick.label1, tick.label2)}
    for text in fig.findobj(Text):
        if id(text) in seen or not text.get_visible() or not text.get_text().strip():
            continue
        if id(text) in hidden or (id(text) in all_ticks and id(text) not in tick_labels):
            continue
        if text.axes is not None and not text.axes.get_visible():
            continue
        seen.add(id(text))
        out.append(text)
    return out


def layout_problems(fig, *, min_pt=MIN_TEXT_PT, max_gap_mm=MAX_GAP_MM):
    """Problems of the figure's layout at print size, as readable sentences (empty if none)."""
    _agg(fig).draw()
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    width, height = fig.bbox.width, fig.bbox.height
    problems = []
    texts = drawn_texts(fig)
    boxes = []
    for text in texts:
        bb = text.get_window_extent(renderer)
        box = Box(_describe(text), bb.x0, bb.y0, bb.x1, bb.y1)
        boxes.append(box)
        if bb.x0 < -0.5 or bb.y0 < -0.5 or bb.x1 > width + 0.5 or bb.y1 > height + 0.5:
            problems.append(f"text {box.what} leaves the canvas")
        if text.get_fontsize() < min_pt - 1e-6:
            problems.append(f"text {box.what} is {text.get_fontsize():.1f} pt, under {min_pt:g} pt")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.overlaps(b):
                problems.append(f"texts {a.what} and {b.what} overlap")
    parts = list(boxes)
    for ax in fig.axes:
        if ax.get_visible():
            bb = ax.get_window_extent(renderer)
            parts.append(Box("axes", bb.x0, bb.y0, bb.x1, bb.y1))
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            bb = legend.get_window_extent(renderer)
            if bb.x0 < -0.5 or bb.y0 < -0.5 or bb.x1 > width + 0.5 or bb.y1 > height + 0.5:
                problems.append("a legend leaves the canvas")
            parts.append(Box("legend", bb.x0, bb.y0, bb.x1, bb.y1))
    for legend in fig.legends:
        bb = legend.get_window_extent(renderer)
        if bb.x0 < -0.5 or bb.y0 < -0.5 or bb.x1 > width + 0.5 or bb.y1 > height + 0.5:
            problems.append("a figure legend leaves the canvas")
        parts.append(Box("legend", bb.x0, bb.y0, bb.x1, bb.y1))
    legend_texts = {id(x) for lg in [ax.get_legend() for ax in fig.axes] + list(fig.legends) if lg is not None
                    for x in lg.get_texts() + [lg.get_title()]}
    for lg in [ax.get_legend() for ax in fig.axes] + list(fig.legends):
        if lg is None or not lg.get_visible():
            continue
        bb = lg.get_window_extent(renderer)
        box = Box("legend", bb.x0, bb.y0, bb.x1, bb.y1)
        for text, tbox in zip(texts, boxes):
            if id(text) not in legend_texts and tbox.overlaps(box):
                problems.append(f"text {tbox.what} and a legend overlap")
    gap = largest_gap([(max(p.y0, 0), min(p.y1, height)) for p in parts], height)
    gap_mm = gap / dpi * 25.4
    if gap_mm > max_gap_mm:
        problems.append(f"an empty band of {gap_mm:.1f} mm separates parts of the figure (limit {max_gap_mm:g} mm)")
    return problems


def largest_gap(intervals, height):
    """The tallest stretch of [0, height] between occupied intervals (margins at the edges excluded)."""
    spans = sorted((lo, hi) for lo, hi in intervals if hi > lo)
    if not spans:
        return 0.0
    gap, reach = 0.0, spans[0][1]
    for lo, hi in spans[1:]:
        if lo > reach:
            gap = max(gap, lo - reach)
        reach = max(reach, hi)
    return gap


def _agg(fig):
    """The figure's canvas, an Agg one if it has none that can render."""
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    return fig.canvas


def text_sizes(fig):
    """(smallest, largest) font size in points of the texts a reader sees."""
    _agg(fig).draw()
    sizes = [t.get_fontsize() for t in drawn_texts(fig)]
    return (min(sizes), max(sizes)) if sizes else (None, None)


# ----------------------------------------------------------------------------- English words in French text
ENGLISH_MIN_ZIPF = 2.5
"""A word can be English only if it is at least this common in English (Zipf scale, wordfreq)."""

ENGLISH_MARGIN_ZIPF = 1.0
"""... and at least this much more common in English than in French (1.0 = ten times)."""

ENGLISH_ALWAYS = frozenset({"para", "paras"})
"""English abbreviations that the word lists cannot tell from French (both rare, 'para' also Spanish)."""

FRENCH_HOMOGRAPHS = frozenset({"an", "cases", "issues"})
"""French words spelt like a common English word ('un an', 'cases hachurées', 'toutes issues')."""

PROPER_NAMES = (
    "Watchlist on Children and Armed Conflict", "Watchlist", "Human Rights Watch", "Foreign Aid Explorer",
    "Security Assistance Monitor", "Center for International Policy", "Center for Human Rights and Humanitarian Studies", "Brown University", "InterAction",
    "geoBoundaries", "Natural Earth", "Runfola et al.", "afric.info", "shapeName", "Barkhane", "Wagner",
    "Ansar Eddine", "Al-Mourabitoun", "Ganda Koy", "Ganda Izo", "Armed Conflict Location & Event Data Project",
)
"""Names kept in their own language in French text (organisations, publications, operations, groups)."""

_VERBATIM = re.compile(r"“[^”]*”")
_CODE = re.compile(r"\S+://\S+|\S+\.(?:csv|json|geojson|txt|md|org|gov|com)\b|\w*_\w*|\{\w+\}|mali-caac [\w-]+")
_WORD = re.compile(r"[^\W\d_]+")


def english_words(text, names=PROPER_NAMES):
    """The English words in a French ``text``, in order of appearance.

    A word is English when wordfreq finds it common in English (``ENGLISH_MIN_ZIPF``) and
    clearly rarer in French (``ENGLISH_MARGIN_ZIPF``), or is one of ``ENGLISH_ALWAYS``. Not
    counted: the proper ``names``, acronyms (two capitals or more: FAMa, MINUSMA), document
    symbols and numbers, addresses, file names, identifiers (row_id) and commands, single
    letters, ``FRENCH_HOMOGRAPHS``, and verbatim quotes, which stay in the language of their
    source between “ and ”."""
    from wordfreq import zipf_frequency

    text = " ".join(_VERBATIM.sub(" ", str(text)).split())  # a name may be broken across lines
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = _CODE.sub(" ", text)
    found = []
    for word in _WORD.findall(text):
        if len(word) < 2 or sum(c.isupper() for c in word) >= 2 or word.lower() in FRENCH_HOMOGRAPHS:
            continue
        low = word.lower()
        if low in ENGLISH_ALWAYS:
            found.append(word)
            continue
        en, fr = zipf_frequency(low, "en"), zipf_frequency(low, "fr")
        if en >= ENGLISH_MIN_ZIPF and en - fr >= ENGLISH_MARGIN_ZIPF:
            found.append(word)
    return found


# --- Colour -------------------------------------------------------------------------------
# Contrast follows WCAG 2.x (relative luminance, (L1 + 0.05) / (L2 + 0.05)); colour difference
# is ΔE in CAM02-UCS, and colour blindness is simulated at full severity (Machado et al. 2009),
# both by colorspacious, imported inside the functions so that the library runs without it.

CVD_TYPES = {None: None, "deuteranopia": "deuteranomaly", "protanopia": "protanomaly", "tritanopia": "tritanomaly"}
"""The visions checked, and colorspacious's name for each (severity 100 is the full dichromacy)."""


def _hex(colour):
    from matplotlib.colors import to_hex

    return to_hex(colour, keep_alpha=False).upper()


@lru_cache(maxsize=4096)
def _ucs(rgb, cvd):
    import numpy as np

    cs = _colorspacious()
    if CVD_TYPES[cvd] is not None:
        sim = {"name": "sRGB1+CVD", "cvd_type": CVD_TYPES[cvd], "severity": 100}
        rgb = np.clip(cs.cspace_convert(rgb, sim, "sRGB1"), 0, 1)
    return tuple(cs.cspace_convert(rgb, "sRGB1", "CAM02-UCS"))


def cvd_delta_e(c1, c2, cvd=None):
    """ΔE (CAM02-UCS) between two opaque colours as seen with ``cvd`` (None for normal vision)."""
    if cvd not in CVD_TYPES:
        raise ValueError(f"unknown colour vision {cvd!r}; expected one of: {', '.join(map(str, CVD_TYPES))}")
    a, b = _ucs(_rgb(c1), cvd), _ucs(_rgb(c2), cvd)
    return sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5


def min_delta_e(c1, c2):
    """(smallest ΔE over every vision in CVD_TYPES, the vision where it occurs)."""
    return min((cvd_delta_e(c1, c2, cvd), cvd) for cvd in CVD_TYPES)


def _over(rgba, background):
    """An RGBA colour composited over an opaque background, as an opaque RGB tuple."""
    from matplotlib.colors import to_rgba

    r, g, b, a = to_rgba(rgba)
    bg = _rgb(background)
    return tuple(round(a * c + (1 - a) * k, 6) for c, k in zip((r, g, b), bg))


def _visible(rgba):
    from matplotlib.colors import to_rgba

    return rgba is not None and not (isinstance(rgba, str) and rgba == "none") and to_rgba(rgba)[3] > 0.01


def _background(ax):
    from matplotlib.colors import to_rgba

    fig_bg = _over(ax.figure.get_facecolor(), "white")
    return _over(ax.get_facecolor(), fig_bg) if to_rgba(ax.get_facecolor())[3] > 0 else fig_bg


def _graphics(ax):
    """(description, face RGBA or None, [(outline part, RGBA)], artist) for each data mark of ``ax``.

    The outline parts are the edge (when its width is above zero) and the hatch (when there is one).
    """
    import numpy as np
    from matplotlib.collections import LineCollection

    def outline(edge, width, hatch, hatchcolour):
        parts = [("edge", edge)] if width > 0 else []
        return parts + ([("hatch", hatchcolour)] if hatch else [])

    marks = []
    for p in ax.patches:
        if p.get_visible():
            marks.append((type(p).__name__.lower(), p.get_facecolor() if p.get_fill() else None,
                          outline(p.get_edgecolor(), p.get_linewidth(), p.get_hatch(), p.get_hatchcolor()), p))
    for line in ax.lines:
        if not line.get_visible():
            continue
        if line.get_linestyle() not in ("None", "none", "", " ") and line.get_linewidth() > 0:
            marks.append(("line", None, [("line", line.get_color())], line))
        if line.get_marker() not in (None, "None", "none", "", " "):
            marks.append(("marker", line.get_markerfacecolor(),
                          outline(line.get_markeredgecolor(), line.get_markeredgewidth(), None, None), line))
    for coll in ax.collections:
        if not coll.get_visible():
            continue
        is_line = isinstance(coll, LineCollection)
        faces = [] if is_line else list(np.atleast_2d(coll.get_facecolors()))
        edges = list(np.atleast_2d(coll.get_edgecolors()))
        widths = np.atleast_1d(coll.get_linewidths())
        hatch, hatchcolour = coll.get_hatch(), coll.get_hatchcolor()
        for i in range(max(len(faces), len(edges))):
            face = faces[i % len(faces)] if faces else None
            edge = edges[i % len(edges)] if len(edges) else None
            width = float(widths[i % len(widths)]) if len(widths) else 0.0
            if is_line:
                marks.append(("line", None, [("line", edge)] if width > 0 else [], coll))
            else:
                marks.append((type(coll).__name__.lower(), face, outline(edge, width, hatch, hatchcolour), coll))
    return marks


def _side_by_side_bars(ax):
    """Pairs of filled rectangles that touch or nearly touch (bars in a group, stacked segments)."""
    from matplotlib.patches import Rectangle

    rects = []
    for p in ax.patches:
        if isinstance(p, Rectangle) and p.get_visible() and p.get_fill() and _visible(p.get_facecolor()):
            bb = p.get_window_extent()
            if bb.width > 0 and bb.height > 0:
                rects.append((p, bb))
    pairs = []
    for i, (p, a) in enumerate(rects):
        for q, b in rects[i + 1:]:
            gap_x = max(a.x0, b.x0) - min(a.x1, b.x1)  # < 0 where they overlap in x
            gap_y = max(a.y0, b.y0) - min(a.y1, b.y1)
            near_x = 0.6 * min(a.width, b.width) + 1
            near_y = 0.6 * min(a.height, b.height) + 1
            if (gap_x <= near_x and gap_y < 0) or (gap_y <= near_y and gap_x < 0):
                pairs.append((p, q))
    return pairs


def _legend_colour(handle):
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if isinstance(handle, Patch):
        return (handle.get_facecolor() if handle.get_fill() else handle.get_edgecolor()), handle.get_hatch()
    if isinstance(handle, Line2D):
        if handle.get_linestyle() in ("None", "none", "", " "):
            return handle.get_markerfacecolor(), None
        return handle.get_color(), None
    if isinstance(handle, Collection):
        faces = handle.get_facecolors()
        return (faces[0] if len(faces) else handle.get_edgecolors()[0]), handle.get_hatch()
    return None, None


MAX_CATEGORIES = 12
"""A heatmap with more distinct colours than this is read as a continuous scale, not as categories."""


def _cell_pairs(coll):
    """Right and lower neighbours in a QuadMesh (a heatmap's cells), as pairs of face colours."""
    import numpy as np

    faces = np.asarray(coll.get_facecolors())
    rows, cols = coll.get_coordinates().shape[:2]
    rows, cols = rows - 1, cols - 1
    if rows * cols != len(faces):
        return []
    grid = faces.reshape(rows, cols, 4)
    pairs = [(grid[r, c], grid[r, c + 1]) for r in range(rows) for c in range(cols - 1)]
    pairs += [(grid[r, c], grid[r + 1, c]) for r in range(rows - 1) for c in range(cols)]
    return pairs


def _text_backgrounds(fig, texts):
    """The colour behind each text: the commonest pixel under it with every text hidden."""
    import numpy as np

    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    for t in texts:
        t.set_visible(False)
    try:
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    finally:
        for t in texts:
            t.set_visible(True)
    h, w = img.shape[:2]
    out = []
    for bb in boxes:
        x0, x1 = max(int(bb.x0), 0), min(int(np.ceil(bb.x1)), w)
        y0, y1 = max(int(h - np.ceil(bb.y1)), 0), min(int(h - bb.y0), h)
        patch = img[y0:y1, x0:x1].reshape(-1, 3)
        if not len(patch):
            out.append(None)
            continue
        values, counts = np.unique(patch, axis=0, return_counts=True)
        out.append(tuple(float(v) / 255 for v in values[counts.argmax()]))
    fig.canvas.draw()
    return out


def colour_problems(fig, *, graphics=None, text=None, delta_e=None):
    """Colour problems of a drawn figure, as readable sentences starting with their kind (empty if none).

    ``contrast``: a data mark (bar, patch, line, marker, collection) whose face has less than
    ``graphics`` (3:1) against the axes background and no edge that reaches it; ``text contrast``:
    a text under ``text`` (4.5:1) against what is behind it; ``side by side``: two different colours
    drawn next to each other (touching bars, neighbouring legend entries, neighbouring heatmap cells,
    unless their hatches differ) closer than ``delta_e`` in CAM02-UCS under normal vision or a
    simulated deuteranopia, protanopia or tritanopia; ``accent``: the accent colour in a figure that
    also draws a violation colour. Defaults come from :mod:`mali_caac.style`.
    """
    from matplotlib.collections import QuadMesh

    from . import style

    graphics = style.CONTRAST_GRAPHICS if graphics is None else graphics
    text = style.CONTRAST_TEXT if text is None else text
    delta_e = style.DELTA_E_MIN if delta_e is None else delta_e
    fig.canvas.draw()
    problems, data_colours = [], set()

    def close_pair(kind, a, b, bg):
        ca, cb = _over(a, bg), _over(b, bg)
        if _hex(ca) == _hex(cb):
            return
        d, cvd = min_delta_e(ca, cb)
        if d < delta_e:
            problems.append(f"side by side: {kind} {_hex(ca)} and {_hex(cb)} differ by ΔE {d:.1f} under "
                            f"{cvd or 'normal vision'} (needs {delta_e:g})")

    for ax in fig.axes:
        if not ax.get_visible():
            continue
        bg = _background(ax)
        failing = {}  # artist -> (what, [(lowest ratio, measured)], number of colours)
        for what, face, outlines, artist in _graphics(ax):
            shown = [(part, _over(c, bg)) for part, c in outlines if _visible(c)]
            if _visible(face):
                data_colours.add(_hex(_over(face, bg)))
            elif shown:
                data_colours.update(_hex(c) for _, c in shown)
            else:
                continue
            ratios = [(part, c, contrast_ratio(c, bg)) for part, c in shown]
            if _visible(face):
                ratios.insert(0, ("face", _over(face, bg), contrast_ratio(_over(face, bg), bg)))
            if any(r >= graphics for _, _, r in ratios):
                continue
            measured = ", ".join(f"{part} {_hex(c)} {r:.2f}:1" for part, c, r in ratios)
            failing.setdefault(id(artist), (what, [], artist))[1].append((max(r for _, _, r in ratios), measured))
        for what, fails, artist in failing.values():
            fails = sorted(set(fails))
            if len(fails) == 1:
                problems.append(f"contrast: {what} against {_hex(bg)}: {fails[0][1]} (needs {graphics:g}:1)")
            else:  # a colour scale or a collection of many colours: one sentence, with the worst
                problems.append(f"contrast: {what} against {_hex(bg)}: {len(fails)} colours under {graphics:g}:1, "
                                f"worst {fails[0][1]}")
        for p, q in _side_by_side_bars(ax):
            if (p.get_hatch() or None) == (q.get_hatch() or None):
                close_pair("bars", p.get_facecolor(), q.get_facecolor(), bg)
        for coll in ax.collections:
            if isinstance(coll, QuadMesh):
                # Neighbouring cells must differ only where the colours name categories or bins
                # (a few colours); a continuous scale encodes size, and close values look close.
                if len({_hex(c) for c in coll.get_facecolors()}) <= MAX_CATEGORIES:
                    for a, b in _cell_pairs(coll):
                        close_pair("cells", a, b, bg)
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None] + list(fig.legends)
    for legend in legends:
        if not legend.get_visible():
            continue
        bg = _over(legend.get_frame().get_facecolor(), "white") if legend.get_frame_on() else "white"
        entries = [_legend_colour(h) for h in legend.legend_handles]
        for (a, ha), (b, hb) in zip(entries, entries[1:]):
            if _visible(a) and _visible(b) and (ha or None) == (hb or None):
                close_pair("legend entries", a, b, bg)
    texts = drawn_texts(fig)
    for t, behind in zip(texts, _text_backgrounds(fig, texts)):
        if behind is None:
            continue
        colour = _over(t.get_color(), behind)
        ratio = contrast_ratio(colour, behind)
        if ratio < text:
            problems.append(f"text contrast: text {_describe(t)} {_hex(colour)} is {ratio:.2f}:1 against "
                            f"{_hex(behind)} (needs {text:g}:1)")
    violation = {_hex(c) for k, c in style.VIOLATION_COLOURS.items() if k != "all"}
    if _hex(style.ACCENT) in data_colours and data_colours & violation:
        problems.append(f"accent: the accent {_hex(style.ACCENT)} is drawn with violation colour(s) "
                        f"{', '.join(sorted(data_colours & violation))}")
    return list(dict.fromkeys(problems))
