"""What the section notebooks call: check the parameters, then publish each figure with its rows.

A figure cell is its recipe: select rows, describe a chart (:mod:`mali_caac.charts`)
and ``publish("figure_id", chart, params)``. When :mod:`mali_caac.recipes` runs the
notebook outside Jupyter, :func:`mali_caac.recipes.collecting` makes ``publish`` record the chart
instead of drawing it.
"""
from .figures import close, preview_bytes, save
from .parameters import DEFAULTS, check_parameters
from .recipes import collected as _collected

INLINE_DPI = 110
"""Resolution of the figures shown in a notebook: large enough to read on a projector; the files are full size."""


def setup(lang=DEFAULTS["lang"], formats=DEFAULTS["formats"], dpi=DEFAULTS["dpi"], size=DEFAULTS["size"],
          bare=DEFAULTS["bare"], output_dir=DEFAULTS["output_dir"]):
    """Check the notebook's parameters (a ValueError names a bad one) and return them."""
    params = check_parameters(lang=lang, formats=formats, dpi=dpi, size=size, bare=bare, output_dir=output_dir)
    try:  # inline previews large enough to read on a projector; the files are full size
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png", dpi=INLINE_DPI)
    except ImportError:  # pragma: no cover - outside Jupyter
        pass
    return params


def publish(fid, chart, params):
    """Draw ``chart`` as figure ``fid`` with the notebook's parameters, save it when ``output_dir``
    is set, display it with its title, caption and source, and return the rows it draws with their
    provenance (source, paragraph, verbatim quote)."""
    collected = _collected()
    if collected is not None:
        collected[fid] = chart
        return None
    return _display(chart.render(fid, params["lang"], params["size"], params["bare"]), params)


def _display(r, params):
    """Save when ``output_dir`` is set, display with the caption and the alt text (read by screen
    readers, kept by nbconvert), and return the table of the rows drawn."""
    from IPython.display import Image, Markdown, display

    if params["output_dir"]:
        save(r, params["output_dir"], params["formats"], params["dpi"])
    display(Markdown(f"**{r.title}**\n\n{r.caption}\n\n*{r.source_line}*"))
    display(Image(data=preview_bytes(r, INLINE_DPI), format="png", alt=r.alt))
    close(r)
    from .rows_table import rows_drawn

    # every column for code; shown to people as a table in the page's language (value as printed, quote whole)
    return rows_drawn(r.rows[[c for c in ("table", "row_id", "value", "unit", "qualifier", "source_id", "locator",
                                          "quote") if c in r.rows]], params["lang"])
