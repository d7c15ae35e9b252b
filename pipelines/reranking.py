"""Whom a person represents, weighed once more by a learned reranker at the end of the membership stage.

The rules of the positions and membership stages give each person one body; the linker scored every body near
their names. Here every body any of them proposed for a person — the rules' final body, the grammar's, the
positions stage's, each of the linker's with its probability, the body holding the meeting, the meeting's own
body, the one the post names by its kind, the document's most named — is a candidate, described by who proposed
it and what kind of body it is, and the reranker (`models.linker.rerank`) keeps the rules' body unless it believes
another clearly more. Features come from what the stages already computed: no parsing, no scan of the text.

No model is shipped: measured leave-one-set-out over the genre gold sets and on the blind-time trees of
heldout-genre-7 and -8 and the blind heldout-genre-9 (`models/linker/rerank_snapshots.py`) it did not beat the rules
(`models/linker/rerank_train.py` holds the tables), so `rerank` returns the rules' persons and builds nothing; the
trainer sets a model (`use_model`) and collects the candidates (`collect`) through this hook.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from models import lexicons
from models.linker import Scorer
from models.linker import rerank as rerank_model
from models.linker.features import Features
from pipelines.findings import OrganizationFinding, PersonFinding
from pipelines.stages.positions import LINKED_BODIES, LinkedBodies

# Where the candidate comes from changes what its other features mean (the rules' own body, a person the rules
# left unlinked, the body holding the meeting, the linker's favourite): each is crossed with every feature.
ANCHORS = ("final", "rule_none", "holding", "linker_best")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# Features of the linker's best mention of a body that carry over to the reranker.
_LINKER_FEATURES = (
    "osame_sent",
    "obefore",
    "ogap_log",
    "onear0",
    "oserves_at",
    "oorigin",
    "opath_le2",
    "oclaimed",
    "onearest_person",
    "okind=sentence",
)


@dataclass(frozen=True)
class MeetingView:
    """What the membership stage knows of the document, read by every person's candidates."""

    organizations: tuple[OrganizationFinding, ...]
    body: OrganizationFinding | None  # the body holding the meeting
    meeting_org: OrganizationFinding | None  # the listed body the meeting's title names
    headed: bool  # the holding body is the meeting's own or is named in the heading
    heading: frozenset[str]  # organizations named before the document's first sentence ends
    ranks: dict[str, tuple[int, int]]  # organization → (mentions, rank by mentions)


def view_of(
    organizations: tuple[OrganizationFinding, ...],
    body: OrganizationFinding | None,
    meeting_org: OrganizationFinding | None,
    headed: bool,
    text: str,
) -> MeetingView:
    end = _SENTENCE_END.search(text)
    heading_end = end.start() if end else len(text)
    ranked = sorted(organizations, key=lambda o: -len(o.mentions))
    ranks = {}
    for r, o in enumerate(ranked):
        ranks.setdefault(o.name, (len(o.mentions), r))
    heading = frozenset(o.name for o in organizations if o.mentions and min(m.start for m in o.mentions) < heading_end)
    return MeetingView(organizations, body, meeting_org, headed, heading, ranks)


def _linked(doc: Doc, person: PersonFinding) -> LinkedBodies | None:
    by_mention = doc.user_data.get(LINKED_BODIES, {})
    return next((by_mention[m.start] for m in person.mentions if m.start in by_mention), None)


def candidates(doc: Doc, person: PersonFinding, view: MeetingView) -> list[tuple[str, Features]]:
    """Every body proposed for the person, the rules' final one first, with the reranker's features."""
    from pipelines.stages import membership  # (membership imports this module)

    linked = _linked(doc, person)
    proposed: dict[str, Features] = {}

    def propose(name: str | None, source: str) -> None:
        if name:
            proposed.setdefault(name, {})[source] = 1.0

    propose(person.organization, "final")
    linker_best: tuple[float, str, Features] | None = None
    if linked is not None:
        propose(linked.grammar, "grammar")
        propose(linked.chosen, "positions")
        for name, prob, features in linked.bodies:
            propose(name, "linker")
            f = proposed[name]
            if prob >= f.get("lp", -1.0):
                f["lp"] = prob
                f.update({k: float(features.get(k, 0.0)) for k in _LINKER_FEATURES})
                f["otitle"] = float(any(k.startswith("okind=title") for k in features))
            if linker_best is None or prob > linker_best[0]:
                linker_best = (prob, name, f)
    if linker_best is not None:
        linker_best[2]["linker_best"] = 1.0
    propose(view.body.name if view.body else None, "holding")
    propose(view.meeting_org.name if view.meeting_org else None, "meeting")
    by_rank = sorted(view.ranks.items(), key=lambda kv: kv[1][1])
    for name, (_, rank) in by_rank[:2]:
        propose(name, f"top{rank}")
    position = person.position or ""
    if position:
        by_kind = membership.represented(position, view.organizations, view.body)
        propose(by_kind.name if by_kind else None, "by_kind")
    post = membership._lemmas(position)
    roles, heads = lexicons.load("membership_roles"), membership._heads()
    bodies, executives = lexicons.load("membership_bodies"), lexicons.load("membership_executives")
    listed = {o.name for o in view.organizations}
    person_features: Features = {
        "bias": 1.0,
        "rule_none": float(person.organization is None),
        "p_position": float(bool(position)),
        "p_role_word": float(bool(post & roles)),
        "p_head_word": float(any(w in heads for w in post)),
        "p_chair": float(person.role == "chair"),
        "p_spoke": float(person.spoke),
        "p_unlinked": float(linked is None),
        "d_headed": float(view.headed),
        "d_orgs_log": math.log1p(len(view.organizations)),
        "d_holding": float(view.body is not None),
        "n_cands_log": math.log1p(len(proposed)),
    }
    out = []
    for name, sources in proposed.items():
        kind = membership._head(name)
        mentions, rank = view.ranks.get(name, (0, 99))
        f = {**person_features, **sources}
        f.update(
            {
                "c_in_post": float(bool(kind & post)),
                "c_assembly": float(bool(kind & bodies)),
                "c_executive": float(bool(kind & executives)),
                "c_subunit": float(membership._is_subunit(name)),
                "c_listed": float(name in listed),
                "c_heading": float(name in view.heading),
                "c_mentions_log": math.log1p(mentions),
                "c_lower": float(name[:1].islower()),
            }
        )
        out.append((name, f))
    return out


# The trainer's hook (`models.linker.rerank_train`): given, it receives each document's persons with their
# candidates, before the reranker decides.
Collector = Callable[[list[tuple[PersonFinding, list[tuple[str, Features]]]]], None]
_collector: Collector | None = None
_model_override: list[Scorer | None] = []


def collect(collector: Collector | None) -> None:
    global _collector
    _collector = collector


def use_model(scorer: Scorer | None, *, shipped: bool = False) -> None:
    """The trainer evaluates its folds' models (and the rules alone: None) in place of the shipped one."""
    _model_override.clear()
    if not shipped:
        _model_override.append(scorer)


def _model() -> Scorer | None:
    return _model_override[0] if _model_override else rerank_model.load()


def rerank(doc: Doc, persons: list[PersonFinding], view: Callable[[], MeetingView]) -> list[PersonFinding]:
    """The persons with the body the reranker picks among their candidates; the rules' when no model is shipped
    (then nothing is computed: `view` is asked only when a model or the trainer needs the candidates)."""
    model = _model()
    if model is None and _collector is None:
        return persons
    meeting = view()
    found = [(p, candidates(doc, p, meeting)) for p in persons]
    if _collector is not None:
        _collector(found)
    if model is None:
        return persons
    out = []
    for person, cands in found:
        probs = [model.probability(f) for _, f in cands]
        rule = 0 if person.organization is not None and cands else None
        chosen = rerank_model.choose(model, probs, rule)
        organization = cands[chosen][0] if chosen is not None else None
        out.append(person if organization == person.organization else replace(person, organization=organization))
    return out
