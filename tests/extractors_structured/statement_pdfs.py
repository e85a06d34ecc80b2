"""Bank statements printed as PDFs, written by hand as their banks print them (issue 14 §5; never the generator):
UK, Singapore and Hong Kong English, German and French, two more Chinese 对账单 banks and one of two pages with the
header repeated and the balance carried forward. ``STATEMENT_PDFS[name] = (pages, font, truth)``: ``pages`` the
(items, rules) of each page for :func:`tests.extractors_documents.handmade.draw_pdf`; ``truth`` the account, the
closing balance (None: none printed) and each line's (date, signed amount, currency, text, balance), ``text``
compared with the counterparty where the table has the other party's column (``party``), else the description."""

from __future__ import annotations

from tests.extractors_documents.handmade import OURS, OURS_DE, OURS_EN

W = "WQ"


def table(cols: list[tuple[float, str]], rows: list[list[str]], y0: float, step: float = 6, size: float = 8,
          font: str | None = None) -> list[tuple]:
    """A header at ``y0`` and one row a ``step`` under it: a negative x right-aligns the column (money)."""
    extra = (font,) if font else ()
    out = [(x, y0, head, size, *(extra or ("DVB",))) for x, head in cols]
    for n, row in enumerate(rows, start=1):
        out += [(x, y0 + n * step, text, size, *extra) for (x, _), text in zip(cols, row, strict=True) if text]
    return out


def rules(y0: float, n: int, step: float = 6) -> list[tuple]:
    return [(18, y0 + 2, 192, y0 + 2), (18, y0 + n * step + 3, 192, y0 + n * step + 3)]


UK_COLS = [(20, "Date"), (45, "Description"), (-140, "Money out"), (-165, "Money in"), (-190, "Balance")]
UK_ROWS = [["3 Mar", "Start balance", "", "", "18,240.55"],
           ["5 Mar", "FASTER PAYMENT FROM PENNINE FIXINGS LTD", "", "4,120.00", "22,360.55"],
           ["11 Mar", "DIRECT DEBIT TO HMRC VAT", "2,875.40", "", "19,485.15"],
           ["19 Mar", "BACS CREDIT MIDLAND TRADE SUPPLIES", "", "960.00", "20,445.15"],
           ["28 Mar", "CARD PAYMENT TO SCREWFIX DIRECT", "84.99", "", "20,360.16"],
           ["31 Mar", "End balance", "", "", "20,360.16"]]

SG_COLS = [(20, "Date"), (42, "Value Date"), (66, "Transaction Details"), (-145, "Debit"), (-168, "Credit"),
           (-190, "Balance")]
SG_ROWS = [["01/03/2026", "", "Balance Brought Forward", "", "", "62,300.00"],
           ["04/03/2026", "04/03/2026", "FAST PAYMENT TAN BROS ENGINEERING", "", "8,450.00", "70,750.00"],
           ["10/03/2026", "10/03/2026", "GIRO SP SERVICES", "412.35", "", "70,337.65"],
           ["17/03/2026", "18/03/2026", "TT DR OSAKA KIKAI CO LTD", "21,600.00", "", "48,737.65"],
           ["31/03/2026", "31/03/2026", "SERVICE CHARGE", "25.00", "", "48,712.65"]]

HK_COLS = [(20, "Date"), (45, "Particulars"), (-140, "Deposit"), (-165, "Withdrawal"), (-190, "Balance")]
HK_ROWS = [["02 Mar 2026", "B/F BALANCE", "", "", "304,560.00"],
           ["06 Mar 2026", "CHATS CR GREAT WALL TRADING LTD", "56,000.00", "", "360,560.00"],
           ["13 Mar 2026", "FPS DR SHUN FAT LOGISTICS", "", "7,830.00", "352,730.00"],
           ["27 Mar 2026", "AUTOPAY CLP POWER HK", "", "2,114.60", "350,615.40"]]

CBK_COLS = [(20, "Buchungstag"), (44, "Wert"), (66, "Vorgang"), (-165, "Soll"), (-190, "Haben")]
CBK_ROWS = [["03.03.2026", "03.03.2026", "Überweisung Rheintal Antriebstechnik GmbH", "", "7.480,00"],
            ["09.03.2026", "09.03.2026", "Lastschrift Stadtwerke Frankfurt", "318,44", ""],
            ["20.03.2026", "20.03.2026", "Dauerauftrag Miete Hanauer Landstraße", "2.950,00", ""],
            ["26.03.2026", "27.03.2026", "Gutschrift Vogel Metallbau KG", "", "1.236,90"]]

BNP_COLS = [(20, "Date"), (40, "Nature des opérations"), (112, "Valeur"), (-165, "Débit"), (-190, "Crédit")]
BNP_ROWS = [["04.03", "VIR SEPA RECU ATELIERS DUMONT SARL", "04.03", "", "5 640,00"],
            ["12.03", "PRLV SEPA URSSAF ILE DE FRANCE", "12.03", "1 284,00", ""],
            ["24.03", "CB TOTALENERGIES 22/03", "24.03", "96,30", ""],
            ["30.03", "COMMISSIONS ET FRAIS", "30.03", "12,00", ""]]

ICBC_COLS = [(16, "记账日期"), (38, "摘要"), (56, "对方户名"), (-136, "借方发生额"), (-162, "贷方发生额"), (-190, "余额")]
ICBC_ROWS = [["2026-03-03", "货款", "常州金坛华达机械有限公司", "", "33,600.00", "533,600.00"],
             ["2026-03-10", "电费", "国网江苏省电力有限公司", "6,482.17", "", "527,117.83"],
             ["2026-03-18", "工资", "", "98,400.00", "", "428,717.83"],
             ["2026-03-25", "货款", "嘉兴南湖恒通贸易有限公司", "", "12,960.00", "441,677.83"]]

CMB_COLS = [(16, "交易日"), (34, "交易类型"), (-80, "借方金额"), (-104, "贷方金额"), (-130, "余额"), (134, "收(付)方名称")]
CMB_ROWS = [["20260302", "汇入汇款", "", "18,900.00", "98,900.00", "温州瓯海精工阀门有限公司"],
            ["20260309", "转账汇款", "4,560.00", "", "94,340.00", "苏州工业园区顺达物流有限公司"],
            ["20260316", "代发工资", "52,300.00", "", "42,040.00", ""],
            ["20260330", "汇入汇款", "", "7,215.50", "49,255.50", "上海闵行东源五金有限公司"]]

SCB_COLS = [(20, "Date"), (45, "Description"), (-140, "Withdrawal"), (-165, "Deposit"), (-190, "Balance")]
SCB_P1 = [["01 Mar 2026", "BALANCE BROUGHT FORWARD", "", "", "15,000.00"],
          ["03 Mar 2026", "INWARD TT NORTHBAY TOOLING PTY LTD", "", "9,200.00", "24,200.00"],
          ["07 Mar 2026", "OUTWARD TT KOWA STEEL CO LTD", "6,750.00", "", "17,450.00"],
          ["12 Mar 2026", "INWARD TT PACIFIC RIM IMPORTS LLC", "", "4,850.00", "22,300.00"],
          ["", "BALANCE CARRIED FORWARD", "", "", "22,300.00"]]
SCB_P2 = [["", "BALANCE BROUGHT FORWARD", "", "", "22,300.00"],
          ["19 Mar 2026", "OUTWARD TT SHENZHEN BAOAN PACKAGING", "1,980.00", "", "20,320.00"],
          ["31 Mar 2026", "ACCOUNT MAINTENANCE FEE", "15.00", "", "20,305.00"]]

# a second round, written after the fixes of the first: shapes they were not made for (two names printed close
# in one header cell, a balance C/F row closing the table, details wrapped over two lines, a signed Betrag column,
# a Chinese statement with one signed amount column)
OCBC_COLS = [(18, "Transaction Date"), (46, "Value Date"), (70, "Description"), (-150, "Withdrawal"), (-172, "Deposit"), (-192, "Balance")]
OCBC = [["01 MAR", "", "BALANCE B/F", "", "", "12,400.00"],
        ["04 MAR", "04 MAR", "GIRO - SALARY", "5,200.00", "", "7,200.00"],
        ["", "", "STAFF PAYROLL MAR", "", "", ""],
        ["15 MAR", "15 MAR", "FAST PAYMENT", "", "3,100.50", "10,300.50"],
        ["", "", "LIM HARDWARE TRADING", "", "", ""],
        ["31 MAR", "31 MAR", "BALANCE C/F", "", "", "10,300.50"]]
SPK_COLS = [(20, "Buchungstag"), (44, "Valuta"), (66, "Buchungstext"), (-190, "Betrag")]
SPK = [["02.03.2026", "02.03.2026", "Gutschrift Müller Anlagenbau GmbH", "1.240,50"],
       ["10.03.2026", "10.03.2026", "Lastschrift Telekom Deutschland", "-89,95"],
       ["23.03.2026", "24.03.2026", "Überweisung Lieferant Krause KG", "-3.400,00"]]
ABC_COLS = [(14, "交易日期"), (34, "交易金额"), (-84, "本次余额"), (88, "对方户名"), (140, "交易用途")]
ABC = [["20260305", "+26,000.00", "126,000.00", "南京江宁宏达机电有限公司", "货款"],
       ["20260311", "-1,388.00", "124,612.00", "中国移动通信集团江苏有限公司", "通讯费"],
       ["20260328", "-30,000.00", "94,612.00", "苏州工业园区兴达钢材有限公司", "采购款"]]

STATEMENT_PDFS: dict[str, tuple] = {
"barclays_uk": ([([
    (20, 14, "Barclays Bank UK PLC", 12, "DVB"), (120, 14, "Your business account statement", 10, "DVB"),
    (20, 24, "Pennine Hengrui Ltd", 8), (20, 28, "Unit 4, Calder Park, Wakefield WF2 7AA", 7),
    (120, 24, "Sort code", 8), (-190, 24, "20-45-77", 8), (120, 29, "Account number", 8), (-190, 29, "43218765", 8),
    (120, 34, "Statement period", 8), (-190, 34, "3 March - 31 March 2026", 8),
    (120, 39, "Currency", 8), (-190, 39, "GBP", 8),
    *table(UK_COLS, UK_ROWS, 50)], rules(50, 6))], "DV",
 {"account": "43218765", "closing": "20360.16", "party": False, "lines": [
    ("2026-03-05", "4120.00", "GBP", "FASTER PAYMENT FROM PENNINE FIXINGS LTD", "22360.55"),
    ("2026-03-11", "-2875.40", "GBP", "DIRECT DEBIT TO HMRC VAT", "19485.15"),
    ("2026-03-19", "960.00", "GBP", "BACS CREDIT MIDLAND TRADE SUPPLIES", "20445.15"),
    ("2026-03-28", "-84.99", "GBP", "CARD PAYMENT TO SCREWFIX DIRECT", "20360.16")]}),

"dbs_sg": ([([
    (20, 14, "DBS Bank Ltd", 13, "DVB"), (120, 14, "Consolidated Statement", 11, "DVB"),
    (20, 24, "HENGRUI PRECISION (SINGAPORE) PTE. LTD.", 8), (20, 28, "10 Ubi Crescent #05-12 Singapore 408564", 7),
    (120, 24, "Account No.", 8), (-190, 24, "072-904518-3", 8), (120, 29, "Currency", 8), (-190, 29, "SGD", 8),
    (120, 34, "Period", 8), (-190, 34, "01/03/2026 to 31/03/2026", 8),
    *table(SG_COLS, SG_ROWS, 46),
    (120, 80, "Closing Balance", 9, "DVB"), (-190, 80, "48,712.65", 9, "DVB")], rules(46, 5))], "DV",
 {"account": "0729045183", "closing": "48712.65", "party": False, "lines": [
    ("2026-03-04", "8450.00", "SGD", "FAST PAYMENT TAN BROS ENGINEERING", "70750.00"),
    ("2026-03-10", "-412.35", "SGD", "GIRO SP SERVICES", "70337.65"),
    ("2026-03-17", "-21600.00", "SGD", "TT DR OSAKA KIKAI CO LTD", "48737.65"),
    ("2026-03-31", "-25.00", "SGD", "SERVICE CHARGE", "48712.65")]}),

"hangseng_hk": ([([
    (20, 14, "Hang Seng Bank", 13, "DVB"), (120, 14, "Integrated Account Statement", 10, "DVB"),
    (20, 24, "HENGRUI PRECISION (HK) LIMITED", 8), (20, 28, "Unit 8, 12/F, Kwun Tong Road 388, Kowloon", 7),
    (120, 24, "Account Number", 8), (-190, 24, "239-512877-001", 8),
    (120, 29, "Statement Date", 8), (-190, 29, "31 Mar 2026", 8),
    (120, 34, "Currency", 8), (-190, 34, "HKD", 8),
    *table(HK_COLS, HK_ROWS, 46),
    (120, 76, "Closing Balance HKD", 9, "DVB"), (-190, 76, "350,615.40", 9, "DVB")], rules(46, 4))], "DV",
 {"account": "239512877001", "closing": "350615.40", "party": False, "lines": [
    ("2026-03-06", "56000.00", "HKD", "CHATS CR GREAT WALL TRADING LTD", "360560.00"),
    ("2026-03-13", "-7830.00", "HKD", "FPS DR SHUN FAT LOGISTICS", "352730.00"),
    ("2026-03-27", "-2114.60", "HKD", "AUTOPAY CLP POWER HK", "350615.40")]}),

"commerzbank_de": ([([
    (20, 14, "Commerzbank AG", 12, "DVB"), (120, 14, "Kontoauszug 03/2026", 12, "DVB"),
    (20, 24, OURS_DE, 8), (20, 28, "Hanauer Landstraße 291, 60314 Frankfurt am Main", 7),
    (120, 24, "IBAN", 8), (-190, 24, "DE89 5004 0000 0123 4567 00", 8), (120, 29, "Währung", 8), (-190, 29, "EUR", 8),
    (20, 40, "Kontostand am 02.03.2026", 8), (-190, 40, "31.540,00", 8),
    *table(CBK_COLS, CBK_ROWS, 48),
    (20, 78, "Kontostand am 31.03.2026", 9, "DVB"), (-190, 78, "36.988,46", 9, "DVB")], rules(48, 4))], "DV",
 {"account": "DE89500400000123456700", "closing": "36988.46", "party": False, "lines": [
    ("2026-03-03", "7480.00", "EUR", "Überweisung Rheintal Antriebstechnik GmbH", None),
    ("2026-03-09", "-318.44", "EUR", "Lastschrift Stadtwerke Frankfurt", None),
    ("2026-03-20", "-2950.00", "EUR", "Dauerauftrag Miete Hanauer Landstraße", None),
    ("2026-03-26", "1236.90", "EUR", "Gutschrift Vogel Metallbau KG", None)]}),

"bnp_fr": ([([
    (20, 14, "BNP PARIBAS", 13, "DVB"), (120, 14, "RELEVÉ DE COMPTE", 12, "DVB"),
    (20, 24, "HENGRUI PRECISION FRANCE SAS", 8), (20, 28, "12 rue de la Forge, 69007 Lyon", 7),
    (120, 24, "IBAN", 8), (-190, 24, "FR76 3000 4012 3400 0101 2345 678", 8),
    (120, 29, "Période du 01.03.2026 au 31.03.2026", 8),
    (20, 40, "SOLDE CREDITEUR AU 01.03.2026", 8), (-190, 40, "21 450,00", 8),
    *table(BNP_COLS, BNP_ROWS, 48),
    (20, 78, "NOUVEAU SOLDE CREDITEUR AU 31.03.2026", 9, "DVB"), (-190, 78, "25 697,70", 9, "DVB")], rules(48, 4))],
 "DV",
 {"account": "FR7630004012340001012345678", "closing": "25697.70", "party": False, "lines": [
    ("2026-03-04", "5640.00", "EUR", "VIR SEPA RECU ATELIERS DUMONT SARL", None),
    ("2026-03-12", "-1284.00", "EUR", "PRLV SEPA URSSAF ILE DE FRANCE", None),
    ("2026-03-24", "-96.30", "EUR", "CB TOTALENERGIES 22/03", None),
    ("2026-03-30", "-12.00", "EUR", "COMMISSIONS ET FRAIS", None)]}),

"icbc_cn": ([([
    (60, 14, "中国工商银行对公客户对账单", 14, W),
    (16, 26, f"户名：{OURS}", 8, W), (120, 26, "账号：1102020309000456789", 8, W),
    (16, 32, "币种：人民币", 8, W), (120, 32, "期间：2026-03-01至2026-03-31", 8, W),
    (16, 38, "期初余额：500,000.00", 8, W),
    *table(ICBC_COLS, ICBC_ROWS, 48, font=W),
    (16, 78, "本期借方发生额：104,882.17   本期贷方发生额：46,560.00   期末余额：441,677.83", 8, W)], rules(48, 4))], W,
 {"account": "1102020309000456789", "closing": "441677.83", "party": True, "lines": [
    ("2026-03-03", "33600.00", "CNY", "常州金坛华达机械有限公司", "533600.00"),
    ("2026-03-10", "-6482.17", "CNY", "国网江苏省电力有限公司", "527117.83"),
    ("2026-03-18", "-98400.00", "CNY", "", "428717.83"),
    ("2026-03-25", "12960.00", "CNY", "嘉兴南湖恒通贸易有限公司", "441677.83")]}),

"cmb_cn": ([([
    (70, 14, "招商银行账户交易明细", 14, W),
    (16, 26, f"账户名称：{OURS}", 8, W), (120, 26, "账号：512908765410301", 8, W),
    (16, 32, "币种：人民币", 8, W), (120, 32, "起止日期：20260301-20260331", 8, W),
    *table(CMB_COLS, CMB_ROWS, 44, font=W)], rules(44, 4))], W,
 {"account": "512908765410301", "closing": None, "party": True, "lines": [
    ("2026-03-02", "18900.00", "CNY", "温州瓯海精工阀门有限公司", "98900.00"),
    ("2026-03-09", "-4560.00", "CNY", "苏州工业园区顺达物流有限公司", "94340.00"),
    ("2026-03-16", "-52300.00", "CNY", "", "42040.00"),
    ("2026-03-30", "7215.50", "CNY", "上海闵行东源五金有限公司", "49255.50")]}),

"scb_hk_two_pages": ([
    ([(20, 14, "Standard Chartered Bank (Hong Kong) Limited", 11, "DVB"), (130, 14, "Account Statement", 11, "DVB"),
      (20, 24, OURS_EN, 8), (120, 24, "Account Number", 8), (-190, 24, "447-1-203985-6", 8),
      (120, 29, "Currency", 8), (-190, 29, "USD", 8), (120, 34, "Statement Period", 8),
      (-190, 34, "01 Mar 2026 - 31 Mar 2026", 8),
      *table(SCB_COLS, SCB_P1, 46), (150, 285, "Page 1 of 2", 7)], rules(46, 5)),
    ([(20, 14, "Standard Chartered Bank (Hong Kong) Limited", 9), (120, 19, "Account Number", 8),
      (-190, 19, "447-1-203985-6", 8),
      *table(SCB_COLS, SCB_P2, 30),
      (120, 56, "Closing Balance", 9, "DVB"), (-190, 56, "20,305.00", 9, "DVB"), (150, 285, "Page 2 of 2", 7)],
     rules(30, 3))], "DV",
 {"account": "44712039856", "closing": "20305.00", "party": False, "lines": [
    ("2026-03-03", "9200.00", "USD", "INWARD TT NORTHBAY TOOLING PTY LTD", "24200.00"),
    ("2026-03-07", "-6750.00", "USD", "OUTWARD TT KOWA STEEL CO LTD", "17450.00"),
    ("2026-03-12", "4850.00", "USD", "INWARD TT PACIFIC RIM IMPORTS LLC", "22300.00"),
    ("2026-03-19", "-1980.00", "USD", "OUTWARD TT SHENZHEN BAOAN PACKAGING", "20320.00"),
    ("2026-03-31", "-15.00", "USD", "ACCOUNT MAINTENANCE FEE", "20305.00")]}),

"ocbc_sg": ([([(18, 14, "OCBC Bank", 13, "DVB"), (120, 14, "STATEMENT OF ACCOUNT", 11, "DVB"),
   (18, 24, "HENGRUI PRECISION (SINGAPORE) PTE. LTD.", 8), (120, 24, "Account No.", 8), (-192, 24, "686-123456-001", 8),
   (120, 29, "Currency", 8), (-192, 29, "SGD", 8), (120, 34, "Period", 8), (-192, 34, "1 MAR 2026 TO 31 MAR 2026", 8),
   *table(OCBC_COLS, OCBC, 46, step=5)], rules(46, 6, 5))], "DV",
 {"account": "686123456001", "closing": "10300.50", "party": False, "lines": [
    ("2026-03-04", "-5200.00", "SGD", "GIRO - SALARY | STAFF PAYROLL MAR", "7200.00"),
    ("2026-03-15", "3100.50", "SGD", "FAST PAYMENT | LIM HARDWARE TRADING", "10300.50")]}),
"sparkasse_de": ([([(20, 14, "Sparkasse KölnBonn", 12, "DVB"), (120, 14, "Kontoauszug 3/2026", 12, "DVB"),
   (20, 24, "Hengrui Precision Europe GmbH", 8), (120, 24, "IBAN DE12 3705 0198 0001 2345 67", 8),
   (120, 29, "vom 01.03.2026 bis 31.03.2026", 8),
   (20, 38, "Kontostand am 01.03.2026", 8), (-190, 38, "10.000,00", 8),
   *table(SPK_COLS, SPK, 46),
   (20, 72, "Kontostand am 31.03.2026, 20:00 Uhr", 9, "DVB"), (-190, 72, "7.750,55", 9, "DVB")], rules(46, 3))], "DV",
 {"account": "DE12370501980001234567", "closing": "7750.55", "party": False, "lines": [
    ("2026-03-02", "1240.50", "EUR", "Gutschrift Müller Anlagenbau GmbH", None),
    ("2026-03-10", "-89.95", "EUR", "Lastschrift Telekom Deutschland", None),
    ("2026-03-23", "-3400.00", "EUR", "Überweisung Lieferant Krause KG", None)]}),
"abc_cn": ([([(60, 14, "中国农业银行 账户交易明细", 14, W),
   (14, 26, f"账户名称：{OURS}", 8, W), (120, 26, "账号：10-5401 0104 0012 345", 8, W),
   (14, 32, "币种：人民币", 8, W), (120, 32, "起止日期：2026-03-01 至 2026-03-31", 8, W),
   *table(ABC_COLS, ABC, 44, font=W)], rules(44, 3))], W,
 {"account": "10540101040012345", "closing": None, "party": True, "lines": [
    ("2026-03-05", "26000.00", "CNY", "南京江宁宏达机电有限公司", "126000.00"),
    ("2026-03-11", "-1388.00", "CNY", "中国移动通信集团江苏有限公司", "124612.00"),
    ("2026-03-28", "-30000.00", "CNY", "苏州工业园区兴达钢材有限公司", "94612.00")]}),
}

#: the two the integrator found (tests/extractors_documents/lookalikes.py), scored with the same truth shape
LOOKALIKE_TRUTH: dict[str, dict] = {
"bank_statement_en": {"account": "808123456838", "closing": "85660.00", "party": False, "lines": [
    ("2026-03-04", "3720.00", "USD", "TT CR BRIGHTLINE FIXTURES INV HR-EX-260112", "124120.00"),
    ("2026-03-09", "-38340.00", "USD", "TT DR KOWA STEEL PO-HR-26-0219", "85780.00"),
    ("2026-03-31", "-120.00", "USD", "CHARGES", "85660.00")]},
"kontoauszug_de": {"account": "DE44501900000012345678", "closing": "50889.42", "party": False, "lines": [
    ("2026-03-05", "2913.12", "EUR", "Gutschrift Rheintal Antriebstechnik RE-2026-0311", None),
    ("2026-03-12", "-233.70", "EUR", "Lastschrift Vantage Mobile VM-260302-88411", None)]},
}
