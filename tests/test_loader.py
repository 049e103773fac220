import subprocess
import sys

import pandas as pd
import pytest

import mali_caac
from mali_caac.domain import VIOLATIONS


def test_list_datasets_names_every_resource():
    names = mali_caac.list_datasets()
    for expected in ["sources", "parties", "periods", "regions", "grave_violations", "discrepancies",
                     "us_assistance", "civilian_harm", "listings", "crsv", "schools_closed"]:
        assert expected in names


@pytest.mark.parametrize("name", mali_caac.list_datasets())
def test_every_dataset_loads_with_its_declared_columns(name):
    frame = mali_caac.load(name)
    assert len(frame) > 0 or name == "corrections"  # the corrections log is empty until a value is corrected
    if name == "regions_geometry":
        assert frame.crs.to_epsg() == 4326
        return
    desc = mali_caac.describe(name)
    for col in frame.columns:
        assert col in desc
    if "value" in frame:
        assert frame["value"].dtype == "float64"
        assert frame["value"].notna().all()
    for col in ("source_id", "locator", "quote"):
        if col in frame:
            assert frame[col].notna().all(), f"{name}.{col} has empty cells"


def test_grave_violations_dtypes_and_order():
    gv = mali_caac.load("grave_violations")
    assert isinstance(gv["violation"].dtype, pd.CategoricalDtype) and gv["violation"].cat.ordered
    assert list(gv["violation"].cat.categories[:6]) == list(VIOLATIONS)
    periods = list(gv["period"].cat.categories)
    assert gv["period"].cat.ordered
    assert periods.index("2017H2") < periods.index("2018") < periods.index("2019") < periods.index("2020Q1")
    assert periods[-1] == "all"


def test_headline_figures_of_the_report():
    gv = mali_caac.load("grave_violations")
    tot = gv[(gv.violation == "all") & (gv.period == "all") & (gv.region == "all")
             & (gv.perpetrator == "all") & (gv.sex == "all") & (gv.unit == "violations")]
    assert tot["value"].tolist() == [1764.0]
    rec = gv[(gv.violation == "recruitment_and_use") & (gv.perpetrator == "CMA") & gv.restates.isna()]
    assert rec["value"].tolist() == [202.0]


def test_sources_and_citation():
    src = mali_caac.sources()
    assert {"S/2020/1105", "S/AC.51/2020/11", "S/2020/487", "S/2018/136"} <= set(src.index)
    text = mali_caac.cite("S/2020/1105")
    assert "S/2020/1105" in text and "https://undocs.org/en/S/2020/1105" in text
    with pytest.raises(mali_caac.DataError, match="unknown source"):
        mali_caac.cite("S/1999/1")


def test_cite_rows_compacts_paragraphs():
    from mali_caac.citation import compact_locators

    assert compact_locators(["para 14", "para 15", "para 17", "para 5(g)"]) == "paras 14\u201315, 17, para 5(g)"
    rows = [{"source_id": "S/2020/1105", "locator": "para 22"}, {"source_id": "S/2020/1105", "locator": "para 23"}]
    assert mali_caac.cite_rows(rows) == "Source: UN Secretary-General, report on children and armed conflict in Mali (S/2020/1105), paras 22\u201323"


def test_unknown_dataset_is_a_clear_error():
    with pytest.raises(mali_caac.DataError, match="unknown dataset 'nope'; the datasets are: sources"):
        mali_caac.load("nope")


def test_import_is_light():
    code = "import sys, mali_caac; print(sorted(m for m in ('pandas', 'matplotlib', 'seaborn', 'frictionless') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
