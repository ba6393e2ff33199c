"""The plan of the house, checked on the import graph read from the source (docs/architecture.md).

Every `import` in `maze/` counts, at the top of a module, inside a function or under
`TYPE_CHECKING`; relative imports are resolved. A failure names the importing module, the
line and the arrow it breaks, or the whole circle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "maze"

# The rooms of the package and the rooms each may import (besides itself). A module belongs to
# the room of its first name under `maze` (`maze.ui.scenes.board` is in `ui`); `maze` itself
# is the package's `__init__` (its version). Leaves import nothing of the package.
ALLOWED: dict[str, set[str]] = {
    "core":     set(),                      # the rules: nothing else, ever
    "lang":     set(),                      # the translations: a leaf every layer but core uses
    "maze":     set(),                      # the package's version
    "paths":    set(),                      # where shipped and user files live
    "storage":  {"core", "lang", "maze", "paths"},
    "analysis": {"core", "lang", "maze"},
    "sim":      {"core", "lang"},
    "reporting": {"core", "storage", "analysis", "lang"},   # the report from logs on disk
    "terminal": {"core", "storage", "lang"},  # what the commands print, escaped; UsageError
    "host":     {"core", "storage", "analysis", "sim", "lang"},
    "room":     {"core", "storage", "analysis", "sim", "host", "lang"},
    "web":      set(),                      # the phones' pages (files, served by the room)
    "ui":       {"core", "storage", "analysis", "host", "room", "sim", "terminal", "paths", "lang",
                 "reporting"},
    "wiring":   {"core", "storage", "analysis", "host", "room", "sim", "ui", "terminal", "paths",
                 "lang"},
    "cli":      {"core", "storage", "analysis", "host", "room", "sim", "wiring", "terminal",
                 "paths", "lang", "maze", "reporting"},
    "__main__": {"cli"},
}


@dataclass(frozen=True)
class Arrow:
    source: str          # the importing module
    target: str          # the module imported (a package when a name is taken from its __init__)
    line: int

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} (line {self.line})"


def modules(package: Path) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def arrows(package: Path) -> list[Arrow]:
    """Every import of a module of the package by another, wherever it is written."""
    known = modules(package)
    root = package.name
    found = []
    for name, path in known.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for target in _targets(node, here, known):
                if target.split(".")[0] == root and target != name:
                    found.append(Arrow(name, target, node.lineno))
    return list(dict.fromkeys(found))     # `from x import a, b` is one arrow


def _targets(node: ast.AST, here: str, known: dict[str, Path]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield _nearest(alias.name, known)
    elif isinstance(node, ast.ImportFrom):
        if node.level:                    # from . import x, from ..core import y
            base = here.split(".")[:len(here.split(".")) - (node.level - 1)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        for alias in node.names:          # `from maze.ui import theme` imports maze.ui.theme
            sub = f"{module}.{alias.name}"
            yield sub if sub in known else _nearest(module, known)


def _nearest(name: str, known: dict[str, Path]) -> str:
    while name not in known and "." in name:
        name = name.rpartition(".")[0]
    return name


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def broken_rules(found: list[Arrow], allowed: dict[str, set[str]]) -> list[str]:
    problems = []
    for arrow in found:
        source, target = room(arrow.source), room(arrow.target)
        if source == target:
            continue
        if source not in allowed:
            problems.append(f"{arrow}: the room {source!r} is not in the table (add it, and to "
                            "docs/architecture.md)")
        elif target not in allowed[source]:
            may = ", ".join(sorted(allowed[source])) or "nothing of the package"
            problems.append(f"{arrow}: {source} may import only {may}")
    return problems


def cycles(found: list[Arrow]) -> list[list[str]]:
    """The circles among modules, each as the path around it (first module repeated last)."""
    graph: dict[str, list[Arrow]] = {}
    for arrow in found:
        graph.setdefault(arrow.source, []).append(arrow)
    circles: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    state: dict[str, int] = {}          # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for arrow in graph.get(module, ()):
            nxt = arrow.target
            if state.get(nxt) == 1:
                circle = path[path.index(nxt):] + [nxt]
                if (key := frozenset(circle)) not in seen:
                    seen.add(key)
                    circles.append(circle)
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return circles


def described(circle: list[str], found: list[Arrow]) -> str:
    lines = {(a.source, a.target): a.line for a in found}
    return " -> ".join(f"{m} (line {lines[(m, circle[i + 1])]})" if i + 1 < len(circle) else m
                       for i, m in enumerate(circle))


def problems_of(package: Path, allowed: dict[str, set[str]] = ALLOWED) -> list[str]:
    found = arrows(package)
    return broken_rules(found, allowed) + [f"a circle: {described(c, found)}"
                                           for c in cycles(found)]


@pytest.fixture(scope="module")
def found() -> list[Arrow]:
    return arrows(PACKAGE)


def _fail_with(problems: list[str]) -> None:
    assert not problems, "the import plan is broken (docs/architecture.md):\n  " + "\n  ".join(
        problems)


@pytest.mark.parametrize("layer", ["core", "storage", "analysis"])
def test_the_inner_layers_import_only_what_is_below_them(found, layer):
    _fail_with([p for p in broken_rules(found, ALLOWED) if p.startswith(f"maze.{layer}")])


def test_the_front_end_never_imports_the_command_line(found):
    front = [a for a in found if room(a.source) == "ui" or _uses_pygame(a.source)]
    _fail_with([f"{a}: the front end imports the command line" for a in front
                if room(a.target) == "cli"])


def _uses_pygame(module: str) -> bool:
    path = modules(PACKAGE)[module]
    return any(isinstance(n, ast.Import | ast.ImportFrom)
               and any(a.name.split(".")[0] == "pygame" for a in n.names)
               or (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "pygame")
               for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


# In maze/ui/scenes: the modules that only draw (any scene may use them) and the one scene that
# builds on another. Every other scene names where it goes by a place (maze.ui.screens), and
# the navigator (maze.ui.navigator) builds it.
DRAWING = {"maze.ui.scenes.render", "maze.ui.scenes.charts", "maze.ui.scenes.room_card"}
EXTENDS = {("maze.ui.scenes.demo", "maze.ui.scenes.board")}    # the demo is a board, played


def scene_problems(found: list[Arrow]) -> list[str]:
    def scene(module: str) -> bool:
        return module.startswith("maze.ui.scenes.")
    return [f"{a}: a scene imports another scene (hand back a place instead)" for a in found
            if scene(a.source) and scene(a.target) and (a.source, a.target) not in EXTENDS
            and (a.target not in DRAWING or a.source in DRAWING)]


def test_no_scene_imports_another_scene(found):
    _fail_with(scene_problems(found))


def test_a_planted_scene_to_scene_import_is_caught():
    planted = [Arrow("maze.ui.scenes.debrief", "maze.ui.scenes.replay", 114),
               Arrow("maze.ui.scenes.debrief", "maze.ui.scenes.render", 29),
               Arrow("maze.ui.scenes.render", "maze.ui.scenes.board", 210)]
    assert scene_problems(planted) == [
        "maze.ui.scenes.debrief -> maze.ui.scenes.replay (line 114): a scene imports another "
        "scene (hand back a place instead)",
        "maze.ui.scenes.render -> maze.ui.scenes.board (line 210): a scene imports another "
        "scene (hand back a place instead)"]


def test_every_room_imports_only_the_rooms_its_row_allows(found):
    _fail_with(broken_rules(found, ALLOWED))


def test_no_two_modules_import_each_other_directly_or_around_a_circle(found):
    _fail_with([f"a circle: {described(c, found)}" for c in cycles(found)])


def test_the_table_names_every_room_of_the_package():
    rooms = {room(m) for m in modules(PACKAGE)}
    assert rooms - set(ALLOWED) == set(), "a room the import table does not know"


# ------------------------------------------------------------------ the test of the test
def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "maze"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


GOOD = {
    "__init__.py": "",
    "core/__init__.py": "",
    "core/board.py": "from maze.core import rules\n",
    "core/rules.py": "X = 1\n",
    "storage/__init__.py": "",
    "storage/log.py": "from ..core.board import X\n",
    "ui/__init__.py": "",
    "ui/app.py": "import pygame\nfrom maze.storage import log\n",
}


def test_a_clean_tree_passes(tmp_path):
    assert problems_of(_tree(tmp_path, GOOD)) == []


def test_a_planted_upward_import_is_named_with_its_line(tmp_path):
    bad = dict(GOOD)
    bad["core/rules.py"] = "X = 1\n\n\ndef f():\n    from maze.storage.log import Y\n"
    assert problems_of(_tree(tmp_path, bad)) == [
        "maze.core.rules -> maze.storage.log (line 5): core may import only nothing of the "
        "package",
        "a circle: maze.core.board (line 1) -> maze.core.rules (line 5) -> maze.storage.log "
        "(line 1) -> maze.core.board"]


def test_a_relative_import_of_the_command_line_from_the_front_end_is_caught(tmp_path):
    bad = dict(GOOD, **{"cli.py": "X = 1\n", "ui/launch.py": "from .. import cli\n"})
    problems = problems_of(_tree(tmp_path, bad))
    assert problems == ["maze.ui.launch -> maze.cli (line 1): ui may import only analysis, core, "
                        "host, lang, paths, reporting, room, sim, storage, terminal"]


def test_two_scenes_importing_each_other_make_a_circle(tmp_path):
    bad = dict(GOOD, **{"ui/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                   "    from maze.ui.b import B\n",
                        "ui/b.py": "def f():\n    import maze.ui.a\n"})
    assert problems_of(_tree(tmp_path, bad)) == [
        "a circle: maze.ui.a (line 3) -> maze.ui.b (line 2) -> maze.ui.a"]
