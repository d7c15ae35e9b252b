"""A body's name in the nominative (`canonical`), and where its head noun is (`_head_index`).

Only the head noun and the adjectives before it inflect; genitive and prepositional dependents stay as written
(«Министерство труда, социального обеспечения и миграции КР») and quoted parts are never touched. The tagger's
case and gender are checked against the dictionary, because it guesses both wrongly on capitalised words: an
indeclinable foreign kind («окмоту»), a «Мин…» contraction, an abbreviation with a capital inside («АлтГУ») stay
as written; an adjective's case comes from its ending when the tagger's reading does not agree with the head.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from models import lexicons, loading
from models.grammars import organizations as grammar
from models.punctuation import QUOTES
from pipelines.normalize import inflect_token, inflect_word


def _head_index(span: Span) -> int | None:
    lex = grammar.lexicon()
    # «НИИ им. Склифосовского», «школа имени Абая»: the person a body is named after holds no head.
    named_after = next((t.i for t in span if t.lower_ in lexicons.load("eponym_words") and t.i > span.start), None)
    if named_after is not None:
        span = span.doc[span.start : named_after]
    in_quotes = False
    for token in span:
        if token.text in QUOTES:
            in_quotes = not in_quotes
            continue
        if not in_quotes and (token.lemma_ in lex.heads or token.lower_ in lex.foreign_heads):
            return token.i
        if not in_quotes and grammar.contracted_head(token.text) is not None:
            return token.i  # «Бишкекского горкенеша»
        # «Отделение Социального фонда России по …»: a unit that opens a body's name is its head; so after its
        # place's and level's adjectives («Томское региональное отделение Союза …»).
        # («Исполнительный орган государственной власти …»: so does a generic kind of body, «орган», «учреждение».)
        opens = all(t.pos_ == "ADJ" for t in span.doc[span.start : token.i])
        kinds = lex.subunits | lex.referring_heads
        if opens and (token.lemma_ in kinds or grammar.word_lemma(token.text) in kinds):
            return token.i
    for token in span:
        if token.text in QUOTES:
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
            and (
                token.lemma_ not in lex.heads
                or token.i == span.start
                or (token.lemma_ == lex.foreign_heads[token.lower_] and token.lower_.endswith(_RUSSIAN_OBLIQUE))
            )
        ):
            # The tagger guessed an unknown head's lemma and case («маслихата», «Хякимлика»): its dictionary form is
            # known. (After a word it is not the head: «Пресс-служба акимата …».) So where the tagger found the lemma
            # but not the case of a Russian ending («Жогорку Кенешем» read as a genitive), which it cannot decline
            # from; a state language's own ending in a vowel stays («Халк Маслахаты»).
            lemma = lex.foreign_heads[token.lower_]
            word = lemma.capitalize() if word[:1].isupper() else lemma
        elif token.i == head and grammar.word_lemma(token.text) in lexicons.load("org_parliaments_by_kind"):
            # «Мажилиса», «Кнессета»: a parliament's own word the tagger reads as a name in a guessed case.
            word = grammar.word_lemma(token.text).capitalize()
        elif token.i == head and (contracted := grammar.contracted_head(token.text)) is not None:
            # «Жамбылского облмаслихата»: a level contracted onto a kind the dictionary does not know.
            word = contracted.capitalize() if word[:1].isupper() else contracted
        elif token.i == head and token.pos_ == "ADJ" and grammar.word_lemma(token.text) in lex.heads:
            # «Пресс-служба Ошского городского кенеша» at a line's end: the tagger read the head as an adjective.
            word = inflect_word(token.text, "NOUN", *_features(token))
        elif (
            head is not None
            and token.i < head
            and (
                _indeclinable(span.doc[head])
                or grammar.contracted_head(span.doc[head].text) is not None
                or (token.pos_ in ("ADJ", "X") and not token.morph.get("Case"))
                or _genitive_ending_read_nominative(token)
                or _feminine_oblique_read_nominative(token, span.doc[head])
            )
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
            case, gender, number = _features(span.doc[head])
            if case == "Nom" and token.lower_.endswith(("ого", "его")):
                # «велаятского Халк Маслахаты»: a head that does not decline, read as a nominative, shows no case.
                case = _adjective_case(token.text)
            word = inflect_word(token.text, "ADJ", case, gender, number)
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
        elif head is not None and token.i <= head and _kind_of_named(span, head) and _agrees(token, head, span):
            # «представители партий «За Грузию» и «…»»: the kind in the plural before each quoted name is one
            # body's kind, in the singular.
            word = _singular(token.text, span.doc[head].text) or inflect_token(token)
        elif head is not None and token.i <= head and _agrees(token, head, span):
            word = inflect_token(token)
        elif head is not None and token.i == head + 2 and grammar.gloss(span.doc, head + 1):
            word = inflect_token(token)  # «Хурала (парламента)»: the gloss is the kind's and inflects with it
        parts.append(word + token.whitespace_)
    name = re.sub(r"\s+", " ", "".join(parts)).strip()
    # Wiki markup's ''…'' is the text's quotes.
    return re.sub(r"''\s?(.+?)\s?''", r"«\1»", name)


# Russian case endings a foreign kind takes that no state language's nominative ends in.
_RUSSIAN_OBLIQUE = ("ом", "ем", "ов", "ей", "ам", "ами", "ах")


def _singular(word: str, head: str) -> str | None:
    """A plural word of a kind in the nominative singular, an adjective in its head noun's gender."""
    noun = next((p for p in loading.parse(head.lower()) if p.tag.POS == "NOUN" and p.tag.number == "plur"), None)
    parse = next((p for p in loading.parse(word.lower()) if p.tag.number == "plur"), None)
    if noun is None or parse is None:
        return None
    grams = {"nomn", "sing"} | ({noun.tag.gender} if parse.tag.POS == "ADJF" and noun.tag.gender else set())
    form = parse.inflect(grams)
    if form is None:
        return None
    return form.word.capitalize() if word[:1].isupper() else form.word


def _kind_of_named(span: Span, head: int) -> bool:
    """The head is a kind in the plural right before a quoted name («партий «За Грузию»»)."""
    doc = span.doc
    return (
        head + 1 < span.end
        and doc[head + 1].text in ("«", '"')
        and doc[head].is_lower
        and "Plur" in doc[head].morph.get("Number")
    )


def _indeclinable(head: Token) -> bool:
    """«окмоту», «сакребуло»: a foreign kind ending in a vowel of no Russian noun's nominative declension is written
    the same in every case (as «бюро»); «маслихат», «кенеш» inflect."""
    word = head.lower_
    return grammar.lexicon().foreign_heads.get(word) == word and word[-1:] in _INDECLINABLE_ENDINGS


_INDECLINABLE_ENDINGS = frozenset("оуюиэ")


_OC_CASES = {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc"}


def _genitive_ending_read_nominative(token: Token) -> bool:
    """«Кочкорского айылного кенеша»: a rare adjective ending in «-ого»/«-его», which no nominative does, that the
    tagger read as a nominative (or as a noun in the nominative: «Дашогузского велаятского Халк Маслахаты»)."""
    return (
        (token.pos_ == "ADJ" or grammar.misread_adjective(token))
        and token.morph.get("Case") == ["Nom"]
        and token.lower_.endswith(("ого", "его"))
    )


def _feminine_oblique_read_nominative(token: Token, head: Token) -> bool:
    """«медсестра Кантской территориальной больницы»: a place's adjective in «-ой»/«-ей», which no feminine nominative
    ends in, that the tagger read as a nominative before a feminine head (heldout-genre-28)."""
    return (
        token.pos_ in ("ADJ", "PROPN")
        and token.morph.get("Case") == ["Nom"]
        and token.lower_.endswith(("ой", "ей"))
        and _head_gender(head) == "Fem"
    )


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
    level = _level_abbreviation(head.text)
    if level is not None:
        return level
    genders = {
        str(p.tag.gender)
        for p in loading.parse(head.lower_)
        if p.tag.POS == "NOUN" and p.normal_form == head.lemma_ and "Name" not in p.tag and "Surn" not in p.tag
    }
    return _OC_GENDERS.get(genders.pop()) if len(genders) == 1 else _features(head)[1]


# A level's initial before an office's abbreviation: «Р» районный, «Г» городской, «О» областной, «Л» линейный.
_LEVEL_INITIALS = "РГОЛ"


def _level_abbreviation(word: str) -> str | None:
    """«РОВД», «ГОВД»: a district's or a town's «ОВД» (отдел внутренних дел) is of the office's gender, masculine,
    whatever the dictionary has for the longer letters (neuter for «РОВД»; the golds write «Кеминский РОВД»)."""
    if len(word) < 4 or not word.isupper() or not word.isalpha() or word[0] not in _LEVEL_INITIALS:
        return None
    genders = {
        str(p.tag.gender)
        for p in loading.parse(word[1:].lower())
        if p.tag.POS == "NOUN" and "Abbr" in p.tag and p.is_known and p.tag.gender
    }
    return _OC_GENDERS.get(genders.pop()) if len(genders) == 1 else None


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
    return not any(t.text in QUOTES for t in span.doc[span.start : token.i])
