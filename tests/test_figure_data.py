"""The CSV beside each figure holds exactly what the figure draws, each value traced to rows of data/;
the alt text states those values in the figure's language and travels into the SVG and the gallery.

The values are read back from the matplotlib artists (bar lengths, point offsets, line data, heat-map
and map arrays), never from what the drawing code recorded, and checked against data/ as read here.
"""
import csv
import functools
import io
import re
from xml.sax.saxutils import escape

import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.container import BarContainer

import mali_caac
from mali_caac import figures
from mali_caac.figures import _drawn, figure_ids, render
from mali_caac.i18n import number
from mali_caac.package import open_package

IDS = figure_ids()
BARS = ("bar", "horizontal bar")  # a hedged one adds its look after a comma: 'horizontal bar, faded end'


def _norm(text):
    return " ".join(str(text).split())


def _label(artist):
    text = artist.get_label() or ""
    return "" if text.startswith("_") else _norm(text)


def _nearest_tick(ticks, at):
    """The label of the tick nearest ``at`` (the category a bar stands on)."""
    locs = [(abs(tick.get_loc() - at), tick.label1.get_text()) for tick in ticks if tick.label1.get_text()]
    return _norm(min(locs)[1]) if locs else ""


def _panels(fig):
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>" and ax.has_data()]
    out = {}
    for ax in axes:
        found = re.match(r"([a-p])(\s|$)", ax.get_title(loc="left"))
        out[ax] = found.group(1) if found and len(axes) > 1 else ""
    return out


def readback(fig):
    """What the figure shows, read from its artists: {panel: (bars, other values)}, where bars are
    (series, category, value) with the category read from the tick under the bar."""
    shown = {}
    for ax, panel in _panels(fig).items():
        bars, others = shown.setdefault(panel, ([], []))
        for c in ax.containers:
            if not isinstance(c, BarContainer):
                continue
            for p in c:
                if c.orientation == "vertical":
                    bars.append((_label(c), _nearest_tick(ax.xaxis.get_major_ticks(), p.get_x() + p.get_width() / 2),
                                 p.get_height()))
                else:
                    bars.append((_label(c), _nearest_tick(ax.yaxis.get_major_ticks(), p.get_y() + p.get_height() / 2),
                                 p.get_width()))
        for coll in ax.collections:
            if isinstance(coll, PathCollection):
                others += [float(x) for x in coll.get_offsets()[:, 0]]
            elif not isinstance(coll, LineCollection) and coll.get_array() is not None:
                others += [float(x) for x in coll.get_array().compressed()]  # heat-map cells, map regions
        for line in ax.lines:
            if line.get_gid() == "data" or line.get_linestyle() in ("None", "none", ""):
                others += [float(y) for y in line.get_ydata()]
    return shown


@functools.lru_cache(maxsize=None)
def data_rows():
    """{row_id: (table, record)} read from the package, independently of the library's figure code."""
    pkg = open_package()
    return {rec["row_id"]: (res.name, rec) for res in pkg.tables() if "row_id" in res.field_names
            for rec in pkg.records(res.name)}


@functools.lru_cache(maxsize=None)
def drawn(fid, lang, folder):
    """Render, save (SVG, caption, CSV) and read back: (csv rows, artists read back, alt text, svg, caption)."""
    from pathlib import Path

    r = render(fid, lang)
    try:
        shown = readback(r.figure)
        figures.save(r, folder, ["svg"])
    finally:
        figures.close(r)
    out = Path(folder)
    text = (out / f"{fid}.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    return (rows, shown, r.alt, (out / f"{fid}.svg").read_text(encoding="utf-8"),
            (out / f"{fid}.md").read_text(encoding="utf-8"), text)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return str(tmp_path_factory.mktemp("figure_data"))


def _value(row):
    return float(row["value"]) if row["value"] != "" else None


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", IDS)
def test_csv_holds_what_the_artists_show(fid, lang, folder):
    rows, shown, *_ = drawn(fid, lang, folder)
    assert rows, "the CSV has no rows"
    assert set(rows[0]) == set(_drawn.COLUMNS)
    # a panel that draws no values (the map's panel of region names) has no rows
    assert {r["panel"] for r in rows} == {p for p, (bars, others) in shown.items() if bars or others}, \
        "the CSV's panels are not the figure's panels"
    for panel, (bars, others) in shown.items():
        mine = [r for r in rows if r["panel"] == panel and _value(r) is not None]
        want_bars = sorted((s, c, round(v, 4)) for s, c, v in bars)
        got_bars = sorted((r["series"], r["category"], round(float(r["value"]), 4)) for r in mine if r["drawn_as"].split(",")[0] in BARS)
        assert got_bars == want_bars, f"panel {panel!r}: bars (series, category, value) differ from the CSV"
        got = sorted(float(r["value"]) for r in mine if r["drawn_as"].split(",")[0] not in BARS)
        assert got == pytest.approx(sorted(others), rel=1e-6, abs=1e-6), f"panel {panel!r}: marks differ from the CSV"


def _months_of(table, rec):
    """The months of the period a row covers: its period in data/periods, or its report's period."""
    if "period" in rec and rec["period"] is not None:
        periods = {p["period"]: p["months"] for p in mali_caac.load("periods").to_dict("records")}
        return periods.get(str(rec["period"]))
    if table == "country_reports":
        src = mali_caac.sources().loc[rec["report"]]
        return figures.months_between(src["period_start"], src["period_end"])
    return None


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", IDS)
def test_csv_values_follow_from_their_rows(fid, lang, folder):
    rows, *_ = drawn(fid, lang, folder)
    assert_values_follow_from_rows(fid, rows)


def assert_values_follow_from_rows(fid, rows):
    """Each value of a figure's CSV is the sum of the values of the data rows it cites (a rate: per
    month of their period; millions: / 10**6), and a zero is shown by a stated total and its list."""
    data = data_rows()
    for r in rows:
        where = f"{fid}.csv {r['panel']} {r['series']} {r['category']!r}"
        ids, zero_from = [i for i in r["row_ids"].split(";") if i], [i for i in r["zero_from"].split(";") if i]
        assert all(i in data for i in ids + zero_from), f"{where}: rows not in data/: {ids + zero_from}"
        value = _value(r)
        if value is None:  # a mark that shows the source states no figure
            assert not ids, f"{where}: a 'not stated' mark that cites rows"
            continue
        if zero_from:  # a part counted zero, shown by a stated total and its complete list (the others are summed)
            assert len(zero_from) >= 2, f"{where}: a complete list needs its total and at least one part"
        assert ids or (zero_from and value == 0), f"{where}: a value without the rows it comes from"
        months = float(r["months"]) if r["months"] else 1
        if r["months"]:
            stated = {_months_of(*data[i]) for i in ids}
            assert stated == {months}, f"{where}: a rate per {months} months, its rows cover {stated}"
            assert r["unit"].endswith(" per month")
        scale = 1e6 if r["unit"].startswith("million ") else 1
        total = sum(float(data[i][1]["value"] if "value" in data[i][1] else data[i][1]["rank"]) for i in ids)
        assert value * months * scale == pytest.approx(total, rel=1e-6, abs=1e-6 * months * scale), \
            f"{where}: {value} x {months} months x {scale:g} is not the sum {total} of {ids}"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", IDS)
def test_alt_text_states_the_values_and_travels(fid, lang, folder):
    rows, _, alt, svg, caption, _ = drawn(fid, lang, folder)
    values = [_value(r) for r in rows if _value(r) is not None]
    title = caption.split("\n", 1)[0].removeprefix("# ")  # the title as drawn (its dates filled in from the rows)
    assert "{" not in title and f". {title.rstrip('.')}. " in alt, "the alt text does not give the title"
    if len(values) <= _drawn.MAX_VALUES:
        missing = [number(v, lang) for v in values if number(v, lang) not in alt]
        assert not missing, f"values of the CSV missing from the alt text: {missing}"
    else:
        assert number(max(values), lang) in alt
        assert {"en": " more", "fr": "autre"}[lang] in alt
    if lang == "fr":
        assert not re.search(r"[ \u00a0][:;?!]", alt), "French alt text without narrow no-break spaces"
    assert f"<desc>{escape(alt)}</desc>" in svg, "the SVG's <desc> is not the alt text"
    assert f"\n{alt}\n" in caption, "the caption file does not carry the alt text"
    assert f"({fid}.csv)" in caption, "the caption file does not point to the CSV"


def test_gallery_uses_the_alt_text(tmp_path):
    import json

    from mali_caac.build import gallery_text

    r = render("reintegration_outcomes", "en")
    figures.save(r, tmp_path / "figures" / "en", ["png"], dpi=60)
    figures.close(r)
    state = tmp_path / "run" / ".state"
    state.mkdir(parents=True)
    params = {"formats": ["png"], "dpi": 60, "size": "double", "bare": False}
    (state / "reintegration.en.json").write_text(json.dumps({"key": "k", "section": "reintegration", "lang": "en",
                                                             "params": params}))
    gallery = gallery_text(tmp_path / "figures", tmp_path / "run")
    alt = r.alt.replace("[", "\\[").replace("]", "\\]")
    assert f"![{alt}](en/reintegration_outcomes.png)" in gallery
    assert "[data](en/reintegration_outcomes.csv)" in gallery


def test_notebook_shows_the_figure_with_its_alt_text(monkeypatch):
    """The notebook output is an image whose metadata carries the alt text (nbconvert writes it as the
    <img alt>), at a resolution readable on a projector."""
    import IPython.display
    from PIL import Image

    from mali_caac import recipes
    from mali_caac.notebook import publish, setup

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    chart = recipes.charts("abduction_denial")["abduction_outcomes"]
    publish("abduction_outcomes", chart, setup(lang="fr", output_dir=None))
    images = [o for o in shown if isinstance(o, IPython.display.Image)]
    assert len(images) == 1, f"no image among the outputs: {shown}"
    _, metadata = images[0]._repr_png_()
    r = render("abduction_outcomes", "fr")
    figures.close(r)
    assert metadata["alt"] == r.alt
    assert Image.open(io.BytesIO(images[0].data)).info["dpi"][0] >= 100
