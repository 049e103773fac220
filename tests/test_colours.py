"""Colour with one meaning (issue 7, item 5): the house palette and the checks that hold it.

Threshold: colours drawn side by side differ by at least ΔE 20 in CAM02-UCS (style.DELTA_E_MIN)
under normal vision and under simulated deuteranopia, protanopia and tritanopia (colorspacious,
severity 100); graphics reach 3:1 and text 4.5:1 against the background (WCAG 2.x).
"""
import itertools

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mali_caac import style  # noqa: E402
from mali_caac.domain import ROOT, VIOLATIONS  # noqa: E402
from mali_caac.figure_checks import CVD_TYPES, colour_problems, contrast_ratio, cvd_delta_e  # noqa: E402

VISIONS = list(CVD_TYPES)
SIX = {v: style.VIOLATION_COLOURS[v] for v in VIOLATIONS}
ADJACENT = list(zip(VIOLATIONS, VIOLATIONS[1:]))  # drawn next to each other in the report's order
DELTA_E_ADJACENT = 25.0
"""Pairs next to each other in the report's order are held to more than the general threshold."""


# --- The measures themselves, against published reference values ---------------------------

def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # WebAIM: #767676 is the lightest grey with 4.5:1 on white (4.54:1); #777777 falls short (4.48:1).
    assert contrast_ratio("#767676", "white") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("white", "#777777") == pytest.approx(4.48, abs=0.01)


def test_delta_e_collapses_the_classic_confusions():
    assert cvd_delta_e("#D55E00", "#D55E00", "deuteranopia") == pytest.approx(0.0, abs=1e-9)
    # Red and green are far apart in normal vision and close for a deuteranope; blue and green
    # stay apart for a deuteranope but come close for a tritanope.
    assert cvd_delta_e("#CC3311", "#449944") > 2 * cvd_delta_e("#CC3311", "#449944", "deuteranopia")
    assert cvd_delta_e("#3366CC", "#33AA99", "tritanopia") < 0.6 * cvd_delta_e("#3366CC", "#33AA99", "deuteranopia")
    with pytest.raises(ValueError, match="unknown colour vision 'deutan'"):
        cvd_delta_e("red", "green", "deutan")


# --- The palette ------------------------------------------------------------------------------

def test_violation_colours_cover_the_six_violations_and_the_total():
    assert list(style.VIOLATION_COLOURS) == [*VIOLATIONS, ROOT]
    assert len(set(style.VIOLATION_COLOURS.values())) == len(style.VIOLATION_COLOURS)


@pytest.mark.parametrize("code", list(style.VIOLATION_COLOURS))
def test_violation_colour_reaches_3_to_1_on_white(code):
    ratio = contrast_ratio(style.VIOLATION_COLOURS[code], "white")
    assert ratio >= style.CONTRAST_GRAPHICS, f"{code} {style.VIOLATION_COLOURS[code]}: {ratio:.2f}:1 on white"


PAIRS = list(itertools.combinations([*VIOLATIONS, ROOT, "unattributed"], 2))


def _colour(name):
    return style.UNATTRIBUTED if name == "unattributed" else style.VIOLATION_COLOURS[name]


@pytest.mark.parametrize("vision", VISIONS, ids=str)
@pytest.mark.parametrize("a,b", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_violation_colours_stay_apart(a, b, vision):
    """Every pair of the six, and each against black ("all") and the unattributed grey."""
    d = cvd_delta_e(_colour(a), _colour(b), vision)
    assert d >= style.DELTA_E_MIN, f"{a} / {b} under {vision or 'normal vision'}: ΔE {d:.1f} < {style.DELTA_E_MIN}"


@pytest.mark.parametrize("vision", VISIONS, ids=str)
@pytest.mark.parametrize("a,b", ADJACENT, ids=[f"{a}-{b}" for a, b in ADJACENT])
def test_neighbours_in_the_report_order_are_well_separated(a, b, vision):
    d = cvd_delta_e(SIX[a], SIX[b], vision)
    assert d >= DELTA_E_ADJACENT, f"{a} / {b} under {vision or 'normal vision'}: ΔE {d:.1f} < {DELTA_E_ADJACENT}"


@pytest.mark.parametrize("name,colour,needed", [
    ("NEUTRAL", style.NEUTRAL, style.CONTRAST_GRAPHICS),
    ("ACCENT", style.ACCENT, style.CONTRAST_GRAPHICS),
    ("UNATTRIBUTED", style.UNATTRIBUTED, style.CONTRAST_GRAPHICS),
    ("UNKNOWN edge", style.UNKNOWN["edgecolor"], style.CONTRAST_GRAPHICS),
    ("TEXT", style.TEXT, style.CONTRAST_TEXT),
    ("TEXT_MUTED", style.TEXT_MUTED, style.CONTRAST_TEXT),
])
def test_neutral_contrast(name, colour, needed):
    ratio = contrast_ratio(colour, "white")
    assert ratio >= needed, f"{name} {colour}: {ratio:.2f}:1 on white, needs {needed}:1"


def test_unknown_is_a_light_hatched_fill():
    assert style.UNKNOWN["hatch"]
    assert contrast_ratio(style.UNKNOWN["facecolor"], "white") < 1.5  # reads as empty, not as a value


@pytest.mark.parametrize("vision", VISIONS, ids=str)
@pytest.mark.parametrize("a,b", [("NEUTRAL", "UNATTRIBUTED"), ("ACCENT", "NEUTRAL"), ("ACCENT", "UNATTRIBUTED"),
                                 ("ACCENT", "all")])
def test_neutrals_and_accent_stay_apart(a, b, vision):
    colours = {"NEUTRAL": style.NEUTRAL, "UNATTRIBUTED": style.UNATTRIBUTED, "ACCENT": style.ACCENT,
               "all": style.VIOLATION_COLOURS[ROOT]}
    d = cvd_delta_e(colours[a], colours[b], vision)
    assert d >= style.DELTA_E_MIN, f"{a} / {b} under {vision or 'normal vision'}: ΔE {d:.1f}"


@pytest.mark.parametrize("code", VIOLATIONS)
def test_accent_is_not_a_violation_colour_in_normal_vision(code):
    d = cvd_delta_e(style.ACCENT, SIX[code])
    assert d >= style.DELTA_E_MIN, f"ACCENT / {code}: ΔE {d:.1f}"


def test_colour_for_asks_for_a_meaning():
    assert style.colour_for("violation", "abduction") == style.VIOLATION_COLOURS["abduction"]
    assert style.colour_for("unattributed") == style.UNATTRIBUTED
    assert style.patch_style("unknown") == style.UNKNOWN
    assert style.patch_style("neutral") == {"facecolor": style.NEUTRAL}
    with pytest.raises(ValueError, match="no colour for violation 'abductions'; expected one of: recruitment"):
        style.colour_for("violation", "abductions")
    with pytest.raises(ValueError, match="no colour for 'party'"):
        style.colour_for("party")


# --- colour_problems on small figures made to fail and to pass --------------------------------

@pytest.fixture
def fig():
    f, ax = plt.subplots(figsize=(4, 3))
    yield f
    plt.close(f)


def _kinds(problems):
    return sorted({p.split(":")[0] for p in problems})


def test_house_figure_passes(fig):
    ax = fig.axes[0]
    x = np.arange(2)
    for i, code in enumerate(VIOLATIONS):  # grouped bars in the report's order
        ax.bar(x + i * 0.12, [3, 4], width=0.12, color=style.colour_for("violation", code), label=code)
    ax.bar([2], [2], **style.patch_style("unattributed"), label="unattributed")
    ax.bar([2.2], [2], **style.patch_style("unknown"), label="not stated")
    ax.grid(color=style.GRID)
    ax.legend(fontsize=6)
    ax.set_title("Six violations", color=style.TEXT)
    fig.text(0.01, 0.01, "Source: report, para 12", color=style.TEXT_MUTED, fontsize=7)
    assert colour_problems(fig) == []


def test_light_bars_and_grey_source_line_fail(fig):
    ax = fig.axes[0]
    ax.bar([0, 1], [1, 2], color=style.LIGHT_GREY)  # today's light grey: 1.4:1
    fig.text(0.01, 0.01, "Source: report", color=style.GREY)  # today's source line: 4.0:1
    problems = colour_problems(fig)
    assert _kinds(problems) == ["contrast", "text contrast"], problems
    assert any("face #D9D9D9 1.41:1" in p for p in problems), problems
    assert any("'Source: report' #7F7F7F is 4.00:1" in p for p in problems), problems


def test_light_bar_with_dark_edge_passes(fig):
    fig.axes[0].bar([0], [1], facecolor="#EEEEEE", edgecolor=style.NEUTRAL, linewidth=1)
    assert colour_problems(fig) == []


def test_light_hatch_without_edge_fails(fig):
    fig.axes[0].bar([0], [1], facecolor="#F2F2F2", hatch="///", edgecolor=style.LIGHT_GREY, linewidth=0)
    problems = colour_problems(fig)
    assert problems and all(p.startswith("contrast:") for p in problems) and "hatch #D9D9D9" in problems[0]


def test_okabe_ito_neighbours_fail_under_deuteranopia(fig):
    # The pair the issue measured: killing (vermillion) next to attacks (orange), drawn darkened
    # enough to pass contrast so that only the side-by-side check can fail.
    fig.axes[0].bar([0, 1], [1, 1], color=["#B34F00", "#A87400"], width=0.9)
    problems = colour_problems(fig)
    assert _kinds(problems) == ["side by side"], problems
    assert "under deuteranopia" in problems[0] or "under protanopia" in problems[0], problems


def test_same_colours_far_apart_are_not_side_by_side(fig):
    ax = fig.axes[0]
    ax.bar([0], [1], color="#B34F00", width=0.2)
    ax.bar([3], [1], color="#A87400", width=0.2)
    assert colour_problems(fig) == []


def test_legend_neighbours_are_checked(fig):
    ax = fig.axes[0]
    ax.plot([0, 1], [0, 1], color="#B34F00", label="a")
    ax.plot([0, 1], [1, 0], color="#A87400", label="b")
    ax.legend()
    problems = colour_problems(fig)
    assert _kinds(problems) == ["side by side"] and "legend entries" in problems[0], problems


def test_heatmap_cells_are_checked(fig):
    ax = fig.axes[0]
    mesh = ax.pcolormesh(np.array([[0.0, 0.05], [1.0, 1.0]]), cmap="Blues", vmin=-3, vmax=1)
    problems = colour_problems(fig)
    assert "side by side" in _kinds(problems) and any("cells" in p for p in problems), problems
    assert mesh.get_array() is not None


def test_white_text_on_light_bar_fails_but_on_dark_bar_passes(fig):
    ax = fig.axes[0]
    ax.bar([0, 1], [1, 1], color=[style.NEUTRAL, style.colour_for("violation", "denial_of_humanitarian_access")],
           width=0.9)
    ax.text(0, 0.5, "12", color="white", ha="center", fontsize=9)
    ax.text(1, 0.5, "34", color="white", ha="center", fontsize=9)
    problems = colour_problems(fig)
    assert problems == [f"text contrast: text '34' #FFFFFF is 3.05:1 against #0A9ED8 (needs 4.5:1)"], problems


def test_accent_with_a_violation_colour_fails(fig):
    ax = fig.axes[0]
    ax.bar([0], [1], color=style.ACCENT, width=0.4)
    ax.bar([2], [1], color=style.colour_for("violation", "abduction"), width=0.4)
    problems = colour_problems(fig)
    assert _kinds(problems) == ["accent"], problems


def test_continuous_scale_is_one_contrast_sentence_and_no_neighbour_check(fig):
    fig.axes[0].pcolormesh(np.linspace(0, 1, 40).reshape(5, 8), cmap="Blues")
    problems = colour_problems(fig)
    assert len(problems) == 1 and problems[0].startswith("contrast: quadmesh against #FFFFFF: "), problems
    assert "colours under 3:1, worst face #F7FBFF 1.04:1" in problems[0], problems
