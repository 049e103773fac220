"""The teaching pack's helpers: answers recorded for the prose, and the French text read from a gettext catalogue.

The exercises in ``notebooks/teaching/`` compute every number of their answers. ``glue`` records each one in the
cell's output the way myst-nb's ``glue`` does, so that the published site writes it into the answer's prose
(``{glue:text}`name```) and the tests read it back, without the kernel needing myst-nb (and Sphinx).

The French text lives in gettext catalogues (``locales/fr/LC_MESSAGES/teaching/<name>.po``) and is applied by the
one translation route of the project, :mod:`mali_caac.translation` (the section notebooks' route): one message per
paragraph, heading, list item or admonition title, as Sphinx's gettext builder extracts it. ``translate`` refuses,
by name, a message that is missing or fuzzy. ``python -m mali_caac.teaching fr [FOLDER]`` writes the French
notebooks and notes (default ``build/teaching/fr/``).
"""
from pathlib import Path

from .errors import DataError
from .i18n import number, percent

ROOT = Path(__file__).resolve().parent.parent
TEACHING = ROOT / "notebooks" / "teaching"
LOCALES = ROOT / "locales"
GLUE_PREFIX = "application/papermill.record/"
"""myst-nb's prefix for a glued output that is recorded but not shown (``glue(..., display=False)``)."""

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


def messages(text):
    """The messages of a Markdown text, in order (:func:`mali_caac.translation.blocks`)."""
    from .translation import blocks

    return [message for _, _, message in blocks(text)]


def notebook_messages(notebook):
    """[(cell index, message)] of a notebook's Markdown cells."""
    return [(i, msg) for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "markdown"
            for msg in messages("".join(cell["source"]))]


def catalogue_path(name, lang):
    """Where the catalogue of teaching document ``name`` ('exercises', 'facilitator') for ``lang`` lives."""
    from .translation import catalogue_path as path

    return path(f"{TEACHING.name}/{name}", lang, LOCALES)


def read_catalogue(path):
    """{msgid: msgstr} of a .po file; a fuzzy or empty translation is left out (:mod:`mali_caac.translation`)."""
    from .translation import read_catalogue as read

    return read(path)[0]


def translate(name, lang, source=None):
    """Teaching document ``name`` in ``lang``, its prose from its catalogue through :mod:`mali_caac.translation`:
    the notebook (``exercises``, an nbformat node, code cells and outputs unchanged) or the Markdown text
    (``facilitator``). ``source`` is the English document (read from ``notebooks/teaching/`` when None).
    A missing or fuzzy message raises :class:`mali_caac.translation.MissingTranslation` naming it.
    """
    from .translation import translate_notebook, translate_page

    notebook = TEACHING / f"{name}.ipynb"
    if notebook.is_file():
        import nbformat

        nb = source if source is not None else nbformat.read(notebook, as_version=4)
        return translate_notebook(nb, f"{TEACHING.name}/{notebook.name}", lang, LOCALES)
    text = source if source is not None else (TEACHING / f"{name}.md").read_text(encoding="utf-8")
    return translate_page(text, f"{TEACHING.name}/{name}.md", lang, LOCALES)


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
