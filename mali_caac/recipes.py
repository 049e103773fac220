"""The figure recipes are the notebooks: find them, list their figures, and run them without Jupyter.

A section notebook's figure cell is its recipe: it selects rows with the public
API, describes a chart with :mod:`mali_caac.charts`, and hands both to
:func:`mali_caac.notebook.publish` under the figure's id, which is written
once, there. Nothing regenerates the notebooks: editing a cell in Jupyter is
how a figure is changed.

The rest of the library needs each figure without a kernel (``mali-caac build
--figure``, the contact sheets, the tests that draw every figure at every
size and in both languages). :mod:`mali_caac.sections` reads the ids statically
(the ``publish("id", ...)`` calls), and :func:`collect` runs a notebook's code
cells in a plain namespace with :func:`mali_caac.notebook.publish` collecting
the charts instead of drawing them: selecting rows takes milliseconds, and
each chart is then drawn at whatever size and language is asked.
"""
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from .errors import DataError
from .sections import (PUBLISH, REPOSITORY, SECTIONS, _code_cells, _notebook, _published_ids,  # noqa: F401  (re-exported)
                       figure_ids, notebook_dir, publishers)

_COLLECTED = ContextVar("collected", default=None)
"""Where :func:`mali_caac.notebook.publish` puts the charts of a notebook run by :func:`collect` (None: draw them)."""


@contextmanager
def collecting(into):
    """Within this block, :func:`mali_caac.notebook.publish` stores ``{figure id: chart}`` in ``into`` and draws nothing."""
    token = _COLLECTED.set(into)
    try:
        yield into
    finally:
        _COLLECTED.reset(token)


def collected():
    """The dict :func:`collecting` fills, or None outside it."""
    return _COLLECTED.get()


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
    path, nb = _notebook(section, folder)
    namespace = {"__name__": f"mali_caac_recipes_{section}"}
    charts = {}
    with collecting(charts):
        for index, cell, source in _code_cells(nb):
            try:
                exec(compile(source, f"{path}#cell{index}", "exec"), namespace)  # noqa: S102 - our own notebooks
            except Exception as exc:  # noqa: BLE001 - any failure is reported with its cell
                first = source.strip().splitlines()[0] if source.strip() else ""
                raise DataError(f"{path}: cell {index} (`{first}`) failed: {type(exc).__name__}: {exc}") from exc
    return charts


def render(fid, lang="en", size="double", bare=False):
    """Draw figure ``fid`` from its recipe (the chart its section's notebook publishes) in ``lang`` at the size
    preset ``size``; returns a :class:`mali_caac.figures.Rendered`."""
    import matplotlib

    matplotlib.use("agg", force=False)
    where = publishers()
    found = charts(where[fid][0]) if fid in where else {}
    if fid not in found:
        raise ValueError(f"unknown figure {fid!r}; the figures are: {', '.join(where)}")
    return found[fid].render(fid, lang, size, bare)
