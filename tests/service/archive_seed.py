"""Many documents in an archive cheaply: stored through the repositories with a record of the real pipeline.

A test of paging needs a hundred documents, not a hundred extractions: one short text is extracted for real,
and each document gets that record with its own meeting (title, date, body, topic) and its own text, stored
and indexed exactly as a job stores and indexes one. The texts differ only in fixed-width digits, so the
record's spans fit every one of them: А.А. Петров speaks at all the meetings.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from pipelines.extract import extract_bytes
from pipelines.record import MeetingRecord, Topic
from service.corrections import misplaced_spans
from service.morphology import phrase_key
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import ArchiveOrganization, JobState, OrganizationName

TEMPLATE = "Заседание Совета по вопросам миграции номер {n:04d}\n{day:02d} марта 20{year} года, г. Бишкек\n" + (
    "Заседание открыл председатель Совета Осмонов Кубат Токтогулович. С докладом выступил министр труда А.А. Петров."
)
TOPICS = (Topic(id="migration", label="Миграция", score=0.9), Topic(id="education", label="Образование", score=0.8))


@dataclass(frozen=True)
class Seeded:
    document_id: uuid.UUID
    filename: str
    title: str
    date: str
    topic: str


def seed(database_url: str, count: int, *, queued: int = 0) -> list[Seeded]:
    """`count` extracted documents (file seed-001.txt …, meeting dates spread over 2010–2019) and `queued`
    more whose jobs wait in the queue (never handed to it: the service is not told)."""
    engine = make_engine(database_url)
    migrate(engine)
    factory = make_session_factory(engine)
    base = extract_bytes(TEMPLATE.format(n=0, day=1, year=10).encode(), "seed.txt")
    seeded: list[Seeded] = []
    try:
        with session_scope(factory) as session:
            for n in range(1, count + 1):
                text = TEMPLATE.format(n=n, day=1 + n % 28, year=10 + n % 10)
                filename = f"seed-{n:03d}.txt"
                document = repo.add_document(session, text.encode(), filename, "text/plain", None)
                job = repo.add_job(session, document.id, None)
                session.flush()
                repo.finish_job(session, job.id, JobState.DONE)
                date = f"20{10 + n % 10}-03-{1 + n % 28:02d}"
                title = f"Заседание Совета по вопросам миграции номер {n}"
                topic = TOPICS[n % 2]
                record = MeetingRecord.model_validate(
                    base.model_dump()
                    | {
                        "document": base.document.model_dump() | {"id": document.sha256, "filename": filename},
                        "meeting": base.meeting.model_dump() | {"title": title, "date": date, "body": "Совет"},
                        "topics": [topic.model_dump()],
                    }
                )
                assert not misplaced_spans(record, text)  # every span of the template fits this text
                document.text = text
                repo.add_machine_record(session, document.id, record, "seed")
                repo.index_record(session, document.id, record)
                seeded.append(Seeded(document.id, filename, title, date, topic.id))
            for n in range(1, queued + 1):
                text = f"Ожидает извлечения {n}"
                document = repo.add_document(session, text.encode(), f"queued-{n:03d}.txt", "text/plain", None)
                repo.add_job(session, document.id, None)
    finally:
        engine.dispose()
    return seeded


def seed_organizations(database_url: str, count: int) -> list[str]:
    """`count` more archive organizations («Комитет по делам 01» …), named as the index names them, in no
    document: what a filter menu must page through without any extraction."""
    engine = make_engine(database_url)
    names = [f"Комитет по делам {n:02d}" for n in range(1, count + 1)]
    try:
        with session_scope(make_session_factory(engine)) as session:
            for name in names:
                organization = ArchiveOrganization(name=name, aliases=[])
                session.add(organization)
                session.flush()
                session.add(OrganizationName(organization_id=organization.id, name=name, key=phrase_key(name)))
    finally:
        engine.dispose()
    return names
