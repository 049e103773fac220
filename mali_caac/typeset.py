"""Where a line of figure text may break, in English and in French.

A figure's labels, titles, notes and source lines are wrapped to a width (``wrap_to_width`` in
``mali_caac.figures.layout``); this module says which spaces are not break points, so that no line splits a
date from its year ('juillet / 2017'), a number from its unit ('(24 / mois)'), a short name in parentheses,
or starts with a punctuation mark ('· Source', ': ...', '» ...'). :func:`keep_together` marks those spaces
with :data:`KEEP`; the wrapper breaks only at the other spaces and writes the marked ones back as spaces.

The house rules for dashes and quotes (README, "House style") are applied by :func:`mali_caac.i18n.typeset`;
:func:`curly_quotes` gives English figure texts their typographic apostrophes and quotes.
"""
import re

KEEP = "\ue000"
"""Stands, while a line is wrapped, for a space that must not be a line break (a private-use character)."""

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
           "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
           "janv|févr|avr|juil|sept|oct|nov|déc")
_DATE = re.compile(rf"\b((?:{_MONTHS})\.?) (?=\d{{4}}\b)")
"""A month and its year: 'July 2017', 'juil. 2017'."""
_DAY = re.compile(rf"\b(\d{{1,2}}(?:\u2013\d{{1,2}})?) (?=(?:{_MONTHS})\b)")
"""A day and its month: '27–31 March'."""
_NUMBER_UNIT = re.compile(r"(\d[\d,.\u202f\u00a0]*%?) (?!(?:and|or|to|of|in|on|the|et|ou|à|au|aux|de|des|du|en|le|la|les|sur)\b)"
                          r"(?=[^\W\d_][\w.]*)")
"""A number and the word after it: '33 months', '24 mo.', '1,500 persons'."""
_LEAD_WORDS = re.compile(r"\b(paras?|par\.|p\.|pp\.|note|footnote|annex|annexe|no\.|n°|line|lines|fiscal year|FY) (?=\d)",
                         re.I)
"""A word and the number it introduces: 'para 12', 'par. 14'."""
_PARENS = re.compile(r"\(([^()]{1,14})\)")
"""A short name or figure in parentheses (14 characters at most), kept on one line: '(24 mois)', '(S/2020/1105)',
'(FAMa)'; a longer aside may break."""
_BEFORE_MARK = re.compile(r" (?=[·:;!?»)\]%]|\u2013 |\u2014)")
"""A space before a mark that must not start a line."""
_AFTER_MARK = re.compile(r"(?<=[«(\[]) ")
"""A space after a mark that must not end a line."""


def keep_together(text):
    """``text`` with :data:`KEEP` for every space at which a line must not break."""
    text = str(text)
    text = _PARENS.sub(lambda m: "(" + m.group(1).replace(" ", KEEP) + ")", text)
    for rule in (_DATE, _DAY, _NUMBER_UNIT, _LEAD_WORDS):
        text = rule.sub(lambda m: m.group(1) + KEEP, text)
    text = _BEFORE_MARK.sub(KEEP, text)
    return _AFTER_MARK.sub(KEEP, text)


def unkeep(text):
    """Undo :func:`keep_together`: the marked spaces are spaces again."""
    return str(text).replace(KEEP, " ")


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_OPEN_SINGLE = re.compile(r"(?<![\w'])'(?=\w)")
_CLOSE_SINGLE = re.compile(r"(?<=[\w.!?,)])'(?![\w])")
_DOUBLE = re.compile(r'"([^"\n]*)"')


def curly_quotes(text):
    """English typographic apostrophes and quotes: Mali's -> Mali’s, 'terrorists' -> ‘terrorists’,
    "x" -> “x”. For figure texts written here; quotes of the data are printed as the source prints them."""
    text = _APOSTROPHE.sub("\u2019", str(text))
    text = _DOUBLE.sub("\u201c\\1\u201d", text)
    text = _OPEN_SINGLE.sub("\u2018", text)
    return _CLOSE_SINGLE.sub("\u2019", text)
