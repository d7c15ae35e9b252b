"""How surely a «в <город>» places the meeting (`place_tier`): 0 best, 1 the dateline's, 2 and 3 weaker, None not.

A place attached to the event noun or to its verb in the meeting sentence is surest. The parse often hangs a city off
a settlement word or a venue before it («в селе Кара-Булак», «в здании администрации города …», «в режиме
видеоконференции в городе Бишкек»), so the phrase is climbed to the word it tells the whereabouts of. Where the parse
broke, word order answers: a lead paragraph opening on when and where («Сегодня в Конаеве … прошло заседание»), the
place right before «на» and the event noun, a meeting's verb a few words after the place. A meeting in the future
(«Следующее заседание пройдёт в Таразе») or recalled («напомнил, как в Бишкеке прошёл форум») is another one. A
headline places the meeting more weakly, by what it reports: the text's first sentence (`Headline`, split at its
first blank line once per text), and a headline in capitals read in sentence case (`heading_place`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from natasha.grammars.date import MONTHS
from spacy.tokens import Doc, Span, Token

from models import lexicons
from models.components.extensions import doc_text, sentence_of
from pipelines.headings import headings, reading
from pipelines.person_names import fold
from pipelines.stages.locations import gazetteer, text_key
from pipelines.stages.meeting.date import _PAST_MODIFIERS, _relative_days, _weekdays, _word_before
from pipelines.stages.meeting.names import _IN, _SETTLEMENT_ABBREVIATIONS, _adjective_and_place, _dateline_place
from pipelines.stages.meeting.sentence import _is_in, find_events, meeting_verbs


def _in_parentheses(span: Span) -> bool:
    """«(Санкт-Петербург)», «(г. Казань)»."""
    doc = span.doc
    start = span.start
    if start > 1 and doc[start - 1].text == "." and fold(doc[start - 2].text) in ("г", "гор"):
        start -= 2
    elif start > 0 and fold(doc[start - 1].text) in ("г.", "город"):
        start -= 1
    return start > 0 and doc[start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"


# Nouns a place phrase hangs from on its way to the event or its verb: «в селе Кара-Булак», «в Ташкенте, в
# помещении ресурсного центра», «в Таврическом дворце (Санкт-Петербург)».
_PLACE_CLIMB = ("appos", "nmod", "flat", "flat:name", "parataxis", "conj")
_PLACE_CLIMB_STEPS = 2
_MODE_STEPS = 2  # «в режиме видеоконференции»: the nouns of the way a meeting is held, passed free
_VENUE_STEPS = 4


def _place_head(span: Span, events: set[int]) -> Token:
    """The word the place phrase tells the whereabouts of: the parser often hangs a city off the settlement
    word or the venue before it, and that phrase off the verb."""
    token = span.root
    head = token.head
    steps = 0
    # «в режиме видеоконференции в городе Бишкек»: a noun of the way the meeting is held is passed free.
    for _ in range(_PLACE_CLIMB_STEPS + _MODE_STEPS):
        if head.i in events or head.pos_ not in ("NOUN", "PROPN") or token.dep_ not in _PLACE_CLIMB:
            break
        if token.dep_ == "parataxis" and not _in_parentheses(span):
            break
        if fold(head.lemma_) not in lexicons.load("meeting_place_modes"):
            if steps >= _PLACE_CLIMB_STEPS:
                break
            steps += 1
        token, head = head, head.head
    return head


def _after_in(span: Span) -> bool:
    if _in_parentheses(span):
        # «в Таврическом дворце (Санкт-Петербург)»: the city in brackets places the venue before it.
        venue = span.root
        for _ in range(_VENUE_STEPS):  # «в Доме дружбы народов (г. Казань)»: up through the venue's name
            venue = venue.head
            if any(c.dep_ == "case" and c.lower_ in _IN for c in venue.children):
                return True
        return False
    root = span.root
    if any(c.dep_ == "case" and c.lower_ in _IN for c in root.children):
        return True
    before = _word_before(span)
    if before is not None and before.lower_ == _KIND_OF_TYPE and before.i > 0 and _of_urban_type(before):
        before = _word_before(span.doc[before.i - 1 : before.i])  # «в посёлке городского типа Шахан»
    if before is not None and fold(before.lemma_) in _CENTRES:
        before = _word_before(span.doc[before.i : before.i + 1])  # «в райцентре Кочкор»
    elif before is not None and _district_centre(before):
        before = _word_before(span.doc[before.i - 1 : before.i])  # «в районном центре Саят»
    elif before is not None and (_is_in(before, "loc_settlement_nouns") or _abbreviated_settlement(before)):
        settlement = before
        before = _word_before(span.doc[before.i : before.i + 1])  # «в селе Кара-Булак»
        while before is not None and before.is_lower and before.pos_ == "ADJ":
            before = _word_before(span.doc[before.i : before.i + 1])  # «в рабочем посёлке Кольцово»
        if before is not None and _abbreviation(before):
            before = _word_before(span.doc[before.i : before.i + 1])  # «в г.п. Кузьмоловский», «в р.п. Шилово»
        # «в административном здании джамоата Поршинев»: the settlement names the building the «в» stands on. (A
        # body between them, «в здании администрации города Тулуна», is its home, which `home_city` reads.)
        return before is not None and (before.lower_ in _IN or _in_venue(settlement) or _venue_before(settlement))
    return (before is not None and before.lower_ in _IN) or _in_venue(root)


def _abbreviated_settlement(token: Token) -> bool:
    """«в аг. Вертелишки»: a settlement's abbreviation with its full stop, which the tagger lemmatises as it may
    («аг» → «ага»)."""
    doc = token.doc
    return fold(token.text) in _SETTLEMENT_ABBREVIATIONS and token.i + 1 < len(doc) and doc[token.i + 1].text == "."


def _abbreviation(token: Token) -> bool:
    """A short lower-case word with its full stop: the first half of a settlement's «г.п.», «р.п.», «п.г.т.»."""
    doc = token.doc
    return token.is_lower and len(token) <= 2 and token.i + 1 < len(doc) and doc[token.i + 1].text == "."


_VENUE_NAME_DEPS = frozenset({"nmod", "appos", "flat", "flat:name"})
# «районном», «областном», «этрапском», «административном»: the adjectives that make «центр» a settlement's word.
_CENTRE_LEVEL = re.compile(r"(?:районн|областн|краев|окружн|административн|[а-яё]+ск)(?:ом|ый|ого|ой|ий)")


# «райцентр», «облцентр»: a district's or a region's centre in one word.
_CENTRES = frozenset({"райцентр", "облцентр", "райцентре", "облцентре"})
# «посёлок городского типа»: the kind's genitive stands between the settlement word and the name.
_KIND_OF_TYPE = "типа"


def _of_urban_type(token: Token) -> bool:
    """«типа» after «городского», itself after a settlement word: «посёлке городского типа»."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].lower_ == "городского" and _is_in(doc[token.i - 2], "loc_settlement_nouns")


def _district_centre(token: Token) -> bool:
    """«в районном центре Саят», «в этрапском центре»: a district's or a region's centre is the settlement named."""
    if token.lemma_ != "центр" or token.i == 0:
        return False
    level = token.doc[token.i - 1]
    return level.is_lower and bool(_CENTRE_LEVEL.fullmatch(level.text))


def _in_venue(token: Token) -> bool:
    """«в зале заседаний Районного совета Кагул», «в здании администрации города Тулуна»: the city is part of the
    name of the room or building the «в» stands on."""
    for _ in range(_VENUE_STEPS):
        if token.dep_ not in _VENUE_NAME_DEPS:
            return False
        token = token.head
        if _is_in(token, "meeting_venue_nouns"):
            return any(c.dep_ == "case" and c.lower_ in _IN for c in token.children)
    return False


_GENITIVE_CHAIN = 4  # the body between a building and its settlement's word: «здании аильного аймака села»


def _venue_before(token: Token) -> bool:
    """`_in_venue` by the words, where the parse broke the phrase: back from the settlement's word over a genitive
    chain («аильного аймака») to a room or building with its «в» («в административном здании»)."""
    doc = token.doc
    at = token.i - 1
    while at >= 0 and token.i - at <= _GENITIVE_CHAIN and doc[at].is_alpha and "Case=Gen" in str(doc[at].morph):
        at -= 1
    if at < 0 or not _is_in(doc[at], "meeting_venue_nouns"):
        return False
    at -= 1
    while at >= 0 and doc[at].pos_ == "ADJ":
        at -= 1
    return at >= 0 and doc[at].lower_ in _IN


def _is_org(token: Token) -> bool:
    return token.ent_type_ == "ORG"


def _the_next_meeting(verb: Token, events: set[int]) -> bool:
    """The verb's event is «следующее»: the meeting after this one."""
    return any(
        c.i in events and any(fold(a.lemma_) == "следующий" for a in c.children if a.dep_ == "amod")
        for c in verb.children
    )


# What a meeting did, which a headline reports it by: «подвели итоги», «заслушали отчёт», «одобрили».
_HEADLINE_VERBS = frozenset({"подвести", "подводить", "заслушать", "заслушивать", "одобрить"})


def place_tier(span: Span, events: set[int], meeting: Span | None, headline: Headline | None) -> int | None:
    """How surely "в <город>" places the meeting: 0 best (1 is the dateline's); None when it doesn't."""
    if not _after_in(span):
        return None
    head = _place_head(span, events)
    if head.pos_ in ("VERB", "AUX") and "Fut" in head.morph.get("Tense") and _the_next_meeting(head, events):
        return None  # «Следующее заседание пройдёт в Таразе»: another meeting's place, not this one's
    if head.pos_ in ("VERB", "AUX") and "Fut" in head.morph.get("Tense"):
        # «следующее заседание состоится в г. Калараш»: where the next meeting will be, below a dateline's place
        # (an announcement's «Сегодня в городе Ош состоится заседание» with no other place still places its meeting).
        return 3
    verb_like = head.pos_ in ("VERB", "AUX") and _is_in(head, "meeting_verbs")
    # «круглый стол, организованный в Бишкеке», «заседание, прошедшее в Оше»: a participle of the event noun.
    if head.dep_ == "acl" and head.head.i in events:
        head = head.head
    if head.i in events or (head.pos_ in ("VERB", "AUX") and any(c.i in events for c in _same_paragraph(head, span))):
        # An event the text recalls («напомнил, как в Бишкеке в прошлом году прошёл форум») is not this meeting.
        if _recalled(head):
            return None
        # Another event in another sentence ("на встрече в Вашингтоне") may not be this meeting.
        return 0 if meeting is not None and meeting.start <= span.start < meeting.end else 2
    subject = next((c for c in head.children if c.dep_.startswith("nsubj")), None)
    if verb_like and subject is not None and _is_org(subject):
        return 2
    if _is_org(head) and head.dep_.startswith("nsubj") and _is_in(head.head, "meeting_verbs"):
        return 2  # "Национальная ассамблея Кубы в Гаване избрала": the body met there
    # «В Кульсарах подвели итоги года», «В Таласе депутаты заслушали отчёт»: a headline reports a meeting by what it
    # did too.
    verb_like = verb_like or (head.pos_ in ("VERB", "AUX") and fold(head.lemma_) in _HEADLINE_VERBS)
    if _in_headline(span, headline, first_paragraph=True) and verb_like:
        return 3
    if meeting is not None and meeting.start <= span.start < meeting.end and _next_to_meeting_verb(span):
        return 2  # «в Таврическом дворце (Санкт-Петербург) состоялось заседание» under a broken parse
    if meeting is not None and meeting.start <= span.start < meeting.end and _opens_a_lead(span, events):
        return 0
    if meeting is not None and meeting.start <= span.start < meeting.end and _before_on_event(span, events):
        return 0  # «рассмотрены во вторник в Глубоком на заседании райисполкома» under a parse hanging the place wrong
    if _in_headline(span, headline, first_paragraph=False) and verb_like:
        return 3  # past a blank line of the first sentence, and no lead of the meeting's sentence
    if headline is not None and headline.span.start <= span.start < headline.span.end and _headline_opening(span):
        return 3
    return None


def _same_paragraph(verb: Token, span: Span) -> list[Token]:
    """The verb's dependents in the paragraph of the place: a headline without a full stop runs into the lead in one
    parse («Здание школы в г. Ош требует ремонта \n\n Состоялось заседание …»), and the lead's event is not the
    headline verb's."""
    text = doc_text(span.doc)
    found = []
    for child in verb.children:
        start, end = sorted((child.idx, span.start_char))
        if _PARAGRAPH_BREAK.search(text, start, end) is None:
            found.append(child)
    return found


# A clause the text recalls an event in: «как», «когда» introduce it under a verb of speech or of time.
_RECALLING_MARKS = frozenset({"как", "когда"})
_EARLIER = frozenset({"прошлый", "позапрошлый"})


def _recalled(verb: Token) -> bool:
    """An event the text recalls rather than reports: its verb introduced by «как» / «когда» («напомнил, как в Бишкеке
    прошёл форум»), or dated to an earlier year («в прошлом году»)."""
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in _RECALLING_MARKS:
            return True
        if child.dep_ == "obl" and child.lemma_ == "год" and any(fold(a.lemma_) in _EARLIER for a in child.children):
            return True
    return False


def _headline_opening(span: Span) -> bool:
    """«В Кульсарах подвели итоги …» on a line of its own: a headline's place and its verb right after it, however the
    parse hangs the place (on the breadcrumb above it, when the two run into one sentence)."""
    doc = span.doc
    before = _word_before(span)
    if before is None or before.lower_ not in _IN or (before.i > 0 and "\n" not in doc[before.i - 1].text):
        return False
    verb = next((t for t in doc[span.end : span.end + 2] if not t.is_space), None)
    return (
        verb is not None
        and verb.pos_ in ("VERB", "AUX")
        and (_is_in(verb, "meeting_verbs") or fold(verb.lemma_) in _HEADLINE_VERBS)
    )


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Headline:
    """The text's first sentence and where its first paragraph ends (the end of its first blank line, past the
    sentence's end if it has none): found once per text, so that each place in the sentence is told in O(1) which
    paragraph it is in (searching from the sentence's start for each made a long first sentence quadratic)."""

    span: Span
    paragraph_end: int

    @classmethod
    def of(cls, doc: Doc) -> Headline | None:
        span = next(iter(doc.sents), None)
        if span is None:
            return None
        # A break's end is where the search from the sentence's start would first find one ending; every later
        # break ends later, so a place past this end is past a break, and one before it is past none.
        found = _PARAGRAPH_BREAK.search(doc_text(doc), span.start_char, span.end_char)
        return cls(span, found.end() if found is not None else span.end_char + 1)


def _in_headline(span: Span, headline: Headline | None, *, first_paragraph: bool) -> bool:
    """Within the text's first sentence, and with `first_paragraph` within its first paragraph: a letterhead or a
    headline without a full stop runs into the lead in one sentence, so a place past a blank line of it may be the
    lead's («ОБЩЕСТВЕННЫЙ СОВЕТ … \n\n 12 мая 2026 года в Тамбове … состоялось заседание»), which the meeting
    sentence's checks read first; or the headline's after a breadcrumb («Новости\n\nАким провёл приём в Жибек
    Жолы»)."""
    if headline is None or not headline.span.start <= span.start < headline.span.end:
        return False
    broken = headline.paragraph_end <= span.start_char
    return not broken if first_paragraph else broken


# A lead's opening before its place: «Сегодня в», «5 мая 2025 года в селе», «В минувшую пятницу в г.».
_LEAD_OPENING = 8
_MONTHS = frozenset(MONTHS)


def _opens_a_lead(span: Span, events: set[int]) -> bool:
    """LEAD → WHEN? в PLACE … VERB EVENT: a report's lead paragraph opens on when and where its meeting took place
    («Сегодня в Конаеве под председательством акима … прошло расширенное заседание», «5 мая в селе Ала-Бука, в малом
    зале …, состоялось совещание»). The place stands first, so it is the meeting's however far its verb; the parse
    rarely links them where a headline without a full stop ran into the lead's sentence."""
    doc = span.doc
    line_start = doc_text(doc).rfind("\n", 0, span.start_char) + 1
    opening = [t for t in doc[max(0, span.start - _LEAD_OPENING) : span.start] if t.idx >= line_start]
    if not opening or (opening[0].idx != line_start and not doc_text(doc)[line_start : opening[0].idx].isspace()):
        return False  # the window starts inside a longer clause
    for token in opening:
        lemma = fold(token.lemma_)
        if not (
            token.is_punct
            or token.is_space
            or token.like_num
            or token.lower_ in _IN
            or lemma in _MONTHS
            or lemma in _relative_days()
            or lemma in _weekdays()
            or lemma in _PAST_MODIFIERS
            or lemma in ("г", "год")
            or _is_in(token, "loc_settlement_nouns")
        ):
            return False
    sent = sentence_of(doc, span.start)
    verb = next((t for t in meeting_verbs(sent) if t.i >= span.end), None)
    if verb is None or not any(span.end <= i < sent.end for i in events):
        return False
    # «Вчера в Бишкеке журналисты сообщили, что в Оше прошло заседание»: a clause of its own verb comes between,
    # and the place is that clause's.
    return not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[span.end : verb.i])


_EVENT_REACH = 3  # «на заседании», «на очередной сессии», «на расширенном заседании коллегии»


def _before_on_event(span: Span, events: set[int]) -> bool:
    """«в Глубоком на заседании», «в Оше на очередной сессии»: the place right before «на» and its event noun (its
    adjectives between) places that event."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "на":
        return False
    for token in doc[span.end + 1 : span.end + 1 + _EVENT_REACH]:
        if token.i in events:
            return True
        if token.pos_ != "ADJ":
            return False
    return False


# Words between the place phrase and its «состоялось» / «прошло» («в Туркестане, в Доме дружбы, прошло»).
_VERB_REACH = 4


def _next_to_meeting_verb(span: Span) -> bool:
    doc = span.doc
    window = doc[span.end : span.end + _VERB_REACH + 2]
    # Not past a blank line: a headline's last words and its lead's first verb («… в г. Ош требует ремонта \n\n
    # Состоялось заседание»).
    stop = next((t.i for t in window if t.is_space and t.text.count("\n") > 1), window.end)
    near = [t for t in doc[span.end : stop] if not (t.is_punct or t.is_space)]
    return any(t.pos_ in ("VERB", "AUX") and _is_in(t, "meeting_verbs") for t in near[:_VERB_REACH])


_HEADING_LINES = 3  # the lines the organizations stage reads in sentence case too: no parse of our own


def heading_place(doc: Doc) -> str | None:
    """A city a headline in capitals places a meeting in («В КЫЗЫЛОРДЕ ПРОШЛА СЕССИЯ МАСЛИХАТА»): the taggers
    misread capitals, so the line is read in sentence case (`pipelines.headings`), where the city is lowered
    too and only morphology knows it: «в <город>» with a verb of taking place or an event noun in the line."""
    for heading in headings(doc)[:_HEADING_LINES]:
        line = reading(doc, heading)
        if not (meeting_verbs(line[:]) or find_events(line)):
            continue
        for token in line[1:]:
            if line[token.i - 1].lower_ not in _IN:
                continue
            after = line[token.i + 1].text if token.i + 1 < len(line) else None
            place = _adjective_and_place(token.text, after) or _dateline_place(token.text)
            key = text_key(place) if place else None
            if key is not None and not gazetteer().canonical(key):
                return place
    return None
