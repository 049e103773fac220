"""French figures wholly in French, with French typography (issue 7, item 7).

The unit tests check the formatting, typesetting, source-line and caption functions
and the English-word detector; the last test renders every figure in French.
"""
import datetime

import pytest

from mali_caac.citation import caption_table, cite_rows, locator_text
from mali_caac.figure_checks import english_words
from mali_caac.i18n import (NBSP, NNBSP, TEXT, date_label, label, money, month_name, number, percent,
                            period_span, t, typeset)
from mali_caac.figures.layout import tick_formatter
from mali_caac.package import open_package

# ----------------------------------------------------------------------------- numbers, money, dates


def test_numbers_group_thousands_with_a_narrow_no_break_space():
    assert number(10000, "fr") == f"10{NNBSP}000"
    assert number(1764, "en") == "1,764"
    assert number(16.56, "fr") == "16,56" and number(16.56, "en") == "16.56"
    assert number(53.4545, "fr", 1) == "53,5"
    assert number(2.5, "en", 0) == "3" and number(0.125, "en", 2) == "0.13"  # half up, as readers round
    assert number(-0.0001, "fr", 2) == "0,00"  # never '-0,00'


def test_percent_puts_a_no_break_space_before_the_sign_in_french():
    assert percent(76, "fr") == f"76{NBSP}%" and percent(76, "en") == "76%"
    assert percent(12.5, "fr", 1) == f"12,5{NBSP}%"


def test_money_writes_the_currency_after_the_number_in_french():
    assert money(16_560_000, "fr") == f"16,56{NBSP}M$"
    assert money(16_560_000, "en") == "$16.56M"
    assert money(74_000_000, "fr") == f"74{NBSP}M$" and money(74_000_000, "en") == "$74M"
    assert money(1_200_000_000, "fr", "billion") == f"1,2{NBSP}Md$"
    assert money(16_560_000, "fr", None) == f"16{NNBSP}560{NNBSP}000{NBSP}$"
    with pytest.raises(ValueError, match="scale must be one of"):
        money(1, "fr", "lakh")


def test_dates_and_months_come_from_babel():
    assert date_label("2021-06", "fr", "MMMM y") == "juin 2021"
    assert date_label(datetime.date(2021, 6, 15), "en") == "Jun 2021"
    assert month_name(7, "fr", "abbreviated") == "juil." and month_name(6, "fr") == "juin"
    assert period_span("2017-07-01", "2017-12-31", "fr") == "juil.–déc. 2017"
    assert period_span("2018-01-01", "2018-12-31", "fr") == "2018"


def test_period_labels_are_french():
    assert label("period", "2017H2", "fr") == f"juil.–déc. 2017\n(6{NBSP}mois)"


def test_tick_formatter_writes_french_ticks_on_an_axis():
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        ax.plot([0, 20000], [0, 30_000_000])
        ax.xaxis.set_major_formatter(tick_formatter("fr"))
        ax.yaxis.set_major_formatter(tick_formatter("fr", "money"))
        fig.canvas.draw()
        xs = [tl.get_text() for tl in ax.get_xticklabels()]
        ys = [tl.get_text() for tl in ax.get_yticklabels()]
    finally:
        plt.close(fig)
    assert f"10{NNBSP}000" in xs and "10000" not in xs
    assert f"20{NBSP}M$" in ys
    assert tick_formatter("fr", "percent")(20) == f"20{NBSP}%"
    with pytest.raises(ValueError, match="kind must be"):
        tick_formatter("fr", "date")


# ----------------------------------------------------------------------------- typesetting


@pytest.mark.parametrize("text,expected", [
    ("Source: S/2020/1105, par. 23-24", f"Source{NNBSP}: S/2020/1105, par.{NBSP}23–24"),
    ("Refus d'accès humanitaire", "Refus d’accès humanitaire"),
    ("(24 / mois)", f"(24{NBSP}/{NBSP}mois)"),
    ("environ 1 764 enfants", f"environ 1{NNBSP}764{NBSP}enfants"),
    ("morts (« terroristes »)", f"morts («{NNBSP}terroristes{NNBSP}»)"),
    ('le mot "DDR"', f"le mot «{NNBSP}DDR{NNBSP}»"),
    ("Pourquoi? Voilà!", f"Pourquoi{NNBSP}? Voilà{NNBSP}!"),
    ("janv. 2014-juin 2017", "janv. 2014–juin 2017"),
    ("juil.-déc. 2017 (2012-2013)", "juil.–déc. 2017 (2012–2013)"),
    ("d-01, pa-008, 2020-11-11, https://undocs.org/fr/S/2020/1105", "d-01, pa-008, 2020-11-11, https://undocs.org/fr/S/2020/1105"),
    ("en 2017 et 2019", "en 2017 et 2019"),  # a year before 'et' may break
])
def test_typeset_french(text, expected):
    assert typeset(text, "fr") == expected
    assert typeset(expected, "fr") == expected  # idempotent


def test_typeset_english_changes_only_ranges_and_quotes():
    assert typeset("paras 22-23, Jan 2014-Jun 2017, don't: 1 764", "en") == "paras 22–23, Jan 2014–Jun 2017, don’t: 1 764"


def test_translations_are_typeset():
    assert t("violation.denial_of_humanitarian_access", "fr") == "Refus d’accès humanitaire"
    assert t("word.underreporting", "fr").startswith(f"Cas vérifiés seulement{NNBSP}:")


# ----------------------------------------------------------------------------- terms


def test_the_six_violations_have_their_united_nations_french_names():
    names = {v: t(f"violation.{v}", "fr") for v in ("recruitment_and_use", "killing_and_maiming", "sexual_violence",
                                                    "attacks_on_schools_and_hospitals", "abduction",
                                                    "denial_of_humanitarian_access")}
    assert names == {"recruitment_and_use": "Recrutement et utilisation d’enfants",
                     "killing_and_maiming": "Meurtres et mutilations d’enfants",
                     "sexual_violence": "Viols et autres formes de violence sexuelle",
                     "attacks_on_schools_and_hospitals": "Attaques contre des écoles et des hôpitaux",
                     "abduction": "Enlèvements d’enfants",
                     "denial_of_humanitarian_access": "Refus d’accès humanitaire"}


def test_no_english_word_in_the_french_translations():
    bad = {k: english_words(t(k, "fr")) for k in TEXT if not k.startswith("caption.")}
    assert {k: w for k, w in bad.items() if w} == {}


def test_no_english_word_in_the_french_titles_and_captions():
    from mali_caac.figures import figure_ids

    bad = {}
    for fid in figure_ids():
        for part in ("title", "caption"):
            words = english_words(t(f"fig.{fid}.{part}", "fr"))
            if words:
                bad[f"{fid}.{part}"] = words
    assert bad == {}


def test_sources_have_french_names_in_words():
    sources = {s["source_id"]: s for s in open_package().records("sources")}
    assert sources["Watchlist-2021-06"]["short_name_fr"] == "Watchlist (juin 2021)"
    assert "DNCT, DNP et OCHA Mali" in sources["geoBoundaries-MLI-ADM2"]["name_fr"]
    for s in sources.values():
        assert english_words(s["name_fr"]) == [] and english_words(s["short_name_fr"]) == [], s["source_id"]


# ----------------------------------------------------------------------------- the detector


@pytest.mark.parametrize("text,expected", [
    ("Source: S/2020/1105, paras 23-24, footnote 3", ["paras", "footnote"]),
    ("Partnership Overview > Type of Assistance Provided", ["Partnership", "Overview", "of", "Provided"]),
    ("DNCT, DNP and OCHA Mali", ["and"]),
    ("Watchlist (June 2021), summary; lines 17-32", ["June", "summary", "lines"]),
    ("Source : Nations Unies, rapport du Secrétaire général (S/2020/1105), par. 23–24, note 3", []),
    ("Civils tués par les FAMa et Wagner (Human Rights\nWatch), toutes issues, un an", []),
    ("Watchlist on Children and Armed Conflict, bulletin mensuel de juin 2021", []),
    ("citation “Some 1,764 children were verified” en anglais; us_foreign_aid_country_MLI.csv", []),
])
def test_english_words(text, expected):
    assert english_words(text) == expected


# ----------------------------------------------------------------------------- source lines and caption files


def _all_locators():
    """(table, source_id, locator) of every row of every table that cites a document."""
    pkg = open_package()
    out = set()
    for res in pkg.tables():
        for rec in pkg.records(res.name):
            for key in rec:
                if key.startswith("locator") and rec[key]:
                    src = rec["source_id"] if key == "locator" else rec["source_" + key[-1]]
                    out.add((res.name, src, rec[key]))
    return sorted(out)


LOCATORS = _all_locators()


def test_every_locator_of_the_data_gives_a_french_source_line():
    assert len(LOCATORS) > 300
    bad = {}
    for table, sid, loc in LOCATORS:
        line = cite_rows([{"source_id": sid, "locator": loc}], lang="fr")
        words = english_words(line)
        if words or "“" in line or not line.startswith(f"Source{NNBSP}: "):
            bad[(sid, loc)] = (words, line)
    assert bad == {}


@pytest.mark.parametrize("locator,french", [
    ("paras 23–24", f"par.{NBSP}23–24"), ("para 5(g)", f"par.{NBSP}5(g)"), ("footnote 3", f"note{NBSP}3"),
    ("summary", "résumé"), ("annex para 10", f"annexe, par.{NBSP}10"),
    ("us_foreign_aid_country_MLI.csv, lines 17–32", f"us_foreign_aid_country_MLI.csv, lignes{NBSP}17–32"),
    ("Mali section, para 1", f"section Mali, par.{NBSP}1"), ("S/2022/856 row", "ligne S/2022/856"),
    ("Partnership Overview > Type of Assistance Provided", "Aperçu du partenariat > Type d’aide fournie"),
    ("A Heading Nobody Translated", "section “A Heading Nobody Translated”"),
])
def test_locators_in_french(locator, french):
    assert locator_text(locator, "fr") == french


def test_source_line_names_the_document_in_words_with_the_licence_of_outside_data():
    rows = [{"source_id": "S/2020/1105", "locator": "para 23"}, {"source_id": "S/2020/1105", "locator": "para 24"}]
    assert cite_rows(rows, lang="fr") == (
        f"Source{NNBSP}: Nations Unies, rapport du Secrétaire général sur le sort des enfants en temps de conflit "
        f"armé au Mali (S/2020/1105), par.{NBSP}23–24")
    assert cite_rows(rows) == ("Source: UN Secretary-General, report on children and armed conflict in Mali "
                               "(S/2020/1105), paras 23–24")
    fae = [{"source_id": "USAID-FAE", "locator": "us_foreign_aid_country_MLI.csv, line 17"}]
    assert "(domaine public)" in cite_rows(fae, lang="fr") and "(public domain)" in cite_rows(fae)
    geo = [{"source_id": "geoBoundaries-MLI-ADM2", "locator": "shapeName Goundam"}]
    assert "DNCT, DNP et OCHA Mali" in cite_rows(geo, lang="fr") and "(licence CC BY 4.0)" in cite_rows(geo, lang="fr")


def test_caption_table_is_french_and_marks_quotes_as_verbatim():
    rows = [{"table": "us_assistance", "row_id": "ua-001", "value": 16_560_000.0, "unit": "USD",
             "qualifier": "approximately", "source_id": "CHRHS-SAM-InterAction-2022",
             "locator": "Partnership Overview > Type of Assistance Provided", "quote": "some $16.56 million | in aid"}]
    head, rule, line = caption_table(rows, "fr")
    assert head == "| tableau | ligne (row_id) | valeur | unité | source | emplacement | citation |"
    assert rule == "|---|---|---|---|---|---|---|"
    assert f"| environ 16{NNBSP}560{NNBSP}000 | dollars des États-Unis |" in line
    assert "Aperçu du partenariat > Type d’aide fournie (titre original\u202f: “Partnership Overview > Type of " \
           "Assistance Provided”)" in line
    assert "| “some $16.56 million \\| in aid” (texte original, en anglais) |" in line
    second = caption_table(rows + [dict(rows[0], row_id="ua-002")], "fr")[3]
    assert "Aperçu du partenariat > Type d’aide fournie |" in second  # the heading as printed is given once
    head_en, _, line_en = caption_table(rows, "en")
    assert head_en == "| table | row_id | value | unit | source | locator | quote |"
    assert "| about 16,560,000 | US dollars |" in line_en and "| some $16.56 million \\| in aid |" in line_en


# ----------------------------------------------------------------------------- whole figures


# Before the fix all 43 French figures failed: _core._finish and render() called cite_rows without
# lang="fr" (every source line English), overview_map printed 'DNCT, DNP and OCHA Mali' and
# schools_closed 'Watchlist (June 2021)'.
def test_no_english_word_in_any_french_figure():
    import matplotlib

    matplotlib.use("agg")
    from mali_caac.figure_checks import drawn_texts
    from mali_caac.figures import close, figure_ids, render

    bad = {}
    for fid in figure_ids():
        r = render(fid, "fr", "double")
        try:
            r.figure.canvas.draw()
            texts = [x.get_text() for x in drawn_texts(r.figure)] + [r.source_line]
            words = sorted({w for text in texts for w in english_words(text)})
            if words:
                bad[fid] = words
        finally:
            close(r)
    assert bad == {}


def _ticks(fig):
    return {t.get_text() for ax in fig.axes for t in ax.get_xticklabels() + ax.get_yticklabels()}


def test_axis_ticks_are_written_as_the_language_writes_numbers(rendered):
    """Ticks as the labels on the bars: 10,000 / 10 000 (narrow no-break space), 2.5 / 2,5; years ungrouped."""
    assert "10,000" in _ticks(rendered("military_training", "en").figure)
    assert "10\u202f000" in _ticks(rendered("military_training", "fr").figure)
    french = _ticks(rendered("overview_previous_report", "fr").figure)
    assert "2,5" in french and "2.5" not in french
    assert "2000" in _ticks(rendered("us_aid_series", "fr").figure)  # a fiscal year, not 2 000


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_ranges_of_years_in_bar_labels_take_an_en_dash(rendered, lang):
    labels = _ticks(rendered("military_training", lang).figure)
    assert any("2013\u20132018" in x for x in labels) and not any("2013-2018" in x for x in labels), labels
