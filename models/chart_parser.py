"""yargy's Earley parser building the same chart with less work: Natasha's names and dates grammars were a
seventh of the spine's time, most of it in yargy's chart.

Five changes, none of which changes what the chart matches:

- a rule is predicted once per column. yargy predicts a rule again for every state that waits for it, and
  every state it makes then is one the column already holds (the same rule, production, dot and columns,
  no children: the same hash), which `Column.append` drops;
- a production whose first term is a word predicate the next token fails is not predicted: the state
  could never move its dot (yargy scans it with the same predicate and drops it), it waits for no rule (so
  no completion reaches it) and is not completed, so it takes part in no match;
- a rule is not predicted at all where no production of it can open with the next token (the words that can
  open it, through its sub-rules, are worked out once per grammar): each of its states could only wait for
  a word or a sub-rule that never comes, as above. A rule that can match no words is always predicted;
- for the same reason a production whose first term is such a rule is not predicted either, and at the end of
  the text (no next token) only rules that can match no words are: a name's chart was a third such states;
- a state's hash is the hash of the same tuple, built without a generator, and whether it is completed is
  worked out once, not on each of the several reads per state.

Once its matches are read, a chart is taken apart (its columns and states refer to each other), so that reference
counting frees it at once instead of the cyclic collector after the document.

`faster(parser)` switches one parser (in place); yargy's own classes stay as they are.
"""

from __future__ import annotations

from typing import Any

from yargy.parser import Chart, Column, Parser, State
from yargy.predicates.constructors import Predicate
from yargy.rule.bnf import BNFRule, is_rule
from yargy.tree import Leaf, Node


class _State(State):
    completed = False  # shadows State.completed (a property), set once in __init__

    def __init__(
        self, rule: Any, production: Any, dot_index: int, start_column: Column, stop_column: Column, node: Node
    ):
        self.rule = rule
        self.production = production
        self.dot_index = dot_index
        self.start_column = start_column
        self.stop_column = stop_column
        self.node = node
        self.completed = dot_index >= len(production.terms)

    def __hash__(self) -> int:
        return hash(
            (
                id(self.rule),
                id(self.production),
                self.dot_index,
                self.start_column.index,
                self.stop_column.index,
                tuple(map(id, self.node.children)),
            )
        )


class _Parser(Parser):
    def chart(self, text: Any, all: bool = True) -> Chart:  # yargy names the flag `all`
        """yargy's `Parser.chart`, with the rule test and the next term read inline and a rule already predicted
        in the column not asked again: this loop runs once per state."""
        chart = Chart(self.tagger(self.tokenizer(text)))
        columns = chart.columns
        last = len(columns) - 1
        predict, scan, complete = self.predict, self.scan, self.complete
        for index, column in enumerate(columns):
            next_column = columns[index + 1] if index < last else None
            predicted = column.__dict__["predicted"] = set()
            if index == 0 or all:
                predict(column, next_column, self.rule)
            for state in column.states:  # grows while it is read, as in yargy
                if state.completed:
                    complete(column, state)
                    continue
                term = state.production.terms[state.dot_index]
                if isinstance(term, BNFRule):
                    if id(term) not in predicted:
                        predict(column, next_column, term)
                elif next_column is not None:
                    scan(next_column, term, state)
        return chart

    def matches(self, text: Any, all: bool = True) -> list[State]:  # yargy names the flag `all`
        """yargy's completed states of the start rule, as a list, and the chart then taken apart: its columns and
        states refer to each other, and every chart left to the cyclic collector (hundreds of objects per
        document) made its collections longer. The chart is complete before any match is read, so reading them
        all at once changes nothing."""
        chart = self.chart(text, all=all)
        found = list((chart if all else chart.last_column).matches(self.rule))
        for column in chart.columns:
            column.states = []
            column.states_index.clear()
        return found

    def predict(self, column: Column, next_column: Column | None, rule: Any) -> None:
        predicted = column.__dict__.get("predicted")
        if predicted is None:
            predicted = column.__dict__["predicted"] = set()
        if id(rule) in predicted:
            return
        predicted.add(id(rule))
        openers = self.__dict__["openers"]
        token = next_column.token if next_column is not None else None
        held = _held(self, next_column) if next_column is not None else None
        if not _can_open(openers.get(id(rule)), token, held):
            return
        productions = rule.predict(token) if next_column is not None else rule.productions
        for index, production in enumerate(productions):
            terms = production.terms
            if terms:
                first = terms[0]
                if is_rule(first):
                    if not _can_open(openers.get(id(first)), token, held):
                        continue  # its first rule is not predicted here: the state would wait for it forever
                elif token is None or not _holds(first, token, held):
                    continue  # its first word cannot be the next token: the state would stay in the column unused
            node = Node(rule, production, rank=index, children=[])
            column.append(_State(rule, production, 0, column, column, node))

    def scan(self, column: Column, predicate: Any, state: State) -> None:
        token = column.token
        if _holds(predicate, token, _held(self, column)):
            column.append(_advanced(state, column, Leaf(predicate, predicate.constrain(token))))

    def complete(self, column: Column, completed: State) -> None:
        for state in completed.parents:
            column.append(_advanced(state, column, completed.node))


_CLASSES: dict[type, type] = {}


def faster(parser: Parser) -> Parser:
    """`parser` (yargy's Parser or a subclass, such as Natasha's) switched to the chart building above."""
    cls = type(parser)
    if not issubclass(cls, _Parser):
        faster_cls = _CLASSES.get(cls)
        if faster_cls is None:
            faster_cls = _CLASSES[cls] = _Parser if cls is Parser else type(f"Faster{cls.__name__}", (_Parser, cls), {})
        parser.__class__ = faster_cls
        parser.__dict__["openers"] = _openers(parser.rule)
        parser.__dict__["held"] = {}
    return parser


def _can_open(openers: tuple[Predicate, ...] | None, token: Any, held: dict[int, bool] | None) -> bool:
    """Whether a rule with these `openers` can start a match at the column's next `token` (None at the end of
    the text, where only a rule that can match no words completes: its openers are None, unknown)."""
    if openers is None:
        return True
    if token is None or held is None:
        return False
    for predicate in openers:
        holds = held.get(id(predicate))
        if holds is None:
            holds = held[id(predicate)] = bool(predicate(token))
        if holds:
            return True
    return False


def _holds(predicate: Predicate, token: Any, held: dict[int, bool]) -> bool:
    """Whether `predicate` holds for `token`, asked once per predicate and word (`_held`)."""
    holds = held.get(id(predicate))
    if holds is None:
        holds = held[id(predicate)] = bool(predicate(token))
    return holds


# Distinct words whose predicates a parser remembers at most; then it starts again (memory stays bounded).
_HELD_WORDS = 20_000


def _held(parser: _Parser, column: Column) -> dict[int, bool]:
    """What the parser's predicates (by id) said of the column's token, shared by every token of the same word.
    A yargy predicate reads only the token's text, its type and readings (both made from the text: the tokenizer's
    type by the text's shape, the readings by the morphology of the text) and its tag: so a word's answers are
    those of every other token of the same word, in this parse and the next. The openers of a grammar such as
    Natasha's dates were asked of every token of every text parsed, and most words come back."""
    held = column.__dict__.get("held")
    if held is None:
        token = column.token
        memo: dict[tuple[Any, ...], dict[int, bool]] = parser.__dict__["held"]
        key = (token.value, token.type, getattr(token, "tag", None))
        held = memo.get(key)
        if held is None:
            if len(memo) >= _HELD_WORDS:
                memo.clear()
            held = memo[key] = {}
        column.__dict__["held"] = held
    return held


def _openers(start: BNFRule) -> dict[int, tuple[Predicate, ...] | None]:
    """For every rule of the grammar (by id): the word predicates one of which the first word of any of its
    matches passes, or None where that is not known (a rule that can match no words, or one of a kind
    other than a plain BNF rule, or reaching such a rule first)."""
    rules: dict[int, Any] = {}
    stack = [start]
    while stack:
        rule = stack.pop()
        if id(rule) in rules:
            continue
        rules[id(rule)] = rule
        if type(rule) is BNFRule:
            stack.extend(term for production in rule.productions for term in production.terms if is_rule(term))
    opaque = {key for key, rule in rules.items() if type(rule) is not BNFRule}
    nullable: set[int] = set()
    changed = True
    while changed:  # rules that can match no words, to a fixed point
        changed = False
        for key, rule in rules.items():
            if key in nullable or key in opaque:
                continue
            if any(all(is_rule(t) and id(t) in nullable for t in p.terms) for p in rule.productions):
                nullable.add(key)
                changed = True
    first: dict[int, dict[int, Predicate]] = {key: {} for key in rules}
    changed = True
    while changed:  # the predicates that can open each rule, to a fixed point
        changed = False
        for key, rule in rules.items():
            if key in opaque:
                continue
            before = (len(first[key]), key in opaque)
            for production in rule.productions:
                for term in production.terms:
                    if is_rule(term):
                        if id(term) in opaque:
                            opaque.add(key)
                        first[key].update(first[id(term)])
                        if id(term) not in nullable:
                            break
                    elif isinstance(term, Predicate):
                        first[key][id(term)] = term
                        break
                    else:
                        opaque.add(key)
                        break
            changed = changed or before != (len(first[key]), key in opaque)
    return {key: None if key in opaque or key in nullable else tuple(first[key].values()) for key in rules}


def _advanced(state: State, column: Column, child: Any) -> _State:
    """`state` with its dot moved past `child` (a scanned leaf or a completed node), ending in `column`."""
    return _State(
        state.rule, state.production, state.dot_index + 1, state.start_column, column, state.node.attached(child)
    )
