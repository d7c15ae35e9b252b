"""The learned linker: the shipped model, its use by the positions stage, and its training command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from models.linker import FORMAT_VERSION, MODEL_PATH, Linker, Scorer, crossed, load, overrule
from models.linker import train as linker_train
from pipelines.stages.organizations import find_organizations
from pipelines.stages.persons import find_persons
from pipelines.stages.positions import link_candidates, position_of
from tests.conftest import SHARED

NEREL = SHARED / "nerel-train"


def _linked(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    organizations = find_organizations(doc)
    return {
        p.surname: (p.position, p.organization)
        for p in (position_of(doc, person, organizations) for person in find_persons(doc))
    }


def test_the_shipped_model_loads_small_and_with_its_fold_figures() -> None:
    assert MODEL_PATH.stat().st_size < 1_000_000
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION
    linker = load()
    assert linker.position.weights and linker.organization.weights
    assert 0 < linker.position.threshold < 1 and 0 < linker.organization.threshold < 1
    held_out = data["held_out"]
    assert held_out["folds"] >= 2
    # The figures the README quotes: the linker beats the rules on held-out documents.
    for field in ("position", "organization"):
        assert held_out["linker"][field]["score"] > held_out["rules"][field]["score"]


def test_a_wrong_model_version_is_refused() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["version"] = FORMAT_VERSION + 1
    with pytest.raises(ValueError, match="version"):
        Linker.from_json(data)


@pytest.mark.parametrize(
    ("text", "surname", "position", "body"),
    [
        (
            "Заседание Бишкекского городского кенеша открылось в среду. "
            "Слово предоставили депутату городского кенеша Айгуль Асановой.",
            "Асанова",
            "депутат",
            "бишкекский",
        ),
        (
            # The tagger does not read «мэрии» here as a genitive; pymorphy knows the kind: the post ends
            # before the body, which is the text's mayor's office.
            "В мэрии Бишкека прошло совещание. Выступил начальник финансового управления мэрии Азамат Шаршеев.",
            "Шаршеев",
            "начальник финансового управления",
            "мэрия бишкека",
        ),
    ],
)
def test_a_title_naming_a_body_by_its_kind_links_the_texts_body(
    nlp: Language, text: str, surname: str, position: str, body: str
) -> None:
    # «депутат городского кенеша»: the body of that kind the text named a sentence before is the person's.
    doc = nlp(text)
    organizations = find_organizations(doc)
    person = next(p for p in find_persons(doc) if p.surname == surname)
    linked = position_of(doc, person, organizations)
    assert linked.position == position
    assert linked.organization is not None and linked.organization.lower().startswith(body)


def test_anchors_cross_every_other_feature() -> None:
    features = {"bias": 1.0, "before": 1.0, "gap_comma": 2.0, "head=министр": 1.0, "near0": 0.0}
    x = crossed(features, ("before", "near0"))
    assert x["before&gap_comma"] == 2.0
    assert "before&bias" not in x and "before&head=министр" not in x  # rare lemmas are not crossed
    assert not any(name.startswith("near0&") for name in x)  # an anchor the candidate lacks adds nothing
    assert {k: v for k, v in x.items() if "&" not in k} == features


def test_the_grammar_gives_way_only_to_a_clearly_better_candidate() -> None:
    scorer = Scorer({}, threshold=0.1, margin=0.5)
    assert overrule(scorer, [0.9, 0.3], rule=[1]) == 0  # the model's best by 0.6
    assert overrule(scorer, [0.7, 0.3], rule=[1]) is None  # by 0.4: the grammar's stands
    assert overrule(scorer, [0.7, 0.3], rule=[]) == 0  # the grammar's pick is no candidate
    assert overrule(scorer, [0.05, 0.02], rule=None) is None  # the grammar is silent, nothing likely
    assert overrule(scorer, [0.2, 0.6], rule=None) == 1  # the grammar is silent: the model fills in
    assert overrule(Scorer({}, threshold=0.1), [0.99, 0.0], rule=[1]) is None  # default: never overruled


def test_a_neighbours_singular_title_is_not_shared(nlp: Language) -> None:
    linked = _linked(nlp, "На встрече были министр финансов Алексей Орлов и Мария Белова.")
    assert linked["Орлов"][0] == "министр финансов"
    assert linked["Белова"] == (None, None)


def test_candidates_carry_the_features_the_model_reads(nlp: Language) -> None:
    doc = nlp("Председатель правления банка «Открытие» Михаил Задорнов заявил, что банк выполнит обязательства.")
    organizations = find_organizations(doc)
    person = next(p for p in find_persons(doc) if p.surname == "Задорнов")
    titles, bodies, _ = link_candidates(doc, person, organizations)
    assert any(t.features.get("kind=before") for t in titles)
    assert any("Открытие" in b.organization for b in bodies)
    weights = load().position.weights
    assert any(name in weights for t in titles for name in t.features)
    position, organization = _linked(nlp, doc.text)["Задорнов"]
    assert position is not None and position.startswith("председатель правления")
    assert organization is not None and "Открытие" in organization


@pytest.mark.skipif(not NEREL.is_dir(), reason="../shared/nerel-train is not here")
def test_the_training_command_builds_a_model_on_a_few_documents(tmp_path: Path) -> None:
    out = tmp_path / "linker.json"
    assert linker_train.main(["--limit", "30", "--folds", "2", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    trained = Linker.from_json(data)
    assert trained.position.weights and trained.organization.weights
    figures = data["held_out"]
    assert figures["folds"] == 2 and figures["persons"] > 0
    assert 0 <= figures["linker"]["position"]["f1"] <= 1


def test_the_training_command_refuses_a_missing_gold_set(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert linker_train.main(["--gold", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m.json")]) == 2
    assert "gold set" in capsys.readouterr().err
