"""Company names (Chinese, pinyin, English) and memo references (mistyped, truncated, zeros dropped)."""

from __future__ import annotations

import pytest

from hub.records import Customer
from matchers.names import CustomerIndex, name_key, name_similarity
from matchers.references import ReferenceIndex, memo_tokens, normalize_ref


@pytest.mark.parametrize(("a", "b"), [
    ("上海华源贸易有限公司", "Shanghai Huayuan Trading Co., Ltd."),
    ("上海华源贸易有限公司", "SHANGHAI HUAYUAN TRADING CO.,LTD"),
    ("上海华源贸易有限公司", "上海华源贸易有限公"),                      # cut short by the bank
    ("深圳市鑫达电子科技股份有限公司", "Shenzhen Xinda Electronic Technology Co Ltd"),
    ("ＡＣＭＥ　Ｇｍｂｈ", "Acme GmbH"),                                 # full width
    ("Müller Maschinenbau GmbH", "MULLER MASCHINENBAU GMBH"),
    ("Acme Trading LLC", "ACME TRADE, L.L.C."),
])
def test_same_company_spelled_differently_has_high_similarity(a: str, b: str) -> None:
    assert name_similarity(a, b) >= 0.85, (name_key(a), name_key(b))


@pytest.mark.parametrize(("a", "b"), [
    ("上海华源贸易有限公司", "上海华泰机械有限公司"),
    ("Shanghai Huayuan Trading Co., Ltd.", "Ningbo Ocean Logistics Co., Ltd."),
    ("Acme GmbH", "Apex LLC"),
])
def test_different_companies_stay_apart(a: str, b: str) -> None:
    assert name_similarity(a, b) < 0.7


def test_legal_suffixes_are_stripped() -> None:
    assert name_key("宁波海洋物流股份有限公司") == name_key("宁波海洋物流")
    assert name_key("Nordwind GmbH") == name_key("Nordwind") == "nordwind"
    assert name_key("Blue Harbor, Inc.") == name_key("BLUE HARBOR")


def test_customer_index_finds_legal_english_and_alias_names() -> None:
    customers = [
        Customer(code="C001", name="上海华源贸易有限公司", name_en="Shanghai Huayuan Trading Co., Ltd.",
                 aliases=["华源贸易"]),
        Customer(code="C002", name="宁波海洋物流有限公司", name_en="Ningbo Ocean Logistics Co., Ltd."),
        Customer(code="C003", name="Nordwind GmbH", country="DE"),
    ]
    index = CustomerIndex.build(customers)
    assert index.lookup("SHANGHAI HUAYUAN TRADING CO LTD")[0].customer_code == "C001"
    assert index.lookup("上海华源贸易有限公")[0].customer_code == "C001"
    alias = index.lookup("华源贸易")[0]
    assert (alias.customer_code, alias.via) == ("C001", "alias")
    assert index.lookup("NORDWIND GMBH")[0].customer_code == "C003"
    assert index.lookup("Nordwnd GmbH")[0].customer_code == "C003"  # one letter off
    assert index.lookup("Totally Unknown Payer Ltd") == []
    # learning: a new alias is used at once
    customers[1].aliases.append("NB OCEAN")
    index.add(customers[1])
    assert index.lookup("NB Ocean")[0].customer_code == "C002"


@pytest.fixture
def refs() -> ReferenceIndex:
    index = ReferenceIndex()
    for ref, target in [("INV-2026-000123", "inv1"), ("26442000000012345678", "inv2"), ("WS20260042", "ord1"),
                        ("PI-00456", "ord2"), ("3809112233445566", "mp1"), ("INV-2026-000987", "inv3")]:
        index.add(ref, target)
    return index


@pytest.mark.parametrize(("memo", "target", "how"), [
    ("货款 INV2026000123", "inv1", "exact"),
    ("payment for inv-2026-000123 thanks", "inv1", "exact"),
    ("ＩＮＶ－２０２６－０００１２３", "inv1", "exact"),                # full width
    ("付WS20260O42货款", "ord1", "exact"),                             # letter O typed for zero
    ("PI456 deposit 30%", "ord2", "digits"),                           # leading zeros dropped
    ("发票2644200000001234", "inv2", "truncated"),                     # cut by the bank
    ("order 3809112233445567", "mp1", "one char off"),                 # mistyped digit
    ("order 380911233445566", "mp1", "one char off"),                  # dropped digit
    ("WS2026042", "ord1", "one char off"),
    ("发票号26442000000012345687", "inv2", "one char off"),           # two neighbours swapped
    ("26442000000021345678", "inv2", "one char off"),                 # swapped in the middle
])
def test_memo_references_are_found(refs: ReferenceIndex, memo: str, target: str, how: str) -> None:
    hits = {h.target: h for h in refs.lookup_memo(memo)}
    assert target in hits, (memo, memo_tokens(memo))
    assert hits[target].how == how


def test_memo_without_references_names_nothing(refs: ReferenceIndex) -> None:
    assert refs.lookup_memo("货款 thanks 12.50") == []
    assert refs.lookup_memo("") == []


def test_customer_lookup_honours_min_score_and_limit_on_a_repeated_name() -> None:
    """The lookup cache is per (name, min_score, limit): a stricter second call is not answered by a looser first."""
    customers = [Customer(code=f"C{n}", name=f"Nordwind Trading {n} GmbH") for n in range(1, 6)]
    index = CustomerIndex.build(customers)
    loose = index.lookup("Nordwind Tradng GmbH", min_score=0.5, limit=5)
    assert len(loose) >= 2
    assert len(index.lookup("Nordwind Tradng GmbH", min_score=0.5, limit=1)) == 1
    strict = index.lookup("Nordwind Tradng GmbH", min_score=0.99, limit=5)
    assert all(h.score >= 0.99 for h in strict) and len(strict) < len(loose)


def _one_edit_variants(ref: str, alphabet: str = "0179AOZ") -> list[str]:
    """Every string one edit from ``ref``: a character replaced, dropped, inserted, or two neighbours swapped."""
    out = {ref[:i] + ref[i + 1:] for i in range(len(ref))}
    out |= {ref[:i] + ref[i + 1] + ref[i] + ref[i + 2:] for i in range(len(ref) - 1)}
    out |= {ref[:i] + ch + ref[i + (k == "r"):] for i in range(len(ref) + 1) for ch in alphabet for k in "ri"}
    return sorted(out - {ref})


def test_one_char_off_same_whether_spelled_out_or_from_deletion_buckets(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two ways of finding references one edit off in their tail (spelling out the token's variants, or
    buckets of every deletion of every tail, built once spelling has cost as much) name the same items."""
    from matchers import references

    numbers = ([f"2644200000001{n:07d}" for n in range(1000, 1600, 3)] + [f"INV-2026-{n:06d}" for n in range(90, 160)]
               + [f"HR-PI26{n:04d}" for n in range(10, 40)] + ["WS20260042", "PI-00456", "A1B2C3", "MP-2026462291"])
    tokens = [v for ref in numbers[::13] + numbers[-4:] for v in _one_edit_variants(normalize_ref(ref))]
    found = {}
    for budget in (10**9, 0):  # never build the buckets / build them at the first look-up
        monkeypatch.setattr(references, "SPELL_BUDGET", budget)
        index = ReferenceIndex()
        for n, ref in enumerate(numbers):
            index.add(ref, n)
        found[budget] = [sorted((h.target, h.how) for h in index.lookup(t)) for t in tokens]
        assert (index._tails is None) == (budget > 0)
    assert found[0] == found[10**9]
    assert sum(any(how == "one char off" for _, how in hits) for hits in found[0]) > 1000
