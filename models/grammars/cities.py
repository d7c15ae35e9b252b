"""Cities of the genre's countries by every case form: «в Кызылорде», «из Токмока» → Кызылорда, Токмок.

Morphology knows few towns of Central Asia, the Caucasus, Moldova and Belarus, and guesses a wrong paradigm for the
rest («Кызылорде» → «кызылорд», «Токмоке» → «токмока»). The towns are listed in the nominative
(`models/lexicons/loc_cities.txt`); their case forms are made here by the noun declensions a town's name follows,
so a form maps back to the name. A hyphenated name declines its last part («Кара-Балте», «Джалал-Абаде»).
"""

from __future__ import annotations

from functools import cache

from models import lexicons

# Letters after which the genitive takes -и, not -ы («Речицы» but «Кызылорды», «Балхаша» but «Кобрина»).
_HUSHING_VELAR = frozenset("гкхжшчщ")
_HUSHING = frozenset("жшчщц")
_VOWELS = frozenset("аеёиоуыэюя")
# Endings of the plural names among the towns (Бельцы, Бендеры, Пружаны, Хойники, Флорешты, Барановичи); Алматы,
# Балыкчы, Карши, Тбилиси end otherwise and are not declined.
_PLURAL_ENDINGS = ("ичи", "цы", "ры", "ны", "ки", "шты")


def case_forms(name: str) -> set[str]:
    """The name and its case forms; a name ending in another vowel (Алматы, Актобе, Гродно) is not
    declined, as official usage has it."""
    head, hyphen, last = name.rpartition("-")
    prefix = head + hyphen
    stem, end = last[:-1], last[-1:].lower()
    endings: tuple[str, ...]
    if end == "а":
        genitive = "и" if stem[-1:].lower() in _HUSHING_VELAR else "ы"
        instrumental = "ей" if stem[-1:].lower() in _HUSHING else "ой"
        return {name} | {prefix + stem + e for e in (genitive, "е", "у", instrumental)}
    if end == "я":
        endings = ("и", "е", "ю", "ей") + (("и",) if stem.lower().endswith("и") else ())
        return {name} | {prefix + stem + e for e in endings}
    if end in ("й", "ь"):
        endings = ("я", "ю", "ем", "е") + (("и", "ью") if end == "ь" else ())
        return {name} | {prefix + stem + e for e in endings}
    if last.lower().endswith(_PLURAL_ENDINGS):
        # «Бельцы», «Барановичи»: a plural name declines in the plural («в Бельцах», «из Барановичей»), its genitive
        # with no ending after a hard stem («горсовет Бельц», «мэрия Бендер») and «-ов» after a velar («Хойников»).
        genitive = "ей" if last.lower().endswith("ичи") else "ов" if last.lower().endswith("ки") else ""
        return {name} | {prefix + stem + e for e in ("ах", "ам", "ами", genitive)}
    if end in _VOWELS or not end.isalpha():
        return {name}
    instrumental = ("ем", "ом") if end in _HUSHING else ("ом",)
    return {name} | {prefix + last + e for e in ("а", "у", "е", *instrumental)}


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@cache
def _by_form() -> dict[str, str]:
    """Each case form, folded, → the town's name; a town's own nominative wins over another's oblique form."""
    names = lexicons.lines("loc_cities")
    forms: dict[str, str] = {}
    for name in names:
        for form in case_forms(name):
            forms.setdefault(_fold(form), name)
    forms.update((_fold(name), name) for name in names)
    return forms


def city_of(text: str) -> str | None:
    """The listed town a word (or hyphenated name) names in any case, in the nominative; None for other words."""
    return _by_form().get(_fold(text.strip()))
