"""Locations: regions and districts named by their adjective, which the NER seldom tags.

Coordinated regions sharing one noun («Брестской и Гомельской областей»), an elliptic list («в Минской, Гродненской
… областях»), a region's adjective before its noun, a heading in capitals («АДМИНИСТРАЦИЯ СОКОЛЬСКОГО МУНИЦИПАЛЬНОГО
ОКРУГА»), a region's own body («Гомельского облисполкома») and a district's («Слуцкого районного исполнительного
комитета»); not a state service's or a utility's district branch («районного суда», «районного газового хозяйства»),
which is named for the town or area it serves. Each yields the span with its name in the nominative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from models import loading
from models.components.extensions import token_texts
from models.punctuation import (
    DASHES,
)
from pipelines.doc_views import entities, token_strings
from pipelines.headings import headings
from pipelines.stages.locations.keys import _in_words, _is_capitalized, _lemmas, _word_set_flags
from pipelines.stages.locations.nominative import _before_line_break, _case_apart, _lower_attribute, _singular_adjective
from pipelines.stages.locations.words import (
    _COORDINATORS,
    _REGION_ADJECTIVE_ENDINGS,
    _STATUS_WORDS,
    _adjective,
    _adjective_nominative,
    _person_noun,
    _place_adjective,
    _plural_only,
    _region_or_settlement_words,
    _singular_nominative,
)


def coordinated_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "в Чуйской и Джалал-Абадской областях": each adjective of a coordination names a region of its
    own, the noun shared by all of them ("Чуйская область", "Джалал-Абадская область")."""
    lowers = token_strings(doc, LOWER)
    region_nouns = _word_set_flags(doc, _region_or_settlement_words())
    for at in (i for i, flag in enumerate(region_nouns) if flag):
        # By strings first: a region noun is rare, and a Token and its morphology for every word cost more.
        lower = lowers[at]
        # Plural or singular («Павловского и Белинского сельского округа»: the singular noun distributes too), whatever
        # number the tagger reads («айылных аймаков» as a singular). A singular's names read as singular adjectives and
        # the noun is a word («дела Навального и Офицерова с делом», «Никита Белых и Пермского края» name no regions).
        noun = doc[at]
        singular = noun.morph.get("Number") != ["Plur"] and not lower.endswith(("ах", "ях", "ов", "ей"))
        if singular and len(lower) < 4:
            continue
        i = _before_line_break(doc, noun.i - 1)
        shared: list[Token] = []  # "муниципальных": lower-case words every region's name shares
        while i >= 0 and _lower_attribute(doc[i]):
            shared.insert(0, doc[i])
            i = _before_line_break(doc, i - 1)
        names: list[Token] = []
        while i >= 0 and _is_capitalized(doc[i]) and doc[i].pos_ in ("ADJ", "PROPN") and _place_adjective(doc[i].text):
            if singular and not _singular_adjective(doc[i].lower_):
                break
            if names and _case_apart(doc[i].lower_, names[0].lower_):
                break  # «в п. Индерборский и Жарсуатском сельском округе»: a settlement's name, not the noun's
            names.insert(0, doc[i])
            # «Бурлинского, Теректинского или Акжаикского района»: an alternative shares the noun as a list does.
            before = _before_line_break(doc, i - 1)
            if before < 0 or doc[before].lower_ not in _COORDINATORS | {"или"}:
                break
            i = _before_line_break(doc, before - 1)
        singular = _singular_nominative(noun)
        if len(names) < 2 or singular is None:
            continue
        gender = next((p.tag.gender for p in loading.parse(singular) if p.tag.POS == "NOUN"), None) or "femn"
        tail = "".join(f"{_adjective_nominative(t.text, gender, False)} " for t in shared) + singular
        for name in names:
            yield doc[name.i : name.i + 1], f"{_adjective_nominative(name.text, gender, False)} {tail}"


_ELLIPSIS_REACH = 8  # words from a region noun back to the list of adjectives it stands for


def _bare_region_adjective(doc: Doc, i: int) -> bool:
    """«Юринского», «Гавриловский»: a capitalized relative adjective that stands without its noun."""
    # By the word's text first: the scan asks it of every word, and a Token for each cost more than the test.
    text = token_texts(doc)[i]
    if not text[:1].isupper() or text.isupper() or not text.replace("-", "").isalpha():
        return False
    token = doc[i]
    if not token.lower_.endswith(_REGION_ADJECTIVE_ENDINGS) or not _adjective(token.lower_):
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.is_punct or after.is_space or after.lower_ in ("и", "или")


def elliptic_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "во всех районах, кроме Юринского и Горномарийского", "семь районов области: Бондарский, Гавриловский и
    Сосновский": a list of place adjectives with the region noun said once before them; each names a region.
    NER must read one of them as a place at least (it often takes the others for surnames)."""
    lowers, texts = token_strings(doc, LOWER), token_texts(doc)
    places = {t.i for ent in entities(doc) if ent.label_ == "LOC" for t in ent}
    i, size = 0, len(doc)
    while i < size:
        # A capital first, as `_bare_region_adjective` asks it: most words fail here, without the call.
        if not texts[i][:1].isupper() or not _bare_region_adjective(doc, i):
            i += 1
            continue
        run = [i]
        while (
            run[-1] + 2 < len(doc)
            and lowers[run[-1] + 1] in _COORDINATORS | {"или"}
            and _bare_region_adjective(doc, run[-1] + 2)
        ):
            run.append(run[-1] + 2)
        i = run[-1] + 1
        if len(run) < 2 or not places.intersection(run):
            continue
        sentence = doc[run[0]].sent
        noun = next(
            (
                t
                for t in reversed(doc[max(sentence.start, run[0] - _ELLIPSIS_REACH) : run[0]])
                # Plural or counted: the list names several («районов области: Бондарский, …» are districts,
                # «три района»).
                if t.is_lower
                and (t.morph.get("Number") == ["Plur"] or (t.i > 0 and doc[t.i - 1].pos_ == "NUM"))
                and _in_words(t.lemma_, t.lower_, "loc_region_nouns")
            ),
            None,
        )
        singular = _singular_nominative(noun) if noun is not None else None
        if singular is None:
            continue
        gender = next((p.tag.gender for p in loading.parse(singular) if p.tag.POS == "NOUN"), None) or "femn"
        if not all(_in_gender(lowers[at], gender) for at in run):
            continue  # «в ряде районов Чуйской, Таласской и Нарынской областей»: no «район» is «Чуйской»
        for at in run:
            yield doc[at : at + 1], f"{_adjective_nominative(doc[at].text, gender, False)} {singular}"


@lru_cache(maxsize=100_000)
def _region_or_council(lemma: str, lower: str) -> tuple[bool, bool]:
    """A region noun, and a council's territory («сельсовет»): one cached lookup for each word `adjective_regions`
    asks."""
    return _in_words(lemma, lower, "loc_region_nouns"), _in_words(lemma, lower, "loc_council_territories")


def _in_gender(word: str, gender: str) -> bool:
    """The adjective has a singular form of the gender («Юринского» is a masculine's or a neuter's)."""
    return any(p.tag.POS == "ADJF" and p.tag.gender == gender for p in loading.parse(word))


def adjective_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """«Саятского этрапа», «в Раштской нохии», «Лебапского велаята»: a place's adjective and a region noun after it
    name a region, whatever the tagger made of a noun it does not know (it tags them X, parses them anywhere, and
    takes the adjective for a surname). One region, singular: a plural noun is `coordinated_regions`'."""
    lemmas, lowers, texts = token_strings(doc, LEMMA), token_strings(doc, LOWER), token_texts(doc)
    for at in range(1, len(doc)):
        # By strings first: a region noun is rare, and a Token for every word costs more.
        if not texts[at].islower():
            continue
        region, council = _region_or_council(lemmas[at], lowers[at])
        if not region and not council:
            continue  # a settlement's noun after an adjective is a body's («Кара-Булакского айыл окмоту»)
        # «Кызыл-Адырского айылного аймака»: status words may stand between the place's adjective and the noun (not
        # before a second name after a dash, which NER reads whole: «Ханты-Мансийском автономном округе – Югре»).
        first = at - 1
        second_name = at + 1 < len(doc) and texts[at + 1] in DASHES
        while first > 0 and lowers[first] in _STATUS_WORDS and texts[first].islower() and not second_name:
            first -= 1
        adjective = texts[first]
        if not adjective[:1].isupper() or adjective.isupper() or not adjective.replace("-", "").isalpha():
            continue
        if not lowers[first].endswith(_REGION_ADJECTIVE_ENDINGS) or _plural_only(lowers[at]):
            continue
        if council and first > 0 and _person_noun(doc[first - 1]):
            continue  # «Депутаты Жирмунского сельсовета»: a council its members or its chair belong to is the body
        noun = next((p for p in loading.parse(lowers[at]) if p.tag.POS == "NOUN"), None)
        singular = noun.inflect({"nomn", "sing"}) if noun else None
        if singular is None or singular.tag.gender is None:
            continue
        gender = singular.tag.gender
        status = "".join(f"{_adjective_nominative(word, gender, False)} " for word in lowers[first + 1 : at])
        name = f"{_adjective_nominative(adjective, gender, False)} {status}{singular.word}"
        yield doc[first : at + 1], name


# A region's own body named by the region's adjective: «Брестского областного центра», «Гомельского облисполкома».
_REGIONAL_BODY = re.compile(r"областн\w+|облисполком\w*|облсовет\w*")


def regional_bodies(doc: Doc, quoted: list[bool]) -> Iterator[tuple[Span, str]]:
    """ "директор Псковской областной больницы", "Гомельского облисполкома": a body of a region's level names
    the region by its adjective, as «Совет депутатов Челябинской области» does by its name. Not inside a quoted
    name: «Братский областной психоневрологический диспансер» is named for the city it stands in (a regional body
    away from the region's centre), and a quoted name is the body's, as `lexicon_names` reads it."""
    lowers = token_strings(doc, LOWER)
    for at, lower in enumerate(lowers):
        if at == 0 or not _REGIONAL_BODY.fullmatch(lower) or quoted[at - 1]:
            continue
        adjective = doc[at - 1]
        # «Брестского», «Восточно-Казахстанского»; not «ОБЛАСТНОГО» in a headline's capitals.
        if not _is_capitalized(adjective) or not adjective.text.replace("-", "").isalpha() or adjective.text.isupper():
            continue
        if not adjective.lower_.endswith(_REGION_ADJECTIVE_ENDINGS) or not _adjective(adjective.lower_):
            continue
        yield doc[at - 1 : at], f"{_adjective_nominative(adjective.text, 'femn', False)} область"


# A heading's words in capitals: a region's adjective («СОКОЛЬСКОГО», «ГОМЕЛЬСКОЙ»), its status words, its noun.
_SHOUTED_WORD = re.compile(r"[А-ЯЁ]+(?:-[А-ЯЁ]+)?")
_SHOUTED_REGION_ADJECTIVE = re.compile(r"[А-ЯЁ-]+[СЦ]К(?:ИЙ|ОГО|ОМУ|ИМ|ОМ|АЯ|ОЙ|УЮ|ОЕ)")


def heading_regions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """«АДМИНИСТРАЦИЯ СОКОЛЬСКОГО МУНИЦИПАЛЬНОГО ОКРУГА», «РЕЧИЦКОГО РАЙОНА ГОМЕЛЬСКОЙ ОБЛАСТИ», «ПРИДНЕСТРОВСКАЯ
    МОЛДАВСКАЯ РЕСПУБЛИКА»: a letterhead in capitals names its body's region, which the tagger, misreading capitals,
    takes into the body or for a name. Read by the dictionary alone: the place's adjectives, the status words
    («МУНИЦИПАЛЬНОГО», «СЕЛЬСКОГО»), then a region noun."""
    for heading in headings(doc):
        words = list(_SHOUTED_WORD.finditer(heading.text))
        proper = [_proper_region_adjective(w.group()) for w in words]
        for i, word in enumerate(words):
            if not proper[i] or (i > 0 and proper[i - 1]):
                continue  # not where a run of the place's adjectives starts
            at = i
            while at < len(words) and proper[at]:
                at += 1
            names = at
            while at < len(words) and words[at].group().lower() in _STATUS_WORDS:
                at += 1
            found = _shouted_region_noun(words[at].group()) if at < len(words) else None
            if found is None:
                continue
            gender, noun = found
            span = doc.char_span(heading.start + word.start(), heading.start + words[at].end(), alignment_mode="expand")
            if span is None:
                continue
            parts = [_adjective_nominative(w.group().lower(), gender, False) for w in words[i:at]]
            parts = [p.capitalize() if n < names - i else p for n, p in enumerate(parts)]
            yield span, " ".join([*parts, noun.capitalize() if noun == "республика" else noun])


def _proper_region_adjective(word: str) -> bool:
    """«СОКОЛЬСКОГО», «ПРИДНЕСТРОВСКАЯ»: a place's adjective in capitals, not a status word («СЕЛЬСКОГО»)."""
    return (
        bool(_SHOUTED_REGION_ADJECTIVE.fullmatch(word))
        and word.lower() not in _STATUS_WORDS
        and _adjective(word.lower())
    )


def _shouted_region_noun(word: str) -> tuple[str, str] | None:
    """A region noun in the singular, with its gender and nominative: «ОКРУГА» → (masc, округ)."""
    noun = next((p for p in loading.parse(word.lower()) if p.tag.POS == "NOUN"), None)
    if noun is None or noun.normal_form not in _lemmas("loc_region_nouns") or noun.tag.number != "sing":
        return None
    singular = noun.inflect({"nomn", "sing"})
    if singular is None or singular.tag.gender is None:
        return None
    return singular.tag.gender, singular.word


_DISTRICT_BODY = re.compile(r"районн\w+|райисполком\w*|райсовет\w*")
# A state service's district branch (a court, a department of a ministry, a prosecutor's office, a police unit) is
# named for its district in the news genre too, where no district is listed as a place; the district's own bodies
# (its executive, council, hospital, trade union) list it.
_COURT = re.compile(r"(?:суд|отдел|отделени|управлени|прокуратур)\w*")
# A utility's district branch («Чирчикского районного электросетевого предприятия», «Шекинского районного газового
# хозяйства») is named for the town or area it serves, a company's unit; the district is listed where the text names
# it otherwise («Денауского района»).
_UTILITY = re.compile(r"(?:электросетев|электрическ|энергосбыт|газов|газоснабжени|водоканал|водопроводн|тепловы?)\w*")


def district_bodies(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "председатель Слуцкого районного исполнительного комитета", "Можгинской районной больницы": a body of a
    district's level names the district by its adjective, as `regional_bodies` does a region's."""
    lowers = token_strings(doc, LOWER)
    for at, lower in enumerate(lowers):
        if at == 0 or not _DISTRICT_BODY.fullmatch(lower):
            continue
        if at + 1 < len(lowers) and (_COURT.fullmatch(lowers[at + 1]) or _UTILITY.fullmatch(lowers[at + 1])):
            continue
        adjective = doc[at - 1]
        if not _is_capitalized(adjective) or not adjective.text.replace("-", "").isalpha() or adjective.text.isupper():
            continue
        # The «-ск-»/«-цк-» shape is enough: pymorphy knows «Слуцкого» only as a surname's form.
        stem = re.match(r"(.+?[сц]к)(?:ий|ого|ому|им|ом|ая|ой|ую)$", adjective.text)
        if stem is None:
            continue
        yield doc[at - 1 : at], f"{stem.group(1)}ий район"
