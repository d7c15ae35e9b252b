"""Organizations: grammar and NER candidates → canonical nominative names, one entry per body.

1. Candidates: names the grammar reads (`models/grammars/organizations.py`) and the NER's ORG
   spans, cleaned of what the tagger glues to them (a person after a country code, stray quotes).
2. Overlaps keep the longest reading; a parenthesis right after a name is its alias
   («… Совет по вопросам миграции (МБОС)»).
3. Each name in the nominative: only the head noun and the adjectives before it are inflected,
   genitive and prepositional dependents stay as written («Министерство труда, социального
   обеспечения и миграции КР»); quoted parts are never touched.
4. Names of one body are merged (`pipelines/body_identity.py`): same lemmas, a legal form added or dropped, an
   abbreviation of the full name (initials «СДПК», syllables «Совбез», «Госсовет»), or a shorter form of it; a kind
   before a name the text also uses bare («компания Apple» … «Apple») is a description of it.
5. What is named like a body but is not one is left out: tournaments and awards, hospitals, the
   centre of a place, a web service the text only posts through («написал в своём Twitter»).

The modules, in the order the stage uses them (`find.py` runs them):
- `readings.py`: the grammar's and the NER's candidate names, cleaned; `shouted.py`: capitals that are no name;
- `units.py`: units and the bodies they belong to; `places.py`: where a name with a place in it ends;
- `edges.py`: a chosen name's description, alias, double name; `canonical.py`: the name in the nominative;
- `ministries.py`: ministries a minister's title names; `letterheads.py`: headings, letterheads, units under them;
- `same_body.py`: mentions of one body the merge cannot join alone; `filters.py`: what is not a body;
- `_common.py`: the few word and place tests several of them share.
"""

from pipelines.stages.organizations.canonical import canonical
from pipelines.stages.organizations.find import find_organizations, run

__all__ = ["canonical", "find_organizations", "run"]
