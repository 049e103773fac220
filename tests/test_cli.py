import json

import pytest
from click.testing import CliRunner

from mali_caac.cli import main


def run(*args, columns=80):
    """The command's result as a user at a terminal of ``columns`` characters would see it."""
    return CliRunner().invoke(main, list(args), env={"COLUMNS": str(columns)})


def test_datasets_lists_row_counts():
    out = run("datasets")
    assert out.exit_code == 0
    assert "grave_violations" in out.output and "261" in out.output


def test_show_filters_and_selects():
    out = run("show", "grave_violations", "-w", "violation=abduction", "-w", "outcome=released", "-c", "row_id,value")
    assert out.exit_code == 0
    assert out.stdout.splitlines() == ["row_id  value", "gv-214     10"]


def test_show_schema():
    out = run("show", "parties", "--schema")
    assert out.exit_code == 0 and "coalition" in out.output


def test_show_bad_column_names_the_choices():
    out = run("show", "grave_violations", "-c", "colour")
    assert out.exit_code == 2
    assert "has no column(s) ['colour']" in out.output


@pytest.mark.parametrize("columns", [60, 80, 132])
def test_show_fits_the_terminal(columns):
    out = run("show", "grave_violations", "-w", "violation=killing_and_maiming", columns=columns)
    assert out.exit_code == 0
    widths = [len(line) for line in out.output.splitlines()]  # the table and the notes on stderr
    assert max(widths) <= columns
    assert "…" in out.stdout and "--full" in out.stderr


def test_show_full_keeps_every_quote_whole():
    out = run("show", "grave_violations", "-w", "violation=abduction", "--full")
    assert out.exit_code == 0 and "…" not in out.stdout
    assert "verified the abduction of 38 children (10 girls, 27 boys, 1 sex unknown)" in out.stdout


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_show_formats_for_scripts_are_never_shortened(fmt):
    out = run("show", "listings", "-w", "row_id=ls-001", "--format", fmt, columns=40)
    assert out.exit_code == 0 and out.stderr == ""
    assert "…" not in out.stdout
    assert "listed in the 2020 annual report." in out.stdout  # the end of a 400-character note


def test_show_json_is_records_with_typed_values():
    out = run("show", "grave_violations", "-w", "row_id=gv-100", "-f", "json")
    [row] = json.loads(out.stdout)
    assert row["value"] == 376 and row["unit"] == "children" and row["restates"] is None


def test_csv_flag_is_an_alias():
    assert run("show", "periods", "--csv").stdout == run("show", "periods", "-f", "csv").stdout


def test_show_compares_values_as_the_columns_type():
    out = run("show", "grave_violations", "-w", "value=376", "-c", "row_id")
    assert out.exit_code == 0 and out.stdout.split() == ["row_id", "gv-025", "gv-100"]
    out = run("show", "listings", "-w", "action_plan=false", "-c", "row_id")
    assert out.exit_code == 0 and len(out.stdout.split()) > 1


def test_show_filter_matching_nothing_says_so_and_exits_1():
    out = run("show", "grave_violations", "-w", "region=mopti")
    assert out.exit_code == 1
    assert out.stdout == ""
    assert "no row has region='mopti'" in out.stderr
    assert "Did you mean 'Mopti'?" in out.stderr
    assert "region has 11 values: all, Ménaka, Mopti, Gao" in out.stderr


def test_show_filter_on_a_number_that_is_not_there():
    out = run("show", "grave_violations", "-w", "value=377")
    assert out.exit_code == 1
    assert "no row has value='377'" in out.stderr and "value has 105 values: 1, 2, 3" in out.stderr


def test_show_filter_names_the_other_conditions():
    out = run("show", "grave_violations", "-w", "violation=abduction", "-w", "region=Kidal")
    assert out.exit_code == 1
    assert "among the rows with violation='abduction'" in out.stderr
    assert "region has 6 values: all, Mopti, Timbuktu, Gao, Ménaka, Ségou" in out.stderr


def test_show_filter_of_the_wrong_type_is_a_usage_error():
    out = run("show", "grave_violations", "-w", "value=many")
    assert out.exit_code == 2 and "value holds a number; 'many' is not one" in out.stderr


def test_unknown_dataset_lists_only_public_datasets():
    import mali_caac

    out = run("show", "nope")
    assert out.exit_code == 2
    listed = out.stderr.split("the datasets are: ")[1].strip().split(", ")
    assert listed == mali_caac.list_datasets()
    with pytest.raises(mali_caac.DataError) as err:
        mali_caac.load("nope")
    assert str(err.value).split("the datasets are: ")[1].split(", ") == mali_caac.list_datasets()


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
    assert out.output.strip() == "Source: UN Secretary-General, report on children and armed conflict in Mali (S/2020/1105), paras 12, 14"
    out = run("cite", "--rows", "grave_violations:gv-999")
    assert out.exit_code == 2 and "gv-999" in out.output


def test_cite_never_prints_none():
    out = run("cite")
    assert out.exit_code == 0
    assert "None" not in out.stdout and "()" not in out.stdout
    assert len(out.stdout.splitlines()) == 14  # one reference per source
    assert "(fifth country report; symbol not confirmed).\n" in out.stdout


def test_cite_matches_source_ids_whatever_their_case():
    assert run("cite", "s/2020/1105").stdout == run("cite", "S/2020/1105").stdout
    out = run("cite", "S/2020/110")
    assert out.exit_code == 2 and "Did you mean 'S/2020/1105'?" in out.stderr


@pytest.mark.parametrize("fmt", ["text", "bibtex", "ris", "csl-json"])
def test_cite_formats(fmt):
    out = run("cite", "S/2020/1105", "--format", fmt)
    assert out.exit_code == 0 and "S/2020/1105" in out.stdout


def test_cite_rows_takes_no_format():
    out = run("cite", "--rows", "grave_violations:gv-001", "--format", "bibtex")
    assert out.exit_code == 2 and "--rows gives a source line as text" in out.output
