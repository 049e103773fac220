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
