"""The generic, profile-driven portal scraper: log in, walk the list pages, open every order's detail
page, read the fields the profile names, download what it lists, and check the total against the
portal's own count. A new site needs a profile, not Python.

Work is split into steps (one list page, one order) run through :class:`bots.browser.PortalSession`, so
every step is retried, re-logged-in and, on failure, documented with a screenshot and a trace. With
``workers > 1`` each worker thread drives its own chromium (Playwright's sync API is per thread).
"""

from __future__ import annotations

import itertools
import logging
import math
import queue
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from bots.browser import (
    Browser,
    LocatorMissing,
    LoginError,
    PortalSession,
    SessionExpired,
    Site,
    StepError,
    Transient,
    required,
)
from bots.credentials import Credentials
from bots.extract import PAIRS_JS, TABLE_JS, extract
from bots.fetched import Fetched, fetch_json, fetch_pages, save_file
from bots.locators import describe, resolve
from bots.profiles import Profile, check_scrape_profile
from bots.values import ValueProblem, convert
from hub.errors import InputError

log = logging.getLogger("bots")

class ShortfallError(StepError):
    """Fewer (or more) orders scraped than the portal says it has."""


@dataclass
class ScrapedOrder:
    """One order as read from the portal: field values and lines (plain values, not yet a record)."""

    key: str
    fields: dict[str, Any]
    lines: list[dict[str, Any]]
    downloads: list[Path] = field(default_factory=list)


@dataclass
class ScrapeResult:
    """What a scrape produced and went through."""

    profile: str
    portal_count: int
    orders: list[ScrapedOrder]
    downloads: list[Path]
    pages: int
    seconds: float
    stats: dict[str, int]


def login_with_profile(profile: Profile) -> Callable[[Page, Credentials, str], None]:
    """The login routine a profile describes (fill/click steps, success and failure markers)."""
    spec = profile.login
    transient = tuple(profile.site.get("transient_texts", ()))

    def login(page: Page, credentials: Credentials, base_url: str) -> None:
        response = page.goto(base_url + spec["url"], wait_until="domcontentloaded")
        if response is not None and response.status >= 500:
            raise Transient(f"HTTP {response.status} on the login page")
        for i, step in enumerate(spec["steps"], start=1):
            if "fill" in step:
                value = step.get("value", "")
                text = credentials.password.reveal() if value == "{password}" else value.format(
                    username=credentials.username)
                required(page, step["fill"], f"login step {i}").fill(text)
            elif "click" in step:
                required(page, step["click"], f"login step {i}").click()
            else:
                raise InputError(f"login step {i}: needs fill or click", source=str(profile.path))
        success = resolve(page, spec["success"]).first
        target = success.or_(resolve(page, spec["failure"]).first) if "failure" in spec else success
        for text in transient:
            target = target.or_(page.get_by_text(text))
        target.first.wait_for(timeout=15000)
        if success.is_visible():
            return
        shown = next((t for t in transient if page.get_by_text(t).count()), None)
        if shown and spec["url"] not in page.url:
            return          # logged in (we left the login page); the landing page failed: the next step retries
        if shown:
            raise Transient(f"the page after logging in says {shown!r}")
        message = resolve(page, spec["failure"]).first.inner_text().strip() if "failure" in spec else ""
        if not message:
            raise Transient("login did not complete")
        raise LoginError(f"{profile.name}: the portal refused the login for {credentials.username!r}: {message}")

    return login


def site_for(profile: Profile, base_url: str) -> Site:
    """The browser layer's view of a profiled site."""
    marker = profile.login.get("page_marker")
    login_path = profile.login["url"]

    def is_login_page(page: Page) -> bool:
        if login_path not in page.url:
            return False
        return marker is None or resolve(page, marker).count() > 0

    return Site(name=profile.name, base_url=base_url, login=login_with_profile(profile), login_path=login_path,
                is_login_page=is_login_page, transient_texts=tuple(profile.site.get("transient_texts", ())),
                login_marker=marker)


@dataclass
class Scraper:
    """Scrape one portal with one profile (``workers`` parallel browser contexts)."""

    profile: Profile
    base_url: str
    credentials: Credentials
    out_dir: Path
    workers: int = 1
    downloads: bool = True
    trace: bool = True
    recycle_after: int = 250
    retries: int = 4
    progress: Callable[[str], None] | None = None
    #: Detail pages fetched and read at once per context without rendering them (``None``: the profile's
    #: ``detail.fetch``; 0: open every detail page in the browser).
    fetch: int | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        check_scrape_profile(self.profile)
        if self.fetch is None:
            self.fetch = self.profile.detail.get("fetch", 0)
        if not isinstance(self.fetch, int) or isinstance(self.fetch, bool) or not 0 <= self.fetch <= 32:
            raise InputError(f"detail.fetch must be a whole number from 0 to 32, not {self.fetch!r}",
                             source=str(self.profile.path))

    # -- steps -------------------------------------------------------------------------------------------
    def list_page(self, session: PortalSession, page_no: int, since: date | None, until: date | None) -> dict:
        """Read one list page: the portal's count and the rows (cells and links by header)."""
        spec = self.profile.list
        url = spec["url"].format(page=page_no, since=since or "", until=until or "",
                                 page_size=spec.get("page_size", 20))

        def read(page: Page) -> dict:
            session.goto(page, url, spec["table"])
            table = resolve(page, spec["table"]).first
            data = table.evaluate(TABLE_JS)
            count_spec = spec["count"]
            text = session.wait_for(page, count_spec["locator"]).inner_text()
            m = re.search(count_spec["pattern"], text)
            if not m:
                raise LocatorMissing(f"{describe(count_spec['locator'])} with /{count_spec['pattern']}/",
                                     f"the count text was {text!r}")
            missing = [h for h in [spec["key"], *spec.get("columns", {})] if h not in data["heads"]]
            if missing:
                raise LocatorMissing(f"column(s) {missing} of {describe(spec['table'])}", f"headers: {data['heads']}")
            return {"count": int(m[1]), "rows": data["rows"]}

        def read_api(page: Page) -> dict:
            if not page.url.startswith(session.site.base_url.rstrip("/") + "/"):
                session.goto(page, url, spec["table"])        # fetch() needs the site's origin and cookies
            return self._api_page(session, page, page_no, since, until)

        use_api = self.fetch and "api" in spec
        return session.step(f"list page {page_no}", read_api if use_api else read)

    def _api_page(self, session: PortalSession, page: Page, page_no: int, since: date | None,
                  until: date | None) -> dict:
        """One list page from the JSON API behind the list (profile ``list.api``), fetched by the page."""
        spec = self.profile.list
        api = spec["api"]
        url = session.site.url(api["url"].format(page=page_no, since=since or "", until=until or "",
                                                 page_size=spec.get("page_size", 20)))
        got = fetch_json(page, url, login_path=session.site.login_path, timeout_ms=session.timeout_ms)
        if got["status"] in (401, 403) or got["login"]:
            raise SessionExpired()
        if got["status"] >= 500 or got["data"] is None:
            raise Transient(f"HTTP {got['status']} from {url}" + ("" if got["data"] is not None else " (not JSON)"))
        data = got["data"]
        items, count = data.get(api["rows"]), data.get(api["count"])
        if not isinstance(items, list) or not isinstance(count, int):
            raise LocatorMissing(f"{api['rows']!r} and {api['count']!r} in the JSON of {api['url']}",
                                 f"keys: {sorted(data)}")
        rows = []
        for item in items:
            missing = [f for f in api["columns"].values() if f not in item]
            if missing:
                raise LocatorMissing(f"field(s) {missing} in the JSON of {api['url']}", f"keys: {sorted(item)}")
            cells = {head: "" if item[f] is None else str(item[f]) for head, f in api["columns"].items()}
            link_col = self.profile.detail.get("link", spec["key"])
            links = {link_col: {"text": cells.get(link_col, ""), "href": session.site.url(api["link"].format(**item))}}
            rows.append({"cells": cells, "links": links})
        return {"count": count, "rows": rows}

    def detail(self, session: PortalSession, key: str, href: str) -> ScrapedOrder:
        """Open one order's detail page and read its fields, lines and downloads."""
        spec = self.profile.detail

        def read(page: Page) -> ScrapedOrder:
            session.goto(page, href, fast=True)
            got = extract(page, self._detail_targets(), session.site.transient_texts)
            if got["marker"]:
                raise Transient(f"the page says {got['marker']!r}")
            # Fast path missed something: Playwright's locators wait, and name what is missing.
            scope = spec.get("scope", "body")
            pairs = got["results"]["pairs"] or session.read(page, scope, PAIRS_JS)
            lines_table = None
            if "lines" in spec:
                lines_table = got["results"]["lines"] or session.read(page, spec["lines"]["table"], TABLE_JS)
            fields, lines = self._order_data(key, pairs, lines_table)
            files: list[Path] = []
            if self.downloads:
                for d in spec.get("downloads", []):
                    folder = self.out_dir / d.get("folder", "downloads")
                    link = required(page, d["click"], f"download {d['name']}")
                    files.append(session.download(page, link.click, folder))
            return ScrapedOrder(key, fields, lines, files)

        return session.step(f"order {key}", read)

    def details(self, session: PortalSession, items: list[tuple[str, str]]) -> list[ScrapedOrder | None]:
        """Read several orders' detail pages at once, fetched by the logged-in page without rendering
        (their downloads too). An order whose page was not as expected comes back as None: read it with
        :meth:`detail`, which retries, logs in again or fails with the evidence."""
        spec = self.profile.detail
        site = session.site
        downloads = {f"download {d['name']}": d["click"] for d in spec.get("downloads", [])} if self.downloads else {}

        def read(page: Page) -> list[Fetched]:
            if not page.url.startswith(site.base_url.rstrip("/") + "/"):
                session.goto(page, items[0][1], fast=True)      # fetch() needs the site's origin and cookies
            return fetch_pages(page, [site.url(href) for _, href in items], self._detail_targets(),
                               markers=site.transient_texts, downloads=downloads, login_path=site.login_path,
                               timeout_ms=session.timeout_ms)

        got = session.step(f"orders {items[0][0]}..{items[-1][0]} (fetched)", read, weight=len(items))
        out: list[ScrapedOrder | None] = []
        for (key, _), one in zip(items, got, strict=True):
            order = None
            if one.problem is None and one.results.get("pairs") and ("lines" not in spec or one.results.get("lines")):
                try:
                    fields, lines = self._order_data(key, one.results["pairs"], one.results.get("lines"))
                    order = ScrapedOrder(key, fields, lines)
                except LocatorMissing:
                    order = None
            if order is None:
                session.stats.retries += 1           # read again, rendered: that step retries on its own too
                log.info("%s: order %s: fetched page not usable (%s); opening it", site.name, key,
                         one.problem or "missing fields")
            else:
                for d in spec.get("downloads", []) if self.downloads else []:
                    name, data = one.files[f"download {d['name']}"]
                    order.downloads.append(save_file(self.out_dir / d.get("folder", "downloads"), name, data))
                    session.stats.downloads += 1
            out.append(order)
        return out

    def _detail_targets(self) -> dict[str, tuple[Any, str]]:
        spec = self.profile.detail
        targets: dict[str, tuple[Any, str]] = {"pairs": (spec.get("scope", "body"), "pairs")}
        if "lines" in spec:
            targets["lines"] = (spec["lines"]["table"], "table")
        return targets

    def _order_data(self, key: str, pairs: dict[str, str], table: dict | None) -> tuple[dict, list]:
        """Fields and lines from a detail page's label/value pairs and line table (LocatorMissing names
        what the page lacks)."""
        spec = self.profile.detail
        fields: dict[str, Any] = {}
        for label, name in spec.get("fields", {}).items():
            if label not in pairs:
                raise LocatorMissing(f"label {label!r} in {describe(spec.get('scope', 'body'))}",
                                     f"labels seen: {sorted(pairs)}")
            fields[name] = self._value(name, pairs[label], key)
        lines: list[dict[str, Any]] = []
        if "lines" in spec and table is not None:
            columns = spec["lines"]["columns"]
            missing = [h for h in columns if h not in table["heads"]]
            if missing:
                raise LocatorMissing(f"column(s) {missing} of {describe(spec['lines']['table'])}",
                                     f"headers: {table['heads']}")
            for row in table["rows"]:
                lines.append({name: self._value(name, row["cells"][head], key) for head, name in columns.items()})
        return fields, lines

    def _value(self, name: str, text: str, key: str) -> Any:
        try:
            return convert(name, text, self.profile.values)
        except ValueProblem as exc:
            raise LocatorMissing(f"field {name}", f"order {key}: {exc}") from None

    # -- the run -----------------------------------------------------------------------------------------
    def session(self, browser: Browser, worker: int = 0) -> PortalSession:
        """A session on the profiled site for one worker."""
        return PortalSession(browser, site_for(self.profile, self.base_url), self.credentials, self.out_dir,
                             recycle_after=self.recycle_after, retries=self.retries, trace=self.trace,
                             worker=f"-w{worker}" if self.workers > 1 else "")

    def run(self, since: date | None = None, until: date | None = None) -> ScrapeResult:
        """Scrape every order of the date range; check the count; fail loudly on any shortfall."""
        started = time.monotonic()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        spec = self.profile.list
        date_filter = spec.get("date_filter", True)
        tasks: queue.PriorityQueue = queue.PriorityQueue()   # list pages before orders
        counter = itertools.count()
        results: dict[str, Any] = {"pages": {}, "orders": {}, "downloads": [], "stats": []}
        errors: list[BaseException] = []
        first_done = threading.Event()
        portal_count: list[int] = []

        def worker(n: int) -> None:
            try:
                with Browser() as browser, self.session(browser, n) as session:
                    if n == 0:
                        first = self.list_page(session, 1, since if date_filter else None,
                                               until if date_filter else None)
                        portal_count.append(first["count"])
                        self._take_page(1, first, results, tasks, since, until, date_filter)
                        pages = max(1, math.ceil(first["count"] / spec.get("page_size", 20)))
                        results["expected_pages"] = pages
                        if pages == 1:
                            self._check_listing(results, first["count"])
                        for p in range(2, pages + 1):
                            tasks.put(("page", p))
                        first_done.set()
                        if self.downloads:
                            for d in self.profile.data.get("downloads", []):
                                results["downloads"].append(self._global_download(session, d, since, until))
                    else:
                        first_done.wait()
                    while not errors:
                        try:
                            taken = [tasks.get(timeout=0.2)[2]]
                        except queue.Empty:
                            if self._idle(tasks):
                                break
                            continue
                        try:
                            while taken[0][0] == "order" and len(taken) < (self.fetch or 1):
                                try:
                                    taken.append(tasks.get_nowait()[2])   # more orders to fetch at once
                                except queue.Empty:
                                    break
                            orders = [arg for kind, arg in taken if kind == "order"]
                            for kind, arg in taken:
                                if kind == "page":
                                    data = self.list_page(session, arg, since if date_filter else None,
                                                          until if date_filter else None)
                                    self._take_page(arg, data, results, tasks, since, until, date_filter)
                            if orders:
                                self._read_orders(session, orders, results)
                        finally:
                            with self._lock:
                                self._busy -= len(taken)
                    with self._lock:
                        results["stats"].append(session.stats)
            except BaseException as exc:
                errors.append(exc)
                first_done.set()

        self._busy = 0
        self._tasks = tasks
        original_put = tasks.put

        def put(item: Any, *a: Any, **k: Any) -> None:
            with self._lock:
                self._busy += 1
            original_put((0 if item[0] == "page" else 1, next(counter), item), *a, **k)

        tasks.put = put  # type: ignore[method-assign]
        if self.workers == 1:
            worker(0)
        else:
            threads = [threading.Thread(target=worker, args=(n,), name=f"scrape-{n}") for n in range(self.workers)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        if errors:
            raise errors[0]
        return self._finish(results, portal_count[0], since, until, date_filter, time.monotonic() - started)

    def _read_orders(self, session: PortalSession, items: list[tuple[str, str]], results: dict) -> None:
        """Read orders (fetched together when the profile allows, else one rendered page each) and keep them."""
        got = self.details(session, items) if self.fetch else [None] * len(items)
        for (key, href), order in zip(items, got, strict=True):
            if order is None:
                order = self.detail(session, key, href)
            with self._lock:
                results["orders"][key] = order
                done = len(results["orders"])
            if self.progress and done % 50 == 0:
                self.progress(f"{self.profile.name}: {done} orders")

    def _idle(self, tasks: queue.Queue) -> bool:
        with self._lock:
            return self._busy == 0 and tasks.empty()

    def _take_page(self, page_no: int, data: dict, results: dict, tasks: queue.Queue, since: date | None,
                   until: date | None, date_filter: bool) -> None:
        spec = self.profile.list
        key_col, link_col = spec["key"], self.profile.detail.get("link", spec["key"])
        keys_cols = spec.get("columns", {})
        with self._lock:
            results["pages"][page_no] = data["rows"]
            complete = len(results["pages"]) == results.get("expected_pages")
        if complete:
            self._check_listing(results, data["count"])      # before any more detail pages are opened
        for row in data["rows"]:
            link = row["links"].get(link_col)
            key = (row["links"].get(key_col) or {}).get("text") or row["cells"][key_col]
            if not date_filter and (since or until):
                day_col = next((h for h, f in keys_cols.items() if f == "order_date"), None)
                day = convert("order_date", row["cells"][day_col], {"types": {"order_date": "date"}}) if day_col else None
                if day and ((since and day < since) or (until and day > until)):
                    continue
            if link is None:
                raise StepError(f"list page {page_no}", f"order {key} has no link in column {link_col!r}",
                                locator=describe(spec["table"]))
            with self._lock:
                results["queued"] = results.get("queued", 0) + 1
            tasks.put(("order", (key, link["href"])))

    def _global_download(self, session: PortalSession, d: dict, since: date | None, until: date | None) -> Path:
        folder = self.out_dir / d.get("folder", "downloads")

        def fetch(page: Page) -> Path:
            session.goto(page, d["page"].format(since=since or "", until=until or ""), d.get("ready"))
            link = required(page, d["click"], f"download {d['name']}")
            return session.download(page, link.click, folder)

        return session.step(f"download {d['name']}", fetch)

    def _check_listing(self, results: dict, portal_count: int) -> None:
        """Every list row read, each order once, as many as the portal's own count: else a shortfall."""
        key = self.profile.list["key"]
        with self._lock:
            listed = [(row["links"].get(key) or {}).get("text") or row["cells"][key]
                      for page_no in sorted(results["pages"]) for row in results["pages"][page_no]]
        dupes = sorted({k for k in listed if listed.count(k) > 1})
        if len(listed) != portal_count or dupes:
            raise ShortfallError("count check", f"the portal lists {portal_count} orders but the scrape saw "
                                 f"{len(listed)} rows ({len(set(listed))} distinct; repeated: {dupes[:5]})")

    def _finish(self, results: dict, portal_count: int, since: date | None, until: date | None, date_filter: bool,
                seconds: float) -> ScrapeResult:
        self._check_listing(results, portal_count)
        orders = list(results["orders"].values())
        expected = results.get("queued", 0)
        if date_filter or not (since or until):
            expected = portal_count
        if len(orders) != expected:
            raise ShortfallError("count check", f"{expected} orders were listed but {len(orders)} were read")
        stats: dict[str, int] = {"steps": 0, "retries": 0, "logins": 0, "contexts": 0, "downloads": 0}
        for s in results["stats"]:
            for k in stats:
                stats[k] += getattr(s, k)
        files = [p for o in orders for p in o.downloads] + results["downloads"]
        return ScrapeResult(self.profile.name, portal_count, sorted(orders, key=lambda o: o.key), files,
                            len(results["pages"]), seconds, stats)
