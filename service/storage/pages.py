"""A document's page images (service/page_images.py renders them), stored once per document."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.storage.tables import DocumentPage


def count(session: Session, document_id: uuid.UUID) -> int:
    return session.scalar(select(func.count()).where(DocumentPage.document_id == document_id)) or 0


def image(session: Session, document_id: uuid.UUID, page: int) -> bytes | None:
    return session.scalar(
        select(DocumentPage.content).where(DocumentPage.document_id == document_id, DocumentPage.page == page)
    )


def store(session: Session, document_id: uuid.UUID, pages: Sequence[tuple[int, int, int, bytes]]) -> None:
    """Keep these pages (number, width, height, PNG) unless the document has its pages already."""
    if count(session, document_id):
        return
    session.add_all(
        DocumentPage(document_id=document_id, page=number, width=width, height=height, content=png)
        for number, width, height, png in pages
    )
