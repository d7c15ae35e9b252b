"""The person_org reranker's candidates and decision (`pipelines.reranking`, `models.linker.rerank`).

No reranker is shipped (it did not beat the rules leave-one-set-out: `models/linker/rerank_train.py`), so the
pipeline's records are the rules'; these tests pin what the experiment measured with: the candidates and their
features, and that a model, when one is given, decides through the membership stage's hook.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from models.linker import Scorer
from models.linker import rerank as rerank_model
from pipelines import reranking
from pipelines.findings import PersonFinding
from pipelines.stages import run_stages

# Invented protocols of two kinds of assembly, each with a chair, a member, a head of an executive's unit and a
# company's director (other regions, other bodies, other cases than any gold document).
PROTOCOLS = {
    "council": (
        "ПРОТОКОЛ № 7\nзаседания Тарского районного Совета депутатов\n\nг. Тара, 12 марта 2024 года\n\n"
        "Председательствовал: председатель Тарского районного Совета депутатов Сергей Иванович Лебедев.\n"
        "Присутствовали: депутат Ольга Петровна Гусева; директор ООО «Тарский хлебозавод» Игорь Николаевич Шубин.\n"
        "Слушали: начальник управления образования администрации Тарского района Анна Викторовна Крылова "
        "доложила о ремонте школ.\n",
        {"Лебедев", "Гусева", "Шубин", "Крылова"},
        "Тарский районный Совет депутатов",
    ),
    "maslikhat": (
        "ПРОТОКОЛ № 3\nсессии Аксуского городского маслихата\n\nг. Аксу, 5 июня 2023 года\n\n"
        "Председательствовал: секретарь Аксуского городского маслихата Ержан Серикович Мухамедов.\n"
        "Выступили: депутат Айгуль Болатовна Сарсенова; руководитель отдела финансов акимата города Аксу Марат "
        "Тлеуович Жакупов; директор ТОО «Аксу Энерго» Виктор Павлович Ткаченко.\n",
        {"Мухамедов", "Сарсенова", "Жакупов", "Ткаченко"},
        "маслихат",
    ),
}


@pytest.fixture
def collected(nlp: Language, request: pytest.FixtureRequest) -> Iterator[list]:
    text = PROTOCOLS[request.param][0]
    got: list = []
    reranking.collect(got.append)
    try:
        run_stages(nlp(text))
    finally:
        reranking.collect(None)
    assert len(got) == 1  # once per document, at the end of the membership stage
    yield got[0]


@pytest.fixture
def model_in_use() -> Iterator[None]:
    yield
    reranking.use_model(None, shipped=True)


@pytest.mark.parametrize("collected", sorted(PROTOCOLS), indirect=True)
def test_every_person_has_the_rules_body_first_and_each_body_once(collected: list) -> None:
    for person, cands in collected:
        names = [name for name, _ in cands]
        assert len(names) == len(set(names))
        if person.organization is not None:
            assert names[0] == person.organization
            assert cands[0][1]["final"] == 1.0
        assert sum(f.get("final", 0.0) for _, f in cands) == float(person.organization is not None)


@pytest.mark.parametrize("collected", sorted(PROTOCOLS), indirect=True)
def test_the_body_holding_the_meeting_is_every_persons_candidate(collected: list, request) -> None:
    _, persons, kind = PROTOCOLS[request.node.callspec.params["collected"]]
    assert persons <= {p.surname for p, _ in collected}
    for person, cands in collected:
        if person.surname not in persons:
            continue
        holding = [(name, f) for name, f in cands if f.get("holding")]
        assert len(holding) == 1, person.surname
        name, f = holding[0]
        assert kind in name
        # It is the assembly named in the heading, the document's most named body.
        assert f["c_assembly"] == 1.0 and f["c_heading"] == 1.0 and f["top0"] == 1.0


@pytest.mark.parametrize("collected", sorted(PROTOCOLS), indirect=True)
def test_the_linkers_bodies_carry_its_probability_and_one_is_its_best(collected: list) -> None:
    for _, cands in collected:
        linked = [f for _, f in cands if f.get("linker")]
        if not linked:
            continue
        assert all(0.0 <= f["lp"] <= 1.0 for f in linked)
        best = [f for f in linked if f.get("linker_best")]
        assert len(best) == 1 and best[0]["lp"] == max(f["lp"] for f in linked)
        assert all("lp" not in f for _, f in cands if not f.get("linker"))


@pytest.mark.parametrize("collected", sorted(PROTOCOLS), indirect=True)
def test_a_post_naming_a_body_by_its_kind_marks_that_body(collected: list) -> None:
    """«начальник управления образования администрации …», «руководитель отдела финансов акимата …»: the executive."""
    heads = [cands for p, cands in collected if (p.position or "").split()[:1] in (["начальник"], ["руководитель"])]
    assert heads
    for cands in heads:
        by_kind = [f for _, f in cands if f.get("by_kind")]
        assert len(by_kind) == 1 and by_kind[0]["c_executive"] == 1.0
    members = [cands for p, cands in collected if p.position == "депутат"]
    assert members and all(any(f.get("by_kind") and f.get("holding") for _, f in cands) for cands in members)


def test_without_a_model_the_rules_stand_and_nothing_is_computed(model_in_use: None) -> None:
    reranking.use_model(None)
    persons = [PersonFinding("Лебедев", organization="Тарский районный Совет депутатов")]

    def no_view() -> reranking.MeetingView:
        raise AssertionError("the candidates were built with no model and no trainer")

    assert reranking.rerank(None, persons, no_view) is persons  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_a_given_model_decides_through_the_membership_stage(nlp: Language, model_in_use: None, name: str) -> None:
    text, persons, kind = PROTOCOLS[name]
    # A model that believes only the body holding the meeting: everyone there represents it.
    reranking.use_model(Scorer({"bias": -3.0, "holding": 6.0}, 0.5, (), 0.2))
    found = {p.surname: p.organization for p in run_stages(nlp(text)).persons}
    assert all(kind in (found[s] or "") for s in persons)
    reranking.use_model(None)
    rules = {p.surname: p.organization for p in run_stages(nlp(text)).persons}
    assert any(kind not in (rules[s] or "") for s in persons)  # the directors' companies, by the rules


def test_choose_keeps_the_rules_body_unless_another_is_believed_by_the_margin() -> None:
    scorer = Scorer({}, threshold=0.5, margin=0.3)
    assert rerank_model.choose(scorer, [0.4, 0.6], rule=0) == 0  # 0.2 more: not enough
    assert rerank_model.choose(scorer, [0.3, 0.7], rule=0) == 1
    assert rerank_model.choose(scorer, [0.9, 0.2], rule=0) == 0
    # With no rules' body, the best fills in from the threshold.
    assert rerank_model.choose(scorer, [0.2, 0.4], rule=None) is None
    assert rerank_model.choose(scorer, [0.2, 0.6], rule=None) == 1
    assert rerank_model.choose(scorer, [], rule=None) is None


def test_no_reranker_is_shipped() -> None:
    """It did not beat the rules leave-one-set-out (`models/linker/rerank_train.py`): the pipeline runs without."""
    assert not rerank_model.MODEL_PATH.exists()
    assert rerank_model.load() is None
