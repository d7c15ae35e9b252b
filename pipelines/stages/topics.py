"""Topics: what the meeting was about, as 1–4 ids of the taxonomy with scores (see `models/classifiers/topics.py`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from models import lexicons, loading
from models.classifiers.topics import BODY_MIN_SCORE, MIN_SCORE, classifier
from models.components.extensions import doc_text
from pipelines.findings import Findings, IssueFinding, TopicFinding

# Function words and numbers say nothing about the subject; proper names do (ООН, ЕАЭС, МЧС).
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_CONTENT_POS_IDS = frozenset(POS_IDS[pos] for pos in _CONTENT_POS)
_CONTENT_POS_ARRAY = numpy.array(sorted(_CONTENT_POS_IDS), dtype=numpy.uint64)


# Set phrases whose noun means something else than on its own: «муниципальное образование» is a municipality
# (governance), not schooling; «организационный вопрос» and «кадровый вопрос» of a session are the body's own
# organisation and appointments (governance); «меры (социальной) поддержки» is the legal term for benefits
# (social protection), where «поддержка» alone is anybody's support; «конфликт интересов» is the anti-corruption
# law's term (security), where «интерес» alone is anything.
# (modifier lemma, noun lemma) → the lemma the pair counts as.
_SET_PHRASES = {
    ("муниципальный", "образование"): "муниципалитет",
    ("мера", "поддержка"): "соцподдержка",
    ("социальный", "поддержка"): "соцподдержка",
    ("организационный", "вопрос"): "регламент",
    ("кадровый", "вопрос"): "назначение",
    ("конфликт", "интерес"): "коррупция",
}
# Set phrases that name a kind of institution by an adjective and a noun, the adjective part of the name and saying
# nothing of its own: a «детский сад» is a pre-school (education), not family policy — the gold gives family to 6 of
# the 50 opened reports that name one, education to 13 (session 20: leave-one-set-out mean up in all nine L2 ×
# threshold settings, +.0003 to +.0027). The pair (modifier lemma, noun lemma) counts as the institution's lemma; the
# modifier counts as `_NAME_PART`, a word no lexicon or lemma model reads (the text's length stays the same).
_INSTITUTION_PHRASE = ("детский", "сад")
_INSTITUTION = "детсад"
_NAME_PART = "-"


# Per string id (a hash of the string itself, the same in every vocabulary): whether the word has a letter, and
# the folded lemma (else lower-cased word) — worked out once per word rather than per occurrence. Bounded.
_LETTERED: dict[int, bool] = {}
_FOLDED: dict[tuple[int, int], str] = {}
_MEMO_LIMIT = 200_000


def _content_words(doc: Doc) -> tuple[list[int], list[str]]:
    """Character offsets and lemmas (else the lower-cased word) of every content word, ё folded; a set phrase's
    noun is replaced by what the phrase means (an institution's name, its adjective as well).

    Read from arrays of string ids: a Token object for every word cost more than the lookups.
    """
    strings = doc.vocab.strings
    offsets, lemmas = [], []
    lettered, folded = _LETTERED, _FOLDED
    if len(lettered) > _MEMO_LIMIT or len(folded) > _MEMO_LIMIT:
        lettered.clear()
        folded.clear()
    rows = doc.to_array([POS, LEMMA, LOWER, ORTH, IDX])
    # The content words' rows only, picked by numpy: about half of a text's tokens are not content words.
    for _, lemma, lower, orth, idx in rows[numpy.isin(rows[:, 0], _CONTENT_POS_ARRAY)].tolist():
        has_letter = lettered.get(orth)
        if has_letter is None:
            has_letter = lettered[orth] = any(ch.isalpha() for ch in strings[orth])
        if has_letter:
            offsets.append(idx)
            word = folded.get((lemma, lower))
            if word is None:
                word = folded[lemma, lower] = (strings[lemma] or strings[lower]).lower().replace("ё", "е")
            lemmas.append(word)
    for i in range(1, len(lemmas)):
        pair = (lemmas[i - 1], lemmas[i])
        meaning = _SET_PHRASES.get(pair)
        if meaning is not None:
            lemmas[i] = meaning
        elif pair == _INSTITUTION_PHRASE:
            lemmas[i - 1], lemmas[i] = _NAME_PART, _INSTITUTION
    return offsets, lemmas


# A navigation bar, breadcrumb trail or byline: short parts parted by «|» or « / », not a sentence.
_SEPARATOR = re.compile(r"\s[|/]\s|\s\|\s*$|^\s*\|")
_MIN_SEPARATORS = 2
# Chrome is a handful of words; a longer line is text, whatever it begins with.
_MAX_CHROME_WORDS = 16


def _chrome_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that are the web page's chrome, not its text: «Главная / Новости / Сессии»,
    «Поделиться: VK | OK | Telegram», «Версия для слабовидящих»."""
    starts = tuple(lexicons.load("topic_site_chrome"))
    ranges: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        folded = line.strip().lower().replace("ё", "е")
        if not folded or len(folded.split()) > _MAX_CHROME_WORDS:
            continue
        navigation = len(_SEPARATOR.findall(folded)) >= _MIN_SEPARATORS and not folded.endswith((".", "!", "?"))
        if navigation or folded.startswith(starts):
            ranges.append((start, position))
    return ranges


def _chrome_removed(doc: Doc, offsets: list[int], lemmas: list[str]) -> tuple[list[int], list[str]]:
    """The content words outside the page's chrome lines (see `_chrome_lines`)."""
    ranges = _chrome_lines(doc_text(doc))
    if not ranges:
        return offsets, lemmas
    starts = [start for start, _ in ranges]
    kept = []
    for offset, lemma in zip(offsets, lemmas, strict=True):
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset >= ranges[i][1]:
            kept.append((offset, lemma))
    return [offset for offset, _ in kept], [lemma for _, lemma in kept]


def _honours_removed(doc: Doc, offsets: list[int], lemmas: list[str]) -> tuple[list[int], list[str]]:
    """The content words without the sentences that confer honours («Почётные грамоты вручены учителю школы и
    медсестре больницы»): who was honoured, and for what trade, is not what the meeting was about."""
    cues = lexicons.load("topic_honours")
    if not any(lemma in cues for lemma in lemmas):
        return offsets, lemmas
    starts = [sentence.start_char for sentence in doc.sents]
    sentence_of = [bisect_right(starts, offset) - 1 for offset in offsets]
    honours = {sentence for sentence, lemma in zip(sentence_of, lemmas, strict=True) if lemma in cues}
    kept = [
        (offset, lemma)
        for offset, lemma, sentence in zip(offsets, lemmas, sentence_of, strict=True)
        if sentence not in honours
    ]
    return [offset for offset, _ in kept], [lemma for _, lemma in kept]


# The words of a body's name: «Правительства», «Совета депутатов», «Думы», «Коалиции НКО».
_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _body_kind_words(findings: Findings) -> frozenset[str]:
    """The lemmas of the meeting body's name that are words of public administration: «Правительство
    Калининградской области» → {правительство}, «Совет депутатов района» → {совет, депутат}.

    A body holding its meeting names itself all through the report, and its kind («правительство», «дума»,
    «администрация», «избирательная комиссия») says who met, not that the meeting was about governing: a
    government's meeting on gas supply is about energy. What the body did to its own organisation (elections,
    appointments, its rules) is said in other words and still counts."""
    body = findings.meeting.body
    if not body:
        return frozenset()
    governance = classifier().lexicons["governance"]
    words = set()
    for word in _NAME_WORD.findall(body.lower()):
        parses = loading.parse(word)
        lemma = (parses[0].normal_form if parses else word).replace("ё", "е")
        if lemma in governance:
            words.add(lemma)
    return frozenset(words)


def _body_kind_removed(findings: Findings, lemmas: list[str]) -> list[str]:
    """The content lemmas without the meeting body's kind (see `_body_kind_words`)."""
    kind = _body_kind_words(findings)
    return [lemma for lemma in lemmas if lemma not in kind] if kind else lemmas


def content_lemmas(doc: Doc) -> list[str]:
    """The lemma of every content word (see `_content_words`)."""
    return _content_words(doc)[1]


def _item_lemmas(offsets: list[int], lemmas: list[str], issue: IssueFinding) -> list[str]:
    """The content lemmas inside an issue's mentions: what the agenda item itself is worded with."""
    words: list[str] = []
    for mention in issue.mentions:
        words += lemmas[bisect_left(offsets, mention.start) : bisect_left(offsets, mention.end)]
    return words


def is_meeting_report(findings: Findings) -> bool:
    """Whether the document reports a meeting, where the learned decision picks the topics (it transferred to every
    blind set better than the rules): the meeting stage found the body that met, or the meeting's kind and the place
    it was held («совещание» in Чирчик, «очередное заседание джамоата» in Гулистон: a body the stage could not name).
    News with neither keeps the rules, where the decision lost (corpus-dev: README, "Learned topic decisions")."""
    meeting = findings.meeting
    return bool(meeting.body or (meeting.title and meeting.place))


def run(doc: Doc, findings: Findings) -> Findings:
    offsets, lemmas = _content_words(doc)
    items = [_item_lemmas(offsets, lemmas, issue) for issue in findings.issues if not issue.filler]
    offsets, lemmas = _honours_removed(doc, *_chrome_removed(doc, offsets, lemmas))
    lemmas = _body_kind_removed(findings, lemmas)
    min_score = BODY_MIN_SCORE if findings.meeting.body else MIN_SCORE
    chosen = classifier().classify(lemmas, items, min_score, learned=is_meeting_report(findings))
    topics = tuple(TopicFinding(t.id, t.label, t.score) for t in chosen)
    return replace(findings, topics=topics)
