"""The strict CSV reader names the fault: byte-order mark, bad bytes, blank lines, non-finite numbers."""
import pytest

from mali_caac.errors import DataError
from mali_caac.schema import read_rows

SCHEMA = {"fields": [{"name": "row_id"},
                     {"name": "value", "type": "number", "constraints": {"minimum": 0}},
                     {"name": "year", "type": "integer", "constraints": {"minimum": 1960, "maximum": 2030}},
                     {"name": "day", "type": "date", "constraints": {"minimum": "1960-01-01"}}]}
GOOD = "row_id,value,year,day\nr-1,1,2019,2019-01-01\nr-2,2.5,2020,2020-02-01\n"


def read(tmp_path, data, **kw):
    file = tmp_path / "t.csv"
    file.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return read_rows(file, SCHEMA, "t", **kw)


def test_good_file(tmp_path):
    records, problems = read(tmp_path, GOOD)
    assert problems == [] and [r["value"] for r in records] == [1.0, 2.5]


def test_byte_order_mark_is_named(tmp_path):
    with pytest.raises(DataError) as err:
        read(tmp_path, "\ufeff" + GOOD)
    assert err.value.line == 1
    assert "starts with a UTF-8 byte-order mark; save without BOM" in str(err.value)


def test_encoding_error_names_its_line_and_bytes(tmp_path):
    data = GOOD.encode("utf-8") + b"r-3,3,2021,2021-01-0\xe9\n"
    with pytest.raises(DataError) as err:
        read(tmp_path, data)
    assert err.value.line == 4
    msg = str(err.value)
    assert "line 4" in msg and f"the bytes E9 (hex) at byte offset {len(GOOD.encode()) + 20}" in msg


@pytest.mark.parametrize("data, line", [(GOOD + "\n", 4), (GOOD.replace("\nr-2", "\n\nr-2"), 3)])
def test_blank_line_is_named(tmp_path, data, line):
    records, problems = read(tmp_path, data)
    assert [(p.line, p.found) for p in problems] == [(line, "a blank line")]


def test_infinite_number_is_refused(tmp_path):
    records, problems = read(tmp_path, GOOD.replace("r-2,2.5", "r-2,1e309"))
    assert [(p.line, p.field) for p in problems] == [(3, "value")]
    assert "a finite number" in problems[0].expected


@pytest.mark.parametrize("old, new, field, expected", [
    ("r-2,2.5", "r-2,-1", "value", "at least 0"),
    ("2020,2020", "-5,2020", "year", "at least 1960"),
    ("2020-02-01", "1066-10-14", "day", "at least 1960-01-01"),
])
def test_bounds(tmp_path, old, new, field, expected):
    records, problems = read(tmp_path, GOOD.replace(old, new))
    assert [(p.line, p.field, p.expected) for p in problems] == [(3, field, expected)]


def test_minimum_number_of_rows(tmp_path):
    records, problems = read(tmp_path, GOOD.split("\n")[0] + "\n", min_rows=1)
    assert [p.line for p in problems] == [None]
    assert "at least 1 data row" in problems[0].expected and problems[0].found == "0 rows"
