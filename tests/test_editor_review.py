"""Defects an editor found by looking at the figures (issue 14), each checked on the drawn artists."""
import pytest

from mali_caac.figures import close, render


@pytest.mark.parametrize("fid", ["casualties_killed_maimed", "detention_years_outcomes"])
@pytest.mark.parametrize("size", ["double", "column"])
def test_panels_of_one_unit_share_one_scale(fid, size):
    """Side by side, 79 and 56 children must not be bars of the same height (they were at double size)."""
    r = render(fid, "en", size)
    try:
        tops = {round(ax.get_ylim()[1], 6) for ax in r.figure.axes if ax.patches}
        assert len(tops) == 1, f"{fid} at {size}: panels drawn on different scales {sorted(tops)}"
    finally:
        close(r)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_upper_bound_point_points_left_and_its_key_says_so(lang):
    """us_security_cooperation: 'less than $4M' sat on a plain dot whose arrow ran across the axis, while the key
    said 'faded end', a look no point has."""
    r = render("us_security_cooperation", lang, "column")
    try:
        markers = [c for ax in r.figure.axes for c in ax.collections if hasattr(c, "get_paths")]
        labels = [t.get_text() for leg in r.figure.legends for t in leg.get_texts()]
        labels += [t.get_text() for ax in r.figure.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
        assert not any("faded" in x or "estompé" in x for x in labels), labels
        assert any("left" in x or "gauche" in x for x in labels), labels
        arrows = [a for ax in r.figure.axes for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
        assert arrows and all(a.arrow_patch.get_clip_on() for a in arrows if a.arrow_patch.get_clip_box() is not None)
        assert markers
    finally:
        close(r)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_coup_labels_of_us_aid_series_do_not_overprint_each_other_at_column_size(lang):
    """'coup, March 2012' and 'coup, August 2020' were printed over each other at column size."""
    r = render("us_aid_series", lang, "column")
    try:
        renderer = r.figure.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for ax in r.figure.axes for t in ax.texts if t.get_gid() == "coup_label"]
        assert len(boxes) == 3
        overlaps = [(i, j) for i in range(3) for j in range(i + 1, 3) if boxes[i].overlaps(boxes[j])]
        assert not overlaps, f"coup labels {overlaps} overlap"
    finally:
        close(r)
