"""What the stages find, before assembly: plain frozen values with offsets into the cleaned text.

Each stage takes the Doc and the findings so far and returns new findings (`dataclasses.replace`);
`assemble` turns the final findings into the public `MeetingRecord`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class TextSpan:
    """A span of the cleaned text (`[start, end)`); assembly maps it back to the source."""

    start: int
    end: int

    def hashtag_of(self, text: str) -> bool:
        """Whether the span is a hashtag's word in `text` («#Росреестр #Мордовия» under a post): the post is filed
        under it, the text does not name it there."""
        return self.start > 0 and text[self.start - 1] == "#"


@dataclass(frozen=True)
class PersonFinding:
    surname: str
    first_name: str | None = None
    patronymic: str | None = None
    initials: str | None = None
    mentions: tuple[TextSpan, ...] = ()
    # Particles the name writes before the surname, catalogued apart from it: «де» of «Билл де Блазио».
    particles: str | None = None
    position: str | None = None
    organization: str | None = None
    role: str = "mentioned"
    spoke: bool = False
    quotes: tuple[TextSpan, ...] = ()
    # Other spellings of the name the text gives: «Дэвид Саутер (David Souter)» → ("David Souter",).
    aliases: tuple[str, ...] = ()
    # An East Asian name in its own order, the surname before the given name: «Ли Кэцян».
    surname_first: bool = False
    # What a Western or Hispanic name writes between the first name and the surname: «Ф.» of «Джон Ф. Кеннеди».
    middle: str | None = None

    @property
    def name(self) -> str:
        """The fullest form of the name: 'Нурбек Базарбаев', 'Н.С. Базарбаев', 'Базарбаев'."""
        surname = f"{self.particles} {self.surname}" if self.particles else self.surname
        if self.first_name and self.surname_first:
            return f"{surname} {self.first_name}"
        if self.first_name:
            parts = [self.first_name, self.middle, self.patronymic, surname]
            return " ".join(p for p in parts if p)
        if self.initials:
            return f"{self.initials} {surname}"
        return surname


@dataclass(frozen=True)
class OrganizationFinding:
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[TextSpan, ...] = ()
    # A body named only through a person's title («заместитель министра финансов … области»): it is the person's
    # organization, but the text does not speak of it, so the record does not list it.
    listed: bool = True


@dataclass(frozen=True)
class LocationFinding:
    name: str
    mentions: tuple[TextSpan, ...] = ()


@dataclass(frozen=True)
class IssueFinding:
    text: str
    mentions: tuple[TextSpan, ...] = ()
    # A weak phrase a crowded report's narrative names, taken to fill its list (`stages.issues`): no agenda item, so
    # the topics do not read it as one.
    filler: bool = False


@dataclass(frozen=True)
class DecisionFinding:
    """A decision a protocol records (РЕШИЛИ / ПОСТАНОВИЛИ), as written, numbering left out."""

    text: str
    mentions: tuple[TextSpan, ...] = ()


@dataclass(frozen=True)
class TopicFinding:
    id: str
    label: str
    score: float


@dataclass(frozen=True)
class MeetingFinding:
    title: str | None = None
    body: str | None = None
    number: str | None = None
    date: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Findings:
    meeting: MeetingFinding = field(default_factory=MeetingFinding)
    persons: tuple[PersonFinding, ...] = ()
    organizations: tuple[OrganizationFinding, ...] = ()
    locations: tuple[LocationFinding, ...] = ()
    issues: tuple[IssueFinding, ...] = ()
    topics: tuple[TopicFinding, ...] = ()
    decisions: tuple[DecisionFinding, ...] = ()
