"""Benchmark of the data layer (prints figures; not a test).

    make benchmark            # or: .venv/bin/python tools/benchmark_data.py [--rows N]

1. `mali-caac validate` (every check) against a bare `python -c "import pandas"`,
   measured side by side, alternating, median of several runs; the ratio is
   the figure to watch (target: at most 2.5).
2. Scale: a copy of the package whose `grave_violations` has N rows (default
   10^6): the real 257 rows, then copies of them with new row ids, each copy
   restating its original (so every row is parsed, typed, checked against the
   schema, its foreign keys, its quote and its restatement, and every
   reconciliation still holds). Time and peak memory (max RSS) of
   `load("grave_violations")` and of `validate()`, each in a fresh process.
3. `mali-caac diff` of two full packages (a fresh process each, median of
   several runs; target: under 3 s): two folders (the package and a copy with
   one value changed), and two git revisions (the first commit and HEAD, read
   with `git archive`), when this is a git checkout.
3. `mali-caac export --format xlsx` (both workbooks, metadata) and `--format hxl`
   into a scratch folder, each a whole command in a fresh process, median of
   several runs (target for xlsx: under 3 s on 2 cores).
"""
import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))


def timed(cmd, **kw):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kw)
    return time.perf_counter() - t0


def validate_ratio(repeats=7):
    pandas, validate = [], []
    for _ in range(repeats):  # alternate, so that both see the same machine load
        pandas.append(timed([sys.executable, "-c", "import pandas"]))
        validate.append(timed([str(BIN / "mali-caac"), "validate"]))
    p, v = statistics.median(pandas), statistics.median(validate)
    print(f"import pandas (median of {repeats}):        {p:6.2f} s")
    print(f"mali-caac validate (median of {repeats}):   {v:6.2f} s")
    print(f"ratio validate / import pandas:         {v / p:6.2f}  (target: at most 2.5)")


def big_package(folder, rows):
    """A copy of the package with ``rows`` rows in grave_violations (copies restate the originals)."""
    from mali_caac.package import update_hashes

    shutil.copytree(ROOT / "data", folder)
    path = folder / "grave_violations.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    header, body = table[0], table[1:]
    rid, restates, refines = header.index("row_id"), header.index("restates"), header.index("refines")
    register = header.index("discrepancy")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(header)
        out.writerows(body)
        n = len(body)
        copy = 0
        while n < rows:
            copy += 1
            for row in body:
                if n >= rows:
                    break
                new = list(row)
                new[rid] = f"gv-{n + 1:07d}"  # the table's prefix, unique across the package
                new[restates] = row[restates] or row[rid]
                new[refines] = ""  # a copy restates its row; a row does not also refine one
                new[register] = ""  # the register lists the rows it concerns: the originals
                out.writerow(new)
                n += 1
    update_hashes(folder)
    return path


PROBE = """
import resource, sys, time
t0 = time.perf_counter()
import mali_caac
{body}
secs = time.perf_counter() - t0
print(secs, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def probe(body, folder):
    out = subprocess.run([sys.executable, "-c", PROBE.format(body=body)], capture_output=True, text=True,
                         env={"MALI_CAAC_DATA": str(folder), "PATH": "/usr/bin:/bin"})
    if out.returncode:
        raise SystemExit(out.stderr)
    *said, last = out.stdout.strip().splitlines()
    for line in said:
        print("   ", line)
    secs, mib = last.split()
    return float(secs), float(mib)


def scale(rows):
    scratch = Path(tempfile.mkdtemp(prefix="mali-caac-scale-"))
    try:
        path = big_package(scratch / "data", rows)
        print(f"scale: grave_violations with {rows:,} rows ({path.stat().st_size / 2**20:.0f} MiB of CSV)")
        secs, mib = probe("assert len(mali_caac.load('grave_violations')) == %d" % rows, scratch / "data")
        print(f"  load('grave_violations'):  {secs:6.1f} s, peak memory {mib:6.0f} MiB")
        secs, mib = probe("r = mali_caac.validate(); print(r.text().splitlines()[0])", scratch / "data")
        print(f"  validate():                {secs:6.1f} s, peak memory {mib:6.0f} MiB")
    finally:
        shutil.rmtree(scratch)


def diff_times(repeats=5):
    scratch = Path(tempfile.mkdtemp(prefix="mali-caac-diff-"))
    try:
        copy = scratch / "data"
        shutil.copytree(ROOT / "data", copy)
        path = copy / "grave_violations.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(",132,children,", ",133,children,", 1),
                        encoding="utf-8")
        runs = {"two folders": [str(ROOT / "data"), str(copy)]}
        first = subprocess.run(["git", "-C", str(ROOT), "rev-list", "--max-parents=0", "HEAD"],
                               capture_output=True, text=True).stdout.split()
        if first:
            runs[f"git {first[0][:7]} vs HEAD"] = [first[0], "HEAD"]
        for label, args in runs.items():
            secs = statistics.median(timed([str(BIN / "mali-caac"), "diff", *args], cwd=ROOT) for _ in range(repeats))
            print(f"mali-caac diff, {label} (median of {repeats}): {secs:6.2f} s  (target: under 3)")
    finally:
        shutil.rmtree(scratch)


def cpu_of_children():
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def export_times(repeats=5):
    """Wall time and CPU time of each export: on a shared machine the CPU time is what an idle one would take."""
    scratch = Path(tempfile.mkdtemp(prefix="mali-caac-export-"))
    try:
        for fmt, target in (("xlsx", "  (target: under 3 s)"), ("hxl", "")):
            wall, cpu = [], []
            for _ in range(repeats):
                before = cpu_of_children()
                wall.append(timed([str(BIN / "mali-caac"), "export", "--format", fmt, str(scratch / fmt)]))
                cpu.append(cpu_of_children() - before)
            print(f"mali-caac export --format {fmt} (median of {repeats}): {statistics.median(wall):6.2f} s, "
                  f"CPU {statistics.median(cpu):5.2f} s{target}")
    finally:
        shutil.rmtree(scratch)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10**6)
    args = parser.parse_args()
    validate_ratio()
    diff_times()
    export_times()
    scale(args.rows)


if __name__ == "__main__":
    main()
