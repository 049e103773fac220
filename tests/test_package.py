"""The package object: read once, shared, safe with hostile descriptors, and installable anywhere."""
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner

import mali_caac
from mali_caac import package
from mali_caac.cli import main
from mali_caac.package import open_package

ROOT = Path(__file__).resolve().parent.parent


def count_calls(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_descriptor_parsed_once_and_each_file_hashed_once(data_copy, monkeypatch):
    parses = count_calls(monkeypatch, package, "parse_descriptor")
    hashes = count_calls(monkeypatch, package, "sha256")
    mali_caac.load("grave_violations", data_copy)
    assert len(parses) == 1  # was 14 for one load
    report = mali_caac.validate(data_copy)
    assert report.ok
    assert len(parses) == 1
    files = [Path(a[0]) for a in hashes]
    assert len(files) == len(set(files)) == len(open_package(data_copy).resources)  # was about 160 in one run


def test_one_package_object_per_folder_until_its_descriptor_changes(data_copy):
    from tests.test_broken_data import edit

    pkg = open_package(data_copy)
    assert open_package(str(data_copy)) is pkg and open_package(pkg) is pkg
    edit(data_copy, "context", "cx-001", "note", "edited")  # and rehash
    assert open_package(data_copy) is not pkg


def test_a_changed_file_is_noticed_by_a_package_already_open(data_copy):
    from tests.test_broken_data import edit

    pkg = open_package(data_copy)
    assert len(pkg.records("context"))
    edit(data_copy, "context", "cx-001", "note", "edited", rehash=False)
    with pytest.raises(mali_caac.DataError, match="does not match the hash recorded"):
        pkg.records("context")


def write_descriptor(folder, doc):
    (folder / "datapackage.json").write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")


@pytest.mark.parametrize("path, why", [
    ("../../../etc/passwd", "no absolute path, no '..'"),
    ("/etc/passwd", "no absolute path, no '..'"),
    ("https://example.org/x.csv", "not a URL"),
    ("sub\\..\\..\\x.csv", "no absolute path, no '..'"),
])
def test_paths_that_leave_the_package_are_refused_by_name(data_copy, path, why):
    doc = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    doc["resources"][0]["path"] = path
    write_descriptor(data_copy, doc)
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("sources", data_copy)
    assert "resources[0].path (sources)" in str(err.value) and why in str(err.value)
    res = CliRunner().invoke(main, ["--data", str(data_copy), "validate"])
    assert res.exit_code == 1 and repr(path) in res.output and "root:" not in res.output  # /etc/passwd is never read
    assert res.exception is None or isinstance(res.exception, SystemExit)


@pytest.mark.parametrize("text, message", [
    ("{}", "field 'resources': expected a non-empty list of resources, found 'nothing'"),
    ("[1, 2]", "expected a JSON object"),
    ("{not json", "expected valid JSON"),
    ('{"resources": [{"name": "x"}]}', "field 'resources[0].path (x)': expected a relative path"),
    ('{"resources": [{"name": "x", "path": "x.csv", "schema": {"fields": 3}}]}',
     "field 'resources[0].schema.fields (x)': expected a non-empty list of fields"),
    ('{"resources": [{"name": 5, "path": "x.csv"}]}', "field 'resources[0].name'"),
])
def test_a_malformed_descriptor_is_a_data_error_in_every_command(data_copy, text, message):
    write_descriptor(data_copy, text)
    with pytest.raises(mali_caac.DataError, match="datapackage.json"):
        mali_caac.load("sources", data_copy)
    runner = CliRunner()
    for args in (["datasets"], ["show", "sources"], ["cite", "S/2020/1105"], ["validate"], ["rehash"]):
        res = runner.invoke(main, ["--data", str(data_copy), *args])
        assert res.exit_code in (1, 2), (args, res.output)
        assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit), (args, res.exception)
        assert message in res.output, (args, res.output)


def test_unknown_dataset_lists_only_public_datasets():
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("text_s_2020_1105")
    assert "unknown dataset 'text_s_2020_1105'" in str(err.value)
    assert "raw_" not in str(err.value) and "text_" not in str(err.value).split("datasets are:")[1]


def test_the_environment_variable_points_the_library_at_a_working_copy(data_copy):
    code = "import mali_caac.package as p; print(p.open_package().folder)"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "MALI_CAAC_DATA": str(data_copy)},
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == str(data_copy)


def test_a_wheel_carries_the_data_and_validates_outside_the_repository(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--disable-pip-version-check",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--disable-pip-version-check",
                    str(next(wheels.glob("*.whl")))], check=True, capture_output=True)
    # the dependencies (pandas, shapely, pycountry, click) come from this environment; mali_caac from the wheel
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "MALI_CAAC_DATA"}
    code = ("import mali_caac, mali_caac.package as p; r = mali_caac.validate(); "
            "print(mali_caac.__file__); print(p.open_package().folder); print(r.ok, len(r.checks)); "
            "print(len(mali_caac.load('grave_violations')))")
    out = subprocess.run([str(py), "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    lib, folder, ok, rows = out.stdout.split("\n")[:4]
    assert lib.startswith(site) and folder == str(Path(site, "mali_caac", "data"))
    assert ok.startswith("True ") and int(ok.split()[1]) > 1000
    assert int(rows) == len(mali_caac.load("grave_violations"))
    cli = subprocess.run([str(venv / "bin" / "mali-caac"), "validate"], cwd=elsewhere, env=env,
                         capture_output=True, text=True)
    assert cli.returncode == 0 and "OK" in cli.stdout.splitlines()[0]


def test_changing_a_loaded_frame_never_changes_the_next_load():
    a = mali_caac.load("grave_violations")
    a.loc[a.index[0], "value"] = -1.0
    a["quote"] = "edited"
    b = mali_caac.load("grave_violations")
    assert b["value"].iloc[0] != -1.0 and (b["quote"] != "edited").all()
