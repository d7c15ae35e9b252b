"""A person's name split into parts, each in the nominative: the grammar of name shapes.

Shapes handled (tokens as razdel gives them): `Н.С. Базарбаев`, `А.С.Иванов`, `Омурбекова А.С.`,
`ПЕТРОВ П.П.`, `Нурбек Базарбаев`, `Жээнбеков Сооронбай Шарипович`, `Владимир Вольфович Жириновский`,
`Усама бин Ладен`, `Пан Ги Мун`. A first name or patronymic alone is not a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from natasha.data import FIRST, LAST, MAYBE_FIRST, load_dict
from spacy.tokens import Span, Token

from models import lexicons, loading
from pipelines.normalize import recover_shape

PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "инична", "оглы", "кызы", "улы", "уулу")
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
    # The surname stands in the nominative in the text, so its written form is the canonical one.
    surname_as_written: bool = False
    # Folded forms a mention of the same surname may take: the nominative and the written form.
    surname_keys: frozenset[str] = frozenset()
    # Where the name stands in the text: the tokens the parts came from, not the whole entity.
    start: int = 0
    end: int = 0


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@cache
def _first_names() -> frozenset[str]:
    return frozenset(load_dict(FIRST)) | frozenset(load_dict(MAYBE_FIRST))


@cache
def _surnames() -> frozenset[str]:
    return frozenset(load_dict(LAST))


# Oblique forms of -ова/-ина/-ская surnames; the tagger sometimes calls them nominative.
OBLIQUE_FEMININE_ENDINGS = ("овой", "евой", "иной", "ыной", "ской", "цкой")
# Case endings of a foreign masculine surname declined like a noun: Карзая, Коллинзом, Ассанжу.
_FOREIGN_MASC_ENDINGS = {"Gen": ("а", "я"), "Acc": ("а", "я"), "Dat": ("у", "ю"), "Ins": ("ом", "ем"), "Loc": ("е",)}


def _case(token: Token) -> str | None:
    values = token.morph.get("Case")
    case = values[0] if values else None
    if case == "Nom" and fold(token.text).endswith(OBLIQUE_FEMININE_ENDINGS):
        return "Gen"
    return case


# Per-word caches are bounded: a worker reads new words for as long as it runs (names, OCR noise).
@lru_cache(maxsize=50_000)
def _parse_tags(word: str) -> tuple[tuple[str, float, str], ...]:
    """(tag string, score, normal form) of every pymorphy reading of `word`."""
    return tuple((str(p.tag), p.score, p.normal_form) for p in loading.parse(word))


def is_first_name(word: str) -> bool:
    w = fold(word)
    if w in _first_names():
        return True
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
    if w.endswith(("оглы", "кызы", "улы", "уулу")):
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
    want = _TAG_OF_PART[part]
    oc_case, oc_gender = _OC_CASE.get(case), _OC_GENDER.get(gender or "")
    parses = [p for p in loading.parse(word) if p.tag.POS == "NOUN" and p.tag.case == oc_case]

    def rank(parse) -> tuple[bool, bool, float]:
        tag = parse.tag
        gender_ok = oc_gender is None or "ms-f" in tag or tag.gender == oc_gender
        return (want in tag, gender_ok, parse.score)

    if parses:
        best = max(parses, key=rank)
        # A reading as a name is trusted; a common-noun reading of an unknown surname is not.
        if "Surn" in best.tag or "Name" in best.tag or part != "surname" or not _declined_foreign(word, case, gender):
            form = best.inflect({"nomn", "sing"}) or best.inflect({"nomn"})
            return recover_shape(form.word, word) if form else word
    if part == "surname":
        return _declined_foreign(word, case, gender) or word
    return word


def _declined_foreign(word: str, case: str, gender: str | None) -> str | None:
    """A masculine surname pymorphy does not know, its case ending cut: Карзая → Карзай,
    Диас-Канеля → Диас-Канель, Ассанжу → Ассанж."""
    if gender != "Masc":
        return None
    for ending in _FOREIGN_MASC_ENDINGS.get(case, ()):
        stem = word[: -len(ending)]
        if not word.lower().endswith(ending) or len(stem) < 3:
            continue
        last = stem[-1].lower()
        if ending in ("а", "у", "ом"):  # hard declension: the stem is the nominative
            return stem if last not in "аеёиоуыэюяй" else None
        if last in "аеёиоуыэюя":  # soft after a vowel: -й
            return stem + "й"
        return stem if last in "жшчщц" else stem + "ь"
    return None


def nominative_part(token: Token, part: str, case: str | None = None) -> str:
    """A name part in the nominative; `case` overrides the tagger's when the context knows better."""
    gender = token.morph.get("Gender")
    word = _nominative(token.text, case or _case(token), gender[0] if gender else None, part)
    # ALL-CAPS surnames of protocols are catalogued in title case.
    return word.title() if word.isupper() and len(word) > 1 else word


def _starts_line(span: Span) -> bool:
    """The span opens a line, as entries of attendance lists do («Сидорова А.П. – депутат»)."""
    i = span.start - 1
    while i >= 0 and (span.doc[i].is_punct or span.doc[i].like_num) and "\n" not in span.doc[i].text:
        i -= 1  # list markers: «1.», «–», «•»
    return i < 0 or (span.doc[i].is_space and "\n" in span.doc[i].text)


def _is_initial(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token.text) == 1


def parse_name(span: Span, nominative_context: bool = False) -> NameParts | None:
    """Name parts of a PER span, or None when it names no surname (a bare first name, initials).

    `nominative_context`: the name stands in apposition to a nominative title («директор … А.С. Омурбекова»),
    so its case is known whatever the tagger says."""
    initials: list[Token] = []
    initials_at: int | None = None  # how many words precede the initials
    words: list[Token] = []
    particles: dict[int, list[Token]] = {}
    pending: list[Token] = []
    for token in span:
        if token.text == "(":  # «Эстебан Ласо (Esteban Lazo Hernández)»: the original spelling follows
            break
        if _is_initial(token) and not (token.i + 1 < len(token.doc) and token.nbor(1).is_alpha):
            initials_at = len(words) if initials_at is None else initials_at
            initials.append(token)
        elif token.is_alpha or ("-" in token.text and token.text.replace("-", "").isalpha()):
            if fold(token.text) in lexicons.load("name_particles") and token.text.islower():
                pending.append(token)
            elif token.text[:1].isupper() and token.pos_ not in ("VERB", "AUX", "ADP", "CCONJ"):
                particles[len(words)] = pending
                pending = []
                words.append(token)
    if not words:
        return None

    first: Token | None = None
    patronymic: Token | None = None
    surname_at: int
    patr_at = next((i for i, w in enumerate(words) if is_patronymic(w.text)), None)
    if initials_at is not None:
        # The surname stands next to the initials: «Петрова С.В.», «С.В. Петров» (never a word further on).
        surname_at = initials_at - 1 if initials_at > 0 else 0
    elif patr_at is not None:
        if patr_at == 0:
            return None
        patronymic, first = words[patr_at], words[patr_at - 1]
        if patr_at >= 2:  # Жээнбеков Сооронбай Шарипович
            surname_at = patr_at - 2
        elif patr_at + 1 < len(words):  # Владимир Вольфович Жириновский
            surname_at = patr_at + 1
        else:
            return None
    elif len(words) == 1:
        if is_first_name(words[0].text) and not looks_like_surname(words[0].text):
            return None
        surname_at = 0
    elif fold(words[0].text) in lexicons.load("east_asian_surnames") and not looks_like_surname(words[1].text):
        surname_at = 0  # Пан Ги Мун, Си Цзиньпин
    elif is_first_name(words[-1].text) and not is_first_name(words[0].text) and looks_like_surname(words[0].text):
        surname_at, first = 0, words[-1]  # Омурбекова Айгуль
    else:
        surname_at, first = len(words) - 1, words[0]

    surname_token = words[surname_at]
    # Name parts agree in case; a list line names people in the nominative.
    case = _case(surname_token)
    if nominative_context or (initials and _starts_line(span)) or (first is not None and _case(first) == "Nom"):
        case = "Nom"
    surname = nominative_part(surname_token, "surname", case)
    prefix = particles.get(surname_at, [])
    if prefix:
        surname = " ".join([*(t.text for t in prefix), surname])
    keys = {fold(surname), fold(surname_token.text)}
    if not initials and patronymic is None:
        # «Мигель Диас-Канель Бермудес»: any word but a known first name may be what the text
        # elsewhere calls the person by.
        keys |= {fold(nominative_part(w, "surname")) for w in words[1:] if not is_first_name(w.text)}
    used = [surname_token, *prefix, *initials, *(t for t in (first, patronymic) if t is not None)]
    if initials:
        # The dot after the last initial belongs to the name.
        last = max(initials, key=lambda t: t.i)
        if last.i + 1 < len(span.doc) and span.doc[last.i + 1].text == ".":
            used.append(span.doc[last.i + 1])
    return NameParts(
        surname=surname,
        first_name=nominative_part(first, "first") if first is not None else None,
        patronymic=nominative_part(patronymic, "patronymic") if patronymic is not None else None,
        initials="".join(f"{t.text}." for t in sorted(initials, key=lambda t: t.i)) or None,
        surname_as_written=case in (None, "Nom"),
        surname_keys=frozenset(keys),
        start=min(t.idx for t in used),
        end=max(t.idx + len(t) for t in used),
    )


def could_be_name(word: str) -> bool:
    """pymorphy or Natasha's name lists know `word` as a name, or it is not an adjective at all."""
    w = fold(word)
    tags = [tag for tag, _, _ in _parse_tags(w)]
    if w in _surnames() or w in _first_names() or any("Surn" in t or "Name" in t for t in tags):
        return True
    return not all(t.startswith(("ADJF", "ADJS", "PRTF")) for t in tags)
