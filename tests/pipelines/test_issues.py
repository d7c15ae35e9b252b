"""Issues stage: questions found from cue phrases and the syntax, in the nominative, with their mentions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from models.grammars.issues import STRONG, candidates
from pipelines.findings import Findings, MeetingFinding, PersonFinding
from pipelines.stages import issues, run_stages


def _issues(nlp: Language, text: str) -> list[str]:
    return [i.text for i in issues.run(nlp(text), Findings()).issues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В ходе дискуссии были определены проблемные вопросы, которые касаются предвыездной подготовки, "
            "оргнабора, медицинского страхования.",
            ["предвыездная подготовка", "оргнабор", "медицинское страхование"],
        ),
        (
            "Депутаты рассмотрели проект решения «О бюджете города на 2024 год».",
            ["проект решения «О бюджете города на 2024 год»"],
        ),
        ("Президент внёс в Государственную Думу проект закона «О полиции».", ["проект закона «О полиции»"]),
        ("Спикер пообещал поставить вопрос о поведении депутата на заседании комиссии.", ["поведение депутата"]),
        ("Президент подписал указ об отставке правительства.", ["отставка правительства"]),
        ("На заседании обсудили экономические вопросы.", ["экономические вопросы"]),
        (
            "В Госдуме прошёл круглый стол о регулировании применения беспилотных систем.",
            ["регулирование применения беспилотных систем"],
        ),
        (
            "Участники совещания обсудили подготовку к отопительному сезону и ремонт дорог.",
            ["подготовка к отопительному сезону", "ремонт дорог"],
        ),
        (
            "На сессии маслихата рассмотрены вопросы: об исполнении бюджета района за 2023 год; "
            "о передаче имущества в коммунальную собственность.",
            # corpus-genre's items keep their period: «исполнение областного бюджета за 2023 год».
            ["исполнение бюджета района за 2023 год", "передача имущества в коммунальную собственность"],
        ),
        ("Петров — о ходе строительства школы.", ["ход строительства школы"]),
    ],
)
def test_issues_from_cues(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "На заседании обсудили содержательные вопросы.",  # a judgement, not a question
        "Комиссия рассматривала господина Иванова.",  # a person is not an issue
        "Законопроект решено рассмотреть по существу в марте.",  # a set phrase
        "В зале прошло торжественное открытие.",  # an action with no subject
    ],
)
def test_no_issue_without_a_subject(nlp: Language, text: str) -> None:
    assert _issues(nlp, text) == []


def test_mentions_point_into_the_text(nlp: Language) -> None:
    doc = nlp("Депутаты обсудили отставку правительства. Вопрос об отставке правительства решён.")
    (issue,) = issues.run(doc, Findings()).issues
    assert issue.text == "отставка правительства"
    assert [doc.text[m.start : m.end] for m in issue.mentions] == ["отставку правительства", "отставке правительства"]


def test_words_of_an_organization_name_are_not_issues(nlp: Language) -> None:
    text = "Министерство труда, социального обеспечения и миграции обсудило предвыездную подготовку."
    assert _issues(nlp, text) == ["предвыездная подготовка"]


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("В повестку дня сессии вошли два вопроса. Депутаты обсудили ремонт дорог.", "день сессии"),
        ("Депутаты рассмотрели предложение и обсудили ремонт дорог.", "предложение"),
        ("ДЕПУТАТЫ ОБСУДИЛИ ИСПОЛНЕНИЕ БЮДЖЕТА\n\nДепутаты обсудили ремонт дорог.", "ИСПОЛНЕНИЕ БЮДЖЕТА"),
        # an institution where the meeting is held, not the act of instituting
        (
            "В зале государственного учреждения образования «Детская школа искусств» прошла сессия. "
            "Депутаты обсудили ремонт дорог.",
            "государственное учреждение образования «Детская школа искусств»",
        ),
    ],
)
def test_no_day_of_the_agenda_bare_nouns_or_shouted_headlines(nlp: Language, text: str, not_expected: str) -> None:
    found = _issues(nlp, text)
    assert not_expected not in found
    assert "ремонт дорог" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Заседание открыла председатель правления. На повестку дня были вынесены вопросы:\n"
            "1. Финансовый отчёт за 2023 год.\n2. О пополнении состава правления.\n3. Разное.\n\n"
            "Финансовый отчёт представил казначей.",
            ["финансовый отчёт за 2023 год", "пополнение состава правления"],
        ),
        (
            "Члены комитета заслушали информацию министра о ходе весенне-полевых работ.",
            ["ход весенне-полевых работ"],
        ),
        (
            "Член совета Руслан Ахметов обратил внимание на организацию горячего питания в школах.",
            ["организация горячего питания"],
        ),
        (
            "Участники заседания утвердили план работы палаты на следующий год.",
            ["план работы палаты на следующий год"],
        ),
        (
            "Депутаты рассмотрели проект решения «О внесении изменений в решение маслихата от 14 декабря 2021 года "
            "№ 12/1 «Об областном бюджете на 2022–2024 годы»».",
            ["внесение изменений в решение «Об областном бюджете на 2022–2024 годы»"],
        ),
        ("Министр рассказал о ходе посевной кампании.", ["ход посевной кампании"]),
        # an item that goes on with its rapporteur: the subject alone, its genitives kept
        (
            "На повестке дня были рассмотрены следующие вопросы:\n"
            "- Отчет руководителя отдела образования о подготовке школ к учебному году выступил руководитель "
            "отдела образования Ахметов Берик Серикович.\n"
            "- О ремонте дорог в сельских округах, докладчик – аким района.\n",
            [
                "отчет руководителя отдела образования о подготовке школ к учебному году",
                "ремонт дорог в сельских округах",
            ],
        ),
        # what is reported first, its verb after it: the words say the shape the parse loses
        (
            "Председатель огласил повестку дня.\n\nОб исполнении бюджета джамоата за первый квартал 2025 года "
            "доложила заместитель председателя джамоата Гульбахор Шодихонова.",
            ["исполнение бюджета джамоата за первый квартал 2025 года"],
        ),
        # the results of a check said in full are an item; a bare «результаты проверки» says too little
        (
            "Заседание комиссии.\n\nАудитор Иван Петров доложил о результатах мониторинга закупок лекарств.",
            ["результаты мониторинга закупок лекарств"],
        ),
        # a crossing names what it crosses
        (
            "Заседание кенеша.\n\nДепутаты обсудили ремонт моста через реку в селе Жулек.",
            ["ремонт моста через реку"],
        ),
        # work with someone names whom
        (
            "Заседание комиссии.\n\nВЫСТУПИЛИ: Хамидуллина Резеда Фаритовна, директор колледжа, – о работе с "
            "иностранными студентами.",
            ["работа с иностранными студентами"],
        ),
        # a circumstance before it, and the parser hanging the «о» on the circumstance's noun
        (
            "Губернатор провёл совещание.\n\nВ режиме видеосвязи о задержке поставки котельного оборудования доложил "
            "глава города Кузнецка Сергей Анатольевич Златогорский.",
            ["задержка поставки котельного оборудования"],
        ),
    ],
)
def test_agenda_shapes_of_meeting_reports(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbered «О …» lines are an agenda without a «вопросы:» line; two amendments differ by their acts' titles
        (
            "Сессию открыл председатель. Рассмотрено три вопроса.\n"
            "1. О внесении изменений в решение городского совета №12/3 от 5 мая 2024 года «О бюджете города на "
            "2025 год».\n"
            "2. О внесении изменений в решение городского совета №8/1 от 2 марта 2023 года «О правилах "
            "благоустройства территории города».\n"
            "3. Отчет председателя ревизионной комиссии о проделанной работе.\n",
            [
                "внесение изменений в решение «О бюджете города на 2025 год»",
                "внесение изменений в решение «О правилах благоустройства территории города»",
                "отчет председателя ревизионной комиссии о проделанной работе",
            ],
        ),
        # «Обсудили:» opens a list; what follows an item's colon glosses it
        (
            "Прошло заседание исполкома.\n\nОбсудили:\n"
            "— ремонт школьных зданий: директор школы доложил о сроках;\n"
            "— подготовку к отопительному сезону.\n",
            ["ремонт школьных зданий", "подготовка к отопительному сезону"],
        ),
        # a one-word heading before the colon: the item is what follows it
        (
            "Повестка дня:\n1. О ремонте кровли.\n2. Разное: об оказании материальной помощи.\n",
            ["ремонт кровли", "оказание материальной помощи"],
        ),
    ],
)
def test_agenda_lists_without_a_questions_line(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


def test_a_post_filled_at_a_meeting_is_its_election(nlp: Language) -> None:
    text = "Председателем совета единогласно избран директор лицея Виталий Семёнов."
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание совета"))
    assert [i.text for i in issues.run(nlp(text), meeting).issues] == ["избрание председателя совета"]
    # In a news story the election is the news, not a question a meeting dealt with.
    assert _issues(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The post hung on the item's ordinal noun by the parser.
        (
            "Пятым вопросом председателем постоянной комиссии по социальным вопросам избран депутат Ермек Абилов.",
            ["избрание председателя постоянной комиссии по социальным вопросам"],
        ),
        # A mandate ended, without its holder's name or district.
        (
            "Досрочно прекращены полномочия депутата городского маслихата Дастана Ахметова в связи с переездом.",
            ["досрочное прекращение полномочий депутата городского маслихата"],
        ),
        (
            "Досрочно прекращены полномочия депутата по Оршанскому избирательному округу № 5 Павла Юрьевича Кравца.",
            ["досрочное прекращение полномочий депутата"],
        ),
    ],
)
def test_posts_filled_and_mandates_ended_at_a_meeting(nlp: Language, text: str, expected: list[str]) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="сессия маслихата"))
    assert [i.text for i in issues.run(nlp(text), meeting).issues] == expected


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Губернатор рассказал о федеральном проекте «Профессионалитет»: в области созданы девять кластеров.",
            "федеральный проект «Профессионалитет»",
            None,
        ),
        (
            "Приоритеты – ремонт школ и софинансирование программы «Чистая вода».",
            None,
            "программа «Чистая вода»",
        ),
    ],
)
def test_an_undertaking_told_of_under_its_name(
    nlp: Language, text: str, expected: str | None, absent: str | None
) -> None:
    found = _issues(nlp, text)
    assert expected is None or expected in found
    assert absent is None or absent not in found


def test_two_actions_on_one_post_are_two_issues(nlp: Language) -> None:
    text = (
        "Депутаты рассмотрели вопрос о досрочном прекращении полномочий секретаря маслихата. "
        "Новым секретарём областного маслихата избран депутат Ерлан Тулеубаев."
    )
    meeting = replace(Findings(), meeting=MeetingFinding(title="сессия маслихата"))
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert found == [
        "досрочное прекращение полномочий секретаря маслихата",
        "избрание нового секретаря областного маслихата",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Первая сессия была посвящена организованному набору и предвыездной подготовке.",
            ["организованный набор", "предвыездная подготовка"],
        ),
        (
            "Вчера прошёл круглый стол «Доступная среда: права людей с инвалидностью». Его провела омбудсмен.",
            ["Доступная среда"],
        ),
        (
            "Председательствующий. Пятый вопрос повестки дня – «О бюджете города Ош на 2023 год». Докладывает "
            "начальник управления финансов.",
            ["бюджет города Ош на 2023 год"],
        ),
        ("На заседании обсудили второй вопрос и ремонт дорог.", ["ремонт дорог"]),
    ],
)
def test_subjects_of_sessions_events_and_announced_items(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Глава района остановился на водоснабжении сельских населённых пунктов.",
            "водоснабжение сельских населённых пунктов",
        ),
        ("Во второй сессии речь шла о социальных гарантиях мигрантов.", "социальные гарантии мигрантов"),
        ("Директор рассказала о проекте сопровождаемого проживания.", "сопровождаемое проживание"),
    ],
)
def test_what_a_speaker_reported_on_is_an_item_of_the_meeting(nlp: Language, text: str, expected: str) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание совета"))
    assert [i.text for i in issues.run(nlp(text), meeting).issues] == [expected]


def test_a_report_cut_to_one_word_is_no_issue(nlp: Language) -> None:
    assert _issues(nlp, "Президент сказал, что речь идёт об использовании.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Совет старейшин единогласно присвоил звание «Почётный гражданин Гюмри» скульптору Левону Тадевосяну.",
        "Решением Думы звание «Почётный гражданин Гюмри» присвоено врачу Валентине Сорокоумовой.",
    ],
)
def test_a_title_conferred_at_a_meeting_is_its_item(nlp: Language, text: str) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание совета"))
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert "присвоение звания «Почётный гражданин Гюмри»" in found


def test_a_task_set_by_a_decision_is_not_an_item(nlp: Language) -> None:
    text = "Поручить заместителю главы администрации утвердить дислокацию лагерей и график заездов."
    assert _issues(nlp, text) == []


def test_decisions_under_a_question_are_not_agenda_items(nlp: Language) -> None:
    text = "По первому вопросу РЕШИЛИ:\n1. Информацию принять к сведению.\n2. Усилить контроль за вывозом мусора.\n"
    assert "контроль за вывозом мусора" not in _issues(nlp, text)


def test_a_situation_of_people_is_not_an_act(nlp: Language) -> None:
    text = "Депутат обратил внимание на положение пожилых родителей трудовых мигрантов."
    assert _issues(nlp, text) == ["положение пожилых родителей трудовых мигрантов"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «к X» hung by the parser on «отчётом» still completes «подготовки», and keeps its dative.
        (
            "С отчётом о ходе подготовки к отопительному сезону выступил начальник отдела Иван Петров.",
            "ход подготовки к отопительному сезону",
        ),
        # «выступил с информацией о X»: what the speaker came with is the question.
        (
            "Далее с информацией о росте тарифов на воду выступила начальник управления Анна Иванова.",
            "рост тарифов на воду",
        ),
        # «сообщил о X» reports a subject; «перед кем» stays inside the phrase.
        (
            "Начальник управления сообщил о задолженности подрядчиков перед поставщиками.",
            "задолженность подрядчиков перед поставщиками",
        ),
    ],
)
def test_reported_subjects_keep_their_complements(nlp: Language, text: str, expected: str) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание акимата"))
    assert expected in [i.text for i in issues.run(nlp(text), meeting).issues]


def test_who_considers_and_a_remit_are_not_items(nlp: Language) -> None:
    text = (
        "На рассмотрение депутатов было вынесено три вопроса. Депутаты обсудили ремонт дорог и вывоз мусора. "
        "Председатель постоянной комиссии маслихата по вопросам законности и социальной сферы поддержал решение."
    )
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert not {"депутаты", "законность", "социальная сфера"} & set(found)


def test_a_report_subject_may_come_before_its_verb(nlp: Language) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="совещание"))
    text = "О ходе завоза топлива в отдалённые сёла проинформировал председатель комитета Дмитрий Хаитов."
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert any(i.startswith("ход завоза топлива") for i in found)


def test_a_member_repeating_its_preposition_is_its_own_item(nlp: Language) -> None:
    text = (
        "Арсен Саакян, председатель комиссии по развитию гражданского общества, – о работе по гармонизации "
        "межнациональных отношений и об адаптации иностранных студентов."
    )
    found = _issues(nlp, text)
    assert "адаптация иностранных студентов" in found
    assert any(i.startswith("работа по гармонизации") for i in found)


def test_what_a_speaker_asks_for_is_a_raised_question(nlp: Language) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание совета"))
    text = "Глава сельского поселения попросила ускорить поставку питьевой воды в отдалённые сёла."
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert any(i.startswith("поставка питьевой воды") for i in found)


def test_a_question_named_by_a_copula(nlp: Language) -> None:
    text = "Ключевым вопросом заседания стали поправки в областной бюджет на 2024 год."
    assert "поправки в областной бюджет на 2024 год" in _issues(nlp, text)


def test_what_worries_a_speaker_is_a_raised_problem(nlp: Language) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="сессия совета"))
    text = "Жители высказали обеспокоенность состоянием водопровода в старой части города."
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert any(i.startswith("состояние водопровода") for i in found)


def test_a_second_object_hung_on_a_place_is_its_own_item(nlp: Language) -> None:
    text = "Депутаты обсудили качество уборки снега во дворах и работу городского общественного транспорта."
    found = _issues(nlp, text)
    assert "работа городского общественного транспорта" in found
    assert any(i.startswith("качество уборки снега") for i in found)


def test_a_request_names_what_is_to_be_done(nlp: Language) -> None:
    text = "Депутат предложил обратиться в Счётную палату с просьбой провести аудит расходов на ремонт дорог."
    assert "аудит расходов на ремонт дорог" in _issues(nlp, text)


def test_a_measurement_is_not_part_of_an_item(nlp: Language) -> None:
    text = "Депутаты одобрили выделение земельного участка площадью 0,12 га под строительство пункта."
    found = _issues(nlp, text)
    assert found and not any("площадь" in i for i in found)


def test_a_shouted_headline_states_what_was_discussed(nlp: Language) -> None:
    text = (
        "В АКИМАТЕ ОБСУДИЛИ ПОДГОТОВКУ К СБОРУ ХЛОПКА\n\n"
        "Сегодня аким области провёл совещание с руководителями районов. Начальник управления доложил о готовности "
        "техники."
    )
    found = issues.run(nlp(text), Findings()).issues
    harvest = next(i for i in found if i.text == "подготовка к сбору хлопка")
    assert text[harvest.mentions[0].start : harvest.mentions[0].end] == "ПОДГОТОВКУ К СБОРУ ХЛОПКА"


def test_an_agenda_item_after_its_o_keeps_the_title_wording(nlp: Language) -> None:
    doc = nlp("4. О ходе исполнения наказов избирателей;")
    start = next(t.i for t in doc if t.lower_ == "ходе")
    assert issues.about_item(doc[start : start + 4]) == "ход исполнения наказов избирателей"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Главная проблема прежняя – очистка арычной сети. Без неё урожая не будет», – подчеркнул аким.",
            ["очистка арычной сети"],
        ),
        (
            "По его словам, главная задача года – ремонт сельских дорог и строительство школ.",
            ["ремонт сельских дорог", "строительство школ"],
        ),
    ],
)
def test_a_problem_named_after_a_dash(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


def test_a_problem_noun_without_a_dash_names_nothing_by_it(nlp: Language) -> None:
    assert _issues(nlp, "Главная проблема прежняя, сказал он, и ушёл.") == []


def test_an_amended_act_without_a_title_keeps_its_citation(nlp: Language) -> None:
    text = (
        "Депутаты рассмотрели проект решения «О внесении изменений в решение районного Совета от 5 мая 2024 г. № 7-2»."
    )
    assert any("решение районного Совета от 5 мая 2024 г. № 7-2" in issue for issue in _issues(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An appeal is a request too.
        ("Заместитель главы района призвала службы усилить контроль за ценами на лекарства.", "контроль за ценами"),
        # A programme asked for is named by its subject.
        ("Проректор предложил расширить программу студенческого обмена с вузами.", "программа студенческого обмена"),
    ],
)
def test_appeals_and_programmes_asked_for_are_raised_questions(nlp: Language, text: str, expected: str) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание совета"))
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert any(i.startswith(expected) for i in found), found


def test_an_agenda_item_quoted_whole_is_its_title_and_holds_its_words(nlp: Language) -> None:
    text = (
        "Сегодня состоялась сессия городского маслихата.\n\nПовестка дня включала три вопроса:\n"
        "1. «О внесении изменений в решение маслихата от 2 мая 2023 года № 7 «О бюджете города на 2024 год»»;\n"
        "2. «Об утверждении Правил оказания помощи и определения перечня отдельных категорий граждан»;\n"
        "3. Отчёт о подготовке к паводку.\n\nДепутаты приняли решения по всем вопросам."
    )
    found = [i.text for i in run_stages(nlp(text)).issues]
    assert found[:2] == [
        "внесение изменений в решение «О бюджете города на 2024 год»",
        "утверждение Правил оказания помощи и определения перечня отдельных категорий граждан",
    ]
    assert not any(i.startswith(("«", "отдельные категории")) for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "Сессия завершила работу. Следующее заседание назначено на декабрь, на нём будет рассматриваться "
        "районный бюджет на 2025 год.",
        "Сессия завершила работу. Вопрос о ремонте городского стадиона будет докладывать начальник отдела.",
    ],
)
def test_a_question_planned_for_a_meeting_to_come_is_not_an_item(nlp: Language, text: str) -> None:
    # No cue makes it an item: at most a weak phrase of action may stand in for a report that names nothing else.
    doc = nlp(text)
    assert [c for c in candidates(doc) if c.weight >= STRONG] == []


def test_an_amendment_of_nothing_named_is_not_an_item(nlp: Language) -> None:
    text = "Депутаты обсудили внесение изменений. Также они рассмотрели ремонт школ района."
    assert "внесение изменений" not in _issues(nlp, text)


def test_a_summing_up_is_an_item_with_what_it_sums_up(nlp: Language) -> None:
    text = "Вторым вопросом члены совета обсудили итоги независимой проверки качества питания в школах."
    assert any(i.startswith("итоги независимой проверки качества питания") for i in _issues(nlp, text))


@pytest.mark.parametrize("text", ["Подводя итоги, председатель поблагодарил всех.", "Совет рассмотрел итоги года."])
def test_a_summing_up_of_nothing_or_of_a_year_names_no_item(nlp: Language, text: str) -> None:
    assert not any(c.weight >= STRONG for c in candidates(nlp(text)))


def test_attention_promised_for_later_is_not_a_raised_question(nlp: Language) -> None:
    doc = nlp("Особое внимание будет уделено детям из сельских районов.")
    assert not any(c.kind == "attention" for c in candidates(doc))
    assert any(
        c.kind == "attention" for c in candidates(nlp("Особое внимание глава уделил детям из сельских районов."))
    )


def test_a_two_word_place_name_stays_whole_in_an_item(nlp: Language) -> None:
    text = "Вторым вопросом рассмотрено благоустройство сёл Казыбек би и Акжар к празднику Наурыз."
    assert any(i.startswith("благоустройство сёл Казыбек би") for i in _issues(nlp, text))


def test_a_persisting_shortfall_is_a_raised_problem(nlp: Language) -> None:
    doc = nlp("В школах района сохраняется нехватка учителей математики и физики.")
    assert any(c.kind == "problem" and c.weight >= 2.0 for c in candidates(doc))
    # A shortfall merely counted is a phrase of action, not a problem raised.
    assert not any(c.kind == "problem" for c in candidates(nlp("Дефицит кадров оценивается в 380 ставок.")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Спортзал отремонтирован, но не хватает средств на новый инвентарь.", "нехватка средств на новый инвентарь"),
        ("Фельдшеров в горных сёлах по-прежнему не хватает.", "нехватка фельдшеров"),
        # Things lacking together are one want.
        ("В колледже не хватает мастерских и преподавателей.", "нехватка мастерских и преподавателей"),
        ("У турбаз не хватает парковок и летних душевых.", "нехватка парковок и летних душевых"),
    ],
)
def test_what_is_lacking_is_a_want(nlp: Language, text: str, expected: str) -> None:
    """«не хватает X»: the want the golds word as «нехватка X», raised as a problem."""
    assert expected in _issues(nlp, text)


def test_a_lack_not_said_or_counted_is_no_want(nlp: Language) -> None:
    # «хватает» not negated says nothing is lacking; a counted subject is another verb's, misattached.
    assert not any(c.action == "нехватка" for c in candidates(nlp("Места в детском саду хватает всем детям.")))
    # What a place just named lacks is a detail of its story.
    doc = nlp("Хуже всего дела в Каменском и Озёрском районах, где не хватает ветеринаров.")
    assert not any(c.action == "нехватка" for c in candidates(doc))
    doc = nlp("В кружках занимаются 40 детей, однако не хватает тренеров.")
    assert [doc[c.start : c.end].text for c in candidates(doc) if c.action == "нехватка"] == ["тренеров"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Депутаты Нурлан Абдыкеримов и Эльмира Токтосунова задали вопросы о тарифах на оросительную воду и о "
            "сроках перехода на электронный учёт.",
            "тарифы на оросительную воду",
        ),
        (
            "Депутаты Кубат Осмонов и Гульнара Сыдыкова задали вопросы о ценах на поливную воду и о сроках перехода "
            "на электронный учёт.",
            "цены на поливную воду",
        ),
    ],
)
def test_what_a_price_is_on_stays_in_its_phrase(nlp: Language, text: str, expected: str) -> None:
    """«тарифах на оросительную воду», the «воду» hung by the parser on the next item's noun: what a price or a charge
    is on completes its phrase all the same."""
    assert expected in _issues(nlp, text)


def test_a_genitive_read_as_a_locative_stays_in_its_phrase(nlp: Language) -> None:
    """«о нехватке учителей-логопедов»: the tagger reads the hyphenated genitive after a locative as one too; a
    locative never goes without its preposition, so it is the want's complement."""
    found = _issues(nlp, "Директор школы рассказал о ремонте спортзала и о нехватке учителей-логопедов.")
    assert "нехватка учителей-логопедов" in found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A person's instruction given at the meeting names a question raised there, as a request does.
        ("Аким области поручил районам ускорить строительство жилья для переселенцев.", True),
        ("Мэр поручила управлению согласовать график вывоза отходов из частного сектора.", True),
        # A paper asked for is not the question itself.
        ("Председатель поручил дорожному управлению до 1 мая представить график ремонта мостов.", False),
        # A decision's «Поручить …» sets a task, a question of no one's raising.
        ("РЕШИЛИ: поручить отделу образования согласовать график вывоза отходов.", False),
    ],
)
def test_an_instruction_given_at_the_meeting_names_a_question(nlp: Language, text: str, kept: bool) -> None:
    doc = nlp(text)
    raised = [c.span(doc).text for c in candidates(doc) if c.kind == "proposal"]
    assert bool(raised) is kept
    if kept:
        meeting = replace(Findings(), meeting=MeetingFinding(title="совещание"))
        found = [i.text for i in issues.run(doc, meeting).issues]
        assert any(i.startswith(("строительство жилья", "график вывоза")) for i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a trouble is with is part of the question.
        ("Депутат обратила внимание на перебои с горячей водой в микрорайонах Актобе.", "перебои с горячей водой"),
        ("Депутат обратил внимание на задержки с выплатой пособий в сельских округах.", "задержки с выплатой пособий"),
        ("Аким обратил внимание на перебои с газом в посёлке Шахтёрском.", "перебои с газом"),
        # and whom a joint undertaking is with
        (
            "Депутаты обсудили сотрудничество с Гродненским аграрным университетом в подготовке кадров.",
            "сотрудничество с Гродненским аграрным университетом",
        ),
    ],
)
def test_a_trouble_keeps_what_it_is_with(nlp: Language, text: str, expected: str) -> None:
    assert any(i.startswith(expected) for i in _issues(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speaker's question on an action raises that action.
        (
            "Депутат спросил, почему затянулось строительство детского сада в микрорайоне.",
            "строительство детского сада",
        ),
        ("Депутат поинтересовалась, когда начнётся ремонт поликлиники на улице Мира.", "ремонт поликлиники"),
        ("Староста спросила, когда завершится газификация села Кызылжар.", "газификация села"),
    ],
)
def test_a_question_on_an_action_raises_it(nlp: Language, text: str, expected: str) -> None:
    doc = nlp(text)
    # Raised by the question, as a report is, not only as a phrase of action filling a short list.
    asked = [c.span(doc).text for c in candidates(doc) if c.kind == "report"]
    assert any(a.startswith(expected.split()[0]) for a in asked)
    meeting = replace(Findings(), meeting=MeetingFinding(title="сессия"))
    found = [i.text for i in issues.run(doc, meeting).issues]
    assert any(i.startswith(expected) for i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An agenda stated in a sentence: after a dash, after «N вопросов:», after «повестка включала».
        (
            "В повестке – отчёт о работе комитета, ремонт сельских клубов и подготовка к весеннему паводку.",
            ["ремонт сельских клубов", "подготовка к весеннему паводку"],
        ),
        (
            "На повестке дня стояли четыре вопроса: об исполнении бюджета поселения за 2023 год, о состоянии "
            "уличного освещения, о тарифах на вывоз мусора и о работе библиотек.",
            [
                "исполнение бюджета поселения за 2023 год",
                "состояние уличного освещения",
                "тарифы на вывоз мусора",
                "работа библиотек",
            ],
        ),
        (
            "Повестка включала вопросы газификации посёлка Лесного и строительства новой котельной.",
            ["газификация посёлка Лесного"],
        ),
        # The items named in the next sentence, after «В частности,»; «и другие» closes the list.
        (
            "В повестке дня были и другие вопросы. В частности, об исполнении бюджета поселения за 2024 год; "
            "о ремонте сельского клуба и другие.",
            ["исполнение бюджета поселения за 2024 год", "ремонт сельского клуба"],
        ),
    ],
)
def test_an_agenda_stated_in_a_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание"))
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert all(any(i.startswith(e) for i in found) for e in expected), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a speaker complains of, or criticises, is a problem raised.
        ("Глава хозяйства пожаловался на нехватку семян для весеннего сева.", "нехватка семян"),
        ("Жители посёлка жаловались на перебои с электричеством зимой.", "перебои с электричеством"),
        ("Депутат раскритиковал задержку выплат молодым учителям.", "задержка выплат"),
    ],
)
def test_what_a_speaker_complains_of_is_raised(nlp: Language, text: str, expected: str) -> None:
    doc = nlp(text)
    raised = [c.span(doc).text for c in candidates(doc) if c.kind == "report"]
    assert any(r.startswith(expected.split()[0][:5]) for r in raised), raised
    meeting = replace(Findings(), meeting=MeetingFinding(title="сессия"))
    assert any(i.text.startswith(expected) for i in issues.run(doc, meeting).issues)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a speaker asks about is raised; the date asked for is not the question, the work due is.
        ("Депутат спросила о сроках реконструкции котельной в посёлке Заречном.", "реконструкция котельной"),
        ("Житель села поинтересовался о сроках прокладки газопровода к фермам.", "прокладка газопровода"),
        ("Советник спросил о замене лифтов в многоквартирных домах.", "замена лифтов"),
    ],
)
def test_what_a_speaker_asks_about_is_raised(nlp: Language, text: str, expected: str) -> None:
    doc = nlp(text)
    # Raised by the question, as a report is, not only as a phrase of action filling a short list.
    asked = [c.span(doc).text for c in candidates(doc) if c.kind == "report"]
    assert any(a.startswith(expected.split()[0][:5]) for a in asked), asked
    meeting = replace(Findings(), meeting=MeetingFinding(title="сессия"))
    found = [i.text for i in issues.run(doc, meeting).issues]
    assert any(i.startswith(expected) for i in found), found
    assert not any(i.startswith("срок") for i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Work not finished is a problem the report raises.
        ("В двух сёлах района ещё не завершена прокладка водопровода.", "прокладка водопровода"),
        ("В гимназии № 3 не закончен ремонт актового зала.", "ремонт актового зала"),
    ],
)
def test_work_not_finished_is_a_raised_problem(nlp: Language, text: str, expected: str) -> None:
    doc = nlp(text)
    assert expected in [c.span(doc).text for c in candidates(doc) if c.kind == "problem"]


def test_a_decision_line_shortens_its_agenda_item(nlp: Language) -> None:
    """The decision's infinitive ends no phrase, and the item a report or decision names again in short (all its
    words the agenda item's) is the same item."""
    text = (
        "ПОВЕСТКА ДНЯ:\n1. Об исполнении бюджета городского поселения «Город Омутнинск» за 2024 год.\n"
        "СЛУШАЛИ: Иванову А.П. – об исполнении бюджета.\nРЕШИЛИ: отчет об исполнении бюджета утвердить (за – 12)."
    )
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание"))
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert found == ["исполнение бюджета городского поселения «Город Омутнинск» за 2024 год"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nouns of works on a settlement's networks and streets head an issue the text comes back to.
        (
            "Замена водопровода в селе Ключи затянулась. Глава села сообщил, что замена водопровода начнется в мае.",
            "замена водопровода",
        ),
        (
            "Очистка оросительных каналов идет медленно. Фермеры жалуются, что очистка оросительных каналов "
            "затянулась.",
            "очистка оросительных каналов",
        ),
        (
            "Жители пожаловались на перебои с водой. Перебои с водой в микрорайоне продолжаются вторую неделю.",
            "перебои с водой",
        ),
    ],
)
def test_works_and_failures_of_networks_are_issues(nlp: Language, text: str, expected: str) -> None:
    assert expected in [issue.lower() for issue in _issues(nlp, text)]


def test_two_actions_sharing_one_complement_are_one_issue(nlp: Language) -> None:
    """«вопрос сбора и вывоза бытовых отходов»: «сбор» has no complement of its own; it shares «бытовых отходов»."""
    found = _issues(nlp, "На заседании обсуждался вопрос сбора и вывоза бытовых отходов.")
    assert found == ["сбор и вывоз бытовых отходов"]


def test_a_phrase_inside_a_kept_one_is_that_issue(nlp: Language) -> None:
    """«О формировании и утверждении составов комиссий …»: its «утверждении …» alone is no second issue."""
    text = "Депутатам предстоит рассмотреть вопрос «О формировании и утверждении составов комиссий Совета депутатов»."
    assert _issues(nlp, text) == ["формирование и утверждение составов комиссий Совета депутатов"]


def test_a_count_of_things_is_no_issue(nlp: Language) -> None:
    """«рассмотрено 5 материалов»: how many, not what about (and never «5 материалы»)."""
    assert _issues(nlp, "На заседании комиссии рассмотрено 5 материалов.") == []


def test_whom_a_speaker_thanks_is_no_issue(nlp: Language) -> None:
    """«поблагодарил предыдущий состав общественников за совместную работу»: ceremony, not a question dealt with."""
    text = "Глава города поблагодарил предыдущий состав общественников за совместную работу."
    assert "предыдущий состав общественников за совместную работу" not in _issues(nlp, text)


def test_a_participle_after_the_items_noun_agrees_with_it(nlp: Language) -> None:
    """«О работе, проводимой в районе по благоустройству»: «проводимая», in the noun's new case."""
    text = "Повестка дня сессии:\n1. О работе, проводимой в районе по благоустройству населённых пунктов.\n2. Разное.\n"
    assert _issues(nlp, text)[0].startswith("работа, проводимая в районе")


def test_items_named_after_among_them(nlp: Language) -> None:
    """«рассмотрели ряд вопросов. Среди них: медицинское обслуживание, …»: the next sentence names the items."""
    text = "В ходе собрания рассмотрели ряд вопросов. Среди них: медицинское обслуживание и ремонт сельских дорог."
    assert _issues(nlp, text) == ["медицинское обслуживание", "ремонт сельских дорог"]


def test_a_deep_phrase_is_not_cut_inside_a_bodys_name(nlp: Language) -> None:
    text = (
        "Во вторник депутаты городского Совета на очередном заседании приняли решение о назначении выборов "
        "депутатов городского Совета депутатов восьмого созыва."
    )
    assert not any(issue.endswith("Совета") for issue in _issues(nlp, text))


def test_the_draft_of_a_budget_is_the_item_of_public_hearings(nlp: Language) -> None:
    text = "В здании сельского Дома культуры прошли публичные слушания по проекту бюджета поселения на 2024 год."
    assert _issues(nlp, text) == ["проект бюджета поселения на 2024 год"]


def test_a_pilot_project_is_no_draft(nlp: Language) -> None:
    text = "На форуме обсудили пилотный проект бюджета участия."
    assert "пилотный проект бюджета участия" not in _issues(nlp, text)


def test_a_law_title_after_its_issuers_name(nlp: Language) -> None:
    # The issuer («Республики Дагестан») stands between the draft's genitive and its long title.
    text = (
        "Первым рассмотрен проект закона Республики Дагестан «О внесении изменений в Закон Республики Дагестан "
        "«О мерах социальной поддержки ветеранов труда»»."
    )
    assert any(i.startswith("внесение изменений в Закон Республики Дагестан «О мерах") for i in _issues(nlp, text))


def test_the_agendas_full_wording_names_an_item_the_headline_paraphrased(nlp: Language) -> None:
    # A hyphenated word counts as a word of the item («медико-санитарной»), so the fuller wording is the longer.
    text = (
        "В комитете обсудили доступность медицинской помощи в сёлах.\n\n"
        "По второму вопросу – о доступности первичной медико-санитарной помощи в сёлах – доложила заместитель "
        "министра здравоохранения Марина Петрова."
    )
    # (A want keeps where it is felt: «в сёлах», as heldout-genre-14's gold words this item.)
    assert "доступность первичной медико-санитарной помощи в сёлах" in _issues(nlp, text)


def test_a_report_given_under_a_title_is_an_item(nlp: Language) -> None:
    text = "С докладом «О выполнении программы развития района за первый квартал» выступил глава района Иван Петров."
    assert any(i.startswith("выполнение программы развития района") for i in _issues(nlp, text))


def test_the_last_item_of_a_list_keeps_no_conjunction(nlp: Language) -> None:
    text = (
        "Состоялась сессия совета.\nНа повестку дня было вынесено два вопроса:\n"
        "- об образовании комиссии по социальному партнерству\n- и о создании рабочей группы по поддержке фермеров.\n"
    )
    assert "создание рабочей группы по поддержке фермеров" in _issues(nlp, text)


def test_a_genitive_list_the_parser_hung_on_a_first_members_dative(nlp: Language) -> None:
    text = (
        "В ходе сессии были рассмотрены вопросы подготовки к отопительному сезону, пассажирских перевозок в городе, "
        "утверждения правил совместного водопользования."
    )
    found = _issues(nlp, text)
    assert any(i.startswith("пассажирские перевозки") for i in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Coordinated adjectives: the parser hangs the «и» on the second one, inside the phrase all the same.
        (
            "Директор проинформировал о состоянии водопроводных и канализационных сетей и о заборе воды из реки.",
            "состояние водопроводных и канализационных сетей",
        ),
        # A lag names what it is from.
        (
            "Вместе с тем хяким указал на отставание от графика строительства очистных сооружений.",
            "отставание от графика строительства очистных сооружений",
        ),
    ],
)
def test_a_phrase_keeps_its_coordinated_adjectives_and_what_a_lag_is_from(
    nlp: Language, text: str, expected: str
) -> None:
    assert expected in _issues(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("РЕШИЛИ: включить освещение переходов в план на 2026 год.", "освещение переходов"),
        (
            "Депутат Иванов предложил включить ремонт оросительного канала в программу развития.",
            "ремонт оросительного канала",
        ),
    ],
)
def test_what_is_included_into_a_plan_is_a_question(nlp: Language, text: str, expected: str) -> None:
    # The plan is the verb's complement, though the parser hangs it on the object.
    assert _issues(nlp, text) == [expected]


def test_the_works_money_is_directed_to_are_questions(nlp: Language) -> None:
    text = (
        "Дополнительные средства в сумме 1,3 млн рублей направлены на ремонт кровли Дивинской средней школы "
        "и на подвоз учащихся из агрогородков."
    )
    assert _issues(nlp, text) == ["ремонт кровли Дивинской средней школы", "подвоз учащихся"]
    assert _issues(nlp, "Решили направить обращение в министерство.") == []


def test_each_title_listed_after_a_decision_is_an_item(nlp: Language) -> None:
    text = (
        "Депутаты рассмотрели вопрос о внесении изменений в решения областного маслихата «Об областном бюджете "
        "на 2025-2027 годы», «Об определении перечня категорий получателей жилищных сертификатов»."
    )
    found = _issues(nlp, text)
    assert "областной бюджет на 2025-2027 годы" in found
    assert "определение перечня категорий получателей жилищных сертификатов" in found


def test_an_agenda_run_on_after_questions_and_a_colon(nlp: Language) -> None:
    """«рассмотрены вопросы: об X; о Y; …»: each item runs to its semicolon, the last one's list-closing item apart."""
    text = (
        "На сессии были рассмотрены вопросы: об итогах работы районного маслихата за первое полугодие 2025 года; "
        "о подготовке объектов образования к отопительному сезону; о ходе реализации программы «Чистая вода»; "
        "организационный вопрос."
    )
    found = _issues(nlp, text)
    assert "итоги работы районного маслихата за первое полугодие 2025 года" in found
    assert "ход реализации программы «Чистая вода»" in found


def test_a_title_right_after_the_questions_noun(nlp: Language) -> None:
    """«По второму вопросу «О внесении изменений …» выступила …»: the title is the item, whole."""
    text = (
        "По второму вопросу «О внесении изменений в бюджет Черемховского района на 2025 год и на плановый период "
        "2026 и 2027 годов» выступила начальник финансового управления Анна Смирнова."
    )
    assert _issues(nlp, text) == [
        "внесение изменений в бюджет Черемховского района на 2025 год и на плановый период 2026 и 2027 годов"
    ]


def test_a_title_after_the_question_of_the_agenda(nlp: Language) -> None:
    """«По первому вопросу повестки дня «Об итогах …» выступил …»: the agenda after the question's noun announces the
    title as well."""
    text = (
        "По первому вопросу повестки дня «Об итогах работы отдела образования за 2025 год» выступил начальник "
        "отдела Олег Кравец."
    )
    assert _issues(nlp, text) == ["итоги работы отдела образования за 2025 год"]
    text = "По второму вопросу, «О бюджете района на 2026 год», выступила начальник отдела финансов Анна Ким."
    assert _issues(nlp, text) == ["бюджет района на 2026 год"]


def test_two_titles_sharing_half_their_words_are_two_items(nlp: Language) -> None:
    """The execution of last year's budget and next year's budget are two items, though one's words hold the other's."""
    text = (
        "По первому вопросу «Об исполнении бюджета города Рудного за девять месяцев 2025 года» выступила "
        "руководитель отдела финансов Анна Ким. По второму вопросу «О бюджете города Рудного на 2026–2028 годы» "
        "выступил заместитель акима Олег Ли."
    )
    assert _issues(nlp, text) == [
        "исполнение бюджета города Рудного за девять месяцев 2025 года",
        "бюджет города Рудного на 2026–2028 годы",
    ]


def test_numbered_paragraphs_of_a_report_are_the_agenda(nlp: Language) -> None:
    """«1. Об … – выступил …» and, a paragraph later, «2. О … – выступила …»: each numbered «О» line opens an item,
    which ends at the dash that goes on to its report."""
    text = (
        "Сессию открыл председатель кенеша.\n\n"
        "1. Об итогах работы школ района за 2025 год – выступил заведующий отделом образования Марат Исаев, "
        "который сообщил, что отремонтировано пять школ.\n\n"
        "Депутаты задали вопросы.\n\n"
        "2. О ремонте дорог в селе Ташкомур – выступила заместитель главы Айгуль Осмонова.\n"
    )
    found = _issues(nlp, text)
    assert found[:2] == ["итоги работы школ района за 2025 год", "ремонт дорог в селе Ташкомур"]


def test_the_people_heard_are_not_the_question(nlp: Language) -> None:
    text = "Депутат предложил ежеквартально заслушивать руководителей муниципальных предприятий."
    assert "руководители муниципальных предприятий" not in _issues(nlp, text)
    # What they were heard about is, though the parser hangs it on them.
    text = "На заседании заслушали руководителей коммунальных служб о подготовке жилого фонда к зиме."
    assert _issues(nlp, text) == ["подготовка жилого фонда к зиме"]


def test_a_phrase_and_a_title_run_across_a_wrapped_line(nlp: Language) -> None:
    """A bulletin typeset in short lines: a title and a phrase go on past the line's break, worded on one line."""
    text = (
        "По первому вопросу «Об итогах социально-экономического развития\n"
        "Лепельского района за 2025 год» с докладом выступил председатель\n"
        "райисполкома Игорь Шелег. Депутаты обсудили привлечение инвестиций\n"
        "в зону отдыха на берегу озера.\n"
    )
    found = _issues(nlp, text)
    assert "итоги социально-экономического развития Лепельского района за 2025 год" in found
    assert any(i.startswith("привлечение инвестиций в зону отдыха") for i in found)


def test_each_dative_of_a_devoted_meeting_is_an_item(nlp: Language) -> None:
    """«посвященное обеспечению … в период вегетации и внедрению водосберегающих технологий»: the second dative is a
    member of the list, with its adjective, however the parser hangs them."""
    text = (
        "В Ургенче прошло заседание коллегии, посвященное обеспечению водой посевов в период летней вегетации и "
        "внедрению водосберегающих технологий в Хорезмской области."
    )
    found = _issues(nlp, text)
    assert any(i.startswith("внедрение водосберегающих технологий") for i in found)


def test_an_instruction_given_by_a_name_with_an_initial(nlp: Language) -> None:
    """«Подводя итоги, Ж. Турдубаев поручил …»: the parser may take the initialled name for a parenthetical."""
    text = (
        "Подводя итоги, Ж. Турдубаев поручил акимам районов до 1 мая завершить очистку оросительных каналов, а "
        "областному управлению – обеспечить распределение семян через банк."
    )
    found = _issues(nlp, text)
    assert "очистка оросительных каналов" in found


def test_a_later_dative_hung_on_the_devoted_meeting(nlp: Language) -> None:
    """«заседание, посвященное подготовке к паводку, …, а также обеспечению населения электроэнергией»: the last
    dative of the list, which the parser hangs on the meeting's noun, is an item too."""
    text = (
        "Сегодня прошло заседание хукумата, посвященное подготовке к весеннему паводку, сходу лавин и селей, а также "
        "обеспечению населения электроэнергией."
    )
    found = _issues(nlp, text)
    assert "обеспечение населения электроэнергией" in found
    assert "сход" not in found


def test_the_next_about_member_after_a_name_with_a_dash(nlp: Language) -> None:
    """«вопросы о финансировании ремонта дороги Нахчыван – Ордубад и о заработной плате …»: the «и о Y» right after a
    member is the next one, wherever the parser hangs Y."""
    text = (
        "Депутат обратила внимание на водоснабжение сёл вдоль Араза, а депутаты Ровшан Гусейнзаде и Севиндж "
        "Ахмедова задали вопросы о финансировании ремонта дороги Нахчыван – Ордубад и о заработной плате сельских "
        "учителей, на которые ответил министр."
    )
    found = _issues(nlp, text)
    assert any(i.startswith("заработная плата") for i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (the count of the work left out, as everywhere)
        ("Депутат Иван Орлов рассказал о необходимости ремонта двух гидропостов на канале.", "ремонт гидропостов"),
        (
            "Депутат Лейла Алиева обратила внимание на необходимость выделить средства на ремонт школьной котельной.",
            "ремонт школьной котельной",
        ),
    ],
)
def test_what_is_needed_is_the_question(nlp: Language, text: str, expected: str) -> None:
    """«о необходимости ремонта …», «на необходимость увеличить средства на …»: the need's action, or the work its
    money is for, not the need."""
    found = _issues(nlp, text)
    assert expected in found
    assert not any(i.startswith("необходимость") for i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Депутат Таалайбек Ибраимов подчеркнул, что задолженность по земельному налогу за предприятиями города "
            "превышает 40 миллионов сомов.",
            "задолженность по земельному налогу за предприятиями города",
        ),
        ("Из-за маловодья реки в этом году ожидается дефицит поливной воды в районе.", "дефицит поливной воды"),
    ],
)
def test_a_shortfall_a_clause_tells_of_is_a_problem(nlp: Language, text: str, expected: str) -> None:
    assert any(i.startswith(expected) for i in _issues(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Доходы бюджета увеличены на 64 миллиона рублей. Дефицит бюджета не меняется.",
        "Собственные доходы выросли на 8 процентов. Просроченной кредиторской задолженности нет.",
    ],
)
def test_a_budget_deficit_or_an_absent_debt_is_no_problem(nlp: Language, text: str) -> None:
    """«Дефицит бюджета не меняется» is a line of accounts, «задолженности нет» a want said to be absent: no problem
    raised (at most a weak phrase of action)."""
    assert not [c for c in candidates(nlp(text)) if c.kind == "problem"]


def test_a_shortened_agenda_line_is_the_same_item(nlp: Language) -> None:
    """The agenda's «О бюджете города на 2026 год и плановый период» and a later paragraph's «1. О бюджете города» are
    one item: the shorter holds no year the longer does not."""
    text = (
        "Повестка дня:\n1. О бюджете города Рудного на 2026 год и плановый период 2027 и 2028 годов.\n"
        "2. О ремонте дорог.\n\nПо первому вопросу «О бюджете города Рудного» выступила Анна Ким.\n"
    )
    found = _issues(nlp, text)
    assert sum(1 for i in found if i.startswith("бюджет города Рудного")) == 1


def test_a_dash_line_under_a_numbered_item_is_its_rapporteur(nlp: Language) -> None:
    """«3. О поддержке фермеров↵– заместитель акима района …»: the items of a numbered list share its marker; the dash
    line goes on to who reported, no item of its own."""
    text = (
        "Повестка дня включала два вопроса.\n\n1. О поддержке фермерских хозяйств\n"
        "– заместитель акима района по вопросам сельского хозяйства Ерлан Сапаров. За год выдано 40 кредитов.\n\n"
        "2. О ремонте сельских дорог – выступил начальник отдела Марат Ибраев.\n"
    )
    found = _issues(nlp, text)
    assert "поддержка фермерских хозяйств" in found
    assert not any(i.startswith("заместитель") for i in found)


def test_a_numbered_item_ends_before_the_clause_of_what_was_done(nlp: Language) -> None:
    """«2. Об отчёте … о работе поликлиник депутаты приняли решение …»: the item ends where the clause's subject
    begins."""
    text = (
        "1. О ходе подготовки к поливному сезону выступил начальник управления ирригации.\n\n"
        "2. Об информации главного врача о работе сельских поликлиник депутаты приняли решение взять вопрос "
        "на контроль.\n"
    )
    found = _issues(nlp, text)
    assert any(i.endswith("о работе сельских поликлиник") for i in found)
    assert not any("депутаты" in i for i in found)


def test_numbered_items_quoted_as_titles_are_the_agenda(nlp: Language) -> None:
    """«1. «Об исполнении местного бюджета за 2025 год» – выступила …»: a numbered paragraph opening on a quoted «О …»
    title is an agenda item like an unquoted one."""
    text = (
        "Сессия утвердила повестку.\n\n"
        "1. «Об исполнении местного бюджета города Нарын за 2025 год» – выступила заведующая финансовым отделом. "
        "Доходы исполнены на 104 процента.\n\n"
        "2. «О тарифах на питьевую воду» – выступил директор водоканала. Тариф не менялся три года.\n"
    )
    found = _issues(nlp, text)
    assert "исполнение местного бюджета города Нарын за 2025 год" in found
    assert "тарифы на питьевую воду" in found


def test_a_crowded_report_fills_its_questions_up_to_its_speakers(nlp: Language) -> None:
    """A report where nine or more people spoke names about a question each: weak phrases of action fill the list up
    to the number of speakers, and are marked as fillers (the topics do not read them as agenda items)."""
    text = (
        "Очередная сессия районного маслихата прошла в актовом зале акимата района. В её работе приняли участие "
        "депутаты районного маслихата, аким района, его заместители, руководители отделов акимата, прокурор района, "
        "начальник районного отдела полиции, акимы сельских округов, представители общественных объединений и "
        "средств массовой информации, а также жители сельских округов района, пришедшие на сессию со своими "
        "вопросами к депутатам и к руководителям отделов.\n\n"
        "Депутаты обсудили исполнение бюджета района. Аким отметил, что в районе продолжается газификация сёл. "
        "Начальник отдела сообщил, что завершено строительство водопровода в селе Акжар. "
        "В селе Талап идёт ремонт моста через реку."
    )
    doc = nlp(text)
    speakers = tuple(PersonFinding(surname=f"Иванов{n}", spoke=True) for n in range(9))
    quiet = issues.run(doc, Findings())
    crowded = issues.run(doc, replace(Findings(), persons=speakers))
    assert len(crowded.issues) > len(quiet.issues)
    assert any(i.filler for i in crowded.issues)
    assert not any(i.filler for i in crowded.issues if i.text == "исполнение бюджета района")


def test_a_want_keeps_where_it_is_felt(nlp: Language) -> None:
    """«нехватка учителей в сельских школах»: a want names where it is felt (the first place, not a time)."""
    found = _issues(nlp, "Депутаты обсудили нехватку учителей в сельских школах в Нарынской области.")
    assert "нехватка учителей в сельских школах" in found
    found = _issues(nlp, "Депутаты обсудили нехватку учителей в 2025 году.")
    assert "нехватка учителей" in found


def test_a_headline_word_is_the_item_the_text_words_in_full(nlp: Language) -> None:
    """«ГЛАВЫ МУНИЦИПАЛИТЕТОВ ОБСУДИЛИ БЮДЖЕТИРОВАНИЕ И КАДРЫ» names by one word the «нехватка кадров в органах
    местного самоуправления» the text goes on to: one issue, not a bare «кадры» beside it."""
    text = (
        "ГЛАВЫ МУНИЦИПАЛИТЕТОВ ОБСУДИЛИ БЮДЖЕТИРОВАНИЕ И КАДРЫ\n\n"
        "Вторым вопросом обсуждалась нехватка кадров в органах местного самоуправления."
    )
    found = _issues(nlp, text)
    assert "кадры" not in found
    assert any(i.startswith("нехватка кадров") for i in found)


def test_a_member_that_repeats_its_onto_is_a_member(nlp: Language) -> None:
    """«указали на нехватку мест в детских садах и на состояние дороги»: the second «на X», hung by the parser on the
    first member's place, is a member of the list too."""
    found = _issues(nlp, "Депутаты указали на нехватку мест в детских садах и на состояние дороги Кармана – Навои.")
    assert any(i.startswith("состояние дороги") for i in found)


def test_quoted_words_that_open_on_a_law_are_no_law(nlp: Language) -> None:
    """«Закон не должен остаться на бумаге»: a speaker's quoted sentence that opens on «закон» names no law."""
    text = "Подводя итоги, председатель подчеркнула: «Закон не должен остаться на бумаге, мы будем требовать отчёт»."
    assert not any(i.startswith("Закон не должен") for i in _issues(nlp, text))
    assert "закон Димы Яковлева" in " ".join(_issues(nlp, "Депутаты обсудили «закон Димы Яковлева» и его последствия."))


def test_an_action_noun_keeps_its_object_hung_outside(nlp: Language) -> None:
    """«о ходе ремонта магистральных оросительных каналов»: the parser hangs the canals outside the phrase; right after
    a noun of action with no object of its own, a genitive noun group is what the action is done to."""
    text = (
        "Хоким района и директор водоканала проинформировали депутатов о ходе ремонта магистральных оросительных "
        "каналов и о строительстве сетей питьевого водоснабжения в горных кишлаках."
    )
    assert "ход ремонта магистральных оросительных каналов" in _issues(nlp, text)


def test_a_plan_keeps_its_term_hung_outside(nlp: Language) -> None:
    """«план мероприятий на второй квартал»: the term, hung by the parser on a noun before, belongs to the plan."""
    text = (
        "Участники рассмотрели ход выполнения рекомендаций по медицинскому обслуживанию мигрантов и план "
        "мероприятий на второй квартал."
    )
    assert "план мероприятий на второй квартал" in _issues(nlp, text)


def test_generic_nouns_alone_are_no_issue(nlp: Language) -> None:
    """«докладывать о ходе работ»: a frame of generic nouns says nothing of which question."""
    text = "Глава района поручил начальникам отделов еженедельно докладывать о ходе работ и о ходе газификации сёл."
    found = _issues(nlp, text)
    assert "ход работ" not in found
    assert any("газификация сёл" in i for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "Председателем заседания депутаты избрали Марата Исаева.",
        "Для тайного голосования председателем счётной комиссии избран депутат Марат Исаев.",
    ],
)
def test_a_post_of_the_sitting_is_procedure(nlp: Language, text: str) -> None:
    """The sitting's chair and its counting commission are its procedure, never an item."""
    assert not any(c.kind == "elect" for c in candidates(nlp(text)))
    posts = candidates(nlp("Председателем постоянной комиссии по бюджету избран депутат Марат Исаев."))
    assert any(c.kind == "elect" for c in posts)


def test_a_counted_agenda_is_parted_by_its_count(nlp: Language) -> None:
    """«рассмотрены три вопроса: X, Y и Z»: the count says how many items the sentence lists, each kept whole."""
    text = (
        "На заседании комиссии рассмотрены три вопроса: итоги ремонта школьных спортивных залов к новому учебному "
        "году, ход строительства очистных сооружений в северной части посёлка и работа службы по отлову собак."
    )
    assert _issues(nlp, text) == [
        "итоги ремонта школьных спортивных залов к новому учебному году",
        "ход строительства очистных сооружений в северной части посёлка",
        "работа службы по отлову собак",
    ]


def test_an_item_announced_by_its_number_runs_to_its_gloss(nlp: Language) -> None:
    """«Третий вопрос – о X, второе чтение.»: the numbered item is whole up to its gloss; a bill's stage is no issue."""
    text = (
        "Переходим дальше. Третий вопрос – о бюджете сельского поселения на 2027 год и плановый период 2028 и 2029 "
        "годов, второе чтение. Слово для доклада Ирине Павловне Захаровой."
    )
    assert _issues(nlp, text) == ["бюджет сельского поселения на 2027 год и плановый период 2028 и 2029 годов"]


def test_works_and_wants_a_meeting_hears_of_are_its_questions(nlp: Language) -> None:
    """A meeting's narrative tells of works on a named object with no cue: they fill a short list behind the phrases
    the cues found, and are no agenda items for the topics."""
    text = (
        "Депутаты обсудили подготовку к весеннему паводку. "
        # (past the lead, where any phrase of action counts for more)
        + "Заседание прошло в зале администрации района, в нём участвовали депутаты и приглашённые. " * 5
        + "Глава сельсовета Пётр Лукин сообщил, что летом подрядчик провёл работы на улицах посёлка. "
        "По его словам, в этом году завершён ремонт кровли сельской школы."
    )
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание районного совета"))
    found = {i.text: i.filler for i in issues.run(nlp(text), meeting).issues}
    assert found == {"подготовка к весеннему паводку": False, "ремонт кровли сельской школы": True}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Депутат Инна Рябова поинтересовалась сроками реконструкции стадиона в посёлке Лесной.",
            "реконструкция стадиона",
        ),
        (
            "Депутат Игорь Смолин спросил, когда будет заменено ограждение детской площадки у школы.",
            "ограждение детской площадки",
        ),
    ],
)
def test_what_a_speaker_asks_after_is_raised(nlp: Language, text: str, expected: str) -> None:
    """«поинтересовалась сроками X»: what «интересоваться» takes in the instrumental; «спросил, когда будет заменено
    X»: what the asked work is done to, whatever the noun."""
    assert any(i.startswith(expected) for i in _issues(nlp, text))


def test_a_complaint_of_a_form_read_as_locative(nlp: Language) -> None:
    """«пожаловался на очереди грузовиков»: «очереди» reads as locative as well as accusative; after a complaint it is
    what is complained of."""
    text = "Перевозчик Арам Саакян пожаловался на очереди автобусов на пограничном переходе."
    assert any(i.startswith("очеред") and i.endswith("автобусов") for i in _issues(nlp, text))


def test_the_work_or_readiness_of_a_body_alone_is_no_issue(nlp: Language) -> None:
    """«обсудили работу управления»: who works, not at what; «работу управления по вывозу снега» says at what."""
    assert _issues(nlp, "Депутаты обсудили работу управления и готовность банка.") == []
    found = _issues(nlp, "Депутаты обсудили работу управления по вывозу снега.")
    assert any(i.startswith("работа управления по вывозу снега") for i in found)


def test_preparing_for_winter_is_the_item_worded_in_full(nlp: Language) -> None:
    """«ГОТОВНОСТЬ К ЗИМЕ» in a headline and «подготовка объектов … к осенне-зимнему периоду» on the agenda are one
    question: the season is one however worded, readiness what preparation reaches; the fuller wording names it."""
    text = (
        "В АКИМАТЕ ОБСУДИЛИ ГОТОВНОСТЬ К ЗИМЕ\n\n"
        "Сегодня на совещании в акимате района рассмотрен вопрос о подготовке объектов образования и "
        "здравоохранения к осенне-зимнему периоду."
    )
    found = _issues(nlp, text)
    assert found == ["подготовка объектов образования и здравоохранения к осенне-зимнему периоду"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The work, not its amount: a count and its measure are left out.
        (
            "На совещании обсудили замену 3,5 километра водопроводных сетей и ремонт двух котельных.",
            ["замена водопроводных сетей", "ремонт котельных"],
        ),
        # The course of an action is the fuller phrase naming it, whichever comes first.
        (
            "Начальник отдела рассказал о ходе подготовки. Участники совещания обсудили подготовку объектов "
            "образования к отопительному сезону.",
            ["подготовка объектов образования к отопительному сезону"],
        ),
        (
            "Участники совещания обсудили подготовку объектов образования к отопительному сезону. Начальник отдела "
            "рассказал о ходе подготовки.",
            ["подготовка объектов образования к отопительному сезону"],
        ),
        # One word of an item already worded in full names that item.
        (
            "Депутаты рассмотрели вопрос об итогах исполнения районного бюджета за первое полугодие. Также обсудили "
            "бюджет.",
            ["итоги исполнения районного бюджета за первое полугодие"],
        ),
        # A work asked to be done is worded by its noun.
        (
            "Аким района Нурлан Сапаров поручил директору коммунального предприятия очистить дренажные каналы от ила.",
            ["очистка дренажных каналов"],
        ),
        (
            "Глава района Иван Петров поручил подрядчику отремонтировать пешеходный мост через реку.",
            ["ремонт пешеходного моста через реку"],
        ),
    ],
)
def test_works_worded_as_an_agenda_would(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("замена 2,4 километра тепловых сетей", "замена тепловых сетей"),
        ("ремонт 17 школ и 6 фельдшерско-акушерских пунктов", "ремонт школ и фельдшерско-акушерских пунктов"),
        ("план работы на 2025 год", "план работы на 2025 год"),
        ("плата 190 сомони за гектар", "плата 190 сомони за гектар"),
        ("ремонт школы 5 и гимназии", "ремонт школы 5 и гимназии"),
        ("приём граждан 14 марта", "приём граждан 14 марта"),
    ],
)
def test_counts_left_out(text: str, expected: str) -> None:
    assert issues._uncounted(text) == expected


def test_a_report_names_up_to_eight_questions(nlp: Language) -> None:
    """A report's narrative names more questions than a protocol's list: its weak phrases fill up to eight, not six."""
    text = (
        "Депутаты обсудили подготовку к весеннему паводку. "
        + "Заседание прошло в зале администрации района, в нём участвовали депутаты и приглашённые. " * 5
        + "Глава сельсовета Пётр Лукин сообщил, что в этом году завершён ремонт кровли сельской школы. "
        "Начато строительство водопровода в селе Озёрном. Продолжается реконструкция моста через реку Сосновку. "
        "Завершён капитальный ремонт дома культуры в посёлке Лесном. Идёт строительство фельдшерского пункта в селе "
        "Ключи. Жители жалуются на нехватку врачей в районной больнице. Выполнен ремонт дороги в селе Каменка. "
        "Начат ремонт спортивного зала в школе посёлка Горного."
    )
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание районного совета"))
    found = issues.run(nlp(text), meeting).issues
    assert len(found) == issues.REPORT_ISSUES
    assert found[0].text == "подготовка к весеннему паводку" and not found[0].filler


def test_the_body_words_in_full_what_the_headline_shortened(nlp: Language) -> None:
    """A press report's headline names an item in two words; the body, below it, words the same item in full."""
    text = (
        "Городской совет обсудил подготовку к паводку и исполнение бюджета\n\n"
        "Во вторник состоялась очередная сессия городского совета. "
        "Об исполнении городского бюджета за девять месяцев 2026 года проинформировал начальник финансового "
        "управления Олег Савин."
    )
    found = _issues(nlp, text)
    assert "исполнение городского бюджета за девять месяцев 2026 года" in found
    assert "исполнение бюджета" not in found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Инженер доложил о замене 3,8 километра канализационных сетей в микрорайоне Южном.",
            "замена канализационных сетей",
            "замена 3,8 километра",
        ),
        # a count of a measure of something is how much work, not a question
        (
            "Депутат обсудил ремонт дорог и попросил включить 2,7 км водопровода в план на будущий год.",
            "ремонт дорог",
            "2,7 км водопровода",
        ),
    ],
)
def test_a_count_of_work_names_what_it_measures(nlp: Language, text: str, expected: str, not_expected: str) -> None:
    found = _issues(nlp, text)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    "text",
    [
        "Депутаты обсудили ремонт дорог. Обсуждался и износ теплосетей, износ которых превышает 70 процентов.",
        "Депутаты обсудили ремонт дорог. Председатель предложил рассмотреть подобный документ в будущем.",
        "Депутаты обсудили ремонт дорог и приняли соответствующие решения Кенеша.",
        "Депутаты обсудили ремонт дорог и жалобы жителей Заречного района.",
    ],
)
def test_a_word_pointing_back_is_no_issue(nlp: Language, text: str) -> None:
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert not any("которых" in i or i.startswith(("подобный", "соответствующие", "жалобы")) for i in found)


def test_a_complaint_of_something_is_kept(nlp: Language) -> None:
    found = _issues(nlp, "Депутаты обсудили жалобы жителей на перебои с водой.")
    assert any("перебои с водой" in i for i in found)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Депутаты обсудили ремонт дорог. Депутат Петров попросил взять обращение на контроль.", "обращение"),
        ("Депутаты обсудили ремонт дорог и обращение к районной администрации.", "обращение"),
        ("Депутаты обсудили ремонт дорог. Депутат Иванов предложил составить список неплательщиков.", "список"),
        ("Депутаты обсудили ремонт дорог. Председатель предложил изучить опыт соседних районов.", "опыт"),
    ],
)
def test_an_appeal_of_nothing_or_a_means_proposed_is_no_issue(nlp: Language, text: str, not_expected: str) -> None:
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert not any(i.startswith(not_expected) for i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Депутаты обсудили обращение жителей о ремонте моста через реку.", "обращение жителей о ремонте моста"),
        (
            "В Твери палата провела общественные слушания «Обращение с медицинскими отходами в больницах».",
            "обращение с медицинскими отходами",
        ),
    ],
)
def test_an_appeal_about_something_and_handling_are_kept(nlp: Language, text: str, expected: str) -> None:
    assert any(i.lower().startswith(expected) for i in _issues(nlp, text))


def test_a_meeting_report_keeps_the_services_works_and_arrears_it_tells_of(nlp: Language) -> None:
    """Cleaning, clearing and tidying of a place, and arrears, told anywhere in a meeting's report, are questions its
    speakers raised, like repairs and wants."""
    text = (
        "Депутаты сельского совета обсудили подготовку к весеннему паводку. "
        + "Заседание прошло в зале администрации, в нём участвовали депутаты и приглашённые. " * 5
        + "Староста Иван Лукин рассказал, что в апреле планируется очистка дренажных канав в селе Озёрном. "
        "Бухгалтер сообщила, что растёт задолженность населения по земельному налогу."
    )
    meeting = replace(Findings(), meeting=MeetingFinding(title="заседание сельского совета"))
    found = [i.text for i in issues.run(nlp(text), meeting).issues]
    assert "очистка дренажных канав" in found
    assert any(i.startswith("задолженность населения по земельному налогу") for i in found)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Депутаты обсудили ремонт дорог и поддержку Всемирного банка.", "поддержка Всемирного банка"),
        ("Депутаты обсудили ремонт дорог и опыт Таджикистана.", "опыт Таджикистана"),
    ],
)
def test_a_bodys_backing_is_no_issue(nlp: Language, text: str, not_expected: str) -> None:
    """Support, share or experience followed by a body's or a country's name names who backs, not the question."""
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert not_expected not in found


def test_backing_of_a_common_noun_is_an_issue(nlp: Language) -> None:
    assert "поддержка молодых фермеров" in _issues(nlp, "Депутаты обсудили поддержку молодых фермеров.")


@pytest.mark.parametrize(
    ("text", "action", "body"),
    [
        (
            "Депутаты совета обсудили ремонт дорог и Открытую акционерную холдинговую компанию «Барки Точик».",
            "ремонт дорог",
            "Открытая акционерная холдинговая компания «Барки Точик»",
        ),
        (
            "На сессии обсуждались ремонт школ и Законодательная Дума Хабаровского края.",
            "ремонт школ",
            "Законодательная Дума Хабаровского края",
        ),
    ],
)
def test_a_body_found_by_its_name_is_no_issue(nlp: Language, text: str, action: str, body: str) -> None:
    """A phrase that is an organization's mention names who, not what about: the action beside it stays."""
    found = run_stages(nlp(text))
    assert body in [o.name for o in found.organizations]
    assert [i.text for i in found.issues] == [action]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В бюджете нет средств на санитарный автомобиль для амбулатории.", ["санитарный автомобиль для амбулатории"]),
        ("В бюджете нет денег на санитарный автомобиль для амбулатории.", ["санитарный автомобиль для амбулатории"]),
        ("Депутат попросил предусмотреть средства на новую пожарную машину.", ["новая пожарная машина"]),
        ("Остаток средств на начало года составил 3 млн рублей.", []),  # a time is when, not what for
    ],
)
def test_what_money_is_asked_for_is_a_want(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


def test_money_for_a_work_is_a_filler_for_topics(nlp: Language) -> None:
    """Kept for what it is, not for where or how often the text names it: the topics do not read it."""
    found = issues.run(nlp("Депутат попросил предусмотреть средства на новую пожарную машину."), Findings()).issues
    assert [(i.text, i.filler) for i in found] == [("новая пожарная машина", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Депутаты обсудили ремонт дорог и низкое освоение средств.",
        "Депутаты обсудили ремонт дорог и нехватку средств.",
    ],
)
def test_money_without_what_for_is_no_issue(nlp: Language, text: str) -> None:
    assert _issues(nlp, text) == ["ремонт дорог"]


def test_forces_and_means_are_an_issue(nlp: Language) -> None:
    text = "На совещании обсуждалась готовность сил и средств гражданской обороны к паводку."
    assert _issues(nlp, text) == ["готовность сил и средств гражданской обороны к паводку"]


def test_what_proposals_are_about_is_a_proposal(nlp: Language) -> None:
    doc = nlp("Депутаты внесли предложения по продлению автобусного маршрута.")
    found = [(doc[c.start : c.end].text, c.kind) for c in candidates(doc) if c.end > c.start]
    assert ("продлению автобусного маршрута", "proposal") in found
    assert _issues(nlp, doc.text) == ["продление автобусного маршрута"]


def test_the_handling_of_money_holds_what_it_is_for(nlp: Language) -> None:
    """«проверка расходования средств на …»: the audit is the phrase; what the money went to is inside it."""
    doc = nlp("Депутаты заслушали отчёт о проверке расходования средств на содержание детских садов.")
    assert not any(c.kind == "funded" for c in candidates(doc))


def test_what_is_provided_stays_with_the_provision(nlp: Language) -> None:
    """«обеспечения аулов | питьевой водой»: the instrumental the parser hangs elsewhere is what is provided."""
    text = (
        "На совещании рассмотрены вопросы ремонта сельских клубов, обеспечения аулов питьевой водой и очистки арыков."
    )
    assert "обеспечение аулов питьевой водой" in _issues(nlp, text)


def test_a_list_never_crosses_a_paragraph(nlp: Language) -> None:
    """A press page's headline has no full stop: its list does not run on into the lead's participants."""
    text = (
        "В акимате обсудили свет, газ и ремонт дорог\n\nВчера в здании акимата состоялось совещание с участием "
        "руководителей служб, председателей сходов, депутатов и представителей предприятий."
    )
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert not any(word in issue for issue in found for word in ("председател", "депутат", "представител"))


def test_a_draft_amending_an_act_is_worded_by_its_amendment(nlp: Language) -> None:
    """Too long for the draft's phrase, which would be cut to «законопроект о внесении»."""
    doc = nlp(
        "На повестке законопроект о внесении изменений в Закон «О питьевом водоснабжении» в части учёта воды "
        "на каждом водовыпуске."
    )
    found = [doc[c.start : c.end].text for c in candidates(doc) if c.kind == "act"]
    assert "внесении изменений в Закон «О питьевом водоснабжении»" in found
    assert "учёта воды" in found
    assert "законопроект о внесении" not in found


def test_a_bodys_remit_is_part_of_its_name(nlp: Language) -> None:
    """«заседание Комитета по социальным вопросам»: the «по X» after the body's head noun is its remit, wherever the
    parser hangs it, not what the meeting was about."""
    from models.grammars.issues import _remit_of_body

    doc = nlp("Прошло заседание Комитета по социальным вопросам и совещание по вопросам водоснабжения.")
    remits = [t for t in doc if t.dep_ == "nmod" and any(c.lower_ == "по" for c in t.children)]
    assert [(t.text, _remit_of_body(t)) for t in remits] == [("вопросам", True), ("вопросам", False)]


def test_a_fronted_report_with_its_verb_read_as_an_adjective(nlp: Language) -> None:
    """«… доложила↵начальник …»: the tagger reads the verb at the line's end as an adjective; the report's subject is
    read from the words, whole."""
    text = (
        "Об исполнении городского бюджета за январь – сентябрь 2026 года доложила\n"
        "начальник финансового управления Анна Петрова."
    )
    assert _issues(nlp, text) == ["исполнение городского бюджета за январь – сентябрь 2026 года"]


def test_institutions_in_the_plural_are_no_action(nlp: Language) -> None:
    """«руководители предприятий и учреждений района»: acts of instituting are not counted, institutions are."""
    text = "В совещании участвовали руководители предприятий и учреждений района. Обсуждены вопросы ремонта дорог."
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert not any("учрежден" in issue for issue in found)


def test_a_headlines_bare_noun_named_nowhere_else_is_no_issue(nlp: Language) -> None:
    """A press headline's shorthand list: the bare «газ» the body never comes back to is not an item."""
    text = (
        "Депутаты обсудили газ, освещение улиц и вывоз снега\n\n"
        "Вчера в районном акимате прошло совещание. Обсуждены вопросы освещения улиц в микрорайоне Восток, "
        "вывоза снега с дворовых территорий и ремонта дорог."
    )
    found = _issues(nlp, text)
    assert "газ" not in found
    assert any("вывоз снега" in issue for issue in found)


def test_things_counted_or_listed_are_no_question(nlp: Language) -> None:
    """«в ряде школ», «перечень площадок»: a counting noun outside a cue names a question only through a noun of
    questions or of action («ряд проблем водоснабжения»)."""
    text = (
        "В ряде сёл введён карантин, аким поручил подготовить перечень площадок. Рассмотрен ряд проблем водоснабжения."
    )
    assert _issues(nlp, text) == ["водоснабжение"]


def test_whom_a_payment_goes_to_stays_with_it(nlp: Language) -> None:
    """«предложила установить доплату | наставникам»: the dative the parser hangs on the verb is the payment's."""
    text = "Депутат предложила установить доплату наставникам молодых врачей в районных больницах."
    assert any(issue.startswith("доплата наставникам молодых врачей") for issue in _issues(nlp, text))


def test_the_merit_an_award_is_for_is_no_question(nlp: Language) -> None:
    text = (
        "Обсуждены вопросы ремонта дорог. В завершение за вклад в развитие сельского хозяйства грамотой "
        "награждён механизатор Иван Петров."
    )
    assert _issues(nlp, text) == ["ремонт дорог"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A noun its adjective completes is a question of its own; a removal keeps where it removes from.
        (
            "В акимате обсудили вопросы уличного освещения и вывоза мусора из частного сектора.",
            ["уличное освещение", "вывоз мусора из частного сектора"],
        ),
        # A bare noun of action still shares the next one's complement.
        ("Обсуждён вопрос сбора и вывоза бытовых отходов.", ["сбор и вывоз бытовых отходов"]),
    ],
)
def test_shared_complements_and_removals(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


def test_two_wordings_of_one_amendment_are_one_issue(nlp: Language) -> None:
    text = (
        "Депутаты городской думы рассмотрели поправки в городской бюджет. "
        "Также обсудили внесение изменений в бюджет Истры на 2026 год и ремонт дорог."
    )
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert sum(1 for i in found if "бюджет" in i) == 1


def test_amendments_of_two_acts_of_one_place_are_two_issues(nlp: Language) -> None:
    text = (
        "Депутаты обсудили изменения в Устав поселения. "
        "Также рассмотрели внесение изменений в Правила благоустройства территории поселения."
    )
    found = _issues(nlp, text)
    assert any("Устав" in i for i in found) and any("Правила благоустройства" in i for i in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "На сессии обсудили доступность поликлиник для людей с инвалидностью.",
            ["доступность поликлиник для людей с инвалидностью"],
        ),
        (
            "Депутаты рассмотрели трудоустройство лиц с инвалидностью по квоте.",
            ["трудоустройство лиц с инвалидностью по квоте"],
        ),
    ],
)
def test_the_property_of_a_group_of_people_stays_with_it(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


def test_an_act_named_by_its_subject_is_the_act_its_title_cites(nlp: Language) -> None:
    text = (
        "Комитет одобрил законопроект о семейных фермах. "
        "Депутаты рассмотрели проект Закона Республики «О семейных фермах» и ремонт дорог."
    )
    found = _issues(nlp, text)
    assert "ремонт дорог" in found
    assert [i for i in found if "ферм" in i] == ["проект Закона Республики «О семейных фермах»"]


def test_an_abbreviated_place_keeps_its_name(nlp: Language) -> None:
    found = _issues(nlp, "Депутаты обсудили ремонт моста в д. Каменка.")
    assert found == ["ремонт моста в д. Каменка"]


def test_a_complement_the_parser_labels_obl_stays_with_its_noun(nlp: Language) -> None:
    # (The parser hangs «за отопление» on «платёжки» as an «obl», a verb's dependent.)
    found = _issues(nlp, "Совет ветеранов обсудил капремонт и платёжки за отопление")
    assert any(i.endswith("платёжки за отопление") for i in found)


def test_an_agenda_items_election_is_the_election_the_narrative_tells(nlp: Language) -> None:
    text = (
        "Сегодня прошла сессия районного кенеша. На повестке дня стояли два вопроса.\n\n"
        "1. «О ремонте школы в селе Ак-Суу». Депутаты поддержали проект.\n\n"
        "2. «О выборах секретаря районного кенеша». Тайным голосованием секретарем кенеша избран депутат Урмат Алиев."
    )
    found = _issues(nlp, text)
    assert "ремонт школы в селе Ак-Суу" in found
    assert [i for i in found if "секретар" in i] == ["выборы секретаря районного кенеша"]


def test_a_question_of_nine_words_keeps_its_middle(nlp: Language) -> None:
    # Shrunk a level in depth, the phrase would lose «культуры» and when: «работа библиотек и домов».
    found = _issues(nlp, "Совет обсудил работу библиотек и домов культуры в период летних каникул школьников.")
    assert any(i.startswith("работа библиотек и домов культуры в период летних каникул") for i in found)


def test_an_appeal_to_a_body_whose_name_has_a_preposition_is_no_question(nlp: Language) -> None:
    text = "Жители обсудили обращение к управлению Министерства по чрезвычайным ситуациям и ремонт моста."
    found = _issues(nlp, text)
    assert not any(i.startswith("обращение") for i in found)
    assert "ремонт моста" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Староста спросил, когда будет решён вопрос с освещением кладбища.", ["освещение кладбища"]),
        ("Глава пообещал обсудить вопрос с областным управлением дорог.", []),  # whom it is settled with
    ],
)
def test_a_question_with_a_work_is_the_question_of_it(nlp: Language, text: str, expected: list[str]) -> None:
    assert _issues(nlp, text) == expected


def test_what_a_speaker_stands_for_is_a_proposal(nlp: Language) -> None:
    text = (
        "Сессия рассмотрела исполнение бюджета города за 2025 год и план работы совета на 2026 год. "
        "Доходы городского бюджета за год составили 812 миллионов рублей, что на четыре процента больше прошлогоднего. "
        "Расходы на образование выросли на семь процентов, на здравоохранение — на пять процентов. "
        "Председатель постоянной комиссии по бюджету отметил, что все социальные обязательства выполнены в срок. "
        "Депутат Иван Сорокин высказался за строительство крытого катка в микрорайоне Южный, "
        "а депутат Анна Белова — за ремонт тротуаров на улице Мира."
    )
    found = _issues(nlp, text)
    assert any(i.startswith("строительство крытого катка") for i in found)
    assert any(i.startswith("ремонт тротуаров") for i in found)


def test_what_a_numbered_items_verb_acts_on_is_that_item(nlp: Language) -> None:
    text = (
        "Сессия рассмотрела исполнение бюджета поселка за 2025 год и план работы совета на 2026 год. "
        "Доходы бюджета поселка за год составили 41 миллион рублей, что на три процента больше прошлогоднего. "
        "Расходы на культуру выросли на шесть процентов, на благоустройство — на девять процентов. "
        "Председатель постоянной комиссии по бюджету отметил, что все обязательства выполнены в срок. "
        "Третьим вопросом приняты изменения в устав сельского поселения."
    )
    assert "изменения в устав сельского поселения" in _issues(nlp, text)


def test_what_a_speaker_stands_for_is_raised_not_an_agenda_item(nlp: Language) -> None:
    """A filler: the topics read the agenda's items, not every speaker's stand."""
    text = "Депутат Пётр Ильин высказался за открытие нового автобусного маршрута до села Ключи."
    raised = [i for i in issues.run(nlp(text), Findings()).issues if i.text.startswith("открытие")]
    assert raised and all(i.filler for i in raised)
