"""Tabular files as rows of cells: csv/tsv/txt (UTF-8, UTF-8-BOM, UTF-16 with BOM, GB18030/GBK; Big5, Shift-JIS,
EUC-KR, Windows-1252), xlsx (openpyxl) and xls (xlrd). Macros and formulas are refused; so are zip bombs and text in an
encoding that is none of these.

Cells come back as ``str`` (stripped of blanks, tabs and full-width spaces), ``Decimal`` (numbers
from Excel, never float), ``datetime`` (Excel dates) or ``None``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from hub.errors import InputError

Cell = str | Decimal | datetime | None

TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xltx"}
#: A workbook that inflates beyond this is refused as a zip bomb.
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VBA_OLE_MARK = "_VBA_PROJECT".encode("utf-16-le")
_ENCRYPTED_OLE_MARK = "EncryptedPackage".encode("utf-16-le")
_BLANKS = " \t\r\n\u3000\xa0\ufeff"
#: a leading backtick (WeChat Pay's merchant bills guard every cell with one) or an apostrophe before a figure
#: (``'6222021102001234567``): text marks for Excel, not part of the value
_TEXT_GUARD_RE = re.compile(r"`|'(?=[\d+\-])")


@dataclass
class Sheet:
    """One table: its name (the sheet, or the file name for csv) and its rows."""

    name: str
    rows: list[list[Cell]]
    encoding: str | None = None


def clean_cell(value: object) -> Cell:
    """A cell value as orderhub reads it: stripped text, Decimal numbers, datetimes, None for blanks."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = str(value).strip(_BLANKS)
    if _TEXT_GUARD_RE.match(text):  # a mark that keeps Excel from reading the cell as a number (`2026-03-03)
        text = text[1:].strip(_BLANKS)
    return text or None


# -- text ---------------------------------------------------------------------------------------------
def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte soup; real Chinese text is nearly all GB2312 characters."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(wide) >= 0.9


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode a text export: BOMs first, then UTF-8, then GB18030 (a superset of GBK and GB2312).

    Raises :class:`InputError` naming the file when it is binary or in another encoding.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError("has a UTF-16 byte-order mark but is not valid UTF-16", source=source) from None
    if b"\x00" in data[:4096]:
        raise InputError("is binary or UTF-16 without a byte-order mark, not a text export", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        # Korean (EUC-KR) text reads as plausible GB2312 too: where it decodes as another encoding, the measure decides
        other = _other_encoding(data, also=("gb18030",), among=OTHER_ENCODINGS[:3])
        return other if other and other[1] != "gb18030" else (text, "gb18030")
    found = _other_encoding(data)
    found = _by_alphabet(data, found) if found else None
    if found:
        return found
    raise InputError("is in an unexpected text encoding (expected UTF-8, UTF-8 with BOM, UTF-16 with BOM, "
                     "GB18030/GBK, Big5, Shift-JIS, EUC-KR, Windows-1252/1250/1251/1254); save it as UTF-8 and try again",
                     source=source)


#: the other encodings banks' exports come in: Japanese (Shift-JIS), Taiwanese and Hong Kong (Big5), Korean
#: (EUC-KR) and European (Windows-1252) banks' csv; the code pages that share Windows-1252's bytes (Central
#: European Windows-1250) are told apart by their languages' letters (:func:`_by_alphabet`, data/alphabets.toml)
OTHER_ENCODINGS = ("cp932", "cp950", "cp949", "cp1252", "cp1250", "cp1251", "cp1254")


@cache
def _alphabets() -> tuple[dict[str, list[str]], dict[str, list[tuple[str, bool]]]]:
    """(code page -> its group of siblings, code page -> its languages' (letters, whether their words mix in
    ASCII letters)) from data/alphabets.toml."""
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("extractors").joinpath("data/alphabets.toml").read_text(encoding="utf-8"))
    letters: dict[str, list[tuple[str, bool]]] = {}
    for language in data["languages"].values():
        letters.setdefault(language["encoding"], []).append((language["letters"], language.get("latin", True)))
    return {name: list(group) for group in data["siblings"] for name in group}, letters


_WORD_RE = re.compile(r"[^\W\d_]+")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")


def _marks(text: str) -> list[tuple[str, bool]]:
    """The non-ASCII characters inside the words of ``text``, lower case, each with whether its word holds ASCII
    letters too; a sign beside a word (``GBP£12``'s pound, no letter) is in none."""
    out = []
    for found in _WORD_RE.finditer(text):
        word = found.group()
        if text[found.end():found.end() + 1].isdigit():  # GBPŁ12 (read as Windows-1250): a currency sign's place
            word = word[:-1]
        latin = bool(_ASCII_LETTER_RE.search(word))
        out += [(ch.lower(), latin) for ch in word if ord(ch) > 0x7F]
    signs = re.findall(r"(?<=[^\W\d_])[^\w\s](?!\d)|[^\w\s](?=[^\W\d_])", text)  # Op³ata: a sign in a word
    return out + [(ch, True) for ch in signs if ord(ch) > 0x7F]


def _by_alphabet(data: bytes, found: tuple[str, str]) -> tuple[str, str] | None:
    """``found`` (the text and the code page it decoded in), or its reading in a sibling code page one of whose
    languages writes more of the accented letters inside its words (Czech, Polish, Hungarian in Windows-1250,
    Russian in 1251, Turkish in 1254); a language of its own script (Cyrillic) counts no word mixing in ASCII.
    None when only a sibling reads it and none of its languages writes a letter of it (bytes no bank writes)."""
    siblings, letters = _alphabets()
    group = siblings.get(found[1], [found[1]])
    best: tuple[str, str] | None = None
    best_score = -1
    for encoding in group:  # the group's first wins a tie, and alone takes a text none of them spells
        try:
            text = found[0] if encoding == found[1] else data.decode(encoding)
        except UnicodeDecodeError:
            continue
        marks = _marks(text)
        score = max((sum(ch in alphabet and (mixes or not latin) for ch, latin in marks)
                     for alphabet, mixes in letters.get(encoding, [])), default=0)
        if score > best_score and (score or encoding == group[0]):
            best, best_score = (text, encoding), score
    return best


def _other_encoding(data: bytes, also: tuple[str, ...] = (), among: tuple[str, ...] = OTHER_ENCODINGS,
                    ) -> tuple[str, str] | None:
    """The text in the one of ``among`` (and ``also``) that decodes it strictly and reads least like noise
    (charset_normalizer's measure), or None; with ``also``, None unless one of ``among`` decodes it."""
    from charset_normalizer import from_bytes

    strict = []
    for encoding in among:
        try:
            strict.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if also:
        if not strict:
            return None
        strict += [(encoding, data.decode(encoding)) for encoding in also]
    if len(strict) <= 1:
        return (strict[0][1], strict[0][0]) if strict else None
    best = from_bytes(data, cp_isolation=[e for e, _ in strict]).best()
    if best is None:
        return strict[0][1], strict[0][0]
    name = best.encoding.replace("_", "").replace("-", "").casefold()
    aliases = {"shiftjis": "cp932", "big5": "cp950", "euckr": "cp949", "windows1252": "cp1252",
               "windows1250": "cp1250", "windows1251": "cp1251", "windows1254": "cp1254", "gb2312": "gb18030",
               "gbk": "gb18030"}
    chosen = aliases.get(name, name)
    return next(((text, enc) for enc, text in strict if enc == chosen), (strict[0][1], strict[0][0]))


def _split(text: str, delimiter: str) -> list[list[Cell]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [[clean_cell(c) for c in row] for row in reader]


def read_text_table(data: bytes, source: str) -> Sheet:
    """A csv/tsv export as one sheet. The delimiter is the one whose most common row width (of rows with
    two or more cells) times the number of such rows is largest: consistent, wide rows."""
    from collections import Counter

    text, encoding = decode_text(data, source)
    best: list[list[Cell]] | None = None
    best_score = -1
    for delimiter in (",", "\t", ";", "|"):
        try:
            rows = _split(text, delimiter)
        except csv.Error as exc:
            raise InputError(f"is not a readable csv ({exc})", source=source) from None
        widths = Counter(len(row) for row in rows if sum(1 for c in row if c is not None) >= 2)
        score = max((width * count for width, count in widths.items()), default=0)
        if score > best_score:
            best, best_score = rows, score
    return Sheet(Path(source).name, best or [], encoding)


# -- Excel --------------------------------------------------------------------------------------------
def _check_zip(data: bytes, source: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("is not a valid xlsx workbook (corrupt or truncated zip)", source=source) from None
    with archive:
        names = archive.namelist()
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise InputError("contains macros (vbaProject.bin); workbooks with macros are refused: save it as "
                             ".xlsx without macros", source=source)
        total = sum(info.file_size for info in archive.infolist())
        if total > MAX_UNZIPPED_BYTES:
            raise InputError(f"inflates to {total // 2**20} MiB, refused as a possible zip bomb", source=source)


def read_xlsx(data: bytes, source: str, *, allow_formulas: bool = False) -> list[Sheet]:
    """Every sheet of an xlsx workbook. Formulas are refused unless ``allow_formulas``: their cached
    values may be stale or missing, so the workbook must hold values."""
    import openpyxl

    _check_zip(data, source)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    except Exception as exc:  # openpyxl raises many types for corrupt parts
        raise InputError(f"is not a readable xlsx workbook ({type(exc).__name__}: {exc})", source=source) from None
    sheets = []
    for ws in book.worksheets:
        rows: list[list[Cell]] = []
        for row in ws.iter_rows():
            cells: list[Cell] = []
            for cell in row:
                if getattr(cell, "data_type", None) == "f" and not allow_formulas:
                    where = getattr(cell, "coordinate", "?")
                    raise InputError(f"cell {ws.title}!{where} holds a formula ({cell.value}); "
                                     "workbooks with formulas are refused: paste the values and save again",
                                     source=source)
                cells.append(clean_cell(getattr(cell, "value", None)))
            rows.append(cells)
        sheets.append(Sheet(ws.title, rows))
    book.close()
    return sheets


def read_xls(data: bytes, source: str) -> list[Sheet]:
    """Every sheet of a legacy .xls workbook (xlrd); VBA projects are refused."""
    import xlrd

    if _VBA_OLE_MARK in data:
        raise InputError("contains macros (a VBA project); workbooks with macros are refused", source=source)
    try:
        book = xlrd.open_workbook(file_contents=data)
    except Exception as exc:
        raise InputError(f"is not a readable xls workbook ({type(exc).__name__}: {exc})", source=source) from None
    sheets = []
    for sh in book.sheets():
        rows: list[list[Cell]] = []
        for r in range(sh.nrows):
            cells: list[Cell] = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    cells.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                elif cell.ctype == xlrd.XL_CELL_EMPTY or cell.ctype == xlrd.XL_CELL_BLANK:
                    cells.append(None)
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    cells.append(None)
                else:
                    cells.append(clean_cell(cell.value))
            rows.append(cells)
        sheets.append(Sheet(sh.name, rows))
    return sheets


class _HtmlTables(HTMLParser):
    """Rows of the ``<table>`` elements of an HTML page (bank exports saved as ``.xls``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[Cell]]] = []
        self._row: list[Cell] | None = None
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(clean_cell("".join(self._cell)))
            self._row.extend([None] * (self._span - 1))
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_html_tables(data: bytes, source: str) -> list[Sheet]:
    """The tables of an HTML page saved with an Excel name (a common Chinese bank "xls" export)."""
    head = data[:2048].decode("ascii", errors="ignore")
    declared = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).lower().replace("gb2312", "gb18030").replace("gbk", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, _ = decode_text(data, source)
    parser = _HtmlTables()
    parser.feed(text)
    sheets = [Sheet(f"{Path(source).name} table {i}", rows) for i, rows in enumerate(parser.tables, 1) if rows]
    if not sheets:
        raise InputError("is an HTML page without a table, not a workbook", source=source)
    return sheets


def read_sheets(path: Path, data: bytes | None = None, *, allow_formulas: bool = False) -> list[Sheet]:
    """The tables in a csv/tsv/txt/xlsx/xls file, by content (an ``.xls`` that is really text is read as text)."""
    source = str(path)
    data = path.read_bytes() if data is None else data
    if not data:
        raise InputError("is empty (0 bytes)", source=source)
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data, source, allow_formulas=allow_formulas)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_OLE_MARK in data:
            raise InputError("is a password-protected (encrypted) workbook; save it without a password",
                             source=source)
        return read_xls(data, source)
    if re.match(rb"(?:\xef\xbb\xbf)?\s*<(?:!DOCTYPE\s+html|html|table|meta|\?xml[^>]*>\s*<html)", data[:512], re.I):
        return read_html_tables(data, source)
    if path.suffix.lower() in EXCEL_SUFFIXES - {".xls"}:
        raise InputError(f"has the name of an Excel workbook ({path.suffix}) but is not one", source=source)
    return [read_text_table(data, source)]


def cell_text(value: Cell) -> str:
    """A cell as text (Decimals without exponent, datetimes ISO)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, Decimal):
        return format(value, "f")
    return value
