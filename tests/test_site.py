"""`make site` without a browser: figures as pages, generated pages, bad input named, the last good site kept.

The whole site in a browser is tests/test_site_browser.py.
"""
import nbformat
import pytest

from mali_caac import site
from mali_caac.build import ROOT
from mali_caac.package import open_package

FIGURES = ROOT / "figures"


def test_a_figure_cell_becomes_a_numbered_figure_with_alt_text_terms_and_downloads():
    glossary = site.read_glossary()
    code = nbformat.v4.new_code_cell('publish("recruitment_by_group", chart, params)')
    code.outputs = [nbformat.v4.new_output("display_data", {"text/markdown": "**Recruitment and use, by party**\n\n..."}),
                    nbformat.v4.new_output("display_data", {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}),
                    nbformat.v4.new_output("execute_result", {"text/plain": "the rows"}, execution_count=1)]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"), code])
    title, paragraphs, alt = site.read_figure(FIGURES, "en", "recruitment_by_group")
    code.outputs[0]["data"]["text/markdown"] = f"**{title}**\n\n{paragraphs[0]}"
    page, used = site.notebook_page(nb, "en", FIGURES, glossary, "recruitment.ipynb")
    assert used == ["recruitment_by_group"] and len(page.cells) == 4  # title, figure, its folded recipe, terms
    assert [o["output_type"] for o in page.cells[2].outputs] == ["execute_result"]  # the table stays
    figure = page.cells[1].source
    assert figure.startswith(":::{figure} _figures/recruitment_by_group.png\n:name: fig-recruitment_by_group\n")
    assert f":alt: {alt}\n" in figure and len(alt) > 40
    for ext in ("PNG", "SVG", "PDF"):
        assert f"{{download}}`{ext} <_figures/recruitment_by_group.{ext.lower()}>`" in figure
    assert "{term}`FAMa`" in figure and "{term}`CMA`" in figure  # acronyms the figure's labels show
    assert next(p for p in paragraphs if p.startswith("Source")) in figure


def test_figure_ids_are_found_in_any_recipe():
    known = {"casualties_by_period", "abduction_outcomes", "us_aid_series"}
    assert site.figure_ids_in('publish(\n    "casualties_by_period", chart, params)', known) == ["casualties_by_period"]
    # a table named like a figure is not that figure (two recipes select from "us_aid_series")
    assert site.figure_ids_in('rows = select("us_aid_series")\npublish("abduction_outcomes", c, params)', known) == \
        ["abduction_outcomes"]
    assert site.figure_ids_in("chart = bars(rows)\npublish('abduction_outcomes', chart, params)", known) == \
        ["abduction_outcomes"]
    assert site.figure_ids_in('x = "something_else"', known) == []


def test_generated_pages_in_french_say_it_in_french():
    pkg = open_package()
    titles = site.dataset_titles(pkg, "fr")
    assert set(titles) == set(pkg.datasets())
    page = site.dataset_page(pkg, pkg.resource("grave_violations"), "fr", titles["grave_violations"])
    assert page.startswith("# Violations graves commises contre des enfants\n")
    assert f"Lignes\u202f: {len(pkg.records('grave_violations'))}" in page
    assert "<code>killing_and_maiming</code>" in page and 'lang="en"' in page
    glossary = site.glossary_page(site.read_glossary(), "fr")
    assert "EIGS\n  **État islamique dans le Grand Sahara**." in glossary and "par.\u00a07, note\u00a03" in glossary


def held_text(pkg, source):
    """What the package holds of a source: its text file, its original outside files (the geoBoundaries
    metadata that spells out DNCT and DNP), and its own record in sources.csv (symbol, title, publisher:
    the only place that names USAID, a document that is not held, or the UNETCHAC page)."""
    files = [source["text_file"]] if source["text_file"] else []
    files += [res.path for res in pkg.resources.values() if res.kind == "file" and res.path.startswith("external/")
              and source["source_id"] in res.meta.get("sources", [])]
    record = [str(source.get(k) or "") for k in ("symbol", "title", "publisher", "name_en")]
    text = " ".join(record + [pkg.path(f).read_text(encoding="utf-8") for f in files])
    return " ".join(text.replace("\u2019", "'").split()).lower()


def test_glossary_entries_cite_a_source_that_holds_the_term():
    pkg = open_package()
    sources = {s["source_id"]: s for s in pkg.records("sources")}
    for entry in site.read_glossary():
        assert entry["source_id"] in sources, entry["term_en"]
        assert all(entry[k].strip() for k in entry), entry["term_en"]
        text = held_text(pkg, sources[entry["source_id"]])
        said = [entry["term_en"].lower(), entry["name_en"].split(" (")[0].lower()]
        assert any(s in text for s in said), (entry["term_en"], entry["source_id"])


def test_a_dataset_without_french_title_is_named(tmp_path):
    titles = tmp_path / "titles.csv"
    titles.write_text("name,title_fr\nsources,Documents sources\n", encoding="utf-8")
    with pytest.raises(site.SiteError, match=r"titles.csv: no fr title for dataset\(s\) parties, periods"):
        site.dataset_titles(open_package(), "fr", titles)


def test_a_failed_notebook_is_named_and_the_last_good_site_is_kept(tmp_path, monkeypatch):
    nb = nbformat.read(ROOT / "notebooks" / "killing.ipynb", as_version=4)
    index = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"][2]
    nb.cells[index].outputs = [nbformat.v4.new_output("error", ename="KeyError", evalue="'gv-999'", traceback=[])]
    first = nb.cells[index].source.strip().splitlines()[0][:80]
    executed = tmp_path / "killing.ipynb"
    nbformat.write(nb, executed)
    monkeypatch.setattr(site, "executed_notebooks",
                        lambda *a, **k: ({"en": [("killing", executed)], "fr": [("killing", executed)]}, FIGURES))
    out = tmp_path / "site"
    (out / "en").mkdir(parents=True)
    (out / "en" / "index.html").write_text("the last good site")
    with pytest.raises(site.SiteError) as err:
        site.build_site(out=out, echo=lambda _: None)
    assert str(err.value).endswith(f"killing.ipynb, cell {index} (`{first}`) raised KeyError: 'gv-999'; "
                                   "fix the notebook and run `make figures`")
    assert (out / "en" / "index.html").read_text() == "the last good site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["killing.ipynb", "site"]  # no scratch folder left


def test_stale_or_missing_executed_notebooks_say_to_run_make_figures(tmp_path):
    with pytest.raises(site.SiteError, match=r"missing or out of date: run `make figures` first"):
        site.executed_notebooks(figures_dir=tmp_path / "figures", build_dir=tmp_path / "build")


def test_a_sphinx_warning_fails_the_build_naming_the_page(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "index.md").write_text("# Index\n\nSee {term}`NOPE`.\n", encoding="utf-8")
    proc = site._sphinx("fr", src, tmp_path / "out", tmp_path / "doctrees")
    log, _ = proc.communicate()
    assert proc.returncode != 0 and "index.md:3: WARNING: term not in glossary: 'NOPE'" in log



def test_teaching_notebooks_in_one_language_or_translated(tmp_path):
    folder = tmp_path / "teaching"
    for rel in ("counts.ipynb", "en/rates.ipynb", "fr/rates.ipynb", "sources.fr.ipynb", "sources.en.ipynb"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nbformat.v4.new_notebook(), folder / rel)
    found = {lang: [(str(name), path.relative_to(folder).as_posix(), translate)
                    for name, path, translate in site.teaching_notebooks(lang, tmp_path)] for lang in ("en", "fr")}
    assert found["fr"] == [("teaching/counts.ipynb", "counts.ipynb", True),
                           ("teaching/rates.ipynb", "fr/rates.ipynb", False),
                           ("teaching/sources.ipynb", "sources.fr.ipynb", False)]
    assert found["en"] == [("teaching/counts.ipynb", "counts.ipynb", True),
                           ("teaching/rates.ipynb", "en/rates.ipynb", False),
                           ("teaching/sources.ipynb", "sources.en.ipynb", False)]
