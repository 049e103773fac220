"""The layout checker itself finds what it should, on small figures made to fail."""
import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402

from mali_caac.figure_checks import largest_gap, layout_problems  # noqa: E402


def test_clean_figure_passes():
    fig, ax = plt.subplots(figsize=(3.5, 2.2), layout="constrained")
    ax.bar([0, 1], [3, 4])
    ax.set_title("A title", fontsize=8)
    assert layout_problems(fig) == []
    plt.close(fig)


def test_overlap_clipping_small_text_and_gap_are_found():
    fig, ax = plt.subplots(figsize=(3.5, 3.0))
    fig.subplots_adjust(top=0.5)
    ax.bar([0, 1], [3, 4])
    ax.set_xticks([0, 1], ["a very long label that goes on", "another long label that goes on"], fontsize=9)
    fig.text(0.9, 0.95, "runs off the right edge", fontsize=9)
    ax.annotate("tiny", (0, 1), fontsize=4)
    problems = "\n".join(layout_problems(fig))
    assert "overlap" in problems
    assert "leaves the canvas" in problems
    assert "4.0 pt, under 6 pt" in problems
    assert "empty band" in problems
    plt.close(fig)


def test_largest_gap():
    assert largest_gap([(0, 10), (30, 40), (35, 50)], 60) == 20
    assert largest_gap([(0, 10), (5, 20)], 30) == 0


def test_a_text_over_a_legend_is_found():
    """A panel letter drawn over the legend's first key (attacks_by_period) passed the text-only check."""
    with plt.style.context("default"):  # whatever size preset another test left in the rc
        fig, ax = plt.subplots(figsize=(3.5, 2.5), layout="constrained")
        ax.bar([0, 1], [3, 4], label="Schools")
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0))
        ax.set_title("a", loc="left")
        assert any("and a legend overlap" in p for p in layout_problems(fig))
        plt.close(fig)
