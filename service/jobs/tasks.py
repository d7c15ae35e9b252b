"""Job bodies. Each takes ids and a session factory, so a thread or a Celery worker can run it the same way."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from pipelines.errors import KeneshError
from service.corrections import keep_corrections
from service.extraction import Extractor, pipeline_version
from service.page_images import has_pages, render
from service.settings import Settings, get_settings
from service.storage import pages
from service.storage import repositories as repo
from service.storage.db import session_scope
from service.storage.repositories import Claim
from service.storage.tables import Job, JobState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobLimits:
    """How long a worker's lease on a job lasts, and how many tries a job gets (KENESH_JOB_*)."""

    lease_seconds: float
    max_attempts: int

    @classmethod
    def of(cls, settings: Settings) -> JobLimits:
        return cls(settings.job_lease_seconds, settings.job_max_attempts)


class _LeaseLost(Exception):
    """Another worker took the job over while this one was still at it (this one was too slow, not dead)."""


def run_extract_job(
    factory: sessionmaker[Session], extractor: Extractor, job_id: uuid.UUID, limits: JobLimits | None = None
) -> Claim:
    """Extract a job's document and store the record as a new machine version; failures end up on the job.

    An unexpected error is tried again here, up to the limit; an input error (KeneshError) fails at once, since
    the same bytes fail the same way. Returns what the last claim found: BUSY means another worker holds a live
    lease on the job, which the caller may want to look at again once that lease could have expired.
    """
    limits = limits or JobLimits.of(get_settings())
    while True:
        outcome = _run_once(factory, extractor, job_id, limits)
        if outcome is not None:
            return outcome


def _run_once(
    factory: sessionmaker[Session], extractor: Extractor, job_id: uuid.UUID, limits: JobLimits
) -> Claim | None:
    """One try: the claim's outcome, or None when the job went back to the queue for another try."""
    with session_scope(factory) as session:
        claim = repo.claim_job(session, job_id, limits.lease_seconds, limits.max_attempts)
        if not claim:
            return claim  # done, failed, given up, or held by another worker
        job = session.get(Job, job_id, populate_existing=True)
        assert job is not None  # claimed just now in this transaction
        attempt, tries = job.attempts, job.tries
        if tries > 1:
            # Worth watching: many of these mean workers die (memory?) or leases are too short for the documents.
            log.warning("job %s: try %d (attempt %d): an earlier try was cut off or failed", job_id, tries, attempt)
        else:
            log.info("job %s: attempt %d started", job_id, attempt)
        document_id = job.document_id
        requested_by = job.created_by
        document = repo.get_document(session, document_id)
        content = repo.document_content(session, document_id)
        filename = document.filename if document else None
        # Rendered once: a re-extraction reads the same bytes, so the pages drawn the first time stay.
        draw_pages = document is not None and has_pages(document.media_type) and not pages.count(session, document_id)
        media_type = document.media_type if document else ""

    def progress(stage: str, percent: int) -> None:
        with session_scope(factory) as session:
            repo.set_progress(session, job_id, stage, percent, attempt)

    try:
        if content is None:
            raise KeneshError("the document's file is missing from the archive")
        result = extractor.run(content, filename, progress)
        images = render(content, media_type) if draw_pages else []
        progress("store", 95)
        with session_scope(factory) as session:
            # The job ends first, fenced by this attempt: a worker that lost its lease stores nothing, so each
            # successful extraction adds exactly one machine version.
            if not repo.finish_job(session, job_id, JobState.DONE, attempt=attempt):
                raise _LeaseLost
            stored = repo.get_document(session, document_id)
            if stored is None:
                raise KeneshError("the document was deleted while it was being extracted")
            previous_text, stored.text = stored.text, result.text
            machine = repo.add_machine_record(session, document_id, result.record, pipeline_version())
            pages.store(session, document_id, [(item.page, item.width, item.height, item.png) for item in images])
            # A human correction stays the current record over a re-extraction (the rule: corrections.py).
            keep_corrections(session, document_id, machine, previous_text, result.text, requested_by)
            # The current record, which a human correction may still be: the index follows it.
            repo.index_current_record(session, document_id)
    except _LeaseLost:
        log.warning("job %s: attempt %d was taken over by another worker; its result is dropped", job_id, attempt)
        return Claim.GONE
    except KeneshError as exc:
        _fail(factory, job_id, str(exc), attempt)
    except Exception as exc:
        log.exception("job %s failed (attempt %d)", job_id, attempt)
        reason = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
        if tries < limits.max_attempts:
            with session_scope(factory) as session:
                if repo.finish_job(session, job_id, JobState.QUEUED, reason, attempt=attempt):
                    return None
            return Claim.GONE
        _fail(factory, job_id, f"failed {tries} times; the last: {reason}", attempt)
    return Claim.CLAIMED


def _fail(factory: sessionmaker[Session], job_id: uuid.UUID, reason: str, attempt: int) -> None:
    with session_scope(factory) as session:
        repo.finish_job(session, job_id, JobState.FAILED, reason, attempt=attempt)
