"""Cleaning on its own: every noise rule as an input → expected table, and the offset map back to the input."""

from __future__ import annotations

import dataclasses
import random
import re
import unicodedata
from pathlib import Path

import pytest

from pipelines.cleaning import CleanText, clean, pages
from pipelines.cleaning.noise import RULES, Rule
from tests.conftest import CORPUS_DEV

CASES = [
    # legal forms typed with digits or Latin look-alikes
    ("00 «Ресурсный центр»", "ОО «Ресурсный центр»"),
    ('000 "Ромашка"', "ООО «Ромашка»"),
    ("0АО «Газпром»", "ОАО «Газпром»"),
    ("OOO «Вектор»", "ООО «Вектор»"),
    ("3АО «Банк»", "ЗАО «Банк»"),
    ("AO «Кыргызтелеком»", "АО «Кыргызтелеком»"),
    ("HKO “Дом”", "НКО «Дом»"),
    ("ОсОО «Альфа» и 0O «Бета»", "ОсОО «Альфа» и ОО «Бета»"),
    # look-alikes that are no legal form stay as they are
    ('в 300 "Спартанцев"', "в 300 «Спартанцев»"),
    ("10 «б» класс", "10 «б» класс"),
    ("ОАО «Газпром»", "ОАО «Газпром»"),
    ("OOO без кавычек", "OOO без кавычек"),
    # a wiki's italic or bold marks read as quotes; around a quotation they are dropped; apostrophes stay
    ("в магазине ''Gucci'' и", "в магазине «Gucci» и"),
    ("команд (''Edmonton Oilers'', ''Calgary Flames'').", "команд («Edmonton Oilers», «Calgary Flames»)."),
    ("сообщает агентство '''Reuters'''.", "сообщает агентство «Reuters»."),
    ("назвал его ''«лучшим кандидатом»''.", "назвал его «лучшим кандидатом»."),
    ("O'Brien и Д'Артаньян", "O'Brien и Д'Артаньян"),
    ("Он сказал ''нет. Потом ушёл.", "Он сказал ''нет. Потом ушёл."),
    # image widgets of scraped pages
    ("Текст\n## ×\nДалее", "Текст\n\nДалее"),
    ("Текст\n  ×  \nДалее", "Текст\n\nДалее"),
    ("Цена × 2", "Цена × 2"),
    # markdown heading marks
    ("## Повестка дня\n\nПункт", "Повестка дня\n\nПункт"),
    ("№ 5 #тег", "№ 5 #тег"),
    # invisible characters inside words
    ("мигра\u00adция", "миграция"),
    ("Бишкек\u200b", "Бишкек"),
    ("\ufeffПротокол", "Протокол"),
    # a word hyphenated across a line break
    ("по вопросам миг-\nрации", "по вопросам миграции"),
    ("миг- \r\n  рации", "миграции"),
    ("Москва-\nСити", "Москва-\nСити"),
    ("2019-\n2020", "2019-\n2020"),
    # a line-end hyphen in a compound stays; the dictionary tells it from hyphenation
    ("стран-\nучастниц", "стран-участниц"),
    ("премьер-\nминистр", "премьер-министр"),
    ("по-\nрусски", "по-русски"),
    ("из-\nза", "из-за"),
    ("Мурза-\nгалиев", "Мурзагалиев"),
    ("Кривошап-\nка", "Кривошапка"),  # a cut name's right half may look like a particle («давай-ка»)
    # a name's line-end hyphen a copy turned into a space; a word's half and a suspended hyphen stay
    ("директор Рамиль Габдрах- манов сказал", "директор Рамиль Габдрахманов сказал"),
    # after a patronymic a cut surname's left half may be a word of its own («неуда»)
    ("доложила Ирина Павловна Неуда- чина, затем", "доложила Ирина Павловна Неудачина, затем"),
    ("Дом- музей и водо- и газоснабжение", "Дом- музей и водо- и газоснабжение"),
    # a lower-case word's line-end hyphen turned into a space: a compound the dictionary knows, or a word cut
    ("выступил премьер- министр страны", "выступил премьер-министр страны"),
    ("главы муници- пального района", "главы муниципального района"),
    ("районного- и областного, депутатов- председатель", "районного- и областного, депутатов- председатель"),
    ("Северо- и Южно-Казахстанская", "Северо- и Южно-Казахстанская"),
    ("ПРОТО-\nКОЛ", "ПРОТОКОЛ"),
    # OCR look-alikes inside Russian words: Latin letters and digits
    ("в Бишкeке", "в Бишкеке"),
    ("ПPOTOКОЛ", "ПРОТОКОЛ"),
    ("3аседание", "Заседание"),
    ("к0миссия", "комиссия"),
    ("МИНИСТЕРСТВ0", "МИНИСТЕРСТВО"),
    ("0бщество", "Общество"),
    # foreign words, numbers and codes stay
    ("поддержке Caritas France", "поддержке Caritas France"),
    ("Су30 и 300лет", "Су30 и 300лет"),
    ("дом 3а", "дом 3а"),
    ("COVID-19 и CO2", "COVID-19 и CO2"),
    ("в 2023г.", "в 2023г."),
    # a line broken in the middle of a sentence
    ("по вопросам\nмиграции", "по вопросам миграции"),
    ("Бишкек,\nул. Ленина", "Бишкек, ул. Ленина"),
    ("по вопросам  \r\nмиграции", "по вопросам миграции"),
    ("Итоги.\nДалее", "Итоги.\nДалее"),
    ("первый абзац\n\nвторой", "первый абзац\n\nвторой"),
    ("Совет\nМиграции", "Совет\nМиграции"),
    # Windows line ends and web pages' non-breaking and thin spaces are plain ones
    ("Председательствующий:\r\nИванов И.И.\r\n", "Председательствующий:\nИванов И.И.\n"),
    ("г.\u00a0Бишкек, Иванов\u00a0– глава, 2024\u202fгода", "г. Бишкек, Иванов – глава, 2024 года"),
    # decomposed letters composed; a stress mark on a Cyrillic vowel dropped
    ("Сергеи\u0306, Арте\u0308м", "Сергей, Артём"),
    ("за\u0301мок, Cafe\u0301", "замок, Café"),
    # a hyphen alone between spaces or opening a line is a dash typed or OCR'd short; in or glued to a word it stays
    ("образования, - о готовности школ", "образования, – о готовности школ"),
    ("- Прошлая зима показала, - сказал аким.", "– Прошлая зима показала, – сказал аким."),
    ("Итоги:\n- ремонт дорог", "Итоги:\n– ремонт дорог"),
    ("в 2024-2025 годах, Нью-Йорк, Северо- и Южно-", "в 2024-2025 годах, Нью-Йорк, Северо- и Южно-"),
    # angle quotes typed or OCR'd as doubled signs
    ("ОО <<Ресурсный центр>> провело", "ОО «Ресурсный центр» провело"),
    ('партия ,,Ак Жол" победила', "партия «Ак Жол» победила"),
    ("a << b, x >> 2, 1,,2", "a << b, x >> 2, 1,,2"),
    # the image widget OCR'd, alone or run into the heading below; a Roman Х of a heading stays
    ("## х УПОЛНОМОЧЕННЫЙ ОБСУДИЛ\nтекст", "УПОЛНОМОЧЕННЫЙ ОБСУДИЛ\nтекст"),
    ("Текст\n## Хх\nДалее", "Текст\n\nДалее"),
    ("## Х съезд", "Х съезд"),
    ("## хроника дня", "хроника дня"),
    # a single angle sign or a euro sign glued to the name it quotes (OCR reads « thin)
    ("ОО <Арагац> провело", "ОО «Арагац» провело"),
    ("фонд ‹Бота›.", "фонд «Бота»."),
    ("фонда €Мекен-Мигрант»", "фонда «Мекен-Мигрант»"),
    ("Главная › Новости > Власть", "Главная › Новости > Власть"),
    ("если a > b и x<y", "если a > b и x<y"),
    ("цена 5 € за билет", "цена 5 € за билет"),
    # a 6 for a small б between letters; a number in front of a unit stays
    ("Ба6аев и Ре6ров", "Бабаев и Ребров"),
    ("6км и 6-й", "6км и 6-й"),
    # a PDF page's footer, header, rules and number inside a sentence: dropped, the halves joined
    (
        "избран заместителем председателя комиссии по бюджетным\n\n"
        "Старицкая волостная управа · Протокол № 4 от 03.02.2027 · стр. 3\n"
        "──────────────────────────────\n\nвопросам депутат Олег Михеев.",
        "избран заместителем председателя комиссии по бюджетным вопросам депутат Олег Михеев.",
    ),
    (
        "доложила о подготовке к паводку и попросила выделить сред-\n\n"
        "_____________________________\nВестник волости № 7 (15)        – 2 –\nСТАРИЦКАЯ ВОЛОСТНАЯ УПРАВА\n"
        "_____________________________\n\nства на расчистку русла.",
        "доложила о подготовке к паводку и попросила выделить средства на расчистку русла.",
    ),
    # a running title wrapped over two lines, the page number closing the second
    (
        "глава поселения попросил выделить два ав-\n\n──────────────────────────────\n"
        "Совет депутатов Горбуновского сельского поселения Новоторъяльского\n"
        "муниципального района · Вестник № 3 · стр. 2\n──────────────────────────────\n\nтобуса для школы.",
        "глава поселения попросил выделить два автобуса для школы.",
    ),
    ("лесничий Рогов сообщил, что\n\n- 4 -\n\nпосадки завершены.", "лесничий Рогов сообщил, что посадки завершены."),
    # a bullet parts a running title's fields as a middle dot does
    (
        "глава поселения отметил, что\n\nКалиновский сельсовет • Бюллетень № 2 • стр. 4\n\nработы завершены.",
        "глава поселения отметил, что работы завершены.",
    ),
    (
        "Сессия поддержала обращение, по данным\n\nСтраница 2 из 5\n\nуправы.",
        "Сессия поддержала обращение, по данным управы.",
    ),
    # after a sentence's end the furniture goes and the paragraphs stay apart
    ("Решение принято.\n\nВестник волости · стр. 2\n\nДалее", "Решение принято.\n\nДалее"),
    # a title block, a section's rule, a last page's footer and a page number in a sentence stay
    ("Решение принято.\n\nВестник волости · стр. 3\n", "Решение принято.\n\nВестник волости · стр. 3\n"),
    ("СТАРИЦКАЯ УПРАВА\nВестник № 7 · стр. 1\n\nЗАСЕДАНИЕ", "СТАРИЦКАЯ УПРАВА\nВестник № 7 · стр. 1\n\nЗАСЕДАНИЕ"),
    ("итоги года\n\n__________\n\nи планы", "итоги года\n\n__________\n\nи планы"),
    ("см. таблицу на\nстр. 5 отчёта", "см. таблицу на стр. 5 отчёта"),
    # a space inside a word, or a line break that lost its hyphen
    ("Министер ство финансов", "Министерство финансов"),
    ("Министер\nство финансов", "Министерство финансов"),
    ("с ними и Мако в составе", "с ними и Мако в составе"),
    ("Кара суу", "Кара суу"),
    # wrong-case letters inside a word, fixed only to a common dictionary word
    ("СОвет депутатов и КОмитет", "Совет депутатов и Комитет"),
    ("гоРодской совет", "городской совет"),
    ("КоАП, ВКонтакте, КазМунайГаз, ОсОО «А», УзА", "КоАП, ВКонтакте, КазМунайГаз, ОсОО «А», УзА"),
    # clean text is left alone
    ("", ""),
    ("Заседание открыл Н.С. Базарбаев.", "Заседание открыл Н.С. Базарбаев."),
    # straight quotes as guillemets, nested ones paired, one quote closing two becoming two
    ('Закон "О бюджете" принят.', "Закон «О бюджете» принят."),
    (
        'проект "О внесении изменений в Закон "О местном самоуправлении"" внесён',
        "проект «О внесении изменений в Закон «О местном самоуправлении»» внесён",
    ),
    (
        'Документ "О внесении изменения в Закон "О местной администрации" одобрен',
        "Документ «О внесении изменения в Закон «О местной администрации»» одобрен",
    ),
    (
        'Закон "О бюджете" принят, а "Закон "О налогах" отложен" сказал он.',
        "Закон «О бюджете» принят, а «Закон «О налогах» отложен» сказал он.",
    ),
    # an inch mark, a quote left open on its line: as typed
    ('экран 15" и "кавычка\n\nДальше "всё"', 'экран 15" и "кавычка\n\nДальше «всё»'),
    # justified text pasted from a page: two to four spaces between words are one; a layout's wide gap stays
    ("Вчера  в  большом   зале  состоялась    сессия", "Вчера в большом зале состоялась сессия"),
    ("Секретарь          А. Петрова", "Секретарь          А. Петрова"),
    ("  отступ\tи\t\tтабуляция  ", "  отступ\tи\t\tтабуляция  "),
]


# Rewrites that change a word's letters for others (the map-back test below compares them by hand).
RESPELLED = [
    # Roman numerals read with Cyrillic look-alikes in front of the noun they count
    ("маслихат УШ созыва", "маслихат VIII созыва"),
    ("УП сессии и ХУП съезд", "VII сессии и XVII съезд"),
    ("на ХПУ пленарном заседании", "на XIV пленарном заседании"),
    ("кенеш ХХ созыва", "кенеш ХХ созыва"),
    ("УП «Водоканал» и Ш отдел", "УП «Водоканал» и Ш отдел"),
    # a body's head noun with one letter tesseract confuses
    ("Жогорку Кенепт и Кенепта", "Жогорку Кенеш и Кенеша"),
    ("ПАРЛАМЕНТ и Ташматова", "ПАРЛАМЕНТ и Ташматова"),
    # a university's abbreviation in mixed case is no small-caps misreading
    ("студент НИУ «БелГУ» и КазНУ", "студент НИУ «БелГУ» и КазНУ"),
]


@pytest.mark.parametrize(("source", "expected"), CASES + RESPELLED)
def test_noise_rule(source: str, expected: str) -> None:
    cleaned = clean(source)
    assert cleaned.text == expected
    assert cleaned.source == source
    assert len(cleaned.starts) == len(cleaned.ends) == len(cleaned.text)


# What the rules remove or rewrite, undone on a source span to compare it with the clean word.
_REMOVED = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]|-[ \t]*\r?\n[ \t]*|(?<=\w)- (?=\w)|(?<=\w)[ \n](?=\w)")
_LOOKALIKES = str.maketrans("036abekmhopctxy", "озбавекмнорстху")


def _same_word(source_span: str, word: str) -> bool:
    # Look-alikes are compared case-blind: OCR repairs put «о» for a "0" inside a lower-case word.
    # A decomposed letter is the composed one; a stress mark is dropped.
    # A word a page break cut spans the page's furniture between its halves: «сред-» · footer · «ства».
    source = unicodedata.normalize("NFC", _REMOVED.sub("", pages.PATTERN.sub("\n", source_span)))
    source = "".join(ch for ch in source if not unicodedata.combining(ch))
    return source.lower().translate(_LOOKALIKES) == word.lower().translate(_LOOKALIKES)


def assert_words_map_back(cleaned: CleanText) -> None:
    """Every word of the clean text comes from a span of the source that spells the same word,
    and the spans run forward through the source without overlapping."""
    previous_end = 0
    for match in re.finditer(r"\w+", cleaned.text):
        start, end = cleaned.to_source(*match.span())
        assert previous_end <= start < end <= len(cleaned.source), (match.group(), start, end)
        assert _same_word(cleaned.source[start:end], match.group()), (match.group(), cleaned.source[start:end])
        previous_end = end


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_words_of_each_case_map_back(source: str, expected: str) -> None:
    assert_words_map_back(clean(source))


def test_a_joined_word_maps_to_both_halves() -> None:
    cleaned = clean("Совет по вопросам миг-\nрации и 000 «Вектор»")
    start = cleaned.text.index("миграции")
    assert cleaned.source_text(start, start + len("миграции"))[2] == "миг-\nрации"
    start = cleaned.text.index("ООО")
    assert cleaned.source_text(start, start + 3)[2] == "000"


def test_to_source_clamps_out_of_range_spans() -> None:
    cleaned = clean("абв\u00adгд")
    assert cleaned.to_source(-5, 100) == (0, 6)
    assert clean("").to_source(0, 3) == (0, 0)


def _add_noise(text: str, rng: random.Random) -> str:
    """Scrape noise of the kinds the rules repair, inside words of a real document."""
    words = list(re.finditer(r"[а-яё]{6,}", text))
    picked = sorted(rng.sample(words, min(len(words), 40)), key=lambda m: m.start())
    pieces, last = [], 0
    for match in picked:
        cut = match.start() + rng.randint(2, len(match.group()) - 2)
        pieces += [text[last:cut], rng.choice(["\u00ad", "\u200b", "-\n", "- \n  "])]
        last = cut
    pieces.append(text[last:])
    return "## ×\n" + "".join(pieces) + "\n00 «Вектор»\n"


def _corpus() -> list[Path]:
    return sorted(CORPUS_DEV.glob("*.txt"))


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.stem)
def test_corpus_words_map_back(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_words_map_back(clean(text))
    noisy = _add_noise(text, random.Random(path.stem))
    cleaned = clean(noisy)
    assert_words_map_back(cleaned)
    assert "\u00ad" not in cleaned.text and "## ×" not in cleaned.text
    assert cleaned.text.rstrip().endswith("ОО «Вектор»")


@pytest.mark.parametrize(
    ("source", "word", "source_word"),
    [("маслихат УШ созыва", "VIII", "УШ"), ("Жогорку Кенепт", "Кенеш", "Кенепт"), ("СОвет", "Совет", "СОвет")],
)
def test_a_respelled_word_maps_to_the_word_it_replaced(source: str, word: str, source_word: str) -> None:
    cleaned = clean(source)
    start = cleaned.text.index(word)
    assert cleaned.source_text(start, start + len(word))[2] == source_word


def _eager(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The rules without their `needs`: every text scanned by every pattern."""
    return tuple(dataclasses.replace(rule, needs=()) for rule in rules)


@pytest.mark.parametrize(("source", "_expected"), CASES + RESPELLED)
def test_a_rule_skipped_for_what_it_needs_changes_nothing(source: str, _expected: str) -> None:
    # A text is not scanned by a rule when it holds none of the rule's `needs`: the same text and offset map as
    # a scan of every rule, on texts with and without those strings.
    for text in (source, f"{source}\n{source}", source.replace("\n", " ")):
        assert clean(text) == clean(text, _eager(RULES))


def test_every_match_of_a_rule_holds_what_it_needs() -> None:
    texts = [source for source, _ in CASES + RESPELLED] + [
        _add_noise(p.read_text(encoding="utf-8"), random.Random(1)) for p in _corpus()[:5]
    ]
    for rule in RULES:
        if not rule.needs:
            continue
        for text in texts:
            for match in rule.pattern.finditer(text):
                assert any(needed in text[match.start() : match.end() + 1] for needed in rule.needs), (rule.name, match)


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus()[:6], ids=lambda p: p.stem)
def test_a_corpus_text_cleans_the_same_without_the_skips(path: Path) -> None:
    noisy = _add_noise(path.read_text(encoding="utf-8"), random.Random(path.stem))
    assert clean(noisy) == clean(noisy, _eager(RULES))
