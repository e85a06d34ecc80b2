"""Held-out statement exports (issue 14, second set), written by hand in the shapes the banks export, not by the
generator: an ABC-style GBK csv (preamble, signed ``+``/``-`` amounts, tab-prefixed accounts, a 合计笔数 trailer), a
CCB-style xlsx whose header is two merged rows (发生额 over 借方发生额(支出)/贷方发生额(收入), 对方信息 over
户名/账号/开户行), an SPDB-style csv with only a value date (起息日) and 收/支, an HSBC HK USD statement converted
from its PDF (label | value preamble, B/F and C/F rows, details wrapped over rows), a CITIC card csv (交易日/记账日,
``CNY`` suffixes, credits in parentheses, a USD purchase billed in CNY), an MT940 of a German bank (funds code
letter after C/D, bank reference after //, :86: with ?20-?33 subfields wrapped over lines) and a camt.053 (a
structured creditor reference, a charge with only AddtlNtryInf). Each row's date, signed amount, currency,
counterparty (where printed) and memo are asserted; the statement is our account."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.statements import read_statement
from tests.extractors_structured.exports import write_csv as _csv
from tests.extractors_structured.exports import write_xlsx as _xlsx

OURS = "苏州恒锐精密五金制品有限公司"

S1 = [  # ABC-style GBK csv: preamble, signed amount with +, tab-prefixed accounts, trailer 合计笔数/借贷合计
    ["中国农业银行账户明细查询"], ["账号", "\t10531001040018888"], ["户名", OURS], ["币种", "人民币"],
    ["起止日期", "20260301-20260315"], [],
    ["交易日期", "交易时间", "交易金额", "本次余额", "对方户名", "对方账号", "对方开户行", "交易渠道", "交易用途", "摘要"],
    ["20260302", "091533", "+35080.50", "135080.50", "杭州西湖精密机械有限公司", "\t571908765410901", "招商银行杭州西湖支行", "柜面", "货款", "进账"],
    ["20260303", "142201", "-1200.00", "133880.50", "苏州工业园区供水有限公司", "\t10550101040001111", "中国农业银行苏州分行", "批量", "2月水费", "代扣"],
    ["20260305", "100012", "-28000.00", "105880.50", "江苏华东钢材贸易有限公司", "\t32001881236052500456", "中国建设银行南京城南支行", "网银", "钢材款", "转账"],
    ["20260309", "161045", "-8.50", "105872.00", "", "", "", "网银", "", "汇划费"],
    ["20260312", "093010", "+12000.00", "117872.00", "无锡天成机电设备有限公司", "\t32050162863600001234", "中国建设银行无锡新区支行", "网银", "INV 26322000000012345", "跨行来账"],
    ["20260315", "235959", "+45.37", "117917.37", "", "", "", "", "", "结息"],
    [], ["合计笔数", "6"], ["借方合计", "29208.50", "贷方合计", "47125.87"],
]
S1_T = [("2026-03-02", "35080.50", "CNY", "杭州西湖精密机械有限公司", "货款"),
        ("2026-03-03", "-1200.00", "CNY", "苏州工业园区供水有限公司", "2月水费"),
        ("2026-03-05", "-28000.00", "CNY", "江苏华东钢材贸易有限公司", "钢材款"),
        ("2026-03-09", "-8.50", "CNY", "*", ""),
        ("2026-03-12", "12000.00", "CNY", "无锡天成机电设备有限公司", "INV 26322000000012345"),
        ("2026-03-15", "45.37", "CNY", "*", "")]

# S2 CCB-style xlsx: two-row merged header (发生额 over 借方发生额(支出)/贷方发生额(收入), 对方信息 over 户名/账号/开户行)
S2_HEAD = [["中国建设银行单位账户交易明细"], [f"账号：32250198883600000123    户名：{OURS}"],
           ["币种：人民币    起始日期：2026-03-01    截止日期：2026-03-31"],
           ["交易时间", "摘要", "发生额", None, "余额", "对方信息", None, None, "备注"],
           [None, None, "借方发生额(支出)", "贷方发生额(收入)", None, "户名", "账号", "开户行", None]]
S2_MERGES = ["A1:I1", "A2:I2", "A3:I3", "A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:H4", "I4:I5"]
S2_ROWS = [["2026-03-03 10:12:45", "转账存入", None, 18600.00, 218600.00, "宁波明达五金制品有限公司", "3901110009000567890", "中国工商银行宁波分行", "货款"],
           ["2026-03-06 15:30:02", "转账支取", 7450.00, None, 211150.00, "江苏华东钢材贸易有限公司", "32001881236052500456", "中国建设银行南京城南支行", "钢材款"],
           ["2026-03-10 09:01:17", "代发工资", 56320.00, None, 154830.00, None, None, None, "3月工资"],
           ["2026-03-18 11:45:00", "跨行转入", None, 23616.00, 178446.00, "常州新达工业自动化有限公司", "32001628536052501234", "中国建设银行常州武进支行", "支付发票26322000000045678901货款"],
           ["2026-03-25 16:20:41", "电子汇划费", 5.50, None, 178440.50, None, None, None, "手续费"]]
S2_T = [("2026-03-03", "18600.00", "CNY", "宁波明达五金制品有限公司", "货款"),
        ("2026-03-06", "-7450.00", "CNY", "江苏华东钢材贸易有限公司", "钢材款"),
        ("2026-03-10", "-56320.00", "CNY", "*", "3月工资"),
        ("2026-03-18", "23616.00", "CNY", "常州新达工业自动化有限公司", "支付发票26322000000045678901货款"),
        ("2026-03-25", "-5.50", "CNY", "*", "手续费")]

S3 = [  # SPDB-style csv (utf-8 with BOM): only a value date 起息日, 收/支 direction, amounts in quotes
    ["浦发银行 对公账户交易明细查询"], ["账号", "95200078801234567", "户名", OURS], ["查询日期", "2026-03-01", "至", "2026-03-31"],
    ["起息日", "交易流水号", "收/支", "交易金额", "账户余额", "对方账号", "对方户名", "摘要", "附言"],
    ["2026-03-04", "95202603040001", "收", "9,379.00", "59,379.00", "32050162863600001234", "无锡天成机电设备有限公司", "网银跨行", "货款 发票26322000000012345678"],
    ["2026-03-11", "95202603110007", "支", "3,150.00", "56,229.00", "440501460109000099", "广州白云恒通包装材料有限公司", "网银转账", "包装箱款 PO-HR-2603-009"],
    ["2026-03-20", "95202603200012", "支", "860.00", "55,369.00", "", "苏州工业园区社会保险基金管理中心", "批量代扣", "3月社保"],
    ["2026-03-27", "95202603270003", "收", "1,500.00", "56,869.00", "6222021102001234567", "张伟", "他行来账", "样品费"],
]
S3_T = [("2026-03-04", "9379.00", "CNY", "无锡天成机电设备有限公司", "货款 发票26322000000012345678"),
        ("2026-03-11", "-3150.00", "CNY", "广州白云恒通包装材料有限公司", "包装箱款 PO-HR-2603-009"),
        ("2026-03-20", "-860.00", "CNY", "苏州工业园区社会保险基金管理中心", "3月社保"),
        ("2026-03-27", "1500.00", "CNY", "张伟", "样品费")]

S4 = [  # HK bank statement (converted from the PDF): USD account, B/F and C/F rows, details wrapped over rows
    ["HSBC Business Banking - Account Statement"], ["Account Name", "SUZHOU HENGRUI PRECISION HARDWARE CO LTD"],
    ["Account Number", "808-123456-838"], ["Currency", "USD"], ["Statement Period", "01 Mar 2026 to 31 Mar 2026"], [],
    ["Date", "Transaction Details", "Withdrawals", "Deposits", "Balance"],
    ["01 Mar 2026", "B/F BALANCE", "", "", "20,000.00"],
    ["06 Mar 2026", "CREDIT TRANSFER", "", "12,475.00", "32,475.00"],
    ["", "MUELLER ANLAGENBAU GMBH", "", "", ""], ["", "INVOICE HR-EX-2602-017 PO 4500123456", "", "", ""],
    ["10 Mar 2026", "TT PAYMENT", "8,200.00", "", "24,275.00"], ["", "SHENZHEN FASTLINK LOGISTICS LTD", "", "", ""],
    ["", "FREIGHT MAR 2026", "", "", ""],
    ["10 Mar 2026", "TT CHARGES", "25.00", "", "24,250.00"],
    ["18 Mar 2026", "FPS CREDIT", "", "3,460.00", "27,710.00"], ["", "KOWLOON TOOLING SUPPLY CO", "", "", ""],
    ["31 Mar 2026", "C/F BALANCE", "", "", "27,710.00"],
]
S4_T = [("2026-03-06", "12475.00", "USD", "MUELLER ANLAGENBAU GMBH", "INVOICE HR-EX-2602-017"),
        ("2026-03-10", "-8200.00", "USD", "SHENZHEN FASTLINK LOGISTICS LTD", "FREIGHT MAR 2026"),
        ("2026-03-10", "-25.00", "USD", "*", ""),
        ("2026-03-18", "3460.00", "USD", "KOWLOON TOOLING SUPPLY CO", "")]

S5 = [  # CITIC-style card statement csv: 交易日/记账日, CNY suffix, credits in parentheses, a USD purchase billed in CNY
    ["中信银行信用卡对账单"], ["卡号", "6259 **** **** 3318"], ["持卡人", OURS], ["账单日", "2026-03-05"],
    ["账单周期", "2026/02/06-2026/03/05"], [],
    ["交易日", "记账日", "交易描述", "卡号末四位", "交易金额", "记账金额"],
    ["2026/02/08", "2026/02/09", "京东商城 办公用品", "3318", "1,280.00 CNY", "1,280.00 CNY"],
    ["2026/02/12", "2026/02/13", "携程旅行网 机票", "3318", "2,360.00 CNY", "2,360.00 CNY"],
    ["2026/02/15", "2026/02/16", "京东商城 退款", "3318", "(199.00) CNY", "(199.00) CNY"],
    ["2026/02/20", "2026/02/20", "还款 谢谢", "3318", "(5,000.00) CNY", "(5,000.00) CNY"],
    ["2026/02/26", "2026/02/27", "AMAZON.COM SEATTLE", "3318", "45.99 USD", "336.27 CNY"],
    ["2026/03/02", "2026/03/03", "中国石化加油站 苏州", "3318", "500.00 CNY", "500.00 CNY"],
    [], ["本期应还金额", "", "", "", "", "-722.73 CNY"],
]
S5_T = [("2026-02-09", "-1280.00", "CNY", "京东商城", ""), ("2026-02-13", "-2360.00", "CNY", "携程旅行网", ""),
        ("2026-02-16", "199.00", "CNY", "京东商城", ""), ("2026-02-20", "5000.00", "CNY", "*", ""),
        ("2026-02-27", "-336.27", "CNY", "AMAZON.COM", ""), ("2026-03-03", "-500.00", "CNY", "中国石化", "")]

MT940 = """{1:F01BKCHDEFFAXXX0000000000}{2:I940XXXXXXXXXXXXN}{4:
:20:STARTUMS260309
:25:BKCHDEFFXXX/0000123456789
:28C:00031/001
:60F:C260302EUR48250,00
:61:2603030303CR7520,00NTRFNONREF//260303-00A1
:86:166?00SEPA-GUTSCHRIFT?109310?20EREF+RG26-00457?21SVWZ+Rechnung RG26-0045
7 Kd-Nr. K-20931?30COBADEFFXXX?31DE44500105175407324931?32SCHNEIDER PRAE
ZISIONSWERKZEUGE?33GMBH
:61:2603050305DR1240,50NTRFPO-4500123//260305-00B7
SEPA Ueberweisung
:86:177?00SEPA-UEBERWEISUNG?109311?20EREF+PO-4500123?21SVWZ+PO 4500123 Liefe
rung Maerz?30DEUTDEFFXXX?31DE89370400440532013000?32MUELLER ANLAGENBAU G
MBH
:61:2603090309D18,00NCHGNONREF//260309-00C2
:86:805?00ENTGELT?20Kontofuehrung 02/2026
:62F:C260309EUR54511,50
-}"""
MT940_T = [("2026-03-03", "7520.00", "EUR", "SCHNEIDER PRAEZISIONSWERKZEUGE GMBH", "Rechnung RG26-00457"),
           ("2026-03-05", "-1240.50", "EUR", "MUELLER ANLAGENBAU GMBH", "PO 4500123 Lieferung Maerz"),
           ("2026-03-09", "-18.00", "EUR", "*", "Kontofuehrung 02/2026")]

CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>ING260331STMT0001</MsgId><CreDtTm>2026-03-31T22:10:05</CreDtTm></GrpHdr>
  <Stmt>
   <Id>ING260331NL20INGB0001234567</Id><ElctrncSeqNb>62</ElctrncSeqNb><CreDtTm>2026-03-31T22:10:05</CreDtTm>
   <FrToDt><FrDtTm>2026-03-01T00:00:00</FrDtTm><ToDtTm>2026-03-31T23:59:59</ToDtTm></FrToDt>
   <Acct><Id><IBAN>NL20INGB0001234567</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>SUZHOU HENGRUI PRECISION HARDWARE CO LTD</Nm></Ownr>
    <Svcr><FinInstnId><BIC>INGBNL2A</BIC></FinInstnId></Svcr></Acct>
   <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">13157.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>
   <Ntry>
    <Amt Ccy="EUR">4150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2026-03-10</Dt></BookgDt><ValDt><Dt>2026-03-10</Dt></ValDt><AcctSvcrRef>2026031000417823</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>VDB-2026-0310-01</EndToEndId></Refs>
     <AmtDtls><TxAmt><Amt Ccy="EUR">4150.00</Amt></TxAmt></AmtDtls>
     <RltdPties><Dbtr><Nm>VAN DER BERG TECHNIEK B.V.</Nm></Dbtr><DbtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></DbtrAcct></RltdPties>
     <RltdAgts><DbtrAgt><FinInstnId><BIC>ABNANL2A</BIC></FinInstnId></DbtrAgt></RltdAgts>
     <RmtInf><Ustrd>INVOICE HR-EX-2603-004</Ustrd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">980.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2026-03-17</Dt></BookgDt><ValDt><Dt>2026-03-17</Dt></ValDt><AcctSvcrRef>2026031700912744</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
     <RltdPties><Cdtr><Nm>DHL EXPRESS (NETHERLANDS) B.V.</Nm></Cdtr><CdtrAcct><Id><IBAN>NL69INGB0123456789</IBAN></Id></CdtrAcct></RltdPties>
     <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2026-03-31</Dt></BookgDt><ValDt><Dt>2026-03-31</Dt></ValDt><AcctSvcrRef>2026033100000001</AcctSvcrRef>
    <BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd>
    <AddtlNtryInf>Kosten betalingsverkeer maart 2026</AddtlNtryInf>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>
"""
CAMT_T = [("2026-03-10", "4150.00", "EUR", "VAN DER BERG TECHNIEK B.V.", "INVOICE HR-EX-2603-004"),
          ("2026-03-17", "-980.00", "EUR", "DHL EXPRESS (NETHERLANDS) B.V.", "RF18539007547034"),
          ("2026-03-31", "-12.50", "EUR", "*", "Kosten betalingsverkeer maart 2026")]




def _build(tmp_path: Path, name: str) -> Path:
    return {
        "abc_gbk": lambda: _csv(tmp_path / "abc_202603.csv", S1, "gbk"),
        "ccb_merged": lambda: _xlsx(tmp_path / "ccb_merged.xlsx", S2_HEAD + S2_ROWS, tuple(S2_MERGES)),
        "spdb_value_date": lambda: _csv(tmp_path / "spdb.csv", S3, "utf-8-sig"),
        "hsbc_hk": lambda: _xlsx(tmp_path / "hsbc_hk.xlsx", S4),
        "citic_card": lambda: _csv(tmp_path / "citic_card.csv", S5, "utf-8"),
        "mt940": lambda: _write(tmp_path / "boc_frankfurt.sta", MT940.replace("\n", "\r\n")),
        "camt053": lambda: _write(tmp_path / "ing_camt053.xml", CAMT),
    }[name]()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


TRUTH = {"abc_gbk": S1_T, "ccb_merged": S2_T, "spdb_value_date": S3_T, "hsbc_hk": S4_T, "citic_card": S5_T,
         "mt940": MT940_T, "camt053": CAMT_T}


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_held_out_statement_reads_every_row(tmp_path: Path, name: str) -> None:
    result = read_statement(_build(tmp_path, name))
    got = [(ln.booking_date, ln.amount, ln.currency) for ln in result.lines]
    assert got == [(date.fromisoformat(d), D(a), c) for d, a, c, _, _ in TRUTH[name]]
    for ln, (_, _, _, party, memo) in zip(result.lines, TRUTH[name], strict=True):
        if party != "*":  # a bank's fee or interest names no party
            assert _squash(party) in _squash(ln.counterparty_name), (ln.counterparty_name, party)
        if memo:
            assert _squash(memo) in _squash(f"{ln.description} {ln.reference or ''}"), (ln.description, ln.reference, memo)
    assert not result.row_warnings


def test_a_two_row_merged_header_is_one_header(tmp_path: Path) -> None:
    """发生额 merged over 借方发生额(支出)/贷方发生额(收入): the top row alone mapped 发生额 to the debit column,
    so the two credits were lost (row warnings) and the three debits came out as money in at 1.0."""
    result = read_statement(_build(tmp_path, "ccb_merged"))
    assert [ln.amount for ln in result.lines] == [D("18600.00"), D("-7450.00"), D("-56320.00"), D("23616.00"), D("-5.50")]
    assert result.lines[0].counterparty_account == "3901110009000567890"
    assert result.lines[0].counterparty_bank == "中国工商银行宁波分行"


def test_details_wrapped_over_rows_join_their_transaction(tmp_path: Path) -> None:
    """A statement converted from its PDF: ``CREDIT TRANSFER`` / ``MUELLER ANLAGENBAU GMBH`` / ``INVOICE ...``
    on three rows; the party and the memo rows were skipped ("no date and no amount"), B/F and C/F were row
    warnings, and ``Currency | USD`` (no colon) was not read: CNY at 0.5."""
    result = read_statement(_build(tmp_path, "hsbc_hk"))
    first = result.lines[0]
    assert "MUELLER ANLAGENBAU GMBH" in first.counterparty_name and "INVOICE HR-EX-2602-017" in first.description
    assert {ln.currency for ln in result.lines} == {"USD"} and result.confidence["currency"] == 1.0
    assert result.account == "808123456838"
    assert any("B/F" in s for s in result.skipped) and any("C/F" in s for s in result.skipped)


MT940_ING = """:20:P260310000000001
:25:NL20INGB0001234567EUR
:28C:00070
:60F:C260309EUR10000,00
:61:2603100310C4150,00NTRFNONREF//2026031000417823
/TRCD/00100/
:86:/EREF/VDB-2026-0310-01//CNTP/NL91ABNA0417164300/ABNANL2A/VAN DER BERG TEC
HNIEK B.V.///REMI/USTD//INVOICE HR-EX-2603-004/
:61:2603170317D980,00NTRFNONREF//2026031700912744
:86:/EREF/NOTPROVIDED//CNTP/NL69INGB0123456789/INGBNL2A/DHL EXPRESS (NETHER
LANDS) B.V.///REMI/STRD/CUR/RF18539007547034/
:61:2603310331D12,50NMSCNONREF//2026033100000001
:86:/REMI/USTD//Kosten betalingsverkeer maart 2026/
:62F:C260331EUR13157,50
"""


def test_mt940_details_written_as_slash_tags(tmp_path: Path) -> None:
    """ING's SEPA MT940 (/EREF/ /CNTP/ account/BIC/name/city /REMI/ USTD or STRD, wrapped at 65 characters):
    no counterparty, account, bank, memo or reference was read (all empty)."""
    result = read_statement(_write(tmp_path / "ing.sta", MT940_ING.replace("\n", "\r\n")))
    got = [(ln.amount, ln.counterparty_name, ln.counterparty_account, ln.counterparty_bank, ln.description, ln.reference)
           for ln in result.lines]
    assert got == [
        (D("4150.00"), "VAN DER BERG TECHNIEK B.V.", "NL91ABNA0417164300", "ABNANL2A", "INVOICE HR-EX-2603-004",
         "VDB-2026-0310-01"),
        (D("-980.00"), "DHL EXPRESS (NETHERLANDS) B.V.", "NL69INGB0123456789", "INGBNL2A", "RF18539007547034", None),
        (D("-12.50"), "", None, None, "Kosten betalingsverkeer maart 2026", None)]
    assert not result.warnings


def test_mt940_details_of_free_text_are_the_description(tmp_path: Path) -> None:
    """A :86: of plain words (no ?nn subfields, no /TAG/): the description was empty."""
    text = (":20:STMT\n:25:12345678/0001234567\n:28C:1/1\n:60F:C260301CNY1000,00\n"
            ":61:2603020302C500,00NTRFNONREF//ABC123\n"
            ":86:TRANSFER FROM WUXI TIANCHENG MACHINERY CO LTD PAYMENT FOR\nINVOICE 26322000000012345\n"
            ":62F:C260302CNY1500,00\n")
    line = read_statement(_write(tmp_path / "free.sta", text)).lines[0]
    assert line.description == "TRANSFER FROM WUXI TIANCHENG MACHINERY CO LTD PAYMENT FOR INVOICE 26322000000012345"
