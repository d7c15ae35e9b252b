"""Headings, letterheads and the units under them.

A heading typed in capitals is read again in sentence case (`_heading_bodies`): the text's first line naming a
body is the letterhead, the body whose record this is; lines wrapped under it are one name (`_lines_joined`);
units named under it by their field alone are named with its body (`_unit_of_letterhead`,
`_units_under_letterhead`), and so is the council a protocol under an institution's letterhead sits for
(`_council_of_protocol`). What the tagger read of such a line in capitals gives way to the heading's reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from models import lexicons, loading
from models.components.extensions import doc_text, sentence_of
from models.grammars import organizations as grammar
from pipelines.body_identity import WORD, Body, lemmas
from pipelines.deadline import check_deadline
from pipelines.findings import OrganizationFinding, TextSpan
from pipelines.headings import HEADING_CHARS, Heading, headings, proper_form, reading
from pipelines.stages.organizations._common import _GOVERNING_COUNCILS
from pipelines.stages.organizations.canonical import _head_index, canonical
from pipelines.stages.organizations.filters import _STATE_LETTERS

# Headings typed in capitals (`pipelines.headings`): the first few.
_MAX_HEADINGS = 3

_REGION_REST = re.compile(r"^\s(?:[а-яё-]+ (?:области|края)|республики [а-яё-]+(?: [а-яё-]+)?)$", re.IGNORECASE)

# Words that carry a letterhead's name on to its next line: «ОБЩЕСТВЕННЫЙ СОВЕТ / ПРИ УПРАВЛЕНИИ …», «ЭКСПЕРТНЫЙ
# СОВЕТ / при Уполномоченном …».
_LETTERHEAD_CONTINUATIONS = ("ПРИ ", "при ")
_QUOTED_NAME = re.compile(r"[«\"]\w")


# «[2025-04-17 07:52]», «## ×»: a crawler's stamp or a page's button above the letterhead is no line of the text.
_CHROME_LINE = re.compile(r"^\s*(?:\[[^\]\n]*\]|#+\s*×?)\s*$")
_MAX_CHROME_LINES = 2


_MAX_LETTERHEAD_LINES = 3

# The state languages' possessive («РЕСПУБЛИКАСЫ», «АДМИНИСТРАЦИЯСЫ», «ОБЛУСУ»; not «-СИ»: «МАДЖЛИСИ» is the
# Russian spelling) and their adjectives of place («РАЙОНДУК», «МАМЛЕКЕТТИК», «АЙЫЛДЫК»): endings no Russian word the
# morphology knows has.
_STATE_ENDING = re.compile(r"(?:С[ЫУҮ]|[ДТЛ][ЫИУҮ]К)$")


def _state_language_line(line: str) -> bool:
    """A letterhead's line in a state language: its own letters, Latin letters alone («GULISTON TUMANI …
    KENGASHI»), or a word in the state languages' endings the Russian morphology does not know."""
    if _STATE_LETTERS.search(line):
        return True
    if re.search(r"[A-Za-z]", line) and not re.search(r"[А-Яа-яЁё]", line):
        return True
    return any(
        _STATE_ENDING.search(word) and not any(p.is_known for p in loading.parse(word.lower()))
        for word in WORD.findall(line)
    )


def _first_line(text: str) -> int:
    """Where the text's first line starts, past blank lines and up to two lines of a crawler's chrome."""
    top = text[:HEADING_CHARS]
    start = len(top) - len(top.lstrip())
    for _ in range(_MAX_CHROME_LINES):
        end = top.find("\n", start)
        if end < 0 or not _CHROME_LINE.match(top[start:end]):
            break
        rest = top[end:]
        start = end + len(rest) - len(rest.lstrip())
    # «АҚТӨБЕ ОБЛЫСЫ ӘКІМДІГІ» / «АКИМАТ АКТЮБИНСКОЙ ОБЛАСТИ»: a letterhead in the state language, then the same in
    # Russian on the next line; the Russian line is the letterhead (the state-language one is no body's record name,
    # `filters._state_language`). So for a letterhead of several lines in each language: «КЫРГЫЗ РЕСПУБЛИКАСЫ / ЧҮЙ
    # ОБЛУСУ / КЕМИН РАЙОНДУК МАМЛЕКЕТТИК АДМИНИСТРАЦИЯСЫ» above «КЫРГЫЗСКАЯ РЕСПУБЛИКА / ЧУЙСКАЯ ОБЛАСТЬ /
    # ГОСУДАРСТВЕННАЯ АДМИНИСТРАЦИЯ КЕМИНСКОГО РАЙОНА».
    russian = start
    for _ in range(_MAX_LETTERHEAD_LINES):
        end = top.find("\n", russian)
        if end < 0 or not top[russian:end].isupper() or not _state_language_line(top[russian:end]):
            break
        russian = end + 1
    if russian > start:
        after = top.find("\n", russian)
        second = top[russian : after if after > 0 else len(top)]
        if second.strip() and second.isupper() and not _state_language_line(second):
            start = russian + len(second) - len(second.lstrip())
    return start


def _genitive_line(line: str) -> bool:
    """«АДМИНИСТРАЦИИ ГОРОДА …», «ШИЛОВСКОГО МУНИЦИПАЛЬНОГО РАЙОНА»: a line in capitals that opens with a word in the
    genitive goes on with the name above it (the body it belongs to, the place it serves)."""
    first = WORD.match(line)
    if first is None or first.start() != 0 or not line.isupper():
        return False
    parses = [p for p in loading.parse(first.group().lower()) if p.is_known]
    return any("gent" in p.tag for p in parses) and not any({"nomn", "sing"} <= p.tag.grammemes for p in parses)


def _continues(line: str, first: bool, above: str) -> bool:
    """The line goes on with the name on the line above: «при …» (the letterhead only), a genitive, «И …» that
    joins the last of a body's fields («КОМИССИЯ ПО ПРЕДУПРЕЖДЕНИЮ … / И ОБЕСПЕЧЕНИЮ ПОЖАРНОЙ БЕЗОПАСНОСТИ»), the
    field of a kind that ends the line above («… КОМИССИЯ / ПО РЕГУЛИРОВАНИЮ …»), or the quoted name of a legal form
    spelt out above it («… ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ / «НЕВИННОМЫССКИЙ КОЛЛЕДЖ …»»)."""
    if first and line.startswith(_LETTERHEAD_CONTINUATIONS):
        return True
    last = WORD.findall(above)[-1:]
    kinds = grammar.lexicon().heads | {phrase[-1] for phrase in grammar.legal_phrases()}
    kind = bool(last) and grammar.word_lemma(last[0].lower()) in kinds
    if kind and line.isupper() and (line.startswith("ПО ") or line.startswith(("«", '"'))):
        return True
    return line.startswith("И ") or _genitive_line(line)


def _lines_joined(lines: tuple[Heading, ...], first_line: int, text: str) -> tuple[Heading, ...]:
    """A name wrapped over lines («ОБЩЕСТВЕННЫЙ СОВЕТ» / «ПРИ МИНИСТЕРСТВЕ …», or the second line in sentence case;
    «КОМИССИЯ ПО ДЕЛАМ …» / «АДМИНИСТРАЦИИ ГОРОДА …») is one name: each line and the lines right under it that go
    on with it, read as one line too (same offsets: a line break becomes a blank). The lines joined stay lines of
    their own: the body the first is attached to is named in them."""
    joined_lines: list[Heading] = []
    for line in lines:
        first = line.start == first_line
        joined = line
        for _ in range(_MAX_LETTERHEAD_LINES - 1):
            after = joined.start + len(joined.text) + 1
            line_end = text.find("\n", after)
            raw = text[after : line_end if line_end >= 0 else len(text)]
            second = raw.rstrip()
            if text[after - 1 : after] != "\n" or not _continues(second, first, joined.text):
                break
            joined = Heading(f"{joined.text} {second}", joined.start, joined.words + len(second.split()))
            if second != raw:
                break  # (blanks at the line's end: the next line's offsets would shift)
        joined_lines.append(joined)
    return tuple(joined_lines)


# Units a letterhead's body has (assembly_units), named under it by their field alone: «Комитет по экологии …» under
# «ГОСУДАРСТВЕННЫЙ СОВЕТ РЕСПУБЛИКИ ТАТАРСТАН» is «Комитет Государственного Совета Республики Татарстан по экологии …».
_UNIT_BY_FIELD = re.compile(r"^((?:[А-ЯЁа-яё-]+ ){0,3}?(?:[Кк]омитет|[Кк]омиссия)) (по .+)$")


def _genitive(name: str) -> str:
    """A body's name in the genitive: its head and the adjectives before it decline, the rest stays."""
    lex = grammar.lexicon()
    words = name.split(" ")
    head = next((i for i, w in enumerate(words) if grammar.word_lemma(w) in lex.heads), None)
    if head is None:
        return name
    out = []
    for i, word in enumerate(words):
        if i <= head and word.isalpha():
            # («Милли Меджлис» → «Милли Меджлиса»: a word before the head that is no adjective stays as it is.)
            parse = next(
                (p for p in loading.parse(word.lower()) if "nomn" in p.tag and (i == head or p.tag.POS == "ADJF")),
                None,
            )
            form = parse.inflect({"gent"}) if parse is not None else None
            if form is not None:
                word = form.word.capitalize() if word[:1].isupper() else form.word
        out.append(word)
    return " ".join(out)


def _units_under_letterhead(doc: Doc, bodies: list[Body]) -> None:
    """«ГОСУДАРСТВЕННЫЙ СОВЕТ РЕСПУБЛИКИ ТАТАРСТАН» / «Комитет по экологии …» (a line of its own in sentence case under
    the letterhead): the unit is named with the letterhead's body, as a unit in capitals is (`_heading_bodies`)."""
    text = doc_text(doc)
    first_line = _first_line(text)
    letterhead = next((b for b in bodies if b.letterhead and b.mentions[0].start == first_line), None)
    if letterhead is None:
        return
    lex = grammar.lexicon()
    for body in bodies:
        mention = min(body.mentions, key=lambda m: m.start)
        if body is letterhead or body.letterhead or mention.start >= HEADING_CHARS:
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if line.strip() != text[mention.start : mention.end]:
            continue
        name = _unit_of_letterhead(body.name, letterhead.name)
        if name is not None:
            body.name, body.words = name, lemmas(name, lex.legal_forms) or lemmas(name)


def _sittings() -> frozenset[str]:
    return lexicons.load("meeting_events") - grammar.lexicon().heads


def _units_of_assembly_sitting(doc: Doc, bodies: list[Body]) -> None:
    """«Сегодня в Милли Меджлисе состоялось заседание Комитета по аграрной политике», «в малом зале Законодательного
    Собрания Оренбургской области состоялось заседание комитета по образованию …»: a committee named by its field
    alone, whose sitting the sentence reports in an assembly it named before, is that assembly's committee, named with
    it as under its letterhead (`_unit_of_letterhead`; the golds of heldout-genre-18 and -21)."""
    text = doc_text(doc)
    kinds = lexicons.load("membership_bodies")
    lex = grammar.lexicon()
    assemblies = [
        (m, other)
        for other in bodies
        if other.name[:1].isupper() and {grammar.word_lemma(w) for w in WORD.findall(other.name)} & kinds
        for m in other.mentions
    ]
    for body in bodies:
        match = _UNIT_BY_FIELD.match(body.name)
        # («комиссии по чрезвычайным ситуациям Молодечненского райисполкома»: a field naming its body already.)
        if body.composed or match is None or any(w[:1].isupper() for w in WORD.findall(match.group(2))):
            continue
        mention = min(body.mentions, key=lambda m: m.start)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0 or grammar.word_lemma(doc[span.start - 1].text) not in _sittings():
            continue
        sentence = sentence_of(doc, span.start)
        before = {
            id(other): other
            for m, other in assemblies
            if other is not body and _before_on_line(text, m, mention, sentence.start_char)
        }
        if len(before) != 1:
            continue
        name = _unit_of_letterhead(body.name, next(iter(before.values())).name)
        if name is not None:
            body.name, body.words, body.composed = name, lemmas(name, lex.legal_forms) or lemmas(name), True


def _before_on_line(text: str, mention: TextSpan, unit: TextSpan, sentence_start: int) -> bool:
    """`mention` is before `unit` in its sentence and on its line (a letterhead above a protocol's title is not)."""
    return sentence_start <= mention.start and mention.end <= unit.start and "\n" not in text[mention.end : unit.start]


# «ПРОТОКОЛ № 3 / заседания попечительского совета»: a protocol's title naming a council by its kind and adjective
# alone (a board with members from outside; an owner's executive, «заседания правления», is the owner's own people,
# `membership.letterheads._letterhead_owner`).
_PROTOCOL_COUNCIL = re.compile(r"^[ \t]*заседани[яе][ \t]+([а-яё-]+(?:[ \t]+[а-яё-]+)?[ \t]+совета)[ \t]*$", re.M)
_OWN_NAME = re.compile(r"«([^«»]+)»")


def _council_of_protocol(doc: Doc, bodies: list[Body]) -> list[Body]:
    """«ГБПОУ «НЕВИННОМЫССКИЙ КОЛЛЕДЖ …»» / «ПРОТОКОЛ № 3 / заседания попечительского совета»: the council is the
    institution's on the letterhead, named with the institution's own (quoted) name in the genitive, as
    `_unit_of_letterhead` names a committee; its other mentions by kind are it."""
    text = doc_text(doc)
    match = _PROTOCOL_COUNCIL.search(text, 0, HEADING_CHARS)
    if match is None:
        return []
    own = next(
        (o for b in bodies if b.letterhead and b.mentions[0].start < match.start() and (o := _OWN_NAME.search(b.name))),
        None,
    )
    span = doc.char_span(match.start(1), match.end(1))
    if own is None or span is None or grammar.word_lemma(own.group(1).split(" ")[0]) in _GOVERNING_COUNCILS:
        return []
    owner = _genitive(own.group(1))
    if owner == own.group(1):
        return []  # no kind of body to decline: no institution's name
    kind = canonical(span)
    name = f"{kind} {owner}"
    lex = grammar.lexicon()
    mentions = [TextSpan(m.start(), m.end()) for m in _any_case(kind).finditer(text)]
    words = lemmas(name, lex.legal_forms) or lemmas(name)
    mentions = mentions or [TextSpan(span.start_char, span.end_char)]
    return [
        Body(name=name, words=words, head=kind.split(" ")[-1], abbreviation=False, mentions=mentions, composed=True)
    ]


def _any_case(phrase: str) -> re.Pattern[str]:
    """«попечительский совет» in any case: each word's stem (an adjective's without its ending, a noun's without a
    final vowel) and up to three letters of ending."""
    stems = [
        re.sub(grammar.ADJECTIVE_ENDING, "", w) if w != phrase.split(" ")[-1] else w.rstrip("аеиоуыюяь")
        for w in phrase.lower().split(" ")
    ]
    return re.compile(r"(?i)\b" + r"\w{0,3}\s+".join(map(re.escape, stems)) + r"\w{0,3}\b")


def _unit_of_letterhead(name: str, parent: str) -> str | None:
    """The unit's full name with the letterhead's body in it, or None if `name` is no unit named by its field."""
    match = _UNIT_BY_FIELD.match(name)
    if match is None or grammar.word_lemma(match.group(1).split(" ")[-1]) not in lexicons.load("assembly_units"):
        return None
    owner = _genitive(parent)
    # An assembly's committee names the assembly before its field («Комитет Государственного Совета … по экологии»);
    # an executive's commission after it («Комиссия по делам несовершеннолетних … администрации города …»).
    if {grammar.word_lemma(w) for w in WORD.findall(parent)} & lexicons.load("membership_bodies"):
        return f"{match.group(1)} {owner} {match.group(2)}"
    first = WORD.match(owner)
    if first is not None and first.start() == 0 and loading.morph().word_is_known(first.group().lower()):
        owner = owner[:1].lower() + owner[1:]
    return f"{match.group(1)} {match.group(2)} {owner}"


# «ГАГАУЗИЯ ХАЛК ТОПЛУШУ – НАРОДНОЕ СОБРАНИЕ ГАГАУЗИИ», «КАРА-БАЛТА ШААРДЫК КЕҢЕШИ – КАРА-БАЛТИНСКИЙ ГОРОДСКОЙ
# КЕНЕШ»: a body's name in the state language, a dash and its name in Russian, on one line.
_BILINGUAL = re.compile(r"^(?P<own>[^–—\n]+?) [–—] (?P<russian>[^–—\n]+)$")


def _on_line(text: str, position: int, line_start: int) -> bool:
    """`position` is on the line that starts at `line_start`."""
    return line_start <= position and "\n" not in text[line_start:position]


def _state_language_half(words: str) -> bool:
    """Two words or more, in a state language's letters or one the dictionary does not know («ХАЛК ТОПЛУШУ»); not a
    Russian name's words before a dash of its own («АССАМБЛЕЯ ГОСУДАРСТВ – УЧАСТНИКОВ …»)."""
    found = WORD.findall(words)
    morph = loading.morph()
    return len(found) >= 2 and (
        _STATE_LETTERS.search(words) is not None or any(not morph.word_is_known(w.lower()) for w in found)
    )


def _russian_halves(lines: tuple[Heading, ...]) -> tuple[Heading, ...]:
    """A letterhead's line of two names joined by a dash is read as its Russian half (the one after the dash), a line
    of its own as it would be on two lines: in sentence case the half after the dash opens no sentence, and its kind
    («народное собрание») is no name there. The state-language half is no body's record name
    (`filters._state_language`)."""
    halves: list[Heading] = []
    for line in lines:
        match = _BILINGUAL.match(line.text)
        if match is not None and _state_language_half(match.group("own")):
            russian = match.group("russian")
            halves.append(Heading(russian, line.start + match.start("russian"), len(russian.split())))
        else:
            halves.append(line)
    return tuple(halves)


def _heading_bodies(doc: Doc, find: Callable[..., tuple[OrganizationFinding, ...]]) -> list[Body]:
    """Bodies named only in a heading typed in capitals, read again in sentence case (the taggers read capitals
    as names and abbreviations, see `_shouted`). A letterhead, the text's first line being a body's name
    («ЛИДСКИЙ РАЙОННЫЙ ИСПОЛНИТЕЛЬНЫЙ КОМИТЕТ»), is the body whose record this is; lines under it name its
    units. In a headline («В ХОКИМИЯТЕ НАМАНГАНСКОЙ ОБЛАСТИ ОБСУДИЛИ …») a body counts where the text names its
    kind again in lower case («Новости хокимията»). Few and short lines: bounded. `find` is the stage's finder
    (`find.find_organizations`), passed in so that this module does not import the one that imports it."""
    text = doc_text(doc)
    first_line = _first_line(text)
    # (The state-language lines above the letterhead's Russian ones name no body of the record: `_first_line`.)
    top = [h for h in headings(doc) if h.start + len(h.text) > first_line][:_MAX_HEADINGS]
    lines = _russian_halves(_lines_joined(tuple(top), first_line, text))
    if not lines:
        return []
    if _on_line(text, lines[0].start, first_line):
        first_line = lines[0].start  # (the letterhead's Russian half)
    letterhead_end = lines[0].start + len(lines[0].text) if lines[0].start == first_line else first_line
    under_places = _under_place_lines(text, first_line)
    lex = grammar.lexicon()
    spoken = {grammar.word_lemma(t.text) for t in doc if t.is_alpha and not t.is_upper}
    bodies: list[Body] = []
    for line in lines:
        check_deadline("organizations")
        heading, offset = line.text, line.start
        sentence = reading(doc, line)
        for org in find(sentence, headings=False):
            mention = org.mentions[0]
            span = sentence.char_span(mention.start, mention.end)
            if span is None:
                continue
            # (The region a municipal body's name leaves out is still its line's: `_without_region_of_municipality`.)
            rest = sentence.text[mention.end :].rstrip(".!? ")
            whole = mention.start == 0 and (mention.end >= len(heading.rstrip(".!?")) or bool(_REGION_REST.match(rest)))
            head = _head_index(span)
            lemma = sentence[head].lemma_ if head is not None else None
            letterhead = bodies[0].name if bodies and bodies[0].mentions[0].start == first_line else None
            unit_name = None
            # (A line the letterhead runs on over names the body the letterhead's belongs to: no unit of it.)
            if whole and offset != first_line and offset >= letterhead_end:
                # A unit under the letterhead, named by its field alone, is named with the letterhead's body; others
                # are the letterhead's units the text names in full.
                unit_name = _unit_of_letterhead(org.name, letterhead) if letterhead is not None else None
                # An institution with a name of its own under its founder's letterhead («МИНИСТЕРСТВО ОБРАЗОВАНИЯ … /
                # ГОСУДАРСТВЕННОЕ … УЧРЕЖДЕНИЕ / «… КОЛЛЕДЖ …»») is no unit of it: the body whose record this is.
                if unit_name is None and not _QUOTED_NAME.search(org.name) and offset != under_places:
                    continue
            if not whole and (lemma not in lex.heads or lemma not in spoken):
                continue
            # Sentence case lowers proper words too; the text writes them elsewhere with their capital.
            name = WORD.sub(lambda w: proper_form(doc, w.group()), unit_name or org.name)
            # («ОО «БЕЛОРУССКИЙ …»»: a legal form's abbreviation stays in capitals, as it is written everywhere.)
            name = WORD.sub(lambda w: _legal_form_case(w.group(), lex.legal_forms), name, count=1)
            bodies.append(
                Body(
                    name=name,
                    words=lemmas(name, lex.legal_forms) or lemmas(name),
                    head=lemma if lemma in lex.heads else None,
                    abbreviation=False,
                    mentions=[TextSpan(offset + mention.start, offset + mention.end)],
                    letterhead=True,
                    composed=unit_name is not None,
                )
            )
    return bodies


def _legal_form_case(word: str, legal_forms: frozenset[str]) -> str:
    return word.upper() if len(word) <= 6 and word.lower().replace("ё", "е") in legal_forms else word


# «РЕСПУБЛИКА МОРДОВИЯ», «ПРИДНЕСТРОВСКАЯ МОЛДАВСКАЯ РЕСПУБЛИКА / СЛОБОДЗЕЙСКИЙ РАЙОН»: the places a letterhead
# stands under, a line each.
_PLACE_LINE_KINDS = frozenset({"республика", "область", "край", "район", "округ"})
_MAX_PLACE_LINES = 2


def _under_place_lines(text: str, first_line: int) -> int:
    """Where the line under the letterhead's place lines starts (-1 if the text opens with no place line alone):
    the body on it is the one whose record this is, not a unit of a body above it. It is listed, and, as the golds
    of heldout-genre-12 06 and -6 09 have it, its line makes no unit of the lines under it (no letterhead)."""
    lex = grammar.lexicon()
    start, found = first_line, -1
    for _ in range(_MAX_PLACE_LINES):
        end = text.find("\n", start, HEADING_CHARS)
        if end < 0:
            break
        words = [w.lower() for w in WORD.findall(text[start:end])]
        line_upper = text[start:end].isupper()
        kinds = {grammar.word_lemma(w) for w in words}
        if not (line_upper and words and kinds & _PLACE_LINE_KINDS) or kinds & (lex.heads - _PLACE_LINE_KINDS):
            break
        start = found = end + 1
    return found


def _shouted_into_headings(bodies: list[Body], headed: list[Body]) -> list[Body]:
    """«ПОСОЛЬСТВО РЕСПУБЛИКИ БЕЛАРУСЬ» in a page's running header, the letterhead «Посольство Республики Беларусь в
    Республике Узбекистан» read in sentence case: a name typed in capitals that starts a heading's body is it."""
    if not headed:
        return bodies
    kept: list[Body] = []
    for body in bodies:
        folded = body.name.lower()
        target = None
        if body.name.isupper() and len(folded.split()) >= 2:
            target = next((h for h in headed if h.name.lower().startswith(folded)), None)
        if target is None:
            kept.append(body)
        else:
            target.mentions.extend(body.mentions)
    return kept


def _inside_line(doc: Doc, mention: TextSpan, bodies: list[Body]) -> bool:
    text = doc_text(doc)
    for body in bodies:
        start = body.mentions[0].start
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", start)
        if line_start <= mention.start and mention.end <= (line_end if line_end >= 0 else len(text)):
            return True
    return False
