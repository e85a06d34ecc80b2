"""Item tables read by position: columns from the header row, cells by column boundaries.

The header row is found by its column labels (a kind's ``columns`` in ``data/labels.toml``); every
other piece of header text becomes a column of its own (车牌号, 通行日期起, a period, a SKU, a discount
...), so a cell never falls into its neighbour: digits of a date column are not glued into the amount.
A header that wraps over two lines is joined. Body text is cut into pieces at blanks and gaps (and
at ruling lines, where the PDF has them: :func:`extractors.words.words_from_glyphs` splits words there);
a figure goes to the rightmost header starting before it ends (figures are right-aligned or centred
in their cells, headers left-aligned, centred or right-aligned), text to the header it sits under. Rows are the lines with a figure in a key column (the amount); a line without one is a
wrapped part of the nearest row. A table goes on over the next pages (header repeated, or not) until
its end label (合计, Total ...); 小计 ends one page's part only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.layout import Char, Hit, Layout, TextLine, Value, _join, _Matcher, _norm, join_wrapped
from extractors.words import DOUBTFUL_BLANK

#: End labels that close one page's part of a table, not the table.
PAGE_END = ("小计", "本页小计", "sub-total", "subtotal", "subtotal", "carried forward")
#: Columns that hold figures only: text under no header never goes there.
NUMERIC = frozenset({"quantity", "unit_price", "amount", "tax_rate", "tax", "line_no", "total_price", "discount", "gross",
                     "gross_price", "qty_rate", "line_total"})
#: the ``x`` between a quantity (and its unit) and a unit price in one cell (``12 hrs x $95.00``: a ``qty_rate`` column)
_TIMES = re.compile(r"[x×@*]")
#: Room at a wrapped line's end wider than its next character by this much (text heights) shows the break was
#: not for want of room (positions and the padding measured from the cell's left edge are that exact).
ROOM = 0.1
#: Columns a table may print more than once under different heads, to be added up (CGST and SGST amounts, rates)
ADDITIVE = ("tax", "tax_rate")
#: a header piece that only names the currency of the header left of it (``Einzelpreis €``, ``Amount ₹``)
_CURRENCY_QUALIFIER = re.compile(r"^[(（\[]?(?:[€$£¥￥₹]|[A-Z]{3}|Rs\.?|in [€$£¥₹A-Z]{1,3})[)）\]]?$")
#: a figure in a cell: a sign or code before it (``₡``, ``₪``: the Unicode currency signs), Swiss apostrophes in it;
#: a trailing minus is a negative figure as SAP and older ERP systems print it (``12,50-``)
_FIGURE = re.compile(r"^(?:[A-Z]{3}[.:]|Rs\.|[A-Z]{1,2}\$)?[-−(]?[¥￥$€£\u20a0-\u20cf]?[-−]?\d[\d,.\s'’]*%?\)?(?:(?<=\d)[-−])?$")

#: a cell printing only a dash: a row of nothing but such cells is an empty row of a fixed-height grid
_DASH = re.compile(r"^[-−–—―‐_~]+$")

#: a unit word after a quantity in its cell (``400 Adet``, ``1,500 pcs``, ``1 200 db``)
_UNIT_WORD = re.compile(r"[^\W\d_]{1,6}\.?")


@dataclass
class Column:
    """A table column: its dictionary name (``None`` for header text the dictionary does not know),
    header text and its extent on the page."""

    name: str | None
    label: str
    x0: float
    x1: float
    #: named after a dictionary label it matches but for one character (a scan's misreading)
    guessed: bool = False
    #: the grid cell (left and right ruling line) the header sits in, where the PDF draws one
    cell: tuple[float, float] | None = None
    #: the length of the dictionary label that names it (blank-free): a longer one in its whole header text wins
    matched: int = 0
    #: where an unruled cell under a centred header ends: its values' left edge mirrored about the header's
    #: centre (text that starts right of it is the next column's, however close)
    bound: float | None = None
    #: the group head over this sub-column (``Amount (EUR)`` over ``Net | VAT | Gross``), part of ``label``
    group: str = ""

    @property
    def key(self) -> str:
        return self.name or f"other:{self.label}"


@dataclass
class ItemTable:
    """Rows as column key -> cell, the 合计/Total row's cells, the columns of each page it covers."""

    columns: list[Column]
    rows: list[dict[str, Value]] = field(default_factory=list)
    total_row: dict[str, Value] = field(default_factory=dict)
    ended: bool = False
    pages: list[int] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns if c.name]


@dataclass
class _Piece:
    chars: list[Char]
    line: TextLine

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def text(self) -> str:
        return "".join(c.ch for c in self.chars)


def pieces(tl: TextLine, gap: float = 0.6) -> list[_Piece]:
    """A line's text cut at blanks and at gaps wider than ``gap`` text heights."""
    out: list[_Piece] = []
    cur: list[Char] = []
    for c in tl.chars:
        if c.ch.isspace() or (cur and c.x0 - cur[-1].x1 > gap * tl.height):
            if cur:
                out.append(_Piece(cur, tl))
            cur = [] if c.ch.isspace() else [c]
        else:
            cur.append(c)
    if cur:
        out.append(_Piece(cur, tl))
    return out


def one_off(text: str, label: str) -> bool:
    """``text`` is ``label`` with one character misread: same length, one position differs; for a label of
    Chinese characters two are enough, Latin ones need five (``Amaunt``)."""
    if len(text) != len(label) or len(label) < 2 or text == label:
        return False
    if len(label) < 5 and not all("\u3400" <= ch <= "\u9fff" for ch in label):
        return False
    return sum(a != b for a, b in zip(text, label, strict=True)) == 1


def _by_line(ps: list[_Piece]) -> list[list[_Piece]]:
    """Pieces by line, top to bottom, each line's left to right."""
    lines: dict[int, list[_Piece]] = {}
    for p in ps:
        lines.setdefault(id(p.line), []).append(p)
    return [sorted(g, key=lambda p: p.x0) for g in sorted(lines.values(), key=lambda g: (g[0].line.page, g[0].line.y0))]


def _wide(a: Char, b: Char) -> float:
    """The width of Chinese character ``b`` after ``a``: Chinese characters of one size are equally wide, and
    a character's place in a word of mixed text (``离8mm``) is only an estimate, so the wider of the two."""
    return max(a.x1 - a.x0, b.x1 - b.x0)


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _first_word(p: _Piece, end: Char) -> float:
    """The width of the word a wrapped line starts with: its first Chinese character (after ``end``), else its run
    of Latin letters and figures (cells wrap Latin words whole)."""
    first = p.chars[0]
    if _cjk(first.ch):
        return _wide(end, first)
    run = [first]
    for ch in p.chars[1:]:
        if _cjk(ch.ch):
            break
        run.append(ch)
    return run[-1].x1 - first.x0


def _other_language(above: str, text: str) -> bool:
    """``text`` is a phrase of Latin words (two or more, no Chinese) under a line of Chinese without Latin letters or
    figures (``*金属制品*不锈钢六角螺栓`` / ``Stainless hex bolt``): the name in another language, not a wrap."""
    return len(text.split()) >= 2 and not any(_cjk(ch) for ch in text) and any(ch.isalpha() for ch in text) and \
        not any(_ascii_alnum(ch) for ch in above)


def wrap_blanks(order: list[list[_Piece]], cell: tuple[float, float] | None, h: float) -> tuple[list[str], bool]:
    """A cell's lines (pieces left to right, top to bottom) as texts to join, deciding the blank at a wrap
    between two Chinese characters from the geometry, in a cell that separates its words by blanks (a 规格型号
    ``Φ8x300mm 三线制 带变送器``; elsewhere Chinese wraps at any character, with no blank). In a ruled cell
    (``cell``: its ruling lines; the text's room is the cell less the padding its left edge shows) a line
    that had room for the next line's first character (by :data:`ROOM`) was not broken for want of room:
    the break was a blank, and the two lines are joined with one; so too between Chinese and a Latin word that had
    room (a Chinese name over its English one). Whether a blank was eaten at a full line cannot be seen;
    when both sides of such a break are Chinese words of two or more characters standing alone between
    blanks (``三线制`` / ``带变送器``, not ``阳极氧`` / ``化``), the join is doubtful (second value True)."""
    texts = [" ".join(p.text for p in g) for g in order]
    spaced = any(" " in t for t in texts) and any(_cjk(ch) for t in texts for ch in t)
    if len(order) < 2 or not spaced:
        return texts, False
    out, doubt = [texts[0]], False
    left = min(g[0].x0 for g in order)
    for prev, g, text in zip(order, order[1:], texts[1:], strict=False):
        end, nxt = prev[-1].chars[-1], g[0].chars[0]
        if not (_cjk(end.ch) and _cjk(nxt.ch)):
            if _cjk(end.ch) and _other_language(out[-1], text) or cell is not None and (_cjk(end.ch) or _cjk(nxt.ch)) \
                    and cell[1] - max(0.0, left - cell[0]) - end.x1 >= _first_word(g[0], end) + ROOM * h:
                out[-1] = f"{out[-1]} {text}"  # the next word had room above, or the name's English under it: a blank
            else:
                out.append(text)
            continue
        if cell is not None:
            pad = max(0.0, left - cell[0])
            if cell[1] - pad - end.x1 >= _wide(end, nxt) + ROOM * h:  # room for the next character: a blank
                out[-1] = f"{out[-1]} {text}"
                continue
        tail, head = out[-1].rsplit(" ", 1), text.split(" ", 1)[0]
        if len(tail) == 2 and len(tail[1]) >= 2 and len(head) >= 2 and all(_cjk(ch) for ch in tail[1] + head):
            doubt = True
        out.append(text)
    return out, doubt


#: a figure's groups parted by a blank (``45 973,80``, French and Swiss software): the head and a group after it
_THOUSANDS_HEAD = re.compile(r"^[-−(]?[€$£¥]?\d{1,3}$")
_THOUSANDS_TAIL = re.compile(r"^\d{3}(?:[.,]\d+)?\)?$|^\d{3}$")
_RATE = re.compile(r"^[(（]?\d+(?:[.,]\d+)?\s*%[)）]?$|^%$")


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _compact(text: str) -> str:
    return "".join(_norm(text).split())


def _is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text.strip()))


class TableReader:
    """Reads the item table of one :class:`Layout` (its kind's column labels, row keys and end labels)."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.h = layout.h
        labels = layout.labels
        self.columns_matcher = _Matcher(labels.columns)
        self.keys = labels.row_key
        self._page_end = {"".join(_norm(p).split()) for p in PAGE_END}
        self._summary = {_compact(p) for p in labels.table_summary}
        self._carry = {_compact(p) for p in labels.table_carry}

    # -- header ---------------------------------------------------------------------------------------
    def headers(self) -> dict[int, tuple[int, list[Hit]]]:
        """The first header line of each page: 3+ column names, one of them a row key."""
        by_line: dict[int, list[Hit]] = {}
        for h in self.layout._column_hits:
            by_line.setdefault(h.line_no, []).append(h)
        found: dict[int, tuple[int, list[Hit]]] = {}
        weak: dict[int, tuple[int, list[Hit]]] = {}
        for no in sorted(by_line):
            hits = by_line[no]
            names = {h.name for h in hits}
            page = self.layout.lines[no].page
            if len(names) >= 3 and (not self.keys or names & set(self.keys)):
                found.setdefault(page, (no, hits))
            elif len(names) >= 3 and page not in found and any(c.name in self.keys for c in self.columns(no, hits)[0]):
                found[page] = (no, hits)  # the row key's header misread on a scan (金膜 for 金额): guessed
            elif page not in weak and self._two_named(no, hits):
                weak[page] = (no, hits)
        return {**weak, **found}

    def _two_named(self, no: int, hits: list[Hit]) -> bool:
        """A header of a description and a row key column with other header text the dictionary does not know
        between or beside them (``Description | Period | Amount``): a line of three or more short pieces apart,
        no digits, nothing but its headers."""
        names = {h.name for h in hits}
        if not (self.keys and names & set(self.keys) and "description" in names):
            return False
        ps = pieces(self.layout.lines[no], gap=0.9)
        cols, _last = self.columns(no, hits)
        return (len(cols) >= 3 and not any(ch.isdigit() for p in ps for ch in p.text)
                and sum(1 for c in cols if c.name is None) >= 1 and all(len(p.text) <= 20 for p in ps))

    def columns(self, no: int, hits: list[Hit]) -> tuple[list[Column], int]:
        """The columns of header line ``no`` (known labels widened to their header text, other header
        text as columns of their own), joined with the header's wrapped second line; and the last
        header line's number."""
        uniq: dict[str, Hit] = {}
        for h in sorted(hits, key=lambda h: h.x0):
            uniq.setdefault(h.name, h)
        bare = sorted(uniq.values(), key=lambda h: h.x0)
        known = self.layout._widen(no, bare)
        tl = self.layout.lines[no]
        cols = [Column(h.name, "".join(c.ch for c in tl.chars[h.start:h.end]).strip(), h.x0, h.x1,
                       matched=len(h.label)) for h in known]
        cols = [part for c in cols for part in self._apart(tl, c)]
        for i in range(1, len(cols)):  # two labels in one OCR word (税率/征收率税额): widened, they overlap
            if cols[i].x0 < cols[i - 1].x1:
                cols[i - 1].x1 = min(cols[i - 1].x1, bare[i - 1].x1)
                cols[i].x0 = max(cols[i].x0, bare[i].x0)
        for p in pieces(tl, gap=0.9):
            if any(min(p.x1, c.x1) - max(p.x0, c.x0) > 0 for c in cols):
                continue
            cols.append(Column(None, p.text, p.x0, p.x1))
        cols.sort(key=lambda c: c.x0)
        cols = self._merge_unknown(cols)
        self._join_above(no, cols)
        last = no
        for nxt in range(no + 1, min(no + 3, len(self.layout.lines))):
            line = self.layout.lines[nxt]
            if line.page != tl.page or line.y0 - self.layout.lines[last].y1 > 0.9 * self.h:
                break
            ps = pieces(line, gap=0.9)
            if not ps or any(any(ch.isdigit() for ch in p.text) for p in ps):
                break
            # a header's second line is short pieces under its headers, not a row's wrapped text
            if any(p.x1 - p.x0 > 1.3 * max((c.x1 - c.x0 for c in cols
                                             if min(p.x1, c.x1) - max(p.x0, c.x0) > 0), default=4.6 * self.h) + self.h
                   for p in ps):
                break
            heads: dict[int, list[_Piece]] = {}
            far: list[_Piece] = []
            for p in ps:
                near = min(cols, key=lambda c: max(c.x0 - p.x1, p.x0 - c.x1, 0) + abs((c.x0 + c.x1 - p.x0 - p.x1) / 2) * 0.01)
                if max(near.x0 - p.x1, p.x0 - near.x1) > 1.5 * self.h:
                    far.append(p)
                    continue
                heads.setdefault(id(near), []).append(p)
            self._centred_group(cols, heads, far)
            cols += [Column(None, p.text, p.x0, p.x1) for p in far]
            for c in [c for c in cols if id(c) in heads]:
                subs = self._sub_heads(heads[id(c)])
                if len(subs) >= 2:  # a group head over its sub-columns (CGST over Rate | Amount)
                    cols.remove(c)
                    cols += [Column(None, _join([c.label, t]), x0, x1, group=c.label) for t, x0, x1 in subs]
                    continue
                c.label = _join([c.label, *(p.text for p in heads[id(c)])])
                c.x0, c.x1 = min(c.x0, *(p.x0 for p in heads[id(c)])), max(c.x1, *(p.x1 for p in heads[id(c)]))
            cols.sort(key=lambda c: c.x0)
            last = nxt
        for c in cols:
            if c.name is None:  # a wrapped header may now read as a known label (通行日期 + 起)
                found = self._found(c)
                names = {n for _len, n in found} - {x.name for x in cols}
                if len(names) == 1:
                    c.name = names.pop()
                    c.matched = max(size for size, n in found if n == c.name)
        self._rename(cols)
        self._guess(cols)
        self._line_total(cols)
        below = self.layout.lines[last + 1] if last + 1 < len(self.layout.lines) else None
        return self._grid(tl, cols, below if below is not None and below.page == tl.page else None), last

    # -- ruling lines ---------------------------------------------------------------------------------
    def rule_xs(self, tl: TextLine) -> list[float]:
        """The x of the vertical ruling lines that run over line ``tl``'s middle, left to right (a grid's
        lines, or its cells' rectangles' edges: one x each)."""
        mid = (tl.y0 + tl.y1) / 2
        xs = sorted(x for x, top, bottom in self.layout.rules.get(tl.page, ()) if top <= mid <= bottom)
        out: list[float] = []
        for x in xs:
            if not out or x - out[-1] > 0.3 * self.h:
                out.append(x)
        return out

    def _grid(self, tl: TextLine, cols: list[Column], below: TextLine | None = None) -> list[Column]:
        """Columns whose header sits alone in a cell of a ruled grid take the cell's ruling lines as their
        boundaries (a header wider than its cell, ``税率/征收率``, no longer decides them); header text the
        dictionary does not know in a named column's cell is part of that header. A header row drawn as one box
        takes the grid of the line ``below`` it. Without a grid (or in a cell of two named headers) the header
        text's positions stay the boundaries."""
        xs = self.rule_xs(tl)
        if len(xs) < 3 and below is not None and below.y0 - tl.y1 < 2 * self.h:
            xs = self.rule_xs(below)
        if len(xs) < 3:
            return cols
        out: list[Column] = []
        for c in cols:
            mid = (c.x0 + c.x1) / 2
            cell = next(((a, b) for a, b in zip(xs, xs[1:], strict=False) if a <= mid < b), None)
            if cell is None:
                out.append(c)
                continue
            mates = [o for o in cols if cell[0] <= (o.x0 + o.x1) / 2 < cell[1]]
            named = [o for o in mates if o.name]
            owner = named[0] if len(named) == 1 else mates[0] if not named else None
            if owner is None:
                out.append(c)
            elif c is owner:
                c.label = _join([o.label for o in mates if o is c or o.name is None])
                c.cell = cell
                out.append(c)
        return out

    def _ruled_cells(self, tl: TextLine, cols: list[Column]) -> dict[str, list[_Piece]] | None:
        """The pieces of a body line by the grid cell they stand in, when the line is ruled as the header
        is (most ruled columns' cell edges run over it); ``None`` otherwise. Characters outside every
        ruled column's cell are placed by position among the other columns."""
        ruled = [c for c in cols if c.cell]
        if not ruled:
            return None
        xs = self.rule_xs(tl)
        tol = 0.3 * self.h

        def edge(x: float) -> bool:
            return any(abs(x - r) < tol for r in xs)

        here = [c for c in ruled if edge(c.cell[0]) and edge(c.cell[1])]
        if len(here) < max(2, 0.6 * len(ruled)):
            return None
        out: dict[str, list[_Piece]] = {}
        rest: list[Char] = []
        for p, across in self._across_rules(pieces(tl), xs):
            if across:  # a word printed across a rule: its cell is the one that holds most of it
                share = {id(c): min(p.x1, c.cell[1]) - max(p.x0, c.cell[0]) for c in here}
                best = max(here, key=lambda c: share[id(c)])
                if share[id(best)] > 0:
                    out.setdefault(best.key, []).append(p)
                else:
                    rest.extend(p.chars)
                continue
            run: list[Char] = []
            owner: Column | None = None
            for ch in [*p.chars, None]:
                col = None
                if ch is not None:
                    mid = (ch.x0 + ch.x1) / 2
                    col = next((c for c in here if c.cell[0] <= mid < c.cell[1]), None)
                if run and (ch is None or col is not owner):
                    if owner is not None:
                        out.setdefault(owner.key, []).append(_Piece(run, tl))
                    else:
                        rest.extend(run)
                    run = []
                if ch is not None:
                    owner = col
                    run.append(ch)
        if rest:
            others = [c for c in cols if c not in here] or cols
            for g, col, _sure in self._groups(tl, others, rest):
                out.setdefault(col.key, []).extend(g)
        return out

    def _across_rules(self, ps: list[_Piece], xs: list[float]) -> list[tuple[_Piece, bool]]:
        """Pieces of a ruled line, a word printed across a ruling line made whole again (values printed off
        their pre-printed grid: ``400`` right-aligned over its cell's rule, split there as ``40`` | ``0``): pieces
        whose glyphs touch (no blank between) are one run, and a run a rule passes through is one piece, marked
        (the caller places it whole)."""
        out: list[tuple[_Piece, bool]] = []
        runs: list[list[_Piece]] = []
        for p in ps:
            if runs and p.x0 - runs[-1][-1].x1 < 0.15 * self.h:
                runs[-1].append(p)
            else:
                runs.append([p])
        for run in runs:
            chars = [c for p in run for c in p.chars]
            a, b = chars[0], chars[-1]
            inside = [x for x in xs if a.x0 + 0.25 * (a.x1 - a.x0) < x < b.x1 - 0.25 * (b.x1 - b.x0)]
            if inside:
                out.append((_Piece(chars, run[0].line), True))
            else:
                out.extend((p, False) for p in run)
        return out

    def _guess(self, cols: list[Column]) -> None:
        """Header text a scan misread by one character (``金膜`` for 金额, ``汽量`` for 数量) is named after
        the column the header lacks whose label it matches but for that character, when only one does and
        no other header text claims it (:attr:`Column.guessed`: its cells are left for review unless a
        cross-check confirms them)."""
        present = {c.name for c in cols if c.name}
        claims: dict[str, list[Column]] = {}
        for c in cols:
            if c.name is not None:
                continue
            text = "".join(_norm(c.label).split())
            names = {name for name, labels in self.layout.labels.columns.items() if name not in present
                     for lab in labels if one_off(text, "".join(_norm(lab).split()))}
            if len(names) == 1:
                claims.setdefault(names.pop(), []).append(c)
        for name, found in claims.items():
            if len(found) == 1:
                found[0].name, found[0].guessed = name, True

    def _apart(self, tl: TextLine, col: Column) -> list[Column]:
        """A label matched across a column gap (OCR's one box ``Item      Description``, read as the label
        ``Item Description``) is the heads of its pieces more than 1.5 text heights apart, each named by the
        longest dictionary label in it."""
        ps = [p for p in pieces(tl, gap=0.9) if p.x0 >= col.x0 - 0.1 and p.x1 <= col.x1 + 0.1]
        parts = self._sub_heads(ps, 1.5)
        if len(parts) < 2:
            return [col]
        out = []
        for text, x0, x1 in parts:
            found = self._labels_in(text)
            size, name = max(found) if found else (0, None)
            out.append(Column(name, text, x0, x1, matched=size))
        return out

    def _centred_group(self, cols: list[Column], heads: dict[int, list[_Piece]], far: list[_Piece]) -> None:
        """A head centred over second-line heads wider apart than its own text (``金额（元）`` over ``不含税 | 税额 |
        含税``): the pieces of the second line between its neighbours, centred under it, are its sub-heads (taken
        from ``far`` into ``heads``)."""
        order = sorted(cols, key=lambda c: c.x0)
        for k, c in enumerate(order):
            lo = order[k - 1].x1 if k else float("-inf")
            hi = order[k + 1].x0 if k + 1 < len(order) else float("inf")
            mine = [p for p in far if lo <= p.x0 and p.x1 <= hi]
            if not mine:
                continue
            group = [*heads.get(id(c), []), *mine]
            left, right = min(p.x0 for p in group), max(p.x1 for p in group)
            if len(self._sub_heads(group)) >= 2 and left <= c.x0 and c.x1 <= right and \
                    abs((left + right) / 2 - (c.x0 + c.x1) / 2) <= self.h:
                heads[id(c)] = group
                far[:] = [p for p in far if p not in mine]

    def _sub_heads(self, ps: list[_Piece], apart: float = 1.2) -> list[tuple[str, float, float]]:
        """Header pieces under one head, left to right, as (text, x0, x1) of each sub-head: words less than
        ``apart`` (1.2) text heights apart are one (``Tax Amt``), wider gaps part sub-columns."""
        out: list[tuple[str, float, float]] = []
        for p in sorted(ps, key=lambda p: p.x0):
            if out and p.x0 - out[-1][2] < apart * self.h:
                out[-1] = (f"{out[-1][0]} {p.text}", out[-1][1], p.x1)
            else:
                out.append((p.text, p.x0, p.x1))
        return out

    def _join_above(self, no: int, cols: list[Column]) -> None:
        """A header whose heads start on the line above (``Gross`` / ``Amount ₹``, ``Taxable`` / ``Value ₹``):
        that line, close above, with two or more pieces of text and no digits, each over one of the header's
        columns, is the heads' first line."""
        if no == 0:
            return
        tl, above = self.layout.lines[no], self.layout.lines[no - 1]
        if above.page != tl.page or tl.y0 - above.y1 > 0.9 * self.h or no - 1 in self.layout.header_lines:
            return
        ps = pieces(above, gap=0.9)
        if len(ps) < 2 or any(ch.isdigit() for p in ps for ch in p.text):
            return
        over = []
        for p in ps:
            under = [c for c in cols if min(p.x1, c.x1) - max(p.x0, c.x0) > 0]
            if len(under) != 1 or len(p.text) > 20 or p.x1 - p.x0 > max(2 * (under[0].x1 - under[0].x0), 8 * self.h):
                return
            over.append((p, under[0]))
        for p, c in over:
            c.label = _join([p.text, c.label])
            c.x0, c.x1 = min(c.x0, p.x0), max(c.x1, p.x1)

    def _rename(self, cols: list[Column]) -> None:
        """Each column named by the longest dictionary label in its whole header text (``Unit`` / ``Price`` is a
        unit price, ``Item`` / ``No.`` a SKU, ``Gross`` / ``Amount`` not the amount); of two columns named
        alike the one with the longer label keeps the name, the other is a column of its own."""
        for c in cols:
            found = self._found(c)
            if found and max(found)[0] > c.matched:
                c.matched, c.name = max(found)
        for name in {c.name for c in cols if c.name}:
            same = sorted((c for c in cols if c.name == name), key=lambda c: c.x0)
            labels = [_compact(c.label) for c in same]
            if name in ADDITIVE and len(same) > 1 and not any(a in b for a in labels for b in labels if a is not b):
                for k, c in enumerate(same[1:], 2):  # CGST and SGST: the line's tax is both
                    c.name = f"{name}+{k}"
                continue
            for c in sorted(same, key=lambda c: -c.matched)[1:]:
                c.name = None

    @staticmethod
    def _line_total(cols: list[Column]) -> None:
        """A bare ``Total`` head is the line's amount where no other column is (``Description | Qty | Price |
        Total``); beside an amount (``Net | VAT | Total``) it is the line's total with its tax and stays unread."""
        if not any(c.name in ("amount", "gross") for c in cols):
            for c in cols:
                if c.name == "line_total":
                    c.name = "amount"
                    break

    def _found(self, c: Column) -> list[tuple[int, str]]:
        """The dictionary labels naming column ``c`` (:meth:`_labels_in` its header text). Under a group head
        (``Amount (EUR)`` over ``Net | VAT | Gross``) a label wholly in the group head names the group, not the
        sub-column, where the sub-head or a label across both (``CGST`` / ``Amount``) names it."""
        found = self._labels_in(c.label)
        if not c.group:
            return found
        own = [f for f in found if f not in self._labels_in(c.group)]
        return own or found

    def _labels_in(self, label: str) -> list[tuple[int, str]]:
        """(length, column name) of the dictionary labels in header text ``label`` that start and end at its
        word boundaries (``Tax`` is not in ``Taxable``)."""
        norm = _norm(label)
        compact, starts, ends = "", set(), set()
        for i, ch in enumerate(norm):
            if ch.isspace():
                continue
            if i == 0 or not (_ascii_alnum(norm[i - 1]) and _ascii_alnum(ch)):
                starts.add(len(compact))
            compact += ch
            if i + 1 == len(norm) or not (_ascii_alnum(norm[i + 1]) and _ascii_alnum(ch)):
                ends.add(len(compact))
        return [(len(lab), n) for s, e, lab, n in self.columns_matcher.finditer(compact, shorter=True)
                if s in starts and e in ends]

    def _merge_unknown(self, cols: list[Column]) -> list[Column]:
        """Unknown header text next to another unknown one is one header; a bracketed qualifier
        (``Unit Price (USD)``, ``金额 （含税）``) or a currency (``Einzelpreis €``) belongs to the header left of it."""
        out: list[Column] = []
        for c in cols:
            qualifier = (c.label[:1] in "(（[" or _CURRENCY_QUALIFIER.match(c.label)) and out \
                and c.x0 - out[-1].x1 < 1.2 * self.h
            if out and c.name is None and (qualifier or (out[-1].name is None and c.x0 - out[-1].x1 < 0.9 * self.h)):
                out[-1].label = _join([out[-1].label, c.label])
                out[-1].x1 = c.x1
            else:
                out.append(c)
        return out

    # -- cells ----------------------------------------------------------------------------------------
    def column_of(self, chars: list[Char], cols: list[Column], figure: bool) -> tuple[Column, bool]:
        """The column of a piece (or a group of pieces) of body text, and whether that is sure. A figure
        (amounts, quantities, dates, rates: right-aligned or centred in its cell, whatever the header's
        alignment) belongs to the rightmost header that starts before it ends. Text belongs to the header
        it sits under, over several headers to the one it covers most; text under
        none (left-aligned under a centred header) to the nearest header of a text column, unsure."""
        x0, x1 = chars[0].x0, chars[-1].x1
        tol = 0.3 * self.h
        if figure:
            found = [c for c in cols if c.x0 <= x1 - tol]
            # a figure that starts left of a header and ends short of its middle is no cell of it (right-aligned
            # or centred cells end at or past their header's middle): that header overflows its cell
            # (``税率/征收率`` over the amounts' cell, with no ruling lines to bound it)
            while len(found) > 1 and x0 < found[-1].x0 - tol and x1 < (found[-1].x0 + found[-1].x1) / 2 - tol:
                found.pop()
            col = found[-1] if found else cols[0]
            if col.bound is not None and x0 > col.bound:  # past a centred text column's cell end: the next
                # column's first word (``0603`` of the spec ``0603 10KΩ±1%``), not the description's
                col = min((c for c in cols if c.x0 > col.x0), key=lambda c: c.x0, default=col)
            return col, True
        under = [c for c in cols if min(x1, c.x1) - max(x0, c.x0) > 0.5 * min(x1 - x0, c.x1 - c.x0)]
        if len(under) == 1:
            return under[0], True
        if under:  # the header it covers most (a long description over the next header, a row number
            # OCR glued to the description), the leftmost of equals
            return max(under, key=lambda c: (round(min(x1, c.x1) - max(x0, c.x0), 1), -c.x0)), True
        texts = [c for c in cols if c.name not in NUMERIC] or cols  # words are not a quantity or an amount
        return min(texts, key=lambda c: (max(c.x0 - x1, x0 - c.x1, 0), c.x0)), False

    def cells(self, tl: TextLine, cols: list[Column], edges: dict[str, list[tuple[float, float]]] | None = None
              ) -> dict[str, list[_Piece]]:
        """The pieces of one body line by column key: text pieces a blank apart go together (one cell:
        ``M10x40 8.8级 镀锌``), each figure alone. Text under no header goes to the column whose sure
        cells (``edges``: column -> (x0, x1) in other rows) start or end where it does, if any."""
        ruled = self._ruled_cells(tl, cols)
        if ruled is not None:
            return ruled
        out: dict[str, list[_Piece]] = {}
        groups = self._groups(tl, cols)
        for n, (g, col, sure) in enumerate(groups):
            # a unit or a currency, not a description; a longer unit word only after a quantity (``2 rolls``)
            short = len(g) == 1 and (len(g[0].text) <= 4 or bool(_UNIT_WORD.fullmatch(g[0].text)) and n > 0
                                     and groups[n - 1][1].name == "quantity")
            if not sure and short:  # a unit after its quantity (500 SET), a currency before its amount (EUR 0.11)
                near = [(groups[m][1], gap) for m, gap in ((n - 1, g[0].x0 - groups[n - 1][0][-1].x1 if n else None),
                                                           (n + 1, groups[n + 1][0][0].x0 - g[-1].x1
                                                            if n + 1 < len(groups) else None))
                        if gap is not None and gap < 0.8 * self.h and _is_figure(groups[m][0][-1].text)
                        and groups[m][1].name != "line_no"]
                if near:
                    out.setdefault(near[0][0].key, []).extend(g)
                    continue
            if not sure and edges:
                x0, x1 = g[0].x0, g[-1].x1
                tol = 0.4 * self.h
                aligned = [k for k, spans in edges.items() if any(abs(a - x0) < tol or abs(b - x1) < tol
                                                                  for a, b in spans)]
                if len(aligned) == 1:
                    out.setdefault(aligned[0], []).extend(g)
                    continue
            out.setdefault(col.key, []).extend(g)
        return out

    def _groups(self, tl: TextLine, cols: list[Column], only: list[Char] | None = None
                ) -> list[tuple[list[_Piece], Column, bool]]:
        groups: list[list[_Piece]] = []
        keep = None if only is None else {id(c) for c in only}
        for p in pieces(tl):
            if keep is not None:
                chars = [c for c in p.chars if id(c) in keep]
                if not chars:
                    continue
                p = _Piece(chars, tl)
            fig = _is_figure(p.text)
            if groups and _THOUSANDS_HEAD.match(groups[-1][-1].text) and _THOUSANDS_TAIL.match(p.text) \
                    and p.x0 - groups[-1][-1].x1 < 0.45 * self.h:
                groups[-1][-1] = _Piece(groups[-1][-1].chars + p.chars, tl)  # ``45 973,80``: one figure
                continue
            if groups and not fig and not _is_figure(groups[-1][-1].text) and p.x0 - groups[-1][-1].x1 < 0.45 * self.h \
                    and not self._across_bound(groups[-1][-1], p, cols):
                groups[-1].append(p)
            else:
                groups.append([p])
        groups, times = self._times(groups, cols)
        out: list[tuple[list[_Piece], Column, bool]] = []
        for n, g in enumerate(groups):
            chars = [c for p in g for c in p.chars]
            fig = (len(g) == 1 and _is_figure(g[0].text)) or id(g) in times
            col, sure = self.column_of(chars, cols, fig)
            unit = groups[n + 1] if fig and n + 1 < len(groups) else None
            if unit is not None and _UNIT_WORD.fullmatch(" ".join(p.text for p in unit)) \
                    and unit[0].x0 - g[-1].x1 < 0.6 * self.h:
                # ``400 Adet`` right-aligned under ``Miktar``: the figure's cell ends where its unit does
                whole, _ = self.column_of(chars + [c for p in unit for c in p.chars], cols, True)
                if whole.name == "quantity":
                    col, sure = whole, True
            out.append((g, col, sure))
        return out

    def _times(self, groups: list[list[_Piece]], cols: list[Column]) -> tuple[list[list[_Piece]], set[int]]:
        """Groups of one line with ``figure [unit] x figure`` joined into one cell where the table has a
        ``qty_rate`` column and the whole ends under it (``1,200 PCS x $0.85`` right-aligned under ``Qty x Rate``:
        its quantity starts left of the header); the ids of the joined groups."""
        if not any(c.name == "qty_rate" for c in cols):
            return groups, set()
        out: list[list[_Piece]] = []
        joined: set[int] = set()
        n = 0
        while n < len(groups):
            g = groups[n]
            if n + 2 < len(groups) and len(g) == 1 and _is_figure(g[0].text):
                mid, price = groups[n + 1], groups[n + 2]
                words = [p.text for p in mid]
                close = mid[0].x0 - g[-1].x1 < 0.6 * self.h and price[0].x0 - mid[-1].x1 < 0.6 * self.h
                at = next((k for k, w in enumerate(words) if _TIMES.fullmatch(w)), None)
                if close and len(price) == 1 and _is_figure(price[0].text) and at is not None and at <= 1 \
                        and all(_UNIT_WORD.fullmatch(w) for w in words[:at]) \
                        and all(_CURRENCY_QUALIFIER.match(w) for w in words[at + 1:]) and len(words) <= at + 2:
                    whole = [*g, *mid, *price]
                    col, _sure = self.column_of([c for p in whole for c in p.chars], cols, True)
                    if col.name == "qty_rate":
                        out.append(whole)
                        joined.add(id(whole))
                        n += 3
                        continue
            out.append(g)
            n += 1
        return out, joined

    def _across_bound(self, left: _Piece, right: _Piece, cols: list[Column]) -> bool:
        """Whether two pieces a blank apart lie either side of a centred column's cell end (:attr:`Column.bound`):
        ``*传感器*铂电阻温度传感`` | ``Φ8x300mm`` under 项目名称 | 规格型号, the spec's first word no description's."""
        return any(c.bound is not None and left.x1 <= c.bound + 0.2 * self.h and right.x0 > c.bound for c in cols)

    def _centred_bounds(self, body: list[int], cols: list[Column]) -> None:
        """:attr:`Column.bound` of the first column where it is text under a centred header over left-aligned
        values (a VAT grid's 项目名称 on a scan, without ruling lines): the lines' left edge starts a text height or
        more left of the header, so the cell ends as far right of the header's centre."""
        first = cols[0] if cols else None
        if first is None or first.cell is not None or first.name != "description" or len(cols) < 2:
            return
        starts = [self.layout.lines[i].chars[0].x0 for i in body if self.layout.lines[i].chars]
        starts = [x for x in starts if x < first.x1]
        if len(starts) < 2:
            return
        left = min(starts)
        bound = first.x0 + first.x1 - left
        if left < first.x0 - self.h and first.x1 < bound < cols[1].x0:
            first.bound = bound

    def _edges(self, body: list[int], cols: list[Column]) -> dict[str, list[tuple[float, float]]]:
        edges: dict[str, list[tuple[float, float]]] = {}
        for i in body:
            for g, col, sure in self._groups(self.layout.lines[i], cols):
                if sure:
                    edges.setdefault(col.key, []).append((g[0].x0, g[-1].x1))
        return edges

    def _value(self, ps: list[_Piece], col: Column | None = None) -> Value:
        order = _by_line(ps)
        parts, doubt = wrap_blanks(order, col.cell if col is not None else None, self.h)
        text = join_wrapped(parts)
        chars = [c for p in ps for c in p.chars]
        first, last = order[0][0].line, order[-1][0].line
        conf = min(c.conf for c in chars)
        return Value(text, min(conf, DOUBTFUL_BLANK) if doubt else conf, "table", first.page, min(c.x0 for c in chars),
                     first.y0, max(c.x1 for c in chars), last.y1)

    # -- rows -----------------------------------------------------------------------------------------
    def _end(self, no: int) -> str | None:
        """``"table"``/``"page"`` when line ``no`` starts with an end label (合计 / 小计)."""
        for hit in self.layout._find(self.layout._end, [no]):
            segs = self.layout.segments(no)
            if segs and hit.start <= segs[0][0] + 1:
                return "page" if hit.label in self._page_end else "table"
        return None

    def _label_only(self, no: int, cols: list[Column]) -> str:
        """Line ``no``'s text without its figures, rates and currency signs, blank-free (``VAT 20% -48.00`` ->
        ``vat``), when no figure of it stands in a quantity or unit price column; else ``""``."""
        tl = self.layout.lines[no]
        texts = []
        for p in pieces(tl):
            if _is_figure(p.text) or _RATE.match(p.text):
                col, _sure = self.column_of(p.chars, cols, True)
                if col.name in ("quantity", "unit_price"):
                    return ""
                continue
            if _CURRENCY_QUALIFIER.match(p.text) and texts:  # ``MwSt. 19 % 33,82 EUR``: the figure's currency
                continue
            texts.append(p.text)
        return _compact(" ".join(texts))

    def summary(self, no: int, cols: list[Column]) -> bool:
        """Line ``no`` is a summary under the table (``Net -240.00``, ``VAT 20% -48.00``): only a summary label
        and figures (none in a quantity or unit price column)."""
        return bool(self._summary) and self._label_only(no, cols) in self._summary

    def carry(self, no: int, cols: list[Column]) -> bool:
        """Line ``no`` names the sum carried between pages (``Übertrag 1.234,56``, ``Brought forward``)."""
        return bool(self._carry) and self._label_only(no, cols).rstrip(":：") in self._carry

    def read(self) -> ItemTable | None:
        """The item table, over as many consecutive pages as it runs; ``None`` when there is no header."""
        heads = self.headers()
        if not heads:
            return None
        lines = self.layout.lines
        table: ItemTable | None = None
        cols: list[Column] = []
        pages = sorted({tl.page for tl in lines})
        start_page = min(heads)
        for page in [p for p in pages if p >= start_page]:
            if table is not None and table.ended:
                break
            if page in heads:
                no, hits = heads[page]
                cols, last = self.columns(no, hits)
                first = last + 1
            elif table is not None and table.rows:
                first = next((i for i, tl in enumerate(lines) if tl.page == page), None)
                if first is None:
                    break
            else:
                continue
            body: list[int] = []
            end_no, end_kind = None, None
            table_end = False
            grid = [r for r in self.layout.rules.get(page, ()) if any(c.cell and abs(r[0] - c.cell[0]) < 0.3 * self.h
                                                                      for c in cols)]

            def below_grid(tl: TextLine, grid=grid) -> bool:
                return bool(grid) and tl.y0 >= max(bottom for _x, _t, bottom in grid) - 0.2 * self.h
            prev_y = lines[first - 1].y1 if page in heads else None
            ruled_body = False
            for i in range(first, len(lines)):
                if lines[i].page != page:
                    break
                kind = self._end(i)
                if kind == "page" and self._items_below(i, cols):
                    continue  # a group's 小计 inside the table (its items above, the next group's below): no item
                if kind:
                    end_no, end_kind = i, kind
                    break
                if self.carry(i, cols):
                    if any(self._key_figure(self.cells(lines[j], cols), cols) for j in body):
                        break  # at the page's foot: this page's part ends
                    continue  # at its head: the sum brought from the page before, no item
                if self.summary(i, cols):
                    table_end = True
                    break
                if prev_y is not None and lines[i].y0 - prev_y > 5 * self.h and body:
                    break
                if ruled_body and self._ruled_cells(lines[i], cols) is None and below_grid(lines[i]):
                    break  # the grid ended: what follows (Net total, VAT ...) is not a row
                body.append(i)
                ruled_body = ruled_body or self._ruled_cells(lines[i], cols) is not None
                prev_y = lines[i].y1
            if page not in heads:  # a page without a header: from its first row (a figure in the key column)
                body = self._headless(body, cols)
            if table is None:
                table = ItemTable([*cols])
            table.pages.append(page)
            self._centred_bounds(body, cols)
            self._rows(table, body, cols)
            table.ended = table.ended or table_end
            if end_no is not None:
                by_key = {c.key: c for c in cols}
                if end_kind == "table":
                    table.ended = True
                    table.total_row = {k: self._value(v, by_key.get(k))
                                       for k, v in self.cells(lines[end_no], cols).items()}
        return table

    def _items_below(self, no: int, cols: list[Column]) -> bool:
        """Item rows (a key figure beside a quantity or unit price) follow line ``no`` on its page before any end,
        summary or carried sum: a 小计 there closes a group of items, not the page's part."""
        lines = self.layout.lines
        for i in range(no + 1, len(lines)):
            if lines[i].page != lines[no].page or self._end(i) or self.summary(i, cols) or self.carry(i, cols):
                return False
            cells = self.cells(lines[i], cols)
            if self._key_figure(cells, cols) and any(_is_figure(p.text) and not _RATE.match(p.text)
                                                     for k in ("quantity", "unit_price") for p in cells.get(k, ())):
                return True
        return False

    def _key_figure(self, cells: dict[str, list[_Piece]], cols: list[Column]) -> bool:
        keys = [k for k in self.keys if any(c.name == k for c in cols)] or [cols[-1].key]
        return any(k in cells and any(_is_figure(p.text) for p in cells[k]) for k in keys)

    def _row_without_key(self, cells: dict[str, list[_Piece]], cols: list[Column]) -> bool:
        """A line with figures in two or more named figure columns (quantity, unit price ...) but none in
        the key column: a row whose amount a scan could not read, not a wrapped part of its neighbour."""
        named = {c.key for c in cols if c.name in NUMERIC and c.name not in ("line_no", *self.keys)}
        return sum(1 for k in named if any(_is_figure(p.text) for p in cells.get(k, ()))) >= 2

    def _headless(self, body: list[int], cols: list[Column]) -> list[int]:
        lines = self.layout.lines
        for n, i in enumerate(body):
            if self._key_figure(self.cells(lines[i], cols), cols):
                return body[n:]
        return []

    def _rows(self, table: ItemTable, body: list[int], cols: list[Column]) -> None:
        lines = self.layout.lines
        edges = self._edges(body, cols)
        per_line = [(i, c) for i, c in ((i, self.cells(lines[i], cols, edges)) for i in body) if not self._dashes(c)]
        by_key = {c.key: c for c in cols}
        anchors = [n for n, (_i, cells) in enumerate(per_line) if self._key_figure(cells, cols)
                   or self._row_without_key(cells, cols)]
        if not anchors:
            return
        groups: dict[int, list[int]] = {a: [a] for a in anchors}
        ys = [(lines[i].y0, lines[i].y1) for i, _c in per_line]
        heads = self._headings(per_line, anchors, ys)
        limit = 2.2 * self.h
        for prev, nxt in zip([None, *anchors], [*anchors, None], strict=True):
            lo = 0 if prev is None else prev + 1
            hi = len(per_line) if nxt is None else nxt
            between = list(range(lo, hi))
            if not between:
                continue
            # the lines between two rows split at the widest gap: above it they wrap the upper row,
            # below it the lower one (a description centred on its row wraps both ways)
            gaps = [ys[between[0]][0] - ys[prev][1] if prev is not None else float("inf")]
            gaps += [ys[b][0] - ys[a][1] for a, b in zip(between, between[1:], strict=False)]
            gaps.append(ys[nxt][0] - ys[between[-1]][1] if nxt is not None else float("inf"))
            cut = max(range(len(gaps)), key=lambda i: (gaps[i], i))
            up, down = between[:cut], between[cut:]
            for n, g in zip(up, gaps, strict=False):
                if g > limit or n in heads:
                    break
                groups[prev].append(n)
            for n, g in zip(reversed(down), reversed(gaps), strict=False):
                if g > limit or n in heads:
                    break
                groups[nxt].append(n)
        rows = []
        for a in anchors:
            merged: dict[str, list[_Piece]] = {}
            for n in sorted(groups[a]):
                for k, ps in per_line[n][1].items():
                    merged.setdefault(k, []).extend(ps)
            self._sub_description(merged, cols)
            rows.append(merged)
        # a column whose cells break Chinese text where the line had room (no blank to explain it) is wrapped
        # by count, not by width: its room proves no blank
        loose = {k for merged in rows for k, ps in merged.items() if self._loose(ps, by_key.get(k))}
        for merged in rows:
            table.rows.append({k: self._value(ps, None if k in loose else by_key.get(k)) for k, ps in merged.items()})

    @staticmethod
    def _dashes(cells: dict[str, list[_Piece]]) -> bool:
        """A line printing only dashes (``-`` under every head, ``—`` in the name): an empty row, no row's part."""
        return bool(cells) and all(_DASH.match(p.text) for ps in cells.values() for p in ps)

    def _headings(self, per_line: list[tuple[int, dict[str, list[_Piece]]]], anchors: list[int],
                  ys: list[tuple[float, float]]) -> set[int]:
        """Lines between rows that are rows of their own without figures: section and delivery headings
        (``Hardware``, ``Lieferschein 80012 vom 02.04.2026``) over the items, text in the description column only,
        as far from the lines above and below as two rows are from each other, in a table whose rows stand
        apart (padded cells: a wrapped line sits closer to its row). They belong to no row."""
        pairs = [ys[b][0] - ys[a][1] for a, b in zip(anchors, anchors[1:], strict=False) if b == a + 1]
        if len(pairs) < 2:
            return set()
        pitch = sorted(pairs)[len(pairs) // 2]
        if pitch <= 0.8 * self.h:
            return set()
        out = set()
        for n, (_i, cells) in enumerate(per_line):
            if n in anchors or set(cells) != {"description"}:
                continue
            above = ys[n][0] - ys[n - 1][1] if n else float("inf")
            below = ys[n + 1][0] - ys[n][1] if n + 1 < len(ys) else float("inf")
            if min(above, below) >= 0.8 * pitch:
                out.add(n)
        return out

    @staticmethod
    def _sub_description(cells: dict[str, list[_Piece]], cols: list[Column]) -> None:
        """Lines of a row's description in smaller type under it (``Model GP-20, 20 cc/rev``) are its spec,
        when the table has no spec column: the description is the line in the row's own type."""
        desc = cells.get("description")
        if not desc or "spec" in cells or any(c.name == "spec" for c in cols):
            return
        order = _by_line(desc)
        size = max(g[0].line.height for g in order)
        small = [p for g in order[1:] if g[0].line.height < 0.85 * size for p in g]
        if small and len(small) < len(desc):
            cells["description"] = [p for p in desc if p not in small]
            cells["spec"] = small

    def _loose(self, ps: list[_Piece], col: Column | None) -> bool:
        """A ruled cell without blanks whose text breaks between two Chinese characters where the line had
        room for the next one."""
        order = _by_line(ps)
        if col is None or col.cell is None or any(len(g) > 1 for g in order):
            return False
        left = min(g[0].x0 for g in order)
        for prev, g in zip(order, order[1:], strict=False):
            end, nxt = prev[-1].chars[-1], g[0].chars[0]
            if _cjk(end.ch) and _cjk(nxt.ch) and \
                    col.cell[1] - max(0.0, left - col.cell[0]) - end.x1 >= _wide(end, nxt) + ROOM * self.h:
                return True
        return False


def read_table(layout: Layout) -> ItemTable | None:
    """The item table of ``layout`` read by position (see the module docstring); read once per layout
    (the header reader and the line reader ask the same layout)."""
    if "_item_table" not in layout.__dict__:
        layout.__dict__["_item_table"] = TableReader(layout).read()
    return layout.__dict__["_item_table"]
