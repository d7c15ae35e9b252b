"""Units and the bodies they are part of: the gold lists the body, the unit stays in the post (gold-format).

A unit («комитет по бюджету», «управление образования», «территориальный отдел …») is no body a person represents.
This module tells a unit from a body (`_is_subunit`); finds the body a unit's name or mention names with it
(`parent_body`, `_parent_by_level`, `_parent_in_unit_name`, `_body_after_unit`, `_listed_body_after_unit`), the
executive holding the meeting a unit of an executive serves (`_unit_of_meeting_executive`), an assembly's unit at the
assembly's own meeting (`_assembly_unit`, `_meeting_of_unit`) and the body a post names by part of its name
(`body_in_post`); and words the unit into the post, in the genitive (`_post_with_unit`, `_unit_in_post`,
`_described_unit`, `_with_unit_remit`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from models import lexicons, loading
from models.components.extensions import doc_text
from pipelines.body_identity import state_service_remit
from pipelines.findings import MeetingFinding, OrganizationFinding, PersonFinding
from pipelines.normalize import nominative
from pipelines.stages.membership._words import _COMPOUND, _head, _lemma_set, _lemmas, _stem
from pipelines.stages.membership.place_heads import _executive

# Sub-units of an executive body whose head a post names («начальник управления образования»).
_UNITS = frozenset({"управление", "отдел", "департамент", "сектор", "служба"})
_EXECUTIVE_WORDS = frozenset({"исполнительный"})


def _office_staff(words: list[str]) -> bool:
    """«аппарат акима Толебийского сельского округа», «секретариат президента»: the staff of an office named after
    it is a body of its own (`org_office_staffs.txt`), not a unit."""
    if len(words) < 2 or not _lemma_set(words[0]) & lexicons.load("org_office_staffs"):
        return False
    return any(_lemma_set(w) & lexicons.load("org_office_holders") for w in words[1:4])


@lru_cache(maxsize=50_000)  # asked of every body for every person
def _is_subunit(name: str) -> bool:
    """«комитет по бюджету и финансам», «постоянная комиссия …», «Отделение …»: a unit of some body. A named
    body («Евразийская экономическая комиссия», «Следственный комитет») begins with a capital adjective."""
    units = lexicons.load("org_subunits") | lexicons.load("position_subunits")
    if _office_staff(_COMPOUND.findall(name)):
        return False
    words = _COMPOUND.findall(name.split("«")[0])
    for k, word in enumerate(words):
        if _lemma_set(word) & units:
            return True
        adjective = any(p.tag.POS in ("ADJF", "ADJS") for p in loading.parse(word.lower()))
        if not adjective or (k == 0 and word[:1].isupper() and not _assembly_unit_kind(words)):
            return False
    return False


def _assembly_unit_kind(words: list[str]) -> bool:
    """«Постоянная комиссия …», «Постоянный комитет …»: an assembly's unit named by its rank, capitalised where the
    name opens a sentence, is still a unit (unlike «Евразийская экономическая комиссия»)."""
    return (
        len(words) > 1
        and bool(_lemma_set(words[0]) & lexicons.load("org_unit_kinds"))
        and bool(_lemma_set(words[1]) & lexicons.load("assembly_units"))
    )


def _post_with_unit(position: str | None, unit: str | None, key: str) -> str | None:
    """The post with the unit it serves in, unless the post names the unit already (by its `key` word's stem)."""
    post = position or ""
    if unit and key[:5] not in post.lower():
        post = f"{post} {unit}".strip()
    return post or None


def _unit_of_meeting_executive(
    unit: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None, meeting_words: set[str]
) -> str | None:
    """The local executive body holding the meeting («заседание акимата области»), for a unit of an executive
    (`_UNITS`) whose own body the text does not name."""
    words = _COMPOUND.findall(unit)
    if not words or not _lemma_set(words[0]) & _UNITS:
        return None
    # «Департамент полиции Жамбылской области», «отдел полиции Жылыойского района»: a national service's body of a
    # named place answers to its ministry, not to the place's executive (`state_service_remit`).
    if state_service_remit(words[1:]) and any(w[:1].isupper() for w in words[1:]):
        return None
    executive = _executive(orgs, body)
    if executive is None or not _head(executive.name) & meeting_words:
        return None
    return executive.name


def unit_of_one_executive(
    unit: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None
) -> tuple[str, str] | None:
    """«Начальник управления ЖКХ Светлана Ли» where the text names the one local executive, «администрация города
    Салехарда»: a unit of an executive (`_UNITS`) the text does not list, naming no other body or place in its
    remit, is that executive's (gold-format: the top-level body; the unit stays in the post). Its remit may end
    in the executive's kind («департамент образования администрации г. Южно-Сахалинска»). (the unit in the
    genitive for the post, the executive's name); None where the unit names a national service's remit (police,
    emergencies: its ministry's) or the text lists no single executive."""
    words = _COMPOUND.findall(unit.split("«")[0])
    if len(words) < 2 or not _lemma_set(words[0]) & _UNITS or any(o.name == unit and o.listed for o in orgs):
        return None
    if state_service_remit(words[1:]):
        return None
    executive = _executive(orgs, body)
    if executive is None:
        return None
    kinds = _head(executive.name) & (lexicons.load("membership_executives") | {"комитет"})
    end = next((k for k, w in enumerate(words) if k > 0 and _lemma_set(w) & kinds), len(words))
    remit = words[1:end]
    # «Управление Росреестра», «отдел Ленинского района»: a capitalised word in the remit names another body or
    # place; an abbreviation of a remit («ЖКХ», «ЗАГС») does not.
    if not remit or any(w[:1].isupper() and not w.isupper() for w in remit):
        return None
    parses = [p for p in loading.parse(words[0].lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    form = parses[0].inflect({"gent", "sing"}) if parses else None
    if form is None:
        return None
    return " ".join([form.word, *remit]), executive.name


def _unit_in_post(unit: str) -> str | None:
    """«управление энергетики и ЖКХ Атырауской области» → «управления энергетики и ЖКХ»: the unit's kind in the
    genitive, its remit kept, its place (the executive's) left out."""
    kind, _, rest = unit.partition(" ")
    parses = [p for p in loading.parse(kind.lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    form = parses[0].inflect({"gent", "sing"}) if parses else None
    if form is None:
        return None
    remit = []
    for word in rest.split():
        if word[:1].isupper():
            break
        remit.append(word)
    return " ".join([form.word, *remit])


def _described_unit(name: str, bare: bool = False) -> str | None:
    """«Финансовое управление Администрации города Пскова» → «финансового управления»: a unit of an executive body
    (`_UNITS`) named by its adjectives, its parent after it (with `bare`, none after it: «Финансовое управление»);
    the unit in the genitive a post takes, else None."""
    words = _COMPOUND.findall(name.split("«")[0])
    for k, word in enumerate(words):
        parses = loading.parse(word.lower())
        if not parses:
            return None
        if parses[0].tag.POS == "ADJF":
            continue
        if k == 0 or not _lemma_set(word) & _UNITS or (k + 1 < len(words) if bare else k + 1 >= len(words)):
            return None
        forms = []
        for adjective in words[: k + 1]:
            parse = next((p for p in loading.parse(adjective.lower()) if p.tag.case == "nomn"), None)
            form = parse.inflect({"gent"}) if parse is not None else None
            if form is None:
                return None
            forms.append(form.word)
        return " ".join(forms)
    return None


def parent_body(unit: str, orgs: tuple[OrganizationFinding, ...]) -> OrganizationFinding | None:
    """The body a unit's name names in its genitive tail, when the text names that body apart: «комиссия …
    Законодательного собрания Ленинградской области» → «Законодательное собрание Ленинградской области»,
    «комитет по ЖКХ администрации района» → «администрация Ханты-Мансийского района» (the top-level body a
    person represents; the unit stays in the post)."""
    # «Комитет Жогорку Кенеша по аграрной политике»: the body may stand before the unit's remit too.
    for words in (_COMPOUND.findall(unit), _COMPOUND.findall(unit.split(" по ")[0])):
        for i in range(1, len(words)):
            tail = {_stem(w) for w in words[i:]}
            for org in orgs:
                own = _COMPOUND.findall(org.name)
                if org.name == unit or not own or _stem(own[0]) != _stem(words[i]) or _is_subunit(org.name):
                    continue
                if not _lemma_set(own[0]) & _lemma_set(words[i]):
                    # «Департамент полиции Актюбинской области» is no unit of «областной маслихат»: the place's
                    # «области» shares a stem with the body's «областной», not the word.
                    continue
                stems = {_stem(w) for w in own}
                # The body's own name in the genitive, or its kind named bare («администрации района»).
                if tail == stems or (words[i].islower() and tail <= stems):
                    return org
    return _parent_by_level(unit, orgs)


def _parent_by_level(unit: str, orgs: tuple[OrganizationFinding, ...]) -> OrganizationFinding | None:
    """«постоянная комиссия областного Кенгаша по аграрным вопросам» → «Джизакский областной Кенгаш народных
    депутатов»: the body named in the unit's genitive tail by its level and kind alone, in small letters, is the one
    listed body of that kind whose name has those words (its place's adjective before them)."""
    words = _COMPOUND.findall(unit.split(" по ")[0])
    kind = next((k for k, w in enumerate(words) if k > 0 and _lemma_set(w) & lexicons.load("membership_bodies")), None)
    if kind is None or not all(w.islower() for w in words[:kind]):
        return None
    level = kind - 1 if kind > 1 and _lemma_set(words[kind - 1]) & lexicons.load("org_levels") else kind
    if level == kind or kind + 1 < len(words):
        return None  # «комиссия Кенгаша», «комиссия областного Кенгаша народных депутатов»: other shapes
    tail = {_stem(w) for w in words[level:]}
    found = {
        o.name: o
        for o in orgs
        if o.name != unit
        and not _is_subunit(o.name)
        and _head(o.name) & _lemma_set(words[kind])
        and tail <= {_stem(w) for w in _COMPOUND.findall(o.name)}
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _parent_in_unit_name(doc: Doc, unit: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«Комитет Совета Федерации по социальной политике» → «Совет Федерации», «Постоянная комиссия Палаты
    представителей по образованию» → «Палата представителей»: an assembly's unit (комитет, комиссия) named with its
    body, by capitalised words in the genitive right after the unit's kind (before its remit), in any of the unit's
    mentions; the body in the nominative. Not a place («комитет Ленинградской области» is the region's)."""
    org = next((o for o in orgs if o.name == unit), None)
    for mention in org.mentions if org is not None else ():
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        kind = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None) if span is not None else None
        if kind is None or not _lemma_set(kind.text) & lexicons.load("assembly_units") or kind.i + 1 >= span.end:
            continue  # «Отделение Социального фонда России по Самарской области» is a body of its own
        first = doc[kind.i + 1]
        if not first.text[:1].isupper() or not first.is_alpha or first.ent_type_ == "LOC":
            continue
        if "Gen" not in first.morph.get("Case"):
            continue
        end = next((t.i for t in doc[first.i : span.end] if t.lower_ == "по"), span.end)
        name = nominative(doc[first.i : end]).strip(" ,")
        if name and not _is_subunit(name):
            return name[:1].upper() + name[1:]
    return None


def _body_after_unit(doc: Doc, unit: str, orgs: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """A unit listed together with the body it belongs to («территориальный отдел Управления Роспотребнадзора по
    Кемеровской области»): in one of its mentions, a capitalised kind of body (`org_heads`) in the genitive after
    the unit's own words opens the body; (the unit as the text words it, the body in the nominative)."""
    org = next((o for o in orgs if o.name == unit), None)
    heads = lexicons.load("org_heads")
    for mention in org.mentions if org is not None else ():
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        for token in span[1:]:
            # (A local executive's kind opens its name in small letters too: «финансовая служба мэрии Марнеульского
            # муниципалитета».)
            named = token.text[:1].isupper() or (
                _is_subunit(unit) and bool(_lemma_set(token.text) & lexicons.load("membership_executives"))
            )
            if named and "Gen" in token.morph.get("Case") and _lemma_set(token.text) & heads:
                own = doc[span.start : token.i]
                # «Управление МВД России по области»: a unit's word alone is the body's own regional office.
                if len(own) < 2 or not any(_lemma_set(t.text) & lexicons.load("org_subunits") for t in own):
                    break
                body = nominative(doc[token.i : span.end]).strip()
                return (own.text, body) if len(_COMPOUND.findall(body)) > 1 else None
    return None


def _listed_body_after_unit(
    doc: Doc, person: PersonFinding, orgs: tuple[OrganizationFinding, ...]
) -> tuple[str, str] | None:
    """A unit the organizations stage did not list, whose words run straight into a listed body's mention in the
    person's title («начальник Ишимского межрайонного отдела | Управления Росреестра по Тюменской области»): (the
    unit as the title words it, that body)."""
    unit = person.organization or ""
    words = _COMPOUND.findall(unit)
    if any(o.name == unit for o in orgs) or not any(_lemma_set(w) & lexicons.load("org_subunits") for w in words):
        return None
    stems = [_stem(w) for w in words]
    for mention in person.mentions:
        for org in orgs:
            for body in org.mentions:
                if not 0 <= mention.start - body.end <= 8:  # the title ends at the body, the name follows
                    continue
                window = doc_text(doc)[max(0, body.start - 80) : body.start]
                before = list(_COMPOUND.finditer(window))[-len(stems) :]
                if [_stem(m.group()) for m in before] == stems:
                    return window[before[0].start() : before[-1].end()], org.name
    return None


def _body_named_after_unit_elsewhere(
    doc: Doc, unit: str, orgs: tuple[OrganizationFinding, ...]
) -> OrganizationFinding | None:
    """«Финансовое управление» listed bare, from «специалист … Финансового управления», where the text writes it
    elsewhere straight before a listed body («начальника Финансового управления Администрации Северодвинска»): the
    unit is that body's (the one body of its kind so named)."""
    words = _COMPOUND.findall(unit)
    if len(words) < 2 or not any(_lemma_set(w) & lexicons.load("org_subunits") for w in words):
        return None
    stems = [_stem(w) for w in words]
    text = doc_text(doc)
    found: dict[str, OrganizationFinding] = {}
    for org in orgs:
        if org.name == unit or _is_subunit(org.name):
            continue
        for body in org.mentions:
            before = list(_COMPOUND.finditer(text[max(0, body.start - 80) : body.start]))[-len(stems) :]
            if [_stem(m.group()) for m in before] == stems:
                found[org.name] = org
                break
    return next(iter(found.values())) if len(found) == 1 else None


def _meeting_of_unit(meeting: MeetingFinding) -> bool:
    """«заседание комитета», «заседание постоянной комиссии»: the meeting is held by a unit of an assembly."""
    words = _COMPOUND.findall(meeting.body or meeting.title or "")
    kinds = [w for w in words if _lemma_set(w) & (lexicons.load("membership_bodies") | lexicons.load("assembly_units"))]
    return bool(kinds) and bool(_lemma_set(kinds[0]) & lexicons.load("assembly_units"))


def _with_unit_remit(position: str | None, unit: str, text: str | None = None) -> str | None:
    """«председатель комитета» of «Комитет по социальной политике» → «председатель комитета по социальной
    политике»: when the body becomes the person's organization, the unit stays in the post (gold-format). With
    `text`, only where the text writes the post with the remit: «Заседание вёл председатель комитета Низами
    Шахмаров» keeps the text's wording, the remit named only in the meeting's heading."""
    kind, _, remit = unit.partition(" по ")
    words = _COMPOUND.findall(position or "")
    if text is not None and words and remit and not _post_with_remit_in(text, words[-2:], remit):
        return position
    # «комиссия по бюджету Законодательного собрания»: a remit naming the body is left to the body.
    if any(w[:1].isupper() and not w.isupper() for w in _COMPOUND.findall(remit)):
        return position
    kind_words = _COMPOUND.findall(kind)
    if not remit or not words or " по " in (position or "") or not kind_words:
        return position
    # «комитет Законодательного Собрания Тверской области по аграрной политике»: the body named between the kind
    # and its remit is the organization; the kind and the remit are the post's.
    if len(kind_words) > 1 and not kind_words[1][:1].isupper():
        return position
    if not _lemma_set(words[-1]) & _lemma_set(kind_words[0]) & lexicons.load("assembly_units"):
        return position
    return f"{position} по {remit}"


def _post_with_remit_in(text: str, post: list[str], remit: str) -> bool:
    """The text writes the post's last words and the remit together, in any case: «председателя комитета по …»."""
    first = _COMPOUND.findall(remit)[:1]
    if not first:
        return False
    stems = [re.escape(w.lower().replace("ё", "е")[:5]) + r"[а-яё]*" for w in [*post, "по", first[0]]]
    stems[-2] = "по"
    return re.search(r"[ \t\n]+".join(stems), text.lower().replace("ё", "е")) is not None


@lru_cache(maxsize=50_000)  # `body_in_post` reads every body's words for every person: once per name
def _body_words(name: str) -> tuple[list[str], list[str], bool] | None:
    """A body's words before its quoted name, their stems and whether they name an office's staff (`_office_staff`);
    None for a unit or a name of fewer than three words."""
    own = _COMPOUND.findall(name.split("«")[0])
    if len(own) < 3 or _is_subunit(name):
        return None
    return own, [_stem(w) for w in own], _office_staff(own)


def body_in_post(position: str, orgs: tuple[OrganizationFinding, ...]) -> tuple[str, OrganizationFinding] | None:
    """A body of the text the post names by part of its name: «главный специалист аппарата акима сельского округа»
    → (главный специалист, «аппарат акима Толебийского сельского округа»); «аким Толебийского сельского округа
    Шуского района» with «аппарат акима Толебийского сельского округа» named → (аким, that office's staff). The
    post keeps what stands before the body (gold-format: the organization is not repeated in the position)."""
    matches = list(_COMPOUND.finditer(position))
    words = [m.group() for m in matches]
    stems = [_stem(w) for w in words]
    starts: list[int] | None = None
    for org in orgs:
        named = _body_words(org.name)
        # A body the text names only through this title («заместитель министра финансов … области», not listed)
        # stays the post's words (`positions._ministry`).
        if named is None or not org.listed:
            continue
        own, own_stems, staff = named
        if starts is None:
            # Where in the post a body may start, the same for every body (read once, not once per body):
            # «заместитель главы администрации по экономике»: a remit is the post's, and a head named by the kind of
            # the body keeps the kind (`positions._KINDS_IN_POST`).
            starts = [
                i
                for i in range(1, len(words) - 1)
                if "по" not in stems[i:]
                and not _lemma_set(words[i]) & lexicons.load("position_kinds_in_post")
                and words[i].islower()
            ]
        for i in starts:
            # The body by its kind and some of its words: «аппарата акима сельского округа».
            tail = stems[i:]
            if tail[0] == own_stems[0] and set(tail) <= set(own_stems) and len(tail) >= 3:
                return position[: matches[i].start()].rstrip(" ,"), org
        if staff and [w[:4] for w in stems[: len(own) - 1]] == [w[:4] for w in own_stems[1:]]:
            # The office holder's own post with the office's place: «аким Толебийского сельского округа».
            rest = position[matches[len(own) - 2].end() :].strip()
            post = words[0] if not rest.startswith("по ") else f"{words[0]} {rest}"
            return post, org
    return None


def _assembly_unit(unit: str, position: str | None) -> bool:
    """«комитет по бюджету и финансам» with no body or place named: at the assembly's own meeting, its unit.
    «Комитет по здравоохранению Ленинградской области» names a body of the region's government (the unit's
    first word may be capitalized where its name opens a heading, and the post may write its kind so: «член
    Комитета»)."""
    if any(
        w[:1].isupper() and not _lemma_set(w) & lexicons.load("assembly_units")
        for w in _COMPOUND.findall(f"{unit} {position or ''}")[1:]
    ):
        return False
    kind = _lemmas(unit.split(" по ")[0])
    # «председатель районного исполнительного комитета»: a body of a place's level, or an executive, is a body of
    # its own, not a unit of the assembly meeting.
    return bool(kind & lexicons.load("assembly_units")) and not kind & (lexicons.load("org_levels") | _EXECUTIVE_WORDS)
