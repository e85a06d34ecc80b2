"""Serve the review station with uvicorn from a background thread (the demo and the tests use this;
``orderhub review`` runs it in the foreground)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn

from hub.store import Store
from station.config import station_host


@dataclass
class RunningStation:
    """A station being served: its address and its uvicorn server."""

    url: str
    server: uvicorn.Server


@contextmanager
def serve_station(store: Store, *, host: str | None = None, port: int = 0) -> Iterator[RunningStation]:
    """Serve the station on ``host`` (default 127.0.0.1) and ``port`` (0: a free one) until the block ends."""
    from station.app import create_app

    bind = host or station_host()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((bind, port))
    sock.listen(128)
    config = uvicorn.Config(create_app(store), log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    started = threading.Event()

    async def main() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.01)
        started.set()
        await task

    thread = threading.Thread(target=lambda: asyncio.run(main()), name="review-station", daemon=True)
    thread.start()
    started.wait(30)
    try:
        yield RunningStation(f"http://{bind}:{sock.getsockname()[1]}", server)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
