"""A published figure read back from its saved files, and the figures a notebook's code cell publishes: what the
site's pages (:mod:`mali_caac.site`) and the printed report (:mod:`mali_caac.print_report`) both show of a figure.
"""
import html
import re


def read_figure(figures, lang, fid):
    """(title, caption paragraphs, alt text) of a saved figure, from its caption file and its SVG's <desc>."""
    text = (figures / lang / f"{fid}.md").read_text(encoding="utf-8")
    head = text.split("\n## ", 1)[0].strip().split("\n\n")
    title = head[0].lstrip("# ").strip()
    paragraphs = [p.strip() for p in head[1:] if p.strip()]
    alt = ""
    svg = figures / lang / f"{fid}.svg"
    if svg.exists():
        found = re.search(r"<desc>(.*?)</desc>", svg.read_text(encoding="utf-8"), flags=re.S)
        alt = html.unescape(found.group(1)).strip() if found else ""
    return title, paragraphs, " ".join((alt or " ".join(paragraphs[:1]) or title).split())


def figure_ids_in(source, known):
    """The figure ids that a code cell publishes (``publish("id", ...)``, read as the recipes are), in
    order, among ``known``; a string that names a table (``"us_aid_series"``) is not a figure."""
    import ast

    from .recipes import _published_ids

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [fid for fid in dict.fromkeys(_published_ids(tree)) if fid in known]
