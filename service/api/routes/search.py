"""Full-text search over the archive's documents, with Russian morphology and highlighted snippets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from service.api.deps import MeetingFilterDep, ReaderDep, SessionDep
from service.api.schemas import DB_INT_MAX, Message, SearchResult, SearchResults
from service.morphology import query_terms
from service.storage import research

router = APIRouter(prefix="/search", tags=["research"])


@router.get("", response_model=SearchResults, responses={401: {"model": Message}, 422: {"model": Message}})
def search(
    session: SessionDep,
    _: ReaderDep,
    meetings: MeetingFilterDep,
    q: Annotated[str, Query(min_length=1, description="words in any case form; a document must have all of them")],
    offset: Annotated[int, Query(ge=0, le=DB_INT_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> SearchResults:
    """Documents with every word of `q` in some inflection, best first (SQLite FTS5 bm25, PostgreSQL ts_rank)."""
    if not query_terms(q):
        raise HTTPException(422, "the query has no words")
    hits, count = research.search(session, q, meetings, offset, limit)
    filenames = research.document_filenames(session, (hit.meeting.document_id for hit in hits))
    data = [
        SearchResult(
            document_id=hit.meeting.document_id,
            filename=filenames.get(hit.meeting.document_id),
            title=hit.meeting.title,
            date=hit.meeting.date_text,
            snippet=hit.snippet,
            score=hit.score,
        )
        for hit in hits
    ]
    return SearchResults(data=data, count=count)
