"""Positions stage: the title by a name, split into the post and the body represented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.stages import run_stages
from pipelines.stages.organizations import find_organizations
from pipelines.stages.persons import find_persons
from pipelines.stages.positions import (
    BodyLink,
    _claimed_by_another,
    position_of,
    rule_position_of,
    with_party,
    without_body,
)
from pipelines.titles import title_after, title_of_list


def _positions(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    organizations = find_organizations(doc)
    found = {}
    for person in find_persons(doc):
        person = position_of(doc, person, organizations)
        found[person.surname] = (person.position, person.organization)
    return found


def _assert_split(nlp: Language, text: str, surname: str, position: str, organization: str | None) -> None:
    """The person's position is exactly `position`; the body matches `organization` up to case and quotes."""
    got_position, got_organization = _positions(nlp, text)[surname]
    assert got_position == position
    if organization is None:
        assert got_organization is None
    else:
        assert (
            got_organization is not None and got_organization.strip('«»"').lower() == organization.strip('«»"').lower()
        )


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        (
            "С приветственным словом выступил Первый заместитель министра труда, социального обеспечения "
            "и миграции КР Н.С. Базарбаев. Министерство труда, социального обеспечения и миграции КР подготовит "
            "проект.",
            "Базарбаев",
            "первый заместитель министра",
            "Министерство труда, социального обеспечения и миграции КР",
        ),
        (
            "Глава исполкома «Единой России» Андрей Воробьев заявил об этом.",
            "Воробьев",
            "глава исполкома",
            "Единая Россия",
        ),
        (
            "Об этом сообщил Иван Петров, депутат Бишкекского городского кенеша.",
            "Петров",
            "депутат",
            "Бишкекский городской кенеш",
        ),
        # With no body named, a head of a place keeps the place (gold-format: «аким района», organization null).
        ("Заседание открыл аким области Ерлан Карин.", "Карин", "аким области", None),
        ("Выступил президент России Владимир Путин.", "Путин", "президент России", None),
        # A region named by an uninflected word after its kind is the title's place, not the person's first name.
        (
            "В сессии приняли участие аким города Жезказгана Ерболат Нуркенов, заместитель акима области Улытау "
            "Гульмира Абдрахманова, депутат Мажилиса.",
            "Абдрахманова",
            "заместитель акима области Улытау",
            None,
        ),
        # A national service's territorial body named by its place is the organization, not the post's unit.
        (
            "На сессии присутствовал начальник Таласского районного управления внутренних дел Эрмек Асанов.",
            "Асанов",
            "начальник",
            "Таласское районное управление внутренних дел",
        ),
        # A parliament's izafet words the tagger takes for a name do not end the title.
        (
            "В работе сессии приняли участие член Маджлиси милли Маджлиси Оли Республики Таджикистан Саидмурод "
            "Курбонзода и другие.",
            "Курбонзода",
            "член",
            "Маджлиси милли Маджлиси Оли Республики Таджикистан",
        ),
        # An indeclinable post the tagger reads as the body's adjective stays in the position.
        (
            "Заседание вел заместитель тораги районного кенеша Бакыт Осмонов.",
            "Осмонов",
            "заместитель тораги",
            "районный кенеш",
        ),
        (
            "Сессия Сокулукского районного кенеша прошла в районе. Заместителем тораги районного кенеша избран депутат "
            "Бакыт Осмонов.",
            "Осмонов",
            "заместитель тораги",
            "Сокулукский районный кенеш",
        ),
        (
            "СЛУШАЛИ: Жээнбекова Руслана, председателя ассоциации водопользователей «Кара-Суу», об очистке арыков.",
            "Жээнбеков",
            "председатель",
            "ассоциация водопользователей «Кара-Суу»",
        ),
        (
            "Заслушана информация начальника бассейнового управления ирригационных систем «Ак-Дарья» Рустама "
            "Ахмедова о ремонте каналов.",
            "Ахмедов",
            "начальник",
            "бассейновое управление ирригационных систем «Ак-Дарья»",
        ),
    ],
)
def test_title_split_into_position_and_body(
    nlp: Language, text: str, surname: str, position: str, organization: str | None
) -> None:
    _assert_split(nlp, text, surname, position, organization)


def test_sub_unit_stays_in_the_position(nlp: Language) -> None:
    text = "Об этом рассказала директор Департамента трудовой миграции и социальной защиты ЕЭК А.С. Омурбекова."
    position, organization = _positions(nlp, text)["Омурбекова"]
    assert position is not None and position.lower().startswith("директор департамента трудовой миграции")
    assert organization == "ЕЭК"


def test_a_neighbours_title_is_not_taken(nlp: Language) -> None:
    text = "В заседании участвовали министр финансов Алексей Орлов и Мария Белова."
    assert _positions(nlp, text)["Белова"] == (None, None)


def test_a_compound_post_capitalized_for_respect_is_written_small(nlp: Language) -> None:
    text = "На заседании Правительства под председательством Премьер-Министра Олжаса Бектенова рассмотрели бюджет."
    assert _positions(nlp, text)["Бектенов"][0] == "премьер-министр"


def test_a_post_written_as_its_dictionary_form_stays_singular(nlp: Language) -> None:
    text = "В церемонии открытия участвовали хоким области Шавкатжон Абдураззаков и активисты района."
    assert _positions(nlp, text)["Абдураззаков"][0] == "хоким области"
    text = "В среду хоким Андижанской области Ойбек Турсунбоев провёл открытый диалог с предпринимателями."
    assert _positions(nlp, text)["Турсунбоев"][0] == "хоким Андижанской области"


def test_a_counted_post_of_many_is_not_the_next_names(nlp: Language) -> None:
    text = "В работе заседания приняли участие восемь депутатов райсовета, глава района Виктор Титов и другие."
    assert _positions(nlp, text)["Титов"][0] == "глава района"


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        # A body the person serves at, not one they represent, stays in the position.
        (
            "При этом представитель Тегерана в ОПЕК Мохаммад-Али Хатиби заявил, что выборы пройдут.",
            "Хатиби",
            "представитель Тегерана в ОПЕК",
            None,
        ),
        ("Депутат от фракции «Ата Мекен» Иван Петров выступил на заседании.", "Петров", "депутат", "Ата Мекен"),
        # «глава администрации» is the post's wording (as the genre gold writes it); the district's
        # administration, a body the reader knows, is the organization.
        (
            "Слово предоставили исполняющему обязанности главы администрации района Сергею Иванову.",
            "Иванов",
            "исполняющий обязанности главы администрации",
            "администрация района",
        ),
        # The body inside a sub-unit's name is the organization; the remit stays with the sub-unit.
        (
            "Открывая заседание, председатель комиссии Совета Федерации по информационной политике "
            "Людмила Нарусова заявила о целях документа.",
            "Нарусова",
            "председатель комиссии по информационной политике",
            "Совет Федерации",
        ),
        # A region's ministry known only from the title: the person's body, the post worded whole.
        (
            "С отчётом выступил заместитель министра цифрового развития Тверской области Пётр Гаранин.",
            "Гаранин",
            "заместитель министра цифрового развития Тверской области",
            "Министерство цифрового развития Тверской области",
        ),
        # An honorary title is the post the genre gives.
        (
            "Сессия почтила память почётного гражданина Талгарского района Асылбека Оспанова.",
            "Оспанов",
            "почётный гражданин Талгарского района",
            None,
        ),
        # «министр финансов» alone names no ministry the text mentions: nothing is guessed.
        ("Борисов уволил непопулярного министра финансов Симеона Дянкова.", "Дянков", "министр финансов", None),
        # A described kind before a quoted name belongs to the body.
        (
            "Также руководитель некоммерческой организации «Общество защиты интернета» Леонид Волков подал иск.",
            "Волков",
            "руководитель",
            "Общество защиты интернета",
        ),
        (
            "Новым спикером был назначен 69-летний экономист Эстебан Ласо.",
            "Ласо",
            "спикер",
            None,
        ),
        (
            "Правительство во главе с Раилем Сарбаевым ничего не решило.",
            "Сарбаев",
            "глава правительства",
            None,
        ),
        (
            "«Единая Россия» выступила против. А депутат-единоросс Александр Хинштейн назвал его вруном.",
            "Хинштейн",
            "депутат",
            "Единая Россия",
        ),
    ],
)
def test_constructions_of_reports(
    nlp: Language, text: str, surname: str, position: str, organization: str | None
) -> None:
    _assert_split(nlp, text, surname, position, organization)


def test_the_most_informative_mention_wins(nlp: Language) -> None:
    text = "Президент Обама прибыл в Ирландию.\n\nВ понедельник президент США Барак Обама прибыл в Дублин."
    assert _positions(nlp, text)["Обама"][0] == "президент США"


def test_a_former_title_yields_to_the_current_one(nlp: Language) -> None:
    text = "Руководителем контрольного комитета назначен экс-глава отдела оценки Росимущества Егор Поляков."
    assert _positions(nlp, text)["Поляков"][0] == "руководитель контрольного комитета"


def test_an_apposition_before_the_next_name_is_the_next_persons(nlp: Language) -> None:
    text = "«Единая Россия» поддержала инициативу Д. Медведева, лидер ЛДПР В. Жириновский также одобрил её."
    # «лидер ЛДПР» is Жириновский's: neither the post nor its body goes to Медведев (the party the sentence
    # names with him the linker may give him).
    position, organization = _positions(nlp, text)["Медведев"]
    assert position is None and organization != "ЛДПР"


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        # The tagger reads «айылного» as a noun; it is the kind's adjective all the same. A local body named by
        # place and level is named without the address after it, as the hand gold writes such bodies.
        (
            "Состоялась VI сессия Кара-Булакского айылного кенеша Сокулукского района. Сессию открыл и провёл "
            "торага айылного кенеша Нурбек Абдыкалыкович Жумабаев.",
            "Жумабаев",
            "торага",
            "Кара-Булакский айылный кенеш",
        ),
        (
            "В зале Мядельского райисполкома прошла сессия Мядельского районного Совета депутатов. "
            "О бюджете доложила начальник финансового отдела райисполкома Ольга Рудак.",
            "Рудак",
            "начальник финансового отдела",
            "Мядельский райисполком",
        ),
        # «райисполкома» is the contraction of the full name the text gives the body.
        (
            "Заседание Пинского районного исполнительного комитета провёл председатель райисполкома Олег Дудич. "
            "О ремонте школ доложила начальник управления по образованию райисполкома Анна Кулеш.",
            "Кулеш",
            "начальник управления по образованию",
            "Пинский районный исполнительный комитет",
        ),
        (
            "Совещание прошло в мэрии города Ош. Доложил руководитель аппарата мэрии Азамат Сатыбалдиев.",
            "Сатыбалдиев",
            "руководитель аппарата",
            "мэрия города Ош",
        ),
    ],
)
def test_a_local_body_named_by_its_kind_is_the_texts_body(
    nlp: Language, text: str, surname: str, position: str, organization: str
) -> None:
    # «начальник финансового отдела райисполкома»: the райисполком the text names is the body, the post ends
    # before it.
    _assert_split(nlp, text, surname, position, organization)


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        ("Вчера певица и актриса Анна Громова представила новый альбом.", "Громова", "певица"),
        ("На премьере был актёр театра и кино Иван Сомов.", "Сомов", "актёр театра и кино"),
        ("Операцию провёл хирург из Конго Дени Муквеге.", "Муквеге", "хирург"),
    ],
)
def test_the_post_without_a_second_post_or_an_origin(nlp: Language, text: str, surname: str, position: str) -> None:
    assert _positions(nlp, text)[surname][0] == position


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        (
            "Председательствовал: Мустафин Р.Ф. – глава администрации Вольского муниципального района.",
            "Мустафин",
            "глава администрации",
            "администрация Вольского муниципального района",
        ),
        (
            "Ответ дал первый заместитель главы Администрации города Костромы Алексей Борисович Рыкунов.",
            "Рыкунов",
            "первый заместитель главы администрации",
            "Администрация города Костромы",
        ),
        (
            "К участникам обратилась заместитель председателя Правительства Новгородской области Ирина "
            "Валентиновна Колесникова.",
            "Колесникова",
            "заместитель председателя правительства",
            "Правительство Новгородской области",
        ),
    ],
)
def test_a_head_named_by_its_bodys_kind_keeps_the_kind(
    nlp: Language, text: str, surname: str, position: str, organization: str
) -> None:
    # «глава», «заместитель председателя» alone say nothing: the administration or government they head is
    # part of the post's wording, and the body named in full is still the organization.
    _assert_split(nlp, text, surname, position, organization)


def test_the_remit_after_an_administration_stays_in_the_post(nlp: Language) -> None:
    text = (
        "Председательствовал: Мустафин Р.Ф. – глава администрации Вольского муниципального района\n"
        "Голованова Е.Н. – заместитель главы администрации муниципального района по социальным вопросам;\n"
    )
    assert _positions(nlp, text)["Голованова"][0] == "заместитель главы администрации по социальным вопросам"


def test_a_remit_after_po_delam_is_not_the_body(nlp: Language) -> None:
    text = (
        "Председательствовал: Мустафин Р.Ф. – глава администрации Вольского муниципального района\n"
        "Присутствовали:\n"
        "Кудряшов А.В. – первый заместитель главы администрации муниципального района;\n"
        "Ипатов С.М. – начальник отдела по делам ГО и ЧС администрации муниципального района;\n"
    )
    position, organization = _positions(nlp, text)["Ипатов"]
    assert position == "начальник отдела по делам ГО и ЧС"
    assert organization is not None and organization.lower() == "администрация вольского муниципального района"


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # The name a university bears does not end the title before the rector's own name.
        (
            "Проректор по молодёжной политике Тамбовского государственного университета имени Г.Р. Державина "
            "(ТГУ) Елена Сергеевна Рожкова рассказала о работе.",
            "Рожкова",
            "проректор по молодёжной политике",
        ),
        ("Финансовый отчёт представил казначей ОО «Нур» Дилшод Саидов.", "Саидов", "казначей"),
        (
            "В состав правления кооптированы Сергей Пак и логопед-дефектолог Гульнора Юсупова.",
            "Юсупова",
            "логопед-дефектолог",
        ),
    ],
)
def test_titles_of_association_staff_and_of_a_named_university(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    assert _positions(nlp, text)[surname][0] == position


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # The tagger reads «хоким» as an adjective; the bare «области» is the body's, not the post's, once the
        # text names the body.
        (
            "Сессию открыл хоким области Улугбек Ахмедов, он же выступил с докладом. Хокимият Самаркандской "
            "области подготовил отчёт.",
            "Ахмедов",
            "хоким",
        ),
        # A unit with its own adjective is named, not bare.
        (
            "Учения провёл командующий войсками Сибирского военного округа Владимир Чиркин.",
            "Чиркин",
            "командующий войсками Сибирского военного округа",
        ),
        # The remit the parser hangs on the verb is the post's; the bare unit before it is dropped.
        (
            "Депутаты утвердили Азизу Хамидову в должности заместителя хокима области по вопросам молодёжной "
            "политики, социального развития и духовно-просветительской работы. Хокимият Самаркандской области "
            "подготовил отчёт.",
            "Хамидова",
            "заместитель хокима по вопросам молодёжной политики, социального развития и духовно-просветительской "
            "работы",
        ),
    ],
)
def test_a_local_post_without_its_bare_unit(nlp: Language, text: str, surname: str, position: str) -> None:
    # Every stage: the membership stage links a head to the local body the text names («хоким» → хокимият).
    assert {p.surname: p.position for p in run_stages(nlp(text)).persons}[surname] == position


@pytest.mark.parametrize(
    ("position", "organization", "expected"),
    [
        # A named body the person represents is not repeated in the post.
        (
            "начальник Департамента по чрезвычайным ситуациям Павлодарской области",
            "Департамент по чрезвычайным ситуациям Павлодарской области",
            "начальник",
        ),
        # The place of the local body the post is named for.
        ("мэр города Ош", "мэрия города Ош", "мэр"),
        ("вице-мэр города Каракол", "Мэрия города Каракол", "вице-мэр"),
        ("заместитель акима города Костаная", "акимат города Костаная", "заместитель акима"),
        # A body named whole with its place is the body, though its kind is in lower case …
        ("глава департамента здравоохранения Москвы", "департамент здравоохранения Москвы", "глава"),
        (
            "заместитель председателя комитета по социальной защите населения Ленинградской области",
            "комитет по социальной защите населения Ленинградской области",
            "заместитель председателя",
        ),
        # … a sub-unit named in lower case with no place stays (gold-format: sub-units stay in the position) …
        ("начальник управления образования", "управление образования", "начальник управления образования"),
        # … and so does a place that is not the body's post («прокурор» of a «хокимият»'s region).
        ("прокурор Самаркандской области", "хокимият Самаркандской области", "прокурор Самаркандской области"),
        ("глава города Костромы", "Администрация города Костромы", "глава города Костромы"),
        # The bare unit a linked body serves goes; the remit after it stays.
        ("аким области", "акимат Павлодарской области", "аким"),
        (
            "заместитель хокима области по вопросам финансов",
            "хокимият Наманганской области",
            "заместитель хокима по вопросам финансов",
        ),
        ("командующий войсками военного округа", "Министерство обороны", "командующий войсками военного округа"),
        # A body ending on the bare unit of its unnamed place: the post the text kept without the unit is the body.
        ("начальник Департамента финансов", "Департамент финансов области", "начальник"),
        ("руководитель Комитета по культуре", "Комитет по культуре города", "руководитель"),
        # (A named place's unit is the place's: «акимат Аральского района» is not cut short.)
        ("заместитель акима Аральского", "акимат Аральского района", "заместитель акима Аральского"),
        # A head of the place the administration is named by (its place and lower-case unit) drops the place.
        ("глава Саткинского муниципального района", "администрация Саткинского муниципального района", "глава"),
        ("мэр Ангарского городского округа", "администрация Ангарского городского округа", "мэр"),
    ],
)
def test_the_post_without_the_body_it_represents(position: str, organization: str, expected: str) -> None:
    assert without_body(position, organization) == expected


def test_a_lists_label_is_the_title_of_the_names_listed(nlp: Language) -> None:
    text = (
        "Председатель комитета: Лебедева Оксана Викторовна\n"
        "Присутствовали члены комитета: Дроздов Н.А., Кудрявцев Е.М., Сафарова Л.Р.\n"
        "Отсутствовал: Панкратов И.И.\n"
    )
    found = _positions(nlp, text)
    # The plural label gives each listed name the post in the singular; a bare «Отсутствовал:» is no title.
    assert {s: found[s][0] for s in ("Дроздов", "Кудрявцев", "Сафарова", "Панкратов")} == {
        "Дроздов": "член комитета",
        "Кудрявцев": "член комитета",
        "Сафарова": "член комитета",
        "Панкратов": None,
    }


def test_a_headline_label_and_a_title_of_their_own_win_over_a_list(nlp: Language) -> None:
    text = (
        "Эксперты: Михаил Лесин погиб от травм головы.\n"
        "В первом туре участвовали 9 кандидатов: Милош Земан, Ян Фишер, Владимир Франц.\n"
        "Второе место занял не экс-премьер Ян Фишер, а глава МИД Чехии Карел Шварценберг."
    )
    doc = nlp(text)
    lesin = next(e for e in doc.ents if e.text == "Михаил Лесин")
    assert title_of_list(doc, lesin) is None  # a name the sentence goes on about is in no list
    found = _positions(nlp, text)
    assert found["Фишер"][0] == "экс-премьер"
    assert found["Франц"][0] == "кандидат"


def test_a_post_ending_in_a_bare_kind_names_the_one_body_of_that_kind(nlp: Language) -> None:
    text = (
        "Общественное объединение «Нур» провело круглый стол в Ташкенте. "
        "О работе с семьями рассказала психолог объединения Елена Цой."
    )
    assert _positions(nlp, text)["Цой"] == ("психолог", "Общественное объединение «Нур»")


def test_a_media_outlets_kind_before_its_name_leaves_the_post(nlp: Language) -> None:
    # The kind is the outlet's («газета «Вечерний Омск»»), not the journalist's post.
    text = (
        "О подписке рассказал главный редактор газеты «Вечерний Омск» Пётр Рогов. "
        "Ему возразила корреспондент телеканала «Омск-ТВ» Ирина Зуева."
    )
    found = _positions(nlp, text)
    assert found["Рогов"][0] == "главный редактор"
    assert found["Зуева"][0] == "корреспондент"


def test_a_post_in_the_genitive_plural_after_a_bodys_kind_is_the_bodys_name(nlp: Language) -> None:
    # «совета депутатов» names the council; the post of the name is the one after it.
    text = (
        "Депутаты вручили благодарственное письмо совета депутатов председателю ОО «Ветераны Энска» "
        "Петру Андреевичу Сомову."
    )
    assert _positions(nlp, text)["Сомов"][0] == "председатель"


def test_a_second_post_joined_by_a_dash_after_the_name_is_the_names_too(nlp: Language) -> None:
    text = (
        "СЛУШАЛИ: Сомова Андрея Леонидовича, заместителя председателя райисполкома – начальника управления "
        "по образованию, о готовности школ."
    )
    position = _positions(nlp, text)["Сомов"][0]
    assert position is not None and "начальник управления по образованию" in position


def test_a_councils_office_after_another_post_keeps_the_councils_kind(nlp: Language) -> None:
    # The second office names its council, or it would read as the chair of the first post's body; a single office
    # drops the bare kind (corpus-genre c06 «Член совета» → «член»).
    text = (
        "Состоялось заседание Общественного совета по вопросам экологии при мэрии города Тараза. "
        "Заседание вёл заместитель мэра города Тараза, председатель совета Серик Омаров. "
        "Член совета Анна Лыкова предложила провести субботник."
    )
    found = _positions(nlp, text)
    assert found["Омаров"][0] == "заместитель мэра города Тараза, председатель совета"
    assert found["Лыкова"][0] == "член"


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Депутат, председатель постоянной комиссии по бюджету и финансам Сергей Пестов сообщил о поправках.",
            "Пестов",
            "депутат, председатель постоянной комиссии по бюджету и финансам",
        ),
        (
            "Доложил заместитель председателя райисполкома – начальник управления по образованию Василий Жук.",
            "Жук",
            "заместитель председателя райисполкома, начальник управления по образованию",
        ),
    ],
)
def test_two_posts_before_a_name_are_both_the_position(nlp: Language, text: str, surname: str, position: str) -> None:
    assert _positions(nlp, text)[surname][0] == position


def test_a_post_after_another_names_comma_is_that_names(nlp: Language) -> None:
    text = "Выступили Иван Сомов, директор школы, председатель совета ветеранов Пётр Гусев."
    position = _positions(nlp, text)["Гусев"][0]
    assert position is not None and position.startswith("председатель") and "директор" not in position


def test_a_deputys_party_stays_in_the_post_when_the_assembly_is_the_body() -> None:
    assert with_party("депутат фракции", "КПРФ") == "депутат фракции КПРФ"
    assert with_party("руководитель фракции партии", "«AMANAT»") == "руководитель фракции партии «AMANAT»"
    # A name that changes with its case would read wrong after «фракции»; a post not naming the party keeps none.
    assert with_party("депутат фракции", "Единая Россия") == "депутат фракции"
    assert with_party("депутат", "КПРФ") == "депутат"
    assert with_party("депутат фракции", None) == "депутат фракции"


def test_a_units_remit_after_the_local_body_stays_in_the_post(nlp: Language) -> None:
    # The tagger reads «маслихата» as a verb; the title goes on through it to the commission's remit.
    text = (
        "Состоялась сессия Кызылординского городского маслихата. Председатель постоянной комиссии маслихата "
        "по вопросам законности и социальной сферы Ержан Ибраев предложил дополнить правила."
    )
    _assert_split(
        nlp,
        text,
        "Ибраев",
        "председатель постоянной комиссии по вопросам законности и социальной сферы",
        "Кызылординский городской маслихат",
    )


def test_a_plural_title_before_names_joined_by_i_is_each_names(nlp: Language) -> None:
    text = (
        "Благодарственными письмами награждены волонтёры движения «Волонтёры-медики» Дарья Корнеева "
        "и Максим Лосев. Министр Олег Бурлаков и Анна Белова выступили."
    )
    found = _positions(nlp, text)
    assert found["Лосев"][0] is not None and found["Лосев"][0].startswith("волонтёр")
    # A singular post is one person's: the next name gets no share of it.
    assert found["Белова"][0] is None


def test_a_plural_title_the_tagger_reads_as_singular_is_each_listed_names(nlp: Language) -> None:
    # The tagger reads the compound «летчики-космонавты» in the singular; the dictionary knows the plural,
    # and the list of names after it is each one's.
    text = "К ним присоединятся летчики-космонавты Борис Волынов, Анатолий Березовой, Виктор Горбатко."
    found = _positions(nlp, text)
    for surname in ("Волынов", "Березовой", "Горбатко"):
        assert found[surname][0] is not None and "космонавт" in found[surname][0]


@pytest.mark.parametrize(
    ("text", "surname", "head"),
    [
        ("Гол забил нападающий Павел Погребняк.", "Погребняк", "нападающий"),
        ("Золото завоевала гимнастка Симона Байлз.", "Байлз", "гимнастка"),
        ("Об этом рассказал протоиерей Всеволод Чаплин.", "Чаплин", "протоиерей"),
    ],
)
def test_a_profession_word_before_the_name_is_the_position(nlp: Language, text: str, surname: str, head: str) -> None:
    position = _positions(nlp, text)[surname][0]
    assert position is not None and position.split(" ")[0] == head


@pytest.mark.parametrize(
    ("text", "surname", "organization"),
    [
        (
            "Доложил заместитель министра лесного комплекса Иркутской области Валерий Николаевич Сотников.",
            "Сотников",
            "Министерство лесного комплекса Иркутской области",
        ),
        # The tagger reads the hyphenated adjective in the instrumental; the dictionary knows the genitive.
        (
            "На вопросы участников ответили заместитель министра социально-демографической и семейной политики "
            "Самарской области Денис Эдуардович Лаптев и другие.",
            "Лаптев",
            "Министерство социально-демографической и семейной политики Самарской области",
        ),
    ],
)
def test_a_ministry_whose_remit_starts_with_an_adjective_is_the_body(
    nlp: Language, text: str, surname: str, organization: str
) -> None:
    # The ministry is named only by the title, so the post keeps its words (`positions._ministry`).
    _assert_split(nlp, text, surname, "заместитель министра " + organization.split(" ", 1)[1], organization)


def test_an_incumbents_qualifier_is_not_part_of_the_post(nlp: Language) -> None:
    text = "Действующий президент Венесуэлы Уго Чавес снова победил на выборах."
    assert _positions(nlp, text)["Чавес"][0] == "президент Венесуэлы"


def _records(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.surname: (p.position, p.organization) for p in run_stages(nlp(text)).persons}


def test_a_deputys_constituency_is_not_part_of_the_post_but_a_numbered_district_is(nlp: Language) -> None:
    text = (
        "Сессию вёл председатель районного Совета депутатов Пётр Агеев. Депутат от Заречного избирательного "
        "округа Антон Мельников спросил о дорогах. Выступил Сидоров В.А., депутат по избирательному округу № 7, "
        "– предложил перенести срок."
    )
    found = _records(nlp, text)
    assert found["Мельников"][0] == "депутат"
    assert found["Сидоров"][0] == "депутат по избирательному округу № 7"


@pytest.mark.parametrize(
    ("line", "surname", "post"),
    [
        (
            "Секретарь: Гайдаржи Мария Степановна – депутат по избирательному округу № 4\n",
            "Гайдаржи",
            "депутат по избирательному округу № 4",
        ),
        (
            "Депутат по Северному избирательному округу № 11 Олег Русу спросил о воде.",
            "Русу",
            "депутат по Северному избирательному округу № 11",
        ),
        (
            "Выступил Ткач И.П., депутат по одномандатному избирательному округу № 2, – о дорогах.",
            "Ткач",
            "депутат по одномандатному избирательному округу № 2",
        ),
    ],
)
def test_a_deputys_numbered_district_stays_in_the_post(nlp: Language, line: str, surname: str, post: str) -> None:
    text = f"Сессия городского Совета депутатов прошла 5 мая.\n{line}\nРЕШИЛИ: принять к сведению."
    assert _records(nlp, text)[surname][0] == post


def test_a_deputy_prime_minister_represents_the_government_the_text_names(nlp: Language) -> None:
    text = (
        "В заседании коллегии Министерства здравоохранения принял участие заместитель Премьер-министра "
        "Республики Беларусь Олег Сидоренко. Он сообщил, что Совет Министров поддержит программу министерства."
    )
    assert _records(nlp, text)["Сидоренко"] == ("заместитель Премьер-министра", "Совет Министров")


def test_an_office_staff_named_by_part_of_its_name_is_the_body_of_its_staff_and_holder(nlp: Language) -> None:
    text = (
        "В аппарате акима Акбулакского сельского округа прошло совещание под председательством акима "
        "Акбулакского сельского округа Жуалынского района Серика Маратовича Жунусова. О ремонте дорог доложил "
        "главный специалист аппарата акима сельского округа Ерлан Досов.\n\n"
        "Пресс-служба аппарата акима Акбулакского сельского округа"
    )
    found = _records(nlp, text)
    office = "аппарат акима Акбулакского сельского округа"
    assert found["Жунусов"] == ("аким", office)
    assert found["Досов"] == ("главный специалист", office)


def test_posts_named_by_a_participle_or_a_village_head_in_any_case(nlp: Language) -> None:
    text = (
        "Грамоты вручены заведующей фермой ОАО «Рассвет» Валентине Ивановне Климчук. Староста села Заречье "
        "Нина Петровна Шумкова пожаловалась на дороги."
    )
    found = _records(nlp, text)
    assert found["Климчук"][0] == "заведующая фермой"
    assert found["Шумкова"][0] == "староста села Заречье"


def test_only_the_first_post_drops_the_unit_its_body_serves(nlp: Language) -> None:
    assert without_body("председатель, председатель города", "Маджлис народных депутатов города Худжанда") == (
        "председатель, председатель города"
    )
    assert without_body("аким района", "акимат Шуского района") == "аким"


def test_an_abbreviated_deputy_keeps_the_post_it_stands_in_for(nlp: Language) -> None:
    text = (
        "О ходе сева доложил зам. акима района Марат Жумабаев. Подводя итоги, первый зам. председателя "
        "райисполкома Сергей Литвин поставил задачу."
    )
    found = _records(nlp, text)
    assert found["Жумабаев"][0].startswith("зам. акима")
    assert found["Литвин"][0].startswith("первый зам. председателя")


def test_a_transcript_speaker_does_not_take_the_bodies_of_their_speech(nlp: Language) -> None:
    text = (
        "СТЕНОГРАММА\nзаседания Общественного совета города Кандалакши\n\n"
        "ПЕТРОВА А.А. Переходим ко второму вопросу. Информация руководителя общественной приёмной Виктора "
        "Павловича Силина.\n\n"
        "СИЛИН В.П. За квартал поступило 140 обращений, из них 98 – по вывозу отходов. Региональный оператор "
        "ООО «Чистый город» не соблюдает график в частном секторе.\n"
    )
    assert _records(nlp, text)["Силин"][1] != "ООО «Чистый город»"


def test_a_possessive_before_a_post_points_to_the_body_just_named(nlp: Language) -> None:
    text = (
        "Заключение Контрольно-счётной палаты города Твери (КСП) представила её председатель Ольга Ивановна Сурова. "
        "Палата подтвердила достоверность отчётности."
    )
    assert _records(nlp, text)["Сурова"] == ("председатель", "Контрольно-счётная палата города Твери")
    # «его» does not agree with an agency the news cites: the assistant is a person's.
    text = "Похороны состоятся 11 мая, сообщила ТАСС его помощница Галина Лякишева."
    assert _records(nlp, text)["Лякишева"][1] != "ТАСС"


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        (
            "Наградить грамотой Ярошевича Виктора Станиславовича, механизатора СПК «Межица».",
            "Ярошевич",
            ("механизатор", "СПК «Межица»"),
        ),
        (
            "Наградить грамотой Шевчук Галину Ивановну, доярку ОАО «Ветрино-Агро».",
            "Шевчук",
            ("доярка", "ОАО «Ветрино-Агро»"),
        ),
        ("Грамоты вручены комбайнеру ООО «Нива» Петру Сидоренко.", "Сидоренко", ("комбайнер", "ООО «Нива»")),
        ("Выступил тракторист КФХ «Колос» Иван Жук.", "Жук", ("тракторист", "КФХ «Колос»")),
    ],
)
def test_a_farm_trade_is_a_position_in_the_nominative(
    nlp: Language, text: str, surname: str, expected: tuple[str, str]
) -> None:
    assert _positions(nlp, text)[surname] == expected


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Под председательством хокима района Бахтиёра Курбановича Матякубова прошло совещание.",
            "Матякубов",
            "хоким района",
        ),
        (
            "Под председательством хокима области Ойбека Рустамовича Турсунова прошло совещание.",
            "Турсунов",
            "хоким области",
        ),
    ],
)
def test_a_post_the_tagger_read_as_an_adjective_is_the_head(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    assert _positions(nlp, text)[surname][0] == position


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Руководитель управления координации занятости и социальных программ Восточно-Казахстанской области (ВКО) "
            "Бауыржан Кайратович Ибраев сообщил о мерах.",
            "Ибраев",
            "руководитель управления координации занятости и социальных программ Восточно-Казахстанской области",
        ),
        (
            "Начальник отдела образования (ОО) Кировского района Анна Сергеевна Петрова сообщила о мерах.",
            "Петрова",
            "начальник отдела образования Кировского района",
        ),
    ],
)
def test_an_aside_in_brackets_is_not_part_of_the_post(nlp: Language, text: str, surname: str, position: str) -> None:
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons[surname].position == position


@pytest.mark.parametrize(
    ("council", "contracted", "body"),
    [
        ("Могилёвского областного Совета депутатов", "облсовета", "Могилёвский областной Совет депутатов"),
        ("Полоцкого районного Совета депутатов", "райсовета", "Полоцкий районный Совет депутатов"),
        ("Бобруйского городского Совета депутатов", "горсовета", "Бобруйский городской Совет депутатов"),
    ],
)
def test_a_contracted_council_in_a_post_is_the_council_the_text_names(
    nlp: Language, council: str, contracted: str, body: str
) -> None:
    text = (
        f"15 апреля прошла сессия {council}. Сессию открыл председатель {contracted} Виктор Антонович Лапицкий. "
        f"Депутат {contracted} Дмитрий Кулешов поднял вопрос о дорогах."
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert (persons["Лапицкий"].position, persons["Лапицкий"].organization) == ("председатель", body)
    assert (persons["Кулешов"].position, persons["Кулешов"].organization) == ("депутат", body)


@pytest.mark.parametrize(
    ("place", "surname"),
    [("школе-гимназии имени Абая", "Сапарова"), ("школе-гимназии имени Барпы Алыкулова", "Сапарова")],
)
def test_a_post_naming_half_of_a_compound_kind_is_of_that_body(nlp: Language, place: str, surname: str) -> None:
    text = f"Гостей встретили в {place}. Грамоту вручили директору гимназии Айгуль Сапаровой."
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    organization = persons[surname].organization
    assert persons[surname].position == "директор"
    assert organization is not None and organization.lower().startswith("школ")


@pytest.mark.parametrize(
    ("text", "surname", "organization"),
    [
        (
            "Заместитель министра здравоохранения Российской Федерации Ирина Кочеткова сообщила, что Минздрав России "
            "поддерживает концепцию.",
            "Кочеткова",
            "Минздрав России",
        ),
        (
            "Заместитель министра финансов Российской Федерации Иван Петров сообщил, что Минфин России поддерживает "
            "проект.",
            "Петров",
            "Минфин России",
        ),
    ],
)
def test_a_ministry_the_text_contracts_with_its_state_is_the_ministers_body(
    nlp: Language, text: str, surname: str, organization: str
) -> None:
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert (persons[surname].position, persons[surname].organization) == ("заместитель министра", organization)


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Сессия областного совета. Заместитель министра водных ресурсов Кыргызской Республики Айбек Асанович "
            "Жумалиев рассказал о ремонте каналов.",
            "Жумалиев",
            "заместитель министра водных ресурсов Кыргызской Республики",
        ),
        (
            "Вчера состоялось заседание комиссии. Министр иностранных дел Республики Молдова Ион Чебан предложил "
            "продолжить переговоры.",
            "Чебан",
            "министр иностранных дел Республики Молдова",
        ),
        (
            "На форуме выступил первый заместитель министра энергетики Республики Узбекистан Шерзод Ходжаев.",
            "Ходжаев",
            "первый заместитель министра энергетики Республики Узбекистан",
        ),
    ],
)
def test_a_state_ministers_post_stays_whole_when_the_text_names_no_ministry(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    # gold-format: the body only when the text names it; the ministry the title implies is not guessed.
    assert _records(nlp, text)[surname] == (position, None)


def test_a_state_minister_represents_the_ministry_the_text_names_apart(nlp: Language) -> None:
    text = (
        "На совещании выступил первый заместитель министра энергетики Республики Казахстан Марат Нурланович "
        "Тулегенов. Министерство энергетики Республики Казахстан подготовит план."
    )
    assert _records(nlp, text)["Тулегенов"] == (
        "первый заместитель министра",
        "Министерство энергетики Республики Казахстан",
    )


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Сессия областного маслихата. Руководитель управления финансов Карагандинской области Нурлан Серикович "
            "Абенов сообщил, что доходы увеличены.",
            "Абенов",
            "руководитель управления финансов Карагандинской области",
        ),
        (
            "На совещании директор департамента имущественных отношений Вологодской области Ирина Петровна Смолина "
            "доложила о продаже зданий.",
            "Смолина",
            "директор департамента имущественных отношений Вологодской области",
        ),
        (
            "Начальник Согдийского областного управления здравоохранения Фарход Рахимов сказал, что больницы "
            "отремонтированы.",
            "Рахимов",
            "начальник Согдийского областного управления здравоохранения",
        ),
        (
            "Депутаты краевого Законодательного Собрания заслушали заместителя руководителя департамента дорожного "
            "хозяйства Приморского края Олега Викторовича Седых.",
            "Седых",
            "заместитель руководителя департамента дорожного хозяйства Приморского края",
        ),
    ],
)
def test_a_regional_field_unit_named_only_in_the_title_stays_in_the_post(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    # gold-format: a regional official with no named executive body keeps the unit in the position.
    assert _records(nlp, text)[surname] == (position, None)


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        # A body's own capitalised name is a body.
        (
            "Начальник Департамента здравоохранения Томской области Александр Аверьянов представил законопроект.",
            "Аверьянов",
            "начальник",
            "Департамент здравоохранения Томской области",
        ),
        (
            "Главный специалист Главного управления юстиции города Ташкента Дилноза Хакимова рассказала о регистрации.",
            "Хакимова",
            "главный специалист",
            "Главное управление юстиции города Ташкента",
        ),
        # A unit the text names apart from the title is a body of the text.
        (
            "Главный специалист управления координации занятости Карагандинской области Асем Тусупова рассказала о "
            "квотах. Представители управления координации занятости Карагандинской области ответили на вопросы.",
            "Тусупова",
            "главный специалист",
            "управление координации занятости Карагандинской области",
        ),
    ],
)
def test_a_named_or_twice_mentioned_unit_is_the_body(
    nlp: Language, text: str, surname: str, position: str, organization: str
) -> None:
    assert _records(nlp, text)[surname] == (position, organization)


@pytest.mark.parametrize(
    ("text", "surname", "organization"),
    [
        (
            "О подготовке к паводку рассказал начальник Главного управления МЧС России по Костромской области Игорь "
            "Зарецкий.",
            "Зарецкий",
            "Главное управление МЧС России по Костромской области",
        ),
        (
            "Начальник Главного управления МЧС России по Омской области Андрей Петров доложил о пожарах.",
            "Петров",
            "Главное управление МЧС России по Омской области",
        ),
    ],
)
def test_a_federal_bodys_regional_office_is_the_body(nlp: Language, text: str, surname: str, organization: str) -> None:
    # «Главное управление … по … области» opens with a unit's word, but the capital and the region make it a body.
    assert _records(nlp, text)[surname] == ("начальник", organization)


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "РЕШИЛИ: наградить Петрова Ивана Сергеевича, водителя МУП «Автоколонна», и Сидорову Анну Павловну, "
            "учителя МБОУ «Школа № 3».",
            "Сидорова",
            "учитель",
        ),
        (
            "Грамоты вручены учителю школы Айбеку Токтогулову и медсестре больницы Гулзат Мамытовой.",
            "Мамытова",
            "медсестра больницы",
        ),
    ],
)
def test_each_of_two_joined_names_has_its_own_title(nlp: Language, text: str, surname: str, position: str) -> None:
    # «Name1, title1, и Name2, title2»: the title after the first name's comma is the first name's apposition.
    assert _records(nlp, text)[surname][0] == position


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        ("Ее поддержал эколог из Нукуса Алишер Курбанбаев.", "Курбанбаев", "эколог"),
        ("Выступил ветеринар Ислам Бекиров.", "Бекиров", "ветеринар"),
        ("На сессии выступила библиотекарь сельской библиотеки Анна Кузнецова.", "Кузнецова", "библиотекарь"),
    ],
)
def test_a_profession_given_as_the_persons_work_is_the_position(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    assert (_records(nlp, text)[surname][0] or "").startswith(position)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        (
            "В Твери прошло заседание Совета судей Тверской области под председательством судьи Тверского "
            "областного суда Марины Олеговны Беляевой.",
            "Беляева",
        ),
        (
            "Состоялось заседание коллегии министерства под руководством судьи Курганского областного суда "
            "Павла Андреевича Смирнова.",
            "Смирнов",
        ),
    ],
)
def test_a_post_after_chaired_by_starts_after_it(nlp: Language, text: str, surname: str) -> None:
    # «под председательством» ends the post: the council before it is the meeting's, not part of the chair's title.
    position, _ = _positions(nlp, text)[surname]
    assert position is not None and position.startswith("судья")
    assert "председательств" not in position and "руководств" not in position


@pytest.mark.parametrize(
    ("text", "surname", "head"),
    [
        (
            "Председатель постоянной комиссии Кенгаша по бюджету и экономическим реформам Нодира Хамидовна Эргашева "
            "сообщила, что комиссия поддерживает проект.",
            "Эргашева",
            "председатель постоянной комиссии",
        ),
        (
            "Председатель постоянной комиссии Маслихата по бюджету и экономике Айгерим Сериковна Жумабаева сообщила, "
            "что комиссия поддерживает проект.",
            "Жумабаева",
            "председатель постоянной комиссии",
        ),
    ],
)
def test_a_local_body_the_tagger_took_for_a_name_stays_in_the_title(
    nlp: Language, text: str, surname: str, head: str
) -> None:
    found = _positions(nlp, text)
    position, _ = found[surname]
    assert position is not None and position.startswith(head)
    assert not any(s in ("Кенгаша", "Маслихата", "Кенгаш", "Маслихат") for s in found)


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Начальник Слуцкого районного отдела по чрезвычайным ситуациям Игорь Навойчик напомнил о пожарах.",
            "Навойчик",
            "начальник Слуцкого районного отдела по чрезвычайным ситуациям",
        ),
        (
            "Заведующая Пинского городского отдела образования Ольга Брановицкая доложила о ремонте школ.",
            "Брановицкая",
            "заведующая Пинского городского отдела образования",
        ),
    ],
)
def test_a_place_adjective_the_tagger_took_for_a_surname_stays_in_the_title(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    found = _positions(nlp, text)
    assert found[surname][0] == position
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        (
            "Заместитель начальника Пограничного управления ФСБ России по Забайкальскому краю Андрей Николаевич "
            "Стасюк напомнил о режиме.",
            "Стасюк",
            "заместитель начальника",
            "Пограничное управление ФСБ России по Забайкальскому краю",
        ),
        (
            "Начальник Хатлонского областного управления мелиорации Фарид Саидов выступил.",
            "Саидов",
            "начальник Хатлонского областного управления мелиорации",
            None,
        ),
    ],
)
def test_a_body_that_names_itself_is_no_field_unit_of_the_post(
    nlp: Language, text: str, surname: str, position: str, organization: str | None
) -> None:
    # A capitalised common adjective opens the body's own name; a place's adjective opens a region's field unit.
    _assert_split(nlp, text, surname, position, organization)


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # Occupations and local titles a meeting's report names its participants by.
        ("Фермер из Заводоуковского округа Татьяна Кравец попросила упростить проверки.", "Кравец", "фермер"),
        ("Слово взял фермер Иван Штольц.", "Штольц", "фермер"),
        ("Награждена нотариус нотариального округа Коченевского района Нина Петровна Ковтун.", "Ковтун", "нотариус"),
        ("Старейшина Нарек Гевондян выступил против проекта.", "Гевондян", "старейшина"),
        ("Арчин генгешлика Гараёл Шатлык Реджепов пожаловался на нехватку воды.", "Реджепов", "арчин"),
    ],
)
def test_an_occupation_or_local_title_is_a_post(nlp: Language, text: str, surname: str, position: str) -> None:
    found, _ = _positions(nlp, text)[surname]
    assert found is not None and found.split()[0] == position


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # The term of office the parser hangs on the post's noun is no part of the post.
        (
            "Делегаты переизбрали Виктора Гриня председателем ассоциации на новый срок.",
            "Гринь",
            "председатель ассоциации",
        ),
        (
            "Депутаты избрали Айгуль Касымову председателем комиссии сроком на пять лет.",
            "Касымова",
            "председатель комиссии",
        ),
        ("Сессия избрала Олега Ткачука секретарём совета на второй срок.", "Ткачук", "секретарь совета"),
    ],
)
def test_the_term_of_office_is_not_the_post(nlp: Language, text: str, surname: str, position: str) -> None:
    found, _ = _positions(nlp, text)[surname]
    assert found is not None and found.replace("ё", "е") == position.replace("ё", "е")


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # An adjective that names the kind of the post is part of it.
        ("Жители поблагодарили участкового инспектора Шухрата Бобоева.", "Бобоев", "участковый инспектор"),
        (
            "Участковый уполномоченный полиции Айбек Нургалиев выступил.",
            "Нургалиев",
            "участковый уполномоченный полиции",
        ),
        ("Выступил государственный советник юстиции Юрий Золотов.", "Золотов", "государственный советник юстиции"),
    ],
)
def test_an_adjective_of_the_post_kind_is_kept(nlp: Language, text: str, surname: str, position: str) -> None:
    found, _ = _positions(nlp, text)[surname]
    assert found == position


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # A lower-case variant in brackets between two words of the post belongs to it; an aside does not.
        ("Глава крестьянского (фермерского) хозяйства Иван Петров пожаловался на цены.", "Петров"),
        ("Глава крестьянского (фермерского) хозяйства Анна Орлова попросила о субсидии.", "Орлова"),
    ],
)
def test_a_bracketed_variant_inside_a_post(nlp: Language, text: str, surname: str) -> None:
    found, _ = _positions(nlp, text)[surname]
    assert found == "глава крестьянского (фермерского) хозяйства"


def test_an_aside_in_brackets_leaves_the_post(nlp: Language) -> None:
    found, _ = _positions(nlp, "Директор школы (по совместительству) Анна Орлова выступила.")["Орлова"]
    assert found == "директор школы"


def test_two_posts_through_a_turkmen_council(nlp: Language) -> None:
    text = "Депутат Генгеша, учительница средней школы № 9 Джерен Байрамова предложила провести ремонт."
    found, _ = _positions(nlp, text)["Байрамова"]
    assert found is not None and found.startswith("депутат Генгеша, учительница")


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # Coordinated genitives after the head («…, спорта и туризма»): the parser hangs them outside the post.
        (
            "На сессии были заслушаны отчёты руководителя районного отдела культуры, спорта и туризма Асхата Бекова.",
            "Беков",
            "руководитель районного отдела культуры, спорта и туризма",
        ),
        (
            "Грамоту вручили главному специалисту отдела земельных отношений, строительства и архитектуры "
            "Айгерим Жумабековой.",
            "Жумабекова",
            "главный специалист отдела земельных отношений, строительства и архитектуры",
        ),
        (
            "Депутаты обсудили информацию о работе заместителя начальника отдела образования, физической культуры "
            "и спорта Максата Турсынова.",
            "Турсынов",
            "заместитель начальника отдела образования, физической культуры и спорта",
        ),
        # A participle that governs the noun after it is the head: only it changes case.
        (
            "Слово предоставили исполняющей обязанности руководителя городского управления занятости и социальных "
            "программ Гульнаре Сатыбалдиевой.",
            "Сатыбалдиева",
            "исполняющая обязанности руководителя городского управления занятости и социальных программ",
        ),
        # The instrumental of an election; the remit's list stays as written.
        (
            "Председателем постоянной комиссии по вопросам бюджета, экономики и предпринимательства избран "
            "Ерлан Садыков.",
            "Садыков",
            "председатель постоянной комиссии по вопросам бюджета, экономики и предпринимательства",
        ),
        # A dative the tagger read as a genitive (a form the noun does not have): the dictionary's reading.
        ("Премии вручили солистке оркестра Динаре Ким.", "Ким", "солистка оркестра"),
        # A second post in the head's case changes with it; a remit's nouns after «по» stay.
        (
            "Слово предоставили депутату районного маслихата, председателю постоянной комиссии по вопросам бюджета "
            "Асету Нурову.",
            "Нуров",
            # (the council named by its level is the body, split off the post as the golds do: «депутат» of it)
            "депутат, председатель постоянной комиссии по вопросам бюджета",
        ),
        (
            "Председателю комиссии по бюджету и финансам Балжан Омаровой вручили грамоту.",
            "Омарова",
            "председатель комиссии по бюджету и финансам",
        ),
        # The acting post in full; «замначальника» does not decline.
        (
            "Вопросы задали временно исполняющему обязанности руководителя управления образования Нурлану Сеитову.",
            "Сеитов",
            "временно исполняющий обязанности руководителя управления образования",
        ),
        ("Присутствовал замначальника управления Андрей Третьяк.", "Третьяк", "замначальника управления"),
        # «и.о.» (four tokens to the tokenizer) is the post's, before or after the name; what follows stays genitive.
        (
            "Слово предоставили и.о. руководителя отдела образования, физической культуры и спорта Асылбеку Нурову.",
            "Нуров",
            "и.о. руководителя отдела образования, физической культуры и спорта",
        ),
        (
            "Динара Смагулова, и.о. руководителя управления строительства, сказала, что работы идут.",
            "Смагулова",
            "и.о. руководителя управления строительства",
        ),
        (
            "Выступил И. о. начальника районного отдела по чрезвычайным ситуациям Дмитрий Осипов.",
            "Осипов",
            "и. о. начальника районного отдела по чрезвычайным ситуациям",
        ),
        # A post's noun the tagger takes for an adjective (the dictionary does not know «хоким») is the head.
        ("На днях хоким области Шавкатжон Абдураззаков провел встречу.", "Абдураззаков", "хоким области"),
    ],
)
def test_a_post_in_an_oblique_case_changes_only_at_its_head(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    assert _positions(nlp, text)[surname][0] == position


def test_a_bare_unit_stays_with_the_post_the_body_is_not_of() -> None:
    # The body is the chair's (its kind is named in the second post); the unit is the хоким's.
    assert (
        without_body("хоким района, председатель Кенгаша", "Ургутский районный Кенгаш народных депутатов")
        == "хоким района, председатель Кенгаша"
    )
    assert without_body("аким района", "акимат Ургутского района") == "аким"


def test_a_body_met_with_is_not_the_persons(nlp: Language) -> None:
    text = (
        "На днях хоким области Шавкатжон Абдураззаков провел встречу с членами Совета предпринимателей "
        "и иностранными инвесторами."
    )
    (person,) = run_stages(nlp(text)).persons
    assert (person.position, person.organization) == ("хоким области", None)


@pytest.mark.parametrize(
    ("text", "surname", "post"),
    [
        ("Почётной грамотой награждён слесарь механосборочных работ Игорь Лапшин.", "Лапшин", "слесарь"),
        ("Благодарность объявлена машинисту экскаватора Роману Дьякову.", "Дьяков", "машинист экскаватора"),
        ("О работе кружков рассказала методист Дома творчества Вера Ильина.", "Ильина", "методист"),
    ],
)
def test_a_workers_trade_is_a_post(nlp: Language, text: str, surname: str, post: str) -> None:
    """Awards and staff meetings name workers by their trade, which NEREL's news (the mined heads) seldom does."""
    found, _ = _positions(nlp, text)[surname]
    assert found is not None and found.startswith(post)


def test_a_contracted_kind_the_tagger_reads_in_another_case_still_names_the_body(nlp: Language) -> None:
    """«управляющий делами сельисполкома»: the tagger reads the rare contraction as instrumental; the dictionary
    knows it genitive, and the body it contracts is the one the text names in full."""
    text = (
        "На заседании Озерщинского сельского исполнительного комитета рассмотрены вопросы благоустройства. "
        "Управляющий делами сельисполкома Вера Жданович доложила о сносе заброшенных домов."
    )
    _assert_split(nlp, text, "Жданович", "управляющий делами", "Озерщинский сельский исполнительный комитет")


def test_a_plural_post_a_comma_before_a_persons_own_is_a_groups(nlp: Language) -> None:
    """«участвовали депутаты районного кенеша, глава … айыл окмоту Осмонов»: the plural post is the group listed
    before him, not his; a dash after a plural post («сопредседатели комиссии – министр … Лапко») names its members."""
    text = "В сессии участвовали депутаты районного кенеша, глава Сары-Камышского айыл окмоту Бекжан Осмонов и жители."
    found, _ = _positions(nlp, text)["Осмонов"]
    assert found is not None and found.startswith("глава") and "депутат" not in found
    text = "Заседание провели сопредседатели комиссии – министр энергетики Республики Беларусь Игорь Лапко."
    found, _ = _positions(nlp, text)["Лапко"]
    assert found is not None and "министр энергетики" in found


@pytest.mark.parametrize(
    "text",
    [
        "Почетные грамоты акима района вручены Айгуль Сейтовой и Марату Жумабаеву.",
        "В завершение глава поселения вручил благодарственное письмо губернатора области ветерану Ивану Семенову.",
    ],
)
def test_the_post_of_who_signs_an_award_is_not_the_recipients(nlp: Language, text: str) -> None:
    # The recipient's own role («ветеран») is theirs; the signer's post is not.
    assert all(p.position in (None, "ветеран") for p in run_stages(nlp(text)).persons if p.surname != "")


def test_a_post_under_a_noun_of_office_is_the_one_taken(nlp: Language) -> None:
    text = "По итогам голосования на должность заведующего кафедрой истории избран Николай Петрович Вострецов."
    assert {p.surname: p.position for p in run_stages(nlp(text)).persons}["Вострецов"] is not None


def test_the_subjects_post_is_not_the_object_persons(nlp: Language) -> None:
    text = "Глава поселения вручил почетную грамоту ветерану труда Эсенбеку Абдыкалыкову."
    assert {p.surname: p.position for p in run_stages(nlp(text)).persons}.get("Абдыкалыков") in (None, "ветеран труда")


def test_a_post_before_a_dash_and_a_name_is_the_next_names(nlp: Language) -> None:
    text = "Председатель общественного совета – Екатерина Акула, секретарь – Ольга Петрова."
    got = {p.surname: p.position for p in run_stages(nlp(text)).persons}
    assert got == {"Акула": "председатель общественного совета", "Петрова": "секретарь"}


def test_an_executive_is_not_given_the_assembly_of_the_text(nlp: Language) -> None:
    text = (
        "Сегодня состоялась первая сессия маслихата ЗКО шестого созыва. Депутаты выбрали состав постоянных "
        "комиссий. «Я уверен, что вы выполните все наказы», – сказал аким ЗКО Нурлан Ногаев."
    )
    got = {p.surname: (p.position, p.organization) for p in run_stages(nlp(text)).persons}
    assert got["Ногаев"] == ("аким ЗКО", None)


def test_a_headings_post_is_not_given_to_a_name_of_the_next_paragraph(nlp: Language) -> None:
    text = (
        "Глава района выступил с отчётом\n\nВ четверг, 16 марта, под председательством О.В. Багуцкого "
        "состоялось расширенное заседание Совета Ильинского муниципального района."
    )
    assert {p.surname: p.position for p in run_stages(nlp(text)).persons}["Багуцкий"] != "глава района"


@pytest.mark.parametrize(
    "text",
    [
        "Члены совета выразили благодарность общественнице Алине Тюмерековой за организацию субботников.",
        "Члены комиссии вручили дипломы выпускнице Анне Смирновой.",
    ],
)
def test_the_subjects_post_is_not_a_name_deeper_in_what_it_acts_on(nlp: Language, text: str) -> None:
    assert all(p.position is None for p in run_stages(nlp(text)).persons)


def test_a_post_naming_its_bodys_place_takes_no_body_without_that_place() -> None:
    from pipelines.stages.positions import _names_another_place

    post = "директор департамента транспорта и дорожного хозяйства Костромской области"
    assert _names_another_place(post, "ООО «Дорстрой-44»")
    assert not _names_another_place(post, "департамент транспорта и дорожного хозяйства Костромской области")
    assert not _names_another_place("депутат", "Государственная Дума")


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # A place the tagger ran into the name: after a community's kind, a region's adjective, a post's head.
        (
            "Глава общины Ехегнадзор Самвел Ашотович Мкртчян отчитался о ремонте дорог.",
            "Мкртчян",
            "глава общины Ехегнадзор",
        ),
        ("Хяким Байрамалийского этрапа Мерген Аманов сообщил о севе хлопка.", "Аманов", "хяким Байрамалийского этрапа"),
        ("Затем выступил вице-мэр Таласа Азамат Жумабеков.", "Жумабеков", "вице-мэр Таласа"),
        # People thanked or awarded by a role of their own.
        ("Почётной грамотой награждён ветеран прокуратуры Иван Сергеевич Лузин.", "Лузин", "ветеран прокуратуры"),
        ("Грамоту получил арендатор Мурат Оразов.", "Оразов", "арендатор"),
    ],
)
def test_a_title_through_a_place_the_tagger_took_for_a_name(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    assert _positions(nlp, text)[surname][0] == position


def test_a_bodys_eponym_does_not_end_an_apposed_title(nlp: Language) -> None:
    # «имени А.В. Анохина» is the museum's name, not the next person's.
    text = "Приглашены: Сорокина Т.П. – заведующая отделом Краеведческого музея имени Н.К. Рериха."
    assert _positions(nlp, text)["Сорокина"][0] == "заведующая отделом"


def test_abbreviations_of_a_remit_are_no_body(nlp: Language) -> None:
    # «ГО и ЧС» (civil defence and emergencies) names what the department does, not a body.
    text = (
        "В администрации района прошло совещание. О готовности к паводку доложил начальник отдела ГО и ЧС Пётр Сомов."
    )
    position, organization = _positions(nlp, text)["Сомов"]
    assert position is not None and position.startswith("начальник отдела ГО и ЧС")
    assert organization != "ГО и ЧС"


@pytest.mark.parametrize(
    ("position", "organization", "expected"),
    [
        ("председатель Айнинского района", "хукумат Айнинского района", "председатель"),
        ("заместитель хокима Навоийской области", "хокимият Навоийской области", "заместитель хокима"),
    ],
)
def test_a_head_of_a_place_drops_the_place_its_body_names(position: str, organization: str, expected: str) -> None:
    assert without_body(position, organization) == expected


def test_a_post_taken_runs_on_through_its_genitives_in_a_long_sentence(nlp: Language) -> None:
    # The parser hangs «хокима области по вопросам …» elsewhere in a long sentence; the post is read flat.
    text = (
        "На сессии также рассмотрены организационные вопросы: депутаты согласовали кандидатуру Алишера Бахромовича "
        "Каримова на должность заместителя хокима области по вопросам строительства и дорожного хозяйства, досрочно "
        "прекратили полномочия депутата областного Кенгаша Олима Турсунова в связи с переходом на другую работу, а за "
        "многолетний труд Почётной грамотой Кенгаша награждена учительница из Навои Лола Рахимова."
    )
    position, _ = _positions(nlp, text)["Каримов"]
    assert position is not None and position.startswith("заместитель хокима")


def test_a_bare_officers_post_of_a_unit_named_just_before_is_that_units(nlp: Language) -> None:
    # A colon list of officers after a verb forming the unit: each officer's post is the unit's.
    text = (
        "Собрание членов товарищества «Берёзка» решило избрать счётную комиссию: председатель – Павел Игнатьев, "
        "члены комиссии – Ольга Титова, Марина Зуева."
    )
    found = _records(nlp, text)
    assert found["Игнатьев"][0] == "председатель счётной комиссии"
    assert found["Титова"][0] == "член счётной комиссии"
    # A possessive before the post points back to the unit just named in the genitive.
    text = "На собрании отчёт контрольной комиссии огласил её председатель Аскар Бекмуратов."
    assert _records(nlp, text)["Бекмуратов"][0] == "председатель контрольной комиссии"
    # A post naming another unit keeps its own.
    text = "Решили избрать правление: председатель правления – Нурлан Сатпаев."
    assert _records(nlp, text)["Сатпаев"][0] == "председатель правления"


def test_the_post_an_instrumental_pronoun_stands_for_is_the_persons(nlp: Language) -> None:
    # «Им стал …»: the post the passive of the sentence before filled; a post «ранее» held is a former one.
    text = (
        "На сессии был избран секретарь районного маслихата. Им стал депутат Арман Жакупов, ранее занимавший "
        "должность заместителя акима района."
    )
    assert _records(nlp, text)["Жакупов"][0].startswith("секретарь")
    text = (
        "Гульнар Исаева возглавила городской кенеш. Ею стала депутат Гульнар Исаева, прежде работавшая "
        "директором школы."
    )
    assert _records(nlp, text)["Исаева"][0] != "директор школы"


def test_every_election_verb_of_the_lexicon_reads_as_its_short_passive() -> None:
    # One lexicon of election verbs: its short passives (which the tagger leaves unlemmatized) follow from it.
    from models import lexicons
    from pipelines.titles import _passive_stems

    stems = _passive_stems()
    assert len(stems) == len(lexicons.load("position_elect_verbs"))
    assert {"избран", "назначен", "утвержден", "кооптирован", "введен"} <= set(stems)


def test_an_office_the_clause_gives_outranks_a_membership_and_a_gapped_post_is_the_later_names(
    nlp: Language,
) -> None:
    text = "На пост председателя городского собрания был переизбран Давид Кипиани, член партии «Гражданский альянс»."
    assert _records(nlp, text)["Кипиани"][0].startswith("председатель")
    text = (
        "Депутаты собрания избрали Нино Гелашвили первым заместителем председателя, а Гиорги Беридзе и "
        "Леван Чичуа — заместителями."
    )
    found = _records(nlp, text)
    assert found["Гелашвили"][0].startswith("первый заместитель")
    assert found["Беридзе"][0] == found["Чичуа"][0] == "заместитель"


def test_this_post_stands_for_the_post_the_sentence_before_elected(nlp: Language) -> None:
    text = (
        "Первым вопросом сессии было избрание секретаря районного маслихата. Руководитель депутатской группы "
        "предложил на эту должность Асхата Нурпеисова. Кандидатура была поддержана единогласно."
    )
    assert _records(nlp, text)["Нурпеисов"][0].startswith("секретарь")


def test_an_item_of_a_list_of_remits_holds_the_lists_post_with_its_remit(nlp: Language) -> None:
    text = (
        "Председателями постоянных комиссий стали: по вопросам бюджета и финансов — Ерлан Жумабеков, по вопросам "
        "транспорта, связи и дорог — Нурлан Ахметов, по вопросам социальной сферы — Гульмира Сатыбалдиева."
    )
    found = _records(nlp, text)
    assert found["Жумабеков"][0] == "председатель постоянной комиссии по вопросам бюджета и финансов"
    # A comma inside an item's remit is passed on the way back to its «по».
    assert found["Ахметов"][0] == "председатель постоянной комиссии по вопросам транспорта, связи и дорог"
    assert found["Сатыбалдиева"][0] == "председатель постоянной комиссии по вопросам социальной сферы"


def test_a_name_with_only_a_faction_in_brackets_is_a_deputy(nlp: Language) -> None:
    text = "На сессии городского кенеша Таалай Осмонов (фракция «Бир Бол») предложил отложить вопрос."
    assert _records(nlp, text)["Осмонов"][0] == "депутат"


def test_the_bodys_kind_after_its_organ_is_not_repeated_in_the_post() -> None:
    from pipelines.stages.positions import without_organ_owner

    assert without_organ_owner("председатель президиума коллегии", "Коллегия адвокатов Актюбинской области") == (
        "председатель президиума"
    )
    assert (
        without_organ_owner("председатель правления союза", "Союз журналистов Казахстана") == "председатель правления"
    )
    assert without_organ_owner("член коллегии", "Коллегия адвокатов Актюбинской области") == "член коллегии"
    assert (
        without_organ_owner("председатель комиссии коллегии", "Коллегия адвокатов") == "председатель комиссии коллегии"
    )


@pytest.mark.parametrize(
    ("position", "claimed"),
    [
        # A post naming its place is whole: a body inside another person's title is not its.
        ("глава Советского района", True),
        ("председатель районного исполнительного комитета", True),
        # A bare post may still be the body's.
        ("председатель", False),
    ],
)
def test_a_whole_post_does_not_take_a_body_another_title_claims(position: str, claimed: bool) -> None:
    # gold-format: a head of a place with no body named keeps the place in the post, organization null.
    link = BodyLink("городское Собрание депутатов", {"oclaimed": 1.0, "oclaimed_self": 0.0})
    assert _claimed_by_another(link, position) is claimed


def test_a_capitalized_post_after_a_deputy_opens_no_body(nlp: Language) -> None:
    # The tagger may read «Председателя Правительства» as an ORG: the body named is the government after the post.
    text = (
        "Заседание наблюдательного совета фонда провёл председатель наблюдательного совета, первый заместитель "
        "Председателя Правительства Тверской области Павел Сомов. Министр финансов Тверской области Ольга Белова "
        "доложила о бюджете."
    )
    persons = {p.surname: (p.position, p.organization) for p in run_stages(nlp(text)).persons}
    assert persons["Сомов"][1] == "Правительство Тверской области"
    assert "Председателя" in (persons["Сомов"][0] or "")


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Главный государственный санитарный врач Верхнедвинского района Ольга Жук рассказала о воде.",
            "Жук",
            "главный государственный санитарный врач Верхнедвинского района",
        ),
        ("Выступил главный ветеринарный врач района Пётр Сомов.", "Сомов", "главный ветеринарный врач района"),
        ("Слово взял главный правовой инспектор труда Иван Гусев.", "Гусев", "главный правовой инспектор труда"),
        ("О помощи на дому рассказала социальный работник Анна Белова.", "Белова", "социальный работник"),
    ],
)
def test_a_posts_field_adjective_is_the_posts(nlp: Language, text: str, surname: str, position: str) -> None:
    # «санитарный врач», «правовой инспектор»: the field stands between «главный» and the head noun.
    assert {p.surname: p.position for p in run_stages(nlp(text)).persons}[surname] == position


def test_a_level_adjective_opening_a_listed_body_is_no_organ_of_it(nlp: Language) -> None:
    # «областного Совета депутатов» listed whole: not «Совет депутатов» inside an organ «областного …».
    text = (
        "Внеочередную сессию областного Совета депутатов провела председатель областного Совета депутатов Ирина "
        "Раинчик. Депутаты областного Совета депутатов утвердили бюджет."
    )
    persons = {p.surname: (p.position, p.organization) for p in run_stages(nlp(text)).persons}
    assert persons["Раинчик"] == ("председатель", "областной Совет депутатов")


def test_a_body_s_quoted_name_keeps_its_closing_quote(nlp: Language) -> None:
    text = (
        "09 августа состоялось заседание антитеррористической комиссии под председательством Главы администрации "
        "МО «Икрянинский район» Стемасова Сергея Александровича. Были рассмотрены вопросы."
    )
    organization = {p.surname: p.organization for p in run_stages(nlp(text)).persons}["Стемасов"] or ""
    assert organization.count("«") == organization.count("»")


def test_a_bare_kind_after_another_level_is_that_levels_body(nlp: Language) -> None:
    text = (
        "Сессию Ясеньского сельского Совета депутатов провела председатель сельского Совета депутатов Анна Жук. "
        "В работе сессии принял участие председатель Осиповичского районного Совета депутатов Олег Гусев. "
        "Депутат сельского Совета Иван Мороз предложил отремонтировать колодец."
    )
    persons = {p.surname: (p.position, p.organization) for p in run_stages(nlp(text)).persons}
    assert persons["Мороз"] == ("депутат", "Ясеньский сельский Совет депутатов")
    assert persons["Гусев"][1] == "Осиповичский районный Совет депутатов"


def test_in_a_list_of_posts_before_names_a_stacked_post_after_a_comma_is_the_next_names(nlp: Language) -> None:
    text = (
        "В работе коллегии приняли участие председатель Законодательного Собрания Тверской области Ирина Белова, "
        "заместитель Губернатора Тверской области по финансовой политике, директор департамента финансов Роман "
        "Шелест, прокурор Тверской области Олег Бабенко."
    )
    positions = {p.surname: p.position for p in run_stages(nlp(text)).persons}
    assert positions["Шелест"] == (
        "заместитель Губернатора Тверской области по финансовой политике, директор департамента финансов"
    )


def test_duties_a_person_is_freed_from_are_no_part_of_the_post(nlp: Language) -> None:
    text = (
        "Освобождён от обязанностей заместителя председателя областного Кенгаша партии Алишер Сафаров. "
        "Выступил исполняющий обязанности главы района Пётр Гусев."
    )
    positions = {p.surname: p.position for p in run_stages(nlp(text)).persons}
    assert positions["Сафаров"] == "заместитель председателя"
    assert positions["Гусев"] == "исполняющий обязанности главы района"


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        ("Выступил начальник отдела подполковник полиции Пётр Гусев.", "Гусев", "начальник отдела"),
        ("Слово взял заместитель начальника старший лейтенант юстиции Иван Сомов.", "Сомов", "заместитель начальника"),
        ("Выступил начальник отдела полиции Олег Белов.", "Белов", "начальник отдела полиции"),
        (
            "Доложил начальник управления по чрезвычайным ситуациям района подполковник гражданской защиты "
            "Ерлан Сапаров.",
            "Сапаров",
            "начальник управления по чрезвычайным ситуациям района",
        ),
    ],
)
def test_a_special_rank_after_the_post_is_no_part_of_it(nlp: Language, text: str, surname: str, position: str) -> None:
    assert {p.surname: p.position for p in run_stages(nlp(text)).persons}[surname] == position


def test_a_post_runs_across_a_hard_wrapped_line(nlp: Language) -> None:
    """A bulletin wraps its lines: a break inside the sentence is no end of the post; a list's next entry is."""
    text = (
        "ИНФОРМАЦИОННОЕ СООБЩЕНИЕ\n\n"
        "В заседании приняли участие глава муниципального района\n"
        "Сергиевский Андрей Александрович Веселов, прокурор\n"
        "Сергиевского района Эльвира Рашитовна Гильмутдинова.\n"
    )
    found = _positions(nlp, text)
    assert found["Веселов"][0] == "глава муниципального района Сергиевский"
    assert found["Гильмутдинова"][0] == "прокурор Сергиевского района"
    listed = "Присутствовали:\nИванов И.И. – глава района\nПетров Пётр Петрович – депутат.\n"
    assert _positions(nlp, listed)["Петров"][0] == "депутат"


def test_a_branch_named_by_its_region_stays_in_the_post(nlp: Language) -> None:
    _assert_split(
        nlp,
        "В встрече участвовал директор Шекинского регионального отделения ОАО «Азеришыг» Фуад Керимов.",
        "Керимов",
        "директор Шекинского регионального отделения",
        "ОАО «Азеришыг",  # (the helper strips the closing quote only)
    )


def test_a_place_kind_listed_as_a_body_is_no_body_of_its_head() -> None:
    from pipelines.stages.positions import _bare_place_kind

    assert _bare_place_kind("велаят") and _bare_place_kind("район") and _bare_place_kind("Ахалского велаята")
    assert not _bare_place_kind("хякимлик Балканского велаята")
    assert not _bare_place_kind("Ахалский велаятский совет")


def test_a_title_running_on_into_the_next_name_is_that_names(nlp: Language) -> None:
    text = (
        "В работе сессии приняли участие глава администрации города Вадим Дзантиев, министр жилищно-коммунального "
        "хозяйства, топлива и энергетики Республики Северная Осетия – Алания Олег Дзуцев."
    )
    found = _positions(nlp, text)
    assert found["Дзантиев"][0] != "министр"


def test_a_units_remit_after_its_body_stays_in_the_post(nlp: Language) -> None:
    text = "С содокладом выступил председатель постоянной комиссии Совета по бюджету и финансам Ильдар Ганиев."
    assert _positions(nlp, text)["Ганиев"][0] == "председатель постоянной комиссии по бюджету и финансам"


def test_where_a_post_serves_stays_in_the_post(nlp: Language) -> None:
    """«в Ошской области», «в административно-территориальном округе …»: the place of the office is the post's; a
    country only after an office abroad («представительства»), not after a plain representative."""
    text = "На заседании выступила представитель Акыйкатчы в Ошской области Дильфуза Хакимова."
    assert _positions(nlp, text)["Хакимова"][0] == "представитель в Ошской области"


def test_a_places_own_name_after_its_kind_stays_in_the_title_after_a_name(nlp: Language) -> None:
    text = "ВЫСТУПИЛИ:\nСалчак Д.Н., депутат от сумона Бижиктиг-Хая, – о нехватке водопойных пунктов для скота."
    assert _positions(nlp, text)["Салчак"][0] == "депутат от сумона Бижиктиг-Хая"


def test_a_post_in_brackets_after_another_name_is_that_names(nlp: Language) -> None:
    text = "Присутствовали депутаты Ак-Музского айылного кенеша: Омуралиев К.Т. (торага), Асанова Г.М., Бейшенов А."
    found = _positions(nlp, text)
    assert found["Асанова"][0] != "торага"


def test_a_settlements_quoted_name_stays_in_its_heads_post(nlp: Language) -> None:
    text = "В ходе обсуждения председатель махалли «Ёшлик» Абдурахмон Раджабов задал вопрос о сроках ремонта моста."
    assert _positions(nlp, text)["Раджабов"] == ("председатель махалли «Ёшлик»", None)


def test_the_subjects_post_is_not_the_object_name_after_the_verb(nlp: Language) -> None:
    # «Бахтиёржона» can only be an accusative: the name is the one the verb acts on, not the holder of the title.
    assert _positions(nlp, "Затем глава региона представил Бахтиёржона Салимжонова.")["Салимжонов"][0] is None


def test_members_named_after_a_bodys_adjective_head_no_title(nlp: Language) -> None:
    # «Кенгаша народных депутатов»: the members' plural completes the body's name; the title walk does not reach it
    # across the decision's subject («о досрочном отзыве мандата»).
    text = (
        "Депутаты одобрили решение Кенгаша народных депутатов о досрочном отзыве мандата депутата Чустского "
        "районного Кенгаша Бекзода Хамдамова по его заявлению."
    )
    assert _positions(nlp, text)["Хамдамов"][0] == "депутат"


def test_a_compound_post_capitalised_on_its_first_part_is_no_name(nlp: Language) -> None:
    # «Премьер-министра», tagged as a name before an unknown one, is the post's word: the title runs through it.
    text = "Заседание состоялось под председательством заместителя Премьер-министра Усмонали Усмонзода."
    assert _positions(nlp, text)["Усмонзода"][0] == "заместитель Премьер-министра"


@pytest.mark.parametrize(
    ("text", "surname", "position", "organization"),
    [
        # An agency's office serving a city is a body, as one serving a region is (not a unit of the bare «МВД»).
        (
            "Выступил начальник Управления МВД России по городу Ставрополю Магомед Гаджиевич Абакаров.",
            "Абакаров",
            "начальник",
            "Управление МВД России по городу Ставрополю",
        ),
        # Of the two ministries of a remit the text names, the one sharing the post's state.
        (
            "В Ростове прошло заседание, в нём участвовали Министерство сельского хозяйства и продовольствия "
            "Ростовской области и Министерство сельского хозяйства Российской Федерации. Заседание провел "
            "заместитель Министра сельского хозяйства Российской Федерации Андрей Борисович Тихомиров.",
            "Тихомиров",
            "заместитель Министра",
            "Министерство сельского хозяйства Российской Федерации",
        ),
        # A state body's abbreviation takes the state after it: not the other state's «МВД» the text lists.
        (
            "В заседании участвовали представители МВД Республики Беларусь. Выступил председатель Комитета "
            "миграционной службы МВД Республики Казахстан Ерлан Бейсембаев.",
            "Бейсембаев",
            "председатель Комитета миграционной службы",
            "МВД Республики Казахстан",
        ),
        # The tagger's «Совета по бюджету» runs on over the commission's remit: the remit stays the unit's.
        (
            "Сессию открыл председатель Витебского областного Совета депутатов Иван Кулешевич. С содокладом выступил "
            "председатель постоянной комиссии областного Совета по бюджету, финансам и налоговой политике Андрей "
            "Казимирович Гурло.",
            "Гурло",
            "председатель постоянной комиссии по бюджету, финансам и налоговой политике",
            "постоянная комиссия областного Совета по бюджету, финансам и налоговой политике",
        ),
    ],
)
def test_a_citys_agency_office_and_the_ministry_of_the_posts_state(
    nlp: Language, text: str, surname: str, position: str, organization: str | None
) -> None:
    _assert_split(nlp, text, surname, position, organization)


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        (
            "Прошла сессия маслихата области Жетісу. Присутствовал первый заместитель акима области Ерлан Досов.",
            "Досов",
            "первый заместитель акима области",
        ),
        (
            "Прошла сессия районного маслихата. Участвовали исполняющая обязанности акима района А.Сейтова и "
            "депутаты районного маслихата.",
            "Сейтова",
            "исполняющая обязанности акима района",
        ),
    ],
)
def test_a_stacked_deputy_of_an_executive_is_not_the_assemblys(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    # Every word of «первый заместитель» / «исполняющая обязанности» stands before the executive's post: the akim's
    # deputy does not sit in the maslikhat, and the place of the post stays in it.
    assert _records(nlp, text)[surname] == (position, None)


@pytest.mark.parametrize(
    ("text", "surname", "first_name", "position"),
    [
        (
            "Слово взяла заместитель акима области Улытау Айгерим Нуртаева.",
            "Нуртаева",
            "Айгерим",
            "заместитель акима области Улытау",
        ),
        ("На форум прибыл аким области Абай Нуржан Сейтов.", "Сейтов", "Нуржан", "аким области Абай"),
        ("Присутствовал аким области Жетісу Ерлан Кусаинов.", "Кусаинов", "Ерлан", "аким области Жетісу"),
        (
            "Отчитался аким сельского округа Акшатау Ерлан Жумабаев.",
            "Жумабаев",
            "Ерлан",
            "аким сельского округа Акшатау",
        ),
    ],
)
def test_a_region_named_after_its_noun_is_the_posts_not_the_persons(
    nlp: Language, text: str, surname: str, first_name: str, position: str
) -> None:
    # Kazakhstan's regions of 2022 are named after the noun («область Абай»): the name looks like a first name (or
    # is written in the state language), but it is the place of the post, and the person's name follows it.
    person = next(p for p in run_stages(nlp(text)).persons if p.surname == surname)
    assert (person.first_name, person.position) == (first_name, position)


def test_a_post_before_an_undeclined_womans_name_in_the_genitive_is_hers(nlp: Language) -> None:
    # «Жанар» does not decline and the tagger reads the name as a dative: the surname's genitive agrees with the post,
    # so it is no signer's post before a name in another case.
    text = "Вторым вопросом заслушан отчёт акима сельского округа Акшатау Жанар Сейтовой об обеспечении водой."
    assert _records(nlp, text)["Сейтова"] == ("аким сельского округа Акшатау", None)


def test_an_acting_post_given_after_a_decrees_date_is_the_persons(nlp: Language) -> None:
    # «указом президента от 12 марта»: a document's date ends the signer's post, which is not the name's; the acting
    # post the clause gives in the instrumental is.
    text = "Указом президента от 12 марта Фарход Саидзода назначен исполняющим обязанности председателя города Нурек."
    assert _records(nlp, text)["Саидзода"][0] == "исполняющий обязанности председателя города Нурек"


def test_a_plural_post_after_with_the_participation_of_is_the_names(nlp: Language) -> None:
    # «с участием заместителей акима …»: the noun takes the people attending; the plural post is not a body's members
    # but the listed name's post.
    text = "Прошло совещание с участием заместителей акима города Ерлана Бекова и Анны Смирновой."
    assert _records(nlp, text)["Беков"][0] == "заместитель акима города"


@pytest.mark.parametrize(
    ("position", "organization", "expected"),
    [
        # The kind of the body the person is linked to, alone or after that body's level, is that body.
        (
            "председатель постоянной комиссии маслихата по вопросам бюджета",
            "Аксуский городской маслихат",
            "председатель постоянной комиссии по вопросам бюджета",
        ),
        (
            "председатель постоянной комиссии Кенгаша по социальным вопросам",
            "Ферганский областной Кенгаш народных депутатов",
            "председатель постоянной комиссии по социальным вопросам",
        ),
        ("депутат городского Маджлиса", "Маджлис народных депутатов города Турсунзаде", "депутат"),
        ("депутат районного Кенгаша", "Бухарский районный Кенгаш народных депутатов", "депутат"),
        # Another level's body stays; so do a member's body and a head's named by the kind.
        ("депутат областного маслихата", "Аксуский городской маслихат", "депутат областного маслихата"),
        ("член Генгеша", "Генгеш города Туркменабат", "член Генгеша"),
        (
            "хоким района, председатель Кенгаша",
            "Ургутский районный Кенгаш народных депутатов",
            "хоким района, председатель Кенгаша",
        ),
    ],
)
def test_the_kind_of_the_linked_local_body_leaves_the_post(position: str, organization: str, expected: str) -> None:
    assert without_body(position, organization) == expected


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # The title before a nominee's noun is the proposer's, or the office proposed: not the nominee's post.
        (
            "Выступил представитель Андрей Ким, внесший по представлению Председателя Кабинета Министров "
            "кандидатуру Эрмека Жумабаевича Токоева.",
            "Токоев",
            None,
        ),
        # A post's head in a form the tagger keeps as its own lemma («тораги») is read and named in the nominative.
        (
            "Сегодня под председательством тораги Таласского городского кенеша Азамата Жолдошбековича Осмонова "
            "прошла сессия.",
            "Осмонов",
            "торага",
        ),
    ],
)
def test_a_nominee_and_an_oblique_head(nlp: Language, text: str, surname: str, position: str | None) -> None:
    assert _positions(nlp, text)[surname][0] == position


def test_a_body_restated_in_brackets_with_its_legal_form_stays_in_the_title(nlp: Language) -> None:
    text = (
        "Заместитель генерального директора ТОО «Каспийский энергетический комбинат» (ТОО «КЭК») Ержан Калиев "
        "сообщил, что предприятие направит на ремонт сетей 14 млрд тенге."
    )
    assert _positions(nlp, text)["Калиев"][0] == "заместитель генерального директора"


def test_a_declinable_reading_wins_over_an_indeclinable_name_of_the_same_form() -> None:
    # «тораги» is both the genitive of «торага» and a dictionary's indeclinable name: the post declines.
    from pipelines.normalize import inflect_word

    assert inflect_word("тораги", "NOUN", "Gen", "Masc", "Sing") == "торага"
    # Where the indeclinable reading ranks first it stands: «в Луисвилле» is no «Луисвилль».
    assert inflect_word("Луисвилле", "PROPN", "Loc", "Masc", "Sing") == "Луисвилле"


def test_a_post_in_the_dative_after_another_post_starts_its_own_title(nlp: Language) -> None:
    text = (
        "Аким города вручил Благодарственные письма акима председателю совета ветеранов города Кенжебеку "
        "Жакуповичу Сарсембаеву."
    )
    position = _positions(nlp, text)["Сарсембаев"][0]
    assert position is not None and position.startswith("председатель")


def test_a_village_adjective_before_its_councils_kind_is_no_name(nlp: Language) -> None:
    from pipelines.titles import place_adjective

    doc = nlp("Награждена бухгалтер Самаркандекского айыл окмоту Гульжамал Абдиева.")
    assert place_adjective(doc[2])


def test_modifiers_joined_by_i_before_the_post_are_both_the_posts(nlp: Language) -> None:
    text = "На заседании присутствовал Чрезвычайный и Полномочный Посол Республики Беларусь Игорь Ясько."
    position = _positions(nlp, text)["Ясько"][0]
    assert position is not None and position.lower().startswith("чрезвычайный и полномочный посол")


def test_a_compound_post_in_an_oblique_case_is_a_post(nlp: Language) -> None:
    text = (
        "Хоким района дал поручения, а слесарю-газовщику Зафару Шоимову, который восстановил газоснабжение улицы, "
        "была объявлена благодарность."
    )
    assert _positions(nlp, text)["Шоимов"][0] == "слесарь-газовщик"


def test_a_board_by_its_kind_alone_is_no_body_represented(nlp: Language) -> None:
    text = "Выступил член Коллегии (министр) по торговле Евразийской экономической комиссии Андрей Слепнёв."
    _, organization = _positions(nlp, text)["Слепнёв"]
    assert organization is None or "Коллеги" not in organization


def test_a_unit_with_its_remit_before_its_department_represents_the_department(nlp: Language) -> None:
    text = (
        "Вчера в Рудном прошла сессия городского маслихата. О профилактике бытового насилия доложил заместитель "
        "начальника Рудненского городского отдела полиции Департамента полиции Костанайской области Ерлан Махметов."
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons["Махметов"].organization == "Департамент полиции Костанайской области"


def _staged_positions(nlp: Language, text: str) -> dict[str, str | None]:
    return {p.surname: p.position for p in run_stages(nlp(text)).persons}


def test_a_post_fronted_before_an_election_is_the_deputys_with_the_member_title(nlp: Language) -> None:
    # The parser hangs the fronted post on «Вторым вопросом», not on «избрана».
    text = "Вторым вопросом председателем постоянной комиссии по вопросам экологии избрана депутат Асель Нурланова."
    assert _staged_positions(nlp, text)["Нурланова"] == "председатель постоянной комиссии по вопросам экологии, депутат"


def test_the_post_an_election_pronoun_stands_for_is_the_deputys(nlp: Language) -> None:
    text = (
        "Депутаты рассмотрели избрание секретаря постоянной комиссии по вопросам аграрной политики. "
        "Им единогласно избран депутат Тимур Жаксыбеков."
    )
    position = _staged_positions(nlp, text)["Жаксыбеков"]
    assert position == "секретарь постоянной комиссии по вопросам аграрной политики, депутат"


def test_a_fronted_post_keeps_an_elected_persons_longer_title_apart(nlp: Language) -> None:
    text = "Председателем совета единогласно избран директор гимназии № 3 Олег Сергеевич Васнецов."
    position = _staged_positions(nlp, text)["Васнецов"]
    assert position is not None and "," not in position


def test_a_lists_label_ends_before_a_count_in_brackets(nlp: Language) -> None:
    doc = nlp("Присутствовали члены правления (7 из 9): Арутюнян Г.С., Саркисян Н.Р., Мовсисян К.В.")
    name = next(e for e in doc.ents if e.label_ == "PER" and "Саркисян" in e.text)
    title = title_of_list(doc, name)
    assert title is not None and title.text.lower().startswith("члены правления")


def test_a_police_unit_of_a_place_stays_in_the_post_the_department_is_the_body(nlp: Language) -> None:
    text = (
        "С докладом выступил начальник отдела полиции Жанакорганского района Департамента полиции "
        "Кызылординской области Ербол Сейтказиев."
    )
    assert _staged_positions(nlp, text)["Сейтказиев"] == "начальник отдела полиции Жанакорганского района"
    organizations = {p.surname: p.organization for p in run_stages(nlp(text)).persons}
    assert organizations["Сейтказиев"] == "Департамент полиции Кызылординской области"


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("В семинаре участвовал начальник управления полиции города Кокшетау полковник Арман Садыков.", "Садыков"),
        ("Слово предоставили начальнику отдела полиции Сарыагашского района Нурлану Ержанову.", "Ержанову"),
    ],
)
def test_a_police_office_of_a_place_in_the_title_is_the_body_by_the_grammar(
    nlp: Language, text: str, surname: str
) -> None:
    # the service's territorial body the organizations stage lists is the grammar's pick, whatever the linker weighs
    doc = nlp(text)
    organizations = find_organizations(doc)
    person = next(p for p in find_persons(doc) if p.surname in surname)
    found = rule_position_of(doc, person, organizations).organization
    assert found is not None and found.split()[1] == "полиции"


def test_a_regional_department_closing_a_units_title_is_the_body_in_a_council_report(nlp: Language) -> None:
    text = (
        "Сессия маслихата города Жанатас прошла под председательством секретаря маслихата Нурлана Ибраева. "
        "Депутаты заслушали информацию начальника отдела полиции города Жанатас Департамента полиции Жамбылской "
        "области подполковника полиции Арсена Жумабаева о правопорядке."
    )
    organizations = {p.surname: p.organization for p in run_stages(nlp(text)).persons}
    assert organizations["Жумабаев"] == "Департамент полиции Жамбылской области"


def test_a_units_place_adjectives_cut_off_by_the_tagger_are_no_body_before_the_named_company(nlp: Language) -> None:
    text = (
        "Начальник Бекабадского районного электросетевого предприятия АО «Ташкентские региональные электросети» "
        "Жасур Тошматов доложил о замене опор."
    )
    found = {p.surname: (p.position, p.organization) for p in run_stages(nlp(text)).persons}
    assert found["Тошматов"] == (
        "начальник Бекабадского районного электросетевого предприятия",
        "АО «Ташкентские региональные электросети»",
    )


def test_a_post_the_tagger_reads_as_a_participle_keeps_its_place(nlp: Language) -> None:
    # «акима» is read as a participle of «акимать» in a long list; it still heads the post, place and all.
    text = (
        "Глава государства принял акима Павлодарской области Асаина Байханова, акима Северо-Казахстанской области "
        "Гауеза Нурмухамбетова, акима города Караганды Ерлана Сатыбалдина, акима Мангистауской области Нурлана Ногаева."
    )
    assert _positions(nlp, text)["Сатыбалдин"][0] == "аким города Караганды"


def test_a_head_of_state_keeps_the_state_in_the_post(nlp: Language) -> None:
    # A bare «глава» says nothing; «президент страны» says it without the anaphoric «страны».
    assert _positions(nlp, "Глава государства Садыр Жапаров подписал указ.")["Жапаров"][0] == "глава государства"
    assert _positions(nlp, "Президент страны Садыр Жапаров подписал указ.")["Жапаров"][0] == "президент"


def test_a_post_before_a_dash_introduces_the_name_after_it(nlp: Language) -> None:
    # The current post before the dash outranks a former one after the name.
    text = "Отчёт представит новый аким села Жанаконыс – Ерлан Сарбасов, бывший помощник районного акима."
    assert _positions(nlp, text)["Сарбасов"][0] == "аким села Жанаконыс"


def test_a_region_the_tagger_took_for_a_name_stays_in_the_post_before_the_persons_name(nlp: Language) -> None:
    # «губернатор Самцхе Джавахети | Георгий Кавтарадзе»: the region's undeclined name, no person, is the post's.
    text = "Встречу открыл губернатор Самцхе Джавахети Георгий Кавтарадзе."
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert set(persons) == {"Кавтарадзе"}
    assert persons["Кавтарадзе"].position == "губернатор Самцхе Джавахети"


def test_an_acting_post_written_without_its_last_point(nlp: Language) -> None:
    text = "Совещание провёл И.о председателя комитета Азамат Бекболотов."
    assert _positions(nlp, text)["Бекболотов"][0] == "и.о председателя комитета"


def test_his_deputy_after_a_persons_name_is_that_persons_deputy(nlp: Language) -> None:
    text = (
        "В совещании участвовали аким района Марат Сейтказиев, его заместитель Динара Абишева, "
        "директор школы Ержан Нурланов."
    )
    found = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert found["Абишева"].position == "заместитель акима"
    assert found["Абишева"].organization == found["Сейтказиев"].organization


def test_her_chair_elected_takes_the_commission_named_the_sentence_before(nlp: Language) -> None:
    text = (
        "На сессии депутаты образовали временную комиссию по земельным вопросам. "
        "Её председателем избран депутат Бакыт Осмонов."
    )
    found = {p.surname: p.position for p in run_stages(nlp(text)).persons}
    assert found["Осмонов"].startswith("председатель временной комиссии по земельным вопросам")


def test_the_journalist_signing_the_dateline_represents_no_body(nlp: Language) -> None:
    text = (
        "10:15, 5 марта 2024, Ош - Кабар , Айжан ТОКТОРОВА\n"
        "На заседании комитета по аграрной политике депутаты обсудили законопроект о пастбищах. "
        "Председатель комитета Нурбек Алымбеков открыл заседание."
    )
    found = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert found["Токторова"].position is None
    assert found["Токторова"].organization is None


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # The walk stopped at a body's name the tagger joined to the person's: the adjective left is the body's.
        (
            "Сессию велаятского Халк Маслахаты открыл председатель велаятского Халк Маслахаты Мурад Ходжаев.",
            "Ходжаев",
            "председатель",
        ),
        # Before the person's name the adjective is the post's own word.
        (
            "С отчётом выступила инспектор по делам несовершеннолетних Марина Петрова.",
            "Петрова",
            "инспектор по делам несовершеннолетних",
        ),
    ],
)
def test_a_post_does_not_end_on_an_adjective_of_the_body_after_it(
    nlp: Language, text: str, surname: str, position: str
) -> None:
    assert _records(nlp, text)[surname][0] == position


def test_a_title_cut_inside_a_bodys_name_leaves_the_name_whole_to_the_body(nlp: Language) -> None:
    # «… строительного, | жилищного и технического надзора»: the walk ended at the comma inside the body's name.
    text = (
        "Представитель Службы Республики Адыгея строительного, жилищного и технического надзора (контроля) Ольга "
        "Хуаде напомнила о сроках."
    )
    position, organization = _records(nlp, text)["Хуаде"]
    assert position == "представитель"
    assert organization is not None and organization.startswith("Служба Республики Адыгея строительного")


def test_a_word_the_tagger_joins_to_the_body_after_the_post_is_the_bodys(nlp: Language) -> None:
    # «Олий Мажлиса …»: the body found from «Мажлиса», the tagger's place name from «Олий».
    text = "В заседании участвовал сенатор Олий Мажлиса Республики Узбекистан Шухрат Каримов."
    assert _records(nlp, text)["Каримов"][0] == "сенатор"


def test_the_administrations_bare_unit_before_a_remit_stays_in_the_post(nlp: Language) -> None:
    # «администрации города по …»: the place unnamed, the text's wording; a head's bare post keeps only the kind.
    text = (
        "Выступила заместитель главы администрации города по экономике Анна Воронова. "
        "Глава администрации района Анатолий Воронцов ответил на вопросы."
    )
    found = _records(nlp, text)
    assert found["Воронова"][0] == "заместитель главы администрации города по экономике"
    assert found["Воронцов"][0] == "глава администрации"


def test_the_elected_post_leaves_out_the_present_post_before_the_name(nlp: Language) -> None:
    # «избрали председателем … депутата Асель Нурбековну»: «депутата» is her present post, in her name's case.
    text = (
        "Третьим вопросом депутаты избрали председателем постоянной комиссии по вопросам экологии депутата "
        "Асель Жумабекову. Исполняющим обязанности главы района назначен Иван Петров."
    )
    found = _records(nlp, text)
    assert found["Жумабекова"][0] == "председатель постоянной комиссии по вопросам экологии"
    assert found["Петров"][0] == "исполняющий обязанности главы района"


def test_a_municipality_s_abbreviated_kind_alone_is_no_body(nlp: Language) -> None:
    """«глава МО»: the municipal formation is the place she heads, not the body she represents."""
    text = "Отчёт о работе за год представила глава МО Ирина Соколова."
    _assert_split(nlp, text, "Соколова", "глава МО", None)


def test_a_plural_post_after_one_name_is_the_next_entry_of_the_list(nlp: Language) -> None:
    """«Ветров, вице-спикеры Районного Собрания»: the plural post after the name is other people's, not his
    apposition; a singular one is his."""
    from pipelines.titles import title_after

    doc = nlp("В работе сессии участвовали прокурор района Олег Ветров, вице-спикеры Районного Собрания депутатов.")
    name_end = next(t.i for t in doc if t.text == "Ветров") + 1
    assert title_after(doc, name_end) is None
    doc = nlp("В работе сессии участвовал Олег Ветров, вице-спикер Районного Собрания депутатов.")
    name_end = next(t.i for t in doc if t.text == "Ветров") + 1
    title = title_after(doc, name_end)
    assert title is not None and title.text.startswith("вице-спикер")


@pytest.mark.parametrize(
    ("text", "surname", "position"),
    [
        # Workers of an award list and a sitting: the genre's golds give their work as the post.
        (
            "Грамоты вручены оператору машинного доения СПК «Заречье» Ольге Ковальчук и механизатору Ивану Жуку.",
            "Ковальчук",
            "оператор машинного доения",
        ),
        ("Прораб Андрей Лукин пообещал закончить укладку трубы к маю.", "Лукин", "прораб"),
        ("На сходе выступил аксакал Токтосун Мамбетов.", "Мамбетов", "аксакал"),
    ],
)
def test_the_genres_workers_hold_a_post(nlp: Language, text: str, surname: str, position: str) -> None:
    assert _positions(nlp, text)[surname][0] == position


def test_a_copula_ends_the_title(nlp: Language) -> None:
    # «руководителем комитета был X»: the past copula is no word of the post.
    got_position, _ = _positions(nlp, "До этого председателем правления была Ирина Лаптева.")["Лаптева"]
    assert got_position == "председатель правления"


def test_a_relative_pronoun_ends_the_post_and_points_to_its_body(nlp: Language) -> None:
    text = (
        "Комитет учел замечания Союза фермеров Таласской области (СФТО), председатель которого Бакыт Осмонов "
        "присутствовал на заседании."
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert (persons["Осмонов"].position, persons["Осмонов"].organization) == (
        "председатель",
        "Союз фермеров Таласской области",
    )


def test_a_units_officer_named_by_a_possessive_keeps_the_units_remit(nlp: Language) -> None:
    text = (
        "Заключение постоянной комиссии по социальным вопросам и экологии зачитала ее председатель Дилором Ахмедова. "
        "Депутаты с ним согласились."
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons["Ахмедова"].position == "председатель постоянной комиссии по социальным вопросам и экологии"


def test_a_deputy_head_of_an_administration_named_by_its_kind_keeps_kind_and_remit(nlp: Language) -> None:
    text = (
        "ПРОТОКОЛ\nзаседания комиссии администрации Сылвенского муниципального округа\n\n"
        "ПРИСУТСТВОВАЛИ:\nГорбачёв П.А. – заместитель главы администрации по экономическому развитию;\n"
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons["Горбачёв"].position == "заместитель главы администрации по экономическому развитию"


def test_a_plural_post_joined_by_and_is_a_group_not_the_persons_post(nlp: Language) -> None:
    text = "На сессии присутствовали работники аппарата кенеша и прокурор Панфиловского района Эрмек Бакиров."
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons["Бакиров"].position == "прокурор Панфиловского района"


def test_a_participle_opening_a_conjunct_of_the_bodys_name_stays_in_the_post(nlp: Language) -> None:
    text = (
        "Доклад представил заместитель министра энергетики и перерабатывающей промышленности Республики Алтай "
        "Семён Викторович Тадыев."
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    ministry = "Министерство энергетики и перерабатывающей промышленности Республики Алтай"
    assert persons["Тадыев"].organization == ministry


def test_a_title_after_a_name_ending_on_an_eponym_before_the_next_name_is_the_next_names(nlp: Language) -> None:
    # «…, директор школы им. К. Акиева Токтогулова Сабира» in a list of invitees: the eponym ends the school's
    # name, and the name right after it is the director's, not a title of the name before
    doc = nlp(
        "Приглашены: ответственный секретарь айыл окмоту Бакирова Айнура, директор средней школы им. К. Акиева "
        "Токтогулова Сабира Маратовна, участковый инспектор милиции Жумабаев Нурлан."
    )
    name_end = next(t.i for t in doc if t.text == "Айнура") + 1
    assert title_after(doc, name_end) is None


def test_a_school_s_eponym_takes_one_surname_after_its_initials(nlp: Language) -> None:
    # «директор гимназии им. Т. Сатылганова Бекова Айгерим»: the eponym ends at its surname, the next words name the
    # director, so the post before the comma is the next entry's, not the secretary's listed before it.
    text = (
        "ПРОТОКОЛ № 4\nсессии Ак-Сууйского айыльного кенеша\n\nПРИСУТСТВОВАЛИ: 11 депутатов.\n"
        "Приглашенные: глава Ак-Сууйского айыл окмоту Абдыкадыров Талант Маратович, ответственный секретарь айыл "
        "окмоту Асанова Гульмира, директор гимназии им. Т. Сатылганова Бекова Айгерим Асановна, участковый инспектор "
        "милиции Орозов Нурлан.\n"
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons["Асанова"].position.startswith("ответственный секретарь")
    assert persons["Бекова"].position == "директор"


@pytest.mark.parametrize(
    ("position", "organization", "expected"),
    [
        # A hyphenated place's adjective names the local body as a one-word one does: its bare kind leaves the post.
        ("ответственный секретарь айыл окмоту", "Кок-Жарский айыл окмоту", "ответственный секретарь"),
        (
            "главный специалист айыл окмоту по земельным вопросам",
            "Ак-Талинский айыл окмоту",
            "главный специалист по земельным вопросам",
        ),
    ],
)
def test_a_hyphenated_local_body_s_bare_kind_leaves_the_post(position: str, organization: str, expected: str) -> None:
    assert without_body(position, organization) == expected
