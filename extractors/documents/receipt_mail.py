"""A payment notice sent as an e-mail (PayPal's "You've got money", a wallet's "You received ..."): a receipt of money
in, read from the e-mail's text by the receipt reader. The text's lines become positioned words (a line each, its
tab-separated cells apart), so labels and values read as on a PDF; what only a sentence says (``X sent you $1,250.00
USD``, ``Hello, <us>``) and a ``Note`` line are read by the phrases of ``data/mail_receipts.toml``."""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
import tomllib
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from extractors.documents.result import DocumentResult
from extractors.words import Word

#: what a sentence gives is doubted a little: no label names it
SENTENCE = 0.85
_LINE, _HEIGHT, _CHAR, _CELL_GAP = 14.0, 10.0, 5.5, 40.0


@cache
def config() -> dict[str, Any]:
    """``data/mail_receipts.toml``."""
    return tomllib.loads(resources.files("extractors").joinpath("data/mail_receipts.toml").read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").split()).casefold()


def _message(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)  # type: ignore[return-value]


def _body(msg: email.message.EmailMessage) -> str:
    """The HTML part as text (a line per paragraph and table row, a tab between cells), else the plain part."""
    from extractors.remittances import _html_text

    html = msg.get_body(preferencelist=("html",))
    if html is not None and html.get_content_type() == "text/html":
        return _html_text(html.get_content())
    plain = msg.get_body(preferencelist=("plain",))
    return plain.get_content() if plain is not None else ""


def looks_like_payment_mail(path: Path, data: bytes) -> bool:
    """Whether an e-mail tells of money received: a title phrase in its subject or first lines and an amount."""
    if path.suffix.lower() != ".eml" and not re.match(rb"(?im)^(from|subject|received|mime-version|date|to): ", data[:2000]):
        return False
    try:
        msg = _message(data)
        head = _fold(" ".join([str(msg.get("Subject", "")), *_body(msg).splitlines()[:8]]))
    except Exception:  # not an e-mail we can read: not one
        return False
    return any(_fold(t) in head for t in config()["titles"]) and re.search(r"\d[\d,.]*\d", head) is not None


def _words(lines: list[str]) -> list[Word]:
    """Each line as words at their place: a line's cells (tab-separated) a wide gap apart."""
    out = []
    for no, line in enumerate(lines):
        x = 20.0
        y0 = 20.0 + no * _LINE
        for cell in (c.strip() for c in line.split("\t")):
            if not cell:
                continue
            for m in re.finditer(r"\S+", cell):
                out.append(Word(m.group(0), x + m.start() * _CHAR, y0, x + m.end() * _CHAR, y0 + _HEIGHT))
            x += len(cell) * _CHAR + _CELL_GAP
    return out


def read_mail_receipt(data: bytes, source: str | None = None) -> DocumentResult:
    """The receipt an e-mail tells of; :class:`hub.errors.InputError` when it reads as none."""
    from extractors.documents.receipts import read_receipt

    msg = _message(data)
    lines = [str(msg.get("Subject", ""))] + [ln for ln in _body(msg).splitlines() if ln.strip()]
    result = read_receipt(_words(lines), source=source)
    update: dict[str, Any] = {}
    text_lines = [" ".join(ln.replace("\t", " ").split()) for ln in lines]
    if result.record.payer_name is None:
        for before in config()["payer_before"]:
            m = next((m for ln in text_lines if (m := re.match(rf"(.+?)\s+{re.escape(before)}\b", ln, re.I))), None)
            if m:
                update["payer_name"] = m.group(1).strip(" ,:")
                break
    if result.record.payee_name is None:
        for greeting in config()["greetings"]:
            m = next((m for ln in text_lines if (m := re.match(rf"{re.escape(greeting)}[\s,]+(.+?)[,!]?$", ln, re.I))), None)
            if m:
                update["payee_name"] = m.group(1).strip()
                break
    if not result.record.memo:
        for label in config()["note_labels"]:
            m = next((m for ln in lines if (m := re.match(rf"\s*{re.escape(label)}\s*(?:\t|:)\s*(.+)", ln, re.I))), None)
            if m:
                update["memo"] = m.group(1).strip()
                break
    if result.record.bank is None:
        domain = email.utils.parseaddr(str(msg.get("From", "")))[1].rpartition("@")[2].casefold()
        found = next((name for name in config()["senders"] if name.casefold() in domain.split(".")), None)
        if found:
            update["bank"] = found
    if update:
        note = "read from an e-mail: " + ", ".join(sorted(update)) + " from its sentences or sender"
        result.warnings.append(note)
        result.record = result.record.model_copy(update={**update, "warnings": [*result.record.warnings, note]})
        for name in update:
            result.confidence[name] = SENTENCE
    return result
