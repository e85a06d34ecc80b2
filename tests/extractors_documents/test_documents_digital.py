"""Receipts and packing lists from digital PDFs, kind detection, and the file-level entry points."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.documents import extract_document, extract_documents, read_words
from extractors.documents.classify import classify
from extractors.pdfwords import read_pdf
from hub.errors import InputError


def assert_receipt_matches(rc: dict, record) -> None:
    data = record.model_dump()
    wrong = {}
    for key, expected in rc.items():
        got = data.get(key)
        if isinstance(expected, Decimal):
            ok = got == expected
        elif key.endswith("_account"):
            ok = str(got) == expected.replace(" ", "")
        else:
            ok = str(got) == str(expected)
        if not ok:
            wrong[key] = (expected, got)
    assert not wrong, wrong


def assert_packing_list_matches(pl: dict, record) -> None:
    data = record.model_dump()
    for key in ("number", "invoice_number", "seller_name", "buyer_name", "total_cartons", "total_net_weight_kg",
                "total_gross_weight_kg"):
        assert str(data[key]) == str(pl[key]), key
    assert str(data["issue_date"]) == pl["issue_date"]
    assert len(data["lines"]) == len(pl["lines"])
    for exp, got in zip(pl["lines"], data["lines"], strict=True):
        for key in ("description", "quantity", "unit", "cartons", "net_weight_kg", "gross_weight_kg"):
            assert str(got[key]) == str(exp[key]), (exp["line_no"], key, exp[key], got[key])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bank_receipt_digital(docs, tmp_path: Path, seed: int) -> None:
    rc = docs.make_receipt(seed)
    pdf = docs.render_receipt(rc, tmp_path / "r.pdf")
    result = extract_document(pdf)
    assert result.kind == "receipt" and not result.ocr
    assert_receipt_matches(rc, result.record)
    assert result.warnings == []
    assert result.confidence["amount"] >= 0.99  # figure and 大写 agree


# label sets of banks whose receipts label every field in full (as printed by, e.g., 建设银行, 兴业银行 and
# 宁波银行 / 华夏银行 receipts): payer name, account, bank; payee the same; amount in words and figures;
# transaction id; receipt number; date; memo
FULL_LABELS = {
    "full": ("付款人账户名称", "付款人账号", "付款人开户行名称", "收款人账户名称", "收款人账号", "收款人开户行名称",
             "大写金额", "小写金额", "交易流水号", "回单编号", "记账日期", "摘要"),
    "short": ("付款名称", "付款账号", "付款行", "收款名称", "收款账号", "收款行", "金额（大写）", "金额（小写）",
              "会计流水号", "回单编码", "交易日期", "用途"),
    "bank-names": ("付款人名称", "付款人账号", "付款行行名", "收款人名称", "收款人账号", "收款行行名", "大写",
                   "交易金额", "网银流水号", "电子回单编号", "委托日期", "附言"),
}


@pytest.mark.parametrize("style", sorted(FULL_LABELS))
def test_receipt_with_one_label_per_field(docs, tmp_path: Path, style: str) -> None:
    """Bank layouts the generator does not make: no 付款人/收款人 blocks, every field labelled on its own,
    two columns, the amount figure without a currency sign."""
    from extractors.parse import amount_to_chinese_upper

    labels = FULL_LABELS[style]
    rc = docs.make_receipt(5)
    values = (rc["payer_name"], rc["payer_account"], rc["payer_bank"], rc["payee_name"], rc["payee_account"],
              rc["payee_bank"], "人民币" + amount_to_chinese_upper(rc["amount"]), docs.money(rc["amount"]),
              rc["transaction_id"], rc["receipt_no"], rc["value_date"], rc["memo"])
    pdf = docs.Pdf(tmp_path / "r.pdf", (600, 320))
    pdf.text(300, 20, f"{rc['bank']}单位客户专用回单", 14, "center")
    for i in range(6):
        pdf.text(30, 60 + i * 24, f"{labels[2 * i]}：{values[2 * i]}", 9)
        pdf.text(320, 60 + i * 24, f"{labels[2 * i + 1]}：{values[2 * i + 1]}", 9)
    pdf.save()
    result = extract_document(tmp_path / "r.pdf")
    assert result.kind == "receipt"
    assert_receipt_matches(rc, result.record)
    assert result.confidence["amount"] >= 0.99


def test_receipt_whose_uppercase_disagrees_warns(docs, tmp_path: Path) -> None:
    rc = docs.make_receipt(9)
    pdf = docs.render_receipt(rc, tmp_path / "r.pdf")
    words = [w for p in read_pdf(pdf) for w in p.words]
    # the printed figure altered after rendering: swap the amount word for a different one
    fig = next(w for w in words if "¥" in w.text)
    altered = [w if w is not fig else type(w)(fig.text.replace("¥", "¥1"), fig.x0, fig.y0, fig.x1, fig.y1)
               for w in words]
    result = read_words(altered, "receipt", source="r.pdf")
    assert any("大写" in w for w in result.record.warnings)
    assert result.confidence["amount"] < 0.9


def test_packing_list_digital(docs, tmp_path: Path) -> None:
    pl = docs.make_packing_list(4, n_lines=3)
    pdf = docs.render_packing_list(pl, tmp_path / "pl.pdf")
    result = extract_document(pdf)
    assert result.kind == "packing_list"
    assert_packing_list_matches(pl, result.record)
    assert result.warnings == []


def test_classify_tells_the_kinds_apart(docs, tmp_path: Path) -> None:
    made = {
        "invoice": docs.render_vat_e_invoice(docs.make_invoice(1), tmp_path / "a.pdf"),
        "receipt": docs.render_receipt(docs.make_receipt(1), tmp_path / "b.pdf"),
        "packing_list": docs.render_packing_list(docs.make_packing_list(1), tmp_path / "c.pdf"),
    }
    made["commercial"] = docs.render_commercial_invoice(docs.make_invoice(2, kind="commercial"), tmp_path / "d.pdf")
    for kind, pdf in made.items():
        words = [w for p in read_pdf(pdf) for w in p.words]
        assert classify(words) == ("invoice" if kind == "commercial" else kind)


def test_batch_goes_on_after_bad_files(docs, tmp_path: Path) -> None:
    good = docs.render_receipt(docs.make_receipt(5), tmp_path / "good.pdf")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    letter = tmp_path / "letter.pdf"
    pdf = docs.Pdf(letter, (600, 400))
    pdf.text(40, 40, "Dear customer, thank you for your visit last week.", 12)
    pdf.save()
    results = extract_documents([empty, good, letter, tmp_path / "notes.txt"], workers=1)
    assert isinstance(results[0], InputError) and "empty" in str(results[0])
    assert results[1].kind == "receipt"
    assert isinstance(results[2], InputError) and "not recognised" in str(results[2])
    assert isinstance(results[3], InputError) and "notes.txt" in str(results[3])


def test_group_pages_joins_page_scans_of_one_document(tmp_path: Path) -> None:
    from extractors.documents import group_pages

    names = ["CI_7_p2.jpg", "a.pdf", "CI_7_p1.jpg", "r.png", "CI_8-page1.png"]
    grouped = group_pages([tmp_path / n for n in names])
    assert grouped == [[tmp_path / "CI_7_p1.jpg", tmp_path / "CI_7_p2.jpg"], tmp_path / "a.pdf", tmp_path / "r.png",
                       tmp_path / "CI_8-page1.png"]

