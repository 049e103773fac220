"""The discrepancy register cannot go stale: each entry is checked against the rows it names (issue 16)."""
import csv

import pytest

import mali_caac
from mali_caac.package import open_package
from mali_caac.reconcile import hedge_before
from mali_caac.register import UNCHECKED

from .test_broken_data import edit


def failed(report, prefix=""):
    return {c.id: c.message for c in report.checks if c.status == "failed" and c.id.startswith(prefix)}


def register():
    return list(csv.DictReader(open(open_package().path("discrepancies"), encoding="utf-8")))


def test_every_entry_is_machine_checked_or_says_why_not():
    entries = register()
    checked = [e for e in entries if e["check"] or e["asserts"]]
    reasons = [e for e in entries if e["unchecked"]]
    assert len(checked) + len(reasons) == len(entries)
    assert not [e["discrepancy_id"] for e in reasons if e["check"] or e["asserts"]]
    assert {e["unchecked"] for e in reasons} <= set(UNCHECKED)
    assert len(checked) == 33  # of 39: the other six involve no figure (4) or dispute an attribution (2)
    report = mali_caac.validate()
    ids = {c.id: c for c in report.checks}
    assert all(ids[f"register:{e['discrepancy_id']}"].status == "ok" for e in entries if e["asserts"] or e["unchecked"])
    # the unchecked entries' quotes are still checked verbatim
    for e in reasons:
        for side in ("a", "b"):
            assert ids[f"quote:discrepancies:{e['discrepancy_id']}:{side}"].status == "ok"


@pytest.mark.parametrize("table, row, column, value, entry", [
    ("context", "cx-007", "qualifier", "exact", "d-08"),          # 'at least 85' against '85'
    ("incidents", "ic-011", "region", "Timbuktu", "d-06"),        # Goundam kept in Mopti as the report says
    ("military_training", "mt-004", "qualifier", "exact", "d-h1-06"),
    ("schools_closed", "sc-105", "value", "1261", "d-h2-10"),
])
def test_an_edit_that_ends_the_disagreement_fails_naming_the_entry(data_copy, table, row, column, value, entry):
    edit(data_copy, table, row, column, value)
    report = mali_caac.validate(data_copy)
    assert not report.ok
    messages = failed(report, "register:")
    assert f"register:{entry}" in messages, report.text()
    assert f"discrepancies {entry}" in messages[f"register:{entry}"] and row in messages[f"register:{entry}"]


def test_an_entry_without_check_or_reason_fails(data_copy):
    edit(data_copy, "discrepancies", "d-h1-14", "unchecked", "")
    assert "has no machine check" in failed(mali_caac.validate(data_copy))["register:d-h1-14"]


def test_an_unreadable_assertion_fails_by_name_not_by_traceback(data_copy):
    edit(data_copy, "discrepancies", "d-08", "asserts", "cx-007.qualifier == __import__('os')")
    assert "cannot be evaluated" in failed(mali_caac.validate(data_copy))["register:d-08"]
    edit(data_copy, "discrepancies", "d-08", "asserts", "cx-999.value == 85")
    assert "no row cx-999" in failed(mali_caac.validate(data_copy))["register:d-08"]


def test_a_hedged_quote_requires_its_qualifier(data_copy):
    # ic-001 'the killing of 85 children': an 'at least' in the quote would need at_least
    edit(data_copy, "incidents", "ic-001", "quote", "resulted in at least 85 children being killed")
    edit(data_copy, "incidents", "ic-001", "source_id", "S/2020/1105")
    msgs = failed(mali_caac.validate(data_copy), "qualifier:")
    assert "qualifier:incidents:ic-001" in msgs
    assert "'at least 85'" in msgs["qualifier:incidents:ic-001"] and "'exact'" in msgs["qualifier:incidents:ic-001"]


def test_an_exact_qualifier_on_a_hedged_figure_fails(data_copy):
    edit(data_copy, "context", "cx-007", "qualifier", "exact")
    assert "expected 'at_least'" in failed(mali_caac.validate(data_copy))["qualifier:context:cx-007"]


@pytest.mark.parametrize("quote, printed, hedge", [
    ("resulted in at least 85 children being killed", "85", "at least"),
    ("Over the past 21 years, the U.S. provided $69 million of security assistance", "$69 million", None),
    ("Since 2001, this has added up to a total of $13.73 million of U.S. sales", "$13.73 million", None),
    ("a total of 1,261 schools remained closed, affecting the education of at least 378,300 children", "1,261", None),
    ("a total of 1,261 schools remained closed, affecting the education of at least 378,300 children", "378,300",
     "at least"),
    ("more than 115 000 children", "115 000", "more than"),
    ("some $146 million", "$146 million", "some"),
    ("children under the age of 15", "15", "under"),
])
def test_the_hedge_is_the_one_before_the_printed_number(quote, printed, hedge):
    assert hedge_before(quote, printed) == hedge


def test_french_hedges():
    assert hedge_before("au moins 85 enfants ont été tués", "85", "fr") == "au moins"
    assert hedge_before("plus de 300 civils", "300", "fr") == "plus de"


def test_a_restatement_with_other_dimensions_fails(data_copy):
    # gv-146 (20 girls, para 27, Ménaka) once restated gv-128 (20 children, para 26, all regions)
    edit(data_copy, "grave_violations", "gv-146", "restates", "gv-128")
    msgs = failed(mali_caac.validate(data_copy), "restates:")
    assert "restates:grave_violations:gv-146" in msgs
    assert "dimensions are NOT gv-128's" in msgs["restates:grave_violations:gv-146"]
    assert "region 'Ménaka' against 'all'" in msgs["restates:grave_violations:gv-146"]


def test_a_restatement_in_a_table_without_declared_dimensions_fails(data_copy):
    edit(data_copy, "civilian_harm", "ch-041", "restates", "ch-014")
    msgs = failed(mali_caac.validate(data_copy), "restates:")
    assert "measure 'civilians_killed' against 'men_summarily_executed'" in msgs["restates:civilian_harm:ch-041"]


def test_data_details_of_the_semantic_audit():
    gv = {r["row_id"]: r for r in open_package().records("grave_violations")}
    for rid in ("gv-146", "gv-147", "gv-148", "gv-149"):  # "in Ménaka Commune, Cercle and Region" (para 27)
        assert gv[rid]["region"] == "Ménaka" and gv[rid]["sex"] == "female"
        assert gv[rid]["quote"].endswith("in Ménaka Commune, Cercle and Region")
    assert not gv["gv-146"]["restates"]
    assert gv["gv-253"]["unit"] == "fraction" and gv["gv-253"]["printed"] == "two thirds"
    entries = {e["discrepancy_id"]: e for e in register()}
    assert "do not show a tripling" not in entries["d-h2-13"]["explanation"]
    assert "8.7 times" not in entries["d-h1-06"]["explanation"]
