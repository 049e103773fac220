"""Selections and aggregations that respect the data's structure.

The figure tables are long: one row per stated figure, totals (``all``) beside
their parts, counts beside percentages (``unit``), restatements beside the
figures they repeat. Summing a column of them mixes all of these. ``select``
picks rows by value (restatements left out), ``breakdown`` picks the rows that
split one stated total along one dimension; the other helpers group parties by
coalition without counting a coalition and its members twice, cross the six
violations with a dimension, and turn counts for periods of different length
into rates per month. A condition or code that matches nothing raises a
``DataError`` that lists the values there are.
"""
import difflib
import unicodedata

from .display import cell_text
from .errors import DataError, NoMatch
from .domain import ROOT
from .hierarchy import hierarchy
from .loader import load
from .package import open_package

SHOWN_VALUES = 8
"""How many of a column's values an error message lists."""

REPEATS = {"restates": ("restate", "restatements"), "refines": ("refine", "refinements")}
"""Columns that mark a row as repeating another row's figure (stated again elsewhere, or
with more of its dimensions): {column: (verb, the option of ``select`` that shows them)}."""


def _dims(table, data=None):
    tables = {r.name: r.dimensions for r in open_package(data).tables() if r.dimensions}
    if table not in tables:
        raise DataError(f"{table!r} has no dimensions to break down; the tables with dimensions are: "
                        f"{', '.join(tables)}")
    return tables[table]


def _folded(text):
    """``text`` without case and accents: 'Ménaka' and 'menaka' fold alike."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggest(value, choices):
    """The choices that ``value`` probably meant: same but for case or accents, containing it, or close to it."""
    choices = [str(c) for c in choices]
    want = _folded(value)
    for test in (lambda c: _folded(c) == want, lambda c: want and want in _folded(c)):
        found = [c for c in choices if test(c)]
        if found:
            return found
    return difflib.get_close_matches(str(value), choices, n=3, cutoff=0.75)


def _values_text(column, values):
    """'region has 14 values: Mopti, Gao, ... (6 more)' from the distinct values, most common first."""
    values = [str(v) for v in values]
    shown = ", ".join(values[:SHOWN_VALUES])
    more = f", ... ({len(values) - SHOWN_VALUES} more)" if len(values) > SHOWN_VALUES else ""
    return f"{column} has {len(values)} value{'s' * (len(values) != 1)}: {shown}{more}"


def _hint(value, choices):
    near = suggest(value, choices) if isinstance(value, str) else []
    return f" Did you mean {' or '.join(repr(c) for c in near)}?" if near else ""


def _check_code(table, column, value, codes):
    """Raise a DataError listing ``codes`` if ``value`` is not one of them."""
    if str(value) not in {str(c) for c in codes}:
        raise DataError(f"{table}: {value!r} is not a code of {column}.{_hint(value, codes)} "
                        f"{_values_text(column, codes)}", field=column, expected=f"a code of {column}",
                        found=value)


def _codes(series):
    """The values a column can take: a categorical's categories, else the distinct values, most common first."""
    if hasattr(series, "cat"):
        return list(series.cat.categories)
    return list(series.dropna().value_counts(sort=True).index)


def _typed(series, value, column, name):
    """``value`` (often text from the command line) as a value of ``series``' type; None for missing."""
    import pandas as pd

    if value is None or (isinstance(value, str) and value == ""):
        return None
    kind = series.dtype
    try:
        if pd.api.types.is_bool_dtype(kind):
            if isinstance(value, bool):
                return value
            return {"true": True, "false": False}[str(value).strip().lower()]
        if pd.api.types.is_numeric_dtype(kind):
            return float(value)
        if pd.api.types.is_datetime64_any_dtype(kind):
            return pd.Timestamp(value)
    except (KeyError, ValueError, TypeError):
        expected = {"b": "true or false", "M": "a date (YYYY-MM-DD)"}.get(kind.kind, "a number")
        raise DataError(f"{name}: {column} holds {expected}; {value!r} is not one", field=column,
                        expected=expected, found=value) from None
    return str(value)


def _mask(series, value, column, name):
    """Rows of ``series`` equal to ``value``, compared as the column's type (missing matches None or '')."""
    typed = _typed(series, value, column, name)
    if typed is None:
        return series.isna()
    if hasattr(series, "cat") and typed not in series.cat.categories:
        return series.notna() & False
    return (series == typed).fillna(False).astype(bool)


def _listed(wanted):
    """A condition's value or values as a list."""
    return list(wanted) if isinstance(wanted, (list, tuple, set, frozenset)) else [wanted]


def _described(conditions):
    """"violation='abduction' and region in ['Gao', 'Kidal']" for the conditions applied so far."""
    return " and ".join(f"{c}={_listed(v)[0]!r}" if len(_listed(v)) == 1 else f"{c} in {_listed(v)!r}"
                        for c, v in conditions)


def where(frame, conditions, name=None):
    """The rows of ``frame`` that meet every condition of ``conditions`` (column -> value or list of values).

    Values are compared as the column's type: ``"376"`` matches 376.0, ``"true"``
    a boolean True, a category by its code; ``None`` or ``""`` matches a missing
    value. A column that does not exist raises a DataError listing the columns;
    a value that matches no row raises ``NoMatch`` (a DataError) naming the
    column, listing the values it has among the rows left and suggesting near
    misses ('Mopti' for 'mopti').
    """
    name = name or frame.attrs.get("dataset", "the table")
    missing = [c for c in conditions if c not in frame.columns]
    if missing:
        raise DataError(f"{name} has no column(s) {missing}; its columns are: {', '.join(frame.columns)}",
                        field=missing[0], expected=f"a column of {name}")
    rows, applied = frame, []
    for column, wanted in conditions.items():
        keep = None
        for value in _listed(wanted):
            mask = _mask(rows[column], value, column, name)
            if not mask.any():
                raise NoMatch(_no_match_text(frame, rows, name, column, value, applied), field=column,
                              expected=f"a value of {column}", found=value)
            keep = mask if keep is None else keep | mask
        rows = rows[keep]
        applied.append((column, wanted))
    return rows


def _no_match_text(frame, rows, name, column, value, applied):
    """Why ``column=value`` matches nothing among ``rows``: the values there are, and near misses."""
    from pandas.api.types import is_numeric_dtype

    among = f" among the rows with {_described(applied)}" if applied else ""
    text = f"{name}: no row has {column}={value!r}{among}."
    present = list(rows[column].dropna().astype(object).map(cell_text).value_counts(sort=True).index)
    if not is_numeric_dtype(frame[column]):
        text += _hint(value, present)
    if applied and _mask(frame[column], value, column, name).any():
        text += f" ({column}={value!r} occurs in {name}, but not with {_described(applied)}.)"
    return f"{text}\n  {_values_text(column, present)}"


def select(table, *, restatements=False, refinements=False, data=None, **conditions):
    """The rows of dataset ``table`` where each column equals the value given.

    >>> select("grave_violations", violation="killing_and_maiming", region="Mopti")["unit"].tolist()
    ['children', 'percent']

    Values are compared as the column's type (``value=376`` matches 376.0); a
    list of values matches any of them. Rows that restate a figure stated
    elsewhere (``restates``) are left out unless ``restatements=True``, and
    rows that state another row's figure with more of its dimensions
    (``refines``) unless ``refinements=True``, so that each figure comes once.
    Returns a DataFrame in data order.

    Raises
    ------
    DataError
        naming the column and listing its values, if a column does not exist
        or a condition matches no row (``NoMatch``).
    """
    frame = load(table, data)
    shown = {"restatements": restatements, "refinements": refinements}
    left_out = [c for c, (_, option) in REPEATS.items() if c in frame.columns and not shown[option]]
    if not left_out:
        return where(frame, conditions, table)
    kept = frame[frame[left_out].isna().all(axis=1)]
    kept.attrs = frame.attrs
    try:
        return where(kept, conditions, table)
    except NoMatch as exc:
        try:
            matched = where(frame, conditions, table)
        except NoMatch:
            raise exc from None
        col = next(c for c in left_out if matched[c].notna().any())
        verb, option = REPEATS[col]
        raise NoMatch(f"{table}: the only rows with {_described(conditions.items())} {verb} figures stated "
                      f"elsewhere ({', '.join(matched.loc[matched[col].notna(), 'row_id'])}); "
                      f"pass {option}=True to see them",
                      field=exc.field, expected=exc.expected, found=exc.found) from None


def breakdown(table, dimension, *, level="topmost", unit=None, data=None, **fixed):
    """The rows that break a stated total down along ``dimension``.

    Every other dimension is 'all' unless given in ``fixed`` (e.g.
    ``violation="killing_and_maiming"``, ``cause="explosive_devices"``).
    Restatements, refining rows and the total itself are left out.
    ``level='topmost'`` keeps the largest parts (a coalition's subtotal rather
    than its members); ``level='leaves'`` keeps the most detailed parts
    (members rather than the coalition), so that either way each child is
    counted once. If the rows
    come in several units, ``unit`` chooses one (else the most common).
    Returns a DataFrame in data order, with a ``total`` attribute holding the
    stated total row (a dict) where one exists; it is empty where the sources
    state no such breakdown. A dimension, code or unit that does not exist
    raises a DataError listing the valid ones.
    """
    dims = _dims(table, data)
    if dimension not in dims:
        raise DataError(f"{table} has no dimension {dimension!r}; its dimensions are {sorted(dims)}",
                        field=dimension, expected=f"a dimension of {table}")
    unknown = set(fixed) - set(dims)
    if unknown:
        raise DataError(f"{table} has no dimension(s) {sorted(unknown)}; its dimensions are {sorted(dims)}",
                        field=sorted(unknown)[0], expected=f"a dimension of {table}")
    if level not in ("topmost", "leaves"):
        raise DataError(f"level must be 'topmost' or 'leaves', not {level!r}", field="level",
                        expected="'topmost' or 'leaves'", found=level)
    h = hierarchy(dims[dimension], data)
    frame = load(table, data)
    for d, code in fixed.items():
        _check_code(table, d, code, _codes(frame[d]))
    sel = frame[[c for c in REPEATS if c in frame.columns]].isna().all(axis=1)  # each figure once
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
        counts = counts[counts > 0]  # a categorical column counts its absent categories too
        unit = counts.index[0] if len(counts) else rows["unit"].iloc[0]
    elif unit is not None:
        _check_code(table, "unit", unit, list(rows["unit"].dropna().astype(str).unique()) or _codes(frame["unit"]))
    rows = rows[rows["unit"] == unit]
    total = rows[rows[dimension] == ROOT]
    codes = [c for c in rows[dimension].astype(str) if c != ROOT and h.additive(c)]
    if level == "topmost":
        keep = set(h.topmost(codes, ROOT))
    else:
        present = set(codes)
        keep = {c for c in codes if not any(h.is_below(o, c) for o in present)}
    out = rows[rows[dimension].astype(str).isin(keep)].copy()
    out.attrs["total"] = total.iloc[0].to_dict() if len(total) else None
    out.attrs["dimension"] = dimension
    return out


def by_coalition(parts, data=None):
    """Group a perpetrator breakdown (at ``level='leaves'``) by coalition.

    Parties that the report counts within a coalition (below it in the hierarchy
    of perpetrators: CMA, Platform, JNIM) are summed under it; other parties stay
    on their own. A party's membership alone is not enough: CJA belongs to CMI
    (para 11), but para 14 counts CJA's children among the splinter groups and
    attributes none to CMI, so CJA stays on its own. Rows whose perpetrator is itself a coalition or a
    category (a stated subtotal) are refused, since summing them with their
    members would count children twice: pass ``breakdown(..., level="leaves")``.
    Returns a DataFrame with ``group``, ``value``, ``members`` and ``row_ids`` (a tuple
    of the ids of the rows summed).
    """
    import pandas as pd

    col = "perpetrator" if "perpetrator" in parts else "captor"
    parties = {p["party"]: p for p in open_package(data).records("parties")}
    h = hierarchy("parties", data)
    groups = {}
    for _, row in parts.iterrows():
        code = str(row[col])
        party = parties[code]
        if party["type"] in ("category", "coalition"):
            members = [p for p, r in parties.items() if r["parent"] == code]
            if any(str(x) in members for x in parts[col]):
                raise DataError(
                    f"row {row['row_id']} is the subtotal {code!r} and its members are also present: "
                    "pass breakdown(..., level='leaves') to count each child once")
        coalition = party["coalition"]
        counted_in = coalition and (code == coalition or h.is_below(code, coalition))
        key = coalition if counted_in else code
        g = groups.setdefault(key, {"group": key, "value": 0.0, "members": [], "row_ids": ()})
        g["value"] += float(row["value"])
        g["members"].append(code)
        g["row_ids"] += (row["row_id"],)
    out = pd.DataFrame(list(groups.values()))
    if len(out):
        out["members"] = out["members"].map(", ".join)
    return out


def by_attribution(parts, data=None):
    """Sum a perpetrator breakdown by attribution class (armed groups, government forces ...)."""
    import pandas as pd

    parties = {p["party"]: p for p in open_package(data).records("parties")}
    frame = pd.DataFrame({"attribution": [parties[str(p)]["attribution"] for p in parts["perpetrator"]],
                          "value": parts["value"].astype(float)})
    return frame.groupby("attribution", sort=False, as_index=False)["value"].sum()


def per_month(parts, data=None):
    """Add ``months`` and ``per_month`` (value / months) to rows that have a ``period``.

    The report's periods differ in length (6, 12, 12 and 3 months); compare
    these rates, not the raw counts.
    """
    months = {p["period"]: p["months"] for p in open_package(data).records("periods")}
    out = parts.copy()
    out["months"] = [months[str(p)] for p in out["period"]]
    out["per_month"] = out["value"].astype(float) / out["months"]
    return out


def violations_by(dimension, codes=None, data=None, derived=False):
    """A table of the six violations (rows) by the codes of ``dimension`` (columns).

    Each cell is the figure the report states, or the one that follows from a
    complete breakdown it states (a party absent from a complete list counts
    zero; attacks are schools plus hospitals); cells the report does not
    determine are missing (NaN), never zero. Counts are in each violation's
    headline unit (cases of recruitment, children, attacks, incidents).
    ``derived=True`` returns, beside the table, one of the same shape whose cells
    are the :class:`~mali_caac.model.Derived` (the rows each figure follows from) or None.
    """
    import pandas as pd

    from .domain import HEADLINE_UNITS, VIOLATIONS
    from .model import figure_tables

    gv = figure_tables(data)["grave_violations"]
    if codes is None:
        codes = []
        for r in gv.rows:
            c = r[dimension]
            if c != ROOT and gv.hier[dimension].parent(c) == ROOT and r["period"] == ROOT and c not in codes:
                codes.append(c)
    table, how = {}, {}
    for v in VIOLATIONS:
        row, row_how = {}, {}
        for c in codes:
            found = None
            for unit in HEADLINE_UNITS[v][::-1] if v == "recruitment_and_use" else HEADLINE_UNITS[v]:
                dims = {d: ROOT for d in gv.dims}
                dims.update(violation=v, **{dimension: c})
                found = gv.derive(dims, unit)
                if found is not None:
                    break
            row[c] = float("nan") if found is None else found.value
            row_how[c] = found
        table[v], how[v] = row, row_how
    out = pd.DataFrame.from_dict(table, orient="index", columns=codes)
    if derived:
        return out, pd.DataFrame.from_dict(how, orient="index", columns=codes)
    return out
