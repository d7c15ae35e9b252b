"""The owner of the council meeting: its council's people, its councils and its units are the owner's.

Once `letterheads` found the owner («Алтайский государственный университет» at its учёный совет), a person linked
to the owner's council (`_own_council`, `_council_of`) represents the owner, the council kept in the post when it
has members of its own (`_with_council_owner`: «председатель совета старшеклассников»); a unit of the owner
(«Институт гуманитарных наук»: `_bare_unit`) goes into the post (`_with_owner`); the owner's legal form alone
(«Общество»), its short name, or a post ending on its level and kind stand for it (`_kind_of_owner`, `_short_of`,
`_post_names_owner`). A place a council is named for owns no one (`_OWNING_PLACES`).
"""

from __future__ import annotations

from dataclasses import replace

from models import lexicons, loading
from pipelines.findings import PersonFinding
from pipelines.stages.membership._words import _COMPOUND, _abbreviates, _head, _lemma_set, _stem
from pipelines.stages.membership.letterheads import _PROTOCOL_COUNCILS, _QUOTED
from pipelines.stages.membership.units import _is_subunit

# Units of a university or an academy («Институт гуманитарных наук», «факультет права», «кафедра истории»).
_ACADEMIC_UNITS = frozenset({"институт", "факультет", "кафедра"})


def _bare_unit(name: str) -> bool:
    """«Институт гуманитарных наук» with no owner or place of its own: at its university's council, a unit of it."""
    words = _COMPOUND.findall(name)
    return bool(words) and bool(_lemma_set(words[0]) & _ACADEMIC_UNITS) and not any(w[:1].isupper() for w in words[1:])


# «Общественный совет Петрозаводского городского округа»: a place a council is named for owns no one.
_OWNING_PLACES = frozenset({"город", "район", "область", "округ", "село", "поселение", "край", "республика", "община"})


def _kind_of_owner(name: str, owner: str) -> bool:
    """«Акционерное общество», «Общество» (a protocol's «генеральный директор Общества»): the owner's legal form alone,
    no name of its own, stands for the owner."""
    words = _COMPOUND.findall(name)
    if not words or len(words) > 2 or "«" in name or '"' in name or any(w[:1].isupper() for w in words[1:]):
        return False
    own = _QUOTED.search(owner)
    if own is None:
        return False
    kind = [w.lower() for w in _COMPOUND.findall(owner[: own.start()])]
    spelled = " ".join(w.lower() for w in words)
    return _lemma_set(words[-1]) & {"общество", "товарищество", "кооператив", "предприятие"} != set() and (
        spelled in (" ".join(kind), words[-1].lower()) or (len(kind) == 1 and _abbreviates(kind[0], words))
    )


def _post_names_owner(person: PersonFinding, owner: str) -> bool:
    """«председатель областной организации», «руководитель службы сестёр милосердия областной организации» at the
    meeting of «президиум Могилёвской областной организации БОКК»: a post (or the unit it was linked to) that ends
    on the owner's level and kind in small letters is the owner's, whatever other body of that kind it was linked
    to («районная организация …», where the meeting was hosted)."""
    if person.organization == owner:
        return False
    kind = _head(owner)
    owner_stems = {_stem(w) for w in _COMPOUND.findall(owner)}
    texts = (person.position or "").split(",")
    if person.organization is not None and _is_subunit(person.organization):
        texts.append(person.organization)
    for text in texts:
        words = _COMPOUND.findall(text)
        if len(words) < 3 or not all(w.islower() for w in words[-2:]):
            continue
        level, noun = words[-2:]
        if (
            _lemma_set(noun) & kind
            and _lemma_set(level) & lexicons.load("org_levels")
            and {
                _stem(level),
                _stem(noun),
            }
            <= owner_stems
        ):
            return True
    return False


def _own_council(name: str) -> bool:
    """«профком», «правление», «совет старшеклассников», «объединённый совет обучающихся»: a council of the owner
    named by its kind alone, not a body of its own name; its members are the owner's people."""
    words = _COMPOUND.findall(name)
    if not words or any(w[:1].isupper() for w in words[1:]) or "«" in name or '"' in name:
        return False
    # «Совет директоров», «Правление»: a protocol capitalizes the council's kind; a word after it in lower case.
    if words[0][:1].isupper() and not (_lemma_set(words[0]) & _PROTOCOL_COUNCILS and len(words) > 1):
        return False
    return any(_lemma_set(w) & _PROTOCOL_COUNCILS for w in words[:2])


def _council_of(name: str, owner: str, meeting_body: str | None) -> bool:
    """«учёный совет Уральского горного университета» of «Уральский горный университет», or the meeting's own body:
    the owner's council named with the owner, its words after the kind all the owner's."""
    if name == meeting_body:
        return True
    words = _COMPOUND.findall(name)
    kind = next((k for k, w in enumerate(words[:2]) if _lemma_set(w) & _PROTOCOL_COUNCILS), None)
    if kind is None or words[0][:1].isupper() or len(words) <= kind + 1:
        return False
    return {_stem(w) for w in words[kind + 1 :]} <= {_stem(w) for w in _COMPOUND.findall(owner)}


def _short_of(name: str | None, owner: str) -> bool:
    """«Палата предпринимателей» of «Палата предпринимателей Северо-Казахстанской области»: the owner's first words
    (two or more), nothing else."""
    words, full = _COMPOUND.findall(name or ""), _COMPOUND.findall(owner)
    return 2 <= len(words) < len(full) and [_stem(w) for w in words] == [_stem(w) for w in full[: len(words)]]


def _with_council_owner(person: PersonFinding, owner: str, meeting_body: str | None) -> PersonFinding:
    """The owner's council a person was linked to gives way to the owner. The meeting's own council («профком»,
    «совет школы» of the school) is not repeated in the post; another council with members of its own («совет
    старшеклассников», «объединённый совет обучающихся») stays in it: «председатель совета старшеклассников»."""
    name = person.organization or ""
    words = _COMPOUND.findall(name)
    kind = next((k for k, w in enumerate(words[:2]) if _lemma_set(w) & _PROTOCOL_COUNCILS), None)
    owner_stems = {_stem(w) for w in _COMPOUND.findall(owner)}
    remit = words[kind + 1 :] if kind is not None else []
    own = name == meeting_body or not remit or {_stem(w) for w in remit} <= owner_stems
    position = person.position
    if not own and position and kind is not None:
        unit = _council_genitive(words, kind)
        if unit is not None and _stem(words[kind]) not in {_stem(w) for w in _COMPOUND.findall(position)}:
            position = f"{position} {unit}"
    return replace(person, organization=owner, position=position)


def _council_genitive(words: list[str], kind: int) -> str | None:
    """«объединённый совет обучающихся» → «объединённого совета обучающихся»: the kind and its adjectives declined,
    the members it is named for kept."""
    out = []
    for k, word in enumerate(words):
        if k > kind:
            out.append(word)
            continue
        parses = [p for p in loading.parse(word.lower()) if p.tag.case == "nomn" and p.tag.number != "plur"]
        form = parses[0].inflect({"gent"}) if parses else None
        if form is None:
            return None
        out.append(form.word)
    return " ".join(out)


def _with_owner(person: PersonFinding, owner: str) -> PersonFinding:
    if person.organization is None:
        return replace(person, organization=owner)
    # The unit stays in the post (gold-format: sub-units are positions): «директор Института гуманитарных наук».
    unit = _genitive(person.organization)
    position = person.position if unit is None or unit.lower() in (person.position or "").lower() else None
    return replace(person, organization=owner, position=position or f"{person.position} {unit}")


def _genitive(name: str) -> str | None:
    """«Институт гуманитарных наук» → «Института гуманитарных наук»: the unit's kind declined, its remit kept."""
    kind, _, rest = name.partition(" ")
    parses = [p for p in loading.parse(kind.lower()) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    form = parses[0].inflect({"gent", "sing"}) if parses else None
    if form is None:
        return None
    word = form.word.capitalize() if kind[:1].isupper() else form.word
    return f"{word} {rest}".strip()
