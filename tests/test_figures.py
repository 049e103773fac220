"""Each figure draws exactly the values of the data rows it cites."""
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.container import BarContainer

import mali_caac
from mali_caac import aggregate, figures
from mali_caac.figures import check_parameters, figure_ids, render

IDS = figure_ids()


def readback(fig):
    """The numbers a reader sees as marks: bar lengths, heatmap cells, point positions."""
    values = []
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":
            continue
        for c in ax.containers:
            if isinstance(c, BarContainer):
                values += [p.get_height() if c.orientation == "vertical" else p.get_width() for p in c]
        for coll in ax.collections:
            if isinstance(coll, PathCollection):
                values += [float(x) for x in coll.get_offsets()[:, 0]]
            elif not isinstance(coll, LineCollection) and coll.get_array() is not None:
                values += [float(x) for x in coll.get_array().compressed()]  # heatmap cells, map regions
        for line in ax.lines:
            if line.get_gid() == "data" or line.get_linestyle() in ("None", "none", ""):
                values += [float(y) for y in line.get_ydata()]
    return values


def allowed_values(r):
    """Values a figure may draw: its rows' values, in millions, per month of their period,
    schools plus hospitals per month, and the region table that follows from complete breakdowns."""
    months = {p["period"]: p["months"] for p in mali_caac.load("periods").to_dict("records")}
    out = set()
    by_period = {}
    for row in r.rows.to_dict("records"):
        v = float(row["value"])
        out |= {v, v / 1e6}
        full = mali_caac.load(row["table"]).set_index("row_id").loc[row["row_id"]]
        if "report" in full:  # a country report: per month of the period it covers
            src = mali_caac.sources().loc[full["report"]]
            out.add(v / figures.months_between(src["period_start"], src["period_end"]))
        if "period" in full and str(full["period"]) in months:
            m = months[str(full["period"])]
            out.add(v / m)
            by_period.setdefault(str(full["period"]), []).append(v)
    if _cites_a_complete_list(r.rows):  # a code the complete list leaves out: a zero
        out.add(0.0)
    for p, vals in by_period.items():
        out |= {sum(vals[i:j]) / months[p] for i in range(len(vals)) for j in range(i + 1, len(vals) + 1)}
    if r.id == "recruitment_by_group":  # coalition bars must equal the report's stated subtotals
        gv = mali_caac.load("grave_violations")
        out |= set(gv.loc[(gv.violation == "recruitment_and_use") & (gv.region == "all") & (gv.sex == "all")
                          & (gv.period == "all"), "value"].astype(float))
    if r.id == "us_aid_2020_compared":  # the factsheet's four sectors, summed by the library
        out.add(float(r.rows.loc[r.rows["table"] == "us_assistance", "value"].sum()) / 1e6)
    if r.id == "overview_map":
        out |= {float(x) for x in aggregate.violations_by("region").to_numpy().ravel() if x == x}
    if r.id == "overview_regions":
        out |= {float(x) for x in aggregate.violations_by("region").to_numpy().ravel() if x == x}
    return out


def _cites_a_complete_list(rows):
    """True if the rows cite a stated total of grave_violations and parts of it (same dimensions but
    region) that add up to it: the regions left out of such a list count zero."""
    gv = mali_caac.load("grave_violations").set_index("row_id")
    cited = gv.loc[[i for t, i in zip(rows["table"], rows["row_id"]) if t == "grave_violations"]]
    others = ["violation", "period", "perpetrator", "sex", "subtype", "cause", "outcome", "unit"]
    for _, total in cited[cited["region"] == "all"].iterrows():
        same = (cited[others].astype(str) == total[others].astype(str)).all(axis=1)
        parts = cited[same & (cited["region"] != "all")]
        if len(parts) and parts["value"].sum() == total["value"]:
            return True
    return False


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fid", IDS)
def test_figure_draws_exactly_its_rows(fid, lang):
    r = render(fid, lang)
    try:
        drawn = sorted(readback(r.figure))
        assert drawn == pytest.approx(sorted(r.drawn)), "the marks differ from the values the figure reports"
        allowed = allowed_values(r)
        stray = [v for v in r.drawn if not any(abs(v - a) < 1e-6 for a in allowed)]
        assert not stray, f"values drawn that do not follow from the cited rows: {stray}"
        assert len(r.rows) > 0 and r.rows["quote"].notna().all()
        assert r.source_line.startswith({"en": "Source: ", "fr": "Source\u202f: "}[r.lang])
        texts = [t.get_text() for t in r.figure.texts]
        assert any(r.source_line.split(": ", 1)[1][:20] in t for t in texts), "no source line under the plot"
        assert any(t.startswith(r.title.split(" ")[0]) and t.replace("\n", " ").startswith(r.title[:20].replace("\n", " "))
                   for t in texts), "no title above the plot"
    finally:
        figures.close(r)


def test_caption_file_cites_every_row(tmp_path):
    r = render("recruitment_by_group", "fr")
    paths = figures.save(r, tmp_path, ["png"], dpi=60)
    figures.close(r)
    text = (tmp_path / "recruitment_by_group.md").read_text(encoding="utf-8")
    assert text.startswith("# Enfants recrutés et utilisés au Mali, par partie et coalition, juillet 2017–mars 2020")
    for row_id in r.rows["row_id"]:
        assert f"| {row_id} |" in text
    assert [p.name for p in paths] == ["recruitment_by_group.png", "recruitment_by_group.md", "recruitment_by_group.csv"]


@pytest.mark.parametrize("kwargs,name", [
    (dict(lang="de"), "lang"), (dict(formats=["png", "gif"]), "formats"), (dict(formats=[]), "formats"),
    (dict(dpi=10), "dpi"), (dict(dpi="high"), "dpi"), (dict(size="billboard"), "size"), (dict(bare="yes"), "bare"),
    (dict(output_dir=3), "output_dir"),
])
def test_bad_parameters_are_refused_by_name(kwargs, name):
    with pytest.raises(ValueError, match=rf"parameter '{name}' must be"):
        check_parameters(**kwargs)


def test_notebook_setup_refuses_bad_parameters():
    from mali_caac.notebook import setup

    with pytest.raises(ValueError, match=r"parameter 'lang' must be one of \['en', 'fr'\], got 'de'"):
        setup(lang="de")


def test_unknown_figure():
    with pytest.raises(ValueError, match="unknown figure 'nope'"):
        render("nope")


def test_every_section_has_figures():
    for section in figures.SECTIONS:
        assert figure_ids(section), section
