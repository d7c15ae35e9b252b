"""Meeting: title, body, number, date and place.

The stage first finds the *meeting sentence*: the first sentence where an event noun
(`meeting_events.txt`: заседание, сессия, круглый стол …) goes with a verb of taking place
(`meeting_verbs.txt`: состоялось, прошло, открывается …), else the first with an event noun.
- title, number, body: the yargy TITLE grammar (`models/grammars/meeting.py`) on that sentence;
  the body is matched to an organization found earlier when one covers it.
- date: the meeting sentence's own date; else its relative day (вчера, в среду) counted from the
  dateline; else the dateline; else the first date that isn't a deadline, a document's date or a
  birth date. A relative day with no dateline to count from leaves the date unknown. A crawler's stamp
  («[crawled 2024-03-02]», «Просмотров: 212 24.11.2023») is a weak dateline: the report's own dateline on a
  later line, or a date in the text, comes first; the stamp still counts relative days and lends its year.
  A meeting no event noun names is dated by the lead's sentence with a verb of taking place («В субботу … прошёл
  сбор»); a day left without a year takes one from a month-and-year date in the header lines.
  A machine's ISO date opening the text («2024-10-09 11:02:37 | ВКО») is such a stamp.
- place: a city in "в <город>" attached (through a settlement word or a venue) to an event noun or to its
  verb, the city also read off a settlement word («в г. Тамбове», «в г.п. Кузьмоловский», «в здании джамоата
  Поршинев») or a venue's adjective («в Московском театре», where the text names Москва), or opening a lead
  paragraph before its meeting's verb («Сегодня в Конаеве под председательством … прошло заседание»), or right
  before «на» and the event noun («в Глубоком на заседании»; of two places as sure, the one the dateline names); else
  the dateline's place («БИШКЕК, 14 марта —», «АЛМАТЫ. 5 марта»,
  «БИШКЕК (Кабар) —», «14 марта, Бишкек.», a protocol's «г. Ош» (or a smaller settlement's «р.п. Шилово»,
  «д. Ключи») before or after its date, «Место проведения:
  г. Каракол» or «Место проведения: зал …, г. Тулун», «Павлодар.» opening a line);
  the dateline's city in brackets («(г. Тамбов) 14 марта»), a protocol's quoted day («"14" марта 2024 г.   г. Тамбов»),
  a header's «Место:», «Адрес:» field, a city morphology does not know opening a dateline («Кызылорда, 14 марта»);
  else a city where a body met ("Ассамблея в Гаване избрала"); a place after the meeting's manner («в режиме
  видеоконференции в городе Бишкек»); else a «Место проведения —» field in the text, or the place by a protocol's
  signatures at its end («г. Тулун, 14 марта 2024 г.»); else the home of the body holding the meeting, named in
  the meeting sentence or the two after it («Думы города Костромы», «Мядельского районного Совета» → Мядель,
  «городского округа Тольятти», «Думы г.о. Тольятти», «мэр Бишкека», a city's own body by its adjective even where
  morphology does not know the city: «Жалал-Абадского городского кенеша» → Жалал-Абад);
  else one in the headline; else one a headline in capitals places the meeting in; else the town of a district
  whose body's building a lead sentence holds the meeting in, where the text names that town («в здании хокимията
  Асакинского района» → Асака). A region's or district's body alone («Тамбовской областной Думы», «акимат
  Сарыагашского района») gives no place: the gold leaves it unstated.
  The place found joins the locations when the locations stage missed it (a dateline's city NER left untagged), and
  so does the dateline's town when the meeting sat elsewhere.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice

from natasha.grammars.date import MONTHS
from spacy.attrs import IS_ALPHA, LEMMA, LOWER, ORTH, POS
from spacy.matcher import PhraseMatcher
from spacy.symbols import ADJ
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from models import lexicons, loading
from models.components.extensions import doc_text, sentence_of
from models.components.natasha import dates, with_century
from models.grammars.cities import city_of
from models.grammars.meeting import (
    Title,
    compound_ordinal_value,
    dateline_parser,
    ordinal_values,
    roman_value,
    title_parser,
)
from pipelines.doc_views import folded_strings, token_strings
from pipelines.findings import Findings, LocationFinding, MeetingFinding, OrganizationFinding, PersonFinding, TextSpan
from pipelines.headings import headings, reading
from pipelines.normalize import guessed_plural_fixed, nominative, recover_shape
from pipelines.person_names import fold, is_first_name
from pipelines.stages.locations import gazetteer, municipal_kind, soft_stem_cases, text_key
from pipelines.titles import is_position_head

_IN = {"в", "во"}
_DATELINE_LINES = 5  # «Версия для слабовидящих», breadcrumbs and a headline may come first
_OWN_DATE = re.compile(r"[ \t]*от[ \t]+\d{1,2}\.\d{1,2}\.\d{2,4}[ \t]*(?:г\.?|года)?[ \t]*$", re.IGNORECASE)
_DATELINE_CHARS = 80  # a dateline opens its line: place, date, perhaps a time
_BEFORE_EVENT = 6  # tokens: "ХХ внеочередная выездная сессия"
_AFTER_EVENT = 18  # a body's name with its region and remit
# Event nouns further apart than this (tokens) are not one title: the stretch parsed is the first one's.
# yargy's chart grows faster than the text, and events spread over a sentence of thousands of words had
# it parse all of them. Every sentence of the gold sets is shorter, so none of them is cut.
_MAX_TITLE_SPREAD = 256
_NO_YEAR = 2001  # any non-leap year, for day arithmetic when the text gives no year


@dataclass(frozen=True)
class DateFact:
    year: int | None
    month: int
    day: int

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else f"--{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Dateline:
    date: DateFact | None
    place: str | None
    end: int = 0  # where the dateline ends in the text: dates before it are not the meeting sentence's own
    # A crawler's stamp or a publication label («[crawled 2024-03-02]», «Просмотров: 212 24.11.2023») says
    # when the page was seen: it counts relative days and gives years, but a date in the text comes first.
    stamp: bool = False


@cache
def _event_matcher(vocab: Vocab) -> PhraseMatcher:
    """Event nouns, one- or multi-word, matched by lemma: "на заседании", "круглого стола"."""
    matcher = PhraseMatcher(vocab, attr="LEMMA")
    for phrase in lexicons.load("meeting_events"):
        for variant in _lemma_variants(phrase):
            words = variant.split()
            pattern = Doc(vocab, words=words, lemmas=words)
            matcher.add("EVENT", [pattern])
    return matcher


def _lemma_variants(phrase: str) -> list[str]:
    # Natasha's lemmatizer keeps ё and sometimes capitals; list the spellings it may produce.
    return sorted({phrase, phrase.replace("е", "ё"), phrase.capitalize()})


def _is_in(token: Token, lexicon: str) -> bool:
    return fold(token.lemma_) in lexicons.load(lexicon)


def find_events(doc: Doc) -> list[Token]:
    """Heads of event nouns, in text order: the last word of "круглый стол" is its head.

    A capital inside a sentence makes the noun a body's name ("Законодательное Собрание",
    "Курултай"), not an event; a room's noun before it makes it the room's kind ("в зале заседаний администрации
    состоялась встреча").
    """
    return [
        doc[end - 1]
        for _, start, end in _event_matcher(doc.vocab)(doc)
        if (doc[start].is_sent_start or not doc[start].text[:1].isupper())
        and not _names_a_room(doc, start)
        and not _glosses_a_name(doc, start)
    ]


_GLOSS_REACH = 3  # lower-case words between the bracket and the event noun: «(муниципальное собрание)»


def _glosses_a_name(doc: Doc, start: int) -> bool:
    """«Сакребуло (муниципальное собрание) Тбилиси»: a bracket right after a body's foreign name explains what the
    body is; the event noun in it names the body, not a meeting."""
    i = start - 1
    while i >= 0 and start - i <= _GLOSS_REACH and doc[i].is_lower and doc[i].is_alpha:
        i -= 1
    if i < 1 or doc[i].text != "(":
        return False
    name = doc[i - 1]
    return name.is_alpha and name.text[:1].isupper()


def _names_a_room(doc: Doc, start: int) -> bool:
    return start > 0 and fold(doc[start - 1].lemma_) in _ROOMS and "Gen" in doc[start].morph.get("Case")


def _after_a_room(sent: Span, start_char: int) -> bool:
    """A title the grammar matched at `start_char` of the sentence's text names a room («в зале заседаний …»)."""
    first = sent.char_span(start_char, start_char + 1, alignment_mode="expand")
    return first is not None and _names_a_room(sent.doc, first.start)


_ROOMS = frozenset({"зал", "конференц-зал", "комната", "кабинет"})


def meeting_verbs(sent: Span) -> list[Token]:
    """Verbs of taking place; not an infinitive, which plans a meeting or proposes one («повторно рассмотреть
    вопрос на заседании 19 мая», «решено провести сессию»): it tells no meeting that took place. Remembered per
    Doc by the span's place: the meeting and speakers stages ask about the same sentences again (two calls in
    five were repeats); callers read the list, never change it."""
    found = sent.doc.user_data.get(_MEETING_VERBS)
    if found is None:
        found = sent.doc.user_data[_MEETING_VERBS] = {}
    at = (sent.start, sent.end)
    verbs = found.get(at)
    if verbs is None:
        verbs = found[at] = _meeting_verbs(sent)
    return verbs


_MEETING_VERBS = "kenesh_meeting_verbs"


def _meeting_verbs(sent: Span) -> list[Token]:
    return [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX")
        and "Inf" not in t.morph.get("VerbForm")
        and _is_in(t, "meeting_verbs")
        and not _of_another_noun(t)
    ]


def _of_another_noun(verb: Token) -> bool:
    """«огласит результаты прошедших 28 февраля выборов»: a participle tells what took place of the noun it qualifies;
    a noun that is no event («выборов») makes it no meeting's verb."""
    if "Part" not in verb.morph.get("VerbForm") or verb.dep_ not in ("amod", "acl"):
        return False
    return verb.head.pos_ == "NOUN" and not _is_in(verb.head, "meeting_events")


def meeting_sentence(events: list[Token]) -> Span | None:
    """The first sentence with an event noun and a verb of taking place, else the first with an event. A verb in the
    future («следующее заседание Совета состоится в июне в г. Калараш» at a protocol's end) tells the next meeting:
    a sentence whose verb took place comes first."""
    sentences = list(dict.fromkeys(sentence_of(t.doc, t.i) for t in events))
    held = (sent for sent in sentences if any(not _future(v) for v in meeting_verbs(sent)))
    return next(held, None) or next(
        (sent for sent in sentences if meeting_verbs(sent)), sentences[0] if sentences else None
    )


def _future(verb: Token) -> bool:
    """«состоится», and «будут утверждены»: a participle's auxiliary in the future tells a meeting to come."""
    return "Fut" in verb.morph.get("Tense") or any(
        c.dep_ in ("aux", "aux:pass") and c.lower_.startswith("буд")
        for c in verb.children  # «будут», «будет»
    )


# Title, number, body ----------------------------------------------------------------------------


def _number(text: str | None) -> str | None:
    if not text:
        return None
    if roman_value(text):
        return text
    roman, dash, _ = text.partition("-")
    if dash and roman_value(roman):
        return roman  # «VIII-й» → «VIII»
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits:
        return digits  # "5-я" → "5"
    if " " in text.strip():
        return compound_ordinal_value(text)
    return ordinal_values().get(fold(loading.parse(text)[0].normal_form))


def _noun_parse(word: str, case: str | None = None) -> object | None:
    return next((p for p in loading.parse(word) if p.tag.POS == "NOUN" and (case is None or p.tag.case == case)), None)


def agreeing_nominative(text: str, words: list[tuple[str, int, int]], head: int, case: str = "gent") -> str:
    """The phrase with `words[head]` and the adjectives before it in the nominative, the rest as written.

    Works on the grammar's tokens with pymorphy alone: the slovnet parse of long official names is
    often broken ("Межстранового" taken for a person), while agreement inside the phrase is regular.
    `words` are (word, start, end) with offsets into `text`; `case` is the head's likeliest case.
    """
    word, start, end = words[head]
    noun = _noun_parse(word, case) or _noun_parse(word)
    if noun is None:
        return text
    plural = noun.tag.number == "plur"
    nominative_noun = noun.inflect({"nomn", "plur"} if plural else {"nomn"})
    nominative_word = recover_shape(nominative_noun.word, word) if nominative_noun else word
    if plural:
        nominative_word = guessed_plural_fixed(nominative_word, word, noun.is_known)
    parts = [(start, end, nominative_word)]
    gender = noun.tag.gender or "masc"
    for word, start, end in words[:head]:
        adjective = next((p for p in loading.parse(word) if p.tag.POS == "ADJF"), None)
        if adjective is None:
            continue
        form = adjective.inflect({"nomn", "plur"} if plural else {"nomn", gender})
        if form:
            parts.append((start, end, recover_shape(form.word, word)))
    for start, end, replacement in sorted(parts, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _words(match_tokens: list, start: int, stop: int) -> list[tuple[str, int, int]]:
    return [(t.value, t.span.start - start, t.span.stop - start) for t in match_tokens if start <= t.span.start < stop]


def _body_name(
    body: Span, words: list[tuple[str, int, int]], organizations: tuple[OrganizationFinding, ...]
) -> str | None:
    """The organization found earlier whose mention covers the body's first word, else the body inflected.

    A person ("интервью господина Рахимова") is not a body: None.
    """
    first = body.doc[body.start]
    if first.ent_type_ == "PER" and first.morph.get("Animacy") == ["Anim"] and len(body) <= 3:
        return None
    # (A city's adjective opening a body's name is no person, though pymorphy guesses a surname for it too:
    # «Новополоцкого городского Совета».)
    if (
        first.pos_ != "ADJ"
        and _noun_parse(words[0][0]) is not None
        and "anim" in (_noun_parse(words[0][0]).tag.animacy or "")
    ):
        return None
    best: tuple[int, str] | None = None
    for org in organizations:
        for mention in org.mentions:
            if mention.start <= body.start_char < mention.end and (best is None or mention.end > best[0]):
                best = (mention.end, org.name)
    if best:
        return best[1]
    org_nouns = lexicons.load("loc_org_nouns")
    if not any(fold(p.normal_form) in org_nouns for w, _, _ in words for p in loading.parse(w)):
        return None  # "открытие новой сцены театра": what follows the event is not always a body
    head = next((i for i, (w, _, _) in enumerate(words) if _noun_parse(w, "gent") and not _is_adjective(w)), None)
    return agreeing_nominative(body.text, words, head) if head is not None else nominative(body)


def _through_settlement(body: Span) -> Span:
    """«Думы г. Тамбова», «Думы г.о. Тольятти»: the grammar stops at the settlement word's full stop, and the body
    goes on through the abbreviation to the name after it."""
    doc, end = body.doc, body.end
    if fold(doc[end - 1].text) not in _SETTLEMENT_ABBREVIATIONS:
        return body
    if end + 2 < len(doc) and doc[end].text == "." and doc[end + 1].lower_ == "о" and doc[end + 2].text == ".":
        end += 2  # «г.о.»: a city district
    if end + 1 < len(doc) and doc[end].text == "." and doc[end + 1].is_alpha and doc[end + 1].text[:1].isupper():
        return doc[body.start : end + 2]
    return body


def _is_adjective(word: str) -> bool:
    return loading.parse(word)[0].tag.POS == "ADJF"


# The case a preposition puts the event noun in, where its form alone is ambiguous («на сессии», «к встрече»).
_GOVERNED_CASE = {
    "в": "loct",
    "во": "loct",
    "на": "loct",
    "о": "loct",
    "об": "loct",
    "при": "loct",
    "к": "datv",
    "ко": "datv",
    "после": "gent",
    "до": "gent",
    "для": "gent",
    "из": "gent",
    "от": "gent",
    "у": "gent",
    "с": "ablt",
    "со": "ablt",
    "перед": "ablt",
    "над": "ablt",
    # compound prepositions: «в ходе сессии», «в рамках встречи», «во время заседания», «по итогам совещания»
    "ходе": "gent",
    "рамках": "gent",
    "время": "gent",
    "итогам": "gent",
    "накануне": "gent",
}


def _governed_case(word: str) -> str:
    """The case the word before the event noun puts it in: a preposition's («на сессии»), a noun's genitive
    («организовать проведение общей сессии»: «сессии» is no plural there)."""
    word = fold(word.strip('«»"(),.:;'))
    if word in _GOVERNED_CASE:
        return _GOVERNED_CASE[word]
    parses = loading.parse(word) if word.isalpha() and word.islower() else []
    return "gent" if parses and parses[0].tag.POS == "NOUN" else "nomn"


def find_title(
    sent: Span, events: list[Token], organizations: tuple[OrganizationFinding, ...]
) -> tuple[str | None, str | None, str | None]:
    # yargy's chart grows with the text: parse only the stretch around the event nouns.
    events = [t for t in events if sent.start <= t.i < sent.end]
    last = events[-1].i if events[-1].i - events[0].i <= _MAX_TITLE_SPREAD else events[0].i
    window = sent.doc[max(sent.start, events[0].i - _BEFORE_EVENT) : min(sent.end, last + _AFTER_EVENT)]
    if window.start_char > sent.start_char or window.end_char < sent.end_char:
        sent = window
    text = sent.text
    matches = [m for m in title_parser().findall(text) if not _after_a_room(sent, m.span.start)]
    # A match around an event noun `find_events` set aside («Сакребуло (муниципальное собрание)»: a gloss) is none.
    at = [t.idx - sent.start_char for t in events]
    matches = [m for m in matches if any(m.span.start <= i < m.span.stop for i in at)] or matches
    if not matches:
        return None, None, None
    match = next((m for m in matches if m.fact.body), matches[0])
    fact: Title = match.fact
    doc, offset = sent.doc, sent.start_char
    start, stop = match.span.start, match.span.stop
    body_start = sent.text.find(fact.body, start) if fact.body else stop
    if body_start < start:
        # yargy's fact normalizes whitespace inside the name (a tab in «Ф\tорума»): not found as written,
        # so the title goes on without a body rather than being cut at a wrong offset.
        fact.body, body_start = None, stop
    head_words = _words(match.tokens, start, body_start)
    if not head_words:
        return None, None, None
    event_index = max(
        (i for i, (w, _, _) in enumerate(head_words) if _noun_parse(w) and not _is_adjective(w)),
        default=len(head_words) - 1,
    )
    # The event noun is often the subject already ("прошли публичные слушания"): try the nominative first, unless a
    # preposition governs it («На сессии был заслушан …»: «сессии» is no plural «сессии» there).
    case = _governed_case(before[-1]) if (before := text[:start].split()) else "nomn"
    title = agreeing_nominative(sent.text[start:body_start].strip(), head_words, event_index, case=case)
    body_name = None
    if fact.body:
        body = doc.char_span(offset + body_start, offset + stop, alignment_mode="expand")
        if body is not None:
            words = _words(match.tokens, body_start, stop)
            longer = _through_settlement(body)
            if longer.end > body.end:
                body = longer
                words = [
                    (t.text, t.idx - body.start_char, t.idx + len(t) - body.start_char) for t in body if t.is_alpha
                ]
            title = f"{title} {body.text}"
            body_name = _body_name(body, words, organizations)
    number = fact.number
    lead = text[start:body_start].split()[:1]
    if number and lead and lead[0] != number and lead[0].endswith(number) and roman_value(lead[0]):
        number = lead[0]  # «ХХХIV»: Cyrillic and Latin letters of one numeral, which the tokenizer splits
    return title, _number(number), body_name


# Dates -----------------------------------------------------------------------------------------


def _word_before(span: Span) -> Token | None:
    for token in reversed(span.doc[max(0, span.start - 3) : span.start]):
        if not (token.is_punct or token.is_space):
            return token
    return None


def _words_after(span: Span, n: int = 3) -> list[Token]:
    return [t for t in span.doc[span.end : span.end + n + 2] if not t.is_space][:n]


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    sides: dict[str, set[str]] = {"before": set(), "after": set()}
    for entry in lexicons.load("meeting_date_stopwords"):
        side, word = (part.strip() for part in entry.split("|"))
        sides[side].add(word)
    return {side: frozenset(words) for side, words in sides.items()}


def is_other_date(span: Span) -> bool:
    """A deadline ("до 1 января"), a document's date ("от 5 мая … №"), a birth date."""
    before = _word_before(span)
    stop_before = _stopwords()["before"]
    if before is not None and (fold(before.lemma_) in stop_before or before.lower_ in stop_before):
        return True
    after = {fold(t.text).rstrip(".") for t in _words_after(span)}
    return bool(after & _stopwords()["after"])


def _planned(span: Span) -> bool:
    """«предложил провести районный субботник 29 марта 2025 года»: a date an infinitive governs is a thing proposed
    or due, not the day a meeting took place."""
    head = span.root.head
    return head.pos_ in ("VERB", "AUX") and "Inf" in head.morph.get("VerbForm")


def _fact(span: Span) -> DateFact | None:
    fact = span._.date
    if fact is None or not fact.month or not fact.day:
        return None
    return DateFact(fact.year, fact.month, fact.day)


def _dates_in(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in dates(doc, start, end, day_and_month=True) if _fact(s)]


def _opening(doc: Doc, tokens: int = 400) -> str:
    """The start of the text, where datelines stand: the first `tokens` tokens' text, cut from the Doc's
    text joined once (joining them from their Tokens cost more than reading the lines)."""
    n = min(tokens, len(doc))
    if not n:
        return ""
    last = doc[n - 1]
    return doc_text(doc)[: last.idx + len(last.text)]


def _first_lines(text: str, count: int) -> list[tuple[int, str]]:
    """The first `count` non-empty lines with their offsets."""
    found, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip(" \t\r\n#"):
            found.append((offset, line))
            if len(found) == count:
                break
        offset += len(line)
    return found


_POSTPOSED_TOWN_MARK = re.compile(r"^(?P<name>[ \t]*[А-ЯЁ][А-ЯЁа-яё-]+)(?P<mark>[ \t]+[қш]\.)(?=[ \t]*,)")
# A crawler's bracketed stamp before the text on its line: «[2024-03-15 10:00] ТАРАЗ, 15 марта. …».
_STAMP_BEFORE_TEXT = re.compile(r"[ \t]*\[[^\]\n]{1,40}\][ \t]*(?=\S)")


def _stamps_apart(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A crawler's stamp run into the report's own dateline, read as two lines: the stamp says when the page was seen,
    the agency's «ТАРАЗ, 15 марта» where and when the meeting was."""
    found = []
    for offset, line in lines:
        stamp = _STAMP_BEFORE_TEXT.match(line)
        if stamp is None:
            found.append((offset, line))
        else:
            found += [(offset, line[: stamp.end()]), (offset + stamp.end(), line[stamp.end() :])]
    return found


# A dateline's date has a month name, a dotted day and month or an ISO form; other lines need no parse.
_DATE_LIKE = re.compile(
    r"\d{1,2}\.\d{1,2}|\d{4}([-/])\d{1,2}\1\d{1,2}|\d{1,2}([-/])\d{1,2}\2\d{4}|\d\s*(?:янв|фев|мар|апр|ма[яйе]|июн|июл|авг|сен|окт|ноя|дек)"
    # «13 Mart 2026», «5-iyun»: a month in Latin letters (`models.grammars.meeting.LATIN_MONTH`).
    r"|\d[\s-]*(?:yanvar|fevral|mart|aprel|may|iyun|iyul|avg|avq|sent|okt|noyabr|dekabr)",
    re.IGNORECASE,
)
# A feed's stamp in the e-mail format (RFC 2822): «Fri, 14 Mar 2025 09:12:44 +0300».
_MAIL_STAMP = re.compile(
    r"[ \t]*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),[ \t]+(?P<day>\d{1,2})[ \t]+"
    r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]+(?P<year>\d{4})[ \t]+\d{1,2}:\d{2}"
)
_MAIL_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# The word or abbreviation that marks a settlement's name in a header or a field: «г. Ош», «город Бишкек», and
# the kinds of smaller settlements a district's protocol is written in: «р.п. Шилово», «п. Нариман», «д. Ключи»,
# «ст. Егорлыкская», «аул Жанажол», Belarus's agro-towns «аг. Бабичи», and Central Asia's village units: «айыл
# Кара-Суу», «джамоат Чоркух», «махалля Шодлик»; Moldova's municipalities «мун. Чадыр-Лунга». The one-letter ones
# only in lower case: «Д. Петров» is an initial.
_SETTLEMENT_MARK = (
    r"(?:(?i:г|гор|с|пос|пгт)\.|(?-i:р\.[ \t]?п|рп|п|д|дер|ст|ст-ца|х|аг|мун)\."
    r"|(?i:город|село|пос[её]лок|деревня|станица|аул|кишлак|хутор|агрогородок|айыл|джамоат|махалля)(?=[ \t]))"
)
# What may stand before a dateline's place or date on its line: a crawler's fields («Автор: … | »), its
# bracketed stamp («[2023-11-24 09:14]», «[crawled 2024-03-02]»), a publication label or a view counter glued
# to the date («Просмотров: 212 24.11.2023», «Опубликовано: 5 мая»), the settlement word of a protocol's
# header («г. Ош      28 декабря 2022 г.»), a protocol's number. A site of the genre's countries labels its
# publication date in the national language as often as in Russian: Kyrgyz «Жарыяланды: 18.09.2026», Kazakh
# «Жарияланды», «Жарияланған күні», Uzbek «E'lon qilindi», «Эълон қилинди», Tajik «Нашр шуд», «Санаи нашр», Belarusian
# «Апублікавана», Azerbaijani «Dərc olunub»; or just «date»: Uzbek and Tajik «Сана», Kazakh «Күні», Azerbaijani «Tarix».
# («Жарияланған күні» is two labels in a row: an optional «күні» after the one would read it two ways in the repeat.)
_DATELINE_PREFIX = re.compile(
    r"(?:.*\|)?[ \t#*]*(?P<stamp>\[[ \t]*"
    r"|(?:crawled|fetched|published|posted|date|дата(?:[ \t]+(?:публикации|размещения|создания|обновления))?"
    r"|опубликовано|обновлено|добавлено|размещено|создано|новость[ \t]+от"
    r"|жарыяланды|жарияланды|жарияланған|күні|e['ʼ‘’]lon[ \t]+qilindi|эълон[ \t]+қилинди"
    r"|nashr[ \t]+etildi|нашр[ \t]+шуд(?:ааст|а)?|санаи[ \t]+нашр|сана|sana|тарих|tarix"
    r"|апублікавана|d[əe]rc[ \t]+(?:olunub|edilib))[ \t]*:?[ \t]*"
    r"|просмотр(?:ов|ы)?[ \t]*:?[ \t]*\d+[ \t]+)*"
    # A site's publication time before its date: «13:45, 12 марта 2024», «09:12 | 12.03.2024».
    r"(?:\d{1,2}:\d{2}[ \t]*[,|]?[ \t]+)?"
    # A protocol's number line: «ПРОТОКОЛ № 5 от 31.01.2025 г.», «Протокол заседания совета №3 от 12 марта 2025 года»,
    # or its title line without a number: «Протокол заседания комиссии от 15 марта 2024 года, г. Бишкек».
    r"(?:протокол\w*[^\n№]{0,80}?(?:№[ \t]*[\w/.-]{1,12}[ \t]+)?от[ \t]+)?"
    # The date line under a protocol's title: «от 31.10.2025          г. Кимры».
    r"(?:от[ \t]+(?=\d))?"
    # An agency's city in capitals with a full stop, or with the agency in brackets: «АЛМАТЫ. 5 марта 2024
    # года.», «БИШКЕК (Кабар) — 14 марта».
    r"(?:(?P<city>(?-i:[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?))(?:\.|[ \t]*\([^()\n]{1,20}\)[ \t]*[.,—–-]?)[ \t]+)?"
    r"(?P<marker>" + _SETTLEMENT_MARK + r")?[ \t]*",
    re.IGNORECASE,
)
# A settlement's name after its word: one word, hyphenated or not, or an adjective with its noun («г. Сосновый Бор»,
# «г. Старый Оскол», «г. Набережные Челны»); `_marked_place` keeps the second word only where the two agree.
_MARKED_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \t][А-ЯЁ][а-яё]+)?"
# A protocol's header line may give the place after the date: «12 марта 2024 г. № 6        г. Лида», and the address
# after the place: «14 апреля 2025 г.        г. Евпатория, пр. Ленина, 2, каб. 37».
_PLACE_AFTER_DATE = re.compile(
    r"(?:^|[ \t])" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")[ \t.]*(?:$|,[ \t])"
)
# A report's dateline may give the city after the date: «14 марта 2024 года, Бишкек.», «5 мая. Ош —»,
# «14.03.2024 | Бишкек».
# «14 марта 2024, 10:15 | Бишкек»: the time may come between; a site's fields «04.06.2025 / 17:12 | Бишкек |
# Пресс-служба …» set the date, the time, the city and the source apart alike.
_CITY_AFTER_DATE = re.compile(
    r"(?:[ \t]*[,|/]?[ \t]*\d{1,2}:\d{2})?[ \t]*[,.|/][ \t]*"
    r"(?P<place>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \t]*(?:[.,|—–-]|$)"
)
# A field's label before its place: «Место проведения:», «Место и время проведения:», «Место проведения заседания:»,
# «Адрес:», a form's «Город:» and «Населённый пункт:».
_PLACE_LABEL = (
    r"(?i:место(?:[ \t]+и[ \t]+время)?(?:[ \t]+проведения(?:[ \t]+(?:заседания|сессии|совещания|собрания|слушаний))?)?"
    r"|адрес(?:[ \t]+проведения)?|город|насел[её]нный[ \t]+пункт)[ \t]*:"
)
# A place alone opening a line: «Павлодар. В понедельник …», «Место проведения: г. Каракол, здание мэрии».
_PLACE_LINE = re.compile(
    r"(?:" + _PLACE_LABEL + r"[ \t]*)?"
    # «(г. Тамбов) 14 марта 2024 г.»: a dateline's place in brackets.
    r"(?P<open>\()?[ \t]*"
    r"(?P<marker>" + _SETTLEMENT_MARK + r"[ \t]*)?"
    r"(?P<place>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?(?(marker)(?:[ \t][А-ЯЁ][а-яё]+)?))"
    # «ТАШКЕНТ (УзА).», «Тараз (Казинформ) — Сегодня …»: the agency in brackets after the city; a headline's
    # «Актобе: прошла сессия маслихата».
    r"(?(open)[ \t]*\)|(?:[ \t]*\([^()\n]{1,20}\)[ \t]*[—–-][ \t]|(?:[ \t]*\([^()\n]{1,20}\))?"
    r"(?:[.,][ \t]|:[ \t]+(?=\w)|[ \t]{2,}|[ \t]*$)))",
)
_PLACE_LINES = 8  # a protocol's header (body, title, number) comes before its place line
_FIELD_LINES = 14  # a protocol's «Место проведения:» may follow its date, time and agenda fields
_VENUE_FIELD = re.compile(_PLACE_LABEL)
_QUOTED_DAY = re.compile(r"[«\"](\d{1,2})[»\"]")
# A protocol's place field naming the venue first: «Место проведения: актовый зал администрации, г. Тулун».
_PLACE_FIELD = re.compile(_PLACE_LABEL + r"(?P<value>.*)")
_SETTLEMENT_IN_FIELD = re.compile(r"(?:^|[\s,(])" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")")


def find_dateline(doc: Doc) -> Dateline | None:
    """A date (and a place before it) opening one of the first lines: "БИШКЕК, 21 сентября 2023", "12.03.2024",
    "Автор: … | 20.04.2023, 11:08". A crawler's bare date often comes first and the agency's
    "САМАРКАНД, 15 февраля" or a protocol's "г. Ош" later: the place is taken from the first lines that have one."""
    lines = _stamps_apart(_first_lines(_opening(doc), _FIELD_LINES))
    found: Dateline | None = None
    place: str | None = None
    for index, (offset, line) in enumerate(lines):
        if index >= _PLACE_LINES:
            # A protocol's header block may run long before its «Место проведения:» field.
            place = place or (_line_place(line) if _VENUE_FIELD.match(line.strip(" \t#*")) else None)
            if place is not None:
                break
            continue
        # «"14" марта 2024 г.»: a protocol's day in quotes, read without them (the offsets stay).
        cut = _head_end(line)
        head = _QUOTED_DAY.sub(lambda day: f" {day.group(1)} ", line[:cut])
        # «Шымкент қ., 12.03.2025», «Бишкек ш., 5 апреля»: the Kazakh «қаласы» or Kyrgyz «шаары» after the name,
        # blanked (the offsets stay).
        head = _POSTPOSED_TOWN_MARK.sub(lambda mark: mark.group("name") + " " * len(mark.group("mark")), head)
        line = head + line[cut:]
        if (found is None or found.stamp or found.place is None) and (
            _DATE_LIKE.search(head) or _MAIL_STAMP.match(head)
        ):
            dated = _dated_line(head, offset, line)
            # A bare date stands among the first lines; a place with its date («Нукус, 10 июня 2025 г.») is a
            # dateline below bilingual menus and breadcrumbs too.
            # (A protocol's own date line, «от 11.03.2025» under its title, place and number, may come later.)
            if dated is not None and index >= _DATELINE_LINES and dated.place is None and not _OWN_DATE.match(head):
                dated = None
            if found is None:
                found = dated
            elif dated is not None and not dated.stamp and dated.date is not None and _overrides(dated, found):
                found = replace(dated, date=_with_year(dated.date, found.date))
        place = place or (found.place if found else None) or _line_place(line)
        if found is not None and not found.stamp and place is not None:
            break
    if found is None:
        found = _footer_date(doc)
        if found is None:
            return Dateline(None, place) if place else None
    return replace(found, place=place)


_FOOTER_LINES = 3  # a signature, a photo credit, then the site's date
_FOOTER_CHARS = 400
# What may follow a footer's date on its line: the year's word, a time, a view counter.
_FOOTER_REST = re.compile(
    r"[ \t]*(?:г\.|года?)?[ \t]*(?:[,|][ \t]*)?(?:\d{1,2}:\d{2})?[ \t]*(?:[,|][ \t]*)?"
    r"(?:(?i:просмотр(?:ов|ы)?)[ \t]*:?[ \t]*\d+)?[ \t.]*$"
)


def _footer_date(doc: Doc) -> Dateline | None:
    """A date alone on one of the last lines («Наталья ПАРХОМЧИК / 12.03.2024», «Опубликовано: 12 марта 2024»): a
    district site prints the report's date under it, not above. Like a crawler's stamp it says when the report was
    posted: it counts «вчера» and lends years, and a date in the text comes first. It cuts nothing (end 0)."""
    text = doc_text(doc)
    tail_start = max(0, len(text) - _FOOTER_CHARS)
    lines = _first_lines(text[tail_start:], 10_000)[-_FOOTER_LINES:]
    for offset, line in reversed(lines):
        if not _DATE_LIKE.search(line):
            continue
        dated = _dated_line(line, tail_start + offset, line)
        if dated is None or dated.date is None or dated.date.year is None:
            continue
        date_end = dated.end - tail_start - offset
        if _FOOTER_REST.match(line, date_end) is None:
            continue  # a date inside a sentence or a decision's number, not a site's date line
        return Dateline(dated.date, None, 0, True)
    return None


def _overrides(dated: Dateline, found: Dateline) -> bool:
    """A crawler's stamp gives way to the report's own dateline on a later line, and so does a site's bare
    publication time («23.10.2024 12:10») to an agency's «АСТАНА, 22 октября»: the dateline with the place is the
    report's own."""
    return found.stamp or (found.place is None and dated.place is not None)


def _head_end(line: str) -> int:
    """Where a line's dateline part ends: `_DATELINE_CHARS` characters, a run of spaces or tabs counted as one
    (a protocol's header pads its place and its date apart: «г. Ульяновск <50 spaces> «24» апреля 2025 г.»)."""
    count = 0
    for i, char in enumerate(line):
        if not (char in " \t" and i and line[i - 1] in " \t"):
            count += 1
            if count > _DATELINE_CHARS:
                return i
    return len(line)


# A machine's date opening the text («2024-10-09 11:02:37 | ВКО», «2024-07-09T07:31:00+05:00», «2025/11/28 09:03»):
# a crawler's or a site engine's stamp of when the page was seen or posted. People write «9 октября 2024» or
# «09.10.2024».
_ISO_STAMP = re.compile(r"\d{4}([-/])\d{2}\1\d{2}(?![\d/-])")


# A clause opening with a preposition or a conjunction («по словам депутата», «что в ночь на среду») is a sentence's,
# not a venue.
_FUNCTION_WORD = r"(?i:по|в|во|на|с|со|к|о|об|у|за|из|от|до|для|при|как|что|и|а|но|или|если|когда|где|это)(?=[ \t])"
# A dateline may name the venue between its city and its date: «Санкт-Петербург, Таврический дворец, 10 апреля»,
# «Бишкек, Дом дружбы, 5 мая», «г. Ош, здание мэрии, 14 марта». Each part is short and no sentence: the city a
# capitalised name, the venue one or two comma-parted phrases without sentence punctuation.
_VENUE_DATELINE = re.compile(
    r"[ \t#*]*(?P<marker>" + _SETTLEMENT_MARK + r")?[ \t]*"
    r"(?P<city>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)*(?:[ \t][А-ЯЁ][а-яё]+)?)[ \t]*,"
    r"(?:[ \t]*(?!" + _FUNCTION_WORD + r")[^\s,.;:!?«»\"()][^,.;:!?\n]{0,40},){1,2}[ \t]*$"
)


def _venue_dateline_place(before: str) -> str | None:
    """The city of a dateline that names its venue before the date (see `_VENUE_DATELINE`), if `before` (the
    line up to the date) is one."""
    venue = _VENUE_DATELINE.match(before)
    if venue is None:
        return None
    if venue.group("marker"):
        return _marked_place(venue.group("city"))
    return _dateline_place(venue.group("city"))


# A protocol header's two columns: the place, perhaps with its address, on the left, the date across a wide gap on
# the right: «г. Мурманск, пр. Ленина, 75                17.03.2025 № 1».
_COLUMN_PLACE = re.compile(
    r"[ \t#*]*" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")(?:[ \t]*,[^\n]*\S)?[ \t]{5,}$"
)


def _column_place(before: str) -> str | None:
    column = _COLUMN_PLACE.match(before)
    return _marked_place(column.group("place")) if column else None


_ONE_WORD = re.compile(r"[ \t]*(?P<word>[А-ЯЁа-яё]+)[ \t]+")


def _two_word_dateline_place(before: str, place: str | None) -> str | None:
    """«НИЖНИЙ НОВГОРОД, 5 мая», «Набережные Челны, 5 мая»: the grammar's place is one word, the adjective of a
    two-word town's name is left before it."""
    word = _ONE_WORD.fullmatch(before)
    return _adjective_and_place(word.group("word"), place) if word and place else None


_FAR_YEAR_MARK = re.compile(r"[ \t]{2,}г\.?$")
_STREET_BEFORE = re.compile(
    r"(?:ул|улица|пр|просп|проспект|пер|переулок|пл|площадь|бульвар|мкр)\.?[ \t]*$", re.IGNORECASE
)


def _dated_line(head: str, offset: int, line: str) -> Dateline | None:
    mail = _MAIL_STAMP.match(head)
    if mail is not None:
        month = _MAIL_MONTHS.index(mail.group("month")) + 1
        return Dateline(
            DateFact(int(mail.group("year")), month, int(mail.group("day"))), None, offset + mail.end(), True
        )
    prefix = _DATELINE_PREFIX.match(head)
    for match in dateline_parser().findall(head):
        venue_place = None
        if match.span.start > prefix.end():
            venue_place = (
                _venue_dateline_place(head[: match.span.start])
                or _two_word_dateline_place(head[prefix.end() : match.span.start], match.fact.place)
                or _column_place(head[: match.span.start])
            )
            if venue_place is None:
                continue  # a date inside a running sentence, not a dateline
        if _STREET_BEFORE.search(head, 0, match.span.start):
            continue  # «ул. 8 Марта»: a street named for a date
        date = match.fact.date
        if date is None or not date.month or not date.day:
            continue
        if venue_place is not None:
            place = venue_place
        elif match.fact.place and prefix.group("marker"):
            place = _header_place(match.fact.place)  # «г. Вахдат 14 марта»: the word says it is a settlement
        else:
            # «Кызылорда, 14 марта 2024 (Kazinform)»: a name morphology does not know at all, opening a dateline,
            # is the city as written.
            name = match.fact.place or prefix.group("city")
            place = _dateline_place(name) or (_unshouted_name(name) if name and _unknown_word(name) else None)
        rest = line[match.span.stop :].rstrip()
        year_mark = _FAR_YEAR_MARK.search(head, match.span.start, match.span.stop)
        if year_mark is not None:
            # «24.11.2025          г. Арзамас»: across a protocol header's gap «г.» marks the town, not the year.
            rest = line[year_mark.start() :].rstrip()
        if place is None and (after := _PLACE_AFTER_DATE.search(rest)) is not None:
            place = _header_place(after.group("place"))
        if place is None and (after := _CITY_AFTER_DATE.match(rest)) is not None:
            place = _dateline_place(after.group("place"))
        stamp = prefix.group("stamp") is not None or _ISO_STAMP.match(head, match.span.start) is not None
        year = with_century(head[match.span.start : match.span.stop], date.year)
        return Dateline(DateFact(year, date.month, date.day), place, offset + match.span.stop, stamp)
    return None


# A header's venue line: «Зал заседаний Жогорку Кенеша, г. Бишкек», «Актовый зал акимата, г. Тараз».
_VENUE_LINE = re.compile(r"(?i:(?:[а-яё-]+[ \t]+)?(?:зал|здание|конференц-зал|помещение)(?![а-яё]))")
# A headline's town in brackets after what it reports: «Сессия городского маслихата (г. Актобе)».
_BRACKETED_TOWN = re.compile(r"\([ \t]*" + _SETTLEMENT_MARK + r"[ \t]*(?P<place>" + _MARKED_NAME + r")[ \t]*\)[ \t]*$")


def _line_place(line: str) -> str | None:
    """A city that opens a line alone: a report's «Павлодар.», a protocol's «г. Вольск» or «Место проведения:»;
    a place field or a venue line that names the venue first gives the settlement marked in it («…, г. Тулун»); a
    bracketed town closes a headline."""
    line = line.strip(" \t#*")
    place = _opening_place(line)
    if place is not None:
        return place
    field = _PLACE_FIELD.match(line)
    if field is not None:
        return _settlement_in(field.group("value"))
    town = _SETTLEMENT_IN_FIELD.search(line) if _VENUE_LINE.match(line) else None
    if town is not None and line[: town.start() + 1].rstrip(" \t").endswith(","):
        return _header_place(town.group("place"))  # the town after a comma: «Здание школы в г. Ош …» is a headline
    bracketed = _BRACKETED_TOWN.search(line.rstrip())
    return _header_place(bracketed.group("place")) if bracketed else None


def _opening_place(text: str) -> str | None:
    """The place `_PLACE_LINE` reads at the start of `text`: a name a settlement word marks, or a known city."""
    found = _PLACE_LINE.match(text)
    if found is None:
        return None
    return (_header_place if found.group("marker") else _dateline_place)(found.group("place"))


def _settlement_in(value: str) -> str | None:
    """The settlement a place field marks after its venue: «актовый зал администрации, г. Тулун»."""
    settlement = _SETTLEMENT_IN_FIELD.search(value)
    return _header_place(settlement.group("place")) if settlement else None


_SIGNATURE_LINES = 6  # a protocol's or a decision's signatures and its «г. Тулун, 14 марта 2024 г.» close the text
# The signature block's place line: a settlement word and the name, alone or with the date.
_SIGNATURE_PLACE = re.compile(
    r"[ \t]*(?:(?P<before>[\d.]+|\d{1,2}[ \t]+[а-яё]+[ \t]+\d{4})[ \t]*(?:г\.|года)?[ \t]*[,]?[ \t]*)?"
    r"(?i:г|гор)\.[ \t]*(?P<place>" + _MARKED_NAME + r")"
    r"(?:[ \t]*,?[ \t]*(?:[\d.]+|\d{1,2}[ \t]+[а-яё]+[ \t]+\d{4})[ \t]*(?:г\.|года)?)?[ \t.]*$"
)


# «Место проведения — г. Самара.» anywhere in the text, a field written into a running paragraph; «Место и время
# проведения: г. Балыкчы, 10:00»; a meeting's own address, «Заседание прошло по адресу: г. Оренбург, ул. …».
_PLACE_FIELD_ANYWHERE = re.compile(
    r"(?i:место(?:[ \t]+и[ \t]+время)?[ \t]+проведения(?:[ \t]+(?:заседания|сессии|совещания|собрания|слушаний))?"
    r"|(?:прош[её]л|прошл[аои]|состоял(?:ся|ась|ось|ись))[ \t]+"
    r"по[ \t]+адресу)[ \t]*[:—–-][ \t]*(?P<value>[^\n]{1,120})"
)


def field_place(doc: Doc) -> str | None:
    """The settlement of a «Место проведения:» field past the header lines: «…, г. Тулун», «— г. Самара»."""
    for field in _PLACE_FIELD_ANYWHERE.finditer(doc_text(doc)):
        value = field.group("value").strip()
        place = _opening_place(value) or _settlement_in(value)
        if place is not None:
            return place
    return None


def signature_place(doc: Doc) -> str | None:
    """The place a protocol or a decision gives by its signatures at the end: «г. Тулун, 14 марта 2024 г.»,
    «14.03.2024   г. Ош» on a line of their own, among the last lines (an address has a street after the city)."""
    text = doc_text(doc)
    tail = text[max(0, len(text) - 2000) :].splitlines()
    lines = [line.strip(" \t#*") for line in tail if line.strip(" \t#*")][-_SIGNATURE_LINES:]
    for line in reversed(lines):
        found = _SIGNATURE_PLACE.fullmatch(line)
        if found is not None:
            return _header_place(found.group("place"))
    return None


def _marked_place(word: str) -> str | None:
    """A name a settlement word marks («г. Тулун»): its nominative, or as written when morphology does not know
    the word at all (a field writes the name in the nominative: «г. Вахдат»), or knows it as a common word in the
    nominative (a village's name often is one: «д. Ключи», «с. Ленинское»). Two words are one name where an
    adjective agrees with the noun after it («Сосновый Бор», «Великие Луки»), else the first is the name
    («г. Ош Кыргызской Республики»)."""
    if " " in word or "\t" in word:
        first, second = word.split()
        return f"{first} {second}" if _adjective_with_noun(first, second) else _marked_place(first)
    if (place := _dateline_place(word)) is not None:
        return place
    parses = loading.parse(word.lower())
    nominative = any(p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF") for p in parses)
    # «г. Страшены»: a name morphology knows only as a word of another part of speech (a participle) declines as no
    # noun would; after its settlement word it is the name as written.
    no_noun = not any(p.tag.POS in ("NOUN", "ADJF") for p in parses)
    return word if _unknown_word(word) or nominative or no_noun else None


def _header_place(word: str) -> str | None:
    """A name a settlement word marks in a header line, where places are written in the nominative: as
    `_marked_place` reads it, or as written where morphology knows the word only as a name («с. Оссора», which it
    takes for the genitive of a surname «Оссор»)."""
    place = _marked_place(word)
    if place is not None or " " in word or "\t" in word:
        return place
    parses = loading.parse(word.lower())
    return word if parses and all(_NAME_TAGS & set(p.tag.grammemes) for p in parses) else None


_NAME_TAGS = frozenset({"Surn", "Name", "Patr", "Geox"})


def _adjective_with_noun(adjective: str, noun: str) -> bool:
    """«Сосновый Бор», «Набережные Челны»: an adjective in the nominative agreeing with a noun (or a word morphology
    does not know) in the nominative."""
    adjectives = [p for p in loading.parse(adjective.lower()) if p.tag.POS == "ADJF" and p.tag.case == "nomn"]
    noun_parses = loading.parse(noun.lower())
    if not adjectives or any(p.tag.POS == "ADJF" for p in noun_parses):
        return False
    if _unknown_word(noun):
        return True
    nouns = [p for p in noun_parses if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    return any(
        a.tag.number == n.tag.number and (n.tag.number == "plur" or a.tag.gender == n.tag.gender)
        for a in adjectives
        for n in nouns
    )


def _unknown_word(word: str) -> bool:
    return not any(p.is_known for p in loading.parse(word.lower()))


def _unshouted_name(name: str | None) -> str | None:
    """«КЫЗЫЛОРДА» → Кызылорда: a name in capitals morphology does not know, in the case names are written."""
    if name is None or not name.isupper():
        return name
    return "-".join(part.capitalize() for part in name.split("-"))


def _dateline_place(word: str | None) -> str | None:
    if not word:
        return None
    if (city := city_of(word)) is not None:
        return city
    parses = loading.parse(word.lower())
    place = next((p for p in parses if "Geox" in p.tag and p.is_known), None)
    if place is None or text_key(place.normal_form) in gazetteer().forced:
        return None
    name = place.inflect({"nomn"}) or place
    return "-".join(part.capitalize() for part in name.word.split("-"))


def _shift(ref: DateFact, days: int) -> DateFact:
    day = datetime.date(ref.year or _NO_YEAR, ref.month, ref.day) + datetime.timedelta(days=days)
    return DateFact(day.year if ref.year else None, day.month, day.day)


@cache
def _relative_days() -> dict[str, int]:
    pairs = (entry.split("|") for entry in lexicons.load("meeting_relative_days"))
    return {word.strip(): int(days) for word, days in pairs}


@cache
def _weekdays() -> dict[str, int]:
    return {name.lower(): i for i, name in enumerate(lexicons.lines("meeting_weekdays"))}


def relative_date(sent: Span, ref: DateFact | None) -> tuple[bool, DateFact | None]:
    """Whether the sentence dates the meeting relative to the report, and the day that gives."""
    future = any("Fut" in t.morph.get("Tense") for t in meeting_verbs(sent))
    for token in sent:
        lemma = fold(token.lemma_)
        before_word = token.nbor(-1).lower_ if token.i > sent.start else ""
        # «на днях», «накануне праздника»: a day near the report's that the text does not name.
        if (token.lower_ == "днях" and before_word == "на") or (token.lower_ == "накануне" and token.pos_ == "ADP"):
            return True, None
        if lemma in _relative_days() or token.lower_ in _relative_days():
            shift = _relative_days().get(lemma, _relative_days().get(token.lower_, 0))
            return True, _shift(ref, shift) if ref else None
        before = token.nbor(-1) if token.i > sent.start else None
        # «в минувшую пятницу», «в прошлый вторник»: the last such day before the report's, never the report's own.
        past = before is not None and fold(before.lemma_) in _PAST_MODIFIERS and before.i > sent.start
        if past and before is not None:
            before = before.nbor(-1)
        if lemma in _weekdays() and before is not None and before.lower_ in _IN:
            if ref is None or ref.year is None:
                return True, None
            today = datetime.date(ref.year, ref.month, ref.day)
            weekday = _weekdays()[lemma]
            gap = (weekday - today.weekday()) % 7 if future and not past else -((today.weekday() - weekday) % 7)
            return True, _shift(ref, gap or (-7 if past else 0))
    return False, None


_PAST_MODIFIERS = frozenset({"минувший", "прошлый", "прошедший"})
_FUTURE_DAYS = 60  # a day without a year this far after the dateline was last year's


def _with_year(fact: DateFact, ref: DateFact | None) -> DateFact:
    """«13 октября» under a crawler's «14.10.2022»: the day takes the dateline's year."""
    if fact.year or ref is None or ref.year is None:
        return fact
    try:
        day = datetime.date(ref.year, fact.month, fact.day)
    except ValueError:
        return fact
    late = (day - datetime.date(ref.year, ref.month, ref.day)).days > _FUTURE_DAYS
    return DateFact(ref.year - 1 if late else ref.year, fact.month, fact.day)


def _paragraph_start(sent: Span, anchor: Token | None) -> int:
    """Where the anchor's paragraph starts: a sentence the parser ran over a blank line («16 ноября 2023 |
    Просмотров: 187\n\nВо вторник … прошло заседание») keeps the header line's date out of its own."""
    if anchor is None:
        return sent.start_char
    cut = sent.text.rfind("\n\n", 0, anchor.idx - sent.start_char)
    return sent.start_char if cut < 0 else sent.start_char + cut + 2


# A year in a header's line: only such lines are parsed for the year a day without one takes.
_YEAR_LIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _header_date(doc: Doc) -> DateFact | None:
    """The first date with a month and a year among the header's lines («Информационный бюллетень № 2, февраль
    2025», «… 27 февраля 2025 г.» where no dateline reads it): it lends its year to a day the text gives without
    one. A year alone («итоги за 2024 год») lends none, nor does another date («Решение от 5 мая 2023 года № 12»)."""
    for offset, line in _first_lines(_opening(doc), _FIELD_LINES):
        if not _YEAR_LIKE.search(line):
            continue
        for span in dates(doc, offset, offset + len(line)):
            fact = span._.date
            if fact is not None and fact.year and fact.month and not is_other_date(span):
                return DateFact(fact.year, fact.month, fact.day or 1)
    return None


def _dated(fact: DateFact, ref: DateFact | None, doc: Doc) -> DateFact:
    """A day without a year takes the dateline's year, else the header's (looked for only then)."""
    if fact.year:
        return fact
    if ref is not None and ref.year:
        return _with_year(fact, ref)
    return _with_year(fact, _header_date(doc))


def find_date(doc: Doc, sent: Span | None, dateline: Dateline | None, anchor: Token | None = None) -> str | None:
    ref = dateline.date if dateline else None
    if anchor is not None and dateline is not None and ref is not None and anchor.idx < dateline.end:
        # «Полпред провел совещание …\n\nБАТКЕН, 15 апреля — Кабар. В понедельник полпред провел расширенное
        # совещание …»: the meeting's sentence is the headline, which the parser ran into the dateline; the lead after
        # the dateline tells the meeting again, and its relative day dates it from the dateline's.
        lead = _lead_after_dateline(doc, dateline)
        relative, day = relative_date(lead, _dated(ref, ref, doc)) if lead is not None else (False, None)
        if relative and day is not None:
            return day.iso()
    if sent is not None:
        # A dateline ends before the sentence it heads; a line «8 сентября прошли выборы» read as one below the
        # meeting's sentence cuts nothing from it.
        cut = dateline.end if dateline and dateline.end < sent.end_char else 0
        own_start = max(_paragraph_start(sent, anchor), cut)
        own = [s for s in _dates_in(doc, own_start, sent.end_char) if not is_other_date(s)]
        if not own and cut > sent.start_char and anchor is not None and anchor.idx < cut:
            # «Первая сессия маджлиса состоится 15 марта\n\nДушанбе 5 марта. …»: a headline without a full stop runs
            # into the dateline below it; the headline's own day, before the dateline's line, dates its meeting.
            line_start = doc_text(doc).rfind("\n", 0, cut) + 1
            own = [s for s in _dates_in(doc, _paragraph_start(sent, anchor), line_start) if not is_other_date(s)]
        if own and anchor is not None and own[0].start > anchor.i and own_start < anchor.idx:
            # «Накануне состоялось заседание Совета, где согласовали проведение 12 декабря сессии»: a relative day
            # before the event dates it; the day after it is another event's.
            lead = doc.char_span(own_start, anchor.idx, alignment_mode="expand")
            dated_ref = _dated(ref, ref, doc) if ref is not None else None
            relative, day = relative_date(lead, dated_ref) if lead is not None else (False, None)
            if relative:
                return day.iso() if day else None
        if own:
            fact = _fact(own[0])
            return _dated(fact, ref, doc).iso() if fact else None
        inside = sent.start_char < own_start < sent.end_char
        paragraph = doc.char_span(own_start, sent.end_char, alignment_mode="expand") if inside else None
        dated_ref = _dated(ref, ref, doc) if ref is not None else None
        relative, day = relative_date(paragraph or sent, dated_ref)
        if relative:
            return day.iso() if day else None
        lead = lead_meeting_sentence(doc)
        if lead is not None and lead.start < sent.start and ref is not None:
            # «В среду … хоким провёл открытый диалог …. Открывая встречу, хоким …»: the lead dates what the
            # meeting's sentence names later, from the report's own date.
            after_dateline = max(lead.start_char, dateline.end if dateline else 0)
            lead_dates = [s for s in _dates_in(doc, after_dateline, lead.end_char) if not is_other_date(s)]
            relative, day = relative_date(lead, dated_ref)
            if lead_dates and (fact := _fact(lead_dates[0])) is not None:
                return _dated(fact, ref, doc).iso()
            if relative and day is not None:
                return day.iso()
    if ref is not None and not dateline.stamp:
        return _dated(ref, ref, doc).iso()
    after = dateline.end if dateline else 0
    for span in dates(doc, after, day_and_month=True):
        fact = _fact(span)
        if fact and not is_other_date(span) and not _planned(span):
            return _dated(fact, ref, doc).iso()
    return _dated(ref, ref, doc).iso() if ref is not None else None


# Place -----------------------------------------------------------------------------------------


def _city_mentions(doc: Doc, locations: tuple[LocationFinding, ...]) -> list[tuple[Span, str]]:
    """Location mentions that can be a meeting's city: not countries, not regions."""
    region_nouns = lexicons.load("loc_region_nouns")
    found = []
    for location in locations:
        key = text_key(location.name)
        if key in gazetteer().forced or gazetteer().canonical(key) or any(w in region_nouns for w in key):
            continue
        for mention in location.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                found.append((span, location.name))
    return sorted(found, key=lambda pair: pair[0].start)


# Abbreviated settlement kinds that carry a body or a meeting's place through their full stop («Думы г. Тамбова», «в
# с. Ключи»). Narrower than the persons stage's list (which only guards the names after any kind): «п.», «д.», «ст.»
# also abbreviate a clause, a house and an article in the references and addresses near a body («п. 3», «д. 5»,
# «ст. 12»).
_SETTLEMENT_ABBREVIATIONS = frozenset({"г", "гор", "с", "пос", "пгт", "аг"})


def _settlement_mentions(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """Names a settlement word marks («в г. Тамбове», «в городе Тулуне», «в селе Кара-Суу») that the
    locations stage did not read as places: the word says what they are. An abbreviation needs its full stop
    («с Ивановым» is a preposition); the name is one morphology knows as a place (`taken`: tokens of the
    locations' mentions)."""
    lemmas, texts = token_strings(doc, LEMMA), token_strings(doc, ORTH)
    nouns = lexicons.load("loc_settlement_nouns")
    found = []
    folded_lemmas, folded_texts = folded_strings(doc, LEMMA), folded_strings(doc, ORTH)
    for i in range(len(lemmas) - 1):
        if folded_lemmas[i] not in nouns:
            continue
        name = i + 1
        if name + 2 < len(doc) and folded_texts[name] == "городского" and folded_texts[name + 1] == _KIND_OF_TYPE:
            name += 2  # «в посёлке городского типа Шахан»
        if folded_texts[i] in _SETTLEMENT_ABBREVIATIONS:
            if texts[name] != ".":
                continue
            name += 1
        if name >= len(doc) or name in taken or not texts[name][:1].isupper():
            continue
        if len(texts[name]) < 2 or (texts[i][:1].isupper() and name + 1 < len(doc) and texts[name + 1] == "."):
            continue  # «С.М.Халтурин»: initials, not «с. М…»
        place = _dateline_place(texts[name])
        if place is not None:
            found.append((doc[name : name + 1], place))
    return found


# Endings of a foreign town's spelling Russian does not decline («в Кишинэу», «в Сухуми», «в Осло»): a vowel other than
# the «е» a declined noun's prepositional ends in, so an unknown word in «в …е» (a body's or a firm's name) is left out.
_INDECLINABLE_ENDINGS = ("эу", "у", "и", "о", "ю")
_INDECLINABLE_MIN = 4  # letters: shorter capitalised words after «в» are abbreviations and initials


def _indeclinable_mentions(doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
    """«В Кишинэу прошло заседание»: a one-word name after «в» that morphology does not know and that ends as an
    indeclinable foreign town does, where the locations stage did not read it. `place_tier` then asks whether the
    phrase places the meeting; a capitalised word after it («в Жогорку Кенеше») makes it part of a longer name."""
    texts = token_strings(doc, ORTH)
    found = []
    for i in range(1, len(texts)):
        word = texts[i]
        if i in taken or fold(texts[i - 1]) not in _IN or not word[:1].isupper() or word.isupper():
            continue
        if len(word) < _INDECLINABLE_MIN or not word.isalpha() or not word.lower().endswith(_INDECLINABLE_ENDINGS):
            continue
        if i + 1 < len(texts) and texts[i + 1][:1].isupper():
            continue
        if _unknown_word(word):
            found.append((doc[i : i + 1], word))
    return found


def _repeated_mentions(doc: Doc, mentions: list[tuple[Span, str]], taken: set[int]) -> list[tuple[Span, str]]:
    """The same one-word form of a city the locations stage found elsewhere in the text («пропуска оформляются в
    Кыре»), where it missed it («Во вторник в Кыре состоялось заседание»): the same word is the same place."""
    forms = {span.text: name for span, name in mentions if len(span) == 1}
    if not forms:
        return []
    texts = token_strings(doc, ORTH)
    return [(doc[i : i + 1], forms[text]) for i, text in enumerate(texts) if text in forms and i not in taken]


def _venue_mentions(doc: Doc, cities: dict[str, str]) -> list[tuple[Span, str]]:
    """Venues named by their city's adjective («в Московском драматическом театре», «в Казанском университете»):
    the adjective's city places the venue where the text names that city too (`cities`: folded name → name).
    The span runs from the adjective to the venue noun, which carries the «в»."""
    found = []
    if not cities:
        return found
    words = frozenset(cities)
    # By the arrays first: a capitalised adjective is rare, and a Token for every word cost more than the test.
    texts = token_strings(doc, ORTH)
    for at, pos in enumerate(doc.to_array(POS).tolist()):
        if pos != ADJ or not texts[at][:1].isupper():
            continue
        token = doc[at]
        if token.i >= token.head.i:
            continue
        venue = token.head
        if venue.pos_ != "NOUN" or not any(c.dep_ == "case" and c.lower_ in _IN for c in venue.children):
            continue
        home = _place_adjectives().get(fold(token.lemma_)) or _home_from_adjective(token.lemma_, words)
        if home is not None and fold(home) in cities:
            found.append((doc[token.i : venue.i + 1], cities[fold(home)]))
    return found


def _reading(span: Span, name: str) -> str:
    """The name of a one-word mention in the nominative morphology reads first, where the name given is another
    of its readings: «в Оше» is Ош (the locations stage may read Оша, a reading too)."""
    if len(span) != 1 or " " in name or "-" in name:
        return name
    readings = [p.normal_form for p in loading.parse(span.text.lower()) if "Geox" in p.tag and p.is_known]
    if readings and fold(name) in {fold(r) for r in readings} and fold(readings[0]) != fold(name):
        return _dateline_place(readings[0]) or name
    return name


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


# A body's level adjective after its home's adjective: «Мядельского районного Совета», «Костанайского
# городского маслихата»; a local body meets at home when the text names no other place.
_LOCAL_LEVELS = frozenset({"городской", "районный", "айылный", "айыльный", "сельский", "поселковый", "аульный"})
_LOCAL_BODIES = frozenset({"райисполком", "горисполком", "горсовет", "райсовет", "горкенеш", "гормаслихат"})
_ADJECTIVE_ENDINGS = ("ьский", "ский", "ской", "цкий")


def _home_from_adjective(word: str, words: frozenset[str]) -> str | None:
    """«Кобринский» → Кобрин, «Каракольский» → Каракол, «Мядельский» → Мядель: the stems the adjective can
    come from, the first that morphology knows as a place or the text writes as a word of its own."""
    lemma = fold(word)
    ending = next((e for e in _ADJECTIVE_ENDINGS if lemma.endswith(e)), None)
    if ending is None:
        return None
    stem = lemma[: -len(ending)]
    # «Вольский» → Вольск, «Томский» → Томск (not the river Томь): a city in -ск merges its ending into the
    # adjective's, and such cities are the commonest source of these adjectives.
    merged = [stem + ending[:-2]] if ending in ("ьский", "ский", "цкий") else []
    candidates = merged + ([stem + "ь", stem] if ending == "ьский" else [stem, stem + "ь"])
    # «Костромской» → Кострома, «Кызылординский» → Кызылорда, «Алматинский» → Алматы.
    candidates += [stem + "а", stem + "ы"]
    if stem.endswith("ин"):
        candidates += [stem[:-2] + "а", stem[:-2] + "ы"]
    for candidate in candidates:
        if len(candidate) < 2:
            continue
        place = next((p for p in loading.parse(candidate) if "Geox" in p.tag and p.is_known), None)
        if place is not None:
            # «Бендерский» → «бендер», the genitive of the plural-only Бендеры: the place's own nominative.
            candidate = place.normal_form if "Pltm" in place.tag else candidate
        if place is not None or candidate in words:
            return "-".join(part.capitalize() for part in candidate.split("-"))
    return None


def _genitive_place(token: Token) -> str:
    """«города Костромы» → Кострома, «города Шымкента» → Шымкент (a listed town morphology does not know); another
    name morphology does not know is left as written («города Вахдат»)."""
    if (city := city_of(token.text)) is not None:
        return city
    known = next((p for p in loading.parse(token.lower_) if "Geox" in p.tag and p.is_known), None)
    word = known.inflect({"nomn"}).word if known is not None and known.inflect({"nomn"}) else token.lower_
    return "-".join(part.capitalize() for part in word.split("-")) if known is not None else token.text


# Bodies named after their city in the genitive: «Думы Чебоксар», «Городской думы Краснодара».
# A republic's name in -ия («Государственный Совет Чувашии», «Хурал Бурятии») is a region, not a home city.
_MUNICIPALITIES = frozenset({"округ", "поселение"})
# A city's own bodies and posts, and its district («администрации Ленинского района Уфы») and Armenia's community
# council («Совета старейшин Еревана»), named by the city in the genitive.
_CITY_BODIES = frozenset(
    {"дума", "кенеш", "маслихат", "мэрия", "примэрия", "акимат", "хокимият", "администрация", "мэр", "аким", "хоким"}
    | {"горсовет", "горисполком", "горкенеш", "гормаслихат", "глава"}
    | {"район", "старейшина", "депутат"}  # «Совета депутатов Новосибирска»
)
_REGION_ENDINGS = ("ия", "ея")


# Members of one council, named in the plural by its city: «Совета депутатов Новосибирска», «Совета старейшин Гюмри».
_COUNCIL_MEMBERS = frozenset({"депутат", "старейшина"})


def _heads_of_several(token: Token) -> bool:
    """«акимы Кентау и Туркестана», «мэры Оша и Джалал-Абада»: heads or bodies in the plural name several towns, no
    one home."""
    return token.morph.get("Number") == ["Plur"] and fold(token.lemma_) not in _COUNCIL_MEMBERS


def _before_region_noun(token: Token) -> bool:
    """«в сельских поселениях Рузаевского района»: the capitalised word after the settlement noun is a district's
    adjective, its region noun right after it; no town is named."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    return after.is_lower and fold(after.lemma_) in lexicons.load("loc_region_nouns")


def _opens_a_persons_name(token: Token) -> bool:
    """«мэр города Тигран Авинян»: after the settlement word the tagger's person of two words or more begins; the
    post's place is left unnamed, the words are the mayor's name."""
    doc = token.doc
    if token.ent_type_ != "PER" or token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I":
        return False
    return is_first_name(token.text)  # «аким города Талдыкорган Иванов»: the town the tagger ran into the name


def _of_a_place(token: Token) -> bool:
    """A body, a post, a venue or a smaller settlement a settlement's name may follow: «Думы», «главы», «в здании
    администрации», «в Доме культуры», «в махалле «Шодлик»». By the dictionary's readings of the word too: the
    tagger's lemma of a word it does not know is a guess («Примэрия» → «примэрий», «махалле» → «махалл»)."""
    if not token.is_alpha:
        return False
    if is_position_head(token):
        return True
    words = {fold(token.lemma_)} | {fold(p.normal_form) for p in loading.parse(token.lower_) if p.tag.POS == "NOUN"}
    return bool(words & _place_owners())


@cache
def _place_owners() -> frozenset[str]:
    return (
        lexicons.load("meeting_venue_nouns")
        | lexicons.load("loc_settlement_nouns")
        | lexicons.load("org_heads")
        | _PUBLIC_BUILDINGS
        | _CITY_BODIES
        | _HEAD_TITLES
    )


_PUBLIC_BUILDINGS = frozenset({"дом", "клуб", "центр", "школа", "библиотека"})
_OWNER_REACH = 2  # words back from a settlement noun to its owner: «Дома культуры села …», «махалле «Шодлик» города»
_HEAD_TITLES = frozenset({"глава", "мэр", "аким", "хоким", "председатель", "депутат", "житель", "община"})


def home_city(
    doc: Doc, sent: Span, cities: dict[int, str] | None = None, people: frozenset[int] = frozenset()
) -> str | None:
    found = _home(doc, sent, cities, people)
    return found[0] if found is not None else None


_DISTRICT_LEVELS = frozenset({"районный", "райисполком", "райсовет"})


def _home(
    doc: Doc, sent: Span, cities: dict[int, str] | None = None, people: frozenset[int] = frozenset()
) -> tuple[str, bool] | None:
    """Where the body holding the meeting sits, from its name: «Думы города Костромы», «общины Гюмри»,
    «Кобринского районного исполнительного комитета», «Мядельского райисполкома», «Думы Чебоксар» (`cities`:
    the cities the text names, by where a mention starts; `people`: the tokens of persons' names, «имам села Касумов
    Рамазан»)."""
    texts, lowers = token_strings(doc, ORTH), token_strings(doc, LOWER)
    alpha = doc.to_array(IS_ALPHA).tolist()
    words = frozenset(lower for text, lower, a in zip(texts, lowers, alpha, strict=True) if a and text[:1].isupper())
    tokens = [t for t in sent if not t.is_space]
    text = doc_text(doc)
    for i, token in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if "\n" in text[token.idx + len(token.text) : after.idx]:
            continue  # «… ОТЧЁТ АКИМА ГОРОДА\n\nВчера в городе …»: a headline's end and the next line are no phrase
        city = cities.get(after.idx) if cities else None
        if (
            city is not None
            and fold(token.lemma_) in _CITY_BODIES
            and not _heads_of_several(token)
            # (the tagger may read a town it does not know as a nominative: «Акимат Шымкента», «Горсовет Бельц»; a
            # form other than the name's own is its case)
            and ("Case=Gen" in str(after.morph) or fold(after.text) != fold(city))
            and not fold(city).endswith(_REGION_ENDINGS)
        ):
            return city, False
        settlement = _is_in(token, "loc_settlement_nouns") or fold(token.lemma_) == "община"
        # A body or a post of the settlement («Думы города Костромы», «глава села Кара-Суу»), not whatever else is
        # of a town («сотрудники организаций … города Ташкента»).
        words_before = [t for t in reversed(tokens[max(0, i - 2 * _OWNER_REACH) : i]) if t.is_alpha]
        owned = any(_of_a_place(t) for t in words_before[:_OWNER_REACH])
        named = owned and ((settlement and "Case=Gen" in str(token.morph)) or _misread_settlement_genitive(token))
        # A municipality named by its city: «Думы городского округа Тольятти», «образования «Город Киров»».
        named = named or (
            fold(token.lemma_) in _MUNICIPALITIES and i > 0 and fold(tokens[i - 1].lemma_) in _LOCAL_LEVELS
        )
        named = named or (token.text == "Город" and i > 0 and tokens[i - 1].text in ("«", '"'))
        if (
            named
            and _is_name(after)
            and after.i not in people
            and not _opens_a_persons_name(after)
            and not _before_region_noun(after)
        ):
            return _whole_city(after, cities) or _adjective_city(after, cities) or _genitive_place(after), False
        # «Думы г. Тамбова», «акимата г. Павлодара»: the abbreviation has no case, the name after it has; after
        # a noun («в здании мэрии г. Ош») the abbreviation stands for the genitive and the name may be left as is.
        if fold(token.text) in _SETTLEMENT_ABBREVIATIONS and after.text == "." and i + 2 < len(tokens):
            name = tokens[i + 2]
            if token.text.isupper() and name.text.isupper() and len(name.text) == 1:
                continue  # «С.М.Халтурин»: initials, not «с. М…» (but «г.о. Тольятти» goes on below)
            if token.text.isupper() and name.ent_type_ == "PER":
                continue  # «начальники отделов – Г. Малофеева»: a capital initial before a person's name, not «г.»
            after_noun = (
                fold(token.text) in ("г", "гор")
                and tokens[i - 1].pos_ in ("NOUN", "PROPN")
                and tokens[i - 1].is_alpha
                and name.ent_type_ != "PER"  # «Вдобавок С.Антуфьев»: an initial, not «с.»
            )
            if _is_name(name) and ("Case=Gen" in str(name.morph) or (i > 0 and after_noun)):
                return _whole_city(name, cities) or _adjective_city(name, cities) or _genitive_place(name), False
            # «Думы г.о. Тольятти»: a city district («городской округ») named by its city, in the nominative.
            if fold(token.text) == "г" and name.lower_ == "о" and i + 4 < len(tokens) and tokens[i + 3].text == ".":
                name = tokens[i + 4]
                if _is_name(name):
                    return _genitive_place(name), False
        if (
            token.text[:1].isupper()
            and token.pos_ in ("ADJ", "PROPN")
            and (fold(after.lemma_) in _LOCAL_LEVELS or fold(after.lemma_) in _LOCAL_BODIES)
        ):
            home = _place_adjectives().get(fold(token.lemma_)) or _home_from_adjective(token.lemma_, words)
            if home is None and fold(after.lemma_) in _CITY_LEVELS:
                home = _city_from_adjective(token.lemma_)
            if home is not None:
                # A district's body («Жылыойского районного маслихата») names its town only where the two share
                # a name: a guess, where a city's body names its city.
                return home, fold(after.lemma_) in _DISTRICT_LEVELS
    return None


def _adjective_city(token: Token, cities: dict[int, str] | None) -> str | None:
    """«при акиме города Рудного»: a town named by an adjective (Рудный, Мирный, Заречный) that morphology does not
    know as a place is in its genitive as an adjective is; the locations stage gave its nominative."""
    city = cities.get(token.idx) if cities else None
    if city is None or " " in city or fold(city) == token.lower_:
        return None
    adjective = any(p.tag.POS == "ADJF" and p.tag.case == "gent" for p in loading.parse(token.lower_))
    return city if adjective and not any("Geox" in p.tag and p.is_known for p in loading.parse(token.lower_)) else None


def _whole_city(token: Token, cities: dict[int, str] | None) -> str | None:
    """«главы города Новый Уренгой», «мэрии г. Набережные Челны»: a city of more than one word that the locations stage
    found starting at the name's first word is named whole, not by that word."""
    city = cities.get(token.idx) if cities else None
    return city if city is not None and (" " in city or "-" in city) else None


def _misread_settlement_genitive(token: Token) -> bool:
    """«Примэрии муниципия Бельцы», «мэрии муниципия Кишинэу»: a settlement noun the tagger does not know, given
    another lemma, case or none; morphology reads it as the genitive of a settlement noun."""
    if not token.is_lower or not token.is_alpha or fold(token.text) in _SETTLEMENT_ABBREVIATIONS:
        return False  # «с Министерством»: a preposition, which morphology also reads as an abbreviation
    nouns = lexicons.load("loc_settlement_nouns")
    return any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and "Abbr" not in p.tag and fold(p.normal_form) in nouns
        for p in loading.parse(token.lower_)
    )


def _is_name(token: Token) -> bool:
    """A capitalized word, hyphenated ones too («Кок-Ой», «Жалал-Абад»). A headline's capitals tell nothing: a word in
    capitals is a name where the dictionary knows it as one or does not know it at all («АКИМ СЕЛЬСКОГО ОКРУГА
    ОТЧИТАЛСЯ»: a verb; «ДУМЫ ГОРОДА КОСТРОМЫ»: a place)."""
    if not (token.text.replace("-", "").isalpha() and token.text[:1].isupper()):
        return False
    if municipal_kind(token):
        return False  # «Глава МО Оржицкое сельское поселение»: the municipality's kind, not the Moscow region
    return not (len(token.text) > 1 and token.text.isupper() and _common_word(token.lower_))


_PROPER_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr"})


@cache
def _common_word(word: str) -> bool:
    """The dictionary knows the word, and only as a common word."""
    parses = loading.parse(word)
    return bool(parses) and all(p.is_known and not (_PROPER_GRAMMEMES & p.tag.grammemes) for p in parses)


# A city's own body: «Жалал-Абадского городского кенеша», «Шымкентского горсовета». The adjective before it is
# made from a city, so its stem is the city even where morphology does not know the name.
_CITY_LEVELS = frozenset({"городской", "горкенеш", "горсовет", "гормаслихат", "горисполком"})


def _city_from_adjective(word: str) -> str | None:
    """«Таразский» → Тараз, «Жалал-Абадский» → Жалал-Абад, «Актауский» → Актау: a city morphology does not know
    read off the adjective of its own body; a stem in -ин («Балыкчинский») is left alone (-а, -ы or -ин: the
    lexicon names such cities)."""
    lemma = fold(word)
    ending = next((e for e in _ADJECTIVE_ENDINGS if lemma.endswith(e)), None)
    if ending is None:
        return None
    # «Новополоцкий» → Новополоцк: a city in -цк merges its ending into the adjective's.
    stem = lemma[: -len(ending)] + {"ьский": "ь", "цкий": "цк"}.get(ending, "")
    if stem.endswith("гор"):
        stem += "ск"  # «Степногорский» → Степногорск: the cities in -горск
    if len(stem) < 2 or stem.endswith("ин") or not stem[-1].isalpha():
        return None
    return "-".join(part.capitalize() for part in stem.split("-"))


@cache
def _place_adjectives() -> dict[str, str]:
    pairs = (line.split("|", 1) for line in lexicons.lines("meeting_place_adjectives"))
    return {fold(adjective.strip()): seat.strip() for adjective, seat in pairs}


_HEADING_LINES = 3  # the lines the organizations stage reads in sentence case too: no parse of our own


def _unshouted(name: str) -> str:
    """«ПАВЛОДАР» (a headline's city in capitals) → Павлодар, where morphology knows it as a place; an
    abbreviation («СКФО») stays."""
    return (_dateline_place(name) or name) if name.isupper() else name


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


def _adjective_and_place(adjective: str, noun: str | None) -> str | None:
    """«в нижнем новгороде», «в новом уренгое», «в набережных челнах» (a headline's capitals read in sentence case): a
    town of two words, an adjective agreeing with a toponym, named whole in the nominative."""
    if not noun or not adjective.isalpha():
        return None
    place = next((p for p in loading.parse(noun.lower()) if "Geox" in p.tag and p.is_known), None)
    if place is None or place.tag.case is None:
        return None
    agreeing = next(
        (
            p
            for p in loading.parse(adjective.lower())
            if p.tag.POS == "ADJF" and p.tag.case == place.tag.case and p.tag.number == place.tag.number
        ),
        None,
    )
    named = place.inflect({"nomn"})
    if agreeing is None or named is None:
        return None
    form = {"nomn", "plur"} if named.tag.number == "plur" else {"nomn", named.tag.gender or "masc"}
    attribute = agreeing.inflect(form)
    if attribute is None:
        return None
    return f"{attribute.word.capitalize()} {'-'.join(part.capitalize() for part in named.word.split('-'))}"


_STEM = 4  # letters of a surname that its case forms share


def _person_tokens(doc: Doc, people: tuple[PersonFinding, ...]) -> set[int]:
    """Where the persons' surnames stand («Касумов Рамазан»); not their other words, which may be a town the tagger
    ran into a name («аким города Талдыкорган Иванов»)."""
    found: set[int] = set()
    for person in people:
        stem = fold(person.surname)[:_STEM]
        for mention in person.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                found.update(t.i for t in span if fold(t.text).startswith(stem))
    return found


def find_place(
    doc: Doc,
    locations: tuple[LocationFinding, ...],
    events: set[int],
    meeting: Span | None,
    dateline: Dateline | None,
    people: tuple[PersonFinding, ...] = (),
) -> str | None:
    headline = Headline.of(doc)
    best: tuple[int, str] | None = None
    mentions = _city_mentions(doc, locations)
    taken = {i for span, _ in mentions for i in range(span.start, span.end)}
    cities = {fold(name): name for _, name in mentions}
    mentions += _repeated_mentions(doc, mentions, taken)
    # «имам села Касумов Рамазан»: a name the persons stage read as a person's is no settlement after the word.
    people_at = frozenset(_person_tokens(doc, people))
    dateline_key = fold(dateline.place) if dateline is not None and dateline.place else None
    foreign = _indeclinable_mentions(doc, taken | people_at)
    for span, name in mentions + _settlement_mentions(doc, taken | people_at) + _venue_mentions(doc, cities) + foreign:
        tier = place_tier(span, events, meeting, headline)
        if tier is None or (best is not None and tier > best[0]):
            continue
        # Of two places as sure, the one the dateline names too: «В Узгене прошёл круглый стол, организованный … при
        # поддержке офиса ОБСЕ в Бишкеке» under «УЗГЕН, 17 апреля».
        if best is None or tier < best[0] or (fold(best[1]) != dateline_key and fold(name) == dateline_key):
            best = (tier, _reading(span, name))
    if dateline is not None and dateline.place and (best is None or best[0] > 1):
        return dateline.place
    if best is not None and best[0] <= 2:
        return _unshouted(best[1])
    signed = field_place(doc) or signature_place(doc)
    if signed is not None:
        return signed
    cities = {span.start_char: name for span, name in _city_mentions(doc, locations)}
    home, by_district = None, False
    if meeting is not None:
        # «Состоялась сессия городского кенеша. Депутаты Ошского городского кенеша …», «Прошло совещание. Его
        # провёл аким города Талдыкорган»: the body or its head is often named in full a sentence or two later.
        # Only where the meeting sentence reports a meeting taking place: a news story's passing «заседание»
        # says nothing of the cities its later sentences name.
        reach = _HOME_SENTENCES if meeting_verbs(meeting) else 1
        for sent in _sentences_from(doc, meeting, reach) + _referred_back(doc, meeting, events):
            found = _home(doc, sent, cities, people_at)
            if found is not None:
                home, by_district = found
                break
    elif _PROTOCOL_TITLE.search(_opening(doc)):
        # «Ошский городской кенеш \n\n ПРОТОКОЛ № 3»: a protocol with no meeting sentence is its letterhead body's,
        # which meets at home; a town's own body names its town (a district's adjective may name a district alone).
        for sent in islice(doc.sents, _LEAD_SENTENCES):
            found = _home(doc, sent, cities, people_at)
            if found is not None and not found[1]:
                home = found[0]
                break
    # «В Кульсарах подвели итоги … \n\n в акимате Жылыойского района прошло совещание»: a town the headline states
    # outright is surer than one guessed from a district body's adjective (the district's town may be named otherwise).
    if by_district and best is not None:
        return _unshouted(best[1])
    if home or best:
        return _unshouted_name(_unshouted(home)) if home else _unshouted(best[1])  # «СЕЛА ТАМЧЫ» → Тамчы
    return heading_place(doc) or letterhead_town(doc, locations) or venue_district_town(doc, locations)


# «СХОД ГРАЖДАН МАХАЛЛИ «ЯНГИ ХАЁТ» ГОРОДА МАРГИЛАНА», «АКИМАТ ГОРОДА РИДДЕРА»: a letterhead in capitals names its body
# by the town or village it sits in, after the settlement's word in the genitive.
_LETTERHEAD_TOWN = re.compile(
    r"(?<![А-ЯЁ])(?:ГОРОДА|СЕЛА|ПОСЕЛКА|ПОСЁЛКА|АУЛА|КИШЛАКА)[ \t]+(?P<name>[А-ЯЁ][А-ЯЁ-]{2,})"
)


def letterhead_town(doc: Doc, locations: tuple[LocationFinding, ...]) -> str | None:
    """The town a letterhead's body sits in, where nothing in the text places the meeting (a protocol's «Место
    проведения: здание махаллинского гузара, ул. …» names a building alone): the body meets at home. Only a town the
    text names as a location too, in the letterhead's form."""
    lines = [line for _, line in _first_lines(_opening(doc), _FIELD_LINES) if _LETTERHEAD_TOWN.search(line)]
    if not lines:
        return None
    text = doc_text(doc)
    written = {fold(text[m.start : m.end]): loc.name for loc in locations for m in loc.mentions}
    for line in lines:
        for found in _LETTERHEAD_TOWN.finditer(line):
            name = written.get(fold(found.group("name")))
            if name is not None:
                return name
    return None


def venue_district_town(doc: Doc, locations: tuple[LocationFinding, ...]) -> str | None:
    """«В среду в здании хокимията Асакинского района хоким провёл …»: where nothing else places the meeting, the
    building of a district's body a lead sentence holds it in stands in the district's town, the one its adjective
    is made from (Асакинский → Асака), where the text names that town too. (A district's body alone gives no
    place: the building says where the meeting was.)"""
    towns = {fold(loc.name): loc.name for loc in locations}
    if not towns:
        return None
    for sent in islice(doc.sents, _LEAD_SENTENCES + 1):
        for token in sent:
            if not _is_in(token, "loc_region_nouns") or "Case=Gen" not in str(token.morph):
                continue
            adjective = next((c for c in token.children if c.dep_ == "amod" and c.text[:1].isupper()), None)
            if adjective is None or not _in_building(token):
                continue
            home = _place_adjectives().get(fold(adjective.lemma_)) or _home_from_adjective(
                adjective.lemma_, frozenset(towns)
            )
            if home is not None and fold(home) in towns:
                return towns[fold(home)]
    return None


def _in_building(token: Token) -> bool:
    """Up a genitive chain («района» ← «хокимията» ← «здании») to a room or building the «в» stands on."""
    for _ in range(_VENUE_STEPS):
        if token.dep_ != "nmod":
            return False
        token = token.head
        if _is_in(token, "meeting_venue_nouns"):
            return any(c.dep_ == "case" and c.lower_ in _IN for c in token.children)
    return False


_PROTOCOL_TITLE = re.compile(r"(?m)^[ \t]*(?:ПРОТОКОЛ|Протокол)(?![А-ЯЁа-яё])")
_HOME_SENTENCES = 3  # the meeting sentence and the two after it
# «На этой же сессии», «на том же заседании»: a demonstrative before the event noun points back at the sentence before.
_BACK_POINTERS = frozenset({"этой", "этом", "этого", "том", "той", "того", "данной", "данном", "данного"})


def _referred_back(doc: Doc, sent: Span, events: set[int]) -> list[Span]:
    """The sentence before a meeting sentence that names its meeting as «этой (же) сессии»: «Председателем Ошского
    городского кенеша избран … На этой же сессии избран вице-спикер» — the body, so its city, is named there."""
    event = next((i for i in sorted(events) if sent.start <= i < sent.end), None)
    if event is None or sent.start == 0:
        return []
    before = [t for t in doc[max(sent.start, event - 3) : event] if not t.is_space and t.lower_ != "же"]
    if not any(t.lower_ in _BACK_POINTERS for t in before):
        return []
    return [sentence_of(doc, sent.start - 1)]


def _sentences_from(doc: Doc, sent: Span, count: int) -> list[Span]:
    """The sentence and the ones after it, `count` in all."""
    found = [sent]
    while len(found) < count and found[-1].end < len(doc):
        found.append(sentence_of(doc, found[-1].end))
    return found


_LEAD_SENTENCES = 4  # a report's lead: the headline, perhaps a subtitle, then the sentence that tells the news


def _lead_after_dateline(doc: Doc, dateline: Dateline) -> Span | None:
    """The sentence that opens the report's body after its dateline, where it tells of a meeting taking place."""
    for sent in islice(doc.sents, _LEAD_SENTENCES + 1):
        if sent.start_char >= dateline.end:
            return sent if meeting_verbs(sent) else None
    return None


def lead_meeting_sentence(doc: Doc) -> Span | None:
    """A lead sentence with a verb of taking place, where the text names its meeting by no event noun of the lexicon
    («В субботу в Ейске прошёл отчётно-выборный сбор»): it dates the meeting all the same."""
    for sent in islice(doc.sents, _LEAD_SENTENCES):
        if meeting_verbs(sent):
            return sent
    return None


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


def with_place(doc: Doc, locations: tuple[LocationFinding, ...], place: str | None) -> tuple[LocationFinding, ...]:
    """The meeting's place is a location of the text: a dateline's «Хива, 7 марта» or a protocol's «г. Лида»,
    which NER leaves untagged, joins the list at its first mention written as named, in any letter case."""
    if not place:
        return locations
    key = text_key(place)
    canonical = gazetteer().canonical(key)
    if any(
        text_key(loc.name) == key or (canonical and gazetteer().canonical(text_key(loc.name)) == canonical)
        for loc in locations
    ):
        return locations
    # Written as named, not as a first name before a surname («Джон Беркау»): a place read off an adjective
    # («Останкинском» → Останкино) or a word the text never writes alone is left to the locations stage.
    found = re.search(rf"(?<!\w){re.escape(place)}(?!\w)(?![ \t]+[А-ЯЁA-Z][а-яёa-z])", doc_text(doc), re.IGNORECASE)
    if found is None:
        return locations
    mention = TextSpan(found.start(), found.end())
    # «в Мяделе», read «Мядел» (morphology does not know the town), is a case of the place «Мядель»: one location.
    forms = soft_stem_cases(place)
    if any(loc.name in forms for loc in locations):
        return tuple(
            LocationFinding(name=place, mentions=tuple(sorted((*loc.mentions, mention)))) if loc.name in forms else loc
            for loc in locations
        )
    return (*locations, LocationFinding(name=place, mentions=(mention,)))


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
