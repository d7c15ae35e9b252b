"""The organization filter experiment (models/orgspan): its features on invented texts, and its trainer's scoring,
which must agree with the reference scorer's organizations field (README, "A learned organization filter")."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from spacy.language import Language

from models.orgspan import train
from models.orgspan.features import name_lemmas, organization_features
from pipelines.stages.organizations import find_organizations


def _features(nlp: Language, text: str) -> dict[str, dict[str, float]]:
    doc = nlp(text)
    listed = [o for o in find_organizations(doc) if o.listed]
    others = tuple(name_lemmas(o.name) for o in listed)
    return {
        o.name: organization_features(doc, o.name, o.aliases, [(m.start, m.end) for m in o.mentions], others)
        for o in listed
    }


def test_features_read_the_name_its_mentions_and_the_tagger(nlp: Language) -> None:
    found = _features(
        nlp,
        "Правление ТОО «Северные зори» обратилось в Министерство сельского хозяйства Республики Казахстан. "
        "Министерство сельского хозяйства ответило через неделю, а ТОО «Северные зори» подало иск.",
    )
    company = next(f for name, f in found.items() if "Северные зори" in name)
    ministry = next(f for name, f in found.items() if name.startswith("Министерство сельского хозяйства Респ"))
    assert company["quoted"] == 1.0 and company["bias"] == 1.0
    assert ministry["head=министерство"] == 1.0 and ministry["first_class=heads"] == 1.0
    assert ministry.get("ner_org", 0.0) > 0
    assert any(k.startswith("mentions=") for k in ministry) and any(k.startswith("words=") for k in ministry)
    assert ministry["first_line"] == 1.0  # one line of text


def test_an_abbreviation_and_a_name_inside_another_are_marked(nlp: Language) -> None:
    text = "Депутаты Жогорку Кенеша встретились с активистами СДПК. Жогорку Кенеш Кыргызской Республики одобрил закон."
    doc = nlp(text)
    start = text.index("СДПК")
    abbreviation = organization_features(doc, "СДПК", (), [(start, start + 4)])
    assert abbreviation["abbreviation"] == 1.0 and abbreviation["all_caps"] == 1.0
    start = text.index("Жогорку Кенеша")
    others = (name_lemmas("Жогорку Кенеш"), name_lemmas("Жогорку Кенеш Кыргызской Республики"))
    short = organization_features(doc, "Жогорку Кенеш", (), [(start, start + 14)], others)
    assert short["inside_other"] == 1.0 and "contains_other" not in short
    assert short["prev=депутат"] == 1.0


def test_the_trainer_scores_as_the_reference_scorer(tmp_path: Path) -> None:
    scorer = train.load_scorer()
    gold = {"organizations": ["Министерство финансов", "Сбербанк"], "aliases": {"Минфин": "Министерство финансов"}}
    names = ["Минфин", "Сбербанк", "Фейсбук"]
    sim = np.array([[scorer.org_sim(g, p, gold["aliases"]) for p in names] for g in gold["organizations"]])
    doc = train.DocOrgs("x", names, [{"bias": 1.0}, {"bias": 1.0}, {"bias": 1.0}], sim, 2)
    assert doc.labels(scorer) == [1, 1, 0]
    (tmp_path / "g").mkdir()
    (tmp_path / "p").mkdir()
    (tmp_path / "g" / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "p" / "x.json").write_text(json.dumps({"organizations": names}, ensure_ascii=False), encoding="utf-8")
    reference = scorer.score(str(tmp_path / "g"), str(tmp_path / "p"))
    ours = train.f1([doc], [[True, True, True]], scorer.ORG_MIN)[2]
    assert round(ours, 3) == reference["organizations"]["f1"]
    # Dropping what matches no gold organization raises precision and leaves recall; dropping a match lowers recall.
    assert train.f1([doc], [[True, True, False]], scorer.ORG_MIN) == (1.0, 1.0, 1.0)
    assert train.f1([doc], [[False, True, True]], scorer.ORG_MIN)[1] == 0.5
    assert train.keeps([[0.9, 0.1, 1.0]], 0.3) == [[True, False, True]]
