"""The documentation says what the code does: README examples and commands, and the docstrings' examples."""
import doctest
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

import mali_caac
from mali_caac.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def blocks(kind, section=None):
    """The fenced code blocks of one kind (```pycon, ```sh ...) of the README or of one of its sections."""
    text = README
    if section:
        text = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"^```{kind}\n(.*?)^```", text, flags=re.M | re.S)


def run_doctests(text, name):
    test = doctest.DocTestParser().get_doctest(text, {}, name, "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_readme_python_examples_print_what_they_say():
    examples = blocks("pycon")
    assert len(examples) >= 2
    results = run_doctests("\n".join(examples), "README")
    assert results.attempted >= 8 and results.failed == 0


def test_readme_naive_sum_is_the_one_the_data_gives():
    """The README's 457 for Mopti is 376 children, 76 per cent and the refining rows' 2 and 3 boys."""
    mopti = mali_caac.select("grave_violations", violation="killing_and_maiming", region="Mopti")
    assert sorted(zip(mopti["unit"], mopti["value"])) == [("children", 376.0), ("percent", 76.0)]
    every = mali_caac.select("grave_violations", violation="killing_and_maiming", region="Mopti",
                             restatements=True, refinements=True)
    assert sorted(every["value"]) == [2.0, 3.0, 76.0, 376.0] and every["restates"].isna().all()
    assert "457.0" in README and "376 children + 76 per cent + 2 + 3" in README


@pytest.mark.parametrize("module", ["mali_caac", "mali_caac.aggregate", "mali_caac.citation"])
def test_docstring_examples(module):
    import importlib

    results = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert results.attempted > 0 and results.failed == 0


def test_help_points_to_the_helpers():
    for name in ("select", "breakdown", "by_coalition", "per_month", "violations_by", "cite"):
        assert f"``{name}``" in mali_caac.__doc__


def commands(block):
    """Each command of a ```sh block, as arguments after `mali-caac`, without the comment."""
    return [shlex.split(line, comments=True)[1:] for line in block.splitlines() if line.startswith("mali-caac ")]


# `build` runs every notebook, `site` builds the report and `make-derived` rewrites data files: each has its own tests.
WRITERS = {"build", "site", "make-derived"}


@pytest.mark.parametrize("args", [a for b in blocks("sh", "Command line") for a in commands(b)], ids=" ".join)
def test_readme_commands_run(args):
    if args[0] in WRITERS:
        pytest.skip(f"mali-caac {args[0]} writes files; tested in its own tests")
    out = CliRunner().invoke(main, args, env={"COLUMNS": "80"})
    assert out.exit_code == 0, out.output
    assert out.stdout and "None" not in out.stdout
    if args[0] in ("show", "datasets") and "--format" not in args:
        assert max(len(line) for line in out.output.splitlines()) <= 80


def transcript(block):
    """(arguments, expected output) for each `$ mali-caac ...` of a ```console block."""
    steps = re.split(r"^\$ mali-caac ", block, flags=re.M)[1:]
    return [(shlex.split(s.split("\n", 1)[0]), s.split("\n", 1)[1]) for s in steps]


@pytest.mark.parametrize("args,expected", [t for b in blocks("console", "Command line") for t in transcript(b)],
                         ids=lambda x: " ".join(x) if isinstance(x, list) else "")
def test_readme_transcript_is_what_the_commands_print(args, expected):
    out = CliRunner().invoke(main, args, env={"COLUMNS": "80"})
    assert out.output == expected
    assert out.exit_code == (1 if "no row has" in expected else 0)


ROOT = Path(__file__).resolve().parent.parent


def section(title):
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_teaching_section_describes_the_pack():
    """The count of exercises the README gives is the notebook's, and every file it names exists."""
    import nbformat

    text = section("Teach with it")
    nb = nbformat.read(ROOT / "notebooks" / "teaching" / "exercises.ipynb", as_version=4)
    count = sum(c.cell_type == "markdown" and c.source.startswith("## Exercise ") for c in nb.cells)
    words = {6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
    assert count >= 6 and f"{words[count]} exercises" in text
    paths = re.findall(r"`((?:notebooks|locales|tests)/[^`]+)`", text)
    assert len(paths) >= 4 and all((ROOT / p.rstrip("/")).exists() for p in paths), paths


def test_make_lab_installs_the_pinned_lab_extra():
    """`make lab` as the README says: the `lab` extra, with constraints.txt, which pins JupyterLab as
    environment.yml does; the set-up commands stay two."""
    import tomllib

    assert "make lab" in section("Set-up: two commands")
    assert re.findall(r"^make (\w+)", blocks("sh", "Set-up: two commands")[0], flags=re.M) == ["figures", "test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lab: ", makefile, flags=re.M)
    assert "-c constraints.txt -e '.[lab]'" in makefile and "jupyter lab --ServerApp.root_dir=" in makefile
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(d.startswith("jupyterlab") for d in extras["lab"])
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().split() if "==" in line)
    assert f"  - jupyterlab={pins['jupyterlab']}" in (ROOT / "environment.yml").read_text(encoding="utf-8")
