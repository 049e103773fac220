"""What a figure draws, as data and as words: the CSV of its marks and its alt text.

The drawing helpers record each mark (:class:`~mali_caac.figures.context.Mark`) while
they draw it; :func:`resolve` turns those records into one row per mark with its
panel, unit and the ids of the rows of ``data/`` it comes from, :func:`csv_text`
writes them (byte-identical across runs) and :func:`alt_text` states the finding
and the values in the figure's language. Nothing here types a number: every
value is one the figure drew.
"""
import csv
import io
import re

from ..i18n import NNBSP, number, t, typeset
from ..package import open_package

COLUMNS = ("panel", "series", "category", "value", "unit", "months", "drawn_as", "label", "row_ids", "zero_from")
"""The columns of ``<id>.csv``: ``panel`` (a, b ... on multi-panel figures), ``series`` (legend entry or map),
``category`` (the label as drawn, in the figure's language), ``value`` (as drawn: after summing, dividing by
``months`` for rates per month, in millions where ``unit`` says so; empty where the mark shows that the
source states no figure), ``unit`` (the data's unit code, 'million ...' and '... per month' as drawn),
``drawn_as`` (bar, horizontal bar, point, line, cell, class; a hedged value adds its look: 'bar, open end'
for "at least" and "more than", 'bar, faded end' for "less than" and "up to", 'bar, lighter fill' for "about" and
"almost", see :mod:`mali_caac.figures.hedges`), ``label`` (the text printed on the mark, or the
map class), ``row_ids`` (the rows whose values add up to the value, ';'-separated) and ``zero_from`` (a stated
total and its complete list, where the value is a zero that follows from them)."""

MAX_VALUES = 12
"""Up to this many values, the alt text states them all; beyond, the largest of each group."""

SCALES = {1: "", 10 ** 6: "million"}


def data_rows(data=None):
    """{row_id: (table, record)} over every table of the package that has row ids."""
    pkg = open_package(data)
    out = {}
    for res in pkg.tables():
        if "row_id" in res.field_names:
            for rec in pkg.records(res.name):
                out[rec["row_id"]] = (res.name, rec)
    return out


def _unit(fid, mark, rows):
    """The unit of a mark as drawn: its rows' unit, 'million ...', '... per month'."""
    base = mark.unit
    if not base and not mark.row_ids + mark.zero_from:  # a mark that shows no figure is stated
        return ""
    if not base:
        units = {rows[i][1].get("unit") for i in mark.row_ids + mark.zero_from}
        units.discard(None)
        if len(units) != 1:
            raise ValueError(f"figure {fid!r}: the mark {mark.category!r} comes from rows with units {sorted(units)}; "
                             "a mark's rows must share one unit (or the figure names it)")
        base = units.pop()
    if mark.scale not in SCALES:
        raise ValueError(f"figure {fid!r}: scale {mark.scale} of mark {mark.category!r} is not one of {sorted(SCALES)}")
    unit = f"{SCALES[mark.scale]} {base}".strip()
    return f"{unit} per month" if mark.months else unit


def resolve(fid, marks, data=None):
    """One dict per recorded mark, with the columns of :data:`COLUMNS` (plus ``qualifier``), in drawing order.

    Raises ValueError naming the figure and the mark when a mark has no row of ``data/`` behind it or
    names a row that does not exist: a figure must say where each value it draws comes from."""
    if not marks:
        raise ValueError(f"figure {fid!r} records none of the marks it draws (Ctx.mark): its data file would be empty")
    rows = data_rows(data)
    out = []
    for m in marks:
        missing = [i for i in m.row_ids + m.zero_from if i not in rows]
        if missing:
            raise ValueError(f"figure {fid!r}: the mark {m.category!r} names rows that are not in data/: {missing}")
        if m.value is not None and m.value != 0 and not m.row_ids:
            raise ValueError(f"figure {fid!r}: the mark {m.category!r} ({m.value}) records no row of data/ it comes from")
        out.append({"panel": getattr(m.ax, "_mc_letter", ""), "series": " ".join(str(m.series).split()),
                    "category": m.category, "value": m.value, "unit": _unit(fid, m, rows), "months": m.months,
                    "drawn_as": m.drawn_as, "label": " ".join(str(m.label).split()), "row_ids": m.row_ids,
                    "zero_from": m.zero_from, "qualifier": m.qualifier})
    return out


def _plain(x):
    """A number in the CSV: at most six decimals, no trailing zeros, the same text on every run."""
    if x is None:
        return ""
    text = f"{float(x):.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def csv_text(marks):
    """The CSV of the values a figure draws (columns :data:`COLUMNS`), '\\n' line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for m in marks:
        writer.writerow([m["panel"], m["series"], m["category"], _plain(m["value"]), m["unit"], _plain(m["months"]),
                         m["drawn_as"], m["label"], ";".join(m["row_ids"]), ";".join(m["zero_from"])])
    return buf.getvalue()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«\"'(])")


def first_sentence(text):
    """The first sentence of a caption: its finding."""
    return _SENTENCE_END.split(text.strip(), 1)[0]


def _unit_words(unit, lang):
    """A mark's unit in words of ``lang``: 'children per month', 'millions de dollars des États-Unis'."""
    per_month = unit.endswith(" per month")
    unit = unit.removesuffix(" per month")
    million = unit.startswith("million ")
    base = unit.removeprefix("million ")
    try:
        words = t(f"unit.{base}", lang)
    except KeyError:
        words = base
    if million:
        words = t("alt.million", lang).format(unit=words)
    return t("alt.per_month", lang).format(unit=words) if per_month else words


def _kind(marks, lang):
    """'Horizontal bar chart', 'Maps' ... from how the marks are drawn, once per kind."""
    kinds = []
    for m in marks:
        if m["value"] is None:
            continue
        base = m["drawn_as"].split(",")[0]  # 'horizontal bar, open end': a horizontal bar (its hedge's look after the comma)
        kind = "grouped" if base == "bar" and m["series"] else base
        if kind not in kinds:
            kinds.append(kind)
    return ", ".join(t(f"alt.kind.{k}", lang) if i == 0 else t(f"alt.kind.{k}", lang).lower()
                     for i, k in enumerate(kinds))


_MONTH_OF_YEAR = re.compile(r"(\d{4})[-\u2013](0[1-9]|1[0-2])")


def category_words(category, lang):
    """A mark's category as the alt text reads it: a month written in words ('2017–12' -> 'December 2017',
    'décembre 2017'), which a screen reader would otherwise read as one number with the value after it."""
    found = _MONTH_OF_YEAR.fullmatch(str(category).strip())
    if found:
        from ..i18n import date_label

        return date_label(f"{found.group(1)}-{found.group(2)}", lang, "MMMM y")
    return category


def value_text(mark, lang):
    """A value as the alt text states it: qualifier and number in ``lang``'s formatting."""
    return mark["qualifier"] + number(mark["value"], lang)


def alt_text(r):
    """The alt text of rendered figure ``r``: kind of chart, title, the caption's finding, the values
    drawn (all if at most :data:`MAX_VALUES`, else the largest of each group and how many more)
    and the source line, in ``r.lang``."""
    lang = r.lang
    colon, semicolon = (f"{NNBSP}: ", f"{NNBSP}; ") if lang == "fr" else (": ", "; ")
    # French writes decimals with a comma: its values are parted by semicolons, its groups by full stops
    comma, semicolon = (semicolon, ". ") if lang == "fr" else (", ", semicolon)
    groups = {}
    for m in r.marks:
        groups.setdefault((m["panel"], m["series"]), []).append(m)
    numeric = sum(m["value"] is not None for m in r.marks)
    keep = MAX_VALUES if numeric <= MAX_VALUES else max(2, MAX_VALUES // max(len(groups), 1))
    parts = []
    for (panel, series), marks in groups.items():
        known = [m for m in marks if m["value"] is not None]
        unknown = [m for m in marks if m["value"] is None]
        units = list(dict.fromkeys(m["unit"] for m in known))
        shown = known if numeric <= MAX_VALUES else sorted(known, key=lambda m: -m["value"])[:keep]
        items = [f"{category_words(m['category'], lang)}{colon}{value_text(m, lang)}"
                 + (f" {_unit_words(m['unit'], lang)}" if len(units) > 1 else "") for m in shown]
        if len(shown) < len(known):
            more = len(known) - len(shown)
            items.append(t("alt.more_one" if more == 1 else "alt.more", lang).format(n=more))
        if unknown:
            items.append(t("alt.not_stated", lang) + colon + ", ".join(m["category"] for m in unknown))
        unit = _unit_words(units[0], lang) if len(units) == 1 else ""
        head = " ".join(x for x in (f"({panel})" if panel else "", ", ".join(x for x in (series, unit) if x)) if x)
        parts.append((head + colon if head else "") + comma.join(items))
    title = r.title.rstrip(".")
    return typeset(f"{_kind(r.marks, lang)}. {title}. {first_sentence(r.caption)} "
                   f"{t('alt.values', lang)}{colon}{semicolon.join(parts)}. {r.source_line}", lang)
