"""Issues: the concrete questions the meeting dealt with, as nominative noun phrases with their mentions.

Phrases come from the grammar in `models/grammars/issues.py`. Cue-led phrases («обсудили X»,
«вопрос о X», «проект решения «О …»») are kept; a bare phrase of public action («отставка
правительства») is kept only when the headline or lead carries it or the text comes back to it.
Phrases that say the same thing (half their words in common) are one issue.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, partial

from spacy.tokens import Doc, Span

from models import lexicons
from models.components.extensions import doc_text
from models.grammars.issues import STRONG, WEAK, Candidate, candidates, lemma
from models.numerals import cardinal_forms
from pipelines.deadline import check_deadline
from pipelines.findings import Findings, IssueFinding, TextSpan
from pipelines.headings import headings, reading
from pipelines.layouts import detect_layout
from pipelines.normalize import inflect_token, inflected, nominative

# Cue-led issues are all kept (an agenda may list ten); weaker ones only fill up to MAX_ISSUES.
MAX_ISSUES = 6
# A report (no protocol's or transcript's layout) names more questions than its phrases of cue and place: its golds list
# 6.6 on average (protocols 5.6) and the weak phrases after the sixth are right about as often as not, which lifts F1
# over the opened sets (7: 15 up, 5 down; 8: 17 up, 7 down, more in sum). They fill the list as fillers, which the
# topics do not read as agenda items; in a protocol the seventh weak phrase is as often wrong as right (measured).
REPORT_ISSUES = 8
MAX_CUED = 12
MIN_SCORE = 2.0
MIN_ISSUES = 2
# Speakers from which a report is crowded: its questions are as many as its speakers (`run`).
CROWDED = 9
# Kinds of weak phrase that name a question raised: a noun of action, a speaker's proposal, a problem told.
_FILLING_KINDS = frozenset({"action", "proposal", "stand", "problem", "funded"})
# Kinds of phrase that name a question a speaker raised, never an item of the agenda: kept, they are fillers, which the
# topics do not read («высказался за увеличение числа рейсов пригородного автобуса» is no transport meeting).
_RAISED_KINDS = frozenset({"stand"})
# Where a news item or a report states its subject: the headline and the first paragraph.
LEAD_CHARS = 400
LEAD_BONUS = 1.0
REPEAT_BONUS = 0.5
MAX_REPEAT_BONUS = 1.0
SAME_ISSUE = 0.5
# Two lines of an agenda (or two announced titles) are two items unless worded nearly alike: «исполнение бюджета города
# за девять месяцев 2025 года» and «бюджет города на 2026–2028 годы» share half their words and are two questions.
SAME_ITEM = 0.8
_NUMBER = re.compile(r"\d+")
# Headlines in capitals (`pipelines.headings`) of three words or more.
MAX_HEADLINES = 2
_STOP = lexicons.load("function_words")
_ABOUT = lexicons.load("about_prepositions")


@dataclass
class _Issue:
    text: str
    words: list[str]
    score: float
    first: int
    head: str
    kind: str
    mentions: set[TextSpan] = field(default_factory=set)
    # Worded in a shouted headline only (`_shouted_headlines`).
    headline: bool = False
    # Works or wants the narrative tells of (`_WORKS_AND_WANTS`), kept for that alone: a question raised, not an item
    # of the agenda.
    told: bool = False


def _words(doc: Doc, candidate: Candidate) -> list[str]:
    span = candidate.span(doc)
    # An amended act's issuer, date and number («решение маслихата города … №72/651-6с от 15 декабря 2020 года»)
    # are alike in every amendment an agenda lists: the act's title tells two items apart, the citation doesn't.
    cited = [
        (span.start_char + m.end(1), span.start_char + m.end())
        for m in _ACT_REFERENCE.finditer(span.text)
        if candidate.kind in ("agenda", "title")
    ]
    words = [
        _SYNONYMS.get(lemma(t), lemma(t))
        for t in span
        if _word(t.text) and t.lower_ not in _STOP and not any(a <= t.idx < b for a, b in cited)
    ]
    return [candidate.action, *words] if candidate.action else words


# Words the genre uses for one thing, folded so that two wordings of one question are one issue: an agenda's «О выборах
# заместителя торага» is the «избрание» its narrative tells («заместителем торага избран …»).
_SYNONYMS = {"выборы": "избрание", "выбор": "избрание"}


# The season a report prepares for, however worded: «к зиме», «к зимнему периоду», «к осенне-зимнему периоду», «к
# отопительному сезону». «Подготовка к зиме» in a headline and «подготовка объектов … к отопительному сезону» on the
# agenda are one question; folded to one word, the shorter phrase is held in the longer.
_SEASON = "зима"
_SEASON_MODIFIERS = frozenset({"зимний", "осенне-зимний", "отопительный"})
_SEASON_NOUNS = frozenset({"период", "сезон"})


# Readiness is what preparation reaches: «готовность к зиме» is the «подготовка к зиме» of the same report.
_PREPARING = {"готовность": "подготовка"}


def _word_of(short: list[str], long: list[str]) -> bool:
    """«бюджет», «Правила», «обращения»: one word of an item already worded in full («итоги исполнения городского
    бюджета за I квартал», «проект Правил благоустройства») names that item, not another."""
    return len(set(short)) == 1 and len(set(long)) > 1 and short[0] in long


def _framed_held(short: list[str], long: list[str]) -> bool:
    """«ход подготовки», «ход подготовки объектов»: the course of an action, framed by generic nouns («ход», «итоги»,
    «объект»), is the action a fuller phrase names («подготовка объектов жизнеобеспечения к отопительному сезону»)."""
    bare = lexicons.load("issue_bare_nouns")
    if not short or short[0] not in bare:
        return False  # (asked of every pair of phrases: most open with no generic noun)
    named = {w for w in short if w not in bare}
    framed = any(w in lexicons.load("issue_heads") for w in named)
    return framed and named <= set(long)


def _seasons_folded(words: list[str]) -> list[str]:
    folded: list[str] = []
    for word in words:
        if word in _SEASON_NOUNS and folded and folded[-1] == _SEASON:
            continue  # «отопительный сезон»: its noun is the season already named
        folded.append(_SEASON if word in _SEASON_MODIFIERS else _PREPARING.get(word, word))
    return folded


def _season_held(short: list[str], long: list[str]) -> bool:
    """The phrase of the season prepared for («подготовка к зиме») is held in a longer one of it («подготовка объектов
    … к осенне-зимнему периоду»)."""
    if _SEASON not in short and _SEASON_MODIFIERS.isdisjoint(short):
        return False  # no season named, none folded (asked of every pair of phrases: the folding cost the most)
    folded_short, folded_long = set(_seasons_folded(short)), set(_seasons_folded(long))
    return _SEASON in folded_short and len(folded_short) > 1 and folded_short < folded_long


def _word(text: str) -> bool:
    """Letters: a hyphenated word is one («медико-санитарной», «социально-экономического»), a half broken at a line's
    end is not («пастбище-»)."""
    return text.replace("-", "").isalpha() and text.strip("-") == text


def _text(doc: Doc, candidate: Candidate) -> str:
    """The issue as worded on an agenda, on one line (a phrase may run across a wrapped line's break)."""
    text = " ".join(_worded(doc, candidate).split())
    return text if candidate.kind in _LISTED_KINDS else _uncounted(text)


# How much work a report tells of («замена 2,4 километра тепловых сетей», «ремонт 17 школ», «замена двух котлов»): the
# question is the work, not its amount. A count with its measure is left out of a phrase worded from the narrative
# (an agenda's line or a title is kept as worded); a year, a date, a number («№ 5», «пункт 4.7») or a sum of money
# («190 сомони») is no count of the work, nor is a figure after a preposition («на 2025 год», «в 3 раза»).
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")
_MEASURE = re.compile(r"(?:километр|км|метр|м|гектар|га|тонн|т|единиц|штук|шт)(?:ов|а|ы|ам|ах)?\.?", re.IGNORECASE)
# What a figure that is no count of the work is followed by: a year, a month, times, a percentage, a sum of money.
_NOT_COUNTED = re.compile(
    r"(?:год|гг|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|раз|процент|%|"
    r"сомони|тенге|сом|рубл|руб|манат|лари|драм|гривен|ле[йя]|евро|доллар|долл|тыс|млн|млрд|миллион|миллиард)",
    re.IGNORECASE,
)
# What a figure that is no count is preceded by: a preposition («на 2025 год», «в 3 раза»), a number sign or a point.
_NOT_COUNTING = frozenset(
    {*(_STOP - {"и", "а"}), "№", "пункт", "пункта", "пункте", "статья", "статьи", "часть", "части"}
)


def _is_count(word: str) -> bool:
    """A figure or a numeral from two on («2,4», «17», «двух»): «один котёл» names the work, it counts nothing."""
    return _FIGURE.fullmatch(word) is not None or word.lower().replace("ё", "е") in cardinal_forms(2)


def _uncounted(text: str) -> str:
    words = text.split(" ")
    kept: list[str] = []
    skip = 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        if _is_count(word) and not (kept and kept[-1].lower() in _NOT_COUNTING):
            measured = i + 1 < len(words) and _MEASURE.fullmatch(words[i + 1]) is not None
            counted = words[i + 1 + measured] if i + 1 + measured < len(words) else ""
            # «школы 5 и гимназии»: a figure before a conjunction closes a name, it counts nothing.
            named = counted[:1].isalpha() and counted[:1].islower() and counted not in _STOP
            if named and not _NOT_COUNTED.match(counted):
                skip = int(measured)
                continue
        kept.append(word)
    return " ".join(kept) if len(kept) > 1 else text


def _worded(doc: Doc, candidate: Candidate) -> str:
    """The issue as worded on an agenda: a nominative phrase, or an action with its object in the genitive."""
    span = candidate.span(doc)
    if candidate.action:
        role = inflected(span, "gent")
        if span[0].pos_ != "PROPN":  # «Председателем совета избран …» opens a sentence
            role = role[:1].lower() + role[1:]
        return f"{candidate.action} {role}"
    # «О ходе исполнения наказов избирателей»: an item after its «О» is worded like a title, whatever the parser
    # made of the line (it hangs «ходе» on «исполнения» and would put the wrong word in the nominative).
    # (A report's «о X» too: «Об исполнении бюджета джамоата … доложила …», a parse broken by the phrase first.)
    after_about = candidate.kind in ("agenda", "report") and span.start > 0 and doc[span.start - 1].lower_ in _ABOUT
    if candidate.kind == "title" or after_about:
        return _ACT_REFERENCE.sub(r"\1 ", _title(span))
    worded = span.text if candidate.nominative else nominative(span)
    text = _ACT_REFERENCE.sub(r"\1 ", _trimmed(worded))
    # «Задолженность населения за тепло выросла …»: a phrase that opens a sentence is not a name for it.
    opens = candidate.kind == "agenda" or (candidate.kind == "problem" and span[0].is_sent_start)
    if opens and span[0].pos_ != "PROPN" and not span[0].text.isupper():
        text = text[:1].lower() + text[1:]
    return text


def _head(doc: Doc, candidate: Candidate) -> str:
    return candidate.action or lemma(doc[candidate.head])


# An amended act cited with its issuer, date and number («в решение маслихата от 14 декабря 2021 года № 12/1
# «О бюджете …»»): the item names it by its title. Without a title the citation is all that names it.
# Its number may come before its date («№72/651-6с от 15 декабря 2020 года «О бюджете …»»).
_ACT_REFERENCE = re.compile(
    r"\b(решение|постановление|распоряжение|приказ|закон)\s+[^«»\n]{0,120}?"
    r"(?:\bот\s+[^«»\n]{1,40}?№\s*[\w/.-]+|№\s*[\w/.-]+\s+от\s+[^«»\n№]{1,40}?)\s*(?=[«\"])",
    re.IGNORECASE,
)


def about_item(span: Span) -> str:
    """An agenda item after its «О» («ходе исполнения наказов избирателей») in the nominative, worded like a title:
    the parser often hangs «ходе» on the noun after it and would put the wrong word in the nominative."""
    return _ACT_REFERENCE.sub(r"\1 ", _title(span))


def _title(span: Span) -> str:
    """A title after its «О» («внесении изменений в Закон … «О пастбищах»»): the words up to its first noun
    are inflected, the rest is the title's own wording."""
    first = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None)
    # «О бюджете … и прогнозе …»: the nouns joined to the first one are in its case too.
    joined = (
        {c.i for c in first.children if c.dep_ == "conj" and c.morph.get("Case") == first.morph.get("Case")}
        if first
        else set()
    )
    inflect = {t.i for t in span if first is None or t.i <= first.i}
    inflect |= joined | {c.i for j in joined for c in span.doc[j].children if c.dep_ == "amod" and c.i < j}
    # «О работе, проводимой в районе …»: a participle after the noun agrees with it, so it takes its case too.
    if first is not None:
        inflect |= {
            c.i
            for c in first.children
            if c.dep_ == "acl"
            and c.i in range(span.start, span.end)
            and "Part" in c.morph.get("VerbForm")
            and c.morph.get("Case") == first.morph.get("Case")
        }
    parts = []
    for token in span:
        parts.append((inflect_token(token) if token.i in inflect else token.text) + token.whitespace_)
    return "".join(parts).strip()


def _same(a: _Issue, words: list[str], head: str, kind: str, text: str) -> bool:
    """Phrases sharing half their words are one issue, unless they are different actions on the same object
    («прекращение полномочий секретаря» and «избрание секретаря»), or two items each worded in full."""
    # «исполнение бюджета» of a decision line is the agenda's «исполнение бюджета города за 2024 год», shortened.
    (shorter, short_text), (longer, long_text) = sorted(
        ((set(words), text), (set(a.words), a.text)), key=lambda w: len(w[0])
    )
    contained = (
        (len(shorter) > 1 and shorter <= longer)
        or _season_held(words, a.words)
        or _season_held(a.words, words)
        or _framed_held(words, a.words)
        or _framed_held(a.words, words)
        or _word_of(words, a.words)
    )
    if kind in _LISTED_KINDS and a.kind in _LISTED_KINDS:
        # A shortened line is the same item unless its years say otherwise («бюджет города на 2026–2028 годы» is not
        # the «исполнение бюджета города за девять месяцев 2025 года»).
        dated = set(_NUMBER.findall(short_text)) <= set(_NUMBER.findall(long_text))
        return _overlap(words, a.words) >= SAME_ITEM or (contained and dated)
    if _amend_alike(words, a.words) or _act_alike(words, text, a.words, a.text):
        return True
    if _overlap(words, a.words) < SAME_ISSUE and not contained:
        return False
    return not (_verbal(head) and _verbal(a.head) and head != a.head)


# Words that amend an act, however worded: «поправки в бюджет», «внесение изменений в решение о бюджете», «уточнение
# бюджета города».
_AMENDING_HEADS = frozenset({"внесение", "изменение", "поправка", "дополнение", "уточнение"})


def _amend_alike(words: list[str], other: list[str]) -> bool:
    """«поправки в городской бюджет» atop a report and its agenda's «внесение изменений в бюджет Волгограда на 2025 год»
    are one item: the shorter amendment's act (its first noun past the amending words and a generic «закон»,
    «решение») is named in the longer. Not «изменения в Устав поселения» and «… в Правила благоустройства поселения»."""
    if not (words and other and words[0] in _AMENDING_HEADS and other[0] in _AMENDING_HEADS):
        return False
    shorter, longer = sorted((words, other), key=len)
    acts = lexicons.load("issue_law_nouns") | lexicons.load("issue_decision_nouns")
    # Lemmas of adjectives end so («городской», «областной», «районный»): the act is the noun they qualify.
    named = [w for w in shorter if w not in _AMENDING_HEADS and w not in acts and not w.endswith(("ый", "ий", "ой"))]
    return bool(named) and named[0] in longer


def _act_alike(words: list[str], text: str, other: list[str], other_text: str) -> bool:
    """«законопроект о питьевой воде» atop a report and the «проект Закона Кыргызской Республики «О питьевой воде»» it
    goes on to cite are one item: an act named by its subject («поправки в закон о пастбищах») is the act whose quoted
    title holds every word of that subject."""
    if ("«" in text) == ("«" in other_text):
        return False
    (plain, _), (titled, _) = sorted(((words, text), (other, other_text)), key=lambda w: "«" in w[1])
    acts = lexicons.load("issue_law_nouns") | lexicons.load("issue_decision_nouns") | _AMENDING_HEADS
    if not (plain and titled and plain[0] in acts and titled[0] in acts):
        return False
    subject = {w for w in plain if w not in acts}
    return bool(subject) and subject <= set(titled)


_QUOTED = re.compile(r"«([^«»]{3,})")


def _quoted_title(doc: Doc, candidate: Candidate) -> str | None:
    """The first quoted title an agenda line names («О бюджете города на 2025 год»), lowercased."""
    if candidate.kind not in ("agenda", "title"):
        return None
    found = _QUOTED.search(candidate.span(doc).text)
    return found.group(1).lower() if found else None


def _other_act(issue: _Issue, title: str | None) -> bool:
    """Amendments of two acts («в решение «О бюджете …»», «в решение «О правилах благоустройства …»») are two items,
    however alike their wording around the titles."""
    if title is None or issue.kind not in ("agenda", "title"):
        return False
    found = _QUOTED.search(issue.text)
    return found is not None and found.group(1).lower() != title


def _headline_word(issue: _Issue, words: list[str], headline: bool) -> bool:
    """«ОБСУДИЛИ ИНИЦИАТИВНОЕ БЮДЖЕТИРОВАНИЕ И КАДРЫ»: a headline names in one word an item the text words in full
    («нехватка кадров в органах местного самоуправления»), whichever of the two comes first."""
    if headline and not issue.headline:
        return len(words) == 1 and words[0] in issue.words
    return issue.headline and not headline and len(issue.words) == 1 and issue.words[0] in words


def _within_item(issue: _Issue, mention: TextSpan) -> bool:
    # (Any phrase kept whole is one item: «вопросы «О формировании и утверждении составов комиссий …»» is not two.)
    return any(m.start <= mention.start and mention.end <= m.end for m in issue.mentions)


# Kinds of phrase that word an item as the meeting's agenda does: a numbered line, a title, «вопрос о X».
_ITEM_KINDS = frozenset({"agenda", "title", "generic"})
# Kinds of phrase that are an item's full wording: an agenda's line, a draft's title.
_LISTED_KINDS = frozenset({"agenda", "title"})


def _headline_worded(
    doc: Doc, kept: _Issue, mention: TextSpan, words: list[str], line_end: Callable[[int], int]
) -> bool:
    """`kept` was first worded on the text's headline (a line atop it with no full stop) and `words`, found below that
    line, hold all its words and more: the same question, worded in full. `line_end` finds the newline after a
    position once per text (a search per candidate ran over a long line again for each)."""
    if kept.headline or kept.first >= LEAD_CHARS or not set(kept.words) < set(words):
        return False
    text = doc_text(doc)
    end = line_end(kept.first)
    line = text[text.rfind("\n", 0, kept.first) + 1 : end].rstrip()
    return 0 < end < mention.start and not line.endswith((".", "!", "?", ":", ";", ","))


def _on_headline(doc: Doc, start: int, line_end: Callable[[int], int]) -> bool:
    """The position is on a headline: a line in the text's lead with no full stop (nor other closing mark)."""
    if start >= LEAD_CHARS:
        return False
    text = doc_text(doc)
    line = text[text.rfind("\n", 0, start) + 1 : line_end(start)].rstrip()
    return line_end(start) > 0 and not line.endswith((".", "!", "?", ":", ";", ","))


_LIST_BOUNDARY = re.compile(r"\s*(?:$|[,;]|(?:и|или)\s)", re.MULTILINE)


def _listed_bare(doc: Doc, mention: TextSpan) -> bool:
    """The mention is a bare member of the headline's list: what follows it is the list's comma or «и», or the line's
    end — not a complement the phrase was cut from («безопасность | на дорогах»)."""
    return _LIST_BOUNDARY.match(doc_text(doc), mention.end) is not None


def _fuller(words: list[str], other: list[str]) -> bool:
    """`words` (of a phrase the stage took for the same item as `other`'s) say more: the item worded in full."""
    return len(words) > len(other)


def _verbal(word: str) -> bool:
    """A noun of action («избрание», «прекращение», «принятие»): two actions on one object are two items."""
    return word.endswith(("ние", "тие")) and word in lexicons.load("issue_heads")


def _overlap(a: list[str], b: list[str]) -> float:
    """Token F1 of two lemma lists: how the scorer and a reader judge two phrases to be one issue."""
    if set(a).isdisjoint(b):
        return 0.0  # (asked of every pair of phrases: most share no word)
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


# What a local report is made of: works on a named object («ремонт кровли школы № 5», «строительство водопровода») and
# the wear and wants of its services («износ сетей», «нехватка водителей», «перебои с водой»). Told anywhere in the
# narrative, such a phrase is a question its speakers raised: it fills a short list ahead of other phrases of action.
_WORKS_AND_WANTS = frozenset(
    {"ремонт", "строительство", "благоустройство", "вывоз", "очистка", "износ", "нехватка", "перебой", "задолженность"}
)


def _score(doc: Doc, candidate: Candidate, head_pairs: Counter[tuple[str, ...]], meeting: bool) -> float:
    score = _evidence(doc, candidate, head_pairs)
    return max(score, MIN_SCORE) if meeting and _works_or_wants(doc, candidate) else score


def _raised(doc: Doc, candidate: Candidate, head_pairs: Counter[tuple[str, ...]], meeting: bool) -> bool:
    """Works or wants a meeting's report kept only for what they are, not where or how often it names them (a news
    story's works are its news' circumstances)."""
    if candidate.kind == "funded":
        return True  # money asked for or spent on a work: a want kept for what it is, never where or how often
    return meeting and _works_or_wants(doc, candidate) and _evidence(doc, candidate, head_pairs) < MIN_SCORE


def _evidence(doc: Doc, candidate: Candidate, head_pairs: Counter[tuple[str, ...]]) -> float:
    score = candidate.weight
    if candidate.weight < STRONG:
        # A remit («комиссия по вопросам миграции») names a body's standing field, in the lead as anywhere.
        if doc[candidate.start].idx < LEAD_CHARS and candidate.kind != "generic":
            score += LEAD_BONUS
        repeats = head_pairs[_head_pair(doc, candidate)] - 1
        score += min(MAX_REPEAT_BONUS, REPEAT_BONUS * repeats)
    return score


def _works_or_wants(doc: Doc, candidate: Candidate) -> bool:
    return candidate.kind == "action" and lemma(doc[candidate.head]) in _WORKS_AND_WANTS


def _head_pair(doc: Doc, candidate: Candidate) -> tuple[str, ...]:
    """The head lemma and its first complement: «отставка правительства» however the rest varies."""
    head = doc[candidate.head]
    inner = [c for c in head.children if c.i > head.i and c.dep_ == "nmod"]
    return (lemma(head), lemma(inner[0])) if inner else (lemma(head),)


# Words of amending: a phrase of nothing else names no item.
_AMENDING = frozenset({"внесение", "изменение", "поправка", "дополнение"})


# The work or the readiness of a body named by nothing else («работа управления», «готовность банка») says who, not
# which question: the body's report, or what it is ready for, is the item.
_FRAMES_OF_A_BODY = frozenset({"работа", "готовность"})


def _names_a_body(span: Span, word: str) -> bool:
    """`word` (a lemma of `span`) names a body or people: an organization's head noun, an abbreviation, an animate."""
    token = next((t for t in span if lemma(t) == word), None)
    if token is None:
        return False
    return word in lexicons.load("org_heads") or token.text.isupper() or "Anim" in token.morph.get("Animacy")


# What a body or a country lends a question: its support, its share, its experience, its stand. Followed by its name,
# such a phrase names the body, and the golds list the question it backs (never the backing, in twelve opened sets).
_PATRONAGE = frozenset({"поддержка", "участие", "опыт", "позиция", "помощь", "содействие"})

# Money named by nothing but its handling says nothing of what it is for (the golds list the work it pays for).
_MONEY = frozenset({"средство"})

# Words that point back to what the text named before: a phrase ending or opening in one names nothing by itself.
_RELATIVES = frozenset({"который", "чей"})
_ANAPHORIC = frozenset(
    {"подобный", "такой", "данный", "указанный", "этот", "тот", "вышеуказанный", "вышеназванный", "соответствующий"}
)
# A complaint says who complains («жалобы жителей Шумерли»); without what about («на …», «о …») it names no question.
_COMPLAINTS = frozenset({"жалоба", "нарекание"})
_COMPLAINED_OF = _ABOUT | {"на", "насчёт", "насчет"}
# An appeal likewise says who appeals and to whom («обращение к спасательной службе», «взять обращение на контроль»):
# without what about («о …», «по вопросу …») it names no question; an agenda's line names the appeal it hears. Not the
# handling of a thing («обращение с твёрдыми коммунальными отходами»), which is a work.
_APPEALS = frozenset({"обращение"})
_APPEALED_OF = _ABOUT | {"по", "насчёт", "насчет"}
# The means a speaker proposes to a question («опубликовать список должников», «изучить опыт гимназии»): a list or an
# experience is how the question is handled, not the question (no gold lists one in the opened sets, 0 of 10 kept).
_MEANS = frozenset({"список", "опыт"})


def _not_an_issue(doc: Doc, candidate: Candidate, words: list[str]) -> bool:
    """The «дня» of «повестка дня», a bare generic noun («предложение», «средства») or a phrase of nothing else
    («ход работ»), an amendment of nothing named, a shouted headline."""
    span = candidate.span(doc)
    first = span[0]
    if first.i > 0 and lemma(first) == "день" and lemma(doc[first.i - 1]) == "повестка":
        return True
    # «ход работ», «план работы»: generic nouns framing generic nouns still say nothing of which question.
    if words and all(w in lexicons.load("issue_bare_nouns") for w in words):
        return True
    if set(words) <= _AMENDING:
        return True  # «внесение изменений» that does not say into what
    framed = len(words) == 2 and words[0] in _FRAMES_OF_A_BODY and _names_a_body(span, words[1])
    if framed and candidate.kind not in _LISTED_KINDS:
        return True  # «работа управления», «готовность банка»: who works or is ready, not at what (an agenda's line
        # «о работе библиотек» is an item all the same)
    head = doc[candidate.head]
    named = (
        head.i + 1 < span.end
        and doc[head.i + 1].text[:1].isupper()
        and doc[head.i + 1].pos_ in ("ADJ", "PROPN", "NOUN")
    )
    if lemma(head) in _PATRONAGE and named and candidate.kind not in _LISTED_KINDS:
        return True  # «поддержка Фонда ООН», «опыт Узбекистана»: who backs or shares, not the question they back
    if lemma(head) in _COMPLAINTS and not any(t.lower_ in _COMPLAINED_OF for t in span):
        return True
    handling = head.i + 1 < span.end and doc[head.i + 1].lower_ in ("с", "со")
    # (What about hangs on the appeal itself: the «по» of «обращение к Спасательной службе Министерства по чрезвычайным
    # ситуациям» is the ministry's name.)
    about = any(t.lower_ in _APPEALED_OF and t.head.head.i == head.i for t in span)
    appeal = lemma(head) in _APPEALS and not handling and not about
    if (appeal or lemma(head) in _MEANS) and candidate.kind not in _LISTED_KINDS:
        return True
    if first.like_num and sum(1 for t in span if t.is_alpha and not t.like_num and not _MEASURE.fullmatch(t.text)) == 1:
        return True  # «рассмотрено 5 материалов», «включить 3,6 км газопровода»: a count of things, not a question
    money = lemma(span[-1]) in _MONEY and "Plur" in span[-1].morph.get("Number")  # not «транспортное средство»
    if money and len(words) <= 3 and sum(1 for t in span if t.pos_ in ("NOUN", "PROPN")) <= 2:
        return True  # «низкое освоение средств», «нехватка средств», «наличие средств»: money, not what it is for
    if lemma(span[-1]) in _RELATIVES or lemma(first) in _ANAPHORIC:
        return True  # «износ которых», «подобный документ»: a word that points back, the thing it names cut off
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def _trimmed(text: str) -> str:
    """«и организационные вопросы»: a list's conjunction is not part of its item."""
    head, _, rest = text.partition(" ")
    return rest if head.lower() in ("и", "а", "также") and rest else text


def _shouted_headlines(doc: Doc) -> list[tuple[Doc, int]]:
    """Headlines typed in capitals near the top («В АКИМАТЕ ОБСУДИЛИ ПАВОДКИ И ТАРИФЫ НА ГАЗ»), each read in
    sentence case (the taggers misread capitals as names) with its offset in the text."""
    lines = [h for h in headings(doc) if h.words >= 3][:MAX_HEADLINES]
    return [(reading(doc, h), h.start) for h in lines]


# «организационные вопросы», «кадровые решения»: where a report files its posts filled and mandates ended under such a
# rubric, the golds list the rubric and not each of them (corpus-genre b07, c01, c02, c04; heldout-genre-14, -16).
_PERSONNEL_RUBRIC = re.compile(r"(?i)(?:организационн|кадров)\w* (?:вопрос|решени)\w*")


def run(doc: Doc, findings: Findings) -> Findings:
    names = [(m.start, m.end) for org in findings.organizations for m in org.mentions]
    named_bodies = set(names)
    # A post filled is an agenda item of a meeting; in a news story it is the news, not a question dealt with.
    meeting = findings.meeting.title is not None
    found = [(doc, 0, c) for c in candidates(doc, names) if c.end > c.start and (meeting or c.kind != "elect")]
    # What a shouted headline says was discussed, where a cue says so.
    for headline, offset in _shouted_headlines(doc):
        found += [(headline, offset, c) for c in candidates(headline) if c.end > c.start and c.weight >= STRONG]
    head_pairs = Counter(_head_pair(d, c) for d, _, c in found)
    issues: list[_Issue] = []
    length = len(doc_text(doc))
    line_end = cache(partial(doc_text(doc).find, "\n"))
    for source, offset, candidate in sorted(
        found, key=lambda f: (-_score(f[0], f[2], head_pairs, meeting), f[1], f[2].start)
    ):
        check_deadline("issues")
        words = _words(source, candidate)
        if not words or _not_an_issue(source, candidate, words):
            continue
        if candidate.kind in ("report", "proposal", "stand", "funded") and len(words) < 2:
            continue  # «речь идёт об использовании …» cut to one word says too little of what was said
        span = candidate.span(source)
        mention = TextSpan(offset + span.start_char, min(offset + span.end_char, length))
        if (mention.start, mention.end) in named_bodies and span.text[:1].isupper():
            continue  # «Законодательная Дума Хабаровского края»: a body found by its name is who, not what about
        head = _head(source, candidate)
        # A phrase inside a kept one, an agenda line's above all («… «О принятии обязательств по проектам
        # государственно-частного партнерства»»), is that item, however few words it shares with it.
        title = _quoted_title(source, candidate)
        text = span.text  # (once: a Span's text is joined from its tokens on every read)
        same = next(
            (
                i
                for i in issues
                if (_same(i, words, head, candidate.kind, text) and not _other_act(i, title))
                or _within_item(i, mention)
                or _headline_word(i, words, source is not doc)
            ),
            None,
        )
        if same is not None:
            same.mentions.add(mention)
            same.first = min(same.first, mention.start)
            if same.headline and source is doc:
                # The text's own wording of what its headline named in a word.
                same.text, same.kind, same.words, same.headline = _text(source, candidate), candidate.kind, words, False
            elif (candidate.kind == "title" or _act_alike(words, text, same.words, same.text)) and "«" not in same.text:
                # An act's own title names the item better than a paraphrase («поправки в закон о пастбищах»).
                same.text, same.kind = _text(source, candidate), candidate.kind
            elif candidate.kind in _ITEM_KINDS and same.kind not in _ITEM_KINDS and _fuller(words, same.words):
                # The agenda's wording of an item («по второму вопросу – о доступности первичной медико-санитарной
                # помощи в горных районах») names it better than the headline's shorter paraphrase of it.
                same.text, same.kind, same.words = _text(source, candidate), candidate.kind, words
            elif (
                source is doc
                and _headline_worded(doc, same, mention, words, line_end)
                and len(span.text) > len(same.text)
            ):
                # «Кенгаш обсудил … исполнение бюджета» atop a press report, «Об исполнении районного бюджета за первое
                # полугодие 2025 года проинформировала …» below it: the body words in full what its headline shortened.
                same.text, same.kind, same.words = _text(source, candidate), candidate.kind, words
            elif _fuller(words, same.words) and (_season_held(same.words, words) or _framed_held(same.words, words)):
                # «подготовка к зиме» is worded in full by «подготовка объектов социальной сферы к осенне-зимнему
                # периоду», which holds its words; «ход подготовки» by «подготовка объектов … к отопительному сезону».
                same.text, same.kind, same.words = _text(source, candidate), candidate.kind, words
            continue
        score = _score(source, candidate, head_pairs, meeting)
        if meeting and candidate.kind == "report":
            # At a meeting what a speaker reported on is a question the meeting dealt with.
            score = max(score, STRONG)
        issues.append(
            _Issue(
                _text(source, candidate),
                words,
                score,
                mention.start,
                head,
                candidate.kind,
                {mention},
                source is not doc,
                _raised(source, candidate, head_pairs, meeting),
            )
        )
    if any(_PERSONNEL_RUBRIC.fullmatch(i.text) for i in issues):
        issues = [i for i in issues if i.kind != "elect"]
    # A press headline's bare noun («обсудили воду, мусор и ремонт школ», «рассмотрел бюджет, инвестиции и
    # водоснабжение») is its shorthand for what the body words in full, or not at all: named nowhere else, it is a
    # question only when nothing else stands in (right 3 times in 15 over the opened sets). Not a phrase the headline
    # goes on with («безопасность | на дорогах»): that one was cut, and names its question.
    for issue in issues:
        bare = len(issue.words) == 1 and len(issue.mentions) == 1
        if bare and _on_headline(doc, issue.first, line_end) and _listed_bare(doc, next(iter(issue.mentions))):
            issue.score = min(issue.score, MIN_SCORE - WEAK)
    kept = [i for i in issues if i.score >= STRONG][:MAX_CUED]
    # Works and wants kept for what they are come after the phrases their place or repetition raised (a stable sort).
    weak = sorted((i for i in issues if MIN_SCORE <= i.score < STRONG), key=lambda i: i.told)
    # A report's narrative names more than a protocol's list: past the sixth, its weak phrases fill as fillers.
    room = max(0, MAX_ISSUES - len(kept))
    kept += weak[:room]
    extra: list[_Issue] = []
    if detect_layout(doc_text(doc)) == "report":
        extra = weak[room : room + max(0, REPORT_ISSUES - len(kept))]
        kept += extra
    # A crowded report (a session where nine, twelve, fifteen people took the floor) names about one question a
    # speaker: each raised his own, mostly in the narrative without a cue. There the weaker phrases of action,
    # proposal and problem fill the list up to the number of speakers.
    speakers = sum(1 for p in findings.persons if p.spoke)
    fillers: list[_Issue] = []
    if speakers >= CROWDED:
        chosen = {id(i) for i in kept}
        rest = [i for i in issues if id(i) not in chosen and i.score < STRONG and i.kind in _FILLING_KINDS]
        fillers = rest[: max(0, speakers - len(kept))]
        kept += fillers
    # Every report is about something: when the cues found too little, the best-placed phrases of action stand in.
    if len(kept) < MIN_ISSUES:
        kept += [i for i in issues if i.score < MIN_SCORE][: MIN_ISSUES - len(kept)]
    kept.sort(key=lambda i: i.first)
    filled = (
        {id(i) for i in fillers} | {id(i) for i in extra} | {id(i) for i in kept if i.told or i.kind in _RAISED_KINDS}
    )
    result = tuple(IssueFinding(i.text, tuple(sorted(i.mentions)), id(i) in filled) for i in kept)
    return replace(findings, issues=result)
