"""Stalls anyone can cause from outside, against a real uvicorn on 127.0.0.1: open event streams, slow bodies,
unauthenticated floods. Every wait here is bounded by a deadline; nothing sleeps and then asserts."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import uvicorn

from service.api.main import create_app
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, session_scope

START_SECONDS = 120.0
# An answer the service owes at once (a health check, a search, a refusal) comes within this, however loaded.
ANSWER_SECONDS = 10.0


@dataclass
class Server:
    base: str
    port: int
    settings: Settings


@contextmanager
def serving(settings: Settings) -> Iterator[Server]:
    """The app under a real uvicorn in this process (a thread), on a free port of 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_SECONDS
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        yield Server(f"http://127.0.0.1:{port}", port, settings)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _queued_job(settings: Settings) -> uuid.UUID:
    """A job nobody runs (added behind the running service's back): its stream stays open, with keep-alives."""
    engine = make_engine(settings.database_url)
    with session_scope(make_session_factory(engine)) as session:
        document = repo.add_document(session, f"Заседание {uuid.uuid4()}.".encode(), "a.txt", "text/plain", None)
        job = repo.add_job(session, document.id, None)
    engine.dispose()
    return job.id


# --- event streams -----------------------------------------------------------------------------------------------

STREAMS = 100  # more than the database pool (5 + 10 overflow) and than AnyIO's 40 threads


def _open_stream(server: Server, token: str, job_id: uuid.UUID) -> tuple[socket.socket, str]:
    """A raw connection holding an event stream open, and the start of its answer (status line to first event)."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=ANSWER_SECONDS)
    sock.sendall(
        f"GET /v1/jobs/{job_id}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
    )
    answer = b""
    # The headers and the first event (a 200), or a whole short refusal (a 429 with its body).
    while not (answer.startswith(b"HTTP/1.1 200") and b"\n\n" in answer.partition(b"event: ")[2]):
        chunk = sock.recv(65536)
        if not chunk:
            break
        answer += chunk
        if not answer.startswith(b"HTTP/1.1 200") and b"\r\n\r\n" in answer and b'"}' in answer:
            break
    return sock, answer.decode("utf-8", "replace")


def test_open_event_streams_leave_health_and_search_answering(settings: Settings, tokens: dict[str, str]) -> None:
    """Streams hold no database connection while they wait, and their number is bounded per token."""
    bounded = settings.model_copy(update={"max_streams_per_token": STREAMS})
    researcher = tokens["researcher"]
    with serving(bounded) as server:
        job_id = _queued_job(settings)
        held: list[socket.socket] = []
        try:
            # All at once, as a page following a hundred uploads opens them.
            with ThreadPoolExecutor(STREAMS) as pool:
                opened = list(pool.map(lambda _: _open_stream(server, researcher, job_id), range(STREAMS)))
            held.extend(sock for sock, _ in opened)
            for _, answer in opened:
                assert answer.startswith("HTTP/1.1 200"), answer[:300]
                assert '"state":"queued"' in answer
            with httpx.Client(base_url=server.base, timeout=ANSWER_SECONDS) as http:
                for _ in range(10):
                    assert http.get("/v1/health").status_code == 200
                    found = http.get("/v1/search", params={"q": "заседание"}, headers=bearer(researcher))
                    assert found.status_code == 200, found.text
                    assert http.get(f"/v1/jobs/{job_id}", headers=bearer(researcher)).json()["state"] == "queued"
                # Another token is not held back by this one's streams.
                sock, answer = _open_stream(server, tokens["archivist"], job_id)
                held.append(sock)
                assert answer.startswith("HTTP/1.1 200"), answer[:300]
            sock, answer = _open_stream(server, researcher, job_id)
            held.append(sock)
            assert answer.startswith("HTTP/1.1 429"), answer[:300]
            assert f"{STREAMS} event streams" in answer
        finally:
            for sock in held:
                sock.close()
        # Closed streams give their places back (once the server notices the disconnection).
        deadline = time.monotonic() + ANSWER_SECONDS * 3
        while True:
            sock, answer = _open_stream(server, researcher, job_id)
            sock.close()
            if answer.startswith("HTTP/1.1 200") or time.monotonic() > deadline:
                break
        assert answer.startswith("HTTP/1.1 200"), answer[:300]


# --- slow and large bodies ---------------------------------------------------------------------------------------

SLOW_CLIENTS = 40
PATCH_PATH = "/v1/documents/00000000-0000-0000-0000-000000000000/record"


def _start_body(port: int, headers: str, first: bytes = b"{", request: str = f"PATCH {PATCH_PATH}") -> socket.socket:
    """A request whose headers and first body byte are sent, and the rest never (1 byte per eternity)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=ANSWER_SECONDS)
    sock.sendall(f"{request} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n".encode() + first)
    return sock


def _answer(sock: socket.socket) -> str:
    """The status line and body of the answer (read until the server closes or the JSON body ends)."""
    answer = b""
    while not (b"\r\n\r\n" in answer and answer.rstrip().endswith(b"}")):
        chunk = sock.recv(65536)
        if not chunk:
            break
        answer += chunk
    return answer.decode("utf-8", "replace")


def test_slow_bodies_without_a_token_take_no_place(settings: Settings, tokens: dict[str, str]) -> None:
    """40 clients sending a body a byte at a time, without a token, filled every admission place: now each is
    answered 401 from its headers, and the service goes on serving."""
    few_places = settings.model_copy(
        update={"max_concurrent_requests": 4, "max_queued_requests": 0, "failed_auth_per_minute": 0}
    )
    with serving(few_places) as server:
        slow = [
            _start_body(server.port, "Content-Type: application/json\r\nContent-Length: 100000\r\n")
            for _ in range(SLOW_CLIENTS)
        ]
        try:
            answers = [_answer(sock) for sock in slow]
            assert all(answer.startswith("HTTP/1.1 401") for answer in answers), answers[0][:300]
            assert "missing token" in answers[0]
            cookies = {"kenesh_token": tokens["researcher"]}
            with httpx.Client(base_url=server.base, timeout=ANSWER_SECONDS, cookies=cookies) as http:
                for _ in range(10):
                    assert http.get("/v1/documents", headers=bearer(tokens["researcher"])).status_code == 200
                    assert http.get("/", follow_redirects=False).status_code == 200
        finally:
            for sock in slow:
                sock.close()


def test_a_slow_body_with_a_token_is_given_up_after_its_time(settings: Settings, tokens: dict[str, str]) -> None:
    """A token holder's slow bodies hold places only until KENESH_BODY_SECONDS: then 408, and others get in."""
    seconds = 1.0
    two_places = settings.model_copy(
        update={"max_concurrent_requests": 2, "max_queued_requests": 8, "request_wait_seconds": 30, "body_seconds": 1}
    )
    headers = (
        f"Authorization: Bearer {tokens['archivist']}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
    )
    with serving(two_places) as server:
        slow = [_start_body(server.port, headers) for _ in range(2)]
        try:
            with httpx.Client(base_url=server.base, timeout=ANSWER_SECONDS * 3) as http:
                # Served once a slow body is given up (before, it waited out request_wait_seconds: 503).
                assert http.get("/v1/documents", headers=bearer(tokens["researcher"])).status_code == 200
            answers = [_answer(sock) for sock in slow]
        finally:
            for sock in slow:
                sock.close()
    for answer in answers:
        assert answer.startswith("HTTP/1.1 408"), answer[:300]
        assert f"did not arrive within {seconds:g} s" in answer


def test_large_bodies_are_refused_from_their_headers(settings: Settings, tokens: dict[str, str]) -> None:
    with serving(settings) as server:
        huge = f"Content-Type: application/json\r\nContent-Length: {48 * 2**20}\r\n"
        # Without a token: 401 before any of the 48 MB text is sent (it was parsed whole first: +1.1 GB).
        sock = _start_body(server.port, huge, first=b"", request="POST /v1/extract")
        with sock:
            answer = _answer(sock)
        assert answer.startswith("HTTP/1.1 401"), answer[:300]
        # With one: 413 from the length alone, for any body but an upload's.
        sock = _start_body(server.port, f"Authorization: Bearer {tokens['archivist']}\r\n{huge}", first=b"")
        with sock:
            answer = _answer(sock)
        assert answer.startswith("HTTP/1.1 413"), answer[:300]
        assert "the request is larger than 1.0 MB" in answer
        # A body without a length is cut off at the limit.
        chunked = f"Authorization: Bearer {tokens['archivist']}\r\nContent-Type: application/json\r\n"
        sock = _start_body(server.port, chunked + "Transfer-Encoding: chunked\r\n", first=b"")
        with sock:
            chunk = b"[" + b" " * 65534 + b"\r\n"
            try:
                for _ in range(64):  # 4 MB, if nobody stops it
                    sock.sendall(b"%x\r\n" % (len(chunk) - 2) + chunk)
            except OSError:
                pass  # the server answered and closed: the rest is not read
            answer = _answer(sock)
        assert answer.startswith("HTTP/1.1 413"), answer[:300]
