"""The printed pages' shared parts: their own words in each language, Markdown as HTML, the print CSS (A4, the
figures' font) and the page around a body, for the report (:mod:`mali_caac.print_report`) and the exercises
(:mod:`mali_caac.print_exercises`) that :mod:`mali_caac.printing` prints to PDF.
"""
import html
import re
from pathlib import Path

from .build import BuildError

TEXT = {
    "contents": ("Contents", "Table des matières"),
    "figures": ("Figures", "Figures"),
    "figure": ("Figure", "Figure"),
    "sources": ("Sources", "Sources"),
    "glossary": ("Glossary", "Glossaire"),
    "cite": ("How to cite", "Comment citer"),
    "cite_report": ("This report and its data", "Ce rapport et ses données"),
    "cite_documents": ("The source documents", "Les documents sources"),
    "page": ("page", "page"),
    "data_version": ("Data version {version}. Every number is read from the data package, each row with its "
                     "source, paragraph and verbatim quote; the interactive version, the data and each figure's "
                     "files are on the site.",
                     "Version des données {version}. Chaque nombre est lu dans le paquet de données, chaque ligne "
                     "avec sa source, son paragraphe et sa citation textuelle ; la version interactive, les données "
                     "et les fichiers de chaque figure sont sur le site."),
    "source_table": ("Source", "Source"),
    "title": ("Title", "Titre"),
    "date": ("Date", "Date"),
    "licence": ("Terms", "Conditions"),
    "in_english": ("Document titles and quotes are given in the language of the document.",
                   "Les titres des documents et les citations sont donnés dans la langue du document."),
    "handout": ("Student hand-out", "Document de l’élève"),
    "facilitator": ("Facilitator’s copy, with the answers", "Exemplaire de l’animateur, avec les réponses"),
    "handout_intro": ("Each exercise gives a question and the rows of data it is about: each row with its value "
                      "as the source prints it, the source, the paragraph and the quote that prints it. Write "
                      "your answers in the space under each exercise. The same exercises, with the code that "
                      "selects the rows, are on the site.",
                      "Chaque exercice pose une question et donne les lignes de données qui la concernent : "
                      "chaque ligne avec sa valeur telle que la source l’imprime, la source, le paragraphe et la "
                      "citation qui l’imprime. Écrivez vos réponses dans l’espace prévu sous chaque exercice. Les "
                      "mêmes exercices, avec le code qui choisit les lignes, sont sur le site."),
    "facilitator_intro": ("The students’ hand-out is the same without the answers. Every number in an answer is "
                          "computed from the data by the exercises’ notebook.",
                          "Le document de l’élève est le même, sans les réponses. Chaque nombre d’une réponse est "
                          "calculé à partir des données par le carnet des exercices."),
    "answer": ("Answer", "Réponse"),
    "your_answer": ("Your answer", "Votre réponse"),
    "row": ("Row", "Ligne"),
    "what": ("What it counts", "Ce qui est compté"),
    "value": ("Value", "Valeur"),
    "printed": ("As printed", "Tel qu’imprimé"),
    "paragraph": ("Paragraph", "Paragraphe"),
    "quote": ("Quote", "Citation"),
    "verbatim": ("Quotes are verbatim, in the language of their source.",
                 "Les citations sont textuelles, dans la langue de leur source."),
    "not_stated": ("not stated", "non indiqué"),
    "total": ("total", "total"),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "more_rows": ("and {n} more rows (on the site)", "et {n} autres lignes (sur le site)"),
}
"""The printed pages' own words, English then French."""


class PrintError(BuildError):
    """A printable page or PDF that could not be made: the message names it."""



def _t(key, lang):
    from .i18n import LANGS, typeset

    return typeset(TEXT[key][LANGS.index(lang)], lang)


def _md():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"typographer": False}).enable("table")


def markdown(text, lang=None):
    """Markdown as HTML (CommonMark with tables); MyST roles are shown as their text."""
    text = re.sub(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", text)
    return _md().render(text)


def _esc(value):
    return "" if value is None else html.escape(str(value))


def _css():
    from .build import LIBRARY

    fonts = Path(LIBRARY) / "fonts"
    faces = "".join(
        f"@font-face{{font-family:'Source Sans Pro';src:url('{(fonts / f).as_uri()}');{style}}}\n"
        for f, style in (("SourceSansPro-Regular.ttf", "font-weight:400;font-style:normal"),
                         ("SourceSansPro-Bold.ttf", "font-weight:700;font-style:normal"),
                         ("SourceSansPro-It.ttf", "font-weight:400;font-style:italic")))
    return faces + PRINT_CSS


PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
html { font-family: 'Source Sans Pro', 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
body { margin: 0; }
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 8pt; }
h2 { font-size: 15pt; margin: 0 0 6pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
h2.section { break-before: page; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
a { color: inherit; text-decoration: none; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover .sub { font-size: 13pt; color: #333; }
.cover .meta { font-size: 9.5pt; color: #444; margin-top: 18pt; max-width: 140mm; }
nav ol { list-style: none; padding: 0; margin: 0; }
nav li { display: flex; gap: 4pt; margin: 2pt 0; }
nav li .label { flex: 0 0 auto; }
nav li .dots { flex: 1 1 auto; border-bottom: 1pt dotted #999; margin-bottom: 4pt; }
nav li .page { flex: 0 0 auto; min-width: 14pt; text-align: right; }
nav li.fig { font-size: 9pt; color: #333; padding-left: 14pt; }
figure { break-inside: avoid; margin: 10pt 0 14pt; }
figure img { width: 100%; height: auto; max-height: 200mm; object-fit: contain; display: block; }
figcaption { font-size: 9pt; margin-top: 4pt; }
figcaption .num { font-weight: 700; }
figcaption .title { font-weight: 700; }
figcaption p { margin: 2pt 0; }
figcaption .source { color: #333; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4pt 0 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.quote { font-style: italic; min-width: 60mm; }
td.code, code { font-family: 'DejaVu Sans Mono', monospace; font-size: 7.5pt; white-space: nowrap; }
dl dt { font-weight: 700; margin-top: 5pt; break-after: avoid; }
dl dd { margin: 0 0 0 12pt; }
.note { font-size: 9pt; color: #333; }
.exercise { break-before: page; }
.exercise:first-of-type { break-before: auto; }
.answer { border-left: 3pt solid #0072B2; background: #f2f7fb; padding: 4pt 8pt; margin: 6pt 0; break-inside: avoid; }
.answer h3 { margin-top: 2pt; }
.room { border: 0.75pt solid #777; margin: 6pt 0 10pt; padding: 3pt 8pt 6pt; break-inside: avoid; }
.room .label { font-size: 8.5pt; color: #555; }
.room .line { height: 8mm; border-bottom: 0.5pt solid #bbb; }
.cite { padding-left: 12pt; text-indent: -12pt; }
"""


def page(title, body, lang):
    """A whole printable HTML page."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>{_esc(title)}</title>\n'
            f"<style>{_css()}</style></head>\n<body>\n{body}\n</body>\n</html>\n")
