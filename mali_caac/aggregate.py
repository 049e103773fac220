"""Aggregations that respect the data's structure.

A breakdown is the set of rows that split one stated total along one
dimension. These helpers pick breakdowns out of the long tables, group parties
by coalition without counting a coalition and its members twice, cross the six
violations with a dimension, and turn counts for periods of different length
into rates per month.
"""
from .domain import ROOT
from .hierarchy import hierarchy
from .loader import load
from .package import open_package


def _dims(table, data_dir=None):
    return open_package(data_dir).resource(table).dimensions


def breakdown(table, dimension, *, level="topmost", unit=None, data_dir=None, **fixed):
    """The rows that break a stated total down along ``dimension``.

    Every other dimension is 'all' unless given in ``fixed`` (e.g.
    ``violation="killing_and_maiming"``, ``cause="explosive_devices"``).
    Restatements and the total itself are left out. ``level='topmost'`` keeps
    the largest parts (a coalition's subtotal rather than its members);
    ``level='leaves'`` keeps the most detailed parts (members rather than the
    coalition), so that either way each child is counted once. If the rows
    come in several units, ``unit`` chooses one (else the most common).
    Returns a DataFrame in data order, with a ``total`` attribute holding the
    stated total row (a dict) where one exists.
    """
    dims = _dims(table, data_dir)
    if dimension not in dims:
        raise ValueError(f"{table} has no dimension {dimension!r}; its dimensions are {sorted(dims)}")
    unknown = set(fixed) - set(dims)
    if unknown:
        raise ValueError(f"{table} has no dimension(s) {sorted(unknown)}; its dimensions are {sorted(dims)}")
    h = hierarchy(dims[dimension], data_dir)
    frame = load(table, data_dir)
    sel = frame["restates"].isna()
    for d in dims:
        if d == dimension:
            continue
        want = fixed.get(d, ROOT)
        if dims[d] == "fixed" and d not in fixed:
            continue
        sel &= frame[d].astype("string") == str(want)
    rows = frame[sel]
    if unit is None and len(rows):
        counts = rows.loc[rows[dimension] != ROOT, "unit"].value_counts()
        unit = counts.index[0] if len(counts) else rows["unit"].iloc[0]
    rows = rows[rows["unit"] == unit]
    total = rows[rows[dimension] == ROOT]
    codes = [c for c in rows[dimension].astype(str) if c != ROOT and h.additive(c)]
    if level == "topmost":
        keep = set(h.topmost(codes, ROOT))
    elif level == "leaves":
        present = set(codes)
        keep = {c for c in codes if not any(h.is_below(o, c) for o in present)}
    else:
        raise ValueError("level must be 'topmost' or 'leaves'")
    out = rows[rows[dimension].astype(str).isin(keep)].copy()
    out.attrs["total"] = total.iloc[0].to_dict() if len(total) else None
    out.attrs["dimension"] = dimension
    return out


def by_coalition(parts, data_dir=None):
    """Group a perpetrator breakdown (at ``level='leaves'``) by coalition.

    Parties of a coalition (CMA, Platform, JNIM, CMI) are summed under it; other
    parties stay on their own. Rows whose perpetrator is itself a coalition or a
    category (a stated subtotal) are refused, since summing them with their
    members would count children twice: pass ``breakdown(..., level="leaves")``.
    Returns a DataFrame with ``group``, ``value`` and ``members``.
    """
    import pandas as pd

    col = "perpetrator" if "perpetrator" in parts else "captor"
    parties = {p["party"]: p for p in open_package(data_dir).records("parties")}
    groups = {}
    for _, row in parts.iterrows():
        code = str(row[col])
        party = parties[code]
        if party["type"] in ("category", "coalition"):
            members = [p for p, r in parties.items() if r["parent"] == code]
            if any(str(x) in members for x in parts[col]):
                raise ValueError(
                    f"row {row['row_id']} is the subtotal {code!r} and its members are also present: "
                    "pass breakdown(..., level='leaves') to count each child once")
        key = party["coalition"] or code
        g = groups.setdefault(key, {"group": key, "value": 0.0, "members": []})
        g["value"] += float(row["value"])
        g["members"].append(code)
    out = pd.DataFrame(list(groups.values()))
    if len(out):
        out["members"] = out["members"].map(", ".join)
    return out


def by_attribution(parts, data_dir=None):
    """Sum a perpetrator breakdown by attribution class (armed groups, government forces ...)."""
    import pandas as pd

    parties = {p["party"]: p for p in open_package(data_dir).records("parties")}
    frame = pd.DataFrame({"attribution": [parties[str(p)]["attribution"] for p in parts["perpetrator"]],
                          "value": parts["value"].astype(float)})
    return frame.groupby("attribution", sort=False, as_index=False)["value"].sum()


def per_month(parts, data_dir=None):
    """Add ``months`` and ``per_month`` (value / months) to rows that have a ``period``.

    The report's periods differ in length (6, 12, 12 and 3 months); compare
    these rates, not the raw counts.
    """
    months = {p["period"]: p["months"] for p in open_package(data_dir).records("periods")}
    out = parts.copy()
    out["months"] = [months[str(p)] for p in out["period"]]
    out["per_month"] = out["value"].astype(float) / out["months"]
    return out


def violations_by(dimension, codes=None, data_dir=None):
    """A table of the six violations (rows) by the codes of ``dimension`` (columns).

    Each cell is the figure the report states, or the one that follows from a
    complete breakdown it states (a party absent from a complete list counts
    zero; attacks are schools plus hospitals); cells the report does not
    determine are missing (NaN), never zero. Counts are in each violation's
    headline unit (cases of recruitment, children, attacks, incidents).
    """
    import pandas as pd

    from .domain import HEADLINE_UNITS, VIOLATIONS
    from .reconcile import figure_tables

    gv = figure_tables(data_dir)["grave_violations"]
    if codes is None:
        codes = []
        for r in gv.rows:
            c = r[dimension]
            if c != ROOT and gv.hier[dimension].parent(c) == ROOT and r["period"] == ROOT and c not in codes:
                codes.append(c)
    table = {}
    for v in VIOLATIONS:
        row = {}
        for c in codes:
            val = None
            for unit in HEADLINE_UNITS[v][::-1] if v == "recruitment_and_use" else HEADLINE_UNITS[v]:
                dims = {d: ROOT for d in gv.dims}
                dims.update(violation=v, **{dimension: c})
                val = gv.effective(dims, unit)
                if val is not None:
                    break
            row[c] = float("nan") if val is None else val
        table[v] = row
    return pd.DataFrame.from_dict(table, orient="index", columns=codes)
