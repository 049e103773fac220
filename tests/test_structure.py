"""The library's rooms: no import circle, no module too long to find one's way in, and the data layer apart
from plotting, the build and the command line (issue 14, item 11).

The import graph is read from the source with ``ast``, every ``import`` counted, at module level or inside a
function (a function-level import is a dependency all the same, only a later one). Relative imports are
resolved; ``from .x import name`` counts as an import of the submodule ``x`` where there is one, else of the
package; importing ``a.b.c`` from outside the package ``a.b`` runs ``a.b``'s ``__init__`` first, so it counts as
an import of ``a.b`` too.
"""
import ast
from pathlib import Path

import pytest

LIBRARY = Path(__file__).resolve().parent.parent / "mali_caac"
MAX_LINES = 700

DATA_LAYER = ("package", "loader", "schema", "domain", "model", "reconcile", "aggregate", "validation", "hierarchy",
              "errors", "geography", "external", "register", "references", "source_texts", "printed", "release",
              "diff", "citation", "display")
"""Modules that read, check and sum the data: they work without the plotting stack, the build or the command line."""

FORBIDDEN_TO_DATA = ("mali_caac.figures", "mali_caac.charts", "mali_caac.style", "mali_caac.colours",
                     "mali_caac.figure_checks", "mali_caac.notebook", "mali_caac.recipes", "mali_caac.build",
                     "mali_caac.cli", "matplotlib", "seaborn")


def _modules():
    """{dotted name: (path, is a package)} of every module of the library."""
    found = {}
    for path in sorted(LIBRARY.rglob("*.py")):
        parts = list(path.relative_to(LIBRARY.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def _imported(module, package, node):
    """The dotted names an Import or ImportFrom node imports, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = module.split(".") if package else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        stem = ".".join(base + ([node.module] if node.module else []))
    else:
        stem = node.module
    return [f"{stem}.{alias.name}" for alias in node.names] + [stem]


def import_graph():
    """({module: set of library modules it imports}, {module: set of outside top-level packages it imports})."""
    modules = _modules()
    inside, outside = {m: set() for m in modules}, {m: set() for m in modules}
    for module, (path, package) in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            names = _imported(module, package, node)
            if isinstance(node, ast.ImportFrom):  # `from a import b`: the submodule a.b if there is one, else a
                subs = [n for n in names[:-1] if n in modules]
                names = subs + ([names[-1]] if len(subs) < len(names) - 1 else [])
            for name in names:
                if name.split(".")[0] != "mali_caac":
                    outside[module].add(name.split(".")[0])
                    continue
                while name not in modules and "." in name:
                    name = name.rsplit(".", 1)[0]
                parts = name.split(".")
                for i in range(2, len(parts)):  # the packages on the way, entered from outside them
                    parent = ".".join(parts[:i])
                    if not (module == parent or module.startswith(parent + ".")):
                        inside[module].add(parent)
                if name != module:
                    inside[module].add(name)
    return inside, outside


def cycles(graph):
    """The strongly connected components of more than one module (each holds at least one import circle),
    each with one circle through it, in order."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [(comp, _circle(graph, comp)) for comp in found]


def _circle(graph, comp):
    """One import circle within ``comp``: a shortest path from its first module back to it."""
    start, members = comp[0], set(comp)
    paths, seen = [[start]], {start}
    while paths:
        path = paths.pop(0)
        for w in sorted(graph[path[-1]] & members):
            if w == start:
                return path + [start]
            if w not in seen:
                seen.add(w)
                paths.append(path + [w])
    return comp


def test_no_import_circle():
    found = cycles(import_graph()[0])
    assert not found, f"{len(found)} group(s) of modules import each other:\n" + "\n".join(
        f"  {' -> '.join(circle)}  (group: {', '.join(comp)})" for comp, circle in found)


@pytest.mark.parametrize("path", sorted(p for p, _ in _modules().values()), ids=lambda p: str(p.relative_to(LIBRARY)))
def test_no_module_too_long(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, (f"{path.relative_to(LIBRARY.parent)} has {lines} lines (at most {MAX_LINES}): "
                                "split it by job into modules a newcomer can name")


def test_data_layer_never_imports_plotting_build_or_cli():
    inside, outside = import_graph()
    bad = []
    for name in DATA_LAYER:
        module = f"mali_caac.{name}"
        if module not in inside:
            continue
        reach, todo = set(), [module]  # what it imports, and what those import, and so on
        while todo:
            m = todo.pop()
            for w in inside[m] - reach:
                reach.add(w)
                todo.append(w)
        imports = reach | {o for m in reach | {module} for o in outside[m]}
        bad += [f"{module} -> {f}" for f in sorted(imports) for forbidden in FORBIDDEN_TO_DATA
                if f == forbidden or f.startswith(forbidden + ".")]
    assert not bad, "the data layer reaches plotting, the build or the command line:\n  " + "\n  ".join(bad)


def test_the_graph_sees_function_level_and_relative_imports():
    """The graph is read as Python runs it: a circle closed by a function-level import is found."""
    inside, _ = import_graph()
    assert "mali_caac.style" in inside["mali_caac.parameters"]  # `from . import style`
    assert "mali_caac.geography" in inside["mali_caac.charts"]  # inside a function (map_regions)
    assert "mali_caac.figures" in inside["mali_caac.charts"]  # a package entered from outside runs its __init__
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [(["a", "b", "c"], ["a", "b", "c", "a"])]
