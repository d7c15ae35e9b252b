"""Who met whom: archive persons who appear in the same meetings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from service.api.deps import MeetingFilterDep, ReaderDep, SessionDep
from service.api.schemas import DB_INT_MAX, CoOccurrence, GraphEdge, GraphNode, GraphRule, Message
from service.storage import research

router = APIRouter(prefix="/graph", tags=["research"])


@router.get("/co-occurrence", response_model=CoOccurrence, responses={401: {"model": Message}})
def co_occurrence(
    session: SessionDep,
    _: ReaderDep,
    meetings: MeetingFilterDep,
    min_weight: Annotated[
        int, Query(ge=1, le=DB_INT_MAX, description="leave out pairs with fewer shared meetings")
    ] = 1,
    rule: Annotated[
        GraphRule,
        Query(description="`participants`: who took part in a meeting (not who it mentions); `mentions`: anyone named"),
    ] = "participants",
) -> CoOccurrence:
    """Persons of the selected meetings as nodes; an edge per pair, weighted by the meetings they shared.

    A meeting links its participants (chair, secretary, speakers, attendees, anyone who spoke), not persons
    merely mentioned in it; `rule` in the response says which rule was used.
    """
    graph = research.co_occurrence(session, meetings, min_weight, rule)
    return CoOccurrence(
        nodes=[GraphNode(id=person.id, name=person.name, meetings=count) for person, count in graph.nodes],
        edges=[
            GraphEdge(source=left, target=right, weight=len(documents), document_ids=documents)
            for left, right, documents in graph.edges
        ],
        meetings=graph.meetings,
        rule=graph.rule,  # type: ignore[arg-type]
    )
