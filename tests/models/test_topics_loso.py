"""The topic-decision experiment (`models/classifiers/topics_loso.py`): its features, decision, scoring and recording.

The shipped decision (`topics_decision`, tested in test_topics_decision.py) shares its features and keep rule; these
tests pin what the experiment measures with, on invented documents.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from spacy.language import Language

from models import taxonomy
from models.classifiers import topics_loso as loso
from models.classifiers.topics import TopicClassifier
from pipelines import extract
from pipelines.stages import STAGES
from tests.scoring import reference_scorer

TOPICS = [t.id for t in taxonomy.topics()]


def invented(name: str, scores: dict[str, float], gold: list[str], rules: list[str], **extra: object) -> dict:
    return {
        "set": name,
        "stem": f"{name}-{len(gold)}",
        "gold": gold,
        "scores": {t: scores.get(t, 0.0) for t in TOPICS},
        "rules": rules,
        "item_topics": extra.get("item_topics", []),
        "body": extra.get("body", False),
        "lemmas": extra.get("lemmas", []),
    }


def test_candidates_are_the_best_scored_topics_with_their_rank_and_items() -> None:
    doc = invented(
        "a",
        {"transport": 0.8, "budget_finance": 0.4, "energy": 0.2},
        ["transport"],
        ["transport"],
        item_topics=["energy", "energy", "transport", None],
    )
    rows = dict(loso.candidates(doc))
    assert list(rows)[:3] == ["transport", "budget_finance", "energy"]
    assert len(rows) == loso.CANDIDATES
    assert rows["transport"]["rank0"] == 1.0 and rows["transport"]["relative"] == 1.0
    assert rows["budget_finance"]["relative"] == pytest.approx(0.5)
    assert rows["energy"]["rank2"] == 1.0 and rows["energy"]["item"] == 1.0
    assert rows["energy"]["item_share"] == pytest.approx(0.5)
    assert rows["budget_finance"]["item"] == 0.0
    assert "rule" not in rows["transport"]
    assert loso.candidates(doc, "rule")[0][1]["rule"] == 1.0


def test_decision_keeps_the_best_topic_and_at_most_four() -> None:
    doc = invented("a", {t: 0.9 - 0.05 * i for i, t in enumerate(TOPICS)}, [], ["migration"])
    nothing = {"bias": -10.0}
    everything = {"bias": 10.0}
    assert loso.decide(nothing, doc, 0.5, "model") == ["migration"]
    assert loso.decide(everything, doc, 0.5, "model") == TOPICS[: loso.MAX_TOPICS]
    # The union adds the model's topics to the rules' up to four; `second` only the second-ranked topic, and only
    # to the report of a named body.
    assert loso.decide(everything, doc, 0.5, "union") == TOPICS[: loso.MAX_TOPICS]
    assert loso.decide(everything, doc, 0.5, "second") == ["migration"]
    assert loso.decide(everything, {**doc, "body": True}, 0.5, "second") == ["migration", TOPICS[1]]
    # `body`, the shipped variant: the model's topics for a named body's report, the rules' for the rest.
    assert loso.decide(everything, doc, 0.5, "body") == ["migration"]
    assert loso.decide(everything, {**doc, "body": True}, 0.5, "body") == TOPICS[: loso.MAX_TOPICS]
    # A meeting named by its kind and place with no body found (`report`) is decided by the model too.
    assert loso.decide(everything, {**doc, "report": True}, 0.5, "body") == TOPICS[: loso.MAX_TOPICS]
    assert loso.decide(everything, {**doc, "body": True, "report": False}, 0.5, "body") == ["migration"]


def test_micro_f1_is_the_reference_scorers_topics_figure(tmp_path: Path) -> None:
    docs = [
        invented("a", {}, ["transport", "budget_finance"], []),
        invented("a", {}, ["healthcare"], []),
        invented("a", {}, ["education", "family_youth", "labor"], []),
    ]
    predicted = [["transport", "energy"], [], ["labor", "education", "security", "digital"]]
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    for i, (doc, topics) in enumerate(zip(docs, predicted, strict=True)):
        (tmp_path / "gold" / f"d{i}.json").write_text(json.dumps({"topics": doc["gold"]}))
        (tmp_path / "pred" / f"d{i}.json").write_text(json.dumps({"topics": [{"id": t} for t in topics]}))
    reference = reference_scorer().score(tmp_path / "gold", tmp_path / "pred")["topics"]["f1"]
    assert loso.micro_f1(docs, predicted) == pytest.approx(reference, abs=5e-4)


def test_a_decision_learnt_on_other_sets_scores_a_held_out_one() -> None:
    """Invented sets where the gold is every topic scoring above 0.45: the decision learnt on three sets, its
    threshold chosen inside them, takes exactly those topics in the fourth — the rules here (the best topic
    alone) do worse."""
    rng = random.Random(7)
    docs = []
    for name in ("a", "b", "c", "d"):
        for _ in range(12):
            scores = {t: round(rng.random() * 0.9, 3) for t in rng.sample(TOPICS, 6)}
            ranked = sorted(scores, key=lambda t: -scores[t])
            gold = [t for t in ranked if scores[t] > 0.45] or ranked[:1]
            docs.append(invented(name, scores, gold[: loso.MAX_TOPICS], ranked[:1]))
    figure = loso.held_out(docs, ["a", "b", "c"], "d", "model", l2=0.1)
    assert figure > loso.rules_f1(docs, "d")
    # The shipped variant learns from the reports of a named body only.
    named = [{**d, "body": i % 3 == 0} for i, d in enumerate(docs)]
    only = [d for d in named if d["body"]]
    assert loso.fit_decision(named, "body", 1.0) == loso.fit_decision(only, "model", 1.0)
    assert loso.fit_decision(named, "body", 1.0) != loso.fit_decision(named, "model", 1.0)
    assert figure >= 0.9


def test_collect_records_what_the_topics_stage_decided(nlp: Language, tmp_path: Path) -> None:
    """An invented session report with a gold file: the recorded rules' choice is the record's topics."""
    (tmp_path / "s-1.txt").write_text(
        "Сессия Тонского районного кенеша\n\nДепутаты утвердили бюджет района на 2027 год, рассмотрели ремонт "
        "автомобильных дорог и мостов, строительство школы и подготовку к отопительному сезону.",
        encoding="utf-8",
    )
    (tmp_path / "s-1.json").write_text(json.dumps({"topics": ["budget_finance", "transport"]}), encoding="utf-8")
    [doc] = loso.collect({"invented": tmp_path})
    assert doc["set"] == "invented" and doc["gold"] == ["budget_finance", "transport"]
    assert doc["rules"] and set(doc["rules"]) <= set(TOPICS)
    assert doc["scores"][doc["rules"][0]] == max(doc["scores"].values())
    assert "budget_finance" in doc["rules"]
    assert doc["report"] == doc["body"]  # a body named: a meeting's report
    # The recording is undone: the pipeline runs as before for whatever comes next.
    assert TopicClassifier.classify.__qualname__ == "TopicClassifier.classify"
    assert extract.STAGES == STAGES
