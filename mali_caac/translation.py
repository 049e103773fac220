"""Notebook prose in French through gettext catalogues (one ``.po`` per notebook).

The notebooks are written in English and are the only copy of their prose. The
French text lives in ``locales/fr/LC_MESSAGES/<notebook>.po``, extracted with
Sphinx's gettext builder and merged with ``sphinx-intl update`` (``make
translations``), so a message is exactly what Sphinx extracts: the Markdown
source of one paragraph or heading. :func:`translate_notebook` replaces each
such block of each Markdown cell by its translation; a block with no
translation, or a fuzzy one, fails by name (notebook, cell, first words).
"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import DataError

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
SOURCE_LANG = "en"


class MissingTranslation(DataError):
    """A Markdown block of a notebook has no usable translation in its catalogue."""


TITLED = frozenset({"admonition", "dropdown", "topic", "sidebar"})
"""MyST directives whose argument is a title, which Sphinx extracts as a message of its own."""
_OPTION = re.compile(r"^:[\w-]+:")


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.colon_fence import colon_fence_plugin

    return MarkdownIt("commonmark").use(colon_fence_plugin).enable("table")


def blocks(markdown, offset=0):
    """The translatable blocks of a Markdown text, in order: (first line, last line + 1, message).

    A block is a paragraph or a heading, wherever it sits (list item, block quote, the body of a
    MyST directive such as an admonition), or the title of an admonition; its message is its
    Markdown source as Sphinx's gettext builder extracts it (MyST keeps the inline source as the
    node's ``rawsource``). ``offset`` is the line of the text's first line in a larger text.
    """
    tokens = _parser().parse(markdown)
    found = []
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and i and tokens[i - 1].type in ("paragraph_open", "heading_open") and tok.content:
            start, end = tokens[i - 1].map
            found.append((start + offset, end + offset, _clean(tok.content)))
        elif tok.type in ("fence", "colon_fence") and tok.info.startswith("{") and "}" in tok.info:
            name, _, argument = tok.info[1:].partition("}")
            start, end = tok.map
            if name in TITLED and argument.strip():
                found.append((start + offset, start + offset + 1, argument.strip()))
            body = tok.content.split("\n")
            skip = 0
            while skip < len(body) and _OPTION.match(body[skip]):
                skip += 1
            found += blocks("\n".join(body[skip:]), offset + start + 1 + skip)
    return found


def _clean(text):
    """Sphinx's clean-up of an extracted message: no backslash (hard line break) at the end of a line."""
    return "\n".join(line.rstrip(" \t").removesuffix("\\").rstrip(" \t") if line.rstrip(" \t").endswith("\\") else line
                     for line in text.split("\n"))


def catalogue_path(notebook, lang, locales=None):
    """The catalogue of a notebook (a path relative to the notebooks folder, without suffix) in ``lang``."""
    return Path(locales or LOCALES) / lang / "LC_MESSAGES" / f"{Path(notebook).with_suffix('').as_posix()}.po"


def read_catalogue(path):
    """{msgid: msgstr} of the usable translations of a ``.po`` file, and the set of fuzzy msgids (Babel's reader)."""
    from babel.messages.pofile import read_po

    path = Path(path)
    try:
        with open(path, "rb") as fh:
            catalog = read_po(fh)
    except OSError as exc:
        raise MissingTranslation(f"{path}: cannot read the catalogue ({exc.strerror or exc}); "
                                 "`make translations` creates it from the notebooks", file=path) from None
    except Exception as exc:  # Babel's parse errors carry the line
        raise MissingTranslation(f"{path}: not a valid gettext catalogue: {exc}", file=path) from None
    check_catalogue(path, catalog)
    usable, fuzzy = {}, set()
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue
        if message.fuzzy:
            fuzzy.add(message.id)
        elif message.string:
            usable[message.id] = message.string
    return usable, fuzzy


def check_catalogue(path, catalog=None):
    """Refuse a catalogue with an entry whose translation is its English source, or reads as English.

    The one check of the French prose, run wherever a catalogue is read for publication: the French
    notebook runs and pages (through :func:`read_catalogue`) and the site build (:mod:`mali_caac.site`).
    Raises :class:`MissingTranslation` naming the catalogue, each entry (the line of its ``msgid``) and
    its first words. The rule, without a list of exceptions: a translation identical to its English
    source is refused when it holds a word in lower case (a sentence); one made only of names, acronyms,
    symbols and numbers ('S/2020/1105', 'MINUSMA', 'Human Rights Watch') is the same in both languages.
    Any translation is refused when a third or more of its words, three at least, are English words
    rarely used in French (:func:`mali_caac.figure_checks.english_words`, which wordfreq decides); MyST
    roles, inline code, link targets and addresses are not words. ``catalog`` is the catalogue if
    already read (Babel's). A catalogue that passed is remembered by its content and the rule's code in
    ``.cache/catalogues/`` (each French run is a process of its own: reading wordfreq's lists takes 0.8 s).
    """
    import hashlib

    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError:
        return  # read_catalogue says that the catalogue is missing
    rule = Path(__file__).with_name("figure_checks.py")
    digest = hashlib.sha256(content + Path(__file__).read_bytes() + rule.read_bytes()).hexdigest()
    passed = ROOT / ".cache" / "catalogues" / digest
    if passed.exists():
        return
    from .figure_checks import english_words

    if catalog is None:
        from babel.messages.pofile import read_po

        try:
            with open(path, "rb") as fh:
                catalog = read_po(fh)
        except Exception as exc:  # Babel's parse errors carry the line
            raise MissingTranslation(f"{path}: not a valid gettext catalogue: {exc}", file=path) from None
    markup = re.compile(r"\{[\w:-]+\}`[^`]*`|`[^`]*`|\]\([^)]*\)|<[^>]+>|\S+://\S+")
    problems = []
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not message.string or message.fuzzy:
            continue
        prose = markup.sub(" ", message.string)
        words = re.findall(r"[^\W\d_]+", prose)
        english = english_words(prose)
        if message.string.strip() == message.id.strip() and any(w.islower() and len(w) > 1 for w in words):
            why = "its translation is its English source"
        elif len(english) >= 3 and 3 * len(english) >= len(words):
            why = f"its translation reads as English ({len(english)} of {len(words)} words: {', '.join(english[:5])})"
        else:
            continue
        problems.append(f"{path.name}, line {message.lineno} (msgid \u201c{_first_words(message.id)}\u201d): {why}")
    if problems:
        raise MissingTranslation(f"{len(problems)} entr{'y' if len(problems) == 1 else 'ies'} of {path} not "
                                 "translated into French (translate them, or empty the msgstr to be told what "
                                 "is missing):\n  " + "\n  ".join(problems), file=path)
    try:
        passed.parent.mkdir(parents=True, exist_ok=True)
        passed.touch()
    except OSError:
        pass  # a read-only installation checks each time


def _first_words(text, n=8):
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def translate_markdown(markdown, translations):
    """``markdown`` with each block replaced by ``translations[message]`` (a KeyError names the missing message)."""
    lines = markdown.split("\n")
    for start, end, message in reversed(blocks(markdown)):
        # soft line breaks are spaces in Markdown; other spaces (French narrow no-break ones) are kept as written
        text = re.sub(r"[ \t]*\n[ \t]*", " ", translations[message].strip())
        first = message.split("\n")[0]
        at = lines[start].find(first)
        prefix = lines[start][:at] if at >= 0 else ""
        lines[start:end] = [prefix + text]
    return "\n".join(lines)


def _translate_cells(cells, name, path, usable, fuzzy):
    """Translate each (index, text) of ``cells``; returns the translated texts, or raises naming every gap."""
    out, problems = [], []
    for index, text in cells:
        missing = [m for _, _, m in blocks(text) if m not in usable]
        for m in missing:
            state = "fuzzy" if m in fuzzy else "no translation"
            where = f"cell {index}" if index is not None else f"line {next(a + 1 for a, _, b in blocks(text) if b == m)}"
            problems.append(f"{name}, {where}: {state} for \u201c{_first_words(m)}\u201d")
        out.append(text if missing else translate_markdown(text, usable))
    if problems:
        raise MissingTranslation(f"{len(problems)} message(s) of {name} not translated in {path} "
                                 f"(`make translations`, then translate them):\n  " + "\n  ".join(problems), file=path)
    return out


def translate_page(text, name, lang, locales=None):
    """A Markdown page (``teaching/facilitator.md``) in ``lang``, from its catalogue; gaps fail by name and line."""
    if lang == SOURCE_LANG:
        return text
    path = catalogue_path(name, lang, locales)
    return _translate_cells([(None, text)], name, path, *read_catalogue(path))[0]


def translate_notebook(nb, name, lang, locales=None):
    """A copy of notebook ``nb`` (nbformat) whose Markdown cells are in ``lang``, from the catalogue of ``name``.

    ``name`` is the notebook's path relative to the notebooks folder (``killing.ipynb``,
    ``teaching/counts.ipynb``). The source language returns ``nb`` unchanged. Raises
    :class:`MissingTranslation` naming every block that has no translation or a fuzzy one.
    """
    import copy

    if lang == SOURCE_LANG:
        return nb
    path = catalogue_path(name, lang, locales)
    out = copy.deepcopy(nb)
    prose = [(i, cell) for i, cell in enumerate(out.cells) if cell.cell_type == "markdown"]
    texts = _translate_cells([(i, cell.source) for i, cell in prose], name, path, *read_catalogue(path))
    for (_, cell), text in zip(prose, texts):
        cell.source = text
    out.metadata["language"] = lang
    return out


# ----------------------------------------------------------------------------- for maintainers: extraction
def source_notebooks(notebooks=None):
    """The documents whose prose is translated: every notebook and Markdown page under the notebooks folder
    (relative paths, sorted).

    A document kept per language (``.../en/x.ipynb``, ``.../fr/x.ipynb``, ``x.fr.ipynb``) is not translated.
    """
    from .parameters import PARAMETERS

    folder = Path(notebooks or ROOT / "notebooks")
    langs = set(PARAMETERS["lang"])
    found = []
    for path in sorted([*folder.rglob("*.ipynb"), *folder.rglob("*.md")]):
        rel = path.relative_to(folder)
        if ".ipynb_checkpoints" in rel.parts or rel.name.startswith("."):
            continue
        if langs & set(rel.parts[:-1]) or rel.suffixes[-2:-1] and rel.suffixes[-2].lstrip(".") in langs:
            continue
        found.append(rel)
    return found


def messages(path):
    """The messages of a notebook's Markdown cells, or of a Markdown page, in order."""
    import nbformat

    path = Path(path)
    if path.suffix == ".md":
        texts = [path.read_text(encoding="utf-8")]
    else:
        texts = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
    return [m for text in texts for _, _, m in blocks(text)]


def update_catalogues(lang="fr", notebooks=None, locales=None, echo=print):
    """Extract the notebooks' messages with Sphinx's gettext builder and merge them into the catalogues (sphinx-intl).

    New messages arrive untranslated, changed ones fuzzy: the French build fails on them until they are translated.
    """
    import nbformat

    folder = Path(notebooks or ROOT / "notebooks")
    locales = Path(locales or LOCALES)
    work = Path(tempfile.mkdtemp(prefix="mali-caac-gettext-"))
    try:
        src, pot = work / "src", work / "pot"
        src.mkdir()
        names = source_notebooks(folder)
        for rel in names:
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            if rel.suffix == ".md":
                shutil.copyfile(folder / rel, src / rel)
                continue
            nb = nbformat.read(folder / rel, as_version=4)
            for cell in nb.cells:  # the prose only: outputs are translated by the library
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            nbformat.write(nb, src / rel)
        toctree = "\n".join(rel.with_suffix("").as_posix() for rel in names)
        (src / "index.md").write_text(f"# Index\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
        (src / "conf.py").write_text('project = "mali-caac"\nextensions = ["myst_nb"]\nnb_execution_mode = "off"\n'
                                     'myst_enable_extensions = ["colon_fence"]\n'
                                     'gettext_compact = False\ngettext_uuid = False\ngettext_location = False\n'
                                     'gettext_last_translator = ""\n', encoding="utf-8")
        subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "gettext", str(src), str(pot)], check=True)
        (pot / "index.pot").unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot), "-l", lang, "-d", str(locales),
                        "-w", "0"], check=True, stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for rel in names:
        usable, fuzzy = read_catalogue(catalogue_path(rel, lang, locales))
        todo = sum(1 for m in messages(folder / rel) if m not in usable)
        echo(f"{catalogue_path(rel, lang, locales).relative_to(locales.parent)}: "
             + (f"{todo} message(s) to translate" if todo else "complete"))
