"""A grammar of issues: the questions a meeting dealt with, as noun phrases found from cues and the syntax.

    ISSUE  → CUE_VERB  obj|nsubj:pass|о NP           «обсудили отставку правительства», «был рассмотрен …»
           | GENERIC   о|по|gen NP  (, NP)*         «вопрос о поведении депутата», «проблемы миграции»
           | GENERIC   : NP (; NP)*                  «рассмотрели вопросы: о бюджете …; об утверждении …»
           | GENERIC   который касаться NP (, NP)*   «вопросы, которые касаются подготовки, оргнабора …»
           | FORUM     о|по NP                        «круглый стол о регулировании …», «доклад о ходе …»
           | LAW       «О …» | о NP | «LAW …»          «проект закона «О полиции»», «законопроект об НКО»
           | DECISION  о NP                           «указ об отставке правительства» → «отставка правительства»
           | NAME      — о NP                        «Иванов — о подготовке к зиме»
           | ATTENTION на NP                         «обратил внимание на организацию питания»
           | ELECT     ROLE-ins|ROLE-acc             «председателем избран …» → «избрание председателя»
           | AGENDA    вопрос|повестка …: ↵ N. NP     a numbered list of items under «… вопросы:»
           | CONFER    присвоить звание «…»            «присвоение звания «Почётный гражданин …»» (meetings only)
           | REPORT    рассказать|говорить о NP       «рассказала о добровольчестве», «остановился на …», «речь шла о …»
           | DEVOTE    посвятить NP-dat               «сессия была посвящена организованному набору»
           | TITLE     вопрос – «О …» | LAW «О …»     a title announced as a question, or too long for a phrase
           | EVENT     FORUM «NAME: …»                «круглый стол «Доступная среда: …»»
           | ACTION    gen|в|на NP                   «отставка правительства», «перевод клеветы в разряд …»
    NP     → MOD* NOUN (gen NP | в|на|за acc NP | о NP | QUOTED)*     bounded in depth and length

GENERIC, FORUM, LAW, DECISION, ACTION and the cue verbs are lexicons (`issue_*.txt`). Cue-led phrases are
strong evidence; a bare ACTION phrase is weak and the stage ranks it by where and how often it occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.attrs import HEAD, IDX, LEMMA, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from models import lexicons, loading
from models.checkpoints import checkpoint
from models.components.extensions import doc_text, entities, sentences, token_texts
from models.numerals import cardinal_values

OPEN_QUOTES = frozenset({"«", "„", "“", '"'})
CLOSE_QUOTES = frozenset({"»", "“", "”", '"'})
# Words a phrase may have before its complements are shrunk in depth. Nine, not eight: a question worded with what,
# where and when («работа учреждений образования и здравоохранения в период подъема заболеваемости») shrunk a level
# loses its middle and keeps a bare «работа учреждений» (seven opened sets up, none down; ten ran a report's line on
# into its rapporteur).
MAX_WORDS = 9
_NOMINAL = frozenset({"NOUN", "PROPN"})
_STARTING_POS = frozenset({POS_IDS["VERB"], POS_IDS["NOUN"]})
_MODIFIER_POS = frozenset({"ADJ", "VERB", "NUM"})
# Complements that stay inside a phrase: the genitive (no preposition), the topic («о»), direction and
# target in the accusative («перевод в разряд», «тарифы на импорт», «ответственность за соблюдение»).
_INNER_PREPOSITIONS = frozenset(
    {"о", "об", "обо", "в", "во", "на", "за", "по", "для", "к", "против", "между", "перед", "под"}
)
# «отчёт о ходе подготовки к отопительному сезону»: the parser often hangs a «к X» that completes the last noun of a
# phrase on a noun or verb higher up; right after the phrase it belongs to the phrase.
_STRANDED_PREPOSITION = "к"
# Place and time («в РФ», «на заседании», «в марте») are circumstances, not part of the question.
_CIRCUMSTANCE_CASE = "Loc"
# Nouns of a lag or a departure, which name what they are from: «отставание от графика».
_DEPARTURES = frozenset({"отставание", "отклонение", "отказ", "отступление"})
# Nouns of removal, which name in «из X» what they remove from: «вывоз мусора из частного сектора».
_REMOVALS = frozenset({"вывоз", "вывод", "откачка", "отселение", "переселение", "выселение", "эвакуация", "исключение"})
# Nouns of a trouble, which name what it is with: «перебои с водой», «проблемы с транспортом».
_TROUBLES = frozenset(
    {"перебой", "проблема", "ситуация", "трудность", "сложность", "задержка", "положение", "затруднение"}
)
# Nouns of a joint undertaking, which name whom it is with: «сотрудничество с университетом», «соглашение с
# профсоюзами».
_PARTNERSHIPS = frozenset(
    {
        "сотрудничество",
        "взаимодействие",
        "партнерство",
        "партнёрство",
        "соглашение",
        "договор",
        "меморандум",
        "переговоры",
        "отношения",
    }
)
# Crossings, which name what they cross: «мост через реку Сырдарья», «переправа через Иртыш».
_CROSSINGS = frozenset({"мост", "переправа", "переход", "путепровод", "тоннель", "виадук"})
# Work with someone or something names it: «работа с иностранными студентами», «работа с обращениями граждан».
_DEALINGS = frozenset({"работа"})
# Nouns of a group of people, which a «с»-property defines: «лица с инвалидностью», «дети с ограниченными
# возможностями здоровья» (the group, whole, in the golds of eight opened sets; «для людей» alone names nobody).
_GROUPS = frozenset({"лицо", "человек", "люди", "ребёнок", "ребенок", "дети", "гражданин", "семья", "инвалид"})
_ABOUT = lexicons.load("about_prepositions")
# What a phrase is about, besides «о»: «предложения по обустройству остановок», «относительно сроков».
_TOPIC_PREPOSITIONS = _ABOUT | {"по", "относительно"}
# «обратил внимание на X», «уделить внимание X»: the verb and the case its question is in.
_ATTENTION_VERBS = {
    "обратить": "на",
    "обращать": "на",
    "акцентировать": "на",
    "заострить": "на",
    "уделить": None,
    "уделять": None,
}
# «остановился на водоснабжении сёл», «указала на низкое качество ремонта»: verbs whose «на X» is what a speaker
# dwelt on or pointed the meeting to.
_DWELL_VERBS = frozenset({"остановиться", "останавливаться", "сосредоточиться", "заострить", "указать", "указывать"})
_DEVOTE_VERBS = frozenset({"посвятить", "посвящать"})
# Nouns of amending: «поправки в бюджет», «изменения в закон».
_AMENDMENTS = frozenset({"поправка", "изменение", "дополнение"})
# The act of amending: «о внесении изменений …».
_AMENDING = frozenset({"внесение"})
_PART = "часть"
# «выразил озабоченность X-ins», «обеспокоенность X-ins»: nouns of concern, whose instrumental is the problem.
_SHORTFALLS = frozenset({"нехватка", "дефицит", "недостаток", "задолженность", "отставание", "недоступность"})
_PERSISTING = frozenset({"сохраняться", "сохраниться", "оставаться", "остаться", "наблюдаться"})
# «где не завершена замена насосов», «ещё не закончен ремонт кровли»: work not finished is a problem raised.
_COMPLETIONS = frozenset({"завершить", "завершиться", "закончить", "закончиться", "завершенный", "законченный"})


# «дефицит бюджета не меняется»: a budget's deficit is a line of its accounts, not a want.
_ACCOUNT = "бюджет"


# «Просроченной кредиторской задолженности нет»: a shortfall said to be absent is no problem raised.
_ABSENCE = frozenset({"нет", "отсутствовать"})


def _absent(shortfall: Token) -> bool:
    verb = shortfall.head
    return lemma(verb) in _ABSENCE or (lemma(verb) == "быть" and any(c.lower_ == "не" for c in verb.children))


def _of_accounts(shortfall: Token) -> bool:
    return any(c.dep_ == "nmod" and c.i > shortfall.i and lemma(c) == _ACCOUNT for c in shortfall.children)


def _unfinished(action: Token) -> bool:
    verb = action.head
    return (
        action.dep_ in ("nsubj", "nsubj:pass")
        and lemma(verb) in _COMPLETIONS
        and any(c.lower_ == "не" for c in verb.children)
    )


_CONCERNS = frozenset({"озабоченность", "обеспокоенность", "беспокойство", "тревога", "недовольство"})
_COPULAS = frozenset({"стать", "становиться", "являться", "быть", "оставаться", "остаться"})
# «предложил создать …», «попросила ускорить …»: verbs of asking, whose action's object a speaker raised.
_PROPOSAL_VERBS = frozenset({"предложить", "предлагать", "попросить", "просить", "призвать", "призывать"})
_REQUESTS = frozenset({"просьба", "предложение", "требование"})
_DIRECTIVE_VERBS = frozenset({"поручить", "поручать", "рекомендовать", "обязать"})
# Nouns of action and activity: «проживание», «развитие», «добровольчество».
_ACTION_SUFFIXES = ("ние", "тие", "ство")
# «заслушали информацию о ходе …»: what a meeting hears is about its question; elsewhere («сбор информации о
# звонках») these nouns are no cue.
_HEARD_NOUNS = frozenset({"информация", "сообщение"})
_SPEAKING_VERBS = frozenset({"выступить", "выступать"})
# Nouns of the cue verbs take their question in the genitive: «обсуждение проекта программы».
_COGNATE_FORUMS = frozenset({"обсуждение", "рассмотрение"})
# Cue verbs whose object may be the people heard («заслушали руководителей служб») as well as what they reported on.
_HEARING_VERBS = lexicons.load("hearing_verbs")


def _heard(verb: Token, obj: Token) -> bool:
    """«заслушивать руководителей муниципальных предприятий»: the people heard, not what they reported on."""
    return lemma(verb) in _HEARING_VERBS and "Anim" in obj.morph.get("Animacy")


# Verbs that fill a post, and the noun an agenda words it with: «избран председателем» → «избрание председателя».
_ELECTION_VERBS = {"избрать": "избрание", "избирать": "избрание", "переизбрать": "переизбрание"}
# Verbs that confer a title, and the noun an agenda words it with: «присвоил звание «Почётный гражданин …»».
_CONFERRAL_VERBS = {"присвоить": "присвоение", "присваивать": "присвоение"}
_CONFERRED = frozenset({"звание", "статус", "имя", "разряд", "чин"})
# Verbs that end a mandate, and the noun an agenda words it with: «досрочно прекращены полномочия депутата …» is the
# item «досрочное прекращение полномочий депутата» (the golds of corpus-genre a01 and nine held-out sets).
_TERMINATION_VERBS = {"прекратить": "прекращение", "прекращать": "прекращение"}
_MANDATE = "полномочие"

STRONG = 3.0
WEAK = 1.0
REPORTED = 2.0
# An item of a quoted agenda is what the meeting dealt with, ahead of any phrase the cues find.
AGENDA = STRONG + 1.0

# «На повестку дня были вынесены вопросы:», «Рассмотрены следующие вопросы:» and the numbered lines below.
# A report's «Обсудили:» or «Рассмотрели:» opens the same list, its items the questions discussed.
_LIST_INTRO = re.compile(
    r"(?:вопрос|повестк|обсудили|рассмотрели|обсуждались|рассматривались)[^\n]{0,80}:[ \t]*\n", re.IGNORECASE
)
# «были рассмотрены 3 вопроса.\n1. О внесении изменений …\n2. О …»: numbered lines worded as agenda items («О …»)
# are an agenda whatever precedes them; the first two lines make the run.
_ABOUT_LIST = re.compile(
    r"^[ \t]*1[.)][ \t]+[«\"]?(?:О|Об|Обо)[ \t][^\n]*\n[ \t]*2[.)][ \t]+[«\"]?(?:О|Об|Обо)[ \t]", re.MULTILINE
)
# «1. Об итогах … – выступил мэр …» and, paragraphs later, «2. Об исполнении бюджета … – выступила …»: a report that
# takes the agenda item by item, each numbered «О …» line opening its paragraph; numbered from 1 on, they are the
# agenda's items too.
# (The item may be quoted as the draft's title: «1. «Об исполнении местного бюджета за 2025 год» – выступила …».)
_ABOUT_LINE = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+[«\"]?(?:О|Об|Обо)[ \t]", re.MULTILINE)
# «… на 2026 год – выступил мэр …», «… кенеша – по предложению фракции … избран …»: after a spaced dash an item's
# paragraph goes on to who spoke and what was done (a dash inside a quoted title is the title's).
_ITEM_DASH = re.compile(r"[ \t][–—][ \t]+(?=[а-яё])")
# «— наведение порядка в населенных пунктах: председатель … раскритиковал …»: what follows an item's colon glosses it.
_GLOSS = re.compile(r":[ \t]")
_LIST_ITEM = re.compile(r"[ \t]*(?P<marker>\d{1,2}[.)]|[–—•-])[ \t]+(?P<item>[^\n]+)")
_MAX_ITEM_CHARS = 300
_NOT_AGENDA_INTROS = ("решил", "постановил", "решени", "слушал", "выступил", "поручени")
# Tokens of a title («О полиции») that a phrase always holds: only a longer one can have been cut off.
_SHORT_TITLE = 4


@dataclass(frozen=True)
class Lexicons:
    cue_verbs: frozenset[str]
    report_verbs: frozenset[str]
    generic: frozenset[str]
    forums: frozenset[str]
    laws: frozenset[str]
    decisions: frozenset[str]
    heads: frozenset[str]
    not_subjects: frozenset[str]

    def needs_complement(self, word: str) -> bool:
        """Nouns that say nothing on their own: «вопрос», «закон», «отставка» without a complement."""
        return any(word in group for group in (self.generic, self.forums, self.laws, self.decisions, self.heads))


@cache
def issue_lexicons() -> Lexicons:
    return Lexicons(
        cue_verbs=lexicons.load("issue_cue_verbs"),
        report_verbs=lexicons.load("issue_report_verbs"),
        generic=lexicons.load("issue_generic_nouns"),
        forums=lexicons.load("issue_forum_nouns"),
        laws=lexicons.load("issue_law_nouns"),
        decisions=lexicons.load("issue_decision_nouns"),
        heads=lexicons.load("issue_heads"),
        not_subjects=lexicons.load("issue_not_subjects"),
    )


@dataclass(frozen=True)
class Candidate:
    """A phrase the grammar proposes: token span `[start, end)`, its head, and how strong the cue was."""

    start: int
    end: int
    head: int
    kind: str
    weight: float
    # An action noun the phrase completes in the genitive («избрание» + «председателем совета»).
    action: str = ""
    # Worded in the nominative by the text itself (a counted list's items): taken as they stand, not re-inflected
    # from a parse that such long lists mislead.
    nominative: bool = False

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def lemma(token: Token) -> str:
    return token.lemma_.lower().replace("ё", "е")


def preposition(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "case" and child.i < token.i:
            return child.lower_
    return None


def _case(token: Token) -> str | None:
    cases = token.morph.get("Case")
    return cases[0] if cases else None


def quote_spans(doc: Doc) -> dict[int, int]:
    """Opening-quote index → closing-quote index, for quotes closed within the same paragraph."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    texts = token_texts(doc)
    for i, text in enumerate(texts):
        if "\n" in text and text.isspace() and not wrapped(doc, i):  # a line break ends a paragraph's quotes
            stack.clear()
        elif text == '"':
            if stack and texts[stack[-1]] == '"':
                pairs[stack.pop()] = i
            else:
                stack.append(i)
        elif text in OPEN_QUOTES and text not in CLOSE_QUOTES:
            stack.append(i)
        elif text in CLOSE_QUOTES and stack:
            pairs[stack.pop()] = i
    return pairs


def _is_title_quote(doc: Doc, open_i: int, close_i: int) -> bool:
    """«О …»/«Об …»: the title of a draft or an act names its subject."""
    return close_i - open_i > 2 and doc[open_i + 1].lower_ in _ABOUT


def _dangling(token: Token) -> bool:
    """A word that cannot end a phrase: a conjunction, a preposition, an adjective whose noun was cut off, an
    infinitive of the decision the parser hung on the noun («отчёт об исполнении бюджета утвердить»)."""
    if token.is_punct:
        return token.text not in CLOSE_QUOTES
    infinitive = token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm")
    return token.pos_ in ("CCONJ", "ADP", "ADJ", "DET") or token.lower_ in ("имени", "им.") or infinitive


def phrase_tokens(head: Token, quotes: dict[int, int], depth: int = 0, max_depth: int = 2) -> set[int]:
    """The head, its agreeing modifiers, and its complements (recursively, down to `max_depth`)."""
    chosen = {head.i}
    nxt = head.i + 1
    if nxt < len(head.doc) and nxt in quotes:
        chosen.update(range(nxt, quotes[nxt] + 1))
    for child in head.children:
        # «сёл Толе би»: the parser may take the first word of a two-word name for a modifier of the second.
        name_part = child.pos_ == "PROPN" and child.dep_ == "amod" and child.i == head.i - 1
        if child.i < head.i and child.dep_ in ("amod", "nummod") and (child.pos_ in _MODIFIER_POS or name_part):
            chosen.add(child.i)
            for c in child.children:
                # (A modifier's conjunct is a modifier: a noun the parser joined to an adjective, «махаллей» read as
                # one, is the next member of a list, not a word of this phrase.)
                if c.dep_ in ("advmod", "amod", "conj", "cc", "punct") and (c.dep_ != "conj" or c.pos_ != "NOUN"):
                    chosen.add(c.i)
                    # «водопроводных и канализационных сетей»: the parser hangs the «и» on the second adjective
                    if c.dep_ == "conj":
                        chosen.update(g.i for g in c.children if g.dep_ in ("cc", "punct") and g.i < c.i)
        elif child.i > head.i and child.dep_ in ("flat", "flat:name", "flat:foreign"):
            chosen.add(child.i)
        # (A noun's «obl» is the parser's slip for «nmod»: «платёжки | за отопление» in a headline with no verb after.)
        elif child.i > head.i and (child.dep_ in ("nmod", "appos") or _noun_obl(head, child)) and depth < max_depth:
            prep = preposition(child)
            if _measure(child) or (depth == 0 and _included_into(head, child)):
                continue  # «участка площадью 0,12 га»: a measurement, not part of the question
            # (A locative never goes without its preposition: one the tagger read so, «нехватке врачей-педиатров», is
            # the genitive its ending shares.)
            if prep is None and child.dep_ == "nmod" and _case(child) in ("Gen", "Dat", "Ins", "Loc", None):
                chosen |= phrase_tokens(child, quotes, depth + 1, max_depth)
            elif (
                (prep in _INNER_PREPOSITIONS and _case(child) != _CIRCUMSTANCE_CASE)
                or prep in ("о", "об")
                # «нехватка мест в детских садах», «доступность помощи в сельской местности»: where a want is felt
                or (prep in ("в", "во") and _case(child) == "Loc" and _wanted_where(head, child))
                # «перебои с питьевой водой», «ситуация с вывозом мусора»: what a trouble is with; not «с 1 января»
                or (
                    prep in ("с", "со") and _case(child) == "Ins" and lemma(head) in _TROUBLES and not _is_person(child)
                )
                # «трудоустройство людей с инвалидностью»: the property that defines a group of people (the parser may
                # hang it on the group's head, «трудоустройство»)
                or (prep in ("с", "со") and _defines_group(head, child))
                # «сотрудничество с Полоцким университетом»: whom a joint undertaking is with
                or (prep in ("с", "со") and _case(child) == "Ins" and lemma(head) in _PARTNERSHIPS | _DEALINGS)
                # «ремонт моста через реку Сырдарья»: what a crossing crosses
                or (prep == "через" and _case(child) == "Acc" and lemma(head) in _CROSSINGS)
                # «отставание от графика», «отказ от приватизации»: what a lag or a departure is from
                or (prep == "от" and _case(child) == "Gen" and lemma(head) in _DEPARTURES)
                # «вывоз мусора из частного сектора», «вывод из эксплуатации»: where a removal takes from
                or (prep in ("из", "изо") and _case(child) == "Gen" and lemma(head) in _REMOVALS)
            ):
                chosen |= phrase_tokens(child, quotes, depth + 1, max_depth)
                chosen.update(c.i for c in child.children if c.dep_ == "case")
        elif (
            child.i > head.i
            and child.dep_ == "conj"
            and depth > 0
            and child.pos_ in _NOMINAL
            and _case(child) == _case(head)  # «энергетики и транспортной инфраструктуры», not «… и днём рождения»
        ):
            chosen |= phrase_tokens(child, quotes, depth + 1, max_depth)
            chosen.update(c.i for c in child.children if c.dep_ == "cc")
    return chosen


def _noun_obl(head: Token, child: Token) -> bool:
    return child.dep_ == "obl" and head.pos_ == "NOUN" and child.pos_ in _NOMINAL


# Nouns of a want, which name where it is felt: «нехватка учителей в сельских школах» (a place in the golds of a dozen
# opened sets), «очереди в дома-интернаты», «доступность помощи в сельской местности».
_WANTS = frozenset({"нехватка", "дефицит", "недостаток", "доступность", "недоступность", "очередь"})
# «нехватка кадров в 2025 году», «в зимний период»: a time is no place.
_TIMES = frozenset({"год", "месяц", "квартал", "период", "время", "сезон", "день", "неделя", "полугодие"})


def _wanted_where(head: Token, place: Token) -> bool:
    """`place` («в детских садах») says where the want `head` names, or its first complement («мест»), is felt."""
    want = head if lemma(head) in _WANTS else head.head if head.dep_ == "nmod" and head.head.i < head.i else None
    if want is None or lemma(want) not in _WANTS or lemma(place) in _TIMES:
        return False
    if any(c.pos_ == "NUM" for c in place.children):
        return False
    # One place: «нехватка мест в детских садах в махалле «Ширин»» names the want by the first.
    nearest = [c for c in want.children if c.dep_ == "nmod" and c.i > want.i][:1]
    places = [
        c.i
        for holder in (want, *nearest)
        for c in holder.children
        if c.i > want.i and preposition(c) in ("в", "во") and _case(c) == "Loc"
    ]
    return place.i == min(places, default=place.i)


_INCLUDING_VERBS = frozenset({"включить", "включать"})


def _included_into(head: Token, child: Token) -> bool:
    """«включить ремонт канала в программу»: the plan a thing is included into is the verb's, though the parser hangs
    it on the object; the object alone is the question."""
    return (
        head.dep_ == "obj"
        and lemma(head.head) in _INCLUDING_VERBS
        and preposition(child) in ("в", "во")
        and _case(child) == "Acc"
    )


def _inclusion(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«включить освещение переходов в план на 2026 год», «пообещал включить ремонт в краевую программу»: what is
    to go into a plan or programme is a question dealt with, whoever decides, asks or promises it (a proposal's
    object is found by `_proposed`)."""
    if verb.dep_ == "xcomp" and lemma(verb.head) in _PROPOSAL_VERBS:
        return
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and c.pos_ in _NOMINAL]
    for obj in objects[:1]:
        into = [c for c in (*verb.children, *obj.children) if c.i > obj.i and _included_into(obj, c)]
        if into:
            for member in _members(obj):
                yield from subjects(member, quotes, "proposal", REPORTED)


# «средства направлены на ремонт кровли школы и на подвоз учащихся»: money spent on a work, the work a report raises.
_FUNDING_VERBS = frozenset({"направить", "направлять", "выделить", "выделять", "израсходовать", "потратить"})


def _funded(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """The works money is directed to: a noun of action (`issue_heads`) after «на», with its complement."""
    heads = issue_lexicons().heads
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("obl", "nmod") or preposition(child) != "на":
            continue
        if _case(child) != "Acc":
            continue
        for member in _members(child):
            if member.pos_ == "NOUN" and lemma(member) in heads:
                found = _candidate(member, quotes, "report", REPORTED)
                if found is not None and found.end - found.start > 1:
                    yield found


# «предусмотреть средства на освещение дорог», «банк выделит 15 млн рублей на новую аппаратуру», «нет средств на
# школьные автобусы»: what money is for is the question, whatever the verb of the money (asked for, planned, lacking).
_FUNDS = frozenset(
    {
        "средство",
        "финансирование",
        "ассигнование",
        "деньги",
        "деньга",
        "рубль",
        "тенге",
        "сом",
        "сомони",
        "лей",
        "сум",
        "доллар",
    }
)


_WHEN = _TIMES | {"начало", "конец", "середина", "пятилетка"}


def _funds_for(money: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """The «на» + accusative noun after a sum of money, hung on the money or on the word it depends on; a time
    («на 2026 год») is when, not what for."""
    heads = issue_lexicons().heads
    if money.head.pos_ == "NOUN" and lemma(money.head).endswith(_ACTION_SUFFIXES):
        return  # «проверка расходования средств на …», «выделение средств на …»: the handling of money is the phrase
    around = [*money.children, *(money.head.children if money.head.i != money.i else ())]
    for child in around:
        if child.i <= money.i or child.pos_ != "NOUN" or preposition(child) != "на" or _case(child) != "Acc":
            continue
        if lemma(child) in _WHEN or "Anim" in child.morph.get("Animacy"):
            continue
        # Asked for, planned or lacking, money for a work is a want: weaker than a speaker's report. Only the first of
        # a list: a budget's lines of spending («на ремонт дорог, приобретение автобусов и погашение кредитов») are
        # its report, not questions each.
        found = _candidate(child, quotes, "funded", REPORTED)
        if found is not None and (found.end - found.start > 1 or lemma(child) in heads):
            yield found
        return


# Where a line may end before its sentence does: after a word, a comma or a hyphen, not after a full stop or a colon.
_LINE_GOES_ON = re.compile(r"[\w,-]$")


def wrapped(doc: Doc, i: int) -> bool:
    """The line break at `i` wraps a sentence (a bulletin typeset in short lines: «по привлечению инвестиций↵в зону
    отдыха»): a single line break, the line before it ending in a word or a comma."""
    return (
        0 < i < len(doc) - 1 and doc[i].text.strip(" \t") == "\n" and _LINE_GOES_ON.search(doc[i - 1].text) is not None
    )


def _run_start(doc: Doc, start: int, tokens: set[int]) -> int:
    """The first token of the phrase's run back from `start`: its words, across a wrapped line's break."""
    while True:
        if start - 1 in tokens and not doc[start - 1].is_space:
            start -= 1
        elif start - 2 in tokens and wrapped(doc, start - 1):
            start -= 2
        else:
            return start


def _run_end(doc: Doc, end: int, tokens: set[int]) -> int:
    """The end of the phrase's run on from `end`: its words, across a wrapped line's break."""
    while True:
        if end in tokens and not doc[end].is_space:
            end += 1
        elif end + 1 in tokens and wrapped(doc, end):
            end += 2
        elif (agreeing := _agreeing_adjectives(doc, end, tokens)) > end:
            end = agreeing
        elif _abbreviated_place(doc, end, tokens):
            end += 2
        else:
            return end


# Abbreviated words of an address or a settlement, written before its name: «по ул. Радио», «в д. Вязье».
_PLACE_ABBREVIATIONS = frozenset({"ул", "д", "с", "г", "п", "пос", "пгт", "мкр", "пр", "пер", "им"})


def _abbreviated_place(doc: Doc, dot: int, tokens: set[int]) -> bool:
    """«о переводе котельной в д. | Вязье на древесную щепу»: the parser takes an abbreviation's dot for a sentence's
    end and hangs the name after it elsewhere; the name is the phrase's (not «2025 г. Депутаты …», a year)."""
    if not (0 < dot < len(doc) - 1 and dot - 1 in tokens and doc[dot].text == "."):
        return False
    word, name = doc[dot - 1], doc[dot + 1]
    year = dot >= 2 and doc[dot - 2].like_num
    return word.lower_ in _PLACE_ABBREVIATIONS and not year and name.text[:1].isupper() and name.is_alpha


_MAX_ADJECTIVES = 2


def _agreeing_adjectives(doc: Doc, at: int, tokens: set[int]) -> int:
    """«внедрению водосберегающих технологий» with «водосберегающих» hung on a noun before: adjectives that agree with
    the phrase's next noun belong to it, wherever the parser hung them. Returns the index of that noun, or `at`."""
    end = at
    while end < len(doc) and end - at < _MAX_ADJECTIVES and doc[end].pos_ == "ADJ" and end not in tokens:
        end += 1
    if end == at or end not in tokens or doc[end].pos_ != "NOUN":
        return at
    noun = doc[end]
    agree = all(_case(a) == _case(noun) and a.morph.get("Number") == noun.morph.get("Number") for a in doc[at:end])
    return end if agree else at


def phrase(head: Token, quotes: dict[int, int], skip: int | None = None) -> tuple[int, int] | None:
    """Token span of the phrase around `head`: the contiguous run of its tokens that holds the head,
    shrunk in depth until it is at most `MAX_WORDS` words. `skip` leaves out a leading preposition."""
    for max_depth in (3, 2, 1, 0):
        tokens = phrase_tokens(head, quotes, max_depth=max_depth)
        start = _run_start(head.doc, head.i, tokens)
        end = _run_end(head.doc, head.i + 1, tokens)
        if max_depth:
            tokens |= _stranded(head.doc, end, tokens, quotes)
            end = _run_end(head.doc, end, tokens)
            tokens |= _stranded_object(head.doc, end, tokens, quotes)
            end = _run_end(head.doc, end, tokens)
            tokens |= _stranded_means(head.doc, end, tokens, quotes)
            end = _run_end(head.doc, end, tokens)
            tokens |= _stranded_recipient(head, end, tokens, quotes)
            end = _run_end(head.doc, end, tokens)
        # A quote is all or nothing: never cut inside a title.
        for open_i, close_i in quotes.items():
            if start <= open_i < end <= close_i:
                end = open_i
        while end > head.i + 1 and _dangling(head.doc[end - 1]):
            end -= 1
        cut = end
        end = _through_name(head.doc, end)
        while start < head.i and (head.doc[start].is_punct or head.doc[start].dep_ == "case"):
            start += 1
        words = sum(1 for t in head.doc[start:end] if not t.is_punct and not t.is_space)
        if words <= MAX_WORDS + (end - cut) or max_depth == 0:
            return (start, end) if skip is None or start != skip else (start + 1, end)
    return None


_NAME_WORDS = 2  # words a body's name may run past `MAX_WORDS` when the depth cut fell inside it


# Nouns of an action done to something, besides the `_ACTION_SUFFIXES` ones: «ход ремонта | сетей».
_PROCESSES = frozenset({"ход", "ремонт", "сбор", "вывоз", "уборка", "подготовка", "замена", "выплата", "закупка"})
_OBJECT_WORDS = 3  # adjectives and participles before the object's noun: «сельских населенных пунктов»


# Measures a count of work is given in: the work is done to what they measure («4,2 километра тепловых сетей»).
_MEASURES = frozenset({"километр", "км", "метр", "м", "гектар", "га", "тонна", "т", "единица", "штука", "шт"})


def _stranded_object(doc: Doc, end: int, tokens: set[int], quotes: dict[int, int]) -> set[int]:
    """«о ходе ремонта внутрихозяйственных оросительных сетей» with «сетей» hung by the parser outside the phrase: a
    phrase that ends in a noun of action with no object of its own, and a genitive noun group right after it, without
    a preposition — the group is what the action is done to."""
    last = doc[end - 1]
    if end >= len(doc) or last.pos_ != "NOUN":
        return set()
    word = lemma(last)
    # «замену 4,2 километра | тепловых сетей»: a count's measure ends the phrase, what it measures hung elsewhere.
    counted = word in _MEASURES and end >= 2 and doc[end - 2].like_num
    if not counted and (_case(last) != "Gen" or not (word.endswith((*_ACTION_SUFFIXES, "ция")) or word in _PROCESSES)):
        return set()
    if any(c.dep_ == "nmod" and c.i > last.i and _case(c) == "Gen" and preposition(c) is None for c in last.children):
        return set()
    at = end
    while at < len(doc) and at - end < _OBJECT_WORDS and doc[at].pos_ in ("ADJ", "VERB") and _case(doc[at]) == "Gen":
        at += 2 if wrapped(doc, at + 1) else 1
    noun = doc[at] if at < len(doc) else None
    if noun is None or noun.pos_ != "NOUN" or _case(noun) != "Gen" or noun.i in tokens or _is_person(noun):
        return set()
    if any(c.dep_ == "case" for c in noun.children) or any(
        a.morph.get("Number") != noun.morph.get("Number") for a in doc[end:at] if not a.is_space
    ):
        return set()
    return set(range(end, at)) | phrase_tokens(noun, quotes, depth=1)


# Nouns of providing something with something, which name in the instrumental what is provided: «обеспечение сёл
# питьевой водой», «укомплектование больниц кадрами». The parser often hangs that instrumental on a noun before or back
# on the verb, and the phrase was cut to «обеспечение сёл» (a real report's commonest water item).
_PROVISIONS = frozenset({"обеспечение", "снабжение", "оснащение", "укомплектование", "обеспеченность"})


def _stranded_means(doc: Doc, end: int, tokens: set[int], quotes: dict[int, int]) -> set[int]:
    """«обеспечения населения | питьевой водой»: a phrase holding a noun of provision with no instrumental of its own,
    ending in its object, and an instrumental noun group right after it, without a preposition — the group is what is
    provided. Not a measure («площадью 10 га») nor a person («руководителем»)."""
    if end >= len(doc) or doc[end - 1].pos_ not in _NOMINAL:
        return set()
    provision = next((doc[i] for i in sorted(tokens) if i < end - 1 and lemma(doc[i]) in _PROVISIONS), None)
    if provision is None or any(_case(doc[i]) == "Ins" and doc[i].pos_ in _NOMINAL for i in tokens if i > provision.i):
        return set()
    at = end
    while at < len(doc) and at - end < _OBJECT_WORDS and doc[at].pos_ in ("ADJ", "VERB") and _case(doc[at]) == "Ins":
        at += 1
    noun = doc[at] if at < len(doc) else None
    if noun is None or noun.pos_ != "NOUN" or _case(noun) != "Ins" or noun.i in tokens or _is_person(noun):
        return set()
    if any(c.dep_ == "case" for c in noun.children) or _measure(noun):
        return set()
    # «газом и водой»: what is provided may be a list, which the parser hangs on its first member.
    means = phrase_tokens(noun, quotes, depth=1)
    return set(range(end, at)) | means


# Nouns of a payment or aid, which name in the dative whom it goes to: «надбавка молодым учителям», «доплата
# наставникам», «компенсации аграриям». The parser hangs that dative on the verb («предложила установить доплату |
# наставникам»), and the phrase was cut to a bare «доплата».
_PAYMENTS = frozenset({"надбавка", "доплата", "выплата", "компенсация", "пособие", "премия", "субсидия", "помощь"})


def _stranded_recipient(head: Token, end: int, tokens: set[int], quotes: dict[int, int]) -> set[int]:
    """«надбавку | молодым учителям»: a phrase headed by a noun of payment with no dative of its own, and a dative
    noun group right after it, without a preposition — whom the payment goes to. (Not a payment deeper in the phrase:
    «утверждение правил оказания помощи | отдельным категориям граждан» would outgrow the phrase.)"""
    doc = head.doc
    last = doc[end - 1]
    if end >= len(doc) or last.i != head.i or last.pos_ != "NOUN" or lemma(last) not in _PAYMENTS:
        return set()
    if any(_case(c) == "Dat" and c.dep_ in ("nmod", "iobj") for c in last.children):
        return set()
    at = end
    while at < len(doc) and at - end < _OBJECT_WORDS and doc[at].pos_ in ("ADJ", "VERB") and _case(doc[at]) == "Dat":
        at += 1
    noun = doc[at] if at < len(doc) else None
    if noun is None or noun.pos_ != "NOUN" or _case(noun) != "Dat" or noun.i in tokens:
        return set()
    if any(c.dep_ == "case" for c in noun.children) or any(
        a.morph.get("Number") != noun.morph.get("Number") for a in doc[end:at]
    ):
        return set()
    return set(range(end, at)) | phrase_tokens(noun, quotes, depth=1)


def _through_name(doc: Doc, end: int) -> int:
    """«назначение выборов депутатов районного Совета | депутатов»: a phrase the depth cut ends inside a body's name
    (the tagger's ORG) goes on to the name's end; no name is cut in two."""
    if end <= 0 or doc[end - 1].ent_type_ != "ORG":
        return end
    stop = end
    while stop < len(doc) and doc[stop].ent_iob_ == "I" and stop - end < _NAME_WORDS:
        stop += 1
    return end if stop < len(doc) and doc[stop].ent_iob_ == "I" else stop


def _measure(token: Token) -> bool:
    """«площадью 0,12 га», «протяжённостью 14 км»: an instrumental that a number measures."""
    if _case(token) != "Ins" or preposition(token) is not None:
        return False
    return any(c.pos_ == "NUM" or any(g.pos_ == "NUM" for g in c.children) for c in token.children)


# Nouns of a price, a charge, an outlay or a claim, which name in «на X» what they are on or for.
_ONTO_NOUNS = frozenset(
    {
        "тариф",
        "цена",
        "ценообразование",
        "налог",
        "пошлина",
        "субсидия",
        "расход",
        "затрата",
        "компенсация",
        "надбавка",
        "нагрузка",
        "спрос",
        "заявка",
        "очередь",
        "квота",
        "лимит",
        "норматив",
        "кредит",
        "право",
        "запрет",
    }
)


def _stranded(doc: Doc, end: int, tokens: set[int], quotes: dict[int, int]) -> set[int]:
    """A «к X» right after a phrase ending in a noun, hung by the parser outside the phrase: the words of X."""
    if end + 1 >= len(doc) or doc[end - 1].pos_ not in _NOMINAL:
        return set()
    noun = doc[end].head
    # «план работы на второе полугодие»: the term a plan or budget is for, hung on a noun before it.
    term = doc[end].lower_ == "на" and lemma(noun) in _TIMES and _case(noun) == "Acc"
    # «исполнение бюджета за девять месяцев 2026 года»: the period a report or an account covers, likewise.
    term = term or (doc[end].lower_ == "за" and lemma(noun) in _PERIODS and _case(noun) in ("Acc", "Gen"))
    # «тарифы на поливную воду», «ценообразование на социально значимые товары»: what a price, a charge or an outlay is
    # on, hung by the parser on a noun of the next phrase or back across the sentence.
    onto = doc[end].lower_ == "на" and lemma(doc[end - 1]) in _ONTO_NOUNS and _case(noun) == "Acc"
    if doc[end].lower_ != _STRANDED_PREPOSITION and not term and not (onto and lemma(noun) not in _TIMES):
        return set()
    if noun.i <= end or noun.pos_ != "NOUN" or noun.head.i in tokens or _is_person(noun):
        return set()
    # («за девять месяцев»: the count of a period governs its noun, a modifier the phrase's own rule leaves out.)
    counts = {c.i for c in noun.children if term and c.dep_ == "nummod:gov" and c.i < noun.i}
    return {doc[end].i} | counts | phrase_tokens(noun, quotes, depth=1)


def _across_paragraph(token: Token, other: Token) -> bool:
    """A paragraph break lies between the two: a press page's headline has no full stop, and the parser runs its list
    on into the lead («обсудили воду, мусор и ремонт школ↵↵Вчера … с участием руководителей служб, депутатов»); a
    list never crosses a paragraph (a wrapped line's single break is no paragraph)."""
    doc = token.doc
    low, high = sorted((token.i, other.i))
    return any(doc[i].is_space and "\n" in doc[i].text and not wrapped(doc, i) for i in range(low + 1, high))


def _members(token: Token) -> Iterator[Token]:
    """A token and the members of its coordination («X, Y и Z»), and a member that repeats its topic preposition
    («о работе по гармонизации отношений и об адаптации студентов»), which the parser may hang deeper down."""
    yield token
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in _NOMINAL and not _across_paragraph(token, child):
            yield from _members(child)
    about = preposition(token) in _ABOUT
    # «указали на нехватку мест в детских садах и на состояние дороги»: a member that repeats its «на» as well.
    onto = preposition(token) == "на" and _case(token) == "Acc"
    # «обсудили качество уборки снега во дворах и работу транспорта»: an accusative hung on a locative is a second
    # object, as its case tells.
    direct = preposition(token) is None and _case(token) == "Acc"
    # «вопросы подготовки к отопительному сезону, пассажирских перевозок, внесения изменений …»: a genitive list the
    # parser hung on a dative inside its first member; a conjunct agrees in case with its head, so one that does not
    # is a member of the list.
    direct = direct or (preposition(token) is None and _case(token) == "Gen")
    # «заседание, посвященное обеспечению водой посевов в период вегетации и внедрению водосберегающих технологий»:
    # a dative list the parser hung on a noun of the first member in another case.
    direct = direct or (preposition(token) is None and _case(token) == "Dat")
    if about or onto or direct:
        for inner in token.subtree:
            deeper = inner.dep_ == "conj" and inner.head.i != token.i and inner.i > token.i
            if not deeper or inner.pos_ not in _NOMINAL or _case(inner) != _case(token):
                continue
            if (
                (about and preposition(inner) in _ABOUT)
                or (onto and preposition(inner) == "на")
                or (direct and preposition(inner) is None and _case(inner.head) != _case(inner))
            ):
                yield from _members(inner)
    if about:
        yield from _next_about(token)


_ABOUT_REACH = MAX_WORDS + 4  # tokens from a member to the «и о» of the next: its words, a name with a dash


def _next_about(token: Token) -> Iterator[Token]:
    """«задали вопросы о финансировании ремонта дороги Нахчыван – Ордубад и о заработной плате учителей»: the «и о Y»
    after the member's words (no verb, no punctuation but a name's dash between) is the next member, wherever the
    parser hung Y."""
    doc = token.doc
    after = next(
        (
            i
            for i in range(token.i + 1, min(len(doc) - 2, token.i + _ABOUT_REACH))
            if doc[i].lower_ == "и" or doc[i].pos_ in ("VERB", "AUX") or (doc[i].is_punct and doc[i].text not in "–—-")
        ),
        None,
    )
    if after is None or doc[after].lower_ != "и" or doc[after + 1].lower_ not in _ABOUT:
        return
    noun = doc[after + 1].head
    if noun.i > after + 1 and noun.pos_ in _NOMINAL and _case(noun) == _case(token) and preposition(noun) in _ABOUT:
        yield from _members(noun)


def _relational_modifier(noun: Token) -> bool:
    """An adjective that says what the noun is about («экономические вопросы», «конституционная реформа»),
    not how it is judged («содержательные вопросы», «торжественное открытие»: qualitative adjectives)."""
    for child in noun.children:
        if child.dep_ == "amod" and child.i < noun.i and child.pos_ == "ADJ":
            parses = loading.parse(child.text.lower())
            tag = parses[0].tag if parses else None
            # Qualities («содержательные»), pronouns («такие») and ordinals («второй вопрос») say no subject.
            # A participle («в обновлённом составе») tells a state, not a subject.
            if tag is not None and "ADJF" in tag and not any(g in tag for g in ("Qual", "Apro", "Anum")):
                return True
    return False


def _has_subject(action: Token) -> bool:
    """«отставка правительства», «конституционная реформа»: an action is an issue once it says of what."""
    return any(c.dep_ == "nmod" and c.i > action.i for c in action.children) or _relational_modifier(action)


def _defines_group(head: Token, child: Token) -> bool:
    """`child` («с инвалидностью») is the property of the group of people named by `head` or by the word right
    before it («трудоустройство лиц | с инвалидностью»)."""
    before = child.left_edge.i - 1
    group = head if before < 0 or head.doc[before].dep_ != "nmod" else head.doc[before]
    # (Any case: the tagger may read «инвалидностью» as a genitive; a number, «с 1 января», is a time, not a property.)
    return lemma(group) in _GROUPS and not _is_person(child) and not any(c.pos_ == "NUM" for c in child.children)


def _is_person(token: Token) -> bool:
    """One animate being («господин», «гендиректор», a surname): a person is never the question itself."""
    morph = token.morph
    return token.ent_type_ == "PER" or ("Anim" in morph.get("Animacy") and "Plur" not in morph.get("Number"))


# «итоги приёмной кампании», «итоги работы за 2024 год»: a summing-up is an item with what it sums up; alone
# («подвели итоги») or of a stretch of time («итоги года») it names nothing. So are the results of a check or a
# survey said in full («о результатах мониторинга закупок в сфере здравоохранения»; not «результаты проверки»).
_SUMMARY = "итог"
_RESULT = "результат"
_PERIODS = frozenset({"год", "полугодие", "квартал", "месяц", "неделя", "день", "период", "пятилетка"})


def _summary_of_something(head: Token) -> bool:
    word = lemma(head)
    return word in (_SUMMARY, _RESULT) and any(
        c.dep_ == "nmod"
        and c.i == head.i + 1 + sum(1 for g in c.children if g.i < c.i)
        and _case(c) == "Gen"
        and lemma(c) not in _PERIODS
        and (word == _SUMMARY or any(g.i > c.i and g.dep_ in ("nmod", "amod") for g in c.children))
        for c in head.children
    )


def _candidate(head: Token, quotes: dict[int, int], kind: str, weight: float) -> Candidate | None:
    if head.pos_ not in _NOMINAL or _is_person(head):
        return None
    if lemma(head) in issue_lexicons().not_subjects and not _summary_of_something(head):
        return None
    found = phrase(head, quotes)
    if found is None:
        return None
    start, end = found
    end = _shared_complement(head, end, quotes)
    if end - start == 1 and (head.pos_ == "PROPN" or issue_lexicons().needs_complement(lemma(head))):
        return None
    return Candidate(start, end, head.i, kind, weight)


def _shared_complement(head: Token, end: int, quotes: dict[int, int]) -> int:
    """«вопрос сбора и вывоза бытовых отходов»: a noun of action with no complement of its own, joined by «и» to the
    next, shares that one's complement; the two are one question («сбор и вывоз бытовых отходов»), not a bare
    «сбор»."""
    doc = head.doc
    if end != head.i + 1 or end + 1 >= len(doc) or doc[end].lower_ not in ("и", "или"):
        return end
    if any(c.dep_ == "amod" and c.i < head.i for c in head.children):
        return end  # «уличного освещения и вывоза мусора»: a noun its adjective completes is a question of its own
    other = doc[end + 1]
    if other.dep_ != "conj" or other.head.i != head.i or other.pos_ != "NOUN" or _case(other) != _case(head):
        return end
    found = phrase(other, quotes)
    if found is None or found[0] != other.i or found[1] <= other.i + 1:
        return end
    return found[1]


def _complements(noun: Token) -> Iterator[Token]:
    """What a generic noun («вопрос», «проблема») is about: «о X», «по X», genitive X, «: X; Y»,
    «которые касаются X»."""
    lex = issue_lexicons()
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in ("nmod", "parataxis", "appos") and child.pos_ in _NOMINAL:
            prep = preposition(child)
            # «круг лиц», «ряд участников»: a generic noun's genitive names a question only when inanimate.
            genitive = prep is None and _case(child) == "Gen" and "Anim" not in child.morph.get("Animacy")
            if prep in _TOPIC_PREPOSITIONS or genitive or child.dep_ == "parataxis" or _question_with(noun, child):
                yield from _members(child)
        elif child.dep_ == "acl:relcl" and lemma(child) in lex.cue_verbs:
            for obj in child.children:
                if obj.dep_ in ("obj", "obl", "nmod") and obj.i > child.i and obj.pos_ in _NOMINAL:
                    yield from _members(obj)


def _question_with(noun: Token, child: Token) -> bool:
    """«не решён вопрос с подвозом детей», «решить вопрос с электропитанием площадки»: the spoken «вопрос с X» is the
    question of X — a thing or a work, not whom it is settled with («обсудить вопрос с Министерством транспорта»).
    Not «проблемы с X»: troubles told in passing, which the golds leave out (corpus-genre c04, heldout-genre-22)."""
    return (
        lemma(noun) == "вопрос"
        and preposition(child) in ("с", "со")
        and _case(child) == "Ins"
        and child.pos_ == "NOUN"
        and child.text[:1].islower()
        and "Anim" not in child.morph.get("Animacy")
        and lemma(child) not in _BODY_HEADS
    )


def subjects(noun: Token, quotes: dict[int, int], kind: str, weight: float = STRONG) -> Iterator[Candidate]:
    """The issue a noun in a cue position stands for: a generic noun's complements, or the generic noun
    with its adjectives when it has none («экономические вопросы»); the subject of an event or a decision;
    any other noun is the issue itself."""
    lex = issue_lexicons()
    word = lemma(noun)
    if word in _NECESSITIES:
        yield from _what_is_needed(noun, quotes, kind, weight)
        return
    if word in lex.generic:
        inner = list(_complements(noun))
        for member in inner:
            if lemma(member) not in lex.forums:  # «тематики следующего заседания» names no question
                yield from subjects(member, quotes, kind, weight)
        if not inner and _relational_modifier(noun):
            found = phrase(noun, quotes)
            if found:
                yield Candidate(found[0], found[1], noun.i, kind, weight)
        return
    if word in lex.forums or word in _HEARD_NOUNS:
        yield from _forum_subjects(noun, quotes, weight)
        return
    if word in lex.decisions or word in lex.laws:
        yield from _act(noun, quotes)
        return
    found = _candidate(noun, quotes, kind, weight)
    if found:
        yield found


# «обратила внимание на необходимость увеличить средства на водоснабжение сёл», «о необходимости ремонта гидропостов»:
# what is needed is the question, not the need.
_NECESSITIES = frozenset({"необходимость", "потребность"})


def _what_is_needed(noun: Token, quotes: dict[int, int], kind: str, weight: float) -> Iterator[Candidate]:
    """The action a need names in the genitive («необходимость ремонта двух гидропостов»), or the object of the one it
    names in the infinitive («необходимость установить пандусы у входа»), as `subjects` finds them; the money of
    «увеличить средства на X» stands for its X."""
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ == "nmod" and child.pos_ == "NOUN" and preposition(child) is None and _case(child) == "Gen":
            for member in _members(child):
                yield from subjects(member, quotes, kind, weight)
            return
        if child.pos_ == "VERB" and "Inf" in child.morph.get("VerbForm"):
            for obj in child.children:
                if obj.dep_ == "obj" and obj.i > child.i and obj.pos_ in _NOMINAL:
                    for member in _members(obj):
                        # (a bare object, «установить пандусы», «сохранить право …», says too little of the action)
                        found = subjects(_funded_work(member, child), quotes, kind, weight)
                        yield from (c for c in found if c.end - c.start > 1)
            return


def _funded_work(noun: Token, verb: Token) -> Token:
    """«средства на водоснабжение сёл»: the work money is for, not the money (the parser may hang the «на X» on the
    verb of the money)."""
    if lemma(noun) not in _MONEY:
        return noun
    around = [*noun.children, *verb.children]
    works = [c for c in around if c.i > noun.i and preposition(c) == "на" and _case(c) == "Acc"]
    return works[0] if works and works[0].pos_ == "NOUN" else noun


_MONEY = frozenset({"средство", "финансирование", "ассигнование"})


def _forum_subjects(noun: Token, quotes: dict[int, int], weight: float = STRONG) -> Iterator[Candidate]:
    named = _forum_name(noun, quotes)
    if named is not None:
        yield named
    cognate = lemma(noun) in _COGNATE_FORUMS
    for child in noun.children:
        if child.i > noun.i and child.dep_ == "nmod" and preposition(child) in _TOPIC_PREPOSITIONS:
            if _remit_of_body(child):
                continue
            for member in _members(child):
                yield from subjects(member, quotes, "forum", weight)
        elif cognate and child.i > noun.i and child.dep_ == "nmod" and preposition(child) is None:
            # «рассмотрение депутатов»: people in the genitive are who considers, not what is considered.
            if _case(child) == "Gen" and "Anim" not in child.morph.get("Animacy"):
                for member in _members(child):
                    yield from subjects(member, quotes, "forum", weight)
        elif child.dep_ == "acl" and lemma(child) in ("посвятить", "посвящать"):
            for obj in child.children:
                if obj.dep_ in ("obl", "obj", "iobj") and obj.pos_ in _NOMINAL:
                    for member in _members(obj):
                        yield from subjects(member, quotes, "forum", weight)
            for member in _devoted_stray(noun, child):
                # (a bare «сходу» of «сходу лавин», its genitive misparsed, says too little)
                yield from (c for c in subjects(member, quotes, "forum", weight) if c.end - c.start > 1)


_BODY_HEADS = lexicons.load("org_heads")


def _remit_of_body(child: Token) -> bool:
    """«заседание Комитета по аграрным и водохозяйственным вопросам»: a «по X» right after a body's head noun is the
    body's remit, part of its name, wherever the parser hung it — not what the meeting was about."""
    doc = child.doc
    before = child.left_edge.i - 1
    # (Only «по»: «информация председателей контрольных органов о взаимодействии с палатой» is what they told.)
    return (
        preposition(child) == "по"
        and before >= 0
        and doc[before].pos_ in _NOMINAL
        and lemma(doc[before]) in _BODY_HEADS
    )


def _devoted_stray(noun: Token, devoted: Token) -> Iterator[Token]:
    """«заседание, посвященное подготовке к паводку, сходу лавин, а также обеспечению населения электроэнергией»: the
    later datives of the list, which the parser may hang on the event's noun; a noun not in the dative itself has no
    dative conjunct of its own."""
    if _case(noun) == "Dat":
        return
    for child in noun.children:
        if child.dep_ == "conj" and child.i > devoted.i and child.pos_ == "NOUN" and _case(child) == "Dat":
            yield from _members(child)


def _act(noun: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """A law or a draft is an issue when its subject is stated («закон «О полиции»», «законопроект об НКО»);
    a decision stands for its subject («указ об отставке правительства» → «отставка правительства»)
    unless it has a title («проект решения «О бюджете …»», kept whole)."""
    lex = issue_lexicons()
    parent = noun.head
    if noun.dep_ == "nmod" and parent.i < noun.i and lemma(parent) in lex.laws and preposition(noun) is None:
        return  # «проект решения …»: the draft is the phrase, found from its own head
    found = _candidate(noun, quotes, "act", STRONG)
    if found and any(
        c.dep_ == "nmod" and c.i > noun.i and preposition(c) is None and "Anim" in c.morph.get("Animacy")
        for c in noun.children
    ):
        # «положение пожилых родителей мигрантов»: of people, the noun is a situation, not an act.
        yield found
        return
    title = _title_after(noun, quotes)
    listed = list(_listed_titles(noun.doc, title[1], quotes)) if title and lemma(noun) in lex.decisions else []
    about = [c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i and preposition(c) in _ABOUT]
    amending = lemma(noun) in lex.laws and about and lemma(about[0]) in _AMENDING
    titled = found and any(found.start <= o < found.end and _is_title_quote(noun.doc, o, c) for o, c in quotes.items())
    # (Not a decision listing more titles, each an item, nor a draft worded by its amendment, below.)
    if titled and not listed and not amending:
        yield found
        return
    for open_i, close_i in listed:
        yield Candidate(open_i + 2, close_i, open_i + 2, "title", STRONG)
    if title is not None and title[1] - title[0] > _SHORT_TITLE:
        # A title too long for the phrase («проект решения «О внесении изменений в решение … «О бюджете …»»»):
        # the title without its «О» is the item.
        open_i, close_i = title
        yield Candidate(open_i + 2, close_i, open_i + 2, "title", STRONG)
        return
    if found and lemma(noun) in _AMENDMENTS and any(_amended(c) for c in noun.children if c.i > noun.i):
        yield found  # «поправки в областной бюджет на 2024 год»: what is amended names the item
        return
    if found and lemma(noun) in _NAMED_UNDERTAKINGS and _named_in_quotes(noun, found, quotes) and _told_of(noun):
        yield found  # «рассказал о федеральном проекте «Профессионалитет»»: an undertaking under its own name
        return
    if lemma(noun) in lex.laws and not about:
        # «проект по созданию молодёжного центра», «программа по переселению»: the remit is the question.
        remit = [c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i and preposition(c) == "по"]
        # «проект сопровождаемого проживания»: what the project does, unless it is a draft of an act.
        remit = remit or [
            c
            for c in noun.children
            if c.dep_ == "nmod"
            and c.i == noun.i + 1 + sum(1 for t in c.children if t.i < c.i)
            and preposition(c) is None
            and _case(c) == "Gen"
            and c.pos_ == "NOUN"
            and lemma(c).endswith(_ACTION_SUFFIXES)  # what is done, not who («поправки комиссии»)
            and lemma(c) not in lex.laws
            and lemma(c) not in lex.decisions
            and not _is_person(c)
        ]
        for member in _members(remit[0]) if remit else ():
            yield from subjects(member, quotes, "act")
        if found and not remit and found.end - found.start > 2 and _drafts_a_document(noun):
            yield found  # «проект бюджета поселения на 2023 год»: the draft of a document is the item
        return
    if not about:
        return
    if lemma(noun) in lex.laws and lemma(about[0]) in _AMENDING:
        # «законопроект о внесении изменений в Закон «О воде и водопользовании» в части …»: a draft that amends an act
        # is worded by its amendment, whose words the draft's phrase would cut to «законопроект о внесении».
        for member in _members(about[0]):
            yield from subjects(member, quotes, "act")
            # «… в части внедрения водосберегающих технологий»: the part of the act amended is a question of its own.
            for part in member.children:
                if part.i > member.i and preposition(part) in ("в", "во") and lemma(part) == _PART:
                    for matter in part.children:
                        if matter.dep_ == "nmod" and preposition(matter) is None and _case(matter) == "Gen":
                            for inner in _members(matter):
                                yield from subjects(inner, quotes, "act")
        return
    if lemma(noun) in lex.laws:
        if found:
            yield found
    else:
        for member in _members(about[0]):
            yield from subjects(member, quotes, "act")


# Undertakings a report names by a quoted name: «программа «Земский учитель»», «федеральный проект «Профессионалитет»»
# (the golds of corpus-genre b03 and eight held-out sets list them so).
_NAMED_UNDERTAKINGS = frozenset({"программа", "проект", "стратегия", "концепция"})


def _told_of(noun: Token) -> bool:
    """What a speech or a debate was about («рассказал о проекте …», «обсудили программу …»), not an undertaking
    named in passing («в рамках национального проекта …», «софинансирование программы …»)."""
    if preposition(noun) in _ABOUT:
        return True
    lex = issue_lexicons()
    verb = lemma(noun.head)
    return noun.dep_ in ("obj", "nsubj:pass") and (verb in lex.cue_verbs or verb in lex.report_verbs)


def _named_in_quotes(noun: Token, found: Candidate, quotes: dict[int, int]) -> bool:
    """The noun's name in quotes right after it, no act's title («О …»), whole inside the phrase."""
    close = quotes.get(noun.i + 1)
    return close is not None and close < found.end and not _is_title_quote(noun.doc, noun.i + 1, close)


# Documents a council adopts from a draft: «проект бюджета», «проект генерального плана», «проект устава», «проект
# правил благоустройства».
_DRAFTED = frozenset({"бюджет", "план", "генплан", "устав", "правило", "схема"})


def _drafts_a_document(noun: Token) -> bool:
    """«проект бюджета …»: a draft («проект») whose genitive right after it is a document a council adopts. Its own
    adjective makes it an undertaking («пилотный проект бюджета …»), and a bare «проект бюджета» says too little."""
    if lemma(noun) != "проект" or any(c.dep_ == "amod" and c.i < noun.i for c in noun.children):
        return False
    return any(
        c.dep_ == "nmod"
        and preposition(c) is None
        and _case(c) == "Gen"
        and lemma(c) in _DRAFTED
        and c.i == noun.i + 1 + sum(1 for t in c.children if t.i < c.i)
        for c in noun.children
    )


def _amended(child: Token) -> bool:
    """«в областной бюджет», «в Закон …»: the act an amendment goes into (accusative after «в»)."""
    return child.dep_ == "nmod" and preposition(child) in ("в", "во") and _case(child) == "Acc"


def _forum_name(noun: Token, quotes: dict[int, int]) -> Candidate | None:
    """«круглый стол «Доступная среда: права людей с инвалидностью …»»: an event's quoted name states its
    subject, up to the colon that opens its subtitle."""
    doc = noun.doc
    close_i = quotes.get(noun.i + 1)
    if close_i is None or close_i - noun.i < 3:
        return None
    start = noun.i + 2
    if doc[start].lower_ in _ABOUT:
        start += 1
    end = next((t.i for t in doc[start:close_i] if t.text in (":", "«", ".")), close_i)
    nouns = [t for t in doc[start:end] if t.pos_ in _NOMINAL]
    if not nouns or end - start > MAX_WORDS:
        return None
    return Candidate(start, end, nouns[0].i, "forum", STRONG)


# «повестки дня» after the question's noun: «вопросу повестки дня «О …»».
_AGENDA_WORDS = frozenset({"повестка", "день"})


def _announced_title(doc: Doc, open_i: int, close_i: int) -> Candidate | None:
    """«Пятый вопрос повестки дня – «О бюджете города Ош на 2023 год …»»: a title announced as a question."""
    if not _is_title_quote(doc, open_i, close_i):
        return None
    before = doc[max(0, open_i - 5) : open_i]
    # «По первому вопросу «Об отчёте мэра …» выступил …»: the question's noun right before its title announces it too,
    # and so it does with its agenda after it («По первому вопросу повестки дня «Об итогах …»»), or a comma
    # («По второму вопросу, «О внесении изменений …», выступил …»).
    last = len(before)
    while last > 1 and (lemma(before[last - 1]) in _AGENDA_WORDS or before[last - 1].text == ","):
        last -= 1
    right_after = bool(last) and before[last - 1].pos_ == "NOUN" and lemma(before[last - 1]) in issue_lexicons().generic
    if not right_after and not any(t.text in ("–", "—", "-", ":") for t in before[-2:]):
        return None
    if not any(t.pos_ == "NOUN" and lemma(t) in issue_lexicons().generic for t in before):
        return None
    return Candidate(open_i + 2, close_i, open_i + 2, "title", STRONG)


def _title_after(noun: Token, quotes: dict[int, int]) -> tuple[int, int] | None:
    """The title quote «О …» right after a law or decision noun, or after its genitive («проект решения «О …»») and
    the issuer's name («проект закона Чеченской Республики «О …»», «решение Совета депутатов города «О …»»)."""
    for at in range(noun.i + 1, noun.i + 2 + _ISSUER_WORDS):
        close_i = quotes.get(at)
        if close_i is not None and _is_title_quote(noun.doc, at, close_i):
            return at, close_i
        if at >= len(noun.doc) or noun.doc[at].pos_ not in _NOMINAL | {"ADJ"}:
            break
    return None


def _listed_titles(doc: Doc, close_i: int, quotes: dict[int, int]) -> Iterator[tuple[int, int]]:
    """«изменения в решения маслихата «Об …», «Об …» и «Об …»»: the titles listed after a decision's first one name
    one decision each, every one an item."""
    at = close_i + 1
    while at + 1 < len(doc) and doc[at].text in (",", "и", ";"):
        start = at + 2 if doc[at + 1].lower_ == "и" else at + 1
        end = quotes.get(start)
        if end is None or not _is_title_quote(doc, start, end) or end - start <= _SHORT_TITLE - 2:
            return
        yield start, end
        at = end + 1


_ISSUER_WORDS = 4  # words of an issuer's name between an act's genitive and its title: «Чеченской Республики»


# A report given under a title: «с докладом «О выполнении программы …» выступил», «с информацией «О внесении …»».
_REPORT_NOUNS = frozenset({"доклад", "содоклад", "информация", "отчет", "отчёт", "сообщение"})


def _reported_title(doc: Doc, open_i: int, close_i: int) -> Candidate | None:
    """A title «О …» right after a report's noun («с докладом «О …»»): the report's subject, worded as an item."""
    if open_i == 0 or not _is_title_quote(doc, open_i, close_i) or lemma(doc[open_i - 1]) not in _REPORT_NOUNS:
        return None
    return Candidate(open_i + 2, close_i, open_i + 2, "title", STRONG)


def _quoted_law(doc: Doc, open_i: int, close_i: int) -> Candidate | None:
    """A law known by a quoted name: «закон Димы Яковлева», «пакет Яровой»."""
    first = doc[open_i + 1]
    if close_i - open_i < 3 or first.pos_ != "NOUN" or lemma(first) not in issue_lexicons().laws:
        return None
    # «Закон не должен остаться на бумаге»: a speaker's words that open on the noun are a quote, not a law's name (a
    # name has no finite verb).
    if any("Fin" in t.morph.get("VerbForm") for t in doc[open_i + 1 : close_i]):
        return None
    return Candidate(open_i + 1, close_i, first.i, "act", STRONG)


def _in_names(doc: Doc, names: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that start inside one of the character spans `names`.

    Token offsets ascend, so each span is two bisections, not a test of every token against every name.
    """
    starts = doc.to_array(IDX).tolist()
    inside: set[int] = set()
    for start, end in names:
        inside.update(range(bisect_left(starts, start), bisect_left(starts, end)))
    return inside


_NOUN, _VERB = POS_IDS["NOUN"], POS_IDS["VERB"]


def _fold(lemma: str) -> str:
    """`lemma(token)` of a token with this lemma."""
    return lemma.lower().replace("ё", "е")


@cache
def _starting_nouns() -> frozenset[str]:
    """The lemmas of the nouns the rules of `candidates` start from (its `token.pos_ == "NOUN"` branches)."""
    lex = issue_lexicons()
    return frozenset(
        {"внимание"}
        | _REQUESTS
        | _CONCERNS
        | lex.generic
        | lex.forums
        | _HEARD_NOUNS
        | _FUNDS
        | lex.laws
        | lex.decisions
        | lex.heads
    )


@cache
def _starting_verbs() -> frozenset[str]:
    """The lemmas of the verbs the rules of `candidates` start from (its `token.pos_ == "VERB"` branches, with
    `_speech_goes`'s «идти» and `_instructs_at_meeting`'s directive verbs)."""
    lex = issue_lexicons()
    return frozenset(
        {"идти"}
        | lex.cue_verbs
        | lex.report_verbs
        | _DWELL_VERBS
        | _PROPOSAL_VERBS
        | _DIRECTIVE_VERBS
        | _ASKING_VERBS
        | _COMPLAINT_VERBS
        | _LACKING_VERBS
        | frozenset(_ELECTION_VERBS)
        | frozenset(_CONFERRAL_VERBS)
        | frozenset(_TERMINATION_VERBS)
        | _INCLUDING_VERBS
        | _FUNDING_VERBS
        | _ADVOCATING_VERBS
    )


def candidates(doc: Doc, names: list[tuple[int, int]] | None = None) -> Iterator[Candidate]:
    """Every phrase the grammar proposes, in text order; `names` are character spans of organization
    names, whose words («… социального обеспечения и миграции») are never issues."""
    lex = issue_lexicons()
    quotes = quote_spans(doc)
    names = list(names or []) + [(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "ORG"]
    for open_i, close_i in quotes.items():
        checkpoint("issues")
        found = (
            _quoted_law(doc, open_i, close_i)
            or _announced_title(doc, open_i, close_i)
            or _reported_title(doc, open_i, close_i)
        )
        if found:
            yield found
    yield from agenda_items(doc)
    yield from counted_items(doc)
    yield from ordinal_items(doc)
    yield from inline_agenda(doc, quotes)
    yield from fronted_reports(doc, quotes)
    in_names = _in_names(doc, names)
    # Tokens only for verbs, nouns and dashes, the words a rule below starts from: a Token for every word
    # cost more than the rules. A verb starts one only by its lemma (`_starting_verbs`), a noun by its lemma
    # (`_starting_nouns`) or as the action of an unfinished completion (`_unfinished`: its head's lemma), all read
    # from the arrays first.
    tags, texts = doc.to_array(POS).tolist(), token_texts(doc)
    lemma_ids = doc.to_array(LEMMA).tolist()
    heads = doc.to_array(HEAD).view("int64").tolist()  # relative offsets, stored unsigned
    strings, starting_nouns, starting_verbs = doc.vocab.strings, _starting_nouns(), _starting_verbs()
    for i, tag in enumerate(tags):
        if i in in_names or (tag not in _STARTING_POS and texts[i] not in ("—", "–")):
            continue
        if texts[i] not in ("—", "–"):
            if tag == _VERB and _fold(strings[lemma_ids[i]]) not in starting_verbs:
                continue
            if (
                tag == _NOUN
                and _fold(strings[lemma_ids[i]]) not in starting_nouns
                and _fold(strings[lemma_ids[i + heads[i]]]) not in _COMPLETIONS
            ):
                continue
        checkpoint("issues")  # where a rule starts: the words skipped above cost next to nothing
        token = doc[i]
        # Only verbs and nouns are looked up in the lexicons: no need to lemmatise other words.
        word = lemma(token) if token.pos_ in ("VERB", "NOUN") else None
        if word in _FUNDS:
            yield from _funds_for(token, quotes)
        if token.pos_ == "VERB" and word in _ADVOCATING_VERBS:
            yield from _advocated(token, quotes)  # (a verb of report too: «выступил о …»)
        if token.pos_ == "VERB" and word in lex.cue_verbs and not _instructed(token) and not _to_come(token):
            for child in token.children:
                if child.pos_ not in _NOMINAL or (child.i < token.i and child.dep_ != "nsubj:pass"):
                    continue
                topical = child.dep_ in ("obl", "nmod") and preposition(child) in _TOPIC_PREPOSITIONS
                # «заседание было посвящено организованному набору»: the dative is what it was about.
                devoted = word in _DEVOTE_VERBS and child.dep_ in ("obl", "iobj") and _case(child) == "Dat"
                if _heard(token, child):
                    # «заслушали руководителей служб о подготовке к зиме»: what the people heard spoke about, wherever
                    # the parser hung it.
                    for topic in child.children:
                        if topic.dep_ == "nmod" and topic.i > child.i and preposition(topic) in _ABOUT:
                            for member in _members(topic):
                                yield from subjects(member, quotes, "cue")
                    continue
                if child.dep_ in ("obj", "nsubj:pass") or topical or (devoted and preposition(child) is None):
                    for member in _members(child):
                        yield from subjects(member, quotes, "cue")
        elif token.pos_ == "VERB" and (word in lex.report_verbs or word in _DWELL_VERBS or _speech_goes(token)):
            # «рассказала о студенческом добровольчестве», «остановился на водоснабжении», «речь шла о …»:
            # a speaker's subject, weaker than a cue of deliberation.
            dwell = word in _DWELL_VERBS
            wanted = frozenset({"на"}) if dwell else _ABOUT
            for child in token.children:
                # «О ходе северного завоза топлива проинформировал …»: a report's subject may come first.
                after = child.i > token.i or not dwell
                if after and child.dep_ in ("obl", "nmod") and preposition(child) in wanted:
                    for member in _members(child):
                        yield from subjects(member, quotes, "report", REPORTED)
        elif token.pos_ == "VERB" and (word in _PROPOSAL_VERBS or _instructs_at_meeting(token, word)):
            yield from _proposed(token, quotes)
        elif token.pos_ == "VERB" and word in _FUNDING_VERBS:
            yield from _funded(token, quotes)
        elif token.pos_ == "VERB" and word in _INCLUDING_VERBS:
            yield from _inclusion(token, quotes)
        elif token.pos_ == "VERB" and word in _ASKING_VERBS:
            yield from _asked_about(token, quotes)
        elif token.pos_ == "VERB" and word in _COMPLAINT_VERBS:
            yield from _complained_of(token, quotes)
        elif token.pos_ == "VERB" and word in _LACKING_VERBS and _negated(token):
            yield from _lacking(token, quotes)
        elif token.pos_ == "VERB" and word in _ELECTION_VERBS:
            yield from _elected(token, quotes)
        elif token.pos_ == "VERB" and word in _CONFERRAL_VERBS:
            yield from _conferred(token, quotes)
        elif token.pos_ == "VERB" and word in _TERMINATION_VERBS:
            yield from _terminated(token, quotes)
        elif (
            token.pos_ == "NOUN"
            and word == "внимание"
            and lemma(token.head) in _ATTENTION_VERBS
            and not _to_come(token.head)
        ):
            yield from _attention(token, quotes)
        elif token.pos_ == "NOUN" and word in _REQUESTS:
            yield from _requested(token, quotes)
        elif token.pos_ == "NOUN" and word in _CONCERNS:
            yield from _concern(token, quotes)
        elif token.pos_ == "NOUN" and word in lex.generic:
            parent = token.head
            # Objects of cue verbs are handled there; elsewhere a generic noun still introduces its subject,
            # except in a remit («комиссия по вопросам миграции»), which is weaker evidence.
            cued = parent.pos_ == "VERB" and lemma(parent) in lex.cue_verbs and token.dep_ in ("obj", "nsubj:pass")
            # «по вопросам законности» in plural is a remit however the parser hangs it (on a misread noun too).
            remit = preposition(token) == "по" and (parent.pos_ in _NOMINAL or "Plur" in token.morph.get("Number"))
            # «Вопрос о парке будет докладывать …»: the item of a meeting to come.
            planned = lemma(parent) in lex.cue_verbs or lemma(parent) in lex.report_verbs
            if not cued and not (parent.pos_ == "VERB" and planned and _to_come(parent)):
                weight = WEAK if remit else STRONG
                for member in _complements(token):
                    if word in _COUNTING and not _counts_questions(member):
                        continue  # «в ряде школ», «перечень площадок»: things counted or listed, not a question
                    yield from subjects(member, quotes, "generic", weight)
                for member in _named_by_copula(token):
                    yield from subjects(member, quotes, "generic", STRONG)
                for member in _taken_as_item(token):
                    yield from subjects(member, quotes, "generic", STRONG)
        elif token.pos_ == "NOUN" and (word in lex.forums or (word in _HEARD_NOUNS and _spoken_with(token))):
            yield from _forum_subjects(token, quotes)
        elif token.pos_ == "NOUN" and (word in lex.laws or word in lex.decisions):
            yield from _act(token, quotes)
        elif (
            token.pos_ == "NOUN"
            and (word in lex.heads or _unfinished(token))
            and _has_subject(token)
            and not _institution(token, word)
            and not _thanked(token)
        ):
            # «Сохраняется нехватка учителей», «задолженность по земельному налогу превышает 40 миллионов», «ожидается
            # дефицит поливной воды»: a shortfall a clause tells of is a problem the report raises, stronger than a
            # phrase of action: it fills a short list; so is work not finished («не завершена замена насосов»).
            told = word in _SHORTFALLS and token.dep_ == "nsubj" and token.head.pos_ == "VERB"
            problem = (told and not _of_accounts(token) and not _absent(token)) or _unfinished(token)
            found = _candidate(token, quotes, "problem" if problem else "action", REPORTED if problem else WEAK)
            if found and found.end - found.start > 1:
                yield found
        if token.text in ("—", "–") and token.i + 2 < len(doc):
            yield from _dash_subject(token, quotes)
            yield from _named_by_dash(token, quotes)


# Verbs of ceremony: whom a speaker thanks or congratulates («поблагодарил предыдущий состав … за совместную работу»)
# is no question the meeting dealt with.
_CEREMONY_VERBS = frozenset(
    {"благодарить", "поблагодарить", "поздравить", "поздравлять", "приветствовать", "наградить"}
)


# A merit an award or a thanks is for: «за вклад в развитие агропромышленного комплекса», «за заслуги в развитии …».
_MERITS = frozenset({"вклад", "заслуга"})


def _thanked(token: Token) -> bool:
    """Who or what a ceremony honours, or the merit it honours («за вклад в развитие …»): praise, not a question."""
    merit = lemma(token.head) in _MERITS and preposition(token) in ("в", "во")
    return (token.dep_ == "obj" and lemma(token.head) in _CEREMONY_VERBS) or merit


# Nouns of action that are also kinds of body: «государственное учреждение образования», «муниципальное образование».
_INSTITUTION_SENSES = frozenset({"учреждение", "образование", "объединение", "управление", "представительство"})


# Generic nouns that count or list («ряд», «перечень», «круг»): outside a cue they name a question only through a noun
# of questions or of action («ряд проблем», «перечень мер по благоустройству»), not things («в ряде школ»).
_COUNTING = frozenset({"ряд", "перечень", "круг"})


def _counts_questions(member: Token) -> bool:
    word = lemma(member)
    return word in issue_lexicons().generic or word.endswith(_ACTION_SUFFIXES) or word in _PROCESSES


def _institution(token: Token, word: str | None) -> bool:
    """«в актовом зале государственного учреждения образования «…»»: an adjective before the noun makes the
    institution, not the act of instituting; so does the plural («руководители предприятий и учреждений города»):
    acts of instituting are not counted."""
    if word not in _INSTITUTION_SENSES:
        return False
    return "Plur" in token.morph.get("Number") or any(c.dep_ == "amod" and c.i < token.i for c in token.children)


def _dash_subject(dash: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«<Фамилия> — о <теме>»: the topic of a listed speaker's report."""
    doc = dash.doc
    prep = doc[dash.i + 1]
    if prep.lower_ not in _ABOUT:
        return
    head = prep.head
    if head.pos_ in _NOMINAL and head.i > prep.i:
        for member in _members(head):
            yield from subjects(member, quotes, "dash")


# «главная проблема – X», «третий вопрос – X», «главная задача 2025 года – X», «главная причина возгораний
# остаётся прежней – X»: a noun of a problem before a dash, and the question after it, however the parser links them.
_PROBLEM_NOUNS = frozenset({"проблема", "задача", "причина", "вопрос", "трудность"})
_PROBLEM_REACH = 5  # words between the problem noun and the dash: its adjectives, a genitive, a copula
_AFTER_DASH = 3  # adjectives before the question's head noun


def _named_by_dash(dash: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    doc = dash.doc
    sent_start = dash.sent.start
    before = doc[max(sent_start, dash.i - _PROBLEM_REACH) : dash.i]
    nouns = [t for t in before if t.pos_ == "NOUN" and lemma(t) in _PROBLEM_NOUNS and _case(t) == "Nom"]
    if not nouns:
        return
    between = doc[nouns[-1].i + 1 : dash.i]
    if any(t.is_punct or (t.pos_ in ("VERB", "AUX") and lemma(t) not in _COPULAS) for t in between):
        return
    for token in doc[dash.i + 1 : min(len(doc), dash.i + 1 + _AFTER_DASH + 1)]:
        if token.pos_ in _NOMINAL:
            if _case(token) == "Nom" and not _is_person(token):
                for member in _members(token):
                    yield from subjects(member, quotes, "generic", STRONG)
            return
        if token.pos_ not in ("ADJ", "DET", "NUM"):
            return


def _attention(noun: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«обратил внимание на организацию горячего питания», «уделить внимание профилактике»: what the
    speaker turned the meeting to."""
    verb = noun.head
    wanted = _ATTENTION_VERBS[lemma(verb)]
    # The parser hangs «на X» on the verb or on «внимание» itself.
    for child in [*verb.children, *noun.children]:
        if child.i <= noun.i or child.pos_ not in _NOMINAL or child.dep_ not in ("obl", "iobj", "nmod"):
            continue
        if (wanted and preposition(child) == wanted) or (
            not wanted and not preposition(child) and _case(child) == "Dat"
        ):
            for member in _members(child):
                yield from subjects(member, quotes, "attention")


def _named_by_copula(noun: Token) -> Iterator[Token]:
    """«Третий вопрос – кадровая ситуация в больницах», «Ключевым вопросом стали поправки в бюджет», «главная
    проблема – залоговое обеспечение»: the question is what a copula equates the generic noun with."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.pos_ == "NOUN" and head.i > noun.i:
        yield from _members(head)
    elif noun.dep_ in ("xcomp", "obl") and _case(noun) == "Ins" and lemma(head) in _COPULAS:
        for child in head.children:
            if child.dep_ == "nsubj" and child.pos_ in _NOMINAL:
                yield from _members(child)


# Ordinals that number an agenda's items: «Вторым вопросом приняты изменения в Устав», «Последним вопросом …».
_ORDINALS = frozenset(
    {
        "первый",
        "второй",
        "третий",
        "четвёртый",
        "четвертый",
        "пятый",
        "шестой",
        "седьмой",
        "восьмой",
        "девятый",
        "десятый",
        "последний",
        "следующий",
        "очередной",
    }
)


def _taken_as_item(noun: Token) -> Iterator[Token]:
    """«Вторым вопросом приняты изменения в Устав округа», «Третьим вопросом утверждён план работы»: what a numbered
    item's verb acts on, whatever the verb (a cue verb's object is taken there), is that item; money allotted is
    taken by what it is for («выделены средства на …»)."""
    verb = noun.head
    numbered = any(c.dep_ == "amod" and c.i < noun.i and lemma(c) in _ORDINALS for c in noun.children)
    if not (numbered and noun.dep_ == "obl" and _case(noun) == "Ins" and verb.pos_ == "VERB"):
        return
    if lemma(verb) in issue_lexicons().cue_verbs or lemma(verb) in _ELECTION_VERBS:
        return
    low, high = sorted((noun.i, verb.i))
    if any(t.text in (":", ";", "—", "–") for t in noun.doc[low:high]):
        return  # «Вторым вопросом хоким района — о мерах …: … обеспечены …»: a verb past the item's own clause
    for child in verb.children:
        # (An object after its verb: one before it is a misread subject, «сакребуло избрало …».)
        acted_on = child.dep_ == "nsubj:pass" or (child.dep_ == "obj" and child.i > verb.i)
        if acted_on and child.pos_ in _NOMINAL and not _is_person(child) and lemma(child) not in _FUNDS:
            yield from _members(child)


def _requested(noun: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«с просьбой провести аудит расходов на ремонт дорог»: a request names what is to be done."""
    for action in noun.children:
        if action.pos_ == "VERB" and action.i > noun.i and action.dep_ in ("nmod", "acl", "xcomp"):
            for child in action.children:
                if child.dep_ == "obj" and child.i > action.i and child.pos_ in _NOMINAL:
                    for member in _members(child):
                        yield from subjects(member, quotes, "proposal", REPORTED)
    # «подготовить предложения по обустройству остановок», «предложения о перерасчёте платы»: the work they are
    # about (a noun of action: «предложения по срокам» name no work).
    heads = issue_lexicons().heads
    for child in noun.children:
        offered_on = child.dep_ == "nmod" and child.i > noun.i and child.pos_ == "NOUN"
        if offered_on and preposition(child) in _TOPIC_PREPOSITIONS:
            for member in _members(child):
                if lemma(member) in heads:
                    yield from subjects(member, quotes, "proposal", REPORTED)


def _proposed(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«попросила обеспечить подвоз воды к школам», «предложил создать консультационный центр»: what a speaker
    asks to be done is a question raised at the meeting; weaker than a report, it fills a short list only."""
    for action in verb.children:
        if action.dep_ != "xcomp" or action.pos_ != "VERB" or action.i < verb.i or lemma(action) in _SUBMITTING:
            continue
        for child in action.children:
            if child.dep_ == "obj" and child.i > action.i and child.pos_ in _NOMINAL and not _heard(action, child):
                for member in _members(child):
                    found = list(subjects(member, quotes, "proposal", REPORTED))
                    if not found and lemma(member) in issue_lexicons().laws and _has_subject(member):
                        # «расширить программу академической мобильности»: a programme asked for by its subject.
                        found = [c for c in [_candidate(member, quotes, "proposal", REPORTED)] if c is not None]
                    work = _WORKS_DONE.get(lemma(action))
                    yield from (replace(c, action=work) if work and not c.action else c for c in found)


# «высказался за увеличение числа рейсов», «выступила за сохранение начальных классов»: what a speaker stands for is a
# proposal, worded as its noun (each of four opened sets' golds lists it); a question raised, not an item of the agenda.
_ADVOCATING_VERBS = frozenset({"высказаться", "высказываться", "выступить", "выступать"})


def _advocated(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    for child in verb.children:
        if child.dep_ == "obl" and child.i > verb.i and preposition(child) == "за" and _case(child) == "Acc":
            for member in _members(child):
                yield from subjects(member, quotes, "stand", REPORTED)
    # «…, а депутат Литвиненко — за установку уличного освещения»: the verb left out after a dash, wherever the parser
    # hung what the next speaker stands for.
    doc = verb.doc
    for i in range(verb.i + 1, verb.sent.end - 2):
        if doc[i].text in ("—", "–") and doc[i + 1].lower_ == "за":
            noun = doc[i + 1].head
            if noun.i > i + 1 and noun.pos_ == "NOUN" and _case(noun) == "Acc":
                for member in _members(noun):
                    yield from subjects(member, quotes, "stand", REPORTED)


# Works asked to be done on an object («поручил очистить ливневые арыки», «предложил отремонтировать мост»): the golds,
# as an agenda, word the work by its noun («очистка ливневых арыков», «ремонт моста»), not the object alone.
_WORKS_DONE = {
    "очистить": "очистка",
    "расчистить": "расчистка",
    "отремонтировать": "ремонт",
    "построить": "строительство",
    "заменить": "замена",
    "реконструировать": "реконструкция",
    "благоустроить": "благоустройство",
    "восстановить": "восстановление",
    "убрать": "уборка",
    "вывезти": "вывоз",
}


def _concern(noun: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«выразила озабоченность недостаточным финансированием ремонта дорог»: what worries a speaker is a problem
    raised at the meeting."""
    for child in noun.children:
        instrumental = preposition(child) is None and _case(child) == "Ins"
        if child.i > noun.i and child.dep_ == "nmod" and child.pos_ in _NOMINAL and instrumental:
            for member in _members(child):
                yield from subjects(member, quotes, "report", REPORTED)


# The sitting itself and the commissions that run its vote: «председателем заседания избран …», «председателем
# счётной комиссии избран …» is the sitting's procedure, never an item of its agenda (no gold lists one).
_SITTINGS = frozenset({"заседание", "сессия", "собрание", "конференция", "съезд"})
_VOTING_COMMISSIONS = frozenset({"счётный", "счетный", "редакционный", "мандатный"})


def _of_the_sitting(role: Token) -> bool:
    """A post of the sitting: its genitive is the sitting (lower case: «Собрание депутатов» is a body) or a commission
    of its vote."""
    for owner in role.children:
        if owner.dep_ != "nmod" or owner.i < role.i or preposition(owner) is not None or _case(owner) != "Gen":
            continue
        if lemma(owner) in _SITTINGS and owner.text[:1].islower():
            return True
        if lemma(owner) == "комиссия" and any(lemma(a) in _VOTING_COMMISSIONS for a in owner.children):
            return True
    return False


def _elected(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«председателем совета избран …», «избрали нового секретаря»: the post filled, as the agenda words it."""
    roles = [c for c in verb.children if c.dep_ in ("obl", "xcomp") and c.pos_ == "NOUN" and _case(c) == "Ins"]
    # «Пятым вопросом председателем постоянной комиссии … избран»: the parser may hang the post on the item's ordinal
    # noun, another instrumental.
    roles += [g for c in roles for g in c.children if g.dep_ == "nmod" and g.pos_ == "NOUN" and _case(g) == "Ins"]
    roles = [r for r in roles if preposition(r) is None and "Anim" in r.morph.get("Animacy")]
    if not roles:
        roles = [c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.ent_type_ != "PER"]
    for role in roles[:1]:
        if preposition(role) is not None or "Anim" not in role.morph.get("Animacy") or _of_the_sitting(role):
            continue
        found = phrase(role, quotes)
        if found is not None:
            yield Candidate(found[0], found[1], role.i, "elect", STRONG, _ELECTION_VERBS[lemma(verb)])


def unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """«1. «О внесении изменений в решение …»;»: an agenda item that is a draft's title quoted whole is the title
    itself, without the quotes; «О X» и «О Y» are two titles and keep theirs."""
    if end - start < 2 or text[start] not in OPEN_QUOTES or text[end - 1] not in CLOSE_QUOTES:
        return start, end
    inner = text[start + 1 : end - 1]
    if inner.count("«") != inner.count("»") or "»" in inner.split("«", 1)[0]:
        return start, end
    return start + 1, end - 1


def quoted_title_end(text: str, start: int, end: int) -> int:
    """«1. «Об исполнении бюджета города за 2025 год» – доложила …», «3. «О выборах заместителя торага». Тайным
    голосованием …»: an item that opens with a quoted title is that title; what follows its closing quote is who
    reported or what was done. «О X» и «О Y» are two titles of one line and keep both."""
    if end - start < 2 or text[start] != "«":
        return end
    depth = 0
    for at in range(start, end):
        depth += (text[at] == "«") - (text[at] == "»")
        if depth == 0:
            rest = text[at + 1 : end].lstrip(" \t")
            return end if not rest or rest.startswith(("«", "и «", ", «")) else at + 1
    return end


# The rapporteur an agenda item names after its subject: «- Отчёт руководителя … выступил руководитель отдела …»,
# «О бюджете, докладчик – …», «(докл. …)».
_RAPPORTEUR = re.compile(
    r"[\s,(–—-](?:выступил[аи]?|доложил[аи]?|докладчик|докл\.|содокладчик|информирует|информировал[аи]?)(?![\w])",
    re.IGNORECASE,
)


_FRONTED_REACH = 5  # words of a circumstance before a fronted «о …»
_CIRCUMSTANCE_OPENERS = frozenset({"ADP", "ADV", "CCONJ", "PART"})  # «В режиме видеосвязи», «Также», «А»


def _reports_about(token: Token, verbs: frozenset[str]) -> bool:
    """The sentence's verb of reporting, with the «о …» the parser gave it."""
    # (Only a verb the tagger read as one: the report rule in `candidates` starts from verbs, so a «доложила» read as an
    # adjective, its «о …» hung on it all the same, is left to the words here.)
    if _fold(token.lemma_) not in verbs or token.pos_ != "VERB":
        return False
    return token.dep_ == "ROOT" and any(c.dep_ in ("obl", "nmod") and preposition(c) in _ABOUT for c in token.children)


def fronted_reports(doc: Doc, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«Об исполнении бюджета джамоата за первый квартал доложила заместитель …»: a sentence that opens on what is
    reported, its verb of reporting later; the parser, misled by the long phrase first, may hang the verb anywhere
    (and the tagger read it as an adjective), so the shape is read from the words."""
    verbs = issue_lexicons().report_verbs
    for sent in sentences(doc):
        checkpoint("issues")
        words = [t for t in sent if not t.is_space]
        # «В режиме видеосвязи о задержке поставки … доложил …»: a circumstance without a verb may come first.
        # (Not after a noun of its own, «Вопрос о … будет докладывать», nor an agenda's dash: «По второму вопросу –
        # о …».)
        at = next((k for k, t in enumerate(words[:_FRONTED_REACH]) if t.lower_ in _ABOUT), None)
        if at is None or (at > 0 and words[0].pos_ not in _CIRCUMSTANCE_OPENERS):
            continue
        if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in words[:at]):
            continue
        if len(words) < at + 3 or words[at + 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        noun = next((t for t in words[at + 1 : at + 4] if t.pos_ == "NOUN"), None)
        if noun is None:
            continue
        verb = next((t for t in words[at + 2 :] if t.pos_ in ("VERB", "ADJ") and _fold(t.lemma_) in verbs), None)
        if verb is None or _to_come(verb) or any(_reports_about(t, verbs) for t in words):
            continue  # (a parse that found the verb and its «о»: the report rule has the phrase)
        end = verb.i
        while end > noun.i + 1 and _dangling(doc[end - 1]):
            end -= 1
        if sum(1 for t in doc[noun.i : end] if not t.is_punct) <= MAX_WORDS:
            yield Candidate(noun.i, end, noun.i, "report", REPORTED)


def _numbered_paragraphs(text: str) -> list[int]:
    """Where the numbered «О …» lines of a run 1, 2, … start, however far apart (`_ABOUT_LINE`)."""
    found = [(int(m.group(1)), m.start()) for m in _ABOUT_LINE.finditer(text)] if "\n" in text else []
    starts: list[int] = []
    run: list[int] = []
    for number, at in found:
        if number == 1:
            starts += run if len(run) > 1 else []
            run = [at]
        elif run and number == len(run) + 1:
            run.append(at)
    return starts + (run if len(run) > 1 else [])


def _before_dash(text: str, start: int, end: int) -> int:
    """The end of an item before the spaced dash that goes on to its report (`_ITEM_DASH`), outside quotes."""
    for dash in _ITEM_DASH.finditer(text, start, end):
        inside = text[start : dash.start()]
        if inside.count("«") == inside.count("»") and inside.count('"') % 2 == 0:
            return dash.start()
    return end


def _before_clause(span: Span) -> int:
    """«4. Об информации … о работе семейных поликлиник депутаты приняли решение …»: a numbered paragraph that goes on
    from its item to a clause of what was done (a finite verb with its subject after the item's words): the item ends
    where the clause's subject begins. Returns the item's length in tokens."""
    for k, token in enumerate(span):
        if k < 2 or token.pos_ not in ("VERB", "AUX") or "Fin" not in token.morph.get("VerbForm"):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ in _NOMINAL and span.start < c.i]
        if subjects and subjects[0].i < token.i:
            return subjects[0].left_edge.i - span.start if subjects[0].left_edge.i > span.start else len(span)
    return len(span)


def agenda_items(doc: Doc) -> Iterator[Candidate]:
    """«Рассмотрены вопросы:\n1. Финансовый отчёт за 2023 год.\n2. О пополнении состава правления.»: each
    numbered line under an intro that names questions or an agenda is one issue, without its «О»."""
    text = doc_text(doc)
    starts = []
    for intro in _LIST_INTRO.finditer(text):
        line = text[text.rfind("\n", 0, intro.start()) + 1 : intro.end()].lower()
        if any(word in line for word in _NOT_AGENDA_INTROS):
            continue  # «По первому вопросу РЕШИЛИ:» lists decisions, not questions
        starts.append(intro.end())
    starts += [m.start() for m in _ABOUT_LIST.finditer(text) if m.start() not in starts]
    starts += [at for at in _numbered_paragraphs(text) if at not in starts]
    listed: set[int] = set()
    for at in starts:
        numbered: bool | None = None
        while (item := _LIST_ITEM.match(text, at)) is not None and item.start("item") not in listed:
            checkpoint("issues")
            start, end = item.start("item"), item.end("item")
            listed.add(start)
            at = end + 1
            # «3. О поддержке предпринимательства↵– заместитель хокима района …»: the items of one list share its
            # marker; a dash line under a numbered item goes on to who reported on it, no item of its own.
            marked = item.group("marker")[0].isdigit()
            numbered = marked if numbered is None else numbered
            if marked != numbered:
                continue
            gloss = _GLOSS.search(text, start, end)
            if gloss is not None and "«" not in text[start : gloss.start()]:
                if len(text[start : gloss.start()].split()) > 1:
                    end = gloss.start()
                else:
                    start = gloss.end()  # «Разное: об оказании материальной помощи»: a one-word heading, its item after
            rapporteur = _RAPPORTEUR.search(text, start, end)
            if rapporteur is not None and rapporteur.start() > start:
                end = rapporteur.start()
            end = _before_dash(text, start, quoted_title_end(text, start, end))
            while end > start and text[end - 1] in " \t.;,–—-(":
                end -= 1
            start, end = unquoted(text, start, end)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span) or end - start > _MAX_ITEM_CHARS:
                continue
            if span[0].lower_ in ("и", "а") and len(span) > 2 and span[1].lower_ in _ABOUT:
                span = span[1:]  # «- и о создании рабочей группы …»: the list's last item keeps its conjunction
            if span[0].lower_ in _ABOUT and len(span) > 1:
                span = span[1:]
            span = span[: _before_clause(span)]
            head = span.root
            yield Candidate(span.start, span.end, head.i, "agenda", AGENDA)


# An agenda stated in a sentence, not listed line by line: «В повестке – итоги работы палаты, поддержка экспорта и …»,
# «На повестке дня стояли три вопроса: об утверждении …, о …», «Повестка включала вопросы маршрутизации пациентов, …».
_INLINE_AGENDA = re.compile(
    r"(?:на|в)[ \t]+повестке(?:[ \t]+дня)?[ \t]*[–—](?![ \t]*\w+[ \t]+вопрос)[ \t]*"
    r"|(?:на|в)[ \t]+повестке(?:[ \t]+дня)?(?:[ \t]+(?:стоял[аио]?|был[аио]?))?(?:[ \t]*[–—])?"
    r"[ \t]+\w+[ \t]+вопрос\w*[ \t]*:[ \t]*"
    r"|повестка(?:[ \t]+дня)?[ \t]+включала(?:[ \t]+в[ \t]+себя)?[ \t]+(?:\w+[ \t]+вопрос\w*[ \t]*:[ \t]*)?",
    re.IGNORECASE,
)
# «На пленуме были рассмотрены вопросы: об итогах …; о работе …; о ходе …»: the agenda run on in its sentence, each
# item after its «о» (a colon and a line break open `_LIST_INTRO`'s list instead).
_QUESTIONS_ABOUT = re.compile(r"(?<![\w-])вопрос(?:ы|ов)[ \t]*:[ \t]*(?=(?:о|об|обо)[ \t])", re.IGNORECASE)
# «в повестке дня были и другие. В частности, об исполнении бюджета …; о результатах …», «рассмотрели ряд
# вопросов. Среди них: медицинское обслуживание, …»: the items named in the next sentence, after a colon or each
# after its «о».
_NAMED_NEXT = re.compile(
    r"(?<=[.!?][ \t])(?:в[ \t]+частности|в[ \t]+том[ \t]+числе|среди[ \t]+них)"
    r"(?:[ \t]*:[ \t]*|[ \t]*,?[ \t]*(?=(?:о|об|обо)[ \t]))",
    re.IGNORECASE,
)


def inline_agenda(doc: Doc, quotes: dict[int, int]) -> Iterator[Candidate]:
    """The items of an agenda stated in a sentence (`_INLINE_AGENDA`): the nouns listed after it, each an issue."""
    text = doc_text(doc)
    found_all = list(_INLINE_AGENDA.finditer(text)) if "овестк" in text else []
    if "овестк" in text or "вопрос" in text:
        found_all += _NAMED_NEXT.finditer(text)
        found_all += _QUESTIONS_ABOUT.finditer(text)
    for found in found_all:
        checkpoint("issues")
        span = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
        if span is None or not len(span):
            continue
        first = span[0]
        if first.lower_ in _ABOUT:
            # «о результатах …, об исполнении … и о мерах …»: the parser loses such lists; their «о» parts them.
            yield from _about_items(doc, text, found.end(), first.sent.end_char)
            continue
        if first.pos_ == "ADJ" and first.dep_ == "amod" and first.head.i > first.i:
            first = first.head  # «Среди них: медицинское обслуживание, …»: the list opens on its noun's adjective
        if first.pos_ not in _NOMINAL:
            continue
        for member in _members(first):
            yield from subjects(member, quotes, "cue", STRONG)


# «На коллегии рассмотрены три вопроса: итоги подготовки …, ход реализации … и работа системы …», «у нас два вопроса:
# …»: an agenda announced with its count and run on in its sentence. The count says how many items follow, so the list
# parts where it must: at each comma before a word in the nominative and at the last «и» after them; the parser,
# lost in such long lists, hangs their members anywhere.
_MOST_COUNTED = 6  # items an announced count runs to: a longer agenda is a list of its own lines
_COUNTED = re.compile(
    r"(?<![\w-])(?P<count>"
    + "|".join(sorted(word for word, value in cardinal_values().items() if value <= _MOST_COUNTED))
    + rf"|[1-{_MOST_COUNTED}])[ \t]+(?:[а-яё]+[ \t]+)?"
    r"вопрос(?:а|ов)?[ \t]*:[ \t]*(?=[а-яёА-ЯЁ])",
    re.IGNORECASE,
)
_ORDINALS = frozenset({"первый", "второй", "третий"})  # «три вопроса: первый – об …» names them one by one


def _may_open_counted_item(token: Token) -> bool:
    """A word that can open a listed item: a noun or its adjective in the nominative."""
    return token.pos_ in ("NOUN", "ADJ") and _case(token) == "Nom" and lemma(token) not in _ORDINALS


def counted_items(doc: Doc) -> Iterator[Candidate]:
    """The items of an agenda announced with its count (`_COUNTED`), parted by the count: each an agenda line."""
    text = doc_text(doc)
    for found in _COUNTED.finditer(text) if "вопрос" in text else ():
        checkpoint("issues")
        count = cardinal_values().get(found.group("count").lower()) or int(found.group("count"))
        first = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
        if first is None or not len(first) or not _may_open_counted_item(first[0]):
            continue
        sent = first[0].sent
        end = sent.end
        while end > first[0].i and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        commas: list[int] = []
        last_and: int | None = None
        depth = 0
        for token in doc[first[0].i : end]:
            if token.text in ("«", "(", "„"):
                depth += 1
            elif token.text in ("»", ")", "“"):
                depth = max(0, depth - 1)
            elif "\n" in token.text:
                end = token.i  # an announced list runs on in its own paragraph
                break
            elif depth == 0 and token.i + 1 < end and _may_open_counted_item(doc[token.i + 1]):
                if token.text == ",":
                    commas.append(token.i)
                    last_and = None
                elif token.lower_ == "и":
                    last_and = token.i
        cuts = commas + ([last_and] if last_and is not None else [])
        if len(cuts) != count - 1:
            continue  # the count and the list disagree: the parse's members stand
        starts = [first[0].i] + [c + 1 for c in cuts]
        for at, stop in zip(starts, [*cuts, end], strict=True):
            while stop > at and (doc[stop - 1].is_punct and doc[stop - 1].text not in CLOSE_QUOTES):
                stop -= 1
            span = doc[at:stop]
            if len(span) and sum(1 for t in span if not t.is_punct) <= 3 * MAX_WORDS:
                yield Candidate(span.start, span.end, span.root.i, "agenda", AGENDA, nominative=True)


# «Четвёртый вопрос – о бюджете города на 2027 год и плановый период 2028 и 2029 годов, второе чтение.», «По второму
# вопросу – о благоустройстве сквера – информацию дал …»: a chair's or a report's item announced by its number. The
# item runs from its «о» to the dash that goes on to who spoke, the comma of a gloss or its sentence's end.
_ORDINAL_ITEM = re.compile(
    r"(?<![\w-])(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|следующ)[а-яё]*[ \t]+"
    r"вопрос(?:|у|ом)[ \t]*[–—][ \t]*(?=(?:о|об|обо)[ \t])",
    re.IGNORECASE,
)


def ordinal_items(doc: Doc) -> Iterator[Candidate]:
    """The items announced by their number (`_ORDINAL_ITEM`), each worded like an agenda line."""
    text = doc_text(doc)
    for found in _ORDINAL_ITEM.finditer(text) if "вопрос" in text else ():
        checkpoint("issues")
        first = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
        if first is None or not len(first):
            continue
        end = _before_dash(text, found.end(), first[0].sent.end_char)
        depth = 0
        for at in range(found.end(), end):
            char = text[at]
            depth += char == "«"
            depth -= char == "»" and depth > 0
            if char in ",\n" and depth == 0:
                end = at
                break
        yield from _about_items(doc, text, found.end(), end)


_ABOUT_SEPARATOR = re.compile(r"(?:^|[,;]|[ \t]+и)[ \t]+(?=(?:о|об|обо)[ \t])", re.IGNORECASE)


_AND_OTHERS = re.compile(r"[ \t,]+и[ \t]+(?:други[ех]|др\.?|т\.[ \t]?[дп]\.?)[ \t.;]*$", re.IGNORECASE)


def _about_items(doc: Doc, text: str, start: int, end: int) -> Iterator[Candidate]:
    """«о X, об Y и о Z» from `start` to `end`: each part after its «о» is an item, worded like an agenda line."""
    cuts = [start] + [m.end() for m in _ABOUT_SEPARATOR.finditer(text, start, end) if m.end() > start]
    for at, stop in zip(cuts, [*(c for c in cuts[1:]), end], strict=True):
        piece_end = stop
        # «… Барсуковского сельского поселения и другие.»: the list's «and others» is no part of its last item.
        others = _AND_OTHERS.search(text, at, piece_end)
        piece_end = others.start() if others is not None else piece_end
        # «…; организационный вопрос.»: a semicolon ends an item, whether or not an «о» opens the next.
        semicolon = text.find(";", at, piece_end)
        piece_end = semicolon if semicolon != -1 else piece_end
        while piece_end > at and text[piece_end - 1] in " \t.;,и":
            if text[piece_end - 1] == "и" and text[piece_end - 2 : piece_end - 1] not in (" ", "\t"):
                break
            piece_end -= 1
        if piece_end - at > _MAX_ITEM_CHARS:
            continue
        span = doc.char_span(at, piece_end, alignment_mode="expand")
        if span is None or len(span) < 2 or span[0].lower_ not in _ABOUT:
            continue
        span = span[1:]
        yield Candidate(span.start, span.end, span.root.i, "agenda", AGENDA)


_FUTURE_AUX = frozenset({"будет", "будут", "станет", "станут"})


def _to_come(verb: Token) -> bool:
    """«на нём будет рассматриваться бюджет», «вопрос о парке будет докладывать …», «рассмотрят на следующей
    сессии»: a question planned for a meeting to come is not one this meeting dealt with."""
    return "Fut" in verb.morph.get("Tense") or any(
        c.dep_ in ("aux", "aux:pass") and c.lower_ in _FUTURE_AUX for c in verb.children
    )


# «спросил, почему затянулась реконструкция рынка», «поинтересовался, когда начнётся замена водопровода».
_ASKING_VERBS = frozenset({"спросить", "спрашивать", "поинтересоваться", "интересоваться"})
_INTERESTED = frozenset({"поинтересоваться", "интересоваться"})
_QUESTION_WORDS = frozenset({"почему", "когда", "как", "зачем", "сколько", "где", "ли", "отчего"})


def _asked_about(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """A speaker's question raises what it asks about («спросил о сроках ремонта моста») or the action it asks on
    («почему затянулась реконструкция рынка»: the subject of the asked clause, when it is a noun of action)."""
    heads = issue_lexicons().heads
    for child in verb.children:
        # «спросил о сроках строительства очистных сооружений»: what was asked about is raised as a report's subject;
        # so is what «интересовался» takes in the instrumental («поинтересовалась сроками расселения бараков»).
        about = child.dep_ in ("obl", "nmod") and preposition(child) in _ABOUT
        asked = child.dep_ in ("obl", "obj") and preposition(child) is None and _case(child) == "Ins"
        if child.i > verb.i and (about or (asked and lemma(verb) in _INTERESTED)):
            for member in _members(child):
                yield from subjects(_what_is_due(member), quotes, "report", REPORTED)
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "advcl") or clause.i < verb.i or clause.pos_ != "VERB":
            continue
        if not any(lemma(c) in _QUESTION_WORDS for c in clause.children if c.i < clause.i):
            continue  # «спросил, почему …», «когда …», «будет ли …»: the clause is the question asked
        for subject in clause.children:
            # «когда будет отремонтирована кровля общежития», «почему не выделены насосы»: what the asked work is done
            # to is the question, whatever the noun.
            done_to = subject.dep_ == "nsubj:pass" and not _is_person(subject)
            if (
                subject.dep_ in ("nsubj", "nsubj:pass")
                and subject.pos_ == "NOUN"
                and (lemma(subject) in heads or done_to)
            ):
                for member in _members(subject):
                    yield from subjects(member, quotes, "report", REPORTED)


# «о сроках ремонта моста»: the question asked is the work whose date is due, not the date.
_DUE_DATE = "срок"


def _what_is_due(noun: Token) -> Token:
    """«сроках» of «о сроках газификации посёлка» → «газификации»; any other noun is itself."""
    if lemma(noun) != _DUE_DATE:
        return noun
    inner = [c for c in noun.children if c.i > noun.i and c.dep_ == "nmod" and preposition(c) is None]
    return inner[0] if inner and _case(inner[0]) == "Gen" and inner[0].pos_ in _NOMINAL else noun


# «пожаловался на нехватку вагонов», «родители жаловались на холодные блюда», «раскритиковал сокращение расходов на …»:
# what a speaker complains of is a problem raised at the meeting.
_COMPLAINT_VERBS = frozenset({"пожаловаться", "жаловаться", "посетовать", "сетовать", "раскритиковать", "критиковать"})


def _accusative(noun: Token) -> bool:
    """The noun is in the accusative, or its form reads as one («очереди», «сети»): the tagger's choice aside."""
    if _case(noun) == "Acc":
        return True
    return noun.pos_ == "NOUN" and any("accs" in reading.tag for reading in loading.parse(noun.text))


def _complained_of(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    for child in verb.children:
        if child.i < verb.i or child.pos_ not in _NOMINAL:
            continue
        # («пожаловался на очереди грузовиков»: a form the tagger read as locative may be the accusative.)
        of = child.dep_ in ("obl", "nmod") and preposition(child) == "на" and _accusative(child)
        if of or (child.dep_ == "obj" and preposition(child) is None):
            for member in _members(child):
                yield from subjects(member, quotes, "report", REPORTED)


# «не хватает средств на мебель», «водителей не хватает»: what a report says is lacking is a want raised at the
# meeting; the golds word it as the noun of the want («нехватка средств на мебель»), the lacking thing in the genitive.
_LACKING_VERBS = frozenset({"хватать", "хватить"})
_LACK = "нехватка"
_RELATIVE_ADVERBS = frozenset({"где", "куда", "откуда"})


def _negated(verb: Token) -> bool:
    return any(c.lower_ == "не" and c.i < verb.i for c in verb.children)


def _lacking(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    # «в районах, где не хватает участковых терапевтов»: a relative clause tells what a place just named lacks, a
    # detail of that place's story (none in the golds of five opened sets), not a want the meeting took up.
    if verb.dep_ == "acl:relcl" or any(c.lower_ in _RELATIVE_ADVERBS for c in verb.children if c.i < verb.i):
        return
    for child in verb.children:
        # The lacking thing is the verb's genitive subject; a counted one («занимаются 58 детей») is another verb's
        # subject the parser hung here.
        if child.dep_ != "nsubj" or child.pos_ != "NOUN" or _case(child) != "Gen":
            continue
        if any(c.dep_ == "nummod" for c in child.children):
            continue
        found = _candidate(child, quotes, "problem", REPORTED)
        if found is None:
            continue
        # «не хватает учебных помещений и преподавателей»: things lacking together are one want, as the golds word it.
        doc = verb.doc
        for other in child.children:
            joined = other.dep_ == "conj" and other.pos_ == "NOUN" and _case(other) == "Gen"
            if joined and other.i > found.end and doc[found.end].lower_ == "и":
                more = _candidate(other, quotes, "problem", REPORTED)
                if more is not None and more.start == found.end + 1:
                    found = replace(found, end=more.end)
        yield replace(found, action=_LACK)


# «поручил до 1 июня представить график ремонта»: a paper asked for, not the question itself.
_SUBMITTING = frozenset({"представить", "предоставить", "представлять", "предоставлять"})


def _instructs_at_meeting(verb: Token, word: str | None) -> bool:
    """«Губернатор поручил департаменту выставить подрядчику претензию»: a person's instruction given at the meeting
    names a question raised there, as a request does; a decision's «Поручить …» is a task set, not one."""
    if word not in _DIRECTIVE_VERBS or "Fin" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return False
    # «Ж. Турдубаев поручил …»: the parser may take a name that opens on an initial for a parenthetical.
    return any(
        (c.dep_ == "nsubj" or (c.dep_ == "parataxis" and c.i < verb.i and c.pos_ == "PROPN"))
        and ("Anim" in c.morph.get("Animacy") or c.ent_type_ == "PER")
        for c in verb.children
    )


def _instructed(verb: Token) -> bool:
    """«Поручить заместителю … утвердить дислокацию лагерей»: a task a decision sets, not a question dealt with."""
    return verb.dep_ == "xcomp" and lemma(verb.head) in _DIRECTIVE_VERBS


def _spoken_with(noun: Token) -> bool:
    """«выступил с информацией о росте тарифов»: what a speaker came with is the question he spoke to."""
    return preposition(noun) in ("с", "со") and lemma(noun.head) in _SPEAKING_VERBS


def _speech_goes(verb: Token) -> bool:
    """«речь шла о социальных гарантиях», «речь идёт о …»."""
    return lemma(verb) == "идти" and any(c.dep_ == "nsubj" and lemma(c) == "речь" for c in verb.children)


def _conferred(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«звание «Почётный гражданин города» присвоено …» → «присвоение звания «Почётный гражданин города»»."""
    objects = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ == "NOUN" and not _is_person(c)]
    if not objects:
        # The parser often hangs a fronted «звание «…»» on a neighbour: take the title noun before the verb.
        before = [t for t in verb.sent if t.i < verb.i and lemma(t) in _CONFERRED]
        objects = before[-1:]
    for child in objects[:1]:
        found = phrase(child, quotes)
        if found is not None:
            yield Candidate(found[0], found[1], child.i, "elect", STRONG, _CONFERRAL_VERBS[lemma(verb)])


def _terminated(verb: Token, quotes: dict[int, int]) -> Iterator[Candidate]:
    """«досрочно прекращены полномочия депутата городского маслихата Д. Ахметова» → «досрочное прекращение полномочий
    депутата городского маслихата»: the mandate ended, as an agenda words it, without its holder's name or district
    (the golds leave them out), «досрочное» where the text says so."""
    doc = verb.doc
    mandates = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and lemma(c) == _MANDATE]
    for mandate in mandates[:1]:
        found = phrase(mandate, quotes)
        if found is None:
            continue
        start, end = mandate.i, found[1]
        # The holder's name, or what follows a preposition («по … избирательному округу № 5», «в связи с …»).
        holder = (t.i for t in doc[mandate.i + 1 : end] if t.ent_type_ == "PER" or t.pos_ == "ADP" or t.is_punct)
        end = next(holder, end)
        early = any(lemma(c) == "досрочно" for c in verb.children)
        action = f"досрочное {_TERMINATION_VERBS[lemma(verb)]}" if early else _TERMINATION_VERBS[lemma(verb)]
        yield Candidate(start, end, mandate.i, "elect", STRONG, action)
