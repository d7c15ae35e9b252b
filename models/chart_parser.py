"""yargy's Earley parser building the same chart with less work: Natasha's names and dates grammars were a
seventh of the spine's time, most of it in yargy's chart.

Three changes, none of which changes what the chart matches:

- a rule is predicted once per column. yargy predicts a rule again for every state that waits for it, and
  every state it makes then is one the column already holds (the same rule, production, dot and columns,
  no children: the same hash), which `Column.append` drops;
- a production whose first term is a word predicate the next token fails is not predicted: the state
  could never move its dot (yargy scans it with the same predicate and drops it), it waits for no rule (so
  no completion reaches it) and is not completed, so it takes part in no match;
- a state's hash is the hash of the same tuple, built without a generator, and whether it is completed is
  worked out once, not on each of the several reads per state.

`faster(parser)` switches one parser (in place); yargy's own classes stay as they are.
"""

from __future__ import annotations

from typing import Any

from yargy.parser import Column, Parser, State
from yargy.rule.bnf import is_rule
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
    def predict(self, column: Column, next_column: Column | None, rule: Any) -> None:
        predicted = column.__dict__.get("predicted")
        if predicted is None:
            predicted = column.__dict__["predicted"] = set()
        if id(rule) in predicted:
            return
        predicted.add(id(rule))
        if next_column is None:
            productions = rule.productions
        else:
            token = next_column.token
            productions = rule.predict(token)
        for index, production in enumerate(productions):
            terms = production.terms
            if next_column is not None and terms and not is_rule(terms[0]) and not terms[0](token):
                continue  # its first word cannot be the next token: the state would stay in the column unused
            node = Node(rule, production, rank=index, children=[])
            column.append(_State(rule, production, 0, column, column, node))

    def scan(self, column: Column, predicate: Any, state: State) -> None:
        token = column.token
        if predicate(token):
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
    return parser


def _advanced(state: State, column: Column, child: Any) -> _State:
    """`state` with its dot moved past `child` (a scanned leaf or a completed node), ending in `column`."""
    return _State(
        state.rule, state.production, state.dot_index + 1, state.start_column, column, state.node.attached(child)
    )
