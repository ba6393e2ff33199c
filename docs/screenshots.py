#!/usr/bin/env python3
"""Regenerate the screenshots shown in the README and the facilitator's guide: the main
screens at 1024x768 (the common projector) and 1920x1080, drawn by the program itself from a
simulated session, and checked on the way by the text layer's audit (a screen with cut,
overlapping or too-small text is not saved: the script says which and exits 1).

    python docs/screenshots.py            # writes docs/screenshots/*.png
    python docs/screenshots.py --out DIR  # elsewhere (the tests run it so)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")   # the same pixels as a window, off screen
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))      # the screens the tests draw

import pygame  # noqa: E402
from screens import ORDINARY, draw_audited, open_app, screens  # noqa: E402

SHOWN = {   # screen -> file name
    "setup": "setup", "board learning at the start": "board-start",
    "board execution": "board-execution", "help": "help", "menu": "menu",
    "debrief scores": "debrief-scores", "debrief board": "debrief-board", "replay": "replay",
}
SIZES = ((1024, 768), (1920, 1080))


def main(argv: list[str]) -> int:
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HERE / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MAZE_DATA_DIR"] = str(Path(tmp) / "data")
        for width, height in SIZES:
            app = open_app((width, height))
            for name, build in screens(Path(tmp) / f"{width}", ORDINARY):
                if name not in SHOWN:
                    continue
                audit = draw_audited(app, build(app))
                problems = audit.problems(height)
                target = out / f"{SHOWN[name]}-{width}x{height}.png"
                if problems:
                    failed += 1
                    print(f"{target.name}: not saved, {len(problems)} problems: {problems[0]}")
                    continue
                pygame.image.save(app.screen, str(target))
                print(target)
            pygame.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
