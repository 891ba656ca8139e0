"""The floors of docs/architecture.md hold in the code (issue 17): every module of the package
is on one floor, imports nothing from a higher floor (lazy imports inside functions included)
and takes part in no import cycle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "billdiff"
DOC = ROOT / "docs" / "architecture.md"


def floors() -> dict[str, int]:
    """Module (relative to the package, "" for the package itself) -> its floor, as the
    document's table lists them."""
    found: dict[str, int] = {}
    for line in DOC.read_text("utf-8").splitlines():
        row = re.match(r"\|\s*(\d+) [^|]*\|([^|]*)\|", line)
        if row is None:
            continue
        for name in re.findall(r"`([\w.]+)`", row.group(2)):
            found["" if name == "billdiff" else name] = int(row.group(1))
    return found


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _relative(name: str) -> str:
    """``billdiff.readers.text`` -> ``readers.text``; the package itself -> ""."""
    return name.removeprefix("billdiff").removeprefix(".")


def imports(path: Path) -> set[str]:
    """The package's modules that a module imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # "from billdiff import eids" imports the module eids, not the package's facade
            names = []
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.append(full if _is_module(_relative(full)) else node.module)
        else:
            continue
        for name in names:
            if name == "billdiff" or name.startswith("billdiff."):
                found.add(_relative(name))
    return found


GRAPH = {name: imports(path) - {name} for name, path in modules().items()}
FLOORS = floors()


def test_every_module_is_on_a_floor_and_every_listed_module_exists() -> None:
    assert sorted(set(GRAPH) - set(FLOORS)) == []
    assert sorted(set(FLOORS) - set(GRAPH)) == []


@pytest.mark.parametrize("module", sorted(GRAPH), ids=lambda m: m or "billdiff")
def test_no_module_imports_a_higher_floor(module: str) -> None:
    higher = sorted(d for d in GRAPH[module] if FLOORS.get(d, 0) > FLOORS.get(module, 0))
    assert higher == [], f"{module or 'billdiff'} (floor {FLOORS.get(module)}) imports {higher}"


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH.get(node, ())):
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                raise AssertionError("import cycle: " + " -> ".join(m or "billdiff" for m in cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(GRAPH):
        if node not in state:
            visit(node)


def test_the_check_sees_a_lazy_import_of_a_higher_floor(tmp_path: Path) -> None:
    """The rule can fail: a function-level import is found like a top-level one."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from billdiff.render import html\n    import billdiff.cli\n")
    assert imports(module) == {"render.html", "cli"}
