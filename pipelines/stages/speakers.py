"""Speakers and quotes: who addressed the meeting or is quoted, what they said, and their role.

A person spoke when a name (or the title it stands in apposition to) is the subject of a speech
verb («заявил глава исполкома Андрей Воробьев»), the owner of a speech noun («по словам X»,
«заслушан отчёт X»), or the antecedent of «он/она» in «— сказал он». The quote is the «…» segment
of that sentence. «Под председательством X» and «X открыл заседание» make X the chair.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from models import lexicons
from pipelines.findings import Findings, PersonFinding, TextSpan
from pipelines.person_names import fold

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
    if token.dep_ in _SUBJECT and _lemma(head) in verbs:
        return head
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
    """The quoted segment of a sentence: text between «» (or straight quotes), longer than a name."""
    text, base = sent.text, sent.start_char
    for open_q, close_q in _QUOTES.items():
        start = text.find(open_q)
        end = text.find(close_q, start + 1) if start >= 0 else -1
        if start >= 0 and end - start > 20:
            return TextSpan(base + start + 1, base + end)
    return None


def _name_root(doc: Doc, mention: TextSpan) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _pronoun_speakers(doc: Doc, persons: tuple[PersonFinding, ...]) -> dict[int, list[Token]]:
    """«— сказал он»: the pronoun's speech verb, credited to the last person named before it."""
    starts = sorted((m.start, index) for index, p in enumerate(persons) for m in p.mentions)
    credited: dict[int, list[Token]] = {}
    for token in doc:
        if fold(token.text) not in _PRONOUNS or token.dep_ not in _SUBJECT:
            continue
        if _lemma(token.head) not in lexicons.load("speech_verbs"):
            continue
        before = [index for start, index in starts if start < token.idx and token.idx - start < 600]
        if before:
            credited.setdefault(before[-1], []).append(token.head)
    return credited


def mark_speakers(doc: Doc, persons: tuple[PersonFinding, ...]) -> tuple[PersonFinding, ...]:
    by_pronoun = _pronoun_speakers(doc, persons)
    marked = []
    for index, person in enumerate(persons):
        heads: list[Token] = list(by_pronoun.get(index, []))
        chair = False
        for mention in person.mentions:
            root = _name_root(doc, mention)
            if root is None:
                continue
            top = _up_chain(root)
            chair = chair or _is_chair(top) or _is_chair(root)
            head = _speech_head(top)
            if head is not None:
                heads.append(head)
        quotes = tuple(q for q in dict.fromkeys(_quote_in(h.sent) for h in heads) if q is not None)
        spoke = bool(heads) or chair
        role = "chair" if chair else "speaker" if spoke else person.role
        marked.append(replace(person, spoke=spoke, role=role, quotes=quotes))
    return tuple(marked)


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, persons=mark_speakers(doc, findings.persons))
