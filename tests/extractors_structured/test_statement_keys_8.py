"""Statement lines with no bank id re-import exactly once (issue 14): their key is what the bank printed (our
account, the day, the signed amount, the balance after, the ordinal among identical lines), never the party or
text a better parser reads otherwise; a store keyed by the older content hash (``h:``: date, amount, party, text,
balance) takes the file again without a line added; a file read again replaces its own lines row by row; two
exports of overlapping days give each line once. Through the real pipeline into a real SQLite store."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.pipeline import Options, extract_paths
from hub.records import SourceFile, StatementLine
from hub.settings import load_settings
from hub.store import Store

HEAD = "中国农业银行 账户明细\n账号：6228480123456789012\n\n交易日期,收入金额,支出金额,账户余额,对方户名,摘要,附言\n"
ROWS = {  # day -> rows (a day's lines together, as the bank prints them)
    "2026-03-02": ['2026-03-02,"12,500.00",-,"112,500.00",宁波星辰进出口有限公司,汇入汇款,发票号 26327000000001376424'],
    "2026-03-05": ["2026-03-05,-,88.00,\"112,412.00\",,手续费,",
                   "2026-03-05,\"3,000.00\",-,\"115,412.00\",杭州明远贸易有限公司,汇入汇款,货款"],
    "2026-03-09": ["2026-03-09,-,\"5,000.00\",\"110,412.00\",浙江顺丰速运有限公司,转账支出,运费",
                   "2026-03-09,\"5,000.00\",-,\"115,412.00\",上海联拓电子有限公司,汇入汇款,预付款"],
    "2026-03-12": ["2026-03-12,\"1,200.00\",-,\"116,612.00\",宁波港务物流有限公司,汇入汇款,退款"],
    "2026-03-16": ["2026-03-16,-,\"2,400.00\",\"114,212.00\",国网浙江省电力有限公司,代扣,电费"],
}
# two receipts of the same amount on one day and no balance column: told apart only by their order
TWINS = ("中国农业银行 账户明细\n账号：6228480123456789012\n\n交易日期,收入金额,支出金额,对方户名,摘要\n"
         "2026-03-20,800.00,-,宁波甬达五金有限公司,货款\n2026-03-20,800.00,-,慈溪市宏达塑料制品厂,货款\n")


def export(folder: Path, name: str, days: list[str], newest_first: bool = False, title: str = "") -> Path:
    rows = [row for day in days for row in ROWS[day]]
    path = folder / name
    path.write_bytes((title + HEAD + "\n".join(rows[::-1] if newest_first else rows) + "\n").encode("gbk"))
    return path


def read_into(store: Store, settings, *paths: Path):  # type: ignore[no-untyped-def]
    outcomes = extract_paths(list(paths), settings, Options(kind="statement"), store=store)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    return outcomes


def lines(store: Store) -> dict[str, StatementLine]:
    return {r.natural_key(): r for r in store.all(StatementLine)}


def content_hash(*content: object) -> str:
    """How orderhub keyed a line with no bank id before this change (main at 8240d0c, tables.py): ``h:`` and
    sha256 of the day, amount, counterparty, description and balance; repeats ``~2``."""
    text = "\x1f".join("" if c is None else str(c) for c in content)
    return "h:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_key_is_what_the_bank_printed(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    (out,) = read_into(store, settings, export(tmp_path, "m.csv", list(ROWS)))
    line = out.records[0]
    assert isinstance(line, StatementLine) and line.transaction_id.startswith("k:")
    changed = line.model_copy(update={"counterparty_name": "宁波星辰进出口", "description": "other"})
    from extractors.statements.model import line_id

    assert line_id(changed.account, changed.booking_date, changed.amount, changed.balance) == line.transaction_id


def test_a_store_keyed_by_the_old_content_hash_takes_the_file_again(tmp_path: Path) -> None:
    """The store holds the lines as an older reader gave them (another party on two lines, the key hashing it);
    reading the file now updates those lines in place, under their stored key: none is added."""
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    path = export(tmp_path, "m.csv", list(ROWS))
    now = extract_paths([path], settings, Options(kind="statement"))[0].records
    old, seen = [], {}
    for line in now:
        party = line.counterparty_name[:4] if line.counterparty_name.endswith("有限公司") else line.counterparty_name
        base = content_hash(line.booking_date, line.amount, party, line.description, line.balance)
        seen[base] = seen.get(base, 0) + 1
        tid = base if seen[base] == 1 else f"{base}~{seen[base]}"
        old.append(line.model_copy(update={"transaction_id": tid, "counterparty_name": party}))
    store.upsert(old)
    before = lines(store)
    assert len(before) == 7

    (out,) = read_into(store, settings, path)
    after = lines(store)
    assert set(after) == set(before)  # on main: 7 lines more, each under the hash of its new party
    assert {ln.counterparty_name for ln in after.values()} == {ln.counterparty_name for ln in now}
    assert out.stored == {"inserted": 0, "updated": 6, "unchanged": 1}
    (source,) = store.all(SourceFile)
    assert sorted(k.partition(":")[2] for k in source.record_keys) == sorted(after)


def test_a_file_read_again_replaces_its_lines_row_by_row(tmp_path: Path) -> None:
    """A file read before whose lines an older reader read with another day or amount, or under bank 'unknown'
    (its bank named only by a better reader): read again, each row is its stored line updated, or the old line
    retired for the new one; no line is there twice."""
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    path = export(tmp_path, "m.csv", list(ROWS))
    read_into(store, settings, path)
    good = lines(store)
    (source,) = store.all(SourceFile)
    first, second = sorted(good.values(), key=lambda ln: ln.source_line or 0)[:2]
    misread = first.model_copy(update={"booking_date": first.value_date or first.booking_date.replace(day=1),
                                       "transaction_id": "k:0000000000000001"})
    unnamed = second.model_copy(update={"bank": "unknown"})
    with store.batch() as batch:
        batch.retire("statement_line", first.natural_key(), replaced_by="-")
        batch.retire("statement_line", second.natural_key(), replaced_by="-")
        batch.upsert([misread, unnamed])
        keys = [k for k in source.record_keys if k.partition(":")[2] not in (first.natural_key(), second.natural_key())]
        batch.upsert([source.model_copy(update={"record_keys": [*keys, f"statement_line:{misread.natural_key()}",
                                                                f"statement_line:{unnamed.natural_key()}"]})])
    assert len(lines(store)) == 7

    read_into(store, settings, path)
    after = lines(store)
    assert len(after) == 7  # on main: 9 (the misread line and the 'unknown' one stay beside the new ones)
    assert after[misread.natural_key()].booking_date == first.booking_date  # updated in place, its key kept
    assert unnamed.natural_key() not in after and second.natural_key() in after
    assert any(e.action == "replaced" for e in store.history(("statement_line", unnamed.natural_key())))


def test_two_exports_of_overlapping_days_give_each_line_once(tmp_path: Path) -> None:
    """1-9 March, then 5-16 March newest first with another title: the days both cover are there once."""
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    days = list(ROWS)
    read_into(store, settings, export(tmp_path, "march_a.csv", days[:3]))
    read_into(store, settings, export(tmp_path, "march_b.csv", days[1:], newest_first=True,
                                      title="导出时间：2026-03-17 09:30\n"))
    stored = lines(store)
    assert len(stored) == 7
    assert sorted((ln.booking_date.isoformat(), str(ln.amount)) for ln in stored.values()) == sorted(
        [("2026-03-02", "12500.00"), ("2026-03-05", "-88.00"), ("2026-03-05", "3000.00"), ("2026-03-09", "-5000.00"),
         ("2026-03-09", "5000.00"), ("2026-03-12", "1200.00"), ("2026-03-16", "-2400.00")])


def test_identical_lines_of_a_day_stay_two(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    path = tmp_path / "twins.csv"
    path.write_bytes(TWINS.encode("gbk"))
    (out,) = read_into(store, settings, path)
    assert [ln.transaction_id[-2:] == "~2" for ln in out.records] == [False, True]
    read_into(store, settings, path)
    assert sorted(ln.counterparty_name for ln in lines(store).values()) == ["宁波甬达五金有限公司", "慈溪市宏达塑料制品厂"]
