"""Order-desk flows: review new or changed orders against the rules and recompute customer grades
(``order-desk``), and the weekly integrity report (``integrity-report``) as a workbook and artifacts.

Each task calls one library function of ``hub.orderdesk`` / ``reports``; the flows only pass results on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.runtime import flow_run

from flows.files import file_link
from flows.orderdesk_cli import integrity_report as build_integrity_report
from hub.orderdesk.grading import recompute_grades
from hub.orderdesk.integrity import IntegrityRow, summary
from hub.orderdesk.review import review_orders
from hub.settings import load_settings
from hub.store import Store

#: How many rows of the integrity report go into the table artifact (the workbook has all of them).
ARTIFACT_ROWS = 200


@dataclass
class DeskSummary:
    """What an order-desk run did."""

    reviewed: int = 0
    hits: dict[str, int] = field(default_factory=dict)
    changed_orders: int = 0
    grades: dict[str, int] = field(default_factory=dict)
    grade_changes: list[tuple[str, str | None, str]] = field(default_factory=list)


@task(name="review-orders")
def review_task(since_hours: int | None, actor: str, as_of: date | None = None) -> tuple[int, int, dict[str, int]]:
    """Evaluate the review rules (orders changed in the window, or every received order)."""
    since = datetime.now(UTC) - timedelta(hours=since_hours) if since_hours else None
    results = review_orders(Store(), since=since, actor=actor, as_of=as_of)
    hits: dict[str, int] = {}
    for result in results:
        for hit in result.hits:
            hits[hit.rule] = hits.get(hit.rule, 0) + 1
    return len(results), sum(1 for r in results if r.changed), hits


@task(name="recompute-grades")
def grades_task(actor: str, as_of: date | None = None) -> tuple[dict[str, int], list[tuple[str, str | None, str]]]:
    """Grade every customer; changed grades are stored with their figures as audit events."""
    results = recompute_grades(Store(), actor=actor, as_of=as_of)
    counts: dict[str, int] = {}
    for r in results:
        counts[r.new] = counts.get(r.new, 0) + 1
    return counts, [(r.code, r.old, r.new) for r in results if r.changed]


def _desk_run_name() -> str:
    hours = flow_run.parameters.get("since_hours")
    return f"order-desk last {hours}h" if hours else "order-desk all received orders"


@flow(name="order-desk", flow_run_name=_desk_run_name, log_prints=True)
def order_desk_flow(since_hours: int | None = 24, actor: str = "order-desk flow",
                    as_of: date | None = None) -> DeskSummary:
    """Recompute customer grades, then review orders created or changed in the last ``since_hours``
    hours (all received orders when empty) against the rules; publishes a markdown summary. ``as_of``:
    the day overdue items are counted at (default today)."""
    grades, changes = grades_task(actor, as_of)  # first: the review rules read the grades
    reviewed, changed, hits = review_task(since_hours, actor, as_of)
    out = DeskSummary(reviewed=reviewed, hits=hits, changed_orders=changed, grades=grades, grade_changes=changes)
    lines = ["# Order desk", "", f"Orders reviewed: **{reviewed}**, with new or cleared rule hits: **{changed}**", "",
             "| rule | orders |", "|---|---|"]
    lines += [f"| {rule} | {n} |" for rule, n in sorted(hits.items())] or ["| (none) | 0 |"]
    lines += ["", "Grades: " + ", ".join(f"{g}: {n}" for g, n in sorted(grades.items()))]
    if changes:
        lines += ["", "| customer | old | new |", "|---|---|---|"]
        lines += [f"| {code} | {old or '-'} | {new} |" for code, old, new in changes]
    create_markdown_artifact("\n".join(lines), key="order-desk", description="Order desk: rule hits and grades")
    return out


@task(name="integrity-rows")
def integrity_task(out: Path | None, as_of: date | None) -> tuple[list[IntegrityRow], Path | None]:
    """The integrity report's rows, and its workbook."""
    return build_integrity_report(Store(), out, as_of=as_of)


def _default_out(as_of: date) -> Path:
    return load_settings().home / "reports" / f"integrity-{as_of.isoformat()}.xlsx"


@flow(name="integrity-report", flow_run_name="integrity-report {as_of}", log_prints=True)
def integrity_report_flow(as_of: date | None = None, out: Path | None = None) -> dict[str, int]:
    """The integrity report (orders past their due stage, shipped but unpaid, invoiced but undelivered,
    receipts without a match) as a workbook, a summary markdown and a table artifact."""
    day = as_of or date.today()
    rows, path = integrity_task(out or _default_out(day), day)
    counts = {name: n for name, _label, n, _amounts, _oldest in summary(rows)}
    lines = [f"# Integrity report {day.isoformat()}", "", "| category | rows | amounts | oldest (days) |",
             "|---|---|---|---|"]
    for _name, label, n, amounts, oldest in summary(rows):
        money = "; ".join(f"{c} {a:,.2f}" for c, a in sorted(amounts.items())) or "-"
        lines.append(f"| {label} | {n} | {money} | {oldest} |")
    if path:
        lines += ["", f"Workbook: `{path}`"]
        create_link_artifact(key="integrity-workbook", link=file_link(path),
                             link_text=path.name, description="Integrity report workbook")
    create_markdown_artifact("\n".join(lines), key="integrity-summary", description="Integrity report summary")
    create_table_artifact(
        [{"category": r.label, "order": r.reference or r.key, "party": r.party, "status": r.status,
          "amount": f"{r.currency} {r.amount:,.2f}", "age_days": r.age_days, "owner": r.owner, "detail": r.detail}
         for r in sorted(rows, key=lambda r: -r.age_days)[:ARTIFACT_ROWS]],
        key="integrity-rows", description=f"Oldest {ARTIFACT_ROWS} rows of the integrity report")
    return counts
