"""References between rows: unique ids with one prefix per table, register links, ids mentioned in prose."""
import re

import pytest

import mali_caac
from mali_caac import package
from mali_caac.loader import _checked_records
from mali_caac.references import check_references, split_ids


def _tables():
    return {n: _checked_records(n, None) for n in package.resource_names()
            if "schema" in package.resource(n)}


@pytest.fixture(scope="module")
def tables():
    return _tables()


@pytest.fixture(scope="module")
def rows(tables):
    """Every row with a row id, by id (the register's entries included)."""
    out = {}
    for name, records in tables.items():
        for r in records:
            rid = r.get("row_id") or r.get("discrepancy_id")
            if rid:
                out.setdefault(rid, []).append((name, r))
    return out


# ----------------------------------------------------------------------------- the real package
def test_row_ids_are_unique_across_the_package(rows):
    twice = {i: [n for n, _ in where] for i, where in rows.items() if len(where) > 1}
    assert not twice


def test_each_table_declares_its_own_prefix_and_its_ids_use_it(tables):
    prefixes = {}
    for res in package.read_descriptor()["resources"]:
        fields = [f["name"] for f in res.get("schema", {}).get("fields", [])]
        if fields[:1] in (["row_id"], ["discrepancy_id"]):
            prefix = res["mali_caac"].get("id_prefix")
            assert prefix, res["name"]
            prefixes[res["name"]] = prefix
            assert all(r[fields[0]].startswith(prefix + "-") for r in tables[res["name"]]), res["name"]
    assert len(set(prefixes.values())) == len(prefixes)
    # the renamed tables (their ids clashed with schools_closed's and country_reports')
    assert prefixes["crsv"] == "sv" and prefixes["arms_sales_categories"] == "ac"
    assert prefixes["schools_closed"] == "sc" and prefixes["country_reports"] == "cr"


def test_validate_runs_the_reference_checks_and_they_hold():
    report = mali_caac.validate(frictionless=False)
    refs = [c for c in report.checks if c.kind in ("ids", "links", "mentions")]
    assert {c.kind for c in refs} == {"ids", "links", "mentions"}
    assert not [c.message for c in refs if c.status != "ok"]


# ----------------------------------------------------------------------------- the pure function
def _descriptor(*tables):
    """A descriptor of small tables: (name, prefix, [extra string columns])."""
    resources = []
    for name, prefix, extra in tables:
        key = "discrepancy_id" if name == "discrepancies" else "row_id"
        resources.append({"name": name, "mali_caac": {"kind": "figures", "id_prefix": prefix},
                          "schema": {"primaryKey": key,
                                     "fields": [{"name": key}] + [{"name": c, "type": "string"} for c in extra]}})
    return {"resources": resources}


def _failed(checks):
    return [c.message for c in checks if c.status == "failed"]


def test_a_duplicate_id_and_a_foreign_prefix_are_reported():
    desc = _descriptor(("schools_closed", "sc", ["note"]), ("arms_sales_categories", "ac", ["note"]))
    tables = {"schools_closed": [{"row_id": "sc-001", "note": None}],
              "arms_sales_categories": [{"row_id": "sc-001", "note": None}, {"row_id": "ac-002", "note": None}]}
    failed = _failed(check_references(tables, desc))
    assert "id sc-001 is used by more than one row (schools_closed, arms_sales_categories); " \
           "row ids must be unique across the package" in failed
    assert any("arms_sales_categories sc-001: the id does not have the form ac-<number>" in m for m in failed)
    tables["arms_sales_categories"][0]["row_id"] = "ac-001"
    assert not _failed(check_references(tables, desc))


def test_two_tables_may_not_share_a_prefix():
    desc = _descriptor(("crsv", "cr", []), ("country_reports", "cr", []))
    failed = _failed(check_references({"crsv": [], "country_reports": []}, desc))
    assert failed == ["id prefix 'cr' is declared by several tables (crsv, country_reports); each table needs its own"]


def test_a_table_with_row_ids_must_declare_a_prefix():
    desc = {"resources": [{"name": "crsv", "mali_caac": {"kind": "figures"},
                           "schema": {"primaryKey": "row_id", "fields": [{"name": "row_id"}]}}]}
    assert _failed(check_references({"crsv": []}, desc)) == [
        "crsv has row ids but its descriptor declares no mali_caac.id_prefix"]


def test_an_id_mentioned_in_prose_must_exist():
    desc = _descriptor(("crsv", "sv", ["note", "quote"]), ("discrepancies", "d", ["handling"]))
    tables = {"crsv": [{"row_id": "sv-001", "note": "Same figure as other_figures of-118; see d-h2-12.",
                        "quote": "a source may print ab-123"}],
              "discrepancies": [{"discrepancy_id": "d-h2-12", "handling": "Both kept (sv-001, sv-003)."}]}
    failed = _failed(check_references(tables, desc))
    assert failed == [
        "crsv sv-001: note mentions of-118, which is not a row or register entry of the package",
        "discrepancies d-h2-12: handling mentions sv-003, which is not a row or register entry of the package"]


def test_a_restates_claim_in_prose_must_match_the_restates_column():
    desc = _descriptor(("us_assistance", "ua", ["restates", "note"]), ("discrepancies", "d", ["handling"]))
    tables = {"us_assistance": [{"row_id": "ua-005", "restates": None, "note": None},
                                {"row_id": "ua-015", "restates": None, "note": None}],
              "discrepancies": [{"discrepancy_id": "d-h1-07", "handling": "ua-015 (less_than) restates ua-005."}]}
    assert _failed(check_references(tables, desc)) == [
        "discrepancies d-h1-07: handling says ua-015 restates ua-005, but the restates column of ua-015 is None"]
    tables["us_assistance"][1]["restates"] = "ua-005"
    assert not _failed(check_references(tables, desc))


def test_no_prose_cites_the_rows_of_a_table_the_package_does_not_hold(tables):
    # of-101 ... of-126 were rows of an 'other_figures' table that is not in the package
    cited = {(name, r.get("row_id") or r.get("discrepancy_id"))
             for name, records in tables.items() for r in records
             for col in ("note", "handling", "explanation") if re.search(r"\bof-\d+", r.get(col) or "")}
    assert not cited
