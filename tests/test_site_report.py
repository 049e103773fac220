"""The published site reads as a report (issue 15): findings first, recipes folded, rows for people, a gallery,
a complete glossary, no machine's path, and a site build that checks what it built.

Without a browser and without building the whole site; tests/test_site_browser.py opens the built site.
"""
import json
import re

import nbformat
import pytest

from mali_caac import site
from mali_caac.build import ROOT, plan
from mali_caac.i18n import number, percent, t
from mali_caac.package import open_package

FIGURES = ROOT / "figures"
ABSOLUTE = re.compile(r"(^|[^A-Za-z0-9_.])/(tmp|work|home|root|Users)/")
"""An absolute path of a machine (Linux, macOS, a CI runner's scratch folder)."""


def _figure_notebook():
    params = nbformat.v4.new_code_cell('lang = "en"\noutput_dir = None', metadata={"tags": ["parameters"]})
    injected = nbformat.v4.new_code_cell('# Parameters\noutput_dir = "/home/someone/mali-caac/figures/en"\n',
                                         metadata={"tags": ["injected-parameters"]})
    setup = nbformat.v4.new_code_cell("params = setup(lang=lang, output_dir=output_dir)")
    code = nbformat.v4.new_code_cell('publish("recruitment_by_group", chart, params)')
    code.outputs = [nbformat.v4.new_output("display_data", {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}),
                    nbformat.v4.new_output("execute_result", {"text/html": "<table></table>"}, execution_count=1)]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title\n\nProse."), params, injected,
                                           setup, code])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_section_page_shows_prose_and_figure_first_and_folds_the_recipe(lang):
    page, used = site.notebook_page(_figure_notebook(), lang, FIGURES, site.read_glossary(), "recruitment.ipynb")
    kinds = [(c.cell_type, c.source.split("\n")[0]) for c in page.cells]
    assert not any("parameters" in c.metadata.get("tags", []) or "injected-parameters" in c.metadata.get("tags", [])
                   or "output_dir =" in c.source and c.cell_type == "code" and "setup(" not in c.source
                   for c in page.cells), kinds
    figure = next(i for i, c in enumerate(page.cells) if c.source.startswith(":::{figure}"))
    recipe = next(i for i, c in enumerate(page.cells) if "publish(" in c.source)
    assert figure < recipe  # the figure first, its recipe after it
    cell = page.cells[recipe]
    assert "hide-cell" in cell.metadata["tags"]
    assert cell.metadata["mystnb"]["code_prompt_show"] == t("site.show_recipe", lang)
    assert t("site.show_recipe", "fr") == "Voir comment cette figure est faite"
    assert [o["output_type"] for o in cell.outputs] == ["execute_result"]  # the rows stay, folded with the code
    assert "hide-cell" in page.cells[1].metadata["tags"]  # setup folded too, under "Show the code"
    assert page.cells[-1].source.startswith(f"**{site._label('site.section_terms', lang)}** ")
    assert "{term}`CMA`" in page.cells[-1].source


def test_builds_pass_the_figures_folder_as_a_relative_path():
    """papermill writes the injected output_dir into the executed notebook: a relative path, no machine's folder
    (it was `str(figures / lang)`, absolute)."""
    for job in plan():
        assert not ABSOLUTE.search(job.params["output_dir"]), job.params["output_dir"]
        assert (job.notebook.parent / job.params["output_dir"]).resolve() == (job.figures / job.lang).resolve()


def test_no_notebook_holds_a_machines_path():
    """The committed notebooks, and the executed ones of `make figures` when they exist."""
    found = []
    for folder in (ROOT / "notebooks", ROOT / "build" / "en", ROOT / "build" / "fr"):
        for path in sorted(folder.rglob("*.ipynb")) if folder.is_dir() else []:
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if ABSOLUTE.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    assert found == []


def test_the_path_check_bites():
    assert ABSOLUTE.search('output_dir = "/work/wt/x/figures/en"') and ABSOLUTE.search("C: /Users/ana/x")
    assert not ABSOLUTE.search('output_dir = "../figures/en"') and not ABSOLUTE.search("S/2020/1105")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_rows_table_is_written_for_people(lang):
    import pandas as pd

    from mali_caac import select
    from mali_caac.rows_table import rows_drawn

    gv = select("grave_violations")
    rows = pd.concat([gv[gv["row_id"].isin(["gv-001", "gv-098"])], gv[gv["qualifier"] == "at_least"].head(1)])
    shown = rows_drawn(rows.assign(table="grave_violations"), lang)
    page = shown._repr_html_()
    text = re.sub(r"<[^>]+>", " ", page)
    assert "1764.0" not in text and "exact" not in text and "row_id" not in text and "at_least" not in text
    assert ("1,764" if lang == "en" else "1\u202f764") in text  # as printed / as French writes it
    assert t("word.qualifier.at_least", lang).strip() in text
    for head in ("rows.value", "rows.unit", "rows.source", "rows.quote"):
        assert f">{t(head, lang)}" in page
    if lang == "fr":
        assert '<span lang="en">' in page and t("caption.verbatim_in", "fr").format(language="anglais") in text
        assert "par.\u00a012" in text
    assert "<details" in page  # a long quote opens whole on demand
    assert "1764.0" not in repr(shown) and "exact" not in repr(shown)
    assert shown["value"].sum() > 0 and type(shown.copy()).__name__ == "DataFrame"  # still a frame for code


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_finding_writes_the_numbers_of_its_rows(lang):
    from mali_caac.findings import findings

    pkg = open_package()
    records = {(tbl, r["row_id"]): r for tbl in ("grave_violations",) for r in pkg.records(tbl)}
    found = findings(lang)
    assert 3 <= len(found) <= 6
    for f in found:
        assert f.rows and f.source
        for key in f.rows:
            r = records[key]
            written = percent(r["value"], lang) if r["unit"] == "percent" else number(r["value"], lang)
            assert written.lower() in f.text.lower(), (written, f.text)


def test_the_home_page_has_findings_key_figures_data_citation_and_contents():
    where = site._figure_sections([s for s in ("overview", "recruitment", "killing")], FIGURES, "fr")
    page = site.index_page("fr", ["overview", "recruitment", "killing"], [], FIGURES, where)
    assert page.startswith(f"# {t('site.title', 'fr')}\n")
    for key in ("site.findings", "site.key_figures", "site.about_data", "site.get_data", "site.how_to_cite"):
        assert f"## {t(key, 'fr')}" in page
    assert page.count('<figure class="mali-caac-thumb">') >= 4
    assert 'href="overview.html#fig-overview-totals"' in page  # the id Sphinx gives :name: fig-overview_totals and 'src="thumbs/overview_totals.png"' in page
    assert site.dataset_citation() in page.replace("&#x27;", "'")


def test_the_gallery_shows_every_figure_linking_to_its_section():
    from mali_caac.sections import SECTIONS

    for lang in ("en", "fr"):
        where = site._figure_sections(SECTIONS, FIGURES, lang)
        page = site.gallery_page(lang, where, FIGURES)
        shown = set(re.findall(r'src="thumbs/([\w]+)\.png"', page))
        assert shown == {p.stem for p in (FIGURES / lang).glob("*.png")}
        for fid, section in where.items():
            assert f'href="{section}.html#fig-{fid.replace("_", "-")}"' in page


def test_a_glossary_term_without_a_source_is_named(tmp_path):
    text = (ROOT / "site" / "glossary.csv").read_text(encoding="utf-8").splitlines()
    text.append("XYZ,XYZ,Some group,Un groupe,A group.,Un groupe.,,")
    bad = tmp_path / "glossary.csv"
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(site.SiteError, match=rf"line {len(text)}, term 'XYZ': no source_id, locator"):
        site.read_glossary(bad)


def test_a_changed_or_missing_built_file_is_found(tmp_path):
    built = tmp_path / "site"
    (built / "en" / "_images").mkdir(parents=True)
    (built / "en" / "index.html").write_text("home")
    (built / "en" / "_images" / "a.png").write_bytes(b"png")
    (built / site.MANIFEST).write_text(json.dumps(site.manifest(built)))
    assert site.changed_outputs(built) == []
    (built / "en" / "_images" / "a.png").unlink()
    (built / "en" / "index.html").write_text("edited")
    (built / "en" / "new.html").write_text("?")
    assert site.changed_outputs(built) == ["en/_images/a.png", "en/index.html", "en/new.html"]


def test_make_site_rebuilds_a_site_whose_built_file_was_deleted(tmp_path, monkeypatch):
    """It said "up to date" after a built image was deleted: it checked its inputs, not its outputs."""
    built = tmp_path / "site"
    (built / "en").mkdir(parents=True)
    (built / "en" / "figure.png").write_bytes(b"png")
    (built / site.MANIFEST).write_text(json.dumps(site.manifest(built)))
    (built / ".key").write_text("the key\n")
    monkeypatch.setattr(site, "executed_notebooks", lambda *a, **k: ({"en": [], "fr": []}, FIGURES))
    monkeypatch.setattr(site, "site_key", lambda *a, **k: "the key")

    def stage(*a, **k):
        raise site.SiteError("staged again")

    monkeypatch.setattr(site, "stage", stage)
    said = []
    assert site.build_site(out=built, echo=said.append) >= 0 and said[-1].endswith("is up to date")
    (built / "en" / "figure.png").unlink()
    with pytest.raises(site.SiteError, match="staged again"):
        site.build_site(out=built, echo=said.append)
    assert "en/figure.png changed or missing" in said[-1]


def test_every_acronym_a_figure_shows_has_its_entry():
    """Every figure's SVG text, in both languages (fails until the fig-words branch completes the glossary)."""
    glossary = site.read_glossary()
    missing = {}
    for lang in ("en", "fr"):
        for svg in sorted((ROOT / "figures" / lang).glob("*.svg")):
            for acronym in site.shown_acronyms(site.svg_text(svg), {e[f"term_{lang}"] for e in glossary}):
                missing.setdefault(f"{lang} {acronym}", []).append(svg.stem)
    assert {k: v[:3] for k, v in sorted(missing.items())} == {}


def test_the_acronym_check_bites():
    text = "FAMa, CMFPR-II and MAA-Plateforme; InterAction; FY2020; CC BY 4.0 (PDF); S/2020/1105 and S/AC.51/2020/11"
    # a hyphenated name that is no term is checked part by part; Roman numerals, licences, file formats are no terms
    assert site.shown_acronyms(text) == ["CMFPR", "FAMa", "FY", "MAA", "S/2020/1105", "S/AC.51/2020/11"]
    assert site.shown_acronyms(text, {"FAMa", "CMFPR-II", "FY", "S/2020/1105", "S/AC.51/2020/11", "MAA"}) == []
    # a file name or a dotted pattern is no acronym (the corrections page: "See CURATION.md", "MAJOR.MINOR.PATCH");
    # a sentence that ends on an acronym still shows it
    assert site.shown_acronyms("See CURATION.md and data/README.md; version MAJOR.MINOR.PATCH. Listed by the UN.") == ["UN"]
