"""Tables that fit a terminal, and whole tables for scripts."""
import pandas as pd

from mali_caac.display import cell_text, fit_table, format_frame, wrap_lines

QUOTE = "Mopti Region was the most affected (376, or 76 per cent) followed by Gao (69)"
FRAME = pd.DataFrame({"row_id": ["gv-100", "gv-106"], "value": [376.0, 76.0],
                      "unit": ["children", "percent"], "quote": [QUOTE, QUOTE + ", Timbuktu (23)"], "source_id": ["S/2020/1105"] * 2})


def test_cells():
    assert [cell_text(v) for v in (376.0, 16.56, None, float("nan"), pd.NA, "a\n b", pd.Timestamp("2020-11-11"))] == \
        ["376", "16.56", "", "", "", "a b", "2020-11-11"]


def test_a_table_that_fits_is_left_whole():
    text, notes = fit_table(FRAME, 200)
    assert notes == [] and QUOTE in text
    assert text.splitlines()[1].startswith("gv-100    376  children  Mopti")


def test_constant_columns_go_first_then_long_cells_are_shortened():
    text, notes = fit_table(FRAME, 50)
    lines = text.splitlines()
    assert max(map(len, lines)) <= 50
    assert lines[0].split() == ["row_id", "value", "unit", "quote"]
    assert lines[1] == "gv-100    376  children  Mopti Region was the mos…"
    assert notes == ["(the same on every row: source_id='S/2020/1105')", "(long cells are shortened (…))"]


def test_columns_on_the_right_are_left_out_last():
    text, notes = fit_table(FRAME, 20, drop_constant=False)
    assert max(map(len, text.splitlines())) <= 20
    assert text.splitlines()[0].split() == ["row_id", "value"]
    assert notes[0].split() == "(3 column(s) left out to fit 20 characters: unit, quote, source_id)".split()
    assert max(len(line) for note in notes for line in note.splitlines()) <= 20


def test_full_and_script_formats_are_whole():
    for fmt in ("table", "csv", "json", "markdown"):
        text, notes = format_frame(FRAME, fmt, width=30, full=True)
        assert QUOTE in text and notes == []
    assert format_frame(FRAME, "markdown")[0].splitlines()[2].startswith("| gv-100   |     376 | children")


def test_wrapped_lines_keep_their_indentation():
    text = "title\n  party   string   (required) Code used in the perpetrator and captor columns"
    assert wrap_lines(text, 40).splitlines() == [
        "title", "  party   string   (required) Code used", "      in the perpetrator and captor", "      columns"]
