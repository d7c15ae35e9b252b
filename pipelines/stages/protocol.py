"""Protocol layout: what the sections of a протокол заседания say about people, issues and decisions.

The sections come from `pipelines/layouts.py`. People are the persons stage's own entries, found
by their mentions' offsets in a section; only their role, speech and (from their list line) post
change here:

- ПРИСУТСТВОВАЛИ / ПРИГЛАШЕННЫЕ lines → attendees, each with the position and organization of
  their own line («Иванов И.И. – депутат Бишкекского городского кенеша»);
- ПРЕДСЕДАТЕЛЬ(СТВОВАЛ) / СЕКРЕТАРЬ → chair / secretary;
- СЛУШАЛИ / ВЫСТУПИЛИ → speakers, with what they said (the text after their name and title, up to
  the next speaker or section) as a quote;
- ПОВЕСТКА ДНЯ items → issues («О ходе подготовки школ …» → «ход подготовки школ …»);
- РЕШИЛИ / ПОСТАНОВИЛИ items → decisions.

Transcripts carry the same headers for their chair and agenda, so this stage reads them there too
(the turns are `transcript.py`'s). Reports are left as they are.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from models import lexicons
from models.components.extensions import doc_text
from models.grammars.issues import lemma, quoted_title_end, unquoted
from pipelines.deadline import check_deadline
from pipelines.findings import DecisionFinding, Findings, IssueFinding, PersonFinding, TextSpan
from pipelines.layouts import (
    OBLIQUE_PATRONYMIC,
    Section,
    content_lines,
    detect_layout,
    find_sections,
    find_turns,
    fold,
    items,
    leading_name,
    phrases_of,
)
from pipelines.normalize import nominative
from pipelines.person_names import parse_name
from pipelines.stages.issues import about_item
from pipelines.stages.positions import split_title
from pipelines.stages.speakers import stated_absent
from pipelines.titles import is_plural, is_position_head, title_after, title_before, title_head

# Roles by strength: a listed attendee who also spoke is a speaker, a chair stays the chair.
RANK = {"mentioned": 0, "attendee": 1, "speaker": 2, "secretary": 3, "chair": 4}
# Where a post comes from, most trusted first: the list lines name each person's post by design; a list's own
# header («Отсутствовали: 7 депутатов (…)») names the post of everyone on it the weakest.
LIST_TITLE, _SPEECH_TITLE, _MEMBER_TITLE = 3, 2, 1
# The members a present/absent list counts: «24 депутата», «члены комиссии», «Отсутствовали депутаты:».
# «члены Общественного совета», «члены участковой избирательной комиссии»: up to two adjectives before the unit,
# which the post keeps as the text writes them.
_MEMBERS = re.compile(
    r"(?<![\w-])(?:(?P<deputy>депутат(?:ы|ов|а)?)|член(?:ы|ов)?"
    r"(?:[ \t]+(?P<adj1>[а-яё]+(?:ого|его|ой|ей)[ \t]+)?(?P<adj2>[а-яё]+(?:ого|его|ой|ей)[ \t]+)?(?P<of>[а-яё]+)"
    # «члены Совета старейшин», «члены Совета директоров»: the council's own complement, a plural genitive.
    r"(?:[ \t]+(?P<whose>[а-яё]+(?:ов|ев|ин|ей)))?)?)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# The units a «член …» of the meeting's body belongs to, in the genitive the post keeps («член комиссии»).
_MEMBER_OF = frozenset(
    {"комиссии", "комитета", "совета", "правления", "президиума", "коллегии", "кенеша", "маслихата", "думы"}
    | {"исполкома", "райисполкома", "горисполкома", "облисполкома", "сельисполкома", "профкома", "бюро"}
)
# Shorter «quotes» are leftovers of a name line («.», «ответил:»), not speech.
MIN_QUOTE_CHARS = 15
# Agenda items open with the preposition of their subject: «О ходе …», «Об утверждении …».
_ABOUT = lexicons.load("about_prepositions")
_RELATIVE = frozenset({"который", "которая", "которые"})
_SAME_ISSUE = 0.5
_WORDS = re.compile(r"[а-яё]+")
# Oblique endings of a surname after СЛУШАЛИ («Нурпеисову А.С.», «Жаксылыкова Т.К.»).
_OBLIQUE_ENDINGS = frozenset({"а", "у", "ом", "ым", "е", "ой", "ы", "ую", "ей", "ю", "я"})
_SPEECH_SECTIONS = frozenset({"heard", "spoke"})
_PEOPLE_SECTIONS = frozenset({"attendees", "invited", "chair", "secretary"}) | _SPEECH_SECTIONS


@dataclass
class PersonEdit:
    """What the layout says about one person, merged over the sections that name them."""

    role: str = "mentioned"
    spoke: bool = False
    quotes: list[TextSpan] = field(default_factory=list)
    title: tuple[str, str | None] | None = None
    title_rank: int = 0
    silent: bool = False  # named only among the absent

    def give_role(self, role: str) -> None:
        if RANK[role] > RANK[self.role]:
            self.role = role

    def give_title(self, title: tuple[str, str | None] | None, rank: int) -> None:
        if title is not None and rank > self.title_rank:
            self.title, self.title_rank = title, rank


def persons_in(persons: list[PersonFinding], start: int, end: int) -> list[tuple[TextSpan, int]]:
    """(mention, person index) of every mention starting in `[start, end)`, in text order."""
    return sorted((m, i) for i, p in enumerate(persons) for m in p.mentions if start <= m.start < end)


class Mentions:
    """Every mention of a fixed list of persons, sorted, for `persons_in` by bisection: a scan of every
    mention for every line of a list was quadratic in a protocol of thousands of lines."""

    def __init__(self, persons: list[PersonFinding]) -> None:
        self._found = sorted((m, i) for i, p in enumerate(persons) for m in p.mentions)
        self._starts = [m.start for m, _ in self._found]

    def within(self, start: int, end: int) -> list[tuple[TextSpan, int]]:
        """The same as `persons_in(persons, start, end)`."""
        return self._found[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]


def _overlaps(span: TextSpan, words: list[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for start, end in words)


def layout_words(text: str, sections: tuple[Section, ...]) -> list[tuple[int, int]]:
    """Spans of the layout's own words: header phrases and the chair's turn labels."""
    words = [(s.line, s.phrase_end) for s in sections]
    words += [(t.start, t.name[0] if t.name else t.text_start) for t in find_turns(text) if t.chair]
    return words


def drop_layout_words(findings: Findings, words: list[tuple[int, int]]) -> Findings:
    """«ПРЕДСЕДАТЕЛЬСТВОВАЛ», «ПОВЕСТКА ДНЯ» taken for a person, a body or an issue: all their
    mentions are header words, so they are none of these."""

    def keep(mentions: tuple[TextSpan, ...]) -> bool:
        return not mentions or not all(_overlaps(m, words) for m in mentions)

    return replace(
        findings,
        persons=tuple(p for p in findings.persons if keep(p.mentions)),
        organizations=tuple(o for o in findings.organizations if keep(o.mentions)),
        locations=tuple(loc for loc in findings.locations if keep(loc.mentions)),
        issues=tuple(i for i in findings.issues if keep(i.mentions)),
    )


def _initial_letters(person: PersonFinding) -> str:
    if person.first_name:
        return fold(person.first_name[0] + (person.patronymic or "")[:1])
    return fold((person.initials or "").replace(".", ""))


def _oblique_of(surname: str, other: str) -> bool:
    """`surname` is `other` in an oblique case: Нурпеисову of Нурпеисова, Жаксылыкова of Жаксылыков."""
    a, b = fold(other), fold(surname)
    if a == b or len(a) < 4:
        return False
    stem = a[:-1] if a.endswith(("а", "я")) else a
    return b.startswith(stem) and b[len(stem) :] in _OBLIQUE_ENDINGS


def merge_oblique(persons: list[PersonFinding], sections: tuple[Section, ...]) -> list[PersonFinding]:
    """«СЛУШАЛИ: Нурпеисову А.С.»: a name at the start of a line is taken for the nominative of a list,
    so the persons stage keeps it apart; under СЛУШАЛИ / ВЫСТУПИЛИ it is the same person in the
    accusative. Joined when the initials agree."""
    speech = [(s.start, s.end) for s in sections if s.kind in _SPEECH_SECTIONS]
    merged = list(persons)
    for person in persons:
        if person.first_name or not person.initials or person not in merged:
            continue
        if not all(any(a <= m.start < b for a, b in speech) for m in person.mentions):
            continue
        letters = _initial_letters(person)
        target = next(
            (
                other
                for other in merged
                if other is not person
                and _oblique_of(person.surname, other.surname)
                and _initial_letters(other).startswith(letters[: len(_initial_letters(other))] or "-")
            ),
            None,
        )
        if target is None:
            continue
        joined = replace(target, mentions=tuple(sorted(set(target.mentions) | set(person.mentions))))
        merged = [joined if p is target else p for p in merged if p is not person]
    return merged


def named_person(persons: list[PersonFinding], doc: Doc, start: int, end: int) -> int | None:
    """The person named in `[start, end)`; a name the persons stage missed joins a person with the
    same surname and compatible initials, or becomes a new entry."""
    hits = persons_in(persons, start, end)
    if hits:
        return hits[0][1]
    span = doc.char_span(start, end, alignment_mode="expand")
    # A list line names people in the nominative; a «СЛУШАЛИ:» line may name the one heard in the genitive or the
    # accusative, which its patronymic shows («Бережного Сергея Николаевича»).
    oblique = span is not None and OBLIQUE_PATRONYMIC.search(span.text) is not None
    parts = parse_name(span, nominative_context=not oblique) if span is not None else None
    if parts is None:
        return None
    mention = TextSpan(parts.start, parts.end)
    for index, person in enumerate(persons):
        letters = _initial_letters(person)
        own = fold((parts.initials or "").replace(".", ""))
        if fold(person.surname) in parts.surname_keys and (not letters or not own or letters[:1] == own[:1]):
            person = replace(person, mentions=tuple(sorted({*person.mentions, mention})))
            if person.first_name is None and parts.first_name and letters[:1] == fold(parts.first_name)[:1]:
                # «Бережной С.Н.» listed, «Бережного Сергея Николаевича» heard: the fullest form names them.
                person = replace(
                    person,
                    first_name=parts.first_name,
                    patronymic=parts.patronymic,
                    surname_first=parts.surname_first,
                )
            persons[index] = person
            return index
    persons.append(
        PersonFinding(
            surname=parts.surname,
            first_name=parts.first_name,
            patronymic=parts.patronymic,
            initials=parts.initials,
            mentions=(mention,),
            surname_first=parts.surname_first,
        )
    )
    return len(persons) - 1


def add_missed_names(doc: Doc, persons: list[PersonFinding], sections: tuple[Section, ...]) -> None:
    """A list or speech line opens with a name the NER missed («Исаков Б.К. – первый вице-мэр»):
    the name grammar reads it, so the line still has its person."""
    for section in sections:
        if section.kind not in _PEOPLE_SECTIONS:
            continue
        # «…краевед; Байзак Е.С. – доцент …»: each «;»-separated part of a line may open with a name of its own.
        for start, end in _semicolon_parts(doc_text(doc), content_lines(doc_text(doc), section.start, section.end)):
            check_deadline("protocol")
            while start < end and doc_text(doc)[start].isspace():
                start += 1
            found = leading_name(doc_text(doc)[start:end])
            if found is not None and not persons_in(persons, start + found[0], start + found[1]):
                named_person(persons, doc, start + found[0], start + found[1])


def _name_tokens(doc: Doc, mention: TextSpan) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _stacked(title: Span) -> list[Span]:
    """«депутат …кенеша, председатель постоянной комиссии …»: one title per post."""
    doc, parts, start = title.doc, [], title.start
    for token in title:
        nxt = token.i + 1
        if (
            token.text == ","
            and nxt < title.end
            and any(is_position_head(t) for t in doc[nxt : min(nxt + 3, title.end)])
        ):
            parts.append(doc[start : token.i])
            start = nxt
    parts.append(doc[start : title.end])
    return [p for p in parts if len(p)]


def title_by_name(
    doc: Doc, mention: TextSpan, findings: Findings, before: bool = False, bracketed: bool = False
) -> tuple[str, str | None] | None:
    """(position, organization) from the title in apposition after a name (or, with `before`, right
    before it: «Председательствующий – председатель Комитета … Ж.Т. Байсалов»; with `bracketed`, in brackets after
    it, as a list's entry gives it), stacked posts joined: the body of the first post is the one the person
    represents."""
    name = _name_tokens(doc, mention)
    if name is None:
        return None
    title = title_after(doc, name.end, bracketed)
    if (title is None or not len(title)) and before:
        title = title_before(doc, name.start)
    if title is None or not len(title):
        return None
    return _split_stacked(title, findings)


def _split_stacked(title: Span, findings: Findings) -> tuple[str, str | None]:
    positions: list[str] = []
    organization = None
    for k, part in enumerate(_stacked(title)):
        if k > 0 and is_plural(title_head(part)):
            # «Сасим О.В. – председатель Хожовского сельисполкома, руководители сельскохозяйственных организаций
            # района»: a post in the plural after the comma is the list's next entry, a group, not a post of theirs.
            break
        position, body = split_title(part, findings.organizations, second=k > 0)
        if body is not None and organization is not None and body != organization:
            break
        positions.append(position)
        organization = organization or body
    return ", ".join(positions), organization


def _split_as_before(title: tuple[str, str | None] | None, person: PersonFinding) -> tuple[str, str | None] | None:
    """The positions stage's split of the same title where this one found no body in it: «начальника управления
    труда и занятости Липецкой области» is «начальник» of the body the stage linked, which acts elsewhere in the
    text."""
    if title is None or title[1] is not None or not person.position or not person.organization:
        return title
    stems = [fold(w)[:4] for w in _WORDS.findall(title[0])]
    post = [fold(w)[:4] for w in _WORDS.findall(person.position)]
    body = [fold(w)[:4] for w in _WORDS.findall(person.organization)]
    return (person.position, person.organization) if stems == post + body else title


_WORDS = re.compile(r"[А-Яа-яЁёA-Za-z]+")


def secretary_title(
    doc: Doc, mention: TextSpan, findings: Findings, content_start: int
) -> tuple[tuple[str, str | None] | None, bool]:
    """(title, own) of a protocol's secretary. «Секретарь (заседания)» is the sitting's role, not a post: the
    post the line gives them after the name («Секретарь: Коваль Е.М. – методист колледжа») or between the header
    and the name («Секретарь – управляющий делами райисполкома Жук Т.В.») is their own (`own` true); the header's
    words are their title only where the text gives them no post of their own (`own` false)."""
    own = title_by_name(doc, mention, findings)
    if own is not None:
        return own, True
    name = _name_tokens(doc, mention)
    before = title_before(doc, name.start) if name is not None else None
    if name is None or before is None or not len(before):
        return None, False
    after_header = next((t.i for t in before if t.idx >= content_start), before.end)
    if after_header < before.end:
        return _split_stacked(doc[after_header : before.end], findings), True
    return _split_stacked(before, findings), False


def _title_end(doc: Doc, mention: TextSpan) -> int:
    name = _name_tokens(doc, mention)
    if name is None:
        return mention.end
    title = title_after(doc, name.end)
    return title.end_char if title is not None and len(title) else mention.end


def _speech_start(doc: Doc, start: int, end: int) -> int:
    """Where the reported speech begins: after «, которая доложила, что», «спросил,», punctuation."""
    text = doc_text(doc)
    while start < end and (text[start].isspace() or text[start] in ".,;:–—-"):
        start += 1
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start
    verbs = lexicons.load("speech_verbs")
    i = span.start
    if fold(doc[i].text) in _RELATIVE and i + 1 < span.end:
        i += 1
    # «сообщил, что …», «спросил, …»: the verb only introduces the speech; «предложила обратиться …» keeps it.
    if fold(doc[i].lemma_) not in verbs or i + 1 >= span.end or doc[i + 1].text != ",":
        return start
    i += 1
    while i < span.end and (doc[i].text == "," or fold(doc[i].text) == "что"):
        i += 1
    return doc[i].idx if i < span.end else end


# (leading names, start, end) of one speaker's part of a section.
Segment = tuple[list[TextSpan], int, int]


def _semicolon_parts(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line's «;»-separated parts: «ВЫСТУПИЛИ: Ткачук С.П. – о …; Бондаренко И.Г. – …» names a speaker in each. A
    part that opens with no name continues the one before, as a line does."""
    parts = []
    for start, end in lines:
        at = start
        while (cut := text.find(";", at, end)) != -1:
            parts.append((at, cut))
            at = cut + 1
        parts.append((at, end))
    return parts


def _speech_segments(text: str, section: Section, mentions: Mentions) -> list[Segment]:
    """(leading names, start, end) of each speaker's part of a СЛУШАЛИ / ВЫСТУПИЛИ section: a line
    opening with a name starts a part; other lines continue the one before."""
    segments: list[Segment] = []
    for start, end in _semicolon_parts(text, content_lines(text, section.start, section.end)):
        marker = re.match(r"[ \t]*(?:\d{1,2}[.)]|[–—•-])?[ \t]*", text[start:end])
        at = start + (marker.end() if marker else 0)
        check_deadline("protocol")
        hits = mentions.within(start, end)
        leading = []
        for mention, _ in hits:
            gap = text[at : mention.start]
            if gap.strip(" ,") not in ("", "и"):
                break
            leading.append(mention)
            at = mention.end
        if leading:
            segments.append((leading, start, end))
        elif segments:
            segments[-1] = (segments[-1][0], segments[-1][1], end)
        else:
            first = [m for m, _ in hits[:1]]
            segments.append((first, start, end))
    return segments


def _agenda_issue(doc: Doc, start: int, end: int) -> IssueFinding | None:
    """An agenda item's subject as a nominative phrase, without its rapporteur or its «О»."""
    text = doc_text(doc)
    cut = end
    for line_start, line_end in content_lines(text, start, end):
        if line_start > start and _opens_with(text[line_start:line_end], "rapporteur"):
            cut = min(cut, line_start)
    inline = re.search(r"[(\s](?:докладчик|докл\.|содокладчик|информирует)", fold(text[start:cut]))
    if inline is not None:
        cut = start + inline.start()
    cut = quoted_title_end(text, start, cut)
    item = text[start:cut].rstrip(" \t\n.;,(")
    if not item or _opens_with(item, "other_business"):
        return None
    first, last = unquoted(text, start, start + len(item))
    span = doc.char_span(first, last, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if fold(span[0].text) in _ABOUT and len(span) > 1:
        phrase = about_item(span[1:])
        span = span[1:]
    else:
        phrase = nominative(span)
    if span[0].pos_ != "PROPN" and not span[0].text.isupper():
        phrase = phrase[:1].lower() + phrase[1:]
    return IssueFinding(phrase, (TextSpan(span.start_char, span.end_char),))


def _opens_with(line: str, kind: str) -> bool:
    head = fold(line.lstrip(" \t(–—-"))
    return any(head.startswith(p) and (len(head) == len(p) or not head[len(p)].isalpha()) for p in phrases_of(kind))


def _lemmas(doc: Doc, issue: IssueFinding) -> list[str]:
    if not issue.mentions:
        return []
    span = doc.char_span(issue.mentions[0].start, issue.mentions[0].end, alignment_mode="expand")
    return [lemma(t) for t in span or () if t.is_alpha and len(t.text) > 2]


def _overlap(a: list[str], b: list[str]) -> float:
    common = len(set(a) & set(b))
    if not common:
        return 0.0
    p, r = common / len(set(a)), common / len(set(b))
    return 2 * p * r / (p + r)


def _first_report(text: str, section: Section) -> TextSpan:
    """The first line of a СЛУШАЛИ section up to its first «;»: its report on the item; a co-reporter's line after it,
    or a clause the line goes on to («…; основной проблемой остаётся нехватка …»), may raise more."""
    start = section.start
    while start < section.end and text[start].isspace():
        start += 1
    end = text.find("\n", start, section.end)
    end = section.end if end < 0 else end
    clause = text.find(";", start, end)
    return TextSpan(start, end if clause < 0 else clause)


def _within(issue: IssueFinding, item: IssueFinding) -> bool:
    return bool(issue.mentions) and all(
        any(m.start >= a.start and m.end <= a.end for a in item.mentions) for m in issue.mentions
    )


# «главная проблема –», «основной проблемой остаётся»: a report's line naming what follows as a problem.
_PROBLEM_NAMED = re.compile(r"(?i)\bпроблем")


def merge_issues(
    doc: Doc, agenda: list[IssueFinding], found: tuple[IssueFinding, ...], heard: tuple[TextSpan, ...] = ()
) -> tuple[IssueFinding, ...]:
    """The agenda's items first (they are what the meeting dealt with); a phrase the issues stage
    found that says the same as an item adds its mentions to the item. `heard` are a protocol's СЛУШАЛИ
    sections, one per item in the agenda's order: the subject of a report heard there is that item's."""
    merged = list(agenda)
    words = [_lemmas(doc, i) for i in agenda]
    by_order = heard if len(heard) == len(agenda) else ()
    # The report's subject opens its line («Ермакова О.В. – о готовности котельных»); a problem the line goes on to
    # («…; основной проблемой остаётся нехватка социальных работников») is raised on its own.
    # («…, главная проблема – нехватка дворников»: what the line itself calls a problem is raised, not reported on.)
    text = doc_text(doc)
    subjects = {
        id(min(within, key=lambda i: min(i.mentions)))
        for span in by_order
        if (
            within := [
                i
                for i in found
                if _within(i, IssueFinding("", (span,)))
                and not _PROBLEM_NAMED.search(text, span.start, min(i.mentions).start)
            ]
        )
    }
    for issue in found:
        own = _lemmas(doc, issue)
        same = next((k for k, w in enumerate(words) if _overlap(own, w) >= _SAME_ISSUE), None)
        if same is None:
            # «… определения перечня отдельных категорий граждан»: words only ever met inside an item are part of it.
            same = next((k for k, item in enumerate(agenda) if _within(issue, item)), None)
        if same is None and id(issue) in subjects:
            # «3. СЛУШАЛИ: Ермакова О.В. – о готовности котельных»: the report on the third item, in other words.
            same = next((k for k, span in enumerate(by_order) if _within(issue, IssueFinding("", (span,)))), None)
        if same is None:
            merged.append(issue)
        else:
            item = merged[same]
            merged[same] = replace(item, mentions=tuple(sorted(set(item.mentions) | set(issue.mentions))))
    return tuple(merged)


def apply_edits(persons: list[PersonFinding], edits: dict[int, PersonEdit]) -> tuple[PersonFinding, ...]:
    result = []
    for index, person in enumerate(persons):
        edit = edits.get(index)
        if edit is None:
            result.append(person)
            continue
        role = max((person.role, edit.role), key=lambda r: RANK.get(r, 0))
        if role == "mentioned" and edit.spoke:
            role = "speaker"
        # The stage's «…» quotes stay unless the layout's quote already holds them.
        quotes = [q for q in person.quotes if not any(s.start <= q.start and q.end <= s.end for s in edit.quotes)]
        quotes = sorted(set(quotes) | set(edit.quotes))
        position, organization = edit.title if edit.title is not None else (person.position, person.organization)
        if edit.silent:
            result.append(
                replace(person, role="mentioned", spoke=False, quotes=(), position=position, organization=organization)
            )
            continue
        result.append(
            replace(
                person,
                role=role,
                spoke=person.spoke or edit.spoke,
                quotes=tuple(quotes),
                position=position,
                organization=organization,
            )
        )
    return tuple(result)


def list_entries(text: str, section: Section) -> list[tuple[int, int]]:
    """A list's entries: its lines, and a line's «;»-separated parts («Приглашены: Гусаров А.С. – заместитель
    мэра города; Рябинина С.О. – начальник управления …»), each a name with its own post."""
    entries = []
    for start, end in content_lines(text, section.start, section.end):
        for part in re.finditer(r"[^;]+", text[start:end]):
            entries.append((start + part.start(), start + part.end()))
    return entries


# A comma between two entries of a list on one line: outside brackets («Хасянов Р.Ф. (представитель …), Ромашова Т.А.
# (председатель …)»).
_ENTRY_COMMA = re.compile(r",(?![^()]*\))")


def _one_per_name(
    text: str, start: int, end: int, hits: list[tuple[TextSpan, int]], mentions: Mentions
) -> list[tuple[int, int]]:
    """The entry, or where it names several people («Присутствовали члены комиссии: Учайкин С.П., Хасянов Р.Ф.
    (представитель университета), …»), its comma-separated parts that name one person each: a part's own post
    is that person's."""
    if len({index for _, index in hits}) == 1:
        return [(start, end)]
    parts, at = [], start
    for comma in [m.start() + start for m in _ENTRY_COMMA.finditer(text[start:end])] + [end]:
        if len({index for _, index in mentions.within(at, comma)}) == 1:
            parts.append((at, comma))
        at = comma + 1
    return parts


def _whole_name(text: str, start: int, end: int, mention: TextSpan) -> TextSpan:
    """The entry's whole leading name where the mention is a part of it («Рябинина» of «Рябинина Светлана
    Олеговна – начальник …»): the post stands after the whole name."""
    found = leading_name(text[start:end])
    if found is None:
        return mention
    name = TextSpan(start + found[0], start + found[1])
    return name if name.start <= mention.start and mention.end <= name.end else mention


def listed_members(text: str, section: Section, mentions: Mentions) -> str | None:
    """The post a present/absent list gives everyone on it: «Отсутствовали: 7 депутатов (Каримов Р.Р., …)»,
    «Присутствовали члены комиссии:» → «депутат», «член комиссии»; the organization is the body holding the
    meeting, which the membership stage assigns. Read in the header and the words before the first name."""
    first = mentions.within(section.start, section.end)
    end = first[0][0].start if first else section.end
    found = _MEMBERS.search(text, section.line, end)
    if found is None:
        return None
    if found.group("deputy"):
        return "депутат"
    unit = (found.group("of") or "").lower()
    if unit not in _MEMBER_OF:
        return None
    adjectives = " ".join(found.group(g).strip() for g in ("adj1", "adj2") if found.group(g))
    whose = (found.group("whose") or "").lower() if unit == "совета" else ""
    return " ".join(w for w in ("член", adjectives, unit, whose) if w)


def _no_more_than(position: str | None, label: str) -> bool:
    """No post, or one the header's label says in full («секретарь» of «Секретарь собрания», the signature line's
    «Секретарь ______» read as a post)."""
    return position is None or set(_WORDS.findall(position.lower())) <= set(_WORDS.findall(label.lower()))


def _vaguer(position: str | None, post: str) -> bool:
    """No post of their own, or a bare word of the list's («член» of «члены райисполкома»)."""
    return position is None or position.lower() in post.split()


def read_sections(doc: Doc, findings: Findings, sections: tuple[Section, ...]) -> Findings:
    text = doc_text(doc)
    findings = drop_layout_words(findings, layout_words(text, sections))
    persons = list(findings.persons)
    add_missed_names(doc, persons, sections)
    persons = merge_oblique(persons, sections)
    edits: dict[int, PersonEdit] = {}
    agenda: list[IssueFinding] = []
    decisions: list[DecisionFinding] = []

    def edit(index: int) -> PersonEdit:
        return edits.setdefault(index, PersonEdit())

    mentions = Mentions(persons)  # the persons are final from here on
    # «Докладчик: X» and then «В связи с отсутствием X информацию представил Y»: X's line was not kept to.
    absent = {i for i, person in enumerate(persons) if any(stated_absent(doc, m) for m in person.mentions)}
    members_post: str | None = None
    for section in sections:
        check_deadline("protocol")
        if section.kind in ("chair", "secretary"):
            hits = mentions.within(section.start, section.end)
            if hits:
                mention, index = hits[0]
                edit(index).give_role(section.kind)
                # The chair opens, conducts and closes the sitting: a protocol's chair addressed it
                # (genre notes, rule 12), even where the protocol records no words of theirs.
                edit(index).spoke = edit(index).spoke or section.kind == "chair"
                if section.kind == "chair":
                    edit(index).give_title(title_by_name(doc, mention, findings, before=True), LIST_TITLE)
                    continue
                title, own = secretary_title(doc, mention, findings, section.start)
                if own:
                    edit(index).give_title(title, LIST_TITLE)
                    continue
                label = " ".join(_WORDS.findall(text[section.line : section.start].lower()))
                title = title or ((label, None) if label else None)
                person = persons[index]
                if title is not None and _no_more_than(person.position, title[0]):
                    # Only the header's role: a post of their own elsewhere (a СЛУШАЛИ line's title) wins, and the
                    # role names no body, so the one they were linked to stays.
                    edit(index).give_title((title[0], title[1] or person.organization), _MEMBER_TITLE)
        elif section.kind in ("attendees", "invited", "absent"):
            for start, end in list_entries(text, section):
                check_deadline("protocol")
                hits = mentions.within(start, end)
                if section.kind != "absent":
                    for _, index in hits:
                        edit(index).give_role("attendee")
                for part_start, part_end in _one_per_name(text, start, end, hits, mentions):
                    mention, index = mentions.within(part_start, part_end)[0]
                    mention = _whole_name(text, part_start, part_end, mention)
                    # («Приглашенные: глава муниципального района «Хасавюртовский район» Умаров Р.Ш., прокурор …»: a
                    # list may give each post before its name.)
                    title = title_by_name(doc, mention, findings, before=True, bracketed=True)
                    edit(index).give_title(title, LIST_TITLE)
            if section.kind != "invited":
                # «Отсутствовал: Панкратов И.И.» after «Присутствовали члены комитета: …»: one of the same members.
                members_post = listed_members(text, section, mentions) or members_post
                for _, index in mentions.within(section.start, section.end):
                    person = persons[index]
                    if members_post is not None and _vaguer(person.position, members_post):
                        edit(index).give_title((members_post, person.organization), _MEMBER_TITLE)
        elif section.kind in _SPEECH_SECTIONS:
            for names, start, end in _speech_segments(text, section, mentions):
                indexes = [i for m, i in mentions.within(start, end) if m in names]
                for mention, index in zip(names, indexes, strict=True):
                    if index in absent:
                        continue
                    edit(index).give_role("speaker")
                    edit(index).spoke = True
                    # («Ахмедов Т.Н. (председатель совета ТОС «Ягры») – о вывозе снега»: a speaker's line may give the
                    # post in brackets, as a list's entry does.)
                    title = _split_as_before(title_by_name(doc, mention, findings, bracketed=True), persons[index])
                    edit(index).give_title(title, _SPEECH_TITLE)
                if not names:
                    continue
                quote_start = _speech_start(doc, _title_end(doc, names[-1]), end)
                if end - quote_start >= MIN_QUOTE_CHARS:
                    edit(indexes[-1]).quotes.append(TextSpan(quote_start, end))
        elif section.kind == "agenda":
            for item in items(text, section.start, section.end):
                issue = _agenda_issue(doc, item.start, item.end)
                if issue is not None:
                    agenda.append(issue)
        elif section.kind == "decided":
            for item in items(text, section.start, section.end):
                decisions.append(
                    DecisionFinding(" ".join(text[item.start : item.end].split()), (TextSpan(item.start, item.end),))
                )

    # «Отсутствовал: Беляк Д.Д. (представил письменное мнение)»: one named only where the protocol lists the absent
    # said nothing at the sitting, whatever verb their line has.
    absent = [(sec.start, sec.end) for sec in sections if sec.kind == "absent"]
    for index, person in enumerate(persons):
        if absent and person.mentions and all(any(a <= m.start < b for a, b in absent) for m in person.mentions):
            edit(index).silent = True
    heard = tuple(_first_report(text, s) for s in sections if s.kind == "heard")
    issues = merge_issues(doc, agenda, findings.issues, heard) if agenda else findings.issues
    return replace(
        findings,
        # Entries added for missed names stand where the text first names them, as the persons stage orders them.
        persons=tuple(sorted(apply_edits(persons, edits), key=lambda p: min(p.mentions))),
        issues=issues,
        decisions=findings.decisions + tuple(decisions),
    )


def agenda_of_report(doc: Doc, findings: Findings) -> Findings:
    """A report that quotes its agenda («Повестка дня включала пять вопросов: 1. … 2. …»): one issue per item."""
    text = doc_text(doc)
    agenda = [
        issue
        for section in find_sections(text)
        if section.kind == "agenda"
        for item in items(text, section.start, section.end)
        if (issue := _agenda_issue(doc, item.start, item.end)) is not None
    ]
    return replace(findings, issues=merge_issues(doc, agenda, findings.issues)) if agenda else findings


def run(doc: Doc, findings: Findings) -> Findings:
    if detect_layout(doc_text(doc)) == "report":
        return agenda_of_report(doc, findings)
    return read_sections(doc, findings, find_sections(doc_text(doc)))
