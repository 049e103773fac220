"""Aids for reviewing the figures: the list of figures, one figure on its own, a contact sheet.

``mali-caac figures`` lists every figure with its section and title;
``mali-caac build --figure ID`` draws one figure without running a notebook;
``mali-caac contact-sheet`` writes one PDF with every figure of a language and
size, one per page, each headed by its id, for an editor to leaf through.
"""
import io
from pathlib import Path

from .figures import close, figure_ids, render, save, title_text
from .package import atomic_write
from .parameters import DEFAULTS, check_parameters

ROOT = Path(__file__).resolve().parent.parent


def figure_list(lang="en"):
    """Every figure as (id, section, title in ``lang``), in the order of the sections; an id that two notebooks
    publish is refused (a DataError naming both)."""
    from .recipes import publishers

    check_parameters(lang=lang)
    return [(fid, section, title_text(fid, lang)) for fid, (section, _) in publishers().items()]


def check_figure(fid):
    """Refuse an unknown figure id, naming the parameter and the figures there are."""
    ids = figure_ids()
    if fid not in ids:
        raise ValueError(f"parameter 'figure' must be one of the figure ids ({', '.join(ids)}), got {fid!r}")
    return fid


def make_one(fid, langs=("en", "fr"), output_dir=None, **params):
    """Draw figure ``fid`` in each language with the given parameters; returns the paths written.

    Writes to ``build/figures/figure-<id>_<size>/<lang>/`` unless ``output_dir`` is given; the
    committed ``figures/`` are written only by the full build."""
    check_figure(fid)
    checked = [check_parameters(lang=lang, **params) for lang in langs]  # all checked before anything is written
    size = checked[0]["size"] + ("-bare" if checked[0]["bare"] else "")
    out = Path(output_dir) if output_dir else ROOT / "build" / "figures" / f"figure-{fid}_{size}"
    paths = []
    for p in checked:
        r = render(fid, p["lang"], p["size"], p["bare"])
        try:
            paths += save(r, out / p["lang"], p["formats"], p["dpi"])
        finally:
            close(r)
    return paths


def contact_sheet(lang="en", size=DEFAULTS["size"], path=None, dpi=150):
    """One PDF of every figure in ``lang`` at ``size``, a page each, headed by the figure's id.

    Returns the path written (``build/contact-sheets/<lang>-<size>.pdf`` by default)."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure
    from PIL import Image

    from .figures.output import file_bytes

    check_parameters(lang=lang, size=size)
    path = Path(path) if path else ROOT / "build" / "contact-sheets" / f"{lang}-{size}.pdf"
    buf = io.BytesIO()
    with PdfPages(buf, metadata={"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}) as pdf:
        for fid, section, _ in figure_list(lang):
            r = render(fid, lang, size)
            try:
                image = Image.open(io.BytesIO(file_bytes(r, "png", dpi)))
                w, h = r.figure.get_size_inches()
            finally:
                close(r)
            page = Figure(figsize=(w + 1.0, h + 1.0))
            page.text(0.5 / (w + 1), 1 - 0.3 / (h + 1), f"{fid}   ({section}, {lang}, {size})", fontsize=9,
                      family="monospace", va="top")
            ax = page.add_axes((0.5 / (w + 1), 0.5 / (h + 1), w / (w + 1), h / (h + 1)))
            ax.imshow(image, interpolation="none")
            ax.set_axis_off()
            pdf.savefig(page)
    atomic_write(path, buf.getvalue())
    return path
