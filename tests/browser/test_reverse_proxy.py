"""The README's reverse-proxy set-up, run for real: Debian's nginx in front of `streamlit run`, on loopback.

The nginx site is read from README.md itself, so the documented configuration is the tested one. The
browser reaches the proxy under a public name (team.example.org, mapped to 127.0.0.1 inside Chromium only),
as a visitor of a team's link would.
"""

from __future__ import annotations

import getpass
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, READY, REPO, free_port

NGINX = "/usr/sbin/nginx"
PUBLIC_NAME = "team.example.org"


def documented_site() -> str:
    """The nginx `server { … }` block the README gives."""
    found = re.search(r"```nginx\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    assert found, "README.md has no ```nginx block"
    return "\n".join(line.removeprefix("  ") for line in found.group(1).splitlines())


class Nginx:
    """nginx with one site, in a folder of its own, on a free loopback port."""

    def __init__(self, root: Path, site: str, app_port: int):
        self.port = free_port()
        root.mkdir(parents=True, exist_ok=True)
        site = site.replace("listen 80;", f"listen 127.0.0.1:{self.port};")
        site = site.replace("http://127.0.0.1:8501", f"http://127.0.0.1:{app_port}")
        temp = "\n".join(f"    {kind}_temp_path {root / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                                 "scgi"))
        (root / "nginx.conf").write_text(f"""
user {getpass.getuser()};
worker_processes 1;
daemon off;
pid {root / "nginx.pid"};
error_log {root / "error.log"} info;
events {{ worker_connections 64; }}
http {{
    access_log {root / "access.log"};
{temp}
{site}
}}
""", encoding="utf-8")
        self.root = root
        self.process = subprocess.Popen([NGINX, "-p", str(root), "-e", str(root / "error.log"),
                                         "-c", str(root / "nginx.conf")], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("nginx exited: " + (root / "error.log").read_text(errors="replace")[-2000:])
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError("nginx did not answer")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def proxied(start_server, tmp_path):
    """Start the app and nginx in front of it with a given site; stops both after the test."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: install Debian's nginx-light (apt-get install nginx-light); .ci/run does")
    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    proxies = []

    def start(site: str) -> tuple[Nginx, object]:
        app = start_server(tmp_path / "data", tmp_path / "seeds")
        proxy = Nginx(tmp_path / f"nginx-{len(proxies)}", site, app.port)
        proxies.append(proxy)
        return proxy, app

    yield start
    for proxy in proxies:
        proxy.stop()


def visit(browser, proxy: Nginx, path: str, wait_connected: float | None):
    """Open `path` through the proxy under the public name, in a Chromium of its own that resolves that name to
    127.0.0.1; the browser, the page and whether the app connected."""
    browser = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {PUBLIC_NAME} 127.0.0.1"])
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(f"http://{PUBLIC_NAME}:{proxy.port}/{path}")
    if wait_connected is None:  # the caller waits for what it expects
        return browser, page, None
    try:
        page.wait_for_selector(READY, timeout=wait_connected)
        connected = True
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: the app never connected
        connected = False
    return browser, page, connected


def test_the_documented_proxy_connects_and_its_visitor_cannot_edit(proxied, browser):
    proxy, app = proxied(documented_site())
    public, page, connected = visit(browser, proxy, "curate", 60_000)
    try:
        assert connected, "the app did not connect through the documented nginx site"
        page.get_by_role("heading", name="Curate").wait_for(timeout=30_000)
        assert page.locator("[data-testid=stException]").count() == 0
        assert page.get_by_role("button", name="Save accepted records").count() == 0
        page.get_by_text("You can still run the assistant and download its proposals").wait_for(timeout=30_000)
        assert "editing is on" not in page.inner_text("body")
    finally:
        public.close()
    assert '"GET /curate HTTP/1.1" 200' in (proxy.root / "access.log").read_text()
    assert " 101 " in (proxy.root / "access.log").read_text()  # the WebSocket was upgraded through the proxy


def test_without_the_host_header_the_page_stays_blank(proxied, browser, tmp_path):
    """Why the README insists on `proxy_set_header Host $http_host;`: without it Streamlit refuses the socket."""
    site = documented_site()
    assert "proxy_set_header Host $http_host;" in site
    proxy, _ = proxied("\n".join(line for line in site.splitlines() if "proxy_set_header Host" not in line))
    refused = "Rejecting WebSocket connection with disallowed Origin or Host header"
    public, page, _ = visit(browser, proxy, "", None)
    try:
        deadline = time.monotonic() + 60  # wait for the refusal itself, then look at the page it left
        while refused not in _logs(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert refused in _logs(tmp_path)
        assert page.locator(READY).count() == 0  # never connected
        assert page.locator("h1").count() == 0  # no view was drawn
    finally:
        public.close()


def _logs(folder) -> str:
    return "".join(p.read_text(errors="replace") for p in folder.glob("streamlit-*.log"))
