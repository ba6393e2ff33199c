"""A session played in French end to end, as a room would: the installed `maze` in a real X
window with `--lang fr`, keys pressed with xdotool, the board and the debrief read back by OCR,
the report written in French; and the log byte for byte the log of the same session played in
English, apart from what a second session cannot share (its id, its start time, and the times
the keys were pressed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_e2e_xvfb import LEVEL, events_in, wait_for
from xvfb import Window, display, require_tools

import maze.lang as lang

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

# Words a person reads on the board and the debrief; their French comes from the catalogue.
BOARD_WORDS = ("Execution",)
DEBRIEF_WORDS = ("Learning", "Execution", "Switching", "Report")


def require_ocr(language: str) -> None:
    have = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout \
        if shutil.which("tesseract") else ""
    if language not in have.split():
        message = (f"needs tesseract with {language} "
                   f"(apt-get install -y tesseract-ocr tesseract-ocr-{language})")
        if __import__("os").environ.get("MAZE_REQUIRE_XVFB"):
            pytest.fail(message)
        pytest.skip(message)


def read_screen(shot: Path, language: str) -> str:
    """What a person reads on the screenshot (OCR, lower case, one space between words)."""
    out = subprocess.run(["tesseract", str(shot), "-", "-l", language, "--psm", "11"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(out.lower().split())


def play(tmp_path: Path, code: str) -> tuple[Path, Path, Path]:
    """The same session, key for key, in ``code``: the log, a board shot, a debrief shot."""
    maze = shutil.which("maze")
    assert maze, "the maze command is not installed (pip install -e .)"
    level = tmp_path / "e2e.json"
    level.write_text(json.dumps(LEVEL))
    logs = tmp_path / f"logs-{code}"
    with display("1024x768") as name:
        window = Window([maze, "play", str(level), "--players", "Ana,Ben", "--team", "Lions", "--log-dir",
                         str(logs),
                         "--window", "1000x740", "--no-sound", "--seed", "7", "--lang", code],
                        name, cwd=tmp_path)
        try:
            assert wait_for(lambda: len(events_in(logs)) >= 2)
            window.keys("Left", "Up", "q")           # column B, enter B1, up-left: A2 beeps
            assert wait_for(lambda: any("turn Ben" in e for e in events_in(logs)))
            window.keys("Up", "Up", "e", "Up")       # Ben: B1 B2 C3 C4 crosses
            assert wait_for(lambda: any("path_found" in e for e in events_in(logs)))
            board = window.screenshot(f"e2e-{code}-board-1024x768.png")
            window.keys("ctrl+q", "Return")
            assert wait_for(lambda: any("ended" in e for e in events_in(logs)))
            # The debrief is drawn once the log says ended; a screenshot before the next frame
            # would show the board: wait until the screen reads as the debrief.
            debrief = window.screenshot(f"e2e-{code}-debrief-1024x768.png")
            ocr = "tesseract" if shutil.which("tesseract") else None
            if ocr:
                wanted = lang.catalogue(code).gettext("Switching").lower()
                for _attempt in range(20):
                    if wanted in read_screen(debrief, {"fr": "fra", "en": "eng"}[code]):
                        break
                    debrief = window.screenshot(f"e2e-{code}-debrief-1024x768.png")
        finally:
            window.close()
    return next(logs.glob("*.jsonl")), board, debrief


# What two plays of one session cannot share: the header's id and start time, and when each key
# was pressed (an event's time, and the pause before a step). Everything else is compared as bytes.
_HEADER_VARIES = re.compile(rb'"(session_id|started_at)": "[^"]*"')
_TIMES = re.compile(rb'"(t|dwell)": [0-9.e+-]+')


def comparable(log: Path) -> list[bytes]:
    lines = log.read_bytes().splitlines()
    return [_HEADER_VARIES.sub(rb'"\1": "*"', lines[0])] + [_TIMES.sub(rb'"\1": *', line)
                                                           for line in lines[1:]]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        text = re.sub(r"[ \t\r\n]+", " ", data).strip(" ")   # a no-break space stays one
        if not self._skip and text:
            self.nodes.append(text)


def text_nodes(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.nodes


def test_a_session_played_in_french_reads_french_and_logs_as_in_english(tmp_path):
    require_tools()
    require_ocr("fra")
    require_ocr("eng")
    en_log, en_board, en_debrief = play(tmp_path, "en")
    fr_log, fr_board, fr_debrief = play(tmp_path, "fr")

    # The log is language-free: the same bytes as the English session's.
    assert comparable(fr_log) == comparable(en_log)

    # The room reads French: each word the English screens show (read back by OCR, so the
    # check can see it) is on the French screens in French, and not in English.
    french = lang.catalogue("fr")
    for words, en_shot, fr_shot in ((BOARD_WORDS, en_board, fr_board),
                                    (DEBRIEF_WORDS, en_debrief, fr_debrief)):
        seen_en, seen_fr = read_screen(en_shot, "eng"), read_screen(fr_shot, "fra")
        for word in words:
            translated = french.gettext(word)
            assert translated != word, f"{word!r} has no French translation"
            assert word.lower() in seen_en, f"OCR did not read {word!r} on {en_shot}: {seen_en}"
            assert translated.lower() in seen_fr, f"{translated!r} not on {fr_shot}: {seen_fr}"
            assert not re.search(rf"\b{word.lower()}\b", seen_fr), \
                f"English {word!r} left on {fr_shot}: {seen_fr}"

    # The report in French: every phrase of the catalogue that the English report shows is
    # there in French instead.
    maze = shutil.which("maze")
    reports = {}
    for code in ("en", "fr"):
        out = tmp_path / f"report-{code}.html"
        subprocess.run([maze, "report", str(fr_log), "--single", "-o", str(out), "--lang", code],
                       check=True, capture_output=True, cwd=tmp_path)
        reports[code] = out.read_text(encoding="utf-8")
    assert '<html lang="fr"' in reports["fr"]
    english_nodes = set(text_nodes(reports["en"]))
    french_nodes = set(text_nodes(reports["fr"]))
    header = json.loads(fr_log.read_text(encoding="utf-8").splitlines()[0])
    data = {header["team"], header["level"]["name"], *header["roster"]}   # names, as typed
    phrases = [m for m in english_nodes                # whole catalogue phrases shown
               if french.gettext(m) != m and len(m) > 3 and m not in data]
    assert len(phrases) >= 5, f"too few catalogue phrases found in the report: {phrases}"
    for phrase in phrases:
        assert french.gettext(phrase) in french_nodes, f"{phrase!r} is not in French"
        assert phrase not in french_nodes, f"{phrase!r} left in English"
