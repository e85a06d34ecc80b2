"""The browser layer's pieces that need no portal: safe download names and zip unpacking."""

from __future__ import annotations

import zipfile

import pytest

from bots.bank import unpack_zip
from bots.browser import safe_filename, unique_path
from bots.credentials import Credentials, RedactSecrets, scrub
from hub.errors import InputError


@pytest.mark.parametrize("hostile", [
    "../../etc/passwd", "/etc/passwd", "..\\..\\windows\\system32\\cmd.exe", "C:\\temp\\x.pdf", "a/../../b.pdf",
    "..", ".", "", "report\x00.pdf", "line\nbreak.pdf", "tab\tname.xlsx", "   ", "....pdf", "con:stream.txt",
    "x" * 400 + ".pdf",
])
def test_safe_filename_stays_in_its_folder(tmp_path, hostile):
    name = safe_filename(hostile)
    assert name and "/" not in name and "\\" not in name and ".." not in name
    assert not any(ord(c) < 32 for c in name) and len(name) <= 150
    path = unique_path(tmp_path, name)
    assert path.parent == tmp_path.resolve()


def test_safe_filename_keeps_ordinary_names():
    assert safe_filename("电子回单_2026-01-07.pdf") == "电子回单_2026-01-07.pdf"
    assert safe_filename("orders_2026-01-01_all.xlsx") == "orders_2026-01-01_all.xlsx"
    assert safe_filename("x" * 400 + ".pdf").endswith(".pdf")


def test_unique_path_never_overwrites(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"1")
    assert unique_path(tmp_path, "a.pdf").name == "a (2).pdf"


def test_zip_slip_is_contained(tmp_path):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escape.pdf", b"%PDF-1 x")
        zf.writestr("/abs/path.pdf", b"%PDF-1 y")
        zf.writestr("sub/dir/ok.pdf", b"%PDF-1 z")
    out = tmp_path / "out"
    files = unpack_zip(archive, out)
    assert len(files) == 3
    assert all(f.parent == out.resolve() for f in files)
    assert not (tmp_path / "escape.pdf").exists()


def test_secrets_never_print(monkeypatch):
    monkeypatch.setenv("T_USER", "someone")
    monkeypatch.setenv("T_PASS", "pw-Very-Secret-1")
    creds = Credentials.from_env("T_USER", "T_PASS")
    assert "pw-Very-Secret-1" not in repr(creds) and "pw-Very-Secret-1" not in str(creds.password)
    assert scrub("login with pw-Very-Secret-1 failed") == "login with *** failed"
    import logging

    record = logging.LogRecord("bots", logging.INFO, __file__, 1, "typed %s", ("pw-Very-Secret-1",), None)
    RedactSecrets().filter(record)
    assert record.getMessage() == "typed ***"
    monkeypatch.delenv("T_PASS")
    with pytest.raises(InputError, match="T_PASS"):
        Credentials.from_env("T_USER", "T_PASS")
