"""Reading scraped text: blocks cut where units end, long texts cut into bounded blocks, offsets exact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.clean import find_ignored
from sanctionwatch.read import MAX_BLOCK_CHARS, load_model, parse, split_blocks
from sanctionwatch.sentences import line_ends


def _texts(text: str, **kw) -> list[str]:
    return [text[s:e] for s, e in split_blocks(text, **kw)]


@pytest.mark.parametrize(
    "text, blocks",
    [
        # a headline without a full stop on the line above its lead
        ("Fuel smuggling ring broken up in Dandong\nCustoms officers arrested nine people on Monday.",
         ["Fuel smuggling ring broken up in Dandong", "Customs officers arrested nine people on Monday."]),
        # lines that end with a full stop stay in one block (the parser splits the sentences)
        ("The envoy spoke first.\n\"We will not accept it,\" he said.", ["The envoy spoke first.\n\"We will not accept it,\" he said."]),
        # a line that ends on a preposition continues on the next
        ("Officials met with\nKim Jong Un in the capital.", ["Officials met with\nKim Jong Un in the capital."]),
        # a hard-wrapped paragraph is one block even where a line ends before a capital
        ("The ministry said on Monday that the talks with\nthe envoy of the United States would resume\n"
         "after the holiday, according to a statement\nfrom Pyongyang carried by the state agency.",
         ["The ministry said on Monday that the talks with\nthe envoy of the United States would resume\n"
          "after the holiday, according to a statement\nfrom Pyongyang carried by the state agency."]),
    ],
)
def test_blocks_follow_units(text, blocks):
    assert _texts(text) == blocks


@pytest.mark.parametrize(
    "line, following, ends",
    [
        ("Ship seized off Busan", "The coast guard said on Friday.", True),
        ("The coast guard said the ship,", "Which was empty, had no flag.", False),
        ("He said it was 3.5 percent.", "Then he left.", True),
        ("It happened in", "March last year.", False),
        # a possessive needs its noun on the next line
        ("Orders went out through the Democratic Women’s", "Union, the source said.", False),
        ("The cargo was loaded onto the company's", "Tanker in the port, officials said.", False),
        ("Kim", "The leader spoke.", True),
        # the tail of a wrapped sentence, starting low, ends no unit before a capital ("to North\nKorea.")
        ("were accused of sending rum and gin to North", "Korea.", False),
        # nor does a line that leaves a quotation open
        ('In 2015, a broker introduced him to "one', 'Mr Ri, an envoy," the records said.', False),
        ("In 2015, a broker introduced him to “one", "Mr Ri, an envoy,” the records said.", False),
        ('"Talks resume," says envoy', "The envoy spoke on Monday.", True),
    ],
)
def test_line_ends(line, following, ends):
    assert line_ends(line, following, wrapped=False) is ends


def test_kcna_separators_make_paragraph_blocks():
    text = "The first paragraph ends here.,  The second one, with a comma, ends here., ,  The third one ends here., , ,"
    blocks = _texts(text, ignored=find_ignored(text))
    assert blocks == ["The first paragraph ends here.", "The second one, with a comma, ends here.", "The third one ends here."]


def _sentence_text(n: int) -> str:
    return " ".join(f"Sentence {i} says the ship left port {i % 7} days ago." for i in range(n))


def test_a_single_line_text_is_cut_at_sentence_ends_into_bounded_blocks():
    text = _sentence_text(2_000)  # about 100 KB on one line
    spans = split_blocks(text)
    assert len(spans) > 1 and all(e - s <= MAX_BLOCK_CHARS for s, e in spans)
    assert all(text[s:e].endswith(".") for s, e in spans)
    # nothing lost, nothing doubled: the blocks and the spaces between them make the text
    rebuilt, pos = [], 0
    for s, e in spans:
        assert text[pos:s].strip() == ""
        rebuilt.append(text[s:e])
        pos = e
    assert " ".join(rebuilt) == text


def test_a_paragraph_of_glued_sentences_is_cut_where_a_sentence_ends():
    sentence = "The inspectors counted many crates at the northern pier in the spring of that year."
    text = sentence * 30  # scraped text: no space after the full stops
    spans = split_blocks(text)
    assert len(spans) > 1 and all(e - s <= MAX_BLOCK_CHARS for s, e in spans)
    assert all(text[s:e].startswith("The inspectors") and text[s:e].endswith("year.") for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text
    # an initial before a capital ("U.S.Treasury") is no sentence end
    assert all(not text[s:e].startswith("Treasury") for s, e in split_blocks("U.S.Treasury officials met. " * 60))


def test_a_long_wrapped_paragraph_is_cut_at_a_full_stop_before_a_line_break():
    # each sentence wrapped over lines of about 50 characters, one paragraph of some 2,000 characters
    sentence = "The broker sold tea and biscuits to a trading firm\nin the port, knowing the goods would be sent\non to Nampo. "
    text = (sentence + 'A clerk introduced him to "one\nMr Ri, an envoy," the records said.\n') * 8
    spans = split_blocks(text)
    assert len(spans) > 1 and all(e - s <= MAX_BLOCK_CHARS for s, e in spans)
    assert all(text[s:e].endswith(".") or text[s:e].endswith("said.") for s, e in spans)
    assert not any(text[s:e].startswith("Mr Ri") or text[s:e].startswith("on to") for s, e in spans)


def test_a_text_without_stops_is_cut_at_spaces_and_one_without_spaces_anywhere():
    words = "word " * 3_000
    spans = split_blocks(words)
    assert all(e - s <= MAX_BLOCK_CHARS and words[s:e].split() == ["word"] * len(words[s:e].split()) for s, e in spans)
    solid = "x" * 5_000
    assert [e - s for s, e in split_blocks(solid, max_chars=2_000)] == [2_000, 2_000, 1_000]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab .\n,") + ["Ab", "Cd. ", "\n\n", ", ,  ", "é\u0301"]), max_size=1_000).map("".join), st.integers(20, 400))
def test_blocks_are_ordered_bounded_and_cover_the_kept_text(text, max_chars):
    ignored = find_ignored(text)
    spans = split_blocks(text, ignored, max_chars=max_chars)
    assert all(0 <= s < e <= len(text) and e - s <= max_chars for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    hidden = set()
    for r in ignored:
        hidden.update(range(r.start, r.end))
    assert all(i in covered or i in hidden or text[i].isspace() for i in range(len(text)))


@pytest.mark.slow
def test_glued_full_stop_starts_a_sentence_and_keeps_offsets():
    text = "Coal exports fell sharply in 2023.Nine countries objected to the report, the panel said."
    parsed = parse(load_model(), text)
    sentences = parsed.sentence_records()
    assert [s.text for s in sentences] == ["Coal exports fell sharply in 2023.", "Nine countries objected to the report, the panel said."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
