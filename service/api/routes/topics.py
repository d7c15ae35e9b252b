"""Topics over time."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import MeetingFilterDep, ReaderDep, SessionDep
from service.api.schemas import Message, TopicCount, TopicMonth, TopicsTimeline
from service.storage import research

router = APIRouter(prefix="/topics", tags=["research"])


@router.get("/timeline", response_model=TopicsTimeline, responses={401: {"model": Message}})
def timeline(session: SessionDep, _: ReaderDep, meetings: MeetingFilterDep) -> TopicsTimeline:
    """Meetings per topic and month, oldest month first; meetings whose date has no year are counted in `undated`.

    A period (`from`, `to`) holds only meetings with a full date, so with one `undated` is empty.
    """
    found = research.topics_timeline(session, meetings)
    data = [TopicMonth(month=month, topic=topic, label=label, count=n) for month, topic, label, n in found.months]
    undated = [TopicCount(topic=topic, label=label, count=count) for topic, label, count in found.undated]
    return TopicsTimeline(data=data, count=len(data), undated=undated, undated_meetings=found.undated_meetings)
