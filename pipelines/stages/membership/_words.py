"""The word tests every rule of the stage reads: a word's dictionary forms, a body's kind, a stem, an abbreviation.

`_head` is the kind of body a name is, its first noun («Северо-Казахстанский областной маслихат» → маслихат): the
test the other modules compare posts and bodies by. `_heads` maps a head's title to the kinds of office it heads
(`membership_heads.txt`: аким → акимат). `_stem` compares words across cases («Думы» / «Дума»), `_abbreviates` a
name with its abbreviation («АлтГУ»). They are asked of every body for every person, hence the caches.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models import lexicons, loading
from pipelines.stages.positions import WORD_LETTERS

# Cyrillic letters, with those of the Kazakh, Kyrgyz, Tajik and Uzbek alphabets that Russian texts keep in names
# («аким Шұғылбайского сельского округа», «джамоат Ҳисор»): a word must not break at them.
_LETTERS = WORD_LETTERS
_WORD = re.compile(f"[{_LETTERS}]+")
_COMPOUND = re.compile(f"[{_LETTERS}]+(?:-[{_LETTERS}]+)*")


@lru_cache(maxsize=50_000)
def _lemma_set(word: str) -> frozenset[str]:
    """Every dictionary form a word may have: pymorphy's first guess for «маслихата» is «маслихата»."""
    lower = word.lower().replace("ё", "е")
    return frozenset({lower} | {p.normal_form.replace("ё", "е") for p in loading.parse(lower)})


def _lemmas(text: str) -> set[str]:
    return {form for w in _WORD.findall(text) for form in _lemma_set(w)}


@lru_cache(maxsize=50_000)  # asked of every body for every person: persons × bodies in a long document
def _head(name: str) -> frozenset[str]:
    """The kind of body a name is: its first noun («Северо-Казахстанский областной маслихат» → маслихат)."""
    before_quote, _, quoted = name.partition("«")
    words = _COMPOUND.findall(before_quote)
    if quoted and words and all(w.isupper() for w in words):
        # «ОГБУЗ «Братский областной психоневрологический диспансер»»: a legal form's abbreviation is no kind; the
        # quoted name's noun is (a post names the body by it: «заведующая отделением диспансера»).
        return _lemma_set(words[-1]) | _head(quoted.rstrip("»"))
    if words and words[0].lower() in lexicons.load("org_izafet_heads"):
        # «Маджлиси намояндагон …», «Маджлиси Оли»: the kind in the izafet form, its «-и» joining the attribute.
        return _lemma_set(words[0].rstrip("иИ"))
    for k, compound in enumerate(words):
        # «Северо-Казахстанский»: a compound is the part of speech of its last part.
        word = compound.split("-")[-1]
        parses = loading.parse(word.lower())
        if k == 0 and len(words) > 1 and _state_language_attribute(parses, words[1]):
            return _lemma_set(words[1])  # «Милли Меджлис»: the kind after a word of the state language
        if (
            k == 0
            and len(words) > 1
            and not any(p.is_known for p in parses)
            and word.lower().replace("ё", "е") in lexicons.load("membership_bodies")
        ):
            # «Генгеш города Мары» («города» may be a plural nominative too): a kind of assembly the lexicon knows,
            # though the dictionary does not, is the body's kind.
            return _lemma_set(word)
        if k == 0 and len(words) > 2 and word == compound and not any(p.is_known for p in parses):
            # «Генгеш Саятского этрапа», «Сакребуло Тетрицкаройского муниципалитета»: a word of the state language
            # the dictionary does not know, before a word that can only be genitive, is the body's kind (an
            # adjective would agree with a nominative after it: «Костанайский городской маслихат»).
            following = loading.parse(words[1].split("-")[-1].lower())
            if following and all(p.tag.case in ("gent", "accs") for p in following):
                return _lemma_set(word)
        if k + 1 < len(words) and (any(p.tag.POS == "ADJF" for p in parses) or _place_adjective(compound)):
            continue  # «Тверская городская Дума»: a place's adjective that names a street too is no kind
        if any(p.tag.POS == "NOUN" for p in parses) and not all(p.tag.POS == "ADJF" for p in parses[:1]):
            following = _lemma_set(words[k + 1]) if k + 1 < len(words) else frozenset()
            if k == 0 and not any(p.is_known for p in parses) and following & lexicons.load("membership_bodies"):
                return following  # «Жогорку Кенеш»: a word of the state language qualifies the kind after it
            return _lemma_set(word)
    return frozenset()


def _state_language_attribute(parses: list, following: str) -> bool:
    """«Милли Меджлис», «Жогорку Кенеш»: a first word no Russian singular noun (the dictionary reads «милли» as a
    plural of «милль» at best) before a kind of assembly is the state language's attribute of that kind."""
    if not _lemma_set(following) & lexicons.load("membership_bodies"):
        return False
    return not any(p.tag.POS in ("NOUN", "ADJF") and p.tag.number != "plur" and p.is_known for p in parses)


# «Жирмунский», «Вороновский»: a place's adjective the dictionary reads as a surname (a noun) by its ending.
_PLACE_ADJECTIVE_ENDINGS = ("ский", "цкий", "ская", "цкая", "ское", "цкое", "ской", "цкой")


def _place_adjective(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(_PLACE_ADJECTIVE_ENDINGS)


@lru_cache(maxsize=2)
def _heads(also: bool = False) -> dict[str, frozenset[str]]:
    """A head's title → the kinds of office they head; with `also`, the other kinds a title may head too
    (`membership_heads_also.txt`: a Russian mayor's администрация), for a person linked to no body."""
    heads: dict[str, set[str]] = {}
    for name in ("membership_heads", "membership_heads_also") if also else ("membership_heads",):
        for entry in lexicons.load(name):
            title, body = entry.split("|")
            heads.setdefault(title.strip(), set()).add(body.strip())
    return {title: frozenset(bodies) for title, bodies in heads.items()}


def _stem(word: str) -> str:
    lower = word.lower().replace("ё", "е")
    if len(lower) <= 5 and lower.isalpha():
        # «Думы» / «Дума», «Рады» / «Рада»: five letters of a short word hold its ending; its dictionary form does not.
        parses = loading.parse(lower)
        lower = parses[0].normal_form.replace("ё", "е") if parses else lower
    return lower[:5]


def _abbreviates(short: str, words: list[str]) -> bool:
    """«алтгу» of «Алтайского государственного университета»: each word gives the abbreviation its first letters."""
    if not words:
        return not short
    word = words[0].lower()
    return any(
        short[:k] == word[:k] and _abbreviates(short[k:], words[1:]) for k in range(1, min(len(short), len(word)) + 1)
    )
