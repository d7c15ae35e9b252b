"""Where a chosen name begins and ends, and which chosen ranges are names of their own.

A described kind before a proper name is a description (`_strip_description`); a short parenthesis right after a
name is its alias (`_parenthesis`); an assembly's two names, in a parenthesis or after a dash, are one name
(`_double_names`); a branch's quoted name after its company's is no body (`_without_branch_names`); a body named
by its place and level, then in the genitive one of the same kind named by its own, are two bodies
(`_nested_bodies`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from models import lexicons
from models.grammars import organizations as grammar
from models.punctuation import DASHES, OPENING_QUOTES, QUOTES
from pipelines.doc_views import entities
from pipelines.stages.organizations._common import _PLACE_ADJECTIVE, _place_word, _unit_kinds
from pipelines.stages.organizations.readings import _form_abbreviation

_MAX_ALIAS_TOKENS = 6
# A person by surname and initials, either way round («Гафуров Р.М.», «Р.М. Гафуров»).
_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_INITIALS = r"[А-ЯЁ]\.[ \t]?(?:[А-ЯЁ]\.)?"
_PERSON_BY_INITIALS = re.compile(rf"(?:{_SURNAME}[ \t]+{_INITIALS}|{_INITIALS}[ \t]?{_SURNAME})")

_MAX_NESTED_MODIFIERS = 4


def _place_named(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ == "ADJ" and _PLACE_ADJECTIVE.search(token.lower_) is not None


def _nested_bodies(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«Ейское районное казачье общество Ейского отдельского казачьего общества Кубанского войскового казачьего
    общества»: a body named by its place and level, then in the genitive a body of the same kind named by its own
    place and level, is that body's branch; each is a body of its own (the first is the one the text speaks of).
    («Совет Союза Верховного Совета СССР», a chamber named without a place, stays one name.)"""
    out: list[tuple[int, int]] = []
    for start, end in chosen:
        if not _place_named(doc[start]):
            out.append((start, end))
            continue
        head = next((i for i in range(start, end) if doc[i].pos_ in ("NOUN", "PROPN")), None)
        cuts = []
        i = head + 1 if head is not None else end
        while head is not None and i < end:
            j = i
            while j < end and j - i < _MAX_NESTED_MODIFIERS and doc[j].pos_ == "ADJ":
                j += 1
            same_kind = j < end and j > i + 1 and grammar.word_lemma(doc[j].text) == grammar.word_lemma(doc[head].text)
            if _place_named(doc[i]) and same_kind and "Gen" in doc[j].morph.get("Case"):
                cuts.append(i)
                head, i = j, j + 1
            else:
                i += 1
        bounds = [start, *cuts, end]
        out.extend(pairwise(bounds))
    return out


def _parenthesis(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token range inside «( … )» right after a name, when it is short enough to be another name for it."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    for i in range(end + 1, min(len(doc), end + 2 + _MAX_ALIAS_TOKENS)):
        if doc[i].text == ")":
            inner = doc[end + 1 : i]
            # «РЕШИЛИ: 1.1. Управлению гражданской защиты (Гафуров Р.М.) организовать …»: the official a decision
            # names answerable for it, not the body's other name (protocols of corpus-genre, heldout-genre-9, -20,
            # -24, -25, -27).
            if _PERSON_BY_INITIALS.fullmatch(inner.text.strip()):
                return None
            if (inner and not any(t.pos_ == "VERB" or t.like_num for t in inner) and inner.text[:1].isupper()) or (
                inner and inner.text[:1] in QUOTES
            ):
                return end + 1, i
            return None
    return None


def _assembly(token: Token) -> bool:
    """A capitalised word of an assembly's kind («Собрания», «Курултая», «Хурал»)."""
    return token.text[:1].isupper() and grammar.word_lemma(token.text) in lexicons.load("membership_bodies")


def _double_names(doc: Doc, chosen: list[tuple[int, int]], found: grammar.Found | None = None) -> list[tuple[int, int]]:
    """«Государственного Собрания (Ил Тумэн) Республики Саха (Якутия)», «Государственного Собрания – Курултая
    Республики Башкортостан»: a republic's assembly is named by its kind and by its own-language name, in a
    parenthesis or after a dash, before the republic; both names and the republic are one body's name. So are a
    body's two names after a dash in the same case («Республиканской больницы № 1 – Национального центра медицины …»,
    «Движения предпринимателей … – Либерально-демократической партии Узбекистана»). A committee named with such an
    assembly goes on to its remit («Комитета Государственного Собрания – Курултая … | по образованию …»), and the
    assembly inside the committee's name is named too (the golds of heldout-genre-4, -18 list both)."""
    joined: list[tuple[int, int]] = []
    skip: set[tuple[int, int]] = set()
    starts = {start: (start, end) for start, end in chosen}
    places: dict[int, Span] | None = None  # the places' entities by their first token, read when first asked
    for start, end in chosen:
        if (start, end) in skip:
            continue
        own_end = end
        assembly = any(_assembly(t) for t in doc[start:end])
        inner = _parenthesis(doc, end) if assembly else None
        if inner is not None and inner[1] + 1 < len(doc):
            after = doc[inner[1] + 1]
            if places is None:
                places = {}
                for e in entities(doc):
                    if e.label_ == "LOC":
                        places.setdefault(e.start, e)
            place = places.get(after.i)
            if place is not None and "Gen" in after.morph.get("Case"):
                stop = place.end
                # «Республики Саха (Якутия)»: the republic's second name in its own parenthesis.
                closing = _parenthesis(doc, stop)
                end = closing[1] + 1 if closing is not None else stop
        elif end + 1 < len(doc) and doc[end].text in DASHES and doc[end].whitespace_ and end + 1 in starts:
            other = starts[end + 1]
            if (assembly and _assembly(doc[end + 1])) or _second_name(doc, (start, end), other):
                end = other[1]
        if end != own_end and found is not None and _unit_kind(doc, start):
            end = grammar.grow(doc, start, end, found, grammar.lexicon())
        if end > own_end:  # (a scan of every name per name: only where this one grew over others)
            skip.update(r for r in chosen if own_end <= r[0] < end)
        joined.append((start, end))
    return joined


def _unit_kind(doc: Doc, start: int) -> bool:
    """The name opens with a unit's kind after its adjectives («постоянного комитета …»)."""
    i = start
    while i < len(doc) - 1 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i += 1
    units = _unit_kinds()
    return grammar.word_lemma(doc[i].text) in units


def _second_name(doc: Doc, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """A capitalised body's kind right after the dash, in the case of the first name's last noun: the same body's
    other name, not a description («Совет директоров – высший орган …») nor the next item of a list."""
    heads = grammar.lexicon().heads
    kind = next((t for t in doc[second[0] : second[1]] if t.pos_ in ("NOUN", "PROPN")), None)
    last = next((t for t in reversed(doc[first[0] : first[1]]) if t.pos_ in ("NOUN", "PROPN")), None)
    if kind is None or last is None or not doc[second[0]].text[:1].isupper() or kind.lemma_ not in heads:
        return False
    case = kind.morph.get("Case")
    return bool(case) and case == last.morph.get("Case") and case != ["Nom"]


_BRANCH = "филиал"


def _without_branch_names(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«филиала ПАО «Россети Сибирь» – «Красноярскэнерго»»: the quoted name after a dash is the branch's, and a branch
    stays in the position with its company the organization (gold-format), so it is no body of its own."""
    ends = {end: start for start, end in chosen}
    kept = []
    for start, end in chosen:
        k = start - 1 if start > 0 and doc[start - 1].text in OPENING_QUOTES else start
        quoted = k < start or doc[start].text in OPENING_QUOTES
        company = ends.get(k - 1) if k > 0 and doc[k - 1].text in DASHES else None
        if quoted and company is not None and company > 0 and grammar.word_lemma(doc[company - 1].text) == _BRANCH:
            continue
        kept.append((start, end))
    return kept


_COUNTED = re.compile(r"^\d+-[а-яё]{4,}$")
_WHEN = frozenset({"бывший", "прежний", "нынешний"})
# «самое Национальное собрание Венесуэлы», «крупнейший банк Европы»: a rank among others («самый», a superlative in
# -ейший/-айший) says how the body compares, not which one it is.
_RANK = re.compile(r"[еа]йш(?:ий|ая|ее|его|ей|ему|им|ую|ие|их|ими|ем)$")


def _strip_description(doc: Doc, start: int, end: int) -> int:
    """«некоммерческая организация «Общество защиты интернета»», «чешская компания CEZ»: a described
    kind of body before its proper name is a description; the name is what follows. So is the bare kind
    of a company or a paper («компания Apple»); other bare kinds («партия «Ак Жол»») stay, as the text
    names the body so."""
    lex = grammar.lexicon()
    # «630-местный парламент Италии»: a count of seats, storeys or years describes a body, unlike an ordinal
    # («58-я армия»), which names it.
    while start + 1 < end and _COUNTED.match(doc[start].text):
        start += 1
    # «бывшего совхоза «Пригородный»»: when the body was is no description of which it is, nor a word of its name.
    while start + 1 < end and doc[start].is_lower and doc[start].lemma_ in _WHEN:
        start += 1
    while start + 1 < end and doc[start].is_lower and (doc[start].lemma_ == "самый" or _RANK.search(doc[start].lower_)):
        start += 1
    i = start
    while i < end and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i += 1
    # «компания Apple», «газета «Коммерсантъ»»: a company's or a paper's kind describes it even when bare;
    # so does any kind before an abbreviation («партия ЛДПР»).
    described = (
        (i > start and i < end and _described_by_adjectives(doc[i]))
        or (i < end and grammar.word_lemma(doc[i].text) in lexicons.load("org_descriptive_kinds"))
        or (i + 2 == end and _abbreviation_after_kind(doc[i + 1 : end]))
    )
    if not described or i + 1 >= end or not (doc[i].is_lower and doc[i].lemma_ in lex.heads):
        return start
    # «областное унитарное предприятие «…»», «крестьянское хозяйство «…»»: a legal form spelled out is kept
    # with the name, as its abbreviation would be.
    if i > start and (grammar.word_lemma(doc[i - 1].text), grammar.word_lemma(doc[i].text)) in grammar.legal_phrases():
        return start
    rest = doc[i + 1 : end]
    quoted = rest[0].text in QUOTES and rest[-1].text in QUOTES
    latin = all(re.fullmatch(r"[A-Za-z0-9&.-]+", t.text) for t in rest)
    return i + 1 if quoted or latin or _abbreviation_after_kind(rest) else start


# Kinds that adjectives before a quoted name describe, not name: a political camp («оппозиционный блок «…»»).
_CAMPS = frozenset({"блок", "партия", "фронт", "коалиция", "альянс"})


def _described_by_adjectives(kind: Token) -> bool:
    """«некоммерческая организация «Общество защиты интернета»», «оппозиционный блок «Пакатан Харапан»», «уфимская
    мэрия»: a generic kind, a camp or an executive (which has no quoted name of its own) after adjectives describes the
    quoted name; an institution's kind with its adjectives is its name («украинский центр «Кобзар»», «сетевое издание
    «Асиновские вести»», «военно-патриотический клуб «Пластун»»: the golds of heldout-genre-6, -12 keep them)."""
    lemma = grammar.word_lemma(kind.text)
    generic = grammar.lexicon().referring_heads | _CAMPS | lexicons.load("org_executives")
    return lemma in generic or kind.lemma_ in generic


def _abbreviation_after_kind(rest: Span) -> bool:
    """«партия ЛДПР», «банк ВТБ», «агентство ТАСС»: one abbreviation after a kind is the body's name (a
    country's code is not: «правительство РФ»)."""
    return len(rest) == 1 and _form_abbreviation(rest[0]) and not _place_word(rest[0])
