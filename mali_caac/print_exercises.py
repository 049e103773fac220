"""The printed exercises as HTML: the students' hand-out (each question, the data rows it works on as a table
for people, room to answer) and the facilitator's copy (the facilitator's note, then the same exercises with
their worked answers). The tables for people serve the site's exercises page too
(:func:`mali_caac.printing.exercises_page`). :mod:`mali_caac.printing` prints them to PDF.
"""
import re

from .print_page import PrintError, _esc, _t, markdown, page

MAX_ROWS = 40
"""Rows of one table printed for a class; the rest are counted and left to the site."""


class _Table(__import__("html.parser").parser.HTMLParser):
    """The cells of the first HTML table of a notebook output: header rows and body rows, as text."""

    def __init__(self):
        super().__init__()
        self.head, self.body, self._row, self._cell, self._in = [], [], None, None, None

    def handle_starttag(self, tag, attrs):
        if tag in ("thead", "tbody"):
            self._in = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            (self.head if self._in == "thead" else self.body).append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _rows_index(pkg):
    """{row_id: (table, record, dimensions)} of every table with row ids."""
    index = {}
    for res in pkg.tables():
        if "row_id" in res.field_names:
            dims = [d for d in (res.dimensions or []) if d in res.field_names]
            for rec in pkg.records(res.name):
                index[rec["row_id"]] = (res.name, rec, dims)
    return index


def _label(dim, code, lang, as_html=False):
    """The label of a code in ``lang``; a code without one is kept as a code (in HTML, marked as such when
    ``as_html``)."""
    from .i18n import label

    try:
        text = label(dim, code, lang).replace("\n", " ")
    except (KeyError, ValueError):
        if not as_html:
            return str(code)
        is_code = re.fullmatch(r"[a-z0-9_]+", str(code)) and "_" in str(code)
        if is_code:
            return f"<code>{_esc(code)}</code>"
        # a value the data holds in English only (a place, who reported it): marked as English on other pages
        return _esc(code) if lang == "en" else f'<span lang="en">{_esc(code)}</span>'
    return _esc(text) if as_html else text


def _number_text(text, lang):
    """A number printed by pandas ('1764.0', '17.916667') as ``lang`` writes it (1,764 / 17.9)."""
    from .i18n import number

    try:
        value = float(text)
    except ValueError:
        return None
    if value != value:
        return _t("not_stated", lang)
    return number(value, lang, 0 if value == int(value) else 1)


def rows_table(ids, index, lang, max_rows=MAX_ROWS):
    """The rows ``ids`` as a table for people: what each counts, its value (in ``lang``) and as printed, the
    source, the paragraph and the verbatim quote."""
    from .citation import _sources, locator_text
    from .i18n import TEXT as WORDS
    from .i18n import number, t

    srcs = _sources()
    shown = ids[:max_rows]
    body = []
    for rid in shown:
        table, rec, dims = index[rid]
        what = [_label(d, rec[d], lang, as_html=True) for d in dims if rec.get(d) not in (None, "", "all")]
        for extra in ("measure", "reported_by", "event", "victim_group", "year", "place", "date"):
            if extra in rec and extra not in dims and rec[extra] not in (None, "", "all"):
                what.append(_label(extra, rec[extra], lang, as_html=True))
        what = what or [_esc(_t("total", lang))]
        qual = rec.get("qualifier")
        q = t(f"word.qualifier.{qual}", lang).strip() + " " if qual and f"word.qualifier.{qual}" in WORDS else ""
        unit = str(rec.get("unit") or "")
        unit_text = t(f"unit.{unit}", lang) if f"unit.{unit}" in WORDS else unit
        value = rec.get("value")
        value_text = "" if value is None else (q + number(value, lang) + (f" {unit_text}" if unit_text else ""))
        src = srcs.get(str(rec.get("source_id")), {})
        quote_lang = src.get("language") or "en"
        attr = f' lang="{quote_lang}"' if quote_lang != lang else ""
        body.append(f'<tr><td class="code">{_esc(rid)}</td><td>{", ".join(what)}</td>'
                    f'<td class="num">{_esc(value_text.strip())}</td><td{attr}>{_esc(rec.get("printed"))}</td>'
                    f'<td>{_esc(src.get(f"short_name_{lang}") or src.get("short_name") or rec.get("source_id"))}</td>'
                    f'<td>{_esc(locator_text(str(rec.get("locator") or ""), lang))}</td>'
                    f'<td class="quote"{attr}>“{_esc(rec.get("quote"))}”</td></tr>')
    more = f'<p class="note">{_t("more_rows", lang).format(n=len(ids) - len(shown))}</p>' if len(ids) > len(shown) else ""
    heads = "".join(f"<th>{_t(k, lang)}</th>" for k in ("row", "what", "value", "printed", "source_table",
                                                          "paragraph", "quote"))
    return f'<table class="rows"><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}'


def matched_rows(output_html, index):
    """The row ids of a printed table that shows no ids but each row's quote (shortened by pandas), source and
    value: every row must match one data row, else None."""
    parser = _Table()
    parser.feed(output_html)
    if not parser.head or not parser.body:
        return None
    head = parser.head[0]
    if "quote" not in head:
        return None
    col = {name: i for i, name in enumerate(head) if name}
    candidates = []
    for row in parser.body:
        cells = dict((name, row[i]) for name, i in col.items() if i < len(row))
        quote = re.sub(r"(\.\.\.|…)$", "", cells.get("quote", "")).strip()
        found = [rid for rid, (_, rec, _) in index.items()
                 if quote and str(rec.get("quote") or "").startswith(quote)
                 and ("source_id" not in cells or rec.get("source_id") == cells["source_id"])
                 and ("value" not in cells or _same_value(cells["value"], rec.get("value")))
                 and ("locator" not in cells or rec.get("locator") == cells["locator"])]
        if not found:
            return None
        candidates.append(found)
    tables = {}  # a figure restated in two tables: take the table the other rows come from
    for found in candidates:
        for table in {index[rid][0] for rid in found}:
            tables[table] = tables.get(table, 0) + 1
    return [min(found, key=lambda rid: -tables[index[rid][0]]) for found in candidates]


def _same_value(text, value):
    try:
        return value is not None and abs(float(text.replace(",", "")) - float(value)) < 1e-9
    except ValueError:
        return False


def _any_label(text, lang):
    """A code that a printed table shows (a violation, a region, an attribution) as ``lang`` writes it."""
    heads = {"value": "value", "quote": "quote", "locator": "paragraph", "source_id": "source_table"}
    if text in heads:
        return _t(heads[text], lang)
    for dim in ("violation", "region", "attribution", "perpetrator"):
        shown = _label(dim, text, lang)
        if shown != text:
            return shown
    return text


def plain_table(output_html, lang):
    """A table a notebook printed without row ids (a sum, a cross-table), numbers and codes as ``lang`` writes
    them."""
    parser = _Table()
    parser.feed(output_html)
    head = [r for r in parser.head if any(c for c in r)]
    cols = max((len(r) for r in parser.head + parser.body), default=0)

    def cell(text, tag="td"):
        num = _number_text(text, lang) if tag == "td" else None
        if num is not None:
            return f'<td class="num">{_esc(num)}</td>'
        return f"<{tag}>{_esc(_any_label(text, lang))}</{tag}>"

    body = [r + [""] * (cols - len(r)) for r in parser.body]
    head = [r + [""] * (cols - len(r)) for r in head[:1]]
    if body and all(re.fullmatch(r"\d+", r[0]) for r in body) and all(not h[0] for h in head):
        body, head = [r[1:] for r in body], [h[1:] for h in head]  # pandas' row numbers say nothing to a reader
    words = {"True": _t("yes", lang), "False": _t("no", lang)}
    body = [[words.get(c, c) for c in r] for r in body]
    thead = "".join("<tr>" + "".join(cell(c, "th") for c in r) + "</tr>" for r in head)
    tbody = "".join("<tr>" + "".join(cell(c) for c in r) + "</tr>" for r in body)
    return f"<table><thead>{thead}</thead><tbody>{tbody}</tbody></table>"


def _ids(output, index):
    """The data rows a printed table shows: by their ids, else matched by quote, source and value (or None)."""
    if not output:
        return None
    ids = [i for i in dict.fromkeys(re.findall(r">\s*([a-z]{2}-\d{3,4})\s*<", output)) if i in index]
    return ids or matched_rows(output, index)


def _output_html(cell):
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "text/html" in data:
            return "".join(data["text/html"])
    return ""


def _answer_text(source, glued):
    """The Markdown inside an answer's admonition, each ``{glue:text}`name``` replaced by its value."""
    lines = source.strip().splitlines()
    inner = [ln for ln in lines[1:-1] if not re.match(r"\s*:[\w-]+:", ln)]
    text = "\n".join(inner)

    def value(m):
        if m.group(1) not in glued:
            raise PrintError(f"exercises: the answer uses {m.group(1)!r}, which no cell glued")
        return glued[m.group(1)][0]

    return re.sub(r"\{glue:text\}`([^`]+)`", value, text)


def exercises_html(nb, lang, answers=False, facilitator=None):
    """The exercises of an executed notebook as a printable page: the hand-out (``answers=False``: questions,
    rows, room to answer) or the facilitator's copy (its note first, then the questions, rows and answers)."""
    from .package import open_package
    from .teaching import glued as read_glued

    pkg = open_package()
    index = _rows_index(pkg)
    glued = read_glued(nb)
    title = re.sub(r"^#\s+", "", nb.cells[0].source.strip().splitlines()[0]) if nb.cells else ""
    parts, current = [], None
    for cell in nb.cells[1:]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "markdown":
            src = cell.source.strip()
            if src.startswith("## "):
                if current:
                    parts.append(current)
                heading, _, rest = src.partition("\n")
                questions = len(re.findall(r"(?m)^\s*[-*] ", rest)) or 1
                current = {"heading": heading[3:].strip(), "html": [markdown(rest)], "questions": questions}
            elif src.startswith("```{raw}"):  # the site's own additions (exercises_page): tables, links
                continue
            elif src.startswith("```{admonition}") and current is not None:
                if answers:
                    current["html"].append(f'<div class="answer"><h3>{_t("answer", lang)}</h3>'
                                           f"{markdown(_answer_text(src, glued))}</div>")
                else:
                    lines = '<div class="line"></div>' * (2 + 3 * current["questions"])
                    current["html"].append(f'<div class="room"><span class="label">{_t("your_answer", lang)}</span>'
                                           f"{lines}</div>")
            elif current is not None:
                current["html"].append(markdown(src))
        elif cell.cell_type == "code" and current is not None and "hide-cell" not in tags \
                and "parameters" not in tags:
            output = _output_html(cell)
            if not output:
                continue
            ids = _ids(output, index)
            current["html"].append(rows_table(ids, index, lang) if ids else plain_table(output, lang))
    if current:
        parts.append(current)
    if not parts:
        raise PrintError("exercises: no exercise (a Markdown cell starting with '## ') found")
    kind = _t("facilitator" if answers else "handout", lang)
    body = [f"<h1>{_esc(title)}</h1>", f'<p class="sub"><b>{kind}</b></p>',
            f"<p>{_t('facilitator_intro' if answers else 'handout_intro', lang)}</p>",
            f'<p class="note">{_t("verbatim", lang)}</p>']
    if answers and facilitator:
        body.append('<section class="facilitator">' + markdown(re.sub(r"(?m)^# .*\n", "", facilitator, count=1))
                    + "</section>")
    for part in parts:
        body.append(f'<section class="exercise"><h2>{_esc(part["heading"])}</h2>{"".join(part["html"])}</section>')
    return page(f"{title}: {kind}", "\n".join(body), lang)
