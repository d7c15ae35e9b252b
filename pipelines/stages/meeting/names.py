"""Place names as written: a word read as a town's name in the nominative, or as none.

Datelines, fields, settlement words and headlines write towns in forms morphology may not know: a Central Asian town
(«Кызылорда»), a name in capitals («КЫЗЫЛОРДА»), a village named by a common word («д. Ключи»), two words («Сосновый
Бор», «в нижнем новгороде»), a case form another reading of which is a surname («с. Оссора»). These tests decide
whether the word is a place's name and give it in the nominative. The dateline's readers (`dateline.py`) and the place
readers (`place.py`, `tier.py`, `home.py`) share them, and `_IN` (the «в» of a place and of a day) and the
settlement abbreviations that carry a name through their full stop («Думы г. Тамбова», «в с. Ключи»).
"""

from __future__ import annotations

from models import loading
from models.grammars.cities import city_of
from pipelines.stages.locations import gazetteer, text_key

_IN = {"в", "во"}


def _marked_place(word: str) -> str | None:
    """A name a settlement word marks («г. Тулун»): its nominative, or as written when morphology does not know
    the word at all (a field writes the name in the nominative: «г. Вахдат»), or knows it as a common word in the
    nominative (a village's name often is one: «д. Ключи», «с. Ленинское»). Two words are one name where an
    adjective agrees with the noun after it («Сосновый Бор», «Великие Луки»), else the first is the name
    («г. Ош Кыргызской Республики»)."""
    if " " in word or "\t" in word:
        first, second = word.split()
        return f"{first} {second}" if _adjective_with_noun(first, second) else _marked_place(first)
    if (place := _dateline_place(word)) is not None:
        return place
    parses = loading.parse(word.lower())
    nominative = any(p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF") for p in parses)
    # «г. Страшены»: a name morphology knows only as a word of another part of speech (a participle) declines as no
    # noun would; after its settlement word it is the name as written.
    no_noun = not any(p.tag.POS in ("NOUN", "ADJF") for p in parses)
    return word if _unknown_word(word) or nominative or no_noun else None


def _header_place(word: str) -> str | None:
    """A name a settlement word marks in a header line, where places are written in the nominative: as
    `_marked_place` reads it, or as written where morphology knows the word only as a name («с. Оссора», which it
    takes for the genitive of a surname «Оссор»)."""
    place = _marked_place(word)
    if place is not None or " " in word or "\t" in word:
        return place
    parses = loading.parse(word.lower())
    return word if parses and all(_NAME_TAGS & set(p.tag.grammemes) for p in parses) else None


_NAME_TAGS = frozenset({"Surn", "Name", "Patr", "Geox"})


def _adjective_with_noun(adjective: str, noun: str) -> bool:
    """«Сосновый Бор», «Набережные Челны»: an adjective in the nominative agreeing with a noun (or a word morphology
    does not know) in the nominative."""
    adjectives = [p for p in loading.parse(adjective.lower()) if p.tag.POS == "ADJF" and p.tag.case == "nomn"]
    noun_parses = loading.parse(noun.lower())
    if not adjectives or any(p.tag.POS == "ADJF" for p in noun_parses):
        return False
    if _unknown_word(noun):
        return True
    nouns = [p for p in noun_parses if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    return any(
        a.tag.number == n.tag.number and (n.tag.number == "plur" or a.tag.gender == n.tag.gender)
        for a in adjectives
        for n in nouns
    )


def _unknown_word(word: str) -> bool:
    return not any(p.is_known for p in loading.parse(word.lower()))


def _unshouted_name(name: str | None) -> str | None:
    """«КЫЗЫЛОРДА» → Кызылорда: a name in capitals morphology does not know, in the case names are written."""
    if name is None or not name.isupper():
        return name
    return "-".join(part.capitalize() for part in name.split("-"))


def _dateline_place(word: str | None) -> str | None:
    if not word:
        return None
    if (city := city_of(word)) is not None:
        return city
    parses = loading.parse(word.lower())
    place = next((p for p in parses if "Geox" in p.tag and p.is_known), None)
    if place is None or text_key(place.normal_form) in gazetteer().forced:
        return None
    name = place.inflect({"nomn"}) or place
    return "-".join(part.capitalize() for part in name.word.split("-"))


# Abbreviated settlement kinds that carry a body or a meeting's place through their full stop («Думы г. Тамбова», «в
# с. Ключи»). Narrower than the persons stage's list (which only guards the names after any kind): «п.», «д.», «ст.»
# also abbreviate a clause, a house and an article in the references and addresses near a body («п. 3», «д. 5»,
# «ст. 12»).
_SETTLEMENT_ABBREVIATIONS = frozenset({"г", "гор", "с", "пос", "пгт", "аг"})


def _unshouted(name: str) -> str:
    """«ПАВЛОДАР» (a headline's city in capitals) → Павлодар, where morphology knows it as a place; an
    abbreviation («СКФО») stays."""
    return (_dateline_place(name) or name) if name.isupper() else name


def _adjective_and_place(adjective: str, noun: str | None) -> str | None:
    """«в нижнем новгороде», «в новом уренгое», «в набережных челнах» (a headline's capitals read in sentence case): a
    town of two words, an adjective agreeing with a toponym, named whole in the nominative."""
    if not noun or not adjective.isalpha():
        return None
    place = next((p for p in loading.parse(noun.lower()) if "Geox" in p.tag and p.is_known), None)
    if place is None or place.tag.case is None:
        return None
    agreeing = next(
        (
            p
            for p in loading.parse(adjective.lower())
            if p.tag.POS == "ADJF" and p.tag.case == place.tag.case and p.tag.number == place.tag.number
        ),
        None,
    )
    named = place.inflect({"nomn"})
    if agreeing is None or named is None:
        return None
    form = {"nomn", "plur"} if named.tag.number == "plur" else {"nomn", named.tag.gender or "masc"}
    attribute = agreeing.inflect(form)
    if attribute is None:
        return None
    return f"{attribute.word.capitalize()} {'-'.join(part.capitalize() for part in named.word.split('-'))}"
