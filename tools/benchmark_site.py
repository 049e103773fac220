"""Benchmark of `make site` (prints times; not a test).

    make benchmark            # or: .venv/bin/python tools/benchmark_site.py

1. `make figures` first (`mali-caac build`: nothing to do when the figures are up to date), so that the site
   is built from the executed notebooks, never executing them again;
2. the site built from them (`mali-caac site --force`, both languages), into a scratch folder;
3. the no-op `mali-caac site` (nothing changed, every built file checked against the build's manifest), whole
   command as a user runs it: aim under 2 s. The build itself aims within twice 27 s (its time before issue 15).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
SITE_BEFORE = 27
"""Seconds `make site` took after `make figures` before issue 15 (2 cores): the build aims within twice that."""


def timed(cmd):
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="agg"))
    if res.returncode:
        print(res.stdout, res.stderr)
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}")
    return time.perf_counter() - t0


def main():
    scratch = Path(tempfile.mkdtemp(prefix="mali-caac-bench-site-"))
    try:
        t_figures = timed([BIN / "mali-caac", "build"])
        site = [BIN / "mali-caac", "site", "--out", str(scratch / "site")]
        t_site = timed([*site, "--force"])
        t_noop = timed(site)
        pages = {lang: sum(1 for _ in (scratch / "site" / lang).rglob("*.html")) for lang in ("en", "fr")}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("make site (2 cores)")
    print(f"  make figures beforehand (up to date: no-op) {t_figures:6.1f} s")
    print(f"  site from the executed notebooks, en + fr   {t_site:6.1f} s  ({pages['en']} + {pages['fr']} pages; "
          f"aim: under {2 * SITE_BEFORE:.0f} s)")
    print(f"  no-op make site                             {t_noop:6.1f} s  (aim: under 2 s)")


if __name__ == "__main__":
    main()
