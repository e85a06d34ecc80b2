"""The customs-prefill flow end to end: a real Prefect server, a generated world in a real SQLite store, real
chromium filing on the demo single window. Clean declarations are filed and accepted, a returned declaration
(退单) goes back to review with the customs reason, bad input is never filed, and re-running files nothing twice."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import httpx
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

from customs.hs import DEFAULT_TARIFF
from fixtures.portals.data import PortalData
from fixtures.portals.server import USERS, serve_portals
from flows.customs_prefill import customs_prefill_flow, parse_corrections, review_form
from hub.errors import OrderhubError
from hub.records import Declaration
from hub.settings import load_settings
from hub.store import Store

SECRET = "Cu5-Sw!Pw-7730"


@pytest.fixture
def home(tmp_path: Path, small_world) -> tuple[str, Store]:
    store = Store(settings=load_settings(str(tmp_path)))
    with store.batch("test") as batch:
        batch.upsert(small_world.records())
    return str(tmp_path), store


@pytest.fixture
def single_window(small_world, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ORDERHUB_CUSTOMS_USER", USERS["customs"])
    monkeypatch.setenv("ORDERHUB_CUSTOMS_PASSWORD", SECRET)
    with serve_portals(PortalData.from_world(small_world), sites=("customs",), password=SECRET) as run:
        run.portals["customs"].review_seconds = 0.3
        yield run


def _bad_numbers(world) -> set[str]:
    return {"CD-" + b["invoice"].split("|")[1] for b in world.truth["injected"]["customs_bad_inputs"]}


def _artifact_keys(name: str) -> set[str]:
    async def read():
        async with get_client() as client:
            runs = [r for r in await client.read_flow_runs() if r.name and r.flow_id]
            ids = [r.id for r in runs]
            return await client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=ids)))
    return {a.key for a in asyncio.run(read()) if a.key}


@pytest.mark.slow
def test_auto_review_files_clean_declarations_and_never_bad_input(prefect_server, home, single_window,
                                                                   small_world, tmp_path) -> None:
    folder, store = home
    portal = single_window.portals["customs"]
    summary = customs_prefill_flow(review="auto", portal_url=single_window.urls["customs"], home=folder,
                                   out_dir=str(tmp_path / "out"), poll_seconds=0.3, decision_timeout=30)
    bad = _bad_numbers(small_world)
    assert bad and bad <= set(summary.prefilled) and bad <= set(summary.warnings)
    assert not bad & set(summary.approved) and not bad & set(summary.pre_entry)
    assert summary.accepted, summary
    clean = {"CD-" + k.split("|")[1] for k, d in small_world.truth["declarations"].items() if d["clean"]}
    injected = {"CD-" + i["invoice"].split("|")[1] for i in small_world.truth["injected"]["customs"]}
    assert set(summary.approved) <= clean and not injected & set(summary.approved)
    assert injected <= set(summary.warnings) and injected <= set(summary.not_filed)
    for number, customs_no in summary.accepted.items():
        decl = store.get(Declaration, number)
        assert decl.status == "accepted" and decl.customs_no == customs_no and decl.pre_entry_no
        assert portal.declarations[decl.pre_entry_no].status == "accepted"
        assert decl.approved_by == "demo (auto review)" and not decl.warnings
        assert "customs:accepted" in [e.action for e in store.history(decl, include_linked=False)]
    for number in bad:
        assert store.get(Declaration, number).status == "draft"
    assert all(Path(p).exists() for p in summary.workbooks.values())
    assert {"customs-warnings", "customs-declarations", "customs-prefill", "customs-filing"} <= _artifact_keys("customs")
    filed = len(portal.declarations)
    assert filed == len(summary.pre_entry)

    again = customs_prefill_flow(review="auto", portal_url=single_window.urls["customs"], home=folder,
                                 out_dir=str(tmp_path / "out2"), poll_seconds=0.3, decision_timeout=30)
    assert not set(again.accepted) & set(summary.accepted) and len(portal.declarations) == filed
    assert all(store.get(Declaration, n).status == "accepted" for n in summary.accepted)


def _wait_paused(api: str, deadline: float) -> str:
    while time.monotonic() < deadline:
        runs = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"state": {"type": {"any_": ["PAUSED"]}}}},
                          timeout=10).json()
        mine = [r for r in runs if r["name"] and r["flow_id"]]
        if mine:
            return mine[0]["id"]
        time.sleep(0.5)
    raise AssertionError("the customs-prefill run never paused")


@pytest.mark.slow
def test_clerk_review_returned_declaration_goes_back_to_review(prefect_server, home, single_window, small_world,
                                                              tmp_path, resume) -> None:
    folder, store = home
    api = prefect_server.rstrip("/")
    tariff = tmp_path / "tariff.csv"                  # the user's tariff: one code needs an import/export licence
    tariff.write_text(DEFAULT_TARIFF.read_text(encoding="utf-8")
                      + "2939799090,其他生物碱及其衍生物（许可证管理）,千克,,Alkaloids; other,品名;用途\n", encoding="utf-8")
    portal_countries = {"USA", "DEU", "GBR", "FRA", "NLD", "JPN", "KOR", "AUS", "CAN", "SGP", "ARE", "BRA", "MEX", "VNM"}
    bad = sorted(_bad_numbers(small_world))
    answers: dict[str, object] = {}

    def clerk() -> None:
        try:
            run_id = _wait_paused(api, time.monotonic() + 120)
            decls = sorted(Store(settings=load_settings(folder)).all(Declaration), key=lambda d: d.number)
            pick = next(d for d in decls if not d.warnings and d.dest_country in portal_countries
                        and d.items[0].legal_unit1 == "035" and d.items[0].legal_unit2 is None)
            answers["pick"] = pick.number
            keyset = httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()["state"]["state_details"][
                "run_input_keyset"]
            schema = httpx.get(f"{api}/flow_runs/{run_id}/input/{keyset['schema']}", timeout=10).json()
            sections = {v["default"]: k for k, p in schema["properties"].items() if k.startswith("decl_")
                        for v in [schema["$defs"][p["$ref"].split("/")[-1]]["properties"]["declaration"]]}
            answers["first_section"] = min(sections.items(), key=lambda kv: kv[1])[0]
            invalid = resume(api, run_id, {sections[pick.number]: {"declaration": pick.number,
                                                                   "decision": "ship it"}})
            answers["invalid"] = (invalid.status_code, invalid.json().get("status"),
                                  httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()["state"]["type"])
            good = {"reviewed_by": "沈佳",
                    sections[pick.number]: {"declaration": pick.number, "decision": "approve",
                                            "corrections": "item.1.hs_code=2939799090", "note": ""},
                    sections[bad[0]]: {"declaration": bad[0], "decision": "reject", "corrections": "",
                                       "note": "packing list missing or wrong"}}
            ok = resume(api, run_id, good)
            answers["ok"] = ok.status_code
        except Exception as exc:  # reported by the assertions below
            answers["error"] = exc

    thread = threading.Thread(target=clerk, daemon=True)
    thread.start()
    summary = customs_prefill_flow(review="pause", portal_url=single_window.urls["customs"], home=folder,
                                   out_dir=str(tmp_path / "out"), tariff_csv=str(tariff), timeout_minutes=3,
                                   poll_seconds=1, decision_timeout=30)
    thread.join(timeout=60)
    assert "error" not in answers, answers.get("error")
    assert answers["invalid"] == (200, "REJECT", "PAUSED") and answers["ok"] == 201
    assert answers["first_section"] in set(summary.warnings)                     # warnings first in the form
    number = answers["pick"]
    assert summary.approved == [number] and bad[0] in summary.rejected
    assert "许可证" in summary.returned[number]
    decl = store.get(Declaration, number)
    assert decl.status == "returned" and "许可证" in decl.return_reason and decl.pre_entry_no
    assert decl.items[0].hs_code == "2939799090" and decl.items[0].sources["hs_code"] == "clerk:沈佳"
    assert [w.rule for w in decl.warnings] == ["customs_returned"] and decl.blocking
    assert store.get(Declaration, bad[0]).status == "rejected" and bad[0] not in summary.pre_entry
    assert len(single_window.portals["customs"].declarations) == 1


def test_corrections_text_and_the_review_form(store, small_world) -> None:
    assert parse_corrections("gross_weight=17.30； item.2.hs_code = 7318159090;") == {
        "gross_weight": "17.30", "item.2.hs_code": "7318159090"}
    with pytest.raises(OrderhubError, match="write field=value"):
        parse_corrections("gross_weight 17.3")
    from customs.filing import prefill_and_store
    store.upsert(small_world.records(), actor="test")
    decls = prefill_and_store(store, actor="test").declarations
    warned = next(d for d in decls if d.warnings)
    form = review_form([warned])
    section = form.model_fields["decl_01"]
    assert section.description.startswith("WARNINGS: ") and "FIELDS: " in section.description
    assert f"[{warned.source_of('gross_weight') or '-'}]" in section.description      # each field with its source
    with pytest.raises(ValueError):
        form.model_validate({"reviewed_by": "x", "decl_01": {"declaration": "CD-NOPE", "decision": "approve"}})


def _successor(code: str) -> str:
    """Another code of our tariff an item of ``code`` can take unchanged (same legal units, same 申报要素)."""
    from customs.hs import load_tariff

    tariff = load_tariff()
    entry = tariff[code]
    return next(c for c, e in sorted(tariff.items()) if c != code and (e.unit1, e.unit2, e.elements) ==
                (entry.unit1, entry.unit2, entry.elements))


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["entry", "submit"])
def test_a_declaration_the_single_window_refuses_returns_to_review_and_a_rerun_files_nothing_twice(
        prefect_server, home, single_window, tmp_path, stage) -> None:
    """What our linter cannot know, the single window refuses when the flow files the approved declaration:
    ``entry``: an exit customs office (出境关别) of our code table the single window does not take (苏州海关 2305,
    inland), refused when the draft is saved: nothing kept there; ``submit``: a tariff revision retired the item's
    HS code on the single window (税则转版), the draft is saved and refused on submit: the draft kept there,
    unsubmitted, its pre-entry number with the declaration. Either way: back in review with the portal's message,
    not filed; a re-run keeps it so and files nothing; corrected and approved again, the next run files it once
    (over the kept draft); a further run files nothing."""
    from customs.filing import approve, prefill_and_store

    folder, store = home
    portal = single_window.portals["customs"]
    decls = prefill_and_store(store, actor="prefill").declarations
    decl = next(d for d in sorted(decls, key=lambda d: d.number) if d.status == "draft" and not d.warnings)
    code = decl.items[0].hs_code
    if stage == "entry":
        typo, fix, said = {"exit_port": "2305"}, {"exit_port": decl.exit_port}, "出境关别代码“2305”不存在"
    else:
        new = _successor(code)
        portal.retired_hs = {code: {"since": "2026-01-01", "successor": new}}
        typo, fix, said = {}, {"item.1.hs_code": new}, f"第1项商品编号 {code} 自 2026-01-01 起已停用（税则转版）"
    approved = approve(store, decl.number, by="沈佳", edits=typo)
    assert approved.status == "approved" and not approved.warnings           # nothing of ours saw it

    def run(out: str):
        return customs_prefill_flow(review="none", portal_url=single_window.urls["customs"], home=folder,
                                    out_dir=str(tmp_path / out), poll_seconds=0.3, decision_timeout=30)

    first = run("out1")
    assert decl.number in first.approved and not first.accepted
    assert said in first.filing_failed[decl.number] and "back in review" in first.filing_failed[decl.number]
    back = store.get(Declaration, decl.number)
    assert back.status == "returned" and back.approved_by is None
    [refused] = [w for w in back.warnings if w.rule == "entry_refused"]
    assert refused.blocking and said in refused.message and said in back.return_reason
    actions = [e.action for e in store.history(back, include_linked=False)]
    assert actions[-1] == "customs:refused" and "customs:filed" not in actions and "customs:accepted" not in actions
    if stage == "entry":
        assert decl.number not in first.pre_entry and back.pre_entry_no is None
        assert not portal.declarations                                        # nothing saved on the portal
    else:
        draft = back.pre_entry_no
        assert draft and list(portal.declarations) == [draft] and portal.declarations[draft].status == "draft"
        assert refused.message.startswith(f"申报时单一窗口拒收 refused by the single window on submit (draft {draft} "
                                          "not submitted)") and refused.value == draft

    kept = dict(portal.declarations)
    second = run("out2")                                                      # re-run: kept in review, not filed
    assert decl.number not in second.approved and decl.number not in second.filing_failed
    assert decl.number in second.not_filed and portal.declarations == kept
    again = store.get(Declaration, decl.number)
    assert again.status == "returned" and [w.message for w in again.warnings] == [w.message for w in back.warnings]

    fixed = approve(store, decl.number, by="沈佳", edits=fix)
    assert fixed.status == "approved" and not fixed.warnings                  # the refusal answered
    third = run("out3")
    assert decl.number in third.accepted and len(portal.declarations) == 1
    if stage == "submit":
        assert list(portal.declarations) == [back.pre_entry_no]               # filed over the kept draft
        assert portal.declarations[back.pre_entry_no].items[0]["hs_code"] == fix["item.1.hs_code"]
    filed = store.get(Declaration, decl.number)
    assert filed.status == "accepted" and filed.pre_entry_no == list(portal.declarations)[0]
    fourth = run("out4")
    assert not fourth.accepted and not fourth.filing_failed and len(portal.declarations) == 1
