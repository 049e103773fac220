"""Every figure, in both languages, keeps colour readable (mali_caac.figure_checks.colour_problems).

Data marks reach 3:1 and text 4.5:1 against what is behind them (WCAG 2.x), and colours drawn side
by side stay ΔE 20 apart (CAM02-UCS) under normal vision and simulated deuteranopia, protanopia and
tritanopia; the accent is never drawn with a violation colour.
"""
import pytest

from mali_caac.figure_checks import colour_problems
from mali_caac.figures import close, figure_ids, render

# Measured on the figure modules of main at 4fdc530 with the palette of issue 7, item 5: all 86
# renders (43 figures x 2 languages, paper size) fail, with 144 problems: 106 text contrast (the
# #7F7F7F source line, 4.00:1, on every figure; 6 grey annotations; 14 value labels on a fill),
# 16 contrast (light-grey #D9D9D9 bars, hatch and lines at 1.41:1, Okabe-Ito sky blue at 2.31:1,
# the Blues heatmap of overview_regions) and 22 side by side (Okabe-Ito vermillion next to the
# attacks colour, ΔE 3.1 under protanopia; reddish purple next to blue, ΔE 14.0; the map's bins).
# After the figure modules moved to the palette's meanings (NEUTRAL, ACCENT, UNATTRIBUTED,
# UNKNOWN, TEXT_MUTED): 82 of 86 pass. The two sequential colour scales (the heatmap's light cells
# under 3:1 with white numbers on mid blues, the map's neighbouring classes under ΔE 20 in
# simulation) were redrawn as five classes of seaborn's mako (style.SEQUENTIAL_CMAP: neighbours at
# least ΔE 22.3 apart, cells outlined in NEUTRAL, numbers in black or white by contrast): 86 of 86.
KNOWN_FAILING = set()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", figure_ids())
def test_figure_colours(fid, lang, request):
    if fid in KNOWN_FAILING:
        request.applymarker(pytest.mark.xfail(reason="sequential colour scale: issue 7", strict=True))
    r = render(fid, lang, "double")
    try:
        problems = colour_problems(r.figure)
    finally:
        close(r)
    assert not problems, f"{fid} ({lang}):\n  " + "\n  ".join(problems)
