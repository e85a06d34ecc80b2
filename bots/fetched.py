"""Reading several server-rendered pages at once without rendering them: the logged-in page fetches
their HTML (its cookies go along), parses it with ``DOMParser`` and runs the one-round-trip reader of
:mod:`bots.extract` on each parsed document; files the pages link to are fetched in the same call. No
navigation, style or layout happens, and the pages' latencies overlap. Anything unusual about a page
(an HTTP error, the login page, a maintenance text, a missing element, a download that is not a file) is
reported, not raised: the caller reads that page the ordinary, rendered way.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from playwright.sync_api import Page

from bots.browser import safe_filename, unique_path
from bots.extract import EXTRACT_JS

FETCH_JS = r"""async ({items, markers, targets, downloads, loginPath, timeoutMs}) => {
  const read = (document) => (EXTRACT_JS);
  const parser = new DOMParser();
  const get = async (url) => {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    try { return await fetch(url, {credentials: 'same-origin', signal: ctl.signal}); }
    finally { clearTimeout(timer); }
  };
  const b64 = (buf) => {
    const bytes = new Uint8Array(buf);
    let s = '';
    for (let i = 0; i < bytes.length; i += 32768) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
    return btoa(s);
  };
  return Promise.all(items.map(async (href) => {
    try {
      const r = await get(href);
      const html = await r.text();
      if (!r.ok) return {problem: `HTTP ${r.status}`};
      if (new URL(r.url).pathname === loginPath) return {problem: 'login page'};
      const doc = parser.parseFromString(html, 'text/html');
      const got = read(doc)({markers, targets: {...targets, ...downloads}});
      if (got.marker) return {problem: `the page says ${JSON.stringify(got.marker)}`};
      const files = {};
      for (const key of Object.keys(downloads)) {
        const link = got.results[key];
        if (!link) return {problem: `no link for ${key}`};
        const f = await get(new URL(link, r.url).href);
        const disposition = f.headers.get('content-disposition') || '';
        if (!f.ok || !disposition.includes('attachment')) return {problem: `${key}: HTTP ${f.status}, not a file`};
        files[key] = {disposition, data: b64(await f.arrayBuffer())};
      }
      return {results: got.results, files};
    } catch (e) {
      return {problem: String(e)};
    }
  }));
}""".replace("EXTRACT_JS", EXTRACT_JS.strip())


@dataclass
class Fetched:
    """One page's reading: the reader's results and the files it links to, or the problem met."""

    results: dict[str, Any] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)   # key -> (suggested name, bytes)
    problem: str | None = None


def fetch_pages(page: Page, hrefs: list[str], targets: dict[str, tuple[Any, str]], *, markers: tuple[str, ...] = (),
                downloads: dict[str, Any] | None = None, login_path: str = "/login",
                timeout_ms: int = 15000) -> list[Fetched]:
    """Fetch and read ``hrefs`` in one round trip from ``page`` (which must be on the site's origin).
    ``targets`` are as for :func:`bots.extract.extract`; ``downloads`` maps a key to the locator spec of a
    link whose file is fetched too."""
    args = {"items": hrefs, "markers": list(markers), "loginPath": login_path, "timeoutMs": timeout_ms,
            "targets": {k: {"spec": spec, "kind": kind} for k, (spec, kind) in targets.items()},
            "downloads": {k: {"spec": spec, "kind": "href"} for k, spec in (downloads or {}).items()}}
    out = []
    for raw in page.evaluate(FETCH_JS, args):
        if raw.get("problem"):
            out.append(Fetched(problem=raw["problem"]))
            continue
        files = {k: (filename_of(f["disposition"]), base64.b64decode(f["data"])) for k, f in raw["files"].items()}
        out.append(Fetched(results=raw["results"], files=files))
    return out


JSON_JS = r"""async ({url, loginPath, timeoutMs}) => {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const r = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}, signal: ctl.signal});
    const text = await r.text();
    let data = null;
    try { data = JSON.parse(text); } catch (e) { data = null; }
    return {status: r.status, login: new URL(r.url).pathname === loginPath, data};
  } catch (e) {
    return {status: 599, login: false, data: null};
  } finally { clearTimeout(timer); }
}"""


def fetch_json(page: Page, url: str, *, login_path: str = "/login", timeout_ms: int = 15000) -> dict:
    """GET a JSON API from ``page`` (its cookies go along): ``{"status", "login": redirected to the login
    page, "data": the parsed JSON or None}``; a network failure or time-out is status 599."""
    return page.evaluate(JSON_JS, {"url": url, "loginPath": login_path, "timeoutMs": timeout_ms})


def filename_of(disposition: str) -> str:
    """The file name a Content-Disposition header suggests (``filename*`` first)."""
    m = re.search(r"filename\*\s*=\s*([\w-]+)''([^;]+)", disposition)
    if m:
        return unquote(m[2].strip(), encoding=m[1] or "utf-8", errors="replace")
    m = re.search(r'filename\s*=\s*"([^"]*)"', disposition) or re.search(r"filename\s*=\s*([^;]+)", disposition)
    return unquote(m[1].strip()) if m else ""


def save_file(folder: Path, suggested: str, data: bytes) -> Path:
    """Save a fetched file in ``folder`` under a safe, unused name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = unique_path(folder, safe_filename(suggested))
    path.write_bytes(data)
    return path
