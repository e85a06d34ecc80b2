"""The one browser layer: Playwright's sync API driving Debian's chromium.

A :class:`Browser` is one headless chromium process; use it from the thread that created it (the sync
API cannot run inside an asyncio loop: callers run bots from worker threads). A :class:`PortalSession` is
one logged-in browser context on one site: it keeps and reuses ``storage_state``, recycles its context
every ``recycle_after`` steps to bound memory, logs in again when the session expired, retries
transient failures (HTTP 5xx, timeouts, maintenance pages) with backoff, and on a final failure saves a
screenshot (password fields masked) and the step's trace next to the run's outputs, then raises
:class:`StepError`. Credentials never reach traces: the trace chunk is stopped while they are typed and
password fields are cleared before recording resumes.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import BrowserContext, Download, Locator, Page, Response, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bots.credentials import Credentials, install_log_filter, scrub
from bots.locators import describe, resolve
from hub.errors import OrderhubError

CHROMIUM = os.environ.get("ORDERHUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage")
T = TypeVar("T")
log = logging.getLogger("bots")
install_log_filter(log)


class BotError(OrderhubError):
    """A bot run failed; the message says which step and where the evidence is."""


class LoginError(BotError):
    """The portal refused the credentials (not retried)."""


class StepError(BotError):
    """A step failed for good: names the step, the locator, the screenshot and the trace."""

    def __init__(self, step: str, reason: str, *, locator: str | None = None, screenshot: Path | None = None,
                 trace: Path | None = None) -> None:
        self.step, self.reason, self.locator = step, scrub(reason), locator
        self.screenshot, self.trace = screenshot, trace
        parts = [f"step {step!r} failed: {self.reason}"]
        if locator:
            parts.append(f"locator: {locator}")
        if screenshot:
            parts.append(f"screenshot: {screenshot}")
        if trace:
            parts.append(f"trace: {trace}")
        super().__init__("; ".join(parts))


class UnreachableError(StepError):
    """The portal could not be reached at all (refused, no such host, timed out): names the address, the
    network reason, the step and the evidence, e.g. ``could not reach https://… (connection refused) at
    step 'login'; screenshot: …; note: …``."""

    def __init__(self, step: str, url: str, why: str, *, screenshot: Path | None = None,
                 note: Path | None = None) -> None:
        super().__init__(step, f"could not reach {url} ({why})", screenshot=screenshot)
        self.url, self.why, self.note = url, why, note
        parts = [f"could not reach {scrub(url)} ({why}) at step {step!r}"]
        if screenshot:
            parts.append(f"screenshot: {screenshot}")
        if note:
            parts.append(f"note: {note}")
        Exception.__init__(self, "; ".join(parts))


# chromium's network error codes, as a person would say them
NET_ERRORS = {
    "ERR_CONNECTION_REFUSED": "connection refused", "ERR_NAME_NOT_RESOLVED": "no such host",
    "ERR_NAME_RESOLUTION_FAILED": "no such host", "ERR_CONNECTION_TIMED_OUT": "connection timed out",
    "ERR_TIMED_OUT": "timed out", "ERR_ADDRESS_UNREACHABLE": "address unreachable",
    "ERR_CONNECTION_RESET": "connection reset", "ERR_CONNECTION_CLOSED": "connection closed",
    "ERR_EMPTY_RESPONSE": "empty response", "ERR_INTERNET_DISCONNECTED": "no network",
    "ERR_NETWORK_CHANGED": "network changed", "ERR_PROXY_CONNECTION_FAILED": "proxy connection failed",
    "ERR_UNSAFE_PORT": "a port the browser refuses to use", "ERR_SSL_PROTOCOL_ERROR": "TLS error",
    "ERR_CERT_AUTHORITY_INVALID": "certificate not trusted", "ERR_CERT_COMMON_NAME_INVALID": "certificate for another name",
    "ERR_CERT_DATE_INVALID": "certificate expired or not yet valid",
}
_NET_ERROR = re.compile(r"net::(ERR_[A-Z_]+)(?: at (\S+))?")


def network_failure(exc: BaseException, fallback_url: str) -> tuple[str, str] | None:
    """``(url, reason)`` when ``exc`` is chromium failing to reach a site (``net::ERR_…``), else ``None``."""
    found = _NET_ERROR.search(str(exc))
    if not found:
        return None
    code = found.group(1)
    return found.group(2) or fallback_url, NET_ERRORS.get(code, code.removeprefix("ERR_").lower().replace("_", " "))


class Transient(Exception):
    """A failure worth retrying: HTTP 5xx, a maintenance page, a timeout."""


class SessionExpired(Exception):
    """The portal sent us back to its login page."""


class LocatorMissing(Exception):
    """A locator found nothing in time (the page changed, or is not the one expected)."""

    def __init__(self, locator: str, detail: str = "") -> None:
        self.locator = locator
        super().__init__(f"nothing matches {locator}" + (f" ({detail})" if detail else ""))


_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def safe_filename(name: str | None, default: str = "download") -> str:
    """A file name that stays inside its folder: no separators, no ``..``, no control characters, no
    absolute paths or drive letters, at most 150 characters (the extension kept)."""
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").split("/")[-1]                 # drop any directory part
    text = _UNSAFE.sub("_", text).strip().strip(".").strip()
    text = re.sub(r"\.{2,}", ".", text)
    if not text or set(text) <= {"_", "."}:
        text = default
    stem, dot, ext = text.rpartition(".")
    if dot and 0 < len(ext) <= 10 and stem:
        return stem[:140].rstrip(" .") + "." + ext
    return text[:150]


def unique_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/name (2)`` ... when taken; always inside ``folder``."""
    folder = folder.resolve()
    path = folder / name
    n = 2
    while path.exists():
        stem, ext = os.path.splitext(name)
        path = folder / f"{stem} ({n}){ext}"
        n += 1
    if path.resolve().parent != folder:
        raise BotError(f"refusing to save {name!r} outside {folder}")
    return path


class Browser:
    """One headless chromium process (Debian's, never a downloaded one). Use it from one thread."""

    def __init__(self, *, executable: str = CHROMIUM, headless: bool = True) -> None:
        if not Path(executable).exists():
            raise BotError(f"chromium not found at {executable} (apt-get install chromium, or set ORDERHUB_CHROMIUM)")
        self._pw = sync_playwright().start()
        try:
            extra = os.environ.get("ORDERHUB_CHROMIUM_ARGS", "").split()
            self.browser = self._pw.chromium.launch(executable_path=executable, headless=headless,
                                                    args=[*CHROMIUM_ARGS, *extra])
        except BaseException:
            self._pw.stop()
            raise

    def new_context(self, **kwargs: Any) -> BrowserContext:
        """A fresh context (its own cookies, cache and storage)."""
        return self.browser.new_context(accept_downloads=True, **kwargs)

    def close(self) -> None:
        """Close chromium and the Playwright driver."""
        try:
            self.browser.close()
        finally:
            self._pw.stop()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Site:
    """What a session needs to know about a portal."""

    name: str
    base_url: str
    login: Callable[[Page, Credentials, str], None]      # (page, credentials, base_url): logs in or raises
    login_path: str = "/login"
    is_login_page: Callable[[Page], bool] = lambda page: "/login" in page.url
    #: Texts that mark a page as a transient failure (maintenance interstitial, "please retry").
    transient_texts: tuple[str, ...] = ()
    #: A locator spec found only on the login page (lets waits notice an expired session at once).
    login_marker: dict | str | None = None

    def url(self, path: str) -> str:
        """An absolute URL on the site."""
        return path if path.startswith("http") else self.base_url.rstrip("/") + "/" + path.lstrip("/")


@dataclass
class SessionStats:
    """What a session went through (for reports and benchmarks)."""

    steps: int = 0
    retries: int = 0
    logins: int = 0
    contexts: int = 0
    downloads: int = 0
    failures: list[str] = field(default_factory=list)


class PortalSession:
    """One logged-in context on one portal, with retries, re-login, recycling and failure evidence."""

    def __init__(self, browser: Browser, site: Site, credentials: Credentials, out_dir: Path, *,
                 recycle_after: int = 250, retries: int = 4, backoff: float = 0.25, trace: bool = True,
                 timeout_ms: int = 15000, state_path: Path | None = None, worker: str = "",
                 trace_screenshots: bool = False) -> None:
        self.browser, self.site, self.credentials = browser, site, credentials
        self.out_dir = Path(out_dir)
        self.failures_dir = self.out_dir / "failures"
        self.recycle_after, self.retries, self.backoff = recycle_after, retries, backoff
        self.trace, self.timeout_ms, self.worker = trace, timeout_ms, worker
        #: Screencast frames in traces cost a lot of CPU; DOM snapshots (always on) and the failure
        #: screenshot usually say enough.
        self.trace_screenshots = trace_screenshots
        self.state_path = state_path or self.out_dir / ".state" / f"{site.name}{worker}.json"
        self.stats = SessionStats()
        self._context: BrowserContext | None = None
        self._page: Page | None = None
        self._steps_in_context = 0
        self._chunk = False

    # -- context lifecycle ----------------------------------------------------------------------------
    @property
    def page(self) -> Page:
        """The session's page (opening the context and logging in on first use)."""
        if self._page is None:
            self._open()
        assert self._page is not None
        return self._page

    def _context_kwargs(self) -> dict[str, Any]:
        return {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}

    def _open(self) -> None:
        """Open the working context from the saved storage state (logging in first when there is none)."""
        if not self.state_path.is_file():
            self._login_elsewhere()
        self._context = self.browser.new_context(storage_state=str(self.state_path), **self._context_kwargs())
        self._context.set_default_timeout(self.timeout_ms)
        self._page = self._context.new_page()
        self.stats.contexts += 1
        self._steps_in_context = 0
        if self.trace:
            # One trace chunk per stretch of steps: discarded on recycling, saved with a failure.
            self._context.tracing.start(screenshots=self.trace_screenshots, snapshots=True, title=self.site.name)
            self._chunk = True

    def _save_state(self) -> None:
        if self._context is None:
            return
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        self._context.storage_state(path=str(self.state_path))
        os.chmod(self.state_path, 0o600)

    def recycle(self, *, keep_state: bool = True) -> None:
        """Close the context (saving its storage state) so the next step starts a fresh one."""
        if self._context is not None:
            try:
                self._stop_chunk(None)
                if keep_state:
                    self._save_state()
                self._context.close()
            except PlaywrightError:
                pass
        self._context, self._page = None, None

    def close(self) -> None:
        """Close the context."""
        self.recycle()

    def __enter__(self) -> PortalSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- login ------------------------------------------------------------------------------------------
    def login(self) -> None:
        """Log in again (the session expired): a fresh login, then a fresh working context."""
        self.recycle(keep_state=False)
        self._login_elsewhere()

    def _login_elsewhere(self) -> None:
        """Log in inside a separate, never-traced context and keep only its storage state (cookies): the
        credentials and the login request never reach a trace of the working context."""
        self.stats.logins += 1
        log.info("%s: logging in as %s", self.site.name, self.credentials.username)
        context = self.browser.new_context(**self._context_kwargs())
        context.set_default_timeout(self.timeout_ms)
        page = context.new_page()
        try:
            for attempt in range(self.retries + 1):
                try:
                    self.site.login(page, self.credentials, self.site.base_url)
                    break
                except Transient as exc:
                    if attempt == self.retries:
                        raise self._fail("login", f"portal kept failing during login: {exc}", None, page) from None
                    time.sleep(self.backoff * 2 ** attempt)
                except PlaywrightTimeout as exc:
                    raise self._fail("login", _first_line(exc), None, page) from None
                except PlaywrightError as exc:
                    unreachable = network_failure(exc, self.site.base_url)
                    if unreachable is None:
                        raise
                    if attempt == self.retries:
                        raise self._fail("login", "", None, page, unreachable=unreachable) from None
                    log.info("%s: login: retry %d: %s", self.site.name, attempt + 1, unreachable[1])
                    time.sleep(self.backoff * 2 ** attempt)
                except (LoginError, LocatorMissing) as exc:
                    self._fail("login", str(exc), getattr(exc, "locator", None), page)
                    raise
            _clear_password_fields(page)
            self.state_path.parent.mkdir(parents=True, exist_ok=True)
            context.storage_state(path=str(self.state_path))
            os.chmod(self.state_path, 0o600)
        finally:
            context.close()

    # -- steps ------------------------------------------------------------------------------------------
    def step(self, name: str, action: Callable[[Page], T], *, weight: int = 1) -> T:
        """Run ``action(page)`` as a named step: retried on transient failures, re-logged-in on expiry;
        after the last attempt (or a missing locator) the evidence is saved and :class:`StepError` raised.
        ``weight``: how many steps it counts as towards recycling the context (a step reading N pages: N)."""
        attempt = 0
        relogins = 0
        while True:
            if self._steps_in_context >= self.recycle_after:
                self.recycle()
            page = self.page
            try:
                result = action(page)
            except SessionExpired:
                relogins += 1
                if relogins > self.retries:
                    raise self._fail(name, "the portal keeps ending the session", None) from None
                self.login()
                continue
            except LocatorMissing as exc:
                raise self._fail(name, str(exc), exc.locator) from None
            except PlaywrightError as exc:
                unreachable = None if isinstance(exc, PlaywrightTimeout) else network_failure(exc, self.site.base_url)
                if unreachable is None and not isinstance(exc, PlaywrightTimeout):
                    raise
                attempt += 1
                if attempt > self.retries:
                    if unreachable is not None:
                        raise self._fail(name, "", None, unreachable=unreachable) from None
                    raise self._fail(name, f"still failing after {self.retries} retries: {_first_line(exc)}",
                                     None) from None
                self.stats.retries += 1
                log.info("%s: %s: retry %d after %s", self.site.name, name, attempt,
                         unreachable[1] if unreachable else _first_line(exc))
                time.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            except Transient as exc:
                last = _first_line(exc)
                attempt += 1
                if attempt > self.retries:
                    raise self._fail(name, f"still failing after {self.retries} retries: {last}", None) from None
                self.stats.retries += 1
                log.info("%s: %s: retry %d after %s", self.site.name, name, attempt, last)
                time.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            self.stats.steps += 1
            self._steps_in_context += weight
            return result

    def goto(self, page: Page, path: str, ready: dict | str | None = None, *, wait_until: str = "domcontentloaded",
             timeout_ms: int | None = None, fast: bool = False) -> Response | None:
        """Open a page and make sure it is the page asked for: 5xx and maintenance pages raise
        :class:`Transient`, the login page :class:`SessionExpired`; then wait for ``ready``. With ``fast``
        only the status and the address are checked here (the caller's own read looks for markers)."""
        response = page.goto(self.site.url(path), wait_until=wait_until)  # type: ignore[arg-type]
        if fast:
            if response is not None and response.status >= 500:
                raise Transient(f"HTTP {response.status} from {response.url}")
            if self.site.is_login_page(page):
                raise SessionExpired()
        else:
            self.check(page, response)
        if ready is not None:
            self.wait_for(page, ready, timeout_ms=timeout_ms)
        return response

    def check(self, page: Page, response: Response | None = None) -> None:
        """Raise :class:`Transient` / :class:`SessionExpired` when the page is an error, maintenance or
        login page."""
        if response is not None and response.status >= 500:
            raise Transient(f"HTTP {response.status} from {response.url}")
        if self.site.is_login_page(page):
            raise SessionExpired()
        if self.site.transient_texts:
            found = page.evaluate(_MARKERS_JS, list(self.site.transient_texts))
            if found:
                raise Transient(f"the page says {found!r}")

    def wait_for(self, page: Page, spec: dict | str, *, timeout_ms: int | None = None) -> Locator:
        """Wait until ``spec`` shows (or a transient marker / the login page does); return the locator."""
        target = resolve(page, spec).first
        markers = [page.get_by_text(t) for t in self.site.transient_texts]
        if self.site.login_marker is not None:
            markers.append(resolve(page, self.site.login_marker))
        either = target
        for marker in markers:
            either = either.or_(marker)
        try:
            either.first.wait_for(state="visible", timeout=timeout_ms or self.timeout_ms)
        except PlaywrightTimeout:
            self.check(page)
            raise LocatorMissing(describe(spec), f"on {page.url}") from None
        self.check(page)
        return target

    def read(self, page: Page, spec: dict | str, script: str, arg: Any = None, *, timeout_ms: int = 5000) -> Any:
        """Evaluate ``script`` on the element ``spec`` names (one round trip); a missing element raises
        :class:`LocatorMissing` unless the page turns out to be an error, maintenance or login page."""
        try:
            return resolve(page, spec).first.evaluate(script, arg, timeout=timeout_ms)
        except PlaywrightTimeout:
            self.check(page)
            raise LocatorMissing(describe(spec), f"on {page.url}") from None

    def download(self, page: Page, trigger: Callable[[], None], folder: Path, *,
                 timeout_ms: int | None = None) -> Path:
        """Start a download with ``trigger()`` and save it in ``folder`` under a safe name. An error page,
        a maintenance page or the login page instead of the file raises the matching exception."""
        folder.mkdir(parents=True, exist_ok=True)
        downloads: list[Download] = []
        answers: list[Response] = []

        def on_download(download: Download) -> None:
            downloads.append(download)

        def on_response(response: Response) -> None:
            if response.request.is_navigation_request() and response.frame == page.main_frame:
                answers.append(response)

        page.on("download", on_download)
        page.on("response", on_response)
        try:
            trigger()
            deadline = time.monotonic() + (timeout_ms or self.timeout_ms) / 1000
            while not downloads:
                for response in answers:
                    disposition = response.headers.get("content-disposition", "")
                    if "attachment" not in disposition:
                        page.wait_for_load_state("domcontentloaded")
                        self.check(page, response)
                        raise Transient(f"got a page instead of a file from {response.url} (HTTP {response.status})")
                if time.monotonic() > deadline:
                    raise Transient("the download did not start")
                page.wait_for_timeout(25)
            download = downloads[0]
            path = unique_path(folder, safe_filename(download.suggested_filename))
            download.save_as(path)
            failure = download.failure()
            if failure:
                path.unlink(missing_ok=True)
                raise Transient(f"download failed: {failure}")
        finally:
            page.remove_listener("download", on_download)
            page.remove_listener("response", on_response)
        self.stats.downloads += 1
        return path

    # -- evidence -------------------------------------------------------------------------------------------
    def _start_chunk(self, title: str) -> None:
        if self.trace and self._context is not None and not self._chunk:
            self._context.tracing.start_chunk(title=title)
            self._chunk = True

    def _stop_chunk(self, path: Path | None) -> None:
        if self.trace and self._context is not None and self._chunk:
            self._chunk = False
            try:
                self._context.tracing.stop_chunk(path=str(path) if path else None)
            except PlaywrightError:
                pass

    def _fail(self, step: str, reason: str, locator: str | None, page: Page | None = None, *,
              unreachable: tuple[str, str] | None = None) -> StepError:
        """Save a screenshot (password fields masked), the step's trace and a note; build the error
        (:class:`UnreachableError` when ``unreachable`` gives the address and the network reason)."""
        self.failures_dir.mkdir(parents=True, exist_ok=True)
        stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{self.site.name}{self.worker}-{safe_filename(step, 'step')}"
        shot, trace = self.failures_dir / f"{stamp}.png", None
        in_login = page is not None
        page = page or self._page
        if page is not None:
            try:
                _clear_password_fields(page)
                page.screenshot(path=str(shot), full_page=True, mask=[page.locator("input[type=password]")])
            except PlaywrightError:
                shot = None  # type: ignore[assignment]
        else:
            shot = None  # type: ignore[assignment]
        if self._chunk and not in_login:
            trace = self.failures_dir / f"{stamp}.trace.zip"
            self._stop_chunk(trace)
            if not trace.exists():
                trace = None
            self._start_chunk(self.site.name)
        note_path = self.failures_dir / f"{stamp}.json"
        if unreachable is not None:
            error: StepError = UnreachableError(step, unreachable[0], unreachable[1], screenshot=shot, note=note_path)
        else:
            error = StepError(step, reason, locator=locator, screenshot=shot, trace=trace)
        note = {"step": step, "reason": error.reason, "locator": locator, "url": page.url if page else None,
                "screenshot": str(shot) if shot else None, "trace": str(trace) if trace else None}
        note_path.write_text(json.dumps(note, ensure_ascii=False, indent=1))
        self.stats.failures.append(str(error))
        log.error("%s", error)
        return error


_MARKERS_JS = """(texts) => {
  const body = document.body ? document.body.textContent : "";
  return texts.find(t => body.includes(t)) || null;
}"""


def required(page: Page, spec: dict | str, step: str, timeout_ms: int = 10000) -> Locator:
    """The first element ``spec`` names, once visible; :class:`LocatorMissing` (naming ``step``) if none."""
    loc = resolve(page, spec).first
    try:
        loc.wait_for(timeout=timeout_ms)
    except PlaywrightTimeout:
        raise LocatorMissing(describe(spec), step) from None
    return loc


def _clear_password_fields(page: Page) -> None:
    try:
        page.evaluate("() => document.querySelectorAll('input[type=password]').forEach(i => { i.value = ''; })")
    except PlaywrightError:
        pass


def _first_line(exc: BaseException) -> str:
    return scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
