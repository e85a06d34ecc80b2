"""The eighth held-out set of bank receipts, advices and payment records (issue 14 §1-§3), written by hand as banks,
payment firms and buyers print them, of shapes no earlier set had: a SWIFT MT103 printed as its raw FIN text (``:20:``,
``:32A:260512USD18500,00``, ``:50K:``, ``:59:``, ``:70:``, ``:71A:OUR``); an incoming remittance advice printing the
instructed amount, the correspondent's charges and the smaller amount credited; a 工商银行 境外汇款入账通知书; 电子回单 of
工商银行, 建设银行, 邮储银行 and a 农商行, each with a 回单编号 and a 验证码; a 支付宝 转账电子回单; a PayPal transaction
details page (gross, fee, net); a 信用证议付通知 with its deductions; a cheque deposit slip; a direct debit notice and a
refund, a bank's charges-only debit advice (money out: never a receipt of money in); a 振込金受取書; a receipt of
本金 and 利息; a 中国银行 结汇水单 and a Revolut and a WorldFirst notice whose ``Reference`` / ``Remittance information``
is the payer's memo; a Chinese buyer's 付款通知 listing the invoices it pays.

Each document is (items, rules, font) for :func:`handmade.draw_pdf` with the fields it prints (``None``: printed
nowhere, so it must stay empty). Our companies (the master): the Suzhou company and its Japanese subsidiary."""

from __future__ import annotations

from tests.extractors_documents.handmade import OURS, OURS_EN
from tests.extractors_documents.held_out_6 import _table, grid

OURS_JP = "恒鋭精密ジャパン株式会社"
OUR_ACCOUNTS = ("1102 0201 0900 0876 543", "3225 0198 8436 0000 0512", "9360 0101 0012 3456 78", "0706 0120 1234 5678 9",
                "8310 0012 3456 9", "4402 2301 0900 0123 45", "GB33 REVO 0099 7012 3456 78", "7401 2345 6783",
                "6225 8801 2345 6789", "1200 0456 7890 123", "0188 7766 5544 0", "741-234567-838",
                "1035 1401 0400 0988 7", "1035 1401 0400 1122 3")
OUR_ACCOUNTS_JP = ("2345678",)

# R1 SWIFT MT103 printed as its raw FIN text: tag lines, the 50K/59 account on a line of its own, 71A OUR
MT103_FIN = ([
    (20, 15, "Swift Output : FIN 103 Single Customer Credit Transfer", 10, "DVB"),
    (20, 22, "Sender   : DEUTDEFFXXX  DEUTSCHE BANK AG, FRANKFURT AM MAIN", 8),
    (20, 27, "Receiver : BKCHCNBJ95B  BANK OF CHINA SUZHOU BRANCH", 8),
    (20, 36, ":20:DB2605120044718"), (20, 41, ":23B:CRED"), (20, 46, ":32A:260512EUR18500,00"),
    (20, 51, ":33B:EUR18500,00"),
    (20, 56, ":50K:/DE44500700100912345678"), (20, 61, "RHEINTAL ANTRIEBSTECHNIK GMBH"), (20, 66, "INDUSTRIESTR. 12"),
    (20, 71, "79539 LOERRACH"),
    (20, 76, ":52A:DEUTDEFF"), (20, 81, ":57A:BKCHCNBJ95B"),
    (20, 86, ":59:/440223010900012345"), (20, 91, OURS_EN.upper()), (20, 96, "NO. 88 JINFENG ROAD, SUZHOU"),
    (20, 101, ":70:/INV/HR-EX-2604-041"), (20, 106, ":71A:OUR"),
    (20, 116, "-}{5:{CHK:8F2A11C0D3E7}}", 7),
], [(20, 31, 190, 31), (20, 111, 190, 111)], "DV")
MT103_FIN_T = {"payer_name": "RHEINTAL ANTRIEBSTECHNIK GMBH", "payer_account": "DE44500700100912345678",
               "payee_name": OURS_EN.upper(), "payee_account": "440223010900012345", "amount": "18500.00",
               "currency": "EUR", "value_date": "2026-05-12", "transaction_id": "DB2605120044718", "memo": "/INV/HR-EX-2604-041"}

# R2 an incoming remittance advice (Standard Chartered HK): instructed amount, correspondent charges, amount credited
SCB_IN = ([
    (20, 15, "Standard Chartered Bank (Hong Kong) Limited", 11, "DVB"),
    (20, 26, "ADVICE OF INWARD REMITTANCE", 13, "DVB"),
    (20, 38, "Our reference"), (80, 38, "SCB-IR-260513-00917"), (120, 38, "Value date"), (150, 38, "13 May 2026"),
    (20, 48, "Remitter"), (80, 48, "NORDIC FLUID SYSTEMS AB"),
    (20, 54, "Remitter's bank"), (80, 54, "SKANDINAVISKA ENSKILDA BANKEN AB", 8),
    (20, 60, "Beneficiary"), (80, 60, OURS_EN.upper(), 8),
    (20, 66, "Account credited"), (80, 66, "447-123456-001"),
    (20, 76, "Instructed amount"), (80, 76, "USD 30,000.00"),
    (20, 82, "Correspondent charges"), (80, 82, "USD 25.00"),
    (20, 88, "Our charges"), (80, 88, "USD 0.00"),
    (20, 94, "Amount credited"), (80, 94, "USD 29,975.00"),
    (20, 104, "Details of payment"), (80, 104, "INV HR-EX-2604-044 AND HR-EX-2604-045"),
], [(20, 32, 190, 32), (20, 71, 190, 71), (20, 99, 190, 99), (20, 109, 190, 109)], "DV")
SCB_IN_T = {"bank": "Standard Chartered Bank (Hong Kong) Limited", "payer_name": "NORDIC FLUID SYSTEMS AB",
            "payer_bank": "SKANDINAVISKA ENSKILDA BANKEN AB", "payee_name": OURS_EN.upper(), "payee_account": "447123456001",
            "amount": "29975.00", "currency": "USD", "value_date": "2026-05-13", "transaction_id": "SCB-IR-260513-00917",
            "memo": "INV HR-EX-2604-044 AND HR-EX-2604-045"}

# R3 工商银行 境外汇款入账通知书: two columns of label|value, 汇款人 with address, 原币金额, 扣费, 入账金额
ICBC_IR = ([
    (50, 16, "中国工商银行 境外汇款入账通知书", 14), (15, 26, "业务编号：ICBC-IR-20260514-0381", 8),
    (140, 26, "入账日期：2026年05月14日", 8),
    (17, 35, "收款人户名"), (47, 35, OURS, 7), (17, 43, "收款人账号"), (47, 43, "1102 0201 0900 0876 543"),
    (17, 51, "汇款人名称"), (47, 51, "MAPLE LEAF HYDRAULICS LTD.", 8), (17, 59, "汇款人地址"), (47, 59, "88 BAY ST, TORONTO ON", 8),
    (17, 67, "汇款行SWIFT"), (47, 67, "ROYCCAT2 ROYAL BANK OF CANADA", 8),
    (17, 75, "原币金额"), (47, 75, "CAD 16,200.00"), (107, 75, "扣费"), (127, 75, "CAD 30.00"),
    (17, 83, "入账金额"), (47, 83, "CAD 16,170.00"), (107, 83, "费用承担"), (127, 83, "SHA"),
    (17, 91, "附言"), (47, 91, "INV HR-EX-2604-047"),
    (15, 104, "中国工商银行股份有限公司苏州分行 国际业务专用章", 7),
], grid(15, 30, 195, 95, (39, 47, 55, 63, 71, 79, 87), (45,)) + [(105, 71, 105, 87), (125, 71, 125, 87)], "WQ")
ICBC_IR_T = {"bank": "中国工商银行", "payer_name": "MAPLE LEAF HYDRAULICS LTD.", "payee_name": OURS,
             "payee_account": "1102020109000876543", "amount": "16170.00", "currency": "CAD", "value_date": "2026-05-14",
             "transaction_id": "ICBC-IR-20260514-0381", "memo": "INV HR-EX-2604-047"}

# R4 工商银行 网上银行电子回单: 回单编号, 指令序号, 验证码 at the foot, 付款人/收款人 in two halves
ICBC = ([
    (60, 16, "中国工商银行 网上银行电子回单", 14), (15, 26, "电子回单号码：0026-0515-3311-8742", 8),
    (17, 35, "付款人"), (30, 35, "户名"), (45, 35, "常州武进华联液压件有限公司", 7), (107, 35, "收款人"), (120, 35, "户名"), (135, 35, OURS, 7),
    (30, 43, "账号"), (45, 43, "1105 0211 0900 0456 789"), (120, 43, "账号"), (135, 43, "1102 0201 0900 0876 543"),
    (30, 51, "开户银行"), (45, 51, "中国工商银行常州武进支行", 7), (120, 51, "开户银行"), (135, 51, "中国工商银行苏州分行", 7),
    (17, 59, "金额"), (45, 59, "¥52,300.00"), (107, 59, "大写"), (135, 59, "人民币伍万贰仟叁佰元整", 8),
    (17, 67, "摘要"), (45, 67, "货款"), (107, 67, "用途"), (135, 67, "HR-INV-260508"),
    (17, 75, "交易时间"), (45, 75, "2026-05-15 10:42:17"), (107, 75, "指令序号"), (135, 75, "HQP2605150003321"),
    (17, 87, "验证码：7Kq2N9xA4mZ1", 8), (107, 87, "记账柜员：00918", 8),
    (15, 96, "中国工商银行股份有限公司 电子回单专用章", 7),
], grid(15, 30, 195, 79, (39, 47, 55, 63, 71), (28, 105, 118)), "WQ")
ICBC_T = {"bank": "中国工商银行", "payer_name": "常州武进华联液压件有限公司", "payer_account": "1105021109000456789",
          "payer_bank": "中国工商银行常州武进支行", "payee_name": OURS, "payee_account": "1102020109000876543",
          "payee_bank": "中国工商银行苏州分行", "amount": "52300.00", "currency": "CNY", "value_date": "2026-05-15",
          "transaction_id": "0026051533118742", "memo": "HR-INV-260508"}

# R5 建设银行 网上银行电子回单: one column, 电子回单号, 验证码, 重复打印次数
CCB = ([
    (60, 16, "中国建设银行 网上银行电子回单", 14), (15, 26, "电子回单号：3205 0000 1626 0516 0091", 8),
    (140, 26, "验证码：F3E9A27C51", 8),
    (20, 36, "付款人全称：无锡滨湖瑞丰精密机械有限公司"), (20, 43, "付款人账号：3205 0161 6300 0000 1234"),
    (20, 50, "付款人开户行：中国建设银行无锡滨湖支行"),
    (20, 60, "收款人全称：" + OURS), (20, 67, "收款人账号：3225 0198 8436 0000 0512"), (20, 74, "收款人开户行：中国建设银行苏州工业园区支行"),
    (20, 84, "金额：人民币 ¥27,480.00"), (110, 84, "（大写）贰万柒仟肆佰捌拾元整"),
    (20, 91, "用途：HR-SO-2604-077 货款"), (20, 98, "交易日期：2026年05月16日"), (110, 98, "账户明细编号-交易流水号：3-20260516KJ88102"),
    (20, 108, "重复打印次数：1", 8), (110, 108, "打印日期：2026年05月18日", 8),
], [(15, 31, 195, 31), (15, 55, 195, 55), (15, 79, 195, 79), (15, 103, 195, 103)], "WQ")
CCB_T = {"bank": "中国建设银行", "payer_name": "无锡滨湖瑞丰精密机械有限公司", "payer_account": "32050161630000001234",
         "payer_bank": "中国建设银行无锡滨湖支行", "payee_name": OURS, "payee_account": "32250198843600000512",
         "payee_bank": "中国建设银行苏州工业园区支行", "amount": "27480.00", "currency": "CNY", "value_date": "2026-05-16",
         "transaction_id": "32050000162605160091", "memo": "HR-SO-2604-077 货款"}

# R6 邮储银行 电子回单: 付款方/收款方 labels, 交易渠道, 验证码, 回单编号 under the title
PSBC = ([
    (60, 16, "中国邮政储蓄银行 电子回单", 14), (60, 24, "回单编号：PSBC202605190004417", 8),
    (17, 35, "付款方户名"), (52, 35, "南通海安永盛橡胶制品厂", 8), (17, 43, "付款方账号"), (52, 43, "9320 1001 0023 4567 01"),
    (17, 51, "付款方开户行"), (52, 51, "中国邮政储蓄银行海安县支行", 8),
    (17, 59, "收款方户名"), (52, 59, OURS, 7), (17, 67, "收款方账号"), (52, 67, "9360 0101 0012 3456 78"),
    (17, 75, "收款方开户行"), (52, 75, "中国邮政储蓄银行苏州市分行", 8),
    (17, 83, "交易金额"), (52, 83, "CNY 8,960.00"), (107, 83, "交易渠道"), (137, 83, "网上银行"),
    (17, 91, "交易时间"), (52, 91, "2026/05/19 15:08:44"), (107, 91, "交易流水号"), (137, 91, "PS2605190881237"),
    (17, 99, "附言"), (52, 99, "密封圈货款 HR-INV-260511"),
    (17, 110, "验证码：592817", 8), (107, 110, "中国邮政储蓄银行 电子回单专用章", 7),
], grid(15, 30, 195, 103, (39, 47, 55, 63, 71, 79, 87, 95), (50, 105, 135)), "WQ")
PSBC_T = {"bank": "中国邮政储蓄银行", "payer_name": "南通海安永盛橡胶制品厂", "payer_account": "932010010023456701",
          "payer_bank": "中国邮政储蓄银行海安县支行", "payee_name": OURS, "payee_account": "936001010012345678",
          "payee_bank": "中国邮政储蓄银行苏州市分行", "amount": "8960.00", "currency": "CNY", "value_date": "2026-05-19",
          "transaction_id": "PS2605190881237", "memo": "密封圈货款 HR-INV-260511"}

# R7 江苏江南农村商业银行 客户回单: 收款人 first, 校验码, 业务种类 行内转账
JNRCB = ([
    (45, 16, "江苏江南农村商业银行 客户回单", 14), (15, 26, "回单编号：JN0520260007731", 8), (140, 26, "日期：2026-05-20", 8),
    (17, 35, "业务种类"), (52, 35, "行内转账"), (107, 35, "校验码"), (137, 35, "A7C3-99E1"),
    (17, 43, "收款人名称"), (52, 43, OURS, 7), (17, 51, "收款人账号"), (52, 51, "0706 0120 1234 5678 9"),
    (17, 59, "付款人名称"), (52, 59, "常州新北区恒达冲压件有限公司", 8), (17, 67, "付款人账号"), (52, 67, "0706 0188 0000 3321 7"),
    (17, 75, "金额（小写）"), (52, 75, "¥15,600.00"), (107, 75, "金额（大写）"), (137, 75, "壹万伍仟陆佰元整", 8),
    (17, 83, "用途"), (52, 83, "冲压件款 HR-INV-260514"), (107, 83, "流水号"), (137, 83, "JN202605200191"),
    (15, 96, "江苏江南农村商业银行股份有限公司 业务专用章", 7),
], grid(15, 30, 195, 87, (39, 47, 55, 63, 71, 79), (50, 105, 135)), "WQ")
JNRCB_T = {"bank": "江苏江南农村商业银行", "payer_name": "常州新北区恒达冲压件有限公司", "payer_account": "07060188000033217",
           "payee_name": OURS, "payee_account": "07060120123456789", "amount": "15600.00", "currency": "CNY",
           "value_date": "2026-05-20", "transaction_id": "JN202605200191", "memo": "冲压件款 HR-INV-260514"}

# R8 支付宝 转账电子回单: 付款方 / 收款方 (支付宝账户 as e-mail and masked), 交易流水号, 备注
ALIPAY = ([
    (70, 16, "支付宝 电子回单", 15), (15, 26, "回单编号：20260521110070001234567890", 8), (140, 26, "生成时间：2026-05-22", 8),
    (17, 35, "付款方户名"), (52, 35, "深圳龙华优品五金商行", 8), (17, 43, "付款方账户"), (52, 43, "yp***@163.com"),
    (17, 51, "收款方户名"), (52, 51, OURS, 7), (17, 59, "收款方账户"), (52, 59, "hrjm***@hrprecision.cn"),
    (17, 67, "交易金额"), (52, 67, "¥3,280.00"), (107, 67, "交易时间"), (137, 67, "2026-05-21 16:20:05"),
    (17, 75, "交易流水号"), (52, 75, "2026052122001455731412345678"),
    (17, 83, "备注"), (52, 83, "五金配件 HR-INV-260516"),
    (15, 96, "支付宝（中国）网络技术有限公司 业务凭证专用章", 7),
], grid(15, 30, 195, 87, (39, 47, 55, 63, 71, 79), (50,)) + [(105, 63, 105, 71), (135, 63, 135, 71)], "WQ")
ALIPAY_T = {"bank": "支付宝", "payer_name": "深圳龙华优品五金商行", "payee_name": OURS, "amount": "3280.00",
            "currency": "CNY", "value_date": "2026-05-21", "transaction_id": "2026052122001455731412345678",
            "memo": "五金配件 HR-INV-260516"}

# R9 PayPal transaction details: Gross amount, PayPal fee, Net amount, Transaction ID, the buyer's note
PAYPAL = ([
    (20, 15, "PayPal", 18, "DVB"),
    (20, 30, "Transaction details", 13, "DVB"),
    (20, 40, "Payment received from Harbor Point Marine Supply", 10),
    (20, 50, "Date"), (75, 50, "May 23, 2026"),
    (20, 56, "Transaction ID"), (75, 56, "7XK21394RD558402M"),
    (20, 62, "Paid by"), (75, 62, "Harbor Point Marine Supply"),
    (20, 68, "Paid to"), (75, 68, OURS_EN),
    (20, 78, "Gross amount"), (-150, 78, "$2,400.00 USD"),
    (20, 84, "PayPal fee"), (-150, 84, "-$84.10 USD"),
    (20, 90, "Net amount"), (-150, 90, "$2,315.90 USD"),
    (20, 100, "Note from buyer"), (75, 100, "Invoice HR-US-2605-003"),
], [(20, 45, 190, 45), (20, 73, 190, 73), (20, 95, 190, 95)], "DV")
PAYPAL_T = {"bank": "PayPal", "payer_name": "Harbor Point Marine Supply", "payee_name": OURS_EN, "amount": "2315.90",
            "currency": "USD", "value_date": "2026-05-23", "transaction_id": "7XK21394RD558402M",
            "memo": "Invoice HR-US-2605-003"}

# R10 中国银行 信用证议付通知书: 议付金额, then each deduction, 净额 credited
BOC_LC = ([
    (55, 16, "中国银行 出口信用证议付通知书", 14), (15, 26, "议付编号：BOC-NEG-2605-01128", 8), (140, 26, "议付日期：2026-05-25", 8),
    (17, 35, "信用证号"), (52, 35, "LC-ZA-260311-07"), (107, 35, "开证行"), (132, 35, "STANDARD BANK OF SOUTH AFRICA", 6),
    (17, 43, "开证申请人"), (52, 43, "CAPE INDUSTRIAL FASTENERS (PTY) LTD", 7),
    (17, 51, "受益人"), (52, 51, OURS, 8), (17, 59, "入账账号"), (52, 59, "4402 2301 0900 0123 45"),
    (17, 67, "议付金额"), (52, 67, "USD 36,000.00"),
    (17, 75, "扣除：议付费"), (52, 75, "USD 45.00"), (107, 75, "邮电费"), (132, 75, "USD 20.00"),
    (17, 83, "不符点费"), (52, 83, "USD 50.00"), (107, 83, "利息"), (132, 83, "USD 118.00"),
    (17, 91, "净额"), (52, 91, "USD 35,767.00"), (107, 91, "发票号"), (132, 91, "HR-EX-2605-006"),
    (15, 104, "中国银行股份有限公司苏州分行 国际结算专用章", 7),
], grid(15, 30, 195, 95, (39, 47, 55, 63, 71, 79, 87), (50,)) + [(105, 30, 105, 39), (105, 71, 105, 95), (130, 30, 130, 39),
                                                                     (130, 71, 130, 95)], "WQ")
BOC_LC_T = {"bank": "中国银行", "payer_name": "CAPE INDUSTRIAL FASTENERS (PTY) LTD", "payer_bank": "STANDARD BANK OF SOUTH AFRICA",
            "payee_name": OURS, "payee_account": "440223010900012345", "amount": "35767.00", "currency": "USD",
            "value_date": "2026-05-25", "transaction_id": "BOC-NEG-2605-01128"}

# R11 a cheque deposit slip (HSBC HK): Account credited, Cheque no., Drawer, Drawee bank, HKD
CHEQUE = ([
    (20, 15, "HSBC", 18, "DVB"), (120, 15, "The Hongkong and Shanghai Banking Corporation Limited", 6),
    (20, 30, "CHEQUE DEPOSIT SLIP - CUSTOMER COPY", 12, "DVB"),
    (20, 42, "Deposit date"), (75, 42, "26/05/2026"), (120, 42, "Slip no."), (145, 42, "CD-0526-004471"),
    (20, 50, "Account name"), (75, 50, OURS_EN.upper(), 8),
    (20, 56, "Account number"), (75, 56, "741-234567-838"),
    *_table([20, 55, 110, -190], 68, [["Cheque no.", "Drawer", "Drawee bank", "Amount (HKD)"],
                                      ["004127", "LION ROCK TRADING CO LTD", "HANG SENG BANK", "48,600.00"]]),
    (20, 84, "Total deposit"), (-190, 84, "HKD 48,600.00"),
    (20, 94, "Cheques are subject to clearing. Funds available on 27/05/2026.", 7),
], [(20, 37, 190, 37), (20, 63, 190, 63), (20, 79, 190, 79), (20, 88, 190, 88)], "DV")
CHEQUE_T = {"bank": "HSBC", "payer_name": "LION ROCK TRADING CO LTD", "payer_bank": "HANG SENG BANK", "payee_name": OURS_EN.upper(),
            "payee_account": "741234567838", "amount": "48600.00", "currency": "HKD", "value_date": "2026-05-26",
            "transaction_id": "CD-0526-004471"}

# R12 招商银行 委托扣款通知 (a direct debit): our account debited by the utility under a 协议号: money out
DIRECT_DEBIT = ([
    (60, 16, "招商银行 代扣业务回单", 14), (15, 26, "回单编号：CMB-DK-260527-03318", 8), (140, 26, "扣款日期：2026-05-27", 8),
    (17, 35, "扣款账户名称"), (52, 35, OURS, 7), (17, 43, "扣款账号"), (52, 43, "6225 8801 2345 6789"),
    (17, 51, "收款单位"), (52, 51, "国网江苏省电力有限公司苏州供电分公司", 8),
    (17, 59, "协议号"), (52, 59, "DK3205001288"), (107, 59, "借贷标志"), (137, 59, "借"),
    (17, 67, "扣款金额"), (52, 67, "¥12,846.35"), (107, 67, "大写"), (137, 67, "壹万贰仟捌佰肆拾陆元叁角伍分", 7),
    (17, 75, "摘要"), (52, 75, "电费 2026年04月"),
    (15, 88, "招商银行股份有限公司 业务专用章", 7),
], grid(15, 30, 195, 79, (39, 47, 55, 63, 71), (50,)) + [(105, 55, 105, 71), (135, 55, 135, 71)], "WQ")
DIRECT_DEBIT_T = {"bank": "招商银行", "payer_name": OURS, "payer_account": "6225880123456789",
                  "payee_name": "国网江苏省电力有限公司苏州供电分公司", "amount": "12846.35", "currency": "CNY",
                  "value_date": "2026-05-27", "transaction_id": "CMB-DK-260527-03318", "memo": "电费 2026年04月"}

# R13 宁波银行 退款 (we return an overpayment to a customer): 付款人 us, 用途 退货款
REFUND = ([
    (60, 16, "宁波银行 转账支付回单", 14), (15, 26, "交易流水号：NB2605280066192", 8), (140, 26, "交易日期：2026-05-28", 8),
    (20, 36, "付款人名称：" + OURS), (20, 43, "付款人账号：1200 0456 7890 123"), (20, 50, "付款人开户行：宁波银行苏州分行"),
    (20, 60, "收款人名称：嘉兴秀洲精锐机电有限公司"), (20, 67, "收款人账号：3304 0101 0000 8812 3"),
    (20, 74, "收款人开户行：浙江嘉兴农村商业银行秀洲支行"),
    (20, 84, "交易金额：¥4,120.00"), (110, 84, "大写：肆仟壹佰贰拾元整"),
    (20, 91, "用途：退货款 退回多付款 HR-INV-260502"),
], [(15, 31, 195, 31), (15, 55, 195, 55), (15, 79, 195, 79), (15, 96, 195, 96)], "WQ")
REFUND_T = {"bank": "宁波银行", "payer_name": OURS, "payer_account": "120004567890123",
            "payer_bank": "宁波银行苏州分行", "payee_name": "嘉兴秀洲精锐机电有限公司", "payee_account": "33040101000088123",
            "payee_bank": "浙江嘉兴农村商业银行秀洲支行", "amount": "4120.00", "currency": "CNY", "value_date": "2026-05-28",
            "transaction_id": "NB2605280066192", "memo": "退货款 退回多付款 HR-INV-260502"}

# R14 a bank's debit advice for charges only (Citibank HK): account maintenance and wire fees debited
CHARGES = ([
    (20, 15, "citi", 18, "DVB"), (120, 15, "Citibank (Hong Kong) Limited", 8),
    (20, 30, "DEBIT ADVICE - BANK CHARGES", 12, "DVB"),
    (20, 42, "Debit date"), (75, 42, "29 May 2026"), (120, 42, "Advice no."), (150, 42, "CITI-DA-290526-118"),
    (20, 50, "Account name"), (75, 50, OURS_EN.upper(), 8),
    (20, 56, "Account debited"), (75, 56, "0188 7766 5544 0"),
    *_table([20, -190], 68, [["Charge", "Amount (USD)"], ["Monthly account maintenance fee", "30.00"],
                             ["Outward telegraphic transfer fee x 3", "45.00"], ["Cable charges x 3", "15.00"]]),
    (20, 98, "Total amount debited"), (-190, 98, "USD 90.00"),
], [(20, 37, 190, 37), (20, 63, 190, 63), (20, 93, 190, 93)], "DV")
CHARGES_T = {"bank": "Citibank", "payer_name": OURS_EN.upper(), "payer_account": "0188776655440", "amount": "90.00",
             "currency": "USD", "value_date": "2026-05-29", "transaction_id": "CITI-DA-290526-118"}

# R15 振込金受取書 (a counter transfer receipt, みずほ銀行): 振込依頼人 the buyer, 受取人 our Japanese subsidiary
FURIKOMI = ([
    (70, 16, "振込金受取書", 15), (140, 16, "みずほ銀行 新宿支店", 8),
    (17, 30, "お振込日"), (52, 30, "2026年5月29日"), (107, 30, "受付番号"), (137, 30, "MZ-0529-01877"),
    (17, 38, "振込先金融機関"), (52, 38, "三井住友銀行 横浜支店", 8),
    (17, 46, "預金種目・口座番号"), (62, 46, "普通 2345678"),
    (17, 54, "受取人"), (52, 54, OURS_JP, 8),
    (17, 62, "振込依頼人"), (52, 62, "カ）サクラセイミツコウギョウ", 8),
    (17, 70, "振込金額"), (52, 70, "¥864,000"), (107, 70, "振込手数料"), (137, 70, "¥660"),
    (17, 78, "合計"), (52, 78, "¥864,660"),
    (17, 86, "EDI情報"), (52, 86, "HRJ-INV-2605-009"),
    (15, 98, "上記の金額を正に受領いたしました。 株式会社みずほ銀行", 7),
], grid(15, 25, 195, 90, (34, 42, 50, 58, 66, 74, 82), (50,)) + [(105, 25, 105, 34), (105, 66, 105, 74)], "WQ")
FURIKOMI_T = {"bank": "みずほ銀行", "payer_name": "カ）サクラセイミツコウギョウ", "payee_name": OURS_JP, "payee_account": "2345678",
              "amount": "864000", "currency": "JPY", "value_date": "2026-05-29", "transaction_id": "MZ-0529-01877",
              "memo": "HRJ-INV-2605-009"}

# R16 苏州银行 委托贷款还款回单: 本金 and 利息 on rows of their own, 合计 credited to us
LOAN = ([
    (55, 16, "苏州银行 委托贷款还款回单", 14), (15, 26, "回单编号：SZB-WT-20260530-0072", 8), (140, 26, "还款日期：2026-05-30", 8),
    (17, 35, "借款人"), (52, 35, "苏州吴中恒锐模具科技有限公司", 8), (17, 43, "还款账号"), (52, 43, "5101 0800 0123 4560 7"),
    (17, 51, "委托人"), (52, 51, OURS, 7), (17, 59, "入账账号"), (52, 59, "8310 0012 3456 9"),
    (17, 67, "本金"), (52, 67, "¥100,000.00"), (107, 67, "利息"), (137, 67, "¥1,250.00"),
    (17, 75, "合计金额"), (52, 75, "¥101,250.00"), (107, 75, "大写"), (137, 75, "壹拾万壹仟贰佰伍拾元整", 8),
    (17, 83, "合同号"), (52, 83, "WTDK-2025-0031"), (107, 83, "摘要"), (137, 83, "委托贷款还本付息"),
    (15, 96, "苏州银行股份有限公司 业务专用章", 7),
], grid(15, 30, 195, 87, (39, 47, 55, 63, 71, 79), (50,)) + [(105, 63, 105, 87), (135, 63, 135, 87)], "WQ")
LOAN_T = {"bank": "苏州银行", "payer_name": "苏州吴中恒锐模具科技有限公司", "payer_account": "51010800012345607",
          "payee_name": OURS, "payee_account": "8310001234569", "amount": "101250.00", "currency": "CNY",
          "value_date": "2026-05-30", "transaction_id": "SZB-WT-20260530-0072", "memo": "委托贷款还本付息"}

# R17 中国银行 结汇水单: 客户名称 (us) once, USD sold, CNY credited; the payer of the CNY is our own USD account
BOC_FX = ([
    (70, 16, "中国银行 结汇水单", 15), (15, 26, "业务编号：BOC-JH-260601-00443", 8), (140, 26, "交易日期：2026-06-01", 8),
    (17, 35, "客户名称"), (52, 35, OURS, 8), (107, 35, "客户号"), (137, 35, "0032187766"),
    (17, 43, "外币账号"), (52, 43, "4402 2301 0900 0123 45"), (107, 43, "结汇金额"), (137, 43, "USD 20,000.00"),
    (17, 51, "人民币账号"), (52, 51, "1102 0201 0900 0876 543"), (107, 51, "牌价"), (137, 51, "709.86"),
    (17, 59, "人民币金额"), (52, 59, "CNY 141,972.00"), (107, 59, "结汇用途"), (137, 59, "货物贸易"),
    (15, 72, "中国银行股份有限公司苏州分行 结售汇专用章", 7),
], grid(15, 30, 195, 63, (39, 47, 55), (50, 105, 135)), "WQ")
BOC_FX_T = {"bank": "中国银行", "payer_name": OURS, "payer_account": "440223010900012345", "payee_name": OURS,
            "payee_account": "1102020109000876543", "amount": "141972.00", "currency": "CNY", "value_date": "2026-06-01",
            "transaction_id": "BOC-JH-260601-00443"}

# R18 Revolut Business "Money received": the payer's Reference is the memo
REVOLUT = ([
    (20, 15, "Revolut Business", 16, "DVB"), (130, 15, "Revolut Ltd", 8),
    (20, 30, "Money received", 13, "DVB"),
    (20, 42, "Amount"), (70, 42, "€7,350.00"),
    (20, 48, "Date"), (70, 48, "2 Jun 2026"),
    (20, 54, "Transaction ID"), (70, 54, "6471a2c0-0d1e-4f8b-9a3c-2b7e5f901234"),
    (20, 64, "Sender"), (70, 64, "Atelier Mecanique du Rhone SARL"),
    (20, 70, "Sender IBAN"), (70, 70, "FR76 3000 4000 0312 3456 7890 143"),
    (20, 76, "Reference"), (70, 76, "FACT HR-EU-2605-012"),
    (20, 86, "Received into", 9, "DVB"), (70, 86, OURS_EN + " - EUR"),
    (20, 92, "IBAN"), (70, 92, "GB33 REVO 0099 7012 3456 78"),
], [(20, 37, 190, 37), (20, 59, 190, 59), (20, 81, 190, 81), (20, 97, 190, 97)], "DV")
REVOLUT_T = {"bank": "Revolut", "payer_name": "Atelier Mecanique du Rhone SARL", "payer_account": "FR7630004000031234567890143",
             "payee_account": "GB33REVO00997012345678", "amount": "7350.00", "currency": "EUR", "value_date": "2026-06-02",
             "transaction_id": "6471a2c0-0d1e-4f8b-9a3c-2b7e5f901234", "memo": "FACT HR-EU-2605-012"}

# R19 WorldFirst 收款通知 (bilingual): 付款人 Payer, 附言 Remittance information, our 收款账户
WORLDFIRST = ([
    (20, 15, "WorldFirst", 16, "DVB"), (120, 15, "万里汇 WorldFirst", 9, "WQ"),
    (20, 30, "收款通知 Payment Notification", 12, "WQ"),
    (20, 42, "到账时间 Date", 9, "WQ"), (80, 42, "2026-06-03"),
    (20, 48, "交易编号 Transaction No.", 9, "WQ"), (80, 48, "WF20260603HK887123"),
    (20, 54, "付款人 Payer", 9, "WQ"), (80, 54, "ALPINE TOOLING AG"),
    (20, 60, "付款银行 Payer Bank", 9, "WQ"), (80, 60, "UBS SWITZERLAND AG"),
    (20, 66, "到账金额 Amount", 9, "WQ"), (80, 66, "CHF 5,820.00"),
    (20, 72, "附言 Remittance information", 9, "WQ"), (80, 72, "HR-EU-2605-015"),
    (20, 78, "收款账户 Account", 9, "WQ"), (80, 78, OURS_EN),
], [(20, 37, 190, 37), (20, 83, 190, 83)], "DV")
WORLDFIRST_T = {"bank": "WorldFirst", "payer_name": "ALPINE TOOLING AG", "payer_bank": "UBS SWITZERLAND AG", "payee_name": OURS_EN,
                "amount": "5820.00", "currency": "CHF", "value_date": "2026-06-03", "transaction_id": "WF20260603HK887123",
                "memo": "HR-EU-2605-015"}

RECEIPTS = {"r01_mt103_fin_text": (MT103_FIN, MT103_FIN_T), "r02_scb_instructed_vs_credited": (SCB_IN, SCB_IN_T),
            "r03_icbc_overseas_remittance": (ICBC_IR, ICBC_IR_T), "r04_icbc_verification_code": (ICBC, ICBC_T),
            "r05_ccb_one_column_code": (CCB, CCB_T), "r06_psbc_payer_side_labels": (PSBC, PSBC_T),
            "r07_rcb_payee_first": (JNRCB, JNRCB_T), "r08_alipay_transfer": (ALIPAY, ALIPAY_T),
            "r09_paypal_gross_fee_net": (PAYPAL, PAYPAL_T), "r10_boc_lc_negotiation": (BOC_LC, BOC_LC_T),
            "r11_hsbc_cheque_deposit": (CHEQUE, CHEQUE_T), "r12_cmb_direct_debit": (DIRECT_DEBIT, DIRECT_DEBIT_T),
            "r13_nbcb_refund": (REFUND, REFUND_T), "r14_citi_charges_only": (CHARGES, CHARGES_T),
            "r15_furikomi_uketorisho": (FURIKOMI, FURIKOMI_T), "r16_szb_principal_interest": (LOAN, LOAN_T),
            "r17_boc_fx_settlement": (BOC_FX, BOC_FX_T), "r18_revolut_reference": (REVOLUT, REVOLUT_T),
            "r19_worldfirst_remittance_info": (WORLDFIRST, WORLDFIRST_T)}

#: money out of our accounts: we are the payer, never the payee (a direction read wrong would make a receipt of money in)
MONEY_OUT = {"r12_cmb_direct_debit", "r13_nbcb_refund", "r14_citi_charges_only"}

# A1 a Chinese buyer's 付款通知书 listing the invoices it pays (发票号 | 发票金额 | 本次付款), one 合计
ADV_CN = ([
    (65, 16, "付款通知书", 16), (20, 28, "致：" + OURS, 9),
    (20, 36, "付款单位：杭州萧山宏图汽车零部件有限公司", 9), (120, 36, "付款日期：2026-06-04", 9),
    (20, 42, "付款单号：FK-20260604-018", 9), (120, 42, "付款方式：电汇", 9),
    *[(x, 54, h, 9) for x, h in ((20, "序号"), (35, "发票号码"), (85, "开票日期"), (125, "发票金额"), (160, "本次付款"))],
    (20, 61, "1"), (35, 61, "26322000000012345678"), (85, 61, "2026-04-18"), (-150, 61, "23,400.00"), (-188, 61, "23,400.00"),
    (20, 68, "2"), (35, 68, "26322000000012349911"), (85, 68, "2026-04-29"), (-150, 68, "18,750.00"), (-188, 68, "18,750.00"),
    (20, 75, "3"), (35, 75, "26322000000012352207"), (85, 75, "2026-05-06"), (-150, 75, "9,860.00"), (-188, 75, "9,360.00"),
    (20, 84, "合计"), (-188, 84, "51,510.00"),
    (20, 94, "备注：第3张发票扣质量索赔 500.00 元。", 9),
], [(18, 50, 192, 50), (18, 57, 192, 57), (18, 79, 192, 79), (18, 88, 192, 88)], "WQ")
ADV_CN_T = {"payer_name": "杭州萧山宏图汽车零部件有限公司", "reference": "FK-20260604-018", "payment_date": "2026-06-04",
            "total": "51510.00", "currency": "CNY",
            "lines": [("26322000000012345678", "23400.00"), ("26322000000012349911", "18750.00"),
                      ("26322000000012352207", "9360.00")]}

ADVICE_PDFS = {"a1_cn_payment_notice": (ADV_CN, ADV_CN_T)}

# Round two, written after the fixes in wordings they were not made for
# S1 农业银行 结汇凭证: 客户名称 once, 卖出账号 (USD) and 入账账号 (CNY) both ours, 结汇金额 then 入账金额
ABC_FX = ([
    (70, 16, "中国农业银行 结汇凭证", 15), (15, 26, "交易流水号：ABC20260605FX0031", 8), (140, 26, "交易日期：2026/06/05", 8),
    (17, 35, "客户名称"), (52, 35, OURS, 8),
    (17, 43, "卖出账号"), (52, 43, "1035 1401 0400 0988 7"), (107, 43, "结汇金额"), (137, 43, "USD 8,500.00"),
    (17, 51, "入账账号"), (52, 51, "1035 1401 0400 1122 3"), (107, 51, "成交价"), (137, 51, "7.0951"),
    (17, 59, "入账金额"), (52, 59, "CNY 60,308.35"), (107, 59, "摘要"), (137, 59, "出口收汇结汇"),
    (15, 72, "中国农业银行股份有限公司 业务专用章", 7),
], grid(15, 30, 195, 63, (39, 47, 55), (50, 105, 135)), "WQ")
ABC_FX_T = {"bank": "中国农业银行", "payer_name": OURS, "payer_account": "10351401040009887", "payee_name": OURS,
            "payee_account": "10351401040011223", "amount": "60308.35", "currency": "CNY", "value_date": "2026-06-05",
            "transaction_id": "ABC20260605FX0031", "memo": "出口收汇结汇"}

# S2 Payoneer payment details: Gross amount, Fee, Net amount right-aligned, the payer's Payment reference
PAYONEER = ([
    (20, 15, "Payoneer", 16, "DVB"),
    (20, 30, "Payment details", 13, "DVB"),
    (20, 42, "Payment ID"), (70, 42, "PN-88120734"),
    (20, 48, "Date"), (70, 48, "6 June 2026"),
    (20, 54, "Payer"), (70, 54, "Nordwind Maschinenbau GmbH"),
    (20, 60, "Payment reference"), (70, 60, "RE HR-EU-2605-019"),
    (20, 72, "Gross amount"), (-160, 72, "EUR 3,900.00"),
    (20, 78, "Fee"), (-160, 78, "EUR 39.00"),
    (20, 84, "Net amount"), (-160, 84, "EUR 3,861.00"),
], [(20, 37, 190, 37), (20, 66, 190, 66), (20, 89, 190, 89)], "DV")
PAYONEER_T = {"bank": "Payoneer", "payer_name": "Nordwind Maschinenbau GmbH", "amount": "3861.00", "currency": "EUR",
              "value_date": "2026-06-06", "transaction_id": "PN-88120734", "memo": "RE HR-EU-2605-019"}

# S3 常熟农商银行 电子回单: 付款银行/收款银行, 付款人地址 between the name and the account
CSRCB = ([
    (50, 16, "江苏常熟农村商业银行 电子回单", 14), (15, 26, "回单编号：CS20260608000127", 8), (140, 26, "交易日期：2026-06-08", 8),
    (17, 35, "付款人名称"), (52, 35, "常熟虞山精工轴承有限公司", 8), (17, 43, "付款人地址"), (52, 43, "常熟市虞山街道黄河路18号", 8),
    (17, 51, "付款人账号"), (52, 51, "0102 0123 4567 8901 2"), (17, 59, "付款银行"), (52, 59, "江苏常熟农村商业银行虞山支行", 8),
    (17, 67, "收款人名称"), (52, 67, OURS, 7), (17, 75, "收款人账号"), (52, 75, "0706 0120 1234 5678 9"),
    (17, 83, "收款银行"), (52, 83, "江苏江南农村商业银行苏州分行", 8),
    (17, 91, "金额"), (52, 91, "¥22,150.00"), (107, 91, "大写"), (127, 91, "贰万贰仟壹佰伍拾元整", 8),
    (17, 99, "附言"), (52, 99, "轴承款 HR-INV-260601"),
    (15, 112, "江苏常熟农村商业银行股份有限公司 电子回单专用章", 7),
], grid(15, 30, 195, 103, (39, 47, 55, 63, 71, 79, 87, 95), (50,)) + [(105, 87, 105, 95), (125, 87, 125, 95)], "WQ")
CSRCB_T = {"bank": "江苏常熟农村商业银行", "payer_name": "常熟虞山精工轴承有限公司", "payer_account": "01020123456789012",
           "payer_bank": "江苏常熟农村商业银行虞山支行", "payee_name": OURS, "payee_account": "07060120123456789",
           "payee_bank": "江苏江南农村商业银行苏州分行", "amount": "22150.00", "currency": "CNY", "value_date": "2026-06-08",
           "transaction_id": "CS20260608000127", "memo": "轴承款 HR-INV-260601"}

# S4 Stripe payment: Amount, Stripe fee, Net, the customer's Reference
STRIPE = ([
    (20, 15, "stripe", 18, "DVB"), (130, 15, "Stripe Payments Company", 8),
    (20, 30, "Payment succeeded", 13, "DVB"),
    (20, 42, "Payment ID"), (75, 42, "py_3PqR7sLk2m9XyZ01"),
    (20, 48, "Date"), (75, 48, "Jun 9, 2026"),
    (20, 54, "Customer"), (75, 54, "Blue Ridge Fabrication LLC"),
    (20, 60, "Reference"), (75, 60, "HR-US-2606-002"),
    (20, 72, "Gross amount"), (-170, 72, "$5,600.00"),
    (20, 78, "Stripe fee"), (-170, 78, "-$162.70"),
    (20, 84, "Net amount"), (-170, 84, "$5,437.30 USD"),
], [(20, 37, 190, 37), (20, 66, 190, 66), (20, 89, 190, 89)], "DV")
STRIPE_T = {"bank": "Stripe", "amount": "5437.30", "currency": "USD", "value_date": "2026-06-09",
            "transaction_id": "py_3PqR7sLk2m9XyZ01", "memo": "HR-US-2606-002"}

# S5 DBS debit advice for charges: Total charges debited at the line's far end, our account only
DBS_CHG = ([
    (20, 15, "DBS", 18, "DVB"), (120, 15, "DBS Bank Ltd.", 8),
    (20, 30, "DEBIT ADVICE", 12, "DVB"),
    (20, 42, "Date"), (75, 42, "10/06/2026"), (120, 42, "Advice no."), (150, 42, "DBS-DA-100626-072"),
    (20, 50, "Account name"), (75, 50, OURS_EN.upper(), 8),
    (20, 56, "Account number"), (75, 56, "0188 7766 5544 0"),
    (20, 66, "Description"), (75, 66, "Telegraphic transfer commission and cable charges"),
    (20, 78, "Amount debited"), (-190, 78, "SGD 42.00"),
], [(20, 37, 190, 37), (20, 61, 190, 61), (20, 73, 190, 73), (20, 83, 190, 83)], "DV")
DBS_CHG_T = {"bank": "DBS Bank Ltd.", "payer_name": OURS_EN.upper(), "payer_account": "0188776655440", "amount": "42.00",
             "currency": "SGD", "value_date": "2026-06-10", "transaction_id": "DBS-DA-100626-072"}

ROUND2 = {"s01_abc_fx_settlement": (ABC_FX, ABC_FX_T), "s02_payoneer_gross_fee_net": (PAYONEER, PAYONEER_T),
          "s03_csrcb_payer_address": (CSRCB, CSRCB_T), "s04_stripe_payment_reference": (STRIPE, STRIPE_T),
          "s05_dbs_charges_debited": (DBS_CHG, DBS_CHG_T)}
MONEY_OUT |= {"s05_dbs_charges_debited"}
