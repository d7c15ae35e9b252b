"""A body named by its kind: a post's bare kind, a company's legal kind, a quoted name without it, a short name.

«ректор университета» linked to a body of another kind takes the listed university (`_bare_kind_of_post`);
«директор товарищества» the company of that kind named last before them (`_named_by_legal_kind`); the bare «Береке»
the listed «крестьянское хозяйство «Береке»», or the kind before the quote in the person's title (`_quoted_with_kind`,
`_kind_before_quote`), the kind then leaving the post (`_without_kind`); «Совет депутатов» the one body of that kind
the text names in full (`_named_in_full`). A registered form kept with its quoted name is one of
`org_legal_phrases.txt` (`_legal_form`), unlike a description («клуб», «движение»).
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc

from models import lexicons, loading
from models.components.extensions import doc_text
from models.grammars.organizations import legal_phrases
from pipelines.findings import OrganizationFinding, PersonFinding
from pipelines.normalize import nominative
from pipelines.stages.membership._words import _COMPOUND, _head, _lemma_set, _stem


def _bare_kind_of_post(position: str) -> frozenset[str] | None:
    """«инспектор палаты», «член президиума палаты», «ректор университета» → {палата}, {университет}: a post that
    ends on a body's bare kind in the genitive, in small letters, no name, place or remit of its own (a unit's kind,
    «председатель комиссии», is no body's)."""
    if "," in position:
        return None
    words = _COMPOUND.findall(position)
    if len(words) < 2 or len(words) > 4 or not all(w.islower() for w in words[1:]):
        return None
    last = words[-1]
    parses = loading.parse(last)
    if not parses or parses[0].tag.POS != "NOUN" or parses[0].tag.case != "gent":
        return None
    kind = frozenset({parses[0].normal_form.replace("ё", "е")})
    units = lexicons.load("org_subunits") | lexicons.load("position_subunits")
    if kind & units or not kind & lexicons.load("org_heads"):
        return None
    return kind


# A company's kind, as a text refers back to it, and the legal forms whose head noun it is.
_LEGAL_KINDS = {
    "предприятие": frozenset({"муп", "гуп", "фгуп", "мп", "гп", "уп", "мкп"}),
    "товарищество": frozenset({"тоо"}),
    "общество": frozenset({"ооо", "оао", "зао", "пао", "ао", "нао", "одо", "осоо"}),
    "учреждение": frozenset({"гбу", "мбу", "гу", "мку", "гку", "гау", "фгбу", "гбуз", "мбоу", "кгу"}),
    "кооператив": frozenset({"спк", "пк", "схпк"}),
}


def _named_by_legal_kind(person: PersonFinding, orgs: tuple[OrganizationFinding, ...]) -> tuple[str, str] | None:
    """(the company, the post) for «директор предприятия», «директор товарищества»: the company of that kind named
    last before the person (by its legal form's abbreviation or its spelled-out kind)."""
    words = (person.position or "").split()
    if len(words) < 2 or "," in (person.position or "") or not person.mentions:
        return None
    kind = next((k for k in _lemma_set(words[-1]) if k in _LEGAL_KINDS), None)
    if kind is None:
        return None
    first = min(m.start for m in person.mentions)
    best: tuple[int, str] | None = None
    for org in orgs:
        head = _COMPOUND.findall(org.name)
        if not head or "«" not in org.name:
            continue
        of_kind = head[0].lower() in _LEGAL_KINDS[kind] or any(kind in _lemma_set(w) for w in head[:3])
        before = [m.start for m in org.mentions if m.start < first]
        if of_kind and before and (best is None or max(before) > best[0]):
            best = (max(before), org.name)
    return (best[1], " ".join(words[:-1])) if best is not None else None


# The most words a body's kind before its quoted name takes («махаллинского схода граждан»).
_KIND_WORDS = 8


_QUOTED_NAME = re.compile(r"[«\"“]([^»\"”]+)[»\"”]")


def _quoted_with_kind(name: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«Береке», «Мекен-Мигрант» with no kind of body: the one listed organization that is this name in quotes after
    its kind («крестьянское хозяйство «Береке»», «Общественный фонд «Мекен-Мигрант»»)."""
    # (A quoted name may go on in small letters, «Ота мерос»; its first word has the capital.)
    if _QUOTED_NAME.search(name) or name[:1].islower():
        return None
    stems = [_stem(w) for w in _COMPOUND.findall(name)]
    if not stems:
        return None
    found = {
        o.name
        for o in orgs
        if (quoted := _QUOTED_NAME.search(o.name)) is not None
        and _legal_form(o.name[: quoted.start()])
        and [_stem(w) for w in _COMPOUND.findall(quoted.group(1))] == stems
    }
    return found.pop() if len(found) == 1 else None


def _kind_before_quote(doc: Doc, person: PersonFinding) -> str | None:
    """«Председатель махаллинского схода граждан «Янгиобод» Рустам Отажонов» linked to the bare «Янгиобод» where the
    organizations stage listed no body of that kind: the kind before the quoted name in the person's title and the
    name are the body, in the nominative («махаллинский сход граждан «Янгиобод»»)."""
    name = person.organization or ""
    stems = [_stem(w) for w in _COMPOUND.findall(name)]
    if not stems or _QUOTED_NAME.search(name) or any(w[:1].islower() for w in _COMPOUND.findall(name)):
        return None
    for mention in person.mentions:
        before = doc_text(doc)[max(0, mention.start - 160) : mention.start]
        quoted = list(_QUOTED_NAME.finditer(before))
        if not quoted or before[quoted[-1].end() :].strip(" ,") or quoted[-1].group(1).strip() == "":
            continue
        last = quoted[-1]
        if [_stem(w) for w in _COMPOUND.findall(last.group(1))][:1] != stems[:1]:
            continue
        offset = mention.start - len(before)
        span = doc.char_span(offset + last.start(), offset + last.end(), alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        start = span.start
        # The kind: a noun with the words of its name after it in the genitive («схода граждан»), the adjectives
        # before it («махаллинского»); not the post's own head («председатель»).
        # (A kind is a few words: the walk stops after `_KIND_WORDS`, however long a run of genitives.)
        floor = max(0, span.start - _KIND_WORDS)
        while start > floor and doc[start - 1].is_lower and "Gen" in doc[start - 1].morph.get("Case"):
            start -= 1
        while start < span.start and doc[start].pos_ not in ("ADJ", "NOUN"):
            start += 1
        if start == span.start or not any(t.pos_ == "NOUN" for t in doc[start : span.start]):
            continue
        if not _legal_form(doc[start : span.start].text):
            continue
        words = nominative(doc[start : span.end]).strip()
        return words[:1].lower() + words[1:] if words else None
    return None


def _legal_form(kind: str) -> bool:
    """«крестьянское хозяйство», «общественный фонд», «производственный кооператив»: a registered form kept with
    the quoted name (`org_legal_phrases.txt`), unlike a description («клуб», «группа», «движение», «партия»)."""
    lemmas = [_lemma_set(w) for w in _COMPOUND.findall(kind)]
    phrases = legal_phrases()
    return any((a, b) in phrases for first, second in pairwise(lemmas) for a in first for b in second)


def _without_kind(position: str | None, organization: str) -> str | None:
    """«руководитель крестьянского хозяйства» of «крестьянское хозяйство «Береке»» → «руководитель»: the body's kind
    (its words before the quoted name, or the last of them) ends the post and is not repeated there."""
    if not position:
        return position
    words = _COMPOUND.findall(position)
    kind = [_stem(w) for w in _COMPOUND.findall(organization.split("«")[0].split('"')[0])]
    for size in (len(kind), 1):
        if 0 < size < len(words) and [_stem(w) for w in words[-size:]] == kind[-size:]:
            # «председатель городской думы» of the «дума» the meeting names: the kind's own adjectives in small
            # letters leave with it («председатель городской» is no post).
            at = len(words) - size
            while at > 1 and words[at - 1].islower() and _adjective_only(words[at - 1]):
                at -= 1
            cut = position[: position.lower().rfind(words[at].lower())].rstrip(" ,")
            return cut or position
    return position


def _adjective_only(word: str) -> bool:
    """A word read first as a full adjective («городской», «районного»; its rare noun reading aside)."""
    parses = loading.parse(word.lower())
    return bool(parses) and parses[0].tag.POS == "ADJF"


def _named_in_full(
    name: str, orgs: tuple[OrganizationFinding, ...], body: OrganizationFinding | None = None
) -> str | None:
    """«Совет депутатов», «Кенгаш» the title gave, where the text names the one body of that kind in full
    («Мядельский районный Совет депутатов»): the person represents the body under its full name."""
    if any(o.name == name for o in orgs):
        return None
    stems = {_stem(w) for w in _COMPOUND.findall(name)}
    head = _head(name)
    found = {
        o.name for o in orgs if stems and head & _head(o.name) and stems < {_stem(w) for w in _COMPOUND.findall(o.name)}
    }
    if len(found) > 1 and body is not None and body.name in found:
        # «Общественная палата» where the text names the republic's and the federation's: the one meeting.
        return body.name
    return found.pop() if len(found) == 1 else None
