"""The installed program finds its levels and assets from any folder, without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    return next(out.glob("maze-*.whl"))


def test_the_wheel_carries_levels_assets_and_the_command(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped_levels = {p.name for p in (ROOT / "levels").glob("*.json")}
    assert {n.rsplit("/", 1)[1] for n in names if n.startswith("maze/_data/levels/")} == shipped_levels
    assert "maze/_data/assets/fonts/DejaVuSans.ttf" in names
    # Room play's pages, script and styles are served from the package (no CDN).
    assert {f"maze/web/{n}" for n in ("player.html", "player.js", "player.css", "remote.html",
                                      "remote.js")} <= set(names)
    # The translations: every language's compiled catalogue (the program reads only these).
    assert {f"maze/lang/locale/{code}/LC_MESSAGES/maze.mo"
            for code in ("de", "fr", "es", "pt_BR", "nl")} <= set(names)
    entry = [n for n in names if n.endswith("entry_points.txt")]
    assert entry and "maze = maze.cli:main" in zipfile.ZipFile(wheel).read(entry[0]).decode()


def test_a_non_editable_install_runs_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target), MAZE_DATA_DIR=str(tmp_path / "data"))
    listed = subprocess.run([sys.executable, "-m", "maze", "levels"], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert "classic" in listed.stdout and "built-in" in listed.stdout
    where = subprocess.run([sys.executable, "-c", "import maze.paths as p; "
                            "print(p.builtin_levels_dir()); print(p.assets_dir())"],
                           cwd=elsewhere, env=env, capture_output=True, text=True)
    for line in where.stdout.split():
        assert line.startswith(str(target)), where.stdout     # not the source tree
    checked = subprocess.run([sys.executable, "-m", "maze", "check", "classic"], cwd=elsewhere,
                            env=env, capture_output=True, text=True)
    assert checked.returncode == 0 and "OK" in checked.stdout, checked.stderr
    german = subprocess.run([sys.executable, "-m", "maze", "levels", "--lang", "de"],
                            cwd=elsewhere, env=env, capture_output=True, text=True)
    assert german.returncode == 0 and "Diagonalen" in german.stdout, german.stdout + german.stderr
