"""Meeting: title, body, number, date and place.

The stage first finds the *meeting sentence*: the first sentence where an event noun
(`meeting_events.txt`: заседание, сессия, круглый стол …) goes with a verb of taking place
(`meeting_verbs.txt`: состоялось, прошло, открывается …), else the first with an event noun.
- title, number, body: the yargy TITLE grammar (`models/grammars/meeting.py`) on that sentence;
  the body is matched to an organization found earlier when one covers it.
- date: the meeting sentence's own date; else its relative day (вчера, в среду) counted from the
  dateline; else the dateline; else the first date that isn't a deadline, a document's date or a
  birth date. A relative day with no dateline to count from leaves the date unknown. A crawler's stamp
  («[crawled 2024-03-02]», «Просмотров: 212 24.11.2023») is a weak dateline: the report's own dateline on a
  later line, or a date in the text, comes first; the stamp still counts relative days and lends its year.
  A meeting no event noun names is dated by the lead's sentence with a verb of taking place («В субботу … прошёл
  сбор»); a day left without a year takes one from a month-and-year date in the header lines.
  A machine's ISO date opening the text («2024-10-09 11:02:37 | ВКО») is such a stamp.
- place: a city in "в <город>" attached (through a settlement word or a venue) to an event noun or to its
  verb, the city also read off a settlement word («в г. Тамбове», «в г.п. Кузьмоловский», «в здании джамоата
  Поршинев») or a venue's adjective («в Московском театре», where the text names Москва), or opening a lead
  paragraph before its meeting's verb («Сегодня в Конаеве под председательством … прошло заседание»), or right
  before «на» and the event noun («в Глубоком на заседании»; of two places as sure, the one the dateline names); else
  the dateline's place («БИШКЕК, 14 марта —», «АЛМАТЫ. 5 марта»,
  «БИШКЕК (Кабар) —», «14 марта, Бишкек.», a protocol's «г. Ош» (or a smaller settlement's «р.п. Шилово»,
  «д. Ключи») before or after its date, «Место проведения:
  г. Каракол» or «Место проведения: зал …, г. Тулун», «Павлодар.» opening a line);
  the dateline's city in brackets («(г. Тамбов) 14 марта»), a protocol's quoted day («"14" марта 2024 г.   г. Тамбов»),
  a header's «Место:», «Адрес:» field, a city morphology does not know opening a dateline («Кызылорда, 14 марта»);
  else a city where a body met ("Ассамблея в Гаване избрала"); a place after the meeting's manner («в режиме
  видеоконференции в городе Бишкек»); else a «Место проведения —» field in the text, or the place by a protocol's
  signatures at its end («г. Тулун, 14 марта 2024 г.»); else the home of the body holding the meeting, named in
  the meeting sentence or the two after it («Думы города Костромы», «Мядельского районного Совета» → Мядель,
  «городского округа Тольятти», «Думы г.о. Тольятти», «мэр Бишкека», a city's own body by its adjective even where
  morphology does not know the city: «Жалал-Абадского городского кенеша» → Жалал-Абад);
  else one in the headline; else one a headline in capitals places the meeting in; else the town of a district
  whose body's building a lead sentence holds the meeting in, where the text names that town («в здании хокимията
  Асакинского района» → Асака). A region's or district's body alone («Тамбовской областной Думы», «акимат
  Сарыагашского района») gives no place: the gold leaves it unstated.
  The place found joins the locations when the locations stage missed it (a dateline's city NER left untagged), and
  so does the dateline's town when the meeting sat elsewhere.

The modules, in the order the stage uses them (`find.py` runs them):
- `sentence.py`: event nouns, verbs of taking place, the meeting sentence and the lead's (the speakers stage reads
  them too); `title.py`: the title, number and body the grammar reads in it;
- `names.py`: a word read as a place's name as headers, fields and datelines write it;
- `dateline.py`: the dateline, weak stamps and footers, the header's place lines, place fields and signatures;
- `date.py`: which date is the meeting's, relative days, the year a day without one takes;
- `tier.py`: how surely «в <город>» places the meeting, and the headline's places;
- `home.py`: the home of the body holding the meeting, a letterhead's town, a district body's building;
- `place.py`: the candidate places, the order of the sources, the place joined to the locations;
- `find.py`: the stage's `run`.
"""

from pipelines.stages.meeting.find import run
from pipelines.stages.meeting.sentence import find_events, meeting_sentence, meeting_verbs

# What the other stages read of the stage: `run` (`pipelines.stages`), the meeting sentence (`speakers`).
__all__ = ["find_events", "meeting_sentence", "meeting_verbs", "run"]
