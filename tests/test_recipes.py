"""The notebooks are the figures' source: their recipes are found, run without Jupyter, and edited like code."""
import json
import shutil
from pathlib import Path

import pytest

import mali_caac
from mali_caac import charts, recipes
from mali_caac.errors import DataError
from mali_caac.figures import SECTIONS, close, figure_ids, render
from mali_caac.sections import TEXTS

ROOT = Path(__file__).resolve().parent.parent


def _copy_notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", folder)
    return folder


def _edit(path, old, new):
    nb = json.loads(path.read_text(encoding="utf-8"))
    hits = 0
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if old in text:
            cell["source"] = text.replace(old, new)
            hits += 1
    assert hits == 1, f"{old!r} found in {hits} cells of {path}"
    path.write_text(json.dumps(nb), encoding="utf-8")


def test_every_published_figure_has_its_texts_and_every_text_its_figure():
    published = [fid for s in SECTIONS for fid in recipes.figure_ids(s)]
    assert published, "no notebook publishes a figure"
    assert len(published) == len(set(published))
    undescribed = [f for f in published if f not in TEXTS]
    assert not undescribed, f"published without a title and caption: {undescribed}"
    orphans = [f for f in TEXTS if f not in published]
    assert not orphans, f"titles and captions of no figure: {orphans}"


def test_ids_are_read_without_running_the_notebook(tmp_path):
    folder = _copy_notebooks(tmp_path)
    _edit(folder / "sexual_violence.ipynb", "params = setup(", "raise SystemExit('must not run')\nparams = setup(")
    assert recipes.figure_ids("sexual_violence", folder) == figure_ids("sexual_violence")


def test_a_failing_recipe_is_named_with_its_notebook_and_cell(tmp_path):
    folder = _copy_notebooks(tmp_path)
    _edit(folder / "sexual_violence.ipynb", 'violation="sexual_violence")\npublish("sexual_violence_by_region"',
          'violation="sexual_violenc")\npublish("sexual_violence_by_region"')
    with pytest.raises(DataError) as info:
        recipes.collect("sexual_violence", folder)
    message = str(info.value)
    assert "sexual_violence.ipynb: cell 4" in message and "sexual_violenc" in message


def test_an_id_published_twice_is_refused(tmp_path):
    folder = _copy_notebooks(tmp_path)
    _edit(folder / "sexual_violence.ipynb", 'publish(\n    "crsv_2019"', 'publish(\n    "sexual_violence_by_type"')
    with pytest.raises(DataError, match="'sexual_violence_by_type' is published twice"):
        recipes.figure_ids("sexual_violence", folder)


def test_a_missing_or_broken_notebook_is_named(tmp_path):
    with pytest.raises(DataError, match="notebook of section 'killing' is missing"):
        recipes.figure_ids("killing", tmp_path)
    (tmp_path / "killing.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="killing.ipynb: not a notebook"):
        recipes.figure_ids("killing", tmp_path)


def test_editing_a_recipe_changes_the_figure(tmp_path, monkeypatch):
    """A reader changes one recipe (girls by region becomes children killed or maimed by region) and the
    figure drawn follows, with the values of data/ (counted here without the chart code)."""
    folder = _copy_notebooks(tmp_path)
    _edit(folder / "sexual_violence.ipynb",
          'by_region = breakdown("grave_violations", "region", violation="sexual_violence")',
          'by_region = breakdown("grave_violations", "region", violation="killing_and_maiming")')
    monkeypatch.setenv("MALI_CAAC_NOTEBOOKS", str(folder))
    r = render("sexual_violence_by_region", "en", "column")
    try:
        heights = sorted(p.get_width() for p in r.figure.axes[0].patches)
    finally:
        close(r)
    gv = mali_caac.load("grave_violations")
    km = gv[(gv.violation == "killing_and_maiming") & (gv.unit == "children") & (gv.region != "all")
            & gv.restates.isna() & gv.refines.isna()
            & (gv.drop(columns=["violation", "region", "value", "unit"]).filter(
                ["period", "perpetrator", "sex", "subtype", "outcome"]) == "all").all(axis=1)]
    assert heights == sorted(km["value"].astype(float))


def test_chart_parameters_are_checked():
    table = mali_caac.breakdown("grave_violations", "region", violation="sexual_violence")
    with pytest.raises(ValueError, match="parameter 'unit' must be one of .*children"):
        charts.bars(table, "region", violation="sexual_violence", unit="kids")
    with pytest.raises(ValueError, match="parameter 'by' must be a column"):
        charts.bars(table, "province", violation="sexual_violence")
    with pytest.raises(ValueError, match="either violation= .* or colour="):
        charts.bars(table, "region")
    with pytest.raises(ValueError, match="no violation 'rape'"):
        charts.bars(table, "region", violation="rape")
