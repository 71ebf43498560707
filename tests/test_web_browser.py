"""End to end in headless Chromium (Debian's, never a downloaded browser) against a live uvicorn server.

Screenshots of every page under test land in test-artifacts/screenshots/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on PATH (apt-get install chromium): browser tests skipped", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
pytest.importorskip("uvicorn", reason="uvicorn is not installed (the 'web' extra)")

import uvicorn  # noqa: E402
from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from sanctionwatch.web import create_app  # noqa: E402
from test_web_api import CASE_ID, COAL_TEXT, HOSTILE_TEXT, TOKEN, build_store, has_case_tables  # noqa: E402

SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("browser") / "browser.db")


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Watch:
    """Records dialogs, console messages and page errors, so a test can assert nothing ran."""

    def __init__(self, page: Page):
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    pg.watch = Watch(pg)  # type: ignore[attr-defined]
    yield pg
    context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_search_then_open_the_document(page: Page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("Words").fill("coal vessel")
    page.get_by_label("Publisher").select_option("Example Daily")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".hit")).to_have_count(1)
    expect(page.locator(".snippet mark")).to_have_text(["vessel", "coal"])
    shot(page, "01-search")
    page.locator(".hit-title").first.click()
    expect(page).to_have_url(server + f"/documents/doc-coal?hl={COAL_TEXT.index('South Korean officials')}-"
                             f"{COAL_TEXT.index('January.') + 8}#hit")
    expect(page.locator("#hit")).to_be_visible()
    # The highlighted text is exactly the stored text, spans and all.
    assert page.locator("#doctext").text_content() == COAL_TEXT
    shot(page, "02-document")
    assert not page.watch.errors  # type: ignore[attr-defined]


def test_span_hover_and_links_to_actor_and_statement(page: Page, server: str) -> None:
    page.goto(server + "/documents/doc-coal")
    cue = page.locator("a.seg.k-cue", has_text="denied")
    cue.hover()
    expect(page.locator("#attr-1")).to_have_class("item is-hot")  # the statement's panel entry lights up
    assert "Cue of statement 2 (deny)" in (cue.get_attribute("title") or "")
    cue.click()
    expect(page).to_have_url(server + "/documents/doc-coal#attr-1")
    page.locator("a.seg.k-actor", has_text="China").click()
    expect(page).to_have_url(server + "/actors/chn")
    expect(page.get_by_role("heading", level=1)).to_contain_text("China")
    expect(page.locator("#about-h")).to_have_text("What is said about them (2)")
    shot(page, "03-actor")


def test_follow_a_statement_to_its_case(page: Page, server: str, db: Path) -> None:
    if not has_case_tables(db):
        pytest.skip("cases tables (migration 0002) not in this checkout")
    page.goto(server + "/documents/doc-coal")
    page.locator("a.seg.k-content", has_text="tonnes").first.click()
    expect(page).to_have_url(server + f"/cases/{CASE_ID}")
    expect(page.locator(".col-alleg .member")).to_have_count(2)
    expect(page.locator(".col-deny .member")).to_have_count(1)
    expect(page.locator(".casehead .status")).to_have_text("contested")
    shot(page, "04-case")
    page.goto(server + "/cases")
    expect(page.locator("table.grid tbody tr")).to_have_count(1)
    shot(page, "05-case-board")


def test_file_a_review_from_the_document_page(page: Page, server: str) -> None:
    page.goto(server + "/documents/doc-coal")
    page.get_by_label("Token").fill(TOKEN)
    page.get_by_label("Name").fill("Ana Analyst")
    page.locator("#token-form button").click()
    expect(page.locator("#token-state")).to_have_text("token set")
    page.locator("#event-0 .review-btn").click()
    dialog = page.locator("#review-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("correct a field").check()
    dialog.locator("select[name=field]").select_option("type")
    dialog.get_by_label("Corrected value").fill("ship_to_ship_transfer")
    dialog.get_by_label("Note").fill("the coal went ship to ship")
    shot(page, "06-review-dialog")
    dialog.get_by_role("button", name="Save review").click()
    page.wait_for_load_state("load")
    expect(page.locator("#event-0 .review")).to_contain_text("corrected type → “ship_to_ship_transfer” by Ana Analyst")
    shot(page, "07-reviewed")
    api = page.request.get(server + "/api/v1/reviews?doc_id=doc-coal").json()
    assert [(r["verdict"], r["value"], r["reviewer"]) for r in api["items"]] == [
        ("corrected", "ship_to_ship_transfer", "Ana Analyst")]


def test_review_without_token_is_refused_in_the_ui(page: Page, server: str) -> None:
    page.goto(server + "/documents/doc-coal-2")
    page.locator("#attr-0 .review-btn").click()
    expect(page.locator("#review-status")).to_contain_text("Enter the review token")
    page.locator("#review-save").click()
    expect(page.locator("#review-status")).to_contain_text("Enter the review token")
    api = page.request.get(server + "/api/v1/reviews?doc_id=doc-coal-2").json()
    assert api["total"] == 0


@pytest.mark.parametrize("url", ["/documents/doc-hostile", "/?q=shipped", "/actors/local%3A%3Cscript%3E",
                                 "/documents/doc-hostile?hl=0-60", "/reviews"])
def test_hostile_article_runs_no_script(page: Page, server: str, url: str) -> None:
    page.goto(server + url)
    page.wait_for_load_state("load")
    for seg in page.locator(".seg").all()[:10]:
        seg.hover()  # mouse events on the rendered payload must not fire anything either
    assert page.evaluate("() => window.__pwned") is None
    assert page.watch.dialogs == []  # type: ignore[attr-defined]
    assert not [m for m in page.watch.console if "pwned" in m]  # type: ignore[attr-defined]
    assert page.locator("img, iframe, object, embed").count() == 0
    if url == "/documents/doc-hostile":
        assert page.locator("#doctext").text_content() == HOSTILE_TEXT
        expect(page.get_by_role("heading", level=1)).to_have_text('<script>window.__pwned = "title"</script>Sanctions <b>news')
        shot(page, "08-hostile")


def test_keyboard_skip_link_and_focusable_spans(page: Page, server: str) -> None:
    page.goto(server + "/documents/doc-coal")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    expect(page.locator(".skip")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    stops = []
    for _ in range(6):  # past the header links (JSON, original article) to the first highlighted span
        page.keyboard.press("Tab")
        stops.append(page.evaluate("() => document.activeElement.className"))
        if "seg" in stops[-1]:
            break
    assert "seg" in stops[-1], stops
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    shot(page, "09-keyboard-focus")


def test_timeline_and_lists_render(page: Page, server: str) -> None:
    page.goto(server + "/timeline?by=type")
    expect(page.locator("figure.chart svg rect")).to_have_count(4)
    expect(page.locator("figcaption")).to_contain_text("7 events from 2022-11 to 2023-05")
    shot(page, "10-timeline")
    page.goto(server + "/actors")
    expect(page.locator("table.grid tbody tr")).to_have_count(5)
    expect(page.locator("table.grid")).to_contain_text("North Korea")
    shot(page, "11-actors")
    assert not page.watch.errors  # type: ignore[attr-defined]
