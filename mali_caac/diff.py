"""Compare two releases of the data package: rows added, removed and changed, field by field.

>>> from mali_caac.diff import compare, resolve
>>> with resolve("HEAD~1") as old, resolve("WORKTREE") as new:   # doctest: +SKIP
...     result = compare(old, new)
>>> print(result.text())                                         # doctest: +SKIP

Each side is a data package folder, or a revision of the git repository that
holds this checkout (a commit, a tag such as ``v0.1.0``, ``HEAD~3``), whose
``data/`` is read with ``git archive`` into a temporary folder; ``WORKTREE`` is
the checkout's own ``data/`` as it is on disk. Tables are compared by their
primary key, cell by cell as written in the CSV (so ``12`` and ``12.0`` differ,
as a reader of the file sees); the region polygons feature by feature (by
their properties and geometry); other files by their sha256. Every changed
value is looked up in the corrections log of NEW (entries of versions after
OLD's), and the version of NEW is checked against the rule of
``data/CURATION.md``. Nothing is validated: a package that does not validate
can still be compared.
"""
import contextlib
import csv
import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError
from .package import DESCRIPTOR, _safe_path
from .release import LOG, bump, parse_version, primary_key, raw_rows, row_key, vtext

WORKTREE = "WORKTREE"
"""The name of the checkout's own data folder, as it is on disk (not as committed)."""
DATA = "data"
"""Where the data package is in the repository."""
ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "csv", "json", "markdown")
"""The output formats of :meth:`Diff.render` (``mali-caac diff --format``)."""


# ----------------------------------------------------------------------------- the two sides
def _git(repo, *args, binary=False):
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False,
                          text=not binary)


def repository(start=None):
    """The top folder of the git repository holding ``start`` (default: this checkout), or None."""
    try:
        out = _git(start or ROOT, "rev-parse", "--show-toplevel")
    except FileNotFoundError:  # no git on this machine
        return None
    return Path(out.stdout.strip()) if out.returncode == 0 else None


@contextlib.contextmanager
def resolve(spec, repo=None):
    """A data package folder for ``spec``: a folder (holding datapackage.json, or data/datapackage.json),
    ``WORKTREE``, or a git revision of ``repo`` (default: the repository of this checkout), extracted with
    ``git archive`` into a temporary folder removed on exit. A DataError says what ``spec`` is not."""
    path = Path(spec)
    if spec != WORKTREE and path.is_dir():
        for folder in (path, path / DATA):
            if (folder / DESCRIPTOR).is_file():
                yield folder
                return
        raise DataError(f"{spec}: a folder without {DESCRIPTOR} (nor {DATA}/{DESCRIPTOR}): not a data package",
                        file=spec, expected="a data package folder", found="no descriptor")
    top = repository(repo)
    if spec == WORKTREE:
        if top is None:
            raise DataError(f"{WORKTREE}: {repo or ROOT} is not in a git checkout; give the data folder instead")
        yield top / DATA
        return
    if top is None:
        raise DataError(f"{spec!r} is not a data package folder, and {repo or ROOT} is not in a git repository "
                        "to read it as a revision from", found=spec,
                        expected="a folder holding datapackage.json, WORKTREE, or a git revision")
    rev = _git(top, "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}")
    if rev.returncode != 0:
        raise DataError(f"{spec!r} is neither a data package folder nor a revision of the repository {top} "
                        "(a commit, a tag such as v0.1.0, HEAD~3, or WORKTREE)", found=spec,
                        expected="a folder holding datapackage.json, WORKTREE, or a git revision")
    commit = rev.stdout.strip()
    archive = _git(top, "archive", "--format=tar", commit, DATA, binary=True)
    if archive.returncode != 0:
        raise DataError(f"{spec} ({commit[:12]}): the revision has no {DATA}/ folder to compare "
                        f"({archive.stderr.decode(errors='replace').strip()})")
    with tempfile.TemporaryDirectory(prefix="mali-caac-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        folder = Path(tmp) / DATA
        if not (folder / DESCRIPTOR).is_file():
            raise DataError(f"{spec} ({commit[:12]}): {DATA}/{DESCRIPTOR} is not in that revision")
        yield folder


@dataclass
class Side:
    """One package as read for a comparison: its descriptor and, per resource, what it holds."""

    label: str
    folder: Path
    descriptor: dict
    resources: dict  # name -> resource dict
    rows: dict = field(default_factory=dict)  # table -> {row id: row}, kept by the comparison

    @classmethod
    def read(cls, folder, label):
        file = Path(folder) / DESCRIPTOR
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DataError(file=file, expected="a readable JSON data package descriptor", found=str(exc)) from None
        if not isinstance(doc, dict) or not isinstance(doc.get("resources"), list):
            raise DataError(file=file, field="resources", expected="a data package descriptor with resources")
        resources = {r.get("name"): r for r in doc["resources"] if isinstance(r, dict)}
        return cls(label, Path(folder), doc, resources)

    @property
    def version(self):
        return self.descriptor.get("version")

    @property
    def released(self):
        return self.descriptor.get("released")

    def file(self, res):
        return self.folder / _safe_path(res.get("path"), self.folder / DESCRIPTOR, f"{res.get('name')}.path")

    def table(self, name):
        """(fields, key, {row id: {column: text}}) of table ``name``, as written in its CSV."""
        res = self.resources[name]
        file = self.file(res)
        try:
            lines = []
            header, rows = raw_rows(file, lines)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise DataError(file=file, expected=f"the CSV file of {name}", found=str(exc)) from None
        key = primary_key(res["schema"])
        missing = [k for k in key if k not in header]
        if missing:
            raise DataError(file=file, line=1, field=missing[0], expected=f"the key column(s) {key} of {name}",
                            found=f"the columns {header}")
        by_key = {}
        for line, r in zip(lines, rows):
            k = row_key(r, key)
            if k in by_key:
                raise DataError(file=file, line=line, row_id=k, field="/".join(key),
                                expected=f"a unique primary key ({'/'.join(key)}) to compare rows by",
                                found=f"{k} twice")
            by_key[k] = r
        return header, key, by_key


# ----------------------------------------------------------------------------- the comparison
@dataclass
class TableDiff:
    """What changed in one resource between OLD and NEW."""

    name: str
    kind: str = "table"            # table, features (GeoJSON), file
    status: str = "compared"       # compared, added, removed
    key: list = field(default_factory=list)
    fields_added: list = field(default_factory=list)
    fields_removed: list = field(default_factory=list)
    rows_added: list = field(default_factory=list)    # [{"row", "quote"}]
    rows_removed: list = field(default_factory=list)  # [{"row", "quote"}]
    rows_changed: list = field(default_factory=list)  # [{"row", "quote", "changes": [{"field", "old", "new", ...}]}]
    file_changed: bool = False
    retyped: list = field(default_factory=list)       # columns whose type changed
    note: str = ""

    @property
    def changed(self):
        return bool(self.status != "compared" or self.fields_added or self.fields_removed or self.rows_added
                    or self.rows_removed or self.rows_changed or self.file_changed or self.retyped)


def _quote(row):
    return (row or {}).get("quote") or (row or {}).get("quote_a") or ""


def _compare_table(old, new, name):
    d = TableDiff(name)
    o_fields, o_key, o_rows = old.table(name)
    n_fields, n_key, n_rows = new.table(name)
    d.key = n_key
    d.fields_added = [f for f in n_fields if f not in o_fields]
    d.fields_removed = [f for f in o_fields if f not in n_fields]
    if o_key != n_key:
        if all(k in o_fields for k in n_key):  # compare by the new key
            o_rows = {row_key(r, n_key): r for r in o_rows.values()}
            d.note = f"the primary key changed from {'/'.join(o_key)} to {'/'.join(n_key)}; rows matched by the new one"
        else:
            d.note = f"the primary key changed from {'/'.join(o_key)} to {'/'.join(n_key)}"
    common = [f for f in n_fields if f in o_fields and f not in n_key]
    o_types = {f["name"]: f.get("type", "string") for f in old.resources[name]["schema"].get("fields", [])}
    n_types = {f["name"]: f.get("type", "string") for f in new.resources[name]["schema"].get("fields", [])}
    d.retyped = [f"{f} ({o_types[f]} -> {n_types[f]})" for f in n_types if f in o_types and o_types[f] != n_types[f]]
    new.rows[name] = n_rows
    d.rows_added = [{"row": k, "quote": _quote(r)} for k, r in n_rows.items() if k not in o_rows]
    d.rows_removed = [{"row": k, "quote": _quote(r)} for k, r in o_rows.items() if k not in n_rows]
    for k, r in n_rows.items():
        before = o_rows.get(k)
        if before is None:
            continue
        changes = [{"field": f, "old": before.get(f, ""), "new": r.get(f, "")}
                   for f in common if before.get(f, "") != r.get(f, "")]
        if changes:
            d.rows_changed.append({"row": k, "quote": _quote(r), "old_quote": _quote(before), "changes": changes})
    return d


def _features(side, res):
    """{feature id: (properties, geometry as canonical JSON)} of a GeoJSON resource."""
    file = side.file(res)
    try:
        doc = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(file=file, expected="GeoJSON", found=str(exc)) from None
    feats = doc.get("features") or []
    props = [f.get("properties") or {} for f in feats]
    # the id: the feature's own, else 'region' or 'name', else the first property whose values are unique
    ident = None
    if not all("id" in f for f in feats):
        names = list(props[0]) if props else []
        for name in sorted(names, key=lambda n: (n not in ("region", "name"), names.index(n))):
            values = [p.get(name) for p in props]
            if len(set(map(str, values))) == len(values):
                ident = name
                break
    out = {}
    for i, (f, p) in enumerate(zip(feats, props)):
        fid = str(f["id"]) if ident is None and "id" in f else str(p.get(ident, i)) if ident else str(i)
        out[fid] = (p, json.dumps(f.get("geometry"), sort_keys=True))
    return (ident or "id"), out


def _compare_features(old, new, name):
    d = TableDiff(name, kind="features")
    o_key, o = _features(old, old.resources[name])
    n_key, n = _features(new, new.resources[name])
    d.key = [n_key]
    o_props = {k for p, _ in o.values() for k in p}
    n_props = {k for p, _ in n.values() for k in p}
    d.fields_added = sorted(n_props - o_props)
    d.fields_removed = sorted(o_props - n_props)
    d.rows_added = [{"row": k, "quote": ""} for k in n if k not in o]
    d.rows_removed = [{"row": k, "quote": ""} for k in o if k not in n]
    for k, (p, geom) in n.items():
        if k not in o:
            continue
        op, ogeom = o[k]
        changes = [{"field": f, "old": _text(op.get(f)), "new": _text(p.get(f))}
                   for f in sorted(n_props & o_props) if op.get(f) != p.get(f)]
        if geom != ogeom:
            changes.append({"field": "geometry", "old": "(old geometry)", "new": "(new geometry)"})
        if changes:
            d.rows_changed.append({"row": k, "quote": "", "old_quote": "", "changes": changes})
    return d


def _text(value):
    return "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _sha(file):
    return hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else None


def _kind(res):
    if res.get("schema"):
        return "table"
    if str(res.get("path", "")).endswith(".geojson") or res.get("format") == "geojson":
        return "features"
    return "file"


@dataclass
class Diff:
    """The comparison of two packages: per resource what changed, and what the log and the version say."""

    old: Side
    new: Side
    resources: list
    log: list = field(default_factory=list)        # NEW's corrections log entries (raw text)
    log_present: bool = False

    # --------------------------------------------------------------- the log and the version
    def _entries(self):
        """NEW's log entries after OLD's version (all of them if OLD's version cannot be read)."""
        try:
            since = parse_version(self.old.version)
        except DataError:
            since = None
        out = []
        for e in self.log:
            try:
                v = parse_version(e.get("version"))
            except DataError:
                continue
            if since is None or v > since:
                out.append(e)
        return out

    def value_changes(self):
        """Every changed cell of a table, with the log entries that account for it ('logged')."""
        entries = {}
        for e in self._entries():
            entries.setdefault((e.get("table"), e.get("row"), e.get("field")), []).append(e)
        out = []
        for d in self.resources:
            if d.kind != "table" or d.name == LOG:
                continue
            for row in d.rows_changed:
                for c in row["changes"]:
                    chain = entries.get((d.name, row["row"], c["field"]), [])
                    logged = bool(chain) and (chain[0].get("old_value") or "") == c["old"] \
                        and (chain[-1].get("new_value") or "") == c["new"]
                    out.append({"table": d.name, "row": row["row"], "field": c["field"], "old": c["old"],
                                "new": c["new"], "quote": row["quote"], "logged": logged,
                                "corrections": ",".join(e.get("correction_id", "") for e in chain)})
        return out

    def level(self):
        """('major'|'minor'|'patch'|None, reasons): what the changes call for by the rule of CURATION.md:
        a column or a table removed, a column added or retyped: major; rows added or removed, a table added:
        minor; a value or a file corrected: patch. The corrections log's own rows go with the corrections."""
        reasons = {"major": [], "minor": [], "patch": []}
        for d in self.resources:
            if d.status == "removed":
                reasons["major"].append(f"{d.name} removed")
            elif d.status == "added":
                reasons["minor"].append(f"{d.name} added")
            if d.fields_added or d.fields_removed or d.retyped:
                reasons["major"].append(f"{d.name}: columns changed")
            if d.name == LOG:
                continue
            if d.rows_added or d.rows_removed:
                reasons["minor"].append(f"{d.name}: rows added or removed")
            if d.rows_changed or d.file_changed:
                reasons["patch"].append(f"{d.name}: values changed")
        for level in ("major", "minor", "patch"):
            if reasons[level]:
                return level, reasons[level]
        return None, []

    def version_check(self):
        """{'old', 'new', 'needed', 'level', 'reasons', 'ok'}: NEW's version against what the changes need."""
        level, reasons = self.level()
        out = {"old": self.old.version, "new": self.new.version, "old_released": self.old.released,
               "new_released": self.new.released, "level": level, "reasons": reasons, "needed": None, "ok": True}
        try:
            old, new = parse_version(self.old.version), parse_version(self.new.version)
        except DataError as exc:
            out.update(ok=False, problem=str(exc))
            return out
        if new < old:
            out.update(ok=False, problem=f"the version goes backwards: {self.old.version} -> {self.new.version}")
            return out
        if level:
            needed = bump(old, level)
            out["needed"] = vtext(needed)
            if new < needed:
                out.update(ok=False, problem=f"the changes call for at least {vtext(needed)} ({level}: "
                                             f"{'; '.join(reasons[:3])}), but NEW is {self.new.version}")
        return out

    @property
    def all_logged(self):
        return all(c["logged"] for c in self.value_changes())

    # --------------------------------------------------------------- output
    def summary(self):
        changes = self.value_changes()
        return {"tables_changed": sum(d.changed for d in self.resources),
                "rows_added": sum(len(d.rows_added) for d in self.resources),
                "rows_removed": sum(len(d.rows_removed) for d in self.resources),
                "rows_changed": sum(len(d.rows_changed) for d in self.resources),
                "values_changed": len(changes), "values_logged": sum(c["logged"] for c in changes)}

    def to_dict(self):
        return {"old": {"label": self.old.label, "version": self.old.version, "released": self.old.released},
                "new": {"label": self.new.label, "version": self.new.version, "released": self.new.released},
                "summary": self.summary(), "version_check": self.version_check(),
                "corrections_log": self.log_present, "all_logged": self.all_logged,
                "value_changes": self.value_changes(),
                "resources": [dict(d.__dict__) for d in self.resources if d.changed]}

    def records(self):
        """One flat record per change (the CSV form)."""
        logged = {(c["table"], c["row"], c["field"]): c for c in self.value_changes()}
        out = []
        for d in self.resources:
            if d.status != "compared":
                out.append({"table": d.name, "change": f"resource {d.status}"})
                continue
            out += [{"table": d.name, "change": "field added", "field": f} for f in d.fields_added]
            out += [{"table": d.name, "change": "field removed", "field": f} for f in d.fields_removed]
            out += [{"table": d.name, "change": "field retyped", "field": f} for f in d.retyped]
            if d.file_changed:
                out.append({"table": d.name, "change": "file changed"})
            out += [{"table": d.name, "change": "row added", "row": r["row"], "quote": r["quote"]} for r in d.rows_added]
            out += [{"table": d.name, "change": "row removed", "row": r["row"], "quote": r["quote"]}
                    for r in d.rows_removed]
            for r in d.rows_changed:
                for c in r["changes"]:
                    v = logged.get((d.name, r["row"], c["field"]))
                    out.append({"table": d.name, "change": "value changed", "row": r["row"], "field": c["field"],
                                "old_value": c["old"], "new_value": c["new"], "quote": r["quote"],
                                "logged": "" if v is None else "yes" if v["logged"] else "no",
                                "corrections": v["corrections"] if v else ""})
        cols = ["table", "change", "row", "field", "old_value", "new_value", "quote", "logged", "corrections"]
        return [{c: rec.get(c, "") for c in cols} for rec in out]

    def _verdict(self):
        vc, s = self.version_check(), self.summary()
        lines = [f"OLD {self.old.label}: version {self.old.version or '?'} ({self.old.released or 'no release date'})",
                 f"NEW {self.new.label}: version {self.new.version or '?'} ({self.new.released or 'no release date'})"]
        if not any(d.changed for d in self.resources):
            lines.append("No change between the two packages.")
        else:
            lines.append(f"{s['tables_changed']} resource(s) changed: {s['rows_added']} row(s) added, "
                         f"{s['rows_removed']} removed, {s['rows_changed']} changed ({s['values_changed']} value(s))")
        if s["values_changed"]:
            if not self.log_present:
                lines.append(f"Corrections log: NEW has none ({LOG}): no changed value is logged.")
            elif self.all_logged:
                lines.append(f"Corrections log: every changed value is in NEW's log ({s['values_logged']}).")
            else:
                lines.append(f"Corrections log: {s['values_changed'] - s['values_logged']} of {s['values_changed']} "
                             "changed value(s) are NOT in NEW's log (see 'not logged' below).")
        if vc.get("problem"):
            lines.append(f"Version: {vc['problem']}.")
        elif vc["level"]:
            zero = " (while the major number is 0, a change of schema bumps the minor)" \
                if vc["level"] == "major" and str(vc["old"]).startswith("0.") else ""
            lines.append(f"Version: the changes call for a {vc['level']} release{zero}, at least {vc['needed']}; "
                         f"NEW is {vc['new']}: ok.")
        return lines

    def text(self, markdown=False):
        """The comparison for a reader: a verdict, then each changed resource."""
        lines = [("# " if markdown else "") + f"mali-caac diff {self.old.label} {self.new.label}", ""]
        lines += [("- " if markdown else "") + ln for ln in self._verdict()]
        logged = {(c["table"], c["row"], c["field"]): c for c in self.value_changes()}
        for d in self.resources:
            if not d.changed:
                continue
            head = f"{d.name}" + (f" ({d.kind})" if d.kind != "table" else "")
            lines += ["", ("## " if markdown else "== ") + head + ("" if markdown else " ==")]
            if d.status != "compared":
                lines.append(f"resource {d.status}")
                continue
            if d.note:
                lines.append(d.note)
            if d.fields_added:
                lines.append(f"fields appeared: {', '.join(d.fields_added)}")
            if d.retyped:
                lines.append(f"fields retyped: {', '.join(d.retyped)}")
            if d.fields_removed:
                lines.append(f"fields disappeared: {', '.join(d.fields_removed)} (the other fields are compared)")
            if d.file_changed:
                lines.append("file changed (sha256)")
            for title, rows in (("added", d.rows_added), ("removed", d.rows_removed)):
                if rows:
                    lines.append(f"rows {title} ({len(rows)}):")
                    if markdown:
                        lines += ["", "| row | quote |", "|---|---|"]
                        lines += [f"| {_md(r['row'])} | {_md(r['quote'])} |" for r in rows]
                        lines.append("")
                    else:
                        lines += [f"  + {r['row']}" if title == "added" else f"  - {r['row']}" for r in rows]
            if d.rows_changed:
                lines.append(f"rows changed ({len(d.rows_changed)}):")
                if markdown:
                    lines += ["", "| row | field | old | new | logged | quote |", "|---|---|---|---|---|---|"]
                for r in d.rows_changed:
                    for c in r["changes"]:
                        v = logged.get((d.name, r["row"], c["field"]))
                        mark = "" if v is None else ("logged " + v["corrections"]) if v["logged"] else "not logged"
                        if markdown:
                            lines.append(f"| {_md(r['row'])} | {_md(c['field'])} | {_md(c['old'])} | {_md(c['new'])}"
                                         f" | {mark} | {_md(r['quote'])} |")
                        else:
                            lines.append(f"  ~ {r['row']} {c['field']}: {c['old']!r} -> {c['new']!r}"
                                         + (f"  [{mark}]" if mark else ""))
                    if not markdown and r["quote"]:
                        lines.append(f"      quote: {r['quote']}")
        return "\n".join(lines)

    def render(self, fmt="text"):
        if fmt not in FORMATS:
            raise DataError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", field="format",
                            expected=" or ".join(FORMATS), found=fmt)
        if fmt == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        if fmt == "csv":
            buf = io.StringIO()
            recs = self.records()
            writer = csv.DictWriter(buf, fieldnames=list(recs[0]) if recs else
                                    ["table", "change", "row", "field", "old_value", "new_value", "quote", "logged",
                                     "corrections"], lineterminator="\n")
            writer.writeheader()
            writer.writerows(recs)
            return buf.getvalue().rstrip("\n")
        return self.text(markdown=fmt == "markdown")

    def draft_log(self, start=1):
        """CSV rows for NEW's corrections log, one per changed value not yet logged: the release that will carry
        them (NEW's version, or the one the changes call for if NEW's is not enough yet, dated today), the row's
        own source, locator and quote; ``why`` left for the curator to write."""
        from datetime import date

        vc = self.version_check()
        version, released = self.new.version, self.new.released
        if vc.get("needed") and not vc["ok"]:
            version, released = vc["needed"], date.today().isoformat()
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        rows = self.new.rows
        n = start
        for c in self.value_changes():
            if c["logged"]:
                continue
            r = rows[c["table"]][c["row"]]
            writer.writerow([f"co-{n:03d}", version, released, c["table"], c["row"], c["field"],
                             c["old"], c["new"], "WHY: write what was wrong and how the source shows it",
                             r.get("source_id", ""), r.get("locator", ""), r.get("quote", "")])
            n += 1
        return buf.getvalue().rstrip("\n")


def _md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def compare(old, new, old_label=None, new_label=None):
    """The :class:`Diff` of two package folders (see :func:`resolve` for revisions)."""
    a, b = Side.read(old, old_label or str(old)), Side.read(new, new_label or str(new))
    out = []
    for name in list(a.resources) + [n for n in b.resources if n not in a.resources]:
        ra, rb = a.resources.get(name), b.resources.get(name)
        if ra is None or rb is None:
            out.append(TableDiff(name, kind=_kind(ra or rb), status="added" if ra is None else "removed"))
            continue
        kind = _kind(rb)
        if kind == "table" and _kind(ra) == "table":
            out.append(_compare_table(a, b, name))
        elif kind == "features" and _kind(ra) == "features":
            out.append(_compare_features(a, b, name))
        else:
            d = TableDiff(name, kind="file")
            d.file_changed = _sha(a.file(ra)) != _sha(b.file(rb))
            out.append(d)
    result = Diff(a, b, out)
    if LOG in b.resources and _kind(b.resources[LOG]) == "table":
        file = b.file(b.resources[LOG])
        try:
            result.log = raw_rows(file)[1]
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise DataError(file=file, expected="the corrections log of NEW (CSV)", found=str(exc)) from None
        result.log_present = True
    return result


def diff(old, new, repo=None):
    """Compare ``old`` and ``new`` (folders, ``WORKTREE`` or git revisions); returns a :class:`Diff`."""
    with resolve(old, repo) as a, resolve(new, repo) as b:
        return compare(a, b, str(old), str(new))


def release_checks(since, data=None, repo=None):
    """Checks of a package against an earlier release ``since`` (``validate --since``): every value changed
    since then is in the corrections log, and the version is what the rule of CURATION.md calls for."""
    from .package import open_package
    from .reconcile import Check

    folder = open_package(data).folder
    with resolve(since, repo) as old:
        d = compare(old, folder, str(since), str(folder))
    checks = []
    for c in d.value_changes():
        if not c["logged"]:
            checks.append(Check(f"release:logged:{c['table']}:{c['row']}:{c['field']}", "release", "failed",
                                f"{c['table']} {c['row']} {c['field']}: {c['old']!r} -> {c['new']!r} since {since}, "
                                f"but no entry of {LOG}.csv after version {d.old.version} records it"
                                + (f" (the entries {c['corrections']} do not lead from the old value to the new)"
                                   if c["corrections"] else "")
                                + ": add its row to the log (mali-caac diff --draft-log)"))
    vc = d.version_check()
    if vc.get("problem"):
        checks.append(Check("release:version", "release", "failed", f"version: {vc['problem']}"))
    s = d.summary()
    if not checks:
        checks.append(Check("release", "release", "ok",
                            f"since {since} ({d.old.version}): {s['values_changed']} changed value(s), all in the "
                            f"corrections log; version {d.new.version}"
                            + (f" as a {vc['level']} release calls for (at least {vc['needed']})" if vc["level"] else "")))
    return checks
