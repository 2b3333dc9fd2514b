"""The report from the bundled dataset opens in headless Chromium: no console error, no request
to any other host, every chart drawn with a nonzero size, the activity tables sort on a click;
screenshots of the page and of each new section are saved at 1280 px.

To keep the screenshots (to look at them), set ``STEPPEWATCH_SCREENSHOTS=DIR``:

    STEPPEWATCH_SCREENSHOTS=/tmp/shots .venv/bin/pytest tests/report/test_browser.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Schemes a self-contained page may touch: the file itself, inline data, browser internals.
LOCAL_SCHEMES = {"file", "data", "about", "chrome", "chrome-untrusted", "devtools", "blob"}

pytestmark = pytest.mark.browser


def _chrome_available() -> str | None:
    if not (CHROMIUM.exists() or shutil.which("chromium")):
        return "chromium is not installed (Debian package 'chromium')"
    if not (CHROMEDRIVER.exists() or shutil.which("chromedriver")):
        return "chromedriver is not installed (Debian package 'chromium-driver')"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from steppewatch.report import build_report
    from steppewatch.store import open_store
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    tmp = tmp_path_factory.mktemp("browser")
    store = open_store("sqlite:///" + str(tmp / "bundled.db"))
    study = load_study()
    load_bundled_dataset(store, study)
    return build_report(tmp / "report", store=store, study=study).index


def test_report_opens_offline_in_chromium(bundled_report: Path, tmp_path: Path) -> None:
    reason = _chrome_available()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-dev-shm-usage",
        "--window-size=1280,4000",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = str(CHROMEDRIVER if CHROMEDRIVER.exists() else shutil.which("chromedriver"))
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.get("about:blank")
        driver.get_log("performance")  # drop whatever the start page did
        driver.get(bundled_report.as_uri())
        driver.execute_script("return document.readyState")
        state = driver.execute_script(
            "return [document.readyState, document.title,"
            " Array.from(document.images).map(i => [i.complete, i.naturalWidth,"
            " i.getBoundingClientRect().width, i.getBoundingClientRect().height])]"
        )
        console = driver.get_log("browser")
        performance = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
        shots = Path(os.environ.get("STEPPEWATCH_SCREENSHOTS") or tmp_path)
        shots.mkdir(parents=True, exist_ok=True)
        shot = shots / "report.png"
        assert driver.save_screenshot(str(shot))
        sections = {}
        for name, selector in (
            ("countries", "#chart-country_concerns"),
            ("country_text", "#country-text"),
            ("meeting_levels", "#chart-meeting_levels"),
            ("both_sides", "#both-sides"),
            ("activities", "#activities"),
            ("findings", "#findings-table"),
            ("data_limits", "#data-limits"),
            ("concern_shares", "#chart-concern_shares"),
            ("heatmap", "#chart-topic_heatmap"),
            ("exercise_timeline", "#chart-exercise_timeline"),
        ):
            element = driver.find_element("css selector", selector)
            driver.execute_script("arguments[0].scrollIntoView()", element)
            path = shots / f"section_{name}.png"
            assert element.screenshot(str(path))
            sections[name] = element.size
        # sorting: quantity of the equipment transfers, ascending then descending (numbers as
        # numbers, empty cells last)
        table = driver.find_element("css selector", "#table-activity_equipment_transfer")
        heads = [h.text for h in table.find_elements("css selector", "thead th")]
        column = heads.index("quantity")
        head = table.find_elements("css selector", "thead th")[column]
        driver.execute_script("arguments[0].click()", head)
        ascending = driver.execute_script(
            "return Array.from(arguments[0].tBodies[0].rows).map(r => r.cells[arguments[1]]"
            ".textContent.trim())", table, column)  # fmt: skip
        driver.execute_script("arguments[0].click()", head)
        descending = driver.execute_script(
            "return Array.from(arguments[0].tBodies[0].rows).map(r => r.cells[arguments[1]]"
            ".textContent.trim())", table, column)  # fmt: skip
        console_after = driver.get_log("browser")
    finally:
        driver.quit()

    ready, title, images = state
    assert ready == "complete"
    assert "analysis report" in title
    errors = [e for e in console if e.get("level") in ("SEVERE", "ERROR")]
    assert not errors, f"console errors: {errors}"
    requested = [
        m["params"]["request"]["url"]
        for m in performance
        if m.get("method") == "Network.requestWillBeSent"
    ]
    assert any(u.startswith("file://") for u in requested), "the performance log saw no request"
    outside = [u for u in requested if urlparse(u).scheme not in LOCAL_SCHEMES]
    assert not outside, f"requests to other hosts: {outside}"
    assert not [e for e in console_after if e.get("level") in ("SEVERE", "ERROR")]
    assert len(images) == 8, images
    for complete, natural, width, height in images:
        assert complete and natural > 0 and width > 0 and height > 0
    assert shot.stat().st_size > 10_000
    for name, size in sections.items():
        assert size["width"] > 300 and size["height"] > 50, (name, size)

    number = re.compile(r"^-?[\d,]+(\.\d+)?%?$")

    def numbers(cells: list[str]) -> list[float]:
        return [float(c.replace(",", "").rstrip("%")) for c in cells if number.match(c)]

    known = numbers(ascending)
    # numbers first, in order; then text ("1 delivered (of 8 contracted)"); empty cells last
    assert len(known) >= 3 and known == sorted(known), ascending
    assert all(number.match(c) for c in ascending[: len(known)]), ascending
    texts = [c for c in ascending if c and not number.match(c)]
    assert ascending[len(known) : len(known) + len(texts)] == sorted(texts, key=str.lower)
    assert ascending[len(known) + len(texts) :] == [""] * (len(ascending) - len(known) - len(texts))
    assert numbers(descending) == sorted(known, reverse=True)
