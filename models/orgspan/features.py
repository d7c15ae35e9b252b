"""Features of one organization the rules listed, read from what the Doc and the stage already hold.

The name itself (length, capitals, quotes, Latin letters, an abbreviation, a legal form), what kind of body its
first word names (the lexicons' classes), how the NER tagged its mentions, how often and where the text names
it, and the word before its first mention. No reparsing: each mention's tokens are found by bisecting the
token offsets once per Doc, and at most `_MAX_MENTIONS` mentions are read.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from spacy.attrs import ENT_TYPE, IDX, LEMMA
from spacy.tokens import Doc

from models import lexicons
from models.components.extensions import doc_text
from models.grammars import organizations as grammar
from models.punctuation import QUOTE_MARKS

Features = dict[str, float]

_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
_LATIN = re.compile(r"[A-Za-z]")
_MAX_MENTIONS = 5
_MAX_WORDS = 8
_MAX_OTHERS = 40
# Lexicons whose words say what kind of thing a name's first word names.
_CLASSES = (
    "org_heads",
    "org_state_bodies",
    "org_local_bodies",
    "org_media",
    "org_generic",
    "org_not_bodies",
    "org_facility_heads",
    "org_unit_kinds",
    "org_subunits",
    "org_legal_forms",
    "org_descriptive_kinds",
    "org_meeting_heads",
)
_COLUMNS_KEY = "kenesh_orgspan_columns"


@cache
def _classes() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((name.removeprefix("org_"), lexicons.load(name)) for name in _CLASSES)


class _Columns:
    """Token offsets, entity labels and lemmas of a Doc, read once from its arrays."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        self.starts: list[int] = doc.to_array(IDX).tolist()
        self.ents = [strings[i] for i in doc.to_array(ENT_TYPE).tolist()]
        self.lemmas = [strings[i] for i in doc.to_array(LEMMA).tolist()]

    def tokens(self, start: int, end: int) -> range:
        return range(max(bisect.bisect_right(self.starts, start) - 1, 0), bisect.bisect_left(self.starts, end))


def _columns(doc: Doc) -> _Columns:
    found = doc.user_data.get(_COLUMNS_KEY)
    if found is None:
        found = doc.user_data[_COLUMNS_KEY] = _Columns(doc)
    return found


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def _shape(word: str) -> str:
    """«A» a capitalised Cyrillic word, «U» capitals, «a» lower case, «L» Latin, «9» digits."""
    if _LATIN.match(word):
        return "L"
    if word.isdigit():
        return "9"
    if word.isupper() and len(word) > 1:
        return "U"
    return "A" if word[:1].isupper() else "a"


def name_lemmas(name: str) -> frozenset[str]:
    return frozenset(grammar.word_lemma(w) for w in _WORD.findall(name)[:_MAX_WORDS])


def organization_features(
    doc: Doc,
    name: str,
    aliases: tuple[str, ...],
    mentions: list[tuple[int, int]],
    others: tuple[frozenset[str], ...] = (),
) -> Features:
    """Features of the listed organization `name`, named in the text at `mentions` (character offsets); `others`:
    the lemmas of the other organizations the stage lists (`name_lemmas`), the first `_MAX_OTHERS` of them."""
    f: Features = {"bias": 1.0}
    words = _WORD.findall(name)
    own = name_lemmas(name)
    if own:
        overlap = max((len(own & o) / len(own) for o in others[:_MAX_OTHERS] if o and o != own), default=0.0)
        if overlap:
            f[f"overlap={_bucket(int(4 * overlap), (1, 2, 3))}"] = 1.0
        if any(own < o for o in others[:_MAX_OTHERS]):
            f["inside_other"] = 1.0
        if any(o < own for o in others[:_MAX_OTHERS] if o):
            f["contains_other"] = 1.0
    f[f"words={_bucket(len(words), (1, 2, 3, 5))}"] = 1.0
    letters = [c for c in name if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if letters and upper == len(letters):
        f["all_caps"] = 1.0
        if len(words) == 1 and len(name) <= 8:
            f["abbreviation"] = 1.0
    if name[:1].islower():
        f["lower_first"] = 1.0
    capitalised = sum(w[:1].isupper() for w in words)
    f[f"capitalised={_bucket(capitalised, (0, 1, 2, 3))}"] = 1.0
    if any(q in name for q in QUOTE_MARKS):
        f["quoted"] = 1.0
    if _LATIN.search(name):
        f["latin"] = 1.0
    if any(c.isdigit() for c in name):
        f["digits"] = 1.0
    if aliases:
        f["alias"] = 1.0
    lemmas = [grammar.word_lemma(w) for w in words[:6]]
    for lemma in lemmas[1:]:
        f[f"word={lemma}"] = 1.0
    f["shape=" + "".join(_shape(w) for w in words[:4])] = 1.0
    if lemmas:
        f[f"head={lemmas[0]}"] = 1.0
        for kind, entries in _classes():
            if lemmas[0] in entries or words[0].lower() in entries:
                f[f"first_class={kind}"] = 1.0
            elif any(lemma in entries for lemma in lemmas[1:]):
                f[f"other_class={kind}"] = 1.0
    f[f"mentions={_bucket(len(mentions), (1, 2, 4))}"] = 1.0
    text = doc_text(doc)
    if mentions:
        first = min(mentions)
        f[f"first_at={_bucket(int(10 * first[0] / max(len(text), 1)), (0, 2, 5))}"] = 1.0
        if "\n" not in text[: first[0]]:
            f["first_line"] = 1.0
        columns = _columns(doc)
        org = person = place = exact = 0
        read = sorted(mentions)[:_MAX_MENTIONS]
        for start, end in read:
            tokens = columns.tokens(start, end)
            labels = {columns.ents[i] for i in tokens}
            org += "ORG" in labels
            person += "PER" in labels
            place += "LOC" in labels
            exact += labels == {"ORG"}
        for key, count in (("ner_org", org), ("ner_per", person), ("ner_loc", place), ("ner_exact", exact)):
            if count:
                f[key] = count / len(read)
        if not org:
            f["ner_none"] = 1.0
        tokens = columns.tokens(*first)
        if tokens and tokens.start > 0:
            before = tokens.start - 1
            prev = columns.lemmas[before]
            if prev.isalpha():
                f[f"prev={prev.lower()}"] = 1.0
            else:
                f["prev_punct"] = 1.0
        else:
            f["prev_none"] = 1.0
        if tokens and tokens.stop < len(columns.lemmas):
            after = columns.lemmas[tokens.stop]
            if after.isalpha():
                f[f"next={after.lower()}"] = 1.0
            elif not after.strip():
                f["next_newline"] = 1.0
            elif not after.isalpha():
                f[f"next_punct={after[:1]}"] = 1.0
    return f
