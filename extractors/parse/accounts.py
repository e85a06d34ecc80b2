"""Bank accounts: digits with blanks or dashes (Chinese accounts), and IBANs with their mod-97 check."""

from __future__ import annotations

import re
import unicodedata

_IBAN_RE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")
_ACCOUNT_RE = re.compile(r"^[0-9]{6,34}$")
_MASKED_RE = re.compile(r"^[0-9*]{6,34}$")
#: a label or the account's kind printed before the number (普通預金 1234567: a Japanese ordinary deposit account)
_LABEL_RE = re.compile(r"^(?:账号|帐号|账户|帐户|卡号|account(?:\s*no\.?)?|a/c(?:\s*no\.?)?|iban|普通預金|当座預金|貯蓄預金|普通|当座)"
                       r"\s*[:：]?\s*", re.I)


def check_iban(text: str) -> str:
    """The IBAN without blanks, upper case, or ``ValueError`` when its mod-97 check fails."""
    iban = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text)).upper()
    if not _IBAN_RE.match(iban):
        raise ValueError(f"{text!r} is not an IBAN (two letters, two check digits, then 10-30 letters/digits)")
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    if int(number) % 97 != 1:
        raise ValueError(f"IBAN {text!r} fails its mod-97 check (a digit is wrong or swapped)")
    return iban


def parse_bank_account(text: str, *, allow_masked: bool = False) -> str:
    """A bank account number without blanks/dashes, or an IBAN (checked); ``ValueError`` otherwise.

    ``allow_masked`` accepts accounts printed with stars (``6222****1234``) as they are.
    """
    raw = _LABEL_RE.sub("", unicodedata.normalize("NFKC", str(text)).strip())
    compact = re.sub(r"[\s\-.]", "", raw).upper()
    if not compact:
        raise ValueError("empty bank account")
    if compact[:2].isalpha():
        return check_iban(compact)
    if _ACCOUNT_RE.match(compact):
        return compact
    if allow_masked and _MASKED_RE.match(compact) and compact.strip("*"):
        return compact
    if "*" in compact:
        raise ValueError(f"bank account {text!r} is masked with '*'")
    raise ValueError(f"{text!r} is not a bank account (6-34 digits, or an IBAN)")
