"""Features of a (person mention, position or organization span) pair, read from the parsed Doc.

Everything here is spaCy only: token distance, what stands between the two spans (other names,
organizations, commas, dashes, brackets, «и»), the dependency path, case of the heads, and the
head lemma of a position. The positions stage builds the candidates and asks these functions for
their features; the trainer asks the same functions, so training and use cannot drift apart.
"""

from __future__ import annotations

import bisect
import math
from typing import NamedTuple

from spacy.attrs import ENT_IOB, ENT_TYPE, HEAD, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Span, Token

from models.components.extensions import sentence_of, token_texts
from models.punctuation import QUOTE_MARKS

Features = dict[str, float]

_CASES = ("Nom", "Gen", "Dat", "Acc", "Ins", "Loc")
_SERVES_AT = {"в", "во", "при", "на"}
_ORIGIN = {"из", "от"}
# How far up the tree the path between two tokens is followed; longer paths are «far».
_MAX_DEPTH = 12


# The Doc's columns these features read token by token, read once per Doc from its arrays: a Token object for
# every word of every gap and every step up the tree cost more than the features themselves.
_COLUMNS_KEY = "kenesh_linker_columns"


class _Columns(NamedTuple):
    heads: list[int]  # each token's head, as an index
    entity_starts: list[str]  # the label of the entity the token begins (IOB «B»), or ""
    verbs: list[bool]  # its part of speech is VERB


def _columns(doc: Doc) -> _Columns:
    found = doc.user_data.get(_COLUMNS_KEY)
    if found is None:
        rows = doc.to_array([HEAD, ENT_IOB, ENT_TYPE, POS]).astype("int64").tolist()  # a head is an offset
        strings = doc.vocab.strings
        found = doc.user_data[_COLUMNS_KEY] = _Columns(
            [i + head for i, (head, *_) in enumerate(rows)],
            [strings[kind] if iob == 3 else "" for _, iob, kind, _ in rows],
            [pos == VERB for *_, pos in rows],
        )
    return found


def _ancestors(doc: Doc, i: int) -> list[int]:
    """The token and its heads up the tree (at most `_MAX_DEPTH` of them), as indexes."""
    heads = _columns(doc).heads
    chain = [i]
    while heads[chain[-1]] != chain[-1] and len(chain) < _MAX_DEPTH:
        chain.append(heads[chain[-1]])
    return chain


def tree_distance(a: Token, b: Token) -> int:
    """Edges on the dependency path between two tokens of one sentence; _MAX_DEPTH * 2 when none."""
    up_a = {t: n for n, t in enumerate(_ancestors(a.doc, a.i))}
    for n, t in enumerate(_ancestors(b.doc, b.i)):
        if t in up_a:
            return up_a[t] + n
    return 2 * _MAX_DEPTH


def _between(doc: Doc, left: Span | Token, right: Span | Token) -> Span:
    start = left.end if isinstance(left, Span) else left.i + 1
    end = right.start if isinstance(right, Span) else right.i
    return doc[start:end] if start < end else doc[start:start]


def _gap(doc: Doc, a: Span, b: Span) -> Span:
    """The tokens standing between two spans, whichever comes first."""
    return _between(doc, a, b) if a.start <= b.start else _between(doc, b, a)


def _case(token: Token) -> str | None:
    cases = token.morph.get("Case")
    return cases[0] if cases else None


def _gap_features(doc: Doc, gap: Span, prefix: str) -> Features:
    columns = _columns(doc)
    texts = token_texts(doc)[gap.start : gap.end]
    starts = columns.entity_starts[gap.start : gap.end]
    per, org = starts.count("PER"), starts.count("ORG")
    verb = any(columns.verbs[gap.start : gap.end])
    return {
        f"{prefix}gap_log": math.log1p(len(gap)),
        f"{prefix}gap0": float(len(gap) == 0),
        f"{prefix}gap_per": min(per, 3),
        f"{prefix}gap_per_any": float(per > 0),
        f"{prefix}gap_org": min(org, 3),
        f"{prefix}gap_comma": min(texts.count(","), 3),
        f"{prefix}gap_dash": float(any(t in ("—", "–", "-") for t in texts)),
        f"{prefix}gap_paren": float("(" in texts or ")" in texts),
        f"{prefix}gap_and": float(any(t.lower() in ("и", "а", "также") for t in texts)),
        f"{prefix}gap_colon": float(":" in texts or ";" in texts),
        f"{prefix}gap_verb": float(verb),
        f"{prefix}gap_newline": float(any("\n" in t for t in texts)),
    }


def position_features(name: Span, title: Span, head: Token, kind: str, lemma: str) -> Features:
    """A job title `title` (headed by `head`) as the post of the person named by `name`."""
    doc = name.doc
    before = title.start < name.start
    gap = _gap(doc, name, title)
    f: Features = {"bias": 1.0, f"kind={kind}": 1.0, f"head={lemma}": 1.0, "before": float(before)}
    f.update(_gap_features(doc, gap, ""))
    f["title_len_log"] = math.log1p(len(title))
    # `sentence_of`, not `.sent`: spaCy walks to both ends of the sentence on every `.sent`.
    f["same_sent"] = float(sentence_of(doc, name.start).start == sentence_of(doc, title.start).start)
    path = tree_distance(name.root, head)
    f["path_log"] = math.log1p(path)
    f["path1"] = float(path == 1)
    f["path2"] = float(path == 2)
    f["head_governs_name"] = float(name.root.head.i == head.i)
    f["name_governs_head"] = float(head.head.i == name.root.i)
    f["appos"] = float(name.root.dep_ == "appos" or head.dep_ == "appos")
    head_case, name_case = _case(head), _case(name.root)
    if head_case in _CASES:
        f[f"head_case={head_case}"] = 1.0
    f["case_agrees"] = float(head_case is not None and head_case == name_case)
    f["head_plural"] = float("Plur" in head.morph.get("Number"))
    f["capitalized_head"] = float(head.text[:1].isupper() and head.i != sentence_of(doc, head.i).start)
    return f


def nearest_person(doc: Doc, token: Token, people: list[Span], starts: list[int] | None = None) -> Span | None:
    """The name closest to a token within its sentence (ties go to the name after it).

    `people` are the document's names in text order (they never overlap); `starts`, their start tokens, lets a
    caller that asks for every candidate find the two neighbours by bisection instead of reading every name.
    """
    starts = starts if starts is not None else [p.start for p in people]
    sent = sentence_of(doc, token.i)
    k = bisect.bisect_right(starts, token.i)
    best, best_d = None, None
    for p in people[max(k - 1, 0) : k + 1]:  # the last name starting at or before the token, the first after
        if not sent.start <= p.start < sent.end:
            continue
        d = p.start - token.i if p.start > token.i else token.i - p.end + 1
        if best_d is None or d < best_d or (d == best_d and p.start > token.i):
            best, best_d = p, d
    return best


def organization_features(name: Span, org: Span, kind: str, mentions: int, rank: int) -> Features:
    """An organization mention `org` as the body the person named by `name` represents.

    `kind` says where the candidate came from («title:before» …, or «sentence»); `mentions` is how often
    the text names the organization, `rank` its place among the document's organizations by that count.
    """
    doc = name.doc
    before = org.start < name.start
    gap = _gap(doc, name, org)
    f: Features = {"bias": 1.0, f"okind={kind}": 1.0, "obefore": float(before)}
    f.update(_gap_features(doc, gap, "o"))
    f["osame_sent"] = float(sentence_of(doc, name.start).start == sentence_of(doc, org.start).start)
    path = tree_distance(name.root, org.root)
    f["opath_log"] = math.log1p(path)
    f["opath_le2"] = float(path <= 2)
    prev = doc[org.start - 1] if org.start > 0 else None
    word = prev.text.lower() if prev is not None else ""
    f["oserves_at"] = float(word in _SERVES_AT)
    f["oorigin"] = float(word in _ORIGIN)
    f["opo"] = float(word == "по")
    f["oquoted"] = float(any(t.text in QUOTE_MARKS for t in org) or (prev is not None and prev.text in QUOTE_MARKS))
    first = org[0].text
    f["oabbr"] = float(len(org) == 1 and first.isupper() and len(first) > 1)
    f["olatin"] = float(first.isascii() and first.isalpha())
    f["omentions_log"] = math.log1p(mentions)
    f["otop"] = float(rank == 0)
    org_case = _case(org.root)
    if org_case in _CASES:
        f[f"ocase={org_case}"] = 1.0
    f["ohead_is_name_head"] = float(org.root.head.i == name.root.head.i)
    # The kind of body the name starts with (партия, правительство, суд, кладбище): people work at some kinds.
    kind_word = next((t for t in org if t.is_alpha and t.pos_ == "NOUN" and t.is_lower), None)
    if kind_word is not None:
        f[f"okindword={kind_word.lemma_.lower()}"] = 1.0
    return f
