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

This module prints (Chromium through Playwright) and links the PDFs from the site's pages; the pages it prints
are made by :mod:`mali_caac.print_report` and :mod:`mali_caac.print_exercises`, over the shared parts of
:mod:`mali_caac.print_page`.
"""
import html
import os
import shutil
import tempfile
import time
from pathlib import Path

from .print_exercises import MAX_ROWS, _ids, _output_html, _rows_index, exercises_html, rows_table
from .print_page import PrintError, _esc, _t
from .print_report import report_html

CHROMIUM = Path(os.environ.get("MALI_CAAC_CHROMIUM", "/usr/bin/chromium"))
"""The Chromium that prints the PDFs (Debian's; ``MALI_CAAC_CHROMIUM`` points to another)."""
FOLDER = "_downloads"
"""Where the PDFs are, under each language's site folder: a fixed address the home page links to."""
KINDS = ("report", "exercises", "facilitator")


def pdf_name(kind, lang):
    """``report-en.pdf``, ``exercises-fr.pdf``, ``exercises-facilitator-fr.pdf``."""
    return {"report": f"report-{lang}.pdf", "exercises": f"exercises-{lang}.pdf",
            "facilitator": f"exercises-facilitator-{lang}.pdf"}[kind]


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
