"""Nominative forms of words and phrases, following the syntax tree (after natasha's `norm.py`).

A phrase is inflected at its head and at the adjectives and participles that agree with it;
genitive dependents stay as they are: «Министерством труда» → «Министерство труда».
"""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache

from spacy.tokens import Span, Token

from models import loading

_INFLECTED_POS = {"NOUN", "PROPN", "ADJ", "VERB", "DET", "NUM"}
_UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_UD_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_UD_NUMBER = {"Sing": "sing", "Plur": "plur"}
_OC_POS = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    # «объединённого совета»: an adjective the dictionary knows only as a participle.
    "ADJ": {"ADJF", "PRTF"},
    "VERB": {"PRTF"},
    "DET": {"ADJF", "NPRO"},
    "NUM": {"ADJF", "NUMR"},
}


def recover_shape(word: str, model: str) -> str:
    """`word` written the way `model` is: Title, UPPER or lower case. A neuter ending in «-оё»/«-её» is the
    dictionary's slip for a word whose stem has «ё» («Ёлкинского» → «ёлкинскоё»): no Russian ending is spelled so."""
    if word.endswith(("оё", "её")) and len(word) > 5:  # not «своё», «твоё»
        word = word[:-1] + "е"
    if model.isupper() and len(model) > 1:
        return word.upper()
    # Keep inner capitals of hyphenated names: Нью-Йорка → Нью-Йорк, аль-Багдади → аль-Багдади.
    parts = word.split("-")
    model_parts = model.split("-")
    if len(parts) == len(model_parts) and any(m[:1].isupper() for m in model_parts):
        pairs = zip(parts, model_parts, strict=True)
        return "-".join(p[:1].upper() + p[1:] if m[:1].isupper() else p for p, m in pairs)
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=100_000)
def inflect_word(
    word: str, pos: str, case: str | None, gender: str | None, number: str | None, to_case: str = "nomn"
) -> str:
    """One word in `to_case`, keeping its gender and number; the word itself when pymorphy has no such form."""
    if case is None or _UD_CASE.get(case) == to_case or pos not in _INFLECTED_POS or _abbreviation(word):
        return word
    parses = loading.parse(word)
    if word.isupper() and "-" not in word and len(word) <= 7 and not any(p.is_known for p in parses):
        # «СОИГСИ» is no verb the dictionary guessed: an unknown capitalised word this short is an abbreviation.
        return word
    want_pos = _OC_POS.get(pos, set())
    best = None
    declinable_first = bool(parses) and "Fixd" not in parses[0].tag
    for parse in parses:
        tag = parse.tag
        if tag.POS not in want_pos or str(tag.case) != _UD_CASE.get(case):
            continue
        if gender and "ms-f" not in tag and tag.gender and str(tag.gender) != _UD_GENDER.get(gender):
            continue
        if number and tag.number and str(tag.number) != _UD_NUMBER.get(number):
            continue
        if "Fixd" in tag and declinable_first:
            # «тораги»: the guesser ranks a declinable noun («торага») first and an indeclinable name of that form
            # after it; a reading that agrees in gender only as the name would keep the oblique form in the
            # nominative. (Where the indeclinable reading ranks first, «Луисвилле», it stands.)
            best = best or parse
            continue
        best = parse
        break
    if best is None:
        best = next((p for p in parses if p.tag.POS in want_pos and str(p.tag.case) == _UD_CASE.get(case)), None)
    if best is None and pos in ("VERB", "ADJ") and not any(p.tag.POS in want_pos for p in parses):
        # «механизатора» tagged a participle, «в Ефремове» an adjective: a word the dictionary knows only as a noun
        # declines as one.
        best = next((p for p in parses if p.tag.POS == "NOUN" and str(p.tag.case) == _UD_CASE.get(case)), None)
    if best is None:
        return word
    grams = {to_case}
    if best.tag.number == "plur" or number == "Plur":
        grams.add("plur")
    form = best.inflect(grams)
    if form and "Supr" in best.tag and form.word[:4] != word.lower()[:4]:
        # «высший» and «высочайший» share one paradigm in the dictionary: keep the degree the text wrote.
        form = next(
            (
                f
                for f in best.lexeme
                if f.word[:4] == word.lower()[:4]
                and grams <= f.tag.grammemes
                and f.tag.gender == (best.tag.gender if "plur" not in grams else None)
            ),
            None,
        )
    if form and "plur" in grams:
        return guessed_plural_fixed(recover_shape(_keep_hyphen(form.word, word), word), word, best.is_known)
    if form and not best.is_known:
        form_word = _unstressed_adjective(form.word, word)
        return recover_shape(_keep_hyphen(form_word, word), word)
    return recover_shape(_keep_hyphen(form.word, word), word) if form else word


# «Жодинского» guessed after «Динской»: an unknown adjective's masculine nominative in «-ской»/«-цкой» is a stressed
# ending the dictionary's known words have (городской, Донской); a place's adjective the dictionary does not know takes
# the productive unstressed «-ский»/«-цкий» (Жодинский, Казталовский).
_STRESSED_ENDING = re.compile(r"([сц]к)ой$")


def _unstressed_adjective(form: str, word: str) -> str:
    if _STRESSED_ENDING.search(form) and not _STRESSED_ENDING.search(word.lower()):
        return _STRESSED_ENDING.sub(r"\1ий", form)
    return form


def guessed_plural_fixed(form: str, word: str, known: bool) -> str:
    """«кенгашей» guessed a genitive of «кенгашея» gives «кенгашеи», no Russian plural: an unknown word's «-ей» is
    the genitive plural of a noun ending in a hushing or soft consonant (кенгаш → кенгаши, as врачей → врачи)."""
    if known or not form.lower().endswith(("еи", "аи", "ои")) or not word.lower().endswith("ей") or len(word) < 5:
        return form
    return recover_shape(word[:-2].lower() + "и", word)


def _abbreviation(word: str) -> bool:
    """«БелГУ», «ХимЛабСервис»: a capital inside a part of the word marks an abbreviation or a brand, which do not
    decline the way the dictionary would guess."""
    return any(any(c.isupper() for c in part[1:]) and not part.isupper() for part in word.split("-"))


def _keep_hyphen(form: str, word: str) -> str:
    """The dictionary files «Северо-Осетинским» under «североосетинский»: put back the hyphen the text wrote."""
    cut = word.find("-")
    if cut > 0 and "-" not in form and form[:cut].lower() == word[:cut].lower():
        return form[:cut] + "-" + form[cut:]
    return form


def inflect_token(token: Token, to_case: str = "nomn") -> str:
    morph = token.morph
    if not morph.get("Case") and token.pos_ == "ADJ" and token.dep_ == "amod":
        # The tagger left the adjective without features: it agrees with its noun.
        morph = token.head.morph
    return inflect_word(
        token.text,
        token.pos_,
        (morph.get("Case") or [None])[0],
        (morph.get("Gender") or [None])[0],
        (morph.get("Number") or [None])[0],
        to_case,
    )


def _inflectable(span: Span) -> set[int]:
    """Roots of the span in the tree, and the agreeing words that hang off them."""
    inside = {t.i for t in span}
    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    # «застройки Барсуковского сельского поселения»: an adjective the parser hung on a word outside the span
    # agrees with the noun it stands before; that noun is the root it belongs to.
    stray = {t.i: noun for t in roots if t.pos_ == "ADJ" and (noun := _agreeing_noun(span, t)) is not None}
    roots = list(dict.fromkeys(stray.get(t.i, t) for t in roots))
    # A root with its own preposition in the span («… подготовки к отопительному сезону», the «к» hung by the parser
    # outside) is a complement that keeps its case; only the phrase's head takes the new one.
    governed = [t for t in roots if any(c.dep_ == "case" and c.i in inside and c.i < t.i for c in t.children)]
    if len(governed) < len(roots):
        roots = [t for t in roots if t not in governed]
    # A genitive after the phrase's first head that the parser hung outside the span («Отчёт руководителя
    # государственного учреждения …», the cut clause's verb taking «учреждения») is a complement: it keeps its case.
    # So do an instrumental and a dative («обеспечение населения питьевой водой», «надбавка молодым учителям», the
    # complement hung on a noun before the phrase or on the verb).
    roots = roots[:1] + [t for t in roots[1:] if not {"Gen", "Ins", "Dat"} & set(t.morph.get("Case"))]
    chosen: set[int] = set()
    queue = deque(roots)
    while queue:
        token = queue.popleft()
        if token.i in chosen:
            continue
        chosen.add(token.i)
        for child in token.children:
            if (
                child.i in inside
                and child.pos_ in ("ADJ", "VERB", "DET", "NUM")
                and child.dep_ in ("amod", "det", "nummod", "acl", "flat", "flat:name")
            ) or (
                child.i in inside
                and child.dep_ in ("flat", "flat:name", "flat:foreign", "conj")
                and (child.pos_ in ("PROPN", "NOUN"))
            ):
                queue.append(child)
    # A stray adjective takes the new case with its noun, and keeps its own when its noun keeps its.
    return chosen | {i for i, noun in stray.items() if noun.i in chosen}


def _agreeing_noun(span: Span, adjective: Token) -> Token | None:
    """The noun after `adjective` in the span, across other adjectives, that has its case: the one it agrees with."""
    case = adjective.morph.get("Case")
    for token in span.doc[adjective.i + 1 : span.end]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token if case and token.morph.get("Case") == case else None
        if token.pos_ != "ADJ" or token.morph.get("Case") != case:
            return None
    return None


def nominative(span: Span) -> str:
    """The span in the nominative case, quotes, spacing and capitals kept."""
    return inflected(span, "nomn")


def inflected(span: Span, to_case: str) -> str:
    """The span in `to_case` (a pymorphy case: «gent» for «избран председателем» → «избрание председателя»)."""
    chosen = _inflectable(span)
    parts = []
    inside_quotes = False
    for token in span:
        if token.text in '«"“„':
            inside_quotes = not inside_quotes if token.text == '"' else True
        elif token.text in "»”":
            inside_quotes = False
        word = token.text
        if token.i in chosen and not inside_quotes:
            word = inflect_token(token, to_case)
        parts.append(word + token.whitespace_)
    return "".join(parts).strip()
