"""Master data: customers and products."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from hub.records.base import Amount, Currency, Record
from hub.validation import check_uscc


class Customer(Record):
    """A customer (客户): one legal entity with every spelling it goes by."""

    KIND = "customer"
    KEY_FIELDS = ("code",)

    code: str = Field(min_length=1, description="Our customer number, e.g. C0042")
    name: str = Field(min_length=1, description="Legal name as registered (Chinese for CN companies)")
    name_en: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Other spellings: pinyin, English, short names")
    country: str = Field(default="CN", min_length=2, max_length=2, description="ISO 3166 alpha-2")
    tax_id: str | None = Field(default=None, description="统一社会信用代码 (USCC) for CN, VAT/EIN abroad")
    grade: Literal["A", "B", "C"] | None = None
    credit_limit: Amount | None = None
    currency: Currency = "CNY"
    email: str | None = None
    address: str | None = None

    @field_validator("country")
    @classmethod
    def _country_upper(cls, value: str) -> str:
        if not value.isalpha():
            raise ValueError(f"{value!r} is not an ISO 3166 country code")
        return value.upper()

    @field_validator("tax_id")
    @classmethod
    def _cn_tax_id_is_uscc(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value and info.data.get("country", "CN") == "CN":
            return check_uscc(value)
        return value

    def all_names(self) -> list[str]:
        """Legal name, English name and aliases, without repeats, in that order."""
        seen: list[str] = []
        for name in [self.name, self.name_en, *self.aliases]:
            if name and name not in seen:
                seen.append(name)
        return seen


class Product(Record):
    """A product (产品) from the product master."""

    KIND = "product"
    KEY_FIELDS = ("sku",)

    sku: str = Field(min_length=1)
    name_zh: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    spec: str = ""
    unit: str = Field(default="个", description="Transaction unit, e.g. 个, 千克, 米, PCS")
    unit_weight_kg: Amount = Decimal("0")
    unit_price: Amount | None = None
    currency: Currency = "CNY"
    hs_code: str | None = Field(default=None, description="商品编号: 6 to 10 digits")
    category: str | None = None
    unit_cost: Amount | None = Field(default=None, description="Standard cost per unit (for margins)")
    stock_on_hand: Amount | None = Field(default=None, description="Units in stock, when known")
    declaration_elements: dict[str, str] = Field(
        default_factory=dict, description="申报要素 by name (品名, 用途, 材质, 品牌, 型号 ...)"
    )

    @field_validator("hs_code")
    @classmethod
    def _hs_digits(cls, value: str | None) -> str | None:
        if value is None:
            return None
        digits = value.replace(".", "").replace(" ", "")
        if not digits.isdigit() or not 6 <= len(digits) <= 10:
            raise ValueError(f"HS code {value!r} must be 6 to 10 digits")
        return digits
