"""The rows a figure draws, as a table for people: what ``publish`` shows under each figure.

A reader of the report (a teacher, a policy reader) checks a figure against its sources: each number
as the source prints it (``1,764``, not ``1764.0``) with its qualifier in words (``at least``), what
it counts, the document and paragraph, and the verbatim quote, wrapped and shown whole on demand.
Column heads, units, qualifiers and paragraphs are in the page's language; a quote stays as its
source wrote it and is marked with its language (``lang="en"``). The frame itself keeps every
column (``row_id``, ``value``, ``qualifier`` ...) for code that reads it.
"""
import html

import pandas as pd

SHORT_QUOTE = 160
"""A quote longer than this many characters shows its beginning, and the whole on demand."""


def _printed(rows, data_dir=None):
    """{(table, row_id): the figure as printed in the quote} for the tables ``rows`` come from."""
    from .package import open_package

    pkg = open_package(data_dir)
    found = {}
    for table in sorted(set(rows.get("table", pd.Series(dtype=str)).dropna())):
        if "printed" in pkg.resource(table).field_names:
            found.update({(table, r["row_id"]): r.get("printed") for r in pkg.records(table)})
    return found


def _sources(data_dir=None):
    from .citation import _sources

    return _sources(data_dir)


def people_rows(rows, lang, data_dir=None):
    """One dict per row: ``value`` (qualifier in words and the number as the source prints it, or as
    ``lang`` writes it when the source is in another language), ``unit``, ``source`` (symbol and
    paragraph in ``lang``), ``quote`` (verbatim), ``quote_lang`` (the source's language), ``row_id``."""
    from .citation import locator_text
    from .i18n import TEXT, number, t, typeset

    printed = _printed(rows, data_dir) if "table" in rows else {}
    sources = _sources(data_dir)
    out = []
    for row in rows.to_dict("records"):
        src = sources.get(str(row.get("source_id")), {})
        src_lang = src.get("language") or "en"
        qual = row.get("qualifier")
        words = t(f"word.qualifier.{qual}", lang) if qual and f"word.qualifier.{qual}" in TEXT else ""
        as_printed = printed.get((row.get("table"), row.get("row_id")))
        value = row.get("value")
        if as_printed and src_lang == lang:
            shown = str(as_printed)
        elif value is None or pd.isna(value):
            shown = str(as_printed or "")
        else:
            shown = number(value, lang)
        unit = str(row.get("unit") or "")
        unit = t(f"unit.{unit}", lang) if f"unit.{unit}" in TEXT else unit
        symbol = src.get("symbol") or src.get(f"short_name_{lang}") or src.get("short_name") or str(row.get("source_id") or "")
        where = locator_text(str(row.get("locator") or ""), lang)
        out.append({"value": typeset(words + shown, lang) if lang == "fr" else words + shown, "unit": unit,
                    "source": f"{symbol}, {where}" if where else symbol, "quote": str(row.get("quote") or ""),
                    "quote_lang": src_lang, "row_id": str(row.get("row_id") or "")})
    return out


def _quote_html(quote, quote_lang, lang):
    """A quote, wrapped; a long one shows its beginning and opens whole in one click (a <details>)."""
    from .i18n import t

    mark = f' lang="{quote_lang}"' if quote_lang != lang else ""
    if len(quote) <= SHORT_QUOTE:
        return f"<span{mark}>\u201c{html.escape(quote)}\u201d</span>"
    cut = quote[:SHORT_QUOTE].rsplit(" ", 1)[0]
    rest = quote[len(cut):]
    return (f"<span{mark}>\u201c{html.escape(cut)}</span><details class=\"mali-caac-quote\"><summary>\u2026 "
            f"({html.escape(t('rows.full_quote', lang))})</summary><span{mark}>{html.escape(rest)}\u201d</span>"
            "</details>")


CELL = "text-align:left;vertical-align:top;white-space:normal"
"""Inline style of the cells: the table reads the same in Jupyter and on the site (quotes wrap, never cut)."""
NOWRAP = CELL.replace("normal", "nowrap")


def rows_html(rows, lang, data_dir=None):
    """The rows as an HTML table for people, in ``lang``."""
    from .i18n import t

    people = people_rows(rows, lang, data_dir)
    quote_head = t("rows.quote", lang)
    others = sorted({p["quote_lang"] for p in people if p["quote_lang"] != lang})
    if others:  # 'Citation (texte original, en anglais)'
        from babel import Locale

        names = ", ".join(Locale.parse(lang).languages.get(o, o) for o in others)
        quote_head += f" ({t('caption.verbatim_in', lang).format(language=names)})"
    heads = [t("rows.value", lang), t("rows.unit", lang), t("rows.source", lang), quote_head]
    head = "".join(f'<th scope="col" style="{CELL}">{html.escape(h)}</th>' for h in heads)
    body = []
    for p in people:
        cells = [f'<td style="{NOWRAP}">{html.escape(p["value"])}</td>',
                 f'<td style="{CELL}">{html.escape(p["unit"])}</td>',
                 f'<td style="{CELL};min-width:9em">{html.escape(p["source"])}</td>',
                 f'<td style="{CELL};min-width:18em;max-width:42em">{_quote_html(p["quote"], p["quote_lang"], lang)}</td>']
        body.append(f'<tr data-row-id="{html.escape(p["row_id"])}">' + "".join(cells) + "</tr>")
    return (f'<table class="mali-caac-rows" lang="{lang}"><thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(body) + "\n</tbody></table>")


def rows_text(rows, lang, width=100, data_dir=None):
    """The rows as plain text for people (value, what it counts, source), quotes shortened to fit ``width``."""
    from .display import fit_table
    from .i18n import t

    people = people_rows(rows, lang, data_dir)
    frame = pd.DataFrame({t("rows.value", lang): [p["value"] for p in people],
                          t("rows.unit", lang): [p["unit"] for p in people],
                          t("rows.source", lang): [p["source"] for p in people],
                          t("rows.quote", lang): [p["quote"] for p in people]})
    return fit_table(frame, width, drop_constant=False)[0]


class RowsDrawn(pd.DataFrame):
    """The rows a figure draws (a DataFrame: every column for code), shown to people as :func:`rows_html`.

    Anything computed from it is a plain DataFrame again.
    """

    _metadata = ["lang"]

    @property
    def _constructor(self):
        return pd.DataFrame

    def _repr_html_(self):
        return rows_html(self, getattr(self, "lang", "en"))

    def __repr__(self):
        return rows_text(self, getattr(self, "lang", "en"))


def rows_drawn(rows, lang):
    """``rows`` (a DataFrame) as :class:`RowsDrawn` shown in ``lang``, numbered from 1."""
    out = RowsDrawn(rows.reset_index(drop=True))
    out.index = range(1, len(out) + 1)
    out.lang = lang
    return out
