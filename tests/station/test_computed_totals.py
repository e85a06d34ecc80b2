"""A packing list that prints no totals row: its totals are the sums of its line cells, and the document page says
so and boxes the cells they were summed from when the total is selected; a printed total has its own box.
The extraction pipeline into a real SQLite store, the station on uvicorn, real chromium."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from extractors.pipeline import Options, extract_paths
from hub.records import SourceFile
from hub.settings import load_settings
from hub.store import Store
from hub.users import add_user

LINES = [("Hex Bolt M12x60 DIN 933", "1200", "PCS", "12", "86.40", "92.40"),
         ("Flat Washer M12 DIN 125", "5000", "PCS", "5", "41.25", "43.75"),
         ("Spring Lock Washer M12", "3000", "PCS", "3", "12.60", "14.10")]


def packing_list(path: Path, *, totals: bool) -> Path:
    """A landscape packing list (装箱单) of three lines, with or without a TOTAL row under them."""
    width, height = landscape(A4)
    c = Canvas(str(path), pagesize=(width, height))

    def text(x: float, y: float, s: str, size: int = 9) -> None:
        c.setFont("Helvetica", size)
        c.drawString(x, height - y, s)

    text(330, 40, "PACKING LIST", 16)
    text(40, 80, "Seller: Ningbo Mingda Hardware Co., Ltd.")
    text(40, 96, "Buyer: Nordwind Industriebedarf GmbH")
    text(520, 80, "P/L No.: PL-2026-417")
    text(520, 96, "Invoice No.: CI-2026-417")
    text(520, 112, "Date: 2026-03-18")
    heads = [(40, "Item"), (80, "Description"), (330, "Quantity"), (400, "Unit"), (450, "Cartons"),
             (520, "N.W.(kg)"), (600, "G.W.(kg)")]
    for x, label in heads:
        text(x, 150, label)
    y = 170
    for n, values in enumerate(LINES, start=1):
        for (x, _), v in zip(heads, [str(n), *values], strict=True):
            text(x, y, v)
        y += 16
    if totals:
        text(80, y + 6, "TOTAL:")
        for x, col in ((450, 3), (520, 4), (600, 5)):
            text(x, y + 6, str(sum(Decimal(v[col]) for v in LINES)))
    c.save()
    return path


def _stored(tmp_path: Path, *, totals: bool) -> tuple[Store, SourceFile]:
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    docs = tmp_path / "docs"
    docs.mkdir()
    packing_list(docs / "pl.pdf", totals=totals)
    [outcome] = extract_paths([docs], settings, Options(), store=store)
    assert outcome.kind == "packing-list", outcome.to_json()
    [source] = store.all(SourceFile)
    return store, source


def test_a_printed_total_is_boxed_where_it_is_printed(tmp_path: Path) -> None:
    store, source = _stored(tmp_path, totals=True)
    total = source.fields["total_gross_weight_kg"]
    assert total.box is not None and total.text == "150.25" and not total.computed_from
    assert total.box[1] > source.fields["lines[2].gross_weight_kg"].box[1]        # the row under the lines


def test_totals_printed_nowhere_point_at_the_line_cells_they_were_summed_from(tmp_path: Path, browser) -> None:
    from station.server import serve_station

    store, source = _stored(tmp_path, totals=False)
    total = source.fields["total_gross_weight_kg"]
    cells = ["lines[0].gross_weight_kg", "lines[1].gross_weight_kg", "lines[2].gross_weight_kg"]
    assert total.box is None and total.computed_from == cells
    assert all(source.fields[c].box is not None for c in cells)                  # each cell has its box
    assert source.fields["total_cartons"].computed_from == [f"lines[{i}].cartons" for i in range(3)]
    add_user(store, "li", "finance", "li-finance-pw", by="test")
    with serve_station(store) as station:
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        page = context.new_page()
        # read cleanly (stored), opened at the field as a declaration's source link opens it
        assert source.status == "stored"
        page.goto(f"{station.url}/documents/{source.sha256}?field=total_gross_weight_kg")
        page.fill("input[name=name]", "li")
        page.fill("input[name=password]", "li-finance-pw")
        page.click("button[type=submit]")
        page.wait_for_selector(".page img")
        page.wait_for_function("document.querySelector('.page img').complete && "
                               "document.querySelector('.page img').naturalWidth > 0")
        row = page.locator(".fieldrow[data-field=total_gross_weight_kg]")
        assert "summed from lines 1-3" in row.inner_text() and row.locator("input.value").input_value() == "150.25"
        summed = page.locator(".box.cell.summand")
        assert sorted(summed.evaluate_all("bs => bs.map(b => b.dataset.field)")) == cells
        assert page.locator("td.summand").count() == 3
        shot = tmp_path / "computed-total.png"
        page.screenshot(path=str(shot))
        page.click(".fieldrow[data-field=total_cartons] .conf")      # another total: its own cells
        assert sorted(summed.evaluate_all("bs => bs.map(b => b.dataset.field)")) == [
            f"lines[{i}].cartons" for i in range(3)]
        page.click(".fieldrow[data-field=number] .conf")             # a printed field: nothing summed
        assert summed.count() == 0
        context.close()
