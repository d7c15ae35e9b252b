"""Locations: the NER's LOC spans cleaned to the place they name, or dropped.

A span is trimmed to its place: brackets, a breadcrumb's steps, a heading's clause the tagger ran into the name, a
body's words the NER stretched over an organization («Жогорку Кенеше Кыргызской Республики» → «Кыргызской
Республики»), a legal form before a quoted name. It is dropped when it names no place: a street, a building or a
water body by its noun, a region's kind without its name, a work's title, a common word capitalized by its place
in a sentence, a capitalized attribute or a glued hashtag. Places inside a body's name («Правительство Москвы»,
«Ак-Суйскому айыл окмоту») and a town named by its adjective («в Минском районе», «Брестского») are read here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.loading import PROPER_GRAMMEMES
from models.punctuation import (
    OPENING_QUOTES,
    TYPOGRAPHIC_CLOSING_QUOTES,
    TYPOGRAPHIC_OPENING_QUOTES,
)
from pipelines.doc_views import token_strings
from pipelines.stages.locations.keys import (
    _ATTACHED_DEPS,
    _CLOSING_BRACKETS,
    _NAMING_DEPS,
    _OPENING_BRACKETS,
    _in,
    _in_words,
    _is_capitalized,
    _is_geox,
    _lemma,
    _not_places,
    gazetteer,
    span_key,
)
from pipelines.stages.locations.waters import _after_not_place_noun
from pipelines.stages.locations.words import (
    _ADJECTIVE_ENDING,
    _IN,
    _PLACE_ADJECTIVE,
    _SK_ADJECTIVE,
    _STATUS_WORDS,
    _adjective,
    _adjective_nominative,
    _is_region_noun,
    _not_place_noun,
    _person_noun,
)

# Adjectives that point back to a name already given: the kind after them is another unit's, named by it
# («кишлак Сиёма одноимённого джамоата», «село Бахмал соседнего района»), no word of the place's name.
_POINTING_ADJECTIVES = frozenset({"одноименный", "соседний", "данный", "указанный", "названный", "тот", "этот"})


def _trim(span: Span) -> Span | None:
    """The span without a bracketed tail ("Молдавия (КС)") and edge punctuation."""
    doc, start, end = span.doc, span.start, span.end
    for token in span:
        if token.text in _OPENING_BRACKETS or (token.text in TYPOGRAPHIC_OPENING_QUOTES and token.i > start):
            end = token.i  # «МВД России «Слободской»»: a quoted name after the place is another body's
            break
        if token.text in _CLOSING_BRACKETS:
            start = token.i + 1  # «(д. Вишнево) Воложинского повета»: the bracket closed before the name
        if token.i > start and _layout_gap(token):
            end = token.i  # «г. Димитровград          28.05.2025»: a letterhead's date set to the right margin
            break
        if token.i > start and token.is_lower and token.lemma_.replace("ё", "е") in _POINTING_ADJECTIVES:
            end = token.i  # «в кишлаке Сиёма одноимённого джамоата»: what follows points back, another unit's kind
            break
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if end - start > 1 and doc[start].pos_ == "ADP":
        start += 1  # «Во Владимире прошло заседание»: a sentence's capitalised preposition NER took in
    if end - start > 1 and municipal_kind(doc[start]):
        start += 1  # «МО Оржицкое сельское поселение»: the municipality's kind, then the place's name
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # A place's name ends on its noun: a lower-case adjective or participle after it is the sentence's
    # predicate the tagger took in («в посёлках Кышик и Цингалы подтопленными остаются …»).
    while end - start > 1 and _predicate_adjective(doc[end - 1]):
        end -= 1
    # «в джамоате Зарбдор района Рудаки»: a region noun after a name that is no adjective, a capitalized name after
    # it, is that name's kind, not the first name's.
    if (
        end - start == 2
        and end < len(doc)
        and doc[end - 1].is_lower
        and _in(doc[end - 1], "loc_region_nouns")
        and not _ADJECTIVE_ENDING.search(doc[start].lower_)
        and not _adjective(doc[start].lower_)
        and _is_capitalized(doc[end])
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _layout_gap(token: Token) -> bool:
    """A run of spaces or a tab within a line: columns of a layout, never the space between a name's words (a
    wrapped name's line break is a newline, which stays)."""
    text = token.text
    return token.is_space and "\n" not in text and (len(text) >= 3 or "\t" in text)


def _predicate_adjective(token: Token) -> bool:
    """A lower-case adjective or participle, or a finite verb («Дорогу до Кызыл-Жар отремонтируют»): the predicate."""
    form = token.morph.get("VerbForm")
    finite = token.pos_ in ("VERB", "AUX") and "Fin" in form
    return token.is_lower and (token.pos_ == "ADJ" or "Part" in form or finite)


def _is_place_like(span: Span) -> bool:
    """Evidence beyond NER that the span names a country, region or city."""
    key = span_key(span)
    if not key or key in _not_places() or _unnamed_kind(span):
        return False
    if gazetteer().canonical(key):
        return True
    root = span.root
    if _in(root, "loc_region_nouns") or _in(root, "loc_settlement_nouns"):
        return any(
            c.i in range(span.start, span.end) and _is_capitalized(c) and c.dep_ in _NAMING_DEPS for c in root.children
        )
    words = [t for t in span if not t.is_punct]
    return all(_is_capitalized(t) for t in words) and _is_geox(root.text)


def _place_after_body(span: Span) -> Span | None:
    """The place a body's name ends with: "Жогорку Кенеше Кыргызской Республики" → "Кыргызской Республики"."""
    inside = range(span.start, span.end)
    for token in span:
        if token.i == span.start or token.head.i not in inside or token.head.i >= token.i:
            continue
        if token.dep_ not in _ATTACHED_DEPS or token.left_edge.i <= span.start:
            continue
        start = token.left_edge.i
        # «Олий Мажлиса Республики Узбекистан»: a tagger reading the body's noun as the place's modifier leaves it
        # at the tail's edge; the body's words are no part of the place.
        while start < span.end - 1 and _is_body_noun(span.doc[start]):
            start += 1
        tail = span.doc[start : span.end]
        if _is_place_like(tail):
            return tail
    return None


def _is_quoted_name(span: Span) -> bool:
    """ "в загородном лагере «Сосновый бор»": a name standing alone in quotes names a camp, a hotel or a
    ship, not a place."""
    doc = span.doc
    return (
        span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text in TYPOGRAPHIC_OPENING_QUOTES
        and doc[span.end].text in TYPOGRAPHIC_CLOSING_QUOTES
    )


_TITLE_REACH = 12  # words from a place back to the quote that opens a work's title
_AUTHOR_REACH = 3  # an author's name between the work's kind and its title: «монографию Сослана Цаликова «…»»


def _in_a_work_title(span: Span) -> bool:
    """«рекомендовал к печати монографию «Аланские городища Центрального Кавказа»», «фильм «Битва за Москву»»: a
    place in a quoted work's title is the work's subject, not a place the text reports on."""
    doc = span.doc
    opening = None
    for token in reversed(doc[max(0, span.start - _TITLE_REACH) : span.start]):
        if token.text in TYPOGRAPHIC_CLOSING_QUOTES or token.text in _SENTENCE_ENDS - {"»"}:
            return False
        if token.text in TYPOGRAPHIC_OPENING_QUOTES:
            opening = token.i
            break
    if opening is None:
        return False
    for token in reversed(doc[max(0, opening - _AUTHOR_REACH - 1) : opening]):
        if token.is_lower:
            return _in(token, "org_work_kinds")
        if not (_is_capitalized(token) and token.is_alpha):
            return False
    return False


def _unnamed_kind(span: Span) -> bool:
    """ "МУНИЦИПАЛЬНЫЙ РАЙОН" of a heading, "избирательный округ № 12": a region's kind and status with no name,
    or an electoral district, which is drawn for a vote and names no place."""
    words = [t for t in span if t.text.replace("-", "").isalpha()]  # «Ивано-Франковской» is a word with a name
    if any(_in(t, "loc_not_place_modifiers") for t in words):
        return True
    # By pymorphy's lemma too: the tagger lemmatizes a heading's capitals badly.
    return bool(words) and all(
        t.lower_ in _STATUS_WORDS or _is_region_noun(t.lemma_, t.lower_) or _is_region_noun(_lemma(t.lower_), t.lower_)
        for t in words
    )


_SENTENCE_ENDS = frozenset({".", ":", "!", "?", "…", "|", "»"})


def _common_word_capitalized_by_position(span: Span) -> bool:
    """ "Спасибо." after a speaker's name, "Просмотров: 143", "Запросы направлены": a word the dictionary knows
    only as a common word, capitalized because it begins a sentence or a line, is no place's name."""
    if not span[0].is_alpha or span[0].text.isupper():
        return False
    # «Мэр округа отчитался …» of a headline: a common noun and common words after it in lower case name nothing
    # either («Центральный район», an adjective opening it, is a name).
    if len(span) > 1 and not (
        all(p.tag.POS == "NOUN" for p in loading.parse(span[0].lower_))
        and all(t.is_alpha and t.is_lower and _common_word(t) for t in span[1:])
    ):
        return False
    token = span[0]
    before = token.doc[token.i - 1] if token.i > 0 else None
    starts = (
        before is None
        or token.is_sent_start
        or "\n" in before.text
        or before.text in _SENTENCE_ENDS
        or (before.text.endswith(".") and before.text[:1].isupper())  # «ИБРАГИМОВ Р.С. Спасибо»
    )
    # «заместитель Губернатора области»: a post is capitalized out of respect anywhere in a sentence (a post with its
    # lower-case words after it: a name alone may be a common noun's homonym, «в секторе Древлянки»).
    post = len(span) > 1 and _person_noun(token)
    return (starts or _capitalized_attribute(token) or post) and _common_word(token)


def _common_word(token: Token) -> bool:
    """The dictionary knows the word only as a common word."""
    parses = loading.parse(token.lower_)
    return all(p.is_known for p in parses) and not any(tag in p.tag for p in parses for tag in PROPER_GRAMMEMES)


def _capitalized_attribute(token: Token) -> bool:
    """«города Почётной грамотой», «Благодарственным письмом»: a common adjective capitalized as an award's or a
    document's first word, the lower-case noun it qualifies right after it. A place's adjective («Российской
    академии») is made in -ск/-цк and is left to the other rules."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        after is not None
        and token.head.i == after.i
        and token.dep_ == "amod"
        and after.pos_ == "NOUN"
        and after.is_lower
        and not _PLACE_ADJECTIVE.search(token.lower_)
    )


# Parts of speech no place's name holds: a headline's verb, preposition or adverb run into a place by the tagger.
_CLAUSE_POS = frozenset({"VERB", "INFN", "GRND", "PREP", "CONJ", "PRCL", "ADVB", "INTJ"})


def _before_heading_clause(span: Span) -> Span | None:
    """«АКИМ СЕЛЬСКОГО ОКРУГА ОТЧИТАЛСЯ ПЕРЕД ЖИТЕЛЯМИ»: in a headline's capitals the tagger runs a place on into the
    rest of the line; the place ends before the first word the dictionary knows only as a verb, a preposition or
    another word of a clause (read in lower case: the capitals tell nothing)."""
    if len(span) < 2 or not span.text.isupper():
        return span
    for token in span:
        parses = loading.parse(token.lower_) if token.is_alpha else []
        if parses and all(p.is_known and p.tag.POS in _CLAUSE_POS for p in parses):
            return _trim(span.doc[span.start : token.i]) if token.i > span.start else None
    return span


def _glued_hashtag(span: Span) -> bool:
    """«#СоветСтарейшин», «#ГородскойСовет»: a hashtag glues a phrase's words into one, capitals inside; it tags
    the post with a phrase, not with a place («#Нарын», one word, may still be the city)."""
    if len(span) != 1 or span.start == 0 or not span.doc[span.start - 1].text.endswith("#"):
        return False
    word = span[0].text
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _legal_form_before_name(span: Span) -> bool:
    """«НАО «Национальный центр»», «АО «Береке»»: an abbreviation that is a company's legal form (or a municipality's
    kind), right before the quoted name, is the form («некоммерческое акционерное общество»), not the region it also
    spells."""
    doc = span.doc
    if len(span) != 1 or not span[0].text.isupper() or span.end >= len(doc):
        return False
    after = doc[span.end]
    if municipal_kind(span[0]) and after.is_title and after.is_alpha:
        return True  # «МО Оржицкое сельское поселение», «МО Ломоносовский муниципальный район»: the kind, unquoted
    quoted = after.text in OPENING_QUOTES
    if quoted and span[0].text.lower() in _legal_forms() | lexicons.load("loc_municipal_abbreviations"):
        return True
    # «ООО «Кольская сёмга», РК «Беломорский рыбак»», «(РК им. В.И. Ленина)»: an abbreviation opening a list's item
    # before a quoted name or an eponym is the body's form (a fishing collective), not the region it also spells; a
    # region's abbreviation in a body's name follows the form («ГАУ РК «Республиканский молодёжный центр»»).
    opens = span.start == 0 or doc[span.start - 1].text in {",", ";", "(", "\n"} or "\n" in doc[span.start - 1].text
    return opens and (quoted or after.lower_ in lexicons.load("eponym_words"))


def municipal_kind(token: Token) -> bool:
    """«МО», «ГО», «МР» in capitals: a municipality's kind before its name."""
    return token.text.isupper() and token.text.lower() in lexicons.load("loc_municipal_abbreviations")


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(lexicons.load("org_legal_forms"))


def _is_body_noun(token: Token) -> bool:
    # By pymorphy's lemma too: the tagger leaves a rare body's noun as written («Маджлиса», «Хурултая»).
    return _in(token, "loc_org_nouns") or _in_words(_lemma(token.text), token.lower_, "loc_org_nouns")


_BREADCRUMB_STEPS = frozenset({"/", "|", "›", "»", ">", "→"})


def clean_location(span: Span) -> Span | None:
    """A NER LOC span as a country, region or city, or None when it names something else."""
    trimmed = _trim(span)
    if trimmed is None:
        return None
    trimmed = _from_shouted_region(trimmed)
    if trimmed[-1].text.endswith("-"):
        return None  # «митрополит Средне- и Западноевропейский»: the first half of a compound word, its end shared
    if any(t.text in _BREADCRUMB_STEPS for t in trimmed):
        return None  # «Совет района / Новости Совета»: a site's breadcrumb, its steps run together
    if _after_not_place_noun(trimmed) or _is_quoted_name(trimmed) or _in_a_work_title(trimmed):
        return None
    if _glued_hashtag(trimmed) or _legal_form_before_name(trimmed) or _adjective_of_a_body(trimmed):
        return None
    root = trimmed.root
    is_body = any(_is_body_noun(t) for t in trimmed)
    if is_body or not (_in(root, "loc_region_nouns") or _in(root, "loc_settlement_nouns")):
        # A place hanging off a non-place head is the location, the head is a body or a title.
        tail = _place_after_body(trimmed)
        if tail is not None or is_body:
            return tail
        # «Контрольно-счетного органа округа»: a lower-case common noun heading the span, no place after it, is a
        # body's or a thing's name that a region noun at its end made NER read as a place.
        if (
            root.is_lower
            and root.pos_ == "NOUN"
            and len(trimmed) > 1
            and _is_region_noun(trimmed[-1].lemma_, trimmed[-1].lower_)
        ):
            return None
    if _not_place_noun(root) or span_key(trimmed) in _not_places() or _unnamed_kind(trimmed):
        return None
    if _common_word_capitalized_by_position(trimmed):
        return None
    trimmed = _before_heading_clause(trimmed)
    if trimmed is None or _unnamed_kind(trimmed):
        return None
    has_noun = any(t.pos_ in ("NOUN", "PROPN") for t in trimmed)
    if not has_noun and loading.parse(root.text)[0].tag.POS != "NOUN" and not _adjectival_town_in_a_list(trimmed):
        return None  # an adjective or adverb NER took for a name: "Штокмановское", "Наиболее"
    return trimmed


_BODY_REACH = 2  # words from a place's adjective to its body's noun: «Ак-Суйскому айыл окмоту», «… районному кенешу»


def _adjective_of_a_body(span: Span) -> bool:
    """«к Чон-Сары-Ойскому айыл окмоту», «Кара-Суйскому районному кенешу»: a lone place adjective the tagger read as a
    place, with a body's noun right after it (a word between at most), is the body's name in an oblique case, which
    names no place of its own; its nominative guess («Ак-Суйском») is no place's name either."""
    if len(span) != 1 or not _SK_ADJECTIVE.match(span[0].text):
        return False
    doc, words = span.doc, []
    for token in doc[span.end : min(len(doc), span.end + 2 * _BODY_REACH)]:
        if token.is_punct or "\n" in token.text:
            break
        if not token.is_space:
            words.append(token)
    return any(t.is_lower and _is_body_noun(t) for t in words[:_BODY_REACH])


def _from_shouted_region(span: Span) -> Span:
    """«РЕГИОНАЛЬНАЯ ПАЛАТА ЧАСТНЫХ СУДЕБНЫХ ИСПОЛНИТЕЛЕЙ ОБЛАСТИ АБАЙ»: in a heading in capitals the tagger runs a
    body's words into the region its name ends with; the region starts at its noun, or at the adjectives right
    before it («ВОСТОЧНО-КАЗАХСТАНСКОЙ ОБЛАСТИ»)."""
    if len(span) < 3 or not span.text.isupper():
        return span
    at = next((t.i for t in span[1:] if _in_words(_lemma(t.text), t.lower_, "loc_region_nouns")), None)
    if at is None:
        return span
    doc = span.doc
    while at > span.start and _adjective(doc[at - 1].lower_):
        at -= 1  # «СОКОЛЬСКОГО МУНИЦИПАЛЬНОГО ОКРУГА»: the region's adjectives, back to the body's noun
    return doc[at : span.end]


def _adjectival_town_in_a_list(span: Span) -> bool:
    """«посетила Благовещенск и Свободный», «в Мирном и Ленске»: a capitalized adjective with no noun of its own,
    joined to a town's proper name, is a town named by an adjective (Свободный, Мирный, Полярный)."""
    if len(span) != 1:
        return False
    token = span[0]
    if token.is_sent_start or not _is_capitalized(token) or token.text.isupper():
        return False
    if _SK_ADJECTIVE.match(token.text):
        return False  # «Самарской (88), Свердловской (80) и Новосибирской областях»: regions whose noun comes last
    # (A noun after it is the adjective's own; one before it is a misparse's: «в том числе в Ясный, Гай и …».)
    if any(c.pos_ in ("NOUN", "PROPN") and c.dep_ != "conj" and c.i > token.i for c in token.children):
        return False
    joined = [token.head] if token.dep_ == "conj" else []
    joined += [c for c in token.children if c.dep_ == "conj"]
    return any(t.i != token.i and t.pos_ == "PROPN" and t.ent_type_ == "LOC" for t in joined)


def _adjectival_town_after_in(span: Span) -> str | None:
    """«рассмотрены во вторник в Глубоком на заседании»: a capitalized adjective in the locative after «в», with no
    noun of its own, is a town named by an adjective (Глубокое, Мирный, Заречный); its nominative in the gender the
    tagger reads (the locative's «-ом» is masculine or neuter alike). Not a «-ский» adjective, whose noun is left
    out as often as not («в Ленинском» for its district)."""
    if len(span) != 1:
        return None
    token = span[0]
    if token.is_sent_start or token.pos_ not in ("ADJ", "PROPN") or not _is_capitalized(token) or token.text.isupper():
        return None
    if token.morph.get("Case") != ["Loc"] or token.morph.get("Number") == ["Plur"] or _SK_ADJECTIVE.match(token.text):
        return None
    parses = [p for p in loading.parse(token.lower_) if p.is_known]
    adjective = [p for p in parses if p.tag.POS == "ADJF" and p.tag.case == "loct"]
    if not adjective or not all(p in adjective or "Geox" in p.tag for p in parses):
        return None  # «в Покрове»: a name the tagger read as an adjective that the dictionary knows as a noun
    doc = token.doc
    # By the words beside it, not the parse, which may hang a lone adjective off the next noun it sees.
    if token.i == 0 or doc[token.i - 1].lower_ not in _IN:
        return None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ") and after.morph.get("Case") == ["Loc"]:
        return None  # «в Новом Уренгое», «в Белом доме»: the adjective's noun, however the parse hangs it
    if token.head.i != token.i and token.dep_ == "amod" and token.head.morph.get("Case") == ["Loc"]:
        return None  # «в Большом и Малом залах»: the noun further on, in the same case
    gender = "neut" if token.morph.get("Gender") == ["Neut"] else "masc"
    return _adjective_nominative(token.text, gender, False)


def adjectival_towns(doc: Doc, quoted: list[bool]) -> Iterator[tuple[Span, str]]:
    """Towns named by an adjective alone after «в» (`_adjectival_town_after_in`), whether NER tagged them or not."""
    lowers = token_strings(doc, LOWER)
    for i in range(1, len(doc)):
        if lowers[i - 1] in _IN and not quoted[i] and (town := _adjectival_town_after_in(doc[i : i + 1])) is not None:
            yield doc[i : i + 1], town


def places_in_body(span: Span, quoted: list[bool]) -> Iterator[Span]:
    """Places a body's name is made specific by: "Совет депутатов Челябинской области"."""
    inside = range(span.start, span.end)
    for token in span:
        if quoted[token.i] or token.head.i not in inside or token.head.i >= token.i:
            continue
        if token.dep_ not in _ATTACHED_DEPS or token.left_edge.i < span.start:
            continue
        place = span.doc[token.left_edge.i : min(token.right_edge.i + 1, span.end)]
        trimmed = _trim(place)
        trimmed = _from_shouted_region(trimmed) if trimmed is not None else None
        if trimmed is not None and _is_place_like(trimmed) and not any(t.text in _BREADCRUMB_STEPS for t in trimmed):
            yield trimmed
