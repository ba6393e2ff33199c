"""The report in a real browser: headless Chromium (Debian's, driven through its own
chromedriver so nothing is downloaded) loads it with no console errors, the SVG charts have a
size, and it prints to A4 and Letter with the summary on page 1 and each session on exactly one
page. Screenshots and PDFs are kept in test-artifacts/ for a human to look at."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from test_report import LONG_TEAM, add_facilitator_actions, logs, simulated, ten, ten_report  # noqa: F401, E501

from maze.analysis.report import charts_mm
from maze.cli import main
from maze.storage.log import read_log

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


# Paper sizes in inches, as Chromium's DevTools Page.printToPDF takes them.
PAPERS = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}
# The printable width of each paper in CSS pixels (96 per inch), the report's 12 mm margins off.
PRINT_WIDTH = {paper: round((w * 25.4 - 24) / 25.4 * 96) for paper, (w, _) in PAPERS.items()}


def page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def print_to_pdf(driver, paper: str) -> bytes:
    """What "Save as PDF" gives: Chromium's own print, on the paper asked for."""
    width, height = PAPERS[paper]
    result = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": width, "paperHeight": height,
                                                        "printBackground": True})
    return base64.b64decode(result["data"])


def emulate(driver, media: str, width: int, height: int = 900) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def stop_emulating(driver) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


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
    assert main(["report", str(logs), "-o", str(report), "--single"]) == 0
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
        assert page_count(pdf) == sessions + 1          # the summary, then a page per session
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
    assert page_count(pdf) == 1
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "answer-card-a4.pdf").write_bytes(pdf)


@pytest.fixture
def ten_in_browser(browser, ten_report, tmp_path):  # noqa: F811
    html, _ = ten_report
    page = tmp_path / "ten.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    yield browser
    stop_emulating(browser)


def test_ten_sessions_print_one_page_each_on_a4_and_letter(ten_in_browser, tmp_path):
    """The rule: the summary starts on page 1 and takes the pages it needs (ten sessions fit on
    one); then each session starts a new page and takes exactly one, so 10 sessions print on 11
    pages, whatever their size (here up to 30 players with long names on a 26x40 board)."""
    browser = ten_in_browser
    sessions = browser.execute_script(
        "return Array.from(document.querySelectorAll('section.session')).map(s => "
        "[s.id.split('-').pop(), s.querySelector('ul.prompts li:last-child').textContent])")
    assert len(sessions) == 10
    ARTIFACTS.mkdir(exist_ok=True)
    for paper in PAPERS:
        pdf = print_to_pdf(browser, paper)
        (ARTIFACTS / f"report-10-sessions-{paper}.pdf").write_bytes(pdf)
        assert page_count(pdf) == 1 + 10, paper
        if not shutil.which("pdftotext"):
            continue
        pdf_path = tmp_path / f"{paper}.pdf"
        pdf_path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages = [" ".join(page.split()) for page in text.split("\f")[:-1]]
        assert len(pages) == 11
        assert "Summary" in pages[0] and "For the debrief" not in pages[0]
        for page, (session_id, last_prompt) in zip(pages[1:], sessions, strict=True):
            # this session's page, whole: its heading's line to its last debrief question
            assert session_id in page and page.count("For the debrief") == 1, (paper, session_id)
            assert " ".join(last_prompt.split()) in page, (paper, session_id)
    if not shutil.which("pdftotext"):
        pytest.skip("pages counted; what is on each needs pdftotext (apt-get install poppler-utils)")


@pytest.mark.parametrize("paper", list(PAPERS))
def test_in_print_nothing_on_a_session_page_is_cut_and_the_charts_keep_a_readable_size(
        ten_in_browser, paper):
    browser = ten_in_browser
    emulate(browser, "print", PRINT_WIDTH[paper])
    pages = browser.execute_script("""
        const mm = 96 / 25.4;
        return Array.from(document.querySelectorAll('section.session')).map(s => ({
          id: s.id, overflow: [s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth],
          height: s.getBoundingClientRect().height / mm,
          charts: Array.from(s.querySelectorAll('svg')).map(v => {
            const r = v.getBoundingClientRect(); return [r.width / mm, r.height / mm]; })}));""")
    for page in pages:
        assert page["overflow"] == [0, 0], page          # every line inside the page's box
        assert 240 <= page["height"] <= 255.4 - 2, page   # Letter's printable height, minus rounding
        (map_w, map_h), (line_w, line_h) = page["charts"]
        assert max(map_w, map_h) >= 60 and line_w >= 60 and line_h >= 15, page     # mm


@pytest.mark.parametrize("media, width", [("screen", 1024), ("screen", 800), ("print", PRINT_WIDTH["A4"])])
def test_a_200_character_team_name_wraps_and_the_score_columns_stay_on_the_page(
        ten_in_browser, media, width):
    browser = ten_in_browser
    emulate(browser, media, width)
    found = browser.execute_script("""
        const row = Array.from(document.querySelectorAll('table.summary tbody tr'))
          .find(r => r.cells[0].textContent === arguments[0]);
        const cells = Array.from(row.cells).map(c => { const r = c.getBoundingClientRect();
          return {left: r.left, right: r.right, text: c.textContent, cut: c.scrollWidth > c.clientWidth}; });
        const line = parseFloat(getComputedStyle(row.cells[0]).lineHeight);
        return {cells: cells, page: document.documentElement.clientWidth,
                scroll: document.documentElement.scrollWidth, team: row.cells[0].offsetHeight / line};""",
                                   LONG_TEAM)
    assert found["scroll"] <= found["page"]               # nothing sticks out to the right
    scores = found["cells"][-3:]                          # learning, execution, switching
    assert [c["text"].split()[0] for c in scores] == ["3.4", "69.4", "61"]
    for cell in found["cells"]:
        assert 0 <= cell["left"] and cell["right"] <= found["page"] and not cell["cut"], cell
    assert found["team"] >= 3                             # the name wrapped onto several lines


def pdf_pages_text(pdf: bytes, folder: Path) -> list[str] | None:
    """Each page's text, whitespace collapsed (None without pdftotext)."""
    if not shutil.which("pdftotext"):
        return None
    path = folder / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


@pytest.mark.parametrize("players", [30, 12, 4])     # the three print layouts' densities
def test_the_fullest_session_that_keeps_one_page_fits_and_one_more_note_flows_over_uncut(
        browser, tmp_path, players):
    """At the limit: players with 39-character names, a 200-character team name, a curveball,
    penalties, and undone penalties up to the most the page is planned for. That page prints
    whole on one page with charts of their planned size; with one more round of notes the
    session flows on (no fixed page height), still whole."""
    names = [f"{i:02d} Aleksandra-Wiśniewska-Kowalczyk-Nowak"[:39] for i in range(players)]
    team = LONG_TEAM                                        # 200 characters
    reports = []
    for rounds in range(1, 100):
        folder = tmp_path / f"r{rounds}"
        folder.mkdir()
        log = simulated(folder, "classic", team, names, 50, curveball_after=1)
        add_facilitator_actions(log, rounds)
        html = folder / "report.html"
        assert main(["report", str(log), "-o", str(html), "--single"]) == 0
        reports.append(html)
        if '<section class="session long' in html.read_text(encoding="utf-8"):
            break
    assert len(reports) > 1 and "long" in reports[-1].read_text(encoding="utf-8")
    for html, one_page in ((reports[-2], True), (reports[-1], False)):
        browser.get(html.as_uri())
        last = " ".join(browser.execute_script(
            "return document.querySelector('ul.prompts li:last-child').textContent").split())
        for paper in PAPERS:
            emulate(browser, "print", PRINT_WIDTH[paper])
            overflow, charts = browser.execute_script(
                "const s = document.querySelector('section.session');"
                "return [[s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth],"
                "        s.querySelector('.charts').getBoundingClientRect().height * 25.4 / 96];")
            stop_emulating(browser)
            assert overflow == [0, 0], (html, paper)           # nothing cut, nothing sticks out
            if one_page:                                       # the charts kept their size
                assert charts_mm(read_log(next(html.parent.glob("*.jsonl"))).setup) - 0.5 <= charts
            pdf = print_to_pdf(browser, paper)
            # one page after the summary; flowing on, as many as it takes (it may still fit one)
            assert page_count(pdf) == 2 if one_page else page_count(pdf) >= 2, paper
            pages = pdf_pages_text(pdf, tmp_path)
            if pages is not None:
                assert last in pages[-1] and "Summary" in pages[0] and "Summary" not in pages[1]
