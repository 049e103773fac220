"""Issue 4: region polygons, the US aid series and the cross-report figures."""
import csv
from pathlib import Path

import pytest

import mali_caac
from mali_caac import geography
from mali_caac.external import us_aid_rows, write_us_aid
from mali_caac.figures import months_between

ROOT = Path(__file__).resolve().parent.parent


def test_ten_regions_with_menaka_on_its_own():
    geo = mali_caac.load("regions_geometry")
    assert sorted(geo["region"]) == sorted(["Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Mopti", "Ménaka",
                                            "Sikasso", "Ségou", "Timbuktu"])
    menaka = geo.set_index("region").loc["Ménaka"]
    assert menaka["iso_3166_2"] == "ML-9" and menaka["cercles"] == "Menaka"
    assert geo.geometry.is_valid.all()


def test_regions_agree_with_natural_earth():
    iou = geography.overlap_with_natural_earth()
    assert set(iou) == {"Timbuktu", "Kidal", "Gao", "Bamako", "Kayes", "Sikasso", "Mopti", "Ségou", "Koulikoro"}
    assert all(v >= 0.9 for r, v in iou.items() if r != "Bamako"), iou


def test_derived_files_rebuild_byte_for_byte(data_copy):
    for path in (write_us_aid(data_copy), geography.write_region_polygons(data_copy)):
        assert path.read_bytes() == (ROOT / "data" / path.name).read_bytes(), path.name


def test_every_cercle_is_mapped_once():
    cercles = mali_caac.load("cercles")
    assert len(cercles) == 50 and cercles["cercle"].is_unique
    assert cercles.set_index("cercle").loc["Goundam", "region"] == "Timbuktu"


def test_unmapped_cercle_is_refused(data_copy):
    from tests.test_broken_data import edit

    edit(data_copy, "cercles", "Menaka", "cercle", "Atlantis")
    with pytest.raises(mali_caac.DataError, match=r"cercles.csv.*unmapped cercles \['Menaka'\], unknown cercles \['Atlantis'\]"):
        geography.region_polygons(data_copy)


def test_us_aid_series_reconciles_with_the_source_file():
    raw = ROOT / "data" / "external" / "us_foreign_aid_country_MLI.csv"
    with open(raw, encoding="utf-8") as fh:
        source = list(csv.DictReader(fh))
    series = mali_caac.load("us_aid_series")
    assert len(series) == 2 * len(source)
    for col, dollars in (("current_amount", "current"), ("constant_amount", "constant")):
        assert series.loc[series.dollars == dollars, "value"].sum() == sum(int(r[col]) for r in source)
    tq = series[series.fiscal_year_as_printed == "1976tq"]
    assert set(tq["period_kind"]) == {"transition_quarter"} and (tq["fiscal_year"] == 1976).all()
    assert not series.loc[series.fiscal_year == 2022, "complete"].any()
    assert series.loc[series.fiscal_year == 2021, "complete"].all()
    ob = series[(series.transaction_type == "obligations") & (series.period_kind == "fiscal_year")]
    assert ob["fiscal_year"].min() == 1961 and ob["fiscal_year"].max() == 2022


def test_bad_aid_file_is_refused(tmp_path):
    raw = ROOT / "data" / "external" / "us_foreign_aid_country_MLI.csv"
    lines = raw.read_text(encoding="utf-8").splitlines()
    fields = lines[5].split(",")
    fields[7] = "Grants"
    lines[5] = ",".join(fields)
    bad = tmp_path / "aid.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(mali_caac.DataError, match=r"aid.csv, line 6, field 'transaction_type_name'"):
        us_aid_rows(bad)


def test_report_periods_and_rates():
    src = mali_caac.sources()
    months = {r: months_between(src.loc[r, "period_start"], src.loc[r, "period_end"])
              for r in ["S/2018/136", "S/2020/1105", "S/2022/856", "SG-CAAC-Mali-5"]}
    assert months == {"S/2018/136": 42, "S/2020/1105": 33, "S/2022/856": 24, "SG-CAAC-Mali-5": 24}
    from mali_caac.figures import close, render

    r = render("country_reports_trend", "en")
    close(r)
    assert r.drawn == pytest.approx([740 / 42, 1764 / 33, 2095 / 24, 2091 / 24])


def test_secondary_rows_are_marked_and_cite_the_page():
    cr = mali_caac.load("country_reports")
    sec = cr[cr["secondary"]]
    assert set(sec["source_id"]) == {"UNETCHAC-mali", "afric.info-2292500"}
    assert set(sec["report"]) == {"S/2022/856", "SG-CAAC-Mali-5"}
    assert set(mali_caac.sources().loc[["UNETCHAC-mali", "afric.info-2292500"], "kind"]) == {"secondary"}


def test_map_counts_match_the_data():
    from mali_caac.figures import close, render

    r = render("overview_map", "fr")
    texts = " ".join(t.get_text() for t in r.figure.texts)
    close(r)
    gv = mali_caac.load("grave_violations")
    for region, value in [("Mopti", 666), ("Gao", 394), ("Kidal", 251), ("Timbuktu", 185), ("Ménaka", 138)]:
        assert gv[(gv.violation == "all") & (gv.region == region) & (gv.unit == "violations")]["value"].tolist() == [value]
        assert value in r.drawn
    assert "CC BY 4.0" in " ".join(texts.split())
