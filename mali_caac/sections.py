"""The list of figures: the sections of the analysis and the figure ids each section's notebook publishes.

This is the one place the build, the recipes, the charts and the site read the registry of figures from:
:data:`SECTIONS` (each a notebook of ``notebooks/``), the ids each notebook publishes, read statically from
its ``publish("id", ...)`` calls without running it (:func:`figure_ids`, :func:`publishers`), and the section
of each figure whose title and caption are described (:data:`TEXTS`). It imports nothing of the figures or
the notebooks' code, so that every other layer may read it.
"""
import ast
import json
import os
from pathlib import Path

from .errors import DataError

SECTIONS = ("overview", "recruitment", "killing", "sexual_violence", "attacks", "abduction_denial",
            "reintegration", "us_assistance", "civilian_harm")
"""The sections of the analysis, in order: each is a notebook of ``notebooks/`` whose figure cells are its recipes."""

TEXTS = {}
"""{figure id: section} of every figure whose title and caption are described
(:func:`mali_caac.figures.texts.describe`, run when :mod:`mali_caac.figures` is imported)."""

PUBLISH = "publish"
REPOSITORY = Path(__file__).resolve().parent.parent


def notebook_dir():
    """The section notebooks: ``$MALI_CAAC_NOTEBOOKS``, else the repository's ``notebooks/``."""
    return Path(os.environ.get("MALI_CAAC_NOTEBOOKS") or REPOSITORY / "notebooks")


def _notebook(section, folder=None):
    path = Path(folder or notebook_dir()) / f"{section}.ipynb"
    try:
        return path, json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: the notebook of section {section!r} is missing") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not a notebook (line {exc.lineno}: {exc.msg})") from None


def _code_cells(nb):
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            yield index, cell, "".join(source) if isinstance(source, list) else source


def _published_ids(tree):
    """The string literal ids of ``publish("id", ...)`` calls in a parsed cell."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == PUBLISH
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.args[0].value


def _publish_cells(section, folder=None):
    """``[(id, cell index)]`` of the ``publish("id", ...)`` calls of a section notebook, in order; an id
    published twice in the notebook is refused."""
    path, nb = _notebook(section, folder)
    found = []
    for index, _, source in _code_cells(nb):
        try:
            tree = ast.parse(source)
        except SyntaxError as exc:
            raise DataError(f"{path}: cell {index} is not valid Python (line {exc.lineno}: {exc.msg})") from None
        for fid in _published_ids(tree):
            if any(fid == seen for seen, _ in found):
                raise DataError(f"{path}: figure {fid!r} is published twice (cell {index})")
            found.append((fid, index))
    return found


def figure_ids(section=None, folder=None):
    """The ids a section notebook publishes, in order, read without running it; without ``section``, every
    figure, section by section in the order of :data:`SECTIONS` (an id that two notebooks publish is refused)."""
    if section is None:
        return list(publishers(folder=folder))
    return [fid for fid, _ in _publish_cells(section, folder)]


def publishers(sections=None, folder=None):
    """``{figure id: (section, cell index)}`` of every section notebook, in the order of ``sections`` (default:
    every section), read without running them.

    A figure id belongs to one notebook: an id that two notebooks publish is refused, naming both notebooks
    and cells (the build writes one file per id and language, and would otherwise let one notebook's run
    overwrite, or delete, the other's figure)."""
    folder = Path(folder or notebook_dir())
    found = {}
    for section in SECTIONS if sections is None else sections:
        for fid, index in _publish_cells(section, folder):
            if fid in found:
                other, other_index = found[fid]
                raise DataError(f"figure {fid!r} is published by two notebooks: {folder / f'{other}.ipynb'} "
                                f"(cell {other_index}) and {folder / f'{section}.ipynb'} (cell {index}); "
                                "a figure id belongs to one notebook: remove or rename one of the two")
            found[fid] = (section, index)
    return found
