"""ISO 20022 CAMT.053 bank-to-customer statements (camt.053.001.02 to .13), and the entries of CAMT.052
account reports and CAMT.054 debit/credit notifications, parsed with defusedxml.

One line per transaction: an entry (``Ntry``) with several ``TxDtls`` (a batch) gives one line per
transaction detail with its own amount; the sign comes from ``CdtDbtInd`` (``CRDT`` in, ``DBIT`` out),
the counterparty from ``RltdPties`` (the debtor of a credit, the creditor of a debit).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from extractors.statements.model import LineIds, StatementImport
from hub.errors import InputError, RecordError
from hub.records import StatementLine


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(node: Element | None, *path: str) -> Element | None:
    """Follow local names (namespace-agnostic) down from ``node``."""
    for name in path:
        if node is None:
            return None
        node = next((c for c in node if _local(c.tag) == name), None)
    return node


def _children(node: Element | None, name: str) -> list[Element]:
    return [] if node is None else [c for c in node if _local(c.tag) == name]


def _text(node: Element | None, *path: str) -> str:
    found = _child(node, *path) if path else node
    return (found.text or "").strip() if found is not None and found.text else ""


def _date(node: Element | None) -> str | None:
    """``<Dt>`` or the date part of ``<DtTm>``."""
    return _text(node, "Dt") or (_text(node, "DtTm")[:10] or None)


def _account(node: Element | None) -> str:
    ident = _child(node, "Id")
    return _text(ident, "IBAN") or _text(ident, "Othr", "Id")


def _party_name(party: Element | None) -> str:
    if party is None:
        return ""
    return _text(party, "Nm") or _text(party, "Pty", "Nm")


def _amount(node: Element | None, where: str, source: str) -> tuple[Decimal, str] | None:
    if node is None or not (node.text or "").strip():
        return None
    try:
        return Decimal(node.text.strip()), node.get("Ccy", "")
    except InvalidOperation:
        raise InputError(f"{where}: amount {node.text!r} is not a number", source=source) from None


def _tx_amount(tx: Element, where: str, source: str) -> tuple[Decimal, str] | None:
    return (_amount(_child(tx, "Amt"), where, source) or _amount(_child(tx, "AmtDtls", "TxAmt", "Amt"), where, source)
            or _amount(_child(tx, "AmtDtls", "InstdAmt", "Amt"), where, source))


def _remittance(tx: Element | None) -> tuple[list[str], str | None]:
    info = _child(tx, "RmtInf")
    ustrd = [(u.text or "").strip() for u in _children(info, "Ustrd") if (u.text or "").strip()]
    structured = None
    for strd in _children(info, "Strd"):
        structured = _text(strd, "CdtrRefInf", "Ref") or structured
    return ustrd, structured


#: the camt messages whose entries are read alike: statement (053), account report (052), debit/credit
#: notification (054), with the element holding each account's entries
_MESSAGES = (("BkToCstmrStmt", "Stmt"), ("BkToCstmrAcctRpt", "Rpt"), ("BkToCstmrDbtCdtNtfctn", "Ntfctn"))


def read_camt053(path: Path, data: bytes, *, bank: str | None = None, account: str | None = None) -> StatementImport:
    """Import a CAMT.053 XML statement (every ``Stmt`` in it), or the entries of a CAMT.052 account report
    (``Rpt``) or a CAMT.054 debit/credit notification (``Ntfctn``), read the same way."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    source = str(path)
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(f"is refused: unsafe XML ({type(exc).__name__})", source=source) from None
    except ElementTree.ParseError as exc:
        raise InputError(f"is not well-formed XML ({exc})", source=source) from None
    found = next(((node, part) for name, part in _MESSAGES if (node := _child(root, name)) is not None), None)
    if found is None:
        raise InputError("is XML but not a CAMT statement (no BkToCstmrStmt, BkToCstmrAcctRpt or "
                         "BkToCstmrDbtCdtNtfctn)", source=source)
    stmt_root, part = found
    result = StatementImport(source, "camt053", bank or "", account or "")
    ids = LineIds()
    for s_index, stmt in enumerate(_children(stmt_root, part), start=1):
        acct = _child(stmt, "Acct")
        stmt_account = account if account is not None else _account(acct)
        servicer = _child(acct, "Svcr", "FinInstnId")
        stmt_bank = bank or _text(servicer, "BIC") or _text(servicer, "BICFI") or _text(servicer, "Nm") or "unknown"
        result.bank = result.bank or stmt_bank
        result.account = result.account or stmt_account
        stmt_ccy = _child(acct, "Ccy")
        first_line = len(result.lines)
        for e_index, entry in enumerate(_children(stmt, "Ntry"), start=1):
            where = f"statement {s_index}, entry {e_index}"
            status = _text(entry, "Sts") or _text(entry, "Sts", "Cd")
            if status and status.upper() not in ("BOOK", "BOOKED"):
                result.skipped.append(f"{where}: status {status} (not booked)")
                continue
            entry_amount = _amount(_child(entry, "Amt"), where, source)
            if entry_amount is None:
                raise InputError(f"{where}: no amount", source=source)
            entry_sign = -1 if _text(entry, "CdtDbtInd") == "DBIT" else 1
            booking = _date(_child(entry, "BookgDt")) or _date(_child(entry, "ValDt"))
            if not booking:
                raise InputError(f"{where}: no booking or value date", source=source)
            value_date = _date(_child(entry, "ValDt"))
            entry_ref = _text(entry, "AcctSvcrRef") or _text(entry, "NtryRef")
            entry_info = _text(entry, "AddtlNtryInf")
            reversal = _text(entry, "RvslInd").lower() in ("true", "1")
            details = [tx for d in _children(entry, "NtryDtls") for tx in _children(d, "TxDtls")]
            batch = len(details) > 1
            for t_index, tx in enumerate(details or [None], start=1):
                amount, ccy = entry_amount
                sign = entry_sign
                if tx is not None and batch:
                    own = _tx_amount(tx, where, source)
                    if own is not None:
                        amount, ccy = own
                    if _text(tx, "CdtDbtInd"):
                        sign = -1 if _text(tx, "CdtDbtInd") == "DBIT" else 1
                signed = amount * sign
                parties = _child(tx, "RltdPties")
                # the other party is the debtor of money in and the creditor of money out; a reversal (RvslInd) is
                # booked the other way round from the payment it undoes, whose parties it repeats (some banks name
                # the party on the side of the reversal's own direction instead: that side when the other is empty)
                natural = "Dbtr" if signed >= 0 else "Cdtr"
                sides = [("Cdtr" if natural == "Dbtr" else "Dbtr"), natural] if reversal else [natural]
                for side in sides:
                    name, acct_node = _party_name(_child(parties, side)), _child(parties, f"{side}Acct")
                    agent = _child(tx, "RltdAgts", f"{side}Agt", "FinInstnId")
                    if not name:
                        name = _party_name(_child(parties, f"Ultmt{side}"))
                    if name:
                        break
                ustrd, structured = _remittance(tx)
                refs = _child(tx, "Refs")
                end_to_end = _text(refs, "EndToEndId")
                end_to_end = "" if end_to_end.upper() == "NOTPROVIDED" else end_to_end
                reference = structured or end_to_end or _text(refs, "InstrId") or None
                texts = ustrd + [_text(tx, "AddtlTxInf"), entry_info] + (["reversal (RvslInd)"] if reversal else [])
                description = " | ".join(dict.fromkeys(t for t in texts if t))
                tx_ref = _text(refs, "AcctSvcrRef") or _text(refs, "TxId")
                bank_id = tx_ref if (tx_ref and tx_ref != entry_ref and not batch) else (
                    f"{entry_ref}/{t_index}" if entry_ref and batch else entry_ref or tx_ref)
                tid = ids.make(bank_id, stmt_account, booking, signed)
                try:
                    result.lines.append(StatementLine(
                        bank=stmt_bank, account=stmt_account, transaction_id=tid, booking_date=booking,
                        value_date=value_date, amount=signed, currency=ccy or _text(stmt_ccy) or "EUR",
                        counterparty_name=name, counterparty_account=_account(acct_node) or None,
                        counterparty_bank=_text(agent, "BIC") or _text(agent, "BICFI") or None,
                        description=description, reference=reference))
                except ValidationError as exc:
                    raise RecordError(exc, source=f"{source} {where}") from None
        _check_balances(stmt, result, s_index, first_line, source)
    result.bank = result.bank or "unknown"
    result.confidence = {"booking_date": 1.0, "amount": 1.0, "counterparty_name": 1.0}
    return result


def _check_balances(stmt: Element, result: StatementImport, index: int, first_line: int, source: str) -> None:
    balances: dict[str, Decimal] = {}
    for bal in _children(stmt, "Bal"):
        code = _text(bal, "Tp", "CdOrPrtry", "Cd")
        found = _amount(_child(bal, "Amt"), f"statement {index} balance {code}", source)
        if found is not None:
            balances[code] = found[0] * (-1 if _text(bal, "CdtDbtInd") == "DBIT" else 1)
    if "OPBD" in balances and "CLBD" in balances:
        total = sum((ln.amount for ln in result.lines[first_line:]), Decimal(0))
        if balances["OPBD"] + total != balances["CLBD"]:
            result.warnings.append(f"statement {index}: opening {balances['OPBD']} + lines {total} != closing "
                                   f"{balances['CLBD']}")
