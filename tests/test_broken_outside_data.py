"""Unusable region polygons and broken outside files are failed checks, never tracebacks (issue 16, items 3, 4, 8)."""
import json

import pytest
from click.testing import CliRunner

import mali_caac
from mali_caac.cli import main
from mali_caac.external import RAW, us_aid_rows
from mali_caac.geography import load_regions_geometry
from mali_caac.package import update_hashes
from mali_caac.printed import parse_printed

BOWTIE = {"type": "Polygon", "coordinates": [[[-4, 14], [-2, 16], [-2, 14], [-4, 16], [-4, 14]]]}
EMPTY = {"type": "Polygon", "coordinates": []}


def set_geometry(folder, region, geometry, file="regions_geometry.geojson", key="region"):
    path = folder / file
    doc = json.loads(path.read_text(encoding="utf-8"))
    for f in doc["features"]:
        if f["properties"][key] == region:
            f["geometry"] = geometry
    path.write_text(json.dumps(doc), encoding="utf-8")
    update_hashes(folder)


def set_amount(folder, transaction, year, amount):
    path = folder / RAW
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        cells = line.split(",")
        if len(cells) == 11 and cells[7] == transaction and cells[8] == str(year):
            cells[9] = str(amount)
            lines[i] = ",".join(cells)
            break
    else:
        raise AssertionError(f"no {transaction} {year} line")
    path.write_text("\n".join(lines), encoding="utf-8")
    update_hashes(folder)
    return i + 1


def failed(report):
    return {c.id: c.message for c in report.checks if c.status == "failed"}


def run(*args):
    result = CliRunner().invoke(main, list(map(str, args)))
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize("region, geometry, problem", [
    ("Mopti", BOWTIE, "feature 6 (Mopti): invalid geometry: Self-intersection"),
    ("Bamako", EMPTY, "feature 1 (Bamako): empty geometry"),
    ("Kidal", {"type": "Point", "coordinates": [1, 18]}, "(Kidal): a Point, not a Polygon"),
    ("Gao", {"type": "Polygon", "coordinates": [[[0, 0], [1]]]}, "(Gao): unreadable geometry"),
])
def test_unusable_region_polygon_is_a_failed_check(data_copy, region, geometry, problem):
    set_geometry(data_copy, region, geometry)
    report = mali_caac.validate(data_copy)  # raised GEOSException before (self-intersection); passed (empty Bamako)
    assert not report.ok
    msgs = failed(report)
    assert problem in msgs[f"geometry:valid:{region}"]
    assert msgs[f"geometry:valid:{region}"].startswith("regions_geometry.geojson, feature")
    assert f"missing: {region}" in msgs["geometry:regions"]
    # the other checks still ran
    assert sum(c.kind == "quote" and c.status == "ok" for c in report.checks) > 500
    result = run("--data", data_copy, "validate")
    assert result.exit_code == 1 and problem in result.output


def test_a_map_never_silently_loses_bamako(data_copy):
    set_geometry(data_copy, "Bamako", EMPTY)
    with pytest.raises(mali_caac.DataError, match=r"regions_geometry.geojson, field 'geometry'.*Bamako\): empty"):
        load_regions_geometry(data_copy)


def test_broken_natural_earth_file_is_a_failed_check(data_copy):
    set_geometry(data_copy, "Mopti", BOWTIE, "external/naturalearth_admin1_MLI.geojson", "name")
    msgs = failed(mali_caac.validate(data_copy))
    assert "external/naturalearth_admin1_MLI.geojson, feature" in msgs["geometry:natural_earth_file:Mopti"]
    assert "Self-intersection" in msgs["geometry:natural_earth_file:Mopti"]


def test_a_deobligation_is_kept_with_its_sign(data_copy):
    line = set_amount(data_copy, "Obligations", 1998, -2794000)
    rows = [r for r in us_aid_rows(data_copy / RAW) if r["locator"].endswith(f"line {line}") and r["dollars"] == "current"]
    assert rows[0]["value"] == "-2794000" and rows[0]["transaction_type"] == "obligations"
    assert run("--data", data_copy, "make-derived").exit_code == 0
    report = mali_caac.validate(data_copy)  # value had minimum 0: refused before
    assert report.ok, report.text()
    assert parse_printed("-2794000") == -2794000


def test_a_negative_appropriation_is_named_not_raised(data_copy):
    line = set_amount(data_copy, "Appropriated and Planned", 2006, -2794000)
    report = mali_caac.validate(data_copy)  # a DataError traceback before
    msg = failed(report)["derived:us_aid_series"]
    assert f"us_foreign_aid_country_MLI.csv, line {line}, field 'current_amount'" in msg
    assert "at least 0 for Appropriated and Planned" in msg and "'-2794000'" in msg
    assert "whole number" not in msg  # -2794000 is one: the old message said it was not
    result = run("--data", data_copy, "make-derived")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Appropriated and Planned" in result.output


def test_a_non_number_amount_is_named(data_copy):
    set_amount(data_copy, "Obligations", 1998, "12a")
    msg = failed(mali_caac.validate(data_copy))["derived:us_aid_series"]
    assert "a whole number of dollars" in msg and "'12a'" in msg


@pytest.mark.parametrize("file", ["external/geoBoundaries-MLI-ADM2_simplified.topojson",
                                  "external/naturalearth_admin1_MLI.geojson", "regions_geometry.geojson"])
def test_an_outside_file_that_is_not_json_is_named(data_copy, file):
    (data_copy / file).write_text('{"broken": [1, 2', encoding="utf-8")
    update_hashes(data_copy)
    report = mali_caac.validate(data_copy)  # a JSONDecodeError traceback before (the two outside files)
    assert not report.ok
    assert any(file in m and "JSONDecodeError" in m for m in failed(report).values()), report.text()
    assert sum(c.kind == "sum" and c.status == "ok" for c in report.checks) > 50  # the other checks still ran


def test_make_derived_names_a_broken_boundary_file(data_copy):
    (data_copy / "external/geoBoundaries-MLI-ADM2_simplified.topojson").write_text("{", encoding="utf-8")
    update_hashes(data_copy)
    result = run("--data", data_copy, "make-derived")
    assert result.exit_code != 0 and "geoBoundaries-MLI-ADM2_simplified.topojson: expected the geoBoundaries" in result.output
