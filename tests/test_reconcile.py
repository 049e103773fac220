import pytest

from mali_caac import aggregate
from mali_caac.hierarchy import hierarchy
from mali_caac.printed import parse_printed
from mali_caac.reconcile import agrees, figure_tables


@pytest.mark.parametrize("printed,unit,value", [
    ("1,764", None, 1764), ("$16.56 million", None, 16_560_000), ("115 000", None, 115_000),
    ("Eighty-nine", None, 89), ("two thirds", "percent", 200 / 3), ("half", "fraction", 0.5),
    ("tripled", None, 3), ("52 per cent", "percent", 52), ("4.3 million", None, 4_300_000),
    ("$14M", None, 14_000_000), ("no", None, 0), ("fifth", None, 5), ("(I or II) (3)", None, 3),
    ("30-day", None, 30), ("2 each", None, 2),
])
def test_parse_printed(printed, unit, value):
    assert parse_printed(printed, unit) == pytest.approx(value)


def test_parse_printed_refuses_ambiguous_text():
    assert parse_printed("12 and 14") is None
    assert parse_printed("several") is None


@pytest.mark.parametrize("computed,stated,qualifier,ok", [
    (10, 10, "exact", True), (11, 10, "exact", False), (2.95, 3, "almost", True), (3.1, 3, "almost", False),
    (11.7, 11, "more_than", True), (11, 11, "more_than", False), (378_300, 378_300, "at_least", True),
    (1_400, 1_500, "less_than", True), (1_500, 1_500, "less_than", False), (9_849, 10_000, "approximately", True),
])
def test_agrees_follows_the_qualifier(computed, stated, qualifier, ok):
    assert agrees(computed, stated, qualifier) is ok


def test_party_hierarchy_puts_members_under_their_coalition():
    h = hierarchy("parties")
    assert h.ancestors("MNLA")[:3] == ["CMA", "signatory_and_splinter_groups", "armed_groups"]
    assert h.topmost(["CMA", "MNLA", "HCUA", "FAMa"], "all") == ["CMA", "FAMa"]
    assert h.is_below("FLM", "JNIM") and not h.is_below("JNIM-other", "FLM")


def test_non_additive_categories_are_never_parts():
    h = hierarchy("categories:subtype")
    assert not h.additive("recruited_twice")
    assert h.additive("threats_against_personnel")


def test_coalition_subtotals_reproduce_from_members():
    leaves = aggregate.breakdown("grave_violations", "perpetrator", violation="recruitment_and_use", level="leaves")
    groups = aggregate.by_coalition(leaves).set_index("group")["value"]
    assert groups["CMA"] == 202 and groups["Platform"] == 151 and groups["JNIM"] == 34
    assert leaves["value"].sum() == 513  # each child once


def test_by_coalition_refuses_a_subtotal_beside_its_members():
    gv = aggregate.load("grave_violations")
    mixed = gv[(gv.violation == "recruitment_and_use") & gv.perpetrator.isin(["CMA", "MNLA"]) & gv.restates.isna()
               & (gv.sex == "all") & (gv.region == "all") & (gv.period == "all")]
    with pytest.raises(ValueError, match="count each child once"):
        aggregate.by_coalition(mixed)


def test_breakdown_topmost_and_total():
    parts = aggregate.breakdown("grave_violations", "perpetrator", violation="recruitment_and_use")
    assert sorted(parts["perpetrator"].astype(str)) == ["FAMa", "armed_groups"]
    assert parts.attrs["total"]["value"] == 513


def test_breakdown_rejects_unknown_dimension():
    with pytest.raises(ValueError, match="has no dimension 'colour'"):
        aggregate.breakdown("grave_violations", "colour")


def test_rates_per_month_use_period_lengths():
    parts = aggregate.per_month(aggregate.breakdown("grave_violations", "period", violation="killing_and_maiming"))
    rates = dict(zip(parts["period"].astype(str), parts["per_month"]))
    assert rates["2017H2"] == pytest.approx(23 / 6) and rates["2020Q1"] == pytest.approx(47 / 3)


def test_violations_by_region_leaves_unknown_cells_missing():
    table = aggregate.violations_by("region")
    assert table.loc["attacks_on_schools_and_hospitals", "Mopti"] == 93 + 20
    # denial of access in Ségou is inside the report's 'other regions (53)': unknown, not zero
    assert table.loc["denial_of_humanitarian_access", "Ségou"] != table.loc["denial_of_humanitarian_access", "Ségou"]
    assert table.loc["sexual_violence", "Kidal"] == 0  # absent from a complete list


def test_effective_values_follow_complete_breakdowns():
    gv = figure_tables()["grave_violations"]
    dims = {d: "all" for d in gv.dims}
    assert gv.effective({**dims, "violation": "killing_and_maiming", "perpetrator": "government_forces"}, "children") == 4
    assert gv.effective({**dims, "violation": "attacks_on_schools_and_hospitals", "region": "Timbuktu"}, "attacks") == 46
