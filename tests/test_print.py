"""The printable report and exercises (issue 15, item 6), read back from the PDFs.

The PDFs are those of `make site` when it is up to date, else printed here (from the executed notebooks of
`make figures`, or from the notebooks themselves, translated, when there are none). Each has pages; the report
holds every figure's title with its number ("Figure 5.1.") and a contents page whose page numbers are right;
the students' hand-out holds the questions and rows but no answer; the facilitator's copy holds the answers.
"""
import re
import unicodedata
from pathlib import Path

import nbformat
import pytest

from mali_caac import print_page, printing, site, teaching
from mali_caac.build import ROOT, BuildError, plan
from mali_caac.i18n import LANGS

OK, WHY = printing.available()
if not OK:
    pytest.skip(f"PDF checks skipped: {WHY}", allow_module_level=True)
from pypdf import PdfReader  # noqa: E402 (only with the PDFs' tools)

FIGURES = ROOT / "figures"


def _executed(tmp):
    """{lang: [(section, executed notebook)]}: `make figures`' outputs where they exist, else the notebook,
    translated (the report reads only its prose and which figures each cell publishes)."""
    from mali_caac.translation import translate_notebook

    found = {lang: [] for lang in LANGS}
    for job in plan():
        path = job.executed
        if not Path(path).is_file():
            nb = nbformat.read(job.notebook, as_version=4)
            if job.lang != "en":
                nb = translate_notebook(nb, Path(job.notebook).name, job.lang)
            path = tmp / job.lang / f"{job.section}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, path)
        found[job.lang].append((job.section, path))
    return found


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """{(kind, lang): Path} of the six PDFs."""
    out = ROOT / "build" / "site"
    names = {(k, lang): printing.pdf_name(k, lang) for k in printing.KINDS for lang in LANGS}
    try:
        executed, figures = site.executed_notebooks()
        current = (out / ".key").is_file() and (out / ".key").read_text().strip() == site.site_key(executed, figures)
    except BuildError:
        current = False
    if current and all((out / lang / printing.FOLDER / n).is_file() for (k, lang), n in names.items()):
        return {key: out / key[1] / printing.FOLDER / n for key, n in names.items()}
    tmp = tmp_path_factory.mktemp("print")
    src = tmp / "src"
    for lang in LANGS:  # the teaching pages as the site stages them
        folder = src / lang / "teaching"
        folder.mkdir(parents=True)
        nb = nbformat.read(teaching.TEACHING / "exercises.ipynb", as_version=4)
        if lang == "en":
            nbformat.write(nb, folder / "exercises.ipynb")
            note = (teaching.TEACHING / "facilitator.md").read_text(encoding="utf-8")
        else:
            teaching.execute(teaching.translate("exercises", lang, source=nb), lang, folder / "exercises.ipynb")
            note = teaching.translate("facilitator", lang)
        (folder / "facilitator.md").write_text(note, encoding="utf-8")
    done = printing.build_printables(src, tmp / "site", LANGS, _executed(tmp), FIGURES, echo=lambda _: None)
    assert len(done) == 6
    return {key: tmp / "site" / key[1] / printing.FOLDER / n for key, n in names.items()}


def _pages(path):
    """The text of each page, its ligatures undone (NFKC: "ﬀ" is "ff") and its spaces plain and single."""
    return [_plain(p.extract_text() or "") for p in PdfReader(str(path)).pages]


def _plain(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def test_the_report_numbers_every_figure_and_its_contents_give_the_right_pages(pdfs):
    for lang in LANGS:
        pages = _pages(pdfs[("report", lang)])
        assert len(pages) > 20, lang
        text = " ".join(pages)
        numbered = re.findall(r"Figure (\d+)\.(\d+)\. ", text)
        assert numbered, lang
        for fid in sorted(p.stem for p in (FIGURES / lang).glob("*.md")):
            title = _plain(site.read_figure(FIGURES, lang, fid)[0])
            assert re.search(rf"Figure \d+\.\d+\. {re.escape(title)}", text), (lang, fid)
        heads = {"en": ("Contents", "Sources", "Glossary", "How to cite"),
                 "fr": ("Table des matières", "Sources", "Glossaire", "Comment citer")}[lang]
        contents = next(i for i, p in enumerate(pages) if p.strip().startswith(heads[0]))
        for head in heads[1:]:  # "10 Sources ..... 31": page 31 starts with "10 Sources"
            m = re.search(rf"(\d+) {head} [ .]*?(\d+)(?: |$)", pages[contents])
            assert m, (lang, head)
            assert pages[int(m.group(2)) - 1].strip().startswith(f"{m.group(1)} {head}"), (lang, head, m.group(0))


def _answers(lang):
    """The last words of each worked answer, as the facilitator's copy prints them."""
    nb = nbformat.read(teaching.TEACHING / "exercises.ipynb", as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("```{admonition}")]
    assert len(cells) >= 8
    return [_plain(re.sub(r"[`*]", "", c.strip().splitlines()[-2]))[-60:] for c in cells]


def test_the_hand_out_has_the_questions_and_rows_but_no_answers(pdfs):
    answers = _answers("en")
    for lang in LANGS:
        handout = " ".join(_pages(pdfs[("exercises", lang)]))
        facilitator = " ".join(_pages(pdfs[("facilitator", lang)]))
        words = {"en": ("Exercise 8", "Your answer", "Answer", "As printed"),
                 "fr": ("Exercice 8", "Votre réponse", "Réponse", "Tel qu’imprimé")}[lang]
        for text in (handout, facilitator):
            assert words[0] in text and words[3] in text and "gv-017" in text and "S/2020/1105" in text
            assert "mali_caac.select" not in text and "import " not in text  # the code stays on the site
            assert "<table" not in text and "{raw}" not in text  # the site's raw tables are not printed as text
        assert handout.count(words[1]) >= 8 and words[1] not in facilitator
        assert re.search(rf"(?<!{words[1].split()[0]} ){words[2]}\b", facilitator)
        if lang == "en":  # every answer in the facilitator's copy, none in the hand-out (a line may break
            tight = {k: t.replace(" ", "") for k, t in (("h", handout), ("f", facilitator))}  # after a hyphen)
            for end in answers:
                assert end.replace(" ", "") in tight["f"], end
                assert end.replace(" ", "") not in tight["h"], end
        else:  # the French answers write their numbers the French way (NFKC makes the narrow space plain)
            assert "1 764 violations graves" in facilitator and "1 764 violations graves" not in handout


def test_a_pdf_that_fails_is_named(tmp_path, monkeypatch):
    def broken(browser, html_path, pdf_path, title):
        raise printing.PrintError(f"{Path(pdf_path).name}: 1 image(s) did not load, first file:///x.svg")

    monkeypatch.setattr(printing, "_print", broken)
    monkeypatch.setattr(printing, "report_html", lambda *a, **k: "<html></html>")
    with pytest.raises(BuildError, match=r"^en/_downloads/report-en.pdf was not built: report-en.pdf: 1 image"):
        printing.build_printables(tmp_path / "src", tmp_path / "site", ["en"], {"en": []}, FIGURES,
                                  echo=lambda _: None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no scratch folder left


def test_without_chromium_the_site_says_the_pdfs_were_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "CHROMIUM", tmp_path / "no-chromium")
    said = []
    assert printing.build_printables(tmp_path, tmp_path / "site", LANGS, {}, FIGURES, echo=said.append) == {}
    assert said == [f"mali-caac site: PDFs skipped (report, exercises): no Chromium at {tmp_path / 'no-chromium'} "
                    "(apt-get install chromium, or set MALI_CAAC_CHROMIUM)"]
    assert printing.links("en") == ""  # and the home page does not link them


def test_a_failed_pdf_keeps_the_last_good_site(tmp_path, monkeypatch):
    """The whole build_site path, with Sphinx replaced by a stand-in that writes one page (fast)."""
    import subprocess
    import sys

    def fake_sphinx(lang, src, out, doctrees):
        return subprocess.Popen([sys.executable, "-c", f"import pathlib; p = pathlib.Path({str(out)!r}); "
                                 "p.mkdir(parents=True); (p / 'index.html').write_text('new')"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def failing(*args, **kwargs):
        raise printing.PrintError("fr/_downloads/report-fr.pdf was not built: Target crashed")

    nb = ROOT / "notebooks" / "attacks.ipynb"
    monkeypatch.setattr(site, "executed_notebooks", lambda *a, **k: ({lang: [("attacks", nb)] for lang in LANGS},
                                                                      FIGURES))
    monkeypatch.setattr(site, "_sphinx", fake_sphinx)
    monkeypatch.setattr(printing, "build_printables", failing)
    out = tmp_path / "site"
    (out / "en").mkdir(parents=True)
    (out / "en" / "index.html").write_text("the last good site")
    with pytest.raises(BuildError, match="report-fr.pdf was not built: Target crashed"):
        site.build_site(out=out, notebooks=tmp_path, echo=lambda _: None)
    assert (out / "en" / "index.html").read_text() == "the last good site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_pdfs_print_beside_a_browser_this_thread_holds(tmp_path, monkeypatch):
    """tests/test_site_browser.py keeps a browser open for its session; a PDF printed later in the same process
    was refused ("using Playwright Sync API inside the asyncio loop")."""
    from contextlib import ExitStack

    from playwright.sync_api import sync_playwright

    monkeypatch.setattr(printing, "report_html", lambda *a, **k: print_page.page("t", "<h1>A page</h1>", "en"))
    with ExitStack() as held:
        try:
            held.enter_context(sync_playwright())
        except Exception as exc:  # noqa: BLE001 (the browser test's own session already holds this thread)
            if "asyncio loop" not in str(exc):
                raise
        done = printing.build_printables(tmp_path / "src", tmp_path / "site", ["en"], {"en": []}, FIGURES,
                                         echo=lambda _: None)
    assert [p.name for p in done] == ["report-en.pdf"] and len(PdfReader(str(next(iter(done)))).pages) == 1
