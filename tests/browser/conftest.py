"""Browser fixtures: a real server on a free port and Debian's chromium driven by Playwright.

Playwright cannot download its own browser here, so it drives ``/usr/bin/chromium``
(``make browser-deps`` installs it). With ``CI=true`` a missing browser fails the run instead of
skipping it. Screenshots go to ``TALENTBRIDGE_TEST_OUTPUT`` (default ``test-output/``).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright
from starlette.types import ASGIApp, Receive, Scope, Send

from talentbridge.app import create_app
from talentbridge.auth import service as auth_service
from talentbridge.auth.actor import Actor
from talentbridge.auth.enums import Role
from talentbridge.auth.schemas import UserCreate
from talentbridge.config import Settings
from talentbridge.db import migrate
from talentbridge.db.session import engine_for, session_factory, unit_of_work
from talentbridge.demo.loader import load_demo
from talentbridge.jobs import service as jobs_service
from talentbridge.jobs.schemas import HubCreate
from talentbridge.pipeline import service as pipeline_service
from talentbridge.worker import QueueNotConfigured, configure_queue, current_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ADMIN_EMAIL = "admin@browser.example"
ADMIN_PASSWORD = "browser-test-password"

pytestmark = pytest.mark.browser


def output_dir() -> Path:
    """Where screenshots are written (created on demand)."""
    path = Path(os.environ.get("TALENTBRIDGE_TEST_OUTPUT", "test-output")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _seed(settings: Settings) -> None:
    factory = session_factory(engine_for(settings.effective_database_url))
    with unit_of_work(factory) as session:
        system = Actor.system()
        auth_service.create_user(
            session,
            system,
            UserCreate(email=ADMIN_EMAIL, full_name="Ada Admin", role=Role.ADMIN, password=ADMIN_PASSWORD),
        )
        jobs_service.create_hub(
            session,
            system,
            HubCreate(
                name="Shenzhen", city="Shenzhen", country="CN", timezone="Asia/Shanghai", currency="CNY"
            ),
        )
        pipeline_service.ensure_defaults(session)


def browser_settings(data_dir: Path) -> Settings:
    """Settings for a server under test with its own SQLite database."""
    return Settings(
        env="test",
        data_dir=data_dir,
        database_url=f"sqlite:///{data_dir / 'browser.db'}",
        secret_key="browser-test-secret-key-0123456789-abcdef",
        password_hash_fast=True,
        mail_backend="memory",
    )


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """Run the app on a free local port in a thread; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            _OwnQueue(create_app(settings), settings), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class _OwnQueue:
    """Give each test server its own job queue again before each request.

    The job queue is process-wide (one app per process in real life), but here several servers
    share the test process, and the test teardown shuts the queue down after every test. Before
    a request, the server's queue is (re)installed, eager as in every test, so its jobs run
    against its own database.
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _queue_settings() is not self.settings:
            configure_queue(self.settings, eager=True)
        await self.app(scope, receive, send)


def _queue_settings() -> Settings | None:
    try:
        return current_settings()
    except QueueNotConfigured:
        return None


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A TalentBridge server with a fresh database, an admin and one hub."""
    settings = browser_settings(tmp_path_factory.mktemp("browser-data"))
    migrate.upgrade(settings.effective_database_url)
    _seed(settings)
    with serving(settings) as url:
        yield url


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with the demo company (a smaller crowd than `make demo`, same generator)."""
    settings = browser_settings(tmp_path_factory.mktemp("demo-data"))
    migrate.upgrade(settings.effective_database_url)
    configure_queue(
        settings
    )  # demo extensions enqueue work (the matching index), as `talentbridge demo` does
    with unit_of_work(session_factory(engine_for(settings.effective_database_url))) as session:
        load_demo(session, people=120)
    with serving(settings) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian chromium (never a downloaded browser)."""
    if not CHROMIUM.exists():
        message = "Debian chromium is missing: run `make browser-deps` (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser context (own cookies) at 1400x900."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 900}, locale="en-US")
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    yield new_page
    context.close()


def sign_in(page: Page, email: str = ADMIN_EMAIL, password: str = ADMIN_PASSWORD) -> None:
    """Sign in through the login form."""
    page.goto("/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


@pytest.fixture
def admin_page(page: Page) -> Page:
    """A page signed in as the administrator."""
    sign_in(page)
    return page


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Callable[..., None]:
    """Save a screenshot under the test output directory: ``shot(page, "name")``.

    Full page by default; ``full_page=False`` keeps the viewport only (long pages in the README).
    """
    del request

    def _shot(page: Page, name: str, *, full_page: bool = True) -> None:
        page.screenshot(path=str(output_dir() / f"{name}.png"), full_page=full_page)

    return _shot
