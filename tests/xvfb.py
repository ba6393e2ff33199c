"""A real X display for end-to-end tests: Xvfb started by the test, xdotool to type."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
TOOLS = ("Xvfb", "xdotool", "import")


def require_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        message = (f"needs {', '.join(missing)} (apt-get install -y xvfb xdotool imagemagick)")
        if os.environ.get("MAZE_REQUIRE_XVFB"):
            pytest.fail(message)       # CI installs them: a missing tool is a failure there
        pytest.skip(message)


@contextmanager
def display(size: str = "1024x768") -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    try:
        yield ":" + number.decode().strip()
    finally:
        server.kill()
        server.wait()


class Window:
    def __init__(self, command: list[str], display_name: str, cwd: Path) -> None:
        self.env = dict(os.environ, DISPLAY=display_name, SDL_AUDIODRIVER="dummy")
        self.env.pop("SDL_VIDEODRIVER", None)
        self.process = subprocess.Popen(command, env=self.env, cwd=cwd,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.id = self._find()

    def _find(self) -> str:
        # A loaded machine (a CI run beside other work) can take many seconds to map a window.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            found = subprocess.run(["xdotool", "search", "--pid", str(self.process.pid)],
                                   env=self.env, capture_output=True, text=True).stdout.split()
            if found:
                return found[-1]
            time.sleep(0.1)
        running = self.process.poll() is None
        out, err = self.process.communicate(timeout=5) if not running else (b"", b"")
        state = "still running, no window mapped in 60 s" if running else \
            f"exited with {self.process.returncode}: {err.decode(errors='replace')}"
        raise AssertionError(f"no window appeared ({state})")

    def keys(self, *names: str, delay_ms: int = 150) -> None:
        subprocess.run(["xdotool", "windowfocus", "--sync", self.id], env=self.env,
                       capture_output=True)
        subprocess.run(["xdotool", "key", "--delay", str(delay_ms), *names], env=self.env,
                       check=True)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        return path

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
