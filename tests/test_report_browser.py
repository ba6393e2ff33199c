"""The report in a real browser: headless Chromium (Debian's, driven through its own
chromedriver so nothing is downloaded) loads it with no console errors, the SVG charts have a
size, and it prints to A4 and Letter with one page break per session. Screenshots and PDFs
are kept in test-artifacts/ for a human to look at."""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from test_report import logs, simulated  # noqa: F401  (the shared folder of logs)

from maze.cli import main

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser():
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).exists()]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium")
    if missing:
        message = f"needs {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get("MAZE_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="maze-chromium-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                "--window-size=1200,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_the_report_in_chromium(browser, logs, tmp_path):  # noqa: F811
    report = tmp_path / "report.html"
    assert main(["report", str(logs), "-o", str(report)]) == 0
    browser.get(report.as_uri())
    assert browser.title.startswith("maze report")
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    sizes = browser.execute_script(
        "return Array.from(document.querySelectorAll('svg')).map(s => {"
        "const r = s.getBoundingClientRect(); return [s.getAttribute('class'), r.width, r.height]; })")
    assert {kind for kind, _, _ in sizes} == {"heatmap", "timeline"}
    assert all(w > 50 and h > 50 for _, w, h in sizes)
    sessions = browser.execute_script("return document.querySelectorAll('section.session').length")
    assert sessions == 6
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "report-chromium.png"))
    from selenium.webdriver.common.print_page_options import PrintOptions
    for paper, (width, height) in {"a4": (21.0, 29.7), "letter": (21.59, 27.94)}.items():
        options = PrintOptions()
        options.page_width, options.page_height = width, height
        pdf = base64.b64decode(browser.print_page(options))
        assert pdf.startswith(b"%PDF")
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        assert pages >= sessions + 1          # the summary, then each session from a new page
        (ARTIFACTS / f"report-{paper}.pdf").write_bytes(pdf)


def test_the_answer_card_prints_on_one_page(browser, tmp_path):
    card = tmp_path / "card.html"
    assert main(["card", "curveball", "-o", str(card)]) == 0
    browser.get(card.as_uri())
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []
    assert browser.execute_script("return document.querySelectorAll('svg').length") == 2
    from selenium.webdriver.common.print_page_options import PrintOptions
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.orientation = "landscape"
    pdf = base64.b64decode(browser.print_page(options))
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "answer-card-a4.pdf").write_bytes(pdf)
