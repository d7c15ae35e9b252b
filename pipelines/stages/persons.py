"""Persons: one entry per person however it is named, name parts in the nominative.

Mentions with a first name or initials found the entries; a bare surname then joins the nearest
compatible entry before it. Two people with one surname stay apart when their initials differ.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.alphabet import CYRILLIC_LETTER
from models.components.extensions import doc_text, token_texts
from models.grammars.cities import city_of
from models.grammars.places import place_kinds
from models.punctuation import DASHES
from pipelines.body_names import bodys_other_names
from pipelines.deadline import check_deadline
from pipelines.doc_views import entities, entity_at, folded_strings
from pipelines.findings import Findings, PersonFinding, TextSpan
from pipelines.layouts import OBLIQUE_PATRONYMIC
from pipelines.person_names import (
    SURNAME_ENDINGS,
    TURKIC_PATRONYMIC_PARTICLES,
    NameParts,
    could_be_name,
    fold,
    is_adjective,
    is_first_name,
    is_patronymic,
    is_womans_first_name,
    leads_as_surname,
    looks_like_surname,
    may_be_first_name,
    parse_name,
    verb_opening_sentence,
    with_gender,
)
from pipelines.tag_lines import in_tag_line
from pipelines.titles import (
    complement_taken_for_name,
    is_position_head,
    is_settlement_kind_written_out,
    place_adjective,
    region_named_after_noun,
    title_before,
    title_head,
)


@dataclass
class _Cluster:
    parts: list[NameParts] = field(default_factory=list)
    spans: list[TextSpan] = field(default_factory=list)
    # Kept up to date as mentions join, not recomputed from every part on each comparison: that was
    # quadratic in a list of thousands of mentions of one name.
    keys: set[str] = field(default_factory=set)
    first: str | None = None  # initial letters of the first name and patronymic, as far as any mention tells
    patr: str | None = None
    starts: list[int] = field(default_factory=list)  # the mentions' starts, sorted
    gender: str | None = None  # as the first mention that tells it says
    index: int = 0  # the order it was made in
    # The surname's nominative where forms of it that the case reading left apart were joined: «Картер»
    # of «Картера» and «Картер».
    nominative: str | None = None

    def add(self, parts: NameParts, span: TextSpan) -> None:
        self.parts.append(parts)
        self.spans.append(span)
        self.keys.update(parts.surname_keys)
        self.first = self.first or _first_letter(parts)
        self.patr = self.patr or _patronymic_letter(parts)
        self.gender = self.gender or parts.gender
        bisect.insort(self.starts, span.start)

    def add_mention(self, span: TextSpan) -> None:
        """A mention that names no part of the name beyond what the person has: «Говард» of Говард Баффет."""
        self.spans.append(span)
        bisect.insort(self.starts, span.start)

    def letters(self) -> tuple[str | None, str | None]:
        return self.first, self.patr

    def nearest_before(self, start: int) -> int:
        """The start of this person's last mention at or before `start` (there must be one)."""
        return self.starts[bisect.bisect_right(self.starts, start) - 1]

    def _telling_first(self) -> list[NameParts]:
        """The mentions that tell the person's gender first: «Мирославы Немцовой» over «Мирославу Немцову»,
        which may be the dative of Мирослав; among those, one the text writes in the nominative («Сания Калмурзина»
        over «Сание Калмурзиной», whose first name's dative the dictionary does not decline back)."""
        return sorted(self.parts, key=lambda p: (p.gender is None, not p.surname_as_written))

    def finding(self) -> PersonFinding:
        # The surname most mentions agree on; a form the text writes in the nominative counts double,
        # one whose gender the name's own words tell counts once more.
        votes: Counter[str] = Counter()
        for p in self.parts:
            votes[p.surname] += (2 if p.surname_as_written else 1) + (1 if p.gender else 0)
        voted = votes.most_common(1)[0][0]
        voted = next((p.surname for p in self.parts if _instrumental_of_consonant_stem(p, voted)), voted)
        # A woman's -ова stays -ова even where her surname was read as a man's genitive.
        surname = with_gender(self.nominative or voted, self.gender)
        return PersonFinding(
            surname=surname,
            first_name=next((p.first_name for p in self._telling_first() if p.first_name), None),
            # The fullest middle the mentions write: «Джон Ф. Кеннеди» over «Джон Кеннеди»; only a mention that ends
            # in the surname chosen tells what stands before it («Фидель Алехандро Кастро Рус», called «Кастро»).
            middle=max(
                (p.middle for p in self.parts if p.middle and fold(p.surname) == fold(surname)), key=len, default=None
            ),
            surname_first=next((p.surname_first for p in self._telling_first() if p.first_name), False),
            patronymic=next((p.patronymic for p in self._telling_first() if p.patronymic), None),
            initials=next((p.initials for p in self.parts if p.initials), None),
            particles=next((p.particles for p in self.parts if p.particles), None),
            mentions=tuple(sorted(self.spans)),
        )


def _first_letter(parts: NameParts) -> str | None:
    if parts.first_name:
        return fold(parts.first_name[0])
    if parts.initials:
        return fold(parts.initials[0])
    return None


def _patronymic_letter(parts: NameParts) -> str | None:
    if parts.patronymic:
        return fold(parts.patronymic[0])
    if parts.initials and len(parts.initials) >= 4:
        return fold(parts.initials[2])
    return None


def _compatible(cluster: _Cluster, parts: NameParts) -> bool:
    return bool(cluster.keys & parts.surname_keys) and _compatible_letters(cluster, parts)


def _compatible_letters(cluster: _Cluster, parts: NameParts) -> bool:
    """The mention's first name, patronymic and gender contradict nothing the person's mentions tell."""
    first, patr = cluster.letters()
    other_first, other_patr = _first_letter(parts), _patronymic_letter(parts)
    if first and other_first and first != other_first:
        return False
    if cluster.gender and parts.gender and cluster.gender != parts.gender:
        return False
    return not (patr and other_patr and patr != other_patr)


def _nominative_name(ent: Span) -> bool:
    first = ent[0]
    if len(ent) < 2 or not is_first_name(first.text):
        return False
    # «университета Нурали Шоев»: a first name with no case ending tells nothing, a man's bare -ов/-ев/-ин surname
    # is his nominative (what a thing is named after would be «Шоева»).
    last = fold(ent[-1].text)
    return first.morph.get("Case") == ["Nom"] or (last.endswith(_BARE_SURNAME_ENDINGS) and looks_like_surname(last))


_BARE_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин")


def _in_title(ent: Span) -> bool:
    """A name inside the name of a law, street, theatre: «закон Димы Яковлева», «театр им. Ермоловой»."""
    contexts = lexicons.load("person_title_contexts")
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space) and doc[i].text != ",":
        i -= 1
    if i >= 0 and fold(doc[i].text) in ("имени", "им") and i > 0 and fold(doc[i - 1].text) == "по":
        return False  # «человек по имени Фалмут Карни» names a person
    if _eponym_rank_before(doc, i):
        return True  # «больница имени академика А.Н. Бакулева»: a rank between «имени» and the name
    if i >= 0 and (fold(doc[i].text) == "имени" or (fold(doc[i].text) == "им" and doc[i + 1].text == ".")):
        # «Профессор университета имени М.Х. Дулати»: whatever post the parser hangs the name on.
        return not _naming(doc, i)
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start and _post_in_apposition(ent.root, head):
        # «директору гимназии Нургуль Эсенбаевой», «хирургу … больницы Анатолию Петровичу Гусеву»: the name stands in
        # apposition to the post before the body, not for what the body is named after.
        return False
    if i >= 0 and (fold(doc[i].lemma_) in contexts or fold(doc[i].text) in contexts):
        # A name in the nominative after a body in the genitive is a person in apposition: «главный
        # врач … районной больницы Светлана Бондарь»; what a thing is named after stands in the genitive.
        return not (_nominative_name(ent) and "Nom" not in doc[i].morph.get("Case"))
    return head.i < ent.start and fold(head.lemma_) in contexts and ent.root.dep_ in ("nmod", "appos", "flat")


_EPONYM_RANK_WORDS = 3  # «имени генерала армии …», «им. народного артиста …»


def _eponym_rank_before(doc: Doc, i: int) -> bool:
    """The words ending at `i` are a rank in the genitive, in lower case, right after «имени» / «им.»."""
    k = i
    while (
        k >= 0
        and i - k < _EPONYM_RANK_WORDS
        and doc[k].is_alpha
        and doc[k].is_lower
        and doc[k].text not in ("имени", "им")
    ):
        if "Gen" not in doc[k].morph.get("Case"):
            return False
        k -= 1
    if k == i:
        return _titled_rank_before(doc, i)
    if k >= 0 and doc[k].text == ".":
        k -= 1
    return (k >= 0 and fold(doc[k].text) in ("имени", "им")) or _titled_rank_before(doc, i)


_NAMING = frozenset({"присвоение", "присвоить", "присваивать"})


def _naming(doc: Doc, at: int) -> bool:
    """«о присвоении имени Героя … скверу»: «имени» is the name given, and the person it is given after is the
    question's, not a body's eponym."""
    return at > 0 and fold(doc[at - 1].lemma_) in _NAMING


# Ranks written with capitals between «имени» and the name: «имени Героя Советского Союза Д.Д. Жамьянова».
_TITLED_RANKS = frozenset({"героя", "маршала"})


def _titled_rank_before(doc: Doc, i: int) -> bool:
    """The words ending at `i` are a capitalised rank in the genitive («Героя Советского Союза», «Героя России»),
    right after «имени» / «им.»."""
    k = i
    while k >= 0 and i - k < _EPONYM_RANK_WORDS and doc[k].is_alpha and "Gen" in doc[k].morph.get("Case"):
        if fold(doc[k].text) in _TITLED_RANKS and doc[k].is_title:
            before = k - 2 if k >= 2 and doc[k - 1].text == "." else k - 1
            return before >= 0 and fold(doc[before].text) in ("имени", "им") and not _naming(doc, before)
        k -= 1
    return False


def _post_in_apposition(name: Token, head: Token) -> bool:
    """The name's head is a post, or the body after a post the name agrees with in case: «хирургу … больницы
    Анатолию Петровичу» (the parser hangs the name on the body)."""
    if is_position_head(head):
        return True
    if head.pos_ == "NOUN" and head.is_lower and head.morph.get("Animacy") == ["Anim"]:
        return True  # «студентка … института Огулджерен Байрамова»: a person's noun, not a post, names her too
    post = head.head
    case = name.morph.get("Case")
    return (
        head.dep_ == "nmod"
        and post.i < head.i
        and is_position_head(post)
        and bool(case)
        and case != ["Gen"]
        and case == post.morph.get("Case")
    )


_BODY_REACH = 2  # words from a place's adjective to its body's noun: «Самаркандекского айыл окмоту»


def _adjective_of_a_body(token: Token) -> bool:
    """«бухгалтер Самаркандекского айыл окмоту»: a place's adjective (-ский, -цкий) with a body's noun in the
    lower-case words right after it names the body, whatever case the tagger gave it; no surname ends so there."""
    if not _REGION_ADJECTIVE.fullmatch(token.text):
        return False
    bodies = lexicons.load("loc_org_nouns")
    for after in token.doc[token.i + 1 : token.i + 1 + _BODY_REACH]:
        if not (after.is_lower and after.is_alpha):
            return False
        if fold(after.text) in bodies or fold(after.lemma_) in bodies:
            return True
    return False


def _is_modifier(ent: Span) -> bool:
    """One adjective before a capitalised word is part of a title, not a name: «Межстранового Совета»."""
    if len(ent) != 1 or ent.end >= len(ent.doc):
        return False
    head = ent.root.head
    if ent.root.dep_ == "amod" and head.i > ent.start and head.pos_ == "NOUN" and head.is_lower:
        return True  # «Кобринского районного отдела»: a place's adjective before a common noun
    if place_adjective(ent[0]) or _adjective_of_a_body(ent[0]):
        return True
    if not ent.doc[ent.end].is_title:
        return False
    return ent.root.dep_ == "amod" or not could_be_name(ent.root.text)


def _is_transliteration(ent: Span) -> bool:
    """«Эстебан Ласо (Esteban Lazo Hernández)»: the original spelling of the name just before it."""
    doc = ent.doc
    if not _latin(ent.text) or ent.start < 2 or doc[ent.start - 1].text != "(":
        return False
    before = doc[ent.start - 2]
    return before.ent_type_ == "PER"


def _latin(text: str) -> bool:
    """Every letter is a Latin one, accents included: «José Lluís Bonet», «Janez Janša»."""
    return any(c.isalpha() for c in text) and all(ord(c) < 0x250 for c in text if c.isalpha())


def _spells_a_name(span: Span) -> bool:
    """Latin words shaped as a first name and a surname, particles between («David Souter», «Christian von
    Boetticher»); not «AMANAT» or «Reuters»."""
    words = [t for t in span if t.text.replace("-", "").isalpha() and len(t.text) > 1]
    names = [t for t in words if t.text[:1].isupper()]
    particles = [t for t in words if t.text.islower() and len(t.text) <= 3]
    return (
        len(names) >= 2
        and len(names) + len(particles) == len(words)
        and _latin(span.text)
        and not any(t.text.isupper() for t in names)
    )


@dataclass(frozen=True)
class _Spelling:
    """The original spelling of a name, given in brackets after it."""

    text: str
    of: TextSpan  # the name it spells


def _spelling(ent: Span) -> _Spelling | None:
    """«Дэвид Саутер (David Souter)», as one entity or two."""
    doc = ent.doc
    if _is_transliteration(ent):
        name = entity_at(doc, ent.start - 2)
        if name is None or not _spells_a_name(ent):
            return None
        return _Spelling(ent.text, TextSpan(name.start_char, name.end_char))
    opening = next((t.i for t in ent if t.text == "("), None)
    if opening is None or opening == ent.start:
        return None
    closing = next((t.i for t in doc[opening + 1 : ent.end + 1] if t.text == ")"), ent.end)
    inner = doc[opening + 1 : closing]
    if not _spells_a_name(inner):
        return None
    return _Spelling(inner.text, TextSpan(ent.start_char, doc[opening].idx))


def _surname_before(ent: Span) -> bool:
    """A surname-first name whose surname the tagger left out: the word before is a capitalised
    surname and the entity is a first name and patronymic, or a first name alone after a surname of the -ов/-ова shape
    («депутат ЖАКСЫБЕКОВА Гульнар», «Сулейманова Зайнабхан»)."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    # «ОМАРОВА Ерлана Сериковича»: a surname in capitals the tagger took for a body's abbreviation.
    ov_form = before.is_alpha and fold(before.text).endswith(_OV_SURNAME_FORMS) and not is_adjective(before.text)
    if len(ent) == 1 and is_first_name(ent[0].text) and ent[0].is_title:
        return ov_form and (before.is_title or before.is_upper) and before.ent_type_ in ("", "LOC", "ORG")
    if len(ent) < 2 or not is_patronymic(ent[-1].text):
        return False
    if ov_form and before.is_upper and before.ent_type_ == "ORG":
        return ent[0].is_title and not is_patronymic(ent[0].text)
    # «Наиле Рашидовне»: a first name the dictionary does not know stands before the patronymic all the same.
    if not is_first_name(ent[0].text) and not (len(ent) == 2 and ent[0].is_title and not is_patronymic(ent[0].text)):
        return False
    return (
        before.is_alpha
        and before.is_title
        and (before.ent_type_ in ("", "LOC") or _closes_a_body(before))
        and looks_like_surname(before.text)
        and not is_adjective(before.text)
    )


def _first_name_and_patronymic(ent: Span) -> bool:
    """«Шавкат Каримович» alone: a title before makes the patronymic a surname, unless a surname stands before."""
    return len(ent) == 2 and is_first_name(ent[0].text) and is_patronymic(ent[1].text)


def _closes_a_body(token: Token) -> bool:
    """«председатель Комитета Раимов Шавкат Каримович»: the tagger ran the surname of a surname-first name into the
    body the title before it names; the body's last word, no word the dictionary knows but as a common one
    («Совета Министров»), is the surname."""
    return (
        token.ent_type_ == "ORG"
        and token.ent_iob_ == "I"
        and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
        and not _is_common_word(token.text)
    )


# An -ов/-ев surname in any of its forms: «ЖАКСЫБЕКОВА», «Ысырайловым», «Мамытовой».
_OV_SURNAME_FORMS = tuple(f"{stem}{end}" for stem in ("ов", "ев", "ёв") for end in ("", "а", "у", "ым", "ой", "е"))


def _is_common_word(word: str) -> bool:
    """pymorphy knows every reading of `word` from its dictionary and none is a name: «Просмотров»,
    «Квартира-тренажёр», «Подруга», «Всемирно». A capital letter at a line's start or in a heading tells
    nothing."""
    parses = loading.parse(word.split("-")[0])
    return bool(parses) and all(
        p.is_known
        and not ({"Surn", "Name", "Patr"} & p.tag.grammemes)
        and p.tag.POS in ("NOUN", "ADJF", "PRTF", "ADJS", "ADVB")
        for p in parses
    )


# Parts of speech no name has: a lone capitalised adjective, adverb or particle names a title's word
# («Кембриджский», «Римский»), or opens a heading («Впоследствии», «Вот»).
_NEVER_NAMES = ("ADJF", "ADJS", "PRTF", "PRTS", "ADVB", "CONJ", "PRCL", "PRED", "NPRO", "INTJ", "COMP", "INFN", "VERB")


def _is_no_name_word(word: str) -> bool:
    """A lone word that names no one wherever it stands: a title («Папа», «Патриарх») or a word pymorphy's
    dictionary knows only as a part of speech no name has."""
    honorifics = lexicons.load("person_honorifics")
    parses = loading.parse(word)
    if word in honorifics or any(p.normal_form in honorifics and p.tag.POS == "NOUN" for p in parses if p.is_known):
        return True
    return bool(parses) and all(
        p.is_known and p.tag.POS in _NEVER_NAMES and not ({"Surn", "Name", "Patr"} & p.tag.grammemes) for p in parses
    )


def _capital_tells_nothing(token: Token) -> bool:
    """The word opens a sentence, a line, a bracket or a breadcrumb's step: «(Аплодисменты)»,
    «| Просмотров: 54»."""
    doc = token.doc
    if token.i == 0 or token.is_sent_start:
        return True
    before = doc[token.i - 1]
    return (before.is_space and "\n" in before.text) or before.text in ("(", "|", "»", "/", "•")


def _cut_off(token: Token) -> bool:
    """A stub of a word the text ends on, no full stop after it: «Гулира Ка». Only a stub too short to be
    a surname is taken as cut; a longer last word may be the name a signature ends with."""
    doc = token.doc
    # «Адиль Ба-»: a word broken for a line that never came ends the text with its hyphen.
    rest = doc[token.i + 1 :]
    return len(token.text) <= 2 and token.is_alpha and all(t.is_space or t.text in ("-", "‐") for t in rest)


def _broken_off(token: Token) -> bool:
    """«… на Амударье и Сыр-»: the text ends on a word broken for a line that never came; the stub is no name."""
    rest = token.doc[token.i + 1 :]
    return len(rest) > 0 and rest[0].text in ("-", "‐") and all(t.is_space or t.text in ("-", "‐") for t in rest)


_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_DATELINE = re.compile(rf"\s*,\s*\d{{1,2}}\s+(?:{_MONTHS})\b", re.IGNORECASE)


def _dateline_place(token: Token) -> bool:
    """«Бохтар, 25 января 2025 г. – Вчера …»: a report's dateline opens a line with the place, a comma and a date
    (a sentence that opens on a name and a date, «Иванов, 3 мая, сообщил», is mid-line)."""
    doc = token.doc
    line_start = token.i == 0 or (doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text)
    return line_start and bool(_DATELINE.match(doc_text(doc), token.idx + len(token.text)))


# «Вадул луй Исак», «Штефан чел Маре»: Romanian «of» and «the» join a village's or a street's name (a person's epithet
# named so is a street's name in these texts).
_ROMANIAN_JOINERS = frozenset({"луй", "чел"})


def _romanian_compound(ent: Span) -> bool:
    doc = ent.doc
    inside = any(t.text in _ROMANIAN_JOINERS for t in ent)
    before = ent.start > 0 and doc[ent.start - 1].text in _ROMANIAN_JOINERS
    after = ent.end < len(doc) and doc[ent.end].text in _ROMANIAN_JOINERS
    return inside or before or after


# Letters of Kazakh, Uzbek and Tajik Cyrillic that Belarusian has not: a word with one is a Central Asian name
# («Нұрлан Өмірбеков», «Ғайрат Тўхтаев»), however Belarusian its «і» or «ў» looks.
_CENTRAL_ASIAN_LETTERS = frozenset("әғқңөұүһҳҷӯӣҗ")
_VOWELS = frozenset("аеёиоуыэюяі")


def _belarusian_word(text: str) -> bool:
    """«Галоўная», «Навіны», «Слуцкі»: a word of Belarusian (or Ukrainian «і»), which Russian spelling has no use
    for. Belarusian «ў» follows a vowel («Праглядаў»); Uzbek «ў» is a vowel of its own, after a consonant or
    first («Тўхтаев», «Ўлмас»), and such a word is a name."""
    lower = text.lower()
    if _CENTRAL_ASIAN_LETTERS & set(lower):
        return False
    if "і" in lower:
        return True
    return any(c == "ў" and i and lower[i - 1] in _VOWELS for i, c in enumerate(lower))


# «с. Кара-Талаа», «пос. Нариманабад», «г.Андауйаласа», «аг. Бабичи»: the abbreviated kind of a settlement before its
# name.
_SETTLEMENT_ABBREVIATIONS = frozenset({"с", "пос", "п", "пгт", "д", "дер", "г", "ст", "х", "аул", "аг"})
# A settlement's abbreviation in lower case, its full stop and a name: «п. Индерборский», «с. Ключи»; not a year's
# «г.» («12 марта 2025 г. Иванов открыл …»).
_SETTLEMENT_NAMED = re.compile(
    r"(?<![\w.])(?<!\d[ \t])(?:"
    + "|".join(sorted(_SETTLEMENT_ABBREVIATIONS - {"аул"}))
    + r")\.[ \t]?(?P<name>[А-ЯЁ][а-яё]+)(?![\w-])"
)


def _after_settlement_abbreviation(token: Token) -> bool:
    doc = token.doc
    i = token.i - 1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    elif i >= 0 and doc[i].text.endswith("."):
        return doc[i].text[:-1] in _SETTLEMENT_ABBREVIATIONS
    else:
        return False
    return i >= 0 and doc[i].text in _SETTLEMENT_ABBREVIATIONS


# «Источник: Кабар», «Источник — Kazinform»: a news agency credited under the text, not a person.
_SOURCE_LABEL = "источник"
# The labels of a picture's credit line («Фото: …», «Видео: …»).
_CREDIT_LABELS = frozenset({"фото", "видео", "фотография", "иллюстрация"})
# A dateline's date and the dash before its agency: «УЗГЕН, 17 апреля – Кабар.», «ОШ, 12.03.2025 — Кабар»; or
# the agency between slashes: «ЦАХКАДЗОР, 16 октября. /Арменпресс/.».
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[^\n,]{2,40},[ \t]*(?:\d{1,2}[ \t]+[а-яё]+|\d{1,2}\.\d{1,2}(?:\.\d{2,4})?)(?:[ \t]+\d{4})?"
    r"(?:[ \t]*(?:г\.|года))?[ \t]*(?:[–—-]|\.?[ \t]*/)[ \t]*$"
)
_DATELINE_REACH = 80


def _route_end(token: Token) -> bool:
    """«дороги Берд – Чинари»: a word at either end of a route's two names after its noun (`loc_route_nouns.txt`)
    is a settlement."""
    doc, routes = token.doc, lexicons.load("loc_route_nouns")
    for first in (token.i, token.i - 2):
        if first < 1 or first + 2 >= len(doc) or doc[first + 1].text not in DASHES:
            continue
        noun = doc[first - 1]
        if noun.is_lower and (fold(noun.lemma_) in routes or fold(noun.text) in routes):
            return doc[first].is_title and doc[first + 2].is_title
    return False


def _before_its_noun_phrase(token: Token) -> bool:
    """«аппаратом Дашогузского велаятского Халк Маслахаты»: a place's adjective (-ский, -цкий) with a lower-case
    adjective of the same case after it opens a body's or a region's name; a surname has no adjective after it."""
    doc = token.doc
    if not _REGION_ADJECTIVE.fullmatch(token.text) or token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    if not after.is_lower or not after.is_alpha:
        return False
    # By the dictionary, not the tagger, which takes a rare adjective («велаятского») for a noun; a participle
    # («Петровский, избранный …») is no part of a name's phrase either, but no comma stands between here.
    own = {p.tag.case for p in loading.parse(token.lower_) if p.tag.POS == "ADJF"}
    return any(p.tag.POS == "ADJF" and p.tag.case in own for p in loading.parse(after.lower_))


_LISTED_PLACES = 8  # place adjectives a list of regions runs to before its noun


def _opens_place_adjectives(token: Token) -> bool:
    """«главы айыл окмоту Сокулукского, Аламудунского и Жайылского районов»: a place's adjective that opens a list of
    them, the region noun after the last, names a region (the locations stage lists each), not a person."""
    doc = token.doc
    if not _REGION_ADJECTIVE.fullmatch(token.text):
        return False
    i = token.i + 1
    for _ in range(_LISTED_PLACES):
        if i + 1 >= len(doc) or doc[i].text not in (",", "и") or not _REGION_ADJECTIVE.fullmatch(doc[i + 1].text):
            break
        i += 2
    if i == token.i + 1 or i >= len(doc):
        return False  # no list
    noun = doc[i + 1] if doc[i].is_lower and doc[i].pos_ == "ADJ" and i + 1 < len(doc) else doc[i]
    kinds = lexicons.load("loc_region_nouns")
    return noun.is_lower and (fold(noun.lemma_) in kinds or fold(noun.text) in kinds)


def _credited_source(token: Token) -> bool:
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i >= 0 and i < token.i - 1 and fold(doc[i].text) == _SOURCE_LABEL:
        return True
    # «Фото: Арменпресс / Нарек Алексанян»: a credit's one word before the slash is the agency, the author after it.
    return (
        i >= 0
        and i == token.i - 2
        and doc[token.i - 1].text == ":"
        and fold(doc[i].text) in _CREDIT_LABELS
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == "/"
    )


def _after_settlement_noun(token: Token) -> bool:
    """«в махалле Навбахор», «джамоат Чоркух», «в кишлаке Варзоб»: a lone capitalized word right after a settlement's
    kind names the settlement, unless it has a surname's shape («глава села Петров»; a full name after one is two
    words at least: «махалли Илхом Юлдашев»). A word the dictionary reads in the plural alone is a family's name, which
    settlements take: «в агрогородке Бабичи». A surname's shape is a settlement's too where no post heads the kind: «в
    школе агрогородка Ясень»."""
    if token.i == 0:
        return False
    surname_shaped = looks_like_surname(token.text) and not _plural_only(token.lower_)
    doc = token.doc
    # «сёла Баганис, Воскепар и Кохб», «в джамоатах Фондарё и Анзоб»: a later name of a list of one-word names
    # after the kind is a settlement as the first one is.
    at = token.i
    for _ in range(_SETTLEMENT_LIST_REACH):
        if at < 2 or doc[at - 1].text not in (",", "и") or not doc[at - 2].is_title:
            break
        at -= 2
    if at == 0:
        return False
    before = doc[at - 1]
    if not is_settlement_kind_written_out(before):
        return False
    # A surname's shape is a person's after a kind that hangs off a post («глава села Петров»), not after a kind in
    # the plural, one a place's preposition governs or one no post heads: «в агрогородках Лапичи и Дричин», «в
    # агрогородке Татарка», «в школе агрогородка Ясень».
    return not surname_shaped or _kind_of_no_post(before)


def _kind_of_no_post(kind: Token) -> bool:
    """A settlement's kind in the plural, governed by a place's preposition, or with no post before it: what names
    it is the settlement, not the holder of a post («глава села Петров»)."""
    doc = kind.doc
    return (
        kind.morph.get("Number") == ["Plur"]
        or _after_place_preposition(kind)
        or not any(is_position_head(t) for t in doc[max(0, kind.i - _SETTLEMENT_POST_REACH) : kind.i])
    )


def _two_word_settlement(ent: Span) -> bool:
    """«в джамоате Гули Сурх», «в сёлах Слобозия Маре и …»: two capitalized words right after a settlement's kind that
    a place's preposition governs, or in the plural, name the settlement (Tajik and Moldovan names run to two words).
    A kind in another case is often a post's or a body's complement, and a full name follows it («начальник отдела
    акимата города Данияр Ахметжанов», «поблагодарила примара села Петру Чебана»); a second word with a surname's
    ending is a person's after any kind («помощник хокима … в махалле Жасур Норов рассказал»)."""
    doc = ent.doc
    if ent.start == 0 or is_patronymic(ent[1].text) or fold(ent[1].text).endswith(SURNAME_ENDINGS):
        return False
    before = doc[ent.start - 1]
    return is_settlement_kind_written_out(before) and (
        before.morph.get("Number") == ["Plur"] or _after_place_preposition(before)
    )


_SETTLEMENT_POST_REACH = 3  # words back from a settlement's kind to a post that heads it: «глава сельского округа»


def _after_place_preposition(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ in lexicons.load("loc_place_prepositions")


_SETTLEMENT_LIST_REACH = 8  # names of a list back from a settlement's name to its kind


@lru_cache(maxsize=20_000)
def _plural_only(word: str) -> bool:
    parses = [p for p in loading.parse(word) if p.is_known]
    return bool(parses) and all(p.tag.number == "plur" for p in parses)


_KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# «айт» (Kazakh, Kyrgyz), «хайит» (Uzbek), «байрам» (Turkic): «feast», after its name (Курбан, Ораза, Рамазан), in
# any case form; no surname of these texts is one of them.
_FEAST_WORD = re.compile(r"(?:айт|хайит|хаит|байрам)(?:а|у|ом|е|ы)?$")


def _kazakh_phrase(token: Token) -> bool:
    """«Маңғыстау облыстық мәслихаты»: a word of a Kazakh phrase (a site's menu, a body's Kazakh name), told by the
    Kazakh letters of the lower-case word next to it; a Russian text names its people in Russian letters."""
    doc = token.doc
    if not _KAZAKH_LETTERS & set(token.text):
        return False
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.is_lower and _KAZAKH_LETTERS & set(t.text) for t in neighbours)


_CONTRACTION = re.compile(r"Мин[а-яё]{3,}")


def _ministry_contraction(word: str) -> bool:
    """«Минсемтруд», «Минздрав», «Минобрнауки»: «Мин» and a field run together name a ministry; a surname that
    starts so («Минин», «Минаев») is one the dictionary or the surname endings know."""
    return bool(_CONTRACTION.fullmatch(word)) and not looks_like_surname(word) and not is_first_name(word)


def _names_a_place(word: str) -> bool:
    """pymorphy's dictionary knows the word as a place or a body and never as a name: «Алабама», «Нева»,
    «Гоминьдан». A surname that is a town's name too (Чехов) has its surname reading."""
    known = [p for p in loading.parse(word) if p.is_known]
    return (
        bool(known)
        and any({"Geox", "Orgn"} & p.tag.grammemes for p in known)
        and not any({"Surn", "Name", "Patr"} & p.tag.grammemes for p in known)
        and word not in lexicons.load("east_asian_surnames")
    )


@cache
def _head_titles() -> frozenset[str]:
    """Titles of the heads of places and bodies (`membership_heads.txt`: аким, хоким, мэр, торага …)."""
    return frozenset(fold(entry.split("|")[0].strip()) for entry in lexicons.load("membership_heads"))


def _body_word(word: str) -> bool:
    """«Маслихата», «Кенгаша»: a body's kind in an oblique case the tagger left as written (pymorphy guesses it)."""
    bodies = lexicons.load("org_heads")
    # (Singular only: «Советов», «Банков» are surnames as well as plurals.)
    return word[:1].isupper() and any(
        fold(p.normal_form) in bodies and p.tag.number != "plur" for p in loading.parse(fold(word))
    )


def _adjective_next(words: list[Token]) -> bool:
    # «Саятского», «Мургапский»: the place's adjective, in any case.
    return re.search(r"(ский|ского|скому|ским|ском|цкий|цкого|цкому|цким|цком)$", words[1].text) is not None


_MEDIUM_MIN = 6  # letters of a medium's name that are long enough to tell it by its stem («фейсбук», «викиновости»)


@cache
def _media() -> tuple[str, ...]:
    return tuple(name for name in lexicons.load("org_media") if " " not in name and len(name) >= _MEDIUM_MIN)


def _names_a_medium(word: str) -> bool:
    """«сообщили Викиновости», «рассказал Викиновостям», «в Фейсбуке»: a web medium's name (`org_media.txt`) in any
    of its case forms, which the tagger takes for a surname where it stands as a source."""
    return any(word.startswith(name[:-1]) and len(word) - len(name) <= 2 for name in _media())


# Steps of a site's breadcrumb: no name runs across one.
_BREADCRUMB_STEPS = frozenset({"›", "→", ">"})
# Steps written as a slash or a closing guillemet standing apart, which a credit line («Фото: пресс-служба / Иван
# Петров») and a quote do not: «Главная » Регионы » Квемо Картли», «Аршалы ауданы әкімдігі / Жаңалықтар».
_SPACED_STEP = re.compile(r"[ \t](?:/|»)[ \t]")
_BREADCRUMB_WORDS = 12  # a trail is a few rubrics; a longer line is text
_BREADCRUMB_REACH = 200  # how far from a word its line's ends are looked for: a trail is short


def _in_breadcrumb_line(token: Token) -> bool:
    """The word stands on a line of a site's breadcrumb trail: rubrics parted by spaced slashes or guillemets, with
    no label (a credit's «Фото:», an author's «Автор:») and no sentence's end in it; a report names no one there."""
    text = doc_text(token.doc)
    start = text.rfind("\n", max(0, token.idx - _BREADCRUMB_REACH), token.idx) + 1
    end = text.find("\n", token.idx, token.idx + _BREADCRUMB_REACH)
    if (start == 0 and token.idx > _BREADCRUMB_REACH) or (end < 0 and len(text) > token.idx + _BREADCRUMB_REACH):
        return False  # a line longer than a trail
    line = text[start : end if end >= 0 else len(text)].strip()
    if not _SPACED_STEP.search(line) or ":" in line or line.endswith((".", "!", "?")):
        return False
    return len(line.split()) <= _BREADCRUMB_WORDS


# An age or a span of years in one word, numeral and «-летний» run together: no name ends so.
_AGE_WORD = re.compile(r"летн(?:ий|яя|ее|его|ей|ему|им|юю|ие|их|ими|ем)$")


def _not_a_name(ent: Span, named: frozenset[str], elsewhere: frozenset[str] = frozenset()) -> bool:
    """A lone capitalised word that is no one: page furniture, a stage direction, a common noun, the
    name of a body («Маслихат», «Маджлиси Оли»), a word cut off at the end of the text, a place or a
    body the text names as such elsewhere (`elsewhere`: stems of one-word places and bodies)."""
    not_names, bodies = lexicons.load("person_not_names"), lexicons.load("org_heads")
    if any(t.text in _BREADCRUMB_STEPS for t in ent):
        return True  # «Басты бет › Жаңалықтар › Мәслихат сессиясы»: a site's breadcrumb, its steps run together
    doc = ent.doc
    if any(0 <= i < len(doc) and doc[i].text in _BREADCRUMB_STEPS for i in (ent.start - 1, ent.end)):
        return True  # «Басты бет › Мәслихат › Жаңалықтар»: one step of it
    if _in_breadcrumb_line(ent[0]):
        return True  # «Галоўная / Навіны / Раённы Савет дэпутатаў»: so is a step of a trail parted by slashes
    words = [t for t in ent if any(c.isalpha() for c in t.text)]
    if _romanian_compound(ent):
        return True
    if any(_belarusian_word(t.text) for t in words):
        return True  # «Галоўная › Навіны», «Слуцкі раённы …»: a Belarusian site's menu; a Russian text spells names so

    if words and all(fold(t.text) in not_names or fold(t.lemma_) in bodies or _body_word(t.text) for t in words):
        return True
    if len(words) == 2 and _FEAST_WORD.match(fold(words[1].text)):
        return True  # «в связи с празднованием Курбан Айта», «Рамазан хайит»: a feast, though its first word is a name
    # «Генгеш Саятского этрапа», «Хякимлик Саятского этрапа»: a local body's kind, then its place's adjective, which
    # the NER reads as a first name and a surname; no name starts with the kind of a council or an executive.
    local = lexicons.load("org_local_bodies")
    if len(words) >= 2 and (fold(words[0].lemma_) in local or fold(words[0].text) in local) and _adjective_next(words):
        return True
    if len(words) == 2 and len(ent) == 2 and _two_word_settlement(ent):
        return True
    if len(ent) != 1:
        return False
    token, doc = ent[0], ent.doc
    word = fold(token.text)
    if word not in named and _capital_tells_nothing(token) and _is_common_word(word):
        return True
    if _cut_off(token) or _broken_off(token) or _dateline_place(token) or _kazakh_phrase(token):
        return True
    if _AGE_WORD.search(word):
        return True  # «Семидесятишестилетний президент УЕФА»: an age the dictionary lacks for its numeral's length
    if _after_settlement_abbreviation(token) or _after_settlement_noun(token) or _credited_source(token):
        return True
    if _before_its_noun_phrase(token) or _route_end(token) or _opens_place_adjectives(token):
        return True
    if _site_label(token):
        return True  # «Көрүүлөр: 318», «Бөлүшүү: Facebook | Telegram»: a site's view counter or share buttons
    if token.idx > 0 and doc_text(doc)[token.idx - 1] == "#":
        return True  # «#МиллиМеджлис #аграрнаяполитика» under a post: a label it is filed under, no one named
    if in_tag_line(doc_text(doc), token.idx):
        return True  # «Теги: сельсовет, сессия, Вороновщина»: so is a tag line's
    if _DATELINE_BEFORE.search(doc_text(doc), max(0, token.idx - _DATELINE_REACH), token.idx):
        return True  # «УЗГЕН, 17 апреля – Кабар.»: the agency a dateline credits
    if word not in named and _listed_with_places(token):
        return True
    if word not in named and _ministry_contraction(token.text):
        return True
    if word not in named and _names_a_medium(word):
        return True
    if word not in named and (_names_a_place(word) or _name_stem(word) in elsewhere or _is_no_name_word(word)):
        return True
    if word not in named and city_of(token.text) is not None and not looks_like_surname(token.text):
        return True  # «А почему Вулканешты опять не получают …»: a listed town (`loc_cities`), in any case, alone
    if word not in named and (word in _head_titles() or fold(token.lemma_) in _head_titles()):
        return True  # «Хоким поручил решить вопрос»: the head of the place named by the title alone
    if word not in named and is_position_head(token) and not (looks_like_surname(token.text) or is_first_name(word)):
        return True  # «концепция, утвержденная Президентом»: a post capitalized for respect names no one
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    body = any(t.is_title and (fold(t.lemma_) in bodies or fold(t.text) in not_names) for t in neighbours)
    return body and not looks_like_surname(token.text) and not is_first_name(token.text)


_LABEL_REACH = 80  # characters of the line after a label's colon read: bounded, so a text without newlines stays linear


def _site_label(token: Token) -> bool:
    """A word with a colon and a value after it and no Cyrillic word beside it on its line: a site's label in the
    state language («Көрүүлөр: 318» views, «22.10.2026 / 15:30 | Көрүүлөр: 318», «Бөлүшүү: Facebook | Telegram»
    share), no one's name (a name before a colon opens what the person said, in words)."""
    text = doc_text(token.doc)
    start, end = token.idx, token.idx + len(token.text)
    if end >= len(text) or text[end] != ":":
        return False
    opens = text.rfind("\n", max(0, start - _LABEL_REACH), start) + 1
    stop = text.find("\n", end, end + _LABEL_REACH)
    if (start > _LABEL_REACH and opens == 0) or stop < 0:
        return False
    # A label's value stands on its line («: 318»); a name alone on its line before a colon is a transcript's speaker,
    # the speech on the lines after it («Кадыров:\nУважаемые коллеги …»).
    if not text[end + 1 : stop].strip():
        return False
    return not CYRILLIC_LETTER.search(text, opens, start) and not CYRILLIC_LETTER.search(text, end + 1, stop)


def _listed_with_places(token: Token) -> bool:
    """«на рынках Гянджи, Сумгайыта и Ширвана»: a lone word the parser joins to a list of two places or more the
    tagger found is the list's last place, not a person (a word of a surname's shape may be a person's)."""
    head = token.head
    if token.dep_ != "conj" or head.i >= token.i or head.ent_type_ != "LOC" or looks_like_surname(token.text):
        return False
    return any(c.dep_ == "conj" and c.i != token.i and c.ent_type_ == "LOC" for c in head.children)


def _opens_with_common_noun(ent: Span) -> bool:
    """A sentence opens on a common noun the tagger took into the name: «Племянник Усманова», «Прислуга
    Макафи», «Израильтянка Яффа Иссахар», «Лозунг Фисуна». Only at a sentence's start, where the capital
    tells nothing, and only a word the dictionary knows as a noun and never as a name or a place."""
    if len(ent) < 2 or not ent[1].is_title or not _capital_tells_nothing(ent[0]):
        return False
    word = ent[0].text
    if is_first_name(word) or not word.replace("-", "").isalpha():
        return False
    # A surname that is a common noun too (Мельник, Бондарь) opens a list's «Мельник Г.П.» or «Бондарь
    # Светлана Ивановна»: the rest must hold a word that is no initial, first name or patronymic.
    rest = [t for t in ent[1:] if t.is_alpha and len(t.text) > 1]
    if not any(not is_first_name(t.text) and not is_patronymic(t.text) for t in rest):
        return False
    # «Экс-советник Трампа», «Пресс-агент Гибсона»: a compound's last part is the noun the dictionary knows.
    parses = loading.parse(fold(word)) if "-" not in word else loading.parse(fold(word.rsplit("-", 1)[1]))
    return bool(parses) and all(
        p.is_known and p.tag.POS == "NOUN" and not ({"Surn", "Name", "Patr", "Geox", "Orgn", "Abbr"} & p.tag.grammemes)
        for p in parses
    )


def _only_a_title(parts: NameParts) -> bool:
    """A surname alone that the dictionary knows only as an adjective or a title: what a title left of a name."""
    return not (parts.first_name or parts.initials or parts.patronymic or parts.regnal) and _is_no_name_word(
        parts.surname
    )


def _first_name_at(ent: Span) -> int:
    """Where the first name the tagger left out before a span stands: the word before it, or the word before a line
    break a wrapped paragraph ran into the name («Председатель … ВКО Серик\nКабдешевич Бейсембаев»)."""
    doc = ent.doc
    at = ent.start - 1
    if at > 0 and doc[at].is_space and doc[at].text.count("\n") == 1:
        at -= 1
    return at


def _first_name_before(ent: Span) -> bool:
    if ent.start == 0 or len(ent) < 2 or not is_patronymic(ent[0].text):
        return False
    before = ent.doc[_first_name_at(ent)]
    # («председатель улусного Совета Туйаара Гаврильевна …»: the tagger may end a body's name on the first name, or
    # take a first name that spells a word for a body of one word: «председатель комитета Сардана Егоровна …».)
    glued = before.ent_type_ == "ORG" and (before.ent_iob_ == "I" or _one_word_entity(before))
    # («… ВКО Серик\nКабдешевич Бейсембаев»: or split the name in two at a line break.)
    glued = glued or (before.ent_type_ == "PER" and _one_word_entity(before))
    if not (before.is_alpha and before.is_title and (before.ent_type_ in ("", "LOC") or glued)):
        return False
    # «Бахтиёра Курбановича Матякубова»: a first name the dictionary does not know, before a patronymic, is one all
    # the same unless it is a word or a place the dictionary knows. Inside a sentence, before a patronymic and a
    # surname, a capitalised word is a first name even where it spells a word («… депутатов Бата Очирович Санджиев»).
    word = fold(before.text)
    mid_sentence = not before.is_sent_start and not is_patronymic(ent[1].text)
    return is_first_name(before.text) or not (
        is_patronymic(before.text)
        or _names_a_place(word)
        or (not mid_sentence and any(p.is_known and "Name" not in p.tag for p in loading.parse(word)))
    )


def _one_word_entity(token: Token) -> bool:
    """The tagger's entity is this word alone."""
    doc = token.doc
    return token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


def _first_name_taken_for_a_place(ent: Span) -> bool:
    """A lone -ов/-ин surname right after a capitalised first name that the tagger read as a place («Дания Еспаева»),
    with no preposition before it that would make it a place («из Дании»)."""
    if len(ent) != 1 or ent.start == 0 or not _ov_surname(ent[0].text):
        return False
    doc, before = ent.doc, ent.doc[ent.start - 1]
    if not (before.is_alpha and before.is_title and before.ent_type_ == "LOC" and is_first_name(before.text)):
        return False
    return ent.start < 2 or doc[ent.start - 2].pos_ != "ADP"


def _nominative_head(token: Token) -> bool:
    """The title's head is a nominative: the tagger says so, or the word has no other form («заведующая»,
    «исполняющая», which the tagger may read as an instrumental). Not a word the dictionary knows in oblique
    cases only, whatever the tagger read: «отцами-основателями США Сэмюэлем Адамсом» is an instrumental."""
    parses = loading.parse(fold(token.text))
    if "Nom" in token.morph.get("Case"):
        return not (parses and all(p.is_known and p.tag.case not in (None, "nomn") for p in parses))
    return bool(parses) and all(p.is_known and p.tag.case == "nomn" for p in parses)


def _after_nominative_title(ent: Span) -> bool:
    title = title_before(ent.doc, ent.start)
    if title is None or not _nominative_head(title_head(title)):
        return False
    # «Критик таджикского лидера Эмомали Рахмона»: the name stands in apposition to the post right before it,
    # in that post's oblique case, not to the title's nominative head.
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return not (
        before is not None
        and before.i != title_head(title).i
        and is_position_head(before)
        and before.morph.get("Case")
        and "Nom" not in before.morph.get("Case")
    )


_LIST_REACH = 40  # tokens back from a name to the dash that opens its list
_POST_BEFORE_DASH = 8  # tokens before the dash where the list's post stands


def _listed_after_post(ent: Span) -> bool:
    """«Выступили начальники отделов администрации района – Г. Малофеева (…), М. Малеева (…)»: names listed after a
    dash that follows a post in the nominative are nominatives, each in apposition to it."""
    doc, depth, i = ent.doc, 0, ent.start - 1
    while i >= 0 and ent.start - i <= _LIST_REACH:
        token = doc[i]
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif depth == 0:
            if token.text in DASHES:
                break
            if not (token.text in (",", "и", ".") or token.ent_type_ == "PER"):
                return False
        i -= 1
    if i < 0 or doc[i].text not in DASHES:
        return False
    return any(is_position_head(t) and "Nom" in t.morph.get("Case") for t in doc[max(0, i - _POST_BEFORE_DASH) : i])


_ABOUT = lexicons.load("about_prepositions")


def _reports_after_dash(ent: Span) -> bool:
    """«Мяхри Чарыева – о нехватке механизаторов»: a speaker listed with the subject of the report after a dash is
    the list's subject, in the nominative (the genre's «<Фамилия> — о <теме>»). Not a name whose patronymic is in an
    oblique case: «СЛУШАЛИ: Говора Олега Константиновича – о работе котельных» names whom they heard."""
    doc, at = ent.doc, ent.end
    if any(OBLIQUE_PATRONYMIC.search(t.lower_) for t in ent):
        return False
    return at + 1 < len(doc) and doc[at].text in DASHES and doc[at + 1].lower_ in _ABOUT


# A woman's -ова/-ина surname in a form a man's genitive or accusative shares, or in an oblique case of hers.
_GENDER_AMBIGUOUS_FORMS = ("ова", "ева", "ёва", "ина", "ына", "ову", "еву", "ёву", "ину", "ыну")
# The nominatives of such surnames, a man's and a woman's.
_OV_IN_NOMINATIVES = ("ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына")


def _title_gender(ent: Span) -> str | None:
    """«исполняющая обязанности акима района А. Ибраева», «председательница комиссии Г. Жумабаева»: a title opening
    with a participle or a noun in the feminine alone («временно» before it) tells a woman. A masculine one tells
    nothing: it is said of women too, as «депутат» is. Looked for only where the surname's form leaves the gender
    open."""
    if not any(fold(t.text).endswith(_GENDER_AMBIGUOUS_FORMS) for t in ent):
        return None
    title = title_before(ent.doc, ent.start)
    if title is None:
        return None
    word = next((t for t in title if not (t.is_lower and fold(t.text) in _TITLE_ADVERBS)), None)
    return "Fem" if word is not None and _feminine_post_word(fold(word.text)) else None


_TITLE_ADVERBS = frozenset({"временно", "и.о", "вр"})


@lru_cache(maxsize=5_000)
def _feminine_post_word(word: str) -> bool:
    parses = [p for p in loading.parse(word) if p.is_known]
    return bool(parses) and all(
        p.tag.POS in ("PRTF", "NOUN")
        and p.tag.gender == "femn"
        and p.tag.number == "sing"
        and (p.tag.POS == "PRTF" or p.tag.animacy == "anim")
        for p in parses
    )


def _adjacent(last: Span, ent: Span) -> bool:
    """Two spans side by side, or across one line break: a newspaper's narrow column wraps a name («депутат Фарход
    / Раҳимов»), and the tagger ends a span at the break."""
    if last.end == ent.start:
        return True
    gap = last.doc[last.end]
    return last.end + 1 == ent.start and gap.is_space and gap.text.count("\n") == 1


def _joined_halves(names: list[Span]) -> list[Span]:
    """«Гулиза | Токтосуновна Бейшеналиева», «Айдар Ринатович | Сабитов»: one name the tagger cut in two adjacent
    spans, at the patronymic (a first name, then a patronymic opening the next span; a first name and patronymic,
    then one more word)."""
    joined: list[Span] = []
    for ent in names:
        last = joined[-1] if joined else None
        if last is not None and _adjacent(last, ent) and len(last) + len(ent) <= 4:
            halves = (
                (is_first_name(last[-1].text) and is_patronymic(ent[0].text) and not is_patronymic(last[-1].text))
                or (
                    # «Фризен | Андрей Генрихович»: a surname the tagger cut off before the first name and patronymic.
                    len(last) == 1
                    and len(ent) == 2
                    and last[0].is_title
                    and last[0].is_alpha
                    and is_first_name(ent[0].text)
                    and is_patronymic(ent[1].text)
                    and not is_first_name(last[0].text)
                    and not is_position_head(last[0])
                )
                or (
                    len(last) >= 2
                    and is_patronymic(last[-1].text)
                    and is_first_name(last[-2].text)
                    and len(ent) == 1
                    and not is_first_name(ent[0].text)
                )
                or (
                    # «… развития семьи Дилшод | Каримов»: a first name alone, then a surname alone.
                    len(last) == 1
                    and len(ent) == 1
                    and is_first_name(last[0].text)
                    and not looks_like_surname(last[0].text)
                    and looks_like_surname(ent[0].text)
                    and not is_first_name(ent[0].text)
                )
            )
            if halves:
                joined[-1] = ent.doc[last.start : ent.end]
                continue
            if _body_run_into_first_name(last, ent):
                # «депутаты районного Кенгаша Нодира | Султонова»: the body's word the tagger ran into the first name
                # is no part of the name, which goes on with the surname on the next line.
                joined[-1] = ent.doc[last.end - 1 : ent.end]
                continue
            if _surname_run_into(last, ent):
                # «депутата Северного Измайлова | Курочкину Ирину Геннадьевну»: the tagger ran the district's name into
                # the surname; the name is the surname with the first name and patronymic after it.
                joined[-1] = ent.doc[last.end - 1 : ent.end]
                continue
        joined.append(ent)
    return joined


def _past_titles_complements(names: list[Span]) -> list[Span]:
    """«губернатор Квемо Картли | Давит Бурдули»: the first span is the post's complement, no name."""
    return [ent for ent in names if not complement_taken_for_name(ent.doc[ent.start])]


def _body_run_into_first_name(last: Span, ent: Span) -> bool:
    """A body's kind and a first name, then a surname alone."""
    return (
        len(last) == 2
        and len(ent) == 1
        and _body_word(last[0].text)
        and is_first_name(last[1].text)
        and not looks_like_surname(last[1].text)
        and looks_like_surname(ent[0].text)
        and not is_first_name(ent[0].text)
    )


def _surname_run_into(last: Span, ent: Span) -> bool:
    """Two words, then a first name and a patronymic: the second word is the surname, the first belongs to
    something before the name (neither a first name nor a post)."""
    surname, before = last[-1], last[0]
    return (
        len(last) == 2
        and len(ent) == 2
        and surname.is_title
        and surname.is_alpha
        and before.is_alpha
        and is_first_name(ent[0].text)
        and is_patronymic(ent[1].text)
        and not is_first_name(surname.text)
        and not is_first_name(before.text)
        and not is_patronymic(before.text)
        and not is_position_head(surname)
    )


def _with_turkic_patronymics(names: list[Span]) -> list[Span]:
    """«Абдулазиз Назар | угли | Акбаров», «Токтогулова Жыпар Мырзабек | кызы»: the tagger leaves the particle of a
    Turkic patronymic out and cuts the name at it. The particle joins the name when a surname follows it (the
    next span, or a capitalised word), or when two words stand before the father's name (the official order)."""
    joined: list[Span] = []
    skip = -1
    for k, ent in enumerate(names):
        if ent.start < skip:
            continue
        doc, end = ent.doc, ent.end
        if len(ent) >= 3 and ent[1].text in TURKIC_PATRONYMIC_PARTICLES and _first_name_left_out(doc, ent.start):
            ent = doc[ent.start - 1 : end]  # «Тофиг | Аскер оглу Бабаев»: the first name taken for a place
        nxt = names[k + 1] if k + 1 < len(names) else None
        if nxt is not None and nxt.start == end and len(ent) == 2 and nxt[-1].text in TURKIC_PATRONYMIC_PARTICLES:
            joined.append(doc[ent.start : nxt.end])  # «Гусейнова Эльдара | Рамиз оглы»
            skip = nxt.end
            continue
        if end < len(doc) and doc[end].text in TURKIC_PATRONYMIC_PARTICLES and ent[-1].is_title:
            after = doc[end + 1] if end + 1 < len(doc) else None
            surname_after = (
                after is not None
                and after.is_title
                and after.is_alpha
                and ((nxt is not None and nxt.start == after.i) or looks_like_surname(after.text))
            )
            if surname_after and len(ent) == 2:
                stop = nxt.end if nxt is not None and nxt.start == after.i else after.i + 1
                ent, skip = doc[ent.start : stop], stop
            elif len(ent) == 3:
                ent = doc[ent.start : end + 1]
        joined.append(ent)
    return joined


def _first_name_left_out(doc: Doc, start: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    return (
        before is not None
        and before.is_title
        and before.is_alpha
        and (before.ent_type_ == "LOC" or is_first_name(before.text))
        and not is_position_head(before)
    )


_EPONYM_REACH = 6  # words of an eponym («Героя Советского Союза Ивана Кузьмича Семёнова» is the longest kind)


def _name_after_eponym(doc: Doc, mark: Token) -> Span | None:
    """«ректор университета имени Носира Хусрава Зарина Холова», «профессор университета имени аль-Фараби Ескендир
    Оралбаев»: what a body is named after stands in the genitive (or does not decline); a first name and a surname
    in the nominative right after it are the person the title by the body belongs to, though the tagger ran them
    into the body's name or missed them."""
    if mark.i > 0 and fold(doc[mark.i - 1].text) == "по":
        return None  # «американец по имени Бэ Чжун Хо»: the name is the person's own
    i = mark.i + 1
    if i < len(doc) and doc[i].text == ".":
        i += 1
    eponym = 0
    while i + 1 < len(doc) and eponym < _EPONYM_REACH:
        first, last = doc[i], doc[i + 1]
        # «имени императора Петра I Джамбулат Муратбекович Хашагульгов»: a patronymic between them is the name's too.
        size = 3 if i + 2 < len(doc) and is_patronymic(last.text) and not is_patronymic(first.text) else 2
        last = doc[i + size - 1]
        after = doc[i + size] if i + size < len(doc) else None
        if (
            eponym
            and not is_patronymic(first.text)
            and first.is_title
            and last.is_title
            and first.is_alpha
            and last.is_alpha
            # «школы имени Исатая Тайманова Райхан Абилова»: a woman's first name that does not decline has no case
            # the tagger can read (it guessed the accusative); past an eponym of two words it opens the name.
            and (
                (_nominative_first(first) and "Nom" in last.morph.get("Case"))
                or (eponym >= 2 and is_womans_first_name(first.text) and _feminine_nominative(last))
            )
            and (is_first_name(first.text) or looks_like_surname(last.text))
            and (after is None or not after.is_title)
            and all(t.is_title and t.is_alpha for t in doc[i : i + size])
        ):
            return doc[i : i + size]
        if eponym >= 2 and _oblique_name_after_eponym(doc[i : i + size], after):
            return doc[i : i + size]
        if eponym >= 2 and size == 3 and _whole_name_before(doc, i) and _titled_words(doc[i : i + size], after):
            # «школы имени Шокана Уалиханова Алмаса Байжановича Тулеуова»: past an eponym of a first name and a
            # surname, a full name with its patronymic is the person's (in the post's case) — no eponym runs on.
            return doc[i : i + size]
        word = doc[i]
        # The eponym's words: capitalised or particled names, initials, a rank before them («академика»).
        if not (word.text[:1].isupper() or "-" in word.text or word.text == "." or (word.is_lower and eponym == 0)):
            return None
        eponym += 1
        i += 1
    return None


def _nominative_first(first: Token) -> bool:
    return "Nom" in first.morph.get("Case") and "Gen" not in first.morph.get("Case")


def _feminine_nominative(surname: Token) -> bool:
    """A surname the tagger reads as a nominative, or one that reads as a woman's in the nominative («Омарова», which
    is a man's genitive too: after a woman's first name it is hers)."""
    if "Nom" in surname.morph.get("Case"):
        return True
    return any(p.tag.case == "nomn" and p.tag.gender == "femn" and "Surn" in p.tag for p in loading.parse(surname.text))


def _whole_name_before(doc: Doc, i: int) -> bool:
    """The two words before `i` are a first name and a surname: an eponym complete in itself."""
    first, last = doc[i - 2], doc[i - 1]
    return may_be_first_name(first.text) and looks_like_surname(last.text) and first.is_title and last.is_title


def _titled_words(name: Span, after: Token | None) -> bool:
    return all(t.is_title and t.is_alpha for t in name) and (after is None or not after.is_title)


# Endings of a first name's dative, accusative or instrumental that no genitive has (an eponym is a genitive):
# Гулнаре, Дильфузу, Жамиле, Алмасу, Алмасом.
_NOT_GENITIVE_FIRST = ("е", "у", "ю", "ом", "ем", "ой")


def _oblique_name_after_eponym(name: Span, after: Token | None) -> bool:
    """«учителю средней школы имени Токтогула Сатылганова Гулнаре Эшматовой», «директора школы имени Алишера Навои
    Дильфузу Хакимову»: past an eponym of two words at least, a first name in a case no genitive shares, then a
    surname, is the person the post before the body names (in the post's case, which the name's parse reads)."""
    first, last = name[0], name[-1]
    return (
        len(name) >= 2
        and _titled_words(name, after)
        and fold(first.text).endswith(_NOT_GENITIVE_FIRST)
        and (is_first_name(first.text) or may_be_first_name(first.text))
        and looks_like_surname(last.text)
    )


def _names_after_eponyms(doc: Doc, names: list[Span]) -> list[Span]:
    """`names` with the names after eponyms (`_name_after_eponym`), in the text's order: an entity that starts at the
    name is the tagger's own; one that runs the eponym into the name («Носира Хусрава Зарина Холова») gives way."""
    # By the words' strings: a Token for every word cost more than the test.
    extra = [
        span
        for i, text in enumerate(folded_strings(doc, ORTH))
        if text in lexicons.load("eponym_words") and (span := _name_after_eponym(doc, doc[i])) is not None
    ]
    if not extra:
        return names
    kept = list(names)
    for span in extra:
        overlapping = [ent for ent in kept if ent.start < span.end and span.start < ent.end]
        if any(ent.start >= span.start for ent in overlapping):
            continue
        kept = [ent for ent in kept if ent not in overlapping] + [span]
    return sorted(kept, key=lambda span: span.start)


def _name_closing_a_title(doc: Doc, i: int) -> Span | None:
    """«Председатель Верховного Меджлиса Нахчыванской Автономной Республики Эльхан Джафарлы», «под председательством
    председателя Комитета … Маджлиси Оли Республики Таджикистан Гулрухсор Саидовой»: a post, a body's name that ends
    in a capitalised word, then a first name and a surname the tagger missed altogether (it reads the capitalised
    run as one name and gives up). The pair is a name when one of its words is known for its part (a first name,
    or a surname's shape), nothing capitalised runs on after it, and the words before it are a job title that ends
    in its body."""
    if i < 2 or i + 2 > len(doc):
        return None
    before, first, last = doc[i - 1], doc[i], doc[i + 1]
    after = doc[i + 2] if i + 2 < len(doc) else None
    if not (before.is_title and before.is_alpha):
        return None
    if (
        after is not None
        and is_first_name(last.text)
        and is_patronymic(after.text)
        and not is_patronymic(first.text)
        and not is_first_name(first.text)
        and _titled_words(doc[i : i + 3], doc[i + 3] if i + 3 < len(doc) else None)
        and not is_position_head(before)
        and title_before(doc, i) is not None
    ):
        # «заместитель министра … Республики Хакасия Шульга Олег Петрович»: a surname before a first name and its
        # patronymic, the order of a protocol's lists.
        return doc[i : i + 3]
    if not _titled_words(doc[i : i + 2], after):
        return None
    # (A first name before the pair makes it the tail of a longer name: «Анна Мария Петрова» is the tagger's.)
    if is_patronymic(last.text) or may_be_first_name(before.text):
        return None
    if not (is_first_name(first.text) or looks_like_surname(last.text)):
        return None
    # (The word before is the body's, not the post's own noun: «сериал «Доктор Дуги Хаузер»» names a character.)
    if is_position_head(before):
        return None
    return doc[i : i + 2] if title_before(doc, i) is not None else None


def _names_closing_titles(doc: Doc, names: list[Span]) -> list[Span]:
    """`names` with the names after a title's body (`_name_closing_a_title`) where no entity of the tagger's, of
    any kind, covers either word: a pair it read as a place or a body («Республики Марий Эл») stays its reading."""
    covered = {t for ent in entities(doc) for t in range(ent.start, ent.end)} | {
        t for ent in names for t in range(ent.start, ent.end)
    }
    extra = [
        span
        for i, token in enumerate(doc)
        if token.is_title
        and i not in covered
        and i + 1 not in covered
        and (span := _name_closing_a_title(doc, i)) is not None
    ]
    return sorted(names + extra, key=lambda span: span.start) if extra else names


# «Саятского», «Раштской»: a relative adjective made from a place's name.
_REGION_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё-]*[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую)")


def _settlement_named_first(ent: Span, before: Token) -> bool:
    """«хутора Воронцовка Артёма Лысенко», «села Ивановка Петра Сидорова»: a settlement's kind written out in full
    before the span makes its first word the settlement's name, uninflected, where no first name but the next word
    is one (a person named after the kind is «главы села Петра Сидорова», the first word a first name). So after a
    region's kind: «заместитель акима области Улытау Гульмира Абдрахманова», «акима сельского округа Иркол Гульнар
    Тажибаевой» (Kazakh regions and rural districts named by an uninflected word after their kind)."""
    kinds = place_kinds()
    # «Совета Министров Республики Каракалпакстан Бахтияр Ембергенов»: a republic's kind opens its official name with a
    # capital.
    if not (
        len(before) > 3
        and (before.is_lower or (before.is_title and not before.is_sent_start))
        and (fold(before.text) in kinds or fold(before.lemma_) in kinds)
    ):
        return False
    first, second = ent[0].text, ent[1].text
    # «Республики Каракалпакстан Б. Ембергенов»: an initial and a surname after the name are a person's too.
    # (Not «прокурор Полоцкого района Бобрик Д.Н.»: a surname before its initials.)
    initial = (
        len(ent) == 4
        and len(second) == 1
        and second.isupper()
        and ent[2].text == "."
        and len(ent[3]) > 1
        and looks_like_surname(ent[3].text)
    )
    # «села Новая Надежда»: a name opening with an adjective is the settlement's own two words.
    if (
        len(ent) == 3
        and leads_as_surname(first)
        and is_first_name(second)
        and looks_like_surname(ent[2].text)
        and not is_patronymic(ent[2].text)
    ):
        return True  # «образования город Ефремов Кирилл Бабаян»: no name has a surname on either side of a first name
    return (
        (not is_first_name(first) or _two_first_names_and_surname(ent))
        and not leads_as_surname(first)
        and not is_adjective(first)
        and (may_be_first_name(second) or initial)
    )


def _two_first_names_and_surname(ent: Span) -> bool:
    """«кишлака Навруз Абдулло Камолов»: a first name, another with no patronymic's ending, a surname; a name has one
    first name, so after a settlement's kind the first is the settlement's (villages are named so: Навруз, Гулистон).
    """
    words = [t.text for t in ent]
    return (
        len(words) == 3
        and is_first_name(words[1])
        and not is_patronymic(words[1])
        and looks_like_surname(words[2])
        and not is_first_name(words[2])
    )


def _settlement_then_name(ent: Span) -> bool:
    """«жительницы деревни Заспа Веры Чайки»: the tagger ran a settlement's name and the person after it into one
    place; the words after the settlement's name are a first name and a surname."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        len(ent) == 3
        and before is not None
        and ent[2].is_title
        and not _names_a_place(fold(ent[2].text))
        and _settlement_named_first(ent, before)
    )


def _long_settlement_then_name(ent: Span) -> bool:
    """«в городе Великие Луки Мария Ли»: a settlement of two words or more after its kind, run into the person after
    it; the last two words are a first name the dictionary knows and a surname, the words before them no name's."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if not (4 <= len(ent) <= 5 and before is not None and is_settlement_kind_written_out(before)):
        return False
    first, surname, place = ent[-2], ent[-1], ent[:-2]
    return (
        all(t.is_alpha and t.is_title for t in (first, surname))
        and is_first_name(first.text)
        and not is_adjective(first.text)
        and not _names_a_place(fold(surname.text))
        and not any(is_first_name(t.text) for t in place)
    )


# A Central Asian surname in the Uzbek (or Turkmen, Azerbaijani) Latin alphabet: «Qodirov», «Xolmatova», «Rahimzoda».
_LATIN_SURNAME = re.compile(r"[A-Z][a-zʻ'’]+(?:ov|ev|ova|eva|zoda|zade)")
_LATIN_FIRST_NAME = re.compile(r"[A-Z][a-zʻ'’]+")


def _latin_script_name(ent: Span) -> bool:
    """«первый заместитель министра Ulugʻbek Qodirov», «заместитель хокима Nodirbek Xolmatov»: a Russian text of
    Uzbekistan writes an official's name as the state language does, in Latin letters; the tagger reads the two
    foreign words as a body's. A first name and an -ov/-ev surname after a lower-case Russian word are a person."""
    if len(ent) != 2 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    if before.is_space and ent.start > 1:
        before = ent.doc[ent.start - 2]  # a newspaper's column wraps before the name
    return (
        before.is_lower
        and not before.is_ascii
        and _LATIN_FIRST_NAME.fullmatch(ent[0].text) is not None
        and _LATIN_SURNAME.fullmatch(ent[1].text) is not None
    )


def _named_as_place(ent: Span) -> Span | None:
    """The person in a span the tagger took for a place or a body: a settlement's name run into the person after it
    (`_settlement_then_name`), or a name with nothing of a place in it (`_person_in_place`)."""
    if _latin_script_name(ent):
        return ent
    if ent.label_ == "ORG":
        # «консультант аппарата Совета О.В. Кузина»: the body's name the tagger ran on over the initials and surname.
        if (initialed := _initials_and_surname_at_end(ent)) is not None:
            return initialed
        if len(ent) >= 4 and ent[-1].text in TURKIC_PATRONYMIC_PARTICLES:
            # «депутат Жогорку Кенеша Айпери Таалайбек кызы»: run on over a first name and a father's name with its
            # «кызы» / «уулу».
            return _person_in_place(ent[-3:])
        # «руководитель отдела Бауыржан ОМАРОВ»: a surname in capitals reads to the tagger as a body's abbreviation.
        return _person_in_place(ent) if ent[-1].is_upper and len(ent[-1]) > 3 else None
    if _settlement_then_name(ent):
        return ent[1:]
    if _titled_lone_surname(ent):
        return ent  # «Мэр Ибраимов на встречу не пришел»: a head's title, then his -ов surname
    if _long_settlement_then_name(ent):
        return ent[-2:]
    return _person_in_place(ent) or _name_after_place(ent) or _fathers_name_after_place(ent)


def _initials_and_surname_at_end(ent: Span) -> Span | None:
    """«Совета О.В. Кузина»: two initials with their points and a capitalised surname close the span, after a word of
    the body's (never the whole span: «О.В. Кузина» alone is the tagger's own person)."""
    if len(ent) < 6:
        return None
    tail = ent[-5:]
    letters, points, surname = (tail[0], tail[2]), (tail[1], tail[3]), tail[4]
    if not all(len(t.text) == 1 and t.is_upper and t.is_alpha for t in letters) or any(p.text != "." for p in points):
        return None
    return tail if surname.is_title and surname.is_alpha and looks_like_surname(surname.text) else None


def _fathers_name_after_place(ent: Span) -> Span | None:
    """«Глава айыл окмоту Ак-Турпак Эрлан Садыр уулу»: the tagger ran a place and the Kyrgyz name after it into one
    place. A span closed by the «son of» / «daughter of» particle ends with a name: a first name, the father's name
    and the particle; the place is what stands before them."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in TURKIC_PATRONYMIC_PARTICLES:
        ent = doc[ent.start : ent.end + 1]  # «Кок-Жар Нурбек Асан | уулу»: the tagger left the particle out
    if len(ent) < 4 or ent[-1].text not in TURKIC_PATRONYMIC_PARTICLES:
        return None
    place, first, father = ent[-4], ent[-3], ent[-2]
    if not all(t.is_alpha and t.is_title for t in (first, father)) or not may_be_first_name(first.text):
        return None
    # (Not «Садыров Бакыт Садыр уулу», a surname before the name: a place's word is no surname's or first name's, or
    # it is hyphenated as Kyrgyz villages are, «Кок-Жар», «Ак-Суу».)
    if "-" not in place.text and (looks_like_surname(place.text) or may_be_first_name(place.text)):
        return None
    return ent[-3:]


def _name_after_place(ent: Span) -> Span | None:
    """«при акиме города Рудного Айгерим Турсынбековны Калиевой»: the tagger ran a place and the full name after it
    into one place. A patronymic inside the span (not opening it) tells the name: its first name is the word before
    it, its surname the word after; the place is what stands before the first name."""
    at = next((t.i for t in ent[2:] if t.is_title and is_patronymic(t.text)), None)
    if at is None or ent.end - at > 2:
        return None
    name = ent.doc[at - 1 : ent.end]
    if not all(t.is_alpha and t.is_title for t in name) or not may_be_first_name(name[0].text):
        return None
    return name


def _person_in_place(ent: Span) -> Span | None:
    """«Выступила Сауле Тулегенова», «аким Уральска Алтай КУЛЬГИНОВ», «между Эргеш уулу Нурсултаном»: the tagger read a
    person as a place (a sentence's verb before the name, a first name that is a region's too, a surname in capitals).
    The span is a person's when, past an opening verb, it is a first name and an -ов/-ин surname's form, in either
    order (a patronymic may stand between), or a first name and a father's name with its «уулу»/«кызы»."""
    if not 2 <= len(ent) <= 5 or any(not t.is_alpha for t in ent):
        return None
    words = list(ent[1:]) if verb_opening_sentence(ent[0]) else list(ent)
    if not 2 <= len(words) <= 4:
        return None
    particles = [t for t in words if t.text in TURKIC_PATRONYMIC_PARTICLES]
    names = [t for t in words if t.text not in TURKIC_PATRONYMIC_PARTICLES]
    if not all(t.text[:1].isupper() for t in names) or any(_names_a_place(fold(t.text)) for t in names[1:]):
        return None
    span = ent.doc[words[0].i : words[-1].i + 1]
    if particles:
        # «Эргеш уулу Нурсултаном»: the father's name, its particle and a first name, in either order.
        named = len(names) == 2 and len(particles) == 1 and any(may_be_first_name(t.text) for t in names)
        return span if named else None
    surname_last = (
        may_be_first_name(names[0].text)
        and all(is_patronymic(t.text) for t in names[1:-1])
        and (_ov_surname(names[-1].text) or (is_first_name(names[0].text) and _short_ov_surname(names[-1].text)))
    )
    # Surname first where a verb or a patronymic tells a name: «Выступила Жаксыбекова Гульнар Маратовна».
    patronymics = [is_patronymic(t.text) for t in names[2:]]
    surname_first = (
        (len(words) < len(ent) or any(patronymics))
        and all(patronymics)
        and _ov_surname(names[0].text)
        and may_be_first_name(names[1].text)
    )
    return span if surname_last or surname_first else None


def _surname_after_patronymic(ent: Span) -> Span:
    """«директор национального парка Мурат Хасанбиевич / Теммоев»: a page's line wrap inside a name, which the
    tagger ends at the break; a first name and a patronymic go on with the surname on the next line."""
    doc = ent.doc
    if ent.label_ != "PER" or len(ent) < 2 or ent.end >= len(doc) or not is_patronymic(ent[-1].text):
        return ent
    if ent[-1].whitespace_ and doc[ent.end].is_alpha:
        # «избран Владимир Валентинович Книга»: after a first name and a patronymic the next capitalized word is the
        # surname, though it is a common word («Книга», «Мороз») the tagger left out.
        surname = doc[ent.end]
        first = is_first_name(ent[0].text) and len(ent) == 2
        if first and surname.is_title and not surname.is_sent_start and surname.pos_ in ("NOUN", "PROPN", "ADJ"):
            return doc[ent.start : ent.end + 1]
        return ent
    at = ent.end + 1
    if at >= len(doc) or doc[ent.end].text.count("\n") != 1 or not doc[ent.end].is_space:
        return ent
    surname = doc[at]
    if surname.is_title and surname.is_alpha and looks_like_surname(surname.text) and surname.ent_type_ in ("", "PER"):
        return doc[ent.start : at + 1]
    return ent


def _shouted_surnames(doc: Doc, names: list[Span]) -> list[Span]:
    """«с участием акима Атырауской области Бактыкожой ИЗМУХАМБЕТОВЫМ»: a first name the tagger does not know before
    an -ов/-ев surname in capitals, which it read as nothing at all. Linear: one look at each word in capitals."""
    named = {i for span in names for i in range(span.start, span.end)}
    found = []
    for i, text in enumerate(token_texts(doc)):
        # By the word's text first: a Token for every word cost more than the test.
        if not (len(text) > 2 and text.isupper() and text.replace("-", "").isalpha()) or i in named or i == 0:
            continue
        token, first = doc[i], doc[i - 1]
        if _signature_line(token, first):
            found.append(doc[first.i : token.i + 1])
            continue
        if len(text) <= 5 or not text.isalpha():
            continue
        if first.i in named or not first.is_title or not first.is_alpha or first.is_sent_start:
            continue
        if _ov_surname(token.text) and not _is_common_word(fold(first.text)) and not _names_a_place(fold(first.text)):
            found.append(doc[first.i : token.i + 1])
    return found


def _signature_line(surname: Token, first: Token) -> bool:
    """«Наталья ПАРХОМЧИК.», «Галина ХАЦУЛЁВА»: a report's byline, a line of its own with a first name and a surname
    in capitals (Belarusian and Russian district papers sign so). The tagger, reading it after a paragraph, often
    takes it for nothing; the line's bounds and a known first name are what make it a name of any surname's shape."""
    doc = surname.doc
    if first.i == 0 or not first.is_title or "\n" not in doc[first.i - 1].text:
        return False
    after = surname.i + 1
    if after < len(doc) and doc[after].text == ".":
        after += 1
    # The line's bounds first, the look-up of the first name last: capitals are common, bylines are not.
    return (after >= len(doc) or "\n" in doc[after].text) and is_first_name(first.text)


def _ov_surname(word: str) -> bool:
    """An -ов/-ев surname in one of its forms, not a word the dictionary knows otherwise: «КУЛЬГИНОВ»,
    «Тулегенова»."""
    w = fold(word)
    return len(w) > 5 and w.endswith(_OV_SURNAME_FORMS) and not is_adjective(word) and not _is_common_word(w)


def _short_ov_surname(word: str) -> bool:
    """«Нурали Шоев», «Алиев», «Раева»: an -ов/-ев surname too short for `_ov_surname`, which needs a first name the
    lexicon knows before it, and is no place («Киев», «Азов») and no common word."""
    w = fold(word)
    return (
        4 <= len(w) <= 5
        and w.endswith(_OV_SURNAME_FORMS)
        and not _names_a_place(w)
        and not is_adjective(word)
        and not _is_common_word(w)
    )


def _titled_lone_surname(ent: Span) -> bool:
    """A lone -ов/-ев/-ин surname right after the title of a place's head («Мэр Ибраимов», «аким Жаксылыков»), which
    the tagger read as a place: no place is named so after the title."""
    if len(ent) != 1 or ent.start == 0 or not _ov_surname(ent[0].text):
        return False
    title = ent.doc[ent.start - 1]
    return title.is_alpha and fold(title.text) in _head_titles()


def _past_leading_words(ent: Span) -> Span:
    """«В джамоате Гулистон обсудили …» (a headline), «#Кушониён #Хатлон»: a preposition, a lower-case common noun
    or a sign the tagger took into the span before its capitalized words; the name, if any, is the rest, read alone
    (the checks of a lone word see the settlement's kind or the hashtag before it)."""
    doc, i = ent.doc, ent.start
    while i < ent.end - 1 and _opens_no_name(doc[i], doc[i + 1]):
        i += 1
    return doc[i : ent.end] if i > ent.start else ent


def _opens_no_name(token: Token, after: Token) -> bool:
    if not any(c.isalnum() for c in token.text):
        return True  # «#», «@»
    if token.is_lower:
        return token.pos_ in ("NOUN", "ADJ", "ADP")
    # A capitalized preposition before a lower-case word («В джамоате …»); not an initial («С. Гуринович»).
    return token.pos_ == "ADP" and after.is_lower and after.is_alpha


def _past_a_city(ent: Span) -> Span:
    """«аким Кызылорды Нурлыбек Налибаев», «мэр Астаны Женис Касымбек»: the city a head's title governs, run by the
    tagger into the name after it (a city in -а reads in the genitive like a first name's case). A listed town's
    form that is no first name opens the span, a title is before it and a first name follows: the name is the rest."""
    doc = ent.doc
    if len(ent) < 3 or ent.start == 0 or is_first_name(ent[0].text) or city_of(ent[0].text) is None:
        return ent
    title = doc[ent.start - 1]
    if not (title.is_lower and (fold(title.text) in _head_titles() or is_position_head(title))):
        return ent
    return ent[1:] if may_be_first_name(ent[1].text) else ent


def _past_a_region(ent: Span) -> Span | None:
    """«Генгеша Саятского этрапа», «Хоким Самаркандского вилоята Шавкат Мирзиёев»: a place's adjective before a region
    noun (in the span or right after it) is no surname, and the words before it are a body or a title in the
    genitive; the name, if any, follows the region."""
    doc, kinds = ent.doc, lexicons.load("loc_region_nouns")
    if (fathers := _fathers_name_after_place(ent)) is not None:
        return fathers  # «айыл окмоту Ак-Суу Бакыт Садыр уулу»: the village, then a Kyrgyz name
    before = doc[ent.start - 1] if ent.start > 0 else None
    if (
        len(ent) >= 3
        and before is not None
        and before.is_lower
        and fold(before.lemma_) in lexicons.load("loc_apposed_region_nouns")
    ):
        return ent[1:]  # «в регионе Имерети Нино Абуладзе»: the region's name, then the person's
    if region_named_after_noun(ent[0]):
        return ent[1:] if len(ent) > 1 else None  # «акима области Улытау Гульмиры Абдрахмановой»
    if len(ent) >= 3 and before is not None and _settlement_named_first(ent, before):
        return ent[1:]  # «казака хутора Воронцовка Артёма Лысенко»: the settlement's name, then the person's
    if len(ent) == 2 and before is not None and ent.end < len(doc) and doc[ent.end].is_title:
        # «кишлака Навруз Абдулло Камолов» with the surname left out of the span: the same reading, over the three.
        longer = doc[ent.start : ent.end + 1]
        if _two_first_names_and_surname(longer) and _settlement_named_first(longer, before):
            return longer[1:]
    for token in ent:
        after = token.i + 1
        if after >= len(doc) or not _REGION_ADJECTIVE.fullmatch(token.text):
            continue
        noun = doc[after]
        if noun.is_lower and (fold(noun.text) in kinds or fold(noun.lemma_) in kinds):
            return doc[after + 1 : ent.end] if after + 1 < ent.end else None
    return ent


def _a_line_of_its_own(doc: Doc, span: Span, parts: NameParts) -> bool:
    """«Комментарийлер» under a report, a menu's or footer's word on a line alone: a bare word with no surname's
    shape that fills its line and is written nowhere else in the text names no one (a list's or a signature's
    surname has its initials, a speaker's line its colon)."""
    if len(span) != 1 or parts.first_name or parts.initials or parts.patronymic or looks_like_surname(span.text):
        return False
    text = doc_text(doc)
    start, end = span.start_char, span.end_char
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    return text.count(span.text) == 1


def _a_bodys_second_name(span: Span, parts: NameParts) -> bool:
    """«Госсобрания – Эл Курултай», «Государственное Собрание – Хасэ»: a legislature's own-language name after its
    Russian one and a dash; a surname with no surname's shape there names the body, not a person."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in DASHES or looks_like_surname(parts.surname):
        return False
    body = doc[span.start - 2]
    return body.ent_type_ == "ORG" and fold(body.lemma_) in _org_heads()


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(lexicons.load("org_heads")) | {"госсобрание"}


def person_mentions(doc: Doc) -> list[tuple[NameParts, TextSpan]]:
    found = []
    # Words of fuller names: a surname the text also gives with a first name is a name wherever it stands.
    names = _joined_halves(
        [
            ent[1:] if _opens_with_common_noun(ent) else ent
            for ent in (
                _past_a_region(_past_a_city(_past_leading_words(ent))) if ent.label_ == "PER" else _named_as_place(ent)
                for ent in entities(doc)
                if ent.label_ in ("PER", "LOC", "ORG")
            )
            if ent is not None
        ]
    )
    names = _with_turkic_patronymics(_names_after_eponyms(doc, _past_titles_complements(names)))
    names = _names_closing_titles(doc, names)
    wrapped = [_surname_after_patronymic(ent) for ent in names]
    joined = {(span.start, span.end) for span in wrapped} - {(ent.start, ent.end) for ent in names}
    # (The surname the tagger read alone on the next line is part of the name now.)
    names = [
        span for span in wrapped if not any(s < span.start and span.end <= e for s, e in joined)
    ] + _shouted_surnames(doc, names)
    # A title or an adjective the name opens with names no one alone: «Патриархом Болгарским» does not make
    # «Болгарским» a name elsewhere.
    named = frozenset(fold(t.text) for ent in names if len(ent) > 1 for t in ent if not _is_no_name_word(t.text))
    # One-word places and bodies: «в Ливерпуле … игроки Ливерпуля», where the tagger took one for a person; a
    # compound's too: «в Шлезвиг-Гольштейне … ХДС Шлезвиг-Гольштейна».
    # A settlement's name after its abbreviation too, whatever the tagger made of it: «п. Индерборский … у поста
    # Индерборский».
    elsewhere = frozenset(
        _name_stem(ent.text)
        for ent in entities(doc)
        if ent.label_ in ("LOC", "ORG")
        and len(ent) == 1
        and ent.text.replace("-", "").isalpha()
        and not _titled_lone_surname(ent)
    ) | frozenset(_name_stem(found.group("name")) for found in _SETTLEMENT_NAMED.finditer(doc_text(doc)))
    others = bodys_other_names(doc)
    # «Андрей Петрович Лукашевич … Андрей Лукашевич выступил»: a -вич word the text writes after a patronymic is a
    # surname, wherever it follows the first name alone.
    surnames_after_patronymic = frozenset(
        _name_stem(ent[2].text) for ent in names if len(ent) == 3 and is_patronymic(ent[1].text)
    )
    for ent in names:
        check_deadline("persons")
        if _in_title(ent) or _is_modifier(ent) or _is_transliteration(ent):
            continue
        if fold(ent.text) in others:
            continue  # «Новости → Ил Тумэн» where the text wrote «Государственного Собрания (Ил Тумэн)»: the body
        if _not_a_name(ent, named, elsewhere):
            continue
        # A job title before «Имя -вич» makes the -вич word a surname; only such names need the look-up.
        titled = (
            len(ent) == 2
            and is_patronymic(ent[1].text)
            and (title_before(doc, ent.start) is not None or _name_stem(ent[1].text) in surnames_after_patronymic)
        )
        span = ent
        if len(ent) > 1 and _cut_off(ent[-1]):
            span = ent[:-1]  # the text ends mid-word, mid-name: «Пожалуйста, Гулира Ка»
        parts = parse_name(span, titled=titled)
        if parts is not None and _first_name_taken_for_a_place(ent):
            # «Глеб Щегельский, … Дания Еспаева, …»: the first name the tagger read as a country is the name's.
            # Both read as nominatives (a list of names), the first name's oblique readings are no one's.
            longer = doc[ent.start - 1 : ent.end]
            nominative = all(t.morph.get("Case") == ["Nom"] for t in longer)
            parts = parse_name(longer, nominative_context=nominative, first_as_written=nominative) or parts
        if (parts is None or _first_name_and_patronymic(ent)) and _surname_before(ent):
            # «Шаршеева Гульмира Асановна» at a sentence's start: the tagger left a word of the name out.
            span = doc[ent.start - 1 : ent.end]
            parts = parse_name(span)
        elif parts is None and _first_name_before(ent):
            # «Алмаз Жакыпович Сейдахметов» with the first name taken for a place.
            span = doc[_first_name_at(ent) : ent.end]
            parts = parse_name(span)
        # Only a name whose own words leave the gender open needs its title's gender.
        open_gender = parts is not None and parts.gender is None and fold(parts.surname).endswith(_OV_IN_NOMINATIVES)
        gender = _title_gender(ent) if open_gender else None
        if gender is not None:
            parts = parse_name(span, titled=titled, title_gender=gender)
        # Only a name the tagger put in an oblique case needs its title's case to check it.
        if (
            parts is not None
            and not parts.surname_as_written
            and (_after_nominative_title(ent) or _listed_after_post(ent) or _reports_after_dash(ent))
        ):
            parts = parse_name(span, nominative_context=True, titled=titled, title_gender=gender)
        if parts is not None and _only_a_title(parts):
            continue  # «Патриарх Болгарский», «Папа Римский»: the title's adjective is all that is left
        if parts is not None and (_a_line_of_its_own(doc, span, parts) or _a_bodys_second_name(span, parts)):
            continue
        if parts is not None:
            parts = _with_patronymic_particle(doc, parts)
            found.append((parts, TextSpan(parts.start, parts.end)))
    return found


# «Бакыт Эрмек уулу», «Айжамал Урмат кызы»: a Kyrgyz or Kazakh surname is the father's name, which does not decline,
# and «son of» / «daughter of».
_PATRONYMIC_PARTICLES = frozenset({"уулу", "кызы", "улы", "қызы"})


def _with_patronymic_particle(doc: Doc, parts: NameParts) -> NameParts:
    """The surname with its «уулу»/«кызы» when the particle follows the name's last word, as the text writes them."""
    span = doc.char_span(parts.start, parts.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or parts.particles:
        return parts
    particle, last = doc[span.end], span[-1]
    if particle.text not in _PATRONYMIC_PARTICLES or not last.is_title or fold(last.text) not in parts.surname_keys:
        return parts
    surname = f"{last.text} {particle.text}"
    return replace(
        parts,
        surname=surname,
        surname_as_written=True,
        surname_keys=parts.surname_keys | {fold(surname)},
        end=particle.idx + len(particle),
    )


class _Clusters:
    """The persons so far, with an index from surname key to the clusters that have it: a mention is
    compared with the clusters sharing a key, not with every one."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self._by_key: dict[str, list[int]] = {}
        self._by_stem: dict[str, list[int]] = {}

    def compatible(self, parts: NameParts) -> list[_Cluster]:
        """The compatible clusters, in the order they were made."""
        found = sorted({k for key in parts.surname_keys for k in self._by_key.get(key, ())})
        return [self.all[k] for k in found if _compatible(self.all[k], parts)]

    def declined(self, parts: NameParts) -> _Cluster | None:
        """The one person whose surname this mention declines where the case reading failed: «Картера»,
        «Ортегу», «Т. Комбсу», «Василия Небензю» after «Эштон Картер», «Орландо Ортега», «Тодд Комбс»,
        «Василий Небензя». A foreign surname pymorphy does not know keeps its case ending, and the stem
        without it is what the forms share."""
        if parts.regnal or " " in parts.surname:
            return None
        stems = {_name_stem(key) for key in parts.surname_keys} - {""}
        found = sorted({k for stem in stems if len(stem) >= 3 for k in self._by_stem.get(stem, ())})
        matching = [self.all[k] for k in found if _compatible_letters(self.all[k], parts)]
        return matching[0] if len(matching) == 1 else None

    def add(self, cluster: _Cluster | None, parts: NameParts, span: TextSpan) -> None:
        if cluster is None:
            cluster = _Cluster(index=len(self.all))
            self.all.append(cluster)
        for key in set(parts.surname_keys) - cluster.keys:
            self._by_key.setdefault(key, []).append(cluster.index)
            stem = _name_stem(key)
            if cluster.index not in self._by_stem.get(stem, ()):
                self._by_stem.setdefault(stem, []).append(cluster.index)
        cluster.add(parts, span)


def _aliases(doc: Doc, clusters: list[_Cluster]) -> dict[int, tuple[str, ...]]:
    """Cluster index → the original spellings of its name the text gives. A spelling is one more name of
    the person, not a person of its own: the record lists a human once, however the text spells them."""
    found: dict[int, list[str]] = {}
    for ent in entities(doc):
        spelling = _spelling(ent) if ent.label_ == "PER" else None
        if spelling is None:
            continue
        of = spelling.of
        owner = next((c for c in clusters if any(s.start < of.end and of.start < s.end for s in c.spans)), None)
        if owner is not None and spelling.text not in found.get(owner.index, []):
            found.setdefault(owner.index, []).append(spelling.text)
    return {index: tuple(texts) for index, texts in found.items()}


_CASE_ENDINGS = ("ом", "ем", "ой", "ей", "ью", "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "й")


def _name_stem(word: str) -> str:
    """A first name without its case ending, the same for all its forms: Лея, Леи, Лею → ле."""
    w = fold(word)
    ending = next((e for e in _CASE_ENDINGS if w.endswith(e) and len(w) - len(e) >= 2), "")
    return w[: len(w) - len(ending)]


def _by_first_name(clusters: list[_Cluster]) -> dict[str, list[_Cluster]]:
    """The persons named with a first name, by its stem."""
    found: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        for stem in {_name_stem(p.first_name) for p in cluster.parts if p.first_name}:
            found.setdefault(stem, []).append(cluster)
    return found


def _called_by_first_name(parts: NameParts, by_first_name: dict[str, list[_Cluster]]) -> _Cluster | None:
    """The one person whose first name a lone word is, when no person has it as a surname: a text names
    «Говард Баффет», then «Говард». An East Asian surname stays one (Ким, Ли)."""
    if (
        parts.regnal
        or parts.patronymic
        or " " in parts.surname
        or fold(parts.surname) in lexicons.load("east_asian_surnames")
    ):
        return None
    stems = {_name_stem(key) for key in parts.surname_keys}
    found = {c.index: c for stem in stems for c in by_first_name.get(stem, ())}
    return next(iter(found.values())) if len(found) == 1 else None


# Endings of a foreign surname's oblique cases that no nominative of one has (Картеру, Манделой, Зумы);
# -е is a dative's or a locative's where the other form ends in -а, -я or a consonant (Чайке of Чайка).
_OBLIQUE_ENDINGS = ("у", "ю", "ом", "ем", "ой", "ей", "ы")


def _oblique(form: str, other: str) -> bool:
    w, o = fold(form), fold(other)
    return w.endswith(_OBLIQUE_ENDINGS) or (w.endswith("е") and not o.endswith(("е", *_OBLIQUE_ENDINGS)))


def _nominative_of(one: str, other: str) -> str | None:
    """Of two forms of one surname, the one without an oblique case's ending; None when that tells nothing."""
    if _oblique(one, other) and not _oblique(other, one):
        return other
    if _oblique(other, one) and not _oblique(one, other):
        return one
    return None


def _instrumental_of_consonant_stem(parts: NameParts, current: str) -> bool:
    """«Энтони Рэппа … перед Рэппом»: an instrumental in -ом/-ем is a man's surname ending in a consonant (one in -а
    takes -ой), so the -а/-я form the person was first named by, after a first name that does not decline, was its
    genitive."""
    stem = fold(parts.surname)
    instrumental = any(k in (stem + "ом", stem + "ем") for k in parts.surname_keys)
    return instrumental and fold(current) in (stem + "а", stem + "я")


def _join_declined(cluster: _Cluster, parts: NameParts, span: TextSpan) -> None:
    """A mention of the person's surname in another case joins the person: «Василия Небензю» Василия
    Небензи, «Т.Комбсу» Тодда Комбса; the nominative is the form without an oblique case's ending."""
    current = cluster.finding().surname
    if parts.surname_as_written or not any(p.first_name for p in cluster.parts):
        # A form the text writes is one; a mention with a first name agrees with it in case, where a
        # form read from a mention with initials alone may be misread.
        cluster.nominative = _nominative_of(current, parts.surname) or cluster.nominative
    elif _instrumental_of_consonant_stem(parts, current):
        cluster.nominative = parts.surname
    if parts.first_name:  # the mention tells a first name
        cluster.add(replace(parts, surname=cluster.nominative or current, surname_as_written=False), span)
    else:
        cluster.add_mention(span)


def find_persons(doc: Doc) -> tuple[PersonFinding, ...]:
    mentions = person_mentions(doc)
    clusters = _Clusters()
    # Fuller mentions first, so that a bare surname can join the right person.
    full = [(p, s) for p, s in mentions if p.first_name or p.initials]
    bare = [(p, s) for p, s in mentions if not (p.first_name or p.initials)]
    for parts, span in full:
        candidates = clusters.compatible(parts)
        declined = clusters.declined(parts) if not candidates else None
        if declined is not None:
            _join_declined(declined, parts, span)
            continue
        clusters.add(candidates[0] if candidates else None, parts, span)
    by_first_name = _by_first_name(clusters.all)
    for parts, span in bare:
        check_deadline("persons")
        candidates = clusters.compatible(parts)
        before = [c for c in candidates if c.starts[0] <= span.start]
        target = (
            max(before, key=lambda c: c.nearest_before(span.start))
            if before
            else (candidates[0] if candidates else None)
        )
        called = _called_by_first_name(parts, by_first_name) if target is None else None
        if called is not None:
            called.add_mention(span)  # «Говард Баффет … Говард сказал»: no surname of its own
            continue
        declined = clusters.declined(parts) if target is None else None
        if declined is not None:
            _join_declined(declined, parts, span)  # «Эштон Картер … речь Картера»
            continue
        clusters.add(target, parts, span)
    ordered = sorted(clusters.all, key=lambda c: min(c.spans))
    aliases = _aliases(doc, clusters.all)
    return tuple(replace(c.finding(), aliases=aliases.get(c.index, ())) for c in ordered)


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, persons=find_persons(doc))
