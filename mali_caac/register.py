"""The discrepancy register kept true: each entry's claim about its rows, checked by machine.

An entry of ``discrepancies.csv`` says how the rows it names disagree ("at
least 85" in cx-007 against "85" in ic-001; ic-011 keeps Mopti Region for a
cercle of Timbuktu). Unless a machine check holds that claim, an edit to one
of the rows leaves the entry describing data that no longer exists. So every
entry has one of:

``check``      the reconciliation check that fails because of it (see
               :func:`mali_caac.reconcile.apply_register`);
``asserts``    clauses, separated by ``;``, that hold while the rows still
               disagree as the entry says: Python comparisons over
               ``<row_id>.<column>`` (any table: row ids are unique),
               ``<table>[<key>].<column>`` (a vocabulary's row by its key) and
               ``<table>.<column>`` (the whole column, for ``min``/``max``), with
               numbers, quoted strings, ``+ - * /``, ``abs``, ``round``, ``min``,
               ``max``;
``unchecked``  why no check on the data can hold (no figure is involved, a
               difference of wording, a disputed attribution); the entry's two
               quotes are still checked verbatim against the sources
               (``quote:discrepancies:<id>:a`` and ``:b``).

Each entry yields one check ``register:<id>`` that names the entry and, when
it fails, the clause that no longer holds with the values it read.
"""
import ast
import re

from .reconcile import Check

UNCHECKED = {
    "no_figure": "no figure is involved: the sources disagree in prose that no data row holds",
    "wording": "a difference of wording, not of a figure the data holds",
    "attribution": "the sources agree on the figure and dispute whether the violations happened",
}
"""Why an entry carries no machine check (the ``unchecked`` column's vocabulary)."""

_FUNCTIONS = {"abs": abs, "round": round, "min": min, "max": max}
_REF = re.compile(
    r"\b(?:(?P<table>[a-z_]+)\[(?P<key>[^\]]+)\]|(?P<row>[a-z]{1,2}-(?:[a-z]\d+-)?\d{2,7}[a-z]?)|(?P<column>[a-z_]{3,}))"
    r"\.(?P<field>[a-z_]+)\b")
_NODES = (ast.Expression, ast.Compare, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load, ast.Call,
          ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)


class ClauseError(ValueError):
    """A clause of ``asserts`` that cannot be read or names what does not exist."""


class Rows:
    """Every row of the package's tables by its id, and each table by its key."""

    def __init__(self, tables, descriptor):
        self.tables = tables
        self.by_id = {}
        self.keys = {}
        for res in descriptor["resources"]:
            name = res["name"]
            if name not in tables:
                continue
            key = res["schema"].get("primaryKey")
            key = key if isinstance(key, str) else (key or [None])[0]
            self.keys[name] = {rec[key]: rec for rec in tables[name]} if key else {}
            if res.get("mali_caac", {}).get("id_prefix"):
                self.by_id.update(self.keys[name])

    def value(self, match):
        g = match.groupdict()
        if g["row"]:
            rec, what = self.by_id.get(g["row"]), g["row"]
        elif g["table"]:
            rec, what = self.keys.get(g["table"], {}).get(g["key"]), f"{g['table']}[{g['key']}]"
        else:
            if g["column"] not in self.tables:
                raise ClauseError(f"no table {g['column']!r}")
            recs = self.tables[g["column"]]
            if recs and g["field"] not in recs[0]:
                raise ClauseError(f"table {g['column']} has no column {g['field']!r}")
            return [r[g["field"]] for r in recs]
        if rec is None:
            raise ClauseError(f"no row {what}")
        if g["field"] not in rec:
            raise ClauseError(f"row {what} has no column {g['field']!r}")
        v = rec[g["field"]]
        return "" if v is None else (str(v) if hasattr(v, "isoformat") else v)


def evaluate(clause, rows):
    """(holds, the values read as text) of one clause; ClauseError if it cannot be evaluated."""
    names, shown = {}, []

    def substitute(m):
        name = f"_v{len(names)}"
        names[name] = rows.value(m)
        shown.append(f"{m.group(0)} = {names[name]!r}")
        return name

    expr = _REF.sub(substitute, clause.strip())
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError:
        raise ClauseError(f"cannot read {clause.strip()!r}") from None
    for node in ast.walk(tree):
        if not isinstance(node, _NODES) or isinstance(node, ast.Name) and node.id not in names | _FUNCTIONS.keys():
            raise ClauseError(f"{clause.strip()!r} uses {ast.unparse(node) if hasattr(node, 'lineno') else type(node).__name__}, "
                              "which a clause may not")
    try:
        holds = eval(compile(tree, "<asserts>", "eval"), {"__builtins__": {}}, {**_FUNCTIONS, **names})  # noqa: S307
    except (TypeError, ZeroDivisionError, ValueError, OverflowError, MemoryError) as exc:
        raise ClauseError(f"{clause.strip()!r}: {exc}") from None
    return bool(holds), ", ".join(shown)


def split_clauses(cell):
    return [c for c in (cell or "").split(";") if c.strip()]


def check_register(tables, descriptor):
    """One ``register:<id>`` check per entry of the register (``tables``: {table: records})."""
    rows = Rows(tables, descriptor)
    for entry in tables.get("discrepancies", []):
        did = entry["discrepancy_id"]
        cid, where = f"register:{did}", f"discrepancies {did} ({entry['topic']})"
        clauses, reason, check = split_clauses(entry.get("asserts")), entry.get("unchecked"), entry.get("check")
        if reason and (clauses or check):
            yield Check(cid, "register", "failed",
                        f"{where}: says no check can hold ({reason}) but has "
                        f"{'asserts' if clauses else 'a check'}: keep one")
            continue
        if reason:
            yield Check(cid, "register", "ok",
                        f"{where}: not machine-checked: {UNCHECKED.get(reason, reason)}; "
                        "its quotes are checked verbatim")
            continue
        if not clauses:
            if not check:
                yield Check(cid, "register", "failed",
                            f"{where}: has no machine check (check or asserts) and no reason why none can hold "
                            f"(unchecked: one of {', '.join(UNCHECKED)})")
            continue  # the named reconciliation check is judged by apply_register
        failures = []
        for clause in clauses:
            try:
                holds, values = evaluate(clause, rows)
            except ClauseError as exc:
                failures.append(f"asserts cannot be evaluated: {exc}")
                continue
            if not holds:
                failures.append(f"{clause.strip()!r} no longer holds ({values})")
        if failures:
            yield Check(cid, "register", "failed",
                        f"{where}: the rows no longer disagree as the entry says: " + "; ".join(failures)
                        + ": correct the data or update the entry")
        else:
            yield Check(cid, "register", "ok",
                        f"{where}: its {len(clauses)} assertion(s) about rows {entry.get('rows') or '(none)'} hold")
