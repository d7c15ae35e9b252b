"""Headings in capitals: found once, read in sentence case once, and read by both organizations and issues."""

from __future__ import annotations

from spacy.language import Language

from pipelines.headings import headings, reading
from pipelines.stages import run_stages


def test_a_headline_is_read_once_for_organizations_and_issues(nlp: Language) -> None:
    text = (
        "В АКИМАТЕ ПАВЛОДАРСКОЙ ОБЛАСТИ ОБСУДИЛИ РЕМОНТ ДОРОГ\nНовости акимата\n\n"
        "Аким Павлодарской области Асаин Байханов поручил ускорить ремонт дорог."
    )
    doc = nlp(text)
    lines = headings(doc)
    assert [(h.text, h.start) for h in lines] == [("В АКИМАТЕ ПАВЛОДАРСКОЙ ОБЛАСТИ ОБСУДИЛИ РЕМОНТ ДОРОГ", 0)]
    findings = run_stages(doc)
    # Both stages read the one parse of the line.
    assert [start for start, _ in doc.user_data["kenesh_heading_readings"]] == [0]
    # A proper word keeps the capital the text writes it with («Павлодарской»); a common one is lowered.
    assert reading(doc, lines[0]).text == "В акимате Павлодарской области обсудили ремонт дорог."
    assert "акимат Павлодарской области" in [o.name for o in findings.organizations]
    repair = next(i for i in findings.issues if i.text == "ремонт дорог")
    assert any(text[m.start : m.end] == "РЕМОНТ ДОРОГ" for m in repair.mentions)


def test_an_indented_heading_keeps_its_offset(nlp: Language) -> None:
    text = "Главная | Новости\n   ДЕПУТАТЫ ГОРОДСКОГО МАСЛИХАТА ОБСУДИЛИ БЮДЖЕТ  \nСессия прошла вчера."
    doc = nlp(text)
    (line,) = headings(doc)
    assert text[line.start : line.start + len(line.text)] == "ДЕПУТАТЫ ГОРОДСКОГО МАСЛИХАТА ОБСУДИЛИ БЮДЖЕТ"
    assert line.words == 5
    assert reading(doc, line) is reading(doc, line)


def test_lines_of_lower_case_or_one_word_are_no_headings(nlp: Language) -> None:
    doc = nlp("ПРОТОКОЛ\nЗаседание комиссии прошло вчера.\nДепутаты обсудили бюджет.")
    assert headings(doc) == ()
