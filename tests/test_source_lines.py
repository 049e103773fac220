"""A figure's source line is for print: the document in words, its paragraph or section, and the licence of
outside data; never a file name, line numbers, a breadcrumb or a table "row" (issue 14, item 6). The exact
locators stay in the caption file's table of rows and in the figure's CSV.

Before the fix, 8 committed source lines failed (country_reports_trend, us_aid_series, us_aid_2020_compared,
us_assistance_2020, us_security_cooperation, in English and French)."""
import re
from pathlib import Path

import pytest

from mali_caac.citation import cite_rows, print_locator
from mali_caac.package import open_package

ROOT = Path(__file__).resolve().parents[1]
NOT_FOR_PRINT = re.compile(r"\b[\w-]+\.(?:csv|tsv|json|geojson|xlsx?|txt|md|pdf|zip)\b|\blines?\b|\blignes?\b|>|\brows?\b")


def bad_for_print(line):
    return NOT_FOR_PRINT.findall(line)


def all_locators():
    pkg = open_package()
    found = set()
    for res in pkg.tables():
        if "locator" in res.field_names and "source_id" in res.field_names:
            for r in pkg.records(res.name):
                found.add((str(r["source_id"]), str(r["locator"])))
    return sorted(found)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_locator_of_the_data_gives_a_source_line_for_print(lang):
    bad = {}
    for sid, loc in all_locators():
        line = cite_rows([{"source_id": sid, "locator": loc}], lang=lang, for_print=True)
        if bad_for_print(line):
            bad[(sid, loc)] = line
    assert bad == {}


def test_the_check_catches_what_a_printer_cannot_use():
    for line in ["Source: USAID (public domain), us_foreign_aid_country_MLI.csv, lines 17–32, 34–101",
                 "Source: factsheet, Partnership Overview > Type of Assistance Provided",
                 "Source: UNETCHAC, S/2022/856 row", "Source : USAID, lignes 17–32"]:
        assert bad_for_print(line), line
    assert not bad_for_print("Source: afric.info, article on the fifth report; UN Secretary-General (S/2020/1105), "
                             "paras 14–15")


@pytest.mark.parametrize("locator,printed", [
    ("us_foreign_aid_country_MLI.csv, lines 17–32", None), ("para 12", "para 12"),
    ("Partnership Overview > Type of Assistance Provided", "Partnership Overview"),
    ("S/2022/856 row", "S/2022/856"), ("footnote 8", "footnote 8"),
])
def test_print_locator(locator, printed):
    assert print_locator(locator) == printed


def test_outside_data_keeps_its_licence_and_the_document_its_name():
    fae = [{"source_id": "USAID-FAE", "locator": "us_foreign_aid_country_MLI.csv, lines 17–32"}]
    assert cite_rows(fae, for_print=True) == ("Source: USAID, Foreign Aid Explorer, US assistance to Mali by "
                                              "fiscal year (public domain)")
    assert cite_rows(fae) .endswith("us_foreign_aid_country_MLI.csv, lines 17–32")  # the exact line, elsewhere


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_committed_figures_print_source_lines(lang):
    bad = {}
    for md in sorted((ROOT / "figures" / lang).glob("*.md")):
        lines = md.read_text(encoding="utf-8").splitlines()
        source = next(x for x in lines if x.startswith("Source"))
        if bad_for_print(source):
            bad[md.stem] = source
    assert bad == {}
