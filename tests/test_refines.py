"""Refining rows: the same figure as another row, with more of its dimensions stated (``refines``)."""
import pandas as pd
import pytest

import mali_caac
from mali_caac.errors import NoMatch
from tests.test_broken_data import edit

DIMS = ["violation", "period", "region", "perpetrator", "sex", "subtype", "cause", "outcome"]

DETAILS = {
    # refined row: the dimensions para 21 or 24 of S/2020/1105 states for the same figure
    "gv-092": {"subtype": "maimed"},                               # "four children were maimed"
    "gv-121": {"subtype": "maimed"},                               # "9 children were injured"
    "gv-123": {"sex": "male", "subtype": "killed", "region": "Mopti"},  # "two boys were killed" ... "Mopti Region"
    "gv-124": {"sex": "male", "subtype": "maimed", "region": "Mopti"},  # "three boys were maimed" ... "Mopti Region"
}


@pytest.fixture(scope="module")
def gv():
    return mali_caac.load("grave_violations")


@pytest.fixture(scope="module")
def report():
    return mali_caac.validate()


def refining(gv, row_id):
    rows = gv[gv["refines"] == row_id]
    assert len(rows) == 1, f"one row refines {row_id}, not {len(rows)}"
    return rows.iloc[0]


@pytest.mark.parametrize("row_id", sorted(DETAILS))
def test_the_details_of_the_notes_are_in_the_dimensions(gv, row_id):
    orig = gv[gv["row_id"] == row_id].iloc[0]
    row = refining(gv, row_id)
    want = {d: str(orig[d]) for d in DIMS} | DETAILS[row_id]
    assert {d: str(row[d]) for d in DIMS} == want
    for col in ("value", "unit", "qualifier", "printed", "source_id", "locator"):
        assert row[col] == orig[col], col
    assert orig["quote"] in row["quote"]
    assert pd.isna(row["restates"])


def test_the_notes_no_longer_carry_what_the_dimensions_hold(gv):
    notes = dict(zip(gv["row_id"], gv["note"].astype("string").fillna("")))
    assert "maimed" not in notes["gv-092"]
    assert "boys" not in notes["gv-123"] and "Mopti" not in notes["gv-123"]
    assert "boys" not in notes["gv-124"] and "Mopti" not in notes["gv-124"]


def test_refining_rows_are_checked_and_pass(gv, report):
    checks = {c.id: c for c in report.checks}
    for row_id in DETAILS:
        cid = f"refines:grave_violations:{refining(gv, row_id)['row_id']}"
        assert checks[cid].status == "ok", checks[cid].message
    assert report.ok


@pytest.mark.parametrize("check,message", [
    ("sum:grave_violations:gv-074:perpetrator", "perpetrator parts add up to 495, as equal to the stated 495"),
    ("sum:grave_violations:gv-074:subtype", "subtype parts add up to 495, as equal to the stated 495 children "
                                            "[killed 306, maimed 189]"),
    ("sum:grave_violations:gv-099:cause", "cause parts add up to 47, as equal to the stated 47"),
    ("sum:grave_violations:gv-108:period", "period parts add up to 95, as equal to the stated 95"),
    ("sum:grave_violations:gv-108:perpetrator", "perpetrator parts add up to 95, as equal to the stated 95 "
                                                "children [unattributed 90, FLM 2, JNIM-other 3]"),
])
def test_sums_still_hold(report, check, message):
    c = {c.id: c for c in report.checks}[check]
    assert c.status == "ok" and message in c.message


def test_refining_rows_are_not_parts_of_any_total(report):
    # gv-092's maimed copy would otherwise make an incomplete perpetrator breakdown of the 189 maimed
    assert "sum:grave_violations:gv-079:perpetrator" not in {c.id for c in report.checks}
    assert not any("unique:" in c.id for c in report.checks)


def _refining_id(data, row_id):
    return refining(mali_caac.load("grave_violations", data), row_id)["row_id"]


@pytest.mark.parametrize("column,value,message", [
    ("value", "5", "states 5, NOT 4 as gv-092"),
    ("perpetrator", "FAMa", "perpetrator FAMa is NOT below armed-group+Barkhane"),
    ("subtype", "all", "states no dimension more precisely than gv-092"),
    ("locator", "para 22", "locator 'para 22' is NOT gv-092's 'para 21'"),
    ("quote", "four children were maimed", "quote does NOT contain gv-092's quote"),
])
def test_a_refining_row_that_is_not_the_same_figure_fails_validate(data_copy, column, value, message):
    rid = _refining_id(data_copy, "gv-092")
    edit(data_copy, "grave_violations", rid, column, value)
    report = mali_caac.validate(data_copy)
    failed = {c.id: c.message for c in report.by_status("failed")}
    assert f"refines:grave_violations:{rid}" in failed, report.text()
    assert message in failed[f"refines:grave_violations:{rid}"]


def test_a_refining_row_that_also_restates_fails(data_copy):
    rid = _refining_id(data_copy, "gv-092")
    edit(data_copy, "grave_violations", rid, "restates", "gv-092")
    failed = {c.id: c.message for c in mali_caac.validate(data_copy).by_status("failed")}
    assert "restates gv-092 and refines gv-092" in failed[f"refines:grave_violations:{rid}"]


def test_a_refining_row_whose_row_does_not_exist_is_refused(data_copy):
    rid = _refining_id(data_copy, "gv-092")
    edit(data_copy, "grave_violations", rid, "refines", "gv-999")
    with pytest.raises(mali_caac.DataError, match="refines"):
        mali_caac.load("grave_violations", data_copy)


def test_breakdown_leaves_refining_rows_out():
    # without the exclusion, gv-092's copy (subtype maimed) would be the only part of gv-092
    parts = mali_caac.breakdown("grave_violations", "subtype", violation="killing_and_maiming",
                                perpetrator="armed-group+Barkhane")
    assert parts.empty and parts.attrs["total"]["row_id"] == "gv-092"
    parts = mali_caac.breakdown("grave_violations", "subtype", violation="killing_and_maiming", period="2020Q1",
                                cause="explosive_devices")
    assert parts.empty and parts.attrs["total"]["row_id"] == "gv-121"


def test_select_leaves_refining_rows_out_unless_asked(gv):
    mopti = mali_caac.select("grave_violations", violation="killing_and_maiming", region="Mopti")
    assert mopti["unit"].tolist() == ["children", "percent"]
    every = mali_caac.select("grave_violations", violation="killing_and_maiming", region="Mopti", refinements=True)
    assert sorted(every.loc[every["refines"].notna(), "refines"]) == ["gv-123", "gv-124"]
    with pytest.raises(NoMatch, match=r"refine figures stated elsewhere \(gv-\d+\); pass refinements=True"):
        mali_caac.select("grave_violations", perpetrator="armed-group+Barkhane", subtype="maimed")
