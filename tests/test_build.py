"""The build: parallel papermill runs, what is skipped and why, where files go, failures, Ctrl-C, identical bytes.

Runs are kept small (one section, one language, PNG) and share one build folder,
so that the data package is validated once per content, as in real use.
"""
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from click.testing import CliRunner

from mali_caac.build import BuildError, build, plan, tree_hash, up_to_date
from mali_caac.cli import main

ROOT = Path(__file__).resolve().parent.parent
SMALL = dict(only=["sexual_violence"], langs=("en",), formats=("png",))


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def build_root(tmp_path_factory):
    """One build folder (state, validation record) shared by the tests of this module."""
    return tmp_path_factory.mktemp("build")


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def notebooks_with(tmp_path, section, cell_source, at=3):
    """A copy of notebooks/ in which ``section`` has an extra cell (None: its cell ``at`` removed)."""
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    nb = nbformat.read(notebooks / f"{section}.ipynb", as_version=4)
    if cell_source is None:
        del nb.cells[at]
    else:
        nb.cells.insert(at, nbformat.v4.new_code_cell(cell_source))
    nbformat.write(nb, notebooks / f"{section}.ipynb")
    return notebooks


def default_signals():
    """In a child about to exec: the default dispositions of the signals these tests send. A test run started with
    SIGINT ignored (``make test &`` from a script: background jobs of a non-interactive shell) would pass it on,
    and a build that inherits SIGINT ignored rightly keeps ignoring it."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


def descendants(pid, seen):
    """Add to ``seen`` the processes under ``pid`` now (the runs, kernels and warm workers a build started)."""
    try:
        for proc in psutil.Process(pid).children(recursive=True):
            seen.setdefault(proc.pid, proc)
    except psutil.Error:
        pass
    return seen


def alive(procs):
    left = []
    for proc in procs:
        try:
            if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                left.append(proc)
        except psutil.Error:
            pass
    return left


def kill_all(procs):
    """Whatever a failed test left running is killed, never left for minutes."""
    for proc in alive(procs):
        try:
            proc.kill()
        except psutil.Error:
            pass


def kernels_of(pid):
    """The kernel processes under process ``pid``."""
    found = []
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []
    for proc in children:
        try:  # a cold kernel runs ipykernel_launcher; a warm one is forked and named "ipykernel"
            if "ipykernel" in " ".join(proc.cmdline()) or proc.name() == "ipykernel":
                found.append(proc)
        except psutil.Error:
            pass
    return found


def test_build_twice_gives_identical_bytes_and_skips_when_nothing_changed(tmp_path, build_root):
    out = []
    a, b = tmp_path / "a", tmp_path / "b"
    assert build(only=["sexual_violence"], langs=("fr",), figures_dir=a, build_dir=build_root, echo=out.append) == []
    assert build(only=["sexual_violence"], langs=("fr",), figures_dir=b, build_dir=build_root, echo=out.append) == []
    fa, fb = files(a), files(b)
    assert fa == fb
    assert {"fr/crsv_2019.png", "fr/crsv_2019.svg", "fr/crsv_2019.pdf", "fr/crsv_2019.md", "fr/crsv_2019.csv", "README.md"} <= set(fa)
    out.clear()
    assert build(only=["sexual_violence"], langs=("fr",), figures_dir=a, build_dir=build_root, echo=out.append) == []
    assert "1 up to date, 0 to run" in out[0]
    assert not any("validating" in line for line in out), "an unchanged data package is validated once"
    job = plan(only=["sexual_violence"], langs=("fr",), figures_dir=a, build_dir=build_root)[0]
    executed = nbformat.read(job.executed, as_version=4)
    assert "papermill" not in executed.metadata
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)
    log = job.log.read_text()  # the run's own output and its kernel's
    assert "without encryption" not in log and "eavesdropping" not in log


def test_a_failing_notebook_is_named_and_the_others_still_run(tmp_path, build_root):
    notebooks = notebooks_with(tmp_path, "civilian_harm", 'raise RuntimeError("broken on purpose")')
    out = []
    kw = dict(only=["civilian_harm", "reintegration"], langs=("en",), formats=("png",), notebooks=notebooks,
              figures_dir=tmp_path / "figures", build_dir=build_root)
    errors = build(**kw, echo=out.append)
    assert len(errors) == 1
    assert errors[0].startswith("civilian_harm.ipynb (en): cell 4 of ")  # 3 + papermill's injected cell
    assert '`raise RuntimeError("broken on purpose")`) raised RuntimeError: broken on purpose' in errors[0]
    assert (tmp_path / "figures" / "en" / "reintegration_outcomes.png").exists()
    assert not list(tmp_path.rglob("*.tmp*")), "temporary files left behind"
    assert not (tmp_path / "figures" / "README.md").exists(), "no gallery for a build that failed"
    ok, failed = plan(**kw)  # in the order of SECTIONS
    assert not up_to_date(failed) and up_to_date(ok)


def test_plan_refuses_unknown_notebook_and_bad_parameters():
    with pytest.raises(ValueError, match=r"--only: unknown notebook\(s\) \['nope'\]; the notebooks are: overview"):
        plan(only=["nope"])
    with pytest.raises(ValueError, match="parameter 'formats'"):
        plan(formats=("png", "jpeg"))
    with pytest.raises(ValueError, match="unknown build parameter"):
        plan(colour="blue")


def test_inputs_change_the_key(tmp_path):
    a = {j.section + j.lang: j.key for j in plan(langs=("en",))}
    b = {j.section + j.lang: j.key for j in plan(langs=("en",), dpi=150)}
    assert a.keys() == b.keys() and all(a[k] != b[k] for k in a)


def test_every_file_of_the_data_package_is_in_the_key(data_copy):
    before = tree_hash(data_copy)
    keys = [j.key for j in plan(**SMALL, data_dir=data_copy)]
    for rel in ("crsv.csv", "datapackage.json", "source_texts/S-2020-1105.txt", "external/README.md"):
        file = data_copy / rel
        original = file.read_bytes()
        file.write_bytes(original + b" ")
        assert tree_hash(data_copy) != before, rel
        assert [j.key for j in plan(**SMALL, data_dir=data_copy)] != keys, rel
        file.write_bytes(original)
    assert tree_hash(data_copy) == before
    new = data_copy / "external" / "new.csv"
    new.write_text("x\n")
    assert tree_hash(data_copy) != before


def test_cli_data_option_reaches_the_figures_and_a_data_edit_reruns(tmp_path, data_copy, build_root):
    figures = tmp_path / "figures"
    args = ["--data", data_copy, "build", "--only", "reintegration", "--lang", "en", "--formats", "png",
            "--figures-dir", figures, "--build-dir", build_root]
    res = cli(*args)
    assert res.exit_code == 0, res.output
    caption = figures / "en" / "reintegration_outcomes.md"
    assert "reunited with their families" in caption.read_text()
    # an edit of a quote and of the source text it comes from; the package still validates
    for rel in ("release_and_reintegration.csv", "source_texts/S-2020-1105.txt"):
        file = data_copy / rel
        file.write_text(file.read_text().replace("reunited with their families", "reunited with their own families"))
    assert cli("--data", data_copy, "rehash").exit_code == 0
    res = cli(*args)
    assert res.exit_code == 0, res.output
    assert "0 up to date, 1 to run" in res.output
    assert "reunited with their own families" in caption.read_text()


def test_data_that_does_not_validate_is_refused_and_nothing_is_built(tmp_path, data_copy, build_root):
    csv = data_copy / "release_and_reintegration.csv"
    csv.write_text(csv.read_text().replace("reintegration_support,all,382,", "reintegration_support,all,383,"))
    assert cli("--data", data_copy, "rehash").exit_code == 0
    res = cli("--data", data_copy, "build", "--only", "reintegration", "--lang", "en", "--formats", "png",
              "--figures-dir", tmp_path / "figures", "--build-dir", build_root)
    assert res.exit_code == 2, res.output
    assert "does not validate" in res.output and "no figure was built" in res.output
    assert "rr-008" in res.output or "release_and_reintegration" in res.output
    assert not [p for p in (tmp_path / "figures").rglob("*") if p.is_file()]
    assert "Traceback" not in res.output


def test_a_partial_build_never_touches_the_committed_figures(build_root):
    committed = {p: digest(p) for p in [ROOT / "figures" / "README.md", *sorted((ROOT / "figures" / "en").glob("reintegration*"))]}
    res = cli("build", "--only", "reintegration", "--lang", "en", "--formats", "png", "--dpi", "100",
              "--build-dir", build_root)
    assert res.exit_code == 0, res.output
    assert {p: digest(p) for p in committed} == committed
    variant = build_root / "figures" / "only-reintegration_lang-en_formats-png_dpi-100"
    assert (variant / "en" / "reintegration_outcomes.png").exists()
    gallery = (variant / "README.md").read_text()
    assert "- reintegration (en): formats png; dpi 100; size double; bare False" in gallery
    assert "![Horizontal bar chart. Reintegration support for children leaving transit centres" in gallery
    assert "](en/reintegration_outcomes.png)" in gallery and "[data](en/reintegration_outcomes.csv)" in gallery
    assert (variant / "en" / "reintegration_outcomes.csv").exists()
    # a partial set is not written into the committed folder, even when asked
    res = cli("build", "--only", "reintegration", "--figures-dir", ROOT / "figures", "--build-dir", build_root)
    assert res.exit_code == 2 and "written only by the full default build" in res.output
    # the full default build is the one that goes there
    assert plan()[0].figures == ROOT / "figures"
    assert plan(only=["killing"], langs=("fr",), formats=("png",), dpi=150, size="slides")[0].figures.name == \
        "only-killing_lang-fr_formats-png_dpi-150_size-slides"


def test_only_files_the_build_wrote_are_deleted(tmp_path, build_root):
    figures = tmp_path / "mine"
    (figures / "en").mkdir(parents=True)
    users = {figures / "en" / "notes.txt": b"mine", figures / "en" / ".crsv_2019.png.tmp99999": b"another build",
             figures / "keep.txt": b"mine too"}
    for path, data in users.items():
        path.write_bytes(data)
    kw = dict(only=["sexual_violence"], langs=("en",), figures_dir=figures, build_dir=build_root, echo=lambda _: None)
    assert build(formats=("png", "svg"), **kw) == []
    assert (figures / "en" / "crsv_2019.svg").exists()
    assert build(formats=("png",), **kw) == []
    assert not list((figures / "en").glob("*.svg")), "the build's own SVGs, no longer asked for, are deleted"
    assert (figures / "en" / "crsv_2019.png").exists()
    assert {p: p.read_bytes() for p in users} == users
    assert "(en): formats png;" in (figures / "README.md").read_text()


def test_a_readme_the_build_did_not_write_is_never_overwritten(tmp_path, build_root):
    figures = tmp_path / "papers"
    figures.mkdir()
    (figures / "README.md").write_text("my notes")
    res = cli("build", "--only", "sexual_violence", "--lang", "en", "--formats", "png",
              "--figures-dir", figures, "--build-dir", build_root)
    assert res.exit_code == 2
    assert "README.md exists and was not written by mali-caac build" in res.output
    assert (figures / "README.md").read_text() == "my notes"
    assert not list((figures / "en").iterdir())


def test_outputs_are_checked_not_just_found(tmp_path, build_root):
    figures = tmp_path / "figures"
    kw = dict(**SMALL, figures_dir=figures, build_dir=build_root)
    out = []
    assert build(**kw, echo=out.append) == []
    png = figures / "en" / "crsv_2019.png"
    good = png.read_bytes()
    png.write_bytes(good[:100])  # truncated
    out.clear()
    assert build(**kw, echo=out.append) == []
    assert "0 up to date, 1 to run" in out[0]
    assert png.read_bytes() == good
    # a notebook that does not draw one of its registered figures fails by name
    cells = nbformat.read(ROOT / "notebooks" / "sexual_violence.ipynb", as_version=4).cells
    at = next(i for i, c in enumerate(cells) if 'publish(\n    "crsv_2019"' in c.source)
    notebooks = notebooks_with(tmp_path, "sexual_violence", None, at=at)
    errors = build(**kw, notebooks=notebooks, echo=out.append)
    assert len(errors) == 1 and errors[0].startswith("sexual_violence.ipynb (en): did not write ")
    assert "figures/en/crsv_2019.png" in errors[0]


def test_a_hanging_cell_times_out_naming_notebook_and_cell(tmp_path, build_root):
    notebooks = notebooks_with(tmp_path, "reintegration", "import time\ntime.sleep(120)")
    started = time.monotonic()
    errors = build(only=["reintegration"], langs=("en",), formats=("png",), notebooks=notebooks, timeout=2,
                   figures_dir=tmp_path / "figures", build_dir=build_root, echo=lambda _: None)
    assert time.monotonic() - started < 60
    assert len(errors) == 1
    assert errors[0].startswith("reintegration.ipynb (en): cell 4 of ")
    assert "(`import time`) did not finish within 2 s" in errors[0]
    help_text = cli("build", "--help").output
    assert "--timeout" in help_text and "300" in help_text


@pytest.mark.parametrize("kernels", ["warm", "cold"])
def test_ctrl_c_stops_promptly_keeps_finished_outputs_and_leaves_no_kernel(tmp_path, build_root, kernels):
    notebooks = notebooks_with(tmp_path, "reintegration", "import time\ntime.sleep(120)")
    figures = tmp_path / "figures"
    args = ["--only", "sexual_violence", "--only", "reintegration", "--only", "civilian_harm", "--lang", "en",
            "--formats", "png", "--jobs", "1", "--figures-dir", str(figures), "--build-dir", str(build_root),
            "--kernels", kernels]
    jobs = plan(only=["sexual_violence", "reintegration", "civilian_harm"], langs=("en",), formats=("png",),
                notebooks=notebooks, figures_dir=figures, build_dir=build_root)
    proc = subprocess.Popen([sys.executable, "-m", "mali_caac", "build", *args, "--notebooks", str(notebooks)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=default_signals)
    everything = []
    try:
        deadline = time.monotonic() + 90
        while not up_to_date(jobs[0]) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        while not kernels_of(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)  # the second run (the slow one) starts its kernel
        time.sleep(1)
        kernels = kernels_of(proc.pid)
        everything = psutil.Process(proc.pid).children(recursive=True)  # runs, kernels, warm workers
        assert up_to_date(jobs[0]) and kernels, "the slow notebook never started"
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)  # a second Ctrl-C never hangs
        output, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            kill_all(everything)
    assert time.monotonic() - started < 15
    assert proc.returncode == 130, output
    assert "interrupted: 1 finished run(s) kept, 1 stopped, 1 not started" in output
    assert "Traceback" not in output
    assert up_to_date(jobs[0]) and (figures / "en" / "crsv_2019.png").exists()
    assert not jobs[2].state.exists(), "the queued run was cancelled"
    time.sleep(0.5)
    left = alive(everything)
    kill_all(left)
    assert not [k for k in kernels if k in left], "kernel left running"
    assert not left, "process left running"
    assert not list(tmp_path.rglob("*.tmp*")), "temporary files left behind"


def test_unwritable_or_impossible_folder_is_one_clear_line(build_root):
    res = cli("build", "--only", "sexual_violence", "--lang", "en", "--formats", "png",
              "--figures-dir", "/dev/null/x", "--build-dir", build_root)
    assert res.exit_code == 2
    assert res.output.strip() == "error: cannot write to /dev/null/x/en: Not a directory"


def test_cli_build_reports_bad_format():
    res = CliRunner().invoke(main, ["build", "--formats", "png,gif"])
    assert res.exit_code == 2 and "parameter 'formats'" in res.output


def test_build_error_is_a_refusal_not_a_crash(tmp_path):
    with pytest.raises(BuildError, match="no such folder"):
        plan(**SMALL, data_dir=tmp_path / "nowhere")


def _executed(job):
    """The executed notebook without what differs between any two runs: papermill's random id for the cell
    it injects, and the output folder passed to it."""
    nb = nbformat.read(job.executed, as_version=4)
    for index, cell in enumerate(nb.cells):
        cell["id"] = str(index)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = "\n".join(ln for ln in cell.source.splitlines() if not ln.startswith("output_dir"))
    return nbformat.writes(nb)


def test_warm_and_cold_kernels_give_the_same_figures_and_notebooks(tmp_path, build_root):
    """Forking from a worker that imported everything must change nothing a reader sees: the figures and the
    executed notebooks (their tables included: pandas shows at most 20 columns in a kernel, more in a
    terminal, and decides at import) are the same bytes."""
    kw = dict(only=["reintegration"], formats=("png", "svg"), build_dir=build_root)
    for kernels in ("warm", "cold"):
        assert build(**kw, figures_dir=tmp_path / kernels, kernels=kernels, echo=lambda _: None) == []
    warm, cold = files(tmp_path / "warm"), files(tmp_path / "cold")
    assert warm == cold and len(warm) == 2 * 3 * 4 + 1
    for w, c in zip(plan(**kw, figures_dir=tmp_path / "warm"), plan(**kw, figures_dir=tmp_path / "cold")):
        assert _executed(w) == _executed(c), f"{w.name}: the executed notebooks differ"


def test_warm_kernels_are_forked_from_a_worker_that_imported_the_libraries(tmp_path, build_root):
    probe = 'import sys\nprint("preloaded:", "geopandas" in sys.modules)'  # this notebook never imports geopandas
    notebooks = notebooks_with(tmp_path, "civilian_harm", probe, at=1)
    seen = {}
    for kernels in ("warm", "cold"):
        kw = dict(only=["civilian_harm"], langs=("en",), formats=("png",), notebooks=notebooks,
                  figures_dir=tmp_path / kernels, build_dir=build_root)
        assert build(**kw, kernels=kernels, echo=lambda _: None) == []
        nb = nbformat.read(plan(**kw)[0].executed, as_version=4)
        seen[kernels] = next(o["text"] for c in nb.cells for o in c.get("outputs", []) if "preloaded" in o.get("text", ""))
    assert seen == {"warm": "preloaded: True\n", "cold": "preloaded: False\n"}


def test_kernels_must_be_warm_or_cold(tmp_path):
    with pytest.raises(ValueError, match="--kernels must be one of warm, cold; got 'hot'"):
        build(**SMALL, figures_dir=tmp_path, kernels="hot")
    res = cli("build", "--kernels", "hot")
    assert res.exit_code == 2 and "'hot' is not one of 'warm', 'cold'" in res.output


def test_a_killed_warm_worker_fails_its_run_takes_it_along_and_is_replaced(tmp_path, build_root):
    """The worker running a notebook is killed: that run fails naming what happened, its process and kernel do
    not live on, and the next notebook runs in a new worker."""
    pids = tmp_path / "pids"
    kill_worker = ("import os, signal, time\nimport psutil\n"
                   f"open({str(pids)!r}, 'w').write(f'{{os.getpid()}} {{os.getppid()}}')  # the kernel and its run\n"
                   "os.kill(psutil.Process(os.getppid()).ppid(), signal.SIGKILL)  # kernel -> run -> worker\n"
                   "time.sleep(60)")
    notebooks = notebooks_with(tmp_path, "sexual_violence", kill_worker)
    started = time.monotonic()
    errors = build(only=["sexual_violence", "civilian_harm"], langs=("en",), formats=("png",), notebooks=notebooks,
                   workers=1, figures_dir=tmp_path / "figures", build_dir=build_root, echo=lambda _: None)
    assert time.monotonic() - started < 45
    assert len(errors) == 1 and errors[0].startswith("sexual_violence.ipynb (en): the run stopped with the worker "
                                                     "running it died"), errors
    assert (tmp_path / "figures" / "en" / "moura_claims.png").exists(), "the next notebook did not run"
    time.sleep(1)
    left = []
    for pid in map(int, pids.read_text().split()):
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                left.append(pid)
        except psutil.NoSuchProcess:
            pass
    assert not left, f"the killed worker's run or kernel is still running: {left}"


# ----------------------------------------------------------------------------- faults found by trying (issue 16)
def _crsv_cell():
    """The source of sexual_violence's cell that publishes crsv_2019, and its index."""
    cells = nbformat.read(ROOT / "notebooks" / "sexual_violence.ipynb", as_version=4).cells
    at = next(i for i, c in enumerate(cells) if 'publish(\n    "crsv_2019"' in c.source)
    return cells[at].source, at


def test_a_figure_published_by_two_notebooks_is_refused_before_anything_runs(tmp_path, build_root):
    """crsv_2019's cell copied into reintegration.ipynb: the build refuses, naming both notebooks and cells, before
    running anything; `mali-caac figures` refuses too instead of listing the id twice."""
    source, at = _crsv_cell()
    notebooks = notebooks_with(tmp_path, "reintegration", source)
    figures = tmp_path / "figures"
    res = cli("build", "--only", "reintegration", "--lang", "en", "--formats", "png", "--notebooks", notebooks,
              "--figures-dir", figures, "--build-dir", build_root)
    assert res.exit_code == 2, res.output
    assert "figure 'crsv_2019' is published by two notebooks" in res.output
    assert f"sexual_violence.ipynb (cell {at})" in res.output and "reintegration.ipynb (cell 3)" in res.output
    assert "Traceback" not in res.output
    assert not [p for p in figures.rglob("*") if p.is_file()], "the build ran something"
    with pytest.raises(BuildError, match="published by two notebooks"):
        plan(only=["sexual_violence"], notebooks=notebooks)
    listing = CliRunner().invoke(main, ["figures", "--format", "csv"], env={"MALI_CAAC_NOTEBOOKS": str(notebooks)})
    assert listing.exit_code == 2, listing.output
    assert "figure 'crsv_2019' is published by two notebooks" in listing.output


def test_files_of_a_figure_once_published_twice_are_kept_by_the_notebook_that_still_publishes_it(tmp_path, build_root):
    """A build of an earlier version accepted crsv_2019 in both sexual_violence and reintegration, and each run
    recorded its files; the copied cell is then removed (reintegration's key changes) and the next build must not
    delete the files that sexual_violence still writes, nor list the figure twice in the gallery."""
    figures = tmp_path / "figures"
    kw = dict(only=["sexual_violence", "reintegration"], langs=("en",), formats=("png",), figures_dir=figures,
              build_dir=build_root, echo=lambda _: None)
    assert build(**kw) == []
    crsv = {p: p.read_bytes() for p in sorted((figures / "en").glob("crsv_2019.*"))}
    assert len(crsv) == 3
    reintegration = next(j for j in plan(**{k: v for k, v in kw.items() if k != "echo"}) if j.section == "reintegration")
    state = json.loads(reintegration.state.read_text())
    state["key"] = "the key of the notebook with the copied cell"
    state["files"] |= {p.relative_to(figures).as_posix(): {"size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
                       for p, b in crsv.items()}
    reintegration.state.write_text(json.dumps(state))
    out = []
    assert build(**{**kw, "only": ["reintegration"], "echo": out.append}) == []
    assert "0 up to date, 1 to run" in out[0]
    assert {p: p.read_bytes() for p in crsv if p.exists()} == crsv, "deleted the files sexual_violence writes"
    assert build(**kw) == []
    assert {p: p.read_bytes() for p in crsv if p.exists()} == crsv
    gallery = (figures / "README.md").read_text()
    assert gallery.count("[caption and rows](en/crsv_2019.md)") == 1
    assert "reintegration_outcomes.png" in gallery


def test_a_figure_moved_to_another_notebook_is_not_deleted(tmp_path, build_root):
    """crsv_2019's cell moved from sexual_violence to reintegration: sexual_violence no longer makes the files it
    recorded, but reintegration, in the same build, writes them; they are kept, whichever run ends first."""
    source, at = _crsv_cell()
    notebooks = notebooks_with(tmp_path, "reintegration", source)
    nb = nbformat.read(notebooks / "sexual_violence.ipynb", as_version=4)
    del nb.cells[at]
    nbformat.write(nb, notebooks / "sexual_violence.ipynb")
    figures = tmp_path / "figures"
    kw = dict(only=["sexual_violence", "reintegration"], langs=("en",), formats=("png",), figures_dir=figures,
              build_dir=build_root, workers=1, echo=lambda _: None)
    assert build(**kw) == []
    before = {p.name: p.read_bytes() for p in (figures / "en").glob("crsv_2019.*")}
    assert len(before) == 3
    assert build(**kw, notebooks=notebooks) == []
    assert {p.name: p.read_bytes() for p in (figures / "en").glob("crsv_2019.*")} == before
    gallery = (figures / "README.md").read_text()
    assert gallery.count("[caption and rows](en/crsv_2019.md)") == 1


@pytest.mark.parametrize("jobs", ["-1", "0"])
def test_jobs_below_one_is_refused_by_name(jobs, tmp_path):
    res = cli("build", "--jobs", jobs, "--only", "reintegration", "--lang", "en", "--formats", "png",
              "--figures-dir", tmp_path / "figures", "--build-dir", tmp_path / "build")
    assert res.exit_code == 2
    assert f"Invalid value for '--jobs' / '-j': {jobs} is not in the range x>=1" in res.output
    assert not (tmp_path / "figures").exists()
    with pytest.raises(ValueError, match=f"--jobs must be .* at least 1; got {jobs}"):
        build(**SMALL, workers=int(jobs), figures_dir=tmp_path / "figures", build_dir=tmp_path / "build")


@pytest.mark.parametrize("args, message", [
    (["build", "--dpi", "71"], "Invalid value for '--dpi': 71 is not in the range 72<=x<=1200"),
    (["build", "--dpi", "1201"], "Invalid value for '--dpi': 1201 is not in the range 72<=x<=1200"),
    (["build", "--timeout", "0"], "Invalid value for '--timeout': 0 is not in the range x>=1"),
    (["show", "crsv", "--limit", "-1"], "Invalid value for '--limit' / '-n': -1 is not in the range x>=0"),
])
def test_every_numeric_option_has_a_range(args, message):
    res = cli(*args)
    assert res.exit_code == 2 and message in res.output, res.output


def test_every_numeric_option_of_every_command_is_ranged():
    """No numeric option is a bare int or float: each is an IntRange or FloatRange with a bound."""
    import click

    def commands(group):
        for cmd in group.commands.values():
            yield from commands(cmd) if isinstance(cmd, click.Group) else [cmd]

    bare = [f"{cmd.name} --{p.name}" for cmd in commands(main) for p in cmd.params
            if isinstance(p.type, (click.types.IntParamType, click.types.FloatParamType))
            and not (isinstance(p.type, click.types._NumberRangeBase) and (p.type.min is not None or p.type.max is not None))]
    assert not bare, f"numeric options without a range: {bare}"


HEARTBEAT = """import pathlib, time
beat = pathlib.Path(output_dir).parent / "heartbeat.txt"
while True:  # a notebook that writes into the output folder until it is stopped
    with open(beat, "a") as f:
        f.write("x")
    time.sleep(0.05)"""


def snapshot(*folders):
    return {p: (p.stat().st_size, p.stat().st_mtime_ns) for folder in folders for p in sorted(Path(folder).rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("kernels, signum, code", [("warm", signal.SIGTERM, 143), ("cold", signal.SIGTERM, 143),
                                                   ("warm", signal.SIGHUP, 129)])
def test_sigterm_and_sighup_stop_the_build_as_ctrl_c_does(tmp_path, build_root, kernels, signum, code):
    """CI timeouts, timeout(1) and service managers send SIGTERM; a closing terminal SIGHUP. The build stops its
    queued, running runs, their kernels and the warm workers, writes nothing after it returns, leaves no scratch
    folder, and exits 128 + the signal's number."""
    notebooks = notebooks_with(tmp_path, "reintegration", HEARTBEAT)
    figures, scratch = tmp_path / "figures", tmp_path / "tmp"
    scratch.mkdir()
    only = ["sexual_violence", "reintegration", "civilian_harm"]
    jobs = plan(only=only, langs=("en",), formats=("png",), notebooks=notebooks, figures_dir=figures,
                build_dir=build_root)
    args = [a for s in only for a in ("--only", s)] + [
        "--lang", "en", "--formats", "png", "--jobs", "1", "--figures-dir", figures, "--build-dir", build_root,
        "--kernels", kernels, "--notebooks", notebooks]
    proc = subprocess.Popen([sys.executable, "-m", "mali_caac", "build", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=dict(os.environ, TMPDIR=str(scratch)),
                            preexec_fn=default_signals)
    seen, beat = {}, figures / "heartbeat.txt"
    try:
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline and not (beat.exists() and beat.stat().st_size > 5):
            descendants(proc.pid, seen)
            time.sleep(0.1)
        descendants(proc.pid, seen)
        assert beat.exists() and kernels_of(proc.pid) and list(scratch.glob("mcb-*")), "the slow notebook never started"
        proc.send_signal(signum)
        output, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            kill_all(seen.values())
    after = snapshot(figures, build_root)
    left = alive(seen.values())
    kill_all(left)
    assert proc.returncode == code, output
    assert f"interrupted ({signal.Signals(signum).name}): 1 finished run(s) kept, 1 stopped, 1 not started" in output
    assert "Traceback" not in output
    assert not left, f"processes the build started live on: {[p.pid for p in left]}"
    time.sleep(1.5)
    assert snapshot(figures, build_root) == after, "files written after the build returned"
    assert not list(scratch.glob("mcb-*")), "the build's scratch folder is left"
    assert up_to_date(jobs[0]) and (figures / "en" / "crsv_2019.png").exists(), "the finished run is kept"
    assert not jobs[2].state.exists(), "the queued run was cancelled"
    assert not list(tmp_path.rglob("*.tmp*")), "temporary files left behind"
