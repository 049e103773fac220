"""The documented way to correct data (data/CURATION.md, "Correcting the data"), walked on a copy."""
from click.testing import CliRunner

from mali_caac.cli import main
from tests.test_broken_data import edit


def run(data, *args):
    return CliRunner().invoke(main, ["--data", str(data), *args])


def test_edit_rehash_validate_on_a_copy(data_copy):
    # 1. edit: MNLA's 132 children become 133, without touching the hashes
    edit(data_copy, "grave_violations", "gv-027", "value", "133", rehash=False)
    refused = run(data_copy, "show", "grave_violations")
    assert refused.exit_code == 2 and "mali-caac rehash" in refused.output and "does not match" in refused.output

    # 2. rehash names the changed file and says what comes next
    res = run(data_copy, "rehash")
    assert res.exit_code == 0 and "grave_violations" in res.output and "mali-caac validate" in res.output

    # 3. validate refuses the half-done correction: the quote prints 132 and CMA's 202 no longer adds up
    res = run(data_copy, "validate")
    assert res.exit_code == 1
    assert "sum:grave_violations:gv-026:perpetrator" in res.output or "gv-026" in res.output
    assert "quote:grave_violations:gv-027" in res.output or "printed '132'" in res.output

    # undo the edit, rehash, and the package validates again
    edit(data_copy, "grave_violations", "gv-027", "value", "132", rehash=False)
    assert run(data_copy, "rehash").exit_code == 0
    res = run(data_copy, "validate")
    assert res.exit_code == 0 and res.output.startswith("mali-caac validate: OK")


def test_rehash_is_listed_in_help():
    res = CliRunner().invoke(main, ["--help"])
    assert "rehash" in res.output
