"""The PolNeAR reader and every metric of the scoring protocol, on hand-made fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from click.testing import CliRunner

from sanctionwatch import polnear
from sanctionwatch.cli import main
from sanctionwatch.errors import CorpusNotFound
from sanctionwatch.polnear import SpanSet

TEXT = 'Ann said the plan failed. "It is over," Bob told us.\nCal thinks so.'
#       0123456789012345678901234567890123456789012345678901 2345678901234567
# Ann 0-3, said 4-8, the plan failed 9-24, "It is over," 26-39, Bob 40-43, told 44-48, Cal 53-56,
# thinks 57-63, so 64-66

ANN = "\n".join(
    [
        "T1\tSource 0 3\tAnn",
        "T2\tCue 4 8\tsaid",
        "T3\tContent 9 24\tthe plan failed",
        "T4\tAttribution 4 8\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tContent 26 38\t\"It is over,",
        "T6\tSource 40 43\tBob",
        "T7\tCue 44 48;49 51\ttold us",
        "T8\tAttribution 44 48\ttold",
        "T9\tContent2 38 39\t\"",
        "E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5 Content2:T9",
        "T10\tCue 57 63\tthinks",
        "T11\tContent 64 66\tso\nspilled text line",
        "T12\tAttribution-no-source 57 63\tthinks",
        "E3\tAttribution-no-source:T12 Content:T11 Cue:T10",
        "T13\tDiscuss 0 3\tAnn",
        "#1\tAnnotatorNotes T1\ta note",
        "E4\tAttribution-no-source:T13",
    ]
)


def test_parse_offsets_discontinuous():
    assert polnear.parse_offsets("Cue 44 48;49 51") == ("Cue", ((44, 48), (49, 51)))


def test_parse_ann_roles_content2_and_empty_events():
    atts = polnear.parse_ann(ANN)
    assert len(atts) == 3  # E4 has no Source/Cue/Content argument
    assert atts[0] == SpanSet(((0, 3),), ((4, 8),), ((9, 24),))
    assert atts[1].content == ((26, 38), (38, 39))  # Content2 is content
    assert atts[1].cue == ((44, 48), (49, 51))
    assert atts[2].source == () and atts[2].cue == ((57, 63),)
    assert [TEXT[s:e] for s, e in atts[0].content] == ["the plan failed"]


def test_pick_annotations_takes_first_annotator(tmp_path: Path):
    d = tmp_path / "attributions"
    d.mkdir()
    for name in ["doc-a_b2.ann", "doc-a_a1.ann", "doc_b_x9.ann"]:
        (d / name).write_text("")
    chosen = polnear.pick_annotations(d)
    assert chosen["doc-a"].name == "doc-a_a1.ann"
    assert chosen["doc_b"].name == "doc_b_x9.ann"


def _write_corpus(root: Path, split: str, docs: dict[str, tuple[str, str]]) -> None:
    (root / split / "text").mkdir(parents=True)
    (root / split / "attributions").mkdir(parents=True)
    for stem, (text, ann) in docs.items():
        (root / split / "text" / f"{stem}.txt").write_text(text)
        (root / split / "attributions" / f"{stem}_zz.ann").write_text(ann)


def test_load_split_reads_text_and_gold(tmp_path: Path):
    _write_corpus(tmp_path, "dev", {"d1": (TEXT, ANN)})
    docs = polnear.load_split("dev", tmp_path)
    assert len(docs) == 1 and docs[0].text == TEXT and len(docs[0].attributions) == 3


def test_jaccard_ignores_spaces():
    text = "a b  c"
    assert polnear.positions(text, [(0, 6)]) == frozenset({0, 2, 5})
    assert polnear.jaccard(polnear.positions(text, [(0, 3)]), polnear.positions(text, [(2, 6)])) == pytest.approx(1 / 3)
    assert polnear.jaccard(frozenset(), frozenset()) == 1.0


def test_matching_is_greedy_one_to_one_at_half():
    text = "abcdefghij"
    gold = [SpanSet(content=((0, 10),)), SpanSet(content=((0, 4),))]
    pred = [SpanSet(content=((0, 9),)), SpanSet(content=((0, 5),)), SpanSet(content=((8, 10),))]
    # pred0~gold0 0.9 (best), pred1~gold1 0.8; pred2~gold0 0.2 below the threshold
    assert sorted(polnear.match(text, gold, pred)) == [(0, 0), (1, 1)]
    # one gold, two predictions that both pass: only the best one matches
    assert polnear.match(text, [SpanSet(content=((0, 10),))], [SpanSet(content=((0, 6),)), SpanSet(content=((0, 8),))]) == [(0, 1)]


def test_score_all_metrics_on_known_case():
    gold = polnear.parse_ann(ANN)
    pred = [
        # exact copy of E1
        SpanSet(((0, 3),), ((4, 8),), ((9, 24),)),
        # E2: content matches (26-39 vs 26-39), source wrong (Ann), cue overlaps (told)
        SpanSet(((0, 3),), ((44, 48),), ((26, 39),)),
        # spurious: content "Cal" does not overlap gold E3 content "so"
        SpanSet((), ((57, 63),), ((53, 56),)),
    ]
    r = polnear.score([(TEXT, gold, pred)])
    assert (r["gold"], r["pred"], r["matched"]) == (3, 3, 2)
    assert r["attribution_f1"] == pytest.approx(2 / 3)
    assert r["source_acc"] == pytest.approx(0.5)
    assert r["cue_acc"] == pytest.approx(1.0)
    assert r["full_p"] == pytest.approx(1 / 3) and r["full_r"] == pytest.approx(1 / 3)
    # content chars (non-space): gold 13 (E1) + 11 (E2) + 2 (E3) = 26; pred 13 + 11 + 3 = 27; tp 24
    assert r["content_char_p"] == pytest.approx(24 / 27)
    assert r["content_char_r"] == pytest.approx(24 / 26)
    # strict source: gold {Ann, Bob}, pred {Ann} -> P 1, R 0.5
    assert (r["strict_source_p"], r["strict_source_r"]) == (pytest.approx(1.0), pytest.approx(0.5))
    # strict cue: gold {said, told, us, thinks}, pred {said, told, thinks}
    assert (r["strict_cue_p"], r["strict_cue_r"]) == (pytest.approx(1.0), pytest.approx(0.75))
    # strict content: gold pieces {9-24, 26-38, 38-39, 64-66}; pred {9-24, 26-39, 53-56}: tp 1
    assert r["strict_content_p"] == pytest.approx(1 / 3)
    assert r["strict_content_r"] == pytest.approx(1 / 4)


def test_strict_spans_are_trimmed_and_unique():
    text = "  said  "
    gold = [SpanSet(cue=((0, 8),), content=((2, 6),))]
    pred = [SpanSet(cue=((2, 6),), content=((1, 7),)), SpanSet(cue=((2, 6),), content=((2, 6),))]
    r = polnear.score([(text, gold, pred)])
    assert r["strict_cue_p"] == 1.0 and r["strict_cue_r"] == 1.0
    assert r["strict_content_f1"] == 1.0


def test_source_both_empty_is_right_cue_disjoint_is_wrong():
    text = "x says that y and z"
    gold = [SpanSet((), ((2, 6),), ((7, 19),))]
    pred = [SpanSet((), ((0, 1),), ((7, 19),))]
    r = polnear.score([(text, gold, pred)])
    assert r["source_acc"] == 1.0 and r["cue_acc"] == 0.0 and r["full_f1"] == 0.0


def test_run_eval_on_fixture_corpus(tmp_path: Path):
    _write_corpus(tmp_path, "dev", {"d1": (TEXT, ANN)})
    gold = polnear.parse_ann(ANN)
    oracle = lambda texts: [gold for _ in texts]  # noqa: E731
    out = polnear.run_eval("dev", root=tmp_path, predictor=oracle)
    assert out["attribution_f1"] == 1.0 and out["full_f1"] == 1.0 and out["docs"] == 1
    assert out["profile"] == "custom"


def test_missing_corpus_is_a_usage_error(tmp_path: Path):
    with pytest.raises(CorpusNotFound):
        polnear.run_eval(root=tmp_path / "nowhere")
    result = CliRunner().invoke(main, ["eval", "attribution", "--root", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "PolNeAR not found" in result.output


def test_unknown_profile_is_refused():
    result = CliRunner().invoke(main, ["eval", "attribution", "--profile", "huge"])
    assert result.exit_code == 2 and "huge" in result.output


@pytest.mark.slow
def test_smoke_three_dev_docs_both_profiles():
    if not (polnear.polnear_dir() / "dev").is_dir():
        pytest.skip("shared/polnear is absent")
    result = CliRunner().invoke(main, ["eval", "attribution", "--split", "dev", "--limit", "3", "--profile", "all",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"fast", "accurate"}
    for name, scores in out.items():
        assert scores["docs"] == 3 and scores["gold"] > 0 and scores["pred"] > 0 and scores["profile"] == name
        assert 0.0 <= scores["attribution_f1"] <= 1.0
