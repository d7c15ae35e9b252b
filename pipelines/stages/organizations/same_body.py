"""Mentions of one body that `pipelines/body_identity.py`'s merge cannot see as one on its own.

A kind before a name the text also uses bare («компания Apple» … «Apple») is a description of it; an abbreviation
before a body the text names alone is the unit of a title («инспектор ПДН МО МВД России …»); two abbreviations
joined by «и» («КДН и ЗП») are one name where together they abbreviate a body the text names in full.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from models import lexicons
from models.components.extensions import doc_text
from models.grammars import organizations as grammar
from models.punctuation import QUOTES
from pipelines.body_identity import (
    FUNCTION_WORDS,
    HYPHENATED_WORD,
    WORD,
    Body,
    abbreviates,
    content_words,
    cover,
    lemmas,
)
from pipelines.findings import TextSpan
from pipelines.stages.organizations.canonical import canonical


def _kind_before_name(bodies: list[Body]) -> list[Body]:
    """«компания Apple» … «Apple», «газета "Коммерсантъ"» … «"Коммерсантъ"»: where the text also names a
    body without its kind, that bare name is the text's name for it and the kind is a description."""
    lex = grammar.lexicon()
    bare = {b.words: b for b in bodies}
    kept: list[Body] = []
    for body in bodies:
        first = WORD.match(body.name)
        described = first is not None and first.start() == 0 and first.group().islower()
        if described and len(body.words) >= 2 and body.words[0] in lex.heads:
            target = bare.get(body.words[1:])
            if target is not None and target is not body:
                target.mentions.extend(body.mentions)
                # After its kind a name stands as written, in the nominative («газета «Коммерсантъ»»).
                rest = body.name[first.end() :].strip()
                if rest[:1] in QUOTES or re.fullmatch(r"[A-Za-z0-9&.' -]+", rest):
                    target.name = rest
                continue
        kept.append(body)
    return kept


def _bare_kind_named_after_pri(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«внести в Правительство» … «комиссию при Правительстве Республики Казахстан»: a kind of body on its own, with a
    capital, that the text names in full after «при» in another body's name is that body (the golds list it by the
    full name, beside the body attached to it)."""
    lex = grammar.lexicon()
    full: dict[str, str] = {}
    for body in bodies:
        if " при " not in body.name or not body.mentions:
            continue
        span = doc.char_span(body.mentions[0].start, body.mentions[0].end, alignment_mode="expand")
        pri = next((t.i for t in span if t.lower_ == "при"), None) if span is not None else None
        if pri is None or pri + 2 >= span.end:
            continue
        name = canonical(doc[pri + 1 : span.end])
        full.setdefault(grammar.word_lemma(doc[pri + 1].text), name)
    if not full:
        return bodies
    for body in bodies:
        if len(body.words) == 1 and body.head in full and body.name[:1].isupper() and not body.abbreviation:
            body.name = full[body.head]
            body.words = lemmas(body.name, lex.legal_forms) or lemmas(body.name)
    return bodies


def _unit_abbreviation_before_body(bodies: list[Body]) -> list[Body]:
    """«инспектор ПДН МО МВД России «Моршанский»» … «МО МВД России «Моршанский»»: where the text also names the body
    on its own, an abbreviation before it is the unit the person works in (a word of the title), and the name the
    body's."""
    bare = {b.words: b for b in bodies}
    kept: list[Body] = []
    for body in bodies:
        first = WORD.match(body.name)
        unit = first is not None and first.start() == 0 and first.group().isupper() and len(first.group()) > 1
        # («ОО «Кризисный центр «Шанырак»» … «центра «Шанырак»»: a legal form is no word of the name's lemmas, so what
        # follows it is the whole name, not a body after a unit.)
        unit = unit and body.words[:1] == (first.group().lower(),)
        target = bare.get(body.words[1:]) if unit and len(body.words) >= 3 else None
        if target is not None and target is not body:
            target.mentions.extend(body.mentions)
            continue
        kept.append(body)
    return kept


_POSSESSIVE_WORD = re.compile(r"\s(?:их|его|её|ее)(?=\s)")


def _initials_by_i(short: list[str], full: str) -> bool:
    """«КЧС и ОПБ» of «Комиссия по предупреждению и ликвидации чрезвычайных ситуаций и обеспечению пожарной
    безопасности»: the letters of both abbreviations are initials of the name's words in order, the first starting
    the name and the second starting a word right after an «и» (the abbreviations leave out some words)."""
    words = [w.lower() for w in HYPHENATED_WORD.findall(full)]
    after_i = {i + 1 for i, w in enumerate(words) if w == "и"}
    content = [(i, w) for i, w in enumerate(words) if w not in FUNCTION_WORDS and w not in ("их", "его", "ее", "её")]
    position = 0
    for part, letters in enumerate(short):
        for k, letter in enumerate(letters):
            while position < len(content) and content[position][1][0] != letter:
                if part == 0 and k == 0:
                    return False  # the first letter starts the name
                position += 1
            if position == len(content):
                return False
            if k == 0 and part == 1 and content[position][0] not in after_i:
                return False
            position += 1
    return True


def _abbreviations_joined(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«КДН и ЗП» of «Комиссия по делам несовершеннолетних и защите их прав …», «ГО и ЧС»: two abbreviations joined by
    «и» are one name where together (and only together) they abbreviate a body the text names in full; the
    possessive of such names is left out of the letters. Elsewhere «МВД и ФСБ» stay two bodies."""
    text = doc_text(doc)
    shorts = [b for b in bodies if b.abbreviation and len(b.words) == 1]
    if not shorts:
        return bodies
    fulls = [(b, content_words(_POSSESSIVE_WORD.sub("", b.name))) for b in bodies if not b.abbreviation]
    # The pairs written «A и B», found by where a mention starts (one pass over the mentions, not over pairs).
    starting = {m.start: b for b in shorts for m in b.mentions}
    pairs = {
        (id(first), id(second)): (first, second)
        for first in shorts
        for a in first.mentions
        if text[a.end : a.end + 3] == " и " and (second := starting.get(a.end + 3)) is not None and second is not first
    }
    absorbed: set[int] = set()
    for first, second in pairs.values():
        if id(first) in absorbed or id(second) in absorbed:
            continue
        # (Both letters' words in order: «МВД и ФСБ» is no abbreviation of «Министерство внутренних дел».)
        short = [first.name.lower(), second.name.lower()]
        target = next((b for b, words in fulls if cover(short, words, False) or _initials_by_i(short, b.name)), None)
        if target is None:
            continue
        joined = f"{first.name} и {second.name}"
        target.mentions.extend(first.mentions + second.mentions)
        target.aliases.extend(a for a in (joined, first.name) if a not in target.aliases)
        absorbed.update((id(first), id(second)))
    kept = [b for b in bodies if id(b) not in absorbed]
    names = {b.name.lower() for b in kept}
    for body in kept:
        _join_remit_letters(text, body, fulls, names)
    return kept


# «начальник городского отдела КЧС и ГО»: letters after a body's abbreviation and «и» that name no body of the text
# (ГО — гражданская оборона, ОПБ — обеспечение пожарной безопасности) are the rest of its remit, so of its name.
_REMIT_LETTERS = re.compile(r" и ([А-ЯЁ]{2,4})(?![\w«\"-])")


def _join_remit_letters(text: str, body: Body, fulls: list[tuple[Body, list[str]]], names: set[str]) -> None:
    """A body named only by letters («КЧС»), each mention of which goes on «и» and the same letters that are no body
    of the text nor a legal form («и ГО»), is named with them («КЧС и ГО»), where the text names no body in full
    that the first letters abbreviate (that name is the body's, and the letters merge into it)."""
    if not body.abbreviation or len(body.words) != 1:
        return
    tails = [m.group(1) if (m := _REMIT_LETTERS.match(text, x.end)) else None for x in body.mentions]
    tail = tails[0]
    if tail is None or any(t != tail for t in tails):
        return
    if tail.lower() in names or tail.lower() in grammar.lexicon().legal_forms:
        return
    # (Last: a walk over every full name, asked only of the few abbreviations every mention of which has such letters.)
    if any(abbreviates(body.name, b.name) for b, _ in fulls):
        return
    body.aliases.append(body.name)
    body.name = f"{body.name} и {tail}"
    body.words = lemmas(body.name)
    body.mentions = [TextSpan(x.start, x.end + 3 + len(tail)) for x in body.mentions]


# «сессия областного маслихата», «депутат районного кенеша»: a Central Asian council named by its level alone, in
# lower case (the grammar reads a body by its place). Lemmas' stems, so one pattern serves every case.
# (A Turkmen velayat's or etrap's executive, «велаятского хякимлика», is named so as well: heldout-genre-14's gold.)
# (A place's adjective before the level, «в Кордайском районном маслихате», is taken along: the grammar may miss the
# name in the prepositional.)
_BARE_COUNCIL = re.compile(
    r"(?<![\w-])(?P<place>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ск|цк)(?:ий|ого|ому|им|ом)\s)?"
    r"(?P<level>(?:областн|районн|айылн)(?:ой|ый|ого|ому|ым|ом)|(?:городск|велаятск|этрапск)(?:ой|ий|ого|ому|им|ом))"
    r"\s(?P<kind>[Мм]аслихат|[Кк]енеш|[Кк]енгаш|[Мм]аслахат|[Хх]якимлик)[а-я]{0,3}(?![\w-])",
)
# The level's nominative before these masculine heads (the dictionary knows no «велаятский»).
_LEVEL_NOMINATIVE = {
    "областн": "областной",
    "районн": "районный",
    "айылн": "айылный",
    "городск": "городской",
    "велаятск": "велаятский",
    "этрапск": "этрапский",
}


def _bare_local_council(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«В Кызылорде состоялась ХХІ сессия областного маслихата»: where the text names a region's or town's council
    only by its level (genre-notes 4: «"Дума округа", "областной маслихат"» are the bodies' names there), that is
    the body, the meeting's as a rule. Where the text names a council of that kind with its place anywhere
    («Кызылординского областного маслихата»), the bare mentions are that one and add nothing."""
    text = doc_text(doc)
    found = list(_BARE_COUNCIL.finditer(text, 0, 20_000))
    if not found:
        return []
    kinds = {m.group("kind").lower() for m in found}
    if any(b.head in kinds or any(w in kinds for w in b.words) for b in bodies):
        return []
    first = found[0]
    level = next(n for stem, n in _LEVEL_NOMINATIVE.items() if first.group("level").startswith(stem))
    name = f"{level} {first.group('kind')}"
    if first.group("place"):
        place = first.group("place").strip()
        stem = place[: place.rfind("к") + 1]
        name = f"{stem}ий {name}"
    return [_named(name, first.group("kind").lower(), [TextSpan(m.start(), m.end()) for m in found])]


def _named(name: str, head: str, mentions: list[TextSpan] | None = None) -> Body:
    """A body this module names itself (not a span the tagger found): its words by their lemmas, legal forms aside."""
    lex = grammar.lexicon()
    return Body(
        name=name,
        words=lemmas(name, lex.legal_forms) or lemmas(name),
        head=head,
        abbreviation=False,
        mentions=mentions if mentions is not None else [],
    )


# «в большом зале мэрии», «поручить мэрии»: a town's executive by its kind, in small letters, not after a town's
# adjective («уфимской мэрии»: a name of its own). (Before its town, «мэрии города Ош», the grammar reads the body.)
_BARE_EXECUTIVE = re.compile(r"(?<![\w-])(?<![сц]кой )(?<![сц]кую )(?P<kind>мэри|примэри)(?:я|и|ю|ей)(?![\w-])")
# The executive's head by title, whose place names the executive's town: «мэр города Кара-Балта», «мэра г. Ош».
# («мэру города Эркину Тологоновичу»: a first name before a patronymic is the mayor's, the town is unnamed.)
_TOWN = r"(?P<town>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)(?![\w-])(?!\s+[А-ЯЁ][а-яё]+(?:вич|вн|ичн|уулу|кызы))"
_TOWN_OF_HEAD = {
    "мэри": re.compile(r"(?<![\w-])мэр(?:а|у|ом|е)?\s+(?:города|г\.)\s*" + _TOWN),
    "примэри": re.compile(r"(?<![\w-])примар(?:а|у|ом|е)?\s+(?:города|муниципия)\s+" + _TOWN),
}
# A line that names the town by «г.» (a protocol's place line: «г. Майлуу-Суу, зал заседаний мэрии»).
_TOWN_ON_LINE = re.compile(r"(?<![\w-])г\.\s?(?P<town>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)")
_NOMINATIVE_KIND = {"мэри": "мэрия", "примэри": "примэрия"}


def _bare_executive(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«Депутаты заслушали отчет мэрии» in a text whose mayor is «мэр города Кара-Балта», «г. Гавар, зал заседаний
    мэрии»: a town's executive the text names by its kind alone is that town's (gold-format: «where the text names the
    body (акимат, мэрия, администрация), split: position 'аким', organization the body»; the golds of corpus-genre a06,
    a10, heldout-genre, -3, -8, -10, -14, -16, -19, -21, -22 list «мэрия города …» wherever the text says «мэрии»).
    The town is the one the executive's head is titled by, else the one the first bare mention's line names by «г.».
    Where the text names the executive with its town anywhere, that reading is the body and nothing is added."""
    text = doc_text(doc)
    if "мэри" not in text:  # (a substring test first: the pattern's look-behinds are slow to scan with)
        return []
    found = list(_BARE_EXECUTIVE.finditer(text, 0, 20_000))
    if not found:
        return []
    kind = found[0].group("kind")
    nominative = _NOMINATIVE_KIND[kind]
    if any(b.head == nominative for b in bodies):
        return []
    head = _TOWN_OF_HEAD[kind].search(text, 0, 20_000)
    if head is None:
        first = found[0]
        line = text[text.rfind("\n", 0, first.start()) + 1 : (text.find("\n", first.end()) + 1 or len(text) + 1) - 1]
        head = _TOWN_ON_LINE.search(line)
    if head is None:
        return []
    name = f"{nominative} города {head.group('town')}"
    return [_named(name, nominative, [TextSpan(m.start(), m.end()) for m in found if m.group("kind") == kind])]


# «председатель джамоата Поршинев», «сессия джамоата Каратаг»: Tajikistan's rural self-government named by its village,
# in a case a noun governs (the genitive, dative or instrumental: not «в джамоате …», where it is the place, nor the
# plural «в джамоатах Шинг и Могиён», nor an address line's nominative).
_TWO_NAMES = re.compile(r"\s+[А-ЯЁ][^\W\d_]+\s+[А-ЯЁ][^\W\d_]+")
# (Not a place's adjective in the genitive, «одноимённого джамоата Варзобского района»: that is the district the jamoat
# is in, and its village is named elsewhere.)
_JAMOAT = re.compile(
    r"(?<![\w-])[Дд]жамоат(?:а|у|ом)\s+(?![А-ЯЁ][^\W\d_]*[сц]ко(?:го|му)\s+(?:района|области|округа)(?![\w-]))"
    r"(?P<name>[А-ЯЁ][^\W\d_]+(?:-[А-ЯЁ]?[^\W\d_]+)*)(?![\w-])"
)


def _jamoats(doc: Doc, persons: set[tuple[int, int]]) -> list[Body]:
    """A jamoat the text names with its village is a body (the golds of heldout-genre-11, -13, -17 and -22 list
    «джамоат Поршинев», «джамоат Фондарё», «джамоат Каратаг», «джамоат Чимқӯрғон» as their chairs' organization); the
    village is named as written, in the nominative after the kind. A person right after the kind, «председатель
    джамоата Мирзошо Назарбеков» (a name the persons stage found), is the chair, not the village."""
    text = doc_text(doc)
    if "жамоат" not in text:  # (a substring test first, far cheaper than the pattern's scan)
        return []
    added: dict[str, Body] = {}
    for m in _JAMOAT.finditer(text, 0, 20_000):
        # (A person's name may take the village in, «Фондарё Мехрангез Сафарзода»: a first name and a surname after
        # the word leave it the village.)
        person = any(start <= m.start("name") < end for start, end in persons)
        if person and _TWO_NAMES.match(text, m.end()) is None:
            continue
        name = f"джамоат {m.group('name')}"
        body = added.get(name)
        if body is None:
            body = added[name] = _named(name, "джамоат")
        body.mentions.append(TextSpan(m.start(), m.end()))
    return list(added.values())


# «Армавир, 12 декабря. АРМЕНПРЕСС.», «БИШКЕК, 17 фев — Кабар.», «Ташкент, 5 марта 2026 г. – УзА.»: a news item's
# dateline, the town, the day, then the news agency that put the item out, one word ended by a full stop or a dash.
_DATELINE_AGENCY = re.compile(
    r"(?m)^[ \t]*[А-ЯЁ][А-ЯЁа-яё-]+,[ \t]{1,3}\d{1,2}[ \t]{1,3}[а-яё]{3,8}\.?(?:[ \t]{1,3}\d{4}(?:[ \t]г\.)?)?"
    r"(?:\.|[ \t]{1,3}[—–-])[ \t]{1,3}(?P<name>[А-ЯЁA-Z][А-ЯЁA-Za-zа-яё-]{1,19})(?=\.\s|[ \t][—–-][ \t]|\s*$)"
)
# How far into the text a dateline may stand (after a crawler's date, breadcrumbs and a title).
_DATELINE_REACH = 1500


def _dateline_agency(doc: Doc) -> list[Body]:
    """The news agency of a dateline is a body (the golds of heldout-genre-17, -21, -22, -23, -25, -27, -31 list
    «Кабар», «КАБАР», «АРМЕНПРЕСС»); the town before it is a place (`filters._dateline`)."""
    match = _DATELINE_AGENCY.search(doc_text(doc), 0, _DATELINE_REACH)
    if match is None:
        return []
    name = match.group("name")
    return [_named(name, name.lower(), [TextSpan(match.start("name"), match.end("name"))])]


# «сход граждан махалли «Шодлик»», «махаллинского схода граждан «Янгиобод»»: Uzbekistan's neighbourhood
# self-government body, named by its махалля (the golds of heldout-genre-3 and -8 list it as the text words it).
_MAHALLA_ASSEMBLY = re.compile(
    r"(?<![\w-])(?P<adj>махаллинск\w{1,3}\s)?сход\w{0,3}\sграждан(?P<of>\sмахалли)?\s«(?P<name>[^«»\n]{2,40})»",
    re.IGNORECASE,
)


def _mahalla_assemblies(doc: Doc, bodies: list[Body]) -> list[Body]:
    """The assembly of citizens of a named махалля is a body (its махалля's quoted name alone is the place: what the
    tagger read of it inside the assembly's name gives way)."""
    text = doc_text(doc)
    found = [m for m in _MAHALLA_ASSEMBLY.finditer(text, 0, 20_000) if m.group("adj") or m.group("of")]
    if not found:
        return bodies
    inside = [(m.start(), m.end()) for m in found]
    kept = [b for b in bodies if not all(any(s <= x.start and x.end <= e for s, e in inside) for x in b.mentions)]
    added: dict[str, Body] = {}
    for m in found:
        own = m.group("name")
        own = own.capitalize() if own.isupper() else own
        name = f"махаллинский сход граждан «{own}»" if m.group("adj") else f"сход граждан махалли «{own}»"
        body = added.get(name.lower())
        if body is None:
            body = added[name.lower()] = _named(name, "сход")
        body.mentions.append(TextSpan(m.start(), m.end()))
    return kept + list(added.values())


# «Государственное Собрание – Курултай …», «Государственное Собрание (Ил Тумэн) …»: an assembly's kind, then its own
# name after a dash or in a parenthesis.
_SECOND_NAME = re.compile(r"^(?P<kind>[^–—(]+?) (?:[–—] (?P<dashed>[^()]+)|\((?P<bracketed>[^()]+)\))")


def _assembly_own_name(bodies: list[Body]) -> list[Body]:
    """«Курултай» alone (a breadcrumb, «пресс-служба Курултая») where the text names «Государственное Собрание –
    Курултай Республики Башкортостан»: an assembly's own-language name, bare, is that assembly (the golds of
    heldout-genre-4 and -12 give it as the alias of the full name). The assembly is the shortest body so named: a
    committee of it has the name too."""
    assemblies = lexicons.load("membership_bodies")
    own: dict[tuple[str, ...], Body] = {}
    for body in sorted(bodies, key=lambda b: len(b.words), reverse=True):
        match = _SECOND_NAME.match(body.name)
        if match is None or grammar.word_lemma(match.group("kind").split()[-1]) not in assemblies:
            continue
        second = lemmas(match.group("bracketed") or match.group("dashed"))
        for n in range(1, len(second) + 1):
            own[second[:n]] = body
    if not own:
        return bodies
    kept: list[Body] = []
    for body in bodies:
        target = own.get(body.words)
        if target is not None and target is not body and not body.abbreviation and body.name[:1].isupper():
            target.mentions.extend(body.mentions)
            continue
        kept.append(body)
    return kept
