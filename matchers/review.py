"""Why a payment needs a person, in words a clerk reads on its row (workbook, review form, station).

One reason per finding, Chinese first then English; derived from the match, its candidates and the
tolerance profile that decided it, so every place that shows a review item says the same thing.
"""

from __future__ import annotations

from decimal import Decimal

from hub.records import Candidate, Match
from matchers.tolerance import Profile, load_profile


def _total(c: Candidate) -> Decimal:
    return sum((a.amount for a in c.allocations), Decimal(0))


def review_reasons(match: Match, profile: Profile | None = None) -> list[str]:
    """The reasons ``match`` is not posted automatically (empty for auto and decided matches)."""
    if match.status not in ("review", "unmatched"):
        return []
    p = profile or load_profile()
    cands = match.candidates
    # a payment fitting a payer's remittance advice (matchers.advices): the advice's own reasons come first
    advised = [f"付款通知 {match.reason}"] if match.reason.startswith("remittance advice ") else []
    if not cands:
        return advised or ["没有金额、单号或付款人相符的未结项 no open invoice or order fits the amount, memo or payer"]
    top = cands[0]
    out: list[str] = []
    if match.status == "unmatched":
        out.append(f"最佳候选得分 {top.score:.2f} 太低 best guess too weak ({top.score:.2f} < {p.review_min:.2f})")
    no_ref = top.breakdown.get("reference", 0) == 0
    equal = [c for c in cands[1:] if _total(c) == _total(top) and abs(c.score - top.score) < 1e-6]
    if no_ref and equal:
        n = len(equal) + 1
        out.append(f"摘要无单号，且有 {n} 个金额相同的未结项 no reference and {n} equal open items")
    elif len(cands) > 1 and top.score - cands[1].score < p.auto_margin:
        out.append(f"第二候选得分相差不足 {p.auto_margin:.2f} runner-up within {p.auto_margin:.2f} "
                   f"({top.score:.2f} vs {cands[1].score:.2f})")
    elif no_ref:
        out.append("摘要未提及单号 the memo names no invoice or order")
    if match.status == "review" and top.score < p.auto_threshold:
        out.append(f"得分 {top.score:.2f} 低于自动匹配线 {p.auto_threshold:.2f} score below the auto line")
    if top.breakdown.get("name", 1) == 0:
        out.append("付款人不是已知的客户名称 the payer is not a known name of the customer")
    if top.breakdown.get("amount", 1) < 1:
        out.append("金额不完全相符 the amount differs from what is open")
    if len(top.allocations) > 1:
        out.append(f"一笔付款对应 {len(top.allocations)} 个单据 one payment for {len(top.allocations)} items")
    return advised + out
