"""Units and words agree with the rows (issue 14, item 5): a count axis names the unit of the rows it draws
("Children" over rows counted in children, "Cases" over cases), in both languages, in every committed figure.

The rows' unit is the curation's reading of the source (``data/CURATION.md``): S/2020/1105, para 17 prints
"cases" for the recruitment periods that add up to the 513 children, and the rows say children with a note.
"""
import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mali_caac.figures import figure_ids
from mali_caac.i18n import t

ROOT = Path(__file__).resolve().parents[1]
COUNT_UNITS = ("children", "cases")  # "Schools" and "Attacks" also title panels of attacks


def flat(text):
    return " ".join(str(text).split())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_count_axes_name_the_unit_of_the_rows_they_draw(lang):
    axis_unit = {flat(t(f"axis.{u}", lang)): u for u in COUNT_UNITS}
    bad = {}
    for fid in figure_ids():
        with open(ROOT / "figures" / lang / f"{fid}.csv", encoding="utf-8", newline="") as fh:
            units = {r["unit"].removesuffix(" per month") for r in csv.DictReader(fh)}
        shown = {flat("".join(el.itertext())) for el in
                 ET.parse(ROOT / "figures" / lang / f"{fid}.svg").iter("{http://www.w3.org/2000/svg}text")}
        wrong = [text for text in shown if text in axis_unit and axis_unit[text] not in units]
        if wrong:
            bad[fid] = (wrong, sorted(units))
    assert bad == {}


def test_sexual_violence_by_period_says_girls_in_its_caption_as_on_its_axis():
    from mali_caac.figures import figure_text

    en = figure_text("sexual_violence_by_period", "caption", "en")
    assert en.startswith("Girls verified") and not en.startswith("Cases")
