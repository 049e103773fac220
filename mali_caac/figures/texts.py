"""The words of a figure: its title and caption templates (:func:`describe`), filled from the rows it
draws and the facts of ``data/`` (:func:`figure_text`, :func:`common_facts`, :func:`rows_dates`), the words it
shows (:func:`figure_words`) and its caption file (:func:`caption_text`).

The fields a caption may bind to rows are in :mod:`mali_caac.figures.captions`; the titles and captions
themselves in the modules of the parts of the analysis (:mod:`mali_caac.figures.overview` ...).
"""
from ..citation import caption_table
from ..i18n import add_figure_text, date_span, number, t
from ..package import open_package
from ..release import data_line
from ..sections import SECTIONS, TEXTS
from . import captions


def describe(fid, section, title_en, title_fr, caption_en, caption_fr):
    """A figure's title and caption in both languages; its recipe is a cell of the section's notebook."""
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}")
    add_figure_text(fid, title_en, title_fr, caption_en, caption_fr)
    TEXTS[fid] = section


DATES = "{dates}"
"""Where a title template puts its dates: filled from the rows the figure draws, never typed."""


VERIFIED_TABLES = ("grave_violations",)
"""Tables of counts verified by the UN country task force: a figure drawing their rows says what
"verified" means in a subtitle."""


def rows_dates(rows, data=None):
    """(first day, last day) covered by ``rows`` (a provenance frame): their periods (from the periods
    table), years or as-of dates, read from ``data/``; None when no row carries a date."""
    import pandas as pd

    from ..loader import load

    periods = {p["period"]: (p["start"], p["end"]) for p in open_package(data).records("periods")}
    spans = []
    for table, ids in rows.groupby("table", sort=False)["row_id"]:
        full = load(table, data).set_index("row_id").loc[list(ids)]
        for _, row in full.iterrows():
            if "period" in full and str(row["period"]) in periods:
                spans.append(periods[str(row["period"])])
            elif "year" in full and pd.notna(row["year"]):
                spans.append((f"{int(row['year'])}-01-01", f"{int(row['year'])}-12-31"))
            elif "as_of" in full and pd.notna(row["as_of"]):
                first = pd.Period(str(row["as_of"]))  # '2020-03': the month; '2018': the year
                spans.append((first.start_time.date(), first.end_time.date()))
    if not spans:
        return None
    start = min(pd.Timestamp(a) for a, _ in spans)
    end = max(pd.Timestamp(b) for _, b in spans)
    return start, end


def title_text(fid, lang, rows=None):
    """The title of figure ``fid`` in ``lang``, its dates filled from ``rows`` (:func:`figure_text`)."""
    return figure_text(fid, "title", lang, rows=rows)


def draws_verified_counts(rows):
    """True if any row drawn is a count verified by the UN country task force."""
    return bool(set(rows["table"]) & set(VERIFIED_TABLES))


COUNTRY_REPORTS = ["S/2014/267", "S/2018/136", "S/2020/1105", "S/2022/856", "SG-CAAC-Mali-5"]
"""The Secretary-General's country reports on children and armed conflict in Mali, in order (sources table)."""


def common_facts(lang):
    """Facts every title and caption may use, read from ``data/``: the report's period (periods
    table), the Foreign Aid Explorer file's fiscal years and the factsheet's year (sources table)."""
    from ..package import open_package

    pkg = open_package()
    periods = {p["period"]: p for p in pkg.records("periods")}
    report, previous = periods["all"], periods["2014-2017H1"]
    sources = {s["source_id"]: s for s in pkg.records("sources")}
    fae = sources["USAID-FAE"]
    reports = [sources[r] for r in COUNTRY_REPORTS]
    return {"report_period": date_span(report["start"], report["end"], lang),  # as the other titles write dates
            "report_months": report["months"],
            "since_previous_report": f"{previous['start'].year}–{report['end'].year}",
            "country_reports_years": f"{min(r['period_start'] for r in reports).year}–{max(r['period_end'] for r in reports).year}",
            "fae_years": f"{fae['period_start'].year}–{fae['period_end'].year}",
            "factsheet_year": str(sources["CHRHS-SAM-InterAction-2022"]["date"])[:4]}


def figure_text(fid, part, lang, facts=None, rows=None):
    """The ``part`` ('title' or 'caption') of figure ``fid`` in ``lang``, its ``{field}`` format
    fields filled from ``facts`` (and :func:`common_facts`): numbers in the language's formatting
    (:func:`mali_caac.i18n.number`), text as it is; ``{dates}`` is the span of the dates of the
    ``rows`` drawn (:func:`rows_dates`), left out without rows (lists of figures). A field without a
    fact is an error that names the figure and the field, so that no caption is printed with a hole
    or a stale number."""
    import string

    from ..i18n import typeset

    text = t(f"fig.{fid}.{part}", lang)
    if DATES in text:
        span = rows_dates(rows) if rows is not None else None
        if span is None:
            text = text.replace(", " + DATES, "").replace(" " + DATES, "").replace(DATES, "")
        else:
            facts = {**(facts or {}), "dates": date_span(span[0], span[1], lang)}
    fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    if not fields:
        return text
    known = {**common_facts(lang), **captions.drawn_facts(rows, lang), **captions.row_facts(fid, lang), **(facts or {})}
    missing = [name for name in fields if name not in known]
    if missing:
        raise ValueError(f"figure {fid!r}: its {part} has the field {{{missing[0]}}}, but no row fills it and "
                         f"the figure sets no fact {missing[0]!r} (fields available: {', '.join(sorted(known)) or 'none'})")
    values = {k: (v if isinstance(v, str) else number(v, lang)) for k, v in known.items()}
    return typeset(text.format_map(values), lang)


def months_between(start, end):
    """Whole months from the first day of ``start`` to the last day of ``end`` (dates or ISO text)."""
    import pandas as pd

    a, b = pd.Timestamp(start), pd.Timestamp(end)
    return (b.year - a.year) * 12 + (b.month - a.month) + 1


def figure_words(fig, source_line="", lang="en"):
    """The lines of text a figure shows, but its source lines (which name documents, publishers and licences
    as they name themselves: the source line, the map's boundaries line): titles, labels, ticks, legends, notes."""
    from matplotlib.text import Text

    source = " ".join(source_line.split())
    attribution = " ".join(t("map.boundaries", lang).split())
    out = []
    for text in fig.findobj(Text):
        if not text.get_visible():
            continue
        for line in text.get_text().split("\n"):
            words = " ".join(line.split())
            if words.startswith(attribution):  # the boundaries line closes the footer
                break
            if words and words not in source:
                out.append(words)
    return out


def caption_text(r):
    """The caption file: title, caption, source line, alt text and every row drawn."""
    lang = r.lang
    lines = [f"# {r.title}", "", r.caption, "", r.source_line, "", data_line(lang), "",
             f"## {t('alt.heading', lang)}", "", r.alt, "",
             t("alt.data_file", lang).format(file=f"[{r.id}.csv]({r.id}.csv)"), "",
             f"## {t('word.rows_drawn', lang)}", ""]
    lines += caption_table(r.rows, lang)  # headers, units, locators in the language; quotes marked verbatim
    return "\n".join(lines) + "\n"
