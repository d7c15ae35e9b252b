"""Job titles by a name: the grammar shared by the positions and speakers stages.

A title is a noun phrase headed by a position noun (lexicon mined from NEREL PROFESSION spans) that
stands right before the name («первый заместитель министра труда … Н.С. Базарбаев») or in apposition
after it («Н.С. Базарбаев, первый заместитель министра»).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.components.extensions import doc_text, sentence_of
from models.numerals import cardinal_values
from models.punctuation import QUOTE_MARKS, TYPOGRAPHIC_CLOSING_QUOTES, TYPOGRAPHIC_DASHES, TYPOGRAPHIC_OPENING_QUOTES
from pipelines.doc_views import entity_at, token_strings
from pipelines.layouts import leading_name, line_header, opens_item
from pipelines.person_names import fold, is_first_name, is_patronymic, is_womans_first_name, looks_like_surname

# «по вопросам …», «по делам …»: the nouns that open a post's remit, not a body («начальник отдела по делам ГО и ЧС»).
REMIT_NOUNS = frozenset({"вопрос", "дело"})
_HONOURS = {"имени", "им.", "им"}
_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.)+$|^\.$")
# Tokens that end a title when walking away from the name.
_STOP_TEXT = {".", "!", "?", ";", ":", "(", ")", "—", "–", "-", "«»"}
_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "NUM", "DET", "PUNCT", "X", "SYM"}
_TITLE_PREFIXES = ("экс-", "вице-", "и.о.", "зам.")
# Posts written abbreviated with a point before the word they govern («зам. акима», «пред. комитета»).
_ABBREVIATED_POST = "зам"


@cache
def _heads() -> frozenset[str]:
    return lexicons.load("position_heads") | lexicons.load("position_heads_extra")


def post_head_lemmas() -> frozenset[str]:
    """The position nouns in their dictionary form (`position_heads`, `position_heads_extra`)."""
    return _heads()


def is_position_head(token: Token) -> bool:
    return is_position_head_word(token.lemma_, token.text)


# From a name's first word to the top of its chain: a first name heads its surname, a title its apposed name.
_NAME_CHAIN = ("appos", "flat", "flat:name", "flat:foreign")
# The same chain through a list's conjuncts («A, B и C» share the first one's role): what the speakers and positions
# stages walk up from a name to the verb it is the subject or object of.
LISTED_NAME_CHAIN = frozenset({*_NAME_CHAIN, "conj"})


def object_taken_for_subject(name_root: Token) -> bool:
    """«глава региона представил Бахтиёржона Салимжонова»: the tagger takes an unknown name's accusative for a
    nominative and gives a singular verb two subjects, a title (or a name) before it and the name after it. Russian
    puts the one the verb acts on there: the name is the object, so neither the title's post nor the speech is its."""
    top = name_root
    while top.dep_ in _NAME_CHAIN and top.head.i != top.i:
        top = top.head
    verb = top.head
    if top.dep_ != "nsubj" or verb.i >= top.i or "Plur" in verb.morph.get("Number"):
        return False
    # Only where a word of the name cannot be a nominative, only an accusative («Бахтиёржона»): a name that can
    # be one after the verb is as often the subject of a sentence opening on its object («Доклад сделал …»).
    words = [t for t in name_root.doc[top.i : top.right_edge.i + 1] if t.ent_type_ == "PER" and t.is_alpha]
    if not any(_accusative_only(t.lower_) for t in words):
        return False
    return any(
        c.dep_ == "nsubj"
        and c.i < verb.i
        and "Plur" not in c.morph.get("Number")
        and (c.ent_type_ == "PER" or is_position_head(c))
        for c in verb.children
    )


@lru_cache(maxsize=10_000)
def _accusative_only(word: str) -> bool:
    cases = {p.tag.case for p in loading.parse(word)}
    return "accs" in cases and "nomn" not in cases


@lru_cache(maxsize=100_000)
def is_position_head_word(lemma: str, text: str) -> bool:
    """`is_position_head` by a token's lemma and text, cached: the stages ask it of every word near every name."""
    lemma, text = fold(lemma), fold(text)
    if lemma in _heads() or text in _heads() or text in lexicons.load("position_head_forms"):
        return True
    # экс-министр, вице-губернатор, зам.главы: the part after the prefix carries the title.
    if any(text.startswith(p) and len(text) > len(p) + 2 for p in _TITLE_PREFIXES):
        return True
    # депутат-единоросс, сенатор-демократ, блог-менеджер: one half of the compound is the post.
    # («слесарю-газовщику»: a part in an oblique case is the post by its dictionary form.)
    parts = text.split("-")
    return (
        len(parts) == 2
        and all(len(part) > 2 for part in parts)
        and any(part in _heads() or any(fold(p.normal_form) in _heads() for p in loading.parse(part)) for part in parts)
    )


def _is_modifier(token: Token) -> bool:
    modifiers = lexicons.load("position_modifiers")
    if fold(token.text) in modifiers:
        return True
    # «исполняющему обязанности»: the participle's lemma is its verb («исполнять»), which alone
    # («исполняет обязанности») is a clause, not part of a title.
    if token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm"):
        return False
    return fold(token.lemma_) in modifiers


# «и.о. директора», «И. о. руководителя»: the tokenizer splits the abbreviation of «исполняющий обязанности» into
# four tokens; the acting post is the post's part (gold: «и.о. начальника»). A report writes it without the last
# point too, «И.о хокима района»: three tokens, then the post in lower case.
_ACTING = ("и", ".", "о", ".")
_ACTING_UNFINISHED = _ACTING[:-1]


def _acting_length(doc: Doc, end: int) -> int:
    """The tokens of an «и.о.» that ends right before token `end` (0 when none): four, or three before a post's word
    in lower case."""
    if end >= len(_ACTING) and tuple(fold(t.text) for t in doc[end - len(_ACTING) : end]) == _ACTING:
        return len(_ACTING)
    unfinished = len(_ACTING_UNFINISHED)
    if (
        end >= unfinished
        and end < len(doc)
        and doc[end].is_lower
        and doc[end].is_alpha
        and tuple(fold(t.text) for t in doc[end - unfinished : end]) == _ACTING_UNFINISHED
    ):
        return unfinished
    return 0


def acting_before(doc: Doc, i: int) -> int:
    """Where an «и.о.» right before token `i` starts (`i` when there is none)."""
    return i - _acting_length(doc, i)


def acting_after(doc: Doc, i: int) -> int:
    """Past an «и.о.» from token `i` (`i` when there is none)."""
    for length in (len(_ACTING), len(_ACTING_UNFINISHED)):
        if i + length <= len(doc) and _acting_length(doc, i + length) == length:
            return i + length
    return i


def _comma_inside_title(doc: Doc, i: int) -> bool:
    """«министра труда, социального обеспечения и миграции»: a comma between lower-case words of one name."""
    return 0 < i < len(doc) - 1 and doc[i - 1].is_lower and doc[i + 1].is_lower and doc[i + 1].pos_ in ("ADJ", "NOUN")


_MAX_ASIDE_TOKENS = 30


def _aside_end(doc: Doc, name_start: int, sent_start: int) -> int:
    """Where a title ends when asides stand between it and the name: «…РАН, д.соц.н., г. Москва В.Ю. Леденева»."""
    end = name_start
    texts = token_strings(doc, ORTH)  # asked for every name: a Token per look cost more than the walk
    for _ in range(2):
        j, aside, words = end - 1, [], 0
        # Words, not tokens: «д.соц.н.» is six tokens but one aside. The tokens are bounded too: a run of
        # punctuation («««…) is no aside, and walking it for every name was quadratic.
        while j >= sent_start and texts[j] != "," and words <= 5 and len(aside) < _MAX_ASIDE_TOKENS:
            token = doc[j]
            aside.append(token)
            words += not token.is_punct
            j -= 1
        if j < sent_start or texts[j] != "," or not aside or words > 5:
            break
        if any(is_position_head(t) or t.pos_ == "VERB" or t.ent_type_ == "PER" or "\n" in t.text for t in aside):
            break
        end = j
    return end


def _honoured_name(doc: Doc, end: int, sent_start: int) -> int | None:
    """Index of «имени» of «университета имени Г.Р. Державина» ending at `end`: the name a body bears is part
    of the body's name, not another person's."""
    if doc[end].ent_type_ != "PER":
        return None
    i = end
    while i > sent_start and (doc[i - 1].ent_type_ == "PER" or _INITIALS.match(doc[i - 1].text)):
        i -= 1
    return i - 1 if i > sent_start and fold(doc[i - 1].text) in _HONOURS else None


_CHAIRED_BY = frozenset({"председательством", "руководством"})
# «по представлению Председателя Кабинета Министров кандидатуру Эрмека Абдрахманова», «на должность вице-мэра
# кандидатуру Чолпон Ибраимовой»: the name a nominee's noun governs is put forward; the title before that noun is the
# proposer's or the office proposed, not a post the name holds.
NOMINEES = frozenset({"кандидатура", "кандидатуру", "кандидатуры", "кандидатурой", "кандидатуре"})
# The adjectives of a body's level after a place's adjective: «Слуцкого районного», «Кагульского городского».
LEVEL_STEMS = ("районн", "городск", "областн", "сельск", "поселков", "краев", "муниципальн", "межрайонн")
_ADJECTIVE_CASE_ENDINGS = ("ого", "ому", "ом", "ой", "ую", "ая", "ий", "ым", "ое", "их", "ых")


def place_adjective(token: Token) -> bool:
    """«Слуцкого районного отдела», «Ярцевского городского суда»: a place's adjective before a body's level, however
    much it looks like a surname; so before a local body's kind («Самаркандекского айыл окмоту», «Нооруз
    кенеша»: the village council's kind after the village's adjective)."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        after is not None
        and after.is_lower
        and (fold(after.text).startswith(LEVEL_STEMS) or _village_body_kind(after))
        and token.text.endswith(_ADJECTIVE_CASE_ENDINGS)
    )


def _village_body_kind(token: Token) -> bool:
    """«айыл окмоту», «кенеша»: a local body's kind, of one word or after «айыл» (the village's)."""
    if fold(token.text) == "айыл" and token.i + 1 < len(token.doc):
        token = token.doc[token.i + 1]
    return token.is_lower and (is_local_body_kind(token) or fold(token.text) in lexicons.load("position_local_bodies"))


def _region_adjective(token: Token) -> bool:
    """«Хяким Акдепинского этрапа», «аким Мартукского района»: a place's adjective before the kind of region it
    names, which the tagger took for a name."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        after is not None
        and after.is_lower
        and token.text.endswith(_ADJECTIVE_CASE_ENDINGS)
        and (
            fold(after.lemma_) in lexicons.load("loc_region_nouns")
            or fold(after.text) in lexicons.load("loc_region_nouns")
        )
    )


def _post_taken_for_name(token: Token) -> bool:
    """«Хяким Акдепинского этрапа Ашир Ходжамурадов»: a capitalised post opening the title that the tagger read as
    the start of a name (no name runs into it from the left)."""
    doc = token.doc
    return is_position_head(token) and not (token.i > 0 and doc[token.i - 1].ent_type_ == "PER")


def _place_after_post(token: Token) -> bool:
    """«вице-мэр Каракола Талантбек Абдыкалыков»: one capitalised word between a post and the name that the tagger
    ran into the name is the post's place (the persons stage left it out of the name)."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1
        and is_position_head(doc[token.i - 1])
        and doc[token.i + 1].ent_type_ == "PER"
        and doc[token.i + 1].is_title
    )


# The text's first block of lines (up to a blank line): a headline, a caption, a letterhead.
_FIRST_BLOCK = re.compile(r"\s*(?:[^\n]*\n(?![ \t]*\n))*[^\n]*")
# How far back a soft break looks for its block's start (a blank line) and a list's colon.
_BLOCK_REACH = 600
# After a name that opens a line, the marks of a list's entry or a turn: «Иванов И.И. – глава …», «Петров П.П.: …».
_ENTRY_AFTER_NAME = re.compile(r"[ \t]*(?:[–—:-]|\(|,[ \t]*[а-яё])")


def soft_break(token: Token) -> bool:
    """A line break inside a sentence of a hard-wrapped text (a PDF-like bulletin, a letterhead): «приняли участие
    Глава муниципального района\nСергиевский Андрей Александрович Веселов». One newline, no blank line, the
    sentence goes on across it (the segmenter keeps one), and the next line opens no header field, list entry or
    turn: the break is the layout's, not the text's, and a title runs across it."""
    if not token.is_space or token.text.count("\n") != 1:
        return False
    doc, i = token.doc, token.i
    if i == 0 or i + 1 >= len(doc) or doc[i - 1].text in _STOP_TEXT or doc[i + 1].is_space:
        return False
    if not token.text.endswith("\n"):
        return False  # an indented line opens an entry of its own (a list of headlines), not a wrapped line
    if sentence_of(doc, i - 1).start != sentence_of(doc, i + 1).start:
        return False
    text = doc_text(doc)
    if token.idx <= _first_block_end(text):
        return False  # the text's opening lines are its headline and caption: each ends where the writer ended it
    block = text.rfind("\n\n", max(0, token.idx - _BLOCK_REACH), token.idx)
    before = text[block if block >= 0 else max(0, token.idx - _BLOCK_REACH) : token.idx]
    if re.search(r":[ \t]*\n", before):
        return False  # «Имена кандидатов:⏎…»: the lines under a colon are a list's entries
    line_end = text.find("\n", doc[i + 1].idx)
    line = text[doc[i + 1].idx : line_end if line_end >= 0 else len(text)]
    if opens_item(line) or line_header(line) is not None:
        return False
    name = leading_name(line)
    return name is None or not _ENTRY_AFTER_NAME.match(line, name[1])


@lru_cache(maxsize=8)
def _first_block_end(text: str) -> int:
    """Where the text's first block of lines ends: found once per text (a text with no blank line is one block)."""
    return _FIRST_BLOCK.match(text).end()


def _hard_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text and not soft_break(token)


def _ends_title(doc: Doc, token: Token) -> bool:
    """Outside quotes, a title does not reach past another name, a line break, a verb or a clause comma."""
    if token.text == "." and token.i > 0 and fold(doc[token.i - 1].text) == _ABBREVIATED_POST:
        return False  # «зам. акима»: the point of an abbreviated post
    # «председатель постоянной комиссии Кенгаша по бюджету …»: a local body's kind the tagger took for a name is no
    # other name.
    # («Премьер-министра»: a compound capitalised on its first part only is no `is_title`.)
    if token.ent_type_ == "PER" and not (
        (
            (token.is_title or (token.text[:1].isupper() and "-" in token.text))
            and (
                _local_body_word(token.text)
                or place_adjective(token)
                or _region_named(token)
                or _region_adjective(token)
                or _post_taken_for_name(token)
                or _place_after_post(token)
                # «член Маджлиси милли Маджлиси Оли Республики Таджикистан»: a parliament's word the tagger took
                # for a name
                or fold(token.text) in lexicons.load("person_not_names")
            )
        )
        or complement_taken_for_name(token)
    ):
        return True
    if _hard_break(token) or token.text in _STOP_TEXT:
        return True
    if fold(token.lemma_) in lexicons.load("meeting_months") and token.i > 0 and doc[token.i - 1].like_num:
        return True  # «указом президента от 30 января Абдулмаджид Муминзод …»: a document's date, no post's word
    if fold(token.text) in _CHAIRED_BY or (token.is_lower and token.text in NOMINEES):
        return True  # «заседание Совета судей … под председательством судьи …»: the post starts after it
    if token.text == ",":
        return not _comma_inside_title(doc, token.i)
    return (
        token.pos_ not in _PHRASE_POS
        and not token.is_space
        and not _is_modifier(token)
        and not is_local_body_kind(token)
        # «…, акима города Шымкента Мурата Айтенова»: a post's word the tagger read as a participle («акима» of
        # «акимать») is still the post's head, no verb ending the title.
        and not (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm") and is_position_head(token))
        and not _attributive_participle(token)
    )


def _attributive_participle(token: Token) -> bool:
    """«министра водных ресурсов, сельского хозяйства и перерабатывающей промышленности»: a participle opening a
    conjunct of a name's genitive chain, in agreement with the noun after it, modifies that noun; it is no verb
    ending the title."""
    head = token.head
    return (
        token.i > 0
        and fold(token.doc[token.i - 1].text) in ("и", ",")
        and token.pos_ == "VERB"
        and token.is_lower
        and "Part" in token.morph.get("VerbForm")
        and token.dep_ == "amod"
        and head.i == token.i + 1
        and head.pos_ == "NOUN"
        and bool(set(token.morph.get("Case")) & set(head.morph.get("Case")))
    )


def _no_name_word(token: Token) -> bool:
    """A lower-case word, or a capitalised one that is no first name, patronymic or surname's shape."""
    if not token.is_alpha:
        return False
    return token.is_lower or not (
        is_first_name(token.text) or is_patronymic(token.text) or looks_like_surname(token.text)
    )


def complement_taken_for_name(token: Token) -> bool:
    """«губернатор Квемо Картли | Давит Бурдули», «депутат Маджлиси намояндагон | Давлатмурод Назарзода»: a post,
    the region or body it is of (a foreign name, undeclined, that the tagger took for a person's), then the person's
    own name of two or three capitalised words right after it. The first span, no name's words, is the post's
    complement: no person, and no end of the post's title."""
    if token.ent_type_ != "PER":
        return False
    doc = token.doc
    complement = entity_at(doc, token.i)
    if complement is None:
        return False
    start, end = complement.start, complement.end
    if start == 0 or end >= len(doc) or doc[end].ent_type_ != "PER" or doc[end].ent_iob_ != "B":
        return False
    before = doc[start - 1]
    if not (before.is_lower and is_position_head(before)):
        return False
    if not all(_no_name_word(t) for t in doc[start:end]):
        return False
    name = entity_at(doc, end)
    return name is not None and 2 <= len(name) <= 3 and all(t.is_title and t.is_alpha for t in name)


# «губернатора в регионе Имерети Нино Абуладзе», «арчин генгешлика Гараёл Шатлык Реджепов»: the region's or the
# settlement's name the tagger took into the name is the title's.


def _region_named(token: Token) -> bool:
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    # «Министр … Республики Каракалпакстан Полат Ережепов»: a republic's kind opens its official name with a capital.
    republic = before.is_title and not before.is_sent_start and fold(before.lemma_) == "республика"
    if not (before.is_lower or republic):
        return False
    if fold(before.lemma_) in lexicons.load("loc_apposed_region_nouns") | lexicons.load("title_apposed_units"):
        return True
    if region_named_after_noun(token):
        return True
    if len(before) <= 3:
        return False
    if is_settlement_kind_written_out(before):
        return True
    # «заместитель акима области Улытау Гульмира Абдрахманова», «аким сельского округа Иркол Гульнар Тажибаева»: a
    # region's kind too (the persons stage leaves its uninflected name out of the person's name) — unless a first
    # name and a patronymic follow: «председатель … области Нестерук Роман Алексеевич» is written surname first.
    regions = lexicons.load("loc_region_nouns")
    if not (fold(before.lemma_) in regions or fold(before.text) in regions):
        return False
    after = token.doc[token.i + 2] if token.i + 2 < len(token.doc) else None
    return after is None or not _PATRONYMIC.search(after.text)


_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична)(?:а|у|ем|е|ы|ой|ом)?$")


@cache
def _regions_named_after_noun() -> frozenset[tuple[str, str]]:
    """(noun, name) of the lexicon's regions named by a name after their noun: «область Абай», «область Улытау»."""
    pairs = set()
    for forms in lexicons.spellings("loc_regions"):
        for form in forms:
            words = form.split()
            if len(words) == 2 and words[0].islower() and words[1][:1].isupper():
                pairs.add((words[0], fold(words[1])))
    return frozenset(pairs)


def region_named_after_noun(token: Token) -> bool:
    """«аким области Абай Берик Уали», «области Улытау Гульмира …»: the word names a region with the noun before it (a
    Kazakh region since 2022), however much it looks like a first name; it is the place's, not the person's. So does the
    name after a kind named so (`name_after_kind`): «акима сельского округа Желаево Тимура …»."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.is_lower and (fold(before.lemma_), fold(token.text)) in _regions_named_after_noun():
        return True
    return name_after_kind(token) is not None


@cache
def _kinds_named_after() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in lexicons.lines("loc_kinds_named_after"))


def is_settlement_kind(token: Token) -> bool:
    """«села», «в джамоате», «г.», «пос.»: a settlement's kind (`loc_settlement_nouns`) in lower case, written out or
    abbreviated (by its lemma or its form, the abbreviation's full stop aside)."""
    kinds = lexicons.load("loc_settlement_nouns")
    return token.is_lower and (fold(token.lemma_) in kinds or fold(token.lower_.rstrip(".")) in kinds)


def is_settlement_kind_written_out(token: Token) -> bool:
    """A settlement's kind written out («села», «агрогородке»), no abbreviation («с.», «пос.», «пгт»): what a name after
    it can be read against (its case, the person's name the tagger ran it into)."""
    return len(token) > 3 and token.is_alpha and is_settlement_kind(token)


def name_after_kind(token: Token) -> tuple[str, ...] | None:
    """«сельскому округу Тартогай»: the kind (`loc_kinds_named_after`, singular) whose name the capitalized word is; not
    a first name or a surname, which start a person's name after the kind («акима сельского округа Ержана …»)."""
    text = token.text
    if token.i == 0 or not text[:1].isupper() or text.isupper() or not text.replace("-", "").isalpha():
        return None
    doc = token.doc
    for kind in _kinds_named_after():
        start = token.i - len(kind)
        if start < 0 or doc[token.i - 1].morph.get("Number") == ["Plur"]:
            continue
        if all(doc[start + k].is_lower and fold(doc[start + k].lemma_) == word for k, word in enumerate(kind)):
            if is_first_name(text) or looks_like_surname(text):
                return None
            # «аким Жанбайского сельского округа Кульпаш Утегенова»: a first name the lexicon lacks is known by the
            # surname after it.
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            return None if after is not None and after.text[:1].isupper() and looks_like_surname(after.text) else kind
    return None


def is_local_body_kind(token: Token) -> bool:
    """«маслихата», «кенеша»: a local body's kind the tagger may read as a verb (pymorphy knows the noun)."""
    if not token.is_alpha or not token.is_lower:
        return False
    kinds = lexicons.load("position_local_bodies")
    return fold(token.lemma_) in kinds or _local_body_word(token.text)


def _local_body_word(word: str) -> bool:
    kinds = lexicons.load("position_local_bodies")
    return any(fold(p.normal_form) in kinds for p in loading.parse(word.lower()))


def _abbreviation_in_parentheses(doc: Doc, close: int, sent_start: int) -> int | None:
    """Index of the «(» of «(РОСХВЕ)» or «(ТОО «МАЭК»)» ending at `close`: an abbreviation restating the body before
    it, perhaps with its legal form and quotes."""
    if doc[close].text != ")":
        return None
    for opening in range(close - 2, max(sent_start, close - _ABBREVIATION_TOKENS - 1) - 1, -1):
        if doc[opening].text != "(":
            continue
        inner = doc[opening + 1 : close]
        words = [t.text for t in inner if t.text not in QUOTE_MARKS]
        if words and all(len(w) > 1 and w.isupper() for w in words):
            return opening
        return None
    return None


# Tokens inside the brackets of a restated body: «(ТОО «МАЭК»)» is five.
_ABBREVIATION_TOKENS = 6


def _heads_group(doc: Doc, i: int) -> bool:
    """«делегация во главе с министром …»: «с» closes an idiom, not a title headed by «глава»."""
    return i >= 2 and fold(doc[i].text) in ("с", "со") and [fold(t.text) for t in doc[i - 2 : i]] == ["во", "главе"]


def _comma_between(doc: Doc, start: int, end: int) -> bool:
    return any(doc[j].text == "," for j in range(start + 1, end))


def _and_between(doc: Doc, start: int, end: int) -> bool:
    return any(fold(doc[j].text) == "и" for j in range(start + 1, end))


def _plural_subject(token: Token) -> bool:
    morph = token.morph
    return "Plur" in morph.get("Number") and "Nom" in morph.get("Case")


def _members_of_body(doc: Doc, i: int, sent_start: int) -> bool:
    """«совета депутатов», «Союза журналистов», «общества инвалидов»: a post in the genitive plural after a body's
    kind completes the body's name; it heads no title («письмо совета депутатов председателю ОО …»). So does one after
    its adjective, the kind capitalised as the body's own name («решение Кенгаша народных депутатов о …», «Совета
    местных депутатов»)."""
    token = doc[i]
    if i <= sent_start or "Plur" not in token.morph.get("Number") or "Gen" not in token.morph.get("Case"):
        return False
    j = i - 1
    while (
        j > sent_start
        and i - j <= _MEMBERS_ADJECTIVES
        and doc[j].pos_ == "ADJ"
        and "Plur" in doc[j].morph.get("Number")
    ):
        j -= 1
    before = doc[j]
    if j < i - 1 and before.pos_ == "PROPN":
        return before.ent_type_ != "PER" and not is_position_head(before)
    # («с участием заместителей акима города Айдара …», «в присутствии депутатов»: the noun takes people, no body's.)
    return before.pos_ == "NOUN" and not is_position_head(before) and fold(before.lemma_) not in _TAKES_PEOPLE


# Adjectives between a body's kind and its members («Кенгаша народных депутатов»).
_MEMBERS_ADJECTIVES = 2
# Nouns of a meeting's attendance a post in the genitive plural follows as the people who attend.
_TAKES_PEOPLE = frozenset({"участие", "присутствие"})


def _walk_left(doc: Doc, end: int, sent_start: int) -> Span | None:
    i = end - 1
    head = None
    quoted = False  # inside «…» every word belongs to the name being quoted
    while i >= sent_start:
        token = doc[i]
        opening = None if quoted else _abbreviation_in_parentheses(doc, i, sent_start)
        if opening is None and not quoted:
            opening = _honoured_name(doc, i, sent_start)
        if opening is not None:
            i = opening - 1
            continue
        if not quoted and token.text == ")":
            opening = next(
                (j for j in range(i - 1, max(sent_start, i - _BRACKET_REACH) - 1, -1) if doc[j].text == "("), None
            )
            if opening is not None and _bracketed_words(doc, opening) == i:
                i = opening - 1  # «крестьянского (фермерского) хозяйства»: the bracket is inside the title
                continue
        if token.text in TYPOGRAPHIC_CLOSING_QUOTES:
            quoted = True
        elif token.text in TYPOGRAPHIC_OPENING_QUOTES:
            quoted = False
        elif quoted:
            if "\n" in token.text:
                return None
        elif _ends_title(doc, token) or _heads_group(doc, i):
            break
        if not quoted and is_position_head(token) and not _members_of_body(doc, i, sent_start):
            group = head is not None and _plural_subject(token) and not is_plural(doc[head])
            if group and (_comma_between(doc, i, head) or _and_between(doc, i, head)):
                # «участвовали депутаты айылного кенеша, глава … айыл окмоту Сыдыков», «сотрудники мэрии и прокурор
                # района Абдыкеримов»: a plural post in the nominative is a group listed before the person, not a
                # post of theirs.
                break
            if head is not None and _starts_own_title(doc[head], token):
                # «вручил Благодарственные письма акима председателю совета ветеранов X»: a post in the dative or
                # instrumental heads its own title; the post before it in another case is another's.
                break
            head = i
        i -= 1
    if head is None:
        return None
    start = head
    while start - 1 > i and (
        _is_modifier(doc[start - 1]) or doc[start - 1].text in ("-",) or _joins_modifiers(doc, start)
    ):
        if _duties_not_acting(doc, start - 1):
            break
        start -= 1
    acting = acting_before(doc, start)
    return doc[acting if acting >= sent_start else start : end]


# Cases a post's head takes as the person's own (to whom, as whom), never as the complement of a post before it.
_OWN_TITLE_CASES = frozenset({"Dat", "Ins"})


def _starts_own_title(head: Token, before: Token) -> bool:
    """A post's head in the dative or instrumental after a post in another case: the complement of a post is in the
    genitive («заместителю председателя»), so this one starts a title of its own."""
    case = _features(head, "Case")
    return case in _OWN_TITLE_CASES and _features(before, "Case") not in (case, None)


def _joins_modifiers(doc: Doc, start: int) -> bool:
    """«Чрезвычайный и Полномочный Посол»: «и» between two modifiers of the post (the one at `start` and the one before
    the «и») joins them."""
    return start >= 2 and fold(doc[start - 1].text) == "и" and _is_modifier(doc[start]) and _is_modifier(doc[start - 2])


def _duties_not_acting(doc: Doc, i: int) -> bool:
    """«освобождён от обязанностей заместителя председателя»: «обязанности» belong to a post only after
    «исполняющий» («исполняющий обязанности главы»)."""
    if not fold(doc[i].text).startswith("обязанност"):
        return False
    return i == 0 or not fold(doc[i - 1].text).startswith(("исполн", "и.о"))


def _features(token: Token, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


def owns_a_thing(head: Token) -> bool:
    """«грамоты акима района», «по распоряжению главы района»: a post in the genitive under a thing (an award, an
    order) names the one who gives or signs it. Not under a noun of the post itself («на должность заведующего»)."""
    thing = head.head
    return (
        head.dep_ == "nmod"
        and _features(head, "Case") == "Gen"
        and thing.i != head.i
        and thing.pos_ == "NOUN"
        and _features(thing, "Animacy") == "Inan"
        and not is_position_head(thing)
        and fold(thing.lemma_) not in lexicons.load("position_office_nouns")
        # The tagger's genitive, checked against the word's forms: «солистке балета» is no genitive.
        and any(p.tag.case in ("gent", "gen2") for p in loading.parse(head.text))
    )


# Cases a name is seldom tagged in by mistake after a genitive title (unlike the genitive or nominative).
_OBLIQUE = {"Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_NAME_WORDS = 3  # a first name, patronymic and surname


def _signer_before(title: Span, name_start: int) -> bool:
    """«вручил письмо губернатора области ветерану Ивану Семенову»: the signer's post in the genitive before a name in
    another case, with the thing between them, is not the name's."""
    doc = title.doc
    name = doc[name_start]
    head = title_head(title)
    case = _features(name, "Case")
    return (
        name.is_alpha
        and len(name.text) > 1
        and case in _OBLIQUE
        and not _genitive_surname_after(doc, name_start)
        and owns_a_thing(head)
        and not title.start <= head.head.i < title.end
        # «поздравила с юбилеем директора ГБУ … Людмилу П.»: a post that can be read in the name's case agrees with it.
        and not any(p.tag.case == _OBLIQUE[case] for p in loading.parse(head.text))
    )


def _answers(doc: Doc, finder: str) -> dict[object, Span | None]:
    """One Doc's answers of a title finder, by where the name stands. The stages ask about the same names again
    (positions, speakers and persons each look for the title before a name; the clause's title is asked by the
    positions stage per candidate and again by the speakers stage): about half the calls were repeats. The Doc's
    words do not change after the pipeline, so an answer holds for the whole Doc."""
    key = f"kenesh_titles_{finder}"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = {}
    return found


def _genitive_surname_after(doc: Doc, name_start: int) -> bool:
    """«отчёт акима … Гульнар Тажибаевой»: a woman's first name that does not decline takes any case from the tagger,
    and so may her surname; a surname that reads as a genitive agrees with the post before it."""
    if not is_womans_first_name(doc[name_start].text):
        return False  # «ветерану Марии Ивановой»: a first name that declines tells the case
    rest = doc[name_start + 1 : name_start + _NAME_WORDS]
    return any(
        t.ent_type_ == "PER" and any(p.tag.case == "gent" and "Surn" in p.tag for p in loading.parse(t.text))
        for t in rest
    )


def _answered(name: Span, finder: str, find: Callable[[Span], Span | None]) -> Span | None:
    """`find`'s answer for the name, once per Doc (`_answers`)."""
    answers, at = _answers(name.doc, finder), (name.start, name.end)
    if at not in answers:
        answers[at] = find(name)
    return answers[at]


def title_before(doc: Doc, name_start: int) -> Span | None:
    """The job title standing right before the name token at `name_start`."""
    answers = _answers(doc, "before")
    if name_start in answers:
        return answers[name_start]
    title = answers[name_start] = _title_before(doc, name_start)
    return title


def _title_before(doc: Doc, name_start: int) -> Span | None:
    sent_start = sentence_of(doc, name_start).start
    title = _walk_left(doc, name_start, sent_start)
    if title is None:
        end = _aside_end(doc, name_start, sent_start)
        if end != name_start:
            title = _walk_left(doc, end, sent_start)
    if title is None and name_start - 1 > sent_start and doc[name_start - 1].text in TYPOGRAPHIC_DASHES:
        # «новоиспеченный аким поселка Круглоозерное – Мирболат Нуржанов»: a post, a dash, the name it introduces (a
        # post in the plural, «выступили депутаты – …», introduces a list, not this name alone).
        title = _walk_left(doc, name_start - 1, sent_start)
        head = title_head(title) if title is not None else None
        # (A post's noun only: «Ответственный – Кудряшов», «исполнительная власть – …» assign a task or name a branch.)
        if head is None or "Plur" in head.morph.get("Number") or head.pos_ != "NOUN" or not is_position_head(head):
            title = None
    if title is None:
        return None
    title = _without_posts_of_many(doc, _own_part(doc, _with_post_before(doc, title, sent_start), sent_start))
    title = _without_rank(title)
    if _apposition_of_prior_name(doc, title, name_start, sent_start) or _signer_before(title, name_start):
        return None
    return title


def _without_rank(title: Span) -> Span:
    """«начальник отдела подполковник полиции»: a special rank (with its service) ending a post is no part of it."""
    ranks, services = lexicons.load("position_ranks"), lexicons.load("position_rank_services")
    end = title.end
    while end - 1 > title.start and fold(title.doc[end - 1].text) in services:
        end -= 1
    at = end - 1
    if at <= title.start or (fold(title.doc[at].lemma_) not in ranks and fold(title.doc[at].text) not in ranks):
        return title
    if fold(title.doc[at - 1].text) in ("старший", "младший") and at - 1 > title.start:
        at -= 1  # «старший лейтенант полиции»
    if not any(is_position_head(t) for t in title.doc[title.start : at]):
        return title
    return title.doc[title.start : at]


def _without_posts_of_many(doc: Doc, title: Span) -> Span:
    """«восемь депутатов райсовета, глава района Виктор Титов»: a post in the plural before a separator counts the
    others present; the name's own post is the one after it."""
    seps = [t.i for t in title[1:-1] if t.text == "," and starts_post(doc[t.i + 1])]
    counted = title.start > 0 and (doc[title.start - 1].like_num or _counts_people(doc[title.start - 1]))
    if seps and counted and is_plural(title_head(doc[title.start : seps[0]])):
        return doc[seps[-1] + 1 : title.end]
    return title


# Words that count people, besides a numeral from two on: «несколько депутатов», «ряд руководителей».
_COUNTING_WORDS = frozenset({"несколько", "ряд", "много"})


def _counts_people(token: Token) -> bool:
    lemma = fold(token.lemma_)
    return lemma in _COUNTING_WORDS or cardinal_values().get(lemma, 0) >= 2


def _apposition_of_prior_name(doc: Doc, title: Span, name_start: int, sent_start: int) -> bool:
    """«… Мухачева Виктора Петровича, мастера участка ООО «…», и Вахрушеву Людмилу Ивановну, медицинскую сестру …»:
    a title between another name's comma and the «и» that joins the next name is that other name's apposition."""
    gap = [fold(t.text) for t in doc[title.end : name_start] if not t.is_space]
    if gap not in ([",", "и"], ["и"]) or title.start - 2 < sent_start or doc[title.start - 1].text != ",":
        return False
    prior = doc[title.start - 2]
    return prior.ent_type_ == "PER" or bool(_INITIALS.match(prior.text))


def starts_post(token: Token) -> bool:
    """«председатель …», «первый заместитель …»: a post begins here."""
    doc = token.doc
    return is_position_head(token) or (
        token.i + 1 < len(doc) and token.pos_ == "ADJ" and is_position_head(doc[token.i + 1])
    )


def _own_part(doc: Doc, title: Span, sent_start: int) -> Span:
    """«Иван Сомов, директор школы, председатель совета ветеранов Пётр Гусев»: after another name's comma,
    the posts before the last one are that name's apposition."""
    if title.start - 2 < sent_start or doc[title.start - 1].text != ",":
        return title
    prior = doc[title.start - 2]
    if prior.ent_type_ != "PER" and not _INITIALS.match(prior.text):
        return title
    first = title.start - 2
    while first - 1 >= sent_start and (doc[first - 1].ent_type_ == "PER" or _INITIALS.match(doc[first - 1].text)):
        first -= 1
    if _walk_left(doc, first, sent_start) is not None:
        # «председатель Законодательного Собрания Татьяна Лозинская, заместитель Губернатора …, директор
        # департамента финансов Роман Шелест»: the list names its people after their posts, so the posts after the
        # comma are the next name's, all of them.
        return title
    seps = [t.i for t in title[1:-1] if t.text in POST_SEPARATORS and starts_post(doc[t.i + 1])]
    return doc[seps[-1] + 1 : title.end] if seps else title


# Marks that part two posts of one person («директор школы, председатель совета»; «глава – председатель»).
POST_SEPARATORS = frozenset({","}) | TYPOGRAPHIC_DASHES


def _with_post_before(doc: Doc, title: Span, sent_start: int) -> Span:
    """«Депутат, председатель постоянной комиссии … Пестов», «заместитель главы администрации – начальник
    управления финансов Тюкавкина»: two posts of one person before the name are one title. Not when the
    first follows a name («Иванов, директор школы, председатель совета Петров»: the first is Иванов's)."""
    sep = title.start - 1
    if sep <= sent_start or doc[sep].text not in POST_SEPARATORS:
        return title
    before = _walk_left(doc, sep, sent_start)
    if before is None:
        return title
    if doc[sep].text == "," and _plural_subject(title_head(before)) and not is_plural(title_head(title)):
        # (A plural post before the person's own, a comma apart, is a group's: «участвовали депутаты кенеша, глава …
        # Сыдыков»; «сопредседатели комиссии – министр … Лешкевич» names the group's members after a dash.)
        return title
    if before.start > sent_start:
        prior = doc[before.start - 1]
        if prior.text in POST_SEPARATORS or prior.ent_type_ == "PER" or _INITIALS.match(prior.text):
            return title
    return doc[before.start : title.end]


# How far back a name in a list looks for the list's label: a protocol's line of members is short.
_MAX_LIST_TOKENS = 60


def title_of_list(doc: Doc, name: Span) -> Span | None:
    """«члены райисполкома: Галушко А.И., Мицкевич О.В., …», «Присутствовали члены комитета: Дроздов Н.А.,
    …»: a plural title before a colon is the title of every name listed after it on the line (a list: names
    and commas; «Эксперты: Михаил Лесин погиб …» is a headline)."""
    i, commas, names = name.start - 1, 0, 0
    while i >= 0 and name.start - i <= _MAX_LIST_TOKENS:
        token = doc[i]
        if token.text == ":":
            break
        if "\n" in token.text:
            return None
        joins = token.text == "," or (fold(token.text) == "и" and token.pos_ == "CCONJ")
        if not (token.ent_type_ == "PER" or _INITIALS.match(token.text) or joins or token.is_space):
            # «волонтёры … Дарья Корнеева и Максим Лосев»: a plural title right before the first name listed.
            if not commas or not names:
                return None
            title = _walk_left(doc, i + 1, sentence_of(doc, i).start)
            plural = title is not None and title.end == i + 1 and is_plural(title_head(title))
            return title if plural else None
        commas += joins
        names += token.ent_type_ == "PER"
        i -= 1
    else:
        return None
    if not commas and (name.end >= len(doc) or doc[name.end].text != ","):
        return None
    line_start = i
    while line_start > 0 and "\n" not in doc[line_start - 1].text:
        line_start -= 1
    title = _walk_left(doc, _before_bracket(doc, i, line_start), line_start)
    if title is None or not is_plural(title_head(title)):
        return None
    return title


_LABEL_BRACKET = 8  # tokens of a bracket between a list's label and its colon: «(13 из 15)», «(по списку)»


def _before_bracket(doc: Doc, colon: int, line_start: int) -> int:
    """«Присутствовали члены Совета старейшин (13 из 15): …»: the label ends before a short bracket closing at the
    colon (a count of those present, a reference to an annex)."""
    if colon < 1 or doc[colon - 1].text != ")":
        return colon
    for k in range(colon - 2, max(line_start, colon - _LABEL_BRACKET) - 1, -1):
        if doc[k].text == "(":
            return k
    return colon


def is_plural(head: Token) -> bool:
    """A title's head in the plural: by the tagger, or by the dictionary where the tagger misreads a compound
    or an ambiguous form («лётчики-космонавты», «гандболистки»: the list of names after it says which)."""
    if "Plur" in head.morph.get("Number"):
        return True
    return any(p.tag.POS == "NOUN" and p.tag.number == "plur" for p in loading.parse(head.text.lower()))


def _honoured_end(doc: Doc, start: int) -> int:
    """The end of the name a body bears after «имени» (`_honoured_name` read forwards): its initials and the words
    the tagger reads as a name. Initials take one surname after them: «директор средней школы им. Ч. Айтматова
    Кубатбекова Назгуль Эсеновна» lists the director after the school's eponym, in one run of the tagger's names."""
    end, initialled = start, False
    while end < len(doc) and (doc[end].ent_type_ == "PER" or _INITIALS.match(doc[end].text)):
        text = doc[end].text
        if _INITIALS.match(text) or (len(text) == 1 and text.isupper()):  # «Ч.» is a letter and a stop
            initialled = initialled or text != "."
        elif initialled:
            return end + 1
        end += 1
    return end


def _flat_title_end(doc: Doc, end: int) -> int:
    """Where a title whose head ends before `end` stops, read flat (no parse): at a stop, a clause comma, another name,
    a line break or a word that is no title's."""
    while end < len(doc):
        token = doc[end]
        if token.text in TYPOGRAPHIC_DASHES and end + 1 < len(doc) and starts_post(doc[end + 1]):
            # «заместителя председателя райисполкома – начальника управления по сельскому хозяйству»: a second post
            # the dash joins to the first.
            end += 1
            continue
        if fold(doc[end - 1].text) in _HONOURS and (token.ent_type_ == "PER" or _INITIALS.match(token.text)):
            # «доцент университета имени К. Жубанова», «заместитель директора музея имени А.В. Анохина»: the name a
            # body bears is the body's, not a next person's.
            end = _honoured_end(doc, end)
            continue
        if token.text in _STOP_TEXT or (token.ent_type_ == "PER" and not _region_named(token)) or _hard_break(token):
            break
        if token.text == "," and not _comma_inside_title(doc, end):
            break
        if token.pos_ not in _PHRASE_POS:
            break
        end += 1
    return end


def title_after(doc: Doc, name_end: int, bracketed: bool = False) -> Span | None:
    """A job title in apposition after the name: «Н.С. Базарбаев, первый заместитель министра …,»; with `bracketed`
    (a list's entry: «Хасянов Р.Ф. (представитель университета)»), in brackets too."""
    separators = (",", "—", "–", "(") if bracketed else (",", "—", "–")
    if name_end + 1 >= len(doc) or doc[name_end].text not in separators:
        return None
    start = name_end + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    i = acting_after(doc, start)
    while i < len(doc) and _is_modifier(doc[i]):
        i += 1
    if i >= len(doc) or not is_position_head(doc[i]):
        return None
    if doc[i].morph.get("Number") == ["Plur"]:
        # «… глава района Мамати Гамзатов, вице-спикеры Районного Собрания, главы поселений»: a post in the plural
        # after one name is the next entry of a list of those present, not this person's title.
        return None
    end = _flat_title_end(doc, i + 1)
    nxt = end
    while nxt < len(doc) and doc[nxt].is_space and "\n" not in doc[nxt].text:
        nxt += 1
    if nxt < len(doc) and doc[nxt].ent_type_ == "PER":
        # «…Медведева, лидер ЛДПР В. Жириновский»: the title of the next name, not of this one.
        return None
    if nxt + 1 < len(doc) and doc[nxt].text in TYPOGRAPHIC_DASHES:
        # «председатель совета – Екатерина Акула, секретарь – Ольга Петрова»: a post, a dash and a name is the
        # next name's post.
        after = nxt + 1
        while after < len(doc) and doc[after].is_space and "\n" not in doc[after].text:
            after += 1
        if after < len(doc) and doc[after].ent_type_ == "PER":
            return None
    if _runs_into_next_name(doc, end):
        return None
    return doc[start:end]


# How far past a title's clause comma its words may run on into the next name.
_RUN_ON_REACH = 25


def _runs_into_next_name(doc: Doc, end: int) -> bool:
    """«… Вадим Дзантиев, министр жилищно-коммунального хозяйства, топлива и энергетики Республики Северная Осетия –
    Алания Олег Дзуцев»: the title cut at a comma inside it goes on, word after word of a title, straight into the
    next name: it is that name's."""
    if end + 1 >= len(doc) or (doc[end].text != "," and doc[end].text not in TYPOGRAPHIC_DASHES):
        return False
    if doc[end + 1].pos_ not in ("NOUN", "PROPN"):
        return False  # «Минниханова, главы Татарстана, 23-летнего Ирека …»: a new apposition, of the next name
    for i in range(end + 1, min(end + _RUN_ON_REACH, len(doc))):
        token = doc[i]
        if token.ent_type_ == "PER":
            return doc[i - 1].text != "," and not (doc[i - 1].is_space and doc[i - 2].text == ",")
        if token.text in _STOP_TEXT - TYPOGRAPHIC_DASHES or (token.is_space and "\n" in token.text):
            return False
        if is_position_head(token) or (token.pos_ not in _PHRASE_POS and not token.is_space):
            return False  # another post («…, прокурор района Петров»), a verb: no run-on of this title
    return False


# «X назначили главой ЕЦБ», «X стал премьер-министром», «X, занимающий пост заместителя …».
# The verbs of an election or appointment (one lexicon with the membership stage's).
_ELECTS = lexicons.load("position_elect_verbs")
_TAKES_TITLE = _ELECTS | {
    "стать",
    "являться",
    "работать",
    "служить",
    "остаться",
    "занимать",
    "занять",
    "возглавлять",
    "получить",
}
# «на пост», «в должности»: the nouns that announce a post after them («назначен на должность председателя»).
POST_NOUNS = frozenset({"пост", "должность"})


def _phrase_from(head: Token) -> Span:
    """A title headed by `head`: its modifiers to the left, its dependents up to a clause boundary to the right."""
    doc = head.doc
    start = head.i
    sent_start = sentence_of(doc, head.i).start
    while start - 1 >= sent_start and _is_modifier(doc[start - 1]):
        start -= 1
    if acting_before(doc, start) >= sent_start:
        start = acting_before(doc, start)
    end = head.i + 1
    right = head.right_edge.i + 1
    if _remit_at(doc, right):
        # «в должности заместителя хокима области по вопросам молодёжной политики, …»: the parser hangs the
        # remit on the verb; it is the post's.
        right = sentence_of(doc, head.i).end
    while end < right:
        token = doc[end]
        # A copula ends the title too: «руководителем комитета был Михаил Алешин».
        if token.ent_type_ == "PER" or token.pos_ in ("VERB", "AUX") or "\n" in token.text:
            break
        if token.text in _STOP_TEXT and token.text != "(":
            break
        if token.text == "," and not _comma_inside_title(doc, end):
            break
        if _term_at(doc, end):
            break
        if token.lemma_ == "который":
            # «…, председатель которой Сооронбай Абылкасымов»: the relative points back to the body named before the
            # clause; it opens no part of the post.
            break
        if token.text == "(" and (closing := _bracketed_words(doc, end)) is not None and closing + 1 < right:
            end = closing + 1  # «главой крестьянского (фермерского) хозяйства»
            continue
        if token.text in _STOP_TEXT:
            break
        end += 1
    return doc[start:end]


_BRACKET_REACH = 4


def _bracketed_words(doc: Doc, i: int) -> int | None:
    """Where «(» at `i` closes when it holds a word or two in lower case between two lower-case words of a title
    («крестьянского (фермерского) хозяйства»): a variant of the word before it, not an aside."""
    if i == 0 or not doc[i - 1].is_lower or not doc[i - 1].is_alpha:
        return None
    for j in range(i + 1, min(len(doc) - 1, i + _BRACKET_REACH)):
        if doc[j].text == ")":
            inner = doc[i + 1 : j]
            if len(inner) and all(t.is_lower and t.is_alpha for t in inner) and doc[j + 1].is_lower:
                return j
            return None
    return None


# «избран председателем на новый срок», «назначен директором сроком на пять лет»: the term of office is no part of
# the post, though the parser hangs it on the post's noun.
_TERM_NOUNS = frozenset({"срок", "период"})
_TERM_REACH = 3


def _term_at(doc: Doc, i: int) -> bool:
    word = fold(doc[i].text)
    if word == "сроком":
        return True
    return word == "на" and any(fold(t.lemma_) in _TERM_NOUNS for t in doc[i + 1 : min(len(doc), i + 1 + _TERM_REACH)])


def _remit_at(doc: Doc, i: int) -> bool:
    """«по вопросам …», «по делам …» at `i`: the remit of a post."""
    return i + 1 < len(doc) and fold(doc[i].text) == "по" and fold(doc[i + 1].lemma_) in REMIT_NOUNS


def phrase_at(head: Token) -> Span:
    """The title a position noun heads wherever it stands in the sentence (the linker's candidates)."""
    return _phrase_from(head)


# Nouns of appointment that take the title like their verbs: «за утверждение X генеральным секретарём».
_TAKES_TITLE_NOUNS = {"утверждение", "назначение", "избрание", "переизбрание"}
# «X на посту премьер-министра», «X в должности главы района».
_IN_POST = {("на", "пост"), ("на", "должность"), ("в", "должность"), ("в", "качество")}


def participle_after(name: Span) -> Token | None:
    """«Хабирова, сейчас занимающего пост …»: a participle right after the name, agreeing with it.

    The parser often hangs such a participle on an earlier noun of the sentence, so proximity and
    case agreement decide instead of the tree.
    """
    doc = name.doc
    i = name.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i < min(len(doc), name.end + 4) and doc[i].pos_ == "ADV":
        i += 1
    if i >= len(doc) or doc[i].pos_ != "VERB" or "Part" not in doc[i].morph.get("VerbForm"):
        return None
    case = doc[i].morph.get("Case")
    return doc[i] if not case or set(case) & set(name.root.morph.get("Case")) else None


def _title_verbs(name: Span) -> list[Token]:
    """Verbs (and appointment nouns) whose title complement describes the person named."""
    root = name.root
    verbs = [root.head] if root.dep_ in ("nsubj", "nsubj:pass", "obj") else []
    # «назначен 69-летний экономист Эстебан Ласо»: the name stands in apposition to the subject.
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubj:pass", "obj") and is_position_head(root.head):
        verbs.append(root.head.head)
    if root.dep_ == "nmod" and fold(root.head.lemma_) in _TAKES_TITLE_NOUNS:
        verbs.append(root.head)
    # A participle only describes the name it directly follows («Хабирова, занимающего пост …»).
    verbs += [c for c in root.children if c.dep_ == "acl" and c.pos_ == "VERB" and 0 < c.i - name.end <= 3]
    participle = participle_after(name)
    if participle is not None and participle not in verbs:
        verbs.append(participle)
    return verbs


def title_predicate(name: Span) -> Span | None:
    """A title the clause gives the person: «назначили главой ЕЦБ», «занимающего пост заместителя»."""
    return _answered(name, "predicate", _title_predicate)


def _title_predicate(name: Span) -> Span | None:
    by_pronoun = title_by_pronoun(name) or gapped_title(name)
    if by_pronoun is not None:
        return by_pronoun
    for verb in _title_verbs(name):
        if fold(verb.lemma_) not in _TAKES_TITLE | _TAKES_TITLE_NOUNS:
            continue
        for child in verb.children:
            if child.i in range(name.start, name.end):
                continue
            if "Ins" in child.morph.get("Case") and is_position_head(child):
                return _phrase_from(child)
            if (acting := _acting_post(child)) is not None:
                return acting  # «назначен исполняющим обязанности председателя города Бохтар»
            if fold(child.lemma_) in POST_NOUNS:
                inner = next((c for c in child.children if is_position_head(c)), None)
                if inner is not None:
                    return _phrase_from(inner)
        fronted = _fronted_post(verb, name)
        if fronted is not None:
            return fronted
    if fold(name.root.head.lemma_) in _TAKES_TITLE | _TAKES_TITLE_NOUNS:
        return _title_right_after(name)
    return None


_FRONTED_REACH = 25  # words back from the verb to its post («… по вопросам социальной сферы, образования и …»)


def _fronted_post(verb: Token, name: Span) -> Span | None:
    """The post in the instrumental before an election's passive verb, the name after it: the parser hangs a
    fronted post on the words before it («Пятым вопросом председателем …», «по предложению торага председателем
    …»), not on the verb. The nearest such post back to the clause's start is the one the name was elected to."""
    if not _election_verb(verb) or not verb.i < name.start:
        return None
    doc = verb.doc
    start = max(sentence_of(doc, verb.i).start, verb.i - _FRONTED_REACH)
    for i in range(verb.i - 1, start - 1, -1):
        token = doc[i]
        if _ends_fronting(token):
            return None
        if "Ins" in token.morph.get("Case") and is_position_head(token) and not is_position_head(token.head):
            first = i
            while first - 1 >= start and "Ins" in doc[first - 1].morph.get("Case") and is_position_head(doc[first - 1]):
                first -= 1
            return _phrase_from(doc[first])
    return None


def _election_verb(token: Token) -> bool:
    return fold(token.lemma_) in _ELECTS and "Pass" in token.morph.get("Voice")


def _ends_fronting(token: Token) -> bool:
    """Another clause's verb, or a list's label, stands between a fronted post and its verb."""
    return token.pos_ in ("VERB", "AUX") or token.text in (";", ":") or "\n" in token.text


def fronted_to_election(head: Token) -> bool:
    """The post (its head, in the instrumental) is fronted before the passive verb of an election: «Председателем
    комиссии единогласно избран …»."""
    doc = head.doc
    end = min(sentence_of(doc, head.i).end, head.i + _FRONTED_REACH)
    for i in range(head.i + 1, end):
        if _election_verb(doc[i]):
            return True
        if _ends_fronting(doc[i]):
            return False
    return False


def _acting_post(token: Token) -> Span | None:
    """«исполняющим обязанности председателя …» in the instrumental: the acting post, from the participle on."""
    doc, at = token.doc, token.i + 2
    if "Ins" not in token.morph.get("Case") or fold(token.lemma_) not in ("исполнять", "исполняющий"):
        return None
    if at >= len(doc) or fold(doc[token.i + 1].text) != "обязанности" or not is_position_head(doc[at]):
        return None
    post = _phrase_from(doc[at])
    return doc[token.i : post.end]


_GAPPED_NAMES_SPAN = 30


def gapped_title(name: Span) -> Span | None:
    """«избрали Ахвледиани первым заместителем, а Ниблошвили и Абашидзе — заместителями»: the verb left out after
    the names, a dash stands for it; the post in the instrumental after the dash is theirs, not the first one's."""
    return _answered(name, "gapped", _gapped_title)


def _gapped_title(name: Span) -> Span | None:
    doc = name.doc
    i = name.end
    # The names the dash's post is shared by are a few («Ниблошвили и Абашидзе»); a bound keeps a list of thousands
    # of names linear.
    end = min(len(doc), name.end + _GAPPED_NAMES_SPAN)
    while i < end and (doc[i].ent_type_ == "PER" or fold(doc[i].text) in ("и", ",") or doc[i].is_space):
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in TYPOGRAPHIC_DASHES:
        return None
    head = doc[i + 1]
    while head.i + 1 < len(doc) and _is_modifier(head) and head.i < i + 4:
        head = doc[head.i + 1]
    if "Ins" in head.morph.get("Case") and is_position_head(head):
        return _phrase_from(head)
    return None


# «Им стал …», «Ею стала …»: the pronoun stands for the post the sentence before filled.
_POST_PRONOUNS = {"им", "ею"}
_BECAME = {"стать", "становиться"}
# «на эту должность» stands within a few words before the name it offers.
_THIS_POST_SPAN = 12


@cache
def _passive_stems() -> tuple[str, ...]:
    """The short passives of the election verbs, which the tagger leaves unlemmatized («избран», «назначена»,
    «утверждён»): their masculine singular, folded, a stem of every gender's and number's form."""
    stems = []
    for verb in sorted(_ELECTS):
        for parse in loading.parse(verb):
            short = parse.inflect({"PRTS", "masc", "sing"}) if parse.tag.POS == "INFN" else None
            if short is not None:
                stems.append(fold(short.word))
                break
    return tuple(stems)


def title_by_pronoun(name: Span) -> Span | None:
    """«Был избран секретарь областного маслихата. Им стал депутат Владимир Бубенко»: the post named (in the
    nominative, as the passive's subject) in the sentence before, which the instrumental pronoun stands for."""
    return _answered(name, "by_pronoun", _title_by_pronoun)


def _title_by_pronoun(name: Span) -> Span | None:
    doc = name.doc
    sentence = sentence_of(doc, name.start)
    # Only the sentence's first words and the few before the name are read: a sentence listing thousands of names
    # stays linear.
    # «Им стал …», «Им единогласно избрана депутат …»: the pronoun, adverbs, the verb of taking the post.
    words = [t for t in doc[sentence.start : min(name.start, sentence.start + 5)] if not t.is_space and t.pos_ != "ADV"]
    became = (
        len(words) >= 2
        and fold(words[0].text) in _POST_PRONOUNS
        and (fold(words[1].lemma_) in _BECAME or fold(words[1].text).startswith(_passive_stems()))
    )
    # «Руководитель фракции предложил на эту должность Кайрата Балабиева» after «… избрание секретаря маслихата».
    before = doc[max(sentence.start, name.start - _THIS_POST_SPAN) : name.start]
    folded = [fold(t.text) for t in before if not t.is_space]
    this_post = any(
        folded[k : k + 3] in (["на", "эту", "должность"], ["на", "этот", "пост"]) for k in range(len(folded))
    )
    if not (became or this_post) or sentence.start == 0:
        return None
    prior = sentence_of(doc, sentence.start - 1)
    for token in prior:
        governor = token.head
        passive = (
            "Nom" in token.morph.get("Case")
            and "Pass" in governor.morph.get("Voice")
            and (fold(governor.lemma_) in _TAKES_TITLE or fold(governor.text).startswith(_passive_stems()))
        )
        elected = "Gen" in token.morph.get("Case") and fold(governor.lemma_) in _TAKES_TITLE_NOUNS
        if is_position_head(token) and (passive or elected):
            return _phrase_from(token)
    return None


def _title_right_after(name: Span) -> Span | None:
    """«утверждение Пан Ги Муна генеральным секретарём»: the parser may hang the title on the name."""
    doc = name.doc
    i = name.end
    while i < min(len(doc), name.end + 3) and doc[i].pos_ == "PROPN":
        i += 1
    while i < len(doc) and _is_modifier(doc[i]):
        i += 1
    if i < len(doc) and "Ins" in doc[i].morph.get("Case") and is_position_head(doc[i]):
        return _phrase_from(doc[i])
    return None


def title_in_post(doc: Doc, name_end: int) -> Span | None:
    """«Мамуки Бахтадзе на посту премьер-министра Грузии»: the post named right after the name."""
    if name_end + 2 >= len(doc):
        return None
    pair = (fold(doc[name_end].text), fold(doc[name_end + 1].lemma_))
    if pair not in _IN_POST:
        return None
    i = name_end + 2
    while i < len(doc) and _is_modifier(doc[i]):
        i += 1
    if i >= len(doc) or not is_position_head(doc[i]):
        return None
    phrase = _phrase_from(doc[i])
    # «на должность заместителя хокима области по вопросам инвестиций, …»: the parser may hang the genitives after
    # the post on another word of a long sentence; the post runs on as an apposed title does.
    end = _flat_title_end(doc, i + 1)
    return doc[phrase.start : end] if end > phrase.end else phrase


def title_of(name: Span) -> Span | None:
    """The job title standing by a name: before it, in apposition after it, or given by the clause."""
    title = title_before(name.doc, name.start) or title_after(name.doc, name.end) or title_predicate(name)
    return title if title is not None and len(title) else None


def title_head(title: Span) -> Token:
    """The position noun a title is built on («заместитель» of «первый заместитель министра»)."""
    return next((t for t in title if is_position_head(t)), title.root)
