"""Topics over time."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import MeetingFilterDep, ReaderDep, SessionDep
from service.api.schemas import Message, TopicMonth, TopicsTimeline
from service.storage import research

router = APIRouter(prefix="/topics", tags=["research"])


@router.get("/timeline", response_model=TopicsTimeline, responses={401: {"model": Message}})
def timeline(session: SessionDep, _: ReaderDep, meetings: MeetingFilterDep) -> TopicsTimeline:
    """Meetings per topic and month, oldest month first (meetings whose date has no year are left out)."""
    rows = research.topics_timeline(session, meetings)
    data = [TopicMonth(month=month, topic=topic, label=label, count=count) for month, topic, label, count in rows]
    return TopicsTimeline(data=data, count=len(data))
