"""Job bodies. Each takes ids and a session factory, so a thread or a Celery worker can run it the same way."""

from __future__ import annotations

import logging
import uuid

from sqlalchemy.orm import Session, sessionmaker

from pipelines.errors import KeneshError
from service.corrections import keep_corrections
from service.extraction import Extractor, pipeline_version
from service.storage import repositories as repo
from service.storage.db import session_scope
from service.storage.tables import JobState

log = logging.getLogger(__name__)


def run_extract_job(factory: sessionmaker[Session], extractor: Extractor, job_id: uuid.UUID) -> None:
    """Extract a job's document and store the record as a new machine version; failures end up on the job."""
    with session_scope(factory) as session:
        if not repo.claim_job(session, job_id):
            return  # done, failed, or claimed by another worker
        job = repo.get_job(session, job_id)
        assert job is not None  # claimed just now in this transaction
        document_id = job.document_id
        requested_by = job.created_by
        document = repo.get_document(session, document_id)
        content = repo.document_content(session, document_id)
        filename = document.filename if document else None

    def progress(stage: str, percent: int) -> None:
        with session_scope(factory) as session:
            repo.set_progress(session, job_id, stage, percent)

    try:
        if content is None:
            raise KeneshError("the document's file is missing from the archive")
        result = extractor.run(content, filename, progress)
        progress("store", 95)
        with session_scope(factory) as session:
            stored = repo.get_document(session, document_id)
            if stored is None:
                raise KeneshError("the document was deleted while it was being extracted")
            previous_text, stored.text = stored.text, result.text
            machine = repo.add_machine_record(session, document_id, result.record, pipeline_version())
            # A human correction stays the current record over a re-extraction (the rule: corrections.py).
            keep_corrections(session, document_id, machine, previous_text, result.text, requested_by)
            # The current record, which a human correction may still be: the index follows it.
            repo.index_current_record(session, document_id)
            repo.finish_job(session, job_id, JobState.DONE)
    except KeneshError as exc:
        _fail(factory, job_id, str(exc))
    except Exception as exc:
        log.exception("job %s failed", job_id)
        _fail(factory, job_id, f"internal error: {type(exc).__name__}: {exc}".splitlines()[0])


def _fail(factory: sessionmaker[Session], job_id: uuid.UUID, reason: str) -> None:
    with session_scope(factory) as session:
        repo.finish_job(session, job_id, JobState.FAILED, reason)
