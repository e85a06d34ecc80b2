"""The ``reconcile`` flow: cash application and three-way match on what is open in the store, the
workbooks, artifacts, and a review pause whose answers go through the same ``apply_decisions`` path as
``orderhub reconcile apply``.

On a large store (the rule of ``orderhub reconcile --from-store``: :func:`flows.reconcile_cli.wants_large`,
or the ``large`` parameter) the matching takes the large path (``matchers.bulk.reconcile_store``) on
``workers`` processes, each part logged as it finishes; the artifacts and the review are the same.

Review modes: ``pause`` (a typed form in the Prefect UI's Resume dialog lists the uncertain matches with
their candidates; a timeout leaves them in review and the run completes), ``auto`` (demo: confirm the top
candidate scoring at least ``auto_accept``), ``skip`` (leave everything for the workbook).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.exceptions import FlowPauseTimeout
from prefect.flow_runs import pause_flow_run
from prefect.input import RunInput
from pydantic import BaseModel, Field, create_model

from flows.files import file_link
from flows.reconcile_cli import Inputs, hold_rows, run_reconcile, run_reconcile_large, wants_large
from hub.records import Candidate, Match
from hub.records.matches import MatchStatus
from hub.settings import load_settings
from hub.store import Store
from matchers.decisions import ClerkDecision, apply_decisions
from matchers.review import review_reasons
from reports.reconciliation import candidate_label
from reports.threeway import write_threeway
from reports.words import word
from station.links import payment_link, queue_link

#: Candidates a clerk can pick per payment (the workbook's confirm 1/2/3).
CHOICES = 3
SKIP = "跳过 skip (leave for the workbook)"
NONE = "都不是 none of these (reject)"
ReviewMode = Literal["auto", "pause", "skip"]


@dataclass
class ReconcileSummary:
    """What one flow run proposed, wrote and applied."""

    statuses: dict[str, int] = field(default_factory=dict)
    holds: int = 0
    invoices_checked: int = 0
    workbook: str | None = None
    threeway_workbook: str | None = None
    in_review: int = 0
    applied: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    review: str = "skip"
    match_keys: list[str] = field(default_factory=list)
    statuses_after: dict[str, int] = field(default_factory=dict)  # the same payments once the review is applied
    credits_for_review: list[str] = field(default_factory=list)  # credit notes that reduce no invoice, with why
    large: bool = False  # the large path matched (``match_keys`` empty: the statuses after are the store's)


def candidate_keys(match: Match) -> list[str]:
    """The shown keys of a match's candidates (``"a + b"``), best first, at most :data:`CHOICES`."""
    return [" + ".join(sorted(a.target_key for a in c.allocations)) for c in match.candidates[:CHOICES]]


def review_items(store: Store) -> list[Match]:
    """Matches a person must decide: in review, or unmatched with candidates; largest payment first."""
    items = [m for m in store.all(Match, status=["review", "unmatched"]) if m.candidates]
    return sorted(items, key=lambda m: (-m.payment_amount, m.payment_key))


def _option(n: int, cand: Candidate) -> str:
    return f"{n}: {candidate_label(cand)} ({cand.score:.2f})"


def review_form(items: list[Match]) -> type[RunInput]:
    """A ``RunInput`` with one section per item: the payment (fixed), a choice among its candidates,
    "none" or "skip", and a note; plus who decided. The UI renders it as the Resume form."""
    fields: dict[str, Any] = {
        "decided_by": (str, Field(min_length=1, title="决定人 Decided by",
                                  description="您的姓名，随每个决定保存 Your name, stored with each decision")),
    }
    for n, m in enumerate(items, start=1):
        options = [_option(i, c) for i, c in enumerate(m.candidates[:CHOICES], start=1)]
        choice_type = Literal[tuple([*options, NONE, SKIP])]  # type: ignore[valid-type]
        item = create_model(
            f"ReviewItem{n}",
            choice=(choice_type, Field(SKIP, title="选择 Choice")),
            note=(str, Field("", title="备注 Note")),
        )
        title = f"{n}. {word('payment_kind', m.payment_kind)} {m.currency} {m.payment_amount:,.2f}"
        reasons = "；".join(review_reasons(m)) or m.reason
        fields[f"item_{n:02d}"] = (item, Field(default_factory=item, title=title, description=reasons[:300]))
    return create_model("ReconcileReview", __base__=RunInput, **fields)


def decisions_from_answer(answer: BaseModel, items: list[Match]) -> list[ClerkDecision]:
    """The form's answers as clerk decisions (skipped items give none)."""
    clerk = str(answer.decided_by)  # type: ignore[attr-defined]
    out = []
    for name in type(answer).model_fields:
        if not name.startswith("item_"):
            continue
        part = getattr(answer, name)
        match = items[int(name.removeprefix("item_")) - 1]
        if part.choice == SKIP:
            continue
        where = f"review form {name}"
        if part.choice == NONE:
            out.append(ClerkDecision(match.payment_kind, match.payment_key, "reject", None, "", clerk, part.note, where))
            continue
        choice = int(part.choice.split(":", 1)[0])
        out.append(ClerkDecision(match.payment_kind, match.payment_key, f"confirm {choice}", choice,
                                 candidate_keys(match)[choice - 1], clerk, part.note, where))
    return out


def auto_decisions(items: list[Match], threshold: float, clerk: str) -> list[ClerkDecision]:
    """Demo mode: confirm the top candidate where it scores at least ``threshold``."""
    return [ClerkDecision(m.payment_kind, m.payment_key, "confirm 1", 1, candidate_keys(m)[0], clerk,
                          f"auto review: top candidate scored {m.candidates[0].score:.2f}", "auto review")
            for m in items if m.candidates and m.candidates[0].score >= threshold]


@task(name="cash-application-and-three-way")
def match_task(out_dir: Path, profile: str | None, day: date, large: bool | None = None,
               workers: int | None = None, advices: Path | None = None) -> ReconcileSummary:
    """Propose matches on the store's open items, store them, write both workbooks (on the large path when
    the store is large or ``large``: :func:`flows.reconcile_cli.wants_large`). ``advices``: a folder of payers'
    remittance advices read besides the store's (and stored with the proposals; read on the small path)."""
    store = Store()
    workbook = out_dir / f"reconciliation-{day.isoformat()}.xlsx"
    if advices is None and wants_large(store, large):
        return _match_large(store, workbook, out_dir / f"three-way-holds-{day.isoformat()}.xlsx", profile, workers)
    inputs = Inputs.from_store(store)
    inputs.add_advices([advices] if advices is not None else [])
    run = run_reconcile(inputs, out=workbook, store=store, save=True, profile=profile, actor="reconcile flow")
    threeway = write_threeway(out_dir / f"three-way-holds-{day.isoformat()}.xlsx", hold_rows(run.holds))
    return ReconcileSummary(statuses=dict(Counter(m.status for m in [*run.result.matches, *run.result.kept])),
                            holds=sum(r.status == "hold" for r in run.holds), invoices_checked=len(run.holds),
                            workbook=str(run.workbook) if run.workbook else None, threeway_workbook=str(threeway),
                            match_keys=[m.natural_key() for m in [*run.result.matches, *run.result.kept]],
                            credits_for_review=[c.why for c in run.result.credits_for_review()])


def _match_large(store: Store, workbook: Path, holds_workbook: Path, profile: str | None,
                 workers: int | None) -> ReconcileSummary:
    """The large path (``matchers.bulk``), each step and part logged."""
    logger = get_run_logger()
    done = run_reconcile_large(store, out=workbook, save=True, profile=profile, actor="reconcile flow",
                               workers=workers, progress=logger.info)
    run = done.run
    threeway = write_threeway(holds_workbook, hold_rows(run.holds))
    logger.info("large path: %d parts (%d merged), largest %d payments; %s s; peak RSS %d MB the parent, %d MB a "
                "worker; store: %d new or changed, %d unchanged", run.parts, run.merges, run.largest_part,
                run.seconds.get("total"), run.rss_mb["parent"], run.rss_mb["worker"], run.saved_new,
                run.saved_unchanged)
    return ReconcileSummary(statuses=dict(run.statuses), holds=sum(r.status == "hold" for r in run.holds),
                            invoices_checked=len(run.holds), workbook=str(done.workbook) if done.workbook else None,
                            threeway_workbook=str(threeway), credits_for_review=[c.why for c in run.credits
                                                                                 if not c.applied], large=True)


@task(name="review-items")
def review_items_task() -> list[Match]:
    """The matches waiting for a person."""
    return review_items(Store())


@task(name="apply-decisions")
def apply_task(decisions: list[ClerkDecision]) -> tuple[list[str], list[str]]:
    """Apply the clerk's decisions exactly as ``orderhub reconcile apply`` does."""
    report = apply_decisions(Store(), decisions)
    return [*report.applied, *report.unchanged], report.refused


def _resume_after_timeout() -> None:
    """Put this run back to Running after an unanswered pause, so it completes (Prefect would otherwise
    fail a run that finishes while paused)."""
    from prefect.client.orchestration import get_client
    from prefect.context import FlowRunContext
    from prefect.states import Running

    context = FlowRunContext.get()
    assert context is not None and context.flow_run is not None
    with get_client(sync_client=True) as client:
        client.set_flow_run_state(context.flow_run.id, Running(message="review timed out; items stay in review"),
                                  force=True)


def statuses_now(keys: list[str] | None) -> dict[str, int]:
    """How many of these matches (None: every match of the store) are in each status in the store now
    (after decisions)."""
    store = Store()
    if keys is None:
        return {s: n for s in get_args(MatchStatus) if (n := store.count(Match, status=[s]))}
    found = (store.get(Match, key) for key in keys)
    return dict(Counter(m.status for m in found if m is not None))


def _outcome_table(summary: ReconcileSummary) -> list[str]:
    if summary.statuses_after:
        names = sorted({*summary.statuses, *summary.statuses_after})
        lines = ["| outcome | proposed | after review |", "|---|---|---|"]
        return lines + [f"| {s} | {summary.statuses.get(s, 0)} | {summary.statuses_after.get(s, 0)} |"
                        for s in names]
    lines = ["| outcome | payments |", "|---|---|"]
    return lines + ([f"| {status} | {n} |" for status, n in sorted(summary.statuses.items())] or ["| (none) | 0 |"])


def _publish(summary: ReconcileSummary, items: list[Match]) -> None:
    """The run's summary, workbook link and review table, published once, before the review."""
    lines = ["# Reconciliation", "", *_outcome_table(summary)]
    lines += ["", f"Three-way: **{summary.holds}** invoices on hold of {summary.invoices_checked} checked.",
              f"Waiting for a person: **{len(items)}** payments — decide them in the review station: "
              f"{queue_link('payments')}"]
    if summary.credits_for_review:
        lines += ["", f"Credit notes reducing no invoice: **{len(summary.credits_for_review)}** (the workbook's "
                      "credit-notes sheet):", *(f"- {why}" for why in summary.credits_for_review)]
    if summary.workbook:
        lines += ["", f"Workbook: `{summary.workbook}` (decide there and run `orderhub reconcile apply`, "
                      "or resume this run with the form)"]
        create_link_artifact(key="reconciliation-workbook", link=file_link(summary.workbook),
                             link_text=Path(summary.workbook).name, description="Reconciliation workbook")
    create_markdown_artifact("\n".join(lines), key="reconciliation-summary", description="Reconciliation summary")
    rows = []
    for m in items:
        # what a person looks the payment up by (its bank transaction id), never the store's key
        row = {"流水号 transaction": m.payment_key.rsplit("|", 1)[-1], "类型 kind": word("payment_kind", m.payment_kind),
               "金额 amount": f"{m.currency} {m.payment_amount:,.2f}", "状态 status": word("outcome", m.status),
               "原因 reason": m.reason[:160], "复核台 review station": payment_link(m.natural_key())}
        for i, cand in enumerate(m.candidates[:CHOICES], start=1):
            row[f"候选 candidate {i}"] = f"{candidate_label(cand)} ({cand.score:.2f})"
        rows.append(row)
    create_table_artifact(rows or [{"流水号 transaction": "(无待复核 nothing to review)"}], key="reconciliation-review",
                          description="Payments waiting for review, with their candidates")


def _publish_applied(summary: ReconcileSummary) -> None:
    """What the review decided: the counts before and after it, and each decision applied or refused."""
    lines = [f"# Review applied ({summary.review})", "", *_outcome_table(summary), "",
             f"Applied: **{len(summary.applied)}**, refused: **{len(summary.refused)}**, "
             f"still waiting for a person: **{summary.in_review}** payments — {queue_link('payments')}", ""]
    lines += [f"- applied {a}" for a in summary.applied[:100]]
    lines += [f"- refused {r}" for r in summary.refused[:100]]
    create_markdown_artifact("\n".join(lines), key="reconciliation-decisions", description="Review decisions applied")


@flow(name="reconcile", flow_run_name="reconcile ({review} review)", log_prints=True)
def reconcile_flow(review: ReviewMode = "pause", as_of: date | None = None, out_dir: Path | None = None,
                   profile: str | None = None, auto_accept: float = 0.5, timeout_minutes: float = 24 * 60,
                   form_items: int = 20, poll_seconds: int = 10, large: bool | None = None,
                   workers: int | None = None, advices: Path | None = None) -> ReconcileSummary:
    """Propose matches on everything open, write the workbooks, publish artifacts, then take the review:
    a paused form (``pause``), automatic (``auto``, top candidate at least ``auto_accept``) or none (``skip``).
    A pause that times out leaves the items in review and the run completes. ``large``: the large path
    (rows streamed, parts on ``workers`` processes, default ``ORDERHUB_WORKERS`` else every core) or not;
    None: by the store's size, as ``orderhub reconcile --from-store`` decides. ``advices``: a folder of payers'
    remittance advices read besides the store's (``orderhub reconcile --advices``)."""
    logger = get_run_logger()
    day = as_of or date.today()
    folder = out_dir or load_settings().home / "reports"
    summary = match_task(folder, profile, day, large, workers, advices)
    summary.review = review
    items = review_items_task()
    _publish(summary, items)
    decisions: list[ClerkDecision] = []
    if review == "auto":
        decisions = auto_decisions(items, auto_accept, "demo (auto review)")
    elif review == "pause" and items:
        shown = items[:form_items]
        form = review_form(shown)
        form._description = (f"{len(shown)} of {len(items)} payments need a decision. Pick a candidate, 'none' "
                             f"(reject) or 'skip'; the rest stay in the workbook {summary.workbook or ''}.")
        try:
            answer = pause_flow_run(wait_for_input=form, timeout=int(timeout_minutes * 60),
                                    poll_interval=poll_seconds)
        except FlowPauseTimeout:
            logger.warning("nobody answered the review within %s minutes: %d payments stay in review",
                           timeout_minutes, len(items))
            answer = None
            _resume_after_timeout()
        if answer is not None:
            decisions = decisions_from_answer(answer, shown)
    if decisions:
        summary.applied, summary.refused = apply_task(decisions)
    # read again after a review: during a pause a clerk may also have decided items in the station
    remaining = items if review == "skip" else review_items_task()
    summary.in_review = len(remaining)
    summary.statuses_after = statuses_now(None if summary.large else summary.match_keys)
    if review != "skip":  # the summary is not published again: the decisions artifact holds the counts after
        _publish_applied(summary)
    logger.info("reconcile: proposed %s; after review %s; three-way holds %d of %d", summary.statuses,
                summary.statuses_after, summary.holds, summary.invoices_checked)
    print(f"reconcile: {summary.statuses}; applied {len(summary.applied)}, refused {len(summary.refused)}, "
          f"in review {summary.in_review}")
    return summary
