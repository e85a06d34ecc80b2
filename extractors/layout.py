"""One label/value layout engine over positioned words, whether they came from a PDF or from OCR.

It finds the labels of a bilingual dictionary (``data/labels.toml``) on each text line (blanks, case
and full/half width ignored, labels split over several words found too), reads a field's value right
of its label or below it, assigns generic labels (名称, 账号 ...) to the block they sit in (购买方 /
销售方, 付款人 / 收款人) by the nearest heading, and finds the table column labels and end labels that
:mod:`extractors.tables` reads item tables by. No coordinates of any particular template: everything is
measured relative to the text height.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from extractors.words import DOUBTFUL_BLANK, Line, Word, group_lines, median_height, split_vertical

_SEPARATORS = set(":：;；-—_.#№ \t")
#: Middle dots that scans add inside labels (``税·额``): ignored when labels are matched.
_DOTS = set("·•・‧∙")
#: table columns a summary block under the items also heads (sums, rates, taxes): no item header without others
_SUM_COLUMNS = frozenset({"amount", "gross", "line_total", "tax", "tax_rate"})


def _norm(text: str) -> str:
    """Text as labels are matched: NFKC, lower case, accents off Latin letters (a label printed
    ``Numéro``/``Numero`` or a scan's ``Descriptión`` matches either spelling), traditional Chinese and
    Japanese forms as the simplified ones (``發票號碼`` matches ``发票号码``)."""
    text = unicodedata.normalize("NFKC", text).lower()
    if text.isascii():
        return text
    return simplified("".join(_fold(ch) for ch in text))


@cache
def _simplified_table() -> dict[int, str]:
    text = resources.files("extractors").joinpath("data/traditional.toml").read_text(encoding="utf-8")
    return {ord(t): s for s, forms in tomllib.loads(text)["chars"].items() for t in forms}


def simplified(text: str) -> str:
    """``text`` with its traditional Chinese and Japanese character forms folded to the simplified ones the
    label dictionary uses (``data/traditional.toml``), one character for one."""
    return text.translate(_simplified_table())


def fold_accents(text: str) -> str:
    """``text`` with accents taken off Latin letters (``ÓNLY`` -> ``ONLY``), case kept; others as they are."""
    return "".join(_fold(ch) for ch in text)


@cache
def _fold(ch: str) -> str:
    if ch.isascii() or not ch.isalpha() or _is_cjk(ch):
        return ch
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if base.isascii() and base else ch


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


# -- the label dictionary ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Labels:
    """One document kind's labels: fields, scoped labels, sections, table columns and table ends."""

    kind: str
    fields: dict[str, tuple[str, ...]]
    scoped: dict[str, tuple[str, ...]]
    sections: dict[str, tuple[str, ...]]
    section_order: dict[str, int]
    columns: dict[str, tuple[str, ...]]
    row_key: tuple[str, ...]
    table_end: tuple[str, ...]
    title: dict[str, float]
    #: a table's summary lines (``Net``, ``VAT 20%``) and carried-forward lines (``Übertrag``): no items
    table_summary: tuple[str, ...] = ()
    table_carry: tuple[str, ...] = ()
    #: generic labels too common to count anywhere but in a head's column under a row of block headings
    #: (``Account``, ``Bank`` under ``Remitter Details | Beneficiary Details``)
    headed: tuple[str, ...] = ()
    #: generic words that are labels only where their text starts (a cell's label: ``To``, ``From``), never
    #: inside a text (``Amount to pay``)
    leading: tuple[str, ...] = ()


def load_labels(path: Path | str | None = None) -> dict[str, Labels]:
    """The label dictionary by document kind, from ``path`` or the packaged ``data/labels.toml``."""
    if path is None:
        text = resources.files("extractors").joinpath("data/labels.toml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    sections_all = data.get("sections", {})
    kinds: dict[str, Labels] = {}
    for kind, spec in data.items():
        if kind == "sections":
            continue
        wanted = spec.get("sections") or [s for s in sections_all if _section_used(kind, s)]
        kinds[kind] = Labels(
            kind=kind,
            fields={k: tuple(v) for k, v in spec.get("fields", {}).items()},
            scoped={k: tuple(v) for k, v in spec.get("scoped", {}).items()},
            sections={s: tuple(sections_all[s]["anchors"]) for s in wanted},
            section_order={s: int(sections_all[s].get("order", 9)) for s in wanted},
            columns={k: tuple(v) for k, v in spec.get("columns", {}).items()},
            row_key=tuple(spec.get("row_key", {}).get("columns", ())),
            table_end=tuple(spec.get("table", {}).get("end", ())),
            table_summary=tuple(spec.get("table", {}).get("summary", ())),
            table_carry=tuple(spec.get("table", {}).get("carry", ())),
            title={k: float(v) for k, v in spec.get("title", {}).items()},
            headed=tuple(spec.get("headed", ())),
            leading=tuple(spec.get("leading", ())),
        )
    return kinds


_KIND_SECTIONS = {"invoice": ("buyer", "seller"), "receipt": ("payer", "payee"), "packing_list": ("buyer", "seller")}


def _section_used(kind: str, section: str) -> bool:
    return section in _KIND_SECTIONS.get(kind, ())


@cache
def default_labels() -> dict[str, Labels]:
    """The packaged label dictionary (cached)."""
    return load_labels()


class _Matcher:
    """All labels of a namespace compiled into one regex over blank-free lower-case text."""

    def __init__(self, names: dict[str, Iterable[str]]):
        self.by_label: dict[str, str] = {}
        self.priority: dict[str, int] = {}
        self.read_dots: dict[str, tuple[int, ...]] = {}  # a dotted key -> where its dots stand for blanks
        names = {name: tuple(labels) for name, labels in names.items()}
        # a key some label prints with its dots (``VAT Reg. TIN``) reads them as printed, never as blanks
        as_printed = {"".join(_norm(label).split()) for labels in names.values() for label in labels}
        for name, labels in names.items():
            for rank, label in enumerate(labels):
                printed = "".join(_norm(label).split())
                for key in _dotted(_norm(label)):
                    self.by_label.setdefault(key, name)
                    self.priority.setdefault(key, rank)
                    if key != printed and key not in as_printed and key not in self.read_dots:
                        self.read_dots[key] = _inserted_dots(printed, key)
        keys = sorted(self.by_label, key=len, reverse=True)
        self.regex = re.compile("|".join(re.escape(k) for k in keys)) if keys else None

    def finditer(self, compact: str, shorter: bool = False) -> Iterable[tuple[int, int, str, str]]:
        """``(start, end, label, name)`` of each label found in ``compact``, the longest at each place;
        with ``shorter`` also the shorter labels that start there."""
        if self.regex is None:
            return
        pos = 0
        while True:
            m = self.regex.search(compact, pos)
            if not m:
                return
            text = m.group(0)
            yield m.start(), m.end(), text, self.by_label[text]
            # the shorter labels starting here too ("Total" inside "TOTALEUR", where "Totale" matched first
            # and fails its word boundary): the caller keeps the longest that holds
            for size in range(len(text) - 1, 0, -1) if shorter else ():
                if text[:size] in self.by_label:
                    yield m.start(), m.start() + size, text[:size], self.by_label[text[:size]]
            pos = m.start() + 1


def _inserted_dots(printed: str, key: str) -> tuple[int, ...]:
    """Indexes in ``key`` of the dots that ``printed`` (the label without blanks) does not have."""
    out, j = [], 0
    for i, ch in enumerate(key):
        if j < len(printed) and printed[j] == ch:
            j += 1
        else:
            out.append(i)
    return tuple(out)


def _dotted(label: str) -> list[str]:
    """The blank-free keys of a normalised label: as printed, and with a dot for any of its blanks between two
    letters or digits (a scan's ``Buyer.Tax ID`` for ``Buyer Tax ID``); the label's own dots (``Inv. No.``)
    are kept as printed, so no label loses its spelling."""
    parts = label.split()
    inner = [i for i in range(1, len(parts)) if _is_ascii_alnum(parts[i - 1][-1]) and _is_ascii_alnum(parts[i][0])]
    keys = ["".join(parts)]
    for mask in range(1, 2 ** min(len(inner), 4)):
        dots = {inner[b] for b in range(min(len(inner), 4)) if mask >> b & 1}
        keys.append("".join(("." if i in dots else "") + p for i, p in enumerate(parts)))
    return keys


def _sentence_break(tl: TextLine, cs: int, dots: tuple[int, ...]) -> bool:
    """Whether a dot that a label match reads for a blank is followed by a blank on the line: a full stop
    ending a sentence (``advice. No``), not a scan's dot in place of a blank (``Buyer.Tax ID``)."""
    for d in dots:
        idx = tl.cmap[cs + d]
        if idx + 1 < len(tl.chars) and tl.chars[idx + 1].ch.isspace():
            return True
    return False


# -- lines as characters with positions --------------------------------------------------------------
@dataclass(slots=True)
class Char:
    ch: str
    x0: float
    x1: float
    conf: float
    word: Word | None = None


@dataclass
class TextLine:
    """A line as characters with estimated x positions, and its blank-free lower-case form for matching."""

    line: Line
    chars: list[Char]
    compact: str
    cmap: list[int]  # compact index -> chars index
    height: float

    @property
    def page(self) -> int:
        return self.line.page

    @property
    def y0(self) -> float:
        return self.line.y0

    @property
    def y1(self) -> float:
        return self.line.y1


def _text_line(line: Line) -> TextLine:
    chars: list[Char] = []
    for i, word in enumerate(line.words):
        if i:
            prev = line.words[i - 1]
            if word.x0 - prev.x1 > 0.2 * line.height or not (_is_cjk(prev.text[-1:]) and _is_cjk(word.text[:1])):
                chars.append(Char(" ", prev.x1, max(prev.x1, word.x0), 1.0))
        text = word.text
        n = max(1, len(text))
        step = word.width / n
        for j, ch in enumerate(text):
            chars.append(Char(ch, word.x0 + j * step, word.x0 + (j + 1) * step, word.confidence, word))
    compact_chars: list[str] = []
    cmap: list[int] = []
    for idx, c in enumerate(chars):
        if not c.ch.isspace() and c.ch not in _DOTS:
            compact_chars.append(_norm(c.ch))
            cmap.extend([idx] * len(compact_chars[-1]))
    compact = "".join(compact_chars)
    return TextLine(line, chars, compact, cmap, line.height)


@dataclass
class Hit:
    """A label found on a line: which name it stands for, and where (``start``/``end`` index ``chars``)."""

    name: str
    label: str
    line_no: int
    start: int
    end: int
    x0: float
    y0: float
    x1: float
    y1: float
    page: int
    vertical: bool = False


@dataclass
class Value:
    """Text read for a field, with its confidence (the weakest character's) and where it was found."""

    text: str
    confidence: float
    how: str
    page: int = 1
    x0: float = 0
    y0: float = 0
    x1: float = 0
    y1: float = 0


class Layout:
    """Positioned words of one document, read through one kind's labels."""

    def __init__(self, words: Iterable[Word], labels: Labels,
                 rules: dict[int, list[tuple[float, float, float]]] | None = None):
        #: a PDF's vertical ruling lines (x, top, bottom) by page: item tables' column boundaries
        self.rules = rules or {}
        given = [w for w in words if w.text.strip()]
        self.words = split_vertical(given)
        #: characters of a tall OCR box split one per line (a vertical heading, a seal's text)
        split = {id(w) for w in self.words} - {id(w) for w in given}
        self.labels = labels
        self.lines = [_text_line(ln) for ln in group_lines(self.words)]
        self.h = median_height(self.words)
        self._fields = _Matcher({**labels.fields, **{f"@{k}": v for k, v in labels.scoped.items()}})
        self._sections = _Matcher(labels.sections)
        self._columns = _Matcher(labels.columns)
        self._end = _Matcher({"end": labels.table_end})
        self.header_lines = self._header_lines()
        self.hits = [h for h in self._find(self._fields) if h.line_no not in self.header_lines]
        runs = self._vertical_runs()
        anchors_v = self._match_runs(runs, self._sections)
        taken = {(h.page, h.x0, h.y0) for h in anchors_v}
        vertical = anchors_v + [h for h in self._match_runs(runs, self._fields) if (h.page, h.x0, h.y0) not in taken]
        self.anchors = self._find(self._sections) + [h for h in vertical if h.name in labels.sections]
        self.hits += [h for h in vertical if h.name not in labels.sections]
        # a field's label inside a longer heading (``Remitter`` of ``Remitter Details``) is that heading's word
        self.hits = [h for h in self.hits if not any(
            a.line_no == h.line_no and not a.vertical and a.start <= h.start and h.end <= a.end
            and a.end - a.start > h.end - h.start for a in self.anchors)]
        if labels.headed:  # a generic label that counts only under a row of headings (Account, Bank)
            headed = {key for label in labels.headed for key in _dotted(_norm(label))}
            heads = self._head_rows()
            self.hits = [h for h in self.hits if h.label not in headed or (
                self._head_column(h, heads) is not None and any(st == h.start for st, _ in self.segments(h.line_no)))]
        if labels.leading:
            leading = {key for label in labels.leading for key in _dotted(_norm(label))}
            self.hits = [h for h in self.hits if h.label not in leading or h.vertical
                         or any(st == h.start for st, _ in self.segments(h.line_no))]
        #: words of vertical headings: a value read right of a label stops at them
        self._vertical_words = {id(w) for run, _ in runs for w in run
                                if any(h.x0 <= w.x0 and w.x1 <= h.x1 and h.y0 <= w.y0 and w.y1 <= h.y1
                                       and h.page == w.page for h in vertical)}
        # and of any run holding a split tall box (``有限公司`` of a seal's ring read top to bottom)
        self._vertical_words |= {id(w) for run, _ in runs if len(run) >= 2 and any(id(x) in split for x in run)
                                 for w in run}
        self._hits_by_line: dict[int, list[Hit]] = {}
        for hit in self.hits + [a for a in self.anchors if not a.vertical]:
            self._hits_by_line.setdefault(hit.line_no, []).append(hit)

    def drop_prose_hits(self) -> None:
        """Forget labels inside running text (``此联是收款人开户银行交给收款人的收账通知``): a Chinese label glued
        to Chinese characters on both sides is a word of a sentence, not a field's label."""

        def prose(h: Hit) -> bool:
            if h.vertical or h.start == 0 or h.end >= len(self.lines[h.line_no].chars):
                return False
            chars = self.lines[h.line_no].chars
            return _is_cjk(chars[h.start].ch) and _is_cjk(chars[h.start - 1].ch) and _is_cjk(chars[h.end].ch)

        def quoted(h: Hit) -> bool:
            """A label glued to the figure after it, inside another value (``汇划手续费 业务编号BOB26...`` in a
            摘要): text no label holds stands before it in its run of characters."""
            chars = self.lines[h.line_no].chars if not h.vertical else []
            if h.vertical or h.end >= len(chars) or not _is_ascii_alnum(chars[h.end].ch):
                return False
            start = next((s for s, e in self.segments(h.line_no) if s <= h.start < e), h.start)
            held = {i for o in self._hits_by_line.get(h.line_no, []) if o is not h for i in range(o.start, o.end)}
            return any(not c.ch.isspace() and c.ch not in _SEPARATORS and i not in held
                       for i, c in enumerate(chars[start:h.start], start))

        self.hits = [h for h in self.hits if not prose(h) and not quoted(h) and not self._in_phrase(h)]
        self._hits_by_line = {}
        for hit in self.hits + [a for a in self.anchors if not a.vertical]:
            self._hits_by_line.setdefault(hit.line_no, []).append(hit)
        if hasattr(self, "_scope_cache"):
            del self._scope_cache

    def _in_phrase(self, h: Hit) -> bool:
        """A Latin label after a lower-case word of its own run of text (``Reference for beneficiary``,
        ``credited to beneficiary (ACCC)``): a word of a phrase or a sentence, not the field's label. A label
        starting its run, or after another label, a figure or a capitalised word, stays."""
        if h.vertical or not _is_ascii_alnum(h.label[0]):
            return False
        chars = self.lines[h.line_no].chars
        start = next((s for s, e in self.segments(h.line_no) if s <= h.start < e), h.start)
        held = {i for o in self._hits_by_line.get(h.line_no, []) if o is not h for i in range(o.start, o.end)}
        before = "".join(c.ch if i not in held else " " for i, c in enumerate(chars[start:h.start], start)).split()
        return bool(before) and before[-1].isalpha() and before[-1].islower()

    def _header_lines(self) -> set[int]:
        """Lines that carry three or more table column labels, one of them an item's (their words are headers,
        not fields); a summary block's heads (``Base imponible | % IVA | Cuota IVA | TOTAL FACTURA``: only sums,
        rates and taxes) stay field labels."""
        names: dict[int, set[str]] = {}
        self._column_hits = self._find(self._columns)
        for h in self._column_hits:
            names.setdefault(h.line_no, set()).add(h.name)
        return {no for no, found in names.items() if len(found) >= 3 and found - _SUM_COLUMNS}

    # -- finding labels -------------------------------------------------------------------------------
    def _find(self, matcher: _Matcher, lines: Iterable[int] | None = None) -> list[Hit]:
        found: list[Hit] = []
        for no in range(len(self.lines)) if lines is None else lines:
            tl = self.lines[no]
            cands = []
            for cs, ce, label, name in matcher.finditer(tl.compact, shorter=True):
                start, end = tl.cmap[cs], tl.cmap[ce - 1] + 1
                if _is_ascii_alnum(label[0]) and start > 0 and _is_ascii_alnum(tl.chars[start - 1].ch):
                    continue
                if _is_ascii_alnum(label[-1]) and end < len(tl.chars) and _is_ascii_alnum(tl.chars[end].ch):
                    continue
                if _is_ascii_alnum(label[-1]) and end + 1 < len(tl.chars) and tl.chars[end].ch == "-" \
                        and tl.chars[end + 1].ch.isalpha() and tl.chars[end + 1].ch.islower():
                    continue  # the first half of a hyphenated word (``GST-free export``), not a label
                if _spread(tl.chars[start:end], 6 * tl.height):
                    continue  # characters of different blocks (two vertical headings) on one line
                if _sentence_break(tl, cs, matcher.read_dots.get(label, ())):
                    continue  # "... generated advice. No signature is required." is no "Advice No"
                cands.append((start, end, label, name))
            cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
            taken: list[tuple[int, int]] = []
            for start, end, label, name in cands:
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(Hit(name, label, no, start, end, tl.chars[start].x0, tl.y0,
                                 tl.chars[end - 1].x1, tl.y1, tl.page))
        found.sort(key=lambda h: (h.line_no, h.start))
        return found

    def _vertical_runs(self) -> list[tuple[list[Word], str]]:
        """Text printed one character per line (购/买/方/信/息, 备/注) or as one tall OCR box."""
        singles = [w for w in self.words if _is_cjk(w.text.strip()[:1]) and (
            len(w.text.strip()) == 1 or (len(w.text.strip()) <= 5 and w.height > 1.3 * w.width))]
        runs: list[list[Word]] = []
        for w in sorted(singles, key=lambda w: (w.page, w.y0)):
            for run in runs:
                last = run[-1]
                # a tall box split one character per line places its characters evenly: its last one may
                # overlap the next character OCR read on its own (付款 then 人, 0.4 text heights)
                if (last.page == w.page and abs(last.cx - w.cx) < 0.8 * self.h
                        and -0.6 * self.h <= w.y0 - last.y1 < 2.6 * self.h):
                    run.append(w)
                    break
            else:
                runs.append([w])
        found = [(run, "".join(w.text.strip() for w in run)) for run in runs if len(run) >= 2]
        found += [([w], w.text) for w in self.words if w.height > 2.2 * max(w.width, 1) and len(w.text) >= 2]
        return found

    def _match_runs(self, runs: list[tuple[list[Word], str]], matcher: _Matcher) -> list[Hit]:
        hits: list[Hit] = []
        for run, text in runs:
            compact = "".join(_norm(text).split())
            for _cs, _ce, label, name in matcher.finditer(compact):
                hits.append(Hit(name, label, -1, 0, 0, min(w.x0 for w in run), min(w.y0 for w in run),
                                max(w.x1 for w in run), max(w.y1 for w in run), run[0].page, vertical=True))
                break
        return hits

    def value_beside(self, hit: Hit) -> Value | None:
        """The text right of a vertical label, over the label's height (a 备注 block, wrapped lines joined)."""
        parts: list[str] = []
        confs: list[float] = []
        box: list[float] = []
        for no, tl in enumerate(self.lines):
            if tl.page != hit.page or tl.y1 < hit.y0 - 0.5 * self.h or tl.y0 > hit.y1 + 0.5 * self.h:
                continue
            picked = []
            edge = hit.x1 - 0.2 * self.h
            for s, e in self.segments(no, gap=6):
                if tl.chars[e - 1].x0 < edge:
                    continue
                # a segment that starts left of the label (a scan's line that took the label's own
                # characters, or the block left of it, 4 text heights away) is cut at the label's edge
                s = next(i for i in range(s, e) if tl.chars[i].x0 >= edge and not tl.chars[i].ch.isspace())
                if tl.chars[s].x0 - hit.x1 < 25 * self.h:
                    picked = [c for c in tl.chars[s:e]]
                    break
            text = " ".join("".join(c.ch for c in picked).split())
            if text:
                parts.append(text)
                confs.append(min(c.conf for c in picked if not c.ch.isspace()))
                box = [picked[0].x0, tl.y0, picked[-1].x1, tl.y1] if not box else [
                    min(box[0], picked[0].x0), box[1], max(box[2], picked[-1].x1), tl.y1]
        if not parts:
            return None
        return Value(_join(parts), min(confs), "right", hit.page, *box)

    # -- reading values -------------------------------------------------------------------------------
    def _next_hit_start(self, line_no: int, after: int) -> int:
        starts = [h.start for h in self._hits_by_line.get(line_no, []) if h.start >= after]
        return min(starts) if starts else 10**9

    def value_right(self, hit: Hit, max_gap: float = 2.2, stop_at_labels: bool = True) -> Value | None:
        """The text right of ``hit`` on its line, up to the next label (unless told) or a wide gap."""
        if hit.vertical:
            return self.value_beside(hit)
        tl = self.lines[hit.line_no]
        stop = len(tl.chars)
        if stop_at_labels:
            stop = min(self._next_hit_start(hit.line_no, hit.end), stop)
        i = hit.end
        while True:
            while i < stop and tl.chars[i].ch in _SEPARATORS:
                i += 1
            past = _skip_qualifier(tl.chars, i, len(tl.chars), cell_gap=1.5 * tl.height)
            if past != i:  # labels inside the qualifier (称 of 全称) do not end the value
                i = past
                if stop_at_labels:
                    stop = min(self._next_hit_start(hit.line_no, i), len(tl.chars))
            # a bilingual label (``Beneficiary 收款人``): the same field's next label right after this one
            nxt = [h for h in self._hits_by_line.get(hit.line_no, []) if h.start == i
                   and (h.name == hit.name or h.name in self.labels.sections)]
            if not nxt or not stop_at_labels:
                break
            i = nxt[0].end
            stop = len(tl.chars)
            stop = min(self._next_hit_start(hit.line_no, i), stop)
        if i >= stop:
            return None
        if tl.chars[i].x0 - tl.chars[hit.end - 1].x1 > 25 * tl.height:
            return None
        picked: list[Char] = []
        last_x1 = None
        for c in tl.chars[i:stop]:
            if c.ch.isspace():
                continue
            if last_x1 is not None and c.x0 - last_x1 > max_gap * tl.height:
                break
            if c.word is not None and id(c.word) in self._vertical_words:
                if not picked:  # vertical text between the label and its value: passed over
                    continue
                break
            picked.append(c)
            last_x1 = c.x1
        return self._value(tl, picked, "right", keep_spaces_from=tl.chars[i:stop])

    def _value(self, tl: TextLine, picked: list[Char], how: str, keep_spaces_from: list[Char]) -> Value | None:
        if not picked:
            return None
        first, last = picked[0], picked[-1]
        text = ""
        for c in keep_spaces_from:
            if c.x0 >= first.x0 - 1e-6 and c.x1 <= last.x1 + 1e-6:
                text += c.ch
        text = " ".join(text.split()).strip(" :：")
        if not text:
            return None
        return Value(text, min(c.conf for c in picked), how, tl.page, first.x0, tl.y0, last.x1, tl.y1)

    def segments(self, line_no: int, gap: float = 1.2) -> list[tuple[int, int]]:
        """Runs of characters of a line separated by gaps wider than ``gap`` text heights."""
        tl = self.lines[line_no]
        segs: list[tuple[int, int]] = []
        start = None
        last = None
        for i, c in enumerate(tl.chars):
            if c.ch.isspace():
                continue
            if start is None:
                start = i
            elif c.x0 - tl.chars[last].x1 > gap * tl.height:
                segs.append((start, last + 1))
                start = i
            last = i
        if start is not None:
            segs.append((start, last + 1))
        return segs

    def value_left(self, hit: Hit) -> Value | None:
        """The text left of a label that ends its line (a mirrored half: ``苏州恒锐... 收款人名称``, the value
        right-aligned against its label): the run of text just before it, when no label is in that run and it
        is not the line's first run (that is the line's own label)."""
        if hit.vertical:
            return None
        tl = self.lines[hit.line_no]
        if any(not c.ch.isspace() for c in tl.chars[hit.end:]):
            return None
        idx = [i for i in range(hit.start) if not tl.chars[i].ch.isspace()]
        if not idx or tl.chars[hit.start].x0 - tl.chars[idx[-1]].x1 > 3 * tl.height:
            return None
        s = len(idx) - 1
        while s > 0 and tl.chars[idx[s]].x0 - tl.chars[idx[s - 1]].x1 <= 1.2 * tl.height:
            s -= 1
        if s == 0 or self.hits_in(hit.line_no, idx[s], idx[-1] + 1):
            return None  # the line's first run (its own label), or a run holding a label
        span = tl.chars[idx[s]:idx[-1] + 1]
        return self._value(tl, [c for c in span if not c.ch.isspace()], "left", keep_spaces_from=span)

    def hits_in(self, line_no: int, start: int, end: int) -> list[Hit]:
        """Labels found within characters ``start:end`` of a line."""
        return [h for h in self._hits_by_line.get(line_no, []) if h.start < end and start < h.end]

    def value_below(self, hit: Hit, ignore: tuple[str, ...] = ()) -> Value | None:
        """The text under ``hit`` on the next line(s) that overlaps it horizontally and is not a label (labels
        named in ``ignore`` may be part of it: ``ABN 51 824 753 556`` under ``Buyer Tax ID``)."""
        if hit.vertical:
            return None
        h = self.lines[hit.line_no].height
        span0, span1 = hit.x0 - 0.5 * h, max(hit.x1, hit.x0 + 6 * h)
        for no in range(hit.line_no + 1, min(len(self.lines), hit.line_no + 4)):
            tl = self.lines[no]
            if tl.page != hit.page or tl.y0 - hit.y1 > 2.5 * h:
                return None
            best, best_ov = None, 0.0
            for s, e in self.segments(no):
                ov = min(span1, tl.chars[e - 1].x1) - max(span0, tl.chars[s].x0)
                if ov > best_ov:
                    best, best_ov = (s, e), ov
            if best is None:
                continue
            s, e = best
            if any(hh.start < e and s < hh.end and hh.name not in ignore for hh in self._hits_by_line.get(no, [])):
                return None
            picked = [c for c in tl.chars[s:e] if not c.ch.isspace()]
            return self._value(tl, picked, "below", keep_spaces_from=tl.chars[s:e])
        return None

    def candidates(self, name: str, *, wrapped: bool = False) -> list[Value]:
        """Every value found for field ``name``: labels in the dictionary's order (most specific first),
        each read right of the label first, then below; generic labels of the field's block last. With
        ``wrapped``, a value read right of its label takes in the lines its cell wraps onto
        (:meth:`continued`)."""
        out: list[Value] = []
        direct = sorted((h for h in self.hits if h.name == name),
                        key=lambda h: (self._fields.priority.get(h.label, 99), h.page, h.y0, h.x0))
        hits = direct + self.scoped_hits(name)
        for hit in hits:
            for how in (self.value_right, self.value_below):
                v = how(hit)
                if v is not None:
                    out.append(self.continued(hit, v) if wrapped and how == self.value_right else v)
        return out

    def continued(self, hit: Hit, value: Value, max_lines: int = 3, *, cut: bool = False) -> Value:
        """``value`` (read right of ``hit``) with the lines its cell wraps onto joined to it, by position: the
        next line has a piece of text starting where the value starts (within 0.6 text heights), tight under
        it (less than 0.8 heights apart), within the value's column (not past the next text right of the
        value), with no label in it or left of it in the label's column; and the line above was full: its
        first word would not have fitted after the value (the cell wrapped it). Otherwise ``value`` as is.
        With ``cut`` (the value is known to be unfinished: a Chinese name without its 公司/厂 ending) the
        line above need not look full: the cell's right edge is a ruling line the words do not show."""
        if hit.vertical or hit.line_no < 0 or value.how != "right":
            return value
        text, conf = value.text, value.confidence
        box = [value.x0, value.y0, value.x1, value.y1]
        no, line_end = hit.line_no, value.x1
        last = min((c for c in self.lines[no].chars if not c.ch.isspace()), key=lambda c: abs(c.x1 - value.x1))
        limit = self._right_limit(no, value.x1)
        for _ in range(max_lines):
            if no + 1 >= len(self.lines):
                break
            above, tl = self.lines[no], self.lines[no + 1]
            h = max(above.height, tl.height)
            if tl.page != hit.page or tl.y0 - above.y1 > 0.8 * h:
                break
            seg = next(((s, e) for s, e in self.segments(no + 1) if abs(tl.chars[s].x0 - value.x0) <= 0.6 * h), None)
            if seg is None:
                break
            s, e = seg
            if tl.chars[e - 1].x1 > limit + 0.5 * h or self.hits_in(no + 1, 0, e):
                break
            if any(not c.ch.isspace() and hit.x0 - h <= c.x0 < tl.chars[s].x0 for c in tl.chars[:s]):
                break  # something in the label's column of that line: a row of its own
            first = tl.chars[s:e]
            # full-width letters wrap anywhere, as Chinese does; Latin text wraps at its blanks
            anywhere = _is_cjk(first[0].ch) or _wide_latin(first[0], tl.height)
            end = next((i for i, c in enumerate(first) if c.ch.isspace()), len(first))
            word = first[:1] if anywhere else first[:max(1, end)]
            if not cut and line_end + 0.3 * h + (word[-1].x1 - word[0].x0) <= limit - 1.5 * h:
                break  # its first word would have fitted on the line above: not a wrapped cell
            picked = [c for c in first if not c.ch.isspace()]
            piece = self._value(tl, picked, "right", keep_spaces_from=first)
            if piece is None:
                break
            if _wide_latin(last, above.height) and _wide_latin(picked[0], tl.height):
                # full-width letters broken at any character: whether a blank fell at the break is a guess
                text, conf = text + piece.text, min(conf, piece.confidence, DOUBTFUL_BLANK)
            else:
                text, conf = _join([text, piece.text]), min(conf, piece.confidence)
            box = [min(box[0], piece.x0), box[1], max(box[2], piece.x1), piece.y1]
            no, line_end, last = no + 1, piece.x1, picked[-1]
        if no == hit.line_no:
            return value
        return Value(text, conf, "right", hit.page, *box)

    def _right_limit(self, line_no: int, x: float) -> float:
        """Where the cell of text ending at ``x`` on a line ends: the next text right of it on that line, else
        the right edge of the page's text."""
        tl = self.lines[line_no]
        right = [c.x0 for c in tl.chars if not c.ch.isspace() and c.x0 > x + 0.5 * tl.height]
        if right:
            return min(right)
        return max(t.chars[-1].x1 for t in self.lines if t.page == tl.page and t.chars)

    def hits_for(self, name: str) -> list[Hit]:
        """The direct label hits of field ``name``, most specific label first, then in reading order."""
        return sorted((h for h in self.hits if h.name == name),
                      key=lambda h: (self._fields.priority.get(h.label, 99), h.page, h.y0, h.x0))

    def first(self, name: str) -> Value | None:
        found = self.candidates(name)
        return found[0] if found else None

    # -- scoped labels --------------------------------------------------------------------------------
    @property
    def _scope(self) -> dict[int, str]:
        if not hasattr(self, "_scope_cache"):
            self._scope_cache = self._assign_scopes()
        return self._scope_cache

    def by_order_only(self, name: str) -> bool:
        """Whether field ``name`` (``buyer_name`` ...) has no label or block heading of its own: only the
        reading order assigned the generic labels it would be read from."""
        if self.hits_for(name):
            return False
        scoped = self.scoped_hits(name)
        return bool(scoped) and all(id(h) in self.order_scoped for h in scoped)

    def scoped_name(self, hit: Hit) -> str | None:
        """The field a generic label's hit was resolved to (``buyer_tax_id`` for 統一編號 in the 買方 block)."""
        return self._scope.get(id(hit))

    def scoped_hits(self, name: str) -> list[Hit]:
        """Hits of generic labels resolved to ``name`` (e.g. ``buyer_name`` from 名称 in the 购买方 block)."""
        return [h for h in self.hits if h.name.startswith("@") and self._scope.get(id(h)) == name]

    def _assign_scopes(self) -> dict[int, str]:
        self.order_scoped: set[int] = set()
        scope: dict[int, str] = {}
        dist: dict[int, float] = {}
        unresolved: dict[str, list[Hit]] = {}
        heads = self._head_rows()
        for hit in self.hits:
            if not hit.name.startswith("@"):
                continue
            column = self._head_column(hit, heads)
            if column is not None:  # a label in a head's column under a row of headings (付款人 | 收款人)
                scope[id(hit)] = f"{column}_{hit.name[1:]}"
                dist[id(hit)] = 0.0
                continue
            best, best_d = None, None
            for a in self.anchors:
                if a.page != hit.page:
                    continue
                h = self.h
                d = None
                if a.x1 <= hit.x0 + 0.5 * h and a.y0 - 1.2 * h <= hit.y1 and hit.y0 <= a.y1 + 1.2 * h:
                    d = hit.x0 - a.x1
                elif (a.y1 <= hit.y0 + 0.3 * h and hit.y0 - a.y1 < 8 * h and a.x0 - 3 * h <= hit.x0
                      and a.line_no != hit.line_no):
                    d = 1.5 * (hit.y0 - a.y1) + 0.3 * abs(hit.x0 - a.x0) + 5 * h
                if d is not None and (best_d is None or d < best_d):
                    best, best_d = a, d
            if best is not None:
                scope[id(hit)] = f"{best.name}_{hit.name[1:]}"
                dist[id(hit)] = best_d
            else:
                unresolved.setdefault(hit.name, []).append(hit)
        # one block has one name, one account ...: when two labels resolve to the same block (its
        # neighbour's heading was not read), the farther one is left to the reading-order rule
        by_target: dict[tuple[int, str], list[Hit]] = {}
        for hit in self.hits:
            if id(hit) in scope:
                by_target.setdefault((hit.page, scope[id(hit)]), []).append(hit)
        for hits in by_target.values():
            if len(hits) > 1 and len({round(h.y0 / (2 * self.h)) for h in hits}) == 1:
                hits.sort(key=lambda h: dist[id(h)])
                for extra in hits[1:]:
                    del scope[id(extra)]
                    unresolved.setdefault(extra.name, []).append(extra)
        order = sorted(self.labels.section_order, key=lambda s: self.labels.section_order[s])
        for name, hits in unresolved.items():
            used = {scope[id(h)].split("_", 1)[0] for h in self.hits if h.name == name and id(h) in scope
                    and h.page == hits[0].page}
            free = [s for s in order if s not in used] or order
            hits.sort(key=lambda x: (x.page, round(x.y0 / (2 * self.h)), x.x0))
            for hit, section in zip(hits, free, strict=False):
                scope[id(hit)] = f"{section}_{name[1:]}"
                self.order_scoped.add(id(hit))  # no heading decided it: only the reading order did
        return scope

    def _head_rows(self) -> list[list[Hit]]:
        """Lines on which two or more headings of different blocks stand side by side, each left to right."""
        rows: dict[tuple[int, int], list[Hit]] = {}
        for a in self.anchors:
            if not a.vertical and a.line_no >= 0:
                rows.setdefault((a.page, a.line_no), []).append(a)
        return [sorted(r, key=lambda a: a.x0) for r in rows.values() if len({a.name for a in r}) >= 2]

    def _head_column(self, hit: Hit, heads: list[list[Hit]], rows: int = 12) -> str | None:
        """The block whose column a generic label stands in, under a row of headings (columns split halfway
        between the heads' centres); None for a label left of every head (a row label of the whole grid: see
        :meth:`grid_by_heads`) or under no such row."""
        for row in heads:
            top, left = max(a.y1 for a in row), row[0].x0
            if row[0].page != hit.page or hit.vertical or not top < hit.y0 < top + rows * self.h \
                    or hit.x0 < left - 0.5 * self.h:
                continue
            centres = [(a.x0 + a.x1) / 2 for a in row]
            cuts = [(p + q) / 2 for p, q in zip(centres, centres[1:], strict=False)]
            return row[sum((hit.x0 + hit.x1) / 2 > cut for cut in cuts)].name
        return None

    def grid_by_heads(self, rows: int = 12) -> dict[str, Value]:
        """A grid whose block headings are its column heads (``购买方`` and ``销售方`` side by side on one line)
        and whose generic labels (名称, 纳税人识别号) are row labels in a column left of every head: each value
        on a row label's line belongs to the head whose column it stands in (columns split halfway between
        the heads' centres). Returns ``{"buyer_name": Value, "seller_name": Value, ...}``; empty when the
        page has no such grid. One label row then carries both parties, which the reading order cannot."""
        out: dict[str, Value] = {}
        heads: dict[tuple[int, int], list[Hit]] = {}
        for a in self.anchors:
            if not a.vertical and a.line_no >= 0:
                heads.setdefault((a.page, a.line_no), []).append(a)
        for (page, _), row in heads.items():
            if len({a.name for a in row}) < 2:
                continue
            row = sorted(row, key=lambda a: a.x0)
            centres = [(a.x0 + a.x1) / 2 for a in row]
            cuts = [(p + q) / 2 for p, q in zip(centres, centres[1:], strict=False)]
            top, left = max(a.y1 for a in row), min(a.x0 for a in row)
            for hit in self.hits:
                if (not hit.name.startswith("@") or hit.page != page or hit.vertical or hit.x1 > left
                        or not top < hit.y0 < top + rows * self.h):
                    continue
                tl = self.lines[hit.line_no]
                for s, e in self.segments(hit.line_no):
                    chars = [c for c in tl.chars[s:e] if not c.ch.isspace()]
                    if not chars or chars[0].x0 < hit.x1 or self.hits_in(hit.line_no, s, e):
                        continue
                    mid = (chars[0].x0 + chars[-1].x1) / 2
                    head = row[sum(mid > cut for cut in cuts)]
                    v = self._value(tl, chars, "right", keep_spaces_from=tl.chars[s:e])
                    if v is not None:
                        out.setdefault(f"{head.name}_{hit.name[1:]}", v)
        return out

    # -- text search ----------------------------------------------------------------------------------
    def find_text(self, pattern: re.Pattern[str]) -> list[Value]:
        """Every match of ``pattern`` in the lines' text (single blanks kept), in reading order."""
        out = []
        for tl in self.lines:
            text = "".join(c.ch for c in tl.chars)
            for m in pattern.finditer(text):
                chars = [c for c in tl.chars[m.start():m.end()] if not c.ch.isspace()] or tl.chars[m.start():m.end()]
                out.append(Value(m.group(0), min(c.conf for c in chars), "pattern", tl.page, chars[0].x0,
                                 tl.y0, chars[-1].x1, tl.y1))
        return out

    def title_score(self) -> float:
        """How strongly the text reads like this kind (weights of the title words found)."""
        text = "".join(tl.compact for tl in self.lines)
        return sum(w for k, w in self.labels.title.items() if "".join(_norm(k).split()) in text)

    # -- tables ---------------------------------------------------------------------------------------
    def _widen(self, no: int, cols: list[Hit]) -> list[Hit]:
        """Header labels widened to the whole header text they are part of (``金额`` of ``金额(不含税)``),
        never into a neighbour."""
        from dataclasses import replace

        tl = self.lines[no]
        out = []
        for i, c in enumerate(cols):
            start, end = c.start, c.end
            lo = cols[i - 1].end if i else 0
            hi = cols[i + 1].start if i + 1 < len(cols) else len(tl.chars)
            while start - 1 >= lo and not tl.chars[start - 1].ch.isspace() and \
                    tl.chars[start].x0 - tl.chars[start - 1].x1 < 0.5 * tl.height:
                start -= 1
            while end < hi and not tl.chars[end].ch.isspace() and tl.chars[end].x0 - tl.chars[end - 1].x1 < 0.5 * tl.height:
                end += 1
            out.append(replace(c, start=start, end=end, x0=tl.chars[start].x0, x1=tl.chars[end - 1].x1))
        return out


def _wide_latin(c: Char, height: float) -> bool:
    """A full-width Latin letter or digit (``Ｇ``, read as ``G``): as wide as the text is high."""
    return c.ch.isascii() and c.ch.isalnum() and c.x1 - c.x0 >= 0.8 * height


def _spread(chars: list[Char], limit: float) -> bool:
    """True when two consecutive non-blank characters are more than ``limit`` apart."""
    solid = [c for c in chars if not c.ch.isspace()]
    return any(b.x0 - a.x1 > limit for a, b in zip(solid, solid[1:], strict=False))


def _skip_qualifier(chars: list[Char], i: int, stop: int, cell_gap: float | None = None) -> int:
    """Past a label's bracketed qualifier and its colon (``名称(全称)：``, ``Amount (USD):``), if any; with
    ``cell_gap``, also past one that ends its label's cell: the value starts that far right of it (a grid's
    ``付款账号（外币）`` | ``0190 ...``)."""
    if i >= stop or chars[i].ch not in "(（[":
        return i
    for j in range(i + 1, min(stop, i + 10)):
        if chars[j].ch in ")）]":
            k = j + 1
            while k < stop and chars[k].ch.isspace():
                k += 1
            if k < stop and chars[k].ch in ":：":
                while k < stop and chars[k].ch in _SEPARATORS:
                    k += 1
                return k
            if cell_gap is not None and k < stop and chars[k].x0 - chars[j].x1 > cell_gap:
                return k
            return i
    return i


def join_wrapped(parts: list[str]) -> str:
    """A cell's wrapped lines joined as :func:`_join` does, except in a cell that separates its words by
    blanks and has Chinese in it (a 规格型号 ``Z型 120x50x2.5mm 喷塑``): a break between Chinese and a Latin
    letter or digit may have eaten a blank (cells wrap Chinese at any character), so the cell's own habit
    decides (a blank where its other such places have one at least as often: ``2.5mm 喷塑``, but
    ``检测距离300mm``). Between two Chinese characters no blank is put (Chinese usage; a blank between
    Chinese words leaves no trace at a break, and doubting every such join would send most wrapped 规格型号
    cells to review)."""
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) < 2 or not any(" " in p for p in parts) or not any(_is_cjk(ch) for p in parts for ch in p):
        return _join(parts)
    spaced = tight = 0
    for p in parts:
        for a, gap, b in re.findall(r"(?=([\u3400-\u9fff]|[A-Za-z0-9])( ?)([\u3400-\u9fff]|[A-Za-z0-9]))", p):
            if _is_cjk(a) != _is_cjk(b):
                spaced, tight = spaced + bool(gap), tight + (not gap)
    out = parts[0]
    for p in parts[1:]:
        a, b = out[-1], p[0]
        if _is_cjk(a) and _is_cjk(b):
            out += p
        elif _is_cjk(a) or _is_cjk(b):
            out += " " + p if a.isalnum() and b.isalnum() and spaced and spaced >= tight else p
        else:
            out = _join([out, p])
    return out


def _join(parts: list[str]) -> str:
    """Join wrapped pieces: no blank in Chinese text (cells wrap at any character), one blank between
    Latin words."""
    if any(_is_cjk(ch) for p in parts for ch in p):
        return "".join(p.strip() for p in parts)
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and not (_is_cjk(out[-1]) or _is_cjk(p[0]) or out[-1] in "-/*(" or p[0] in ")*"):
            out += " "
        out += p
    return out
