"""Releases of the curated data: its version and date, the corrections log, and the dataset as a reference.

The data package carries a semantic version and the date it was released
(``datapackage.json``: ``version``, ``released``); the rule that numbers a
release is written in ``data/CURATION.md``. Every value corrected since the
log began is a row of the corrections log (``data/corrections.csv``, the
package's resource ``corrections``): the release that first carries the
correction, its date, the table, row and field, the old and new values as
written in the CSV, why, and the source, locator and verbatim quote that
justify the new value. :func:`correction_checks` is run by ``validate``.

>>> from mali_caac.release import data_version, dataset_citation
>>> data_version()                                   # doctest: +SKIP
('0.2.0', '2026-12-03')
>>> print(dataset_citation(format="bibtex"))        # doctest: +SKIP
"""
import csv
import json
import re
from datetime import date as _date

from .errors import DataError
from .package import open_package
from .reconcile import Check

LOG = "corrections"
"""The name of the corrections log in the package."""

SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
"""A release number: MAJOR.MINOR.PATCH (no pre-release or build suffix)."""

LEVELS = ("patch", "minor", "major")
"""What a change calls for, least first (see ``bump``)."""


def parse_version(text, where="version"):
    """'0.2.0' -> (0, 2, 0); a DataError names ``where`` for anything that is not MAJOR.MINOR.PATCH."""
    m = SEMVER.fullmatch(str(text or ""))
    if not m:
        raise DataError(f"{where}: expected a semantic version MAJOR.MINOR.PATCH (such as 0.2.0), found {text!r}",
                        field=where, expected="MAJOR.MINOR.PATCH", found=text)
    return tuple(int(p) for p in m.groups())


def bump(version, level):
    """The least version after ``version`` that a change of ``level`` calls for.

    While the major number is 0 (initial development, SemVer 2.0.0 item 4) a change of schema or
    meaning bumps the minor number, as Cargo and npm read 0.y.z; from 1.0.0 on it bumps the major."""
    major, minor, patch = parse_version(version) if isinstance(version, str) else version
    if level == "major" and major > 0:
        return (major + 1, 0, 0)
    if level in ("major", "minor"):
        return (major, minor + 1, 0)
    if level == "patch":
        return (major, minor, patch + 1)
    raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def vtext(version):
    return ".".join(map(str, version))


def data_version(package=None):
    """The version of the curated data and the date it was released: ``('0.2.0', '2026-12-03')``.

    Read from ``datapackage.json`` (``version``, ``released``) of ``package`` (a
    :class:`~mali_caac.package.Package`, a folder or None for the default one); a
    DataError names the field if either is missing or malformed."""
    return _version_of(open_package(package).descriptor, open_package(package).descriptor_file)


def _version_of(descriptor, file="datapackage.json"):
    version, released = descriptor.get("version"), descriptor.get("released")
    try:
        parse_version(version)
    except DataError:
        raise DataError(file=file, field="version", expected="the data's semantic version MAJOR.MINOR.PATCH",
                        found=version) from None
    try:
        _date.fromisoformat(str(released))
    except ValueError:
        raise DataError(file=file, field="released", expected="the date of the release, YYYY-MM-DD",
                        found=released) from None
    return version, str(released)


def data_line(lang, package=None):
    """The line of a figure's caption file that names the data it was drawn from, in ``lang``:
    'Data: mali-caac curated data, version 0.2.0 (3 December 2026).'"""
    from .i18n import date_label, t, typeset

    version, released = data_version(package)
    return typeset(t("caption.data_version", lang).format(
        version=version, date=date_label(released, lang, fmt="d MMMM y")), lang)


# ----------------------------------------------------------------------------- raw cells
def row_key(record, key):
    """The id of a row in the log and the diff: its primary key, parts joined by '/' ('sex/male')."""
    return "/".join(str(record.get(k, "")) for k in key)


def primary_key(schema):
    key = (schema or {}).get("primaryKey") or [(schema or {}).get("fields", [{}])[0].get("name")]
    return [key] if isinstance(key, str) else list(key)


def raw_rows(file, lines=None):
    """(header, [{column: text}]) of a CSV file as written, for any table (no schema check); ``lines``, a list,
    receives the line on which each row starts."""
    with open(file, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        rows, end = [], reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num
            if row:
                rows.append(dict(zip(header, row)))
                if lines is not None:
                    lines.append(start)
        return header, rows


# ----------------------------------------------------------------------------- the log, checked
def _fail(cid, message, cites=""):
    return Check(f"corrections:{cid}", "corrections", "failed", message, cites)


def correction_checks(package=None):
    """Checks of the corrections log against the package (run by ``validate``).

    Each entry names a table of the package, a row that exists (by its primary key) and a
    column of the table; the versions go forward from one entry to the next and none is above the
    package's version, nor an entry of the package's version dated after its release; successive
    entries of one cell chain (each old value is the previous new value); the last entry of a cell
    gives the value the cell holds now. The source, locator and quote of each entry are checked
    with every other quote of the package (``quote:corrections:<id>``)."""
    pkg = open_package(package)
    if LOG not in pkg.resources:
        return [_fail("missing", f"{pkg.descriptor_file}: the package has no resource {LOG!r} "
                                 "(data/corrections.csv, the corrections log)")]
    try:
        version, released = _version_of(pkg.descriptor, pkg.descriptor_file)
    except DataError as exc:
        return [_fail("version", str(exc))]
    current = parse_version(version)
    entries = pkg.records(LOG)
    file = pkg.path(LOG)
    checks, problems = [], []
    tables = {}
    last = {}        # (table, row, field) -> entry
    previous = None  # the entry before, for the order of versions
    for e in entries:
        cid, where = e["correction_id"], f"{file.name} line {e['_line']} ({e['correction_id']})"
        try:
            v = parse_version(e["version"], f"{where}: version")
        except DataError as exc:
            problems.append((cid, str(exc)))
            continue
        if v > current:
            problems.append((cid, f"{where}: version {e['version']} is above the package's version {version} "
                                  f"(datapackage.json): bump the package's version, or correct the entry"))
        if previous is not None:
            pv = parse_version(previous["version"])
            if v < pv:
                problems.append((cid, f"{where}: version {e['version']} goes backwards: the entry before it "
                                      f"({previous['correction_id']}) is {previous['version']}; entries are in the "
                                      "order of releases, a new one at the end"))
            elif e["date"] < previous["date"]:
                problems.append((cid, f"{where}: date {e['date']} is before the date of the entry before it "
                                      f"({previous['correction_id']}, {previous['date']})"))
        previous = e
        if v == current and str(e["date"]) > released:
            problems.append((cid, f"{where}: dated {e['date']}, after the release of {version} ({released}): "
                                  "a correction made after a release goes into the next version (bump the "
                                  "package's version and date)"))
        name = e["table"]
        res = pkg.resources.get(name)
        if res is None or not res.is_table or name == LOG:
            choices = ", ".join(r.name for r in pkg.tables() if r.name != LOG)
            problems.append((cid, f"{where}: table {name!r} is not a table of the package; the tables are: {choices}"))
            continue
        if name not in tables:
            key = primary_key(res.schema)
            _, rows = raw_rows(pkg.path(name))
            tables[name] = (key, {row_key(r, key): r for r in rows})
        key, rows = tables[name]
        if e["field"] not in res.field_names:
            problems.append((cid, f"{where}: {name} has no column {e['field']!r}; its columns are "
                                  f"{', '.join(res.field_names)}"))
            continue
        if e["row"] not in rows:
            problems.append((cid, f"{where}: {name} has no row {e['row']!r} ({'/'.join(key)}); a correction names "
                                  "a row that exists"))
            continue
        old, new = e["old_value"] or "", e["new_value"] or ""
        if old == new:
            problems.append((cid, f"{where}: old_value and new_value are the same ({old!r}): nothing was corrected"))
        cell = (name, e["row"], e["field"])
        before = last.get(cell)
        if before is not None and (before["new_value"] or "") != old:
            problems.append((cid, f"{where}: old_value {old!r} of {name} {e['row']} {e['field']} is not the value "
                                  f"the previous correction ({before['correction_id']}) gave it: "
                                  f"{before['new_value'] or ''!r}"))
        last[cell] = e
    for (name, row, fld), e in last.items():
        now = tables[name][1][row].get(fld, "")
        if now != (e["new_value"] or ""):
            problems.append((e["correction_id"],
                             f"{file.name} line {e['_line']} ({e['correction_id']}): {name} {row} {fld} is "
                             f"{now!r}, not the new_value {e['new_value'] or ''!r} of its last correction"))
    if problems:
        checks += [_fail(cid, msg) for cid, msg in problems]
    else:
        checks.append(Check("corrections", "corrections", "ok",
                            f"{LOG}: {len(entries)} correction(s), each naming a row and column that exist, in the "
                            f"order of releases up to {version} ({released}), each cell's last one its current value"))
    return checks


# ----------------------------------------------------------------------------- the dataset as a reference
TITLE = "mali-caac: grave violations against children in the armed conflict in Mali, curated data"
AUTHOR = "mali-caac contributors"


def dataset_record(package=None):
    """The facts every reference to the dataset gives: title, author, version, date, licence, description."""
    pkg = open_package(package)
    version, released = _version_of(pkg.descriptor, pkg.descriptor_file)
    licences = [lic.get("name", "") for lic in pkg.descriptor.get("licenses", [])]
    return {"title": TITLE, "author": AUTHOR, "version": version, "released": released,
            "licence": ", ".join(licences), "description": pkg.descriptor.get("description", ""),
            "id": f"mali-caac-data-{version}"}


FORMATS = ("text", "bibtex", "ris", "csl-json")
"""The reference formats of ``dataset_citation`` (those of ``cite``)."""


def dataset_citation(package=None, format="text"):  # noqa: A002 (the name of cite's argument)
    """A reference to the curated dataset itself, with its version and release date.

    ``format`` is text, bibtex, ris or csl-json; the title, author, version and date are those of
    CITATION.cff and .zenodo.json (tests/test_release.py compares them).

    >>> print(dataset_citation())                    # doctest: +SKIP
    mali-caac contributors (2026). mali-caac: ... curated data (Version 0.2.0, released 2026-12-03) [Data set]. ...
    """
    if format not in FORMATS:
        raise DataError(f"format must be one of {', '.join(FORMATS)}, not {format!r}", field="format",
                        expected=" or ".join(FORMATS), found=format)
    d = dataset_record(package)
    year, month, day = (int(p) for p in d["released"].split("-"))
    if format == "text":
        return (f"{d['author']} ({year}). {d['title']} (Version {d['version']}, released {d['released']}) "
                f"[Data set]. Licence {d['licence']}.")
    if format == "bibtex":
        fields = [("author", "{" + d["author"] + "}"), ("title", "{" + d["title"] + "}"),
                  ("version", d["version"]), ("year", str(year)), ("month", str(month)), ("date", d["released"]),
                  ("note", f"Data set, licence {d['licence']}")]
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
        return f"@dataset{{{d['id']},\n{body}\n}}"
    if format == "ris":
        tags = [("TY", "DATA"), ("ID", d["id"]), ("AU", d["author"]), ("TI", d["title"]), ("ET", d["version"]),
                ("PY", str(year)), ("DA", f"{year}/{month:02d}/{day:02d}"),
                ("N1", f"Licence {d['licence']}"), ("ER", "")]
        return "\n".join(f"{tag}  - {value}" for tag, value in tags)
    item = {"id": d["id"], "type": "dataset", "title": d["title"], "author": [{"literal": d["author"]}],
            "version": d["version"], "issued": {"date-parts": [[year, month, day]]},
            "license": d["licence"]}
    return json.dumps([item], ensure_ascii=False, indent=2)


# ----------------------------------------------------------------------------- making a release
RELEASE_FILES = {  # file of the checkout -> (pattern of the line, its replacement); each must match once
    "CITATION.cff": ((r"(?m)^version: .*$", "version: {version}"), (r"(?m)^date-released: .*$", "date-released: {date}")),
    "pyproject.toml": ((r'(?m)^version = ".*"$', 'version = "{version}"'),),
    "mali_caac/__init__.py": ((r'(?m)^__version__ = ".*"$', '__version__ = "{version}"'),),
    ".zenodo.json": ((r'(?m)^  "version": ".*",$', '  "version": "{version}",'),
                     (r'(?m)^  "publication_date": ".*",$', '  "publication_date": "{date}",')),
}
"""Where the checkout repeats the release's version and date, besides datapackage.json (tests/test_release.py
checks that they agree)."""


def set_release(version, released=None, package=None):
    """Number a new release: write ``version`` (or 'patch', 'minor', 'major': the next one by the rule) and
    ``released`` (YYYY-MM-DD, default today) into ``datapackage.json`` and, where the package is the data/ of
    a checkout, into its CITATION.cff, .zenodo.json, pyproject.toml and mali_caac/__init__.py. Returns the
    files written.

    A version that is not after the current one, or a date before the current release's, is refused by name
    and nothing is written."""
    from .package import atomic_write

    pkg = open_package(package)
    current, current_date = _version_of(pkg.descriptor, pkg.descriptor_file)
    if version in LEVELS:
        version = vtext(bump(current, version))
    new = parse_version(version, "the new version")
    if new <= parse_version(current):
        raise DataError(f"the new version {version} is not after the package's version {current}: a release number "
                        "never goes backwards (nor stays)", field="version", expected=f"a version after {current}",
                        found=version)
    released = released or _date.today().isoformat()
    try:
        _date.fromisoformat(released)
    except ValueError:
        raise DataError(f"the release date {released!r} is not a date YYYY-MM-DD", field="released",
                        expected="YYYY-MM-DD", found=released) from None
    if released < current_date:
        raise DataError(f"the release date {released} is before the date of {current} ({current_date})",
                        field="released", expected=f"{current_date} or later", found=released)
    texts = {}
    doc = json.loads(pkg.descriptor_file.read_text(encoding="utf-8"))
    doc["version"], doc["released"] = version, released
    texts[pkg.descriptor_file] = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    checkout = pkg.folder.resolve().parent  # a checkout holds data/ beside CITATION.cff and pyproject.toml
    if pkg.folder.name == "data" and (checkout / "CITATION.cff").is_file() and (checkout / "pyproject.toml").is_file():
        for rel, rules in RELEASE_FILES.items():
            file = checkout / rel
            if not file.exists():
                continue
            text = file.read_text(encoding="utf-8")
            for pattern, repl in rules:
                text, n = re.subn(pattern, repl.format(version=version, date=released), text, count=1)
                if n != 1:
                    raise DataError(f"{file}: no line of the form {pattern!r} to write the release into",
                                    file=file)
            texts[file] = text
    for file, text in texts.items():  # every file was prepared before the first is written
        atomic_write(file, text)
    return list(texts)
