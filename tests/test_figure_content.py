"""What the violation figures say, read back from the rendered figures (issue 7, item 6).

Each test renders a figure and reads its labels, bars, texts and axes, so that
it checks what a reader sees, not the code path that drew it.
"""
import pytest
from matplotlib.container import BarContainer

import mali_caac
from mali_caac.figures import close


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


# ----------------------------------------------------------------------------- 6. titles: what, where, when


def violation_figures():
    from mali_caac.figures import figure_ids

    return [fid for s in ("recruitment", "killing", "sexual_violence", "attacks", "abduction_denial") for fid in figure_ids(s)]


REPORT_PERIOD = {"en": "July 2017\u2013March 2020", "fr": "juillet 2017\u2013mars 2020"}  # S/2020/1105, para 1
WHEN = {"crsv_2019": {"en": "2019", "fr": "2019"},
        "schools_closed": {"en": "December 2017\u2013December 2020", "fr": "décembre 2017\u2013décembre 2020"},
        # the years of capture the bars show (the report's calendar years stop at 2019), then the outcomes' date
        "detention_years_outcomes": {"en": "2017\u20132019: year of capture, and what had become of them by March 2020",
                                     "fr": "2017\u20132019 : année de capture, et leur devenir en mars 2020"}}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_titles_say_what_where_and_when(rendered, lang):
    missing = {}
    for fid in violation_figures():
        r = rendered(fid, lang)
        title = flat(r.title)
        when = WHEN.get(fid, REPORT_PERIOD)[lang]
        drawn = [x for x in texts(r.figure) if x.startswith(title[:25])]
        if not drawn or flat(drawn[0]) != title or "Mali" not in title or when not in title:
            missing[fid] = drawn[:1]
        close(r)
    assert missing == {}


def test_a_list_of_figures_leaves_the_dates_out_rather_than_printing_a_placeholder():
    from mali_caac.review import figure_list

    titles = [title for _, _, title in figure_list("fr")]
    assert not [x for x in titles if "{" in x or x.endswith(",")]


# ----------------------------------------------------------------------------- 7. what "verified" means
SUBTITLE = {"en": "Verified by the UN country task force", "fr": "Chiffres vérifiés par l’équipe spéciale de pays de l’ONU"}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid,verified", [("recruitment_by_group", True), ("attacks_by_region", True),
                                          ("abduction_by_region_period", True), ("overview_totals", True),
                                          ("crsv_2019", False), ("schools_closed", False)])
def test_a_subtitle_says_what_verified_means_wherever_verified_counts_are_drawn(rendered, fid, verified, lang):
    r = rendered(fid, lang)
    subtitles = [x for x in texts(r.figure) if x.startswith(SUBTITLE[lang])]
    assert bool(subtitles) == verified, texts(r.figure)[:3]
    if verified:  # under the title, above the plot
        sub = next(x for x in r.figure.texts if flat(x.get_text()).startswith(SUBTITLE[lang]))
        title = next(x for x in r.figure.texts if flat(x.get_text()) == flat(r.title))
        box_s, box_t = sub.get_window_extent(), title.get_window_extent()
        assert box_s.y1 <= box_t.y0 + 0.5
        assert all(box_s.y0 >= ax.get_tightbbox().y1 - 0.5 for ax in r.figure.axes)


def test_no_subtitle_in_a_bare_figure(rendered):
    r = rendered("recruitment_by_group", "en", bare=True)
    assert not [x for x in texts(r.figure) if x.startswith(SUBTITLE["en"])]


# ----------------------------------------------------------------------------- 2. rates per month, drawn
def vertical_bars(ax):
    """{(tick index, series number): height} of the vertical bars of ``ax``."""
    ticks = ax.get_xticks()
    out = {}
    for series, c in enumerate(x for x in ax.containers if isinstance(x, BarContainer) and x.orientation == "vertical"):
        for p in c:
            centre = p.get_x() + p.get_width() / 2
            slot = min(range(len(ticks)), key=lambda i: abs(ticks[i] - centre))
            out[(slot, series)] = p.get_height()
    return out


def months_on_ticks(ax):
    """The length of each period as its tick label prints it: 'Jul – Dec 2017 (6 mo.)' -> 6."""
    import re

    return [int(re.search(r"\((\d+)\s*(?:mo\.|mois)\)", flat(t.get_text())).group(1)) for t in ax.get_xticklabels()]


PER_MONTH = {"en": "per month", "fr": "par mois"}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", ["casualties_cause_period", "abduction_by_region_period"])
def test_period_figures_draw_the_rates_per_month_their_text_asks_to_compare(rendered, fid, lang):
    r = rendered(fid, lang)
    panels = [ax for ax in r.figure.axes if vertical_bars(ax)]
    rates = [ax for ax in panels if PER_MONTH[lang] in flat(ax.get_ylabel())]
    counts = [ax for ax in panels if ax not in rates]
    assert len(rates) == 1 and len(counts) == 1, [ax.get_ylabel() for ax in panels]
    months = months_on_ticks(counts[0])
    assert sorted(months) == [3, 6, 12, 12]  # the report's periods (para 1, 12)
    per_month = vertical_bars(rates[0])
    assert per_month.keys() == vertical_bars(counts[0]).keys()
    for (slot, series), count in vertical_bars(counts[0]).items():
        assert per_month[(slot, series)] == pytest.approx(count / months[slot])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", ["casualties_cause_period", "abduction_by_region_period"])
def test_count_panels_have_a_label_and_whole_number_ticks(rendered, fid, lang):
    r = rendered(fid, lang)
    for ax in r.figure.axes:
        containers = [c for c in ax.containers if isinstance(c, BarContainer)]
        if not containers:
            continue
        horizontal = containers[0].orientation == "horizontal"
        label_text = ax.get_xlabel() if horizontal else ax.get_ylabel()
        assert label_text.strip(), f"panel {ax.get_title(loc='left')!r} has no axis label"
        if PER_MONTH[lang] in flat(label_text):
            continue
        ticks = ax.get_xticks() if horizontal else ax.get_yticks()
        assert all(float(v).is_integer() for v in ticks), f"fractional ticks on a count axis: {list(ticks)}"


# ----------------------------------------------------------------------------- 5. labels say what the source says
@pytest.mark.parametrize("lang,claims,faithful", [
    ("en", ["member not identified", "Dozo hunters, Dogon", "JNIM, other elements"],
     ["CMA (no member named)", "Dozo traditional hunters, mainly Dogon", "JNIM (no member named)"]),
    ("fr", ["membre non identifié", "Chasseurs dozos dogons", "JNIM, autres éléments"],
     ["CMA (aucun membre nommé)", "Chasseurs traditionnels dozos, principalement dogons", "JNIM (aucun membre nommé)"]),
])
def test_party_labels_claim_no_more_than_the_report(rendered, lang, claims, faithful):
    drawn = []
    for fid in ("casualties_by_perpetrator", "military_use_of_schools"):
        drawn += [label for label, _ in bar_labels(rendered(fid, lang).figure.axes[0])]
    assert not [x for x in drawn for claim in claims if claim in x]
    assert set(faithful) <= set(drawn), drawn


def test_the_rows_behind_mainly_dogon_say_mainly_or_dogon():
    gv = mali_caac.load("grave_violations")
    quotes = gv.loc[gv.perpetrator == "Dozo-Dogon", "quote"]
    assert len(quotes) and all("mainly from the Dogon" in q or "Dogon traditional hunters" in q for q in quotes)


# ----------------------------------------------------------------------------- 3. a stated zero is not an unknown
def slot_marks(ax, slot):
    """What is drawn in category slot ``slot`` of a grouped bar chart: bar heights, baseline marks
    (lines on y = 0 wide enough to see), hatched patches and texts."""
    from matplotlib.patches import Rectangle

    lo, hi = slot - 0.5, slot + 0.5
    inside = lambda x: lo < x < hi  # noqa: E731
    bars = [p.get_height() for c in ax.containers if isinstance(c, BarContainer) for p in c
            if inside(p.get_x() + p.get_width() / 2)]
    marks = [ln for ln in ax.lines if inside(sum(ln.get_xdata()) / 2) and set(ln.get_ydata()) == {0}
             and ln.get_linewidth() >= 1]
    hatched = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch() and inside(p.get_x() + p.get_width() / 2)]
    labels = [flat(t.get_text()) for t in ax.texts if inside(t.xy[0] if hasattr(t, "xy") else t.get_position()[0])]
    return bars, marks, hatched, labels


def slot_of(ax, name):
    return next(i for i, t in enumerate(ax.get_xticklabels()) if flat(t.get_text()) == name)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_attacks_by_region_marks_the_zero_hospital_attacks_of_koulikoro_and_segou(rendered, lang):
    r = rendered("attacks_by_region", lang)
    ax = r.figure.axes[0]
    for region in ("Koulikoro", "Ségou"):
        bars, marks, hatched, labels = slot_marks(ax, slot_of(ax, region))
        assert sorted(bars)[0] == 0, f"{region}: no zero drawn"  # para 34 lists all 47 in four other regions
        assert not marks, f"{region}: the zero is drawn as a stub, which reads as a small value"
        assert "0" in labels and not hatched  # a "0" on the baseline says it


def test_an_unknown_is_hatched_and_labelled_not_stated(rendered, data_copy, monkeypatch):
    """Were para 34's list of regions of the attacks on hospitals partial (``partial_in``), the regions
    it leaves out would be unknown, not zero."""
    import csv

    from mali_caac.package import update_hashes

    path = data_copy / "grave_violations.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["row_id"] in ("gv-179", "gv-180", "gv-181", "gv-182"):
            row["partial_in"] = "region"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    update_hashes(data_copy)
    monkeypatch.setenv("MALI_CAAC_DATA", str(data_copy))
    r = rendered("attacks_by_region", "en")
    ax = r.figure.axes[0]
    for region in ("Koulikoro", "Ségou"):
        bars, marks, hatched, labels = slot_marks(ax, slot_of(ax, region))
        assert hatched and "not stated" in labels, region
        assert 0 not in bars and not marks, f"{region}: an unknown drawn as zero"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_stated_zero_abductions_of_july_december_2017_are_marked(rendered, lang):
    r = rendered("abduction_by_region_period", lang)
    counts = next(ax for ax in r.figure.axes if ax.get_ylabel() and PER_MONTH[lang] not in flat(ax.get_ylabel()))
    bars, marks, _, labels = slot_marks(counts, 0)
    assert bars == [0] and not marks and "0" in labels  # a "0" on the baseline, no stub


# ----------------------------------------------------------------------------- 4. schools closed on a date axis
POINTS = {"en": {"Dec 2017 500", "Mar 2020 1,261", "Dec 2020 1,230"},
          "fr": {"déc. 2017 500", "mars 2020 1\u202f261", "déc. 2020 1\u202f230"}}  # paras 32; Watchlist summary
MONTH_TICKS = {"en": r"^(Jan|Jul) \d{4}$", "fr": r"^(janv\.|juil\.) \d{4}$"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_schools_closed_has_a_date_axis_in_its_language_and_dated_points(rendered, lang):
    import re

    import matplotlib.dates as mdates

    r = rendered("schools_closed", lang)
    ax = r.figure.axes[0]
    assert isinstance(ax.xaxis.get_major_locator(), mdates.DateLocator)
    ticks = [flat(t.get_text()) for t in ax.get_xticklabels() if t.get_text()]
    assert len(ticks) >= 6 and all(re.match(MONTH_TICKS[lang], x) for x in ticks), ticks
    points = [(mdates.date2num(x), y) for ln in ax.lines if ln.get_linestyle() in ("None", "none")
              for x, y in zip(ln.get_xdata(), ln.get_ydata())]
    labels = {t.get_text().replace("\n", " "): t.xy for t in ax.texts if hasattr(t, "xy")}
    assert set(labels) >= POINTS[lang], labels
    at = {text: (mdates.date2num(xy[0]) if not isinstance(xy[0], float) else xy[0], xy[1])
          for text, xy in labels.items() if text in POINTS[lang]}
    assert [c for p in sorted(at.values()) for c in p] == pytest.approx([c for p in sorted(points) for c in p])  # on its point


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_stated_zero_rate_reads_0_not_0_0(rendered, lang):
    """Per month, the period with a stated zero abductions is labelled 0 (0.0 reads as a small rate rounded)."""
    r = rendered("abduction_by_region_period", lang)
    (per_month,) = [ax for ax in r.figure.axes if getattr(ax, "_mc_letter", "") == "c"]
    labels = [t.get_text() for t in per_month.texts]
    assert labels[0] == "0" and "0.0" not in labels and "0,0" not in labels, labels
    assert ("1.4" if lang == "en" else "1,4") in labels  # the other rates keep their decimal
