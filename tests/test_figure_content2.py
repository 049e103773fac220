"""Content of the overview, US assistance, civilian-harm and reintegration figures (issue 7, items 6
and 9), read back from the rendered figures: each test failed on the figures as they were before.
"""
import pytest
from matplotlib.collections import PathCollection

import mali_caac


def panels(fig):
    """The groups of a dot table, each with its heading, the x values of its dots and its row labels:
    a dot belongs to the nearest heading above it."""
    out = []
    for ax in fig.axes:
        heads = sorted((t.xy[1], t.get_text().replace("\n", " ")) for t in ax.texts if t.get_gid() == "group")
        dots = [(float(y), float(x)) for coll in ax.collections if isinstance(coll, PathCollection)
                for x, y in coll.get_offsets()]
        labels = {round(float(y), 6): t.get_text() for y, t in zip(ax.get_yticks(), ax.get_yticklabels())}
        if not heads:
            if dots:
                out.append(("", sorted(x for _, x in dots), list(labels.values())))
            continue
        for i, (y0, head) in enumerate(heads):
            y1 = heads[i + 1][0] if i + 1 < len(heads) else float("inf")
            out.append((head, sorted(x for y, x in dots if y0 < y < y1),
                        [lab for y, lab in labels.items() if y0 < y < y1]))
    return out


def all_text(fig):
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    return "\n".join(texts).replace("\n", " ")


# ----------------------------------------------------------------------------- 1. us_security_cooperation
def test_security_cooperation_does_not_rank_measures_of_different_periods(rendered):
    r = rendered("us_security_cooperation")
    found = panels(r.figure)
    # the two direct-commercial-sales figures ($19M past 21 years, $13.73M since 2001) are in different panels
    assert not any(19.0 in vals and 13.73 in vals for _, vals, _ in found)
    assert len(found) == 3
    for title, vals, labels in found:
        assert len(labels) == len(set(labels)), f"duplicate labels in group {title!r}"
    by_value = {v: title for title, vals, _ in found for v in vals}
    assert "past 21 years (to 2021)" in by_value[19.0]
    assert "Since 2001" in by_value[13.73]
    assert "2001–2021" not in all_text(r.figure) and "2001-2021" not in all_text(r.figure)


def test_security_cooperation_french_states_the_period_in_words(rendered):
    r = rendered("us_security_cooperation", "fr")
    assert "21 dernières années (jusqu’en 2021)" in all_text(r.figure)


# ----------------------------------------------------------------------------- 2. overview_by_period
def test_overview_by_period_prints_the_rate_each_bar_shows(rendered):
    r = rendered("overview_by_period")
    ax = [a for a in r.figure.axes if a.patches][0]
    bars = [p for p in ax.patches if p.get_height() > 0]
    printed = {}
    for text in ax.texts:
        x, _ = text.xy
        printed[round(x, 6)] = float(text.get_text().replace(",", ""))
    for bar in bars:
        x = round(bar.get_x() + bar.get_width() / 2, 6)
        assert printed[x] == pytest.approx(bar.get_height(), abs=0.0501), f"bar at {x} shows {bar.get_height()}"
    # the January-March 2020 recruitment bar: 159 cases in 3 months
    assert 53.0 in printed.values() and 159.0 not in printed.values()


# ----------------------------------------------------------------------------- 3. civilian_harm_reports
def test_civilian_harm_groups_counts_by_monitor_and_keeps_allegedly(rendered):
    r = rendered("civilian_harm_reports")
    harm = mali_caac.load("civilian_harm").set_index("row_id")
    drawn = harm.loc[list(r.rows["row_id"])]
    per_monitor = sorted(sorted(float(v) for v in g["value"]) for _, g in drawn.groupby("reported_by", observed=True))
    assert sorted(vals for _, vals, _ in panels(r.figure)) == per_monitor
    labels = " ".join(t.get_text().replace("\n", " ") for ax in r.figure.axes for t in ax.get_yticklabels())
    alleged = [q for q in drawn["quote"] if "allegedly" in q]
    assert len(alleged) == 2 and labels.count("allegedly") == len(alleged)
    for _, vals, row_labels in panels(r.figure):  # each row says its period and unit in words
        for text in row_labels:
            assert text.replace("\n", " ").endswith(("· persons", "· cases")), text


# ----------------------------------------------------------------------------- 4. transit_centres_by_period
def test_transit_centres_say_what_they_count(rendered):
    for lang, word in (("en", "care"), ("fr", "pris en charge")):
        r = rendered("transit_centres_by_period", lang)
        ylabels = [ax.get_ylabel().replace("\n", " ") for ax in r.figure.axes if ax.has_data()]
        assert all(word in y for y in ylabels), ylabels
        assert not any("vérifié" in y.lower() or "verified" in y.lower() for y in ylabels)


# ----------------------------------------------------------------------------- 5. us_aid_series
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", ["column", "double", "slides"])
def test_no_line_crosses_a_coup_label(rendered, lang, size):
    r = rendered("us_aid_series", lang, size)
    ax = r.figure.axes[0]
    renderer = r.figure.canvas.get_renderer()
    labels = [t for t in ax.texts if "coup" in t.get_text()]
    assert len(labels) == 3  # one per coup: March 2012, August 2020, 2021 (issue 14, item 9)
    for text in labels:
        box = text.get_window_extent(renderer)
        for line in ax.lines:
            path = line.get_transform().transform_path(line.get_path())
            assert not path.intersects_bbox(box, filled=False), f"a line crosses {text.get_text()!r}"


# ----------------------------------------------------------------------------- 8. captions filled from the data
def test_sum_in_the_caption_is_computed(rendered):
    r = rendered("us_aid_2020_compared")
    sectors = mali_caac.load("us_assistance")
    total = sectors[sectors.row_id.isin(r.rows["row_id"])]["value"].sum() / 1e6
    assert f"about ${round(total)} million" in r.caption
    assert "{" not in r.caption and "{" not in r.title


def test_a_missing_fact_names_the_figure_and_the_field():
    from mali_caac.figures import figure_text
    from mali_caac.figures.context import Ctx

    with pytest.raises(ValueError, match=r"us_aid_2020_compared.*\{sectors_total\}"):
        figure_text("us_aid_2020_compared", "caption", "en", {})
    ctx = Ctx("fr")
    ctx.facts["sectors_total"] = 1176
    assert "environ 1\u202f176\u00a0millions" in ctx.text("us_aid_2020_compared", "caption")


def test_titles_take_their_period_from_the_data(rendered):
    from mali_caac.i18n import date_span

    r = rendered("overview_totals", "fr")
    span = date_span("2017-07-01", "2020-03-31", "fr")  # as every title writes its dates
    assert span in r.title and span in all_text(r.figure)
    assert "juillet 2017 à mars 2020" not in r.title
