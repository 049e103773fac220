"""`mali-caac diff OLD NEW`: a value corrected in a copy, walked through the diff, the log and the version,
as data/CURATION.md ("Correcting the data") tells a maintainer; two git revisions of this repository."""
import csv
import io
import json
import shutil
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from mali_caac.cli import main
from mali_caac.diff import compare, diff
from mali_caac.package import update_hashes
from tests.test_broken_data import drop_column, edit
from tests.test_release import set_release

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def two(tmp_path, data_copy):
    """(old, new): two copies of the package; tests correct ``new``."""
    old = tmp_path / "old"
    shutil.copytree(data_copy, old)
    return old, data_copy


def test_identical_packages_have_no_change(two):
    old, new = two
    res = run("diff", old, new)
    assert res.exit_code == 0 and "No change between the two packages." in res.output


def test_a_corrected_value_is_shown_with_its_quote_and_wants_its_log_row(two):
    old, new = two
    # a maintainer corrects MNLA's 132 to 133 (the value and its printed form)
    edit(new, "grave_violations", "gv-027", "value", "133", rehash=False)
    edit(new, "grave_violations", "gv-027", "printed", "133")
    res = run("diff", old, new)
    assert res.exit_code == 0, res.output
    out = res.output
    assert "== grave_violations ==" in out and "rows changed (1):" in out
    assert "~ gv-027 value: '132' -> '133'  [not logged]" in out
    assert "~ gv-027 printed: '132' -> '133'  [not logged]" in out
    assert "quote: A total of 202 children were recruited by CMA (MNLA (132)" in out
    assert "Corrections log: 2 of 2 changed value(s) are NOT in NEW's log" in out
    assert "the changes call for at least 0.2.1 (patch: grave_violations: values changed), but NEW is 0.2.0" in out
    assert run("diff", "--check", old, new).exit_code == 1

    # validate --since wants the log rows and the new version
    res = run("--data", new, "validate", "--since", old)
    assert res.exit_code == 1
    assert "grave_violations gv-027 value: '132' -> '133' since" in res.output
    assert "add its row to the log" in res.output and "but NEW is 0.2.0" in res.output

    # the draft rows, completed by the maintainer, go into the log; the version is bumped
    draft = run("diff", "--draft-log", old, new)
    assert draft.exit_code == 0
    rows = list(csv.reader(io.StringIO(draft.output)))
    today = date.today().isoformat()  # the release the changes call for (0.2.1) is not numbered yet: today
    with open(old / "corrections.csv", encoding="utf-8") as fh:  # the next ids of the log
        logged = sum(1 for _ in csv.DictReader(fh))
    first, second = f"co-{logged + 1:03d}", f"co-{logged + 2:03d}"
    assert [r[:8] for r in rows] == [
        [first, "0.2.1", today, "grave_violations", "gv-027", "value", "132", "133"],
        [second, "0.2.1", today, "grave_violations", "gv-027", "printed", "132", "133"]]
    assert rows[0][9:] == ["S/2020/1105", "para 14", rows[0][11]] and "MNLA (132)" in rows[0][11]
    with open(new / "corrections.csv", "a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        for r in rows:
            writer.writerow([r[0], "0.2.1", "2026-12-04", *r[3:8], "test: the figure as corrected", *r[9:]])
    set_release(new, "0.2.1", "2026-12-04")
    update_hashes(new)

    res = run("diff", "--check", old, new)
    assert res.exit_code == 0, res.output
    assert "every changed value is in NEW's log (2)" in res.output
    assert f"~ gv-027 value: '132' -> '133'  [logged {first}]" in res.output
    assert "at least 0.2.1; NEW is 0.2.1: ok" in res.output

    # validate: the log rows are checked (their quotes are the source's) and the release is what the rule wants;
    # the totals fail, as a correction of one part of a stated total must (CMA's 202 = 132 + 35 + 34 + 1)
    res = run("--data", new, "validate", "--since", old, "-v")
    assert res.exit_code == 1 and "grave_violations gv-026" in res.output.split("\nOK (")[0]
    assert f"corrections: {logged + 2} correction(s), each naming a row and column that exist" in res.output
    assert f"corrections {first}: quote verbatim" in res.output and f"corrections {second}: quote verbatim" in res.output
    assert (f"since {old} (0.2.0): 2 changed value(s), all in the corrections log; version 0.2.1 as a patch "
            "release calls for (at least 0.2.1)") in res.output
    assert "-> '133' since" not in res.output

    # the other formats carry the same facts
    data = json.loads(run("diff", "--format", "json", old, new).output)
    assert data["all_logged"] and data["summary"]["values_changed"] == 2
    assert data["version_check"] == {**data["version_check"], "ok": True, "needed": "0.2.1", "level": "patch"}
    [gv] = [r for r in data["resources"] if r["name"] == "grave_violations"]
    assert gv["rows_changed"][0]["quote"].startswith("A total of 202 children")
    recs = list(csv.DictReader(io.StringIO(run("diff", "--format", "csv", old, new).output)))
    assert {(r["table"], r["change"], r["row"], r["field"], r["old_value"], r["new_value"], r["logged"])
            for r in recs if r["table"] == "grave_violations"} == {
        ("grave_violations", "value changed", "gv-027", "value", "132", "133", "yes"),
        ("grave_violations", "value changed", "gv-027", "printed", "132", "133", "yes")}
    md = run("diff", "--format", "markdown", old, new).output
    assert md.startswith("# mali-caac diff") and f"| gv-027 | value | 132 | 133 | logged {first} | A total of 202" in md


def test_rows_added_and_removed_call_for_a_minor_release(two):
    old, new = two
    path = new / "crsv.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    removed = lines.pop(1)
    lines.append(removed.replace("sv-", "sv-9", 1))
    path.write_text("".join(lines), encoding="utf-8")
    update_hashes(new)
    out = run("diff", old, new).output
    rid = removed.split(",")[0]
    assert f"  + {rid.replace('sv-', 'sv-9')}" in out and f"  - {rid}" in out
    assert "the changes call for at least 0.3.0 (minor: crsv: rows added or removed)" in out


def test_different_schemas_name_the_fields_and_compare_the_rest(two):
    old, new = two
    drop_column(new, "incidents", "note")
    edit(new, "incidents", "ic-001", "value", "999")
    out = run("diff", old, new).output
    assert "fields disappeared: note (the other fields are compared)" in out
    assert "~ ic-001 value:" in out and "-> '999'" in out
    assert "the changes call for at least 0.3.0 (major: incidents: columns changed), but NEW is 0.2.0" in out


def test_the_region_polygons_are_compared_feature_by_feature(two):
    old, new = two
    file = new / "regions_geometry.geojson"
    doc = json.loads(file.read_text(encoding="utf-8"))
    feature = doc["features"][0]
    key = "region" if "region" in feature["properties"] else next(iter(feature["properties"]))
    name = feature["properties"][key]
    feature["geometry"]["coordinates"][0][0][0] += 0.001
    feature["properties"]["iso_3166_2"] = "ML-XX"
    file.write_text(json.dumps(doc), encoding="utf-8")
    update_hashes(new)
    out = run("diff", old, new).output
    assert "== regions_geometry (features) ==" in out
    assert f"~ {name} geometry: '(old geometry)' -> '(new geometry)'" in out
    assert f"~ {name} iso_3166_2: " in out and "-> 'ML-XX'" in out


def test_bad_sides_and_formats_are_named(two, tmp_path):
    old, _ = two
    res = run("diff", old, tmp_path / "nowhere")
    assert res.exit_code == 2 and "nowhere" in res.output and "Traceback" not in res.output
    assert "is neither a data package folder nor a revision" in res.output or "not a data package folder" in res.output
    (tmp_path / "empty").mkdir()
    res = run("diff", old, tmp_path / "empty")
    assert res.exit_code == 2 and "without datapackage.json" in res.output and "Traceback" not in res.output
    res = run("diff", "--format", "xml", old, old)
    assert res.exit_code == 2 and "'xml'" in res.output
    path = tmp_path / "data" / "crsv.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + lines[1:2]), encoding="utf-8")
    res = run("diff", old, tmp_path / "data")
    assert res.exit_code == 2 and f"crsv.csv, line {len(lines) + 1} (row {lines[1].split(',')[0]})" in res.output
    assert "expected a unique primary key (row_id) to compare rows by" in res.output and "twice" in res.output
    path.write_text("".join(lines), encoding="utf-8")
    (old / "corrections.csv").unlink()
    res = run("diff", tmp_path / "data", old)
    assert res.exit_code == 2 and "corrections.csv" in res.output and "Traceback" not in res.output


# ----------------------------------------------------------------------------- git revisions
def _git(*args):
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def repo():
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("diff of git revisions: no .git in this checkout (or no git)")
    first = _git("rev-list", "--max-parents=0", "HEAD").stdout.split()
    if not first or _git("cat-file", "-e", f"{first[0]}:data/datapackage.json").returncode != 0:
        pytest.skip("diff of git revisions: the history is shallow")
    return first[0]


def test_diff_of_two_git_revisions(repo):
    """The first commit (0.1.0) against HEAD: read with git archive, compared table by table, quickly."""
    start = time.perf_counter()
    res = run("diff", repo, "HEAD")
    elapsed = time.perf_counter() - start
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"mali-caac diff {repo} HEAD")
    assert f"OLD {repo}: version 0.1.0 (no release date)" in res.output
    assert "== sources ==" in res.output and "fields appeared: short_name" in res.output
    assert elapsed < 3, f"diff of two revisions took {elapsed:.1f} s"
    back = run("diff", "--check", "HEAD", repo)
    version = json.loads(_git("show", "HEAD:data/datapackage.json").stdout)["version"]
    assert back.exit_code == 1 and f"Version: the version goes backwards: {version} -> 0.1.0." in back.output
    assert "Corrections log: NEW has none (corrections): no changed value is logged." in back.output
    same = run("diff", "HEAD", "HEAD")
    assert same.exit_code == 0 and "No change between the two packages." in same.output


def test_a_revision_that_does_not_exist_is_named(repo):
    res = run("diff", "no-such-revision", "HEAD")
    assert res.exit_code == 2
    assert "'no-such-revision' is neither a data package folder nor a revision of the repository" in res.output


def test_library_diff_returns_the_comparison(repo, data_copy):
    d = diff(repo, data_copy)
    assert d.old.version == "0.1.0" and d.summary()["values_changed"] > 0
    assert compare(data_copy, data_copy).summary()["rows_changed"] == 0
