"""Where a dateline ends, including the scrape's own date glued before it and a place with its country."""

from __future__ import annotations

import pytest

from sanctionwatch.actors.datelines import dateline_end


@pytest.mark.parametrize("text, dateline", [
    ("LIMA, June 3 (Andina) -- Peru sold the ore.", "LIMA, June 3 (Andina) -- "),
    ("date 2023-05-02 GENEVA, Switzerland (Reuters) — The talks ended.", "date 2023-05-02 GENEVA, Switzerland (Reuters) — "),
    ("UNITED NATIONS, United States (AFP) — The council met.", "UNITED NATIONS, United States (AFP) — "),
    ("The council met on Monday - and agreed nothing.", ""),
    ("Kim said, in Pyongyang - that the talks failed.", ""),
    # a title-case place and a colon before a sentence (South Asian outlets)
    ("date 2024-02-01 Karachi: Customs officers seized two containers of steel bound for the port on Monday.",
     "date 2024-02-01 Karachi: "),
    ("Karachi: Port Closed", ""),  # a headline: no sentence follows
    ("Lagos [Nigeria], March 9 (NAN): The port reopened.", "Lagos [Nigeria], March 9 (NAN): "),
    ("OSAKA, Feb. 2 (Jiji Press)--The port reopened.", "OSAKA, Feb. 2 (Jiji Press)--"),
    ("WASHINGTON, D.C. — The port reopened.", "WASHINGTON, D.C. — "),
    ("EU--Japan talks resumed.", ""),  # a glued dash names a pair, not a dateline, without a date or an agency
])
def test_dateline_end(text, dateline):
    assert text[:dateline_end(text, 0, len(text))] == dateline


def test_a_dateline_after_the_scrape_date_read_from_the_sentence_start():
    text = "date 2023-05-02 GENEVA, Switzerland (Reuters) — The talks ended."
    start = text.index("GENEVA")
    assert text[dateline_end(text, start, len(text)):].startswith("The talks")
    assert dateline_end(text, text.index("The"), len(text)) == text.index("The")  # no dateline there


def test_the_agent_after_a_glued_dateline_is_the_sentence_subject(pipeline):
    from sanctionwatch.ingest import RawInput

    text = "date 2023-05-02 GENEVA, Switzerland (Reuters) — Iran has sent more drones to Russia, an envoy said on Monday."
    doc = next(pipeline.process([pipeline.prepare(RawInput(input="g.txt", kind="text", payload=text))]))
    agents = [a for e in doc.events for a in e.arguments if a.role == "agent"]
    assert [a.text for a in agents] == ["Iran"]


def test_a_colon_dateline_place_is_no_agent_but_a_country_headline_keeps_its_mention(pipeline):
    from sanctionwatch.ingest import RawInput

    text = ("Lagos: Iran has sent more drones to Russia in recent weeks, an envoy said on Monday at the meeting.\n"
            "Iran: Envoy Warns Of New Transfers Before The Talks Open In Geneva Next Month\n")
    doc = next(pipeline.process([pipeline.prepare(RawInput(input="c.txt", kind="text", payload=text))]))
    agents = [a.text for e in doc.events for a in e.arguments if a.role == "agent"]
    assert "Lagos" not in agents and "Iran" in agents
    assert not any(m.text == "Lagos" for e in doc.entities for m in e.mentions)
    iran = text.index("Iran:")
    assert any(m.start == iran for e in doc.entities for m in e.mentions)
