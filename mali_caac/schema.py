"""Parse one CSV resource strictly against its Table Schema.

Every cell is checked (column set and order, required values, types, enums,
patterns, bounds, unique primary key, a minimum number of rows) before a
DataFrame is built, so a table is either returned whole and typed or refused
with the file, line and field.
"""
import csv
import io
import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from .errors import DataError

TRUE, FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}
NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
INTEGER = re.compile(r"-?\d+")


def _cast(kind, text):
    """Return the typed value of ``text``, or raise ValueError with the expectation."""
    if kind == "string":
        return text
    if kind == "integer":
        if not INTEGER.fullmatch(text):
            raise ValueError("an integer")
        return int(text)
    if kind == "number":
        if not NUMBER.fullmatch(text):
            raise ValueError("a number (digits, optional decimal point, no thousands separator)")
        value = float(text)
        if not math.isfinite(value):
            raise ValueError("a finite number (this one overflows to infinity)")
        return value
    if kind == "boolean":
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValueError("true or false")
    if kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError("a date YYYY-MM-DD") from None
    raise ValueError(f"a supported type, not {kind!r}")


def _decode(file, data):
    """The text of a CSV file's bytes; a BOM or bad bytes are refused with their line."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise DataError(file=file, line=1, expected="UTF-8 CSV",
                        found="starts with a UTF-8 byte-order mark; save without BOM")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(file=file, line=line, expected="UTF-8 text",
                        found=f"the bytes {data[exc.start:exc.end].hex(' ').upper()} (hex) at byte offset "
                              f"{exc.start}, which are not UTF-8; re-save the file as UTF-8") from None


def _bound(kind, bound):
    """A minimum or maximum of the descriptor in the field's type (dates are written as text)."""
    return _cast(kind, bound) if isinstance(bound, str) else bound


class Record(Mapping):
    """One checked row: a read-only mapping of column name to typed value.

    Lighter than a dict (one tuple of values per row, the names shared by the
    table), so that tables of a million rows fit in memory; ``dict(rec)`` gives
    a plain dict."""

    __slots__ = ("_values",)
    _index = {}
    _names = ()

    def __init__(self, values):
        self._values = values

    def __getitem__(self, key):
        return self._values[self._index[key]]

    def get(self, key, default=None):
        i = self._index.get(key)
        return default if i is None else self._values[i]

    def __contains__(self, key):
        return key in self._index

    def __iter__(self):
        return iter(self._names)

    def __len__(self):
        return len(self._names)

    def __repr__(self):
        return f"Record({dict(self)!r})"


def column(records, name):
    """The values of column ``name`` of checked records, in order (fast for :class:`Record` rows)."""
    if records and isinstance(records[0], Record):
        i = records[0]._index[name]
        return [r._values[i] for r in records]
    return [r.get(name) for r in records]


def record_type(names):
    """A :class:`Record` class for rows with the columns ``names`` (and the row's ``_line``)."""
    names = tuple(names) + ("_line",)
    return type("Record", (Record,), {"__slots__": (), "_names": names,
                                      "_index": {n: i for i, n in enumerate(names)}})


def _column_check(field, missing_values, intern):
    """A function ``text -> (value, problem)`` for one column, compiled once from its schema.

    Problems are ``(expected, found)`` pairs; valid text values are kept once
    (``intern``) so that repeated cells share one object."""
    kind = field.get("type", "string")
    cons = field.get("constraints", {})
    required = bool(cons.get("required"))
    enum = set(cons["enum"]) if "enum" in cons else None
    shown = None
    if enum is not None:
        shown = cons["enum"] if len(cons["enum"]) <= 12 else cons["enum"][:12] + ["..."]
    pattern = re.compile(cons["pattern"]) if "pattern" in cons else None
    lo = _bound(kind, cons["minimum"]) if "minimum" in cons else None
    hi = _bound(kind, cons["maximum"]) if "maximum" in cons else None
    seen = {}

    def check(text):
        if text in missing_values:
            if required:
                return None, [("a value (the field is required)", text)]
            return None, None
        if intern:
            value = seen.get(text)
            if value is not None:
                return value, None
        try:
            value = _cast(kind, text)
        except ValueError as exc:
            return None, [(str(exc), text)]
        problems = []
        if enum is not None and text not in enum:
            problems.append((f"one of {shown}", text))
        if pattern is not None and not pattern.fullmatch(text):
            problems.append((f"text matching {cons['pattern']}", text))
        if lo is not None and value < lo:
            problems.append((f"at least {cons['minimum']}", text))
        if hi is not None and value > hi:
            problems.append((f"at most {cons['maximum']}", text))
        if problems:
            return value, problems
        if intern:
            seen[text] = value
        return value, None
    return check


def read_rows(file, schema, resource_name, min_rows=0):
    """Read and check every row; return (records as :class:`Record` of typed values, problems).

    ``min_rows`` is the least number of data rows the table may have (a table
    cut down to its header is a fault, not an empty dataset).
    """
    names = [f["name"] for f in schema["fields"]]
    try:
        with open(file, "rb") as fh:
            head = fh.read(3)
    except FileNotFoundError:
        raise DataError(file=file, expected=f"the CSV file of dataset {resource_name!r}",
                        found="no such file") from None
    if head == b"\xef\xbb\xbf":
        _decode(file, head)  # raises: a byte-order mark is refused by name
    # read as a stream: a table of a million rows is never held whole as bytes and as text
    with open(file, encoding="utf-8", newline="") as stream:
        try:
            return _read(file, csv.reader(stream, strict=True), schema, names, resource_name, min_rows)
        except UnicodeDecodeError:
            _decode(file, Path(file).read_bytes())  # raises, naming the line and the bytes
            raise


def _read(file, reader, schema, names, resource_name, min_rows):
    fields = schema["fields"]
    missing_values = set(schema.get("missingValues", [""]))
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else (key or [])
    problems = []

    def problem(**kw):
        problems.append(DataError(file=file, **kw))

    try:
        header = next(reader)
    except StopIteration:
        raise DataError(file=file, line=1, expected="a header row", found="an empty file") from None
    except csv.Error as exc:
        raise DataError(file=file, line=1, expected="well-formed CSV", found=str(exc)) from None
    if header != names:
        absent = [n for n in names if n not in header]
        extra = [n for n in header if n not in names]
        detail = []
        if absent:
            detail.append(f"missing column(s) {absent}")
        if extra:
            detail.append(f"unexpected column(s) {extra}")
        if not detail:
            detail.append("columns in a different order")
        raise DataError(file=file, line=1, field=(absent or extra or [None])[0],
                        expected=f"the columns {names}", found="; ".join(detail))
    # unique columns (the key) are not interned: keeping one copy of unique text saves nothing
    checks = [_column_check(f, missing_values, intern=not (key == [f["name"]])) for f in fields]
    width = len(names)
    make = record_type(names)
    records = []
    try:
        end = reader.line_num
        for raw in reader:
            line, end = end + 1, reader.line_num  # the line on which the row starts
            if not raw:
                problem(line=line, expected="a row", found="a blank line")
                continue
            if len(raw) != width:
                problem(line=line, row_id=raw[0], expected=f"{width} cells", found=f"{len(raw)} cells")
                continue
            values = []
            for check, text in zip(checks, raw):
                value, bad = check(text)
                if not text.isascii() and not unicodedata.is_normalized("NFC", text):
                    bad = [("text in Unicode NFC (composed characters, as the vocabularies and source texts are)",
                            text)]
                if bad:
                    name = names[len(values)]
                    for expected, found in bad:
                        problem(line=line, row_id=raw[0], field=name, expected=expected, found=found)
                values.append(value)
            values.append(line)
            records.append(make(tuple(values)))
    except csv.Error as exc:
        raise DataError(file=file, line=reader.line_num, expected="well-formed CSV",
                        found=str(exc)) from None
    if len(records) < min_rows:
        problem(expected=f"at least {min_rows} data row{'s' if min_rows > 1 else ''} "
                         "(the descriptor's mali_caac.min_rows)", found=f"{len(records)} rows")

    if key:
        seen = {}
        for rec in records:
            k = tuple(rec.get(n) for n in key)
            if k in seen:
                problem(line=rec["_line"], row_id=rec.get(names[0]), field=",".join(key),
                        expected=f"a unique primary key (first used on line {seen[k]})",
                        found=" / ".join(map(str, k)))
            else:
                seen[k] = rec["_line"]
    return records, problems


def foreign_key_problems(pkg, res, file, records):
    """Cells whose foreign key has no match in the referenced table (of the same package)."""
    problems = []
    for fk in res.schema.get("foreignKeys", []):
        field = fk["fields"]
        ref = fk["reference"]
        target = ref["resource"] or res.name
        source = records if target == res.name else pkg.records(target)
        allowed = {r[ref["fields"]] for r in source}
        for rec in records:
            value = rec.get(field)
            if value is not None and value not in allowed:
                problems.append(DataError(
                    file=file, line=rec["_line"], row_id=next(iter(rec.values())), field=field,
                    expected=f"a value of {target}.{ref['fields']}", found=value))
    return problems
