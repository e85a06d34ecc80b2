"""Bank receipts (电子回单 / 客户回单 / 业务回单) from positioned words: payer and payee with account and
bank, amount in figures and in Chinese uppercase (cross-checked), currency, date, receipt number,
transaction id and memo (用途/附言/摘要)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import replace
from decimal import Decimal
from functools import cache
from importlib import resources

from extractors.documents.common import (
    amount_eq,
    build_partial,
    pick,
    text_value,
    upper_amount,
    upper_words,
)
from extractors.documents.digit_grid import read_digit_grid
from extractors.documents.result import DocumentResult, Fields
from extractors.documents.roles import (
    BY_ORDER,
    direction_of_page,
    direction_of_value,
    identity,
    settle_receipt,
)
from extractors.layout import Hit, Labels, Layout, Value, default_labels
from extractors.parse import (
    find_currency,
    is_chinese_upper,
    parse_amount,
    parse_bank_account,
    parse_currency,
    parse_date,
    parse_document_number,
)
from extractors.parse.currencies import AMBIGUOUS, currency_mentions, script_currency
from extractors.tables import one_off
from extractors.words import Word
from hub.errors import InputError
from hub.records import BankReceipt

_BANK = re.compile(r"([\u4e00-\u9fff]{2,16}?银行(?:股份有限公司)?|(?:The )?Bank of [A-Z][A-Za-z ]+(?:\([A-Z][A-Za-z ]+\))?"
                   r"(?: ?(?:Limited|Ltd\.?))?|[A-Z][A-Za-z ]+ Bank\b(?: \([A-Z][A-Za-z ]+\))?(?: (?:Limited|Ltd\.?|Berhad))?"
                   r"|Citibank(?:,? N\.A\.)?|The Hongkong and Shanghai Banking Corporation(?: Limited)?|HSBC"
                   r"|[A-Z][A-Za-z ]+ Banking (?:Group|Corporation)(?: Limited| Ltd\.?)?"
                   r"|[A-Z][a-z]{2,}bank\b(?: AG)?|(?:Stadt|Kreis)?[Ss]parkasse(?: [A-ZÄÖÜ][\w\-]+)?|[\u4e00-\u9fff\u3040-\u30ffA-Z]{1,12}?銀行)")


@cache
def _banks_data() -> dict:  # type: ignore[type-arg]
    return tomllib.loads(resources.files("extractors").joinpath("data/banks.toml").read_text(encoding="utf-8"))


@cache
def _issuers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``data/banks.toml``: Chinese credit cooperatives' names (by their suffixes) and payment institutions'
    names (whole words)."""
    cfg = _banks_data()
    suffixes = "|".join(re.escape(x) for x in sorted(cfg["cooperative_suffixes"], key=len, reverse=True))
    names = "|".join(re.escape(x) for x in sorted(cfg["institutions"], key=len, reverse=True))
    return (re.compile(rf"([\u4e00-\u9fff]{{2,16}}?(?:{suffixes}))"), re.compile(rf"(?<![A-Za-z])({names})(?![A-Za-z])"))


#: a figure followed in its cell by the amount in words (``CNY 15,920.00 人民币壹万伍仟玖佰贰拾元整``)
_FIGURE_THEN_WORDS = re.compile(r"^(.*?\d[\d,]*(?:\.\d+)?)\s*(?:人民币|美元|欧元|港币|港元|日元|英镑)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]")


def _amount(text: str) -> Decimal:
    head = _FIGURE_THEN_WORDS.match(text)
    value = parse_amount(head.group(1) if head else text)
    if value <= 0:
        raise ValueError(f"{text!r} is not a positive amount")
    return value


def _reference(text: str) -> str:
    """A receipt number or transaction id: a document number holding at least one digit, so a word read after
    its label (``SIGNATURE`` of a footer's ``advice. No signature``) is never taken as one. A value that holds a
    colon is the bilingual label's other half misread before the number (``回单编号 Receipi No.:2026...``):
    the number after the last colon, or the first token, each with a digit."""
    tries = [text]
    head, sep, tail = text.replace("：", ":").rpartition(":")
    if sep and tail.strip() and re.search(r"[A-Za-z\u4e00-\u9fff]", head):
        tries.append(tail)
    tries.append(text.split()[0] if text.split() else text)
    for candidate in tries:
        try:
            value = parse_document_number(candidate)
        except ValueError:
            continue
        if any(ch.isdigit() for ch in value):
            return value
    raise ValueError(f"{text!r} holds no number with a digit: not a receipt number or transaction id")


def _account(text: str) -> str:
    """A bank account; an IBAN whose check fails is kept as printed (and doubted by the caller); a bank's
    routing code printed before the account (:func:`_after_routing`) is not part of it."""
    split = _after_routing(text)
    if split is not None:
        return split
    try:
        return parse_bank_account(text, allow_masked=True)
    except ValueError:
        compact = re.sub(r"[\s-]", "", text).upper()
        if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
            return compact
        raise


#: a routing code and an account printed as one value: ``US 021000089 / 4421 9988 7766`` (an ABA routing number,
#: nine digits with its check), ``20-32-53 43218765`` (a UK sort code), ``BSB 013-006 Acc 4567 12345``
_ROUTED = re.compile(r"^(?:[A-Z]{2}\s+)?(?:(?:ABA|RTN|BSB|Sort\s*code)\s*[:#]?\s*)?"
                     r"(?P<code>\d{9}|\d{2}-\d{2}-\d{2}|\d{3}-\d{3})\s*(?:/|\s)\s*(?:(?:Acc(?:ount)?|A/C)\.?\s*(?:No\.?)?\s*[:#]?\s*)?"
                     r"(?P<account>\d[\d\s-]{4,30}\d)$", re.I)


def _aba_ok(code: str) -> bool:
    d = [int(ch) for ch in code]
    return sum(w * x for w, x in zip((3, 7, 1) * 3, d, strict=True)) % 10 == 0


def _after_routing(text: str) -> str | None:
    """The account of a value that prints its bank's routing code first, when each part holds: a nine-digit code
    passes the ABA check, a six-digit one is printed as a sort code (NN-NN-NN) or BSB (NNN-NNN), and the rest is an
    account of 6-17 digits. None for anything else (the value is read as one account, or not at all)."""
    m = _ROUTED.match(unicodedata.normalize("NFKC", text).strip())
    if m is None:
        return None
    code, account = m.group("code"), re.sub(r"[\s-]", "", m.group("account"))
    if (len(code) == 9 and not _aba_ok(code)) or not 6 <= len(account) <= 17:
        return None
    return account


def _issuer(layout: Layout, f: Fields) -> None:
    """The issuing bank: a bank name in the title area (top of page 1), not inside a labelled value."""
    taken = {f.get("payer_bank"), f.get("payee_bank")}
    cooperative, institution = _issuers()
    for pattern in (_BANK, cooperative, institution):
        for no, tl in enumerate(layout.lines[:6]):
            text = "".join(c.ch for c in tl.chars)
            for m in pattern.finditer(text):
                if layout.hits_in(no, m.start(), m.end()) or m.group(1) in taken or _in_labelled_value(layout, no, m.start()):
                    continue
                chars = [c for c in tl.chars[m.start():m.end()] if not c.ch.isspace()]
                name, chars = _without_large_logo(m.group(1).strip(), chars)
                f.set("bank", _without_logo(name), min(c.conf for c in chars))
                return
    for name in ("payee_bank", "payer_bank"):
        if f.get(name):
            m = _BANK.search(f.get(name))
            if m:
                f.set("bank", m.group(1), f.confidence[name] * 0.8)
                return


def _between_our_accounts(f: Fields) -> None:
    """A transfer between two of our own accounts (a 结汇水单: our USD account sold, our CNY account credited)
    prints our name once (客户名称): both accounts ours exactly (the master), that name of ours is the other
    side's too."""
    who = identity()
    if not (who.exact("account", f.get("payer_account")) and who.exact("account", f.get("payee_account"))):
        return
    named = [side for side in ("payee_name", "payer_name") if f.get(side)]
    if len(named) != 1 or not who.matches("name", f.get(named[0])):
        return
    empty = "payer_name" if named[0] == "payee_name" else "payee_name"
    f.set(empty, f.get(named[0]), min(f.confidence.get(named[0], 0.0), 0.9))
    f.warnings.append(f"both accounts are ours: {empty} is {f.get(named[0])!r}, the one name printed")


def _platform_memo(layout: Layout, f: Fields) -> None:
    """The memo of a payment institution's notice (Wise, Airwallex, Revolut ...): the value of its first
    ``platform_memo`` label (``Reference``, ``Payment reference``: the payer's words, data/banks.toml), where no
    memo label gave one. A transaction id read from that same value was the memo: dropped (the notice's number,
    ``Transfer #``, stands in for it)."""
    bank = f.get("bank")
    if f.get("memo") or not bank or _issuers()[1].fullmatch(bank) is None:
        return
    wanted = {_label_key(x) for x in _banks_data()["platform_memo"]}
    for hit in sorted(layout.hits, key=lambda h: (h.page, h.y0, h.x0)):
        if _label_key(hit.label) not in wanted:
            continue
        v = layout.value_right(hit, max_gap=6) or layout.value_below(hit)
        if v is None or not v.text.strip():
            continue
        f.set("memo", v.text.strip(), min(v.confidence, 0.9), v)
        src = f.sources.get("transaction_id")
        if src is not None and src.box == (v.x0, v.y0, v.x1, v.y1):
            f.drop("transaction_id", f"{v.text.strip()!r} under {hit.label!r} is the payer's reference on "
                   f"{bank}'s notice: the memo, not its transaction id")
        return


def _label_key(label: str) -> str:
    return re.sub(r"[\s.:：#]", "", unicodedata.normalize("NFKC", label).casefold())


def _in_labelled_value(layout: Layout, line_no: int, start: int) -> bool:
    """Whether the text at ``start`` is the value of a label before it on its line (``Sender's bank Silicon
    Valley Bank`` in the top lines is the payer's bank, not the issuer)."""
    return any(h.end <= start for h in layout.hits_in(line_no, 0, start))


def _without_large_logo(name: str, chars: list) -> tuple[str, list]:  # type: ignore[type-arg]
    """A bank name without a logo word printed far larger before it on its line (``CHASE`` over ``JPMorgan
    Chase Bank, N.A.``): the words from the first printed at the name's last word's height."""
    heights = [c.word.height if c.word is not None else 0.0 for c in chars]
    if not chars or not heights[-1]:
        return name, chars
    keep = next(i for i, h in enumerate(heights) if h <= 1.3 * heights[-1])
    if keep == 0:
        return name, chars
    words, n = name.split(), 0
    for k, word in enumerate(words):  # the words covered by the dropped characters
        n += len(word)
        if n >= keep:
            return " ".join(words[k + 1:]) or name, chars[keep:]
    return name, chars


def _without_logo(name: str) -> str:
    """A bank name without the logo words printed before it on its line (``Standard Chartered Standard
    Chartered Bank (Hong Kong) Limited``, ``DBS DBS Bank (Hong Kong) Limited``): the repeated start once."""
    words = name.split()
    for k in range(len(words) // 2, 0, -1):
        if [w.casefold() for w in words[:k]] == [w.casefold() for w in words[k:2 * k]]:
            return " ".join(words[k:])
    return name


def _move(f: Fields, src: str, dst: str, layout: Layout | None = None) -> None:
    """Rename a read field (``ours_name`` -> ``payee_name``), keeping its confidence and source. A payer/payee
    field already read stays, unless only the reading order gave it (a generic 名称 no block heading owns):
    the 本方/对方 label names its side, the order does not."""
    if src not in f.values:
        f.confidence.pop(src, None)
        return
    if dst in f.values and layout is not None and layout.by_order_only(dst):
        f.warnings.append(f"{dst} {f.get(dst)!r} (placed by reading order only) replaced by the labelled "
                          f"{src.split('_', 1)[0]} side's {f.get(src)!r}")
        other = {"payer": "payee", "payee": "payer"}[dst.split("_", 1)[0]] + "_" + dst.split("_", 1)[1]
        if src.startswith("theirs_") and other not in f.values:
            # the account holder printed without a role (户名/账号 in the header) is the other side: ours
            f.values[other] = f.values[dst]
            f.confidence[other] = min(f.confidence.get(dst, BY_ORDER), BY_ORDER)
            if dst in f.sources:
                f.sources[other] = f.sources[dst]
            f.warnings.append(f"{f.get(dst)!r} taken as {other}: the labelled other side is the {dst.split('_')[0]}")
        f.values.pop(dst)
    if dst in f.values:  # a payer/payee label already gave this field
        f.values.pop(src)
        f.confidence.pop(src, None)
        f.sources.pop(src, None)
        return
    f.values[dst] = f.values.pop(src)
    f.confidence[dst] = f.confidence.pop(src)
    if src in f.sources:
        f.sources[dst] = f.sources.pop(src)


def _without_labels(text: str, labels: tuple[str, ...]) -> str:
    """A memo value without the other memo labels printed before it (``汇款附言 INV 1`` -> ``INV 1``, a
    bilingual ``附言 Remarks`` cell with nothing after it -> empty)."""
    keys = sorted(("".join(unicodedata.normalize("NFKC", k).casefold().split()) for k in labels), key=len, reverse=True)
    rest = text.strip()
    changed = True
    while rest and changed:
        changed = False
        squashed = "".join(unicodedata.normalize("NFKC", rest).casefold().split())
        for key in keys:
            if squashed.startswith(key):
                # drop the characters of the label (blanks inside it kept out of the count)
                n, i = 0, 0
                while i < len(rest) and n < len(key):
                    if not rest[i].isspace():
                        n += 1
                    i += 1
                rest = rest[i:].strip(" :：/")
                changed = True
                break
    return rest


#: a reference read from an OCR box this many times the page's text height took in something under or over
#: its line (a seal's characters, a rule): a digit may be extra or lost, so the reading is doubted
MERGED_HEIGHT = 1.6


def _doubt_merged(layout: Layout, f: Fields, name: str) -> None:
    """Doubt ``name`` (a receipt number or transaction id) when the OCR box it was read from is far taller
    than the page's text: the box merged the line with a seal or a rule (``2026030800022629097``, a digit
    too many, from a box twice the text's height over a seal's edge). The digits are kept as read."""
    src = f.sources.get(name)
    if src is None:
        return
    x0, y0, x1, y1 = src.box
    line = next((tl for tl in layout.lines if tl.page == src.page and tl.y0 == y0 and tl.y1 == y1), None)
    if line is None:
        return
    heights = [c.word.height for c in line.chars if c.word is not None and c.x0 >= x0 - 1e-6 and c.x1 <= x1 + 1e-6]
    if heights and max(heights) > MERGED_HEIGHT * layout.h:
        f.doubt(f"{name} {f.get(name)!r} read from a box {max(heights) / layout.h:.1f} times the text's height "
                "(merged with a seal or a rule): digits may be extra or missing", name)


#: a word this many times the page's text height is a stamp's or seal's text (浦发银 of 浦发银行...专用章)
#: that the line grouping put on the line it overlaps, not part of the line's value
STAMP_HEIGHT = 2.5


@cache
def _seal_text() -> tuple[float, tuple[str, ...]]:
    """``[text]`` of ``data/seals.toml``: the height (in text heights) from which a word reading a piece of
    a seal's phrase is the seal's, and the phrases."""
    cfg = tomllib.loads(resources.files("extractors").joinpath("data/seals.toml").read_text(encoding="utf-8"))["text"]
    return float(cfg["min_height"]), tuple(cfg["phrases"])


def _stamp_word(w: Word, h: float) -> bool:
    """Whether ``w`` is a seal's text: far taller than the page's text ``h``, or taller than the text and
    reading a piece of a seal's phrase (``电子回单专`` of 电子回单专用章)."""
    if w.height > STAMP_HEIGHT * h:
        return True
    least, phrases = _seal_text()
    text = "".join(w.text.split())
    return w.height > least * h and len(text) >= 2 and any(text in p for p in phrases)


def _without_stamp_text(layout: Layout, v: Value) -> Value | None:
    """``v`` without a seal's words: far taller than the page's text (a bank name's fragment), or taller
    and reading a piece of a seal's phrase; they overlap the value's line but belong to the seal."""
    line = next((tl for tl in layout.lines if tl.page == v.page and tl.y0 == v.y0 and tl.y1 == v.y1), None)
    if line is None:
        return v
    chars = [c for c in line.chars if c.x0 >= v.x0 - 1e-6 and c.x1 <= v.x1 + 1e-6]
    kept = [c for c in chars if c.word is None or not _stamp_word(c.word, layout.h)]
    if len(kept) == len(chars):
        return v
    text = " ".join("".join(c.ch for c in kept).split()).strip(" :：")
    solid = [c for c in kept if not c.ch.isspace()]
    if not text or not solid:
        return None
    return replace(v, text=text, x0=solid[0].x0, x1=solid[-1].x1, confidence=min(c.conf for c in solid))


#: ``label:`` inside a text (``验证码:``, ``Printed:``): two of them make a line of labelled values
_LABELLED = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fffA-Za-z]{2,8}[:：](?=\S)")


def _memo(layout: Layout, f: Fields) -> None:
    """用途/附言/摘要: the text right of the label (or under it), without other memo labels, a seal's text, or a
    bilingual label's English half that OCR misread (``附言 Remacks``: the memo is the text further right)."""
    labels = layout.labels.fields["memo"]
    for hit in layout.hits_for("memo"):
        v = layout.value_right(hit, max_gap=6, stop_at_labels=False) or layout.value_below(hit)
        v = _without_stamp_text(layout, v) if v is not None else None
        if v is not None and v.how == "right" and not hit.vertical and _misread_label(v.text, labels):
            v = _next_on_line(layout, hit.line_no, v)
        text = _without_labels(v.text, labels) if v is not None else ""
        if v is not None and v.how == "below" and len(_LABELLED.findall(text)) >= 2:
            continue  # a footer's ``打印时间:... 验证码:...`` under a memo label whose cell is empty
        if text:
            f.set("memo", text, v.confidence, v)
            return


def _misread_label(text: str, labels: tuple[str, ...]) -> bool:
    """Whether ``text`` is one Latin word that is a word of one of ``labels`` with one letter misread
    (``Remacks`` for Remarks), so the label's English half, not a value."""
    word = text.strip().casefold()
    if not re.fullmatch(r"[a-z]{5,}", word):
        return False
    return any(one_off(word, part) for label in labels for part in label.casefold().split())


def _next_on_line(layout: Layout, line_no: int, v: Value) -> Value | None:
    """The text after ``v`` on its line, past a gap (the value column right of a label cell), if any."""
    tl = layout.lines[line_no]
    for s, e in layout.segments(line_no, gap=2):
        chars = [c for c in tl.chars[s:e] if not c.ch.isspace()]
        if chars and chars[0].x0 > v.x1 and chars[0].x0 - v.x1 < 25 * tl.height:
            text = " ".join("".join(c.ch for c in tl.chars[s:e]).split())
            return Value(text, min(c.conf for c in chars), "right", tl.page, chars[0].x0, tl.y0, chars[-1].x1, tl.y1)
    return None


#: a reference read past its bilingual label's misread English half is doubted (the label was not recognised)
PAST_LABEL = 0.85


def _past_english_half(layout: Layout, f: Fields, name: str) -> str | None:
    """A receipt number or transaction id whose bilingual label's English half OCR misread
    (``业务流水号Referenice No.`` ... ``2026...``): the label's Chinese half is found, the text right of it is
    Latin words without a digit, and the number is the next text on the line (no label there). Doubted."""
    for hit in layout.hits_for(name):
        if hit.vertical:
            continue
        v = layout.value_right(hit)
        if v is None or not re.fullmatch(r"[A-Za-z][A-Za-z .:/'-]*", v.text):
            continue
        nxt = _next_on_line(layout, hit.line_no, v)
        if nxt is None or layout.hits_in(hit.line_no, *_span(layout, hit.line_no, nxt)):
            continue
        try:
            value = _reference(nxt.text)
        except ValueError:
            continue
        f.set(name, value, min(nxt.confidence, PAST_LABEL), nxt)
        f.warnings.append(f"{name} {value!r} read past {v.text!r} (a misread English half of its label)")
        return value
    return None


def _span(layout: Layout, line_no: int, v: Value) -> tuple[int, int]:
    """The character indexes of ``v`` on its line."""
    chars = layout.lines[line_no].chars
    idx = [i for i, c in enumerate(chars) if c.x0 >= v.x0 - 1e-6 and c.x1 <= v.x1 + 1e-6]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


_DATE_TEXT = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
                        r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b"
                        r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s*\d{4}\b"
                        r"|(?<![\dA-Za-z])20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\dA-Za-z])")  # 20260325


def _unlabelled_date(layout: Layout, f: Fields) -> None:
    """No date label (a 进账单 prints its date under the title): the one date in the top lines, doubted."""
    top = [tl for tl in layout.lines[:5]]
    found = [v for v in layout.find_text(_DATE_TEXT) if any(tl.y0 <= v.y0 <= tl.y1 and tl.page == v.page for tl in top)]
    dates = set()
    for v in found:
        try:
            dates.add(parse_date(v.text))
        except ValueError:
            continue
    if len(dates) == 1:
        f.set("value_date", dates.pop(), found[0].confidence * 0.8, found[0])
        f.warnings.append("value date read from an unlabelled date under the title")


def _unlabelled_currency(layout: Layout, f: Fields) -> None:
    """No currency label nor symbol (a scan lost the 币种 label): the one currency printed as a word of its own
    (``CNY``, ``人民币``, ``欧元``), doubted; none or two different ones leave it unknown."""
    found: dict[str, Word] = {}
    for w in layout.words:
        text = w.text.strip()
        if len(text) < 2:
            continue
        try:
            found.setdefault(parse_currency(text), w)
        except ValueError:
            continue
    if len(found) == 1:
        (code, w), = found.items()
        f.set("currency", code, min(w.confidence, 1.0) * 0.8, Value(text=w.text.strip(), confidence=w.confidence,
                                                                      how="pattern", page=w.page, x0=w.x0, y0=w.y0,
                                                                      x1=w.x1, y1=w.y1))
        f.warnings.append(f"currency {code} read from {w.text.strip()!r} printed without a label")


def _direction(layout: Layout, f: Fields) -> tuple[str | None, bool]:
    """``credit``/``debit``: a labelled direction value (借贷标志 贷), else the page's words (来账, Credit
    Advice, 付款回单 ...); None when nothing says. And whether the page's words (not a label) told."""
    value = pick(layout, f, "direction", _direction_value)
    f.values.pop("direction", None)
    f.confidence.pop("direction", None)
    f.sources.pop("direction", None)
    return (value, False) if value else (direction_of_page(layout), True)


def _other_partys_words(layout: Layout, f: Fields, direction: str | None) -> str | None:
    """The direction, turned where the page's words speak for the other party: a payer's bank confirming its
    ``Outgoing`` wire names the payer and the payee by their labels, and the master finds us labelled the payee.
    The labels of both sides (not the reading order) and identity then decide, with a warning."""
    if direction is None or any(n.startswith(("ours_", "theirs_")) for n in f.values):
        return direction
    ours, other = ("payer", "payee") if direction == "debit" else ("payee", "payer")
    if not all(f.get(f"{side}_name") and not layout.by_order_only(f"{side}_name") for side in (ours, other)):
        return direction
    who = identity()
    on_ours = any(who.matches(a, f.get(f"{ours}_{a}")) for a in ("name", "account"))
    on_other = any(who.matches(a, f.get(f"{other}_{a}")) for a in ("name", "account"))
    if on_other and not on_ours:
        turned = "credit" if direction == "debit" else "debit"
        f.warnings.append(f"the page's words read as a {direction}, but the labels name us the {other}: a {turned} "
                          f"for us (the other party's bank's document)")
        return turned
    return direction


def _direction_value(text: str) -> str:
    found = direction_of_value(text)
    if found is None:
        raise ValueError(f"{text!r} is not a direction")
    return found


def _party(layout: Layout, f: Fields, side: str) -> None:
    """One side's name, account and bank; a name or bank whose cell wraps onto the next line is read whole."""
    pick(layout, f, f"{side}_name", text_value, values=_side_values(layout, f"{side}_name", wrapped=True))
    if pick(layout, f, f"{side}_account", _account, values=_side_values(layout, f"{side}_account")) is None \
            and side in ("payer", "payee"):
        printed = next((v.text for v in layout.candidates(f"{side}_account")), None)
        if printed:  # labelled, but no account: for review
            f.set(f"{side}_account", None, 0.0)
            f.warnings.append(f"{side} account {printed!r} is not read as an account number")
    pick(layout, f, f"{side}_bank", text_value, values=_side_values(layout, f"{side}_bank", wrapped=True))


def _side_values(layout: Layout, name: str, *, wrapped: bool = False) -> list[Value]:
    """A party field's values: right of or under its labels; where none is, left of a label that ends its line
    (a mirrored half of a receipt: the payee's values right-aligned against labels on the right edge)."""
    found = layout.candidates(name, wrapped=wrapped)
    if found:
        return found
    return [v for v in (layout.value_left(h) for h in layout.hits_for(name)) if v is not None]


def _sides(layout: Layout, f: Fields, direction: str | None) -> None:
    """本方/对方 (our account's side, the other side) into payer and payee by the direction; without one,
    本方 is taken as the payee (a receipt is usually for money in) and both sides are left for review."""
    for side in ("ours", "theirs"):
        _party(layout, f, side)
    read = [n for n in f.values if n.startswith(("ours_", "theirs_"))]
    if not read:
        return
    ours, theirs = ("payer", "payee") if direction == "debit" else ("payee", "payer")
    for attr in ("name", "account", "bank"):
        _move(f, f"ours_{attr}", f"{ours}_{attr}", layout)
        _move(f, f"theirs_{attr}", f"{theirs}_{attr}", layout)
    if direction is None:
        f.warnings.append("本方/对方 receipt without a direction (借/贷, 收/付, 来账/往账): 本方 taken as the payee,"
                          " payer and payee left for review")
        for name in ("payer_name", "payer_account", "payer_bank", "payee_name", "payee_account", "payee_bank"):
            if name in f.confidence:
                f.confidence[name] = min(f.confidence[name], BY_ORDER)


_SPELLED = re.compile(r"(?:人民币|美元|欧元|港币|港元|日元|英镑)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]"
                      r"[零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正]{2,}")


def _amounts(layout: Layout, f: Fields) -> None:
    """The amount in figures, the 大写, and a digit grid where the figure is not printed."""
    figures, spelled = [], []
    for v in _amount_values(layout):
        (spelled if is_chinese_upper(upper_words(v.text)) else figures).append(v)
    pick(layout, f, "amount", _amount, values=figures)
    pick(layout, f, "amount_in_words", upper_words, values=layout.candidates("amount_in_words") + spelled)
    if "amount_in_words" not in f.values:  # a 大写 amount printed without a label
        found = [v for v in layout.find_text(_SPELLED) if is_chinese_upper(upper_words(v.text))]
        if found:
            f.set("amount_in_words", upper_words(found[0].text), found[0].confidence * 0.9, found[0])
    if "amount" not in f.values:
        _figure_after_words(layout, f)
    if "amount" not in f.values:
        grid = read_digit_grid(layout)
        if grid is not None and grid.amount > 0:
            f.set("amount", grid.amount, grid.confidence, grid.where)
            f.warnings.append(f"amount {grid.amount} read from the digit grid (亿千百十万千百十元角分)")


def _amount_values(layout: Layout) -> list[Value]:
    """The amount labels' values as :meth:`Layout.candidates` reads them, in the labels' order; a label with
    nothing right of or under it takes the figure that ends its line far off (``Net amount ....... $2,315.90
    USD``, a summary line right-aligned at the page's edge: :func:`_line_end_figure`)."""
    out: list[Value] = []
    for hit in layout.hits_for("amount") + layout.scoped_hits("amount"):
        found = [v for v in (layout.value_right(hit), layout.value_below(hit)) if v is not None]
        far = None if found else _line_end_figure(layout, hit)
        out += found or ([far] if far is not None else [])
    return out


def _line_end_figure(layout: Layout, hit: Hit) -> Value | None:
    """The one run of text after ``hit`` on its line, past any gap, when it holds a figure and no label."""
    if hit.vertical or hit.line_no < 0:
        return None
    tl = layout.lines[hit.line_no]
    after = [(s, e) for s, e in layout.segments(hit.line_no, gap=2) if tl.chars[s].x0 >= hit.x1]
    if len(after) != 1 or layout.hits_in(hit.line_no, *after[0]):
        return None
    s, e = after[0]
    chars = [c for c in tl.chars[s:e] if not c.ch.isspace()]
    text = " ".join("".join(c.ch for c in tl.chars[s:e]).split())
    if not re.search(r"\d", text):
        return None
    return Value(text, min(c.conf for c in chars) * 0.95, "right", tl.page, chars[0].x0, tl.y0, chars[-1].x1, tl.y1)


def _figure_after_words(layout: Layout, f: Fields) -> None:
    """The figure printed at the end of the 大写's line (``金额 | 人民币（大写）：壹万伍仟元整 ... ¥15,000.00``),
    right of the 大写 past a gap, with no label of its own: taken when the 大写 spells it (then confirmed by
    it); its currency sign counts like a labelled one."""
    src = f.sources.get("amount_in_words")
    if src is None or src.box is None:
        return
    x0, y0, x1, y1 = src.box
    no = next((i for i, tl in enumerate(layout.lines) if tl.page == src.page and tl.y0 == y0 and tl.y1 == y1), None)
    if no is None:
        return
    tl = layout.lines[no]
    after = [(s, e) for s, e in layout.segments(no, gap=2) if tl.chars[s].x0 > x1]
    if not after or layout.hits_in(no, after[0][0], after[0][1]):
        return
    s, e = after[0]
    chars = [c for c in tl.chars[s:e] if not c.ch.isspace()]
    v = Value(" ".join("".join(c.ch for c in tl.chars[s:e]).split()), min(c.conf for c in chars), "right",
              tl.page, chars[0].x0, tl.y0, chars[-1].x1, tl.y1)
    if re.search(r"\d\s+\d", v.text):
        return  # the digits of a grid (¥ 3 5 0 8 0 5 0), read by the grid's reader
    try:
        value = _amount(v.text)
        in_words = upper_amount(f.get("amount_in_words"))[0]
    except (ValueError, ArithmeticError):
        return
    if not amount_eq(value, in_words):
        return  # a figure without a label is taken only when the 大写 spells it
    f.set("amount", value, v.confidence * 0.95, v)
    if find_currency(v.text) and "currency" not in f.values:
        f.set("currency", find_currency(v.text), 0.9, v)


def _words_currency(layout: Layout, f: Fields) -> str | None:
    """The currency the 大写's own label names (``人民币（大写）``, ``美元(大写)``): the label's words before 大写."""
    src = f.sources.get("amount_in_words")
    if src is None or src.box is None:
        return None
    for hit in layout.hits_for("amount_in_words"):
        if hit.page == src.page and hit.y0 < src.box[3] and src.box[1] < hit.y1 and hit.x1 <= src.box[0] + 1e-6:
            head = hit.label.split("(")[0]
            try:
                return parse_currency(head)
            except ValueError:
                return None
    return None


def _sign_currency(layout: Layout, text: str) -> str | None:
    """The currency of an amount's sign or code; a shared sign (``¥``) by the page's script (kana: the yen)."""
    mentions = currency_mentions(text)
    if mentions and mentions[0] in AMBIGUOUS:
        told = script_currency([w.text for w in layout.words], mentions[0])
        if told:
            return told
    return find_currency(text)


def read_receipt(words: list[Word], *, source: str | None = None, labels: Labels | None = None,
                 ocr: bool = False) -> DocumentResult:
    """Read a bank receipt or credit/debit advice from positioned words into a :class:`BankReceipt`
    result. Payer and payee come from their labels or from 本方/对方 by the direction; the our-companies
    master then decides which side is ours (:mod:`extractors.documents.roles`)."""
    layout = Layout(words, labels or default_labels()["receipt"])
    layout.drop_prose_hits()  # "此联是收款人开户银行交给收款人的收账通知" names no field
    f = Fields()
    for name in ("receipt_no", "transaction_id"):
        found = pick(layout, f, name, _reference)
        if found is None and ocr:
            found = _past_english_half(layout, f, name)
        if found is not None and ocr:
            _doubt_merged(layout, f, name)
    if pick(layout, f, "value_date", parse_date) is None:
        _unlabelled_date(layout, f)
    for party in ("payer", "payee"):
        _party(layout, f, party)
    direction, from_page = _direction(layout, f)
    _sides(layout, f, direction)
    if from_page:
        direction = _other_partys_words(layout, f, direction)
    _amounts(layout, f)
    if pick(layout, f, "currency", parse_currency) is None and "currency" not in f.values:
        where = next((v for v in layout.candidates("amount") if find_currency(v.text)), None)
        named = _words_currency(layout, f)
        if where is not None:
            f.set("currency", _sign_currency(layout, where.text), 0.9, where)
        elif named is not None:
            f.set("currency", named, 0.95)
        else:
            _unlabelled_currency(layout, f)
    _memo(layout, f)
    _issuer(layout, f)
    _platform_memo(layout, f)
    # cross-check: the figure against the uppercase amount
    words_text = f.get("amount_in_words")
    amount = f.get("amount")
    if words_text and is_chinese_upper(upper_words(words_text)):
        try:
            in_words, words_currency = upper_amount(words_text)
            if words_currency and f.confidence.get("currency", 0) < 0.95:
                f.set("currency", words_currency, 0.95)
        except ValueError:
            in_words = None
            f.doubt(f"大写 amount {words_text!r} is not readable", "amount_in_words")
        if in_words is not None:
            if amount is None:
                f.set("amount", in_words, 0.8)
                f.warnings.append(f"amount figure not found; {in_words} taken from 大写")
            elif amount_eq(in_words, amount):
                f.confirm("amount", "amount_in_words")
            else:
                f.doubt(f"大写 {words_text} = {in_words} disagrees with the amount {amount}", "amount", "amount_in_words")
    settle_receipt(f, layout, direction)  # accounts shape-checked; our side by direction and identity
    _between_our_accounts(f)
    if "transaction_id" not in f.values and "receipt_no" in f.values:  # a guess: left for review
        f.set("transaction_id", f.get("receipt_no"), min(f.confidence["receipt_no"] * 0.9, 0.6))
        f.warnings.append("no transaction id printed; the receipt number is used")
    found = [n for n in ("amount", "value_date", "payer_name", "payee_name", "transaction_id") if f.get(n) is not None]
    if len(found) < 2:
        raise InputError("does not read as a bank receipt: no amount, date, payer, payee or transaction id found"
                         + (f" (only {found[0]})" if found else ""), source=source)
    data = {k: v for k, v in f.values.items() if k in BankReceipt.model_fields}
    data.setdefault("currency", None)
    f.missing(*BankReceipt.REQUIRED)
    record = build_partial(BankReceipt, data, f, source)
    record = record.model_copy(update={"warnings": list(f.warnings)})
    conf = f.final(ocr, lambda k: k in BankReceipt.model_fields)
    return DocumentResult("receipt", record, conf, list(f.warnings), ocr, sources=dict(f.sources))
