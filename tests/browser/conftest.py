"""Real-browser tests: Debian's Chromium driven by Playwright against `streamlit run` on a loopback port.

Each server is started by the tests themselves on a free port of 127.0.0.1 with
the folders and environment a test asks for, and stopped when it is done.
Nothing is downloaded: Playwright drives the system's /usr/bin/chromium
(`apt-get install chromium`; `.ci/run` installs it).
Screenshots go to artifacts/screenshots/ (ignored by git, kept by CI).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, READY, REPO, SCREENSHOTS, Server
from playwright.sync_api import Browser, Page, sync_playwright


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def bundled(tmp_path_factory) -> Server:
    """The app on a copy of the bundled data, as a local researcher runs it."""
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "seeds", root / "seeds")
    server = Server(root / "data", root / "seeds", log=root / "streamlit.log")
    yield server
    server.stop()


@pytest.fixture
def start_server(tmp_path):
    """Start a server on given folders with given environment; all are stopped after the test."""
    servers: list[Server] = []

    def start(data_dir: Path, seeds_dir: Path, **env: str) -> Server:
        server = Server(data_dir, seeds_dir, env, log=tmp_path / f"streamlit-{len(servers)}.log")
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def page(browser):
    """A fresh browser context and page, desktop-sized."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    yield context.new_page()
    context.close()


def wait_ready(page: Page, timeout: float = 60_000) -> None:
    """Wait until the app is connected and no script run is in progress. The page may still be drawing what the
    run sent: a test then waits for the content it asserts on (`expect`, `wait_for`), never for a time."""
    page.wait_for_selector(READY, timeout=timeout)


def charts_drawn(page: Page, timeout: float = 30_000) -> None:
    """Wait until every plotly chart on the page has drawn its figure."""
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
                           ".every(c => c.querySelector('.main-svg'))", timeout=timeout)


def next_frame(page: Page) -> None:
    """Wait until the browser has drawn the page as it now is (two animation frames)."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def open_view(page: Page, url: str, expected: str | None = None, timeout: float = 60_000) -> Page:
    """Open `url` and wait for the run to end, for `expected` (a text the view shows) when given, and for its
    charts to be drawn."""
    page.goto(url)
    wait_ready(page, timeout)
    if expected is not None:
        page.get_by_text(expected).first.wait_for(timeout=timeout)
    charts_drawn(page, timeout)
    return page


def navigate(page: Page, view, expected: str | None = None, timeout: float = 60_000) -> Page:
    """Go to `view` (of the registry) from the sidebar's navigation, as a reader does: the app stays loaded and only
    the view's script runs (a full load by address costs Chromium seconds of CPU). Waits for the view's title, the end
    of its run, `expected` when given, and its charts."""
    page.locator(f"[data-testid=stSidebarNavLink][href$='/{view.url_path}']").click()
    page.wait_for_url(re.compile(rf"/{re.escape(view.url_path)}(\?.*)?$"), timeout=timeout)
    return view_drawn(page, view, expected, timeout)


def view_drawn(page: Page, view, expected: str | None = None, timeout: float = 60_000) -> Page:
    """Wait for `view`'s title, the end of its run, `expected` when given, and its charts."""
    page.get_by_role("heading", name=view.title, exact=True).first.wait_for(timeout=timeout)
    wait_ready(page, timeout)
    if expected is not None:
        page.get_by_text(expected).first.wait_for(timeout=timeout)
    charts_drawn(page, timeout)
    return page


def choose(page: Page, widget: str, option: str) -> None:
    """Pick one option of a sidebar multiselect, as a viewer does. The view reruns: the caller waits for what it
    expects to see."""
    page.get_by_role("combobox", name=re.compile(widget)).click()
    page.get_by_role("option", name=option).click()
    page.keyboard.press("Escape")


def exceptions(page: Page) -> int:
    return page.locator("[data-testid=stException]").count()


def screenshot(page: Page, name: str, whole: bool = False) -> None:
    """The viewport as it is; with `whole`, the whole page at the page's own width (the app scrolls inside its
    main area, so the viewport is made as tall as the content for the picture, then set back: the charts
    redraw twice, which costs a second or two a picture)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if not whole:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
        return
    before = page.viewport_size or {"width": 1440, "height": 1000}
    main = page.locator("[data-testid=stMain]")
    height = main.evaluate("el => el.scrollHeight") if main.count() else before["height"]
    page.set_viewport_size({"width": before["width"], "height": min(max(int(height), before["height"]), 6000)})
    next_frame(page)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(before)
    next_frame(page)


class OffHostGuard:
    """Records every dialog (a script ran) and aborts every request that leaves the loopback address."""

    def __init__(self, page: Page):
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.route("**/*", self._route)

    def _route(self, route):
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.remote.append(route.request.url)
            route.abort()
