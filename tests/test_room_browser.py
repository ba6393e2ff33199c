"""Room play in a real browser: two phones (Debian's Chromium at a phone's viewport, each its
own profile, driven through the system's chromedriver: nothing is downloaded) join as Ana and
Ben and play a whole session with taps against a headless board; the log is checked event by
event. Screenshots (your turn, not your turn, after a beep) go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import start_chromium
from helpers import compact_all, make_setup
from room_helpers import LiveRoom, wait_for

from maze.storage.log import read_log

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def phone_browser():
    driver, _profile = start_chromium(390, 844, prefix="maze-phone-")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    return driver


def until(driver, condition, timeout: float = 15.0):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(condition)


def status(driver) -> str:
    from selenium.webdriver.common.by import By
    return driver.find_element(By.ID, "status").text


def tap(driver, direction: str) -> None:
    from selenium.webdriver.common.by import By
    button = until(driver, lambda d: (b := d.find_element(
        By.CSS_SELECTOR, f'#pad button[data-dir="{direction}"]')).is_enabled() and b)
    button.click()


def column(driver, letter: str) -> None:
    from selenium.webdriver.common.by import By
    until(driver, lambda d: any(b.text == letter and b.is_displayed()
                                for b in d.find_elements(By.CSS_SELECTOR, "#columns button")))
    next(b for b in driver.find_elements(By.CSS_SELECTOR, "#columns button")
         if b.text == letter).click()


def test_two_phones_play_a_whole_session_in_a_real_browser(tmp_path):
    from selenium.webdriver.common.by import By
    room = LiveRoom(tmp_path, make_setup(roster=("Ana", "Ben"), flags={"retreat_pace": 0.05}))
    drivers = []
    try:
        ana, ben = phone_browser(), phone_browser()
        drivers += [ana, ben]
        url = room.server.join_url
        for driver, name in ((ana, "Ana"), (ben, "Ben")):
            driver.get(url)
            until(driver, lambda d, n=name: any(b.text == n for b in d.find_elements(
                By.CSS_SELECTOR, "#names button")))
            next(b for b in driver.find_elements(By.CSS_SELECTOR, "#names button")
                 if b.text == name).click()
            until(driver, lambda d, n=name: d.find_element(By.ID, "who").text == f"You are {n}")
        ARTIFACTS.mkdir(exist_ok=True)
        until(ana, lambda d: status(d) == "Your turn!")
        until(ben, lambda d: "Ana is at the board" in status(d))
        ana.save_screenshot(str(ARTIFACTS / "room-phone-your-turn.png"))
        ben.save_screenshot(str(ARTIFACTS / "room-phone-not-your-turn.png"))
        assert not ben.find_element(By.CSS_SELECTOR, '#pad button[data-dir="up"]').is_enabled()

        def logged() -> list[str]:
            return compact_all(room.read(lambda h: list(h.session.events)))

        def steps_done(n: int) -> None:
            wait_for(lambda: sum(" step " in x for x in logged()) >= n, timeout=15)

        # Ana steps on C1 (the lit column): a beep. Her pad flashes.
        tap(ana, "up")
        until(ana, lambda d: "beep" in d.find_element(By.ID, "pad").get_attribute("class"),
              timeout=5)
        ana.save_screenshot(str(ARTIFACTS / "room-phone-after-beep.png"))
        until(ana, lambda d: not d.find_element(By.ID, "columns").is_displayed())
        steps_done(1)
        # Ben: column B, then B1 B2 C3 C4: the path is found.
        until(ben, lambda d: status(d) == "Your turn!")
        column(ben, "B")
        wait_for(lambda: room.read(lambda h: h.cursor) == 1)
        for n, direction in enumerate(("up", "up", "up_right", "up"), start=2):
            tap(ben, direction)
            steps_done(n)
        # Execution: Ana then Ben, from the lit column B.
        for driver, first in ((ana, 6), (ben, 10)):
            until(driver, lambda d: status(d) == "Your turn!")
            for n, direction in enumerate(("up", "up", "up_right", "up"), start=first):
                tap(driver, direction)
                steps_done(n)
        until(ana, lambda d: "over" in status(d))
        for driver in (ana, ben):
            severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            assert severe == []
    finally:
        for driver in drivers:
            driver.quit()
        room.close()
    events = read_log(room.host.log.path).events
    assert [x.split(" ", 1)[1] for x in compact_all(events)] == [
        "phase None>learning session_started", "turn Ana",
        "step Ana C1 new_beep", "beep C1", "retreat_started 1", "retreat_step off",
        "retreat_done", "turn Ben",
        "step Ben B1 new_safe", "step Ben B2 new_safe", "step Ben C3 new_safe",
        "step Ben C4 new_safe", "crossing Ben learning", "phase learning>execution path_found",
        "turn Ana",
        "step Ana B1 known_safe", "step Ana B2 known_safe", "step Ana C3 known_safe",
        "step Ana C4 known_safe", "crossing Ana execution", "turn Ben",
        "step Ben B1 known_safe", "step Ben B2 known_safe", "step Ben C3 known_safe",
        "step Ben C4 known_safe", "crossing Ben execution", "ended completed"]
    lines = room.host.log.path.read_text().splitlines()
    assert sum('"source": "phone"' in line for line in lines) == 13
