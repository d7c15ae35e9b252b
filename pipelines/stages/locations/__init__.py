"""Locations: countries, regions and cities in the nominative, each once.

Three sources feed one list:
1. NER LOC spans, cleaned: brackets cut, streets, buildings and natural features dropped, a body's
   own words dropped from spans that NER stretched over an organization ("Жогорку Кенеше
   Кыргызской Республики" → "Кыргызской Республики").
2. Names from the lexicons wherever they are written outside quotes: country aliases ("РФ",
   "Кыргызская Республика") and region abbreviations ("ЗКО"), which NER often misses or tags ORG.
3. Places inside organization names ("Совет депутатов Челябинской области", "Правительство
   Москвы"): real reports name bodies by their region, and the region counts as a location; a letterhead in
   capitals names its body's region too («АДМИНИСТРАЦИЯ СОКОЛЬСКОГО МУНИЦИПАЛЬНОГО ОКРУГА»).

Every name is then keyed by its lemmas, so case forms and aliases collapse to one entry.

Not places: streets, buildings, electoral districts, a region's kind without its name, a common word capitalized
by its place in a sentence, and water bodies: a name after a water noun or a river's part («реке Унже», «в
бассейне Исети») is a river's in all its mentions unless the text also writes it as a settlement's. A place the text
names only in its hashtags is not listed.

The modules, in the order the stage uses them (`find.py` runs them):
- `keys.py`: a name's key of lemmas, the gazetteer, the lexicon tests; `words.py`: the word classes the grammar
  shares (prepositions of place, region nouns, place adjectives, nouns of no place);
- `candidates.py`: the spans that may name a place; `clean.py`: the NER's spans cut to their place or dropped;
- `regions.py`: regions and districts named by their adjective; `waters.py`: rivers, lakes and seas;
- `filters.py`: what is named like a place but is not one; `nominative.py`: the name in the nominative;
- `merges.py`: entries of one place under several forms joined; `find.py`: the finder and the stage's `run`.
"""

from pipelines.stages.locations.clean import _common_word_capitalized_by_position, municipal_kind
from pipelines.stages.locations.find import find_locations, run
from pipelines.stages.locations.keys import _in_word_set, _lemmas, _word_set_flags, gazetteer, text_key
from pipelines.stages.locations.merges import soft_stem_cases
from pipelines.stages.locations.nominative import _nominative

__all__ = [
    "_common_word_capitalized_by_position",
    "_in_word_set",
    "_lemmas",
    "_nominative",
    "_word_set_flags",
    "find_locations",
    "gazetteer",
    "municipal_kind",
    "run",
    "soft_stem_cases",
    "text_key",
]
