"""The web UI in a real browser: headless Debian chromium driven by Playwright.

`wartrace serve` runs on loopback over the Raqqa corpus (see tests/web/raqqa.py for
where its events come from). Screenshots of each page are saved under
artifacts/screenshots/ (or $WARTRACE_SCREENSHOTS), which CI keeps as artifacts.
"""
from __future__ import annotations

import re

import pytest


@pytest.fixture
def offline(page, raqqa_server):
    """Fail any request that leaves the server: no CDN, no tiles, nothing fetched from outside."""
    outside: list[str] = []

    def route(r):
        if r.request.url.startswith(raqqa_server.url):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    yield page
    assert outside == [], f"requests left the server: {outside}"
    assert page.js_errors == [], page.js_errors


def test_timeline_event_click_lands_on_highlighted_evidence(offline, raqqa_server, raqqa_db, screenshots):
    page = offline
    page.goto(raqqa_server.url + "/timeline")
    assert page.locator("li.event").count() >= 10, raqqa_db[1]
    page.screenshot(path=str(screenshots / "timeline.png"), full_page=False)
    link = page.locator("li.event a.quote").nth(3)
    quote = " ".join(link.inner_text().split())
    event_id = link.get_attribute("data-event-id")
    link.click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}\?focus=event-\d+#event-\d+$"))
    focus = page.locator("#doc-text .hl.focus")
    assert focus.count() >= 1
    assert focus.first.is_visible()
    marked = " ".join("".join(focus.all_inner_texts()).split())
    assert marked == quote
    assert page.locator(f"#event-{event_id}").count() == 1
    page.screenshot(path=str(screenshots / "document.png"), full_page=False)
    # The highlighted span links to the event's page, which links back to the document.
    focus.first.click()
    page.wait_for_url(re.compile(r"/events/\d+$"))
    assert " ".join(page.locator("blockquote.evidence .focus").inner_text().split()) == quote
    page.screenshot(path=str(screenshots / "event.png"), full_page=False)


def test_timeline_filters(offline, raqqa_server):
    page = offline
    page.goto(raqqa_server.url + "/timeline")
    page.locator("label.t-capture input").check()
    page.locator("select[name=actor]").select_option("SDF")
    page.locator("button[type=submit]", has_text="Filter").click()
    page.wait_for_url(re.compile(r"type=capture"))
    chips = page.locator("li.event .chip").all_inner_texts()
    assert chips and set(chips) == {"capture"}


def test_map_slider_changes_control(offline, raqqa_server, screenshots):
    page = offline
    page.goto(raqqa_server.url + "/map")
    page.wait_for_selector("body[data-map-ready=yes]")
    circles = page.locator("circle[data-controlled=yes]")
    assert circles.count() >= 5

    def holders():
        return [circles.nth(i).get_attribute("data-holder") for i in range(circles.count())]

    def fills():
        return [circles.nth(i).get_attribute("fill") for i in range(circles.count())]

    end_holders, end_fills = holders(), fills()
    end_table = page.locator("#control-table").inner_text()
    page.screenshot(path=str(screenshots / "map-end.png"), full_page=False)
    page.locator("#date-slider").fill("0")
    start_day = page.locator("#date-label").inner_text()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", start_day)
    page.wait_for_function("d => document.querySelector('#date-label').textContent === d", arg=start_day)
    assert holders() != end_holders and fills() != end_fills
    assert page.locator("#control-table").inner_text() != end_table
    assert page.url.endswith(f"/map?date={start_day}")
    page.screenshot(path=str(screenshots / "map-start.png"), full_page=False)
    # The same day served without JavaScript's help gives the same colours (server and map.js agree).
    start_fills = fills()
    page.goto(raqqa_server.url + f"/map?date={start_day}")
    page.wait_for_selector("body[data-map-ready=yes]")
    assert fills() == start_fills


def test_ledger_shows_the_contradiction(offline, raqqa_server, screenshots):
    page = offline
    page.goto(raqqa_server.url + "/ledger")
    conflicts = page.locator("section.conflicts .conflict")
    assert conflicts.count() >= 1
    first = conflicts.first
    assert first.locator("blockquote").count() == 2
    assert page.locator("section.group.contradicted .badge.contradiction").first.is_visible()
    page.screenshot(path=str(screenshots / "ledger.png"), full_page=False)
    # A quote in a contradiction opens its document at the claim.
    first.locator("blockquote a").first.click()
    page.wait_for_url(re.compile(r"focus=claim-\d+#claim-\d+$"))
    assert page.locator("#doc-text .hl-claim.focus").count() >= 1


def test_other_pages(offline, raqqa_server, screenshots):
    page = offline
    for name, path in (("overview", "/"), ("search", "/search?q=stadium"), ("places", "/places"),
                       ("actors", "/actors"), ("documents", "/documents")):
        page.goto(raqqa_server.url + path)
        assert page.locator("h1").count() == 1
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=False)
    page.goto(raqqa_server.url + "/search?q=stadium")
    page.locator("ol.hits a").first.click()
    assert page.locator("#doc-text .hl-hit.focus").inner_text().lower() == "stadium"


def test_no_script_from_a_hostile_report_runs(offline, raqqa_server, raqqa_db, screenshots):
    """The XSS report (with <script>, onerror= and onload= payloads in its text, title, actor and
    target names) is served on every page that shows it; none of its payloads runs."""
    page = offline
    xss_doc = raqqa_db[1]["xss_doc"]
    response = page.goto(raqqa_server.url + f"/documents/{xss_doc}")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>window.xssFlag" in page.locator("#doc-text").inner_text()  # shown as text
    page.screenshot(path=str(screenshots / "xss-document.png"), full_page=False)
    event_id = page.locator("#doc-text .hl-event").first.get_attribute("data-spans").split("-")[1]
    for path in (f"/documents/{xss_doc}?text=original", f"/events/{event_id}", "/timeline",
                 "/timeline?actor=%3Cimg+src%3Dx+onerror%3D%22window.xssFlag%3D4%22%3E", "/map?date=2017-06-07",
                 "/actors", "/search?q=xssFlag", "/ledger", "/"):
        page.goto(raqqa_server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.xssFlag") == "undefined", path
        assert page.locator("img[src=x], svg[onload], script:not([src])").count() == 0, path
    # The map's script fills the day's event list from the API with textContent, never markup.
    page.goto(raqqa_server.url + "/map")
    page.wait_for_selector("body[data-map-ready=yes]")
    page.evaluate("""() => { const s = document.querySelector('#date-slider');
        s.value = String((Date.parse('2017-06-07') - Date.parse(s.dataset.start)) / 86400000);
        s.dispatchEvent(new Event('change')); }""")
    page.wait_for_function("() => document.querySelector('#day-events').textContent.includes('xssFlag')")
    assert page.evaluate("typeof window.xssFlag") == "undefined"
    assert page.js_errors == []
