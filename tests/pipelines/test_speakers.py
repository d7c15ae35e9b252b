"""Speakers stage: who spoke (and not everyone named did), quotes, the chair."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.stages import run_stages
from pipelines.stages.persons import find_persons
from pipelines.stages.speakers import _chaired_with_title, _own_title, mark_speakers


def _spoke(nlp: Language, text: str) -> dict[str, tuple[bool, str]]:
    doc = nlp(text)
    return {p.surname: (p.spoke, p.role) for p in mark_speakers(doc, find_persons(doc))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Депутат Иван Петров заявил, что бюджет будет исполнен.", {"Петров": (True, "speaker")}),
        (
            "Отметила в своем выступлении директор департамента А.С. Омурбекова, что работа продолжится.",
            {"Омурбекова": (True, "speaker")},
        ),
        ("По словам Сергея Иванова, решение уже принято.", {"Иванов": (True, "speaker")}),
        (
            "Заседание прошло под председательством Талант Мамытова. Депутаты избрали Бакыта Торобаева секретарем.",
            {"Мамытов": (True, "chair"), "Торобаев": (False, "mentioned")},
        ),
        ("Президент поблагодарил Анну Смирнову за работу.", {"Смирнова": (False, "mentioned")}),
        (
            "Господа Цыганков и Комаров не комментируют ситуацию.",
            {"Цыганков": (False, "mentioned"), "Комаров": (False, "mentioned")},
        ),
    ],
)
def test_who_spoke(nlp: Language, text: str, expected: dict) -> None:
    got = _spoke(nlp, text)
    assert {k: got[k] for k in expected} == expected


def test_pronoun_speech_goes_to_the_last_named_subject(nlp: Language) -> None:
    text = (
        "Глава исполкома Андрей Воробьев прокомментировал отставку. "
        "«Это внутреннее дело руководителя, он имеет полное право увольнять подчиненных», — сказал он."
    )
    doc = nlp(text)
    (person,) = mark_speakers(doc, find_persons(doc))
    assert person.spoke
    assert [doc.text[q.start : q.end] for q in person.quotes] == [
        "Это внутреннее дело руководителя, он имеет полное право увольнять подчиненных"
    ]


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        (
            "Затем выступили руководители. Нурболат Шаймерденов, аким города Экибастуза, – о ремонте сетей.",
            "Шаймерденов",
        ),
        ("Заслушаны информации. Хоким района Бахтиёр Норматов – о создании рабочих мест.", "Норматов"),
        ("По первому вопросу докладчик: руководитель отдела финансов Асель Байжанова.", "Байжанова"),
        # The first of two names joined before the dash reports too.
        (
            "Председатель общественного фонда «Луч» Айгерим Сапарова и юрист центра «Право» Ерлан Нуров – о "
            "бесплатной юридической помощи.",
            "Сапарова",
        ),
        # An agenda item heard, a dash, the reporter, and the report's content running on.
        (
            "Сессия районного Кенгаша.\n\n2. О развитии туризма\n– начальник отдела туризма хокимията Шухрат "
            "Каримов. В 2025 году\nрайон посетили 12 тысяч туристов.",
            "Каримов",
        ),
    ],
)
def test_a_dash_list_item_or_a_reporter_field_is_speech(nlp: Language, text: str, surname: str) -> None:
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons[surname].spoke


@pytest.mark.parametrize(
    ("text", "surname", "spoke"),
    [
        # A verb and its object that together report speech.
        ("Депутат Бакыт Сарыгулов задал вопрос о сроках ремонта водопровода.", "Сарыгулов", True),
        ("Член совета Руслан Ахметов обратил внимание на организацию горячего питания.", "Ахметов", True),
        ("По второму вопросу информацию дал директор центра Андрей Павлович Ветошкин.", "Ветошкин", True),
        ("Вопросы задавали депутаты Иван Петров и Ержан Калиев.", "Калиев", True),
        ("Модерировала дискуссию директор центра Анна Смирнова.", "Смирнова", True),
        # Verbs that state something when denied; affirmed, they do not.
        ("Член бюро партии Андрей Исаев не исключил лишения Рахимова партбилета.", "Исаев", True),
        ("Депутат Анна Смирнова не согласилась с докладчиком.", "Смирнова", True),
        ("Иван Петров исключил из списка двух кандидатов.", "Петров", False),
        # A topic set out to the meeting is speech; «осветить» alone is not.
        ("Вопросы водоснабжения осветили директор водоканала Марат Сеитов и инженер Анна Белова.", "Сеитов", True),
        ("Новые фонари осветили улицу, где живёт Марат Сеитов.", "Сеитов", False),
        # Speech announced for later is not speech given.
        ("С основным докладом выступит эксперт фонда Айжан Токтог.", "Токтог", False),
        ("Вопрос о благоустройстве парка будет докладывать руководитель отдела мэрии Гаяне Алекс.", "Алекс", False),
        # A passive speech verb is said of its subject: awarded, not speaking.
        ("Благодарственными письмами отмечены волонтёры Алина Федорова и Рустам Шайхутдинов.", "Федорова", False),
        # The name's clause goes on after a relative clause; the title heading it is the verb's subject.
        (
            "Депутат Кочкорского айылного кенеша Гулиза Осмоналиева, которая сама руководит швейным цехом, "
            "отметила, что главная проблема – залоговое обеспечение.",
            "Осмоналиева",
            True,
        ),
    ],
)
def test_speech_phrases_announcements_and_passives(nlp: Language, text: str, surname: str, spoke: bool) -> None:
    assert _spoke(nlp, text)[surname][0] is spoke


@pytest.mark.parametrize(
    ("text", "spoke"),
    [
        # Instructions are words addressed to a meeting that took place …
        ("Вчера состоялось заседание акимата. Аким Асхат Байгазин поручил ДЧС провести учения.", True),
        # … not a decision reported in news of other things.
        ("Президент РФ Дмитрий Медведев поручил правительству определиться с кандидатурой.", False),
    ],
)
def test_instructions_are_speech_at_a_meeting_held(nlp: Language, text: str, spoke: bool) -> None:
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    (person,) = persons.values()
    assert person.spoke is spoke


@pytest.mark.parametrize(
    ("text", "surname", "spoke"),
    [
        # A title with an abbreviation before the dash of a report list.
        (
            "Динара Смагулова, и.о. руководителя управления строительства, – о строительстве котельной.",
            "Смагулова",
            True,
        ),
        # An agenda's reporter with nothing said is the plan; a report given on the line is speech.
        (
            "Повестка дня сессии:\n1. О районном бюджете на 2023 год.\n"
            "Докладчик – начальник финансового отдела райисполкома Ольга Станиславовна Рудак.\n"
            "2. О программе развития района.\n",
            "Рудак",
            False,
        ),
        (
            "Рассмотрен проект бюджета.\nДокладчик – руководитель управления финансов области Ольга Полищук. "
            "Она пояснила, что доходная часть бюджета увеличена.",
            "Полищук",
            True,
        ),
        # A session's account: the item's quoted title, a dash, the reporter, and what was reported running on.
        (
            "На сессии рассмотрены два вопроса.\n\n1. «О ремонте дорог города Балыкчы в 2026 году» – заведующий "
            "отделом капитального строительства мэрии Азамат Орозалиев. Отремонтировано 12 километров улиц.",
            "Орозалиев",
            True,
        ),
    ],
)
def test_report_lists_and_agenda_reporters(nlp: Language, text: str, surname: str, spoke: bool) -> None:
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert persons[surname].spoke is spoke


def test_a_transcript_chair_announcing_the_reporter_is_not_the_report(nlp: Language) -> None:
    text = (
        "Председательствующий. Переходим к первому вопросу. Докладывает начальник управления Асанов Т.К.\n"
        "Асанов Т.К.: Уважаемые депутаты! Бюджет исполнен полностью.\n"
        "Председательствующий. Вопросы есть? Депутат Юсупова Д.Р., пожалуйста.\n"
        "Юсупова Д.Р.: Спасибо. Когда начнется ремонт дорог?\n"
        "Председательствующий. Переходим ко второму вопросу. "
        "Докладывает руководитель аппарата мэрии Сатыбалдиева Гулира Кадыровна.\n"
    )
    persons = {p.surname: p.spoke for p in run_stages(nlp(text)).persons}
    assert (persons["Асанов"], persons["Сатыбалдиева"]) == (True, False)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # Every name of a list a plural speech verb and a colon open.
        (
            "На сессии выступили: депутат Иван Петров, аким района Ержан Калиев и директор школы Анна Смирнова.",
            {"Петров": "speaker", "Калиев": "speaker", "Смирнова": "speaker"},
        ),
        # A name, its title and a colon before a quote.
        (
            "Вчера состоялось заседание комиссии.\n\n"
            "Айгуль Иванова, председатель комиссии по бюджету: «Мы должны завершить ремонт до осени».",
            {"Иванова": "speaker"},
        ),
        # A relative clause of the name that says something; one that tells what was done to them does not.
        (
            "Он сменит на посту госсекретаря Хиллари Клинтон, которая объявила о намерении уйти в отставку.",
            {"Клинтон": "speaker"},
        ),
        ("Депутаты поддержали Ивана Петрова, которого предложили в состав комиссии.", {"Петров": "mentioned"}),
        # The floor given; the chair who led the sitting; a phrase of informing.
        ("Слово было предоставлено главе района Ивану Петрову.", {"Петров": "speaker"}),
        ("Ход заседания вела Анна Смирнова.", {"Смирнова": "chair"}),
        # The cue and the meeting opening the sentence, the title and the name after them (read by order).
        ("Вёл заседание Глава Республики Алтай Эркин Сабашкин.", {"Сабашкин": "chair"}),
        ("Иван Петров довёл до сведения депутатов, что работы завершены.", {"Петров": "speaker"}),
        # Awarding and being thanked are not speech; a man's name in the genitive is not a woman's nominative.
        ("Иван Петров вручил грамоту Анне Смирновой.", {"Петров": "mentioned", "Смирнова": "mentioned"}),
        ("Депутаты поблагодарили Ивана Петрова за работу.", {"Петров": "mentioned"}),
        # A speech planned is not speech given; a report heard is.
        ("Выступление Ивана Петрова запланировано на следующее заседание.", {"Петров": "mentioned"}),
        ("Доклад Анны Смирновой будет заслушан на следующей сессии.", {"Смирнова": "mentioned"}),
        ("Заслушан отчёт главы администрации Ивана Петрова.", {"Петров": "speaker"}),
    ],
)
def test_speaker_lists_titled_quotes_and_the_floor(nlp: Language, text: str, roles: dict[str, str]) -> None:
    persons = {p.surname: p.role for p in run_stages(nlp(text)).persons}
    assert {k: persons[k] for k in roles} == roles


def test_a_pronoun_in_a_relative_clause_goes_to_its_antecedent(nlp: Language) -> None:
    text = (
        "Позже господин Хабиров был приглашен на работу в Кремль. Жесткой была реакция на интервью "
        "господина Рахимова газете, в котором он раскритиковал федеральный центр."
    )
    persons = {p.surname: p.spoke for p in run_stages(nlp(text)).persons}
    assert persons == {"Хабиров": False, "Рахимов": True}


def test_a_quote_attributed_to_a_bare_title_goes_to_the_person_holding_it(nlp: Language) -> None:
    text = (
        "Глава района Иван Петров осмотрел новую школу. "
        "«Работы будут завершены к сентябрю, все классы получат новую мебель», – подчеркнул глава района."
    )
    (person,) = run_stages(nlp(text)).persons
    assert person.spoke
    assert [text[q.start : q.end] for q in person.quotes] == [
        "Работы будут завершены к сентябрю, все классы получат новую мебель"
    ]


def test_a_bare_title_without_a_quote_is_not_credited(nlp: Language) -> None:
    text = "На сессии присутствовал заместитель министра Иван Петров. Заместитель министра поблагодарил депутатов."
    (person,) = run_stages(nlp(text)).persons
    assert not person.spoke


@pytest.mark.parametrize(
    ("text", "spoke"),
    [
        # The one the meeting was held with, named in the meeting sentence, then by the title opening a sentence.
        ("Вчера прошла встреча акима района Нурлана Бекова с жителями. Аким рассказал, что построено 40 домов.", True),
        (
            "Вчера прошла встреча министра образования Алии Омаровой с учителями. Учителя жаловались на нагрузку. "
            "Министр сообщила, что зарплаты вырастут.",
            True,
        ),
        # Named outside the meeting sentence: the bare title may be anyone holding it.
        (
            "В Ташкенте обсуждали планы. Министр образования Алия Омарова приехала в школу. "
            "Министр сообщила, что зарплаты вырастут.",
            False,
        ),
    ],
)
def test_a_bare_title_opening_a_sentence_is_the_one_the_meeting_was_held_with(
    nlp: Language, text: str, spoke: bool
) -> None:
    (person,) = run_stages(nlp(text)).persons
    assert person.spoke is spoke


@pytest.mark.parametrize(
    ("text", "spoke"),
    [
        ("Фермеры возмущены решением властей.\nХозяин крупной плантации Джино Дескальси:\nМы просто шокированы.", True),
        ("Контактное лицо Иван Петров:\nтел. 555-55-55", False),
    ],
)
def test_a_name_and_colon_ending_a_line_open_the_next_line_speech(nlp: Language, text: str, spoke: bool) -> None:
    (person,) = run_stages(nlp(text)).persons
    assert person.spoke is spoke


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speech verb with its object: «поднял вопрос».
        (
            "Вчера состоялась сессия районного совета. Депутат совета от Заречного округа Олег Сомов поднял вопрос "
            "о ремонте дорог.",
            {"Сомов": True},
        ),
        # The parser hangs the initial off the title and makes the surname the subject.
        (
            "Вчера состоялась сессия. Выступая в конце сессии, заместитель главы района Т. Мирзоева призвала "
            "руководителей служб усилить контроль за ценами.",
            {"Мирзоева": True},
        ),
        # An adverbial participle of speech under the subject's verb.
        (
            "Вчера состоялось заседание. Её поддержал член палаты Роман Ильич Фомин, руководитель регионального "
            "отделения партии, напомнив об удачном пилотном проекте.",
            {"Фомин": True},
        ),
        # A person who took no part in the talk is silent, whatever else she did.
        (
            "Вчера состоялись слушания. Алла Петровна Звягина в слушаниях участия в обсуждении не принимала, но "
            "передала модератору письменные предложения по тарифам.",
            {"Звягина": False},
        ),
        (
            "Вчера состоялось заседание. Депутат Иван Громов на заседании не выступал и ушёл до перерыва.",
            {"Громов": False},
        ),
    ],
)
def test_speech_shapes_of_meeting_reports(nlp: Language, text: str, expected: dict[str, bool]) -> None:
    found = {p.surname: p.spoke for p in run_stages(nlp(text)).persons}
    assert {surname: found.get(surname) for surname in expected} == expected


@pytest.mark.parametrize(
    ("text", "surname", "spoke"),
    [
        # The patronymic's ending shows the nominative where the tagger misreads a rare name's case.
        ("Сессию открыл и вел торага айыл кенеша Нурбек Жумабаевич Токтосунов.", "Токтосунов", True),
        ("Заседание открыла и вела председатель маслихата Айгерим Бакытжановна Нурланова.", "Нурланова", True),
        # The person the body heard gave the report; one heard in the future has not yet.
        (
            "Затем депутаты заслушали начальника отдела образования Бакыта Асанова о подготовке школ.",
            "Асанов",
            True,
        ),
        ("Члены комиссии заслушали директора фонда Ирину Сомову о ходе ремонта.", "Сомова", True),
        ("Депутаты заслушают директора фонда Ирину Сомову на следующей сессии.", "Сомова", False),
        # Support stated in the discussion is speech.
        (
            "Директор колледжа Олег Лукашик поддержал депутата: по его словам, мест в общежитии не хватает.",
            "Лукашик",
            True,
        ),
        ("Её поддержал фермер из Талды-Кургана Ерлан Сейтказин.", "Сейтказин", True),
    ],
)
def test_a_chair_by_patronymic_a_report_heard_and_support_said(
    nlp: Language, text: str, surname: str, spoke: bool
) -> None:
    assert _spoke(nlp, text)[surname][0] is spoke


@pytest.mark.parametrize(
    ("text", "surname", "spoke"),
    [
        # A paper that came in or was sent is someone's application or letter, not their speech.
        ("Поступило заявление формовщика Зырянова Д.О. о матпомощи в связи с пожаром.", "Зырянов", False),
        ("Комиссия получила заявление пенсионерки Ивановой А.П. о перерасчете пенсии.", "Иванова", False),
        ("В совет направлено сообщение директора школы Кравченко Н.Н. о нехватке учителей.", "Кравченко", False),
        # A paper someone else reported on: «о заявлении X» is the subject of another's words.
        (
            "Слушали Гергерта В.А. – о заявлении тракториста Байжанова С.Т. о приеме в члены кооператива.",
            "Байжанов",
            False,
        ),
        ("Председатель доложила об обращении пенсионерки Сидоровой Л.П. по поводу ремонта крыши.", "Сидорова", False),
        # A report or words given at the meeting still are.
        ("Депутаты заслушали доклад главы района Кузнецова В.А. о бюджете.", "Кузнецов", True),
        ("Затем прозвучало выступление директора лицея Абдрахманова Е.К. о летнем лагере.", "Абдрахманов", True),
    ],
)
def test_a_filed_paper_is_no_speech(nlp: Language, text: str, surname: str, spoke: bool) -> None:
    assert _spoke(nlp, text)[surname][0] is spoke


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # Who took the picture or wrote the text, and the share buttons after the credit, say nothing at the meeting.
        (
            "Депутат Ирина Соколова заявила, что ремонт завершат в мае.\n\n"
            "Фото: Павел Мельников / пресс-служба горсовета\n\nПоделиться: ВКонтакте | Telegram",
            "Мельников",
        ),
        (
            "Глава района Олег Титов сообщил о сроках ремонта.\n\nТекст: Марина Крылова\nПоделиться: ВК | ОК",
            "Крылова",
        ),
        (
            "Аким рассказал о паводках.\n\nАвтор фото: Ерлан Сапаров\nПоделиться с друзьями: WhatsApp | Telegram",
            "Сапаров",
        ),
    ],
)
def test_a_credit_line_names_no_speaker(nlp: Language, text: str, surname: str) -> None:
    assert _spoke(nlp, text)[surname] == (False, "mentioned")


def test_reading_a_draft_out_is_speech(nlp: Language) -> None:
    got = _spoke(nlp, "Секретарь совета Ольга Миронова зачитала проект постановления, его приняли единогласно.")
    assert got["Миронова"][0] is True


def test_a_joined_verb_with_its_own_subject_is_not_the_first_subjects_speech(nlp: Language) -> None:
    got = _spoke(
        nlp, "Инженер Анна Соколова, бывшая в отпуске, прислала письменные замечания; их зачитал Пётр Лебедев."
    )
    assert got["Лебедев"][0] is True
    assert got["Соколова"][0] is False


@pytest.mark.parametrize(
    ("text", "spoke"),
    [
        ("Заседание прошло. В обсуждении приняли участие депутаты Кузьмин и Ли.", True),
        ("Заседание прошло. В прениях участвовал депутат Кузьмин.", True),
        # Taking part in the meeting is not speaking in it.
        ("В заседании принял участие депутат Кузьмин.", False),
    ],
)
def test_taking_part_in_a_debate_is_speaking(nlp: Language, text: str, spoke: bool) -> None:
    assert _spoke(nlp, text)["Кузьмин"][0] is spoke


def test_a_bare_post_speaks_for_the_one_person_given_it_at_a_meeting(nlp: Language) -> None:
    """«Мэр города ответил»: in a meeting's report the one person the text made mayor, named before, answered."""
    text = (
        "Вчера в Кызыле прошла сессия городского Хурала. В работе сессии участвовали мэр города Айдын Донгак и "
        "прокурор города Виталий Кужугет. Депутат Начын Сат спросил о линии электропередачи. Мэр города ответил, "
        "что проект будет профинансирован."
    )
    spoke = {p.surname: p.spoke for p in run_stages(nlp(text)).persons}
    assert spoke["Донгак"] and not spoke["Кужугет"]


def test_a_report_after_its_subject_is_speech_though_tagged_a_participle(nlp: Language) -> None:
    """«О ходе … доложила начальник отдела …»: after a long «О …» the tagger reads the verb as a passive participle;
    its form is a past verb's."""
    text = (
        "Сегодня состоялось заседание райисполкома. О ходе выполнения мероприятий по благоустройству населенных "
        "пунктов района в 2025 году и наведении порядка на земле в 2026 доложила начальник отдела "
        "жилищно-коммунального хозяйства райисполкома Галина Игнатенко."
    )
    spoke = {p.surname: p.spoke for p in run_stages(nlp(text)).persons}
    assert spoke["Игнатенко"]


def test_the_conjuncts_of_a_titled_list_of_subjects_speak_with_it(nlp: Language) -> None:
    text = "Члены комиссии А.В. Петров, С.Н. Иванов, О.Л. Сидоров и К.Р. Борисов представили отчеты о работе за год."
    got = _spoke(nlp, text)
    assert {k: got[k][0] for k in ("Петров", "Иванов", "Сидоров", "Борисов")} == dict.fromkeys(
        ("Петров", "Иванов", "Сидоров", "Борисов"), True
    )


def test_the_conjuncts_of_an_object_list_stay_silent(nlp: Language) -> None:
    got = _spoke(nlp, "Глава района наградил грамотами А.В. Петрова, С.Н. Иванова и К.Р. Борисова.")
    assert not any(spoke for spoke, _ in got.values())


def test_an_object_hung_on_the_subjects_title_does_not_speak(nlp: Language) -> None:
    got = _spoke(nlp, "Глава региона Андрей Клычков представил нового министра здравоохранения Ольгу Петрову.")
    assert got["Клычков"][0] and not got["Петрова"][0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The dash after «, а <name>» stands for the speech verb of the clause before.
        (
            "Депутат Игорь Лапин предложил продлить приём заявок, а Ольга Рябова – увеличить число грантов.",
            {"Лапин": (True, "speaker"), "Рябова": (True, "speaker")},
        ),
        # The dash that denies it is no speech.
        (
            "Игорь Лапин поддержал проект, а Ольга Рябова – нет.",
            {"Лапин": (True, "speaker"), "Рябова": (False, "mentioned")},
        ),
        ("Жительница посёлка Ольга Рябова посетовала на отсутствие освещения.", {"Рябова": (True, "speaker")}),
        # A title between «, а» and the name: the same gap.
        (
            "Депутат Игорь Лапин предложил продлить приём заявок, а директор ООО «Северный мост» Ольга Рябова – "
            "увеличить число грантов.",
            {"Лапин": (True, "speaker"), "Рябова": (True, "speaker")},
        ),
        # The speech of the clause before said by a participle of its persons.
        (
            "Выступили фермер Игорь Лапин и глава села Анна Титова, попросившие отремонтировать мост, а начальник "
            "управления дорог Ольга Рябова – выделить технику.",
            {"Рябова": (True, "speaker")},
        ),
        # The parser hangs the second clause's verb on the first clause's subject: the name before it says it.
        (
            "Главврач Ирина Мох сказала о прививках, а начальник районного отдела внутренних дел подполковник "
            "милиции Азамат Токоев заверил, что порядок будет обеспечен.",
            {"Мох": (True, "speaker"), "Токоев": (True, "speaker")},
        ),
        # What a thanked person did is why they are thanked, not speech at the meeting.
        (
            "Отдельно прозвучала благодарность медицинской сестре детской поликлиники Анне Рыбак, которая провела "
            "выездную вакцинацию в 11 организациях.",
            {"Рыбак": (False, "mentioned")},
        ),
        (
            "Отдельно прозвучала благодарность медицинской сестре прививочного кабинета детской поликлиники Анне "
            "Рыбак, которая провела выездную вакцинацию.",
            {"Рыбак": (False, "mentioned")},
        ),
        # A greeting another passed on is not its author's speech.
        (
            "Иван Рыжов также передал участникам приветствие главы района Александра Тихонова, который не смог "
            "присутствовать из-за командировки.",
            {"Рыжов": (True, "speaker"), "Тихонов": (False, "mentioned")},
        ),
        # A title and a dash that denies it.
        (
            "Депутат Игорь Лапин поддержал проект, а директор школы Ольга Рябова – нет.",
            {"Рябова": (False, "mentioned")},
        ),
    ],
)
def test_a_gapped_speech_verb_and_a_complaint(nlp: Language, text: str, expected: dict) -> None:
    got = _spoke(nlp, text)
    assert {k: got[k] for k in expected} == expected


def test_each_title_and_name_of_a_heard_reports_list_spoke(nlp: Language) -> None:
    # The parser hangs the second title off the first; the comma and the title still list its name.
    text = (
        "Были заслушаны отчёты руководителя областного управления культуры, архивов и документации Ерлана Касымова, "
        "исполняющей обязанности руководителя областного управления координации занятости и социальных программ "
        "Гульнар Абеновой."
    )
    got = _spoke(nlp, text)
    assert got["Касымов"][0] and got["Абенова"][0]


def test_what_a_thanked_persons_clause_says_is_not_speech(nlp: Language) -> None:
    text = "Участники заседания поблагодарили сторожа школы Петра Ильина, который вовремя сообщил о пожаре."
    assert _spoke(nlp, text)["Ильин"] == (False, "mentioned")


def test_a_plural_bare_title_is_the_group_not_the_last_named(nlp: Language) -> None:
    text = (
        "2 апреля состоялась сессия городского Совета, в работе которой приняла участие депутат Верховного Совета "
        "Нина Гуцу. Депутаты просили обратить внимание на подтопления у крепости."
    )
    # The whole pipeline: the title credit needs the posts the positions stage gives.
    assert not {p.surname: p.spoke for p in run_stages(nlp(text)).persons}["Гуцу"]


def test_a_name_the_verb_acts_on_after_a_subject_title_is_silent(nlp: Language) -> None:
    # An unknown name's accusative the tagger reads as a second subject of the verb: the title before the verb is
    # its subject, the name after it the one presented (real reports of kenesh sessions).
    assert _spoke(nlp, "Затем глава региона представил Бахтиёржона Салимжонова.")["Салимжонов"][0] is False
    assert _spoke(nlp, "Затем доклад представил глава района Иван Петров.")["Петров"][0] is True


def test_the_leader_of_the_session_chairs_it(nlp: Language) -> None:
    # «под руководством» of the sitting itself is its chair (Tajik reports of a Majlis' sessions), not of works.
    text = "Сессия прошла под руководством Председателя Маджлиса народных депутатов города Душанбе Рустами Эмомали."
    assert _spoke(nlp, text)["Эмомали"] == (True, "chair")
    assert _spoke(nlp, "Работы ведутся под руководством главы района Ивана Петрова.")["Петров"][0] is False


def test_a_chair_marked_in_a_list_of_those_present_chairs(nlp: Language) -> None:
    text = (
        "Заседание Совета депутатов Сергиевского района.\n"
        "Присутствовали: Иванов И.И. (председательствующий, глава района), Петров П.П. (депутат).\n"
    )
    spoke = _spoke(nlp, text)
    assert spoke["Иванов"] == (True, "chair")
    assert spoke["Петров"][1] != "chair"


def test_a_headline_verb_across_a_blank_line_is_no_ones_speech(nlp: Language) -> None:
    # A headline without a point runs into the first paragraph's sentence; its verb is not the attendees'.
    text = (
        "Депутаты утвердили бюджет и спросили с коммунальщиков за подготовку к зиме\n\n"
        "20 ноября состоялась сессия городского маслихата, в работе которой приняли участие аким города "
        "Нурлан Темиров, депутат областного маслихата Виталий Ремезов и секретарь маслихата Айгерим Садыкова."
    )
    spoke = _spoke(nlp, text)
    assert not spoke["Ремезов"][0] and not spoke["Садыкова"][0]


def test_a_co_report_is_speech(nlp: Language) -> None:
    text = "Содоклад по данному вопросу сделал председатель постоянной комиссии Дмитрий Павлович Коваль."
    assert _spoke(nlp, text)["Коваль"][0]
    text = "Затем был заслушан содоклад председателя постоянной комиссии Ивана Петровича Сидоренко."
    assert _spoke(nlp, text)["Сидоренко"][0]


def test_a_name_the_parser_joins_to_a_name_apart_takes_not_its_verbs(nlp: Language) -> None:
    text = (
        "По второму вопросу выступил вновь избранный мэр Э. Абдрахманов, предложивший на должность вице-мэра по "
        "социальным вопросам кандидатуру Чолпон Мамытовны Ибраимовой, возглавлявшей управление образования мэрии."
    )
    spoke = _spoke(nlp, text)
    assert spoke["Абдрахманов"][0] and not spoke["Ибраимова"][0]


def test_a_name_far_on_across_the_subjects_verb_is_not_its_apposition(nlp: Language) -> None:
    text = (
        "Председатель комитета Татьяна Иванова подчеркнула, что депутаты ждут заключений палаты, и вручила "
        "Почётные грамоты инспектору палаты Галине Михайловне Шпак и главному специалисту Ольге Бирюк."
    )
    spoke = _spoke(nlp, text)
    assert spoke["Иванова"][0] and not spoke["Шпак"][0] and not spoke["Бирюк"][0]


def test_a_position_set_out_is_speech(nlp: Language) -> None:
    text = "Позицию министерства изложил первый заместитель министра Денис Олегович Гараев."
    assert _spoke(nlp, text)["Гараев"][0]


def test_a_name_in_a_clause_subordinate_to_the_speech_verb_did_not_say_it(nlp: Language) -> None:
    text = (
        "Открывая заседание, Тамерлан Гаглоев предложил дополнить повестку вопросом об избрании заместителя "
        "председателя, поскольку Алан Дзиов, ранее занимавший эту должность, перешёл на работу в правительство."
    )
    spoke = _spoke(nlp, text)
    assert spoke["Гаглоев"][0] and not spoke["Дзиов"][0]


def test_a_lead_in_with_a_colon_goes_on_past_a_blank_line(nlp: Language) -> None:
    spoke = _spoke(nlp, "На сессии выступили:\n\nаким города Болат Нуров и депутат Иван Петров.")
    assert spoke["Нуров"][0] is True


def test_attendees_after_the_chairs_clause_do_not_share_his_verb(nlp: Language) -> None:
    # The parser may hang a long list of attendees on the chair's title; the sitting he held is none of theirs.
    text = (
        "Вчера в Речицком районном исполнительном комитете состоялось выездное заседание Постоянной комиссии Палаты "
        "представителей Национального собрания Республики Беларусь по социальной политике, которое провёл "
        "председатель Постоянной комиссии Олег Петрович Сидоренко, а в его работе приняли участие депутаты Палаты "
        "представителей Анна Сергеевна Ковальчук и Пётр Иванович Лис, член Совета Республики Национального собрания "
        "Республики Беларусь Василий Гром, заместитель председателя Гомельского областного исполнительного комитета "
        "Иван Иванович Мороз, председатель Речицкого районного исполнительного комитета Сергей Вербицкий, "
        "председатель Речицкого районного Совета депутатов Ольга Николаевна Савчук, руководители организаций района, "
        "а также представители Министерства труда и социальной защиты Республики Беларусь."
    )
    spoke = _spoke(nlp, text)
    assert spoke["Сидоренко"][0] is True
    assert not any(spoke[s][0] for s in ("Ковальчук", "Лис", "Гром", "Мороз", "Вербицкий", "Савчук"))


def test_a_name_after_a_republics_name_has_the_post_before_them(nlp: Language) -> None:
    text = (
        "Заместитель председателя Совета Министров Республики Каракалпакстан Б. Ембергенов обратил внимание на сроки."
    )
    assert _spoke(nlp, text)["Ембергенов"][0] is True


def test_a_name_in_another_case_past_the_subjects_verb_is_not_the_subject(nlp: Language) -> None:
    # The parser may hang the recipient of an award far back on the subject's title.
    text = (
        "В завершение секретарь городского маслихата Ерлан Муратович Сапаров поблагодарил коллег за работу и вручил "
        "благодарственные письма маслихата председателю 00 «Совет ветеранов города Балхаша» Кульпаше Жумабаевой и "
        "волонтеру Ивану Петренко."
    )
    spoke = _spoke(nlp, text)
    assert spoke["Сапаров"][0] is True
    assert spoke["Жумабаева"][0] is False


def test_setting_out_a_point_of_view_is_speech(nlp: Language) -> None:
    assert _spoke(nlp, "Свою точку зрения изложила депутат Анна Смирнова.")["Смирнова"][0] is True


def test_a_gapped_clause_s_addressee_is_no_speaker(nlp: Language) -> None:
    # After «, а» the dash stands for the verb before; a title or name in the dative there is whom it was said to.
    text = (
        "Вчера состоялось заседание акимата. Подводя итоги, аким области М. Султангазиев поручил акимам районов до "
        "1 ноября завершить подготовку к зиме, а руководителю аппарата акима области Ерлану Кабдолову – взять на "
        "контроль исполнение поручений."
    )
    assert _spoke(nlp, text) == {"Султангазиев": (True, "speaker"), "Кабдолов": (False, "mentioned")}


def test_an_agenda_list_item_with_its_reporter_is_no_speech(nlp: Language) -> None:
    text = (
        "ПОВЕСТКА ДНЯ:\n1. О бюджете – начальник финансового отдела Нодира Исмоилова.\n"
        "2. О благоустройстве – заместитель хокима Бахтиёр Рашидов.\n"
    )
    persons = {p.surname: p for p in run_stages(nlp(text)).persons}
    assert not persons["Исмоилова"].spoke and not persons["Рашидов"].spoke


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Details or figures given are speech, whoever the inverted subject is.
        (
            "Цифры о собираемости налогов привёл начальник налоговой службы района Эрлан Садыков.",
            {"Садыков": (True, "speaker")},
        ),
        # An active participle of speech in the nominative after the name says what the name said…
        (
            "На встрече присутствовала заместитель директора Нарынской обсерватории имени Сабыра Туси Айгуль Кадырова, "
            "рассказавшая о планах открыть музей.",
            {"Кадырова": (True, "speaker")},
        ),
        # …not a participle of anything else.
        (
            "На сходе был директор школы Пётр Сидоров, возглавивший школу в 2010 году.",
            {"Сидоров": (False, "mentioned")},
        ),
        # A region's double name joins its names with a dash inside the title.
        (
            "Директор Фонда социального страхования Кемеровской области – Кузбасса Олег Иванович Петров рассказал о "
            "выплатах.",
            {"Петров": (True, "speaker")},
        ),
    ],
)
def test_speech_past_a_title_s_tail(nlp: Language, text: str, expected: dict) -> None:
    got = _spoke(nlp, text)
    assert {k: got[k] for k in expected} == expected


def test_a_chair_named_right_after_under_the_chairmanship_of(nlp: Language) -> None:
    # The parser hangs a long name after «под председательством» on the body that met; the chair is the name's still.
    got = _spoke(
        nlp,
        "Вчера Комитет Жогорку Кенеша по аграрной политике под председательством Нурбека Асылбековича Жумагулова "
        "рассмотрел проект Закона «О пастбищах».",
    )
    assert got["Жумагулов"] == (True, "chair")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words said to the meeting: «произнёс слова поздравления».
        (
            "Тёплые слова в адрес ветеранов произнёс заместитель главы района Тимур Аскаров.",
            {"Аскаров": (True, "speaker")},
        ),
        # Support sent in writing is not said at the meeting.
        (
            "Глава соседней общины Ольга Бенеску письменно поддержала предложение о ремонте моста.",
            {"Бенеску": (False, "mentioned")},
        ),
        # A protocol's item heading names the one who gave the information heard.
        (
            "3. Об информации начальника отдела образования Сардора Хамидова о подготовке школ к зиме депутаты "
            "приняли решение взять вопрос на контроль.",
            {"Хамидов": (True, "speaker")},
        ),
    ],
)
def test_said_written_and_heard(nlp: Language, text: str, expected: dict) -> None:
    got = _spoke(nlp, text)
    assert {k: got[k] for k in expected} == expected


def test_an_absent_reporter_did_not_speak(nlp: Language) -> None:
    # «В связи с отсутствием X» cancels X's «Докладчик:» line; the one who stood in spoke.
    got = _spoke(
        nlp,
        "2. О графике полива.\nДокладчик: Бекешев А.Н. – директор водоканала.\n"
        "В связи с отсутствием Бекешева А.Н. информацию представил Сатыбалдиев К.М.: полив пойдёт по очереди.",
    )
    assert got["Бекешев"] == (False, "mentioned")
    assert got["Сатыбалдиев"][0]


def test_a_bare_title_with_a_name_before_its_verb_is_that_name_s(nlp: Language) -> None:
    # The parser hung the name off the title's tail; the title's verb is hers, not the last deputy's named before.
    got = _spoke(
        nlp,
        "Вчера состоялась сессия городского маслихата, в работе которой приняли участие аким города Нурлан Касымов и "
        "депутат областного маслихата Ерлан Жаксылыков. Депутат, член фракции партии «AMANAT» в городском маслихате "
        "Гульнара Сагинтаева предложила расширить перечень льгот.",
    )
    assert got["Жаксылыков"] == (False, "mentioned")
    assert got["Сагинтаева"][0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Who keeps the minutes of a meeting neither chairs nor speaks.
        (
            "Протокол заседания вела секретарь комиссии Дарина Осипчук. "
            "Заседание вёл председатель комиссии Павел Грач.",
            {"Осипчук": (False, "mentioned"), "Грач": (True, "chair")},
        ),
    ],
)
def test_the_minutes_keeper_is_no_chair(nlp: Language, text: str, expected: dict) -> None:
    got = _spoke(nlp, text)
    assert {k: got[k] for k in expected} == expected


def test_a_title_before_a_finite_verb_is_not_the_name_s_after_it(nlp: Language) -> None:
    # «Глава общины поручил руководителю X»: the verb's subject is the first title, not the name of the one instructed
    # (a tagger misreading the dative name as a nominative took «Глава» for its title and the verb for its speech).
    doc = nlp("Глава села поручил инженеру Тиграну Варданяну проверить насосы.")
    name = next(span for span in doc.ents if span.label_ == "PER")
    assert not _own_title(doc[0], name)


def test_a_titled_chair_read_from_the_words_order(nlp: Language) -> None:
    # A headline without a stop run into the report's first sentence leaves the parser hanging the name elsewhere; the
    # cue, the post and the name in a row still make the chair. A name after a comma or a verb is not the post's.
    doc = nlp(
        "Сегодня в Таразе под председательством министра финансов Республики Казахстан Ержана Болатовича Сейтказина "
        "состоялось заседание совета. Под председательством министра прошло совещание, выступил Данияр Асанов."
    )
    first, second = (span for span in doc.ents if span.label_ == "PER")
    assert _chaired_with_title(first)
    assert not _chaired_with_title(second)


def test_a_pronoun_opening_a_sentence_stands_for_the_one_person_named_before(nlp: Language) -> None:
    # The only person of the sentence before is named in the dative; «Он сообщил» is his report, not the report of the
    # man named as a subject a sentence further back.
    got = _spoke(
        nlp,
        "Совещание провёл аким района Берик Омаров. Директору ТОО «Жылу Сервис» Канату Исмаилову было предложено "
        "доложить о подготовке котельных. Он сообщил, что ремонт трёх котельных завершён.",
    )
    assert got["Исмаилов"][0]


def test_a_moderator_speaks(nlp: Language) -> None:
    # «модератором – его руководитель X»: no speech verb, but a moderator speaks (the genre's notes).
    got = _spoke(
        nlp,
        "В пятницу в Таразе прошёл семинар о защите прав мигрантов. Организатором выступил ОФ «Жардем», "
        "модератором – его директор Айгерим Нуржановна Сапарова.",
    )
    assert got["Сапарова"][0]
