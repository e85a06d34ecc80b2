"""Invoices from positioned words: Chinese VAT e-invoices (数电发票), older VAT special/ordinary
invoices (发票代码 + 发票号码) and English commercial/proforma invoices, all by one set of labels.

Totals are cross-checked (lines sum to net, net + tax = total, 大写 = figure); a disagreement becomes a
warning on the record and lowers the confidence of the fields involved.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from functools import cache
from importlib import resources

from extractors.documents.common import (
    amount_eq,
    build_partial,
    first_token,
    name_value,
    parse_order_ref,
    pick,
    spelled_amounts,
    text_value,
    upper_amount,
    upper_words,
)
from extractors.documents.credit_notes import settle_credit
from extractors.documents.invoice_header import issuers, read_header
from extractors.documents.invoice_lines import list_lines, read_lines
from extractors.documents.result import DocumentResult, Fields
from extractors.documents.roles import settle_invoice
from extractors.layout import Hit, Labels, Layout, Value, default_labels
from extractors.parse import (
    find_currency,
    is_chinese_upper,
    parse_amount,
    parse_currency,
    parse_date,
    parse_document_number,
    parse_uscc,
    parse_vat_invoice_code,
    parse_vat_invoice_number,
)
from extractors.tables import read_table
from extractors.words import Word
from hub.errors import InputError
from hub.records import Invoice, InvoiceLine

_SAY = re.compile(r"^\s*SAY\b.*$", re.I)
_E_NUMBER = re.compile(r"(?<!\d)\d{20}(?!\d)")
_NAME_LABEL = re.compile(r"名\s*称")
#: the older invoices' unlabelled number (``No 08816322``) and code (``3200171130``) in the title area
_OLD_NUMBER = re.compile(r"(?<![\w])No\.?\s*\d{8}(?!\d)")
_OLD_CODE = re.compile(r"(?<![\d\w])(?:\d{10}|\d{12})(?![\d\w])")
_USCC = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")


#: Words only a Chinese VAT invoice prints (a bilingual "INVOICE 发票" title alone does not count).
VAT_MARKERS = ("增值税", "电子发票", "发票代码", "价税合计", "全面数字化")
#: Words only a Taiwanese 統一發票 prints (its 統一編號, 證明聯, 營業稅, 新臺幣; matched folded to simplified):
#: its 電子發票 is no mainland VAT invoice, it reads as any issuer's invoice
TAIWAN_MARKERS = ("统一编号", "证明联", "营业税", "新台币")


def _is_chinese(layout: Layout) -> bool:
    text = "".join(tl.compact for tl in layout.lines)
    return any(m in text for m in VAT_MARKERS) and not any(m in text for m in TAIWAN_MARKERS)


def _kind(layout: Layout, number: str | None, code: str | None) -> str:
    text = "".join(tl.compact for tl in layout.lines)
    if number and len(number) == 20:
        return "cn_vat_e"
    if any(m in text for m in VAT_MARKERS) and not any(m in text for m in TAIWAN_MARKERS):
        if "专用发票" in text:
            return "cn_vat_special"
        return "cn_vat_ordinary" if code or "普通发票" in text else "cn_vat_e"
    return "proforma" if _proforma_titles().search(text.replace("-", "")) else "commercial"


@cache
def _proforma_titles() -> re.Pattern[str]:
    """``data/kinds.toml [proforma] titles`` in the compact text, blanks and hyphens dropped (``Pro-Forma Invoice``,
    ``FATTURA PROFORMA``, ``Proformafaktura``); not ``Proforma No.:`` on a commercial invoice."""
    data = tomllib.loads(resources.files("extractors").joinpath("data/kinds.toml").read_text(encoding="utf-8"))
    titles = ("".join(t.casefold().split()).replace("-", "") for t in data.get("proforma", {}).get("titles", ()))
    return re.compile("|".join(map(re.escape, sorted(titles, key=len, reverse=True))))


def _title_area_bottom(layout: Layout) -> float | None:
    """Where a Chinese VAT invoice's title area ends: the top of its first party block (the first 名称 line)."""
    names = [v for v in layout.find_text(_NAME_LABEL) if v.page == 1]
    return min((v.y0 for v in names), default=None)


def _in_title_area(layout: Layout, v: Value) -> bool:
    """Whether ``v`` is printed above the party blocks (a 20-digit run in 开户行及账号 is an account, not the number)."""
    bottom = _title_area_bottom(layout)
    return v.page == 1 and (bottom is None or v.y1 <= bottom)


def _unlabelled_code_and_number(layout: Layout, f: Fields) -> None:
    """The older VAT invoices print their 发票代码 and number without labels in the title area: the code
    (10 or 12 digits) top left and again under the number, the number after ``No`` top right. Read there
    only (never from the blocks below); a figure printed twice there is surer than one printed once."""
    bottom = _title_area_bottom(layout)
    if bottom is None:
        return
    for name, pattern in (("number", _OLD_NUMBER), ("code", _OLD_CODE)):
        if name in f.values:
            continue
        found = [v for v in layout.find_text(pattern) if v.page == 1 and v.y1 <= bottom]
        if not found:
            continue
        digits = [re.sub(r"\D", "", v.text) for v in found]
        if len(set(digits)) > 1 and name == "code":
            continue  # two different runs: not told which is the code
        value = digits[0]
        again = [v for v in layout.find_text(re.compile(rf"(?<!\d){value}(?!\d)")) if v.page == 1 and v.y1 <= bottom]
        f.set(name, value, min(found[0].confidence, 0.9 if len(again) > 1 else 0.85), found[0])
        f.warnings.append(f"{name} {value} read in the title area without its label; check it")


def _money(text: str) -> Decimal:
    value = parse_amount(text)
    if value < 0:
        raise ValueError(f"{text!r} is negative")
    return value


def _uscc_fallback(layout: Layout, fields: Fields) -> None:
    """Tax ids without a readable label: valid USCCs on the page, in buyer-then-seller reading order."""
    missing = [n for n in ("buyer_tax_id", "seller_tax_id") if n not in fields.values]
    if not missing:
        return
    known = {fields.get("buyer_tax_id"), fields.get("seller_tax_id")}
    found = []
    for v in layout.find_text(_USCC):
        try:
            code = parse_uscc(v.text)
        except ValueError:
            continue
        if code not in known:
            found.append((v, code))
    if len(found) == 1 and len(missing) == 1:
        fields.set(missing[0], found[0][1], found[0][0].confidence * 0.85)
    elif len(found) == 2 and len(missing) == 2:
        for name, (v, code) in zip(missing, found, strict=True):
            fields.set(name, code, v.confidence * 0.8)


_COMPANY = re.compile(r"(有限公司|有限责任公司|股份公司|厂|\b(co\.?,?\s*ltd|ltd|limited|inc|corp|corporation|llc|gmbh|"
                      r"s\.?a\.?|b\.?v\.?|ag|company|pte)\b\.?)", re.I)


def _letterhead_seller(layout: Layout, f: Fields) -> None:
    """No seller label (commercial invoices print the seller as the letterhead): the first company
    name in the top quarter of page 1 that is not the buyer."""
    page1 = [tl for tl in layout.lines if tl.page == 1]
    if not page1:
        return
    top, bottom = page1[0].y0, max(tl.y1 for tl in page1)
    for no, tl in enumerate(layout.lines):
        if tl.page != 1 or tl.y0 > top + (bottom - top) * 0.25:
            continue
        for s, e in layout.segments(no, gap=2.0):
            text = " ".join("".join(c.ch for c in tl.chars[s:e]).split())
            if _COMPANY.search(text) and text != f.get("buyer_name") and not layout.hits_in(no, s, e):
                f.set("seller_name", text, min(c.conf for c in tl.chars[s:e]) * 0.85)
                return


def _whole_name(layout: Layout, f: Fields, name: str) -> None:
    """A 名称 longer than its cell goes on on the next line (``中国石化销售股份有限公司江苏苏州`` / ``石油分公司``): a
    name read without a Chinese entity's ending (公司, 厂 ..., ``issuers.toml [legal_forms] cn_endings``) takes
    in the line under it that starts where it starts, when the joined name has that ending."""
    endings = issuers().cn_endings
    value = f.get(name)
    if not isinstance(value, str) or not endings or value.endswith(endings):
        return
    for hit in layout.hits_for(name) + layout.scoped_hits(name):
        v = layout.value_right(hit)
        if v is None or name_value(v.text) != value:
            continue
        whole = layout.continued(hit, v, cut=True)
        joined = name_value(whole.text.replace(" ", "")) if whole is not v else ""
        if joined.endswith(endings) and joined != value:
            f.set(name, joined, min(f.confidence.get(name, 1.0), whole.confidence), whole)
            return


def _grid_parties(layout: Layout, f: Fields) -> None:
    """购买方 and 销售方 as the column heads of one grid, 名称/纳税人识别号 as its row labels: each value goes to the
    party whose column it stands in (the reading order would give the row's first value to the buyer and
    lose the second); the column places the side as a label does (``Fields.placed``)."""
    parsers = {"name": name_value, "tax_id": parse_uscc}
    for name, v in layout.grid_by_heads().items():
        side, _, attr = name.partition("_")
        if side not in ("buyer", "seller") or attr not in parsers:
            continue
        try:
            value = parsers[attr](v.text)
        except ValueError:
            continue
        f.set(name, value, v.confidence, v)
        f.placed.add(name)


#: A VAT invoice whose goods are on an attached list (销货清单) prints this instead of the lines.
_LIST_NOTE = "清单"
#: the head of a summary row's total column (``票价 | 燃油附加费 | 增值税税额 | 民航发展基金 | 合计`` over their figures)
_TOTAL_HEADS = ("合计", "合計")


def _total_under_head(layout: Layout, f: Fields) -> None:
    """No total read: a summary row of heads over their figures (an air itinerary's 票价 … 合计), where the tax's
    head stands: the figure under its 合计 head is the total."""
    if f.get("total") is not None:
        return
    for hit in layout.hits_for("tax"):
        tl = layout.lines[hit.line_no]
        for s, e in layout.segments(hit.line_no):
            text = "".join(c.ch for c in tl.chars[s:e]).strip()
            if text not in _TOTAL_HEADS or tl.chars[s].x0 < hit.x1:
                continue
            head = Hit("total", text, hit.line_no, s, e, tl.chars[s].x0, tl.y0, tl.chars[e - 1].x1, tl.y1, tl.page)
            v = layout.value_below(head)
            try:
                value = _money(v.text) if v is not None else None
            except ValueError:
                value = None
            if value is not None and v is not None:
                f.set("total", value, v.confidence * 0.9, v)
                f.warnings.append(f"total {value} read under the {text} head of the summary row")
                return



def _check_totals(fields: Fields, lines: list[InvoiceLine], ocr: bool = False) -> None:
    """Net, tax, total and 大写 checked against each other and the lines. ``ocr``: the words are a scan's, where
    a figure made up from the others is not confirmed by them (only a confirmed figure of a scan is sure) and a
    tax row OCR lost looks like none printed; a text layer's figures are as printed, and keep the checks."""
    net, tax, total = fields.get("net"), fields.get("tax"), fields.get("total")
    words = fields.get("total_in_words")
    in_words = None
    if words and is_chinese_upper(upper_words(words)):
        try:
            in_words = upper_amount(words)[0]
            if fields.get("document_type") == "credit_note":  # （负数）壹仟...: a credit's amount in words
                in_words = -abs(in_words)
        except ValueError:
            fields.doubt(f"大写 amount {words!r} is not readable", "total_in_words")
    line_sum = sum((ln.amount for ln in lines), Decimal("0")) if lines else None
    line_taxes = bool(lines) and all(ln.tax is not None for ln in lines)
    if fields.get("_tax_inclusive") and net is None and tax is None:
        # a Chinese ticket that prints no tax at all (增值税普通发票(卷式)): its amounts include the tax at a rate it
        # does not print, so net and tax cannot be told (null, for review); the total stands on its 大写
        fields.warnings.append("no tax printed (a 卷式 ticket's amounts include it): net and tax not read, for review")
        fields.values["tax"] = None  # not the record's default 0: unknown
        fields.confidence["net"] = fields.confidence["tax"] = 0.0
        if total is not None and in_words is not None:
            if amount_eq(in_words, total):
                fields.confirm("total", "total_in_words")
            else:
                fields.doubt(f"大写 {words} = {in_words} disagrees with the total {total}", "total_in_words", "total")
        if total is not None and line_sum is not None and amount_eq(line_sum, total):
            fields.confirm(*(f"lines[{i}].amount" for i in range(len(lines))))
        return
    guessed = False
    if not fields.get("_chinese") and net is None and tax is None and total is not None and line_sum is not None \
            and not line_taxes and 0 < line_sum < total and fields.get("_tax_printed"):
        # it names a tax, prints no net nor tax amount we read, and its lines sum to less than the total: the
        # lines are the net and the rest its tax (``Razem: 12 400,00 | 2 852,00 | 15 252,00`` under the columns)
        fields.set("net", line_sum, 0.85)
        fields.set("tax", total - line_sum, 0.85)
        fields.warnings.append(f"net {line_sum} taken from the lines and tax {total - line_sum} as the total less"
                               " them: no net or tax amount read; check them")
        net, tax = line_sum, total - line_sum
    if not fields.get("_chinese") and net is None and tax is None and total is not None and not line_taxes:
        # a commercial invoice printing only its total charges no tax: net is the total, and lines that do
        # not add up to it are a warning below rather than a tax made up to fill the gap
        guess = 0.85 if ocr else 0.9
        fields.set("tax", Decimal("0"), guess)
        fields.set("net", total, min(guess, fields.confidence.get("total", 0.9) * 0.95) if ocr else
                   fields.confidence.get("total", 0.9) * 0.95)
        net, tax, guessed = total, Decimal("0"), True
        if fields.get("_tax_printed"):  # it prints a tax (``IGST: 18.0 %``) whose amount was not read
            fields.doubt(f"the invoice names a tax ({fields.get('_tax_printed')}) but no tax amount was read; net ="
                         " total and tax 0 are a guess, left for review", "net", "tax")
    net_from_lines = net is None and line_sum is not None
    if net_from_lines:
        # as sure as its least sure line; a line with no description read is a summary row more likely than an item
        unnamed = [0.6 for i, ln in enumerate(lines)
                   if ocr and not ln.description and not fields.confidence.get(f"lines[{i}].description")]
        fields.set("net", line_sum, min([fields.confidence.get(f"lines[{i}].amount", 1.0)
                                         for i in range(len(lines))] + unnamed) * 0.95)
        net = line_sum
    if net is not None and total is not None and not guessed and (tax is None or not amount_eq(net + tax, total)):
        tax = _whole_tax(fields, net, tax, total)
    if tax is None and line_taxes:
        tax = sum((ln.tax for ln in lines), Decimal("0"))
        fields.set("tax", tax, 0.9)
    derived_tax = tax is None and net is not None and total is not None and (total >= net if total >= 0 else total <= net <= 0)
    if derived_tax:
        tax = total - net
        fields.set("tax", tax, 0.85)
    if tax is None:
        fields.set("tax", Decimal("0"), 0.8)
        tax = Decimal("0")
    computed = net + tax if net is not None else None
    if net is None and total is not None and tax and not line_taxes:
        # a tax and a total but no net, nor lines: nothing checks that the tax is this invoice's tax
        fields.doubt(f"tax {tax} read without a net to check it against the total {total}", "tax")
    if total is None:
        alt = in_words if in_words is not None else computed
        if alt is None:
            if fields.get("tax"):  # a tax figure with no net or total to check it against
                fields.doubt(f"tax {tax} read without a net or a total to check it against", "tax")
            return
        fields.set("total", alt, 0.8)
        fields.warnings.append(f"total figure not found; {alt} taken from {'大写' if in_words is not None else 'net + tax'}")
        total = alt
        total_from = ("words" if in_words is not None else "sum") if ocr else None
    else:
        total_from = None
    tw = in_words is not None and amount_eq(in_words, total)
    ts = computed is not None and amount_eq(computed, total)
    # a figure made from the others agrees with them by construction: that confirms nothing (a guessed net =
    # total with tax 0, a scan's total taken as net + tax)
    if ts and total_from != "sum" and not guessed:
        fields.confirm("total", "net", "tax")
    if net is not None and net > 0 and tax > net:
        # no sales tax or VAT is over 100%: net and tax came from the wrong rows or lost digits, and their sum
        # making the total confirms nothing (the total itself may still be right)
        fields.doubt(f"tax {tax} is larger than the net {net} (a rate over 100%): net and tax left for review",
                     "net", "tax")
    if tw and total_from != "words":
        fields.confirm("total", "total_in_words")
    if in_words is not None and not tw:
        if not ts and computed is not None and amount_eq(in_words, computed):
            fields.warnings.append(f"total figure {total} disagrees with 大写 {words} and net + tax = {computed};"
                                   f" {computed} used")
            fields.set("total", computed, 0.8)
            fields.confirm("net", "tax")
        else:
            fields.doubt(f"大写 {words} = {in_words} disagrees with the total {total}",
                         "total_in_words", *(() if ts else ("total",)))
    if computed is not None and not ts and not (in_words is not None and amount_eq(in_words, computed)):
        fields.doubt(f"net {net} + tax {tax} = {computed} disagrees with the total {fields.get('total')}",
                     "net", "tax", *(() if tw else ("total",)))
    if line_sum is not None and net is not None:
        if net_from_lines and ocr:
            pass  # the lines' own sum, as OCR read them: nothing to check it against here
        elif guessed and "total" in fields.doubted:
            # the net is the total, which its words (or another check) put in doubt: lines agreeing with the figures
            # cannot settle a dispute between the figures and the words, so the net is as doubtful as the total
            fields.doubt(f"net {net} is the doubted total: left for review with it", "net")
        elif amount_eq(line_sum, net, Decimal("0.01") * max(1, len(lines))):
            fields.confirm("net", *(f"lines[{i}].amount" for i in range(len(lines))))
        else:
            fields.doubt(f"the lines sum to {line_sum}, the invoice says net {net}", "net",
                         *(("tax",) if derived_tax or guessed else ()),  # total - net, or 0: as doubtful as the net
                         *(f"lines[{i}].amount" for i in range(len(lines))))
    _check_rates(fields, lines)
    line_tax = [ln.tax for ln in lines if ln.tax is not None]
    if lines and len(line_tax) == len(lines) and tax is not None:
        tsum = sum(line_tax, Decimal("0"))
        if amount_eq(tsum, tax, Decimal("0.01") * max(1, len(lines))):
            fields.confirm("tax", *(f"lines[{i}].tax" for i in range(len(lines))))
        else:
            fields.doubt(f"the lines' tax sums to {tsum}, the invoice says tax {tax}", "tax")


def _whole_tax(fields: Fields, net: Decimal, tax: Decimal | None, total: Decimal) -> Decimal | None:
    """The tax as printed whole where the one read is a part of it (CGST of CGST + SGST, read on its own row, the
    total tax printed only in the TOTAL row): the one printed figure among the header's options
    (:func:`extractors.documents.invoice_header.tax_options`) that makes net + tax = total; else ``tax``."""
    fits = [o for o in fields.get("_tax_options") or () if amount_eq(net + o[0], total)]
    if len({o[0] for o in fits}) != 1:
        return tax
    value, conf, where, how = fits[0]
    fields.set("tax", value, conf, where)
    fields.warnings.append(f"tax {value} taken ({how}): net {net} + {value} = the total {total}"
                           + (f"; {tax} read under a tax label is a part of it" if tax is not None else ""))
    return value


def _check_rates(fields: Fields, lines: list[InvoiceLine]) -> None:
    """Each line's tax is its amount times its rate (rounded per line). A line that fails it was read from the
    wrong columns (a header wider than its cell moves the figures one column over, amount and tax exchanged):
    its amount and tax, and the net and tax the lines sum to, are doubted; their sums agreeing proves nothing."""
    bad = [i for i, ln in enumerate(lines) if ln.tax_rate is not None and ln.tax is not None and
           abs(ln.amount * ln.tax_rate - ln.tax) > Decimal("0.02") + abs(ln.amount) * Decimal("0.0001")]
    if bad:
        fields.doubt("line " + ", ".join(str(i + 1) for i in bad) + ": amount x tax rate != tax; the columns may be"
                     " read wrong", "net", "tax", *(f"lines[{i}].{c}" for i in bad for c in ("amount", "tax")))


def _remarks(layout: Layout, f: Fields) -> None:
    for hit in layout.hits_for("remarks"):
        v = layout.value_right(hit, max_gap=6, stop_at_labels=False) or layout.value_below(hit)
        if v is not None:
            f.set("remarks", v.text, v.confidence)
            break


def read_invoice(words: list[Word], *, source: str | None = None, labels: Labels | None = None,
                 ocr: bool = False, rules: dict[int, list[tuple[float, float, float]]] | None = None) -> DocumentResult:
    """Read an invoice from positioned words (PDF text layer or OCR) into an :class:`Invoice` result.

    Raises :class:`hub.errors.InputError` naming ``source`` when a required field cannot be read.
    """
    layout = Layout(words, labels or default_labels()["invoice"], rules)
    f = Fields()
    chinese = _is_chinese(layout)
    f.values["_chinese"] = chinese
    if not chinese:  # any issuer's invoice in English or a European language
        read_header(layout, f)
        taxed = [h for h in layout.hits_for("tax")]
        if taxed:
            f.values["_tax_printed"] = " ".join("".join(c.ch for c in layout.lines[taxed[0].line_no].chars).split())
        table = read_table(layout)
        if not taxed and table is not None and {"tax", "tax_rate"} & set(table.names):
            f.values["_tax_printed"] = "a tax column in the item table"
        pick(layout, f, "order_ref", parse_order_ref)
        _remarks(layout, f)
    else:
        if chinese:
            compact = "".join(tl.compact for tl in layout.lines)
            # no tax named anywhere (no 税额, 税率, 征收率): a ticket whose amounts include the tax
            f.values["_tax_inclusive"] = not any(w in compact for w in ("税额", "税率", "征收率", "税金"))
            number = pick(layout, f, "number", first_token(parse_vat_invoice_number))
            if number is None:
                found = [v for v in layout.find_text(_E_NUMBER) if _in_title_area(layout, v)]
                if found:
                    pick(layout, f, "number", parse_vat_invoice_number, values=found[:1])
            pick(layout, f, "code", first_token(parse_vat_invoice_code))
            _unlabelled_code_and_number(layout, f)
        else:
            pick(layout, f, "number", first_token(parse_document_number))
        pick(layout, f, "issue_date", parse_date)
        pick(layout, f, "due_date", parse_date)
        for party in ("buyer", "seller"):
            pick(layout, f, f"{party}_name", name_value if chinese else text_value)
            if chinese:
                _whole_name(layout, f, f"{party}_name")
            if chinese:
                pick(layout, f, f"{party}_tax_id", parse_uscc)
            else:
                pick(layout, f, f"{party}_tax_id", text_value)
        if chinese:
            _grid_parties(layout, f)
        if "seller_name" not in f.values:
            _letterhead_seller(layout, f)
        if chinese:
            _uscc_fallback(layout, f)
            for name in ("buyer_tax_id", "seller_tax_id"):
                if name in f.values:
                    f.confirm(name)  # the check digit held
        pick(layout, f, "order_ref", parse_order_ref)
        for hit in layout.hits_for("remarks"):
            v = layout.value_right(hit, max_gap=6, stop_at_labels=False) or layout.value_below(hit)
            if v is not None:
                f.set("remarks", v.text, v.confidence)
                break
        pick(layout, f, "total", _money)
        if chinese:
            _total_under_head(layout, f)
        pick(layout, f, "total_in_words", upper_words if chinese else text_value)
        if "total_in_words" not in f.values and chinese:
            spelled = spelled_amounts(layout)  # its label garbled on a scan (``价税合计`` without 大写)
            if spelled:
                f.set("total_in_words", spelled[0].text, spelled[0].confidence * 0.9, spelled[0])
        if "total_in_words" not in f.values and not chinese:
            said = layout.find_text(_SAY)
            if said:
                f.set("total_in_words", said[0].text.strip(), said[0].confidence * 0.9)
        pick(layout, f, "net", _money)
        pick(layout, f, "tax", _money)
        for name in ("total", "net", "tax"):  # printed only negative (¥-1200.00): a credit's, signed
            if name not in f.values:
                pick(layout, f, name, parse_amount)
        currency = pick(layout, f, "currency", parse_currency)
        if currency is None:
            for v in layout.candidates("total") + layout.candidates("net"):
                code = find_currency(v.text)
                if code:
                    f.set("currency", code, v.confidence)
                    break
            else:
                if "currency" not in f.values:
                    f.set("currency", "CNY", 0.95)  # a Chinese VAT invoice is issued in 人民币
    lines = read_lines(layout, f)
    if chinese and len(lines) <= 1 and any(_LIST_NOTE in (ln.description or "") for ln in lines):
        lines = list_lines(words, layout.labels, f, layout.rules) or lines
    lines = settle_credit(words, layout, f, lines, chinese=chinese)  # a credit note's amounts signed
    _check_totals(f, lines, ocr=ocr)
    kind = _kind(layout, f.get("number"), f.get("code"))
    f.set("kind", kind, 1.0)
    if kind == "proforma":  # an offer to pay against (three-way match skips it; reconciliation once a final one is read)
        f.warnings.append("a proforma invoice: a quotation to pay against, not an invoice to book; the "
                          "commercial invoice that follows it is")
    found = [n for n in ("number", "issue_date", "total", "seller_name", "buyer_name") if f.get(n) is not None]
    if len(found) < 2 and not lines:
        raise InputError("does not read as an invoice: no invoice number, date, total or parties found"
                         + (f" (only {found[0]})" if found else ""), source=source)
    settle_invoice(f, layout, ocr=ocr)  # tax ids shape-checked; we are the seller (extractors/documents/roles.py)
    data = {k: v for k, v in f.values.items() if k in Invoice.model_fields}
    data["lines"] = lines
    data.setdefault("currency", None)
    f.missing(*Invoice.REQUIRED)
    record = build_partial(Invoice, data, f, source)
    record = record.model_copy(update={"warnings": list(f.warnings)})
    conf = f.final(ocr, lambda k: k.split("[")[0] in Invoice.model_fields)
    return DocumentResult("invoice", record, conf, list(f.warnings), ocr, sources=dict(f.sources))


__all__ = ["Value", "read_invoice"]
