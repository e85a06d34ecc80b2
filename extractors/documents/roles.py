"""Who is who on a document, decided by who we are (the our-companies master in ``hub.settings``).

The layout proposes the parties (the block under 购买方 is the buyer ...); identity decides: on a sales
invoice we are the seller, on a credit receipt the payee and on a debit receipt the payer, the other
party is the counterparty. When a field of ours sits on the other party's side, the pair is swapped and
the record says so ("buyer and seller swapped by our-companies master"). When neither a label nor
identity decides the sides (only the reading order did), the party fields keep their values with a
confidence under the review threshold: never a silent "first block = buyer".

Tax ids and accounts also get their shape check here: a value failing it never keeps a high confidence.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from extractors.documents.result import Fields
from extractors.layout import Layout, Value
from extractors.parse.accounts import check_iban
from extractors.parse.taxids import check_tax_id

#: The most a party field gets when only the reading order put it on its side.
BY_ORDER = 0.5
#: The most a tax id of a shape no scheme knows gets.
UNKNOWN_SHAPE = 0.85
#: A name shorter than this (after normalising) is not matched by containment.
_MIN_CONTAINED = 4

_LEGAL_NOISE = re.compile(r"[\s\-_.,，。·()（）'\"&/]+")


def _norm_name(text: str) -> str:
    return _LEGAL_NOISE.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


def _norm_id(text: str) -> str:
    return re.sub(r"[\s\-./]", "", unicodedata.normalize("NFKC", str(text))).upper()


def _as_printed(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text)).split())


class Identity:
    """Our companies' names, tax ids and accounts, normalised for comparison."""

    def __init__(self, companies: Iterable[Any]):
        self.names: set[str] = set()
        self.printed: set[str] = set()
        #: our spelling of each name by its normalised form
        self.spelling: dict[str, str] = {}
        self.tax_ids: set[str] = set()
        self.accounts: set[str] = set()
        #: each company's names (our spelling) by its normalised tax ids and accounts
        self.names_of: dict[str, list[str]] = {}
        for c in companies:
            spelled = []
            for n in (getattr(c, "name", ""), getattr(c, "name_en", ""), *getattr(c, "aliases", ())):
                if n and _norm_name(n):
                    self.names.add(_norm_name(n))
                    self.printed.add(_as_printed(n).casefold())
                    self.spelling.setdefault(_norm_name(n), _as_printed(n))
                    spelled.append(_as_printed(n))
            self.tax_ids.update(_norm_id(t) for t in getattr(c, "tax_ids", ()) if t)
            self.accounts.update(_norm_id(a) for a in getattr(c, "accounts", ()) if a)
            for key in (*getattr(c, "tax_ids", ()), *getattr(c, "accounts", ())):
                if key:
                    self.names_of.setdefault(_norm_id(key), []).extend(spelled)

    def __bool__(self) -> bool:
        return bool(self.names or self.tax_ids or self.accounts)

    def exact(self, attr: str, value: Any) -> bool:
        """Whether ``value`` is exactly one of ours: a name character for character (blanks, width and case
        aside: letterheads print names in capitals; an OCR reading ``Co.,L'td.`` names us but is not
        confirmed), an id or account digit for digit."""
        if value is None or value == "":
            return False
        if attr == "name":
            return _as_printed(value).casefold() in self.printed
        pool = self.tax_ids if attr == "tax_id" else self.accounts
        return _norm_id(value) in pool

    def spelled(self, value: Any) -> str | None:
        """Our own spelling of a name that differs from one of ours only in blanks, case and punctuation
        (an OCR reading ``Co.,L'td.``), else None."""
        if value is None or self.exact("name", value):
            return None
        return self.spelling.get(_norm_name(value))

    def garbled(self, value: Any, key: Any) -> str | None:
        """Our spelling of the name ``value`` misread, where ``key`` (a tax id or account read beside it) is one
        of ours exactly and ``value`` is within ``roles.toml [names] close_to_ours`` of that company's name."""
        if value is None or key is None or self.matches("name", value):
            return None
        from rapidfuzz import fuzz

        v = _norm_name(value)
        scored = [(fuzz.ratio(v, _norm_name(n)) / 100, n) for n in self.names_of.get(_norm_id(key), ())]
        best = max(scored, default=(0.0, None))
        return best[1] if best[0] >= _names_settings()["close_to_ours"] else None

    def likeness(self, value: Any) -> float:
        """How close the name ``value`` is to the closest of all our names (rapidfuzz ratio, 0-1, of the names
        without blanks, case and punctuation)."""
        from rapidfuzz import fuzz

        v = _norm_name(value) if value else ""
        return max((fuzz.ratio(v, n) / 100 for n in self.names), default=0.0) if v else 0.0

    def matches(self, attr: str, value: Any) -> bool:
        """Whether ``value`` names us: exactly, a name that contains one of ours (or is contained in one),
        an account masked with stars whose visible digits agree."""
        if self.exact(attr, value):
            return True
        if value is None or value == "":
            return False
        if attr == "name":
            v = _norm_name(value)
            if v in self.names:
                return True
            return len(v) >= _MIN_CONTAINED and any(len(n) >= _MIN_CONTAINED and (n in v or v in n) for n in self.names)
        if attr == "account":
            v = _norm_id(value)
            if "*" in v:
                head, tail = v.split("*", 1)[0], v.rsplit("*", 1)[-1]
                return len(head) + len(tail) >= 6 and any(
                    a.startswith(head) and a.endswith(tail) and len(a) >= len(head) + len(tail) for a in self.accounts)
        return False


def identity(companies: Iterable[Any] | None = None) -> Identity:
    """Our identity from ``companies`` or, when None, from the settings' our-companies master (an
    unreadable master counts as none: roles then come from the labels alone)."""
    if companies is None:
        try:
            from hub.settings import our_companies

            companies = our_companies()
        except (ValueError, OSError):
            companies = []
    return Identity(companies)


@cache
def _direction_words() -> dict[str, dict[str, tuple[str, ...]]]:
    text = resources.files("extractors").joinpath("data/roles.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["direction"]
    return {part: {k: tuple(v) for k, v in words.items()} for part, words in data.items()}


@cache
def _names_settings() -> dict[str, float]:
    text = resources.files("extractors").joinpath("data/roles.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["names"]


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def direction_of_value(text: str) -> str | None:
    """``credit`` or ``debit`` for a labelled direction value (``贷``, ``借 Dr``, ``CREDIT``, ``收入``)."""
    t = _squash(text).strip(":：")
    words = _direction_words()["value"]
    for kind in ("credit", "debit"):
        if t in {_squash(w) for w in words[kind]}:
            return kind
    for kind in ("credit", "debit"):  # "贷Cr", "收入(贷)": the longest word that starts it
        if any(t.startswith(_squash(w)) for w in words[kind] if len(_squash(w)) >= 2 or not w.isascii()):
            return kind
    return None


def direction_of_page(layout: Layout) -> str | None:
    """``credit``/``debit`` from words printed on the page (来账, Credit Advice, 付款回单 ...), or None
    when the page says neither or both. The longest word at a place wins: ``OUTWARD REMITTANCE ADVICE`` is
    an outward remittance (debit), not a remittance advice (credit)."""
    text = "".join(tl.compact for tl in layout.lines)
    words = _direction_words()["title"]
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for key, kind in sorted(((_squash(w), k) for k in ("credit", "debit") for w in words[k]), key=lambda p: -len(p[0])):
        for m in re.finditer(re.escape(key), text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append((m.start(), m.end()))
                found.add(kind)
    return found.pop() if len(found) == 1 else None


def _swap(f: Fields, a: str, b: str) -> None:
    """Exchange two fields' values, confidences and sources (a missing one becomes missing on the other side)."""
    for store in (f.values, f.confidence, f.sources):
        va, vb = store.pop(a, None), store.pop(b, None)
        if vb is not None:
            store[a] = vb
        if va is not None:
            store[b] = va
    for marks in (f.confirmed, f.doubted):
        ia, ib = a in marks, b in marks
        marks.discard(a)
        marks.discard(b)
        if ia:
            marks.add(b)
        if ib:
            marks.add(a)


def _both_sides(f: Fields, ours: str, other: str, attrs: Sequence[str], who: Identity) -> str | None:
    """When identity puts us on both sides, one attribute on each (our name read as the buyer, our tax id as
    the seller's), the warning to give: the pairs are still put on their sides attribute by attribute, but
    which block is whose is then not known, and every party field is left for review."""
    sides = set()
    for attr in attrs:
        on_mine, on_theirs = who.matches(attr, f.get(f"{ours}_{attr}")), who.matches(attr, f.get(f"{other}_{attr}"))
        if on_mine != on_theirs:
            sides.add(ours if on_mine else other)
    if len(sides) < 2:
        return None
    read = ", ".join(f"{side}_{attr} {f.get(f'{side}_{attr}')!r}" for side in (ours, other) for attr in attrs
                     if f.get(f"{side}_{attr}") is not None)
    return f"our-companies master finds us on both sides ({read}): the parties are left for review"


def _garbled_name(f: Fields, ours: str, other: str, attrs: Sequence[str], who: Identity) -> None:
    """A scan's name on one side, close to one of ours (:meth:`Identity.garbled`), beside that company's own tax
    id or account: our spelling, doubted. Only our side (the side our id is on) is ever replaced."""
    for side in (ours, other):
        name = f"{side}_name"
        keys = [f.get(f"{side}_{a}") for a in attrs if a != "name"]
        spelled = next((s for k in keys if (s := who.garbled(f.get(name), k))), None)
        if spelled is None or who.matches("name", f.get(f"{other if side == ours else ours}_name")):
            continue
        f.doubt(f"{side} name read {f.get(name)!r} is close to ours beside our own id: {spelled!r} taken from "
                "the our-companies master (a pen stroke or stamp over the name?); check it", name)
        f.values[name] = spelled
        return


def settle_parties(f: Fields, layout: Layout | None, ours: str, other: str, attrs: Sequence[str], *,
                   who: Identity | None = None, what: str = "", ocr: bool = False, role_known: bool = False) -> None:
    """Put our fields on our side (``ours``: ``seller``/``payee``/``payer``) and the counterparty's on the
    other, attribute by attribute (name, tax id, account, bank follows the account).

    A pair whose value of ours is on the other side is swapped, with a warning; a field of ours that
    matches exactly is confirmed; when no identity decides and the layout put the sides by reading order
    only, both sides' fields are capped at :data:`BY_ORDER` with a warning.
    """
    who = who if who is not None else identity()
    both = _both_sides(f, ours, other, attrs, who)
    swapped: list[str] = []
    unknown: list[str] = []
    decided = False
    for attr in attrs:
        mine, theirs = f"{ours}_{attr}", f"{other}_{attr}"
        on_mine, on_theirs = who.matches(attr, f.get(mine)), who.matches(attr, f.get(theirs))
        if on_theirs and not on_mine:
            _swap(f, mine, theirs)
            swapped.append(attr.replace("_", " "))
            if attr == "account":
                _swap(f, f"{ours}_bank", f"{other}_bank")
            on_mine = True
        elif not on_mine and not on_theirs:
            unknown.append(attr)
        if on_mine:
            decided = True
            ours_spelled = who.spelled(f.get(mine)) if attr == "name" else None
            if ours_spelled:  # our name misread in its punctuation: our own spelling, not confirmed
                f.values[mine] = ours_spelled
            elif who.exact(attr, f.get(mine)) and mine not in f.doubted:
                f.confirm(mine)
    if swapped:
        for attr in unknown:  # nothing tells this attribute's sides: it goes with its block
            _swap(f, f"{ours}_{attr}", f"{other}_{attr}")
            swapped.append(attr.replace("_", " "))
            if attr == "account":
                _swap(f, f"{ours}_bank", f"{other}_bank")
        # one of ours on their side: the fields of that side that identity did not check are now doubtful
        f.warnings.append(f"{other} and {ours} swapped by our-companies master ({', '.join(swapped)}"
                          f"{' on ' + what if what else ''}): the layout had us as the {other}")
        for attr in attrs:
            if attr.replace("_", " ") not in swapped and f.get(f"{other}_{attr}") is not None \
                    and who.matches(attr, f.get(f"{other}_{attr}")):
                f.doubt(f"{other} {attr.replace('_', ' ')} is also one of ours", f"{other}_{attr}")
    if "name" in unknown and ocr:
        _garbled_name(f, ours, other, attrs, who)
    if both:
        f.doubt(both, *(f"{side}_{attr}" for side in (ours, other) for attr in attrs if f.get(f"{side}_{attr}") is not None))
    for attr in attrs:
        if attr != "name":
            _ours_beside_theirs(f, ours, other, attr, who, role_known)
    mine = f"{ours}_tax_id"
    if decided and "tax_id" in attrs and who.tax_ids and f.get(mine) is not None and not who.matches("tax_id", f.get(mine)):
        # our side is decided (our name), but the id read there is none of ours: another party's id, or misread
        f.doubt(f"{ours} tax id {f.get(mine)} is not one of ours (our-companies master); left for review", mine)
    name = f"{ours}_name"
    if "name" in attrs and who.names and f.get(name) is not None and not who.matches("name", f.get(name)) \
            and f.get(mine) is not None and who.matches("tax_id", f.get(mine)) and not swapped:
        # the other half: our tax id read beside a name that is none of ours (a scan that lost the block our id
        # was printed in, and took it for this side's)
        f.doubt(f"{ours} tax id {f.get(mine)} is ours but the {ours} read is {f.get(name)!r}; left for review",
                mine, name)
    if decided or layout is None:
        return
    fallback = [f"{side}_{attr}" for side in (ours, other) for attr in attrs
                if f.get(f"{side}_{attr}") is not None and f"{side}_{attr}" not in f.placed
                and layout.by_order_only(f"{side}_{attr}")]
    if fallback:
        f.warnings.append(f"{' and '.join((other, ours))} told apart by reading order only (no label, no "
                          f"our-companies match): {', '.join(fallback)} left for review")
        for name in fallback:
            f.confidence[name] = min(f.confidence.get(name, 0.0), BY_ORDER)
            f.confirmed.discard(name)


def _another_company(name: Any, who: Identity) -> bool:
    """Whether ``name`` reads as another company's: a name with a legal form or a Chinese entity's ending
    (``issuers.toml [legal_forms]``) that is none of ours and further than ``roles.toml [names] other_than_ours``
    from all of ours (closer, it may be ours misread)."""
    from extractors.documents.invoice_header import issuers

    text = _as_printed(name) if name else ""
    if not text or who.matches("name", text) or who.likeness(text) >= _names_settings()["other_than_ours"]:
        return False
    found = issuers()
    return bool(found.legal_form.search(text)) or text.endswith(tuple(found.cn_endings))


def _ours_beside_theirs(f: Fields, ours: str, other: str, attr: str, who: Identity, role_known: bool) -> None:
    """One of our ids (tax id, account) read on a side whose name is another company's: the other party's id
    was not read (a scan lost it) and ours stood in for it. Our id never fills the other party's field: that
    field is left empty for review; ours goes to the side with no company name of its own (a name unreadable
    or not read) when that side's id is empty, doubted. When the document itself says which side we are
    (``role_known``: a receipt's direction), our id stays on our side and the other company's name read beside
    it goes to the other side (when that side has none), doubted. When the other side names another company too
    (our name printed as the master does not know it?) or holds an id, nothing is changed."""
    sides = [(side, rest) for side, rest in ((ours, other), (other, ours))
             if who.exact(attr, f.get(f"{side}_{attr}")) and _another_company(f.get(f"{side}_name"), who)]
    if len(sides) != 1:
        return
    side, rest = sides[0]
    field, there = f"{side}_{attr}", f"{rest}_{attr}"
    value, what = f.get(field), attr.replace("_", " ")
    if _another_company(f.get(f"{rest}_name"), who) or f.get(there) is not None:
        return
    if role_known:  # the document says which side we are (a credit's payee): the name is the other party's
        if side == ours and f.get(f"{rest}_name") is None:
            name = f.get(f"{side}_name")
            _swap(f, f"{side}_name", f"{rest}_name")
            if attr == "account" and f.get(f"{rest}_bank") is None:  # its bank went with our account in a swap
                _swap(f, f"{side}_bank", f"{rest}_bank")
            f.doubt(f"{rest} name {name!r} read beside our {what} on the {side}'s side: taken as the {rest}'s; "
                    "check it", f"{rest}_name")
        return
    conf, where = f.confidence.get(field, 0.0), f.sources.get(field)
    f.drop(field, f"{side} {what} not read: {value} read there is ours, beside the {side} "
                  f"{f.get(f'{side}_name')!r}; left for review")
    f.values[there], f.confidence[there] = value, min(conf, UNLABELLED_OURS)
    if where is not None:
        f.sources[there] = where
    f.doubted.add(there)
    f.confirmed.discard(there)
    f.warnings.append(f"{rest} {what} {value}: ours, read beside the {side}'s name; check it")


def check_tax_ids(f: Fields, *names: str) -> None:
    """The shape check of each tax id field: a failed check digit keeps the value with a doubtful confidence
    (needs review), text without digits is dropped, an unknown shape caps the confidence at
    :data:`UNKNOWN_SHAPE`, a passed check digit confirms it."""
    for name in names:
        value = f.get(name)
        if value is None:
            continue
        try:
            checked = check_tax_id(value)
        except ValueError as exc:
            if any(ch.isdigit() for ch in str(value)):  # a misread or misprinted id: kept, but doubted
                f.doubt(f"{name.replace('_', ' ')} left for review: {exc}", name)
            else:
                f.drop(name, f"{name.replace('_', ' ')} left for review: {exc}")
            continue
        if checked.scheme is None:
            checked = _without_trailing_words(f, name, checked)
        if checked.valid:
            f.confirm(name)
        elif checked.scheme is None:
            f.confidence[name] = min(f.confidence.get(name, 0.0), UNKNOWN_SHAPE)
            f.confirmed.discard(name)


def _without_trailing_words(f: Fields, name: str, checked: Any) -> Any:
    """A tax id of no known shape whose leading words are one, the rest words without a digit (the next label or
    remark on its line: ``201912345K GST Reg``, ``SE556677889901 Godkänd för F-skatt``, ``…/0001-81 Inscrição``):
    the id is those leading words."""
    words = str(f.get(name)).split()
    for end in range(len(words) - 1, 0, -1):
        if any(ch.isdigit() for ch in " ".join(words[end:])):
            break
        try:
            shorter = check_tax_id(" ".join(words[:end]))
        except ValueError:
            continue
        if shorter.scheme is not None:
            f.values[name] = " ".join(words[:end])
            return shorter
    return checked


def check_accounts(f: Fields, *names: str) -> None:
    """Bank accounts: an IBAN passes mod-97 (confirmed) or is doubted; digits need a plausible length
    (8-30), a masked account is never high confidence."""
    for name in names:
        value = f.get(name)
        if value is None:
            continue
        compact = _norm_id(value)
        if compact[:2].isalpha():
            try:
                check_iban(compact)
                f.confirm(name)
            except ValueError:
                f.doubt(f"{name.replace('_', ' ')} {value} fails its IBAN check", name)
        elif "*" in compact or not 8 <= len(compact) <= 30:
            f.confidence[name] = min(f.confidence.get(name, 0.0), UNKNOWN_SHAPE)
            f.confirmed.discard(name)


def _labelled(layout: Layout, name: str, f: Fields | None = None) -> bool:
    """Whether field ``name`` was read under a label or block heading of its own (not by reading order), or
    at a place the document's structure gives that side (``Fields.placed``: the address under a sender line)."""
    if f is not None and name in f.placed:
        return True
    return bool(layout.hits_for(name) or layout.scoped_hits(name)) and not layout.by_order_only(name)


def _purchase(f: Fields, layout: Layout | None, who: Identity) -> bool:
    """Whether the invoice's own labels put us on the buyer's side (a supplier's invoice to us): one of
    our names or tax ids read under a buyer label (Bill To, 购买方 ...) or in the recipient's window under a
    sender line, none of ours on the seller's."""
    if layout is None or not who:
        return False
    ours_buyer = [a for a in ("name", "tax_id") if who.matches(a, f.get(f"buyer_{a}"))]
    ours_seller = any(who.matches(a, f.get(f"seller_{a}")) for a in ("name", "tax_id"))
    return bool(ours_buyer) and not ours_seller and all(_labelled(layout, f"buyer_{a}", f) for a in ours_buyer)


#: The most a buyer gets that is our name printed without a label (an addressee under the letterhead).
UNLABELLED_OURS = 0.85


def _unlabelled_buyer(f: Fields, layout: Layout | None, who: Identity) -> None:
    """No buyer read, a seller read that is not us: one of our names printed on the page (the addressee
    under a supplier's letterhead, without ``To``/``Messrs``) makes us the buyer, placed there by identity
    (``Fields.placed``), at :data:`UNLABELLED_OURS` and with a warning."""
    if layout is None or not who.printed or f.get("buyer_name") is not None or f.get("seller_name") is None:
        return
    if who.matches("name", f.get("seller_name")) or who.matches("tax_id", f.get("seller_tax_id")):
        return
    for name in sorted(who.printed, key=len, reverse=True):
        words = name.split()
        if len(_norm_name(name)) < _MIN_CONTAINED:
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s*".join(re.escape(w) for w in words) + r"(?!\w)", re.I)
        found = layout.find_text(pattern)
        if found:
            v = found[0]
            f.set("buyer_name", v.text, min(v.confidence, UNLABELLED_OURS), v)
            f.placed.add("buyer_name")
            f.doubted.add("buyer_name")  # not confirmed by the match: nothing but our name tells the side
            f.warnings.append(f"buyer {v.text!r}: our name printed without a buyer label, the seller being "
                              f"{f.get('seller_name')!r}; check it")
            return


#: how far (points) words of one name may stand apart, and how many line heights above its tax id a seller's name may be
_NAME_GAP = 9.0
_ABOVE_LINES = 2.5


def _name_above(layout: Layout, where: Any) -> Value | None:
    """The name printed just above a tax id, in its column (a letterhead block: name over ``ABN …``): the run of
    words of the nearest line above that reaches over the tax id's x, within :data:`_ABOVE_LINES` line heights."""
    height = max(where.y1 - where.y0, 1.0)
    above = [tl for tl in layout.lines if tl.line.page == where.page and tl.y1 <= where.y0 + 1
             and where.y0 - tl.y1 < _ABOVE_LINES * height]
    for tl in sorted(above, key=lambda t: -t.y1):
        runs: list[list[Any]] = []
        for w in sorted(tl.line.words, key=lambda w: w.x0):
            if runs and w.x0 - runs[-1][-1].x1 <= _NAME_GAP:
                runs[-1].append(w)
            else:
                runs.append([w])
        for run in runs:
            text = " ".join(w.text for w in run)
            if run[0].x0 <= where.x1 and run[-1].x1 >= where.x0 - 3 * height and len(run) > 1 \
                    and sum(ch.isalpha() for ch in text) > len(text) / 2:
                conf = min(w.confidence for w in run)
                return Value(text, min(conf, UNLABELLED_OURS), "above tax id", where.page, run[0].x0, tl.y0, run[-1].x1, tl.y1)
        return None
    return None


def _letterhead_by_tax_id(f: Fields, layout: Layout | None, who: Identity) -> None:
    """Our name read as the seller without a seller label (from where a letterhead stands: accounting software
    prints the addressee under the title), no buyer read, and a seller tax id that is not ours: the tax id is the
    issuer's, so the name printed over it is the seller and our name the buyer (placed), both at
    :data:`UNLABELLED_OURS` with a warning. Never a swap of our name with our own tax id."""
    if layout is None or not who.tax_ids or f.get("buyer_name") is not None or f.get("buyer_tax_id") is not None:
        return
    seller, tax_id, where = f.get("seller_name"), f.get("seller_tax_id"), f.sources.get("seller_tax_id")
    if seller is None or tax_id is None or where is None or where.box is None or _labelled(layout, "seller_name", f):
        return
    if not who.matches("name", seller) or who.matches("tax_id", tax_id):
        return
    box = Value(str(tax_id), 1.0, "", where.page, *where.box)
    name = _name_above(layout, box)
    if name is None or who.matches("name", name.text):
        return
    f.set("buyer_name", seller, min(f.confidence.get("seller_name", 0.0), UNLABELLED_OURS), f.sources.get("seller_name"))
    f.placed.add("buyer_name")
    f.set("seller_name", name.text, name.confidence, name)
    f.doubted.update(("buyer_name", "seller_name"))
    f.warnings.append(f"seller {name.text!r}: the name over the seller tax id {tax_id}, not ours; our name "
                      f"{seller!r}, printed without a label, taken as the buyer; check them")


def _our_unlabelled_tax_id(f: Fields, layout: Layout | None, who: Identity) -> None:
    """Our side named, its tax id not read, the other side's not ours: the tax id of that company of ours
    printed on the page without a label the reader knows (``UID-Nr. DE…``, ``Moms-nr. DE…`` in the window
    address) is that side's, at :data:`UNLABELLED_OURS` and with a warning."""
    if layout is None or not who.tax_ids:
        return
    for side, other in (("buyer", "seller"), ("seller", "buyer")):
        name = f.get(f"{side}_name")
        if f.get(f"{side}_tax_id") is not None or not who.matches("name", name) \
                or who.matches("name", f.get(f"{other}_name")) or who.exact("tax_id", f.get(f"{other}_tax_id")):
            continue
        for tl in layout.lines:
            for token in re.split(r"[\s:：,;()]+", "".join(c.ch for c in tl.chars)):
                owners = who.names_of.get(_norm_id(token), ()) if who.exact("tax_id", token) else ()
                if any(who.matches("name", o) and (_norm_name(o) == _norm_name(name) or who.spelled(name) == o)
                       for o in owners):
                    at = "".join(c.ch for c in tl.chars).find(token)
                    chars = [c for c in tl.chars[at:at + len(token)] if not c.ch.isspace()]
                    conf = min([c.conf for c in chars] + [UNLABELLED_OURS])
                    f.set(f"{side}_tax_id", token, conf, Value(token, conf, "pattern", tl.page, chars[0].x0, tl.y0,
                                                            chars[-1].x1, tl.y1))
                    f.warnings.append(f"{side} tax id {token!r}: ours, printed without a label we read; check it")
                    return


def settle_invoice(f: Fields, layout: Layout | None = None, *, who: Identity | None = None, ocr: bool = False) -> None:
    """An invoice's parties: tax ids shape-checked, then we are the seller (our tax id is never the
    buyer's), the counterparty the buyer; unless the invoice's labels put us under the buyer's heading
    (a supplier's invoice to us), which is kept as printed and said in a warning, never swapped."""
    check_tax_ids(f, "buyer_tax_id", "seller_tax_id")
    who = who if who is not None else identity()
    _letterhead_by_tax_id(f, layout, who)
    _unlabelled_buyer(f, layout, who)
    if _purchase(f, layout, who):
        f.warnings.append("we are the buyer on this invoice (our company is under its buyer label): a "
                          "purchase invoice, parties kept as printed")
        settle_parties(f, layout, "buyer", "seller", ("name", "tax_id"), who=who, what="a purchase invoice", ocr=ocr)
        _our_unlabelled_tax_id(f, layout, who)
        return
    settle_parties(f, layout, "seller", "buyer", ("name", "tax_id"), who=who, ocr=ocr)
    _our_unlabelled_tax_id(f, layout, who)


#: the confidence of our name or account read from no label (an advice's address block, ``Account Number``)
ADDRESSED_OURS = 0.9


def _ours_unlabelled(f: Fields, layout: Layout, ours: str, other: str, who: Identity) -> None:
    """An advice addressed to us (``SUZHOU HENGRUI ... CO., LTD.`` in its address block, ``Account Number
    808-123456-838`` without a payer/payee label): one of our names or accounts printed exactly, on no side,
    is our side's (the direction says which) when neither side holds one of ours. Flagged in the warnings."""
    for attr in ("name", "account"):
        if f.get(f"{ours}_{attr}") is not None or who.matches(attr, f.get(f"{other}_{attr}")):
            continue
        for no, tl in enumerate(layout.lines):
            found = None
            for s, e in layout.segments(no, gap=2):
                text = " ".join("".join(c.ch for c in tl.chars[s:e]).split())
                pieces = [text] if attr == "name" else [text, *text.split()]
                hit = next((p for p in pieces if who.exact(attr, p)), None)
                if hit is not None:
                    chars = [c for c in tl.chars[s:e] if not c.ch.isspace()]
                    found = (hit, min(c.conf for c in chars), chars)
                    break
            if found is None:
                continue
            value, conf, chars = found
            f.set(f"{ours}_{attr}", value if attr == "name" else re.sub(r"[\s-]", "", value),
                  min(conf, ADDRESSED_OURS), Value(value, conf, "pattern", tl.page, chars[0].x0, tl.y0, chars[-1].x1, tl.y1))
            f.warnings.append(f"{ours} {attr} {value!r} read from the page without a {ours} label (one of ours)")
            break


def settle_receipt(f: Fields, layout: Layout | None = None, direction: str | None = None, *,
                   who: Identity | None = None) -> None:
    """A receipt's parties: accounts shape-checked; on a credit we are the payee, on a debit the payer.
    Without a direction the labels decide and identity only confirms our side."""
    who = who if who is not None else identity()
    role_known = direction is not None
    if direction is not None and layout is not None and who:
        _ours_unlabelled(f, layout, *(("payee", "payer") if direction == "credit" else ("payer", "payee")), who)
    check_accounts(f, "payer_account", "payee_account")
    if direction is None:
        payee_ours = any(who.matches(a, f.get(f"payee_{a}")) for a in ("name", "account"))
        payer_ours = any(who.matches(a, f.get(f"payer_{a}")) for a in ("name", "account"))
        if payer_ours and not payee_ours:
            direction = "debit"
        else:
            direction = "credit"
            if not payee_ours and not payer_ours and layout is not None:
                settle_parties(f, layout, "payee", "payer", ("name", "account"), who=who)
                return
    ours, other = ("payee", "payer") if direction == "credit" else ("payer", "payee")
    settle_parties(f, layout, ours, other, ("name", "account"), who=who, what=f"a {direction}", role_known=role_known)
    if not role_known and layout is not None and who:  # our side known by identity now: our name printed unlabelled
        side = next((s for s in ("payee", "payer") if any(who.exact(a, f.get(f"{s}_{a}")) for a in ("name", "account"))), None)
        if side is not None:
            _ours_unlabelled(f, layout, side, "payer" if side == "payee" else "payee", who)
