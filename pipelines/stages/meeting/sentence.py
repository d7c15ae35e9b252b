"""The meeting sentence: the sentence of the text that tells its meeting, which every other part reads from.

An event noun (`meeting_events.txt`: заседание, сессия, круглый стол …) that is no body's name («Законодательное
Собрание») nor a room's kind («в зале заседаний»), and a verb of taking place (`meeting_verbs.txt`: состоялось,
прошло …) that is no infinitive (a meeting planned or proposed) and no participle of another noun: the first sentence
with both, its verb not in the future (the next meeting's «состоится»), is the meeting's, else the first with an event
noun. A lead with such a verb and no event noun of the lexicon still dates its meeting (`lead_meeting_sentence`).
The title is parsed in this sentence, the date is its own first, and a place is surest attached to its event or verb;
the speakers stage asks the same questions, so `meeting_verbs` is remembered per Doc.
"""

from __future__ import annotations

from functools import cache
from itertools import islice

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from models import lexicons
from models.components.extensions import sentence_of
from pipelines.person_names import fold


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


_LEAD_SENTENCES = 4  # a report's lead: the headline, perhaps a subtitle, then the sentence that tells the news


def lead_meeting_sentence(doc: Doc) -> Span | None:
    """A lead sentence with a verb of taking place, where the text names its meeting by no event noun of the lexicon
    («В субботу в Ейске прошёл отчётно-выборный сбор»): it dates the meeting all the same."""
    for sent in islice(doc.sents, _LEAD_SENTENCES):
        if meeting_verbs(sent):
            return sent
    return None
