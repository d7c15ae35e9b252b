"""The stage's run: the dateline read once, the meeting sentence's title, the date and the place (`find_meeting`),
and the place, with the dateline's own town, joined to the locations.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from models.components.extensions import doc_text
from pipelines.findings import Findings, MeetingFinding
from pipelines.stages.meeting.date import find_date
from pipelines.stages.meeting.dateline import _DATELINE_CHARS, _FIELD_LINES, Dateline, find_dateline
from pipelines.stages.meeting.place import find_place, with_place
from pipelines.stages.meeting.sentence import find_events, lead_meeting_sentence, meeting_sentence
from pipelines.stages.meeting.title import find_title


def find_meeting(doc: Doc, findings: Findings, dateline: Dateline | None) -> MeetingFinding:
    """The meeting `dateline` (`find_dateline`, read once by `run`) and the text say."""
    events = find_events(doc)
    sent = meeting_sentence(events)
    title, number, body = (None, None, None)
    if sent is not None:
        title, number, body = find_title(sent, events, findings.organizations)
    anchor = next((t for t in events if sent is not None and sent.start <= t.i < sent.end), None)
    return MeetingFinding(
        title=title,
        body=body,
        number=number,
        date=find_date(doc, sent or lead_meeting_sentence(doc), dateline, anchor),
        place=find_place(doc, findings.locations, {t.i for t in events}, sent, dateline, findings.persons),
    )


def run(doc: Doc, findings: Findings) -> Findings:
    dateline = find_dateline(doc)
    meeting = find_meeting(doc, findings, dateline)
    locations = with_place(doc, findings.locations, meeting.place)
    # «КУШОНИЁН, 2 октября. … в здании джамоата Гулистон»: the dateline's town is a place of the text even where the
    # meeting sat elsewhere, and NER leaves a town it does not know, in capitals, untagged.
    town = dateline.place if dateline is not None else None
    if town and town != meeting.place and _opens_a_line(doc, town):
        locations = with_place(doc, locations, town)
    return replace(findings, meeting=meeting, locations=locations)


def _opens_a_line(doc: Doc, place: str) -> bool:
    """The dateline's town as the agency writes it, opening its line before a comma or a dot («КУШОНИЁН, 2 октября»);
    not a place read off a later header line («Г. Сагинова» of a person's initial, taken for «г.» of a town)."""
    pattern = rf"(?m)^[ \t]*{re.escape(place)}[ \t]*[,.]"
    return re.search(pattern, doc_text(doc)[: _DATELINE_CHARS * _FIELD_LINES], re.IGNORECASE) is not None
