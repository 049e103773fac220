"""Every acronym or UN symbol a figure shows is spelled out in its caption, in its language, from the data
(issue 14, item 7); the site's glossary holds each with its source.

Before: no figure spelled out any (the committed figures showed CMA, JNIM, CMFPR-II, CJA, MSA, DNA, EIGS,
MUJAO, FLM, HCUA, MNLA, MAA, GATIA, FAMa, MDSF, DDR, ACLED, EUTM, G5 Sahel and the symbols S/2014/267 to
S/2022/856 with nothing to say what they are: ``test_committed_figures_spell_out_their_acronyms`` failed on 10
figures in English and 10 in French), and the glossary lacked 15 of them (added with their sources).
"""
import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mali_caac import acronyms
from mali_caac.figures import figure_ids
from mali_caac.i18n import t

ROOT = Path(__file__).resolve().parents[1]


def flat(text):
    """Spaces and apostrophes as one reads them (captions are typeset: l’Azawad)."""
    return " ".join(str(text).replace("\u2019", "'").split())


def shown_lines(svg_path, source_line, lang):
    """The lines of text of a committed SVG but its source lines (the source line, the map's boundaries)."""
    tree = ET.parse(svg_path)
    boundaries = flat(t("map.boundaries", lang))
    lines = []
    for el in tree.iter("{http://www.w3.org/2000/svg}text"):
        line = flat("".join(el.itertext()))
        if line.startswith(boundaries):
            break  # the boundaries line and what follows close the footer
        if line and line not in flat(source_line):
            lines.append(line)
    return lines


def caption_and_source(md_path):
    lines = md_path.read_text(encoding="utf-8").splitlines()
    return lines[2], next(x for x in lines if x.startswith("Source"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_committed_figures_spell_out_their_acronyms(lang):
    known = acronyms.expansions(lang)
    bad = {}
    for fid in figure_ids():
        caption, source = caption_and_source(ROOT / "figures" / lang / f"{fid}.md")
        for term in acronyms.found(shown_lines(ROOT / "figures" / lang / f"{fid}.svg", source, lang)):
            spelled = acronyms.resolve(term, known)
            if not spelled or any(flat(f"{e.term}, {e.name}") not in flat(caption) for e in spelled):
                bad.setdefault(fid, []).append(term)
    assert bad == {}


def test_the_glossary_holds_every_acronym_the_figures_show_with_its_source():
    with open(ROOT / "site" / "glossary.csv", encoding="utf-8", newline="") as fh:
        glossary = list(csv.DictReader(fh))
    terms = {e["term_en"] for e in glossary} | {e["term_fr"] for e in glossary}
    assert all(e["source_id"] and e["locator"] for e in glossary)
    missing = set()
    for lang in ("en", "fr"):
        for fid in figure_ids():
            _, source = caption_and_source(ROOT / "figures" / lang / f"{fid}.md")
            for term in acronyms.found(shown_lines(ROOT / "figures" / lang / f"{fid}.svg", source, lang)):
                if not term.startswith("S/") and not ({term} | set(term.split("-"))) & terms:
                    missing.add(term)
    assert missing == set()


def test_expansions_come_from_the_data_in_each_language():
    en, fr = acronyms.expansions("en"), acronyms.expansions("fr")
    assert en["CMA"].name == "Coordination des mouvements de l'Azawad" and en["CMA"].source_id == "S/2020/1105"
    assert en["ISGS"].name == "Islamic State in the Greater Sahara"
    assert fr["EIGS"].name == "État islamique dans le Grand Sahara"
    assert en["S/2018/136"].name.startswith("UN Secretary-General, second report")
    assert en["DDR"].locator == "paras 5, 51"


def test_the_note_spells_out_what_it_finds_and_names_what_it_cannot():
    sentence, unknown = acronyms.note(["CMA 202", "MAA-Plateforme", "S/2018/136 (42 mo.)", "UN and US", "XYZQ"], "en")
    assert sentence.startswith("Abbreviations: CMA, Coordination des mouvements de l'Azawad; MAA, Mouvement arabe")
    assert "S/2018/136, UN Secretary-General, second report" in sentence
    assert "UN," not in sentence and unknown == ["XYZQ"]


def test_a_corrected_full_name_changes_the_caption(data_copy, monkeypatch):
    from tests.test_broken_data import edit

    path = data_copy / "parties.csv"
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    col = rows[0].index("full_name")
    line = next(i for i, r in enumerate(rows) if r[0] == "DNA")
    edit(data_copy, "parties", "DNA", "full_name", rows[line][col] + " (corrected)")
    monkeypatch.setattr(acronyms, "GLOSSARY", data_copy / "no-glossary.csv")
    sentence, _ = acronyms.note(["DNA 2"], "en", data=data_copy)
    assert sentence == "Abbreviations: DNA, Dan Na Ambassagou (corrected)."
