"""The notebooks, run as `make figures` runs them (papermill, one kernel per notebook), draw the data's values.

Every recipe cell runs in a real kernel with its parameters injected; the CSV that saving each figure
writes is then read back and each value checked against the rows of ``data/`` it cites (the check of
``test_figure_data``, which also ties the CSV to the plotted artists). nbval checks the committed outputs.
"""
import csv
import io

import pytest

from mali_caac.build import build
from mali_caac.figures import figure_ids

from .test_figure_data import assert_values_follow_from_rows


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Every section notebook run in English with papermill into a scratch folder (PNG only, for speed)."""
    root = tmp_path_factory.mktemp("notebooks_run")
    errors = build(langs=["en"], formats=["png"], figures_dir=root / "figures", build_dir=root / "build",
                   workers=2, echo=lambda *a, **k: None)
    assert not errors, errors
    return root / "figures" / "en"


@pytest.mark.parametrize("fid", figure_ids())
def test_each_recipe_run_in_a_kernel_draws_the_rows_it_cites(run, fid):
    text = (run / f"{fid}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows, f"{fid}.csv is empty"
    assert_values_follow_from_rows(fid, rows)
