"""``make site``: the published report, in English and French, built offline with Sphinx from the executed notebooks.

What it reads
    The notebooks that ``make figures`` executed (``build/<lang>/<section>.ipynb``,
    never executed again: ``nb_execution_mode = "off"``), the figures they saved
    (``figures/<lang>/``), the teaching notebooks (``notebooks/teaching/``, when
    present), the data package (through :func:`mali_caac.package.open_package`),
    the glossary (``site/glossary.csv``), ``CITATION.cff`` when present, and
    Sphinx's configuration ``site/conf.py``.

What it writes
    ``build/site/en/`` and ``build/site/fr/`` (open ``build/site/index.html``):
    a page per section, its figures numbered with caption, source, alt text,
    glossary terms and download links; a page per dataset; the sources; the
    discrepancy register; a glossary; how to cite; Sphinx's offline search.

How
    Each language is staged into a scratch Sphinx source folder and built with
    ``sphinx-build -W --keep-going`` (a warning fails the build), both at once.
    The new site replaces the last good one only when every step succeeded.
    The build is skipped when the sha256 of everything it reads is the one the
    last good site records (``build/site/.key``).
"""
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from . import bundles, printing
from .build import ROOT, LIBRARY, _show, plan, tree_hash, up_to_date
from .figure_files import figure_ids_in, read_figure
from .i18n import LANGS, number, t, typeset
from .package import atomic_write, open_package, sha256
from .release import dataset_citation as release_citation
from .site_pages import (SITE, ZIP_NAME, SiteError, _esc, _label, cite_page, dataset_page,  # noqa: F401
                         dataset_titles, datasets_index, glossary_page, read_glossary, register_page, sources_page)
from .translation import LOCALES, check_catalogue, translate_notebook, translate_page

TEACHING = "teaching"
"""The folder of the teaching notebooks, under the notebooks folder."""
FIGURE_FILES = ("png", "svg", "pdf", "csv", "md")
"""The files of a figure offered for download, when they exist (the PNG is the one shown)."""
AUTONYMS = {"en": "English", "fr": "Français"}
"""Each language named in itself, for the link to the other language's site."""


# ----------------------------------------------------------------------------- inputs
def executed_notebooks(figures_dir=None, build_dir=None, data=None):
    """{lang: [(section, executed notebook)]} and the figures folder of the build that ran them.

    Raises :class:`SiteError` when a notebook has not been executed, or was executed from other inputs
    than today's (notebook, catalogue, data, library): the site would show stale figures.
    """
    jobs = plan(figures_dir=figures_dir, build_dir=build_dir, data_dir=data)
    stale = [j for j in jobs if not up_to_date(j)]
    if stale:
        shown = ", ".join(_show(j.executed) for j in stale[:4]) + (f" and {len(stale) - 4} more" if len(stale) > 4 else "")
        raise SiteError(f"the site is built from the notebooks that `make figures` executes; {shown} "
                        f"{'is' if len(stale) == 1 else 'are'} missing or out of date: run `make figures` first")
    found = {lang: [(j.section, j.executed) for j in jobs if j.lang == lang] for lang in LANGS}
    return found, jobs[0].figures


def _teaching_in(nb, path, rel, lang, scratch):
    """A teaching notebook in ``lang``: its prose from its catalogue (:func:`mali_caac.translation.translate_notebook`,
    the one route of the sections, exercises and pages, which keeps admonitions' content, the answers, as messages)
    and run with ``lang`` so that every glued number is written as ``lang`` writes it (1 764, not 1,764)."""
    from . import teaching

    name = Path(rel).stem
    translated = translate_notebook(nb, Path(rel).as_posix(), lang)
    return nbformat_read(teaching.execute(translated, lang, Path(scratch) / f".{name}.{lang}.ipynb"))


def nbformat_read(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    Path(path).unlink()
    return nb


def teaching_notebooks(lang, notebooks=None):
    """The teaching notebooks for ``lang``: [(path in the site, file, translate?)], sorted.

    A notebook kept per language (``teaching/<lang>/x.ipynb`` or ``teaching/x.<lang>.ipynb``) is used as it is;
    any other is shown in every language, its prose translated from its catalogue.
    """
    folder = Path(notebooks or ROOT / "notebooks") / TEACHING
    found = []
    for path in sorted(folder.rglob("*.ipynb")) if folder.is_dir() else []:
        rel = path.relative_to(folder)
        if ".ipynb_checkpoints" in rel.parts or rel.name.startswith("."):
            continue
        marks = set(rel.parts[:-1]) | ({rel.suffixes[-2].lstrip(".")} if len(rel.suffixes) > 1 else set())
        langs = marks & set(LANGS)
        if langs and lang not in langs:
            continue
        name = Path(*[p for p in rel.parts[:-1] if p not in LANGS], rel.name.replace(f".{lang}.ipynb", ".ipynb"))
        found.append((Path(TEACHING) / name, path, not langs))
    return found


# ----------------------------------------------------------------------------- notebooks as pages
def _first_line(source):
    return (source.strip().splitlines() or [""])[0][:80]


def check_outputs(nb, name):
    """Refuse a notebook whose run failed: the message names it, its cell and the error."""
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                raise SiteError(f"{name}, cell {index} (`{_first_line(cell.source)}`) raised {out.get('ename')}: "
                                f"{out.get('evalue')}; fix the notebook and run `make figures`")


def svg_text(path):
    """The text a figure's SVG shows (its <text> elements, joined by spaces)."""
    path = Path(path)
    if not path.exists():
        return ""
    return " ".join(html.unescape(m) for m in re.findall(r"<text[^>]*>([^<]*)</text>", path.read_text(encoding="utf-8")))


def figure_terms(figures, lang, fid, glossary):
    """The glossary's names (acronyms, parties, symbols: terms with a capital) that the figure's labels show
    (its SVG text), in glossary order."""
    shown = svg_text(figures / lang / f"{fid}.svg")
    return [e[f"term_{lang}"] for e in glossary
            if _named(e[f"term_{lang}"]) and re.search(rf"(?<![\w-]){re.escape(e[f'term_{lang}'])}(?![\w-])", shown)]


_ACRONYM = re.compile(r"(?<![\w/.-])([A-ZÀ-Ý][A-Za-zÀ-ÿ]*[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9]*(?:-[A-ZÀ-Ý0-9][A-Za-zÀ-ÿ0-9]*)*)(?![\w-])(?!\.[A-Za-z])")
_UN_SYMBOL = re.compile(r"(?<![\w/])[AS]/(?:AC\.\d+/)?\d{2,4}/\d+(?![\w/])")
_ROMAN = re.compile(r"^[IVX]+$")
NOT_TERMS = frozenset({"CC", "BY", "PNG", "SVG", "PDF", "CSV", "JSON", "RIS", "HTML", "URL", "ISO", "MIT", "README",
                       "BibTeX", "ID", "DOI", "TIFF", "HXL", "CSL", "ASCII", "BCP", "DD", "MM", "YYYY", "NaN", "NA",
                       "ML", "MLI"})
"""Capitals that name the site's own files, licences and formats (dates, language tags, pandas' missing value,
Mali's ISO 3166 codes), not a term of the report."""


def shown_acronyms(text, terms=()):
    """The acronyms (two capitals or more, mostly capitals: ``FAMa``, ``CMFPR-II``) and UN document symbols
    (``S/2020/1105``) that ``text`` shows and that ``terms`` does not hold, sorted. A hyphenated name that is
    not a term is checked part by part (``MAA-Plateforme``: ``MAA``); ``FY2020`` is ``FY``. A name joined to
    letters by a dot is a file or a pattern, not an acronym (``CURATION.md``, ``MAJOR.MINOR.PATCH``)."""
    terms = set(terms)
    found = set(_UN_SYMBOL.findall(text))
    for token in _ACRONYM.findall(text):
        if token in terms:
            continue
        for part in token.split("-") if "-" in token else [token]:
            part = re.sub(r"(?<=[A-Z])\d{4}$", "", part)  # FY2020
            letters = [c for c in part if c.isalpha()]
            caps = sum(c.isupper() for c in letters)
            if caps >= 2 and caps * 2 >= len(letters) and not _ROMAN.match(part) and part not in NOT_TERMS:
                found.add(part)
    return sorted(found - terms)


def _named(term):
    """A proper name or an acronym (``FAMa``, ``Platform``, ``S/2020/1105``), not a common word (``verified``)."""
    return any(c.isupper() for c in term)


def figure_markdown(figures, lang, fid, glossary):
    """The MyST figure of a saved figure: numbered, with caption, source, alt text, terms and downloads."""
    title, paragraphs, alt = read_figure(figures, lang, fid)
    files = [ext for ext in FIGURE_FILES if (figures / lang / f"{fid}.{ext}").exists()]
    label = {"csv": t("site.figure_data", lang), "md": t("site.caption_rows", lang)}
    downloads = " · ".join(f"{{download}}`{label.get(ext, ext.upper())} <_figures/{fid}.{ext}>`" for ext in files)
    downloads += " · " + bundles.link(fid, lang)  # the figure's bundle, staged by stage() (mali_caac.bundles)
    legend = list(paragraphs) + [f"{_label('site.files', lang)} {downloads}"]
    terms = figure_terms(figures, lang, fid, glossary)
    if terms:
        legend.append(f"{_label('site.terms', lang)} " + ", ".join(f"{{term}}`{term}`" for term in terms))
    alt = alt.replace("\n", " ")
    return "\n".join([f":::{{figure}} _figures/{fid}.png", f":name: fig-{fid}", f":alt: {alt}", ":width: 100%", "",
                      title, "", *[p + "\n" for p in legend], ":::"])


PARAMETER_TAGS = frozenset({"parameters", "injected-parameters"})
"""The tags of the notebook's own parameter cell and of papermill's: never on a published page."""


def fold(cell, lang, recipe=True):
    """Fold a code cell (its code and its output) behind a labelled toggle, open in one click (myst-nb's
    ``hide-cell``, a <details> element): "Show how this figure is made" for a figure's recipe."""
    tags = [tag for tag in cell.metadata.get("tags", []) if tag not in ("hide-input", "hide-output")]
    cell.metadata["tags"] = tags + ([] if "hide-cell" in tags else ["hide-cell"])
    show, hide = ("site.show_recipe", "site.hide_recipe") if recipe else ("site.show_code", "site.hide_code")
    cell.metadata["mystnb"] = {"code_prompt_show": t(show, lang), "code_prompt_hide": t(hide, lang)}
    return cell


def section_terms(terms, lang):
    """The Markdown of a section's glossary links: every term its figures show, once, in order."""
    if not terms:
        return ""
    return f"**{_label('site.section_terms', lang)}** " + ", ".join(f"{{term}}`{term}`" for term in dict.fromkeys(terms))


def notebook_page(nb, lang, figures, glossary, name):
    """A notebook as a page that reads as a report: the prose and each figure first, its recipe folded.

    The parameter cells (the notebook's own and papermill's) are dropped. Each figure a code cell saves is
    shown as its saved file, numbered, in the cell's place; the cell (its code and the table of the rows it
    draws) follows, folded behind "Show how this figure is made". Its inline preview, and its Markdown output
    that repeats the figure's title, give way to the figure. The page ends with the glossary terms its
    figures show.
    """
    import nbformat

    check_outputs(nb, name)
    known = {p.stem for p in (figures / lang).glob("*.png")}
    cells, used, terms = [], [], []
    for cell in nb.cells:
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        if PARAMETER_TAGS & set(cell.metadata.get("tags", [])):
            continue
        fids = figure_ids_in(cell.source, known)
        if not fids:
            cells.append(fold(cell, lang, recipe=False))
            continue
        titles = [read_figure(figures, lang, fid)[0] for fid in fids]

        def repeats(out):
            data = out.get("data", {})
            if any(k.startswith("image/") for k in data):
                return True
            md = data.get("text/markdown", "")
            return bool(md) and any(title in "".join(md) for title in titles)

        cell.outputs = [out for out in cell.get("outputs", []) if not repeats(out)]
        for fid in fids:
            cells.append(nbformat.v4.new_markdown_cell(figure_markdown(figures, lang, fid, glossary)))
            used.append(fid)
            terms += figure_terms(figures, lang, fid, glossary)
        cells.append(fold(cell, lang))
    if terms:
        cells.append(nbformat.v4.new_markdown_cell(section_terms(terms, lang)))
    nb.cells = cells
    return nb, used


# ----------------------------------------------------------------------------- generated pages
KEY_FIGURES = ("overview_totals", "overview_attribution", "overview_regions", "casualties_by_region",
               "recruitment_by_group", "overview_previous_report")
"""The figures the home page shows as thumbnails, each linking to its place in its section."""
THUMBS = "thumbs"
"""The folder of each language's site holding the figures' thumbnails (home page and gallery)."""
THUMB_WIDTH = 480
"""Thumbnails' width in pixels: sharp in a gallery column, a fraction of the full figure's weight."""


def dataset_citation():
    """How to cite the report's data set, as one line of text (the home page and the how-to-cite page)."""
    return release_citation(package=None, format="text")


def _figure_sections(executed_sections, figures, lang):
    """{figure id: section page} of the figures the sections show, in the report's order."""
    from .figures import figure_ids

    known = {p.stem for p in (figures / lang).glob("*.png")}
    return {fid: section for section in executed_sections for fid in figure_ids(section) if fid in known}


def _thumb_html(fid, section, figures, lang, prefix=""):
    title, _, alt = read_figure(figures, lang, fid)
    from docutils.nodes import make_id

    href = f"{prefix}{section}.html#{make_id(f'fig-{fid}')}"  # the figure's id as Sphinx writes it
    return (f'<figure class="mali-caac-thumb"><a href="{href}"><img src="{prefix}{THUMBS}/{fid}.png" '
            f'alt="{_esc(alt)}" width="{THUMB_WIDTH}"></a>'
            f'<figcaption><a href="{href}">{_esc(title)}</a></figcaption></figure>')


THUMB_CACHE = ROOT / "build" / ".thumbs"
"""Thumbnails already made, by the sha256 of their figure's PNG: decoding a 300-dpi PNG is the slow part."""


def thumbnails(figures, lang, fids, dest, cache=None):
    """Write a small PNG of each figure into ``dest`` (Pillow; the same figure gives the same bytes), made once
    per figure's content and kept in ``cache``."""
    from PIL import Image

    cache = Path(cache or THUMB_CACHE)
    cache.mkdir(parents=True, exist_ok=True)
    dest.mkdir(parents=True, exist_ok=True)
    for fid in fids:
        source = figures / lang / f"{fid}.png"
        kept = cache / f"{sha256(source)}-{THUMB_WIDTH}.png"
        if not kept.exists():
            with Image.open(source) as im:
                im = im.convert("RGB")
                im.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 4), Image.LANCZOS, reducing_gap=2.0)
                tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
                im.save(tmp, format="PNG")
                os.replace(tmp, kept)
        shutil.copyfile(kept, dest / f"{fid}.png")


def gallery_page(lang, where, figures):
    """Every figure as a thumbnail with its title, each linking to its figure in its section."""
    from .sections import SECTIONS

    lines = [f"# {t('site.gallery', lang)}", "", t("site.gallery_intro", lang), ""]
    for section in SECTIONS:
        fids = [fid for fid, s in where.items() if s == section]
        if not fids:
            continue
        lines += [f"## [{section_title(figures, lang, section)}]({section}.ipynb)", "", "```{raw} html",
                  '<div class="mali-caac-thumbs">', *[_thumb_html(fid, section, figures, lang) for fid in fids],
                  "</div>", "```", ""]
    return "\n".join(lines)


SECTION_TITLES = {}
"""{(lang, section): the title of its page}, filled while staging (the first heading of its notebook)."""


def section_title(figures, lang, section):
    return SECTION_TITLES.get((lang, section), section)


def index_page(lang, sections, teaching, figures=None, where=None, data=None):
    """The home page: the report's title, its headline findings (computed, :mod:`mali_caac.findings`), the key
    figures as thumbnails, what the data is, how to get it and how to cite it, then the contents."""
    from .findings import findings

    other = [x for x in LANGS if x != lang][0]
    switch = (f'```{{raw}} html\n<p><a href="../{other}/index.html" hreflang="{other}" lang="{other}">'
              f"{AUTONYMS[other]}</a></p>\n```\n")
    lines = [f"# {t('site.title', lang)}", "", switch, t("site.intro", lang), ""]
    lines += [printing.links(lang), ""]  # the printable report and exercises (mali_caac.printing), if printed here
    lines += [f"## {t('site.findings', lang)}", ""]
    for f in findings(lang, data):
        lines += [f"- {f.text} ({f.source})", ""]
    if figures is not None and where:
        keys = [fid for fid in KEY_FIGURES if fid in where]
        lines += [f"## {t('site.key_figures', lang)}", "", "```{raw} html", '<div class="mali-caac-thumbs">',
                  *[_thumb_html(fid, where[fid], figures, lang) for fid in keys], "</div>", "```", "",
                  f"[{t('site.all_figures', lang)}](gallery.md)", ""]
    pkg = open_package(data)
    tables = pkg.tables()
    rows = sum(len(pkg.records(r.name)) for r in tables)
    lines += [f"## {t('site.about_data', lang)}", "",
              typeset(t("site.about_data_text", lang).format(tables=len(tables), rows=number(rows, lang),
                                                             sources=len(pkg.records("sources"))), lang), "",
              f"## {t('site.get_data', lang)}", "",
              t("site.get_data_text", lang).format(zip=f"{{download}}`{t('site.whole_package', lang)} "
                                                         f"<_data/{ZIP_NAME}>`",
                                                   datasets=f"[{t('site.datasets', lang)}](datasets/index.md)"), "",
              "```python", "import mali_caac", 'gv = mali_caac.load("grave_violations")', "```", "",
              f"## {t('site.how_to_cite', lang)}", "", "```{raw} html", f'<p lang="en">{_esc(dataset_citation())}</p>',
              "```", "", t("site.cite_more", lang).format(page=f"[{t('site.cite', lang)}](cite.md)"), ""]
    toc = ["```{toctree}", f":caption: {t('site.sections', lang)}", ":maxdepth: 1", ":numbered: 1", "", *sections,
           "```", ""]
    if teaching:
        toc += ["```{toctree}", f":caption: {t('site.teaching', lang)}", ":maxdepth: 1", "", *teaching, "```", ""]
    toc += ["```{toctree}", f":caption: {t('site.reference', lang)}", ":maxdepth: 1", "",
            "gallery", "datasets/index", "sources", "discrepancies", "glossary", "cite", "```", ""]
    return "\n".join(lines + toc)


# ----------------------------------------------------------------------------- staging
def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def data_zip(pkg, dest):
    """The whole data package as a zip, with fixed dates so the same data gives the same bytes."""
    folder = pkg.folder
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for p in files:
            info = zipfile.ZipInfo(f"mali-caac-data/{p.relative_to(folder).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            z.writestr(info, p.read_bytes())


def stage(lang, src, executed, figures, notebooks=None, data=None):
    """Write the Sphinx source folder of ``lang`` into ``src``."""
    import nbformat

    from .citation import cite

    pkg = open_package(data)
    glossary = read_glossary()
    src.mkdir(parents=True, exist_ok=True)
    sections = []
    for section, path in executed[lang]:
        name = _show(path)
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:
            raise SiteError(f"{name}: not a readable notebook ({exc}); run `make figures`") from None
        heading = next((c.source.lstrip().splitlines()[0] for c in nb.cells if c.cell_type == "markdown"
                        and c.source.lstrip().startswith("# ")), f"# {section}")
        SECTION_TITLES[(lang, section)] = heading[2:].strip()
        page, used = notebook_page(nb, lang, figures, glossary, name)
        for fid in used:
            for ext in FIGURE_FILES:
                if (figures / lang / f"{fid}.{ext}").exists():
                    (src / "_figures").mkdir(exist_ok=True)
                    shutil.copyfile(figures / lang / f"{fid}.{ext}", src / "_figures" / f"{fid}.{ext}")
            bundles.write_bundle(figures, lang, fid, src / bundles.FOLDER, pkg)  # its zip (mali_caac.bundles)
        nbformat.write(page, src / f"{section}.ipynb")
        sections.append(section)
    teaching = []
    for rel, path, translate in teaching_notebooks(lang, notebooks):
        nb = nbformat.read(path, as_version=4)
        if translate and lang != "en":  # the exercises' answers computed and written in the page's language
            nb = _teaching_in(nb, path, rel, lang, src)
        check_outputs(nb, _show(path))
        nb = printing.exercises_page(nb, lang, rel)  # tables for people, links to the PDFs (mali_caac.printing)
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, src / rel)
        teaching.append(rel.with_suffix("").as_posix())
    note = Path(notebooks or ROOT / "notebooks") / TEACHING / "facilitator.md"
    if teaching and note.is_file():  # the facilitator's note, in the page's language
        text = translate_page(note.read_text(encoding="utf-8"), f"{TEACHING}/facilitator.md", lang)
        _write(src / TEACHING / "facilitator.md", text)
        teaching.append(f"{TEACHING}/facilitator")
    data_dir = src / "_data"
    data_dir.mkdir(exist_ok=True)
    titles = dataset_titles(pkg, lang)
    for name in pkg.datasets():
        res = pkg.resource(name)
        (data_dir / res.path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pkg.path(name), data_dir / res.path)
        _write(src / "datasets" / f"{name}.md", dataset_page(pkg, res, lang, titles[name]))
    for res in pkg.tables():
        if res.kind == "register":
            shutil.copyfile(pkg.path(res.name), data_dir / res.path)
    data_zip(pkg, data_dir / ZIP_NAME)
    _write(data_dir / "sources.bib", cite(data_dir=data, format="bibtex") + "\n")
    _write(data_dir / "sources.ris", cite(data_dir=data, format="ris") + "\n")
    if (ROOT / "CITATION.cff").exists():
        shutil.copyfile(ROOT / "CITATION.cff", data_dir / "CITATION.cff")
    _write(src / "datasets" / "index.md", datasets_index(pkg, lang))
    _write(src / "sources.md", sources_page(pkg, lang))
    _write(src / "discrepancies.md", register_page(pkg, lang))
    _write(src / "glossary.md", glossary_page(glossary, lang))
    _write(src / "cite.md", cite_page(lang, data))
    where = _figure_sections(sections, figures, lang)
    thumbnails(figures, lang, list(where), src.parent.parent / "extra" / lang / THUMBS)
    _write(src / "gallery.md", gallery_page(lang, where, figures))
    _write(src / "index.md", index_page(lang, sections, teaching, figures, where, data))


CHOOSER = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Grave violations against children in Mali · Violations graves commises contre des enfants au Mali</title>
<style>body{font-family:sans-serif;max-width:40em;margin:4em auto;padding:0 1em;line-height:1.5}a{font-size:1.3em}</style>
</head>
<body><main>
<h1><span lang="en">Grave violations against children in Mali</span><br>Violations graves commises contre des enfants au Mali</h1>
<p><a href="en/index.html" hreflang="en" lang="en">English</a></p>
<p><a href="fr/index.html" hreflang="fr">Français</a></p>
</main></body>
</html>
"""
"""The language choice at the top of the site."""


# ----------------------------------------------------------------------------- the build
def site_key(executed, figures, notebooks=None, data=None):
    """sha256 of everything the site reads: executed notebooks, figures, teaching notebooks, data, glossary,
    configuration, catalogues, CITATION.cff and the library."""
    from .package import default_folder

    digest = hashlib.sha256()
    for lang in LANGS:
        for section, path in executed[lang]:
            digest.update(f"{lang}/{section} {sha256(path)}\n".encode())
    teaching = Path(notebooks or ROOT / "notebooks") / TEACHING
    for folder in (figures, Path(data or default_folder()), SITE, LOCALES, LIBRARY, teaching):
        digest.update(f"{folder.name} {tree_hash(folder) if folder.is_dir() else '-'}\n".encode())
    cff = ROOT / "CITATION.cff"
    digest.update(f"cff {sha256(cff) if cff.exists() else '-'}\n".encode())
    digest.update(f"pdfs {printing.available()[0]}\n".encode())  # Chromium installed since: print the PDFs
    return digest.hexdigest()


MANIFEST = ".manifest.json"
"""The record of what the last good build wrote: {file under the site: [size, sha256]}."""


def manifest(site):
    """{relative path: [size, sha256]} of every file of a built site but its own records (``.key``, the manifest)."""
    return {p.relative_to(site).as_posix(): [p.stat().st_size, sha256(p)] for p in sorted(Path(site).rglob("*"))
            if p.is_file() and p.name not in (".key", MANIFEST)}


def changed_outputs(site):
    """The files of a built site that are missing, changed, or not written by its build (sorted); [] if none.

    A site without its manifest counts as changed as a whole."""
    site = Path(site)
    try:
        recorded = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [MANIFEST]
    found = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file() and p.name not in (".key", MANIFEST)}
    changed = [rel for rel, (size, digest) in recorded.items()
               if rel not in found or found[rel].stat().st_size != size or sha256(found[rel]) != digest]
    return sorted(changed + [rel for rel in found if rel not in recorded])


_NAMELESS_TOGGLE = re.compile(r'(<details(?: open="open")?>)<summary>(?=<span class="toctree-toggle" role="presentation">)')
_ENGLISH_TOGGLE_LABEL = ' aria-label="Toggle hidden content"'


def accessible_pages(folder, lang):
    """Name what the theme leaves nameless, in the page's language: the sidebar's toggles of sub-pages get a
    label, and myst-nb's folded cells lose their English aria-label so that their visible label names them."""
    label = html.escape(t("site.subpages", lang), quote=True)
    for page in Path(folder).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = _NAMELESS_TOGGLE.sub(rf'\1<summary aria-label="{label}">', text).replace(_ENGLISH_TOGGLE_LABEL, "")
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def _sphinx(lang, src, out, doctrees):
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-c", str(SITE),
           "-D", f"language={lang}", "-D", f"nb_code_prompt_show={t('site.show_cell', lang)}",
           "-D", f"nb_code_prompt_hide={t('site.hide_cell', lang)}",
           "-D", f"project={t('site.title', lang)}", "-D", f"html_title={t('site.title', lang)}",
           "-D", f"author={t('site.author', lang)}", "-D", f"copyright={t('site.copyright', lang)}"]
    extra = Path(src).parent.parent / "extra" / lang  # the figures' thumbnails (stage), copied as they are
    if extra.is_dir():
        cmd += ["-D", f"html_extra_path={extra}"]
    cmd += ["-d", str(doctrees), str(src), str(out)]
    env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            stdin=subprocess.DEVNULL)


def build_site(out=None, figures_dir=None, build_dir=None, notebooks=None, data=None, force=False, echo=print):
    """Build the site into ``out`` (default ``build/site``) unless it is up to date; returns the seconds taken.

    Raises :class:`SiteError` naming what failed (a notebook and its cell, a page and its warnings);
    the last good site is then left as it was.
    """
    started = time.perf_counter()
    out = Path(out or ROOT / "build" / "site").resolve()
    for po in sorted(LOCALES.rglob("*.po")):  # no English entry may reach a French page
        check_catalogue(po)
    executed, figures = executed_notebooks(figures_dir, build_dir, data)
    key = site_key(executed, figures, notebooks, data)
    if not force and (out / ".key").exists() and (out / ".key").read_text().strip() == key:
        changed = changed_outputs(out)
        if not changed:
            echo(f"mali-caac site: {_show(out)} is up to date")
            return time.perf_counter() - started
        echo(f"mali-caac site: {_show(out)}: {changed[0]}{f' and {len(changed) - 1} more' if len(changed) > 1 else ''} "
             f"changed or missing since the last build; rebuilding")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    try:
        procs = {}
        for lang in LANGS:
            stage(lang, work / "src" / lang, executed, figures, notebooks, data)
        echo(f"mali-caac site: building {', '.join(LANGS)} with Sphinx ...")
        for lang in LANGS:
            procs[lang] = _sphinx(lang, work / "src" / lang, work / "site" / lang, work / "doctrees" / lang)
        problems = []
        for lang, proc in procs.items():
            log, _ = proc.communicate()
            if proc.returncode:
                src = str(work / "src" / lang) + os.sep
                lines = [ln.replace(src, "") for ln in log.splitlines() if ln.strip()]
                problems.append(f"{lang}: sphinx-build failed (exit {proc.returncode}):\n    " + "\n    ".join(lines[-25:]))
        if problems:
            raise SiteError("the site was not built; the last good site is unchanged.\n  " + "\n  ".join(problems))
        site = work / "site"
        printing.build_site_downloads(work / "src", site, executed, figures, data, echo)  # bundles checked, PDFs
        atomic_write(site / "index.html", CHOOSER)
        for lang in LANGS:
            shutil.rmtree(site / lang / ".doctrees", ignore_errors=True)
            (site / lang / ".buildinfo").unlink(missing_ok=True)
            accessible_pages(site / lang, lang)
        atomic_write(site / MANIFEST, json.dumps(manifest(site), indent=0, sort_keys=True) + "\n")
        atomic_write(site / ".key", key + "\n")
        old = out.with_name(f".{out.name}.old{os.getpid()}")
        if out.exists():
            os.replace(out, old)
        os.replace(site, out)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = time.perf_counter() - started
    echo(f"mali-caac site: {_show(out)}/index.html in {seconds:.1f} s")
    return seconds
