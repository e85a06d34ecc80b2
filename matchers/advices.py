"""Payments split by the payer's remittance advice (``hub.records.RemittanceAdvice``).

A receipt or statement line fits an advice when the currency agrees, the amount is the advice's total (or short
of it by no more than a bank fee the tolerance profile allows) and the memo names the advice's reference, or the
payer is the advice's payer (same customer, or alike names) paying within the date window. The payment is then
applied as the advice lists it, each allocation explained ("remittance advice RA-123 of <payer> lists invoice X:
1,200.00"). A bank fee between the advice's total and the money received, or a bank fee the advice deducts, is
written off as BANK_FEE and says so; any other deduction (a discount, a short payment, one with no reason), an
invoice we do not have, an amount above an invoice's open amount, lines that do not sum to the advice's total or
advice fields left for review send the payment to review with the reason, never a silent write-off.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from hub.records import Match, RemittanceAdvice, WriteOff
from matchers.cash import CashMatcher, OpenItem, Payment, Proposal, _construct, q
from matchers.names import CustomerIndex, name_similarity
from matchers.references import normalize_ref
from matchers.tolerance import Profile

ZERO = Decimal("0")
CENT = Decimal("0.01")
#: Names at least this alike are the same payer (after legal forms and widths are normalised).
SAME_PAYER = 0.85


@dataclass
class AdviceFit:
    """An advice a payment fits, and on what evidence."""

    advice: RemittanceAdvice
    reference: bool
    payer: bool
    date: bool
    fee: Decimal

    @property
    def strength(self) -> tuple[int, int, int]:
        return (int(self.reference), int(self.payer), int(self.date))


@dataclass
class AdviceIndex:
    """The advices, each used by one payment at most."""

    advices: list[RemittanceAdvice]
    used: set[str] = field(default_factory=set)

    def fits(self, pay: Payment, cix: CustomerIndex, profile: Profile) -> list[AdviceFit]:
        out = []
        memo = normalize_ref(pay.memo)
        payer_codes = {h.customer_code for h in cix.lookup(pay.payer)} if pay.payer else set()
        for advice in self.advices:
            if advice.natural_key() in self.used or advice.total is None or not advice.lines:
                continue
            if advice.currency is not None and advice.currency != pay.currency:
                continue
            short = advice.total - pay.amount
            if short < 0 or short > 0 and short > profile.fee_limit(pay.currency, advice.total):
                continue
            ref = bool(advice.reference) and len(normalize_ref(advice.reference or "")) >= 4 and \
                normalize_ref(advice.reference or "") in memo
            name = advice.payer_name or ""
            same = bool(name) and (name_similarity(pay.payer, name) >= SAME_PAYER or bool(
                payer_codes & {h.customer_code for h in cix.lookup(name)}))
            near = advice.payment_date is not None and \
                abs((pay.value_date - advice.payment_date).days) <= profile.date_window_days
            if ref or same and near:
                out.append(AdviceFit(advice, ref, same, near, short))
        return sorted(out, key=lambda f: f.strength, reverse=True)


def _label(advice: RemittanceAdvice) -> str:
    ref = advice.reference or "(no reference)"
    return f"remittance advice {ref} of {advice.payer_name or 'an unnamed payer'}"


def _find(items_by_ref: Mapping[str, list[OpenItem]], number: str | None, codes: Collection[str],
          currency: str) -> OpenItem | None:
    if not number:
        return None
    found = [i for i in items_by_ref.get(normalize_ref(number), []) if i.kind == "invoice"]
    if len(found) > 1:
        found = [i for i in found if i.customer_code in codes] or found
    if len(found) > 1:
        found = [i for i in found if i.currency == currency and i.due > 0] or found
    return found[0] if len(found) == 1 else None


def apply_advices(advices: Sequence[RemittanceAdvice], todo: list[Payment], matcher: CashMatcher,
                  profile: Profile, unsure: Mapping[str, Collection[str]] | None = None,
                  ) -> tuple[list[Match], list[Payment]]:
    """The matches made from advices (automatic ones posted on ``matcher``'s items) and the payments left."""
    if not advices:
        return [], todo
    index = AdviceIndex(list(advices))
    by_ref: dict[str, list[OpenItem]] = {}
    for item in matcher.items:
        by_ref.setdefault(normalize_ref(item.label), []).append(item)
    matches, rest = [], []
    for pay in sorted(todo, key=lambda p: (p.value_date, p.key)):
        fits = index.fits(pay, matcher.customers, profile)
        if not fits or len(fits) > 1 and fits[0].strength == fits[1].strength:
            rest.append(pay)  # no advice, or two alike: the matcher's own evidence decides
            continue
        fit = fits[0]
        index.used.add(fit.advice.natural_key())
        matches.append(_advised(pay, fit, by_ref, matcher, profile, unsure or {}))
    return matches, rest


def _advised(pay: Payment, fit: AdviceFit, by_ref: Mapping[str, list[OpenItem]], matcher: CashMatcher,
             profile: Profile, unsure: Mapping[str, Collection[str]]) -> Match:
    advice = fit.advice
    label = _label(advice)
    codes = {h.customer_code for h in matcher.customers.lookup(advice.payer_name or "")}
    review: list[str] = []
    parts: list[tuple[OpenItem, Decimal, Decimal]] = []
    write_offs: list[WriteOff] = []
    said: list[str] = []
    open_now: dict[int, Decimal] = {}  # what each item has left once the advice's earlier lines are applied
    for line in advice.lines:
        number = line.invoice_number or f"line {line.line_no}"
        if line.amount_paid is None:
            review.append(f"line {line.line_no} ({number}) could not be read")
            continue
        item = _find(by_ref, line.invoice_number, codes, pay.currency)
        if item is None:
            review.append(f"it names invoice {number}, which we do not have (or not once)")
            continue
        if item.currency != pay.currency:
            review.append(f"invoice {item.label} is in {item.currency}, the payment in {pay.currency}")
            continue
        due = open_now.get(item.idx, item.due)
        if line.amount_paid > due + CENT:
            review.append(f"it pays {line.amount_paid:,.2f} on invoice {item.label}, above its open "
                          f"{due:,.2f}")
            continue
        paid = min(line.amount_paid, due)
        open_now[item.idx] = due - paid
        parts.append((item, paid, paid))
        said.append(f"invoice {item.label}: {paid:,.2f}")
        left = q(due - paid)
        if any(other.amount_paid and other.line_no > line.line_no and other.invoice_number and
               normalize_ref(other.invoice_number) == normalize_ref(item.label) for other in advice.lines):
            continue  # a later line pays more on the same invoice: what is left is judged there
        if left <= CENT:
            continue
        why = line.deduction_reason or line.note or "no reason given"
        if line.deduction_code == "bank_fee" and line.deduction and left <= line.deduction and \
                left <= profile.fee_limit(pay.currency, item.due):
            write_offs.append(_construct(WriteOff, amount=left, currency=pay.currency, reason_code="BANK_FEE",
                                         note=f"bank fee deducted on {label} ({why})", target_key=item.key))
            said.append(f"bank fee {left:,.2f} on it written off ({why})")
        else:
            code = (line.deduction_code or "short payment").replace("_", " ")
            review.append(f"it deducts {left:,.2f} from invoice {item.label} ({code}: {why}): the invoice stays "
                          "open by it — write it off or claim it")
    if advice.total is not None and q(advice.net_paid) != q(advice.total):
        less = f" less {advice.deduction:,.2f} deducted" if advice.deduction else ""
        review.append(f"its lines pay {advice.lines_paid:,.2f}{less}, its total is {advice.total:,.2f}")
    fees: list[tuple[Decimal, str, str]] = []  # bank fees taken off the biggest part: amount, note, what is said
    if advice.deduction:
        why = advice.deduction_reason or "no reason given"
        if advice.deduction_code == "bank_fee" and advice.deduction <= profile.fee_limit(pay.currency,
                                                                                            advice.lines_paid):
            fees.append((advice.deduction, f"bank fee deducted on {label} ({why})",
                         f"bank fee {advice.deduction:,.2f} deducted from the whole payment ({why})"))
        else:
            code = (advice.deduction_code or "short payment").replace("_", " ")
            review.append(f"it deducts {advice.deduction:,.2f} from the whole payment ({code}: {why}): write it "
                          "off or claim it")
    if fit.fee > 0:
        fees.append((fit.fee, f"bank fee: {label} pays {advice.total:,.2f}, {pay.amount:,.2f} received",
                     f"bank fee {fit.fee:,.2f} (the advice's {advice.total:,.2f} less the {pay.amount:,.2f} "
                     "received)"))
    doubtful = sorted(unsure.get(advice.natural_key(), ()))
    if doubtful:
        review.append(f"its fields {', '.join(doubtful)} were left for review")
    for fee, note, words in fees if parts else ():
        biggest = max(range(len(parts)), key=lambda i: parts[i][1])
        item, amount, settles = parts[biggest]
        if fee >= amount:
            review.append(f"the bank fee {fee:,.2f} is more than invoice {item.label}'s part")
            continue
        parts[biggest] = (item, amount - fee, settles - fee)
        write_offs.append(_construct(WriteOff, amount=fee, currency=pay.currency, reason_code="BANK_FEE", note=note,
                                     target_key=item.key))
        said.append(words)
    evidence = ", ".join(w for w, on in (("its reference in the memo", fit.reference), ("the payer", fit.payer),
                                          ("the date", fit.date)) if on)
    reason = f"{label} lists {'; '.join(said) or 'no invoice we have'} (fits by the amount, {evidence})"
    breakdown = {"amount": 1.0, "reference": 1.0 if fit.reference else 0.0, "name": 1.0 if fit.payer else 0.0,
                 "date": 1.0 if fit.date else 0.0}
    customer = next(iter(codes), None) if len(codes) == 1 else (parts[0][0].customer_code if parts else None)
    common = {"payment_kind": pay.kind, "payment_key": pay.key, "payment_amount": pay.amount,
              "currency": pay.currency, "breakdown": breakdown, "customer_code": customer}
    if not parts:
        return Match(**common, status="review", score=0.5, reason=f"{reason} — {'; '.join(review)}")
    prop = Proposal(parts, write_offs, 1.0, "remittance advice", breakdown=breakdown, score=1.0 if not review else 0.8,
                    reason=reason, customer_code=customer, via="remittance advice")
    if review or pay.unsure & {"amount", "reference", "name"}:
        if pay.unsure & {"amount", "reference", "name"}:
            review.append(f"the payment's {', '.join(sorted(pay.unsure))} were read with low confidence")
        return Match(**common, status="review", score=prop.score, candidates=[prop.candidate(pay)],
                     reason=f"{reason} — {'; '.join(review)}")
    matcher.post(prop)
    return Match(**common, status="auto", allocations=prop.allocations(pay), write_offs=write_offs,
                 candidates=[prop.candidate(pay)], score=1.0, reason=reason)


def advices_of(records: Iterable[object]) -> list[RemittanceAdvice]:
    """The remittance advices among ``records``."""
    return [r for r in records if isinstance(r, RemittanceAdvice)]
