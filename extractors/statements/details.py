"""The other party inside a statement line's details text, for exports that have no party column (Hong
Kong and US banks, wallets): ``FPS CREDIT KOWLOON TOOLING SUPPLY CO FRN2026...``, ``INWARD REMITTANCE FROM
VAN DER BERG TECHNIEK B.V. INV HR-EX-2603-004``, ``WIRE TRANSFER VIA: ... B/O: GREAT LAKES MACHINING LLC REF:
PO 88231``, or a type line with the party on the line under it (``轉賬存入 TRANSFER CREDIT`` / ``TAI KOO
PRECISION PARTS LTD``). The labels, types and reference words are data (``statement_rules.toml [details]``)."""

from __future__ import annotations

import re
from functools import cache

from extractors.statements.cells import rules

_CJK_LEAD_RE = re.compile(r"^[\u3400-\u9fff\s]+(?=[A-Za-z])")


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The labelled party, the type at the start (with a direction word after it), the end of a name, and a
    reference word left at a name's end."""
    table = rules()["details"]
    by_length = lambda items: sorted(items, key=len, reverse=True)  # noqa: E731
    label = "|".join(_phrase(w) for w in by_length(table["labels"]))
    party = "|".join(_phrase(w) for w in by_length(table["party_labels"]))
    # ``LABEL: value`` or, in a Fedwire text, ``/ORG=value``
    labelled = re.compile(rf"(?<![A-Za-z0-9])(?:{party})\s*[:：=]\s*(.+?)(?=\s*(?<![A-Za-z0-9])(?:{label})\s*[:：=]|$)",
                          re.I)
    suffixes = "|".join(_phrase(w) for w in by_length(table["type_suffixes"]))
    types = re.compile(rf"^(?:{'|'.join(_phrase(w) for w in by_length(table['types']))})(?:\s+(?:{suffixes}))?(?![A-Za-z])",
                       re.I)
    refs = "|".join(_phrase(w) for w in by_length(table["reference_words"]))
    ends = "|".join(_phrase(w) for w in by_length(table["ends"]))
    stop = re.compile(rf"(?:(?<![A-Za-z0-9])(?:{ends})|\s(?:{refs})\s+(?=\S*\d))", re.I)
    return labelled, types, stop, re.compile(rf"^(?:{refs})$", re.I)


def _reference(token: str) -> bool:
    """A reference or number token (``FRN20260304PAYC01``, ``OTT260316SC0019``, ``000812``), not a name word."""
    digits = sum(ch.isdigit() for ch in token)
    return digits >= 3 or (digits >= 2 and len(token) >= 6) or token.startswith("*")


def _name(text: str) -> str:
    """``text`` cut at the first reference word or phrase, without the reference tokens around the name."""
    _, _, stop, ref_word = _patterns()
    found = stop.search(" " + text)
    if found:
        text = (" " + text)[: found.start()]
    tokens = text.split()
    while tokens and (_reference(tokens[-1]) or (found and ref_word.match(tokens[-1]))):  # REF before PO 88301
        tokens.pop()
    while tokens and _reference(tokens[0]):
        tokens.pop(0)
    name = " ".join(tokens).strip(" ,;:-/")
    if _squash(name) in _not_parties():
        return ""
    return name if sum(ch.isalpha() for ch in name) >= 2 else ""


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


@cache
def _not_parties() -> frozenset[str]:
    return frozenset(_squash(w) for w in rules()["details"]["not_parties"])


@cache
def _generic_type() -> re.Pattern[str]:
    """A type our lists lack that ends in a direction word (``INSTANT TRANSFER FROM``, ``DUITNOW TRANSFER TO``):
    a few capitalised words, one of them a payment noun (``[details] generic_type_nouns``: not ``BACK TO SCHOOL``),
    then one of ``generic_type_ends``."""
    table = rules()["details"]
    ends = "|".join(_phrase(w) for w in table.get("generic_type_ends", []))
    nouns = "|".join(_phrase(w) for w in table.get("generic_type_nouns", []))
    most = int(table.get("generic_type_words", 3))
    if not (ends and nouns):
        return re.compile(r"(?!)")
    word = r"[A-Z][A-Z0-9&/\-]*\s+"
    return re.compile(rf"^(?=(?:{word}){{0,{most - 1}}}(?:{nouns})\s)(?:{word}){{1,{most}}}(?:{ends})(?=\s+\S)")


@cache
def _party_patterns() -> tuple[re.Pattern[str], ...]:
    """Narrations of a fixed shape naming the party between their parts (``[details] party_patterns``)."""
    return tuple(re.compile(p, re.I) for p in rules()["details"].get("party_patterns", []))


def party_in_details(lines: list[str]) -> str | None:
    """The other party named in a line's details (its first line, then the lines wrapped under it), or None
    when the text has no label or transaction type we know (the caller keeps the text as it is)."""
    lines = [line.strip() for line in lines if line and line.strip()]
    if not lines:
        return None
    shaped = next((m for p in _party_patterns() if (m := p.search(lines[0]))), None)
    if shaped and (name := _name(shaped.group("party"))):
        return name
    labelled, types, _, _ = _patterns()
    found = labelled.search(" ".join(lines))
    if found and (name := _name(found.group(1))):
        return name
    first = _CJK_LEAD_RE.sub("", lines[0])
    typed = types.match(first) or _generic_type().match(first)
    if not typed:
        return None
    name = _name(first[typed.end():])
    if not name and len(lines) > 1:
        name = _name(lines[1])
    return name or None


_CHECK_RE = re.compile(r"(?:CHECK|CHEQUE|CHQ)\s*(?:NO\.?|#)?\s*\d+", re.I)


def party_of_text(text: str) -> str:
    """The other party of a payee-like text (OFX ``NAME``, QIF ``P``): the party after a transaction type we know,
    nothing for the bank's own words (``WIRE TRANSFER FEE``, ``CHECK 1043``, ``INTEREST``), else the text whole."""
    text = " ".join(text.split())
    found = party_in_details([text])
    if found is not None:
        return found
    words = text.split()
    if not words or _CHECK_RE.fullmatch(text) or _squash(words[-1]) in _not_parties() or _squash(text) in _not_parties():
        return ""
    return text
