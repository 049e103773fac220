"""What the marks say, read from the drawn artists of every figure in both languages (issue 14, items 1-3).

1. The number printed on a mark is the number the mark draws (a rate bar carries its rate), and in each
   figure's CSV a number in ``label`` equals ``value``.
2. A hedged value ("at least", "less than", "about" ...) is drawn differently from an exact one: a
   lighter face, a hatch, an arrow from its end or a faded end; and a row the data qualifies is printed
   with its qualifier's words and drawn with its look.
3. One meaning per colour over the whole set: every data colour drawn is a colour role the figure
   recorded (:mod:`mali_caac.colours`) or a key entry; no colour carries two meanings, no meaning two colours.

Each figure is drawn once per language (double size) and read by the three checks.

Measured before the fixes (main at 15d4431, the same checks run on its code): check 1 failed on 2 figures
(overview_previous_report and country_reports_trend, in both languages: 64 mismatches, totals printed on
rate bars, in the drawing and in the CSV); check 2 on 8 figures (military_training, trainings_and_dialogue,
overview_attribution, moura_claims, civilian_harm_reports, us_assistance_2020, us_security_cooperation,
us_aid_2020_compared: 58 problems, every hedged label on a mark drawn like the exact ones); check 3 found 3
colours with several meanings in the keys alone (grey #5E5E5E: hospitals, explosive devices, obligations,
S/2018/136, Watchlist; ochre #A97610: schools, S/2020/1105 and attacks on schools and hospitals; brown
#662F0B: killing and maiming and one of its causes), and no figure recorded its colours' roles.
"""
import re

import pytest

from mali_caac import colours
from mali_caac.figures import close, figure_ids, render
from mali_caac.i18n import TEXT, t

LANGS = ("en", "fr")
NUMBER = {"en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"),
          "fr": re.compile(r"\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")}  # the CSV folds spaces
SKIP_GIDS = {"coup_label", "group", "hedge_arrow"}


def parse_last_number(text, lang):
    """The last number written in ``text`` and its decimals, read as ``lang`` writes numbers; None if none."""
    found = NUMBER[lang].findall(text)
    if not found:
        return None
    token = found[-1]
    if lang == "en":
        token = token.replace(",", "")
    else:
        token = token.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    decimals = len(token.split(".")[1]) if "." in token else 0
    return float(token), decimals


def qualifier_words(lang):
    return [TEXT[k][LANGS.index(lang)].strip() for k in TEXT if k.startswith("word.qualifier.") and TEXT[k][0].strip()]


def _close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _marks(ax):
    """(kind, anchor (x, y), value drawn, artist, index) of each bar end and point of ``ax``."""
    from matplotlib.collections import PathCollection
    from matplotlib.container import BarContainer

    out = []
    for c in ax.containers:
        if not isinstance(c, BarContainer):
            continue
        horizontal = c.orientation == "horizontal"
        for p in c:
            x, y, w, h = p.get_x(), p.get_y(), p.get_width(), p.get_height()
            if horizontal:
                out.append(("hbar", (x + w, y + h / 2), w, p, None))
            else:
                out.append(("bar", (x + w / 2, y + h), h, p, None))
    for coll in ax.collections:
        if isinstance(coll, PathCollection):
            for i, (x, y) in enumerate(coll.get_offsets()):
                out.append(("dot", (float(x), float(y)), float(x), coll, i))
    for line in ax.lines:
        if line.get_marker() in (None, "None", "none", "", " "):
            continue
        import matplotlib.dates as mdates

        for x, y in zip(line.get_xdata(), line.get_ydata()):
            x = mdates.date2num(x) if not isinstance(x, (int, float)) else float(x)
            out.append(("point", (x, float(y)), float(y), line, None))
    return out


def _anchor(annotation):
    import matplotlib.dates as mdates

    x, y = annotation.xy
    x = mdates.date2num(x) if not isinstance(x, (int, float)) else float(x)
    return float(x), float(y)


def _hedged_look(ax, kind, anchor, artist, index):
    """True if the mark at ``anchor`` is drawn unlike an exact one: light face, hatch, arrow, faded end, hollow."""
    from matplotlib.colors import to_rgba

    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None and _close(_anchor(a)[0], anchor[0])
              and _close(_anchor(a)[1], anchor[1])]
    if arrows:
        return True
    if kind in ("bar", "hbar"):
        if to_rgba(artist.get_facecolor())[3] < 1 or artist.get_hatch():
            return True
        box = artist.get_bbox()
        for image in ax.images:  # a faded end: a veil over the bar's end
            x0, x1, y0, y1 = image.get_extent()
            if min(x0, x1) >= box.x0 - 1e-9 and max(x0, x1) <= box.x1 + 1e-9 and min(y0, y1) >= box.y0 - 1e-9 \
                    and max(y0, y1) <= box.y1 + 1e-9:
                return True
        return False
    if kind == "dot":
        faces = artist.get_facecolors()
        return to_rgba(faces[index % len(faces)])[3] < 1
    face = artist.get_markerfacecolor()
    return face in ("none", "white") or to_rgba(face) == (1, 1, 1, 1)


def printed_problems(r):
    """Check 1 on the artists: each number printed at a mark's end is the value it draws."""
    problems = []
    for ax in r.figure.axes:
        marks = _marks(ax)
        for a in ax.texts:
            if not hasattr(a, "xy") or a.get_gid() in SKIP_GIDS or not a.get_text().strip() or a.xycoords != "data":
                continue
            found = parse_last_number(a.get_text(), r.lang)
            if found is None:
                continue
            number, decimals = found
            anchor = _anchor(a)
            at = [m for m in marks if _close(m[1][0], anchor[0]) and _close(m[1][1], anchor[1])]
            if not at:
                continue
            value = at[0][2]
            if abs(value - number) > 0.5 * 10 ** -decimals + 1e-9:
                problems.append(f"{' '.join(a.get_text().split())!r} printed on a mark that draws {value:g}")
    return problems


def hedge_problems(r):
    """Check 2 on the artists and the rows: hedged words on an exact-looking mark; a hedged row without its look."""
    problems = []
    words = qualifier_words(r.lang)
    for ax in r.figure.axes:
        marks = _marks(ax)
        for a in ax.texts:
            if not hasattr(a, "xy") or a.get_gid() in SKIP_GIDS:
                continue
            text = " ".join(a.get_text().split())
            if not any(text.startswith(w + " ") or text.startswith(w + "\u00a0") for w in words):
                continue
            anchor = _anchor(a)
            at = [m for m in marks if _close(m[1][0], anchor[0]) and _close(m[1][1], anchor[1])]
            if at and not _hedged_look(ax, at[0][0], anchor, at[0][3], at[0][4]):
                problems.append(f"{text!r} is drawn like an exact value")
    qualified = {row.row_id: row.qualifier for row in r.rows.itertuples() if str(row.qualifier) not in ("exact", "", "nan")}
    for m in r.marks:
        hedged = [qualified[i] for i in m["row_ids"] if i in qualified]
        if len(hedged) == 1 and len(m["row_ids"]) == 1:
            if "," not in m["drawn_as"] or not m["qualifier"]:
                problems.append(f"mark {m['category']!r}: its row is '{hedged[0]}', drawn as {m['drawn_as']!r} "
                                f"labelled {m['label']!r}")
    return problems


def csv_problems(r):
    """Check 1 on the CSV: a number in ``label`` equals ``value`` (rounded as printed)."""
    problems = []
    for m in r.marks:
        if m["value"] is None or not m["label"] or m["drawn_as"].startswith(("class", "text")):
            continue
        found = parse_last_number(m["label"], r.lang)
        if found is None:
            continue
        number, decimals = found
        if abs(m["value"] - number) > 0.5 * 10 ** -decimals + 1e-9:
            problems.append(f"CSV: label {m['label']!r} but value {m['value']:g} ({m['category']!r})")
    return problems


def _hex(c):
    from matplotlib.colors import to_hex

    return to_hex(c, keep_alpha=False).upper()


def drawn_colours(r):
    """{hex: meaning} of the data colours of ``r``: a key entry's meaning is the role whose words begin its
    label (else its label); a colour without a key entry means the role the figure recorded (else 'unrecorded')."""
    from matplotlib.collections import PathCollection
    from matplotlib.colors import to_rgba
    from matplotlib.container import BarContainer

    from mali_caac import style

    labels = {role: colours.role_label(role, r.lang) for role in colours.ROLES}
    skip = {"#FFFFFF"} | {c.upper() for c in colours.scale_colours()}  # classes of counts, each unit keyed apart
    hedge_words = {t(k, r.lang) for k in TEXT if k.startswith("hedge.")}
    pairs = {}

    def meaning_of_label(text):
        text = " ".join(text.split())
        best = [role for role, words in labels.items() if text.startswith(" ".join(words.split()))]
        return max(best, key=lambda role: len(labels[role])) if best else f"text: {text}"

    legends = [ax.get_legend() for ax in r.figure.axes if ax.get_legend()] + list(r.figure.legends)
    for legend in legends:
        for handle, text in zip(legend.legend_handles, legend.get_texts()):
            if text.get_text() in hedge_words or handle is None:
                continue
            if hasattr(handle, "get_markerfacecolor") and handle.get_markerfacecolor() in ("white", "none", "#ffffff"):
                continue  # a hollow marker explains a look (a partial year), not a colour
            face = getattr(handle, "get_facecolor", lambda: None)()
            colour = handle.get_color() if hasattr(handle, "get_color") and not hasattr(handle, "get_facecolor") else face
            if hasattr(colour, "__len__") and len(colour) and not isinstance(colour, str) and hasattr(colour[0], "__len__"):
                colour = colour[0]
            if colour is None or to_rgba(colour)[3] == 0:
                continue
            hexcode = _hex(colour)
            if hexcode in skip or hexcode == _hex(style.UNKNOWN["facecolor"]):
                continue
            pairs.setdefault(hexcode, set()).add(meaning_of_label(text.get_text()))
    drawn = set()
    for ax in r.figure.axes:
        for c in ax.containers:
            if isinstance(c, BarContainer):
                drawn.update(_hex(p.get_facecolor()) for p in c)
        for coll in ax.collections:
            if isinstance(coll, PathCollection):
                drawn.update(_hex(f) for f in coll.get_edgecolors())
        for line in ax.lines:
            if len(line.get_xdata()):  # an empty line only carries a key entry
                drawn.add(_hex(line.get_color()))
    for hexcode in drawn - skip - set(pairs):
        pairs.setdefault(hexcode, set()).add(r.colour_roles.get(hexcode, f"unrecorded in {r.id}"))
    return pairs


@pytest.fixture(scope="module")
def read_back():
    """{(figure, language): (printed, hedge, csv problems, colour pairs)}, each figure drawn once per language."""
    out = {}
    for fid in figure_ids():
        for lang in LANGS:
            r = render(fid, lang, "double")
            try:
                out[(fid, lang)] = (printed_problems(r), hedge_problems(r), csv_problems(r), drawn_colours(r))
            finally:
                close(r)
    return out


def test_the_number_printed_on_a_mark_is_the_number_it_draws(read_back):
    failing = {k: v[0] + v[2] for k, v in read_back.items() if v[0] or v[2]}
    assert not failing, "\n".join(f"{fid} ({lang}): {p}" for (fid, lang), ps in failing.items() for p in ps)


def test_a_hedged_value_is_drawn_unlike_an_exact_one(read_back):
    failing = {k: v[1] for k, v in read_back.items() if v[1]}
    assert not failing, "\n".join(f"{fid} ({lang}): {p}" for (fid, lang), ps in failing.items() for p in ps)


def test_one_meaning_per_colour_and_one_colour_per_meaning_over_the_whole_set(read_back):
    meanings, colours_of, where = {}, {}, {}
    for (fid, lang), (*_, pairs) in read_back.items():
        for hexcode, found in pairs.items():
            for meaning in found:
                meanings.setdefault(hexcode, set()).add(meaning)
                colours_of.setdefault(meaning, set()).add(hexcode)
                where.setdefault((hexcode, meaning), set()).add(fid)
    unrecorded = sorted(m for ms in meanings.values() for m in ms if m.startswith(("unrecorded", "text:")))
    several = {h: sorted(ms) for h, ms in meanings.items() if len(ms) > 1}
    split = {m: sorted(cs) for m, cs in colours_of.items() if len(cs) > 1}
    assert not unrecorded, f"colours with no role in the registry: {unrecorded}"
    assert not several, "colours with several meanings: " + "; ".join(
        f"{h}: " + ", ".join(f"{m} ({', '.join(sorted(where[(h, m)]))})" for m in ms) for h, ms in several.items())
    assert not split, f"meanings with several colours: {split}"


def test_every_role_has_its_own_colour_and_words_in_both_languages():
    hexes = [h.upper() for h in colours.ROLES.values()]
    assert len(set(hexes)) == len(hexes)
    for role in colours.ROLES:
        for lang in LANGS:
            assert colours.role_label(role, lang).strip(), (role, lang)


def test_a_colour_role_that_does_not_exist_is_refused_by_name():
    from mali_caac import charts, select

    shares = select("grave_violations", violation="all", unit="percent", period="all")
    with pytest.raises(ValueError, match=r"parameter 'colour'.*no colour role 'teal'.*the roles are: .*context"):
        charts.share_bars(shares, "perpetrator", colour="teal")
    with pytest.raises(ValueError, match=r"parameter 'colours'.*no colour role 'grey'"):
        charts.grouped_bars({"schools": shares, "hospitals": shares}, "perpetrator", colours=["target.schools", "grey"])


def test_a_qualifier_the_drawing_does_not_know_is_refused_by_figure_and_parameter():
    from mali_caac.figures.hedges import hedge_of

    with pytest.raises(ValueError, match=r"figure 'military_training': parameter 'qualifier'.*'roughly'.*allowed: exact"):
        hedge_of("roughly", "military_training")


# ----------------------------------------------------------------------------- 4. maps (item 4)
def _key_in_reading_order(r):
    """The texts of the figure's key, read row by row (top to bottom, left to right) as drawn."""
    r.figure.canvas.draw()
    (legend,) = r.figure.legends
    boxes = [(t.get_window_extent(), t.get_text()) for t in legend.get_texts()]
    return [text for box, text in sorted(boxes, key=lambda b: (-round(b[0].y0), b[0].x0))]


def _unit_keys(r):
    """The keys drawn on panels (a map's panel, or a table's header rows), each with its panel."""
    from matplotlib.legend import Legend

    found = []
    for ax in r.figure.axes:
        for legend in [a for a in ax.artists if isinstance(a, Legend)] + [ax.get_legend()]:
            if legend is not None:
                found.append((ax, legend))
    return found


@pytest.mark.parametrize("fid,size,lang", [("overview_map", "column", "fr"), ("overview_regions", "column", "en"),
                                           ("overview_map", "double", "en")])
def test_a_map_key_reads_in_the_order_of_its_classes(rendered, fid, size, lang):
    """At column size the key read '0, 10–49, 200–376 / 1–9, 50–199' (filled column by column). Now the
    figure's key holds what every unit shares (zero, not stated) and each unit's key its classes, in order."""
    r = rendered(fid, lang, size)
    read = _key_in_reading_order(r)
    assert read[0].startswith("0") and read[-1] == t("word.not_stated", lang), read
    for ax, legend in _unit_keys(r):
        boxes = [(x.get_window_extent(), x.get_text()) for x in legend.get_texts()]
        classes = [text for box, text in sorted(boxes, key=lambda b: (-round(b[0].y0), b[0].x0))]
        starts = [parse_last_number(x.split("–")[0], lang)[0] for x in classes]
        assert starts == sorted(starts) and starts[0] == 1, classes


@pytest.mark.parametrize("fid,size", [("overview_map", "double"), ("overview_regions", "column")])
def test_no_colour_key_of_a_map_spans_panels_of_different_units(rendered, fid, size):
    """Before: one classed key under the whole figure ('Verified, in each violation's unit') served panels
    in children, attacks, incidents and violations, so that colours compared counts in different units.
    Now each key of classes belongs to one panel (or group of rows) and names that panel's unit; the
    figure's own key holds only what means the same in every unit (white zero, hatched 'not stated')."""
    from mali_caac import style

    r = rendered(fid, "en", size)
    r.figure.canvas.draw()
    class_colours = {c.upper() for c in style.sequential_colours()[1:]}

    def colours_of(legend):
        from matplotlib.colors import to_hex

        return {to_hex(h.get_facecolor()).upper() for h in legend.legend_handles if hasattr(h, "get_facecolor")}

    for legend in r.figure.legends:  # a key of the whole figure spans every panel: no class colour in it
        assert not colours_of(legend) & class_colours, "a key of the whole figure has classes of counts"
    units = {}
    for ax, legend in _unit_keys(r):
        assert colours_of(legend) & class_colours
        unit = getattr(legend, "_mc_unit", None)
        assert unit and getattr(legend, "_mc_serves", None) == {unit}, (unit, getattr(legend, "_mc_serves", None))
        assert getattr(ax, "_mc_unit", unit) == unit, ax.get_title(loc="left")
        units.setdefault(unit, set()).add(ax)
    keyed = {ax for axs in units.values() for ax in axs}
    assert {"children", "attacks", "incidents"} <= set(units), units
    # every panel that draws counts in a class colour has its own unit's key
    for ax in r.figure.axes:
        faces = {c for coll in ax.collections for c in _hexes(coll)} | {c for p in ax.patches for c in _hexes(p)}
        if faces & class_colours:
            assert ax in keyed, ax.get_title(loc="left")
    if fid == "overview_map":
        assert "violations" in units  # all six: the report's totals by region, on its own scale


def _hexes(artist):
    from matplotlib.colors import to_hex

    faces = artist.get_facecolor()
    faces = [faces] if getattr(faces, "ndim", 1) == 1 and len(faces) in (3, 4) and not hasattr(faces[0], "__len__") else faces
    return {to_hex(f).upper() for f in faces}


@pytest.mark.parametrize("size,lang", [("column", "fr"), ("double", "en")])
def test_region_names_do_not_overlap_and_no_leader_line_crosses_another(rendered, size, lang):
    """Before: Ségou, Koulikoro and Kayes were stacked at the panel's left with long leader lines across
    the map (and crossing). Now each name sits in its region, no two names meet, and the one leader line
    (Bamako) crosses no other line and no other name."""
    from matplotlib.path import Path

    from mali_caac.i18n import label

    r = rendered("overview_map", lang, size)
    r.figure.canvas.draw()
    (ax,) = [a for a in r.figure.axes if any(x.get_gid() == "region_name" for x in a.texts)]
    names = [x for x in ax.texts if x.get_gid() == "region_name"]
    boxes = [x.get_window_extent() for x in names]
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes[i + 1:], i + 1):
            assert not a.overlaps(b), (names[i].get_text(), names[j].get_text())
    segments = [ax.transData.transform(seg) for c in ax.collections if c.get_gid() == "leader"
                for seg in c.get_segments()]
    assert len(segments) <= 1 or not any(Path(a).intersects_path(Path(b), filled=False)
                                        for i, a in enumerate(segments) for b in segments[i + 1:])
    bamako = label("region", "Bamako", lang)
    for seg in segments:
        length = ((seg[1] - seg[0]) ** 2).sum() ** 0.5
        assert length < 0.2 * ax.get_window_extent().width, "a long leader line"
        for name, box in zip(names, boxes):
            if name.get_text() != bamako:
                assert not Path(seg).intersects_bbox(box, filled=False), f"a leader line crosses {name.get_text()}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_zero_no_source_states_is_called_inferred_not_stated(rendered, lang):
    """Every zero on the maps follows from a complete list that leaves the region out: none is 'stated'."""
    r = rendered("overview_map", lang)
    key = [x.get_text() for x in r.figure.legends[0].get_texts()]
    assert t("map.zero_inferred", lang) in key and t("map.zero_stated", lang) not in key
    zeros = [m for m in r.marks if m["value"] == 0]
    assert zeros and all(m["zero_from"] and m["label"] == " ".join(t("map.zero_inferred", lang).split()) for m in zeros)


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_names_every_region_and_bamako_by_a_leader_line(rendered, lang):
    from mali_caac.charts import map_regions
    from mali_caac.i18n import label

    r = rendered("overview_map", lang, "column")
    names = {" ".join(a.get_text().split()): a for ax in r.figure.axes for a in ax.texts if a.get_gid() == "region_name"}
    assert set(names) == {label("region", x, lang) for x in map_regions()}
    bamako = names[label("region", "Bamako", lang)].get_position()
    leaders = [seg for ax in r.figure.axes for c in ax.collections if c.get_gid() == "leader" for seg in c.get_segments()]
    assert any(tuple(seg[0]) == tuple(bamako) for seg in leaders), "Bamako's name has no leader line"


@pytest.mark.parametrize("fid", ["overview_map", "overview_regions"])
def test_each_panel_or_row_of_a_map_names_its_unit(rendered, fid):
    r = rendered(fid, "en", "double")
    texts = " ".join(" ".join(x.get_text().split()) for ax in r.figure.axes
                     for x in [ax.title, ax._left_title, *ax.get_yticklabels()])
    for unit in ("children", "attacks", "incidents"):
        assert f"({unit})" in texts or unit.capitalize() in texts.split(), unit
