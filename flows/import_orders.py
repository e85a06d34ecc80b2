"""The ``import-orders`` flow: scrape every configured channel, read the dealer drop folder, dedupe and
store. Each task calls one function of :mod:`bots.intake`; ``bots.intake.import_orders`` is the same
work without Prefect.

Bot tasks retry with backoff, carry the tag ``portal:<profile>`` (tag concurrency limits: see
:mod:`flows.tasks`) and, when they fail, publish the screenshot and trace the bot saved as artifacts.
A failed channel does not stop the others: what came in is stored, then the run fails naming the
channel (unless ``fail_on_channel_error`` is off, as for the demo).
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from bots.browser import BotError
from bots.credentials import scrub
from bots.intake import (
    DEFAULT_CHANNELS,
    ChannelConfig,
    ChannelOrders,
    ImportSummary,
    failure_evidence,
    read_dealer_orders,
    scrape_channel,
    store_orders,
)
from flows.tasks import date_range_label, portal_tag, publish_failure
from hub.errors import OrderhubError
from hub.settings import Settings, load_settings
from hub.store import Store

#: Seconds between attempts of a bot task (so ``len`` retries).
RETRY_DELAYS = (10.0, 30.0)


@task(name="scrape-channel", task_run_name="scrape {config.profile}", cache_policy=NO_CACHE,
      retries=len(RETRY_DELAYS), retry_delay_seconds=list(RETRY_DELAYS), retry_jitter_factor=0.2)
def scrape_task(config: ChannelConfig, out_dir: str, since: date | None, until: date | None) -> ChannelOrders:
    """Scrape one portal; on a bot failure publish its evidence, then fail (Prefect retries)."""
    try:
        return scrape_channel(config, Path(out_dir), since, until)
    except BotError as exc:
        publish_failure(f"scrape {config.profile}", exc, failure_evidence(exc, Path(out_dir)))
        raise


@task(name="read-dealer-files", cache_policy=NO_CACHE)
def dealer_task(folder: str, settings: Settings, since: date | None, until: date | None) -> ChannelOrders:
    """Orders from the dealer spreadsheets of the drop folder."""
    return read_dealer_orders(Path(folder), settings, since, until)


@task(name="store-orders", cache_policy=NO_CACHE)
def store_task(store: Store, channels: list[ChannelOrders]) -> ImportSummary:
    """Upsert (keeping the desk's state), dedupe, link duplicates and test orders."""
    return store_orders(store, channels)


def _run_name() -> str:
    params = flow_run.parameters
    channels = [ChannelConfig.parse(c).profile for c in params.get("channels") or DEFAULT_CHANNELS]
    if params.get("dealer_folder"):
        channels.append("dealer")
    return f"import-orders {'+'.join(channels)} {date_range_label(params.get('since'), params.get('until'))}"


@flow(name="import-orders", flow_run_name=_run_name, log_prints=False)
def import_orders_flow(
    channels: list[Any] | None = None,
    dealer_folder: str | None = None,
    since: date | None = None,
    until: date | None = None,
    home: str | None = None,
    out_dir: str | None = None,
    retry_delays: list[float] | None = None,
    fail_on_channel_error: bool = True,
) -> ImportSummary:
    """Scrape ``channels`` (profile names, or ``{"profile", "base_url", "user_env", "password_env"}``;
    default marketplace and webshop with the profiles' env variables), read ``dealer_folder``, store.

    ``home`` is the orderhub home (default ``$ORDERHUB_HOME``); scrapes and evidence go to ``out_dir``
    (default ``<home>/scrapes/<timestamp>``). Returns counts per channel, what was written and the
    duplicate groups.
    """
    logger = get_run_logger()
    settings = load_settings(home)
    store = Store(settings=settings)
    configs = [ChannelConfig.parse(c) for c in (channels if channels is not None else DEFAULT_CHANNELS)]
    base = Path(out_dir) if out_dir else settings.home / "scrapes" / time.strftime("%Y%m%d-%H%M%S")
    delays = list(RETRY_DELAYS if retry_delays is None else retry_delays)
    futures = {}
    for config in configs:
        bot = scrape_task.with_options(tags={portal_tag(config.profile)}, retries=len(delays),
                                       retry_delay_seconds=delays or 0)
        futures[config.profile] = bot.submit(config, str(base / config.profile), since, until)
    got: list[ChannelOrders] = []
    failed: dict[str, str] = {}
    if dealer_folder:
        got.append(dealer_task(dealer_folder, settings, since, until))
    for profile, future in futures.items():
        try:
            got.append(future.result())
        except Exception as exc:  # any failure of one channel: store the others, then fail the run
            failed[profile] = f"{type(exc).__name__}: {scrub(str(exc))}"
            logger.error("channel %s failed: %s", profile, exc)
    summary = store_task(store, got)
    summary.failed_channels = failed
    _publish(summary)
    if failed and fail_on_channel_error:
        raise OrderhubError("import-orders: " + "; ".join(f"{p} failed ({m})" for p, m in failed.items())
                            + " - the other channels were stored; see the bot-failure artifacts")
    return summary


def _publish(summary: ImportSummary) -> None:
    lines = ["# Orders imported", "", "| channel | orders |", "|---|---|"]
    lines += [f"| {c} | {n} |" for c, n in sorted(summary.per_channel.items())]
    lines += ["", f"Written: {summary.inserted} new, {summary.updated} changed, {summary.unchanged} unchanged.",
              f"Test orders set aside: {len(summary.test_orders)}; cross-channel duplicates: "
              f"{len(summary.duplicates)} groups ({summary.new_links} new links)."]
    lines += [f"- {g['primary']} = {', '.join(g['duplicates'])}" for g in summary.duplicates[:20]]
    if summary.failed_channels:
        lines += ["", "**Failed channels**: " + ", ".join(sorted(summary.failed_channels))]
    create_markdown_artifact("\n".join(lines), key="import-orders-summary", description="import-orders summary")
