"""The review station's web app (Starlette, Jinja templates, a little vanilla JS).

Every page needs a login; every form carries the session's CSRF token and is refused without it; a
role decides what one may decide (finance: documents and payments; customs: declarations; admin: all).
Decisions call the library: :func:`hub.review.confirm_document`, :func:`matchers.decisions.apply_decisions`
(as the reconciliation workbook's apply), :func:`customs.review.apply_edits` and
:func:`customs.filing.approve` / ``reject`` (as ``orderhub customs apply [--approve]``)."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from hub.errors import OrderhubError
from hub.records import FILE_STATUS_LABELS, Declaration, Match, SourceFile
from hub.records.declaration import form_text
from hub.review import AlreadyDecided, Correction, confirm_document, document_record
from hub.store import Store
from hub.users import ROLES, User, authenticate
from station import queues
from station.config import label, labels
from station.pages import labelled, page_png, page_views, page_words
from station.sessions import COOKIE, Session, Sessions

HERE = resources.files("station")
#: Declarations a clerk may still decide (a rejected one too: a correction or an approval reverses the rejection).
DECIDABLE = ("draft", "returned", "rejected")
_decide_lock = threading.Lock()  # one decision at a time in this process (the library re-checks in its transaction)


@dataclass
class Station:
    """What the app serves from."""

    store: Store
    sessions: Sessions
    cache: Path


class Refused(Exception):
    """A request the station answers with a page saying why (status code, message)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def create_app(store: Store | None = None) -> Starlette:
    """The station as an ASGI app on ``store`` (default: the store of the environment's settings)."""
    store = store or Store()
    station = Station(store, Sessions(store), store.settings.home / "station-cache")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(label=label, labels=labels, review_label=queues.review_field_label,
                                 file_labels=FILE_STATUS_LABELS, quote=lambda s: quote(str(s), safe=""),
                                 roles=ROLES)
    templates.env.filters["pct"] = lambda v: f"{round(float(v) * 100)}%"

    def session_of(request: Request) -> Session | None:
        return station.sessions.get(request.cookies.get(COOKIE))

    def render(request: Request, name: str, session: Session | None, status: int = 200, **ctx: Any) -> Response:
        response = templates.TemplateResponse(request, name, {"session": session, "user": session.user if session
                                                              else None, **ctx}, status_code=status)
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def user_of(request: Request, area: str | None = None) -> tuple[Session, User]:
        session = session_of(request)
        if session is None or session.user is None:
            raise Refused(401, "login")
        if area and not session.user.may(area):
            raise Refused(403, f"你的角色 {label('roles', session.user.role)} 不能处理此项 — your role may not "
                               f"decide {area}")
        return session, session.user

    async def form_of(request: Request, session: Session) -> dict[str, str]:
        form = await request.form()
        data = {k: str(v) for k, v in form.multi_items() if isinstance(v, str)}
        if not session.csrf_ok(data.get("csrf")):
            raise Refused(403, "表单已过期或缺少校验码，请刷新页面 — the form's CSRF token is missing or wrong; "
                               "reload the page")
        return data

    def guarded(area: str | None, handler: Callable[..., Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request, *user_of(request, area))
            except Refused as exc:
                if exc.status == 401:
                    query = f"?{request.url.query}" if request.url.query else ""  # ?field=: where it opens
                    return RedirectResponse(f"/login?{urlencode({'next': request.url.path + query})}", 303)
                return render(request, "message.html", session_of(request), exc.status, title="不能处理 Refused",
                              message=exc.message)
        return endpoint

    # -- login ----------------------------------------------------------------------------------------
    async def login(request: Request) -> Response:
        session = session_of(request) or station.sessions.new()
        error = None
        if request.method == "POST":
            try:
                data = await form_of(request, session)
            except Refused as exc:
                return render(request, "message.html", session, exc.status, title="不能处理 Refused",
                              message=exc.message)
            user = authenticate(station.store, data.get("name", ""), data.get("password", ""))
            if user is not None:
                station.sessions.drop(session.token)
                fresh = station.sessions.new(user)
                target = data.get("next") or "/"
                response = RedirectResponse(target if target.startswith("/") and not target.startswith("//")
                                            else "/", 303)
                _cookie(response, fresh.token)
                return response
            error = "用户名或密码不对 — wrong name or password"
        response = render(request, "login.html", session, 401 if error else 200, error=error,
                          next=request.query_params.get("next", "/"))
        _cookie(response, session.token)
        return response

    async def logout(request: Request, session: Session, user: User) -> Response:
        await form_of(request, session)
        station.sessions.drop(session.token)
        response = RedirectResponse("/login", 303)
        response.delete_cookie(COOKIE)
        return response

    async def home(request: Request, session: Session, user: User) -> Response:
        counts = {"documents": len(queues.documents_queue(station.store)) if user.may("documents") else None,
                  "payments": len(queues.payments_queue(station.store)) if user.may("payments") else None,
                  "declarations": len(queues.declarations_queue(station.store)) if user.may("declarations")
                  else None}
        mine = request.query_params.get("who") == "me"
        return render(request, "home.html", session, counts=counts, mine=mine, decided_link=queues.decided_link,
                      decided_text=lambda d: queues.decided_text(station.store, d),
                      recent=queues.recent_decisions(station.store, actor=user.name if mine else None))

    # -- documents ------------------------------------------------------------------------------------
    async def documents(request: Request, session: Session, user: User) -> Response:
        q = request.query_params
        age = q.get("age", "")
        rows = queues.documents_queue(station.store, kind=q.get("kind", ""), party=q.get("party", ""),
                                      min_age=int(age) if age.isdigit() else None)
        kinds = sorted({s.kind for s in station.store.all(SourceFile, status="needs_review")})
        return render(request, "documents.html", session, rows=rows, kinds=kinds, q=q)

    def _source(sha: str) -> SourceFile:
        source = station.store.get(SourceFile, sha) if len(sha) == 64 else None
        if source is None:
            raise Refused(404, f"没有这个文件 — no file {sha[:12]} in the store")
        return source

    async def document(request: Request, session: Session, user: User, *, message: str | None = None,
                       error: str | None = None, status: int = 200) -> Response:
        sha = request.path_params["sha"]
        source = _source(sha)
        record = document_record(station.store, source)
        fields = queues.document_fields(source, record)
        focus = request.query_params.get("field")
        if message is None and request.query_params.get("done"):
            message = f"已确认上一份 Confirmed the previous document: {request.query_params['done']}"
        if message is None and request.query_params.get("reopened"):
            message = (f"已从报关单 {request.query_params['reopened']} 重新打开，请更正后确认；报关单草稿将按更正重新预填 — "
                       "reopened from the declaration: correct and confirm, and its draft is prefilled again")
            if request.query_params.get("withdrawn"):
                message += (f"。已撤回批准，报关单回到草稿 — approval withdrawn, back to draft (not filed): "
                            f"{request.query_params['withdrawn']}")
        return render(request, "document.html", session, status, source=source, record=record, fields=fields,
                      lines=queues.document_lines(source, record),
                      pages=page_views(source), words=page_words(source), message=message, error=error,
                      next_sha=queues.next_document(station.store, sha), focus=focus,
                      editable=source.status == "needs_review" and may_correct(user, source),
                      party=queues.party_of(record))

    def may_correct(user: User, source: SourceFile) -> bool:
        """Finance corrects any document; a customs clerk the source documents of a declaration not sent yet
        (the invoice or packing list they reopened from it)."""
        if user.may("documents"):
            return True
        if not user.may("declarations"):
            return False
        from customs.filing import SENT, built_from

        decls = built_from(station.store, source)
        return bool(decls) and not any(d.status in SENT for d in decls)

    async def document_view(request: Request, session: Session, user: User) -> Response:
        return await document(request, session, user)

    async def document_confirm(request: Request, session: Session, user: User) -> Response:
        data = await form_of(request, session)
        sha = request.path_params["sha"]
        if not may_correct(user, _source(sha)):
            raise Refused(403, f"你的角色 {label('roles', user.role)} 不能处理此项 — your role may not decide documents")
        values: dict[str, Correction | str | None] = {}
        for key, text in data.items():
            if not key.startswith("f."):
                continue
            name = key[2:]
            page, box = data.get(f"p.{name}", ""), data.get(f"b.{name}", "")
            coords = tuple(float(x) for x in box.split(",")) if box.count(",") == 3 else None
            values[name] = Correction(text, int(page) if page.isdigit() else None, coords)  # type: ignore[arg-type]
        if any(isinstance(c, Correction) and c.box for c in values.values()):  # the labels beside the clicked boxes
            values = await run_in_threadpool(labelled, _source(sha), values, station.cache)
        try:
            with _decide_lock:
                decision = confirm_document(station.store, sha, values, by=user.name, note=data.get("note") or None)
        except AlreadyDecided as exc:
            return await document(request, session, user, error=f"已由他人处理 — {exc}", status=409)
        except OrderhubError as exc:
            return await document(request, session, user, error=str(exc), status=422)
        changed = ", ".join(n for n, _, _ in decision.corrections) or "无更正 no corrections"
        from customs.filing import refresh_drafts

        # the drafts built from it take its corrected values and its review state (they may be approved now)
        confirmed = station.store.get(SourceFile, sha)
        with _decide_lock:
            refreshed = refresh_drafts(station.store, list(confirmed.record_keys if confirmed else []), actor=user.name)
        if refreshed:
            changed += "; 报关单已更新 declarations updated: " + ", ".join(d.number for d in refreshed)
        nxt = queues.next_document(station.store, sha)
        if data.get("go") == "next" and nxt:
            return RedirectResponse(f"/documents/{nxt}?{urlencode({'done': Path(_source(sha).path).name})}", 303)
        return await document(request, session, user, message=f"已确认 Confirmed ({changed})")

    async def page_image(request: Request, session: Session, user: User) -> Response:
        source = _source(request.path_params["sha"])
        try:
            data = await run_in_threadpool(page_png, source, int(request.path_params["n"]), station.cache)
        except (LookupError, OSError) as exc:
            return PlainTextResponse(f"page not available: {exc}", 404)
        return Response(data, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    async def scan_words_json(request: Request, session: Session, user: User) -> Response:
        from starlette.responses import JSONResponse

        from station.pages import scan_words

        source = _source(request.path_params["sha"])
        try:
            words = await run_in_threadpool(scan_words, source, station.cache)
        except (OrderhubError, OSError) as exc:
            return JSONResponse({"error": str(exc)}, 422)
        return JSONResponse({str(n): [[t, list(b)] for t, b in ws] for n, ws in words.items()})

    # -- payments -------------------------------------------------------------------------------------
    async def payments(request: Request, session: Session, user: User) -> Response:
        items = queues.payments_queue(station.store)
        return render(request, "payments.html", session, items=items,
                      target=lambda a: queues.target_label(station.store, a.target_kind, a.target_key,
                                                           a.target_label))

    async def payment(request: Request, session: Session, user: User, *, message: str | None = None,
                      error: str | None = None, status: int = 200) -> Response:
        key = request.path_params["key"]
        match = station.store.get(Match, key)
        if match is None:
            raise Refused(404, f"没有这笔收款的匹配建议 — no proposal {key}")
        view = queues.payment_view(station.store, match, with_source=True)
        if message is None and request.query_params.get("done"):
            message = "已处理上一笔 The previous payment was decided"
        source = view.source
        record = document_record(station.store, source) if source else None
        queue = [v.match.natural_key() for v in queues.payments_queue(station.store)]
        nxt = next((k for k in queue if k != key), None)
        return render(request, "payment.html", session, status, view=view, match=match, source=source,
                      fields=queues.document_fields(source, record) if source else [],
                      pages=page_views(source) if source else [], message=message, error=error, next_key=nxt,
                      keys_of=lambda c: " + ".join(sorted(a.target_key for a in c.allocations)),
                      target=lambda a: queues.target_label(station.store, a.target_kind, a.target_key,
                                                           a.target_label))

    async def payment_decide(request: Request, session: Session, user: User) -> Response:
        from matchers.decisions import ClerkDecision, apply_decisions

        data = await form_of(request, session)
        key = request.path_params["key"]
        match = station.store.get(Match, key)
        if match is None:
            raise Refused(404, f"没有这笔收款的匹配建议 — no proposal {key}")
        decision = data.get("decision", "")
        choice = int(data["choice"]) if data.get("choice", "").isdigit() else None
        if decision == "apply to":  # manual match to any open invoice or order, by number (issue 17)
            return await _apply_to(request, session, user, match, data)
        if decision not in ("confirm", "reject", "write off") or (decision != "reject" and choice is None):
            return await payment(request, session, user, error="请选择一个候选 — choose a candidate", status=422)
        note = data.get("note", "").strip()
        if decision == "write off":
            reason = data.get("reason", "")
            if reason not in labels().get("write_off_reasons", {}):
                return await payment(request, session, user, error="请选择核销原因 — choose a write-off reason",
                                     status=422)
        else:
            reason = "MANUAL"
        word = f"confirm {choice}" if decision == "confirm" else decision
        clerk = ClerkDecision(match.payment_kind, match.payment_key, word, choice if decision != "reject" else None,
                              data.get("shown", ""), user.name, note, "review station", reason_code=reason)
        with _decide_lock:
            report = apply_decisions(station.store, [clerk])
        if report.refused:
            text = report.refused[0].split(": ", 1)[-1]
            return await payment(request, session, user, error=f"未执行 Not applied — {text}", status=409)
        if report.unchanged:
            return await payment(request, session, user, error="已经这样处理过 — already decided so", status=409)
        queue = [v.match.natural_key() for v in queues.payments_queue(station.store)]
        if data.get("go") == "next" and queue:
            return RedirectResponse(f"/payments/{quote(queue[0], safe='')}?done=1", 303)
        learned = f"; {report.learned[0]}" if report.learned else ""
        return await payment(request, session, user, message=f"已执行 Applied — {word}{learned}")

    async def _apply_to(request: Request, session: Session, user: User, match: Match, data: dict) -> Response:
        """A clerk names the invoices/orders a payment pays (any open one, a part amount too): the same
        library decision as the workbook's 指定单号 column."""
        from decimal import Decimal, InvalidOperation

        from matchers.decisions import ClerkDecision, apply_decisions

        targets = data.get("targets", "").strip()
        if not targets:
            return await payment(request, session, user, error="请填写单号 — name an invoice or order", status=422)
        amount = None
        if data.get("amount", "").strip():
            try:
                amount = Decimal(data["amount"].strip().replace(",", ""))
            except InvalidOperation:
                return await payment(request, session, user, error="金额无效 — not an amount", status=422)
        clerk = ClerkDecision(match.payment_kind, match.payment_key, "apply to", None, "", user.name,
                              data.get("note", "").strip(), "review station", targets=targets, amount=amount)
        with _decide_lock:
            report = apply_decisions(station.store, [clerk])
        if report.refused:
            text = report.refused[0].split(": ", 1)[-1]
            return await payment(request, session, user, error=f"未执行 Not applied — {text}", status=409)
        return await payment(request, session, user, message=f"已执行 Applied — {targets}")

    # -- declarations ---------------------------------------------------------------------------------
    async def declarations(request: Request, session: Session, user: User) -> Response:
        return render(request, "declarations.html", session, decls=queues.declarations_queue(station.store),
                      done=station.store.all(Declaration, status=["approved", "filed", "accepted", "rejected"]))

    async def declaration(request: Request, session: Session, user: User, *, message: str | None = None,
                          error: str | None = None, status: int = 200) -> Response:
        from hub.records.declaration import HEADER_LABELS, ITEM_LABELS
        from reports.declaration import ITEM_FIXED

        number = request.path_params["number"]
        decl = station.store.get(Declaration, number)
        if decl is None:
            raise Refused(404, f"没有报关单 {number} — no declaration {number}")

        index = queues.source_index(station.store)

        def where(src: str | None) -> str | None:
            file, field_name = queues.where_from(station.store, decl, src, index)
            if file is None:
                return None
            return f"/documents/{file.sha256}" + (f"?field={quote(field_name)}" if field_name else "")

        from customs.codes import FIELD_TABLES, CodeTables
        from customs.filing import SENT

        tables = CodeTables.load()

        def shown(field_name: str, value: Any) -> str:
            """A coded value as ``code name`` (what the workbook's dropdowns show), else its text."""
            table = tables.for_field(field_name)
            return table.label(value) if table is not None and value else form_text(value)

        def listed(field_name: str) -> str | None:
            return FIELD_TABLES.get(field_name)

        used = {t for n in [*HEADER_LABELS, *(f"item.{i}" for i in ITEM_LABELS)] if (t := FIELD_TABLES.get(n))}
        datalists = {t: tables[t].choices() for t in sorted(used)}
        warned = {w.field for w in decl.warnings}

        def field_label(name: str) -> str:
            """``件数 packages`` for ``header.packages``, ``项号 2 商品编号 hs_code`` for ``item.2.hs_code``."""
            parts = name.split(".")
            if parts[0] == "header" and len(parts) == 2:
                return f"{HEADER_LABELS.get(parts[1], '')} {parts[1]}".strip()
            if parts[0] == "item" and len(parts) == 3:
                return f"项号 {parts[1]} {ITEM_LABELS.get(parts[2], '')} {parts[2]}".replace("  ", " ")
            if parts[0] == "packing_list":
                return f"装箱单 packing list {'.'.join(parts[1:])}"
            if parts[0] == "invoice":
                return f"发票 invoice {'.'.join(parts[1:])}"
            return name
        sources = [(kind, queues.source_of(station.store, kind, key, index)) for kind, key in
                   (("invoice", decl.invoice_key), ("packing_list", decl.packing_list_key)) if key]
        return render(request, "declaration.html", session, status, decl=decl, header_labels=HEADER_LABELS,
                      sources=[(kind, file) for kind, file in sources if file is not None], sent=decl.status in SENT,
                      item_labels=ITEM_LABELS, item_fixed=ITEM_FIXED, where=where, warned=warned, message=message,
                      error=error, editable=decl.status in DECIDABLE,
                      text=form_text, shown=shown, listed=listed, datalists=datalists, field_label=field_label)

    async def declaration_decide(request: Request, session: Session, user: User) -> Response:
        from customs.filing import approve, reject
        from customs.review import apply_edits, edits_from_text

        data = await form_of(request, session)
        number = request.path_params["number"]
        action = data.get("action", "")
        fields = {}
        for key, value in data.items():
            if key.startswith("h."):
                fields[key[2:]] = value
            elif key.startswith("i."):
                fields[f"item.{key[2:]}"] = value
        try:
            with _decide_lock:
                decl = station.store.get(Declaration, number)
                if decl is None:
                    raise Refused(404, f"没有报关单 {number} — no declaration {number}")
                if decl.status not in DECIDABLE or (action == "reject" and decl.status == "rejected"):
                    who = f" by {decl.approved_by}" if decl.approved_by else ""
                    return await declaration(request, session, user, status=409,
                                             error=f"已由他人处理 — already {decl.status}{who}; nothing was changed")
                edits = edits_from_text(decl, fields)
                if action == "approve":
                    approve(station.store, number, by=user.name, edits=edits)
                    message = "已批准，交由申报机器人 — approved; the filing bot files it"
                elif action == "reject":
                    reason = data.get("reason", "").strip()
                    if not reason:
                        return await declaration(request, session, user, status=422,
                                                 error="请写明驳回原因 — give a reason to reject")
                    reject(station.store, number, by=user.name, reason=reason)
                    message = "已驳回 — rejected"
                else:
                    done = apply_edits(station.store, number, edits, by=user.name, note="review station")
                    message = f"已保存 {len(done.corrections)} 处更正 — {len(done.corrections)} correction(s) saved"
        except OrderhubError as exc:
            return await declaration(request, session, user, error=str(exc), status=422)
        return await declaration(request, session, user, message=message)

    async def declaration_reopen(request: Request, session: Session, user: User) -> Response:
        """Put a source document of the declaration back in review (see :func:`customs.filing.reopen_source`)."""
        from customs.filing import reopen_source
        from hub.review import AlreadyOpen

        data = await form_of(request, session)
        number = request.path_params["number"]
        try:
            with _decide_lock:
                done = reopen_source(station.store, number, data.get("sha", ""), by=user.name,
                                     reason=data.get("note", "").strip() or None)
        except AlreadyOpen as exc:
            return await declaration(request, session, user, status=409, error=f"单据已在复核中 — {exc}")
        except OrderhubError as exc:
            return await declaration(request, session, user, status=422, error=f"未重新打开 Not reopened — {exc}")
        query = {"reopened": number}
        if done.to_draft:
            query["withdrawn"] = ", ".join(f"{n} ({s})" for n, s in done.to_draft)
        return RedirectResponse(f"/documents/{done.source.sha256}?{urlencode(query)}", 303)

    # -- reviewers (admin) ----------------------------------------------------------------------------
    async def users_page(request: Request, session: Session, user: User, *, message: str | None = None,
                         error: str | None = None, status: int = 200) -> Response:
        from hub.users import list_users

        return render(request, "users.html", session, status, people=list_users(station.store), message=message,
                      error=error, decided=queues.decisions_by(station.store))

    async def users_save(request: Request, session: Session, user: User) -> Response:
        from hub.users import add_user, deactivate_user

        data = await form_of(request, session)
        name = data.get("name", "").strip()
        try:
            if data.get("action") == "deactivate":
                if name == user.name:
                    return await users_page(request, session, user, status=422,
                                            error="不能停用自己 — you cannot deactivate yourself")
                with _decide_lock:
                    done = deactivate_user(station.store, name, by=user.name)
                if not done:
                    return await users_page(request, session, user, status=404,
                                            error=f"没有这个用户 — no active reviewer {name}")
                return await users_page(request, session, user, message=f"已停用 {name} — {name} deactivated")
            with _decide_lock:
                saved = add_user(station.store, name, data.get("role", ""), data.get("password", ""), by=user.name)
        except OrderhubError as exc:
            return await users_page(request, session, user, error=str(exc), status=422)
        return await users_page(request, session, user,
                                message=f"已保存 {saved.name}（{label('roles', saved.role)}）— reviewer saved")

    routes = [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/users", guarded("users", users_page)),
        Route("/users/save", guarded("users", users_save), methods=["POST"]),
        Route("/logout", guarded(None, logout), methods=["POST"]),
        Route("/", guarded(None, home)),
        Route("/documents", guarded("documents", documents)),
        Route("/documents/{sha}", guarded(None, document_view)),
        Route("/documents/{sha}/confirm", guarded(None, document_confirm), methods=["POST"]),
        Route("/documents/{sha}/page/{n:int}.png", guarded(None, page_image)),
        Route("/documents/{sha}/words.json", guarded(None, scan_words_json)),
        Route("/payments", guarded("payments", payments)),
        Route("/payments/{key:path}/decide", guarded("payments", payment_decide), methods=["POST"]),
        Route("/payments/{key:path}", guarded("payments", payment)),
        Route("/declarations", guarded("declarations", declarations)),
        Route("/declarations/{number}", guarded("declarations", declaration)),
        Route("/declarations/{number}/decide", guarded("declarations", declaration_decide), methods=["POST"]),
        Route("/declarations/{number}/reopen", guarded("declarations", declaration_reopen), methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.station = station
    return app


def _cookie(response: Response, token: str) -> None:
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
