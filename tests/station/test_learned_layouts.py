"""A reviewer's correction teaches where an issuer prints a field: the next document of that issuer is read
there without review, another issuer's is not. Real PDFs (reportlab), the real extractor, a real SQLite
store, the library call the station makes (and the station itself in chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from extractors.documents.learned import label_near, with_label
from extractors.pdfwords import read_pdf
from extractors.pipeline import Options, Outcome, extract_paths
from hub.layouts import issuer_keys, learned_for
from hub.records import Invoice, SourceFile
from hub.review import Correction, confirm_document
from hub.settings import load_settings
from hub.store import Store
from hub.users import add_user
from station.pages import labelled


def issuer_invoice(path: Path, ref: str, *, seller: str = "Nordlicht Feinmechanik GmbH",
                   vat: str = "DE287654324", label: str = "Vorgang:", total: str = "2,480.00",
                   drop: float = 0.0) -> Path:
    """A German workshop's invoice that prints its number only beside ``Vorgang:`` (a word no label
    dictionary has for an invoice number); ``drop`` moves the reference line and the blocks below it
    down (mm), as a longer address block would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = Canvas(str(path), pagesize=(210 * mm, 297 * mm))
    c.setFont("Helvetica", 10)
    for x, y, text in [(20, 20, seller), (20, 26, "Hafenstrasse 8, 20457 Hamburg"), (20, 32, f"USt-IdNr.: {vat}"),
                       (140, 20, "INVOICE"), (140, 30, "Invoice Date: 14.03.2026"),
                       (140, 36 + drop, f"{label} {ref}"),
                       (20, 50 + drop, "Bill To: Suzhou Hengrui Precision Hardware Co., Ltd."),
                       (20, 70 + drop, "Description"), (150, 70 + drop, "Amount"),
                       (20, 78 + drop, "Calibration of spindle heads"), (150, 78 + drop, total),
                       (120, 100 + drop, "Total EUR"), (150, 100 + drop, total)]:
        c.drawString(x * mm, (297 - y) * mm, text)
    c.save()
    return path


def credit_advice(path: Path, ref: str, *, bank: str = "United Overseas Bank Limited") -> Path:
    """A bank's credit advice whose transaction reference is labelled ``Processing Code``, its colon
    printed apart from the label (points from the page top)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = Canvas(str(path), pagesize=(595, 842))
    items = [(40, 40, bank, 14), (40, 58, "80 Raffles Place, Singapore 048624", 8), (230, 95, "CREDIT ADVICE", 14),
             (400, 130, "Advice Date: 22/05/2026", 9)]
    y = 170
    for label, value in [("By Order Of", "KOWLOON PRECISION TRADING LTD"), ("Ordering Bank", "HANG SENG BANK LIMITED"),
                         ("Beneficiary", "Ningbo Beilun Ruifeng M&E Equipment Co., Ltd."),
                         ("Account Credited", "451-302-118-7"), ("Value Date", "21 May 2026"),
                         ("Remittance Amount", "USD 18,240.00"), ("Processing Code", ref),
                         ("Details of Payment", "SETTLEMENT OF ORDER 8812")]:
        items += [(40, y, label, 9), (170, y, ":", 9), (180, y, value, 9)]
        y += 18
    for x, y, text, size in items:
        c.setFont("Helvetica", size)
        c.drawString(x, 842 - y, text)
    c.save()
    return path


def cn_receipt(path: Path, serial: str, *, bank: str = "宁波银行") -> Path:
    """A Chinese 电子回单 whose serial number is labelled 业务编码 (no dictionary's word for a 流水号): the
    reader falls back to the receipt number, doubted."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "wqy" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("wqy", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
    path.parent.mkdir(parents=True, exist_ok=True)
    c = Canvas(str(path), pagesize=(595, 842))
    items = [(200, 40, f"{bank} 电子回单", 16), (40, 80, "回单编号:NB20260418-00731", 9),
             (400, 80, "记账日期:2026年04月18日", 9)]
    y = 110
    for label, value in [("付款人户名", "温州瓯海金鼎五金贸易有限公司"), ("付款人账号", "6217 0012 3400 5678 901"),
                         ("收款人户名", "宁波北仑瑞丰机电设备有限公司"), ("收款人账号", "3310 4199 6010 5000 2468"),
                         ("交易金额", "¥12,800.00"), ("金额大写", "人民币壹万贰仟捌佰元整"), ("业务编码", serial),
                         ("附言", "四月货款")]:
        items += [(40, y, label, 9), (140, y, value, 9)]
        y += 20
    for x, y, text, size in items:
        c.setFont("wqy", size)
        c.drawString(x, 842 - y - size, text)
    c.save()
    return path


def _store(tmp_path: Path) -> tuple[Store, object]:
    settings = load_settings(tmp_path / "home")
    return Store(settings=settings), settings


def _extract(store: Store, settings, path: Path) -> Outcome:
    [outcome] = extract_paths([path], settings, Options(kind="invoice"), store=store)
    return outcome


def _clicked(path: Path, text: str) -> tuple[int, tuple[float, float, float, float]]:
    """The page and box of the word a reviewer clicks (the station sends the text layer's box)."""
    for page in read_pdf(path):
        for w in page.words:
            if w.text == text:
                return page.number, (w.x0, w.y0, w.x1, w.y1)
    raise AssertionError(f"{text} not on {path}")


def _correct_number(store: Store, outcome: Outcome, number: str, *, by: str = "li") -> list[str]:
    """The station's path: the clicked box, the label beside it, confirm_document."""
    source = store.get(SourceFile, outcome.sha256)
    page, box = _clicked(Path(outcome.source), number)
    values = labelled(source, {"number": Correction(number, page, box)}, store.settings.home / "cache")
    assert values["number"].label == "Vorgang:" and values["number"].side == "right"
    return confirm_document(store, outcome.sha256, values, by=by).learned


def test_a_correction_teaches_the_issuers_label_and_the_next_invoice_needs_no_review(tmp_path: Path) -> None:
    store, settings = _store(tmp_path)
    first = _extract(store, settings, issuer_invoice(tmp_path / "a" / "NF-00417.pdf", "NF-26-00417"))
    assert first.status() == "needs_review" and first.needs_review() == ["number"]
    assert first.records[0].number is None                     # the reader does not know "Vorgang:"
    assert _correct_number(store, first, "NF-26-00417") == ["number"]
    learned = learned_for(store, "invoice", ["tax:DE287654324"])["number"]
    assert learned.label == "Vorgang:" and learned.side == "right" and learned.learned_by == "li"
    assert learned.box is not None and all(0 < v < 1 for v in learned.box)
    assert any(e.action == "layout:learned" and e.actor == "li"
               for e in store.history(("issuer", "invoice|tax:DE287654324")))

    # the same issuer's next invoice, another number, its reference line lower on the page: read by the label
    second = _extract(store, settings, issuer_invoice(tmp_path / "b" / "NF-00503.pdf", "NF-26-00503", drop=9))
    assert second.status() == "stored" and second.needs_review() == []
    [invoice] = second.records
    assert invoice.number == "NF-26-00503" and invoice.seller_tax_id == "DE287654324"
    assert 0.9 <= second.confidence["number"] < 0.99            # learned: reported, but below a cross-check
    assert second.sources["number"].learned == "label 'Vorgang:'" and second.sources["number"].text == "NF-26-00503"
    assert any("number: read 'NF-26-00503' by its label 'Vorgang:'" in w and "li's correction" in w
               for w in second.warnings)
    stored = store.get(SourceFile, second.sha256)
    assert stored.status == "stored" and stored.fields["number"].learned == "label 'Vorgang:'"
    assert store.get(Invoice, invoice.natural_key()).number == "NF-26-00503"

    # another issuer printing the same word is not affected: its number still needs a person
    other = _extract(store, settings, issuer_invoice(tmp_path / "c" / "OT-1.pdf", "OT-77-00001",
                                                     seller="Ostsee Antriebstechnik AG", vat="DE135792460"))
    assert other.records[0].seller_tax_id == "DE135792460"
    assert other.status() == "needs_review" and "number" in other.needs_review() and other.records[0].number is None


def test_a_number_of_another_shape_is_left_for_review(tmp_path: Path) -> None:
    store, settings = _store(tmp_path)
    first = _extract(store, settings, issuer_invoice(tmp_path / "a" / "1.pdf", "NF-26-00417"))
    _correct_number(store, first, "NF-26-00417")
    odd = _extract(store, settings, issuer_invoice(tmp_path / "b" / "2.pdf", "2026/ABC/7"))
    assert odd.records[0].number == "2026/ABC/7"                 # read where the label says, as a suggestion
    assert odd.confidence["number"] < 0.9 and odd.status() == "needs_review"
    assert any("please check" in w for w in odd.warnings)


def test_a_correction_without_a_label_suggests_the_place_only(tmp_path: Path) -> None:
    """The workbook and the Prefect form send no box: nothing is learned. A box without a label beside it
    (the value alone on its line) teaches a place; a value found only there is a suggestion, still reviewed."""
    store, settings = _store(tmp_path)
    first = _extract(store, settings, issuer_invoice(tmp_path / "a" / "1.pdf", "NF-26-00417"))
    assert confirm_document(store, first.sha256, {"number": "NF-26-00417"}, by="li").learned == []
    assert learned_for(store, "invoice", issuer_keys("invoice", first.records[0])) == {}

    second = _extract(store, settings, issuer_invoice(tmp_path / "b" / "2.pdf", "NF-26-00503"))
    page, box = _clicked(Path(second.source), "NF-26-00503")
    assert confirm_document(store, second.sha256, {"number": Correction("NF-26-00503", page, box)},
                            by="li").learned == ["number"]
    third = _extract(store, settings, issuer_invoice(tmp_path / "c" / "3.pdf", "NF-26-00611"))
    assert third.records[0].number == "NF-26-00611" and third.sources["number"].learned == "place on the page"
    assert third.confidence["number"] < 0.9 and third.status() == "needs_review"


def test_the_label_beside_a_box() -> None:
    from extractors.words import Word

    words = [Word("Vorgang:", 100, 50, 140, 60), Word("NF-1", 145, 50, 170, 60),
             Word("Our Ref.", 300, 50, 340, 60), Word("AB 12", 300, 62, 330, 72),
             Word("Ref: BH-0314", 100, 90, 170, 100)]           # OCR joins a label and its value
    assert label_near(words, 1, (145, 50, 170, 60), "NF-1") == ("Vorgang:", "right")
    assert label_near(words, 1, (300, 62, 330, 72), "AB 12") == ("Our Ref.", "below")
    assert label_near(words, 1, (100, 90, 170, 100), "BH-0314") == ("Ref:", "right")
    assert label_near(words, 2, (145, 50, 170, 60), "NF-1") is None
    assert label_near(words, 1, (145, 50, 170, 60), "NF-2") is None   # typed over the clicked text
    amount = [Word("Total", 100, 50, 130, 60), Word("1,250.00", 135, 50, 170, 60)]
    assert label_near(amount, 1, (135, 50, 170, 60), "1250.00") == ("Total", "right")
    assert with_label(Correction("x"), words) == Correction("x")


@pytest.mark.slow
def test_the_station_teaches_it_in_chromium(tmp_path: Path, browser) -> None:
    from station.server import serve_station

    store, settings = _store(tmp_path)
    add_user(store, "li", "finance", "li-finance-pw", by="test")
    first = _extract(store, settings, issuer_invoice(tmp_path / "a" / "NF-00417.pdf", "NF-26-00417"))
    assert first.needs_review() == ["number"]
    with serve_station(store) as station:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        page.goto(f"{station.url}/documents/{first.sha256}")
        page.fill("input[name=name]", "li")
        page.fill("input[name=password]", "li-finance-pw")
        page.click("button[type=submit]")
        page.wait_for_selector(".box.word")
        page.focus("input[data-field=number]")
        page.click(".box.word[data-text='NF-26-00417']")
        page.keyboard.press("Enter")
        page.wait_for_selector(".flash.ok")
        context.close()
    assert store.get(SourceFile, first.sha256).status == "stored"
    learned = learned_for(store, "invoice", ["tax:DE287654324"])
    assert learned["number"].label == "Vorgang:" and learned["number"].learned_by == "li"
    second = _extract(store, settings, issuer_invoice(tmp_path / "b" / "NF-00503.pdf", "NF-26-00503"))
    assert second.status() == "stored" and second.records[0].number == "NF-26-00503"


def test_the_ingest_flow_reads_what_was_learned_too(tmp_path: Path) -> None:
    from extractors.ingest import ingest_chunk

    store, settings = _store(tmp_path)
    first = _extract(store, settings, issuer_invoice(tmp_path / "a" / "1.pdf", "NF-26-00417"))
    _correct_number(store, first, "NF-26-00417")
    path = issuer_invoice(tmp_path / "inbox" / "2.pdf", "NF-26-00702")
    result = ingest_chunk(store, [path], settings)
    assert result.stored == 1 and result.review == []
    [source] = [s for s in store.all(SourceFile) if s.path == str(path.resolve())]
    assert source.status == "stored" and source.fields["number"].learned == "label 'Vorgang:'"
    assert any(i.number == "NF-26-00702" for i in store.all(Invoice))


def test_a_receipt_teaches_its_bank(tmp_path: Path) -> None:
    store, settings = _store(tmp_path)
    [first] = extract_paths([credit_advice(tmp_path / "a" / "1.pdf", "UOB2605210448")], settings,
                            Options(kind="receipt"), store=store)
    assert first.needs_review() == ["transaction_id"]
    source = store.get(SourceFile, first.sha256)
    page, box = _clicked(Path(first.source), "UOB2605210448")
    values = labelled(source, {"transaction_id": Correction("UOB2605210448", page, box)}, tmp_path / "cache")
    assert (values["transaction_id"].label, values["transaction_id"].side) == ("Processing Code", "right")
    assert confirm_document(store, first.sha256, values, by="li").learned == ["transaction_id"]
    [second] = extract_paths([credit_advice(tmp_path / "b" / "2.pdf", "UOB2606030119")], settings,
                             Options(kind="receipt"), store=store)
    assert second.status() == "stored" and second.records[0].transaction_id == "UOB2606030119"
    [other] = extract_paths([credit_advice(tmp_path / "c" / "3.pdf", "DBS2606030777", bank="DBS Bank Ltd.")],
                            settings, Options(kind="receipt"), store=store)
    assert other.records[0].bank == "DBS Bank Ltd." and other.needs_review() == ["transaction_id"]


def test_a_chinese_receipt_label_replaces_a_doubted_fallback(tmp_path: Path) -> None:
    store, settings = _store(tmp_path)
    [first] = extract_paths([cn_receipt(tmp_path / "a" / "1.pdf", "NB7731904182211")], settings,
                            Options(kind="receipt"), store=store)
    assert first.needs_review() == ["transaction_id"] and first.records[0].transaction_id == "NB20260418-00731"
    page, box = _clicked(Path(first.source), "NB7731904182211")
    values = labelled(store.get(SourceFile, first.sha256), {"transaction_id": Correction("NB7731904182211", page, box)},
                      tmp_path / "cache")
    assert values["transaction_id"].label == "业务编码"
    assert confirm_document(store, first.sha256, values, by="王丽").learned == ["transaction_id"]
    [second] = extract_paths([cn_receipt(tmp_path / "b" / "2.pdf", "NB7731905200019")], settings,
                             Options(kind="receipt"), store=store)
    assert second.status() == "stored" and second.records[0].transaction_id == "NB7731905200019"
    assert any("业务编码" in w and "王丽" in w for w in second.warnings)
    [other] = extract_paths([cn_receipt(tmp_path / "c" / "3.pdf", "CB1100220033", bank="中国建设银行")], settings,
                            Options(kind="receipt"), store=store)
    assert other.records[0].bank == "中国建设银行" and other.needs_review() == ["transaction_id"]


@pytest.mark.slow
def test_a_correction_on_a_digital_invoice_reads_the_issuers_next_scan(tmp_path: Path) -> None:
    """OCR words carry boxes too: the label a reviewer's click on a PDF taught is found on the issuer's next
    document when it comes in as a scan (200 dpi JPEG, real OCR), and only because it was taught."""
    import pypdfium2 as pdfium

    store, settings = _store(tmp_path)
    first = _extract(store, settings, issuer_invoice(tmp_path / "a" / "NF-00417.pdf", "NF-26-00417"))
    assert first.needs_review() == ["number"]
    assert _correct_number(store, first, "NF-26-00417") == ["number"]
    pdf = pdfium.PdfDocument(str(issuer_invoice(tmp_path / "b" / "NF-00503.pdf", "NF-26-00503", drop=6.0)))
    scans = tmp_path / "scans"
    scans.mkdir()
    pdf[0].render(scale=200 / 72).to_pil().convert("RGB").save(scans / "NF-00503.jpg", quality=80)
    pdf.close()
    [scan] = extract_paths([scans], settings, Options(kind="invoice"), store=store)
    assert scan.ocr and "number" not in scan.needs_review()
    assert scan.records[0].number == "NF-26-00503"
    source = store.get(SourceFile, scan.sha256)
    assert source.fields["number"].learned == "label 'Vorgang:'" and source.fields["number"].box is not None
    assert any("learned from li's correction" in w for w in source.warnings)
    # the same scan in a store that learned nothing: the number is not found
    fresh, fresh_settings = _store(tmp_path / "fresh")
    [unlearned] = extract_paths([scans], fresh_settings, Options(kind="invoice"), store=fresh)
    assert "number" in unlearned.needs_review()


def order_invoice(path: Path, ref: str, order_doc: str, *, seller: str = "Weserland Messtechnik GmbH",
                  vat: str = "DE246813573", number_label: str | None = "Beleg:") -> Path:
    """A German instrument maker's invoice of a layout no dictionary was written for: it prints its order
    confirmation's number beside ``Document No.:`` (which the reader confidently takes for the invoice number)
    and the invoice number only beside ``Beleg:``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = Canvas(str(path), pagesize=(210 * mm, 297 * mm))
    c.setFont("Helvetica", 10)
    lines = [(20, 20, seller), (20, 26, "Am Weserufer 3, 28217 Bremen"), (20, 32, f"USt-IdNr.: {vat}"),
             (140, 20, "INVOICE"), (140, 30, "Invoice Date: 02.04.2026"), (140, 36, f"Document No.: {order_doc}"),
             (20, 50, "Bill To: Suzhou Hengrui Precision Hardware Co., Ltd."),
             (20, 70, "Description"), (150, 70, "Amount"), (20, 78, "Pressure gauges, calibrated"),
             (150, 78, "1,960.00"), (120, 100, "Total EUR"), (150, 100, "1,960.00")]
    if number_label:
        lines.append((140, 42, f"{number_label} {ref}"))
    for x, y, text in lines:
        c.drawString(x * mm, (297 - y) * mm, text)
    c.save()
    return path


def test_a_correction_overruling_a_confident_reading_reads_the_issuers_next_invoice_right(tmp_path: Path) -> None:
    """The worst case: the reader is sure of a wrong number (the order confirmation's, beside ``Document No.``).
    A clerk reopens the stored invoice and clicks the right number (beside ``Beleg:``): what is learned says
    the reader's confident reading was overruled, so on the issuer's next invoice the learned label decides
    (right number, no review, the reader's value named in the warning); an invoice of that issuer without the
    label goes to review instead of being stored confidently wrong; another issuer is not affected."""
    from hub.review import reopen_document

    store, settings = _store(tmp_path)
    first = _extract(store, settings, order_invoice(tmp_path / "a" / "WM-0412.pdf", "RE-26-0412", "AB-7731"))
    assert first.status() == "stored" and first.records[0].number == "AB-7731"     # confidently wrong
    assert first.confidence["number"] >= 0.9
    reopen_document(store, first.sha256, by="li", reason="the payment names RE-26-0412")
    source = store.get(SourceFile, first.sha256)
    page, box = _clicked(Path(first.source), "RE-26-0412")
    values = labelled(source, {"number": Correction("RE-26-0412", page, box)}, settings.home / "cache")
    assert values["number"].label == "Beleg:" and values["number"].side == "right"
    assert confirm_document(store, first.sha256, values, by="li").learned == ["number"]
    learned = learned_for(store, "invoice", ["tax:DE246813573"])["number"]
    assert learned.label == "Beleg:" and learned.overruled == "AB-7731" and learned.sample == "RE-26-0412"

    second = _extract(store, settings, order_invoice(tmp_path / "b" / "WM-0519.pdf", "RE-26-0519", "AB-7802"))
    assert second.status() == "stored" and second.needs_review() == []
    [invoice] = second.records
    assert invoice.number == "RE-26-0519" and 0.9 <= second.confidence["number"] < 0.99
    assert second.sources["number"].learned == "label 'Beleg:'"
    assert any("number: read 'RE-26-0519' by its label 'Beleg:', not AB-7802 as the reader had it" in w
               and "li's correction" in w for w in second.warnings)
    assert store.get(Invoice, invoice.natural_key()).number == "RE-26-0519"

    # the issuer's invoice without its label: the reader's confident number is not trusted, a person looks
    bare = _extract(store, settings, order_invoice(tmp_path / "c" / "WM-0601.pdf", "RE-26-0601", "AB-7850",
                                                   number_label=None))
    assert bare.records[0].number == "AB-7850" and bare.confidence["number"] < 0.9
    assert bare.status() == "needs_review" and "number" in bare.needs_review()
    assert any("which a reviewer corrected on this issuer's document" in w for w in bare.warnings)

    # another issuer of the same layout keeps what its reader reads (nothing was learned about it)
    other = _extract(store, settings, order_invoice(tmp_path / "d" / "OT.pdf", "RE-77-0001", "AB-0001",
                                                    seller="Ostsee Antriebstechnik AG", vat="DE135792460"))
    assert other.records[0].number == "AB-0001" and other.status() == "stored"
