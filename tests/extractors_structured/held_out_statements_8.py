"""The eighth held-out set of statement exports (issue 14), written by hand in the shapes banks export, of banks
and shapes no earlier set had: Central European banks in Windows-1250 (Fio and Česká spořitelna in Czech, Tatra
banka in Slovak, OTP in Hungarian, Zagrebačka banka in Croatian, NLB in Slovenian), Sberbank in Windows-1251,
Garanti BBVA in Windows-1254, ABN AMRO's headerless tab text with ``20260302`` dates, Société Générale with a
no-break space between thousands, Nordea (Swedish), Danske Bank (Danish), Intesa Sanpaolo (Italian xlsx),
Vietcombank (VND without decimals, ``12.500.000``), Itaú (Brazilian ``R$``), 中国银行 with ``20260302`` dates, a
农商行 xlsx whose dates are Excel serial numbers, a card statement with the original amount and currency beside
the billed one, and 신한은행 in EUC-KR.

Each entry: ``(file name, how, content, encoding, truth, account)``; ``truth`` is one ``(date, signed amount,
currency or None, counterparty or "*" where none is printed, memo or "", balance or None)`` per transaction in
file order (see :func:`tests.extractors_structured.exports.assert_reads`)."""

from __future__ import annotations

# E1 Fio banka (CZ) csv export, cp1250, ';': a preamble of labels (accountId, bankId, currency, IBAN, opening
# balance), Objem signed with a decimal comma, Protiúčet/Kód banky, VS/KS, Zpráva pro příjemce, Název protiúčtu
E1 = ("\"accountId\";\"2401234567\"\n\"bankId\";\"2010\"\n\"currency\";\"CZK\"\n\"iban\";\"CZ6520100000002401234567\"\n"
      "\"bic\";\"FIOBCZPPXXX\"\n\"openingBalance\";\"184 250,00\"\n\"closingBalance\";\"236 937,80\"\n"
      "\"dateStart\";\"01.03.2026\"\n\"dateEnd\";\"31.03.2026\"\n\n"
      "\"ID pohybu\";\"Datum\";\"Objem\";\"Měna\";\"Protiúčet\";\"Název protiúčtu\";\"Kód banky\";\"Název banky\";\"KS\";"
      "\"VS\";\"SS\";\"Uživatelská identifikace\";\"Zpráva pro příjemce\";\"Typ\";\"Provedl\";\"Upřesnění\";\"Komentář\"\n"
      "\"26123456001\";\"02.03.2026\";\"62 500,00\";\"CZK\";\"1234567890\";\"Řeznictví Dvořák s.r.o.\";\"0800\";"
      "\"Česká spořitelna, a.s.\";\"0308\";\"2026017\";\"\";\"\";\"Úhrada faktury č. 2026017\";\"Bezhotovostní příjem\";"
      "\"\";\"\";\"\"\n"
      "\"26123456002\";\"05.03.2026\";\"-8 412,20\";\"CZK\";\"2900123456\";\"Přepravní služby Čížek\";\"2010\";"
      "\"Fio banka, a.s.\";\"\";\"5512\";\"\";\"Doprava březen\";\"Doprava březen\";\"Bezhotovostní platba\";"
      "\"Jiří Novák\";\"\";\"\"\n"
      "\"26123456003\";\"31.03.2026\";\"-1 400,00\";\"CZK\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"Poplatek za vedení účtu\";"
      "\"\";\"Poplatek\";\"\";\"\";\"\"\n")
E1_T = [("2026-03-02", "62500.00", "CZK", "Řeznictví Dvořák s.r.o.", "Úhrada faktury č. 2026017", None),
        ("2026-03-05", "-8412.20", "CZK", "Přepravní služby Čížek", "Doprava březen", None),
        ("2026-03-31", "-1400.00", "CZK", "*", "Poplatek za vedení účtu", None)]

# E2 Česká spořitelna business (Business 24) csv, cp1250, ';': Datum zaúčtování, Částka, Měna, Název protistrany,
# Zůstatek, the account in the preamble
E2 = ("Výpis z účtu;0312345678/0800\nObdobí;01.03.2026 - 31.03.2026\nMěna účtu;CZK\n\n"
      "Datum zaúčtování;Datum splatnosti;Částka;Měna;Zůstatek;Číslo protiúčtu;Název protistrany;Variabilní symbol;"
      "Popis transakce;Zpráva pro příjemce\n"
      "03.03.2026;03.03.2026;45 000,00;CZK;145 000,00;2400112233/2010;Kovovýroba Šťastný a syn;2026020;"
      "Příchozí platba;Záloha na zboží\n"
      "10.03.2026;10.03.2026;-12 350,50;CZK;132 649,50;1002003004/0100;Účetní kancelář Růžička;8841;"
      "Odchozí platba;Účetní služby únor\n"
      "31.03.2026;31.03.2026;-199,00;CZK;132 450,50;;;;Poplatek za správu účtu;\n")
E2_T = [("2026-03-03", "45000.00", "CZK", "Kovovýroba Šťastný a syn", "Záloha na zboží", "145000.00"),
        ("2026-03-10", "-12350.50", "CZK", "Účetní kancelář Růžička", "Účetní služby únor", "132649.50"),
        ("2026-03-31", "-199.00", "CZK", "*", "Poplatek za správu účtu", "132450.50")]

# E3 Tatra banka (SK) csv, cp1250, ';': Dátum zaúčtovania, Suma, Mena, Názov protiúčtu, Správa pre prijímateľa
E3 = ("Číslo účtu;SK3111000000002612345678\nMena;EUR\n\n"
      "Dátum zaúčtovania;Dátum valuty;Suma;Mena;Protiúčet;Názov protiúčtu;VS;Správa pre prijímateľa;Zostatok\n"
      "02.03.2026;02.03.2026;4 250,00;EUR;SK8975000000000012345671;Ľubovnianske strojárne s.r.o.;260301;"
      "Úhrada faktúry 260301;18 250,00\n"
      "09.03.2026;09.03.2026;-612,40;EUR;SK1202000000001234567890;Slovenský plynárenský podnik;;Záloha plyn marec;"
      "17 637,60\n"
      "31.03.2026;31.03.2026;-9,90;EUR;;;;Poplatok za vedenie účtu;17 627,70\n")
E3_T = [("2026-03-02", "4250.00", "EUR", "Ľubovnianske strojárne s.r.o.", "Úhrada faktúry 260301", "18250.00"),
        ("2026-03-09", "-612.40", "EUR", "Slovenský plynárenský podnik", "Záloha plyn marec", "17637.60"),
        ("2026-03-31", "-9.90", "EUR", "*", "Poplatok za vedenie účtu", "17627.70")]

# E4 OTP Bank (HU) csv, cp1250, ';': Könyvelés dátuma, Összeg with a space between thousands and no decimals (HUF),
# Partner neve, Közlemény, Egyenleg
E4 = ("Számlaszám;11773016-01234567-00000000\nDevizanem;HUF\n\n"
      "Könyvelés dátuma;Értéknap;Tranzakció típusa;Összeg;Partner neve;Partner számlaszáma;Közlemény;Egyenleg\n"
      "2026.03.02;2026.03.02;Átutalás jóváírás;1 250 000;Főnix Gépgyártó Kft.;10918001-00000012-34560001;"
      "Számla kiegyenlítése 2026/031;3 750 000\n"
      "2026.03.11;2026.03.11;Átutalás terhelés;-312 450;Győri Szállítmányozási Zrt.;11600006-00000000-12345678;"
      "Fuvardíj február;3 437 550\n"
      "2026.03.31;2026.03.31;Számlavezetési díj;-4 990;;;Havi díj;3 432 560\n")
E4_T = [("2026-03-02", "1250000", "HUF", "Főnix Gépgyártó Kft.", "Számla kiegyenlítése 2026/031", "3750000"),
        ("2026-03-11", "-312450", "HUF", "Győri Szállítmányozási Zrt.", "Fuvardíj február", "3437550"),
        ("2026-03-31", "-4990", "HUF", "*", "Havi díj", "3432560")]

# E5 Zagrebačka banka (HR) csv, cp1250, ';': Datum knjiženja, Isplata / Uplata, Naziv platitelja/primatelja, Opis
E5 = ("Račun;HR1723600001101234565\nValuta;EUR\n\n"
      "Datum knjiženja;Datum valute;Naziv platitelja/primatelja;Opis plaćanja;Poziv na broj;Isplata;Uplata;Stanje\n"
      "03.03.2026;03.03.2026;Đurđević Metal d.o.o.;Plaćanje računa 26-014;HR00 26014;;3.180,00;12.180,00\n"
      "12.03.2026;12.03.2026;Hrvatska elektroprivreda d.d.;Račun za struju veljača;HR01 4455;214,37;;11.965,63\n"
      "31.03.2026;31.03.2026;;Naknada za vođenje računa;;6,50;;11.959,13\n")
E5_T = [("2026-03-03", "3180.00", "EUR", "Đurđević Metal d.o.o.", "Plaćanje računa 26-014", "12180.00"),
        ("2026-03-12", "-214.37", "EUR", "Hrvatska elektroprivreda d.d.", "Račun za struju veljača", "11965.63"),
        ("2026-03-31", "-6.50", "EUR", "*", "Naknada za vođenje računa", "11959.13")]

# E6 NLB (SI) csv, cp1250, ';': Datum, Breme / Dobro, Prejemnik/Plačnik, Namen, Stanje
E6 = ("Transakcijski račun;SI56 0201 0001 2345 678\nValuta;EUR\n\n"
      "Datum;Prejemnik/Plačnik;Namen;Referenca;Breme;Dobro;Stanje\n"
      "04.03.2026;Žičnica Kranj d.o.o.;Plačilo računa 1402;SI00 1402;;2.640,00;9.640,00\n"
      "16.03.2026;Telekom Slovenije d.d.;Račun za storitve februar;SI12 998877;58,90;;9.581,10\n"
      "31.03.2026;;Nadomestilo za vodenje računa;;4,20;;9.576,90\n")
E6_T = [("2026-03-04", "2640.00", "EUR", "Žičnica Kranj d.o.o.", "Plačilo računa 1402", "9640.00"),
        ("2026-03-16", "-58.90", "EUR", "Telekom Slovenije d.d.", "Račun za storitve februar", "9581.10"),
        ("2026-03-31", "-4.20", "EUR", "*", "Nadomestilo za vodenje računa", "9576.90")]

# E7 Сбербанк Бизнес Онлайн (RU) csv, cp1251, ';': Дата проводки, Дебет / Кредит, Контрагент, Назначение платежа
E7 = ("Выписка по счёту;40702810900000012345\nВалюта;RUB\nПериод;01.03.2026 - 31.03.2026\n\n"
      "Дата проводки;Номер документа;Дебет;Кредит;Контрагент;ИНН контрагента;Назначение платежа\n"
      "02.03.2026;148;;1 250 000,00;ООО \"Техснаб-Урал\";6670123456;Оплата по счёту № 26-031 за станки\n"
      "06.03.2026;57;84 300,00;;АО \"Деловые Линии\";7826156685;Оплата за перевозку груза по договору 12/Д\n"
      "31.03.2026;;1 490,00;;;;Комиссия за ведение счёта\n")
E7_T = [("2026-03-02", "1250000.00", "RUB", 'ООО "Техснаб-Урал"', "Оплата по счёту № 26-031", None),
        ("2026-03-06", "-84300.00", "RUB", 'АО "Деловые Линии"', "Оплата за перевозку груза", None),
        ("2026-03-31", "-1490.00", "RUB", "*", "Комиссия за ведение счёта", None)]

# E8 Garanti BBVA (TR) csv, cp1254, ';': Tarih, Açıklama, Tutar, Bakiye (1.250,00 TL)
E8 = ("Hesap No;TR330006200012345678901234\nDöviz Cinsi;TRY\n\n"
      "Tarih;Açıklama;Karşı Taraf;Tutar;Bakiye;Dekont No\n"
      "03.03.2026;Gelen EFT fatura ödemesi 2026-044;Özdemir Makine Sanayi Ltd. Şti.;48.500,00;148.500,00;91234\n"
      "10.03.2026;Giden havale kira Mart;Işık Gayrimenkul A.Ş.;-22.000,00;126.500,00;91235\n"
      "31.03.2026;Hesap işletim ücreti;;-125,00;126.375,00;91236\n")
E8_T = [("2026-03-03", "48500.00", "TRY", "Özdemir Makine Sanayi Ltd. Şti.", "fatura ödemesi 2026-044", "148500.00"),
        ("2026-03-10", "-22000.00", "TRY", "Işık Gayrimenkul A.Ş.", "kira Mart", "126500.00"),
        ("2026-03-31", "-125.00", "TRY", "*", "Hesap işletim ücreti", "126375.00")]

# E9 ABN AMRO TXT download: tab separated, no header row, account, currency, yyyymmdd dates, balances before and
# after, a decimal comma, the description in fixed-width pieces
E9 = ("541234567\tEUR\t20260302\t12500,00\t14950,00\t20260302\t2450,00\t/TRTP/SEPA OVERBOEKING/IBAN/"
      "NL91ABNA0417164300/BIC/ABNANL2A/NAME/VAN DIJK TECHNIEK BV/REMI/FACTUUR 2026-118/EREF/NOTPROVIDED\n"
      "541234567\tEUR\t20260305\t14950,00\t14125,50\t20260305\t-824,50\t/TRTP/SEPA Incasso algemeen doorlopend/"
      "CSID/NL12ZZZ123456780000/NAME/ENECO ZAKELIJK/MARF/123456789/REMI/Termijnbedrag maart/IBAN/NL45RABO0123456789\n"
      "541234567\tEUR\t20260331\t14125,50\t14113,25\t20260331\t-12,25\tABN AMRO Bank N.V.               "
      "Basic Package               12,25\n")
E9_T = [("2026-03-02", "2450.00", "EUR", "VAN DIJK TECHNIEK BV", "FACTUUR 2026-118", "14950.00"),
        ("2026-03-05", "-824.50", "EUR", "ENECO ZAKELIJK", "Termijnbedrag maart", "14125.50"),
        ("2026-03-31", "-12.25", "EUR", "*", "Basic Package", "14113.25")]

# E10 Société Générale (FR) csv, cp1252, ';': a no-break space between thousands (12 500,00), Débit / Crédit
_NB = "\u00a0"
E10 = (f"=\"FR16 3000 3012 3400 0501 2345 678\";Compte courant professionnel;Solde au 31/03/2026;41{_NB}812,40 EUR\n\n"
       "Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise\n"
       f"02/03/2026;VIR RECU 4471;DE: ATELIERS MECANIQUES DURAND MOTIF: FACTURE F26-0412;12{_NB}500,00;EUR\n"
       "06/03/2026;PRELEVEMENT EUROPEEN;DE: URSSAF ILE DE FRANCE ID EMETTEUR: FR46ZZZ005002 MOTIF: COTISATIONS FEVRIER;"
       f"-3{_NB}218,75;EUR\n"
       "31/03/2026;FRAIS BANCAIRES;COMMISSION DE TENUE DE COMPTE;-18,90;EUR\n")
E10_T = [("2026-03-02", "12500.00", "EUR", "ATELIERS MECANIQUES DURAND", "FACTURE F26-0412", None),
         ("2026-03-06", "-3218.75", "EUR", "URSSAF ILE DE FRANCE", "COTISATIONS FEVRIER", None),
         ("2026-03-31", "-18.90", "EUR", "*", "TENUE DE COMPTE", None)]

# E11 Nordea Business (SE) csv, UTF-8 with BOM, ';': Bokföringsdag, Belopp, Avsändare, Mottagare, Namn, Rubrik,
# Saldo, Valuta; dates 2026/03/02
E11 = ("Bokföringsdag;Belopp;Avsändare;Mottagare;Namn;Rubrik;Meddelande;Egna anteckningar;Saldo;Valuta\n"
       "2026/03/02;48 500,00;5566778899;3300 12 34567;Svensk Verktygsteknik AB;Bankgiro inbetalning;Faktura 26031;;"
       "148 500,00;SEK\n"
       "2026/03/09;-6 250,00;3300 12 34567;5050-1055;Ellevio AB;Betalning BG 5050-1055;El februari;;142 250,00;SEK\n"
       "2026/03/31;-95,00;3300 12 34567;;;Månadsavgift;;;142 155,00;SEK\n")
E11_T = [("2026-03-02", "48500.00", "SEK", "Svensk Verktygsteknik AB", "Faktura 26031", "148500.00"),
         ("2026-03-09", "-6250.00", "SEK", "Ellevio AB", "El februari", "142250.00"),
         ("2026-03-31", "-95.00", "SEK", "*", "Månadsavgift", "142155.00")]

# E12 Danske Bank Erhverv (DK) csv, cp1252, ';': Dato, Tekst, Beløb, Saldo, Status, Afstemt; the currency only in
# the file's first line
E12 = ("Konto;3409-12345678;Valuta;DKK\n"
       "\"Dato\";\"Tekst\";\"Beløb\";\"Saldo\";\"Status\";\"Afstemt\"\n"
       "\"02.03.2026\";\"Overførsel fra Nørgaard Maskinfabrik ApS Fak. 2026-77\";\"36.250,00\";\"136.250,00\";"
       "\"Udført\";\"Nej\"\n"
       "\"09.03.2026\";\"Betalingsservice Ørsted Salg & Service\";\"-4.118,60\";\"132.131,40\";\"Udført\";\"Nej\"\n"
       "\"31.03.2026\";\"Gebyr kontoførelse\";\"-75,00\";\"132.056,40\";\"Udført\";\"Nej\"\n")
E12_T = [("2026-03-02", "36250.00", "DKK", "*", "Fak. 2026-77", "136250.00"),
         ("2026-03-09", "-4118.60", "DKK", "*", "Ørsted", "132131.40"),
         ("2026-03-31", "-75.00", "DKK", "*", "Gebyr kontoførelse", "132056.40")]

# E13 Intesa Sanpaolo (IT) xlsx: a preamble, Data contabile / Data valuta, Descrizione, Accrediti / Addebiti,
# Divisa; the party in the text (ORD: / BEN:)
E13 = [["Intesa Sanpaolo", None, None, None, None, None],
       ["Conto corrente", "IT60X0306909606100000123456", None, None, None, None],
       ["Lista movimenti dal 01/03/2026 al 31/03/2026", None, None, None, None, None],
       [None, None, None, None, None, None],
       ["Data contabile", "Data valuta", "Descrizione", "Accrediti", "Addebiti", "Divisa"],
       ["02/03/2026", "02/03/2026", "BONIFICO A VOSTRO FAVORE ORD: OFFICINE MECCANICHE BRAMBILLA SRL INFO: SALDO FT 118",
        "18.400,00", None, "EUR"],
       ["10/03/2026", "10/03/2026", "ADDEBITO SDD BEN: ENEL ENERGIA SPA INFO: BOLLETTA FEBBRAIO", None, "1.236,80", "EUR"],
       ["31/03/2026", "31/03/2026", "COMMISSIONI TENUTA CONTO", None, "12,50", "EUR"]]
E13_T = [("2026-03-02", "18400.00", "EUR", "OFFICINE MECCANICHE BRAMBILLA SRL", "SALDO FT 118", None),
         ("2026-03-10", "-1236.80", "EUR", "ENEL ENERGIA SPA", "BOLLETTA FEBBRAIO", None),
         ("2026-03-31", "-12.50", "EUR", "*", "TENUTA CONTO", None)]

# E14 Vietcombank (VN) xlsx: Vietnamese headers, VND with dots between thousands and no decimals
E14 = [["NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM (VIETCOMBANK)", None, None, None, None, None],
       ["Số tài khoản: 0071001234567", None, None, None, None, None],
       ["Loại tiền: VND", None, None, None, None, None],
       ["Ngày giao dịch", "Số tham chiếu", "Số tiền ghi nợ", "Số tiền ghi có", "Số dư", "Mô tả"],
       ["02/03/2026", "5123-00012", None, "125.000.000", "625.000.000",
        "CONG TY TNHH CO KHI MINH PHAT chuyen tien thanh toan HD 26031"],
       ["09/03/2026", "5123-00013", "18.450.000", None, "606.550.000", "Thanh toan tien dien thang 2 EVN HCMC"],
       ["31/03/2026", "5123-00014", "55.000", None, "606.495.000", "Phi quan ly tai khoan"]]
E14_T = [("2026-03-02", "125000000", "VND", "*", "HD 26031", "625000000"),
         ("2026-03-09", "-18450000", "VND", "*", "tien dien", "606550000"),
         ("2026-03-31", "-55000", "VND", "*", "Phi quan ly tai khoan", "606495000")]

# E15 Itaú Empresas (BR) csv, UTF-8, ';': data, lançamento, valor (R$), saldo (R$)
E15 = ("Extrato Conta Corrente;Agência 0912 Conta 45678-9\n\n"
       "data;lançamento;ag./origem;valor (R$);saldo (R$)\n"
       "02/03/2026;PIX TRANSF RECEBIDA METALURGICA SOUZA LTDA;0341;38.900,00;138.900,00\n"
       "05/03/2026;BOLETO PAGO CEMIG DISTRIBUICAO;;-2.415,33;136.484,67\n"
       "31/03/2026;TAR PACOTE ITAU;;-89,90;136.394,77\n")
E15_T = [("2026-03-02", "38900.00", "BRL", "*", "METALURGICA SOUZA", "138900.00"),
         ("2026-03-05", "-2415.33", "BRL", "*", "CEMIG", "136484.67"),
         ("2026-03-31", "-89.90", "BRL", "*", "TAR PACOTE ITAU", "136394.77")]

# E16 中国银行 企业网银 交易明细 (GBK csv): dates as 20260302, 交易金额 signed, 对方户名, 用途
E16 = [["中国银行 企业网上银行 交易明细"],
       ["账号", "358912345678", "币种", "人民币"],
       ["交易日期", "交易时间", "交易类型", "交易金额", "余额", "对方账号", "对方户名", "用途", "流水号"],
       ["20260302", "093015", "转账", "125000.00", "625000.00", "6228480012345678", "佛山市顺德区华联五金制品有限公司",
        "货款 HT2026-031", "BOC2026030200112"],
       ["20260309", "141022", "转账", "-18450.00", "606550.00", "44001234567890123", "深圳市顺通物流有限公司",
        "运费", "BOC2026030900238"],
       ["20260331", "235900", "收费", "-30.00", "606520.00", "", "", "账户管理费", "BOC2026033100991"]]
E16_T = [("2026-03-02", "125000.00", "CNY", "佛山市顺德区华联五金制品有限公司", "HT2026-031", "625000.00"),
         ("2026-03-09", "-18450.00", "CNY", "深圳市顺通物流有限公司", "运费", "606550.00"),
         ("2026-03-31", "-30.00", "CNY", "*", "账户管理费", "606520.00")]

# E17 农商行 xlsx whose dates are Excel serial numbers (the cells are numbers, not formatted as dates)
E17 = [["广东顺德农村商业银行 对公账户明细"],
       ["账号：80020000012345678", None, None, None, None, None],
       ["记账日期", "借方金额", "贷方金额", "余额", "对方户名", "摘要"],
       [46083, None, 86000, 186000, "中山市南头镇美嘉电器厂", "货款"],
       [46090, 12480, None, 173520, "广东电网有限责任公司佛山供电局", "电费"],
       [46112, 15, None, 173505, None, "短信服务费"]]
E17_T = [("2026-03-02", "86000", "CNY", "中山市南头镇美嘉电器厂", "货款", "186000"),
         ("2026-03-09", "-12480", "CNY", "广东电网有限责任公司佛山供电局", "电费", "173520"),
         ("2026-03-31", "-15", "CNY", "*", "短信服务费", "173505")]

# E18 a card statement (Citi SG corporate card csv): the original amount and currency beside the billed one (SGD)
E18 = [["Transaction Date", "Posting Date", "Description", "Original Currency", "Original Amount", "Billing Currency",
        "Billing Amount"],
       ["01/03/2026", "03/03/2026", "ALIBABA.COM HANGZHOU CN", "USD", "1,250.00", "SGD", "1,687.50"],
       ["05/03/2026", "06/03/2026", "SINGAPORE AIRLINES SINGAPORE", "SGD", "842.00", "SGD", "842.00"],
       ["12/03/2026", "13/03/2026", "HOTEL NIKKO HONG KONG HK", "HKD", "2,480.00", "SGD", "428.55"],
       ["20/03/2026", "20/03/2026", "PAYMENT - THANK YOU", "SGD", "-2,958.05", "SGD", "-2,958.05"]]
E18_T = [("2026-03-03", "-1687.50", "SGD", "*", "ALIBABA", None),  # booked on the posting date
         ("2026-03-06", "-842.00", "SGD", "*", "SINGAPORE AIRLINES", None),
         ("2026-03-13", "-428.55", "SGD", "*", "HOTEL NIKKO", None),
         ("2026-03-20", "2958.05", "SGD", "*", "PAYMENT", None)]

# E19 신한은행 기업 거래내역 (EUC-KR csv): 거래일자, 출금(원), 입금(원), 내용, 잔액(원), 거래점
E19 = [["신한은행 거래내역조회"],
       ["계좌번호", "140-012-345678"],
       ["거래일자", "거래시간", "적요", "출금(원)", "입금(원)", "내용", "잔액(원)", "거래점"],
       ["2026-03-02", "10:12:44", "타행이체", "", "15,000,000", "(주)대성정밀", "65,000,000", "인터넷"],
       ["2026-03-10", "15:40:02", "전자결제", "2,310,500", "", "한국전력공사", "62,689,500", "인터넷"],
       ["2026-03-31", "23:59:59", "수수료", "5,000", "", "통장관리수수료", "62,684,500", "본점"]]
E19_T = [("2026-03-02", "15000000", "KRW", "(주)대성정밀", "", "65000000"),
         ("2026-03-10", "-2310500", "KRW", "한국전력공사", "", "62689500"),
         ("2026-03-31", "-5000", "KRW", "*", "수수료", "62684500")]

DOCS = [
    ("Pohyby_na_uctu-2401234567_20260301-20260331.csv", "text", E1, "cp1250", E1_T, "2401234567"),
    ("vypis_0312345678_202603.csv", "text", E2, "cp1250", E2_T, "0312345678"),
    ("pohyby_SK3111000000002612345678.csv", "text", E3, "cp1250", E3_T, "SK3111000000002612345678"),
    ("otp_szamlatortenet_202603.csv", "text", E4, "cp1250", E4_T, "117730160123456700000000"),
    ("zaba_promet_202603.csv", "text", E5, "cp1250", E5_T, "HR1723600001101234565"),
    ("nlb_promet_202603.csv", "text", E6, "cp1250", E6_T, "SI56020100012345678"),
    ("sberbank_vypiska_40702810900000012345.csv", "text", E7, "cp1251", E7_T, "40702810900000012345"),
    ("garanti_hesap_hareketleri.csv", "text", E8, "cp1254", E8_T, "TR330006200012345678901234"),
    ("TXT260331104512.TAB", "text", E9, "latin-1", E9_T, "541234567"),
    ("00050123456.csv", "text", E10, "cp1252", E10_T, "FR1630003012340005012345678"),
    ("export_nordea_2026-03.csv", "text", E11, "utf-8-sig", E11_T, ""),
    ("danske_konto_3409-12345678.csv", "text", E12, "cp1252", E12_T, "340912345678"),
    ("ListaMovimenti_IT60X0306909606100000123456.xlsx", "xlsx", E13, None, E13_T, "IT60X0306909606100000123456"),
    ("vcb_saoke_0071001234567.xlsx", "xlsx", E14, None, E14_T, "0071001234567"),
    ("extrato_itau_032026.csv", "text", E15, "utf-8", E15_T, ""),
    ("中国银行交易明细_358912345678.csv", "csv", E16, "gbk", E16_T, "358912345678"),
    ("顺德农商行对公明细.xlsx", "xlsx", E17, None, E17_T, "80020000012345678"),
    ("citi_sg_corporate_card_202603.csv", "csv", E18, "utf-8", E18_T, ""),
    ("shinhan_거래내역_140012345678.csv", "csv", E19, "euc-kr", E19_T, "140012345678"),
]

# round two, written after the fixes, on wordings they were not made for
# R1 Raiffeisenbank (CZ) csv, cp1250, ';': Datum provedení, Zaúčtovaná částka, Měna účtu, Název protiúčtu, Poznámka
R1 = ("Číslo účtu;1234567890/5500\n\n"
      "Datum provedení;Datum zaúčtování;Číslo účtu;Název účtu;Kategorie transakce;Číslo protiúčtu;Název protiúčtu;"
      "Typ transakce;Zpráva;Poznámka;VS;Zaúčtovaná částka;Měna účtu\n"
      "02.03.2026;02.03.2026;1234567890/5500;Provozní účet;Příjem;2001234567/2010;Strojírny Hořice a.s.;"
      "Příchozí platba;Faktura 26-118;;26118;74 200,00;CZK\n"
      "09.03.2026;09.03.2026;1234567890/5500;Provozní účet;Energie;3030303030/0300;ČEZ Prodej, a.s.;"
      "Trvalý příkaz;Záloha elektřina;;7788;-5 600,00;CZK\n")
R1_T = [("2026-03-02", "74200.00", "CZK", "Strojírny Hořice a.s.", "Faktura 26-118", None),
        ("2026-03-09", "-5600.00", "CZK", "ČEZ Prodej, a.s.", "Záloha elektřina", None)]

# R2 a Bulgarian bank (UniCredit Bulbank) csv, cp1251, ';': Дата, Дебит / Кредит, Наредител/Получател, Основание
R2 = ("Сметка;BG80BNBG96611020345678\nВалута;BGN\n\n"
      "Дата;Референция;Наредител/Получател;Основание;Дебит;Кредит\n"
      "03.03.2026;FT2606200123;Машинострой ЕООД;Плащане по фактура 0000004471;;12 480,00\n"
      "11.03.2026;FT2607000456;Енерго-Про Продажби АД;Ел. енергия февруари;1 315,20;\n")
R2_T = [("2026-03-03", "12480.00", "BGN", "Машинострой ЕООД", "фактура 0000004471", None),
        ("2026-03-11", "-1315.20", "BGN", "Енерго-Про Продажби АД", "Ел. енергия февруари", None)]

# R3 a Japanese bank's English csv (MUFG Biz): JPY grouped by dots, the balance after
R3 = [["Account No.", "0012345"], ["Currency", "JPY"], [],
      ["Value Date", "Description", "Withdrawal", "Deposit", "Balance"],
      ["2026/03/02", "FURIKOMI KABUSHIKIGAISHA YAMADA SEIKI", "", "1.250.000", "6.250.000"],
      ["2026/03/10", "DENKI RYOKIN TOKYO DENRYOKU", "38.500", "", "6.211.500"]]
R3_T = [("2026-03-02", "1250000", "JPY", "*", "YAMADA SEIKI", "6250000"),
        ("2026-03-10", "-38500", "JPY", "*", "DENKI RYOKIN", "6211500")]

DOCS_TWO = [
    ("raiffeisen_pohyby_202603.csv", "text", R1, "cp1250", R1_T, "1234567890"),
    ("bulbank_izvlechenie_202603.csv", "text", R2, "cp1251", R2_T, "BG80BNBG96611020345678"),
    ("mufg_biz_0012345_202603.csv", "csv", R3, "utf-8", R3_T, "0012345"),
]
