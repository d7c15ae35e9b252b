"""Title, number and body: the yargy TITLE grammar (`models/grammars/meeting.py`) on the meeting sentence.

Only a window around the event nouns is parsed: yargy's chart grows faster than its text. The title's head (the event
noun and the adjectives before it) is put in the nominative by pymorphy alone (`agreeing_nominative`), in the case the
word before it governs («на сессии» is no plural); the slovnet parse of long official names is often broken, while
agreement inside the phrase is regular. The body after it is the organization found earlier whose mention covers it,
else its name inflected; a person, or a thing no body's noun names, gives none. The number is Arabic or Roman (Cyrillic
and Latin letters of one numeral too), a written ordinal read as its number.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from models import lexicons, loading
from models.grammars.meeting import Title, compound_ordinal_value, ordinal_values, roman_value, title_parser
from pipelines.findings import OrganizationFinding
from pipelines.normalize import guessed_plural_fixed, nominative, recover_shape
from pipelines.person_names import fold
from pipelines.stages.meeting.names import _SETTLEMENT_ABBREVIATIONS
from pipelines.stages.meeting.sentence import _after_a_room

_BEFORE_EVENT = 6  # tokens: "ХХ внеочередная выездная сессия"
_AFTER_EVENT = 18  # a body's name with its region and remit
# Event nouns further apart than this (tokens) are not one title: the stretch parsed is the first one's.
# yargy's chart grows faster than the text, and events spread over a sentence of thousands of words had
# it parse all of them. Every sentence of the gold sets is shorter, so none of them is cut.
_MAX_TITLE_SPREAD = 256


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
