"""Helpers shared by the orderhub flows: portal concurrency tags, failure-evidence artifacts, run names.

Tag concurrency limits (one browser session per portal at a time) are server-side settings, listed in
``flows/data/deployments.toml`` ``[concurrency]``; ``orderhub server`` creates them with
:func:`ensure_tag_limits`, or by hand: ``prefect concurrency-limit create portal:marketplace 1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path


def portal_tag(name: str) -> str:
    """The task tag that puts a bot under its portal's concurrency limit."""
    return f"portal:{name}"


def ensure_tag_limits(limits: Mapping[str, int]) -> dict[str, int]:
    """Create (or update) tag concurrency limits (``{"portal:bank": 1}``) on the current Prefect server."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        for tag, limit in limits.items():
            client.create_concurrency_limit(tag=tag, concurrency_limit=limit)
    return dict(limits)


def artifact_key(*parts: str) -> str:
    """An artifact key Prefect accepts (lowercase letters, digits and dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")[:120] or "artifact"


def publish_failure(what: str, error: BaseException, evidence: Iterable[Path]) -> None:
    """A markdown artifact naming the failed bot, the (secret-free) error and its evidence files, plus
    one link artifact per screenshot and trace."""
    from prefect.artifacts import create_link_artifact, create_markdown_artifact

    from bots.credentials import scrub
    from flows.files import file_link

    files = [Path(p).resolve() for p in evidence]
    lines = [f"# {what} failed", "", f"**{type(error).__name__}**: {scrub(str(error))}", "", "Evidence:"]
    lines += [f"- `{p}`" for p in files] or ["- (the bot saved no screenshot or trace)"]
    if any(p.name.endswith(".trace.zip") for p in files):
        lines += ["", "Open a trace with `.venv/bin/playwright show-trace <file>`."]
    create_markdown_artifact("\n".join(lines), key=artifact_key("bot-failure", what),
                             description=f"{what}: bot failure and its evidence")
    for path in files:
        if path.suffix == ".png" or path.name.endswith(".trace.zip"):
            create_link_artifact(file_link(path), link_text=path.name, key=artifact_key("bot-evidence", what),
                                 description=f"{what}: {'screenshot' if path.suffix == '.png' else 'trace'}")


def date_range_label(since: object, until: object) -> str:
    """``2026-01-01..2026-03-31`` (open ends as ``start`` / ``today``)."""
    return f"{since or 'start'}..{until or 'today'}"
