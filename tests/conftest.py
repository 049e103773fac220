import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

os.environ.setdefault("MPLBACKEND", "agg")


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the data package in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def rendered():
    """Render figures (``rendered(fid, lang, size, bare)``) and free them afterwards."""
    from mali_caac.figures import close, render

    made = []

    def draw(fid, lang="en", size="double", bare=False):
        r = render(fid, lang, size, bare)
        made.append(r)
        return r

    yield draw
    for r in made:
        close(r)
