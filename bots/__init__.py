"""Playwright sessions on Debian chromium: portal scrapers, bank downloader, customs filer."""
