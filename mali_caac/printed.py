"""Read a number as the sources print it: '1,764', '$16.56 million', '115 000',
'Eighty-nine', 'two thirds', 'tripled', '52 per cent', '4.3 million'."""
import re
from functools import lru_cache

_UNITS = {
    "zero": 0, "no": 0, "not a single": 0, "none": 0, "one": 1, "single": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_MULTIPLES = {"once": 1, "twice": 2, "double": 2, "doubled": 2, "twofold": 2,
              "tripled": 3, "threefold": 3, "triple": 3, "fourfold": 4}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_FRACTIONS = {"half": 0.5, "a half": 0.5, "two thirds": 2 / 3, "one third": 1 / 3,
              "a third": 1 / 3, "three quarters": 0.75, "a quarter": 0.25}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_DIGITS = re.compile(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _word_number(text):
    words = text.lower().replace("-", " ").split()
    total, seen = 0, False
    for w in words:
        if w in _TENS:
            total += _TENS[w]
            seen = True
        elif w in _UNITS:
            total += _UNITS[w]
            seen = True
    return total if seen else None


@lru_cache(maxsize=4096)
def parse_printed(printed, unit=None):
    """The number that ``printed`` shows, or None if it shows none.

    Fractions are returned as fractions of one, or of 100 when ``unit`` is
    'percent' ('two thirds' of a percentage is 66.67). Cached: a table
    repeats the same printed figures many times.
    """
    text = " ".join(printed.split()).lower().strip()
    for phrase, value in _FRACTIONS.items():
        if re.search(rf"\b{phrase}\b", text):
            return value * 100 if unit == "percent" else value
    for word, value in _MULTIPLES.items():
        if re.search(rf"\b{word}\b", text):
            return float(value)
    for word, value in _ORDINALS.items():
        if re.fullmatch(rf"{word}", text):
            return float(value)
    numbers = _DIGITS.findall(text)
    if len(numbers) == 1:
        value = float(re.sub(r"[, ]", "", numbers[0]))
        if re.match(r"[-\u2212]\s*\$?\d", text):  # '-2794000': a negative amount as a raw file prints it
            value = -value
        scale = re.search(r"\b(thousand|million|billion)\b", text)
        if scale:
            return value * _SCALE[scale.group(1)]
        short = re.search(r"\d(k|m|bn)\b", text)
        return value * {"k": 1e3, "m": 1e6, "bn": 1e9}[short.group(1)] if short else value
    if len(numbers) > 1:
        return None
    for phrase in ("not a single", "no"):
        if re.search(rf"\b{phrase}\b", text):
            return 0.0
    value = _word_number(text)
    return None if value is None else float(value)
