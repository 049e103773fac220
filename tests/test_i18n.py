import pytest

import mali_caac
from mali_caac.figures import figure_ids
from mali_caac.i18n import FIGURE_TEXT, TEXT, label, number, t


def test_every_text_has_english_and_french():
    for key, pair in {**TEXT, **FIGURE_TEXT}.items():
        assert len(pair) == 2, key
        if not key.startswith("word.qualifier.exact"):
            assert pair[0].strip() and pair[1].strip(), key


def test_every_figure_has_a_french_title_and_caption():
    for fid in figure_ids():
        for part in ("title", "caption"):
            en, fr = t(f"fig.{fid}.{part}", "en"), t(f"fig.{fid}.{part}", "fr")
            assert en != fr, f"{fid} {part} is not translated"


@pytest.mark.parametrize("dimension,table,key", [
    ("period", "periods", "period"), ("region", "regions", "region"),
])
def test_vocabularies_have_french_labels(dimension, table, key):
    for code in mali_caac.load(table)[key]:
        assert label(dimension, code, "fr")


def test_categories_and_violations_have_french_labels():
    for row in mali_caac.load("categories").to_dict("records"):
        assert label(row["dimension"], row["code"], "fr")
    for v in list(mali_caac.load("grave_violations")["violation"].cat.categories):
        assert t(f"violation.{v}", "fr")


def test_parties_drawn_have_labels_in_both_languages():
    gv = mali_caac.load("grave_violations")
    for party in gv["perpetrator"].astype(str).unique():
        assert label("perpetrator", party, "fr") and label("perpetrator", party, "en")


def test_missing_translation_is_an_error():
    with pytest.raises(KeyError, match="no translation for 'word.nothing'"):
        t("word.nothing", "fr")
    with pytest.raises(ValueError, match="lang must be one of"):
        t("word.source", "de")


def test_numbers_follow_the_language():
    assert number(378300, "en") == "378,300"
    assert number(378300, "fr") == "378\u202f300"
    assert number(16.56, "fr") == "16,56"
