"""Selection helpers: typed comparisons, and a clear DataError for what matches nothing."""
import pytest

import mali_caac
from mali_caac.errors import DataError, NoMatch


def test_select_keeps_matching_rows_without_restatements():
    rows = mali_caac.select("grave_violations", violation="killing_and_maiming", period="2019")
    assert list(rows["row_id"]) == ["gv-096", "gv-113", "gv-120"]
    assert rows["restates"].isna().all()


def test_select_compares_as_the_columns_type():
    assert list(mali_caac.select("grave_violations", value=376)["row_id"]) == ["gv-025", "gv-100"]
    assert list(mali_caac.select("grave_violations", value="376")["row_id"]) == ["gv-025", "gv-100"]
    assert len(mali_caac.select("listings", action_plan="false")) == len(mali_caac.select("listings", action_plan=False))


def test_select_a_list_matches_any_value():
    rows = mali_caac.select("grave_violations", violation="abduction", region=["Gao", "Mopti"])
    assert list(rows["region"]) == ["Mopti", "Gao"]


def test_select_restatements_on_request():
    every = mali_caac.load("grave_violations")
    assert len(mali_caac.select("grave_violations", restatements=True, refinements=True)) == len(every)
    assert len(mali_caac.select("grave_violations", restatements=True)) == every["refines"].isna().sum()
    assert len(mali_caac.select("grave_violations")) == (every["restates"].isna() & every["refines"].isna()).sum()


def test_select_says_when_only_restatements_match():
    with pytest.raises(NoMatch, match=r"grave_violations: the only rows with locator='para 5\(g\)' restate figures "
                                      r"stated elsewhere \(gv-254\); pass restatements=True"):
        mali_caac.select("grave_violations", locator="para 5(g)")
    assert list(mali_caac.select("grave_violations", locator="para 5(g)", restatements=True)["row_id"]) == ["gv-254"]


def test_select_nothing_matched_names_the_column_and_its_values():
    with pytest.raises(NoMatch) as err:
        mali_caac.select("grave_violations", region="mopti")
    message = str(err.value)
    assert "no row has region='mopti'" in message and "Did you mean 'Mopti'?" in message
    assert "region has 11 values: all, Ménaka, Gao, Mopti" in message  # most frequent first (gv-146..149 are in Ménaka, para 27)
    assert err.value.field == "region" and err.value.found == "mopti"


def test_select_suggests_accented_names():
    with pytest.raises(NoMatch, match="Did you mean 'Ménaka'"):
        mali_caac.select("grave_violations", region="Menaka")


def test_select_unknown_column():
    with pytest.raises(DataError, match=r"grave_violations has no column\(s\) \['colour'\]; its columns are: row_id"):
        mali_caac.select("grave_violations", colour="red")


def test_select_a_value_of_the_wrong_type():
    with pytest.raises(DataError, match="value holds a number; 'many' is not one"):
        mali_caac.select("grave_violations", value="many")


def test_breakdown_unknown_code_lists_the_codes():
    with pytest.raises(DataError) as err:
        mali_caac.breakdown("grave_violations", "region", violation="killing")
    message = str(err.value)
    assert "'killing' is not a code of violation" in message
    assert "Did you mean 'killing_and_maiming'?" in message
    assert "recruitment_and_use, killing_and_maiming, sexual_violence" in message


def test_breakdown_unknown_unit_and_dimension():
    with pytest.raises(DataError, match="'percentt' is not a code of unit. Did you mean 'percent'"):
        mali_caac.breakdown("grave_violations", "region", violation="killing_and_maiming", unit="percentt")
    with pytest.raises(DataError, match="has no dimension 'colour'"):
        mali_caac.breakdown("grave_violations", "colour")
    with pytest.raises(DataError, match="'listings' has no dimensions to break down"):
        mali_caac.breakdown("listings", "party")


def test_breakdown_gives_parts_in_one_unit():
    parts = mali_caac.breakdown("grave_violations", "region", violation="killing_and_maiming")
    assert list(parts["value"]) == [376, 69, 23, 17, 8, 2]
    assert set(parts["unit"]) == {"children"}
    assert parts.attrs["total"]["value"] == sum(parts["value"])


def test_helpers_are_exported():
    for name in ("select", "breakdown", "by_coalition", "by_attribution", "per_month", "violations_by"):
        assert name in mali_caac.__all__ and callable(getattr(mali_caac, name))
