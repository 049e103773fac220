"""Export the data package in the formats the field works in: HXL-tagged CSVs and Excel workbooks.

>>> from mali_caac.export import export
>>> export("xlsx", "build/export-xlsx")                    # doctest: +SKIP

Each format has one writer (:data:`WRITERS`). An export is a folder: the
format's files, ``metadata.json`` and ``README.md`` (the fields a humanitarian
data portal such as HDX asks for: title, description, methodology, caveats,
dates, geography, licences, source organisations, update frequency), and a
manifest (:data:`MANIFEST`) listing every file written with its sha256. The
folder is written beside the target and renamed into place, so a reader never
sees half an export; a folder that holds anything the export did not write
(no manifest, or a file the manifest does not list or whose bytes changed) is
refused by name and left as it is. The same package gives byte-identical files.

* ``hxl``: one CSV per table with a row of HXL hashtags under the header
  (the ``hxl`` property of each field in ``datapackage.json``), rows copied byte
  for byte from the package.
* ``xlsx``: one workbook per language (``en``, ``fr``): a README sheet, a sheet
  per table with typed cells (numbers, dates, booleans), a frozen header whose
  cells carry each field's description as a comment, and a ``columns`` sheet
  of the fields; the French workbook has French headings, README and, beside each
  coded column that has French labels, a column of the labels.
"""
import csv
import io
import json
import os
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

from .errors import DataError
from .i18n import LANGS, t, typeset
from .package import open_package, sha256
from .release import data_version, dataset_citation

MANIFEST = "mali-caac-export.json"
"""The file that marks a folder as written by ``mali-caac export``."""

UPDATE_FREQUENCY = "As the Secretary-General reports"
LABEL_WIDTH = 60  # widest column of a sheet, in characters


# ----------------------------------------------------------------------------- release (one place)
def _release_info(pkg):
    """Version, release date, title and how to cite the data: the release module's, for this package."""
    version, released = data_version(pkg)
    title = pkg.descriptor.get("title") or pkg.descriptor.get("name", "")
    return {"version": version, "date": date.fromisoformat(released), "title": title,
            "citation": dataset_citation(pkg, format="text")}


# ----------------------------------------------------------------------------- what the package holds
def _tables(pkg):
    """The tables in export order: the figures, listings and rankings, the register, the sources, the vocabularies."""
    order = {"figures": 0, "listing": 0, "ranking": 0, "register": 1}
    tables = pkg.tables()
    rank = {r.name: (order.get(r.kind, 3 if r.kind == "vocabulary" else 2), i) for i, r in enumerate(tables)}
    rank["sources"] = (2, 0)
    return sorted(tables, key=lambda r: rank[r.name])


def _cited_sources(pkg):
    """The sources that rows of the tables cite, in the order of ``sources``."""
    cited = set()
    for res in pkg.tables():
        for col in ("source_id", "source_a", "source_b"):
            if col in res.field_names and res.name != "sources":
                cited.update(r[col] for r in pkg.records(res.name) if r[col])
    return [s for s in pkg.records("sources") if s["source_id"] in cited]


def _date_range(sources):
    """The first and last day the cited sources cover (their ``period_start`` and ``period_end``)."""
    starts = [s["period_start"] for s in sources if s["period_start"]]
    ends = [s["period_end"] for s in sources if s["period_end"]]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _geography(pkg):
    """The country of the package: the ISO 3166-2 code of the region 'all' (ML), as ISO 3166-1 names and codes."""
    import pycountry

    code = next(r["iso_3166_2"] for r in pkg.records("regions") if r["region"] == "all")
    country = pycountry.countries.get(alpha_2=code)
    return {"country": country.name, "iso3": country.alpha_3, "iso2": country.alpha_2}


def _data_licence(pkg):
    """The curated data's licence as the descriptor gives it: 'CC BY 4.0 (https://...)'."""
    lic = (pkg.descriptor.get("licenses") or [{}])[0]
    name = str(lic.get("name") or "").replace("-", " ")
    return f"{name} ({lic['path']})" if lic.get("path") else name


def _texts(pkg, lang, heads=None):
    """The README's texts in ``lang`` ({item: text}), from the i18n catalogue and the package; ``heads`` names
    the columns as the workbook's headings do."""
    info = _release_info(pkg)
    heads = heads or {}
    sources = _cited_sources(pkg)
    documents = ", ".join(s["short_name" if lang == "en" else "short_name_fr"] for s in sources
                          if s["kind"] in ("primary", "secondary"))
    outside = typeset("; ".join(f"{s['short_name']}: {s['licence']}" for s in sources if s["kind"] == "external"),
                      lang)
    if info["date"]:
        from babel.dates import format_date

        version = t("export.version_text", lang).format(version=info["version"],
                                                        date=format_date(info["date"], "long", locale=lang))
    else:
        version = t("export.version_undated", lang).format(version=info["version"])
    fields = {c: heads.get(c, c) for c in ("all", "unit", "restates", "refines", "qualifier", "quote")}
    caveats = [t("word.verified_subtitle", lang) + ".", t("word.underreporting", lang), t("word.capacity_caveat", lang),
               t("export.caveat_printed", lang), t("export.caveat_long", lang).format(**fields),
               t("export.caveat_qualifier", lang).format(**fields),
               t("export.caveat_discrepancies", lang).format(sheet="discrepancies")]
    return {
        "title": t("export.dataset_title", lang) if lang != "en" else info["title"],
        "what": t("export.what_text", lang).format(documents=documents),
        "version": version,
        "licence": t("export.licence_text", lang).format(licence=_data_licence(pkg), outside=outside),
        "cite": info["citation"],
        "caveats": caveats,
        "quotes": t("export.quotes_note", lang).format(quote=fields["quote"]),
        "made_with": t("export.made_with_text", lang).format(version=info["version"]),
    }


# ----------------------------------------------------------------------------- metadata (HDX fields)
def metadata(pkg):
    """The export's metadata as a dict: the fields HDX asks for, computed from the package."""
    info = _release_info(pkg)
    texts = _texts(pkg, "en")
    sources = _cited_sources(pkg)
    start, end = _date_range(sources)
    periods = {p["period"]: p for p in pkg.records("periods")}
    methodology = ("One row per figure printed in the source documents, one column per dimension; a stated total "
                   "('all') is a row beside its parts. Every value carries its source (source_id), its place in the "
                   "source (locator), the number as printed and a verbatim quote that prints it; "
                   "`mali-caac validate` checks every quote against its paragraph and every stated total against its "
                   "parts, and disagreements between sources are kept, each with its citation, in the discrepancy "
                   "register. See data/CURATION.md.")
    licences = [{"name": lic.get("name"), "title": lic.get("title"), "path": lic.get("path")}
                for lic in pkg.descriptor.get("licenses", [])]
    outside = [{"source_id": s["source_id"], "name": s["short_name"], "licence": s["licence"]}
               for s in sources if s["kind"] == "external"]
    return {
        "title": info["title"],
        "name": pkg.descriptor.get("name"),
        "description": texts["what"],
        "version": info["version"],
        "release_date": info["date"].isoformat() if info["date"] else None,
        "how_to_cite": info["citation"],
        "methodology": methodology,
        "caveats": texts["caveats"],
        "dataset_date": {"start": start and start.isoformat(), "end": end and end.isoformat(),
                         "basis": "the periods covered by the sources that rows cite "
                                  "(sources.period_start, period_end)"},
        "reporting_period": {"start": periods["all"]["start"].isoformat(), "end": periods["all"]["end"].isoformat(),
                             "basis": "the reporting period of the country report (periods, row 'all')"},
        "geography": _geography(pkg),
        "licence": licences,
        "outside_data_licences": outside,
        "source_organisations": list(dict.fromkeys(s["publisher"] for s in sources)),
        "sources": [s["source_id"] for s in sources],
        "update_frequency": UPDATE_FREQUENCY,
    }


def _readme_md(meta, files):
    """A human README.md of the export from its metadata."""
    lines = [f"# {meta['title']}", "", meta["description"], "",
             f"- Version: {meta['version']}" + (f", released {meta['release_date']}" if meta["release_date"] else ""),
             f"- Dates covered: {meta['dataset_date']['start']} to {meta['dataset_date']['end']} "
             f"({meta['dataset_date']['basis']}); reporting period of the country report: "
             f"{meta['reporting_period']['start']} to {meta['reporting_period']['end']}",
             f"- Geography: {meta['geography']['country']} ({meta['geography']['iso3']})",
             "- Licence: " + "; ".join(f"{x['name']} ({x['title']})" for x in meta["licence"]),
             "- Outside data: " + "; ".join(f"{x['name']}: {x['licence']}" for x in meta["outside_data_licences"]),
             "- Source organisations: " + "; ".join(meta["source_organisations"]),
             f"- Expected update frequency: {meta['update_frequency']}",
             "", "## How to cite", "", meta["how_to_cite"], "", "## Methodology", "", meta["methodology"], "",
             "## Caveats", ""]
    lines += [f"- {c}" for c in meta["caveats"]]
    lines += ["", "## Files", ""] + [f"- `{name}`: {what}" for name, what in files] + [""]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- HXL
def _hxl_tags(res):
    """The HXL hashtag of each field of ``res`` (its ``hxl`` property); a field without one is refused by name."""
    tags = []
    for field in res.schema["fields"]:
        tag = field.get("hxl")
        if not isinstance(tag, str) or not tag.startswith("#"):
            raise DataError(file=f"datapackage.json ({res.name})", field=f"{field['name']}.hxl",
                            expected="an HXL hashtag such as '#meta+id'", found=tag)
        tags.append(tag)
    return tags


def write_hxl(pkg, folder, langs):
    """One CSV per table with an HXL hashtag row under the header; the rows are the package's bytes."""
    files = []
    for res in _tables(pkg):
        pkg.records(res.name)  # the table is checked (hash and schema) before it is copied
        tags = _hxl_tags(res)
        raw = pkg.path(res.name).read_bytes()
        header, sep, rest = raw.partition(b"\n")
        line = io.StringIO()
        csv.writer(line, lineterminator="\r\n" if header.endswith(b"\r") else "\n").writerow(tags)
        (folder / f"{res.name}.csv").write_bytes(header + b"\n" + line.getvalue().encode() + rest)
        files.append((f"{res.name}.csv", f"{res.title}: {len(pkg.records(res.name))} rows, HXL hashtags in row 2"))
    return files


# ----------------------------------------------------------------------------- Excel
class _FixedTimeZip(zipfile.ZipFile):
    """A zip file whose entries all carry one date, so that the same workbook gives the same bytes."""

    date_time = (1980, 1, 1, 0, 0, 0)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.date_time)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o644 << 16
        return super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """openpyxl writes the worksheets from temporary files: take their bytes, not their times."""
        with open(filename, "rb") as fh:
            return self.writestr(arcname or os.path.basename(filename), fh.read(), compress_type, compresslevel)


def _labels(pkg):
    """French labels of coded columns: {column or table.column: {code: label}}, from the vocabularies and the
    i18n catalogue."""
    from .i18n import TEXT

    out = {"region": {r["region"]: r["name_fr"] for r in pkg.records("regions")},
           "period": {p["period"]: p["label_fr"] for p in pkg.records("periods")}}
    for c in pkg.records("categories"):
        out.setdefault(c["dimension"], {})[c["code"]] = c["label_fr"]
    for key in TEXT:
        prefix, _, code = key.partition(".")
        if prefix in ("violation", "unit", "attribution", "victim_group", "type") and code:
            out.setdefault(prefix, {})[code] = t(key, "fr")
        elif prefix == "party" and code:  # the parties' French names, in every column that names a party
            for column in ("perpetrator", "captor", "party", "parties.coalition", "parties.parent"):
                out.setdefault(column, {})[code] = t(key, "fr")
        elif key.startswith("word.qualifier.") and t(key, "fr").strip():
            out.setdefault("qualifier", {})[key.rsplit(".", 1)[1]] = t(key, "fr").strip()
    return out


def _sheet(wb, title, head, rows, comments=None, widths=None, wrap=False):
    """Add a write-only sheet: a bold frozen header (``comments`` on its cells), then ``rows`` of typed values."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    for i, width in enumerate(widths or []):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    bold = Font(bold=True)
    cells = []
    for i, text in enumerate(head):
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        if comments and comments[i]:
            cell.comment = Comment(comments[i], "mali-caac", width=320, height=120)
        cells.append(cell)
    ws.append(cells)
    if wrap:
        top = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            cells = [WriteOnlyCell(ws, value=v) for v in row]
            for cell in cells:
                cell.alignment = top
            ws.append(cells)
    else:
        for row in rows:
            if any(isinstance(v, str) and v[:1] == "=" for v in row):
                row = [_text_cell(ws, v) for v in row]  # text, never a formula
            ws.append(row)
    return ws


def _text_cell(ws, value):
    """A cell that holds ``value`` as it is: openpyxl would read text that starts with '=' as a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value[:1] == "=":
        cell.data_type = "s"
    return cell


def _width(values):
    return min(LABEL_WIDTH, max([len(str(v)) for v in values if v is not None] + [6]) + 2)


def workbook(pkg, lang):
    """The workbook of the package in ``lang`` as bytes (the same package gives the same bytes)."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    if lang not in LANGS:
        raise DataError(f"lang must be one of {LANGS}, not {lang!r}", field="lang", found=lang)
    info = _release_info(pkg)
    labels = _labels(pkg) if lang == "fr" else {}
    heads = {name: t(f"column.{name}", lang) for res in pkg.tables() for name in res.field_names}
    texts = _texts(pkg, lang, heads)
    wb = Workbook(write_only=True)
    stamp = datetime.combine(info["date"] or date(1980, 1, 1), datetime.min.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "mali-caac"
    wb.properties.title = texts["title"]
    wb.properties.language = lang

    sheets, column_rows, sheet_items = [], [], []
    for res in _tables(pkg):
        records = pkg.records(res.name)
        out_head, comments, getters = [], [], []
        for field in res.schema["fields"]:
            name = field["name"]
            out_head.append(heads[name])
            comments.append(f"{name} ({field.get('type', 'string')}, {field.get('hxl', '')}): "
                            f"{field.get('description', '')}")
            getters.append((name, None))
            column_rows.append([res.name, heads[name], name, field.get("type", "string"), field.get("hxl"),
                                field.get("description", "")])
            codes = labels.get(f"{res.name}.{name}", labels.get(name))
            if {"label_fr", "name_fr"} & set(res.field_names):
                codes = None  # a vocabulary that holds its own French labels
            if codes and any(r[name] in codes for r in records):
                out_head.append(t("export.label_suffix", lang).format(head=heads[name]))
                comments.append(t("export.labels_note", lang))
                getters.append((name, codes))
        rows = [[(codes.get(r[n], r[n]) if codes else r[n]) for n, codes in getters] for r in records]
        widths = [_width([h] + [row[i] for row in rows]) for i, h in enumerate(out_head)]
        sheets.append((res.name, out_head, rows, comments, widths))
        sheet_items.append(t("export.sheet_rows", lang).format(sheet=res.name, rows=len(records))
                           + (f" ({res.title})" if lang == "en" else ""))

    items = [("title", texts["title"]), ("what", texts["what"]), ("version", texts["version"]),
             ("word.licence", texts["licence"]), ("cite", texts["cite"])]
    items += [("caveats", c) for c in texts["caveats"]]
    items += [("sheets", s) for s in sheet_items]
    items += [("sheets", t("export.columns_note", lang).format(sheet=t("export.columns_sheet", lang))),
              ("sheets", texts["quotes"])]
    if lang == "fr":
        items.append(("sheets", t("export.labels_note", lang)))
    items.append(("made_with", texts["made_with"]))
    readme, previous = [], None
    for key, text in items:
        label = t(key if "." in key else f"export.{key}", lang)
        label = label[:1].upper() + label[1:]
        readme.append([label if label != previous else None, text])
        previous = label
    _sheet(wb, t("export.readme", lang), [t("export.item", lang), t("export.text", lang)], readme,
           widths=[22, 110], wrap=True)
    for name, head, rows, comments, widths in sheets:
        _sheet(wb, name, head, rows, comments, widths)  # dates get openpyxl's yyyy-mm-dd format
    col_head = [t(f"export.{k}", lang) for k in ("sheet", "column", "field", "type", "hxl", "description")]
    _sheet(wb, t("export.columns_sheet", lang), col_head, column_rows,
           widths=[_width([h] + [r[i] for r in column_rows]) for i, h in enumerate(col_head)])

    buf = io.BytesIO()
    archive = _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    archive.date_time = stamp.timetuple()[:6]
    ExcelWriter(wb, archive).save()  # not save_workbook, which stamps the time of saving
    return buf.getvalue()


def write_xlsx(pkg, folder, langs):
    """One workbook per language in ``langs``."""
    version = _release_info(pkg)["version"]
    files = []
    for lang in langs:
        name = f"mali-caac-data_{version}_{lang}.xlsx"
        (folder / name).write_bytes(workbook(pkg, lang))
        language = {"en": "English", "fr": "French"}[lang]
        files.append((name, f"workbook in {language}: README sheet, one sheet per table"))
    return files


WRITERS = {"hxl": write_hxl, "xlsx": write_xlsx}
"""Format name -> writer(pkg, folder, langs) returning [(file name, what it is)]."""
FORMATS = tuple(WRITERS)


# ----------------------------------------------------------------------------- the folder
def _check_target(out):
    """Refuse an output folder that holds anything the export did not write; say why, by file."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise DataError(f"{out} is not a folder: the export writes a folder and will not replace a file",
                        file=out, expected="a folder written by mali-caac export, or none")
    if not out.exists():
        return
    present = sorted(p.name for p in out.iterdir())
    if not present:
        return
    manifest = out / MANIFEST
    if not manifest.is_file():
        raise DataError(f"{out} holds files that mali-caac export did not write ({', '.join(present[:5])}"
                        f"{' ...' if len(present) > 5 else ''}) and no {MANIFEST}: choose an empty or new folder; "
                        "nothing was written", file=out, expected=f"an empty folder or one with {MANIFEST}")
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise DataError(f"{manifest}: not a manifest of mali-caac export; nothing was written", file=manifest,
                        expected="the JSON manifest mali-caac export writes") from None
    foreign = [p for p in present if p != MANIFEST and p not in listed]
    changed = [p for p in present if p in listed and (not (out / p).is_file() or sha256(out / p) != listed[p])]
    if foreign or changed:
        what = ([f"not written by the export: {', '.join(foreign)}"] if foreign else []) + \
               ([f"changed since the export wrote it: {', '.join(changed)}"] if changed else [])
        raise DataError(f"{out} holds files the export would lose ({'; '.join(what)}): move them or choose another "
                        "folder; nothing was written", file=out, expected="only the files of the last export")


def export(fmt, out, langs=LANGS, data=None):
    """Write the package in format ``fmt`` (:data:`FORMATS`) into folder ``out``; return the paths written.

    The files are written into a temporary folder beside ``out``, then renamed
    into place: ``out`` is the complete new export, or untouched if anything fails.
    """
    if fmt not in WRITERS:
        raise DataError(f"unknown export format {fmt!r}; the formats are: {', '.join(FORMATS)}", field="format",
                        expected=" or ".join(FORMATS), found=fmt)
    langs = tuple(dict.fromkeys(langs or LANGS))
    for lang in langs:
        if lang not in LANGS:
            raise DataError(f"lang must be one of {LANGS}, not {lang!r}", field="lang", found=lang)
    pkg = open_package(data)
    out = Path(out)
    _check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp{os.getpid()}"
    old = out.parent / f".{out.name}.old{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        files = WRITERS[fmt](pkg, tmp, langs)
        meta = metadata(pkg)
        meta["format"] = fmt
        meta["files"] = [{"name": name, "description": what} for name, what in files]
        files += [("metadata.json", "this description, machine-readable (the fields HDX asks for)"),
                  ("README.md", "this description"),
                  (MANIFEST, "the files mali-caac export wrote here, with their sha256")]
        (tmp / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (tmp / "README.md").write_text(_readme_md(meta, files), encoding="utf-8")
        listed = {name: sha256(tmp / name) for name, _ in files if name != MANIFEST}
        (tmp / MANIFEST).write_text(json.dumps({"written_by": "mali-caac export", "format": fmt,
                                                "data_version": meta["version"], "files": listed},
                                               indent=2) + "\n", encoding="utf-8")
        _check_target(out)  # again: nothing appeared meanwhile
        if out.exists():
            os.replace(out, old)
        try:
            os.replace(tmp, out)
        except OSError:
            if old.exists():
                os.replace(old, out)
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return [out / name for name, _ in files]
