"""Speakers and quotes: who addressed the meeting or is quoted, what they said, and their role.

A person spoke when a name (or the title it stands in apposition to) is the subject of a speech
verb («заявил глава исполкома Андрей Воробьев»), the owner of a speech noun («по словам X»,
«заслушан отчёт X»), or the antecedent of «он/она» in «— сказал он». The quote is the «…» segment
of that sentence. «Под председательством X» and «X открыл заседание» make X the chair.
A verb with a speech object («задал вопрос», «обратил внимание») is a speech verb; speech announced
(«выступит», «будет докладывать», an agenda's «Докладчик –» line) or said of a passive subject
(«отмечены волонтёры») is not; instructions («поручил») are speech where the text reports a meeting held.
«Выступили: X, Y и Z», «X, <должность>: «…»» and «слово предоставлено X» make speakers too, as do a
name's own relative clause or participle of speech («которая объявила», «выступивший с докладом»), a quote
attributed to a bare title («…», – подчеркнул глава района) and denied verbs that state («не исключил»);
so does an adverbial participle of speech under the subject's verb («её поддержал X, напомнив о …»). A subject
that took no part («участия в обсуждении не принимала», «не выступал») is silent in its sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.components.extensions import doc_text, sentence_of
from models.punctuation import DASHES
from pipelines.doc_views import folded_strings, token_strings
from pipelines.findings import Findings, PersonFinding, TextSpan
from pipelines.layouts import detect_layout
from pipelines.person_names import fold, nominative_gender
from pipelines.stages.meeting import find_events, meeting_sentence, meeting_verbs
from pipelines.titles import (
    LISTED_NAME_CHAIN,
    is_position_head,
    object_taken_for_subject,
    title_before,
    title_head,
    title_of,
)

_SUBJECT = ("nsubj", "nsubj:pass")
_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}
_PRONOUNS = {"он": "Masc", "она": "Fem"}
_HELD = "kenesh_meeting_held"
_LAYOUT = "kenesh_layout"
_LINE_REACH = 400  # characters read around a name for its line: bounded, so a text without newlines stays linear
_TITLE_REACH = 14  # words from a title to the name it heads
# Performance verbs a transcript's chair announces the next turn with, in the present tense.
_ANNOUNCED = frozenset({"докладывать", "содокладывать", "выступать"})
_HEARING = lexicons.load("hearing_verbs")
_PLANS = frozenset({"запланировать", "запланированный", "планироваться", "ожидаться", "предстоять", "перенести"})
_EVENTS = frozenset({"заседание", "сессия", "совещание", "встреча", "собрание"})
# «будет докладывать», «станет выступать»: the parser tags the auxiliary's tense as present.
_FUTURE_AUX = frozenset({"буду", "будешь", "будет", "будем", "будете", "будут", "станет", "станут"})


def _lemma(token: Token) -> str:
    return fold(token.lemma_)


def _doc_lemmas(doc: Doc) -> frozenset[str]:
    """Every `_lemma` of the Doc, read once: a cue word most texts lack («модератор», «председательство») then
    spares the walk back from every name."""
    found = doc.user_data.get("kenesh_speaker_lemmas")
    if found is None:
        found = doc.user_data["kenesh_speaker_lemmas"] = frozenset(folded_strings(doc, LEMMA))
    return found


def _up_chain(token: Token) -> Token:
    """From a name to the word that governs it in the clause: through appositions to titles. Not back past a verb of
    attending: «…, которое провёл председатель X, а в его работе приняли участие A, B и C» — the parser may join the
    attendees to the chair as conjuncts or appositions, and the verb he held the sitting with is none of theirs."""
    while token.dep_ in LISTED_NAME_CHAIN and token.head.i != token.i and not _case_breaks_apposition(token):
        if _attended_between(token.head, token):
            break
        token = token.head
    return token


def _climb(token: Token, name: Span) -> Token:
    """`_up_chain` from a word of the name `name`, unless the parser joined the name as a part of another name
    apart from it («… мэр Э. Абдрахманов, предложивший кандидатуру Чолпон Ибраимовой»: «Ибраимовой» a `flat:name` of
    «Э»): the parts of one name stand together, so a name's link to a word away from it leads to another person's
    verbs (a word right beside it is a part the mention left out: «арчин генгешлика Гараёл Шатлык Реджепов»)."""
    if token.dep_.startswith("flat") and not name.start - 1 <= token.head.i <= name.end:
        return token
    top = _up_chain(token)
    return token if _verb_between(top, name) else top


def _verb_between(top: Token, name: Span) -> bool:
    """«… Татьяна Иванова подчеркнула …, и вручила Почётные грамоты инспектору палаты Галине Шпак»: the parser hung
    the name, far on, as an apposition of the subject; an apposition stands by what it names, never across the
    clause's own finite verb. A nominative there may be a subject of that verb the parser misread («выступили X,
    лидер ЛДПР Y»), so it keeps its chain."""
    if top.i >= name.start or _features(name.root, "Case") in (None, "Nom"):
        return False
    doc = name.doc
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[top.i + 1 : name.start])


_ATTENDED = "kenesh_attendance_verbs"


def _attended_between(first: Token, last: Token) -> bool:
    if first.i >= last.i:
        return False
    found = _attendance_verbs(sentence_of(first.doc, first.i))
    at = bisect.bisect_right(found, first.i)
    return at < len(found) and found[at] < last.i


def _attendance_verbs(sent: Span) -> list[int]:
    """Where a sentence's verbs of attending stand («приняли участие», «участвовали», «присутствовали»; not taking part
    in a debate, which is speaking): found once per sentence, read by bisection."""
    cache = sent.doc.user_data.setdefault(_ATTENDED, {})
    found = cache.get(sent.start)
    if found is None:
        found = cache[sent.start] = [t.i for t in sent if _attends(t)]
    return found


def _attends(token: Token) -> bool:
    if token.pos_ != "VERB" or _took_part_in_debate(token):
        return False
    lemma = _lemma(token)
    if lemma in ("участвовать", "присутствовать"):
        return True
    return lemma in _PART_TAKING and any(_lemma(c) == "участие" for c in token.children)


# Cases the tagger rarely gives a nominative name by mistake (unlike the genitive after a genitive title).
_OBLIQUE = frozenset({"Acc", "Dat", "Ins", "Loc"})


def _case_breaks_apposition(token: Token) -> bool:
    """«Глава региона X представил министра Ольгу Петрову»: the parser may hang the accusative name on the subject's
    title; an apposition agrees in case with its head, so an oblique name under a nominative is not its apposition."""
    return (
        token.dep_ == "appos"
        and _features(token, "Case") in _OBLIQUE
        and _features(token.head, "Case") == "Nom"
        and token.head.pos_ == "NOUN"
    )


@cache
def _speech_phrases() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(entry.split("|", 1)) for entry in lexicons.load("speech_phrases"))  # type: ignore[misc]


def _past(verb: Token) -> bool:
    """By the word's form: the tagger takes a perfective future («заслушают») for a past."""
    return any(p.tag.tense == "past" for p in loading.parse(verb.lower_))


def _present(verb: Token) -> bool:
    """The tense from the word's form: a capitalised «Докладывает» opening a line is tagged a proper noun."""
    return any(p.tag.tense == "pres" for p in loading.parse(verb.lower_))


def _passive(verb: Token) -> bool:
    """By the word's form too: after a long «О ходе …» the tagger may take «доложила» for a passive participle."""
    return "Pass" in verb.morph.get("Voice") and any(p.tag.POS in ("PRTF", "PRTS") for p in loading.parse(verb.lower_))


def _layout(doc: Doc) -> str:
    if _LAYOUT not in doc.user_data:
        doc.user_data[_LAYOUT] = detect_layout(doc_text(doc))
    return doc.user_data[_LAYOUT]


def _in_transcript(doc: Doc) -> bool:
    return _layout(doc) == "transcript"


def _meeting_held(doc: Doc) -> bool:
    """The text reports a meeting that took place: an event noun with a past verb of taking place."""
    if _HELD not in doc.user_data:
        sent = meeting_sentence(find_events(doc))
        doc.user_data[_HELD] = sent is not None and any("Past" in v.morph.get("Tense") for v in meeting_verbs(sent))
    return doc.user_data[_HELD]


def _says(verb: Token) -> bool:
    """A speech verb («заявил»), or a verb whose object makes it one («задал вопрос», «обратил внимание»)."""
    if _lemma(verb) in lexicons.load("speech_verbs"):
        return True
    if _denial_says(verb):
        return True
    if _lemma(verb) in lexicons.load("speech_instruction_verbs"):
        return _meeting_held(verb.doc)
    phrases = _speech_phrases()
    if any((_lemma(verb), _lemma(c)) in phrases for c in verb.children if c.dep_ in ("obj", "obl", "nsubj:pass")):
        return True
    return _took_part_in_debate(verb)


# «В обсуждении приняли участие депутаты …», «участвовали в прениях»: taking part in a debate is speaking in it.
_DEBATES = frozenset({"обсуждение", "прения", "прение", "дискуссия", "дебаты"})


def _took_part_in_debate(verb: Token) -> bool:
    lemma = _lemma(verb)
    if lemma == "участвовать":
        places = [c for c in verb.children if c.dep_ == "obl"]
    elif lemma in _PART_TAKING:
        share = [c for c in verb.children if c.dep_ == "obj" and _lemma(c) == "участие"]
        places = [c for c in verb.children if c.dep_ == "obl"] + [g for c in share for g in c.children]
    else:
        return False
    return any(_lemma(c) in _DEBATES and any(fold(a.text) in ("в", "во") for a in c.children) for c in places)


def _future(verb: Token) -> bool:
    return "Fut" in verb.morph.get("Tense") or any(
        c.dep_ in ("aux", "aux:pass", "cop") and fold(c.text) in _FUTURE_AUX for c in verb.children
    )


def _not_yet_said(verb: Token) -> bool:
    """«выступит эксперт», «будет докладывать», «планируется выступить»: speech announced, not given; and
    «отмечены волонтёры» (awarded), «предложен кандидат»: a passive speech verb is said of its subject."""
    if _future(verb) or _passive(verb) or _in_writing(verb):
        return True
    if _lemma(verb) in _ANNOUNCED and _present(verb) and _in_transcript(verb.doc):
        return True  # the chair's «Докладывает начальник управления …»: the reporter's own turn is the speech
    return verb.dep_ in ("xcomp", "csubj") and _lemma(verb.head) in ("планироваться", "предстоять", "собираться")


# «письменно поддержала проект», «заочно высказался»: support or a view sent in, not said at the meeting.
_IN_WRITING = frozenset({"письменно", "заочно"})


def _in_writing(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and fold(c.text) in _IN_WRITING for c in verb.children)


def _own_clause_speech(token: Token) -> Token | None:
    """«Илья Пономарев, в своём выступлении охарактеризовавший …», «Хиллари Клинтон, которая объявила …»:
    a participle or a relative clause of the name (or its title) that says something."""
    if _thanked(token):
        return None
    for clause in token.children:
        if clause.dep_ not in ("acl", "acl:relcl") or not _says(clause) or _negated(clause) or _not_yet_said(clause):
            continue
        if clause.dep_ == "acl" and "Part" in clause.morph.get("VerbForm") and "Act" in clause.morph.get("Voice"):
            return clause
        if clause.dep_ == "acl:relcl" and any(c.dep_ == "nsubj" and _lemma(c) == "который" for c in clause.children):
            return clause
    return None


# Verbs whose object is thanked, awarded or congratulated: what a clause of theirs says is why, not speech at the
# meeting («поблагодарили водителя Николая Пасечника, который в феврале сообщил о подозрительном предмете»).
_THANKING = frozenset({"поблагодарить", "благодарить", "наградить", "поздравить", "чествовать", "премировать"})


# The nouns of thanks whose dative is thanked («благодарность медицинской сестре Анне Рыбак, которая провела …»).
_THANKS = frozenset({"благодарность", "признательность", "поздравление"})


def _thanked(token: Token) -> bool:
    """The name (or the title it is apposed to) is the object of a verb of thanking or awarding, or the one a noun
    of thanks is addressed to."""
    for node in (token, token.head) if token.dep_ in ("appos", "flat:name") else (token,):
        if node.dep_ in ("obj", "iobj") and _lemma(node.head) in _THANKING:
            return True
        # («сестре прививочного кабинета поликлиники Анне Рыбак»: the parser hangs the name on the title's tail.)
        for _ in range(_TITLE_TAIL):
            if node.dep_ in ("iobj", "nmod") and _lemma(node.head) in _THANKS and "Dat" in node.morph.get("Case"):
                return True
            if node.dep_ != "nmod" or node.head.i == node.i:
                break
            node = node.head
    return False


# Genitives of a title's tail between a name and the title's noun («сестре кабинета поликлиники»).
_TITLE_TAIL = 4


def _speech_head(token: Token) -> Token | None:
    """The speech verb or noun that makes `token` (the top of a name's chain) a speaker, if any."""
    nouns = lexicons.load("speech_nouns")
    if (own := _own_clause_speech(token)) is not None:
        return own
    head = token.head
    if token.dep_ == "nsubj" and not object_taken_for_subject(token):
        # «посетил … и назвал его «учебным центром»»: speech verbs joined to the subject's verb count, and
        # an adverbial participle of speech the subject's verb governs («её поддержал X, напомнив о …»). Not a joined
        # verb with a subject of its own: «Янчук направила предложения; их зачитал Доржиев».
        verbs = (head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _has_subject(c)))
        for verb in (*verbs, *(c for v in verbs for c in v.children if _speech_participle(c))):
            if _says(verb) and (not _negated(verb) or _denial_says(verb)) and not _not_yet_said(verb):
                return verb
    # «X и Y заявили»: the first conjunct carries the subject relation.
    if (
        token.dep_ == "conj"
        and token.head.dep_ == "nsubj"
        and _says(token.head.head)
        and not _not_yet_said(token.head.head)
    ):
        return token.head.head
    # «депутаты заслушали руководителя управления X о ходе работ»: the person heard gave the report.
    if token.dep_ == "obj" and _lemma(head) in _HEARING and _past(head) and not _negated(head):
        return head
    # «по словам X», «доклад X», «отчёт главы администрации X».
    if token.dep_ in ("nmod", "nmod:poss") and _lemma(head) in nouns and not _planned(head) and not _filed(head):
        return head
    return None


_GAP_JOINS = frozenset({"а", "и"})
_GAP_DENIALS = frozenset({"нет", "не", "против"})


def _gapped_speech(name: Span) -> Token | None:
    """«Сергей Цой предложил включить самбо в программу, а Станислав Бельды – вернуть сборы»: after «, а» the dash
    stands for the speech verb of the clause before, whose subject is another person; the name said it too."""
    doc = name.doc
    if name.start < 3 or name.end >= len(doc) or doc[name.end].text not in DASHES:
        return None
    join = _gap_join(name)
    if join is None:
        return None
    if name.end + 1 >= len(doc) or fold(doc[name.end + 1].text) in _GAP_DENIALS:
        return None  # «…, а Олег Сидоров – нет»: the dash denies the verb
    case = doc[join + 1].morph.get("Case")
    if len(case) == 1 and case[0] != "Nom":
        # «поручил акимам районов завершить подготовку, а руководителю аппарата Арману Сейсенбаеву – взять на
        # контроль»: the gapped clause's title or name in an oblique case is the addressee of the verb, not its subject.
        return None
    comma = join - 1
    sentence = sentence_of(doc, name.start)
    for verb in doc[sentence.start : comma]:
        if verb.pos_ != "VERB" or not _says(verb) or _negated(verb) or _not_yet_said(verb):
            continue
        if any(c.dep_ == "nsubj" and _person_or_title(c) for c in verb.children):
            return verb
        if "Part" in verb.morph.get("VerbForm") and verb.dep_ == "acl" and _person_or_title(verb.head):
            # «глава айыл окмоту Нургуль Ташиева, попросившая выделить технику, а директор … – ускорить поставку»:
            # the participle of speech the person before it is said with.
            return verb
    return None


# Words of a title between «, а» and the name it heads («, а депутат Лола Ким –», «, а директор ОсОО «…» Шерали
# Мадаминов –»): no verb or clause's punctuation among them.
_GAP_TITLE_WORDS = 10


def _gap_join(name: Span) -> int | None:
    """Where «а»/«и» after a comma opens the gapped clause of a name: right before it, or before the title heading
    it."""
    doc = name.doc
    for at in range(name.start - 1, max(1, name.start - 1 - _GAP_TITLE_WORDS) - 1, -1):
        token = doc[at]
        if fold(token.text) in _GAP_JOINS and doc[at - 1].text == ",":
            return at if at == name.start - 1 or is_position_head(doc[at + 1]) else None
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ".", ":", "–", "—"):
            return None
    return None


def _person_or_title(token: Token) -> bool:
    return token.ent_type_ == "PER" or is_position_head(token)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECT for c in verb.children)


def _speech_participle(token: Token) -> bool:
    return token.dep_ == "advcl" and "Conv" in token.morph.get("VerbForm") and not _negated(token)


# «участия в обсуждении не принимала», «не выступал»: a subject that took no part in the talk is silent in its
# sentence, whatever else it did there («…, но передала модератору письменные предложения»).
_PART_TAKING = frozenset({"принимать", "принять"})
_SPEAKING = frozenset({"выступать", "выступить", "участвовать"})


def _kept_silent(token: Token) -> bool:
    """The name (or its title) is the subject of a denied taking part: «не принимала участия», «не выступал»."""
    verb = token.head
    if token.dep_ != "nsubj" or not _negated(verb):
        return False
    if _lemma(verb) in _SPEAKING:
        return True
    return _lemma(verb) in _PART_TAKING and any(
        _lemma(t) == "участие" for c in verb.children if c.dep_ not in ("nsubj", "conj") for t in c.subtree
    )


def _planned(noun: Token) -> bool:
    """«Выступление X запланировано на следующее заседание», «доклад X будет заслушан»: not given yet."""
    governor = noun.head
    if governor.i == noun.i or governor.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    return _lemma(governor) in _PLANS or _future(governor)


# «поступило заявление формовщика X», «направлено сообщение X»: a paper that came in or was sent is X's
# application or letter, read out by someone else, not X's speech at the meeting; so is a greeting another passed
# on or read out («передал приветствие главы округа X, который не смог присутствовать»).
_ABOUT = lexicons.load("about_prepositions")
_FILING = frozenset(
    {"поступить", "поступать", "подать", "подавать", "направить", "направлять", "получить"}
    | {"передать", "передавать", "зачитать", "зачитывать", "огласить", "оглашать"}
)


def _filed(noun: Token) -> bool:
    governor = noun.head
    if any(c.dep_ == "case" and c.lower_ in _ABOUT for c in noun.children) and not _item_heading(noun):
        return True  # «доложил о заявлении X»: X's paper is what another reported on
    return governor.i != noun.i and governor.pos_ in ("VERB", "AUX", "ADJ") and _lemma(governor) in _FILING


def _item_heading(noun: Token) -> bool:
    """«4. Об информации заведующего отделом X о работе поликлиник депутаты приняли решение …»: a protocol's item opens
    on what was heard, with whose report it was; nothing but the item's number stands before the preposition."""
    sent = sentence_of(noun.doc, noun.i)
    before = noun.doc[sent.start : noun.i]
    return _lemma(noun) in _REPORTS and all(t.pos_ in ("NUM", "PUNCT", "ADP", "X") for t in before)


# The report nouns a protocol's item heading names the reporter with.
_REPORTS = frozenset({"информация", "отчет", "доклад", "сообщение"})


def _is_chair(token: Token) -> bool:
    cues = lexicons.load("chair_cues")
    head = token.head
    if _lemma(head) == "председательство":
        return True
    if _lemma(head) == "руководство" and any(fold(c.text) == "под" for c in head.children) and _event_led(head.head):
        return True  # «сессия прошла под руководством Председателя Маджлиса … Рустами Эмомали»
    return (
        token.dep_ in _SUBJECT
        and _lemma(head) in cues
        and (
            _lemma(head) == "председательствовать"
            # «вёл заседание», «ход заседания вела»
            # (not «протокол заседания вела секретарь»: who keeps the minutes writes, the chair speaks)
            or any(
                _lemma(t) in _EVENTS
                for c in head.children
                if _lemma(c) not in _MINUTES
                for t in (c, *c.children)
                if t.dep_ != "nsubj"
            )
        )
    )


# What a secretary keeps of a meeting: «вела протокол заседания» names no chair.
_MINUTES = frozenset({"протокол", "стенограмма"})

# «Иванов И.И. (председательствующий, глава района)»: an aside after the name opening with the chair's label.
_CHAIR_ASIDE = re.compile(r"[ \t]*\([ \t]*председательствующ[а-яё]*[ \t]*[,;)]", re.IGNORECASE)


def _chair_aside(text: str, mention: TextSpan) -> bool:
    """A list of those present marks its chair in the bracketed aside after the name, as a stenogram's label does
    (the post after the label is the person's own)."""
    return _CHAIR_ASIDE.match(text, mention.end) is not None


def _event_led(token: Token) -> bool:
    """«сессия прошла под руководством …», «заседание под руководством …»: what is led is the meeting itself (not
    «работы ведутся под руководством главы»)."""
    return _lemma(token) in _EVENTS or any(_lemma(c) in _EVENTS for c in token.children if c.dep_ in _SUBJECT)


def _opened_by(name: Span, title: Span | None) -> bool:
    """«Вёл заседание Глава Республики Алтай Эркин Сабашкин»: the cue and the meeting open the sentence, the title
    and the name follow (the parser hangs the title off «заседание»; the words' order is plain); so does «под
    председательством» right before the name."""
    doc = name.doc
    start = title.start if title is not None and title.end <= name.start else name.start
    if start < 2:
        return False
    if start == name.start and fold(doc[start - 2].text) == "под" and _lemma(doc[start - 1]) == "председательство":
        # «Комитет … под председательством Медера Алымкуловича Токторбаева рассмотрел»: whatever the parser hangs the
        # name on. (A titled chair is the parser's to find: «под председательством хокима района X» makes the хоким the
        # council's chair, where the golds keep him the хокимият's.)
        return True
    if _chaired_with_title(name):
        return True
    if sentence_of(doc, start).start != start - 2:
        return False
    verb, event = doc[start - 2], doc[start - 1]
    return (
        _lemma(event) in _EVENTS
        and _lemma(verb) in lexicons.load("chair_cues")
        and verb.pos_ == "VERB"
        and _agrees(verb, name.root)
    )


def _chaired_with_title(name: Span) -> bool:
    """«под председательством министра внутренних дел Кыргызской Республики Улана Нурдиновича Ниязбекова»: the chair's
    post runs from the cue to the name, words of a title only (no punctuation, verb or other name between). Read from
    the words' order: a headline without a stop joined to the sentence leaves the parser hanging the name elsewhere."""
    doc = name.doc
    if "председательство" not in _doc_lemmas(doc):
        return False
    lo = max(0, name.start - _TITLE_REACH)
    for i in range(name.start - 1, lo + 1, -1):
        token = doc[i]
        if (
            token.is_punct
            or token.is_space
            or token.pos_ in ("VERB", "AUX", "SCONJ", "PRON")
            or token.ent_type_ == "PER"
        ):
            return False
        if _lemma(token) == "председательство":
            return fold(doc[i - 1].text) == "под" and i + 1 < name.start and is_position_head(doc[i + 1])
    return False


# What may stand between «модератором» and the moderator's post: a dash, the verb (and «его», «их»: the body's head).
_MODERATOR_LINKS = frozenset({"–", "—", "-", "выступить", "стать", "быть"})


def _moderated_by(name: Span) -> bool:
    """«Организатором выступило ОО «…», модератором – его руководитель Ляззат Бекболатова»: a moderator speaks (the
    genre's notes), named after «модератор» with nothing but the post, a dash or the verb between."""
    doc = name.doc
    if "модератор" not in _doc_lemmas(doc):
        return False
    lo = max(sentence_of(doc, name.start).start, name.start - _TITLE_REACH)
    for i in range(name.start - 1, lo - 1, -1):
        token = doc[i]
        if _lemma(token) == "модератор":
            return True
        if token.ent_type_ == "PER" or (token.is_punct and token.text not in _MODERATOR_LINKS):
            return False
        if token.pos_ in ("VERB", "AUX", "PRON", "DET") and _lemma(token) not in _MODERATOR_LINKS | {"он", "они"}:
            return False
    return False


def _quote_in(sent: Span) -> TextSpan | None:
    """The quoted speech of a sentence: text between «» (or straight quotes) that reads as a statement,
    not a quoted name like «Ресурсный центр для пожилых»."""
    text, base, doc = sent.text, sent.start_char, sent.doc
    for open_q, close_q in _QUOTES.items():
        start = text.find(open_q)
        end = text.find(close_q, start + 1) if start >= 0 else -1
        if start < 0 or end - start <= 20:
            continue
        inner = doc.char_span(base + start + 1, base + end, alignment_mode="contract")
        if inner is None:
            continue
        words = [t for t in inner if t.is_alpha]
        if len(words) > 8 or any(t.pos_ in ("VERB", "AUX") for t in inner):
            return TextSpan(base + start + 1, base + end)
    return None


def _features(token: Token, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


def _agrees(verb: Token, name: Token, listed: bool = False) -> bool:
    """Past-tense verbs show gender and number: «отметила» goes with Омурбекова, not with Базарбаев;
    a plural verb goes with a name only when the name is one of a list of subjects."""
    if _features(verb, "Number") == "Plur":
        return listed
    verb_gender, name_gender = _features(verb, "Gender"), _features(name, "Gender")
    return not (verb_gender and name_gender and verb_gender != name_gender)


def _clause_verb(name: Span, subject: Token) -> Token | None:
    """A speech verb of the name's sentence with the name in the nominative as its likely subject.

    The parser often hangs a name off the last noun of a long title; the case of the name and the
    verb's agreement with it are more reliable than the arc («отметила … директор … А.С. Омурбекова»).
    """
    patronymic = _patronymic_gender(name)
    if patronymic:
        female = patronymic == "Fem"
    else:
        female = _features(subject, "Case") != "Nom" and _nominative_reading(subject)
        if _features(subject, "Case") != "Nom" and not female:
            return None
    sent = sentence_of(name.doc, name.start)
    after = _after_relative_clause(name, sent)
    window = name.doc[max(sent.start, name.start - 14) : min(sent.end, after + 6)]
    for token in window:
        if token.pos_ != "VERB" or not _says(token) or _features(token, "VerbForm") != "Fin":
            continue
        if _not_yet_said(token) or name.end <= token.i < after:
            continue
        if token.i < name.start and any(t.pos_ == "SCONJ" for t in name.doc[token.i + 1 : name.start]):
            continue  # «предложил дополнить повестку, поскольку Алан Дзиов …»: the name's own clause is subordinate
        if token.i < name.start and token.i == _up_chain(name.root).head.i and object_taken_for_subject(name.root):
            continue  # «глава региона представил Бахтиёржона Салимжонова»: the name is what the verb acts on
        # «Иран объявил …, им стал вице-президент X»: the verb has a subject of its own.
        # «Заседание открыла председатель X»: a subject the past verb's gender disagrees with is its object misread.
        own_subject = any(
            c.dep_ in _SUBJECT
            and not (name.start <= c.i < name.end)
            and not _own_title(c, name)
            and _agrees(token, c, listed=True)
            and not _subject_of_clause_before(c, name, token)
            for c in token.children
        )
        if female:
            agrees = _features(token, "Gender") == "Fem" or (
                _features(token, "Gender") is None and _features(token, "Number") == "Sing"
            )
        elif patronymic:
            agrees = _features(token, "Gender") != "Fem" and _features(token, "Number") != "Plur"
        else:
            agrees = _agrees(token, subject, _listed(name))
        if agrees and not own_subject and (not _negated(token) or _denial_says(token)):
            return token
    return None


def _subject_of_clause_before(subject: Token, name: Span, verb: Token) -> bool:
    """«Главврач Ирина Мох сказала о прививках, а начальник отдела … Азамат Токоев заверил, что …»: the parser took
    the first clause's subject for the second verb's; a subject before the name with a finite verb of its own
    between them, the verb after the name, is that other clause's."""
    if not subject.i < name.start < verb.i:
        return False
    return any(
        t.pos_ in ("VERB", "AUX") and _features(t, "VerbForm") == "Fin" for t in name.doc[subject.i + 1 : name.start]
    )


# A patronymic's ending shows its case and gender where the tagger misreads a rare name's («Абдыжапар Турдубаевич
# Мамасалиев», «Айгерим Бакытжановна Нурланова»).
_PATRONYMIC_NOMINATIVE = {
    "Masc": re.compile(r"[А-ЯЁ][а-яё]+(?:ович|евич|ьич|ич)"),
    "Fem": re.compile(r"[А-ЯЁ][а-яё]+(?:овна|евна|ична|инична)"),
}


def _patronymic_gender(name: Span) -> str | None:
    """The gender of the name's patronymic in the nominative, None without one."""
    for token in name:
        for gender, pattern in _PATRONYMIC_NOMINATIVE.items():
            if pattern.fullmatch(token.text):
                return gender
    return None


def _nominative_reading(surname: Token) -> bool:
    """«Гулиза Осмоналиева» after a genitive title is tagged genitive («…кенеша Гулиза Осмоналиева»): a female
    surname that reads as a feminine nominative, after a feminine first name, still names the subject."""
    doc = surname.doc
    first = doc[surname.i - 1] if surname.i > 0 else None
    if first is not None and first.text == "." and surname.i > 1 and _is_initial(doc[surname.i - 2]):
        # «М. Джураева»: an initial says nothing of gender; the surname's own feminine nominative must.
        parses = loading.parse(surname.text)
        return any(p.tag.case == "nomn" and p.tag.gender == "femn" and "Surn" in p.tag for p in parses)
    # The parser often takes a Central Asian woman's first name for a man's («Гулиза»); a name morphology knows
    # must read as a woman's in the nominative («Ивана Петрова» is a man in the genitive).
    if first is None or not first.text[:1].isupper():
        return False
    known = [p for p in loading.parse(first.text) if p.is_known and "Name" in p.tag]
    if known:
        if not any(p.tag.case == "nomn" and p.tag.gender == "femn" for p in known):
            return False
    elif not (_features(first, "Gender") == "Fem" or first.text.endswith(("а", "я"))):
        return False
    parses = loading.parse(surname.text)
    return any(p.tag.case == "nomn" and p.tag.gender == "femn" and "Surn" in p.tag for p in parses)


def _is_initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


def _after_relative_clause(name: Span, sent: Span) -> int:
    """«X, которая сама руководит цехом, отметила»: where the name's clause goes on after a relative clause."""
    doc = name.doc
    i = name.end
    if i + 1 < sent.end and doc[i].text == "," and fold(doc[i + 1].lemma_) == "который":
        for j in range(i + 2, min(sent.end, i + 40)):
            if doc[j].text == ",":
                return j + 1
    return name.end


def _own_title(token: Token, name: Span) -> bool:
    """«Депутат … кенеша Гулиза Осмоналиева … отметила»: the verb's subject is the title heading the name."""
    between = name.doc[token.i + 1 : name.start]
    return (
        token.i < name.start
        and name.start - token.i <= _TITLE_REACH
        and is_position_head(token)
        and not any(
            t.ent_type_ == "PER"
            or (t.is_punct and not _in_double_place_name(t))
            or t.pos_ in ("SCONJ", "PRON")
            # «Глава общины поручил руководителю отдела X …»: a title and its name have no finite verb between them
            or (t.pos_ in ("VERB", "AUX") and _features(t, "VerbForm") == "Fin")
            for t in between
        )
    )


def _in_double_place_name(token: Token) -> bool:
    """«Кемеровской области – Кузбасса», «Ханты-Мансийского автономного округа – Югры»: a region's official double
    name joins its two names with a dash, which ends no clause in the title."""
    doc = token.doc
    return (
        token.text in DASHES
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].ent_type_ == "LOC"
        and doc[token.i + 1].ent_type_ == "LOC"
    )


def _listed(name: Span) -> bool:
    """The name is one of several coordinated people («X, Y и Z подвергли критике»)."""
    doc = name.doc
    return any(t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children) for t in name) or (
        name.end < len(doc) and doc[name.end].text == ","
    )


# «Айгуль Иванова, председатель комиссии по бюджету: «Мы должны …»»: a name, its title and a colon open a quote.
_TITLED_QUOTE = re.compile(r",(?:[^.\n;:«»\"]|\.(?![ \t]+(?-i:[А-ЯЁA-Z]))){1,160}:[ \t]*[«\"“„]")
# «Выступили: депутат Иван Петров, аким района Ержан Калиев и …»: a plural speech verb and a colon open a list
# of speakers, every name of it up to the sentence's end.
_SPEAKER_LIST = re.compile(r"(?:выступили|высказались|выступили\s+в\s+прениях)\s*:[^.:;!?]*$", re.IGNORECASE)


def _introduces_speech(name: Span) -> bool:
    """«Хозяин плантации Джино Дескальси: Мы просто шокированы» — a name and a colon open direct speech."""
    doc = name.doc
    if name.end + 1 < len(doc) and doc[name.end].text == ":":
        if not doc[name.end + 1].is_space:
            return True
        # «Хозяин плантации Джино Дескальси:\nМы просто шокированы»: in a report the speech may open the next
        # line; protocols and transcripts have their own lines of names and colons.
        gap = doc[name.end + 1].text
        following = name.end + 2 < len(doc) and doc[name.end + 2]
        if "\n" in gap and following and _layout(doc) == "report":
            return following.text[:1].isupper() or following.text[:1] in '«"–—-'
    after = doc_text(doc)[name.end_char : name.end_char + _LINE_REACH].split("\n", 1)[0]
    return bool(_TITLED_QUOTE.match(after))


def _in_speaker_list(name: Span) -> bool:
    doc = name.doc
    sent = sentence_of(doc, name.start)
    return bool(
        _SPEAKER_LIST.search(doc_text(doc)[max(sent.start_char, name.start_char - _LINE_REACH) : name.start_char])
    )


def _given_the_floor(token: Token) -> Token | None:
    """«Слово было предоставлено главе района Ивану Петрову», «слово дали Анне Смирновой»: the floor given."""
    head = token.head
    floor = token.dep_ in ("iobj", "obl") and _lemma(head) in ("предоставить", "дать", "предоставлять", "давать")
    return head if floor and any(_lemma(c) == "слово" for c in head.children) else None


# «Нурболат Шаймерденов, аким города Экибастуза, – о ремонте сетей», «Мирзаев (AMANAT) – о благоустройстве»:
# a name, perhaps its title and party, a dash and the subject of the report. Only the name's own line.
# The title may hold abbreviations with dots («и.о. руководителя», «зам. акима»), not a sentence's end.
_REPORTS_ON = re.compile(
    r"(?:[ \t]*\([^()\n]{1,60}\))?(?:,(?:[^.\n;:–—]|\.(?![ \t]+(?-i:[А-ЯЁA-Z]))){1,160}?,?)?"
    r"[ \t]*[–—-][ \t]+(?:о|об|обо)[ \t]",
    re.IGNORECASE,
)
# «докладчик: руководитель отдела … Асель Байжанова», «С содокладом – председатель комиссии … Ержан Калиев».
_REPORTER_CUE = re.compile(
    r"(?:докладчик|содокладчик|с\s+(?:со)?докладом|с\s+информацией)\s*[:–—-]?[^.\n:;]{0,160}$", re.IGNORECASE
)


# «Председатель фонда Назгуль Кусаинова-Бек и юрист центра «Адилет» Руслан Тажиев – о бесплатной юридической
# помощи»: the first of two names joined before the dash and the report's subject reports too.
_JOINT_REPORT = re.compile(
    r"[ \t]*и[ \t]+(?:[^.\n;:–—]|\.(?![ \t]+(?-i:[А-ЯЁA-Z]))){1,160}?[ \t][–—-][ \t]+(?:о|об|обо)[ \t]",
    re.IGNORECASE,
)
# An agenda item: «1. О районном бюджете на 2023 год.», «2) Об утверждении программы …».
_AGENDA_ITEM = re.compile(r"[ \t]*\d{1,2}[.)][ \t]*(?:о|об|обо)[ \t]", re.IGNORECASE)
# «3. О поддержке предпринимательства – заместитель хокима района Алишер Хамроев. В 2025 году …»: the item heard, a
# dash, the reporter's title and name, and the report's content running on after it (a newspaper's account of the
# session; an agenda's list ends the line at the name). The item's title may stand in quotes («1. «Об исполнении
# бюджета …» – начальник финансового отдела …»).
_ITEM_REPORTER = re.compile(
    r"\d{1,2}[.)][ \t]*[«\"„“]?(?:о|об|обо)\s[^.;:–—]{1,200}\s[–—]\s[^.;:–—]{0,160}$", re.IGNORECASE
)
_REPORT_RUNS_ON = re.compile(r"\.[ \t]+[А-ЯЁ]")


def _announced(name: Span) -> bool:
    """«1. О районном бюджете.\nДокладчик – начальник отдела Ольга Рудак.»: the agenda names who is to report;
    with nothing said on the line after the name, the line is the plan, not the report given."""
    text = doc_text(name.doc)
    rest = text[name.end_char : name.end_char + _LINE_REACH].split("\n", 1)[0]
    if rest.strip(" \t.;"):
        return False
    # The lines before the name's own, within reach: the last but one is the name's line up to the name.
    lines = text[max(0, name.start_char - _LINE_REACH) : name.start_char].split("\n")
    previous = [line for line in lines[:-1] if line.strip()]
    return bool(previous) and bool(_AGENDA_ITEM.match(previous[-1]))


def _reports_on(name: Span) -> bool:
    # The 60 tokens after the name and the 30 before it (within its sentence), cut from the Doc's text:
    # joining them from their Tokens cost more than the patterns.
    doc = name.doc
    whole = doc_text(doc)
    end = name.end + 60
    text = whole[doc[name.end].idx : doc[end].idx if end < len(doc) else len(whole)] if name.end < len(doc) else ""
    start = max(sentence_of(doc, name.start).start, name.start - 30)
    before = whole[doc[start].idx : name.start_char] if start < name.start else ""
    if _REPORTS_ON.match(text) or _JOINT_REPORT.match(text):
        return True
    sentence = sentence_of(doc, name.start)
    item = whole[sentence.start_char : name.start_char]
    if _ITEM_REPORTER.match(item) and _REPORT_RUNS_ON.match(whole[name.end_char : name.end_char + _LINE_REACH]):
        return True
    return bool(_REPORTER_CUE.search(before.split("\n")[-1])) and not _announced(name)


def _negated(verb: Token) -> bool:
    """«не комментируют»: a denied speech act is silence."""
    return any(fold(c.text) == "не" for c in verb.children)


def _denial_says(verb: Token) -> bool:
    """«не исключил», «не согласился»: a verb that says something when denied."""
    return _lemma(verb) in lexicons.load("speech_negated_verbs") and _negated(verb)


def _surname_token(name: Span) -> Token:
    """The word of a name that carries its case: the last capitalised word that is not an initial."""
    words = [t for t in name if t.is_alpha and len(t.text) > 1]
    return words[-1] if words else name.root


_RELATIVE_REACH = 3  # «в котором он», «где она»


def _in_relative_clause(pronoun: Token) -> bool:
    doc = pronoun.doc
    words = doc[max(0, pronoun.i - _RELATIVE_REACH) : pronoun.i]
    return any(_lemma(t) in ("который", "где") for t in words) and not any(t.is_sent_start for t in words[1:])


def _pronoun_speakers(doc: Doc, persons: tuple[PersonFinding, ...]) -> dict[int, list[Token]]:
    """«— сказал он»: the pronoun's speech verb, credited to the last person before it named as a
    subject (in the nominative) whose gender the verb agrees with."""
    named, anywhere = [], []
    for index, person in enumerate(persons):
        for mention in person.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            anywhere.append((mention.start, index, _surname_token(span)))
            if _features(_surname_token(span), "Case") == "Nom":
                named.append((mention.start, index, _surname_token(span)))
    named.sort(key=lambda item: item[0])
    anywhere.sort(key=lambda item: item[0])
    credited: dict[int, list[Token]] = {}
    # `fold(text)` is a pronoun exactly when the lower-case form is: neither holds «ё» or «е».
    for i, lower in enumerate(token_strings(doc, LOWER)):
        if lower not in _PRONOUNS:
            continue
        token = doc[i]
        if token.dep_ not in _SUBJECT:
            continue
        verb = token.head
        if not _says(verb) or _not_yet_said(verb):
            continue
        if _in_relative_clause(token):
            # «интервью господина Рахимова, в котором он раскритиковал …»: the relative clause's antecedent is
            # the person named just before it in the sentence, in whatever case.
            sent = sentence_of(doc, i)
            before = [(index, surname) for start, index, surname in anywhere if sent.start_char <= start < token.idx][
                -1:
            ]
        else:
            before = _only_one_named_before(doc, token, anywhere, verb) or [
                (index, surname)
                for start, index, surname in named
                if start < token.idx and token.idx - start < 600 and _agrees(verb, surname)
            ]
        if before:
            credited.setdefault(before[-1][0], []).append(verb)
    return credited


def _only_one_named_before(
    doc: Doc, pronoun: Token, anywhere: list[tuple[int, int, Token]], verb: Token
) -> list[tuple[int, Token]]:
    """«Руководителю ТОО … Асхату Жаксыбекову было предложено доложить о ходе работ. Он сообщил, что …»: a pronoun
    opening its sentence stands for the one person the sentence before names, in whatever case, where the verb agrees
    with that person's gender (before any subject named further back)."""
    sent = sentence_of(doc, pronoun.i)
    if pronoun.i != sent.start or sent.start == 0:
        return []
    previous = sentence_of(doc, sent.start - 1)
    found = {
        index: surname
        for start, index, surname in anywhere
        if previous.start_char <= start < sent.start_char and _agrees(verb, surname)
    }
    people = {index for start, index, _ in anywhere if previous.start_char <= start < sent.start_char}
    return list(found.items()) if len(found) == 1 and len(people) == 1 else []


_TITLE_BACK = 1500  # characters back to the person a bare title («– подчеркнул заместитель министра») refers to


_NOUNS = frozenset({POS_IDS["NOUN"], POS_IDS["PROPN"]})


def _title_speakers(doc: Doc, persons: tuple[PersonFinding, ...]) -> dict[int, list[Token]]:
    """«…», – подчеркнул заместитель министра: a quote's speech verb whose subject is a bare title, with no
    name, credited to the last person named before it whose post opens with that title."""
    posts = {i: fold(p.position.split()[0]) for i, p in enumerate(persons) if p.position and p.position.split()}
    if not posts:
        return {}
    starts = sorted((m.start, i) for i, p in enumerate(persons) if i in posts for m in p.mentions)
    named = sorted(m.start for p in persons for m in p.mentions)
    held = meeting_sentence(find_events(doc))
    if held is not None and not meeting_verbs(held):
        held = None  # only a meeting the report says took place has someone it was held with
    credited: dict[int, list[Token]] = {}
    # By the arrays first: a subject noun is rare, and a Token for every word cost more than the test.
    nsubj = doc.vocab.strings["nsubj"]
    subjects = [i for i, (pos, dep) in enumerate(doc.to_array([POS, DEP]).tolist()) if dep == nsubj and pos in _NOUNS]
    for token in (doc[i] for i in subjects):
        # «Аким рассказал»: a title opening the sentence is often tagged a proper noun, though no name.
        noun = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ != "PER")
        if token.dep_ != "nsubj" or not noun or not is_position_head(token):
            continue
        if "Plur" in token.morph.get("Number"):
            continue  # «Депутаты просили обратить внимание …»: the group, not the last deputy named
        verb = token.head
        if not _says(verb) or _negated(verb) or _not_yet_said(verb):
            continue
        if any(t.ent_type_ == "PER" for t in token.subtree):
            continue  # a name of its own: the mention's rules have it
        if token.i < verb.i and bisect.bisect_left(named, token.idx) < bisect.bisect_left(named, verb.idx):
            continue  # «Депутат, член фракции … Айгерим Смагулова предложила»: a name between the title and its verb
        sent = sentence_of(doc, verb.i)
        # A quote's attribution looks back far. A bare title opening its sentence («Аким рассказал, что …») is the
        # holder the report named in its meeting sentence («прошла встреча акима Ерлана Жунусбекова с
        # населением»): the one the meeting was with. A bare title elsewhere may be anyone holding it.
        title = _lemma(token)
        windows = []
        if _quote_in(sent) is not None:
            windows.append((token.idx - _TITLE_BACK, token.idx))
        elif token.i == sent.start and held is not None and held.end_char <= token.idx:
            windows.append((held.start_char, held.end_char))
        if held is not None and sum(1 for post in posts.values() if post == title) == 1:
            # «Мэр города ответил, что …» in a meeting's report: the one person the text gave that post, named before.
            windows.append((0, token.idx))
        for a, b in windows:
            earlier = [i for start, i in starts if a <= start < b and posts[i] == title]
            if earlier:
                credited.setdefault(earlier[-1], []).append(verb)
                break
    return credited


# A credit line under a news item («Фото: Сергей Будько / пресс-служба Думы», «Текст: Виктория Лунгу», «Автор:
# …»): who took the picture or wrote the text, never someone who spoke at the meeting; the share buttons after it
# («Поделиться: ВК | ОК») are no speech either.
_CREDIT_LINE = re.compile(
    r"[ \t]*(?:фото|фотография|фотографии|видео|автор|авторы|текст|источник|иллюстрация|оператор)"
    r"(?:[ \t]+[\w.-]+){0,2}[ \t]*:",
    re.IGNORECASE,
)


def _in_credit_line(text: str, start: int) -> bool:
    line = text.rfind("\n", max(0, start - _LINE_REACH), start) + 1
    found = _CREDIT_LINE.match(text, line, start)
    return found is not None


def mark_speakers(doc: Doc, persons: tuple[PersonFinding, ...]) -> tuple[PersonFinding, ...]:
    by_pronoun = _pronoun_speakers(doc, persons)
    by_title = _title_speakers(doc, persons)
    text = doc_text(doc)
    marked = []
    # Where each mention's name spoke as one of a list of subjects, for its conjuncts (below).
    listed_heads: dict[int, Token] = {}
    for index, person in enumerate(persons):
        heads: list[Token] = list(by_pronoun.get(index, [])) + by_title.get(index, [])
        chair = False
        for mention in person.mentions:
            if _in_credit_line(text, mention.start):
                continue
            name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if name is None:
                continue
            title = title_of(name)
            # The surname too: the parser may hang an initial off the title and make the surname the subject
            # («заместитель председателя области М. Джураева призвала»).
            surname = _surname_token(name)
            anchors = list(dict.fromkeys([name.root, _climb(name.root, name), surname, _climb(surname, name)]))
            if title is not None:
                anchors.append(title_head(title))
            if any(_kept_silent(a) for a in anchors):
                continue
            chair = (
                chair or any(_is_chair(a) for a in anchors) or _opened_by(name, title) or _chair_aside(text, mention)
            )
            head = next((h for h in map(_speech_head, anchors) if _same_paragraph(h, name)), None)
            if head is None:
                head = _clause_verb(name, _surname_token(name))
                head = head if _same_paragraph(head, name) else None
            if head is None:
                head = next((h for h in map(_given_the_floor, anchors) if h is not None), None)
            if head is None:
                head = _gapped_speech(name)
            if head is None:
                head = _participle_after(name, person)
            if head is None and (
                _introduces_speech(name) or _reports_on(name) or _in_speaker_list(name) or _moderated_by(name)
            ):
                head = name.root
            if head is not None:
                heads.append(head)
                if _features(head, "Number") == "Plur":
                    listed_heads.update(dict.fromkeys(range(name.start, name.end), head))
        if not chair and any(stated_absent(doc, mention) for mention in person.mentions):
            heads = []  # «В связи с отсутствием X информацию представил Y»: X's «Докладчик:» line was not kept to
        quotes = tuple(q for q in dict.fromkeys(_quote_in(sentence_of(h.doc, h.i)) for h in heads) if q is not None)
        spoke = bool(heads) or chair
        role = "chair" if chair else "speaker" if spoke else person.role
        marked.append(replace(person, spoke=spoke, role=role, quotes=quotes))
    return _conjuncts_speak(doc, tuple(marked), listed_heads)


def stated_absent(doc: Doc, mention: TextSpan) -> bool:
    """The name (or its title) is whose absence is stated: «в связи с отсутствием X», «в отсутствие X»."""
    name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if name is None:
        return False
    tops = (_up_chain(name.root), _up_chain(_surname_token(name)))
    return any(top.dep_ == "nmod" and _lemma(top.head) == "отсутствие" for top in tops)


def _participle_after(name: Span, person: PersonFinding) -> Token | None:
    """«присутствовала заместитель директора обсерватории имени Насреддина Туси Лала Кадырова, рассказавшая о планах
    …»: an active participle of speech in the nominative right after the name and a comma says what the name said,
    where the parser hung the name on a word of its title's tail and the participle on the clause's verb. Its gender
    agrees with the name's (an oblique name's participle, «поблагодарил Айгуль Иванову, рассказавшую …», is no
    nominative)."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return None
    participle = doc[name.end + 1]
    morph = participle.morph
    if not ("Part" in morph.get("VerbForm") and "Act" in morph.get("Voice") and "Nom" in morph.get("Case")):
        return None
    if not _says(participle) or _negated(participle) or _not_yet_said(participle):
        return None
    gender = _patronymic_gender(name) or nominative_gender(person.surname)
    if "Plur" in morph.get("Number") or (gender is not None and _features(participle, "Gender") not in (None, gender)):
        return None
    return participle


def _same_paragraph(head: Token | None, name: Span) -> bool:
    """«Депутаты … спросили с коммунальщиков за подготовку к зиме\n\n20 ноября … приняли участие аким города X, …»: a
    headline without a point joins the next paragraph's sentence; its verb is nobody's in the paragraph (a blank line
    between a speech verb and a name ends the sentence the parser ran across it)."""
    if head is None:
        return False
    doc = name.doc
    lo, hi = (head.i + 1, name.start) if head.i < name.start else (name.end, head.i)
    return not any(doc[j].text.count("\n") > 1 for j in range(lo, hi))


def _conjuncts_speak(
    doc: Doc, persons: tuple[PersonFinding, ...], listed: dict[int, Token]
) -> tuple[PersonFinding, ...]:
    """«Члены партии М.Д. Ашев, М.М. Шхалахов и К.Р. Борсов представили отчёты»: the parser hangs the title on
    the first name only, so the later conjuncts miss the plural verb the whole list is the subject of; a name joined
    as a conjunct to a name that spoke with a plural verb spoke with it."""
    if not listed:
        return persons
    marked = []
    for person in persons:
        heads: list[Token] = []
        if not person.spoke:
            for mention in person.mentions:
                name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if name is None:
                    continue
                joined = (t.head.i for t in name if t.dep_ == "conj" and not name.start <= t.head.i < name.end)
                heads.extend(listed[i] for i in joined if i in listed)
                before = _listed_after_title(doc, name)
                if before in listed:
                    heads.append(listed[before])
        if heads:
            quotes = tuple(q for q in dict.fromkeys(_quote_in(sentence_of(doc, h.i)) for h in heads) if q is not None)
            person = replace(person, spoke=True, role="speaker", quotes=quotes)
        marked.append(person)
    return tuple(marked)


def _listed_after_title(doc: Doc, name: Span) -> int | None:
    """«заслушаны отчёты руководителя управления культуры X, исполняющей обязанности руководителя управления
    занятости Y»: the last token of the name before this name's title and the comma (or «и») joining them — the
    parser hangs the second title anywhere."""
    title = title_before(doc, name.start)
    if title is None or not len(title) or title.start < 2 or fold(doc[title.start - 1].text) not in (",", "и"):
        return None
    return title.start - 2


def run(doc: Doc, findings: Findings) -> Findings:
    return replace(findings, persons=mark_speakers(doc, findings.persons))
