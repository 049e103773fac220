"""Typesetting at every size and language (issue 14, item 8).

No line breaks inside a date ('juillet / 2017–mars 2020'), between a number and its unit ('(24 / mois)'),
inside a short name in parentheses, or before a punctuation mark (a line starting with '·'); labels wrap in
balanced lines (no lone 'Remis' above 'aux acteurs de la protection de l'enfance'); one rule for en dashes
(closed, in every range); curly apostrophes and quotes in English; "US", not "U.S."; alt text that writes
months in words and parts each value from its label.

Before the fixes: the committed SVGs held 10 English figures with a spaced en dash ('Jul – Dec 2017'),
straight apostrophes in English titles and captions (Mali's, report's), the alt text of ``overview_totals``
said 'Values drawn: :', and ``schools_closed`` read '2017–12 500'.
"""
import re
from pathlib import Path

import pytest

from mali_caac.figures import _drawn, figure_ids
from mali_caac.figures.layout import wrap_to_width
from mali_caac.i18n import FIGURE_TEXT, TEXT, period_span, t
from mali_caac.typeset import KEEP, curly_quotes, keep_together

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text,kept", [
    ("juillet 2017–mars 2020", ["juillet 2017–mars 2020"]),
    ("Filles (24 mois) en 2019", ["(24 mois)"]),
    ("Recrutement (33 mo.)", ["(33 mo.)"]),
    ("27–31 March 2022", ["27–31 March 2022"]),
    ("Source: para 12 · footnote 3", ["para 12 ·", "footnote 3"]),
    ("forces (FAMa, Barkhane)", ["(FAMa, Barkhane)"]),
])
def test_spaces_that_must_not_break(text, kept):
    marked = keep_together(text)
    for piece in kept:
        assert piece.replace(" ", KEEP) in marked, (piece, marked.replace(KEEP, "_"))


def test_function_words_after_a_number_may_break():
    assert keep_together("6, 12, 12 and 3 months") == f"6, 12, 12 and 3{KEEP}months"


def test_a_kept_group_wider_than_the_line_breaks_rather_than_overflows():
    assert wrap_to_width("janvier 2017–décembre 2020", 6.5, 20) == ["janvier", "2017–décembre", "2020"]


@pytest.mark.parametrize("width_pt", [90, 140, 200])
def test_the_wrapper_never_breaks_a_date_a_unit_or_before_punctuation(width_pt):
    text = ("Grave violations verified per month in Mali, juillet 2017–mars 2020 (24 mois) · "
            "Source : par. 14–15 · note 3, January 2014–June 2017")
    lines = wrap_to_width(text, 6.5, width_pt)
    assert " ".join(lines) == text
    for line in lines:
        assert not re.match(r"[·:;!?»)]", line), lines
        assert not re.search(r"\b(juillet|January|June|mars)$", line), lines
        assert not re.match(r"(mois|2017|2020)\b", line) or line.startswith("2017–"), lines


def test_labels_wrap_in_balanced_lines():
    label = "Remis aux acteurs de la protection de l’enfance"
    lines = wrap_to_width(label, 7.5, 90, balance=True)
    assert lines[0] != "Remis" and len(lines) >= 2
    widths = [len(x) for x in lines]
    assert max(widths) - min(widths) < 12, lines


def test_one_rule_for_en_dashes():
    assert period_span("2017-07-01", "2017-12-31", "en") == "Jul–Dec 2017"
    assert period_span("2014-01-01", "2017-06-30", "fr") == "janv. 2014–juin 2017"


def test_curly_quotes_in_english():
    assert curly_quotes("Mali's 'Other regions' and the reports' totals, \"verified\"") == \
        "Mali’s ‘Other regions’ and the reports’ totals, “verified”"


def test_english_figure_texts_have_no_straight_quotes_and_say_US():
    bad = {}
    for key in list(TEXT) + list(FIGURE_TEXT):
        text = t(key, "en")
        if re.search(r"['\"]", re.sub(r"\{[^{}]*\}", "", text)) or "U.S." in text:
            bad[key] = text
    assert bad == {}


def test_alt_text_writes_months_in_words_and_parts_values_from_labels():
    assert _drawn.category_words("2017–12", "en") == "December 2017"
    assert _drawn.category_words("2020-03", "fr") == "mars 2020"
    assert _drawn.category_words("2019 (12 mo.)", "en") == "2019 (12 mo.)"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_alt_text_of_figures(lang, rendered):
    r = rendered("schools_closed", lang, "column")
    assert {"en": "December 2017: 500", "fr": "décembre 2017\u202f: 500"}[lang] in r.alt
    totals = rendered("overview_totals", lang, "column")
    assert not re.search(r":\s*:", totals.alt), totals.alt


def _svg_texts(path):
    svg = path.read_text(encoding="utf-8")
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg) + re.findall(r"<desc>([^<]*)</desc>", svg)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_committed_figures_use_one_dash_rule_and_say_us(lang):
    bad = {}
    for fid in figure_ids():
        for text in _svg_texts(ROOT / "figures" / lang / f"{fid}.svg"):
            if re.search(r"[\s\u2009\u202f\u00a0]\u2013[\s\u2009\u202f\u00a0]", text) or "U.S." in text:
                bad.setdefault(fid, []).append(text[:120])
    assert bad == {}
