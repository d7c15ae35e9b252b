"""Organizations: grammar and NER candidates → canonical nominative names, one entry per body.

1. Candidates: names the grammar reads (`models/grammars/organizations.py`) and the NER's ORG
   spans, cleaned of what the tagger glues to them (a person after a country code, stray quotes).
2. Overlaps keep the longest reading; a parenthesis right after a name is its alias
   («… Совет по вопросам миграции (МБОС)»).
3. Each name in the nominative: only the head noun and the adjectives before it are inflected,
   genitive and prepositional dependents stay as written («Министерство труда, социального
   обеспечения и миграции КР»); quoted parts are never touched.
4. Names of one body are merged (`pipelines/body_identity.py`): same lemmas, a legal form added or dropped, an
   abbreviation of the full name (initials «СДПК», syllables «Совбез», «Госсовет»), or a shorter form of it; a kind
   before a name the text also uses bare («компания Apple» … «Apple») is a description of it.
5. What is named like a body but is not one is left out: tournaments and awards, hospitals, the
   centre of a place, a web service the text only posts through («написал в своём Twitter»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.components.extensions import doc_text
from models.grammars import organizations as grammar
from pipelines.body_identity import Body, abbreviates, cover, latin_words, lemmas, merge
from pipelines.deadline import check_deadline
from pipelines.doc_views import entities, token_strings
from pipelines.findings import Findings, OrganizationFinding, TextSpan
from pipelines.headings import HEADING_CHARS, Heading, headings, proper_form, reading
from pipelines.normalize import inflect_token, inflect_word

_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
# Function words are not part of a name's identity (the scorer skips them too).
_STOP = frozenset({"и", "в", "во", "на", "по", "при", "для", "с", "со", "о", "об", "от", "до", "за", "к", "из", "а"})
_INITIAL = re.compile(r"^[А-ЯЁA-Z]\.([А-ЯЁA-Z]\.)?$")
_QUOTES = "«»„“”\"'"  # an apostrophe: wiki markup's ''…'' scraped as text
_MAX_ALIAS_TOKENS = 6
_SEPARATORS = frozenset("›|•>→")
_NAMED_AFTER = frozenset({"им", "имени"})
_PLURAL_ABBREVIATION = re.compile(r"^[А-ЯЁ]{2,6}(ов|ы|ам|ами|ах)$")
# Headings typed in capitals (`pipelines.headings`): the first few.
_MAX_HEADINGS = 3


# --- NER candidates -------------------------------------------------------------------------


def _starts_person(doc: Doc, i: int, person_starts: set[int]) -> bool:
    token = doc[i]
    initial = len(token.text) == 1 and token.is_upper and i + 1 < len(doc) and doc[i + 1].text == "."
    return initial or bool(_INITIAL.match(token.text)) or token.idx in person_starts


def _oblique_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.is_lower and bool({"Ins", "Dat", "Loc"} & set(token.morph.get("Case")))


def _unattached_noun(token: Token, before: Token) -> bool:
    cases = set(token.morph.get("Case"))
    if token.pos_ != "NOUN" or not token.is_lower or "Gen" in cases or not cases & {"Nom", "Acc"}:
        return False
    return before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN") and not cases & set(before.morph.get("Case"))


def _clean_ner(doc: Doc, ent: Span, persons: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Token range of the ORG entity without what does not belong to a name, or None."""
    lex = grammar.lexicon()
    person_starts = {start for start, _ in persons}
    start, end = ent.start, ent.end
    # «Теги: МПА СНГ», «Фото: пресс-служба …»: a page's field label before a colon is no part of the name.
    colons = [i for i in range(start, end - 1) if doc[i].text == ":"]
    if colons:
        start = colons[-1] + 1
    # «Присутствовали члены Совета директоров»: a protocol's header verb that opens the line is no word of a name.
    while start < end and doc[start].pos_ in ("VERB", "AUX") and "Fin" in doc[start].morph.get("VerbForm"):
        start += 1
    # «Председателя комитета …»: a job title before the body belongs to the person.
    while start < end and grammar.word_lemma(doc[start].text) in lex.position_nouns:
        start += 1
    # «собрание Думы»: a sitting of a body is not the body.
    if doc[start].is_lower and doc[start].lemma_ in lexicons.load("org_meeting_heads") and start + 1 < end:
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
    quoted = False
    for i in range(start + 1, end):
        quoted = quoted != (doc[i].text in _QUOTES)
        # «Грамотой Государственного Собрания | награждена медсестра …», «академия киноискусства | номинировало»: a
        # finite verb or a short participle is the sentence's predicate, never a word of a name outside quotes.
        if not quoted and _predicate(doc[i]):
            end = i
            break
        # «… КР Н.С. Базарбаев», «ООН норвежец Трюгве Ли»: a person ends the name; so does
        # a parenthesis, which holds another name for it («… партия Кыргызстана (СДПК»).
        if doc[i].text == "(" or _starts_person(doc, i, person_starts):
            end = i
            break
        # «деятельности Общества | за I квартал 2025 года»: the time a report covers is no cause the body stands for.
        if not quoted and doc[i].lower_ == "за" and _time_after(doc, i + 1):
            end = i
            break
        # «Пресс-центр › Новости», «Общество | 96»: a page's breadcrumbs and widgets, not one name; nor does a
        # post's hashtag line («#ТОС #Орёл») run one tag into the next.
        if _separator(doc[i]) or doc[i].text == "#":
            end = i
            break
        # «Госдума «закон Димы Яковлева»»: a quotation after a name is not part of it,
        # unlike one after a kind of body or a legal form («партия «Ак Жол»»).
        if doc[i].text in "«„" and not _introduces_quote(doc[i - 1]):
            end = i
            break
    # «университета имени Носира Хусрава | Зарина Холова»: the person a body is named after ends its name (inside
    # quotes the name runs to the closing quote).
    named_after = next((i for i in range(start + 1, end) if doc[i].lower_ in _NAMED_AFTER), None)
    if named_after is not None and not any(t.text in _QUOTES for t in doc[start:named_after]):
        end = min(end, grammar.eponym_end(doc, named_after))
    while start < end and ((doc[start].is_punct and doc[start].text not in _QUOTES) or doc[start].is_space):
        start += 1
    while end > start and ((doc[end - 1].is_punct and doc[end - 1].text not in _QUOTES) or doc[end - 1].is_space):
        end -= 1
    # «Как уточнили Интерфаксу | источники»: a lower-case noun after a name, in a case of its own and no
    # genitive, is the next phrase's subject or object, not a word of the name.
    if end - 1 > start and _unattached_noun(doc[end - 1], doc[end - 2]):
        end -= 1
    # «МГУ имени | М. В. Ломоносова»: cut before the person, «имени» goes back to the tail that names the person.
    if end - 1 > start and doc[end - 1].lower_ in _NAMED_AFTER:
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
    if all(t.lower_ in lex.not_abbreviations or t.lower_ in _STOP for t in words):
        return None
    # Country codes and places alone are locations («КР», «РФ»).
    if all(t.lower_ in lex.country_codes for t in words):
        return None
    # An adjective alone («Этнодемографические», «Болгарское») names nothing.
    quoted = sum(t.text in _QUOTES for t in doc[start:end]) >= 2
    if not quoted and not any(t.pos_ in ("NOUN", "PROPN", "X") or t.is_upper for t in words):
        return None
    if len(words) == 1 and (words[0].lower_ in lex.not_abbreviations or words[0].lemma_ in _generic()):
        return None
    # «руководители ФАПов», «ВУЗы»: an abbreviation inflected in the plural is a kind of institution.
    if len(words) == 1 and _PLURAL_ABBREVIATION.match(words[0].text):
        return None
    if len(words) == 1 and not quoted and _adjective(words[0].text):
        return None
    if len(words) == 1 and not quoted and _place_elsewhere(doc, words[0]):
        return None
    # «хякима | Лебапского велаята по вопросам сельского хозяйства»: a place by its adjective and kind, then the
    # field of the office before it; no kind of body is among the words.
    if len(words) >= 2 and not quoted and _adjective_shaped(words[0]) and words[0].text[:1].isupper():
        territory = grammar.word_lemma(words[1].text) in _place_kinds() | grammar.TERRITORIES
        if territory and not any(grammar.word_lemma(t.text) in lex.heads for t in words):
            return None
    # «главы Кара-Булакского айылного | аймака»: a span the NER ends on an adjective in small letters, before the
    # noun it goes with, which is no kind of body, is a place or a thing described, cut short.
    if not quoted and _cut_before_noun(doc, end, lex.heads):
        return None
    return start, end


def _cut_before_noun(doc: Doc, end: int, heads: frozenset[str]) -> bool:
    last = doc[end - 1]
    if end >= len(doc) or not last.is_lower or not _adjective_shaped(last) or last.pos_ not in ("ADJ", "X"):
        return False
    noun = doc[end]
    return noun.is_lower and noun.pos_ == "NOUN" and grammar.word_lemma(noun.text) not in heads


_LOC_LEMMAS = "kenesh_orgs_loc_lemmas"
_PLACE_ADJECTIVE = re.compile(r"[сц]к(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


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


def _hyphenated_names(word: str) -> bool:
    parts = word.split("-")
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
        content = [w for w in words if w not in _STOP]
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
    """«Пресс-центр › Новости», «Кенеш / Маалымат»: a sign between a page's fields; a slash standing apart only
    (the slash of «п/р» is a word's)."""
    if token.text in _SEPARATORS:
        return True
    spaced = bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text == "/" and spaced


def _common_noun(word: str) -> bool:
    parses = loading.parse(word)
    return (
        bool(parses)
        and loading.morph().word_is_known(word)
        and all(p.tag.POS == "NOUN" and not set(_PROPER_TAGS) & p.tag.grammemes for p in parses)
    )


def _field_sign(pair: str) -> bool:
    """The sign next to a field (the pair's last character), with the character on its far side: «›», «|», «/», or
    «»» standing apart («Главная » Новости »»), not closing a quoted name."""
    sign = pair[-1:]
    return sign in _SEPARATORS | {"/"} or (sign == "»" and (len(pair) < 2 or pair[0].isspace()))


def _rubric(doc: Doc, body: Body) -> bool:
    """«2024-10-09 | ВКО | Общество», «Басты бет / Жаңалықтар / Новости»: a whole field of a page's widget line or
    breadcrumb that is one common noun (a rubric of the site) or has no kind of body in it (a menu item in another
    language) is not the name of a body; «Хокимият Хивинского района | Новости» is one."""
    if body.abbreviation or any(q in body.name for q in _QUOTES):
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
        quote = span.start if doc[span.start].text in _QUOTES else span.start - 1
        if quote < 1 or doc[quote].text not in _QUOTES:
            return False
        quote = _first_of_coordinated(doc, quote)
        kind = doc[quote - 1]
        if not kind.is_lower or not _of_kind(kind, kinds):
            return False
    return True


def _of_kind(token: Token, kinds: frozenset[str]) -> bool:
    if grammar.word_lemma(token.text) in kinds:
        return True
    # «в махаллях «Зохидон» и «Кайрагоч»»: a state-language kind the dictionary does not know, by its stem.
    word = token.lower_
    return not loading.morph().word_is_known(word) and any(len(k) >= 5 and word.startswith(k[:-1]) for k in kinds)


# How many quoted names a kind may be shared by: «грантах «Агростартап», «Семейная ферма» и «Агропрогресс»».
_MAX_COORDINATED = 4
_MAX_QUOTED_WORDS = 8


def _first_of_coordinated(doc: Doc, quote: int) -> int:
    """The opening quote of the first of quoted names joined by «и» and commas that ends with the one at `quote`."""
    for _ in range(_MAX_COORDINATED):
        joint = quote - 1
        if joint < 1 or doc[joint].lower_ not in ("и", ",") or doc[joint - 1].text not in _QUOTES:
            break
        opening = next(
            (i for i in range(joint - 2, max(joint - 2 - _MAX_QUOTED_WORDS, -1), -1) if doc[i].text in _QUOTES), None
        )
        if opening is None or opening < 1:
            break
        quote = opening
    return quote


# Verbs of an event taking place («Форум …, который пройдёт в Гродно», «Съезд … состоится в мае»). Lemmas.
_TAKING_PLACE = frozenset({"пройти", "проходить", "состояться", "открыться", "завершиться", "начаться"})


def _event(doc: Doc, body: Body) -> bool:
    """«Форум творческой и научной интеллигенции …, который пройдёт в Гродно»: a body named by a kind of event
    (`meeting_events`) that takes place in the text is the event, not a body («Форум стран-экспортёров газа»)."""
    if body.head is None or body.head not in lexicons.load("meeting_events"):
        return False
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


def _line_between(doc: Doc, a: Token, b: Token) -> bool:
    first, last = (a, b) if a.i < b.i else (b, a)
    return "\n" in doc_text(doc)[first.idx : last.idx]


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
        if not loading.morph().word_is_known(word.lower()) or "Orgn" in loading.parse(word.lower())[0].tag:
            return False
    return True


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


# --- names ----------------------------------------------------------------------------------


def _head_index(span: Span) -> int | None:
    lex = grammar.lexicon()
    # «НИИ им. Склифосовского», «школа имени Абая»: the person a body is named after holds no head.
    named_after = next((t.i for t in span if t.lower_ in _NAMED_AFTER and t.i > span.start), None)
    if named_after is not None:
        span = span.doc[span.start : named_after]
    in_quotes = False
    for token in span:
        if token.text in _QUOTES:
            in_quotes = not in_quotes
            continue
        if not in_quotes and (token.lemma_ in lex.heads or token.lower_ in lex.foreign_heads):
            return token.i
        # «Отделение Социального фонда России по …»: a unit that opens a body's name is its head.
        if token.i == span.start and token.lemma_ in lex.subunits:
            return token.i
    for token in span:
        if token.text in _QUOTES:
            break
        # «МИД России», «УВД Томской области»: an abbreviation first is the head; what follows is governed.
        if token.is_alpha and token.is_upper and len(token.text) > 1:
            return token.i
        if token.pos_ in ("NOUN", "PROPN") and not token.is_upper:
            return token.i
    # «Европейского ЦБ»: an abbreviation is the head when nothing else is.
    return next((t.i for t in span if t.pos_ in ("NOUN", "PROPN") and t.is_upper), None)


def canonical(span: Span) -> str:
    """The name in the nominative: the head noun and the adjectives before it inflect, the rest stays."""
    head = _head_index(span)
    lex = grammar.lexicon()
    parts: list[str] = []
    for token in span:
        word = token.text
        if token.i == span.start and word.lower().replace("0", "о") in lex.legal_forms:
            word = word.replace("0", "О")
        elif (
            token.i == head
            and token.lower_ in lex.foreign_heads
            and (token.lemma_ not in lex.heads or token.i == span.start)
        ):
            # The tagger guessed an unknown head's lemma and case («маслихата», «Хякимлика»): its dictionary form is
            # known. (After a word it is not the head: «Пресс-служба акимата …».)
            lemma = lex.foreign_heads[token.lower_]
            word = lemma.capitalize() if word[:1].isupper() else lemma
        elif token.i == head and token.pos_ == "ADJ" and grammar.word_lemma(token.text) in lex.heads:
            # «Пресс-служба Ошского городского кенеша» at a line's end: the tagger read the head as an adjective.
            word = inflect_word(token.text, "NOUN", *_features(token))
        elif (
            head is not None
            and token.i < head
            and (_indeclinable(span.doc[head]) or (token.pos_ in ("ADJ", "X") and not token.morph.get("Case")))
            and _adjective_shaped(token)
        ):
            # «Бакай-Атинского айыл окмоту»: a head that does not inflect shows no case, the tagger's guess for it
            # (and for its adjective) is any; the adjective's own ending tells its case, as it does for a rare
            # adjective the tagger gives none («айылного кенеша»).
            word = inflect_word(token.text, "ADJ", _adjective_case(token.text), _features(span.doc[head])[1], "Sing")
        elif head is not None and token.i < head and token.pos_ in ("PROPN", "X") and _adjective_shaped(token):
            # The tagger's features are a guess for a name; an adjective agrees with its head.
            word = inflect_word(token.text, "ADJ", *_features(span.doc[head]))
            if word == token.text:
                # «Слуцкого районного …»: a place's adjective the dictionary knows only as a surname, which declines
                # the same way.
                word = inflect_word(token.text, "NOUN", *_features(span.doc[head]))
        elif (
            head is not None
            and token.i < head
            and (grammar.misread_adjective(token) or (token.pos_ == "NOUN" and grammar.known_adjective(token)))
        ):
            # (A known adjective the tagger read as a noun: «чувашской национально-культурной автономии».)
            word = inflect_word(token.text, "ADJ", *_features(span.doc[head]))
        elif (token.is_upper and len(token.text) <= 5) or _mixed_case(word) or _indeclinable_contraction(word):
            # An abbreviation is written the same in every case («УЗ», «АН СССР», «АлтГУ»); pymorphy reads «уз» as
            # «узы».
            pass
        elif token.i == head and token.is_lower and grammar.singular_before_place(span.doc, head):
            word = inflect_word(token.text, "NOUN", "Gen", None, "Sing")
        elif (
            head is not None
            and token.i < head
            and _gender_misread(token, span.doc[head])
            and _agrees(token, head, span)
        ):
            # «Кавказского отдельского … общества»: the masculine and neuter genitive are one form, and the tagger may
            # guess the other gender; an adjective takes its head's.
            case, _, number = _features(token)
            word = inflect_word(token.text, "ADJ", case, _head_gender(span.doc[head]), number)
        elif head is not None and token.i <= head and _agrees(token, head, span):
            word = inflect_token(token)
        elif head is not None and token.i == head + 2 and grammar.gloss(span.doc, head + 1):
            word = inflect_token(token)  # «Хурала (парламента)»: the gloss is the kind's and inflects with it
        parts.append(word + token.whitespace_)
    name = re.sub(r"\s+", " ", "".join(parts)).strip()
    # Wiki markup's ''…'' is the text's quotes.
    return re.sub(r"''\s?(.+?)\s?''", r"«\1»", name)


def _indeclinable(head: Token) -> bool:
    """«окмоту», «сакребуло»: a foreign kind ending in a vowel of no Russian noun's nominative declension is written
    the same in every case (as «бюро»); «маслихат», «кенеш» inflect."""
    word = head.lower_
    return grammar.lexicon().foreign_heads.get(word) == word and word[-1:] in _INDECLINABLE_ENDINGS


_INDECLINABLE_ENDINGS = frozenset("оуюиэ")


_OC_CASES = {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc"}


def _adjective_case(word: str) -> str | None:
    """The case an adjective's ending shows, by the dictionary's likeliest reading of it as an adjective."""
    return next((_OC_CASES.get(str(p.tag.case)) for p in loading.parse(word) if p.tag.POS == "ADJF"), None)


def _indeclinable_contraction(word: str) -> bool:
    """«Минэкологии», «Минприроды», «Минобразования»: «Мин» and a feminine or neuter field in the genitive is written so
    in every case (unlike «Минтруда» of «Минтруд», «Минсельхоза» of «Минсельхоз»)."""
    if not word.startswith("Мин") or word.startswith("Минист") or len(word) < 7:
        return False
    rest = word[3:].lower()
    return any(
        p.tag.POS == "NOUN" and "gent" in p.tag and p.tag.gender in ("femn", "neut") and p.is_known
        for p in loading.parse(rest)
    )


def _mixed_case(word: str) -> bool:
    """«АлтГУ», «МосГУ»: a capital after a small letter spells an abbreviation, not a name in a case (unlike an
    abbreviation with a case ending, «МХАТе»)."""
    return word.isalpha() and re.search(r"[a-zа-яё][A-ZА-ЯЁ]", word) is not None


def _adjective_shaped(token: Token) -> bool:
    return bool(re.search(grammar.ADJECTIVE_ENDING, token.text))


def _features(token: Token) -> tuple[str | None, str | None, str | None]:
    morph = token.morph
    return tuple((morph.get(f) or [None])[0] for f in ("Case", "Gender", "Number"))  # type: ignore[return-value]


_OC_GENDERS = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}


def _head_gender(head: Token) -> str | None:
    """The head's gender as the dictionary knows its word («Хурала»: masculine, which the tagger may guess neuter),
    else the tagger's."""
    genders = {
        str(p.tag.gender)
        for p in loading.parse(head.lower_)
        if p.tag.POS == "NOUN" and p.normal_form == head.lemma_ and "Name" not in p.tag and "Surn" not in p.tag
    }
    return _OC_GENDERS.get(genders.pop()) if len(genders) == 1 else _features(head)[1]


def _gender_misread(token: Token, head: Token) -> bool:
    """An adjective in the masculine or neuter genitive or dative (one form for both) before a head of the other."""
    case, gender, number = _features(token)
    head_gender = _head_gender(head)
    both = {gender, head_gender} == {"Masc", "Neut"}
    return token.pos_ == "ADJ" and case in ("Gen", "Dat") and number == "Sing" and both


def _agrees(token: Token, head: int, span: Span) -> bool:
    if token.i == head:
        return True
    if token.pos_ not in ("ADJ", "NUM", "DET") and not (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm")):
        return False
    # Inside quotes nothing inflects («Единой России» is a name within a name).
    return not any(t.text in _QUOTES for t in span.doc[span.start : token.i])


# --- what is not a body ----------------------------------------------------------------------

# «написал в своём Twitter», «на странице в Facebook», «в мессенджерах Telegram и WhatsApp»: the words
# that may stand between a medium and the preposition that makes it the place of a post.
_MEDIUM_PREPOSITIONS = frozenset({"в", "во", "на", "через"})
_MEDIUM_REACH = 4


@cache
def _lemma_names(name: str) -> frozenset[tuple[str, ...]]:
    """Entries of a lexicon as lemma sequences, so that an entry may be written in any form."""
    return frozenset(tuple(grammar.word_lemma(w) for w in _WORD.findall(entry)) for entry in lexicons.lines(name))


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


_MAX_TITLES = 8  # how far back a list of titles is followed to the kind of work that opens it
_MAX_TITLE_REACH = 40
_CLOSING_QUOTES = frozenset('»"”')
_OPENING_QUOTES = frozenset('«"„“')


def _titled_work(doc: Doc, mention: TextSpan, kinds_lexicon: str) -> bool:
    """The mention is a work's or a product's name: in quotes or in Latin letters (a name in apposition, not a
    genitive owner: «программ правительства США», «автомобиль МЧС»), right after a kind of work or product
    («сериала «Доктор Кто»», «альбом Blackstar», «автомобиль Honda»; `org_work_kinds`, `org_product_kinds`) or after
    the list of names it is in («фильмах «Разрыв», «Брюс всемогущий» и «Копейка»»)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    quoted = span[0].text in _QUOTES or (span.start > 0 and doc[span.start - 1].text in _QUOTES)
    if not quoted and latin_words(span.text) is None:
        return False
    kinds = lexicons.load(kinds_lexicon)
    i = span.start - 1
    titles = 0
    while i >= 0:
        token = doc[i]
        if token.text in _QUOTES:
            i -= 1
            continue
        if token.lemma_.lower() in kinds or grammar.word_lemma(token.text) in kinds:
            return True
        # «…», «…» и «…»: step over the previous title of a list to what opens it.
        if not quoted or token.text not in (",", "и") or titles >= _MAX_TITLES or i == 0:
            return False
        if doc[i - 1].text not in _CLOSING_QUOTES:
            return False
        titles += 1
        i -= 2
        while i >= 0 and doc[i].text not in _OPENING_QUOTES and span.start - i < _MAX_TITLE_REACH:
            i -= 1
        i -= 1
    return False


def _venue_kind(name: str) -> bool:
    """The name's first noun, after its adjectives only, is a house of culture or a school (`org_venue_kinds`)."""
    kinds = lexicons.load("org_venue_kinds") | lexicons.load("org_proper_kinds")
    for word in _WORD.findall(name):
        if grammar.word_lemma(word) in kinds:
            return True
        if not re.search(grammar.ADJECTIVE_ENDING, word.lower()):
            return False
    return False


_VENUE_REACH = 3  # «в | актовом | зале | гимназии», «в | районном | Доме культуры»


def _venue(doc: Doc, mention: TextSpan) -> bool:
    """«в актовом зале гимназии № 1», «в районном Доме культуры прошла сессия»: the name is where the meeting is,
    after a hall or building of it (`meeting_venue_nouns`), or after «в» with a verb of taking place next."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
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


# «АЯГОЗ, 29 мая – …»: a news item's dateline, the town in capitals, a comma and the day.
_DATELINE = re.compile(r"[А-ЯЁA-Z-]+,\s{1,3}\d{1,2}\s{1,3}[а-яё]{3,8}\b")


def _dateline(text: str, mention: TextSpan) -> bool:
    """The town a dateline opens a line with is a place, not a body, however the tagger reads the capitals."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    return not text[line_start : mention.start].strip() and _DATELINE.match(text, mention.start) is not None


# Letters of the state languages the Russian alphabet lacks (Kazakh, Kyrgyz, Tatar, Bashkir, Belarusian).
_STATE_LETTERS = re.compile(r"[әғқңөұүһіўӘҒҚҢӨҰҮҺІЎ]")


def _state_language(name: str) -> bool:
    """«Абай облысы Аягөз ауданының мәслихаты», a letterhead's line in the state language: the golds list the body
    by its Russian name only (heldout-genre-5, -7, -8, -9, -10); a quoted name («Қамқор-Қарағанды») is kept."""
    return _STATE_LETTERS.search(re.sub(r"[«\"][^»\"]*[»\"]?", "", name)) is not None


# «Об утверждении Положения о молодёжном совете при Думе», «о создании рабочей группы»: a body the decision is to
# set up or give its statute, named in lower case, does not act in the record yet.
_TO_BE_FOUNDED = re.compile(
    r"(?i)(?:утверждени\w{1,2}\s+положени\w{1,2}\s+о|о\s+создании|об\s+(?:образовании|учреждении))\s+$"
)
_FOUNDING_REACH = 48


def _to_be_founded(text: str, mention: TextSpan) -> bool:
    first = text[mention.start : mention.start + 1]
    return (
        first.islower()
        and _TO_BE_FOUNDED.search(text[max(0, mention.start - _FOUNDING_REACH) : mention.start]) is not None
    )


def _is_body(doc: Doc, body: Body) -> bool:
    """Tournaments, awards, hospitals and the like are not bodies; a web service is one only where the text
    does not just post through it."""
    if _starts_with(body.words, _lemma_names("org_not_bodies")) or _rubric(doc, body) or _facility_named(doc, body):
        return False
    if _state_language(body.name):
        return False
    if _event(doc, body) or _field_label(doc, body) or all(_built(doc, m) for m in body.mentions):
        return False
    # A house of culture or a school named only as where the meeting is held; its registered name stays a body.
    quoted = any(q in body.name for q in _QUOTES)
    if _venue_kind(body.name) and not quoted and all(_venue(doc, m) for m in body.mentions):
        return False
    numbered = body.head in lexicons.load("org_numbered_heads")  # «школы № 9 (1985)»: a school's, with a year
    if all(
        _chrome_line(doc_text(doc), m)
        or _dateline(doc_text(doc), m)
        or _to_be_founded(doc_text(doc), m)
        or (_issue_of_periodical(doc_text(doc), m) and not numbered)
        for m in body.mentions
    ):
        return False
    # «больница Финикса» is a building; «ГУЗ СО «Вольская районная больница»» a registered institution.
    first = _WORD.match(body.name)
    legal = first is not None and first.group().lower().replace("0", "о") in grammar.lexicon().legal_forms
    quoted = any(q in body.name for q in _QUOTES)
    facility = body.head in lexicons.load("org_facility_heads")
    if (
        (facility or _building(body.name))
        and not legal
        and not quoted
        and not (facility and _of_local_level(body.name))
    ):
        return False
    if body.head in lexicons.load("org_proper_kinds") and not any(ch.isupper() or ch.isdigit() for ch in body.name):
        return False  # (quotes are capitalised names)
    if all(_titled_work(doc, m, "org_work_kinds") or _titled_work(doc, m, "org_product_kinds") for m in body.mentions):
        return False
    if body.words in _lemma_names("org_media"):
        return not all(_as_medium(doc, m) for m in body.mentions)
    # «укрывался в посольстве Эквадора»: the building, where no mention acts as a body.
    return not (body.head in lexicons.load("org_missions") and all(_inside(doc, m) for m in body.mentions))


# «Вестник нотариата Новосибирской области № 2 (2025)»: a periodical's title, its issue's number and year (or its
# number since the first issue: «Информационный вестник № 4 (118)»).
_ISSUE = re.compile(r"^[\w\s]{0,80}?№\s?\d{1,4}\s?\(\d{1,4}\)")


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
    if span is None or ("Gen" not in span[0].morph.get("Case") and "Gen" not in span.root.morph.get("Case")):
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
    return (
        len(words) >= 3
        and place[:1].isupper()
        and grammar.word_lemma(place) not in levels
        and re.search(grammar.ADJECTIVE_ENDING, place) is not None
        and any(grammar.word_lemma(w) in levels for w in words[1:-1])
    )


def _building(name: str) -> bool:
    """«Исаакиевский собор», «Новое Городское кладбище», «Собор Святого Марка»: the name's first noun, after
    its adjectives only, is a kind of building (`org_buildings`), so it names the place, not a body."""
    buildings = lexicons.load("org_buildings")
    for word in re.findall(r"[0-9A-Za-zА-Яа-яЁё-]+", name):
        lemma = grammar.word_lemma(word)
        if lemma in buildings:
            return True
        if not re.search(grammar.ADJECTIVE_ENDING, word.lower()):
            return False
    return False


def _inside(doc: Doc, mention: TextSpan) -> bool:
    """The mention follows «в»/«во»: someone or something is in the building («в посольстве Эквадора»)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in ("в", "во")


def _kind_before_name(bodies: list[Body]) -> list[Body]:
    """«компания Apple» … «Apple», «газета "Коммерсантъ"» … «"Коммерсантъ"»: where the text also names a
    body without its kind, that bare name is the text's name for it and the kind is a description."""
    lex = grammar.lexicon()
    bare = {b.words: b for b in bodies}
    kept: list[Body] = []
    for body in bodies:
        first = _WORD.match(body.name)
        described = first is not None and first.start() == 0 and first.group().islower()
        if described and len(body.words) >= 2 and body.words[0] in lex.heads:
            target = bare.get(body.words[1:])
            if target is not None and target is not body:
                target.mentions.extend(body.mentions)
                # After its kind a name stands as written, in the nominative («газета «Коммерсантъ»»).
                rest = body.name[first.end() :].strip()
                if rest[:1] in _QUOTES or re.fullmatch(r"[A-Za-z0-9&.' -]+", rest):
                    target.name = rest
                continue
        kept.append(body)
    return kept


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


def _unit_abbreviation_before_body(bodies: list[Body]) -> list[Body]:
    """«инспектор ПДН МО МВД России «Моршанский»» … «МО МВД России «Моршанский»»: where the text also names the body
    on its own, an abbreviation before it is the unit the person works in (a word of the title), and the name the
    body's."""
    bare = {b.words: b for b in bodies}
    kept: list[Body] = []
    for body in bodies:
        first = _WORD.match(body.name)
        unit = first is not None and first.start() == 0 and first.group().isupper() and len(first.group()) > 1
        target = bare.get(body.words[1:]) if unit and len(body.words) >= 3 else None
        if target is not None and target is not body:
            target.mentions.extend(body.mentions)
            continue
        kept.append(body)
    return kept


_POSSESSIVE_WORD = re.compile(r"\s(?:их|его|её|ее)(?=\s)")


def _initials_by_i(short: list[str], full: str) -> bool:
    """«КЧС и ОПБ» of «Комиссия по предупреждению и ликвидации чрезвычайных ситуаций и обеспечению пожарной
    безопасности»: the letters of both abbreviations are initials of the name's words in order, the first starting
    the name and the second starting a word right after an «и» (the abbreviations leave out some words)."""
    words = [w.lower() for w in re.findall(r"[\wЁё-]+", full)]
    after_i = {i + 1 for i, w in enumerate(words) if w == "и"}
    content = [(i, w) for i, w in enumerate(words) if w not in _STOP and w not in ("их", "его", "ее", "её")]
    position = 0
    for part, letters in enumerate(short):
        for k, letter in enumerate(letters):
            while position < len(content) and content[position][1][0] != letter:
                if part == 0 and k == 0:
                    return False  # the first letter starts the name
                position += 1
            if position == len(content):
                return False
            if k == 0 and part == 1 and content[position][0] not in after_i:
                return False
            position += 1
    return True


def _abbreviations_joined(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«КДН и ЗП» of «Комиссия по делам несовершеннолетних и защите их прав …», «ГО и ЧС»: two abbreviations joined by
    «и» are one name where together (and only together) they abbreviate a body the text names in full; the
    possessive of such names is left out of the letters. Elsewhere «МВД и ФСБ» stay two bodies."""
    text = doc_text(doc)
    shorts = [b for b in bodies if b.abbreviation and len(b.words) == 1]
    if len(shorts) < 2:
        return bodies
    fulls = [
        (b, [w.lower() for w in re.findall(r"[\wЁё-]+", _POSSESSIVE_WORD.sub("", b.name)) if w.lower() not in _STOP])
        for b in bodies
        if not b.abbreviation
    ]
    # The pairs written «A и B», found by where a mention starts (one pass over the mentions, not over pairs).
    starting = {m.start: b for b in shorts for m in b.mentions}
    pairs = {
        (id(first), id(second)): (first, second)
        for first in shorts
        for a in first.mentions
        if text[a.end : a.end + 3] == " и " and (second := starting.get(a.end + 3)) is not None and second is not first
    }
    absorbed: set[int] = set()
    for first, second in pairs.values():
        if id(first) in absorbed or id(second) in absorbed:
            continue
        # (Both letters' words in order: «МВД и ФСБ» is no abbreviation of «Министерство внутренних дел».)
        short = [first.name.lower(), second.name.lower()]
        target = next((b for b, words in fulls if cover(short, words, False) or _initials_by_i(short, b.name)), None)
        if target is None:
            continue
        joined = f"{first.name} и {second.name}"
        target.mentions.extend(first.mentions + second.mentions)
        target.aliases.extend(a for a in (joined, first.name) if a not in target.aliases)
        absorbed.update((id(first), id(second)))
    return [b for b in bodies if id(b) not in absorbed]


# --- the stage ------------------------------------------------------------------------------


def _person_spans(findings: Findings | None) -> set[tuple[int, int]]:
    if findings is None:
        return set()
    return {(m.start, m.end) for p in findings.persons for m in p.mentions}


def _parenthesis(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token range inside «( … )» right after a name, when it is short enough to be another name for it."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    for i in range(end + 1, min(len(doc), end + 2 + _MAX_ALIAS_TOKENS)):
        if doc[i].text == ")":
            inner = doc[end + 1 : i]
            if (inner and not any(t.pos_ == "VERB" or t.like_num for t in inner) and inner.text[:1].isupper()) or (
                inner and inner.text[:1] in _QUOTES
            ):
                return end + 1, i
            return None
    return None


_DASHES = frozenset({"–", "—", "-"})


def _assembly(token: Token) -> bool:
    """A capitalised word of an assembly's kind («Собрания», «Курултая», «Хурал»)."""
    return token.text[:1].isupper() and grammar.word_lemma(token.text) in lexicons.load("membership_bodies")


def _double_names(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«Государственного Собрания (Ил Тумэн) Республики Саха (Якутия)», «Государственного Собрания – Курултая
    Республики Башкортостан»: a republic's assembly is named by its kind and by its own-language name, in a
    parenthesis or after a dash, before the republic; both names and the republic are one body's name."""
    joined: list[tuple[int, int]] = []
    skip: set[tuple[int, int]] = set()
    starts = {start: (start, end) for start, end in chosen}
    for start, end in chosen:
        if (start, end) in skip:
            continue
        if not any(_assembly(t) for t in doc[start:end]):
            joined.append((start, end))
            continue
        inner = _parenthesis(doc, end)
        if inner is not None and inner[1] + 1 < len(doc):
            after = doc[inner[1] + 1]
            place = next((e for e in entities(doc) if e.label_ == "LOC" and e.start == after.i), None)
            if place is not None and "Gen" in after.morph.get("Case"):
                stop = place.end
                # «Республики Саха (Якутия)»: the republic's second name in its own parenthesis.
                closing = _parenthesis(doc, stop)
                end = closing[1] + 1 if closing is not None else stop
                skip.update(r for r in chosen if start < r[0] < end)
        elif end + 1 < len(doc) and doc[end].text in _DASHES and doc[end].whitespace_ and end + 1 in starts:
            other = starts[end + 1]
            if _assembly(doc[end + 1]):
                skip.add(other)
                end = other[1]
        joined.append((start, end))
    return joined


_BRANCHES = frozenset({"филиал"})


def _without_branch_names(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«филиала ПАО «Россети Сибирь» – «Красноярскэнерго»»: the quoted name after a dash is the branch's, and a branch
    stays in the position with its company the organization (gold-format), so it is no body of its own."""
    ends = {end: start for start, end in chosen}
    kept = []
    for start, end in chosen:
        k = start - 1 if start > 0 and doc[start - 1].text in _OPENING_QUOTES else start
        quoted = k < start or doc[start].text in _OPENING_QUOTES
        company = ends.get(k - 1) if k > 0 and doc[k - 1].text in _DASHES else None
        if quoted and company is not None and company > 0 and grammar.word_lemma(doc[company - 1].text) in _BRANCHES:
            continue
        kept.append((start, end))
    return kept


def _with_jurisdiction(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«Комиссия по координации работы по противодействию коррупции | в Карачаево-Черкесской Республике»,
    «Экспертный совет при Уполномоченном по правам человека | в Ярославской области»: a body named by its remit
    that goes on with «в» and a region by its kind is that region's body; the region is part of its name."""
    kinds = _place_kinds()
    places = {e.start: e for e in entities(doc) if e.label_ == "LOC"}
    grown: list[tuple[int, int]] = []
    for start, end in chosen:
        remit = any(t.lower_ in ("по", "при") for t in doc[start + 1 : end])
        if remit and end + 1 < len(doc) and doc[end].lower_ == "в" and end + 1 in places:
            place = places[end + 1]
            if "Loc" in doc[place.end - 1].morph.get("Case") and any(
                grammar.word_lemma(t.text) in kinds for t in place
            ):
                end = _place_end(place, place.end)
        grown.append((start, end))
    return grown


def _readings(
    doc: Doc, found: grammar.Found, persons: set[tuple[int, int]], blocked: frozenset[str]
) -> dict[tuple[int, int], str]:
    """Token ranges read as names (grammar, then NER), with the rule that read each."""
    lex = grammar.lexicon()
    ranges: dict[tuple[int, int], str] = {}
    for cand in grammar.candidates(doc, found, blocked):
        ranges.setdefault((cand.start, cand.end), cand.core)
    for ent in entities(doc):
        if ent.label_ != "ORG":
            continue
        check_deadline("organizations")
        cleaned = _clean_ner(doc, ent, persons)
        if cleaned is not None:
            start, end = cleaned
            if doc[start].text in blocked:
                continue
            end = grammar.grow(doc, start, end, found, lex, blocked, proper=True)
            ranges.setdefault((start, end), "NER")
    for start, end in _party_after_person(doc, persons):
        ranges.setdefault((start, end), "PARTY")
    for start, end in _agency_credits(doc):
        ranges.setdefault((start, end), "AGENCY")
    return ranges


def _agency_credits(doc: Doc) -> list[tuple[int, int]]:
    """«… проиндексируют. /УзА/»: a news agency credited between slashes after a text (or a paragraph)."""
    found = []
    texts = token_strings(doc, ORTH)  # a Token only between slashes: one for every word cost more
    for i in range(1, len(texts) - 1):
        if texts[i - 1] != "/" or texts[i + 1] != "/":
            continue
        token = doc[i]
        if not token.is_alpha or len(token.text) > 8:
            continue
        capitals = sum(c.isupper() for c in token.text)
        if capitals >= 2 and token.text[:1].isupper() and not _place_word(token):
            found.append((token.i, token.i + 1))
    return found


_MAX_PARTY_WORDS = 4
_PARTY_SHAPE = re.compile(r"^(?:[А-ЯЁA-Z]{2,10}|[А-ЯЁ][а-яё]?(?:[А-ЯЁ][а-яё]?){1,6}[А-ЯЁ]?)$")


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


def _caps_line(doc: Doc, token: Token) -> bool:
    """The token's line is an ALL-CAPS heading («ДЕПУТАТЫ ОБЛАСТНОГО МАСЛИХАТА ИЗБРАЛИ …»): ordinary words
    shouted, which the tagger reads as names and abbreviations."""
    words = _line_words(doc, token)
    return len(words) >= 2 and all(w.isupper() for w in words)


def _line_words(doc: Doc, token: Token) -> list[str]:
    text = doc_text(doc)  # `doc.text` joins every token anew: quadratic over a heading's words
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    words = _WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    return [w for w in words if not w.isdigit()]


def _opens_line(doc: Doc, token: Token) -> bool:
    return token.idx == 0 or doc_text(doc)[token.idx - 1] == "\n"


def _initials_after(doc: Doc, end: int) -> bool:
    """«КУАНЫШЕВА Г.М.», «Иванов И. И.»: initials right after a word make it a person's surname."""
    return end + 1 < len(doc) and len(doc[end].text) == 1 and doc[end].is_upper and doc[end + 1].text == "."


def _shouted(doc: Doc, start: int, end: int) -> bool:
    """An ALL-CAPS reading that is not a name: ordinary words in a heading, or a place in capitals.

    In a heading only a lone abbreviation is a name; the bodies a heading names in capitals («СЕССИЯ
    МАСЛИХАТА») are named again in the text, where case tells a name from a word.
    """
    lex = grammar.lexicon()
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words or not all(t.is_upper for t in words):
        return False
    # «КУАНЫШЕВА Г.М. Куанышева, член комиссии …»: a transcript's speaker turn, a surname in capitals opening a line
    # («лидер ЛДПР В. Жириновский»: a body before a person's initials).
    if len(words) == 1 and _initials_after(doc, end) and _opens_line(doc, words[0]):
        return True
    # «ПРОТОКОЛ № 3», «СТЕНОГРАММА»: a line of one shouted dictionary word is a document's heading.
    if len(words) == 1 and _ordinary_word(words[0]) and len(_line_words(doc, words[0])) == 1:
        return True
    if _shouted_heading_words(doc, start, end, lex.heads):
        return True
    if _caps_line(doc, words[0]):
        # «СХОД ГРАЖДАН МАХАЛЛИ «ШОДЛИК»» over «в махалле «Шодлик»»: a word the text also writes in small letters is a
        # word of the heading, not an abbreviation (which is written in capitals wherever it stands).
        if len(words) == 1 and _stem(words[0].lower_) in _written_small(doc):
            return True
        single = len(words) == 1 and not _ordinary_word(words[0])
        # «В НАРИМАНСКОМ АЙЫЛ ОКМОТУ …»: a kind of body shouted is a word, not an abbreviation.
        kind = words[0].lower_ in lex.heads or grammar.word_lemma(words[0].text) in lex.heads
        return not (single and not kind)
    # Elsewhere capitals are a name, unless they spell a place («САМАРА, 23 мая»: a dateline).
    return len(words) == 1 and _place_word(words[0])


_WRITTEN_SMALL = "kenesh_orgs_written_small"


def _stem(word: str) -> str:
    # The ending cut off: the dictionary knows no form of a state-language word («махалли», «махалле»).
    return word[: max(4, len(word) - 2)]


def _written_small(doc: Doc) -> frozenset[str]:
    """The stems of the words the text writes, somewhere, not all in capitals (lower case; once per document)."""
    found = doc.user_data.get(_WRITTEN_SMALL)
    if found is None:
        found = frozenset(_stem(w.lower()) for w in token_strings(doc, ORTH) if w.isalpha() and not w.isupper())
        doc.user_data[_WRITTEN_SMALL] = found
    return found


# Proper nouns in capitals may be a body's own name («ЕДИНАЯ РОССИЯ»); common words may not.
_PROPER_TAGS = ("Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad")
_HEADING_WORDS = 12


def _shouted_heading_words(doc: Doc, start: int, end: int, heads: frozenset[str]) -> bool:
    """«ПОВЕСТКА ДНЯ:» run into a sentence (an OCR'd page joins a heading to the line before it), «СТЕНОГРАММА
    XXXVI очередной сессии»: two or more shouted words, read with the shouted words around the candidate, all
    common dictionary words (a Roman numeral aside) and none a kind of body, are a heading, wherever the lines
    broke. «СЕССИЯ МАСЛИХАТА», «АЙЫЛ ОКМОТУ» name a kind, and are left to the heading rules above."""
    # A heading is a few words: the run is read at most `_HEADING_WORDS` each side, so a text all in capitals costs
    # each candidate a bounded look, not the whole text.
    first, last = start, end
    while first > max(0, start - _HEADING_WORDS) and doc[first - 1].is_alpha and doc[first - 1].is_upper:
        first -= 1
    while last < min(len(doc), end + _HEADING_WORDS) and doc[last].is_alpha and doc[last].is_upper:
        last += 1
    run = [t for t in doc[first:last] if t.is_alpha]
    words = [t for t in run if "ROMN" not in loading.parse(t.lower_)[0].tag]
    if len(run) < 2 or not words:
        return False
    for token in words:
        word = token.lower_
        if not loading.morph().word_is_known(word) or word in heads or grammar.word_lemma(token.text) in heads:
            return False
        if any(tag in loading.parse(word)[0].tag for tag in _PROPER_TAGS):
            return False
    return True


def _centre_of_place(doc: Doc, start: int, end: int) -> bool:
    """«в центре Москвы», «исторический центр города», «в центре скандала»: the middle of a place or of
    something, not a body (which names its field and place, «центр занятости населения Бишкека»)."""
    head = next((t for t in doc[start:end] if t.lemma_ == "центр"), None)
    if head is None or not head.is_lower or any(not t.is_lower for t in doc[start : head.i] if t.is_alpha):
        return False
    rest = [t for t in doc[head.i + 1 : end] if not t.is_punct]
    if not rest:
        return False
    # «центр скандала», «исследовательский центр по разработке мер …»: a centre named by no proper word is
    # the middle of something or an unnamed institution, never a body the text names.
    unnamed = all(t.is_lower for t in doc[start:end] if t.is_alpha) and not any(t.text in _QUOTES for t in rest)
    return unnamed or all(t.ent_type_ == "LOC" for t in rest) or _a_kind_of_place(rest)


def _kind_in_plural(doc: Doc, start: int, end: int) -> bool:
    """«председатели районных Советов депутатов», «Новости комитетов»: a body's kind in the plural, with no
    capitalised adjective before it (a noun before it governs it), is bodies of that kind, not one the text names."""
    lex = grammar.lexicon()
    head = next((t for t in doc[start:end] if t.text not in _QUOTES and grammar.word_lemma(t.text) in lex.heads), None)
    if head is None or any(t.text in _QUOTES for t in doc[start:end]):
        return False
    if not grammar.plural(head) or grammar.singular_before_place(doc, head.i):
        return False
    return all(t.is_lower or t.is_sent_start or t.pos_ in ("NOUN", "PROPN") for t in doc[start : head.i] if t.is_alpha)


def _a_kind_of_place(words: list[Token]) -> bool:
    """«города», «района»: the place a text is about, referred to by its kind."""
    return len(words) == 1 and words[0].is_lower and grammar.word_lemma(words[0].text) in _place_kinds()


@cache
def _place_kinds() -> frozenset[str]:
    return lexicons.load("loc_settlement_nouns") | lexicons.load("loc_region_nouns")


def _place_word(token: Token) -> bool:
    word = token.lower_
    if len(word) <= 3 or not loading.morph().word_is_known(word):  # «МАИ», «СНГ» are names first
        return False
    tag = loading.parse(word)[0].tag
    return "Geox" in tag and "Abbr" not in tag


def _top_body(doc: Doc, start: int, end: int, ranges: dict[tuple[int, int], str]) -> tuple[int, int] | None:
    """A sub-unit stays in a person's position; the body it belongs to is the organization.

    «директор Департамента … ЕЭК» → ЕЭК; «Департамент информации и печати МИД России» → МИД России.
    """
    lex = grammar.lexicon()
    # «Восточно-Казахстанского областного филиала Ассамблеи …», «Новосибирского регионального отделения …»: a
    # branch named by its place and level is a sub-unit too.
    unit = start
    while unit + 1 < end and doc[unit].pos_ == "ADJ":
        unit += 1
    if grammar.word_lemma(doc[unit].text) not in lex.subunits and doc[unit].lemma_ not in lex.subunits:
        return start, end
    # «Управления Росреестра по Тульской области», «Отделения Социального фонда России по …», «Управления МВД России
    # по …»: an agency's office for a region, named by the agency and the region, is the region's body of its own
    # (gold-format: the whole name is the organization, the title alone the position). A branch («филиал»), a
    # department of the agency itself («Департамент информации и печати МИД России») has no region of its own.
    if _office_for_place(doc, unit, end):
        return start, end  # («территориального управления Роспотребнадзора по …» too: an office by its level)
    levels = lexicons.load("org_levels")
    # «Баткенского областного управления Социального фонда …», «Новокузнецкого территориального отдела Управления
    # Роспотребнадзора …»: any unit named by its level is a branch of the body named after it.
    branch = unit > start and any(grammar.word_lemma(t.text) in levels for t in doc[start:unit])
    if unit > start and not branch:
        return start, end  # «Главное управление МЧС России по …» is a body of its own
    cores = ("ABBR", "KNOWN", "NER", "HEAD", "LEGAL_QUOTED") if branch else ("ABBR", "KNOWN", "NER", "LEGAL_QUOTED")
    inner = [
        r
        for r in ranges
        if unit < r[0] < end
        and not doc[r[0]].is_lower
        and (ranges[r] in cores or _parent_by_kind(doc, r, end, ranges[r]))
    ]
    if inner:
        first = min(inner)
        # «… филиала АО «Россельхозбанк»»: the body's reading may run on past the unit's.
        return first[0], max(end, max(r[1] for r in inner if r[0] == first[0]))
    return start, end


# A federal agency's offices in the regions: «Управление …», «Главное управление …», «Отделение …», «Отдел …»,
# «Департамент …» of an agency «по <региону>» (a branch, «филиал … по …», is the company's and stays in the post).
_REGION_OFFICE_UNITS = frozenset({"управление", "отделение", "отдел", "департамент"})
# Words from the office's kind to its region: «Управления Министерства юстиции Российской Федерации по».
_OFFICE_REACH = 8


def _office_for_place(doc: Doc, unit: int, end: int) -> bool:
    """«Управление Росреестра | по Тульской области», «Управление Судебного департамента | в Смоленской области»: a unit
    of a capitalised body whose field is a place is that body's office there."""
    # «отдела Управления Роспотребнадзора по …»: an office of an office is a unit of it.
    if grammar.word_lemma(doc[unit].text) not in _REGION_OFFICE_UNITS or unit + 1 >= end:
        return False
    if grammar.word_lemma(doc[unit + 1].text) in _REGION_OFFICE_UNITS or _office_abbreviation(doc[unit + 1].text):
        return False
    for token in doc[unit + 2 : min(end - 1, unit + 1 + _OFFICE_REACH)]:
        if token.lower_ == "по" and _branch_for_place(doc, token.i, end):
            return not doc[token.i - 1].is_lower
        if token.lower_ == "в" and _adjective_of_place(doc[token.i + 1]) and not doc[token.i - 1].is_lower:
            return True
    return False


def _office_abbreviation(word: str) -> bool:
    """«УФНС», «ГУФССП», «УМВД»: an abbreviation opening with «(Главное) управление» is a region's office already
    («отделение ГУФССП России по …» is its unit)."""
    return len(word) >= 4 and word.isupper() and word.isalpha() and word.startswith(("У", "ГУ"))


def _offices_before(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """«начальник отдела | МВД России по Ленинскому району», «управляющий отделением | Социального фонда России по …»:
    an office's kind in small letters, which no reading starts at, before an agency named for a region is the first
    word of the office's name."""
    grown = dict(ranges)
    for (start, end), core in ranges.items():
        if start > 0 and doc[start].text[:1].isupper() and _office_for_place(doc, start - 1, end):
            grown.setdefault((start - 1, end), core)
    return grown


def _parent_by_kind(doc: Doc, reading: tuple[int, int], end: int, core: str) -> bool:
    """«департамента международного сотрудничества | Министерства цифрового развития …»: a body named by its
    capitalised kind (or its adjective) in the genitive after a unit's field owns the unit (a body's office for a
    place is a body of its own: «Управление Министерства юстиции по Омской области»)."""
    first = doc[reading[0]]
    if core != "HEAD" or reading[1] != end or "Gen" not in first.morph.get("Case"):
        return False
    if first.lemma_ in lexicons.load("org_staff_units") or first.lemma_ in grammar.lexicon().subunits:
        return False
    return not any(t.lower_ == "по" and _branch_for_place(doc, t.i, end) for t in doc[reading[0] : end])


def _unit_in_title(doc: Doc, start: int, end: int) -> bool:
    """«начальник управления финансов области», «председатель постоянной комиссии по бюджету»: a unit a
    person's title names is part of the position, not an organization (its body is named apart)."""
    i = start
    # «финансовое управление», «главное управление»; not «столичный департамент», a city's body of its own.
    while i < end and doc[i].is_lower and doc[i].pos_ == "ADJ" and doc[i].lemma_ in lexicons.load("org_unit_kinds"):
        i += 1
    if i >= end or not doc[i].is_lower or doc[i].lemma_ not in lexicons.load("org_staff_units"):
        return False
    # «комиссия Совета Федерации по …», «управление «П» ФСБ»: a unit named with its body is a name;
    # a place is not a body («управление финансов мэрии города Ош»).
    named = any(t.is_alpha and not t.is_lower and t.ent_type_ != "LOC" for t in doc[i + 1 : end])
    if named or any(t.text in _QUOTES for t in doc[i:end]):
        return False
    if _of_place(doc[i + 1 : end]):
        # «руководитель управления финансов Мангистауской области», «директор департамента транспорта … Костромской
        # области»: a region's unit written in lower case in a title is the region's office, kept in the position
        # (a department with its capital, «начальник Департамента здравоохранения Томской области», is a body).
        # Where the text names a local executive, the unit is its part (membership links the person to it), and a
        # unit the text also speaks of apart from anyone's title («представители управления …») is a body.
        rest = doc[i + 1 : end]
        return (
            _after_title(doc, start)
            and doc[i].lemma_ in _REGION_OFFICES
            and _region_by_kind(rest)
            and not _executive_named(doc)
            and not _named_apart(doc, doc[i], rest)
        )
    # «рассмотрено постоянной комиссией по социальным вопросам»: a unit of its kind is a body's part even
    # outside a title, when the body is not named with it.
    if i > start:
        return True
    if _after_title(doc, start):
        return True
    return _instructed(doc, doc[i])


# Units of a region's executive that are its offices; a region's or a district's «комитет» is an executive body of
# its own («комитет по здравоохранению Ленинградской области», «комитет по управлению имуществом … района»).
_REGION_OFFICES = frozenset({"управление", "департамент", "отдел", "сектор"})


def _after_title(doc: Doc, start: int) -> bool:
    return start > 0 and grammar.word_lemma(doc[start - 1].text) in lexicons.load("org_unit_titles")


def _region_by_kind(rest: Span) -> bool:
    """«… Мангистауской области», «… Алтайского края»: the place is a region named with its kind (a city's own
    department, «департамент культуры Москвы», is a body of the city)."""
    kinds = lexicons.load("loc_region_nouns")
    return any(t.is_lower and grammar.word_lemma(t.text) in kinds for t in rest)


def _executive_named(doc: Doc) -> bool:
    """The text names a local executive body: «акимат Атырауской области», «Администрации города Костромы» (not the
    bare «с членами правительства»)."""
    executives = lexicons.load("org_executives")
    kinds = _place_kinds()
    for token in doc:
        if grammar.word_lemma(token.text) not in executives or token.i + 1 >= len(doc):
            continue
        nxt = doc[token.i + 1]
        if nxt.text[:1].isupper() or grammar.word_lemma(nxt.text) in kinds:
            return True
    return False


def _named_apart(doc: Doc, unit: Token, rest: Span) -> bool:
    """The same unit («управления координации занятости …») is named elsewhere in the text outside a title."""
    words = [t.lemma_ for t in rest[:2]]
    for token in doc:
        if token.i == unit.i or token.lemma_ != unit.lemma_ or _after_title(doc, token.i):
            continue
        if [t.lemma_ for t in doc[token.i + 1 : token.i + 1 + len(words)]] == words:
            return True
    return False


def _unit_of_executive(doc: Doc, start: int, end: int) -> bool:
    """«начальник Финансового управления Администрации города Пскова», «председатель Комитета по … Администрации
    …»: a unit of an executive body in a person's title, capitalised as the body's own units are, is part of the
    position; the executive is the organization (a parliament's committee is a body: «Комитет Государственной Думы
    …»)."""
    if start == 0 or grammar.word_lemma(doc[start - 1].text) not in lexicons.load("org_unit_titles"):
        return False
    i = start
    while i < end and doc[i].pos_ == "ADJ" and grammar.word_lemma(doc[i].text) in lexicons.load("org_unit_kinds"):
        i += 1
    if i >= end or grammar.word_lemma(doc[i].text) not in lexicons.load("org_staff_units"):
        return False
    executives = lexicons.load("org_executives")
    for token in doc[i + 1 : end]:
        if token.text[:1].isupper() and grammar.word_lemma(token.text) not in executives:
            return False  # a body of another kind is named first («… Государственной Думы»)
        if grammar.word_lemma(token.text) in executives:
            return "Gen" in token.morph.get("Case")
    return False


def _instructed(doc: Doc, unit: Token) -> bool:
    """«Поручить управлению по сельскому хозяйству …», «поручил ДЧС …, а управлению образования – …»: a unit
    in the dative after a verb of instructing in its sentence is given a task."""
    if "Dat" not in unit.morph.get("Case"):
        return False
    verbs = lexicons.load("org_instruction_verbs")
    return any(t.lemma_ in verbs for t in doc[unit.sent.start : unit.i])


_GOVERNING_UNITS = frozenset({"совет", "правление"})


def _local_executive(doc: Doc, start: int, end: int) -> bool:
    """«мэрии Кутаиси», «администрации Кировского района»: a local executive by its kind in lower case and its place
    (not one a unit is attached to, «… при Правительстве …», nor one with a field of its own, «… по бюджету»)."""
    kind = doc[start]
    if not kind.is_lower or grammar.word_lemma(kind.text) not in lexicons.load("org_executives"):
        return False
    if start > 0 and doc[start - 1].lower_ == "при":
        return False
    return not any(t.lower_ in ("по", "при") for t in doc[start:end])


def _parents_of_units(
    doc: Doc, chosen: list[tuple[int, int]], ranges: dict[tuple[int, int], str]
) -> dict[tuple[int, int], tuple[int, int]]:
    """«Комитет Государственной Думы по труду …», «Постоянная комиссия Межпарламентской Ассамблеи …»: the
    body a unit is named with, right after the unit's kind, is an organization the text names too (unit → body)."""
    units = lexicons.load("org_staff_units") | grammar.lexicon().subunits
    heads = grammar.lexicon().heads - units
    starts = {start for start, _ in ranges}  # a set, not a scan of every reading per name
    parents: dict[tuple[int, int], tuple[int, int]] = {}
    for start, end in chosen:
        kind = start
        while kind < end and doc[kind].pos_ == "ADJ":
            kind += 1
        # «попечительский совет Пермского … театра», «наблюдательный совет ПАО …»: a body's own council, named by
        # what it does, is a unit of that body too.
        governing = doc[kind].lemma_ in _GOVERNING_UNITS and kind > start and doc[kind].is_lower
        if kind + 1 >= end or (doc[kind].lemma_ not in units and not governing):
            continue
        if doc[kind + 1].lower_ == "по":
            # «Комитет по социальным вопросам … Маджлиси намояндагон …», «комиссия по бюджету Государственной
            # Думы»: the body named after the unit's field, to the end of the name.
            after = [r[0] for r in ranges if kind + 2 < r[0] < end and r[1] == end and _by_kind(doc, r, ranges[r])]
            first = min(after, default=None)
            if first is not None and doc[first].text[:1].isupper() and doc[first].lemma_ not in units:
                parents[start, end] = (first, end)
            continue
        if not doc[kind + 1].text[:1].isupper():
            # «службы транспорта мэрии Кутаиси», «отдела культуры администрации района»: a unit named by its field
            # in the genitive, then the local executive it belongs to.
            after = [r[0] for r in ranges if kind + 1 < r[0] < end and r[1] == end and _local_executive(doc, *r)]
            if after:
                parents[start, end] = (min(after), end)
            continue
        # The body's own name ends where the unit's field begins («… по труду», «… – участников»).
        # (The dots of an eponym's initials, «имени П.И. Чайковского», and a name's quotes are no such end.)
        field = next(
            (
                i
                for i in range(kind + 1, end)
                if doc[i].lower_ in ("по", "при") or (doc[i].is_punct and doc[i].text not in _QUOTES + ".")
            ),
            end,
        )
        words = [t for t in doc[kind + 1 : field] if t.is_alpha]
        # «Департамент Комитета по регулированию …»: a unit within a unit is no body of its own.
        # «комиссии Общественной палаты по …», «комитета Законодательного Собрания Омской области по …»: a body
        # named by its kind in lower case after a capitalised word is named too, up to the unit's field or the end.
        capitalised = all(t.text[:1].isupper() for t in words) or (
            (field == end or doc[field].lower_ == "по")
            and words[0].text[:1].isupper()
            and any(t.lemma_ in heads for t in words)
        )
        named = words and capitalised and words[0].lemma_ not in units
        if named and kind + 1 in starts and not _branch_for_place(doc, field, end):
            parents[start, end] = (kind + 1, field)
    return parents


# «муниципального района «Кизлярский район»», «сельского поселения «Село Ивановка»»: a municipality's registered
# name follows its kind in quotes.
_MUNICIPALITIES = frozenset({"район", "образование", "поселение", "округ"})
_MAX_MUNICIPAL_NAME = 8


# «муниципального образования Ейский район», «… город Новомосковск»: the municipality's own name, unquoted, in the
# nominative after the kind (the official names of Krasnodar's and Tula's districts and towns).
_MUNICIPAL_NAMED_KINDS = frozenset({"район", "округ"})
_MUNICIPAL_TOWN_KINDS = frozenset({"город", "поселок", "посёлок", "село", "станица"})


def _unquoted_municipal_name_end(doc: Doc, end: int) -> int | None:
    """End of the unquoted name in the nominative after «муниципального образования» at `end`."""
    if end + 1 >= len(doc) or doc[end - 1].lemma_ != "образование" or doc[end - 2].lemma_ != "муниципальный":
        return None
    first, second = doc[end], doc[end + 1]
    named_kind = (
        first.is_title
        and _adjective_shaped(first)
        and "Nom" in first.morph.get("Case")
        and second.lower_ in _MUNICIPAL_NAMED_KINDS
    )
    town = first.lower_ in _MUNICIPAL_TOWN_KINDS and second.is_title and second.ent_type_ != "PER"
    town = town and "Gen" not in second.morph.get("Case")
    return end + 2 if named_kind or town else None


def _municipal_name_end(doc: Doc, end: int) -> int | None:
    """End of the quoted name right after a municipality's kind at `end` (the kind's last token is `end - 1`)."""
    kind = doc[end - 1]
    if end >= len(doc) or doc[end].text not in grammar.OPEN_QUOTES or kind.lemma_ not in _MUNICIPALITIES:
        return None
    if end - 2 < 0 or not doc[end - 2].is_lower or doc[end - 2].pos_ != "ADJ":
        return None  # a level before the kind: «муниципального», «сельского», «городского»
    for i in range(end + 1, min(len(doc), end + 2 + _MAX_MUNICIPAL_NAME)):
        if doc[i].text in grammar.CLOSE_QUOTES and i > end + 1:
            return i + 1
        if doc[i].text in "«\n" or doc[i].is_space:
            return None
    return None


def _with_municipal_names(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«администрации муниципального района «Кизлярский район»»: a body of a municipality named by its kind runs on to
    the municipality's quoted name; the quoted name alone («Глава муниципального образования «Город Астрахань»») is
    a place, not a body."""
    opens = frozenset(grammar.OPEN_QUOTES)
    names = {
        i: quote_end
        for i, text in enumerate(token_strings(doc, ORTH))
        if text in opens and i > 1 and (quote_end := _municipal_name_end(doc, i)) is not None
    }
    # (Unquoted names only where a reading ends on the kind: the Doc is not walked again.)
    for _, end in chosen:
        if end not in names and (name_end := _unquoted_municipal_name_end(doc, end)) is not None:
            names[end] = name_end
    if not names:
        return chosen
    grown = [(start, names.get(end, end)) for start, end in chosen]
    return [r for r in grown if not any(q <= r[0] and r[1] <= e for q, e in names.items())]


def _units_in_titles(doc: Doc, parents: dict[tuple[int, int], tuple[int, int]]) -> set[tuple[int, int]]:
    """«член Комитета по международным делам Маджлиси …», «председатель комиссии Общественной палаты по …»: a
    body's unit named in a person's title is part of the position, and the body it belongs to is the
    organization (a unit the text speaks of apart from a title, «заседание Комитета …», is a body). Only a unit
    by its field («… по социальной политике») or a party's organ («первый секретарь Центрального комитета
    Коммунистической партии Кубы»): «заместитель Председателя Исполнительного комитета СНГ» names a body."""
    return {
        (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        for (start, end), (first, last) in parents.items()
        if (
            _after_title(doc, start)
            and (any(t.lower_ == "по" for t in doc[start:end]) or _PARTY in {t.lemma_ for t in doc[first:last]})
        )
        # «службы транспорта мэрии Кутаиси», «Управлением образования администрации … округа»: a unit of a local
        # executive named by its field is the executive's (gold-format: the unit stays in the post).
        or (first > start + 1 and _local_executive(doc, first, last) and not doc[start + 1].text[:1].isupper())
    }


_PARTY = "партия"


def _branch_for_place(doc: Doc, field: int, end: int) -> bool:
    """«Главное управление МЧС России | по Костромской области», «УМВД … по Санкт-Петербургу»: a unit whose field is a
    place is the body's branch there; the body itself is named only as part of the branch's name."""
    if field + 1 >= end or doc[field].lower_ != "по":
        return False
    first = doc[field + 1]
    return first.ent_type_ == "LOC" or grammar.word_lemma(first.text) in _place_kinds() or _adjective_of_place(first)


def _adjective_of_place(token: Token) -> bool:
    """«Костромской (области)», «Южному (федеральному округу)»: a capitalised adjective before a kind of region."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    kinds = _place_kinds()
    return (
        token.text[:1].isupper()
        and nxt is not None
        and any(grammar.word_lemma(t.text) in kinds for t in token.doc[token.i + 1 : token.i + 3])
    )


def _without_units_of_next(doc: Doc, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«руководителя Карагандинского филиала | Республиканской общественной организации …»: a sub-unit read apart
    from the body named right after it in the genitive is that body's part, no body of its own."""
    subunits = grammar.lexicon().subunits
    starts = {start for start, _ in chosen}
    kept = []
    for start, end in chosen:
        head = next((t for t in doc[start:end] if t.pos_ == "NOUN"), None)
        unit = head is not None and grammar.word_lemma(head.text) in subunits
        if unit and end in starts and "Gen" in doc[end].morph.get("Case"):
            continue
        kept.append((start, end))
    return kept


# Readings of a body by its kind (an abbreviation after a field is the field's object: «комитет по делам СНГ»).
_PARENT_CORES = frozenset({"HEAD", "IZAFET"})


def _by_kind(doc: Doc, reading: tuple[int, int], core: str) -> bool:
    """The reading names a body by its kind: the grammar's, or the NER's with a head noun in it («… защите
    Гомельского облисполкома»)."""
    if core in _PARENT_CORES:
        return True
    heads = grammar.lexicon().heads
    return core == "NER" and any(grammar.word_lemma(t.text) in heads for t in doc[reading[0] : reading[1]])


def _of_place(rest: Span) -> bool:
    """«комитет по социальной защите населения Ленинградской области»: a unit of a named place, with no body
    («… мэрии города Ош») nor office («… президента РФ») of its own named, is that place's body."""
    lex = grammar.lexicon()
    words = [t for t in rest if t.is_alpha]
    if not any(not t.is_lower for t in words) or any(not t.is_lower and t.ent_type_ != "LOC" for t in words):
        return False
    own = (
        lex.position_nouns
        | lexicons.load("org_office_holders")
        | {h for h in lex.heads if h not in lexicons.load("org_staff_units")}
    )
    return not any(t.lemma_ in own and "Gen" in t.morph.get("Case") for t in words)


def _parent_body(doc: Doc, unit: tuple[int, int], inner: tuple[int, int]) -> bool:
    """«комитет финансов администрации Петрозаводского городского округа»: the body a unit belongs to, named
    after it, is an organization of its own (the unit's person represents it)."""
    first = doc[inner[0]]
    return (
        inner[0] > unit[0]
        and first.lemma_ in grammar.lexicon().heads
        and first.lemma_ not in lexicons.load("org_staff_units")
        and "Gen" in first.morph.get("Case")
    )


_COUNTED = re.compile(r"^\d+-[а-яё]{4,}$")


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
    i = start
    while i < end and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i += 1
    # «компания Apple», «газета «Коммерсантъ»»: a company's or a paper's kind describes it even when bare;
    # so does any kind before an abbreviation («партия ЛДПР»).
    described = (
        i > start
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
    quoted = rest[0].text in _QUOTES and rest[-1].text in _QUOTES
    latin = all(re.fullmatch(r"[A-Za-z0-9&.-]+", t.text) for t in rest)
    return i + 1 if quoted or latin or _abbreviation_after_kind(rest) else start


_REGION_LEVELS = frozenset({"область", "край"})
_REGION_REST = re.compile(r"^\s(?:[а-яё-]+ (?:области|края)|республики [а-яё-]+(?: [а-яё-]+)?)$", re.IGNORECASE)
_MUNICIPAL_KINDS = frozenset({"район", "округ", "поселение"})
_TOWN_KINDS = frozenset({"город", "г", "поселок", "село"})


def _without_region_of_municipality(doc: Doc, start: int, end: int) -> int:
    """«Администрация города Железногорска Курской области», «Совет депутатов … района | РЯЗАНСКОЙ ОБЛАСТИ»: a local
    body is named by its municipality; the region after it is the municipality's address, not a word of the
    body's name."""
    if end - start < 4:
        return end
    if grammar.word_lemma(doc[end - 2].text) == "республика" and doc[end - 1].is_alpha:
        region = end - 2  # «… муниципального района Республики Татарстан»
    elif grammar.word_lemma(doc[end - 1].text) == "республика":
        region = end - 1  # (a heading read in sentence case: the republic's name, written small, is no tail)
    elif grammar.word_lemma(doc[end - 1].text) in _REGION_LEVELS:
        region = end - 1
        # (A heading read in sentence case writes the region's adjective small.)
        while region > start and _PLACE_ADJECTIVE.search(doc[region - 1].text):
            region -= 1
        if region == end - 1:
            return end
    else:
        return end
    if region - start < 2:
        return end
    last = doc[region - 1]
    municipality = grammar.word_lemma(last.text) in _MUNICIPAL_KINDS and last.is_lower
    town = last.text[:1].isupper() and doc[region - 2].lower_.rstrip(".") in _TOWN_KINDS | {"города"}
    # («Собрание депутатов», «Собрание представителей»: a municipal assembly.)
    local = lexicons.load("org_local_bodies") | {"собрание"}
    if (municipality or town) and any(grammar.word_lemma(t.text) in local for t in doc[start : region - 1]):
        return region
    return end


def _abbreviation_after_kind(rest: Span) -> bool:
    """«партия ЛДПР», «банк ВТБ», «агентство ТАСС»: one abbreviation after a kind is the body's name (a
    country's code is not: «правительство РФ»)."""
    return len(rest) == 1 and _form_abbreviation(rest[0]) and not _place_word(rest[0])


# Words that carry a letterhead's name on to its next line: «ОБЩЕСТВЕННЫЙ СОВЕТ / ПРИ УПРАВЛЕНИИ …», «ЭКСПЕРТНЫЙ
# СОВЕТ / при Уполномоченном …».
_LETTERHEAD_CONTINUATIONS = ("ПРИ ", "при ")
_QUOTED_NAME = re.compile(r"[«\"]\w")


# «[2025-04-17 07:52]», «## ×»: a crawler's stamp or a page's button above the letterhead is no line of the text.
_CHROME_LINE = re.compile(r"^\s*(?:\[[^\]\n]*\]|#+\s*×?)\s*$")
_MAX_CHROME_LINES = 2


def _first_line(text: str) -> int:
    """Where the text's first line starts, past blank lines and up to two lines of a crawler's chrome."""
    top = text[:HEADING_CHARS]
    start = len(top) - len(top.lstrip())
    for _ in range(_MAX_CHROME_LINES):
        end = top.find("\n", start)
        if end < 0 or not _CHROME_LINE.match(top[start:end]):
            break
        rest = top[end:]
        start = end + len(rest) - len(rest.lstrip())
    return start


_MAX_LETTERHEAD_LINES = 3


def _genitive_line(line: str) -> bool:
    """«АДМИНИСТРАЦИИ ГОРОДА …», «ШИЛОВСКОГО МУНИЦИПАЛЬНОГО РАЙОНА»: a line in capitals that opens with a word in the
    genitive goes on with the name above it (the body it belongs to, the place it serves)."""
    first = _WORD.match(line)
    if first is None or first.start() != 0 or not line.isupper():
        return False
    parses = [p for p in loading.parse(first.group().lower()) if p.is_known]
    return any("gent" in p.tag for p in parses) and not any({"nomn", "sing"} <= p.tag.grammemes for p in parses)


def _continues(line: str, first: bool, above: str) -> bool:
    """The line goes on with the name on the line above: «при …» (the letterhead only), a genitive, «И …» that
    joins the last of a body's fields («КОМИССИЯ ПО ПРЕДУПРЕЖДЕНИЮ … / И ОБЕСПЕЧЕНИЮ ПОЖАРНОЙ БЕЗОПАСНОСТИ»), the
    field of a kind that ends the line above («… КОМИССИЯ / ПО РЕГУЛИРОВАНИЮ …»), or the quoted name of a legal form
    spelt out above it («… ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ / «НЕВИННОМЫССКИЙ КОЛЛЕДЖ …»»)."""
    if first and line.startswith(_LETTERHEAD_CONTINUATIONS):
        return True
    last = _WORD.findall(above)[-1:]
    kinds = grammar.lexicon().heads | {phrase[-1] for phrase in grammar.legal_phrases()}
    kind = bool(last) and grammar.word_lemma(last[0].lower()) in kinds
    if kind and line.isupper() and (line.startswith("ПО ") or line.startswith(("«", '"'))):
        return True
    return line.startswith("И ") or _genitive_line(line)


def _lines_joined(lines: tuple[Heading, ...], first_line: int, text: str) -> tuple[Heading, ...]:
    """A name wrapped over lines («ОБЩЕСТВЕННЫЙ СОВЕТ» / «ПРИ МИНИСТЕРСТВЕ …», or the second line in sentence case;
    «КОМИССИЯ ПО ДЕЛАМ …» / «АДМИНИСТРАЦИИ ГОРОДА …») is one name: each line and the lines right under it that go
    on with it, read as one line too (same offsets: a line break becomes a blank). The lines joined stay lines of
    their own: the body the first is attached to is named in them."""
    joined_lines: list[Heading] = []
    for line in lines:
        first = line.start == first_line
        joined = line
        for _ in range(_MAX_LETTERHEAD_LINES - 1):
            after = joined.start + len(joined.text) + 1
            line_end = text.find("\n", after)
            raw = text[after : line_end if line_end >= 0 else len(text)]
            second = raw.rstrip()
            if text[after - 1 : after] != "\n" or not _continues(second, first, joined.text):
                break
            joined = Heading(f"{joined.text} {second}", joined.start, joined.words + len(second.split()))
            if second != raw:
                break  # (blanks at the line's end: the next line's offsets would shift)
        joined_lines.append(joined)
    return tuple(joined_lines)


# Units a letterhead's body has, named under it by their field alone: «Комитет по экологии …» under «ГОСУДАРСТВЕННЫЙ
# СОВЕТ РЕСПУБЛИКИ ТАТАРСТАН» is «Комитет Государственного Совета Республики Татарстан по экологии …».
_LETTERHEAD_UNITS = frozenset({"комитет", "комиссия"})
_UNIT_BY_FIELD = re.compile(r"^((?:[А-ЯЁа-яё-]+ ){0,3}?(?:[Кк]омитет|[Кк]омиссия)) (по .+)$")


def _genitive(name: str) -> str:
    """A body's name in the genitive: its head and the adjectives before it decline, the rest stays."""
    lex = grammar.lexicon()
    words = name.split(" ")
    head = next((i for i, w in enumerate(words) if grammar.word_lemma(w) in lex.heads), None)
    if head is None:
        return name
    out = []
    for i, word in enumerate(words):
        if i <= head and word.isalpha():
            parse = next((p for p in loading.parse(word.lower()) if "nomn" in p.tag), None)
            form = parse.inflect({"gent"}) if parse is not None else None
            if form is not None:
                word = form.word.capitalize() if word[:1].isupper() else form.word
        out.append(word)
    return " ".join(out)


def _units_under_letterhead(doc: Doc, bodies: list[Body]) -> None:
    """«ГОСУДАРСТВЕННЫЙ СОВЕТ РЕСПУБЛИКИ ТАТАРСТАН» / «Комитет по экологии …» (a line of its own in sentence case under
    the letterhead): the unit is named with the letterhead's body, as a unit in capitals is (`_heading_bodies`)."""
    text = doc_text(doc)
    first_line = _first_line(text)
    letterhead = next((b for b in bodies if b.letterhead and b.mentions[0].start == first_line), None)
    if letterhead is None:
        return
    lex = grammar.lexicon()
    for body in bodies:
        mention = min(body.mentions, key=lambda m: m.start)
        if body is letterhead or body.letterhead or mention.start >= HEADING_CHARS:
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if line.strip() != text[mention.start : mention.end]:
            continue
        name = _unit_of_letterhead(body.name, letterhead.name)
        if name is not None:
            body.name, body.words = name, lemmas(name, lex.legal_forms) or lemmas(name)


# «ПРОТОКОЛ № 3 / заседания попечительского совета»: a protocol's title naming a council by its kind and adjective
# alone (a board with members from outside; an owner's executive, «заседания правления», is the owner's own people,
# `membership._letterhead_owner`).
_PROTOCOL_COUNCIL = re.compile(r"^[ \t]*заседани[яе][ \t]+([а-яё-]+(?:[ \t]+[а-яё-]+)?[ \t]+совета)[ \t]*$", re.M)
_OWN_NAME = re.compile(r"«([^«»]+)»")


def _council_of_protocol(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«ГБПОУ «НЕВИННОМЫССКИЙ КОЛЛЕДЖ …»» / «ПРОТОКОЛ № 3 / заседания попечительского совета»: the council is the
    institution's on the letterhead, named with the institution's own (quoted) name in the genitive, as
    `_unit_of_letterhead` names a committee; its other mentions by kind are it."""
    text = doc_text(doc)
    match = _PROTOCOL_COUNCIL.search(text, 0, HEADING_CHARS)
    if match is None:
        return []
    own = next(
        (o for b in bodies if b.letterhead and b.mentions[0].start < match.start() and (o := _OWN_NAME.search(b.name))),
        None,
    )
    span = doc.char_span(match.start(1), match.end(1))
    if own is None or span is None or grammar.word_lemma(own.group(1).split(" ")[0]) in _COUNCIL_KINDS:
        return []
    owner = _genitive(own.group(1))
    if owner == own.group(1):
        return []  # no kind of body to decline: no institution's name
    kind = canonical(span)
    name = f"{kind} {owner}"
    lex = grammar.lexicon()
    mentions = [TextSpan(m.start(), m.end()) for m in _any_case(kind).finditer(text)]
    words = lemmas(name, lex.legal_forms) or lemmas(name)
    mentions = mentions or [TextSpan(span.start_char, span.end_char)]
    return [
        Body(name=name, words=words, head=kind.split(" ")[-1], abbreviation=False, mentions=mentions, composed=True)
    ]


def _any_case(phrase: str) -> re.Pattern[str]:
    """«попечительский совет» in any case: each word's stem (an adjective's without its ending, a noun's without a
    final vowel) and up to three letters of ending."""
    stems = [
        re.sub(grammar.ADJECTIVE_ENDING, "", w) if w != phrase.split(" ")[-1] else w.rstrip("аеиоуыюяь")
        for w in phrase.lower().split(" ")
    ]
    return re.compile(r"(?i)\b" + r"\w{0,3}\s+".join(map(re.escape, stems)) + r"\w{0,3}\b")


_COUNCIL_KINDS = frozenset({"совет", "правление"})


def _unit_of_letterhead(name: str, parent: str) -> str | None:
    """The unit's full name with the letterhead's body in it, or None if `name` is no unit named by its field."""
    match = _UNIT_BY_FIELD.match(name)
    if match is None or grammar.word_lemma(match.group(1).split(" ")[-1]) not in _LETTERHEAD_UNITS:
        return None
    owner = _genitive(parent)
    # An assembly's committee names the assembly before its field («Комитет Государственного Совета … по экологии»);
    # an executive's commission after it («Комиссия по делам несовершеннолетних … администрации города …»).
    if {grammar.word_lemma(w) for w in _WORD.findall(parent)} & lexicons.load("membership_bodies"):
        return f"{match.group(1)} {owner} {match.group(2)}"
    first = _WORD.match(owner)
    if first is not None and first.start() == 0 and loading.morph().word_is_known(first.group().lower()):
        owner = owner[:1].lower() + owner[1:]
    return f"{match.group(1)} {match.group(2)} {owner}"


def _heading_bodies(doc: Doc) -> list[Body]:
    """Bodies named only in a heading typed in capitals, read again in sentence case (the taggers read capitals
    as names and abbreviations, see `_shouted`). A letterhead, the text's first line being a body's name
    («ЛИДСКИЙ РАЙОННЫЙ ИСПОЛНИТЕЛЬНЫЙ КОМИТЕТ»), is the body whose record this is; lines under it name its
    units. In a headline («В ХОКИМИЯТЕ НАМАНГАНСКОЙ ОБЛАСТИ ОБСУДИЛИ …») a body counts where the text names its
    kind again in lower case («Новости хокимията»). Few and short lines: bounded."""
    text = doc_text(doc)
    first_line = _first_line(text)
    lines = _lines_joined(headings(doc)[:_MAX_HEADINGS], first_line, text)
    if not lines:
        return []
    letterhead_end = lines[0].start + len(lines[0].text) if lines[0].start == first_line else first_line
    lex = grammar.lexicon()
    spoken = {grammar.word_lemma(t.text) for t in doc if t.is_alpha and not t.is_upper}
    bodies: list[Body] = []
    for line in lines:
        check_deadline("organizations")
        heading, offset = line.text, line.start
        sentence = reading(doc, line)
        for org in find_organizations(sentence, headings=False):
            mention = org.mentions[0]
            span = sentence.char_span(mention.start, mention.end)
            if span is None:
                continue
            # (The region a municipal body's name leaves out is still its line's: `_without_region_of_municipality`.)
            rest = sentence.text[mention.end :].rstrip(".!? ")
            whole = mention.start == 0 and (mention.end >= len(heading.rstrip(".!?")) or bool(_REGION_REST.match(rest)))
            head = _head_index(span)
            lemma = sentence[head].lemma_ if head is not None else None
            letterhead = bodies[0].name if bodies and bodies[0].mentions[0].start == first_line else None
            unit_name = None
            # (A line the letterhead runs on over names the body the letterhead's belongs to: no unit of it.)
            if whole and offset != first_line and offset >= letterhead_end:
                # A unit under the letterhead, named by its field alone, is named with the letterhead's body; others
                # are the letterhead's units the text names in full.
                unit_name = _unit_of_letterhead(org.name, letterhead) if letterhead is not None else None
                # An institution with a name of its own under its founder's letterhead («МИНИСТЕРСТВО ОБРАЗОВАНИЯ … /
                # ГОСУДАРСТВЕННОЕ … УЧРЕЖДЕНИЕ / «… КОЛЛЕДЖ …»») is no unit of it: the body whose record this is.
                if unit_name is None and not _QUOTED_NAME.search(org.name):
                    continue
            if not whole and (lemma not in lex.heads or lemma not in spoken):
                continue
            # Sentence case lowers proper words too; the text writes them elsewhere with their capital.
            name = _WORD.sub(lambda w: proper_form(doc, w.group()), unit_name or org.name)
            bodies.append(
                Body(
                    name=name,
                    words=lemmas(name, lex.legal_forms) or lemmas(name),
                    head=lemma if lemma in lex.heads else None,
                    abbreviation=False,
                    mentions=[TextSpan(offset + mention.start, offset + mention.end)],
                    letterhead=True,
                    composed=unit_name is not None,
                )
            )
    return bodies


def _shouted_into_headings(bodies: list[Body], headed: list[Body]) -> list[Body]:
    """«ПОСОЛЬСТВО РЕСПУБЛИКИ БЕЛАРУСЬ» in a page's running header, the letterhead «Посольство Республики Беларусь в
    Республике Узбекистан» read in sentence case: a name typed in capitals that starts a heading's body is it."""
    if not headed:
        return bodies
    kept: list[Body] = []
    for body in bodies:
        folded = body.name.lower()
        target = None
        if body.name.isupper() and len(folded.split()) >= 2:
            target = next((h for h in headed if h.name.lower().startswith(folded)), None)
        if target is None:
            kept.append(body)
        else:
            target.mentions.extend(body.mentions)
    return kept


def _inside_line(doc: Doc, mention: TextSpan, bodies: list[Body]) -> bool:
    text = doc_text(doc)
    for body in bodies:
        start = body.mentions[0].start
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", start)
        if line_start <= mention.start and mention.end <= (line_end if line_end >= 0 else len(text)):
            return True
    return False


def _local_body_end(doc: Doc, start: int, end: int) -> int | None:
    """«Кара-Булакский айылный кенеш | Сокулукского района Чуйской области»: the end of a local body named by
    its place's adjective and level, when what follows it in the reading is only the district and region (the
    adjective already says where the body is)."""
    local = lexicons.load("org_local_bodies")
    # («окмоту» does not inflect, the dictionary reads it as a form of another word.)
    head = next((i for i in range(start, end) if {grammar.word_lemma(doc[i].text), doc[i].lower_} & local), None)
    if head is None or head + 1 >= end or head - start < 2:
        return None
    place, level = doc[start], doc[start + 1 : head]
    if not (place.text[:1].isupper() and (_adjective_shaped(place) or place.pos_ == "ADJ")):
        return None
    foreign = lexicons.load("org_foreign_modifiers")
    if not all(t.is_lower and (t.pos_ == "ADJ" or grammar.misread_adjective(t) or t.lower_ in foreign) for t in level):
        return None
    rest = doc[head + 1 : end]
    kinds = lexicons.load("loc_settlement_nouns") | lexicons.load("loc_region_nouns")
    # («Кара-Суйского района»: a place's adjective joined by a hyphen is one word.)
    genitive = all(t.text.replace("-", "").isalpha() and "Gen" in t.morph.get("Case") for t in rest)
    if not genitive or grammar.word_lemma(rest[-1].text) not in kinds:
        return None
    return head + 1


# Kinds of region that have ministries of their own: «министр образования Оренбургской области»,
# «… Республики Татарстан»; a district has none, and a state's minister («министр обороны России») stays a post.
_MINISTRY_REGIONS = frozenset({"область", "край", "республика", "округ"})
_MINISTER = "министр"
_MAX_MINISTRY_WORDS = 14


def _genitive_word(token: Token) -> bool:
    if token.ent_type_ == "PER" or not token.text.replace("-", "").isalpha():
        return False
    # «социально-демографической»: the tagger leaves a compound adjective without a case.
    if token.pos_ == "ADJ" and re.search(r"о-\w+(ого|его|ой|ей|ых|их)$", token.lower_):
        return True
    # «перерабатывающей промышленности»: a participle the tagger calls a verb keeps its case.
    return "Gen" in token.morph.get("Case") and token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB")


def _ministry_end(doc: Doc, start: int) -> int | None:
    """End of «лесного комплекса Иркутской области» after «министра»: genitive words (joined by «,» and «и»)
    that name a field, then a region by its kind; None when the words name no field or no region."""
    if start >= len(doc) or not doc[start].is_lower or not _genitive_word(doc[start]):
        return None
    end, i = None, start
    while i < len(doc) and i - start < _MAX_MINISTRY_WORDS:
        token = doc[i]
        if token.text in (",", "и") and i + 1 < len(doc) and _genitive_word(doc[i + 1]):
            i += 1
            continue
        if not _genitive_word(token):
            break
        if token.pos_ in ("NOUN", "PROPN") and grammar.word_lemma(token.text) in _MINISTRY_REGIONS:
            end = i + 1
            # «Республики Татарстан»: the republic's name stays in the nominative.
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if token.text[:1].isupper() and nxt is not None and nxt.is_title and nxt.ent_type_ != "PER":
                end = i + 2
        i += 1
    # «… Республики Марий Эл»: the region's name to its end.
    place = next((e for e in entities(doc) if e.label_ == "LOC" and end is not None and e.start < end < e.end), None)
    return _place_end(place, end) if place is not None and end is not None else end


def _contraction_of(field: str, bodies: list[Body]) -> Body | None:
    """The body the text names by a «Мин…» contraction of the ministry of `field`: «Минздрав Чувашии» is the
    ministry of «здравоохранения», «Минобразования» of «образования» (not a full name already)."""
    stem = field.lower()[:4]
    for body in bodies:
        first = _WORD.match(body.name)
        word = first.group().lower() if first is not None and first.start() == 0 else ""
        if word.startswith("мин") and len(word) > 5 and not word.startswith("минист") and word[3:7] == stem:
            return body
    return None


@cache
def _state_names() -> frozenset[tuple[str, ...]]:
    """Every name of a state (`loc_countries`) as lemmas: «Кыргызская Республика», «Республика Беларусь»."""
    return frozenset(
        tuple(grammar.word_lemma(w) for w in _WORD.findall(form))
        for line in lexicons.lines("loc_countries")
        for form in line.split("|")
        if form.strip()
    )


def _names_state(words: tuple[str, ...]) -> bool:
    """«культуры Азербайджанской Республики»: the title names a state, not a region."""
    return any(words[i : i + n] in _state_names() for n in range(1, 5) for i in range(len(words) - n + 1))


def _ministry_spoken_of(doc: Doc) -> bool:
    """The text speaks of a ministry on its own («министерство прорабатывает графики», «департамент пастбищ
    министерства»), not only through a minister's title or another ministry's full name."""
    for token in doc:
        if grammar.word_lemma(token.text) not in ("министерство", "ведомство"):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is None or not (nxt.is_lower and _genitive_word(nxt)):
            return True
    return False


@dataclass(frozen=True)
class _MinistryEvidence:
    """How a text speaks of ministries apart from ministers' titles."""

    alone: bool  # «министерство прорабатывает графики»
    fields: frozenset[str]  # lemmas of the first field word after «министерство» («министерство здравоохранения»)
    contractions: tuple[str, ...]  # «Минсемтруд», «Минздрав»

    def speaks_of(self, field: Token, name: str) -> bool:
        if self.alone or field.lemma_ in self.fields:
            return True
        return any(abbreviates(short, name) for short in self.contractions)


def _ministry_evidence(doc: Doc) -> _MinistryEvidence:
    fields: set[str] = set()
    contractions: list[str] = []
    for i, lower in enumerate(token_strings(doc, LOWER)):
        if not lower.startswith("мин") or len(lower) < 6:
            continue
        token = doc[i]
        if grammar.word_lemma(token.text) in ("министерство", "ведомство"):
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.is_lower and _genitive_word(nxt):
                fields.add(nxt.lemma_)
        elif token.text[:1].isupper() and not lower.startswith("минист") and token.is_alpha:
            contractions.append(token.text)
    return _MinistryEvidence(_ministry_spoken_of(doc), frozenset(fields), tuple(contractions))


def _ministries_of_ministers(doc: Doc, named: list[Body]) -> list[Body]:
    """«заместитель министра лесного комплекса Иркутской области»: a region's minister is named by the
    ministry's own words, so the title names the body «Министерство лесного комплекса Иркутской области»
    (or one the text calls by a contraction, `named`)."""
    bodies: list[Body] = []
    evidence: _MinistryEvidence | None = None  # read once per text, and only if a minister is named
    for i, lower in enumerate(token_strings(doc, LOWER)):
        if not lower.startswith(_MINISTER):
            continue  # (the strings, not a Token per word of the text)
        token = doc[i]
        written = token.is_lower or (token.is_sent_start and token.is_title)
        if not written or token.lemma_ != _MINISTER:
            continue
        end = _ministry_end(doc, token.i + 1)
        if end is None:
            continue
        rest = doc[token.i + 1 : end]
        # «министр культуры Республики Беларусь» at an inter-state meeting: a state's minister holds a post, and
        # the ministry is a body of the text only where the text also speaks of it.
        if _names_state(lemmas(rest.text)) and not _ministry_spoken_of(doc):
            continue
        name = f"Министерство {rest.text}"
        contraction = _contraction_of(rest[0].text, named)
        listed = True
        if contraction is None:
            # «Заместитель министра финансов Калининградской области отметил …»: a region's ministry the text never
            # speaks of itself is the person's organization, but no body the record lists.
            evidence = _ministry_evidence(doc) if evidence is None else evidence
            listed = evidence.speaks_of(rest[0], name)
        if contraction is not None:
            # The full name is the body's name, the contraction another name for it.
            if contraction.name not in contraction.aliases:
                contraction.aliases.insert(0, contraction.name)
            contraction.name, contraction.words = name, lemmas(name)
            contraction.mentions.append(TextSpan(rest.start_char, rest.end_char))
            continue
        bodies.append(
            Body(
                name=name,
                words=lemmas(name),
                head="министерство",
                abbreviation=False,
                mentions=[TextSpan(rest.start_char, rest.end_char)],
                listed=listed,
            )
        )
    return bodies


def _whole_places(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """«Правительство Республики Марий Эл», «Общественная палата Республики Северная Осетия – Алания»: a name that
    ends inside the place it is of ends where the place's name ends, not at its first word."""
    places = [e for e in entities(doc) if e.label_ == "LOC" and len(e) >= 2]
    if not places:
        return ranges
    grown: dict[tuple[int, int], str] = {}
    for (start, end), core in ranges.items():
        place = next((e for e in places if start <= e.start < end < e.end), None)
        if place is None and _town_kind_at(doc, end - 1):
            # «Администрации города Новый Уренгой», «… города Нижний Новгород»: the town's name of two words,
            # apposed in the nominative after its kind, is the body's too (one word the grammar takes already).
            place = next((e for e in places if e.start == end and not _line_between(doc, doc[end - 1], e[-1])), None)
            if place is not None:
                grown.setdefault((start, _town_name_end(place)), core)
                continue
        grown.setdefault((start, _place_end(place, end)) if place is not None else (start, end), core)
    return grown


_PERSON_TAGS = frozenset({"Surn", "Name", "Patr"})


def _town_name_end(place: Span) -> int:
    """«Нижний Тагил Петров»: a person the NER ran the town's name on into is no part of it."""
    for token in place[1:]:
        tags = [p.tag for p in loading.parse(token.lower_)]
        if any(_PERSON_TAGS & t.grammemes for t in tags) and not any("Geox" in t for t in tags):
            return token.i
    return place.end


def _town_kind_at(doc: Doc, i: int) -> bool:
    return i >= 0 and doc[i].is_lower and doc[i].lemma_ in _MUNICIPAL_TOWN_KINDS


def _region_second_names(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """«Законодательное Собрание Кемеровской области – Кузбасса», «Дума Ханты-Мансийского автономного округа – Югры»: a
    region's second name after a dash, a place's name in the case of the region's kind, is the region's."""
    grown: dict[tuple[int, int], str] = {}
    for (start, end), core in ranges.items():
        if _second_name_after(doc, end):
            end += 2
        grown.setdefault((start, end), core)
    return grown


def _second_name_after(doc: Doc, end: int) -> bool:
    if end + 1 >= len(doc) or end < 1 or doc[end].text not in _DASHES or not doc[end + 1].is_title:
        return False
    kind = doc[end - 1]
    if not kind.is_lower or grammar.word_lemma(kind.text) not in lexicons.load("loc_region_nouns"):
        return False
    cases = {str(p.tag.case) for p in loading.parse(kind.lower_) if p.tag.POS == "NOUN"}
    return any(
        "Geox" in p.tag and "Name" not in p.tag and "Surn" not in p.tag and str(p.tag.case) in cases
        for p in loading.parse(doc[end + 1].lower_)
    )


def _place_end(place: Span, end: int) -> int:
    """Where the place's own words end: a parenthesis the NER took into it («области (ДЧС)») is another name, but a
    region's second name in brackets is the region's («Республики Саха (Якутия)»)."""
    for token in place.doc[end : place.end]:
        if token.text == "(":
            return place.end if _second_name(place.doc[token.i + 1 : place.end]) else token.i
    return place.end


def _second_name(inner: Span) -> bool:
    """«Якутия)», «Алания)»: one place's name (not an abbreviation, nor a body's other name, «(Росавтодору)») and the
    closing bracket."""
    if len(inner) != 2 or inner[1].text != ")" or not inner[0].is_title or not inner[0].is_alpha:
        return False
    return any("Geox" in p.tag for p in loading.parse(inner[0].lower_))


def _local_bodies_unaddressed(doc: Doc, ranges: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    cuts = {r: e for r in ranges if (e := _local_body_end(doc, *r)) is not None}
    if not cuts:
        return ranges
    kept: dict[tuple[int, int], str] = {}
    for (start, end), core in ranges.items():
        if (start, end) in cuts:
            kept.setdefault((start, cuts[start, end]), core)
        elif not any(s < start < e <= end for (s, _), e in cuts.items()):
            kept.setdefault((start, end), core)  # not a fragment of a cut name reaching past its head
    return kept


def find_organizations(
    doc: Doc, findings: Findings | None = None, headings: bool = True
) -> tuple[OrganizationFinding, ...]:
    lex = grammar.lexicon()
    found = grammar.segments(doc)
    persons = _person_spans(findings)
    ranges = _readings(doc, found, persons, frozenset())
    # An abbreviation defined in parentheses after anything but a name is a term, not a body.
    blocked = grammar.defined_terms(doc, found, {end for _, end in ranges})
    if blocked:
        ranges = _readings(doc, found, persons, blocked)
    ranges = {
        r: core
        for r, core in ranges.items()
        if not _shouted(doc, *r) and not _centre_of_place(doc, *r) and not _kind_in_plural(doc, *r)
    }
    # A unit in a title takes the shorter readings inside it along («главное управление …» → «управление …»).
    units = [r for r in ranges if _unit_in_title(doc, *r) or _unit_of_executive(doc, *r)]
    ranges = {
        r: core
        for r, core in ranges.items()
        if not any(u[0] <= r[0] and r[1] <= u[1] and not _parent_body(doc, u, r) for u in units)
    }
    ranges = _offices_before(doc, ranges)
    ranges = {r: core for r, core in ((_top_body(doc, s, e, ranges), c) for (s, e), c in ranges.items()) if r}
    ranges = _local_bodies_unaddressed(doc, _region_second_names(doc, _whole_places(doc, ranges)))
    # Longest readings first; a reading inside a longer one is part of that name.
    chosen: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in sorted(ranges, key=lambda r: (-(r[1] - r[0]), r[0])):
        if not taken.intersection(range(start, end)):
            chosen.append((start, end))
            taken.update(range(start, end))
    parents = _parents_of_units(doc, chosen, ranges)
    chosen.extend(parents.values())
    titled = _units_in_titles(doc, parents)
    chosen = _with_municipal_names(doc, chosen)
    chosen.sort()
    chosen = _with_jurisdiction(doc, _double_names(doc, _without_units_of_next(doc, chosen)))
    chosen = _without_branch_names(doc, chosen)
    chosen = _nested_bodies(doc, chosen)

    bodies: list[Body] = []
    alias_ranges: dict[tuple[int, int], int] = {}
    for start, end in chosen:
        check_deadline("organizations")
        if (start, end) in alias_ranges:
            continue
        span = doc[start:end]
        start = _strip_description(doc, start, end)
        end = _without_region_of_municipality(doc, start, end)
        span = doc[start:end]
        name = canonical(span)
        # «Государственное Собрание – Курултай …»: each of an assembly's two names in the nominative.
        dash = next((t.i for t in span[1:-1] if t.text in _DASHES and _assembly(doc[t.i + 1])), None)
        if dash is not None:
            name = f"{canonical(doc[start:dash])} {doc[dash].text} {canonical(doc[dash + 1 : end])}"
        head = _head_index(span)
        body = Body(
            name=name,
            words=lemmas(name, lex.legal_forms) or lemmas(name),
            head=_head_lemma(doc[head]) if head is not None else None,
            abbreviation=all(t.is_upper for t in span if t.is_alpha),
            mentions=[TextSpan(span.start_char, span.end_char)],
        )
        inner = _parenthesis(doc, end)
        if inner is not None:
            alias = doc[inner[0] : inner[1]]
            body.aliases.append(alias.text.strip(_QUOTES + " "))
            body.mentions.append(TextSpan(alias.start_char, alias.end_char))
            # The parenthesis is this body's other name, not a body of its own.
            for other in chosen:
                if other[0] >= inner[0] and other[1] <= inner[1]:
                    alias_ranges[other] = len(bodies)
        bodies.append(body)
    bodies.extend(_ministries_of_ministers(doc, bodies))
    # Later mentions of an alias («МБОС» on its own) are the body it was introduced for.
    alias_of = {b.aliases[0].lower(): b for b in bodies if b.aliases}
    kept: list[Body] = []
    for body in bodies:
        target = alias_of.get(body.name.strip(_QUOTES).lower())
        if target is not None and target is not body:
            target.mentions.extend(body.mentions)
        else:
            kept.append(body)
    if headings:
        taken_lines = _heading_bodies(doc)
        # What the tagger made of a heading that names a body read in sentence case («ЛИДСКИЙ») gives way to it.
        kept = [b for b in kept if not any(_inside_line(doc, m, taken_lines) for m in b.mentions)]
        kept = _shouted_into_headings(kept, taken_lines)
        kept = sorted(kept + taken_lines, key=lambda b: b.mentions[0].start)
        _units_under_letterhead(doc, kept)
        kept.extend(_council_of_protocol(doc, kept))
    return tuple(
        OrganizationFinding(
            name=b.name,
            aliases=tuple(b.aliases),
            mentions=tuple(sorted(set(b.mentions))),
            # A unit named only in titles stays the titles' organization for positions, but is not listed.
            listed=b.listed and not all(_within(m, titled) for m in b.mentions),
        )
        for b in merge(_kind_before_name(_unit_abbreviation_before_body(_abbreviations_joined(doc, kept))))
        if _is_body(doc, b)
    )


def _head_lemma(token: Token) -> str | None:
    """The kind of body a head names: «Кенгаша», which the tagger reads as a name, is a «кенгаш» too."""
    lex = grammar.lexicon()
    if token.lemma_ in lex.heads:
        return token.lemma_
    return lex.foreign_heads.get(token.lower_)


def _within(mention: TextSpan, spans: set[tuple[int, int]]) -> bool:
    # The unit's own reading starts where the unit does; the body named inside it starts later.
    return any(start == mention.start and mention.end <= end for start, end in spans)


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, organizations=find_organizations(doc, findings))
