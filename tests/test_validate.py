import mali_caac
from mali_caac.reconcile import all_checks


def test_validate_reports_every_reconciliation_holding():
    report = mali_caac.validate()
    assert report.ok, report.text()
    counts = report.counts()
    assert counts["failed"] == 0
    # the one known inconsistency of the sources is reported, with its register entry
    expected = report.by_status("expected")
    assert [c.discrepancy for c in expected] == ["d-01b", "d-01"]
    assert "822" in expected[0].message and "740" in expected[0].message


def test_every_quote_is_verbatim_and_prints_its_value():
    quotes = [c for c in all_checks() if c.kind == "quote"]
    assert len(quotes) > 500
    assert not [c.message for c in quotes if c.status == "failed"]
    # only quotes of documents not held here cannot be checked
    assert all("not held" in c.message for c in quotes if c.status == "unverifiable")


def test_key_reconciliations_are_among_the_checks():
    ids = {c.id: c for c in all_checks()}
    # CMA 202 = MNLA 132 + MAA-CMA 35 + HCUA 34 + unidentified 1
    cma = [c for c in ids.values() if c.kind == "sum" and "CMA" in c.message and "202" in c.message]
    assert cma and all(c.status == "ok" for c in cma)
    assert ids["across:grave_violations:gv-001"].status == "ok"  # 1,764 = six violations
    assert ids["percent:gv-008"].status == "ok"  # 52 per cent unattributed


def test_report_text_is_readable():
    text = mali_caac.validate().text()
    assert text.startswith("mali-caac validate: OK")
    assert "EXPECTED (2)" in text
