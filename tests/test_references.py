"""References between rows: unique ids with one prefix per table, register links, ids mentioned in prose."""
import re

import pytest

import mali_caac
from mali_caac import package
from mali_caac.references import check_references, split_ids


def _tables():
    pkg = package.open_package()
    return {r.name: pkg.records(r.name) for r in pkg.tables()}


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
    for res in package.open_package().descriptor["resources"]:
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
    report = mali_caac.validate()
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


def test_a_refines_claim_in_prose_must_match_the_refines_column():
    desc = _descriptor(("grave_violations", "gv", ["restates", "refines", "note"]))
    tables = {"grave_violations": [{"row_id": "gv-092", "restates": None, "refines": None, "note": None},
                                   {"row_id": "gv-258", "restates": None, "refines": None,
                                    "note": "gv-258 refines gv-092: all four were maimed"}]}
    assert _failed(check_references(tables, desc)) == [
        "grave_violations gv-258: note says gv-258 refines gv-092, but the refines column of gv-258 is None"]
    tables["grave_violations"][1]["refines"] = "gv-092"
    assert not _failed(check_references(tables, desc))


def test_no_prose_cites_the_rows_of_a_table_the_package_does_not_hold(tables):
    # of-101 ... of-126 were rows of an 'other_figures' table that is not in the package
    cited = {(name, r.get("row_id") or r.get("discrepancy_id"))
             for name, records in tables.items() for r in records
             for col in ("note", "handling", "explanation") if re.search(r"\bof-\d+", r.get(col) or "")}
    assert not cited


def test_rows_cite_the_register_entries_that_explain_them(tables):
    """Notes used to cite the wrong entries (gv-085, gv-124, gv-162 cited d-05 for d-03, gv-122 d-06 for
    d-04, gv-183 d-07 for d-05, ic-011 d-08 for d-06); the discrepancy column now holds the entry."""
    cites = {r["row_id"]: split_ids(r.get("discrepancy")) for records in tables.values() for r in records
             if "row_id" in r}
    topics = {e["discrepancy_id"]: e["topic"] for e in tables["discrepancies"]}
    for rid in ("gv-085", "gv-124", "gv-162"):
        assert "d-03" in cites[rid] and topics["d-03"] == "a group listed beside its own members"
    assert cites["gv-122"] == ["d-04"] and "called incidents" in topics["d-04"]
    assert cites["gv-183"] == ["d-05"] and "unidentified armed groups" in topics["d-05"]
    assert cites["ic-011"] == ["d-06"] and "Goundam" in topics["d-06"]
    # and no note names a register entry in prose any more: the column does
    notes = {rid for name, records in tables.items() if name != "discrepancies" for r in records
             for rid in [r.get("row_id")] if re.search(r"\bd-(h\d-)?\d\d", r.get("note") or "")}
    assert not notes


def test_register_texts_describe_the_restates_links_the_rows_have(tables):
    """d-h2-02 and d-h2-07 described restates links (ag-018, sc-101) that the rows do not have."""
    by_id = {r["row_id"]: r for records in tables.values() for r in records if "row_id" in r}
    handling = {e["discrepancy_id"]: e["handling"] for e in tables["discrepancies"]}
    assert by_id["ag-018"]["restates"] is None and by_id["ag-019"]["restates"] is None
    assert "Neither ag-018 nor ag-019 is linked by restates" in handling["d-h2-02"]
    assert by_id["sc-101"]["restates"] is None and by_id["sc-102"]["restates"] == "sc-005"
    assert "not linked by restates" in handling["d-h2-07"] and "sc-102 restates sc-005" in handling["d-h2-08"]


def test_register_rows_and_row_discrepancies_must_agree():
    desc = _descriptor(("incidents", "ic", ["discrepancy", "note"]),
                       ("discrepancies", "d", ["handling", "rows"]))
    tables = {"incidents": [{"row_id": "ic-011", "discrepancy": "d-08", "note": None},
                            {"row_id": "ic-012", "discrepancy": None, "note": None}],
              "discrepancies": [{"discrepancy_id": "d-06", "handling": None, "rows": "ic-011,ic-012,ic-099"},
                                {"discrepancy_id": "d-08", "handling": None, "rows": None}]}
    assert _failed(check_references(tables, desc)) == [
        "discrepancies d-06: rows names ic-099, which is not a row of the package",
        "incidents ic-011: discrepancy names d-08, but discrepancies d-08 does not list ic-011 in rows",
        "discrepancies d-06 lists ic-011 in rows, but incidents ic-011 does not name d-06 in discrepancy",
        "discrepancies d-06 lists ic-012 in rows, but incidents ic-012 does not name d-06 in discrepancy"]
    tables["incidents"][0]["discrepancy"] = tables["incidents"][1]["discrepancy"] = "d-06"
    tables["discrepancies"][0]["rows"] = "ic-011,ic-012"
    assert not _failed(check_references(tables, desc))
    tables["incidents"][0]["discrepancy"] = "d-06,d-77"
    assert _failed(check_references(tables, desc)) == [
        "incidents ic-011: discrepancy names d-77, which is not an entry of discrepancies"]


# ----------------------------------------------------------------------------- data faults found by auditors
def test_listing_marks_are_dated_to_the_brief_not_to_each_report_year(tables):
    """The * and ~ marks of the Watchlist table describe each party as of the brief (June 2021), not in 2013-2017."""
    dates = {s["source_id"]: s["date"] for s in tables["sources"]}
    for r in tables["listings"]:
        assert r["marks_as_of"] == dates[r["source_id"]] == "2021-06", r["row_id"]
        assert r["report_year"] < 2021
    mnla = [r for r in tables["listings"] if r["party"] == "MNLA"]
    assert mnla and all(r["action_plan"] for r in mnla)


def test_conclusions_restating_the_378300_keep_the_seven_regions_of_para_32(tables):
    sc = {r["row_id"]: r for r in tables["schools_closed"]}
    assert sc["sc-005"]["area"] == "Mopti, Gao, Ménaka, Kidal, Ségou, Koulikoro and Timbuktu Regions"
    for rid in ("sc-101", "sc-102"):
        assert sc[rid]["value"] == sc["sc-005"]["value"] == 378300
        assert sc[rid]["area"] == sc["sc-005"]["area"], rid


def test_readme_says_what_validate_and_the_sources_table_show(tables):
    """The README said 'one failure is expected' (validate expects two) and 'five source documents'
    without saying what the 14 rows of sources are."""
    from pathlib import Path

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    counts = mali_caac.validate().counts()
    words = {1: "One", 2: "Two", 3: "Three"}
    assert f"{words[counts['expected']]} failures are expected" in readme
    assert f"({counts['unverifiable']}: " in readme
    assert f"`sources` has {len(tables['sources'])} rows: the five source documents" in readme
    assert "One failure is expected" not in readme
