"""The ``customs-prefill`` flow: prefill export declarations (报关单) for given orders (default: every open export
order), lint them, write each one's review workbook, publish artifacts (warnings first), let a clerk review
(a paused run with a typed form: approve / correct / reject), and file only approved declarations on the single
window through the customs bot (draft, pre-entry number, submit, poll). A returned declaration (退单) is stored
as ``returned`` with the customs reason and is back in review.

``review="auto"`` (demo mode) approves declarations without any warning; ``review="none"`` only prefills.
Each task calls one library function of ``customs`` / ``bots``; :func:`customs_prefill_flow` returns a
:class:`CustomsSummary` the demo prints.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import FlowPauseTimeout
from prefect.flow_runs import pause_flow_run
from prefect.input import RunInput
from pydantic import BaseModel, Field, create_model

from bots.browser import BotError, Browser, PortalSession
from bots.credentials import Credentials, scrub
from bots.customs import CustomsFiler, DeclarationRejected, Filing
from bots.profiles import load_profile
from bots.scraper import site_for
from customs.filing import (
    Prefilled,
    approve,
    clean,
    for_filing,
    note_pre_entry,
    prefill_and_store,
    record_filing,
    record_refusal,
    reject,
)
from customs.hs import load_tariff
from customs.prefill import Context
from customs.review import apply_edits, write_workbook
from hub.errors import OrderhubError
from hub.records import Declaration
from hub.records.declaration import HEADER_LABELS, ITEM_LABELS
from hub.settings import load_settings
from hub.store import Store
from station.links import declaration_link

Review = Literal["pause", "auto", "none"]
DECISIONS = ("approve", "correct", "reject", "skip")
AUTO_CLERK = "demo (auto review)"
#: Header fields shown in the review form with their source.
FORM_FIELDS = ("overseas_consignee", "contract_no", "trade_country", "dest_country", "incoterm", "currency",
               "freight", "insurance", "package_type", "packages", "gross_weight", "net_weight", "exit_port",
               "transport_mode", "trade_mode")
FORM_ITEM_FIELDS = ("hs_code", "name", "spec", "quantity", "unit", "legal_qty1", "legal_unit1", "legal_qty2",
                    "legal_unit2", "unit_price", "total")


@dataclass
class CustomsSummary:
    """What a customs-prefill run did, by declaration number."""

    prefilled: list[str] = field(default_factory=list)
    failed_orders: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    workbooks: dict[str, str] = field(default_factory=dict)
    review: str = "pause"
    approved: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)          # approval refused (blocking warnings remain)
    pre_entry: dict[str, str] = field(default_factory=dict)        # number -> 预录入编号
    accepted: dict[str, str] = field(default_factory=dict)         # number -> customs number
    returned: dict[str, str] = field(default_factory=dict)         # number -> customs reason (back in review)
    filing_failed: dict[str, str] = field(default_factory=dict)
    not_filed: list[str] = field(default_factory=list)             # not approved: stays in review


def _store(home: str | None) -> Store:
    return Store(settings=load_settings(home))


def _context(tariff_csv: str | None) -> Context:
    return Context(tariff=load_tariff(Path(tariff_csv))) if tariff_csv else Context()


@task(name="prefill-declarations", cache_policy=NO_CACHE)
def prefill_task(home: str | None, orders: list[str] | None, tariff_csv: str | None, actor: str) -> Prefilled:
    """Prefill (with lint) and store the declarations of the orders."""
    return prefill_and_store(_store(home), orders, actor=actor, context=_context(tariff_csv))


@task(name="write-review-workbook", task_run_name="workbook {decl.number}", cache_policy=NO_CACHE)
def workbook_task(decl: Declaration, folder: str) -> str:
    """The declaration's review workbook (header, items, warnings; dropdowns from the code tables)."""
    return str(write_workbook(decl, Path(folder) / f"{decl.number}.xlsx"))


@task(name="apply-review", task_run_name="{decision} {number}", cache_policy=NO_CACHE)
def decide_task(home: str | None, number: str, decision: str, by: str, edits: dict[str, Any],
                note: str, tariff_csv: str | None) -> Declaration:
    """Apply one clerk decision: approve (with corrections), correct only, or reject."""
    store = _store(home)
    if decision == "reject":
        return reject(store, number, by=by, reason=note or "rejected in review")
    if decision == "correct":
        apply_edits(store, number, edits, by=by, note=note or None, context=_context(tariff_csv))
        return store.get(Declaration, number)  # type: ignore[return-value]
    return approve(store, number, by=by, edits=edits, context=_context(tariff_csv))


@task(name="file-declaration", task_run_name="file {number}", cache_policy=NO_CACHE)
def file_task(home: str | None, number: str, portal_url: str, user_env: str, password_env: str, out_dir: str,
              decision_timeout: float, poll_seconds: float) -> Filing:
    """Fill the single window with the approved declaration, save the draft (its pre-entry number is stored at
    once), submit, and poll until customs accepts or returns it."""
    store = _store(home)
    decl = for_filing(store, number)
    profile = load_profile("customs")
    credentials = Credentials.from_env(user_env, password_env)
    with Browser() as browser, PortalSession(browser, site_for(profile, portal_url), credentials,
                                             Path(out_dir)) as session:
        filer = CustomsFiler(session, profile)
        draft = filer.save_draft(decl.filing_form(), pre_entry_no=decl.pre_entry_no)
        note_pre_entry(store, number, draft.pre_entry_no, actor="customs bot")
        filer.submit(draft.pre_entry_no)
        return filer.wait_for_decision(draft.pre_entry_no, timeout=decision_timeout, interval=poll_seconds)


@task(name="record-filing", task_run_name="record {number}", cache_policy=NO_CACHE)
def record_task(home: str | None, number: str, filing: Filing) -> Declaration:
    """Store the single window's answer (accepted, or returned back into review with the reason)."""
    return record_filing(_store(home), number, pre_entry_no=filing.pre_entry_no, status=filing.status,
                         customs_no=filing.customs_no, reason=filing.reason, actor="customs bot")


@task(name="record-refusal", task_run_name="refused {number}", cache_policy=NO_CACHE)
def refusal_task(home: str | None, number: str, messages: list[str], on_submit: bool = False) -> Declaration:
    """The single window refused the declaration (at entry, or on submit): back to review with its messages."""
    return record_refusal(_store(home), number, messages, actor="customs bot", on_submit=on_submit)


def _warning_lines(decl: Declaration) -> list[str]:
    return [str(w) for w in decl.warnings]


def _field_lines(decl: Declaration) -> list[str]:
    lines = [f"{HEADER_LABELS.get(n, n)} {n} = {getattr(decl, n)!s} [{decl.source_of(n) or '-'}]" for n in FORM_FIELDS]
    for item in decl.items:
        for n in FORM_ITEM_FIELDS:
            lines.append(f"item.{item.item_no}.{n} {ITEM_LABELS[n]} = {getattr(item, n)!s} "
                         f"[{item.sources.get(n) or '-'}]")
    return lines


def review_form(decls: list[Declaration]) -> type[RunInput]:
    """A ``RunInput``: who reviews, and per declaration its decision, corrections and a note. Each section's
    description lists the warnings first, then every field with its source."""
    fields: dict[str, Any] = {
        "reviewed_by": (str, Field(min_length=1, title="Reviewed by", description="Your name (stored in the audit log)")),
    }
    for n, decl in enumerate(decls, start=1):
        section = create_model(
            f"DeclarationReview{n}",
            declaration=(Literal[decl.number], decl.number),  # type: ignore[valid-type]
            decision=(Literal[DECISIONS], "skip"),  # type: ignore[valid-type]
            corrections=(str, Field("", description="field=value; item.2.hs_code=7318159090 (codes as in the tables)")),
            note=(str, ""),
        )
        warnings = _warning_lines(decl)
        text = ("WARNINGS: " + " | ".join(warnings) if warnings else "no warnings") + " || FIELDS: " + \
            " | ".join(_field_lines(decl))
        title = f"{decl.number} ({len(warnings)} warnings) {decl.overseas_consignee}"
        fields[f"decl_{n:02d}"] = (section, Field(default_factory=section, title=title, description=text[:4000]))
    return create_model("CustomsReview", __base__=RunInput, **fields)


def parse_corrections(text: str) -> dict[str, str]:
    """``"gross_weight=17.3; item.1.hs_code=7318159090"`` as a dict (a clear error for a part without ``=``)."""
    edits: dict[str, str] = {}
    for part in (p.strip() for p in text.replace("；", ";").split(";")):
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep or not name.strip():
            raise OrderhubError(f"correction {part!r}: write field=value")
        edits[name.strip()] = value.strip()
    return edits


def _decisions(answer: BaseModel) -> list[tuple[str, str, dict[str, str], str]]:
    out = []
    for name in type(answer).model_fields:
        if name.startswith("decl_"):
            part = getattr(answer, name)
            if part.decision != "skip":
                out.append((part.declaration, part.decision, parse_corrections(part.corrections), part.note))
    return out


def _publish(summary: CustomsSummary, decls: list[Declaration]) -> None:
    rows = [{"declaration": d.number, "severity": w.severity, "field": w.field, "rule": w.rule,
             "message": w.message, "value": w.value, "expected": w.expected, "source": w.source}
            for d in decls for w in d.warnings]
    rows += [{"declaration": f"order {ref}", "severity": "error", "field": "order", "rule": "prefill_failed",
              "message": reason, "value": None, "expected": None, "source": None}
             for ref, reason in summary.failed_orders.items()]
    create_table_artifact(rows or [{"declaration": "-", "message": "no warnings"}], key="customs-warnings",
                          description="Warnings first: every problem found, with both values and the source document")
    fields = [{"declaration": d.number, "field": name, "value": str(value), "source": source}
              for d in decls for name, value, source in _all_fields(d)]
    create_table_artifact(fields, key="customs-declarations", description="Every prefilled field with its source")
    lines = ["# Customs prefill", "", "| declaration | order | warnings | workbook | review station |",
             "|---|---|---|---|---|"]
    lines += [f"| {d.number} | {d.order_key} | {len(d.warnings)} | {summary.workbooks.get(d.number, '')} | "
              f"[{d.number}]({declaration_link(d.number)}) |" for d in decls]
    create_markdown_artifact("\n".join(lines), key="customs-prefill", description="Declarations prefilled")


def _all_fields(decl: Declaration) -> list[tuple[str, Any, str]]:
    out = [(n, getattr(decl, n), decl.source_of(n)) for n in FORM_FIELDS]
    out += [(f"item.{i.item_no}.{n}", getattr(i, n), i.sources.get(n, "")) for i in decl.items for n in FORM_ITEM_FIELDS]
    return out


def _publish_outcome(summary: CustomsSummary) -> None:
    lines = ["# Customs filing", "", "| declaration | outcome | detail |", "|---|---|---|"]
    lines += [f"| {n} | returned (退单, back in review) | {r} |" for n, r in summary.returned.items()]
    lines += [f"| {n} | filing failed | {r} |" for n, r in summary.filing_failed.items()]
    lines += [f"| {n} | approval refused | {r} |" for n, r in summary.refused.items()]
    lines += [f"| {n} | rejected by the clerk | never filed |" for n in summary.rejected]
    lines += [f"| {n} | not approved | stays in review |" for n in summary.not_filed]
    lines += [f"| {n} | approved, not filed yet | no single window address |" for n in summary.approved
              if n not in summary.accepted and n not in summary.returned and n not in summary.filing_failed
              and n not in summary.pre_entry]
    lines += [f"| {n} | accepted | customs no. {c} |" for n, c in summary.accepted.items()]  # the rest: all well
    create_markdown_artifact("\n".join(lines), key="customs-filing", description="Exceptions first, then filings")


def _resume_after_timeout() -> None:
    """Back to Running after an unanswered pause, so the run completes with everything left in review."""
    from prefect.client.orchestration import get_client
    from prefect.context import FlowRunContext
    from prefect.states import Running

    context = FlowRunContext.get()
    assert context is not None and context.flow_run is not None
    with get_client(sync_client=True) as client:
        client.set_flow_run_state(context.flow_run.id, Running(message="review timed out; declarations stay in review"),
                                  force=True)


def _run_name() -> str:
    """``customs-prefill auto review: 3 orders`` / ``customs-prefill pause review: open export orders``."""
    from prefect.runtime import flow_run

    params = flow_run.parameters
    orders = params.get("orders")
    what = (", ".join(orders) if len(orders) <= 3 else f"{len(orders)} orders") if orders else "open export orders"
    filing = "" if params.get("portal_url") else " (no filing)"
    return f"customs-prefill {params.get('review', 'pause')} review: {what}{filing}"


@flow(name="customs-prefill", flow_run_name=_run_name, log_prints=False)
def customs_prefill_flow(orders: list[str] | None = None, review: Review = "pause", portal_url: str | None = None,
                         home: str | None = None, out_dir: str | None = None, tariff_csv: str | None = None,
                         user_env: str = "ORDERHUB_CUSTOMS_USER", password_env: str = "ORDERHUB_CUSTOMS_PASSWORD",
                         timeout_minutes: float = 60, poll_seconds: float = 5, decision_timeout: float = 120,
                         actor: str = "customs-prefill") -> CustomsSummary:
    """Prefill, lint, write workbooks, publish, review (pause / auto / none) and file approved declarations.

    ``orders``: order keys or ids (default: every open export order). ``portal_url``: the single window; without
    it nothing is filed (approved declarations wait). The portal login comes from the environment variables
    ``user_env`` / ``password_env``. Workbooks go to ``out_dir`` (default ``<home>/customs/<timestamp>``).
    """
    logger = get_run_logger()
    settings = load_settings(home)
    folder = Path(out_dir) if out_dir else settings.home / "customs" / time.strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    summary = CustomsSummary(review=review)
    pre = prefill_task(home, orders, tariff_csv, actor)
    decls = pre.declarations
    summary.failed_orders = pre.failed
    summary.prefilled = [d.number for d in decls]
    summary.warnings = {d.number: _warning_lines(d) for d in decls if d.warnings}
    logger.info("prefilled %d declarations (%d with warnings); %d orders could not be prefilled",
                len(decls), len(summary.warnings), len(pre.failed))
    for ref, reason in pre.failed.items():
        logger.warning("order %s not prefilled: %s", ref, reason)
    for number in pre.held:
        logger.warning("%s: approval withdrawn, not filed: a source document is in review again", number)
    for d in decls:
        summary.workbooks[d.number] = workbook_task(d, str(folder))
    logger.info("review workbooks written to %s", folder)
    _publish(summary, decls)
    pending = [d for d in decls if d.status in ("draft", "returned")]
    decisions: list[tuple[str, str, dict[str, str], str]] = []
    by = AUTO_CLERK
    if review == "auto":
        decisions = [(d.number, "approve", {}, "clean: approved automatically") for d in pending if clean(d)]
    elif review == "pause" and pending:
        pending.sort(key=lambda d: (-len(d.warnings), d.number))                 # warnings first
        form = review_form(pending)
        form._description = (f"{len(pending)} declarations to review; warnings first. Approve, correct "
                             f"(field=value; ...), reject or skip. Workbooks in {folder}.")
        try:
            answer = pause_flow_run(wait_for_input=form, timeout=int(timeout_minutes * 60),
                                    poll_interval=max(1, int(poll_seconds)))
        except FlowPauseTimeout:
            logger.warning("nobody answered the review within %s minutes: declarations stay in review",
                           timeout_minutes)
            answer = None
            _resume_after_timeout()
        if answer is not None:
            by = str(answer.reviewed_by)  # type: ignore[attr-defined]
            decisions = _decisions(answer)
    logger.info("review (%s): %d declarations pending, %d decisions", review, len(pending), len(decisions))
    for number, decision, edits, note in decisions:
        try:
            decl = decide_task(home, number, decision, by, edits, note, tariff_csv)
        except OrderhubError as exc:
            summary.refused[number] = str(exc)
            logger.warning("%s %s refused: %s", decision, number, exc)
            continue
        logger.info("%s: %s by %s, now %s", number, decision, by, decl.status)
        if decision == "reject":
            summary.rejected.append(number)
        elif decl.status == "approved":
            summary.approved.append(number)
        if number in summary.workbooks:        # the workbook shows the declaration as it is now
            summary.workbooks[number] = workbook_task(decl, str(folder))
    for d in decls:  # approved before this run (in the review station, or `customs apply --approve`): file it too
        if d.status == "approved" and d.number not in summary.approved and d.number not in summary.rejected:
            summary.approved.append(d.number)
    approved = set(summary.approved)
    summary.not_filed = [n for n in summary.prefilled if n not in approved and n not in summary.rejected]
    if approved and not portal_url:
        logger.warning("no portal_url: %d approved declarations wait for filing", len(approved))
    elif approved:
        for number in summary.approved:                    # one at a time: one chromium on a small machine
            try:
                filing = file_task.submit(home, number, portal_url, user_env, password_env, str(folder / "bot"),
                                          decision_timeout, poll_seconds).result()
            except DeclarationRejected as exc:  # its content refused (entry or submit): back to the clerk
                summary.filing_failed[number] = f"{scrub(str(exc))} (back in review)"
                logger.error("filing %s failed: %s; back in review", number, scrub(str(exc)))
                refusal_task(home, number, [scrub(m) for m in exc.messages],
                             on_submit=getattr(exc, "stage", "save") == "submit")
                continue
            except (BotError, OrderhubError) as exc:
                summary.filing_failed[number] = scrub(str(exc))
                logger.error("filing %s failed: %s", number, scrub(str(exc)))
                continue
            summary.pre_entry[number] = filing.pre_entry_no
            decl = record_task(home, number, filing)
            if number in summary.workbooks:
                summary.workbooks[number] = workbook_task(decl, str(folder))
            if decl.status == "accepted":
                summary.accepted[number] = decl.customs_no or ""
                logger.info("%s filed (pre-entry %s) and accepted: customs no. %s", number, filing.pre_entry_no,
                            decl.customs_no)
            elif decl.status == "returned":
                summary.returned[number] = decl.return_reason or ""
                logger.warning("%s filed (pre-entry %s) and returned (退单): %s", number, filing.pre_entry_no,
                               decl.return_reason)
    _publish_outcome(summary)
    logger.info("customs-prefill: %d prefilled, %d approved, %d accepted, %d returned, %d not filed",
                len(summary.prefilled), len(summary.approved), len(summary.accepted), len(summary.returned),
                len(summary.not_filed))
    return summary
