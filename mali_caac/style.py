"""House style: one palette, one font scale, one layout grid, fixed file metadata.

Colours with one meaning each (a colour per grave violation, greys and one
accent for the rest, checked under simulated colour blindness), seaborn's
contexts for the size of text, and save options that make PNG, SVG and PDF byte-identical across runs.
"""
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}
PALETTE = list(OKABE_ITO.values())
# OKABE_ITO, PALETTE, GREY and LIGHT_GREY are the old, multi-meaning names still used by the
# figure modules (issue 7, item 5); new code asks colour_for(kind, code) for a meaning instead.
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


CONTEXTS = {"paper": 1.0, "slides": 1.35, "poster": 1.7}
"""Size contexts and their font scale (seaborn's paper/talk/poster spirit)."""

WIDTH = {"paper": 7.0, "slides": 10.0, "poster": 12.0}
"""Figure width in inches for each context: one column grid across the set."""

FORMATS = ("png", "svg", "pdf")
LANGS = ("en", "fr")

SAVE_METADATA = {
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
