"""Locations: the stage's finder, which runs the parts in order and makes one entry per place.

1. Names read with their nominative at once: regions and districts by their adjective (`regions.py`), Latin names,
   kinds named after a place, aiyl offices (`candidates.py`), adjectival towns (`clean.py`).
2. Candidate spans (`candidate_spans`): cut before a person's name, dropped when they name a person, a water body
   (`waters.py`) or no place (`filters.py`), put in the nominative (`nominative.py`), a region's second name joined
   («Ханты-Мансийский автономный округ – Югра»).
3. Entries grouped by the gazetteer's canonical name or the name's key (`keys.py`), a country under the name the text
   gives it most, merged (`merges.py`); a place the text names only in hashtags or a tag line is not listed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from models import loading
from models.components.extensions import doc_text
from models.punctuation import (
    TYPOGRAPHIC_DASHES,
)
from pipelines.body_names import bodys_other_names
from pipelines.deadline import check_deadline
from pipelines.findings import Findings, LocationFinding, PersonFinding, TextSpan
from pipelines.normalize import nominative, recover_shape
from pipelines.stages.locations.candidates import (
    _without_settlement_noun,
    candidate_spans,
    latin_names,
    places_named_after_kind,
    regions_named_after_kind,
    village_offices,
)
from pipelines.stages.locations.clean import _legal_form_before_name, _trim, _unnamed_kind, adjectival_towns
from pipelines.stages.locations.filters import (
    _HASHTAG,
    _body_abbreviation,
    _body_abbreviations,
    _field_label,
    _hashtag_form,
    _latin_gloss,
    _named_after_or_credited,
    _names_a_person,
    _names_no_place,
    _numbered_district,
    _part_of_place,
    _shares_its_noun,
    _surname_stems,
    _titles_a_person,
    _with_status,
    _word_stem,
)
from pipelines.stages.locations.keys import (
    _OPTIONAL_WORD,
    _WORD,
    Key,
    _in,
    _is_capitalized,
    _lemma,
    _quoted,
    _shouted_common_word,
    gazetteer,
    span_key,
    text_key,
)
from pipelines.stages.locations.merges import (
    _Entry,
    _merge_abbreviations,
    _merge_cut_endings,
    _merge_plural_genitives,
    _merge_renamed_districts,
    _merge_republics,
    _merge_second_names,
    _merge_short_forms,
    _merge_soft_stem_cases,
    _merge_turkic_spellings,
    soft_stem_cases,
)
from pipelines.stages.locations.nominative import _nominative, _on_river_nominative, _reads_as_key
from pipelines.stages.locations.regions import (
    adjective_regions,
    coordinated_regions,
    district_bodies,
    elliptic_regions,
    heading_regions,
    regional_bodies,
)
from pipelines.stages.locations.waters import _names_water, water_names
from pipelines.stages.locations.words import _is_region_noun
from pipelines.tag_lines import in_tag_line


def _before_a_person(span: Span, people: list[TextSpan]) -> Span | None:
    """«деревни Заспа Веры Чайки»: a place's name the tagger ran on into the person after it is the words before the
    person's mention (`people`: the persons' mentions, sorted)."""
    at = bisect.bisect_left(people, TextSpan(span.start_char, span.start_char))
    if at == len(people) or not span.start_char < people[at].start < span.end_char:
        return span
    cut = span.doc.char_span(span.start_char, people[at].start, alignment_mode="contract")
    trimmed = _trim(cut) if cut is not None and len(cut) else None
    # «области Абай Нурлан …» with «Абай» taken into the person's name: a region's kind alone names nothing.
    return None if trimmed is None or _unnamed_kind(trimmed) else trimmed


def _before_a_surname(span: Span | None, surnames: frozenset[str]) -> Span | None:
    """«хоким Ташкента Артыкходжаев»: the tagger ran the city into the surname after it, which the text gives with a
    first name elsewhere («Джахонгира Артыкходжаева», `surnames`: stems of the persons' surnames); the place is the
    words before it."""
    if span is None or len(span) < 2 or not span[-1].is_title or _word_stem(span[-1].text) not in surnames:
        return span
    # Only after a name: «село Шевченко» is a village named after the poet the text may also name.
    return _trim(span[:-1]) if span[-2].is_title else span


def _overlaps(span: Span, mentions: list[TextSpan]) -> bool:
    at = bisect.bisect_left(mentions, TextSpan(span.end_char, span.end_char))
    return at > 0 and mentions[at - 1].end > span.start_char


def _closed_brackets(name: str, span: Span) -> str:
    """«Республика Саха (Якутия»: NER stops before the closing bracket of a name's second name; the name takes it
    when the text has it next, else loses the unclosed part."""
    if name.count("(") <= name.count(")"):
        return name
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == ")":
        return name + ")"
    return name[: name.rfind("(")].rstrip()


def _with_second_names(spans: list[Span]) -> Iterator[tuple[Span, Span | None]]:
    """«Кемеровской области – Кузбасса», «Ханты-Мансийского автономного округа – Югры»: a region's official name
    joins its second name by a dash; the two are one place. NER finds them apart: the second name (one
    capitalized word in the region's oblique case, right after the dash) is yielded with the region."""
    skip: set[int] = set()
    for k, span in enumerate(spans):
        if k in skip:
            continue
        following = spans[k + 1] if k + 1 < len(spans) else None
        doc = span.doc
        if (
            following is not None
            and span.end + 1 == following.start
            and doc[span.end].text in TYPOGRAPHIC_DASHES
            and len(following) == 1
            and _is_capitalized(following[0])
            and _is_region_noun(span[-1].lemma_, span[-1].lower_)
            and not _in(span[-1], "loc_settlement_nouns")
            # An oblique case both share is the agreement of one name; in the nominative «Чуйская область – Бишкек»
            # is as often a list's region and its town, unless the two fill their line (`_second_name_closing_a_line`).
            and (
                following[0].morph.get("Case") == span[-1].morph.get("Case") != ["Nom"]
                or _alone_on_its_line(doc[span.start : following.end])
            )
        ):
            skip.add(k + 1)
            yield span, following
        else:
            yield span, None


def _joins_second_name(span: Span) -> bool:
    """«Ханты-Мансийском автономном округе – Югре» as one span: a region, a dash and its second name."""
    if len(span) < 4 or span[-2].text not in TYPOGRAPHIC_DASHES or not _is_capitalized(span[-1]):
        return False
    region = span[-3]
    return _is_region_noun(region.lemma_, region.lower_) and not _in(region, "loc_settlement_nouns")


def _line_break(token: Token) -> bool:
    return "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)


def _second_name_closing_a_line(span: Span) -> Span | None:
    """«Ханты-Мансийский автономный округ – Югра» alone on a letterhead's line: in the nominative a region, a dash
    and a capitalized word may be a list's region and town («Чуйская область – Бишкек»), but a line that holds
    nothing else is the region's official name with its second name."""
    doc, at = span.doc, span.end
    if span[-1].text in TYPOGRAPHIC_DASHES:
        at -= 1  # the dash taken into NER's span, the second name left out
    if at + 1 >= len(doc) or doc[at].text not in TYPOGRAPHIC_DASHES or not doc[at + 1].is_alpha:
        return None
    named = doc[span.start : at + 2]
    if not _is_capitalized(doc[at + 1]) or not _joins_second_name(named) or not _alone_on_its_line(named):
        return None
    return doc[at + 1 : at + 2]


def _alone_on_its_line(span: Span) -> bool:
    doc = span.doc
    opens = span.start == 0 or _line_break(doc[span.start - 1])
    return opens and (span.end == len(doc) or _line_break(doc[span.end - 1]) or _line_break(doc[span.end]))


def _second_name_nominative(token: Token) -> str:
    """The second name's nominative from the dictionary's noun («Югре» → «Югра»), which the tagger's reading
    of a lone capitalized word in apposition often misses."""
    noun = next((p for p in loading.parse(token.lower_) if p.tag.POS == "NOUN"), None)
    form = noun.inflect({"nomn"}) if noun is not None else None
    return recover_shape(form.word, token.text) if form is not None else nominative(token.doc[token.i : token.i + 1])


def find_locations(doc: Doc, persons: tuple[PersonFinding, ...] = ()) -> tuple[LocationFinding, ...]:
    """Locations of the text; a name the persons stage read as a person's is not one
    ("Шаршеева Гульмира Асановна", which NER tags LOC for its place-like surname)."""
    gaz = gazetteer()
    by_key: dict[Key, _Entry] = {}
    people = sorted(m for person in persons for m in person.mentions)
    named = dict(coordinated_regions(doc))
    quoted = _quoted(doc)
    named.update(regional_bodies(doc, quoted))
    by_district_body = dict(district_bodies(doc))
    named.update(by_district_body)
    named.update(heading_regions(doc))
    named.update((span, name) for span, name in adjective_regions(doc) if not _overlaps(span, people))
    named.update(
        (span, name) for span, name in latin_names(doc) if not _overlaps(span, people) and not _latin_gloss(span)
    )
    # Not checked against the persons: NER takes many of a list's adjectives for surnames, the noun says they aren't.
    # Nor over a coordination's: «орошаемых земель … в Ростовской, Волгоградской и Астраханской областях» shares
    # the noun after the list, not a far one before it.
    for span, name in elliptic_regions(doc):
        named.setdefault(span, name)
    named.update((span, name) for span, name in places_named_after_kind(doc, quoted) if not _overlaps(span, people))
    named.update((span, name) for span, name in village_offices(doc, quoted) if not _overlaps(span, people))
    named.update(regions_named_after_kind(doc))
    named.update((span, name) for span, name in adjectival_towns(doc, quoted) if not _overlaps(span, people))
    named = {span: name for span, name in named.items() if not _numbered_district(span)}
    taken = {t.i for span in named for t in span}
    surnames = _surname_stems(persons)
    waters = water_names(doc, quoted)
    bodies = _body_abbreviations(doc)
    others = bodys_other_names(doc)  # «Государственного Собрания (Ил Тумэн)»: «Тумэн» names the body, no place
    candidates = candidate_spans(doc, quoted)
    spans = [
        span
        for span in map(lambda span: _before_a_surname(_before_a_person(span, people), surnames), candidates)
        if span is not None
        and not any(t.i in taken for t in span)
        and not _overlaps(span, people)
        and not _names_a_person(span, surnames)
        and not _names_water(span, waters)
        and not _legal_form_before_name(span)
        and not _shouted_common_word(span)
        and not _latin_gloss(span)
        and not _titles_a_person(span)
        and not _names_no_place(span)
        and not _named_after_or_credited(span)
        and not _field_label(span)
        and not _numbered_district(span)
        and not _body_abbreviation(span, bodies)
        and span.text.lower().replace("ё", "е") not in others
    ]
    for span, second in _with_second_names(sorted([*spans, *named], key=lambda span: span.start)):
        check_deadline("locations")
        if span in named:
            name = named[span]
        else:
            span = _without_settlement_noun(span)
            if second is None and _joins_second_name(span):
                span, second = span[:-2], span[-1:]  # NER took both names as one span: each is put in the nominative
            elif second is None and (second := _second_name_closing_a_line(span)) is not None:
                span = span[:-1] if span[-1].text in TYPOGRAPHIC_DASHES else span
            name = _on_river_nominative(_nominative(span))
        if second is not None:
            span = span.doc[span.start : second.end]
            name = f"{name} – {_second_name_nominative(second[0])}"
        name = _closed_brackets(name, span)
        key = text_key(name)
        canonical = gaz.canonical(key) or gaz.canonical(span_key(span))
        written = ""
        if canonical:
            # Group by the canonical name; show it when the text used it. A country is listed under
            # the name the text gives it most often ("КНДР", "Соединённые Штаты"): readers and the
            # scorer's folding know the common names, a catalogue name the text never uses helps no one.
            group = text_key(canonical)
            full = group in gaz.forced or key == group
            if group in gaz.forced:
                written = name
            name = canonical if full else name
        else:
            group, full = key, True
        mention = TextSpan(span.start_char, span.end_char)
        entry = by_key.get(group)
        if entry is None:
            entry = by_key[group] = _Entry(name=name, full=full, mentions=[mention])
        else:
            entry.mentions.append(mention)
            if full and not entry.full:
                entry.name, entry.full = name, True
            elif full == entry.full and entry.name.isupper() and not name.isupper():
                entry.name = name  # «КИРОВСКОЙ ОБЛАСТИ» of a heading, «Кировской области» of the text
            elif full == entry.full and not canonical and _with_status(name, entry.name):
                entry.name = name  # «в Боровичском районе», «Боровичского муниципального района»: the full name
            elif (
                not canonical
                and len(key) == 1
                and _reads_as_key(name, key)
                and not _reads_as_key(entry.name, key)
                and name not in soft_stem_cases(entry.name)
            ):
                # «в городе Щучинске … города Щучинска»: the form that is the key's own lemma is the nominative. Not
                # over a name on «-ь»/«-й», which no case ending has: «поселка Белколь … в Белколе» is Белколь, whatever
                # feminine «Белколя» the dictionary guesses as the lemma of both.
                entry.name = name
            elif not canonical and len(key) == 1 and entry.name in soft_stem_cases(name):
                entry.name = name  # «в Белколе … поселка Белколь»: the form on «-ь»/«-й» is the nominative
        if written:
            entry.written[written] += 1
        if not canonical and any(_lemma(w) == _OPTIONAL_WORD for w in _WORD.findall(name)):
            entry.with_status += 1
        elif not canonical and not _shares_its_noun(span, name) and not quoted[span.start]:
            # (A quoted body's name, «МУП «Коммунальные сети Цивильского округа»», is no choice of the place's name.)
            entry.without_status += 1
            entry.short = entry.short or name
    for entry in by_key.values():
        if entry.written:
            entry.name = entry.written.most_common(1)[0][0]
        elif entry.short and entry.with_status and entry.without_status >= entry.with_status:
            entry.name = entry.short
    _merge_republics(by_key)
    _merge_short_forms(by_key)
    _merge_soft_stem_cases(by_key)
    _merge_turkic_spellings(by_key)
    _merge_plural_genitives(by_key)
    _merge_cut_endings(by_key)
    _merge_abbreviations(by_key)
    _merge_second_names(by_key)
    _merge_renamed_districts(by_key, {TextSpan(span.start_char, span.end_char) for span in by_district_body})
    for span in spans:
        part = _part_of_place(span)
        if part is not None:
            by_key.setdefault(
                text_key(part), _Entry(name=part, full=True, mentions=[TextSpan(span.start_char, span.end_char)])
            )
    text = doc_text(doc)
    tags = _HASHTAG.findall(text)
    for entry in by_key.values():
        entry.name = _hashtag_form(entry.name, tags) or entry.name
    return tuple(
        LocationFinding(name=e.name, mentions=tuple(e.mentions))
        for e in by_key.values()
        # «С.М.Халтурин»: an initial glued to a name is no place of one letter. «#Аулиеколь» under a post files the
        # post under a place the report does not name (the golds list none such, and list those the text names too:
        # «в Ереване … #Ереван»).
        # A tag line under a post files it as a hashtag does: «Теги: Ил Тумэн, санавиация, Арктика».
        if sum(ch.isalpha() for ch in e.name) > 1
        and not all(mention.hashtag_of(text) or in_tag_line(text, mention.start) for mention in e.mentions)
    )


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, locations=find_locations(doc, findings.persons))
