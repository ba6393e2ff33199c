"""Level files: every shipped level passes; each broken fixture gets its exact error lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maze.cli import main
from maze.core.board import Board
from maze.core.path import parse_path, touches_itself
from maze.core.rules import PRESETS
from maze.paths import builtin_levels_dir
from maze.storage.levels import LevelError, find_level, level_json, load_level, save_level

BAD = Path(__file__).parent / "fixtures" / "levels" / "bad"
SHIPPED = sorted(builtin_levels_dir().glob("*.json"))


def expected_lines() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (BAD / "EXPECTED.txt").read_text(encoding="utf-8").splitlines():
        name, _, _ = line.partition(": ")
        out.setdefault(name, []).append(line)
    return out


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_level_passes_maze_check(path, capsys):
    assert main(["check", str(path)]) == 0
    assert "OK" in capsys.readouterr().out


def test_shipped_levels_cover_every_preset_and_the_common_boards():
    levels = [load_level(p) for p in SHIPPED]
    assert {lvl.preset for lvl in levels} >= set(PRESETS)
    sizes = {(lvl.cols, lvl.rows) for lvl in levels}
    assert {(6, 9), (5, 8), (5, 5), (6, 8), (3, 16)} <= sizes
    assert any(lvl.curveball and lvl.curveball.after_crossings for lvl in levels)
    for lvl in levels:       # shipped paths are generated: they never touch themselves
        assert not touches_itself(Board(lvl.cols, lvl.rows, lvl.resolve_rules().diagonals),
                                  parse_path(lvl.path))


@pytest.mark.parametrize("name", sorted(expected_lines()))
def test_broken_level_gets_its_exact_error_lines(name, capsys, monkeypatch):
    monkeypatch.chdir(BAD)
    assert main(["check", name]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == expected_lines()[name]
    assert "Traceback" not in captured.err


def test_every_fixture_has_an_expectation():
    assert {p.name for p in BAD.glob("*.json")} == set(expected_lines())


def test_check_reports_each_file_and_fails_if_any_is_invalid(capsys):
    assert main(["check", str(SHIPPED[0]), str(BAD / "repeat.json")]) == 1
    out = capsys.readouterr()
    assert "OK" in out.out and "repeats" in out.err


def test_a_file_over_one_megabyte_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 1_000_001 + b"{}")
    with pytest.raises(LevelError, match="larger than 1 MB"):
        load_level(big)


def test_deep_nesting_is_a_clear_error(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(LevelError, match="nested too deeply"):
        load_level(deep)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LevelError, match="no such file"):
        load_level(tmp_path / "nope.json")
    with pytest.raises(LevelError, match="is a folder"):
        load_level(tmp_path)


def test_save_and_load_round_trip(tmp_path):
    level = load_level(builtin_levels_dir() / "curveball.json")
    saved = save_level(level, tmp_path / "copy.json")
    assert load_level(saved) == level
    assert json.loads(level_json(level))["path"] == list(level.path)


def test_find_level_by_name_or_path(tmp_path):
    assert find_level("classic") == builtin_levels_dir() / "classic.json"
    assert find_level("Quick demo 5x5").name == "quick-demo.json"
    with pytest.raises(LevelError, match="no such level"):
        find_level("no-such-level", user_dir=tmp_path)


def test_rules_precedence_preset_then_level_then_flags():
    level = load_level(builtin_levels_dir() / "strict.json")
    assert level.resolve_rules().retreat == "manual"                      # the preset
    assert level.resolve_rules(flags={"retreat": "auto"}).retreat == "auto"   # a flag wins


def test_every_built_in_levels_name_and_description_is_marked_for_translation():
    """The setup screen, the debrief and `maze levels` show a built-in level's name and
    description in the room's language: each must be in the catalogues' list."""
    import json

    from maze.core.level import BUILTIN_WORDS
    from maze.paths import builtin_levels_dir
    files = sorted(builtin_levels_dir().glob("*.json"))
    assert len(files) >= 7
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for field in ("name", "description"):
            if data.get(field):
                assert data[field] in BUILTIN_WORDS, f"{path.name}: {field} {data[field]!r}"
