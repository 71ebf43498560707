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
