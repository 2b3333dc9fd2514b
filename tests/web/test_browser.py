"""End to end in headless Chromium: browse, filter, open an event, sign in, accept one machine
event and edit another, see the change and its audit entries; script in titles, summaries and
source URLs never runs."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs /usr/bin/chromium and /usr/bin/chromedriver (Debian chromium, chromium-driver)",
    ),
]

UZ = "2022-04-02-meeting-cn-uz-1"
KG = "2023-07-09-meeting-cn-kg-2"
XSS = "2021-03-01-meeting-cn-tj-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(db_url: str) -> Iterator[str]:
    import uvicorn

    from steppewatch.web import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(db_url, secret="browser-test"), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _wait_text(driver, element_id: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Wait (up to 10 s) until the element with ``element_id`` shows ``expected`` (after a click
    that posts a form and follows its redirect)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(ec.text_to_be_present_in_element((By.ID, element_id), expected))


def _gone(element):  # type: ignore[no-untyped-def]
    """A wait condition: ``element`` has left the page (the form posted and the next page
    loaded). Chromium reports a node of the old page either as stale or, when asked mid-load,
    as a node that "does not belong to the document" (a plain WebDriverException that
    selenium's ``staleness_of`` lets through)."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def check(_driver) -> bool:  # type: ignore[no-untyped-def]
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
        return False

    return check


def _no_xss(driver) -> None:  # type: ignore[no-untyped-def]
    assert driver.execute_script("return typeof window.__xss") == "undefined"


def test_browse_sign_in_accept_edit_audit(server, browser, web):
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/")
    assert "steppewatch" in d.title
    _no_xss(d)
    d.find_element(By.ID, "machine-link").click()  # unreviewed events only when asked for
    _wait_text(d, "total", "3 events")
    d.get(server + "/?status=curated,machine")
    d.find_element(By.CSS_SELECTOR, '#facet-country a[data-code="KG"]').click()
    _wait_text(d, "total", "4 events")
    d.find_element(By.CSS_SELECTOR, '#facet-kind a[data-code="meeting"]').click()
    _wait_text(d, "total", "2 events")
    assert "country=KG" in d.current_url and "kind=meeting" in d.current_url
    titles = [a.text for a in d.find_elements(By.CSS_SELECTOR, "#events a.title")]
    assert titles == [
        "Machine-coded talks on border security",
        "Переговоры министров обороны Китая и Кыргызстана",
    ]
    d.find_element(By.LINK_TEXT, "Machine-coded talks on border security").click()
    _wait_text(d, "status", "machine")

    d.find_element(By.ID, "login-link").click()
    d.find_element(By.ID, "name").send_keys("alice")
    d.find_element(By.ID, "password").send_keys(web.PASSWORD)
    d.find_element(By.ID, "sign-in").click()
    _wait_text(d, "signed-in", "alice")
    assert d.current_url.endswith("/review")

    button = d.find_element(By.CSS_SELECTOR, f'button.accept[data-event="{UZ}"]')
    button.click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(d, 10).until(_gone(button))
    assert d.current_url.endswith("/review")
    assert not d.find_elements(By.CSS_SELECTOR, f'button.accept[data-event="{UZ}"]')
    d.get(f"{server}/events/{UZ}")
    _wait_text(d, "status", "accepted")

    d.get(f"{server}/events/{KG}")
    d.find_element(By.ID, "edit-link").click()
    title = d.find_element(By.ID, "f-title")
    title.clear()
    title.send_keys("Border security talks, Bishkek (checked)")
    d.find_element(By.ID, "topic-drug_trafficking").click()
    d.find_element(By.ID, "f-reason").send_keys("readout mentions drugs")
    d.find_element(By.ID, "save").click()
    _wait_text(d, "event-title", "Border security talks, Bishkek (checked)")
    assert d.find_element(By.ID, "status").text == "edited"
    assert "Drug" in d.find_element(By.ID, "topics").text

    d.get(server + "/audit")
    rows = d.find_elements(By.CSS_SELECTOR, "#audit tr")[1:]
    actions = [
        (r.find_elements(By.TAG_NAME, "td")[2].text, r.find_elements(By.TAG_NAME, "td")[3].text)
        for r in rows
    ]
    assert ("alice", "edit") in actions and ("alice", "accept") in actions
    assert "readout mentions drugs" in d.find_element(By.ID, "audit").text
    _no_xss(d)


def test_script_and_javascript_urls_never_run(server, browser):
    from selenium.webdriver.common.by import By

    d = browser
    for path in (
        f"/events/{XSS}",
        "/?country=TJ",
        "/?q=script",
        "/countries/TJ",
        "/events.csv?country=TJ",
    ):
        d.get(server + path)
        _no_xss(d)
    d.get(f"{server}/events/{XSS}")
    assert "<script>window.__xss=1</script>" in d.find_element(By.ID, "event-title").text
    assert "onerror" in d.find_element(By.ID, "summary").text
    assert d.find_elements(By.CSS_SELECTOR, 'a[href^="javascript"]') == []
    assert "javascript:alert(1)" in d.find_element(By.ID, "sources").text
    d.find_element(By.CSS_SELECTOR, ".unsafe-url").click()  # text, not a link: nothing happens
    _no_xss(d)


def _shown_total(driver) -> int:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    text = driver.find_element(By.ID, "total").text
    return int(text.split()[0])


def test_facet_counts_and_then_clicks_disagree_in_a_browser(server, browser):
    """Three facet values clicked in a row (issue 11 point 5): each number shown beside a value
    is the total of the page the click opens, in a real browser."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    d = browser
    d.get(server + "/?status=curated,machine")
    for selector in (
        '#facet-country a[data-code="KG"]',
        '#facet-country a[data-code="KZ"]',
        '#facet-kind a[data-code="meeting"]',
    ):
        link = d.find_element(By.CSS_SELECTOR, selector)
        expected = int(link.get_attribute("data-count"))
        shown = int(link.find_element(By.XPATH, "following-sibling::span[@class='n']").text)
        assert shown == expected
        old_url = d.current_url
        link.click()
        WebDriverWait(d, 10).until(ec.url_changes(old_url))
        assert _shown_total(d) == expected, (selector, d.current_url)
    assert (
        "country=KG" in d.current_url
        and "country=KZ" in d.current_url
        and "kind=meeting" in d.current_url
    )
    # the filters are all shown, each removable in one click
    chips = d.find_elements(By.CSS_SELECTOR, "#active-filters .chip")
    assert {c.get_attribute("data-value") for c in chips} >= {"KG", "KZ", "meeting"}
