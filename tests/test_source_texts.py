"""Source texts split into the parts that locators name; quotes matched up to whitespace."""
import pytest

from mali_caac.package import open_package
from mali_caac import reconcile
from mali_caac.source_texts import LocatorError, Unaddressable, contains, normalise, parse

UN = """ Summary
The report covers the period.
 I. Introduction
1.
The first paragraph counts 52 cases of the recruit ment of children.
2. The second paragraph, where a sentence runs
__________________
1
 A footnote that interrupts the page.
 across the page break.
 II. Conclusions
3. The Working Group agreed:
 (a) Condemning all violations;
 (b) Calling upon the parties (3) to act;
4. Last paragraph.
 Annex
1. First paragraph of the annex.
"""


@pytest.mark.parametrize("text, quote, found", [
    ("verified 52 cases", "52 cases", True),
    ("verified 52 cases", "5 2 cases", False),        # a space the source does not print
    ("verified 5 2 cases", "52 cases", False),        # never a space inside a number
    ("the perpe trators (45)", "the perpetrators (45)", True),   # a word split by the PDF extraction
    ("a 15 -year-old girl", "a 15-year-old girl", True),
    ("Gao ( 22) and", "Gao (22) and", True),
    ("two\nlines\u00a0and  spaces", "two lines and spaces", True),
    ("twolines", "two lines", False),
    ("anything", "", False),
])
def test_quotes_match_up_to_whitespace(text, quote, found):
    assert contains(normalise(text), quote) is found


def test_un_document_parts():
    t = parse("S-2020-1105.txt", UN)
    assert list(t.parts) == ["summary", "para 1", "para 2", "footnote 1", "para 3", "para 3(a)", "para 3(b)",
                             "para 4", "annex para 1"]
    assert t.parts["summary"] == "The report covers the period. I. Introduction"
    assert contains(t.parts["para 2"], "where a sentence runs across the page break")
    assert t.parts["footnote 1"] == "A footnote that interrupts the page."
    assert contains(t.parts["para 3(b)"], "Calling upon the parties (3)")
    assert not contains(t.parts["para 3(a)"], "Calling upon")
    assert contains(t.parts["para 3"], "Calling upon")       # a paragraph holds its sub-paragraphs
    assert t.parts["annex para 1"] == "First paragraph of the annex."
    assert t.locate("paras 1, 3(b)") == ["para 1", "para 3(b)"]
    assert t.has("where a sentence runs across the page break")   # not in the whole, but in para 2
    with pytest.raises(LocatorError, match=r"no part 'para 999' \(its parts: summary, para 1-4, footnote 1"):
        t.locate("para 999")
    with pytest.raises(Unaddressable, match="'page 3' is not a locator form"):
        t.locate("page 3")


def test_outline_and_table_parts():
    watch = parse("watchlist-2021-06.txt", "Summary line.\n\n  • Do this.\n\nUN Action\n\nYear listed: 2013\n\n"
                                           "Perpetrators listed in the annexes of the reports\nAnsar Eddine* a,c\n")
    assert watch.parts["summary"] == "Summary line."
    assert watch.parts["recommendations"] == "• Do this."
    assert watch.parts["UN Action"] == ("Year listed: 2013 Perpetrators listed in the annexes of the reports "
                                        "Ansar Eddine* a,c")
    assert watch.locate("UN Action > listing table") == ["UN Action > listing table"]
    with pytest.raises(LocatorError):
        watch.locate("UN Actions")
    table = parse("secondary-country-reports.md", "| report | figures |\n|---|---|\n| S/2022/856 (fourth) | 2,095 |\n")
    assert table.parts == {"S/2022/856 row": "| S/2022/856 (fourth) | 2,095 |"}


def test_every_held_text_is_split():
    texts = reconcile.held_texts(open_package())
    assert len([p for p in texts["S/2020/1105"].parts if p.startswith("para ")]) == 75
    assert len([p for p in texts["S/AC.51/2020/11"].parts if p.startswith("annex para ")]) == 17
    assert "para 5(dd)" in texts["S/AC.51/2020/11"].parts
    assert [p for p in texts["CHRHS-SAM-InterAction-2022"].parts if p.startswith("footnote")] == \
        [f"footnote {n}" for n in range(1, 13)]
    assert texts["CHRHS-SAM-InterAction-2022"].parts["footnote 8"] == \
        "There were also around $2 million of sales to UN missions in Mali."


def test_every_locator_of_the_package_is_addressable():
    checks = list(reconcile.check_quotes(open_package()))
    locators = [c for c in checks if c.kind == "locator"]
    assert len(locators) > 900
    assert [c.message for c in locators if c.status != "ok"] == []
    assert [c.message for c in checks if c.kind == "quote" and c.status != "ok"] == []
