"""The chart functions of the attacks, abduction and denial, and reintegration recipes: their parameters
are checked with an error naming the parameter and what is allowed, and they draw the rows given."""
import pytest

import mali_caac
from mali_caac import charts
from mali_caac.figures import close

ATTACKS = "attacks_on_schools_and_hospitals"


def _kinds(dimension):
    return {k: mali_caac.breakdown("grave_violations", dimension, violation=ATTACKS, subtype=k)
            for k in ("schools", "hospitals")}


def test_series_charts_check_their_colours_names_and_columns():
    kinds = _kinds("period")
    with pytest.raises(ValueError, match=r"parameter 'colours' must be a list of 2 colour roles"):
        charts.grouped_period_bars(kinds, colours=[ATTACKS], unit="attacks")
    with pytest.raises(ValueError, match=r"parameter 'colours' must be a list of 2 colour roles"):
        charts.grouped_period_bars(kinds, colours="neutral", unit="attacks")
    with pytest.raises(ValueError, match="no colour role 'purple'"):
        charts.grouped_period_bars(kinds, colours=[ATTACKS, "purple"], unit="attacks")
    with pytest.raises(ValueError, match=r"series names must be words with a translation .*\['clinics'\]"):
        charts.grouped_period_bars({"schools": kinds["schools"], "clinics": kinds["hospitals"]},
                                   colours=[ATTACKS, "neutral"], unit="attacks")
    with pytest.raises(ValueError, match="parameter 'series' must be a dict"):
        charts.grouped_bars([kinds["schools"]], "region", colours=[ATTACKS], unit="attacks")
    with pytest.raises(ValueError, match="grouped_bars needs a table with a 'region' column: "
                                         "a breakdown by 'region', got a breakdown by 'period'"):
        charts.grouped_bars(kinds, "region", colours=[ATTACKS, "neutral"], unit="attacks")
    with pytest.raises(ValueError, match="parameter 'unit' must be one of"):
        charts.grouped_bars(_kinds("region"), "region", colours=[ATTACKS, "neutral"], unit="attack")


def test_series_by_period_must_cover_the_same_periods():
    kinds = _kinds("period")
    kinds["hospitals"] = kinds["hospitals"].iloc[1:]
    with pytest.raises(ValueError, match="series 'hospitals' has the periods 2018, 2019, 2020Q1; the first has 2017H2"):
        charts.grouped_period_bars(kinds, colours=[ATTACKS, "neutral"], unit="attacks")


def test_share_bars_draws_per_cent_only():
    counts = mali_caac.breakdown("grave_violations", "outcome", violation="abduction")
    with pytest.raises(ValueError, match=r"the table's unit must be 'percent', got \['children'\]"):
        charts.share_bars(counts, "outcome", violation="abduction")


def test_dated_points_need_months_and_a_colour_per_source():
    closed = mali_caac.load("schools_closed")
    closed = closed[closed["measure"] == "schools_closed"]
    with pytest.raises(ValueError, match=r"dated_points needs months \(YYYY-MM\) in 'as_of', got \['2018'\]"):
        charts.dated_points(closed, colours=[ATTACKS, "neutral"])
    months = closed[closed["as_of"].str.len() == 7]
    with pytest.raises(ValueError, match=r"list of 2 colour roles, one for each of the sources \(S/2020/1105, Watchlist"):
        charts.dated_points(months, colours=[ATTACKS])


def test_dated_points_draw_each_row_at_its_value_one_marker_per_source():
    closed = mali_caac.load("schools_closed")
    months = closed[(closed["measure"] == "schools_closed") & (closed["as_of"].str.len() == 7)]
    r = charts.dated_points(months, colours=[ATTACKS, "neutral"]).render("schools_closed", size="column")
    try:
        lines = r.figure.axes[0].get_lines()
        drawn = sorted(float(v) for line in lines for v in line.get_ydata())
        assert drawn == sorted(months["value"].astype(float))
        assert len({line.get_marker() for line in lines}) == months["source_id"].nunique()
        assert list(r.rows["row_id"]) == list(months.sort_values("as_of")["row_id"])
    finally:
        close(r)


def test_region_period_and_row_bars_check_their_tables():
    by_period = mali_caac.breakdown("grave_violations", "period", violation="abduction")
    with pytest.raises(ValueError, match=r"region_period_bars \(by_region\) needs .* "
                                         r"a breakdown by 'region', got a breakdown by 'period'"):
        charts.region_period_bars(by_period, by_period, violation="abduction")
    reached = mali_caac.select("programme_activities", unit="persons", source_id="S/2020/1105")
    with pytest.raises(ValueError, match=r"parameter 'labels': no text participants\.<row_id> for rows pa-009"):
        charts.row_bars(reached[reached["row_id"].isin(["pa-008", "pa-009"])], "participants", colour="neutral")
