"""References between rows: ids, register links and the ids that prose mentions.

Row ids are unique across the whole package, and each table's ids begin with
the prefix its descriptor declares (``mali_caac.id_prefix``), so that an id
such as ``gv-085`` names one row wherever it is written. Rows point to the
discrepancy register through their ``discrepancy`` column and the register
lists the rows each entry concerns in its ``rows`` column; both are lists of
ids (Frictionless has no foreign key on a list), so they are checked here, and
must agree. Every id that a note, a handling text or any other prose cell
mentions must exist, and a prose claim "X restates Y" or "X refines Y" must
match X's ``restates`` or ``refines`` column.

:func:`check_references` is a pure function of the records and the parsed
descriptor, so it can be tested on a small hand-made package.
"""
import re

from .reconcile import Check

REGISTER = "discrepancies"
LINK = "discrepancy"
"""Column of a table whose rows a register entry concerns: the entries' ids."""
ROWS = "rows"
"""Column of the register: the ids of the rows an entry concerns."""
SEP = ","
"""Separator of the ids in a list cell (as in ``partial_in``)."""

VERBATIM = frozenset({"quote", "quote_a", "quote_b", "printed"})
"""Columns copied from the sources: what a source prints is not a reference."""

ID_TAIL = r"(?:[a-z]\d+-)?\d{2,7}[a-z]?"
"""What follows ``<prefix>-`` in a row id: ``014``, ``0001``, ``01b``, ``h2-07`` (up to seven digits: a table may grow to millions of rows)."""
ANY_PREFIX = r"[a-z]{2}"
"""Two lower-case letters and an id tail are read as a row id even when no table
declares the prefix (``of-101`` names a row of a table the package does not hold)."""


def split_ids(cell):
    """The ids of a list cell ('d-03,d-h2-07'), in order; [] for an empty cell."""
    return [x.strip() for x in (cell or "").split(SEP) if x.strip()]


def id_prefixes(descriptor):
    """{table: (id column, prefix)} for every table that declares ``mali_caac.id_prefix``."""
    out = {}
    for res in descriptor["resources"]:
        prefix = res.get("mali_caac", {}).get("id_prefix")
        if prefix:
            key = res["schema"]["primaryKey"]
            out[res["name"]] = (key if isinstance(key, str) else key[0], prefix)
    return out


def mention_pattern(prefixes):
    """The regular expression of an id mentioned in prose, for the declared prefixes."""
    alternatives = sorted({re.escape(p) for p in prefixes} | {ANY_PREFIX}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})-{ID_TAIL}\b")


def _key(rec, res):
    key = res.get("schema", {}).get("primaryKey") or [res["schema"]["fields"][0]["name"]]
    key = [key] if isinstance(key, str) else key
    return "/".join(str(rec.get(k)) for k in key)


def _ok_or_failed(cid, kind, problems, ok_message):
    if problems:
        return [Check(f"{cid}:{where}", kind, "failed", msg) for where, msg in problems]
    return [Check(cid, kind, "ok", ok_message)]


def check_ids(tables, descriptor):
    """Each table with row ids declares a prefix of its own, its ids use it, and no id is used twice."""
    checks = []
    declared = id_prefixes(descriptor)
    by_prefix = {}
    for name, (_, prefix) in declared.items():
        by_prefix.setdefault(prefix, []).append(name)
    for prefix, names in sorted(by_prefix.items()):
        if len(names) > 1:
            checks.append(Check(f"ids:prefix:{prefix}", "ids", "failed",
                                f"id prefix {prefix!r} is declared by several tables ({', '.join(names)}); "
                                "each table needs its own"))
    for res in descriptor["resources"]:
        fields = [f["name"] for f in res.get("schema", {}).get("fields", [])]
        if "row_id" in fields and res["name"] not in declared:
            checks.append(Check(f"ids:prefix:{res['name']}", "ids", "failed",
                                f"{res['name']} has row ids but its descriptor declares no mali_caac.id_prefix"))
    seen = {}
    for name, (column, prefix) in declared.items():
        shape = re.compile(rf"{re.escape(prefix)}-{ID_TAIL}")
        bad = [r[column] for r in tables.get(name, []) if not shape.fullmatch(str(r[column]))]
        checks += _ok_or_failed(
            f"ids:prefix:{name}", "ids",
            [(i, f"{name} {i}: the id does not have the form {prefix}-<number> (the table's id_prefix is {prefix!r})")
             for i in bad],
            f"{name}: every id has the form {prefix}-<number>")
        for r in tables.get(name, []):
            seen.setdefault(r[column], []).append(name)
    twice = {i: names for i, names in seen.items() if len(names) > 1}
    checks += _ok_or_failed(
        "ids:unique", "ids",
        [(i, f"id {i} is used by more than one row ({', '.join(names)}); row ids must be unique across the package")
         for i, names in sorted(twice.items())],
        f"{len(seen)} row ids, each used once across {len(declared)} tables")
    return checks


def check_register_links(tables, descriptor):
    """``discrepancy`` cells name register entries, ``rows`` cells name rows, and the two agree."""
    declared = id_prefixes(descriptor)
    if REGISTER not in declared:
        return []
    reg_key = declared[REGISTER][0]
    register = {e[reg_key]: e for e in tables.get(REGISTER, [])}
    rows = {r[col]: name for name, (col, _) in declared.items() if name != REGISTER for r in tables.get(name, [])}
    concerned = {did: set(split_ids(e.get(ROWS))) for did, e in register.items()}
    problems = []
    for did, ids in concerned.items():
        for rid in sorted(ids - rows.keys()):
            problems.append((f"{REGISTER}:{did}", f"{REGISTER} {did}: {ROWS} names {rid}, which is not a row of the package"))
    citing = {}
    for name, (col, _) in declared.items():
        for r in tables.get(name, []) if name != REGISTER else []:
            for did in split_ids(r.get(LINK)):
                citing.setdefault(did, set()).add(r[col])
                if did not in register:
                    problems.append((f"{name}:{r[col]}", f"{name} {r[col]}: {LINK} names {did}, "
                                                         f"which is not an entry of {REGISTER}"))
                elif r[col] not in concerned[did]:
                    problems.append((f"{name}:{r[col]}", f"{name} {r[col]}: {LINK} names {did}, "
                                                         f"but {REGISTER} {did} does not list {r[col]} in {ROWS}"))
    for did, ids in concerned.items():
        for rid in sorted((ids & rows.keys()) - citing.get(did, set())):
            problems.append((f"{REGISTER}:{did}:{rid}", f"{REGISTER} {did} lists {rid} in {ROWS}, "
                                                      f"but {rows[rid]} {rid} does not name {did} in {LINK}"))
    n = sum(len(v) for v in concerned.values())
    return _ok_or_failed("links:register", "links", problems,
                         f"{REGISTER}: {n} links between entries and rows, each in both {ROWS} and {LINK}")


LINKS = ("restates", "refines")
"""Columns that link a row to another row of its table (foreign keys within the table)."""
CLAIM = r"({id})(?:\s*\([^()]*\))?\s+(restates|refines)\s+({id})"
"""A prose claim that a row restates or refines another: 'ua-015 (less_than) restates ua-005'."""
PAST = {("corrections", "old_value")}
"""Cells that record what a cell said before a correction: their ids must exist, their claims are history."""


def check_mentions(tables, descriptor):
    """Every id a prose cell mentions exists; a claim 'X restates Y' ('X refines Y') matches X's column."""
    declared = id_prefixes(descriptor)
    pattern = mention_pattern(p for _, p in declared.values())
    claim = re.compile(CLAIM.format(id=pattern.pattern))
    known = {r[col]: r for name, (col, _) in declared.items() for r in tables.get(name, [])}
    checks = []
    for res in descriptor["resources"]:
        name = res["name"]
        if name not in tables:
            continue
        prose = [f["name"] for f in res["schema"]["fields"]  # list cells are checked by check_register_links
                 if f.get("type", "string") == "string" and f["name"] not in VERBATIM | {LINK, ROWS, *LINKS}]
        problems = []
        found = {}  # text -> (ids, claims): long tables repeat their notes
        for rec in tables[name]:
            for col in prose:
                text = rec.get(col)
                if not isinstance(text, str):
                    continue
                if text not in found:
                    found[text] = (set(pattern.findall(text)), claim.findall(text))
                ids, claims = found[text]
                unknown = sorted(m for m in ids if m not in known)
                if unknown:
                    problems.append((f"{_key(rec, res)}:{col}",
                                     f"{name} {_key(rec, res)}: {col} mentions {', '.join(unknown)}, "
                                     "which is not a row or register entry of the package"))
                for x, link, y in claims:
                    if (name, col) in PAST:
                        break
                    if x in known and y in known and known[x].get(link) != y:
                        problems.append((f"{_key(rec, res)}:{col}:{x}",
                                         f"{name} {_key(rec, res)}: {col} says {x} {link} {y}, "
                                         f"but the {link} column of {x} is {known[x].get(link)!r}"))
        checks += _ok_or_failed(f"mentions:{name}", "mentions", problems,
                                f"{name}: every id mentioned in its prose exists")
    return checks


def check_references(tables, descriptor):
    """All reference checks: ``tables`` is {table name: list of record dicts}, ``descriptor`` the parsed
    ``datapackage.json``; returns a list of :class:`mali_caac.reconcile.Check`."""
    return check_ids(tables, descriptor) + check_register_links(tables, descriptor) + check_mentions(tables, descriptor)
