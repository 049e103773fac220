"""Acronyms and UN document symbols spelled out, from the data, for the figures that show them.

Every acronym a figure shows (CMA, JNIM, CMFPR-II, DDR, EUTM ...) and every UN symbol it uses as a label
(S/2018/136) is expanded in its caption, in the figure's language: the parties from ``data/parties.csv``
(``full_name``, with its source and paragraph), the documents from ``data/sources.csv`` (their names in
words), and the other terms, with their French names, from the project's glossary (``site/glossary.csv``,
each entry with its source and locator), which also gives French forms (EIGS for ISGS, FDSM for MDSF).
Nothing is typed here: :func:`expansions` reads them. Words everyone reads (UN, US, EU) are not expanded.
"""
import csv
import re
from dataclasses import dataclass
from pathlib import Path

KNOWN = {"UN", "US", "EU", "ONU", "UE", "I", "II", "III"}
"""Abbreviations left as they are: read by everyone, or roman numerals."""

ACRONYM = re.compile(r"(?<![\w/.])(?:G5 Sahel|S/(?:AC\.\d+/)?\d{4}/\d+|[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*)"
                     r"(?![\w/])")
"""An acronym as figures print them (two capitals or more, hyphenated parts: 'MAA-CMA', 'CMFPR-II', 'FAMa'),
or a UN document symbol."""

GLOSSARY = Path(__file__).resolve().parent.parent / "site" / "glossary.csv"


@dataclass(frozen=True)
class Expansion:
    term: str
    name: str
    source_id: str
    locator: str


def _glossary(path=None):
    path = Path(path or GLOSSARY)
    if not path.is_file():  # an installed package without the site's folder: the data alone
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def expansions(lang, data=None, glossary_file=None):
    """{term as ``lang`` prints it: :class:`Expansion`} of every acronym and UN symbol the data spells out."""
    from .package import open_package

    pkg = open_package(data)
    glossary = {}
    for e in _glossary(glossary_file):
        term, name = e.get(f"term_{lang}") or e["term_en"], e.get(f"name_{lang}") or e["name_en"]
        if ACRONYM.fullmatch(term) and name and name != term:
            glossary[term] = Expansion(term, name, e["source_id"], e["locator"])
    data_names = {}
    for s in pkg.records("sources"):
        if s.get("symbol"):
            name = s.get(f"name_{lang}") or s["short_name"]
            data_names[s["symbol"]] = Expansion(s["symbol"], name, s["source_id"], "title")
    for p in pkg.records("parties"):
        code = str(p["party"])
        if ACRONYM.fullmatch(code) and p.get("full_name") and p["full_name"] != code:
            data_names[code] = Expansion(code, p["full_name"], p["source_id"], str(p.get("locator") or ""))
    # the data's names first; the glossary adds the other terms and, in French, the French names of the parties
    # whose full_name the data gives in English (MDSF: « Forces de défense et de sécurité maliennes »)
    return {**glossary, **data_names} if lang == "en" else {**data_names, **glossary}


def found(texts):
    """The acronyms and UN symbols in ``texts``, in order of appearance, without :data:`KNOWN`."""
    seen = []
    for text in texts:
        for term in ACRONYM.findall(str(text)):
            if term not in KNOWN and term not in seen:
                seen.append(term)
    return seen


def resolve(term, known):
    """The expansions of ``term``: itself if known, else its known hyphenated parts ('MAA-Plateforme': MAA)."""
    if term in known:
        return [known[term]]
    return [known[p] for p in term.split("-") if p in known]


def note(texts, lang, data=None):
    """The sentence that spells out the acronyms in ``texts`` ('Abbreviations: CMA, Coordination des
    mouvements de l'Azawad; ...'), '' if there is none; and the terms that the data does not spell out."""
    from .i18n import t

    known = expansions(lang, data)
    items, unknown = [], []
    for term in found(texts):
        got = resolve(term, known)
        if not got:
            unknown.append(term)
        for e in got:
            item = f"{e.term}, {e.name}"
            if item not in items:
                items.append(item)
    if not items:
        return "", unknown
    return t("word.abbreviations", lang) + ": " + "; ".join(items) + ".", unknown
