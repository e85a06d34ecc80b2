"""Helpers shared by the document extractors: pick the first label value that parses, build records."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from pydantic import ValidationError

from extractors.documents.result import Fields
from extractors.layout import Layout, Value
from extractors.parse import parse_document_number
from hub.errors import InputError, describe_validation_error

#: Confidence factor by where a value was found (right of its label is the usual place).
HOW = {"right": 1.0, "table": 1.0, "below": 0.97, "pattern": 0.85}

_LEADING_MARKS = re.compile(r"^[⊗ⓧ×Xx※*\s:：]+")
#: Characters a 大写 amount starts with (a numeral or a unit: 拾元 is ten)
_UPPER_START = set("零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億")


def pick(layout: Layout, fields: Fields, name: str, parser: Callable[[str], Any], *,
         key: str | None = None, values: list[Value] | None = None) -> Any:
    """Parse the candidates for ``name`` in order; keep the first that parses, with its confidence."""
    key = key or name
    cands = layout.candidates(name) if values is None else values
    for rank, v in enumerate(cands):
        try:
            value = parser(v.text)
        except (ValueError, ArithmeticError):
            continue
        if value is None or value == "":
            continue
        fields.set(key, value, v.confidence * HOW.get(v.how, 0.9) * (1.0 if rank == 0 else 0.95), v)
        return value
    return None


def read_cells(fields: Fields, row: dict[str, Value], no: int, parsers: dict[str, Callable[[str], Any]],
               data: dict[str, Any]) -> None:
    """Item line ``no``'s cells of a table ``row`` parsed into ``data`` (column -> parser), each with its
    confidence and place; a cell that does not parse is a warning and left out."""
    for col, parser in parsers.items():
        v = row.get(col)
        if v is None:
            continue
        try:
            data[col] = parser(v.text)
        except (ValueError, ArithmeticError):
            fields.warnings.append(f"line {no}: {col} {v.text!r} is not readable")
            continue
        fields.confidence[f"lines[{no - 1}].{col}"] = v.confidence
        fields.locate(f"lines[{no - 1}].{col}", v)


def first_token(parser: Callable[[str], Any]) -> Callable[[str], Any]:
    """``parser`` on the whole text, else on its first blank-separated token (``WS2026 送货单号:...``)."""

    def parse(text: str) -> Any:
        try:
            return parser(text)
        except ValueError:
            token = text.split()[0] if text.split() else text
            if token == text:
                raise
            return parser(token)

    return parse


def parse_order_ref(text: str) -> str:
    """The order a document names: the first of several references (``MP-2026462291 / PI HR-PI260001`` ->
    ``MP-2026462291``); a slash inside one reference (``PO-2026/0042``) is kept."""
    head = re.split(r"\s+[/;,，、]\s*|\s*[;,，、]\s*", text.strip(), maxsplit=1)[0]
    return first_token(parse_document_number)(head or text)


def text_value(text: str) -> str:
    """A name or free text as printed: blanks collapsed, leading label punctuation removed."""
    cleaned = " ".join(text.split()).strip(" :：;；,，")
    if not cleaned:
        raise ValueError("empty")
    return cleaned


#: A USCC-shaped run glued to the end of a name, with the label a scan may have joined to it
_GLUED_USCC = re.compile(r"\s*(?:(?:统一社会信用代码|纳税人识别号)[/／]?)*[:：]?\s*([0-9A-HJ-NPQRTUWXY]{18})\s*$")


def name_value(text: str) -> str:
    """A party's name as printed (:func:`text_value`), without a tax id that a scan glued on after it
    (``苏州恒锐精密五金制品有限公司91320594MA1MXQ7K8G``, the id's line joined to the name's): cut off when the
    run has the USCC's shape and its check digit holds."""
    from extractors.parse import parse_uscc

    cleaned = text_value(text)
    m = _GLUED_USCC.search(cleaned)
    if m and m.start() > 0:
        try:
            parse_uscc(m.group(1))
        except ValueError:
            return cleaned
        return text_value(cleaned[:m.start()])
    return cleaned


@cache
def ocr_settings() -> dict[str, Any]:
    """What OCR is known to misread (``data/ocr.toml``)."""
    return tomllib.loads(resources.files("extractors").joinpath("data/ocr.toml").read_text(encoding="utf-8"))


def _is_upper(text: str) -> bool:
    from extractors.parse import is_chinese_upper

    return is_chinese_upper(text)


def upper_words(text: str) -> str:
    """The 大写 amount as printed (currency word kept), without the ⓧ/⊗ mark before it. On a scan the mark
    may come out as a bracket, a digit or a letter (``) 叁万...``, ``2叁佰圆整``): such a short run without a
    Chinese character is dropped when the rest reads as a 大写 amount, and characters OCR is known to read
    in place of a numeral (``参佰圆整``) are put back when only then the text reads as one (``data/ocr.toml``)."""
    cleaned = _LEADING_MARKS.sub("", text).strip()
    if not cleaned:
        raise ValueError("empty")
    cfg = ocr_settings()["upper_numerals"]
    m = re.match(r"^[^\u3400-\u9fff]{1," + str(int(cfg["max_mark"])) + r"}?\s*(?=[\u3400-\u9fff])", cleaned)
    bare = cleaned[m.end():] if m and not _UPPER_CURRENCY.match(cleaned) else cleaned
    if bare != cleaned and not (_UPPER_CURRENCY.match(bare) or bare[0] in _UPPER_START or bare[0] in cfg["confusions"]):
        bare = cleaned  # the run is not a mark before the amount (``(大写)``)
    confusions = str.maketrans(cfg["confusions"])
    for cand in (bare, cleaned, bare.translate(confusions), cleaned.translate(confusions)):
        if _is_upper(cand):
            return cand
    return cleaned


_UPPER_CURRENCY = re.compile(r"^(人民币|美元|欧元|港币|港元|日元|英镑|RMB|CNY|USD|EUR)\s*")


def spelled_amounts(layout: Layout) -> list[Value]:
    """Texts of the document that read as a 大写 amount (after :func:`upper_words`), in reading order: where
    a scan garbled the label before it, the amount in words is still found."""
    cfg = ocr_settings()["upper_numerals"]
    chars = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億圆元角分整正" + "".join(cfg["confusions"])
    pattern = re.compile(r"(?:人民币|美元|欧元|港币|港元|日元|英镑)?[" + re.escape(chars) + "]{3,}")
    out = []
    for v in layout.find_text(pattern):
        words = upper_words(v.text)
        if _is_upper(words) and any(ch in "圆元角分" for ch in words):
            out.append(Value(words, v.confidence, v.how, v.page, v.x0, v.y0, v.x1, v.y1))
    return out


def upper_amount(text: str) -> tuple[Decimal, str | None]:
    """The amount a 大写 text spells, and the currency word before it (``美元贰佰...`` -> 200, USD)."""
    from extractors.parse import chinese_upper_to_amount, find_currency

    cleaned = _LEADING_MARKS.sub("", text).strip()
    m = _UPPER_CURRENCY.match(cleaned)
    currency = find_currency(m.group(1)) if m else None
    return chinese_upper_to_amount(cleaned[m.end():] if m else cleaned), currency


def percent(text: str) -> Decimal | None:
    """A tax rate: ``13%`` -> 0.13, ``免税``/``不征税`` -> 0 / None."""
    t = text.strip()
    if "免税" in t or t in ("0%", "0"):
        return Decimal("0")
    if "不征税" in t or "***" in t:
        return None
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*%", t)  # ``5,5 %``: a rate has no thousands, a comma is its decimal mark
    if not m:
        raise ValueError(f"{text!r} is not a tax rate")
    return (Decimal(m.group(1).replace(",", ".")) / 100).normalize()


# ``1 200 db``: thousands grouped by a blank, as Hungarian, Swedish and French tables print them
_QTY_UNIT = re.compile(r"^\s*(\d{1,3}(?: \d{3})+|\d[\d,]*(?:\.\d+)?)\s*([A-Za-z\u4e00-\u9fff]{1,6})\.?\s*$")
_QTY_UNIT_COMMA = re.compile(r"^\s*(\d{1,3}(?: \d{3})+(?:,\d+)?|\d[\d.]*(?:,\d+)?)\s*([A-Za-z\u4e00-\u9fff]{1,6})\.?\s*$")
_SKU_PARENS = re.compile(r"\s*\(([A-Z0-9][A-Z0-9\-./_]{2,})\)\s*")
_SKU_MODEL = re.compile(r",?\s*\b(?:Model|Art\.?\s*No\.?|Item\s*No\.?|Part\s*No\.?)\s*[:.]?\s+([A-Z0-9][A-Z0-9\-./_]*\d[A-Z0-9\-./_]*),?\s*",
                        re.I)


def quantity_unit(text: str, comma: bool | None = None) -> tuple[Decimal, str | None]:
    """``10000 SET`` -> (10000, "SET"); a bare figure -> (figure, None); ``comma``: the decimal mark's
    (``1.000`` is a thousand in a table of decimal commas)."""
    from extractors.parse import parse_amount

    m = _QTY_UNIT.match(text) or (_QTY_UNIT_COMMA.match(text) if comma else None)
    if m:
        return parse_amount(m.group(1), decimal_comma=comma), m.group(2)
    return parse_amount(text, decimal_comma=comma), None


def split_description(text: str) -> tuple[str, str | None, str | None]:
    """An item cell that also carries the article number: ``Bolt (HR-B-1)`` or ``Bolt, Model HR-B-1, M8``
    -> (description, sku, spec after the model or None)."""
    m = _SKU_MODEL.search(text)
    if m and m.start() > 0:
        rest = text[m.end():].strip(" ,;")
        return text[:m.start()].strip(" ,;"), m.group(1), rest or None
    m = _SKU_PARENS.search(text)
    if m and m.start() > 0:
        return (text[:m.start()] + " " + text[m.end():]).strip(" ,;"), m.group(1), None
    return text, None, None


_SPEC_TOKEN = re.compile(r"[\dΦφ×⌀]|^[A-Z]{2,}$|^(?:[A-Z]|[a-z]+)-[a-z]+$")
#: Small words that stay inside an English product name although they are lower case.
_NAME_WORDS = {"and", "for", "of", "with", "in", "on", "to", "the", "a", "or", "per"}


def split_spec(text: str) -> tuple[str, str | None]:
    """A product name followed by its specification in one cell (``Flat Washer Φ8 GB97.1 zinc plated``):
    the specification starts at the first token after the first that carries a figure, a diameter sign,
    is an all-capitals code (``YJV``, ``M10``), a hyphenated type word (``Z-type``, ``through-beam``) or,
    after a name of two or more capitalised words, a lower-case word (``zinc``). Returns (name, spec or None)."""
    tokens = text.split()
    for i, token in enumerate(tokens[1:], start=1):
        titled = i >= 2 and all(t[:1].isupper() or t in _NAME_WORDS for t in tokens[:i])  # "Flat Washer", not "LED panel"
        lower_word = titled and token.isalpha() and token[0].islower() and token not in _NAME_WORDS
        if _SPEC_TOKEN.search(token) or lower_word:
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return text, None


@cache
def _spec_shapes() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = tomllib.loads(resources.files("extractors").joinpath("data/specs.toml").read_text(encoding="utf-8"))
    return (tuple(re.compile(p) for p in data["measures"]["patterns"]),
            tuple(re.compile(p) for p in data["type_words"]["patterns"]))


def _name_word(token: str) -> bool:
    return token in _NAME_WORDS or (token[:1].isupper() and token.replace("-", "").isalpha())


def measured_split(name: str, spec: str) -> bool:
    """Whether a :func:`split_spec` split is shown by the cell itself rather than guessed from its wording:
    the name is a title-cased product name without figures (after a first word that may be a code:
    ``PT100 Temperature Sensor``) and the spec starts with a measure of a known shape (``M10x40``, ``DN100``,
    ``Φ6x200mm``, ``0-25MPa``), or with a type code or word right before one (``YJV 3x2.5mm2``,
    ``U-type 100x40mm``). Shapes are data (``data/specs.toml``)."""
    measures, type_words = _spec_shapes()
    words = unicodedata.normalize("NFKC", name).split()
    head = unicodedata.normalize("NFKC", spec).split()
    if not words or not head or not all(_name_word(t) for t in words[1:]):
        return False
    if len(words) == 1 and not _name_word(words[0]):
        return False

    def measure(token: str) -> bool:
        return any(p.match(token) for p in measures)

    if measure(head[0]):
        return True
    return len(head) > 1 and any(p.match(head[0]) for p in type_words) and measure(head[1])


def build(cls: type, data: dict[str, Any], source: str | None):
    """Construct a record; a validation failure becomes an :class:`InputError` naming fields and values."""
    try:
        return cls(**data)
    except ValidationError as exc:
        raise InputError(f"could not read a valid {cls.__name__}: {describe_validation_error(exc)}",
                         source=source) from None


def build_partial(cls: type, data: dict[str, Any], fields: Fields, source: str | None):
    """Construct a record from what was read; a field whose value the record refuses is dropped (None,
    confidence 0, a warning naming the value and the reason) instead of losing the whole document.

    Checks across fields (a due date before the issue date) drop the later-read field they name. Raises
    :class:`InputError` only when the record cannot be built even without the refused fields.
    """
    data = dict(data)
    for _ in range(len(data) + 1):
        try:
            return cls(**data)
        except ValidationError as exc:
            dropped = False
            for err in exc.errors():
                loc = err.get("loc") or ()
                name = str(loc[0]) if loc else _named_in(err.get("msg", ""), data)
                if not name or name not in data:
                    continue
                if name == "lines" and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(data["lines"]):
                    bad = data["lines"][loc[1]]
                    data["lines"] = [ln for i, ln in enumerate(data["lines"]) if i != loc[1]]
                    fields.warnings.append(f"line {getattr(bad, 'line_no', loc[1] + 1)} left out: {err.get('msg')}")
                    dropped = True
                    break
                value = data.pop(name)
                fields.drop(name, f"{name} {value!r} left for review: {err.get('msg')}")
                dropped = True
            if not dropped:
                raise InputError(f"could not read a valid {cls.__name__}: {describe_validation_error(exc)}",
                                 source=source) from None
    raise InputError(f"could not read a valid {cls.__name__}", source=source)


def _named_in(message: str, data: dict[str, Any]) -> str | None:
    """A model-level check names no field in its location: the field its message names (due date)."""
    for name in ("due_date", "issue_date"):
        if name.replace("_", " ") in message and name in data:
            return name
    return None


def amount_eq(a: Decimal | None, b: Decimal | None, tol: Decimal = Decimal("0.01")) -> bool:
    return a is not None and b is not None and abs(a - b) <= tol
