"""House style: one palette, one font scale, one layout grid, fixed file metadata.

Colours with one meaning each (a colour per grave violation, greys and one
accent for the rest, checked under simulated colour blindness), seaborn's
contexts for the size of text, and save options that make PNG, SVG and PDF byte-identical across runs.
"""
from dataclasses import dataclass

OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}
# The old, multi-meaning greys, kept only so that the colour tests can show what they failed;
# figures ask mali_caac.colours for a colour role (each meaning one colour over the whole set), which
# takes the violation colours and the neutrals below from here.
GREY = "#7F7F7F"
LIGHT_GREY = "#D9D9D9"

DELTA_E_MIN = 20.0
"""Smallest CAM02-UCS colour difference (colorspacious) between colours drawn side by side,
under normal vision and simulated deuteranopia, protanopia and tritanopia (severity 100)."""

CONTRAST_GRAPHICS = 3.0
"""WCAG 2.x contrast ratio a bar, line, marker or edge needs against the background."""

CONTRAST_TEXT = 4.5
"""WCAG 2.x contrast ratio text needs against the background (AA, normal size)."""

# The six violation colours mark violations only. Okabe-Ito hues, darkened and shifted by
# tools/palette_search.py (seed 2, --anchor 0.02) until every pair, and every colour against
# black ("all") and UNATTRIBUTED, is at least 21 apart in CAM02-UCS under every simulation.
# Measured: contrast against white 15.5, 10.6, 7.0, 4.0, 7.0 and 3.05:1 (in this order); smallest
# pairwise difference of the six 26.3 (normal), 21.0 (deuteranopia), 21.2 (protanopia),
# 22.1 (tritanopia); of pairs next to each other in the report's order 26.3, 25.6, 27.8, 25.6.
VIOLATION_COLOURS = {
    "recruitment_and_use": "#000088",               # navy (was Okabe-Ito blue)
    "killing_and_maiming": "#662F0B",               # dark brown (vermillion, darkened)
    "sexual_violence": "#7D01E4",                   # violet (reddish purple, shifted)
    "attacks_on_schools_and_hospitals": "#A97610",  # ochre (orange, darkened)
    "abduction": "#006370",                         # dark teal (bluish green, shifted)
    "denial_of_humanitarian_access": "#0A9ED8",     # sky blue, darkened to 3:1
    "all": OKABE_ITO["black"],                      # all six violations together
}

# Neutrals, one meaning each (contrast against white, WCAG 2.x):
NEUTRAL = "#5E5E5E"
"""Bars and lines of figures that are not about a violation (6.5:1)."""
ACCENT = "#B8290A"
"""The one highlighted bar or series in a figure that is not about a violation (6.3:1). No
colour is far from all six violation colours under every simulation (the best reaches about
13), so the rule is: ACCENT never appears in a figure with a violation colour. It is 23 from
every violation colour in normal vision, and at least 24 from black, NEUTRAL and UNATTRIBUTED
under every simulation."""
UNATTRIBUTED = "#949494"
"""Numbers the source attributes to no party ("not attributed"): 3.03:1, 22 from NEUTRAL."""
UNKNOWN = {"facecolor": "#F2F2F2", "hatch": "////", "edgecolor": NEUTRAL}
"""Values the source does not state: light fill, hatch and a 6.5:1 outline, never a colour."""
TEXT = "#1A1A1A"
"""Titles, labels, numbers on bars (17:1)."""
TEXT_MUTED = "#595959"
"""Source lines, notes, subtitles (7.0:1)."""
GRID = "#E5E5E5"
"""Grid lines: light on purpose, they carry no information."""

SEQUENTIAL_BINS = (0, 1, 10, 50, 200)
"""Lower bounds of the classes of the sequential scale of counts (heatmap, map): a stated zero,
1–9, 10–49, 50–199, 200 and more."""
SEQUENTIAL_CMAP = ("mako_r", (0.25, 0.5, 0.75, 0.95))
"""seaborn's colour map and the points where the classes above zero take their colours. Measured
(tools: colorspacious through mali_caac.figure_checks): neighbouring classes, white included, stay at
least 22.3 apart in CAM02-UCS under normal vision and simulated deuteranopia, protanopia and
tritanopia; five classes is the most any of Blues, Greys, mako, rocket, magma, viridis, cividis and
YlGnBu allow at 20 (six classes: at most 18.2)."""


def sequential_colours():
    """The colours of the classes of :data:`SEQUENTIAL_BINS`: white for a stated zero, then the
    maintained colour map at :data:`SEQUENTIAL_CMAP`'s points. Cells and regions are outlined in
    NEUTRAL, which gives the light classes their 3:1 against the background."""
    import seaborn as sns
    from matplotlib.colors import to_hex

    name, points = SEQUENTIAL_CMAP
    cmap = sns.color_palette(name, as_cmap=True)
    return ["#FFFFFF"] + [to_hex(cmap(p)).upper() for p in points]


def text_colour_on(fill):
    """TEXT or white, whichever has the higher contrast against ``fill`` (numbers written on cells)."""
    from .contrast import contrast_ratio

    return max((TEXT, "#FFFFFF"), key=lambda c: contrast_ratio(c, fill))


_KINDS = {"neutral": NEUTRAL, "accent": ACCENT, "unattributed": UNATTRIBUTED, "unknown": UNKNOWN["facecolor"],
          "text": TEXT, "text_muted": TEXT_MUTED, "grid": GRID}


def colour_for(kind, code=None):
    """The hex colour that means ``kind``: ``("violation", code)`` or one of the neutral kinds.

    Figures ask for a meaning, not a hex, so each colour keeps one meaning everywhere.
    """
    if kind == "violation":
        if code not in VIOLATION_COLOURS:
            raise ValueError(f"no colour for violation {code!r}; expected one of: {', '.join(VIOLATION_COLOURS)}")
        return VIOLATION_COLOURS[code]
    if code is not None or kind not in _KINDS:
        raise ValueError(f"no colour for {kind!r}" + (f" with code {code!r}" if code is not None else "")
                         + f"; expected 'violation' with a code, or one of: {', '.join(_KINDS)}")
    return _KINDS[kind]


def patch_style(kind, code=None):
    """Keyword arguments for a bar or area meaning ``kind`` (the hatched look for ``"unknown"``)."""
    if kind == "unknown":
        return dict(UNKNOWN)
    return {"facecolor": colour_for(kind, code)}






@dataclass(frozen=True)
class Size:
    """A size preset named after its use, as SciencePlots names journal styles.

    ``width`` is the figure's width in inches; its height follows the content,
    up to ``max_height``. Font sizes are in points at print size: ``small``
    (tick labels, value labels, legends, source line) is never under 6 pt, and
    the title stays within about 1.5x the body text."""

    name: str
    width: float
    max_height: float
    body: float
    small: float
    title: float
    line: float  # width of bar edges, grid and axis lines, in points

    @property
    def mm(self):
        return round(self.width * 25.4)


MM = 1 / 25.4
SIZES = {
    "column": Size("column", 89 * MM, 9.0, body=7.5, small=6.5, title=9.0, line=0.5),
    "onehalf": Size("onehalf", 120 * MM, 9.0, body=8.0, small=7.0, title=9.5, line=0.55),
    "double": Size("double", 183 * MM, 9.0, body=8.5, small=7.5, title=10.5, line=0.6),
    "slides": Size("slides", 13.33, 7.5, body=18.0, small=16.0, title=24.0, line=1.2),
    "poster": Size("poster", 400 * MM, 16.0, body=26.0, small=22.0, title=36.0, line=1.6),
}
"""Journal column (89 mm), one and a half columns (120 mm, the 1.5-column width several journals ask for, within
their 120–136 mm), double column (183 mm), a 16:9 slide (13.33 x 7.5 in), a poster (400 mm wide)."""

FONT = "Source Sans Pro"
"""The house font, shipped in ``mali_caac/fonts`` (SIL Open Font License) so that every machine renders alike."""

SAVE_METADATA = {  # the output formats, and what each must leave out to be byte-identical across runs
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    "tiff": {},
}


def register_fonts():
    """Make the shipped font known to matplotlib (once per process)."""
    from pathlib import Path

    from matplotlib import font_manager

    folder = Path(__file__).resolve().parent / "fonts"
    known = {f.fname for f in font_manager.fontManager.ttflist}
    for ttf in sorted(folder.glob("*.ttf")):
        if str(ttf) not in known:
            font_manager.fontManager.addfont(str(ttf))


def apply(size="double"):
    """Set matplotlib to the house style for the size preset ``size`` (see :data:`SIZES`)."""
    import matplotlib as mpl

    sz = SIZES[size]
    register_fonts()
    mpl.rcdefaults()
    mpl.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [FONT, "DejaVu Sans"],
        "font.size": sz.body,
        "axes.titlesize": sz.body,
        "axes.labelsize": sz.body,
        "xtick.labelsize": sz.small,
        "ytick.labelsize": sz.small,
        "legend.fontsize": sz.small,
        "legend.title_fontsize": sz.small,
        "figure.titlesize": sz.title,
        "axes.titlelocation": "left",
        "axes.titleweight": "bold",
        "axes.titlepad": 0.6 * sz.body,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": NEUTRAL,
        "axes.linewidth": sz.line,
        "axes.labelcolor": TEXT,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": GRID,
        "grid.linewidth": sz.line,
        "xtick.color": TEXT,
        "ytick.color": TEXT,
        "xtick.major.width": sz.line,
        "ytick.major.width": sz.line,
        "text.color": TEXT,
        "text.parse_math": False,
        "text.hinting": "none",  # text as wide at every dpi, so a layout holds for every file
        "legend.frameon": False,
        "figure.dpi": 100,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "svg.hashsalt": "mali-caac",
        "svg.fonttype": "none",  # text stays text: editable, searchable, read by screen readers
        "pdf.fonttype": 42,  # TrueType, embedded: journals' preflight checks refuse Type 3
        "path.simplify": False,
    })
    return sz
