"""Candidate names: the grammar's readings (`models/grammars/organizations.py`) and the NER's ORG spans, cleaned.

`_readings` gives every token range read as a name with the rule that read it. The NER's spans are cut back to the
name (`_clean_ner`): the tagger glues to an organization a field label before a colon, a person's title, the
sitting of a body, a predicate, a person after a country code, a period («за I квартал»), a page's breadcrumbs and
stray quotes. A party in parentheses after a person and a news agency credited between slashes are read here too.
Readings that are no body's name whatever the rest says are dropped in this module as well: the centre of a
place, a kind of body in the plural.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.grammars import organizations as grammar
from models.grammars.places import place_kinds
from models.punctuation import DASHES, QUOTES
from pipelines.body_identity import FUNCTION_WORDS
from pipelines.deadline import check_deadline
from pipelines.doc_views import entities, token_strings
from pipelines.findings import Findings
from pipelines.person_names import TURKIC_PATRONYMIC_PARTICLES, looks_like_surname
from pipelines.stages.organizations._common import _GOVERNING_COUNCILS, _PLACE_ADJECTIVE, _place_word
from pipelines.stages.organizations.canonical import _adjective_shaped

_INITIAL = re.compile(r"^[А-ЯЁA-Z]\.([А-ЯЁA-Z]\.)?$")

_ROMAN = re.compile(r"[IVXLCDMХІ]{2,}")

# A person in Latin letters: a first name (the Uzbek «ʻ» inside it) or an initial, then a surname by its Turkic or
# Slavic ending («Jamshid Sobirov», «Nodirbek Xolmatova», «U. Qodirov»); no company's name ends so.
_LATIN_PERSON = re.compile(r"(?:[A-Z][a-zʻʼ'’]+|[A-Z]\.) ?[A-Z][a-zʻʼ'’]+(?:ov|ev|yev|ova|eva|yeva)")

_SEPARATORS = frozenset("›|•>→")

_PLURAL_ABBREVIATION = re.compile(r"^[А-ЯЁ]{2,6}(ов|ы|ам|ами|ах)$")

_QUALIFIED_ENDING = re.compile(grammar.ADJECTIVE_ENDING)


def _starts_person(doc: Doc, i: int, person_starts: set[int]) -> bool:
    token = doc[i]
    # «U.S. Bancorp», «J. C. Penny»: a letter after another letter's period goes on the abbreviation that letter
    # opened; initials that start a person were met at their first letter.
    if i >= 2 and doc[i - 1].text == "." and len(doc[i - 2].text) == 1 and doc[i - 2].is_upper:
        return token.idx in person_starts
    initial = len(token.text) == 1 and token.is_upper and i + 1 < len(doc) and doc[i + 1].text == "."
    return initial or bool(_INITIAL.match(token.text)) or token.idx in person_starts


@cache
def _sittings() -> frozenset[str]:
    # («Коллегия Минобороны», «Съезд народных депутатов» are bodies too.)
    return lexicons.load("meeting_events") - grammar.lexicon().heads - {"коллегия", "съезд"}


def _oblique_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.is_lower and bool({"Ins", "Dat", "Loc"} & set(token.morph.get("Case")))


def _unattached_noun(token: Token, before: Token) -> bool:
    cases = set(token.morph.get("Case"))
    if token.pos_ != "NOUN" or not token.is_lower or "Gen" in cases or not cases & {"Nom", "Acc"}:
        return False
    return before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN") and not cases & set(before.morph.get("Case"))


def _clean_ner(doc: Doc, ent: Span, persons: set[tuple[int, int]], person_starts: set[int]) -> tuple[int, int] | None:
    """Token range of the ORG entity without what does not belong to a name, or None. `person_starts`: where the
    persons' mentions start (characters), built once per Doc (per entity it was quadratic in a text of many names)."""
    lex = grammar.lexicon()
    start, end = ent.start, ent.end
    if _misread_person_or_number(doc, start, end):
        return None
    trimmed = _without_lead_words(doc, start, end, lex)
    if trimmed is None:
        return None
    start, end = trimmed
    end = _end_at_name_break(doc, start, end, person_starts)
    # «университета имени Носира Хусрава | Зарина Холова»: the person a body is named after ends its name (inside
    # quotes the name runs to the closing quote).
    named_after = next((i for i in range(start + 1, end) if doc[i].lower_ in lexicons.load("eponym_words")), None)
    if named_after is not None and not any(t.text in QUOTES for t in doc[start:named_after]):
        end = min(end, grammar.eponym_end(doc, named_after))
    while start < end and ((doc[start].is_punct and doc[start].text not in QUOTES) or doc[start].is_space):
        start += 1
    while end > start and ((doc[end - 1].is_punct and doc[end - 1].text not in QUOTES) or doc[end - 1].is_space):
        end -= 1
    # «Как уточнили Интерфаксу | источники»: a lower-case noun after a name, in a case of its own and no
    # genitive, is the next phrase's subject or object, not a word of the name.
    if end - 1 > start and _unattached_noun(doc[end - 1], doc[end - 2]):
        end -= 1
    # «МГУ имени | М. В. Ломоносова»: cut before the person, «имени» goes back to the tail that names the person.
    if end - 1 > start and doc[end - 1].lower_ in lexicons.load("eponym_words"):
        end -= 1
    start, end = _balance_quotes(doc, start, end)
    if start >= end or (doc[start:end].start_char, doc[start:end].end_char) in persons:
        return None
    # Names joined by a hyphen are one token and a word: «Интерфакс-Украина», «Спартак-Москва»; a common
    # compound («Пресс-центр» of a breadcrumb) is not.
    words = [t for t in doc[start:end] if t.is_alpha or _hyphenated_names(t.text)]
    if not words:
        return None
    # «р.п. Шилово», «с.п.»: lower-case letters cut short abbreviate a kind of place, never a body's name.
    if all(t.is_lower and len(t.text) <= 2 for t in words):
        return None
    # «по делам ГО и ЧС»: abbreviations of fields and kinds only («ГО», «ЧС», «СМИ») name no body.
    if all(t.lower_ in lex.not_abbreviations or t.lower_ in FUNCTION_WORDS for t in words):
        return None
    # «отдела | ГО и ЧС улуса»: such abbreviations with words in small letters and no kind of body among them
    # are the field of the unit before them, named after its place.
    fields = [t for t in words if t.lower_ in lex.not_abbreviations]
    if fields and all(
        t.lower_ in lex.not_abbreviations
        or t.lower_ in FUNCTION_WORDS
        or (t.is_lower and grammar.word_lemma(t.text) not in lex.heads)
        for t in words
    ):
        return None
    # «отдела по делам | ГО и ЧС администрации города»: the field's abbreviations before a kind of body in small
    # letters are the unit's field; the body the unit belongs to starts at its kind.
    lead = start
    while lead < end and (doc[lead].lower_ in lex.not_abbreviations or doc[lead].lower_ in FUNCTION_WORDS):
        lead += 1
    if start < lead < end and doc[lead].is_lower and grammar.word_lemma(doc[lead].text) in lex.heads:
        start = lead
        words = [t for t in doc[start:end] if t.is_alpha or _hyphenated_names(t.text)]
    quoted = sum(t.text in QUOTES for t in doc[start:end]) >= 2
    if _names_no_body(doc, start, end, words, quoted, lex):
        return None
    # «вошли ответработники | Агентства по строительству …»: people in the plural the NER ran into the body's name.
    while (
        start + 1 < end
        and doc[start].is_lower
        and doc[start].pos_ == "NOUN"
        and "Plur" in doc[start].morph.get("Number")
        and "Nom" in doc[start].morph.get("Case")
        and not _kind_word(doc[start], lex.heads)
        and doc[start + 1].is_title
    ):
        start += 1
    # «главы Кара-Булакского айылного | аймака»: a span the NER ends on an adjective in small letters, before the
    # noun it goes with, which is no kind of body, is a place or a thing described, cut short.
    if not quoted and _cut_before_noun(doc, end, lex.heads):
        return None
    # «Нижарадзе О.Т. – Перерабатывающее предприятие принимает …»: adjectives and a kind in small letters, the first
    # capitalised only as a protocol remark's first word, describe a body; they name none. (At a sentence's start
    # «Областная детская больница» may be the region's hospital by its level: that capital is left to tell.)
    first = doc[start]
    if grammar.opens_remark(first) and not quoted and first.pos_ == "ADJ" and end - start >= 2:
        rest = doc[start + 1 : end]
        if all(t.is_lower for t in rest if t.is_alpha) and grammar.word_lemma(rest[-1].text) in lex.heads:
            return None
    # «Исполнительного органа государственной | власти города Душанбе»: a span the NER ends on an adjective in small
    # letters before the kind of body it goes with, in its case, is the name cut short; the kind is its word.
    if not quoted and _cut_before_kind(doc, end, lex.heads):
        end += 1
    # «К сведению депутатов Акмолинского областного маслихата | и населения области» (a headline with no stop): after
    # a body's kind, «и» and words in small letters with no kind of body among them are the next addressees.
    joint = next((i for i in range(start + 2, end - 1) if doc[i].lower_ == "и"), None)
    if not quoted and joint is not None and _kind_word(doc[joint - 1], lex.heads):
        rest = [t for t in doc[joint + 1 : end] if t.is_alpha]
        if rest and all(t.is_lower and not _kind_word(t, lex.heads) for t in rest):
            end = joint
    return start, end


def _misread_person_or_number(doc: Doc, start: int, end: int) -> bool:
    """The tagger's ORG span is a person's name, a water's name or a sitting's number: no body at all."""
    # «главного бухгалтера Гнездилову | Татьяну Сергеевну»: one word before a first name and a patronymic is the
    # person's surname, which the tagger read apart.
    if (
        end - start == 1
        and end + 1 < len(doc)
        and doc[end].is_title
        and grammar.patronymic(doc[end + 1])
        and doc[start].is_title
        and looks_like_surname(doc[start].text)
    ):
        return True
    # «председатель комитета Сардана | Егоровна Кычкина»: one capitalised word before a patronymic is a first name.
    if end - start == 1 and end < len(doc) and doc[start].is_title and grammar.patronymic(doc[end]):
        return True
    # «избран Шерзод Комил угли Турсунов»: a Turkic «son of»/«daughter of» after the span's words, all capitalised,
    # in the span or right after it (the father's name between), makes them a person's first name and father's name,
    # whatever the tagger read («судья городского суда Садыр кызы …»: a body in small letters stays).
    if any(
        doc[i].lower_ in TURKIC_PATRONYMIC_PARTICLES and all(t.is_title for t in doc[start:i])
        for i in range(start + 1, min(end + 2, len(doc)))
    ):
        return True
    # «заместитель министра Ulugʻbek Qodirov», «U. Qodirov поручил»: a first name (or its initial) and a surname in
    # Uzbek Latin letters, which the tagger reads as a foreign company, are a person.
    if _LATIN_PERSON.fullmatch(doc[start:end].text) is not None:
        return True
    # «реконструкция пункта у канала Бозсу», «на реке Магиан»: a name right after a water body's kind in small letters
    # is that water's (an abbreviation after «канала» may be a broadcaster's: «канала НТВ»).
    if (
        end - start == 1
        and start > 0
        and doc[start].is_title
        and doc[start - 1].is_lower
        and grammar.word_lemma(doc[start - 1].text) in _water_kinds()
    ):
        return True
    # «состоялась ХLI сессия»: a Roman ordinal typed with a Cyrillic «Х» or «І» among Latin letters, which the tokenizer
    # splits in two, is a sitting's number.
    return _ROMAN.fullmatch("".join(t.text for t in doc[start:end])) is not None


def _without_lead_words(doc: Doc, start: int, end: int, lex: grammar.Lexicons) -> tuple[int, int] | None:
    """The span without what the tagger ran into a name's front (a label, a predicate, a post, a sitting, the noun that
    governs the body) and a preposition it ended on; None where what is left names a person or a time."""
    # «членом Совета по | одной семье»: a preposition the tagger ends a name on starts what follows it.
    while end - start > 1 and doc[end - 1].lower_ in FUNCTION_WORDS:
        end -= 1
    # «Теги: МПА СНГ», «Фото: пресс-служба …»: a page's field label before a colon is no part of the name.
    colons = [i for i in range(start, end - 1) if doc[i].text == ":"]
    if colons:
        start = colons[-1] + 1
    # «Присутствовали члены Совета директоров»: a protocol's header verb that opens the line is no word of a name.
    # «расположен | детский сад «Солнышко»»: a short participle or adjective is a predicate, never a name's word.
    while start < end and (
        (doc[start].pos_ in ("VERB", "AUX") and "Fin" in doc[start].morph.get("VerbForm"))
        or (doc[start].is_lower and "Short" in doc[start].morph.get("Variant"))
    ):
        start += 1
    # «…бюджетом | Сегодня собралась комиссия»: a word the dictionary knows only as an adverb, which opens a line after
    # a headline without a full stop, is the sentence's time or manner, never a name (outside quotes).
    if end - start == 1 and (start == 0 or doc[start - 1].text not in QUOTES) and _only_adverb(doc[start]):
        return None
    # «Совета нового созыва», «палаты пятого состава»: the genitive that dates a body's term (as the grammar's tails
    # leave it out) is no part of the name, with its adjectives and ordinals in small letters.
    if (
        end - start > 1
        and doc[end - 1].is_lower
        and grammar.word_lemma(doc[end - 1].text) in lexicons.load("org_not_tails")
    ):
        end -= 1
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADJ", "NUM", "DET"):
            end -= 1
    # «сообщает Пресс-служба городской Думы»: a body's press office is its unit; the body is named after it.
    # («Пресс-центр » Новости», a page's breadcrumbs, names nothing after it.)
    if end - start > 1 and grammar.word_lemma(doc[start].text) in _PRESS_UNITS and doc[start + 1].is_alpha:
        start += 1
    # «Председателя комитета …»: a job title before the body belongs to the person.
    while start < end and grammar.word_lemma(doc[start].text) in lex.position_nouns:
        start += 1
    # «Вице-министру культуры и спорта сделали замечание» (a headline): a minister's title names a person; the ministry
    # is read from it (`ministries`), not from the tagger's span.
    if start < end and _MINISTER_TITLE.match(doc[start].lower_):
        return None
    # «Сегодня Общественный совет …»: a word the dictionary knows only as an adverb opens the sentence, not the name.
    while end - start > 1 and doc[start].is_title and _only_adverb(doc[start]):
        start += 1
    # «Профильный комитет одобрил …», «Данный совет»: a word that points to a body named elsewhere (`org_determiners`)
    # opens no name; what follows it is a bare kind or the body it points to.
    while end - start > 1 and grammar.word_lemma(doc[start].text) in lex.determiners:
        start += 1
    # «собрание Думы»: a sitting of a body is not the body.
    if doc[start].is_lower and doc[start].lemma_ in lexicons.load("org_meeting_heads") and start + 1 < end:
        start += 1
    # «Пленум союза журналистов Подмосковья: …», a headline read in sentence case: the sitting that opens it is of the
    # body after it (a kind of sitting that is no kind of body: not «Коллегия адвокатов», «Собрание депутатов»).
    # (A sitting that opens a line under a headline without a full stop is a sentence's start the parser missed.)
    if (
        (doc[start].is_sent_start or (start > 0 and doc[start - 1].is_space and "\n" in doc[start - 1].text))
        and start + 1 < end
        and grammar.word_lemma(doc[start].text) in _sittings()
        and "Gen" in doc[start + 1].morph.get("Case")
    ):
        start += 1
    # «Заседание Совета Федерации»: nouns before the body's head govern it, they do not name it.
    heads = [i for i in range(start, end) if doc[i].lemma_ in lex.heads]
    if heads and heads[0] > start and all(doc[i].pos_ == "NOUN" for i in range(start, heads[0])):
        start = heads[0]
    # «Почётной грамотой районного | Совета депутатов»: a lower-case noun in an oblique case before the head is
    # what the body gives or does; the name starts after it.
    oblique = [i for i in range(start, heads[0] if heads else end) if _oblique_noun(doc[i])]
    if oblique and oblique[-1] + 1 < end:
        start = oblique[-1] + 1
    return start, end


def _surname_first(doc: Doc, i: int) -> bool:
    """The capitalised word at `i` is a surname (by the dictionary) a first name and a patronymic follow."""
    word = doc[i]
    if not word.is_title or grammar.word_lemma(word.text) in grammar.lexicon().heads:
        return False
    surname = any("Surn" in p.tag for p in loading.parse(word.lower_))
    return surname and grammar.surname_before_name(doc, i)


def _end_at_name_break(doc: Doc, start: int, end: int, person_starts: set[int]) -> int:
    """Where the name ends inside the span: at the sentence's predicate, a person, a parenthesis, a covered period, a
    page's separator or a quotation after it (inside quotes a name runs on)."""
    quoted = False
    for i in range(start + 1, end):
        quoted = quoted != (doc[i].text in QUOTES)
        # «Грамотой Государственного Собрания | награждена медсестра …», «академия киноискусства | номинировало»: a
        # finite verb or a short participle is the sentence's predicate, never a word of a name outside quotes.
        if not quoted and _predicate(doc[i]):
            return i
        # «… КР Н.С. Базарбаев», «ООН норвежец Трюгве Ли»: a person ends the name; so does
        # a parenthesis, which holds another name for it («… партия Кыргызстана (СДПК»).
        if doc[i].text == "(" or _starts_person(doc, i, person_starts):
            return i
        # «улусного Совета | Туйаара Гаврильевна Сивцева»: a first name before a patronymic is a person's, whom the
        # tagger may have missed.
        if not quoted and i + 1 < len(doc) and doc[i].is_title and grammar.patronymic(doc[i + 1]):
            return i
        # «председатель Комитета | Раимов Шавкат Каримович»: a protocol names a person surname first; the surname
        # the tagger took into the body opens «Фамилия Имя Отчество» (`surname_before_name`), whatever its case.
        if not quoted and i == end - 1 and _surname_first(doc, i):
            return i
        # «деятельности Общества | за I квартал 2025 года»: the time a report covers is no cause the body stands for.
        if not quoted and doc[i].lower_ == "за" and _time_after(doc, i + 1):
            return i
        # «Пресс-центр › Новости», «Общество | 96»: a page's breadcrumbs and widgets, not one name; nor does a
        # post's hashtag line («#ТОС #Орёл») run one tag into the next.
        if _separator(doc[i]) or doc[i].text == "#":
            return i
        # «Госдума «закон Димы Яковлева»»: a quotation after a name is not part of it,
        # unlike one after a kind of body or a legal form («партия «Ак Жол»»).
        if doc[i].text in "«„" and not _introduces_quote(doc[i - 1]):
            return i
    return end


def _names_no_body(doc: Doc, start: int, end: int, words: list[Token], quoted: bool, lex: grammar.Lexicons) -> bool:
    """What is left of the span names no body: country codes, an adjective, a generic word, a person's noun, a kind of
    institution, a place, a title of honour."""
    # Country codes and places alone are locations («КР», «РФ»).
    if all(t.lower_ in lex.country_codes for t in words):
        return True
    # An adjective alone («Этнодемографические», «Болгарское») names nothing.
    if not quoted and not any(t.pos_ in ("NOUN", "PROPN", "X") or t.is_upper for t in words):
        return True
    if len(words) == 1 and (words[0].lower_ in lex.not_abbreviations or words[0].lemma_ in _generic()):
        return True
    # «в Томском доме | журналиста»: what is left of a span is a person's noun in small letters, no body.
    if len(words) == 1 and words[0].is_lower and "Anim" in words[0].morph.get("Animacy"):
        return True
    # «руководители ФАПов», «ВУЗы»: an abbreviation inflected in the plural is a kind of institution.
    if len(words) == 1 and _PLURAL_ABBREVIATION.match(words[0].text):
        return True
    if len(words) == 1 and not quoted and _adjective(words[0].text):
        return True
    if len(words) == 1 and not quoted and _place_elsewhere(doc, words[0]):
        return True
    # «хякима | Лебапского велаята по вопросам сельского хозяйства»: a place by its adjective and kind, then the
    # field of the office before it; no kind of body is among the words.
    if len(words) >= 2 and not quoted and _adjective_shaped(words[0]) and words[0].text[:1].isupper():
        territory = grammar.word_lemma(words[1].text) in place_kinds() | grammar.TERRITORIES
        # («Приютненского РМО», «… МО»: a municipality's kind abbreviated.)
        territory = territory or (words[1].is_upper and words[1].lower_ in lex.not_abbreviations)
        if territory and not any(grammar.word_lemma(t.text) in lex.heads for t in words):
            return True
    # «Тело Народного поэта Таджикистана …», «Заслуженного врача республики»: a title of honour (its adjective, one
    # person's noun, the state) is no body («Московский комсомолец», a paper, opens with no such adjective).
    nouns = [t for t in doc[start:end] if t.pos_ in ("NOUN", "PROPN") and t.is_alpha]
    honour = grammar.word_lemma(doc[start].text) in _HONOURS
    if honour and nouns and not quoted and not any(_kind_word(t, lex.heads) for t in doc[start:end]):
        first_noun = nouns[0]
        person = "Anim" in first_noun.morph.get("Animacy") and "Sing" in first_noun.morph.get("Number")
        if person and first_noun.is_lower and all(t.pos_ == "ADJ" for t in doc[start : first_noun.i]):
            return True
    return False


# The adjectives titles of honour open with («Народный артист», «Заслуженный учитель», «Почётный гражданин»).
_HONOURS = frozenset({"народный", "заслуженный", "почётный", "почетный"})


def _kind_word(token: Token, heads: frozenset[str]) -> bool:
    """A kind of body by its lemma or, for a state-language kind the dictionary does not know, by its forms."""
    return grammar.word_lemma(token.text) in heads or token.lower_ in grammar.lexicon().foreign_heads


def _cut_before_kind(doc: Doc, end: int, heads: frozenset[str]) -> bool:
    last = doc[end - 1]
    if end >= len(doc) or not last.is_lower or not _adjective_shaped(last) or last.pos_ != "ADJ":
        return False
    noun = doc[end]
    cases = set(last.morph.get("Case"))
    return (
        noun.is_lower
        and noun.pos_ == "NOUN"
        and grammar.word_lemma(noun.text) in heads
        and bool(cases)
        and cases == set(noun.morph.get("Case"))
    )


def _cut_before_noun(doc: Doc, end: int, heads: frozenset[str]) -> bool:
    last = doc[end - 1]
    if end >= len(doc) or not last.is_lower or not _adjective_shaped(last) or last.pos_ not in ("ADJ", "X"):
        return False
    noun = doc[end]
    return noun.is_lower and noun.pos_ == "NOUN" and grammar.word_lemma(noun.text) not in heads


_LOC_LEMMAS = "kenesh_orgs_loc_lemmas"


def _place_elsewhere(doc: Doc, word: Token) -> bool:
    """«Вчера в Токмоке состоялось …» where the text also names «города Токмок» a place: one word after «в» that the
    NER reads as a body here and as a place elsewhere is the place (a body is «в мэрии Токмока»)."""
    if word.i == 0 or doc[word.i - 1].lower_ not in ("в", "во") or not word.is_title:
        return False
    places = doc.user_data.get(_LOC_LEMMAS)
    if places is None:
        places = {e.text.lower() for e in entities(doc) if e.label_ == "LOC" and len(e) == 1}
        # «Риштанского районного Кенгаша», «Токмокского городского кенеша»: the town a district or a council is
        # named by, by the stem of its adjective.
        for w in token_strings(doc, ORTH):
            found = _PLACE_ADJECTIVE.search(w) if w[:1].isupper() else None
            if found is not None and found.start() >= 4:
                places.add(w[: found.start()].lower())
        places = doc.user_data[_LOC_LEMMAS] = frozenset(places)
    lemma = grammar.word_lemma(word.text)
    if lemma in grammar.lexicon().known or lemma in grammar.lexicon().heads:
        return False
    # The dictionary knows no form of a small town's name: «Токмоке» is «Токмок» with an ending.
    lower = word.lower_
    return any(lower.startswith(place) and len(lower) - len(place) <= 2 for place in places if len(place) >= 4)


_TIME_REACH = 3


def _time_after(doc: Doc, start: int) -> bool:
    """«за I квартал», «за первое полугодие», «за 2024 год»: a period (`org_not_tails`) within a few words."""
    periods = lexicons.load("org_not_tails")
    return any(grammar.word_lemma(t.text) in periods for t in doc[start : start + _TIME_REACH])


def _predicate(token: Token) -> bool:
    if not token.is_lower or token.pos_ not in ("VERB", "AUX"):
        return False
    if not ("Fin" in token.morph.get("VerbForm") or "Short" in token.morph.get("Variant")):
        return False
    # The tagger guesses a verb for a word it does not know («сельисполкома»): the dictionary must read one too.
    return any(p.tag.POS in ("VERB", "PRTS") for p in loading.parse(token.lower_))


_PRESS_UNITS = frozenset({"пресс-служба", "пресс-центр"})

# Dictionary parts of speech that never head a name: adverbs and predicatives («сегодня», «вчера», «нужно»).
_ADVERBIAL_POS = frozenset({"ADVB", "PRED"})


_MINISTER_TITLE = re.compile(r"^(?:вице-|экс-|зам)?министр(?:а|у|ом|е|ы|ов|ам|ами|ах)?$")


def _only_adverb(token: Token) -> bool:
    parses = loading.parse(token.lower_)
    return token.is_alpha and bool(parses) and all(p.tag.POS in _ADVERBIAL_POS for p in parses)


@cache
def _water_kinds() -> frozenset[str]:
    # (Canals and irrigation ditches are the texts' water too: «канал Бозсу», «арык Шахрихан».)
    return lexicons.load("loc_water_nouns") | {"канал", "арык"}


def _only_noun(token: Token) -> bool:
    parses = loading.parse(token.lower_)
    known = loading.morph().word_is_known(token.lower_)
    return token.is_alpha and known and bool(parses) and all(p.tag.POS == "NOUN" for p in parses)


def _only_verb(token: Token) -> bool:
    parses = loading.parse(token.lower_)
    return bool(parses) and all(p.tag.POS == "VERB" for p in parses)


def _hyphenated_names(word: str) -> bool:
    """«Интерфакс-Украина», «Спартак-Москва»: names joined by a hyphen; «ООН-женщины», «ООН-Хабитат»: an
    abbreviation joined to a word, an agency's name."""
    parts = word.split("-")
    if len(parts) > 1 and len(parts[0]) >= 2 and parts[0].isupper() and all(part.isalpha() for part in parts):
        return True
    return len(parts) > 1 and all(part.isalpha() and part[:1].isupper() for part in parts)


def _adjective(word: str) -> bool:
    """A word the dictionary reads only as an adjective («Этнодемографические»)."""
    parses = loading.parse(word.lower())
    return parses[0].tag.POS in ("ADJF", "PRTF") and not any(p.tag.POS == "NOUN" for p in parses)


_MAX_FORM_WORDS = 5


def _spelled_legal_form(token: Token) -> bool:
    """«Товарищество собственников жилья «…»», «общество с ограниченной ответственностью «…»»: the words before the
    quote, up to `token`, spell out a legal form the lexicon has as an abbreviation (ТСЖ, ООО, ЖСК)."""
    legal = grammar.lexicon().legal_forms
    words: list[str] = []
    i = token.i
    while i >= 0 and len(words) < _MAX_FORM_WORDS and (token.doc[i].is_alpha or "-" in token.doc[i].text):
        words.insert(0, token.doc[i].lower_)
        content = [w for w in words if w not in FUNCTION_WORDS]
        initials = "".join(part[0] for w in content for part in w.split("-") if part)
        if len(content) >= 2 and initials in legal:
            return True
        i -= 1
    return False


def _introduces_quote(token: Token) -> bool:
    lex = grammar.lexicon()
    if (token.is_lower and token.lemma_ in lex.heads) or token.lower_.replace("0", "о") in lex.legal_forms:
        return True
    if _spelled_legal_form(token):
        return True
    # «МП «Таласводоканал»», «ГЛХУ «Лидский лесхоз»»: a short abbreviation before a quote is a form or kind.
    return _form_abbreviation(token) and grammar.form_before_name(token.doc, token)


def _form_abbreviation(token: Token) -> bool:
    lex = grammar.lexicon()
    word = token.lower_
    return (
        token.is_alpha
        and token.is_upper
        and 2 <= len(word) <= 5
        and word not in lex.country_codes
        and word not in lex.not_abbreviations
    )


def _separator(token: Token) -> bool:
    """«Пресс-центр › Новости», «Кенеш / Маалымат», «Главная » Пресс-центр » Новости»: a sign between a page's
    fields; a slash or a closing guillemet standing apart only (the slash of «п/р» is a word's, a closing quote
    touches the name it closes)."""
    if token.text in _SEPARATORS:
        return True
    spaced = bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in ("/", "»") and spaced


def _generic() -> frozenset[str]:
    return lexicons.load("org_generic")


def _balance_quotes(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in the opening quote before the span, or drop a closing quote that has none."""
    texts = [t.text for t in doc[start:end]]
    opens = sum(t in "«„" for t in texts)
    closes = sum(t in "»”" for t in texts)
    if closes > opens:
        if start > 0 and doc[start - 1].text in '«„"':
            return start - 1, end
        if texts and texts[-1] in "»”":
            return start, end - 1
    if opens > closes:
        if end < len(doc) and doc[end].text in '»”"':
            return start, end + 1
        if texts and texts[0] in "«„":
            return start + 1, end
    return start, end


def _person_spans(findings: Findings | None) -> set[tuple[int, int]]:
    if findings is None:
        return set()
    return {(m.start, m.end) for p in findings.persons for m in p.mentions}


def _readings(
    doc: Doc, found: grammar.Found, persons: set[tuple[int, int]], blocked: frozenset[str]
) -> dict[tuple[int, int], str]:
    """Token ranges read as names (grammar, then NER), with the rule that read each."""
    lex = grammar.lexicon()
    ranges: dict[tuple[int, int], str] = {}
    person_ends = _person_ends(doc, persons)
    for cand in grammar.candidates(doc, found, blocked):
        start = cand.start
        # «расположен | детский сад «Солнышко»»: a short participle or adjective is the predicate, no name's word.
        while start + 1 < cand.end and doc[start].is_lower and "Short" in doc[start].morph.get("Variant"):
            start += 1
        # «Выступил Комитет по управлению …»: a sentence's first word, a verb the tagger read as an adjective for its
        # capital, is the predicate (the dictionary reads it as a verb only).
        # («Сессия ассамблеи народа …», a headline in sentence case: a kind of sitting the tagger read as an adjective.)
        if (
            start + 1 < cand.end
            and doc[start].is_title
            and doc[start].pos_ == "ADJ"
            and (_only_verb(doc[start]) or grammar.word_lemma(doc[start].text) in _sittings())
            # («Сакребуло муниципалитета Телави»: a foreign kind of body the dictionary guesses a verb is the head.)
            and doc[start].lower_ not in lex.foreign_heads
        ):
            start += 1
        # «заместитель | Председателя Совета Республики …»: a title the tagger read as an adjective for its capital (it
        # has no adjective's ending) is the person's, no word of the name.
        while (
            start + 1 < cand.end
            and doc[start].pos_ == "ADJ"
            and grammar.word_lemma(doc[start].text) in lex.position_nouns
            and _QUALIFIED_ENDING.search(doc[start].lower_) is None
        ):
            start += 1
        # «отдела | ирригации хокимията области»: a noun in small letters the tagger read as an adjective (it has no
        # adjective's ending, the dictionary knows it as a noun only) is the dependent of the word before, not the
        # name's first word.
        while (
            start + 1 < cand.end
            and doc[start].is_lower
            and doc[start].pos_ == "ADJ"
            and _QUALIFIED_ENDING.search(doc[start].lower_) is None
            and _only_noun(doc[start])
        ):
            start += 1
        end = _before_person_begun(doc, start, cand.end, person_ends)
        if end > start:
            ranges.setdefault((start, end), cand.core)
    person_starts = {start for start, _ in persons}
    for ent in entities(doc):
        if ent.label_ != "ORG":
            continue
        check_deadline("organizations")
        cleaned = _clean_ner(doc, ent, persons, person_starts)
        if cleaned is not None:
            start, end = cleaned
            if doc[start].text in blocked:
                continue
            # «Могилёвской областной станции | переливания крови»: a name the tagger ends on a kind in small letters
            # names the body by its kind, whose genitive tails are its own as after any kind.
            # (Only words in small letters: a capitalised genitive, «поста | Северо-Западного таможенного управления»,
            # is the body the unit belongs to.)
            grown = grammar.grow(doc, start, end, found, lex, blocked, proper=True)
            if doc[end - 1].pos_ == "NOUN" and not any(t.text[:1].isupper() for t in doc[start + 1 : end]):
                by_kind = grammar.grow(doc, start, end, found, lex, blocked)
                if not any(t.text[:1].isupper() for t in doc[end:by_kind]):
                    grown = max(grown, by_kind)
            end = grown
            ranges.setdefault((start, end), "NER")
    for start, end in _party_after_person(doc, persons):
        ranges.setdefault((start, end), "PARTY")
    for start, end in _agency_credits(doc):
        ranges.setdefault((start, end), "AGENCY")
    for start, end in _un_programmes(doc):
        ranges[(start, grammar.grow(doc, start, end, found, lex, blocked, proper=True))] = "PROGRAMME"
    return _legal_names_after(doc, ranges)


def _person_ends(doc: Doc, persons: set[tuple[int, int]]) -> dict[int, int]:
    """The token each person's mention the persons stage found starts at → the character the mention ends at."""
    ends: dict[int, int] = {}
    for start, end in persons:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            ends[span.start] = max(end, ends.get(span.start, end))
    return ends


def _before_person_begun(doc: Doc, start: int, end: int, person_ends: dict[int, int]) -> int:
    """«начальник финансового отдела хокимията города | Бобур Халилов»: a reading that ends inside a person's name the
    persons stage found (a first name the grammar takes for the town after «города») stops where the name begins; a
    name all inside the reading («университет имени Абая Кунанбаева») is the body's own."""
    last = doc[end - 1].idx + len(doc[end - 1].text)
    for token in doc[start + 1 : end]:
        if person_ends.get(token.i, 0) > last:
            return token.i
    return end


def _legal_names_after(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """«научно-технического совета | ФГБУ «Национальный парк …»», «пленума Мозырского районного комитета | ОО «БРСМ»»:
    a council named by what it does, or a unit named by its place, level or field, right before a legal form and the
    quoted name the form opens goes on to that name (the institution it governs or belongs to, as «учёный совет
    Алтайского государственного университета» does in the genitive); `units` lists the body after the unit and keeps
    a unit in a person's title out of the list."""
    legal: dict[int, int] = {}
    for (start, end), core in ranges.items():
        if core == "LEGAL_QUOTED":
            legal[start] = max(end, legal.get(start, end))
    if not legal:
        return ranges
    grown = dict(ranges)
    for (start, end), core in ranges.items():
        # (The reading may end on the form, as the tagger's span does, or right before it.)
        form_end = legal.get(end - 1) if end - 1 > start else None
        kind_end = end - 1
        if form_end is None or form_end <= end:
            form_end, kind_end = legal.get(end), end
        if core not in ("HEAD", "NER") or form_end is None or form_end <= end or start >= kind_end - 1:
            continue
        council = doc[kind_end - 1]
        governing = council.is_lower and council.lemma_ in _GOVERNING_COUNCILS and doc[start].is_lower
        if governing or _unit_named_before_form(doc, start, kind_end):
            grown.setdefault((start, form_end), core)
    return grown


def _unit_named_before_form(doc: Doc, start: int, end: int) -> bool:
    """«Мозырского районного комитета», «районного отдела»: a unit's kind in small letters after its adjectives only
    (a company's branch, «Гулистанского филиала АКБ «…»», stays the company's: `units._top_body`)."""
    kind = start
    while kind < end and doc[kind].pos_ == "ADJ":
        kind += 1
    staff = lexicons.load("org_staff_units")
    unit = kind + 1 == end and doc[kind].is_lower and grammar.word_lemma(doc[kind].text) in staff
    return unit and kind > start


_SHORT_CREDIT = 8
_LONG_CREDIT = 12


# The United Nations runs its agencies as programmes («Программа развития ООН», «Программа ООН по окружающей среде»):
# a programme of the UN is a body, whatever any other body's programme is (a plan, `_programme_name_cut`).
_PROGRAMME_OWNER = "ООН"
_PROGRAMME_FIELD = 2  # «Программы | развития | ООН», «Программа | продовольственной помощи | ООН»


def _un_programmes(doc: Doc) -> list[tuple[int, int]]:
    """«Координатор Программы развития ООН (ПРООН)»: a capitalised «Программа» with its field in small letters in the
    genitive, then the UN, is one of the UN's agencies; its own tails («… по окружающей среде») are grown after."""
    found = []
    texts = token_strings(doc, ORTH)  # a Token only at the UN's name: one for every word cost more
    for i, text in enumerate(texts):
        if text != _PROGRAMME_OWNER:
            continue
        token = doc[i]
        j = token.i - 1
        while j > 0 and token.i - j <= _PROGRAMME_FIELD and doc[j].is_lower and doc[j].is_alpha:
            if "Gen" not in doc[j].morph.get("Case"):
                break
            j -= 1
        if j >= 0 and doc[j].is_title and grammar.word_lemma(doc[j].text) == "программа":
            found.append((j, token.i + 1))
    return found


def _agency_credits(doc: Doc) -> list[tuple[int, int]]:
    """«… проиндексируют. /УзА/»: a news agency credited between slashes after a text (or a paragraph)."""
    found = []
    texts = token_strings(doc, ORTH)  # a Token only between slashes: one for every word cost more
    for i in range(1, len(texts) - 1):
        # «УЗГЕН, 17 апреля – Кабар.»: a wire's dateline credits the agency after a dash too.
        if texts[i - 1] in DASHES and texts[i + 1] == "." and i >= 2 and doc[i].is_title and doc[i].is_alpha:
            if _dateline(doc, i - 1) and not _place_word(doc[i]):
                found.append((i, i + 1))
            continue
        # «БИШКЕК, 5 марта. Кабар.», «ОШ. 12 мая. Кабар – …»: or after the date's full stop, alone before a stop
        # or a dash.
        if texts[i - 1] == "." and texts[i + 1] in {".", *DASHES} and i >= 2 and doc[i].is_title and doc[i].is_alpha:
            if len(texts[i]) > 2 and _line_opening_dateline(doc, i - 1) and not _place_word(doc[i]):
                found.append((i, i + 1))
            continue
        if texts[i - 1] != "/" or texts[i + 1] != "/":
            continue
        token = doc[i]
        if not token.is_alpha or len(token.text) > _LONG_CREDIT:
            continue
        capitals = sum(c.isupper() for c in token.text)
        # «ХОРОГ, 30 мая. /Ховар/.»: a wire's dateline credits the agency, whatever its capitals (and a longer
        # name: «ЕРЕВАН, 17 сентября. /АРМЕНПРЕСС/.»; elsewhere a long word between slashes is rarely a credit).
        at_dateline = i >= 2 and texts[i - 2] == "." and _dateline(doc, i - 2)
        if len(token.text) > _SHORT_CREDIT and not at_dateline:
            continue
        dateline = token.is_title and at_dateline
        if (capitals >= 2 or dateline) and token.text[:1].isupper() and not _place_word(token):
            found.append((token.i, token.i + 1))
    return found


_DATELINE_REACH = 8


def _line_opening_dateline(doc: Doc, stop: int) -> bool:
    """A dateline (`_dateline`) that opens its line: its town is the line's first word («ХОРОГ, 30 мая.»), not a
    capitalised word inside a sentence («… Советского Союза Д.Д. Жамьянова»)."""
    i = stop - 1
    while i > 0 and stop - i < _DATELINE_REACH and "\n" not in doc[i - 1].text + doc[i - 1].whitespace_:
        i -= 1
    opens = i == 0 or "\n" in doc[i - 1].text + doc[i - 1].whitespace_
    return opens and _dateline(doc, stop)


def _dateline(doc: Doc, stop: int) -> bool:
    """«ХОРОГ, 30 мая.»: the full stop at `stop` ends a line's opening town in capitals and a date."""
    i = stop - 1
    while i > 0 and stop - i < _DATELINE_REACH and "\n" not in doc[i - 1].text + doc[i - 1].whitespace_:
        i -= 1
    town = doc[i]
    return town.is_upper and town.is_alpha and len(town) > 2 and any(t.like_num for t in doc[i:stop])


_MAX_PARTY_WORDS = 4
# An abbreviation («НДПУ», «AMANAT», «ЕдРо»), or a two-part name of the genre's parties («Ар-Намыс», «Ата-Мекен»).
_PARTY_SHAPE = re.compile(
    r"^(?:[А-ЯЁA-Z]{2,10}|[А-ЯЁ][а-яё]?(?:[А-ЯЁ][а-яё]?){1,6}[А-ЯЁ]?|[А-ЯЁ][а-яё]{1,8}-[А-ЯЁ][а-яё]{2,10})$"
)


def _party_after_person(doc: Doc, persons: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """«депутат Гулнора Сафарова (НДПУ)», «Ержан Калиев (AMANAT)»: a short name in parentheses right after a
    person's name is the party or body they stand for (the tagger counts it into the person)."""
    lex = grammar.lexicon()
    person_ends = {end for _, end in persons}
    found = []
    texts = token_strings(doc, ORTH)  # a Token only at «(»: one for every word cost more
    for i, text in enumerate(texts):
        if text != "(" or i == 0:
            continue
        quoted = _quoted_in_parenthesis(texts, i)
        if quoted is not None:
            before = doc[i - 1]
            if before.ent_type_ == "PER" or before.idx + len(before.text) in person_ends:
                found.append(quoted)
            continue
        if i + 2 >= len(texts) or texts[i + 2] != ")":
            continue
        token = doc[i]
        before, inner = doc[token.i - 1], doc[token.i + 1]
        after_person = before.ent_type_ == "PER" or before.idx + len(before.text) in person_ends
        if not after_person or not _PARTY_SHAPE.match(inner.text) or inner.lower_ in lex.country_codes:
            continue
        if inner.lower_ in lex.not_abbreviations or _place_word(inner) or _ordinary_word(inner):
            continue
        found.append((inner.i, inner.i + 1))
    return found


def _quoted_in_parenthesis(texts: list[str], i: int) -> tuple[int, int] | None:
    """«Артём Сизов («Новые люди»)»: a quoted name of a few words filling the parenthesis at `i`."""
    if i + 1 >= len(texts) or texts[i + 1] not in grammar.OPEN_QUOTES:
        return None
    for j in range(i + 3, min(i + 3 + _MAX_PARTY_WORDS, len(texts) - 1)):
        if texts[j] in grammar.CLOSE_QUOTES:
            first = texts[i + 2]
            return (i + 1, j + 1) if texts[j + 1] == ")" and first[:1].isupper() else None
    return None


def _ordinary_word(token: Token) -> bool:
    """A dictionary word read first as itself, not as an abbreviation («ГОД», «ОБ», «САМАРА»; not «РАН», «МИД»)."""
    word = token.lower_
    if not loading.morph().word_is_known(word):
        return False
    tag = loading.parse(word)[0].tag
    return "Abbr" not in tag and "Orgn" not in tag


def _centre_of_place(doc: Doc, start: int, end: int) -> bool:
    """«в центре Москвы», «исторический центр города», «в центре скандала»: the middle of a place or of
    something, not a body (which names its field and place, «центр занятости населения Бишкека»)."""
    head = next((t for t in doc[start:end] if t.lemma_ == "центр"), None)
    # «Административный центр Шугнанского района переносится …»: a district's or region's seat is a place, whatever
    # capitals a sentence or a heading gives it.
    if head is not None and head.i > start and doc[head.i - 1].lemma_ == "административный":
        return not any(t.text in QUOTES for t in doc[start:end])
    # («Ала-Букинского центра …»: a place's adjective joined by a hyphen is a word too.)
    words = [t for t in doc[start:end] if t.text.replace("-", "").isalpha()]
    if head is None or not head.is_lower or any(not t.is_lower for t in words if t.i < head.i):
        return False
    rest = [t for t in doc[head.i + 1 : end] if not t.is_punct]
    if not rest:
        return False
    # «центр скандала», «исследовательский центр по разработке мер …»: a centre named by no proper word is
    # the middle of something or an unnamed institution, never a body the text names.
    unnamed = all(t.is_lower for t in words) and not any(t.text in QUOTES for t in rest)
    return unnamed or all(t.ent_type_ == "LOC" for t in rest) or _a_kind_of_place(rest)


def _kind_in_plural(doc: Doc, start: int, end: int) -> bool:
    """«председатели районных Советов депутатов», «Новости комитетов»: a body's kind in the plural, with no
    capitalised adjective before it (a noun before it governs it), is bodies of that kind, not one the text names."""
    lex = grammar.lexicon()
    # («в местных Кенгашах»: a state-language kind the dictionary does not know, by its forms.)
    head = next(
        (
            t
            for t in doc[start:end]
            if t.text not in QUOTES and (grammar.word_lemma(t.text) in lex.heads or t.lower_ in lex.foreign_heads)
        ),
        None,
    )
    if head is None or any(t.text in QUOTES for t in doc[start:end]):
        return False
    if not grammar.plural(head) or grammar.singular_before_place(doc, head.i):
        return False
    return all(t.is_lower or t.is_sent_start or t.pos_ in ("NOUN", "PROPN") for t in doc[start : head.i] if t.is_alpha)


def _a_kind_of_place(words: list[Token]) -> bool:
    """«города», «района»: the place a text is about, referred to by its kind."""
    return len(words) == 1 and words[0].is_lower and grammar.word_lemma(words[0].text) in place_kinds()


def _programme_names_cut(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """Readings that run from a programme's funder into the programme's quoted name end before the quote
    (`_programme_name_cut`); the shorter readings inside the funder's name that run into the quote go («банка
    «Доступ к воде»» inside «Всемирного банка «…»»)."""
    cuts = {r: _programme_name_cut(doc, *r) for r in ranges}
    funders = [(start, new_end) for (start, end), (_, new_end) in cuts.items() if new_end != end]
    if not funders:
        return ranges
    kept: dict[tuple[int, int], str] = {}
    for r, core in ranges.items():
        if any(start < r[0] < quote and r[1] > quote for start, quote in funders):
            continue
        kept.setdefault(cuts[r], core)
    return kept


def _programme_name_cut(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """«в партнёрстве с проектом Европейского Союза «Открытые сообщества»», «программы ПРООН «Поддержка местного
    самоуправления»», «координатор проекта Всемирного банка «Доступ к воде»»: after a kind of programme, project or
    grant (`org_programme_kinds`), a body named in full by its capitals (an abbreviation, or an adjective and its kind)
    is the programme's funder, and the quoted name after it is the programme's, not the body's; the reading ends
    before the quote. (A kind alone before the quote, «проекта Фонда «Сорос-Кыргызстан»», and a legal form, «проекта
    ОО «Мээрим Булагы»», take the quoted name as the body's.)"""
    if start < 1 or doc[end - 1].text not in QUOTES:
        return start, end
    quote = next((i for i in range(start + 1, end - 1) if doc[i].text in QUOTES), None)
    # («проектом Европейского | Союза «…»»: the tagger may leave the funder's capitalised adjective out.)
    first = start
    while first > 1 and doc[first - 1].pos_ == "ADJ" and doc[first - 1].is_title:
        first -= 1
    kind = doc[first - 1]
    # («проекта Европейского союза и ПРООН «…»»: a second funder joined by «и» shares the kind.)
    if kind.lower_ == "и":
        before = (doc[j] for j in range(first - 2, max(0, first - 6) - 1, -1))
        kind = next((t for t in before if t.is_lower and _programme_kind(t)), kind)
    if quote is None or not kind.is_lower or not _programme_kind(kind):
        return start, end
    words = [t for t in doc[first:quote] if not t.is_punct]
    if not words or not words[0].text[:1].isupper():
        return start, end
    lex = grammar.lexicon()
    if len(words) == 1:
        word = words[0]
        named = word.is_upper and len(word.text) >= 3 and word.lower_ not in lex.legal_forms and not _place_word(word)
    else:
        # («Общественного фонда «…»», «Некоммерческой организации «…»»: a legal form or a generic kind spelled out
        # takes its quoted name.)
        kind = grammar.word_lemma(words[-1].text)
        named = (
            words[-1].pos_ in ("NOUN", "PROPN")
            and all(t.pos_ == "ADJ" for t in words[:-1])
            and (grammar.word_lemma(words[-2].text), kind) not in grammar.legal_phrases()
            and kind not in lex.referring_heads
        )
    return (first, quote) if named else (start, end)


def _programme_kind(token: Token) -> bool:
    """A word that names a programme, project or grant (any noun reading: «проекта», «программы», «грантом»)."""
    kinds = lexicons.load("org_programme_kinds")
    if grammar.word_lemma(token.text) in kinds:
        return True
    return any(p.tag.POS == "NOUN" and p.normal_form in kinds for p in loading.parse(token.lower_))
