"""Text that is not the value next to it, on scans of issue 14's new-seed receipts (bench/RESULTS.md, branch
``scans3``): each receipt is the family set's own (``generate_family_set(seed=11)``: the bench's sets use seed 7),
rendered, scanned and read through the real OCR.

- a vertical heading's last character that OCR read on its own (``付款`` in one tall box, then ``人``) is
  part of the heading, not of the bank name beside it (``...苏州工业园区支行 人``);
- a seal's ring text read top to bottom (``有限公司`` in one tall box) between a label and its value is passed
  over (``有 支付信诚自动尾款 ...``);
- a footer (``打印时间:... 验证码:...``) under a memo label whose cell is empty is not the memo;
- a seal's text taller than the text beside a memo label (``电子回单专`` of 电子回单专用章) is not the memo's;
- a full stop OCR read for a blank (``Payment for.Invoice``) is a blank, a comma read for an abbreviation's dot
  (``N,A.``) a dot, both doubted; a printed ``NO.HR23`` or ``CO.,LTD`` is left as it is;
- a transaction id whose bilingual label's English half OCR misread (``业务流水号Referenice No.``) is the number
  further right on the line, doubted (before, the receipt number stood in for it: a digit short).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.documents import extract_document
from extractors.ocr.blanks import punctuation_for_blanks
from extractors.words import Word

RECEIPTS = ["icbc_e", "boc_bilingual", "sides_e", "memo_invoice", "ccb_unit"]


@pytest.fixture(scope="module")
def receipts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The new-seed receipt set's scans (up to the 14th of a family), with their truth."""
    from fixtures.generator.family_set import generate_family_set

    root = tmp_path_factory.mktemp("rcpt11")
    truth = generate_family_set(root, seed=11, per_family=14, scans=1.0, only=RECEIPTS)
    return root, truth["documents"]


def _read(receipts: tuple[Path, dict], name: str) -> tuple[dict, object]:
    root, docs = receipts
    return docs[name]["fields"], extract_document(root / name)


def test_a_vertical_headings_last_character_is_not_part_of_the_bank(receipts) -> None:
    """icbc_e: OCR reads ``付款`` as one tall box and ``人`` under it as a box of its own, overlapping the
    split box's last character; the run is the heading 付款人, so the payee's bank beside it ends at 支行."""
    expected, result = _read(receipts, "receipts/icbc_e/scans/icbc_e_006.jpg")
    assert result.record.payee_bank == expected["payee_bank"] == "中国工商银行股份有限公司苏州工业园区支行"


def test_a_seals_ring_text_between_label_and_memo_is_passed_over(receipts) -> None:
    """boc_bilingual: the seal's ``有限公司`` (one box five text heights tall) crosses the memo's line between
    ``附言 Remarks`` and the memo; its 有 is not the memo's first word."""
    expected, result = _read(receipts, "receipts/boc_bilingual/scans/boc_bilingual_013.png")
    assert result.record.memo == expected["memo"] == "支付信诚自动尾款 WS20260117001"


def test_a_footer_under_an_empty_memo_cell_is_not_the_memo(receipts) -> None:
    """sides_e: 摘要 printed with no memo; the line under it is the footer ``打印时间:... 验证码:...`` (打印时间
    misread ``打邮间``), two labelled values: no memo is read."""
    expected, result = _read(receipts, "receipts/sides_e/scans/sides_e_004.jpg")
    assert expected["memo"] == ""
    assert not result.record.memo


def test_a_transaction_id_past_its_labels_misread_english_half(receipts) -> None:
    """boc_bilingual: ``业务流水号Referenice No.`` then the id; the text right of 业务流水号 has no digit, the id
    is the next text on the line (not the receipt number, one digit shorter), below 0.9."""
    expected, result = _read(receipts, "receipts/boc_bilingual/scans/boc_bilingual_013.png")
    assert result.record.transaction_id == expected["transaction_id"] == "202603020002178223"
    assert result.record.receipt_no != result.record.transaction_id
    assert result.confidence["transaction_id"] < 0.9


def test_a_seals_phrase_beside_the_memo_label_is_not_the_memos(receipts) -> None:
    """sides_e: the seal's ``电子回单专`` (twice the text's height, under the 2.5 of a seal's ring text) crosses
    摘要's line; it reads a piece of 电子回单专用章, so it is the seal's."""
    expected, result = _read(receipts, "receipts/sides_e/scans/sides_e_001.png")
    assert result.record.memo == expected["memo"] == "PAYMENT FOR INV NO.HR23E0014"


def test_punctuation_read_for_a_blank_is_put_back(receipts) -> None:
    """memo_invoice: ``Payment for.Invoice No. 92399575``; ccb_unit: ``JPMORGAN CHASE BANK N,A. NEW YORK``:
    the scan's value is the printed one, below 0.9."""
    for name, field in (("receipts/memo_invoice/scans/memo_invoice_006.jpg", "memo"),
                        ("receipts/ccb_unit/scans/ccb_unit_005.jpg", "payer_bank")):
        expected, result = _read(receipts, name)
        assert getattr(result.record, field) == expected[field], name
        assert result.confidence[field] < 0.9, name


def test_printed_punctuation_is_left_as_printed() -> None:
    """Only a full stop between two words with no blank after it (lower-case before a capitalised word, or two
    capitals-only words of 4 letters or more) and a comma between two single capitals before a dot change."""
    def read(text: str) -> Word:
        return punctuation_for_blanks(Word(text, 0, 0, 200, 20, 0.99, 1, tuple(range(len(text.replace(" ", ""))))))

    for text in ("PAYMENT FOR INV NO.HR23E0014", "SHANGHAI XINDA CO.,LTD", "Citibank, N.A.", "e.g. Foo",
                 "www.example.com", "Inv.No 12", "U.S.A."):
        assert read(text).text == text and read(text).confidence == 0.99
    for text, fixed in (("CHANGZHOU.XINDA MACHINERY CO.,LTD", "CHANGZHOU XINDA MACHINERY CO.,LTD"),
                        ("Buyer.Tax ID 买方税号", "Buyer Tax ID 买方税号"), ("BANK N,A. NEW YORK", "BANK N.A. NEW YORK")):
        word = read(text)
        assert word.text == fixed and word.confidence == 0.85
        assert len(word.char_x) == len(fixed.replace(" ", ""))
