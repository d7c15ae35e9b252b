"""The whole pipeline over the three gold sets, scored with the reference scorer's logic.

corpus-dev (25 documents the rules were written against), corpus-genre (24 meeting reports, protocols
and a transcript of councils of Central Asia, Russia and Belarus) and nerel-train (722 news articles,
gold converted from NEREL). Thresholds are a ratchet: they only rise, each a hair below the best figure
measured so far, up to the issue's own bar (see README, "Quality"). NEREL takes minutes: it is marked
`slow` (`pytest -m slow tests/pipelines/test_corpus.py`); `-m "not slow"` leaves it out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import gold_sets
from tests.scoring import corpus_documents, extract_all, score_records

# Issue 3 (part 1) bars, all met: persons 0.93, organizations 0.78, locations 0.90, date 0.80, place 0.75.
# Issue 4 (part 2) bars, all met: speakers 0.80, position_f1 0.75, person_org 0.65, issues 0.40, topics 0.60.
# Issue 13: no field of corpus-dev below what it was when the issue was filed.
DEV = {
    "persons": 0.95,
    # 0.9 → 0.895 in session 14, in the open: a unit named by its field alone is not listed (genre-notes 4; NEREL news
    # lists «координационный совет …», «комитет …»); corpus-genre +0.007, heldout-genre-3 … -14 up to +0.021.
    "organizations": 0.9,
    "locations": 0.985,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
    "speakers": 0.915,
    "issues": 0.595,
    # 0.857 with the seed-lexicon rules alone; 0.849 since session 10's learned topic decision for reports of a named
    # body (models/classifiers/topics_decision.py), shipped for what it does on sets no rule was read from: blind-time
    # heldout-genre-5…-8 .625 → .663 on average, the blind heldout-genre-9 .667 → .720. Still above the 0.841 corpus-dev
    # had when issue 13 was filed, which is the floor for this set. 0.855 → 0.845 in session 15, in the open:
    # the decision retrained with heldout-genre-15 and -16 opened (0.860 → 0.849 here, in sample). 0.85 → 0.845 in
    # session 16, in the open: the decision retrained with heldout-genre-17 and -18 opened (0.857 → 0.849).
    # 0.85 → 0.845 in session 19, in the open: the decision retrained with -23 and -24 opened (dev .857 → .849;
    # blind -25 … -28 unchanged).
    "topics": 0.865,
    # 0.824 and 0.796 before session 11 read straight quotes as guillemets (`pipelines/cleaning/quotes.py`, nested
    # titles of real Central Asian reports: «Закон "О местном самоуправлении"» was cut at «Закон»): in nerel-014 the
    # parse of «экс-глава ООО «Газэкспорт» Юрий Комаров, возглавляющий компанию … Shtokman» now finds the former post
    # first. NEREL and the genre sets unchanged; above the 0.804 / 0.688 floors. Stepped down once, in the open.
    "position_f1": 0.82,
    "person_org": 0.775,
}
# Issue 13 bar: persons 0.96, speakers 0.92, organizations 0.80, locations 0.92, position_f1 0.85,
# person_org 0.70, issues 0.55, topics 0.75, date 0.90, place 0.85 — every field is at or above it.
GENRE = {
    "persons": 0.995,
    "speakers": 0.995,
    "organizations": 0.97,
    "locations": 0.99,
    "position_f1": 0.98,
    "person_org": 0.995,
    # issues steps down once, in the open (session 13): «проект бюджета / плана …» is the issue as the gold sets write
    # it (heldout-genre +0.013, -3 and -6 +0.010); here one extra item («проект плана на 2024 год») is not in the gold.
    # 0.685 → 0.68 in session 18, in the open: a shortfall that is a verb's subject is a problem raised («ожидается
    # дефицит воды»; -22's gold lists one), which a09's gold files under another item (24 opened sets +.008).
    # 0.685 → 0.665 in session 20, in the open: issues20c's cap of weak phrases for reports 6 → 8 (protocols and
    # transcripts keep 6; report golds list 6.6 issues on average; issues up on 17 opened sets, +.170 summed, down on 7)
    # (.688 → .669).
    "issues": 0.675,
    # topics steps down once, in the open (session 13): a body's name opening with a city's adjective that
    # pymorphy also guesses as a surname («Новополоцкого городского Совета») is the meeting's body now, and the
    # learned decision, retrained, decides those reports: in-sample 0.881 → 0.864 here, the blind sets
    # heldout-genre-14 0.689 → 0.739 and -16 0.667 → 0.690, -13 and -15 unchanged.
    # 0.91 → 0.905 in session 22, in the open: the topic decision retrained with heldout-genre-29 and -30 opened (in
    # sample .916 → .909).
    # 0.905 → 0.9 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.909 → .904).
    "topics": 0.9,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# Issue 13 bar: persons 0.86, organizations 0.75, locations 0.88, position_f1 0.68, person_org 0.50 — every
# field is at or above it. The shipped linker (models/linker) was trained on nerel-train, so its two fields here
# are in-sample (0.699 / 0.585) and move a little with each retraining; the honest figures are its 5-fold
# held-out ones (0.693 / 0.560, README "The linker"), asserted by test_the_linker_meets_the_nerel_bar_held_out.
NEREL = {
    "persons": 0.865,
    "organizations": 0.76,
    "locations": 0.885,
    "position_f1": 0.71,
    "person_org": 0.595,
}
# corpus/heldout-genre: 12 meeting documents written blind to the pipeline after the rules above were read from
# corpus-genre. Measured blind once (session 4: organizations 0.667, person_org 0.464, issues 0.500, topics 0.704),
# then opened for error analysis like corpus-genre when heldout-genre-2 replaced it as the blind set.
HELDOUT = {
    "persons": 0.995,
    "speakers": 0.995,
    # 0.950 until session 11 (h9orgs), 0.941 since: heldout-07's gold leaves out the standing committee whose meeting
    # it is, named only under the Duma's letterhead, where corpus-genre (b03, b04, c08), heldout-genre-7-01 and
    # heldout-genre-9 (03, 10) list the unit holding the meeting (genre-notes 4): a gold conflict, not a loss.
    "organizations": 0.965,
    "locations": 0.95,
    "position_f1": 0.955,
    "person_org": 0.91,
    # 0.765 → 0.76 (names14b, in the open): funded works are issues,
    # blind -15/-17/-18 issues +.009/+.008/+.014; here a budget line the gold leaves out.
    # 0.78 → 0.76 in session 20, in the open: issues20's works fillers at meetings («ремонт …», «строительство …»,
    # «нехватка …»; issues up on 25 of 28 opened sets, +.594 summed) take works this gold leaves out (.784 → .765).
    "issues": 0.775,
    # 0.86 → 0.85 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    # 0.85 → 0.84 in session 15, in the open: session 15's topic decision (governance weighed apart, threshold 0.30,
    # lexicon gaps seen in 3+ sets): leave-one-set-out mean .747 → .767; blind -17 +.017, -18 −.008, -19 −.008, -20
    # +.038 (.865 → .842 here, in sample).
    # 0.85 → 0.83 in session 18, in the open: the topic decision retrained with heldout-genre-21 and -22 opened.
    # 0.85 → 0.84 in session 20, in the open: the topic decision retrained with heldout-genre-25 and -28 opened (.853 →
    # .842).
    # 0.86 → 0.84 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.865 → .842 in sample).
    # 0.84 → 0.83 in session 22, in the open: the topic decision retrained with heldout-genre-29 and -30 opened (in
    # sample .842 → .831).
    "topics": 0.865,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-2: 12 more meeting documents, written blind to the pipeline (and to heldout-genre's
# errors) in session 5, measured blind through session 6, opened for error analysis in session 7.
HELDOUT2 = {
    "persons": 0.98,
    "speakers": 0.995,
    "organizations": 0.97,
    "locations": 0.96,
    "position_f1": 0.96,
    "person_org": 0.98,
    # 0.86 → 0.855 in session 20, in the open: issues20c's cap for reports (see corpus-genre) (.864 → .857).
    # 0.855 → 0.85 in session 21, in the open: issues21c's «не хватает X» → «нехватка X» (chosen on the opened sets:
    # issues +.053 summed there, 7 up, 5 down) (.857 → .850).
    "issues": 0.85,
    # 0.865 → 0.85 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    # 0.885 → 0.87 in session 17, in the open: decision retrained with -19, -20 opened (.889 → .875).
    "topics": 0.945,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-3: 12 more meeting documents, written blind to the pipeline in session 7, measured blind
# after its first round, opened for error analysis in its second.
HELDOUT3 = {
    "persons": 0.995,
    "speakers": 0.995,
    "organizations": 0.995,
    "locations": 0.985,
    "position_f1": 0.98,
    "person_org": 0.995,
    "issues": 0.785,
    # topics steps down once, in the open: the decision retrained with heldout-genre-11 opened (session 12) moved
    # single documents of this set (leave-one-set-out mean over the eleven earlier sets 0.775 → 0.766).
    # 0.84 → 0.83 in session 19, in the open: the decision retrained with -23 and -24 opened (.831 in sample;
    # blind -25 … -28 unchanged).
    "topics": 0.9,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-4: 12 more meeting documents, written blind to the pipeline in session 7's second round,
# measured blind after it, opened for error analysis in session 8.
HELDOUT4 = {
    "persons": 0.995,
    "speakers": 0.995,
    # 0.98 → 0.975 in session 17, in the open: a party's branch listed with its party (-20, -12 list both;
    # here only the branch).
    "organizations": 0.975,
    "locations": 0.985,
    "position_f1": 0.92,
    # 0.915 → 0.9 in session 15, in the open: the linker retrained on session 14's tree (NEREL held out .698/.570 →
    # .703/.575; blind heldout-genre-18 person_org +0.030, opened -16 +0.010).
    "person_org": 0.915,
    "issues": 0.7,
    # 0.800 with the seed-lexicon rules alone (in-sample: their lexicons were tuned on this set); 0.788 with session
    # 10's learned topic decision, which wins on every blind set (see corpus-dev's topics above).
    # 0.86 → 0.85 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    # 0.85 → 0.82 in session 15, in the open: the topic decision of session 15 (see heldout-genre's topics; .879 → .824
    # here: a trade-union plenum's civil society, which this set's annotator gave to labour).
    # 0.835 → 0.82 in session 17, in the open: decision retrained with -19, -20 opened (.841 → .824).
    # 0.845 → 0.815 in session 20, in the open: topics20's decision (a meeting's kind and place without a body decided
    # by the model, learnt from named bodies' reports; executive words no governance evidence): leave-one-set-out mean
    # over the opened sets .775 → .787 (.848 → .818 in sample; left out .781, flat).
    # 0.855 → 0.83 in session 20, in the open: the decision retrained on the final tree, with topics20c's social-
    # protection and civil-society words (leave-one-set-out mean .7886 → .7905, no set lower) (.862 → .831 in sample;
    # left out .794, flat).
    # 0.87 → 0.86 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.875 → .862).
    "topics": 0.86,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-5: 12 more meeting documents, written blind to the pipeline in session 8, measured blind
# after its first round, opened for error analysis in its second.
HELDOUT5 = {
    "persons": 0.985,
    "speakers": 0.995,
    # 0.925 → 0.915 in session 21, in the open: orgs21's schools named by kind and number after one person's title are
    # that person's organization, not listed (7 opened golds leave the shape out, this set's one lists it) (.929 →
    # .919).
    "organizations": 0.915,
    "locations": 0.995,
    "position_f1": 0.965,
    # 0.925 → 0.91 in session 15, in the open: the linker retrained (see heldout-genre-4).
    "person_org": 0.94,
    "issues": 0.815,
    # 0.875 → 0.86 (names14b, in the open): funded works are issues,
    # blind -15/-17/-18 issues +.009/+.008/+.014 (issues +.016 here); topics read the issues' words.
    # 0.86 → 0.85 in session 16, in the open (.866 → .853; leave-one-set-out .824 equal): the topic lexicons of session
    # 16 («сельский» 2 → 0.5, «пассажирский» 3 → 2, environment's vocabulary) and the decision retrained on them:
    # leave-one-set-out mean of the genre sets 0.756 → 0.762 (up in all nine L2 × threshold settings); in sample -2, -6,
    # -17, -18 gain a topic or two, -5, -15, -16 lose one; blind -19 .824 → .816, -20 equal.
    # 0.85 → 0.84 in session 17, in the open: doc 03's new issue («результаты мониторинга закупок», in its gold)
    # reads as budget.
    # 0.84 → 0.83 in session 19, in the open: topics19's relative share (a weak second topic beside a sure one dropped;
    # leave-one-set-out mean .768 → .776) (.841 → .836 in sample).
    # 0.85 → 0.82 in session 20, in the open: topics20b's «детский сад» as schooling, not family policy, and the
    # decision retrained on the merged tree (leave-one-set-out mean .786 → .788, up in all nine L2 × threshold settings)
    # (.853 → .824 in sample; left out .812 → .794).
    # 0.82 → 0.8 in session 21, in the open: the topic decision retrained with heldout-genre-26 and -27 opened (.824 →
    # .806; in sample over the opened sets +.357 summed, leave-one-set-out mean over the same 27 sets .790 → .793).
    # 0.8 → 0.79 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.806 → .794 in sample).
    "topics": 0.815,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-6: 12 more meeting documents, written blind to the pipeline in session 8's second round,
# measured blind after it, opened for error analysis in session 9.
HELDOUT6 = {
    "persons": 0.985,
    "speakers": 0.98,
    # 0.945 → 0.94 in session 17, in the open: a party's branch listed with its party (this gold lists the party only).
    "organizations": 0.94,
    "locations": 0.98,
    "position_f1": 0.925,
    "person_org": 0.91,
    "issues": 0.78,
    # 0.86 → 0.85 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    # 0.875 → 0.86 in session 19, in the open: the decision retrained with -23 and -24 opened (.862 in sample;
    # blind -25 … -28 unchanged).
    # 0.9 → 0.885 in session 21, in the open: the topic decision retrained with heldout-genre-26 and -27 opened (.906 →
    # .889; in sample over the opened sets +.357 summed, leave-one-set-out mean over the same 27 sets .790 → .793).
    "topics": 0.9,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-7: 12 more meeting documents, written blind to the pipeline in session 9, measured blind after
# its first round, opened for error analysis in its second.
HELDOUT7 = {
    "persons": 0.985,
    "speakers": 0.99,
    "organizations": 0.93,
    "locations": 0.905,
    "position_f1": 0.915,
    "person_org": 0.945,
    "issues": 0.73,
    # 0.8 → 0.785 in session 18, in the open: the topic decision retrained with heldout-genre-21 and -22 opened.
    # 0.87 → 0.84 in session 20, in the open: topics20b's «детский сад» as schooling, not family policy, and the
    # decision retrained on the merged tree (leave-one-set-out mean .786 → .788, up in all nine L2 × threshold settings)
    # (.877 → .842 in sample; left out .714 → .702).
    # 0.84 → 0.82 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.842 → .821).
    "topics": 0.82,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-8: 12 more meeting documents, written blind to the pipeline in session 9 beside heldout-genre-7,
# measured blind through session 9, opened for error analysis in session 10 (heldout-genre-9 took its place).
HELDOUT8 = {
    "persons": 0.995,
    "speakers": 0.995,
    # 0.915 → 0.91 in session 18, in the open: a jamoat by its chair's title is listed (-11, -13, -17, -22's golds);
    # this gold alone leaves it out.
    "organizations": 0.915,
    "locations": 0.97,
    # 0.804 first; one post (0.799) went with membership's rule that a council of the owner gives way to the
    # owner, which lifted heldout-genre-2 (person_org +0.013, position +0.007) and -6: within a 12-document
    # set's noise, so the ratchet steps down once, in the open.
    "position_f1": 0.915,
    "person_org": 0.96,
    "issues": 0.695,
    # 0.526 first; 0.509 with the topics stage's rule that the kind of the body holding the meeting is not
    # governance evidence, which lifted seven genre sets of eight (corpus-genre +0.012, heldout-genre-7 +0.011);
    # 0.500 with round 2's domain seeds (water transport, crops, crafts, sport facilities: +7 topics right, none
    # wrong on the eight opened genre sets). Topic rules read from opened sets have not carried to this one.
    # 0.64 → 0.62 in session 17, in the open: decision retrained with -19, -20 opened (.645 → .623).
    # 0.675 → 0.66 in session 20, in the open: topics20's decision (see heldout-genre-4; leave-one-set-out mean .775 →
    # .787) (.678 → .667 in sample; left out .586 → .590).
    # 0.685 → 0.675 in session 22, in the open: the topic decision retrained with heldout-genre-29 and -30 opened (in
    # sample .690 → .678).
    "topics": 0.685,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-9: 14 more meeting documents, written blind to the pipeline in session 10 and measured blind
# there (README there); opened for error analysis in session 11. Thresholds: the best figures minus about 0.003.
HELDOUT9 = {
    "persons": 0.995,
    "speakers": 0.995,
    # 0.700 / 0.622 blind; 0.919 / 0.816 after session 11's organization name shapes (h9orgs) merged with the rest.
    "organizations": 0.935,
    "locations": 0.99,
    "position_f1": 0.89,
    # 0.89 → 0.88 in session 17, in the open: a commission's secretary is the commission's (-11, -12, -13, -20;
    # not 03 here).
    "person_org": 0.89,
    "issues": 0.715,
    # 0.667 first; 0.720 with session 10's learned topic decision (measured once, aggregate only).
    # topics steps down once, in the open: the decision retrained with heldout-genre-11 opened (session 12) moved
    # single documents of this set (leave-one-set-out mean over the eleven earlier sets 0.775 → 0.766).
    # 0.79 → 0.78 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    # 0.83 → 0.815 in session 20, in the open: topics20's decision (see heldout-genre-4; leave-one-set-out mean .775 →
    # .787) (.835 → .821 in sample; left out .805 → .789).
    # 0.82 → 0.81 in session 22, in the open: issues22b drops a wrong issue («обращение жительницы деревни») in
    # heldout9-11 and the topic decision, which reads the issues, adds labour there (.825 → .815; governance missed
    # before and after).
    "topics": 0.82,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-10 and -11: 14 more meeting documents each, written blind to the pipeline in session 11
# (both opened for error analysis in session 12). No rule may be read from a blind one: their
# thresholds are the figures measured on them (READMEs there) minus about 0.003, rounded down to 0.005, a ratchet
# against regressions, to be held to the genre bar when the rules generalize.
HELDOUT10 = {
    # 0.970 first; 0.990 with the Central Asian name forms found trying real reports (speakers 0.940 → 0.956).
    "persons": 0.995,
    "speakers": 0.99,
    # 0.756 first; 0.782 with session 11's organization shapes read from heldout-genre-9 (person_org 0.690 → 0.702);
    # 0.984 with session 12's rules read from this set once opened (letterheads, over-long names, venues, kinds;
    # person_org 0.709 → 0.886, locations 0.824 → 0.902, place 0.923 → 1.0): in-sample from here on.
    "organizations": 0.985,
    # 0.806 first (8c37bb0); 0.824 with session 11's place rules read from heldout-genre-9.
    "locations": 0.92,
    "position_f1": 0.945,
    "person_org": 0.925,
    # 0.735 → 0.72 (names14b, in the open): funded works are issues,
    # blind -15/-17/-18 issues +.009/+.008/+.014; here two budget-line works the gold leaves out.
    "issues": 0.825,
    # 0.865 → 0.845 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    # 0.88 → 0.86 in session 19, in the open: the decision retrained with -23 and -24 opened (.864 in sample;
    # blind -25 … -28 unchanged).
    # 0.915 → 0.9 in session 20, in the open: topics20b's «детский сад» as schooling, not family policy, and the
    # decision retrained on the merged tree (leave-one-set-out mean .786 → .788, up in all nine L2 × threshold settings)
    # (.918 → .905 in sample).
    # 0.915 → 0.89 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.918 → .894 in sample).
    "topics": 0.89,
    # 0.857 first; 0.929 with the towns of the genre's countries by case form (models/grammars/cities.py).
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT11 = {
    # Blind through session 11 and most of session 12 (first / last blind figures in its README); opened in session 12
    # and in-sample since: persons 0.964 → 0.973, organizations 0.746 → 0.920 and person_org 0.613 → 0.778 with the
    # rules read from it (letterheads with eponyms, kinds before quoted names, agencies' offices, wrapped names,
    # degrees, dates and places of its headers).
    "persons": 0.975,
    "speakers": 0.97,
    "organizations": 0.955,
    "locations": 0.965,
    "position_f1": 0.885,
    "person_org": 0.86,
    "issues": 0.735,
    # 0.72 → 0.705 in session 14, in the open: the topic decision retrained with heldout-genre-13 and -14 opened (they
    # rose .075 and .057 in sample; blind heldout-genre-16 rose .015, -15 fell .008).
    # 0.705 → 0.685 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    # 0.755 → 0.75 in session 16, in the open: the decision retrained with heldout-genre-17 and -18 opened (0.762 →
    # 0.753; they rose .025 and .053 in sample, blind -19 .008).
    # 0.755 → 0.74 in session 18, in the open: the topic decision retrained with heldout-genre-21 and -22 opened.
    # 0.77 → 0.75 in session 19, in the open: topics19's relative share and «строительство» weight (leave-one-set-out
    # mean .768 → .776; here .706 → .690) (.776 → .756 in sample).
    # 0.75 → 0.73 in session 20, in the open: the topic decision retrained with heldout-genre-25 and -28 opened (.756 →
    # .732).
    # 0.885 → 0.875 in session 22, in the open: the topic decision retrained with heldout-genre-29 and -30 opened (in
    # sample .889 → .878).
    # 0.885 → 0.865 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.892 → .867).
    "topics": 0.865,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
# corpus/heldout-genre-12, -13 and -14: 14 more meeting documents each, written blind to the pipeline in session 12.
HELDOUT12 = {
    # First measured blind on main at 75e0356 (README there); organizations 0.721 → 0.718 with session 12's first
    # letterhead rules, a step within the set's noise.
    "persons": 0.99,
    "speakers": 0.995,
    "organizations": 0.97,
    "locations": 0.96,
    "position_f1": 0.935,
    "person_org": 0.94,
    # 0.625 → 0.62 in session 20, in the open: issues20b's one-word phrase joining a fuller item («бюджет», «Правила»;
    # +.003 … +.010 on six opened sets) takes «взнос» into its agenda item, which matched a gold problem only by chance
    # (.626 → .621).
    # 0.62 → 0.615 in session 20, in the open: issues20c's cap for reports (see corpus-genre) (.621 → .617).
    # 0.615 → 0.61 in session 21, in the open: issues21c's «не хватает X» → «нехватка X» (chosen on the opened sets:
    # issues +.053 summed there, 7 up, 5 down) (.617 → .613).
    "issues": 0.645,
    # topics steps down once, in the open: the decision retrained with heldout-genre-11 opened (session 12) moved
    # single documents of this set (leave-one-set-out mean over the eleven earlier sets 0.775 → 0.766). 0.79 → 0.78
    # in session 16, in the open: the decision retrained with heldout-genre-17 and -18 opened (0.796 → 0.784).
    # 0.81 → 0.78 in session 19, in the open: the decision retrained with -23 and -24 opened (.784 in sample;
    # blind -25 … -28 unchanged).
    # 0.835 → 0.815 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.842 → .817 in sample).
    # 0.825 → 0.805 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.830 → .809).
    "topics": 0.815,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT13 = {
    # First measured blind on main at 75e0356 (README there).
    "persons": 0.99,
    "speakers": 0.995,
    "organizations": 0.935,
    "locations": 0.945,
    "position_f1": 0.94,
    "person_org": 0.905,
    "issues": 0.71,
    # topics steps down once, in the open: the decision retrained with heldout-genre-11 opened (session 12) moved
    # single documents of this set (leave-one-set-out mean over the eleven earlier sets 0.775 → 0.766).
    # and once more in session 13: a count of things is no issue («рассмотрено 5 материалов»; issues 0.578 → 0.594
    # here), which the topic decision reads (0.667 → 0.657).
    # 0.725 → 0.705 in session 14, in the open: the topic decision retrained on the final tree (new issues move
    # its features); the opened sets, in sample, lose 0.005–0.026, the four blind sets gain 0.007–0.015.
    "topics": 0.83,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT14 = {
    # First measured blind on main at fef1f36 (README there), written blind in session 12 with heldout-genre-12/-13.
    "persons": 0.995,
    "speakers": 0.995,
    "organizations": 0.98,
    "locations": 0.95,
    "position_f1": 0.925,
    # person_org steps down once, in the open (session 13): the verb a name in apposition to the subject agrees with
    # now tells a woman's surname («Министр … Айана Тоюшева доложила»), persons +0.004 here and +0.008 on
    # heldout-genre-16; the scorer averages person_org over matched persons, and one matched now is not given the
    # right body.
    # and once more: the words of Turkmen bodies' names are no persons (persons 0.959 → 0.967, speakers 0.945 →
    # 0.956 here), and one person matched now is not given the right body (0.823 → 0.814).
    "person_org": 0.945,
    # 0.765 → 0.75 in session 19, in the open: issues19's fillers of crowded reports (nine or more speakers; opened sets
    # +.111 in sum, -24 +.080) read wrong ones in -14-11 (.768 → .755).
    "issues": 0.795,
    # 0.83 → 0.82 in session 17, in the open: decision retrained with -19, -20 opened (.833 → .821).
    # 0.83 → 0.79 in session 19, in the open: topics19's relative share (leave-one-set-out mean .768 → .776; here .753
    # unchanged) (.833 → .796 in sample).
    # 0.87 → 0.86 in session 20, in the open: topics20c's retrained decision (see heldout-genre-4): heldout14-11 loses
    # education (.875 → .863 in sample; left out .791, flat).
    # 0.86 → 0.835 in session 21, in the open: the topic decision retrained with heldout-genre-26 and -27 opened (.863 →
    # .839; in sample over the opened sets +.357 summed, leave-one-set-out mean over the same 27 sets .790 → .793).
    "topics": 0.865,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT15 = {
    # First measured blind on main at 108d8f4 (README there), written blind in session 13 (Russian regions, Belarus),
    # opened for error analysis in session 15.
    "persons": 0.995,
    "speakers": 0.99,
    "organizations": 0.94,
    "locations": 0.99,
    # 0.875 → 0.87 in session 15, in the open: persons found now (names15: persons 0.954 → 0.996) are scored on posts
    # the positions stage misreads.
    "position_f1": 0.9,
    "person_org": 0.855,
    # 0.665 → 0.655 in session 19, in the open: issues19's fillers of crowded reports (opened sets +.111 in sum, -24
    # +.080) read wrong ones in -15-01 and -15-13 (.667 → .658).
    "issues": 0.7,
    # 0.66 → 0.655 in session 14, in the open: the topic decision retrained with heldout-genre-13 and -14 opened.
    # topics 0.815 → 0.805 in session 16, in the open (.818 → .809; leave-one-set-out .714 → .706): see heldout-genre-5.
    # 0.825 → 0.815 in session 19, in the open: the decision retrained with -23 and -24 opened (.818 in sample;
    # blind -25 … -28 unchanged).
    # 0.83 → 0.82 in session 20, in the open: topics20b's «детский сад» as schooling, not family policy, and the
    # decision retrained on the merged tree (leave-one-set-out mean .786 → .788, up in all nine L2 × threshold settings)
    # (.837 → .824 in sample).
    # 0.845 → 0.79 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.851 → .791 in sample; leave-one-set-out .707 both).
    # 0.79 → 0.76 in session 22, in the open: the topic decision retrained with heldout-genre-29 and -30 opened (in
    # sample .791 → .762).
    "topics": 0.79,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT16 = {
    # First measured blind on main at 108d8f4 (README there), written blind in session 13 (Central Asia, Caucasus),
    # opened for error analysis in session 15.
    "persons": 0.995,
    "speakers": 0.99,
    # organizations and person_org step down once, in the open (session 13): a party's or association's branch named
    # by its region's adjective and level is listed as a body of its own, as heldout-genre-4 and -12 and NEREL list it
    # (heldout-genre-4 organizations +0.016); this blind set's annotation differs (0.684 → 0.671, person_org 0.511 →
    # 0.500; measured in aggregate by reverting that rule alone).
    # 0.855 → 0.85 in session 19, in the open: orgs19 ends a body's name where a found person's begins: «средняя школа
    # имени … Сатылганова Гулнаре» no longer matches the gold's school by luck (.859 → .851).
    "organizations": 0.86,
    "locations": 0.96,
    "position_f1": 0.885,
    "person_org": 0.755,
    # 0.625 → 0.61 in session 20, in the open: issues20's works fillers (see heldout-genre; up on 25 of 28 opened sets)
    # (.632 → .617).
    "issues": 0.66,
    # 0.765 → 0.755 in session 16, in the open (.769 → .761; leave-one-set-out .747 → .739): see heldout-genre-5.
    # 0.755 → 0.735 in session 18, in the open: the topic decision retrained with heldout-genre-21 and -22 opened.
    # 0.77 → 0.76 in session 21, in the open: the topic decision retrained with heldout-genre-26 and -27 opened (.774 →
    # .761; in sample over the opened sets +.357 summed, leave-one-set-out mean over the same 27 sets .790 → .793).
    "topics": 0.78,
    "meeting_date": 0.925,
    "meeting_place": 0.995,
}
HELDOUT17 = {
    # First measured blind on main at f24e5a9 (README there), written blind in session 14 (Central Asia).
    "persons": 0.995,
    "speakers": 0.995,
    "organizations": 0.935,
    "locations": 0.995,
    "position_f1": 0.94,
    "person_org": 0.975,
    # 0.7 → 0.695 in session 20, in the open: issues20c's cap for reports (see corpus-genre) (.703 → .699).
    "issues": 0.73,
    # 0.645 → 0.615 in session 15, in the open: the topic decision retrained with heldout-genre-15 and -16 opened
    # (0.651 → 0.617; heldout-genre-18 0.721 → 0.714; the two opened sets' leave-one-set-out 0.705 / 0.711).
    # 0.685 → 0.68 in session 18, in the open: the topic decision retrained with heldout-genre-21 and -22 opened.
    "topics": 0.82,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT18 = {
    # First measured blind on main at a50c1ff (README there), written blind in session 14 (Caucasus, Moldova with
    # Gagauzia, Russia's national republics).
    "persons": 0.995,
    "speakers": 0.995,
    "organizations": 0.95,
    "locations": 0.945,
    "position_f1": 0.895,
    "person_org": 0.895,
    "issues": 0.815,
    # 0.725 → 0.72 in session 14, in the open: the lemma model reads no person names (leave-one-set-out mean +0.006,
    # heldout-genre-17 +0.017). And 0.72 → 0.71 (names14b, in the open): funded works are issues,
    # blind -15/-17/-18 issues +.009/+.008/+.014; topics read the issues'
    # words.
    # 0.715 → 0.71 in session 15 (the decision retrained with heldout-genre-15 and -16 opened, above).
    # 0.71 → 0.705 in session 15, in the open: the topic decision of session 15 (see heldout-genre's topics; .714 →
    # .706).
    # 0.805 → 0.795 in session 21, in the open: the topic decision retrained with heldout-genre-26 and -27 opened (.810
    # → .800; in sample over the opened sets +.357 summed, leave-one-set-out mean over the same 27 sets .790 → .793).
    "topics": 0.805,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT19 = {
    # First measured blind on main at 4fd1eb0 (README there), written blind in session 15 in corpus-genre's own mix of
    # kinds (the hidden genre set's distribution rather than new regions); on 7d88fb3 (the linker retrained): person_org
    # 0.858 → 0.868, topics 0.808 → 0.804.
    "persons": 0.99,
    "speakers": 0.99,
    "organizations": 0.955,
    "locations": 0.995,
    "position_f1": 0.91,
    "person_org": 0.93,
    "issues": 0.735,
    # 0.8 → 0.795 in session 15, in the open: the topic decision of session 15 (see heldout-genre's topics; .804 →
    # .796).
    # 0.87 → 0.86 in session 20, in the open: the topic decision retrained with heldout-genre-25 and -28 opened (.874 →
    # .863).
    # 0.895 → 0.89 in session 22, in the open: the topic decision retrained with heldout-genre-29 and -30 opened (in
    # sample .902 → .893).
    "topics": 0.895,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT20 = {
    # First measured blind on main at 50d7d81 (README there), written blind in session 15: Russia's regional and city
    # bodies and Belarus's councils and executive committees, in depth.
    "persons": 0.985,
    "speakers": 0.995,
    "organizations": 0.95,
    "locations": 0.975,
    "position_f1": 0.89,
    "person_org": 0.825,
    # 0.715 → 0.71 in session 20, in the open: clean20's page furniture (a running title between two pages of a cut
    # sentence dropped, the halves joined; 8 opened sets up) makes one sentence of heldout20-12 longer, and the issues
    # stage no longer reads «ход исполнения бюджета …» from it (.718 → .711).
    "issues": 0.73,
    # 0.88 → 0.875 in session 18, in the open: the topic decision retrained with heldout-genre-21 and -22 opened.
    # 0.935 → 0.925 in session 21, in the open: the topic decision retrained with heldout-genre-26 and -27 opened (.941
    # → .930; in sample over the opened sets +.357 summed, leave-one-set-out mean over the same 27 sets .790 → .793).
    "topics": 0.935,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT21 = {
    # First measured blind on main at 28dfeb5 (README there), written blind in session 16 in corpus-genre's own mix of
    # kinds, the hidden set's distribution; opened for error analysis in session 18.
    "persons": 0.995,
    "speakers": 0.99,
    "organizations": 0.95,
    "locations": 0.975,
    "position_f1": 0.935,
    "person_org": 0.94,
    "issues": 0.695,
    # 0.815 → 0.805 in session 17, in the open: decision retrained with -19, -20 opened (.819 → .810; blind).
    # 0.86 → 0.85 in session 20, in the open: topics20's decision (see heldout-genre-4; leave-one-set-out mean .775 →
    # .787) (.867 → .857 in sample; left out .829 → .843).
    "topics": 0.925,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT22 = {
    # First measured blind on main at 28dfeb5 (README there; topics 0.759 on 20bee71, the decision before -17 and -18
    # were opened), written blind in session 16: Kazakhstan, Kyrgyzstan, Uzbekistan and Tajikistan in depth; opened
    # for error analysis in session 18.
    "persons": 0.995,
    "speakers": 0.995,
    "organizations": 0.975,
    # 0.905 → 0.9 in session 16, in the open: real16a's place rules (chosen on real reports; the opened sets only
    # gained) moved this set 0.906 → 0.904, one place.
    "locations": 0.98,
    "position_f1": 0.95,
    "person_org": 0.96,
    # 0.64 → 0.635 in session 16, in the open: real16b's organization rules (chosen on real reports) moved this set
    # 0.640 → 0.636; no opened set moved.
    "issues": 0.795,
    # 0.825 → 0.815 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.828 → .818 in sample).
    "topics": 0.845,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT23 = {
    # First measured blind on main at dfa230d (README there), written blind in session 17 in corpus-genre's own mix
    # of kinds, the hidden set's distribution; opened for error analysis in session 19.
    "persons": 0.99,
    "speakers": 0.99,
    "organizations": 0.9,
    "locations": 0.965,
    # 0.89 → 0.885 in session 18, in the open: left18's post rules (chosen on opened sets: corpus-genre .981 → .987,
    # -6, -16, -17, -22 +.009 … +.029) cost this blind set one post (.892 → .887).
    # 0.885 → 0.88 in session 19, in the open: people19 finds «учителю школы имени … Гулнаре Эшматовой»: post «учитель»,
    # school her body (-3, -16, -17 annotate so; -23's gold keeps the whole) (.887 → .883).
    "position_f1": 0.91,
    "person_org": 0.93,
    # 0.71 → 0.705 in session 20, in the open: issues20c's cap for reports (see corpus-genre) (.713 → .708).
    "issues": 0.775,
    # 0.92 → 0.9 in session 20, in the open: topics20's decision (see heldout-genre-4; leave-one-set-out mean .775 →
    # .787) (.923 → .904 in sample; left out .840 → .860).
    # 0.9 → 0.89 in session 20, in the open: topics20b's «детский сад» as schooling, not family policy, and the decision
    # retrained on the merged tree (leave-one-set-out mean .786 → .788, up in all nine L2 × threshold settings) (.904 →
    # .893 in sample).
    # 0.925 → 0.9 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.932 → .904 in sample).
    # 0.9 → 0.89 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.904 → .893).
    "topics": 0.89,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT24 = {
    # First measured blind on main at dfa230d (README there), written blind in session 17: corpus-genre's mix in long
    # documents with many people from many bodies; opened for error analysis in session 19.
    "persons": 0.985,
    "speakers": 0.99,
    "organizations": 0.925,
    "locations": 0.98,
    "position_f1": 0.94,
    "person_org": 0.935,
    "issues": 0.66,
    "topics": 0.905,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT25 = {
    # First measured blind on main at 79d1037 (README there), written blind in session 18: corpus-genre's mix in long
    # documents with many people from many bodies (the shape of heldout-genre-24); opened for error analysis in
    # session 20.
    "persons": 0.985,
    "speakers": 0.985,
    "organizations": 0.92,
    "locations": 0.955,
    "position_f1": 0.94,
    "person_org": 0.9,
    # 0.515 → 0.505 in session 18, in the open: issues18's numbered agenda paragraphs («1. Об … – выступил …», chosen
    # on opened sets: -21 +.034, blind -24 +.009) cost this blind set .010.
    "issues": 0.66,
    "topics": 0.945,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT26 = {
    # First measured blind on main at 76f90e6 and again at 8c865cb (equal; README there), written blind in session 18
    # in corpus-genre's own mix of kinds, the hidden set's distribution; opened for error analysis in session 21.
    "persons": 0.985,
    "speakers": 0.98,
    "organizations": 0.945,
    # 0.965 → 0.955 in session 18, in the open: places18's rules (chosen on opened sets: -21 .937 → .965, -22 .904 →
    # .987) cost this blind set one place.
    "locations": 0.99,
    "position_f1": 0.935,
    # 0.915 → 0.905 in session 19, in the open: round 1's rules, chosen on the opened sets (person_org +.085 in sum
    # there), cost this blind set .010 (.918 → .908).
    "person_org": 0.925,
    "issues": 0.75,
    # 0.82 → 0.815 in session 19, in the open: topics19's relative share (chosen by leave-one-set-out over the opened
    # sets, .768 → .776) cost this blind set .004 (.822 → .818).
    # 0.815 → 0.8 in session 20, in the open: the topic decision retrained with heldout-genre-25 and -28 opened (.818 →
    # .805; blind).
    # 0.935 → 0.915 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.938 → .917 in sample).
    "topics": 0.915,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT27 = {
    # First measured blind on main at cb101c7 (README there), written blind in session 19 in corpus-genre's own mix
    # of kinds, the hidden set's distribution; opened for error analysis in session 21.
    "persons": 0.985,
    "speakers": 0.985,
    # 0.895 → 0.89 in session 20, in the open: round 3's rules (people20c, clean20; chosen on the opened sets, where no
    # organization figure fell) cost this blind set .006 (.900 → .894).
    "organizations": 0.94,
    "locations": 0.995,
    # 0.91 → 0.9 in session 20, in the open: round 1's post rules (people20, orgs20; chosen on the opened sets: position
    # +.067 summed there) cost this blind set .007 (.913 → .906).
    # 0.9 → 0.895 in session 20, in the open: real20's post rules (chosen on 23 real press-service reports; no opened
    # set moved, NEREL position .712 → .715) cost this blind set .007 (.906 → .899).
    # 0.905 → 0.895 in session 21, in the open: orgs21b's wrapped running title dropped as page furniture took a fake
    # second council from one document; with one council the single-office rule (corpus-genre c06's convention) gives
    # the bare «член», where this gold keeps the council's word (.909 → .899).
    "position_f1": 0.92,
    # 0.915 → 0.905 in session 20, in the open: round 1's rules (people20, orgs20, places20; chosen on the opened sets:
    # person_org +.197 summed there) cost this blind set .009 (.917 → .908).
    "person_org": 0.91,
    "issues": 0.77,
    # 0.805 → 0.795 in session 20, in the open: the topic decision retrained with heldout-genre-25 and -28 opened (.810
    # → .800; blind).
    # 0.89 → 0.87 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.897 → .874).
    "topics": 0.87,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT28 = {
    # First measured blind on main at cb101c7 (README there), written blind in session 19: reports as real press
    # services publish them (short notes to long reports, KZ, KG, UZ, TJ, RU, BY), 2 protocols and a transcript;
    # opened for error analysis in session 20.
    "persons": 0.995,
    "speakers": 0.99,
    "organizations": 0.94,
    "locations": 0.995,
    "position_f1": 0.94,
    "person_org": 0.975,
    "issues": 0.665,
    "topics": 0.785,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT29 = {
    # First measured blind on main at 8b21c26 and again at 4d2c9fb (topic decision retrained; equal) (README there),
    # written blind in session 20: reports as real press services of Kazakhstan, Kyrgyzstan, Uzbekistan and Tajikistan
    # publish them (and two Russian), short notes to long reports, 2 protocols and a transcript; opened for error
    # analysis in session 22.
    "persons": 0.985,
    "speakers": 0.995,
    "organizations": 0.925,
    "locations": 0.96,
    "position_f1": 0.975,
    "person_org": 0.94,
    # 0.605 → 0.59 in session 20, in the open: issues20c's cap for reports (see corpus-genre) (.605 → .594; blind).
    "issues": 0.665,
    # 0.73 → 0.71 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.736 → .713; blind).
    # 0.825 → 0.805 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795) (.828 → .809).
    "topics": 0.805,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT30 = {
    # First measured blind on main at 8b21c26 (README there; topics .795 there, .810 on 4d2c9fb with the topic decision
    # retrained), written blind in session 20: reports as real press services of Russia, Belarus, Armenia, Moldova,
    # Azerbaijan (and two of KZ/KG) publish them, short notes to long reports, 2 protocols and a transcript; opened for
    # error analysis in session 22.
    "persons": 0.985,
    "speakers": 0.995,
    "organizations": 0.98,
    "locations": 0.98,
    "position_f1": 0.92,
    "person_org": 0.92,
    "issues": 0.71,
    # 0.805 → 0.79 in session 20, in the open: topics20's decision (see heldout-genre-4; leave-one-set-out mean .775 →
    # .787) (.810 → .795; blind).
    # 0.79 → 0.785 in session 21, in the open: the topic decision retrained with this session's evidence (topics21,
    # topics21b, topics21c, chosen by the leave-one-set-out mean over the opened sets: .7952 → .8045, up in all nine L2
    # × threshold settings each time) (.795 → .786; blind).
    "topics": 0.87,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT31 = {
    # First measured blind on main at e9cc5a0 and again on lead21 3b98f9a (topic decision retrained; equal) (README
    # there), written blind in session 21 in corpus-genre's own mix of kinds, the hidden set's distribution; opened for
    # error analysis in session 23.
    "persons": 0.99,
    "speakers": 0.995,
    "organizations": 0.92,
    "locations": 0.97,
    "position_f1": 0.945,
    "person_org": 0.92,
    # 0.74 → 0.72 in session 21, in the open: this session's issues rules (issues21, issues21b, issues21c, chosen on the
    # opened sets: issues +.413 summed there, mean .7167 → .7302) (.743 → .722; blind).
    # 0.72 → 0.715 in session 22, in the open: session 22's issue rules, read from the opened sets (-29 .599 → .671, -30
    # .685 → .714; +.33 summed over the opened sets), did not carry to this blind set (.722 → .719).
    "issues": 0.74,
    "topics": 0.89,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}

HELDOUT32 = {
    # First measured blind on main at e9cc5a0 and again on lead21 3b98f9a (topic decision retrained; equal) (README
    # there), written blind in session 21: one archive week of real press-service reports across the region (KZ, KG, UZ,
    # TJ, RU, BY, GE), short notes to long reports, 2 protocols and a transcript; opened for error analysis in session
    # 23. Organizations 0.797 was under the genre bar (0.80) at the first measurement.
    "persons": 0.995,
    "speakers": 0.995,
    "organizations": 0.93,
    # 0.965 → 0.95 in session 21, in the open: this session's place and name rules (places21, names21b, orgsreal21,
    # chosen on the opened sets: locations +.078 summed there, NEREL equal) (.968 → .952; blind).
    "locations": 0.98,
    "position_f1": 0.95,
    "person_org": 0.97,
    # 0.635 → 0.625 in session 22, in the open: session 22's issue rules, read from the opened sets (-29 .599 → .671,
    # -30 .685 → .714; +.33 summed over the opened sets), did not carry to this blind set (.640 → .627).
    "issues": 0.63,
    "topics": 0.905,
    "meeting_date": 0.995,
    "meeting_place": 0.995,
}
HELDOUT33 = {
    # First measured blind on main at 45e34bd and on lead22 2f8211b (topic decision retrained with -29/-30; topics .857
    # → .867) (README there), written blind in session 22 in corpus-genre's own mix of kinds, the hidden set's
    # distribution. meeting_place was 0.846 at the first measurement, under the genre bar (0.85); 0.923 at the end of
    # session 23 (places23's shapes written from the gold format, not read from any set).
    "persons": 0.995,
    "speakers": 0.99,
    "organizations": 0.92,
    "locations": 0.965,
    "position_f1": 0.935,
    "person_org": 0.905,
    "issues": 0.72,
    # 0.865 → 0.855 in session 23, in the open: the topic decision retrained with heldout-genre-31 and -32 opened (in
    # sample +.309 summed over the opened sets; -31 / -32 left out .860 / .795, blind .840 / .795; blind -34 .810 →
    # .833, -35 .841 → .864) (.867 → .860; blind).
    "topics": 0.855,
    "meeting_date": 0.995,
    "meeting_place": 0.92,
}

HELDOUT34 = {
    # First measured blind on main at 45e34bd and on lead22 2f8211b (topic decision retrained with -29/-30; topics .795
    # → .810) (README there), written blind in session 22: one week of real press-service reports of Central Asia (KZ,
    # KG, UZ, TJ) and three of Russia, short notes to long reports, 2 protocols and a transcript.
    "persons": 0.98,
    "speakers": 0.98,
    "organizations": 0.88,
    "locations": 0.97,
    "position_f1": 0.93,
    # 0.86 → 0.84 in session 22, in the open: session 22's rules for organizations, membership and positions, read
    # from the opened sets (-29 person_org .874 → .943, -30 .871 → .903), cost this blind set (.864 → .841; blind, not
    # looked into).
    "person_org": 0.86,
    # 0.68 → 0.665 in session 22, in the open: session 22's issue rules, read from the opened sets (-29 .599 → .671, -30
    # .685 → .714; +.33 summed over the opened sets), did not carry to this blind set (.683 → .671).
    "issues": 0.665,
    "topics": 0.83,
    "meeting_date": 0.995,
    "meeting_place": 0.92,
}

HELDOUT35 = {
    # First measured blind on main at 4e8d13e and on lead23 5f02af4 (topic decision retrained with -31/-32; topics .841
    # → .864) (README there), written blind in session 23 in corpus-genre's own mix of kinds, the hidden set's
    # distribution.
    "persons": 0.995,
    "speakers": 0.98,
    "organizations": 0.92,
    "locations": 0.96,
    "position_f1": 0.955,
    "person_org": 0.9,
    "issues": 0.77,
    "topics": 0.86,
    "meeting_date": 0.995,
    "meeting_place": 0.92,
}

HELDOUT36 = {
    # First measured blind on main at 4e8d13e and on lead23 5f02af4 (topic decision retrained with -31/-32; equal)
    # (README there), written blind in session 23: one week of real press-service reports of Russia's regions, Belarus,
    # Armenia, Gagauzia, Kazakhstan and Kyrgyzstan, short notes to long reports, 2 protocols and a transcript.
    "persons": 0.98,
    "speakers": 0.965,
    "organizations": 0.885,
    "locations": 0.965,
    "position_f1": 0.94,
    "person_org": 0.93,
    "issues": 0.64,
    "topics": 0.75,
    "meeting_date": 0.995,
    "meeting_place": 0.925,
}
ROOT = Path(__file__).resolve().parents[2]
# Each gold set's thresholds, by the names `models/gold_sets.py` gives the sets (and their folders).
THRESHOLDS = {
    "dev": DEV,
    "genre": GENRE,
    "heldout": HELDOUT,
    "heldout2": HELDOUT2,
    "heldout3": HELDOUT3,
    "heldout4": HELDOUT4,
    "heldout5": HELDOUT5,
    "heldout6": HELDOUT6,
    "heldout7": HELDOUT7,
    "heldout8": HELDOUT8,
    "heldout9": HELDOUT9,
    "heldout10": HELDOUT10,
    "heldout11": HELDOUT11,
    "heldout12": HELDOUT12,
    "heldout13": HELDOUT13,
    "heldout14": HELDOUT14,
    "heldout15": HELDOUT15,
    "heldout16": HELDOUT16,
    "heldout17": HELDOUT17,
    "heldout18": HELDOUT18,
    "heldout19": HELDOUT19,
    "heldout20": HELDOUT20,
    "heldout21": HELDOUT21,
    "heldout22": HELDOUT22,
    "heldout23": HELDOUT23,
    "heldout24": HELDOUT24,
    "heldout25": HELDOUT25,
    "heldout26": HELDOUT26,
    "heldout27": HELDOUT27,
    "heldout28": HELDOUT28,
    "heldout29": HELDOUT29,
    "heldout30": HELDOUT30,
    "heldout31": HELDOUT31,
    "heldout32": HELDOUT32,
    "heldout33": HELDOUT33,
    "heldout34": HELDOUT34,
    "heldout35": HELDOUT35,
    "heldout36": HELDOUT36,
    "nerel": NEREL,
}
SETS = {name: (gold_sets.GOLD_SETS[name], THRESHOLDS[name]) for name in gold_sets.GOLD_SETS}


def _scores(gold_dir: Path, pred_dir: Path) -> dict:
    paths = corpus_documents(gold_dir)
    records = {path.stem: record.model_dump() for path, record in zip(paths, extract_all(paths), strict=True)}
    assert records, f"no documents in {gold_dir}"
    return score_records(records, pred_dir, gold_dir)


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Each set is extracted once, when a test first asks for it."""
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            cache[name] = _scores(SETS[name][0], tmp_path_factory.mktemp(name))
        return cache[name]

    return get  # type: ignore[return-value]


def _value(result: dict, field: str) -> float | None:
    got = result[field]
    return got["f1"] if isinstance(got, dict) else got


def _check(scores, name: str, field: str) -> None:
    value = _value(scores(name), field)
    threshold = SETS[name][1][field]
    assert value is not None and value >= threshold, f"{name} {field} = {value} < {threshold}"


@pytest.mark.corpus
@pytest.mark.parametrize("field", sorted(DEV))
def test_corpus_dev_field_reaches_threshold(scores, field: str) -> None:
    assert scores("dev")["docs"] >= 25
    _check(scores, "dev", field)


@pytest.mark.corpus
@pytest.mark.parametrize("field", sorted(GENRE))
def test_corpus_genre_field_reaches_threshold(scores, field: str) -> None:
    assert scores("genre")["docs"] >= 24
    _check(scores, "genre", field)


# The held-out genre sets opened for error analysis (corpus-genre has its own test above).
OPENED = tuple(name for name in gold_sets.OPENED_GENRE if name != "genre")


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "field"), [(name, field) for name in OPENED for field in sorted(SETS[name][1])])
def test_opened_heldout_genre_field_reaches_threshold(scores, name: str, field: str) -> None:
    assert scores(name)["docs"] >= 12
    _check(scores, name, field)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "field"), [(name, field) for name in gold_sets.BLIND for field in sorted(SETS[name][1])]
)
def test_blind_heldout_genre_field_reaches_threshold(scores, name: str, field: str) -> None:
    assert scores(name)["docs"] >= 14
    _check(scores, name, field)


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("field", sorted(NEREL))
def test_nerel_train_field_reaches_threshold(scores, field: str) -> None:
    assert scores("nerel")["docs"] >= 722
    _check(scores, "nerel", field)


# Issue 13 bar for the linker's fields on NEREL, held out: 5 folds, each scored by a linker trained without it
# (`make linker` writes the figures into the shipped file). A ratchet like the others: 0.703 / 0.575 (session 14's
# tree).
LINKER_HELD_OUT = {"position": 0.7, "organization": 0.57}


@pytest.mark.parametrize("field", sorted(LINKER_HELD_OUT))
def test_the_linker_meets_the_nerel_bar_held_out(field: str) -> None:
    shipped = json.loads((ROOT / "models" / "linker" / "linker.json").read_text(encoding="utf-8"))
    held_out = shipped["held_out"]
    assert held_out["folds"] >= 5
    assert held_out["linker"][field]["score"] >= LINKER_HELD_OUT[field]
