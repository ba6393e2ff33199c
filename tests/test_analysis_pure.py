"""Analysis is pure: events and setups in, figures and text out. No module of maze/analysis
imports storage or a front end, or a module that reads or writes files, or calls open(),
function-level imports included (read from the source, so the rule cannot silently decay)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ANALYSIS = Path(__file__).resolve().parent.parent / "maze" / "analysis"
FORBIDDEN = ("maze.storage", "maze.ui", "maze.host", "maze.room", "maze.web", "maze.cli",
             "maze.paths", "os", "pathlib", "tempfile", "shutil", "glob", "io", "sqlite3")


def _imports(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


@pytest.mark.parametrize("module", sorted(p.name for p in ANALYSIS.glob("*.py")))
def test_an_analysis_module_touches_no_file(module):
    tree = ast.parse((ANALYSIS / module).read_text(encoding="utf-8"))
    bad = [name for name in _imports(tree)
           if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)]
    assert bad == [], f"maze/analysis/{module} imports {bad}"
    opens = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
             and isinstance(node.func, ast.Name) and node.func.id == "open"]
    assert opens == [], f"maze/analysis/{module} calls open() on line(s) {opens}"
