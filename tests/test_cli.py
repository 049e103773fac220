from click.testing import CliRunner

from mali_caac.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_datasets_lists_row_counts():
    out = run("datasets")
    assert out.exit_code == 0
    assert "grave_violations" in out.output and "rows" in out.output


def test_show_filters_and_selects():
    out = run("show", "grave_violations", "-w", "violation=abduction", "-w", "outcome=released", "-c", "row_id,value")
    assert out.exit_code == 0
    assert "10.0" in out.output


def test_show_schema():
    out = run("show", "parties", "--schema")
    assert out.exit_code == 0 and "coalition" in out.output


def test_show_bad_column_names_the_choices():
    out = run("show", "grave_violations", "-c", "colour")
    assert out.exit_code == 2
    assert "has no column(s) ['colour']" in out.output


def test_validate_exit_code_and_summary():
    out = run("validate")
    assert out.exit_code == 0
    assert out.output.startswith("mali-caac validate: OK")


def test_validate_fails_on_broken_data(data_copy):
    (data_copy / "sources.csv").write_text("source_id\n", encoding="utf-8")
    out = run("--data", str(data_copy), "validate")
    assert out.exit_code == 1
    assert "FAILED" in out.output and "sources.csv: sha256" in out.output


def test_cite():
    out = run("cite", "S/2020/487")
    assert out.exit_code == 0 and "https://undocs.org/en/S/2020/487" in out.output
    out = run("cite", "--rows", "grave_violations:gv-001,gv-027")
    assert out.output.strip() == "Source: S/2020/1105, paras 12, 14"
    out = run("cite", "--rows", "grave_violations:gv-999")
    assert out.exit_code == 2 and "gv-999" in out.output
