"""Transcript layout: the speakers of a стенограмма and what each said, turn by turn.

Turns come from `pipelines/layouts.py`. A named turn («Иванов И.И.:», «ИВАНОВ П.П. —», «Депутат
Петров:») belongs to the persons stage's entry whose mention stands in the label; a name the NER
missed is parsed from the label with the same name grammar. The chair's turns («Председательствующий.»)
go to the person the transcript names as chair: in the label («Председательствующий (Иванов И.И.).»)
or in a header line («Председательствующий – Председатель Жогорку Кенеша Т.Мамытов», «Заседание
ведет Иванов И.И.»). Each turn's text is one quote.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from models.components.extensions import doc_text
from pipelines.deadline import check_deadline
from pipelines.findings import Findings, PersonFinding, TextSpan
from pipelines.layouts import Turn, detect_layout, find_sections, find_turns, fold, phrases_of
from pipelines.stages.protocol import LIST_TITLE, PersonEdit, apply_edits, named_person, persons_in, title_by_name


def _declared_chair(doc: Doc, persons: list[PersonFinding], turns: tuple[Turn, ...]) -> int | None:
    """The person a chair header line names: the last name on it, after the chair's own title; else the speaker
    whose own label calls them the chair («Яндыбаева Надежда Васильевна (председательствующий, председатель …)»)."""
    text = doc_text(doc)
    for section in find_sections(text):
        if section.kind == "chair":
            hits = persons_in(persons, section.start, section.end)
            if hits:
                return hits[-1][1]
    chair_labels = phrases_of("turn")
    for turn in turns:
        if turn.name is None or turn.chair:
            continue
        aside = _ASIDE.match(text, turn.name[1], turn.text_start)
        if aside is not None and fold(aside.group(1)) in chair_labels:
            return named_person(persons, doc, *turn.name)
    return None


# The first item of a label's bracketed aside: «(председательствующий, председатель комитета)».
_ASIDE = re.compile(r"[ \t]*\([ \t]*([^\W\d_]+)[ \t]*[,;)]")


def _label_title(doc: Doc, findings: Findings, person: PersonFinding, turn: Turn) -> tuple[str, str | None] | None:
    """«ТОЁКОВ А.С. (председатель правления):»: the post a turn's label gives in brackets after the name is the
    speaker's own, over a list's label («Присутствуют члены правления: …»); the body stays the one linked."""
    mention = next((m for m in person.mentions if turn.start <= m.start and m.end <= turn.text_start), None)
    # Only a bracketed post: a dash after the name may open the turn's text (the layout's label ends at the name).
    if mention is None or not doc_text(doc)[mention.end : turn.text_start].lstrip().startswith("("):
        return None
    title = title_by_name(doc, mention, findings, bracketed=True)
    if title is None or not title[0]:
        return None
    return title[0], title[1] or person.organization


def read_turns(doc: Doc, findings: Findings, turns: tuple[Turn, ...]) -> Findings:
    persons = list(findings.persons)
    edits: dict[int, PersonEdit] = {}
    chair = _declared_chair(doc, persons, turns)
    for turn in turns:
        check_deadline("transcript")
        index = named_person(persons, doc, *turn.name) if turn.name else chair
        if index is None:
            continue  # an unnamed chair nobody names: the turn is nobody's
        edit = edits.setdefault(index, PersonEdit())
        edit.give_role("chair" if turn.chair else "speaker")
        edit.spoke = True
        if turn.name and not turn.chair:
            edit.give_title(_label_title(doc, findings, persons[index], turn), LIST_TITLE)
        if turn.end > turn.text_start:
            edit.quotes.append(TextSpan(turn.text_start, turn.end))
    # Entries added for missed names stand where the text first names them, as the stage orders them.
    order = sorted(range(len(persons)), key=lambda i: min(persons[i].mentions))
    result = apply_edits(persons, edits)
    return replace(findings, persons=tuple(result[i] for i in order))


def run(doc: Doc, findings: Findings) -> Findings:
    if detect_layout(doc_text(doc)) != "transcript":
        return findings
    return read_turns(doc, findings, find_turns(doc_text(doc)))
