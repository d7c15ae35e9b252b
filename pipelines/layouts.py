"""Document layouts: a protocol's sections and a transcript's speaker turns, found in the plain text.

A protocol (протокол заседания) is a set of line-anchored headers — ПРИСУТСТВОВАЛИ, ПОВЕСТКА ДНЯ,
СЛУШАЛИ, ВЫСТУПИЛИ, РЕШИЛИ … — whose words live in `models/lexicons/protocol_sections.txt`. A
transcript (стенограмма) is a run of turns, each opened by a speaker label at the start of a line:
«Председательствующий.», «Председательствующий (Иванов И.И.).», «Иванов И.И.:», «ИВАНОВ П.П. —»,
«Депутат Петров:». Anything else is a report, and the layout stages leave it alone.

Everything here reads text only (offsets into it), so the grammar is testable without the NLP models.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from models import lexicons, loading

Layout = Literal["protocol", "transcript", "report"]

# Sections whose content is one line: the chair's or secretary's name and title.
ONE_LINE = frozenset({"chair", "secretary"})
# Sections that are lists of people, one per line; a blank line after the list ends it.
LISTS = frozenset({"attendees", "invited", "absent"})
# Kinds that make a protocol: two of them (or one under a «ПРОТОКОЛ» title) and the text is one.
_PROTOCOL_KINDS = frozenset({"attendees", "invited", "agenda", "heard", "spoke", "decided"})
_HEADER_KINDS = frozenset(
    {"attendees", "invited", "absent", "chair", "secretary", "agenda", "heard", "spoke", "decided", "voted", "closing"}
)
# How far into the text a title («ПРОТОКОЛ», «СТЕНОГРАММА») may stand.
_TITLE_CHARS = 400
# Words allowed between a header phrase and its mark: «Присутствовали члены комиссии:».
_MAX_EXTRA_WORDS = 4

_NUMBER = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVXХ]{1,4}\.)?[ \t]*")
_ON_QUESTION = re.compile(r"по[ \t]+\S+[ \t]+вопросу(?:[ \t]+повестки(?:[ \t]+дня)?)?[ \t]*[,:]?[ \t]*", re.IGNORECASE)
_MARK = re.compile(r"[ \t]*(?::|[–—-](?=[ \t]|$)|\.?[ \t]*$|[ \t]{2,}|\t|_{2,})", re.MULTILINE)
_WORD = re.compile(r"[ \t]+([^\s:–—_]+)")
# A short bracket right before a header's colon: «(13 из 15)», «(по списку)».
_HEADER_BRACKET = re.compile(r"[ \t]*\([^()\n]{1,20}\)(?=[ \t]*:)")
_ITEM = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[–—•·*-])[ \t]+")

_UPPER = "А-ЯЁ"
_LOWER = "а-яё"
_SURNAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_CAPS_SURNAME = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?"
_INITIALS = rf"[{_UPPER}]\. ?(?:[{_UPPER}]\.)?"
# A patronymic's ending in any case: «СЛУШАЛИ: Бережного Сергея Николаевича», «Быструю Ирину Валерьевну».
_PATRONYMIC_END = r"(?:вич(?:а|у|ем|е)?|[ие]?вн(?:а|ы|е|у|ой)|ичн(?:а|ы|е|у|ой)|оглы|кызы|уулу)"
# The same endings in an oblique case only: a name in the genitive or accusative on a «СЛУШАЛИ:» line.
OBLIQUE_PATRONYMIC = re.compile(r"(?:вич(?:а|у|ем|е)|вн(?:ы|е|у|ой)|ичн(?:ы|е|у|ой))$")
# A speaker label's name; the initials' own dot may be the label's end («Бакетаев А.С. Уважаемые …»).
_NAME = (
    rf"(?:{_SURNAME} {_INITIALS}"
    rf"|{_CAPS_SURNAME}(?: {_INITIALS})?"
    rf"|{_INITIALS} ?(?:{_SURNAME}|{_CAPS_SURNAME})"
    rf"|{_SURNAME} [{_UPPER}][{_LOWER}]+ [{_UPPER}][{_LOWER}]+{_PATRONYMIC_END})"
)
_TURN = re.compile(
    rf"^[ \t]*(?:(?P<title>[{_UPPER}][{_LOWER}-]+)[ \t]+)?(?P<name>{_NAME}|{_SURNAME})"
    rf"(?:[ \t]*\((?P<aside>[^()\n]{{1,120}})\))?"
    rf"(?P<mark>[ \t]*(?::|[–—-])[ \t]+|(?<=\.)[ \t]+(?=[{_UPPER}«\"–—-])"
    # «ПЕТРОВ П.П., депутат по округу № 5, фракция ЛДПР. Жители просят …»: a stenogram gives the speaker's post
    # after a comma, and the speech opens after it (checked in `_is_speaker_label`: the post must be one).
    rf"|,[ \t]+(?P<post>[{_LOWER}][^\n:]{{0,160}}?)[.:][ \t]+(?=[{_UPPER}«\"–—-]))(?=\S)",
    re.MULTILINE,
)
_CHAIR_TURN = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_]+)(?:[ \t]*\((?P<name>[^()\n]{2,80})\))?(?P<mark>[ \t]*[.:][ \t]*)(?=\S)",
    re.MULTILINE,
)
# A stenogram may set each label on its own line, the speech on the lines under it: «Изиляев Геннадий Петрович
# (министр …)», «Ямбаршев С.А.», «Председательствующий». Only a full name (or a post-word's title over one) and an
# optional bracketed aside, nothing after them on the line.
_ALONE_NAME = (
    rf"(?:(?:{_SURNAME}|{_CAPS_SURNAME}) {_INITIALS}"
    rf"|{_INITIALS} ?(?:{_SURNAME}|{_CAPS_SURNAME})"
    rf"|{_SURNAME} [{_UPPER}][{_LOWER}]+ [{_UPPER}][{_LOWER}]+{_PATRONYMIC_END})"
)
# (A capitalised word alone is a title, «СТЕНОГРАММА», not a name: initials or a patronymic make the label.) The
# label may end in a colon, and then give the speaker's post after a comma: «Т.П. ДЕРМЕНЖИ, начальник управления:».
_ALONE_TURN = re.compile(
    rf"[ \t]*(?:(?P<title>[{_UPPER}][{_LOWER}-]+)[ \t]+)?(?P<name>{_ALONE_NAME})"
    rf"(?:[ \t]*\((?P<aside>[^()\n]{{1,120}})\))?"
    # («КИМ Д.О., начальник отдела гражданской обороны.»: a stenogram's label may end its post with a full stop.)
    rf"(?:,[ \t]+(?P<post>[{_LOWER}][^\n:]{{0,160}}?)(?=[ \t]*(?::|\.[ \t]*$)))?[ \t]*[:.]?[ \t]*"
)
_ALONE_CHAIR = re.compile(r"[ \t]*(?P<label>[^\W\d_]+)(?:[ \t]*\((?P<name>[^()\n]{2,80})\))?[ \t]*:?[ \t]*")
# A speech under a label alone on its line opens a sentence and runs several words: a name list's next name, a
# signature's post («Председатель\nСовета депутатов») or a header is not one.
_SPEECH_LINE = re.compile(rf"[ \t]*[{_UPPER}«\"–—-]\S*(?:[ \t]+\S+){{2}}")


_LEADING_NAME = re.compile(rf"[ \t]*(?:\d{{1,2}}[.)]|[–—•-])?[ \t]*(?P<name>{_NAME})(?=[\s,:;(–—-]|$)")


def leading_name(line: str) -> tuple[int, int] | None:
    """The name a list or speech line opens with («Исаков Б.К. – первый вице-мэр …»), offsets into `line`."""
    found = _LEADING_NAME.match(line)
    if found is None or line_header(line) is not None:
        return None
    return found.start("name"), found.end("name")


@dataclass(frozen=True)
class Section:
    """A header and what it governs: `[start, end)` is the content, `[line, phrase_end)` the header words."""

    kind: str
    line: int
    phrase_end: int
    start: int
    end: int


@dataclass(frozen=True)
class Turn:
    """A speaker's turn in a transcript: the label `[start, text_start)`, the text `[text_start, end)`.

    `name` is the span of the speaker's name in the label, None for an unnamed chair
    («Председательствующий.»); `chair` is true for the chair's label, named or not."""

    start: int
    text_start: int
    end: int
    name: tuple[int, int] | None
    chair: bool


@dataclass(frozen=True)
class Item:
    """A numbered (or bulleted) item of an agenda or a decision: `[start, end)`, marker excluded."""

    start: int
    end: int


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@cache
def _phrases() -> tuple[tuple[str, str, bool], ...]:
    """(kind, folded phrase, stands alone) by phrase length, longest first."""
    found = []
    for line in lexicons.lines("protocol_sections"):
        kind, _, phrase = line.partition(" ")
        alone = kind.endswith("*")
        found.append((kind.rstrip("*"), fold(phrase.strip()), alone))
    return tuple(sorted(found, key=lambda f: -len(f[1])))


@cache
def _phrases_by_first() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """`_phrases` by their first letter, in the same order: a line is tried against the phrases it can open
    with, not every one (each line of every document was)."""
    phrases = _phrases()
    firsts = {phrase[:1] for _, phrase, _ in phrases} | {""}
    return {first: tuple(p for p in phrases if p[1][:1] in (first, "")) for first in firsts}


def phrases_of(kind: str) -> tuple[str, ...]:
    return tuple(phrase for k, phrase, _ in _phrases() if k == kind)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _starts_with(line: str, folded: str, phrase: str) -> bool:
    """`line` (folded: `fold(line)`, made once per line rather than once per phrase) opens with `phrase`."""
    return folded.startswith(phrase) and (len(line) == len(phrase) or not line[len(phrase)].isalnum())


def line_header(line: str, kinds: frozenset[str] = _HEADER_KINDS) -> tuple[str, int, int] | None:
    """(kind, end of the header words, start of the content) of a header line, offsets into `line`."""
    at = _NUMBER.match(line).end()
    question = _ON_QUESTION.match(line, at)
    if question is not None:
        at = question.end()
    rest = line[at:]
    folded = fold(rest)
    by_first = _phrases_by_first()
    for kind, phrase, alone in by_first.get(folded[:1], by_first[""]):
        if kind not in kinds or not _starts_with(rest, folded, phrase):
            continue
        phrase_end = at + len(phrase)
        if alone:
            return kind, phrase_end, phrase_end + len(line[phrase_end:]) - len(line[phrase_end:].lstrip(" \t:–—-"))
        end = phrase_end
        for words in range(_MAX_EXTRA_WORDS + 1):
            mark = _MARK.match(line, end)
            ends_line = mark is not None and not line[mark.end() :].strip()
            # «Присутствовали 12 депутатов из 15.»: a sentence, not a header.
            if mark is not None and not (ends_line and words and line.rstrip().endswith(".")):
                content = mark.end() + len(line[mark.end() :]) - len(line[mark.end() :].lstrip(" \t_:–—-"))
                return kind, phrase_end, content
            bracket = _HEADER_BRACKET.match(line, end)
            if bracket is not None:
                end = bracket.end()  # «Присутствовали члены Совета (13 из 15):»: a count of them before the colon
                continue
            word = _WORD.match(line, end)
            if word is None or words == _MAX_EXTRA_WORDS or any(c in word.group(1) for c in ".,;!?()"):
                break
            end = word.end()
        return None
    return None


@lru_cache(maxsize=8)
def find_sections(text: str) -> tuple[Section, ...]:
    """The protocol sections of `text`, in order; content ends at the next header (or turn)."""
    heads: list[tuple[str, int, int, int]] = []
    for start, end in _lines(text):
        found = line_header(text[start:end])
        if found is not None:
            kind, phrase_end, content = found
            heads.append((kind, start, start + phrase_end, start + content))
    turns = {t.start for t in find_turns(text)} if looks_like_transcript(text) else set()
    heads = [h for h in heads if h[1] not in turns or h[0] != "chair"]
    starts = {h[1] for h in heads}
    stops = sorted(starts | turns | {len(text)})
    sections = []
    for kind, line, phrase_end, content in heads:
        # By bisection: a scan of the stops for every header was quadratic in 10k header lines.
        at = bisect.bisect_right(stops, line)
        end = stops[at]
        while content < end and text[content].isspace():
            content += 1
        if end == content and end in turns and end not in starts:
            # «СЛУШАЛИ:» / «Гладких Валентина Игоревича – начальника …»: the line under the header that reads as a
            # turn is the header's content.
            end = stops[at + 1]
        end = _section_end(text, kind, content, end)
        sections.append(Section(kind, line, phrase_end, min(content, end), end))
    return tuple(sections)


def _section_end(text: str, kind: str, start: int, stop: int) -> int:
    body = text[start:stop]
    if kind in ONE_LINE:
        lead = len(body) - len(body.lstrip())
        line_end = body.find("\n", lead)
        return _rstrip(text, start, start + (line_end if line_end >= 0 else len(body)))
    if kind in LISTS:
        lead = len(body) - len(body.lstrip())
        gap = re.search(r"\n[ \t]*\n", body[lead:])
        if gap is not None:
            return _rstrip(text, start, start + lead + gap.start())
    return _rstrip(text, start, stop)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def content_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-empty lines of `text[start:end]` as (start, end), surrounding blanks stripped."""
    found = []
    for line_start, line_end in _lines(text[start:end]):
        s, e = start + line_start, start + line_end
        while s < e and text[s].isspace():
            s += 1
        e = _rstrip(text, s, e)
        if s < e:
            found.append((s, e))
    return found


def opens_item(line: str) -> bool:
    """The line opens a list's entry: a number or a bullet, then a space («1. …», «– …»)."""
    return _ITEM.match(line) is not None


def items(text: str, start: int, end: int) -> list[Item]:
    """Numbered or bulleted items of a section; unnumbered lines continue the item before them.

    Without any numbering, every line ending a sentence («.», «;») closes an item. A blank line after
    the items ends the list: what follows («Заседание закрыто.») is not one of them.
    """
    lines = content_lines(text, start, end)
    numbered = any(_ITEM.match(text, s) for s, _ in lines)
    found: list[list[int]] = []
    previous_end = None
    for s, e in lines:
        marker = _ITEM.match(text, s)
        blank_before = previous_end is not None and text.count("\n", previous_end, s) > 1
        if numbered and marker is None and blank_before:
            break
        if (numbered and marker is not None) or not found or (not numbered and text[found[-1][1] - 1] in ".;!"):
            if not numbered and blank_before:
                break
            found.append([marker.end() if marker else s, e])
        else:
            found[-1][1] = e
        previous_end = e
    return [Item(s, e) for s, e in found]


@lru_cache(maxsize=8)
def find_turns(text: str) -> tuple[Turn, ...]:
    """Speaker turns, each running to the next label, a closing line or the end of the text."""
    chair_labels = phrases_of("turn")
    labels: list[tuple[int, int, tuple[int, int] | None, bool]] = []
    lines = _lines(text)
    # Labels alone on their line only under a stenogram's title: elsewhere a name over a sentence is a letterhead's
    # or a signature's.
    alone = _titled(text, "transcript_title")
    for at, (start, end) in enumerate(lines):
        line = text[start:end]
        chair = _CHAIR_TURN.match(line)
        if (
            chair is not None
            and fold(chair.group("label")) in chair_labels
            and not _names_with_post(line[chair.end() :])
        ):
            name = (start + chair.start("name"), start + chair.end("name")) if chair.group("name") else None
            labels.append((start, start + chair.end(), name, True))
            continue
        if alone and at + 1 < len(lines) and (found := _alone_label(text, line, lines[at + 1], chair_labels)):
            kind, span = found
            name = (start + span[0], start + span[1]) if span else None
            labels.append((start, lines[at + 1][0], name, kind == "chair"))
            continue
        turn = _TURN.match(line)
        if turn is None or not _is_speaker_label(turn) or _lists_a_post(line[turn.end() :]) or line_header(line):
            continue
        labels.append((start, start + turn.end(), (start + turn.start("name"), start + turn.end("name")), False))
    closings = [s for s, e in _lines(text) if line_header(text[s:e], frozenset({"closing"})) is not None]
    stops = sorted({label[0] for label in labels} | set(closings) | {len(text)})
    turns = []
    for start, text_start, name, chair in labels:
        end = _rstrip(text, text_start, next(s for s in stops if s > start))
        turns.append(Turn(start, text_start, end, name, chair))
    return tuple(turns)


def _alone_label(
    text: str, line: str, following: tuple[int, int], chair_labels: tuple[str, ...]
) -> tuple[str, tuple[int, int] | None] | None:
    """("chair" or "speaker", the name's span in `line`) of a label standing alone on its line over a speech."""
    speech = text[following[0] : following[1]]
    if not _SPEECH_LINE.match(speech) or leading_name(speech) is not None or line_header(speech) is not None:
        return None
    chair = _ALONE_CHAIR.fullmatch(line)
    if chair is not None and fold(chair.group("label")) in chair_labels:
        return "chair", (chair.start("name"), chair.end("name")) if chair.group("name") else None
    turn = _ALONE_TURN.fullmatch(line)
    if turn is None or line_header(line) is not None or _verb_read_as_surname(turn.group("name")):
        return None
    if turn.group("title") is not None and fold(turn.group("title")) not in _title_words():
        return None
    if turn.group("post") is not None and line.rstrip().endswith(".") and not _lists_a_post(turn.group("post")):
        return None  # a full stop after a comma's words only ends a post («Иванов И.И., житель села.» is a list's)
    return "speaker", (turn.start("name"), turn.end("name"))


def _is_speaker_label(turn: re.Match[str]) -> bool:
    """A bare surname speaks only under a title («Депутат Петров:»); a title must be a post."""
    title, name = turn.group("title"), turn.group("name")
    if title is not None and fold(title) not in _title_words():
        return False
    if _verb_read_as_surname(name):
        return False  # «Стенографировала О.Н. Гиль»: the record-keeper's signature under the last turn
    if turn.group("post") is not None:
        # «Резник Ю.А., жительница села Квасниковка: А кто будет …»: a colon after who they are opens their words,
        # whatever they are; after a full stop only a post does («Сидоров С.С., житель села. Просит …» is a list).
        colon = turn.string[turn.end("post") : turn.end("post") + 1] == ":"
        return not re.fullmatch(_SURNAME, name) and (colon or _lists_a_post(turn.group("post")))
    if re.fullmatch(_SURNAME, name):
        return title is not None and any(mark in turn.group("mark") for mark in (":", "—", "–"))
    return True


def _verb_read_as_surname(name: str) -> bool:
    """«Стенографировала О.Н.», «Записал А.П.»: the label's first word is a verb (every reading of it), no surname."""
    first = re.match(r"[^\W\d_]+", name)
    if first is None or not first.group()[:1].isupper():
        return False
    parses = loading.parse(first.group().lower())
    return bool(parses) and all(p.tag.POS == "VERB" for p in parses)


_POST_WORDS = re.compile(rf"[{_LOWER}][{_LOWER}.-]*")
_POST_REACH = 3  # «исполняющий обязанности начальника», «первый вице-мэр»


def _names_with_post(rest: str) -> bool:
    """«Председательствующий: Сыдыков А.Т. – торага айылного кенеша»: the chair's header naming them with their post
    (a list line), not a turn of theirs."""
    found = _LEADING_NAME.match(rest)
    if found is None:
        return False
    after = rest[found.end() :].lstrip(" \t,")
    return after[:1] in ("–", "—", "-") and _lists_a_post(after[1:])


def _lists_a_post(after: str) -> bool:
    """«Орозбекова Айгуль Токтогуловна – вице-мэр города Каракол;»: a list of people gives each one's post
    after the dash, in lower case; a turn's speech opens a sentence («ИВАНОВ П.П. — Уважаемые коллеги»)."""
    for word in after.split()[:_POST_REACH]:
        if not _POST_WORDS.fullmatch(word.rstrip(",;")):
            return False
        word = word.rstrip(",;")
        if word in _title_words() or word.rsplit("-", 1)[-1] in _title_words():
            return True
        if word not in lexicons.load("position_modifiers") and not word.endswith("."):
            return False
    return False


@cache
def _title_words() -> frozenset[str]:
    return lexicons.load("position_heads") | lexicons.load("position_heads_extra")


# «П Р О Т О К О Л», «С Т Е Н О Г Р А М М А»: a title set letter-spaced (разрядка), read as its word.
_LETTER_SPACED = re.compile(rf"(?<!\S)(?:[{_UPPER}] ){{3,}}[{_UPPER}](?!\S)")


def _titled(text: str, kind: str) -> bool:
    head = fold(_LETTER_SPACED.sub(lambda word: word.group().replace(" ", ""), text[:_TITLE_CHARS]))
    return any(re.search(rf"(?<![а-я]){re.escape(p)}(?![а-я])", head) for p in phrases_of(kind))


def looks_like_transcript(text: str) -> bool:
    turns = find_turns(text)
    if _titled(text, "transcript_title") and len(turns) >= 2:
        return True
    names = {fold(text[t.name[0] : t.name[1]]) for t in turns if t.name and not t.chair}
    return len(turns) >= 4 and any(t.chair for t in turns) and len(names) >= 2


@lru_cache(maxsize=8)
def detect_layout(text: str) -> Layout:
    """Transcript, protocol or report, from turn shapes and section headers. Remembered like `find_sections`: the
    protocol, speakers and transcript stages each ask it of the same text."""
    if looks_like_transcript(text):
        return "transcript"
    kinds = {s.kind for s in find_sections(text)} & _PROTOCOL_KINDS
    if len(kinds) >= 2 or (kinds and _titled(text, "protocol_title")):
        return "protocol"
    return "report"
