"""What the violation figures say, read back from the rendered figures (issue 7, item 6).

Each test renders a figure and reads its labels, bars, texts and axes, so that
it checks what a reader sees, not the code path that drew it.
"""
import pytest
from matplotlib.container import BarContainer

import mali_caac
from mali_caac.figures import close, render


@pytest.fixture
def rendered():
    """Render figures and free them afterwards."""
    made = []

    def draw(fid, lang="en", size="double", bare=False):
        r = render(fid, lang, size, bare)
        made.append(r)
        return r

    yield draw
    for r in made:
        close(r)


def flat(text):
    return " ".join(str(text).split())


def bar_labels(ax):
    """(category label, value drawn) for each bar of a horizontal bar chart, top to bottom."""
    bars = [p for c in ax.containers if isinstance(c, BarContainer) for p in c]
    ticks = {round(t.get_position()[1]): flat(t.get_text()) for t in ax.get_yticklabels()}
    return [(ticks[round(p.get_y() + p.get_height() / 2)], p.get_width()) for p in bars]


def texts(fig):
    """Every text drawn on the figure, axes texts and annotations included, whitespace folded."""
    return [flat(t.get_text()) for t in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_visible())
            if t.get_text()]


# ----------------------------------------------------------------------------- 1. recruitment by group
def test_recruitment_by_group_gives_the_three_children_to_cja_as_para_14_does(rendered):
    r = rendered("recruitment_by_group")
    drawn = dict(bar_labels(r.figure.axes[0]))
    assert drawn.get("CJA") == 3, drawn
    assert "CMI" not in drawn, "para 14 attributes no child to CMI"
    assert drawn["CMA"] == 202 and drawn["Platform"] == 151 and drawn["JNIM"] == 34
