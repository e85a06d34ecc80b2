"""Links to the files flows write (workbooks, reports, bot evidence) that open from the Prefect UI.

A browser will not open ``file://`` links from a web page, so ``orderhub server --files-port N`` serves a
folder (``--files-root``, default the current folder) read-only on ``http://127.0.0.1:N`` and sets
``ORDERHUB_FILES_URL`` / ``ORDERHUB_FILES_ROOT`` for the flows it runs; :func:`file_link` then turns a
path under that folder into its ``http://`` address (anything else stays a ``file://`` link).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from urllib.parse import quote

FILES_URL_ENV = "ORDERHUB_FILES_URL"
FILES_ROOT_ENV = "ORDERHUB_FILES_ROOT"


def file_link(path: str | Path) -> str:
    """The address of ``path`` for an artifact: served over HTTP when it lies under the served folder."""
    resolved = Path(path).resolve()
    url, root = os.environ.get(FILES_URL_ENV), os.environ.get(FILES_ROOT_ENV)
    if url and root:
        try:
            relative = resolved.relative_to(Path(root).resolve())
        except ValueError:
            pass
        else:
            return f"{url.rstrip('/')}/{quote(relative.as_posix())}"
    return resolved.as_uri()


class FileServer:
    """A read-only HTTP server of one folder on 127.0.0.1, in a background thread."""

    def __init__(self, root: Path, port: int) -> None:
        import uvicorn
        from starlette.applications import Starlette
        from starlette.routing import Mount
        from starlette.staticfiles import StaticFiles

        self.root, self.port = root.resolve(), port
        self.root.mkdir(parents=True, exist_ok=True)  # e.g. demo/ before the first demo run
        app = Starlette(routes=[Mount("/", app=StaticFiles(directory=str(self.root), html=False))])
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                                     access_log=False))
        self._thread = threading.Thread(target=self._server.run, name="orderhub-files", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 10) -> FileServer:
        """Start serving, and point :func:`file_link` at this server (for flows run in this process)."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the file server could not start on port {self.port}")
            time.sleep(0.05)
        os.environ[FILES_URL_ENV], os.environ[FILES_ROOT_ENV] = self.url, str(self.root)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        for name in (FILES_URL_ENV, FILES_ROOT_ENV):
            os.environ.pop(name, None)

    def __enter__(self) -> FileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
