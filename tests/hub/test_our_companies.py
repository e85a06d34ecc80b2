"""The our-companies master: read from ORDERHUB_HOME or the file ORDERHUB_OUR_COMPANIES names, written by
the demo from the world's own company, shown by ``orderhub companies``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hub.settings import OurCompany, our_companies, our_companies_path, write_our_companies


def test_no_master_is_an_empty_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORDERHUB_OUR_COMPANIES", raising=False)
    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path))
    assert our_companies() == []


def test_read_from_home_and_from_the_named_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORDERHUB_OUR_COMPANIES", raising=False)
    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path))
    (tmp_path / "our_companies.toml").write_text(
        '[[company]]\nname = "宁波海曙远航贸易有限公司"\nname_en = "Ningbo Yuanhang Trading Co., Ltd."\n'
        'tax_ids = ["91330203MA2H7XKQ0L"]\naccounts = ["3901 1100 0922 1234 567", "HK12-3456"]\naliases = "远航贸易"\n'
        '\n[[company]]\nname = "Yuanhang (HK) Ltd"\n', encoding="utf-8")
    found = our_companies()
    assert [c.name for c in found] == ["宁波海曙远航贸易有限公司", "Yuanhang (HK) Ltd"]
    assert found[0].accounts == ("3901110009221234567", "HK123456")
    assert found[0].aliases == ("远航贸易",)
    assert found[0].all_names() == ("宁波海曙远航贸易有限公司", "Ningbo Yuanhang Trading Co., Ltd.", "远航贸易")
    other = tmp_path / "elsewhere.toml"
    write_our_companies([OurCompany(name="Other Co", tax_ids=("DE811569869",))], other)
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(other))
    assert our_companies_path() == other.resolve()
    assert [(c.name, c.tax_ids) for c in our_companies()] == [("Other Co", ("DE811569869",))]


def test_malformed_master_names_file_and_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "ours.toml"
    bad.write_text('[[company]]\nname_en = "No Chinese name"\n', encoding="utf-8")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(bad))
    with pytest.raises(ValueError, match=r"ours\.toml: company 1 has no name"):
        our_companies()


def test_demo_world_company_and_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fixtures.generator.masterdata import our_company, our_company_master
    from hub import commands  # noqa: F401  (registers the command)
    from hub.cli import app

    monkeypatch.delenv("ORDERHUB_OUR_COMPANIES", raising=False)
    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path))
    world = our_company()
    write_our_companies([our_company_master(world)])
    result = CliRunner().invoke(app, ["companies", "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output.splitlines()[0])
    assert shown["name"] == world["name"] and shown["tax_ids"] == [world["tax_id"]]
    assert world["account"] in shown["accounts"]


def test_statement_reader_hook_sees_the_master(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors.statements.tables import our_parties

    path = write_our_companies([OurCompany(name="宁波远航贸易有限公司", name_en="Ningbo Yuanhang Trading Co., Ltd.",
                                           accounts=("3901-1100-0922",), aliases=("远航贸易",))], tmp_path / "o.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))
    names, accounts = our_parties()
    assert accounts == {"390111000922"} and len(names) == 3
