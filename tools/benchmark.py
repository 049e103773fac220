"""Benchmark of `mali-caac build` (prints figures; not a test).

    make benchmark            # or: .venv/bin/python tools/benchmark.py

Measures, in scratch folders so that the committed figures are not touched:
1. the cold full build (every notebook, both languages, PNG+SVG+PDF), in parallel,
   twice (before and after the baseline; the faster counts: the machine is shared);
2. the no-op rebuild (nothing changed): its key hashes every file of the data
   folder, the library's code and the notebook, and it checks every recorded
   output's size and sha256, so this is the price of the strong key (aim: under 1 s);
   and, apart, the time to hash the data folder and the library;
3. the time per notebook run, as the build reports it;
4. the baseline: the same parameterized notebooks run one after another with
   `jupyter nbconvert --execute`, and the ratio of the build to it;
5. the same cold build with cold kernels (``--kernels cold``: a new interpreter
   for every run and every kernel) against the default warm kernels, forked from
   workers that imported everything once (mali_caac/kernels.py);
6. the cold build at each other size preset (column, slides, poster), whose
   texts are measured and laid out again for their width.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def main():
    scratch = Path(tempfile.mkdtemp(prefix="mali-caac-bench-"))
    figures, build = scratch / "figures", scratch / "build"
    cmd = [str(BIN / "mali-caac"), "build", "--figures-dir", str(figures), "--build-dir", str(build)]
    env = dict(os.environ, MPLBACKEND="agg")

    t0 = time.perf_counter()
    cold = subprocess.run(cmd, capture_output=True, text=True, env=env)
    t_cold = time.perf_counter() - t0
    if cold.returncode:
        print(cold.stdout, cold.stderr)
        raise SystemExit("cold build failed")
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    t_noop = time.perf_counter() - t0

    from mali_caac.build import LIBRARY, tree_hash
    from mali_caac.package import default_folder

    folder = default_folder()
    data_files = [p for p in folder.rglob("*") if p.is_file()]
    t0 = time.perf_counter()
    tree_hash(folder)
    tree_hash(LIBRARY)
    t_hash = time.perf_counter() - t0

    runs = re.findall(r"\] (\S+) \((\w+)\) ok in ([\d.]+) s", cold.stdout)
    nbconvert = BIN / "jupyter-nbconvert"
    t_base = None
    if nbconvert.exists():
        out = scratch / "nbconvert"
        t0 = time.perf_counter()
        for lang in ("en", "fr"):
            for nb in sorted(build.rglob(f"{lang}/*.ipynb")):
                subprocess.run([str(nbconvert), "--to", "notebook", "--execute", str(nb), "--output-dir", str(out / lang)],
                               cwd=ROOT / "notebooks", capture_output=True, env=env, check=True)
        t_base = time.perf_counter() - t0

    def timed_build(name, *options):
        t0 = time.perf_counter()
        subprocess.run(cmd[:2] + [*options, "--figures-dir", str(scratch / f"figures-{name}"),
                                  "--build-dir", str(scratch / f"build-{name}")], capture_output=True, env=env, check=True)
        return time.perf_counter() - t0

    # the machine is shared: the same cold build again, after the baseline, and the faster of the two counts
    t_again = timed_build("again")
    t_first, t_cold = t_cold, min(t_cold, t_again)
    t_cold_kernels = timed_build("cold-kernels", "--kernels", "cold")

    from mali_caac.parameters import DEFAULTS, PARAMETERS

    per_size = {DEFAULTS["size"]: t_cold}
    for size in PARAMETERS["size"]:
        if size in per_size:
            continue
        per_size[size] = timed_build(size, "--size", size)

    n_files = sum(1 for _ in figures.rglob("*") if _.is_file())
    print(f"machine: {os.cpu_count()} cores; {len(runs)} notebook runs; {n_files} files written")
    print(f"cold full build (parallel, papermill):  {t_cold:6.1f} s  (the faster of {t_first:.1f} s and {t_again:.1f} s, "
          "before and after the baseline)")
    print(f"no-op rebuild:                         {t_noop:6.2f} s  (aim: under 1 s; key over every input, outputs hashed)")
    print(f"  of which hashing the data folder ({len(data_files)} files, "
          f"{sum(p.stat().st_size for p in data_files) / 1e6:.1f} MB) and the library: {t_hash * 1000:5.0f} ms")
    print("per notebook run (seconds, in parallel):")
    for section, lang, secs in runs:
        print(f"  {section:<18} {lang}  {float(secs):5.1f}")
    if t_base is None:
        print("baseline: jupyter nbconvert is not installed (pip install nbconvert) - skipped")
    else:
        print(f"baseline, nbconvert --execute, serial: {t_base:6.1f} s")
        print(f"ratio build / baseline:                 {t_cold / t_base:6.2f}  (aim: at most 0.40, 0.33 better)")
    print(f"the same build with cold kernels:      {t_cold_kernels:6.1f} s  (warm / cold: {t_cold / t_cold_kernels:.2f})")
    print("cold full build per size (both languages, parallel):")
    for size in PARAMETERS["size"]:
        print(f"  {size:<8} {per_size[size]:6.1f} s")
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
