"""The sixth held-out set of bank receipts, credit advices and payers' remittance advices (issue 14 §1-§3), written
by hand as banks and buyers print them, of banks and shapes no earlier set had: 电子回单 of 浦发, 光大, 华夏, 广发,
北京银行, 上海银行, 宁波银行, 江苏银行 and 苏州农商行 (roles side by side under a heading row, in one column, or 本方/对方
with 借/贷 deciding who pays); a 网上银行 page holding three receipts; a 跨行汇款 with its 手续费 as a receipt of its
own; SWIFT MT103 prints in the `Alliance` layout (field names after the tags, OUR and BEN charges); credit advices of
Citi, OCBC and DBS Singapore styles; a German Gutschriftsanzeige; a Japanese 振込入金通知; remittance advices as PDF
letters from buyers (English, German, Spanish), an SAP-style `Payment advice note`, and e-mails whose table is HTML.

Each document is (items, rules, font) for :func:`handmade.draw_pdf`, or an e-mail's bytes, with the fields it prints.
Our companies (the master): the Suzhou company, its German and its Japanese subsidiary."""

from __future__ import annotations

from email.message import EmailMessage

from tests.extractors_documents.handmade import OURS, OURS_DE, OURS_EN

OURS_JP = "恒鋭精密ジャパン株式会社"
OUR_ACCOUNTS = ("97150078801234567", "0200 0012 0920 0012 345", "3101 0000 1234 5678 901", "1104 0000 0038 1234 56",
                "86011234567890123", "6228 4801 2345 6789 012", "0-123456-018", "501-234567-001", "072-901234-5",
                "8801 2345 6789 0011")
OUR_ACCOUNTS_DE = ("DE68 1004 0000 0123 4567 00",)
OUR_ACCOUNTS_JP = ("1234567",)


def box(x1: float, y1: float, x2: float, y2: float) -> list[tuple[float, float, float, float]]:
    return [(x1, y1, x2, y1), (x1, y2, x2, y2), (x1, y1, x1, y2), (x2, y1, x2, y2)]


def grid(x1: float, y1: float, x2: float, y2: float, ys: tuple[float, ...], xs: tuple[float, ...]) -> list[tuple]:
    return box(x1, y1, x2, y2) + [(x1, y, x2, y) for y in ys] + [(x, y1, x, y2) for x in xs]


# S1 上海浦东发展银行 电子回单: a heading row 付款人 | 收款人 over two label/value columns (户名/账号/开户银行 in each)
SPDB = ([
    (60, 16, "上海浦东发展银行 电子回单", 15), (15, 26, "回单编号：SPDB20260309000712", 8), (140, 26, "交易日期：2026-03-09", 8),
    (45, 35, "付款人"), (135, 35, "收款人"),
    (17, 43, "户名"), (37, 43, "无锡新区宏达轴承有限公司", 8), (107, 43, "户名"), (127, 43, OURS, 7),
    (17, 51, "账号"), (37, 51, "8401 0078 8012 0000 315"), (107, 51, "账号"), (127, 51, "97150078801234567"),
    (17, 59, "开户银行"), (37, 59, "上海浦东发展银行无锡分行", 8), (107, 59, "开户银行"), (127, 59, "上海浦东发展银行苏州分行", 8),
    (17, 67, "金额"), (37, 67, "人民币 伍万捌仟肆佰元整"), (127, 67, "CNY 58,400.00"),
    (17, 75, "摘要"), (37, 75, "货款"), (107, 75, "用途"), (127, 75, "HR-SO-2602-114 轴承座"),
    (17, 83, "交易流水号"), (37, 83, "2026030900458871"), (107, 83, "业务类型"), (127, 83, "跨行转账"),
    (15, 96, "本回单仅作为已成功转账的依据，重复打印无效。", 7),
], grid(15, 30, 195, 87, (39, 47, 55, 63, 71, 79), (35, 105, 125)), "WQ")
SPDB_T = {"bank": "上海浦东发展银行", "payer_name": "无锡新区宏达轴承有限公司", "payer_account": "8401007880120000315",
          "payer_bank": "上海浦东发展银行无锡分行", "payee_name": OURS, "payee_account": "97150078801234567",
          "payee_bank": "上海浦东发展银行苏州分行", "amount": "58400.00", "currency": "CNY", "value_date": "2026-03-09",
          "transaction_id": "2026030900458871", "memo": "HR-SO-2602-114 轴承座"}

# S2 中国光大银行 电子回单: 本方/对方 with 借贷: 贷 (money in), values beside their labels in two columns
CEB = ([
    (65, 16, "中国光大银行 电子回单", 15), (15, 26, "打印日期：2026-03-11", 8), (140, 26, "凭证号：EB0311260093", 8),
    (17, 35, "本方户名"), (42, 35, OURS, 7), (107, 35, "对方户名"), (132, 35, "昆山市玉山镇精密模具厂", 8),
    (17, 43, "本方账号"), (42, 43, "0200 0012 0920 0012 345"), (107, 43, "对方账号"), (132, 43, "3205 0163 7500 0000 0917"),
    (17, 51, "本方开户行"), (42, 51, "中国光大银行苏州分行", 8), (107, 51, "对方开户行"), (132, 51, "中国建设银行昆山支行", 8),
    (17, 59, "借贷标志"), (42, 59, "贷"), (107, 59, "交易金额"), (132, 59, "￥23,760.00"),
    (17, 67, "记账日期"), (42, 67, "2026年03月11日"), (107, 67, "大写金额"), (132, 67, "贰万叁仟柒佰陆拾元整"),
    (17, 75, "附言"), (42, 75, "模具维修费 HR-INV-260301"), (107, 75, "流水号"), (132, 75, "CEB26031100872301"),
    (15, 88, "中国光大银行股份有限公司苏州分行 电子回单专用章", 7),
], grid(15, 30, 195, 79, (39, 47, 55, 63, 71), (40, 105, 130)), "WQ")
CEB_T = {"bank": "中国光大银行", "payer_name": "昆山市玉山镇精密模具厂", "payer_account": "32050163750000000917",
         "payer_bank": "中国建设银行昆山支行", "payee_name": OURS, "payee_account": "0200001209200012345",
         "payee_bank": "中国光大银行苏州分行", "amount": "23760.00", "currency": "CNY", "value_date": "2026-03-11",
         "transaction_id": "CEB26031100872301", "memo": "模具维修费 HR-INV-260301"}

# S3 华夏银行 电子回单: 本方/对方 in one column, 借贷: 借 (we pay a supplier), 交易金额 with 元
HXB = ([
    (65, 16, "华夏银行 电子回单", 15), (15, 26, "交易流水：HXB202603170031122", 8), (140, 26, "交易日期：20260317", 8),
    (20, 36, "本方户名：" + OURS), (20, 43, "本方账号：3101 0000 1234 5678 901"), (20, 50, "本方开户行：华夏银行苏州工业园区支行"),
    (20, 60, "对方户名：南通海门佳利包装材料有限公司"), (20, 67, "对方账号：1111 8520 0001 6628"), (20, 74, "对方开户行：江苏海门农村商业银行三厂支行"),
    (20, 84, "借贷方向：借"), (110, 84, "交易金额：8,925.60 元"),
    (20, 91, "金额大写：人民币捌仟玖佰贰拾伍元陆角整"),
    (20, 98, "摘要：包装材料款 PO-HR-2603-027"),
    (15, 110, "本回单不作为收款方发货依据", 7),
], [(15, 31, 195, 31), (15, 55, 195, 55), (15, 79, 195, 79), (15, 103, 195, 103)], "WQ")
HXB_T = {"bank": "华夏银行", "payer_name": OURS, "payer_account": "3101000012345678901", "payer_bank": "华夏银行苏州工业园区支行",
         "payee_name": "南通海门佳利包装材料有限公司", "payee_account": "1111852000016628", "payee_bank": "江苏海门农村商业银行三厂支行",
         "amount": "8925.60", "currency": "CNY", "value_date": "2026-03-17", "transaction_id": "HXB202603170031122",
         "memo": "包装材料款 PO-HR-2603-027"}


# S4 广发银行 网上银行电子回单: three receipts on one A4 page, each boxed, 付款人/收款人 side by side
def _cgb_receipt(top: float, no: str, payer: tuple[str, str, str], amount: str, words: str, memo: str, day: str) -> tuple:
    y = top
    items = [
        (70, y + 6, "广发银行 网上银行电子回单", 12), (15, y + 13, f"回单编号：{no}", 7), (140, y + 13, f"交易日期：{day}", 7),
        (17, y + 21, "付款人名称"), (42, y + 21, payer[0], 8), (107, y + 21, "收款人名称"), (132, y + 21, OURS, 7),
        (17, y + 28, "付款人账号"), (42, y + 28, payer[1]), (107, y + 28, "收款人账号"), (132, y + 28, "1104 0000 0038 1234 56"),
        (17, y + 35, "付款人开户行"), (42, y + 35, payer[2], 8), (107, y + 35, "收款人开户行"), (132, y + 35, "广发银行苏州分行", 8),
        (17, y + 42, "金额（小写）"), (42, y + 42, amount), (107, y + 42, "金额（大写）"), (132, y + 42, words, 8),
        (17, y + 49, "用途"), (42, y + 49, memo),
    ]
    rules = grid(15, y + 16, 195, y + 52, (y + 24.5, y + 31.5, y + 38.5, y + 45.5), (40, 105, 130))
    return items, rules


_CGB = [_cgb_receipt(8, "CGB0319000101", ("杭州萧山恒通机电有限公司", "1202 0260 0900 0123 456", "中国工商银行杭州萧山支行"),
                     "¥12,300.00", "壹万贰仟叁佰元整", "HR-INV-260288", "2026-03-19"),
        _cgb_receipt(100, "CGB0319000102", ("嘉兴秀洲永兴五金有限公司", "3304 0171 0000 2468 1357", "浙江嘉兴农村商业银行秀洲支行"),
                     "¥4,080.00", "肆仟零捌拾元整", "HR-INV-260291", "2026-03-19"),
        _cgb_receipt(192, "CGB0319000103", ("湖州南浔力鼎机械厂", "19-0508 0104 0012 345", "中国农业银行湖州南浔支行"),
                     "¥27,615.50", "贰万柒仟陆佰壹拾伍元伍角整", "HR-INV-260296", "2026-03-19")]
CGB_PAGE = ([i for r in _CGB for i in r[0]], [x for r in _CGB for x in r[1]] + [(10, 95, 200, 95), (10, 187, 200, 187)], "WQ")
#: the page's first receipt (what a reader that takes one record per page must give); the others in CGB_PAGE_ALL
CGB_PAGE_T = {"bank": "广发银行", "payer_name": "杭州萧山恒通机电有限公司", "payer_account": "1202026009000123456",
              "payer_bank": "中国工商银行杭州萧山支行", "payee_name": OURS, "payee_account": "110400000038123456",
              "payee_bank": "广发银行苏州分行", "amount": "12300.00", "currency": "CNY", "value_date": "2026-03-19",
              "transaction_id": "CGB0319000101", "memo": "HR-INV-260288"}
CGB_PAGE_ALL = [CGB_PAGE_T,
                {**CGB_PAGE_T, "payer_name": "嘉兴秀洲永兴五金有限公司", "payer_account": "33040171000024681357",
                 "payer_bank": "浙江嘉兴农村商业银行秀洲支行", "amount": "4080.00", "transaction_id": "CGB0319000102",
                 "memo": "HR-INV-260291"},
                {**CGB_PAGE_T, "payer_name": "湖州南浔力鼎机械厂", "payer_account": "19050801040012345",
                 "payer_bank": "中国农业银行湖州南浔支行", "amount": "27615.50", "transaction_id": "CGB0319000103",
                 "memo": "HR-INV-260296"}]

# S5 北京银行 跨行汇款 回单 (we pay 50,000 to a supplier in another bank) and S6 its 手续费 as a receipt of its own
BOB = ([
    (60, 16, "北京银行 跨行汇款回单", 15), (15, 26, "业务编号：BOB2603230045617", 8), (140, 26, "委托日期：2026年3月23日", 8),
    (17, 35, "汇款人"), (37, 35, "全称"), (52, 35, OURS, 7), (107, 35, "收款人"), (127, 35, "全称"), (140, 35, "天津滨海新区瑞丰钢材贸易有限公司", 6.5),
    (37, 43, "账号"), (52, 43, "86011234567890123"), (127, 43, "账号"), (140, 43, "1202 0330 0910 0456 789"),
    (37, 51, "汇出行"), (52, 51, "北京银行苏州分行", 8), (127, 51, "汇入行"), (140, 51, "中国工商银行天津滨海支行", 8),
    (17, 59, "汇款金额"), (37, 59, "人民币（大写）伍万元整"), (140, 59, "¥50,000.00"),
    (17, 67, "附言"), (37, 67, "钢材款 PO-HR-2603-040"),
    (17, 75, "手续费"), (37, 75, "另见手续费回单"), (107, 75, "汇款方式"), (127, 75, "普通"),
    (15, 88, "北京银行股份有限公司 业务专用章", 7),
], box(15, 30, 195, 79) + [(15, y, 195, y) for y in (55, 63, 71)] + [(105, 30, 105, 55), (35, 30, 35, 79), (125, 30, 125, 55)], "WQ")
BOB_T = {"bank": "北京银行", "payer_name": OURS, "payer_account": "86011234567890123", "payer_bank": "北京银行苏州分行",
         "payee_name": "天津滨海新区瑞丰钢材贸易有限公司", "payee_account": "1202033009100456789", "payee_bank": "中国工商银行天津滨海支行",
         "amount": "50000.00", "currency": "CNY", "value_date": "2026-03-23", "transaction_id": "BOB2603230045617",
         "memo": "钢材款 PO-HR-2603-040"}
BOB_FEE = ([
    (60, 16, "北京银行 收费凭证（客户回单）", 14), (15, 26, "凭证号：BOBF2603230045618", 8), (140, 26, "日期：2026-03-23", 8),
    (17, 35, "付款人户名"), (47, 35, OURS, 8),
    (17, 43, "付款人账号"), (47, 43, "86011234567890123"),
    (17, 51, "收费项目"), (47, 51, "跨行汇款手续费"),
    (17, 59, "收费金额"), (47, 59, "CNY 15.50"), (107, 59, "大写"), (127, 59, "人民币壹拾伍元伍角整"),
    (17, 67, "摘要"), (47, 67, "汇划手续费 业务编号BOB2603230045617"),
    (15, 80, "北京银行股份有限公司苏州分行", 7),
], grid(15, 30, 195, 71, (39, 47, 55, 63), (45,)), "WQ")
BOB_FEE_T = {"bank": "北京银行", "payer_name": OURS, "payer_account": "86011234567890123", "amount": "15.50",
             "currency": "CNY", "value_date": "2026-03-23", "transaction_id": "BOBF2603230045618",
             "memo": "汇划手续费 业务编号BOB2603230045617"}

# S7 上海银行 电子回单: one column, the payee block first (收款单位), then the payer (付款单位), 金额 大写 and 小写
BOSC = ([
    (65, 16, "上海银行 电子回单", 15), (15, 26, "回单号码：BOS-2603-0918-0071", 8), (140, 26, "入账日期：2026.03.18", 8),
    (20, 36, "收款单位：" + OURS), (20, 43, "收款账号：6228 4801 2345 6789 012"), (20, 50, "收款行：上海银行苏州分行"),
    (20, 60, "付款单位：上海嘉定华亿汽车零部件有限公司"), (20, 67, "付款账号：3160 3800 0312 4455"), (20, 74, "付款行：上海农商银行嘉定支行"),
    (20, 84, "金额（大写）：人民币玖万叁仟贰佰捌拾元整"), (120, 84, "（小写）：¥93,280.00"),
    (20, 91, "用途：HR-SO-2603-007 第一期货款"),
    (20, 98, "交易流水号：3100260318887701"),
    (15, 110, "上海银行股份有限公司 电子回单专用", 7),
], [(15, 31, 195, 31), (15, 55, 195, 55), (15, 79, 195, 79), (15, 103, 195, 103)], "WQ")
BOSC_T = {"bank": "上海银行", "payer_name": "上海嘉定华亿汽车零部件有限公司", "payer_account": "3160380003124455",
          "payer_bank": "上海农商银行嘉定支行", "payee_name": OURS, "payee_account": "6228480123456789012",
          "payee_bank": "上海银行苏州分行", "amount": "93280.00", "currency": "CNY", "value_date": "2026-03-18",
          "transaction_id": "3100260318887701", "memo": "HR-SO-2603-007 第一期货款"}

# S8 宁波银行 电子回单: 付款人/收款人 side by side, vertical role cells, 交易金额 CNY with 大写 on the next row
NBCB = ([
    (65, 16, "宁波银行 电子回单", 15), (15, 26, "流水号：NB2603200077123", 8), (140, 26, "交易时间：2026-03-20 10:42:17", 8),
    (17, 40, "付"), (17, 46, "款"), (17, 52, "人"), (27, 37, "户名"), (44, 37, "宁波鄞州博远电器有限公司", 8),
    (27, 45, "账号"), (44, 45, "5101 0122 0001 4567 8"), (27, 53, "开户行"), (44, 53, "宁波银行鄞州支行", 8),
    (107, 40, "收"), (107, 46, "款"), (107, 52, "人"), (117, 37, "户名"), (134, 37, OURS, 7),
    (117, 45, "账号"), (134, 45, "0-123456-018"), (117, 53, "开户行"), (134, 53, "宁波银行苏州分行", 8),
    (17, 62, "交易金额"), (44, 62, "CNY 6,540.00"), (107, 62, "金额大写"), (134, 62, "陆仟伍佰肆拾元整", 8),
    (17, 70, "附言"), (44, 70, "HR-INV-260305 余款"), (107, 70, "交易渠道"), (134, 70, "企业网银"),
    (15, 84, "宁波银行股份有限公司 电子回单专用章", 7),
], box(15, 32, 195, 74) + [(15, 57, 195, 57), (15, 66, 195, 66), (105, 32, 105, 74), (25, 32, 25, 57), (115, 32, 115, 57),
                           (42, 32, 42, 74), (132, 32, 132, 74)], "WQ")
NBCB_T = {"bank": "宁波银行", "payer_name": "宁波鄞州博远电器有限公司", "payer_account": "51010122000145678",
          "payer_bank": "宁波银行鄞州支行", "payee_name": OURS, "payee_account": "0123456018", "payee_bank": "宁波银行苏州分行",
          "amount": "6540.00", "currency": "CNY", "value_date": "2026-03-20", "transaction_id": "NB2603200077123",
          "memo": "HR-INV-260305 余款"}

# S9 江苏银行 电子回单 (bilingual labels): 本方/对方 in two columns, 交易方向 Dr./Cr.: Cr.
JSB = ([
    (55, 14, "江苏银行 电子回单 BANK OF JIANGSU E-RECEIPT", 12), (15, 24, "回单编号 Receipt No.：JS2603250004411", 7),
    (130, 24, "记账日期 Date：2026-03-25", 7),
    (17, 34, "本方户名 Account Name"), (62, 34, OURS, 7),
    (17, 41, "本方账号 Account No."), (62, 41, "501-234567-001"),
    (17, 48, "对方户名 Counterparty"), (62, 48, "常州武进凯达精密铸造有限公司"),
    (17, 55, "对方账号 Counterparty A/C"), (62, 55, "3204 1201 0400 1238 77"),
    (17, 62, "对方行名 Counterparty Bank"), (62, 62, "江苏银行常州武进支行"),
    (17, 69, "交易方向 Dr./Cr."), (62, 69, "贷 Cr."),
    (17, 76, "金额 Amount"), (62, 76, "CNY 17,932.40"),
    (17, 83, "摘要 Remarks"), (62, 83, "HR-INV-260311 铸件加工"),
    (15, 96, "江苏银行股份有限公司 电子回单专用章", 7),
], grid(15, 29, 195, 87, (37.5, 44.5, 51.5, 58.5, 65.5, 72.5, 79.5), (60,)), "WQ")
JSB_T = {"bank": "江苏银行", "payer_name": "常州武进凯达精密铸造有限公司", "payer_account": "320412010400123877",
         "payer_bank": "江苏银行常州武进支行", "payee_name": OURS, "payee_account": "501234567001",
         "amount": "17932.40", "currency": "CNY", "value_date": "2026-03-25", "transaction_id": "JS2603250004411",
         "memo": "HR-INV-260311 铸件加工"}

# S10 苏州农村商业银行 入账通知: 对方 only (our account in the header), 收支: 收入
SZRCB = ([
    (50, 16, "江苏苏州农村商业银行 入账通知书", 14), (15, 26, "账号：072-901234-5", 8), (85, 26, "户名：" + OURS, 8),
    (15, 32, "入账日期：2026/03/27", 8), (140, 32, "流水号：SZRCB27031280", 8),
    (17, 42, "对方户名"), (47, 42, "张家港保税区鑫达国际贸易有限公司"),
    (17, 50, "对方账号"), (47, 50, "1102 0271 0900 0333 888"),
    (17, 58, "对方开户行"), (47, 58, "中国工商银行张家港保税区支行"),
    (17, 66, "收支"), (47, 66, "收入"), (107, 66, "币种"), (132, 66, "人民币"),
    (17, 74, "金额"), (47, 74, "41,000.00"), (107, 74, "大写"), (132, 74, "肆万壹仟元整"),
    (17, 82, "附言"), (47, 82, "预付款 HR-PI-2603-019"),
    (15, 95, "苏州农村商业银行股份有限公司 业务专用章", 7),
], grid(15, 37, 195, 86, (46, 54, 62, 70, 78), (45,)), "WQ")
SZRCB_T = {"bank": "苏州农村商业银行", "payer_name": "张家港保税区鑫达国际贸易有限公司", "payer_account": "1102027109000333888",
           "payer_bank": "中国工商银行张家港保税区支行", "payee_name": OURS, "payee_account": "0729012345",
           "amount": "41000.00", "currency": "CNY", "value_date": "2026-03-27", "transaction_id": "SZRCB27031280",
           "memo": "预付款 HR-PI-2603-019"}

# S11 SWIFT MT103 as the Alliance print lays it out: tag, the field's name, its sub-fields on lines under it; OUR
MT103_OUR = ([
    (20, 14, "Instance Type and Transmission", 9, "DVB"), (25, 20, "Notification (Transmission) of Original sent to SWIFT (ACK)", 8),
    (20, 28, "Message Header", 9, "DVB"),
    (25, 34, "Swift Output : FIN 103 Single Customer Credt Transfer", 8),
    (25, 39, "Sender   : BNPAFRPPXXX  BNP PARIBAS  PARIS FR", 8), (25, 44, "Receiver : ICBKCNBJSZH  INDUSTRIAL AND COMMERCIAL BANK OF CHINA SUZHOU", 8),
    (20, 52, "Message Text", 9, "DVB"),
    (25, 58, "20: Sender's Reference", 8), (35, 63, "FT26031912AB7Q", 8),
    (25, 69, "23B: Bank Operation Code", 8), (35, 74, "CRED", 8),
    (25, 80, "32A: Val Dte/Curr/Interbnk Settld Amt", 8), (35, 85, "Date     : 19 March 2026", 8),
    (35, 90, "Currency : EUR (EURO)", 8), (35, 95, "Amount   : #12,480.00#", 8),
    (25, 101, "50K: Ordering Customer-Name & Address", 8), (35, 106, "/FR7630004000031234567890143", 8),
    (35, 111, "ATELIERS MECANIQUES DU RHONE SAS", 8), (35, 116, "12 RUE DE LA REPUBLIQUE 69002 LYON", 8),
    (25, 122, "52A: Ordering Institution - BIC", 8), (35, 127, "BNPAFRPPXXX", 8),
    (25, 133, "59: Beneficiary Customer-Name & Addr", 8), (35, 138, "/1102020109000123456", 8),
    (35, 143, "SUZHOU HENGRUI PRECISION HARDWARE CO LTD", 8), (35, 148, "NO 8 XINGHAN STREET SUZHOU CHINA", 8),
    (25, 154, "70: Remittance Information", 8), (35, 159, "INVOICE HR-EX-2603-004", 8),
    (25, 165, "71A: Details of Charges", 8), (35, 170, "OUR", 8),
    (20, 180, "Message Trailer", 9, "DVB"), (25, 186, "{CHK:5A1B2C3D4E5F}", 8),
], [], "DV")
MT103_OUR_T = {"payer_name": "ATELIERS MECANIQUES DU RHONE SAS", "payer_account": "FR7630004000031234567890143",
               "payer_bank": "BNPAFRPPXXX", "payee_name": "SUZHOU HENGRUI PRECISION HARDWARE CO LTD",
               "payee_account": "1102020109000123456", "amount": "12480.00", "currency": "EUR",
               "value_date": "2026-03-19", "transaction_id": "FT26031912AB7Q", "memo": "INVOICE HR-EX-2603-004"}

# S12 an MT103 printed by a bank's portal as a table (Tag | Field | Value), BEN charges (71F: the charge taken)
MT103_BEN = ([
    (20, 15, "MT103 - Single Customer Credit Transfer (copy)", 12, "DVB"),
    (20, 23, "Message reference: 0326MX00981472   Output date: 2026-03-26", 8),
    (20, 32, "Tag", 8, "DVB"), (35, 32, "Field", 8, "DVB"), (95, 32, "Value", 8, "DVB"),
    (20, 39, "20"), (35, 39, "Transaction Reference"), (95, 39, "ENBD2603260774"),
    (20, 46, "23B"), (35, 46, "Bank Operation Code"), (95, 46, "CRED"),
    (20, 53, "32A"), (35, 53, "Value Date, Currency, Amount"), (95, 53, "260326USD18962,50"),
    (20, 60, "33B"), (35, 60, "Instructed Amount"), (95, 60, "USD18987,50"),
    (20, 67, "50K"), (35, 67, "Ordering Customer"), (95, 67, "/AE070331234567890123456"),
    (95, 72, "GULF STAR TRADING LLC"), (95, 77, "DEIRA, DUBAI, UAE"),
    (20, 84, "57A"), (35, 84, "Account With Institution"), (95, 84, "ICBKCNBJSZH"),
    (20, 91, "59"), (35, 91, "Beneficiary Customer"), (95, 91, "/97150078801234567"),
    (95, 96, "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD."),
    (20, 103, "70"), (35, 103, "Remittance Information"), (95, 103, "PAYMENT PI HR-PI-2603-022"),
    (20, 110, "71A"), (35, 110, "Details of Charges"), (95, 110, "BEN"),
    (20, 117, "71F"), (35, 117, "Sender's Charges"), (95, 117, "USD25,00"),
], grid(18, 28, 192, 121, (35, 42.5, 49.5, 56.5, 63.5, 80.5, 87.5, 99.5, 106.5, 113.5), (33, 93)), "DV")
MT103_BEN_T = {"payer_name": "GULF STAR TRADING LLC", "payer_account": "AE070331234567890123456",
               "payee_name": "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD.", "payee_account": "97150078801234567",
               "payee_bank": "ICBKCNBJSZH", "amount": "18962.50", "currency": "USD", "value_date": "2026-03-26",
               "transaction_id": "ENBD2603260774", "memo": "PAYMENT PI HR-PI-2603-022"}

# S13 Citibank credit advice (English): `Ordering customer`, `Beneficiary`, `Credit amount`, dd/mm/yyyy dates
CITI = ([
    (20, 15, "citi", 20, "DVB"), (120, 15, "Citibank N.A. Hong Kong Branch", 8),
    (20, 30, "CREDIT ADVICE", 13, "DVB"),
    (20, 40, "Advice date: 24/03/2026"), (120, 40, "Transaction reference: CITI-HK-2603240192"),
    (20, 52, "Beneficiary"), (70, 52, "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD."),
    (20, 58, "Beneficiary account"), (70, 58, "8801 2345 6789 0011"),
    (20, 64, "Ordering customer"), (70, 64, "PACIFIC RIM INDUSTRIAL SUPPLY INC."),
    (20, 70, "Ordering customer account"), (70, 70, "US  021000089 / 4421 9988 7766"),
    (20, 76, "Ordering bank"), (70, 76, "CITIBANK N.A. NEW YORK"),
    (20, 82, "Credit amount"), (70, 82, "USD 32,150.00"),
    (20, 88, "Value date"), (70, 88, "24/03/2026"),
    (20, 94, "Payment details"), (70, 94, "INV HR-EX-2603-011 HR-EX-2603-012"),
    (20, 108, "Please contact your Citi relationship manager for any enquiry.", 7),
], [(20, 47, 190, 47), (20, 99, 190, 99)], "DV")
CITI_T = {"bank": "Citibank N.A. Hong Kong Branch", "payer_name": "PACIFIC RIM INDUSTRIAL SUPPLY INC.",
          "payer_account": "442199887766", "payer_bank": "CITIBANK N.A. NEW YORK",
          "payee_name": "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD.", "payee_account": "8801234567890011",
          "amount": "32150.00", "currency": "USD", "value_date": "2026-03-24", "transaction_id": "CITI-HK-2603240192",
          "memo": "INV HR-EX-2603-011 HR-EX-2603-012"}

# S14 OCBC inward TT advice (Singapore): Remitter, Beneficiary, gross amount, commission in lieu, net amount credited
OCBC = ([
    (20, 15, "OCBC Bank", 16, "DVB"), (120, 15, "Oversea-Chinese Banking Corporation Limited", 7),
    (20, 30, "INWARD TELEGRAPHIC TRANSFER ADVICE", 12, "DVB"),
    (20, 40, "To: " + OURS_EN.upper()), (20, 45, "Account: 501-234567-001"),
    (130, 40, "Date: 30 Mar 2026"), (130, 45, "Our Ref: ITT260330SG0042"),
    (20, 58, "Remitter"), (75, 58, "TANJONG ENGINEERING PTE LTD"),
    (20, 64, "Remitting Bank"), (75, 64, "UNITED OVERSEAS BANK LIMITED, SINGAPORE"),
    (20, 70, "Beneficiary"), (75, 70, OURS_EN.upper()),
    (20, 76, "Remittance Amount"), (75, 76, "SGD 14,600.00"),
    (20, 82, "Commission in Lieu of Exchange"), (75, 82, "SGD 20.00"),
    (20, 88, "Net Amount Credited"), (75, 88, "SGD 14,580.00"),
    (20, 94, "Value Date"), (75, 94, "30 Mar 2026"),
    (20, 100, "Details of Payment"), (75, 100, "SETTLEMENT OF HR-EX-2603-015"),
], [(20, 52, 190, 52), (20, 105, 190, 105)], "DV")
OCBC_T = {"bank": "OCBC Bank", "payer_name": "TANJONG ENGINEERING PTE LTD", "payer_bank": "UNITED OVERSEAS BANK LIMITED, SINGAPORE",
          "payee_name": OURS_EN.upper(), "payee_account": "501234567001", "amount": "14580.00", "currency": "SGD",
          "value_date": "2026-03-30", "transaction_id": "ITT260330SG0042", "memo": "SETTLEMENT OF HR-EX-2603-015"}

# S15 DBS Singapore credit advice: Remitter details | Beneficiary details side by side, amount and date below
DBSSG = ([
    (20, 15, "DBS", 18, "DVB"), (120, 15, "DBS Bank Ltd", 8),
    (20, 30, "TELEGRAPHIC TRANSFER - CREDIT ADVICE", 12, "DVB"),
    (20, 38, "Transaction Date: 02 Apr 2026"), (120, 38, "Transaction Ref: DBSTT0402260015"),
    (20, 48, "Remitter Details", 9, "DVB"), (110, 48, "Beneficiary Details", 9, "DVB"),
    (20, 55, "Name"), (45, 55, "MERLION PRECISION PARTS PTE LTD", 8), (110, 55, "Name"), (135, 55, OURS_EN.upper(), 6.5),
    (20, 61, "Account"), (45, 61, "0039 8765 4321"), (110, 61, "Account"), (135, 61, "072-901234-5"),
    (20, 67, "Bank"), (45, 67, "OVERSEA-CHINESE BANKING CORP"), (110, 67, "Bank"), (135, 67, "DBS BANK LTD SINGAPORE", 8),
    (20, 79, "Amount Credited"), (70, 79, "USD 9,870.00"),
    (20, 85, "Value Date"), (70, 85, "02 Apr 2026"),
    (20, 91, "Payment Details"), (70, 91, "INV HR-EX-2603-019 LESS CREDIT NOTE"),
], [(20, 44, 190, 44), (20, 72, 190, 72), (20, 96, 190, 96)], "DV")
DBSSG_T = {"bank": "DBS Bank Ltd", "payer_name": "MERLION PRECISION PARTS PTE LTD", "payer_account": "003987654321",
           "payer_bank": "OVERSEA-CHINESE BANKING CORP", "payee_name": OURS_EN.upper(), "payee_account": "0729012345",
           "payee_bank": "DBS BANK LTD SINGAPORE", "amount": "9870.00", "currency": "USD", "value_date": "2026-04-02",
           "transaction_id": "DBSTT0402260015", "memo": "INV HR-EX-2603-019 LESS CREDIT NOTE"}

# S16 Gutschriftsanzeige of a German bank to our German subsidiary: Auftraggeber, Verwendungszweck, Betrag 4.250,00
GUTSCHRIFT = ([
    (20, 15, "Commerzbank", 16, "DVB"), (130, 15, "Commerzbank AG, Filiale Düsseldorf", 7),
    (20, 30, "Gutschriftsanzeige", 13, "DVB"),
    (20, 40, OURS_DE), (20, 45, "Königsallee 60, 40212 Düsseldorf"),
    (130, 40, "Buchungstag:"), (158, 40, "12.03.2026"), (130, 45, "Belegnummer:"), (158, 45, "GS-0312-44871"),
    (20, 58, "Wir haben Ihrem Konto folgenden Betrag gutgeschrieben:"),
    (20, 68, "Kontoinhaber"), (70, 68, OURS_DE),
    (20, 74, "IBAN"), (70, 74, "DE68 1004 0000 0123 4567 00"),
    (20, 80, "Auftraggeber"), (70, 80, "Rheinland Antriebstechnik GmbH & Co. KG"),
    (20, 86, "IBAN Auftraggeber"), (70, 86, "DE57 3005 0110 1008 7654 32"),
    (20, 92, "Bank des Auftraggebers"), (70, 92, "Stadtsparkasse Düsseldorf"),
    (20, 98, "Betrag"), (70, 98, "4.250,00 EUR"),
    (20, 104, "Wertstellung"), (70, 104, "12.03.2026"),
    (20, 110, "Verwendungszweck"), (70, 110, "RE HR-DE-2602-031 KD-NR 10442"),
    (20, 124, "Dieser Beleg wurde maschinell erstellt und ist ohne Unterschrift gültig.", 7),
], [(20, 63, 190, 63), (20, 115, 190, 115)], "DV")
GUTSCHRIFT_T = {"bank": "Commerzbank", "payer_name": "Rheinland Antriebstechnik GmbH & Co. KG",
                "payer_account": "DE57300501101008765432", "payer_bank": "Stadtsparkasse Düsseldorf",
                "payee_name": OURS_DE, "payee_account": "DE68100400000123456700", "amount": "4250.00", "currency": "EUR",
                "value_date": "2026-03-12", "transaction_id": "GS-0312-44871", "memo": "RE HR-DE-2602-031 KD-NR 10442"}

# S17 Japanese 振込入金のお知らせ (三菱UFJ銀行): 振込依頼人 in katakana, 受取人, 振込金額 ¥ without decimals
FURIKOMI = ([
    (55, 16, "振込入金のお知らせ", 15), (150, 16, "三菱UFJ銀行", 10),
    (20, 28, OURS_JP + " 御中"), (20, 34, "下記のとおりお振込みがありましたのでお知らせいたします。", 8),
    (20, 45, "入金日"), (60, 45, "2026年3月31日"),
    (20, 52, "お取引店"), (60, 52, "東京営業部"),
    (20, 59, "口座"), (60, 59, "普通預金 1234567"),
    (20, 66, "受取人"), (60, 66, OURS_JP),
    (20, 73, "振込依頼人"), (60, 73, "カ）ヤマダセイキ"),
    (20, 80, "仕向銀行"), (60, 80, "みずほ銀行 大阪支店"),
    (20, 87, "振込金額"), (60, 87, "¥1,836,000"),
    (20, 94, "EDI情報"), (60, 94, "HRJ-INV-2603-008"),
    (20, 101, "照会番号"), (60, 101, "0331-77810452"),
    (20, 114, "株式会社三菱UFJ銀行", 8),
], grid(18, 40, 192, 105, (48.5, 55.5, 62.5, 69.5, 76.5, 83.5, 90.5, 97.5), (55,)), "WQ")
FURIKOMI_T = {"bank": "三菱UFJ銀行", "payer_name": "カ）ヤマダセイキ", "payer_bank": "みずほ銀行 大阪支店", "payee_name": OURS_JP,
              "payee_account": "1234567", "amount": "1836000", "currency": "JPY", "value_date": "2026-03-31",
              "transaction_id": "0331-77810452", "memo": "HRJ-INV-2603-008"}

RECEIPTS = {"s01_spdb_heading_row": (SPDB, SPDB_T), "s02_ceb_ours_theirs_credit": (CEB, CEB_T),
            "s03_hxb_ours_theirs_debit": (HXB, HXB_T), "s04_cgb_three_on_a_page": (CGB_PAGE, CGB_PAGE_T),
            "s05_bob_interbank_transfer": (BOB, BOB_T), "s06_bob_fee_receipt": (BOB_FEE, BOB_FEE_T),
            "s07_bosc_payee_first": (BOSC, BOSC_T), "s08_nbcb_vertical_roles": (NBCB, NBCB_T),
            "s09_jsb_bilingual_cr": (JSB, JSB_T), "s10_szrcb_credit_notice": (SZRCB, SZRCB_T),
            "s11_mt103_alliance_our": (MT103_OUR, MT103_OUR_T), "s12_mt103_table_ben": (MT103_BEN, MT103_BEN_T),
            "s13_citi_credit_advice": (CITI, CITI_T), "s14_ocbc_inward_tt": (OCBC, OCBC_T),
            "s15_dbs_sg_side_by_side": (DBSSG, DBSSG_T), "s16_gutschriftsanzeige": (GUTSCHRIFT, GUTSCHRIFT_T),
            "s17_furikomi_nyukin": (FURIKOMI, FURIKOMI_T)}


# ---- payers' remittance advices --------------------------------------------------------------------------------
def _table(x: list[float], top: float, rows: list[list[str]], step: float = 6.5, size: float = 8.5) -> list[tuple]:
    """Rows of cells at the columns ``x`` (a negative x right-aligns), the first row bold."""
    out = []
    for i, row in enumerate(rows):
        for cx, text in zip(x, row, strict=True):
            if text:
                out.append((cx, top + i * step, text, size, "DVB" if i == 0 else "DV"))
    return out


# A1 an English buyer's letter: letterhead, "Dear Sirs", 4 invoices, one short by a quality claim, total paid
ADV_EN = ([
    (20, 15, "BRIGHTON FLUID SYSTEMS LTD", 14, "DVB"), (20, 21, "Unit 4, Hove Business Park, Brighton BN3 7ES, United Kingdom", 7),
    (20, 34, "REMITTANCE ADVICE", 12, "DVB"),
    (20, 44, OURS_EN), (20, 49, "Accounts Receivable"),
    (130, 44, "Payment date:"), (160, 44, "26 March 2026"), (130, 49, "Remittance no.:"), (160, 49, "BFS-PAY-00871"),
    (20, 62, "Dear Sirs,"), (20, 68, "We have today transferred the amount below to your account with HSBC. The payment covers:", 8),
    *_table([20, 60, 95, -150, -180], 78, [
        ["Invoice No.", "Invoice Date", "Description", "Invoice Amount", "Amount Paid"],
        ["HR-EX-2602-061", "03 Feb 2026", "", "4,200.00", "4,200.00"],
        ["HR-EX-2602-074", "12 Feb 2026", "", "1,860.00", "1,860.00"],
        ["HR-EX-2603-002", "02 Mar 2026", "Quality claim QC-118", "3,150.00", "2,900.00"],
        ["HR-EX-2603-009", "06 Mar 2026", "", "975.50", "975.50"]]),
    (95, 112, "Total paid (GBP)", 9, "DVB"), (-180, 112, "9,935.50", 9, "DVB"),
    (20, 126, "Kind regards,"), (20, 132, "Accounts Payable, Brighton Fluid Systems Ltd"),
], [(20, 74, 190, 74), (20, 81, 190, 81), (20, 108, 190, 108)], "DV")
ADV_EN_T = {"payer_name": "BRIGHTON FLUID SYSTEMS LTD", "reference": "BFS-PAY-00871", "payment_date": "2026-03-26",
            "total": "9935.50", "currency": "GBP",
            "lines": [("HR-EX-2602-061", "4200.00"), ("HR-EX-2602-074", "1860.00"), ("HR-EX-2603-002", "2900.00"),
                      ("HR-EX-2603-009", "975.50")]}

# A2 a German buyer's Zahlungsavis letter: 3 invoices, Skonto on each, Zahlbetrag, "Mit freundlichen Grüßen"
ADV_DE = ([
    (20, 15, "Westfalen Hydraulik AG", 14, "DVB"), (20, 21, "Industriering 14 · 33689 Bielefeld · USt-IdNr. DE129384756", 7),
    (20, 34, "Zahlungsavis", 12, "DVB"),
    (20, 44, OURS_DE), (20, 49, "Königsallee 60, 40212 Düsseldorf"),
    (125, 44, "Avis-Nr.:"), (165, 44, "ZA-88412"), (125, 49, "Datum:"), (165, 49, "27.03.2026"),
    (125, 54, "Ausführungsdatum:"), (165, 54, "30.03.2026"),
    (20, 66, "Sehr geehrte Damen und Herren,"), (20, 72, "wir begleichen folgende Rechnungen unter Abzug von 2 % Skonto:", 8),
    *_table([20, 58, -120, -150, -180], 82, [
        ["Rechnung Nr.", "Rechnungsdatum", "Bruttobetrag", "Skonto", "Zahlbetrag"],
        ["HR-DE-2603-011", "05.03.2026", "2.380,00", "47,60", "2.332,40"],
        ["HR-DE-2603-014", "09.03.2026", "1.190,00", "23,80", "1.166,20"],
        ["HR-DE-2603-019", "16.03.2026", "5.712,00", "114,24", "5.597,76"]]),
    (58, 109, "Summe EUR", 9, "DVB"), (-120, 109, "9.282,00", 9, "DVB"), (-150, 109, "185,64", 9, "DVB"), (-180, 109, "9.096,36", 9, "DVB"),
    (20, 122, "Mit freundlichen Grüßen"), (20, 128, "Westfalen Hydraulik AG, Kreditorenbuchhaltung"),
], [(20, 78, 190, 78), (20, 85, 190, 85), (20, 105, 190, 105)], "DV")
ADV_DE_T = {"payer_name": "Westfalen Hydraulik AG", "reference": "ZA-88412", "payment_date": "2026-03-30",
            "total": "9096.36", "currency": "EUR",
            "lines": [("HR-DE-2603-011", "2332.40"), ("HR-DE-2603-014", "1166.20"), ("HR-DE-2603-019", "5597.76")]}

# A3 a Spanish buyer's aviso de pago: 5 invoices, one with a descuento for a rappel, the total in a line of its own
ADV_ES = ([
    (20, 15, "Talleres Levante Hidráulica S.A.", 14, "DVB"), (20, 21, "Polígono Industrial Fuente del Jarro, 46988 Paterna (Valencia) · CIF A46123456", 7),
    (20, 34, "AVISO DE PAGO", 12, "DVB"),
    (20, 44, "Proveedor:"), (45, 44, OURS_EN),
    (130, 44, "Nº de pago:"), (160, 44, "TLH-2026-0331"), (130, 49, "Fecha de pago:"), (160, 49, "31/03/2026"),
    (20, 60, "Estimados señores:"), (20, 66, "Les comunicamos que hemos ordenado la transferencia de las siguientes facturas:", 8),
    *_table([20, 55, -115, -145, -180], 76, [
        ["Nº de factura", "Fecha factura", "Importe factura", "Descuento", "Importe pagado"],
        ["HR-EX-2602-081", "14/02/2026", "1.420,00", "", "1.420,00"],
        ["HR-EX-2602-086", "19/02/2026", "2.035,00", "", "2.035,00"],
        ["HR-EX-2603-003", "03/03/2026", "3.300,00", "66,00", "3.234,00"],
        ["HR-EX-2603-010", "09/03/2026", "880,00", "", "880,00"],
        ["HR-EX-2603-016", "13/03/2026", "1.615,40", "", "1.615,40"]]),
    (20, 116, "Motivo del descuento: rappel por volumen 2 % (factura HR-EX-2603-003)", 8),
    (55, 124, "Total pagado (EUR)", 9, "DVB"), (-180, 124, "9.184,40", 9, "DVB"),
    (20, 138, "Atentamente,"), (20, 144, "Departamento de Contabilidad"),
], [(20, 72, 190, 72), (20, 79, 190, 79), (20, 111, 190, 111)], "DV")
ADV_ES_T = {"payer_name": "Talleres Levante Hidráulica S.A.", "reference": "TLH-2026-0331", "payment_date": "2026-03-31",
            "total": "9184.40", "currency": "EUR",
            "lines": [("HR-EX-2602-081", "1420.00"), ("HR-EX-2602-086", "2035.00"), ("HR-EX-2603-003", "3234.00"),
                      ("HR-EX-2603-010", "880.00"), ("HR-EX-2603-016", "1615.40")]}

# A4 an ERP's payment advice note (SAP-like): vendor number, document numbers, Reference = the invoice, cash discount
ADV_SAP = ([
    (20, 15, "NORDSTAHL Components GmbH", 13, "DVB"), (130, 15, "Company code 1000", 8),
    (20, 26, "Payment advice note", 12, "DVB"),
    (20, 36, "Vendor"), (55, 36, "200417"), (20, 41, "Name"), (55, 41, OURS_EN),
    (140, 36, "Payment doc."), (168, 36, "1500004412"), (140, 41, "Payment date"), (168, 41, "01.04.2026"),
    (140, 46, "Currency"), (168, 46, "EUR"),
    (20, 54, "We have paid the following items by bank transfer:", 8),
    *_table([20, 45, 78, -135, -160, -188], 62, [
        ["Doc. no.", "Reference", "Doc. date", "Gross amount", "Cash discount", "Net amount"],
        ["5100018801", "HR-DE-2603-021", "10.03.2026", "3.570,00", "71,40", "3.498,60"],
        ["5100018836", "HR-DE-2603-027", "17.03.2026", "1.249,50", "24,99", "1.224,51"],
        ["5100018874", "HR-DE-2603-030", "20.03.2026", "892,50", "0,00", "892,50"],
        ["5100018902", "HR-DE-2603-033", "24.03.2026", "2.142,00", "42,84", "2.099,16"]], step=6, size=8),
    (20, 93, "Total", 9, "DVB"), (-135, 93, "7.854,00", 9, "DVB"), (-160, 93, "139,23", 9, "DVB"), (-188, 93, "7.714,77", 9, "DVB"),
], [(20, 58, 190, 58), (20, 65, 190, 65), (20, 89, 190, 89)], "DV")
ADV_SAP_T = {"payer_name": "NORDSTAHL Components GmbH", "reference": "1500004412", "payment_date": "2026-04-01",
             "total": "7714.77", "currency": "EUR",
             "lines": [("HR-DE-2603-021", "3498.60"), ("HR-DE-2603-027", "1224.51"), ("HR-DE-2603-030", "892.50"),
                       ("HR-DE-2603-033", "2099.16")]}

ADVICE_PDFS = {"a1_letter_en": (ADV_EN, ADV_EN_T), "a2_zahlungsavis_letter": (ADV_DE, ADV_DE_T),
               "a3_aviso_de_pago": (ADV_ES, ADV_ES_T), "a4_sap_payment_advice_note": (ADV_SAP, ADV_SAP_T)}


def _html_table(rows: list[list[str]]) -> str:
    head, *body = rows
    cells = "".join(f"<th style='border:1px solid #999'>{h}</th>" for h in head)
    out = [f"<table cellpadding='4' style='border-collapse:collapse'><thead><tr>{cells}</tr></thead><tbody>"]
    for row in body:
        out.append("<tr>" + "".join(f"<td style='border:1px solid #999'>{c}</td>" for c in row) + "</tr>")
    return "".join(out) + "</tbody></table>"


def advice_eml_en() -> bytes:
    """An English payer's e-mail, HTML only (no text part): the header fields in paragraphs, the invoices in a
    <table>, a total row in the table's last row."""
    msg = EmailMessage()
    msg["From"] = "AP Team <ap@lakeshore-motion.com>"
    msg["To"] = "ar@hengrui.example"
    msg["Subject"] = "Remittance Advice - Payment LMC-EFT-30422"
    table = _html_table([["Invoice Number", "Invoice Date", "Invoice Amount", "Deduction", "Amount Paid"],
                         ["HR-EX-2603-005", "03/04/2026", "6,250.00", "", "6,250.00"],
                         ["HR-EX-2603-013", "03/11/2026", "2,480.00", "35.00", "2,445.00"],
                         ["HR-EX-2603-018", "03/16/2026", "1,130.00", "", "1,130.00"],
                         ["<b>Total</b>", "", "9,860.00", "35.00", "<b>9,825.00</b>"]])
    msg.set_content("<html><body><p>Hello,</p><p>Please find below our remittance advice.</p>"
                    "<p><b>Payer:</b> Lakeshore Motion Controls Inc.<br><b>Payment reference:</b> LMC-EFT-30422<br>"
                    "<b>Payment date:</b> 03/27/2026<br><b>Currency:</b> USD</p>" + table +
                    "<p>Deduction on HR-EX-2603-013: wire fee charged by our bank.</p><p>Best regards,<br>"
                    "Accounts Payable</p></body></html>", subtype="html")
    return bytes(msg)


def advice_eml_zh() -> bytes:
    """A Chinese payer's e-mail (multipart: a short text part and the HTML with the table): 付款通知, 发票号码 / 金额."""
    msg = EmailMessage()
    msg["From"] = "财务部 <cw@ningbo-kaitai.example>"
    msg["To"] = "finance@hengrui.example"
    msg["Subject"] = "付款通知 KT-FK-260330"
    msg.set_content("您好，本次付款明细见HTML正文。")
    table = _html_table([["序号", "发票号码", "开票日期", "发票金额", "扣款金额", "扣款原因", "本次付款"],
                         ["1", "26322000000184210573", "2026-03-02", "33,900.00", "", "", "33,900.00"],
                         ["2", "26322000000184210598", "2026-03-09", "12,430.00", "430.00", "质量扣款", "12,000.00"],
                         ["3", "26322000000184210611", "2026-03-15", "8,475.00", "", "", "8,475.00"]])
    msg.add_alternative("<html><body><p>尊敬的" + OURS + "：</p><p>付款单位：宁波开泰汽车配件有限公司<br>"
                        "付款单号：KT-FK-260330<br>付款日期：2026年3月30日<br>币种：人民币</p>" + table +
                        "<p>付款合计：¥54,375.00</p><p>此致</p><p>宁波开泰汽车配件有限公司 财务部</p></body></html>",
                        subtype="html")
    return bytes(msg)


ADV_EML_EN_T = {"payer_name": "Lakeshore Motion Controls Inc.", "reference": "LMC-EFT-30422", "payment_date": "2026-03-27",
                "total": "9825.00", "currency": "USD",
                "lines": [("HR-EX-2603-005", "6250.00"), ("HR-EX-2603-013", "2445.00"), ("HR-EX-2603-018", "1130.00")]}
ADV_EML_ZH_T = {"payer_name": "宁波开泰汽车配件有限公司", "reference": "KT-FK-260330", "payment_date": "2026-03-30",
                "total": "54375.00", "currency": "CNY",
                "lines": [("26322000000184210573", "33900.00"), ("26322000000184210598", "12000.00"),
                          ("26322000000184210611", "8475.00")]}
ADVICE_EMLS = {"a5_html_email_en": (advice_eml_en, ADV_EML_EN_T), "a6_html_email_zh": (advice_eml_zh, ADV_EML_ZH_T)}


# ---- a second round, written after the fixes, in wordings and shapes they were not made for -----------------
# T1 中信银行 电子回单: a heading row 付款方 | 收款方 over 名称/账号/开户行 label-value pairs, 交易金额 with 大写
CITIC = ([
    (65, 16, "中信银行 电子回单", 15), (15, 26, "回单编号：CITIC0402000315", 8), (140, 26, "交易日期：2026年04月02日", 8),
    (50, 35, "付款方"), (140, 35, "收款方"),
    (17, 43, "名称"), (35, 43, "绍兴柯桥恒美纺织机械有限公司", 8), (107, 43, "名称"), (125, 43, OURS, 7),
    (17, 51, "账号"), (35, 51, "8110 8010 1390 0012 345"), (107, 51, "账号"), (125, 51, "97150078801234567"),
    (17, 59, "开户行"), (35, 59, "中信银行绍兴柯桥支行", 8), (107, 59, "开户行"), (125, 59, "上海浦东发展银行苏州分行", 8),
    (17, 67, "交易金额"), (35, 67, "¥19,450.00"), (107, 67, "大写"), (125, 67, "壹万玖仟肆佰伍拾元整"),
    (17, 75, "附言"), (35, 75, "HR-INV-260322 配件款"), (107, 75, "交易流水号"), (125, 75, "CITIC2604020088123"),
], grid(15, 30, 195, 79, (39, 47, 55, 63, 71), (33, 105, 123)), "WQ")
CITIC_T = {"bank": "中信银行", "payer_name": "绍兴柯桥恒美纺织机械有限公司", "payer_account": "8110801013900012345",
           "payer_bank": "中信银行绍兴柯桥支行", "payee_name": OURS, "payee_account": "97150078801234567",
           "payee_bank": "上海浦东发展银行苏州分行", "amount": "19450.00", "currency": "CNY", "value_date": "2026-04-02",
           "transaction_id": "CITIC2604020088123", "memo": "HR-INV-260322 配件款"}

# T2 a Sparkasse Gutschrift (Zahlungspflichtiger, Empfänger, Buchungstag / Wert, Betrag in EUR before the figure)
SPK = ([
    (20, 15, "Sparkasse Düsseldorf", 15, "DVB"),
    (20, 28, "Gutschrift", 12, "DVB"), (130, 28, "Auszug 3 / Blatt 1", 8),
    (20, 38, "Empfänger"), (70, 38, OURS_DE),
    (20, 44, "IBAN"), (70, 44, "DE68 1004 0000 0123 4567 00"),
    (20, 50, "Zahlungspflichtiger"), (70, 50, "Niederrhein Fördertechnik AG"),
    (20, 56, "IBAN des Zahlungspflichtigen"), (70, 56, "DE57 3005 0110 1008 7654 32"),
    (20, 62, "Buchungstag"), (70, 62, "20.03.2026"), (120, 62, "Wert"), (140, 62, "20.03.2026"),
    (20, 68, "Betrag"), (70, 68, "EUR 12.118,60"),
    (20, 74, "Verwendungszweck"), (70, 74, "RG HR-DE-2603-024 ABZGL. SKONTO"),
    (20, 80, "Referenz"), (70, 80, "SPK2003261144"),
], [(20, 33, 190, 33), (20, 85, 190, 85)], "DV")
SPK_T = {"bank": "Sparkasse Düsseldorf", "payer_name": "Niederrhein Fördertechnik AG", "payer_account": "DE57300501101008765432",
         "payee_name": OURS_DE, "payee_account": "DE68100400000123456700", "amount": "12118.60", "currency": "EUR",
         "value_date": "2026-03-20", "transaction_id": "SPK2003261144", "memo": "RG HR-DE-2603-024 ABZGL. SKONTO"}

# T3 an MT103 print with tags after a blank (` 50F: Ordering Customer`), 59F with 1/ 2/ lines, SHA
MT103_SHA = ([
    (20, 15, "SWIFT MT103 Output", 12, "DVB"), (20, 22, "Receiver: SCBLHKHHXXX STANDARD CHARTERED BANK (HONG KONG) LTD", 8),
    (22, 32, "20: Sender's Reference", 8), (40, 37, "SEB260407-1181", 8),
    (22, 43, "32A: Value Date/Currency/Interbank Settled Amount", 8), (40, 48, "Date : 07 April 2026", 8),
    (40, 53, "Currency : SEK (SWEDISH KRONA)", 8), (40, 58, "Amount : #86,400.00#", 8),
    (22, 64, "50F: Ordering Customer-Party Identifier", 8), (40, 69, "/SE4550000000058398257466", 8),
    (40, 74, "1/NORDIC TOOLS AB", 8), (40, 79, "2/BOX 221", 8),
    (22, 85, "59F: Beneficiary Customer - Party Identifier", 8), (40, 90, "/447-0-123456-9", 8),
    (40, 95, "1/SUZHOU HENGRUI PRECISION HARDWARE CO LTD", 8), (40, 100, "2/WING ON CENTRE HONG KONG", 8),
    (22, 106, "70: Remittance Information", 8), (40, 111, "INV HR-EX-2603-027", 8),
    (22, 117, "71A: Details of Charges", 8), (40, 122, "SHA", 8),
], [], "DV")
MT103_SHA_T = {"payer_name": "NORDIC TOOLS AB", "payer_account": "SE4550000000058398257466",
               "payee_name": "SUZHOU HENGRUI PRECISION HARDWARE CO LTD", "payee_account": "44701234569",
               "amount": "86400.00", "currency": "SEK", "value_date": "2026-04-07", "transaction_id": "SEB260407-1181",
               "memo": "INV HR-EX-2603-027"}


# T4 恒丰银行: two 客户回单 on one page, we pay in the second (付款人 = us)
def _hfb(top: float, no: str, payer: tuple[str, str], payee: tuple[str, str], amount: str, memo: str) -> tuple:
    y = top
    items = [(75, y + 6, "恒丰银行 客户回单", 12), (15, y + 13, f"回单号：{no}", 7), (140, y + 13, "日期：2026-04-08", 7),
             (17, y + 21, "付款人名称：" + payer[0], 8), (110, y + 21, "付款人账号：" + payer[1], 8),
             (17, y + 28, "收款人名称：" + payee[0], 8), (110, y + 28, "收款人账号：" + payee[1], 8),
             (17, y + 35, "金额：CNY " + amount, 8), (110, y + 35, "用途：" + memo, 8)]
    return items, [(15, y + 16, 195, y + 16), (15, y + 39, 195, y + 39)]


_HFB = [_hfb(10, "HF0408000031", ("烟台开发区海昌机械有限公司", "8530 1010 1220 0345 67"), (OURS, "3101 0000 1234 5678 901"),
             "7,300.00", "HR-INV-260330"),
        _hfb(80, "HF0408000032", (OURS, "3101 0000 1234 5678 901"), ("烟台福山顺达物流有限公司", "8530 1010 1220 0999 01"),
             "1,260.00", "运费 4月")]
HFB_PAGE = ([i for r in _HFB for i in r[0]], [x for r in _HFB for x in r[1]], "WQ")
HFB_PAGE_ALL = [
    {"bank": "恒丰银行", "payer_name": "烟台开发区海昌机械有限公司", "payer_account": "853010101220034567", "payee_name": OURS,
     "payee_account": "3101000012345678901", "amount": "7300.00", "currency": "CNY", "value_date": "2026-04-08",
     "transaction_id": "HF0408000031", "memo": "HR-INV-260330"},
    {"bank": "恒丰银行", "payer_name": OURS, "payer_account": "3101000012345678901", "payee_name": "烟台福山顺达物流有限公司",
     "payee_account": "853010101220099901", "amount": "1260.00", "currency": "CNY", "value_date": "2026-04-08",
     "transaction_id": "HF0408000032", "memo": "运费 4月"}]

ROUND2 = {"t1_citic_heading_row": (CITIC, CITIC_T), "t2_sparkasse_gutschrift": (SPK, SPK_T),
          "t3_mt103_alliance_sha": (MT103_SHA, MT103_SHA_T), "t4_hfb_two_on_a_page": (HFB_PAGE, HFB_PAGE_ALL[0])}


def advice_eml_de() -> bytes:
    """A German payer's e-mail, HTML only: Zahlungsavis with a Rechnungsnummer/Bruttobetrag/Abzug/Zahlbetrag table
    and a note under it giving the reason of a deduction."""
    msg = EmailMessage()
    msg["From"] = "Kreditoren <kreditoren@harz-antriebe.example>"
    msg["To"] = "buchhaltung@hengrui-europe.example"
    msg["Subject"] = "Zahlungsavis ZV-2026-0415"
    table = _html_table([["Rechnungsnummer", "Rechnungsdatum", "Bruttobetrag", "Abzug", "Zahlbetrag"],
                         ["HR-DE-2603-041", "02.03.2026", "1.785,00", "", "1.785,00"],
                         ["HR-DE-2603-047", "11.03.2026", "2.499,00", "120,00", "2.379,00"],
                         ["HR-DE-2603-052", "18.03.2026", "654,50", "", "654,50"]])
    msg.set_content("<html><body><p>Sehr geehrte Damen und Herren,</p><p>Zahler: Harz Antriebe GmbH<br>"
                    "Zahlungsreferenz: ZV-2026-0415<br>Zahlungsdatum: 15.04.2026<br>Währung: EUR</p>" + table +
                    "<p>Abzug zu HR-DE-2603-047: Reklamation beschädigte Lieferung.</p><p>Gesamtbetrag: 4.818,50 EUR</p>"
                    "<p>Mit freundlichen Grüßen<br>Harz Antriebe GmbH</p></body></html>", subtype="html")
    return bytes(msg)


ADV_EML_DE_T = {"payer_name": "Harz Antriebe GmbH", "reference": "ZV-2026-0415", "payment_date": "2026-04-15",
                "total": "4818.50", "currency": "EUR",
                "lines": [("HR-DE-2603-041", "1785.00"), ("HR-DE-2603-047", "2379.00"), ("HR-DE-2603-052", "654.50")]}
ADVICE_EMLS_ROUND2 = {"t5_html_email_de": (advice_eml_de, ADV_EML_DE_T)}
