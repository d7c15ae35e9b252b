"""Persons: one entry per person however it is named, name parts in the nominative.

Mentions with a first name or initials found the entries; a bare surname then joins the nearest
compatible entry before it. Two people with one surname stay apart when their initials differ.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from models import lexicons
from pipelines.deadline import check_deadline
from pipelines.findings import Findings, PersonFinding, TextSpan
from pipelines.person_names import NameParts, could_be_name, fold, parse_name
from pipelines.titles import title_before, title_head


@dataclass
class _Cluster:
    parts: list[NameParts] = field(default_factory=list)
    spans: list[TextSpan] = field(default_factory=list)
    # Kept up to date as mentions join, not recomputed from every part on each comparison: that was
    # quadratic in a list of thousands of mentions of one name.
    keys: set[str] = field(default_factory=set)
    first: str | None = None  # initial letters of the first name and patronymic, as far as any mention tells
    patr: str | None = None
    starts: list[int] = field(default_factory=list)  # the mentions' starts, sorted
    index: int = 0  # the order it was made in

    def add(self, parts: NameParts, span: TextSpan) -> None:
        self.parts.append(parts)
        self.spans.append(span)
        self.keys.update(parts.surname_keys)
        self.first = self.first or _first_letter(parts)
        self.patr = self.patr or _patronymic_letter(parts)
        bisect.insort(self.starts, span.start)

    def letters(self) -> tuple[str | None, str | None]:
        return self.first, self.patr

    def nearest_before(self, start: int) -> int:
        """The start of this person's last mention at or before `start` (there must be one)."""
        return self.starts[bisect.bisect_right(self.starts, start) - 1]

    def finding(self) -> PersonFinding:
        # The surname most mentions agree on; a form the text writes in the nominative counts double.
        votes: Counter[str] = Counter()
        for p in self.parts:
            votes[p.surname] += 2 if p.surname_as_written else 1
        surname = votes.most_common(1)[0][0]
        return PersonFinding(
            surname=surname,
            first_name=next((p.first_name for p in self.parts if p.first_name), None),
            patronymic=next((p.patronymic for p in self.parts if p.patronymic), None),
            initials=next((p.initials for p in self.parts if p.initials), None),
            mentions=tuple(sorted(self.spans)),
        )


def _first_letter(parts: NameParts) -> str | None:
    if parts.first_name:
        return fold(parts.first_name[0])
    if parts.initials:
        return fold(parts.initials[0])
    return None


def _patronymic_letter(parts: NameParts) -> str | None:
    if parts.patronymic:
        return fold(parts.patronymic[0])
    if parts.initials and len(parts.initials) >= 4:
        return fold(parts.initials[2])
    return None


def _compatible(cluster: _Cluster, parts: NameParts) -> bool:
    if not cluster.keys & parts.surname_keys:
        return False
    first, patr = cluster.letters()
    other_first, other_patr = _first_letter(parts), _patronymic_letter(parts)
    if first and other_first and first != other_first:
        return False
    return not (patr and other_patr and patr != other_patr)


def _in_title(ent: Span) -> bool:
    """A name inside the name of a law, street, theatre: «закон Димы Яковлева», «театр им. Ермоловой»."""
    contexts = lexicons.load("person_title_contexts")
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space) and doc[i].text != ",":
        i -= 1
    if i >= 0 and fold(doc[i].text) in ("имени", "им") and i > 0 and fold(doc[i - 1].text) == "по":
        return False  # «человек по имени Фалмут Карни» names a person
    if i >= 0 and (fold(doc[i].lemma_) in contexts or fold(doc[i].text) in contexts):
        return True
    head = ent.root.head
    return head.i < ent.start and fold(head.lemma_) in contexts and ent.root.dep_ in ("nmod", "appos", "flat")


def _is_modifier(ent: Span) -> bool:
    """One adjective before a capitalised word is part of a title, not a name: «Межстранового Совета»."""
    if len(ent) != 1 or ent.end >= len(ent.doc) or not ent.doc[ent.end].is_title:
        return False
    return ent.root.dep_ == "amod" or not could_be_name(ent.root.text)


def _is_transliteration(ent: Span) -> bool:
    """«Эстебан Ласо (Esteban Lazo Hernández)»: the original spelling of the name just before it."""
    doc = ent.doc
    if ent.text.isascii() is False or ent.start < 2 or doc[ent.start - 1].text != "(":
        return False
    before = doc[ent.start - 2]
    return before.ent_type_ == "PER"


def _after_nominative_title(ent: Span) -> bool:
    title = title_before(ent.doc, ent.start)
    return title is not None and "Nom" in title_head(title).morph.get("Case")


def person_mentions(doc: Doc) -> list[tuple[NameParts, TextSpan]]:
    found = []
    for ent in doc.ents:
        check_deadline("persons")
        if ent.label_ != "PER" or _in_title(ent) or _is_modifier(ent) or _is_transliteration(ent):
            continue
        parts = parse_name(ent)
        # Only a name the tagger put in an oblique case needs its title's case to check it.
        if parts is not None and not parts.surname_as_written and _after_nominative_title(ent):
            parts = parse_name(ent, nominative_context=True)
        if parts is not None:
            found.append((parts, TextSpan(parts.start, parts.end)))
    return found


class _Clusters:
    """The persons so far, with an index from surname key to the clusters that have it: a mention is
    compared with the clusters sharing a key, not with every one."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self._by_key: dict[str, list[int]] = {}

    def compatible(self, parts: NameParts) -> list[_Cluster]:
        """The compatible clusters, in the order they were made."""
        found = sorted({k for key in parts.surname_keys for k in self._by_key.get(key, ())})
        return [self.all[k] for k in found if _compatible(self.all[k], parts)]

    def add(self, cluster: _Cluster | None, parts: NameParts, span: TextSpan) -> None:
        if cluster is None:
            cluster = _Cluster(index=len(self.all))
            self.all.append(cluster)
        for key in set(parts.surname_keys) - cluster.keys:
            self._by_key.setdefault(key, []).append(cluster.index)
        cluster.add(parts, span)


def find_persons(doc: Doc) -> tuple[PersonFinding, ...]:
    mentions = person_mentions(doc)
    clusters = _Clusters()
    # Fuller mentions first, so that a bare surname can join the right person.
    full = [(p, s) for p, s in mentions if p.first_name or p.initials]
    bare = [(p, s) for p, s in mentions if not (p.first_name or p.initials)]
    for parts, span in full:
        candidates = clusters.compatible(parts)
        clusters.add(candidates[0] if candidates else None, parts, span)
    for parts, span in bare:
        check_deadline("persons")
        candidates = clusters.compatible(parts)
        before = [c for c in candidates if c.starts[0] <= span.start]
        target = (
            max(before, key=lambda c: c.nearest_before(span.start))
            if before
            else (candidates[0] if candidates else None)
        )
        clusters.add(target, parts, span)
    ordered = sorted(clusters.all, key=lambda c: min(c.spans))
    return tuple(c.finding() for c in ordered)


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, persons=find_persons(doc))
