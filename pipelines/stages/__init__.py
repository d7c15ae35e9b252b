"""Extraction stages, in the order they run. Each is `run(doc, findings) -> findings`."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from pipelines.findings import Findings
from pipelines.stages import (
    issues,
    locations,
    meeting,
    membership,
    organizations,
    persons,
    positions,
    protocol,
    speakers,
    topics,
    transcript,
)

Stage = Callable[[Doc, Findings], Findings]

# Later stages read what earlier ones found (meeting and positions read the organizations).
STAGES: tuple[tuple[str, Stage], ...] = (
    ("persons", persons.run),
    ("organizations", organizations.run),
    ("locations", locations.run),
    ("meeting", meeting.run),
    ("positions", positions.run),
    ("speakers", speakers.run),
    ("issues", issues.run),
    # Layouts refine what the stages above found (roles, quotes, agenda issues); reports pass unchanged.
    ("protocol", protocol.run),
    ("transcript", transcript.run),
    # Members of the body holding the meeting represent it when nothing else links them.
    ("membership", membership.run),
    ("topics", topics.run),
)


def run_stages(doc: Doc, stages: tuple[tuple[str, Stage], ...] = STAGES) -> Findings:
    findings = Findings()
    for _name, stage in stages:
        findings = stage(doc, findings)
    return findings
