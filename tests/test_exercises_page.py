"""The exercises' page on the site (issue 15, item 6): each table of rows a code cell shows is followed by the
same table for people as the printed hand-out, every quote whole; the notebook's own output is folded."""
import re

import nbformat

from mali_caac import print_exercises, printing
from mali_caac.package import open_package
from mali_caac.teaching import TEACHING


def test_each_table_of_rows_is_followed_by_a_table_for_people_with_whole_quotes():
    nb = nbformat.read(TEACHING / "exercises.ipynb", as_version=4)
    shown = [c for c in nb.cells if c.cell_type == "code" and "hide-cell" not in c.metadata.get("tags", [])
             and "row_id" in print_exercises._output_html(c)]
    assert len(shown) >= 6
    assert any("..." in print_exercises._output_html(c) for c in shown)  # pandas shortens the quotes it prints
    page = printing.exercises_page(nb, "fr", "teaching/exercises.ipynb")
    quotes = {r["row_id"]: r["quote"] for res in open_package().tables() if "row_id" in res.field_names
              and "quote" in res.field_names for r in open_package().records(res.name)}
    checked = 0
    for i, cell in enumerate(page.cells):
        if any(cell is c for c in shown):
            checked += 1
            assert "hide-output" in cell.metadata["tags"]
            table = page.cells[i + 1].source
            assert table.startswith("```{raw} html\n<table class=\"rows\">") and "<th>Citation</th>" in table
            ids = re.findall(r'<td class="code">([a-z]{2}-\d+)</td>', table)
            assert ids and all(f"“{quotes[rid]}”" in table for rid in ids)  # whole, marked as English
            assert 'class="quote" lang="en"' in table and "<th>Tel qu’imprimé</th>" in table
            what = [re.sub(r'<span lang="en">.*?</span>|<code>.*?</code>', "", c)  # English data values are marked
                    for c in re.findall(r'<td class="code">[^<]*</td><td>(.*?)</td>', table)]
            assert not any(w in c for c in what for w in ("Ministry", "witnesses", "attackers", "hospital")), what
    assert checked == len(shown)
    other = printing.exercises_page(nbformat.read(TEACHING / "exercises.ipynb", as_version=4), "en",
                                    "teaching/other.ipynb")
    assert not any("hide-output" in c.metadata.get("tags", []) for c in other.cells)  # only the exercises


def test_the_printed_exercises_ignore_what_the_site_adds_to_the_page():
    """The PDFs are printed from the page the site stages: its added tables and links are not printed as text
    (they were: the hand-out showed '<table class="rows">...' under each table)."""
    original = nbformat.read(TEACHING / "exercises.ipynb", as_version=4)
    staged = printing.exercises_page(nbformat.read(TEACHING / "exercises.ipynb", as_version=4), "en",
                                     "teaching/exercises.ipynb")
    for answers in (False, True):
        assert print_exercises.exercises_html(staged, "en", answers) == print_exercises.exercises_html(original, "en", answers)
