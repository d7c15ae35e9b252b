"""Persons stage: name shapes, nominative parts, one entry per person, non-persons left out."""

from __future__ import annotations

import pytest
from spacy.language import Language

from models.components.initials import initials_component
from pipelines.stages.persons import find_persons


def _persons(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(p.surname, p.first_name, p.patronymic, p.initials) for p in find_persons(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "С приветственным словом выступил первый заместитель министра Н.С. Базарбаев.",
            [("Базарбаев", None, None, "Н.С.")],
        ),
        ("Слово предоставили Омурбековой А.С., директору департамента.", [("Омурбекова", None, None, "А.С.")]),
        ("Вчера он уволил Азамата Сагитова.", [("Сагитов", "Азамат", None, None)]),
        ("Встреча с Джулианом Ассанжем прошла в посольстве.", [("Ассанж", "Джулиан", None, None)]),
        ("Президент встретился с Хамидом Карзаем.", [("Карзай", "Хамид", None, None)]),
        ("Жээнбеков Сооронбай Шарипович открыл заседание.", [("Жээнбеков", "Сооронбай", "Шарипович", None)]),
        ("Выступил Владимир Вольфович Жириновский.", [("Жириновский", "Владимир", "Вольфович", None)]),
        ("Эту позицию поддержал Усама бин Ладен.", [("бин Ладен", "Усама", None, None)]),
        ("Генсек ООН Пан Ги Мун прибыл в Москву.", [("Пан", "Ги Мун", None, None)]),
        # A Spanish first name that is a Chinese surname too: the «р» of the next word tells the order.
        ("Победный гол забил Хуан Ферреро.", [("Ферреро", "Хуан", None, None)]),
        # A European «Ян» before a doubled consonant, which no Chinese or Korean syllable is spelled with.
        ("Герцог Ян Виллем основал академию.", [("Виллем", "Ян", None, None)]),
        ("Министр Хуан Цзюйлун выступил.", [("Хуан", "Цзюйлун", None, None)]),
        # An Arabic surname opens with the article, lower-case: the tagger's span includes it.
        ("Боевик поклялся в верности Абу Бакру аль-Багдади.", [("аль-Багдади", "Абу", None, None)]),
        # An Irish «О’» is the surname's first part, not an initial.
        ("Он дружил с Джорджем О'Тулом.", [("О'Тул", "Джордж", None, None)]),
        ("Депутат Айгерим Жумабекова поддержала проект.", [("Жумабекова", "Айгерим", None, None)]),
        (
            "ПРИСУТСТВОВАЛИ:\nСидорова А.П. – депутат\nИВАНОВ И.И. – председатель\n",
            [("Сидорова", None, None, "А.П."), ("Иванов", None, None, "И.И.")],
        ),
    ],
)
def test_name_parts_in_the_nominative(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname's vowel that its oblique cases drop comes back: -ец, -ок, -ёнок, Заяц.
        ("Снимок сделан камерой Сергея Рябца.", [("Рябец", "Сергей", None, None)]),
        ("Слово предоставили Никите Зайцу.", [("Заяц", "Никита", None, None)]),
        ("Приказ подписан Ивану Грибку.", [("Грибок", "Иван", None, None)]),
        ("Бюро утвердило Кузьмёнка Игоря Петровича секретарем.", [("Кузьмёнок", "Игорь", "Петрович", None)]),
        # A foreign surname keeps its cluster.
        ("Доклад Андрея Франка и Олега Шенка.", [("Франк", "Андрей", None, None), ("Шенк", "Олег", None, None)]),
        ("Слово предоставили Станиславу Юрьевичу Гедройцу.", [("Гедройц", "Станислав", "Юрьевич", None)]),
        # An earlier name of the list with its initials after it: its surname is the nominative-only one.
        (
            "ОТСУТСТВОВАЛИ: депутаты Соколов В.Н., Медведева Г.М. (по болезни).",
            [("Соколов", None, None, "В.Н."), ("Медведева", None, None, "Г.М.")],
        ),
    ],
)
def test_fleeting_vowel_of_a_surname(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


def test_a_known_nominative_first_name_and_its_verb_keep_an_a_surname(nlp: Language) -> None:
    # «Алесь» reads only as a nominative, «рассказал» is a man's: «Калина» is no genitive of «Калин».
    text = "Председатель районной организации Красного Креста Алесь Калина рассказал о донорах."
    assert _persons(nlp, text) == [("Калина", "Алесь", None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A later name of the list can only be a nominative, though the parser did not join the two.
        (
            "На совещании присутствовали члены Сената Олий Мажлиса Республики Узбекистан, избранные от области, "
            "Наргиза Рахимова и Анвар Тошматов, председатели районных Кенгашей партии, а также ветераны.",
            [("Рахимова", "Наргиза", None, None), ("Тошматов", "Анвар", None, None)],
        ),
    ],
)
def test_a_nominative_the_context_tells(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


def test_a_bodys_word_run_into_the_name(nlp: Language) -> None:
    # Left out before an -ов surname's form (which of Мередов's dative and Мередова's accusative is open here).
    assert [p.first_name for p in find_persons(nlp("Сессия избрала секретарём Кенгаша Огулбиби Мередову."))] == [
        "Огулбиби"
    ]


def test_a_surname_shaped_settlement_run_into_a_first_name_and_surname(nlp: Language) -> None:
    """«город Ефремов Кирилл Бабаян»: a surname-shaped word, a first name and a surname after a settlement's kind are
    the town and the person; no name has a surname on either side of its first name."""
    text = "Отчитался глава администрации муниципального образования город Колпинов Артём Саркисян."
    assert _persons(nlp, text) == [("Саркисян", "Артём", None, None)]


def test_a_long_settlement_run_into_the_person_after_it(nlp: Language) -> None:
    text = (
        "О ситуации с гриппом доложила начальник отдела Управления Роспотребнадзора по Тверской области в городе "
        "Вышний Волочёк Мария Ли. Рост составил 10 процентов."
    )
    assert _persons(nlp, text) == [("Ли", "Мария", None, None)]


def test_one_entry_per_person_however_named(nlp: Language) -> None:
    text = (
        "С приветственным словом выступил Н.С. Базарбаев. В своем выступлении Н.С. Базарбаев "
        "выразил надежду на сотрудничество. Предложение Базарбаева поддержали все участники."
    )
    persons = find_persons(nlp(text))
    assert [(p.surname, p.initials, len(p.mentions)) for p in persons] == [("Базарбаев", "Н.С.", 3)]


def test_mentions_point_at_the_name(nlp: Language) -> None:
    doc = nlp("Заслушан отчет главы администрации Петрова С.В. Слово предоставили Бакыту Торобаеву.")
    spans = {p.surname: [doc.text[m.start : m.end] for m in p.mentions] for p in find_persons(doc)}
    assert spans == {"Петров": ["Петрова С.В."], "Торобаев": ["Бакыту Торобаеву"]}


def test_people_with_one_surname_and_other_initials_stay_apart(nlp: Language) -> None:
    text = "В работе приняли участие Садыр Жапаров и Акылбек Жапаров. Позже выступил А. Жапаров."
    persons = find_persons(nlp(text))
    assert sorted((p.surname, p.first_name, len(p.mentions)) for p in persons) == [
        ("Жапаров", "Акылбек", 2),
        ("Жапаров", "Садыр", 1),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A female first name keeps an -ова surname female; the verb's case picks between the readings.
        ("Депутаты утвердили Азизу Хамидову в должности заместителя хокима.", [("Хамидова", "Азиза", None, None)]),
        ("Новым председателем правления избрана Нилуфар Абдуллаева.", [("Абдуллаева", "Нилуфар", None, None)]),
        ("Заседание открыла председатель правления Малика Рахимова.", [("Рахимова", "Малика", None, None)]),
        # Feminine agreement of the verb tells a first name pymorphy does not know.
        ("Дилноза Юсупова отметила рост доходов.", [("Юсупова", "Дилноза", None, None)]),
        # Central Asian men's names in oblique cases: the patronymic or first name gives case and gender.
        (
            "Под председательством акима района Бахытжана Есентаевича Оразалиева состоялось совещание.",
            [("Оразалиев", "Бахытжан", "Есентаевич", None)],
        ),
        ("Присвоить звание Кыдырмаеву Асанбеку Жумабековичу.", [("Кыдырмаев", "Асанбек", "Жумабекович", None)]),
        ("Поздравили депутата Улана Токтосунова.", [("Токтосунов", "Улан", None, None)]),
        ("Фильм Сергея Соловьева вышел на экраны.", [("Соловьёв", "Сергей", None, None)]),
        # An adjectival surname is no -ов surname in an oblique case.
        ("Присутствовал глава города Дмитрий Сергеевич Гуртовой.", [("Гуртовой", "Дмитрий", "Сергеевич", None)]),
        # -ову is never a nominative, even at the start of a protocol's line.
        ("СЛУШАЛИ:\nОсмонову Б.М. – о присвоении звания.", [("Осмонов", None, None, "Б.М.")]),
        # Nor is -скую: a woman's -ская surname in the accusative, which the tagger may read as a man's nominative.
        ("3. СЛУШАЛИ: Ковальскую Т.Р. – отопительный сезон начат в срок.", [("Ковальская", None, None, "Т.Р.")]),
        # Surname first at a sentence's start, the tagger having left the surname out of the name.
        (
            "Докладывает руководитель аппарата мэрии Сатыбалдиева Гулира Кадыровна. Пожалуйста.",
            [("Сатыбалдиева", "Гулира", "Кадыровна", None)],
        ),
        # A -вич word after a woman's first name or after a job title is a surname (Belarusian), not a patronymic.
        ("Выступила председатель комиссии Анна Сидорович.", [("Сидорович", "Анна", None, None)]),
        ("Награждены депутат районного Совета Николай Климович и главный врач.", [("Климович", "Николай", None, None)]),
        ("Заслушан отчёт председателя сельисполкома Михаила Ярошевича.", [("Ярошевич", "Михаил", None, None)]),
        # The tagger took the first name for a place; the patronymic after it calls it back.
        (
            "Присутствовали руководитель аппарата акима района Алмаз Жакыпович Сейдахметов и руководители отделов.",
            [("Сейдахметов", "Алмаз", "Жакыпович", None)],
        ),
        # Conjoined names share a case: «Эргешов» can only be a nominative, so «Рахимова» is one too.
        (
            "Сегодня отсутствуют депутаты Эргешов и Рахимова, они в командировке.",
            [("Эргешов", None, None, None), ("Рахимова", None, None, None)],
        ),
        # A nominative name after a body in the genitive is a person, not what the body is named after.
        (
            "Награждён главный врач центральной районной больницы Светлана Бондарь.",
            [("Бондарь", "Светлана", None, None)],
        ),
        # With initials only, an -ым or -ой ending tells the gender and the case alone.
        (
            "Награду вручили А. Араповым и А.П. Остроумовой.",
            [("Арапов", None, None, "А."), ("Остроумова", None, None, "А.П.")],
        ),
        # A surname ending in a consonant or in «и» after a hard one has no case ending to strip: a woman's
        # does not decline, a man's is the nominative.
        ("Выставка Марины Голуб открылась в Москве.", [("Голуб", "Марина", None, None)]),
        ("Интервью Дороти Бус вышло вчера.", [("Бус", "Дороти", None, None)]),
        ("Картины Арчила Геловани показали в Тбилиси.", [("Геловани", "Арчил", None, None)]),
        # Name parts agree in case: the first name's ending tells it where the tagger misread the surname's.
        (
            "В СМИ вслед за руководителем партии TOP 09 Мирославом Калоусеком успели назвать правительство.",
            [("Калоусек", "Мирослав", None, None)],
        ),
        # A man's -ский surname the dictionary does not know declines as an adjective.
        ("Полиция задержала Юрия Заруцкого вчера.", [("Заруцкий", "Юрий", None, None)]),
        # An -а surname the dictionary does not know, in the genitive after a genitive first name.
        ("Журналисты получили письмо Андрея Кандыбы.", [("Кандыба", "Андрей", None, None)]),
        ("В ЮАР обсуждают отставку Джейкоба Мбалы.", [("Мбала", "Джейкоб", None, None)]),
        # A signature at the end of a text is a name; a two-letter stub there is a cut word.
        ("Глава администрации района\nЕ.С. Лебедева", [("Лебедева", None, None, "Е.С.")]),
        # A later name of a list shares the list's case: the object's accusative («Сидорову» is hers, not his dative).
        (
            "Депутаты наградили Петрова А.А. и Сидорову Б.Б. грамотами.",
            [("Петров", None, None, "А.А."), ("Сидорова", None, None, "Б.Б.")],
        ),
    ],
)
def test_gender_and_case_of_surnames(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One woman: her oblique mention with initials takes the gender her full name tells.
        (
            "Депутаты заслушали Г.А. Шаршееву. Шаршеева Гульмира Асановна ответила на вопросы.",
            [("Шаршеева", "Гульмира", "Асановна", "Г.А.")],
        ),
        # One man: a line's «Мамбетова У.К.» is his genitive, not a woman.
        (
            "Докладчик: Мамбетов Улан Курманбекович.\nСЛУШАЛИ:\nМамбетова У.К. – о внесении изменений.",
            [("Мамбетов", "Улан", "Курманбекович", "У.К.")],
        ),
        # A man and a woman of one surname stay two people.
        (
            "Вопрос задал Бахытжан Ермекович Сарсенбаев. Затем выступила Айгуль Сарсенбаева.",
            [("Сарсенбаев", "Бахытжан", "Ермекович", None), ("Сарсенбаева", "Айгуль", None, None)],
        ),
    ],
)
def test_one_gender_per_person(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Депутаты обсудили закон Димы Яковлева.",
        "Операторы связи выполняют требования «пакета Климовой» с июля.",
        "Спектакль идет в театре им. М. Н. Ермоловой.",
        "Ему вручили премию имени Андрея Сахарова.",
        "Сказал Нурбек, и все согласились.",
        "Заседание Межстранового Большого Общественного Совета открылось.",
        # Page furniture, stage directions, common nouns where a capital tells nothing
        "16 ноября 2023 | Просмотров: 187",
        "Спасибо, коллеги.\n(Аплодисменты)\nПереходим к следующему вопросу.",
        "Башкы бет / Жаңылыктар / Новости",
        "Главная » Новости » Маслихат\nСессия прошла в среду.",
        "Квартира-тренажёр работает второй год.",
        # Names of bodies, a greeting, a surname cut off at the end of the text
        "Выступил депутат Маджлиси Оли Республики Таджикистан.",
        "Уважаемый Тилек Касымович, у меня вопрос.",
        "Слово предоставляется докладчику. Пожалуйста, Ка",
        "Слово предоставляется докладчику. Пожалуйста, Гулира Ка\n",
        "В заседании участвовал министр культуры Адиль Ба-\n",
        # The head of a place named by the title alone
        "Фермеры попросили выделить топливо. Хоким поручил решить вопрос до конца недели.",
        "Аким поручил подготовить отчёт. Торага поддержал предложение.",
        "Заседание открыл председатель Ержан Ну-",
        # A place's adjective before a common noun; an address by first name and patronymic
        "Хозяйства Кобринского района заготовили по 27 центнеров кормов.",
        "Спасибо, Нодира Абдуллаевна.",
        # A place or a body the dictionary knows as one, never as a name
        "Пост занял 2-й граф Ливерпуля.",
        # The tagger's person in one sentence is the place it tags in another.
        # A title alone, a capitalised pronoun, adverb or adjective
        "Многие мигранты, напомнил Папа, бежали от правителей своих стран.",
        "Мне понравилось место Оно меня вдохновило на мысль о перформансе Впоследствии я развил идею.",
        "Глава выступил с приветственным словом и вручил Почётную грамоту ветерану.",
        "Праздник для жителей Салтовки организовал фонд. «Конкурс очень важен для детей Салтовки», — сказал он.",
        # A disease named after a physician
        "В 1995 году у неё диагностировали болезнь Паркинсона.",
        "Врачи говорят о синдроме Дауна у ребёнка.",
        # The later names of a list of settlements after the settlements' kind.
        "Износ сетей высок в джамоатах Навдонак и Зарбод.",
        "Приграничные сёла Гаварзин, Ардви и Кохб испытывают трудности с водой.",
        # The ends of a route after its noun.
        "Она попросила отремонтировать межобщинную дорогу Ахта – Цахкадзор.",
        # A place's adjective opening a body's name, with the body's level adjective after it.
        "Бюллетень подготовлен аппаратом Лебапского велаятского Халк Маслахаты.",
        # A feast: its name is a first name too, «айт», «хайит», «байрам» is «feast».
        "Сход граждан перенесли в связи с празднованием Курбан Айта.",
    ],
)
def test_not_persons(nlp: Language, text: str) -> None:
    assert find_persons(nlp(text)) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A regnal number is never a surname: the monarch's name stands where the surname would.
        (
            "Она превзошла рекорд своей прапрабабушки королевы Виктории и Елизаветы II.",
            [("Елизавета", None, None, None)],
        ),
        ("На троне его сменил Георг VI.", [("Георг", None, None, None)]),
        # An ordinal in words is a regnal number too.
        ("Император Николай Второй отрёкся от престола.", [("Николай", None, None, None)]),
        ("Церковь возглавил патриарх Теодориус Второй.", [("Теодориус", None, None, None)]),
        # An honorific or a describing word before the name is no part of it.
        (
            "Сэр Алекс Фергюсон работал с клубом 26 лет. Алекс Фергюсон ушёл на пенсию.",
            [("Фергюсон", "Алекс", None, None)],
        ),
        ("Шестидесятивосьмилетняя Руссефф заявила о перевороте.", [("Руссефф", None, None, None)]),
        ("Всемирно известный дирижер Валерий Гергиев возглавил оркестр.", [("Гергиев", "Валерий", None, None)]),
        # Two first names keep the text's order: the second is the surname.
        ("На концерте в Лондоне выступил Элтон Джон.", [("Джон", "Элтон", None, None)]),
        # A sentence opening on a common noun the tagger took into the name; not a surname that is a common
        # noun too, before initials or a first name and patronymic.
        ("Племянник Рустама Гафурова купил клуб.", [("Гафуров", "Рустам", None, None)]),
        ("Садовница Эммы Лоран рассказала о краже.", [("Лоран", "Эмма", None, None)]),
        (
            "Экс-советник Трампа дал показания. Дональд Трамп промолчал.",
            [("Трамп", "Дональд", None, None)],
        ),
        ("СЛУШАЛИ:\nМельник Г.П. – о ремонте дорог.", [("Мельник", None, None, "Г.П.")]),
        ("Бондарь Светлана Ивановна выступила с отчётом.", [("Бондарь", "Светлана", "Ивановна", None)]),
        # Surname first only where the first word is a surname by its ending or the dictionary; two words a
        # name list merely holds keep the text's order.
        ("Омурбекова Айгуль выступила с докладом.", [("Омурбекова", "Айгуль", None, None)]),
        ("Тренер Зинедин Зидан покинул клуб.", [("Зидан", "Зинедин", None, None)]),
        ("Актриса Камерон Диас снялась в новом фильме.", [("Диас", "Камерон", None, None)]),
        ("Выступил сенатор Рэнд Пол из Кентукки.", [("Пол", "Рэнд", None, None)]),
        # A title and its adjective name no one: «Патриархом Болгарским», «Её Королевское Высочество».
        ("Он был избран Патриархом Болгарским в 1971 году.", []),
        ("Её Королевское Высочество посетила госпиталь. Высочество поблагодарила врачей.", []),
        # A bare first name is no person, even one with a surname's ending (Ирина, Константин).
        ("Ирина рассказала, что её сестра Ирина Петрова уехала.", [("Петрова", "Ирина", None, None)]),
    ],
)
def test_what_is_no_part_of_a_name(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


def test_an_original_spelling_is_another_name_of_the_person(nlp: Language) -> None:
    """The record lists a human once: the Latin spelling in brackets is an alias, not a second person."""
    doc = nlp("Его место займет американец Эндрю Смит (Andrew Smith). Смит работает в фонде давно.")
    (smith,) = find_persons(doc)
    assert (smith.surname, smith.first_name, smith.aliases) == ("Смит", "Эндрю", ("Andrew Smith",))
    assert len(smith.mentions) == 2


@pytest.mark.parametrize(
    ("text", "original"),
    [
        ("Директором ФБР стал Джеймс Коми (James B. Comey).", "James B. Comey"),  # a middle initial
        ("Полицию возглавил Бернард Хоган-Хау (Bernard Hogan-Howe).", "Bernard Hogan-Howe"),
        ("Правительство возглавлял Янез Янша (Janez Janša).", "Janez Janša"),
        ("Ему возразил Кристиан фон Беттихер (Christian von Boetticher).", "Christian von Boetticher"),
    ],
)
def test_original_spellings_of_every_shape(nlp: Language, text: str, original: str) -> None:
    (person,) = find_persons(nlp(text))
    assert person.aliases == (original,)


def test_brackets_that_spell_no_name(nlp: Language) -> None:
    """A party's abbreviation or an agency after a name is no other spelling of it."""
    text = "Выступил депутат Ержан Калиев (AMANAT). Об этом сообщил Джон Смит (Reuters)."
    assert [(p.surname, p.aliases) for p in find_persons(nlp(text))] == [("Калиев", ()), ("Смит", ())]


@pytest.mark.parametrize(
    ("text", "name", "surname", "mentions"),
    [
        ("Мэр Нью-Йорка Билл де Блазио заявил о мерах. Де Блазио обещал помочь.", "Билл де Блазио", "Блазио", 2),
        ("Тренером сборной остался Висенте дель Боске.", "Висенте дель Боске", "Боске", 1),
        ("Дневник хранила Жаклин ван Маарсен.", "Жаклин ван Маарсен", "Маарсен", 1),
        ("Губернатор встретился с Мартином О’Мэлли. О’Мэлли обещал помочь.", "Мартин О’Мэлли", "О’Мэлли", 2),
    ],
)
def test_a_european_particle_is_in_the_name_not_the_surname(
    nlp: Language, text: str, name: str, surname: str, mentions: int
) -> None:
    """«де», «дель», «ван» are written with the name and catalogued apart from the surname."""
    (person,) = find_persons(nlp(text))
    assert (person.name, person.surname, len(person.mentions)) == (name, surname, mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Фонд возглавил Говард Баффет. Как рассказал Говард, фонд выделит деньги на фермы.",
            [("Баффет", "Говард", 2)],
        ),
        (
            "На встрече были Колин Пауэлл и Джон Смит. Колин заявил, что поддерживает план.",
            [("Пауэлл", "Колин", 2), ("Смит", "Джон", 1)],
        ),
        # A monarch's name is no first name of another person.
        ("Принцесса Елизавета Виндзор родилась в Лондоне. Елизавета II правит с 1952 года.", None),
    ],
)
def test_a_first_name_alone_is_the_person_named_with_it(nlp: Language, text: str, expected: list | None) -> None:
    """A foreign first name no name list knows, alone, is the one person the text gave it to, not a surname."""
    persons = [(p.surname, p.first_name, len(p.mentions)) for p in find_persons(nlp(text))]
    if expected is None:
        assert ("Елизавета", None, 1) in persons
    else:
        assert persons == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A man's first name in the genitive or instrumental gives its case to a foreign surname the tagger
        # read as a nominative.
        ("Фильм 26-летнего Райана Куглера получил приз жюри.", [("Куглер", "Райан", None, None)]),
        (
            "Роль адвоката Аттикуса Финча сыграл Грегори Пек.",
            [("Финч", "Аттикус", None, None), ("Пек", "Грегори", None, None)],
        ),
        # Not a first name a woman's nominative reads, nor an -ова surname, nor the dative of an indeclinable one.
        ("Отец Саида Гуцериева дал интервью.", [("Гуцериев", "Саид", None, None)]),
        ("Мы поздравили Юлию Ефимову с победой.", [("Ефимова", "Юлия", None, None)]),
        ("Книга Александра Дюма вышла новым тиражом.", [("Дюма", "Александр", None, None)]),
        ("Он встретился с Виктором Гюго.", [("Гюго", "Виктор", None, None)]),
        # A first name that does not decline: the name's role tells the case, and so does a post in an
        # oblique case right before the name.
        ("Выступление Эмомали Рахмона транслировали.", [("Рахмон", "Эмомали", None, None)]),
        ("Критик таджикского лидера Эмомали Рахмона застрелен.", [("Рахмон", "Эмомали", None, None)]),
        ("Песни Тото Кутуньо звучали весь вечер.", [("Кутуньо", "Тото", None, None)]),
        ("Заместитель министра Иван Петров выступил.", [("Петров", "Иван", None, None)]),
        # One person's surname is singular, whatever plural a dictionary reads in it.
        ("Он упомянул Монику Левински и других.", [("Левински", "Моника", None, None)]),
    ],
)
def test_a_mans_first_name_tells_the_case_of_his_surname(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A foreign surname the dictionary does not know keeps its case ending: the declined form is the
        # person named before, not a second one.
        (
            "Министр финансов Эштон Картер провёл брифинг. Речь Картера была посвящена налогам.",
            [("Картер", "Эштон", 2)],
        ),
        (
            "Вратарь Хорхе Мадейра пропустил гол. Тренер похвалил Мадейру, а ошибка Мадейры стоила очков.",
            [("Мадейра", "Хорхе", 3)],
        ),
        # With initials or a first name of its own, the declined mention still joins the person.
        (
            "Фондом руководит Тодд Комбс. Т.Комбсу доверят новые активы.",
            [("Комбс", "Тодд", 2)],
        ),
        # Two people whose surnames share a stem stay apart when the first names differ.
        (
            "Роберт Мандел выступил первым. Затем выступила Анна Мандела.",
            [("Мандел", "Роберт", 1), ("Мандела", "Анна", 1)],
        ),
    ],
)
def test_a_declined_foreign_surname_is_the_person_named_before(nlp: Language, text: str, expected: list) -> None:
    persons = [(p.surname, p.first_name, len(p.mentions)) for p in find_persons(nlp(text))]
    assert persons == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A -вич surname in an oblique case heads a full name in the official order: the patronymic is the third
        # word, the surname is not taken for one.
        (
            "СЛУШАЛИ:\nМацкевича Андрея Леонидовича, заместителя председателя, о готовности техники.",
            ("Мацкевич", "Андрей", "Леонидович"),
        ),
        ("СЛУШАЛИ:\nЛукашевич Марину Олеговну, директора школы, о ремонте.", ("Лукашевич", "Марина", "Олеговна")),
        ("Слово предоставили Радькевичу Петру Ивановичу, главе сельсовета.", ("Радькевич", "Пётр", "Иванович")),
        ("Наградить грамотой Ярошевича Виктора Станиславовича, механизатора.", ("Ярошевич", "Виктор", "Станиславович")),
    ],
)
def test_a_vich_surname_opens_a_full_name_in_an_oblique_case(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert [p[:3] for p in _persons(nlp, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name in apposition to a post before a body that could be named after someone is the post-holder.
        ("Грамоту вручили директору гимназии Нургуль Эсенбаевой.", ("Эсенбаева", "Нургуль", None)),
        (
            "Звание присвоили хирургу областной клинической больницы Анатолию Петровичу Гусеву.",
            ("Гусев", "Анатолий", "Петрович"),
        ),
        ("Премию вручили учителю школы Марине Олеговне Климовой.", ("Климова", "Марина", "Олеговна")),
        # A post or a verb before initials is no surname.
        ("Стенографировала О.П. Лагутина", ("Лагутина", None, None)),
        ("Торага Т. Маматкулов поблагодарил гостей.", ("Маматкулов", None, None)),
        ("Протокол вела Секретарь И.И. Петрова.", ("Петрова", None, None)),
    ],
)
def test_a_post_holders_name_is_found_whole(
    nlp: Language, text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in [p[:3] for p in _persons(nlp, text)]


def test_an_eponym_after_a_body_is_no_person(nlp: Language) -> None:
    assert _persons(nlp, "Он окончил школу имени Ивана Петрова и музей Анны Ахматовой.") == []


def test_a_first_name_and_a_surname_the_tagger_cut_apart_are_one_person(nlp: Language) -> None:
    # «семьи Шерзод | Рахимов»: after a remit the tagger closed the first name as a name of its own.
    text = "Выступил заместитель хокима района по вопросам развития семьи Шерзод Рахимов."
    assert [p[:2] for p in _persons(nlp, text)] == [("Рахимов", "Шерзод")]


@pytest.mark.parametrize(
    "text",
    [
        "В работе сессии участвовали мэр города Азамат Сыдыков, вице-мэр Гулиза Токтосуновна Бейшеналиева, гости.",
        "Председатель комиссии по делам молодёжи Айдар Ринатович Сабитов предложил учредить премию.",
    ],
)
def test_a_full_name_the_tagger_cut_at_the_patronymic_is_one_person(nlp: Language, text: str) -> None:
    found = [p for p in _persons(nlp, text) if p[0] in ("Бейшеналиева", "Сабитов")]
    assert len(found) == 1 and found[0][1] in ("Гулиза", "Айдар") and found[0][2] in ("Токтосуновна", "Ринатович")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Слово председателю комитета финансов администрации Сосновоборского городского округа Халиловой Наиле "
            "Рашидовне.",
            ("Халилова", "Рашидовна"),
        ),
        (
            "Слово предоставляется начальнику отдела администрации района Гайнуллиной Гузель Ринатовне.",
            ("Гайнуллина", "Ринатовна"),
        ),
        ("Слово главе администрации Кировского района Мухаметовой Алсу Ильдаровне.", ("Мухаметова", "Ильдаровна")),
    ],
)
def test_a_surname_the_tagger_left_out_before_a_first_name_and_patronymic(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert [(p[0], p[2]) for p in _persons(nlp, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В хокимияте района под председательством хокима района Бахтиёра Курбановича Матякубова прошло совещание.",
            ("Матякубов", "Бахтиёр", "Курбанович"),
        ),
        (
            "Под председательством хокима области Ойбека Рустамовича Турсунова прошло совещание.",
            ("Турсунов", "Ойбек", "Рустамович"),
        ),
        # Inside a sentence, one that spells a word too («бата», the genitive of «бат»).
        (
            "Сессию открыл и вёл председатель Собрания депутатов Бата Очирович Санджиев. Депутаты утвердили план.",
            ("Санджиев", "Бата", "Очирович"),
        ),
    ],
)
def test_a_first_name_the_tagger_took_for_a_place_before_a_patronymic(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert [p[:3] for p in _persons(nlp, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ТЕРЕНТЬЕВ В.Н. Принято единогласно. Заседание закрыто.\n\nСтенографировала О.П. Лагутина\n", "Лагутина"),
        ("ОРЛОВА И.В. Заседание закрыто.\n\nПротоколировала А.С. Сомова\n", "Сомова"),
        ("ОРЛОВА И.В. Заседание закрыто.\n\nСтенографировал К.Л. Рябинин\n", "Рябинин"),
        # A signature line's field: its verb before a colon.
        ("Объявляется перерыв до 12 часов.\n\nСтенограмму вела: Т.В. Лыткина\n", "Лыткина"),
        ("Объявляется перерыв.\n\nПротокол вел: Т.В. Лыткин\n", "Лыткин"),
    ],
)
def test_a_verb_before_initials_tells_the_gender(nlp: Language, text: str, expected: str) -> None:
    assert expected in [p[0] for p in _persons(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "СОЛОВЬЁВА Е.А. Слово для доклада.\n\nГУСЕЙНОВА Л.Э. Подрядчик не выполнил работы в срок.\n",
        "ОРЛОВА И.В. Вопросы есть?\n\nПЕТРОВА А.С. Застройщик перенёс сроки сдачи дома.\n",
    ],
)
def test_a_turns_label_is_no_subject_of_the_speechs_verb(nlp: Language, text: str) -> None:
    surnames = [p[0] for p in _persons(nlp, text)]
    assert "Гусейнов" not in surnames and "Петров" not in surnames
    assert "Гусейнова" in surnames or "Петрова" in surnames


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В работе сессии приняли участие ректор университета имени Носира Хусрава Зарина Холова и председатели.",
            [("Холова", "Зарина", None, None)],
        ),
        (
            "Модератор сессии, профессор университета имени аль-Фараби Ескендир Оралбаев, напомнил о стоке.",
            [("Оралбаев", "Ескендир", None, None)],
        ),
        (
            "Директор школы имени Тойчубека Касымова Камилжан Мадаминов попросил ускорить ремонт.",
            [("Мадаминов", "Камилжан", None, None)],
        ),
        (
            "Заведующая библиотекой имени Пушкина Ольга Смирнова рассказала о читателях.",
            [("Смирнова", "Ольга", None, None)],
        ),
        # A full name with its patronymic past an eponym's first name and surname, in the post's genitive.
        (
            "Сессия поздравила директора гимназии имени Абая Кунанбаева Ерлана Маратовича Сыздыкова с юбилеем.",
            [("Сыздыков", "Ерлан", "Маратович", None)],
        ),
        # An eponym with a rank before the name is one name whole.
        ("Приняли участие курсанты училища имени Героя Советского Союза Ивана Кузьмича Семёнова.", []),
    ],
)
def test_a_name_after_an_eponym_is_the_person_the_title_belongs_to(nlp: Language, text: str, expected: list) -> None:
    # What the body is named after stands in the genitive (or does not decline) and names no one of the meeting.
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Сегодня под председательством заместителя председателя Комитета по экономической политике Маджлиси "
            "намояндагон Маджлиси Оли Республики Таджикистан Зарина Холовой состоялось заседание.",
            [("Холова", "Зарина", None, None)],
        ),
        (
            "Вчера под председательством председателя Комитета по образованию Маджлиси милли Маджлиси Оли Республики "
            "Таджикистан Фарида Назаровой прошло совещание.",
            [("Назарова", "Фарида", None, None)],
        ),
        # A republic's two-word name after the post is the place's, not a person's.
        ("Главу Республики Марий Эл поздравили с назначением.", []),
        # A rank alone before the pair, in a work's title, is no post of a body's.
        ("Актриса снималась в сериале «Доктор Дуня Хаузер» три сезона.", []),
    ],
)
def test_a_name_closing_a_long_title_the_tagger_missed_is_the_posts_holder(
    nlp: Language, text: str, expected: list
) -> None:
    # The tagger reads the body's capitalised run as one name and gives up before the person's.
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. СЛУШАЛИ:\nКощееву Марину Алексеевну, начальника финансового управления администрации города.",
            [("Кощеева", "Марина", "Алексеевна", None)],
        ),
        ("2. СЛУШАЛИ:\nИльину Анну Петровну, директора школы.", [("Ильина", "Анна", "Петровна", None)]),
    ],
)
def test_a_surname_the_dictionary_reads_as_a_possessive_is_a_surname(nlp: Language, text: str, expected: list) -> None:
    # «Кощееву» (of «Кощей»), «Ильину» (of «Илья»): the possessive's form is the surname's, not a describing word.
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("В заключение выступила заведующая отделом мэрии города Талас Айжамал Урмат кызы.", "Урмат кызы"),
        ("Слово предоставили депутату Нурлану Асан уулу.", "Асан уулу"),
        ("Грамоты вручены учителю школы имени Турдакуна Усубалиева Бакыту Эрмек уулу.", "Эрмек уулу"),
    ],
)
def test_a_kyrgyz_surname_keeps_its_son_or_daughter_particle(nlp: Language, text: str, surname: str) -> None:
    # The surname is the father's name (it does not decline) with «уулу» / «кызы».
    assert [p.surname for p in find_persons(nlp(text))] == [surname]


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        (
            "Грамоты вручены учителю школы-лицея № 7 города Актау Мариям Сейдалиевой.",
            "Сейдалиева",
        ),
        ("Награды вручены врачу больницы № 2 города Атырау Гульнар Ахметовой.", "Ахметова"),
        # «<Имя Фамилия> – о <теме>»: a report's list puts the name in the nominative, so an -ова is a woman's.
        ("Председатель сельсовета Огулджан Мередова – о ремонте сельских дорог.", "Мередова"),
    ],
)
def test_an_oblique_feminine_surname_after_an_unknown_first_name(nlp: Language, text: str, surname: str) -> None:
    # A first name the dictionary does not know tells no case; the -ой ending of the surname does.
    assert [p.surname for p in find_persons(nlp(text))] == [surname]


@pytest.mark.parametrize(
    "text",
    [
        # A dateline's place opening the report.
        "Бохтар, 25 января 2025 г. – Вчера в зале заседаний прошла сессия.",
        "Кызылорда, 3 марта – Вчера депутаты рассмотрели бюджет.",
        # A Kazakh phrase in a site's menu.
        "Маңғыстау облыстық мәслихаты | Мангистауский областной маслихат",
        "Қостанай қалалық мәслихаты | Костанайский городской маслихат",
        # A ministry's contraction.
        "Она сообщила, что Минсемтруд республики уже подготовил порядок выплат.",
        "По данным, которые представил Минобрнауки, заявок стало больше.",
        # An eponym with a rank between «имени» and the name.
        "Награждена медицинская сестра больницы имени академика А.Н. Бакулева.",
        "Концерт прошел в доме культуры имени народного артиста И.П. Петрова.",
        # A rank with capitals: «Героя Советского Союза».
        "Заслушан отчёт о готовности школы № 4 имени Героя Советского Союза И.И. Петрова к зиме.",
        # A word broken for a line that never came ends the text.
        "Участники договорились обменяться данными с гидропостов на Амударье и Сыр-",
    ],
)
def test_furniture_contractions_eponyms_and_stubs_name_no_one(nlp: Language, text: str) -> None:
    assert _persons(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Представитель комиссии по использованию сооружений на реках Чу и Талас Бакыт уулу Нурбек сообщил о ремонте.",
        "Глава айыл окмоту Кара-Суу Бакыт уулу Нурбек сообщил о ремонте.",
    ],
)
def test_a_word_run_into_a_kyrgyz_name_before_the_fathers_name(nlp: Language, text: str) -> None:
    assert _persons(nlp, text) == [("Бакыт уулу", "Нурбек", None, None)]


def test_an_eponym_after_imeni_though_the_parser_hangs_it_on_a_post(nlp: Language) -> None:
    text = "Профессор Таразского регионального университета имени М.Х. Дулати Айгуль Жолдасова представила результаты."
    assert _persons(nlp, text) == [("Жолдасова", "Айгуль", None, None)]


def test_a_name_given_to_a_place_is_the_questions_person(nlp: Language) -> None:
    # «присвоение имени»: the name is given, not a body's eponym, rank or no rank.
    text = (
        "Третий вопрос – о присвоении имени Героя Советского Союза Алексея Петровича Сидорова скверу на Садовой улице."
    )
    assert _persons(nlp, text) == [("Сидоров", "Алексей", "Петрович", None)]


def test_a_name_after_po_imeni_is_the_persons_own(nlp: Language) -> None:
    text = "Агентство сообщило, что американец по имени Бэ Чжун Хо признался в совершении преступлений."
    # «по имени» gives the person's own name, not what a body is named after: one person, as the tagger reads them.
    assert len(_persons(nlp, text)) == 1


def test_a_sentence_opening_on_a_name_and_a_date_names_the_person(nlp: Language) -> None:
    assert _persons(nlp, "Совещание прошло. Иванов, 3 мая, сообщил о паводке.") == [("Иванов", None, None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # First name, the father's name with its particle, the surname.
        ("Грамотой награжден учитель Шерзод Бахтиёр угли Юсупов.", [("Юсупов", "Шерзод", "Бахтиёр угли", None)]),
        ("Слово взял студент Арман Нуржан улы Сейтказиев.", [("Сейтказиев", "Арман", "Нуржан улы", None)]),
        ("Член муниципалитета Тофиг Аскер оглу Бабаев поднял вопрос.", [("Бабаев", "Тофиг", "Аскер оглу", None)]),
        # The official order: surname, first name, patronymic, in any case.
        (
            "ВЫСТУПИЛИ: депутат Абдыкадырова Нуржан Талант кызы – просила отложить вопрос.",
            [("Абдыкадырова", "Нуржан", "Талант кызы", None)],
        ),
        (
            "Присутствовал Мамедов Рашад Ильхам оглы. СЛУШАЛИ: Мамедова Рашада Ильхам оглы – о ремонте.",
            [("Мамедов", "Рашад", "Ильхам оглы", None)],
        ),
        # No surname of its own: the father's name with its particle stands for it, either side of the first name.
        (
            "ВЫСТУПИЛИ: депутат Асылбек уулу Мирлан – предложил выделить участок.",
            [("Асылбек уулу", "Мирлан", None, None)],
        ),
        ("Премию получил механик Нурбек Алмаз уулу.", [("Алмаз уулу", "Нурбек", None, None)]),
        ("Благодарность объявлена медсестре Айгуль Бекташ кызы.", [("Бекташ кызы", "Айгуль", None, None)]),
    ],
)
def test_a_turkic_patronymic_written_apart(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "О бюджете доложила заведующая районным финансовым отделом Гулчехра Каримова.",
            [("Каримова", "Гулчехра", None, None)],
        ),
        ("Отчет представила заведующая детским садом Дилноза Рахимова.", [("Рахимова", "Дилноза", None, None)]),
    ],
)
def test_a_name_after_a_nominative_post_the_tagger_misreads(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A post in the nominative in apposition after the name makes a feminine surname a nominative.
        ("ВАЛИЕВА Р.Х. Валиева, депутат. Владельцы усадеб жалуются.", [("Валиева", None, None, "Р.Х.")]),
        ("ИВАНОВА С.П. Иванова, учитель. Дети не могут дойти до школы.", [("Иванова", None, None, "С.П.")]),
        # An oblique post keeps the name oblique.
        ("Поблагодарили Сергея Иванова, депутата Думы.", [("Иванов", "Сергей", None, None)]),
    ],
)
def test_a_nominative_post_after_the_name(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place the tagger took into the name before «Имя Отчество»: the surname is the word after the patronymic.
        (
            "Почтили память нотариуса Бердска Валентины Сергеевны Гаус.",
            [("Гаус", "Валентина", "Сергеевна", None)],
        ),
        ("Выступил глава Томска Иван Иванович Кляйн.", [("Кляйн", "Иван", "Иванович", None)]),
        ("Жээнбеков Сооронбай Шарипович открыл заседание.", [("Жээнбеков", "Сооронбай", "Шарипович", None)]),
    ],
)
def test_a_place_before_a_full_name(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place's adjective before a region noun is no surname; the title or body before it names no one.
        (
            "Хяким Саятского этрапа Аман Гельдыевич Гурбанов сообщил об урожае.",
            [("Гурбанов", "Аман", "Гельдыевич", None)],
        ),
        ("Заседание Генгеша Саятского этрапа открыл Мердан Чарыев.", [("Чарыев", "Мердан", None, None)]),
        ("Хоким Самаркандского вилоята выступил на совещании.", []),
        # A lone -ов surname after a head's title, which the tagger read as a place.
        ("Мэр Токтосунов на сессию горкенеша не пришел.", [("Токтосунов", None, None, None)]),
        # A city in the genitive after a head's title, which the tagger ran into the name after it.
        (
            "В работе собрания участвовал аким Кызылорды Ерлан Нурахметов.",
            [("Нурахметов", "Ерлан", None, None)],
        ),
    ],
)
def test_a_region_adjective_is_no_surname(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Names spelt with the letters of Uzbek, Tajik and Kazakh Cyrillic that Russian lacks, in any case and role.
        (
            "Начальник районного газоснабжения Отабек Ҳамроев пообещал заменить пункт.",
            [("Ҳамроев", "Отабек", None, None)],
        ),
        ("Активистка махалли Дилноза Қодирова предложила открыть кружок.", [("Қодирова", "Дилноза", None, None)]),
        ("Заместитель хокима области Одилжон Ҳамидов сообщил о кредитах.", [("Ҳамидов", "Одилжон", None, None)]),
        ("Слово предоставили депутату Ғайрату Әлиеву.", [("Әлиев", "Ғайрат", None, None)]),
        ("Аким района Нұрлан Өмірбеков открыл сессию.", [("Өмірбеков", "Нұрлан", None, None)]),
        # Uzbek «ў» is a vowel after a consonant or first; Belarusian «ў» follows a vowel.
        ("Директор фермерского хозяйства Ўлмас Тўхтаев выступил.", [("Тўхтаев", "Ўлмас", None, None)]),
    ],
)
def test_a_name_in_central_asian_letters(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A Belarusian site's furniture; a place's adjective before a body's level; a settlement after its abbreviation.
        "Мядзельскі раённы выканаўчы камітэт\nГалоўная › Навіны › Эканоміка",
        "Сотрудники Гомельского районного отдела образования провели проверку.",
        "Жители попросили отремонтировать водопровод в с. Ак-Суу.",
        "Школу построят в пос. Кызыл-Кия до конца года.",
        # Romanian «луй» / «чел» join a village's or a street's name.
        "Обсудили подвоз учеников в гимназии сел Слобозия Маре и Вадул луй Исак.",
        "Отремонтируют тротуары на улице Штефан чел Маре до осени.",
        "Новый маршрут свяжет Кагул с селом Валя луй Влад.",
        # A parliament's name in a signature line: «Жокаргы Кенес» of Karakalpakstan, «Жогорку Кенеш» of Kyrgyzstan.
        "Комиссия рассмотрела обращения фермеров.\n\nПресс-служба Жокаргы Кенеса",
        "Комиссия рассмотрела обращения фермеров.\n\nПресс-служба Жогорку Кенеша",
        # Turkmenistan's parliament and people's council, and a noun capitalised for respect.
        "В заседании приняли участие члены Халк Маслахаты Милли Генгеша и председатель Меджлиса Милли Генгеша.",
        "Обсуждены меры по обеспечению процветания родной Отчизны.",
    ],
)
def test_places_and_foreign_furniture_are_no_persons(nlp: Language, text: str) -> None:
    assert find_persons(nlp(text)) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname the dictionary reads as a short adjective, with initials or in the official order.
        ("ВЫСТУПИЛИ: Фризен А.Г. – предложил создать резерв.", [("Фризен", None, None, "А.Г.")]),
        (
            "Присутствовали: Лаптев Г.А., Красен Олег Петрович, Шамсутдинова Р.М.",
            [
                ("Лаптев", None, None, "Г.А."),
                ("Красен", "Олег", "Петрович", None),
                ("Шамсутдинова", None, None, "Р.М."),
            ],
        ),
        # A place's name after its noun before the initials is no surname: the word after them is.
        (
            "Председательствует председатель Маджлиса народных депутатов города Вахдата Б.К. РАХИМЗОДА",
            [("Рахимзода", None, None, "Б.К.")],
        ),
        ("Выступил аким района Байзак А.Б. Есенов.", [("Есенов", None, None, "А.Б.")]),
    ],
)
def test_surnames_that_read_as_other_words(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A man's -я surname in the accusative after his first name's -а: -ю → -я.
        (
            "Глава наградил механизаторов Юрия Малиновского и Руслана Вакулю.",
            [("Малиновский", "Юрий", None, None), ("Вакуля", "Руслан", None, None)],
        ),
        ("Собрание поблагодарило Олега Гудзю за ремонт школы.", [("Гудзя", "Олег", None, None)]),
        # A Moldovan surname in -у is a nominative: it stays.
        ("Совет поблагодарил Иона Морару за работу.", [("Морару", "Ион", None, None)]),
    ],
)
def test_a_mans_ya_surname_in_the_accusative(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adjectival surname the dictionary holds, in an oblique case: its own nominative, in its gender.
        ("Под руководством Петра Сергеевича Лесного работает комиссия.", ("Лесной", "Пётр")),
        ("Письмо Игоря Борового рассмотрено.", ("Боровой", "Игорь")),
        ("Выступление Анны Крутой запомнилось всем.", ("Крутая", "Анна")),
        ("Отчёт представлен Николаем Белым.", ("Белый", "Николай")),
        ("Встреча с Юрием Заруцким прошла в мэрии.", ("Заруцкий", "Юрий")),
    ],
)
def test_adjectival_surname_in_an_oblique_case(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert [(p.surname, p.first_name) for p in find_persons(nlp(text))] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "18 октября прошло заседание Генгеша Саятского этрапа Лебапского велаята. Заседание открыл Мердан Чарыев.",
        "По итогам заседания Генгеш поручил хякимлику Мургапского этрапа информировать депутатов.\n\nХякимлик "
        "Мургапского этрапа",
        "Вчера прошло заседание Сакребуло Зугдидского муниципалитета, его открыл Гия Беридзе.",
    ],
)
def test_a_local_body_and_its_places_adjective_are_no_person(nlp: Language, text: str) -> None:
    words = {"Генгеш", "Хякимлик", "Сакребуло", "Саятский", "Мургапский", "Зугдидский"}
    assert not any(set(name.split()) & words for name, *_ in _persons(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A first name the dictionary knows in the dative alone: the tagger's nominative is overruled, and the
        # soft-sign surname loses its case ending.
        ("Благодарственное письмо вручили Денису Ковалю.", [("Коваль", "Денис", None, None)]),
        # A man's -а surname in the accusative, which the dictionary knows.
        ("Глава поблагодарил Олега Петровича Кузьму за помощь.", [("Кузьма", "Олег", "Петрович", None)]),
        # A full name with its patronymic after an eponym with a regnal number.
        (
            "Директор лицея имени Александра II Олег Игоревич Сомов рассказал о проекте.",
            [("Сомов", "Олег", "Игоревич", None)],
        ),
    ],
)
def test_oblique_name_forms_and_a_name_after_an_eponym(nlp: Language, text: str, expected: list) -> None:
    assert [p for p in _persons(nlp, text) if p[0] != "Александр"] == expected


def test_a_plural_family_name_after_a_settlement_noun_is_the_settlement(nlp: Language) -> None:
    assert _persons(nlp, "Сход граждан прошёл в агрогородке Гончары.") == []


def test_a_surname_shaped_name_after_a_governed_or_plural_settlement_noun_is_the_settlement(nlp: Language) -> None:
    """A kind after a place's preposition, or in the plural, names the settlement after it, whatever its shape; after
    a post («глава села Петров») the word is the head's surname."""
    assert _persons(nlp, "Котлы заменят в агрогородках Заболоть и Грабин, кровлю починят в деревне Соснина.") == []
    assert _persons(nlp, "В агрогородке Старина открыли ФАП, а в агрогородках Речица и Колосов достроят бани.") == []
    assert [p[0] for p in _persons(nlp, "На сходе выступил глава деревни Сидоренко.")] == ["Сидоренко"]


def test_two_words_after_a_governed_settlement_noun_are_the_settlement(nlp: Language) -> None:
    """«в джамоате Гули Сурх»: a two-word name after a kind a place's preposition governs is the settlement's; after a
    kind in another case («начальник отдела акимата города Данияр Ахметжанов») the words are a person's name."""
    assert _persons(nlp, "Вчера в джамоате Сари Хосор прошла встреча с жителями.") == []
    text = "Выступил начальник отдела акимата города Данияр Ахметжанов."
    assert [p[0] for p in _persons(nlp, text)] == ["Ахметжанов"]


@pytest.mark.parametrize(
    "text",
    [
        "Мероприятие организовано в рамках концепции «Слышащее государство», утвержденной Президентом.",
        "Работы завершены, как поручил Министр на прошлой неделе.",
    ],
)
def test_a_post_capitalized_for_respect_is_no_person(nlp: Language, text: str) -> None:
    assert _persons(nlp, text) == []


def test_a_credited_news_agency_is_no_person(nlp: Language) -> None:
    text = "Спикер Жогорку Кенеша Нурланбек Тургунбек уулу напомнил о порядке.\n\nИсточник: Кабар"
    assert [surname for surname, *_ in _persons(nlp, text)] == ["Тургунбек уулу"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A woman's first name ending in a consonant does not decline: the surname's -ова is her nominative and -овой
        # her oblique case, whatever gender the dictionary guesses for the first name.
        (
            "Отчёт представила исполняющая обязанности руководителя управления занятости Жанар Даулетбаева.",
            [("Даулетбаева", "Жанар", None, None)],
        ),
        (
            "Заслушаны отчеты исполняющей обязанности руководителя управления занятости Жанар Даулетбаевой.",
            [("Даулетбаева", "Жанар", None, None)],
        ),
        ("Благодарность объявлена Гульнар Бекмуратовой.", [("Бекмуратова", "Гульнар", None, None)]),
        ("Поздравили с юбилеем Аружан Темирбекову.", [("Темирбекова", "Аружан", None, None)]),
        (
            "Выступили депутаты Жибек Омарова и Сауле Ахметова.",
            [("Омарова", "Жибек", None, None), ("Ахметова", "Сауле", None, None)],
        ),
        ("Отчет председателя джамоата Гулрух Назаровой принят.", [("Назарова", "Гулрух", None, None)]),
        # A photo's credit line names its author in the nominative: «Наиля», not Наиль's genitive.
        ("Сессия прошла в зале акимата.\nФото: Наиля Хайруллина", [("Хайруллина", "Наиля", None, None)]),
        # A Turkmen woman's name in «-и» does not decline: «Овезову» is her accusative, not a man's dative.
        ("Совет избрал секретарём Мяхри Овезову.", [("Овезова", "Мяхри", None, None)]),
        # «-у», «-о» or a consonant: Azerbaijani, Tajik and Kyrgyz women's names that do not decline either.
        ("С отчетом выступила глава айыл окмоту Арзу Мамедова.", [("Мамедова", "Арзу", None, None)]),
        ("Отчет заместителя председателя района Шабнам Юсуповой принят.", [("Юсупова", "Шабнам", None, None)]),
        (
            "Слушали: информацию руководителя отдела Досмагамбетовой Гульнар Кайратовны.",
            [("Досмагамбетова", "Гульнар", "Кайратовна", None)],
        ),
        # Not in the list, but a first name with no case ending beside a surname with one is a woman's.
        ("Выступила депутат Умбеткан Мамытова.", [("Мамытова", "Умбеткан", None, None)]),
        # A man's first name the dictionary knows, left undeclined by the text: his surname is in the genitive.
        (
            "Глава района заслушал отчет акима сельского округа Габит Мауленкулова.",
            [("Мауленкулов", "Габит", None, None)],
        ),
        ("Отчет акима района Ерлана Жаксыбекова заслушали депутаты.", [("Жаксыбеков", "Ерлан", None, None)]),
        # A first name the dictionary does not know is read by a guess: the post's case outweighs it.
        ("Президент принял акима области Жениса Касымбека.", [("Касымбек", "Женис", None, None)]),
        # An honorary title is a person's noun the name agrees with, though no post lexicon lists it.
        (
            "Депутаты почтили память почётного жителя Сарыагашского района Тулегана Абенова.",
            [("Абенов", "Тулеган", None, None)],
        ),
        ("Президент принял акима области Даниала Ахметова.", [("Ахметов", "Даниал", None, None)]),
        ("Заслушали отчёт главы района Церена Эрдниева о работе.", [("Эрдниев", "Церен", None, None)]),
        # The verb agrees with the post the name is in apposition to, whatever the post's own gender.
        (
            "Министр экономического развития Айана Тоюшева доложила о подготовке к сезону.",
            [("Тоюшева", "Айана", None, None)],
        ),
        # A protocol list's later entry names its person in the nominative as its first does.
        (
            "Приглашенные: Девятаев А.М. – начальник отдела; Бурмистрова Н.Г. – юрисконсульт\n\nКворум имеется.",
            [("Девятаев", None, None, "А.М."), ("Бурмистрова", None, None, "Н.Г.")],
        ),
    ],
)
def test_central_asian_womens_names(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «son of» / «daughter of» run into the father's name is the surname of a two-word name, in either order.
        ("Выступил депутат Нурлан Серикбайулы.", [("Серикбайулы", "Нурлан", None, None)]),
        ("Выступила депутат Айгуль Нурланкызы.", [("Нурланкызы", "Айгуль", None, None)]),
        (
            "Выступили депутаты Серикбайулы Ермек и Нурланкызы Асем.",
            [("Серикбайулы", "Ермек", None, None), ("Нурланкызы", "Асем", None, None)],
        ),
        # With a surname, it is the patronymic.
        ("Председателем избран Ахметов Серик Нурланулы.", [("Ахметов", "Серик", "Нурланулы", None)]),
    ],
)
def test_joined_turkic_patronymic_as_surname(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Surname first, the first name unknown to the dictionary.
        (
            "Сессию открыл старший по возрасту депутат Сулейманова Зайнабхан.",
            [("Сулейманова", "Зайнабхан", None, None)],
        ),
        ("Выборы прошли между кандидатами Ысырайловым Жумабеком и другими.", [("Ысырайлов", "Жумабек", None, None)]),
        # Surnames in capitals: an oblique case the tagger left unread, a surname taken for a body's abbreviation.
        ("Поручить ОМАРОВУ Е.С. подготовить ответ.", [("Омаров", None, None, "Е.С.")]),
        (
            "Заслушав информацию ОМАРОВА Ерлана Сериковича, сессия решила.",
            [("Омаров", "Ерлан", "Серикович", None)],
        ),
        ("Выступила депутат ЖАКСЫБЕКОВА Гульнар.", [("Жаксыбекова", "Гульнар", None, None)]),
        # A sentence's verb the tagger ran into the name (as a person's or a place's).
        ("Работа идёт. Выступила Гулбахор Рахимова, хоким района.", [("Рахимова", "Гулбахор", None, None)]),
        ("Выступила Жаксыбекова Гульнар Маратовна.", [("Жаксыбекова", "Гульнар", "Маратовна", None)]),
        # A first name that is a region's too, the surname in capitals (Kazakh press style).
        ("Между тем, аким города Алтай КУЛЬГИНОВ отчитается в пятницу.", [("Кульгинов", "Алтай", None, None)]),
        # A first name with a verb's form is a first name.
        ("Слово взял Нарек Гевондян.", [("Гевондян", "Нарек", None, None)]),
    ],
)
def test_name_forms_of_real_reports(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kazakh letters: the woman's name is Сауле all the same.
        ("Отчет руководителя управления Сәуле Нұрғожиной принят.", [("Нұрғожина", "Сәуле", None, None)]),
        # A woman's name in -а the dictionary does not know declines as every such name does.
        ("Поручить председателю махалли Дилнозе Абдуллаевой.", [("Абдуллаева", "Дилноза", None, None)]),
        # A Kazakh patronymic run together does not decline.
        (
            "Послание Касым-Жомарта Кемелулы Токаева обсудили депутаты.",
            [("Токаев", "Касым-Жомарт", "Кемелулы", None)],
        ),
        ("Заседание вела Әсел Мұратқызы Джалғаспаева.", [("Джалғаспаева", "Әсел", "Мұратқызы", None)]),
        # A Tajik «-зода» surname declines as a noun in -а.
        ("Поручить раису джамоата Фирдавсу Назарзоде.", [("Назарзода", "Фирдавс", None, None)]),
        # A name the tagger read as a place, with a short -ев surname, after a post and its body in the genitive: a
        # man's bare «-ев» is the nominative of a person in apposition, not what the body is named after.
        (
            "В сенат избран ректор Хорогского государственного университета Сафарали Шоев (Маджлис района Рушан), и "
            "ректор Бохтарского университета Махмадали Имомов (Маджлис района Вахш).",
            [("Шоев", "Сафарали", None, None), ("Имомов", "Махмадали", None, None)],
        ),
        # Left undeclined in an oblique case's place, «-зода» is the nominative (no surname ends in «-зод»).
        (
            "Под председательством председателя города Вахдата Сухробоя Шарифзода прошло заседание.",
            [("Шарифзода", "Сухробой", None, None)],
        ),
        # «son of» tells a man: «-а» is his genitive.
        (
            "Жители поддержали инициативу торага Жогорку Кенеша Нурланбека Тургунбек уулу.",
            [("Тургунбек уулу", "Нурланбек", None, None)],
        ),
        ("Депутату Айжамал Урмат кызы поручено.", [("Урмат кызы", "Айжамал", None, None)]),
        # A protocol's heading that takes no object, and a post after a dash: the names are nominatives.
        (
            "ВЫСТУПИЛИ: Асанова Ч.Т. – депутат, Мамытов А.А. – глава айыл окмоту.",
            [("Асанова", None, None, "Ч.Т."), ("Мамытов", None, None, "А.А.")],
        ),
        # A surname in capitals the tagger took for a body's abbreviation.
        ("Как сообщил руководитель отдела Бауыржан ОМАРОВ, работа ведется.", [("Омаров", "Бауыржан", None, None)]),
        # A feminine verb after a man's genitive agrees with the clause's subject, not with him.
        ("Команда под руководством Вячеслава Быкова встретилась со сборной.", [("Быков", "Вячеслав", None, None)]),
        # A woman's first name left undeclined beside her surname's oblique «-овой»: the surname tells the case.
        (
            "Должность заместителя доверили директору музея изобразительных искусств Любовь Ковалевой.",
            [("Ковалёва", "Любовь", None, None)],
        ),
        # A woman's first name that is also a country's, in a list of names: hers, and in the nominative.
        (
            "На встрече были Глеб Щегельский, Дания Еспаева и Сергей Симонов.",
            [("Щегельский", "Глеб", None, None), ("Еспаева", "Дания", None, None), ("Симонов", "Сергей", None, None)],
        ),
        # Names listed after a dash that follows a post in the nominative are nominatives.
        (
            "Выступили начальники отделов администрации района – Г. Малофеева (отдел образования), "
            "М. Малеева (отдел социального развития).",
            [("Малофеева", None, None, "Г."), ("Малеева", None, None, "М.")],
        ),
        # A first name the text also writes in the nominative is taken from there («Сание» is her dative).
        (
            "Грамоты вручены Сание Калмурзиной. Сания Калмурзина поблагодарила коллег.",
            [("Калмурзина", "Сания", None, None)],
        ),
        # A body's last word the tagger ran into the name: the first name is the one next to the surname.
        (
            "Одобрен отзыв мандата депутата районного Кенгаша Бекзода Хамдамова.",
            [("Хамдамов", "Бекзод", None, None)],
        ),
    ],
)
def test_more_name_forms_of_real_reports(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title opening with a participle in the feminine tells a woman, whose -ова is her nominative.
        (
            "В работе сессии приняла участие исполняющая обязанности акима района А. Ибраева.",
            [("Ибраева", None, None, "А.")],
        ),
        ("Заведующая отделом Г. Жумабаева ответила на вопросы.", [("Жумабаева", None, None, "Г.")]),
        # A post in an oblique case before the name gives it that case: a man's genitive here.
        ("Заслушан отчет руководителя отдела А. Нурмуханова.", [("Нурмуханов", None, None, "А.")]),
        # ... but a nominative title before it keeps her nominative.
        ("Руководитель отдела Б. Кентугаева доложила о работе.", [("Кентугаева", None, None, "Б.")]),
        # The post's case chooses only where the surname's form leaves both genders.
        (
            "Депутаты поблагодарили бывшего руководителя аппарата Валентину Ивановну Сухомлин.",
            [("Сухомлин", "Валентина", "Ивановна", None)],
        ),
    ],
)
def test_gender_from_the_post(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The dictionary reads these women's names as a man's genitive (Парвин, Феруз); a feminine verb of the
        # masculine post they stand in apposition to, or the relative pronoun after them, tells a woman.
        (
            "Генеральный директор ОАО «Светлый путь» Парвина Шодмонбекова доложила о работе.",
            ("Шодмонбекова", "Парвина"),
        ),
        (
            "Затем выступила заместитель хокима района по вопросам махалли Феруза Рахимова, которая сообщила о росте.",
            ("Рахимова", "Феруза"),
        ),
        # Not a known name in an oblique case after a feminine post: the post's holder is someone else.
        ("Заместительница Сергея Собянина назначена на новый пост.", ("Собянин", "Сергей")),
        ("Доклад заместителя министра Сергея Петрова, который отметил рост, одобрен.", ("Петров", "Сергей")),
    ],
)
def test_a_womans_name_read_as_a_mans_oblique_case(nlp: Language, text: str, expected: tuple) -> None:
    assert [(p[0], p[1]) for p in _persons(nlp, text)] == [expected]


def test_a_republics_name_before_a_persons_name_is_the_posts(nlp: Language) -> None:
    # «Республики <название>» ends the post; the tagger runs the republic's name into the person's.
    text = (
        "В работе коллегии участвовал заместитель председателя Совета Министров Республики Каракалпакстан Бахтияр "
        "Ембергенов. Заместитель председателя Совета Министров Республики Каракалпакстан Б. Ембергенов попросил "
        "увеличить объемы поливов."
    )
    assert [(p[0], p[1]) for p in _persons(nlp, text)] == [("Ембергенов", "Бахтияр")]


def test_a_belarusian_evich_surname_after_a_first_name(nlp: Language) -> None:
    # «Ганусевич» reads as a patronymic, but no first name «Ганус» is its father's: a surname.
    assert _persons(nlp, "Чеслав Ганусевич, обращаясь к депутатам, напомнил о выборах.") == [
        ("Ганусевич", "Чеслав", None, None)
    ]
    # A first name and a patronymic alone name no one with a surname.
    assert _persons(nlp, "Спасибо, Татьяна Николаевна, за доклад.") == []
    assert _persons(nlp, "Слово предоставляется Алмазу Кадырбаевичу.") == []


def test_a_post_that_is_also_a_first_name_titles_the_name_after_it(nlp: Language) -> None:
    # «Аким» is a Russian first name and a Kazakh head of a place: before a first name and a surname it is the post.
    assert _persons(nlp, "Аким Ислам Абишев провёл совещание.") == [("Абишев", "Ислам", None, None)]
    assert _persons(nlp, "Аким Иванович Петров выступил.") == [("Петров", "Аким", "Иванович", None)]
    # Before its place's genitive it is the post of that place's head, and no one is named.
    assert _persons(nlp, "Аким Шымкента провёл совещание по благоустройству.") == []
    assert _persons(nlp, "Аким Туркестана подписал распоряжение.") == []


def test_a_surname_in_capitals_after_a_first_name_the_tagger_does_not_know(nlp: Language) -> None:
    text = "В областном акимате прошло селекторное совещание с участием акима области Бактыкожой ИЗМУХАМБЕТОВЫМ."
    assert [(p[0], p[1]) for p in _persons(nlp, text)] == [("Измухамбетов", "Бактыкожа")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a post in a visible accusative a woman's name would be «Эльвину Пашаеву»: «Эльвина» is a man's.
        ("Президент принял главу района Эльвина Пашаева.", ("Пашаев", "Эльвин")),
        ("Президент принял главу района Эльвину Пашаеву.", ("Пашаева", "Эльвина")),
        ("Главой района назначена Эльвина Пашаева.", ("Пашаева", "Эльвина")),
        # After a genitive a text may leave a woman's name undeclined.
        ("Заслушан отчет директора школы Гульнара Сейтова.", ("Сейтова", "Гульнара")),
    ],
)
def test_a_womans_nominative_after_a_post_in_the_accusative(nlp: Language, text: str, expected: tuple) -> None:
    assert [(p[0], p[1]) for p in _persons(nlp, text)] == [expected]


def test_a_districts_name_run_into_a_surname_first_name(nlp: Language) -> None:
    text = "Газета цитирует депутата Северного Измайлова Курочкину Ирину Геннадьевну."
    assert [(p[0], p[1], p[2]) for p in _persons(nlp, text)] == [("Курочкина", "Ирина", "Геннадьевна")]


@pytest.mark.parametrize("byline", ["Светлана КОРОТКЕВИЧ.", "Галина ХАЦУЛЁВА", "Ирина ДУБ"])
def test_a_byline_line_with_the_surname_in_capitals_is_a_person(nlp: Language, byline: str) -> None:
    # A district paper signs a report on a line of its own; after a paragraph the tagger often reads it as nothing.
    text = (
        "Прошло рабочее заседание районного исполнительного комитета\n\n"
        "Председатель райисполкома Павел Нестерович обратил внимание на состояние дорог.\n\n" + byline + "\n"
    )
    first, surname = byline.rstrip(".").split()
    assert (surname.title(), first) in [(p[0], p[1]) for p in _persons(nlp, text)]


def test_a_first_name_and_a_word_in_capitals_inside_a_line_is_no_byline(nlp: Language) -> None:
    text = "Прошло заседание.\n\nСлово взяла Марина из ЖКХ района.\n"
    assert [p for p in _persons(nlp, text) if p[0] == "Жкх"] == []


@pytest.mark.parametrize(
    "text",
    [
        # A web medium's name in any case form, standing as a source, is no one's surname.
        "Как ранее сообщали Викиновости, альбом выйдет весной.",
        "Министр рассказал Викиновостям о планах ведомства.",
    ],
)
def test_a_medium_named_as_a_source_is_no_person(nlp: Language, text: str) -> None:
    assert _persons(nlp, text) == []


def test_a_compound_place_named_elsewhere_is_no_person(nlp: Language) -> None:
    # The text names «Шлезвиг-Гольштейн» as a place; its genitive after a party's abbreviation is that place again.
    text = "Глава отделения ХДС в Шлезвиг-Гольштейне подал в отставку. ХДС Шлезвиг-Гольштейна встала перед выбором."
    assert _persons(nlp, text) == []


def test_a_name_wrapped_over_a_pages_line_is_one_name(nlp: Language) -> None:
    text = (
        "Заседание открыл директор национального парка Мурат Хасанбиевич\nТеммоев. В работе совета приняла участие "
        "делегация."
    )
    assert _persons(nlp, text) == [("Теммоев", "Мурат", "Хасанбиевич", None)]


def test_a_first_name_the_tagger_ran_into_a_body_before_it(nlp: Language) -> None:
    text = "Сессию провела председатель улусного Совета Туйаара Гаврильевна Сивцева. Депутаты утвердили отчёт."
    assert _persons(nlp, text) == [("Сивцева", "Туйаара", "Гаврильевна", None)]


def test_a_word_like_surname_after_a_first_name_and_a_patronymic(nlp: Language) -> None:
    text = "Председателем районного Совета депутатов единогласно избран Владимир Валентинович Книга, уроженец района."
    assert _persons(nlp, text) == [("Книга", "Владимир", "Валентинович", None)]


def test_an_indeclinable_surname_the_dictionary_guesses_as_an_adverb(nlp: Language) -> None:
    # «Кожемяко» is no word the dictionary knows: its guess (an adverb) describes no one before a first name.
    found = _persons(nlp, "Председательствующий: Кожемяко Виктор Андреевич, председатель правления колхоза.")
    assert ("Кожемяко", "Виктор", "Андреевич", None) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised common noun saying who the person is opens the sentence; the -евич word is only guessed a
        # patronymic, so it is the surname.
        ("Аксакал Павел Гриневич рассказал о ветеранах села.", [("Гриневич", "Павел", None, None)]),
        # Before a patronymic the dictionary knows, the noun is a surname in the official order.
        ("Кузнец Павел Иванович, председатель правления.", [("Кузнец", "Павел", "Иванович", None)]),
    ],
)
def test_a_noun_saying_who_opens_the_name(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


def test_a_footer_word_on_a_line_of_its_own_is_no_person(nlp: Language) -> None:
    text = "Бишкекский городской кенеш утвердил бюджет города на 2025 год.\n\nКомментарийлер\n\nПикир калтыруу\n"
    assert _persons(nlp, text) == []


def test_a_legislatures_second_name_after_a_dash_is_no_person(nlp: Language) -> None:
    text = "На сессии Госсобрания – Эл Курултай 14 ноября прошло голосование. Выступил Сергей Ефимов."
    assert _persons(nlp, text) == [("Ефимов", "Сергей", None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A first name that spells a word, taken by the tagger for a body of one word, before a patronymic.
        ("Заседание вела председатель комиссии Сардана Ивановна Петрова.", [("Петрова", "Сардана", "Ивановна", None)]),
        # A place run into the full name after it.
        (
            "Совещание прошло под председательством заместителя акима города Рудного Айгерим Маратовны Исаевой.",
            [("Исаева", "Айгерим", "Маратовна", None)],
        ),
        # A post far before the name, past its body's long name, gives the name its case.
        (
            "Заслушана информация председателя Агентства продовольственной безопасности Азербайджанской Республики "
            "(AQTA) Тогрула Мамедова о проверках.",
            [("Мамедов", "Тогрул", None, None)],
        ),
    ],
)
def test_names_the_tagger_cut_or_ran_on(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A body's own-language name in brackets, and wherever else the text writes it.
        "Прошло заседание Государственного Собрания (Ил Тумэн) Республики Саха (Якутия).\n\nТеги: Ил Тумэн, бюджет",
        "Новости → Ил Тумэн\n\nСостоялось заседание Государственного Собрания (Ил Тумэн) Республики Саха (Якутия).",
        # A lone word listed with places, a hashtag's word, a tag line's word, a dateline's agency.
        "Проверки прошли на рынках Гянджи, Сумгайыта и Ширвана.",
        "Сессия завершилась.\n\n#МиллиМеджлис #бюджет",
        "Сессия завершилась.\n\nТеги: сельсовет, сессия, Вороновщина",
        "УЗГЕН, 17 апреля – Кабар. В среду прошёл круглый стол.",
        # An agency between a dateline's slashes, and a credit's agency before the slash.
        "ГЮМРИ, 3 мая. /Шантнюз/. Сегодня прошёл круглый стол.",
        "Круглый стол завершился.\n\nФото: Шантнюз / пресс-служба мэрии",
    ],
)
def test_no_person_in_a_bodys_other_name_a_list_of_places_or_a_label(nlp: Language, text: str) -> None:
    assert _persons(nlp, text) == []


def test_a_person_noun_in_apposition_is_no_eponym_context(nlp: Language) -> None:
    text = "Среди награждённых – студентка аграрного института Огулджерен Байрамова."
    assert _persons(nlp, text) == [("Байрамова", "Огулджерен", None, None)]


def test_initials_and_a_surname_the_tagger_ran_into_a_body_are_a_person(nlp: Language) -> None:
    text = (
        "ПЕТРОВ А.С.: Поручаем администрации города Мурома до 1 августа представить отчёт. Заседание закрыто.\n\n"
        "Стенограмму вела консультант аппарата Совета О.В. Кузина"
    )
    assert ("Кузина", None, None, "О.В.") in _persons(nlp, text)


def test_a_full_name_split_by_a_line_break_is_one(nlp: Language) -> None:
    text = "Председатель Совета профсоюзов ВКО Серик\nКабдешевич Бейсембаев выступил от работников."
    assert _persons(nlp, text) == [("Бейсембаев", "Серик", "Кабдешевич", None)]


def test_a_settlements_name_is_no_surname_elsewhere(nlp: Language) -> None:
    text = "п. Индерборский 27 марта 2025 года\n\nУровень воды в реке Урал у поста Индерборский составил 512 см."
    assert _persons(nlp, text) == []


def test_a_guessed_womans_name_is_no_first_name_before_a_first_name(nlp: Language) -> None:
    """pymorphy guesses an unknown «-ева» word as a woman's name; before a first name it is the surname."""
    text = "Секретарь зачитала заявление главы хозяйства Турдиева Мурода о прекращении деятельности."
    assert _persons(nlp, text) == [("Турдиев", "Мурод", None, None)]


def test_an_unknown_first_name_in_y_is_a_genitive(nlp: Language) -> None:
    """No first name ends in «-ы» after a consonant in the nominative: «Абдылды» is Абдылда's genitive, so the
    surname after it is a genitive too."""
    text = "Почтили память председателя суда аксакалов микрорайона Шахтёр Абдылды Кулматова."
    assert _persons(nlp, text) == [("Кулматов", "Абдылда", None, None)]


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Визит Мигеля Диаса-Канеля начался.", "Диас-Канель"),
        ("Парламент утвердил Мигеля Диаса-Канеля председателем совета.", "Диас-Канель"),
        ("Президент встретился с Мигелем Диасом-Канелем.", "Диас-Канель"),
        ("Он поздравил Мигеля Диас-Канеля с избранием.", "Диас-Канель"),
        ("Роман Габриэля Гарсиа-Маркеса издан.", "Гарсиа-Маркес"),
    ],
)
def test_each_part_of_a_double_surname_that_declined(nlp: Language, text: str, surname: str) -> None:
    assert [p.surname for p in find_persons(nlp(text))] == [surname]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В заседании принял участие заместитель акима области Улытау Гульмира Абдрахманова.",
            ("Абдрахманова", "Гульмира"),
        ),
        (
            "Заслушан отчёт акима сельского округа Иркол Гульнар Тажибаевой об обеспечении водой.",
            ("Тажибаева", "Гульнар"),
        ),
    ],
)
def test_a_region_named_after_its_kind_is_no_part_of_the_name(nlp: Language, text: str, expected: tuple) -> None:
    assert [p[:2] for p in _persons(nlp, text)] == [expected]


def test_a_place_adjective_opening_a_list_of_regions_is_no_person(nlp: Language) -> None:
    # The tagger reads the first adjective of «Кеминского, Панфиловского и Чуйского районов» as a surname.
    text = "В совещании участвовали главы айыл окмоту Кеминского, Панфиловского и Чуйского районов."
    assert _persons(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A first name in Tajik letters is a first name: the place before it is no part of the name.
        ("Выступил председатель джамоата Ғозималик Иброҳим Раҷабов.", [("Раҷабов", "Иброҳим")]),
        # A narrow column wraps the name: a first name, a line break, a surname.
        ("Секретарем избран депутат Фарход\nРаҳимов. Решение принято.", [("Раҳимов", "Фарход")]),
        # A Kyrgyz name closed by «уулу» after the place the tagger ran into it.
        ("Глава айыл окмоту Кара-Жыгач Эрлан Садыр уулу поднял вопрос о пастбищах.", [("Садыр уулу", "Эрлан")]),
        ("Глава айыл окмоту Ак-Турпак Азамат Токон уулу поднял вопрос о пастбищах.", [("Токон уулу", "Азамат")]),
        # A republic's capitalized kind before its name, then the person.
        (
            "Выступил заместитель председателя Совета Министров Республики Каракалпакстан Алишер Утепов.",
            [("Утепов", "Алишер")],
        ),
        # An Uzbek official's name in the state language's Latin letters after the post.
        ("Доклад сделал первый заместитель министра Jasur Rahimov.", [("Rahimov", "Jasur")]),
        # A woman's name the dictionary knows as a man's genitive, apposed to a nominative post, her verb feminine.
        ("Генеральный директор ОАО «Памир Энерджи» Парвина Давлатова доложила о ремонте.", [("Давлатова", "Парвина")]),
    ],
)
def test_central_asian_name_shapes(nlp: Language, text: str, expected: list) -> None:
    assert [p[:2] for p in _persons(nlp, text)] == expected


def test_a_place_adjective_before_a_body_s_noun_is_no_person(nlp: Language) -> None:
    text = "Грамотой награждена бухгалтер Кызыл-Булакского айыл окмоту Айгуль Токтогулова."
    assert [p[:2] for p in _persons(nlp, text)] == [("Токтогулова", "Айгуль")]


def test_a_breadcrumb_s_steps_are_no_name(nlp: Language) -> None:
    text = "Басты бет › Жаңалықтар › Мәслихат сессиясы\n\nСессию провел председатель маслихата Ержан Сейтов."
    assert [p[:2] for p in _persons(nlp, text)] == [("Сейтов", "Ержан")]
    # A step alone between the marks, whatever the tagger makes of it.
    from pipelines.stages.persons import _not_a_name

    doc = nlp("Басты бет › Әкімдік › Жаңалықтар")
    assert _not_a_name(doc[3:4], frozenset())


def test_an_armenian_surname_leads_a_turn_s_name(nlp: Language) -> None:
    text = (
        "На заседании присутствовал заместитель марзпета Ашот Мелконян.\n\n"
        "Мелконян Ашот, заместитель марзпета — Мы поддержим заявку общины."
    )
    assert [p[:2] for p in _persons(nlp, text)] == [("Мелконян", "Ашот")]


def test_a_listed_town_alone_is_no_person(nlp: Language) -> None:
    # A transcript's «А почему <town> …» makes the tagger read the listed town as a surname.
    assert _persons(nlp, "В. ИВАНОВ: А почему Вулканешты опять не получают средств на дороги?") == [
        ("Иванов", None, None, "В.")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A first name the name list has as a nominative agrees with the feminine verb it is the subject of, whatever
        # man's name in an oblique case the dictionary reads it as.
        ("Депутат Парвина Саидова предложила перенести сессию.", [("Саидова", "Парвина", None, None)]),
        # Not the form of a man's name the dictionary has seen used, though the list has a woman's of that spelling.
        (
            "На встрече выступил известный критик Владимира Путина Михаил Касьянов.",
            [("Путин", "Владимир", None, None), ("Касьянов", "Михаил", None, None)],
        ),
        # A plural post word before the name is the body's: the name is the subject of the feminine verb.
        (
            "Выступила руководитель группы в Кенгаше народных депутатов Озода Хамидова, отметившая рост.",
            [("Хамидова", "Озода", None, None)],
        ),
        # The parser's conjunct of a common noun is no list of names: the verb after the name tells her gender.
        (
            "Сессию вела Гульнара Токтогуловна Садырова. Подводя итоги, Г. Садырова подчеркнула важность закона.",
            [("Садырова", "Гульнара", "Токтогуловна", "Г.")],
        ),
        # A name heard, with its patronymic in the genitive, before «– о …»: not the nominative of a reporter.
        ("СЛУШАЛИ:\nКозела Андрея Ивановича – о подготовке котельных к зиме.", [("Козел", "Андрей", "Иванович", None)]),
        # A body's word the tagger ran into a first name, the surname on the next line.
        (
            "Выступили депутаты районного Кенгаша Нодира\nКаримова (партия «Миллий тикланиш») и другие.",
            [("Каримова", "Нодира", None, None)],
        ),
        # A surname-shaped word after a settlement's kind is the settlement where no post heads the kind.
        (
            "В школе агрогородка Липень не заменена кровля. "
            "Выступил староста деревни Ковалёв, который сообщил о ремонте.",
            [("Ковалёв", None, None, None)],
        ),
        # A place's name after its noun, run into a full name: the surname is the word after the patronymic; a word on
        # the next line is no part of the name.
        (
            "Приглашены: примар муниципия Комрат Сергей Фёдорович Анастасов, заместитель примара Мария Топал.",
            [("Анастасов", "Сергей", "Фёдорович", None), ("Топал", "Мария", None, None)],
        ),
        # Past an eponym, a name in a case no genitive has is the person the post before the body names.
        (
            "Благодарность объявлена воспитателю детского сада имени Ыбырая Алтынсарина Динаре Жумабаевой.",
            [("Жумабаева", "Динара", None, None)],
        ),
        # A country's abbreviation in capitals before the initials is no surname.
        ("Министр финансов РА Г. Мкртчян предложила создать фонд.", [("Мкртчян", None, None, "Г.")]),
    ],
)
def test_names_in_crowded_reports(nlp: Language, text: str, expected: list) -> None:
    assert _persons(nlp, text) == expected


def test_a_name_right_after_a_singular_oblique_post_shares_its_case(nlp: Language) -> None:
    # «информация министра В. Ковалёва»: the parser may make the name the subject of «заслушана»; the post's genitive
    # is the name's, so the feminine verb tells nothing of its gender. A plural post word is a body's.
    from pipelines.person_names import _right_after_oblique_post

    doc = nlp("Заслушана информация министра Д. Ковалёва. Выступил член Совета депутатов Озод Хамидов.")
    names = [e for e in doc.ents if e.label_ == "PER"]
    assert [_right_after_oblique_post(e) for e in names] == [True, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A breadcrumb trail parted by spaced slashes or guillemets names no one; a credit line after «Фото:» does.
        (
            "Главная » Районы » Шида Картли\n\nЗаседание открыл председатель Гиорги Маисурадзе.",
            [("Маисурадзе", "Гиорги")],
        ),
        ("Жанакорган ауданы / Жаңалықтар\n\nФото: пресс-служба / Ерлан Сапаров", [("Сапаров", "Ерлан")]),
        # A headline's capitalized preposition and the settlement's kind run into the span, a hashtag's sign too.
        ("Новости\n\nВ джамоате Бустон обсудили ремонт школы\n\n#Вахдат #джамоат", []),
        # A village named as a first name is, after its kind, followed by a man with no patronymic.
        ("Житель кишлака Навруз Шодмон Рахимов попросил провести воду.", [("Рахимов", "Шодмон")]),
        # The Tajik lower house's name is no name.
        ("В работе комитета участвовал депутат Маджлиси намояндагон Фирдавс Саидов.", [("Саидов", "Фирдавс")]),
    ],
)
def test_page_furniture_and_places_run_into_names(nlp: Language, text: str, expected: list) -> None:
    assert [(p.surname, p.first_name) for p in find_persons(nlp(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A man's -ский surname in the genitive is no nominative, whatever the tagger read the first name as; the
        # first name shares its case.
        (
            "Как заявил представитель истцов Бартоломея Завадского, решение будет обжаловано.",
            [("Завадский", "Бартоломей")],
        ),
        # A plural title in the instrumental, which the tagger may read as a nominative, tells no nominative name.
        (
            "Капсулу, заложенную 200 лет назад отцами-основателями США Томасом Бартлеттом и Полом Гривзом, вскрыли.",
            [("Бартлетт", "Томас"), ("Гривз", "Пол")],
        ),
    ],
)
def test_an_oblique_name_the_tagger_read_as_a_nominative(nlp: Language, text: str, expected: list) -> None:
    assert [(p.surname, p.first_name) for p in find_persons(nlp(text))] == expected


def test_east_asian_namesakes_stay_two_people_named_surname_first(nlp: Language) -> None:
    # Two people of one common surname are told apart by the given name, which follows it and keeps its place.
    doc = nlp("На форуме выступили Ли Вэйчжун и Ли Сяохуа, затем министр встретился с Ли Цзяньхуном.")
    found = [(p.name, p.surname, p.first_name) for p in find_persons(doc)]
    assert found == [
        ("Ли Вэйчжун", "Ли", "Вэйчжун"),
        ("Ли Сяохуа", "Ли", "Сяохуа"),
        ("Ли Цзяньхун", "Ли", "Цзяньхун"),
    ]


def test_a_chinese_given_name_in_a_surname_shape_follows_the_surname(nlp: Language) -> None:
    # «-ин» ends Russian surnames, but «цз» and «чж» spell Chinese syllables only; a later mention by the given name
    # alone is the same person, not a second surname.
    doc = nlp("Переговоры вёл вице-премьер Ван Цзюньлин. Позже Цзюньлин ответил на вопросы журналистов.")
    assert [(p.name, p.surname, p.first_name) for p in find_persons(doc)] == [("Ван Цзюньлин", "Ван", "Цзюньлин")]


def test_an_age_in_one_word_is_no_name(nlp: Language) -> None:
    text = (
        "О президенте ФИДЕ\n\nВосьмидесятитрёхлетний президент Международной шахматной федерации (ФИДЕ) Генри Уолтерс "
        "(Henry Walters) передумал уходить в отставку и будет баллотироваться на новый срок."
    )
    found = _persons(nlp, text)
    assert [p[0] for p in found] == ["Уолтерс"]


def test_an_instrumental_in_om_tells_a_consonant_stem(nlp: Language) -> None:
    text = (
        "Поводом стали слова гитариста из группы «Северный ветер» Энтони Кроппа, который обвинил продюсера в обмане. "
        "Тогда Кроппу было 19 лет. Продюсер уже встретился с Кроппом и извинился."
    )
    assert [p[0] for p in _persons(nlp, text)] == ["Кропп"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A woman's first name that does not decline, after a two-word eponym: the tagger gives it no nominative.
        (
            "Почётной грамотой района награждена учитель математики школы № 3 имени Абая Кунанбаева Райхан Омарова.",
            [("Омарова", "Райхан")],
        ),
        # A surname-first name whose surname the tagger ran into the body the title names.
        ("Председательствует председатель Комитета Юсупов Шавкат Рахимович.", [("Юсупов", "Шавкат")]),
        # A body's name the tagger ran on over a first name and a father's name with its «кызы».
        (
            "Вчера депутат Жогорку Кенеша Нургуль Асанбек кызы провела приём граждан в селе Ананьево.",
            [("Асанбек кызы", "Нургуль")],
        ),
    ],
)
def test_names_the_tagger_cut_at_a_body_or_an_eponym(nlp: Language, text: str, expected: list) -> None:
    assert [(p.surname, p.first_name) for p in find_persons(nlp(text))] == expected


def test_a_sites_labels_in_the_state_language_name_no_one(nlp: Language) -> None:
    # A view counter and share buttons: a word before a colon with no Russian word beside it on its line (the tagger
    # reads them as surnames in a long page); a name before a colon opens what the person said, in words.
    from pipelines.stages.persons import _site_label

    doc = nlp(
        "Сессия городского кенеша\n12.05.2026 / 10:15 | Көрүүлөр: 97\n"
        "Асанова: Предлагаю отремонтировать мост.\nБөлүшүү: Facebook | WhatsApp\n"
    )
    labels = {t.text: _site_label(t) for t in doc if t.text in ("Көрүүлөр", "Асанова", "Бөлүшүү")}
    assert labels == {"Көрүүлөр": True, "Асанова": False, "Бөлүшүү": True}
    # A transcript's speaker alone on the line, the speech below: no value on the label's line, a name.
    turn = nlp("Сессия городского кенеша\nТокоев:\nПредлагаю отремонтировать мост.\n")
    assert [_site_label(t) for t in turn if t.text == "Токоев"] == [False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A first name the tagger read as a verb («давит»), proved a first name by the patronymic after it.
        ("Сессию провел мэр общины Гюмри Давит Ашотович Оганян.", [("Оганян", "Давит")]),
        # A man's Armenian -ян surname in the dative declines: its «-у» is no indeclinable ending.
        ("Мэр поручил начальнику отдела Гургену Петросяну подготовить смету.", [("Петросян", "Гурген")]),
        # A surname-first name with its patronymic after a title's body, which the tagger missed.
        (
            "От ведомства: заместитель министра здравоохранения Республики Тыва Кужугет Аяс Оргаданович;",
            [("Кужугет", "Аяс")],
        ),
    ],
)
def test_name_forms_of_unseen_documents(nlp: Language, text: str, expected: list) -> None:
    assert [(p.surname, p.first_name) for p in find_persons(nlp(text))] == expected


def test_a_vich_word_written_as_a_surname_after_a_patronymic_is_one_after_the_first_name_alone(nlp: Language) -> None:
    text = (
        "В заседании участвовал заместитель министра Республики Беларусь Сергей Иванович Ракович.\n\n"
        "Сергей Ракович выступил с предложением о единой базе данных."
    )
    found = find_persons(nlp(text))
    assert [(p.surname, p.first_name, len(p.mentions)) for p in found] == [("Ракович", "Сергей", 2)]


@pytest.mark.parametrize(
    ("text", "name", "surname", "first_name", "initials"),
    [
        # One initial between a first name and the word after it is a middle initial, never the first name.
        ("Сенатор Уолтер Г. Брэддок выступил в конгрессе.", "Уолтер Г. Брэддок", "Брэддок", "Уолтер", None),
        ("Роль сыграл актер Сэмюэл Д. Хартли.", "Сэмюэл Д. Хартли", "Хартли", "Сэмюэл", None),
        # Three capitalised parts without a patronymic keep their middle, in the nominative, in text order.
        ("Приз вручили Габриэлю Гарсиа Ортису.", "Габриэль Гарсиа Ортис", "Ортис", "Габриэль", None),
        ("С речью выступила Анхела Мария Вильяр.", "Анхела Мария Вильяр", "Вильяр", "Анхела", None),
        # A Russian name keeps its shapes: a post before initials, a surname before them, a patronymic.
        ("Мэр Т. Осмонкулов ответил на вопросы.", "Т. Осмонкулов", "Осмонкулов", None, "Т."),
        ("Слово взяла Анна Ивановна Кострова.", "Анна Ивановна Кострова", "Кострова", "Анна", None),
    ],
)
def test_a_western_names_middle_stays_between_first_name_and_surname(
    nlp: Language, text: str, name: str, surname: str, first_name: str | None, initials: str | None
) -> None:
    (person,) = find_persons(nlp(text))
    assert (person.name, person.surname, person.first_name, person.initials) == (name, surname, first_name, initials)


def test_a_middle_initial_joins_the_mentions_without_it(nlp: Language) -> None:
    """«Уолтер Брэддок» and «Уолтер Г. Брэддок» are one person, named by the fullest form."""
    text = "Сенатор Уолтер Брэддок прибыл в Бостон. Уолтер Г. Брэддок выступил там же. Брэддок был краток."
    (person,) = find_persons(nlp(text))
    assert (person.name, len(person.mentions)) == ("Уолтер Г. Брэддок", 3)


def test_no_middle_behind_a_word_that_reads_as_no_first_name(nlp: Language) -> None:
    """«аптекой Карасай Гүлназ Сейтказиева»: a place's name run in before a first name is no first name with a middle
    name after it; the record does not write «Гүлназ» as a middle name."""
    (person,) = find_persons(nlp("Приём провела заведующая аптекой Карасай Гүлназ Сейтказиева."))
    assert (person.surname, len(person.name.split())) == ("Сейтказиева", 2)


def test_a_middle_is_kept_only_before_the_surname_chosen(nlp: Language) -> None:
    """The text calls «Эстебан Ортега Вальдес» «Ортега»: the middle of the full mention stood before another surname,
    so the name is not written with «Ортега» twice."""
    text = "Лидер оппозиции Эстебан Ортега Вальдес выступил на митинге. Эстебан Ортега заявил о победе. Ортега обещал."
    (person,) = find_persons(nlp(text))
    assert (person.name, person.surname) == ("Эстебан Ортега", "Ортега")


def test_a_capitalised_particle_is_no_middle_name(nlp: Language) -> None:
    """«Роберта Ван Дамме» and «ван Дамме»: the capitalised «Ван» is the surname's particle, not a middle name
    written beside the particle again."""
    (person,) = find_persons(nlp("Приз вручили Роберту Ван Дамме. Позже ван Дамме поблагодарил зрителей."))
    assert (person.name, person.surname) == ("Роберт ван Дамме", "Дамме")


def test_no_middle_from_words_of_another_name(nlp: Language) -> None:
    # A body's word run in before the person's own name is no middle name.
    (deputy,) = find_persons(nlp("Слово взял депутат этрапского Халк Маслахаты Довлет Бердиев."))
    assert (deputy.surname, "Маслахаты" in deputy.name) == ("Бердиев", False)
    # A first name right before the surname opens a name of its own: two people the tagger joined.
    joined = find_persons(nlp("На форуме были Рафаэль Корреа Эдвард Сноуден."))
    assert [p.name for p in joined] == ["Рафаэль Корреа", "Эдвард Сноуден"]


def test_a_shouted_label_keeps_its_initials_before_a_name_addressed(nlp: Language) -> None:
    # «ДЕМЧЕНКО С.П. Ольга Ивановна, а …»: the stenogram's label, then the speaker's question to a colleague; the
    # initials are the label's (where the NER left the words untagged), unless the speaker names himself after them;
    # an abbreviation inside a line («ЮНИСЕФ Р. Ковальчук») is no label.
    doc = nlp.make_doc(
        "ДЕМЧЕНКО С.П. Ольга Ивановна, а почему школы в проект не попали?\n\n"
        "ГАВРИЛЕНКО Т.М. Гавриленко, член комиссии. Попадут. Представитель ЮНИСЕФ Р. Ковальчук согласился."
    )
    names = [e.text for e in initials_component(doc).ents]
    assert names == ["ДЕМЧЕНКО С.П.", "Т.М. Гавриленко", "Р. Ковальчук"]


def test_a_first_name_read_as_a_verb_before_a_surname(nlp: Language) -> None:
    # «Давит» (the tagger's «давит») mid-sentence inside a name, its surname right after it, is the first name.
    names = {
        p.surname: p.first_name
        for p in find_persons(nlp("На сессии член совета Давит Кобахидзе предложил отремонтировать мост."))
    }
    assert names.get("Кобахидзе") == "Давит"
