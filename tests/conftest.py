"""Test set-up: pygame (when a test uses it) starts headless, with no window and no sound."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# The tests speak English and never read or write the user's own settings and levels (a
# remembered language, say), whatever the machine's locale.
import tempfile  # noqa: E402

import pytest  # noqa: E402

os.environ.setdefault("MAZE_DATA_DIR", tempfile.mkdtemp(prefix="maze-tests-"))
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _english_again():
    """A test that chose another language does not leave it to the next one."""
    yield
    import maze.lang
    maze.lang.use("en")
