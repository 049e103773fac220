"""Caption fields bound to rows of ``data/``: no number is typed in a title or caption.

A figure's title and caption (:func:`mali_caac.figures.describe`) hold ``{fields}``; :func:`bind` says, once
per figure, which row (by ``row_id``) or which rows fill each field, and how (a row's value, a sum, a share,
millions of dollars, the months of the periods drawn). The text is filled when the figure is drawn, from the
package it is drawn from, so that a corrected value in ``data/`` changes the caption (``tests/test_captions.py``
corrects one in a copy of the package and reads the caption again).

The rule for digits in a caption text: none, except inside a ``{field}``, in a year written as a date
(``2017``), in a UN document symbol (``S/2020/487``) and in a name that holds a digit (``COVID-19``,
``G5 Sahel``). :func:`typed_numbers` finds the others.
"""
import re
from dataclasses import dataclass

FIELDS = {}
"""{figure id: {field: Field}}: the fields of each figure's title and caption that rows fill."""


@dataclass(frozen=True)
class Field:
    """How rows fill a caption field: ``kind`` is 'value' (one row's value, or ``column``), 'sum' (of the
    rows' values), 'share' (the first row's value in per cent of the second's), 'millions' (a dollar value
    in millions, to ``decimals``) or 'difference' (the first row's value less the others')."""

    kind: str
    row_ids: tuple
    column: str = "value"
    decimals: object = None


def row(row_id, column="value"):
    """The value of one row (or another numeric ``column`` of it, e.g. an age bound)."""
    return Field("value", (row_id,), column)


def total(*row_ids):
    """The sum of the values of ``row_ids``."""
    return Field("sum", tuple(row_ids))


def difference(row_id, *minus):
    """The value of ``row_id`` less the values of ``minus``."""
    return Field("difference", (row_id,) + tuple(minus))


def share(part, whole, decimals=0):
    """``part`` in per cent of ``whole``, rounded to ``decimals``."""
    return Field("share", (part, whole), decimals=decimals)


def span(*row_ids, column="period"):
    """The first and last of a column of ``row_ids`` holding years, as a range ('2017–2019')."""
    return Field("span", tuple(row_ids), column)


def years(row_id):
    """The years of one row (``period_start`` to ``period_end``) as a range: '2013–2018'."""
    return Field("years", (row_id,), "period_start")


def year_count(row_id):
    """How many years one row covers (``period_start`` to ``period_end``, both counted): 21."""
    return Field("year_count", (row_id,), "period_start")


def days(row_id):
    """The dates of one row (``period_start`` to ``period_end``), written out: '27–31 March 2022'."""
    return Field("days", (row_id, row_id), "period_start")


def millions(row_id, decimals=None):
    """A dollar value in millions: to ``decimals`` (None: whole millions if whole, else two decimals)."""
    return Field("millions", (row_id,), decimals=decimals)


KINDS = ("value", "sum", "difference", "share", "millions", "span", "days", "years", "year_count")


def bind(fid, **fields):
    """Say which rows fill the ``{fields}`` of figure ``fid``'s title and caption."""
    for name, f in fields.items():
        if not isinstance(f, Field) or f.kind not in KINDS:
            raise ValueError(f"figure {fid!r}: field {name!r} must be made by row(), total(), difference(), "
                             f"share(), millions(), span(), years(), year_count() or days(), got {f!r}")
    FIELDS.setdefault(fid, {}).update(fields)


def _rows_by_id(data=None):
    """{row_id: record} over every table of the package that has row ids (read once per package state)."""
    from ..package import open_package

    pkg = open_package(data)
    cache = getattr(pkg, "_mc_rows_by_id", None)
    if cache is None:
        cache = {}
        for res in pkg.tables():
            if "row_id" in res.field_names:
                for r in pkg.records(res.name):
                    cache[str(r["row_id"])] = r
        for r in pkg.records("periods"):  # a period's length: row("period:2018", "months")
            cache[f"period:{r['period']}"] = r
        pkg._mc_rows_by_id = cache
    return cache


def _number(rows, fid, name, row_id, column):
    if row_id not in rows:
        raise ValueError(f"figure {fid!r}: field {{{name}}} is bound to row {row_id!r}, which no table of the "
                         f"data package has")
    value = rows[row_id].get(column)
    if isinstance(value, str) and value.isdigit():  # a year in a 'period' column
        value = int(value)
    if value is None:
        raise ValueError(f"figure {fid!r}: field {{{name}}} is bound to row {row_id!r}, whose {column!r} is empty")
    return float(value)


def _days(rows, fid, name, row_id, lang):
    from ..i18n import date_label, date_span

    if row_id not in rows or not rows[row_id].get("period_start") or not rows[row_id].get("period_end"):
        raise ValueError(f"figure {fid!r}: field {{{name}}} is bound to row {row_id!r}, which has no "
                         f"period_start and period_end")
    a, b = rows[row_id]["period_start"], rows[row_id]["period_end"]
    a, b = (str(a), str(b))
    if len(a) == len(b) == 10 and a[:7] == b[:7]:  # days of one month
        return f"{int(a[8:])}\u2013{int(b[8:])} {date_label(b, lang, 'MMMM y')}" if a != b else \
            f"{int(a[8:])} {date_label(b, lang, 'MMMM y')}"
    return date_span(a, b, lang)


def row_facts(fid, lang, data=None):
    """{field: text} of figure ``fid``'s bound fields, in ``lang``, read from the package ``data``."""
    from ..i18n import number

    rows = _rows_by_id(data) if fid in FIELDS else {}
    out = {}
    for name, f in FIELDS.get(fid, {}).items():
        if f.kind == "days":
            out[name] = _days(rows, fid, name, f.row_ids[0], lang)
            continue
        if f.kind in ("years", "year_count"):
            first, last = (int(_number(rows, fid, name, f.row_ids[0], c)) for c in ("period_start", "period_end"))
            out[name] = str(last - first + 1) if f.kind == "year_count" else (
                f"{first}\u2013{last}" if first != last else str(first))
            continue
        values = [_number(rows, fid, name, i, f.column) for i in f.row_ids]
        if f.kind == "span":
            first, last = int(min(values)), int(max(values))
            out[name] = f"{first}\u2013{last}" if first != last else str(first)
        elif f.kind == "value":
            out[name] = number(values[0], lang)
        elif f.kind == "sum":
            out[name] = number(sum(values), lang)
        elif f.kind == "difference":
            out[name] = number(values[0] - sum(values[1:]), lang)
        elif f.kind == "share":
            out[name] = number(round(100 * values[0] / values[1], f.decimals), lang, f.decimals or None)
        else:  # millions
            m = values[0] / 1e6
            decimals = f.decimals if f.decimals is not None else (0 if m.is_integer() else 2)
            out[name] = number(round(m, decimals), lang, decimals)
    return out


def drawn_facts(rows, lang, data=None):
    """Facts every caption may use, computed from the rows a figure draws (a provenance frame with
    ``row_id``): ``report_end``, the month the report's period ends ('March 2020'), and ``period_months``, the lengths in months of the report's periods they cover, in order
    ('6, 12, 12 and 3')."""
    from babel.lists import format_list

    from ..i18n import number
    from ..package import open_package

    from ..i18n import date_label

    periods = {p["period"]: p for p in open_package(data).records("periods")}
    facts = {"report_end": date_label(periods["all"]["end"], lang, "MMMM y")}
    if rows is None or "row_id" not in getattr(rows, "columns", ()):
        return facts
    by_id = _rows_by_id(data)
    drawn = {str(by_id[i].get("period")) for i in rows["row_id"] if i in by_id and by_id[i].get("period")}
    spans = sorted((periods[p]["start"], periods[p]["months"]) for p in drawn
                   if p in periods and p != "all" and periods[p]["start"] >= periods["all"]["start"])
    if spans:
        facts["period_months"] = format_list([number(m, lang) for _, m in spans], locale=lang)
    return facts


def bound_row_ids(fid):
    """The ids of the rows whose values fill figure ``fid``'s fields."""
    return sorted({i for f in FIELDS.get(fid, {}).values() for i in f.row_ids})


# ----------------------------------------------------------------------------- the rule for typed digits
_FIELD = re.compile(r"\{[^{}]*\}")
_ALLOWED = re.compile(r"\b(?:19|20)\d\d\b(?!\s*(?:%|per cent|pour cent))"  # a year, as a date
                      r"|\bS/(?:AC\.\d+/)?\d{4}/\d+\b"  # a UN document symbol
                      r"|\bd-(?:h\d+-)?\d+\b"  # an entry of the discrepancy register
                      r"|\bCOVID-19\b|\bG5\b|\bCMFPR-I+\b")  # names that hold a digit


def typed_numbers(text):
    """The digits typed in a title or caption template that no field fills and the rule does not allow."""
    rest = _ALLOWED.sub(" ", _FIELD.sub(" ", text))
    return [n.rstrip(",.") for n in re.findall(r"\d[\d,.]*", rest)]
