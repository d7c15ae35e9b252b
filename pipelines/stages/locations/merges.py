"""Locations: entries that are one place under several written forms, merged into one.

The finder keys every name by its lemmas; what the keys still keep apart is joined here: case forms of a soft stem
the tagger cut differently («Костаная», «Мядел»), Kazakh and Kyrgyz letters written as Russian ones («Жезқазған»),
a plural genitive, a short form of a longer name (but «Усть-Кяхта», «Ново-Талицы», «Жаны-Жер» are other places),
a republic with and without its status word, an abbreviation of the name's initials, a second name in brackets,
and a district the text also calls by its new kind («… округ»).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipelines.findings import TextSpan
from pipelines.stages.locations.keys import _WORD, Key, text_key


@dataclass
class _Entry:
    name: str
    full: bool
    mentions: list[TextSpan]
    # How often the text writes each name of a country: it is listed under the one used most.
    written: Counter[str] = field(default_factory=Counter)
    # «Тулунского муниципального района» once, «Тулунском районе» three times: how often the text writes the name
    # with its status word and without it, and the name without it; the form written more often is listed, the short
    # one on a tie (the name a reader uses: «Джейрахского муниципального района» once and «Джейрахского района» once
    # is «Джейрахский район»). A list sharing its noun in the plural (`_shares_its_noun`) is no short writing.
    with_status: int = 0
    without_status: int = 0
    short: str | None = None


# Case endings of a name on a soft stem: «Костанай» → «Костаная», «Мядель» → «Мяделе»; "" is the stem itself, which
# a guessed nominative cuts a case ending to («в Мяделе» → «Мядел»).
_SOFT_STEM_CASES = ("", "я", "ю", "е", "ем", "ём", "ей", "и")


def _merge_soft_stem_cases(by_key: dict[Key, _Entry]) -> None:
    """ "Костаная" (the city's genitive, which morphology does not know) and "#Костанай" in one text are one place,
    listed by the form on «-й» or «-ь», which no case ending has."""
    names = {e.name: key for key, e in by_key.items() if len(key) == 1 and _WORD.fullmatch(e.name)}
    for name, key in names.items():
        for form in soft_stem_cases(name):
            other = names.get(form)
            if other is not None and other != key and other in by_key and key in by_key:
                by_key[key].mentions.extend(by_key.pop(other).mentions)


# Kazakh and Kyrgyz letters and the Russian ones a town's Russian name writes for them: «Жезқазған» is «Жезказган».
_TURKIC_LETTERS = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def _merge_turkic_spellings(by_key: dict[Key, _Entry]) -> None:
    """«Жезқазған қаласының әкімдігі» of a site's Kazakh breadcrumb and «Жезказган» of the text are one town, listed
    by the Russian spelling the report uses."""
    for key in [key for key, entry in by_key.items() if entry.name != entry.name.translate(_TURKIC_LETTERS)]:
        russian = text_key(by_key[key].name.translate(_TURKIC_LETTERS))
        if russian != key and russian in by_key:
            by_key[russian].mentions.extend(by_key.pop(key).mentions)


def _merge_plural_genitives(by_key: dict[Key, _Entry]) -> None:
    """ "Джурджулешты" and "жителей Джурджулешт" in one text: a plural name's genitive has no ending; the entry without
    one joins the plural's, listed by the nominative."""
    names = {e.name: key for key, e in by_key.items() if len(key) == 1 and _WORD.fullmatch(e.name)}
    for name, key in names.items():
        if not name.endswith(("ы", "и")) or len(name) < 5:
            continue
        other = names.get(name[:-1])
        if other is not None and other != key and other in by_key and key in by_key:
            by_key[key].mentions.extend(by_key.pop(other).mentions)


def _merge_cut_endings(by_key: dict[Key, _Entry]) -> None:
    """ "Сараево" and "в Сараеве" → "Сараев", "Санта-Фе" and "Санта-Ф" in one text: a neuter or indeclinable name on
    «-о»/«-е» that morphology does not know is guessed a masculine in its oblique cases, and the guess cuts the ending
    off; the cut entry joins the whole name's."""
    names = {e.name: key for key, e in by_key.items() if len(key) == 1 and _WORD.fullmatch(e.name)}
    for name, key in names.items():
        if not name.endswith(("о", "е")) or len(name) < 5:
            continue
        other = names.get(name[:-1])
        if other is not None and other != key and other in by_key and key in by_key:
            by_key[key].mentions.extend(by_key.pop(other).mentions)


def soft_stem_cases(name: str) -> tuple[str, ...]:
    """The case forms of a one-word name on «-й» or «-ь» («Костанай»: «Костаная», «Костанаю», …), none for others."""
    if not name.endswith(("й", "ь")) or len(name) < 4 or not _WORD.fullmatch(name):
        return ()
    return tuple(name[:-1] + ending for ending in _SOFT_STEM_CASES)


def _merge_republics(by_key: dict[Key, _Entry]) -> None:
    """ "Республика Татарстан" and "Татарстан" in one text are one place, listed by the name."""
    for key in list(by_key):
        if len(key) > 1 and key[0] == "республика" and key[1:] in by_key:
            by_key[key[1:]].mentions.extend(by_key.pop(key).mentions)


# «Усть-Кяхта» is the village at the Kyakhta's mouth, «Ново-Талицы» the new one beside Талицы: another place than
# the one its last part names, not its short form. So are the Turkic «new» and «old» ones: Kazakh «Жана-Семей»
# (Жаңа), Kyrgyz «Жаны-Жер» (Жаңы), Uzbek «Янги-Базар», «Эски-Ноокат».
_OTHER_PLACE_HEADS = (
    "усть-",
    "верхне-",
    "нижне-",
    "ново-",
    "старо-",
    "жана-",
    "жаңа-",
    "жаны-",
    "жаңы-",
    "янги-",
    "эски-",
    "ески-",
)


def _merge_short_forms(by_key: dict[Key, _Entry]) -> None:
    """ "Санкт-Петербург" and "Петербург" in one text are one city: the short form is the last part of
    the hyphenated name, listed by the full one; so is the head of a city «on» its river ("Ростов" of
    "Ростов-на-Дону")."""
    tails = {
        (key[0].rsplit("-", 1)[1],): key
        for key in by_key
        if len(key) == 1
        and "-" in key[0]
        # The key's lemmas may cut the head («жан-уральск»); the name keeps it as written.
        and not key[0].startswith(_OTHER_PLACE_HEADS)
        and not by_key[key].name.lower().startswith(_OTHER_PLACE_HEADS)
    }
    tails.update({(key[0].split("-на-", 1)[0],): key for key in by_key if len(key) == 1 and "-на-" in key[0]})
    for short, full in tails.items():
        if short in by_key and short != full:
            by_key[full].mentions.extend(by_key.pop(short).mentions)


_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,5}")
_NAME_WORD = re.compile(r"[А-Яа-яЁё]+")
_JOINING_WORDS = frozenset({"и", "на", "в"})


def _initials(name: str) -> str:
    # Every word of the name gives its letter, the parts of a hyphenated one too («Северо-Кавказский» → «СК»).
    return "".join(w[0] for w in _NAME_WORD.findall(name) if w not in _JOINING_WORDS).upper().replace("Ё", "Е")


def _merge_abbreviations(by_key: dict[Key, _Entry]) -> None:
    """ "Чувашская Республика" and "ЧР", "Северо-Кавказский федеральный округ" and "СКФО" in one text are one place,
    listed by the full name however often the text writes the abbreviation after it (the golds: «Восточно-Казахстанской
    области (ВКО)», «Горно-Бадахшанской автономной области (ГБАО)», «КЧР» four times, all under the full name)."""
    fulls = {_initials(e.name): key for key, e in by_key.items() if len(_NAME_WORD.findall(e.name)) > 1}
    for key, entry in list(by_key.items()):
        full_key = fulls.get(entry.name) if _ABBREVIATION.fullmatch(entry.name) else None
        if full_key is None or full_key == key or full_key not in by_key:
            continue
        by_key[full_key].mentions.extend(by_key.pop(key).mentions)


def _merge_second_names(by_key: dict[Key, _Entry]) -> None:
    """ "Кемеровская область – Кузбасс" and "сёл Кузбасса", "Ханты-Мансийский автономный округ – Югра" and "Югры" in
    one text are one region: the name after the dash is the region's second name, used alone too."""
    for key, entry in list(by_key.items()):
        if " – " not in entry.name or key not in by_key:
            continue
        second = text_key(entry.name.rsplit(" – ", 1)[1])
        if second != key and second in by_key:
            entry.mentions.extend(by_key.pop(second).mentions)


_DISTRICT = " район"
_RENAMED_KINDS = (" округ", " муниципальный округ")


def _merge_renamed_districts(by_key: dict[Key, _Entry], body_mentions: set[TextSpan]) -> None:
    """«ГБУЗ «Чебулинская районная больница» … в Чебулинском и Тисульском округах»: a district's body keeps the name of
    the district the text names as a municipal округ now (Russia's районы became округа): a район named only by its
    bodies' adjectives is that округ."""
    for key, entry in list(by_key.items()):
        if not entry.name.endswith(_DISTRICT) or not all(m in body_mentions for m in entry.mentions):
            continue
        stem = entry.name[: -len(_DISTRICT)]
        renamed = next((k for kind in _RENAMED_KINDS if (k := text_key(stem + kind)) in by_key and k != key), None)
        if renamed is not None:
            by_key[renamed].mentions.extend(by_key.pop(key).mentions)
