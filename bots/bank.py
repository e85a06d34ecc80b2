"""The bank downloader: log in to the corporate e-banking portal (password + SMS code), download the
e-receipts (电子回单) of a date range as one zip (or one by one) and the statement export (xlsx), and
check both against the portal's own counts."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page

from bots.browser import (
    BotError,
    Browser,
    LocatorMissing,
    LoginError,
    PortalSession,
    Site,
    Transient,
    required,
    safe_filename,
    unique_path,
)
from bots.credentials import Credentials
from bots.locators import describe, resolve
from bots.profiles import Profile, load_profile
from bots.scraper import ShortfallError

MAX_RECEIPT_BYTES = 20 * 1024 * 1024
SmsReader = Callable[[Page, str, str], str]


def mailbox_code(page: Page, base_url: str, user: str, path: str = "/dev/mailbox.json") -> str:
    """The newest unused SMS code for ``user`` from the demo bank's developer mailbox."""
    response = page.request.get(base_url + path)
    if not response.ok:
        raise Transient(f"the SMS mailbox answered HTTP {response.status}")
    for message in response.json():
        if message.get("to") == user and not message.get("used"):
            return str(message["code"])
    raise Transient("no SMS code arrived")


def bank_site(profile: Profile, base_url: str, sms: SmsReader | None = None) -> Site:
    """The bank portal as the browser layer sees it (login with an SMS code)."""
    spec, transient = profile.data["login"], tuple(profile.site.get("transient_texts", ()))
    mailbox = profile.site.get("sms_mailbox", "/dev/mailbox.json")
    reader = sms or (lambda page, url, user: mailbox_code(page, url, user, mailbox))

    def login(page: Page, credentials: Credentials, url: str) -> None:
        response = page.goto(url + spec["url"], wait_until="domcontentloaded")
        if response is not None and response.status >= 500:
            raise Transient(f"HTTP {response.status} on the login page")
        required(page, spec["user"], "login: operator id").fill(credentials.username)
        required(page, spec["password"], "login: password").fill(credentials.password.reveal())
        required(page, spec["send_code"], "login: send SMS code").click()
        page.wait_for_timeout(200)
        required(page, spec["code"], "login: SMS code").fill(reader(page, url, credentials.username))
        required(page, spec["submit"], "login: submit").click()
        success = resolve(page, spec["success"]).first
        target = success.or_(resolve(page, spec["failure"]).first)
        for text in transient:
            target = target.or_(page.get_by_text(text))
        target.first.wait_for(timeout=15000)
        if success.is_visible():
            return
        if any(page.get_by_text(t).count() for t in transient):
            if spec["url"] not in page.url:
                return      # logged in; the landing page failed (the next step retries it)
            raise Transient("the page after logging in is an error page")
        message = resolve(page, spec["failure"]).first.inner_text().strip()
        if "验证码" in message:
            raise Transient(f"SMS code refused: {message}")
        raise LoginError(f"bank: the portal refused the login for {credentials.username!r}: {message}")

    return Site(name="bank", base_url=base_url, login=login, login_path=spec["url"],
                is_login_page=lambda page: spec["url"] in page.url and "/dev/" not in page.url,
                transient_texts=transient, login_marker=spec["send_code"])


@dataclass
class BankDownload:
    """What the bank downloader fetched."""

    receipts: list[Path] = field(default_factory=list)
    statement: Path | None = None
    receipt_count: int = 0
    statement_count: int = 0


class BankDownloader:
    """Receipts and statements from the bank portal, on one :class:`PortalSession`."""

    def __init__(self, session: PortalSession, profile: Profile, out_dir: Path) -> None:
        self.session, self.profile, self.out_dir = session, profile, Path(out_dir)

    def _count(self, page: Page, spec: dict) -> int:
        text = self.session.wait_for(page, spec["locator"]).inner_text()
        m = re.search(spec["pattern"], text)
        if not m:
            raise LocatorMissing(f"{describe(spec['locator'])} with /{spec['pattern']}/", f"text {text!r}")
        return int(m[1])

    def receipts(self, since: date | None, until: date | None) -> tuple[list[Path], int]:
        """All e-receipts of the range as one zip, unpacked under safe names; checked against the count."""
        spec = self.profile.data["receipts"]
        folder = self.out_dir / "receipts"

        def fetch(page: Page) -> tuple[Path, int]:
            self.session.goto(page, spec["url"].format(since=since or "", until=until or ""), spec["table"])
            count = self._count(page, spec["count"])
            link = required(page, spec["batch"], "batch download")
            return self.session.download(page, link.click, self.out_dir / "zips"), count

        archive, count = self.session.step("receipts: batch download", fetch)
        files = unpack_zip(archive, folder)
        if len(files) != count:
            raise ShortfallError("receipts: batch download", f"the portal lists {count} receipts but the zip holds "
                                 f"{len(files)}")
        return files, count

    def receipt(self, transaction_id: str, since: date | None = None, until: date | None = None) -> Path:
        """One e-receipt, from its row's download link."""
        spec = self.profile.data["receipts"]
        name = spec["row_link"].format(transaction_id=transaction_id)

        def fetch(page: Page) -> Path:
            self.session.goto(page, spec["url"].format(since=since or "", until=until or ""), spec["table"])
            link = required(page, {"role": "link", "name": name}, f"receipt {transaction_id}")
            return self.session.download(page, link.click, self.out_dir / "receipts")

        return self.session.step(f"receipt {transaction_id}", fetch)

    def statement(self, since: date | None, until: date | None) -> tuple[Path, int]:
        """The statement export (xlsx) of the range; its rows are checked against the portal's count."""
        spec = self.profile.data["statement"]

        def fetch(page: Page) -> tuple[Path, int]:
            self.session.goto(page, spec["url"].format(since=since or "", until=until or ""), spec["table"])
            count = self._count(page, spec["count"])
            link = required(page, spec["export"], "statement export")
            return self.session.download(page, link.click, self.out_dir / "statements"), count

        path, count = self.session.step("statement export", fetch)
        rows = statement_rows(path, int(spec.get("header_row", 1)))
        if rows != count:
            raise ShortfallError("statement export", f"the portal lists {count} transactions but the export has {rows}")
        return path, count


def statement_rows(path: Path, header_row: int) -> int:
    """Data rows below the header row of a statement export."""
    sheet = load_workbook(path, read_only=True).active
    return sum(1 for row in sheet.iter_rows(min_row=header_row + 1, values_only=True) if any(v is not None for v in row))


def unpack_zip(archive: Path, folder: Path, *, max_bytes: int = MAX_RECEIPT_BYTES) -> list[Path]:
    """Unpack a downloaded zip under safe names (nothing can land outside ``folder``)."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                if info.file_size > max_bytes:
                    raise BotError(f"{archive.name}: {info.filename!r} is {info.file_size} bytes (limit {max_bytes})")
                target = unique_path(folder, safe_filename(info.filename))
                target.write_bytes(zf.read(info))
                out.append(target)
    except zipfile.BadZipFile as exc:
        raise BotError(f"{archive}: not a zip file ({exc})") from exc
    return out


def download_bank(base_url: str, credentials: Credentials, out_dir: Path, since: date | None = None,
                  until: date | None = None, *, profile: str | Path = "bank", sms: SmsReader | None = None,
                  trace: bool = True) -> BankDownload:
    """Log in, download the receipts (zip) and the statement of the range, check both counts."""
    prof = load_profile(profile) if not isinstance(profile, Profile) else profile
    out_dir = Path(out_dir)
    with Browser() as browser, PortalSession(browser, bank_site(prof, base_url, sms), credentials, out_dir,
                                             trace=trace) as session:
        bot = BankDownloader(session, prof, out_dir)
        receipts, receipt_count = bot.receipts(since, until)
        statement, statement_count = bot.statement(since, until)
    return BankDownload(receipts, statement, receipt_count, statement_count)
