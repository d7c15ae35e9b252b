"""A grammar of organization names over the tagged spaCy Doc (spaCy Matcher patterns + lexicons).

    ORG      → CORE TAIL*
    CORE     → MOD* HEAD                      «Межстрановой Большой Общественный Совет», «областной маслихат»
             | MOD* HEAD QUOTED               «партия «Ак Жол»», «фонд «Наследие»»
             | LEGAL QUOTED                   «ОО «Ресурсный центр для пожилых»», «ОАО "Газпром"»
             | ABBR+                          «ЕЭК», «ИДИ ФНИСЦ РАН»
             | KNOWN                          names from `org_known.txt` («Кремль», «Белый дом»)
    TAIL     → GEN_NP                         «… труда», «… Кыргызской Республики», «… Совета Федерации»
             | CONJ GEN_NP                    «… труда, социального обеспечения и миграции»
             | по NP                          «… по вопросам миграции» (only where the parse attaches it)
             | CONJ NP                        «… по безопасности и противодействию коррупции»
             | при NAME                       «… при Торага Жогорку Кенеш»
             | ABBR                           «… КР», «… ООН»
             | QUOTED

Token classes are Matcher patterns over the morphology slovnet assigned in context; the chart of
TAIL segments is walked left to right from the end of each CORE (`grow`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from models import lexicons, loading

OPEN_QUOTES = ["«", "„", "“", '"']
CLOSE_QUOTES = ["»", "“", "”", '"']
_NOMINAL = ["NOUN", "PROPN", "ADJ", "NUM", "DET"]
_MAX_TAILS = 8
ADJECTIVE_ENDING = r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ей|ую|юю|ых|их|ыми|ими)$"
_ABBR_SHAPE = re.compile(r"^[А-ЯЁ]{2,7}$")  # Latin abbreviations are left to NER and `org_known`


@lru_cache(maxsize=200_000)
def word_lemma(word: str) -> str:
    """Dictionary form of one word (pymorphy3, first parse), ё folded: the key names are compared by."""
    return loading.parse(word.lower())[0].normal_form.replace("ё", "е")


def _ocr_variants(forms: frozenset[str]) -> list[str]:
    # Scans and careless typing put the digit 0 for the letter О in legal forms («00 «…»»).
    return sorted({f for form in forms for f in (form, form.replace("о", "0"))})


@dataclass(frozen=True)
class Lexicons:
    heads: frozenset[str]
    legal_forms: frozenset[str]
    not_abbreviations: frozenset[str]
    country_codes: frozenset[str]
    subunits: frozenset[str]
    position_nouns: frozenset[str]
    determiners: frozenset[str]
    referring_heads: frozenset[str]
    known: dict[str, tuple[str, ...]]  # first lemma → lemma sequences of known names


@cache
def lexicon() -> Lexicons:
    known: dict[str, tuple[str, ...]] = {}
    for name in lexicons.load("org_known"):
        words = tuple(word_lemma(w) for w in re.findall(r"[\wЁё.-]+", name))
        if words:
            known.setdefault(words[0], ())
            known[words[0]] = (*known[words[0]], " ".join(words))
    return Lexicons(
        heads=lexicons.load("org_heads"),
        legal_forms=lexicons.load("org_legal_forms"),
        not_abbreviations=lexicons.load("org_not_abbreviations"),
        country_codes=lexicons.load("org_country_codes"),
        subunits=lexicons.load("org_subunits"),
        position_nouns=lexicons.load("org_position_nouns"),
        determiners=lexicons.load("org_determiners"),
        referring_heads=lexicons.load("org_referring_heads"),
        known=known,
    )


def _patterns(lex: Lexicons) -> dict[str, list[list[dict]]]:
    mod = {"POS": {"IN": ["ADJ"]}, "LEMMA": {"NOT_IN": sorted(lex.determiners)}}
    head = {"LEMMA": {"IN": sorted(lex.heads)}}
    quoted = [
        {"ORTH": {"IN": OPEN_QUOTES}},
        {"ORTH": {"NOT_IN": [*CLOSE_QUOTES, "«", "\n"]}, "IS_SPACE": False, "OP": "{1,12}"},
        {"ORTH": {"IN": CLOSE_QUOTES}},
    ]
    gen = {"POS": {"IN": _NOMINAL}, "MORPH": {"IS_SUPERSET": ["Case=Gen"]}}
    gen_noun = {"POS": {"IN": ["NOUN", "PROPN"]}, "MORPH": {"IS_SUPERSET": ["Case=Gen"]}}
    oblique_mod = {"POS": {"IN": ["ADJ", "NUM", "DET"]}, "MORPH": {"IS_SUPERSET": ["Case=Dat"]}, "OP": "*"}
    oblique_noun = {"POS": {"IN": ["NOUN", "PROPN"]}, "MORPH": {"IS_SUPERSET": ["Case=Dat"]}}
    conj = {"ORTH": {"IN": [",", "и"]}}
    abbr = {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2, "<=": 7}}
    name_word = {"IS_TITLE": True, "IS_SENT_START": False}
    return {
        # cores
        "HEAD": [
            [{**mod, "OP": "*"}, head],
            # The tagger takes a rare capitalised adjective for a name («Межстранового Большого Совета»).
            [{"POS": "PROPN", "IS_TITLE": True, "TEXT": {"REGEX": ADJECTIVE_ENDING}}, {**mod, "OP": "*"}, head],
            # Bodies named in the state language before a Russian head: «Жогорку Кенеш», «Олий Мажлис».
            [
                {"POS": "PROPN", "IS_TITLE": True, "ENT_TYPE": {"NOT_IN": ["PER"]}, "OP": "{1,2}"},
                {**head, "IS_TITLE": True},
            ],
        ],
        # A kind of body, then its name: «партия «Ак Жол»», «некоммерческая организация «…»».
        "HEAD_QUOTED": [[{**mod, "OP": "*"}, {**head, "IS_LOWER": True}, *quoted]],
        "LEGAL_QUOTED": [[{"LOWER": {"IN": _ocr_variants(lex.legal_forms)}}, *quoted]],
        "ABBR": [[abbr, {**abbr, "OP": "{0,2}"}]],
        # tails
        "GEN_NP": [[{**gen, "POS": {"IN": ["ADJ", "NUM", "DET"]}, "OP": "*"}, gen_noun]],
        "CONJ_GEN_NP": [[conj, {**gen, "POS": {"IN": ["ADJ", "NUM", "DET"]}, "OP": "*"}, gen_noun]],
        "PO_NP": [[{"LOWER": "по"}, oblique_mod, oblique_noun]],
        "CONJ_DAT_NP": [[conj, oblique_mod, oblique_noun]],
        "PRI_NAME": [[{"LOWER": "при"}, {**name_word, "OP": "{1,4}"}]],
        # «театр им. М. Н. Ермоловой», «школа имени Абая»
        "NAMED_AFTER": [
            [
                {"LOWER": {"IN": ["имени", "им"]}},
                {"ORTH": ".", "OP": "?"},
                {"IS_TITLE": True, "LENGTH": 1, "OP": "{0,2}"},
                {"ORTH": ".", "OP": "?"},
                {"IS_TITLE": True, "LENGTH": 1, "OP": "?"},
                {"ORTH": ".", "OP": "?"},
                {"IS_TITLE": True, "LENGTH": {">": 1}, "OP": "{1,3}"},
            ]
        ],
        "QUOTED": [quoted],
    }


CORES = ("HEAD", "HEAD_QUOTED", "LEGAL_QUOTED", "ABBR")
TAILS = ("GEN_NP", "CONJ_GEN_NP", "PO_NP", "CONJ_DAT_NP", "PRI_NAME", "NAMED_AFTER", "ABBR")
# A tail joined by a conjunction continues the kind of phrase before it, never starts one.
_CONTINUES = {"CONJ_GEN_NP": {"GEN_NP", "CONJ_GEN_NP"}, "CONJ_DAT_NP": {"PO_NP", "CONJ_DAT_NP", "GEN_NP"}}


_MATCHERS: dict[int, Matcher] = {}


def matcher(vocab: Vocab) -> Matcher:
    """One compiled matcher per vocabulary (the process has one pipeline, so one matcher)."""
    if id(vocab) not in _MATCHERS:
        m = Matcher(vocab)
        for label, patterns in _patterns(lexicon()).items():
            m.add(label, patterns)
        _MATCHERS[id(vocab)] = m
    return _MATCHERS[id(vocab)]


@dataclass(frozen=True)
class Segment:
    label: str
    start: int  # token index
    end: int  # token index, exclusive


Found = dict[str, dict[int, list[Segment]]]  # rule → start token → matches


@dataclass(frozen=True)
class Candidate:
    """A stretch of tokens the grammar reads as an organization name."""

    start: int
    end: int
    core: str  # the CORE rule or "NER" / "KNOWN"
    head: int | None  # token index of the head noun, when the rule has one


def _quotes_face_inwards(doc: Doc, start: int, end: int) -> bool:
    """Straight quotes open before a word and close after one: «"A", в котором … "» is not a quotation."""
    for i in range(start, end):
        if doc[i].text != '"':
            continue
        opening = i + 1 < end and doc[i + 1 : end].text.count('"') % 2 == 1
        if opening and (doc[i].whitespace_ or (i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text not in "(«")):
            return False
        if not opening and i > 0 and doc[i - 1].whitespace_:
            return False
    return True


def _may_hold_a_core(sent: Span, lex: Lexicons) -> bool:
    """Every CORE has a head noun, a legal form, an abbreviation or a quote: a sentence without any
    names no organization, and the matcher's many open patterns need not walk it."""
    legal = _legal_variants()
    for t in sent:
        if t.lemma_ in lex.heads or t.lower_ in legal or t.text in OPEN_QUOTES:
            return True
        if t.is_upper and t.is_alpha and len(t) > 1:
            return True
    return False


@cache
def _legal_variants() -> frozenset[str]:
    return frozenset(_ocr_variants(lexicon().legal_forms))


def segments(doc: Doc) -> Found:
    """Every match of every rule, by rule and by start token."""
    found: Found = {}
    lex, rules = lexicon(), matcher(doc.vocab)
    for sent in doc.sents:
        if not _may_hold_a_core(sent, lex):
            continue
        for match_id, sent_start, sent_end in rules(sent):
            start, end = sent.start + sent_start, sent.start + sent_end
            label = doc.vocab.strings[match_id]
            if not _quotes_face_inwards(doc, start, end):
                continue
            found.setdefault(label, {}).setdefault(start, []).append(Segment(label, start, end))
    return found


def _is_head_word(token: Token, lex: Lexicons) -> bool:
    return token.lemma_ in lex.heads or word_lemma(token.text) in lex.heads


def _attached_inside(doc: Doc, seg: Segment, start: int) -> bool:
    """The parse hangs the prepositional phrase on a word of the name, not on a verb or noun before it."""
    return any(start <= doc[i].head.i < seg.start for i in range(seg.start, seg.end))


def _tail_ok(doc: Doc, seg: Segment, previous: str, start: int, lex: Lexicons, blocked: frozenset[str]) -> bool:
    if seg.label in _CONTINUES and previous not in _CONTINUES[seg.label]:
        return False
    # «администрация Обамы», «ЕЦБ Жан-Клод Трише»: a person after a name is not part of it.
    if seg.label != "NAMED_AFTER" and any(doc[i].ent_type_ == "PER" for i in range(seg.start, seg.end)):
        return False
    # «Ассамблея организации», «бюро … партии»: a bare kind of body in the genitive refers back.
    single = seg.end - seg.start == 1
    if seg.label == "GEN_NP" and single and doc[seg.start].is_lower and doc[seg.start].lemma_ in lex.referring_heads:
        return False
    if any(doc[i].text in blocked for i in range(seg.start, seg.end)):
        return False
    if seg.label in ("CONJ_GEN_NP", "CONJ_DAT_NP"):
        # «министерства труда и министерства финансов» are two bodies, not one name.
        if any(_is_head_word(doc[i], lex) for i in range(seg.start + 1, seg.end)):
            return False
        # A conjunct must be followed by more of the name or end it where the phrase ends.
        if doc[seg.start].text == "," and seg.end < len(doc) and doc[seg.end].text not in ("и", ",", "по"):
            nxt = doc[seg.end]
            if nxt.pos_ in ("NOUN", "PROPN", "ADJ") and "Gen" not in nxt.morph.get("Case"):
                return False
    if seg.label == "PO_NP":
        # «МВД по Башкирии», «Управление … по Москве»: a regional branch, whatever the parse says.
        return doc[seg.end - 1].ent_type_ == "LOC" or _attached_inside(doc, seg, start)
    if seg.label == "ABBR":
        # «… КР», «Госдума РФ»: a country code after a name belongs to it; «СМИ», «НПО» do not.
        return all(doc[i].lower_ not in lex.not_abbreviations for i in range(seg.start, seg.end))
    return True


def grow(
    doc: Doc,
    start: int,
    end: int,
    found: Found,
    lex: Lexicons,
    blocked: frozenset[str] = frozenset(),
    proper: bool = False,
) -> int:
    """The end of the longest chain of TAIL segments after a core.

    After a proper name (`proper`: an abbreviation, a known or NER name) only a place or another
    name follows in the genitive («Госдума России», «МВД по Башкирии»), not a common noun.
    """
    previous = "CORE"
    for _ in range(_MAX_TAILS):
        options = [
            seg
            for label in TAILS
            for seg in found.get(label, {}).get(end, [])
            if _tail_ok(doc, seg, previous, start, lex, blocked)
            and "\n" not in doc[seg.start : seg.end].text
            and not (proper and seg.label == "GEN_NP" and not doc[seg.end - 1].text[:1].isupper())
        ]
        if not options:
            break
        best = max(options, key=lambda s: s.end)
        previous, end = best.label, best.end
    return end


def _head_of(doc: Doc, start: int, end: int, lex: Lexicons) -> int | None:
    for i in range(start, end):
        if _is_head_word(doc[i], lex):
            return i
    return None


def known_names(doc: Doc, lex: Lexicons) -> Iterator[tuple[int, int]]:
    """Token ranges whose lemmas spell a name from `org_known.txt`."""
    lemmas = [word_lemma(t.text) if not t.is_punct else t.text for t in doc]
    for i, first in enumerate(lemmas):
        for name in lex.known.get(first, ()):
            words = name.split()
            if lemmas[i : i + len(words)] == words:
                yield i, i + len(words)


def defined_terms(doc: Doc, found: Found, name_ends: set[int]) -> frozenset[str]:
    """Abbreviations the text defines for a thing that is not a body: «транспортным средством (БПТС)».

    `name_ends`: token indices where a name read in the text ends (a parenthesis there is its alias).
    """
    terms = set()
    for segs in found.get("ABBR", {}).values():
        for seg in segs:
            if seg.end - seg.start != 1 or seg.start < 2 or seg.end >= len(doc):
                continue
            before = doc[seg.start - 2]
            if seg.start - 1 in name_ends:
                continue
            in_parentheses = doc[seg.start - 1].text == "(" and doc[seg.end].text == ")"
            after_term = before.text.islower() and before.pos_ in ("NOUN", "ADJ")
            if in_parentheses and after_term and not _is_head_word(before, lexicon()):
                terms.add(doc[seg.start].text)
    return frozenset(terms)


def candidates(doc: Doc, found: Found, blocked: frozenset[str]) -> list[Candidate]:
    """Organization names the grammar reads in the text (NER spans are added by the stage)."""
    lex = lexicon()
    out: list[Candidate] = []
    for label in CORES:
        for segs in found.get(label, {}).values():
            for seg in segs:
                head = _head_of(doc, seg.start, seg.end, lex) if label != "ABBR" else None
                if label == "HEAD" and not _head_core_ok(doc, seg, head, lex):
                    continue
                if label == "ABBR" and (not _abbreviation_ok(doc, seg, lex) or doc[seg.start].text in blocked):
                    continue
                end = grow(doc, seg.start, seg.end, found, lex, blocked, proper=label == "ABBR")
                # «Российская Федерация» reads like a body, but alone the NER knows it for a place.
                if end == seg.end and _is_place(doc, seg.start, seg.end):
                    continue
                if label == "HEAD" and end == seg.end and not _names_alone(doc, seg, head):
                    continue
                out.append(Candidate(seg.start, end, label, head))
    for start, end in known_names(doc, lex):
        end = grow(doc, start, end, found, lex, blocked, proper=True)
        out.append(Candidate(start, end, "KNOWN", _head_of(doc, start, end, lex)))
    return out


def _is_place(doc: Doc, start: int, end: int) -> bool:
    """«Российская Федерация» reads like a body but the NER knows it for a place."""
    return all(t.ent_type_ == "LOC" for t in doc[start:end] if t.is_alpha)


def _head_core_ok(doc: Doc, seg: Segment, head: int | None, lex: Lexicons) -> bool:
    if head is None or head != seg.end - 1:
        return False
    token = doc[head]
    # Names before the head are foreign words («Жогорку Кенеш») or adjectives the tagger missed
    # («Межстранового Совета»), not a noun of the sentence («Заседание Совета»).
    for before in doc[seg.start : head]:
        if before.pos_ == "PROPN" and not _foreign_or_adjective(before.text):
            return False
    # Plural common nouns are kinds of bodies («министерств и ведомств»), not a body.
    return not ("Plur" in token.morph.get("Number") and not token.text[:1].isupper())


def _foreign_or_adjective(word: str) -> bool:
    morph = loading.morph()
    return not morph.word_is_known(word.lower()) or morph.parse(word.lower())[0].tag.POS == "ADJF"


def _names_alone(doc: Doc, seg: Segment, head: int | None) -> bool:
    """A core without tails is a name only when capitalised beyond the sentence start («Общественный Совет»)."""
    words = [t for t in doc[seg.start : seg.end] if t.is_alpha]
    capitalised = [t for t in words if t.text[:1].isupper() and not t.is_sent_start]
    return len(words) >= 2 and len(capitalised) == len(words)


def _abbreviation_ok(doc: Doc, seg: Segment, lex: Lexicons) -> bool:
    tokens = list(doc[seg.start : seg.end])
    for token in tokens:
        if token.lower_ in lex.not_abbreviations | lex.country_codes or not _ABBR_SHAPE.match(token.text):
            return False
        if re.fullmatch(r"[IVXХІМСLDС]+", token.text):  # Roman numerals, also typed in Cyrillic
            return False
        if token.ent_type_ in ("PER", "LOC"):
            return False
        # An all-caps ordinary word («ВНИМАНИЕ», «ИВАНОВ») is emphasis or a surname, not an abbreviation.
        word = token.text.lower()
        known = len(word) > 3 and loading.morph().word_is_known(word)
        if known and not any("Abbr" in p.tag for p in loading.parse(word)):
            return False
    return True
