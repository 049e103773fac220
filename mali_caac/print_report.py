"""The printed report as HTML: a cover, the contents with page numbers, every section's prose and its figures
numbered as on the site ("Figure 3.2", with title, caption and source line), then the sources, the glossary
and how to cite. :mod:`mali_caac.printing` prints it to ``report-<lang>.pdf``.
"""
import re

from .figure_files import figure_ids_in, read_figure
from .print_page import _esc, _t, markdown, page


def _figure_block(figures, lang, fid, number):
    from .bundles import caption_parts

    title, paragraphs, source, _ = caption_parts((figures / lang / f"{fid}.md").read_text(encoding="utf-8"))
    alt = read_figure(figures, lang, fid)[2]
    img = (figures / lang / f"{fid}.svg").resolve().as_uri()  # vector: sharp, small and quick to print
    caption = "".join(f"<p>{_esc(p)}</p>" for p in paragraphs)
    return (f'<figure id="fig-{fid}"><img src="{img}" alt="{_esc(alt)}">\n<figcaption><p><span class="num">'
            f'{_t("figure", lang)} {number}.</span> <span class="title">{_esc(title)}</span></p>{caption}'
            f'<p class="source">{_esc(source)}</p></figcaption></figure>')


def report_sections(lang, executed, figures):
    """[(number, title, html, [(figure number, figure id, title)])] of the sections, in the site's order."""
    import nbformat

    known = {p.stem for p in (figures / lang).glob("*.png")}
    out = []
    for number, (section, path) in enumerate(executed[lang], start=1):
        nb = nbformat.read(path, as_version=4)
        title, parts, figs = section, [], []
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                text = cell.source
                m = re.match(r"\s*#\s+(.+)", text)
                if m and title == section:
                    title, text = m.group(1).strip(), text[m.end():]
                parts.append(markdown(re.sub(r"(?m)^(#{1,4}) ", r"#\1 ", text)))  # one level under the section
            elif cell.cell_type == "code":
                for fid in figure_ids_in(cell.source, known):
                    fnum = f"{number}.{len(figs) + 1}"
                    figs.append((fnum, fid, read_figure(figures, lang, fid)[0]))
                    parts.append(_figure_block(figures, lang, fid, fnum))
        out.append((number, title, "\n".join(parts), figs))
    return out


def report_html(lang, executed, figures, data=None, pages=None):
    """The printable report of ``lang`` as HTML; ``pages`` ({anchor: page number}) fills the contents' page
    numbers (known after a first printing)."""
    from .bundles import _cff, _data_version
    from .citation import cite, locator_text
    from .i18n import t, typeset
    from .package import open_package
    from .site_pages import read_glossary

    pkg = open_package(data)
    pages = pages or {}
    sections = report_sections(lang, executed, figures)
    version, _ = _data_version(pkg)
    n_sec = len(sections)
    back = [("sources", _t("sources", lang)), ("glossary", _t("glossary", lang)), ("cite", _t("cite", lang))]

    def entry(anchor, label, cls=""):
        num = pages.get(anchor, "")
        return (f'<li class="{cls}"><a href="#{anchor}" class="label">{label}</a><span class="dots"></span>'
                f'<span class="page">{num}</span></li>')

    toc = []
    for number, title, _, figs in sections:
        toc.append(entry(f"sec-{number}", f"{number}&nbsp;&nbsp;{_esc(title)}"))
        toc += [entry(f"fig-{fid}", f"{_t('figure', lang)} {fnum}. {_esc(ftitle)}", "fig") for fnum, fid, ftitle in figs]
    toc += [entry(a, f"{n_sec + i}&nbsp;&nbsp;{_esc(label)}") for i, (a, label) in enumerate(back, start=1)]
    body = [f'<section class="cover"><h1>{_esc(t("site.title", lang))}</h1>',
            f'<p class="sub">{_esc(t("site.intro", lang))}</p>',
            f'<p class="meta">{_esc(_t("data_version", lang).format(version=version))}</p></section>',
            f'<nav><h2 class="section" id="contents">{_t("contents", lang)}</h2><ol>{"".join(toc)}</ol></nav>']
    for number, title, content, _ in sections:
        body.append(f'<section><h2 class="section" id="sec-{number}">{number}&nbsp;&nbsp;{_esc(title)}</h2>'
                    f"\n{content}</section>")
    other = ' lang="en"' if lang != "en" else ""
    rows = []
    for s in pkg.records("sources"):
        rows.append(f"<tr><td>{_esc(s.get(f'name_{lang}') or s.get('name_en'))}</td><td{other}>{_esc(s.get('title'))}"
                    f"</td><td class=\"num\">{_esc(s.get('date'))}</td><td>{_esc(s.get('licence'))}</td></tr>")
    body.append(f'<section><h2 class="section" id="sources">{n_sec + 1}&nbsp;&nbsp;{_t("sources", lang)}</h2>'
                f'<p class="note">{_t("in_english", lang)}</p><table><thead><tr><th>{_t("source_table", lang)}</th>'
                f'<th>{_t("title", lang)}</th><th>{_t("date", lang)}</th><th>{_t("licence", lang)}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></section>')
    items = []
    for e in sorted(read_glossary(), key=lambda e: e[f"term_{lang}"].lower()):
        name = e[f"name_{lang}"]
        head = f"<b>{_esc(name)}</b>. " if name.lower() != e[f"term_{lang}"].lower() else ""
        where = f" ({_esc(e['source_id'])}, {_esc(locator_text(e['locator'], lang))})"
        items.append(f"<dt>{_esc(e[f'term_{lang}'])}</dt><dd>{head}{_esc(typeset(e[f'definition_{lang}'], lang))}"
                     f"{where}</dd>")
    body.append(f'<section><h2 class="section" id="glossary">{n_sec + 2}&nbsp;&nbsp;{_t("glossary", lang)}</h2>'
                f'<dl>{"".join(items)}</dl></section>')
    authors, year, project = _cff()
    from .bundles import TEXT as BT

    dataset = typeset(BT["dataset_ref"][0 if lang == "en" else 1].format(
        authors=authors, year=year or ("n.d." if lang == "en" else "s. d."), project=project, version=version), lang)
    refs = "".join(f'<p class="cite"{other}>{_esc(line)}</p>' for line in cite(data_dir=data).splitlines()
                   if line.strip())
    body.append(f'<section><h2 class="section" id="cite">{n_sec + 3}&nbsp;&nbsp;{_t("cite", lang)}</h2>'
                f'<h3>{_t("cite_report", lang)}</h3><p class="cite">{_esc(dataset)}</p>'
                f'<h3>{_t("cite_documents", lang)}</h3>{refs}</section>')
    return page(t("site.title", lang), "\n".join(body), lang)
