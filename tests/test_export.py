"""`mali-caac export`: read back by outside clients (libhxl, openpyxl), and never over a folder it did not write."""
import csv
import datetime
import io
import json
import re
import zipfile

import pytest
from click.testing import CliRunner

from tests.conftest import DATA
from mali_caac import export as export_module
from mali_caac.cli import main
from mali_caac.export import FORMATS, MANIFEST, _release_info, export, workbook
from mali_caac.i18n import t
from mali_caac.package import open_package

# The hashtags of the HXL Standard dictionary (hxlstandard.org/standard/dictionary, HXL 1.1).
HXL_HASHTAGS = {
    "access", "activity", "adm1", "adm2", "adm3", "adm4", "adm5", "affected", "beneficiary", "capacity", "channel",
    "contact", "country", "crisis", "currency", "date", "delivery", "description", "event", "frequency", "geo",
    "group", "impact", "indicator", "inneed", "item", "loc", "meta", "modality", "need", "operations", "org",
    "output", "population", "position", "reached", "region", "respondee", "sector", "service", "severity", "status",
    "subsector", "targeted", "value",
}
TAG = re.compile(r"^#([a-z][a-z0-9_]*)((\+[a-z][a-z0-9_]*)*)$")
TYPES = {"string": str, "number": (int, float), "integer": int, "boolean": bool, "date": datetime.datetime}


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def pkg():
    return open_package(DATA)


@pytest.fixture(scope="module")
def hxl_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "hxl"
    export("hxl", out, data=DATA)
    return out


@pytest.fixture(scope="module")
def xlsx_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "xlsx"
    result = run("--data", str(DATA), "export", "--format", "xlsx", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def books(xlsx_dir):
    from openpyxl import load_workbook

    version = _release_info(open_package(DATA))["version"]
    return {lang: load_workbook(xlsx_dir / f"mali-caac-data_{version}_{lang}.xlsx") for lang in ("en", "fr")}


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


# ----------------------------------------------------------------------------- HXL
def test_every_field_has_an_hxl_tag_from_the_dictionary(pkg):
    for res in pkg.tables():
        for field in res.schema["fields"]:
            match = TAG.match(field.get("hxl") or "")
            assert match, f"{res.name}.{field['name']}: {field.get('hxl')!r}"
            assert match.group(1) in HXL_HASHTAGS, f"{res.name}.{field['name']}: {field['hxl']}"


def test_libhxl_finds_every_tag_and_every_row(pkg, hxl_dir):
    import hxl

    assert sorted(p.name for p in hxl_dir.glob("*.csv")) == sorted(f"{r.name}.csv" for r in pkg.tables())
    for res in pkg.tables():
        source = hxl.data(str(hxl_dir / f"{res.name}.csv"), hxl.InputOptions(allow_local=True))
        assert source.display_tags == [f["hxl"] for f in res.schema["fields"]], res.name
        original = csv_rows(DATA / res.path)
        assert [c.header for c in source.columns] == original[0]
        rows = [row.values for row in source]
        assert len(rows) == len(pkg.records(res.name)) == len(original) - 1, res.name
        assert rows == original[1:], res.name


def test_hxl_rows_are_the_package_bytes_and_the_plain_csvs_keep_no_tags(pkg, hxl_dir):
    for res in pkg.tables():
        plain = (DATA / res.path).read_bytes()
        tagged = (hxl_dir / f"{res.name}.csv").read_bytes().split(b"\n")
        assert b"\n".join(tagged[:1] + tagged[2:]) == plain
        assert not plain.split(b"\n")[1].startswith(b"#")


# ----------------------------------------------------------------------------- workbooks
def test_workbooks_have_a_readme_a_sheet_per_table_and_the_columns(pkg, books):
    tables = [r.name for r in pkg.tables()]
    for lang, wb in books.items():
        assert wb.sheetnames[0] == t("export.readme", lang) and wb.sheetnames[-1] == t("export.columns_sheet", lang)
        assert sorted(wb.sheetnames[1:-1]) == sorted(tables)
        assert "sources" in wb.sheetnames and "discrepancies" in wb.sheetnames


def test_workbook_cells_are_typed_and_count_the_csv_rows(pkg, books):
    wb = books["en"]
    for res in pkg.tables():
        ws = wb[res.name]
        assert ws.freeze_panes == "A2"
        head = [c.value for c in ws[1]]
        assert head == res.field_names, res.name
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        assert len(rows) == len(csv_rows(DATA / res.path)) - 1, res.name
        for field, cell in zip(res.schema["fields"], ws[1]):
            assert field["description"] in cell.comment.text and field["hxl"] in cell.comment.text
        for record, row in zip(pkg.records(res.name), rows):
            for i, field in enumerate(res.schema["fields"]):
                value, want = row[i], record[field["name"]]
                if want is None:
                    assert value is None, (res.name, field["name"])
                    continue
                kind = field.get("type", "string")
                assert isinstance(value, TYPES[kind]), (res.name, field["name"], value)
                assert value == (datetime.datetime.combine(want, datetime.time()) if kind == "date" else want)


def test_readme_sheet_says_what_version_licence_citation_and_caveats(pkg, books):
    info = _release_info(pkg)
    for lang, wb in books.items():
        text = "\n".join(str(v) for row in wb[wb.sheetnames[0]].iter_rows(values_only=True) for v in row if v)
        assert info["version"] in text and info["citation"] in text and "CC BY 4.0" in text
        for key in ("word.verified_subtitle", "word.underreporting", "word.capacity_caveat", "export.caveat_printed"):
            assert t(key, lang) in text, (lang, key)
        for res in pkg.tables():
            assert t("export.sheet_rows", lang).format(sheet=res.name, rows=len(pkg.records(res.name))) in text
    assert "LISEZ-MOI" in books["fr"].sheetnames and "Mises en garde" in text


def test_french_workbook_has_french_headings_and_labels_and_verbatim_quotes(pkg, books):
    ws = books["fr"]["grave_violations"]
    head = [c.value for c in ws[1]]
    assert head[0] == t("column.row_id", "fr") and t("column.region", "fr") == "région"
    region = head.index("région")
    assert head[region + 1] == "région (libellé)"
    names = {r["region"]: r["name_fr"] for r in pkg.records("regions")}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    records = pkg.records("grave_violations")
    assert [r[region] for r in rows] == [r["region"] for r in records]  # the codes stay
    assert [r[region + 1] for r in rows] == [names[r["region"]] for r in records]
    assert "Tombouctou" in {r[region + 1] for r in rows}
    assert [r[head.index("citation")] for r in rows] == [r["quote"] for r in records]
    perpetrator = head.index("auteur")
    assert head[perpetrator + 1] == "auteur (libellé)"
    assert {r[perpetrator]: r[perpetrator + 1] for r in rows}["FAMa"] == t("party.FAMa", "fr")
    # vocabularies that hold their own French labels get no second one; a standard's number keeps its hyphen
    assert [c.value for c in books["fr"]["regions"][1]][:3] == ["région", "nom en français", "code ISO 3166\u20112"]
    assert "période (libellé)" not in [c.value for c in books["fr"]["periods"][1]]


def test_same_package_gives_the_same_workbook_bytes_dated_to_the_release(pkg):
    info = _release_info(pkg)
    stamp = datetime.datetime.combine(info["date"] or datetime.date(1980, 1, 1), datetime.time())
    for lang in ("en", "fr"):
        first = workbook(pkg, lang)
        assert first == workbook(pkg, lang)
        archive = zipfile.ZipFile(io.BytesIO(first))
        assert {i.date_time for i in archive.infolist()} == {stamp.timetuple()[:6]}
        core = archive.read("docProps/core.xml").decode()
        assert core.count(stamp.strftime("%Y-%m-%dT%H:%M:%SZ")) == 2, core


# ----------------------------------------------------------------------------- metadata
def test_metadata_has_the_fields_hdx_asks_for_computed_from_the_data(pkg, xlsx_dir):
    meta = json.loads((xlsx_dir / "metadata.json").read_text(encoding="utf-8"))
    for key in ("title", "description", "methodology", "caveats", "dataset_date", "geography", "licence",
                "outside_data_licences", "source_organisations", "update_frequency", "version", "how_to_cite"):
        assert meta[key], key
    assert meta["geography"]["iso3"] == "MLI" and meta["update_frequency"] == "As the Secretary-General reports"
    # the date range, computed again here from the CSV files
    cited = set()
    for res in pkg.tables():
        if res.name == "sources":
            continue
        for row in csv.DictReader(open(DATA / res.path, encoding="utf-8", newline="")):
            cited.update(row.get(c) for c in ("source_id", "source_a", "source_b") if row.get(c))
    sources = [s for s in csv.DictReader(open(DATA / "sources.csv", encoding="utf-8", newline=""))
               if s["source_id"] in cited]
    assert meta["dataset_date"]["start"] == min(s["period_start"] for s in sources if s["period_start"])
    assert meta["dataset_date"]["end"] == max(s["period_end"] for s in sources if s["period_end"])
    assert set(meta["source_organisations"]) == {s["publisher"] for s in sources}
    assert {x["source_id"] for x in meta["outside_data_licences"]} == {s["source_id"] for s in sources
                                                                      if s["kind"] == "external"}
    readme = (xlsx_dir / "README.md").read_text(encoding="utf-8")
    assert meta["title"] in readme and "MLI" in readme and meta["how_to_cite"] in readme
    listed = json.loads((xlsx_dir / MANIFEST).read_text())["files"]
    assert sorted(listed) == sorted(p.name for p in xlsx_dir.iterdir() if p.name != MANIFEST)


# ----------------------------------------------------------------------------- the folder
def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_unknown_format_is_refused_and_nothing_written(tmp_path):
    result = run("export", "--format", "csv", str(tmp_path / "out"))
    assert result.exit_code == 2 and "'csv' is not one of 'hxl', 'xlsx'" in result.output
    assert list(tmp_path.iterdir()) == [] and FORMATS == ("hxl", "xlsx")


def test_a_folder_the_export_did_not_write_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    result = run("export", "--format", "hxl", str(out))
    assert result.exit_code == 2
    assert "thesis.docx" in result.output and MANIFEST in result.output and "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert snapshot(out) == {"thesis.docx": b"years of work"} and sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_files_added_or_changed_in_an_export_are_never_overwritten(tmp_path):
    out = tmp_path / "out"
    assert run("export", "--format", "hxl", str(out)).exit_code == 0
    (out / "my_notes.txt").write_text("mine")
    before = snapshot(out)
    result = run("export", "--format", "hxl", str(out))
    assert result.exit_code == 2 and "not written by the export: my_notes.txt" in result.output
    assert snapshot(out) == before
    (out / "my_notes.txt").unlink()
    (out / "grave_violations.csv").write_text("edited by hand")
    result = run("export", "--format", "hxl", str(out))
    assert result.exit_code == 2 and "changed since the export wrote it: grave_violations.csv" in result.output
    (out / "grave_violations.csv").unlink()  # a file of the export removed: the next export restores it
    result = run("export", "--format", "hxl", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "grave_violations.csv").read_bytes().startswith(b"row_id,")


def test_a_failing_export_leaves_the_previous_one_whole(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("export", "--format", "hxl", str(out)).exit_code == 0
    before = snapshot(out)

    def half(pkg, folder, langs):
        (folder / "grave_violations.csv").write_text("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(export_module.WRITERS, "hxl", half)
    result = run("export", "--format", "hxl", str(out))
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folder left behind


def test_lang_is_refused_for_hxl_which_holds_codes_not_words(tmp_path):
    result = run("export", "--format", "hxl", "--lang", "fr", str(tmp_path / "out"))
    assert result.exit_code == 2 and "--lang" in result.output and "xlsx" in result.output
    assert list(tmp_path.iterdir()) == []


def test_text_that_starts_with_an_equals_sign_stays_text_not_a_formula():
    from openpyxl import Workbook, load_workbook

    wb = Workbook(write_only=True)
    export_module._sheet(wb, "x", ["quote", "value"], [["=SUM(A1:A9)", 2.0], ["plain", None]])
    buf = io.BytesIO()
    wb.save(buf)
    cells = load_workbook(io.BytesIO(buf.getvalue()))["x"]["A2":"B3"]
    assert [[(c.value, c.data_type) for c in row] for row in cells] == [
        [("=SUM(A1:A9)", "s"), (2, "n")], [("plain", "s"), (None, "n")]]
