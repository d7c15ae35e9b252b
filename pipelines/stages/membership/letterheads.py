"""Letterheads and headings: whose council meets, read from the meeting's title and the document's first lines.

A protocol of an inner council (правление, учёный совет, профком) names its owner after the council in the title
(«заседание учёного совета Алтайского государственного университета»: `_parent_of_meeting`) or on the letterhead
above its «ПРОТОКОЛ» line («СПК «КАБЫРДАКСКИЙ»»: `_letterhead_owner`; an institution without quotes:
`_institution_letterhead`). The owner is the listed body of that name or its abbreviation, else the letterhead's own
words in sentence case (`_sentence_case`). Councils of outsiders (попечительский, наблюдательный) are bodies of their
own. A title naming its body by the bare kind («заседания муниципалитета») takes the letterhead's full name
(`_letterhead_of_kind`). What the owner then takes is `owners`'.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.components.extensions import doc_text
from models.grammars.organizations import legal_phrases
from pipelines.findings import Findings, OrganizationFinding
from pipelines.normalize import nominative
from pipelines.stages.membership._words import _COMPOUND, _abbreviates, _lemma_set, _stem
from pipelines.stages.membership.kinds import _KIND_WORDS, _legal_form


def _letterhead_of_kind(text: str, kind: str) -> str | None:
    """«ШАМАХИНСКИЙ РАЙОННЫЙ МУНИЦИПАЛИТЕТ / ПРОТОКОЛ № 4 / заседания муниципалитета»: a meeting's title naming its
    body by the bare kind is the body the letterhead above the heading names whole (its place's adjectives and that
    kind), in sentence case."""
    if len(_COMPOUND.findall(kind)) != 1:
        return None
    head = _PROTOCOL_LINE.search(text[:_LETTERHEAD_SPAN])
    if head is None or not head.start():
        return None
    kinds = _lemma_set(kind)
    for line in (line.strip() for line in text[: head.start()].splitlines()):
        words = _COMPOUND.findall(line)
        if 1 < len(words) <= _KIND_WORDS and line.isupper() and _lemma_set(words[-1]) & kinds and "«" not in line:
            return _sentence_case(line)
    return None


# Councils and boards a body holds of its own people («учёный совет университета», «коллегия министерства»).
_INNER_COUNCILS = frozenset({"совет", "коллегия", "правление", "президиум"})


# An owner's name in the genitive after its council: a legal form's words and a few of its own, then its quoted name.
_OWNER_WORDS = 12
_QUOTED_WORDS = 15


def _parent_of_meeting(doc: Doc, findings: Findings) -> str | None:
    """The body whose own council holds the meeting, named in the genitive after the council in the meeting's
    title: «заседание учёного совета Алтайского государственного университета» → the university (its name in the
    text, an abbreviation of it such as «АлтГУ», or the title's words in the nominative). An owner named by its
    legal form and a quoted name («врачебного совета Государственного автономного учреждения здравоохранения
    «Республиканская больница»», «управляющего совета муниципального бюджетного общеобразовательного учреждения
    «Средняя школа № 3»») is read on past a title the meeting stage stopped short. «Совет при министерстве» is
    attached to the ministry, not part of it."""
    title = findings.meeting.title or ""
    at = doc_text(doc).find(title) if title else -1
    span = doc.char_span(at, at + len(title), alignment_mode="expand") if at >= 0 else None
    if span is None:
        return None
    # («заседание» alone: the council and its owner follow the title's word in the text.)
    council = next(
        (
            t
            for t in doc[span.start : min(len(doc), span.end + 3)]
            if t.is_lower and _lemma_set(t.text) & _INNER_COUNCILS
        ),
        None,
    )
    if council is None or council.i + 1 >= len(doc):
        return None
    start = council.i + 1
    if "Gen" not in doc[start].morph.get("Case"):
        return None
    limit = span.end if council.i < span.end else min(len(doc), start + _OWNER_WORDS)
    end = start
    while end < limit and _genitive_word(doc[end]):
        end += 1
    quoted = _quoted_at(doc, end)
    if not doc[start].text[:1].isupper() and (quoted is None or not _legal_form_words(doc[start:end])):
        return None  # «совета директоров», «совета при министерстве»: no owner's name of its own
    words = [t.text for t in doc[start:end]]
    if len(words) < 2 and quoted is None:
        return None
    stems = [_stem(w) for w in words]
    for org in findings.organizations:
        own_quote = _QUOTED.search(org.name)
        if quoted is not None:
            # An owner with a quoted name is the listed body with that name and the same kind (or its abbreviation).
            if own_quote is None or own_quote.group(1).lower() != doc[quoted.start + 1 : quoted.end - 1].text.lower():
                continue
            kind = _COMPOUND.findall(org.name[: own_quote.start()])
            if [_stem(w) for w in kind] == stems or (len(kind) == 1 and _abbreviates(kind[0].lower(), words)):
                return org.name
            continue
        own = _COMPOUND.findall(org.name)
        if [_stem(w) for w in own] == stems or (len(own) == 1 and _abbreviates(own[0].lower(), words)):
            return org.name
    if quoted is None:
        return nominative(doc[start:end])
    kind = nominative(doc[start:end]) if end > start else ""
    return f"{kind} {quoted.text}".strip()


def _genitive_word(token: Token) -> bool:
    # («Северо-Казахстанской» is one token, not alphabetic for spaCy.)
    return token.text.replace("-", "").isalpha() and "Gen" in token.morph.get("Case")


def _quoted_at(doc: Doc, i: int) -> Span | None:
    """The quoted name that opens at token `i` («Средняя школа № 3»), its quotes included; None if none does."""
    if i >= len(doc) or doc[i].text not in ("«", '"'):
        return None
    close = "»" if doc[i].text == "«" else '"'
    depth = 0
    for t in doc[i : min(len(doc), i + _QUOTED_WORDS)]:
        # «АО «НК «Қазақстан темір жолы»»: quotes nest.
        if t.text == "«" and close == "»":
            depth += 1
        elif t.text == close and (close == "»" or t.i > i):
            depth -= 1
            if depth <= 0:
                return doc[i : t.i + 1] if t.i > i + 1 else None
    return None


def _legal_form_words(words: Span) -> bool:
    """«муниципального бюджетного общеобразовательного учреждения»: a legal form spelled out (`org_legal_phrases`),
    its adjective and its kind with other adjectives between, not a council's own words such as «директоров»."""
    lemmas = [_lemma_set(t.text) for t in words]
    phrases = legal_phrases()
    return any(
        (a, b) in phrases for k, first in enumerate(lemmas) for later in lemmas[k + 1 :] for a in first for b in later
    )


# A protocol's heading: «ПРОТОКОЛ № 4», spaced out («П Р О Т О К О Л») or not, on a line of its own.
# A protocol's heading, or a стенограмма's («СТЕНОГРАММА / заседания правления»): the same record of the same council.
_PROTOCOL_LINE = re.compile(
    r"^[ \t]*(?:П[ \t]*Р[ \t]*О[ \t]*Т[ \t]*О[ \t]*К[ \t]*О[ \t]*Л|СТЕНОГРАММА)\b[^\n]*\n", re.M | re.I
)
# Letterhead and heading are the document's first lines, not a protocol quoted further on.
_LETTERHEAD_SPAN = 400
_QUOTED = re.compile(r"[«\"]([^»\"]+)[»\"]")


# A trade union's committee («профсоюзный комитет», «профком») is the inner council of its primary organization.
_PROTOCOL_COUNCILS = _INNER_COUNCILS | {"комитет", "профком"}


# Councils of people from outside the institution (`organizations.letterheads`): «попечительский совет» of a
# college is a body of its own, its members the college's trustees, not its staff.
_OUTSIDERS_COUNCILS = frozenset(
    {"попечительский", "наблюдательный", "общественный", "экспертный", "консультативный", "координационный"}
)


def _letterhead_owner(text: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«СПК «КАБЫРДАКСКИЙ» / ПРОТОКОЛ № 4 / заседания правления»: a protocol of an inner council (правление,
    совет директоров, президиум, профсоюзный комитет) that names no owner in its heading is the council of the
    organization on the letterhead above it; the listed organization with the letterhead's name (or its
    abbreviation) is that owner, else the letterhead's own words. Of several letterhead lines («ПРОФСОЮЗ
    ТРАНСПОРТНИКОВ / ПЕРВИЧНАЯ ПРОФСОЮЗНАЯ ОРГАНИЗАЦИЯ ООО «…»») the one with a quoted name is the owner's."""
    head = _PROTOCOL_LINE.search(text[:_LETTERHEAD_SPAN])
    if head is None or not head.start():
        return None
    kind_line = next((line for line in text[head.end() :].splitlines() if line.strip()), "")
    words = _COMPOUND.findall(kind_line)
    council = next((k for k, w in enumerate(words[:3]) if _lemma_set(w) & _PROTOCOL_COUNCILS), None)
    if council is None or any(_lemma_set(w) & _OUTSIDERS_COUNCILS for w in words[:council]):
        return None
    if any(w[:1].isupper() for w in words[council + 1 :]):
        # «заседания правления Общественного объединения «Нур»», «заседания Совета директоров АО «…»» names its owner
        # itself: the listed body with the heading's quoted name. («заседания Совета по региональному развитию
        # «Центр»»: a quoted name after the council's own remit in small letters is the council's, no owner's.)
        quote = kind_line.find("«")
        if quote >= 0 and not any(w[:1].isupper() for w in _COMPOUND.findall(kind_line[:quote])[council + 1 :]):
            return None
        return _owner_in_heading(kind_line, orgs)
    lines = [line.strip() for line in text[: head.start()].splitlines() if line.strip()]
    letterhead = _joined_letterhead(lines)
    quoted = _QUOTED.search(letterhead)
    if quoted is None:
        return _institution_letterhead(lines, orgs)
    kind = _COMPOUND.findall(letterhead[: quoted.start()] if quoted else letterhead)
    if not kind or _lemma_set(kind[0]) & _INNER_COUNCILS:
        return None  # the letterhead names the council itself: it is the body holding the meeting
    for org in orgs:
        own = _QUOTED.search(org.name)
        if quoted is None or own is None or own.group(1).lower() != quoted.group(1).lower():
            continue
        own_kind = _COMPOUND.findall(org.name[: own.start()])
        same = [_stem(w) for w in own_kind] == [_stem(w) for w in kind]
        if same or (len(own_kind) == 1 and _abbreviates(own_kind[0].lower(), kind)):
            return org.name
    registered = _legal_form(" ".join(kind)) or kind[-1].lower() in lexicons.load("org_legal_forms")
    if quoted is None or not letterhead.isupper() or not registered:
        return None
    # «ПЕРВИЧНАЯ ПРОФСОЮЗНАЯ ОРГАНИЗАЦИЯ АО «…»», «СПК «…»», listed nowhere: the letterhead in sentence case.
    return _sentence_case(letterhead[: quoted.end()])


def _names_a_listed_parent(name: str, orgs: tuple[OrganizationFinding, ...]) -> bool:
    """«Томское региональное отделение общероссийской общественной организации «…»» beside the listed «Общероссийская
    общественная организация «…»»: an owner named by its kind whose quoted name is another listed body's."""
    quoted = _QUOTED.search(name)
    if quoted is None or name.startswith(("«", '"')):
        return False
    return any(
        o.name != name and (own := _QUOTED.search(o.name)) is not None and own.group(1) == quoted.group(1) for o in orgs
    )


def _joined_letterhead(lines: list[str]) -> str:
    """The letterhead line with the quoted name; «АЛТАЙСКАЯ РЕСПУБЛИКАНСКАЯ ОРГАНИЗАЦИЯ / ВСЕРОССИЙСКОЙ … ОРГАНИЗАЦИИ
    «…»» is one name broken over two lines: a quoted line opening in the genitive continues the line above it."""
    at = next((k for k, line in enumerate(lines) if _QUOTED.search(line)), None)
    if at is None:
        return lines[0] if lines else ""
    start = at
    if at > 0 and lines[at].startswith(("«", '"')) and lines[at - 1].isupper() and not _QUOTED.search(lines[at - 1]):
        # «МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ / «СРЕДНЯЯ ШКОЛА № 3»»: a line that opens with
        # its quoted name carries the legal form typed on the line above it.
        start = at - 1
    while start > 0 and not _QUOTED.search(lines[start - 1]) and _opens_in_genitive(lines[start]):
        start -= 1
    return " ".join(lines[start : at + 1])


def _institution_letterhead(lines: list[str], orgs: tuple[OrganizationFinding, ...]) -> str | None:
    """«АНГРЕНСКИЙ ТЕХНИКУМ ГОРНОГО ДЕЛА И ЭНЕРГЕТИКИ / ПРОТОКОЛ № 4 / заседания педагогического совета»: an
    institution named without quotes (`org_proper_kinds`: техникум, университет, колледж, школа …) whose own council
    meets. The letterhead's first line typed in capitals, headed by such a kind after its adjectives, is the owner:
    the listed body with the same words, else the line in sentence case."""
    kinds = lexicons.load("org_proper_kinds")
    for line in lines[:_LETTERHEAD_LINES]:
        words = _COMPOUND.findall(line)
        if len(words) < 2 or not line.isupper() or any(ch.isdigit() for ch in line):
            continue
        noun = next((k for k, w in enumerate(words) if not _adjective(w)), None)
        if noun is None or not _lemma_set(words[noun]) & kinds:
            continue
        stems = [_stem(w) for w in words]
        listed = next((o.name for o in orgs if [_stem(w) for w in _COMPOUND.findall(o.name)] == stems), None)
        return listed or _sentence_case(line)
    return None


# An institution's letterhead is one of the document's first lines (a region's or an address's line follows it).
_LETTERHEAD_LINES = 3


def _adjective(word: str) -> bool:
    parses = loading.parse(word.split("-")[-1].lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


def _opens_in_genitive(line: str) -> bool:
    words = _COMPOUND.findall(line)
    parses = loading.parse(words[0].lower()) if words else []
    cases = {p.tag.case for p in parses}
    return "gent" in cases and "nomn" not in cases


def _owner_in_heading(line: str, orgs: tuple[OrganizationFinding, ...]) -> str | None:
    quoted = _QUOTED.search(line)
    if quoted is None:
        return None
    for org in orgs:
        own = _QUOTED.search(org.name)
        words = _COMPOUND.findall(org.name)
        if own is None or own.group(1).lower() != quoted.group(1).lower() or not words:
            continue
        if not _lemma_set(words[0]) & _PROTOCOL_COUNCILS:  # the owner, not the council named with it
            return org.name
    return None


def _sentence_case(line: str) -> str:
    """A letterhead typed in capitals in sentence case: its first word and a quoted name's first word capitalized,
    legal forms' abbreviations (`org_legal_forms`: АО, ООО) kept in capitals."""
    forms = lexicons.load("org_legal_forms")
    out: list[str] = []
    for k, word in enumerate(re.split(r"(\s+)", line)):
        lower = word.lower()
        bare = lower.strip('«»"')
        if bare in forms:
            out.append(word)
        elif k == 0 or word.startswith(("«", '"')):
            lead = len(word) - len(word.lstrip('«"'))
            out.append(word[: lead + 1] + lower[lead + 1 :])
        else:
            out.append(lower)
    return "".join(out)
