"""The header of an invoice that is not a Chinese VAT invoice: any issuer's, in English or a European
language (German, French, Dutch, Spanish, Italian).

Number, dates, parties, tax ids, totals and currency are read through the label dictionary
(``data/labels.toml``) and checked before they are accepted:

- the **issuer's country** comes from its tax id's shape or its address (``data/issuers.toml``); it
  settles the order of day and month, the decimal mark when the amounts do not, and the currency when
  no sign or code is printed;
- an **invoice number** holds a digit and is no word of a sentence;
- a **date** is plausible (1990 to next year); an ambiguous 03/08/2014 read by the country's habit is
  left below the review threshold;
- the **seller** is the issuer: a ``Sold by``/``Vendor``/``Supplier`` block, else the letterhead at the
  top of page 1 (with the tax id printed in it); the **buyer** is the ``Bill to``/``Customer`` block.
  Labels are stripped from values; a party found only by position is left for review;
- the **total** is chosen by evidence among every total label's amount: the one equal to net + tax, the
  one repeated in words, the one labelled as due, the largest; a disagreement left open is a warning;
- the **currency** is what is printed next to the amounts (``$`` only with a US or other dollar
  country's issuer), else the issuer's country's, else None and needs review.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources

from extractors.documents.result import Fields
from extractors.documents.roles import identity
from extractors.layout import Hit, Layout, TextLine, Value, simplified
from extractors.parse import infer_dayfirst, parse_amount, parse_date
from extractors.parse.amounts import english_words_to_amount
from extractors.parse.currencies import currency_mentions, resolve_currency
from extractors.parse.dates import AmbiguousDateError, date_spans
from extractors.tables import read_table


# -- data ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Country:
    """How one country's invoices print dates, amounts and tax ids."""

    code: str
    currency: str
    dayfirst: bool
    decimal_comma: bool
    tax_ids: tuple[re.Pattern[str], ...]
    words: tuple[str, ...]
    address: tuple[re.Pattern[str], ...]
    cities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issuers:
    countries: dict[str, Country]
    languages: dict[str, tuple[tuple[str, ...], bool, bool]]
    legal_form: re.Pattern[str]
    #: a registered-capital statement (``SAS au capital de ...``): a registration line, not a name
    capital: re.Pattern[str]
    #: words after a figure that make it a period of payment terms (``Net 30 days``), not an amount
    days: re.Pattern[str]
    #: how a Chinese entity's full name ends (公司, 厂 ...): a 名称 ending otherwise was cut by its cell
    cn_endings: tuple[str, ...] = ()
    #: the words that date a number on its line (``Fattura n. 87 del 12/03/2026``)
    dated: re.Pattern[str] = re.compile(r"(?!)")
    #: the words that make a tax label the end of a net's (``Charges before VAT``)
    net_of: re.Pattern[str] = re.compile(r"(?!)")
    #: the honorifics after an addressee's name (``… Co., Ltd. 御中``, ``… 귀하``): the buyer, never the letterhead
    addressee: re.Pattern[str] = re.compile(r"(?!)")
    #: what marks a total line as the equivalent in another currency (``Total (CNY equivalent)``, ``at 7.1000``)
    equivalent: re.Pattern[str] = re.compile(r"(?!)")
    #: units after a figure that make it a quantity (``125 CTNS``, ``3.81 CBM``), not an amount
    measures: re.Pattern[str] = re.compile(r"(?!)")


@cache
def issuers() -> Issuers:
    """Countries, languages and company legal forms from ``data/issuers.toml`` (cached)."""
    data = tomllib.loads(resources.files("extractors").joinpath("data/issuers.toml").read_text(encoding="utf-8"))
    countries = {
        code: Country(code, spec["currency"], bool(spec["dayfirst"]), bool(spec["decimal_comma"]),
                      tuple(re.compile(p) for p in spec.get("tax_ids", ())), tuple(spec.get("words", ())),
                      tuple(re.compile(p) for p in spec.get("address", ())), tuple(spec.get("cities", ())))
        for code, spec in data.get("countries", {}).items()}
    languages = {lang: (tuple(spec["words"]), bool(spec["dayfirst"]), bool(spec["decimal_comma"]))
                 for lang, spec in data.get("languages", {}).items()}
    forms = sorted(data.get("legal_forms", {}).get("suffixes", ()), key=len, reverse=True)
    latin = [f for f in forms if not _cjk(f)]
    cjk = [f for f in forms if _cjk(f)]  # 株式会社北辰精機, 대한정밀기계 주식회사: no blanks around them needed
    legal = re.compile(r"(?:^|[\s,])(?:" + "|".join(re.escape(f) for f in latin) + r")\.?(?=$|[\s,)])"
                       + "".join(f"|{re.escape(f)}" for f in cjk), re.I)
    capital = re.compile("|".join(re.escape(w) for w in data.get("legal_forms", {}).get("capital", ())) or r"(?!)", re.I)
    days = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in data.get("terms", {}).get("days", ())) + r")(?![^\W\d_])",
                      re.I)
    dated = re.compile(r"^\s*[,;]?\s*(?:" + "|".join(re.escape(w) for w in data.get("terms", {}).get("dated", ()))
                       + r")\s*[:.]?\s", re.I)
    net_of = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in data.get("terms", {}).get("net_of", ()))
                        + r")\s*$", re.I)
    addressee = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in data.get("terms", {}).get("addressee", ()))
                           + r")\s*$") if data.get("terms", {}).get("addressee") else re.compile(r"(?!)")
    measures = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in data.get("terms", {}).get("measures", ()))
                          + r")(?![^\W\d_])", re.I)
    # a rate printed on the line (``at 7.1000``, ``@ 7.105``: four decimals or more) says the same as the words
    equivalent = re.compile("|".join([re.escape(w) for w in data.get("terms", {}).get("equivalent", ())]
                                     + [r"(?:\bat|@)\s*\d+[.,]\d{3,}"]), re.I)
    return Issuers(countries, languages, legal, capital, days,
                   tuple(data.get("legal_forms", {}).get("cn_endings", ())), dated, net_of, addressee,
                   measures=measures, equivalent=equivalent)


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


# -- text of a block ------------------------------------------------------------------------------------
@dataclass
class Piece:
    """One line's text in a block, with where it is."""

    text: str
    confidence: float
    line_no: int
    x0: float
    x1: float
    value: Value


def _piece(layout: Layout, no: int, s: int, e: int) -> Piece | None:
    tl = layout.lines[no]
    chars = [c for c in tl.chars[s:e] if not c.ch.isspace()]
    if not chars:
        return None
    text = " ".join("".join(c.ch for c in tl.chars[s:e]).split()).strip(" :：;,")
    if not text:
        return None
    v = Value(text, min(c.conf for c in chars), "right", tl.page, chars[0].x0, tl.y0, chars[-1].x1, tl.y1)
    return Piece(text, v.confidence, no, chars[0].x0, chars[-1].x1, v)


def right_text(layout: Layout, hit: Hit, *, stop_at_labels: bool = True, max_gap: float = 30.0,
               ignore: tuple[str, ...] = ()) -> Piece | None:
    """The text right of a label on its line (separators after the label skipped), up to the next label
    (labels named in ``ignore`` do not stop it)."""
    if hit.vertical or hit.line_no < 0:
        return None
    tl = layout.lines[hit.line_no]
    stop = len(tl.chars)
    if stop_at_labels:
        later = [h.start for h in layout.hits_in(hit.line_no, hit.end, len(tl.chars))
                 if h.start >= hit.end and h.name not in ignore]
        stop = min([stop, *later])
    i = hit.end
    while True:
        j = i
        while j < stop and (tl.chars[j].ch.isspace() or tl.chars[j].ch in ":：#.-–—|/"):
            j += 1
        # a combined label ("Rechnungsdatum/Lieferdatum", "Invoice Date/Tax Point"), or the same label again in
        # another script (``VAT No. الرقم الضريبي: 3004…``, a bilingual form; ``Tax ID: EIN …`` is no translation,
        # the scheme word is part of the value): its value follows both
        nxt = [h for h in layout.hits_in(hit.line_no, j, j + 1) if h.start == j]
        translated = bool(nxt) and nxt[0].name == hit.name and nxt[0].label.isascii() != hit.label.isascii()
        if nxt and ("/" in "".join(c.ch for c in tl.chars[i:j]) or translated) and stop_at_labels:
            i = nxt[0].end
            later = [h.start for h in layout.hits_in(hit.line_no, i, len(tl.chars))
                     if h.start >= i and h.name not in ignore]
            stop = min([len(tl.chars), *later])
            continue
        i = j
        break
    if i >= stop or tl.chars[i].x0 - tl.chars[hit.end - 1].x1 > max_gap * tl.height:
        return None
    # the value ends at a wide gap (another column's text)
    end, last = i, None
    for j in range(i, stop):
        c = tl.chars[j]
        if c.ch.isspace():
            continue
        if last is not None and c.x0 - last > 3.0 * tl.height:
            break
        end, last = j + 1, c.x1
    return _piece(layout, hit.line_no, i, end)


def block_below(layout: Layout, hit: Hit, first: Piece | None, limit: int = 6) -> list[Piece]:
    """The lines of the block under a label (same column, no wide vertical gap, no other label)."""
    if hit.vertical or hit.line_no < 0:
        return []
    out: list[Piece] = []
    h = layout.h
    x_left = min(hit.x0, first.x0 if first else hit.x0) - 1.0 * h
    x_right = max(hit.x1, first.x1 if first else hit.x1) + 12 * h
    last_y1 = layout.lines[hit.line_no].y1
    for no in range(hit.line_no + 1, min(len(layout.lines), hit.line_no + 1 + limit + 2)):
        tl = layout.lines[no]
        if tl.page != hit.page or tl.y0 - last_y1 > 1.9 * h:
            break
        seg = next(((s, e) for s, e in layout.segments(no, gap=2.0)
                    if x_left <= tl.chars[s].x0 <= x_right - 10 * h or
                    (tl.chars[s].x0 <= hit.x0 + h and tl.chars[e - 1].x1 >= hit.x0)), None)
        if seg is None:
            continue
        s, e = seg
        hits = [x for x in layout.hits_in(no, s, e) if x.name not in ("@name", "@tax_id")]
        if hits and hits[0].start <= s + 1:
            break  # the next label: this block is over
        piece = _piece(layout, no, s, e)
        if piece is not None:
            out.append(piece)
            last_y1 = tl.y1
        if len(out) >= limit:
            break
    return out


_ATTENTION = re.compile(r"^(attn|attention|c/o|z\.?\s*hd\.?|zu händen|à l'attention de|t\.a\.v\.|a/a|att\.?|name|address|"
                        r"adresse|anschrift|details)\b[.:]?\s*", re.I)
_NOT_NAME = re.compile(r"^(address|name|details|adresse|anschrift|information|info)[:.]?$", re.I)


def _standalone(layout: Layout, hit: Hit) -> bool:
    """A label printed as a label: not glued to the word before or after it by punctuation (``-supplier.com``)."""
    if hit.vertical or hit.line_no < 0:
        return True
    chars = layout.lines[hit.line_no].chars
    before = chars[hit.start - 1].ch if hit.start > 0 else " "
    after = chars[hit.end].ch if hit.end < len(chars) else " "
    return not (before in "-_.@/" and before != " ") and not (after in "._-@" and hit.end + 1 < len(chars)
                                                              and chars[hit.end + 1].ch.isalnum())


def _is_name(text: str) -> bool:
    """A party name: letters, not a date, an amount, a label word, a phone or e-mail line."""
    t = text.strip()
    if len(re.findall(r"[^\W\d_]", t)) < 2 or _NOT_NAME.match(t) or "@" in t or t.lower().startswith(("tel", "phone", "fax", "www", "http")):
        return False
    try:
        parse_date(t)
        return False
    except ValueError:
        pass
    digits = sum(ch.isdigit() for ch in t)
    return digits <= len(t) // 3


def _company(text: str) -> bool:
    return bool(issuers().legal_form.search(text)) and not _capital(text)


def _capital(text: str) -> bool:
    """A registered-capital line (``SAS au capital de 150 000 €``): the company's registration, not its name."""
    return bool(issuers().capital.search(text))


def party_name(pieces: list[Piece]) -> tuple[Piece, float] | None:
    """The name in a party block: a company (legal form) among its first lines, else its first name-like
    line (a person), at a lower confidence."""
    names = []
    for p in pieces[:4]:
        text = _ATTENTION.sub("", p.text).strip()
        if text and _is_name(text):
            names.append((Piece(text, p.confidence, p.line_no, p.x0, p.x1, p.value), p.text != text))
    for p, was_attention in names:
        if _company(p.text) and not was_attention:
            return p, 1.0
    for p, was_attention in names:
        if not was_attention:
            return p, 0.88
    return None


# -- the issuer's country, dates, amounts ------------------------------------------------------------
def _cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" for ch in text)


def _country_of(texts: list[str], tax_id: str | None) -> tuple[str | None, str]:
    data = issuers()
    if tax_id:
        for code, c in data.countries.items():
            if any(p.search(tax_id) for p in c.tax_ids):
                return code, "tax id"
    joined = "\n".join(texts)
    for code, c in data.countries.items():
        if any(p.search(joined) for p in c.tax_ids):
            return code, "tax id"
    def named(words: tuple[str, ...]) -> bool:  # a Latin word whole; a Chinese one anywhere (台南市永康區)
        return any(re.search(re.escape(w) if _cjk(w) else r"(?<![^\W\d_])" + re.escape(w) + r"(?![^\W\d_])", joined)
                   for w in words)

    for code, c in data.countries.items():
        if named(c.words) or any(p.search(joined) for p in c.address):
            return code, "address"
    for code, c in data.countries.items():
        if named(c.cities):
            return code, "city"
    return None, ""


def _language(layout: Layout) -> tuple[str | None, bool | None, bool | None]:
    text = " ".join("".join(c.ch for c in tl.chars) for tl in layout.lines)
    best, best_n = None, 0
    for lang, (words, _, _) in issuers().languages.items():
        n = sum(1 for w in words if re.search(r"(?<![^\W\d_])" + re.escape(w) + r"(?![^\W\d_])", text, re.I))
        if n > best_n:
            best, best_n = lang, n
    if best is None or best_n < 2:
        return None, None, None
    _, dayfirst, comma = issuers().languages[best]
    return best, dayfirst, comma


_COMMA_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:[.\s']\d{3})*,\d{2}(?![\d.,])")
_POINT_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:[,\s']\d{3})*\.\d{2}(?![\d.,])")


def decimal_mark(texts: list[str]) -> bool | None:
    """True when the amounts printed use a decimal comma (1.234,56), False a point, None undecided."""
    comma = sum(len(_COMMA_AMOUNT.findall(t)) for t in texts)
    point = sum(len(_POINT_AMOUNT.findall(t)) for t in texts)
    if comma == point:
        return None
    return comma > point


# not the digits of a code joined by a hyphen or slash (``TN-2365``, ``C/No. 1-120``)
_AMOUNT_TOKEN = re.compile(r"(?<![\w.,])(?<!\w[-/])[-(]?\d{1,3}(?:(?:[.,'’]|\s(?=\d{3}(?!\d)))\d{3})*(?:[.,]\d{1,2})?\)?"
                           r"(?![\w%])|(?<![\w.,])(?<!\w[-/])[-(]?\d+(?:[.,]\d{1,2})?\)?(?![\w%])")


_RATE = re.compile(r"\d\s*%")
_SIGNED_SYMBOL = re.compile(r"(?<![\w.,])(-)\s?([$£€¥₹]|(?:US|HK|S|A|C)\$|Rs\.?\s?)(?=\s?\d)")


def amount_tokens(text: str) -> list[str]:
    """Figures in a text that may be amounts (rates with ``%``, dates and parts of words left out)."""
    out = []
    text = unicodedata.normalize("NFKC", text)
    text = _SIGNED_SYMBOL.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)  # -£288.00: the sign goes with the figure
    for start, end in date_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    for m in _AMOUNT_TOKEN.finditer(text):
        rest = text[m.end():m.end() + 3]
        if rest.strip().startswith("%") or issuers().days.match(text[m.end():]) \
                or issuers().measures.match(text[m.end():]):
            continue  # a rate, the period of payment terms ("Net 30 days") or a quantity ("3.81 CBM")
        out.append(m.group(0).strip())
    return out


def tax_options(total: Amount, taxes: list[Amount]) -> list[tuple[Decimal, float, Value, str]]:
    """Printed figures that may be the invoice's whole tax where the one read is a part of it (CGST of CGST +
    SGST, GST of GST + QST): a figure printed before the total on its line (a TOTAL row under the tax and total
    columns: ``914.94 5,998.00``) and the sum of several tax lines. Checked against total - net once the net is
    known (:func:`extractors.documents.invoices._check_totals`)."""
    out = [(v, c, w, f"printed beside the total {total.value}") for v, c, w in total.before if 0 < v < total.value]
    if len(taxes) > 1:
        out.append((sum((t.value for t in taxes), Decimal(0)), min(t.confidence for t in taxes), taxes[0].where,
                    "the sum of the tax lines " + " + ".join(f"{t.label.strip()} {t.value}" for t in taxes)))
    return out


# -- the reader -----------------------------------------------------------------------------------------
@dataclass
class Amount:
    value: Decimal
    confidence: float
    label: str
    line_no: int
    where: Value
    text: str
    #: the other figures right of the label before the one taken (a table's TOTAL row: ``914.94 5,998.00``
    #: under the tax and total columns), with their confidences
    before: tuple[tuple[Decimal, float, Value], ...] = ()


_DUE = ("due", "payable", "balance", "dû", "du", "zuzahlen", "zahlbetrag", "tebetalen", "apagar", "dapagare",
        "àpayer", "apayer", "netàpayer")
_GRAND = ("grand", "incl", "ttc", "gesamt", "brutto", "endbetrag", "totaal", "importetotal", "totale", "thisinvoice",
          "invoicetotal", "invoicevalue", "rechnungsbetrag", "montanttotal", "totalamount", "totalfactura")


class HeaderReader:
    """Reads the header fields of a non-Chinese invoice into ``fields`` (see the module docstring)."""

    def __init__(self, layout: Layout, fields: Fields, today: date | None = None):
        self.layout = layout
        self.f = fields
        self.today = today or date.today()
        self.texts = ["".join(c.ch for c in tl.chars) for tl in layout.lines]
        self.buyer_lines: set[int] = set()
        self.seller_lines: set[int] = set()

    # -- parties ------------------------------------------------------------------------------------
    def _label_block(self, name: str, company_only: bool = False) -> tuple[Hit, list[Piece]] | None:
        for hit in self.layout.hits_for(name):
            if not _standalone(self.layout, hit):
                continue  # "billing@example-supplier.com" holds no Supplier label
            if any(o.line_no == hit.line_no and o.name in _NO_PARTY and o.end <= hit.start <= o.end + 3
                   for o in self.layout.hits):
                continue  # ``Condición frente al IVA: Cliente del Exterior``: a word of another label's value
            first = right_text(self.layout, hit)
            pieces = ([first] if first is not None and _is_name(_ATTENTION.sub("", first.text) or "x") else [])
            pieces += block_below(self.layout, hit, first)
            found = party_name(pieces)
            if found is not None and (not company_only or found[1] == 1.0):
                return hit, pieces
        return None

    def parties(self) -> None:
        buyer = self._label_block("buyer_name")
        if buyer is not None:
            hit, pieces = buyer
            found = party_name(pieces)
            if found:
                p, conf = found
                self.f.set("buyer_name", _without_name_label(self.layout, p.text),
                           p.confidence * conf * (1.0 if p.line_no == hit.line_no else 0.97), p.value)
            self.buyer_lines = {hit.line_no, *(p.line_no for p in pieces)}
            self.buyer_x = (min([hit.x0, *(p.x0 for p in pieces)]), max([hit.x1, *(p.x1 for p in pieces)]))
        seller = self._label_block("seller_name")
        if seller is not None:
            hit, pieces = seller
            p, conf = party_name(pieces)
            self.f.set("seller_name", _without_name_label(self.layout, p.text), p.confidence * conf, p.value)
            self.seller_lines = {hit.line_no, *(p.line_no for p in pieces)}
        else:
            self._letterhead()
            remit = self._label_block("seller_remit", company_only=True)
            # whom to pay stands in for the issuer only when the letterhead names no one (not even a person)
            if "seller_name" not in self.f.values and remit is not None and getattr(self, "weak_seller", None) is None:
                hit, pieces = remit
                p, conf = party_name(pieces)
                self.f.set("seller_name", p.text, p.confidence * 0.85, p.value)
                self.seller_lines = {hit.line_no, *(p.line_no for p in pieces)}

    def _title(self, text: str) -> bool:
        """Whether ``text`` is a document title of the dictionary (``請求書``, ``（適格請求書）``, ``전자세금계산서``)."""
        key = simplified(re.sub(r"[()（）\[\]【】]", "", _squash(text)))
        return bool(key) and key in {simplified(_squash(k)) for k in self.layout.labels.title}

    def _letterhead(self) -> None:
        """No seller label: the issuer's name is the letterhead, a company name at the top of page 1."""
        layout = self.layout
        page1 = [no for no, tl in enumerate(layout.lines) if tl.page == 1]
        if not page1:
            return
        top = layout.lines[page1[0]].y0
        bottom = max(layout.lines[no].y1 for no in page1)
        limit = top + (bottom - top) * 0.35
        first_label = min((h.line_no for h in layout.hits if h.name in ("buyer_name",) and h.page == 1), default=None)
        for no in page1:  # a sender line over the recipient's address, in the upper half
            parts = _SENDER_SEP.split(self.texts[no].strip())
            if layout.lines[no].y0 < top + (bottom - top) * 0.5 and len(parts) >= 3 and _company(parts[0]):
                self.sender_line = no
                break
        cands: list[tuple[int, Piece]] = []
        remit = self._label_block("seller_remit")  # whom to pay (a factor, a lockbox) is not the issuer
        remit_at = [(p.line_no, p.x0, p.x1) for p in remit[1]] if remit is not None else []
        for no in page1:
            tl = layout.lines[no]
            if tl.y0 > limit or no in layout.header_lines:
                continue
            for s, e in layout.segments(no, gap=2.0):
                piece = _piece(layout, no, s, e)
                if piece is None or not _is_name(piece.text) or _capital(piece.text) or \
                        [x for x in layout.hits_in(no, s, e) if not x.name.startswith("@")]:
                    continue
                if any(r == no and min(x1, piece.x1) - max(x0, piece.x0) > 0 for r, x0, x1 in remit_at):
                    continue
                if no in self.buyer_lines and hasattr(self, "buyer_x") and \
                        min(piece.x1, self.buyer_x[1]) - max(piece.x0, self.buyer_x[0]) > 0:
                    continue  # the buyer's block
                if _squash(piece.text) in ("invoice", "commercialinvoice", "rechnung", "facture", "factuur", "factura",
                                           "fattura", "taxinvoice", "vatinvoice", "proformainvoice") or \
                        self._title(piece.text):
                    continue
                honour = issuers().addressee.search(piece.text)
                if honour and honour.start() > 0:  # ``Suzhou … Co., Ltd. 御中``: the addressee, as good as a label
                    if "buyer_name" not in self.f.values:
                        self.f.set("buyer_name", piece.text[:honour.start()].strip(), piece.confidence * 0.9,
                                   piece.value)
                        self.f.placed.add("buyer_name")  # the honorific gives its side, as a label would
                        self.buyer_lines.add(no)
                    continue
                parts = _SENDER_SEP.split(piece.text)
                if len(parts) > 1:  # a sender line ("Müller GmbH · Industriestraße 5 · 70565 Stuttgart")
                    part = next((x for x in parts if _company(x)), parts[0]).strip()
                    piece = Piece(part, piece.confidence, no, piece.x0, piece.x1, piece.value)
                    self.sender_line = no
                cands.append((no, piece))
        below = {no for no in page1 if no + 1 < len(layout.lines) and _capital(self.texts[no + 1])
                 and issuers().legal_form.search(self.texts[no + 1])}  # the name over "SAS au capital de ..."
        companies = [(no, p) for no, p in cands if _company(p.text) or no in below and not _capital(p.text)]
        cands, companies = self._addressee_ours(page1[0], cands, companies)
        if companies:
            no, p = companies[0]
            conf = 0.9 if first_label is None or no < first_label else 0.8
            self.f.set("seller_name", _without_name_label(self.layout, p.text), p.confidence * conf, p.value)
        elif cands:
            no, p = cands[0]
            self.weak_seller = p  # used when no tax id names a company (see read_header)
        if getattr(self, "sender_line", None) is not None and "buyer_name" not in self.f.values:
            self._recipient_below(self.sender_line)
        if not cands:
            return
        self.seller_lines = {no}
        x0 = p.x0
        for nxt in range(no + 1, min(len(layout.lines), no + 6)):
            tl = layout.lines[nxt]
            if tl.page != 1 or tl.y0 - layout.lines[nxt - 1].y1 > 1.9 * layout.h:
                break
            if any(min(p.x1, tl.chars[e - 1].x1) - max(x0, tl.chars[s].x0) > 0 for s, e in layout.segments(nxt, gap=2.0)):
                self.seller_lines.add(nxt)

    @staticmethod
    def _addressee_ours(top: int, cands: list[tuple[int, Piece]], companies: list[tuple[int, Piece]]
                        ) -> tuple[list[tuple[int, Piece]], list[tuple[int, Piece]]]:
        """A supplier's letterhead without a legal form (``Vantage Mobile``) on the page's top line and one
        of our names in the window below it: ours is the addressee, not the issuer (identity decides, not
        the legal form). Our names leave the letterhead candidates; the buyer is placed later
        (``roles._unlabelled_buyer``)."""
        who = identity()
        if not who or not any(who.matches("name", p.text) for _, p in companies):
            return cands, companies
        if not any(no == top and not who.matches("name", p.text) for no, p in cands) or \
                any(no == top and who.matches("name", p.text) for no, p in cands):
            return cands, companies
        return ([(no, p) for no, p in cands if not who.matches("name", p.text)],
                [(no, p) for no, p in companies if not who.matches("name", p.text)])

    def _recipient_below(self, no: int) -> None:
        """Under a sender line (DIN 5008 and other window-envelope layouts) comes the recipient's address:
        the buyer, printed without a label."""
        tl = self.layout.lines[no]
        hit = Hit("buyer_name", "", no, 0, len(tl.chars), tl.chars[0].x0, tl.y0, tl.chars[0].x0 + 2 * self.layout.h,
                  tl.y1, tl.page)
        pieces = block_below(self.layout, hit, None, limit=4)
        found = party_name(pieces)
        if found:
            p, conf = found
            self.f.set("buyer_name", p.text, p.confidence * conf * 0.85, p.value)
            self.f.placed.add("buyer_name")
            self.buyer_lines = {p.line_no for p in pieces}
            self.buyer_x = (min(p.x0 for p in pieces), max(p.x1 for p in pieces))

    def owner_of_tax_id(self) -> None:
        """No seller found at the top: the company printed with the seller's tax id (a footer's issuer block)."""
        no = getattr(self, "seller_tax_line", None)
        if no is None or "seller_name" in self.f.values:
            return
        page = self.layout.lines[no].page
        for cand in range(no, max(-1, no - 4), -1):
            if self.layout.lines[cand].page != page or cand in self.buyer_lines:
                continue
            for s0, e0 in self.layout.segments(cand, gap=2.0):
                piece = _piece(self.layout, cand, s0, e0)
                if piece is None:
                    continue
                for part in _SENDER_SEP.split(piece.text):
                    part = part.strip()
                    if _company(part) and _is_name(part) and not self.layout.hits_in(cand, s0, e0) or (
                            _company(part) and _is_name(part) and cand != no):
                        part = self._without_side_label(_name_before_sentence(part))
                        self.f.set("seller_name", part, piece.confidence * 0.8, piece.value)
                        self.f.warnings.append(f"seller {part!r} taken from the block of its tax id; check it")
                        return

    def _without_side_label(self, text: str) -> str:
        """``賣　方：永豐壓鑄工業股份有限公司`` -> the name: a seller's heading before a colon is no part of it."""
        m = re.match(r"^\s*([^:：]{1,12}?)\s*[:：]\s*(?=\S)", text)
        anchors = {simplified(_squash(a)) for a in self.layout.labels.sections.get("seller", ())}
        if m and simplified(_squash(m.group(1))) in anchors:
            return text[m.end():].strip()
        return text

    def _seller_text(self) -> list[str]:
        out = []
        for no in sorted(self.seller_lines):
            out.append(self.texts[no])
        return out

    def tax_ids(self) -> str | None:
        """Tax ids by their labels (or their country's shape): the one in the buyer's block is the
        buyer's, the other the seller's. Returns the seller's."""
        layout = self.layout
        found: list[tuple[str, float, int, Value, str | None, float]] = []
        names = ("buyer_vat", "buyer_tax_id", "seller_tax_id", "party_tax_id", "@tax_id")
        hits = [h for h in layout.hits if h.name in names]
        read: list[Value] = []
        for hit in hits:
            if any(o.line_no == hit.line_no and o.end <= hit.start <= o.end + 3 for o in hits if o is not hit):
                continue  # "Tax ID: EIN 12-3456789": the scheme is part of the value
            if any(v.page == hit.page and v.y0 - 1 <= hit.y0 and hit.y1 <= v.y1 + 1 and v.x0 - 1 <= hit.x0
                   and hit.x1 <= v.x1 + 1 for v in read):
                continue  # the scheme word of a value read under its label ("Buyer Tax ID" over "ABN 51 ...")
            p = right_text(layout, hit, max_gap=20, ignore=names)
            if p is None or not re.search(r"\d", p.text):
                p = self._below(hit, ignore=names)
                if p is not None:
                    read.append(p.value)
            if p is None:
                continue
            if hit.name == "seller_tax_id":
                self.seller_lines.add(hit.line_no)
            token = re.sub(r"\s+(?=[\dA-Z]{2,}\b)", " ", p.text).strip()
            token = re.split(r"\s{2,}|,|;|\s[·•|\-–]\s|\s[-–]$|\s(?=[A-Za-z]{2,}\s?:)|\s(?=(?:IBAN|BIC|SWIFT|Tel|Fax)\b)"
                             r"|\s(?=\()"  # ``0205561012345 (Head Office)``: a note after the id
                             r"|\s(?=[^\x00-\x7f])",  # ``T5122002003344　振込先:…``: a word of another script follows
                             unicodedata.normalize("NFKC", token))[0].strip()
            if not re.search(r"\d", token) or len(re.sub(r"\W", "", token)) < 5:
                continue
            role = "buyer" if hit.name in ("buyer_vat", "buyer_tax_id") else "seller" if hit.name == "seller_tax_id" else None
            scope = layout.scoped_name(hit) if hit.name == "@tax_id" else None
            if scope is not None and id(hit) not in layout.order_scoped:
                # a generic id label (統一編號, 등록번호) in a block under its heading (買方, 공급받는자): that side's
                role = {"buyer_tax_id": "buyer", "seller_tax_id": "seller"}.get(scope or "", role)
            found.append((token, p.confidence, hit.line_no, p.value, role, hit.x0))
        if not found:
            for no, text in enumerate(self.texts):
                for c in issuers().countries.values():
                    for pat in c.tax_ids:
                        for m in pat.finditer(text):
                            token = m.group("id") if "id" in pat.groupindex else m.group(0)  # past its label
                            v = Value(token, 0.9, "pattern", layout.lines[no].page)
                            # where its text starts: an id on the line under the buyer's block, aligned with it,
                            # ends that block (``VAT: DE815362741`` under ``Bill to``)
                            s0 = max((a for a, b in layout.segments(no, gap=2.0) if a <= m.start()), default=0)
                            found.append((token, 0.85, no, v, None, layout.lines[no].chars[s0].x0))
        seller_id = None
        buyer_x = self.f.sources["buyer_name"].box[0] if "buyer_name" in self.f.sources else None
        for token, conf, no, where, role, x in found:
            # an id labelled on the line under the buyer's block, where its lines start, ends that block
            # (where its name starts, or where its label does: ``Cumpărător: …`` over ``CIF: DE…`` in the right column)
            starts = (buyer_x, getattr(self, "buyer_x", (buyer_x,))[0])
            under_buyer = bool(self.buyer_lines) and buyer_x is not None and 0 < no - max(self.buyer_lines) <= 2 \
                and any(abs(x - s) <= layout.h for s in starts)
            # two ids on one line of side-by-side blocks (``NIP: …`` | ``NIP UE: …``): the one where the buyer's
            # name starts is the buyer's, the other the seller's
            beside = buyer_x is not None and any(o[2] == no and o[5] != x for o in found)
            in_buyer = no in self.buyer_lines and (not beside or abs(x - buyer_x) <= 2 * layout.h)
            if role == "buyer" or (role is None and (in_buyer or under_buyer)):
                if "buyer_tax_id" not in self.f.values:
                    self.f.set("buyer_tax_id", token, conf * 0.95, where)
                    # the buyer's block gives its side, as a label would; so does a buyer's id label
                    # (``Customer VAT No``, ``Ihre USt-IdNr.``) named apart from the generic ones
                    self.f.placed.add("buyer_tax_id")
            elif "seller_tax_id" not in self.f.values:
                in_block = role == "seller" or no in self.seller_lines or (
                    self.seller_lines and 0 <= no - max(self.seller_lines) <= 3)
                self.f.set("seller_tax_id", token, conf * (1.0 if in_block else 0.88), where)
                seller_id = token
                self.seller_tax_line = no
                self.seller_lines.add(no)
        return seller_id

    # -- number and dates ---------------------------------------------------------------------------
    def number(self) -> None:
        # a generic ``No:`` (``Cad. No: 17`` in an address) after every invoice number's own label (``Fatura No:``)
        hits = sorted(self.layout.hits_for("number"), key=lambda h: _squash(h.label) in _GENERIC_NO)
        for rank, hit in enumerate(hits):
            for how, piece in (("right", right_text(self.layout, hit, max_gap=20)),
                               ("below", self._below(hit))):
                if piece is None:
                    continue
                token = _number_token(piece.text)
                if token:
                    generic = _squash(hit.label) in _GENERIC_NO
                    raw = unicodedata.normalize("NFKC", piece.text)
                    at = raw.upper().find(token)
                    if generic and _ADDRESS_AFTER.match(raw[at + len(token):] if at >= 0 else "") \
                            and not issuers().dated.match(raw[at + len(token):]):
                        break  # ``No. 88 Xinghu Street``: a house number, the words of its street after it
                    conf = (1.0 if how == "right" else 0.95) * (0.8 if generic else 1.0) * (1.0 if rank == 0 else 0.97)
                    self.f.set("number", token, piece.confidence * conf, piece.value)
                    self.number_rest = (raw[at + len(token):] if at >= 0 else "", piece)
                    return

    def date_after_number(self, dayfirst: bool | None) -> None:
        """No issue-date label: the date printed after the number with a dating word (``Fattura n. 87 del
        12/03/2026``, ``Rechnung Nr. 118 vom 3.3.2026``, ``Invoice No. 12 dated 3 March 2026``)."""
        if "issue_date" in self.f.values or getattr(self, "number_rest", None) is None:
            return
        rest, piece = self.number_rest
        m = issuers().dated.match(rest)
        if m is None:
            return
        text = rest[m.end():].strip()
        for start, end in date_spans(text):
            if start > 0:
                break
            try:
                value = parse_date(text[start:end], dayfirst=True if dayfirst is None else dayfirst)
            except ValueError:
                return
            if 1990 <= value.year <= self.today.year + 1:
                self.f.set("issue_date", value, piece.confidence * 0.9, piece.value)
            return

    def number_after_title(self) -> None:
        """No number label: a number printed right after the title word (``INVOICE INV-0042``, ``Rechnung 2024-117``),
        or alone on the line under it in the title's box (``FACTURA ELECTRÓNICA`` over ``F001-00004512``)."""
        if "number" in self.f.values:
            return
        for v in self.layout.find_text(_TITLE_NUMBER):
            m = _TITLE_NUMBER.search(v.text)
            token = _number_token(m.group("no")) if m else None
            if token:
                self.f.set("number", token, v.confidence * 0.8, v)
                self.f.warnings.append(f"invoice number {token!r} read after the title, without a label; check it")
                return
        lines = self.layout.lines
        for no, tl in enumerate(lines[:-1]):
            for s, e in self.layout.segments(no, gap=2.0):
                if not _TITLE_ALONE.fullmatch("".join(c.ch for c in tl.chars[s:e]).strip()):
                    continue
                x0, x1 = tl.chars[s].x0, tl.chars[e - 1].x1
                under = [n for n in range(no + 1, min(no + 4, len(lines)))
                         if lines[n].page == tl.page and lines[n].y0 - tl.y1 <= 2 * tl.height]
                for bno, bs, be in ((n, a, b) for n in under for a, b in self.layout.segments(n, gap=2.0)):
                    below = lines[bno]
                    text = "".join(c.ch for c in below.chars[bs:be]).strip()
                    if below.chars[bs].x0 < x0 - 2 * tl.height or below.chars[be - 1].x1 > x1 + 2 * tl.height:
                        continue
                    token = _number_token(text) if _SERIES_NUMBER.fullmatch(text) else None
                    if token:
                        conf = min(c.conf for c in below.chars[bs:be] if not c.ch.isspace()) * 0.8
                        self.f.set("number", token, conf, Value(text, conf, "below", below.page, below.chars[bs].x0,
                                                                 below.y0, below.chars[be - 1].x1, below.y1))
                        self.f.warnings.append(f"invoice number {token!r} read under the title, without a label; check it")
                        return

    def date_in_header(self) -> None:
        """No issue-date label: the one unlabelled date in the upper part of page 1, for review."""
        if "issue_date" in self.f.values:
            return
        layout = self.layout
        page1 = [no for no, tl in enumerate(layout.lines) if tl.page == 1]
        if not page1:
            return
        top, bottom = layout.lines[page1[0]].y0, max(layout.lines[no].y1 for no in page1)
        found = []
        for no in page1:
            tl = layout.lines[no]
            if tl.y0 > top + 0.5 * (bottom - top):
                continue
            segments = layout.segments(no, gap=2.0)
            for i, (s0, e0) in enumerate(segments):  # a segment holding no label, nor the value of one
                if layout.hits_in(no, s0, e0) or i and self._label_ends(no, *segments[i - 1]):
                    continue
                text = "".join(c.ch for c in tl.chars[s0:e0])
                for start, end in date_spans(text):
                    try:
                        value = parse_date(text[start:end], dayfirst=True)
                    except ValueError:
                        continue
                    if 1990 <= value.year <= self.today.year + 1:
                        # "Winterthur, 10. März 2026": the place and date of a letter, how many issuers date one
                        placed = bool(_PLACE_DATE.match(text[:start])) and not text[end:].strip()
                        found.append((value, no, text.strip(), placed))
        if len({f[0] for f in found}) == 1:
            value, no, text, placed = found[0]
            conf = 0.8 if placed else 0.6
            self.f.set("issue_date", value, conf, Value(text, conf, "pattern", layout.lines[no].page))
            self.f.warnings.append(f"issue date {value} is the only date at the top, without a label; check it")

    def _label_ends(self, no: int, start: int, end: int) -> bool:
        """Whether the segment ``start:end`` of line ``no`` ends with a label (its value is the next segment)."""
        chars = self.layout.lines[no].chars
        return any(not "".join(c.ch for c in chars[h.end:end]).strip(" :：.") for h in self.layout.hits_in(no, start, end))

    def _below(self, hit: Hit, ignore: tuple[str, ...] = ()) -> Piece | None:
        v = self.layout.value_below(hit, ignore)
        if v is None:
            return None
        return Piece(v.text, v.confidence, hit.line_no + 1, v.x0, v.x1, v)

    def dates(self, dayfirst: bool | None, how_sure: float) -> None:
        doc_order = infer_dayfirst(self.texts)
        if doc_order is not None:
            dayfirst, how_sure = doc_order, 1.0
        for name in ("issue_date", "due_date"):
            for hit in self.layout.hits_for(name):
                pieces = [p for p in (right_text(self.layout, hit, max_gap=20), self._below(hit)) if p is not None]
                piece = next((p for p in pieces if _dates_in(p.text)), None)
                if piece is None:
                    continue
                try:
                    value = parse_date(piece.text, dayfirst=None)
                    conf = 1.0
                except AmbiguousDateError:
                    if re.search(r"\d{1,2}\.\d{1,2}\.\d{2,4}", piece.text):  # 03.08.2014: day first everywhere
                        value, conf = parse_date(piece.text, dayfirst=True), 1.0
                    else:
                        value = parse_date(piece.text, dayfirst=True if dayfirst is None else dayfirst)
                        conf = how_sure if dayfirst is not None else 0.6
                    if conf < 0.9:
                        order = "day/month" if dayfirst in (True, None) else "month/day"
                        self.f.warnings.append(f"{name} {piece.text!r} reads both day/month and month/day; "
                                               f"read as {order}")
                except ValueError:
                    continue
                if not (1990 <= value.year <= self.today.year + 1):
                    self.f.warnings.append(f"{name} {piece.text!r} is not a plausible date for an invoice")
                    continue
                self.f.set(name, value, piece.confidence * conf, piece.value)
                break
        issue, due = self.f.get("issue_date"), self.f.get("due_date")
        if issue and due and due < issue:
            self.f.drop("due_date", f"due date {due} is before the issue date {issue}; left for review")

    # -- amounts ------------------------------------------------------------------------------------
    def _in_item_rows(self, hit: Hit | Value) -> bool:
        """Whether a label (or a value) sits on a line of the item table ("Tax filing service" is an item, not
        the tax)."""
        if not hasattr(self, "_rows"):
            table = read_table(self.layout)
            # item rows: a description with a quantity or a unit price (a summary line read into the table has not)
            self._rows = [(v.page, v.y0, v.y1) for row in (table.rows if table else [])
                          if "description" in row and ("quantity" in row or "unit_price" in row) for v in row.values()]
        return any(page == hit.page and y0 - 0.5 <= hit.y0 and hit.y1 <= y1 + 0.5 for page, y0, y1 in self._rows)

    def _in_terms(self, hit: Hit) -> bool:
        """Whether an amount label is part of a payment-terms value (``Terms: Net 30``, ``Payment Terms: Net 15``)."""
        tl = self.layout.lines[hit.line_no]
        for h in self.layout.hits_in(hit.line_no, 0, hit.start):
            if h.name in ("payment", "remarks") and h.end <= hit.start and \
                    not "".join(c.ch for c in tl.chars[h.end:hit.start]).strip(" :：.-\t"):
                return True
        return False

    def _net_of_tax(self, hit: Hit) -> bool:
        """Whether a tax label is the end of a net's label: ``Charges before VAT``, ``Amount excluding GST``."""
        tl = self.layout.lines[hit.line_no]
        before = "".join(c.ch for c in tl.chars[:hit.start])
        return bool(issuers().net_of.search(before))

    @staticmethod
    def _column_gap(tl: TextLine, start: int) -> int:
        """Where a label's value ends on its line: at a gutter (three line heights) after its first figure where
        the next column begins with a word (``ご請求金額 ￥122,960-      TEL 052-123-4567``), not with a figure
        (``VAT at 20%      £64.40``) nor a currency."""
        seen = False
        for i in range(start, len(tl.chars)):
            c = tl.chars[i]
            if seen and c.ch.isspace() and c.x1 - c.x0 > 3 * tl.height:
                word = "".join(ch.ch for ch in tl.chars[i + 1:i + 12]).split()
                if word and not re.search(r"\d", word[0]) and not currency_mentions(word[0]):
                    return i  # (a currency before the figure, ``MWST 8.1%      CHF 388.80``, is no column)
            seen = seen or c.ch.isdigit()
        return len(tl.chars)

    def amounts(self, name: str, comma: bool | None, net_of_tax: bool = False) -> list[Amount]:
        """The amounts right of (or under) each label of ``name``; ``net_of_tax``: those of the tax labels
        that end a net's label instead (``Charges before VAT``), which are no tax."""
        out: list[Amount] = []
        for hit in self.layout.hits_for(name):
            tl = self.layout.lines[hit.line_no] if hit.line_no >= 0 else None
            if tl is None or self._in_item_rows(hit) or self._in_terms(hit):
                continue
            if name == "tax" and self._net_of_tax(hit) != net_of_tax:
                continue
            later = [h.start for h in self.layout.hits_in(hit.line_no, hit.end, len(tl.chars))
                     if h.start >= hit.end and h.name in ("total", "net", "tax", "paid", "withheld")]
            stop = min([len(tl.chars), *later, self._column_gap(tl, hit.end)])
            text = "".join(c.ch for c in tl.chars[hit.end:stop])
            tokens = amount_tokens(text)
            where = None
            before: list[tuple[str, Value]] = []
            if tokens:
                token = tokens[-1]
                at = text.rfind(token)
                where = self._token_value(tl, hit.end + at, token, stop)
                start = 0
                for other in tokens[:-1]:
                    k = text.find(other, start)
                    if 0 <= k < at:
                        before.append((other, self._token_value(tl, hit.end + k, other, hit.end + k + len(other))))
                        start = k + len(other)
            elif not _RATE.search(text):  # ``IGST: 18.0 %`` names a rate: nothing under it is its amount
                v = self.layout.value_below(hit)
                if v is not None and amount_tokens(v.text) and not self._in_item_rows(v):
                    # (a column head's cell below it, ``Cena netto`` over an item's 9 800,00, is no total)
                    token, where = amount_tokens(v.text)[-1], v
            if where is None:
                continue
            try:
                value = parse_amount(token.strip("()"), decimal_comma=comma)
            except (ValueError, ArithmeticError):
                continue
            label_text = "".join(c.ch for c in tl.chars[hit.start:hit.end])
            line_text = "".join(c.ch for c in tl.chars)
            figures = []
            for other, v in before:
                try:
                    figures.append((parse_amount(other.strip("()"), decimal_comma=comma), v.confidence, v))
                except (ValueError, ArithmeticError):
                    continue
            out.append(Amount(value, where.confidence * (1.0 if where.how == "right" else 0.97), label_text,
                              hit.line_no, where, line_text, tuple(figures)))
        return out

    @staticmethod
    def _token_value(tl: TextLine, at: int, token: str, stop: int) -> Value:
        """The figure ``token`` read at character ``at`` of ``tl`` (its text up to ``stop``), as sure as its least
        sure character."""
        chars = [c for c in tl.chars[at:at + len(token)] if not c.ch.isspace()]
        conf = min(c.conf for c in chars) if chars else 1.0
        x0 = chars[0].x0 if chars else tl.chars[min(at, len(tl.chars) - 1)].x0
        x1 = chars[-1].x1 if chars else x0
        return Value("".join(c.ch for c in tl.chars[at:stop]).strip(), conf, "right", tl.page, x0, tl.y0, x1, tl.y1)

    def _in_billed_currency(self, totals: list[Amount]) -> list[Amount]:
        """Totals printed in two currencies (``TOTAL USD 12,000.00`` over ``Total in CNY (at 7.1000) CNY 85,200.00``):
        the invoice bills in the first one printed; a total in another is its equivalent, not a total of its own."""
        def code(a: Amount) -> str | None:
            return next((m for m in currency_mentions(a.text) if len(m) == 3 and m.isalpha() and m.isupper()), None)

        named = [a for a in totals if code(a)]
        if len({code(a) for a in named}) < 2:
            return totals
        unmarked = {code(a) for a in named if not issuers().equivalent.search(a.text)}
        if len(unmarked) == 1:  # the others say they are equivalents ("Total (CNY equivalent)", "at 7.1000")
            billed, why = unmarked.pop(), "the others printed as its equivalent"
        else:  # nothing says which: the first printed, for review
            billed, why = code(min(named, key=lambda a: (a.where.page, a.where.y0))), "the first printed (for review)"
            totals = [replace(a, confidence=min(a.confidence, 0.6)) for a in totals]
            named = [a for a in totals if code(a)]
        others = [a for a in named if code(a) != billed]
        self.f.warnings.append("totals printed in " + ", ".join(sorted({str(code(a)) for a in named})) + f": the invoice "
                               f"bills in {billed}, {why}; " + ", ".join(f"{a.value} {code(a)}" for a in others)
                               + " taken as its equivalent")
        return [a for a in totals if a not in others]

    def totals(self, comma: bool | None) -> list[str]:
        """Net, tax and total by evidence; returns the texts of the lines they were read on (for the currency)."""
        totals = self._in_billed_currency(self.amounts("total", comma))
        nets = self.amounts("net", comma) or self.amounts("tax", comma, net_of_tax=True)
        taxes = [t for t in self.amounts("tax", comma)]
        used = {a.line_no for a in totals + nets}
        taxes = [t for t in taxes if t.line_no not in {a.line_no for a in totals}]
        by_line: dict[int, Amount] = {}
        for t in taxes:
            by_line.setdefault(t.line_no, t)
        taxes = list(by_line.values())
        net = nets[0] if nets else None
        words = self._words_amount()
        chosen, how = None, ""
        tax_value = None
        values = [a for a in totals if a.value != 0] or totals
        if net is not None and values:
            options = ([sum((t.value for t in taxes), Decimal(0))] if taxes else []) + [t.value for t in taxes] + [Decimal(0)]
            for tv in options:
                match = [a for a in values if a.value == net.value + tv]
                if match:
                    chosen, how, tax_value = match[0], "net + tax", tv
                    break
        if chosen is None and words is not None:
            match = [a for a in values if a.value == words]
            if match:
                chosen, how = match[0], "words"
        if chosen is None and len({a.value for a in values}) > 1:
            # payments received between the invoice's total and what is still due (``Invoice Total 4,550.00`` ..
            # ``Less: Payment received (1,500.00)`` .. ``Balance Due 3,050.00``), or a tax the buyer withholds
            # (``Less Withholding Tax 3%`` .. ``Net Amount Payable``): the total is the one before them
            for paid in [*self.amounts("paid", comma), *self.amounts("withheld", comma)]:  # or a tax withheld
                before = [a for a in values if any(a.value - abs(paid.value) == b.value for b in values)]
                if before:
                    chosen, how = before[0], "before payments"
                    self.f.warnings.append(f"{paid.label.strip()} {abs(paid.value)} printed: the total is "
                                           f"{chosen.value}, what is due after it less")
                    break
        if chosen is None and values:
            due = [a for a in values if any(d in _squash(a.label) for d in _DUE)]
            grand = [a for a in values if any(g in _squash(a.label) for g in _GRAND)]
            pool = due or grand or values
            chosen = max(pool, key=lambda a: abs(a.value))  # a credit note's totals are negative
            how = "due" if due else "grand" if grand else "largest"
        if chosen is not None:
            self.f.set("total", chosen.value, chosen.confidence, chosen.where)
            if how in ("due", "grand", "largest") and len({a.value for a in values}) > 1:
                self.f.doubt("the invoice prints several totals (" + ", ".join(
                    f"{a.label.strip()} {a.value}" for a in values) + f"); {chosen.value} taken ({how}), check it",
                    "total")
            if how == "words":
                self.f.confirm("total", "total_in_words")
        if net is not None:
            self.f.set("net", net.value, net.confidence, net.where)
        elif chosen is not None and not taxes and chosen.value > 0:
            # a total row under the net, tax and total columns (``Всего к оплате 250 000,00 | 50 000,00 |
            # 300 000,00``) and no net or tax label: the two figures before the total that make it are net and tax
            pairs = [(a, b) for i, a in enumerate(chosen.before) for b in chosen.before[i + 1:]
                     if 0 <= b[0] < a[0] and a[0] + b[0] == chosen.value]
            if len(pairs) == 1:
                (nv, nc, nw), (tv, tc, tw) = pairs[0]
                self.f.set("net", nv, nc * 0.95, nw)
                self.f.set("tax", tv, tc * 0.95, tw)
                self.f.warnings.append(f"net {nv} and tax {tv} read beside the total {chosen.value} on its row")
                return [a.text for a in totals + nets + taxes if a.line_no in used or a in taxes]
        if chosen is not None and chosen.value > 0 and tax_value is None:
            # a tax is part of the total: a figure as large as the total, read under a tax label, is none
            # (``CGST`` in an item row's tax-type cell, the row's line total right of it)
            big = [t for t in taxes if t.value >= chosen.value]
            if big:
                self.f.warnings.append("tax figure " + ", ".join(f"{t.label.strip()} {t.value}" for t in big)
                                       + f" is not less than the total {chosen.value}: not a tax amount")
                taxes = [t for t in taxes if t not in big]
        if tax_value is not None and taxes:
            self.f.set("tax", tax_value, min(t.confidence for t in taxes), taxes[0].where)
        elif len(taxes) > 1 and net is None and (chosen is None or sum(t.value for t in taxes) < chosen.value):
            # one tax line per rate or per tax (消費税 10% and 8%, GST and QST) and no net to check them: their sum,
            # confirmed when the lines' net and it make the total
            tax_sum = sum((t.value for t in taxes), Decimal(0))
            self.f.set("tax", tax_sum, min(t.confidence for t in taxes) * 0.85, taxes[0].where)
        elif taxes:
            self.f.set("tax", taxes[0].value, taxes[0].confidence, taxes[0].where)
        if chosen is not None and tax_value is None:
            self.f.values["_tax_options"] = tax_options(chosen, taxes)
        if words is not None and self.f.get("total") is not None:
            if words == self.f.get("total"):
                self.f.confirm("total", "total_in_words")
            else:
                self.f.doubt(f"the amount in words ({words}) disagrees with the total {self.f.get('total')}",
                             "total", "total_in_words")
        return [a.text for a in totals + nets + taxes if a.line_no in used or a in taxes]

    def _words_amount(self) -> Decimal | None:
        text = self.f.get("total_in_words")
        if not text:
            return None
        try:
            return english_words_to_amount(text)
        except ValueError:
            return None

    # -- currency -----------------------------------------------------------------------------------
    def currency(self, amount_lines: list[str], country: str | None, how: str) -> None:
        mentions: list[str] = []
        for hit in self.layout.hits_for("currency"):
            p = right_text(self.layout, hit, max_gap=20)
            if p is not None:
                mentions += currency_mentions(p.text)
        for text in amount_lines:
            mentions += currency_mentions(text)
        table = read_table(self.layout)
        if table is not None:
            for row in table.rows:
                for col in ("amount", "unit_price"):
                    if col in row:
                        mentions += currency_mentions(row[col].text)
        if not mentions:  # a column header ("Amount (EUR)") or a note ("All amounts in USD")
            for text in self.texts:
                mentions += [m for m in currency_mentions(text) if m in _COMMON or m in ("$", "¥", "￥")]
        cur = issuers().countries[country].currency if country and how != "city" else None
        # Chinese text hints at 人民币 only from an issuer not known to be elsewhere (a Taiwanese or Japanese one)
        hints = ("CNY",) if country in (None, "CN") and any("\u4e00" <= ch <= "\u9fff" for t in self.texts for ch in t) \
            else ()
        code, conf, why = resolve_currency(mentions, cur, hints)
        if code is None:
            if "currency" in self.f.values:
                return
            self.f.warnings.append(f"currency not known: {why}")
            return
        if how == "address" and why != "printed":
            conf = min(conf, 0.85)
        self.f.set("currency", code, conf)


def _name_before_sentence(text: str) -> str:
    """A footer's company name ends at its legal form when a sentence follows it (``Vantage Mobile Ltd.
    Registered in England No. 04112233 ...`` -> ``Vantage Mobile Ltd.``)."""
    for m in issuers().legal_form.finditer(text):
        rest = text[m.end():].split()
        if m.group().endswith(".") and len(rest) >= 3 and rest[0][:1].isupper():
            return text[:m.end()].strip(" ,")
    return text


def _dates_in(text: str) -> bool:
    try:
        parse_date(text, dayfirst=True)
        return True
    except ValueError:
        return False


# a middle dot or bar with or without blanks; a dot or dash only between blanks (OCR reads the dot so)
_TITLE_NUMBER = re.compile(r"^\s*(?:tax\s+|vat\s+|commercial\s+)?(?:invoice|rechnung|facture|factuur|factura|fattura)\s*"
                           r"(?:no\.?|nr\.?|n°|nº|#|number)?\s*[:.]?\s*(?P<no>[A-Z0-9][A-Z0-9\-/_.]*\d[A-Z0-9\-/_.]*)\s*$", re.I)
#: labels of no party whose values may hold a party's label word (``Condición frente al IVA: Cliente del Exterior``)
_NO_PARTY = ("other_ref", "other_date", "payment", "remarks", "order_ref", "currency")
#: a title alone in its box (``FACTURA ELECTRÓNICA``, ``BOLETA DE VENTA``), and the series-number printed under it
_TITLE_ALONE = re.compile(r"(?:tax\s+|vat\s+|commercial\s+|sales\s+)?(?:invoice|factura|fatura|facture|rechnung)"
                          r"(?:\s+(?:electr[oó]nica|de\s+venta|electr[oó]nica\s+de\s+venta))*", re.I)
_SERIES_NUMBER = re.compile(r"(?:N[°º]\s*)?[A-Z]{0,4}\d{0,4}\s?-\s?\d{1,10}|(?:N[°º]\s*)?[A-Z]\d{3}\d*", re.I)
_PLACE_DATE = re.compile(r"^\s*[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*\s*,\s*(?:(?:den|le|il|el)\s+)?$", re.I)
_SENDER_SEP = re.compile(r"\s*[·•∙・|]\s*|\s+[–\-.]\s+")
_COMMON = {"USD", "EUR", "GBP", "INR", "HKD", "SGD", "AUD", "CAD", "CHF", "JPY", "CNY", "NZD", "SEK", "NOK", "DKK",
           "TWD", "KRW", "PLN", "CZK", "HUF", "MXN", "BRL", "ZAR", "THB", "MYR", "TRY", "AED"}
#: number labels that name no document (``No.``, ``Nr.``): read after every invoice number's own label
_GENERIC_NO = ("no.", "nr.", "n°", "no")
#: words after a generic ``No.``'s figure: a street's name, so the figure is a house number, not the invoice's
_ADDRESS_AFTER = re.compile(r"\s*,?\s*[^\W\d_]{3,}")
_NUMBER_TOKEN = re.compile(r"[A-Z0-9][A-Z0-9\-/_.]*[A-Z0-9]|[0-9]")


def _number_token(text: str) -> str | None:
    """The invoice number at the start of a label's value: one token holding a digit, not a word of a
    sentence (``with your payment``) nor a date or an amount."""
    raw = unicodedata.normalize("NFKC", text).strip()
    raw = re.sub(r"^(?:No\.?|Nr\.?|N°|#|:)\s*", "", raw, flags=re.I).strip()
    if not raw:
        return None
    token = raw.split()[0].strip(".,;:")
    if len(raw.split()) > 1 and re.fullmatch(r"[A-Z]{1,4}", token) and re.fullmatch(r"[\dA-Z\-/]+", raw.split()[1]):
        token = token + raw.split()[1]  # "INV 2024001" printed with a blank
    if not re.search(r"\d", token) or not _NUMBER_TOKEN.fullmatch(token.upper()):
        return None
    if _date_like(token):
        return None  # a date beside the label, not a number
    return token.upper()


def _date_like(token: str) -> bool:
    """Whether three figures ``a/b/c`` could be a date (day, month and a year of 2 or 4 digits, or a 4-digit year
    first): ``458/1/1`` (a Croatian fiscal number: invoice, premises, device) is none."""
    m = re.fullmatch(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})", token)
    if m is None:
        return False
    a, b, c = m.groups()
    if len(a) == 4:
        return int(b) <= 12 and len(c) <= 2 and int(c) <= 31
    return len(a) <= 2 and len(c) in (2, 4) and (int(a) <= 31 and int(b) <= 12 or int(a) <= 12 and int(b) <= 31)


def read_header(layout: Layout, fields: Fields, today: date | None = None) -> None:
    """Read number, dates, parties, tax ids, totals, amount in words and currency of a non-Chinese invoice."""
    r = HeaderReader(layout, fields, today)
    r.number()
    r.parties()
    seller_id = r.tax_ids()
    r.owner_of_tax_id()
    weak = getattr(r, "weak_seller", None)
    if "seller_name" not in fields.values and weak is not None:
        fields.set("seller_name", weak.text, weak.confidence * 0.6, weak.value)
        fields.warnings.append(f"seller {weak.text!r} taken from the letterhead without a company form; check it")
    country, how = _country_of(r._seller_text(), seller_id)
    lang, lang_dayfirst, lang_comma = _language(layout)
    c = issuers().countries.get(country) if country else None
    dayfirst = c.dayfirst if c else lang_dayfirst
    r.dates(dayfirst, 0.88 if c else 0.6)
    r.date_after_number(dayfirst)
    r.number_after_title()
    r.date_in_header()
    comma = decimal_mark(r.texts)
    if comma is None:
        comma = c.decimal_comma if c else lang_comma
    for hit in layout.hits_for("total_in_words"):
        p = right_text(layout, hit, max_gap=20)
        if p is not None and re.search(r"[A-Za-z]{3}", p.text):
            fields.set("total_in_words", p.text, p.confidence * 0.95, p.value)
            break
    if "total_in_words" not in fields.values:
        for v in layout.find_text(re.compile(r"^\s*SAY\b.*$", re.I)):
            fields.set("total_in_words", v.text.strip(), v.confidence * 0.9, v)
            break
    said = fields.values.get("total_in_words")
    if isinstance(said, str) and re.match(r"^\s*SAY\b", said, re.I) and not said.isascii():
        from extractors.layout import fold_accents

        if fold_accents(said).isascii():  # English amount words carry no accents: a scan's (ÓNLY)
            fields.values["total_in_words"] = fold_accents(said)
    lines = r.totals(comma)
    r.currency(lines, country, how)
    fields.values["_country"] = country
    fields.values["_decimal_comma"] = comma


__all__ = ["HeaderReader", "amount_tokens", "tax_options", "decimal_mark", "issuers", "party_name", "read_header"]


def _without_name_label(layout: Layout, text: str) -> str:
    """A party's name read from the line under its block heading without the name label that line starts with
    (``PRESTADOR DE SERVIÇOS`` over ``Razão Social: Campinas … Ltda.``): a scoped name label and its colon."""
    folded = " ".join(text.split())
    for label in sorted(layout.labels.scoped.get("name", ()), key=len, reverse=True):
        m = re.match(re.escape(label) + r"\s*[:：]\s*(?=\S)", folded, re.I)
        if m:
            return folded[m.end():]
    return text
