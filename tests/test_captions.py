"""Captions bound to their rows (issue 14, item 10): no number is typed in a title or caption.

Every number a title or caption prints is a ``{field}`` that the rows of ``data/`` fill
(:mod:`mali_caac.figures.captions`) or that the figure computes from the rows it draws. A corrected value in
the data changes the caption; a field no row fills is an error naming the figure, the field and the fields
available. The old test only checked that each typed number was stated *somewhere* in the package, so a
corrected 202 still passed wherever another row said 202.

Before this change, ``test_no_number_is_typed_in_a_caption`` failed on 35 of the 43 described figures, in
English and in French.
"""
import pytest

from mali_caac.figures import figure_ids, figure_text
from mali_caac.figures.captions import FIELDS, bind, row, typed_numbers
from mali_caac.i18n import FIGURE_TEXT
from tests.test_broken_data import edit


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_number_is_typed_in_a_caption(lang):
    """Digits only in {fields}, years written as dates, UN symbols, register entries and names (COVID-19)."""
    typed = {}
    for fid in figure_ids():
        for part in ("title", "caption"):
            found = typed_numbers(FIGURE_TEXT[f"fig.{fid}.{part}"][("en", "fr").index(lang)])
            if found:
                typed.setdefault(fid, []).extend(found)
    assert typed == {}


def test_the_rule_catches_a_typed_number_and_allows_dates_and_symbols():
    assert typed_numbers("CMA 202, Platform {platform}, JNIM 34") == ["202", "34"]
    assert typed_numbers("Mopti accounted for 76 per cent") == ["76"]
    assert typed_numbers("27 cases in 2019 (S/2020/487, S/AC.51/2020/11, d-01), COVID-19, {n} in 2020") == ["27"]


def test_every_bound_field_is_used_and_every_bound_figure_exists():
    ids = set(figure_ids())
    for fid, fields in FIELDS.items():
        assert fid in ids, fid
        texts = " ".join(FIGURE_TEXT[f"fig.{fid}.{p}"][i] for p in ("title", "caption") for i in (0, 1))
        unused = [f for f in fields if "{" + f + "}" not in texts]
        assert unused == [], f"{fid}: fields bound but never printed: {unused}"


@pytest.fixture
def corrected(data_copy, monkeypatch):
    """A copy of the package in which CMA's 202 children (gv-026) read 205 and the 74 girls of sexual
    violence (gv-126) read 75, rehashed; figures read it through $MALI_CAAC_DATA."""
    edit(data_copy, "grave_violations", "gv-026", "value", "205")
    edit(data_copy, "grave_violations", "gv-126", "value", "75")
    monkeypatch.setenv("MALI_CAAC_DATA", str(data_copy))
    return data_copy


def test_a_corrected_value_changes_the_caption(corrected):
    en = figure_text("recruitment_by_group", "caption", "en")
    fr = figure_text("recruitment_by_group", "caption", "fr")
    assert "CMA 205," in en and "CMA 202" not in en
    assert "CMA 205," in fr and "CMA 202" not in fr
    assert "The 75 girls" in figure_text("sexual_violence_by_type", "caption", "en")


def test_a_corrected_value_changes_the_drawn_figure_caption_and_alt_text(corrected, rendered):
    r = rendered("sexual_violence_by_type", "fr", "column")
    assert "Les 75\u00a0filles" in r.caption and "74\u00a0filles" not in r.caption
    assert "75" in r.alt


def test_the_shipped_package_gives_the_printed_numbers():
    assert "(CMA 202, Platform 151, JNIM 34, as the report states)" in figure_text("recruitment_by_group", "caption", "en")
    assert "Mopti Region accounted for 376 of the 495 child casualties (76 per cent)" in \
        figure_text("casualties_by_region", "caption", "en")
    assert "27–31\u00a0mars 2022" in figure_text("moura_claims", "caption", "fr")


def test_a_field_no_row_fills_is_an_error_naming_figure_field_and_fields_available(monkeypatch):
    monkeypatch.setitem(FIGURE_TEXT, "fig.recruitment_by_group.caption",
                        ("CMA {cma}, and {nowhere}.", "CMA {cma}, et {nowhere}."))
    with pytest.raises(ValueError) as err:
        figure_text("recruitment_by_group", "caption", "en")
    message = str(err.value)
    assert "'recruitment_by_group'" in message and "{nowhere}" in message and "fields available" in message
    assert "cma" in message and "platform" in message


def test_a_field_bound_to_a_row_no_table_has_is_an_error(monkeypatch):
    monkeypatch.setitem(FIELDS, "recruitment_by_group", dict(FIELDS["recruitment_by_group"], cma=row("gv-999")))
    with pytest.raises(ValueError, match=r"'recruitment_by_group': field \{cma\} is bound to row 'gv-999', which no table"):
        figure_text("recruitment_by_group", "caption", "en")


def test_bind_refuses_what_is_not_a_field():
    with pytest.raises(ValueError, match="field 'cma' must be made by row()"):
        bind("recruitment_by_group", cma=202)
