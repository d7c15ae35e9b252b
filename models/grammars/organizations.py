"""A grammar of organization names over the tagged spaCy Doc (spaCy Matcher patterns + lexicons).

    ORG      → CORE TAIL*
    CORE     → MOD* HEAD                      «Межстрановой Большой Общественный Совет», «областной маслихат»
             | MOD* HEAD QUOTED               «партия «Ак Жол»», «фонд «Наследие»»
             | LEGAL QUOTED                   «ОО «Ресурсный центр для пожилых»», «ОАО "Газпром"»
             | ABBR+                          «ЕЭК», «ИДИ ФНИСЦ РАН»
             | STAFF GEN_MOD* OFFICE          «аппарат акима», «аппарат полномочного представителя»
             | HEAD-и WORD                    «Маджлиси Оли», «Маджлиси намояндагон» (izafet)
             | KNOWN                          names from `org_known.txt` («Кремль», «Белый дом»)
    TAIL     → GEN_NP                         «… труда», «… Кыргызской Республики», «… Совета Федерации»
             | CONJ GEN_NP                    «… труда, социального обеспечения и миграции»
             | по NP                          «… по вопросам миграции» (only where the parse attaches it)
             | CONJ NP                        «… по безопасности и противодействию коррупции»
             | при NAME                       «… при Торага Жогорку Кенеш»
             | NAME+ HEAD                     «… Олий Мажлиса» (a body named in the state language)
             | ABBR                           «… КР», «… ООН»
             | № NUM                          «лицей № 8 …» (right after an institution's kind)

Token classes are Matcher patterns over the morphology slovnet assigned in context; the chart of
TAIL segments is walked left to right from the end of each CORE (`grow`). CORE patterns run over
every sentence that may hold one; TAIL patterns only from where a name ends (`Found`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_UPPER, LEMMA, LENGTH, LOWER, ORTH, POS
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from models import lexicons, loading
from models.checkpoints import checkpoint
from models.components.extensions import entities
from models.grammars.places import place_kinds
from models.punctuation import DASHES

OPEN_QUOTES = ["«", "„", "“", '"']
CLOSE_QUOTES = ["»", "“", "”", '"']
_NOMINAL = ["NOUN", "PROPN", "ADJ", "NUM", "DET"]
_MAX_TAILS = 8
# («в Барскоонском айыл окмоту»: a place's adjective in the prepositional; «-ом» alone ends nouns too.)
ADJECTIVE_ENDING = r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ей|ую|юю|ых|их|ыми|ими|[сц]ком)$"
# Endings only an adjective has (no verb form ends so): a rare adjective the tagger calls a verb («айылного»).
MISREAD_ADJECTIVE_ENDING = r"(ого|его|ому|ему|ых)$"
_ABBR_SHAPE = re.compile(r"^[А-ЯЁ]{2,7}$")  # Latin abbreviations are left to NER and `org_known`


@cache
def legal_phrases() -> frozenset[tuple[str, ...]]:
    """Legal forms spelled out in words (`org_legal_phrases`), as lemma pairs: («унитарный», «предприятие»)."""
    return frozenset(tuple(entry.split()) for entry in lexicons.load("org_legal_phrases"))


# «горкенеш», «облмаслихат», «райкенеш»: a level's syllable contracted onto a kind of body.
LEVEL_SYLLABLES = ("гор", "рай", "обл")


@lru_cache(maxsize=20_000)
def contracted_head(word: str) -> str | None:
    """«горкенеша» → «горкенеш», «облмаслихату» → «облмаслихат»: a level's syllable before a kind of body the dictionary
    does not know declines as that kind; its dictionary form, or None for any other word («городской», «район»)."""
    word = word.lower()
    syllable = next((s for s in LEVEL_SYLLABLES if word.startswith(s)), None)
    if syllable is None or loading.morph().word_is_known(word):
        return None
    rest = word[len(syllable) :]
    if len(rest) < 4:
        return None
    lex = lexicon()
    kind = lex.foreign_heads.get(rest) or (rest if rest in lex.heads else None)
    if kind is None:
        lemma = word_lemma(rest)
        kind = lemma if lemma in lex.heads else None
    return syllable + kind if kind is not None else None


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
    # Inflected forms of the heads no dictionary knows («маслихата» → «маслихат»): the tagger guesses their
    # lemma («маслихатый»), so they are matched by form.
    foreign_heads: dict[str, str]
    known: dict[str, tuple[str, ...]]  # first lemma → lemma sequences of known names


@cache
def lexicon() -> Lexicons:
    known: dict[str, tuple[str, ...]] = {}
    for name in lexicons.load("org_known"):
        words = tuple(word_lemma(w) for w in re.findall(r"[\wЁё.-]+", name))
        if words:
            known.setdefault(words[0], ())
            known[words[0]] = (*known[words[0]], " ".join(words))
    heads = lexicons.load("org_heads")
    return Lexicons(
        heads=heads,
        legal_forms=_with_regional_forms(lexicons.load("org_legal_forms")),
        not_abbreviations=lexicons.load("org_not_abbreviations"),
        country_codes=lexicons.load("org_country_codes"),
        subunits=lexicons.load("org_subunits"),
        position_nouns=lexicons.load("org_position_nouns"),
        determiners=lexicons.load("org_determiners"),
        referring_heads=lexicons.load("org_referring_heads"),
        foreign_heads=_foreign_forms(heads),
        known=known,
    )


# A region's or a territory's letters before a state or municipal institution's form: «ОГБУЗ» (областное), «КГБУЗ»
# (краевое), «КОГБУЗ» (Кировское областное), «ТОГБУЗ» (Тамбовское областное), «КОГУП»: the level, after the region's
# initial when the region has its own institutions of that form.
_REGIONAL_PREFIXES = ("о", "к", *(letter + "о" for letter in "абвгдежзиклмнопрстуфхцчшэюя"))
_STATE_FORM = re.compile(r"^[гм][а-я]{2,4}$")


def _with_regional_forms(forms: frozenset[str]) -> frozenset[str]:
    morph = loading.morph()
    regional = {prefix + form for form in forms if _STATE_FORM.match(form) for prefix in _REGIONAL_PREFIXES}
    # («ломку», «бомбу»: a word of the dictionary the letters happen to spell is no form.)
    return forms | {form for form in regional if not morph.word_is_known(form)}


def _foreign_forms(heads: frozenset[str]) -> dict[str, str]:
    morph = loading.morph()
    forms: dict[str, str] = {}
    for head in sorted(heads):
        if morph.word_is_known(head):
            continue
        # «окмоту» does not inflect; the dictionary guesses it a form of another word («окмота»).
        forms.setdefault(head, head)
        declined = False
        for parse in loading.parse(head):
            if parse.normal_form == head and parse.tag.POS == "NOUN":
                for form in parse.lexeme:
                    declined = declined or form.word != head
                    forms.setdefault(form.word.replace("ё", "е"), head)
        # «в Жогорку Кенеше»: a kind the dictionary cannot decline, ending in a consonant, declines as a masculine noun.
        if not declined and head[-1] not in _VOWELS:
            for ending in _MASCULINE_ENDINGS:
                forms.setdefault(head + ending, head)
    return forms


# «его руководитель», «их прав»: possessives, which point to the body just named or take a tail's case.
POSSESSIVES = frozenset({"их", "его", "ее", "её"})
_MASCULINE_ENDINGS = ("а", "у", "ом", "ем", "е", "ы", "и", "ов", "ей", "ам", "ами", "ах")


# A body's branches, by their kind. An «отделение» named by its region is registered as a body of its own («Томское
# региональное отделение Союза …»); a «филиал» or «представительство» stays its company's office: the company's name
# after it is the body («филиала | АО «…»»).
REGISTERED_BRANCHES = frozenset({"отделение"})
OFFICE_BRANCHES = frozenset({"филиал", "представительство"})
BRANCHES = REGISTERED_BRANCHES | OFFICE_BRANCHES
# Fields that go on with what they are about («по законодательству о природопользовании»).
_ABOUT_GOVERNOR = "законодательство"
# Fields named by an action whose object is in the dative («по противодействию коррупции» is a genitive, «… новым
# вызовам» a dative).
_DATIVE_GOVERNORS = frozenset({"противодействие", "содействие"})
# Fields of relations that go on with the parties they are between («по сотрудничеству между …»).
_BETWEEN_GOVERNORS = frozenset({"сотрудничество", "взаимодействие", "отношение", "связь", "торговля"})
# The longest word an address cuts short with a dot («каб.», «корп.», «стр.»).
_CUT_WORD = 4
# Legal forms of companies and public associations (not of state or municipal institutions).
_COMPANY_FORMS = frozenset({"оао", "зао", "ооо", "ао", "пао", "одо", "оо", "тоо"})
# A party's or an association's branches, which name the body they are of by its kind and quoted name
# (`kind_of_branch`), and how many of the kind's adjectives may stand between.
NAMED_BODY_BRANCHES = frozenset({"отделение", "организация"})
_BRANCH_ADJECTIVES = 3
# A municipality's kinds after «муниципальном» (`IN_MUNICIPALITY`).
_MUNICIPALITY_KINDS = frozenset({"образовании", "районе", "округе"})
# Offices a council may be attached to («при губернаторе …», «при уполномоченном по правам человека …»).
_PRI_HOLDERS = lexicons.load("org_office_holders") | {"уполномоченный", "представитель"}


@dataclass(frozen=True)
class _Words:
    """The token patterns the rules below are written in: a body's kind and its modifiers, quotations, noun
    phrases in each case."""

    mod: dict
    head: dict
    misread: dict
    misread_level: dict
    foreign_head: dict
    foreign_mod: dict
    quoted: list[dict]
    nested_quoted: list[dict]
    nested_wrapped: list[dict]
    wiki_quoted: list[dict]
    gen_noun: dict
    gen_compound: dict
    oblique_mod: dict
    oblique_noun: dict
    conj: dict
    ins_mod: dict
    acc_mod: dict
    acc_noun: dict
    ins_noun: dict
    loc_mod: dict
    loc_noun: dict
    gen_mod: dict
    dat_mod: dict
    compound_dat_mod: dict
    abbr: dict
    legal_kinds: set[str]
    name_word: dict

    def coordinated(self, mod: dict, noun: dict) -> list[dict]:
        """«фермерских, дехканских хозяйств»: adjectives joined by commas and «и» that share one noun."""
        more = [{**self.conj, "OP": "?"}, {**mod, "OP": "?"}] * 2
        return [mod, self.conj, mod, *more, noun]


def _words(lex: Lexicons) -> _Words:
    """The grammar's terminals, built from the lexicons."""
    mod = {"POS": {"IN": ["ADJ"]}, "LEMMA": {"NOT_IN": sorted(lex.determiners)}}
    head = {"LEMMA": {"IN": sorted(lex.heads)}}
    # («айылного кенеша»: the tagger may take a rare adjective for a foreign word.)
    misread = {"POS": {"IN": ["VERB", "NOUN", "X"]}, "IS_LOWER": True, "TEXT": {"REGEX": MISREAD_ADJECTIVE_ENDING}}
    # («в Кашкадарьинском областном Кенгаше»: a level in the prepositional, which the tagger may call a noun.)
    levels = sorted(lexicons.load("org_levels"))
    misread_level = {"POS": {"IN": ["VERB", "NOUN", "X"]}, "IS_LOWER": True, "LEMMA": {"IN": levels}}
    foreign_head = {"LOWER": {"IN": sorted(lex.foreign_heads)}, "LEMMA": {"NOT_IN": sorted(lex.heads)}}
    # «Кулундинского айыл окмоту»: a state-language word before the foreign kind.
    foreign_mod = {"LOWER": {"IN": sorted(lexicons.load("org_foreign_modifiers"))}}
    about = sorted(lexicons.load("about_prepositions"))
    quoted = [
        {"ORTH": {"IN": OPEN_QUOTES}},
        # «кенеш «Об утверждении Положения …»»: a quotation that starts with «О» is a document's title;
        # one in lower case is someone's words («правительство "не будет принимать …"»), not a name.
        {
            "ORTH": {"NOT_IN": [*CLOSE_QUOTES, "«", "\n"]},
            "LOWER": {"NOT_IN": about},
            "IS_SPACE": False,
            "IS_LOWER": False,
        },
        {"ORTH": {"NOT_IN": [*CLOSE_QUOTES, "«", "\n"]}, "IS_SPACE": False, "OP": "{0,11}"},
        {"ORTH": {"IN": CLOSE_QUOTES}},
    ]
    inner = {"ORTH": {"NOT_IN": [*CLOSE_QUOTES, "«", "\n"]}, "IS_SPACE": False}
    nested_quoted = [
        {"ORTH": "«"},
        {**inner, "IS_LOWER": False, "LOWER": {"NOT_IN": about}},
        {**inner, "OP": "{0,6}"},
        {"ORTH": "«"},
        {**inner, "OP": "{1,4}"},
        {"ORTH": {"IN": CLOSE_QUOTES}},
        {"ORTH": "»", "OP": "?"},
    ]
    # «ТОГБУ «Комплексный центр … населения / «Берёзка»»»: a text wrapped at a fixed width breaks the line before
    # the inner quote; both quotes closed after it make it one name (a line ending inside an open quote ends no name).
    nested_wrapped = [*nested_quoted[:3], {"ORTH": "\n"}, *nested_quoted[3:-1], {"ORTH": {"IN": CLOSE_QUOTES}}]
    # ''The New Yorker'': wiki markup scraped as text quotes with two apostrophes.
    apostrophe = {"ORTH": "'"}
    wiki_quoted = [
        apostrophe,
        apostrophe,
        {"ORTH": {"NOT_IN": ["'", "\n"]}, "IS_SPACE": False, "IS_LOWER": False},
        {"ORTH": {"NOT_IN": ["'", "\n"]}, "IS_SPACE": False, "OP": "{0,11}"},
        apostrophe,
        apostrophe,
    ]
    gen = {"POS": {"IN": _NOMINAL}, "MORPH": {"IS_SUPERSET": ["Case=Gen"]}}
    gen_noun = {"POS": {"IN": ["NOUN", "PROPN"]}, "MORPH": {"IS_SUPERSET": ["Case=Gen"]}}
    # «топливно-энергетического комплекса»: the tagger leaves a compound adjective without a case.
    gen_compound = {"POS": "ADJ", "TEXT": {"REGEX": r"^\w+о-\w+(ого|его|ых|их)$"}}
    # Modifiers in a case: adjectives, numerals, determiners and participles («вооружённых сил»), which the
    # tagger calls verbs (a finite verb has no case).
    case_mod = ["ADJ", "NUM", "DET", "VERB"]
    oblique_mod = {"POS": {"IN": case_mod}, "MORPH": {"IS_SUPERSET": ["Case=Dat"]}, "OP": "*"}
    oblique_noun = {"POS": {"IN": ["NOUN", "PROPN"]}, "MORPH": {"IS_SUPERSET": ["Case=Dat"]}}
    conj = {"ORTH": {"IN": [",", "и"]}}
    ins_mod = {"POS": {"IN": case_mod}, "MORPH": {"IS_SUPERSET": ["Case=Ins"]}}
    acc_mod = {"POS": {"IN": case_mod}, "MORPH": {"IS_SUPERSET": ["Case=Acc"]}}
    acc_noun = {"POS": "NOUN", "MORPH": {"IS_SUPERSET": ["Case=Acc"]}}
    ins_noun = {"POS": {"IN": ["NOUN", "PROPN"]}, "MORPH": {"IS_SUPERSET": ["Case=Ins"]}}
    loc_mod = {"POS": {"IN": case_mod}, "MORPH": {"IS_SUPERSET": ["Case=Loc"]}}
    loc_noun = {"POS": {"IN": ["NOUN", "PROPN"]}, "MORPH": {"IS_SUPERSET": ["Case=Loc"]}}
    # «фермерских, дехканских хозяйств», «по строительному, жилищному и дорожному надзору»: adjectives joined
    # by commas and «и» share one noun.
    gen_mod = {**gen, "POS": {"IN": case_mod}}
    dat_mod = {"POS": {"IN": case_mod}, "MORPH": {"IS_SUPERSET": ["Case=Dat"]}}
    # «по финансово-бюджетным вопросам», «и социально-экономическому развитию»: a compound adjective the tagger
    # gives no case; its dative ending says it.
    compound_dat_mod = {"POS": "ADJ", "TEXT": {"REGEX": r"^[а-яё]+о-[а-яё]+(ым|им|ому|ему)$"}}

    abbr = {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2, "<=": 7}}
    legal_kinds = {phrase[-1] for phrase in legal_phrases()} - lex.heads
    name_word = {"IS_TITLE": True, "IS_SENT_START": False}
    return _Words(
        mod=mod,
        head=head,
        misread=misread,
        misread_level=misread_level,
        foreign_head=foreign_head,
        foreign_mod=foreign_mod,
        quoted=quoted,
        nested_quoted=nested_quoted,
        nested_wrapped=nested_wrapped,
        wiki_quoted=wiki_quoted,
        gen_noun=gen_noun,
        gen_compound=gen_compound,
        oblique_mod=oblique_mod,
        oblique_noun=oblique_noun,
        conj=conj,
        ins_mod=ins_mod,
        acc_mod=acc_mod,
        acc_noun=acc_noun,
        ins_noun=ins_noun,
        loc_mod=loc_mod,
        loc_noun=loc_noun,
        gen_mod=gen_mod,
        dat_mod=dat_mod,
        compound_dat_mod=compound_dat_mod,
        abbr=abbr,
        legal_kinds=legal_kinds,
        name_word=name_word,
    )


def _kind_cores(w: _Words) -> dict[str, list[list[dict]]]:
    """A body's kind, after the adjectives that make it one body (its level, its field, its place's
    adjective): «Кочкорский айылный кенеш», «Межстранового Большого Совета», «Тверское региональное отделение»."""
    return {
        "HEAD": [
            [{**w.mod, "OP": "*"}, w.head],
            [{**w.mod, "OP": "*"}, w.foreign_head],
            # («глава айыл окмоту»: the bare kind refers to the body the text is about.)
            [{**w.mod, "OP": "+"}, w.foreign_mod, w.foreign_head],
            [{**w.mod, "OP": "+"}, w.misread, w.head],
            [{**w.mod, "OP": "+"}, w.misread_level, w.head],
            # «Намский улусный (районный) Совет»: the level in the local word, then glossed in Russian in brackets
            # (the place's adjective may be read as a name).
            *(
                [
                    first,
                    {**w.mod, "OP": "*"},
                    {**w.misread, "OP": "?"},
                    {"ORTH": "("},
                    {"IS_LOWER": True, "TEXT": {"REGEX": ADJECTIVE_ENDING}},
                    {"ORTH": ")"},
                    w.head,
                ]
                for first in (
                    w.mod,
                    {"POS": {"IN": ["PROPN", "X"]}, "IS_TITLE": True, "TEXT": {"REGEX": ADJECTIVE_ENDING}},
                )
            ),
            # The tagger takes a rare capitalised adjective for a name («Межстранового Большого Совета») or a
            # foreign word («Нариманского айылного кенеша»).
            [
                {"POS": {"IN": ["PROPN", "X"]}, "IS_TITLE": True, "TEXT": {"REGEX": ADJECTIVE_ENDING}},
                {**w.mod, "OP": "*"},
                {**w.misread, "OP": "?"},
                w.head,
            ],
            [
                {"POS": {"IN": ["PROPN", "X"]}, "IS_TITLE": True, "TEXT": {"REGEX": ADJECTIVE_ENDING}},
                {**w.mod, "OP": "*"},
                w.foreign_mod,
                w.foreign_head,
            ],
            # «Кочкорский айылный кенеш»: a state-language level before a Russian-declined kind; «Дашогузского
            # велаятского Халк Маслахаты»: the level the tagger misreads.
            [{**w.mod, "OP": "+"}, w.foreign_mod, w.head],
            [{**w.mod, "OP": "*"}, w.misread, w.foreign_mod, w.head],
            [
                {"POS": {"IN": ["PROPN", "X"]}, "IS_TITLE": True, "TEXT": {"REGEX": ADJECTIVE_ENDING}},
                {**w.mod, "OP": "*"},
                w.foreign_mod,
                w.head,
            ],
            # («чувашской национально-культурной автономии»: the tagger may read a registered kind's adjectives as
            # nouns; `_head_core_ok` keeps them where the dictionary knows them for adjectives only.)
            [
                {"IS_LOWER": True, "POS": {"IN": ["NOUN", "ADJ", "X"]}, "TEXT": {"REGEX": ADJECTIVE_ENDING}, "OP": "+"},
                {"LEMMA": {"IN": sorted(k for k, need in _qualified_heads().items() if need[0] not in "q+")}},
            ],
            # «Тверское региональное отделение …»: a party's or an association's branch named by its region's
            # adjective and level (`units._registered_branch`: a body of its own).
            [
                {"IS_TITLE": True, "TEXT": {"REGEX": r"[сц]к(ое|ого|ому|им|ом)$"}},
                {"LEMMA": {"IN": sorted(lexicons.load("org_levels"))}, "IS_LOWER": True},
                {"LEMMA": {"IN": sorted(REGISTERED_BRANCHES)}},
            ],
            # «Джейрахско-Ассинский государственный историко-архитектурный и природный музей-заповедник»: two
            # adjectives joined by «и» in a name that opens with its place's capitalised adjective (in small letters,
            # «областного и районного бюджета», they are two things).
            [
                {"POS": "ADJ", "IS_TITLE": True, "TEXT": {"REGEX": r"[сц]к(ий|ого|ому|им|ом|ая|ой|ую|ое)$"}},
                {**w.mod, "OP": "*"},
                {"LOWER": "и"},
                {**w.mod, "OP": "+"},
                w.head,
            ],
            # Bodies named in the state language before a Russian head: «Жогорку Кенеш», «Олий Мажлис».
            [
                {"POS": "PROPN", "IS_TITLE": True, "ENT_TYPE": {"NOT_IN": ["PER"]}, "OP": "{1,2}"},
                {**w.head, "IS_TITLE": True},
            ],
        ],
    }


def _named_cores(w: _Words, lex: Lexicons) -> dict[str, list[list[dict]]]:
    """A body given its own name: a kind or a legal form before a quoted name, an abbreviation, a state-language
    izafet, the staff of an office."""
    return {
        # A kind of body, then its name: «партия «Ак Жол»», «некоммерческая организация «…»».
        "HEAD_QUOTED": [
            [{**w.mod, "OP": "*"}, {**w.head, "IS_LOWER": True}, *w.quoted],
            # «крестьянского хозяйства «Береке»»: a legal form spelled out, whose kind is no body's name alone.
            [{**w.mod, "OP": "+"}, {"LEMMA": {"IN": sorted(w.legal_kinds)}, "IS_LOWER": True}, *w.quoted],
            [{**w.mod, "OP": "*"}, {**w.head, "IS_LOWER": True}, *w.wiki_quoted],
            # «общественная организация «Армянская община «Арарат»»: a name quoted inside the name, as after a
            # form's abbreviation (`LEGAL_QUOTED`), the closing quotes often written once.
            [{**w.mod, "OP": "*"}, {**w.head, "IS_LOWER": True}, *w.nested_quoted],
            [{**w.mod, "OP": "*"}, {**w.head, "IS_LOWER": True}, *w.nested_wrapped],
            # «Ассоциация «Совет муниципальных образований …»», «Союз «Женщины Дона»»: a union's kind with its capital,
            # alone before a quoted name, is the name's first word.
            [{"LEMMA": {"IN": sorted(lexicons.load("org_member_unions"))}, "IS_TITLE": True}, *w.quoted],
            # «сотрудники Корпорации «Казахмыс»», «Фонд «Наследие»»: a kind given a capital inside a sentence is the
            # name's first word, as a union's is (in small letters, «компании «…»», it describes the name).
            [{**w.head, "IS_TITLE": True, "IS_SENT_START": False}, *w.quoted],
        ],
        # «ГУЗ СО «Вольская районная больница»»: a region's code may stand between the form and the name.
        "LEGAL_QUOTED": [
            # «ГБУ ДО РК «…»», «ГБУ СО ЯО «…»»: the form, the kind of service and the region, each abbreviated.
            [
                {"LOWER": {"IN": _ocr_variants(lex.legal_forms)}},
                {**w.abbr, "LENGTH": {"<=": 3}, "OP": "{0,2}"},
                *w.quoted,
            ],
            # «ГБУЗ РС(Я) «Намская ЦРБ»»: a region's code with its second name's letter in brackets («Республика Саха
            # (Якутия)»).
            [
                {"LOWER": {"IN": _ocr_variants(lex.legal_forms)}},
                {**w.abbr, "LENGTH": {"<=": 3}},
                {"ORTH": "("},
                {"IS_ALPHA": True, "IS_UPPER": True, "LENGTH": {"<=": 2}},
                {"ORTH": ")"},
                *w.quoted,
            ],
            # «ОО «Общество инвалидов «Шуақ»»: a name quoted inside the name, the closing quotes often written once.
            [{"LOWER": {"IN": _ocr_variants(lex.legal_forms)}}, *w.nested_quoted],
            [{"LOWER": {"IN": _ocr_variants(lex.legal_forms)}}, *w.nested_wrapped],
            # «ГКП на ПХВ «Кокшетау Жылу»», «КГП на ПХВ «Риддерская городская больница»»: a Kazakh state enterprise's
            # form with its property right («на праве хозяйственного ведения / оперативного управления») abbreviated.
            [
                {"LOWER": {"IN": _ocr_variants(lex.legal_forms)}},
                {"LOWER": "на"},
                {"LOWER": {"IN": ["пхв", "поу"]}},
                *w.quoted,
            ],
            # «МП «Таласводоканал»», «ГЛХУ «Лидский лесхоз»», «АТП «Темп-Автотех»»: an abbreviation no lexicon
            # lists (local and national forms are many) right before a quoted name is its form or kind.
            [
                {**w.abbr, "LENGTH": {"<=": 5}, "LOWER": {"NOT_IN": sorted(lex.country_codes | lex.not_abbreviations)}},
                *w.quoted,
            ],
            # «ПО «Азеригаз»», «ПО «Беларуськалий»»: a production association in capitals (alone «ПО» is software).
            [{"ORTH": "ПО"}, *w.quoted],
        ],
        "ABBR": [[w.abbr, {**w.abbr, "OP": "{0,2}"}]],
        # «Маджлиси Оли», «Маджлиси намояндагон»: the kind first, in the izafet form, then its attribute.
        "IZAFET": [
            [
                {"LOWER": {"IN": sorted(lexicons.load("org_izafet_heads"))}, "IS_TITLE": True},
                # The NER reads such pairs as a person's name; the izafet says they are not.
                {"IS_ALPHA": True, "POS": {"NOT_IN": ["ADP", "CCONJ", "VERB"]}},
            ]
        ],
        # «аппарат акима …», «аппарат полномочного представителя Президента …»: the staff of an office.
        "OFFICE": [
            [
                {"LEMMA": {"IN": sorted(lexicons.load("org_office_staffs"))}, "IS_LOWER": True},
                {**w.gen_mod, "OP": "*"},
                {
                    "LEMMA": {"IN": sorted(lexicons.load("org_office_holders") | {"представитель"})},
                    "MORPH": {"IS_SUPERSET": ["Case=Gen"]},
                },
            ]
        ],
    }


def _case_tails(w: _Words) -> dict[str, list[list[dict]]]:
    """Tails that go on with a noun phrase in a case: whose the body is (the genitive), its field («по …» and
    what the field is about, its sphere, its object) and the cause it stands for."""
    return {
        "GEN_NP": [
            [{**w.gen_mod, "OP": "*"}, w.gen_noun],
            # «… и защите | их прав»: a possessive the tagger leaves without a case (`_tail_ok`: after a field only).
            [{"LOWER": {"IN": sorted(POSSESSIVES)}}, w.gen_noun],
            # «в хокимият Хорезмской области»: after a head it misreads, the tagger gives the adjective the head's
            # case; before a feminine noun in the genitive singular an adjective in -ой/-ей agrees with it.
            [
                {"POS": "ADJ", "TEXT": {"REGEX": r"(ой|ей)$"}, "OP": "+"},
                {**w.gen_noun, "MORPH": {"IS_SUPERSET": ["Case=Gen", "Gender=Fem", "Number=Sing"]}},
            ],
            # «Кабинета Министров Нахчыванской Автономной Республики»: a place's adjective the dictionary does not
            # know, which the tagger takes for a name in the nominative, agrees with the feminine genitive after it.
            [
                {"POS": "PROPN", "TEXT": {"REGEX": r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[сц]кой$"}},
                {"POS": "ADJ", "TEXT": {"REGEX": r"(ой|ей)$"}, "OP": "*"},
                {**w.gen_noun, "MORPH": {"IS_SUPERSET": ["Case=Gen", "Gender=Fem", "Number=Sing"]}},
            ],
            # «Думы Парфеньевского муниципального округа»: so in the masculine and neuter, whose «-ого» no nominative
            # ends in.
            [
                {"POS": {"IN": ["PROPN", "X"]}, "TEXT": {"REGEX": r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[сц]кого$"}},
                {**w.gen_mod, "OP": "*"},
                {**w.gen_noun, "MORPH": {"IS_SUPERSET": ["Case=Gen", "Number=Sing"]}},
            ],
            [w.gen_compound, w.gen_noun],
            # «ассоциации водопользователей «Обу Хаёт»»: an agent noun's plural in -телей is a genitive (or an
            # accusative, which no name's tail is) whatever case the tagger gives it.
            [{**w.gen_mod, "OP": "*"}, {"POS": "NOUN", "IS_LOWER": True, "TEXT": {"REGEX": r"телей$"}}],
            # «Комиссии Парламентского / Собрания …»: a text wrapped at a fixed width cuts a name between its
            # capitalised modifier and noun (`grow` keeps the break only after a long line).
            [{**w.gen_mod, "IS_TITLE": True, "OP": "+"}, {"ORTH": "\n"}, {**w.gen_noun, "IS_TITLE": True}],
            # «Совет председателей | махаллей города Истаравшан»: a Central Asian neighbourhood's kind, which the tagger
            # reads as an adjective or a verb.
            [{"LOWER": {"IN": ["махаллей", "махалли"]}}],
            w.coordinated(w.gen_mod, w.gen_noun),
            # «крестьянских (фермерских) хозяйств»: another word for the modifier, in parentheses.
            [
                w.gen_mod,
                {"ORTH": "("},
                {**w.gen_mod, "IS_LOWER": True},
                {"ORTH": ")"},
                {**w.gen_mod, "OP": "*"},
                w.gen_noun,
            ],
            # «совет ветеранов (пенсионеров) войны, труда …»: another word for the noun, in parentheses.
            [{**w.gen_mod, "OP": "*"}, w.gen_noun, {"ORTH": "("}, {**w.gen_noun, "IS_LOWER": True}, {"ORTH": ")"}],
        ],
        "CONJ_GEN_NP": [
            [w.conj, {**w.gen_mod, "OP": "*"}, w.gen_noun],
            [w.conj, w.gen_compound, w.gen_noun],
        ],
        "PO_NP": [
            [{"LOWER": "по"}, w.oblique_mod, w.oblique_noun],
            [{"LOWER": "по"}, *w.coordinated(w.dat_mod, w.oblique_noun)],
            [{"LOWER": "по"}, w.compound_dat_mod, w.oblique_mod, w.oblique_noun],
        ],
        "CONJ_DAT_NP": [
            [w.conj, w.oblique_mod, w.oblique_noun],
            [w.conj, w.compound_dat_mod, w.oblique_mod, w.oblique_noun],
            # «по бюджету, экономике и муниципальной собственности»: a feminine noun in -и has one form for the
            # genitive, dative and prepositional, which the tagger reads as a genitive; one in -е («и защите»)
            # one for the dative and prepositional, read as either.
            [
                w.conj,
                {"POS": "ADJ", "TEXT": {"REGEX": r"(ой|ей)$"}, "OP": "*"},
                {"POS": "NOUN", "TEXT": {"REGEX": r"[еи]$"}, "MORPH": {"IS_SUPERSET": ["Gender=Fem", "Number=Sing"]}},
            ],
            # «по экологии, природопользованию, агропромышленной и продовольственной политике»: the list's last
            # field may join its adjectives by «и»; a feminine adjective in -ой/-ей has one form for the dative and
            # the prepositional, which the tagger reads as either.
            [w.conj, *w.coordinated(w.dat_mod, w.oblique_noun)],
            [
                w.conj,
                *w.coordinated(
                    {"POS": "ADJ", "TEXT": {"REGEX": r"(ой|ей)$"}},
                    {
                        "POS": "NOUN",
                        "TEXT": {"REGEX": r"[еи]$"},
                        "MORPH": {"IS_SUPERSET": ["Gender=Fem", "Number=Sing"]},
                    },
                ),
            ],
        ],
        # «постоянная комиссия по законодательству | о природопользовании, экологии и сельском хозяйстве …»: what a
        # field of law is about, in the prepositional (`_tail_ok`: after a field that takes «о»), and more of it.
        "ABOUT_NP": [[{"LOWER": {"IN": ["о", "об"]}}, {**w.loc_mod, "OP": "*"}, w.loc_noun]],
        "CONJ_LOC_NP": [[w.conj, {**w.loc_mod, "OP": "*"}, w.loc_noun]],
        # «Федеральная служба по надзору в сфере природопользования», «… по контролю в области образования»: the
        # sphere a field of supervision is in (`_CONTINUES`: only after a field).
        "SPHERE_NP": [
            [
                {"LOWER": {"IN": ["в", "во"]}},
                {"LOWER": {"IN": ["сфере", "области"]}},
                {**w.gen_mod, "OP": "*"},
                w.gen_noun,
            ],
            [{"LOWER": {"IN": ["в", "во"]}}, {"LOWER": {"IN": ["сфере", "области"]}}, w.gen_compound, w.gen_noun],
        ],
        # «по управлению имуществом», «по контролю за оборотом алкоголя», «по борьбе с терроризмом»: the object
        # of a field named by an action.
        "OBJ_NP": [
            [{**w.ins_mod, "OP": "*"}, w.ins_noun],
            [{"LOWER": {"IN": ["за", "с", "со"]}}, {**w.ins_mod, "OP": "*"}, w.ins_noun],
        ],
        # «Коалиция … за права людей с инвалидностью», «Движение за чистый воздух»: the cause a body stands for
        # (`_tail_ok`: after a name written with a capital only).
        "FOR_NP": [
            [{"LOWER": "за"}, {**w.acc_mod, "OP": "*"}, w.acc_noun, *cause_rest]
            for cause_rest in (
                [],
                [{**w.gen_mod, "OP": "*"}, w.gen_noun],
                [{"LOWER": {"IN": ["с", "со"]}}, {**w.ins_mod, "OP": "*"}, w.ins_noun],
                [
                    {**w.gen_mod, "OP": "*"},
                    w.gen_noun,
                    {"LOWER": {"IN": ["с", "со"]}},
                    {**w.ins_mod, "OP": "*"},
                    w.ins_noun,
                ],
            )
        ],
        # «по делам лиц с инвалидностью», «города Мончегорска с подведомственной территорией»: after a genitive, «с»
        # and a noun that still names who or where (`_CONTINUES`); the tagger may read the noun in any case.
        "WITH_NP": [
            [
                {"LOWER": {"IN": ["с", "со"]}},
                {"POS": {"IN": ["ADJ", "VERB"]}, "OP": "*"},
                {"LEMMA": {"IN": sorted(lexicons.load("org_with_tails"))}},
            ]
        ],
        # «по соблюдению требований к служебному поведению …», «по подготовке к отопительному сезону»: the object of
        # a field's noun that takes «к» (`_tail_ok`).
        "TO_NP": [[{"LOWER": {"IN": ["к", "ко"]}}, w.oblique_mod, w.oblique_noun]],
        # «комиссия по экономическому сотрудничеству | между Правительством Республики Армения | и Правительством …»:
        # the parties a field of relations is between, in the instrumental (`_tail_ok`).
        # «по … противодействию | новым вызовам и угрозам», «по содействию | занятости»: the object of a field's noun
        # that takes the dative (`_tail_ok`).
        "DAT_OBJ_NP": [[w.oblique_mod, w.oblique_noun]],
        "BETWEEN_NP": [[{"LOWER": "между"}, {**w.ins_mod, "OP": "*"}, w.ins_noun]],
        "CONJ_INS_NP": [[{"LOWER": "и"}, {**w.ins_mod, "OP": "*"}, w.ins_noun]],
    }


def _attached_tails(w: _Words, lex: Lexicons) -> dict[str, list[list[dict]]]:
    """Tails that tie the body to something named: the body or office it is attached to («при …»), the state it
    belongs to, its members, its place or town, its number, its own name after a legal form, whom it is named after."""
    return {
        # «Совет при Президенте», «Общественный совет при министерстве образования …»: attached to a body.
        "PRI_NAME": [
            [{"LOWER": "при"}, {**w.name_word, "OP": "{1,4}"}],
            [{"LOWER": "при"}, {**w.mod, "OP": "*"}, {**w.head, "MORPH": {"IS_SUPERSET": ["Case=Loc"]}}],
            # «Региональный совет … при акиме Актюбинской области», «Совет при главе администрации …»: a council
            # attached to an office, its holder in lower case, the place they head in the genitive tail after.
            [
                {"LOWER": "при"},
                {**w.mod, "OP": "*"},
                {"LEMMA": {"IN": sorted(_PRI_HOLDERS)}, "MORPH": {"IS_SUPERSET": ["Case=Loc"]}},
            ],
        ],
        # «Законодательная палата Олий Мажлиса»: a body named in the state language, whose words the tagger
        # reads in no case, in a genitive tail.
        "STATE_NAME": [
            [
                {
                    "IS_TITLE": True,
                    "POS": {"IN": ["PROPN", "ADJ", "NOUN"]},
                    "ENT_TYPE": {"NOT_IN": ["PER"]},
                    "OP": "{1,2}",
                },
                # («Сената Олий Мажлиса»: the tagger may give the foreign kind a lemma of its own, «мажлиса».)
                kind,
            ]
            for kind in ({**w.head, "IS_TITLE": True}, {**w.foreign_head, "IS_TITLE": True})
        ],
        # «Межпарламентская Ассамблея государств – участников СНГ»: the states a body unites, by their role.
        "MEMBERS": [
            [{"ORTH": {"IN": sorted(DASHES)}}, {"LOWER": {"IN": ["участников", "членов"]}}],
            [{"LOWER": {"IN": ["государств-участников", "государств-членов"]}}],
        ],
        # «Ассоциация водопользователей «Чоркух-Об»», «Союз фермеров «Нива»»: a body named by its members, then its
        # own quoted name (`_tail_ok`).
        "MEMBERS_QUOTED": [w.quoted],
        # «Генгеша Саятского этрапа», «Хякимлик Дашогузского велаята»: a local body's place by its adjective and a
        # kind of territory in the state language, which the taggers read as a person and a foreign word
        # (`_tail_ok`: right after a local body's kind).
        "PLACE_BY_ADJECTIVE": [
            [
                {"IS_TITLE": True, "TEXT": {"REGEX": r"[сц]к(ого|ой)$"}},
                {"IS_LOWER": True, "IS_ALPHA": True, "TEXT": {"REGEX": r"[аяиы]$"}},
            ]
        ],
        # «ПАО Сбербанк», «отделением ПАО Газпром»: a company's own name, unquoted, after its legal form
        # (`_tail_ok`: right after the form).
        "FORM_NAME": [
            [{"IS_TITLE": True, "IS_ALPHA": True, "POS": {"IN": ["PROPN", "NOUN"]}, "ENT_TYPE": {"NOT_IN": ["PER"]}}]
        ],
        # «лицей № 8», «школа №1», «хлебокомбинат № 1»: an institution a town numbers (`_tail_ok`).
        "NUMBER": [
            [{"ORTH": {"IN": ["№", "N"]}}, {"IS_DIGIT": True, "LENGTH": {"<=": 4}}],
            [{"TEXT": {"REGEX": r"^№\d{1,4}$"}}],
        ]
        # «школы № 1569 «Созвездие»»: the institution's own quoted name after its number (up to three words).
        + [
            [
                *number,
                {"ORTH": {"IN": OPEN_QUOTES}},
                {"ORTH": {"NOT_IN": OPEN_QUOTES + CLOSE_QUOTES}, "OP": "{1,3}"},
                {"ORTH": {"IN": CLOSE_QUOTES}},
            ]
            for number in (
                [{"ORTH": {"IN": ["№", "N"]}}, {"IS_DIGIT": True, "LENGTH": {"<=": 4}}],
                [{"TEXT": {"REGEX": r"^№\d{1,4}$"}}],
            )
        ],
        # «школа № 2 г. Быхова», «ОМВД России по г. Находке»: a body's town by the abbreviated kind «г.».
        "TOWN": [
            [{"LOWER": {"IN": ["по", "и"]}, "OP": "?"}, {"LOWER": {"IN": ["г", "гор"]}}, {"ORTH": ".", "OP": "?"}, town]
            for town in ({"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}},)
        ]
        # «примэрии муниципия Комрат»: a Moldovan municipality's kind, then its name in the nominative.
        + [[{"LOWER": "муниципия"}, {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN"]}}]],
        # «посольство Республики Беларусь в Армении»: a mission is named by the place it is in (`_tail_ok`).
        "IN_PLACE": [
            [{"LOWER": {"IN": ["в", "во"]}}, {"ENT_TYPE": "LOC", "IS_TITLE": True}, {"ENT_TYPE": "LOC", "OP": "{0,3}"}],
            # «посольства России в США», «Управления судебного департамента в РТ»: a state's or region's code.
            [{"LOWER": {"IN": ["в", "во"]}}, {"LOWER": {"IN": sorted(lex.country_codes)}, "IS_UPPER": True}],
        ],
        # «антитеррористическая комиссия в муниципальном образовании «Город Димитровград» (Ульяновской области)»: a
        # commission or council of a municipality is named by it as the federal models name them (`_tail_ok`: right
        # after the kind).
        "IN_MUNICIPALITY": [
            [
                {"LOWER": {"IN": ["в", "во"]}},
                {"LOWER": "муниципальном"},
                {"LOWER": {"IN": sorted(_MUNICIPALITY_KINDS)}},
                *w.quoted,
            ]
        ],
        # «театр им. М. Н. Ермоловой», «школа имени Абая»
        "NAMED_AFTER": [
            [
                {"LOWER": {"IN": ["имени", "им"]}},
                {"ORTH": ".", "OP": "?"},
                # «имени академика А.Н. Бакулева»: a rank before the person.
                {"IS_LOWER": True, "IS_ALPHA": True, "OP": "{0,2}"},
                {"IS_TITLE": True, "LENGTH": 1, "OP": "{0,2}"},
                {"ORTH": ".", "OP": "?"},
                {"IS_TITLE": True, "LENGTH": 1, "OP": "?"},
                {"ORTH": ".", "OP": "?"},
                {"IS_TITLE": True, "LENGTH": {">": 1}, "OP": "{1,3}"},
            ],
            [
                {"LOWER": {"IN": ["имени", "им"]}},
                {"ORTH": ".", "OP": "?"},
                {"TEXT": {"REGEX": EPONYM_PARTICLE.pattern}},
            ],
        ],
    }


def _patterns(lex: Lexicons) -> dict[str, list[list[dict]]]:
    """The grammar's rules by label: the cores a name is built on (`CORES`), then the tails that may follow one
    (`TAILS`)."""
    w = _words(lex)
    return {**_kind_cores(w), **_named_cores(w, lex), **_case_tails(w), **_attached_tails(w, lex)}


CORES = ("HEAD", "HEAD_QUOTED", "LEGAL_QUOTED", "ABBR", "OFFICE", "IZAFET")
TAILS = (
    "GEN_NP",
    "CONJ_GEN_NP",
    "PO_NP",
    "CONJ_DAT_NP",
    "SPHERE_NP",
    "ABOUT_NP",
    "CONJ_LOC_NP",
    "OBJ_NP",
    "WITH_NP",
    "TO_NP",
    "DAT_OBJ_NP",
    "BETWEEN_NP",
    "CONJ_INS_NP",
    "PRI_NAME",
    "FOR_NP",
    "STATE_NAME",
    "NAMED_AFTER",
    "IN_PLACE",
    "IN_MUNICIPALITY",
    "NUMBER",
    "FORM_NAME",
    "MEMBERS_QUOTED",
    "PLACE_BY_ADJECTIVE",
    "TOWN",
    "IZAFET",
    "MEMBERS",
    "ABBR",
)
# A tail joined by a conjunction continues the kind of phrase before it, never starts one; an action's
# object follows the field it is the object of.
_CONTINUES = {
    "MEMBERS": {"GEN_NP", "CONJ_GEN_NP"},
    "CONJ_GEN_NP": {"GEN_NP", "CONJ_GEN_NP", "SPHERE_NP"},
    "SPHERE_NP": {"PO_NP", "CONJ_DAT_NP", "OBJ_NP"},
    # («по управлению имуществом | и земельным отношениям»: a second field after the first one's object, its sphere
    # or its dative object: «по сотрудничеству в сфере безопасности | и противодействию …».)
    "CONJ_DAT_NP": {"PO_NP", "CONJ_DAT_NP", "GEN_NP", "OBJ_NP", "ABOUT_NP", "CONJ_LOC_NP", "SPHERE_NP", "DAT_OBJ_NP"},
    "DAT_OBJ_NP": {"PO_NP", "CONJ_DAT_NP"},
    "ABOUT_NP": {"PO_NP"},
    "CONJ_LOC_NP": {"ABOUT_NP", "CONJ_LOC_NP", "CONJ_DAT_NP"},
    "OBJ_NP": {"PO_NP", "CONJ_DAT_NP"},
    "WITH_NP": {"GEN_NP"},
    "TO_NP": {"PO_NP", "GEN_NP"},
}


_MATCHERS: dict[tuple[int, tuple[str, ...]], Matcher] = {}
# Tails that are not also cores: matched only where a name ends (`Found.tails`).
_TAILS_ONLY = tuple(label for label in TAILS if label not in CORES)


def matcher(vocab: Vocab, labels: tuple[str, ...] = CORES) -> Matcher:
    """One compiled matcher per vocabulary and set of rules (the process has one pipeline)."""
    key = (id(vocab), labels)
    if key not in _MATCHERS:
        patterns = _patterns(lexicon())
        m = Matcher(vocab)
        for label in labels:
            m.add(label, patterns[label])
        _MATCHERS[key] = m
    return _MATCHERS[key]


@dataclass(frozen=True)
class Segment:
    label: str
    start: int  # token index
    end: int  # token index, exclusive


class Found:
    """Matches of the grammar's rules in one Doc, by rule and start token, in sentences that may hold a core.

    CORE rules are matched once, around the words a core needs (`_core_windows`). TAIL rules are
    only ever looked up where a name ends, so they are matched there on demand, over the few tokens
    a tail starting at that word can span (`_tail_reach`): most of a text follows no name, and
    matching the tails' open patterns («GEN_NP» may start at any genitive) over whole sentences was
    a third of the stage's time. A match depends only on its own tokens, so both find the matches
    a run over whole sentences finds.
    """

    def __init__(self, doc: Doc, sentences: list[tuple[int, int, bool]]) -> None:
        self.doc = doc
        self._sentences = sentences  # (start, end, may hold a core) for every sentence, in order
        self._sentence_starts = [start for start, _, _ in sentences]
        # The TAIL matches at each start token asked about, in the order of `TAILS`: a name's end is asked about
        # again and again (once per core and growth step that reaches it), and the matches there are final once
        # its tails have been matched (cores are all added before the first question).
        self._tails_at: dict[int, list[Segment]] = {}
        self._by_rule: dict[str, dict[int, list[Segment]]] = {}

    def add(self, label: str, start: int, end: int) -> None:
        if _quotes_face_inwards(self.doc, start, end):
            self._by_rule.setdefault(label, {}).setdefault(start, []).append(Segment(label, start, end))

    def starting(self, label: str) -> dict[int, list[Segment]]:
        """Matches of a CORE rule by start token."""
        return self._by_rule.get(label, {})

    def tails(self, start: int) -> list[Segment]:
        """Matches of the TAIL rules that start at token `start`, in the order of `TAILS` (not to be changed)."""
        found = self._tails_at.get(start)
        if found is None:
            self._match_tails_at(start)
            by_rule = self._by_rule
            found = self._tails_at[start] = [
                seg for label in TAILS if label in by_rule for seg in by_rule[label].get(start, ())
            ]
        return found

    def _match_tails_at(self, start: int) -> None:
        sentence = bisect_right(self._sentence_starts, start) - 1
        if sentence < 0 or start >= len(self.doc):
            return
        _, sent_end, may_hold = self._sentences[sentence]
        reach = _tail_reach(self.doc, start, sent_end) if may_hold else 0
        if not reach:
            return
        strings = self.doc.vocab.strings
        for match_id, match_start, match_end in matcher(self.doc.vocab, _TAILS_ONLY)(self.doc[start : start + reach]):
            # Later starts are matched when asked for: the window may cut them short.
            if match_start == 0:
                self.add(strings[match_id], start, start + match_end)


_TAIL_MODIFIER_POS = frozenset({"ADJ", "NUM", "DET"})
# Words a tail of adjectives and a noun opens with.
_TAIL_OPENERS = frozenset({",", "и", "по", "за", "с", "со", "о", "об", "между"})


def _tail_modifier(token: Token) -> bool:
    return token.pos_ in _TAIL_MODIFIER_POS or (token.pos_ == "VERB" and bool(token.morph.get("Case")))


def _tail_reach(doc: Doc, start: int, end: int) -> int:
    """How many tokens a TAIL that starts at `start` can span (0: no tail starts there), up to `end`.

    A conjunction, «по» or a nominal word, then adjectives (the patterns' `OP *`) and one noun;
    «при» and up to four names; «имени» and a name with up to three initials and their dots; «в» and a place.
    """
    first = doc[start]
    lower = first.lower_
    reach = 0
    if first.pos_ in _NOMINAL or _tail_modifier(first) or lower in _TAIL_OPENERS:
        i = start + 1
        while i < end and (
            _tail_modifier(doc[i])
            or (doc[i].lower_ in (",", "и", "(") and i + 1 < end and _tail_modifier(doc[i + 1]))
            or (doc[i].text == ")" and doc[i - 1].is_lower)
        ):
            i += 1
        reach = i + 1 - start
        # «ветеранов (пенсионеров)»: the noun's other word in parentheses. (A sentence that ends the Doc without
        # a full stop ends the reach there: «Пресс-служба улусного Совета депутатов» as a text's last line.)
        n = min(start + reach, end)
        if doc[n - 1].text != "(" and n < end and doc[n].text == "(":
            n += 1
        if doc[n - 1].text == "(" and n + 1 < end and doc[n].is_lower and doc[n + 1].text == ")":
            reach = n + 2 - start
    if lower == "при":
        reach = max(reach, 5)
    if first.is_title:
        reach = max(reach, 3)
    if lower in ("имени", "им"):
        reach = max(reach, 10)
    if lower == "за":  # a cause: «за права людей с инвалидностью»
        reach = max(reach, 10)
    if lower in ("в", "во"):
        reach = max(reach, 6)
        # («в муниципальном образовании «Город …»»: the municipality's quoted name.)
        if start + 1 < end and doc[start + 1].lower_ == "муниципальном":
            reach = max(reach, 17)
    if lower in ("к", "ко"):  # a field's object: «требований к служебному поведению»
        reach = max(reach, 5)
    if lower in ("г", "гор") or (lower in ("по", "и") and start + 1 < end and doc[start + 1].lower_ in ("г", "гор")):
        reach = max(reach, 4)
    if lower in ("–", "—", "-", "№", "n"):
        reach = max(reach, 2)
    if lower in ("№", "n") or lower.startswith("№"):  # and the institution's quoted name: «№ 1569 «Созвездие»»
        reach = max(reach, 7)
    if first.text in OPEN_QUOTES:  # a body's own quoted name after the members it unites
        reach = max(reach, 14)
    return min(reach, end - start)


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


@cache
def _legal_variants() -> frozenset[str]:
    return frozenset(_ocr_variants(lexicon().legal_forms))


_TRIGGER_IDS: dict[int, tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int]]] = {}


def _trigger_ids(vocab: Vocab) -> tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int]]:
    """String ids of the head lemmas, the legal forms (lower case), the opening quotes and the forms of
    foreign heads."""
    if id(vocab) not in _TRIGGER_IDS:
        words = (
            lexicon().heads
            | lexicons.load("org_office_staffs")
            | {phrase[-1] for phrase in legal_phrases()}
            | REGISTERED_BRANCHES,
            _legal_variants(),
            [*OPEN_QUOTES, "'"],
            set(lexicon().foreign_heads) | lexicons.load("org_izafet_heads"),
        )
        _TRIGGER_IDS[id(vocab)] = tuple(frozenset(vocab.strings[w] for w in group) for group in words)  # type: ignore[assignment]
    return _TRIGGER_IDS[id(vocab)]


# Longest stretch of a CORE after the token it needs: «партия «» + up to 12 quoted tokens + «»»; an
# abbreviation of up to three words without a quote.
_QUOTED_REACH = 15
_UNQUOTED_REACH = 3
_PREFIX_POS = frozenset({POS_IDS["ADJ"], POS_IDS["PROPN"], POS_IDS["X"]})
_MISREAD_POS = frozenset({POS_IDS["VERB"], POS_IDS["NOUN"]})
_ADJ = POS_IDS["ADJ"]
_MISREAD = re.compile(MISREAD_ADJECTIVE_ENDING)
_BRACKETS = ("(", ")")
_QUALIFIED_ADJECTIVE = re.compile(ADJECTIVE_ENDING)


def _core_windows(doc: Doc) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int]]]:
    """Every sentence as (start, end, may hold a core), and the token ranges a core can lie in.

    Every CORE has a head noun, a legal form or an abbreviation (its trigger), reached from its start
    over adjectives and names only, and ends at most `_UNQUOTED_REACH` tokens after the trigger or,
    when a quote opens right after it, `_QUOTED_REACH`. A match depends only on its own tokens, so the
    matcher finds the same cores in these windows (never across a sentence end) as in whole
    sentences, for a fifth of the work. A sentence with no trigger but an opening quote still "may
    hold a core", as tails are matched in such sentences (`Found`).
    """
    heads, legal, quotes, foreign = _trigger_ids(doc.vocab)
    foreign_modifiers = lexicons.load("org_foreign_modifiers")
    levels = lexicons.load("org_levels")  # («областном» the tagger calls a noun: `misread_level`)
    qualified = _qualified_heads()  # (their adjectives may be read as nouns, whatever their ending)
    strings = doc.vocab.strings
    # One pass over arrays of string ids: Token objects for every word cost more than the matching.
    rows = doc.to_array([LEMMA, LOWER, ORTH, IS_UPPER, IS_ALPHA, LENGTH, POS]).tolist()
    # NER names grow tails too («Кобринского районного отдела» + «по чрезвычайным ситуациям»).
    ner_starts = sorted(ent.start for ent in entities(doc) if ent.label_ == "ORG")
    triggers = [
        i
        for i, (lemma, lower, _, upper, alpha, length, _) in enumerate(rows)
        if lemma in heads or lower in legal or lower in foreign or (upper and alpha and length > 1)
    ]
    opening = [i for i, row in enumerate(rows) if row[2] in quotes]
    sentences: list[tuple[int, int, bool]] = []
    windows: list[tuple[int, int]] = []
    next_trigger = 0
    for sent in doc.sents:
        sent_start, sent_end = sent.start, sent.end
        first_window = len(windows)
        while next_trigger < len(triggers) and triggers[next_trigger] < sent_end:
            i = triggers[next_trigger]
            next_trigger += 1
            start = i
            misread = _QUALIFIED_ADJECTIVE if strings[rows[i][0]] in qualified else _MISREAD
            while start > sent_start:
                if (
                    rows[start - 1][6] in _PREFIX_POS
                    or (rows[start - 1][6] in _MISREAD_POS and misread.search(strings[rows[start - 1][1]]))
                    or (rows[start - 1][6] in _MISREAD_POS and strings[rows[start - 1][0]] in levels)
                    or strings[rows[start - 1][1]] in foreign_modifiers
                    # («историко-архитектурного | и | природного музея»: adjectives joined by «и».)
                    or (
                        strings[rows[start - 1][1]] == "и"
                        and start - 2 > sent_start
                        and rows[start - 2][6] == _ADJ
                        and rows[start][6] == _ADJ
                    )
                ):
                    start -= 1
                # «улусного (районного) Совета»: a level glossed in brackets between the adjectives.
                elif start - 3 > sent_start and (strings[rows[start - 3][2]], strings[rows[start - 1][2]]) == _BRACKETS:
                    start -= 3
                else:
                    break
            # The quote may follow a region's code («ГУЗ СО «…»», «ГБУЗ РС(Я) «…»»).
            quoted = any(j < sent_end and rows[j][2] in quotes for j in (i + 1, i + 2, i + 5))
            end = min(i + (_QUOTED_REACH if quoted else _UNQUOTED_REACH), sent_end)
            if len(windows) > first_window and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
        k = bisect_left(opening, sent_start)
        has_quote = k < len(opening) and opening[k] < sent_end
        k = bisect_left(ner_starts, sent_start)
        has_ner = k < len(ner_starts) and ner_starts[k] < sent_end
        sentences.append((sent_start, sent_end, len(windows) > first_window or has_quote or has_ner))
    return sentences, windows


def segments(doc: Doc) -> Found:
    """Every match of every CORE rule, by rule and by start token; TAIL rules are matched when looked up."""
    rules, strings = matcher(doc.vocab), doc.vocab.strings
    sentences, windows = _core_windows(doc)
    found = Found(doc, sentences)
    for window_start, window_end in windows:
        checkpoint("organizations")
        for match_id, start, end in rules(doc[window_start:window_end]):
            found.add(strings[match_id], window_start + start, window_start + end)
    return found


_PATRONYMIC_ENDING = re.compile(r"(?:вич(?:а|у|ем|е)?|[вч]н(?:а|ы|е|у|ой))$")


def patronymic(token: Token) -> bool:
    """«Петровны», «Ивановичем»: a capitalised word the dictionary reads as a patronymic."""
    if not token.is_title or not _PATRONYMIC_ENDING.search(token.lower_):
        return False
    return any("Patr" in p.tag for p in loading.parse(token.lower_))


def surname_before_name(doc: Doc, i: int) -> bool:
    """The capitalised word at `i` opens «Фамилия Имя Отчество»: a first name and a patronymic follow, and no surname
    after them («акимата Тараза Азамата Жолдошбековича Осмонкулова» keeps «Тараза»); the word can be in the
    patronymic's case and is no place («Совета Европы Ивана Петровича» keeps «Европы»)."""
    if i + 2 >= len(doc) or not (doc[i].is_title and doc[i + 1].is_title and patronymic(doc[i + 2])):
        return False
    if i + 3 < len(doc) and doc[i + 3].is_title:
        return False
    parses = loading.parse(doc[i].lower_)
    if not parses or any("Geox" in p.tag for p in parses):
        return False
    cases = {p.tag.case for p in loading.parse(doc[i + 2].lower_) if "Patr" in p.tag}
    return any(p.tag.case in cases for p in parses)


def _is_head_word(token: Token, lex: Lexicons) -> bool:
    return token.lemma_ in lex.heads or token.lower_ in lex.foreign_heads or word_lemma(token.text) in lex.heads


def _attached_inside(doc: Doc, seg: Segment, start: int) -> bool:
    """The parse hangs the prepositional phrase on a word of the name, not on a verb or noun before it."""
    return any(start <= doc[i].head.i < seg.start for i in range(seg.start, seg.end))


# «аль-Фараби», «ибн Сины» written joined: an Arabic name's particle in lower case before its capital.
EPONYM_PARTICLE = re.compile(r"^(аль|ал|эль|ибн|ад|ас|ан|ар|ат|аз|ад-дин)-[А-ЯЁ][а-яё]+$")
_INITIAL = re.compile(r"^([А-ЯЁA-Z]\.){1,3}$")


_VOWELS = frozenset("аеёиоуыэюя")


def eponym_end(doc: Doc, named_after: int) -> int:
    """Where the person a body is named after ends, from «имени»/«им.» at `named_after`: a rank («академика»), then
    initials and a surname («А.Н. Бакулева») or up to two words of a name («Ярослава Мудрого», «Турдакуна
    Усубалиева»); a name after that is the next person («… имени Носира Хусрава | Зарина Холова», «… Усубалиева |
    Бакыту Эрмек уулу»)."""
    i, n = named_after + 1, len(doc)
    if i < n and doc[i].text == ".":
        i += 1
    ranks = 0
    while i < n and ranks < 2 and doc[i].is_lower and doc[i].is_alpha:
        i, ranks = i + 1, ranks + 1
    initials = 0
    while i < n:
        if doc[i].is_upper and len(doc[i].text) == 1 and i + 1 < n and doc[i + 1].text == ".":
            i, initials = i + 2, initials + 1
        elif _INITIAL.match(doc[i].text):
            i, initials = i + 1, initials + 1
        else:
            break
    words = 0
    while i < n and words < (1 if initials else 2):
        token = doc[i]
        named = token.is_title or token.is_upper or EPONYM_PARTICLE.match(token.text) is not None
        if not named or not (token.is_alpha or "-" in token.text):
            break
        # «… имени Махтумкули | Нурмухаммет Хаджиев»: a person the tagger starts after an eponym, with a word no
        # genitive ends so (a consonant), is the next one («имени Носира | Хусрава» is one eponym in the genitive).
        if words and token.ent_type_ == "PER" and token.ent_iob_ == "B" and token.lower_[-1] not in _VOWELS:
            break
        i, words = i + 1, words + 1
        if EPONYM_PARTICLE.match(token.text):
            break  # «аль-Фараби» is the whole name
    return i


# Tails that name the body a unit belongs to («комиссии | Межпарламентской Ассамблеи государств – участников …»).
_NAMED_BODY_TAILS = frozenset({"GEN_NP", "MEMBERS", "STATE_NAME"})
_TERRITORIAL_OFFICES = frozenset({"управление", "отделение", "филиал", "представительство"})
_REGION_KINDS = frozenset({"область", "край", "республика", "округ"})
_REGIONAL_INSPECTORATE = "инспекция"


def kind_of_branch(doc: Doc, kind: int) -> bool:
    """«отделения | партии | «Новые люди»», «областной организации | партии «Белая Русь»», «районной организации |
    Белорусской политической партии «Белая Русь»»: the kind of body at `kind`, after a registered branch (the kind's
    own adjectives between) and before its own quoted name, names the body the branch is of."""
    # (A legal form is no kind: «подрядной организации | ООО «Сылва-Дорстрой»» is a company described.)
    if kind <= 0 or kind + 1 >= len(doc) or doc[kind + 1].text not in OPEN_QUOTES or doc[kind].is_upper:
        return False
    branch = kind - 1
    while branch > 0 and kind - branch <= _BRANCH_ADJECTIVES and doc[branch].pos_ == "ADJ":
        branch -= 1
    return word_lemma(doc[branch].text) in NAMED_BODY_BRANCHES


def _tail_ok(doc: Doc, seg: Segment, previous: str, start: int, lex: Lexicons, blocked: frozenset[str]) -> bool:
    """Whether the segment `seg` after a `previous` one goes on the name begun at `start`: what no tail may hold (a
    person, the next body's opening), then what each kind of tail needs of the words it follows."""
    if seg.label in _CONTINUES and previous not in _CONTINUES[seg.label]:
        return False
    if _owner_with_own_name(doc, seg, previous):
        return False
    if seg.label == "PLACE_BY_ADJECTIVE":
        return _place_by_adjective_tail(doc, seg, previous, lex)
    if _person_tail(doc, seg):
        return False
    # «Ассамблея организации», «бюро … партии»: a bare kind of body in the genitive refers back.
    single = seg.end - seg.start == 1
    if seg.label == "GEN_NP" and single and doc[seg.start].is_lower and doc[seg.start].lemma_ in lex.referring_heads:
        # (Not the kind before its quoted name: «региональное отделение | партии «Новые люди»».)
        return kind_of_branch(doc, seg.start)
    if any(doc[i].text in blocked for i in range(seg.start, seg.end)):
        return False
    if seg.label.startswith("CONJ") and _next_body_form(doc, seg, lex):
        return False
    if seg.label == "NAMED_AFTER" and seg.end > eponym_end(doc, seg.start):
        return False
    if seg.label == "STATE_NAME" and _next_russian_kind(doc, seg, lex):
        return False
    if seg.label in ("GEN_NP", "CONJ_GEN_NP") and not _genitive_tail(doc, seg, previous, start, lex):
        return False
    if seg.label in ("CONJ_GEN_NP", "CONJ_DAT_NP") and not _conjunct_tail(doc, seg, lex):
        return False
    return _governed_tail(doc, seg, previous, start, lex)


def _owner_with_own_name(doc: Doc, seg: Segment, previous: str) -> bool:
    """«ОО «Союз работников молодежи» Корпорации «Казахмыс»»: after a quoted name, a body in the genitive with a
    quoted name of its own is another body (the one it belongs to), not more of this name."""
    quoted = seg.label == "GEN_NP" and previous == "CORE" and doc[seg.start - 1].text in CLOSE_QUOTES
    return quoted and seg.end < len(doc) and doc[seg.end].text == "«"


def _place_by_adjective_tail(doc: Doc, seg: Segment, previous: str, lex: Lexicons) -> bool:
    """«администрация Обамы», «ЕЦБ Жан-Клод Трише»: a person after a name is not part of it; a territory after a local
    body's kind is."""
    kind = doc[seg.start - 1]
    local = lexicons.load("org_local_bodies")
    territory = doc[seg.end - 1]
    known = loading.morph().word_is_known(territory.lower_)
    return (
        previous == "CORE"
        and bool({kind.lemma_, word_lemma(kind.text), lex.foreign_heads.get(kind.lower_)} & local)
        and (not known or word_lemma(territory.text) in TERRITORIES)
    )


def _person_tail(doc: Doc, seg: Segment) -> bool:
    """A tail that names a person, whom the phrase speaks of: no word of the body's name."""
    # («муниципия Комрат»: a town after its kind in full is no person, whatever the tagger read.)
    town = seg.label == "TOWN" and doc[seg.start].text == "муниципия"
    if (
        seg.label not in ("NAMED_AFTER", "IZAFET")
        and not town
        and any(doc[i].ent_type_ == "PER" for i in range(seg.start, seg.end))
    ):
        return True
    # «отдела администрации | Надежды Петровны Тимухиной»: a patronymic the tagger missed is a person's, whom the
    # phrase speaks of (an eponym, «имени Ивана Петровича …», is read apart).
    # (The first name alone is a tail of its own: the patronymic right after it counts too.)
    if seg.label not in ("NAMED_AFTER", "IZAFET") and any(
        patronymic(doc[i]) for i in range(seg.start, min(seg.end + 1, len(doc)))
    ):
        return True
    # «избрать заместителем председателя Общественного совета | Шульгу Татьяну Петровну»: one capitalised word before
    # a first name and a patronymic, in their case, is the surname of a protocol's «Фамилия Имя Отчество», no place
    # or name of the body.
    single = seg.end - seg.start == 1
    return single and surname_before_name(doc, seg.start)


def _next_body_form(doc: Doc, seg: Segment, lex: Lexicons) -> bool:
    """«представители ДЧС Акмолинской области | и ТОО «Көкше Тазалық»»: a legal form after «и» opens the next body's
    name (its quoted name follows), no conjunct of this one's."""
    return any(
        doc[i].is_upper and doc[i].lower_.replace("0", "о") in lex.legal_forms for i in range(seg.start, seg.end)
    )


def _next_russian_kind(doc: Doc, seg: Segment, lex: Lexicons) -> bool:
    """«в Совете Федерации | Законодательное Собрание Камчатского края»: a Russian kind of body the tagger reads in
    another case than the genitive starts the next name (a state-language name has no such case)."""
    last = doc[seg.end - 1]
    cases = set(last.morph.get("Case"))
    return last.lemma_ in lex.heads and bool(cases) and "Gen" not in cases


def _genitive_tail(doc: Doc, seg: Segment, previous: str, start: int, lex: Lexicons) -> bool:
    """A genitive that may go on a name: none that dates, counts or negates, names a person by title or office, or
    follows a quoted name without naming a place."""
    # «Дума нового созыва», «Полиция нескольких стран», «администрация … никаких комментариев»: a genitive that
    # dates, counts or negates is no part of a name.
    words = doc[seg.start : seg.end]
    if word_lemma(doc[seg.end - 1].text) in lexicons.load("org_not_tails"):
        return False
    if _no_genitive(doc[seg.start]) or _no_genitive(doc[seg.end - 1]):
        return False
    if _negated_genitive(doc[seg.start]):
        return False
    # «Думы | четвёртого и пятого созывов»: a genitive ending on an ordinal the tagger read as a noun leaves its
    # noun outside the tail (an adjective used as a noun, «общества слепых», «несовершеннолетних», ends one).
    if _ordinal_only(doc[seg.end - 1]):
        return False
    # («… по делам несовершеннолетних и защите их прав»: a possessive right after a field refers to the people
    # the field names, inside the name.)
    possessive = previous in ("PO_NP", "CONJ_DAT_NP") and len(words) == 2 and words[0].lower_ in POSSESSIVES
    if not possessive and any(t.lemma_ in lex.determiners or word_lemma(t.text) in lex.determiners for t in words):
        return False
    # «ревизионной комиссии | члена ассоциации Холикова»: a person's title in the genitive is whom the phrase
    # speaks of (the offices a staff serves, «аппарат акима», «администрация Президента», are no such title).
    first = words[0]
    title = first.is_lower and not plural(first) and word_lemma(first.text) in lex.position_nouns
    if title and word_lemma(first.text) not in lexicons.load("org_office_holders"):
        return False
    if _named_person(doc, seg):
        return False
    # «Хурала представителей | чабана …»: after the members a body unites, one person by occupation is whom the
    # sentence speaks of (members go on in the plural: «Совет депутатов трудящихся»).
    before = doc[seg.start - 1]
    one = first.is_lower and first.pos_ == "NOUN" and not plural(first) and "Anim" in first.morph.get("Animacy")
    if one and plural(before) and "Anim" in before.morph.get("Animacy") and before.is_lower:
        return False
    # «Правительство действующего премьер-министра Сооронбая Жээнбекова»: a body of a person by office.
    # (In the plural they are the members a body is named by: «Собрания | представителей | Алан Тедеев».)
    office = word_lemma(doc[seg.end - 1].text) in lex.position_nouns | lexicons.load("org_office_holders")
    office = office and not plural(doc[seg.end - 1])
    if office and seg.end < len(doc) and doc[seg.end].ent_type_ == "PER":
        return False
    # «движение «Братья мусульмане» телеканала»: after a quoted name only a name or a place follows; so after a
    # number («школа № 2 г. Быхова», not «в школе № 3 | профилактических бесед»).
    after_name = doc[seg.start - 1].text in CLOSE_QUOTES or previous == "NUMBER"
    if after_name and not (_named_place(doc, seg) or _of_place_kind(doc, seg)):
        return False
    # «ОАО «Агрокомбинат «Юбилейный»» | Оршанского района», «ОО «Белорусский союз женщин» | Сморгонского района»:
    # a company's or a public association's place after its quoted name is where it works or has its branch, no
    # word of its name (a state or municipal institution is named by the place it belongs to: «МКУ «…» | Ханты-
    # Мансийского района»; the golds of heldout-genre-2, -19, -20 against -1, -12, -14).
    return not (doc[seg.start - 1].text in CLOSE_QUOTES and doc[start].lower_.replace("0", "о") in _COMPANY_FORMS)


def _conjunct_tail(doc: Doc, seg: Segment, lex: Lexicons) -> bool:
    """A conjunct that may go on a name: more of its fields or members, not a second body, a person's title or an
    address."""
    # «министерства труда и министерства финансов» are two bodies, not one name; «… хозяйств и
    # сельскохозяйственных кооперативов России» in the plural are members the body unites.
    # («… области и общественных организаций»: members in the plural coordinate with members, not with the
    # singular place or field before them; there the plural is a second, generic party of the sentence.)
    members = doc[seg.start].lower_ == "и" and plural(doc[seg.start - 1])
    # («по антимонопольной политике | и надзору за …»: a kind that names a body only with a capital is, in small
    # letters, a function — after «по», one more field.)
    # (So does a kind of body that is also an action's noun: «по регламенту | и организации … деятельности».)
    functions = lexicons.load("org_capital_heads") | lexicons.load("org_action_heads")
    if any(
        _is_head_word(doc[i], lex)
        and not (members and plural(doc[i]))
        and not (seg.label == "CONJ_DAT_NP" and doc[i].is_lower and word_lemma(doc[i].text) in functions)
        for i in range(seg.start + 1, seg.end)
    ):
        return False
    # «палаты предпринимателей, | районного отдела образования»: after a comma, a unit's kind in the singular
    # starts the next body of a list (a name's own fields after a comma are no kinds of body: «министерства
    # труда, социального обеспечения и миграции»).
    if doc[seg.start].text == "," and any(
        word_lemma(doc[i].text) in lex.subunits and not plural(doc[i]) for i in range(seg.start + 1, seg.end)
    ):
        return False
    # «Министерства юстиции Кыргызской Республики | и органов местного самоуправления»: after the state or region
    # that ends a name, a plural is a second addressee.
    after_place = doc[seg.start - 1].ent_type_ == "LOC" and not plural(doc[seg.start - 1])
    if after_place and any(doc[i].pos_ == "NOUN" and plural(doc[i]) for i in range(seg.start + 1, seg.end)):
        return False
    # «поблагодарили Фонд … и руководителя филиала …»: a conjunct that opens with a person's title is the
    # next person's, not more of the name.
    # («…, главного архитектора района»: the title's adjectives before it do not hide it.)
    first = next((doc[i] for i in range(seg.start + 1, seg.end) if doc[i].is_alpha and doc[i].pos_ != "ADJ"), None)
    # (A single person's post of any kind: «архитектора»; in the plural, «журналистов», members a union unites.)
    post = first is not None and not plural(first) and word_lemma(first.text) in lexicons.load("position_heads")
    if first is not None and (post or word_lemma(first.text) in lex.position_nouns):
        return False
    # «Администрация Северодвинска, | каб. 201»: a word cut short by a dot after a comma is an address's part (a
    # room, a house), no conjunct of the name.
    last = doc[seg.end - 1]
    if seg.end < len(doc) and doc[seg.end].text == "." and last.is_lower and len(last.text) <= _CUT_WORD:
        return False
    # A conjunct must be followed by more of the name or end it where the phrase ends.
    if doc[seg.start].text == "," and seg.end < len(doc) and doc[seg.end].text not in ("и", ",", "по"):
        nxt = doc[seg.end]
        # (A person named after the body ends the phrase: «… по бюджету, налогам и финансам Петров А.А.».)
        if nxt.pos_ in ("NOUN", "PROPN", "ADJ") and "Gen" not in nxt.morph.get("Case") and nxt.ent_type_ != "PER":
            return False
    return True


def _governed_tail(doc: Doc, seg: Segment, previous: str, start: int, lex: Lexicons) -> bool:
    """A tail whose kind only some words before it take: a field («по …»), a prepositional or dative object, a
    quoted name after its members or field, a legal form's name, a number, a place, a country code."""
    if seg.label == "PO_NP":
        return _field_tail(doc, seg, previous, start, lex)
    if seg.label == "ABOUT_NP":
        return word_lemma(doc[seg.start - 1].text) == _ABOUT_GOVERNOR
    if seg.label == "TO_NP":
        return word_lemma(doc[seg.start - 1].text) in lexicons.load("org_to_governors")
    if seg.label == "DAT_OBJ_NP":
        return word_lemma(doc[seg.start - 1].text) in _DATIVE_GOVERNORS
    if seg.label == "BETWEEN_NP":
        return word_lemma(doc[seg.start - 1].text) in _BETWEEN_GOVERNORS
    if seg.label == "CONJ_INS_NP":
        # Only the second party of «между …», and only one.
        between = next((i for i in range(seg.start - 1, start - 1, -1) if doc[i].lower_ == "между"), None)
        return between is not None and not any(doc[i].lower_ == "и" for i in range(between, seg.start))
    if seg.label == "FOR_NP":
        # Only a body that stands for a cause, named with a capital («Коалиция …», «Движение …»); «за неделю»,
        # «за год» count time.
        head = _head_of(doc, start, seg.start, lex)
        return (
            head is not None
            and doc[head].is_title
            and not doc[head].is_sent_start
            and word_lemma(doc[head].text) in lexicons.load("org_cause_heads")
            and word_lemma(doc[seg.end - 1].text) not in lexicons.load("org_not_tails")
        )
    if seg.label == "MEMBERS_QUOTED":
        return _quoted_name_tail(doc, seg, previous, start)
    if seg.label == "FORM_NAME":
        form = doc[seg.start - 1]
        return (
            form.is_upper
            and form.lower_.replace("0", "о") in lex.legal_forms
            and not _PATRONYMIC.search(doc[seg.start + 1].text if seg.start + 1 < len(doc) else "")
        )
    if seg.label == "NUMBER":
        return _number_tail(doc, seg, previous, start)
    if seg.label == "IN_MUNICIPALITY":
        return previous == "CORE"
    if seg.label == "IN_PLACE":
        return _seat_tail(doc, seg, previous, start, lex)
    if seg.label == "ABBR":
        # «… КР», «Госдума РФ»: a country code after a name belongs to it; «СМИ», «НПО» do not.
        return all(doc[i].lower_ not in lex.not_abbreviations for i in range(seg.start, seg.end))
    return True


def _field_tail(doc: Doc, seg: Segment, previous: str, start: int, lex: Lexicons) -> bool:
    """«по …»: the field a body is named by — a unit's, a regional branch's or a capitalised body's, not an executive's
    or a deputy head's portfolio."""
    # «заместитель главы администрации района по экономике»: an executive is named by no field; the field is
    # its deputy head's portfolio.
    head = _head_of(doc, start, seg.start, lex)
    executives = lexicons.load("org_executives")
    # («окмоту» does not inflect; the dictionary reads it as a form of another word.)
    executive = head is not None and bool({word_lemma(doc[head].text), doc[head].lower_} & executives)
    if (executive or _representative(doc, head, seg.start)) and doc[seg.end - 1].ent_type_ != "LOC":
        return False
    # «постоянной комиссии | Кенгаша по бюджету»: after a unit's kind, the field is the unit's, not the body's.
    units = lexicons.load("org_staff_units") | lex.subunits
    if previous == "CORE" and seg.start - start == 1 and start > 0 and doc[seg.end - 1].ent_type_ != "LOC":
        before = doc[start - 1]
        if before.is_lower and {before.lemma_, word_lemma(before.text)} & units:
            return False
    # «МВД по Башкирии», «Управление … по Москве»: a regional branch, whatever the parse says;
    # «районный отдел по чрезвычайным ситуациям»: a unit is named by its field.
    unit = previous == "CORE" and doc[seg.start - 1].lemma_ in lex.subunits
    # «комитета Законодательного Собрания … по социальной политике»: a committee or a department is named by
    # its field also after the body it belongs to.
    kind = next((t for t in doc[start : seg.start] if t.pos_ != "ADJ"), None)
    unit = unit or (previous in _NAMED_BODY_TAILS and kind is not None and word_lemma(kind.text) in units)
    # «проект Азиатского банка развития | по реконструкции …»: after a programme's or a project's kind, a body
    # named in full with its own genitive is the funder, and the field is the project's (whatever the parse;
    # «программы Министерства | по чрезвычайным ситуациям» keeps its own).
    named = head is not None and any(t.pos_ in ("NOUN", "PROPN") for t in doc[head + 1 : seg.start])
    if not unit and named and _programme_funder(doc, start):
        return False
    if unit or doc[seg.end - 1].ent_type_ == "LOC" or _attached_inside(doc, seg, start):
        return True
    if _by_place(doc, start, seg, lex):
        return True
    # «Государственный комитет Республики Карелия по … надзору», «Комитет по регламенту»: a body whose
    # name is written with a capital is named by its field, whatever the parse; «по итогам» is no field.
    head = _head_of(doc, start, seg.start, lex)
    titled = head is not None and any(t.is_title and not t.is_sent_start for t in doc[start : head + 1])
    return titled and word_lemma(doc[seg.end - 1].text) not in lexicons.load("org_adverbial_fields")


def _quoted_name_tail(doc: Doc, seg: Segment, previous: str, start: int) -> bool:
    """A quoted name after the kind of body a branch is of, after the members or the field a body is named by, or
    after a branch's place."""
    if previous == "GEN_NP" and kind_of_branch(doc, seg.start - 1):
        return True
    if previous == "GEN_NP" and (_members_before_name(doc, start, seg) or _field_before_name(doc, start, seg)):
        return True
    if previous in ("PO_NP", "CONJ_DAT_NP") and _field_before_name(doc, start, seg):
        return True
    return previous in ("GEN_NP", "ABBR") and _branch_by_place_name(doc, start, seg)


def _number_tail(doc: Doc, seg: Segment, previous: str, start: int) -> bool:
    """Only right after an institution's kind: «решение Думы № 45» numbers the decision, not the body."""
    kind = doc[seg.start - 1]
    numbered = lexicons.load("org_numbered_heads")
    if previous == "CORE":
        return bool({kind.lemma_, word_lemma(kind.text)} & numbered)
    # «Межрайонная ИФНС России № 11»: the number also follows the state a numbered office belongs to.
    state = previous in ("GEN_NP", "ABBR") and seg.start - start <= 4 and (kind.is_title or kind.is_upper)
    return state and any({t.lemma_, word_lemma(t.text), t.lower_} & numbered for t in doc[start : seg.start - 1])


def _seat_tail(doc: Doc, seg: Segment, previous: str, start: int, lex: Lexicons) -> bool:
    """Only a mission is named by where it is: «совет в Москве» is where a council met."""
    missions = lexicons.load("org_missions")
    if any(word_lemma(t.text) in missions or t.lemma_ in missions for t in doc[start : seg.start]):
        return True
    # «Управление Судебного департамента в Смоленской области», «отделение Фонда … в Республике Тыва»: a
    # territorial office of a named federal body is named by the region it serves.
    office = doc[start].is_title and word_lemma(doc[start].text) in _TERRITORIAL_OFFICES
    office = office and any(t.is_title or _is_head_word(t, lex) for t in doc[start + 1 : seg.start])
    # «Государственная инспекция труда в Курской области»: a federal inspectorate's office in a region is named
    # so as a whole, its level before the kind.
    kind = next((t for t in doc[start : seg.start] if t.pos_ != "ADJ"), None)
    inspectorate = doc[start].is_title and kind is not None and word_lemma(kind.text) == _REGIONAL_INSPECTORATE
    office = office or (inspectorate and kind.i + 1 < seg.start)
    region = any(word_lemma(t.text) in _REGION_KINDS or t.is_upper for t in doc[seg.start + 1 : seg.end])
    return office and region and previous in _NAMED_BODY_TAILS


def _programme_funder(doc: Doc, start: int) -> bool:
    """The body starting at `start` stands right after a kind of programme, project or grant in small letters
    (`org_programme_kinds`: «проекта», «программы», «гранта»)."""
    # («проекта Азиатского | банка развития»: a reading may start after the funder's capitalised adjective.)
    while start > 0 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_title:
        start -= 1
    if start < 1 or not doc[start - 1].is_lower:
        return False
    kinds = lexicons.load("org_programme_kinds")
    return word_lemma(doc[start - 1].text) in kinds or doc[start - 1].lemma_ in kinds


def _wrapped_pri(doc: Doc, end: int, found: Found) -> list[Segment]:
    """«… народов Севера / при губернаторе …»: a heading's name wrapped at «при», the next line opening with it in
    lower case (no sentence opens so). Only a break within a paragraph: a blank line ends the name."""
    if end + 1 >= len(doc) or not doc[end].is_space or doc[end].text.count("\n") != 1:
        return []
    if doc[end + 1].text != "при":
        return _wrapped_place(doc, end, found)
    return [seg for seg in found.tails(end + 1) if seg.label == "PRI_NAME"]


# A line this long that breaks after a word in small letters is wrapped at a fixed width (a scraped page, a PDF's
# text), not ended: a heading's or a letterhead's lines are short.
_WRAPPED_LINE = 45


def _wrapped_place(doc: Doc, end: int, found: Found) -> list[Segment]:
    """«… представители прокуратуры / Магаданской области»: running text wrapped at a fixed width before the place
    a body serves. The cleaner joins a next line only when it opens in small letters; a place in the genitive, with
    a capital, that goes on a long line cut after a word in small letters is the same name («министерства
    образования / Республики Мордовия»)."""
    last, first = doc[end - 1], doc[end + 1]
    # («… программ / Восточно-Казахстанской области»: a place's adjective joined by a hyphen is a word too.)
    # («депутат Государственной Думы / Федерального Собрания …»: after a capitalised name's last word, a capitalised
    # body in the genitive goes on too.)
    if not ((last.is_lower or last.is_title) and last.is_alpha and first.is_title):
        return []
    if not first.text.replace("-", "").isalpha():
        return []
    if not _long_line(doc, end - 1):
        return []
    return [
        seg
        for seg in found.tails(end + 1)
        if seg.label == "GEN_NP"
        and (
            (last.is_lower and _place_words(doc[seg.start : seg.end]))
            or (last.is_title and _capitalised_body(doc[seg.start : seg.end]))
            # («… Законодательного Собрания / Еврейской автономной области …»: after a capitalised body, the place
            # it serves, named with its kind, goes on as after a word in small letters.)
            or (last.is_title and word_lemma(last.text) in lexicon().heads and _place_words(doc[seg.start : seg.end]))
        )
    ]


def _long_line(doc: Doc, last: int) -> bool:
    """The line that ends at token `last` is as long as a text wrapped at a fixed width (`_WRAPPED_LINE`)."""
    i = last
    while i > 0 and not _line_start(doc, i) and doc[last].idx - doc[i].idx < _WRAPPED_LINE:
        i -= 1
    return doc[last].idx + len(doc[last].text) - doc[i].idx >= _WRAPPED_LINE


def _wrapped_inside(doc: Doc, seg: Segment) -> bool:
    """«Парламентского / Собрания»: the one line break inside a tail falls between two capitalised words after a
    long line (a text wrapped at a fixed width; an adjective ends no name)."""
    breaks = [i for i in range(seg.start, seg.end) if "\n" in doc[i].text + doc[i].whitespace_]
    if len(breaks) != 1 or doc[breaks[0]].text != "\n" or not seg.start < breaks[0] < seg.end - 1:
        return False
    k = breaks[0]
    return doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_title and doc[k + 1].is_title and _long_line(doc, k - 1)


def _capitalised_body(span: Span) -> bool:
    """«Федерального Собрания»: every word capitalised, the last a kind of body."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.is_title for t in words) and word_lemma(words[-1].text) in lexicon().heads


def _place_words(span: Span) -> bool:
    """A place named with its kind: «Магаданской области», «Республики Мордовия», «города Оша»."""
    kinds = _PLACE_KINDS | _REGION_KINDS
    if any(t.ent_type_ == "PER" for t in span):
        return False
    # (A bare name is left out: a dateline's town under a signature, «Ташкент», may read as a genitive.)
    return any(word_lemma(t.text) in kinds for t in span)


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
    # «по бюджету … и муниципальной собственности»: a dative joined by «и» goes on a field after «по» only; after a
    # body named without one it is the next addressee («рекомендации Правительству Российской Федерации и
    # законодательным органам субъектов»).
    field = any(doc[i].lower_ == "по" for i in range(start, end))
    # «филиала ППК «Роскадастр» | по Республике Мордовия»: the region a branch serves is the branch's, not its company's
    # (gold-format keeps the branch in the position and lists the company).
    branch = _after_branch(doc, start)
    unit = any(word_lemma(doc[i].text).rsplit("-", 1)[-1] in lex.subunits for i in range(start, end))
    assembly = _assembly_headed(doc, start, end, lex)
    for _ in range(_MAX_TAILS):
        if _republic_name(doc, end):
            previous, end = "GEN_NP", end + 1
            continue
        if _wrapped_republic_name(doc, end):
            previous, end = "GEN_NP", end + 2
            continue
        if previous == "CORE" and gloss(doc, end):
            end += 3  # the tails go on after the gloss
            continue
        options = [
            seg
            for seg in found.tails(end) + _wrapped_pri(doc, end, found)
            if _tail_ok(doc, seg, previous, start, lex, blocked)
            and (field or seg.label != "CONJ_DAT_NP")
            # «сессии Кенгаша … Самаркандской области | хоким области Эркинжон …»: after the body's place, the head of
            # a place by its kind starts the next phrase (the person's title); right after a kind, «аппарат | акима
            # области», it is the body's.
            and not (previous != "CORE" and _head_of_place(doc, seg))
            # «закрепить за каждым членом Совета | по одной семье»: «по» and a number share out, they name no field.
            and not (seg.label == "PO_NP" and (doc[seg.start + 1].lemma_ == "один" or doc[seg.start + 1].like_num))
            and not (branch and seg.label == "PO_NP" and doc[seg.start - 1].text in CLOSE_QUOTES)
            # «депутат Мажилиса Парламента Республики Казахстан | по Алматинской области», «депутат маслихата | по
            # избирательному округу № 5»: an elected assembly has no remit; «по …» after it is its deputy's seat.
            and not (assembly and seg.label == "PO_NP")
            and not (seg.label == "PO_NP" and _closed_by_place(doc, start, end, seg))
            and ("\n" not in doc[seg.start : seg.end].text or _wrapped_inside(doc, seg))
            # A field's words go on in the genitive («по урегулированию ситуации») after any name; a place
            # named by its kind after an abbreviation («ЕДДС района», «ДЧС Туркестанской области») is the
            # branch's own (after «Пресс-служба акимата» it is the body's, not the unit's).
            and not (
                proper
                and previous == "CORE"
                and seg.label in ("GEN_NP", "PLACE_BY_ADJECTIVE")
                and not (
                    _named_place(doc, seg)
                    or (doc[seg.start - 1].is_upper and _of_place_kind(doc, seg))
                    or _kind_of_named_place(doc, seg)
                    # (after a unit, «Пресс-служба акимата | Атырауской области», the place is its body's)
                    or (_place_by_adjective(doc, seg) and not unit)
                )
            )
        ]
        if not options:
            break
        best = max(options, key=lambda s: s.end)
        previous, end = best.label, best.end
        field = field or best.label in ("PO_NP", "SPHERE_NP")
    return end


def remit_after_unit(unit: Token, remit: Token) -> bool:
    """«отдела | полиции», «управления | полиции города …»: a kind that names no particular body (`org_generic.txt`),
    in lower case right after a unit's kind, is the unit's remit, not a body of its own."""
    return (
        remit.is_lower
        and _folded_lemma(remit) in lexicons.load("org_generic")
        and _folded_lemma(unit) in lexicon().subunits
    )


def _folded_lemma(token: Token) -> str:
    return token.lemma_.lower().replace("ё", "е")


def _closed_by_place(doc: Doc, start: int, end: int, seg: Segment) -> bool:
    """«плана мероприятий Исполнительного органа … города Душанбе | по оснащению инфраструктуры свалок»: a body's name
    ends with the place it serves; a field after that place is what the sentence's noun («план», «отчёт») is about,
    not the body's remit (which stands before the place: «Департамент по чрезвычайным ситуациям города Алматы»). A
    place after «по» («по городу Бишкек», «по Чуйской области») is a branch's territory and stays."""
    last = doc[end - 1]
    if end - 2 <= start or last.ent_type_ != "LOC" or not last.text[:1].isupper():
        return False
    # Only a place named by its kind and name («города Душанбе», «района Сино»): after a republic or a state («Комитет
    # Республики Карелия по строительству», «Агентства Республики Казахстан по противодействию коррупции») the field
    # is the body's own.
    kind = doc[end - 2]
    if not _lower_place_kind(kind):
        return False
    territory = doc[seg.start + 1 : seg.end]
    return not any(t.ent_type_ == "LOC" or t.lemma_.replace("ё", "е") in _PLACE_KINDS for t in territory)


# Elected assemblies, which have no remit of their own (their committees and commissions have).
_ASSEMBLIES = frozenset(
    {"парламент", "мажилис", "мажлис", "маджлис", "меджлис", "сенат", "дума", "госдума", "маслихат", "кенеш", "кенгаш"}
    | {"хурал", "курултай", "рада"}
)


def _assembly_headed(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """The first kind of body in the name at `start`–`end` is an elected assembly («Мажилис Парламента …», «Жогорку
    Кенеш», «маслихат»), not a unit of one («комитет Жогорку Кенеша по бюджету»)."""
    for token in doc[start:end]:
        kind = word_lemma(token.text)
        kind = kind if kind in lex.heads else lex.foreign_heads.get(token.lower_)
        if kind is not None:
            return kind in _ASSEMBLIES
    return False


_BRANCH_REACH = 3  # «филиала | публично-правовой | компании «…»»: the company's own adjectives between


def _after_branch(doc: Doc, start: int) -> bool:
    """The name at `start` follows a branch's kind, over the adjectives of its own name only (and over the legal form
    whose quoted name it is: «филиалом НАО | «Государственная корпорация «…»» | по Акмолинской области»)."""
    i = start - 1
    form = i >= 1 and doc[i - 1].is_upper and doc[i - 1].lower_.replace("0", "о") in lexicon().legal_forms
    if form and doc[i].text in OPEN_QUOTES:
        i -= 2
    while i >= 0 and start - i <= _BRANCH_REACH and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and doc[i].is_lower and word_lemma(doc[i].text) in OFFICE_BRANCHES


# How far before a name a unit it belongs to may stand: «отдела | надзорной деятельности | ГУ МЧС по городу …».
_UNIT_REACH = 4


def _by_place(doc: Doc, start: int, seg: Segment, lex: Lexicons) -> bool:
    """«ОМВД России по району Лефортово», «УМВД по Центральному району»: a branch named by the place it serves, the
    place named by its kind and a name (`_PLACE_KINDS`), however the NER read it. After a unit of the body («отдела
    надзорной деятельности ГУ МЧС по городу Тулуну») the place is the unit's: the body is the region's."""
    kind = doc[seg.end - 1]
    if not _lower_place_kind(kind):
        return False
    for token in reversed(doc[max(0, start - _UNIT_REACH) : start]):
        if not token.is_alpha or not (token.is_lower or token.is_upper):
            break  # (the words of an abbreviated name, «ГУ | МЧС», are passed over)
        if word_lemma(token.text) in lex.subunits:
            return False
    named = any(t.text[:1].isupper() and t.is_alpha for t in doc[seg.start + 1 : seg.end - 1])
    return named or _republic_name(doc, seg.end)


def _named_place(doc: Doc, seg: Segment) -> bool:
    """A genitive that is a name («МВД России»), or a named place after an abbreviation («УВД Томской
    области»; not «Пресс-служба акимата Атырауской области», where the place is the body's, not the unit's)."""
    last, before = doc[seg.end - 1], doc[seg.start - 1]
    if last.text[:1].isupper():
        return True
    return before.is_upper and before.is_alpha and all(t.ent_type_ == "LOC" for t in doc[seg.start : seg.end])


def _head_of_place(doc: Doc, seg: Segment) -> bool:
    """The tail is «хоким области», «аким района»: a place's head in lower case and the place's kind, after a place."""
    holder, kind = doc[seg.start], doc[seg.end - 1]
    return (
        seg.end - seg.start == 2
        and holder.is_lower
        and word_lemma(holder.text) in lexicons.load("org_office_holders")
        and _of_place_kind(doc, seg)
        and seg.start > 0
        and word_lemma(doc[seg.start - 1].text) in _PLACE_TAIL_KINDS
        and kind.is_lower
    )


_PLACE_TAIL_KINDS = frozenset({"область", "район", "город", "край", "округ", "велаят", "этрап", "вилоят"})


def _place_by_adjective(doc: Doc, seg: Segment) -> bool:
    """«Контрольно-счетного органа | Сегежского муниципального района»: a place named by its adjective and kind, which
    the NER reads as a place, after a body's name is the body's territory."""
    first = doc[seg.start]
    return (
        first.text[:1].isupper()
        and first.pos_ in ("ADJ", "PROPN")
        and all(t.ent_type_ == "LOC" for t in doc[seg.start : seg.end])
        and _of_place_kind(doc, seg)
    )


def _kind_of_named_place(doc: Doc, seg: Segment) -> bool:
    """«Коллегии адвокатов | города | Шымкент»: a place's kind alone, with the place's name right after it (which an
    indeclinable name shows in no case), names where the body is, as a capitalised genitive does."""
    following = doc[seg.end] if seg.end < len(doc) else None
    return (
        seg.end - seg.start == 1
        and _of_place_kind(doc, seg)
        and following is not None
        and following.text[:1].isupper()
        and following.ent_type_ == "LOC"
        # (A name in the genitive, «города | Севастополя», is read with its kind as one genitive already.)
        and "Gen" not in following.morph.get("Case")
    )


def _of_place_kind(doc: Doc, seg: Segment) -> bool:
    """«… Ханты-Мансийского района», «… города Вахдат»: a place named by its kind."""
    return word_lemma(doc[seg.end - 1].text) in place_kinds()


# Kinds of place whose own name follows them in the nominative: «города Токмок», «муниципального округа Лефортово»,
# «муниципалитета Кутаиси» (Georgia, Azerbaijan), «муниципия Бельцы» (Moldova), «этрапа Сакар» (Turkmenistan).
# Kinds of territory of the CIS, Russian and in the state languages the dictionary does not know.
TERRITORIES = frozenset(
    {"район", "область", "округ", "край", "этрап", "велаят", "вилоят", "туман", "аймак", "муниципалитет"}
)
_PLACE_KINDS = frozenset(
    {"город", "район", "село", "аул", "поселок", "округ", "муниципалитет", "муниципий", "этрап", "поселение"}
)


def _lower_place_kind(token: Token) -> bool:
    """A place's kind in small letters («города», «района»): with a name after it, the place a body serves."""
    return token.is_lower and token.lemma_.replace("ё", "е") in _PLACE_KINDS


_PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(ович|евич|ьич|овн|евн|ичн|иничн)(а|у|ем|е|ы|ой|ою)?$")
_OBLIQUE_SURNAME = re.compile(r"(ов|ев|ин|ын|ск|цк)(ой|у|а|ым|ого|ому)$")


# A surname in the nominative: «Шоев», «Имомов», «Рахмонова», «Хакимзода».
_NOMINATIVE_SURNAME = re.compile(r"^[А-ЯЁ][а-яё]+(ов|ев|ёв|ин|ова|ева|ёва|ина|зода|заде)$")


def _named_person(doc: Doc, seg: Segment) -> bool:
    """«ректор … университета | Нурали Шоев»: a first name and a surname in the nominative after a title's body
    are the person who holds it, which the NER may read as a place (a genitive tail has no nominative in it). The
    tail may be the first name alone, which the tagger read as a genitive, the surname after it."""
    pair = doc[seg.start : seg.end + 1] if seg.end - seg.start == 1 and seg.end < len(doc) else doc[seg.start : seg.end]
    if len(pair) != 2 or not all(t.is_title and t.is_alpha for t in pair):
        return False
    first, last = pair
    # (The dictionary knows a first name for one, a place never: «главы МИД России Лавров» keeps «России».)
    tags = [p.tag for p in loading.parse(first.lower_)]
    if not any("Name" in tag for tag in tags) or any("Geox" in tag for tag in tags):
        return False
    cases = set(last.morph.get("Case"))
    return _NOMINATIVE_SURNAME.match(last.text) is not None and "Nom" in cases and "Gen" not in cases


def gloss(doc: Doc, end: int) -> bool:
    """«Верховного Хурала | (парламента) | Республики Тыва»: a common noun in brackets after the kind, in its case, is
    the kind said in Russian; the name goes on after it."""
    if end + 3 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    gloss, kind = doc[end + 1], doc[end - 1]
    cases = set(kind.morph.get("Case"))
    agrees = bool(cases & set(gloss.morph.get("Case")))
    # «Института Акыйкатчы | (Омбудсмена) | Кыргызской Республики»: a state-language kind said in Russian with its
    # capital, before the state the name goes on to.
    if gloss.is_title and agrees and doc[end + 3].ent_type_ == "LOC" and "Gen" in doc[end + 3].morph.get("Case"):
        return "Gen" in cases and gloss.pos_ in ("NOUN", "PROPN", "ADJ") and not kind.is_lower
    return gloss.is_lower and gloss.pos_ == "NOUN" and agrees


def _republic_name(doc: Doc, end: int) -> bool:
    """«Республики Армения», «мэрии города Каракол», «акимата города Костаная»: a place's name after its
    kind often stays in the nominative (and the tagger reads unknown genitives so too), so it is no
    genitive tail, yet it belongs to the name."""
    if end < 1 or end >= len(doc):
        return False
    return _name_after_kind(doc, doc[end - 1], end)


def _wrapped_republic_name(doc: Doc, end: int) -> bool:
    """«Министерства сельского хозяйства Республики / Казахстан»: the place's name on the next line of a text
    wrapped at a fixed width (a line break within a paragraph between the kind and its name)."""
    if end < 1 or end + 1 >= len(doc) or not doc[end].is_space or doc[end].text.count("\n") != 1:
        return False
    # (A republic on any line; a capital after «района» may as well open a sentence or a label's line («… здания
    # Совета района / Время проведения: …»), and so may one after «города» under a short line, but a long line cut
    # after a settlement's kind in small letters is a text wrapped at a fixed width: «Университета имени Шакарима
    # города / Семей».)
    kind = doc[end - 1]
    settlement = kind.is_lower and word_lemma(kind.text) in lexicons.load("loc_settlement_nouns")
    wrapped = settlement and _long_line(doc, end - 1)
    return (kind.lemma_ == "республика" or wrapped) and _name_after_kind(doc, kind, end + 1)


# Kinds of a foreign country's region whose own name follows them in the nominative: «Верховный суд штата Нью-Йорк»,
# «парламент провинции Онтарио». Read so only before a name the NER reads as a place: «штат» is also a body's staff
# («штата Аппарата …»).
_FOREIGN_REGION_KINDS = frozenset({"штат", "провинция", "графство", "кантон"})


def _name_after_kind(doc: Doc, kind: Token, end: int) -> bool:
    republic = kind.lemma_ == "республика" and kind.text[:1].isupper()
    foreign = kind.is_lower and kind.lemma_.replace("ё", "е") in _FOREIGN_REGION_KINDS and doc[end].ent_type_ == "LOC"
    if not republic and not foreign and not _lower_place_kind(kind):
        return False
    token = doc[end]
    # «… района Алмаз Жакыпович Сейдахметов»: a first name the NER missed, before its patronymic.
    person_next = end + 1 < len(doc) and _PATRONYMIC.search(doc[end + 1].text) is not None
    # «… городского округа Халиловой Наиле Рашидовне»: a surname in an oblique case, a first name, a patronymic.
    surname = _OBLIQUE_SURNAME.search(token.text) is not None
    person_next = person_next or (surname and end + 2 < len(doc) and _PATRONYMIC.search(doc[end + 2].text) is not None)
    # «города Джалал-Абад», «города Ростов-на-Дону»: a name joined by hyphens is one word.
    hyphenated = "-" in token.text and token.text.replace("-", "").isalpha() and not token.is_upper
    return (
        (token.is_title or hyphenated)
        and token.text[:1].isupper()
        and token.text.replace("-", "").isalpha()
        and (token.pos_ in ("PROPN", "NOUN") or _adjective_name(doc, kind, token))
        and token.ent_type_ != "PER"
        and not person_next
    )


def _adjective_name(doc: Doc, kind: Token, token: Token) -> bool:
    """«управы района | Северный», «Совета депутатов городского округа | Пушкинский»: a district's or municipality's
    name that is an adjective stays in the nominative after its kind in the genitive, so it agrees with no word of
    the body's name; one word alone (a name of two, «Новый Уренгой», is not cut in half)."""
    if token.pos_ != "ADJ" or not kind.is_lower or "Gen" not in kind.morph.get("Case"):
        return False
    cases = set(token.morph.get("Case"))
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    two_words = after is not None and after.text[:1].isupper() and after.is_alpha and after.ent_type_ == "LOC"
    return "Nom" in cases and "Gen" not in cases and not two_words


@lru_cache(maxsize=1)
def _qualified_heads() -> dict[str, str]:
    """Kind → what it needs to name a body (`org_qualified_heads`): the word before it, the word after it («+…»),
    or «quoted»."""
    return dict(entry.split(" ", 1) for entry in lexicons.load("org_qualified_heads"))


def _qualified(doc: Doc, head: int) -> bool:
    """A kind that is also a common word stands in its registered shape: «… национально-культурная автономия»."""
    need = _qualified_heads().get(word_lemma(doc[head].text)) or _qualified_heads().get(doc[head].lemma_)
    if need is None or need == "quoted":
        return need is None
    if need.startswith("+"):  # the word right after it: «кабинет | министров»
        after = head + 1 < len(doc) and need[1:] in (doc[head + 1].lemma_, word_lemma(doc[head + 1].text))
        return bool(after)
    return head > 0 and need in (doc[head - 1].lemma_, word_lemma(doc[head - 1].text))


def qualified_ok(doc: Doc, head: int | None, end: int) -> bool:
    """A kind `org_qualified_heads` lists names a body only in its registered shape, ending at `end`."""
    if head is None:
        return True
    need = _qualified_heads().get(word_lemma(doc[head].text)) or _qualified_heads().get(doc[head].lemma_)
    if need == "quoted":
        return doc[end - 1].text in CLOSE_QUOTES
    return _qualified(doc, head)


# A body the people elect to represent them: it is named by its place and level, never by a field; a field after
# it is its committee's («комитет областной Думы по бюджету») or the purpose of what it does («Горецкий районный
# Совет депутатов по повышению роли …»).
_REPRESENTATIVE_HEADS = frozenset({"дума", "кенеш", "маслихат", "кенгаш", "хурал", "курултай"})
_ELECTED_MEMBER = "депутат"


def _representative(doc: Doc, head: int | None, end: int) -> bool:
    """The head at `head` names a representative body: «Дума», «кенеш», or a council or assembly of deputies."""
    if head is None:
        return False
    kind = word_lemma(doc[head].text)
    if kind in _REPRESENTATIVE_HEADS:
        return True
    return kind in ("совет", "собрание") and any(word_lemma(t.text) == _ELECTED_MEMBER for t in doc[head + 1 : end])


def _head_of(doc: Doc, start: int, end: int, lex: Lexicons) -> int | None:
    for i in range(start, end):
        if _is_head_word(doc[i], lex):
            return i
    return None


# `word_lemma` by string id, as a word's lemma does not change (spaCy's string ids are stable hashes);
# bounded like `word_lemma`'s own cache.
_LEMMA_BY_ORTH: dict[int, str] = {}
_LEMMA_BY_ORTH_SIZE = 200_000


def known_names(doc: Doc, lex: Lexicons) -> Iterator[tuple[int, int]]:
    """Token ranges whose lemmas spell a name from `org_known.txt`.

    A name starts with a capital or a digit: in lower case its words are ordinary nouns («известие» is no
    «Известия», «в церкви» no «Церковь», «лига» no «Лига»)."""
    strings = doc.vocab.strings
    # From arrays of string ids rather than Token objects, which cost more than the lookups.
    rows = doc.to_array([ORTH, IS_PUNCT, IS_LOWER]).tolist()
    # Lemmas only where a name is tried: a dictionary look-up of every word of the text (most of them
    # lower case, which start no name) cost more than the rest of the organizations stage.
    lemmas: list[str | None] = [None] * len(rows)

    def lemma_at(i: int) -> str:
        lemma = lemmas[i]
        if lemma is None:
            orth, punct, _ = rows[i]
            lemma = strings[orth] if punct else _LEMMA_BY_ORTH.get(orth)
            if lemma is None:
                if len(_LEMMA_BY_ORTH) >= _LEMMA_BY_ORTH_SIZE:
                    _LEMMA_BY_ORTH.clear()
                lemma = _LEMMA_BY_ORTH[orth] = word_lemma(strings[orth])
            lemmas[i] = lemma
        return lemma

    for i, (_, _, is_lower) in enumerate(rows):
        if is_lower:
            continue
        for name in lex.known.get(lemma_at(i), ()):
            words = name.split()
            if i + len(words) <= len(rows) and all(lemma_at(i + k) == word for k, word in enumerate(words)):
                yield i, i + len(words)


def defined_terms(doc: Doc, found: Found, name_ends: set[int]) -> frozenset[str]:
    """Abbreviations the text defines for a thing that is not a body: «транспортным средством (БПТС)».

    `name_ends`: token indices where a name read in the text ends (a parenthesis there is its alias).
    """
    terms = set()
    for segs in found.starting("ABBR").values():
        for seg in segs:
            if seg.end - seg.start != 1 or seg.start < 2 or seg.end >= len(doc):
                continue
            before = doc[seg.start - 2]
            if seg.start - 1 in name_ends:
                continue
            in_parentheses = doc[seg.start - 1].text == "(" and doc[seg.end].text == ")"
            after_term = before.text.islower() and before.pos_ in ("NOUN", "ADJ")
            # («Балканабат, 9 апреля (ТДХ).»: a dateline's date, then the agency it credits.)
            dated = before.lemma_ in lexicons.load("meeting_months") and doc[seg.start - 3].like_num
            # («КОЛЕВ Д.С., советник (ПСРМ).»: after a seat's post, the holder's party, no term the post defines.)
            seat = before.lemma_ in _SEATS
            if in_parentheses and after_term and not dated and not seat and not _is_head_word(before, lexicon()):
                terms.add(doc[seg.start].text)
    return frozenset(terms)


# Posts of an elected seat, after which letters in parentheses name the holder's party.
_SEATS = frozenset({"депутат", "советник", "сенатор", "кандидат"})


def bare_abbreviations(doc: Doc) -> frozenset[str]:
    """All-caps words the text also writes with no quote after them («СИЗО», «ГРУ», «НХЛ»): names of bodies
    of their own, so «СИЗО «Лефортово»» is two names, unlike a form written only before names («МП «…»»).
    Computed once per Doc."""
    key = "organizations.bare_abbreviations"
    if key not in doc.user_data:
        bare = set()
        for token in doc[:-1]:
            nxt = doc[token.i + 1]
            if token.is_upper and token.is_alpha and nxt.text not in OPEN_QUOTES and nxt.text != "'":
                bare.add(token.text)
        doc.user_data[key] = frozenset(bare)
    return doc.user_data[key]


def form_before_name(doc: Doc, token: Token) -> bool:
    """«МП», «ГЛХУ», «МБУК» before «…»: a Cyrillic abbreviation of a form or kind, not a body's own name."""
    return bool(re.fullmatch(r"[А-ЯЁ]{2,5}", token.text)) and token.text not in bare_abbreviations(doc)


def candidates(doc: Doc, found: Found, blocked: frozenset[str]) -> list[Candidate]:
    """Organization names the grammar reads in the text (NER spans are added by the stage)."""
    lex = lexicon()
    out: list[Candidate] = []
    for label in CORES:
        for segs in found.starting(label).values():
            for seg in segs:
                checkpoint("organizations")
                head = _head_of(doc, seg.start, seg.end, lex) if label not in ("ABBR", "OFFICE", "IZAFET") else None
                if label in ("OFFICE", "IZAFET"):
                    head = seg.start
                if label == "HEAD" and head is None and word_lemma(doc[seg.end - 1].text) in REGISTERED_BRANCHES:
                    head = seg.end - 1  # («Тверское региональное отделение …»: the branch is the head)
                if label == "HEAD" and not _head_core_ok(doc, seg, head, lex):
                    continue
                # «Пресс-служба районного Совета депутатов» as a signature line: the tagger takes a hyphenated noun for
                # the body's adjective; the unit is no word of the body's name (the reading after it is the body).
                if label == "HEAD" and head is not None and head > seg.start and _hyphenated_noun(doc[seg.start]):
                    continue
                # «коалиция большинства»: a kind that names a body only with a capital («Коалиция НКО …»).
                # («Генеральный штаб», «Государственный пожарный надзор»: the capital may be the first adjective's;
                # one that opens a sentence says nothing.)
                if (
                    head is not None
                    and doc[head].lemma_ in lexicons.load("org_capital_heads")
                    and not any(t.is_title and not t.is_sent_start for t in doc[seg.start : head + 1])
                    and not _executive_of_place(doc, head)
                ):
                    continue
                if label == "ABBR" and (not _abbreviation_ok(doc, seg, lex) or doc[seg.start].text in blocked):
                    continue
                legal = doc[seg.start].lower_ in _legal_variants()
                if label == "LEGAL_QUOTED" and not legal and not form_before_name(doc, doc[seg.start]):
                    continue
                end = grow(doc, seg.start, seg.end, found, lex, blocked, proper=label == "ABBR")
                if not qualified_ok(doc, head, end):
                    continue
                # «Целый блок вопросов посвящён …»: a bloc in small letters of things (no kind of body: «блок партий»)
                # is a set of them.
                if label == "HEAD" and head is not None and _set_of_things(doc, head, end, lex):
                    continue
                # «организация горячего питания»: a bare lower-case noun of action with its object names no body.
                if label == "HEAD" and seg.end - seg.start == 1 and end > seg.end and _action(doc[seg.start]):
                    continue
                # «министр по … вопросам открытого управления области»: a kind in small letters after «вопросам» is
                # what a field is about, not a body.
                if label == "HEAD" and doc[seg.start].is_lower and _field_object(doc, seg.start):
                    continue
                # «38-е собрание Законодательной Думы»: the sitting of a body named after it.
                if label == "HEAD" and end > seg.end and _meeting_of(doc, seg):
                    continue
                # «руководитель аппарата акима области»: the staff of the office of the place the text is about is
                # a unit of its body (the akimat); «аппарат акима Сокулукского района» names its place.
                if label == "OFFICE" and not any(
                    doc[i].ent_type_ == "LOC" and doc[i].text[:1].isupper() for i in range(seg.end, end)
                ):
                    continue
                # «правительство страны», «штаб округа»: a generic body of the place the text is about.
                if label == "HEAD" and _of_a_referred_place(doc, seg, end):
                    continue
                # «Российская Федерация» reads like a body, but alone the NER knows it for a place.
                # («депутат Мажилиса»: a parliament's own word, which the NER may read as a place or a name.)
                if end == seg.end and _is_place(doc, seg.start, seg.end) and not _parliament_by_kind(doc, seg):
                    continue
                # (The NER may miss it inside a law's quoted title: the state's name alone is the country all the same.)
                if end == seg.end and _state_name(doc[seg.start : end]):
                    continue
                if label == "HEAD" and end == seg.end and not _names_alone(doc, seg, head):
                    continue
                out.append(Candidate(seg.start, end, label, head))
    for start, end in known_names(doc, lex):
        end = grow(doc, start, end, found, lex, blocked, proper=True)
        out.append(Candidate(start, end, "KNOWN", _head_of(doc, start, end, lex)))
    return out


# «исполнительный орган государственной власти»: Tajikistan's local executive (хукумат) by its statutory name.
_EXECUTIVE_NAME = ("исполнительный", "орган", "государственный", "власть")


def _executive_of_place(doc: Doc, head: int) -> bool:
    """«Пресс-служба исполнительного органа государственной власти Спитаменского района»: the statutory name of a
    place's executive names the body in small letters too (a signature writes it so); «органы исполнительной власти»,
    «уполномоченный орган» are authorities spoken of."""
    if head < 1 or head + 3 >= len(doc) or plural(doc[head]):
        return False
    words = doc[head - 1 : head + 3]
    if tuple(word_lemma(t.text) for t in words) != _EXECUTIVE_NAME:
        return False
    place = doc[head + 3]
    return place.text[:1].isupper() or (head + 4 < len(doc) and doc[head + 4].text[:1].isupper())


_HYPHENATED_NOUN = re.compile(r"^[А-ЯЁа-яё]+-[а-яё]{4,}$")


_SET_HEAD = "блок"


def _set_of_things(doc: Doc, head: int, end: int, lex: Lexicons) -> bool:
    kind = doc[head]
    if not kind.is_lower or word_lemma(kind.text) != _SET_HEAD or head + 1 >= end:
        return False
    things = doc[head + 1]
    morph = things.morph
    return (
        things.is_lower
        and things.pos_ == "NOUN"
        and "Gen" in morph.get("Case")
        and "Plur" in morph.get("Number")
        and word_lemma(things.text) not in lex.heads
    )


def _hyphenated_noun(token: Token) -> bool:
    """«Пресс-служба», «Пресс-центр»: a compound noun (no adjective's ending) the tagger read as an adjective."""
    return (
        token.pos_ == "ADJ"
        and _HYPHENATED_NOUN.match(token.text) is not None
        and not re.search(ADJECTIVE_ENDING, token.lower_)
    )


_FIELD_NOUN = "вопрос"


def _field_object(doc: Doc, start: int) -> bool:
    """The words from `start` follow «вопросам»/«вопросов» over adjectives in small letters."""
    i = start - 1
    while i >= 0 and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i -= 1
    token = doc[i] if i >= 0 else None
    return token is not None and token.is_lower and token.lemma_ == _FIELD_NOUN and "Plur" in token.morph.get("Number")


def _of_a_referred_place(doc: Doc, seg: Segment, end: int) -> bool:
    """A lower-case kind of body whose one tail is a lower-case kind of place («парламент страны»)."""
    words = [t for t in doc[seg.start : end] if t.is_alpha]
    if end == seg.end or not all(t.is_lower or (t.is_sent_start and t.is_title) for t in words):
        return False
    place = doc[end - 1]
    if word_lemma(place.text) not in lexicons.load("org_referring_places"):
        return False
    # «администрация муниципального района» is the level of a body the text names in full.
    return end - 1 == seg.end


def _meeting_of(doc: Doc, seg: Segment) -> bool:
    head = doc[seg.end - 1]
    # «Собрание Думы: депутаты изменили бюджет» opens a heading: the sitting of the body named after it.
    starts = head.is_sent_start or _line_start(doc, head.i)
    opening = starts and seg.end < len(doc) and _is_head_word(doc[seg.end], lexicon())
    # «общее собрание членов Ассоциации …», «сход жителей Поселения …»: the members who meet, then their body.
    # («… членов кооператива»: the members of the body the text is about, by its kind.)
    after = seg.end
    if after + 1 < len(doc) and _members(doc[after]):
        nxt = doc[after + 1]
        # (A heading may break the line between the members and their body.)
        if nxt.is_space and after + 2 < len(doc):
            nxt = doc[after + 2]
        # («членов рыболовецкого колхоза»: the body's kind after its adjectives.)
        while nxt.is_lower and nxt.pos_ == "ADJ" and nxt.i + 1 < len(doc):
            nxt = doc[nxt.i + 1]
        if nxt.text[:1].isupper() or _is_head_word(nxt, lexicon()):
            return head.lemma_ in lexicons.load("org_meeting_heads") and (head.is_lower or opening)
    if (
        not (head.is_lower or opening)
        or head.lemma_ not in lexicons.load("org_meeting_heads")
        or not doc[after].text[:1].isupper()
    ):
        return False
    # «Законодательное собрание Ленинградской области» is a body: its name is capitalised before the head.
    return all(t.is_lower or t.is_sent_start for t in doc[seg.start : seg.end - 1] if t.is_alpha)


def _members(token: Token) -> bool:
    """«водопользователей», «членов»: a lower-case plural noun in the genitive, the people a body unites; or a
    people named as one («Ассоциация ненецкого народа «Ясавэй»»)."""
    morph = token.morph
    if token.is_lower and token.pos_ == "NOUN" and token.text.endswith("телей"):
        return True  # an agent noun's plural in -телей, whatever case the tagger gives it (`GEN_NP`)
    if not token.is_lower or token.pos_ != "NOUN" or "Gen" not in morph.get("Case"):
        return False
    return "Plur" in morph.get("Number") or word_lemma(token.text) in _COLLECTIVE_MEMBERS


_COLLECTIVE_MEMBERS = frozenset({"народ", "молодежь", "казачество"})


def _line_start(doc: Doc, i: int) -> bool:
    """The token opens a line (a heading under a page's menu, which the parser may join to the menu's sentence)."""
    if i == 0:
        return True
    before = doc[i - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


def _action(token: Token) -> bool:
    return token.is_lower and token.lemma_ in lexicons.load("org_action_heads")


def _state_name(span: Span) -> bool:
    return " ".join(word_lemma(t.text) for t in span) in lexicons.load("org_state_names")


def _is_place(doc: Doc, start: int, end: int) -> bool:
    """«Российская Федерация» reads like a body but the NER knows it for a place; a local body named by its place
    and level («Кочкорского городского кенеша») is no place, whatever the NER says."""
    last = doc[end - 1]
    # («Кызыл-Адырского айыл окмоту»: an indeclinable kind the dictionary reads as another word's form.)
    kinds = {last.lemma_, word_lemma(last.text), last.lower_, lexicon().foreign_heads.get(last.lower_)}
    if kinds & lexicons.load("org_local_bodies"):
        return False
    return all(t.ent_type_ == "LOC" for t in doc[start:end] if t.is_alpha)


def _head_core_ok(doc: Doc, seg: Segment, head: int | None, lex: Lexicons) -> bool:
    if head is None or head != seg.end - 1:
        return False
    token = doc[head]
    # Names before the head are foreign words («Жогорку Кенеш») or adjectives the tagger missed
    # («Межстранового Совета»), not a noun of the sentence («Заседание Совета»).
    for before in doc[seg.start : head]:
        if before.lower_ in lexicons.load("org_foreign_modifiers"):
            continue
        # «Слуцкого районного исполнительного комитета»: a place's adjective that is also a surname, before a level.
        level = before.i + 1 < head and doc[before.i + 1].is_lower and doc[before.i + 1].pos_ == "ADJ"
        place = level and bool(_PLACE_ADJECTIVE.search(before.text))
        if before.pos_ == "PROPN" and not place and not _foreign_or_adjective(before.text):
            return False
        if before.pos_ in ("VERB", "NOUN") and not misread_adjective(before) and not known_adjective(before):
            return False
    # Plural common nouns are kinds of bodies («министерств и ведомств»), not a body.
    # A capital at a sentence's start says nothing («Акиматы городов и районов»).
    if not plural(token) or (token.text[:1].isupper() and not token.is_sent_start):
        return True
    return singular_before_place(doc, head)


def plural(token: Token) -> bool:
    """The tagger's number, or the dictionary's where every reading of the word as its head is plural: the
    tagger reads a rare head's number by guess («с акиматами городов» as singular)."""
    if "Plur" in token.morph.get("Number"):
        return True
    # «Маслихат»: the dictionary knows a foreign kind's form as another word's («маслихата», plural genitive).
    lemma = lexicon().foreign_heads.get(token.lower_) or word_lemma(token.text)
    readings = [p for p in loading.parse(token.lower_) if p.normal_form == lemma]
    return bool(readings) and all(p.tag.number == "plur" for p in readings)


def _plural_only(word: str) -> bool:
    return all(r.tag.number == "plur" for r in loading.parse(word))


def singular_before_place(doc: Doc, head: int) -> bool:
    """«мэрии города Череповца»: a head the tagger reads as plural whose form is also singular, before one
    place in the genitive, is one body."""
    token = doc[head]
    nxt = doc[head + 1] if head + 1 < len(doc) else None
    if not plural(token) or nxt is None or "Gen" not in nxt.morph.get("Case") or "Sing" not in nxt.morph.get("Number"):
        return False
    # («сельскохозяйственные организации района»: an adjective or a participle before it that is plural in every
    # reading says so.)
    if head > 0 and doc[head - 1].pos_ in ("ADJ", "VERB") and _plural_only(doc[head - 1].lower_):
        return False
    # («маслихат города Шымкент»: a foreign kind's lemma the taggers guess as another word's, «маслихата».)
    lemmas = {token.lemma_, word_lemma(token.text), lexicon().foreign_heads.get(token.lower_)}
    return any(p.tag.number == "sing" and p.normal_form in lemmas for p in loading.parse(token.lower_))


def _foreign_or_adjective(word: str) -> bool:
    morph = loading.morph()
    return not morph.word_is_known(word.lower()) or morph.parse(word.lower())[0].tag.POS == "ADJF"


# «Елабужский государственный музей-заповедник», «Актюбинский областной историко-краеведческий музей»: a place's museum
# or theatre is named by the place's adjective and its own in small letters (the golds of heldout-genre-13, -18).
_PLACE_INSTITUTIONS = frozenset({"музей", "музей-заповедник", "музей-усадьба", "театр"})


def _parliament_by_kind(doc: Doc, seg: Segment) -> bool:
    """«депутат Мажилиса», «одобрил Кнессет»: one capitalised word inside a sentence, a parliament whose name is its own
    language's word for one (`org_parliaments_by_kind`)."""
    word = doc[seg.start]
    return (
        seg.end - seg.start == 1
        and word.is_title
        and not word.is_sent_start
        and word_lemma(word.text) in lexicons.load("org_parliaments_by_kind")
    )


def _names_alone(doc: Doc, seg: Segment, head: int | None) -> bool:
    """A core without tails is a name only when capitalised beyond the sentence start («Общественный Совет»)."""
    # «Джалал-Абадского», «Усть-Каменогорского»: a place's adjective joined by a hyphen is one word.
    words = [t for t in doc[seg.start : seg.end] if t.text.replace("-", "").isalpha()]
    capitalised = [t for t in words if t.text[:1].isupper() and not t.is_sent_start and not opens_remark(t)]
    if len(words) >= 2 and len(capitalised) == len(words):
        return True
    if _parliament_by_kind(doc, seg):
        return True
    # «татаро-башкирская национально-культурная автономия»: a registered kind named by its people's adjective.
    qualified = head is not None and head > seg.start + 1 and word_lemma(doc[head].text) in _qualified_heads()
    if qualified and len(words) >= 3 and _qualified(doc, head):
        return True
    # «израильская армия», «шведская прокуратура»: a state's own body named by the state's adjective.
    if len(words) == 2 and head is not None and _of_a_state(words[0], doc[head]):
        return True
    # «Каракольского городского кенеша»: a local body is named by its place and level, in lower case.
    place, level = words[0], words[1:-1]
    return (
        len(words) >= 3
        and head is not None
        # «Ракитницкая средняя школа»: so is a local institution (a school, a lyceum) named by its place and level.
        and bool(
            {doc[head].lemma_, word_lemma(doc[head].text), lexicon().foreign_heads.get(doc[head].lower_)}
            & (lexicons.load("org_local_bodies") | lexicons.load("org_numbered_heads") | _PLACE_INSTITUTIONS)
        )
        and place.text[:1].isupper()
        and bool(re.search(ADJECTIVE_ENDING, place.text))
        # («Дашогузского велаятского Халк Маслахаты»: a state-language word of the kind may keep its capital.)
        and all(
            (t.is_lower and (t.pos_ == "ADJ" or misread_adjective(t)))
            or t.lower_ in lexicons.load("org_foreign_modifiers")
            or (t.lower_ == "и" and 0 < t.i - seg.start < len(level))  # («историко-архитектурного и природного»)
            for t in level
        )
    )


def opens_remark(token: Token) -> bool:
    """«Мгеладзе Т.Р. (председатель кооператива) – Перерабатывающее предприятие принимает …»: a protocol's remark after
    the speaker and a dash starts with a capital, as a sentence does."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text not in DASHES:
        return False
    before = doc[i - 2]
    return before.text == ")" or (before.text.endswith(".") and before.text[:1].isupper() and len(before.text) <= 4)


# A place's adjective: «израильский», «шведского», «российской»; not a kind («городской», «мужской») or a
# quality («технический», «повстанческой»).
_PLACE_ADJECTIVE = re.compile(r"(ск|цк)(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ым|ые|ей)$")
_NOT_PLACE_ADJECTIVE = re.compile(r"(ческ|иальн|городск|мужск|женск|детск|юношеск)")


def _of_a_state(adjective: Token, head: Token) -> bool:
    """«израильская армия»: a body every state has one of (`org_state_bodies`) after the adjective of a place."""
    if word_lemma(head.text) not in lexicons.load("org_state_bodies") and head.lemma_ not in lexicons.load(
        "org_state_bodies"
    ):
        return False
    if not (adjective.is_lower or adjective.is_sent_start) or adjective.pos_ not in ("ADJ", "PROPN"):
        return False
    word = adjective.lower_
    return bool(_PLACE_ADJECTIVE.search(word)) and not _NOT_PLACE_ADJECTIVE.search(word)


def _members_before_name(doc: Doc, start: int, seg: Segment) -> bool:
    """«Ассоциации водопользователей «Чоркух-Об»»: right after a kind of union (`org_member_unions`) and the members it
    unites (one plural noun in the genitive), a quoted name in the nominative is the body's own; «совета директоров
    «Газпрома»» names whose directors they are (a genitive), «комиссии «О бюджете»» a document."""
    unions = lexicons.load("org_member_unions")
    kind: Token | None = doc[seg.start - 2]
    if seg.start - start < 2 or not _members(doc[seg.start - 1]) or not {kind.lemma_, word_lemma(kind.text)} & unions:
        # «общины коренных малочисленных народов Севера «Ямб то»», «Ассоциации ненецкого народа «Ясавэй»»: the
        # members with their adjectives and the region they live in (a name in the genitive).
        kind = _kind_before_members(doc, start, seg.start)
        if kind is None:
            return False
    if not {kind.lemma_, word_lemma(kind.text)} & unions:
        return False
    first = doc[seg.start + 1].lower_
    if not loading.morph().word_is_known(first):
        return True
    return any("nomn" in p.tag.grammemes for p in loading.parse(first))


_MAX_MEMBER_WORDS = 4


def _field_before_name(doc: Doc, start: int, seg: Segment) -> bool:
    """«бассейнового управления ирригационных систем «Сангзар-Туз»»: an institution's kind after its own adjectives,
    then what it serves in the genitive, all in small letters, then a quoted name in the nominative: the name is the
    institution's own (a genitive, «отдела кадров «Газпрома»», names whose unit it is)."""
    words = list(doc[start : seg.start])
    kind = next((i for i, t in enumerate(words) if t.pos_ != "ADJ"), None)
    # («Агентства регионального развития «Центр»», «Совета по региональному развитию «Центр»»: a kind that opens the
    # name with its capital, then its field in small letters.)
    opens = kind == 0 and words[0].is_title and not words[0].is_sent_start
    if kind is None or (kind == 0 and not opens) or not 1 <= len(words) - kind - 1 <= _MAX_MEMBER_WORDS:
        return False
    small = words[1:] if opens else words
    if not all(t.is_lower and t.is_alpha for t in small) or word_lemma(words[kind].text) not in lexicon().heads:
        return False
    # (Not people after a capitalised kind: «Совет директоров «Freixenet»», «Лиги чемпионов «Арсенал» проиграл».)
    if opens and any(plural(t) and "Anim" in t.morph.get("Animacy") for t in small):
        return False
    first = doc[seg.start + 1]
    # (A quoted title after a body, «… «О бюджете …»», is a document's.)
    if not first.is_title or first.pos_ == "ADP":
        return False
    if not loading.morph().word_is_known(first.lower_):
        return True
    return any("nomn" in p.tag.grammemes for p in loading.parse(first.lower_)) and not any(
        "gent" in p.tag.grammemes for p in loading.parse(first.lower_)
    )


def _kind_before_members(doc: Doc, start: int, quote: int) -> Token | None:
    """The kind before «коренных малочисленных народов Севера»: adjectives, the members, then one proper genitive."""
    words = list(doc[start + 1 : quote])
    if words and words[-1].is_title and not _members(words[-1]):
        words = words[:-1]
    if not 1 <= len(words) <= _MAX_MEMBER_WORDS or not _members(words[-1]):
        return None
    if not all(t.pos_ == "ADJ" and t.is_lower for t in words[:-1]):
        return None
    return doc[start]


# «Моршанский», «Братское», «Слободская»: a place's adjective in the nominative, the whole of a branch's own name.
_PLACE_NAME_ADJECTIVE = re.compile(r"^[А-ЯЁ][а-яё-]+[сц]к(ий|ой|ое|ая)$")


def _branch_by_place_name(doc: Doc, start: int, seg: Segment) -> bool:
    """«МО МВД России «Моршанский»», «МУ МВД России «Братское»»: a federal body's abbreviation and its state, then the
    territorial branch's own name, the adjective of the place it serves, quoted (the Interior Ministry's inter-municipal
    branches are so named)."""
    if seg.end - seg.start != 3 or not _PLACE_NAME_ADJECTIVE.match(doc[seg.start + 1].text):
        return False
    core = doc[start]
    state = doc[seg.start - 1]
    return core.is_upper and core.is_alpha and state.text[:1].isupper() and state.lower_ in _STATE_GENITIVES


# The state a federal body's branch belongs to, as written after its abbreviation.
_STATE_GENITIVES = frozenset({"россии", "рф"})


def _no_genitive(token: Token) -> bool:
    """«премии совета | солистке балета»: a lower-case word of the dictionary none of whose forms is a genitive, which
    the tagger read as one, starts or ends no genitive tail (a dative after a name is whom it is given to)."""
    if not token.is_lower or not token.is_alpha or not loading.morph().word_is_known(token.lower_):
        return False
    return not any({"gent", "gen2"} & p.tag.grammemes for p in loading.parse(token.lower_) if p.is_known)


_NEGATIONS = frozenset({"не", "ни"})
_ABSENT = "нет"


def _negated_genitive(token: Token) -> bool:
    """«У прокуратуры | замечаний к проекту нет», «в комиссию | заявлений не поступало»: the genitive of negation is
    the subject or object of the negated predicate the parse attaches it to, no attribute of the body before it."""
    if not token.is_lower or token.dep_ not in ("nsubj", "nsubj:pass", "obj") or "Gen" not in token.morph.get("Case"):
        return False
    head = token.head
    return head.lower_ == _ABSENT or any(c.lower_ in _NEGATIONS for c in head.children)


def _ordinal_only(token: Token) -> bool:
    """«четвёртого», «пятого» tagged a noun: a lower-case word the dictionary knows for an ordinal only."""
    if not token.is_lower or not token.is_alpha or not loading.morph().word_is_known(token.lower_):
        return False
    return all(p.tag.POS == "ADJF" and "Anum" in p.tag for p in loading.parse(token.lower_))


def known_adjective(token: Token) -> bool:
    """«чувашской», «национально-культурной» tagged a noun: a lower-case word the dictionary knows for an adjective
    only (a compound by its last part)."""
    word = token.lower_.rsplit("-", 1)[-1]
    if not token.is_lower or not loading.morph().word_is_known(word):
        return False
    return all(p.tag.POS in ("ADJF", "PRTF") for p in loading.parse(word))


def misread_adjective(token: Token) -> bool:
    """«Кочкорского айылного кенеша»: a rare adjective, out of the dictionary, the tagger reads as a verb or noun."""
    return (
        token.pos_ in ("VERB", "NOUN", "X")
        and token.is_lower
        and bool(re.search(MISREAD_ADJECTIVE_ENDING, token.text))
        and not loading.morph().word_is_known(token.text)
    )


def _abbreviation_ok(doc: Doc, seg: Segment, lex: Lexicons) -> bool:
    tokens = list(doc[seg.start : seg.end])
    # «вертолётов Ми-8АМТ»: letters glued to a model's number are its version, no body.
    before = doc[seg.start - 1] if seg.start > 0 else None
    if before is not None and not before.whitespace_ and before.text[-1:].isdigit():
        return False
    for token in tokens:
        # «МО МВД», «ОП МВД»: a kind of unit that names nothing alone is the unit of the body abbreviated after it.
        unit_of_next = token.i + 1 < seg.end and token.lower_ not in lex.country_codes
        if token.lower_ in lex.not_abbreviations and not unit_of_next:
            return False
        if token.lower_ in lex.country_codes or not _ABBR_SHAPE.match(token.text):
            return False
        if re.fullmatch(r"[IVXХІМСLDС]+", token.text):  # Roman numerals, also typed in Cyrillic
            return False
        # «ХАЛК МАСЛАХАТЫ», «ОЛИЙ МАЖЛИС»: a state-language word of a body's kind typed in capitals.
        if token.lower_ in lexicons.load("org_foreign_modifiers"):
            return False
        if token.ent_type_ == "PER" or (token.ent_type_ == "LOC" and not _branch_of_place(doc, seg.end)):
            return False
        # An all-caps ordinary word («ВНИМАНИЕ», «ИВАНОВ») is emphasis or a surname, not an abbreviation.
        word = token.text.lower()
        known = len(word) > 3 and loading.morph().word_is_known(word)
        if known and not any("Abbr" in p.tag for p in loading.parse(word)):
            return False
        # «МЭРИЯСЫ» (Kyrgyz «its mayoralty»): a kind of body with a state language's ending is a word, no
        # abbreviation.
        if any(word.startswith(h) and 0 < len(word) - len(h) <= _FOREIGN_ENDING for h in _long_heads()):
            return False
    return True


_FOREIGN_ENDING = 3


@cache
def _long_heads() -> tuple[str, ...]:
    # (Heads of five letters and more: a short one, «рада», starts too many abbreviations' letters by chance.)
    return tuple(h for h in lexicon().heads if len(h) >= 5 and h.isalpha())


def _branch_of_place(doc: Doc, end: int) -> bool:
    """«ДЧС Туркестанской области», «УВД Кировского района»: the NER reads an agency's abbreviation before a
    region named by its kind as part of the place; the abbreviation is the region's branch of the agency."""
    kinds = place_kinds()
    for i in range(end, min(end + 3, len(doc))):
        token = doc[i]
        if word_lemma(token.text) in kinds and token.is_lower:
            return "Gen" in token.morph.get("Case")
        if not (token.pos_ == "ADJ" and token.text[:1].isupper()):
            return False
    return False
