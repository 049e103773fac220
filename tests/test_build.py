"""The build: parallel papermill runs, skipping, failure reporting, identical bytes."""
import shutil
from pathlib import Path

import nbformat
import pytest

from mali_caac.build import build, plan

ROOT = Path(__file__).resolve().parent.parent


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def test_build_twice_gives_identical_bytes_and_skips_when_nothing_changed(tmp_path):
    out = []
    a, b = tmp_path / "a", tmp_path / "b"
    assert build(only=["sexual_violence"], langs=("fr",), figures_dir=a, build_dir=tmp_path / "build", echo=out.append) == []
    assert build(only=["sexual_violence"], langs=("fr",), figures_dir=b, build_dir=tmp_path / "build2", echo=out.append) == []
    fa, fb = files(a), files(b)
    assert fa == fb
    assert {"fr/crsv_2019.png", "fr/crsv_2019.svg", "fr/crsv_2019.pdf", "fr/crsv_2019.md", "README.md"} <= set(fa)
    out.clear()
    assert build(only=["sexual_violence"], langs=("fr",), figures_dir=a, build_dir=tmp_path / "build", echo=out.append) == []
    assert "1 up to date, 0 to run" in out[0]
    executed = nbformat.read(tmp_path / "build" / "fr" / "sexual_violence.ipynb", as_version=4)
    assert "papermill" not in executed.metadata
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)


def test_a_failing_notebook_is_named_and_the_others_still_run(tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    nb = nbformat.read(notebooks / "civilian_harm.ipynb", as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell('raise RuntimeError("broken on purpose")'))
    nbformat.write(nb, notebooks / "civilian_harm.ipynb")
    out = []
    errors = build(only=["civilian_harm", "reintegration"], langs=("en",), formats=("png",), notebooks=notebooks,
                   figures_dir=tmp_path / "figures", build_dir=tmp_path / "build", echo=out.append)
    assert len(errors) == 1
    assert errors[0].startswith("civilian_harm.ipynb (en): cell 4 of ")  # 3 + papermill's injected cell
    assert '`raise RuntimeError("broken on purpose")`) raised RuntimeError: broken on purpose' in errors[0]
    assert (tmp_path / "figures" / "en" / "reintegration_outcomes.png").exists()
    assert not list(tmp_path.rglob("*.tmp*")), "temporary files left behind"
    assert not (tmp_path / "build" / ".state" / "civilian_harm.en.json").exists()


def test_plan_refuses_unknown_notebook_and_bad_parameters():
    with pytest.raises(ValueError, match=r"--only: unknown notebook\(s\) \['nope'\]; the notebooks are: overview"):
        plan(only=["nope"])
    with pytest.raises(ValueError, match="parameter 'formats'"):
        plan(formats=("png", "jpeg"))


def test_inputs_change_the_key(tmp_path):
    a = {j.section + j.lang: j.key for j in plan(langs=("en",))}
    b = {j.section + j.lang: j.key for j in plan(langs=("en",), dpi=300)}
    assert a.keys() == b.keys() and all(a[k] != b[k] for k in a)


def test_cli_build_reports_bad_format():
    from click.testing import CliRunner

    from mali_caac.cli import main

    res = CliRunner().invoke(main, ["build", "--formats", "png,gif"])
    assert res.exit_code == 2 and "parameter 'formats'" in res.output
