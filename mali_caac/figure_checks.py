"""What a journal's figure editor checks, measured on a drawn matplotlib figure.

:func:`layout_problems` draws the figure at its print size and, with the
renderer's own text extents, lists every text that leaves the canvas, every
pair of texts that overlap (tick labels, value labels, annotations, legend
entries, titles, panel titles, source lines), every legend that leaves the
canvas, every text smaller than the minimum size, and every empty horizontal
band taller than a limit between parts of the figure. An empty list means the
layout is clean.
"""
import re
from dataclasses import dataclass

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
    "Security Assistance Monitor", "Center for International Policy", "Brown University", "InterAction",
    "geoBoundaries", "Natural Earth", "Runfola et al.", "afric.info", "shapeName", "Barkhane", "Wagner",
    "Ansar Eddine", "Al-Mourabitoun", "Ganda Koy", "Ganda Izo",
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
