"""Issues: the concrete questions the meeting dealt with, as nominative noun phrases with their mentions.

Phrases come from the grammar in `models/grammars/issues.py`. Cue-led phrases («обсудили X»,
«вопрос о X», «проект решения «О …»») are kept; a bare phrase of public action («отставка
правительства») is kept only when the headline or lead carries it or the text comes back to it.
Phrases that say the same thing (half their words in common) are one issue.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from models import lexicons
from models.grammars.issues import STRONG, Candidate, candidates, lemma
from pipelines.deadline import check_deadline
from pipelines.findings import Findings, IssueFinding, TextSpan
from pipelines.normalize import nominative

# Cue-led issues are all kept (an agenda may list ten); weaker ones only fill up to MAX_ISSUES.
MAX_ISSUES = 6
MAX_CUED = 12
MIN_SCORE = 2.0
MIN_ISSUES = 2
# Where a news item or a report states its subject: the headline and the first paragraph.
LEAD_CHARS = 400
LEAD_BONUS = 1.0
REPEAT_BONUS = 0.5
MAX_REPEAT_BONUS = 1.0
SAME_ISSUE = 0.5
_STOP = frozenset({"и", "в", "во", "на", "по", "при", "для", "с", "со", "о", "об", "от", "до", "за", "к", "из", "а"})


@dataclass
class _Issue:
    text: str
    words: list[str]
    score: float
    first: int
    mentions: set[TextSpan] = field(default_factory=set)


def _words(doc: Doc, candidate: Candidate) -> list[str]:
    return [lemma(t) for t in candidate.span(doc) if t.is_alpha and t.lower_ not in _STOP]


def _overlap(a: list[str], b: list[str]) -> float:
    """Token F1 of two lemma lists: how the scorer and a reader judge two phrases to be one issue."""
    rest = list(b)
    common = 0
    for word in a:
        if word in rest:
            rest.remove(word)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def _score(doc: Doc, candidate: Candidate, head_pairs: Counter[tuple[str, ...]]) -> float:
    score = candidate.weight
    if candidate.weight < STRONG:
        if doc[candidate.start].idx < LEAD_CHARS:
            score += LEAD_BONUS
        repeats = head_pairs[_head_pair(doc, candidate)] - 1
        score += min(MAX_REPEAT_BONUS, REPEAT_BONUS * repeats)
    return score


def _head_pair(doc: Doc, candidate: Candidate) -> tuple[str, ...]:
    """The head lemma and its first complement: «отставка правительства» however the rest varies."""
    head = doc[candidate.head]
    inner = [c for c in head.children if c.i > head.i and c.dep_ == "nmod"]
    return (lemma(head), lemma(inner[0])) if inner else (lemma(head),)


def _not_an_issue(doc: Doc, candidate: Candidate, words: list[str]) -> bool:
    """The «дня» of «повестка дня», a bare generic noun («предложение», «средства»), a shouted headline."""
    span = candidate.span(doc)
    first = span[0]
    if first.i > 0 and lemma(first) == "день" and lemma(doc[first.i - 1]) == "повестка":
        return True
    if len(words) == 1 and words[0] in lexicons.load("issue_bare_nouns"):
        return True
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def _trimmed(text: str) -> str:
    """«и организационные вопросы»: a list's conjunction is not part of its item."""
    head, _, rest = text.partition(" ")
    return rest if head.lower() in ("и", "а", "также") and rest else text


def run(doc: Doc, findings: Findings) -> Findings:
    names = [(m.start, m.end) for org in findings.organizations for m in org.mentions]
    found = [c for c in candidates(doc, names) if c.end > c.start]
    head_pairs = Counter(_head_pair(doc, c) for c in found)
    issues: list[_Issue] = []
    for candidate in sorted(found, key=lambda c: (-_score(doc, c, head_pairs), c.start)):
        check_deadline("issues")
        words = _words(doc, candidate)
        if not words or _not_an_issue(doc, candidate, words):
            continue
        span = candidate.span(doc)
        mention = TextSpan(span.start_char, span.end_char)
        same = next((i for i in issues if _overlap(words, i.words) >= SAME_ISSUE), None)
        if same is not None:
            same.mentions.add(mention)
            same.first = min(same.first, mention.start)
            continue
        score = _score(doc, candidate, head_pairs)
        issues.append(_Issue(_trimmed(nominative(span)), words, score, mention.start, {mention}))
    kept = [i for i in issues if i.score >= STRONG][:MAX_CUED]
    kept += [i for i in issues if MIN_SCORE <= i.score < STRONG][: max(0, MAX_ISSUES - len(kept))]
    # Every report is about something: when the cues found too little, the best-placed phrases of action stand in.
    if len(kept) < MIN_ISSUES:
        kept += [i for i in issues if i.score < MIN_SCORE][: MIN_ISSUES - len(kept)]
    kept.sort(key=lambda i: i.first)
    result = tuple(IssueFinding(i.text, tuple(sorted(i.mentions))) for i in kept)
    return replace(findings, issues=result)
