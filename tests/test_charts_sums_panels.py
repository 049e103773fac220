"""The chart functions of the recruitment and killing recipes: their parameters are checked with
clear errors, and what they draw is the rows they are given."""
import pytest

import mali_caac
from mali_caac import charts
from mali_caac.figures import close


def _recruitment_leaves():
    return mali_caac.breakdown("grave_violations", "perpetrator", violation="recruitment_and_use", level="leaves")


def test_summed_bars_draws_the_sums_and_cites_the_rows_summed():
    leaves = _recruitment_leaves()
    groups = mali_caac.by_coalition(leaves)
    r = charts.summed_bars(groups, leaves, violation="recruitment_and_use").render("recruitment_by_group", "en", "column")
    try:
        widths = [p.get_width() for p in r.figure.axes[0].patches]
        cited = list(r.rows["row_id"])
    finally:
        close(r)
    assert widths == sorted(widths, reverse=True), "largest first"
    assert sorted(widths) == sorted(groups["value"])
    assert sum(widths) == pytest.approx(leaves["value"].astype(float).sum())
    assert cited == list(leaves["row_id"])


def test_summed_bars_parameters_are_checked():
    leaves = _recruitment_leaves()
    groups = mali_caac.by_coalition(leaves)
    with pytest.raises(ValueError, match=r"parameter 'groups' sums rows that are not in 'parts': gv-"):
        charts.summed_bars(groups, leaves.iloc[1:], violation="recruitment_and_use")
    with pytest.raises(ValueError, match=r"parameter 'groups' needs the column\(s\) row_ids"):
        charts.summed_bars(groups.drop(columns="row_ids"), leaves, violation="recruitment_and_use")
    with pytest.raises(ValueError, match="parameter 'unit' must be one of"):
        charts.summed_bars(groups, leaves, violation="recruitment_and_use", unit="kids")


def test_bar_panels_prints_years_as_they_are_and_checks_its_panels():
    years = (mali_caac.breakdown("deprivation_of_liberty", "period", sex="male")
             .sort_values("period").rename(columns={"period": "year"}))
    outcomes = mali_caac.breakdown("deprivation_of_liberty", "outcome", sex="male")
    r = charts.bar_panels((years, "year"), (outcomes, "outcome"), colour="neutral").render(
        "detention_years_outcomes", "fr", "column")
    try:
        ticks = [t.get_text() for t in r.figure.axes[0].get_xticklabels()]
        heights = [p.get_height() for ax in r.figure.axes[:2] for p in ax.patches]
    finally:
        close(r)
    assert ticks == [str(y) for y in years["year"]]
    assert heights == list(years["value"]) + list(outcomes["value"])
    with pytest.raises(ValueError, match="at least one"):
        charts.bar_panels(colour="neutral")
    with pytest.raises(ValueError, match="panel 2 must be a \\(table, by\\) pair"):
        charts.bar_panels((years, "year"), outcomes, colour="neutral")
    with pytest.raises(ValueError, match=r"parameter 'panel 1' needs the column\(s\) period"):
        charts.bar_panels((years, "period"), colour="neutral")


def test_grouped_period_bars_parameters_are_checked():
    def causes(*codes):
        return {c: mali_caac.breakdown("grave_violations", "period", violation="killing_and_maiming", cause=c)
                for c in codes}

    two = causes("crossfire_and_attacks", "explosive_devices")
    with pytest.raises(ValueError, match=r"parameter 'colours' must be a list of 2 colour roles"):
        charts.grouped_period_bars(two, labels="cause", colours=("neutral",))
    with pytest.raises(ValueError, match="no colour role 'red'"):
        charts.grouped_period_bars(two, labels="cause", colours=("killing_and_maiming", "red"))
    with pytest.raises(ValueError, match="parameter 'series' must be a dict"):
        charts.grouped_period_bars({}, labels="cause", colours=())
    short = dict(two)
    short["explosive_devices"] = short["explosive_devices"].iloc[1:]
    with pytest.raises(ValueError, match="series 'explosive_devices' has the periods"):
        charts.grouped_period_bars(short, labels="cause", colours=("killing_and_maiming", "neutral"))
