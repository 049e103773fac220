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


# ----------------------------------------------------------------------------- one French term per concept
def _pairs():
    import re

    from mali_caac.i18n import FIGURE_TEXT, TEXT
    for key, (en, fr) in {**TEXT, **FIGURE_TEXT}.items():
        yield key, re.sub(r"\{[^{}]*\}", "", en), re.sub(r"\{[^{}]*\}", "", fr)


def test_one_french_term_per_concept_of_the_glossary():
    """Where the English says a concept of the glossary, the French says it with the glossary's term, and no
    French text says it a second way (« exercice budgétaire » beside « année budgétaire »)."""
    import re

    from mali_caac.i18n import TERMS
    missing, second = {}, {}
    for key, en, fr in _pairs():
        for concept, (en_words, fr_term, fr_other) in TERMS.items():
            if re.search(en_words, en, re.M) and not re.search(fr_term, fr, re.I | re.M):
                missing.setdefault(concept, []).append(key)
            if re.search(fr_other, fr, re.M) and not re.search(fr_other, en, re.M):
                second.setdefault(concept, []).append(key)
    assert missing == {} and second == {}


def test_a_label_of_one_concept_reads_the_same_in_every_vocabulary():
    """'Not attributed' is one label in French whatever the vocabulary: « Non attribué » (before, the attribution
    classes said « Non attribuées » and the parties « Non attribué »)."""
    from mali_caac.i18n import TEXT
    labels = {TEXT[k][1] for k in TEXT if k.endswith(".unattributed") and TEXT[k][0][0].isupper()}
    assert labels == {"Non attribué"}


FEMININE_PLURAL = ("violations", "attaques", "écoles", "filles", "incidences", "personnes", "victimes")
PARTICIPLES_MASCULINE_PLURAL = r"(?:vérifiés|attribués|recrutés|enlevés|tués|utilisés|signalés|remis|détenus)"


def test_french_participles_agree_with_the_noun_they_follow():
    """« Chiffres vérifiés », not a bare « Vérifiés » above counts of violations; a feminine plural noun followed
    by a masculine plural participle is an agreement error (checkable cases only: noun and participle side by
    side)."""
    import re

    wrong = re.compile(rf"\b(?:{'|'.join(FEMININE_PLURAL)})\s+(?:non\s+)?{PARTICIPLES_MASCULINE_PLURAL}\b", re.I)
    bad = {key: wrong.findall(fr) for key, _, fr in _pairs() if wrong.search(fr)}
    assert bad == {}
    assert not t("word.verified_subtitle", "fr").startswith("Vérifiés")
    assert wrong.search("les 74 filles vérifiés")
