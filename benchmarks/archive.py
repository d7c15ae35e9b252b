"""Fill a running service's archive: upload documents in one request and wait until their jobs are done.

Shared by benchmarks/api.py (which times it) and benchmarks/load.py (which needs the data before its clock
starts). Both are run as `python benchmarks/<name>.py`, so this folder is on sys.path and `import archive`
finds this file.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx

JOBS_TIMEOUT = 900.0


def upload_and_wait(client: httpx.Client, paths: list[Path], poll_seconds: float = 0.1) -> None:
    """`POST /v1/documents` with every file, then poll their jobs; exits if one fails or they take too long."""
    files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in paths]
    response = client.post("/v1/documents", files=files)
    response.raise_for_status()
    pending = {item["job_id"] for item in response.json()["data"]}
    deadline = time.monotonic() + JOBS_TIMEOUT
    while pending:
        if time.monotonic() > deadline:
            raise SystemExit(f"{len(pending)} jobs not done after {JOBS_TIMEOUT:.0f} s")
        for job_id in list(pending):
            job = client.get(f"/v1/jobs/{job_id}").json()
            if job["state"] == "failed":
                raise SystemExit(f"job {job_id} failed: {job.get('error')}")
            if job["state"] == "done":
                pending.discard(job_id)
        time.sleep(poll_seconds)
