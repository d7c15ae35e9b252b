"""Corrections of a meeting record: operations applied to a copy, and spans carried over to a changed text.

Operations come from an archivist (PATCH /v1/documents/{id}/record). They are checked against the record
and the document's text as they are applied; the first one that does not fit stops the whole correction
(`CorrectionError`, a 422), so that a correction is stored whole or not at all.
"""

from __future__ import annotations

import bisect
import difflib
import uuid
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from models.taxonomy import by_id as taxonomy
from pipelines.record import Decision, Issue, Location, MeetingRecord, Mention, Organization, Person, Quote, Topic
from service.api.schemas import (
    AddDecision,
    AddEntity,
    CorrectionOperation,
    DropEntity,
    EditDecision,
    EditMeeting,
    EditMention,
    EditPerson,
    MergePersons,
    PersonFields,
    SetTopics,
    SplitPerson,
)
from service.storage import repositories as repo
from service.storage.tables import Record, RecordKind

# Which role wins when persons merge: the one that says most about what the person did at the meeting.
ROLE_RANK = {"chair": 4, "secretary": 3, "speaker": 2, "attendee": 1, "mentioned": 0}
# Fields a merge fills in on the kept person when it has none and a merged one has.
MERGE_FILLS = ("first_name", "patronymic", "initials", "position")
LISTS: dict[str, str] = {
    "person": "persons",
    "organization": "organizations",
    "location": "locations",
    "issue": "issues",
    "decision": "decisions",
}
# The score of a topic an archivist set: certain, unlike the classifier's.
ARCHIVIST_SCORE = 1.0


Span = TypeVar("Span", Mention, Quote)


class CorrectionError(ValueError):
    """An operation that does not fit the record or the text; the message says which and why."""


def apply_operations(
    record: MeetingRecord, text: str, operations: Sequence[CorrectionOperation]
) -> tuple[MeetingRecord, list[str]]:
    """The corrected copy of `record` and one line per operation saying what it did (for the version's note)."""
    result = record.model_copy(deep=True)
    summary: list[str] = []
    for number, operation in enumerate(operations, start=1):
        try:
            summary.append(_apply(result, text, operation))
        except CorrectionError as exc:
            raise CorrectionError(f"operation {number} ({operation.op}): {exc}") from None
    return result, summary


def _apply(record: MeetingRecord, text: str, operation: CorrectionOperation) -> str:
    if isinstance(operation, EditPerson):
        return _edit(record, operation)
    if isinstance(operation, MergePersons):
        return _merge(record, operation)
    if isinstance(operation, SplitPerson):
        return _split(record, operation)
    if isinstance(operation, DropEntity):
        return _drop(record, operation)
    if isinstance(operation, EditMeeting):
        return _edit_meeting(record, operation)
    if isinstance(operation, SetTopics):
        return _set_topics(record, operation)
    if isinstance(operation, EditDecision):
        return _edit_decision(record, operation)
    if isinstance(operation, AddDecision):
        return _add_decision(record, text, operation)
    if isinstance(operation, EditMention):
        return _edit_mention(record, text, operation)
    return _add(record, text, operation)


# Finding entities


def _key(kind: str, item: Any) -> str:
    """What a string reference names: persons and organizations by id, locations by name, the rest by text."""
    if kind in ("person", "organization"):
        return str(item.id)
    return str(item.name if kind == "location" else item.text)


def _label(kind: str, item: Any) -> str:
    key = _key(kind, item)
    return key if kind in ("person", "organization") else repr(key)


def _find(record: MeetingRecord, kind: str, ref: str | int) -> int:
    """The index of the entity `ref` names: an id (a location's name, an issue's text) or an index."""
    items: list[Any] = getattr(record, LISTS[kind])
    if isinstance(ref, int):
        if not 0 <= ref < len(items):
            raise CorrectionError(f"no {kind} at index {ref}: the record has {len(items)}")
        return ref
    for index, item in enumerate(items):
        if _key(kind, item) == ref:
            return index
    raise CorrectionError(f"no {kind} {ref!r}")


def _next_id(items: Sequence[Person] | Sequence[Organization], prefix: str) -> str:
    numbers = [int(item.id[len(prefix) :]) for item in items if item.id[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


# Persons


def _set_fields(record: MeetingRecord, person: Person, fields: PersonFields) -> list[str]:
    values = fields.model_dump(include=fields.model_fields_set)
    # The name of an organization and its id agree: one given, the other follows from the record.
    if "organization_id" in values:
        org_id = values["organization_id"]
        if org_id is not None:
            organization = next((org for org in record.organizations if org.id == org_id), None)
            if organization is None:
                raise CorrectionError(f"no organization {org_id!r} in the record")
            values.setdefault("organization", organization.name)
        else:
            values.setdefault("organization", None)
    elif "organization" in values:
        values["organization_id"] = _organization_named(record, values["organization"])
    for name, value in values.items():
        setattr(person, name, value)
    return sorted(values)


def _organization_named(record: MeetingRecord, name: str | None) -> str | None:
    if not name:
        return None
    wanted = name.casefold()
    for organization in record.organizations:
        if wanted in (other.casefold() for other in (organization.name, *organization.aliases)):
            return organization.id
    return None


def _edit(record: MeetingRecord, operation: EditPerson) -> str:
    person = record.persons[_find(record, "person", operation.person)]
    changed = _set_fields(record, person, operation.set)
    return f"edit {person.id} ({', '.join(changed) or 'nothing'})"


def _merge(record: MeetingRecord, operation: MergePersons) -> str:
    target_index = _find(record, "person", operation.into)
    indexes = [_find(record, "person", ref) for ref in operation.persons]
    if target_index in indexes:
        raise CorrectionError("a person cannot be merged into itself")
    if len(set(indexes)) != len(indexes):
        raise CorrectionError("a person is named twice")
    target = record.persons[target_index]
    merged = [record.persons[index] for index in indexes]
    for other in merged:
        target.mentions = _join_spans(target.mentions, other.mentions)
        target.quotes = _join_spans(target.quotes, other.quotes)
        target.spoke = target.spoke or other.spoke
        target.aliases += [alias for alias in other.aliases if alias not in target.aliases]
        if ROLE_RANK[other.role] > ROLE_RANK[target.role]:
            target.role = other.role
        for name in MERGE_FILLS:
            if getattr(target, name) is None:
                setattr(target, name, getattr(other, name))
        if target.organization is None:
            target.organization, target.organization_id = other.organization, other.organization_id
    gone = set(indexes)
    record.persons = [person for index, person in enumerate(record.persons) if index not in gone]
    return f"merge {', '.join(person.id for person in merged)} into {target.id}"


def _join_spans(ours: list[Span], theirs: list[Span]) -> list[Span]:
    seen = {(span.start, span.end) for span in ours}
    joined = ours + [span for span in theirs if (span.start, span.end) not in seen]
    return sorted(joined, key=lambda span: (span.start, span.end))


def _split(record: MeetingRecord, operation: SplitPerson) -> str:
    index = _find(record, "person", operation.person)
    person = record.persons[index]
    if not {"name", "surname"} <= operation.set.model_fields_set:
        raise CorrectionError("the new person needs `set.name` and `set.surname`")
    moved = _picked(operation.mentions, len(person.mentions), "mention")
    if len(moved) == len(person.mentions):
        raise CorrectionError(f"that moves every mention of {person.id}; to say who it is, edit the person instead")
    quotes = _picked(operation.quotes, len(person.quotes), "quote")
    new = Person(
        id=_next_id(record.persons, "p"),
        name="",
        surname="",
        spoke=bool(quotes),
        mentions=[person.mentions[i] for i in sorted(moved)],
        quotes=[person.quotes[i] for i in sorted(quotes)],
    )
    _set_fields(record, new, operation.set)
    person.mentions = [mention for i, mention in enumerate(person.mentions) if i not in moved]
    person.quotes = [quote for i, quote in enumerate(person.quotes) if i not in quotes]
    record.persons.insert(index + 1, new)
    return f"split {len(moved)} mentions of {person.id} off to {new.id}"


def _picked(indexes: list[int], size: int, what: str) -> set[int]:
    if bad := [i for i in indexes if not 0 <= i < size]:
        raise CorrectionError(f"no {what} at index {bad[0]}: the person has {size}")
    if len(set(indexes)) != len(indexes):
        raise CorrectionError(f"a {what} index is given twice")
    return set(indexes)


# The meeting, its topics and decisions


def _edit_meeting(record: MeetingRecord, operation: EditMeeting) -> str:
    values = operation.set.model_dump(include=operation.set.model_fields_set)
    for name, value in values.items():
        setattr(record.meeting, name, value)
    return f"edit meeting ({', '.join(sorted(values)) or 'nothing'})"


def _set_topics(record: MeetingRecord, operation: SetTopics) -> str:
    known = taxonomy()
    if unknown := [topic for topic in operation.topics if topic not in known]:
        raise CorrectionError(f"no topic {unknown[0]!r} in the taxonomy (models/taxonomy.json)")
    if len(set(operation.topics)) != len(operation.topics):
        raise CorrectionError("a topic is given twice")
    machine = {topic.id: topic.score for topic in record.topics}
    # A topic the machine found keeps its score; one the archivist added is certain.
    chosen = [
        Topic(id=topic, label=known[topic].label, score=machine.get(topic, ARCHIVIST_SCORE))
        for topic in operation.topics
    ]
    # The record lists topics highest score first; among equals, in the archivist's order.
    record.topics = sorted(chosen, key=lambda topic: -topic.score)
    return f"set topics ({', '.join(operation.topics) or 'none'})"


def _edit_decision(record: MeetingRecord, operation: EditDecision) -> str:
    index = _find(record, "decision", operation.decision)
    record.decisions[index].text = operation.text.strip()
    return f"edit decision {index + 1}"


def _add_decision(record: MeetingRecord, text: str, operation: AddDecision) -> str:
    mentions = []
    if operation.start is not None and operation.end is not None:
        start, end = operation.start, operation.end
        if not start < end <= len(text):
            raise CorrectionError(f"span {start}:{end} is not inside the text (0:{len(text)})")
        mentions.append(Mention(start=start, end=end, page=_page_of(record, start), text=text[start:end]))
    record.decisions.append(Decision(text=operation.text.strip(), mentions=mentions))
    return f"add decision {len(record.decisions)}"


# Any entity


def _drop(record: MeetingRecord, operation: DropEntity) -> str:
    items: list[Any] = getattr(record, LISTS[operation.entity])
    item = items.pop(_find(record, operation.entity, operation.ref))
    if operation.entity == "organization":
        for person in record.persons:
            if person.organization_id == item.id:
                person.organization, person.organization_id = None, None
    return f"drop {operation.entity} {_label(operation.entity, item)}"


def _edit_mention(record: MeetingRecord, text: str, operation: EditMention) -> str:
    """The mention's span moved to where the page says the words are; the version before keeps the old one."""
    kind = operation.entity
    item = getattr(record, LISTS[kind])[_find(record, kind, operation.ref)]
    if not 0 <= operation.mention < len(item.mentions):
        raise CorrectionError(f"no mention at index {operation.mention}: {_label(kind, item)} has {len(item.mentions)}")
    start, end = operation.start, operation.end
    if not start < end <= len(text):
        raise CorrectionError(f"span {start}:{end} is not inside the text (0:{len(text)})")
    if not text[start:end].strip():
        raise CorrectionError(f"span {start}:{end} is blank")
    old = item.mentions[operation.mention]
    others = [mention for index, mention in enumerate(item.mentions) if index != operation.mention]
    if any((mention.start, mention.end) == (start, end) for mention in others):
        raise CorrectionError(f"span {start}:{end} is a mention of {_label(kind, item)} already")
    page = old.page if record.document.pages <= 1 else _page_of(record, start)
    corrected = Mention(start=start, end=end, page=page, text=text[start:end])
    item.mentions = _join_spans(others, [corrected])
    return f"edit mention {old.start}:{old.end} of {kind} {_label(kind, item)} to {start}:{end}"


def _add(record: MeetingRecord, text: str, operation: AddEntity) -> str:
    start, end = operation.start, operation.end
    if not start < end <= len(text):
        raise CorrectionError(f"span {start}:{end} is not inside the text (0:{len(text)})")
    span_text = text[start:end]
    if not span_text.strip():
        raise CorrectionError(f"span {start}:{end} is blank")
    if operation.set is not None and operation.entity != "person":
        raise CorrectionError("`set` is for persons")
    if operation.to is not None and (operation.set is not None or operation.name or operation.aliases):
        raise CorrectionError("`name`, `set` and `aliases` describe a new entity; with `to` the mention is all")
    mention = Mention(start=start, end=end, page=_page_of(record, start), text=span_text)
    kind = operation.entity
    if operation.to is not None:
        item = getattr(record, LISTS[kind])[_find(record, kind, operation.to)]
        if any((old.start, old.end) == (start, end) for old in item.mentions):
            raise CorrectionError(f"span {start}:{end} is a mention of {_label(kind, item)} already")
        item.mentions = _join_spans(item.mentions, [mention])
        return f"add mention {start}:{end} to {kind} {_label(kind, item)}"
    name = operation.name or span_text.strip()
    new: Person | Organization | Location | Issue
    if kind == "person":
        new = Person(id=_next_id(record.persons, "p"), name=name, surname="", mentions=[mention])
        fields = operation.set or PersonFields()
        _set_fields(record, new, fields)
        if "surname" not in fields.model_fields_set:
            new.surname = _surname_of(name)
        record.persons.append(new)
    elif kind == "organization":
        new = Organization(id=_next_id(record.organizations, "o"), name=name, aliases=operation.aliases)
        new.mentions = [mention]
        record.organizations.append(new)
    elif kind == "location":
        new = Location(name=name, mentions=[mention])
        record.locations.append(new)
    else:
        new = Issue(text=name, mentions=[mention])
        record.issues.append(new)
    return f"add {kind} {_label(kind, new)} at {start}:{end}"


def _surname_of(name: str) -> str:
    # Only the unambiguous case: one word besides initials. «Базарбаев Нурлан» could be read either way.
    words = [word.strip(",;:«»\"'()") for word in name.split() if "." not in word]
    words = [word for word in words if len(word) > 1 and any(char.isalpha() for char in word)]
    if len(words) != 1:
        raise CorrectionError(f"cannot tell the surname in {name!r}: give `set.surname`")
    return words[0]


def _page_of(record: MeetingRecord, offset: int) -> int | None:
    # Page starts are not stored; pages only grow with the offset, so the nearest earlier mention's page is it.
    if record.document.pages <= 1:
        return 1
    known = sorted((mention.start, mention.page) for mention in _all_mentions(record) if mention.page is not None)
    at = bisect.bisect_right(known, (offset, float("inf"))) - 1
    return known[at][1] if at >= 0 else 1


def _all_mentions(record: MeetingRecord) -> Iterator[Mention]:
    for group in (record.persons, record.organizations, record.locations, record.issues, record.decisions):
        for item in group:
            yield from item.mentions


# Carrying spans over to a changed text


def realign(record: MeetingRecord, old: str, new: str) -> tuple[MeetingRecord, int]:
    """`record`'s spans moved from `old` into `new`, and how many could not be found there (they are left out).

    A re-extraction may read the same file into a slightly different text (a reader or cleaning change);
    a correction kept over it must point into the text the document now has.
    """
    if old == new:
        return record, 0
    moved = record.model_copy(deep=True)
    mapping = _OffsetMap(old, new)
    lost = 0

    def move(spans: list[Span]) -> list[Span]:
        nonlocal lost
        kept = []
        for span in spans:
            start = mapping.find(span.start, span.text)
            if start is None:
                lost += 1
            else:
                kept.append(span.model_copy(update={"start": start, "end": start + len(span.text)}))
        return kept

    for person in moved.persons:
        person.mentions = move(person.mentions)
        person.quotes = move(person.quotes)
    for group in (moved.organizations, moved.locations, moved.issues, moved.decisions):
        for item in group:
            item.mentions = move(item.mentions)
    return moved, lost


class _OffsetMap:
    """Offsets of `old` in `new`, by the lines the two texts share (a character diff is quadratic on big texts)."""

    def __init__(self, old: str, new: str) -> None:
        self.new = new
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_starts, new_starts = _line_starts(old_lines), _line_starts(new_lines)
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        # (old start, old end, new start) of each run of equal lines, in order.
        self.blocks = [
            (old_starts[a], old_starts[a + size], new_starts[b]) for a, b, size in matcher.get_matching_blocks() if size
        ]
        self.ratio = len(new) / max(len(old), 1)

    def find(self, offset: int, text: str) -> int | None:
        at = bisect.bisect_right(self.blocks, (offset, float("inf"), 0)) - 1
        if at >= 0:
            old_start, old_end, new_start = self.blocks[at]
            if offset + len(text) <= old_end:
                return new_start + offset - old_start
            guess = new_start + offset - old_start
        else:
            guess = int(offset * self.ratio)
        return self._nearest(text, guess)

    def _nearest(self, text: str, guess: int) -> int | None:
        # A changed line: the same words nearest to where they were, if they are still in the text at all.
        before = self.new.rfind(text, 0, guess + len(text))
        after = self.new.find(text, guess)
        found = [at for at in (before, after) if at >= 0]
        return min(found, key=lambda at: abs(at - guess)) if found else None


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


# Re-extraction and corrections


def keep_corrections(
    session: Session,
    document_id: uuid.UUID,
    machine: Record,
    old_text: str | None,
    new_text: str,
    requested_by: uuid.UUID | None,
) -> Record | None:
    """The rule: a new machine version never replaces a human one as the current record.

    When the document has a human version (a correction, a restore, or one kept before), the new machine
    version stays in the history as the machine baseline, and a copy of the latest human version is
    stored on top of it (kind `carried`), so that the current record (the highest version) is still what
    the archivist made. The copy's spans are moved into the new text when the reading changed, and its
    `document` block (pages, characters, warnings) is the new reading's. Nothing is merged field by field:
    to take the new machine output, restore the baseline version.
    Returns the carried version, or None when there was nothing human to keep.
    """
    human = repo.latest_human_record(session, document_id)
    if human is None:
        return None
    record = MeetingRecord.model_validate(human.data)
    lost = 0
    if old_text is not None:
        record, lost = realign(record, old_text, new_text)
    record.document = MeetingRecord.model_validate(machine.data).document
    carried_version = machine.version + 1
    machine.note = (
        f"machine baseline: the human version {human.version} stays current, carried as version {carried_version}"
    )
    note = f"version {human.version} kept over the re-extraction (machine version {machine.version})"
    if lost:
        note += f"; {lost} spans not found in the new text were left out"
    return repo.add_record_version(
        session,
        document_id,
        record,
        RecordKind.CARRIED,
        base_version=machine.version,
        author_id=requested_by if requested_by is not None else human.author_id,
        note=note,
        pipeline_version=machine.pipeline_version,
    )


def misplaced_spans(record: MeetingRecord, text: str) -> int:
    """How many of the record's spans do not say what the text says at their offsets."""
    spans: list[Mention | Quote] = list(_all_mentions(record))
    spans += [quote for person in record.persons for quote in person.quotes]
    return sum(text[span.start : span.end] != span.text for span in spans)
