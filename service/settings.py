"""Every configurable value of the service, read once from `KENESH_*` environment variables (or `.env`)."""

from __future__ import annotations

import os
from functools import cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipelines.extract import MAX_INPUT_BYTES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KENESH_", env_file=".env", extra="ignore")

    database_url: str = Field(
        "sqlite:///./kenesh.db",
        description="SQLAlchemy URL; PostgreSQL as postgresql+psycopg://user:password@host:5432/db",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    # The pipeline refuses larger inputs anyway; the service says so before reading a body that size.
    max_upload_bytes: int = Field(MAX_INPUT_BYTES, gt=0)
    max_files_per_upload: int = Field(100, gt=0)
    job_workers: int = Field(
        1, gt=0, description="embedded jobs at once; processes of their own when extract_processes > 0"
    )
    # Extraction is CPU-bound Python: threads share one core, processes use them all. Forked from the service
    # after the models load, the processes share the model memory.
    extract_processes: int = Field(
        default_factory=lambda: len(os.sched_getaffinity(0)),
        ge=0,
        description="processes of its own for POST /v1/extract, default: the cores (the embedded jobs get "
        "job_workers others, so that neither holds up the other); 0: everything in the service process, one "
        "document at a time",
    )
    broker_url: str | None = Field(
        None, description="Celery broker, e.g. redis://127.0.0.1:6379/0; unset: jobs run in the service process"
    )
    job_lease_seconds: float = Field(
        600, gt=0, description="a running job not heard from for this long lost its worker and is taken over"
    )
    job_max_attempts: int = Field(3, gt=0, description="runs of a job (taken over or failed) before it ends failed")
    job_sweep_seconds: float = Field(
        30,
        ge=0,
        description="with a broker: how often the service and each worker hand it the jobs it lacks (their upload "
        "got a 503, the broker restarted empty, their lease expired); 0: only when the service starts",
    )
    sse_poll_seconds: float = Field(
        0.5, gt=0, description="how often the jobs of open event streams are looked up (one query for all)"
    )
    max_streams_per_token: int = Field(
        20, ge=0, description="event streams one token may hold open (429 beyond; the upload page then polls); 0: any"
    )
    body_seconds: float = Field(
        30, gt=0, description="a request body not complete this long after its first read is refused with 408"
    )
    max_request_bytes: int = Field(
        1024 * 1024, gt=0, description="bodies other than uploads and /v1/extract (corrections, merges): larger → 413"
    )
    failed_auth_per_minute: int = Field(
        30, ge=0, description="failed authentications a minute per client address; beyond: 429; 0: no limit"
    )
    rate_limit_per_minute: int = Field(
        600, ge=0, description="requests a minute per token (per client address without one); 0: no limit"
    )
    # The pipeline runs one document at a time; requests beyond these get a 503 with Retry-After at once.
    max_concurrent_extractions: int = Field(
        4, ge=0, description="POST /v1/extract requests running or waiting for the pipeline; 0: no bound"
    )
    extract_wait_seconds: float = Field(
        30, gt=0, description="how long a POST /v1/extract request waits for the pipeline (busy with jobs) before a 503"
    )
    # Fewer than AnyIO's 40 request threads, so that requests waiting for a database connection never hold
    # every thread while those holding connections need one to finish (service/api/overload.py).
    max_concurrent_requests: int = Field(
        32, ge=0, le=39, description="requests worked on at once (event streams aside); 0: no bound"
    )
    max_queued_requests: int = Field(256, ge=0, description="requests that may wait for a place; more get a 503")
    request_wait_seconds: float = Field(10, gt=0, description="how long a request waits for a place before a 503")
    warm_up: bool = Field(True, description="load the NLP models at start, not on the first request")


@cache
def get_settings() -> Settings:
    return Settings()
