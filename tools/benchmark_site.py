"""Benchmark of `make site` (prints times; not a test).

    make benchmark            # or: .venv/bin/python tools/benchmark_site.py

1. `make figures` first (`mali-caac build`: nothing to do when the figures are up to date), so that the site
   is built from the executed notebooks, never executing them again;
2. the site built from them (`mali-caac site --force`, both languages), into a scratch folder;
3. the no-op `mali-caac site` (nothing changed, every built file checked against the build's manifest), whole
   command as a user runs it: aim under 2 s. The build itself aims within twice 27 s (its time before issue 15);
4. the parts of (2) that are the downloads: the figure bundles (every figure, both languages, timed here in one
   process) and the PDFs (report, hand-out and facilitator's copy per language, as the site build reports them).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
SITE_BEFORE = 27
"""Seconds `make site` took after `make figures` before issue 15 (2 cores): the build aims within twice that."""


OUTPUT = {}
"""The output of each command timed, by its last argument."""


def timed(cmd):
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="agg"))
    if res.returncode:
        print(res.stdout, res.stderr)
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}")
    OUTPUT[str(cmd[-1])] = res.stdout
    CPU[str(cmd[-1])] = _children_cpu() - cpu0
    return time.perf_counter() - t0


CPU = {}
"""The CPU seconds (user + system, with the command's own children) of each command timed."""


def _children_cpu():
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bundles_seconds():
    """(seconds, count) to make every figure's bundle in both languages (what the site build stages)."""
    from mali_caac import bundles
    from mali_caac.build import ROOT
    from mali_caac.package import open_package

    pkg, figures = open_package(), ROOT / "figures"
    ids = sorted(p.stem for p in (figures / "en").glob("*.png"))
    t0 = time.perf_counter()
    for lang in ("en", "fr"):
        for fid in ids:
            bundles.bundle_bytes(figures, lang, fid, pkg)
    return time.perf_counter() - t0, 2 * len(ids)


def main():
    scratch = Path(tempfile.mkdtemp(prefix="mali-caac-bench-site-"))
    try:
        t_figures = timed([BIN / "mali-caac", "build"])
        site = [BIN / "mali-caac", "site", "--out", str(scratch / "site")]
        t_site = timed([*site, "--force"])
        t_noop = timed(site)
        pages = {lang: sum(1 for _ in (scratch / "site" / lang).rglob("*.html")) for lang in ("en", "fr")}
        pdfs = re.search(r"(\d+) PDFs in ([\d.]+) s \(CPU ([\d.]+) s", OUTPUT["--force"])
        skipped = re.search(r"PDFs skipped.*", OUTPUT["--force"])
        t_bundles, n_bundles = bundles_seconds()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("make site (2 cores)")
    print(f"  make figures beforehand (up to date: no-op) {t_figures:6.1f} s")
    print(f"  site from the executed notebooks, en + fr   {t_site:6.1f} s  ({pages['en']} + {pages['fr']} pages; "
          f"CPU {CPU['--force']:.1f} s; aim: under {2 * SITE_BEFORE:.0f} s)")
    print(f"  of which figure bundles ({n_bundles} zips, one process) {t_bundles:6.1f} s")
    if pdfs:
        print(f"  of which PDFs ({pdfs.group(1)}: report, hand-out, facilitator's) {float(pdfs.group(2)):6.1f} s"
              f"  (CPU {float(pdfs.group(3)):.1f} s)")
    else:
        print(f"  PDFs: {skipped.group(0) if skipped else 'not reported'}")
    print(f"  no-op make site                             {t_noop:6.1f} s  (aim: under 2 s)")


if __name__ == "__main__":
    main()
