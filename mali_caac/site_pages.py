"""The site's pages about the data, generated from the data package: a page per dataset, the index of the
datasets, the sources, the register of disagreements, the glossary and how to cite, in each language.

:mod:`mali_caac.site` stages them beside the section notebooks' pages and builds the site.
"""
import csv
import html
from pathlib import Path

from .build import ROOT, BuildError, _show
from .i18n import t, typeset
from .package import open_package

SITE = ROOT / "site"
"""Sphinx's configuration and the site's own content (the glossary)."""
ZIP_NAME = "mali-caac-data.zip"


class SiteError(BuildError):
    """A site that cannot be built: the message names the notebook, cell, page or file, for the user."""


def _label(key, lang):
    """A label followed by its colon, in the typography of ``lang`` (« Fichiers : » in French)."""
    return typeset(t(key, lang) + ":", lang)


def _html_table(header, rows, lang_attr=None):
    """A raw HTML table; ``lang_attr`` marks the cells written in another language than the page's."""
    def cell(value, tag="td", lang=None):
        attr = f' lang="{lang}"' if lang else ""
        return f"<{tag}{attr}>{value}</{tag}>"

    head = "".join(cell(html.escape(h), "th") for h in header)
    body = "\n".join("<tr>" + "".join(cell(v, lang=(lang_attr or {}).get(i)) for i, v in enumerate(row)) + "</tr>"
                     for row in rows)
    return f"```{{raw}} html\n<table class=\"table mali-caac\">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n```\n"


def _esc(value):
    return "" if value is None else html.escape(str(value))


def dataset_titles(pkg, lang, path=None):
    """{dataset: title in ``lang``}: the descriptor's titles, in French from ``site/dataset_titles.csv``.

    A dataset without a French title fails the French site by name.
    """
    if lang == "en":
        return {name: pkg.resource(name).title or name for name in pkg.datasets()}
    path = Path(path or SITE / "dataset_titles.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        titles = {r["name"]: r[f"title_{lang}"] for r in csv.DictReader(fh) if r.get(f"title_{lang}")}
    missing = [name for name in pkg.datasets() if name not in titles]
    if missing:
        raise SiteError(f"{_show(path)}: no {lang} title for dataset(s) {', '.join(missing)}")
    return {name: typeset(titles[name], lang) for name in pkg.datasets()}


def dataset_page(pkg, res, lang, title):
    """A dataset's page: title, description, row count, fields (type, description, vocabulary) and downloads."""
    other = "en" if lang != "en" else None
    lines = [f"# {title}", "", f"`{res.name}`", ""]
    if res.description:
        attr = f' lang="{other}"' if other else ""
        lines += ["```{raw} html", f"<p{attr}>{_esc(res.description)}</p>", "```", ""]
    if res.is_table:
        lines += [f"{_label('site.rows', lang)} {len(pkg.records(res.name))}", ""]
    lines += [f"{_label('site.download', lang)} {{download}}`{t('site.csv_file', lang) if res.is_table else res.path} "
              f"<../_data/{res.path}>` · {{download}}`{t('site.whole_package', lang)} <../_data/{ZIP_NAME}>`", ""]
    if res.is_table:
        refs = {}
        for fk in res.schema.get("foreignKeys", []):
            fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            ref = fk["reference"]
            targets = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
            for f, target in zip(fields, targets):
                table = ref.get("resource") or res.name
                refs[f] = t("site.references", lang).format(
                    table=f'<a href="{table}.html"><code>{_esc(table)}</code></a>', field=f"<code>{_esc(target)}</code>")
        rows = []
        for f in res.schema["fields"]:
            enum = (f.get("constraints") or {}).get("enum")
            vocab = ", ".join(f"<code>{_esc(v)}</code>" for v in enum) if enum else refs.get(f["name"], "")
            kind = f.get("type", "string") + (f" ({f['format']})" if f.get("format") not in (None, "default") else "")
            rows.append([f"<code>{_esc(f['name'])}</code>", f"<code>{_esc(kind)}</code>", _esc(f.get("description", "")), vocab])
        lines += [f"## {t('site.field', lang)}s" if lang == "en" else "## Champs", ""]
        if other:
            lines += [t("site.in_english", lang), ""]
        lines.append(_html_table([t("site.field", lang), t("site.type", lang), t("site.description", lang),
                                  t("site.values", lang)], rows, {2: other} if other else None))
    return "\n".join(lines)


def datasets_index(pkg, lang):
    names = [n for n in pkg.datasets()]
    lines = [f"# {t('site.datasets', lang)}", "", t("site.datasets_intro", lang), "",
             f"{{download}}`{t('site.whole_package', lang)} <../_data/{ZIP_NAME}>`", "",
             "```{toctree}", ":maxdepth: 1", "", *names, "```", ""]
    return "\n".join(lines)


def sources_page(pkg, lang):
    other = "en" if lang != "en" else None
    rows = []
    for s in pkg.records("sources"):
        url = f'<a href="{_esc(s["url"])}"><code>{_esc(s["url"])}</code></a>' if s.get("url") else ""
        rows.append([f"<code>{_esc(s['source_id'])}</code>", _esc(s.get(f"name_{lang}") or s.get("name_en")),
                     _esc(s.get("title")), _esc(s.get("date")), url])
    header = ["source_id", t("site.source", lang), "Titre" if lang == "fr" else "Title", "Date", "URL"]
    return "\n".join([f"# {t('site.sources', lang)}", "", _html_table(header, rows, {2: other} if other else None)])


def register_page(pkg, lang):
    """The discrepancy register: the package's resource of kind ``register``, every entry with every field."""
    other = "en" if lang != "en" else None
    registers = [r for r in pkg.tables() if r.kind == "register"]
    lines = [f"# {t('site.discrepancies', lang)}", "", t("site.register_in_english", lang), ""]
    for res in registers:
        fields = res.field_names
        ids = {f for f in fields if f.endswith("_id") or f.startswith("source_") or f == "rows"}  # identifiers, as code
        rows = [[f"<code>{_esc(rec.get(f))}</code>" if f in ids and rec.get(f) else _esc(rec.get(f)) for f in fields]
                for rec in pkg.records(res.name)]
        lines += [f"{{download}}`{res.path} <_data/{res.path}>`", "",
                  _html_table(fields, rows, {i: other for i in range(len(fields))} if other else None)]
    return "\n".join(lines)


GLOSSARY_FIELDS = ("term_en", "term_fr", "name_en", "name_fr", "definition_en", "definition_fr", "source_id", "locator")
"""Every field a glossary entry needs: the term, its full name and definition in each language, and its source."""


def read_glossary(path=None, sources=None):
    """The glossary's entries; a term without its source, paragraph, name or definition in either language,
    or citing a source the data package does not hold, fails the site by file, line and term."""
    path = Path(path or SITE / "glossary.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        entries = list(csv.DictReader(fh))
    if sources is None:
        sources = {s["source_id"] for s in open_package().records("sources")}
    problems = []
    for line, e in enumerate(entries, start=2):
        term = (e.get("term_en") or "").strip() or "(no term)"
        empty = [f for f in GLOSSARY_FIELDS if not (e.get(f) or "").strip()]
        if empty:
            problems.append(f"line {line}, term {term!r}: no {', '.join(empty)}")
        elif e["source_id"] not in sources:
            problems.append(f"line {line}, term {term!r}: source_id {e['source_id']!r} is not in the data package's sources")
    if problems:
        raise SiteError(f"{_show(path)}: every glossary term needs its name, definition and source in both "
                        "languages:\n  " + "\n  ".join(problems))
    return entries


def glossary_page(glossary, lang):
    from .citation import locator_text

    lines = [f"# {t('site.glossary', lang)}", "", t("site.glossary_intro", lang), "", "```{glossary}"]
    for e in sorted(glossary, key=lambda e: e[f"term_{lang}"].lower()):
        name = e[f"name_{lang}"]
        head = f"**{name}**. " if name.lower() != e[f"term_{lang}"].lower() else ""
        where = f"({e['source_id']}, {locator_text(e['locator'], lang)})"
        lines += [e[f"term_{lang}"], f"  {head}{typeset(e[f'definition_{lang}'], lang)} {where}", ""]
    return "\n".join(lines + ["```", ""])


def cite_page(lang, data=None):
    from .citation import cite

    lines = [f"# {t('site.cite', lang)}", ""]
    cff = ROOT / "CITATION.cff"
    if cff.exists():
        lines += [f"## {t('site.cite_project', lang)}", "", f"{{download}}`CITATION.cff <_data/CITATION.cff>`", "",
                  "```yaml", cff.read_text(encoding="utf-8").strip(), "```", ""]
    lines += [f"## {t('site.cite_sources', lang)}", "", t("site.cite_sources_intro", lang),
              "{download}`BibTeX <_data/sources.bib>` · {download}`RIS <_data/sources.ris>`", ""]
    attr = ' lang="en"' if lang != "en" else ""  # references keep the documents' own titles
    items = "\n".join(f"<li>{_esc(line)}</li>" for line in cite(data_dir=data).splitlines() if line.strip())
    lines += ["", "```{raw} html", f"<ul{attr}>", items, "</ul>", "```"]
    return "\n".join(lines + [""])
