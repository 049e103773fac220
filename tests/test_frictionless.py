"""Frictionless, as an outside client, agrees with our loader on the package.

The library checks tables with one engine (mali_caac.schema); here the
reference implementation of the Data Package standard checks the same
descriptor, untrusted (paths must stay inside the package).
"""
import pytest

frictionless = pytest.importorskip("frictionless")

import mali_caac  # noqa: E402
import mali_caac.package  # noqa: E402
from tests.test_broken_data import edit  # noqa: E402


def frictionless_report(folder):
    return frictionless.Package(str(folder / "datapackage.json")).validate()


def test_frictionless_finds_the_package_valid():
    from tests.conftest import DATA

    report = frictionless_report(DATA)
    errors = [(t.name, e.message) for t in report.tasks for e in t.errors]
    assert report.valid, errors[:5]
    tables = {r.name for r in mali_caac.package.open_package().tables()}
    assert tables <= {t.name for t in report.tasks}


def test_frictionless_and_our_loader_agree_on_a_broken_table(data_copy):
    line = edit(data_copy, "grave_violations", "gv-027", "value", "many")
    report = frictionless_report(data_copy)
    bad = [e for t in report.tasks if t.name == "grave_violations" for e in t.errors]
    assert bad and bad[0].row_number == line and bad[0].field_name == "value"
    ours = mali_caac.validate(data_copy)
    assert "schema:grave_violations" in {c.id for c in ours.by_status("failed")}
