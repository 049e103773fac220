"""Outside data turned into tidy resources: the Foreign Aid Explorer series for Mali.

``us_aid_rows`` reads the original CSV (kept byte for byte in ``data/external/``)
and returns one row per fiscal year, transaction type and dollar basis, each
citing its line of the original file. Quirks are handled on purpose: '1976tq'
is the transition quarter of 1976 (July-September), not a year; fiscal year
2022 was incomplete when the file was made; an obligation or a disbursement may
be negative (a deobligation, a refund) and keeps its sign.
"""
import csv
import io
import re
from pathlib import Path

from .errors import DataError
from .package import atomic_write, open_package

RAW = "external/us_foreign_aid_country_MLI.csv"
OUT = "us_aid_series.csv"
SOURCE_ID = "USAID-FAE"
INCOMPLETE_YEARS = {2022: "Fiscal year 2022 was incomplete when the file was made (October 2022)"}
HEADER = ["country_code", "country_name", "region_id", "Region Name", "income_roup", "income_group_name",
          "transaction_type_id", "transaction_type_name", "fiscal_year", "current_amount", "constant_amount"]
TRANSACTIONS = {
    "Obligations": "obligations",
    "Disbursements": "disbursements",
    "Appropriated and Planned": "appropriated_and_planned",
    "Initial Allocations": "initial_allocations",
    "President's Budget Requests": "presidents_budget_request",
}
MAY_BE_NEGATIVE = {"obligations": "Obligations (deobligations)", "disbursements": "Disbursements (refunds)"}
"""Transaction types whose yearly amount the Foreign Aid Explorer prints negative when the year's
withdrawals exceed its new amounts; the other types are appropriations, allocations and requests."""
WHOLE_DOLLARS = re.compile(r"-?\d+")
COLUMNS = ["row_id", "fiscal_year", "fiscal_year_as_printed", "period_kind", "complete", "transaction_type",
           "dollars", "value", "unit", "qualifier", "printed", "source_id", "locator", "quote", "restates", "note"]


def us_aid_rows(raw):
    """Tidy rows of the Foreign Aid Explorer file ``raw`` (a path); DataError on anything unexpected."""
    raw = Path(raw)
    text = raw.read_text(encoding="utf-8")
    lines = text.splitlines()
    reader = csv.reader(lines)
    header = next(reader)
    if header != HEADER:
        raise DataError(file=raw, line=1, expected=f"the columns {HEADER}", found=header)
    rows = []
    for line_no, rec in enumerate(reader, start=2):
        row = dict(zip(HEADER, rec))
        if row["country_code"] != "MLI":
            raise DataError(file=raw, line=line_no, field="country_code", expected="MLI", found=row["country_code"])
        ttype = TRANSACTIONS.get(row["transaction_type_name"])
        if ttype is None:
            raise DataError(file=raw, line=line_no, field="transaction_type_name",
                            expected=f"one of {list(TRANSACTIONS)}", found=row["transaction_type_name"])
        fy = row["fiscal_year"]
        if fy.endswith("tq") and fy[:-2].isdigit():
            year, kind, note = int(fy[:-2]), "transition_quarter", (
                f"The {fy[:-2]} transition quarter (July-September {fy[:-2]}), when the US fiscal year moved "
                "from July-June to October-September: three months, not a year")
        elif fy.isdigit():
            year, kind, note = int(fy), "fiscal_year", INCOMPLETE_YEARS.get(int(fy), "")
        else:
            raise DataError(file=raw, line=line_no, field="fiscal_year", expected="a year or a year followed by 'tq'",
                            found=fy)
        for dollars, col in (("current", "current_amount"), ("constant", "constant_amount")):
            amount = row.get(col) or ""
            if not WHOLE_DOLLARS.fullmatch(amount):
                raise DataError(file=raw, line=line_no, field=col,
                                expected="a whole number of dollars (digits, with a leading '-' for a negative amount)",
                                found=amount)
            if amount.startswith("-") and ttype not in MAY_BE_NEGATIVE:
                raise DataError(file=raw, line=line_no, field=col,
                                expected=f"an amount of at least 0 for {row['transaction_type_name']}: only "
                                         + " and ".join(MAY_BE_NEGATIVE.values()) + " can be negative",
                                found=amount)
            rows.append({
                "fiscal_year": year, "fiscal_year_as_printed": fy, "period_kind": kind,
                "complete": "false" if year in INCOMPLETE_YEARS else "true", "transaction_type": ttype,
                "dollars": dollars, "value": row[col], "unit": "USD", "qualifier": "exact", "printed": row[col],
                "source_id": SOURCE_ID, "locator": f"{raw.name}, line {line_no}", "quote": lines[line_no - 1],
                "restates": "", "note": note,
            })
    order = list(TRANSACTIONS.values())
    rows.sort(key=lambda r: (order.index(r["transaction_type"]), r["fiscal_year"], r["period_kind"] != "fiscal_year",
                             r["dollars"] != "current"))
    for i, r in enumerate(rows, start=1):
        r["row_id"] = f"us-{i:04d}"
    return rows


def us_aid_csv(data=None):
    """The text of ``us_aid_series.csv`` as rebuilt from the original file of the package ``data``."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(us_aid_rows(open_package(data).path(RAW)))
    return buf.getvalue()


def write_us_aid(data=None):
    """Rebuild ``us_aid_series.csv`` from the original file; returns its path."""
    out = open_package(data).path(OUT)
    atomic_write(out, us_aid_csv(data))
    return out
