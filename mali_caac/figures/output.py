"""File output: the bytes of a rendered figure in each format (PNG and TIFF in RGB without alpha, SVG whose
text is text with its title and alt text, PDF with lean TrueType subsets), byte-identical across runs, and
:func:`save`, which writes them with the caption file and the CSV of the values drawn, each through a
temporary file and a rename.
"""
import io
from contextlib import contextmanager, nullcontext

from .. import style
from ..package import atomic_write
from . import _drawn
from .layout import LAYOUT_DPI
from .texts import caption_text


def _pixels(r, dpi):
    """The figure's RGB pixels at ``dpi``, made once (matplotlib writes RGBA whatever the face colour says).

    They pass through an uncompressed TIFF: a copy of the pixels, not compressed and decompressed again."""
    from PIL import Image

    if dpi not in r.pixels:
        buf = io.BytesIO()
        r.figure.savefig(buf, format="tiff", dpi=dpi, pil_kwargs={"compression": None})
        r.pixels[dpi] = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return r.pixels[dpi]


def _raster(r, fmt, dpi):
    """PNG or TIFF bytes in RGB without alpha."""
    out = io.BytesIO()
    if fmt == "png":
        _pixels(r, dpi).save(out, format="PNG", dpi=(dpi, dpi), optimize=False)
    else:
        _pixels(r, dpi).save(out, format="TIFF", dpi=(dpi, dpi), compression="tiff_lzw")
    return out.getvalue()


def preview_bytes(r, dpi):
    """A PNG of the figure for a screen at ``dpi``: its print raster (:data:`LAYOUT_DPI`, the one the PNG file
    is made of) scaled down. Text keeps the widths it has in print, which hinting at screen resolution would
    narrow, and the figure is not drawn a second time."""
    from PIL import Image

    image = _pixels(r, LAYOUT_DPI)
    size = (round(image.width * dpi / LAYOUT_DPI), round(image.height * dpi / LAYOUT_DPI))
    out = io.BytesIO()
    image.resize(size, Image.LANCZOS).save(out, format="PNG", dpi=(dpi, dpi), optimize=False)
    return out.getvalue()


def _svg(fig, title, description):
    """SVG bytes whose text is text, with the title and the alt text as <title> and <desc>."""
    from xml.sax.saxutils import escape

    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata=style.SAVE_METADATA["svg"])
    text = buf.getvalue().decode("utf-8")
    text = _stable_clip_ids(text)
    head_end = text.index(">", text.index("<svg")) + 1
    meta = f"\n <title>{escape(title)}</title>\n <desc>{escape(description)}</desc>"
    return (text[:head_end] + meta + text[head_end:]).encode("utf-8")


def _stable_clip_ids(svg):
    """Number the SVG's clip paths in order of appearance: matplotlib names a clip path after the
    memory address of its path object, which changes from run to run."""
    import re

    ids = {}
    for found in re.findall(r'clipPath id="(p[0-9a-f]{10})"', svg):
        ids.setdefault(found, f"clip{len(ids) + 1}")
    return re.sub(r"\b(p[0-9a-f]{10})\b", lambda m: ids.get(m.group(1), m.group(1)), svg) if ids else svg


PDF_FONT_TABLES_LEFT_OUT = ("GSUB", "GPOS", "GDEF", "kern")
"""Tables of the house font that a PDF's embedded (Type 42) subset leaves out: substitution, positioning and
kerning are applied when matplotlib lays the text out (its glyphs and positions are in the PDF); a PDF
viewer never reads them. Reading them is most of the time fontTools takes to subset a font."""


@contextmanager
def _lean_pdf_fonts():
    """Within this block, matplotlib's font subsets (fontTools) leave out :data:`PDF_FONT_TABLES_LEFT_OUT`.

    matplotlib does not let one pass fontTools options, so this extends the tables fontTools drops by default
    for the time of one ``savefig``; with a fontTools that keeps that default elsewhere, nothing changes (the
    PDFs are only larger and slower to write; ``tests/test_formats.py`` says so)."""
    from fontTools import subset

    default = getattr(subset.Options, "_drop_tables_default", None)
    if not isinstance(default, list):
        yield
        return
    subset.Options._drop_tables_default = default + [t for t in PDF_FONT_TABLES_LEFT_OUT if t not in default]
    try:
        yield
    finally:
        subset.Options._drop_tables_default = default


def file_bytes(r, fmt, dpi):
    """The bytes of figure ``r`` in format ``fmt`` (one of the ``formats`` parameter's values)."""
    if fmt in ("png", "tiff"):
        return _raster(r, fmt, dpi)
    if fmt == "svg":
        return _svg(r.figure, r.title, r.alt)
    buf = io.BytesIO()
    with _lean_pdf_fonts() if fmt == "pdf" else nullcontext():
        r.figure.savefig(buf, format=fmt, metadata=style.SAVE_METADATA[fmt])
    return buf.getvalue()


def save(r, output_dir, formats=("png", "svg", "pdf"), dpi=300):
    """Write the figure in each format, its caption file and the CSV of the values it draws;
    returns the paths written."""
    from pathlib import Path

    out = Path(output_dir)
    paths = []
    for fmt in formats:
        path = out / f"{r.id}.{fmt}"
        atomic_write(path, file_bytes(r, fmt, dpi))
        paths.append(path)
    path = out / f"{r.id}.md"
    atomic_write(path, caption_text(r))
    paths.append(path)
    path = out / f"{r.id}.csv"
    atomic_write(path, _drawn.csv_text(r.marks))
    paths.append(path)
    return paths


def close(r):
    """Free the figure's memory (figures are not kept by pyplot)."""
    r.figure.clear()
    r.pixels.clear()
