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

VIOLATION_COLOURS = {
    "recruitment_and_use": OKABE_ITO["blue"],
    "killing_and_maiming": OKABE_ITO["vermillion"],
    "sexual_violence": OKABE_ITO["reddish_purple"],
    "attacks_on_schools_and_hospitals": OKABE_ITO["orange"],
    "abduction": OKABE_ITO["bluish_green"],
    "denial_of_humanitarian_access": OKABE_ITO["sky_blue"],
    "all": OKABE_ITO["black"],
}

CONTEXTS = {"paper": 1.0, "slides": 1.35, "poster": 1.7}
"""Size contexts and their font scale (seaborn's paper/talk/poster spirit)."""

WIDTH = {"paper": 7.0, "slides": 10.0, "poster": 12.0}
"""Figure width in inches for each context: one column grid across the set."""

SAVE_METADATA = {  # the output formats, and what each must leave out to be byte-identical across runs
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def apply(context="paper"):
    """Set matplotlib and seaborn to the house style for ``context``."""
    import matplotlib as mpl
    import seaborn as sns

    sns.set_theme(context="paper", style="whitegrid", palette=PALETTE, font="DejaVu Sans",
                  font_scale=CONTEXTS[context] * 1.1)
    mpl.rcParams.update({
        "svg.hashsalt": "mali-caac",
        "svg.fonttype": "path",
        "pdf.fonttype": 3,  # subset Type 3 fonts: 3x faster to write than Type 42, same look
        "figure.dpi": 100,
        "axes.titlelocation": "left",
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "grid.color": "#E5E5E5",
        "path.simplify": False,
    })


def size(context, height_ratio=0.55):
    """(width, height) in inches for a figure of the given aspect in ``context``."""
    w = WIDTH[context]
    return (w, round(w * height_ratio, 2))
