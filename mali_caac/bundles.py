"""Figure bundles: one zip per figure and language, the way Our World in Data offers a chart's download.

A bundle holds what a reader needs to reuse one figure without the rest of the project: the figure as PNG,
SVG and PDF, the CSV of the values it draws (with the ids of the data rows each comes from), the caption file
(title, caption, alt text, and every row drawn with its source, paragraph and verbatim quote), a small
``metadata.json`` (id, title, language, sources with their paragraphs, licence, data version, how to cite)
and a ``README.md``, all in the figure's language.

Bundles are made from the committed figures (``figures/<lang>/``) when the site is built (``make site``,
:mod:`mali_caac.site`), into the site's scratch folder: they are not committed. The same figure files and
data give byte-identical zips (fixed dates and permissions, entries sorted, no timestamps in the text).
"""
import csv
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

from .build import BuildError
from .release import data_version

FILES = ("png", "svg", "pdf", "csv", "md")
"""The figure's own files a bundle holds, as ``figures/<lang>/`` has them (byte for byte)."""
FOLDER = "_bundles"
"""Where bundles are staged in a language's Sphinx source folder (the site links them with ``{download}``)."""
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
DATA_LICENCE = ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")
"""The licence of the figures and of the curated data (``data/datapackage.json``)."""

TEXT = {
    "download": ("Download all (zip)", "Tout télécharger (zip)"),
    "files": ("Files", "Fichiers"),
    "file.png": ("the figure, PNG (300 dpi)", "la figure, PNG (300 dpi)"),
    "file.svg": ("the figure, SVG (text kept as text)", "la figure, SVG (texte conservé en texte)"),
    "file.pdf": ("the figure, PDF (fonts embedded)", "la figure, PDF (polices incorporées)"),
    "file.csv": ("the {n} values drawn, with the ids of the data rows each comes from",
                 "les {n} valeurs représentées, avec les identifiants des lignes de données dont chacune provient"),
    "file.md": ("the caption, the alt text and the {n} data rows drawn, each with its source, paragraph and quote",
                "la légende, le texte de remplacement et les {n} lignes de données représentées, chacune avec sa "
                "source, son emplacement et sa citation"),
    "file.json": ("id, title, language, sources with their paragraphs, licence, data version, how to cite",
                  "identifiant, titre, langue, sources avec leurs paragraphes, licence, version des données, "
                  "comment citer"),
    "sources": ("Sources", "Sources"),
    "licence": ("Licence", "Licence"),
    "licence_text": ("The figure and the curated data: Creative Commons Attribution 4.0 (CC BY 4.0), {url}. "
                     "The quoted documents keep their own terms.",
                     "La figure et les données organisées : Creative Commons Attribution 4.0 (CC BY 4.0), {url}. "
                     "Les documents cités conservent leurs propres conditions."),
    "outside": ("Outside data drawn in this figure keeps its own licence: {items}.",
                "Les données extérieures représentées dans cette figure gardent leur propre licence : {items}."),
    "version": ("Data version", "Version des données"),
    "cite": ("How to cite", "Comment citer"),
    "cite_figure": ("The figure", "La figure"),
    "cite_dataset": ("The data set", "Le jeu de données"),
    "figure_ref": ("{authors} ({year}). “{title}”, figure {fid} ({language}). {project}, data version {version}. "
                   "CC BY 4.0. Data: {sources}.",
                   "{authors} ({year}). « {title} », figure {fid} ({language}). {project}, version des données "
                   "{version}. CC BY 4.0. Données : {sources}."),
    "dataset_ref": ("{authors} ({year}). {project} (version {version}) [data set]. CC BY 4.0.",
                    "{authors} ({year}). {project} (version {version}) [jeu de données]. CC BY 4.0."),
    "made": ("Made by `mali-caac site` from the figure files of figures/{lang}/ (the same bytes).",
             "Produit par `mali-caac site` à partir des fichiers de figures/{lang}/ (octets identiques)."),
}
"""The bundle's own words (README and citation), English then French."""


class BundleError(BuildError):
    """A figure that cannot be bundled: the message names the figure and the file."""


def _t(key, lang):
    from .i18n import LANGS, typeset

    return typeset(TEXT[key][LANGS.index(lang)], lang)


def name(fid, lang):
    """The bundle's file name: ``<figure id>-<lang>.zip`` (both languages can sit in one folder)."""
    return f"{fid}-{lang}.zip"


def link(fid, lang):
    """The MyST download link to the bundle, for the figure's place in a page (staged under ``_bundles/``)."""
    return f"{{download}}`{_t('download', lang)} <{FOLDER}/{name(fid, lang)}>`"


def _data_version(pkg):
    """(version, release date) of the data package (:func:`mali_caac.release.data_version`)."""
    return data_version(pkg)


def _split_row(line):
    """The cells of a Markdown table row, ``\\|`` kept as ``|``."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


def caption_parts(text):
    """(title, caption paragraphs, source line, rows) of a caption file: rows as lists of the seven cells
    (table, row_id, value, unit, source, locator, quote) of its table of rows drawn."""
    head = text.split("\n## ", 1)[0].strip().split("\n\n")
    title = head[0].lstrip("# ").strip()
    paragraphs = [p.strip() for p in head[1:] if p.strip()]
    source = next((p for p in paragraphs if re.match(r"Sources?\s?:", p)), "")
    rows = []
    table = [ln for ln in text.splitlines() if ln.startswith("| ")]
    for line in table[1:]:
        cells = _split_row(line)
        if len(cells) == 7:
            rows.append(cells)
    return title, [p for p in paragraphs if p != source], source, rows


def _csv_rows(data):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def _locators(pkg):
    """{row_id: locator as the data holds it (English)} of every table with row ids."""
    return {r["row_id"]: r["locator"] for res in pkg.tables()
            if {"row_id", "locator"} <= set(res.field_names) for r in pkg.records(res.name)}


def _sources_of(rows, svg_text, sources, lang, locators):
    """The sources a figure draws from, in order: each with its paragraphs (the locators of its rows, compacted
    and written as ``lang`` writes them), and the outside data whose name the figure shows (a map's boundaries)."""
    from .citation import _compact_parts, locator_text, source_name

    found = {}
    for row in rows:
        found.setdefault(row[4], []).append(locators.get(row[1], row[5]))
    for sid, src in sources.items():  # outside data named in the figure itself (its attribution line)
        if src.get("kind") == "external" and sid not in found and src["short_name"] in svg_text:
            found[sid] = []
    out = []
    for sid, locs in found.items():
        src = sources.get(sid, {})
        parts = _compact_parts(locs)
        out.append({
            "source_id": sid, "name": source_name(src, lang) if src else sid, "title": src.get("title"),
            "publisher": src.get("publisher"), "date": src.get("date"), "url": src.get("url"),
            "kind": src.get("kind"), "licence": src.get("licence"),
            "paragraphs": [locator_text(p, lang) for p in parts],
        })
    return out


def _cff():
    """(authors, year, title) of the project, from ``CITATION.cff`` when present."""
    from .build import ROOT

    path = ROOT / "CITATION.cff"
    authors, year, title = "mali-caac contributors", None, "mali-caac"
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^title:\s*\"?(.*?)\"?\s*$", text, flags=re.M)
        title = m.group(1) if m else title
        m = re.search(r"^authors:\s*\n\s*-\s*name:\s*\"?(.*?)\"?\s*$", text, flags=re.M)
        authors = m.group(1) if m else authors
        m = re.search(r"^date-released:\s*'?(\d{4})", text, flags=re.M)
        year = m.group(1) if m else None
    return authors, year, title


def metadata(files, fid, lang, pkg):
    """The bundle's ``metadata.json`` as a dict, from the figure's file bytes ({ext: bytes})."""
    import html

    from .citation import _sources
    from .i18n import typeset

    title, paragraphs, source_line, rows = caption_parts(files["md"].decode("utf-8"))
    svg_text = " ".join(html.unescape(m) for m in re.findall(r">([^<>]+)</text>", files["svg"].decode("utf-8")))
    sources = _sources_of(rows, svg_text, _sources(pkg.folder), lang, _locators(pkg))
    version, date = _data_version(pkg)
    authors, year, project = _cff()
    date = str(date) if date else None  # a datetime.date from the releases' helper is written as ISO
    year = year or (date[:4] if date else ("n.d." if lang == "en" else "s. d."))
    outside = [s for s in sources if s["kind"] == "external"]
    language = {"en": "English", "fr": "français"}[lang]
    source_text = "; ".join(f"{s['name']}, {', '.join(s['paragraphs'])}" if s["paragraphs"] else s["name"]
                            for s in sources)
    cite = {
        "figure": typeset(TEXT["figure_ref"][0 if lang == "en" else 1].format(
            authors=authors, year=year, title=title, fid=fid, language=language, project=project,
            version=version, sources=source_text), lang),
        "dataset": typeset(TEXT["dataset_ref"][0 if lang == "en" else 1].format(
            authors=authors, year=year, project=project, version=version), lang),
    }
    return {
        "id": fid,
        "title": title,
        "language": lang,
        "caption": paragraphs,
        "source_line": source_line,
        "sources": sources,
        "rows_drawn": len(rows),
        "values_drawn": len(_csv_rows(files["csv"])),
        "licence": {"name": DATA_LICENCE[0], "path": DATA_LICENCE[1],
                    "note": "the figure and the curated data; the quoted documents keep their own terms",
                    "outside_data": [{"source_id": s["source_id"], "licence": s["licence"]} for s in outside]},
        "data_version": {"version": version, "date": date},
        "cite": cite,
        "files": {f"{fid}.{ext}": hashlib.sha256(files[ext]).hexdigest() for ext in FILES},
    }


def readme(meta, lang):
    """The bundle's README.md, in the figure's language."""
    from .i18n import typeset

    fid = meta["id"]
    lines = [f"# {meta['title']}", "", *[p + "\n" for p in meta["caption"]]]
    if meta["source_line"]:
        lines += [meta["source_line"], ""]
    counts = {"csv": meta["values_drawn"], "md": meta["rows_drawn"]}
    lines += [f"## {_t('files', lang)}", ""]
    for ext in FILES:
        lines.append(f"- `{fid}.{ext}`: " + _t(f"file.{ext}", lang).format(n=counts.get(ext, "")))
    lines += ["- `metadata.json`: " + _t("file.json", lang), "", f"## {_t('sources', lang)}", ""]
    for s in meta["sources"]:
        where = f", {', '.join(s['paragraphs'])}" if s["paragraphs"] else ""
        url = f" <{s['url']}>" if s.get("url") else ""
        lines.append(f"- {s['name']}{where}{url}")
    outside = [f"{s['source_id']} ({s['licence']})" for s in meta["licence"]["outside_data"]]
    lines += ["", f"## {_t('licence', lang)}", "", _t("licence_text", lang).format(url=DATA_LICENCE[1])]
    if outside:
        lines += ["", _t("outside", lang).format(items="; ".join(outside))]
    version = meta["data_version"]
    lines += ["", f"## {_t('version', lang)}", "",
              str(version["version"]) + (f" ({version['date']})" if version.get("date") else ""), "",
              f"## {_t('cite', lang)}", "", typeset(f"{_t('cite_figure', lang)}: ", lang) + meta["cite"]["figure"], "",
              typeset(f"{_t('cite_dataset', lang)}: ", lang) + meta["cite"]["dataset"], "", _t("made", lang).format(lang=lang), ""]
    return "\n".join(typeset(ln, lang) if ln.startswith("#") else ln for ln in lines)


def _entry(zf, arcname, data):
    info = zipfile.ZipInfo(arcname, date_time=ZIP_DATE)
    packed = arcname.endswith((".png", ".pdf"))  # already compressed: stored as they are
    info.compress_type = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
    info.external_attr, info.create_system = 0o644 << 16, 3
    zf.writestr(info, data, compresslevel=None if packed else 6)


def bundle_bytes(figures, lang, fid, pkg):
    """The bytes of the zip of figure ``fid`` in ``lang`` (files read from ``figures/<lang>/``).

    Raises :class:`BundleError` naming the figure and each file it lacks."""
    folder = Path(figures) / lang
    missing = [f"{fid}.{ext}" for ext in FILES if not (folder / f"{fid}.{ext}").is_file()]
    if missing:
        raise BundleError(f"figure {fid} ({lang}) has no bundle: {', '.join(missing)} missing from {folder}; "
                          "run `make figures`")
    files = {ext: (folder / f"{fid}.{ext}").read_bytes() for ext in FILES}
    meta = metadata(files, fid, lang, pkg)
    entries = {f"{fid}.{ext}": files[ext] for ext in FILES}
    entries["metadata.json"] = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    entries["README.md"] = readme(meta, lang).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for arcname in sorted(entries):
            _entry(zf, f"{fid}-{lang}/{arcname}", entries[arcname])
    return buf.getvalue()


def write_bundle(figures, lang, fid, dest, pkg):
    """Write the bundle of ``fid`` into the folder ``dest``; returns its path."""
    from .package import atomic_write

    path = Path(dest) / name(fid, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, bundle_bytes(figures, lang, fid, pkg))
    return path


def check_site(site, langs):
    """Every figure of the built site (``id="fig-<id>"``) links its bundle, and the bundle is there.

    Raises :class:`BundleError` naming each page and figure without one."""
    problems = []
    for lang in langs:
        root = Path(site) / lang
        for page in sorted(root.rglob("*.html")):
            if "_static" in page.parts:
                continue
            text = page.read_text(encoding="utf-8")
            where = f"{lang}/{page.relative_to(root).as_posix()}"
            for anchor, block in re.findall(r'<figure[^>]*\bid="fig-([\w-]+)"(.*?)</figure>', text, flags=re.S):
                hrefs = re.findall(rf'href="([^"]*/([\w-]+)-{lang}\.zip)"', block)
                if not hrefs:
                    problems.append(f"{where}: figure {anchor.replace('-', '_')} has no bundle link")
                elif not (page.parent / hrefs[0][0]).resolve().is_file():
                    problems.append(f"{where}: figure {hrefs[0][1]}'s bundle {hrefs[0][0]} is missing")
    if problems:
        raise BundleError("figures without a bundle:\n    " + "\n    ".join(problems))
