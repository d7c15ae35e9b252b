"""One BLAS thread per process, in every entry point: the `kenesh extract` command, the served app (its own
process and its extraction processes) and a Celery worker's runtime.

Each runs in a fresh interpreter whose environment has no *_NUM_THREADS variable (this test process has them
set by the package), so the setting has to come from Kenesh's own imports, before anything imports numpy;
threadpoolctl reads what OpenBLAS actually runs with.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS_DEV, ROOT

SAMPLE = CORPUS_DEV / "mbos-bishkek.txt"
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

_REPORT = """
import json, sys
from threadpoolctl import threadpool_info
def blas(): return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
"""


def _run(script: str, tmp_path: Path) -> dict[str, list[int]]:
    env = {name: value for name, value in os.environ.items() if name not in THREAD_VARIABLES}
    env["PYTHONPATH"] = str(ROOT)
    env["KENESH_DATABASE_URL"] = f"sqlite:///{tmp_path / 'kenesh.db'}"
    answer = subprocess.run(
        [sys.executable, "-c", _REPORT + script], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert answer.returncode == 0, answer.stderr[-3000:]
    return json.loads(answer.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module", autouse=True)
def _blas_would_spin_otherwise(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The check can fail: numpy imported first, without the setting, runs a thread per core here."""
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: OpenBLAS runs one thread anyway, so the setting cannot be told apart")
    found = _run("import numpy\nprint(json.dumps({'bare': blas()}))", tmp_path_factory.mktemp("bare"))
    assert found["bare"] and max(found["bare"]) > 1


def test_the_extract_command_runs_one_blas_thread(tmp_path: Path) -> None:
    script = f"""
from service.cli import main
code = main(["extract", "--jobs", "1", "--out", "out", {str(SAMPLE)!r}])
print(json.dumps({{"code": [code], "cli": blas()}}))
"""
    found = _run(script, tmp_path)
    assert found["code"] == [0]
    assert (tmp_path / "out" / "mbos-bishkek.json").exists()  # numpy was imported, by the real extraction
    assert found["cli"] == [1]


def test_the_served_app_and_its_extraction_processes_run_one_blas_thread(tmp_path: Path) -> None:
    script = f"""
from fastapi.testclient import TestClient
from service.api.main import create_app
from service.settings import Settings
settings = Settings(extract_processes=1, job_workers=1, rate_limit_per_minute=0)
from service.storage import repositories as repo
from service.storage.db import session_scope
from service.storage.tables import Role
with TestClient(create_app(settings)) as client:
    with session_scope(client.app.state.session_factory) as session:
        token = repo.create_token(session, Role.RESEARCHER, "blas")[1]
    text = open({str(SAMPLE)!r}, encoding="utf-8").read()
    answer = client.post("/v1/extract", json={{"text": text}}, headers={{"Authorization": "Bearer " + token}})
    assert answer.status_code == 200 and answer.json()["persons"], answer.text
    pools = client.app.state.extractor.pools
    print(json.dumps({{"app": blas(), **{{name: pool.blas_threads() for name, pool in pools.items()}}}}))
"""
    found = _run(script, tmp_path)
    assert found == {"app": [1], "interactive": [1], "jobs": [1]}


def test_a_celery_workers_runtime_runs_one_blas_thread(tmp_path: Path) -> None:
    # What a `kenesh worker` pool process sets up for its first job: the engine, the models, one warm-up.
    script = """
from service.jobs.celery_app import _runtime
runtime = _runtime()
record = runtime.extractor.extract("Заседание Совета в Бишкеке 21 сентября.".encode())
print(json.dumps({"locations": [len(record.locations)], "worker": blas()}))
"""
    found = _run(script, tmp_path)
    assert found["locations"] == [1]
    assert found["worker"] == [1]
