"""Typed pandas DataFrames from the checked records of a table: the column types of its schema, the
violations in the report's order and the periods in time order, as ordered categoricals where the order means
something (:data:`mali_caac.domain.ORDERED_DIMENSIONS`).

Below the package (:meth:`mali_caac.package.Package.frame` caches what :func:`build_frame` makes) and the
loader; it imports neither.
"""
from .domain import ORDERED_DIMENSIONS, VIOLATIONS
from .schema import column


def _category_order(pkg, name, field):
    enum = field["constraints"]["enum"]
    if field["name"] == "violation":
        return [v for v in VIOLATIONS if v in enum] + [v for v in enum if v not in VIOLATIONS]
    if field["name"] == "period" and name != "periods":
        # chronological by start then length; the whole reporting period last
        rank = sorted(pkg.records("periods"), key=lambda p: (p["period"] == "all", p["start"], p["months"]))
        return [p["period"] for p in rank if p["period"] in enum]
    return list(enum)


def build_frame(pkg, name, records):
    """The typed DataFrame of checked ``records`` of table ``name``."""
    import pandas as pd

    res = pkg.resource(name)
    columns = {}
    for field in res.schema["fields"]:
        col = field["name"]
        values = column(records, col)
        kind = field.get("type", "string")
        enum = field.get("constraints", {}).get("enum")
        if enum and kind == "string":
            columns[col] = pd.Categorical(values, categories=_category_order(pkg, name, field),
                                          ordered=col in ORDERED_DIMENSIONS)
        elif kind == "number":
            columns[col] = pd.array([float("nan") if v is None else v for v in values], dtype="float64")
        elif kind == "integer":
            columns[col] = pd.array(values, dtype="Int64")
        elif kind == "boolean":
            columns[col] = pd.array(values, dtype="boolean")
        elif kind == "date":
            columns[col] = pd.to_datetime(pd.Series(values, dtype="object"))
        else:
            columns[col] = pd.array(values, dtype="string")
    frame = pd.DataFrame(columns)
    frame.attrs["dataset"] = name
    frame.attrs["title"] = res.title or name
    return frame
