"""Speakers and quotes: who addressed the meeting or is quoted, what they said, and their role.

A person spoke when a name (or the title it stands in apposition to) is the subject of a speech
verb («заявил глава исполкома Андрей Воробьев»), the owner of a speech noun («по словам X»,
«заслушан отчёт X»), or the antecedent of «он/она» in «— сказал он». The quote is the «…» segment
of that sentence. «Под председательством X» and «X открыл заседание» make X the chair.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from models import lexicons
from models.components.extensions import doc_text, sentence_of
from pipelines.doc_views import token_strings
from pipelines.findings import Findings, PersonFinding, TextSpan
from pipelines.person_names import fold
from pipelines.titles import title_head, title_of

_CHAIN = ("appos", "flat", "flat:name", "flat:foreign", "conj")
_SUBJECT = ("nsubj", "nsubj:pass")
_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}
_PRONOUNS = {"он": "Masc", "она": "Fem"}


def _lemma(token: Token) -> str:
    return fold(token.lemma_)


def _up_chain(token: Token) -> Token:
    """From a name to the word that governs it in the clause: through appositions to titles."""
    while token.dep_ in _CHAIN and token.head.i != token.i:
        token = token.head
    return token


def _speech_head(token: Token) -> Token | None:
    """The speech verb or noun that makes `token` (the top of a name's chain) a speaker, if any."""
    verbs, nouns = lexicons.load("speech_verbs"), lexicons.load("speech_nouns")
    head = token.head
    if token.dep_ in _SUBJECT:
        # «посетил … и назвал его «учебным центром»»: speech verbs joined to the subject's verb count.
        for verb in (head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")):
            if _lemma(verb) in verbs and not _negated(verb):
                return verb
    # «X и Y заявили»: the first conjunct carries the subject relation.
    if token.dep_ == "conj" and token.head.dep_ in _SUBJECT and _lemma(token.head.head) in verbs:
        return token.head.head
    # «по словам X», «доклад X», «отчёт главы администрации X».
    if token.dep_ in ("nmod", "nmod:poss") and _lemma(head) in nouns:
        return head
    return None


def _is_chair(token: Token) -> bool:
    cues = lexicons.load("chair_cues")
    head = token.head
    if _lemma(head) == "председательство":
        return True
    return (
        token.dep_ in _SUBJECT
        and _lemma(head) in cues
        and (
            _lemma(head) == "председательствовать"
            or any(_lemma(c) in ("заседание", "сессия", "совещание", "встреча") for c in head.children)
        )
    )


def _quote_in(sent: Span) -> TextSpan | None:
    """The quoted speech of a sentence: text between «» (or straight quotes) that reads as a statement,
    not a quoted name like «Ресурсный центр для пожилых»."""
    text, base, doc = sent.text, sent.start_char, sent.doc
    for open_q, close_q in _QUOTES.items():
        start = text.find(open_q)
        end = text.find(close_q, start + 1) if start >= 0 else -1
        if start < 0 or end - start <= 20:
            continue
        inner = doc.char_span(base + start + 1, base + end, alignment_mode="contract")
        if inner is None:
            continue
        words = [t for t in inner if t.is_alpha]
        if len(words) > 8 or any(t.pos_ in ("VERB", "AUX") for t in inner):
            return TextSpan(base + start + 1, base + end)
    return None


def _features(token: Token, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


def _agrees(verb: Token, name: Token, listed: bool = False) -> bool:
    """Past-tense verbs show gender and number: «отметила» goes with Омурбекова, not with Базарбаев;
    a plural verb goes with a name only when the name is one of a list of subjects."""
    if _features(verb, "Number") == "Plur":
        return listed
    verb_gender, name_gender = _features(verb, "Gender"), _features(name, "Gender")
    return not (verb_gender and name_gender and verb_gender != name_gender)


def _clause_verb(name: Span, subject: Token) -> Token | None:
    """A speech verb of the name's sentence with the name in the nominative as its likely subject.

    The parser often hangs a name off the last noun of a long title; the case of the name and the
    verb's agreement with it are more reliable than the arc («отметила … директор … А.С. Омурбекова»).
    """
    if _features(subject, "Case") != "Nom":
        return None
    verbs = lexicons.load("speech_verbs")
    sent = sentence_of(name.doc, name.start)
    window = name.doc[max(sent.start, name.start - 14) : min(sent.end, name.end + 6)]
    for token in window:
        if token.pos_ != "VERB" or _lemma(token) not in verbs or _features(token, "VerbForm") != "Fin":
            continue
        # «Иран объявил …, им стал вице-президент X»: the verb has a subject of its own.
        own_subject = any(c.dep_ in _SUBJECT and not (name.start <= c.i < name.end) for c in token.children)
        if _agrees(token, subject, _listed(name)) and not own_subject and not _negated(token):
            return token
    return None


def _listed(name: Span) -> bool:
    """The name is one of several coordinated people («X, Y и Z подвергли критике»)."""
    doc = name.doc
    return any(t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children) for t in name) or (
        name.end < len(doc) and doc[name.end].text == ","
    )


def _introduces_speech(name: Span) -> bool:
    """«Хозяин плантации Джино Дескальси: Мы просто шокированы» — a name and a colon open direct speech."""
    doc = name.doc
    return name.end + 1 < len(doc) and doc[name.end].text == ":" and not doc[name.end + 1].is_space


# «Нурболат Шаймерденов, аким города Экибастуза, – о ремонте сетей», «Мирзаев (AMANAT) – о благоустройстве»:
# a name, perhaps its title and party, a dash and the subject of the report. Only the name's own line.
_REPORTS_ON = re.compile(
    r"(?:[ \t]*\([^()\n]{1,60}\))?(?:,[^.\n;:–—]{1,160}?,?)?[ \t]*[–—-][ \t]+(?:о|об|обо)[ \t]", re.IGNORECASE
)
# «докладчик: руководитель отдела … Асель Байжанова», «С содокладом – председатель комиссии … Ержан Калиев».
_REPORTER_CUE = re.compile(
    r"(?:докладчик|содокладчик|с\s+(?:со)?докладом|с\s+информацией)\s*[:–—-]?[^.\n:;]{0,160}$", re.IGNORECASE
)


def _reports_on(name: Span) -> bool:
    # The 60 tokens after the name and the 30 before it (within its sentence), cut from the Doc's text:
    # joining them from their Tokens cost more than the patterns.
    doc = name.doc
    whole = doc_text(doc)
    end = name.end + 60
    text = whole[doc[name.end].idx : doc[end].idx if end < len(doc) else len(whole)] if name.end < len(doc) else ""
    start = max(sentence_of(doc, name.start).start, name.start - 30)
    before = whole[doc[start].idx : name.start_char] if start < name.start else ""
    return bool(_REPORTS_ON.match(text)) or bool(_REPORTER_CUE.search(before.split("\n")[-1]))


def _negated(verb: Token) -> bool:
    """«не комментируют»: a denied speech act is silence."""
    return any(fold(c.text) == "не" for c in verb.children)


def _surname_token(name: Span) -> Token:
    """The word of a name that carries its case: the last capitalised word that is not an initial."""
    words = [t for t in name if t.is_alpha and len(t.text) > 1]
    return words[-1] if words else name.root


def _pronoun_speakers(doc: Doc, persons: tuple[PersonFinding, ...]) -> dict[int, list[Token]]:
    """«— сказал он»: the pronoun's speech verb, credited to the last person before it named as a
    subject (in the nominative) whose gender the verb agrees with."""
    named = []
    for index, person in enumerate(persons):
        for mention in person.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and _features(_surname_token(span), "Case") == "Nom":
                named.append((mention.start, index, _surname_token(span)))
    named.sort(key=lambda item: item[0])
    credited: dict[int, list[Token]] = {}
    # `fold(text)` is a pronoun exactly when the lower-case form is: neither holds «ё» or «е».
    for i, lower in enumerate(token_strings(doc, LOWER)):
        if lower not in _PRONOUNS:
            continue
        token = doc[i]
        if token.dep_ not in _SUBJECT:
            continue
        verb = token.head
        if _lemma(verb) not in lexicons.load("speech_verbs"):
            continue
        before = [
            (index, surname)
            for start, index, surname in named
            if start < token.idx and token.idx - start < 600 and _agrees(verb, surname)
        ]
        if before:
            credited.setdefault(before[-1][0], []).append(verb)
    return credited


def mark_speakers(doc: Doc, persons: tuple[PersonFinding, ...]) -> tuple[PersonFinding, ...]:
    by_pronoun = _pronoun_speakers(doc, persons)
    marked = []
    for index, person in enumerate(persons):
        heads: list[Token] = list(by_pronoun.get(index, []))
        chair = False
        for mention in person.mentions:
            name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if name is None:
                continue
            title = title_of(name)
            anchors = [name.root, _up_chain(name.root)]
            if title is not None:
                anchors.append(title_head(title))
            chair = chair or any(_is_chair(a) for a in anchors)
            head = next((h for h in map(_speech_head, anchors) if h is not None), None)
            if head is None:
                head = _clause_verb(name, _surname_token(name))
            if head is None and (_introduces_speech(name) or _reports_on(name)):
                head = name.root
            if head is not None:
                heads.append(head)
        quotes = tuple(q for q in dict.fromkeys(_quote_in(sentence_of(h.doc, h.i)) for h in heads) if q is not None)
        spoke = bool(heads) or chair
        role = "chair" if chair else "speaker" if spoke else person.role
        marked.append(replace(person, spoke=spoke, role=role, quotes=quotes))
    return tuple(marked)


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, persons=mark_speakers(doc, findings.persons))
