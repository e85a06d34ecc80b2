"""The base of every record: strict fields, Decimal money, ISO dates, a natural key for upserts."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PlainSerializer

from hub.validation import check_currency, check_iso_date, check_uscc, to_decimal


def _nonneg(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError(f"{value} is negative")
    return value


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"{value} must be greater than zero")
    return value


_dec_ser = PlainSerializer(lambda v: str(v), return_type=str, when_used="json")

#: Any finite Decimal (signed amounts, e.g. statement lines).
Money = Annotated[Decimal, BeforeValidator(to_decimal), _dec_ser]
#: An amount that may be zero but never negative.
Amount = Annotated[Decimal, BeforeValidator(to_decimal), AfterValidator(_nonneg), _dec_ser]
#: A quantity: strictly positive.
Quantity = Annotated[Decimal, BeforeValidator(to_decimal), AfterValidator(_positive), _dec_ser]
#: An ISO 4217 currency code (``RMB`` and ``人民币`` are accepted and stored as ``CNY``).
Currency = Annotated[str, BeforeValidator(lambda v: check_currency(v))]
#: A date given as ``date`` or ISO string; serialised ISO.
IsoDate = Annotated[date, BeforeValidator(check_iso_date)]
#: A unified social credit code with a valid check digit.
Uscc = Annotated[str, BeforeValidator(lambda v: check_uscc(str(v)))]


class Record(BaseModel):
    """A typed business record. Subclasses name their ``KIND`` and their natural key fields."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)

    KIND: ClassVar[str] = ""
    #: Field names whose values identify the record across imports (the upsert key).
    KEY_FIELDS: ClassVar[tuple[str, ...]] = ()

    def natural_key(self) -> str:
        """The natural key as one string, parts joined by ``|`` (e.g. ``marketplace|MP-1001``)."""
        parts = []
        for name in self.KEY_FIELDS:
            value = getattr(self, name)
            parts.append("" if value is None else str(value))
        return "|".join(parts)

    def payload(self) -> dict[str, Any]:
        """The JSON-ready content (Decimals as strings, dates ISO) that the store keeps."""
        return self.model_dump(mode="json")

    def fingerprint(self) -> str:
        """A sha256 of the payload: equal content, equal fingerprint (drives 'no change' upserts)."""
        return payload_fingerprint(self.payload())


def payload_fingerprint(payload: dict[str, Any]) -> str:
    """The sha256 :meth:`Record.fingerprint` takes, of a payload already dumped (one dump a stored row)."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PartialRecord(Record):
    """A record read from a document, which may lack fields the document did not show.

    ``REQUIRED`` names the fields a complete record has; while any of them is missing the natural key
    falls back to the file it came from (``file:<sha256>``), so reading the same file again updates the
    same record and a later correction (which completes the key) replaces it.
    """

    REQUIRED: ClassVar[tuple[str, ...]] = ()

    file_sha256: str | None = None

    def missing(self) -> list[str]:
        """The required fields that are None."""
        return [name for name in self.REQUIRED if getattr(self, name) is None]

    @property
    def complete(self) -> bool:
        """Whether every required field is present."""
        return not self.missing()

    def natural_key(self) -> str:
        """The natural key; ``file:<sha256>`` while a key field is missing and the file is known."""
        if self.file_sha256 and any(getattr(self, name) in (None, "") for name in self.KEY_FIELDS):
            return f"file:{self.file_sha256}"
        return super().natural_key()
