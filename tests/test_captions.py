"""Every number typed in a figure's title or caption is a number the data package states.

A derived number (a sum, a ratio, a period) is not typed: the figure computes it
and its title or caption holds a ``{field}`` that render fills in
(``mali_caac.figures.figure_text``). This test ties every number still typed in a
title or caption to the data: after a correction in data/, a caption that still
prints the old number fails here. Allowed besides stated values: years, the
months of the report's periods, and 100 (the whole, in per cent). Dollar amounts
are compared in millions (and whole millions).
"""
import re

import pytest

from mali_caac.figures import figure_ids
from mali_caac.i18n import t
from mali_caac.package import open_package

NUMBER = re.compile(r"(?<![\w/.-])\d[\d\u202f\u00a0,]*(?:[.,]\d+)?")


@pytest.fixture(scope="module")
def stated():
    pkg = open_package()
    values = set()
    for res in pkg.tables():
        if "value" in res.field_names:
            for r in pkg.records(res.name):
                if r["value"] is not None:
                    v = float(r["value"])
                    values |= {round(v, 2), round(v / 1e6, 2), float(round(v / 1e6))}  # $213,207,805: "$213 million"
    months = {float(p["months"]) for p in pkg.records("periods")}
    return values | months | {100.0}


def numbers(text, lang):
    for m in NUMBER.findall(text):
        s = m.replace("\u202f", "").replace("\u00a0", "").rstrip(",.")
        s = s.replace(",", "") if lang == "en" else s.replace(",", ".")
        yield m.strip(), float(s)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_caption_number_is_stated_in_the_data(stated, lang):
    unknown = {}
    for fid in figure_ids():
        for key in (f"fig.{fid}.title", f"fig.{fid}.caption"):
            for shown, x in numbers(t(key, lang), lang):
                if not (1960 <= x <= 2030 or round(x, 2) in stated):
                    unknown.setdefault(fid, []).append(shown)
    assert unknown == {}


def test_the_check_catches_a_number_the_data_does_not_state(stated):
    assert [x for _, x in numbers("Mopti accounted for 377 of the 495 child casualties", "en")
            if round(x, 2) not in stated] == [377.0]
