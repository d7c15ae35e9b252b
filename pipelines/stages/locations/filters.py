"""Locations: what is named like a place but is not one, decided per candidate once the spans are gathered.

A word that is a person's surname of the text or stands beside a patronymic, a place adjective that titles a person
(«Вознесенский и Вичугский»), a body's abbreviation the text defines («(АМС г. Владикавказ)»), a numbered electoral
district, a series number or a designation, a Latin gloss of a Russian name, what a body is named after
(«школы им. Абая») or a credit line's agency, a field label, an institution's, venue's or event's name. Also here: a
name's nominative taken from a post's hashtag («в Кыре … #Кыра»), and a side of a country or region («юг Англии»),
which is a region of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.alphabet import CYRILLIC_LETTER
from models.components.extensions import doc_text
from models.punctuation import (
    DASHES,
    TYPOGRAPHIC_DASHES,
)
from pipelines.findings import PersonFinding
from pipelines.stages.locations.keys import (
    _OPTIONAL_WORD,
    _WORD,
    _in,
    _in_words,
    _is_capitalized,
    _is_geox,
    _lemma,
    gazetteer,
    span_key,
)
from pipelines.stages.locations.words import (
    _CONJUNCTION,
    _after_settlement_kind,
    _given_name,
    _is_region_noun,
    _not_place_noun,
    _place_adjective,
    _previous_word,
)

_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")


def _hashtag_form(name: str, tags: list[str]) -> str | None:
    """«в Кыре … #Кыра»: a post's hashtag writes its place in the nominative, which an oblique case leaves open (the
    dictionary reads «Кыре» and «Кыра» as the common noun «кыр»); a one-word name takes the form of a hashtag on its
    stem, one letter longer or shorter at most («#Кызылкия» glues a two-word name and is left alone)."""
    if not _WORD.fullmatch(name) or "-" in name:
        return None
    folded = name.lower().replace("ё", "е")
    for tag in tags:
        low = tag.lower().replace("ё", "е")
        shorter = min(len(low), len(folded))
        if (
            low != folded
            and tag[:1].isupper()
            and not tag.isupper()
            and shorter >= 3
            and abs(len(low) - len(folded)) <= 1
            and low[: shorter - 1] == folded[: shorter - 1]
        ):
            return tag
    return None


def _body_abbreviations(doc: Doc) -> frozenset[str]:
    """«первый секретарь Мозырского РК», «инструктор РК»: an abbreviation a place's adjective stands before is a
    body's («районный комитет»), not the country or region it also spells (РК, Республика Казахстан, is a noun's
    genitive after a noun: «Закон РК»); the text means that body by it wherever else it writes it."""
    text = doc_text(doc)
    return frozenset(
        found.group("abbreviation")
        for found in _ABBREVIATION_AFTER_WORD.finditer(text)
        if _place_adjective(found.group("adjective"))
    ) | frozenset(_defined_body_abbreviations(text))


# An abbreviation opening a bracket: «Администрации местного самоуправления г. Владикавказ (АМС г. Владикавказ)».
_BRACKETED_ABBREVIATION = re.compile(r"\((?P<abbreviation>[А-ЯЁ]{2,5})(?![\w-])")
_WORDS_BEFORE = 8  # the words before the bracket its letters are looked for in


def _defined_body_abbreviations(text: str) -> Iterator[str]:
    """«Администрации местного самоуправления г. Владикавказ (АМС …)»: an abbreviation the text defines in brackets
    after a body's name, whose letters are the initials of the name's words from its body noun on, is the body's
    wherever the text writes it («Глава АМС Вадим Дзантиев»), not a place (a region's «(ЗКО)» opens no body noun)."""
    for found in _BRACKETED_ABBREVIATION.finditer(text):
        letters = found.group("abbreviation").lower().replace("ё", "е")
        words = _WORD.findall(text[max(0, found.start() - 120) : found.start()])[-_WORDS_BEFORE:]
        for at in range(len(words) - len(letters) + 1):
            run = words[at : at + len(letters)]
            initials = "".join(w[0].lower() for w in run)
            if initials == letters and _in_words(_lemma(run[0]), run[0].lower(), "loc_org_nouns"):
                yield found.group("abbreviation")
                break


# A capitalised word, then an abbreviation of capitals alone: «Мозырского РК».
_ABBREVIATION_AFTER_WORD = re.compile(
    r"(?<![\w-])(?P<adjective>[А-ЯЁ][а-яё]+)[ \t]+(?P<abbreviation>[А-ЯЁ]{2,5})(?![\w-])"
)


def _body_abbreviation(span: Span, bodies: frozenset[str]) -> bool:
    """The span's one word is an abbreviation the text uses for a body (`_body_abbreviations`), punctuation aside."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return len(words) == 1 and words[0].text in bodies


def _numbered_district(span: Span) -> bool:
    """«депутат Ленинского округа № 34»: a district with a number is drawn for a vote and names no place."""
    doc, end = span.doc, span.end
    return (
        end + 1 < len(doc)
        and span[-1].lemma_ == "округ"
        and doc[end].text in ("№", "N")
        and doc[end + 1].text[:1].isdigit()
    )


def _word_stem(word: str) -> str:
    """A name without its case ending: Трамп, Трампа, Трампом → трамп."""
    w = word.lower().replace("ё", "е")
    ending = next(
        (e for e in ("ом", "ем", "ой", "а", "я", "у", "ю", "е", "и", "ы") if w.endswith(e) and len(w) > 4), ""
    )
    return w[: len(w) - len(ending)]


def _surname_stems(persons: tuple[PersonFinding, ...]) -> frozenset[str]:
    return frozenset(_word_stem(p.surname) for p in persons if " " not in p.surname)


# A patronymic in any case: «Курбановича», «Рашидовне», «Ильиничной».
_PATRONYMIC = re.compile(r"[А-ЯЁ][а-яё]+(?:(?:ович|евич|ьич)(?:а|у|ем|е)?|(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой|ою))")


def _beside_a_patronymic(span: Span, reach: int) -> bool:
    """«Бахтиёра Курбановича Матякубова», «Халиловой Наиле Рашидовне»: a word next to a patronymic (`reach` 1)
    or one word from it (`reach` 2) is a first name or a surname however place-like it looks."""
    doc = span.doc
    before = doc[max(0, span.start - reach) : span.start]
    after = doc[span.end : span.end + reach]
    return any(t.is_alpha and _PATRONYMIC.fullmatch(t.text) for t in (*before, *after))


# The particles of a Turkic patronymic written apart: «Тофиг Аскер оглу Бабаев», «Айжан Серик кызы», «Нурлан Асан
# уулу».
_TURKIC_PATRONYMIC_PARTICLES = frozenset({"оглы", "оглу", "кызы", "гызы", "уулу", "улы", "қызы"})


def _before_a_turkic_patronymic(span: Span) -> bool:
    """«Тофиг Аскер оглу Бабаев»: a word before a father's name and its particle is a first name."""
    doc = span.doc
    after = doc[span.end : span.end + 2]
    return (
        len(after) == 2
        and _is_capitalized(after[0])
        and after[0].is_alpha
        and after[1].is_lower
        and after[1].lower_ in _TURKIC_PATRONYMIC_PARTICLES
    )


_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _latin_gloss(span: Span) -> bool:
    """«острова Боедик (Boëdic)», «городе Мосул (Mossul)»: a name in Latin script in brackets right after a Russian
    one is that name's original spelling, the same place, not a second one (`latin_names` keeps a Latin place the
    text writes on its own: «in the US»)."""
    text = span.text
    if CYRILLIC_LETTER.search(text) or not _LATIN_WORD.search(text):
        return False
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(":
        return False
    before = doc[span.start - 2]
    return before.text[:1].isupper() and bool(CYRILLIC_LETTER.search(before.text))


def _title_adjective(token: Token) -> bool:
    """«Вичугский», «Святой»: an adjective, and no town's name («Иваново» reads as «Иванов»'s possessive too).
    A compound's last part decides («Иваново-Вознесенский» is an adjective whatever its first part is)."""
    if not any(p.tag.POS == "ADJF" for p in loading.parse(token.lower_)):
        return False
    return not any("Geox" in p.tag for p in loading.parse(token.lower_.rsplit("-", 1)[-1]))


_TITLED_NAME_REACH = 4  # tokens from a place adjective on to the name it titles: «Вознесенский и Вичугский»


def _titles_a_person(span: Span) -> bool:
    """«епископ Иваново-Вознесенский и Вичугский Иосиф», «митрополит Западноевропейский Симеон», «больнице Святой
    Марии»: place adjectives before a first name are a person's (a hierarch's, a saint's) title, not a place."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or not _is_capitalized(words[-1]):
        return False
    if _given_name(words[-1]):
        return len(words) > 1 and _title_adjective(words[-2])
    if not _title_adjective(words[-1]):
        return False
    # A title's first adjective stands apart only when joined to a second: «Иваново-Вознесенский и Вичугский Иосиф».
    # A lone adjective right before a name is a town's as often («в Октябрьском Иван Петров …»).
    doc = span.doc
    joined = False
    for token in doc[span.end : span.end + _TITLED_NAME_REACH]:
        if token.lower_ == _CONJUNCTION or token.text in DASHES or token.text == ",":
            joined = True
            continue
        if not _is_capitalized(token):
            return False
        if _given_name(token):
            # The name the title stands before comes right after a title's adjective; one right after the list's
            # comma or «и» is the list's next place: «в Ясный, Гай и Новотроицк».
            return joined and _title_adjective(doc[token.i - 1])
        if not (joined and _title_adjective(token)):
            return False
    return False


_SERIES_NUMBER = re.compile(r"\w+-\d+")


_DESIGNATION_LETTERS = 2  # «Ду 500», «ДН 300»: a pipe's or a part's size code is a letter or two


def _designation_before_number(span: Span) -> bool:
    """«трубопровода Ду 500»: a word of one or two letters with a number after it is a size's or a grade's code, not
    a place's name. Not a name the dictionary knows as a place («в городе Ош 12 марта»), nor an abbreviation in
    capitals («в РФ 3 млн»)."""
    end, word = span.end, span[0].text
    if len(span) != 1 or len(word) > _DESIGNATION_LETTERS or end >= len(span.doc):
        return False
    return span.doc[end].like_num and not word.isupper() and not _is_geox(word)


def _names_no_place(span: Span) -> bool:
    """«Старая Пинакотека», «Каталонский референдум», «Казань Арена», «Гайд-парк», «Формулы-1»: a name headed by an
    institution's, a venue's or an event's noun, ending in a building's noun (also as a compound's last part), or
    numbered as a series is a body's, a building's or an event's, not a place's."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return False
    last = words[-1]
    if _in(span.root, "loc_institution_nouns") or _in(last, "loc_institution_nouns"):
        return True
    if len(words) == 1 and last.is_alpha and _body_head(last.lower_) and not _after_settlement_kind(span):
        # «поручил областному Кенгашу»: a council's noun, capitalised as a body's name is, names no place; after a
        # settlement's kind it is a village's name («у села Кенеш»).
        return True
    if len(words) > 1 and _not_place_noun(last):
        return True
    if _SERIES_NUMBER.fullmatch(last.text):
        return True
    if _designation_before_number(span):
        return True
    if "-" in last.text:
        part = last.lower_.rsplit("-", 1)[-1]
        lemmas = {p.normal_form for p in loading.parse(part) if p.tag.POS == "NOUN"} if part.isalpha() else set()
        return any(_in_words(lemma, part, "loc_not_place_nouns") for lemma in lemmas)
    return False


_CREDIT_WORDS = frozenset({"источник", "фото", "автор"})
_MONTH_STEMS = ("янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def _named_after_or_credited(span: Span) -> bool:
    """«университета имени Ахмета Байтурсынулы», «школы им. Абая»: what a body is named after is a person or an
    event, not a place. «БИШКЕК, 16 октября — Кабар.», «Источник: Кабар»: the agency a dateline or a credit line
    names after its date or its colon is a body."""
    before = _previous_word(span)
    if before is None:
        return False
    if before.lower_ in lexicons.load("eponym_words"):
        return True
    doc = span.doc
    if len(span) != 1 or span.start < 2:
        return False
    mark, word = doc[span.start - 1], doc[span.start - 2]
    if mark.text == ":":
        return word.lower_ in _CREDIT_WORDS
    after = doc[span.end] if span.end < len(doc) else None
    dated = word.like_num or word.lower_.startswith(_MONTH_STEMS)
    ends = after is None or after.text == "." or "\n" in after.text
    return mark.text in TYPOGRAPHIC_DASHES and dated and ends


def _field_label(span: Span) -> bool:
    """«Бөлүшүү: Facebook», «Көрүүлөр: 273», «Жарыяланды: 14.04.2025»: one word opening its line before a colon is a
    web page's or a protocol's field label (share, views, published), which NER reads as a place when it does not know
    the language; no report names its place so."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc) or doc[span.end].text != ":":
        return False
    text, start = doc_text(doc), span.start_char
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


# Heads of bodies' names that name a polity or a community too: «Федерации», «Союза», «общины» may be a place's.
_POLITY_HEADS = frozenset({"федерация", "конфедерация", "автономия", "союз", "содружество", "сообщество", "община"})


@lru_cache(maxsize=20_000)
def _body_head(word: str) -> bool:
    """A body's head noun (`org_heads`: кенгаш, маслихат, совет) in any case, as the dictionary or its guess reads it;
    not one that may name a polity (`_POLITY_HEADS`)."""
    heads = lexicons.load("org_heads") - _POLITY_HEADS
    return word in heads or any(p.tag.POS == "NOUN" and p.normal_form in heads for p in loading.parse(word))


def _names_a_person(span: Span, surnames: frozenset[str]) -> bool:
    """A lone word the tagger took for a place that is a person's name: a surname of a person of the text
    («Клинтон», «Трампа»), or a word pymorphy's dictionary knows as a surname and never as a place
    («Младич», «Вернадского» of a street left out). Not a first name: «Вирджиния», «Шарлотта» are
    places too. A lexicon place is a place whatever it shares."""
    if len(span) != 1 or not span[0].text.replace("-", "").isalpha() or gazetteer().canonical(span_key(span)):
        return False
    parses = [p for p in loading.parse(span[0].lower_) if p.is_known]
    if any("Geox" in p.tag for p in parses):
        return False
    if _beside_a_patronymic(span, 1) or _before_a_turkic_patronymic(span):
        return True  # «хокима района Бахтиёра Курбановича»: a first name, whatever stands before it
    before = _previous_word(span)
    # Lower-case only: an initial «С.» is no «с.» (село).
    if before is not None and before.is_lower and before.lower_ in lexicons.load("loc_place_prepositions"):
        return False  # «родился в Козлове», «князя Петра Николаевича в Антибе»: what stands there is a place
    if (
        before is not None
        and before.is_lower
        and _is_region_noun(before.lemma_, before.lower_)
        and not _named_before(before)
    ):
        return False  # «в графстве Кент», «города Щучинска Нурлана Бекетовича»: the noun's own name
    # «округа Халиловой Наиле Рашидовне»: after «Сосновоборского городского округа», already named, a name.
    return _beside_a_patronymic(span, 2) or _word_stem(span[0].text) in surnames or any("Surn" in p.tag for p in parses)


def _named_before(noun: Token) -> bool:
    """«Сосновоборского городского округа»: the region's or settlement's noun has its name before it already."""
    for token in reversed(noun.doc[max(0, noun.i - 3) : noun.i]):
        if token.pos_ != "ADJ":
            return False
        if _is_capitalized(token):
            return True
    return False


def _shares_its_noun(span: Span, name: str) -> bool:
    """«в Валдайском и Старорусском районах»: a name in a list that shares its region noun in the plural (the span
    without the noun its name has, or ending on the plural noun) is no choice of the name without the status word: the
    list could not have written it."""
    last = span[-1]
    plural = last.pos_ == "NOUN" and "Plur" in last.morph.get("Number")
    return plural or len(_WORD.findall(name)) > len(_WORD.findall(span.text))


def _with_status(name: str, listed: str) -> bool:
    """`name` is `listed` with the status word the text may leave out: «Вольский муниципальный район»."""
    words, shorter = _WORD.findall(name), _WORD.findall(listed)
    return len(words) > len(shorter) and any(_lemma(w) == _OPTIONAL_WORD for w in words)


# The sides of a country or region: "юг Англии" is a region of its own. A city's centre or suburbs are not.
_SIDES = frozenset({"юг", "север", "запад", "восток", "северо-запад", "северо-восток", "юго-запад", "юго-восток"})


def _part_of_place(span: Span) -> str | None:
    """ "на юге Англии", "на востоке Украины": a side of a named place is a region of its own."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if before.lemma_.lower() not in _SIDES or _is_capitalized(before) or span.root.morph.get("Case") != ["Gen"]:
        return None
    return f"{before.lemma_.lower()} {span.text}"
