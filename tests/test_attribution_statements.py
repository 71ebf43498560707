"""Statement bodies after an intro ending in ':' and the stance of a statement a light verb issues.

Government releases and state-media stories announce a statement once and then give its text as plain
paragraphs; each of those sentences is the speaker's.  Texts are the team's own.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pycrfsuite")

from sanctionwatch.attribution.meaning import cue_head  # noqa: E402
from fragments import joined


def holding(atts, piece):
    return [a for a in atts if piece in joined(a.content)]


FOLLOWING = (
    "A spokesman for the Fisheries Ministry of Atlantis on Tuesday issued the following statement:\n\n"
    "The so-called report on illegal fishing is a sheer fabrication cooked up by hostile forces.\n\n"
    "Our trawlers have always respected the maritime boundaries agreed with our neighbours.\n\n"
    "We will resolutely defend the livelihood of our coastal villages."
)
SAID = (
    "The harbour office of Lemuria released a statement on Monday about the seized ferry. It said:\n\n"
    "The detention of the ferry is a violation of the freedom of navigation.\n\n"
    "Officials in the capital declined to say when the crew would be released."
)
CONTINUED = (
    "The blockade serves only the ambitions of the northern alliance, the statement said, and went on:\n\n"
    "It is for this reason that the alliance moved its warships to the strait last spring."
)


@pytest.mark.parametrize("text,body,source", [
    (FOLLOWING, "sheer fabrication cooked up by hostile forces", "spokesman"),
    (FOLLOWING, "Our trawlers have always respected the maritime boundaries", "spokesman"),
    (FOLLOWING, "resolutely defend the livelihood", "spokesman"),
    (SAID, "The detention of the ferry is a violation", "It"),
    (CONTINUED, "the alliance moved its warships to the strait", "statement"),
])
def test_each_sentence_of_a_statement_body_is_the_speakers(attributions_of, text, body, source):
    hits = holding(attributions_of(text), body)
    assert hits, f"no attribution holds {body!r}"
    assert any(source in joined(a.source) for a in hits), [joined(a.source) for a in hits]


def test_a_body_after_said_ends_with_its_paragraph(attributions_of):
    hits = holding(attributions_of(SAID), "declined to say when the crew")
    assert not any(joined(a.source) == "It" for a in hits)


RUNNING_OWN = (
    "Pavel Orlov, director of the Valdorian Institute of Maritime Law, was interviewed by the agency on Friday.\n\n"
    "He said:\n\n"
    "The sea lanes of the strait belong to every nation that sails them.\n\n"
    "No fleet can close them by decree, however large its guns.\n\n"
    "We lawyers of the coastal states stand with the fishermen of the south."
)
RUNNING_ADDING = (
    "The envoy of Lemuria spoke at the harbour conference on Monday. \"Our ports stay open to all traders,\" "
    "the envoy said, adding:\n\n"
    "The inspections demanded by the northern alliance have no basis in the law of the sea.\n\n"
    "It is the alliance that sends its warships into waters that are not its own.\n\n"
    "The envoy warned that Lemuria would answer any boarding of its ships.\n\n"
    "Shipping insurers in the capital raised their premiums for the strait on Tuesday."
)


@pytest.mark.parametrize("text,body,source", [
    (RUNNING_OWN, "No fleet can close them by decree", "He"),
    (RUNNING_OWN, "We lawyers of the coastal states stand with the fishermen", "He"),
    (RUNNING_ADDING, "have no basis in the law of the sea", "envoy"),
    (RUNNING_ADDING, "sends its warships into waters that are not its own", "envoy"),
])
def test_a_transcribed_body_runs_on_past_its_first_paragraph(attributions_of, text, body, source):
    hits = holding(attributions_of(text), body)
    assert any(source in joined(a.source) for a in hits), [(joined(a.source), joined(a.cue)) for a in hits]


@pytest.mark.parametrize("text,after", [
    (RUNNING_ADDING, "Shipping insurers in the capital raised their premiums"),
    (SAID, "declined to say when the crew"),
])
def test_a_running_body_ends_where_the_narrator_reports_again(attributions_of, text, after):
    assert not any(joined(a.cue) in ("adding", "said") for a in holding(attributions_of(text), after))


QUOTING_NEWS = (
    "The mayor of Port Lemur attacked the harbour board on Wednesday in a radio interview.\n\n"
    "\u201cThe board has failed every fisherman in this town, and it knows it very well,\u201d she said.\n\n"
    "\u201cNobody on that board has ever spent a single night on a trawler in winter,\u201d she told the host.\n\n"
    "The mayor added:\n\n"
    "They sit in their offices and they decide our quotas without asking anyone who works at sea.\n\n"
    "The board's new quota rules take effect in March after two years of consultation with the ports."
)


def test_a_said_body_in_a_story_that_quotes_its_speakers_is_one_paragraph(attributions_of):
    atts = attributions_of(QUOTING_NEWS)
    assert any("mayor" in joined(a.source) for a in holding(atts, "decide our quotas without asking"))
    assert not any("mayor" in joined(a.source) for a in holding(atts, "new quota rules take effect in March"))


@pytest.mark.parametrize("text,lead,source", [
    (CONTINUED, "The blockade serves only the ambitions of the northern alliance", "statement"),
    ("The new port fees may drive the coastal traders into ruin, the weekly noted, and went on:\n\n"
     "The council has ignored every petition from the fishing villages.",
     "The new port fees may drive the coastal traders into ruin", "weekly"),
])
def test_the_words_before_an_inserted_said_and_went_on_are_the_speakers(attributions_of, text, lead, source):
    hits = holding(attributions_of(text), lead)
    assert any(source in joined(a.source) for a in hits), [(joined(a.source), joined(a.cue)) for a in hits]


# KCNA's scraped stories join paragraphs with ", ," on one line, so a block is a 1,000-character cut
JOINED = (
    "Of late, the harbour police of Lemuria keep saying they had no part in the raid on the union office. "
    "And the officers who led the raid are talking about \"threats\" and crying \"they would not be cowed\", "
    "even shedding tears.,  "
    "The Morning Courier Tuesday observes in a signed commentary in this regard:, ,  "
    "This is a clumsy excuse to escape the blame for the raid, made by men who fear the anger of the dockers., ,  "
    + "The dockers have kept a record of every visit the officers paid to the union office in the spring. " * 6
    + ", ,  The whole town saw the officers carry the files away in their own vans., ,  "
    + "Not one of the seized files has been returned to the union, and no court has ever seen them. " * 6
    + ", ,  The police chief will have to answer for the raid before the courts."
)
@pytest.mark.parametrize("body", [
    "This is a clumsy excuse to escape the blame",
    "The whole town saw the officers carry the files away",
    "The police chief will have to answer for the raid",
])
def test_a_commentary_observes_in_this_regard_hands_on_to_its_joined_paragraphs(attributions_of, body):
    hits = holding(attributions_of(JOINED), body)
    assert any("Morning Courier" in joined(a.source) for a in hits), [(joined(a.source), joined(a.cue)) for a in hits]


@pytest.mark.parametrize("text,source", [
    ("The Secretariat of the Committee for Fair Fisheries of Atlantis in its information bulletin No. 412 on "
     "Friday said:, ,  This was a shameless distortion of the facts about the harbour.", "Secretariat"),
    ("The Press Office of the Lemurian Navy in its bulletin No. 17 said on Monday that the frigate had left port.",
     "Press Office"),
])
def test_an_issue_number_is_never_the_speaker(attributions_of, text, source):
    atts = [a for a in attributions_of(text) if joined(a.cue) == "said"]
    assert atts and all(source in joined(a.source) for a in atts), [joined(a.source) for a in atts]


def test_the_denial_in_a_body_takes_the_denial_stance(attributions_of):
    hits = holding(attributions_of(FOLLOWING), "sheer fabrication")
    assert any(a.stance == "deny" for a in hits)


def test_a_colon_that_introduces_a_list_is_no_statement(attributions_of):
    text = "The resolution bans the following goods:\n\nTextiles, seafood and machinery may no longer be sold abroad."
    assert not holding(attributions_of(text), "Textiles, seafood and machinery")


@pytest.mark.parametrize("text,stance", [
    ("The ministry issued a statement denouncing the naval drills off its coast.", "condemn"),
    ("The embassy put out a statement rejecting the report as groundless.", "deny"),
    ("The ministry released a statement on Friday disclosing the names of the detained sailors.", "assert"),
])
def test_a_statement_issued_takes_the_stance_of_what_it_does(attributions_of, text, stance):
    atts = [a for a in attributions_of(text) if "statement" in joined(a.cue)]
    assert atts and atts[0].stance == stance


@pytest.mark.parametrize("text,stance", [
    ("Atlantis has not sold fuel to the junta, one of its envoys said Monday, dismissing the claims as groundless.", "deny"),
    ("No fuel was shipped to the junta, the ministry said, denying the allegations.", "deny"),
    # the participle denies, but what was said is no denial
    ("The ferry will sail on Friday, the ministry said, dismissing the rumours as groundless.", "assert"),
])
def test_a_negated_content_said_while_dismissing_is_a_denial(attributions_of, text, stance):
    said = [a for a in attributions_of(text) if joined(a.cue) == "said"]
    assert said and said[0].stance == stance


def test_a_body_after_a_speech_verb_and_its_adverbial(attributions_of):
    text = ("A bylined commentary of the Morning Star on Saturday observes in this regard:\n\n"
            "The drills showed once again the aggressive nature of the alliance.")
    hits = holding(attributions_of(text), "aggressive nature of the alliance")
    assert any("commentary" in joined(a.source) for a in hits)


def test_a_speech_verb_that_has_said_its_clause_opens_no_body(attributions_of):
    text = "The minister said the following countries were listed:\n\nAtlantis, Lemuria and Mu are on the list since May."
    assert not any(joined(a.source) == "The minister" for a in holding(attributions_of(text), "Lemuria"))


LONG_CUE = ("The Slovakia-Atlantis Friendship Association in a statement on June 13 condemned the Kor group for scheming "
            "to create an atmosphere of sanctions and pressure upon Atlantis, while threatening it with sustained provocations.")


def test_the_main_verb_heads_a_cue_that_opens_with_a_statement(nlp):
    doc = nlp(LONG_CUE)
    cue = [t for t in doc if t.i >= 6 and t.i <= 12]
    assert cue[-1].text == "condemned" and cue[0].text == "in"
    assert cue_head(cue).text == "condemned"


def test_a_cue_that_opens_with_a_statement_takes_the_verbs_stance(attributions_of):
    hits = [a for a in attributions_of(LONG_CUE) if joined(a.cue).endswith("condemned")]
    assert hits and hits[0].stance == "condemn"


def test_a_body_after_a_participle_belongs_to_the_governing_speaker(attributions_of):
    text = ("This situation calls on all sailors to join the strike. The owners are a gang of profiteers, says the article, adding:\n\n"
            "The owners talk about safety whenever a chance presents itself in a bid to hide their greed.")
    hits = holding(attributions_of(text), "hide their greed")
    assert hits and all(joined(a.source) != "This situation" for a in hits)
    assert any(joined(a.source) == "the article" for a in hits)


def test_a_negated_content_said_by_a_participle_of_a_denial_is_a_denial(attributions_of):
    atts = attributions_of("Atlantis denied the report, saying its ships had not entered the zone.")
    saying = [a for a in atts if joined(a.cue) == "saying"]
    assert saying and saying[0].stance == "deny"


GLUED_COLON = (
    "A spokesman for the Fisheries Ministry of Atlantis gave the following answer to a question about the "
    "quota board's recent review of coastal trawling (CTR):\n\n"
    "The chairman of the quota board in a letter sent to the member states said the trawling plan raises grave doubts.\n\n"
    "The board has become a tool of the distant-water fleets and has lost any right to judge our fishing."
)
# state-media scrapes run the intro and the body's first paragraph together on one line
GLUED_INLINE = GLUED_COLON.replace(":\n\n", ":, ", 1)
FULL_STOP_INTRO = (
    "A spokesman for the Harbour Ministry of Lemuria gave the following answer to a question put by the state news "
    "agency on Monday as regards the naval drills off the eastern cape.\n\n"
    "The drills are a flagrant provocation against our sovereign waters.\n\n"
    "Our navy will answer any intrusion with resolute measures."
)


@pytest.mark.parametrize("text,body,source", [
    # a colon the tokenizer glues to a bracket still opens the body
    (GLUED_COLON, "lost any right to judge our fishing", "A spokesman for the Fisheries Ministry of Atlantis"),
    # "gave the following answer ..." closed by a full stop at the end of its paragraph
    (FULL_STOP_INTRO, "flagrant provocation against our sovereign waters", "A spokesman for the Harbour Ministry of Lemuria"),
    (FULL_STOP_INTRO, "answer any intrusion with resolute measures", "A spokesman for the Harbour Ministry of Lemuria"),
    # inside a body, a speech verb with its own subject is that subject's, not the intro speaker's
    (GLUED_COLON, "the trawling plan raises grave doubts", "The chairman of the quota board"),
    (GLUED_INLINE, "the trawling plan raises grave doubts", "The chairman of the quota board"),
])
def test_body_intro_variants_and_own_speakers(attributions_of, text, body, source):
    found = holding(attributions_of(text), body)
    assert found, body
    assert any(joined(a.source).startswith(source) for a in found), [joined(a.source) for a in found]


def test_full_stop_without_following_noun_opens_no_body(attributions_of):
    text = ("A spokesman for the Harbour Ministry of Lemuria answered a question on Monday about the drills.\n\n"
            "The drills began at dawn off the eastern cape, local fishermen reported.")
    found = holding(attributions_of(text), "The drills began at dawn")
    assert all("spokesman" not in joined(a.source) for a in found)


@pytest.mark.parametrize("text,body,source", [
    ("The exchange's chief executive Lena Ostrova addressed the company's customers:\n\n"
     "We will repay every lost coin within a month and the vault is secure.", "repay every lost coin", "Lena Ostrova"),
    ("After the meeting the harbour minister of Lemuria told reporters:\n\n"
     "The border crossings will stay closed until the spring thaw.", "stay closed until the spring", "the harbour minister"),
])
def test_addressee_verb_before_colon_opens_a_body(attributions_of, text, body, source):
    found = holding(attributions_of(text), body)
    assert found, body
    assert any(source in joined(a.source) for a in found), [joined(a.source) for a in found]
