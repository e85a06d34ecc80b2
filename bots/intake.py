"""Order intake: scrape the configured sales channels, read the dealer spreadsheets of a drop folder,
find test orders and cross-channel duplicates, and upsert everything into the store.

Each step is one function so ``flows/import_orders.py`` can run it as one Prefect task;
:func:`import_orders` runs the same steps directly (no orchestrator). Re-running is safe: orders go
through :func:`hub.orderdesk.imports.keep_desk_state`, upserts of equal content change nothing and
duplicate links are idempotent.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bots.browser import StepError
from bots.credentials import Credentials
from extractors.pipeline import Options, extract_paths
from hub.errors import InputError
from hub.orderdesk.imports import keep_desk_state
from hub.records import Customer, Order
from hub.settings import Settings
from hub.store import Store
from matchers.dedupe import dedupe_orders, store_dedupe
from matchers.names import CustomerIndex

#: The portals scraped by default (site profiles under ``bots/profiles``).
DEFAULT_CHANNELS = ("marketplace", "webshop")


@dataclass(frozen=True)
class ChannelConfig:
    """One portal to scrape: its site profile, address and the env variables holding the login.

    ``None`` means the profile's own setting (``base_url_env`` / ``user_env`` / ``password_env``).
    The password itself is never a parameter: only the name of the variable that holds it.
    """

    profile: str
    base_url: str | None = None
    user_env: str | None = None
    password_env: str | None = None
    workers: int = 1

    @classmethod
    def parse(cls, value: ChannelConfig | str | dict) -> ChannelConfig:
        """A channel from a profile name or a mapping (flow parameters are plain JSON)."""
        if isinstance(value, ChannelConfig):
            return value
        if isinstance(value, str):
            return cls(profile=value)
        if isinstance(value, dict) and "profile" in value:
            unknown = set(value) - {"profile", "base_url", "user_env", "password_env", "workers"}
            if unknown:
                raise InputError(f"channel {value['profile']!r}: unknown settings {sorted(unknown)}")
            return cls(**value)
        raise InputError(f"a channel is a profile name or a mapping with 'profile', not {value!r}")


@dataclass
class ChannelOrders:
    """The orders one channel delivered (scraped or read from files)."""

    channel: str
    orders: list[Order]
    source: str
    portal_count: int | None = None
    seconds: float = 0.0


@dataclass
class ImportSummary:
    """What ``import-orders`` did: orders per channel, what was written, the duplicates found."""

    per_channel: dict[str, int] = field(default_factory=dict)
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    test_orders: list[str] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    new_links: int = 0
    failed_channels: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Plain values for printing or JSON."""
        return {"per_channel": dict(sorted(self.per_channel.items())), "inserted": self.inserted,
                "updated": self.updated, "unchanged": self.unchanged, "test_orders": self.test_orders,
                "duplicates": self.duplicates, "new_links": self.new_links,
                "failed_channels": self.failed_channels}


def scrape_channel(config: ChannelConfig, out_dir: Path, since: date | None = None,
                   until: date | None = None) -> ChannelOrders:
    """Scrape one portal into order records (through the export importer, as ``orderhub scrape`` does).

    A failed step raises :class:`bots.browser.StepError` naming the screenshot and trace it saved under
    ``out_dir/failures``.
    """
    from bots.orders import through_importer, to_orders
    from bots.profiles import load_profile
    from bots.scraper import Scraper

    prof = load_profile(config.profile)
    credentials = Credentials.from_env(config.user_env or prof.site["user_env"],
                                       config.password_env or prof.site["password_env"])
    started = time.monotonic()
    result = Scraper(prof, prof.base_url(config.base_url), credentials, Path(out_dir), workers=config.workers).run(
        since, until)
    orders = through_importer(to_orders(result.orders, prof.channel, f"{prof.name} portal"),
                              Path(out_dir) / "orders.xlsx", prof.channel)
    return ChannelOrders(prof.channel, orders, f"{prof.name} portal", result.portal_count,
                         time.monotonic() - started)


def failure_evidence(exc: BaseException, out_dir: Path | None = None) -> list[Path]:
    """Screenshots, traces and notes a failed bot left: those the error names, then ``out_dir/failures``."""
    found: list[Path] = []
    if isinstance(exc, StepError):
        found += [p for p in (exc.screenshot, exc.trace) if p is not None]
    if out_dir is not None and (Path(out_dir) / "failures").is_dir():
        found += sorted(p for p in (Path(out_dir) / "failures").iterdir() if p not in found)
    return [Path(p) for p in found]


#: In a dealer drop folder: file-name patterns of exports that name no buyer, and whose they are.
DEALER_MAP = "dealers.toml"
DEALER_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv"}


def dealer_customers(folder: Path) -> dict[str, str]:
    """``{file glob: customer}`` from the drop folder's ``dealers.toml`` (``[customers]`` table), if any."""
    import tomllib

    path = Path(folder) / DEALER_MAP
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    table = data.get("customers", {})
    if not isinstance(table, dict) or not all(isinstance(v, str) and v.strip() for v in table.values()):
        raise InputError(f"{path}: [customers] must map file-name patterns to customer names")
    return dict(table)


def read_dealer_orders(folder: Path, settings: Settings, since: date | None = None, until: date | None = None,
                       customers: dict[str, str] | None = None) -> ChannelOrders:
    """Orders from every dealer spreadsheet in a drop folder. Exports that name no buyer get theirs from
    ``customers`` or the folder's ``dealers.toml`` (file glob -> customer). A file that cannot be read is
    an error naming the file and the reason (nothing of the folder is imported then)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: the dealer drop folder does not exist")
    mapping = {**dealer_customers(folder), **(customers or {})}
    groups: dict[str | None, list[Path]] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DEALER_SUFFIXES):
        who = next((name for pattern, name in mapping.items() if path.match(pattern)), None)
        groups.setdefault(who, []).append(path)
    outcomes = []
    for who, paths in groups.items():
        options = Options(kind="orders", channel="dealer", customer=who, quarantine=False)
        outcomes += extract_paths(paths, settings, options)
    failed = [o for o in outcomes if not o.ok]
    if failed:
        raise InputError("; ".join(f"{o.source}: {o.error}" for o in failed[:5]))
    orders = [r for o in outcomes for r in o.records if isinstance(r, Order) and _in_range(r, since, until)]
    return ChannelOrders("dealer", orders, str(folder))


def _in_range(order: Order, since: date | None, until: date | None) -> bool:
    return (since is None or order.order_date >= since) and (until is None or order.order_date <= until)


def customer_codes(store: Store, orders: Iterable[Order]) -> dict[str, str]:
    """Order key -> customer code, resolving each channel's spelling of the buyer against the stored
    customers (legal, English, alias names); orders of unknown buyers are left out."""
    index = CustomerIndex.build(store.all(Customer))
    if not index.customers:
        return {}
    found = {}
    for order in orders:
        if order.customer_code:
            found[order.natural_key()] = order.customer_code
        elif hits := index.lookup(order.customer_name):
            found[order.natural_key()] = hits[0].customer_code
    return found


#: A buyer name resolves to a customer of the master only this surely (and clear of the runner-up).
CUSTOMER_MIN_SCORE = 0.9
CUSTOMER_MARGIN = 0.05


def with_customers(index: CustomerIndex, orders: Iterable[Order]) -> list[Order]:
    """The orders, each without a customer code given the code of the one customer its buyer name clearly
    names (legal, English or alias name); an unknown or ambiguous buyer stays without one."""
    out = []
    for order in orders:
        if not order.customer_code and index.customers:
            hits = index.lookup(order.customer_name, min_score=CUSTOMER_MIN_SCORE, limit=2)
            if hits and (len(hits) == 1 or hits[0].score - hits[1].score >= CUSTOMER_MARGIN):
                order = order.model_copy(update={"customer_code": hits[0].customer_code})
        out.append(order)
    return out


def store_orders(store: Store, channels: Iterable[ChannelOrders], actor: str = "import-orders") -> ImportSummary:
    """Upsert every channel's orders (buyers resolved to the customer master, the desk's state kept), then
    find and link test orders and cross-channel duplicates across all stored orders."""
    channels = list(channels)
    summary = ImportSummary(per_channel={c.channel: len(c.orders) for c in channels})
    index = CustomerIndex.build(store.all(Customer))
    with store.batch(actor) as batch:
        for chan in channels:
            orders = with_customers(index, chan.orders)
            done = batch.upsert(keep_desk_state(store, orders), note=f"imported from {chan.source}")
            summary.inserted += len(done.inserted)
            summary.updated += len(done.updated)
            summary.unchanged += len(done.unchanged)
    orders = store.all(Order)
    result = dedupe_orders(orders, name_of=customer_codes(store, orders))
    summary.new_links = store_dedupe(store, result, actor)
    summary.test_orders = sorted(key for key, _, _ in result.test_orders)
    summary.duplicates = [{"primary": g.primary, "duplicates": g.duplicates, "reason": g.reason}
                          for g in result.duplicates]
    return summary


def import_orders(store: Store, settings: Settings, *, channels: Iterable[ChannelConfig | str | dict] = DEFAULT_CHANNELS,
                  dealer_folder: Path | None = None, out_dir: Path, since: date | None = None,
                  until: date | None = None) -> ImportSummary:
    """The whole intake without an orchestrator: scrape each channel, read the dealer files, store."""
    got = [scrape_channel(ChannelConfig.parse(c), Path(out_dir) / ChannelConfig.parse(c).profile, since, until)
           for c in channels]
    if dealer_folder is not None:
        got.append(read_dealer_orders(dealer_folder, settings, since, until))
    return store_orders(store, got)


def download_bank_files(out_dir: Path, since: date | None = None, until: date | None = None, *,
                        base_url: str | None = None, user_env: str | None = None,
                        password_env: str | None = None) -> list[Path]:
    """Download the bank portal's e-receipts and statement of a date range into ``out_dir``; returns the
    folders to ingest (``receipts``, ``statements``; the downloaded zip stays out)."""
    from bots.bank import download_bank
    from bots.profiles import load_profile

    prof = load_profile("bank")
    credentials = Credentials.from_env(user_env or prof.site["user_env"], password_env or prof.site["password_env"])
    result = download_bank(prof.base_url(base_url), credentials, Path(out_dir), since, until, profile=prof)
    return sorted({p.parent for p in [*result.receipts, result.statement] if p is not None})
