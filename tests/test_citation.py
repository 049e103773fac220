"""References in every format: no 'None', case-insensitive ids, and output that other tools parse."""
import json

import bibtexparser
import pytest
import rispy

import mali_caac

SOURCES = list(mali_caac.load("sources")["source_id"])


def test_text_references_omit_absent_parts():
    text = mali_caac.cite()
    assert "None" not in text and "()" not in text
    assert mali_caac.cite("UNETCHAC-mali") == (
        "UNETCHAC observatory. UNETCHAC Observatory on the field: Mali (web page summarising S/2022/856). "
        "https://unetchac-observatory-on-the-field.org/mali")
    assert mali_caac.cite("SG-CAAC-Mali-5").endswith("(fifth country report; symbol not confirmed).")


def test_source_ids_match_whatever_their_case():
    for fmt in ("text", "bibtex", "ris", "csl-json"):
        assert mali_caac.cite("s/2020/1105", format=fmt) == mali_caac.cite("S/2020/1105", format=fmt)


def test_unknown_source_and_format():
    with pytest.raises(mali_caac.DataError, match="unknown source 'S/2021/1'.*The sources are: S/2020/1105"):
        mali_caac.cite("S/2021/1")
    with pytest.raises(mali_caac.DataError, match="format must be one of text, bibtex, ris, csl-json"):
        mali_caac.cite("S/2020/1105", format="apa")


def test_bibtex_parses_with_every_field():
    library = bibtexparser.parse_string(mali_caac.cite(format="bibtex"))
    assert not library.failed_blocks
    assert len(library.entries) == len(SOURCES)
    keys = [e.key for e in library.entries]
    assert len(set(keys)) == len(keys)
    report = library.entries_dict["S-2020-1105"]
    assert report.entry_type == "techreport"
    assert report["author"] == "{United Nations Security Council}"
    assert report["number"] == "S/2020/1105" and report["year"] == "2020" and report["month"] == "nov"
    assert report["url"] == "https://undocs.org/en/S/2020/1105"
    page = library.entries_dict["UNETCHAC-mali"]
    assert "year" not in page.fields_dict and "number" not in page.fields_dict
    for entry in library.entries:
        assert all(f.value not in ("", "None", "{None}") for f in entry.fields)


def test_bibtex_escapes_special_characters():
    library = bibtexparser.parse_string(mali_caac.cite("USAID-FAE", format="bibtex"))
    assert not library.failed_blocks
    [entry] = library.entries
    assert r"(us\_foreign\_aid\_country.csv, rows for Mali)" in entry["title"]
    assert entry["url"].endswith("/Analysis/us_foreign_aid_country.csv")  # addresses stay as they are


def test_ris_parses():
    records = rispy.loads(mali_caac.cite(format="ris"))
    assert [r["id"] for r in records] == SOURCES
    first = records[0]
    assert first["type_of_reference"] == "RPRT" and first["title"].startswith("Children and armed conflict in Mali")
    assert first["authors"] == ["United Nations Security Council"] and first["date"] == "2020/11/11"
    assert first["urls"] == ["https://undocs.org/en/S/2020/1105"]
    by_id = {r["id"]: r for r in records}
    assert by_id["UNETCHAC-mali"]["type_of_reference"] == "ELEC" and "year" not in by_id["UNETCHAC-mali"]
    assert by_id["USAID-FAE"]["type_of_reference"] == "DATA"


def test_csl_json_has_the_required_fields():
    items = json.loads(mali_caac.cite(format="csl-json"))
    assert [i["id"] for i in items] == SOURCES
    for item in items:
        assert {"id", "type", "title"} <= set(item)
        assert item["type"] in {"report", "dataset", "webpage"}
        assert None not in item.values()
    one = json.loads(mali_caac.cite("S/2020/1105", format="csl-json"))
    assert one == [{"id": "S/2020/1105", "type": "report",
                    "title": "Children and armed conflict in Mali: Report of the Secretary-General (third country report)",
                    "author": [{"literal": "United Nations Security Council"}],
                    "publisher": "United Nations Security Council", "issued": {"date-parts": [[2020, 11, 11]]},
                    "number": "S/2020/1105", "URL": "https://undocs.org/en/S/2020/1105"}]
