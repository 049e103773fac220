"""The printable report and exercises: PDFs for readers and classes without a screen, built with the site.

Per language, ``make site`` (:mod:`mali_caac.site`) writes into ``build/site/<lang>/_downloads/``:

``report-<lang>.pdf``
    The whole report: a table of contents, every section's prose and its figures, numbered as on the site
    ("Figure 3.2") with title, caption and source line; the sources, the glossary and how to cite.
``exercises-<lang>.pdf``
    The students' hand-out: each exercise's question, the data rows it works on as a table for people (the
    value as the source prints it, the source, the paragraph and the quote) and room to answer; no answers,
    no code.
``exercises-facilitator-<lang>.pdf``
    The facilitator's copy: the facilitator's note, then the same exercises with their worked answers, every
    number in them computed by the executed notebook.

Each is a simple HTML page with print CSS (A4, page numbers in the footer), printed to PDF offline by
headless Chromium through Playwright (``page.pdf``). The pages are generated from the very files the site
is staged from (the executed notebooks, the saved figures, the executed and translated exercises, the
facilitator's note), so the PDFs say what the site says. Without Chromium or Playwright the site is built
without them and says so in one line; a PDF that fails to build fails the site, naming it.
"""
import html
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from .build import BuildError

CHROMIUM = Path(os.environ.get("MALI_CAAC_CHROMIUM", "/usr/bin/chromium"))
"""The Chromium that prints the PDFs (Debian's; ``MALI_CAAC_CHROMIUM`` points to another)."""
FOLDER = "_downloads"
"""Where the PDFs are, under each language's site folder: a fixed address the home page links to."""
KINDS = ("report", "exercises", "facilitator")


def pdf_name(kind, lang):
    """``report-en.pdf``, ``exercises-fr.pdf``, ``exercises-facilitator-fr.pdf``."""
    return {"report": f"report-{lang}.pdf", "exercises": f"exercises-{lang}.pdf",
            "facilitator": f"exercises-facilitator-{lang}.pdf"}[kind]


TEXT = {
    "contents": ("Contents", "Table des matières"),
    "figures": ("Figures", "Figures"),
    "figure": ("Figure", "Figure"),
    "sources": ("Sources", "Sources"),
    "glossary": ("Glossary", "Glossaire"),
    "cite": ("How to cite", "Comment citer"),
    "cite_report": ("This report and its data", "Ce rapport et ses données"),
    "cite_documents": ("The source documents", "Les documents sources"),
    "page": ("page", "page"),
    "data_version": ("Data version {version}. Every number is read from the data package, each row with its "
                     "source, paragraph and verbatim quote; the interactive version, the data and each figure's "
                     "files are on the site.",
                     "Version des données {version}. Chaque nombre est lu dans le paquet de données, chaque ligne "
                     "avec sa source, son paragraphe et sa citation textuelle ; la version interactive, les données "
                     "et les fichiers de chaque figure sont sur le site."),
    "source_table": ("Source", "Source"),
    "title": ("Title", "Titre"),
    "date": ("Date", "Date"),
    "licence": ("Terms", "Conditions"),
    "in_english": ("Document titles and quotes are given in the language of the document.",
                   "Les titres des documents et les citations sont donnés dans la langue du document."),
    "handout": ("Student hand-out", "Document de l’élève"),
    "facilitator": ("Facilitator’s copy, with the answers", "Exemplaire de l’animateur, avec les réponses"),
    "handout_intro": ("Each exercise gives a question and the rows of data it is about: each row with its value "
                      "as the source prints it, the source, the paragraph and the quote that prints it. Write "
                      "your answers in the space under each exercise. The same exercises, with the code that "
                      "selects the rows, are on the site.",
                      "Chaque exercice pose une question et donne les lignes de données qui la concernent : "
                      "chaque ligne avec sa valeur telle que la source l’imprime, la source, le paragraphe et la "
                      "citation qui l’imprime. Écrivez vos réponses dans l’espace prévu sous chaque exercice. Les "
                      "mêmes exercices, avec le code qui choisit les lignes, sont sur le site."),
    "facilitator_intro": ("The students’ hand-out is the same without the answers. Every number in an answer is "
                          "computed from the data by the exercises’ notebook.",
                          "Le document de l’élève est le même, sans les réponses. Chaque nombre d’une réponse est "
                          "calculé à partir des données par le carnet des exercices."),
    "answer": ("Answer", "Réponse"),
    "your_answer": ("Your answer", "Votre réponse"),
    "row": ("Row", "Ligne"),
    "what": ("What it counts", "Ce qui est compté"),
    "value": ("Value", "Valeur"),
    "printed": ("As printed", "Tel qu’imprimé"),
    "paragraph": ("Paragraph", "Paragraphe"),
    "quote": ("Quote", "Citation"),
    "verbatim": ("Quotes are verbatim, in the language of their source.",
                 "Les citations sont textuelles, dans la langue de leur source."),
    "not_stated": ("not stated", "non indiqué"),
    "total": ("total", "total"),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "more_rows": ("and {n} more rows (on the site)", "et {n} autres lignes (sur le site)"),
}
"""The printed pages' own words, English then French."""

MAX_ROWS = 40
"""Rows of one table printed for a class; the rest are counted and left to the site."""


class PrintError(BuildError):
    """A printable page or PDF that could not be made: the message names it."""


def _t(key, lang):
    from .i18n import LANGS, typeset

    return typeset(TEXT[key][LANGS.index(lang)], lang)


def available():
    """(True, '') when PDFs can be printed here, else (False, the reason in one line)."""
    if not CHROMIUM.exists():
        return False, f"no Chromium at {CHROMIUM} (apt-get install chromium, or set MALI_CAAC_CHROMIUM)"
    from importlib.util import find_spec  # not imported: the no-op site build asks too, and must stay quick

    for module in ("playwright", "pypdf"):
        if find_spec(module) is None:
            return False, f"{module} is not installed (pip install -e '.[site]')"
    return True, ""


def links(lang, depth=0, kinds=KINDS):
    """The download links to the PDFs of ``lang`` as a MyST raw-HTML block, for a page ``depth`` folders under
    the language's root (the home page: 0; the exercises: 1); empty when PDFs cannot be printed here."""
    if not available()[0]:
        return ""
    up = "../" * depth
    names = {"report": ("The report as PDF, to print", "Le rapport en PDF, à imprimer"),
             "exercises": ("The exercises, student hand-out (PDF)", "Les exercices, document de l’élève (PDF)"),
             "facilitator": ("The exercises with the answers, facilitator’s copy (PDF)",
                             "Les exercices avec les réponses, exemplaire de l’animateur (PDF)")}
    from .i18n import LANGS

    items = "".join(f'<li><a href="{up}{FOLDER}/{pdf_name(k, lang)}">{_esc(names[k][LANGS.index(lang)])}</a></li>'
                    for k in kinds)
    return f'```{{raw}} html\n<ul class="mali-caac-downloads">{items}</ul>\n```\n'


def exercises_page(nb, lang, rel):
    """The exercises' page on the site (``teaching/exercises``): the links to the printable copies under its
    title, and after each table of rows that a code cell shows, the same table for people as the hand-out prints
    (what each row counts, its value and as printed, the source, the paragraph and the whole quote); the
    notebook's own output stays one click away (``hide-output``). Other teaching pages are left as they are."""
    import nbformat

    if Path(rel).stem != "exercises" or not nb.cells:
        return nb
    from .package import open_package

    index = _rows_index(open_package())
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type != "code" or "hide-cell" in tags or "parameters" in tags:
            continue
        ids = _ids(_output_html(cell), index)
        if ids:
            cell.metadata["tags"] = [*tags, "hide-output"]
            cells.append(nbformat.v4.new_markdown_cell("```{raw} html\n" + rows_table(ids, index, lang, MAX_ROWS * 10)
                                                       + "\n```"))
    nb.cells = cells
    block = links(lang, depth=len(Path(rel).parts) - 1, kinds=("exercises", "facilitator"))
    if block:
        nb.cells.insert(1, nbformat.v4.new_markdown_cell(block))
    return nb


# ----------------------------------------------------------------------------- HTML pieces
def _md():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"typographer": False}).enable("table")


def markdown(text, lang=None):
    """Markdown as HTML (CommonMark with tables); MyST roles are shown as their text."""
    text = re.sub(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", text)
    return _md().render(text)


def _esc(value):
    return "" if value is None else html.escape(str(value))


def _css():
    from .build import LIBRARY

    fonts = Path(LIBRARY) / "fonts"
    faces = "".join(
        f"@font-face{{font-family:'Source Sans Pro';src:url('{(fonts / f).as_uri()}');{style}}}\n"
        for f, style in (("SourceSansPro-Regular.ttf", "font-weight:400;font-style:normal"),
                         ("SourceSansPro-Bold.ttf", "font-weight:700;font-style:normal"),
                         ("SourceSansPro-It.ttf", "font-weight:400;font-style:italic")))
    return faces + PRINT_CSS


PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
html { font-family: 'Source Sans Pro', 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
body { margin: 0; }
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 8pt; }
h2 { font-size: 15pt; margin: 0 0 6pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
h2.section { break-before: page; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
a { color: inherit; text-decoration: none; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover .sub { font-size: 13pt; color: #333; }
.cover .meta { font-size: 9.5pt; color: #444; margin-top: 18pt; max-width: 140mm; }
nav ol { list-style: none; padding: 0; margin: 0; }
nav li { display: flex; gap: 4pt; margin: 2pt 0; }
nav li .label { flex: 0 0 auto; }
nav li .dots { flex: 1 1 auto; border-bottom: 1pt dotted #999; margin-bottom: 4pt; }
nav li .page { flex: 0 0 auto; min-width: 14pt; text-align: right; }
nav li.fig { font-size: 9pt; color: #333; padding-left: 14pt; }
figure { break-inside: avoid; margin: 10pt 0 14pt; }
figure img { width: 100%; height: auto; max-height: 200mm; object-fit: contain; display: block; }
figcaption { font-size: 9pt; margin-top: 4pt; }
figcaption .num { font-weight: 700; }
figcaption .title { font-weight: 700; }
figcaption p { margin: 2pt 0; }
figcaption .source { color: #333; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4pt 0 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.quote { font-style: italic; min-width: 60mm; }
td.code, code { font-family: 'DejaVu Sans Mono', monospace; font-size: 7.5pt; white-space: nowrap; }
dl dt { font-weight: 700; margin-top: 5pt; break-after: avoid; }
dl dd { margin: 0 0 0 12pt; }
.note { font-size: 9pt; color: #333; }
.exercise { break-before: page; }
.exercise:first-of-type { break-before: auto; }
.answer { border-left: 3pt solid #0072B2; background: #f2f7fb; padding: 4pt 8pt; margin: 6pt 0; break-inside: avoid; }
.answer h3 { margin-top: 2pt; }
.room { border: 0.75pt solid #777; margin: 6pt 0 10pt; padding: 3pt 8pt 6pt; break-inside: avoid; }
.room .label { font-size: 8.5pt; color: #555; }
.room .line { height: 8mm; border-bottom: 0.5pt solid #bbb; }
.cite { padding-left: 12pt; text-indent: -12pt; }
"""


def page(title, body, lang):
    """A whole printable HTML page."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>{_esc(title)}</title>\n'
            f"<style>{_css()}</style></head>\n<body>\n{body}\n</body>\n</html>\n")


# ----------------------------------------------------------------------------- the report
def _figure_block(figures, lang, fid, number):
    from .bundles import caption_parts

    title, paragraphs, source, _ = caption_parts((figures / lang / f"{fid}.md").read_text(encoding="utf-8"))
    from .site import read_figure

    alt = read_figure(figures, lang, fid)[2]
    img = (figures / lang / f"{fid}.svg").resolve().as_uri()  # vector: sharp, small and quick to print
    caption = "".join(f"<p>{_esc(p)}</p>" for p in paragraphs)
    return (f'<figure id="fig-{fid}"><img src="{img}" alt="{_esc(alt)}">\n<figcaption><p><span class="num">'
            f'{_t("figure", lang)} {number}.</span> <span class="title">{_esc(title)}</span></p>{caption}'
            f'<p class="source">{_esc(source)}</p></figcaption></figure>')


def report_sections(lang, executed, figures):
    """[(number, title, html, [(figure number, figure id, title)])] of the sections, in the site's order."""
    import nbformat

    from .site import figure_ids_in, read_figure

    known = {p.stem for p in (figures / lang).glob("*.png")}
    out = []
    for number, (section, path) in enumerate(executed[lang], start=1):
        nb = nbformat.read(path, as_version=4)
        title, parts, figs = section, [], []
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                text = cell.source
                m = re.match(r"\s*#\s+(.+)", text)
                if m and title == section:
                    title, text = m.group(1).strip(), text[m.end():]
                parts.append(markdown(re.sub(r"(?m)^(#{1,4}) ", r"#\1 ", text)))  # one level under the section
            elif cell.cell_type == "code":
                for fid in figure_ids_in(cell.source, known):
                    fnum = f"{number}.{len(figs) + 1}"
                    figs.append((fnum, fid, read_figure(figures, lang, fid)[0]))
                    parts.append(_figure_block(figures, lang, fid, fnum))
        out.append((number, title, "\n".join(parts), figs))
    return out


def report_html(lang, executed, figures, data=None, pages=None):
    """The printable report of ``lang`` as HTML; ``pages`` ({anchor: page number}) fills the contents' page
    numbers (known after a first printing)."""
    from .bundles import _cff, _data_version
    from .citation import cite, locator_text
    from .i18n import t, typeset
    from .package import open_package
    from .site import read_glossary

    pkg = open_package(data)
    pages = pages or {}
    sections = report_sections(lang, executed, figures)
    version, _ = _data_version(pkg)
    n_sec = len(sections)
    back = [("sources", _t("sources", lang)), ("glossary", _t("glossary", lang)), ("cite", _t("cite", lang))]

    def entry(anchor, label, cls=""):
        num = pages.get(anchor, "")
        return (f'<li class="{cls}"><a href="#{anchor}" class="label">{label}</a><span class="dots"></span>'
                f'<span class="page">{num}</span></li>')

    toc = []
    for number, title, _, figs in sections:
        toc.append(entry(f"sec-{number}", f"{number}&nbsp;&nbsp;{_esc(title)}"))
        toc += [entry(f"fig-{fid}", f"{_t('figure', lang)} {fnum}. {_esc(ftitle)}", "fig") for fnum, fid, ftitle in figs]
    toc += [entry(a, f"{n_sec + i}&nbsp;&nbsp;{_esc(label)}") for i, (a, label) in enumerate(back, start=1)]
    body = [f'<section class="cover"><h1>{_esc(t("site.title", lang))}</h1>',
            f'<p class="sub">{_esc(t("site.intro", lang))}</p>',
            f'<p class="meta">{_esc(_t("data_version", lang).format(version=version))}</p></section>',
            f'<nav><h2 class="section" id="contents">{_t("contents", lang)}</h2><ol>{"".join(toc)}</ol></nav>']
    for number, title, content, _ in sections:
        body.append(f'<section><h2 class="section" id="sec-{number}">{number}&nbsp;&nbsp;{_esc(title)}</h2>'
                    f"\n{content}</section>")
    other = ' lang="en"' if lang != "en" else ""
    rows = []
    for s in pkg.records("sources"):
        rows.append(f"<tr><td>{_esc(s.get(f'name_{lang}') or s.get('name_en'))}</td><td{other}>{_esc(s.get('title'))}"
                    f"</td><td class=\"num\">{_esc(s.get('date'))}</td><td>{_esc(s.get('licence'))}</td></tr>")
    body.append(f'<section><h2 class="section" id="sources">{n_sec + 1}&nbsp;&nbsp;{_t("sources", lang)}</h2>'
                f'<p class="note">{_t("in_english", lang)}</p><table><thead><tr><th>{_t("source_table", lang)}</th>'
                f'<th>{_t("title", lang)}</th><th>{_t("date", lang)}</th><th>{_t("licence", lang)}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></section>')
    items = []
    for e in sorted(read_glossary(), key=lambda e: e[f"term_{lang}"].lower()):
        name = e[f"name_{lang}"]
        head = f"<b>{_esc(name)}</b>. " if name.lower() != e[f"term_{lang}"].lower() else ""
        where = f" ({_esc(e['source_id'])}, {_esc(locator_text(e['locator'], lang))})"
        items.append(f"<dt>{_esc(e[f'term_{lang}'])}</dt><dd>{head}{_esc(typeset(e[f'definition_{lang}'], lang))}"
                     f"{where}</dd>")
    body.append(f'<section><h2 class="section" id="glossary">{n_sec + 2}&nbsp;&nbsp;{_t("glossary", lang)}</h2>'
                f'<dl>{"".join(items)}</dl></section>')
    authors, year, project = _cff()
    from .bundles import TEXT as BT

    dataset = typeset(BT["dataset_ref"][0 if lang == "en" else 1].format(
        authors=authors, year=year or ("n.d." if lang == "en" else "s. d."), project=project, version=version), lang)
    refs = "".join(f'<p class="cite"{other}>{_esc(line)}</p>' for line in cite(data_dir=data).splitlines()
                   if line.strip())
    body.append(f'<section><h2 class="section" id="cite">{n_sec + 3}&nbsp;&nbsp;{_t("cite", lang)}</h2>'
                f'<h3>{_t("cite_report", lang)}</h3><p class="cite">{_esc(dataset)}</p>'
                f'<h3>{_t("cite_documents", lang)}</h3>{refs}</section>')
    return page(t("site.title", lang), "\n".join(body), lang)


# ----------------------------------------------------------------------------- the exercises
class _Table(__import__("html.parser").parser.HTMLParser):
    """The cells of the first HTML table of a notebook output: header rows and body rows, as text."""

    def __init__(self):
        super().__init__()
        self.head, self.body, self._row, self._cell, self._in = [], [], None, None, None

    def handle_starttag(self, tag, attrs):
        if tag in ("thead", "tbody"):
            self._in = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            (self.head if self._in == "thead" else self.body).append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _rows_index(pkg):
    """{row_id: (table, record, dimensions)} of every table with row ids."""
    index = {}
    for res in pkg.tables():
        if "row_id" in res.field_names:
            dims = [d for d in (res.dimensions or []) if d in res.field_names]
            for rec in pkg.records(res.name):
                index[rec["row_id"]] = (res.name, rec, dims)
    return index


def _label(dim, code, lang, as_html=False):
    """The label of a code in ``lang``; a code without one is kept as a code (in HTML, marked as such when
    ``as_html``)."""
    from .i18n import label

    try:
        text = label(dim, code, lang).replace("\n", " ")
    except (KeyError, ValueError):
        if not as_html:
            return str(code)
        is_code = re.fullmatch(r"[a-z0-9_]+", str(code)) and "_" in str(code)
        if is_code:
            return f"<code>{_esc(code)}</code>"
        # a value the data holds in English only (a place, who reported it): marked as English on other pages
        return _esc(code) if lang == "en" else f'<span lang="en">{_esc(code)}</span>'
    return _esc(text) if as_html else text


def _number_text(text, lang):
    """A number printed by pandas ('1764.0', '17.916667') as ``lang`` writes it (1,764 / 17.9)."""
    from .i18n import number

    try:
        value = float(text)
    except ValueError:
        return None
    if value != value:
        return _t("not_stated", lang)
    return number(value, lang, 0 if value == int(value) else 1)


def rows_table(ids, index, lang, max_rows=MAX_ROWS):
    """The rows ``ids`` as a table for people: what each counts, its value (in ``lang``) and as printed, the
    source, the paragraph and the verbatim quote."""
    from .citation import _sources, locator_text
    from .i18n import TEXT as WORDS
    from .i18n import number, t

    srcs = _sources()
    shown = ids[:max_rows]
    body = []
    for rid in shown:
        table, rec, dims = index[rid]
        what = [_label(d, rec[d], lang, as_html=True) for d in dims if rec.get(d) not in (None, "", "all")]
        for extra in ("measure", "reported_by", "event", "victim_group", "year", "place", "date"):
            if extra in rec and extra not in dims and rec[extra] not in (None, "", "all"):
                what.append(_label(extra, rec[extra], lang, as_html=True))
        what = what or [_esc(_t("total", lang))]
        qual = rec.get("qualifier")
        q = t(f"word.qualifier.{qual}", lang).strip() + " " if qual and f"word.qualifier.{qual}" in WORDS else ""
        unit = str(rec.get("unit") or "")
        unit_text = t(f"unit.{unit}", lang) if f"unit.{unit}" in WORDS else unit
        value = rec.get("value")
        value_text = "" if value is None else (q + number(value, lang) + (f" {unit_text}" if unit_text else ""))
        src = srcs.get(str(rec.get("source_id")), {})
        quote_lang = src.get("language") or "en"
        attr = f' lang="{quote_lang}"' if quote_lang != lang else ""
        body.append(f'<tr><td class="code">{_esc(rid)}</td><td>{", ".join(what)}</td>'
                    f'<td class="num">{_esc(value_text.strip())}</td><td{attr}>{_esc(rec.get("printed"))}</td>'
                    f'<td>{_esc(src.get(f"short_name_{lang}") or src.get("short_name") or rec.get("source_id"))}</td>'
                    f'<td>{_esc(locator_text(str(rec.get("locator") or ""), lang))}</td>'
                    f'<td class="quote"{attr}>“{_esc(rec.get("quote"))}”</td></tr>')
    more = f'<p class="note">{_t("more_rows", lang).format(n=len(ids) - len(shown))}</p>' if len(ids) > len(shown) else ""
    heads = "".join(f"<th>{_t(k, lang)}</th>" for k in ("row", "what", "value", "printed", "source_table",
                                                          "paragraph", "quote"))
    return f'<table class="rows"><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}'


def matched_rows(output_html, index):
    """The row ids of a printed table that shows no ids but each row's quote (shortened by pandas), source and
    value: every row must match one data row, else None."""
    parser = _Table()
    parser.feed(output_html)
    if not parser.head or not parser.body:
        return None
    head = parser.head[0]
    if "quote" not in head:
        return None
    col = {name: i for i, name in enumerate(head) if name}
    candidates = []
    for row in parser.body:
        cells = dict((name, row[i]) for name, i in col.items() if i < len(row))
        quote = re.sub(r"(\.\.\.|…)$", "", cells.get("quote", "")).strip()
        found = [rid for rid, (_, rec, _) in index.items()
                 if quote and str(rec.get("quote") or "").startswith(quote)
                 and ("source_id" not in cells or rec.get("source_id") == cells["source_id"])
                 and ("value" not in cells or _same_value(cells["value"], rec.get("value")))
                 and ("locator" not in cells or rec.get("locator") == cells["locator"])]
        if not found:
            return None
        candidates.append(found)
    tables = {}  # a figure restated in two tables: take the table the other rows come from
    for found in candidates:
        for table in {index[rid][0] for rid in found}:
            tables[table] = tables.get(table, 0) + 1
    return [min(found, key=lambda rid: -tables[index[rid][0]]) for found in candidates]


def _same_value(text, value):
    try:
        return value is not None and abs(float(text.replace(",", "")) - float(value)) < 1e-9
    except ValueError:
        return False


def _any_label(text, lang):
    """A code that a printed table shows (a violation, a region, an attribution) as ``lang`` writes it."""
    heads = {"value": "value", "quote": "quote", "locator": "paragraph", "source_id": "source_table"}
    if text in heads:
        return _t(heads[text], lang)
    for dim in ("violation", "region", "attribution", "perpetrator"):
        shown = _label(dim, text, lang)
        if shown != text:
            return shown
    return text


def plain_table(output_html, lang):
    """A table a notebook printed without row ids (a sum, a cross-table), numbers and codes as ``lang`` writes
    them."""
    parser = _Table()
    parser.feed(output_html)
    head = [r for r in parser.head if any(c for c in r)]
    cols = max((len(r) for r in parser.head + parser.body), default=0)

    def cell(text, tag="td"):
        num = _number_text(text, lang) if tag == "td" else None
        if num is not None:
            return f'<td class="num">{_esc(num)}</td>'
        return f"<{tag}>{_esc(_any_label(text, lang))}</{tag}>"

    body = [r + [""] * (cols - len(r)) for r in parser.body]
    head = [r + [""] * (cols - len(r)) for r in head[:1]]
    if body and all(re.fullmatch(r"\d+", r[0]) for r in body) and all(not h[0] for h in head):
        body, head = [r[1:] for r in body], [h[1:] for h in head]  # pandas' row numbers say nothing to a reader
    words = {"True": _t("yes", lang), "False": _t("no", lang)}
    body = [[words.get(c, c) for c in r] for r in body]
    thead = "".join("<tr>" + "".join(cell(c, "th") for c in r) + "</tr>" for r in head)
    tbody = "".join("<tr>" + "".join(cell(c) for c in r) + "</tr>" for r in body)
    return f"<table><thead>{thead}</thead><tbody>{tbody}</tbody></table>"


def _ids(output, index):
    """The data rows a printed table shows: by their ids, else matched by quote, source and value (or None)."""
    if not output:
        return None
    ids = [i for i in dict.fromkeys(re.findall(r">\s*([a-z]{2}-\d{3,4})\s*<", output)) if i in index]
    return ids or matched_rows(output, index)


def _output_html(cell):
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "text/html" in data:
            return "".join(data["text/html"])
    return ""


def _answer_text(source, glued):
    """The Markdown inside an answer's admonition, each ``{glue:text}`name``` replaced by its value."""
    lines = source.strip().splitlines()
    inner = [ln for ln in lines[1:-1] if not re.match(r"\s*:[\w-]+:", ln)]
    text = "\n".join(inner)

    def value(m):
        if m.group(1) not in glued:
            raise PrintError(f"exercises: the answer uses {m.group(1)!r}, which no cell glued")
        return glued[m.group(1)][0]

    return re.sub(r"\{glue:text\}`([^`]+)`", value, text)


def exercises_html(nb, lang, answers=False, facilitator=None):
    """The exercises of an executed notebook as a printable page: the hand-out (``answers=False``: questions,
    rows, room to answer) or the facilitator's copy (its note first, then the questions, rows and answers)."""
    from .package import open_package
    from .teaching import glued as read_glued

    pkg = open_package()
    index = _rows_index(pkg)
    glued = read_glued(nb)
    title = re.sub(r"^#\s+", "", nb.cells[0].source.strip().splitlines()[0]) if nb.cells else ""
    parts, current = [], None
    for cell in nb.cells[1:]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "markdown":
            src = cell.source.strip()
            if src.startswith("## "):
                if current:
                    parts.append(current)
                heading, _, rest = src.partition("\n")
                questions = len(re.findall(r"(?m)^\s*[-*] ", rest)) or 1
                current = {"heading": heading[3:].strip(), "html": [markdown(rest)], "questions": questions}
            elif src.startswith("```{raw}"):  # the site's own additions (exercises_page): tables, links
                continue
            elif src.startswith("```{admonition}") and current is not None:
                if answers:
                    current["html"].append(f'<div class="answer"><h3>{_t("answer", lang)}</h3>'
                                           f"{markdown(_answer_text(src, glued))}</div>")
                else:
                    lines = '<div class="line"></div>' * (2 + 3 * current["questions"])
                    current["html"].append(f'<div class="room"><span class="label">{_t("your_answer", lang)}</span>'
                                           f"{lines}</div>")
            elif current is not None:
                current["html"].append(markdown(src))
        elif cell.cell_type == "code" and current is not None and "hide-cell" not in tags \
                and "parameters" not in tags:
            output = _output_html(cell)
            if not output:
                continue
            ids = _ids(output, index)
            current["html"].append(rows_table(ids, index, lang) if ids else plain_table(output, lang))
    if current:
        parts.append(current)
    if not parts:
        raise PrintError("exercises: no exercise (a Markdown cell starting with '## ') found")
    kind = _t("facilitator" if answers else "handout", lang)
    body = [f"<h1>{_esc(title)}</h1>", f'<p class="sub"><b>{kind}</b></p>',
            f"<p>{_t('facilitator_intro' if answers else 'handout_intro', lang)}</p>",
            f'<p class="note">{_t("verbatim", lang)}</p>']
    if answers and facilitator:
        body.append('<section class="facilitator">' + markdown(re.sub(r"(?m)^# .*\n", "", facilitator, count=1))
                    + "</section>")
    for part in parts:
        body.append(f'<section class="exercise"><h2>{_esc(part["heading"])}</h2>{"".join(part["html"])}</section>')
    return page(f"{title}: {kind}", "\n".join(body), lang)


# ----------------------------------------------------------------------------- printing
FOOTER = ('<div style="font-family:sans-serif;font-size:8pt;color:#555;width:100%;padding:0 15mm;'
          'display:flex;justify-content:space-between"><span>{title}</span>'
          '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def _fonts_conf(work):
    """A fontconfig file that adds the figures' font (Source Sans Pro, shipped in ``mali_caac/fonts``) to the
    system's fonts, so that Chromium draws the SVG figures in the font they name."""
    from .build import LIBRARY

    conf = Path(work) / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                    f"  <dir>{html.escape(str(Path(LIBRARY) / 'fonts'))}</dir>\n"
                    f"  <cachedir>{html.escape(str(Path(work) / 'fontcache'))}</cachedir>\n</fontconfig>\n",
                    encoding="utf-8")
    return conf


def _print(browser, html_path, pdf_path, title):
    tab = browser.new_page()
    try:
        tab.goto(Path(html_path).resolve().as_uri(), wait_until="load")
        broken = tab.evaluate("[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
        if broken:
            raise PrintError(f"{Path(pdf_path).name}: {len(broken)} image(s) did not load, first {broken[0]}")
        tab.pdf(path=str(pdf_path), format="A4", print_background=True, display_header_footer=True,
                header_template="<span></span>", footer_template=FOOTER.format(title=_esc(title)),
                margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                outline=True, tagged=True)
    finally:
        tab.close()


def _anchor_pages(pdf_path):
    """{anchor: page number} of the headings and figures, read from the PDF's outline and named destinations."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_path))
    found = {}
    for name, dest in reader.named_destinations.items():
        try:
            found[str(name).lstrip("/")] = reader.get_destination_page_number(dest) + 1
        except Exception:  # noqa: BLE001 (a destination pypdf cannot resolve keeps no number)
            continue
    return found


def build_printables(src, out, langs, executed, figures, data=None, echo=print):
    """Print the report and the exercises of each language into ``out/<lang>/_downloads/``.

    ``src`` is the site's staging folder (``src/<lang>/teaching/`` holds the executed, translated exercises
    and the facilitator's note). Returns {path: seconds}, empty when PDFs cannot be printed here (one line
    says why). Raises :class:`PrintError` naming the PDF that failed."""
    ok, why = available()
    if not ok:
        echo(f"mali-caac site: PDFs skipped (report, exercises): {why}")
        return {}
    from concurrent.futures import ThreadPoolExecutor

    from playwright.sync_api import sync_playwright

    done = {}

    def run():  # in a thread of its own: Playwright's sync API refuses a thread that runs an event loop
        with sync_playwright() as p:
            _print_jobs(p, work, src, out, langs, executed, figures, data, done)

    work = Path(tempfile.mkdtemp(prefix=".print-", dir=Path(out).parent))
    try:
        with ThreadPoolExecutor(1) as pool:  # (a test session may hold a browser open in this thread)
            pool.submit(run).result()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return done


def build_site_downloads(src, site, executed, figures, data=None, echo=print):
    """The site's downloads beside Sphinx's pages, before the new site replaces the last good one: every
    figure's bundle checked (:func:`mali_caac.bundles.check_site`), then the PDFs printed (timed)."""
    from .bundles import check_site
    from .i18n import LANGS

    started, cpu = time.perf_counter(), _cpu()
    check_site(site, LANGS)
    done = build_printables(src, site, LANGS, executed, figures, data, echo)
    if done:  # CPU time too (this process, Playwright's driver and Chromium): the wall time depends on the load
        echo(f"mali-caac site: {len(done)} PDFs in {time.perf_counter() - started:.1f} s (CPU {_cpu() - cpu:.1f} s: "
             + ", ".join(f"{p.parent.parent.name}/{FOLDER}/{p.name}" for p in done) + ")")
    return done


def _cpu():
    """CPU seconds of this process and of its finished children (user + system)."""
    import resource

    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _print_jobs(p, work, src, out, langs, executed, figures, data, done):
    """Print every language's PDFs with Playwright ``p`` into ``out``; ``done`` gets {path: seconds}."""
    import nbformat
    from playwright.sync_api import Error as PlaywrightError

    from .i18n import t

    env = dict(os.environ, FONTCONFIG_FILE=str(_fonts_conf(work)))
    browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"], env=env)
    try:
        for lang in langs:
            dest = Path(out) / lang / FOLDER
            dest.mkdir(parents=True, exist_ok=True)
            jobs = []
            pages = {}
            jobs.append(("report", lambda lang=lang, pages=pages: report_html(
                lang, executed, figures, data, pages), t("site.title", lang)))
            teaching = Path(src) / lang / "teaching"
            if (teaching / "exercises.ipynb").is_file():
                nb = nbformat.read(teaching / "exercises.ipynb", as_version=4)
                note = (teaching / "facilitator.md").read_text(encoding="utf-8") \
                    if (teaching / "facilitator.md").is_file() else None
                jobs.append(("exercises", lambda nb=nb, lang=lang: exercises_html(nb, lang), _t("handout", lang)))
                jobs.append(("facilitator", lambda nb=nb, lang=lang, note=note: exercises_html(
                    nb, lang, answers=True, facilitator=note), _t("facilitator", lang)))
            for kind, make, title in jobs:
                started = time.perf_counter()
                target = dest / pdf_name(kind, lang)
                page_html = work / f"{kind}-{lang}.html"
                try:
                    page_html.write_text(make(), encoding="utf-8")
                    _print(browser, page_html, target, title)
                    if kind == "report":  # again, with the page numbers the first printing found
                        pages.update(_anchor_pages(target))
                        page_html.write_text(make(), encoding="utf-8")
                        _print(browser, page_html, target, title)
                except (PlaywrightError, OSError, PrintError) as exc:
                    raise PrintError(f"{lang}/{FOLDER}/{target.name} was not built: {exc}") from None
                done[target] = time.perf_counter() - started
    finally:
        browser.close()
