"""CITATION.cff: valid Citation File Format 1.2.0, and in agreement with pyproject.toml, datapackage.json and sources.csv.

The schema is ``schema.json`` of citation-file-format/citation-file-format at tag 1.2.0 (commit
396f738fb025b1d8acdb02a56ffc923f95dc8999), copied byte for byte to ``tests/cff-schema-1.2.0.json``
(sha256 0b8d2214...cc169b, CC BY 4.0), so that the test needs no network.
"""
import csv
import hashlib
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).with_name("cff-schema-1.2.0.json")
SCHEMA_SHA256 = "0b8d22140da702d766df318dcff3a91af2f39521298dcf36d76315fd99cc169b"


class _TextDates(yaml.SafeLoader):
    """YAML as JSON sees it: dates stay text (the schema checks them as strings of format 'date')."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_cff(text):
    return yaml.load(text, Loader=_TextDates)


@pytest.fixture(scope="module")
def cff():
    return load_cff((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    raw = SCHEMA.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256, "the copied CFF schema was changed"
    schema = json.loads(raw)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_citation_file_is_valid_cff_1_2_0(cff, validator):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(cff)]
    assert not errors, "\n".join(errors)
    assert cff["cff-version"] == "1.2.0"


def test_the_schema_check_can_fail(cff, validator):
    """A wrong licence id, a missing title and a date that is not a date are each refused."""
    for broken in ({**cff, "license": "MIT licence"}, {k: v for k, v in cff.items() if k != "title"},
                   {**cff, "date-released": "2026-13-45"}):
        assert list(validator.iter_errors(broken))


def test_version_and_licences_agree_with_the_project(cff):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff["version"] == project["version"]
    code, data = project["license"]["text"].split(";")  # "MIT (code); CC BY 4.0 (curated data)"
    assert code.split("(")[0].strip() == cff["license"] == "MIT"
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    [licence] = package["licenses"]
    assert licence["name"] == "CC-BY-4.0" and data.split("(")[0].strip() == "CC BY 4.0"
    for field in ("message", "abstract"):
        assert f"Code: MIT" in cff[field] and "CC-BY-4.0" in cff[field]
    assert cff["authors"] == [{"name": "mali-caac contributors"}]


def test_every_source_is_a_reference(cff):
    """Each row of sources.csv is cited with its title, publisher, symbol, date and address."""
    refs = {}
    for ref in cff["references"]:
        if ref["notes"].startswith("source_id "):
            refs[ref["notes"].split(";")[0].removeprefix("source_id ")] = ref
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as f:
        sources = list(csv.DictReader(f))
    assert sorted(refs) == sorted(s["source_id"] for s in sources)
    for s in sources:
        ref = refs[s["source_id"]]
        assert ref["title"] == s["title"], s["source_id"]
        assert "; ".join(a["name"] for a in ref["authors"]) == s["publisher"], s["source_id"]
        assert ref.get("url", "") == s["url"], s["source_id"]
        assert ref.get("number", "") == s["symbol"], s["source_id"]
        if len(s["date"]) == 10:
            assert ref.get("date-published", ref.get("date-released")) == s["date"], s["source_id"]
        if s["date"]:
            assert str(ref.get("year", ref.get("date-released"))).startswith(s["date"][:4]), s["source_id"]


def test_geoboundaries_attribution(cff):
    """The map boundaries are cited as their licence asks: attribution, CC BY 4.0, and the paper."""
    from mali_caac.geography import ATTRIBUTION

    data = next(r for r in cff["references"] if r["notes"].startswith("source_id geoBoundaries-MLI-ADM2"))
    assert data["license"] == "CC-BY-4.0"
    attribution = ATTRIBUTION.rsplit(";", 1)[0]  # "geoBoundaries (Runfola et al. 2020); DNCT, DNP and OCHA Mali"
    assert attribution in data["notes"] and attribution in cff["message"]
    paper = next(r for r in cff["references"] if r.get("doi") == "10.1371/journal.pone.0231866")
    assert paper["authors"][0]["family-names"] == "Runfola" and paper["year"] == 2020
