"""The package's shape, checked: no import cycles, and no module importing a layer above it.

Layers, bottom to top (a module may import its own layer or any below it):
  0 leaves: errors, digits, text, console, logs, progress
  1 the pure calendar and settings: dates, patro, config
  2 the day vocabulary (dates and patro joined; never imports output): days; stats (summaries);
    machinery: output, http, scrape, jsonbody, freshcache, provenance
  3 remote sources and their logic: fx, gold, news; spreadsheets and streams: sheets
  4 the command line: cli
Every import counts, including those inside functions (a lazy import that goes upward is
still an upward dependency); imports under ``if TYPE_CHECKING:`` do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "npkit"

LAYERS = {
    "errors": 0, "digits": 0, "text": 0, "tuples": 0, "console": 0, "logs": 0, "progress": 0,
    "dates": 1, "patro": 1, "config": 1,
    "days": 2,
    "output": 2, "http": 2, "transport": 2, "scrape": 2, "freshcache": 2,
    "provenance": 2, "stats": 2,
    "fx": 3, "gold": 3, "news": 3, "sheets": 3,
    "num": 2, "land": 2,
    "cli": 4, "__main__": 4,
}  # fmt: skip


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports_of(path: Path) -> set[str]:
    """The npkit modules ``path`` imports (``from npkit import x`` counts as ``npkit.x``)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    guarded = [
        node for node in ast.walk(tree) if isinstance(node, ast.If) and _is_type_checking(node)
    ]
    skipped = {id(n) for node in guarded for n in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("npkit"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("npkit"):
            # `from npkit.cli import fast` depends on the module npkit.cli.fast, not on the
            # package's __init__; `from npkit.errors import UsageError` on npkit.errors.
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULE_NAMES else node.module)
    return {name for name in found if name in MODULE_NAMES} - {module_name(path)}


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
MODULE_NAMES = frozenset(MODULES)
GRAPH = {name: imports_of(path) for name, path in MODULES.items()}


def layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_every_module_has_a_layer() -> None:
    assert [n for n in MODULES if n != "npkit" and layer(n) is None] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_nothing_imports_upward(name: str) -> None:
    own = layer(name)
    if own is None:  # the package face: lazy re-exports only
        return
    upward = sorted(dep for dep in GRAPH[name] if (layer(dep) or 0) > own)
    assert upward == [], f"{name} (layer {own}) imports {upward}"


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for dep in sorted(GRAPH[name]):
            if state.get(dep) == 1:
                cycles.append([*path[path.index(dep) :], dep] if dep in path else [name, dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_core_never_imports_click() -> None:
    offenders = []
    for name, path in MODULES.items():
        if layer(name) == 4:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        if any(m == "click" or m.startswith("click.") for m in names):
            offenders.append(name)
    assert offenders == []
