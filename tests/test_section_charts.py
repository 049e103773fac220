"""The chart functions of the overview, US-assistance and civilian-harm recipes refuse bad arguments
with an error that names the parameter and what it accepts, before anything is drawn."""
import pytest

from mali_caac import charts, select, violations_by


@pytest.fixture(scope="module")
def moura():
    return select("civilian_harm", event="moura_2022", unit="persons")


def test_dots_names_a_missing_column_and_an_unknown_vocabulary(moura):
    with pytest.raises(ValueError, match=r"parameter 'by' must be a column of the table .*got 'claimant'"):
        charts.dots(moura, "claimant", vocabulary="claimant", unit="deaths_claimed")
    with pytest.raises(ValueError, match=r"parameter 'vocabulary' must be one of .*claimant.*got 'claimants'"):
        charts.dots(moura, "reported_by", vocabulary="claimants", unit="deaths_claimed")
    with pytest.raises(ValueError, match=r"parameter 'unit' must be one of .*got 'deaths'"):
        charts.dots(moura, "reported_by", vocabulary="claimant", unit="deaths")


def test_highlight_must_be_in_the_table():
    trained = select("military_training")
    with pytest.raises(ValueError, match=r"parameter 'highlight' must be one of EUTM, US, got 'USA'"):
        charts.provider_bars(trained, highlight="USA")
    suppliers = select("arms_suppliers")
    with pytest.raises(ValueError, match=r"parameter 'highlight' must be one of Russia, .*got 'USA'"):
        charts.ranks(suppliers, "supplier", vocabulary="country", highlight="USA")


def test_share_bars_draws_percentages_only():
    counts = select("grave_violations", violation="all", unit="violations", period="all", region="all")
    with pytest.raises(ValueError, match=r"unit must be 'percent', got \['violations'\]"):
        charts.share_bars(counts, "perpetrator", violation="all", vocabulary="attribution")


def test_reports_compared_names_a_period_not_in_the_table():
    rows = select("grave_violations", period="all", violation="abduction", region="all", perpetrator="all")
    with pytest.raises(ValueError, match=r"parameter 'previous' must be a period of the table \(all\), got '2014-2017H1'"):
        charts.reports_compared(rows, previous="2014-2017H1")


def test_region_map_wants_the_maps_regions():
    counts, how = violations_by("region", ["Mopti", "Gao"], derived=True)
    cited = select("grave_violations", period="all", perpetrator="all")
    with pytest.raises(ValueError, match=r"parameter 'counts' must have the map's regions as columns.*Bamako"):
        charts.region_map(counts, how, cited, cited)


def test_sectors_against_fae_refuses_other_transactions():
    sectors = select("us_assistance", measure="health_assistance")
    fae = select("us_aid_series", fiscal_year=2020, dollars="current")
    with pytest.raises(ValueError, match=r"parameter 'fae' must hold obligations and disbursements only"):
        charts.sectors_against_fae(sectors, fae)
