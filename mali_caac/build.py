"""``mali-caac build``: run the section notebooks with papermill, in parallel, and write the figures.

Each notebook runs once per language, with its parameters injected; the
executed notebook goes to ``build/<lang>/`` and the figures to
``figures/<lang>/``. A run is skipped when nothing it depends on changed (the
notebook, the data package, the library's code, the parameters) and its
outputs are all there. A failing notebook is reported with its cell; the others
still run; every file is written through a temporary file and a rename.
"""
import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .figures import REGISTRY, SECTIONS, check_parameters, figure_ids
from .i18n import t
from .package import atomic_write, default_folder

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Job:
    section: str
    lang: str
    notebook: Path
    executed: Path
    figures: Path
    state: Path
    params: dict
    key: str


def _digest(paths, extra):
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.name).encode())
        h.update(p.read_bytes())
    h.update(json.dumps(extra, sort_keys=True).encode())
    return h.hexdigest()


def plan(only=None, langs=("en", "fr"), formats=("png", "svg", "pdf"), dpi=200, context="paper",
         notebooks=None, build_dir=None, figures_dir=None):
    """The jobs to run: one per section notebook and language."""
    notebooks = Path(notebooks or ROOT / "notebooks")
    build_dir = Path(build_dir or ROOT / "build")
    figures_dir = Path(figures_dir or ROOT / "figures")
    sections = list(SECTIONS)
    if only:
        unknown = [s for s in only if s not in sections]
        if unknown:
            raise ValueError(f"--only: unknown notebook(s) {unknown}; the notebooks are: {', '.join(sections)}")
        sections = [s for s in sections if s in only]
    for lang in langs:
        check_parameters(lang=lang, formats=formats, dpi=dpi, context=context)
    library = sorted(Path(__file__).resolve().parent.rglob("*.py"))
    package_files = [default_folder() / "datapackage.json"]
    jobs = []
    for section in sections:
        nb = notebooks / f"{section}.ipynb"
        if not nb.exists():
            raise ValueError(f"no notebook {nb} for section {section!r}")
        for lang in langs:
            out = figures_dir / lang
            params = dict(lang=lang, formats=list(formats), dpi=dpi, context=context, output_dir=str(out.resolve()))
            key = _digest([nb, *package_files, *library], {k: v for k, v in params.items() if k != "output_dir"})
            jobs.append(Job(section, lang, nb, build_dir / lang / nb.name, out,
                            build_dir / ".state" / f"{section}.{lang}.json", params, key))
    return jobs


def expected_outputs(job):
    files = [job.executed]
    for fid in figure_ids(job.section):
        files += [job.figures / f"{fid}.{fmt}" for fmt in job.params["formats"]] + [job.figures / f"{fid}.md"]
    return files


def up_to_date(job):
    try:
        state = json.loads(job.state.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return False
    return state.get("key") == job.key and all(p.exists() for p in expected_outputs(job))


def _clean_metadata(nb):
    """Drop timestamps and durations that papermill and Jupyter write, so the output is stable."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


def run_job(job):
    """Execute one notebook (in a worker process). Returns (section, lang, seconds, error)."""
    import nbformat
    import papermill as pm

    os.environ.setdefault("MPLBACKEND", "agg")
    start = time.perf_counter()
    job.figures.mkdir(parents=True, exist_ok=True)
    job.executed.parent.mkdir(parents=True, exist_ok=True)
    tmp = job.executed.with_name(f".{job.executed.stem}.tmp{os.getpid()}.ipynb")
    error = None
    try:
        pm.execute_notebook(str(job.notebook), str(tmp), parameters=job.params, kernel_name="python3",
                            cwd=str(job.notebook.parent), progress_bar=False, log_output=False,
                            request_save_on_cell_execute=False, shutdown_kernel="immediate")
    except pm.PapermillExecutionError as exc:
        source = ""
        if tmp.exists():
            cells = [c for c in nbformat.read(tmp, as_version=4).cells
                     if c.cell_type == "code" and c.get("execution_count") == exc.exec_count]
            if cells:  # papermill adds an error banner cell on top, so find the cell by its count
                source = (cells[0].source.strip().splitlines() or [""])[0][:80]
        error = (f"{job.notebook.name} ({job.lang}): cell {exc.cell_index} of {job.executed} "
                 f"(execution count {exc.exec_count}, `{source}`) raised {exc.ename}: {exc.evalue}")
    except Exception as exc:  # kernel died, bad notebook ...
        error = f"{job.notebook.name} ({job.lang}): {type(exc).__name__}: {exc}"
    if tmp.exists():
        nb = _clean_metadata(nbformat.read(tmp, as_version=4))
        atomic_write(job.executed, nbformat.writes(nb) + "\n")
        tmp.unlink()
    if error is None:
        atomic_write(job.state, json.dumps({"key": job.key, "section": job.section, "lang": job.lang}) + "\n")
    elif job.state.exists():
        job.state.unlink()
    return job.section, job.lang, time.perf_counter() - start, error


def write_gallery(figures_dir=None, langs=("en", "fr"), formats=("png", "svg", "pdf")):
    """figures/README.md: every figure with its caption and source line, by section."""

    figures_dir = Path(figures_dir or ROOT / "figures")
    names = {"overview": "Overview", "recruitment": "Recruitment and use; deprivation of liberty",
             "killing": "Killing and maiming", "sexual_violence": "Rape and other forms of sexual violence",
             "attacks": "Attacks on schools and hospitals; schools closed", "abduction_denial": "Abduction and denial of humanitarian access",
             "reintegration": "Release and reintegration", "us_assistance": "US assistance", "civilian_harm": "Civilian harm, 2021-2022"}
    lines = ["# Figures", "",
             "Built by `make figures` (`mali-caac build`) from the data in `../data/`: do not edit by hand. "
             f"Each figure exists in {', '.join(langs)} as {', '.join(f.upper() for f in formats)}, with a caption file (`.md`) "
             "that cites the source, paragraph and quote of every row it draws.", ""]
    for section in SECTIONS:
        lines += [f"## {names[section]}", ""]
        for fid in figure_ids(section):
            caption_md = figures_dir / "en" / f"{fid}.md"
            source = ""
            if caption_md.exists():
                source = next((ln for ln in caption_md.read_text(encoding="utf-8").splitlines() if ln.startswith("Source")), "")
            others = " · ".join(f"[{lang} {fmt.upper()}]({lang}/{fid}.{fmt})" for lang in langs for fmt in formats)
            lines += [f"### {t(f'fig.{fid}.title', 'en')}", "", f"![{fid}](en/{fid}.png)", "",
                      t(f"fig.{fid}.caption", "en"), "", f"*{source}*", "",
                      f"French: *{t(f'fig.{fid}.title', 'fr')}*. Files: {others} · [caption and rows](en/{fid}.md)", ""]
    atomic_write(figures_dir / "README.md", "\n".join(lines))


def remove_stale(figures_dir, langs):
    """Delete figure files of figures that no longer exist."""
    known = set(REGISTRY)
    for lang in langs:
        folder = Path(figures_dir) / lang
        if folder.exists():
            for f in folder.iterdir():
                if f.is_file() and f.stem not in known:
                    f.unlink()


def build(only=None, langs=("en", "fr"), formats=("png", "svg", "pdf"), dpi=200, context="paper", workers=None,
          force=False, notebooks=None, build_dir=None, figures_dir=None, echo=print):
    """Run the jobs that are out of date; returns a list of error messages (empty if all went well)."""
    started = time.perf_counter()
    figures_dir = Path(figures_dir or ROOT / "figures")
    jobs = plan(only, langs, formats, dpi, context, notebooks, build_dir, figures_dir)
    todo = [j for j in jobs if force or not up_to_date(j)]
    skipped = len(jobs) - len(todo)
    echo(f"mali-caac build: {len(jobs)} notebook runs, {skipped} up to date, {len(todo)} to run")
    errors = []
    if todo:
        workers = workers or min(len(todo), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_job, j) for j in todo]
            for n, fut in enumerate(as_completed(futures), start=1):
                section, lang, secs, error = fut.result()
                status = "FAILED" if error else "ok"
                echo(f"[{n}/{len(todo)}] {section} ({lang}) {status} in {secs:.1f} s")
                if error:
                    errors.append(error)
    if not only and not errors:
        remove_stale(figures_dir, langs)
    write_gallery(figures_dir, langs, formats)
    echo(f"done in {time.perf_counter() - started:.1f} s" + (f"; {len(errors)} failed:" if errors else ""))
    for e in errors:
        echo("  " + e)
    return errors


def refresh_notebooks(notebooks=None, echo=print):
    """Maintainers: execute each notebook in place with its default parameters, so that
    the committed outputs are the ones nbval will compare against."""
    import nbformat
    import papermill as pm

    notebooks = Path(notebooks or ROOT / "notebooks")
    for section in SECTIONS:
        nb = notebooks / f"{section}.ipynb"
        tmp = nb.with_name(f".{nb.stem}.tmp.ipynb")
        pm.execute_notebook(str(nb), str(tmp), kernel_name="python3", cwd=str(notebooks), progress_bar=False,
                            shutdown_kernel="immediate")
        out = _clean_metadata(nbformat.read(tmp, as_version=4))
        out.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        atomic_write(nb, nbformat.writes(out) + "\n")
        tmp.unlink()
        echo(f"refreshed {nb.name}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(1 if build() else 0)
