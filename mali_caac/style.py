"""House style: one palette, one font scale, one layout grid, fixed file metadata.

Okabe-Ito colours (safe for colour-blind readers), a fixed colour per grave
violation so that every figure agrees, seaborn's contexts for the size of
text, and save options that make PNG, SVG and PDF byte-identical across runs.
"""
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}
PALETTE = list(OKABE_ITO.values())
GREY = "#7F7F7F"
LIGHT_GREY = "#D9D9D9"
TEXT_MUTED = "#555555"  # source lines and notes: 7.5:1 against white (WCAG asks 4.5:1)

VIOLATION_COLOURS = {
    "recruitment_and_use": OKABE_ITO["blue"],
    "killing_and_maiming": OKABE_ITO["vermillion"],
    "sexual_violence": OKABE_ITO["reddish_purple"],
    "attacks_on_schools_and_hospitals": OKABE_ITO["orange"],
    "abduction": OKABE_ITO["bluish_green"],
    "denial_of_humanitarian_access": OKABE_ITO["sky_blue"],
    "all": OKABE_ITO["black"],
}

from dataclasses import dataclass


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
    "double": Size("double", 183 * MM, 9.0, body=8.5, small=7.5, title=10.5, line=0.6),
    "slides": Size("slides", 13.33, 7.5, body=18.0, small=16.0, title=24.0, line=1.2),
    "poster": Size("poster", 400 * MM, 16.0, body=26.0, small=22.0, title=36.0, line=1.6),
}
"""Journal column (89 mm), double column (183 mm), a 16:9 slide (13.33 x 7.5 in), a poster (400 mm wide)."""

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
        "axes.edgecolor": GREY,
        "axes.linewidth": sz.line,
        "axes.labelcolor": "#222222",
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": "#E5E5E5",
        "grid.linewidth": sz.line,
        "xtick.color": "#222222",
        "ytick.color": "#222222",
        "xtick.major.width": sz.line,
        "ytick.major.width": sz.line,
        "text.color": "#222222",
        "text.parse_math": False,  # a label with two dollar signs is money, not mathematics
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
