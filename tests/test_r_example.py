"""The R example (examples/r/breakdown.R) reads the package with readr and jsonlite and gives the Python library's
breakdowns and selections, row for row."""
import csv
import io
import shutil
import subprocess

import pytest

from mali_caac import breakdown, select
from tests.conftest import DATA, ROOT

SCRIPT = ROOT / "examples" / "r" / "breakdown.R"
RSCRIPT = shutil.which("Rscript")


def _r_ready():
    if RSCRIPT is None:
        return "Rscript not found (apt-get install --no-install-recommends r-base-core r-cran-readr r-cran-jsonlite)"
    probe = subprocess.run([RSCRIPT, "-e", "library(readr); library(jsonlite)"], capture_output=True, text=True)
    if probe.returncode:
        return "R packages readr and jsonlite not installed (apt-get install r-cran-readr r-cran-jsonlite)"
    return None


WHY_NOT = _r_ready()
if WHY_NOT:  # one line in the summary for the whole file
    pytest.skip(f"R example (examples/r/breakdown.R) not run: {WHY_NOT}", allow_module_level=True)


def rscript(*args):
    out = subprocess.run([RSCRIPT, str(SCRIPT), *args], capture_output=True, text=True, timeout=120,
                         env={"MALI_CAAC_DATA": str(DATA), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


@pytest.mark.parametrize("table, dimension, fixed, level", [
    ("grave_violations", "perpetrator", {"violation": "killing_and_maiming"}, "leaves"),
    ("grave_violations", "perpetrator", {"violation": "recruitment_and_use"}, "topmost"),
    ("deprivation_of_liberty", "captor", {"sex": "male"}, "topmost"),
])
def test_r_breakdown_is_the_python_breakdown(table, dimension, fixed, level):
    args = [f"{k}={v}" for k, v in fixed.items()] + [f"level={level}"]
    rows = rscript("breakdown", table, dimension, *args)
    parts = breakdown(table, dimension, level=level, data=DATA, **fixed)
    got = [(r["row_id"], r[dimension], float(r["value"]), r["unit"]) for r in rows if r["role"] == "part"]
    want = [(r["row_id"], str(r[dimension]), float(r["value"]), str(r["unit"])) for _, r in parts.iterrows()]
    assert got == want and got
    totals = [r for r in rows if r["role"] == "total"]
    stated = parts.attrs["total"]
    want_total = [(stated["row_id"], stated["value"])] if stated else []
    assert [(t["row_id"], float(t["value"])) for t in totals] == want_total


def test_r_reproduces_the_readme_example_with_no_arguments():
    rows = rscript()
    parts = [r for r in rows if r["role"] == "part"]
    (total,) = [r for r in rows if r["role"] == "total"]
    assert sum(float(r["value"]) for r in parts) == float(total["value"])  # the parts add up to the stated total
    python = breakdown("grave_violations", "region", violation="killing_and_maiming", data=DATA)
    assert float(total["value"]) == python.attrs["total"]["value"]
    assert [(r["row_id"], r["region"], float(r["value"])) for r in parts] == \
        list(zip(python["row_id"], python["region"].astype(str), python["value"]))


def test_r_select_leaves_out_restated_and_refining_rows_like_python():
    conditions = {"violation": "killing_and_maiming", "region": "Mopti"}
    rows = rscript("select", "grave_violations", *[f"{k}={v}" for k, v in conditions.items()])
    python = select("grave_violations", data=DATA, **conditions)
    assert [(r["row_id"], float(r["value"]), r["unit"]) for r in rows] == \
        [(r["row_id"], r["value"], str(r["unit"])) for _, r in python.iterrows()]
    children = [r for r in rows if r["unit"] == "children"]
    assert [r["row_id"] for r in children] == list(python.loc[python["unit"] == "children", "row_id"])


def test_readme_transcript_is_what_the_r_script_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```console\n$ Rscript examples/r/breakdown.R\n", 1)[1].split("```", 1)[0]
    first, _, rest = block.partition("$ Rscript examples/r/breakdown.R ")
    args, _, second = rest.partition("\n")
    for argv, expected in (([], first), (args.split(), second)):
        out = subprocess.run([RSCRIPT, str(SCRIPT), *argv], capture_output=True, text=True, timeout=120,
                             env={"MALI_CAAC_DATA": str(DATA), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        assert out.stdout == expected, argv
