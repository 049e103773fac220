"""French notebook prose through gettext catalogues (issue 8, item 2): complete, used by the build, failing by name."""
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from mali_caac.build import ROOT, build, plan
from mali_caac.figure_checks import english_words
from mali_caac.translation import (LOCALES, MissingTranslation, blocks, catalogue_path, messages, read_catalogue,
                                   source_notebooks, translate_markdown, translate_notebook, translate_page,
                                   update_catalogues)

NOTEBOOKS = ROOT / "notebooks"


def _prose(nb):
    """The Markdown cells' text, without code spans (file names and commands stay as they are)."""
    return re.sub(r"`[^`]*`", " ", "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))


@pytest.mark.parametrize("rel", source_notebooks(), ids=str)
def test_every_notebook_reads_in_french(rel):
    """Every document is translated; the section notebooks' French has no English word (the teaching pack's
    French is checked by its own tests, with its answers)."""
    if rel.suffix == ".md":
        english = (NOTEBOOKS / rel).read_text(encoding="utf-8")
        french = translate_page(english, rel.as_posix(), "fr")
        english, french = (re.sub(r"`[^`]*`", " ", text) for text in (english, french))
    else:
        nb = nbformat.read(NOTEBOOKS / rel, as_version=4)
        english, french = _prose(nb), _prose(translate_notebook(nb, rel.as_posix(), "fr"))
    assert french != english
    if rel.parent == Path("."):
        assert english_words(french) == []


def test_admonitions_are_translated_title_and_body():
    text = "Intro.\n\n```{admonition} Answer\n:class: dropdown\n\nThe *answer*.\n\n- a point\n```\n"
    assert [m for _, _, m in blocks(text)] == ["Intro.", "Answer", "The *answer*.", "a point"]
    out = translate_markdown(text, {"Intro.": "Introduction.", "Answer": "Réponse", "The *answer*.": "La *réponse*.",
                                    "a point": "un point"})
    assert out == "Introduction.\n\n```{admonition} Réponse\n:class: dropdown\n\nLa *réponse*.\n\n- un point\n```\n"


def test_blocks_keep_the_markup_around_them():
    text = "# Title\n\nA *first*\nparagraph.\n\n- an item\n  on two lines\n\n> quoted\n\n```\ncode\n```"
    found = [m for _, _, m in blocks(text)]
    assert found == ["Title", "A *first*\nparagraph.", "an item\non two lines", "quoted"]
    out = translate_markdown(text, {"Title": "Titre", "A *first*\nparagraph.": "Un *premier*\nparagraphe.",
                                    "an item\non two lines": "un élément", "quoted": "cité"})
    assert out == "# Titre\n\nUn *premier* paragraphe.\n\n- un élément\n\n> cité\n\n```\ncode\n```"


def _catalogue_copy(tmp_path, rel, edit):
    """A copy of the locales folder in which ``edit(text)`` changed the catalogue of notebook ``rel``."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    po = catalogue_path(rel, "fr", locales)
    po.write_text(edit(po.read_text(encoding="utf-8")), encoding="utf-8")
    return locales


def test_missing_and_fuzzy_translations_are_named(tmp_path):
    nb = nbformat.read(NOTEBOOKS / "killing.ipynb", as_version=4)
    first = blocks(nb.cells[0].source)[1][2]  # the first paragraph of the introduction

    def edit(text):
        lines = text.split("\n")
        i = lines.index(f'msgid "{first}"')
        lines[i + 1] = 'msgstr ""'
        j = next(k for k, ln in enumerate(lines) if ln.startswith('msgid "**What the numbers mean'))
        lines.insert(j, "#, fuzzy")
        return "\n".join(lines)

    locales = _catalogue_copy(tmp_path, "killing.ipynb", edit)
    with pytest.raises(MissingTranslation) as err:
        translate_notebook(nb, "killing.ipynb", "fr", locales)
    message = str(err.value)
    assert "2 message(s) of killing.ipynb not translated" in message
    assert "killing.ipynb, cell 0: no translation for \u201c*Killing and maiming* counts children killed or" in message
    assert "killing.ipynb, cell 0: fuzzy for \u201c**What the numbers mean.** Every figure" in message
    assert translate_notebook(nb, "killing.ipynb", "en", locales) is nb  # the source language needs none


def test_a_french_build_runs_the_french_prose_and_fails_by_name_without_it(tmp_path):
    """The executed French notebook reads in French; a paragraph added without its translation fails the run
    (before any cell runs), naming the notebook, the cell and the paragraph's first words."""
    kw = dict(only=["reintegration"], langs=("fr",), formats=("png",), figures_dir=tmp_path / "figures",
              build_dir=tmp_path / "build", echo=lambda _: None)
    assert build(**kw) == []
    executed = nbformat.read(plan(**{k: v for k, v in kw.items() if k != "echo"})[0].executed, as_version=4)
    assert executed.cells[0].source.startswith("# Libération, prise en charge et réintégration")
    assert english_words(_prose(executed)) == []

    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    nb = nbformat.read(notebooks / "reintegration.ipynb", as_version=4)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("A new paragraph nobody translated yet."))
    nbformat.write(nb, notebooks / "reintegration.ipynb")
    errors = build(**kw, notebooks=notebooks)
    assert len(errors) == 1
    assert "reintegration.ipynb (fr): 1 message(s) of reintegration.ipynb not translated" in errors[0]
    assert "reintegration.ipynb, cell 1: no translation for \u201cA new paragraph nobody translated yet.\u201d" in errors[0]


def test_catalogues_hold_exactly_what_sphinx_extracts(tmp_path):
    """Re-extracting with Sphinx's gettext builder and sphinx-intl changes no message: the build's blocks are
    Sphinx's messages, and every catalogue is complete (no new, fuzzy or missing message)."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    report = []
    update_catalogues("fr", locales=locales, echo=report.append)
    assert report and all(line.endswith(": complete") for line in report), report
    for rel in source_notebooks():
        before, _ = read_catalogue(catalogue_path(rel, "fr"))
        after, fuzzy = read_catalogue(catalogue_path(rel, "fr", locales))
        assert after == before and not fuzzy
        assert set(messages(NOTEBOOKS / rel)) == set(after), rel
