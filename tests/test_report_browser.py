"""The report files with hostile metadata, opened in headless Chromium (Debian's): no script may run.

The Markdown reports are rendered to HTML the way most viewers do (CommonMark
with raw HTML allowed, no CSP of their own), so any markup that got through
the escaping would run here.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

from markdown_it import MarkdownIt  # noqa: E402
from playwright.sync_api import Browser  # noqa: E402

from test_case_report import hostile_reports  # noqa: E402
# Chromium, its flags and the module-scoped `browser` fixture come from the workbench's browser tests (which skip
# the same way when Chromium or Playwright is missing).
from test_web_browser import browser  # noqa: E402,F401  (a fixture)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, str]:
    return hostile_reports(tmp_path_factory.mktemp("hostile-reports"))


def _open(browser: Browser, html: str) -> tuple[list[str], list[str], bool]:
    page = browser.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(html, wait_until="load")
    page.wait_for_timeout(300)  # give onerror/onload handlers their chance
    scripts_or_handlers = page.evaluate(
        "() => document.querySelectorAll('script, img, svg [onload], [onerror], iframe, object, embed').length > 0"
        " || [...document.querySelectorAll('a[href]')].some(a => !/^(https?:|#|evidence\\.html#)/.test(a.getAttribute('href')))")
    page.close()
    return dialogs, errors, scripts_or_handlers


@pytest.mark.parametrize("name", ["evidence-md", "cases-md"])
def test_markdown_report_rendered_runs_no_script(browser, reports, name):
    body = MarkdownIt("commonmark").render(reports[name])
    dialogs, errors, active = _open(browser, f"<!doctype html><html><body>{body}</body></html>")
    assert dialogs == [] and errors == [] and not active


@pytest.mark.parametrize("name", ["evidence-html", "cases-html"])
def test_html_report_runs_no_script(browser, reports, name):
    dialogs, errors, active = _open(browser, reports[name])
    assert dialogs == [] and errors == []
    assert "example.com/<" not in reports[name]
