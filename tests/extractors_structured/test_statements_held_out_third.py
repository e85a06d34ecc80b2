"""Held-out statement exports (issue 14, third set), written by hand in the shapes the banks and wallets export,
not by the generator: PSBC xlsx with page subtotals and a 承前页 row in the middle; CIB GBK csv newest first with
借贷标记; Ping An xlsx with 收入/支出 text columns; CMBC's new export (对方账号名称, 主机交易流水号); Alipay's enterprise
账务明细 (``#`` preamble and trailer, 收入金额（+元）, 对方账号 holding name and login); WeChat Pay's merchant 资金账单
(every cell guarded by a backtick, a totals trailer); Standard Chartered HK csv and DBS HK xlsx (the party only inside
the details text); a Bank of East Asia statement converted from its PDF (Traditional Chinese and English headers,
yearless dates, ``CR`` balances, the party on the line under the type); a US bank csv (Chase: ``ORIG CO NAME:``,
``B/O:``, MM/DD/YYYY); Wise (DD-MM-YYYY, Total fees, Payer/Payee Name); Payoneer (several currencies in one file, a
Canceled row); 华夏银行's HTML "xls"; a WeChat Pay bill xlsx; a CAMT.054 notification; a BAI2 file. Written after
the first fixes: Hang Seng, BOCHK (bilingual headers, ``CR``/``DR`` amounts, the party in 交易摘要), Revolut Business
(started/completed dates, State, Payer on one side only), 浙商银行 (交易对手名称 ...), Citibank US. Each row's date,
signed amount, currency, counterparty (as printed, not the text around it) and memo are asserted, and the account."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.statements import read_statement
from tests.extractors_structured.exports import (
    assert_held_out_reads,
    held_out,
    write_csv,
    write_held_out,
)

OURS = "苏州恒锐精密五金制品有限公司"
OURS_EN = "SUZHOU HENGRUI PRECISION HARDWARE CO LTD"

# T1 PSBC 邮储银行 对公 xlsx: page subtotals in the middle (本页小计), 承前页 rows, 序号 first column
T1 = [
    ["中国邮政储蓄银行单位账户交易明细"],
    ["账号：100512345678901234", None, None, f"户名：{OURS}"],
    ["币种：人民币", None, None, "查询起止日期：2026-03-01至2026-03-31"],
    ["序号", "交易日期", "交易时间", "摘要", "借方金额", "贷方金额", "余额", "对方账号", "对方户名", "对方开户行", "交易渠道", "附言"],
    ["1", "2026-03-02", "09:14:22", "转账", None, 42000, 142000, "6217001234567890123", "杭州西湖精密机械有限公司", "中国建设银行杭州西湖支行", "网银", "2月货款"],
    ["2", "2026-03-04", "15:02:10", "转账", 16800, None, 125200, "3602012309200456789", "江苏华东钢材贸易有限公司", "中国工商银行南京城南支行", "网银", "钢材款HD-2603-01"],
    ["3", "2026-03-06", "10:30:05", "手续费", 10, None, 125190, None, None, None, "柜面", None],
    [None, "本页小计", None, None, 16810, 42000, None, None, None, None, None, None],
    [None, "承前页", None, None, None, None, 125190, None, None, None, None, None],
    ["4", "2026-03-12", "11:11:11", "转账", None, 8800.5, 133990.5, "32050162863600001234", "无锡天成机电设备有限公司", "中国建设银行无锡新区支行", "网银", "发票号26322000000078901"],
    ["5", "2026-03-20", "08:00:00", "代发", 61250, None, 72740.5, None, None, None, "批量", "3月工资"],
    ["6", "2026-03-21", "00:30:00", "结息", None, 31.42, 72771.92, None, None, None, "系统", "一季度结息"],
    [None, "本页小计", None, None, 61250, 8831.92, None, None, None, None, None, None],
    [None, "合计", None, None, 78060, 50831.92, None, None, None, None, None, None],
]
T1_T = [("2026-03-02", "42000.00", "CNY", "杭州西湖精密机械有限公司", "2月货款"),
        ("2026-03-04", "-16800.00", "CNY", "江苏华东钢材贸易有限公司", "钢材款HD-2603-01"),
        ("2026-03-06", "-10.00", "CNY", "*", ""),
        ("2026-03-12", "8800.50", "CNY", "无锡天成机电设备有限公司", "发票号26322000000078901"),
        ("2026-03-20", "-61250.00", "CNY", "*", "3月工资"),
        ("2026-03-21", "31.42", "CNY", "*", "一季度结息")]

# T2 兴业银行 企业网银 csv (GBK), newest first, 借贷标记 借/贷, 对方行名, 交易流水号
T2 = [
    ["兴业银行企业网上银行账户明细"],
    ["账号:", "622908123456789012", "账户名称:", OURS],
    ["起始日期:", "20260301", "终止日期:", "20260331"],
    [],
    ["交易日期", "交易时间", "借贷标记", "交易金额", "账户余额", "对方账号", "对方户名", "对方行名", "摘要", "用途", "交易流水号"],
    ["20260327", "16:44:01", "借", "3,260.00", "95,440.00", "440501460109000099", "广州白云恒通包装材料有限公司", "中国建设银行广州白云支行", "网银转账", "包装材料款", "CIB2603270088"],
    ["20260319", "10:02:33", "贷", "28,700.00", "98,700.00", "571908765410901", "杭州西湖精密机械有限公司", "招商银行杭州西湖支行", "跨行汇入", "INV26322000000091234货款", "CIB2603190021"],
    ["20260311", "14:20:00", "借", "15.00", "70,000.00", "", "", "", "汇划手续费", "", "CIB2603110107"],
    ["20260305", "09:45:12", "贷", "20,015.00", "70,015.00", "32001628536052501234", "常州新达工业自动化有限公司", "中国建设银行常州武进支行", "跨行汇入", "订单PO-HR-2602-044", "CIB2603050004"],
]
T2_T = [("2026-03-27", "-3260.00", "CNY", "广州白云恒通包装材料有限公司", "包装材料款"),
        ("2026-03-19", "28700.00", "CNY", "杭州西湖精密机械有限公司", "INV26322000000091234货款"),
        ("2026-03-11", "-15.00", "CNY", "*", ""),
        ("2026-03-05", "20015.00", "CNY", "常州新达工业自动化有限公司", "订单PO-HR-2602-044")]

# T3 平安银行 xlsx: 收入/支出 columns as text with thousands separators, 对方账户名称, 交易时间 full timestamp
T3 = [
    ["平安银行 账户交易明细"],
    ["账号", "15000098765432", "户名", OURS, "币种", "人民币"],
    ["交易时间", "摘要", "收入", "支出", "账户余额", "对方账户", "对方账户名称", "对方账户开户行", "交易流水号", "用途"],
    ["2026-03-03 10:20:45", "转账转入", "56,000.00", "", "156,000.00", "310066661018800123456", "上海浦江精密模具有限公司", "交通银行上海分行", "P2026030300012", "合同HR-SH-2601 首付款"],
    ["2026-03-09 16:05:09", "转账转出", "", "4,380.00", "151,620.00", "1001234509876543210", "昆山市玉山镇力达五金经营部", "中国工商银行昆山支行", "P2026030900347", "螺丝配件"],
    ["2026-03-15 11:48:30", "企业网银汇款手续费", "", "0.50", "151,619.50", "", "", "", "P2026031500401", ""],
    ["2026-03-30 09:00:00", "转账转入", "1,200.00", "", "152,819.50", "6230580000123456789", "李明", "平安银行深圳分行", "P2026033000055", "退押金"],
]
T3_T = [("2026-03-03", "56000.00", "CNY", "上海浦江精密模具有限公司", "合同HR-SH-2601 首付款"),
        ("2026-03-09", "-4380.00", "CNY", "昆山市玉山镇力达五金经营部", "螺丝配件"),
        ("2026-03-15", "-0.50", "CNY", "*", ""),
        ("2026-03-30", "1200.00", "CNY", "李明", "退押金")]

# T4 民生银行 new export csv (UTF-8 BOM): 对方账号名称, 主机交易流水号, 借方发生额/贷方发生额, dates 2026/03/05
T4 = [
    ["中国民生银行对公账户明细"],
    ["账号：1826014170001234"], [f"账户名称：{OURS}"], ["查询期间：2026/03/01-2026/03/31"],
    ["交易日期", "主机交易流水号", "借方发生额", "贷方发生额", "账户余额", "凭证号", "摘要", "对方账号", "对方账号名称", "对方开户行", "用途"],
    ["2026/03/05", "310026030500184", "", "23,616.00", "123,616.00", "", "跨行汇入", "32001628536052501234", "常州新达工业自动化有限公司", "中国建设银行常州武进支行", "支付发票26322000000045678901货款"],
    ["2026/03/13", "310026031300092", "9,900.00", "", "113,716.00", "00318822", "转账支取", "3209880011223344", "南通振华物流有限公司", "江苏银行南通分行", "3月运费"],
    ["2026/03/28", "310026032800410", "2.00", "", "113,714.00", "", "账户管理费", "", "", "", ""],
]
T4_T = [("2026-03-05", "23616.00", "CNY", "常州新达工业自动化有限公司", "支付发票26322000000045678901货款"),
        ("2026-03-13", "-9900.00", "CNY", "南通振华物流有限公司", "3月运费"),
        ("2026-03-28", "-2.00", "CNY", "*", "")]

# T5 支付宝 企业账务明细 csv (GBK): '#' preamble and trailer lines, 收入金额（+元）/支出金额（-元）,
# 对方账号 holding 名称(登录名), 发生时间
T5 = [
    ["#支付宝账务明细查询"],
    ["#账号：[20889123456789010]"],
    ["#起始日期：[2026年03月01日 00:00:00]   终止日期：[2026年03月31日 23:59:59]"],
    ["#-----------------------------------------账务明细列表----------------------------------------"],
    ["账务流水号", "业务流水号", "商户订单号", "商品名称", "发生时间", "对方账号", "收入金额（+元）", "支出金额（-元）", "账户余额（元）", "交易渠道", "业务类型", "备注"],
    ["20260302110013201011230012345\t", "2026030222001412341234567890\t", "HR-TB-260302-001\t", "精密铰链 HR-H35 x200", "2026-03-02 11:00:13", "宁波甬江五金商行(yjwj***@163.com)", "3,560.00", "", "3,560.00", "支付宝", "在线支付", ""],
    ["20260305090100201011230012346\t", "2026030522001412341234567891\t", "\t", "提现", "2026-03-05 09:01:00", "", "", "3,000.00", "560.00", "支付宝", "提现", "提现到中国工商银行(3456)"],
    ["20260307163022201011230012347\t", "2026030722001412341234567892\t", "HR-TB-260302-001\t", "退款-精密铰链 HR-H35", "2026-03-07 16:30:22", "宁波甬江五金商行(yjwj***@163.com)", "", "178.00", "382.00", "支付宝", "交易退款", "部分退款"],
    ["20260307163022201011230012348\t", "2026030722001412341234567893\t", "\t", "服务费[2026030222001412341234567890]", "2026-03-07 16:30:22", "支付宝(中国)网络技术有限公司(fuwu@alipay.com)", "", "21.36", "360.64", "支付宝", "收费", ""],
    ["#-----------------------------------------账务明细列表结束------------------------------------"],
    ["#收入合计：1笔，共3,560.00元"], ["#支出合计：3笔，共3,199.36元"],
    ["#导出时间：[2026年04月01日 10:12:03]"],
]
T5_T = [("2026-03-02", "3560.00", "CNY", "宁波甬江五金商行", "精密铰链 HR-H35 x200"),
        ("2026-03-05", "-3000.00", "CNY", "*", "提现到中国工商银行"),
        ("2026-03-07", "-178.00", "CNY", "宁波甬江五金商行", "退款-精密铰链"),
        ("2026-03-07", "-21.36", "CNY", "支付宝(中国)网络技术有限公司", "服务费")]

# T6 微信支付 商户 资金账单 csv: every value prefixed with a backtick, 收支类型, 收支金额(元), a trailer summary
T6 = [
    ["记账时间", "微信支付业务单号", "资金流水单号", "业务名称", "业务类型", "收支类型", "收支金额(元)", "账户结余(元)", "资金变更提交申请人", "备注", "业务凭证号"],
    ["`2026-03-03 12:00:05", "`4200001234202603031234567890", "`1600123456202603030000001", "`交易", "`交易", "`收入", "`1280.00", "`1280.00", "`system", "`", "`4200001234202603031234567890"],
    ["`2026-03-03 12:00:05", "`4200001234202603031234567890", "`1600123456202603030000002", "`手续费", "`扣除交易手续费", "`支出", "`7.68", "`1272.32", "`system", "`", "`4200001234202603031234567890"],
    ["`2026-03-08 09:41:17", "`5030001234202603081111222233", "`1600123456202603080000003", "`退款", "`退款", "`支出", "`320.00", "`952.32", "`1600123456@1600123456", "`客户退货 订单HR-WX-0301", "`5030001234202603081111222233"],
    ["`2026-03-10 02:00:00", "`1600123456202603100000099", "`1600123456202603100000004", "`企业付款到银行", "`提现", "`支出", "`900.00", "`52.32", "`system", "`", "`"],
    ["资金流水总笔数", "收入笔数", "收入金额", "支出笔数", "支出金额"],
    ["`4", "`1", "`1280.00", "`3", "`1227.68"],
]
T6_T = [("2026-03-03", "1280.00", "CNY", "*", ""), ("2026-03-03", "-7.68", "CNY", "*", ""),
        ("2026-03-08", "-320.00", "CNY", "*", "客户退货 订单HR-WX-0301"), ("2026-03-10", "-900.00", "CNY", "*", "")]

# T7 Standard Chartered HK csv: DD MMM YYYY, Withdrawals/Deposits, one-line details holding type + party + ref
T7 = [
    ["Standard Chartered Bank (Hong Kong) Limited"],
    ["Account Name", OURS_EN], ["Account Number", "447-0-123456-9"], ["Currency", "HKD"],
    ["Statement Period", "01 Mar 2026 - 31 Mar 2026"], [],
    ["Date", "Description", "Withdrawals", "Deposits", "Balance"],
    ["01 Mar 2026", "BALANCE B/F", "", "", "150,000.00"],
    ["04 Mar 2026", "FPS CREDIT KOWLOON TOOLING SUPPLY CO FRN20260304PAYC0102345678", "", "18,600.00", "168,600.00"],
    ["09 Mar 2026", "INWARD TT MUELLER ANLAGENBAU GMBH REF IRM260309H0042 INVOICE HR-EX-2602-021", "", "96,420.50", "265,020.50"],
    ["12 Mar 2026", "CHQ DEPOSIT 000812 WING FAT HARDWARE LIMITED", "", "7,300.00", "272,320.50"],
    ["16 Mar 2026", "OUTWARD TT SHENZHEN FASTLINK LOGISTICS LTD OTT260316SC0019", "42,000.00", "", "230,320.50"],
    ["16 Mar 2026", "TT CHARGES OTT260316SC0019", "150.00", "", "230,170.50"],
    ["23 Mar 2026", "FPS PAYMENT HK ELECTRIC CO LTD FRN20260323PAYD0200001", "2,415.30", "", "227,755.20"],
    ["31 Mar 2026", "BALANCE C/F", "", "", "227,755.20"],
]
T7_T = [("2026-03-04", "18600.00", "HKD", "KOWLOON TOOLING SUPPLY CO", ""),
        ("2026-03-09", "96420.50", "HKD", "MUELLER ANLAGENBAU GMBH", "INVOICE HR-EX-2602-021"),
        ("2026-03-12", "7300.00", "HKD", "WING FAT HARDWARE LIMITED", ""),
        ("2026-03-16", "-42000.00", "HKD", "SHENZHEN FASTLINK LOGISTICS LTD", ""),
        ("2026-03-16", "-150.00", "HKD", "*", ""),
        ("2026-03-23", "-2415.30", "HKD", "HK ELECTRIC CO LTD", "")]

# T8 DBS HK xlsx, newest first: Transaction Date / Value Date (DD-MMM-YYYY), Transaction Details, Debit/Credit, a
# Currency column (USD account)
T8 = [
    ["DBS Bank (Hong Kong) Limited - Account Activity"],
    ["Account", "USD Current Account 015-123-4-567890"],
    ["Date Range", "01-Mar-2026 to 31-Mar-2026"], [],
    ["Transaction Date", "Value Date", "Transaction Details", "Currency", "Debit", "Credit", "Running Balance"],
    ["27-Mar-2026", "27-Mar-2026", "REMITTANCE CHARGES", "USD", "18.00", "", "41,062.00"],
    ["27-Mar-2026", "27-Mar-2026", "TELEGRAPHIC TRANSFER TO GUANGZHOU BAIYUN HENGTONG PACKING MATERIAL CO LTD", "USD", "5,600.00", "", "41,080.00"],
    ["18-Mar-2026", "18-Mar-2026", "INWARD REMITTANCE FROM VAN DER BERG TECHNIEK B.V. INV HR-EX-2603-004", "USD", "", "11,680.00", "46,680.00"],
    ["02-Mar-2026", "03-Mar-2026", "INWARD REMITTANCE FROM ACME INDUSTRIAL SUPPLY INC PO 77120", "USD", "", "25,000.00", "35,000.00"],
]
T8_T = [("2026-03-27", "-18.00", "USD", "*", ""),
        ("2026-03-27", "-5600.00", "USD", "GUANGZHOU BAIYUN HENGTONG PACKING MATERIAL CO LTD", ""),
        ("2026-03-18", "11680.00", "USD", "VAN DER BERG TECHNIEK B.V.", "INV HR-EX-2603-004"),
        ("2026-03-02", "25000.00", "USD", "ACME INDUSTRIAL SUPPLY INC", "PO 77120")]

# T9 東亞銀行 BEA statement converted from its PDF (xlsx): Traditional Chinese + English headers in one cell,
# yearless dates (06 MAR), balances with CR, details wrapped on the rows below
T9 = [
    ["東亞銀行 The Bank of East Asia, Limited"],
    ["結單日期 Statement Date", "31 MAR 2026"],
    ["戶口號碼 Account No.", "015-123-4-567891"], ["貨幣 Currency", "HKD"], [],
    ["日期 Date", "進支詳情 Transaction Details", "存入 Deposit", "提取 Withdrawal", "結餘 Balance"],
    ["01 MAR", "承上結餘 B/F BALANCE", "", "", "52,300.00 CR"],
    ["05 MAR", "轉賬存入 TRANSFER CREDIT", "12,800.00", "", "65,100.00 CR"],
    ["", "TAI KOO PRECISION PARTS LTD", "", "", ""],
    ["11 MAR", "自動轉賬 AUTOPAY", "", "3,480.00", "61,620.00 CR"],
    ["", "CLP POWER HONG KONG LTD", "", "", ""],
    ["20 MAR", "支票 CHEQUE 100236", "", "20,000.00", "41,620.00 CR"],
    ["31 MAR", "利息 INTEREST", "1.73", "", "41,621.73 CR"],
    ["31 MAR", "結餘轉下 C/F BALANCE", "", "", "41,621.73 CR"],
]
T9_T = [("2026-03-05", "12800.00", "HKD", "TAI KOO PRECISION PARTS LTD", ""),
        ("2026-03-11", "-3480.00", "HKD", "CLP POWER HONG KONG LTD", ""),
        ("2026-03-20", "-20000.00", "HKD", "*", ""),
        ("2026-03-31", "1.73", "HKD", "*", "")]

# T10 US bank csv (Chase business): Details, Posting Date MM/DD/YYYY, Description, Amount, Type, Balance, Check or Slip #
T10 = [
    ["Details", "Posting Date", "Description", "Amount", "Type", "Balance", "Check or Slip #"],
    ["CREDIT", "03/24/2026", "ORIG CO NAME:ACME INDUSTRIAL SU ORIG ID:1234567890 DESC DATE:260324 CO ENTRY DESCR:PAYMENT SEC:CCD TRACE#:021000021234567 EED:260324 IND ID:INV HR-US-2603 IND NAME:SUZHOU HENGRUI PRECISION TRN: 0831234567TC", "12400.00", "ACH_CREDIT", "30830.00", ""],
    ["DEBIT", "03/17/2026", "ONLINE INTERNATIONAL WIRE TRANSFER A/C: SHENZHEN FASTLINK LOGISTICS LTD REF: FREIGHT MAR26 TRN: 3456789012ES", "-6500.00", "WIRE_OUTGOING", "18430.00", ""],
    ["DEBIT", "03/17/2026", "ONLINE INTERNATIONAL WIRE FEE", "-45.00", "FEE_TRANSACTION", "24930.00", ""],
    ["CHECK", "03/06/2026", "CHECK 1043", "-1575.00", "CHECK_PAID", "24975.00", "1043"],
    ["CREDIT", "03/02/2026", "WIRE TRANSFER VIA: CITIBANK N.A./021000089 B/O: GREAT LAKES MACHINING LLC REF: PO 88231 IMAD: 0302B1QGC01C001234", "8050.00", "WIRE_INCOMING", "26550.00", ""],
]
T10_T = [("2026-03-24", "12400.00", "USD", "ACME INDUSTRIAL SU", ""),
         ("2026-03-17", "-6500.00", "USD", "SHENZHEN FASTLINK LOGISTICS LTD", "FREIGHT MAR26"),
         ("2026-03-17", "-45.00", "USD", "*", ""),
         ("2026-03-06", "-1575.00", "USD", "*", ""),
         ("2026-03-02", "8050.00", "USD", "GREAT LAKES MACHINING LLC", "PO 88231")]

# T11 Wise statement csv (EUR balance): DD-MM-YYYY, signed Amount, Total fees column, Payer/Payee Name, conversion rows
T11 = [
    ["TransferWise ID", "Date", "Amount", "Currency", "Description", "Payment Reference", "Running Balance", "Exchange From", "Exchange To", "Exchange Rate", "Payer Name", "Payee Name", "Payee Account Number", "Merchant", "Card Last Four Digits", "Card Holder Full Name", "Attachment", "Note", "Total fees"],
    ["TRANSFER-1023456789", "02-03-2026", "4150.00", "EUR", "Received money from VAN DER BERG TECHNIEK B.V. with reference INVOICE HR-EX-2603-004", "INVOICE HR-EX-2603-004", "9150.00", "", "", "", "VAN DER BERG TECHNIEK B.V.", "", "", "", "", "", "", "", "0.00"],
    ["TRANSFER-1023999001", "10-03-2026", "-1206.35", "EUR", "Sent money to SCHNEIDER PRAEZISIONSWERKZEUGE GMBH", "RG26-00512", "7943.65", "", "", "", "", "SCHNEIDER PRAEZISIONSWERKZEUGE GMBH", "DE44500105175407324931", "", "", "", "", "", "6.35"],
    ["CARD-883412377", "14-03-2026", "-89.90", "EUR", "Card transaction of 89.90 EUR issued by Messe Frankfurt GmbH FRANKFURT", "", "7853.75", "", "", "", "", "", "", "Messe Frankfurt GmbH", "4821", "LI WEI", "", "", "0.00"],
    ["BALANCE-201234567", "20-03-2026", "-5000.00", "EUR", "Converted 5,000.00 EUR to 39,012.50 CNY", "", "2853.75", "EUR", "CNY", "7.8025", "", "", "", "", "", "", "", "7.45"],
]
T11_T = [("2026-03-02", "4150.00", "EUR", "VAN DER BERG TECHNIEK B.V.", "INVOICE HR-EX-2603-004"),
         ("2026-03-10", "-1206.35", "EUR", "SCHNEIDER PRAEZISIONSWERKZEUGE GMBH", "RG26-00512"),
         ("2026-03-14", "-89.90", "EUR", "Messe Frankfurt GmbH", ""),
         ("2026-03-20", "-5000.00", "EUR", "*", "")]

# T12 Payoneer csv: Transaction Date (MM/DD/YYYY), Description, Credit Amount / Debit Amount, Currency, Status (a
# Canceled row), multi-currency in one file
T12 = [
    ["Transaction Date", "Description", "Credit Amount", "Debit Amount", "Currency", "Status", "Running Balance"],
    ["03/03/2026", "Payment from ACME INDUSTRIAL SUPPLY INC", "3,200.00", "", "USD", "Completed", "3,200.00"],
    ["03/09/2026", "Payment from BRIGHTON FIXINGS LTD", "1,450.00", "", "GBP", "Completed", "1,450.00"],
    ["03/11/2026", "Withdrawal to bank account ****9012", "", "3,000.00", "USD", "Completed", "200.00"],
    ["03/11/2026", "Withdrawal fee", "", "15.00", "USD", "Completed", "185.00"],
    ["03/19/2026", "Payment from GREAT LAKES MACHINING LLC", "980.00", "", "USD", "Canceled", "185.00"],
    ["03/25/2026", "Annual account fee", "", "29.95", "USD", "Completed", "155.05"],
]
T12_T = [("2026-03-03", "3200.00", "USD", "ACME INDUSTRIAL SUPPLY INC", ""),
         ("2026-03-09", "1450.00", "GBP", "BRIGHTON FIXINGS LTD", ""),
         ("2026-03-11", "-3000.00", "USD", "*", ""),
         ("2026-03-11", "-15.00", "USD", "*", ""),
         ("2026-03-25", "-29.95", "USD", "*", "")]

# T13 华夏银行 "xls" that is an HTML table (GB2312), 借/贷 in 借贷标志 as 借方/贷方, amounts with 元
T13_HTML = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<table border="1">
<tr><td colspan="9">华夏银行账户交易明细</td></tr>
<tr><td colspan="9">账号：10880000000471122 户名：苏州恒锐精密五金制品有限公司 币种：人民币</td></tr>
<tr><td colspan="9">起止日期：2026-03-01 至 2026-03-31</td></tr>
<tr><th>交易日期</th><th>借贷标志</th><th>发生额</th><th>余额</th><th>对方户名</th><th>对方账号</th><th>对方行名</th><th>摘要</th><th>附言</th></tr>
<tr><td>2026-03-06</td><td>贷方</td><td>17,500.00</td><td>67,500.00</td><td>绍兴柯桥恒达纺机有限公司</td><td>1211012309000345678</td><td>中国工商银行绍兴柯桥支行</td><td>汇入</td><td>HR-PO-2602-052 货款</td></tr>
<tr><td>2026-03-16</td><td>借方</td><td>6,120.00</td><td>61,380.00</td><td>嘉兴市南湖区永固紧固件厂</td><td>19385101040012345</td><td>中国农业银行嘉兴南湖支行</td><td>汇出</td><td>紧固件款</td></tr>
<tr><td>2026-03-16</td><td>借方</td><td>5.50</td><td>61,374.50</td><td></td><td></td><td></td><td>汇款手续费</td><td></td></tr>
<tr><td>合计</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
</table></body></html>"""
T13_T = [("2026-03-06", "17500.00", "CNY", "绍兴柯桥恒达纺机有限公司", "HR-PO-2602-052 货款"),
         ("2026-03-16", "-6120.00", "CNY", "嘉兴市南湖区永固紧固件厂", "紧固件款"),
         ("2026-03-16", "-5.50", "CNY", "*", "")]

# T14 WeChat Pay 个人账单 xlsx (2024 layout): 金额(元) with ¥ and thousands, 收/支 '/' for neutral, 交易对方, 商品
T14 = [
    ["微信支付账单明细"], ["微信昵称：[恒锐精密-李伟]"], ["起始时间：[2026-03-01 00:00:00] 终止时间：[2026-03-31 23:59:59]"],
    ["导出类型：[全部]"], ["导出时间：[2026-04-01 08:30:11]"], [],
    ["共4笔记录"], ["收入：1笔 1,860.00元"], ["支出：2笔 2,460.00元"], ["中性交易：1笔 500.00元"],
    ["注："], ["1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"], [],
    ["----------------------微信支付账单明细列表--------------------"],
    ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"],
    ["2026-03-04 14:22:10", "转账", "东莞市长安镇顺和模具配件厂", "转账备注:模具维修 3月", "支出", "¥2,400.00", "零钱", "对方已收钱", "1000050001202603041234567890123", "/", "/"],
    ["2026-03-09 10:05:44", "二维码收款", "王建国", "收款方备注:二维码收款 样品费", "收入", "¥1,860.00", "/", "已收钱", "1000039901202603091111111111111", "/", "/"],
    ["2026-03-15 18:40:02", "商户消费", "滴滴出行", "快车-送样品", "支出", "¥60.00", "招商银行(6688)", "支付成功", "4200002026202603152222222222", "D2026031518400212", "/"],
    ["2026-03-20 09:00:00", "零钱提现", "招商银行(6688)", "/", "/", "¥500.00", "零钱", "提现已到账", "2002026032000900000000001", "/", "服务费¥0.00"],
]
T14_T = [("2026-03-04", "-2400.00", "CNY", "东莞市长安镇顺和模具配件厂", "模具维修"),
         ("2026-03-09", "1860.00", "CNY", "王建国", "样品费"),
         ("2026-03-15", "-60.00", "CNY", "滴滴出行", ""),
         ("2026-03-20", "-500.00", "CNY", "招商银行(6688)", "")]

CAMT054 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
 <BkToCstmrDbtCdtNtfctn>
  <GrpHdr><MsgId>DB2603120001</MsgId><CreDtTm>2026-03-12T18:02:11</CreDtTm></GrpHdr>
  <Ntfctn>
   <Id>DB2603120001N1</Id><CreDtTm>2026-03-12T18:02:11</CreDtTm>
   <Acct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>SUZHOU HENGRUI PRECISION HARDWARE CO LTD</Nm></Ownr></Acct>
   <Ntry>
    <NtryRef>1</NtryRef><Amt Ccy="EUR">7520.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2026-03-12</Dt></BookgDt><ValDt><Dt>2026-03-12</Dt></ValDt><AcctSvcrRef>2603120045127</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>RG26-00457</EndToEndId></Refs>
     <Amt Ccy="EUR">7520.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
     <RltdPties><Dbtr><Pty><Nm>SCHNEIDER PRAEZISIONSWERKZEUGE GMBH</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE44500105175407324931</IBAN></Id></DbtrAcct></RltdPties>
     <RmtInf><Ustrd>Rechnung HR-EX-2603-011</Ustrd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <NtryRef>2</NtryRef><Amt Ccy="EUR">1240.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2026-03-12</Dt></BookgDt><ValDt><Dt>2026-03-12</Dt></ValDt><AcctSvcrRef>2603120045188</AcctSvcrRef>
    <NtryDtls><TxDtls>
     <Amt Ccy="EUR">1240.50</Amt><CdtDbtInd>DBIT</CdtDbtInd>
     <RltdPties><Cdtr><Pty><Nm>MUELLER ANLAGENBAU GMBH</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></CdtrAcct></RltdPties>
     <RmtInf><Ustrd>PO 4500123 Lieferung Maerz</Ustrd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
  </Ntfctn>
 </BkToCstmrDbtCdtNtfctn>
</Document>
"""
CAMT054_T = [("2026-03-12", "7520.00", "EUR", "SCHNEIDER PRAEZISIONSWERKZEUGE GMBH", "Rechnung HR-EX-2603-011"),
             ("2026-03-12", "-1240.50", "EUR", "MUELLER ANLAGENBAU GMBH", "PO 4500123 Lieferung Maerz")]

DOCS = [
    ("psbc_对公明细_202603.xlsx", "xlsx", T1, None, T1_T, "100512345678901234"),
    ("兴业银行_账户明细_20260301_20260331.csv", "csv", T2, "gbk", T2_T, "622908123456789012"),
    ("pingan_明细.xlsx", "xlsx", T3, None, T3_T, "15000098765432"),
    ("cmbc_new_export.csv", "csv", T4, "utf-8-sig", T4_T, "1826014170001234"),
    ("20889123456789010_账务明细_202603.csv", "csv", T5, "gbk", T5_T, "20889123456789010"),
    ("1600123456All2026-03-01_2026-03-31.csv", "csv", T6, "utf-8-sig", T6_T, ""),
    ("scb_hk_statement.csv", "csv", T7, "utf-8", T7_T, "44701234569"),
    ("dbs_hk_activity.xlsx", "xlsx", T8, None, T8_T, "0151234567890"),
    ("bea_statement_202603.xlsx", "xlsx", T9, None, T9_T, "0151234567891"),
    ("Chase9012_Activity_20260331.CSV", "csv", T10, "utf-8", T10_T, ""),
    ("statement_EUR_2026-03-01_2026-03-31.csv", "csv", T11, "utf-8", T11_T, ""),
    ("payoneer_transactions.csv", "csv", T12, "utf-8", T12_T, ""),
    ("hxb_明细.xls", "html", T13_HTML, "gb2312", T13_T, "10880000000471122"),
    ("微信支付账单(20260301-20260331).xlsx", "xlsx", T14, None, T14_T, ""),
    ("db_camt054.xml", "text", CAMT054, "utf-8", CAMT054_T, "GB29NWBK60161331926819"),
]


# Written after the first fixes, to see whether the rules hold on wordings they were not made for
# U1 Hang Seng business csv: Date (dd/mm/yyyy), Transaction Details, Deposit, Withdrawal, Balance
U1 = [["Hang Seng Bank Limited"], ["Account Number:", "239-123456-001"], ["Currency:", "HKD"], [],
      ["Date", "Transaction Details", "Deposit", "Withdrawal", "Balance"],
      ["03/03/2026", "FPS TRANSFER IN CHAN TAI MAN FRN20260303A1234567", "2,500.00", "", "52,500.00"],
      ["07/03/2026", "DIRECT DEBIT HONG KONG BROADBAND NETWORK LTD 12345678", "", "388.00", "52,112.00"],
      ["12/03/2026", "CASH DEPOSIT", "10,000.00", "", "62,112.00"],
      ["19/03/2026", "TELEGRAPHIC TRANSFER FROM PACIFIC SOURCING CO REF TT2603190001", "31,200.00", "", "93,312.00"],
      ["25/03/2026", "TRANSFER TO A/C 239-888888-001", "", "20,000.00", "73,312.00"]]
U1_T = [("2026-03-03", "2500.00", "HKD", "CHAN TAI MAN", ""), ("2026-03-07", "-388.00", "HKD", "HONG KONG BROADBAND NETWORK LTD", ""),
        ("2026-03-12", "10000.00", "HKD", "*", ""), ("2026-03-19", "31200.00", "HKD", "PACIFIC SOURCING CO", ""),
        ("2026-03-25", "-20000.00", "HKD", "*", "")]
# U2 BOCHK xlsx, bilingual headers one per cell, 交易摘要 Transaction Summary, amounts signed with DR/CR words
U2 = [["中國銀行(香港) Bank of China (Hong Kong)"], ["賬戶號碼 Account Number", "012-875-0-123456-7"], ["貨幣 Currency", "USD"],
      ["日期 Date", "交易摘要 Transaction Summary", "金額 Amount", "結餘 Balance"],
      ["2026/03/04", "INWARD REMITTANCE FROM WESTFIELD TOOLING LLC INV HR-US-2602-009", "14,250.00 CR", "34,250.00 CR"],
      ["2026/03/11", "OUTWARD REMITTANCE TO NINGBO HAISHU PACKING CO LTD", "6,000.00 DR", "28,250.00 CR"],
      ["2026/03/11", "OUTWARD REMITTANCE CHARGES", "20.00 DR", "28,230.00 CR"]]
U2_T = [("2026-03-04", "14250.00", "USD", "WESTFIELD TOOLING LLC", "INV HR-US-2602-009"),
        ("2026-03-11", "-6000.00", "USD", "NINGBO HAISHU PACKING CO LTD", ""), ("2026-03-11", "-20.00", "USD", "*", "")]
# U3 Revolut Business csv: started/completed dates, Type, State (a REVERTED row), Payer, Amount signed, Fee apart, multi-ccy
U3 = [["Date started (UTC)", "Date completed (UTC)", "ID", "Type", "State", "Description", "Reference", "Payer", "Card number", "Orig currency", "Orig amount", "Payment currency", "Amount", "Fee", "Balance", "Account", "Beneficiary account number", "Beneficiary sort code or routing number", "Beneficiary IBAN", "Beneficiary BIC"],
      ["2026-03-02", "2026-03-02", "6601a3b2-0000-aaaa-9c1e-1a2b3c4d5e6f", "TOPUP", "COMPLETED", "Payment from Brighton Fixings Ltd", "INV HR-UK-0311", "Brighton Fixings Ltd", "", "GBP", "2400.00", "GBP", "2400.00", "0.00", "5400.00", "GBP Main", "", "", "", ""],
      ["2026-03-05", "2026-03-06", "6601a3b2-0000-bbbb-9c1e-1a2b3c4d5e6f", "TRANSFER", "COMPLETED", "To Midlands Freight Services Ltd", "HR freight Feb", "", "", "GBP", "-850.00", "GBP", "-850.00", "-0.30", "4549.70", "GBP Main", "41234567", "401276", "", ""],
      ["2026-03-09", "", "6601a3b2-0000-cccc-9c1e-1a2b3c4d5e6f", "TRANSFER", "REVERTED", "To Midlands Freight Services Ltd", "duplicate", "", "", "GBP", "-850.00", "GBP", "-850.00", "0.00", "4549.70", "GBP Main", "41234567", "401276", "", ""],
      ["2026-03-12", "2026-03-12", "6601a3b2-0000-dddd-9c1e-1a2b3c4d5e6f", "TOPUP", "COMPLETED", "Payment from Van der Berg Techniek B.V.", "INVOICE HR-EX-2603-015", "Van der Berg Techniek B.V.", "", "EUR", "1830.00", "EUR", "1830.00", "0.00", "1830.00", "EUR Main", "", "", "", ""]]
U3_T = [("2026-03-02", "2400.00", "GBP", "Brighton Fixings Ltd", "INV HR-UK-0311"),
        ("2026-03-06", "-850.00", "GBP", "Midlands Freight Services Ltd", "HR freight Feb"),
        ("2026-03-12", "1830.00", "EUR", "Van der Berg Techniek B.V.", "INVOICE HR-EX-2603-015")]
# U4 浙商银行 csv (GBK): 收付标志 收/付, 交易对手名称, 交易对手账号, 交易日期 2026年03月05日
U4 = [["浙商银行账户交易明细"], ["账号:", "3310010010120100123456", "户名:", OURS], [],
      ["交易日期", "收付标志", "交易金额", "账户余额", "交易对手名称", "交易对手账号", "交易对手行名", "摘要", "附言"],
      ["2026年03月05日", "收", "19,800.00", "69,800.00", "台州黄岩精工模塑有限公司", "201000123456789", "台州银行黄岩支行", "跨行来账", "模具款 HR-PO-2602-061"],
      ["2026年03月17日", "付", "7,200.00", "62,600.00", "杭州萧山恒丰包装有限公司", "19000123400001234", "浙江萧山农村商业银行", "跨行转账", "纸箱款"],
      ["2026年03月21日", "付", "3.00", "62,597.00", "", "", "", "短信服务费", ""]]
U4_T = [("2026-03-05", "19800.00", "CNY", "台州黄岩精工模塑有限公司", "模具款 HR-PO-2602-061"),
        ("2026-03-17", "-7200.00", "CNY", "杭州萧山恒丰包装有限公司", "纸箱款"), ("2026-03-21", "-3.00", "CNY", "*", "")]
# U5 Citibank US csv: Date (MM-DD-YYYY), Description, Debit, Credit; ACH/Zelle wordings
U5 = [["Date", "Description", "Debit", "Credit"],
      ["03-02-2026", "ZELLE PAYMENT FROM JOHN MILLER CONF# A1B2C3D4", "", "250.00"],
      ["03-09-2026", "ACH ELECTRONIC DEBIT UPS BILLING 0000123456", "312.45", ""],
      ["03-16-2026", "INCOMING WIRE FROM GREAT LAKES MACHINING LLC REF PO 88301", "", "9,400.00"],
      ["03-27-2026", "MONTHLY SERVICE FEE", "15.00", ""]]
U5_T = [("2026-03-02", "250.00", "USD", "JOHN MILLER", ""), ("2026-03-09", "-312.45", "USD", "UPS BILLING", ""),
        ("2026-03-16", "9400.00", "USD", "GREAT LAKES MACHINING LLC", "PO 88301"), ("2026-03-27", "-15.00", "USD", "*", "")]
DOCS += [("hangseng_business.csv", "csv", U1, "utf-8", U1_T, "239123456001"),
         ("bochk_usd.xlsx", "xlsx", U2, None, U2_T, "01287501234567"),
         ("revolut_business_2026-03.csv", "csv", U3, "utf-8", U3_T, ""),
         ("czb_浙商_明细.csv", "csv", U4, "gbk", U4_T, "3310010010120100123456")]


def _write(tmp_path: Path, name: str) -> Path:
    return write_held_out(tmp_path, DOCS, name)


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return read_statement(_write(tmp_path, name))


@pytest.mark.parametrize("name", [d[0] for d in DOCS])
def test_held_out_export_reads_every_row(tmp_path: Path, name: str) -> None:
    assert_held_out_reads(_read(tmp_path, name), held_out(DOCS, name))


def test_the_party_inside_the_details_text(tmp_path: Path) -> None:
    """Exports with no party column: the counterparty was the whole details text (``FPS CREDIT KOWLOON TOOLING
    SUPPLY CO FRN2026...``, ``INWARD REMITTANCE FROM ... INV ...``, Chase's ``ORIG CO NAME:... ORIG ID:...``); now the
    name alone, without the type words and the references; the text stays the description."""
    scb = _read(tmp_path, "scb_hk_statement.csv").lines
    assert [ln.counterparty_name for ln in scb] == [
        "KOWLOON TOOLING SUPPLY CO", "MUELLER ANLAGENBAU GMBH", "WING FAT HARDWARE LIMITED",
        "SHENZHEN FASTLINK LOGISTICS LTD", "TT CHARGES OTT260316SC0019", "HK ELECTRIC CO LTD"]
    assert "INVOICE HR-EX-2602-021" in scb[1].description
    chase = _read(tmp_path, "Chase9012_Activity_20260331.CSV")
    assert [ln.counterparty_name for ln in chase.lines][:2] == ["ACME INDUSTRIAL SU", "SHENZHEN FASTLINK LOGISTICS LTD"]
    assert chase.lines[4].counterparty_name == "GREAT LAKES MACHINING LLC"
    # the party on the line under a bilingual type line (轉賬存入 TRANSFER CREDIT / TAI KOO ...)
    assert _read(tmp_path, "bea_statement_202603.xlsx").lines[0].counterparty_name == "TAI KOO PRECISION PARTS LTD"


def test_a_channel_is_not_the_other_party(tmp_path: Path) -> None:
    """交易渠道 (支付宝, 网银, 柜面) was read as the place of the transaction, which names the party of a row that has
    none: Alipay's rows came out with counterparty '支付宝' at full confidence."""
    lines = _read(tmp_path, "20889123456789010_账务明细_202603.csv").lines
    assert [ln.counterparty_name for ln in lines] == ["宁波甬江五金商行", "", "宁波甬江五金商行", "支付宝(中国)网络技术有限公司"]
    assert lines[0].counterparty_account == "yjwj***@163.com" and "支付宝" in lines[0].description
    rows = [["交易日期", "交易金额", "本次余额", "对方户名", "交易渠道", "摘要"],
            ["20260309", "-8.50", "991.50", "", "网银", "汇划费"], ["20260310", "+100.00", "1091.50", "张伟", "柜面", "存入"]]
    fee, deposit = read_statement(write_csv(tmp_path / "abc.csv", rows, "gbk")).lines
    assert (fee.counterparty_name, deposit.counterparty_name) == ("", "张伟") and "网银" in fee.description


def test_cells_guarded_by_a_backtick(tmp_path: Path) -> None:
    """WeChat Pay's merchant 资金账单 writes every cell as ```1280.00``: every row was a row warning ("not an
    amount"), and the trailer's figures under its labels row were one more."""
    result = _read(tmp_path, "1600123456All2026-03-01_2026-03-31.csv")
    assert [ln.amount for ln in result.lines] == [D("1280.00"), D("-7.68"), D("-320.00"), D("-900.00")]
    assert result.bank == "微信支付" and result.lines[0].transaction_id == "1600123456202603030000001"
    assert any("totals row above" in s for s in result.skipped)


def test_a_carried_balance_row_and_page_subtotals_in_the_middle(tmp_path: Path) -> None:
    """PSBC prints 本页小计 and a 承前页 row (its date cell holds the words, a balance and no amount) between the
    pages: the 承前页 row was a row warning."""
    result = _read(tmp_path, "psbc_对公明细_202603.xlsx")
    assert len(result.lines) == 6 and not result.row_warnings
    assert any("承前页" in s for s in result.skipped) and sum("本页小计" in s for s in result.skipped) == 2


def test_the_account_number_among_words_of_the_preamble(tmp_path: Path) -> None:
    """``Account | USD Current Account 015-123-4-567890`` and ``账号：10880000000471122 户名：... 币种：人民币`` in one
    cell gave the whole text as the account; ``戶口號碼 Account No.`` (Traditional Chinese, a dot) gave none."""
    assert _read(tmp_path, "dbs_hk_activity.xlsx").account == "0151234567890"
    assert _read(tmp_path, "hxb_明细.xls").account == "10880000000471122"
    assert _read(tmp_path, "bea_statement_202603.xlsx").account == "0151234567891"


def test_a_multi_currency_wallet(tmp_path: Path) -> None:
    """Payoneer: USD and GBP rows in one file, each currency with its own running balance, and a Canceled row
    (American spelling) that moved no money: it was imported."""
    result = _read(tmp_path, "payoneer_transactions.csv")
    assert [ln.currency for ln in result.lines] == ["USD", "GBP", "USD", "USD", "USD"]
    assert any("Canceled" in s for s in result.skipped)
    assert not any("balances" in w for w in result.warnings)
    assert result.bank == "Payoneer"


def test_a_us_bank_export_is_in_dollars(tmp_path: Path) -> None:
    """A Chase csv prints no currency: CNY at 0.5 before; the bank (from the file name) says USD."""
    result = _read(tmp_path, "Chase9012_Activity_20260331.CSV")
    assert {ln.currency for ln in result.lines} == {"USD"} and result.confidence["currency"] >= 0.9


def test_a_camt054_notification(tmp_path: Path) -> None:
    """CAMT.054 (BkToCstmrDbtCdtNtfctn/Ntfctn) was refused: "not a CAMT.053 statement"."""
    result = _read(tmp_path, "db_camt054.xml")
    assert [(ln.amount, ln.counterparty_name) for ln in result.lines] == [
        (D("7520.00"), "SCHNEIDER PRAEZISIONSWERKZEUGE GMBH"), (D("-1240.50"), "MUELLER ANLAGENBAU GMBH")]
    assert result.account == "GB29NWBK60161331926819"
    report = CAMT054.replace("camt.054.001.08", "camt.052.001.08").replace("BkToCstmrDbtCdtNtfctn", "BkToCstmrAcctRpt")
    path = tmp_path / "camt052.xml"
    path.write_text(report.replace("<Ntfctn>", "<Rpt>").replace("</Ntfctn>", "</Rpt>"), encoding="utf-8")
    assert len(read_statement(path).lines) == 2


BAI2 = """01,021000021,HENGRUI01,260331,2300,1,,,2/
02,HENGRUI01,021000021,1,260330,,USD,2/
03,000123456789,USD,010,2583000,,,015,3083000,,/
16,195,1240000,Z,0831234567TC,,ACH CREDIT ACME INDUSTRIAL SU
88,INV HR-US-2603
16,495,650000,Z,3456789012ES,FREIGHT MAR26,WIRE OUT SHENZHEN FASTLINK LOGISTICS LTD
16,698,4500,Z,3456789013ES,,WIRE FEE
16,175,12X00,Z,3456789014ES,,DEPOSIT
49,3083000,5/
98,3083000,1,7/
99,3083000,1,9/
"""


def test_a_bai2_file(tmp_path: Path) -> None:
    """BAI2 (US banks' cash-management reporting) was refused: "not a file orderhub reads". Each 16 record is a
    line signed by its type code, dated by the group's as-of date, its party from the text; a record that cannot be
    read costs that record only."""
    path = tmp_path / "chase.bai"
    path.write_text(BAI2, encoding="utf-8")
    result = read_statement(path)
    assert [(ln.booking_date, ln.amount, ln.currency, ln.counterparty_name) for ln in result.lines] == [
        (date(2026, 3, 30), D("12400.00"), "USD", "ACME INDUSTRIAL SU"),
        (date(2026, 3, 30), D("-6500.00"), "USD", "SHENZHEN FASTLINK LOGISTICS LTD"),
        (date(2026, 3, 30), D("-45.00"), "USD", "")]
    assert "INV HR-US-2603" in result.lines[0].description and result.lines[1].reference == "FREIGHT MAR26"
    assert result.account == "000123456789" and result.lines[0].transaction_id == "0831234567TC"
    assert [w.row for w in result.row_warnings] == [8]


def test_a_us_export_that_prints_no_currency_needs_review(tmp_path: Path) -> None:
    """Citibank's csv names no bank and no currency: the parties come out of the details (Zelle, ACH, wire
    wordings; a reference word left before the reference goes too), the currency stays under review."""
    result = read_statement(write_csv(tmp_path / "citi_us_activity.csv", U5, "utf-8"))
    assert [(ln.amount, ln.counterparty_name) for ln in result.lines] == [
        (D("250.00"), "JOHN MILLER"), (D("-312.45"), "UPS BILLING"), (D("9400.00"), "GREAT LAKES MACHINING LLC"),
        (D("-15.00"), "MONTHLY SERVICE FEE")]
    assert result.confidence["currency"] < 0.9


def test_a_wallet_with_a_party_column_on_one_side_only(tmp_path: Path) -> None:
    """Revolut prints the Payer of money in but no payee column: the transfer out named no party ('To Midlands
    Freight Services Ltd' is in its description); its REVERTED row (State, in capitals) was imported; its
    'Date completed (UTC)' was not a booking date, so the file was refused."""
    result = _read(tmp_path, "revolut_business_2026-03.csv")
    assert [ln.counterparty_name for ln in result.lines] == [
        "Brighton Fixings Ltd", "Midlands Freight Services Ltd", "Van der Berg Techniek B.V."]
    assert result.lines[1].booking_date == date(2026, 3, 6) and any("REVERTED" in s for s in result.skipped)


def test_name_words_that_look_like_references_stay() -> None:
    """A Cantonese name ending in PO, a shop named with a figure: only a reference word that a reference follows
    ends a name (and one left dangling before such a cut goes)."""
    from extractors.statements.details import party_in_details

    assert party_in_details(["FPS CREDIT WONG TAI PO"]) == "WONG TAI PO"
    assert party_in_details(["FPS CREDIT 7-ELEVEN"]) == "7-ELEVEN"
    assert party_in_details(["INCOMING WIRE FROM GREAT LAKES MACHINING LLC REF PO 88301"]) == "GREAT LAKES MACHINING LLC"
    assert party_in_details(["TRANSFER FROM A/C 123-456789-001"]) is None  # no name: the text stays the counterparty


def test_bai2_amounts_take_the_currencys_minor_units(tmp_path: Path) -> None:
    """BAI2 writes amounts without a decimal point, in the currency's minor units (ISO 4217, hub/data/currencies.csv):
    yen have none, forint two, Kuwaiti dinar three. A hand-kept list of zero-decimal currencies read HUF 1,234.56
    as 123,456 and KWD 123.456 as 1,234.56."""
    text = BAI2.replace("USD", "{ccy}").replace("16,175,12X00,Z,3456789014ES,,DEPOSIT\n", "")
    got = {}
    for ccy in ("JPY", "HUF", "KWD"):
        path = tmp_path / f"{ccy}.bai"
        path.write_text(text.format(ccy=ccy), encoding="utf-8")
        got[ccy] = [ln.amount for ln in read_statement(path).lines]
    assert got == {"JPY": [D("1240000"), D("-650000"), D("-4500")],
                   "HUF": [D("12400.00"), D("-6500.00"), D("-45.00")],
                   "KWD": [D("1240.000"), D("-650.000"), D("-4.500")]}
