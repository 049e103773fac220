"""The committed figures are exactly what the data and the library draw today."""
from pathlib import Path

import pytest

from mali_caac import figures

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("section", figures.SECTIONS)
def test_committed_figures_are_current(tmp_path, section, lang):
    stale = []
    for fid in figures.figure_ids(section):
        r = figures.render(fid, lang)
        figures.save(r, tmp_path, ["png", "svg", "pdf"], dpi=200)
        figures.close(r)
        for ext in ("png", "svg", "pdf", "md"):
            committed = ROOT / "figures" / lang / f"{fid}.{ext}"
            if not committed.exists() or committed.read_bytes() != (tmp_path / f"{fid}.{ext}").read_bytes():
                stale.append(committed.relative_to(ROOT).as_posix())
    assert not stale, f"out of date (run `make figures`): {stale}"
