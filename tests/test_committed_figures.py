"""The committed figures are exactly what the data and the library draw today.

Each section is drawn in a fresh process, as the build's kernels draw it, with
the default parameters of the committed set.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from mali_caac import figures
from mali_caac.parameters import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent
DRAW = """
import sys
from mali_caac import figures
from mali_caac.parameters import DEFAULTS
section, lang, out = sys.argv[1:]
for fid in figures.figure_ids(section):
    r = figures.render(fid, lang, DEFAULTS["size"], DEFAULTS["bare"])
    figures.save(r, out, DEFAULTS["formats"], dpi=DEFAULTS["dpi"])
    figures.close(r)
"""


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("section", figures.SECTIONS)
def test_committed_figures_are_current(tmp_path, section, lang):
    subprocess.run([sys.executable, "-c", DRAW, section, lang, str(tmp_path)], check=True)
    stale = []
    for fid in figures.figure_ids(section):
        for ext in (*DEFAULTS["formats"], "md", "csv"):
            committed = ROOT / "figures" / lang / f"{fid}.{ext}"
            if not committed.exists() or committed.read_bytes() != (tmp_path / f"{fid}.{ext}").read_bytes():
                stale.append(committed.relative_to(ROOT).as_posix())
    assert not stale, f"out of date (run `make figures`): {stale}"
