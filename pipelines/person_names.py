"""A person's name split into parts, each in the nominative: the grammar of name shapes.

Shapes handled (tokens as razdel gives them): `Н.С. Базарбаев`, `А.С.Иванов`, `Омурбекова А.С.`,
`ПЕТРОВ П.П.`, `Нурбек Базарбаев`, `Жээнбеков Сооронбай Шарипович`, `Владимир Вольфович Жириновский`,
`Усама бин Ладен`, `Пан Ги Мун`. A first name or patronymic alone is not a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from models import lexicons, loading
from models.natasha_names import FIRST_DICT, LAST_DICT
from models.punctuation import DASHES
from pipelines.normalize import recover_shape

# «son of» / «daughter of» written apart after the father's name, which does not decline: «Эльдар Рамиз оглы»,
# «Абдулазиз Назар угли», «Жыпар Мырзабек кызы» (Azerbaijani, Uzbek, Kazakh and Kyrgyz spellings).
TURKIC_PATRONYMIC_PARTICLES = frozenset({"оглы", "оглу", "улы", "уулу", "угли", "кызы", "гызы", "қызы", "кизи"})
# «son of» / «daughter of» run into the father's name: «Серикбайулы», «Ахметұлы», «Нурланкызы», «Маматкулуулу».
_JOINED_TURKIC_PATRONYMICS = ("улы", "ұлы", "уулу", "кызы", "қызы", "оглы")
# Turkmen first names end in «-гулы» (Гурбангулы, Мяликгулы): no «son of».
_TURKMEN_NAME_ENDING = "гулы"
# A word ending in a consonant: a woman's first name so ending does not decline (Жанар, Айгерим, Кэтрин).
_CONSONANT_FINAL = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")
SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ин",
    "ова",
    "ева",
    "ина",
    "ский",
    "ская",
    "цкий",
    "цкая",
    "енко",
    "ук",
    "юк",
    "ых",
    "их",
)
_OC_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_OC_GENDER = {"Masc": "masc", "Fem": "femn"}
_TAG_OF_PART = {"surname": "Surn", "first": "Name", "patronymic": "Patr"}


@dataclass(frozen=True)
class NameParts:
    surname: str
    first_name: str | None = None
    patronymic: str | None = None
    initials: str | None = None
    # Particles of a European name written before the surname and catalogued apart: «де», «ван», «фон».
    particles: str | None = None
    # The surname stands in the nominative in the text, so its written form is the canonical one.
    surname_as_written: bool = False
    # Folded forms a mention of the same surname may take: the nominative and the written form.
    surname_keys: frozenset[str] = frozenset()
    # Where the name stands in the text: the tokens the parts came from, not the whole entity.
    start: int = 0
    end: int = 0
    # "Masc"/"Fem" when a first name, patronymic or the verb's agreement tells it, else None.
    gender: str | None = None
    # A monarch's or pope's name and number («Елизавета II»): the first name stands for the surname.
    regnal: bool = False
    # An East Asian name in its own order, the surname before the given name: «Ли Кэцян».
    surname_first: bool = False
    # What a Western or Hispanic name writes between the first name and the surname, in the nominative: a middle
    # initial («Джон Ф. Кеннеди»), middle names or a first surname («Габриэль Гарсиа Маркес»).
    middle: str | None = None


def fold(word: str) -> str:
    """`word` in lower case with «ё» as «е». Remembered for words: the stages fold the same words again and again
    (~480k calls per 300 NEREL texts, most of them on every token of a text), and a lookup costs half the
    folding; a longer text (a line, a heading) is folded each time, so that the table holds words only."""
    folded = _FOLDED.get(word)
    if folded is None:
        folded = word.lower().replace("ё", "е")
        if len(word) <= _FOLDED_WORD_LENGTH:
            if len(_FOLDED) >= _FOLDED_LIMIT:  # bounded: the table starts again when full
                _FOLDED.clear()
            _FOLDED[word] = folded
    return folded


_FOLDED: dict[str, str] = {}
_FOLDED_LIMIT = 200_000
_FOLDED_WORD_LENGTH = 40


# Natasha's first name and surname dictionaries as its names grammar reads them (first.txt with
# maybe_first.txt, last.txt): the grammar is loaded anyway, and reading its 190k lines again took 0.2 s of every start.
@cache
def _first_names() -> frozenset[str]:
    return frozenset(FIRST_DICT)


@cache
def _surnames() -> frozenset[str]:
    return frozenset(LAST_DICT)


# Oblique forms of -ова/-ина/-ская surnames; the tagger sometimes calls them nominative.
OBLIQUE_FEMININE_ENDINGS = ("овой", "евой", "иной", "ыной", "ской", "цкой")
# A man's -ский surname in the genitive or accusative («Бартоломея Соханьского»): no nominative ends so.
_OBLIQUE_SKIY_ENDINGS = ("ского", "цкого")
_DAT_ACC_SURNAME_ENDINGS = ("ову", "еву", "ёву", "ину", "ыну")
# («Якубовскую»: the accusative of a woman's -ская surname, which the tagger may read as a man's nominative.)
_OBLIQUE_SURNAME_ENDINGS = (
    "ову",
    "еву",
    "ёву",
    "ину",
    "ыну",
    "овым",
    "евым",
    "иным",
    "скую",
    "цкую",
    *_OBLIQUE_SKIY_ENDINGS,
)
# Case endings of a foreign masculine surname declined like a noun: Карзая, Коллинзом, Ассанжу.
_FOREIGN_MASC_ENDINGS = {"Gen": ("а", "я"), "Acc": ("а", "я"), "Dat": ("у", "ю"), "Ins": ("ом", "ем"), "Loc": ("е",)}


def _never_nominative(token: Token) -> bool:
    w = fold(token.text)
    return len(w) > 5 and w.endswith(_OBLIQUE_SURNAME_ENDINGS)


def _case(token: Token) -> str | None:
    values = token.morph.get("Case")
    case = values[0] if values else None
    # (A surname in capitals often has no case from the tagger at all: «Поручить ОМАРОВУ Е.С.».)
    if (
        case in (None, "Nom")
        and fold(token.text).endswith(OBLIQUE_FEMININE_ENDINGS + _OBLIQUE_SKIY_ENDINGS)
        and token.is_alpha
    ):
        return "Gen"
    # -ову/-ину is never a nominative: the dative of Хамидов or the accusative of Хамидова.
    if case in (None, "Nom") and _never_nominative(token):
        return "Acc" if "Fem" in token.morph.get("Gender") or fold(token.text).endswith("кую") else "Dat"
    # «слово МУКАШЕВУ Г.С.» read as a genitive: -ову is a dative or an accusative only.
    if case not in ("Dat", "Acc") and fold(token.text).endswith(_DAT_ACC_SURNAME_ENDINGS) and len(token.text) > 5:
        return "Dat" if "Fem" not in token.morph.get("Gender") else "Acc"
    return case


def _first_name_token_case(token: Token) -> str | None:
    """A first name's case: the tagger's, unless it reads as a nominative a form the dictionary knows in one oblique
    case alone («Семёну Горбаню»). Not for a surname: an indeclinable one may read as a first name's form («Канду»)."""
    if is_womans_first_name(token.text):
        return None  # «Жанар», «Сауле»: a woman's name that does not decline shows no case, whatever the tagger read
    case = _case(token)
    return (_first_name_case(token.text) or case) if case == "Nom" else case


@lru_cache(maxsize=50_000)
def _first_name_case(word: str) -> str | None:
    """«Семёну Горбаню», read as a nominative by the tagger: a first name the dictionary knows in one oblique case
    and in no nominative at all tells the name's case itself."""
    w = fold(word)
    if any(p.tag.case == "nomn" for p in loading.parse(w)):
        return None
    cases = {case for case, _ in _first_name_readings(word)}
    return cases.pop() if len(cases) == 1 else None


# Per-word caches are bounded: a worker reads new words for as long as it runs (names, OCR noise).
@lru_cache(maxsize=50_000)
def _parse_tags(word: str) -> tuple[tuple[str, float, str], ...]:
    """(tag string, score, normal form) of every pymorphy reading of `word`."""
    return tuple((str(p.tag), p.score, p.normal_form) for p in loading.parse(word))


@lru_cache(maxsize=50_000)
def is_womans_first_name(word: str) -> bool:
    """A woman's first name of the region that does not decline in Russian (`person_women_first_names`: Жанар,
    Сауле, Айгерим), or one ending in «-гуль»/«-гюль»: the flower ends women's names alone (Нургуль, Бибигуль)."""
    w = fold(word).translate(_KAZAKH_TO_RUSSIAN)  # «Сәуле» is Сауле
    return w in lexicons.load("person_women_first_names") or (len(w) > 5 and w.endswith(("гуль", "гюль")))


# Letters of Kazakh, Kyrgyz, Uzbek and Tajik Cyrillic by the Russian letter a Russian text writes for them (Tajik
# «ҳ», «ӯ», «ӣ», «ҷ»: «Иброҳим» is Иброхим, «Ғайрат» Гайрат).
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіўҳӯӣҷ", "агкноуухиухуич")


def is_first_name(word: str) -> bool:
    w = fold(word)
    if w in _first_names() or is_womans_first_name(word):
        return True
    russian = w.translate(_KAZAKH_TO_RUSSIAN)
    if russian != w:
        return is_first_name(russian)  # «Иброҳим», «Ғайрат»: the name in the state language's letters
    # Plural readings would make surnames first names: «Борисов» is also «of the Borises».
    return any(
        "Name" in tag and "sing" in tag and score >= 0.2 and normal in _first_names()
        for tag, score, normal in _parse_tags(w)
    )


def is_patronymic(word: str) -> bool:
    """«Шарипович», «Вольфовна», «Алиевич», «Мамед оглы»; not the surname «Лукашевич»."""
    w = fold(word)
    tags = [tag for tag, _, _ in _parse_tags(w)]
    if any("Patr" in tag for tag in tags):
        return True
    if w.endswith(_JOINED_TURKIC_PATRONYMICS) and not w.endswith(_TURKMEN_NAME_ENDING):
        return True
    if any("Surn" in tag for tag in tags) or w in _surnames():
        return False
    # A patronymic is a first name plus a suffix: Шарип-ович, Нурлан-овна.
    for suffix in ("ович", "евич", "овна", "евна", "ична", "инична"):
        if w.endswith(suffix) and w[: -len(suffix)] in _first_names():
            return True
    return False


def looks_like_surname(word: str) -> bool:
    w = fold(word)
    return w in _surnames() or w.endswith(SURNAME_ENDINGS) or any("Surn" in tag for tag, _, _ in _parse_tags(w))


@lru_cache(maxsize=50_000)
def _nominative(word: str, case: str | None, gender: str | None, part: str) -> str:
    """`word` (a name part in `case`) in the nominative, keeping its gender."""
    if case in (None, "Nom") or (not word.isalpha() and "-" not in word):
        return word
    if part == "first" and (is_womans_first_name(word) or (gender == "Fem" and _CONSONANT_FINAL.search(fold(word)))):
        # «Жанар Даулетбаевой», «Гульнар Кайратовны»: a woman's name ending in a consonant does not decline (nor do
        # «Нургуль», «Айгуль» in these texts: one in -ь that declined would end in -и)
        return word
    if part in ("surname", "patronymic") and fold(word).endswith(_JOINED_TURKIC_PATRONYMICS) and word.isalpha():
        return word  # «Серикбайулы», «Нурланкызы»: «son of», «daughter of» run into the father's name do not decline
    if part == "surname" and fold(word).endswith(_TAJIK_NOMINATIVE) and word.isalpha():
        # «Председателя города Раджаббоя Ахмадзода»: a Tajik «-зода» is its nominative (left undeclined in an oblique
        # case's place, or declined to «-зоды», «-зоде»); no surname ends in «-зод» for it to be the genitive of.
        return word
    article, _, rest = word.partition("-")
    if rest and fold(article) in lexicons.load("name_articles") and article.islower():
        return f"{article}-{_nominative(rest, case, gender, part)}"  # «ас-Сабаха» → «ас-Сабах»
    if part == "surname" and (double := _declined_double(word, case, gender)) is not None:
        return double  # (a guess of pymorphy's would decline the last part alone)
    want = _TAG_OF_PART[part]
    oc_case, oc_gender = _OC_CASE.get(case), _OC_GENDER.get(gender or "")
    # One person's surname or first name is singular: a plural reading («левински» as a town's plural, «Даниала» as
    # a guessed plural of «даниалаа») is another word's.
    parses = [
        p
        for p in loading.parse(word)
        if p.tag.POS == "NOUN"
        and p.tag.case == oc_case
        and not (part in ("surname", "first") and p.tag.number == "plur")
    ]

    def rank(parse) -> tuple[bool, bool, float]:
        tag = parse.tag
        gender_ok = oc_gender is None or "ms-f" in tag or tag.gender == oc_gender
        return (want in tag, gender_ok, parse.score)

    if parses:
        best = max(parses, key=rank)
        skiy = _declined_skiy(word, gender) if part == "surname" and "Surn" not in best.tag else None
        if skiy is not None:
            return skiy  # «Юрия Заруцкого»: pymorphy guessed a noun «заруцкой»
        # A reading as a name is trusted; a common-noun reading of an unknown surname is not.
        if "Surn" in best.tag or "Name" in best.tag or part != "surname" or not _declined_foreign(word, case, gender):
            form = best.inflect({"nomn", "sing"}) or best.inflect({"nomn"})
            return recover_shape(form.word, word) if form else word
    if part == "surname":
        return _declined_foreign(word, case, gender) or _declined_adjective(word, oc_case, oc_gender) or word
    if part == "first" and gender == "Masc":
        return _declined_foreign(word, case, gender) or word  # «Даниала» → «Даниал», a man's name pymorphy lacks
    return word


# Oblique cases of a man's -ский/-цкий surname: Заруцкого, Соханьскому, Томским, Вишневецком.
_SKIY_OBLIQUE = ("ского", "скому", "ским", "ском", "цкого", "цкому", "цким", "цком")


def _declined_skiy(word: str, gender: str | None) -> str | None:
    """A man's -ский/-цкий surname the dictionary does not know, in an oblique case: Заруцкого → Заруцкий.
    The adjectival declension gives the nominative; a guessed noun reading («заруцкой») does not."""
    w = fold(word)
    if gender == "Fem" or not word.isalpha():
        return None
    ending = next((e for e in _SKIY_OBLIQUE if w.endswith(e) and len(w) > len(e) + 2), None)
    if ending is None:
        return None
    return recover_shape(word[: len(word) - len(ending) + 2] + "ий", word)


def _declined_adjective(word: str, case: str | None, gender: str | None) -> str | None:
    """A surname of the -ский/-цкий shape pymorphy knows only as an adjective: Черкасским → Черкасский,
    Татарского → Татарский; or another adjective the surname dictionary holds: Лесного → Лесной."""
    for parse in loading.parse(word):
        tag = parse.tag
        if tag.POS != "ADJF" or tag.case != case or tag.number != "sing" or not tag.gender:
            continue
        if gender and tag.gender != gender:
            continue
        # Another adjective is a surname only where the surname dictionary holds its masculine form:
        # «Олега Лесного» → Лесной, «Анны Крутой» → Крутая; not a common word a span took in.
        if not parse.normal_form.endswith(("ский", "цкий", "ской", "цкой")) and parse.normal_form not in _surnames():
            continue
        form = parse.inflect({"nomn", "sing", tag.gender})
        if form is not None and tag.gender in ("masc", "femn"):
            return recover_shape(form.word, word)
    return None


# A stem that ends in a consonant and -к/-ц lost a vowel in its oblique cases: Рябца → Рябец, Зайца → Заяц,
# Грибка → Грибок, Ковалёнка → Ковалёнок. A foreign -ц/-к surname keeps its cluster (Шульц, Франк, Шенк): an -ц
# only after consonants none ends in, a -к only where the dictionary knows the noun with the vowel.
_FLEETING_CLUSTER = re.compile(r"(?:[бвгдзкмпсфхжшчщй]ц|[бвгдзклмнпрстфхжшчщ]к)$")
_KNOWN_ONLY = ("к", "йц")  # «Гедройца» is Гедройц: «заяц» is the dictionary's, not a guess from the ending


def _fleeting_vowel(stem: str, word: str, case: str) -> str:
    """The nominative of a hard-declension stem with the vowel its oblique cases drop: the dictionary's noun of
    that stem where it has one («заяц», a guessed «рябец»), else -ёнок for the Belarusian -ёнк- (Ковалёнок)."""
    low = stem.lower()
    if not _FLEETING_CLUSTER.search(low):
        return stem
    oc_case = _OC_CASE.get(case)
    for parse in loading.parse(word):
        lemma = parse.normal_form
        if parse.tag.case != oc_case or parse.tag.gender != "masc":
            continue
        if low.endswith(_KNOWN_ONLY) and not parse.is_known:
            continue
        if lemma[-1] == low[-1] and lemma[-2] in "еоёя" and lemma[:-2].rstrip("й") == low[:-1].rstrip("й"):
            return recover_shape(lemma, stem)
    if low.endswith("ёнк"):
        return stem[:-1] + "ок"
    return stem


def _declined_foreign(word: str, case: str, gender: str | None) -> str | None:
    """A masculine surname pymorphy does not know, its case ending cut: Карзая → Карзай,
    Диас-Канеля → Диас-Канель, Ассанжу → Ассанж; each part of a double surname that took the case ending:
    Диаса-Канеля → Диас-Канель (Гарсиа-Маркеса → Гарсиа-Маркес: «Гарсиа» does not decline)."""
    if gender != "Masc":
        return None
    return _declined_double(word, case, gender) or _declined_foreign_word(word, case)


def _declined_double(word: str, case: str, gender: str | None) -> str | None:
    """A man's double surname whose both parts took the case ending, in the nominative: «Диаса-Канеля» →
    Диас-Канель; None for any other word."""
    head, dash, _ = word.rpartition("-")
    if gender != "Masc" or not dash or len(head) < 3 or not head.isalpha():
        return None
    whole, declined_head = _declined_foreign_word(word, case), _declined_foreign_word(head, case)
    return f"{declined_head}-{whole[len(head) + 1 :]}" if whole and declined_head else None


def _declined_foreign_word(word: str, case: str) -> str | None:
    for ending in _FOREIGN_MASC_ENDINGS.get(case, ()):
        stem = word[: -len(ending)]
        if not word.lower().endswith(ending) or len(stem) < 3:
            continue
        last = stem[-1].lower()
        if ending in ("а", "у", "ом"):  # hard declension: the stem is the nominative
            return _fleeting_vowel(stem, word, case) if last not in "аеёиоуыэюяй" else None
        if last in "аеёиоуыэюя":  # soft after a vowel: -й
            return stem + "й"
        return stem if last in "жшчщц" else stem + "ь"
    return None


def nominative_part(token: Token, part: str, case: str | None = None) -> str:
    """A name part in the nominative; `case` overrides the tagger's when the context knows better."""
    gender = token.morph.get("Gender")
    told = _first_name_token_case(token) if part == "first" else _case(token)
    word = _nominative(token.text, case or told, gender[0] if gender else None, part)
    # ALL-CAPS surnames of protocols are catalogued in title case.
    return word.title() if word.isupper() and len(word) > 1 else word


def _starts_line(span: Span) -> bool:
    """The span opens a line, as entries of attendance lists do («Сидорова А.П. – депутат»)."""
    i = span.start - 1
    while i >= 0 and (span.doc[i].is_punct or span.doc[i].like_num) and "\n" not in span.doc[i].text:
        i -= 1  # list markers: «1.», «–», «•»
    return i < 0 or (span.doc[i].is_space and "\n" in span.doc[i].text)


def _before_nominative_post(span: Span) -> bool:
    """«Р.Х. Валиева, депутат.», «Айгуль Сеитова, аким села, …»: a post in apposition after the name, in the
    nominative and nothing but, makes the name a nominative too (an oblique name's post shares its case:
    «Валиева, депутата»)."""
    doc = span.doc
    at = span.end + 1
    if at + 1 >= len(doc) or doc[span.end].text not in (",", "–", "—", "-"):
        return False  # («Асанова Ч.Т. – депутат»: a protocol's list sets the post off by a dash)
    post = doc[at]
    heads = _post_heads()
    if not post.is_lower or fold(post.lemma_) not in heads or post.morph.get("Case") != ["Nom"]:
        return False
    # «инициативу Д. Медведева, лидер ЛДПР В. Жириновский»: a post that goes on to a name is that name's.
    for token in doc[at + 1 : at + 1 + _POST_REACH]:
        if token.is_punct:
            break
        if token.ent_type_ == "PER" or _INITIAL_TOKEN.fullmatch(token.text):
            return False
    return all(p.tag.case == "nomn" for p in _noun_parses(post.lower_))


_POST_REACH = 8
_INITIAL_TOKEN = re.compile(r"[А-ЯЁ]\.?")


@lru_cache(maxsize=50_000)
def _noun_parses(word: str) -> tuple:
    return tuple(p for p in loading.parse(word) if p.tag.POS == "NOUN")


def _after_header_colon(span: Span) -> bool:
    """«ВЫСТУПИЛИ: Асанова Ч.Т.», «Докладчик: Иванова А.А.»: a protocol's heading opening its line and ending in a
    colon lists names in the nominative when it is a noun or a verb that takes no object (not «Наградить:»,
    «СЛУШАЛИ:», whose names may be objects)."""
    doc = span.doc
    colon = span.start - 1
    if colon < 1 or doc[colon].text != ":":
        return False
    header = doc[colon - 1]
    if not header.is_alpha or (header.i > 0 and "\n" not in doc[header.i - 1].text):
        return False
    parses = [p for p in loading.parse(fold(header.text)) if p.is_known]
    # («Фото:»: an indeclinable noun reads in every case, the nominative among them.)
    fixed = any("Fixd" in p.tag and p.tag.POS == "NOUN" for p in parses)
    return bool(parses) and all(
        (p.tag.POS == "NOUN" and (p.tag.case == "nomn" or fixed)) or (p.tag.POS == "VERB" and "intr" in p.tag)
        for p in parses
    )


def _list_entry(span: Span) -> bool:
    """«…; Бурмистрова Н.Г. – юрисконсульт»: an entry of a protocol's list, after a semicolon and before the dash
    that sets off its post, names its person in the nominative as the line's first entry does."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].text == ";" and span.end < len(doc) and doc[span.end].text in DASHES


def _conjoined_with_nominative(token: Token) -> bool:
    """«депутаты Эргешов и Рахимова», «Гулчехра Умарова и Анвар Жураев»: conjoined names share a case, and
    «Эргешов», «Жураев» can only be a nominative. The other name is the conjunct before this one or after it;
    its surname is its last word."""
    conjuncts = [child for child in token.children if child.dep_ == "conj" and child.i > token.i]
    if token.dep_ == "conj" and token.head.i != token.i:
        conjuncts.append(token.head)
    for other in conjuncts:
        if not other.text[:1].isupper() or other.ent_type_ != token.ent_type_:
            continue
        words = [other, *(t for t in other.children if t.dep_ == "flat:name")]
        if any({case for case, _ in _surname_readings(t.text)} == {"Nom"} for t in words if t.is_alpha):
            return True
    return False


_APPOSED_REACH = 20  # a post's body may run long between the post and the name: «специалист управления …, … климата»


def _apposed_to_nominative_post(span: Span) -> bool:
    """«главный специалист областного управления экологии, охраны … климата Наргиза Юсупова:»: the parser hangs the
    name on a post in the nominative, and nothing but the nominative, before it; the name shares that case."""
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or span.start - head.i > _APPOSED_REACH:
        return False
    if not head.is_lower or head.morph.get("Case") != ["Nom"] or fold(head.lemma_) not in _post_heads():
        return False
    if any(t.is_sent_start or t.text in (";", ":", "(", ")") for t in span.doc[head.i + 1 : span.start]):
        return False
    return all(p.tag.case == "nomn" for p in _noun_parses(head.lower_))


def _next_name_nominative(span: Span) -> bool:
    """«…, Гулчехра Умарова и Анвар Жураев, …» where the parser did not join the two: the name right after «и» or a
    comma is of the same list, and «Жураев» can only be a nominative."""
    doc = span.doc
    at = span.end + 1
    if at >= len(doc) or doc[span.end].text not in ("и", ",") or doc[at].ent_iob_ != "B" or doc[at].ent_type_ != "PER":
        return False
    end = at
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return end > at and {case for case, _ in _surname_readings(doc[end].text)} == {"Nom"}


_ROMAN = frozenset("IVXL")


def _is_regnal_number(token: Token) -> bool:
    """An ordinal after a name: «II», «VI», «XVI» (Latin letters, the way texts write them), or in words,
    capitalised: «Николай Второй», «Теодориус Второй»."""
    if token.text.isascii() and token.text.isupper() and set(token.text) <= _ROMAN:
        return True
    tags = _parse_tags(fold(token.text)) if token.text[:1].isupper() and token.is_alpha else ()
    # pymorphy's rare noun readings («втора») do not make the word a name.
    return sum(score for tag, score, _ in tags if "Anum" in tag) >= 0.9


# Adjectives that address a person before their first name and patronymic: «Уважаемая Анна Петровна».
_ADDRESSING = frozenset({"уважаемый", "многоуважаемый", "глубокоуважаемый", "дорогой"})


def _official_order(token: Token, span: Span) -> bool:
    """The word opens a line and a first name and a patronymic follow it: a list's or a protocol's surname."""
    doc = token.doc
    return (
        token.i == span.start
        and token.i + 2 < span.end
        and is_first_name(doc[token.i + 1].text)
        and is_patronymic(doc[token.i + 2].text)
        and _starts_line(span)
    )


def _is_title_before_name(token: Token, span: Span, after_title: bool = False) -> bool:
    """A word that opens the span and titles or describes the person named after it: an honorific
    («Сэр», «Принц», «Папа»), an adjective or adverb («Шестидесятивосьмилетняя Руссефф», «Всемирно
    известный»). Only a word followed by more of the span; an adjective with a surname's ending may
    be the surname («Чикойский»)."""
    if token.i + 1 >= span.end or _is_initial(token.nbor(1)):
        return False  # «Бережной С.Н.»: initials follow a surname, never a word describing one
    w = fold(token.text)
    if (
        span.end - token.i == 3
        and is_first_name(token.nbor(1).text)
        and not _known_patronymic(token.nbor(2).text)
        and _known_animate_noun(w, [tag for tag, _, _ in _parse_tags(w)])
    ):
        # «Аксакал Павел Гриневич»: a common noun saying who the person is, capitalised opening the sentence, before a
        # first name and a word only guessed to be a patronymic (a surname in -евич); before a true patronymic
        # the noun is a surname in the official order («Кузнец Павел Иванович»).
        return True
    if _official_order(token, span) and fold(token.lemma_) not in _ADDRESSING:
        return False  # «Бережного Сергея Николаевича – председателя …» opening a protocol's line
    honorifics = lexicons.load("person_honorifics")
    if w in honorifics or fold(token.lemma_) in honorifics:
        return True
    if _is_post(token) and not may_be_first_name(token.text) and not looks_like_surname(token.text):
        return True  # «Депутату Айжамал Урмат кызы поручено»: a post opening the sentence, capitalised
    if _is_post(token) and span.end - token.i >= 3 and is_first_name(token.doc[token.i + 1].text):
        return True  # «Аким Ислам Абишев»: a post that is a first name too, before a first name and a surname
    tags = [tag for tag, _, _ in _parse_tags(w)]
    describing = bool(tags) and all(t.startswith(("ADJF", "ADJS", "PRTF", "ADVB")) for t in tags)
    # A short adjective describes no name it stands before: «Фризен А.Г.» is a surname the dictionary reads as one.
    describing = describing and not all(t.startswith("ADJS") for t in tags)
    if not describing or any("Surn" in t or "Name" in t for t in tags) or _possessive_form(token.text):
        return False  # («Кощееву Марину»: a possessive's form is a surname's, `_possessive_form`)
    # «Кожемяко Виктор Андреевич»: a word the dictionary does not know, guessed only as an adverb or a short
    # adjective (no full adjective that could describe someone), is an indeclinable surname.
    if not any(t.startswith(("ADJF", "PRTF")) for t in tags) and not loading.morph().word_is_known(w):
        return False
    return after_title or not w.endswith(SURNAME_ENDINGS)  # «Папа Римский»: the title's own adjective


def _known_patronymic(word: str) -> bool:
    """A patronymic the dictionary knows, or a known first name with its suffix (not a guess from the ending)."""
    w = fold(word)
    if loading.morph().word_is_known(w) and any("Patr" in tag for tag, _, _ in _parse_tags(w)):
        return True
    return any(
        w.endswith(suffix) and w[: -len(suffix)] in _first_names()
        for suffix in ("ович", "евич", "овна", "евна", "ична")
    )


def _known_animate_noun(word: str, tags: list[str]) -> bool:
    """A word the dictionary knows only as an animate common noun (no name, surname or patronymic reading)."""
    return (
        bool(tags)
        and loading.morph().word_is_known(word)
        and all(
            t.startswith("NOUN") and "anim" in t and not {"Surn", "Name", "Patr"} & set(t.replace(" ", ",").split(","))
            for t in tags
        )
    )


@cache
def _post_heads() -> frozenset[str]:
    """Position nouns (`position_heads`, `position_heads_extra`), joined once: asked of many words of every name."""
    return lexicons.load("position_heads") | lexicons.load("position_heads_extra")


def _is_post(token: Token) -> bool:
    heads = _post_heads()
    return fold(token.text) in heads or fold(token.lemma_) in heads


def _best_reading_is_name(word: str) -> bool:
    tags = _parse_tags(fold(word))
    return bool(tags) and "Name" in tags[0][0]


def may_be_first_name(word: str) -> bool:
    """A first name, or a word the dictionary reads as one however rarely («Веры», the word «вера» first)."""
    return is_first_name(word) or bool(_first_name_readings(word))


def reads_as_first_name(word: str) -> bool:
    """A word alone that is a first name and nothing a surname list knows: «Ирина», «Виктории», «Хуан».
    A first name ending like a surname (Ирина, Константин) is still a first name."""
    w = fold(word)
    tags = [tag for tag, _, _ in _parse_tags(w)]
    if w in _surnames() or any("Surn" in t for t in tags):
        return False
    return is_first_name(word) or _best_reading_is_name(word)


def _regnal_name(token: Token, number: Token, case: str | None) -> NameParts:
    """«Елизаветы II» → Елизавета: the monarch's name stands where a surname would."""
    name = _nominative(token.text, case, None, "first")
    return NameParts(
        surname=name,
        surname_as_written=case in (None, "Nom"),
        surname_keys=frozenset({fold(name), fold(token.text)}),
        start=token.idx,
        end=number.idx + len(number),
        regnal=True,
    )


def _opens_with_article(token: Token) -> bool:
    """«аль-Багдади», «ас-Сабаха»: an Arabic surname opened by the article, lower-case, then the name."""
    article, _, rest = token.text.partition("-")
    return bool(rest) and rest[:1].isupper() and fold(article) in lexicons.load("name_articles")


def _particle_opening(token: Token, span: Span) -> bool:
    """A European particle written with a capital before the rest of the name: «Де Блазио», «Фон Браун».
    Not «Ван» or «Ле», which are Chinese and Vietnamese surnames too."""
    w = fold(token.text)
    return (
        token.i + 1 < span.end
        and token.text[:1].isupper()
        and w in lexicons.load("name_particles_apart")
        and w not in lexicons.load("east_asian_surnames")
    )


# A surname ending in a consonant other than an instrumental's «м» or a feminine «й», or in «и» after a
# hard consonant (a genitive of an -а name would end in «ы»), is in the nominative: a man's such surname
# declines by adding endings, a woman's does not decline at all.
_UNDECLINED = re.compile(r"(?:[бвгджзклнпрстфхцчшщь]|[бвдзлмнпрстфц]и)$")


def _undeclined_shape(word: str) -> bool:
    w = fold(word)
    return w.isalpha() and len(w) > 2 and bool(_UNDECLINED.search(w)) and not w.endswith(("ов", "ев", "ин", "ын"))


def _declined_first_name_case(first: Token | None) -> str | None:
    """The case a first name's ending shows, when it shows one: «Мирославом» is instrumental; an
    indeclinable «Эмомали» or «Арно» shows none, whatever the tagger guessed."""
    if first is None:
        return None
    case = _first_name_token_case(first)
    if case in (None, "Nom"):
        return None
    gender = first.morph.get("Gender")
    nominative = _nominative(first.text, case, gender[0] if gender else None, "first")
    return case if fold(nominative) != fold(first.text) else None


# Endings only a surname has (Омурбекова, Садыров, Ткаченко); «-ин» and «-ук» end first names and foreign
# surnames too (Зинедин), so a word with them leads a name as its surname only where the dictionary knows it as one.
_OBLIQUE_OV_ENDINGS = ("овым", "евым", "овой", "евой", "ову", "еву")
# (Armenian «-ян», «-янц» and Georgian «-швили», «-дзе» too: «Варданян Тигран, заместитель марзпета — …».)
_SURNAME_ONLY_ENDINGS = (
    *("ов", "ев", "ёв", "ова", "ева", "ёва", "ский", "ская", "цкий", "цкая", "енко"),
    *("ян", "янц", "швили", "дзе"),
)


def leads_as_surname(word: str) -> bool:
    """A word before a first name that makes the name surname-first («Омурбекова Айгуль», «Бондарь Светлана»):
    a surname by its ending or by pymorphy's dictionary, not a first name or surname a list merely holds
    («Зинедин Зидан», «Камерон Диас», «Рэнд Пол» are in their order)."""
    w = fold(word)
    return (
        w.endswith(_SURNAME_ONLY_ENDINGS)
        or (w.endswith(_OBLIQUE_OV_ENDINGS) and len(w) > 6)  # «Ысырайловым Жумабеком», «Мамытовой Бурул»
        or any(p.is_known and "Surn" in p.tag for p in loading.parse(w))
    )


# A man's first name ending in one of these does not decline (Эмомали, Арно, Энтони, Жозе): only the name's
# role in the sentence shows its case.
_INDECLINABLE_FINALS = ("и", "о", "у", "е", "э", "ю")


def _case_of_role(span: Span) -> str | None:
    """The case a name's role gives it: a noun's modifier without a preposition is a genitive («фильм Арно
    Деплешена»), a direct object an accusative, an apposition takes its noun's case («лидера Эмомали Рахмона»)."""
    root = span.root
    if root.dep_ == "nmod" and not any(child.dep_ == "case" for child in root.children):
        return "Gen"
    if root.dep_ == "obj":
        return "Acc"
    if root.dep_ == "appos" and root.head.i < span.start:
        case = root.head.morph.get("Case")
        return case[0] if case else None
    return None


def _womans_oblique_surname(first: Token, surname: Token) -> bool:
    """«директору музея Любовь Ковалевой»: a writer often leaves a woman's first name undeclined, but her surname's
    «-овой»/«-ской» is never a nominative (only a man's «Толстой», «Луговской» ends so): the surname tells the case."""
    return (
        "Fem" in first.morph.get("Gender")
        and len(surname.text) > 5
        and fold(surname.text).endswith(OBLIQUE_FEMININE_ENDINGS)
    )


def _guessed_after_oblique_post(first: Token, span: Span) -> bool:
    """«акима области Жениса Касымбека»: a first name the dictionary does not know reads as a nominative by a guess
    only, which the oblique case of the post it stands in apposition to outweighs."""
    return not _dictionary_first_name(first.text) and _oblique_post_case(span) is not None


def _case_of_mans_first_name(first: Token | None, surname: Token, span: Span) -> str | None:
    """«Райана Куглера», «Аттикуса Финча»: a man's first name whose ending shows the genitive or the
    instrumental (or, for one that does not decline, the name's role) gives its case to a foreign surname
    the tagger read as a nominative, when the surname has
    that case's ending. Not a first name a woman's nominative reads too («Юлия Ефимова», «Александра»),
    nor the dative, whose «-у» indeclinable surnames end in (Андриану Канду)."""
    if first is None or "Masc" not in first.morph.get("Gender") or _surname_readings(surname.text):
        return None  # an -ов/-ин surname's case and gender its own declension reads («Хадижа Ужахова»)
    case = _declined_first_name_case(first)
    if case is None and fold(first.text)[-1:] in _INDECLINABLE_FINALS:
        case = _case_of_role(span)  # «лидера Эмомали Рахмона», «фильм Арно Деплешена»
    # «принял акима области Жениса Касымбека»: a first name the dictionary does not know, whose guessed readings
    # include the case of the post it stands in apposition to, takes that case.
    post = None
    if case is None and not _dictionary_first_name(first.text):
        post = _oblique_post_case(span)
        post = post if (post, "Masc") in _first_name_readings(first.text) else None
        case = post or case
    # The dative only with a soft ending: «Семёну Горбаню» is Горбань, an «-у» may be the indeclinable one's; a man's
    # Armenian «-ян» surname declines, so «Ашоту Меликяну» is Меликян.
    if case not in ("Gen", "Acc", "Ins") and not (case == "Dat" and fold(surname.text).endswith(("ю", "яну"))):
        return None
    if post is None and any(c == "Nom" or g == "Fem" for c, g in _first_name_readings(first.text)):
        return None
    return case if fold(surname.text).endswith(_FOREIGN_MASC_ENDINGS[case]) else None


def _opens_irish_surname(token: Token, span: Span) -> bool:
    """«О’Мэлли», «О'Тул», «Д’Артаньян»: the letter and the apostrophe are the surname's first part, not an
    initial."""
    return (
        token.text in ("О", "Д")
        and token.i + 2 < span.end
        and token.nbor(1).text in ("’", "'")
        and token.nbor(2).text[:1].isupper()
    )


def _is_initial(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token.text) == 1


def _is_masculine_form(word: str) -> bool:
    return fold(word).endswith(("ич", "ича", "ичу", "ичем", "иче"))


def _middle_initial(words: list[Token], initials: list[Token], initials_at: int) -> bool:
    """«Джон Ф. Кеннеди», «Сэмюэл Л. Джексон»: one initial between a first name and the word after it is a middle
    name's, as English names write it; the surname is the word after (a surname before initials is Russian order,
    «Петрова С.В.», and a Russian surname is no first name)."""
    return (
        initials_at == 1
        and len(words) == 2
        and len(initials) == 1
        and reads_as_first_name(words[0].text)
        and not looks_like_surname(words[0].text)
        and not _no_surname_before_initials(words[0])
        and (looks_like_surname(words[1].text) or not is_first_name(words[1].text))
    )


def _no_surname_before_initials(token: Token) -> bool:
    """A job title («Торага», «Директор»), a verb («Стенографировала») or a country's abbreviation («Министр экономики
    РА Г. Мкртчян», «КР») before a name's initials: two or three capitals without a vowel, or that no surname
    list has (not «ЛИ», «КИМ», «ЦОЙ»)."""
    word = fold(token.text)
    if token.is_upper and token.is_alpha and len(word) <= 3:
        known = word in _surnames() or word in lexicons.load("east_asian_surnames")
        if not known or not set(word) & set("аеёиоуыэюя"):
            return True
    heads = _post_heads()
    if word in heads or fold(token.lemma_) in heads:
        return True
    parses = loading.parse(word)
    return (
        bool(parses)
        and all(p.is_known and not {"Surn", "Name", "Patr"} & p.tag.grammemes for p in parses)
        and parses[0].tag.POS in ("VERB", "INFN")
    )


# «города Гиссара Ш.Р. НАЗАРЗОДА», «района Бешкент А.А. Каримов»: a place's name right after its noun, not a surname.
_PLACE_NOUNS = frozenset(
    {"города", "района", "села", "области", "поселка", "посёлка", "аула", "края", "джамоата", "муниципия"}
)


def _same_line(token: Token, later: Token) -> bool:
    return "\n" not in token.doc.text[token.idx : later.idx]


def _place_after_its_noun(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text in _PLACE_NOUNS


def _vich_surname(first: Token, vich: Token, titled: bool) -> bool:
    """«Анна Сидорович», «депутат Николай Климович»: a -вич word after a first name is a Belarusian or
    Serbian surname, not a patronymic, when the first name is a woman's or a job title precedes
    (people are addressed, not titled, by first name and patronymic)."""
    if not _is_masculine_form(vich.text):
        return False
    feminine = {g for _, g in _first_name_readings(first.text)} == {"Fem"}
    return feminine or titled or _no_fathers_name_in(vich.text)


@lru_cache(maxsize=5_000)
def _no_fathers_name_in(word: str) -> bool:
    """«Чеслав Ганусевич напомнил»: an -евич word the dictionary does not know as a patronymic, whose stem is no first
    name (Ганус), is a Belarusian surname; a patronymic's -евич follows a father's name in -й or -ь (Сергеевич,
    Игоревич, Жумабаевич: a stem ending in a vowel is one in -й the lexicon may lack, Кадырбаевич). (Not -ович: a
    Kyrgyz father's name the lexicon lacks takes it, Токтогулович.)"""
    w = fold(word)
    if not w.endswith("евич") or any(p.is_known and "Patr" in p.tag for p in loading.parse(w)):
        return False
    stem = w[:-4]
    return stem[-1:] not in _VOWELS and not ({stem, stem + "й", stem + "ь"} & _first_names())


_VOWELS = frozenset("аеёиоуыэюя")


@lru_cache(maxsize=20_000)
def _only_a_verb_word(word: str) -> bool:
    parses = loading.parse(word)
    return bool(parses) and all(
        p.is_known and p.tag.POS == "VERB" and not {"Surn", "Name", "Patr"} & p.tag.grammemes for p in parses
    )


def only_a_verb(token: Token) -> bool:
    """A word the dictionary knows as a verb and nothing else: «Выступила», «Отметил», «Сообщила»."""
    return token.is_alpha and _only_a_verb_word(fold(token.text))


def _surname_first_pair(word: str, other: str) -> bool:
    """«депутат Сулейманова Зайнабхан», «Ысырайловым Жумабеком»: an -ов/-ев surname in any of its forms before a word
    with no surname's shape is surname-first, though the dictionary does not know the first name."""
    w = fold(word)
    return (
        bool(_surname_readings(word))
        and not fold(word).endswith(("ин", "ина", "ын", "ына"))
        and len(w) > 5
        and not looks_like_surname(other)
        and not _surname_readings(other)
    )


def verb_opening_sentence(token: Token) -> bool:
    """«Выступила Гулбахор Рахимова»: a verb opening its sentence or line, capitalised, that the tagger took into a
    name (not a first name with a verb's form: «Нарек»)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    opens = before is None or token.is_sent_start or before.text in (".", ":") or "\n" in before.text
    return opens and only_a_verb(token) and not may_be_first_name(token.text)


def _joined_turkic_surname(word: Token, other: Token) -> bool:
    """«Нурлан Серикбайулы», «Айгуль Нурланкызы», «Серикбайулы Ермек»: a Kazakh or Kyrgyz name of two words, «son of» or
    «daughter of» run into the father's name beside a first name, has no surname but that word (a patronymic comes
    with a surname: «Ахметов Серик Нурланулы»)."""
    w = fold(word.text)
    return (
        w.endswith(_JOINED_TURKIC_PATRONYMICS)
        and not w.endswith(_TURKMEN_NAME_ENDING)
        and not is_patronymic(other.text)
        and not leads_as_surname(other.text)
    )


@dataclass
class _NameTokens:
    """The tokens of a PER span sorted by what they are: its words, initials, particles and marks."""

    words: list[Token]
    initials: list[Token]
    initials_at: int | None  # how many words precede the initials
    particles: dict[int, list[Token]]  # a word's place → the lower-case particles before it («бин», «де»)
    glued: dict[int, list[Token]]  # a word's place → the «О» and apostrophe glued before it («О’Мэлли»)
    regnal: Token | None  # «Елизавета II»
    titled_by: Token | None  # «Сэр Алекс Фергюсон»
    turkic: dict[int, Token]  # the father's name's place among the words → its «оглы»/«кызы»


def _name_tokens(span: Span) -> _NameTokens:
    """The span's tokens sorted into the name's words and what stands between them, up to an original spelling in
    brackets; a sentence's verb, a title or a generation run into the name are left out."""
    initials: list[Token] = []
    initials_at: int | None = None  # how many words precede the initials
    words: list[Token] = []
    particles: dict[int, list[Token]] = {}
    glued: dict[int, list[Token]] = {}
    pending: list[Token] = []
    regnal: Token | None = None
    titled_by: Token | None = None
    turkic: dict[int, Token] = {}  # the father's name's place among the words → its «оглы»/«кызы»
    for token in span:
        if token.text == "(":  # «Эстебан Ласо (Esteban Lazo Hernández)»: the original spelling follows
            break
        if words and fold(token.text) in ("jr", "sr"):
            continue  # «Ken Cockrel Jr»: a generation, not a surname
        if words and _is_regnal_number(token):
            regnal = token  # «Елизавета II», «Иоанн Павел II»: an ordinal, never a surname or an initial
            continue
        if not words and not pending and _particle_opening(token, span):
            pending.append(token)  # «Де Блазио обещал»: the particle opens a sentence
            continue
        if not words and not pending and not initials and verb_opening_sentence(token) and token.i + 1 < span.end:
            continue  # «Выступила Гулбахор Рахимова»: a sentence's verb the tagger took into the name
        if not words and not pending and _is_title_before_name(token, span, titled_by is not None):
            titled_by = token  # «Сэр Алекс Фергюсон», «Папа Римский Франциск», «Шестидесятивосьмилетняя Руссефф»
            continue
        if _opens_irish_surname(token, span):
            glued[len(words)] = [token, token.nbor(1)]  # «О’Мэлли»: «О», the apostrophe, then the name
            continue
        if words and token.text in TURKIC_PATRONYMIC_PARTICLES and not turkic:
            turkic[len(words) - 1] = token  # the father's name before it and the particle are the patronymic
            continue
        if _is_initial(token) and not (token.i + 1 < len(token.doc) and token.nbor(1).is_alpha):
            initials_at = len(words) if initials_at is None else initials_at
            initials.append(token)
        elif token.is_alpha or ("-" in token.text and token.text.replace("-", "").isalpha()):
            if fold(token.text) in lexicons.load("name_particles") and token.text.islower():
                pending.append(token)
            elif (
                (token.text[:1].isupper() and token.pos_ not in ("VERB", "AUX", "ADP", "CCONJ"))
                or _opens_with_article(token)
                or _first_name_read_as_verb(token, span)
            ):
                particles[len(words)] = pending
                pending = []
                words.append(token)
    return _NameTokens(words, initials, initials_at, particles, glued, regnal, titled_by, turkic)


def _first_name_read_as_verb(token: Token, span: Span) -> bool:
    """«глава общины Давит Гарникович Мартиросян»: a capitalised word mid-sentence that the tagger read as a verb
    («давит») is the first name the patronymic right after it proves; so does a surname's shape right after it, the
    name's last word («Член Сакребуло Давит Мамулашвили предложил»)."""
    return (
        token.text[:1].isupper()
        and token.pos_ == "VERB"
        and not token.is_sent_start
        and token.i + 1 < span.end
        and (is_patronymic(token.nbor(1).text) or (token.i + 2 == span.end and looks_like_surname(token.nbor(1).text)))
    )


@dataclass
class _NameRoles:
    """Which of a name's words is the surname, the first name and the patronymic."""

    surname_at: int
    first: Token | None
    patronymic: Token | None
    patr_at: int | None
    given: list[Token]  # an East Asian given name after the surname
    span: Span  # the name's own words where the tagger ran a body's last word into it


def _name_roles(span: Span, tokens: _NameTokens, titled: bool) -> _NameRoles | NameParts | None:
    """The surname among the words, by the patronymic, the initials, the order of a full name or the known first
    names; a Turkic father's name that stands for the surname is parsed whole (`NameParts`), and a span whose words
    name no surname is None."""
    words, initials_at, turkic = tokens.words, tokens.initials_at, tokens.turkic
    titled_by, regnal, particles, glued = tokens.titled_by, tokens.regnal, tokens.particles, tokens.glued
    first: Token | None = None
    patronymic: Token | None = None
    given: list[Token] = []  # an East Asian given name after the surname
    surname_at: int
    patr_at = next((i for i, w in enumerate(words) if is_patronymic(w.text)), None)
    if turkic:
        patr_at, particle = next(iter(turkic.items()))
        if patr_at == 0 or (patr_at == len(words) - 1 and patr_at <= 1):
            return _fathers_name_as_surname(words, patr_at, particle)
        if (
            patr_at == 1
            and len(words) == 3
            and not looks_like_surname(words[2].text)
            and reads_as_first_name(words[2].text)
        ):
            # «на реках Чу и Талас Бакыт уулу Нурбек»: a first name after the particle makes «Бакыт уулу Нурбек» the
            # whole name (no surname follows a Kyrgyz one); the word before it is a place or a post run into it.
            return _fathers_name_as_surname(words[1:], 0, particle)
    if patr_at == 0 and len(words) >= 3 and is_first_name(words[1].text) and is_patronymic(words[2].text):
        # «Мацкевича Андрея Леонидовича», «Гуринович Аллу Викторовну»: a -вич surname heads a full name in the
        # official order; the patronymic is the word after the first name.
        patr_at = 2
    if (
        initials_at is not None
        and 0 < initials_at < len(words)
        and (span.text.isascii() or _middle_initial(words, tokens.initials, initials_at))
    ):
        surname_at, first = len(words) - 1, words[0]  # «John S. Pistole», «Джон Ф. Кеннеди»: a middle initial
    elif initials_at is not None:
        # The surname stands next to the initials: «Петрова С.В.», «С.В. Петров» (never a word further on). A post or
        # a verb the tagger took in before them is no surname: «Торага Т. Маматкулов», «Стенографировала О.П. Лагутина».
        surname_at = initials_at - 1 if initials_at > 0 else 0
        if 0 < initials_at < len(words) and (
            _no_surname_before_initials(words[initials_at - 1]) or _place_after_its_noun(words[initials_at - 1])
        ):
            surname_at = initials_at
    elif patr_at == 1 and len(words) == 2 and _vich_surname(words[0], words[1], titled or titled_by is not None):
        surname_at, first = 1, words[0]
    elif patr_at is not None and len(words) == 2 and _joined_turkic_surname(words[patr_at], words[1 - patr_at]):
        surname_at, first = patr_at, words[1 - patr_at]  # «Нурлан Серикбайулы», «Нурланкызы Асем»
    elif patr_at is not None:
        if patr_at == 0:
            return None
        patronymic, first = words[patr_at], words[patr_at - 1]
        # (A possessive adjective's form is a surname's: «Кощееву Марину Алексеевну», «Ильину Анну Петровну».)
        before = words[patr_at - 2].text if patr_at >= 2 else ""
        after = words[patr_at + 1].text if patr_at + 1 < len(words) else ""
        if (
            after
            and before
            and (
                (looks_like_surname(after) and not looks_like_surname(before))
                # «примар муниципия Чадыр-Лунга Фёдор Иванович Кысса»: the place's name after its noun, run into it
                # (a word on the next line is no part of it: «района Сабирзянов Ильдар Рафаэлевич\nСекретарь»).
                or (_place_after_its_noun(words[patr_at - 2]) and _same_line(words[patr_at], words[patr_at + 1]))
            )
        ):
            # «нотариуса Бердска Валентины Сергеевны Гаус»: the tagger took in the place before the name; the word
            # after the patronymic is the surname's shape, the one before it is not.
            surname_at = patr_at + 1
        elif patr_at >= 2 and (not is_adjective(before) or _possessive_form(before)):  # Жээнбеков Сооронбай Шарипович
            surname_at = patr_at - 2
        elif patr_at >= 2 and patr_at + 1 == len(words) and (fold(before).endswith(("их", "ых")) or _starts_line(span)):
            # «Гладких Валентина Игоревича», «Черных Ольгу Николаевну»: an adjective's plural form agrees with no one
            # first name; before a first name and a patronymic it is a surname that does not decline. A protocol's
            # line opens with a name in the official order: «Бережного Сергея Николаевича – председателя …».
            surname_at = patr_at - 2
        elif patr_at + 1 < len(words):  # Владимир Вольфович Жириновский
            surname_at = patr_at + 1
        else:
            return None
    elif len(words) == 1:
        # A monarch or pope is named by a first name and a number: the name is all there is to catalogue.
        # A particle before the word makes it a surname: «де Блазио».
        if regnal is None and not particles.get(0) and not glued.get(0) and reads_as_first_name(words[0].text):
            return None
        surname_at = 0
    elif (
        fold(words[0].text) in lexicons.load("east_asian_surnames")
        and (not looks_like_surname(words[1].text) or _CHINESE_SPELLING.search(fold(words[1].text)) is not None)
        and not _western_order(words)
    ):
        surname_at = 0  # Пан Ги Мун, Си Цзиньпин
        given = words[1:]
    elif (
        (is_first_name(words[-1].text) or (len(words) == 2 and _surname_first_pair(words[0].text, words[-1].text)))
        and not is_first_name(words[0].text)
        # (pymorphy's guess of an unknown «Турдиева» as a woman's name is no dictionary's: «Турдиева Мурода».)
        and not (_best_reading_is_name(words[0].text) and _dictionary_first_name(words[0].text))
        and leads_as_surname(words[0].text)
    ):
        surname_at, first = 0, words[-1]  # Омурбекова Айгуль; not «Элтон Джон», two first names in their order
    elif (
        len(words) == 3
        and (
            (is_first_name(words[1].text) and not may_be_first_name(words[0].text))
            or bool(_surname_readings(words[2].text))  # «Генгеша Мяхри Овезову»: the -ов surname ends the name
        )
        and not is_first_name(words[0].text)
        and not looks_like_surname(words[0].text)
        and _body_kind(words[0].text)
    ):
        # «депутата Чустского районного Кенгаша Бекзода Хамдамова»: the tagger ran the body's last word into the
        # name; the first name is the one next to the surname.
        surname_at, first = 2, words[1]
        span = span.doc[words[1].i : span.end]  # the name's own words: their role, not the body's, tells the case
    else:
        surname_at, first = len(words) - 1, words[0]

    return _NameRoles(surname_at, first, patronymic, patr_at, given, span)


def _told_case(
    span: Span,
    surname_token: Token,
    first: Token | None,
    initials: list[Token],
    case: str | None,
    nominative_context: bool,
) -> tuple[str | None, bool, bool, str | None]:
    """The case the name's context tells, which overrules the one the tagger gave the surname: (the case, whether the
    context tells a nominative, whether it tells it of the whole name and not of the first name alone, the oblique
    case the first name or the post told)."""
    told_nominative = bool(
        nominative_context
        or (initials and (_starts_line(span) or _list_entry(span)))
        or _after_header_colon(span)  # «Докладчик: Иванова А.А.», a photo's credit «Фото: Наиля Хайруллина»
        or _before_nominative_post(span)
        or (
            first is not None
            and _first_name_token_case(first) == "Nom"
            and not _guessed_after_oblique_post(first, span)
            and not _womans_oblique_surname(first, surname_token)
        )
        or _conjoined_with_nominative(surname_token)
    )
    # A case the name's context tells the whole name has (not its first name alone) is its first name's too.
    whole_nominative = told_nominative and not (
        first is not None and _first_name_token_case(first) == "Nom" and not nominative_context
    )
    if not whole_nominative and (
        (span.root.i != surname_token.i and _conjoined_with_nominative(span.root))
        or _next_name_nominative(span)
        or _apposed_to_nominative_post(span)
    ):
        told_nominative = whole_nominative = True
    # «Людмилы Касьян», «Дороти Бус», «Ильды Бокассини»: no case ending to strip.
    told_nominative = told_nominative or _undeclined_shape(surname_token.text)
    # Only a case the tagger gave the surname is overruled: one it read as a nominative may be an
    # indeclinable surname («Андриану Канду»).
    told_case = None if told_nominative or case in (None, "Nom") else _declined_first_name_case(first)
    if told_case is None and not told_nominative and case == "Nom":
        told_case = _case_of_mans_first_name(first, surname_token, span)
    if told_nominative and not _never_nominative(surname_token):
        case = "Nom"
    elif told_case is not None:
        case = told_case  # «Мирославом Калоусеком»: the tagger read the surname's case alone, and wrongly
    return case, told_nominative, whole_nominative, told_case


def parse_name(
    span: Span,
    nominative_context: bool = False,
    titled: bool = False,
    title_gender: str | None = None,
    first_as_written: bool = False,
) -> NameParts | None:
    """Name parts of a PER span, or None when it names no surname (a bare first name, initials).

    `nominative_context`: the name stands in apposition to a nominative title («директор … А.С. Омурбекова»),
    so its case is known whatever the tagger says. `title_gender`: the gender the title before the name shows
    («исполняющая обязанности акима А. Ибраева»). `first_as_written`: the first name is a nominative as written
    («Дания Еспаева» in a list), whatever oblique form of another name it also reads as («Даний»)."""
    tokens = _name_tokens(span)
    if not tokens.words:
        return None
    roles = _name_roles(span, tokens, titled)
    if not isinstance(roles, _NameRoles):
        return roles
    words, initials, turkic = tokens.words, tokens.initials, tokens.turkic
    surname_at, first, patronymic, patr_at = roles.surname_at, roles.first, roles.patronymic, roles.patr_at
    given, span = roles.given, roles.span

    surname_token = words[surname_at]
    # Name parts agree in case; a list line names people in the nominative.
    case = _case(surname_token)
    if tokens.regnal is not None and len(words) == 1:
        return _regnal_name(surname_token, tokens.regnal, case)
    case, told_nominative, whole_nominative, told_case = _told_case(
        span, surname_token, first, initials, case, nominative_context
    )
    # The particle tells the gender of a Turkic patronymic; the father's name before it does not decline.
    gendered = gendered_surname(
        surname_token,
        first,
        turkic.get(patr_at, patronymic),
        case,
        span,
        title_gender,
        nominative_context,
        first_as_written,
    )
    gender = gendered.gender if gendered and gendered.certain else None
    if gendered:
        surname = gendered.nominative
    elif told_case is not None and case == told_case and first is not None:
        surname = _nominative(surname_token.text, case, (first.morph.get("Gender") or [None])[0], "surname")
    else:
        surname = nominative_part(surname_token, "surname", case)
    declined_a = None
    if not gendered and fold(surname) == fold(surname_token.text) and not told_nominative:
        declined_a = _genitive_of_a_surname(surname_token.text, first)
        surname = declined_a or surname

    def other_part(token: Token, part: str) -> str:
        if gendered is None:
            # A name the context tells is a nominative has its parts as written: «заведующая … Гулчехра Каримова»;
            # one whose case the first name's ending or the post told is in that case: «акима … Жениса Касымбека».
            told = told_case if told_case is not None and case == told_case else None
            if fold(surname_token.text).endswith(_OBLIQUE_SKIY_ENDINGS):
                # «Бартоломея Соханьского»: the surname's ending tells the whole name's case, whatever the first
                # name read as.
                return nominative_part(token, part, case)
            return nominative_part(token, part, "Nom" if nominative_context or whole_nominative else told)
        if part == "first" and gendered.gender == "Fem":
            unknown = _unknown_womans_name(token.text, gendered.cases)
            if unknown is not None:
                return unknown
        return _nominative(token.text, gendered.case, gendered.gender, part)

    prefix = tokens.particles.get(surname_at, [])
    apart = None
    if prefix and all(fold(t.text) in lexicons.load("name_particles_apart") for t in prefix):
        apart = " ".join(t.text for t in prefix)  # «Билл де Блазио»: the surname is «Блазио»
    elif prefix:
        surname = " ".join([*(t.text for t in prefix), surname])  # «Усама бин Ладен»
    irish = tokens.glued.get(surname_at, [])
    if irish:
        surname = "".join(t.text for t in irish) + surname
    keys = {fold(surname), fold(surname_token.text)}
    if _opens_with_article(surname_token):
        keys.add(fold(surname.partition("-")[2]))  # «аль-Багдади» is «Багдади» too
    if not initials and patronymic is None:
        # «Мигель Диас-Канель Бермудес»: any word but a known first name may be what the text
        # elsewhere calls the person by.
        # (An East Asian given name is not: a text calling «Си Цзиньпин» «Цзиньпин» names him by it.)
        keys |= {fold(nominative_part(w, "surname")) for w in words[1:] if not is_first_name(w.text) and w not in given}
    used = [surname_token, *prefix, *irish, *initials, *given, *(t for t in (first, patronymic) if t is not None)]
    patronymic_text = other_part(patronymic, "patronymic") if patronymic is not None else None
    if patronymic is not None and patr_at in turkic:
        used.append(turkic[patr_at])
        patronymic_text = f"{patronymic.text} {turkic[patr_at].text}"
    middle = _middle(words, initials, tokens, roles, other_part)
    if middle is not None:
        used.extend(words[1:surname_at])
        initials = []  # a middle initial is the middle name's, not the first name's and patronymic's
    if initials:
        # The dot after the last initial belongs to the name.
        last = max(initials, key=lambda t: t.i)
        if last.i + 1 < len(span.doc) and span.doc[last.i + 1].text == ".":
            used.append(span.doc[last.i + 1])
    return NameParts(
        surname=surname,
        first_name=other_part(first, "first") if first is not None else _given_name(given),
        patronymic=patronymic_text,
        initials="".join(f"{t.text}." for t in sorted(initials, key=lambda t: t.i)) or None,
        particles=apart,
        surname_as_written=(
            fold(surname) == fold(surname_token.text) if gendered else case in (None, "Nom") and not declined_a
        ),
        surname_keys=frozenset(keys | {fold(other_gender(surname)), fold(_other_adjectival(surname))}),
        gender=gender,
        start=min(t.idx for t in used),
        end=max(t.idx + len(t) for t in used),
        surname_first=bool(given),
        middle=middle,
    )


def _middle(
    words: list[Token],
    initials: list[Token],
    tokens: _NameTokens,
    roles: _NameRoles,
    other_part: Callable[[Token, str], str],
) -> str | None:
    """What stands between a first name that opens the name and the surname that closes it, with no patronymic:
    a middle initial («Джон Ф. Кеннеди»), middle names («Роберт Габриэль Мугабе») or a first surname («Габриэль
    Гарсиа Маркес»), in the nominative and in text order, particles included («Хамад бен Джасем Аль Тани»)."""
    if roles.first is not words[0] or roles.surname_at != len(words) - 1 or roles.patronymic is not None:
        return None
    if initials and tokens.initials_at == 1 and len(words) == 2:
        return "".join(f"{t.text}." for t in initials)
    if initials or len(words) < 3:
        return None
    if not reads_as_first_name(words[0].text) and reads_as_first_name(words[1].text):
        # «джамоата Фондарё Мехрангез Сафарзода», «в административной единице Садахло Эльвин Гасанов»: a word that
        # reads as no first name before one that does is as often a place or a body run into the name as a first
        # name of its own; its middle is not taken on that guess.
        return None
    between = words[1 : roles.surname_at]
    if any(fold(w.text) in lexicons.load("person_not_names") for w in between):
        return None  # «велаятского Халк Маслахаты Бяшим Акмурадов»: a body's name run in before the person's
    last = between[-1].text
    if (
        len(between) >= 2
        and is_first_name(last)
        and not looks_like_surname(last)
        and fold(last) not in lexicons.load("name_particles")  # «Хамад бен Джасем Аль Тани»: «Аль» is no first name
    ):
        return None  # «Рафаэль Корреа Эдвард Сноуден»: a first name before the surname opens a name of its own
    if fold(words[roles.surname_at - 1].text) in lexicons.load("name_particles_apart"):
        return None  # «Роберта Де Ниро»: a capitalised particle is the surname's, catalogued apart, not a middle name
    parts: list[str] = []
    for at in range(1, roles.surname_at):
        word = words[at]
        parts.extend(t.text for t in tokens.particles.get(at, []))
        parts.append(other_part(word, "first" if is_first_name(word.text) else "surname"))
    return " ".join(parts)


# A Chinese or Korean given name's last syllable ends in a vowel, «-н», «-нь» or «-й»; those in «-н» and «-нь»
# decline as masculine nouns: «Ли Кэцяном», «Хань Чжэна», «Ван Цишаню». «-ном», «-не», «-ня», «-нем» end no
# syllable; «-на», «-ну», «-ню» do (На, Ню), and are taken for endings only where the tagger reads an oblique case.
_GIVEN_OBLIQUE = re.compile(r"(?<=н)(?P<hard>ом|е|(?P<hard_either>а|у))$|(?<=н)(?P<soft>я|ем|(?P<soft_either>ю))$")


def _given_name(given: list[Token]) -> str | None:
    """«Ли Кэцян», «Пан Ги Мун»: the given name after an East Asian surname, as written but for a case ending of its
    last syllable. Kept so that two people of one common surname (Ли Кэцян and Ли Чжаньшу) stay two."""
    if not given:
        return None
    last = given[-1]
    if len(given) == 1 and is_first_name(last.text):
        return nominative_part(last, "first")  # «Ли Анастасии»: a Russian first name after a Korean surname declines
    word = last.text
    ending = _GIVEN_OBLIQUE.search(word)
    either = ending is not None and (ending.group("hard_either") or ending.group("soft_either"))
    if ending is not None and (not either or _case(last) not in (None, "Nom")):
        word = word[: ending.start()] + ("ь" if ending.group("soft") else "")
    return " ".join([*(t.text for t in given[:-1]), word])


def _body_kind(word: str) -> bool:
    """«Кенгаша», «Совета», «Маслихата»: a body's kind (`org_heads`), singular (the plural «Советов» is a surname)."""
    bodies = lexicons.load("org_heads")
    return any(fold(p.normal_form) in bodies and p.tag.number != "plur" for p in loading.parse(fold(word)))


def _fathers_name_as_surname(words: list[Token], at: int, particle: Token) -> NameParts:
    """«Бакыт Эрмек уулу», «Эсенбек уулу Нурлан»: a Kyrgyz or Kazakh name with no surname of its own; the father's
    name with its particle stands for one, as the text writes it (it does not decline)."""
    father = words[at]
    first = next((w for i, w in enumerate(words[:2]) if i != at), None)
    surname = f"{father.text} {particle.text}"
    used = [father, particle, *([first] if first is not None else [])]
    gender = _TURKIC_PATRONYMIC_GENDER.get(fold(particle.text))
    return NameParts(
        surname=surname,
        first_name=_sons_first_name(first)
        if first is not None and gender == "Masc"
        else (nominative_part(first, "first") if first is not None else None),
        surname_as_written=True,
        surname_keys=frozenset({fold(surname), fold(father.text)}),
        gender=gender,
        start=min(t.idx for t in used),
        end=max(t.idx + len(t) for t in used),
    )


def _sons_first_name(first: Token) -> str:
    """«инициатива Нурланбека Тургунбек уулу»: «son of» tells a man, and a man's name ending in the genitive's and
    accusative's «-а» alone (the dictionary knows no nominative of it) is in those cases, which share a nominative."""
    if _case(first) in (None, "Nom") and {case for case, _ in _first_name_readings(first.text)} == {"Gen", "Acc"}:
        return _nominative(first.text, "Gen", "Masc", "first")
    return nominative_part(first, "first")


# Letter pairs the Russian spelling of Chinese syllables has (Цзиньпин, Чжаньшу) and no Russian surname: a given
# name so spelled is no -ин surname («Си Цзиньпин» is named surname first).
_CHINESE_SPELLING = re.compile(r"цз|чж")


# A doubled consonant, which the Russian spelling of Chinese and Korean syllables does not have either («Ян Веллен»).
_DOUBLED_CONSONANT = re.compile(r"([бвгджзклмнпрстфхцчшщ])\1")


def _western_order(words: list[Token]) -> bool:
    """«Хуан Кинтеро», «Хуан Себастьян Верон», «Ян Веллен»: a European first name that is a Chinese surname too,
    before words with an «р» or a doubled consonant, which the Russian spelling of Chinese and Korean syllables does
    not have."""
    return is_first_name(words[0].text) and any(
        "р" in fold(w.text) or _DOUBLED_CONSONANT.search(fold(w.text)) for w in words[1:]
    )


# A Tajik surname in «-зода» («son of») declines as a noun in -а; its oblique forms end so and no nominative does.
_TAJIK_OBLIQUE = re.compile(r"зод(?:е|у|ой|ы)$", re.IGNORECASE)
_TAJIK_NOMINATIVE = "зода"


def _genitive_of_a_surname(word: str, first: Token | None) -> str | None:
    """An -а surname in the genitive after a first name whose own ending shows the genitive: «Джейкоба Зумы»
    → Зума, «Андрея Кандыбы» → Кандыба, «Хорхе» no. The tagger reads such an unknown surname as a
    nominative; -ы is a nominative of no surname (-и is: Ходжаджи, Исхаки)."""
    tajik = _TAJIK_OBLIQUE.search(word)
    if tajik and word.isalpha():
        return word[: tajik.start()] + "зода"  # «Фирдавсу Назарзоде», «Назарзодой», «Назарзоды»
    if first is None:
        return None
    readings = _first_name_readings(first.text)
    if "Gen" not in {case for case, _ in readings}:
        return None
    if _declined_first_name_case(first) is None and not fold(first.text).endswith(("а", "я", "ы", "и")):
        return None
    w = fold(word)
    if len(w) < 4 or not word.isalpha():
        return None
    if w.endswith("ы") and w[-2] not in "аеёиоуыэюяй":
        return word[:-1] + "а"
    # «Руслана Вакулю», «Василия Небензю»: a man's -я surname in the accusative, which his first name's -а/-я shows (-у
    # is left alone: Moldovan surnames end so in the nominative, «Иона Морару»).
    if ("Acc", "Masc") in readings and w.endswith("ю") and w[-2] not in "аеёиоуыэюяйь" and not _nominative_form(w):
        return word[:-1] + "я"
    # «Геннадия Лукьяновича Ерёму»: an -у the dictionary knows as the accusative of a man's -а name (a Moldovan «-у»
    # surname it does not know stays).
    if ("Acc", "Masc") in readings and w.endswith("у") and _known_accusative_of_a(w):
        return word[:-1] + "а"
    return None


def _known_accusative_of_a(word: str) -> bool:
    parses = [p for p in loading.parse(word) if p.is_known]
    return (
        bool(parses)
        and all(p.tag.case != "nomn" for p in parses)
        and any(
            p.tag.case == "accs" and p.normal_form.endswith("а") and {"Name", "Surn"} & p.tag.grammemes for p in parses
        )
    )


def _nominative_form(word: str) -> bool:
    return any(p.is_known and p.tag.case == "nomn" for p in loading.parse(word))


# Case endings of a patronymic: (ending, case, gender); it tells the whole name's case and gender.
_PATRONYMIC_FORMS = (
    ("ичем", "Ins", "Masc"),
    ("ича", "Gen", "Masc"),
    ("ича", "Acc", "Masc"),
    ("ичу", "Dat", "Masc"),
    ("иче", "Loc", "Masc"),
    ("ич", "Nom", "Masc"),
    ("ной", "Ins", "Fem"),
    ("ны", "Gen", "Fem"),
    ("не", "Dat", "Fem"),
    ("не", "Loc", "Fem"),
    ("ну", "Acc", "Fem"),
    ("на", "Nom", "Fem"),
)
_TURKIC_PATRONYMIC_GENDER = {
    "оглы": "Masc",
    "оглу": "Masc",
    "улы": "Masc",
    "уулу": "Masc",
    "угли": "Masc",
    "кызы": "Fem",
    "гызы": "Fem",
    "қызы": "Fem",
    "кизи": "Fem",
}
# The Russian declension of -ов/-ев/-ин surnames, which Kazakh, Kyrgyz and Uzbek surnames follow:
# (ending after the stem, case, gender). The stem ends in -ов, -ев, -ёв, -ин or -ын.
_SURNAME_FORMS = (
    ("", "Nom", "Masc"),
    ("а", "Gen", "Masc"),
    ("а", "Acc", "Masc"),
    ("у", "Dat", "Masc"),
    ("ым", "Ins", "Masc"),
    ("е", "Loc", "Masc"),
    ("а", "Nom", "Fem"),
    ("ой", "Gen", "Fem"),
    ("ой", "Dat", "Fem"),
    ("у", "Acc", "Fem"),
    ("ой", "Ins", "Fem"),
    ("ой", "Loc", "Fem"),
)
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_OC_TO_CASE = {v: k for k, v in _OC_CASE.items()}
Reading = tuple[str, str]  # (case, gender)


def _surname_readings(word: str) -> dict[Reading, str]:
    """Each (case, gender) an -ов/-ин surname form can have, with its nominative: «Хамидову» is
    the dative of Хамидов or the accusative of Хамидова."""
    return dict(_surname_reading_items(word))


@lru_cache(maxsize=50_000)
def _surname_reading_items(word: str) -> tuple[tuple[Reading, str], ...]:
    w = fold(word)
    found: dict[Reading, str] = {}
    for ending, case, gender in _SURNAME_FORMS:
        stem = word[: len(word) - len(ending)]
        if w.endswith(ending) and fold(stem).endswith(_SURNAME_STEMS) and len(stem) > 3:
            found[(case, gender)] = stem + ("а" if gender == "Fem" else "")
    return tuple(found.items())


def _patronymic_readings(word: str) -> set[Reading]:
    w = fold(word)
    for suffix, gender in _TURKIC_PATRONYMIC_GENDER.items():
        if w.endswith(suffix):
            return {(case, gender) for case in _OC_CASE}
    return {(case, gender) for ending, case, gender in _PATRONYMIC_FORMS if w.endswith(ending)}


def _first_name_readings(word: str) -> set[Reading]:
    if is_womans_first_name(word):
        return {(case, "Fem") for case in _OC_CASE}  # «Сауле», «Жанар»: any case, as written
    found = set()
    for tag, _, _ in _parse_tags(fold(word)):
        if "Name" not in tag or "sing" not in tag:
            continue
        grams = set(tag.replace(" ", ",").split(","))
        gender = "Fem" if "femn" in grams else "Masc" if "masc" in grams else None
        case = next((_OC_TO_CASE[g] for g in grams if g in _OC_TO_CASE), None)
        if gender and case:
            found.add((case, gender))
    if not found:
        # A Central Asian man's name pymorphy does not know, declined like a hard noun: Улана, Асанбеку.
        w = fold(word)
        for case, endings in _FOREIGN_MASC_ENDINGS.items():
            if any(w.endswith(e) and w[: -len(e)] in _first_names() for e in endings):
                found.add((case, "Masc"))
    return found


# A woman's first name in -а/-я in an oblique case: (ending, the cases it ends, the nominative's ending).
_WOMANS_NAME_ENDINGS = (
    ("ии", ("Gen", "Dat", "Loc"), "ия"),
    ("ией", ("Ins",), "ия"),
    ("ию", ("Acc",), "ия"),
    ("ы", ("Gen",), "а"),
    ("е", ("Dat", "Loc"), "а"),
    ("у", ("Acc",), "а"),
    ("ой", ("Ins",), "а"),
)


def _unknown_womans_name(word: str, cases: tuple[str, ...]) -> str | None:
    """«Дилнозе Абдуллаевой» → Дилноза: a woman's first name the dictionary does not know, in an oblique case her
    surname allows, declines as every woman's name in -а/-я does. Not one it knows (Марии), nor one that does not
    decline (Сауле, Айсулу, `person_women_first_names`)."""
    w = fold(word)
    if not word.isalpha() or len(w) < 4 or is_womans_first_name(word) or _first_name_readings(word):
        return None
    for ending, endings_cases, nominative in _WOMANS_NAME_ENDINGS:
        if w.endswith(ending) and any(c in cases for c in endings_cases):
            return recover_shape(word[: len(word) - len(ending)] + nominative, word)
    return None


def _genitive_only_readings(word: str) -> set[Reading]:
    """«Абдылды Кулматова»: a first name the dictionary does not know, ending in «-ы» after a consonant, is an -а
    name's genitive (a man's or a woman's: Абдылда, Гульнара); no first name ends so in the nominative."""
    w = fold(word)
    if len(w) < 4 or not w.endswith("ы") or not _CONSONANT_FINAL.search(w[:-1]) or _dictionary_first_name(word):
        return set()
    return {("Gen", "Masc"), ("Gen", "Fem")}


def _first_name_readings_in_name(word: str) -> set[Reading]:
    """A first name's readings beside a surname. One ending in a consonant that the dictionary knows as no man's may
    be a woman's in any case, for a woman's such name does not decline: «Жанар Даулетбаева», «Умбеткан Мамытовой»
    (a man's would take the surname's case ending: «Жанара Даулетбаева»)."""
    found = _first_name_readings(word)
    if _CONSONANT_FINAL.search(fold(word)) and not _known_mans_name(word):
        found |= {(case, "Fem") for case in _OC_CASE}
    return found


def _oblique_reading_of_a_listed_name(word: str) -> bool:
    """«Феруза», «Парвина»: a name the name list has as a nominative of its own, which the dictionary reads only as a
    man's name in an oblique case (Феруз's genitive) that it has never seen used (its readings equally likely);
    «Сергея» is no list's name, and «Владимира», «Ивана» are the forms of men's names the dictionary has seen."""
    if fold(word) not in _first_names() or any(c == "Nom" for c, _ in _first_name_readings(word)):
        return False
    scores = {score for _, score, _ in _parse_tags(fold(word))}
    return len(scores) == 1


@lru_cache(maxsize=20_000)
def _dictionary_first_name(word: str) -> bool:
    """A first name the dictionary knows, with its gender and cases (not only pymorphy's guess from its ending; the
    name list knows a name but not its gender: «Айана»)."""
    return is_womans_first_name(word) or any(p.is_known and "Name" in p.tag for p in loading.parse(fold(word)))


@lru_cache(maxsize=20_000)
def _known_mans_name(word: str) -> bool:
    """The dictionary knows the word as a man's first name and as no woman's (Нурлан, Габит; not Жанар, a guess)."""
    if is_womans_first_name(word):
        return False
    parses = [p for p in loading.parse(fold(word)) if p.is_known and "Name" in p.tag and p.tag.number == "sing"]
    return bool(parses) and all(p.tag.gender == "masc" for p in parses)


def _verb_gender(token: Token) -> str | None:
    """The gender of the past-tense verb a name is the subject of: «Рахимова сообщила», and of one a name in
    apposition to the subject is («Министр … Айана Тоюшева доложила»: the post's noun is masculine whoever holds it)."""
    if token.dep_ == "appos" and token.head.i < token.i and token.head.dep_.startswith("nsubj"):
        token = token.head
    head = token.head
    if not token.dep_.startswith("nsubj") or head.i == token.i:
        return None
    gender = head.morph.get("Gender")
    # Only the past tense and short forms agree in gender: «сообщила», «избрана».
    agrees = "Past" in head.morph.get("Tense") or "Short" in head.morph.get("Variant")
    if agrees and head.pos_ in ("VERB", "AUX", "ADJ") and "Sing" in head.morph.get("Number") and len(gender) == 1:
        return gender[0]
    return None


def _verb_before_gender(span: Span) -> str | None:
    """«Стенографировала О.П. Лагутина», «Протокол вёл И.И. Петров» at a line's start: a past-tense verb just before
    the name that the tagger took for a name (capitalised) or left unlinked; the dictionary's only reading tells the
    gender."""
    if span.start == 0:
        return None
    doc = span.doc
    before = doc[span.start - 1]
    # «Стенограмму вела: Т.В. Лыткина»: a signature line's field, its verb before a colon after the line's first word.
    field = before.text == ":" and before.i > 1 and doc[before.i - 1].is_lower and doc[before.i - 1].is_alpha
    if field:
        before = doc[before.i - 1]
    # Only a verb opening its line (a signature), capitalised: «оставила Арканова» has the name as its object.
    opens_line = before.i == 0 or "\n" in doc[before.i - 1].text or "\n" in doc[before.i - 1].whitespace_
    second = before.i > 1 and ("\n" in doc[before.i - 2].text or "\n" in doc[before.i - 2].whitespace_)
    if not ((before.is_title and opens_line) or (field and second and doc[before.i - 1].is_alpha)):
        return None
    parses = [p for p in loading.parse(fold(before.text)) if p.is_known]
    genders = {str(p.tag.gender) for p in parses if p.tag.POS == "VERB" and "past" in p.tag and "sing" in p.tag}
    if not parses or not all(p.tag.POS == "VERB" for p in parses) or len(genders) != 1:
        return None
    return {"femn": "Fem", "masc": "Masc"}.get(genders.pop())


def _verb_after_gender(span: Span) -> str | None:
    """«Председатель … организации Алесь Дубина рассказал»: a past-tense verb right after the name, in the singular
    and one gender, that the parser did not link to it (it hung the name on the body before it). Asked only where
    the name's first name is a nominative the dictionary knows, so the name can be the verb's subject."""
    if span.end >= len(span.doc):
        return None
    after = span.doc[span.end]
    gender = after.morph.get("Gender")
    if after.pos_ not in ("VERB", "AUX") or "Past" not in after.morph.get("Tense") or len(gender) != 1:
        return None
    return gender[0] if "Sing" in after.morph.get("Number") else None


@dataclass(frozen=True)
class _Gendered:
    nominative: str
    case: str
    gender: str
    certain: bool  # the name's words or its verb tell the gender; not a guess from the case
    cases: tuple[str, ...] = ()  # every case the surname's form leaves, the first name's to choose from


# The case a name's syntactic role gives it, where the tagger's morphology may disagree.
_CASE_OF_DEP = {"obj": "Acc", "iobj": "Dat", "nsubj": "Nom", "nsubj:pass": "Nom"}
_CONJUNCTS = 8  # names of one list back to its first


def _role(token: Token) -> str:
    """The syntactic role of the list of names a name is a conjunct of («избрать Зуева П.П., Исламову Л.Р.»: an
    object, so an accusative, however the tagger read the later name), or the name's own. A list whose first conjunct
    is no name is none: «Подводя итоги, Г. Асылбекова подчеркнула» has the name hung on «итоги» by the parser."""
    for _ in range(_CONJUNCTS):
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token.dep_ if token.ent_type_ == "PER" else ""


def gendered_surname(
    surname: Token,
    first: Token | None,
    patronymic: Token | None,
    case: str | None,
    span: Span,
    title_gender: str | None = None,
    nominative_context: bool = False,
    first_as_written: bool = False,
) -> _Gendered | None:
    """The nominative, case and gender of an -ов/-ин surname when the name tells its gender, else None.

    The surname's ending, the first name's and the patronymic's readings must agree; the tagger's
    case only breaks a tie they leave («Азизу Хамидову»: Азиз Хамидов or Азиза Хамидова)."""
    readings = _surname_readings(surname.text)
    if not readings:
        return None
    told = False
    # In an oblique case's place a first name with no case ending tells nothing: a text may leave a man's undeclined
    # («под председательством Талант Мамытова»), and a woman's -ова would there be -овой.
    first_reader = _first_name_readings if _oblique_role(span) else _first_name_readings_in_name
    # «ГУСЕЙНОВА Л.Э. Подрядчик не выполнил …»: a turn's label opening its line is no subject of the speech's verb.
    label = _starts_line(span) and any(_is_initial(t) for t in span)
    subject = None if label or _right_after_oblique_post(span) else _verb_gender(span.root) or _verb_before_gender(span)
    if subject is not None and first is not None and _dictionary_first_name(first.text):
        # («заместительница Сергея Собянина назначена»: a known first name in an oblique case is no subject's, however
        # the parser hung the name. Unless the name is in apposition to the subject's post in the nominative:
        # «Генеральный директор ОАО «…» Парвина Шодмонбекова доложила», a woman's name the dictionary knows only as
        # an oblique form of a man's, Парвин.)
        # (A form the name list has as a name of its own is a nominative too, whatever oblique man's name the dictionary
        # reads it as: «Феруза Абдуллаева предложила» is hers, not Феруз's genitive; «Сергея» is no list's name.)
        nominative = (
            any(c == "Nom" for c, _ in _first_name_readings(first.text))
            or _oblique_reading_of_a_listed_name(first.text)
            or _apposed_to_nominative_post(span)
        )
        subject = subject if nominative else None
    nominative_first = (
        first is not None
        and _dictionary_first_name(first.text)
        and {c for c, _ in _first_name_readings(first.text)} == {"Nom"}
    )
    if nominative_first and not label:
        subject = subject or _verb_after_gender(span)
        if subject is not None and patronymic is None and ("Nom", subject) not in readings:
            # (A known first name that only a nominative reads as, and its verb's gender, leave the surname no -ов/-ин
            # reading: «Алесь Дубина рассказал», whatever case the body before the name suggests.)
            return None
    # («главы района Церена Эрдниева»: a first name the dictionary does not know is read by a guess, which the case of
    # the post it stands in apposition to outweighs.)
    if first is not None and not nominative_context and _guessed_after_oblique_post(first, span):
        first = None
    unknown_first = (
        first is not None
        and patronymic is None
        and (not _dictionary_first_name(first.text) or _oblique_reading_of_a_listed_name(first.text))
    )
    if nominative_context and unknown_first and (nominatives := {r: n for r, n in readings.items() if r[0] == "Nom"}):
        # A name the context puts in the nominative («Мяхри Чарыева – о нехватке …») has its surname as written:
        # an -ова there is a woman's, whatever a first name the dictionary does not know is guessed as (one it
        # knows, or a patronymic, tells the case itself).
        readings, told = nominatives, len({g for _, g in nominatives}) == 1
    # A patronymic tells the gender for certain; then the agreement of the verb the name is the subject of (so a
    # nominative), before a first name the dictionary may know only as a man's in an oblique case («Айана Тоюшева
    # доложила»: Айан's genitive, or her nominative).
    relative = _relative_gender(span)
    tellers = (
        (False, _patronymic_readings(patronymic.text) if patronymic is not None else None),
        (False, {("Nom", subject)} if subject is not None else None),
        (False, {(c, relative) for c in _OC_CASE} if relative is not None else None),
        (True, (first_reader(first.text) or _genitive_only_readings(first.text)) if first is not None else None),
    )
    for by_first_name, tells in tellers:
        if tells is None:
            continue
        narrowed = {r: n for r, n in readings.items() if r in tells}
        if by_first_name and not nominative_context and _nominative_against_apposed_post(narrowed, readings, span):
            continue
        if narrowed and first_as_written and by_first_name and all(c != "Nom" for c, _ in narrowed):
            continue  # «Дания Еспаева» in a list of nominatives: no oblique reading of the first name («Даний») is hers
        if narrowed:
            readings, told = narrowed, True
    # (A subject with no nominative of its verb's gender is no -ов surname's: «Максим Олегович Дубина рассказал».)
    if title_gender is not None:
        narrowed = {r: n for r, n in readings.items() if r[1] == title_gender}
        if narrowed:
            readings, told = narrowed, True
    if not told and span.root.dep_ == "conj" and (role_case := _CASE_OF_DEP.get(_role(span.root))) is not None:
        # «избрать в правление Зуева П.П., Исламову Л.Р.»: a later name of a list shares the list's case, which its
        # role tells (an object's accusative), whatever the tagger read the name alone as.
        narrowed = {r: n for r, n in readings.items() if r[0] == role_case}
        if narrowed and len({g for _, g in narrowed}) == 1:
            readings, told = narrowed, True
    undeclined_man = first is not None and ("Nom", "Masc") in _first_name_readings(first.text)
    if not told and undeclined_man and patronymic is None and _known_mans_name(first.text) and _oblique_role(span):
        # «отчет акима округа Габит Мауленкулова»: a man's first name the text left undeclined, in an oblique case's
        # place; his name tells the gender where its form agrees with no form of the surname (in a nominative's place
        # the -ова is a woman's, whose name the dictionary may take for a man's: Карлыгаш, Акмарал).
        narrowed = {r: n for r, n in readings.items() if r[1] == "Masc"}
        if narrowed:
            readings, told = narrowed, True
    # «А. Араповым», «А.П. Остроумовой», «Мариям Сейдалиевой»: with nothing else to tell it (no first name, or one the
    # dictionary does not know), the -ым or -ой ending tells the gender (one after a man's first name is his
    # adjectival surname: «Дмитрий Гуртовой»).
    unknown_first = first is None or not _first_name_readings(first.text)
    alone = unknown_first and patronymic is None and fold(surname.text).endswith(("ым", "ой"))
    # «отчет руководителя отдела А. Нурмуханова»: in apposition to a post in an oblique case the name shares that
    # case, which may leave one gender («руководителя … Нурмуханова» is his genitive, not her nominative).
    post_case = _oblique_post_case(span) if not (told or nominative_context) else None
    if len({g for _, g in readings}) == 1 or post_case not in {c for c, _ in readings}:
        post_case = None  # the post's case chooses only between a man's and a woman's reading of the form
    if not told and not (alone and len({g for _, g in readings}) == 1) and post_case is None:
        return None
    # Only a gender the name's own words tell is the person's; one a case guess picked is this mention's.
    certain = (told or alone) and len({g for _, g in readings}) == 1
    for hint in (post_case, _CASE_OF_DEP.get(span.root.dep_), case):
        if len({g for _, g in readings}) == 1:
            break
        by_case = {r: n for r, n in readings.items() if r[0] == hint}
        readings = by_case or readings
    if len({g for _, g in readings}) != 1 or len(set(readings.values())) != 1:
        return None
    (case, gender), nominative = min(readings.items(), key=lambda item: list(_OC_CASE).index(item[0][0]))
    # pymorphy's form, where it agrees, restores the ё the text left out: Соловьева → Соловьёв.
    known = _nominative(surname.text, case, gender, "surname")
    nominative = known if fold(known) == fold(nominative) else nominative
    cases = tuple(c for c in _OC_CASE if (c, gender) in readings)
    return _Gendered(nominative.title() if surname.text.isupper() else nominative, case, gender, certain, cases)


# «…, которая сообщила»: the relative pronoun right after a name agrees with it in gender.
_RELATIVE_GENDER = {"которая": "Fem", "который": "Masc"}


def _relative_gender(span: Span) -> str | None:
    """«выступила заместитель хокима … Феруза Рахимова, которая сообщила»: the relative clause opening right after the
    name tells its gender (whatever man's name in an oblique case the dictionary reads the first name as: Феруз)."""
    doc, at = span.doc, span.end
    if at + 1 >= len(doc) or doc[at].text != ",":
        return None
    return _RELATIVE_GENDER.get(doc[at + 1].lower_)


def _nominative_against_apposed_post(narrowed: dict, readings: dict, span: Span) -> bool:
    """«принял главу района Эльвина Пашаева»: the first name reads only as a woman's nominative («Эльвина»), but the
    name stands in apposition to a post in the accusative, where a woman's name would be «Эльвину Пашаеву»; the
    first name is a man's the dictionary does not know (Эльвин), and the surname's reading in the post's case is
    the one (Пашаев)."""
    if not narrowed or any(case != "Nom" for case, _ in narrowed):
        return False
    # Only a post whose accusative shows it («главу», «судью»; not «председателя», which a genitive shares and after
    # which a text may leave a name undeclined).
    post_case = _oblique_post_case(span, apposed_only=True)
    head = span.root.head
    shown = post_case == "Acc" and fold(head.text).endswith(("у", "ю"))
    return shown and any(case == post_case for case, _ in readings)


def _oblique_post_case(span: Span, apposed_only: bool = False) -> str | None:
    """The oblique case of the post the name stands in apposition to, right before it: «руководителя отдела
    А. Нурмуханова» (genitive), «акиму района Т. Осмоновой» (dative); a noun's modifier with no preposition is a
    genitive."""
    root = span.root
    head = root.head
    # A post the parser sets the name in apposition to may stand far before it, past its body's long name:
    # «председателя Агентства продовольственной безопасности Азербайджанской Республики (AQTA) Тогрула Мехтиева».
    reach = _APPOSED_REACH if root.dep_ == "appos" else _POST_REACH
    if head.i >= span.start or span.start - head.i > reach:
        return None
    if (
        not apposed_only
        and root.dep_ == "nmod"
        and head.pos_ == "NOUN"
        and not any(child.dep_ == "case" for child in root.children)
    ):
        return "Gen"  # the parser hangs it on the post's body: «руководителя отдела А. Нурмуханова»
    if root.dep_ != "appos":
        return None
    heads = _post_heads()
    case = head.morph.get("Case")
    # «память почётного гражданина района Тургана Жумабекова»: a title of a person (an animate noun) no post lexicon
    # lists is a head the name agrees with all the same.
    person_noun = head.pos_ == "NOUN" and "Anim" in head.morph.get("Animacy")
    if (
        len(case) != 1
        or case[0] == "Nom"
        or not (fold(head.lemma_) in heads or fold(head.text) in heads or person_noun)
    ):
        return None
    return case[0]


def _right_after_oblique_post(span: Span) -> bool:
    """«заслушана информация министра В. Ковалёва»: a name right after a post in the singular that reads in no
    nominative stands in apposition to it and shares its oblique case, whatever verb the parser made it the subject
    of."""
    if span.start == 0:
        return False
    post = span.doc[span.start - 1]
    if not (post.is_lower and post.is_alpha) or fold(post.lemma_) not in _post_heads():
        return False
    # (A plural is a body's word, not the person's post: «Кенгаше народных депутатов Озода Рахимбердиева».)
    parses = _noun_parses(post.lower_)
    return bool(parses) and all(p.tag.case not in ("nomn", None) and p.tag.number == "sing" for p in parses)


def _oblique_role(span: Span) -> bool:
    """The name stands where an oblique case goes: a noun's modifier, an object, or in apposition to a post in an
    oblique case («отчет акима округа Габит Мауленкулова»)."""
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        case = root.head.morph.get("Case")
        return bool(case) and case != ["Nom"]
    return root.dep_ in ("nmod", "obj", "iobj", "obl")


def _other_adjectival(surname: str) -> str:
    """«Бережного» is «Бережной» or «Бережный»: an adjectival surname read from an oblique case, in the other
    nominative ending."""
    w = fold(surname)
    if w.endswith("ый") and len(w) > 4:
        return surname[:-2] + "ой"
    if w.endswith("ой") and len(w) > 4:
        return surname[:-2] + "ый"
    return surname


def other_gender(surname: str) -> str:
    """The same -ов/-ин surname in the other gender: Юсупов ↔ Юсупова."""
    w = fold(surname)
    if w.endswith(_SURNAME_STEMS) and len(w) > 3:
        return surname + "а"
    if w.endswith(tuple(s + "а" for s in _SURNAME_STEMS)) and len(w) > 4:
        return surname[:-1]
    return surname


_SKIY_ENDINGS = {"Masc": ("ский", "цкий"), "Fem": ("ская", "цкая")}


def nominative_gender(surname: str) -> str | None:
    """The gender a surname in the nominative tells by its ending («Кадырова», «Ковальская» a woman's; «Кадыров»,
    «Ковальский» a man's), None for one that tells none («Шевченко», «Ким»)."""
    w = fold(surname)
    if w.endswith(tuple(s + "а" for s in _SURNAME_STEMS) + _SKIY_ENDINGS["Fem"]):
        return "Fem"
    if w.endswith(_SURNAME_STEMS + _SKIY_ENDINGS["Masc"]):
        return "Masc"
    return None


def with_gender(surname: str, gender: str | None) -> str:
    """An -ов/-ин surname in the given gender; other surnames as they are."""
    w = fold(surname)
    feminine = w.endswith(tuple(s + "а" for s in _SURNAME_STEMS))
    if (gender == "Fem" and w.endswith(_SURNAME_STEMS)) or (gender == "Masc" and feminine):
        return other_gender(surname)
    return surname


def is_adjective(word: str) -> bool:
    """Every pymorphy reading of `word` is an adjective or participle, none a surname: «Уважаемый»."""
    tags = [tag for tag, _, _ in _parse_tags(fold(word))]
    # A word that is nothing but a short adjective is no attribute of a name: «Фризен», «Красен» are surnames.
    return (
        bool(tags)
        and all(t.startswith(("ADJF", "ADJS", "PRTF")) and "Surn" not in t for t in tags)
        and not all(t.startswith("ADJS") for t in tags)
    )


def _possessive_form(word: str) -> bool:
    """«Кощееву», «Ильину»: a capitalised word the dictionary reads only as a possessive adjective (of «Кощей», of
    «Илья») has the -ов/-ев/-ин shape of a surname."""
    tags = [tag for tag, _, _ in _parse_tags(fold(word))]
    return word[:1].isupper() and bool(tags) and all("Poss" in t for t in tags)


def could_be_name(word: str) -> bool:
    """pymorphy or Natasha's name lists know `word` as a name, or it is not an adjective at all."""
    w = fold(word)
    tags = [tag for tag, _, _ in _parse_tags(w)]
    if w in _surnames() or w in _first_names() or any("Surn" in t or "Name" in t for t in tags):
        return True
    return not all(t.startswith(("ADJF", "ADJS", "PRTF")) for t in tags)
