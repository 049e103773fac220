"""Words in the reader's language: :func:`t` and :func:`label` look words up, :func:`number`, :func:`percent`,
:func:`money` and the dates write values as each language does, :func:`typeset` applies its typography.

The one translation table, every word a figure or caption shows in English and French, is :data:`TEXT`
(kept in :mod:`mali_caac.i18n_text`, a module of data). Vocabulary labels that the data package already
carries in both languages (periods, regions, categories) are read from it; everything else is in the table.
Tests check that every key has both languages and that every code a figure draws has a label.
"""
import re

from .i18n_text import TERMS, TEXT  # noqa: F401  (the table, read and re-exported here)
from .package import open_package

LANGS = ("en", "fr")

# figure titles and captions: "fig.<id>.title", "fig.<id>.caption"
FIGURE_TEXT = {}


def add_figure_text(fid, title_en, title_fr, caption_en, caption_fr):
    FIGURE_TEXT[f"fig.{fid}.title"] = (title_en, title_fr)
    FIGURE_TEXT[f"fig.{fid}.caption"] = (caption_en, caption_fr)


def t(key, lang):
    """The text of ``key`` in ``lang`` ('en' or 'fr'), typeset for that language (:func:`typeset`);
    KeyError names a missing key."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    table = FIGURE_TEXT if key.startswith("fig.") else TEXT
    if key not in table:
        raise KeyError(f"no translation for {key!r}")
    return typeset(table[key][LANGS.index(lang)], lang)


def label(dimension, code, lang, data=None):
    """The label of a vocabulary code in ``lang``: violations, periods, regions,
    categories and parties."""
    code = str(code)
    if dimension == "violation":
        return t(f"violation.{code}", lang)
    if dimension == "period":
        rec = {r["period"]: r for r in open_package(data).records("periods")}[code]
        span = period_span(rec["start"], rec["end"], lang)
        return typeset(f"{span}\n({rec['months']} {t('word.months_short', lang)})", lang)
    if dimension == "region":
        rec = {r["region"]: r for r in open_package(data).records("regions")}[code]
        return code if lang == "en" else typeset(rec["name_fr"], lang)
    if dimension in ("perpetrator", "captor", "party"):
        key = f"party.{code}"
        return t(key, lang) if key in TEXT else code
    cats = {(r["dimension"], r["code"]): r for r in open_package(data).records("categories")}
    if (dimension, code) in cats:
        rec = cats[(dimension, code)]
        text = rec["label_" + lang]
        return typeset(text[:1].upper() + text[1:], lang)
    if f"{dimension}.{code}" in TEXT:  # small vocabularies of one table (crsv's victim groups ...)
        return t(f"{dimension}.{code}", lang)
    raise KeyError(f"no label for {dimension}={code!r}")


# ----------------------------------------------------------------------------- numbers, money, dates (Babel)
# Numbers, percentages, months and date spans come from the CLDR data that Babel
# ships, so that each language's conventions are not rewritten by hand: French
# groups thousands with a narrow no-break space (U+202F) and writes a decimal
# comma, and puts a no-break space (U+00A0) between a number and % or a currency
# sign, as CLDR and the Imprimerie nationale do.

NBSP = "\u00a0"
"""No-break space: between a number and its unit or currency sign (CLDR, Imprimerie nationale)."""
NNBSP = "\u202f"
"""Narrow no-break space: thousands separator, before : ; ? ! and inside « » in French."""

MONEY_SCALES = {None: (1, "", ""), "thousand": (10**3, "K", "k$"), "million": (10**6, "M", "M$"),
                "billion": (10**9, "B", "Md$")}
"""scale -> (divisor, English suffix after the number, French unit after the number)."""


def _check_lang(lang):
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")


def _decimal(value, lang, min_decimals, max_decimals):
    """``value`` with Babel in ``lang``, rounded half up (0.125 -> 0.13) to at most ``max_decimals``."""
    import decimal

    from babel.numbers import format_decimal

    _check_lang(lang)
    pattern = "#,##0" + ("." + "0" * min_decimals + "#" * (max_decimals - min_decimals) if max_decimals else "")
    exact = decimal.Decimal(str(value)) if not isinstance(value, decimal.Decimal) else value
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        text = format_decimal(exact, format=pattern, locale=lang, decimal_quantization=True)
    return text.lstrip("-") if text.lstrip("-0.,") == "" else text  # no '-0'


def number(value, lang, decimals=None):
    """A number as ``lang`` writes it: 1,764 / 1 764 (U+202F); 16.56 / 16,56.

    ``decimals=None``: none for a whole number, two otherwise (the figures' house rule).
    Rounding is half up, as readers expect (2.5 -> 3)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return _decimal(value, lang, decimals, decimals)


def percent(value, lang, decimals=0):
    """A percentage as ``lang`` writes it: 12.5 (per cent, as the data stores it) -> '13%' / '13 %' (U+00A0)."""
    import decimal

    from babel import Locale
    from babel.numbers import format_percent

    _check_lang(lang)
    pattern = Locale.parse(lang).percent_formats[None].pattern
    if decimals:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * decimals, 1)
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        return format_percent(decimal.Decimal(str(value)) / 100, format=pattern, locale=lang,
                              decimal_quantization=True)


def money(value_usd, lang, scale="million", decimals=None):
    """US dollars in the house form: en '$16.56M', fr '16,56 M$' (U+00A0 before the unit).

    ``scale`` is 'million' (default), 'billion' (fr 'Md$'), 'thousand' or None (the full
    amount: '$16,560,000' / '16 560 000 $'). ``decimals=None`` keeps up to two, dropping
    trailing zeros ('$74M', '$16.5M')."""
    if scale not in MONEY_SCALES:
        raise ValueError(f"scale must be one of {list(MONEY_SCALES)}, got {scale!r}")
    divisor, suffix_en, unit_fr = MONEY_SCALES[scale]
    scaled = abs(float(value_usd)) / divisor
    text = _decimal(scaled, lang, 0 if decimals is None else decimals, 2 if decimals is None else decimals)
    sign = "-" if float(value_usd) < 0 and text.strip("0.,") else ""
    if lang == "en":
        return f"{sign}${text}{suffix_en}"
    return f"{sign}{text}{NBSP}{unit_fr or '$'}"


def _as_date(value):
    """A date from a date, datetime, pandas Timestamp or ISO text ('2021', '2021-06', '2021-06-15')."""
    import datetime

    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    parts = [int(p) for p in str(value).split("-")]
    return datetime.date(*(parts + [1] * (3 - len(parts))))


def date_label(date, lang, fmt="MMM y"):
    """A date as ``lang`` writes it, with a CLDR pattern or 'short'/'medium'/'long'/'full':
    ('2021-06', 'fr', 'MMMM y') -> 'juin 2021'; ('2021-06', 'en') -> 'Jun 2021'."""
    from babel.dates import format_date

    _check_lang(lang)
    return format_date(_as_date(date), format=fmt, locale=lang)


def month_name(month, lang, width="wide"):
    """The name of month 1-12 in ``lang``: (6, 'fr') -> 'juin'; (7, 'fr', 'abbreviated') -> 'juil.'."""
    from babel.dates import get_month_names

    _check_lang(lang)
    return get_month_names(width, locale=lang)[int(month)]


def period_span(start, end, lang):
    """The months from ``start`` to ``end`` as ``lang`` writes a span: '2018' for a calendar year,
    else Babel's interval with the house's closed en dash ('Jul–Dec 2017', 'juil.–déc. 2017',
    'janv. 2014–juin 2017'; Babel spaces it between dates that hold a space)."""
    from babel.dates import format_interval

    _check_lang(lang)
    a, b = _as_date(start), _as_date(end)
    if a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year)
    return re.sub(r"[\s\u2009\u202f\u00a0]*\u2013[\s\u2009\u202f\u00a0]*", "\u2013",
                  format_interval(a, b, "yMMM", locale=lang))


def date_span(start, end, lang):
    """The months from ``start`` to ``end`` written in full, for titles: '2019', '2017–2019',
    'July–December 2017', 'July 2017–March 2020' / 'juillet 2017–mars 2020' (month names from Babel)."""
    _check_lang(lang)
    a, b = _as_date(start), _as_date(end)
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year) if a.year == b.year else f"{a.year}\u2013{b.year}"
    if (a.year, a.month) == (b.year, b.month):
        return date_label(a, lang, "MMMM y")
    if a.year == b.year:
        return f"{month_name(a.month, lang)}\u2013{date_label(b, lang, 'MMMM y')}"
    return f"{date_label(a, lang, 'MMMM y')}\u2013{date_label(b, lang, 'MMMM y')}"


# ----------------------------------------------------------------------------- typography
_FR_FUNCTION_WORDS = {"et", "ou", "à", "au", "aux", "de", "des", "du", "d", "en", "le", "la", "les", "l", "sur",
                      "par", "pour", "dans", "sous", "entre", "avec", "sans", "que", "qui", "contre", "vers"}
_RANGE = re.compile(r"(?<![\w/.,\-\u2013])(\d+)[ \u00a0\u202f]?-[ \u00a0\u202f]?(\d+)(?![\w/\-])")
_MON = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_DATE_RANGE = re.compile(rf"(?<=\b\d{{4}})-(?=[^\W\d_]{{3}})|(?<=[^\W\d_]\.)-(?=[^\W\d_]{{3}})|(?<=\b{_MON})-(?={_MON}\b)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_DOUBLE_QUOTES = re.compile(r'"([^"\n]*)"')
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
_HIGH_PUNCT = re.compile(r"(?<=[^\s«])[ \u00a0\u202f]*([;:!?])(?=[\s)»]|$)")
_THOUSANDS = re.compile(r"(?<![\d,.\u202f])\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)")
_SLASH_UNIT = re.compile(r"(\d)[ \u00a0]/[ \u00a0](?=[^\W\d_])")
_NUMBER_WORD = re.compile(r"(\d)[ \u00a0](?=([^\W\d_]+|%|\$|€|M\$|k\$|Md\$))")
_ABBR_NUMBER = re.compile(r"\b(par\.|p\.|n°|note|notes|ligne|lignes|annexe|section)[ ](?=\d)")


def _glue_number_word(match):
    word = match.group(2)
    return match.group(0) if word.lower() in _FR_FUNCTION_WORDS else match.group(1) + NBSP


def typeset(text, lang):
    """``text`` with the typography of ``lang``; idempotent.

    Both languages: en dash in ranges of numbers and months (2017–2019, 23–24,
    Jan 2014–Jun 2017, juil.–déc. 2017). English also: typographic apostrophes and quotes (Mali’s, ‘not
    stated’, “verified”; :func:`mali_caac.typeset.curly_quotes`). French also:
    typographic apostrophe (l’ONU), « » for straight double quotes with narrow no-break
    spaces inside, a narrow no-break space before : ; ? !, narrow no-break spaces between
    groups of thousands, and a no-break space where a line must not break: between a
    number and the unit or noun after it ('33 mois', '24 / mois', '12 %') and after
    'par.', 'note', 'annexe' ... before a number."""
    _check_lang(lang)
    text = _RANGE.sub("\\1\u2013\\2", str(text))
    text = _DATE_RANGE.sub("\u2013", text)
    if lang != "fr":
        from .typeset import curly_quotes

        return curly_quotes(text)
    text = _APOSTROPHE.sub("\u2019", text)
    text = _DOUBLE_QUOTES.sub("«\\1»", text)
    text = _OPEN_GUILLEMET.sub("«" + NNBSP, text)
    text = _CLOSE_GUILLEMET.sub(NNBSP + "»", text)
    text = _HIGH_PUNCT.sub(NNBSP + "\\1", text)
    text = _THOUSANDS.sub(lambda m: re.sub(r"[ \u00a0]", NNBSP, m.group(0)), text)
    text = _SLASH_UNIT.sub("\\1" + NBSP + "/" + NBSP, text)
    text = _NUMBER_WORD.sub(_glue_number_word, text)
    return _ABBR_NUMBER.sub("\\1" + NBSP, text)
