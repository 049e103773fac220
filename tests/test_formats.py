"""Files a journal accepts: PNG/TIFF in RGB at the dpi asked, PDF with TrueType fonts, SVG with real text."""
import hashlib
import io
import re

import pytest
from PIL import Image

from mali_caac.figure_checks import drawn_texts
from mali_caac.figures import close, render, save

FORMATS = ["png", "svg", "pdf", "tiff"]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("formats")
    r = render("casualties_by_region", "fr", "column")
    try:
        paths = {p.suffix[1:]: p for p in save(r, out, FORMATS, dpi=300)}
    finally:
        close(r)
    return paths


@pytest.mark.parametrize("fmt", ["png", "tiff"])
def test_rasters_are_rgb_at_the_dpi_asked(written, fmt):
    image = Image.open(written[fmt])
    assert image.mode == "RGB"
    assert round(image.info["dpi"][0]) == 300
    assert image.size[0] == round(89 / 25.4 * 300)  # a journal column, 89 mm
    if fmt == "tiff":
        assert image.info["compression"] == "tiff_lzw"


def test_pdf_embeds_truetype_and_no_type3(written):
    pdf = written["pdf"].read_bytes()
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf
    assert b"SourceSansPro" in pdf


def test_svg_keeps_text_as_text_with_title_and_alt_text(written):
    svg = written["svg"].read_text(encoding="utf-8")
    assert svg.count("<text") > 10 and "Mopti" in svg
    assert re.search(r"<title>Enfants tués et mutilés au Mali, par région, [^<]*</title>", svg) and "<desc>" in svg
    assert "Source Sans Pro" in svg


def test_two_saves_give_identical_bytes(tmp_path):
    digests = []
    for run in ("a", "b"):
        r = render("casualties_by_period", "en", "double")
        paths = save(r, tmp_path / run, FORMATS, dpi=300)
        close(r)
        digests.append([hashlib.sha256(p.read_bytes()).hexdigest() for p in paths])
    assert digests[0] == digests[1]


def test_bare_leaves_out_title_and_source_line():
    full, bare = render("casualties_by_region", "en", "double"), render("casualties_by_region", "en", "double", bare=True)
    try:
        full.figure.canvas.draw()
        bare.figure.canvas.draw()
        texts = lambda r: [t.get_text() for t in drawn_texts(r.figure)]  # noqa: E731
        assert any(t.startswith(full.title[:30]) for t in texts(full))
        assert not any(t.startswith(full.title[:30]) or t.startswith("Source") for t in texts(bare))
        assert bare.figure.get_figheight() < full.figure.get_figheight()
    finally:
        close(full)
        close(bare)


@pytest.mark.parametrize("fid", ["recruitment_by_group", "casualties_by_period", "overview_regions"])
@pytest.mark.parametrize("dpi", [110, 150, 600])
def test_the_layout_holds_at_every_resolution(fid, dpi):
    """The layout is made once, at print resolution; text must not grow past it in a file written at
    another dpi (it did: hinted text at 150 dpi clipped a French party name)."""
    from mali_caac.figure_checks import layout_problems

    r = render(fid, "fr", "double")
    try:
        r.figure.set_dpi(dpi)
        assert layout_problems(r.figure) == []
    finally:
        close(r)


def test_svg_clip_paths_are_named_by_order_not_by_memory_address():
    """matplotlib names clip paths after id() of a path object: the map's SVG differed in one run of four."""
    from mali_caac.figures.output import _stable_clip_ids

    a = '<clipPath id="pa7c6a9f006"/><clipPath id="pd362c44a8a"/><g clip-path="url(#pd362c44a8a)"/>'
    b = '<clipPath id="pd3f60832fb"/><clipPath id="p9de6879a2b"/><g clip-path="url(#p9de6879a2b)"/>'
    assert _stable_clip_ids(a) == _stable_clip_ids(b) == \
        '<clipPath id="clip1"/><clipPath id="clip2"/><g clip-path="url(#clip2)"/>'


def _embedded_fonts(pdf):
    """The TrueType fonts embedded in a PDF's streams, parsed with fontTools."""
    import io
    import zlib

    from fontTools.ttLib import TTFont

    fonts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(stream)
        except zlib.error:
            continue
        if data[:4] == b"\x00\x01\x00\x00":
            fonts.append(TTFont(io.BytesIO(data)))
    return fonts


def test_pdf_fonts_leave_out_the_tables_no_viewer_reads(written):
    """Substitution and positioning are done when the text is laid out; the embedded subsets need only the
    glyphs (reading the left-out tables was most of the time a PDF took to write)."""
    fonts = _embedded_fonts(written["pdf"].read_bytes())
    assert len(fonts) >= 2, "the regular and the bold font are embedded"
    for font in fonts:
        assert {"glyf", "cmap", "hmtx"} <= set(font.keys())
        assert not {"GSUB", "GPOS", "GDEF", "kern"} & set(font.keys()), "a layout table is still embedded"
        assert font["maxp"].numGlyphs > 1  # .notdef and what the text uses
    assert max(font["maxp"].numGlyphs for font in fonts) > 20


def test_the_notebook_preview_is_the_print_raster_scaled_down(tmp_path):
    """The preview a notebook shows is the 300-dpi raster of the PNG file, scaled to the screen: drawn once,
    with the letter widths of print."""
    from mali_caac.figures import preview_bytes

    r = render("casualties_by_period", "fr", "double")
    try:
        (png,) = save(r, tmp_path, ["png"], dpi=300)[:1]
        preview = Image.open(io.BytesIO(preview_bytes(r, 110)))
        drawn = list(r.pixels)
    finally:
        close(r)
    full = Image.open(png)
    assert preview.mode == "RGB" and preview.size == (round(full.width * 110 / 300), round(full.height * 110 / 300))
    assert drawn == [300], "the preview drew the figure again"
