"""The report in a real browser: headless Chromium (Debian's, driven through its own
chromedriver so nothing is downloaded) loads it with no console errors, the SVG charts have a
size, and it prints to A4 and Letter with the summary on page 1 and each session on exactly one
page. Screenshots and PDFs are kept in test-artifacts/ for a human to look at."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest
from chromium import start_chromium
from test_report import LONG_TEAM, add_facilitator_actions, logs, simulated, ten, ten_report  # noqa: F401, E501

from maze.analysis.report import charts_mm
from maze.cli import main
from maze.storage.log import read_log

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


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
    driver, profile = start_chromium(1200, 1600)
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


# ------------------------------------------------------------------ the summary and its pages
def visible_rows(browser) -> list[list[str]]:
    """The summary's rows as the reader sees them: only those shown, top to bottom."""
    return browser.execute_script("""
        return Array.from(document.querySelectorAll('table.summary tbody tr'))
          .filter(r => r.getClientRects().length > 0)
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
          .map(r => Array.from(r.cells).map(c => c.textContent));""")


def click_label(browser, ident: str) -> None:
    """A click on the label of a sort or filter button, as a reader makes it."""
    from selenium.webdriver.common.by import By
    browser.find_element(By.XPATH, f"//label[input[@id='{ident}']]").click()


@pytest.fixture(scope="module")
def months(tmp_path_factory) -> Path:
    """Six sessions on two levels over two months, given in no particular order."""
    folder = tmp_path_factory.mktemp("months")
    for seed, level, team, started in (
            (61, "classic", "Mauve", "2026-10-02T09:00:00+01:00"),
            (62, "quick-demo", "alpha", "2026-11-20T10:00:00+01:00"),
            (63, "classic", "Zulu", "2026-11-03T11:00:00+01:00"),
            (64, "classic", "Bravo", "2026-10-21T09:30:00+01:00"),
            (65, "quick-demo", "Kilo", "2026-10-05T14:00:00+01:00"),
            (66, "classic", "<b>Echo</b>", "2026-11-07T16:00:00+01:00")):
        simulated(folder, level, team, ["Ana", "Ben"], seed, started=started)
    return folder


def test_the_summary_sorts_and_filters_in_chromium_without_a_script(browser, months, tmp_path):
    report = tmp_path / "report.html"
    assert main(["report", str(months), "-o", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert "<script" not in text and "script-src 'none'" in text      # no script could run
    browser.get(report.as_uri())
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []
    rows = visible_rows(browser)
    teams = [row[0] for row in rows]
    # at first: by level (as first met), each in the order played
    assert teams == ["Mauve", "Bravo", "Zulu", "<b>Echo</b>", "Kilo", "alpha"]
    click_label(browser, "o-team")
    assert [row[0] for row in visible_rows(browser)] == ["<b>Echo</b>", "alpha", "Bravo", "Kilo",
                                                           "Mauve", "Zulu"]
    click_label(browser, "o-team-z")
    assert [row[0] for row in visible_rows(browser)] == ["Zulu", "Mauve", "Kilo", "Bravo", "alpha",
                                                           "<b>Echo</b>"]
    click_label(browser, "o-new")
    started = [row[2] for row in visible_rows(browser)]
    assert started == sorted(started, reverse=True) and len(started) == 6
    for ident, column, best_first in (("o-learn", 5, True), ("o-exec-low", 6, False),
                                      ("o-switch", 7, True)):
        click_label(browser, ident)
        values = [row[column].split()[0] for row in visible_rows(browser)]
        numbers = [float(v) for v in values if v != "-"]
        assert numbers == sorted(numbers, reverse=best_first), (ident, values)
        assert values[len(numbers):] == ["-"] * (6 - len(numbers)), (ident, values)   # none last
    # filters: a level, then also a month; then all levels again (the month stays)
    click_label(browser, "o-team")
    click_label(browser, "l1")
    assert [(r[0], r[1]) for r in visible_rows(browser)] == [
        ("<b>Echo</b>", "Classic 6x9"), ("Bravo", "Classic 6x9"), ("Mauve", "Classic 6x9"),
        ("Zulu", "Classic 6x9")]
    click_label(browser, "m1")                                     # 2026-10
    assert [r[0] for r in visible_rows(browser)] == ["Bravo", "Mauve"]
    click_label(browser, "l-all")
    assert [r[0] for r in visible_rows(browser)] == ["Bravo", "Kilo", "Mauve"]
    click_label(browser, "m2")                                     # 2026-11
    assert [(r[0], r[2][:7]) for r in visible_rows(browser)] == [
        ("<b>Echo</b>", "2026-11"), ("alpha", "2026-11"), ("Zulu", "2026-11")]
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "report-summary-filtered.png"))


def test_each_row_links_to_its_session_page_which_links_back_and_prints_on_one_page(
        browser, months, tmp_path):
    from selenium.webdriver.common.by import By
    report = tmp_path / "report.html"
    assert main(["report", str(months), "-o", str(report)]) == 0
    browser.get(report.as_uri())
    browser.find_element(By.LINK_TEXT, "<b>Echo</b>").click()
    assert browser.current_url.startswith((tmp_path / "report_files").as_uri() + "/s")
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []
    assert browser.find_element(By.TAG_NAME, "h2").text == "<b>Echo</b>: Classic 6x9"
    sizes = browser.execute_script(
        "return Array.from(document.querySelectorAll('svg')).map(s => {"
        "const r = s.getBoundingClientRect(); return [s.getAttribute('class'), r.width, r.height]; })")
    assert [kind for kind, _, _ in sizes] == ["heatmap", "timeline"]
    assert all(w > 50 and h > 50 for _, w, h in sizes)
    # every step is drawn: the lanes' paths hold one mark per step of the log
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('svg.timeline path.steps, svg.timeline path.beeps'))"
        ".reduce((n, p) => n + (p.getAttribute('d').match(/h0/g) || []).length, 0)")
    steps = browser.execute_script(
        "return Array.from(document.querySelectorAll('table.players tbody tr'))"
        ".reduce((n, r) => n + parseInt(r.cells[1].textContent), 0)")
    assert marks == steps > 0
    pdf = print_to_pdf(browser, "A4")
    assert page_count(pdf) == 1                    # the page is the session: one printed page
    browser.find_element(By.LINK_TEXT, "All sessions").click()
    assert browser.current_url == report.as_uri()


@pytest.mark.parametrize("code", ["de", "pt_BR", "fr", "es", "nl", "en"])
@pytest.mark.parametrize("media, width", [("screen", 1024), ("print", PRINT_WIDTH["A4"])])
def test_the_summary_headers_fit_their_columns_in_every_language(browser, logs, tmp_path,  # noqa: F811
                                                                 code, media, width):
    """"Umschalten" and "Entdeckungen/min" in German, "Aprendizagem" in Portuguese: each
    header of the summary table stays inside its column, on screen and on paper."""
    from maze import lang
    report = tmp_path / "report.html"
    try:
        assert main(["report", str(logs), "-o", str(report), "--lang", code]) == 0
    finally:
        lang.use("en")
    browser.get(report.as_uri())
    emulate(browser, media, width)
    try:
        cut = browser.execute_script("""
            return Array.from(document.querySelectorAll('table.summary thead th'))
              .filter(th => th.scrollWidth > th.clientWidth + 1)
              .map(th => th.textContent + ' ' + th.scrollWidth + '>' + th.clientWidth);""")
    finally:
        stop_emulating(browser)
    assert cut == []
