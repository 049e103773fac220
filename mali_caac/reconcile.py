"""Reconciliation: every stated total against its parts, and every figure against its quote.

Each check has a stable identifier, so that the discrepancy register can name
the checks that are expected to fail because a source contradicts itself:

``sum:<table>:<row_id>:<dimension>``  a total against its parts along one dimension
``restates:<table>:<row_id>``         a restated figure against the row it restates (value, unit, dimensions)
``refines:<table>:<row_id>``          a refining row against the row whose dimensions it details
``unique:<table>:<row_id>``           no figure stated twice without ``restates``
``across:<table>:<row_id>``           a total over all violations against the six violations
``percent:<row_id>``                  a stated percentage against the counts it is a share of
``shares:<table>:<row_id>``           sibling percentages do not exceed 100
``ratio:<row_id>``                    a stated ratio to the previous report against the counts
``quote:<table>:<row_id>``            the quote occurs in the source text and prints the value
``region_code:<row_id>``              the ISO 3166-2 code matches the region
``months:periods:<period>``           a period's ``months`` is the whole-month span of start..end
``locator:<table>:<row_id>``          the locator names a part of the source text that holds the quote
``qualifier:<table>:<row_id>``        a hedge printed before the figure ('at least 85') against its qualifier

The register's own checks (``register:<id>``) are in :mod:`mali_caac.register`.
"""
import calendar
import re
from dataclasses import dataclass

from . import source_texts
from .domain import HEADLINE_UNITS, PREVIOUS_PERIOD, ROOT
from .hierarchy import hierarchy
from .model import Derived, Figures, figure_tables  # noqa: F401  (re-exported)
from .package import open_package
from .printed import parse_printed



@dataclass(slots=True)
class Check:
    """One reconciliation: ``status`` is 'ok', 'failed', 'expected' (a failure the
    discrepancy register explains) or 'unverifiable' (the parts are not stated)."""

    id: str
    kind: str
    status: str
    message: str
    cites: str = ""
    discrepancy: str = ""


def agrees(computed, stated, qualifier="exact", rounding=0.0):
    """Does a computed number bear out a stated one, given the source's qualifier?"""
    eps = 1e-9 + rounding
    if qualifier == "exact":
        return abs(computed - stated) <= eps
    if qualifier == "approximately":
        return abs(computed - stated) <= max(eps, 0.05 * abs(stated))
    if qualifier == "at_least":
        return computed >= stated - eps
    if qualifier == "more_than":
        return computed > stated - rounding
    if qualifier == "less_than":
        return computed < stated + rounding
    if qualifier == "up_to":
        return computed <= stated + eps
    if qualifier == "almost":
        return 0.9 * stated - eps <= computed <= stated + eps
    raise ValueError(f"unknown qualifier {qualifier!r}")


def _fmt(x):
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _cite(row):
    return f"{row['source_id']}, {row['locator']}"


def check_sums(fig):
    for total in fig.rows:
        for dim in fig.dims:
            if fig.hier[dim].fixed or total[dim] != ROOT and not any(
                    fig.hier[dim].is_below(r[dim], total[dim]) for r in fig.rows):
                continue
            parts = fig.parts(total, dim)
            if not parts:
                continue
            s = sum(p["value"] for p in parts)
            partial = not fig.complete(parts, dim)
            exact_parts = all(p["qualifier"] == "exact" for p in parts)
            if partial:
                ok = s <= total["value"] + 1e-9 or total["qualifier"] in ("at_least", "more_than")
                how = "at most"
            else:
                q = total["qualifier"] if exact_parts else "approximately"
                ok = agrees(s, total["value"], q)
                how = {"exact": "equal to"}.get(q, q.replace("_", " "))
            names = ", ".join(f"{p[dim]} {_fmt(p['value'])}" for p in parts)
            msg = (f"{fig.name} {total['row_id']}: {dim} parts add up to {_fmt(s)}, "
                   f"{'as' if ok else 'NOT'} {how} the stated {_fmt(total['value'])} {total['unit']}"
                   f"{' (the source leaves this breakdown incomplete)' if partial else ''} [{names}]")
            yield Check(f"sum:{fig.name}:{total['row_id']}:{dim}", "sum", "ok" if ok else "failed", msg, _cite(total))


NOT_DIMENSIONS = frozenset({"row_id", "value", "unit", "qualifier", "printed", "source_id", "locator", "quote",
                            "restates", "refines", "discrepancy", "note", "partial_in", "region_code", "secondary"})
"""Columns of a figure table that say how a figure is printed or cited, or link it: every other column
is a dimension of the figure (where the descriptor declares no ``dimensions``)."""


def restatement_dimensions(res):
    """The columns a restatement must share with the row it restates (data/CURATION.md: the same
    figure with the same dimensions): the declared dimensions, else every column that describes the figure."""
    return list(res.dimensions) if res.dimensions else [f for f in res.field_names if f not in NOT_DIMENSIONS]


def check_restatements(fig, dims=None):
    """Each restatement states the same value, in the same unit and with the same dimensions, as the row it
    restates; a figure printed again with other dimensions is its own row, and the difference is registered."""
    dims = fig.dims if dims is None else dims
    for r in fig.restated:
        orig = fig.by_id.get(r["restates"])
        if orig is None:
            yield Check(f"restates:{fig.name}:{r['row_id']}", "restatement", "failed",
                        f"{fig.name} {r['row_id']} restates {r['restates']!r}, which does not exist", _cite(r))
            continue
        ok = abs(orig["value"] - r["value"]) < 1e-9
        differ = [f"{d} {r[d]!r} against {orig[d]!r}" for d in [*dims, "unit"] if (r[d] or "") != (orig[d] or "")]
        msg = (f"{fig.name} {r['row_id']} ({_cite(r)}) states {_fmt(r['value'])}, "
               f"{'as' if ok else 'NOT as'} {orig['row_id']} ({_cite(orig)}) states {_fmt(orig['value'])}")
        if differ:
            msg += (f"; its dimensions are NOT {orig['row_id']}'s ({'; '.join(differ)}): a restatement has the "
                    "same dimensions (data/CURATION.md); drop the restates link and register the difference")
        yield Check(f"restates:{fig.name}:{r['row_id']}", "restatement", "ok" if ok and not differ else "failed",
                    msg, _cite(r))


def check_refinements(fig):
    """Each refining row states the same figure as the row it refines, with some dimensions more precise.

    Same value, unit, qualifier, printed number, source and locator; a quote
    that contains the refined row's quote (it may go on to the words that
    state the detail); every dimension equal to the refined row's or below it
    in the dimension's hierarchy, at least one below."""
    for r in fig.refining:
        cid = f"refines:{fig.name}:{r['row_id']}"
        orig = fig.by_id.get(r["refines"])
        if orig is None:
            yield Check(cid, "refinement", "failed",
                        f"{fig.name} {r['row_id']} refines {r['refines']!r}, which does not exist", _cite(r))
            continue
        oid = orig["row_id"]
        problems = []
        if r.get("restates"):
            problems.append(f"it restates {r['restates']} and refines {oid}: a row does one or the other")
        if abs(orig["value"] - r["value"]) > 1e-9:
            problems.append(f"it states {_fmt(r['value'])}, NOT {_fmt(orig['value'])} as {oid}")
        for col in ("unit", "qualifier", "printed", "source_id", "locator"):
            if r[col] != orig[col]:
                problems.append(f"its {col} {r[col]!r} is NOT {oid}'s {orig[col]!r}")
        if not source_texts.contains(source_texts.normalise(r["quote"]), orig["quote"]):
            problems.append(f"its quote does NOT contain {oid}'s quote")
        changed = [d for d in fig.dims if r[d] != orig[d]]
        below = [f"{d} {r[d]}" for d in changed if fig.hier[d].is_below(r[d], orig[d])]
        problems += [f"its {d} {r[d]} is NOT below {orig[d]}, {oid}'s {d}"
                     for d in changed if not fig.hier[d].is_below(r[d], orig[d])]
        if not changed:
            problems.append(f"it states no dimension more precisely than {oid}")
        msg = (f"{fig.name} {r['row_id']} refines {oid} ({_cite(orig)}): "
               + ("; ".join(problems) if problems else
                  f"the same {_fmt(r['value'])} {r['unit']}, with {', '.join(below)}"))
        yield Check(cid, "refinement", "failed" if problems else "ok", msg, _cite(r))


def check_unique(fig):
    for first, second in fig.duplicates:
        yield Check(f"unique:{fig.name}:{second['row_id']}", "unique", "failed",
                    f"{fig.name} {second['row_id']} has the same dimensions and unit as {first['row_id']}; "
                    "mark one as restating the other", _cite(second))


def _across(gv, dims, units_for):
    values = {}
    for v in HEADLINE_UNITS:
        val = None
        for unit in units_for(v):
            val = gv.effective({**dims, "violation": v}, unit)
            if val is not None:
                break
        values[v] = val
    return values


def check_across_violations(gv):
    for total in gv.rows:
        if total["violation"] != ROOT or total["unit"] != "violations":
            continue
        values = _across(gv, total, lambda v: HEADLINE_UNITS[v])
        cid = f"across:{gv.name}:{total['row_id']}"
        missing = [v for v, x in values.items() if x is None]
        if missing:
            yield Check(cid, "across", "unverifiable",
                        f"{gv.name} {total['row_id']}: {_fmt(total['value'])} violations; no figure for "
                        f"{', '.join(missing)} with the same dimensions", _cite(total))
            continue
        s = sum(values.values())
        partial = any("violation" in (total.get("partial_in") or "") for _ in [0])
        ok = agrees(s, total["value"], total["qualifier"]) if not partial else s <= total["value"]
        parts = ", ".join(f"{v} {_fmt(x)}" for v, x in values.items())
        yield Check(cid, "across", "ok" if ok else "failed",
                    f"{gv.name} {total['row_id']}: the six violations add up to {_fmt(s)}, "
                    f"{'as' if ok else 'NOT as'} the stated {_fmt(total['value'])} [{parts}]", _cite(total))


def _count(gv, dims, unit):
    if dims["violation"] != ROOT:
        return gv.effective(dims, unit)
    row = gv.stated(dims, "violations")
    if row is not None:
        return row["value"]
    values = _across(gv, dims, lambda v: HEADLINE_UNITS[v])
    return None if any(x is None for x in values.values()) else sum(values.values())


def check_percentages(gv):
    for p in gv.rows:
        if p["unit"] not in ("percent", "fraction"):
            continue
        if p["unit"] == "fraction":  # 'two thirds' is a share too: compared as per cent
            p = {**p, "value": 100 * p["value"]}
        cid = f"percent:{p['row_id']}"
        dims = [d for d in gv.dims if p[d] != ROOT and d != "violation" and d != "period"]
        if len(dims) != 1:
            continue
        d = dims[0]
        units = ("violations",) if p["violation"] == ROOT else HEADLINE_UNITS[p["violation"]]
        result = None
        for unit in units:
            num, den = _count(gv, p, unit), _count(gv, {**p, d: ROOT}, unit)
            if num is not None and den:
                result = (num, den, unit)
                break
        if result is None:
            yield Check(cid, "percent", "unverifiable",
                        f"grave_violations {p['row_id']}: {_fmt(p['value'])} per cent ({p[d]}); the counts are not stated",
                        _cite(p))
            continue
        num, den, unit = result
        pct = 100 * num / den
        ok = agrees(pct, p["value"], p["qualifier"], rounding=0.5)
        yield Check(cid, "percent", "ok" if ok else "failed",
                    f"grave_violations {p['row_id']}: {_fmt(num)} of {_fmt(den)} {unit} is {pct:.2f} per cent, "
                    f"{'consistent' if ok else 'NOT consistent'} with the stated {p['qualifier'].replace('_', ' ')} "
                    f"{_fmt(p['value'])} per cent", _cite(p))


def check_share_sums(fig):
    groups = {}
    for p in fig.rows:
        if p["unit"] != "percent":
            continue
        for d in fig.dims:
            h = fig.hier[d]
            parent = h.parent(p[d])
            if p[d] == ROOT or parent is None:
                continue
            key = (d, parent) + tuple(p[e] for e in fig.dims if e != d)
            groups.setdefault(key, []).append(p)
    for (d, parent, *_), rows in groups.items():
        if len(rows) < 2:
            continue
        s = sum(r["value"] for r in rows)
        ok = s <= 100 + 0.5 * len(rows)
        first = rows[0]
        yield Check(f"shares:{fig.name}:{first['row_id']}", "shares", "ok" if ok else "failed",
                    f"{fig.name} {first['row_id']}..: shares of {parent} by {d} add up to {_fmt(s)} per cent "
                    f"({'at most' if ok else 'MORE than'} 100 with rounding)", _cite(first))


def check_ratios(gv):
    for r in gv.rows + gv.restated:
        if r["unit"] != "ratio_to_previous_report" or r.get("restates"):
            continue
        cid = f"ratio:{r['row_id']}"
        result = None
        for unit in HEADLINE_UNITS[r["violation"]]:
            now = gv.effective({**r, "period": ROOT}, unit)
            before = gv.effective({**r, "period": PREVIOUS_PERIOD}, unit)
            if now is not None and before:
                result = (now, before)
                break
        if result is None:
            yield Check(cid, "ratio", "unverifiable",
                        f"grave_violations {r['row_id']}: the previous report's figure is not quoted", _cite(r))
            continue
        now, before = result
        ok = agrees(now / before, r["value"], r["qualifier"])
        yield Check(cid, "ratio", "ok" if ok else "failed",
                    f"grave_violations {r['row_id']}: {_fmt(now)} / {_fmt(before)} = {now / before:.2f}, "
                    f"{'consistent' if ok else 'NOT consistent'} with '{r['printed']}' ({r['qualifier'].replace('_', ' ')} "
                    f"{_fmt(r['value'])})", _cite(r))


def held_texts(pkg):
    """{source_id: SourceText} for every source whose text the package holds: its
    ``text_file``, else the raw external files (CSV, TopoJSON, GeoJSON) that name it."""
    files = {s["source_id"]: [s["text_file"]] for s in pkg.records("sources") if s["text_file"]}
    for res in pkg.resources.values():
        if res.kind == "file" and res.path.startswith("external/") \
                and res.path.endswith((".csv", ".topojson", ".geojson")):
            for sid in res.meta.get("sources", []):
                if sid not in files or files[sid][0].startswith("external/"):
                    files.setdefault(sid, []).append(res.path)
    texts = {}
    for sid, paths in files.items():
        try:
            texts[sid] = source_texts.merge(source_texts.parse(f, pkg.path(f).read_text(encoding="utf-8"))
                                            for f in dict.fromkeys(paths))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # a broken file of the package: every quote of the source fails, naming it (never a traceback)
            texts[sid] = Unreadable(", ".join(dict.fromkeys(paths)), f"{type(exc).__name__}: {exc}")
    return texts


@dataclass(frozen=True)
class Unreadable:
    """A source text the package holds but that cannot be read or split (a broken outside file)."""

    name: str
    problem: str

    def __str__(self):
        return f"the text of this source ({self.name}) cannot be read: {self.problem}"


def citations(names):
    """(locator, source, quote, id suffix) columns of a table's citations; quote None if it has none."""
    if "locator_a" in names:
        return [("locator_a", "source_a", "quote_a", ":a"), ("locator_b", "source_b", "quote_b", ":b")]
    if "locator" in names:
        return [("locator", "source_id", "quote" if "quote" in names else None, "")]
    return []


def _quote_problems(text, quote, printed, unit, value):
    """What is wrong with one quote and its printed figure (empty if nothing)."""
    problems = []
    if not text.has(quote):
        problems.append(f"quote not found in {text.name}: {quote!r}")
    if printed is not None:
        if source_texts.normalise(printed) not in source_texts.normalise(quote):
            problems.append(f"printed {printed!r} is not in the quote")
        got = parse_printed(printed, unit)
        if got is None or abs(got - value) > 0.01:
            problems.append(f"printed {printed!r} reads as {got}, not the value {value}")
    return problems


def quote_checks(table, records, texts, key):
    """Each quote against the whole text of its source, and its ``printed`` figure against the quote.

    Rows that repeat a quote, figure and unit share one verification (a table
    of a million rows repeats them often)."""
    done = {}
    for rec in records:
        for _, scol, qcol, suffix in citations(list(rec)):
            if qcol is None:
                continue
            cid = f"quote:{table}:{rec[key]}{suffix}"
            where = f"{table} {rec[key]}"
            sid = rec[scol]
            cites = f"{sid}, {rec.get('locator') or rec.get('locator_a')}"
            if sid not in texts:
                yield Check(cid, "quote", "unverifiable", f"{where}: the text of {sid} is not held here", sid)
                continue
            if isinstance(texts[sid], Unreadable):
                yield Check(cid, "quote", "failed", f"{where}: {texts[sid]}", cites)
                continue
            args = (sid, rec[qcol], rec.get("printed"), rec.get("unit"), rec.get("value"))
            problems = done.get(args)
            if problems is None:
                problems = done[args] = _quote_problems(texts[sid], *args[1:])
            yield Check(cid, "quote", "failed" if problems else "ok",
                        f"{where}: " + ("; ".join(problems) if problems else "quote verbatim, value as printed"),
                        cites)


def _locator_outcome(text, sid, loc, quote):
    """(status, message) of one locator and quote against the parts of a source text."""
    try:
        names = text.locate(loc)
    except source_texts.Unaddressable as exc:
        return "unverifiable", str(exc)
    except source_texts.LocatorError as exc:
        return "failed", str(exc)
    if not quote or any(source_texts.contains(text.parts[n], quote) for n in names):
        return "ok", "the quote is in it" if quote else "exists"
    elsewhere = [n for n, part in text.parts.items() if source_texts.contains(part, quote)]
    hint = f"; it is in {', '.join(elsewhere[:3])}" if elsewhere else ""
    return "failed", f"the quote is NOT in that part{hint}: {quote!r}"


def locator_checks(table, records, texts, key):
    """Each locator names a part of its source's text, and the quote is inside that part."""
    done = {}
    for rec in records:
        for lcol, scol, qcol, suffix in citations(list(rec)):
            loc, sid = rec[lcol], rec[scol]
            if not loc:
                continue
            cid = f"locator:{table}:{rec[key]}{suffix}"
            where = f"{table} {rec[key]}: {loc!r} of {sid}"
            text = texts.get(sid)
            if text is None:
                yield Check(cid, "locator", "unverifiable", f"{where}: the text of {sid} is not held here",
                            f"{sid}, {loc}")
                continue
            if isinstance(text, Unreadable):
                yield Check(cid, "locator", "failed", f"{where}: {text}", f"{sid}, {loc}")
                continue
            args = (sid, loc, rec[qcol] if qcol else None)
            outcome = done.get(args)
            if outcome is None:
                outcome = done[args] = _locator_outcome(text, *args)
            yield Check(cid, "locator", outcome[0], f"{where}: {outcome[1]}", f"{sid}, {loc}")


def check_quotes(pkg):
    """Quote and locator checks of every table that cites its sources."""
    texts = held_texts(pkg)
    for res in pkg.tables():
        if not citations(res.field_names):
            continue
        records = pkg.records(res.name)
        yield from quote_checks(res.name, records, texts, res.field_names[0])
        yield from locator_checks(res.name, records, texts, res.field_names[0])


def check_region_codes(pkg):
    import pycountry

    valid = {s.code for s in pycountry.subdivisions.get(country_code="ML")} | {"ML"}
    regions = {r["region"]: r for r in pkg.records("regions")}
    for r in regions.values():
        code = r["iso_3166_2"]
        if code:
            ok = code in valid
            yield Check(f"region_code:regions:{r['region']}", "region_code", "ok" if ok else "failed",
                        f"regions {r['region']}: {code} is {'a' if ok else 'NOT a'} code of ISO 3166-2:ML")
    for rec in pkg.records("grave_violations"):
        want = regions[rec["region"]]["iso_3166_2"]
        ok = (rec["region_code"] or None) == (want or None)
        if not ok:
            yield Check(f"region_code:{rec['row_id']}", "region_code", "failed",
                        f"grave_violations {rec['row_id']}: region {rec['region']} has code {want!r}, "
                        f"the row says {rec['region_code']!r}", _cite(rec))


def check_period_months(periods):
    """Each period's ``months`` against its dates: whole calendar months from ``start`` to ``end``."""
    for p in periods:
        start, end, months = p["start"], p["end"], p["months"]
        last = calendar.monthrange(end.year, end.month)[1]
        span = (end.year - start.year) * 12 + end.month - start.month + 1
        if start.day != 1 or end.day != last:
            ok, why = False, f"{start} to {end} is not a span of whole months"
        else:
            ok, why = span == months, f"{start} to {end} is {span} months"
        yield Check(f"months:periods:{p['period']}", "months", "ok" if ok else "failed",
                    f"periods {p['period']}: {why}, {'as' if ok else 'NOT as'} its months ({months}) say")


def all_checks(data=None):
    """Run every reconciliation; returns a list of Check (register not yet applied)."""
    pkg = open_package(data)
    checks = []
    tables = figure_tables(pkg)
    for fig in tables.values():
        checks += list(check_unique(fig)) + list(check_sums(fig)) + list(check_restatements(fig))
        checks += list(check_refinements(fig))
        checks += list(check_share_sums(fig))
    for res in pkg.tables():
        if res.kind == "figures" and not res.dimensions:
            checks += list(check_restatements(Figures(res.name, pkg.records(res.name), {}, pkg),
                                              restatement_dimensions(res)))
    gv = tables["grave_violations"]
    checks += list(check_across_violations(tables["country_reports"]))
    checks += list(check_across_violations(gv)) + list(check_percentages(gv)) + list(check_ratios(gv))
    checks += list(check_quotes(pkg)) + list(check_qualifiers(pkg)) + list(check_region_codes(pkg))
    checks += list(check_period_months(pkg.records("periods")))
    return checks


def apply_register(checks, data=None):
    """Mark failures that the discrepancy register expects; flag stale register entries."""
    register = {d["check"]: d for d in open_package(data).records("discrepancies") if d["check"]}
    by_id = {c.id: c for c in checks}
    for cid, entry in register.items():
        check = by_id.get(cid)
        did = entry["discrepancy_id"]
        if check is None:
            checks.append(Check(f"register:{did}", "register", "failed",
                                f"discrepancies {did} names check {cid!r}, which does not exist"))
        elif check.status == "failed":
            check.status, check.discrepancy = "expected", did
            check.message += f" -- expected: discrepancy {did} ({entry['topic']})"
        else:
            checks.append(Check(f"register:{did}", "register", "failed",
                                f"discrepancies {did} expects check {cid} to fail, but it is {check.status}: "
                                "update the register"))
    return checks


HEDGES = {
    "en": {"at least": "at_least", "more than": "more_than", "over": "more_than", "upwards of": "more_than",
           "some": "approximately", "about": "approximately", "approximately": "approximately",
           "around": "approximately", "roughly": "approximately", "an estimated": "approximately",
           "estimated": "approximately", "nearly": "almost", "almost": "almost", "less than": "less_than",
           "fewer than": "less_than", "under": "less_than", "below": "less_than", "up to": "up_to",
           "as many as": "up_to", "a minimum of": "at_least", "a maximum of": "up_to"},
    "fr": {"au moins": "at_least", "plus de": "more_than", "plus d'": "more_than", "environ": "approximately",
           "quelque": "approximately", "quelques": "approximately", "près de": "almost", "presque": "almost",
           "moins de": "less_than", "moins d'": "less_than", "jusqu'à": "up_to"},
}
"""Words that qualify the number printed right after them, by the language of the quote, and the
``qualifier`` each requires. The hedge must stand right before ``printed`` (articles, '$' and 'a total of'
may come between): 'over the past 21 years, ... $69 million' does not hedge the 69 million, and 'up to' in
'this has added up to a total of $13.73 million' is the verb 'add up to', not a hedge."""
_BETWEEN = r"(?:\s+(?:a\s+total(?:\s+of)?|the\s+age\s+of|a|an|the|us|u\.s\.))*\s*\$?\s*"
_NOT_HEDGES = re.compile(r"(?i)\b(?:add(?:s|ed|ing)?|adds?|amount(?:s|ed|ing)?|come|comes|came|coming)\s+$")
"""Verbs whose particle reads like a hedge ('added up to', 'amounted to'): what precedes a hedge."""


def hedge_before(quote, printed, language="en"):
    """The hedge phrase that qualifies ``printed`` in ``quote`` (at its first occurrence), or None."""
    alt = "|".join(re.escape(h) for h in sorted(HEDGES.get(language, HEDGES["en"]), key=len, reverse=True))
    p = source_texts.normalise(printed)
    m = re.match(rf"(?i)({alt})\b", p)  # the printed form carries its own hedge ('more than 300')
    if m:
        return m.group(1).lower()
    q = source_texts.normalise(quote).replace("\u2019", "'")
    at = q.find(p)
    if at < 0:
        return None
    m = re.search(rf"(?i)(?:^|[^\w'])({alt}){_BETWEEN}$", q[:at])
    if m is None or _NOT_HEDGES.search(q[:m.start(1)]):
        return None
    return m.group(1).lower()


def check_qualifiers(pkg):
    """A hedge printed before a figure requires the matching qualifier; ``exact`` requires none.

    ``qualifier:<table>:<row_id>`` fails when the quote says 'at least 85' and the row says ``exact`` (or
    another qualifier), and when the row says ``exact`` of a figure the quote hedges."""
    language = {s["source_id"]: (s.get("language") or "en") for s in pkg.records("sources")}
    for res in pkg.tables():
        if res.kind != "figures" or not {"quote", "printed", "qualifier"} <= set(res.field_names):
            continue
        for r in pkg.records(res.name):
            if not r["quote"] or not r["printed"]:
                continue
            lang = language.get(r["source_id"], "en")
            hedge = hedge_before(r["quote"], r["printed"], lang)
            want = HEDGES.get(lang, HEDGES["en"]).get(hedge) if hedge else None
            if hedge is None and r["qualifier"] != "exact":
                continue  # the hedge may be elsewhere in the sentence ('numbers remained high ...')
            ok = want == r["qualifier"] if hedge else True
            msg = (f"{res.name} {r['row_id']}: " + (
                f"the quote prints '{hedge} {r['printed']}', " if hedge else f"the quote prints {r['printed']!r} unhedged, ")
                + f"{'as' if ok else 'but'} the qualifier is {r['qualifier']!r}"
                + ("" if ok else f" (expected {want!r})"))
            yield Check(f"qualifier:{res.name}:{r['row_id']}", "qualifier", "ok" if ok else "failed", msg, _cite(r))
