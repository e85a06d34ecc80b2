"""The seventh held-out set of bank receipts, credit advices and payers' remittance advices (issue 14 §1-§3), written
by hand as banks, payment firms and buyers print them, of banks and shapes no earlier set had: 电子回单 of 渤海, 浙商 (the
回单专用章's words over the amount), 徽商 (we pay, 手续费 and 合计 printed beside the amount), 杭州银行 (each side's labels
on its outer edge: the payer's left of its values, the payee's right of them) and a 农信社 (本方/对方 in a grid, 收付标志);
a 厦门国际银行 境外汇款入账通知 (汇入汇款 with 中间行费用), a 南京银行 结汇水单 (USD sold, CNY credited), a 建设银行 信用证收汇通知
and a 银行承兑汇票 (a bill, no receipt); MUFG's 被仕向送金のご案内, Mizuho's English incoming remittance advice (our own
account block on top), Barclays' payment confirmation (sort code and account printed as one value), a Wells Fargo
outgoing wire confirmation, a Chase incoming wire advice (ABA and account as one value), ICICI's inward remittance
advice (purpose code, FIRC, INR credited after conversion), Emirates NBD's transfer confirmation, an ANZ payment
receipt (BSB and account as one value), a SWIFT gpi tracker print, a SEPA credit transfer confirmation (EndToEndId,
RF creditor reference), a Wise and an Airwallex "you received" PDF, a PayPal "You've got money" e-mail, and a payer's
remittance advice with credit notes netted and a deduction column.

Each document is (items, rules, font) for :func:`handmade.draw_pdf`, or an e-mail's bytes, with the fields it prints
(``None``: printed nowhere, so it must stay empty) and its kind. Our companies (the master): the Suzhou company, its
German, Indian, Japanese and US subsidiaries."""

from __future__ import annotations

from email.message import EmailMessage

from tests.extractors_documents.handmade import OURS, OURS_DE, OURS_EN, OURS_IN
from tests.extractors_documents.held_out_6 import _table, box, grid

OURS_JP = "恒鋭精密ジャパン株式会社"
OURS_US = "Hengrui Precision Americas Inc."
OUR_ACCOUNTS = ("2001 0128 0900 0345 67", "3310 0101 2012 0100 4567", "1021 5010 1234 5678", "3301 0401 6000 1234 56",
                "2010 0002 1234 5678 9", "8010 0012 3456 7890", "0190 1234 5678 901", "6226 0015 9988 7766",
                "1100 0123 4567 8901 234", "741-234567-838", "622-190088-001", "8310 0012 3456 7")
OUR_ACCOUNTS_DE = ("DE89 3704 0044 0532 0130 00",)
OUR_ACCOUNTS_IN = ("000405012345",)
OUR_ACCOUNTS_JP = ("7654321", "1122334")
OUR_ACCOUNTS_US = ("7654321098",)


# B1 渤海银行 电子回单: vertical role cells on the outer edges (付/款/人 far left, 收/款/人 far right), 全称/账号/开户行
CBHB = ([
    (65, 16, "渤海银行 电子回单", 15), (15, 26, "回单编号：CBHB2604070000815", 8), (140, 26, "交易日期：2026年04月07日", 8),
    (18, 41, "付"), (18, 47, "款"), (18, 53, "人"),
    (27, 37, "全称"), (42, 37, "天津西青区鼎盛紧固件有限公司", 8), (110, 37, "全称"), (125, 37, OURS, 7),
    (27, 45, "账号"), (42, 45, "2000 1234 5600 0198"), (110, 45, "账号"), (125, 45, "2001 0128 0900 0345 67"),
    (27, 53, "开户行"), (42, 53, "渤海银行天津西青支行", 8), (110, 53, "开户行"), (125, 53, "渤海银行苏州分行", 8),
    (188, 41, "收"), (188, 47, "款"), (188, 53, "人"),
    (17, 63, "金额"), (42, 63, "人民币（大写）叁万陆仟零伍拾元整", 8), (140, 63, "¥36,050.00"),
    (17, 71, "用途"), (42, 71, "货款 HR-INV-260402"), (110, 71, "交易流水"), (140, 71, "CB202604070192837"),
    (15, 86, "渤海银行股份有限公司 电子回单专用章", 7),
], box(15, 32, 195, 75) + [(15, 58, 195, 58), (15, 67, 195, 67), (25, 32, 25, 58), (40, 32, 40, 75), (105, 32, 105, 58),
                           (123, 32, 123, 58), (185, 32, 185, 58)], "WQ")
CBHB_T = {"bank": "渤海银行", "payer_name": "天津西青区鼎盛紧固件有限公司", "payer_account": "2000123456000198",
          "payer_bank": "渤海银行天津西青支行", "payee_name": OURS, "payee_account": "200101280900034567",
          "payee_bank": "渤海银行苏州分行", "amount": "36050.00", "currency": "CNY", "value_date": "2026-04-07",
          "transaction_id": "CB202604070192837", "memo": "货款 HR-INV-260402"}

# B2 浙商银行 电子回单: one column, the 电子回单专用章's words printed large over the amount's line
CZB = ([
    (65, 16, "浙商银行 电子回单", 15), (15, 26, "回单号：ZS260409A0031187", 8), (140, 26, "记账日期：2026-04-09", 8),
    (20, 36, "付款人名称：温州瓯海众诚电器配件有限公司"), (20, 43, "付款人账号：3330 0201 2012 0100 0917"),
    (20, 50, "付款人开户行：浙商银行温州分行"),
    (20, 60, "收款人名称：" + OURS), (20, 67, "收款人账号：3310 0101 2012 0100 4567"), (20, 74, "收款人开户行：浙商银行苏州分行"),
    (20, 84, "金额：CNY 41,280.00"), (100, 84, "大写：人民币肆万壹仟贰佰捌拾元整"),
    (20, 91, "附言：HR-SO-2603-061 尾款"),
    (20, 98, "交易流水号：ZS2026040900771203"),
    (70, 82, "浙商银行股份有限公司", 12), (80, 88, "电子回单专用章", 12),
], [(15, 31, 195, 31), (15, 55, 195, 55), (15, 79, 195, 79), (15, 103, 195, 103)], "WQ")
CZB_T = {"bank": "浙商银行", "payer_name": "温州瓯海众诚电器配件有限公司", "payer_account": "33300201201201000917",
         "payer_bank": "浙商银行温州分行", "payee_name": OURS, "payee_account": "33100101201201004567",
         "payee_bank": "浙商银行苏州分行", "amount": "41280.00", "currency": "CNY", "value_date": "2026-04-09",
         "transaction_id": "ZS2026040900771203", "memo": "HR-SO-2603-061 尾款"}

# B3 徽商银行 转账回单: we pay a supplier; 交易金额, 手续费 and 合计 each on a row of their own
HSB = ([
    (65, 16, "徽商银行 转账回单", 15), (15, 26, "凭证号：HS20260410009921", 8), (140, 26, "交易日期：2026-04-10", 8),
    (17, 35, "付款人户名"), (47, 35, OURS, 8), (17, 43, "付款人账号"), (47, 43, "1021 5010 1234 5678"),
    (17, 51, "付款人开户行"), (47, 51, "徽商银行苏州分行"),
    (17, 59, "收款人户名"), (47, 59, "合肥高新区瑞达模具钢材有限公司"), (17, 67, "收款人账号"), (47, 67, "1020 6010 2100 0234 56"),
    (17, 75, "收款人开户行"), (47, 75, "中国工商银行合肥高新区支行"),
    (17, 83, "交易金额"), (47, 83, "¥18,600.00"), (107, 83, "大写"), (127, 83, "人民币壹万捌仟陆佰元整"),
    (17, 91, "手续费"), (47, 91, "¥10.50"), (107, 91, "合计"), (127, 91, "¥18,610.50"),
    (17, 99, "用途"), (47, 99, "模具钢材款 PO-HR-2604-006"),
    (15, 112, "徽商银行股份有限公司 业务专用章", 7),
], grid(15, 30, 195, 103, (39, 47, 55, 63, 71, 79, 87, 95), (45,)), "WQ")
HSB_T = {"bank": "徽商银行", "payer_name": OURS, "payer_account": "1021501012345678", "payer_bank": "徽商银行苏州分行",
         "payee_name": "合肥高新区瑞达模具钢材有限公司", "payee_account": "102060102100023456",
         "payee_bank": "中国工商银行合肥高新区支行", "amount": "18600.00", "currency": "CNY", "value_date": "2026-04-10",
         "transaction_id": "HS20260410009921", "memo": "模具钢材款 PO-HR-2604-006"}

# B4 厦门国际银行 境外汇款入账通知: 汇入汇款 (SWIFT in), 汇款人/汇款行 BIC, 中间行 and its 中间行费用, 入账金额 net
XIB = ([
    (55, 16, "厦门国际银行 境外汇款入账通知", 14), (15, 26, "业务编号：XIB-IR-260413-0057", 8), (140, 26, "入账日期：2026-04-13", 8),
    (17, 35, "收款人名称"), (52, 35, OURS, 8), (17, 43, "收款人账号"), (52, 43, "8010 0012 3456 7890"),
    (17, 51, "汇款人名称"), (52, 51, "SIAM AUTO COMPONENTS CO., LTD.", 8),
    (17, 59, "汇款人账号"), (52, 59, "123-4-56789-0"),
    (17, 67, "汇款行"), (52, 67, "KASIKORNBANK PCL, BANGKOK (KASITHBK)", 8),
    (17, 75, "中间行"), (52, 75, "JPMORGAN CHASE BANK, N.A. NEW YORK (CHASUS33)", 8),
    (17, 83, "汇款金额"), (52, 83, "USD 25,000.00"), (107, 83, "中间行费用"), (142, 83, "USD 15.00"),
    (17, 91, "入账金额"), (52, 91, "USD 24,985.00"), (107, 91, "费用承担"), (142, 91, "SHA"),
    (17, 99, "汇款附言"), (52, 99, "PAYMENT FOR INV HR-EX-2603-038"),
    (15, 112, "厦门国际银行股份有限公司 国际业务专用章", 7),
], grid(15, 30, 195, 103, (39, 47, 55, 63, 71, 79, 87, 95), (50,)) + [(105, 79, 105, 95), (140, 79, 140, 95)], "WQ")
XIB_T = {"bank": "厦门国际银行", "payer_name": "SIAM AUTO COMPONENTS CO., LTD.", "payer_account": "1234567890",
         "payer_bank": "KASIKORNBANK PCL, BANGKOK (KASITHBK)", "payee_name": OURS, "payee_account": "8010001234567890",
         "amount": "24985.00", "currency": "USD", "value_date": "2026-04-13", "transaction_id": "XIB-IR-260413-0057",
         "memo": "PAYMENT FOR INV HR-EX-2603-038"}

# B5 南京银行 结汇水单: our USD account sold 10,000.00 at 710.32, our CNY account credited 71,032.00
NJCB = ([
    (70, 16, "南京银行 结汇水单", 15), (15, 26, "交易编号：NJ-FX-20260414-0213", 8), (140, 26, "交易日期：2026-04-14", 8),
    (17, 35, "客户名称"), (52, 35, OURS, 8),
    (17, 43, "付款账号（外币）"), (52, 43, "0190 1234 5678 901"), (107, 43, "卖出币种"), (142, 43, "美元 USD"),
    (17, 51, "卖出金额"), (52, 51, "USD 10,000.00"), (107, 51, "结汇汇率"), (142, 51, "710.32 / 100"),
    (17, 59, "入账账号（人民币）"), (52, 59, "6226 0015 9988 7766"), (107, 59, "入账币种"), (142, 59, "人民币 CNY"),
    (17, 67, "入账金额"), (52, 67, "CNY 71,032.00"), (107, 67, "交易性质"), (142, 67, "货物贸易"),
    (17, 75, "交易编码"), (52, 75, "121010"), (107, 75, "摘要"), (142, 75, "结汇 货款"),
    (15, 88, "南京银行股份有限公司 外汇业务专用章", 7),
], grid(15, 30, 195, 79, (39, 47, 55, 63, 71), (50, 105, 140)), "WQ")
NJCB_T = {"bank": "南京银行", "payer_name": OURS, "payer_account": "019012345678901",
          "payee_name": OURS, "payee_account": "6226001599887766", "amount": "71032.00", "currency": "CNY",
          "value_date": "2026-04-14", "transaction_id": "NJ-FX-20260414-0213"}

# B6 中国建设银行 出口信用证收汇通知书: 开证申请人 pays, 受益人 us, 来证金额, our charges, 实收金额 credited
CCB_LC = ([
    (50, 16, "中国建设银行 出口信用证收汇通知书", 14), (15, 26, "业务编号：CCB-LC-2604-00318", 8), (140, 26, "收汇日期：2026-04-16", 8),
    (17, 35, "信用证号"), (52, 35, "LC0326KB01877"), (107, 35, "开证行"), (132, 35, "KASIKORNBANK PCL BANGKOK", 7),
    (17, 43, "开证申请人"), (52, 43, "THAI PRECISION TOOLING CO., LTD.", 7),
    (17, 51, "受益人"), (52, 51, OURS, 8),
    (17, 59, "受益人账号"), (52, 59, "1100 0123 4567 8901 234"),
    (17, 67, "来证金额"), (52, 67, "USD 48,000.00"), (107, 67, "议付金额"), (132, 67, "USD 48,000.00"),
    (17, 75, "国外银行费用"), (52, 75, "USD 90.00"), (107, 75, "我行费用"), (132, 75, "USD 50.00"),
    (17, 83, "实收金额"), (52, 83, "USD 47,860.00"), (107, 83, "单据编号"), (132, 83, "HR-EX-2604-002"),
    (17, 91, "备注"), (52, 91, "信用证项下收汇，已入贵司外币账户"),
    (15, 104, "中国建设银行股份有限公司苏州分行 国际结算专用章", 7),
], grid(15, 30, 195, 95, (39, 47, 55, 63, 71, 79, 87), (50,)) + [(105, 30, 105, 39), (105, 63, 105, 87), (130, 30, 130, 39),
                                                                     (130, 63, 130, 87)], "WQ")
CCB_LC_T = {"bank": "中国建设银行", "payer_name": "THAI PRECISION TOOLING CO., LTD.", "payer_bank": "KASIKORNBANK PCL BANGKOK",
            "payee_name": OURS, "payee_account": "1100012345678901234", "amount": "47860.00",
            "currency": "USD", "value_date": "2026-04-16", "transaction_id": "CCB-LC-2604-00318"}

# B7 银行承兑汇票: a bill (出票人, 收款人 us, 付款行, 出票金额 大写/小写, 到期日): no receipt, no money received yet
BILL = ([
    (75, 16, "银行承兑汇票", 16), (140, 16, "2  31000051  20260418  0012", 7),
    (15, 26, "出票日期（大写）：贰零贰陆年肆月壹拾捌日", 8), (130, 26, "汇票号码：131000051001220260418000012", 7),
    (17, 35, "出票人全称"), (47, 35, "上海闵行锐思自动化设备有限公司", 8), (107, 35, "收款人全称"), (132, 35, OURS, 7),
    (17, 43, "出票人账号"), (47, 43, "3100 1234 5678 0501 234"), (107, 43, "收款人账号"), (132, 43, "2010 0002 1234 5678 9"),
    (17, 51, "付款行全称"), (47, 51, "上海银行闵行支行", 8), (107, 51, "开户银行"), (132, 51, "江苏苏州农村商业银行", 8),
    (17, 59, "出票金额"), (47, 59, "人民币（大写）贰拾万元整"), (150, 59, "¥200,000.00"),
    (17, 67, "汇票到期日"), (47, 67, "贰零贰陆年拾月壹拾捌日"), (107, 67, "承兑协议编号"), (132, 67, "CD-2026-0418-07"),
    (17, 75, "本汇票请你行承兑，到期无条件付款。", 8), (107, 75, "本汇票已经承兑，到期日由本行付款。", 8),
    (17, 83, "出票人签章", 8), (107, 83, "承兑行签章  承兑日期 2026年04月18日", 8),
], grid(15, 30, 195, 87, (39, 47, 55, 63, 71, 79), (45, 105, 130)), "WQ")
BILL_T: dict[str, str | None] = {}

# B8 a 农信社 电子回单 (江苏射阳农村信用合作联社 style): 本方/对方 in a four-column grid, 收付标志: 收
RCC = ([
    (45, 16, "射阳县农村信用合作联社 电子回单", 14), (15, 26, "打印日期：2026-04-20", 8), (140, 26, "流水号：SY2604200031557", 8),
    (17, 35, "本方户名"), (42, 35, OURS, 7), (107, 35, "对方户名"), (132, 35, "盐城射阳鸿运五金机电商行", 8),
    (17, 43, "本方账号"), (42, 43, "3209 2401 0120 0000 4458"), (107, 43, "对方账号"), (132, 43, "6230 6612 3400 5567 890"),
    (17, 51, "本方行名"), (42, 51, "射阳农信社营业部", 8), (107, 51, "对方行名"), (132, 51, "射阳农信社合德信用社", 8),
    (17, 59, "收付标志"), (42, 59, "收"), (107, 59, "交易金额"), (132, 59, "7,380.00"),
    (17, 67, "币种"), (42, 67, "人民币"), (107, 67, "金额大写"), (132, 67, "柒仟叁佰捌拾元整"),
    (17, 75, "记账日期"), (42, 75, "20260420"), (107, 75, "摘要"), (132, 75, "电汇 HR-INV-260412"),
    (15, 88, "射阳县农村信用合作联社 业务专用章", 7),
], grid(15, 30, 195, 79, (39, 47, 55, 63, 71), (40, 105, 130)), "WQ")
RCC_T = {"bank": "射阳县农村信用合作联社", "payer_name": "盐城射阳鸿运五金机电商行", "payer_account": "6230661234005567890",
         "payer_bank": "射阳农信社合德信用社", "payee_name": OURS, "payee_account": "32092401012000004458",
         "payee_bank": "射阳农信社营业部", "amount": "7380.00", "currency": "CNY", "value_date": "2026-04-20",
         "transaction_id": "SY2604200031557", "memo": "电汇 HR-INV-260412"}

# B9 杭州银行 电子回单: the payer's labels left of its values, the payee's labels right of its values (mirrored halves)
HZB = ([
    (65, 16, "杭州银行 电子回单", 15), (15, 26, "回单编号：HZB0421260044", 8), (140, 26, "交易日期：2026/04/21", 8),
    (17, 36, "付款人名称"), (40, 36, "杭州余杭新锐精工机械有限公司", 8), (-178, 36, OURS, 7), (180, 36, "收款人名称"),
    (17, 44, "付款人账号"), (40, 44, "3301 0401 6000 9876 54"), (-178, 44, "3301 0401 6000 1234 56"), (180, 44, "收款人账号"),
    (17, 52, "付款人开户行"), (40, 52, "杭州银行余杭支行", 8), (-178, 52, "杭州银行苏州分行", 8), (180, 52, "收款人开户行"),
    (17, 62, "金额"), (40, 62, "CNY 15,920.00 人民币壹万伍仟玖佰贰拾元整"),
    (17, 70, "用途"), (40, 70, "HR-INV-260415 加工费"),
    (17, 78, "流水号"), (40, 78, "HZ2026042100558812"),
    (15, 92, "杭州银行股份有限公司 电子回单专用章", 7),
], box(15, 31, 200, 82) + [(15, y, 200, y) for y in (40, 48, 57, 66, 74)] + [(38, 31, 38, 82), (108, 31, 108, 57),
                                                                               (179, 31, 179, 57)], "WQ")
HZB_T = {"bank": "杭州银行", "payer_name": "杭州余杭新锐精工机械有限公司", "payer_account": "330104016000987654",
         "payer_bank": "杭州银行余杭支行", "payee_name": OURS, "payee_account": "330104016000123456",
         "payee_bank": "杭州银行苏州分行", "amount": "15920.00", "currency": "CNY", "value_date": "2026-04-21",
         "transaction_id": "HZ2026042100558812", "memo": "HR-INV-260415 加工费"}

# F1 三菱UFJ銀行 被仕向送金のご案内 (inward foreign remittance to our Japanese subsidiary's USD account)
MUFG = ([
    (55, 16, "被仕向送金のご案内", 15), (150, 16, "三菱UFJ銀行", 10),
    (20, 28, OURS_JP + " 御中"), (20, 34, "下記のとおり海外からのご送金を受け付けましたのでご案内申し上げます。", 8),
    (20, 45, "お取扱日"), (60, 45, "2026年4月22日"),
    (20, 52, "ご入金口座"), (60, 52, "外貨普通預金 1122334"),
    (20, 59, "受取人"), (60, 59, OURS_JP),
    (20, 66, "送金人"), (60, 66, "PACIFIC COAST MACHINERY INC."),
    (20, 73, "送金銀行"), (60, 73, "BANK OF AMERICA N.A., SAN FRANCISCO"),
    (20, 80, "送金金額"), (60, 80, "USD 18,500.00"),
    (20, 87, "ご入金額"), (60, 87, "USD 18,500.00"),
    (20, 94, "被仕向送金手数料"), (60, 94, "¥2,500（別途ご請求）"),
    (20, 101, "送金目的"), (60, 101, "PAYMENT INV HRJ-2604-011"),
    (20, 108, "お取引番号"), (60, 108, "IR-0422-558170"),
    (20, 121, "株式会社三菱UFJ銀行 外国為替センター", 8),
], grid(18, 40, 192, 112, (48.5, 55.5, 62.5, 69.5, 76.5, 83.5, 90.5, 97.5, 104.5), (55,)), "WQ")
MUFG_T = {"bank": "三菱UFJ銀行", "payer_name": "PACIFIC COAST MACHINERY INC.", "payer_bank": "BANK OF AMERICA N.A., SAN FRANCISCO",
          "payee_name": OURS_JP, "payee_account": "1122334", "amount": "18500.00", "currency": "USD",
          "value_date": "2026-04-22", "transaction_id": "IR-0422-558170", "memo": "PAYMENT INV HRJ-2604-011"}

# F2 Mizuho incoming remittance advice (English) to our Japanese subsidiary: our own account block on top, the
# remitter without an account
MIZUHO = ([
    (20, 15, "MIZUHO", 18, "DVB"), (120, 15, "Mizuho Bank, Ltd. Tokyo Main Office", 8),
    (20, 30, "ADVICE OF INCOMING REMITTANCE", 12, "DVB"),
    (20, 40, "Your account details", 9, "DVB"),
    (20, 46, "Account name"), (70, 46, "HENGRUI SEIMITSU JAPAN K.K."),
    (20, 52, "Account number"), (70, 52, "7654321"),
    (20, 58, "Branch"), (70, 58, "Tokyo Main Office (001)"),
    (20, 70, "Remitter"), (70, 70, "DONGGUAN HUAXIN METAL PRODUCTS CO., LTD."),
    (20, 76, "Remitting bank"), (70, 76, "BANK OF CHINA DONGGUAN BRANCH"),
    (20, 82, "Remittance amount"), (70, 82, "JPY 3,240,000"),
    (20, 88, "Date of credit"), (70, 88, "23 APR 2026"),
    (20, 94, "Our reference"), (70, 94, "MHIR2604230088"),
    (20, 100, "Message"), (70, 100, "INV HRJ-2604-014"),
], [(20, 36, 190, 36), (20, 64, 190, 64), (20, 105, 190, 105)], "DV")
MIZUHO_T = {"bank": "Mizuho Bank, Ltd.", "payer_name": "DONGGUAN HUAXIN METAL PRODUCTS CO., LTD.", "payer_account": None,
            "payer_bank": "BANK OF CHINA DONGGUAN BRANCH", "payee_name": "HENGRUI SEIMITSU JAPAN K.K.",
            "payee_account": "7654321", "amount": "3240000", "currency": "JPY", "value_date": "2026-04-23",
            "transaction_id": "MHIR2604230088", "memo": "INV HRJ-2604-014"}

# F3 Barclays international payment confirmation (to the UK buyer): the debited sort code and account as one value
BARCLAYS = ([
    (20, 15, "BARCLAYS", 18, "DVB"), (130, 15, "Barclays Bank UK PLC", 8),
    (20, 30, "International Payment Confirmation", 12, "DVB"),
    (20, 40, "Payment date: 24/04/2026"), (120, 40, "Payment reference: BARC-IP-7719204"),
    (20, 52, "From"), (70, 52, "KESTREL ENGINEERING SUPPLIES LTD"),
    (20, 58, "Sort code / Account"), (70, 58, "20-32-53 43218765"),
    (20, 64, "To"), (70, 64, OURS_EN),
    (20, 70, "Beneficiary account"), (70, 70, "741-234567-838"),
    (20, 76, "Beneficiary bank"), (70, 76, "HSBC HONG KONG (HSBCHKHHHKH)"),
    (20, 82, "Amount"), (70, 82, "GBP 6,420.00"),
    (20, 88, "Charges"), (70, 88, "SHA"),
    (20, 94, "Reference for beneficiary"), (70, 94, "HR-EX-2604-007"),
    (20, 108, "This confirms your payment instruction has been processed.", 7),
], [(20, 47, 190, 47), (20, 99, 190, 99)], "DV")
BARCLAYS_T = {"bank": "Barclays Bank UK PLC", "payer_name": "KESTREL ENGINEERING SUPPLIES LTD",
              "payer_account": "43218765", "payee_name": OURS_EN, "payee_account": "741234567838",
              "payee_bank": "HSBC HONG KONG (HSBCHKHHHKH)", "amount": "6420.00", "currency": "GBP",
              "value_date": "2026-04-24", "transaction_id": "BARC-IP-7719204", "memo": "HR-EX-2604-007"}

# F4 Wells Fargo outgoing wire confirmation (to the US buyer): Originator, Beneficiary, IMAD / Fed reference
WELLS = ([
    (20, 15, "WELLS FARGO", 16, "DVB"), (130, 15, "Wells Fargo Bank, N.A.", 8),
    (20, 30, "Wire Transfer Confirmation - Outgoing International", 11, "DVB"),
    (20, 42, "Transaction date"), (75, 42, "04/27/2026"),
    (20, 48, "Wire reference number"), (75, 48, "WF20260427-004518"),
    (20, 54, "IMAD"), (75, 54, "20260427MMQFMP9K000418"),
    (20, 64, "Originator"), (75, 64, "GREAT LAKES HYDRAULICS LLC"),
    (20, 70, "Originator account"), (75, 70, "4821 0097 3315"),
    (20, 76, "Beneficiary"), (75, 76, OURS_EN.upper()),
    (20, 82, "Beneficiary account"), (75, 82, "622-190088-001"),
    (20, 88, "Beneficiary bank"), (75, 88, "BANK OF CHINA SUZHOU BRANCH (BKCHCNBJ95B)", 8),
    (20, 94, "Wire amount"), (75, 94, "$27,300.00 USD"),
    (20, 100, "Originator to beneficiary info"), (75, 100, "INV HR-EX-2604-010 / PO GLH-5521"),
], [(20, 37, 190, 37), (20, 59, 190, 59), (20, 105, 190, 105)], "DV")
WELLS_T = {"bank": "Wells Fargo Bank, N.A.", "payer_name": "GREAT LAKES HYDRAULICS LLC", "payer_account": "482100973315",
           "payee_name": OURS_EN.upper(), "payee_account": "622190088001", "payee_bank": "BANK OF CHINA SUZHOU BRANCH (BKCHCNBJ95B)",
           "amount": "27300.00", "currency": "USD", "value_date": "2026-04-27", "transaction_id": "WF20260427-004518",
           "memo": "INV HR-EX-2604-010 / PO GLH-5521"}

# F5 Chase incoming wire advice to our US subsidiary: the originator's ABA and account printed as one value
CHASE = ([
    (20, 15, "CHASE", 18, "DVB"), (130, 15, "JPMorgan Chase Bank, N.A.", 8),
    (20, 30, "INCOMING WIRE TRANSFER ADVICE", 12, "DVB"),
    (20, 40, "Credit date: 04/28/2026"), (120, 40, "Transaction ID: CHW0428260931"),
    (20, 52, "Credit account"), (75, 52, "7654321098"),
    (20, 58, "Account name"), (75, 58, OURS_US.upper()),
    (20, 64, "Originator"), (75, 64, "SUNBELT FLUID POWER INC"),
    (20, 70, "Originator ABA/Account"), (75, 70, "026009593 / 3300 1234 5678"),
    (20, 76, "Originator bank"), (75, 76, "BANK OF AMERICA, N.A."),
    (20, 82, "Amount"), (75, 82, "USD 11,845.60"),
    (20, 88, "OBI"), (75, 88, "HRA-INV-2604-022"),
], [(20, 46, 190, 46), (20, 93, 190, 93)], "DV")
CHASE_T = {"bank": "JPMorgan Chase Bank, N.A.", "payer_name": "SUNBELT FLUID POWER INC", "payer_account": "330012345678",
           "payer_bank": "BANK OF AMERICA, N.A.", "payee_name": OURS_US.upper(), "payee_account": "7654321098",
           "amount": "11845.60", "currency": "USD", "value_date": "2026-04-28", "transaction_id": "CHW0428260931",
           "memo": "HRA-INV-2604-022"}

# F6 ICICI Bank inward remittance advice to our Indian subsidiary: purpose code, FIRC, USD converted, INR credited
ICICI = ([
    (20, 15, "ICICI Bank", 16, "DVB"), (130, 15, "ICICI Bank Limited, Pune Branch", 8),
    (20, 30, "INWARD REMITTANCE ADVICE", 12, "DVB"),
    (20, 40, "Date: 29-04-2026"), (120, 40, "Transaction Ref No: IRM0429260077145"),
    (20, 52, "Beneficiary Name"), (75, 52, OURS_IN.upper(), 8),
    (20, 58, "Beneficiary A/c No."), (75, 58, "000405012345"),
    (20, 64, "Remitter Name"), (75, 64, "DELTA MOTION SYSTEMS GMBH"),
    (20, 70, "Remitter Bank"), (75, 70, "COMMERZBANK AG, FRANKFURT"),
    (20, 76, "Foreign Currency Amount"), (75, 76, "USD 12,000.00"),
    (20, 82, "Exchange Rate"), (75, 82, "83.2500"),
    (20, 88, "INR Amount Credited"), (75, 88, "INR 9,99,000.00"),
    (20, 94, "Purpose Code"), (75, 94, "P0102 - Export of goods"),
    (20, 100, "Remittance Information"), (75, 100, "INV HRI-2604-031"),
    (20, 106, "FIRC No."), (75, 106, "FIRC/PUN/2604/00912"),
], [(20, 46, 190, 46), (20, 111, 190, 111)], "DV")
ICICI_T = {"bank": "ICICI Bank", "payer_name": "DELTA MOTION SYSTEMS GMBH", "payer_bank": "COMMERZBANK AG, FRANKFURT",
           "payee_name": OURS_IN.upper(), "payee_account": "000405012345", "amount": "999000.00", "currency": "INR",
           "value_date": "2026-04-29", "transaction_id": "IRM0429260077145", "memo": "INV HRI-2604-031"}

# F7 Emirates NBD transfer confirmation (to the UAE buyer): Debit account IBAN, Beneficiary, Amount, Purpose
ENBD = ([
    (20, 15, "Emirates NBD", 16, "DVB"), (130, 15, "Emirates NBD Bank PJSC", 8),
    (20, 30, "Transfer Confirmation", 12, "DVB"),
    (20, 42, "Transaction Date"), (75, 42, "30 Apr 2026"),
    (20, 48, "Reference Number"), (75, 48, "ENBD-TT-300426-5521"),
    (20, 58, "Debit Account Name"), (75, 58, "AL NOOR BUILDING MATERIALS TRADING LLC", 8),
    (20, 64, "Debit Account IBAN"), (75, 64, "AE42 0260 0010 1533 3439 101"),
    (20, 70, "Beneficiary Name"), (75, 70, OURS_EN.upper(), 8),
    (20, 76, "Beneficiary Account"), (75, 76, "8310 0012 3456 7"),
    (20, 82, "Beneficiary Bank"), (75, 82, "CHINA MERCHANTS BANK SUZHOU BRANCH", 8),
    (20, 88, "Transfer Amount"), (75, 88, "USD 15,200.00"),
    (20, 94, "Purpose of Payment"), (75, 94, "GDS - Goods bought or sold"),
    (20, 100, "Payment Details"), (75, 100, "INV HR-EX-2604-015"),
], [(20, 37, 190, 37), (20, 53, 190, 53), (20, 105, 190, 105)], "DV")
ENBD_T = {"bank": "Emirates NBD", "payer_name": "AL NOOR BUILDING MATERIALS TRADING LLC", "payer_account": "AE420260001015333439101",
          "payee_name": OURS_EN.upper(), "payee_account": "8310001234567", "payee_bank": "CHINA MERCHANTS BANK SUZHOU BRANCH",
          "amount": "15200.00", "currency": "USD", "value_date": "2026-04-30", "transaction_id": "ENBD-TT-300426-5521",
          "memo": "INV HR-EX-2604-015"}

# F8 ANZ payment receipt (to the Australian buyer): the BSB and account as one value, AUD
ANZ = ([
    (20, 15, "ANZ", 18, "DVB"), (130, 15, "Australia and New Zealand Banking Group Limited", 7),
    (20, 30, "Payment Receipt - International Transfer", 12, "DVB"),
    (20, 42, "Date"), (75, 42, "01/05/2026"),
    (20, 48, "Receipt number"), (75, 48, "ANZ-IT-010526-88213"),
    (20, 58, "Paid from"), (75, 58, "MURRAY VALLEY IRRIGATION PTY LTD"),
    (20, 64, "From account"), (75, 64, "BSB 013-006  Acc 4567 12345"),
    (20, 70, "Paid to"), (75, 70, OURS_EN),
    (20, 76, "To account"), (75, 76, "741-234567-838"),
    (20, 82, "Recipient's bank"), (75, 82, "HSBC HONG KONG"),
    (20, 88, "Amount"), (75, 88, "AUD 8,640.00"),
    (20, 94, "Description"), (75, 94, "HR-EX-2604-019"),
], [(20, 37, 190, 37), (20, 53, 190, 53), (20, 99, 190, 99)], "DV")
ANZ_T = {"bank": "Australia and New Zealand Banking Group Limited", "payer_name": "MURRAY VALLEY IRRIGATION PTY LTD", "payer_account": "456712345",
         "payee_name": OURS_EN, "payee_account": "741234567838", "payee_bank": "HSBC HONG KONG", "amount": "8640.00",
         "currency": "AUD", "value_date": "2026-05-01", "transaction_id": "ANZ-IT-010526-88213", "memo": "HR-EX-2604-019"}

# F9 a SWIFT gpi tracker print: UETR, status ACCC, each bank's charge, the amount credited at the end of the chain
GPI = ([
    (20, 15, "SWIFT gpi Payment Tracker", 14, "DVB"), (130, 15, "printed from HSBC HK", 7),
    (20, 26, "UETR: 3f2a8c41-7b5e-4d19-a0c3-9e6b2d71f058", 8),
    (20, 34, "Status"), (70, 34, "Completed - credited to beneficiary (ACCC)"),
    (20, 40, "Completion date"), (70, 40, "2026-05-04 09:17 UTC"),
    (20, 46, "Ordering customer"), (70, 46, "ISTANBUL MAKINA SANAYI A.S."),
    (20, 52, "Beneficiary customer"), (70, 52, OURS_EN.upper(), 8),
    (20, 58, "Beneficiary account"), (70, 58, "741-234567-838"),
    (20, 64, "Instructed amount"), (70, 64, "USD 20,000.00"),
    (20, 70, "Remittance information"), (70, 70, "/INV/HR-EX-2604-024"),
    *[(x, 82, h, 8, "DVB") for x, h in ((20, "Step"), (35, "Bank (BIC)"), (105, "Received"), (135, "Charges"), (160, "Forwarded"))],
    (20, 88, "1", 8), (35, 88, "TEBUTRIS - TURK EKONOMI BANKASI", 8), (105, 88, "20,000.00", 8), (135, 88, "0.00", 8), (160, 88, "20,000.00", 8),
    (20, 94, "2", 8), (35, 94, "CITIUS33 - CITIBANK N.A. NEW YORK", 8), (105, 94, "20,000.00", 8), (135, 94, "25.00", 8), (160, 94, "19,975.00", 8),
    (20, 100, "3", 8), (35, 100, "HSBCHKHH - HSBC HONG KONG", 8), (105, 100, "19,975.00", 8), (135, 100, "10.00", 8), (160, 100, "19,965.00", 8),
    (20, 112, "Credited amount"), (70, 112, "USD 19,965.00"),
], [(20, 30, 190, 30), (20, 78, 190, 78), (20, 84, 190, 84), (20, 105, 190, 105)], "DV")
GPI_T = {"payer_name": "ISTANBUL MAKINA SANAYI A.S.", "payee_name": OURS_EN.upper(), "payee_account": "741234567838",
         "amount": "19965.00", "currency": "USD", "value_date": "2026-05-04",
         "transaction_id": "3f2a8c41-7b5e-4d19-a0c3-9e6b2d71f058", "memo": "HR-EX-2604-024"}

# F10 a SEPA credit transfer confirmation of a Dutch buyer's bank: Debtor / Creditor, EndToEndId, RF creditor reference
SEPA = ([
    (20, 15, "ING", 18, "DVB"), (130, 15, "ING Bank N.V., Amsterdam", 8),
    (20, 30, "SEPA Credit Transfer - Confirmation", 12, "DVB"),
    (20, 42, "Execution date"), (75, 42, "05-05-2026"),
    (20, 48, "Bank reference"), (75, 48, "INGNL20260505SCT00410"),
    (20, 54, "EndToEndId"), (75, 54, "VDM-PAY-2026-0187"),
    (20, 64, "Debtor"), (75, 64, "Van der Meulen Aandrijftechniek B.V."),
    (20, 70, "Debtor IBAN"), (75, 70, "NL20 INGB 0001 2345 67"),
    (20, 76, "Creditor"), (75, 76, OURS_DE),
    (20, 82, "Creditor IBAN"), (75, 82, "DE89 3704 0044 0532 0130 00"),
    (20, 88, "Creditor agent (BIC)"), (75, 88, "COBADEFFXXX"),
    (20, 94, "Amount"), (75, 94, "EUR 5.318,40"),
    (20, 100, "Creditor reference"), (75, 100, "RF18 5390 0754 7034"),
], [(20, 37, 190, 37), (20, 59, 190, 59), (20, 105, 190, 105)], "DV")
SEPA_T = {"bank": "ING Bank N.V.", "payer_name": "Van der Meulen Aandrijftechniek B.V.", "payer_account": "NL20INGB0001234567",
          "payee_name": OURS_DE, "payee_account": "DE89370400440532013000", "amount": "5318.40", "currency": "EUR",
          "value_date": "2026-05-05", "transaction_id": "INGNL20260505SCT00410", "memo": "RF18 5390 0754 7034"}

# F11 a Wise "you received" PDF: our own account details block (account number and routing) under the amount
WISE = ([
    (20, 15, "Wise", 18, "DVB"), (130, 15, "Wise Payments Limited", 8),
    (20, 30, "You received 4,980.00 USD", 14, "DVB"),
    (20, 40, "Transfer #1843027719"), (120, 40, "6 May 2026"),
    (20, 52, "From"), (70, 52, "Copperline Robotics Inc."),
    (20, 58, "Sender's bank"), (70, 58, "Silicon Valley Bank"),
    (20, 64, "Reference"), (70, 64, "HR-EX-2604-028"),
    (20, 76, "Received into your USD account", 9, "DVB"),
    (20, 82, "Account holder"), (70, 82, OURS_EN),
    (20, 88, "Account number"), (70, 88, "8310 0012 3456 7"),
    (20, 94, "ACH routing number"), (70, 94, "026073150"),
    (20, 100, "Bank"), (70, 100, "Community Federal Savings Bank"),
], [(20, 46, 190, 46), (20, 70, 190, 70), (20, 105, 190, 105)], "DV")
WISE_T = {"bank": "Wise", "payer_name": "Copperline Robotics Inc.", "payer_account": None, "payer_bank": "Silicon Valley Bank",
          "payee_name": OURS_EN, "payee_account": "8310001234567", "amount": "4980.00", "currency": "USD",
          "value_date": "2026-05-06", "transaction_id": "1843027719", "memo": "HR-EX-2604-028"}

# F12 an Airwallex deposit notification PDF: "Payment received", payer details, HKD to our global account
AIRWALLEX = ([
    (20, 15, "Airwallex", 16, "DVB"), (130, 15, "Airwallex (Hong Kong) Limited", 8),
    (20, 30, "Payment received", 13, "DVB"),
    (20, 42, "Amount"), (70, 42, "HKD 62,400.00"),
    (20, 48, "Received on"), (70, 48, "7 May 2026"),
    (20, 54, "Deposit ID"), (70, 54, "dep_7f3KqW2mZ9xT18"),
    (20, 64, "Payer name"), (70, 64, "KOWLOON BAY HARDWARE TRADING LTD"),
    (20, 70, "Payer account"), (70, 70, "012-875-0-123456"),
    (20, 76, "Payer bank"), (70, 76, "BANK OF CHINA (HONG KONG) LIMITED"),
    (20, 82, "Global account"), (70, 82, OURS_EN + " - HKD"),
    (20, 88, "Payment reference"), (70, 88, "HR-EX-2605-001"),
], [(20, 37, 190, 37), (20, 59, 190, 59), (20, 93, 190, 93)], "DV")
AIRWALLEX_T = {"bank": "Airwallex", "payer_name": "KOWLOON BAY HARDWARE TRADING LTD", "payer_account": "0128750123456",
               "payer_bank": "BANK OF CHINA (HONG KONG) LIMITED", "amount": "62400.00", "currency": "HKD",
               "value_date": "2026-05-07", "transaction_id": "dep_7f3KqW2mZ9xT18", "memo": "HR-EX-2605-001"}

RECEIPTS = {"b01_cbhb_outer_role_cells": (CBHB, CBHB_T), "b02_czb_seal_over_amount": (CZB, CZB_T),
            "b03_hsb_debit_with_fee": (HSB, HSB_T), "b04_xib_inward_remittance": (XIB, XIB_T),
            "b05_njcb_fx_settlement": (NJCB, NJCB_T), "b06_ccb_lc_proceeds": (CCB_LC, CCB_LC_T),
            "b08_rcc_ours_theirs_grid": (RCC, RCC_T), "b09_hzb_mirrored_labels": (HZB, HZB_T),
            "f01_mufg_hishimuke": (MUFG, MUFG_T), "f02_mizuho_own_account_block": (MIZUHO, MIZUHO_T),
            "f03_barclays_sort_code_account": (BARCLAYS, BARCLAYS_T), "f04_wells_outgoing_wire": (WELLS, WELLS_T),
            "f05_chase_aba_account": (CHASE, CHASE_T), "f06_icici_inward_firc": (ICICI, ICICI_T),
            "f07_enbd_transfer": (ENBD, ENBD_T), "f08_anz_bsb_account": (ANZ, ANZ_T), "f09_swift_gpi_tracker": (GPI, GPI_T),
            "f10_sepa_confirmation": (SEPA, SEPA_T), "f11_wise_received": (WISE, WISE_T),
            "f12_airwallex_received": (AIRWALLEX, AIRWALLEX_T)}

#: documents that are not receipts: (document, the kind they must not be read as)
NOT_RECEIPTS = {"b07_bank_acceptance_bill": (BILL, BILL_T)}


def paypal_eml() -> bytes:
    """PayPal's "You've got money" e-mail (HTML with a text part): the amount, the sender, the transaction id."""
    msg = EmailMessage()
    msg["From"] = "service@paypal.com"
    msg["To"] = "sales@hengrui.example"
    msg["Subject"] = "You've got money"
    msg["Date"] = "Fri, 08 May 2026 03:12:44 -0700"
    msg.set_content("Rocky Mountain Tool Supply LLC sent you $1,250.00 USD\n\nTransaction ID: 5TY12345AB678901C\n"
                    "Transaction date: May 8, 2026\nNote from Rocky Mountain Tool Supply LLC: Invoice HR-EX-2605-003\n")
    msg.add_alternative(
        "<html><body><h2>You've got money</h2><p>Hello, " + OURS_EN + "</p>"
        "<p><b>Rocky Mountain Tool Supply LLC</b> sent you <b>$1,250.00 USD</b></p>"
        "<table><tr><td>Transaction ID</td><td>5TY12345AB678901C</td></tr>"
        "<tr><td>Transaction date</td><td>May 8, 2026</td></tr>"
        "<tr><td>Amount received</td><td>$1,250.00 USD</td></tr>"
        "<tr><td>Note</td><td>Invoice HR-EX-2605-003</td></tr></table>"
        "<p>The money is in your PayPal balance.</p></body></html>", subtype="html")
    return bytes(msg)


PAYPAL_T = {"bank": "PayPal", "payer_name": "Rocky Mountain Tool Supply LLC", "payee_name": OURS_EN, "amount": "1250.00",
            "currency": "USD", "value_date": "2026-05-08", "transaction_id": "5TY12345AB678901C",
            "memo": "Invoice HR-EX-2605-003"}
RECEIPT_EMLS = {"f13_paypal_got_money": (paypal_eml, PAYPAL_T)}


# ---- a payer's remittance advice -------------------------------------------------------------------------------
# A1 a buyer's remittance advice netting two credit notes, with a deduction column (bank charges, a claim)
ADV_CN = ([
    (20, 15, "OAKRIDGE INDUSTRIAL DISTRIBUTION LLC", 13, "DVB"), (20, 21, "4100 Commerce Pkwy, Columbus OH 43219, USA", 7),
    (20, 34, "REMITTANCE ADVICE", 12, "DVB"),
    (20, 44, "Vendor:"), (40, 44, OURS_EN),
    (130, 44, "Check/EFT no.:"), (162, 44, "EFT-0051288"), (130, 49, "Payment date:"), (162, 49, "05/11/2026"),
    (130, 54, "Currency:"), (162, 54, "USD"),
    *_table([20, 55, 85, -140, -163, -188], 66, [
        ["Document", "Date", "Type", "Amount", "Deduction", "Net paid"],
        ["HR-EX-2604-030", "04/02/2026", "Invoice", "8,400.00", "", "8,400.00"],
        ["HR-EX-2604-033", "04/09/2026", "Invoice", "5,250.00", "125.00", "5,125.00"],
        ["HR-CN-2604-004", "04/15/2026", "Credit memo", "-620.00", "", "-620.00"],
        ["HR-EX-2604-037", "04/18/2026", "Invoice", "3,980.00", "", "3,980.00"],
        ["HR-CN-2604-006", "04/24/2026", "Credit memo", "-310.00", "", "-310.00"],
        ["HR-EX-2604-041", "04/27/2026", "Invoice", "2,760.00", "30.00", "2,730.00"]], step=6.2, size=8),
    (20, 111, "Deductions: HR-EX-2604-033 short shipment claim SC-2291; HR-EX-2604-041 incoming wire fee.", 7),
    (85, 119, "Total paid", 9, "DVB"), (-188, 119, "19,305.00", 9, "DVB"),
], [(20, 62, 190, 62), (20, 69, 190, 69), (20, 106, 190, 106)], "DV")
ADV_CN_T = {"payer_name": "OAKRIDGE INDUSTRIAL DISTRIBUTION LLC", "reference": "EFT-0051288", "payment_date": "2026-05-11",
            "total": "19305.00", "currency": "USD",
            "lines": [("HR-EX-2604-030", "8400.00"), ("HR-EX-2604-033", "5125.00"), ("HR-CN-2604-004", "-620.00"),
                      ("HR-EX-2604-037", "3980.00"), ("HR-CN-2604-006", "-310.00"), ("HR-EX-2604-041", "2730.00")]}
ADVICE_PDFS = {"a1_credit_notes_netted": (ADV_CN, ADV_CN_T)}


# ---- a second round, written after the fixes, in wordings and shapes they were not made for -----------------
# U1 临沂河东农村信用合作联社 客户回单: one column, 付款人 then 收款人, 交易金额 with 元
RCC2 = ([
    (50, 16, "临沂市河东区农村信用合作联社 客户回单", 13), (15, 26, "交易流水号：LYHD260512004471", 8), (140, 26, "交易日期：2026-05-12", 8),
    (20, 36, "付款人户名：临沂河东区兴业五金建材有限公司"), (20, 43, "付款人账号：9080 1200 0045 6612 3"),
    (20, 50, "付款人开户行：河东农信社九曲信用社"),
    (20, 60, "收款人户名：" + OURS), (20, 67, "收款人账号：2010 0002 1234 5678 9"), (20, 74, "收款人开户行：江苏苏州农村商业银行"),
    (20, 84, "交易金额：12,650.00 元"), (110, 84, "大写：人民币壹万贰仟陆佰伍拾元整"),
    (20, 91, "附言：HR-INV-260507"),
], [(15, 31, 195, 31), (15, 55, 195, 55), (15, 79, 195, 79), (15, 96, 195, 96)], "WQ")
RCC2_T = {"bank": "临沂市河东区农村信用合作联社", "payer_name": "临沂河东区兴业五金建材有限公司", "payer_account": "90801200004566123",
          "payer_bank": "河东农信社九曲信用社", "payee_name": OURS, "payee_account": "20100002123456789",
          "payee_bank": "江苏苏州农村商业银行", "amount": "12650.00", "currency": "CNY", "value_date": "2026-05-12",
          "transaction_id": "LYHD260512004471", "memo": "HR-INV-260507"}

# U2 HSBC UK payment confirmation to the UK buyer: Payer / Payee, "Sort code and account number" as one value
HSBCUK = ([
    (20, 15, "HSBC UK", 16, "DVB"), (130, 15, "HSBC UK Bank plc", 8),
    (20, 30, "Payment confirmation - outgoing international payment", 11, "DVB"),
    (20, 42, "Date of payment"), (80, 42, "13/05/2026"),
    (20, 48, "Confirmation number"), (80, 48, "HUK2605130044871"),
    (20, 58, "Payer"), (80, 58, "PENNINE VALVE & FITTING LTD"),
    (20, 64, "Sort code and account number"), (80, 64, "40-12-76 12345678"),
    (20, 70, "Payee"), (80, 70, OURS_EN),
    (20, 76, "Payee account"), (80, 76, "741-234567-838"),
    (20, 82, "Payee bank"), (80, 82, "HSBC HONG KONG"),
    (20, 88, "Amount"), (80, 88, "GBP 3,975.00"),
    (20, 94, "Reference for payee"), (80, 94, "HR-EX-2605-009"),
], [(20, 37, 190, 37), (20, 53, 190, 53), (20, 99, 190, 99)], "DV")
HSBCUK_T = {"bank": "HSBC", "payer_name": "PENNINE VALVE & FITTING LTD", "payer_account": "12345678", "payee_name": OURS_EN,
            "payee_account": "741234567838", "payee_bank": "HSBC HONG KONG", "amount": "3975.00", "currency": "GBP",
            "value_date": "2026-05-13", "transaction_id": "HUK2605130044871", "memo": "HR-EX-2605-009"}

# U3 a Payoneer "You've received a payment" PDF: Payment ID, From, Amount, Date, Description
PAYONEER = ([
    (20, 15, "Payoneer", 16, "DVB"), (130, 15, "Payoneer Inc.", 8),
    (20, 30, "You've received a payment", 13, "DVB"),
    (20, 42, "Payment ID"), (70, 42, "PYN-88213450"),
    (20, 48, "Date"), (70, 48, "May 14, 2026"),
    (20, 54, "Paid by"), (70, 54, "Baltic Machine Parts OU"),
    (20, 60, "Amount"), (70, 60, "EUR 2,140.00"),
    (20, 66, "Received to"), (70, 66, OURS_EN + " - EUR receiving account"),
    (20, 72, "Description"), (70, 72, "HR-EX-2605-011"),
], [(20, 37, 190, 37), (20, 77, 190, 77)], "DV")
PAYONEER_T = {"bank": "Payoneer", "payer_name": "Baltic Machine Parts OU", "amount": "2140.00", "currency": "EUR",
              "value_date": "2026-05-14", "transaction_id": "PYN-88213450", "memo": "HR-EX-2605-011"}

# U4 青岛银行 电子回单: the payee's half on the left, the payer's half mirrored on the right (labels on its edge)
BQD = ([
    (65, 16, "青岛银行 电子回单", 15), (15, 26, "回单编号：QD2605150077", 8), (140, 26, "交易日期：2026-05-15", 8),
    (17, 36, "收款人名称"), (40, 36, OURS, 7), (-178, 36, "青岛城阳宏昌橡塑制品有限公司", 8), (180, 36, "付款人名称"),
    (17, 44, "收款人账号"), (40, 44, "8010 0012 3456 7890"), (-178, 44, "8020 3300 1234 0098"), (180, 44, "付款人账号"),
    (17, 52, "收款人开户行"), (40, 52, "厦门国际银行苏州分行", 8), (-178, 52, "青岛银行城阳支行", 8), (180, 52, "付款人开户行"),
    (17, 62, "交易金额"), (40, 62, "￥9,460.00"),
    (17, 70, "用途"), (40, 70, "HR-INV-260509 密封件"),
    (17, 78, "交易流水号"), (40, 78, "QDB2026051500312"),
], box(15, 31, 200, 82) + [(15, y, 200, y) for y in (40, 48, 57, 66, 74)] + [(38, 31, 38, 82), (108, 31, 108, 57),
                                                                               (179, 31, 179, 57)], "WQ")
BQD_T = {"bank": "青岛银行", "payer_name": "青岛城阳宏昌橡塑制品有限公司", "payer_account": "8020330012340098",
         "payer_bank": "青岛银行城阳支行", "payee_name": OURS, "payee_account": "8010001234567890",
         "payee_bank": "厦门国际银行苏州分行", "amount": "9460.00", "currency": "CNY", "value_date": "2026-05-15",
         "transaction_id": "QDB2026051500312", "memo": "HR-INV-260509 密封件"}

# U5 a German Überweisungsbestätigung of the buyer's bank (SEPA): Auftraggeber, Empfänger, End-to-End-Referenz
SEPA_DE = ([
    (20, 15, "Volksbank Mittelhessen eG", 14, "DVB"),
    (20, 30, "Bestätigung SEPA-Überweisung", 12, "DVB"),
    (20, 42, "Ausführungsdatum"), (80, 42, "18.05.2026"),
    (20, 48, "Auftragsnummer"), (80, 48, "VBMH-2605180093"),
    (20, 58, "Auftraggeber"), (80, 58, "Lahn Präzisionstechnik GmbH"),
    (20, 64, "IBAN Auftraggeber"), (80, 64, "DE44 5001 0517 5407 3249 31"),
    (20, 70, "Empfänger"), (80, 70, OURS_DE),
    (20, 76, "IBAN Empfänger"), (80, 76, "DE89 3704 0044 0532 0130 00"),
    (20, 82, "Betrag"), (80, 82, "3.612,50 EUR"),
    (20, 88, "Verwendungszweck"), (80, 88, "RE HR-DE-2605-004"),
    (20, 94, "End-to-End-Referenz"), (80, 94, "LPT-ZA-7781"),
], [(20, 37, 190, 37), (20, 53, 190, 53), (20, 99, 190, 99)], "DV")
SEPA_DE_T = {"bank": "Volksbank Mittelhessen eG", "payer_name": "Lahn Präzisionstechnik GmbH",
             "payer_account": "DE44500105175407324931", "payee_name": OURS_DE, "payee_account": "DE89370400440532013000",
             "amount": "3612.50", "currency": "EUR", "value_date": "2026-05-18", "transaction_id": "VBMH-2605180093",
             "memo": "RE HR-DE-2605-004"}

ROUND2 = {"u1_rcc_one_column": (RCC2, RCC2_T), "u2_hsbc_uk_confirmation": (HSBCUK, HSBCUK_T),
          "u3_payoneer_received": (PAYONEER, PAYONEER_T), "u4_bqd_mirrored_payer": (BQD, BQD_T),
          "u5_sepa_bestaetigung": (SEPA_DE, SEPA_DE_T)}

# U6 商业承兑汇票 (a trade acceptance: the buyer accepts, no bank pays yet): a bill, no receipt
TRADE_BILL = ([
    (75, 16, "商业承兑汇票", 16),
    (15, 26, "出票日期：2026年05月19日", 8), (130, 26, "票据号码：230000051002520260519000031", 7),
    (17, 35, "付款人全称"), (47, 35, "无锡惠山锐达机电有限公司", 8), (107, 35, "收款人全称"), (132, 35, OURS, 7),
    (17, 43, "付款人账号"), (47, 43, "1103 0287 0910 0012 345"), (107, 43, "收款人账号"), (132, 43, "2010 0002 1234 5678 9"),
    (17, 51, "付款人开户行"), (47, 51, "中国工商银行无锡惠山支行", 8), (107, 51, "收款人开户行"), (132, 51, "江苏苏州农村商业银行", 8),
    (17, 59, "出票金额"), (47, 59, "人民币（大写）捌万元整"), (150, 59, "¥80,000.00"),
    (17, 67, "汇票到期日"), (47, 67, "2026年11月19日"), (107, 67, "交易合同号码"), (132, 67, "HR-SC-2604-018"),
    (17, 75, "本汇票已经承兑，到期无条件付款。", 8), (107, 75, "承兑人签章", 8),
], grid(15, 30, 195, 79, (39, 47, 55, 63, 71), (45, 105, 130)), "WQ")
NOT_RECEIPTS_ROUND2 = {"u6_trade_acceptance_bill": (TRADE_BILL, {})}

# U7 a German buyer's Zahlungsavis netting a Gutschrift, with an Abzug column
ADV_DE_CN = ([
    (20, 15, "Lahn Präzisionstechnik GmbH", 13, "DVB"), (20, 21, "Industriestraße 9 · 35578 Wetzlar", 7),
    (20, 34, "Zahlungsavis", 12, "DVB"),
    (20, 44, "Empfänger:"), (45, 44, OURS_DE),
    (130, 44, "Avis-Nr.:"), (160, 44, "ZA-2026-0518"), (130, 49, "Zahlungsdatum:"), (160, 49, "18.05.2026"),
    *_table([20, 60, 95, -140, -163, -188], 62, [
        ["Beleg", "Datum", "Belegart", "Betrag", "Abzug", "Zahlbetrag"],
        ["HR-DE-2604-027", "21.04.2026", "Rechnung", "2.150,00", "", "2.150,00"],
        ["HR-DE-2604-031", "28.04.2026", "Rechnung", "1.780,00", "42,50", "1.737,50"],
        ["HR-GS-2605-002", "05.05.2026", "Gutschrift", "-275,00", "", "-275,00"]], step=6.2, size=8),
    (95, 90, "Summe EUR", 9, "DVB"), (-188, 90, "3.612,50", 9, "DVB"),
], [(20, 58, 190, 58), (20, 65, 190, 65), (20, 86, 190, 86)], "DV")
ADV_DE_CN_T = {"payer_name": "Lahn Präzisionstechnik GmbH", "reference": "ZA-2026-0518", "payment_date": "2026-05-18",
               "total": "3612.50", "currency": "EUR",
               "lines": [("HR-DE-2604-027", "2150.00"), ("HR-DE-2604-031", "1737.50"), ("HR-GS-2605-002", "-275.00")]}
ADVICE_PDFS_ROUND2 = {"u7_zahlungsavis_gutschrift": (ADV_DE_CN, ADV_DE_CN_T)}
