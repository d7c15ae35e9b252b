"""Stalls from the outside: what 100 event streams opened at once, and 40 slow bodies without a token, leave of
the service (README, Hardening → Stalls from the outside).

A real uvicorn on 127.0.0.1 (in this process) with a fresh archive, SQLite by default or the PostgreSQL
database given (it is emptied). Prints how many streams opened within 10 s and how long health checks and
searches took meanwhile; then how many of 40 slow bodies still hold the connection after a token's request,
and that request's status.

    python benchmarks/stalls.py [--database-url postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import uvicorn
from sqlalchemy import create_engine

from service.api.main import create_app
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import Role

STREAMS = 100
SLOW_CLIENTS = 40
ANSWER_SECONDS = 10.0


@contextmanager
def serving(settings: Settings) -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def open_stream(port: int, token: str, job_id: str) -> tuple[socket.socket | None, bool]:
    """A stream held open, and whether it answered 200 with its first event within ANSWER_SECONDS."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=ANSWER_SECONDS)
        request = f"GET /v1/jobs/{job_id}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n"
        sock.sendall(request.encode())
        answer = b""
        while b"\n\n" not in answer.partition(b"event: ")[2]:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        return sock, answer.startswith(b"HTTP/1.1 200")
    except OSError:
        return None, False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{tempfile.mkdtemp()}/kenesh.db")
    url = parser.parse_args().database_url
    if not url.startswith("sqlite"):
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        engine.dispose()
    engine = make_engine(url)
    migrate(engine)
    with session_scope(make_session_factory(engine)) as session:
        token = repo.create_token(session, Role.RESEARCHER, "bench")[1]
    settings = Settings(database_url=url, warm_up=False, rate_limit_per_minute=0, max_streams_per_token=STREAMS)
    headers = {"Authorization": f"Bearer {token}"}

    with serving(settings) as port:
        # A job nobody runs (added behind the service's back): its streams stay open.
        with session_scope(make_session_factory(engine)) as session:
            document = repo.add_document(session, "Заседание.".encode(), "a.txt", "text/plain", None)
            job_id = str(repo.add_job(session, document.id, None).id)
        started = time.monotonic()
        with ThreadPoolExecutor(STREAMS) as pool:
            opened = list(pool.map(lambda _: open_stream(port, token, job_id), range(STREAMS)))
        opening = time.monotonic() - started
        waits = []
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as http:
            for _ in range(10):
                started = time.monotonic()
                statuses = (http.get("/v1/health").status_code, http.get("/v1/search?q=заседание", headers=headers))
                waits.append((time.monotonic() - started, statuses[0], statuses[1].status_code))
        for sock, _ in opened:
            if sock is not None:
                sock.close()
        print(
            f"{STREAMS} streams at once: {sum(ok for _, ok in opened)} answered within {ANSWER_SECONDS:g} s "
            f"(all in {opening:.1f} s); health + search meanwhile: slowest {max(w for w, _, _ in waits):.2f} s, "
            f"statuses {sorted({(h, s) for _, h, s in waits})}"
        )

    with serving(settings.model_copy(update={"failed_auth_per_minute": 0})) as port:
        slow = []
        for _ in range(SLOW_CLIENTS):
            sock = socket.create_connection(("127.0.0.1", port), timeout=ANSWER_SECONDS)
            sock.sendall(b"PATCH /v1/documents/x/record HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{")
            slow.append(sock)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            status = http.get("/v1/documents", headers=headers).status_code
        held = 0
        for sock in slow:
            sock.settimeout(0.5)
            try:
                sock.recv(100)
            except TimeoutError:
                held += 1  # no answer yet: it holds whatever it got
            sock.close()
        print(f"{SLOW_CLIENTS} slow bodies without a token: {held} unanswered; a token's GET /v1/documents: {status}")
    engine.dispose()


if __name__ == "__main__":
    main()
