"""``mali-caac build``: run the section notebooks with papermill, in parallel, and write the figures.

What goes where
    Each section notebook runs once per language, with its parameters injected
    (:mod:`mali_caac.parameters` holds their allowed values and defaults). Only
    the *full default build* (every section, every language, the default
    formats, dpi and size, not bare) writes the committed ``figures/<lang>/`` and their
    gallery ``figures/README.md``; its executed notebooks go to
    ``build/<lang>/`` and its state to ``build/.state/``. Any other build is a
    *variant*: it writes to ``build/figures/<variant>/``, named after what
    differs from the default (``only-killing_lang-fr_formats-png_dpi-150_size-slides``),
    with its own gallery saying what it holds, and never touches ``figures/``.
    ``--figures-dir DIR`` writes anywhere else (but never a partial set into
    ``figures/``). A variant's executed notebooks and state are in
    ``build/runs/<variant>/`` (``build/runs/dir-<hash of DIR>/`` for ``--figures-dir``).

When a run is skipped
    A run's key is the sha256 of all it reads: the notebook, the content of
    every file in the data package folder (``--data``, else $MALI_CAAC_DATA,
    else ``data/``: CSVs, descriptor, ``source_texts/``, ``external/``), the
    library's code, the parameters and the output folder, and for a French run
    the notebook's gettext catalogue (``locales/fr/LC_MESSAGES/<section>.po``,
    :mod:`mali_caac.translation`). A run is skipped when
    its state records that key and every output it recorded (path, size,
    sha256) still has those bytes; a missing or changed output reruns it.

Before running anything
    The data package must pass :func:`mali_caac.validate`, else the build
    refuses, listing the failed checks; the content hash that last validated is
    recorded, so an unchanged package is not validated again. Every output
    folder must be writable (else a one-line error names it), and a
    ``README.md`` that the build did not write is never overwritten: the build
    refuses instead.

While running
    Runs are started longest first (their last time, else their number of
    figures). Each run is a process of its own, with its own kernel on the
    ``ipc`` transport and the data folder in its environment (MALI_CAAC_DATA).
    With warm kernels (the default, :mod:`mali_caac.kernels`) the build starts
    one worker per parallel slot, in its own session (so that a terminal's
    Ctrl-C reaches only the build), which imports everything a run and a kernel
    import once and forks each run and its kernel from that state; with
    ``kernels="cold"`` each run is a new interpreter (in its own session) that
    starts a new kernel. The data package is validated while the workers import. A cell that runs
    longer than ``timeout`` seconds (default 300) fails its notebook, naming the
    cell. A failing notebook is reported with its cell and the others still
    run; a notebook that does not write a figure it is registered for fails by
    name; so does a French run whose notebook has a paragraph without a French
    translation (named with its cell and first words). Ctrl-C cancels the queued runs, stops the running ones and their
    kernels (a second Ctrl-C kills them at once), keeps every finished output
    and raises KeyboardInterrupt (the command exits 130). SIGTERM and SIGHUP
    do the same (:class:`Stopped`; exit 143 and 129), unless the build
    inherited them ignored; nothing is written after the build returns and
    its scratch folder (``mcb-*`` in the temporary folder) is removed.

Afterwards
    Each run records in its state what it wrote (path, size, sha256). Once every
    run has ended, the build deletes only files it recorded writing itself,
    that still have the recorded bytes (a figure that no longer exists, a
    format no longer asked for), that no run of its plan writes and that no
    other run's state records (a figure moved to another notebook is kept),
    never another file, nor the temporary files of a concurrent build. A
    figure id published by two notebooks is refused before anything runs,
    naming both notebooks and cells.
    Errors are printed per notebook first; the gallery is written only when
    every run succeeded, and only if its text changed. Every file is written
    through a temporary file and a rename, so the same inputs give the same
    bytes.
"""
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .figures import SECTIONS, figure_ids, title_text
from .fingerprints import _read_json, _record, _same, _show, _stat, tree_hash  # noqa: F401  (re-exported)
from .i18n import t
from .package import atomic_write, sha256
from .parameters import DEFAULT_TIMEOUT, DEFAULTS, PARAMETERS, check_parameters
from .runners import KERNELS, STOP_SIGNALS, Stopped, _run_all, _StopOnSignals  # noqa: F401  (re-exported)
from .translation import SOURCE_LANG, MissingTranslation, catalogue_path, translate_notebook

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = Path(__file__).resolve().parent
COMMITTED = ROOT / "figures"

SECTION_TITLES = {
    "overview": "Overview", "recruitment": "Recruitment and use; deprivation of liberty",
    "killing": "Killing and maiming", "sexual_violence": "Rape and other forms of sexual violence",
    "attacks": "Attacks on schools and hospitals; schools closed",
    "abduction_denial": "Abduction and denial of humanitarian access",
    "reintegration": "Release and reintegration", "us_assistance": "US assistance",
    "civilian_harm": "Civilian harm, 2021-2022"}
LANG_NAMES = {"en": "English", "fr": "French"}
RUN_PARAMETERS = tuple(k for k in DEFAULTS if k not in ("lang", "output_dir"))
"""The parameters a build passes to every run: all but ``lang`` (one run per language) and ``output_dir``."""


class BuildError(Exception):
    """A build that cannot start: its message says what and where, for the user."""


# ----------------------------------------------------------------------------- the plan
def run_parameters(**params):
    """The parameters of every run of a build: the defaults, overridden by ``params`` (None = default), checked.

    List parameters are put in the order of their allowed values, so that
    ``svg,png`` and ``png,svg`` are the same build.
    """
    unknown = sorted(set(params) - set(RUN_PARAMETERS))
    if unknown:
        raise ValueError(f"unknown build parameter(s) {unknown}; the parameters are: {', '.join(RUN_PARAMETERS)}")
    given = {k: DEFAULTS[k] for k in RUN_PARAMETERS} | {k: v for k, v in params.items() if v is not None}
    checked = check_parameters(**given)
    return {k: [x for x in PARAMETERS[k] if x in checked[k]] if isinstance(checked[k], list) else checked[k]
            for k in RUN_PARAMETERS}


def variant_name(sections, langs, params):
    """'' for the full default build; else a folder name made of what differs from it."""
    parts = []
    if tuple(sections) != tuple(SECTIONS):
        parts.append("only-" + "-".join(sections))
    if tuple(langs) != tuple(PARAMETERS["lang"]):
        parts.append("lang-" + "-".join(langs))
    for name in RUN_PARAMETERS:
        value, default = params[name], DEFAULTS[name]
        if isinstance(value, (list, tuple)):
            if list(value) != list(default):
                parts.append(f"{name}-" + "-".join(map(str, value)))
        elif value != default:
            parts.append(f"{name}-{value}")
    return "_".join(parts)


@dataclass(eq=False)
class Job:
    """One run: a section notebook in one language, with where it writes and the key of what it reads."""

    section: str
    lang: str
    notebook: Path
    figures: Path       # the figures folder (the run writes to figures/<lang>/)
    run_dir: Path       # executed notebooks (<lang>/) and state (.state/)
    params: dict        # the injected parameters, output_dir included
    key: str
    data_dir: Path
    timeout: int
    figure_ids: list    # the figures it must write: what its notebook publishes, and what is described for its section

    @property
    def executed(self):
        return self.run_dir / self.lang / self.notebook.name

    @property
    def state(self):
        return self.run_dir / ".state" / f"{self.section}.{self.lang}.json"

    @property
    def log(self):
        return self.run_dir / ".state" / f"{self.section}.{self.lang}.log"

    @property
    def name(self):
        return f"{self.notebook.name} ({self.lang})"

    def outputs(self):
        """The files the run must write, relative to ``figures``: each registered figure in each format, its caption
        and the CSV of the values it draws."""
        return [f"{self.lang}/{fid}.{ext}" for fid in self.figure_ids for ext in [*self.params["formats"], "md", "csv"]]

    def to_json(self):
        return json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in self.__dict__.items()})

    @classmethod
    def from_json(cls, text):
        d = json.loads(text)
        return cls(**{k: Path(d[k]) if k in ("notebook", "figures", "run_dir", "data_dir") else d[k] for k in d})


def _registry(notebooks):
    """``{section: [figure id]}``: what each notebook of ``notebooks`` publishes (read without running it), then
    the figures described for its section that it does not publish (the run fails naming them).

    Raises :class:`BuildError` for an id that two notebooks publish, naming both notebooks and cells: one would
    overwrite the other's files, and later delete them."""
    from .errors import DataError
    from .figures.texts import TEXTS  # {figure id: section} of the described figures
    from .recipes import publishers

    present = [s for s in SECTIONS if (notebooks / f"{s}.ipynb").exists()]
    try:
        found = publishers(present, notebooks)
    except DataError as exc:
        raise BuildError(f"{exc}; nothing was built") from None
    ids = {s: [fid for fid, (section, _) in found.items() if section == s] for s in present}
    for fid, section in TEXTS.items():
        if section in ids and fid not in found:
            ids[section].append(fid)
    return ids


def plan(only=None, langs=None, notebooks=None, build_dir=None, figures_dir=None, data_dir=None,
         timeout=DEFAULT_TIMEOUT, **params):
    """The runs of a build, one per section notebook and language, each with its key (nothing is written).

    Refuses (:class:`BuildError`) a figure id that two notebooks of ``notebooks`` publish."""
    from .package import default_folder  # data layer: where the package is

    notebooks = Path(notebooks or ROOT / "notebooks").resolve()
    build_dir = Path(build_dir or ROOT / "build").resolve()
    sections = list(SECTIONS)
    if only:
        unknown = [s for s in only if s not in sections]
        if unknown:
            raise ValueError(f"--only: unknown notebook(s) {unknown}; the notebooks are: {', '.join(sections)}")
        sections = [s for s in sections if s in only]
    for lang in langs or ():
        check_parameters(lang=lang)
    langs = [lang for lang in PARAMETERS["lang"] if not langs or lang in langs]
    run_params = run_parameters(**params)
    if not isinstance(timeout, int) or isinstance(timeout, bool) or timeout < 1:
        raise ValueError(f"--timeout must be a whole number of seconds, at least 1; got {timeout!r}")

    name = variant_name(sections, langs, run_params)
    own_folder = COMMITTED if not name else build_dir / "figures" / name
    figures = Path(figures_dir).resolve() if figures_dir else own_folder
    if figures == COMMITTED and name:
        raise BuildError(f"{_show(figures)} holds the committed figures, written only by the full default build; "
                         f"this build ({name}) goes to {_show(own_folder)} if you leave out --figures-dir")
    tag = name if figures == own_folder else "dir-" + hashlib.sha256(str(figures).encode()).hexdigest()[:12]
    run_dir = build_dir / "runs" / tag if tag else build_dir

    data = (Path(data_dir) if data_dir is not None else default_folder()).resolve()
    if not data.is_dir():
        raise BuildError(f"data package folder {data}: no such folder")
    inputs = {"data": tree_hash(data), "library": tree_hash(LIBRARY)}
    for section in sections:
        if not (notebooks / f"{section}.ipynb").exists():
            raise ValueError(f"no notebook {notebooks / f'{section}.ipynb'} for section {section!r}")
    registry = _registry(notebooks)
    jobs = []
    for section in sections:
        nb = notebooks / f"{section}.ipynb"
        nb_hash = sha256(nb)
        for lang in langs:
            # relative to the notebook's folder (the kernel's working folder): no machine's path in the executed notebook
            injected = {"lang": lang, **run_params, "output_dir": os.path.relpath(figures / lang, nb.parent)}
            po = catalogue_path(nb.name, lang)  # the prose in a language other than the notebook's
            catalogue = sha256(po) if lang != SOURCE_LANG and po.exists() else None
            key = hashlib.sha256(json.dumps({"notebook": nb_hash, "catalogue": catalogue, "section": section,
                                             "params": injected, **inputs},
                                            sort_keys=True).encode()).hexdigest()
            jobs.append(Job(section, lang, nb, figures, run_dir, injected, key, data, timeout, registry[section]))
    return jobs


def up_to_date(job):
    """True if the run's state has its key and every output it recorded still has the recorded bytes."""
    state = _read_json(job.state)
    if not state.get("key") or state["key"] != job.key:
        return False
    files = state.get("files", {})
    return (set(files) == set(job.outputs()) and _same(job.executed, state.get("executed"))
            and all(_same(job.figures / rel, rec) for rel, rec in files.items()))


# ----------------------------------------------------------------------------- one run (in a child process)
def _clean_metadata(nb):
    """Drop timestamps and durations that papermill and Jupyter write, so the output is stable."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


def _first_line(cell):
    return (cell.source.strip().splitlines() or [""])[0][:80]


def _timed_out_cell(notebook, message):
    """(index in the executed notebook, cell) of the cell whose preview nbclient's timeout message shows, or None."""
    import nbformat

    shift = 0
    for i, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
        lines = cell.source.strip().split("\n")
        shown = cell.source if len(lines) < 11 else f"{lines[:5]}\n...\n{lines[-5:]}"  # as nbclient shows it
        if cell.cell_type == "code" and f"-------------------\n{shown}\n-------------------" in message:
            return i + shift, cell
        if "parameters" in cell.metadata.get("tags", []):
            shift = 1  # papermill's injected-parameters cell comes next
    return None


def run_job(job, warm=False):
    """Execute one notebook, check that it wrote each registered output, record what it wrote.

    ``warm``: start the kernel from the run's zygote (:class:`mali_caac.kernels.WarmKernelManager`).

    Returns a dict with ``section``, ``lang``, ``seconds`` and ``error`` (None if all went well).
    """
    import nbformat
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError
    from traitlets.config import Config

    start = time.perf_counter()
    outputs = {rel: job.figures / rel for rel in job.outputs()}
    before = {rel: _stat(p) for rel, p in outputs.items()}
    old = _read_json(job.state)
    job.executed.parent.mkdir(parents=True, exist_ok=True)
    tmp = job.executed.with_name(f".{job.executed.stem}.tmp{os.getpid()}.ipynb")
    error = None
    # ipc: the kernel talks over local sockets, not unencrypted TCP (no eavesdropping warning); each kernel
    # gets its sockets in a private folder (by default they are "kernel-ipc-N" in the working folder,
    # where two kernels started at once take the same ones)
    sockets = tempfile.mkdtemp(prefix="k", dir=os.environ.get("JUPYTER_RUNTIME_DIR"))
    config = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "k")}})
    kernel = {}
    if warm:
        from .kernels import WarmKernelManager

        kernel = {"kernel_manager_class": WarmKernelManager}
    try:
        # the notebook's prose in the run's language, from its gettext catalogue (a missing translation fails the run)
        source = translate_notebook(nbformat.read(job.notebook, as_version=4), job.notebook.name, job.lang)
        pm.execute_notebook(source, str(tmp), parameters=job.params, kernel_name="python3",
                            cwd=str(job.notebook.parent), progress_bar=False, log_output=False,
                            request_save_on_cell_execute=False, shutdown_kernel="immediate",
                            execution_timeout=job.timeout, config=config, **kernel)
    except pm.PapermillExecutionError as exc:
        source = ""
        if tmp.exists():
            cells = [c for c in nbformat.read(tmp, as_version=4).cells
                     if c.cell_type == "code" and c.get("execution_count") == exc.exec_count]
            if cells:  # papermill adds an error banner cell on top, so find the cell by its count
                source = _first_line(cells[0])
        error = (f"{job.name}: cell {exc.cell_index} of {job.executed} "
                 f"(execution count {exc.exec_count}, `{source}`) raised {exc.ename}: {exc.evalue}")
    except CellTimeoutError as exc:
        found = _timed_out_cell(job.notebook, str(exc))
        where = f"cell {found[0]} of {job.executed} (`{_first_line(found[1])}`)" if found else "a cell"
        error = f"{job.name}: {where} did not finish within {job.timeout} s (the per-cell timeout; see --timeout)"
    except MissingTranslation as exc:
        error = f"{job.name}: {exc}"
    except Exception as exc:  # kernel died, bad notebook ...
        error = f"{job.name}: {type(exc).__name__}: {exc}"
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    if tmp.exists():
        nb = _clean_metadata(nbformat.read(tmp, as_version=4))
        atomic_write(job.executed, nbformat.writes(nb) + "\n")
        tmp.unlink()

    written = {rel: p for rel, p in outputs.items() if p.exists() and _stat(p) != before[rel]}
    if error is None:
        missing = [p for rel, p in outputs.items() if rel not in written]
        if missing:
            error = f"{job.name}: did not write {', '.join(_show(p) for p in missing)}"
    files = {rel: _record(p) for rel, p in written.items()}
    if error is None:
        # the outputs of the last run that this one no longer makes: the build deletes them once every run has
        # ended, if no run of its plan writes them and no other run's state records them (remove_stale)
        stale = old.get("stale", {}) | {rel: rec for rel, rec in old.get("files", {}).items() if rel not in files}
        state = {"key": job.key, "section": job.section, "lang": job.lang, "params": job.params,
                 "files": files, "executed": _record(job.executed), "seconds": round(time.perf_counter() - start, 1),
                 "figures": job.figure_ids, **({"stale": stale} if stale else {})}
    else:  # no key: the run is redone; keep knowing which files are the build's own
        state = {"key": None, "section": job.section, "lang": job.lang, "params": job.params,
                 "files": old.get("files", {}) | files, **({"stale": old["stale"]} if old.get("stale") else {})}
    atomic_write(job.state, json.dumps(state, indent=1, sort_keys=True) + "\n")
    return {"section": job.section, "lang": job.lang, "seconds": time.perf_counter() - start, "error": error}


def _read_spec(spec_file):
    return json.loads(Path(spec_file).read_text(encoding="utf-8"))


def _child_main(spec, zygote=None):
    """A run's process: run the job of ``spec`` (as :func:`_spawn` wrote it), write its result; on SIGTERM stop
    the kernel and exit.

    ``zygote``: the :class:`mali_caac.kernels.Zygote` that becomes the run's kernel (a warm run)."""
    import psutil

    def stop(signum, frame):
        for proc in psutil.Process().children(recursive=True):
            try:
                proc.kill()
            except psutil.Error:
                pass
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    if zygote is not None:
        from .kernels import WarmKernelManager

        WarmKernelManager.zygote = zygote
    try:
        result = run_job(Job.from_json(spec["job"]), warm=zygote is not None)
    finally:
        if zygote is not None:
            zygote.close()
    atomic_write(spec["result"], json.dumps(result))


def _worker_main():
    """A warm worker (``python -m mali_caac.build --worker``): import what runs and kernels import, once; then,
    for each spec path read on stdin, fork the run's process (which forks its kernel's zygote first), wait for
    it and write its exit code on stdout. Ends when stdin closes."""
    from .kernels import Zygote, die_with_parent, preload

    preload()
    for line in sys.stdin.buffer:
        spec_file = line.decode().strip()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                die_with_parent()  # a killed worker takes its run (and the run its kernel) along
                spec = _read_spec(spec_file)
                log = os.open(spec["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)  # never the worker's stdin (the next runs' specs)
                os.dup2(log, 1)
                os.dup2(log, 2)
                os.close(log)
                os.close(null)
                os.environ.update(spec["env"])
                _child_main(spec, zygote=Zygote())
                code = 0
            except BaseException:  # noqa: BLE001 - the build reports a run without a result, with this log's tail
                import traceback

                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"{os.waitstatus_to_exitcode(status)}\n")
        sys.stdout.flush()


# ----------------------------------------------------------------------------- checks before running
def _check_folders(jobs, build_dir):
    """Create every output folder and make sure it is writable; refuse to overwrite a README.md that is not ours."""
    folders = sorted({j.figures / j.lang for j in jobs} | {j.executed.parent for j in jobs} | {j.state.parent for j in jobs})
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".mali-caac-probe{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise BuildError(f"cannot write to {_show(folder)}: {exc.strerror or exc}") from None
    figures, run_dir = jobs[0].figures, jobs[0].run_dir
    readme = figures / "README.md"
    ours = figures == COMMITTED or figures.is_relative_to(build_dir / "figures")
    if readme.exists() and not ours and not _same(readme, _read_json(run_dir / ".state" / "gallery.json").get("README.md")):
        raise BuildError(f"{_show(readme)} exists and was not written by mali-caac build: not overwriting it "
                         "(move it away, or choose another --figures-dir)")


def check_data(jobs, build_dir, echo=print):
    """Refuse data that does not validate; remember the content that did, so that it is checked once."""
    import mali_caac  # data layer: the public validate()

    job = jobs[0]
    record = build_dir / ".state" / "validated.json"
    key = hashlib.sha256(f"{tree_hash(job.data_dir)} {tree_hash(LIBRARY)}".encode()).hexdigest()
    if _read_json(record).get("key") == key:
        return
    echo(f"validating the data package {_show(job.data_dir)} (once per change) ...")
    report = mali_caac.validate(job.data_dir)
    if not report.ok:
        failed = report.by_status("failed")
        lines = [f"  {c.message}" for c in failed[:12]] + ([f"  ... and {len(failed) - 12} more"] if len(failed) > 12 else [])
        raise BuildError(f"the data package {_show(job.data_dir)} does not validate ({len(failed)} failed check(s)); "
                         "no figure was built:\n" + "\n".join(lines)
                         + f"\n`mali-caac --data {_show(job.data_dir)} validate` shows every check")
    atomic_write(record, json.dumps({"key": key, "data_dir": str(job.data_dir)}) + "\n")


# ----------------------------------------------------------------------------- files no longer made
def _states(run_dir):
    """``{state file: state}`` of every run recorded in ``run_dir``."""
    found = {}
    for file in sorted((run_dir / ".state").glob("*.json")):
        state = _read_json(file)
        if state.get("section") in SECTIONS and state.get("lang"):
            found[file] = state
    return found


def remove_stale(jobs):
    """Delete the files that runs recorded as no longer made (``stale`` in their state), once every run of the
    build has ended: only a file that no run of this plan writes, that no other run's state records as its
    own, and that still has the bytes the build wrote. A figure moved from one notebook to another, or once
    published by two, is never deleted from under the notebook that still writes it."""
    figures, run_dir = jobs[0].figures, jobs[0].run_dir
    states = _states(run_dir)
    claimed = {rel for job in jobs for rel in job.outputs()} | {rel for st in states.values() for rel in st.get("files", {})}
    for file, state in states.items():
        if not state.get("stale"):
            continue
        for rel, rec in state.pop("stale").items():
            if rel not in claimed and _same(figures / rel, rec):
                (figures / rel).unlink()
        atomic_write(file, json.dumps(state, indent=1, sort_keys=True) + "\n")


# ----------------------------------------------------------------------------- the gallery
def gallery_text(figures, run_dir):
    """The gallery (README.md) of a figures folder: every figure its runs recorded, by section, with the parameters."""
    runs, published = {}, {}
    for state in _states(run_dir).values():
        if state.get("key"):
            runs[state["section"], state["lang"]] = state["params"]
            published.setdefault(state["section"], state.get("figures") or figure_ids(state["section"]))
    langs = [lang for lang in PARAMETERS["lang"] if any(lg == lang for _, lg in runs)]
    full = (set(runs) == {(s, lg) for s in SECTIONS for lg in PARAMETERS["lang"]}
            and all({k: p[k] for k in RUN_PARAMETERS} == run_parameters() for p in runs.values()))
    if full and figures == COMMITTED:
        formats = run_parameters()["formats"]
        lines = ["# Figures", "",
                 "Built by `make figures` (`mali-caac build`) from the data in `../data/`: do not edit by hand. "
                 f"Each figure exists in {', '.join(langs)} as {', '.join(f.upper() for f in formats)}, with a caption file (`.md`) "
                 "that gives its alt text and cites the source, paragraph and quote of every row it draws, and a CSV of "
                 "the values it draws with the ids of the rows each comes from.", ""]
    else:
        groups = {}
        for (section, lang), params in runs.items():
            described = "; ".join(f"{k} {', '.join(map(str, params[k])) if isinstance(params[k], list) else params[k]}"
                                  for k in RUN_PARAMETERS)
            groups.setdefault(described, []).append(f"{section} ({lang})")
        lines = ["# Figures", "",
                 "Built by `mali-caac build`: do not edit by hand. This is not the project's committed set "
                 "(`figures/`, written only by the full default build). This folder holds:", ""]
        lines += [f"- {', '.join(which)}: {described}" for described, which in groups.items()]
        lines += ["", "Each figure comes with a caption file (`.md`) that gives its alt text and cites the source, "
                  "paragraph and quote of every row it draws, and a CSV of the values it draws.", ""]
    listed = set()
    for section in SECTIONS:
        section_langs = [lang for lang in langs if (section, lang) in runs]
        if not section_langs:
            continue
        main = "en" if "en" in section_langs else section_langs[0]
        # what exists: each figure once, with the files that are there
        fids = [fid for fid in published[section] if fid not in listed and (figures / main / f"{fid}.md").exists()]
        listed.update(fids)
        if not fids:
            continue
        lines += [f"## {SECTION_TITLES[section]}", ""]
        for fid in fids:
            caption_md = figures / main / f"{fid}.md"
            source, alt, caption = "", fid, ""
            if caption_md.exists():  # the caption as drawn, its facts filled in (figures.caption_text)
                lines_md = caption_md.read_text(encoding="utf-8").splitlines()
                source = next((ln for ln in lines_md if ln.startswith("Source")), "")
                caption = lines_md[2] if len(lines_md) > 2 else ""
                alt = _alt_text(lines_md, main) or fid
            others = " · ".join(f"[{lang} {fmt.upper()}]({lang}/{fid}.{fmt})" for lang in section_langs
                                for fmt in runs[section, lang]["formats"] if (figures / lang / f"{fid}.{fmt}").exists())
            names = "".join(f"{LANG_NAMES[lang]}: *{_built_title(figures, lang, fid)}*. " for lang in section_langs if lang != main)
            lines += [f"### {_built_title(figures, main, fid)}", ""]
            if "png" in runs[section, main]["formats"] and (figures / main / f"{fid}.png").exists():
                lines += [f"![{_md_escape(alt)}]({main}/{fid}.png)", ""]
            lines += [caption, "", f"*{source}*", "",
                      f"{names}Files: {others} · [caption and rows]({main}/{fid}.md) · [data]({main}/{fid}.csv)", ""]
    return "\n".join(lines)


def _built_title(figures, lang, fid):
    """The title as drawn (the first line of the figure's caption file: its dates come from the rows
    drawn), else the title without its dates."""
    caption_md = figures / lang / f"{fid}.md"
    if caption_md.exists():
        first = caption_md.read_text(encoding="utf-8").split("\n", 1)[0]
        if first.startswith("# "):
            return first[2:]
    return title_text(fid, lang)


def _alt_text(caption_lines, lang):
    """The alt text a caption file states (the paragraph under its alt-text heading), or ''."""
    heading = f"## {t('alt.heading', lang)}"
    if heading not in caption_lines:
        return ""
    after = caption_lines[caption_lines.index(heading) + 1:]
    return next((ln for ln in after if ln.strip()), "")


def _md_escape(text):
    """Text safe inside a Markdown image's [alt text]."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def write_gallery(figures, run_dir):
    """Write the folder's README.md if its text changed, and record it as the build's own."""
    readme = figures / "README.md"
    text = gallery_text(figures, run_dir)
    if not (readme.exists() and readme.read_bytes() == text.encode("utf-8")):
        atomic_write(readme, text)
    atomic_write(run_dir / ".state" / "gallery.json", json.dumps({"README.md": _record(readme)}) + "\n")


# ----------------------------------------------------------------------------- the build
def build(only=None, langs=None, workers=None, force=False, notebooks=None, build_dir=None, figures_dir=None,
          data_dir=None, timeout=DEFAULT_TIMEOUT, echo=print, kernels="warm", **params):
    """Run the runs that are out of date; returns a list of error messages (empty if all went well).

    ``params`` are the run parameters (``formats``, ``dpi``, ``size``, ``bare``; None = default);
    ``kernels`` is ``warm`` or ``cold`` (:data:`KERNELS`: how runs and their kernels start). Raises
    :class:`BuildError` when the build cannot start, ValueError for a bad parameter and
    KeyboardInterrupt after stopping cleanly on Ctrl-C, or :class:`Stopped` (a KeyboardInterrupt) on
    SIGTERM or SIGHUP, which stop it in the same way.
    """
    if kernels not in KERNELS:
        raise ValueError(f"--kernels must be one of {', '.join(KERNELS)}; got {kernels!r}")
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool) or workers < 1):
        raise ValueError(f"--jobs must be a whole number of notebooks run in parallel, at least 1; got {workers!r}")
    with _StopOnSignals():
        return _build(only, langs, workers, force, notebooks, build_dir, figures_dir, data_dir, timeout, echo,
                      kernels, **params)


def _build(only, langs, workers, force, notebooks, build_dir, figures_dir, data_dir, timeout, echo, kernels, **params):
    started = time.perf_counter()
    build_dir = Path(build_dir or ROOT / "build").resolve()
    jobs = plan(only, langs, notebooks, build_dir, figures_dir, data_dir, timeout, **params)
    figures, run_dir = jobs[0].figures, jobs[0].run_dir
    _check_folders(jobs, build_dir)
    todo = [j for j in jobs if force or not up_to_date(j)]
    echo(f"mali-caac build: {len(jobs)} notebook runs, {len(jobs) - len(todo)} up to date, {len(todo)} to run")
    errors = []
    if todo:
        def first():  # while the warm workers import
            check_data(todo, build_dir, echo)
            echo(f"writing to {_show(figures)}")

        workers = workers or min(len(todo), os.cpu_count() or 1)
        errors = [r["error"] for r in _run_all(todo, workers, echo, kernels, first) if r["error"]]
    remove_stale(jobs)
    echo(f"done in {time.perf_counter() - started:.1f} s" + (f"; {len(errors)} failed:" if errors else ""))
    for e in errors:
        echo("  " + e)
    if not errors:
        try:
            write_gallery(figures, run_dir)
        except OSError as exc:
            errors.append(f"gallery {_show(figures / 'README.md')}: {exc.strerror or exc}")
            echo("  " + errors[-1])
    return errors


def refresh_notebooks(notebooks=None, echo=print):
    """Maintainers: execute each notebook in place with its default parameters, so that
    the committed outputs are the ones nbval will compare against."""
    import nbformat
    import papermill as pm
    from traitlets.config import Config

    notebooks = Path(notebooks or ROOT / "notebooks")
    for section in SECTIONS:
        nb = notebooks / f"{section}.ipynb"
        tmp = nb.with_name(f".{nb.stem}.tmp.ipynb")
        with tempfile.TemporaryDirectory(prefix="k") as sockets:  # local sockets, as the build's kernels
            config = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "k")}})
            pm.execute_notebook(str(nb), str(tmp), kernel_name="python3", cwd=str(notebooks), progress_bar=False,
                                shutdown_kernel="immediate", config=config)
        out = _clean_metadata(nbformat.read(tmp, as_version=4))
        out.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        atomic_write(nb, nbformat.writes(out) + "\n")
        tmp.unlink()
        echo(f"refreshed {nb.name}")


if __name__ == "__main__":  # a run's child process (python -m mali_caac.build --run SPEC), or a warm worker
    if sys.argv[1:2] == ["--run"] and len(sys.argv) == 3:
        _child_main(_read_spec(sys.argv[2]))
    elif sys.argv[1:] == ["--worker"]:
        _worker_main()
    else:
        sys.exit("usage: python -m mali_caac.build --run SPEC | --worker (internal; use `mali-caac build`)")
