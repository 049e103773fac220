"""The teaching pack's helpers: answers recorded for the prose, and the French text read from a gettext catalogue.

The exercises in ``notebooks/teaching/`` compute every number of their answers. ``glue`` records each one in the
cell's output the way myst-nb's ``glue`` does, so that the published site writes it into the answer's prose
(``{glue:text}`name```) and the tests read it back, without the kernel needing myst-nb (and Sphinx).

The French text lives in gettext catalogues (``locales/fr/LC_MESSAGES/teaching/<name>.po``), the route the site
takes for its pages: one message per line of prose (a heading, a paragraph, a list item or an admonition's title,
without its markup), so a paragraph is written on one line. ``translate`` applies a catalogue to a notebook or a
Markdown text and refuses, by name, a message that is missing or fuzzy. ``python -m mali_caac.teaching fr
[FOLDER]`` writes the French notebooks and notes (default ``build/teaching/fr/``).
"""
import re
from pathlib import Path

from .errors import DataError
from .i18n import number, percent

ROOT = Path(__file__).resolve().parent.parent
TEACHING = ROOT / "notebooks" / "teaching"
LOCALES = ROOT / "locales"
GLUE_PREFIX = "application/papermill.record/"
"""myst-nb's prefix for a glued output that is recorded but not shown (``glue(..., display=False)``)."""

_STRUCTURE = re.compile(r"^\s*$|^\s*:{3,}\s*$|^\s*:[\w-]+:|^\s*<!--")
"""Lines with nothing to translate: blank lines, closing colon fences, directive options, comments."""
_LINE = re.compile(r"^(?P<lead>\s*(?:(?:`{3,}|:{3,})\{[\w:-]+\}\s*|#{1,6}\s+|[-*]\s+|\d+\.\s+|>\s*)?)"
                   r"(?P<text>.*?)(?P<end>\s*)$")
"""A line of prose: its markup (directive opener, heading marks, list marker, quote mark), its text, its end."""


def glue(name, value, lang="en", decimals=0, unit=None):
    """Record ``value`` under ``name`` for the answer's prose, written as ``lang`` writes it.

    ``unit='percent'`` writes a percentage (12.5 -> '13%' / '13 %'); otherwise a number with ``decimals``
    decimals (1,764 / 1 764). The output is myst-nb's hidden glue (nothing shows in Jupyter); the exact value
    travels in the output's metadata (``mali_caac.value``) for the tests.
    """
    from IPython.display import display

    text = percent(value, lang, decimals) if unit == "percent" else number(value, lang, decimals)
    display({GLUE_PREFIX + "text/plain": text}, raw=True,
            metadata={"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}, "mali_caac": {"value": float(value)}})
    return text


def glued(notebook):
    """{name: (text, value)} of every value a notebook glued, read from its outputs."""
    found = {}
    for cell in notebook["cells"]:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {})
            if "scrapbook" in meta:
                name = meta["scrapbook"]["name"]
                found[name] = (out["data"][meta["scrapbook"]["mime_prefix"] + "text/plain"],
                               meta.get("mali_caac", {}).get("value"))
    return found


def _split(line):
    """(lead, text, end) of a line of prose, or None for a line with nothing to translate."""
    if _STRUCTURE.match(line):
        return None
    m = _LINE.match(line)
    return (m["lead"], m["text"], m["end"]) if m["text"] else None


def _lines(text):
    """The lines of a Markdown text, each with its (lead, text, end) or None.

    A directive (```{admonition} Title) holds prose, a code block (```python) does not."""
    out, fences = [], []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        bare = body.strip()
        if bare.startswith("```"):
            if bare.startswith("```{"):
                fences.append("directive")
                out.append((line, _split(body)))
            elif bare == "```" and fences:
                fences.pop()
                out.append((line, None))
            else:
                fences.append("code")
                out.append((line, None))
            continue
        out.append((line, None if fences and fences[-1] == "code" else _split(body)))
    return out


def messages(text):
    """The messages of a Markdown text, in order: one per line of prose, without its markup."""
    return [parts[1] for _, parts in _lines(text) if parts]


def notebook_messages(notebook):
    """[(cell index, message)] of a notebook's Markdown cells."""
    return [(i, msg) for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "markdown"
            for msg in messages("".join(cell["source"]))]


def catalogue_path(name, lang):
    """Where the catalogue of teaching document ``name`` ('exercises', 'facilitator') for ``lang`` lives."""
    return LOCALES / lang / "LC_MESSAGES" / "teaching" / f"{name}.po"


def read_catalogue(path):
    """{msgid: msgstr} of a .po file (Babel's reader); a fuzzy or empty translation is left out."""
    from babel.messages.pofile import read_po

    if not Path(path).is_file():
        raise DataError(f"{path}: no such catalogue", file=str(path), expected="a gettext catalogue (.po)")
    with open(path, "rb") as f:
        catalog = read_po(f)
    from .translation import check_catalogue

    check_catalogue(path, catalog)  # no English line reaches the French pack
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def _translated(text, table, where):
    """``text`` with each line of prose replaced by its translation; a DataError names the first missing one."""
    out = []
    for line, parts in _lines(text):
        if parts is None:
            out.append(line)
            continue
        lead, msg, end = parts
        if msg not in table:
            raise DataError(f"{where}: no French translation (missing or fuzzy) for {msg[:60]!r}",
                            file=where, field="msgstr", expected="a translation that is not fuzzy", found=msg)
        out.append(lead + table[msg] + end + ("\n" if line.endswith("\n") else ""))
    return "".join(out)


def translate(name, lang, source=None):
    """Teaching document ``name`` in ``lang``, every line of prose taken from its catalogue: the notebook
    (``exercises``, an nbformat node, code cells and outputs unchanged) or the Markdown text (``facilitator``).
    ``source`` is the English document (read from ``notebooks/teaching/`` when None).
    """
    import copy

    table = read_catalogue(catalogue_path(name, lang))
    notebook = TEACHING / f"{name}.ipynb"
    if notebook.is_file():
        import nbformat

        nb = copy.deepcopy(source) if source is not None else nbformat.read(notebook, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown":
                cell.source = _translated(cell.source, table, f"{notebook.name}, cell {i + 1}")
        return nb
    text = source if source is not None else (TEACHING / f"{name}.md").read_text(encoding="utf-8")
    return _translated(text, table, f"{name}.md")


def execute(notebook, lang, path):
    """Run the exercises ``notebook`` (an nbformat node) with ``lang`` in ``notebooks/teaching/`` and write
    it to ``path`` without papermill's timestamps, so that the same data gives the same file."""
    import tempfile

    import nbformat
    import papermill as pm

    from .build import _clean_metadata
    from .package import atomic_write

    from traitlets.config import Config

    with tempfile.TemporaryDirectory(prefix="k") as tmp:
        source, executed = Path(tmp) / "in.ipynb", Path(tmp) / "out.ipynb"
        nbformat.write(notebook, source)
        # the kernel on local sockets in a private folder, as the build runs it (no unencrypted TCP)
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(tmp) / "k")}})
        pm.execute_notebook(str(source), str(executed), parameters=None if lang == "en" else {"lang": lang},
                            kernel_name="python3", cwd=str(TEACHING), progress_bar=False, log_output=False,
                            shutdown_kernel="immediate", config=config)
        out = _clean_metadata(nbformat.read(executed, as_version=4))
    out.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    atomic_write(Path(path), nbformat.writes(out) + "\n")
    return path


USAGE = """usage: python -m mali_caac.teaching refresh      re-execute notebooks/teaching/exercises.ipynb in place
       python -m mali_caac.teaching fr [FOLDER]  the French exercises (executed) and facilitator's note
                                                 (default build/teaching/fr/)"""


def main(argv=None):
    """Maintainers' and teachers' command: refresh the English outputs, or write the French pack."""
    import sys

    import nbformat

    args = sys.argv[1:] if argv is None else argv
    if args == ["refresh"]:
        path = TEACHING / "exercises.ipynb"
        print(f"refreshed {execute(nbformat.read(path, as_version=4), 'en', path)}")
        return 0
    if not args or args[0] != "fr" or len(args) > 2:
        print(USAGE, file=sys.stderr)
        return 2
    lang = args[0]
    folder = Path(args[1]) if len(args) > 1 else ROOT / "build" / "teaching" / lang
    try:
        notebook, note = translate("exercises", lang), translate("facilitator", lang)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    execute(notebook, lang, folder / "exercises.ipynb")
    from .package import atomic_write

    atomic_write(folder / "facilitator.md", note)
    print(f"wrote {folder / 'exercises.ipynb'} and {folder / 'facilitator.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
