"""Receipt payer names and invoice tax ids on documents drawn here by hand (reportlab, points from the page
top) in layouts the generator never made: a name wrapped over two lines of its grid cell, a romanised or
full-width name drawn across its cell's border, a name printed with letter spacing (its blanks only in the
gaps), and a buyer's ABN / GSTIN printed with its scheme word under a ``Buyer Tax ID`` heading."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from extractors.documents import extract_document
from extractors.parse.taxids import check_tax_id
from extractors.words import Glyph, words_from_glyphs

ROMANISED = ["NINGBO BEILUN RUIFENG JIDIAN SHEBEI YOUXIAN GONGSI", "WENZHOU OUHAI JINDING WUJIN MAOYI YOUXIAN GONGSI",
             "DONGGUAN CHANG'AN HUALI SUJIAO ZHIPIN YOUXIAN GONGSI", "QINGDAO HAIXIN GANGKOU WULIU FUWU YOUXIAN GONGSI"]
BRANCHES = ["中国农业银行股份有限公司温州市瓯海区娄桥支行营业部", "交通银行股份有限公司宁波市北仑区新碶街道支行营业部",
            "招商银行股份有限公司东莞市长安镇乌沙社区支行营业部"]
PAYEE = "苏州恒锐精密五金制品有限公司"
SIZE = 8.0
#: The width a value has in the grid receipt's cells (cell less padding).
CELL = 189.0


@pytest.fixture(autouse=True)
def _font(docs) -> None:
    """The CJK font registered before any width is measured."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "wqy" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("wqy", docs.FONT, subfontIndex=0))


def _fit(text: str, width: float, size: float = SIZE) -> list[str]:
    """Greedy wrap as a cell does it: Latin at blanks, Chinese at any character."""
    lines, cur = [], ""
    tokens = list(text) if any("\u4e00" <= ch <= "\u9fff" for ch in text) else [t + " " for t in text.split()]
    for tok in tokens:
        if cur and stringWidth((cur + tok).rstrip(), "wqy", size) > width:
            lines.append(cur.rstrip())
            cur = ""
        cur += tok
    return lines + [cur.rstrip()]


def _vline(pdf, x: float, y0: float, y1: float) -> None:
    pdf.c.line(x, pdf.h - y0, x, pdf.h - y1)


def _spaced(pdf, x: float, y: float, text: str, size: float, tracking: float) -> float:
    """Draw ``text`` with ``tracking`` points between its characters (PDF character spacing); returns its end."""
    t = pdf.c.beginText()
    t.setFont("wqy", size)
    t.setCharSpace(tracking)
    t.setTextOrigin(x, pdf.h - y - size)
    t.textOut(text)
    pdf.c.drawText(t)
    return x + stringWidth(text, "wqy", size) + tracking * len(text)


def _grid_receipt(docs, path: Path, payer: str, payer_bank: str, *, name_at=None) -> Path:
    """A 付款回单-like grid: two columns (付款方 / 收款方) of 户名/账号/开户行 rows, each value in its cell
    (4 points of padding) wrapped onto a second line (leading 1.15) when it does not fit, then amount, date
    and serial rows across the page. ``name_at(pdf, x, y)`` draws the payer name instead."""
    pdf = docs.Pdf(path, (595.0, 400.0))
    pdf.text(297, 24, "宁波银行 业务回单（付款）", 14, "center")
    pdf.text(40, 50, "回单编号：NB2026041800731", 8)
    x0, y0, row = 40.0, 66.0, 26.0
    pdf.rect(x0, y0, 515, row * 6)
    for i in range(1, 6):
        pdf.hline(x0, x0 + 515, y0 + row * i)
    mid = x0 + 257.5
    for x in (x0 + 60, mid, mid + 60):
        _vline(pdf, x, y0, y0 + row * 3)
    sides = ((x0, (payer, "6228 4800 1234 5678 912", payer_bank), "付款方"),
             (mid, (PAYEE, "1102 0201 0900 0123 456", "中国工商银行苏州工业园区支行"), "收款方"))
    for left, values, heading in sides:
        for i, (label, value) in enumerate(zip(("户名", "账号", "开户行"), values, strict=True)):
            pdf.text(left + 4, y0 + row * i + 4, f"{heading[:2]}{label}", 8)
            if name_at is not None and left == x0 and i == 0:
                name_at(pdf, left + 64, y0 + 4)
                continue
            for k, piece in enumerate(_fit(value, CELL)):
                pdf.text(left + 64, y0 + row * i + 4 + k * SIZE * 1.15, piece, SIZE)
    rows = [("金额", "人民币壹万贰仟叁佰肆拾伍元陆角柒分    ¥12,345.67"), ("交易日期", "2026-04-18"),
            ("交易流水号", "A7731904182211")]
    for i, (label, value) in enumerate(rows):
        pdf.text(x0 + 4, y0 + row * (3 + i) + 8, label, 8)
        pdf.text(x0 + 64, y0 + row * (3 + i) + 8, value, 8)
    pdf.save()
    return path


def _row_receipt(docs, path: Path, name_at, border: float = 560.0) -> Path:
    """A 收款回单-like table of one label cell and one value cell per row, the value cells ending at
    ``border``; ``name_at(pdf, x, y)`` draws the payer's name in its cell."""
    pdf = docs.Pdf(path, (595.0, 320.0))
    pdf.text(297, 24, "某某银行收款回单", 14, "center")
    rows = [("付款人", None), ("付款账号", "6228 4800 1234 5678 912"), ("收款人", PAYEE),
            ("收款账号", "1102 0201 0900 0123 456"), ("交易金额", "CNY 12,345.67"),
            ("金额大写", "人民币壹万贰仟叁佰肆拾伍元陆角柒分"), ("交易日期", "2026年04月18日"), ("业务流水号", "A7731904182211")]
    y = 50.0
    for label, value in rows:
        pdf.rect(40, y, 80, 18)
        pdf.rect(120, y, border - 120, 18)
        pdf.text(44, y + 5, label, 8)
        if value is None:
            name_at(pdf, 124, y + 5)
        else:
            pdf.text(124, y + 5, value, 8)
        y += 18
    pdf.save()
    return path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_name_wrapped_in_its_cell_is_read_whole(docs, tmp_path: Path, our_companies, seed: int) -> None:
    our_companies(PAYEE)
    rng = random.Random(seed)
    payer, bank = rng.choice(ROMANISED), rng.choice(BRANCHES)
    assert len(_fit(payer, CELL)) == 2 and len(_fit(bank, CELL)) == 2  # both really wrap
    result = extract_document(_grid_receipt(docs, tmp_path / "r.pdf", payer, bank))
    rec = result.record
    assert rec.payer_name == payer and result.confidence["payer_name"] >= 0.9
    assert rec.payer_bank == bank
    assert rec.payee_name == PAYEE and rec.payer_account == "6228480012345678912"
    assert rec.amount == Decimal("12345.67") and rec.transaction_id == "A7731904182211"


def test_a_short_name_does_not_take_the_line_below(docs, tmp_path: Path, our_companies) -> None:
    """Under a name that ends well before its cell does, an unlabelled line aligned with it (an address, a
    note) is not part of it: its first word would have fitted."""
    our_companies(PAYEE)

    def name_and_note(pdf, x: float, y: float) -> None:
        pdf.text(x, y, "ACME TRADING LTD", SIZE)
        pdf.text(x, y + SIZE * 1.15, "ROOM 1203 TOWER B", SIZE)

    result = extract_document(_grid_receipt(docs, tmp_path / "r.pdf", "", BRANCHES[0], name_at=name_and_note))
    assert result.record.payer_name == "ACME TRADING LTD"


@pytest.mark.parametrize("full_width", [False, True])
def test_a_name_drawn_across_its_cell_border_keeps_its_words(docs, tmp_path: Path, our_companies,
                                                             full_width: bool) -> None:
    """A name too long for its cell overflows the border: the ruling line crosses a letter, which splits no
    word (``GONG SI``, ``GO NGSI`` before)."""
    our_companies(PAYEE)
    name = "HANGZHOU CHUANGLI QICHE LINGBUJIAN YOUXIAN GONGSI"
    printed = "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in name) if full_width else name

    end = 124 + stringWidth(printed, "wqy", SIZE)
    border = end - (14 if full_width else 6)  # the cell's border crosses the last word

    def across(pdf, x: float, y: float) -> None:
        pdf.text(x, y, printed, SIZE)

    assert border < 590
    result = extract_document(_row_receipt(docs, tmp_path / "r.pdf", across, border=border))
    assert result.record.payer_name == name and result.confidence["payer_name"] >= 0.9


def test_a_ruling_line_between_two_touching_cells_still_splits() -> None:
    """Two cells' texts touching at their border (no gap) stay two words; a border through a glyph does not split."""
    a = [Glyph(ch, 100 + 5 * i, 10, 105 + 5 * i, 18, 8) for i, ch in enumerate("ABCD")]
    b = [Glyph(ch, 120 + 5 * i, 10, 125 + 5 * i, 18, 8) for i, ch in enumerate("EF")]
    assert [w.text for w in words_from_glyphs(a + b, rules=[(120.0, 5, 25)])] == ["ABCD", "EF"]
    assert [w.text for w in words_from_glyphs(a + b, rules=[(117.5, 5, 25)])] == ["ABCDEF"]


@pytest.mark.parametrize("tracking", [1.8, 2.6, 3.4])
def test_a_letter_spaced_name_is_rejoined(docs, tmp_path: Path, our_companies, tracking: float) -> None:
    """Character spacing puts a gap after every letter, wider than a word gap of normal text: the letters
    of each word are joined by the stretch's own spacing, words split where the gap exceeds it."""
    our_companies(PAYEE)
    name = "WENZHOU OUHAI JINDING MAOYI GONGSI"

    def spaced(pdf, x: float, y: float) -> None:
        _spaced(pdf, x, y, name, SIZE, tracking)

    result = extract_document(_row_receipt(docs, tmp_path / "r.pdf", spaced))
    assert result.record.payer_name == name and result.confidence["payer_name"] >= 0.9


def test_letter_spaced_words_placed_without_blanks(docs, tmp_path: Path, our_companies) -> None:
    """Words drawn one by one (no blank glyph), letter-spaced: a clear word gap splits; a gap barely above
    the letter spacing is a doubtful blank: the name is not reported with high confidence."""
    our_companies(PAYEE)
    tracking = 2.2

    def placed(gaps: list[float]):
        def draw(pdf, x: float, y: float) -> None:
            for word, gap in zip(["JINDING", "WUJIN", "MAOYI"], gaps + [0.0], strict=True):
                x = _spaced(pdf, x, y, word, SIZE, tracking) + gap
        return draw

    clear = extract_document(_row_receipt(docs, tmp_path / "a.pdf", placed([3.2, 3.2])))
    assert clear.record.payer_name == "JINDING WUJIN MAOYI" and clear.confidence["payer_name"] >= 0.9
    doubtful = extract_document(_row_receipt(docs, tmp_path / "b.pdf", placed([1.4, 3.2])))
    assert doubtful.confidence.get("payer_name", 0) < 0.9


def _abn(rng: random.Random) -> str:
    """A random ABN that passes its mod-89 check, printed as ``NN NNN NNN NNN``."""
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    while True:
        tail = [rng.randint(0, 9) for _ in range(9)]
        for head in range(10, 100):
            digits = [head // 10 - 1, head % 10, *tail]
            if sum(d * w for d, w in zip(digits, weights, strict=True)) % 89 == 0:
                s = f"{head}{''.join(map(str, tail))}"
                return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"


def _grid_invoice(docs, path: Path, buyer_tax: str, heading: str = "Buyer Tax ID") -> Path:
    """An English invoice whose terms sit in a grid of headings over values: the buyer's tax id in its own
    cell under ``Buyer Tax ID``, printed with its scheme word."""
    pdf = docs.Pdf(path, (595.0, 842.0))
    pdf.text(40, 40, "Ningbo Mingda Hardware Co., Ltd.", 14)
    pdf.text(40, 60, "No. 88 Zhongshan West Road, Ningbo, China", 9)
    pdf.text(297, 90, "COMMERCIAL INVOICE", 16, "center")
    pdf.text(40, 120, "Buyer:", 9)
    pdf.text(40, 134, "Sunrise Engineering Pty Ltd", 9)
    pdf.text(40, 148, "12 Hay Street, Perth WA 6000, Australia", 9)
    pdf.text(360, 120, "Invoice No.: CI-2026-0417", 9)
    pdf.text(360, 134, "Date: Apr 17, 2026", 9)
    grid = [("Incoterms", "FOB Ningbo"), ("Payment", "T/T 30 days"), (heading, buyer_tax)]
    for i, (head, value) in enumerate(grid):
        pdf.rect(40 + 170 * i, 170, 170, 36)
        pdf.text(44 + 170 * i, 174, head, 9)
        pdf.text(44 + 170 * i, 190, value, 9)
    y = 230
    for x, label in ((40, "No."), (70, "Description"), (330, "Quantity"), (420, "Unit Price"), (500, "Amount")):
        pdf.text(x, y, label, 9)
    for x, v in ((40, "1"), (70, "Hex Head Bolt M16x60"), (330, "500"), (420, "USD 0.40"), (500, "USD 200.00")):
        pdf.text(x, y + 20, v, 9)
    pdf.text(420, y + 50, "Total:", 9)
    pdf.text(500, y + 50, "USD 200.00", 9)
    pdf.save()
    return path


@pytest.mark.parametrize("seed", [5, 6])
def test_a_buyer_abn_under_its_heading_is_the_buyers(docs, tmp_path: Path, our_companies, seed: int) -> None:
    our_companies("Ningbo Mingda Hardware Co., Ltd.")
    abn = f"ABN {_abn(random.Random(seed))}"
    result = extract_document(_grid_invoice(docs, tmp_path / "i.pdf", abn))
    inv = result.record
    assert inv.buyer_tax_id == abn and result.confidence["buyer_tax_id"] >= 0.9
    assert inv.seller_tax_id is None  # not printed: never the buyer's id on our side


@pytest.mark.parametrize("heading", ["Buyer.Tax ID", "Buyer Tax.ID", "BUYER.TAX.ID"])
def test_a_dot_read_for_a_blank_inside_the_heading(docs, tmp_path: Path, our_companies, heading: str) -> None:
    """A scan reads a dot for the blank between two words of a label (``Buyer.Tax ID``): still the buyer's
    heading, so the id under it is the buyer's and never given to the seller."""
    our_companies("Ningbo Mingda Hardware Co., Ltd.")
    abn = f"ABN {_abn(random.Random(7))}"
    result = extract_document(_grid_invoice(docs, tmp_path / "i.pdf", abn, heading))
    assert result.record.buyer_tax_id == abn and result.confidence["buyer_tax_id"] >= 0.9
    assert result.record.seller_tax_id is None


@pytest.mark.parametrize("printed", ["GSTIN 27AAPFU0939F1ZV", "EIN 12-3456789"])
def test_other_schemes_under_the_heading(docs, tmp_path: Path, our_companies, printed: str) -> None:
    our_companies("Ningbo Mingda Hardware Co., Ltd.")
    result = extract_document(_grid_invoice(docs, tmp_path / "i.pdf", printed))
    assert result.record.buyer_tax_id == printed and result.record.seller_tax_id is None


def test_an_abn_failing_its_check_is_left_for_review(docs, tmp_path: Path, our_companies) -> None:
    our_companies("Ningbo Mingda Hardware Co., Ltd.")
    good = _abn(random.Random(9))
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(ValueError):
        check_tax_id(f"ABN {bad}")
    result = extract_document(_grid_invoice(docs, tmp_path / "i.pdf", f"ABN {bad}"))
    assert result.record.buyer_tax_id == f"ABN {bad}" and result.confidence["buyer_tax_id"] < 0.9


@pytest.mark.parametrize(("text", "valid"), [("ABN 51 824 753 556", True), ("ABN 51 824 753 557", None),
                                             ("ABN 51 824 753 55", None), ("GSTIN: 27AAPFU0939F1ZA", None),
                                             ("51 824 753 557", False)])
def test_an_id_that_names_its_scheme_must_pass_it(text: str, valid: bool | None) -> None:
    """Named (``ABN ...``): the scheme's shape and check or an error; eleven bare digits that fail the ABN
    check may be another scheme's (kept, unknown shape)."""
    if valid is None:
        with pytest.raises(ValueError):
            check_tax_id(text)
    elif valid:
        assert check_tax_id(text).scheme == "AU_ABN"
    else:
        assert check_tax_id(text).scheme is None


def test_a_tax_id_on_our_side_that_is_not_ours_is_doubted(docs, tmp_path: Path, our_companies) -> None:
    """Our name decides that we are the seller; the id printed beside it is not one of the master's: it is
    not reported with high confidence (it may be the buyer's, or misread)."""
    rng = random.Random(12)
    ours = docs.uscc(rng)
    our_companies("Ningbo Mingda Hardware Co., Ltd.", tax_ids=(ours,))
    other = f"ABN {_abn(rng)}"
    pdf = docs.Pdf(tmp_path / "i.pdf", (595.0, 842.0))
    for y, text, size in ((40, "Ningbo Mingda Hardware Co., Ltd.", 14), (60, f"Seller Tax ID: {other}", 9),
                          (100, "COMMERCIAL INVOICE", 16), (130, "Bill To:", 9), (144, "Sunrise Engineering Pty Ltd", 9),
                          (130, "Invoice No.: CI-2026-0418", 9), (144, "Date: Apr 18, 2026", 9)):
        pdf.text(360 if text.startswith(("Invoice", "Date")) else 40, y, text, size)
    for x, label, v in ((40, "No.", "1"), (70, "Description", "Hex Head Bolt M16x60"), (330, "Quantity", "500"),
                        (420, "Unit Price", "USD 0.40"), (500, "Amount", "USD 200.00")):
        pdf.text(x, 190, label, 9)
        pdf.text(x, 210, v, 9)
    pdf.text(420, 240, "Total:", 9)
    pdf.text(500, 240, "USD 200.00", 9)
    pdf.save()
    result = extract_document(tmp_path / "i.pdf")
    assert result.record.seller_name == "Ningbo Mingda Hardware Co., Ltd."
    assert result.record.seller_tax_id == other and result.confidence["seller_tax_id"] < 0.9
    assert any("not one of ours" in w for w in result.warnings)


def test_full_width_letters_wrapped_anywhere_join_without_a_blank_but_doubted(docs, tmp_path: Path,
                                                                             our_companies) -> None:
    """Full-width letters wrap at any character, as Chinese does (``ＬＩＮＧ`` / ``ＢＵＪＩＡＮ``): the lines
    join without a blank, and since the break may have eaten one, the name is left for review."""
    our_companies(PAYEE)
    name = "HANGZHOU CHUANGLI QICHE LINGBUJIAN YOUXIAN GONGSI"
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in name)
    lines, cur = [], ""
    for ch in wide:  # break anywhere
        if cur and stringWidth(cur + ch, "wqy", SIZE) > CELL:
            lines.append(cur)
            cur = ""
        cur += ch
    lines.append(cur)
    assert len(lines) == 2 and lines[0][-1] != " " and lines[1][0] != " "  # broken inside a word

    def two_lines(pdf, x: float, y: float) -> None:
        for k, piece in enumerate(lines):
            pdf.text(x, y + k * SIZE * 1.15, piece, SIZE)

    result = extract_document(_grid_receipt(docs, tmp_path / "r.pdf", "", BRANCHES[0], name_at=two_lines))
    assert result.record.payer_name == name and result.confidence["payer_name"] < 0.9


@pytest.mark.parametrize(("parts", "joined"), [
    (["Z型 120x50x2.5mm", "喷塑"], "Z型 120x50x2.5mm 喷塑"),  # the cell puts blanks before Chinese
    (["U型", "100x40x40x3mm 镀锌"], "U型 100x40x40x3mm 镀锌"),
    (["漫反射 检测距离", "300mm"], "漫反射 检测距离300mm"),  # no habit to go by: Chinese usage, no blank
    (["Φ8x300mm 三线制", "带变送器"], "Φ8x300mm 三线制带变送器"),  # between Chinese words: none
    (["*机械设备*精密直线导轨", "滑块组件"], "*机械设备*精密直线导轨滑块组件"),
    (["Linear guide rail with carriage", "block HGH20CA"], "Linear guide rail with carriage block HGH20CA")])
def test_a_wrapped_table_cell_keeps_its_blanks_by_its_own_habit(parts: list[str], joined: str) -> None:
    from extractors.layout import join_wrapped

    assert join_wrapped(parts) == joined
