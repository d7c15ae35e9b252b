"""What is named like a body but is not one (`_is_body`), decided per body over its mentions.

Tournaments and awards (`org_not_bodies`), events that take place, hospitals and buildings (unless registered or
named by a place and level of government), the venue of the meeting, facilities and works with a quoted name,
the media a text only posts through («написал в своём Twitter»), a page's rubrics, field labels and chrome
lines, a dateline's town, the title of a periodical's issue, a letterhead line in the state language, a body «to
be founded», an embassy one is only inside. Each test reads the words around a mention; most drop a body only
when they hold for every mention of it.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from models import lexicons, loading
from models.components.extensions import doc_text
from models.grammars import organizations as grammar
from models.grammars.places import place_kinds
from models.loading import PROPER_GRAMMEMES
from models.punctuation import CLOSING_QUOTES, OPENING_QUOTES, QUOTES
from pipelines.body_identity import WORD, Body, latin_words
from pipelines.doc_views import token_strings
from pipelines.findings import TextSpan
from pipelines.stages.organizations._common import _PLACE_ADJECTIVE, _line_between
from pipelines.stages.organizations.places import _apposed_regions
from pipelines.stages.organizations.readings import _SEPARATORS
from pipelines.titles import is_position_head, is_position_head_word


def _common_noun(word: str) -> bool:
    parses = loading.parse(word)
    return (
        bool(parses)
        and loading.morph().word_is_known(word)
        and all(p.tag.POS == "NOUN" and not set(PROPER_GRAMMEMES) & p.tag.grammemes for p in parses)
    )


def _field_sign(pair: str) -> bool:
    """The sign next to a field (the pair's last character), with the character on its far side: «›», «|», «/», or
    «»» standing apart («Главная » Новости »»), not closing a quoted name."""
    sign = pair[-1:]
    return sign in _SEPARATORS | {"/"} or (sign == "»" and (len(pair) < 2 or pair[0].isspace()))


# A site's sections of news: «Новости фонда», «Новости отделений», «События района».
_NEWS_RUBRICS = frozenset({"новость", "событие", "анонс", "объявление"})


def _news_rubric(body: Body) -> bool:
    """«Новости фонда», «Новости организаций»: a section of news on the site of a body the page belongs to, named by
    the kind in small letters after the rubric, is the page's chrome, not a body."""
    words = WORD.findall(body.name)
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and grammar.word_lemma(words[0]) in _NEWS_RUBRICS
        and all(w.islower() for w in words[1:])
    )


def _rubric(doc: Doc, body: Body) -> bool:
    """«2024-10-09 | ВКО | Общество», «Басты бет / Жаңалықтар / Новости»: a whole field of a page's widget line or
    breadcrumb that is one common noun (a rubric of the site) or has no kind of body in it (a menu item in another
    language) is not the name of a body; «Хокимият Хивинского района | Новости» is one."""
    if body.abbreviation or any(q in body.name for q in QUOTES):
        return False
    if not (len(body.words) == 1 or body.head is None):
        return False
    text = doc_text(doc)
    for mention in body.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        # One word: a common noun or a bare kind of body («Кенеш», «Общество»), not a proper name («Газпром»).
        common = span is not None and len(span) == 1 and (span[0].pos_ == "NOUN" or body.head is not None)
        # (A capitalised rubric the tagger reads as a name, «Новости»: the dictionary's common noun.)
        common = common or (span is not None and len(span) == 1 and _common_noun(span[0].lower_))
        if span is None or (len(body.words) == 1 and not common):
            return False
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start : mention.start].strip(), text[mention.end : line_end].strip()
        # «/УзА/»: a name between slashes that touch it is an agency's credit, not a field.
        apart = not text[mention.start - 1 : mention.start].strip() and not text[mention.end : mention.end + 1].strip()
        if not (before or after) or not apart:
            return False
        fields = (not before or _field_sign(before[-2:])) and (not after or _field_sign(after[:2][::-1]))
        if not fields:
            return False
    return True


@cache
def _named_kinds() -> frozenset[str]:
    """Kinds of facility, programme or work whose quoted name is not a body's (united once, not per body)."""
    return lexicons.load("org_facility_kinds") | lexicons.load("org_programme_kinds") | lexicons.load("org_work_kinds")


def _facility_named(doc: Doc, body: Body) -> bool:
    """«реконструкция рынка «Сузак»», «на стадионе «Фишт»», «через портал «Добро.рф»»: a quoted name every mention of
    which follows a lower-case kind of facility or site (`org_facility_kinds`) names that facility; «о грантах
    «Агростартап» и «Семейная ферма»», «спектакль «Борис Годунов»»: one after a kind of programme, grant, event or
    work (`org_programme_kinds`, `org_work_kinds`) names that, and so does each quoted name coordinated with it."""
    kinds = _named_kinds()
    for mention in body.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        # The opening quote, inside the mention or right before it, and the kind before the quote.
        quote = span.start if doc[span.start].text in QUOTES else span.start - 1
        if quote < 1 or doc[quote].text not in QUOTES:
            return False
        quote = _first_of_coordinated(doc, quote)
        kind = doc[quote - 1]
        # (A capital that opens a sentence says nothing: «Шествие «Бессмертного полка» пройдёт …».)
        named = (kind.is_lower or (kind.is_sent_start and kind.is_title)) and _of_kind(kind, kinds)
        if not named and not _programme_of(doc, quote):
            return False
    return True


_PROGRAMME_TAIL = 3  # «программы | льготного микрокредитования | «Бизнес Бастау»»


def _programme_of(doc: Doc, quote: int) -> bool:
    """«в рамках программы льготного микрокредитования «Бизнес Бастау»»: a kind of programme, then what it is for in
    the genitive in small letters, before the quoted name names that programme."""
    kinds = lexicons.load("org_programme_kinds")
    for i in range(quote - 2, max(quote - 2 - _PROGRAMME_TAIL, -1), -1):
        if not (doc[i + 1].is_lower and "Gen" in doc[i + 1].morph.get("Case")):
            return False
        if doc[i].is_lower and _of_kind(doc[i], kinds):
            return True
    return False


# Units of a body that have a quoted name of their own («филиал «Север» АО «Мособлгаз»», «отдел «Этнодемографические
# … процессы» ИДИ …»): gold-format keeps the unit in the position, the body after it is the organization.
_NAMED_UNITS = frozenset({"филиал", "отдел", "сектор", "подразделение", "кафедра", "лаборатория"})


def _unit_named(doc: Doc, body: Body) -> bool:
    """A quoted name every mention of which follows a lower-case kind of unit (`_NAMED_UNITS`) names that unit; a
    quoted name in the genitive there is the body the unit belongs to («филиала «Газпрома»»)."""
    for mention in body.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        quote = span.start if doc[span.start].text in QUOTES else span.start - 1
        if quote < 1 or doc[quote].text not in OPENING_QUOTES or quote + 1 >= len(doc):
            return False
        kind = doc[quote - 1]
        if not kind.is_lower or grammar.word_lemma(kind.text) not in _NAMED_UNITS:
            return False
        if "Gen" in doc[quote + 1].morph.get("Case") and "Nom" not in doc[quote + 1].morph.get("Case"):
            return False
    return True


def _place_by_kind(body: Body) -> bool:
    """«Караколский айылный аймак», «Таласский район»: a name the NER read whose last word, in lower case, is a kind
    of place and that has no kind of body is the place (a location), not an organization."""
    words = body.name.split()
    if body.head is None and len(words) == 1 and _PLACE_ADJECTIVE.search(words[0]) and not body.abbreviation:
        return True  # «11 депутатов Куугандинского, …»: a place's adjective alone, its noun left to a later one
    if len(words) == 1 and words[0].islower() and body.words and body.words[0] in place_kinds():
        return True  # «заседание хякимлика | велаята»: a kind of place alone, in small letters
    return (
        body.head is None
        and len(words) >= 2
        and words[-1].islower()
        and (words[-1] in place_kinds() or words[-1] == _LANDMARK)
        and not any(q in body.name for q in QUOTES)
    )


# A town's fortress named by the town's adjective («в Нижегородском кремле», «на базе Коломенского кремля»): a place
# the meeting is held at (the bare «Кремль», the presidency by its seat, is a body in NEREL and stays one).
_LANDMARK = "кремль"


def _community(body: Body) -> bool:
    """«Глава Горисской общины», «община Гюмри»: an Armenian community named by its place alone is a municipality, a
    place (its council, «совет старейшин Горисской общины», is the body; a registered community has a quoted name:
    «родовая община «Кичига»»)."""
    words = body.name.split()
    # («Община Гавар Гегаркуникской области Республики Армения», a letterhead: the region and the state it is in are
    # the place's too.)
    where = all(
        _PLACE_ADJECTIVE.search(w.lower()) is not None or grammar.word_lemma(w) in _COMMUNITY_REGIONS or w[:1].isupper()
        for w in words[2:]
    )
    return (
        body.head == "община"
        and len(words) >= 2
        and where
        and not any(q in body.name for q in QUOTES)
        and (_PLACE_ADJECTIVE.search(words[0]) is not None or words[1][:1].isupper())
    )


# Kinds of region an Armenian community's letterhead names it with.
_COMMUNITY_REGIONS = frozenset({"область", "марз", "республика", "район"})


def _of_kind(token: Token, kinds: frozenset[str]) -> bool:
    if grammar.word_lemma(token.text) in kinds:
        return True
    # «в лагере»: the dictionary's first reading may be another noun's («лагер»); any noun reading of the kind counts.
    if any(p.tag.POS == "NOUN" and p.normal_form in kinds for p in loading.parse(token.lower_)):
        return True
    # «в махаллях «Зохидон» и «Кайрагоч»»: a state-language kind the dictionary does not know, by its stem.
    word = token.lower_
    return not loading.morph().word_is_known(word) and any(len(k) >= 5 and word.startswith(k[:-1]) for k in kinds)


# How many quoted names a kind may be shared by: «грантах «Агростартап», «Семейная ферма» и «Агропрогресс»», the six
# new streets' «наименования «Бірлік», «Достық», …, «Ақсай» и «Береке»».
_MAX_COORDINATED = 6
_MAX_QUOTED_WORDS = 8


def _first_of_coordinated(doc: Doc, quote: int) -> int:
    """The opening quote of the first of quoted names joined by «и» and commas that ends with the one at `quote`."""
    for _ in range(_MAX_COORDINATED):
        joint = quote - 1
        if joint < 1 or doc[joint].lower_ not in ("и", ",") or doc[joint - 1].text not in QUOTES:
            break
        opening = next(
            (i for i in range(joint - 2, max(joint - 2 - _MAX_QUOTED_WORDS, -1), -1) if doc[i].text in QUOTES), None
        )
        if opening is None or opening < 1:
            break
        quote = opening
    return quote


# Verbs of an event taking place («Форум …, который пройдёт в Гродно», «Съезд … состоится в мае», «Форум «Зарни ас»
# соберёт молодых предпринимателей»). Lemmas.
_TAKING_PLACE = frozenset({"пройти", "проходить", "состояться", "открыться", "завершиться", "начаться", "собрать"})
_BODY_SITTINGS = frozenset({"собрание", "курултай"})
_NAMED_GATHERINGS = frozenset({"форум", "конференция", "семинар", "саммит", "фестиваль", "слёт", "слет"})


def _event(doc: Doc, body: Body) -> bool:
    """«Форум творческой и научной интеллигенции …, который пройдёт в Гродно»: a body named by a kind of event
    (`meeting_events`) that takes place in the text is the event, not a body («Форум стран-экспортёров газа»)."""
    if body.head is None or body.head not in lexicons.load("meeting_events"):
        return False
    # «готовит форум сельской молодёжи», «на форуме»: in lower case the kind is the event, a body has a proper name
    # («Форум стран-экспортёров газа»). (Not a body's kinds that also name its sitting: «собрание», «курултай».)
    if body.name[:1].islower() and body.head not in _BODY_SITTINGS and not any(q in body.name for q in QUOTES):
        return True
    # «проведение форума «Сообщество»»: a gathering's kind in lower case before a quoted name is the event's title
    # (unlike «коллегия адвокатов «…»», a body).
    if body.name[:1].islower() and body.head in _NAMED_GATHERINGS:
        return True
    # «на панельной сессии ХІІ Гражданского форума Алматы», «на 8-ом Гражданском форуме»: a gathering counted by its
    # editions is the event, however its name is capitalised.
    if body.head in _NAMED_GATHERINGS and all(_counted_edition(doc, m) for m in body.mentions):
        return True
    for mention in body.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        after = doc[span.end : min(span.end + 4, len(doc))]
        # «…, который пройдёт …»: the relative clause right after the name.
        relative = [t for t in after if t.lemma_ == "который"]
        if relative and any(t.lemma_ in _TAKING_PLACE for t in relative[0].head.subtree if t.pos_ == "VERB"):
            return True
        # The subject of «пройти» in the same line: a letterhead line («Законодательное Собрание … края») the parser
        # runs on into the headline and the first sentence is no subject of that sentence's verb.
        verb = span.root.head
        if span.root.dep_ == "nsubj" and verb.lemma_ in _TAKING_PLACE and not _line_between(doc, span.root, verb):
            return True
    return False


# A Roman ordinal (in Latin or Cyrillic letters, the Kazakh «І» too) or an Arabic one («11», «8-ом»).
_EDITION = re.compile(r"^(?:[IVXLХІ]{1,6}|\d{1,3}(?:-?[а-я]{1,3})?)$")


def _counted_edition(doc: Doc, mention: TextSpan) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    # The ordinal before the name, or read into it by the tagger («ХІІ Гражданского форума»).
    return _EDITION.match(span[0].text) is not None or (
        span.start > 0 and _EDITION.match(doc[span.start - 1].text) is not None
    )


def _field_label(doc: Doc, body: Body) -> bool:
    """«Теги: #инклюзия …», «Фото: пресс-служба …»: a common word opening a line before a colon labels a page's
    field; a body's name there heads a news line («Роскомнадзор: …», «ФИФА: …») and is a proper word."""
    if len(body.words) != 1 or body.abbreviation or body.head is not None:
        return False
    text = doc_text(doc)
    for mention in body.mentions:
        word = text[mention.start : mention.end]
        at_line_start = mention.start == 0 or text[mention.start - 1] == "\n"
        if not at_line_start or text[mention.end : mention.end + 1] != ":":
            return False
        # «Ulashish: Telegram · Facebook»: share buttons labelled in any language, whatever the dictionary knows.
        if _media_line(text, mention, _lemma_names("org_media")):
            continue
        if not loading.morph().word_is_known(word.lower()) or "Orgn" in loading.parse(word.lower())[0].tag:
            return False
    return True


# «написал в своём Twitter», «на странице в Facebook», «в мессенджерах Telegram и WhatsApp»: the words
# that may stand between a medium and the preposition that makes it the place of a post.
_MEDIUM_PREPOSITIONS = frozenset({"в", "во", "на", "через"})
_MEDIUM_REACH = 4


@cache
def _lemma_names(name: str) -> frozenset[tuple[str, ...]]:
    """Entries of a lexicon as lemma sequences, so that an entry may be written in any form."""
    return frozenset(tuple(grammar.word_lemma(w) for w in WORD.findall(entry)) for entry in lexicons.lines(name))


def _starts_with(words: tuple[str, ...], names: frozenset[tuple[str, ...]]) -> bool:
    return any(words[: len(name)] == name for name in names)


def _as_medium(doc: Doc, mention: TextSpan) -> bool:
    """The mention is where something was posted: a preposition before it, over lower-case words,
    quotes, commas and other media («в своём микроблоге в Твиттере», «в Facebook, Skype и …»)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    media = _lemma_names("org_media")
    # «Поделиться: ВКонтакте | Telegram»: a page's share buttons.
    around = [doc[i].text for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    if any(t in _SEPARATORS for t in around):
        return True
    # «Бөлүшүү: Facebook WhatsApp Telegram» (share, in any language): a label and media names only.
    if _media_line(doc_text(doc), mention, media):
        return True
    i = span.start - 1
    while i >= 0 and span.start - i <= _MEDIUM_REACH:
        token = doc[i]
        if token.lower_ in _MEDIUM_PREPOSITIONS:
            return True
        passable = token.is_lower or token.is_punct or (grammar.word_lemma(token.text),) in media
        if not passable or token.text in ".!?":
            return False
        i -= 1
    return False


def _media_line(text: str, mention: TextSpan, media: frozenset[tuple[str, ...]]) -> bool:
    """The mention's line is a label, a colon and nothing but the names of media."""
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    line = text[start : end if end >= 0 else len(text)]
    label, colon, rest = line.partition(":")
    words = WORD.findall(rest)
    if not colon or len(label.split()) > 2 or len(words) < 2:
        return False
    return all((grammar.word_lemma(w),) in media for w in words)


_MAX_TITLES = 8  # how far back a list of titles is followed to the kind of work that opens it
_MAX_TITLE_REACH = 40


def _titled_work(doc: Doc, mention: TextSpan, kinds_lexicon: str) -> bool:
    """The mention is a work's or a product's name: in quotes or in Latin letters (a name in apposition, not a
    genitive owner: «программ правительства США», «автомобиль МЧС»), right after a kind of work or product
    («сериала «Доктор Кто»», «альбом Blackstar», «автомобиль Honda»; `org_work_kinds`, `org_product_kinds`) or after
    the list of names it is in («фильмах «Разрыв», «Брюс всемогущий» и «Копейка»»)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    quoted = span[0].text in QUOTES or (span.start > 0 and doc[span.start - 1].text in QUOTES)
    if not quoted and latin_words(span.text) is None:
        return False
    kinds = lexicons.load(kinds_lexicon)
    i = span.start - 1
    titles = 0
    while i >= 0:
        token = doc[i]
        if token.text in QUOTES:
            i -= 1
            continue
        if token.lemma_.lower() in kinds or grammar.word_lemma(token.text) in kinds:
            return True
        # «…», «…» и «…»: step over the previous title of a list to what opens it.
        if not quoted or token.text not in (",", "и") or titles >= _MAX_TITLES or i == 0:
            return False
        if doc[i - 1].text not in CLOSING_QUOTES:
            return False
        titles += 1
        i -= 2
        while i >= 0 and doc[i].text not in OPENING_QUOTES and span.start - i < _MAX_TITLE_REACH:
            i -= 1
        i -= 1
    return False


# A university or academy that hosts a meeting is a body the record names («в конференц-зале Университета имени
# Шакарима города Семей состоялось собрание»: the golds of heldout-genre-16 list it, as they list no school or house
# of culture that only hosts one).
_HIGHER_SCHOOLS = frozenset({"университет", "академия", "институт", "консерватория"})


def _venue_kind(name: str) -> bool:
    """The name's first noun, after its adjectives only, is a house of culture or a school (`org_venue_kinds`)."""
    kinds = lexicons.load("org_venue_kinds") | (lexicons.load("org_proper_kinds") - _HIGHER_SCHOOLS)
    for word in WORD.findall(name):
        if grammar.word_lemma(word) in kinds:
            return True
        if not re.search(grammar.ADJECTIVE_ENDING, word.lower()):
            return False
    return False


# Buildings named by what or whom they house: «Дом культуры», «Дом национальностей», «Дворец спорта», «Дом
# Правительства Московской области». No gold lists one unregistered (a registered one has its form and quotes:
# «МБУК «Районный дом культуры»»); «Белый дом», named by an adjective, is not of this shape.
_HOUSES = frozenset({"дом", "дворец"})


def _house(token: Token) -> bool:
    return token.is_title and any(p.tag.POS == "NOUN" and p.normal_form in _HOUSES for p in loading.parse(token.lower_))


def _house_of(doc: Doc, mention: TextSpan) -> bool:
    """The mention is a «Дом»/«Дворец» with what it houses in the genitive, or the body in the genitive after one
    («в здании Дома Правительства Московской области»: the building, not the government)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start > 0 and _house(doc[span.start - 1]) and "Gen" in span[0].morph.get("Case"):
        return True
    if len(span) < 2 or not _house(span[0]):
        return False
    return "Gen" in span[1].morph.get("Case") and span[1].pos_ in ("NOUN", "PROPN")


_VENUE_FIELD = re.compile(r"\s*Место проведения\s*[:–—-]", re.IGNORECASE)
_VENUE_REACH = 3  # «в | актовом | зале | гимназии», «в | районном | Доме культуры»


def _in_venue_field(text: str, mention: TextSpan) -> bool:
    return _VENUE_FIELD.match(text[text.rfind("\n", 0, mention.start) + 1 : mention.start]) is not None


def _venue(doc: Doc, mention: TextSpan) -> bool:
    """«в актовом зале гимназии № 1», «в районном Доме культуры прошла сессия»: the name is where the meeting is,
    after a hall or building of it (`meeting_venue_nouns`), or after «в» with a verb of taking place next."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    # «Место проведения: город Энгельс, Дом культуры, большой зал»: a protocol's field of where it met.
    text = doc_text(doc)
    line = text[text.rfind("\n", 0, mention.start) + 1 : mention.start]
    if _VENUE_FIELD.match(line):
        return True
    halls = lexicons.load("meeting_venue_nouns")
    hall = False
    for i in range(span.start - 1, max(span.start - 1 - _VENUE_REACH, -1), -1):
        token = doc[i]
        if token.lower_ in ("в", "во"):
            after = doc[span.end : min(span.end + _VENUE_REACH, len(doc))]
            return hall or any(t.lemma_ in _TAKING_PLACE for t in after)
        if grammar.word_lemma(token.text) in halls:
            hall = True
        elif token.pos_ != "ADJ":
            return False
    return False


# «АЯГОЗ, 29 мая – …», «Нукус, 10 июня 2025 г.»: a news item's dateline, the town (in capitals or not), a comma and
# the day.
# («КЫЗЫЛОРДА. 22 января. КАЗИНФОРМ – …»: Kazinform's datelines end the town with a full stop, then the month by name.)
_DATELINE = re.compile(
    r"[А-ЯЁA-Z][А-ЯЁA-Zа-яё-]*(?:,\s{1,3}\d{1,2}\s{1,3}[а-яё]{3,8}\b|\.\s{1,3}\d{1,2}\s{1,3}(?:января|февраля|марта"
    r"|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b)"
)


def _dateline(text: str, mention: TextSpan) -> bool:
    """The town a dateline opens a line with is a place, not a body, however the tagger reads the capitals."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    return not text[line_start : mention.start].strip() and _DATELINE.match(text, mention.start) is not None


# «2025-03-19T14:22:07+03:00»: a page's timestamp, which the tagger may read as a name for its «T»; no body's name is
# a date without a word in it («2×2», «U2», «Ъ» are).
_DATE = re.compile(r"\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4}")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def _timestamp(name: str) -> bool:
    return _DATE.search(name) is not None and _TWO_LETTERS.search(name) is None


# Letters of the state languages the Russian alphabet lacks (Kazakh, Kyrgyz, Tatar, Bashkir, Belarusian; Uzbek
# Cyrillic «ҳ», Tajik «ҷ», «ӣ», «ӯ»: «НАВОИЙ ВИЛОЯТИ ҲОКИМЛИГИ», «МАҶЛИСИ ВАКИЛОНИ ХАЛҚ»).
_STATE_LETTERS = re.compile(r"[әғқңөұүһіўҳҷӣӯӘҒҚҢӨҰҮҺІЎҲҶӢӮ]")


def _state_language(name: str) -> bool:
    """«Абай облысы Аягөз ауданының мәслихаты», a letterhead's line in the state language: the golds list the body
    by its Russian name only (heldout-genre-5, -7, -8, -9, -10); a quoted name («Қамқор-Қарағанды») is kept."""
    unquoted = re.sub(r"[«\"][^»\"]*[»\"]?", "", name)
    # («маслихат области Жетісу»: a region's name in its own spelling, after its Russian kind, is a Russian name's.)
    words = [w for w in unquoted.split() if w.lower() not in _apposed_regions()]
    if not unquoted.isupper():
        # («Жаңаарқинского районного маслихата»: a place's name in its own spelling before Russian kind words is a
        # Russian name; the state language shows in the words written small, its kinds and cases: «ауданының
        # мәслихаты», «вакилони халқ».)
        words = [w for w in words if not w[:1].isupper()]
    return _STATE_LETTERS.search(" ".join(words)) is not None


# Words a media outlet's quoted name follows: its credit («сообщает «…»») or its kind («газета «…»»). Lemmas.
_MEDIA_CREDIT = frozenset(
    {"сообщать", "передавать", "писать", "информировать", "агентство", "информагентство", "газета", "издание"}
    | {"портал", "корреспондент", "телеканал", "сайт"}
)
_WORD_BEFORE = re.compile(r"([А-ЯЁа-яёA-Za-z-]+)\s*$")


def _quoted_in_text(text: str, body: Body) -> bool:
    """«сообщает «Ұлт ақпарат»», «газета «Тараз ақшамы»»: a media outlet's name the text quotes after its credit or
    its kind is a proper name in any language (the tagger's span leaves the quotes out), not a letterhead's line in
    the state language (an award's name after what it is, «подвесками «Алтын алқа»», stays out)."""
    for m in body.mentions:
        if not (m.start > 0 and m.end < len(text) and text[m.start - 1] in QUOTES and text[m.end] in QUOTES):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start - 1)
        if before is not None and any(
            p.normal_form.replace("ё", "е") in _MEDIA_CREDIT for p in loading.parse(before.group(1).lower())
        ):
            return True
    return False


# «Об утверждении Положения о молодёжном совете при Думе», «о создании рабочей группы»: a body the decision is to
# set up or give its statute, named in lower case, does not act in the record yet.
_TO_BE_FOUNDED = re.compile(
    r"(?i)(?:утверждени\w{1,2}\s+положени\w{1,2}\s+о|о\s+создании|об\s+(?:образовании|учреждении))\s+$"
)
_FOUNDING_REACH = 48


def _on_state_language_line(text: str, mention: TextSpan) -> bool:
    """«АҚТӨБЕ ОБЛЫСЫ ӘКІМДІГІ»: a word in capitals on a line typed in capitals in the state language is a word of that
    language («ОБЛЫСЫ», region), not an abbreviation, though it has no letter of its own."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not line.isupper():
        return False
    if _STATE_LETTERS.search(line) is not None:
        return True
    # «МАРИЙ ЭЛ РЕСПУБЛИКЫН КУГЫЖАНЫШ ПОГЫНЖО»: a language written in Russian letters only, most of whose long words
    # the dictionary does not know.
    words = [w.lower() for w in re.findall(r"[А-ЯЁ]{4,}", line)]
    unknown = [w for w in words if not loading.morph().word_is_known(w)]
    return len(unknown) >= 3 and 2 * len(unknown) > len(words)


def _to_be_founded(text: str, mention: TextSpan) -> bool:
    first = text[mention.start : mention.start + 1]
    return (
        first.islower()
        and _TO_BE_FOUNDED.search(text[max(0, mention.start - _FOUNDING_REACH) : mention.start]) is not None
    )


# A village or settlement named by its kind in the genitive, inside an institution's name.
_SETTLEMENT_OF = re.compile(r"\b(?:села|деревни|аула|посёлка|поселка|хутора|станицы) [А-ЯЁ][\w-]*")


# A place's adjective (`_PLACE_ADJECTIVE`) cut to the place's stem: «Бирского» → «Бир», «Комратский» → «Комрат».
_PLACE_ADJECTIVE_STEM = re.compile(r"^([А-ЯЁ][а-яё-]{2,}?)[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")
# A town's name cut to the same stem: «Бирск» → «Бир», «Риштана» → «Риштан» (a genitive read as the name).
_TOWN_ENDING = re.compile(r"(?:[сц]к|[аеиоуыя])$")
# What a place's adjective puts between the town's stem and «-ский»: «Янаул-ь-ский», «Бакал-ин-ский», «Мелеуз-ов-ский».
_INTERFIXES = frozenset({"", "ь", "ин", "ын", "ов", "ев", "ён", "ен", "ан", "ян"})


def _town_of_place_adjective(doc: Doc, body: Body) -> bool:
    """«В Бирске прошло заседание Совета … Бирского района», «Комрат» beside «Комратский муниципальный совет»: one
    capitalised word the NER read as a body, whose stem is that of a place's adjective in the same text, is the town
    the adjective is made from (a district, a council, a university named after it), not a body."""
    name = body.name
    # («в Совете … депутат Советского района»: a common word is the body it names.)
    if body.abbreviation or not name.isalpha() or not name.istitle() or len(name) < 4 or _common_noun(name.lower()):
        return False
    stem = _TOWN_ENDING.sub("", name).lower()
    stems = _place_adjective_stems(doc)
    return len(stem) >= 3 and any(stem + interfix in stems for interfix in _INTERFIXES)


def _place_adjective_stems(doc: Doc) -> frozenset[str]:
    """The stems of the text's place adjectives («Бирского» → «бир»), read once per Doc: a walk over the text per
    body was quadratic in a long text of many bodies."""
    found = doc.user_data.get("kenesh_place_adjective_stems")
    if found is None:
        found = doc.user_data["kenesh_place_adjective_stems"] = frozenset(
            match.group(1).lower()
            for token in doc
            if token.pos_ == "ADJ" and (match := _PLACE_ADJECTIVE_STEM.match(token.text)) is not None
        )
    return found


def _headline_noun(doc: Doc, body: Body) -> bool:
    """«Итоги путины … обсудили в комитете»: a common noun (no kind of body, no known name) the tagger read as a name
    for the capital that opens its sentence, wherever the text has it, names no body."""
    if body.abbreviation or body.head is not None or len(body.words) != 1 or any(q in body.name for q in QUOTES):
        return False
    if body.words[0] in grammar.lexicon().known or not _common_noun(body.name.lower()):
        return False
    for mention in body.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) != 1 or not _opens_sentence(span[0]):
            return False
    return True


def _opens_sentence(token: Token) -> bool:
    """The token opens a sentence or a line (the parser may run a headline on from the line before)."""
    before = token.doc[token.i - 1] if token.i else None
    return before is None or token.is_sent_start or "\n" in before.text or before.text in (".", "!", "?", "…")


# Kinds a body of which is named by its field («Министерство водного хозяйства …»): alone, «доложит Министерство»,
# the kind refers to one the reader knows, and names no body (a «Сенат», a «Минфин» does).
_FIELDED_KINDS = frozenset({"министерство", "ведомство"})


def _kind_without_field(body: Body) -> bool:
    return not body.abbreviation and body.words == (body.head,) and body.head in _FIELDED_KINDS


def _post_of_place(body: Body) -> bool:
    """«заместитель Рыбинского городского прокурора», «помощник Тобольского межрайонного прокурора»: a place's
    adjective, its level and a post (`is_position_head`, not a kind of body) name the person holding that post,
    not a body; the body would be his office («прокуратура»)."""
    words = body.name.split()
    if len(words) < 2 or any(q in body.name for q in QUOTES) or not words[0][:1].isupper():
        return False
    last = words[-1]
    lemma = grammar.word_lemma(last)
    if not last.islower() or lemma in grammar.lexicon().heads or not is_position_head_word(lemma, last):
        return False
    adjectives = all(
        any(p.tag.POS in {"ADJF", "PRTF"} for p in loading.parse(w.lower())) for w in words[:-1] if w.isalpha()
    )
    return adjectives and all(w.isalpha() for w in words[:-1]) and bool(_PLACE_ADJECTIVE.search(words[0]))


def _is_body(doc: Doc, body: Body) -> bool:
    """Tournaments, awards, hospitals and the like are not bodies; a web service is one only where the text
    does not just post through it."""
    if _starts_with(body.words, _lemma_names("org_not_bodies")) or _rubric(doc, body) or _facility_named(doc, body):
        return False
    if _town_of_place_adjective(doc, body) or _post_of_place(body) or _kind_without_field(body):
        return False
    if _headline_noun(doc, body):
        return False
    if _news_rubric(body):
        return False
    # «ОО» left alone of a shouted heading «ОО «БЕЛОРУССКИЙ РЕСПУБЛИКАНСКИЙ СОЮЗ …»»: a legal form names no one body.
    if body.name.strip(QUOTES + " ").lower().replace("0", "о") in grammar.lexicon().legal_forms:
        return False
    if _unit_named(doc, body) or _place_by_kind(body) or _community(body):
        return False
    if (_state_language(body.name) and not _quoted_in_text(doc_text(doc), body)) or _timestamp(body.name):
        return False
    if all(m.hashtag_of(doc_text(doc)) for m in body.mentions):
        return False
    if body.abbreviation and all(_on_state_language_line(doc_text(doc), m) for m in body.mentions):
        return False
    if _event(doc, body) or _field_label(doc, body) or all(_built(doc, m) for m in body.mentions):
        return False
    # A house of culture or a school named only as where the meeting is held; its registered name stays a body.
    quoted = any(q in body.name for q in QUOTES)
    if not quoted and all(_house_of(doc, m) for m in body.mentions):
        return False
    if _venue_kind(body.name) and not quoted and all(_venue(doc, m) for m in body.mentions):
        return False
    # «Место проведения: г. Карабулак, ул. …, администрация городского округа, малый зал»: a building in a protocol's
    # venue field, whatever body it houses, where the text names it nowhere else.
    if not quoted and all(_in_venue_field(doc_text(doc), m) for m in body.mentions):
        return False
    numbered = body.head in lexicons.load("org_numbered_heads")  # «школы № 9 (1985)»: a school's, with a year
    if all(
        _chrome_line(doc_text(doc), m)
        or _dateline(doc_text(doc), m)
        or _to_be_founded(doc_text(doc), m)
        or (_issue_of_periodical(doc_text(doc), m) and not numbered)
        or _byline(doc_text(doc), m)
        for m in body.mentions
    ):
        return False
    # «больница Финикса» is a building; «ГУЗ СО «Вольская районная больница»» a registered institution.
    first = WORD.match(body.name)
    legal = first is not None and first.group().lower().replace("0", "о") in grammar.lexicon().legal_forms
    quoted = any(q in body.name for q in QUOTES)
    facility = body.head in lexicons.load("org_facility_heads")
    if (
        (facility or _building(body.name))
        and not legal
        and not quoted
        and not (facility and _of_local_level(body.name))
    ):
        return False
    # («школа села Колесниково», «средняя школа села Кашгар-Кыштак»: the village a school is in is no name of its
    # own, and the golds of heldout-genre-11 and -12 leave such a school out.)
    own = _SETTLEMENT_OF.sub("", body.name)
    if body.head in lexicons.load("org_proper_kinds") and not any(ch.isupper() or ch.isdigit() for ch in own):
        return False  # (quotes are capitalised names)
    if all(_titled_work(doc, m, "org_work_kinds") or _titled_work(doc, m, "org_product_kinds") for m in body.mentions):
        return False
    if body.words in _lemma_names("org_media"):
        return not all(_as_medium(doc, m) for m in body.mentions)
    # «в школе № 3 до сих пор холодно», «на содержание детского сада «Айгөлек»»: a school, kindergarten or polyclinic
    # named only as a place or an object, never as anyone's workplace, is the building.
    # (The kind before any quote: «муниципальное бюджетное общеобразовательное учреждение «Средняя … школа № 14»» is
    # the registered institution.)
    school = _first_noun_of(body.name.split("«")[0], _SCHOOLS) and not legal and not _of_local_level(body.name)
    if school and not any(_workplace(doc, m) for m in body.mentions) and not _kind_worked_at(doc, body.name):
        return False
    # «на Хорогской ГЭС сократилась выработка»: a power plant as the site where things happen (`org_plants`).
    if _first_noun_in(body.name, "org_plants") and all(_on_site(doc, m) for m in body.mentions):
        return False
    # «укрывался в посольстве Эквадора»: the building, where no mention acts as a body.
    return not (body.head in lexicons.load("org_missions") and all(_inside(doc, m) for m in body.mentions))


# «Вестник нотариата Новосибирской области № 2 (2025)»: a periodical's title, its issue's number and year (or its
# number since the first issue: «Информационный вестник № 4 (118)»).
# (««Сергиевский вестник» № 41 (1183)», a bulletin's footer: the title's closing quote before the number.)
_ISSUE = re.compile(r"^[\w\s»”\"·|]{0,80}?№\s?\d{1,4}\s?\(\d{1,4}\)")


# «Ирина Менделева, СБ»: a line of a first name and a surname (or initials), a comma and the name ends a reprinted
# article: the author and the paper it comes from, a source, not a body the report is about.
_BYLINE_AUTHOR = re.compile(r"^(?:[А-ЯЁ][а-яё]+|[А-ЯЁ]\.\s?[А-ЯЁ]\.) [А-ЯЁ][а-яёА-ЯЁ-]+,\s*$")


def _byline(text: str, mention: TextSpan) -> bool:
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    after = text[mention.end : end if end >= 0 else len(text)].strip()
    return after in ("", ".") and _BYLINE_AUTHOR.match(text[start : mention.start]) is not None


def _issue_of_periodical(text: str, mention: TextSpan) -> bool:
    """A name a page's running header gives an issue number and year is the periodical's title, not a body."""
    return _ISSUE.match(text[mention.start : mention.end + 60]) is not None


_LANGUAGE_SWITCH = re.compile(r"^(?:[A-ZА-ЯЁӘҚҢӨҰҮІ]{2,3}\s*\|\s*)+[A-ZА-ЯЁӘҚҢӨҰҮІ]{2,3}$")


def _chrome_line(text: str, mention: TextSpan) -> bool:
    """«EN | RU», «Версия для слабовидящих»: a line of the page's chrome (a language switch, a line the topics stage
    also leaves out, `topic_site_chrome`) names no body."""
    if "\n" in text[mention.start : mention.end]:
        return False  # a name the tagger ran on from the chrome into the next line
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    line = text[start : end if end >= 0 else len(text)].strip()
    if _LANGUAGE_SWITCH.match(line):
        return True
    folded = line.lower().replace("ё", "е")
    return any(folded.startswith(chrome) for chrome in lexicons.load("topic_site_chrome"))


# How far back from a name the work on it may stand: «ремонт | Копорского шоссе и | школы № 7».
_WORK_REACH = 4


def _built(doc: Doc, mention: TextSpan) -> bool:
    """«о строительстве школы имени Абиша Кекилбаева», «ремонт Копорского шоссе и школы № 7»: a name in the genitive
    after a work on a building (`org_building_works`), over other objects of it and «и» only, is the building."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    # «отремонтирован Дом культуры», «построена школа»: the subject of a building work in the passive.
    before = doc[span.start - 1] if span.start > 0 else None
    passive = before is not None and "Short" in before.morph.get("Variant") and "Pass" in before.morph.get("Voice")
    if passive and before.lemma_ in lexicons.load("org_building_verbs"):
        return True
    if "Gen" not in span[0].morph.get("Case") and "Gen" not in span.root.morph.get("Case"):
        return False
    works = lexicons.load("org_building_works")
    for i in range(span.start - 1, max(span.start - 1 - _WORK_REACH, -1), -1):
        token = doc[i]
        if token.lemma_ in works or grammar.word_lemma(token.text) in works:
            return True
        # Another object of the work («Копорского шоссе и …», which the tagger reads in any oblique case) may stand
        # between; a subject, a verb or a sign ends the reach.
        cases = set(token.morph.get("Case"))
        nominal = token.is_alpha and token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") and bool(cases)
        if not (token.lower_ == "и" or (nominal and not cases & {"Nom", "Ins", "Dat"})):
            return False
    return False


# Schools, kindergartens and polyclinics: institutions a text names as where children learn or people are seen, and as
# where their staff work. Lemmas of the name's head.
_SCHOOLS = frozenset(
    {"школа", "школа-гимназия", "школа-лицей", "школа-интернат", "гимназия", "лицей", "сад", "ясли-сад", "поликлиника"}
)
_WORKPLACE_REACH = 3  # «учитель | физики | средней школы № 2»: the post's own genitive words between
# Those a school has besides its staff: its pupils and graduates («Выпускники школы № 9 (1985) встретились»).
_PUPILS = frozenset({"ученик", "учащийся", "выпускник", "воспитанник"})


def _workplace(doc: Doc, mention: TextSpan) -> bool:
    """«директор школы № 11», «учителю физики средней школы № 2», «воспитателя детского сада «Радуга»»: the mention
    is the place of work a person's post names (or the school of its pupils), a body the person belongs to
    (heldout-genre-28, -5, -10)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    for i in range(span.start - 1, max(span.start - 1 - _WORKPLACE_REACH, -1), -1):
        token = doc[i]
        if is_position_head(token) or token.lemma_ in _PUPILS:
            return True
        if not (token.is_alpha and token.is_lower and "Gen" in token.morph.get("Case")):
            return False
    return False


def _kind_worked_at(doc: Doc, name: str) -> bool:
    """«Гостей встретили в школе-гимназии имени Абая. Грамоту вручили директору гимназии …»: a post with the school's
    kind alone after it refers back to the school the text named, someone's workplace."""
    kinds = {part for word in WORD.findall(name.split("«")[0]) for part in grammar.word_lemma(word).split("-")}
    return bool(kinds & _school_kinds_worked_at(doc))


def _school_kinds_worked_at(doc: Doc) -> frozenset[str]:
    """The school kinds a post names bare («директору гимназии», not «… гимназии № 2»), read once per Doc: asked per
    school body, a walk over the whole text each time would grow with bodies × words."""
    found = doc.user_data.get("kenesh_school_kinds_worked_at")
    if found is None:
        kinds: set[str] = set()
        # By the Doc's strings: a Token for each word and the two after it cost more than the test.
        texts, lemmas, lower = token_strings(doc, ORTH), token_strings(doc, LEMMA), token_strings(doc, LOWER)
        for i in range(len(doc) - 1):
            if not is_position_head_word(lemmas[i], texts[i]):
                continue
            if i + 2 >= len(doc) or not (doc[i + 2].like_num or lower[i + 2] in _NAMED_BY):
                kinds |= set(grammar.word_lemma(texts[i + 1]).split("-")) & _SCHOOLS
        found = doc.user_data["kenesh_school_kinds_worked_at"] = frozenset(kinds)
    return found


_NAMED_BY = frozenset({"№", "имени", "им", "«", '"'})


def _of_local_level(name: str) -> bool:
    """«Мядельская центральная районная больница»: a hospital named by its place and level of government is
    the district's (town's, region's) public institution, a body; «больница Финикса» is a building."""
    words = name.split()
    levels = lexicons.load("org_levels")
    place = words[0]
    # «Республиканская клиническая больница имени Г.Г. Куватова», «Областная детская больница»: the level itself
    # written with its capital names the republic's (region's) institution.
    if len(words) >= 3 and place[:1].isupper() and grammar.word_lemma(place) in levels:
        return True
    # «центральная районная больница Теучежского района»: the level, then the district it serves named after.
    if (
        len(words) >= 4
        and any(grammar.word_lemma(w) in levels for w in words[:-3])
        and words[-2][:1].isupper()
        and grammar.word_lemma(words[-1]) in _DISTRICT_KINDS
    ):
        return True
    # «Бобруйская центральная больница», «Шадринская больница скорой медицинской помощи»: a town's or district's
    # adjective and more words name its institution («Боткинская больница», two words, is a hospital's building).
    # («Методистский госпиталь Хьюстона»: an adjective of another kind, the city named after the kind.)
    described = len(words) >= 3 and (re.search(grammar.ADJECTIVE_ENDING, words[1]) is not None or words[2].islower())
    if described and _PLACE_ADJECTIVE_WORD.match(place) and grammar.word_lemma(place) not in levels:
        return True
    return (
        len(words) >= 3
        and place[:1].isupper()
        and grammar.word_lemma(place) not in levels
        and re.search(grammar.ADJECTIVE_ENDING, place) is not None
        and any(grammar.word_lemma(w) in levels for w in words[1:-1])
    )


_PLACE_ADJECTIVE_WORD = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?[сц]к(?:ая|ий|ое)$")
_DISTRICT_KINDS = frozenset({"район", "область", "край", "округ", "улус"})


def _building(name: str) -> bool:
    """«Исаакиевский собор», «Новое Городское кладбище», «Собор Святого Марка»: the name's first noun, after
    its adjectives only, is a kind of building (`org_buildings`), so it names the place, not a body."""
    return _first_noun_in(name, "org_buildings")


def _first_noun_in(name: str, lexicon: str) -> bool:
    """The name's first word after its adjectives is one of `lexicon`'s kinds."""
    return _first_noun_of(name, lexicons.load(lexicon))


def _first_noun_of(name: str, kinds: frozenset[str]) -> bool:
    for word in re.findall(r"[0-9A-Za-zА-Яа-яЁё-]+", name):
        lemma = grammar.word_lemma(word)
        if lemma in kinds:
            return True
        if not re.search(grammar.ADJECTIVE_ENDING, word.lower()):
            return False
    return False


def _on_site(doc: Doc, mention: TextSpan) -> bool:
    """The mention follows «на»: something happens at the site («на Хорогской ГЭС»)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ == "на"


def _inside(doc: Doc, mention: TextSpan) -> bool:
    """The mention follows «в»/«во»: someone or something is in the building («в посольстве Эквадора»)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in ("в", "во")
