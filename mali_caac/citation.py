"""Citations: a source document as a reference, and the rows behind a figure as a source line."""
import json
import re

from .package import open_package


def _sources(data_dir=None):
    return {s["source_id"]: s for s in open_package(data_dir).records("sources")}


FORMATS = ("text", "bibtex", "ris", "csl-json")
"""The reference formats of ``cite``."""

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _kind(source):
    """The CSL type of a source: outside data is a dataset, a web page read for its figures a webpage,
    every other document (UN reports, NGO briefs and factsheets) a report."""
    if source["kind"] == "external":
        return "dataset"
    if (source["licence"] or "").lower().startswith("public web page"):
        return "webpage"
    return "report"


def _date_parts(date):
    """'2020-11-11' -> [2020, 11, 11]; '2021-06' -> [2021, 6]; '' or None -> []."""
    return [int(p) for p in (date or "").split("-") if p]


def _text(s):
    date = f" ({s['date']})" if s["date"] else ""
    parts = [p if p.endswith(".") else p + "." for p in (f"{s['publisher']}{date}", s["title"], s["symbol"]) if p]
    return " ".join(parts + [s["url"]] if s["url"] else parts)


def _bibtex_key(source_id):
    return re.sub(r"[^A-Za-z0-9_.:-]+", "-", source_id)


def _bibtex(s):
    def esc(text):
        return _BIBTEX_SPECIAL.sub(r"\\\1", text)

    date = _date_parts(s["date"])
    fields = {"author": "{" + esc(s["publisher"]) + "}",  # braces: an organisation, not first and last names
              "title": "{" + esc(s["title"]) + "}",       # braces: keep the title's capitals
              "institution" if s["symbol"] else "organization": esc(s["publisher"]),
              "number": esc(s["symbol"] or ""),
              "year": str(date[0]) if date else "",
              "month": _MONTHS[date[1] - 1] if len(date) > 1 else "",
              "date": s["date"] or "",
              "url": s["url"] or ""}
    entry = "techreport" if s["symbol"] else "misc"
    body = ",\n".join(f"  {k} = {v if k == 'month' else '{' + v + '}'}" for k, v in fields.items() if v)
    return f"@{entry}{{{_bibtex_key(s['source_id'])},\n{body}\n}}"


def _ris(s):
    date = _date_parts(s["date"])
    tags = [("TY", {"dataset": "DATA", "webpage": "ELEC"}.get(_kind(s), "RPRT")), ("ID", s["source_id"]),
            ("AU", s["publisher"]), ("TI", s["title"]), ("PB", s["publisher"]),
            ("PY", str(date[0]) if date else ""),
            ("DA", "/".join(f"{p:02d}" for p in date) if len(date) > 1 else ""),
            ("SN", s["symbol"]), ("UR", s["url"]), ("ER", "")]
    return "\n".join(f"{tag}  - {value}" for tag, value in tags if value or tag == "ER")


def _csl(s):
    item = {"id": s["source_id"], "type": _kind(s), "title": s["title"],
            "author": [{"literal": s["publisher"]}], "publisher": s["publisher"]}
    if s["date"]:
        item["issued"] = {"date-parts": [_date_parts(s["date"])]}
    if s["symbol"]:
        item["number"] = s["symbol"]
    if s["url"]:
        item["URL"] = s["url"]
    return item


def find_source(source_id, data_dir=None):
    """The record of source ``source_id``, matched without regard to case ('s/2020/1105').

    A DataError lists the sources (and a near miss) if there is none.
    """
    srcs = _sources(data_dir)
    by_folded = {k.casefold(): v for k, v in srcs.items()}
    if str(source_id).casefold() in by_folded:
        return by_folded[str(source_id).casefold()]
    from .aggregate import suggest
    from .errors import DataError

    near = suggest(source_id, srcs)
    hint = f" Did you mean {' or '.join(map(repr, near))}?" if near else ""
    raise DataError(f"unknown source {source_id!r}.{hint} The sources are: {', '.join(srcs)}",
                    field="source_id", expected="a source_id of the sources table", found=source_id)


def cite(source_id=None, data_dir=None, *, format="text"):  # noqa: A002 (the name users expect)
    """A reference for one source document, or for all of them, as text, BibTeX, RIS or CSL-JSON.

    >>> print(cite("s/2020/1105"))
    United Nations Security Council (2020-11-11). Children and armed conflict in Mali: Report of the Secretary-General (third country report). S/2020/1105. https://undocs.org/en/S/2020/1105

    Source ids are matched without regard to case. The publisher is the
    author (an organisation), the UN symbol the report number; parts a source
    lacks (date, symbol, address) are left out. ``csl-json`` is always a JSON
    list of items; the other formats put one reference after another.
    """
    if format not in FORMATS:
        from .errors import DataError

        raise DataError(f"format must be one of {', '.join(FORMATS)}, not {format!r}", field="format",
                        expected=" or ".join(FORMATS), found=format)
    chosen = list(_sources(data_dir).values()) if source_id is None else [find_source(source_id, data_dir)]
    if format == "csl-json":
        return json.dumps([_csl(s) for s in chosen], ensure_ascii=False, indent=2)
    writer = {"text": _text, "bibtex": _bibtex, "ris": _ris}[format]
    return ("\n" if format == "text" else "\n\n").join(writer(s) for s in chosen)


def _numbered(loc):
    """('para ', 14) for 'para 14', ('file.csv, line ', 17) for 'file.csv, line 17', else None."""
    m = re.fullmatch(r"(.*\b(?:para|line|page) )(\d+)", loc)
    return (m.group(1), int(m.group(2))) if m else None


def compact_locators(locators):
    """'para 14', 'para 15', 'para 17' -> 'paras 14–15, 17'; 'f.csv, line 2', 'f.csv, line 3' -> 'f.csv, lines 2–3'
    (en dash in ranges); other locators are kept as they are, in order."""
    return ", ".join(_compact_parts(locators))


def _compact_parts(locators):
    """The parts of :func:`compact_locators`, as a list."""
    groups, other = {}, []
    for loc in dict.fromkeys(locators):
        num = _numbered(loc)
        if num:
            groups.setdefault(num[0], set()).add(num[1])
        elif loc not in other:
            other.append(loc)
    out = []
    for prefix, numbers in groups.items():
        runs, run = [], []
        for n in sorted(numbers):
            if run and n == run[-1] + 1:
                run.append(n)
            else:
                if run:
                    runs.append(run)
                run = [n]
        runs.append(run)
        text = ", ".join(f"{r[0]}\u2013{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
        if len(numbers) > 1:
            prefix = re.sub(r"(para|line|page) $", r"\1s ", prefix)
        out.append(prefix + text)
    return out + sorted(other, key=lambda x: (not x.startswith("annex"), x))


# ----------------------------------------------------------------------------- locators in French
HEADINGS_FR = {
    # CHRHS-SAM-InterAction-2022 (the factsheet's English section headings)
    "About the Factsheet": "À propos de la fiche",
    "About the Contributing Organizations": "À propos des organisations contributrices",
    "Arms Sales": "Ventes d'armes",
    "Civil-Military Relations and Engagement with Humanitarian Actors":
        "Relations civilo-militaires et dialogue avec les acteurs humanitaires",
    "Civilian Casualties": "Victimes civiles",
    "Civilian Harm Background": "Contexte des atteintes aux civils",
    "Conflict Background": "Contexte du conflit",
    "Enforced Disappearances and Summary Executions": "Disparitions forcées et exécutions sommaires",
    "Foreign Military Training": "Formation militaire étrangère",
    "Humanitarian Access Constraints": "Entraves à l'accès humanitaire",
    "Key issues in the security partnership": "Questions clés du partenariat de sécurité",
    "Objectives and Purpose of U.S. Security Partnership": "Objectifs du partenariat de sécurité avec les États-Unis",
    "Partnership Overview": "Aperçu du partenariat",
    "Security Assistance": "Aide à la sécurité",
    "Sexual and Gender-Based Violence (SGBV)": "Violence sexuelle et fondée sur le genre",
    "Summary": "Résumé",
    "Transparency and Accountability": "Transparence et application du principe de responsabilité",
    "Type of Assistance Provided": "Type d'aide fournie",
    "Violence Against Children": "Violence contre les enfants",
    # Watchlist-2021-06
    "UN Action": "Action des Nations Unies",
    "listing table": "tableau des inscriptions sur les listes",
    "recommendations": "recommandations",
    "summary": "résumé",
    # rows of the secondary pages
    "fifth report row": "ligne du cinquième rapport",
    "fifth report": "cinquième rapport",
    # a source's own record in data/sources.csv (the glossary's UN symbols, USAID, the UNETCHAC page)
    "title": "titre",
    "publisher": "éditeur",
}
"""The section headings that locators name (in English, as the documents print them), in French.

The caption files give the English heading once beside its translation (:func:`caption_table`)."""

_FR_LOCATOR_RULES = [  # applied in order to a compacted locator
    (re.compile(r"\bparas? "), "par.\u00a0"),
    (re.compile(r"\bannex (?=par\.)"), "annexe, "),
    (re.compile(r"\bannex\b"), "annexe"),
    (re.compile(r"\bfootnotes? "), "note "),
    (re.compile(r"\blines "), "lignes "),
    (re.compile(r"\bline "), "ligne "),
    (re.compile(r"\bpages? "), "p.\u00a0"),
    (re.compile(r"^(\w+) section, "), r"section \1, "),
    (re.compile(r"^(\S+) row$"), r"ligne \1"),
]


def _translate_headings(locator):
    """('Partnership Overview > Type of Assistance Provided') -> ('Aperçu du partenariat > Type d'aide fournie',
    True); a heading without a translation is kept in English within “ ” (returns False)."""
    parts = [p.strip() for p in locator.split(">")]
    if all(p in HEADINGS_FR for p in parts):
        return " > ".join(HEADINGS_FR[p] for p in parts), True
    return locator, False


def locator_text(locator, lang):
    """A (compacted) locator as ``lang`` writes it: 'paras 23–24' -> 'par. 23–24', 'footnote 3' -> 'note 3',
    'annex para 10' -> 'annexe, par. 10', 'f.csv, lines 2–3' -> 'f.csv, lignes 2–3', 'summary' -> 'résumé',
    a section heading -> its French rendering (:data:`HEADINGS_FR`). English is only typeset."""
    from .i18n import typeset

    if lang != "fr":
        return typeset(locator, lang)
    heading, ok = _translate_headings(locator)
    if ok:
        return typeset(heading, lang)
    text = locator
    for rule, repl in _FR_LOCATOR_RULES:
        text = rule.sub(repl, text)
    if text == locator and not re.search(r"\d", locator) and not locator.startswith("shapeName "):
        text = f"section “{locator}”"  # no translation known: the English heading, marked as quoted
    return typeset(text, lang)


def source_name(source, lang):
    """A source named in words with its symbol, and for outside data its licence:
    'UN Secretary-General, report on children and armed conflict in Mali (S/2020/1105)'."""
    from .i18n import t, typeset

    name = source.get(f"name_{lang}") or source["short_name"]
    if source.get("symbol") and source["symbol"] not in name:
        name += f" ({source['symbol']})"
    if source.get("kind") == "external" and source.get("licence"):
        lic = source["licence"]
        lic = t("word.public_domain", lang) if lic.lower().startswith("public domain") \
            else f"{t('word.licence', lang)} {lic.split(';')[0].strip()}"
        name += f" ({lic})"
    return typeset(name, lang)


_FILE_LOCATOR = re.compile(r"^[\w.-]+\.[A-Za-z]{2,7}\b")
"""A locator that points into a data file ('us_foreign_aid_country_MLI.csv, lines 17–32')."""


def print_locator(locator):
    """The part of a locator a printed page can use, or None: a figure's source line names the document in
    words with its paragraph or section, never a file, its lines, a breadcrumb or a table row. A locator into a
    data file gives nothing (the document's name says what it is); 'Partnership Overview > Type of Assistance
    Provided' gives its section, 'Partnership Overview'; 'S/2022/856 row' gives 'S/2022/856', the entry read.
    The exact locator stays in the caption file's table of rows and in the figure's CSV."""
    locator = str(locator).strip()
    if _FILE_LOCATOR.match(locator):
        return None
    if ">" in locator:
        return locator.split(">")[0].strip()
    return re.sub(r"\s+row$", "", locator)


def cite_rows(rows, data_dir=None, prefix=None, lang="en", for_print=False):
    """A source line for the rows a figure draws, in ``lang``:
    'Source: UN Secretary-General, report on children and armed conflict in Mali (S/2020/1105), paras 14–15' /
    'Source : Nations Unies, rapport du Secrétaire général sur le sort des enfants en temps de conflit armé
    au Mali (S/2020/1105), par. 14–15'.

    ``rows`` is a DataFrame (or iterable of mappings) with ``source_id`` and ``locator`` columns. Each
    document is named in words (``name_en`` / ``name_fr``) with its symbol, outside data with its
    licence; locators are compacted and translated (:func:`locator_text`). ``prefix`` defaults to
    'Source: ' in the language. ``for_print`` gives the line printed under a figure: locators as
    :func:`print_locator` keeps them (no file, line, breadcrumb or row)."""
    from .i18n import t, typeset

    srcs = _sources(data_dir)
    if hasattr(rows, "to_dict"):
        rows = rows.to_dict("records")
    by_source = {}
    for r in rows:
        loc = print_locator(r["locator"]) if for_print else str(r["locator"])
        locs = by_source.setdefault(str(r["source_id"]), [])
        if loc:
            locs.append(loc)
    parts = []
    for sid, locs in by_source.items():
        name = source_name(srcs[sid], lang) if sid in srcs else sid
        locs = [locator_text(p, lang) for p in _compact_parts(locs)]
        parts.append(", ".join([name] + [p for p in locs if not (for_print and p in name)]))  # not twice
    if prefix is None:
        prefix = t("word.source", lang) + ": "
    return typeset(prefix + "; ".join(parts), lang)


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def caption_table(rows, lang, data_dir=None):
    """The table of a caption file, as Markdown lines, with headers, qualifiers and units in ``lang``.

    Locators are translated, a translated heading followed, the first time, by the heading as printed;
    quotes stay verbatim in the language of their source and, where that is not ``lang``, are
    marked as such ('“…” (texte original, en anglais)')."""
    from babel import Locale

    from .i18n import TEXT, number, t

    srcs = _sources(data_dir)
    heads = ["table", "row_id", "value", "unit", "source", "locator", "quote"]
    lines = ["| " + " | ".join(t(f"caption.{h}", lang) for h in heads) + " |", "|" + "---|" * len(heads)]
    if hasattr(rows, "to_dict"):
        rows = rows.to_dict("records")
    shown = set()  # headings already given as printed
    for row in rows:
        src = srcs.get(str(row["source_id"]), {})
        qual = row.get("qualifier")
        q = t(f"word.qualifier.{qual}", lang) if qual and f"word.qualifier.{qual}" in TEXT else ""
        unit = str(row.get("unit") or "")
        unit_text = t(f"unit.{unit}", lang) if f"unit.{unit}" in TEXT else unit
        locator = locator_text(str(row["locator"]), lang)
        heading, translated = _translate_headings(str(row["locator"]))
        if lang == "fr" and translated and row["locator"] not in shown:
            shown.add(row["locator"])
            locator += " (" + t("caption.heading_as_printed", lang).format(heading=f"“{row['locator']}”") + ")"
        quote = str(row["quote"])
        src_lang = src.get("language") or lang
        if src_lang != lang:
            language = Locale.parse(lang).languages.get(src_lang, src_lang)
            quote = f"“{quote}” (" + t("caption.verbatim_in", lang).format(language=language) + ")"
        cells = [row["table"], row["row_id"], q + number(row["value"], lang), unit_text, row["source_id"], locator, quote]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines
