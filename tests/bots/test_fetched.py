"""Detail pages fetched several at once by the logged-in page (no rendering) against the rendered path."""

from __future__ import annotations

import re

from bots.credentials import Credentials, Secret
from bots.fetched import filename_of, save_file
from bots.profiles import load_profile
from bots.scraper import Scraper
from fixtures.portals.server import USERS

SECRET = "Zq7-Secret-Pw!9041"  # conftest.py's portal password


def _run(site: str, url: str, out, fetch: int, **kw):
    scraper = Scraper(load_profile(site), url, Credentials(USERS[site], Secret(SECRET)), out, fetch=fetch, **kw)
    return scraper.run()


def test_fetched_orders_and_invoices_equal_the_rendered_ones(portals, tmp_path):
    """Same orders, fields, lines and invoice bytes; one step per batch instead of one per order."""
    url = portals.urls["marketplace"]
    rendered = _run("marketplace", url, tmp_path / "rendered", 0)
    fetched = _run("marketplace", url, tmp_path / "fetched", 6)
    assert [(o.key, o.fields, o.lines) for o in fetched.orders] == [(o.key, o.fields, o.lines) for o in rendered.orders]
    assert len(fetched.orders) == fetched.portal_count > 6
    assert fetched.stats["retries"] == 0 and fetched.stats["downloads"] == len(fetched.orders) + 1
    assert fetched.stats["steps"] <= fetched.pages + 1 + -(-len(fetched.orders) // 6)   # list pages, export, batches
    assert rendered.stats["steps"] >= len(rendered.orders)
    for r, f in zip(rendered.orders, fetched.orders, strict=True):
        assert [p.name for p in f.downloads] == [p.name for p in r.downloads]
        assert [p.read_bytes() for p in f.downloads] == [p.read_bytes() for p in r.downloads]
        assert all(p.parent == tmp_path / "fetched" / "invoices" for p in f.downloads)


def test_fetched_chinese_shop_pages_read_like_rendered_ones(portals, tmp_path):
    url = portals.urls["webshop"]
    rendered = _run("webshop", url, tmp_path / "r", 0, downloads=False)
    fetched = _run("webshop", url, tmp_path / "f", 4, downloads=False)
    assert [(o.key, o.fields, o.lines) for o in fetched.orders] == [(o.key, o.fields, o.lines) for o in rendered.orders]
    assert any(re.search(r"[\u4e00-\u9fff]", o.fields["customer_name"]) for o in fetched.orders)
    assert fetched.stats["steps"] < len(fetched.orders) <= rendered.stats["steps"]


def test_a_fetched_file_name_cannot_leave_its_folder(tmp_path):
    evil = "attachment; filename=\"x.pdf\"; filename*=UTF-8''..%2F..%2F%E5%8F%91%E7%A5%A8.pdf"
    assert filename_of(evil) == "../../发票.pdf"
    assert filename_of('attachment; filename="invoice_MP-1.pdf"') == "invoice_MP-1.pdf"
    first = save_file(tmp_path / "invoices", filename_of(evil), b"%PDF-1")
    second = save_file(tmp_path / "invoices", filename_of(evil), b"%PDF-2")
    assert first == tmp_path / "invoices" / "发票.pdf" and second.name == "发票 (2).pdf"
    assert first.read_bytes() == b"%PDF-1" and sorted(p.name for p in tmp_path.rglob("*.pdf")) == ["发票 (2).pdf", "发票.pdf"]
