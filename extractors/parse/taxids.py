"""Tax ids by their shape: the scheme an id belongs to (USCC, EU VAT, GSTIN, ABN, EIN ...) from the data
table ``data/tax_ids.toml``, and its check digit where the scheme has one.

:func:`check_tax_id` says whether an id passes (``valid`` True), fails a check its shape calls for
(``ValueError``), or has a shape no scheme knows (``valid`` None: keep it, but not with high confidence).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hub.validation import check_uscc

_LABEL = re.compile(r"^(?:统一社会信用代码|纳税人识别号|税号|USCC|VAT\s*(?:Reg\.?\s*)?(?:No\.?|Number|ID)?|GSTIN|GST\s*No\.?|"
                    r"ABN|EIN|BN|RUT|TRN|RFC|MST|VKN|UEN|CNPJ|NIP(?:\s*UE)?|사업자등록번호|등록번호|GST\s*Reg(?:istration)?\.?\s*No\.?|Tax\s*ID|TIN|UID|USt-?IdNr\.?|"
                    r"N°\s*TVA|BTW|PIB|OIB|RNC|UBN|БИН)\s*[:：.#/]?\s*", re.I)


@dataclass(frozen=True)
class TaxId:
    """A tax id as checked: canonical value, scheme (``CN_USCC``, ``EU_VAT`` ...) and country, and whether a
    check digit confirmed it (None: the scheme has no check, or no scheme matched)."""

    value: str
    scheme: str | None
    country: str | None
    valid: bool | None


def _gstin(code: str) -> bool:
    chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    total = 0
    for i, ch in enumerate(code[:14]):
        product = chars.index(ch) * (2 if i % 2 else 1)
        total += product // 36 + product % 36
    return chars[(36 - total % 36) % 36] == code[14]


def _abn(code: str) -> bool:
    digits = [int(c) for c in code[-11:]]
    digits[0] -= 1
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 89 == 0


def _eu_vat(code: str) -> bool | None:
    """Check digits of the member states whose rule is simple (DE, NL, IT, BE, PL, DK); None for others."""
    country, body = code[:2], code[2:]
    if country == "DE":
        product = 10
        for d in body[:8]:
            s = (int(d) + product) % 10 or 10
            product = (2 * s) % 11
        return (11 - product) % 10 == int(body[8])
    if country == "NL":
        total = sum(int(d) * w for d, w in zip(body[:8], range(9, 1, -1), strict=True))
        return total % 11 % 10 == int(body[8]) and total % 11 != 10
    if country == "IT":
        total = 0
        for i, d in enumerate(body[:10]):
            n = int(d) * (2 if i % 2 else 1)
            total += n // 10 + n % 10
        return (10 - total % 10) % 10 == int(body[10])
    if country == "BE":
        return 97 - int(body[:8]) % 97 == int(body[8:])
    if country == "PL":
        weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
        return sum(int(d) * w for d, w in zip(body[:9], weights, strict=True)) % 11 == int(body[9])
    if country == "DK":
        weights = (2, 7, 6, 5, 4, 3, 2, 1)
        return sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 == 0
    return None


def _cnpj(code: str) -> bool:
    def digit(body: str, weights: tuple[int, ...]) -> str:
        rest = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        return "0" if rest < 2 else str(11 - rest)

    first = digit(code[:12], (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2))
    return code[12:] == first + digit(code[:12] + first, (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2))


def _nip(code: str) -> bool:
    body = code[-10:]
    rest = sum(int(d) * w for d, w in zip(body[:9], (6, 5, 7, 2, 3, 4, 5, 6, 7), strict=True)) % 11
    return rest == int(body[9])


def _brn(code: str) -> bool:
    digits = [int(d) for d in code]
    total = sum(d * w for d, w in zip(digits[:9], (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True)) + digits[8] * 5 // 10
    return (10 - total % 10) % 10 == digits[9]


def _rut(code: str) -> bool:
    body, check = code[:-1], code[-1]
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(body)))
    expected = 11 - total % 11
    return check == {10: "K", 11: "0"}.get(expected, str(expected))


def _mod11(body: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11


def _cuit(code: str) -> bool:
    """Argentina's CUIT: 11 minus the weighted sum mod 11 (11 is 0; 10 is never issued)."""
    rest = 11 - _mod11(code[:10], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
    return rest != 10 and rest % 11 == int(code[10])


def _ruc(code: str) -> bool:
    """Peru's RUC: as the CUIT, but 10 is 0 and 11 is 1."""
    rest = 11 - _mod11(code[:10], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
    return {10: 0, 11: 1}.get(rest, rest) == int(code[10])


def _nit(code: str) -> bool:
    """Colombia's NIT: the DIAN's prime weights from the right, mod 11 (0 and 1 stay, else 11 minus it)."""
    weights = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)
    rest = sum(int(d) * w for d, w in zip(reversed(code[:-1]), weights, strict=False)) % 11
    return (rest if rest < 2 else 11 - rest) == int(code[-1])


def _cvr(code: str) -> bool:
    return _mod11(code[-8:], (2, 7, 6, 5, 4, 3, 2, 1)) == 0


def _ytunnus(code: str) -> bool:
    """Finland's business id (Y-tunnus 2614533-9, VAT FI26145339)."""
    rest = _mod11(code[-8:-1], (7, 9, 10, 5, 8, 4, 2))
    return rest != 1 and (0 if rest == 0 else 11 - rest) == int(code[-1])


def _inn(code: str) -> bool:
    """Russia's ИНН: a company's 10 digits (alone or before its 9-digit КПП), a person's 12."""
    if len(code) == 12:
        first = _mod11(code[:10], (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) % 10
        second = _mod11(code[:11], (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) % 10
        return (first, second) == (int(code[10]), int(code[11]))
    return _mod11(code[:9], (2, 4, 10, 3, 5, 9, 4, 6, 8)) % 10 == int(code[9])


def _edrpou(code: str) -> bool:
    """Ukraine's ЄДРПОУ code: weights 1-7 (7,1-6 for codes from 30000000 to 60000000), again plus 2 when 10."""
    weights = (7, 1, 2, 3, 4, 5, 6) if 30_000_000 <= int(code) < 60_000_000 else (1, 2, 3, 4, 5, 6, 7)
    rest = sum(int(d) * w for d, w in zip(code[:7], weights, strict=True)) % 11
    if rest == 10:
        rest = sum(int(d) * (w + 2) for d, w in zip(code[:7], weights, strict=True)) % 11 % 10
    return rest == int(code[7])


def _iso7064_mod11_10(code: str) -> bool:
    """ISO 7064 MOD 11,10: Croatia's OIB (11 digits), Serbia's PIB (9)."""
    rest = 10
    for d in code[:-1]:
        rest = (rest + int(d)) % 10 or 10
        rest = rest * 2 % 11
    return (11 - rest) % 10 == int(code[-1])


def _rnc(code: str) -> bool:
    """The Dominican RNC (9 digits): weights 7 9 8 6 5 4 3 2, mod 11 (0 gives 2, 1 gives 1)."""
    rest = _mod11(code[:8], (7, 9, 8, 6, 5, 4, 3, 2))
    return {0: 2, 1: 1}.get(rest, 11 - rest) == int(code[8])


def _ubn(code: str) -> bool:
    """Taiwan's 統一編號 (8 digits): weights 1 2 1 2 1 2 4 1, the digits of each product summed, a multiple of
    5 (or one less, where the seventh digit is a 7)."""
    total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(code, (1, 2, 1, 2, 1, 2, 4, 1), strict=True))
    return total % 5 == 0 or (code[6] == "7" and (total + 1) % 5 == 0)


def _kz_bin(code: str) -> bool:
    """Kazakhstan's БИН/ИИН (12 digits): weights 1-11 mod 11, again with 3-11, 1, 2 when that is 10."""
    rest = _mod11(code[:11], tuple(range(1, 12)))
    if rest == 10:
        rest = _mod11(code[:11], (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))
    return rest != 10 and rest == int(code[11])


def _uscc(code: str) -> bool:
    try:
        check_uscc(code)
    except ValueError:
        return False
    return True


CHECKS: dict[str, Callable[[str], bool | None]] = {"uscc": _uscc, "gstin": _gstin, "abn": _abn, "eu_vat": _eu_vat,
                                                   "rut": _rut, "cuit": _cuit, "ruc": _ruc, "nit": _nit, "cvr": _cvr,
                                                   "ytunnus": _ytunnus, "inn": _inn, "edrpou": _edrpou,
                                                   "cnpj": _cnpj, "nip": _nip, "brn": _brn,
                                                   "mod11_10": _iso7064_mod11_10, "rnc": _rnc, "ubn": _ubn,
                                                   "kz_bin": _kz_bin}


@cache
def _schemes() -> list[tuple[str, str, re.Pattern[str], str | None, bool, bool]]:
    text = resources.files("extractors").joinpath("data/tax_ids.toml").read_text(encoding="utf-8")
    out = []
    for name, spec in tomllib.loads(text)["scheme"].items():
        out.append((name, spec["country"], re.compile(spec["pattern"]), spec.get("check"), spec.get("strict", True),
                    spec.get("named_only", False)))
    return out


@cache
def _scheme_words() -> dict[str, str]:
    """The scheme named by each word printed before an id (``abn`` -> ``AU_ABN``), casefolded."""
    text = resources.files("extractors").joinpath("data/tax_ids.toml").read_text(encoding="utf-8")
    return {w.casefold(): name for name, spec in tomllib.loads(text)["scheme"].items() for w in spec.get("words", ())}


_NAMED = re.compile(r"^\s*([A-Za-z/]{2,10}|БИН|统一社会信用代码)\s*(?:No\.?|Number)?\s*[:：.#]?\s*(?=[\dA-Z])")


def named_scheme(text: str) -> str | None:
    """The scheme an id names before its digits (``ABN 51 824 753 556`` -> ``AU_ABN``), or None."""
    m = _NAMED.match(unicodedata.normalize("NFKC", str(text)))
    return _scheme_words().get(m.group(1).casefold()) if m else None


def normalize_tax_id(text: str) -> str:
    """The id without its label, blanks, dots and dashes, upper case and half width."""
    raw = _LABEL.sub("", unicodedata.normalize("NFKC", str(text)).strip())
    return re.sub(r"[\s.\-/]", "", raw).upper()


def check_tax_id(text: str) -> TaxId:
    """The scheme ``text`` belongs to and whether its check holds; ``ValueError`` when the shape calls
    for a check digit that fails (a misread character), when the id names its scheme (``ABN ...``) and
    lacks that scheme's shape or fails its check, or when nothing is left of the text."""
    code = normalize_tax_id(text)
    if not code or not re.search(r"\d", code):
        raise ValueError(f"{text!r} is not a tax id (no digits)")
    named = named_scheme(text)
    for name, country, pattern, check, strict, named_only in _schemes():
        if named is not None and name != named or named_only and named is None:
            continue
        if named is not None and not pattern.fullmatch(code):
            raise ValueError(f"tax id {text!r} names {name} but does not have its shape")
        if pattern.fullmatch(code):
            ok = CHECKS[check](code) if check else None
            if ok is False and (strict or named is not None):
                raise ValueError(f"tax id {text!r} looks like a {name} but fails its check digit")
            if ok is not False:
                return TaxId(code, name, country, ok)
    return TaxId(code, None, None, None)
