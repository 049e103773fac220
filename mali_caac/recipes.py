"""The figure recipes are the notebooks: find them, list their figures, and run them without Jupyter.

A section notebook's figure cell is its recipe: it selects rows with the public
API, describes a chart with :mod:`mali_caac.charts`, and hands both to
:func:`mali_caac.notebook.publish` under the figure's id, which is written
once, there. Nothing regenerates the notebooks: editing a cell in Jupyter is
how a figure is changed.

The rest of the library needs each figure without a kernel (``mali-caac build
--figure``, the contact sheets, the tests that draw every figure at every
size and in both languages). :func:`figure_ids` reads the ids statically
(the ``publish("id", ...)`` calls), and :func:`register` runs a notebook's code
cells in a plain namespace with :func:`mali_caac.notebook.publish` collecting
the charts instead of drawing them: selecting rows takes milliseconds, and
each chart is then drawn at whatever size and language is asked.
"""
import ast
import json
import os
from pathlib import Path

from .errors import DataError

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


def figure_ids(section, folder=None):
    """The ids a section notebook publishes, in order, read without running it."""
    return [fid for fid, _ in _publish_cells(section, folder)]


def publishers(sections=None, folder=None):
    """``{figure id: (section, cell index)}`` of every section notebook, in the order of ``sections`` (default:
    every section), read without running them.

    A figure id belongs to one notebook: an id that two notebooks publish is refused, naming both notebooks
    and cells (the build writes one file per id and language, and would otherwise let one notebook's run
    overwrite, or delete, the other's figure)."""
    from .figures import SECTIONS

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


_CACHE = {}


def charts(section, folder=None):
    """:func:`collect`, run again only when the notebook file changes."""
    path = (Path(folder or notebook_dir()) / f"{section}.ipynb").resolve()
    try:
        st = path.stat()
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
    except FileNotFoundError:
        stamp = None
    if _CACHE.get(path, (None,))[0] != stamp or stamp is None:
        _CACHE[path] = (stamp, collect(section, folder))
    return _CACHE[path][1]


def collect(section, folder=None):
    """Run a section notebook's code cells with its default parameters and return ``{id: Chart}``
    of the figures it publishes, in order, without drawing any.

    A cell that fails raises a :class:`DataError` naming the notebook and the cell."""
    from . import notebook

    path, nb = _notebook(section, folder)
    namespace = {"__name__": f"mali_caac_recipes_{section}"}
    charts = {}
    with notebook.collecting(charts):
        for index, cell, source in _code_cells(nb):
            try:
                exec(compile(source, f"{path}#cell{index}", "exec"), namespace)  # noqa: S102 - our own notebooks
            except Exception as exc:  # noqa: BLE001 - any failure is reported with its cell
                first = source.strip().splitlines()[0] if source.strip() else ""
                raise DataError(f"{path}: cell {index} (`{first}`) failed: {type(exc).__name__}: {exc}") from exc
    return charts
