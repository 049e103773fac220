"""Broken copies of the data package are refused with the file, line and field."""
import csv

import pytest

import mali_caac
from mali_caac.package import atomic_write, update_hashes


def edit(folder, table, row_id, column, value, rehash=True):
    """Set one cell of a CSV (rows found by their first column) and re-record hashes."""
    path = folder / f"{table}.csv"
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    col = rows[0].index(column)
    line = next(i for i, r in enumerate(rows) if r[0] == row_id)
    rows[line][col] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    if rehash:
        update_hashes(folder)
    return line + 1  # 1-based line in the file


def drop_column(folder, table, column):
    path = folder / f"{table}.csv"
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    col = rows[0].index(column)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([r[:col] + r[col + 1:] for r in rows])
    update_hashes(folder)


def test_missing_column(data_copy):
    drop_column(data_copy, "grave_violations", "unit")
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("grave_violations", data_copy)
    assert err.value.field == "unit" and err.value.line == 1
    assert "grave_violations.csv, line 1, field 'unit'" in str(err.value)
    assert "missing column(s) ['unit']" in str(err.value)


def test_non_numeric_value(data_copy):
    line = edit(data_copy, "grave_violations", "gv-027", "value", "132 children")
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("grave_violations", data_copy)
    msg = str(err.value)
    assert f"grave_violations.csv, line {line} (row gv-027), field 'value': expected a number" in msg
    assert "'132 children'" in msg


def test_unknown_violation_code(data_copy):
    line = edit(data_copy, "grave_violations", "gv-100", "violation", "looting")
    with pytest.raises(mali_caac.DataError, match=rf"line {line} \(row gv-100\), field 'violation': expected one of"):
        mali_caac.load("grave_violations", data_copy)


def test_unknown_region(data_copy):
    line = edit(data_copy, "grave_violations", "gv-012", "region", "Atlantis")
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("grave_violations", data_copy)
    assert (err.value.line, err.value.field, err.value.found) == (line, "region", "Atlantis")


def test_unknown_source_id(data_copy):
    line = edit(data_copy, "us_assistance", "ua-001", "source_id", "S/1999/1")
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("us_assistance", data_copy)
    assert (err.value.line, err.value.field) == (line, "source_id")
    assert "expected a value of sources.source_id" in str(err.value)


def test_duplicate_row_id(data_copy):
    line = edit(data_copy, "context", "cx-002", "row_id", "cx-001")
    with pytest.raises(mali_caac.DataError, match=rf"line {line} .*expected a unique primary key"):
        mali_caac.load("context", data_copy)


def test_changed_file_without_new_hash(data_copy):
    edit(data_copy, "grave_violations", "gv-027", "value", "133", rehash=False)
    with pytest.raises(mali_caac.DataError, match=r"grave_violations.csv: sha256 .* does not match"):
        mali_caac.load("grave_violations", data_copy)
    report = mali_caac.validate(data_copy)
    assert not report.ok
    assert [c.id for c in report.by_status("failed")][:1] == ["hash:grave_violations"]


def test_part_that_no_longer_adds_up(data_copy):
    # MNLA 132 -> 133: CMA's 202 no longer equals its members
    edit(data_copy, "grave_violations", "gv-027", "value", "133")
    edit(data_copy, "grave_violations", "gv-027", "printed", "133")  # keep the quote check apart
    report = mali_caac.validate(data_copy)
    assert not report.ok
    failed = {c.id: c.message for c in report.by_status("failed")}
    assert "sum:grave_violations:gv-026:perpetrator" in failed
    assert "NOT equal to the stated 202" in failed["sum:grave_violations:gv-026:perpetrator"]
    assert "quote:grave_violations:gv-027" in failed  # 133 is not printed in the quote


def test_quote_that_is_not_in_the_source(data_copy):
    edit(data_copy, "context", "cx-001", "quote", "the Commission had received 17,000 testimonies")
    report = mali_caac.validate(data_copy)
    assert "quote not found" in {c.id: c.message for c in report.checks}["quote:context:cx-001"]


def test_stale_register_entry_is_a_failure(data_copy):
    # if the previous report's 740 were corrected to 822, the register would be out of date
    edit(data_copy, "grave_violations", "gv-006", "value", "822")
    report = mali_caac.validate(data_copy)
    assert "register:d-01" in {c.id for c in report.by_status("failed")}


def test_loading_never_returns_a_half_parsed_table(data_copy):
    edit(data_copy, "grave_violations", "gv-261", "value", "x")  # the last row
    with pytest.raises(mali_caac.DataError):
        mali_caac.load("grave_violations", data_copy)
    edit(data_copy, "grave_violations", "gv-261", "value", "3")
    assert len(mali_caac.load("grave_violations", data_copy)) == 261


def test_atomic_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.txt"
    atomic_write(target, "old")

    with pytest.raises(TypeError):
        atomic_write(target, object())  # cannot be written
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_table_cut_down_to_its_header(data_copy):
    path = data_copy / "incidents.csv"
    path.write_text(path.read_text(encoding="utf-8").split("\n")[0] + "\n", encoding="utf-8")
    update_hashes(data_copy)
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("incidents", data_copy)
    assert "incidents.csv: expected at least 1 data row" in str(err.value) and err.value.found == "0 rows"
    report = mali_caac.validate(data_copy)
    assert "schema:incidents" in {c.id for c in report.by_status("failed")}


def test_vocabulary_fixed_by_its_source_loses_a_row(data_copy):
    path = data_copy / "cercles.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # 49 of the 50 ADM2 units
    update_hashes(data_copy)
    with pytest.raises(mali_caac.DataError, match=r"cercles.csv: expected at least 50 data rows"):
        mali_caac.load("cercles", data_copy)


@pytest.mark.parametrize("table, row_id, column, value, expected", [
    ("crsv", "sv-001", "year", "-5", "at least 1960"),
    ("crsv", "sv-001", "value", "-5", "at least 0"),
    ("grave_violations", "gv-027", "value", "1e309", "a finite number"),
    ("periods", "2018", "start", "1066-10-14", "at least 1960-01-01"),
])
def test_number_out_of_bounds(data_copy, table, row_id, column, value, expected):
    line = edit(data_copy, table, row_id, column, value)
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load(table, data_copy)
    assert (err.value.line, err.value.field) == (line, column)
    assert expected in err.value.expected


def test_period_months_that_do_not_match_the_dates(data_copy):
    edit(data_copy, "periods", "2018", "months", "11")
    edit(data_copy, "periods", "2019", "end", "2019-12-30")
    report = mali_caac.validate(data_copy)
    failed = {c.id: c.message for c in report.by_status("failed")}
    assert "2018-01-01 to 2018-12-31 is 12 months, NOT as its months (11) say" in failed["months:periods:2018"]
    assert "not a span of whole months" in failed["months:periods:2019"]
    assert "months:periods:all" not in failed


@pytest.mark.parametrize("table, row_id, column, value, message", [
    ("grave_violations", "gv-027", "locator", "para 999", "no part 'para 999' (its parts: summary, para 1-75"),
    ("grave_violations", "gv-027", "locator", "para 15", "the quote is NOT in that part; it is in para 14"),
    ("context", "cx-001", "locator", "para 4(a)", "no part 'para 4(a)'"),
    ("us_assistance", "ua-014", "locator", "footnote 7", "NOT in that part; it is in footnote 8"),
    ("listings", "ls-001", "locator", "UN Action > listing tables", "no part 'UN Action > listing tables'"),
])
def test_wrong_locator(data_copy, table, row_id, column, value, message):
    edit(data_copy, table, row_id, column, value)
    report = mali_caac.validate(data_copy)
    failed = {c.id: c.message for c in report.by_status("failed")}
    assert message in failed[f"locator:{table}:{row_id}"]
    assert f"quote:{table}:{row_id}" not in failed  # the quote itself is still in the document


def test_wrong_locator_in_the_discrepancy_register(data_copy):
    edit(data_copy, "discrepancies", "d-02", "locator_b", "paras 14, 15, 99")
    report = mali_caac.validate(data_copy)
    assert "no part 'para 99'" in {c.id: c.message for c in report.by_status("failed")}["locator:discrepancies:d-02:b"]


def test_quote_with_a_space_the_source_does_not_print(data_copy):
    quote = "In the majority of verified violations (5 2 per cent), it was not possible to attribute responsibility"
    edit(data_copy, "grave_violations", "gv-008", "quote", quote)
    report = mali_caac.validate(data_copy)
    failed = {c.id: c.message for c in report.by_status("failed")}
    assert "quote not found in S-2020-1105.txt" in failed["quote:grave_violations:gv-008"]


def test_decomposed_text_is_named_as_not_nfc(data_copy):
    """Issue 16: an NFD 'Ménaka' was refused with expected and found strings that look identical."""
    import unicodedata

    line = edit(data_copy, "grave_violations", "gv-059", "region", unicodedata.normalize("NFD", "Ménaka"))
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("grave_violations", data_copy)
    msg = str(err.value)
    assert f"grave_violations.csv, line {line} (row gv-059), field 'region': expected text in Unicode NFC" in msg
    assert "not in Unicode NFC" in msg and "Me\\u0301naka" in msg and "COMBINING ACUTE ACCENT" in msg
    report = mali_caac.validate(data_copy)
    assert not report.ok and any("not in Unicode NFC" in c.message for c in report.by_status("failed"))


def test_decomposed_quote_is_named_as_not_nfc(data_copy):
    import unicodedata

    quote = next(r for r in csv.DictReader(open(data_copy / "grave_violations.csv", encoding="utf-8"))
                 if r["row_id"] == "gv-146")["quote"]
    edit(data_copy, "grave_violations", "gv-146", "quote", unicodedata.normalize("NFD", quote + " Ménaka"))
    with pytest.raises(mali_caac.DataError, match=r"\(row gv-146\), field 'quote': expected text in Unicode NFC"):
        mali_caac.load("grave_violations", data_copy)
