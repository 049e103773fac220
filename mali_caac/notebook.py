"""What the section notebooks call: check the parameters, then show each figure with its table.

Keeping this here keeps the notebooks thin: a notebook is a parameters cell,
``setup(...)`` and one ``show(...)`` per figure.
"""
from .figures import close, file_bytes, render, save
from .parameters import DEFAULTS, check_parameters

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


def show(fid, params):
    """Draw one figure, save it when ``output_dir`` is set, display it with its caption and
    its alt text (read by screen readers, kept by nbconvert), and return the table of the rows it draws."""
    from IPython.display import Image, Markdown, display

    r = render(fid, params["lang"], params["size"], params["bare"])
    if params["output_dir"]:
        save(r, params["output_dir"], params["formats"], params["dpi"])
    display(Markdown(f"**{r.title}**\n\n{r.caption}\n\n*{r.source_line}*"))
    display(Image(data=file_bytes(r, "png", INLINE_DPI), format="png", alt=r.alt))
    close(r)
    table = r.rows[["row_id", "value", "unit", "qualifier", "source_id", "locator", "quote"]].copy()
    table.index = range(1, len(table) + 1)
    return table
