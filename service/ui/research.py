"""The researchers' pages: search with filters, persons, organizations, topics over time, who met whom.

Each page calls the API's own route function with the page's filters, so a filter means the same thing in
the UI, in the API and in an export.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from models.taxonomy import topics as taxonomy
from service.api.deps import SessionDep, meeting_filter
from service.api.routes import graph as graph_api
from service.api.routes import organizations as organizations_api
from service.api.routes import persons as persons_api
from service.api.routes import search as search_api
from service.api.routes import topics as topics_api
from service.storage.research import MeetingFilter
from service.storage.tables import Token
from service.ui.choices import chosen_organization, chosen_person
from service.ui.evidence import explain
from service.ui.paging import PAGE, Pager
from service.ui.rendering import PageRoute, PageToken, page

router = APIRouter(include_in_schema=False, route_class=PageRoute)
# Persons a search finds, above its documents: a short list, paged on its own.
PERSONS_PAGE = 20


def _filters(
    date_from: Annotated[str, Query(alias="from")] = "",
    date_to: Annotated[str, Query(alias="to")] = "",
    organization: str = "",
    person: str = "",
    topic: str = "",
) -> dict[str, str]:
    # A form sends empty fields as empty strings: the page keeps them as typed and parses them in _meetings.
    return {"from": date_from, "to": date_to, "organization": organization, "person": person, "topic": topic}


Filters = Annotated[dict[str, str], Depends(_filters)]


def _meetings(values: dict[str, str]) -> MeetingFilter:
    try:
        return meeting_filter(
            date.fromisoformat(values["from"]) if values["from"] else None,
            date.fromisoformat(values["to"]) if values["to"] else None,
            uuid.UUID(values["organization"]) if values["organization"] else None,
            uuid.UUID(values["person"]) if values["person"] else None,
            values["topic"] or None,
        )
    except ValueError as exc:
        raise HTTPException(422, f"a filter is not valid: {exc}") from None


def _filtered(
    request: Request, name: str, session: SessionDep, token: Token, values: dict[str, str], **context: Any
) -> HTMLResponse:
    """A page with the filter form: the chosen person and organization by name (their pickers page through the
    API's lists, static/picker.js), the topics of the taxonomy."""
    return page(
        request,
        name,
        token,
        values=values,
        query=urlencode({key: value for key, value in values.items() if value}),
        chosen_organization=chosen_organization(session, values["organization"]),
        chosen_person=chosen_person(session, values["person"]),
        topics=taxonomy(),
        **context,
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    session: SessionDep,
    token: PageToken,
    values: Filters,
    q: Annotated[str, Query()] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
    persons_offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    results = found_persons = error = pager = persons_pager = None
    if q.strip():
        query = {"q": q} | {key: value for key, value in values.items() if value}
        try:
            results = search_api.search(session, token, _meetings(values), q=q, offset=offset, limit=PAGE)
            pager = Pager(offset, PAGE, results.count, "/search", query | {"persons_offset": str(persons_offset)})
        except HTTPException as exc:
            error = exc.detail
        persons = persons_api.list_persons(session, token, q=q, offset=persons_offset, limit=PERSONS_PAGE)
        found_persons = persons.data
        persons_pager = Pager(
            persons_offset, PERSONS_PAGE, persons.count, "/search", query | {"offset": str(offset)}, "persons_offset"
        )
    return _filtered(
        request,
        "search.html",
        session,
        token,
        values,
        q=q,
        results=results,
        pager=pager,
        found_persons=found_persons,
        persons_pager=persons_pager,
        error=error,
    )


@router.get("/persons/{person_id}", response_class=HTMLResponse)
def person(
    person_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    token: PageToken,
    offset: Annotated[int, Query(ge=0)] = 0,
    met_offset: Annotated[int, Query(ge=0)] = 0,
    quotes_offset: Annotated[int, Query(ge=0)] = 0,
    appearances_offset: Annotated[int, Query(ge=0)] = 0,
    saved: str = "",
) -> HTMLResponse:
    """Positions over time, meetings, quotes, the people met at those meetings (by the graph's rule: taking
    part together, not being named together), and each appearance with the evidence that made it this person;
    every list a page at a time (the others keep theirs)."""
    detail = persons_api.get_person(person_id, session, token)
    path = f"/persons/{person_id}"
    offsets = {
        "offset": offset,
        "met_offset": met_offset,
        "quotes_offset": quotes_offset,
        "appearances_offset": appearances_offset,
    }

    def pager(name: str, count: int) -> Pager:
        others = {key: str(value) for key, value in offsets.items() if key != name}
        return Pager(offsets[name], PAGE, count, path, others, name)

    met = [(other, other.meetings) for other in detail.met[met_offset : met_offset + PAGE]]
    appearances = detail.appearances[appearances_offset : appearances_offset + PAGE]
    evidence = {appearance.id: explain(appearance.evidence) for appearance in appearances}
    return page(
        request,
        "person.html",
        token,
        person=detail,
        met=met,
        met_pager=pager("met_offset", len(detail.met)),
        quotes=detail.quotes[quotes_offset : quotes_offset + PAGE],
        quotes_pager=pager("quotes_offset", len(detail.quotes)),
        appearances=appearances,
        appearances_pager=pager("appearances_offset", len(detail.appearances)),
        timeline=_timeline(detail.positions),
        evidence=evidence,
        saved=saved,
        meetings=detail.meetings[offset : offset + PAGE],
        pager=pager("offset", len(detail.meetings)),
    )


def _timeline(positions: list[Any]) -> list[dict[str, Any]]:
    """Positions in date order, the same post in a row joined into one period (first and last date seen)."""
    periods: list[dict[str, Any]] = []
    dated = sorted(positions, key=lambda held: (held.date is None, held.date or ""))
    for held in dated:
        key = (held.position, held.organization)
        if periods and periods[-1]["key"] == key:
            periods[-1]["until"] = held.date or periods[-1]["until"]
            periods[-1]["documents"].append((held.document_id, held.date))
            continue
        periods.append(
            {
                "key": key,
                "position": held.position,
                "organization": held.organization,
                "organization_id": held.organization_id,
                "since": held.date,
                "until": held.date,
                "documents": [(held.document_id, held.date)],
            }
        )
    return periods


@router.get("/organizations", response_class=HTMLResponse)
def organizations(
    request: Request,
    session: SessionDep,
    token: PageToken,
    q: Annotated[str, Query()] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    listing = organizations_api.list_organizations(session, token, q=q, offset=offset, limit=PAGE)
    pager = Pager(offset, PAGE, listing.count, "/organizations", {"q": q} if q else {})
    return page(request, "organizations.html", token, q=q, organizations=listing.data, count=listing.count, pager=pager)


@router.get("/organizations/{organization_id}", response_class=HTMLResponse)
def organization(
    organization_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    token: PageToken,
    offset: Annotated[int, Query(ge=0)] = 0,
    people_offset: Annotated[int, Query(ge=0)] = 0,
    saved: str = "",
) -> HTMLResponse:
    """Its people and meetings, each list a page at a time (the other list keeps its page); for an archivist,
    rename, merge with another, split names off (a wrong merge)."""
    detail = organizations_api.get_organization(organization_id, session, token)
    path = f"/organizations/{organization_id}"
    meetings = Pager(offset, PAGE, len(detail.meetings), path, {"people_offset": str(people_offset)})
    people = Pager(people_offset, PAGE, len(detail.people), path, {"offset": str(offset)}, "people_offset")
    return page(
        request,
        "organization.html",
        token,
        organization=detail,
        saved=saved,
        meetings=detail.meetings[offset : offset + PAGE],
        meetings_pager=meetings,
        people=detail.people[people_offset : people_offset + PAGE],
        people_pager=people,
    )


@router.get("/topics", response_class=HTMLResponse)
def topics(request: Request, session: SessionDep, token: PageToken, values: Filters) -> HTMLResponse:
    """Meetings per topic and month on a time axis (every month between the first and the last, so that the
    spacing is the time between them), the same numbers as a table, and the meetings without a year apart."""
    error = None
    try:
        found = topics_api.timeline(session, token, _meetings(values))
        rows, undated, undated_meetings = found.data, found.undated, found.undated_meetings
    except HTTPException as exc:
        rows, undated, undated_meetings, error = [], [], 0, exc.detail
    months = sorted({row.month for row in rows})
    axis = _every_month(months[0], months[-1]) if months else []
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    labels: dict[str, str] = {}
    for row in rows:
        counts[row.topic][row.month] = row.count
        labels[row.topic] = row.label
    series = [
        {
            "topic": topic,
            "label": labels[topic],
            "counts": [counts[topic].get(month, 0) for month in months],
            "axis": [counts[topic].get(month, 0) for month in axis],
        }
        for topic in sorted(counts, key=lambda topic: -sum(counts[topic].values()))
    ]
    return _filtered(
        request,
        "topics.html",
        session,
        token,
        values,
        months=months,
        axis=axis,
        series=series,
        undated=undated,
        undated_meetings=undated_meetings,
        error=error,
    )


def _every_month(first: str, last: str) -> list[str]:
    """Every YYYY-MM from `first` to `last`: bounded by the archive's span in months (a few hundred at most)."""
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request,
    session: SessionDep,
    token: PageToken,
    values: Filters,
    min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
    edges_offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """Who met whom: persons as nodes, shared meetings as weighted edges, drawn by the vendored Cytoscape."""
    error = None
    try:
        graph = graph_api.co_occurrence(session, token, _meetings(values), min_weight=min_weight, rule="participants")
        data: dict[str, Any] = graph.model_dump(mode="json")
    except HTTPException as exc:
        data, error = {"nodes": [], "edges": [], "meetings": 0, "rule": "participants"}, exc.detail
    names = {node["id"]: node["name"] for node in data["nodes"]}
    query = {key: value for key, value in values.items() if value} | {"min_weight": str(min_weight)}
    edges = Pager(edges_offset, PAGE, len(data["edges"]), "/network", query, "edges_offset")
    return _filtered(
        request,
        "network.html",
        session,
        token,
        values,
        graph=data,
        names=names,
        min_weight=min_weight,
        error=error,
        edges=data["edges"][edges_offset : edges_offset + PAGE],
        edges_pager=edges,
    )
