"""Membership: the members of the body holding the meeting represent it.

At a maslikhat's session «депутат», «председатель постоянной комиссии по бюджету» and «секретарь
областного маслихата» stand for the maslikhat even where the text names it only once, in the title.
The body holding the meeting is the organization that meets (`membership_bodies.txt`: маслихат, кенеш,
дума, палата, правление …) named most often, the meeting's own body first. A person the earlier stages
linked to no organization takes, in this order:
- the body their position names by its kind: «начальник финансового отдела райисполкома» → «Мядельский
  райисполком», «секретарь областного маслихата» → the maslikhat;
- the body a head's title stands for (`membership_heads.txt`: аким → акимат, мэр → мэрия);
- the body holding the meeting, when the position is a member's role (`membership_roles.txt`: депутат,
  член …).
A deputy the earlier stages linked to a body that is no assembly (their party, in brackets by the name)
is looked up the same way: the party is an affiliation, the assembly is where the deputy sits.

The modules, each a family of rules (`assign.py` runs them):
- `assign.py`: the stage's `run`, the order in which the rules decide each person's body;
- `holding.py`: the body holding the meeting, its title and heading, convocations, a transcript's assembly;
- `represented.py`: the body a post stands for, and a deputy's seat over their party;
- `place_heads.py`: heads of places, the offices of a place's head, contracted executives, other places;
- `units.py`: sub-units, an assembly's units, the bodies units belong to, bodies named in a post;
- `commissions.py`: commissions, members elected into organs, members' meetings, officers, the invited;
- `kinds.py`: a body named by its kind (a post's bare kind, a legal kind, a quoted name, a short name);
- `letterheads.py`: the owner of the council meeting, from the title or the letterhead; `owners.py`: what the
  owner takes (its councils, its units, its people);
- `_words.py`: the word tests they all share (dictionary forms, a body's kind, stems, abbreviations).
"""

from pipelines.stages.membership._words import _head, _heads, _lemmas
from pipelines.stages.membership.assign import run
from pipelines.stages.membership.commissions import _commission_of_a_level, _profession_meeting_body
from pipelines.stages.membership.holding import holding_body
from pipelines.stages.membership.letterheads import _letterhead_owner
from pipelines.stages.membership.place_heads import _another_named_place
from pipelines.stages.membership.represented import represented, sits_elsewhere
from pipelines.stages.membership.units import _assembly_unit, _is_subunit, body_in_post, parent_body

# What the other stages (`run`), `pipelines.reranking` (`represented`, `_head`, `_heads`, `_lemmas`, `_is_subunit`)
# and the tests read of the stage.
__all__ = [
    "_another_named_place",
    "_assembly_unit",
    "_commission_of_a_level",
    "_head",
    "_heads",
    "_is_subunit",
    "_lemmas",
    "_letterhead_owner",
    "_profession_meeting_body",
    "body_in_post",
    "holding_body",
    "parent_body",
    "represented",
    "run",
    "sits_elsewhere",
]
