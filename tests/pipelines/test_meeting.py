"""Meeting stage: title, number, body, date and place from small reports."""

from __future__ import annotations

import pytest
from spacy.language import Language

from models.grammars.meeting import roman_value
from pipelines.findings import MeetingFinding
from pipelines.layouts import fold
from pipelines.stages import run_stages


def meeting(nlp: Language, text: str) -> MeetingFinding:
    return run_stages(nlp(text)).meeting


@pytest.mark.parametrize(
    ("word", "value"),
    [("II", 2), ("ХХ", 20), ("XIV", 14), ("ХLI", 41), ("С", None), ("В", None), ("ИИ", None)],
)
def test_roman_value(word: str, value: int | None) -> None:
    assert roman_value(word) == value


@pytest.mark.parametrize(
    ("text", "title", "number"),
    [
        (
            "21 сентября в Бишкеке состоялось II заседание Межстранового Большого Общественного Совета "
            "по вопросам миграции с участием представителей ЕЭК.",
            "II заседание Межстранового Большого Общественного Совета по вопросам миграции",
            "II",
        ),
        (
            "Состоялась ХХ внеочередная сессия маслихата Западно-Казахстанской области.",
            "ХХ внеочередная сессия маслихата Западно-Казахстанской области",
            "ХХ",
        ),
        ("Прошла 5-я сессия Жогорку Кенеша.", "5-я сессия Жогорку Кенеша", "5"),
        # A Roman numeral with an ordinal's ending, as Kazakh reports write it.
        ("Прошла XXI-я сессия районного маслихата.", "XXI-я сессия районного маслихата", "XXI"),
        ("Депутаты собрались на пятом заседании Думы города.", "пятое заседание Думы города", "5"),
        ("В администрации прошли публичные слушания.", "публичные слушания", None),
        (
            "27 марта состоялась очередная сорок первая сессия Жаксынского районного маслихата.",
            "очередная сорок первая сессия Жаксынского районного маслихата",
            "41",
        ),
        (
            "В среду состоялось заседание постоянной комиссии по градостроительству и землепользованию городской Думы.",
            "заседание постоянной комиссии по градостроительству и землепользованию городской Думы",
            None,
        ),
        # A remit's genitive that is a plural adjective used as a noun: the people the body serves.
        (
            "В пятницу прошло заседание комиссии по делам несовершеннолетних.",
            "заседание комиссии по делам несовершеннолетних",
            None,
        ),
        # A preposition's case, not the plural nominative the form also reads as.
        ("На сессии депутаты утвердили бюджет района.", "сессия", None),
        ("В ходе встречи жители задали вопросы.", "встреча", None),
        # A noun before the event noun governs its genitive; a pronoun after a body's abbreviation is no body.
        ("Мэрия готова организовать проведение общей сессии депутатов.", "общая сессия депутатов", None),
        ("На внеочередной сессии БГК им вручили мандаты.", "внеочередная сессия БГК", None),
        # A hyphenated adjective is one modifier.
        (
            "За него проголосовали 34 делегата отчетно-выборной конференции районного отделения партии.",
            "отчетно-выборная конференция районного отделения партии",
            None,
        ),
        # A numeral typed in Cyrillic and Latin letters at once is one number, which the tokenizer splits.
        ("Состоялась ХХХIV сессия Лидского районного Совета.", "ХХХIV сессия Лидского районного Совета", "ХХХIV"),
    ],
)
def test_title_and_number(nlp: Language, text: str, title: str, number: str | None) -> None:
    found = meeting(nlp, text)
    assert (found.title, found.number) == (title, number)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("14 июня 2023 года состоялось заседание Совета депутатов.", "2023-06-14"),
        ("21 сентября прошло заседание комиссии.", "--09-21"),
        # Relative days count from the dateline.
        ("УРАЛЬСК, 12 марта 2024 года.\nВчера состоялась сессия маслихата.", "2024-03-11"),
        ("12.03.2024\nВ среду прошло заседание Совета депутатов.", "2024-03-06"),
        # «в минувшую пятницу»: the last Friday before the report's day, a week back on a Friday.
        ("2025-03-17 08:10\nВ минувшую пятницу в Кызыле состоялась сессия Хурала.", "2025-03-14"),
        ("2025-03-14 08:10\nВ прошлую пятницу в Кызыле состоялась сессия Хурала.", "2025-03-07"),
        # A protocol's number line dates it.
        ("ПРОТОКОЛ № 5 от 31.01.2025 г.\nзаседания общественного совета\n\nПрисутствовали: 9 членов.", "2025-01-31"),
        ("Протокол заседания совета №3 от 12 марта 2025 года\n\nПрисутствовали: 9 членов.", "2025-03-12"),
        # "Today" with nothing to count from: the date is unknown, not some other date.
        ("Сегодня прошла сессия. Закон вступает в силу с 1 января 2025 года.", None),
        # Deadlines, document dates and birth dates are not the meeting's.
        ("Решение от 5 мая 2023 года № 12. 14 июня прошло заседание Думы.", "--06-14"),
        ("Депутат Иванов (родился 5 мая 1960 года) избран председателем.", None),
        ("Заседание Думы состоялось. Срок исполнения — до 1 января 2025 года.", None),
        # A day an infinitive governs is proposed, not the meeting's.
        (
            "В большом зале прошла сессия районного Совета. Депутат предложил провести субботник 29 марта 2025 года.",
            None,
        ),
        # Kyrgyz and Kazakh ways of writing the day: joined to the month by a hyphen, the year first with «жыл», a
        # Kazakh month's name.
        ("Сессия айылного кенеша\n14-апрель 2025-жыл\nСессию открыл торага кенеша.", "2025-04-14"),
        ("2023-жылдын 9-октябрында состоялась сессия городского кенеша.", "2023-10-09"),
        ("11 қазан 2024 жылы в селе прошла встреча акима с жителями.", "2024-10-11"),
        ("В 3 Казанских школах прошла встреча с жителями.", None),
        # An announced meeting: «прошедших 3 мая выборов» took place, not the meeting; «будут утверждены» is to come.
        (
            "Сессия городского маджлиса состоится 20 мая. В повестку дня сессии включен отчет комиссии об итогах "
            "прошедших 3 мая выборов, также будут утверждены решения председателя города.",
            "--05-20",
        ),
        # A headline without a full stop runs into the dateline below it: the headline's day is the meeting's.
        (
            "Сессия городского маджлиса пройдет 12 апреля\n\nХуджанд, 2 апреля. Сессия городского маджлиса "
            "пройдет 12 апреля.",
            "--04-12",
        ),
        # A site engine's «месяц день, год» above the text gives the meeting's day its year.
        ("- сентябрь 24, 2025\n\n26 сентября в селе прошла отчетная встреча акима с жителями.", "2025-09-26"),
    ],
)
def test_date(nlp: Language, text: str, date: str | None) -> None:
    assert meeting(nlp, text).date == date


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Сегодня в Дохе открывается заседание Форума стран-экспортеров газа.", "Доха"),
        ("В Уральске состоялась сессия маслихата Западно-Казахстанской области.", "Уральск"),
        ("Вчера в Бишкеке прошло заседание комитета Жогорку Кенеша.", "Бишкек"),
        ("БИШКЕК, 21 сентября 2023 года.\nСостоялось заседание Общественного совета.", "Бишкек"),
        # A local body meeting at home: the place is not stated.
        ("Состоялось очередное заседание Совета депутатов Челябинской области.", None),
        # A country is not a meeting's place.
        ("В России прошло заседание Государственного совета.", None),
        # A listed town morphology declines wrongly («Кызылорде» → «кызылорд»), in the nominative.
        ("В Кызылорде состоялась ХХІ сессия областного маслихата.", "Кызылорда"),
        ("Вчера в Токмоке прошла сессия городского кенеша.", "Токмок"),
        # A protocol's header names the settlement in the nominative, whatever morphology takes the word for
        # («Оссора» it knows only as the genitive of a surname).
        (
            "ПРОТОКОЛ\nобщего собрания членов кооператива\n\n"
            "с. Оссора                    12 апреля 2025 г.\n\nПрисутствовали: 45.",
            "Оссора",
        ),
        ("ПРОТОКОЛ\nзаседания правления\n\n12.04.2025                    с. Оссора\n\nПрисутствовали: 45.", "Оссора"),
    ],
)
def test_place(nlp: Language, text: str, place: str | None) -> None:
    assert meeting(nlp, text).place == place


def test_body_is_the_organization_holding_the_meeting(nlp: Language) -> None:
    found = meeting(nlp, "Состоялось заседание Совета депутатов Челябинской области.")
    assert found.body == "Совет депутатов Челябинской области"


def test_a_body_written_with_a_tab_inside_leaves_no_gap(nlp: Language) -> None:
    # Found by the readers' fuzzer: yargy gives the body as «Форума …» while the text has «Ф\torума …».
    found = meeting(
        nlp, "Сегодня открывается заседание Ф\tорума стран-экспортеров газа (ФСЭГ), которое изберёт генсека."
    )
    assert found.title is None or found.title.startswith("заседание")


def test_a_home_city_named_in_the_genitive_is_read_in_the_nominative(nlp: Language) -> None:
    assert meeting(nlp, "Состоялось совещание. Его провёл аким города Шымкента Мурат Айтенов.").place == "Шымкент"


def test_a_room_of_meetings_names_no_meeting(nlp: Language) -> None:
    text = "На минувшей неделе в зале заседаний администрации района состоялась встреча депутатов с избирателями."
    assert meeting(nlp, text).title == "встреча депутатов"
    text = "Сегодня в зале заседаний горисполкома прошла девятая сессия Новополоцкого городского Совета депутатов."
    found = meeting(nlp, text)
    assert (found.title, found.body) == (
        "девятая сессия Новополоцкого городского Совета депутатов",
        "Новополоцкий городской Совет депутатов",
    )


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A crawler's date prefix gives the year of a day written without one.
        ("14.10.2022 11:27\nГлавная » Новости\n\n13 октября прошла сессия городского маслихата.", "2022-10-13", None),
        ("Главная / Новости\n10-03-2022  |  Просмотров: 54\n\n9 марта прошла очередная сессия.", "2022-03-09", None),
        # The header line's date is not the meeting sentence's own: «во вторник» counts from the dateline.
        (
            "16.11.2023 09:12\n\n16 ноября 2023 | Просмотров: 187\n\n"
            "Во вторник прошло очередное заседание райисполкома.",
            "2023-11-14",
            None,
        ),
        (
            "Автор: Анна Петрова | 20.04.2023, 11:08 | Общество\n\nВ среду состоялось заседание совета.",
            "2023-04-19",
            None,
        ),
        # The agency's dateline after a crawler's bare date; a protocol's «г. <город>» line.
        ("15.02.2024 18:05\n\nСАМАРКАНД, 15 февраля. /УзА/. Вчера состоялась сессия.", "2024-02-14", "Самарканд"),
        (
            "ПРОТОКОЛ № 9\nсовещания\n\nг. Вольск                18 марта 2024 г.\n\nПрисутствовали:",
            "2024-03-18",
            "Вольск",
        ),
        (
            "22.08.2023\n\nПавлодар. В понедельник в акимате области прошло аппаратное совещание.",
            "2023-08-21",
            "Павлодар",
        ),
    ],
)
def test_dateline_of_scraped_and_protocol_texts(nlp: Language, text: str, date: str, place: str | None) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


_LONG_BODY = "".join(
    f"Председатель отметил, что работы по участку {n} нужно завершить до конца месяца.\n\n" for n in range(16)
)


@pytest.mark.parametrize(
    ("footer", "date"),
    [
        # A district site prints the report's date under its byline, below the lines a dateline is looked for in.
        ("Светлана КОРОТКЕВИЧ\n14.05.2024\n", "2024-05-13"),
        ("Фото автора\n09:30, 14 мая 2024\nПросмотров: 45\n", "2024-05-13"),
        ("Опубликовано: 14 мая 2024 г.\n", "2024-05-13"),
        # A date inside the last sentence is no site's date line.
        ("Срок исполнения поручения — до 14 мая 2024 года.\n", None),
    ],
)
def test_a_footer_date_dates_a_relative_day(nlp: Language, footer: str, date: str | None) -> None:
    text = "Вчера в райисполкоме прошло заседание по вопросам благоустройства.\n\n" + _LONG_BODY + footer
    assert meeting(nlp, text).date == date


@pytest.mark.parametrize(
    "label",
    [
        "Жарыяланды: 18.09.2026, 10:12",
        "Жарияланды: 18.09.2026",
        "Жарияланған күні: 18.09.2026",
        "Нашр шуд: 18.09.2026",
        "E'lon qilindi: 18.09.2026",
        "Эълон қилинди: 18.09.2026",
        "Сана: 18.09.2026",
        "Новость от 18.09.2026",
    ],
)
def test_a_national_publication_label_dates_a_relative_day(nlp: Language, label: str) -> None:
    # A site of the genre's countries labels its publication date in the national language: the dateline a
    # weekday of the report is counted back from (18.09.2026 is a Friday).
    text = f"{label}\nБашкы бет / Жаңылыктар\n\nВ среду в айыл окмоту прошло заседание рабочей группы по питьевой воде."
    assert meeting(nlp, text).date == "2026-09-16"


def test_a_mayors_name_after_the_settlement_word_is_no_town(nlp: Language) -> None:
    text = "Об этом во время очередного заседания Совета старейшин 13 февраля заявил мэр города Вардан Галстян."
    assert meeting(nlp, text).place != "Вардан"


def test_a_publication_time_before_the_date_opens_a_dateline(nlp: Language) -> None:
    text = "13:45, 14 мая 2024\n\nВчера в райисполкоме прошло заседание по вопросам благоустройства."
    assert meeting(nlp, text).date == "2024-05-13"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Сегодня состоялось очередное заседание Думы города Костромы.", "Кострома"),
        ("В среду состоялось очередное заседание Совета старейшин общины Гюмри.", "Гюмри"),
        ("Сегодня прошла сессия Мядельского районного Совета депутатов. В Мядель приехали гости.", "Мядель"),
        ("Вчера прошло заседание Кобринского районного исполнительного комитета.", "Кобрин"),
        # Adjectives of cities in -а / -ы, a short name, the feminine «-ской»; a body named with its city's genitive.
        ("Прошла сессия Карагандинского городского маслихата.", "Караганда"),
        ("Прошла сессия Алматинского городского маслихата.", "Алматы"),
        ("Состоялась очередная сессия Ошского городского кенеша.", "Ош"),
        ("Прошло заседание Костромской городской Думы.", "Кострома"),
        ("Прошло заседание Думы Чебоксар.", "Чебоксары"),
    ],
)
def test_a_local_body_meets_at_home(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


def test_a_republic_is_not_a_home_city(nlp: Language) -> None:
    assert meeting(nlp, "Прошло заседание Государственного Совета Чувашии.").place is None


def test_a_dateline_past_the_end_of_the_meeting_sentence(nlp: Language) -> None:
    """A caption line («Пеле в 2011 году») read as the dateline ends past the headline's meeting sentence."""
    text = (
        "Врачи разрешили Пеле зажечь олимпийский огонь на открытии Игр в Рио\nПеле в 2011 году\n"
        "Пеле в 1963 году\nВрачи разрешили бывшему футболисту сборной Бразилии зажечь огонь."
    )
    assert meeting(nlp, text).title == "открытие Игр"


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A crawler's bracketed stamp and a view counter glued to the date: «вчера» counts from them.
        (
            "[2023-11-24 09:14]\nГлавная | Новости\nПросмотров: 212 24.11.2023\n\n"
            "Вчера в Уральске состоялась очередная сессия городского маслихата.",
            "2023-11-23",
            "Уральск",
        ),
        # The stamp gives way to the text's own date and lends it its year.
        (
            "[crawled 2024-03-02]\nГлавная   Новости\n\n1 марта в Бишкеке прошел круглый стол о предпринимательстве.",
            "2024-03-01",
            "Бишкек",
        ),
        # An agency's city in capitals with a full stop; a publication label before the date.
        ("АЛМАТЫ. 5 марта 2024 года. Вчера прошло заседание совета.", "2024-03-04", "Алматы"),
        ("Дата публикации: 12.04.2024\nВчера прошла сессия городского маслихата.", "2024-04-11", None),
        # A protocol's header with the place after the date.
        (
            "ПРОТОКОЛ\nзаседания райисполкома\n\n12 марта 2024 г. № 6            г. Лида\n\nПрисутствовали:",
            "2024-03-12",
            "Лида",
        ),
        # The address after the header's place; a meeting planned with an infinitive later dates nothing.
        (
            "СОВЕТ ГОРОДА\nПостоянная комиссия по бюджету\nПРОТОКОЛ № 7\nзаседания постоянной комиссии\n\n"
            "3 марта 2025 г.            г. Саки, ул. Ленина, 15, каб. 2\n\nПрисутствовали: члены комиссии.\n"
            "РЕШИЛИ: информацию принять к сведению, повторно рассмотреть вопрос на заседании 7 апреля.",
            "2025-03-03",
            "Саки",
        ),
        # A feed's stamp in the e-mail format; the lead's weekday counts from it.
        (
            "Fri, 14 Mar 2025 09:12:44 +0300\nГлавная → Новости\n\nВ четверг в Майкопе состоялся съезд врачей.",
            "2025-03-13",
            "Майкоп",
        ),
        # A street named for a date is no date; «г.» across the header's gap marks the town, not the year.
        (
            "ПРОТОКОЛ № 4\nзаседания совета общежития\n\nг. Иваново, ул. 8 Марта, д. 32          17 октября 2024 г.\n\n"
            "Присутствовали: члены совета.",
            "2024-10-17",
            "Иваново",
        ),
        (
            "ПРОТОКОЛ № 4\nзаседания комиссии\n\n24.11.2025                              г. Арзамас\n"
            "Место проведения: здание администрации, пл. Соборная, д. 1\n\nПрисутствовали: члены комиссии.",
            "2025-11-24",
            "Арзамас",
        ),
        # The date line under a protocol's title opens with «от»; a header's place column may hold the address too.
        (
            "МБОУ «СОШ № 7»\n171000, Тверская обл., г. Бежецк, ул. Садовая, д. 1\n\nПРОТОКОЛ № 3\n"
            "заседания педагогического совета\n\nот 28.11.2025                                 г. Бежецк\n\n"
            "Председательствующий: Иванова И.И., директор школы",
            "2025-11-28",
            "Бежецк",
        ),
        (
            "ПРАВИТЕЛЬСТВО ОБЛАСТИ\n\nПРОТОКОЛ\nзаседания совета по туризму\n\n"
            "г. Кандалакша, ул. Первомайская, 34                      12.02.2025 № 2\n\n"
            "Председательствующий: Петров П.П.",
            "2025-02-12",
            "Кандалакша",
        ),
        # A long header: the protocol's own date line comes below its body, title, place and number.
        (
            "АДМИНИСТРАЦИЯ РОССОШАНСКОГО МУНИЦИПАЛЬНОГО РАЙОНА\nВОРОНЕЖСКОЙ ОБЛАСТИ\n\nПРОТОКОЛ\n"
            "совещания у главы администрации района\n\nг. Россошь, пл. Советская, 3, малый зал            № 7\n"
            "от 11.03.2025\n\nПредседательствующий: глава администрации района Мищенко Юрий Викторович",
            "2025-03-11",
            "Россошь",
        ),
        # The lead dates the meeting its next sentence names: «В среду … провёл … Открывая встречу …».
        (
            "23.10.2025 17:40\nГлавная > Новости\n\nВ среду в Андижане хоким области провёл открытый диалог с "
            "предпринимателями. Открывая встречу, хоким напомнил о кредитах.",
            "2025-10-22",
            "Андижан",
        ),
    ],
)
def test_crawler_stamps_and_protocol_headers(nlp: Language, text: str, date: str, place: str) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The city hangs off the settlement word or the venue, not off the verb.
        ("9 марта в селе Кара-Булак прошла очередная сессия айылного кенеша.", "Кара-Булак"),
        ("16 марта в Ташкенте, в помещении ресурсного центра, прошло заседание правления.", "Ташкент"),
        ("25 сентября в Таврическом дворце (Санкт-Петербург) состоялось заседание комиссии.", "Санкт-Петербург"),
        ("14 марта в Доме дружбы народов (г. Казань) прошло заседание совета.", "Казань"),
        # A participle of the event noun; an agency's bracket after the city opening the text.
        ("Круглый стол, организованный в Бишкеке, собрал экспертов.", "Бишкек"),
        ("ТАШКЕНТ (УзА). Вчера состоялось заседание Сената.", "Ташкент"),
        # A district's or a region's centre is a settlement's word.
        ("12 мая в районном центре Кочкор прошла сессия айылного кенеша.", "Кочкор"),
        ("5 марта в областном центре Нарын состоялось заседание коллегии.", "Нарын"),
        ("18 октября в этрапском центре Саят прошло заседание Генгеша.", "Саят"),
    ],
)
def test_place_through_the_settlement_word_or_the_venue(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The locations stage may miss a name after «г.»; the settlement word says it is one.
        ("Сегодня, 5 марта, в г. Тамбове прошло заседание Общественной палаты региона.", "Тамбов"),
        ("Вчера в пос. Ургал прошла сессия поселкового совета депутатов.", "Ургал"),
        # «с» without its full stop is the preposition.
        ("Заседание прошло с Орловым во главе.", None),
    ],
)
def test_a_name_after_a_settlement_word(nlp: Language, text: str, place: str | None) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The city is part of the name of the room or building the «в» stands on.
        ("12 мая в зале заседаний районного совета Комрата прошла очередная сессия совета.", "Комрат"),
        ("3 апреля в актовом зале администрации Киренска прошло заседание районной думы.", "Киренск"),
        ("3 апреля в конференц-зале мэрии Кишинёва прошло заседание муниципального совета.", "Кишинёв"),
        # After a settlement word the home city is read in its case, as before.
        ("Вчера в здании администрации города Тайшета состоялось заседание думы.", "Тайшет"),
    ],
)
def test_a_city_in_the_name_of_the_venue(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The locations stage may find a small town once and miss it where the meeting is placed; the same word
        # is the same place.
        ("Во вторник в Акше состоялось заседание совета района. Пропуска оформляют в отделении в Акше.", "Акша"),
        ("В пятницу в Кяхте прошла сессия районного совета. Новая школа откроется в Кяхте осенью.", "Кяхта"),
    ],
)
def test_a_place_found_elsewhere_in_the_text_places_the_meeting(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # The agency in brackets between the city and the date.
        ("БИШКЕК (Кабар) — 14 марта 2024 года. Состоялось заседание комитета.", "2024-03-14", "Бишкек"),
        # The city after the date.
        ("14 марта 2024 года, Бишкек. Состоялось заседание комитета.", "2024-03-14", "Бишкек"),
        # A protocol's place field that names the venue first.
        (
            "Место проведения: актовый зал администрации, г. Тулун\nЗаседание постоянной комиссии по бюджету.",
            None,
            "Тулун",
        ),
        # A protocol's «г. <name>» before the date: a name morphology does not know is kept as written.
        ("ПРОТОКОЛ № 5\n\nг. Вахдат     14 марта 2024 г.\n\nЗаседание комиссии по ЖКХ.", "2024-03-14", "Вахдат"),
    ],
)
def test_dateline_and_field_shapes(nlp: Language, text: str, date: str | None, place: str) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


@pytest.mark.parametrize(
    "text",
    [
        "Сессия Тамбовской областной Думы состоялась 5 марта 2024 года.",
        "Аким Павлодарской области провёл аппаратное совещание.",
        "Прошло заседание Собрания депутатов Вольского муниципального района.",
    ],
)
def test_a_regional_or_district_body_gives_no_place(nlp: Language, text: str) -> None:
    # The gold leaves the place of a region's or district's body unstated when the text does not state it.
    assert meeting(nlp, text).place is None


def test_a_capital_initial_before_a_persons_name_is_no_town(nlp: Language) -> None:
    """«начальники отделов администрации района – Г. Малофеева»: «Г.» is her initial, not «г.» naming a town."""
    text = (
        "Вчера в актовом зале администрации района состоялись публичные слушания по проекту бюджета. "
        "Выступили также начальники отделов администрации района – Г. Малофеева и М. Малеева."
    )
    assert meeting(nlp, text).place is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Мэр Москвы принял участие в торжественном открытии новой сцены в Московском драматическом театре.",
            "Москва",
        ),
        ("Прошло заседание ученого совета в Казанском федеральном университете. Казань встречала гостей.", "Казань"),
        # The city the adjective comes from must be named in the text too.
        ("Прошло заседание ученого совета в Казанском федеральном университете.", None),
    ],
)
def test_a_venue_named_by_its_city(nlp: Language, text: str, place: str | None) -> None:
    assert meeting(nlp, text).place == place


def test_a_headline_in_capitals_places_the_meeting(nlp: Language) -> None:
    text = "В ТАМБОВЕ ПРОШЛО ЗАСЕДАНИЕ ОБЩЕСТВЕННОЙ ПАЛАТЫ\n\nЧлены палаты обсудили вопросы благоустройства."
    assert meeting(nlp, text).place == "Тамбов"


def test_a_headline_in_capitals_without_a_meeting_places_nothing(nlp: Language) -> None:
    text = "В ТАМБОВЕ ПОДОРОЖАЛ ПРОЕЗД В АВТОБУСАХ\n\nЧлены палаты обсудили вопросы благоустройства."
    assert meeting(nlp, text).place is None


def test_a_district_council_meets_in_the_town_its_adjective_is_made_from(nlp: Language) -> None:
    # «Томский» is Томск, not the river Томь.
    text = "Сессия Томского районного Совета депутатов прошла под председательством Ивана Петрова."
    assert meeting(nlp, text).place == "Томск"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Состоялось заседание Думы городского округа Тольятти.", "Тольятти"),
        ("Прошла сессия Совета депутатов муниципального образования «Город Киров».", "Киров"),
        ("Состоялось заседание Думы г. Тамбова.", "Тамбов"),
        ("Состоялось заседание акимата г. Павлодара.", "Павлодар"),
    ],
)
def test_a_municipality_meets_in_its_city(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


def test_a_dateline_with_the_city_after_a_bar(nlp: Language) -> None:
    found = meeting(nlp, "14.03.2024 | Бишкек\nСостоялось заседание комитета Жогорку Кенеша.")
    assert (found.date, found.place) == ("2024-03-14", "Бишкек")


def test_a_city_in_the_locative_is_named_by_its_first_reading(nlp: Language) -> None:
    # «в Оше» reads as Ош or Оша: morphology reads Ош first.
    assert meeting(nlp, "Участники совещания в Оше обсудили подготовку к зиме.").place == "Ош"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A city's own body: the adjective's stem is the city where morphology does not know the name.
        ("Состоялась очередная сессия Жалал-Абадского городского кенеша.", "Жалал-Абад"),
        ("Прошла сессия Таразского городского маслихата.", "Тараз"),
        ("Прошла сессия Худжандского городского маджлиса народных депутатов.", "Худжанд"),
        ("Состоялось заседание Бобруйского городского Совета депутатов.", "Бобруйск"),
        # An adjective not made from its city's stem is in the lexicon.
        ("Прошла внеочередная сессия Балыкчинского городского кенеша.", "Балыкчы"),
        # «г.о.»: a city district named by its city.
        ("Состоялось заседание Думы г.о. Тольятти.", "Тольятти"),
        # A city in -цк.
        ("Состоялось заседание Новополоцкого городского Совета депутатов.", "Новополоцк"),
        # The settlement after a venue, its name left in the nominative or unknown to morphology.
        ("14 марта в здании мэрии г. Ош состоялось заседание городского кенеша.", "Ош"),
        ("Сессия прошла в Доме культуры села Кок-Ой.", "Кок-Ой"),
    ],
)
def test_a_city_body_meets_in_its_city(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


def test_a_district_adjective_is_not_read_as_a_city(nlp: Language) -> None:
    # Only a city's body («городского») says its adjective is made from a city.
    assert meeting(nlp, "Прошла сессия Таразского районного маслихата.").place is None


def test_the_title_goes_on_through_the_settlement_word(nlp: Language) -> None:
    assert meeting(nlp, "Сегодня состоялось заседание Думы г. Тамбова.").title == "заседание Думы г. Тамбова"
    assert meeting(nlp, "Состоялось заседание Думы г.о. Тольятти.").title == "заседание Думы г.о. Тольятти"


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A dateline's place in brackets, on the date's line or a line of its own.
        ("(г. Тамбов) 14 марта 2024 г. Состоялось заседание комиссии.", "2024-03-14", "Тамбов"),
        ("(г. Тамбов)\n14 марта 2024 года состоялось заседание комиссии.", "2024-03-14", "Тамбов"),
        # A protocol's header block: body and title lines before the place and the date on one line.
        (
            "ПРОТОКОЛ № 3\nзаседания Общественной палаты Тамбовской области\n\n"
            "г. Тамбов                      14 марта 2024 г.\n\nПредседательствовал: Иванов И.И.",
            "2024-03-14",
            "Тамбов",
        ),
        # A protocol's day in quotes, the place after the date; a village after the date.
        (
            "ПРОТОКОЛ № 3\nзаседания комиссии\n\n«14» марта 2024 г.                      г. Тамбов\n\nПрисутствовали:",
            "2024-03-14",
            "Тамбов",
        ),
        ("ПРОТОКОЛ\nзаседания Совета депутатов\n14 марта 2024 г. с. Кара-Суу\n", "2024-03-14", "Кара-Суу"),
        # A dateline's city morphology does not know, as written.
        ("Кызылорда, 14 марта 2024 (Kazinform). Состоялась сессия маслихата.", "2024-03-14", "Кызылорда"),
        ("КЫЗЫЛОРДА, 14 марта 2024. Состоялась сессия маслихата.", "2024-03-14", "Кызылорда"),
        # A known word that is no place is no dateline's place.
        ("Понедельник, 14 марта 2024. Состоялась сессия маслихата.", "2024-03-14", None),
        # The time between the date and the city.
        ("14 марта 2024, 10:15 | Бишкек\nСостоялось заседание комитета.", "2024-03-14", "Бишкек"),
        # A long header block before the «Место проведения:» field.
        (
            "АДМИНИСТРАЦИЯ ГОРОДА ТАМБОВА\nТАМБОВСКОЙ ОБЛАСТИ\nПРОТОКОЛ № 3\nзаседания межведомственной комиссии\n"
            "по профилактике правонарушений\nна территории города\nДата проведения: 14 марта 2024 года\n"
            "Время: 10:00\nМесто проведения: г. Тамбов, ул. Советская, 2, зал заседаний\nПредседательствовал: Иванов",
            "2024-03-14",
            "Тамбов",
        ),
        # Place fields: «Место:», «Адрес:», the city before the venue.
        ("Место: г. Каракол, здание мэрии\nЗаседание постоянной комиссии по бюджету.", None, "Каракол"),
        ("Адрес: г. Тулун, ул. Ленина, 5\nЗаседание постоянной комиссии по бюджету.", None, "Тулун"),
        ("Место проведения: Тулун, актовый зал\nЗаседание постоянной комиссии по бюджету.", None, "Тулун"),
    ],
)
def test_bracketed_datelines_and_place_fields(nlp: Language, text: str, date: str | None, place: str | None) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Заседание прошло в режиме видеоконференции в городе Бишкек.", "Бишкек"),
        ("14 марта в формате видеоконференции в г. Тамбове состоялось заседание совета.", "Тамбов"),
    ],
)
def test_a_place_after_the_way_the_meeting_is_held(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


_ITEMS = "".join(f"{n}. Слушали отчёт о работе за квартал.\n" for n in range(1, 10))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The place by the signatures closing a protocol, alone or with the date, before or after it.
        (
            f"ПРОТОКОЛ\nзаседания комиссии\n{_ITEMS}Председатель          И.И. Иванов\nг. Тулун\n14 марта 2024 года",
            "Тулун",
        ),
        (f"ПРОТОКОЛ\nзаседания комиссии\n{_ITEMS}Председатель          И.И. Иванов\n14.03.2024   г. Ош", "Ош"),
        # A place field written into a running paragraph.
        ("Под председательством мэра прошло заседание. Место проведения — г. Самара.", "Самара"),
        # A site's address in the footer is not a place line: a street follows the city.
        (f"Сегодня прошло заседание совета.\n{_ITEMS}Наш адрес: г. Бишкек, ул. Киевская, 96", None),
    ],
)
def test_the_place_in_the_signature_block_or_a_field_in_the_text(nlp: Language, text: str, place: str | None) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The body holding the meeting, or its head, named in full a sentence after the meeting's.
        ("Состоялась очередная сессия городского кенеша. Депутаты Ошского городского кенеша рассмотрели бюджет.", "Ош"),
        ("Прошло аппаратное совещание. Его провёл аким города Талдыкорган Иванов.", "Талдыкорган"),
        # A city's head holding the meeting.
        ("Заседание комиссии провела мэр Бишкека Айгуль Иванова.", "Бишкек"),
        # Irregular city adjectives are in the lexicon; cities in -горск.
        ("Состоялось заседание Гродненского городского Совета депутатов.", "Гродно"),
        ("Прошла сессия Степногорского городского маслихата.", "Степногорск"),
        # «На этой же сессии»: the meeting the sentence before names by its body.
        (
            "Председателем Таласского городского кенеша избран Азамат Осмонов. На этой же сессии избран заместитель.",
            "Талас",
        ),
    ],
)
def test_the_home_of_the_body_named_near_the_meeting(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    "text",
    [
        # A person's initial is not «с.» (село).
        "Как показало заседание комиссии, объекты отстают от графика. Вдобавок С.Антуфьев получил предупреждение.",
        # A news story's passing «заседание»: a city named later is not its place.
        "Как показало последнее заседание комиссии, объекты отстают. Мэр города Камник ушёл в отставку.",
    ],
)
def test_no_home_from_a_passing_meeting_or_an_initial(nlp: Language, text: str) -> None:
    assert meeting(nlp, text).place is None


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A protocol written in a smaller settlement: the kind of settlement abbreviated before its name.
        (
            "ПРОТОКОЛ № 4\nзаседания Совета депутатов\n\nр.п. Сосновка          14 марта 2024 г.\n\n"
            "Председательствующий:",
            "2024-03-14",
            "Сосновка",
        ),
        ("ПРОТОКОЛ № 2\n\nд. Ключи     5 мая 2024 г.\n\nЗаседание сельской думы.", "2024-05-05", "Ключи"),
        # An initial in capitals is not a settlement word.
        ("ПРОТОКОЛ № 2\n\nД. Ключин, 5 мая 2024 г.\n\nЗаседание сельской думы.", "2024-05-05", None),
    ],
)
def test_a_protocol_in_a_smaller_settlement(nlp: Language, text: str, date: str, place: str | None) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


def test_a_settlement_named_after_a_person_keeps_the_title(nlp: Language) -> None:
    found = run_stages(nlp("Вчера в селе Казыбек би прошло совещание под председательством акима округа."))
    assert found.meeting.place == "Казыбек би"
    assert "Казыбек би" in [location.name for location in found.locations]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A machine's ISO date opening the text is a crawler's or an engine's stamp: the day in the text comes first.
        (
            "2024-10-09 11:02:37 | ВКО | Общество\n\nВ Семее прошёл круглый стол о занятости молодёжи. "
            "Участники собрались 8 октября в зале акимата.",
            "2024-10-08",
        ),
        (
            "2025-02-03T07:31:00+05:00\n\nВ Курске состоялся семинар для депутатов. Он прошёл 31 января.",
            "2025-01-31",
        ),
        # A site engine's slashes in the same order; a weekday counts back from it.
        ("2025/11/28 09:03\nГлавная / Новости\n\nВ четверг в акимате прошло заседание совета.", "2025-11-27"),
        # With no other day in the text, the stamp still dates it.
        ("2023-06-14 | news.example.kz\n\nСостоялось заседание общественного совета.", "2023-06-14"),
        # A protocol's header pads the place and the date apart: the year past the padding is still the date's.
        (
            "ПРОТОКОЛ № 3\n\nг. Пенза" + " " * 60 + "«24» апреля 2025 г.\n\nЗаседание комиссии открыл председатель.",
            "2025-04-24",
        ),
        (
            "ПРОТОКОЛ № 7\n\nг. Тверь" + "\t" * 12 + "«3» ноября 2023 года\n\nЗаседание совета открыл председатель.",
            "2023-11-03",
        ),
    ],
)
def test_machine_stamp_and_padded_header_dates(nlp: Language, text: str, date: str) -> None:
    assert meeting(nlp, text).date == date


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A settlement named by an adjective and its noun.
        (
            "СТЕНОГРАММА\n\n18 сентября 2024 года\nМесто проведения: г. Сосновый Бор, ул. Ленинградская, д. 46\n\n"
            "Заседание совета открыл глава округа.",
            "Сосновый Бор",
        ),
        ("Место проведения: г. Великие Луки, ул. Ленина, 1\nСостоялось заседание Думы.", "Великие Луки"),
        ("ПРОТОКОЛ\n12 марта 2024 г.      г. Старый Оскол\nСостоялось заседание совета.", "Старый Оскол"),
        ("Место проведения: зал администрации, г. Белая Калитва\nСостоялось заседание Думы.", "Белая Калитва"),
        # Not an adjective with its noun: the first word alone.
        ("Место проведения: г. Пенза Пензенской области\nСостоялось заседание Думы.", "Пенза"),
    ],
)
def test_two_word_settlement_in_field(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A headline ending in «… ГОРОДА» and the next line's first word are not «города <name>».
        (
            "СЕССИЯ МАСЛИХАТА: ДЕПУТАТЫ ЗАСЛУШАЛИ ОТЧЁТ АКИМА ГОРОДА\n\nВчера в городе Щучинске состоялась "
            "очередная сессия районного маслихата.",
            "Щучинск",
        ),
        (
            "ДУМА ОБСУДИЛА БЮДЖЕТ ГОРОДА\n\nСегодня в городе Урюпинске прошло заседание городской Думы.",
            "Урюпинск",
        ),
    ],
)
def test_headline_end_is_no_home_city(nlp: Language, text: str, place: str) -> None:
    found = meeting(nlp, text).place
    assert found is not None and found.lower().startswith(place.lower())


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Хива, 7 марта 2025 г. В среду в хокимияте района состоялось совещание по подготовке к поливу.", "Хива"),
        ("Нукус, 12 апреля 2024 г. Во вторник в хокимияте прошло совещание о ремонте школ.", "Нукус"),
        ("ПРОТОКОЛ № 4\n\n12 марта 2024 г.      г. Старый Оскол\n\nСостоялось заседание совета.", "Старый Оскол"),
    ],
)
def test_the_meeting_place_is_a_location(nlp: Language, text: str, place: str) -> None:
    findings = run_stages(nlp(text))
    assert findings.meeting.place == place
    location = next(loc for loc in findings.locations if loc.name == place)
    assert [text[m.start : m.end].lower() for m in location.mentions][:1] == [place.lower()]


def test_the_datelines_town_is_a_location_where_the_meeting_sat_elsewhere(nlp: Language) -> None:
    text = "ШАРТУЗОН, 5 мая. В здании джамоата Навобод состоялось заседание о подготовке к севу."
    findings = run_stages(nlp(text))
    assert findings.meeting.place != "Шартузон"
    assert "Шартузон" in [location.name for location in findings.locations]


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A site's bare publication time gives way to the agency's own dateline with its place, which lends no year.
        (
            "23.10.2024 12:10\nГлавная > Новости\nEN | RU\n\nВ Астане прошло заседание\n\n"
            "АСТАНА, 22 октября. В столице Казахстана состоялось заседание консультативного комитета.",
            "2024-10-22",
            "Астана",
        ),
        (
            "05.03.2025 09:40\nНовости\n\nОМСК, 4 марта. В областном правительстве прошло совещание по паводку.",
            "2025-03-04",
            "Омск",
        ),
        # The same day in both: nothing changes.
        (
            "17.04.2025 19:40 | Культура\nБАКУ, 17 апреля. В столице Азербайджана состоялось заседание совета.",
            "2025-04-17",
            "Баку",
        ),
        # A dateline with its place below bilingual menus and a headline: «вчера» counts from it, not the stamp.
        (
            "[2025-06-11 09:03]\nQaraqalpaqstan Respublikası Joqarģı Keńesi\nBosh sahifa / Yangiliklar\n"
            "Главная / Новости\nКОМИТЕТ ОБСУДИЛ ПОЛИВНОЙ СЕЗОН\n"
            "Нукус, 10 июня 2025 г. Вчера состоялось заседание комитета по аграрным вопросам.",
            "2025-06-09",
            "Нукус",
        ),
        (
            "[2024-02-20 07:15]\nBasty bet / Zhanalyqtar\nГлавная | Новости | Маслихат\nПоиск\nСЕССИЯ МАСЛИХАТА\n"
            "Шымкент, 19 февраля 2024 года. Вчера прошла сессия городского маслихата.",
            "2024-02-18",
            "Шымкент",
        ),
    ],
)
def test_a_dateline_with_its_place_is_the_reports_own(nlp: Language, text: str, date: str, place: str) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A dateline naming its venue between the city and the date, below a letterhead and a headline.
        (
            "МЕЖДУНАРОДНАЯ АССАМБЛЕЯ\nСекретариат · Пресс-релиз № 7\n______\nКОМИССИЯ ПО СОЦИАЛЬНОЙ ПОЛИТИКЕ\n"
            "ОБСУДИЛА ЗАКОН\n\nСанкт-Петербург, Таврический дворец, 10 апреля 2025 года\n\n"
            "Сегодня состоялось заседание постоянной комиссии.",
            "2025-04-10",
            "Санкт-Петербург",
        ),
        ("Бишкек, Дом дружбы, 5 мая 2024 г.\nВчера прошло заседание совета.", "2024-05-04", "Бишкек"),
        ("г. Ош, актовый зал мэрии, 14 марта 2023 года\nСостоялась сессия городского кенеша.", "2023-03-14", "Ош"),
        (
            "Казань, Дом Правительства, малый зал, 3 февраля 2025\nСегодня состоялось заседание комиссии.",
            "2025-02-03",
            "Казань",
        ),
    ],
)
def test_a_dateline_may_name_its_venue(nlp: Language, text: str, date: str, place: str) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


def test_a_sentences_clauses_are_no_venue(nlp: Language) -> None:
    # «по словам депутата» opens with a preposition: the date after it is the sentence's, not a dateline's.
    text = "Москва, по словам депутата, 5 мая будет заседание.\nВчера прошло заседание совета."
    assert meeting(nlp, text).date is None


def test_a_bare_date_far_down_is_no_dateline(nlp: Language) -> None:
    # Only a dateline with its place stands below the first lines; a bare date there is a date in the text.
    text = (
        "[2024-05-21 08:00]\nГлавная\nНовости\nКомитеты\nЗАСЕДАНИЕ КОМИТЕТА\n"
        "15.05.2024 срок подачи заявок истёк.\nВчера состоялось заседание комитета."
    )
    assert meeting(nlp, text).date == "2024-05-20"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A settlement noun the tagger misreads («муниципия»: no case, another lemma): morphology reads its genitive.
        (
            "27 марта 2025 года в зале заседаний Примэрии муниципия Бельцы состоялось заседание "
            "Бельцкого муниципального совета.",
            "Бельцы",
        ),
        ("Вчера в здании мэрии муниципия Кишинэу состоялось заседание муниципального совета.", "Кишинэу"),
        ("Вчера в актовом зале примэрии муниципия Комрат прошло заседание совета.", "Комрат"),
        # «с» is a preposition here, not «село».
        ("21 сентября состоялось заседание совета совместно с Министерством труда.", None),
    ],
)
def test_a_municipium_meets_in_its_city(nlp: Language, text: str, place: str | None) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "АССОЦИАЦИЯ ВОДОПОЛЬЗОВАТЕЛЕЙ\n\nПРОТОКОЛ № 2\nобщего собрания членов ассоциации\n\n"
            "джамоат Чоркух                                  3 апреля 2025 г.\n\nПредседательствующий: Рахимзода Д.С.",
            "Чоркух",
        ),
        (
            "ПРОТОКОЛ № 4\nсхода граждан\n\nмахалля Навбахор          12 мая 2025 г.\n\nПредседатель: Каримов А.",
            "Навбахор",
        ),
    ],
)
def test_a_protocol_header_in_a_central_asian_village_unit(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


def test_a_headline_verb_in_capitals_is_no_place(nlp: Language) -> None:
    # The headline names the body's kind and what it did: «ОКРУГА» is followed by a verb, not by the okrug's name.
    text = (
        "АКИМ ПОСЕЛКОВОГО ОКРУГА ВСТРЕТИЛСЯ С ЖИТЕЛЯМИ\n\n"
        "5 марта в клубе прошла встреча акима поселкового округа с населением."
    )
    place = meeting(nlp, text).place
    assert place is None or not place.isupper()


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # Belarus's agro-town «аг.» marks the header's place: the line is a dateline, and its year dates the meeting.
        (
            "ИНФОРМАЦИЯ\nо заседании сельисполкома\n\nаг. Озераны, 14 марта 2025 г.\n\n"
            "14 марта состоялось заседание сельского исполнительного комитета.",
            "2025-03-14",
            "Озераны",
        ),
        (
            "ПРОТОКОЛ № 3\nсхода граждан\n\nдер. Ключи                          6 мая 2024 г.\n\n"
            "Присутствовали: 40 человек.",
            "2024-05-06",
            "Ключи",
        ),
    ],
)
def test_an_agro_town_or_village_header(nlp: Language, text: str, date: str, place: str) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


def test_a_weekday_dates_a_meeting_no_event_noun_names(nlp: Language) -> None:
    # «круг» is no event noun of the lexicon; the lead's verb of taking place still dates it from the stamp (a Monday).
    text = (
        "2025-06-09T08:00:00+03:00\nГлавная › Новости\n\n"
        "В субботу в станичном Доме культуры прошёл отчётно-выборный круг казачьего общества."
    )
    assert meeting(nlp, text).date == "2025-06-07"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A month and a year in the header lend the year to the day the text gives without one.
        ("Вестник сельсовета № 5, апрель 2025\n\n17 апреля состоялась сессия сельского Совета.", "2025-04-17"),
        # A year alone lends none: the gold sets leave such a date without its year.
        ("Вестник сельсовета № 5\n\n17 апреля состоялась сессия сельского Совета. Итоги за 2024 год.", "--04-17"),
    ],
)
def test_a_header_month_and_year_lend_the_year(nlp: Language, text: str, date: str) -> None:
    assert meeting(nlp, text).date == date


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A two-digit year in a protocol's header is this century's.
        ("ПРОТОКОЛ заседания комиссии\n05.11.24 с. Ягодное\n\nПрисутствовали: 7 членов.", "2024-11-05", "Ягодное"),
        # A meeting of several days is dated by its first day.
        ("Сессия областного Совета депутатов прошла 3–4 октября 2024 года в городе Гродно.", "2024-10-03", "Гродно"),
        # An ordinal day and an abbreviated month are dates too.
        ("17-го апреля в городе Нарын состоялось заседание городского кенеша.", "--04-17", "Нарын"),
        ("9 сент. 2024 г. в селе Кочкор прошёл сход граждан.", "2024-09-09", "Кочкор"),
        # A site's day/month/year with slashes dates the report.
        ("Новости\n21/09/2017\nСегодня в городе Ош состоится заседание городского кенеша.", "2017-09-21", "Ош"),
    ],
)
def test_date_shapes_of_real_reports(nlp: Language, text: str, date: str, place: str) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # «На днях» and «накануне» with no dateline: the day is not named, and a later date is another event's.
        (
            "На днях в администрации поселения состоялось заседание Совета. Выборы назначены на 8 октября 2025 года.",
            None,
        ),
        ("Накануне состоялось заседание Совета, где согласовали проведение 12 декабря сессии.", None),
        # Under a dateline «накануне» is the day before it.
        (
            "Кызыл, 14 марта 2025 г.\n\n"
            "Накануне состоялось заседание Совета, где согласовали проведение 2 апреля сессии.",
            "2025-03-13",
        ),
        # A line below the meeting's sentence that opens with a date is no dateline of it.
        (
            "Хурал соберётся 26 сентября\n"
            "Первая сессия Хурала пройдёт в четверг, 26 сентября.\n8 сентября прошли выборы.",
            "--09-26",
        ),
    ],
)
def test_relative_days_of_real_reports(nlp: Language, text: str, date: str | None) -> None:
    assert meeting(nlp, text).date == date


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A town of two words, an adjective and a toponym, comes whole from a headline in capitals …
        ("В НИЖНЕМ НОВГОРОДЕ ПРОШЛО ЗАСЕДАНИЕ ОБЩЕСТВЕННОЙ ПАЛАТЫ\n\nЧлены палаты обсудили дороги.", "Нижний Новгород"),
        ("В НАБЕРЕЖНЫХ ЧЕЛНАХ ПРОШЛО ЗАСЕДАНИЕ СОВЕТА\n\nЧлены палаты обсудили дороги.", "Набережные Челны"),
        ("В СТАРОМ ОСКОЛЕ ПРОШЛО ЗАСЕДАНИЕ ОБЩЕСТВЕННОЙ ПАЛАТЫ\n\nЧлены палаты обсудили дороги.", "Старый Оскол"),
        # … from a dateline …
        ("НИЖНИЙ НОВГОРОД, 5 мая — Вчера прошло заседание общественной палаты.", "Нижний Новгород"),
        ("Набережные Челны, 5 мая. Вчера прошло заседание общественной палаты.", "Набережные Челны"),
        # … and from the home of the body holding the meeting.
        (
            "Вчера прошло заседание совета при главе города Новый Уренгой. Члены совета обсудили план.",
            "Новый Уренгой",
        ),
        ("Прошло аппаратное совещание. Его провёл глава города Нижний Новгород Юрий Шалабаев.", "Нижний Новгород"),
        # A hyphenated town is one word.
        ("В ЮЖНО-САХАЛИНСКЕ ПРОШЛО ЗАСЕДАНИЕ ОБЩЕСТВЕННОЙ ПАЛАТЫ\n\nЧлены палаты обсудили дороги.", "Южно-Сахалинск"),
    ],
)
def test_a_two_word_town_places_the_meeting_whole(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


def test_initials_glued_to_a_surname_are_no_village(nlp: Language) -> None:
    """«С.М.Халтурин»: «С.» before a capital and a full stop is an initial, not «с.» (село) naming a place «М»."""
    text = (
        "Старт собраниям был дан 30 января. В работе собрания приняли участие глава Советского района "
        "С.М.Халтурин и глава администрации А.А.Трудинов."
    )
    assert meeting(nlp, text).place is None


def test_a_venue_between_the_town_and_the_verb(nlp: Language) -> None:
    """A headline without a full stop runs into the lead as one sentence; «в Туркестане, в Доме дружбы, прошло …»
    still places the meeting."""
    text = (
        "04.04.2025 / 16:05\nГлавная » Новости\n\nОбщественный совет заслушал отчёт департамента\n\n"
        "Вчера в Туркестане, в Доме дружбы, прошло расширенное заседание Общественного совета области."
    )
    assert meeting(nlp, text).place == "Туркестан"


def test_a_municipalitys_kind_is_no_home_town(nlp: Language) -> None:
    text = "Глава МО Вырицкое городское поселение провела публичные слушания по проекту бюджета."
    assert meeting(nlp, text).place != "МО"


def test_a_bracket_glossing_a_foreign_bodys_name_is_no_meeting(nlp: Language) -> None:
    text = "Сакребуло (муниципальное собрание) Батуми на своем первом заседании 5 декабря избрало председателя."
    assert meeting(nlp, text).title == "первое заседание"


def test_a_district_adjective_after_a_settlement_noun_is_no_town(nlp: Language) -> None:
    text = "Сегодня в нескольких сельских поселениях Ковылкинского района прошли организационные сессии Советов."
    assert meeting(nlp, text).place != "Ковылкинского"


def test_a_persons_name_after_a_settlement_word_is_no_home(nlp: Language) -> None:
    text = (
        "Очередная сессия Собрания депутатов прошла в Буртунае\n\n25 сентября прошла очередная сессия Собрания "
        "депутатов под председательством Хайбулаева Хабиба. В заседании также приняли участие имам села Касумов "
        "Рамазан и депутаты."
    )
    assert meeting(nlp, text).place == "Буртунай"


def test_a_town_named_for_what_is_not_its_body_is_no_home(nlp: Language) -> None:
    # «сотрудники организаций … города Ташкента»: a town's name after what is no body, post or venue of it.
    text = (
        "В 13 районах области на внеочередных сессиях кенгашей народных депутатов утверждены новые хокимы. "
        "В 11 районах хокимами стали сотрудники организаций республиканского уровня и города Ташкента."
    )
    assert meeting(nlp, text).place is None


def test_a_plural_body_the_dictionary_does_not_know_is_read_in_the_nominative(nlp: Language) -> None:
    found = meeting(nlp, "Состоялось совместное заседание кенгашей народных депутатов Ферганской области.")
    assert found.body == "кенгаши народных депутатов Ферганской области"


def test_a_meeting_called_is_one_held(nlp: Language) -> None:
    text = (
        "Внеочередная сессия районного Совета депутатов была созвана 12 марта по инициативе главы района. "
        "На сессии депутаты рассмотрели отчёт о бюджете."
    )
    found = meeting(nlp, text)
    assert (found.title, found.date) == ("Внеочередная сессия районного Совета депутатов", "--03-12")


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # A site's year-first dotted date; «накануне» is the day before it.
        (
            "2025.10.21 08:15  |  Общество\n\nНакануне в Якутске состоялось заседание постоянного комитета.",
            "2025-10-20",
            "Якутск",
        ),
        # A site's fields: date / time | city | source.
        (
            "04.06.2025 / 17:12 | Бишкек | Пресс-служба парламента\n\nСегодня состоялось заседание фракции.",
            "2025-06-04",
            "Бишкек",
        ),
        # A protocol header's town that morphology knows only as a participle; the next meeting's town is not it.
        (
            "ПРОТОКОЛ № 2\nзаседания Совета\n\nг. Страшены                              14 марта 2025 г.\n\n"
            "Председательствующий сообщил, что следующее заседание Совета состоится в июне в г. Калараш.",
            "2025-03-14",
            "Страшены",
        ),
        # A town named by an adjective, in its genitive after the body's head.
        (
            "Накануне в акимате города Рудного под председательством заместителя акима города Айгерим Маратовны "
            "Исаевой состоялось заседание комиссии.",
            None,
            "Рудный",
        ),
    ],
)
def test_site_fields_protocol_towns_and_the_next_meeting(
    nlp: Language, text: str, date: str | None, place: str
) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


def test_a_headline_s_meeting_is_dated_by_the_lead_after_the_dateline(nlp: Language) -> None:
    # 16 April 2025 is a Wednesday: «в понедельник» is the 14th.
    text = (
        "16.04.2025 / 10:20\n\nАким района провел совещание с главами сельских округов\n\n"
        "ТАРАЗ, 16 апреля — Казинформ. В понедельник аким района провел расширенное совещание с главами "
        "сельских округов."
    )
    assert meeting(nlp, text).date == "2025-04-14"


def test_a_letterhead_s_town_places_a_protocol_held_in_a_building(nlp: Language) -> None:
    text = (
        "СХОД ГРАЖДАН МАХАЛЛИ «ДУСТЛИК» ГОРОДА НАМАНГАНА\n\nПРОТОКОЛ № 3\nсхода граждан махалли\n\n"
        "Место проведения: здание махаллинского гузара\nДата: 5 марта 2026 г.\n\n"
        "Присутствовали: 120 жителей махалли.\nСЛУШАЛИ: заместителя хокима города Намангана о благоустройстве."
    )
    assert meeting(nlp, text).place == "Наманган"


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # An agency's month cut short, after a hyphenated town in capitals; the lead's weekday counts from it.
        (
            "[2024-11-15 17:40]\nГлавная > Регионы\n\nВ Кара-Балте прошла сессия горкенеша\n\n"
            "КАРА-БАЛТА, 15 ноя — Кабар. В четверг в Кара-Балте состоялась очередная сессия городского кенеша.",
            "2024-11-14",
            "Кара-Балта",
        ),
        (
            "ТАЛАС, 3 окт. 2024 — Кабар. Сегодня состоялось заседание областного совета ветеранов.",
            "2024-10-03",
            "Талас",
        ),
        # A protocol header's Moldovan municipality after the date.
        (
            "ПРОТОКОЛ\nзаседания городского совета\n\n12 марта 2025 года                     мун. Комрат\n\n"
            "Присутствовали 17 советников.",
            "2025-03-12",
            "Комрат",
        ),
    ],
)
def test_short_months_hyphenated_towns_and_municipalities_in_datelines(
    nlp: Language, text: str, date: str, place: str
) -> None:
    found = meeting(nlp, text)
    assert (found.date, found.place) == (date, place)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Two settlement abbreviations before the name.
        ("Во вторник в р.п. Сосновка прошло заседание поселкового совета депутатов.", "Сосновка"),
        # The settlement names the building the «в» stands on, and wins over an agency's dateline.
        (
            "ДУШАНБЕ, 12 мая. /Ховар/. Накануне в административном здании джамоата Файзобод "
            "состоялась очередная сессия джамоата.",
            "Файзобод",
        ),
    ],
)
def test_a_settlement_named_by_its_abbreviations_or_its_building(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A headline without a full stop runs into the lead; the lead opens on when and where.
        (
            "Новости района\n12.02.2025\n\nВ районе обсудили ход зимовки скота\n\n"
            "Сегодня в Токмоке под председательством акима района Алмаза Турдубаева в конференц-зале "
            "районной администрации прошло расширенное совещание с участием руководителей служб.",
            "Токмок",
        ),
        (
            "Аким подвел итоги года\n\n14 января в селе Кара-Суу, в большом зале айыл окмоту, под "
            "председательством главы айыл окмоту Бакыта Осмонова состоялось собрание жителей.",
            "Кара-Суу",
        ),
    ],
)
def test_a_lead_that_opens_on_when_and_where_places_its_meeting(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place


def test_a_lead_after_a_blank_line_is_no_headline(nlp: Language) -> None:
    # A letterhead in capitals without a full stop runs into the headline and the lead in one sentence; the blank line
    # ends the headline, so the lead's place is no headline's and wins over a town a later question names.
    text = (
        "ОБЩЕСТВЕННЫЙ СОВЕТ ПРИ УПРАВЛЕНИИ ЗДРАВООХРАНЕНИЯ\nПЕНЗЕНСКОЙ ОБЛАСТИ\nИнформационный бюллетень № 3 (11)\n\n"
        "Общественный совет обсудил работу поликлиник\n\n14 апреля 2026 года в Пензе, в малом зале управления "
        "здравоохранения Пензенской области (ул. Московская, 12),\nсостоялось заседание Общественного совета при "
        "управлении. Заседание провёл председатель совета Олег Иванович Петров.\n\nЧлен совета Ольга Гнездилова "
        "спросила о сроках открытия отделения дневного пребывания для пожилых людей в Кузнецке."
    )
    assert meeting(nlp, text).place == "Пенза"


def test_a_headline_after_a_breadcrumb_still_places_its_meeting(nlp: Language) -> None:
    # The first sentence runs from the breadcrumb over a blank line into the headline; with no meeting sentence to
    # place it, the headline's «в <место>» is the place.
    text = (
        "Целиноград ауданы әкімдігі / Жаңалықтар\n05.10.2026 11:20\n\nАким района провёл выездной приём граждан в "
        "Талапкере\n\nВчера аким Целиноградского района Ерлан Сапаров провёл выездной приём жителей посёлка Талапкер. "
        "На приём записались 12 человек."
    )
    assert meeting(nlp, text).place == "Талапкер"


def test_a_lead_place_of_another_clause_does_not_place_the_meeting(nlp: Language) -> None:
    # «в Бишкеке» opens the lead, but «сообщили» is its clause's verb; the meeting's «в Оше» is the place.
    text = "Новости\n\nВчера в Бишкеке журналисты сообщили, что в Оше прошло заседание горкенеша."
    assert meeting(nlp, text).place == "Ош"


def test_a_lead_place_after_other_words_is_not_its_opening(nlp: Language) -> None:
    # «в Токмоке» after the clause's subject: no lead's opening (the parse hangs it off «работал»), so the town the
    # meeting's own verb governs is the place.
    text = (
        "Новости\n\nАким района, который раньше работал в Токмоке, под председательством губернатора "
        "провел совещание в Кара-Балте."
    )
    assert meeting(nlp, text).place == "Кара-Балта"


def test_a_town_named_by_an_adjective_before_the_event_places_it(nlp: Language) -> None:
    # «в Заозёрном на заседании»: a town named by an adjective, alone after «в», right before «на» and the event.
    text = (
        "Новости\n\nВопросы вывоза мусора обсуждены в пятницу в Заозёрном на заседании Заозёрского районного "
        "исполнительного комитета. Докладывал заместитель председателя Пётр Громов."
    )
    assert fold(meeting(nlp, text).place or "") in ("заозерное", "заозерный")


def test_the_building_of_a_districts_body_stands_in_its_town(nlp: Language) -> None:
    # No meeting sentence places the meeting; the lead holds it in the building of the district's hokimiyat, and the
    # text names the district's town (Каракульский → Каракуль).
    text = (
        "Главная > Новости\n\nХОКИМ ВСТРЕТИЛСЯ С ФЕРМЕРАМИ\n\nВо вторник в здании хокимията Каракульского района хоким "
        "области Бахтиёр Рахимов провёл открытый диалог с фермерами города Каракуль и соседних районов. Открывая "
        "встречу, хоким напомнил о сроках сева."
    )
    assert meeting(nlp, text).place == "Каракуль"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("НАМАНГАН, 13 Mart 2026. Состоялось заседание областного кенгаша. Депутаты обсудили бюджет.", "2026-03-13"),
        ("Главная / Новости\n5-iyun, 2025\n\nСостоялась сессия районного кенгаша. Обсудили сев.", "2025-06-05"),
    ],
)
def test_a_dateline_with_a_month_in_latin_letters(nlp: Language, text: str, date: str) -> None:
    assert meeting(nlp, text).date == date


def test_a_settlement_in_a_buildings_name_under_a_broken_parse(nlp: Language) -> None:
    # «в административном здании аильного аймака села Кызыл-Адыр»: the genitive chain leads back to the building
    # with its «в», whatever the parse makes of the chain.
    text = (
        "Новости\n\nВо вторник в административном здании аильного аймака села Кызыл-Адыр прошла встреча депутатов "
        "с жителями."
    )
    assert meeting(nlp, text).place == "Кызыл-Адыр"


def test_of_two_places_as_sure_the_datelines_one_places_the_meeting(nlp: Language) -> None:
    # Both «в Кара-Балте» and «в Бишкеке» (the backer's office) hang off the event's participle; the dateline names
    # Кара-Балта, which settles the tie whichever the text names first.
    text = (
        "КАРА-БАЛТА, 17 апреля – Кабар. В среду прошёл круглый стол о правах женщин, организованный при поддержке "
        "офиса ООН в Бишкеке в Кара-Балте. В нём участвовали представители айыл окмоту."
    )
    assert meeting(nlp, text).place == "Кара-Балта"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Каракол / 14.03.2026\n\nСостоялась сессия городского кенеша. Депутаты утвердили бюджет.", "Каракол"),
        ("Кокшетау — 14 марта 2026. Состоялось заседание маслихата. Депутаты обсудили план.", "Кокшетау"),
    ],
)
def test_a_datelines_place_before_a_dash_or_a_slash(nlp: Language, text: str, place: str) -> None:
    assert meeting(nlp, text).place == place
