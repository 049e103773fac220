"""Every figure, in both languages and at every size, has a layout a journal would accept.

Measured with the renderer's own text extents (mali_caac.figure_checks): no
text or legend leaves the canvas, no two texts overlap, no text is under 6 pt,
and no empty band taller than 6 mm separates parts of the figure.
"""
import pytest

from mali_caac.figure_checks import layout_problems
from mali_caac.figures import PARAMETERS, close, figure_ids, render

SIZES = PARAMETERS["size"]

# Committed before the fixes of issue 7: on 23 November 2026 this test failed for
# all 258 renders (43 figures x 2 languages x 3 sizes): an empty band of 11-21 mm
# under every title, overlapping period labels, clipped legends and map labels.
# After the new layout: 340 of 344 renders (4 sizes) pass. The small-multiple map
# left an empty band of 7-11 mm between its rows at slides and poster size (the maps
# keep their aspect, so long panel titles wrap onto three lines); its panels now sit
# in one row at those sizes: 344 of 344.
KNOWN_FAILING = set()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", figure_ids())
def test_layout(fid, lang, size, request):
    if (fid, lang, size) in KNOWN_FAILING:
        request.applymarker(pytest.mark.xfail(reason="map rows at slides/poster size: issue 7", strict=True))
    r = render(fid, lang, size)
    try:
        problems = layout_problems(r.figure)
    finally:
        close(r)
    assert not problems, f"{fid} ({lang}, {size}):\n  " + "\n  ".join(problems)
