"""Review aids: the list of figures, one figure on its own, the contact sheet; bad ids refused."""
from click.testing import CliRunner

from mali_caac.cli import main
from mali_caac.figures import SECTIONS, figure_ids
from mali_caac.review import contact_sheet


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_figures_lists_every_id_with_section_and_title():
    res = run("figures", "--format", "csv", "--lang", "fr")
    assert res.exit_code == 0
    lines = res.output.strip().splitlines()
    assert lines[0] == "figure,section,title"
    assert [line.split(",")[0] for line in lines[1:]] == [f for s in SECTIONS for f in figure_ids(s)]
    assert any(line.startswith('casualties_by_region,killing,"Enfants tués et mutilés au Mali, par région') for line in lines)


def test_one_figure_without_a_notebook(tmp_path):
    res = run("build", "--figure", "crsv_2019", "--lang", "fr", "--size", "column", "--formats", "png,svg",
              "--figures-dir", str(tmp_path))
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "fr").iterdir()) == ["crsv_2019.csv", "crsv_2019.md", "crsv_2019.png", "crsv_2019.svg"]


def test_bad_figure_id_or_parameter_is_refused_and_nothing_is_written(tmp_path):
    res = run("build", "--figure", "crsv_2018", "--figures-dir", str(tmp_path))
    assert res.exit_code == 2 and "parameter 'figure' must be one of the figure ids" in res.output
    res = run("build", "--figure", "crsv_2019", "--dpi", "5", "--figures-dir", str(tmp_path))
    assert res.exit_code == 2 and "Invalid value for '--dpi': 5 is not in the range 72<=x<=1200" in res.output
    assert list(tmp_path.iterdir()) == []


def test_contact_sheet_has_a_page_per_figure(tmp_path):
    path = contact_sheet("en", "column", tmp_path / "sheet.pdf", dpi=40)
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == len(figure_ids())
