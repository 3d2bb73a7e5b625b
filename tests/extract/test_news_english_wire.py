"""English wire copy (Reuters/AP/BBC style) on this crisis and on others (Middle East, trade,
Korea, Sudan): every event (type, source and target country, status) and claim a careful
annotator would code under shared/gold/GUIDELINES.md, through the whole pipeline.
Sentences written for these tests (none from the seed corpus); each is its own article."""
import datetime as dt

import pytest

from detente.extract.pipeline import ArticleIn, extract_article

ON = dt.date(2025, 10, 24)


def _run(sentence: str) -> tuple[set, set]:
    x = extract_article(ArticleIn("wire#1", sentence, 0, ON, "en"))
    events = {(e.type, e.source_country, e.target_country, e.status) for e in x.events}
    claims = {(c.actor_country, c.issue, c.stance) for c in x.claims}
    return events, claims


@pytest.mark.parametrize("sentence,events,claims", [
    ('U.S. Secretary of State Marco Rubio spoke with Russian Foreign Minister Sergei Lavrov by phone on Monday, the State Department said.',
     [('CONSULT', 'USA', 'RUS', 'occurred')],
     []),
    ('Russia launched a massive drone attack on Kyiv overnight, killing at least four people, Ukrainian officials said.',
     [('ASSAULT', 'RUS', 'UKR', 'occurred')],
     []),
    ('Zelensky urged Washington to supply Tomahawk missiles to Ukraine.',
     [('REQUEST', 'UKR', 'USA', 'occurred')],
     [('UKR', 'long_range_weapons', 'support')]),
    ('Moscow rejected the proposal for an immediate ceasefire along the current front line.',
     [],
     [('RUS', 'ceasefire_first', 'oppose')]),
    ('Ukrainian President Volodymyr Zelensky will visit Washington next week, his office said.',
     [('CONSULT', 'UKR', 'USA', 'planned')],
     []),
    ('Lavrov accused the European Union of trying to sabotage the peace process.',
     [('ACCUSE', 'RUS', 'EU', 'occurred')],
     []),
    ('China threatened to impose retaliatory tariffs on U.S. goods.',
     [('THREATEN', 'CHN', 'USA', 'occurred')],
     []),
    ('Israel and Hamas agreed to a ceasefire in Gaza on Wednesday.',
     [('AGREE', 'ISR', 'PSE', 'occurred')],
     []),
    ('The Kremlin denied that Putin had agreed to a meeting with Zelensky.',
     [('AGREE', 'RUS', 'UKR', 'denied')],
     []),
    ('Talks between Iran and the United States collapsed after Tehran refused to halt uranium enrichment.',
     [('CONSULT', 'IRN', 'USA', 'occurred'), ('REJECT', 'IRN', 'USA', 'occurred')],
     []),
    ("North Korea fired two ballistic missiles toward the Sea of Japan on Sunday, South Korea's military said.",
     [],
     []),
    ("Washington imposed sanctions on Rosneft and Lukoil, Russia's two largest oil companies.",
     [('SANCTION', 'USA', 'RUS', 'occurred')],
     [('USA', 'sanctions_oil', 'support')]),
    ('India will cut its purchases of Russian oil, Trump said on Wednesday.',
     [('SANCTION', 'IND', 'RUS', 'planned')],
     [('IND', 'sanctions_oil', 'support')]),
    ('Chinese President Xi Jinping met South Korean President Lee Jae-myung in Gyeongju on Saturday.',
     [('CONSULT', 'CHN', 'KOR', 'occurred')],
     []),
    ('Beijing condemned the new U.S. export controls on semiconductors.',
     [('ACCUSE', 'CHN', 'USA', 'occurred'), ('SANCTION', 'USA', 'CHN', 'occurred')],
     []),
    ('Russia and Ukraine exchanged 84 prisoners of war on Thursday, the defence ministry in Moscow said.',
     [('COOPERATE', 'RUS', 'UKR', 'occurred')],
     []),
    ('Kyiv was struck by Russian missiles early on Friday.',
     [('ASSAULT', 'RUS', 'UKR', 'occurred')],
     []),
    ('Putin warned that the delivery of Tomahawks to Kyiv would seriously damage relations with Washington.',
     [('THREATEN', 'RUS', 'USA', 'occurred')],
     [('RUS', 'long_range_weapons', 'oppose')]),
    ('Israel carried out airstrikes on targets in southern Lebanon, the Israeli military said.',
     [('ASSAULT', 'ISR', 'LBN', 'occurred')],
     []),
    ('The United States and China agreed to extend their trade truce for another year.',
     [('AGREE', 'USA', 'CHN', 'occurred')],
     []),
    ('The planned summit in Budapest was called off after Rubio and Lavrov failed to agree on its agenda.',
     [('CONSULT', 'USA', 'RUS', 'cancelled')],
     []),
    ('Russian forces withdrew from the village after heavy fighting, the Ukrainian general staff said.',
     [],
     []),
    ('Kim Jong Un threatened to use nuclear weapons against South Korea.',
     [('THREATEN', 'PRK', 'KOR', 'occurred')],
     []),
    ('Moscow said it had no plans to attack NATO countries.',
     [('ASSAULT', 'RUS', 'NATO', 'denied')],
     []),
    ('Trump and Putin spoke by phone for more than two hours on Thursday, the White House said.',
     [('CONSULT', 'USA', 'RUS', 'occurred')],
     []),
    ('The Chadian government accused the Rapid Support Forces of attacking refugee camps near the border.',
     [('ACCUSE', 'TCD', 'SDN', 'occurred')],
     []),
    ('Trump and Xi agreed to meet in South Korea, the White House said.',
     [('AGREE', 'USA', 'CHN', 'occurred')],
     []),
    ('Saudi Arabia hosted talks between U.S. and Ukrainian delegations in Jeddah on Tuesday.',
     [('CONSULT', 'USA', 'UKR', 'occurred')],
     []),
    ('Pyongyang has repeatedly threatened Seoul with nuclear strikes.',
     [('THREATEN', 'PRK', 'KOR', 'occurred')],
     []),
    ('The talks in Istanbul ended without an agreement.',
     [],
     []),
    ('He said Washington would impose tariffs of 100 percent on Chinese goods from November 1.',
     [('SANCTION', 'USA', 'CHN', 'planned')],
     []),
    ('The Kremlin said Putin would visit India in December.',
     [('CONSULT', 'RUS', 'IND', 'planned')],
     []),
    ('The Sudanese army said it would not negotiate with the Rapid Support Forces.',
     [],
     []),
])
def test_wire_sentence(sentence, events, claims):
    got_events, got_claims = _run(sentence)
    assert got_events == set(map(tuple, events)), got_events
    assert got_claims == set(map(tuple, claims)), got_claims
