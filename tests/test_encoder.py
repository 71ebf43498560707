"""The encoder tagger's pieces that need no trained weights (windows, owners, labels, decoding), then the shipped
model on sentences of our own: offsets stay exact and the profiles agree on the interface."""

from __future__ import annotations

import numpy as np
import pytest

from sanctionwatch.attribution import encoder
from sanctionwatch.attribution.encoder import (LABELS, EncoderTagger, Pieces, case_types, cut_distance, merge_windows, owners, piece_labels,
                                               plan_windows, session_options, viterbi)
from sanctionwatch.attribution.profiles import PROFILE_ENV, profile_name
from sanctionwatch.errors import ModelMissing, UnknownProfile


@pytest.mark.parametrize("n, size, stride", [(0, 10, 5), (3, 10, 5), (10, 10, 5), (11, 10, 5), (57, 10, 4), (1000, 254, 128)])
def test_windows_cover_every_piece_and_end_at_n(n, size, stride):
    plan = plan_windows(n, size, stride)
    covered = set()
    for a, b in plan:
        assert 0 <= a < b <= max(n, 1) or n == 0
        assert b - a == min(size, n)
        covered |= set(range(a, b))
    assert covered == set(range(n))
    assert plan[-1][1] == n


def test_each_piece_is_owned_by_the_window_where_it_is_most_central():
    plan = plan_windows(30, 10, 5)
    own = owners(30, plan)
    assert len(own) == 30 and (own >= 0).all()
    for i, w in enumerate(own):
        a, b = plan[w]
        margin = min(i - a, b - 1 - i)
        for x, y in plan:
            if x <= i < y:
                assert margin >= min(i - x, y - 1 - i)
    # the middle of the text is never taken from a window's edge
    assert all(min(i - plan[w][0], plan[w][1] - 1 - i) >= 2 for i, w in enumerate(own) if 5 <= i < 25)


def _window_scores(n: int, plan, seed: int = 3) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [np.log(rng.dirichlet(np.ones(len(LABELS)), size=b - a)).astype(np.float32) for a, b in plan]


def test_owner_merge_takes_each_piece_from_its_owner():
    plan = plan_windows(40, 12, 6)
    scores = _window_scores(40, plan)
    merged = merge_windows(40, plan, scores, "owner")
    own = owners(40, plan)
    for i in range(40):
        a, _ = plan[own[i]]
        assert np.array_equal(merged[i], scores[own[i]][i - a])


@pytest.mark.parametrize("n, a, b, expected", [
    (10, 0, 10, [10] * 10),               # the whole text: no cut at all
    (10, 0, 4, [3, 2, 1, 0]),             # cut on the right only
    (10, 6, 10, [0, 1, 2, 3]),            # cut on the left only
    (10, 2, 7, [0, 1, 2, 1, 0]),          # cut on both sides
])
def test_cut_distance_counts_only_real_cuts(n, a, b, expected):
    assert cut_distance(n, a, b).tolist() == expected


def test_weighted_merge_leans_on_the_window_with_more_context():
    n, plan = 8, [(0, 6), (2, 8)]
    o, src = LABELS.index("O"), LABELS.index("B-SRC")
    first = np.full((6, len(LABELS)), np.log(0.01), dtype=np.float32)
    second = np.full((6, len(LABELS)), np.log(0.01), dtype=np.float32)
    first[:, o] = np.log(0.94)     # the first window reads every piece as O
    second[:, src] = np.log(0.94)  # the second as B-SRC
    merged = merge_windows(n, plan, [first, second], "weighted")
    assert np.allclose(np.exp(merged).sum(axis=1), 1.0, atol=1e-5)  # rows stay distributions
    assert merged[:2].argmax(axis=1).tolist() == [o, o]       # only the first window holds these
    assert merged[6:].argmax(axis=1).tolist() == [src, src]   # only the second holds these
    # piece 2 is 3 from the first window's cut and at the second's cut: the first wins; piece 5 the other way
    assert merged[2].argmax() == o and merged[5].argmax() == src


def test_a_lone_window_merges_to_itself_whatever_the_rule():
    plan = plan_windows(7, 12, 6)
    scores = _window_scores(7, plan)
    for how in ("owner", "weighted"):
        assert np.allclose(merge_windows(7, plan, scores, how), scores[0], atol=1e-5)
    with pytest.raises(ValueError, match="unknown window merge"):
        merge_windows(7, plan, scores, "vote")


class _EchoSession:
    """Stands in for onnxruntime: each position's logits are a function of its id alone, so
    batching and padding must not change any piece's scores; it records every run's shape."""

    def __init__(self):
        self.shapes = []

    def run(self, _names, feed):
        ids, mask = feed["input_ids"], feed["attention_mask"]
        self.shapes.append(ids.shape)
        assert ids.shape == mask.shape == feed["token_type_ids"].shape
        assert (ids[mask == 0] == 0).all()  # padding is zeros, masked out
        logits = np.stack([np.sin(ids * (k + 1)) for k in range(len(LABELS))], axis=-1).astype(np.float32)
        return [logits]


class _Tokens:
    def token_to_id(self, piece: str) -> int:
        return {"[CLS]": 101, "[SEP]": 102}[piece]


@pytest.mark.parametrize("batch", [1, 2, 5])
def test_window_scores_do_not_depend_on_batching_or_padding(batch):
    ids = np.arange(1000, 1600, dtype=np.int64)
    types = np.zeros_like(ids)
    windows = [(0, 254), (200, 230), (220, 474), (470, 480), (346, 600)]  # uneven, so runs pad
    session = _EchoSession()
    got = EncoderTagger(_Tokens(), session, batch=batch).window_scores(ids, types, windows)
    alone = EncoderTagger(_Tokens(), _EchoSession(), batch=1).window_scores(ids, types, windows)
    assert [len(g) for g in got] == [b - a for a, b in windows]
    assert all(np.allclose(g, w) for g, w in zip(got, alone))
    runs = [windows[k : k + batch] for k in range(0, len(windows), batch)]
    assert session.shapes == [(len(run), max(b - a for a, b in run) + 2) for run in runs]  # [CLS] + pieces + [SEP]


def test_logits_of_a_long_text_are_distributions_per_piece():
    ids = np.arange(1000, 1600, dtype=np.int64)
    merged = EncoderTagger(_Tokens(), _EchoSession(), stride=100).logits(ids, np.zeros_like(ids))
    assert merged.shape == (len(ids), len(LABELS)) and np.allclose(np.exp(merged).sum(axis=1), 1.0, atol=1e-5)
    assert EncoderTagger(_Tokens(), _EchoSession()).logits(ids[:0], ids[:0]).shape == (0, len(LABELS))


def test_session_options_share_the_cpu(monkeypatch):
    monkeypatch.setenv(encoder.THREADS_ENV, "3")
    opts = session_options()
    assert opts.intra_op_num_threads == 3 and opts.inter_op_num_threads == 1
    assert opts.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    monkeypatch.setenv(encoder.THREADS_ENV, "many")
    assert session_options().intra_op_num_threads >= 1


def _pieces(text: str) -> Pieces:
    """Whitespace 'pieces' with exact offsets, enough to test label assignment without a tokenizer."""
    starts, ends, pos = [], [], 0
    for word in text.split():
        s = text.index(word, pos)
        starts.append(s)
        ends.append(s + len(word))
        pos = s + len(word)
    return Pieces(np.arange(len(starts)), starts, ends)


def test_piece_labels_follow_the_crf_rule():
    text = "The mayor said the bridge would close, and the council denied it."
    cue1, src1 = (text.index("said"), text.index("said") + 4), (0, 9)
    con1 = (text.index("the bridge"), text.index(","))
    src2 = (text.index("the council"), text.index("the council") + 11)
    cue2 = (text.index("denied"), text.index("denied") + 6)
    con2 = (text.index("it."), text.index("it."))
    roles = [(0, "source", *src1), (0, "cue", *cue1), (0, "content", *con1), (1, "source", *src2), (1, "cue", *cue2)]
    labels = piece_labels(_pieces(text), roles)
    words = text.split()
    got = dict(zip(words, labels))
    assert labels[:3] == ["B-SRC", "I-SRC", "B-CUE"]
    assert labels[3:7] == ["B-CON", "I-CON", "I-CON", "I-CON"]
    assert got["and"] == "O" and labels[-3:] == ["I-SRC", "B-CUE", "O"]
    assert con2[0] == con2[1]


def test_adjacent_spans_of_two_attributions_stay_apart():
    text = "alpha beta gamma delta"
    roles = [(0, "content", 0, 10), (1, "content", 11, 22)]
    assert piece_labels(_pieces(text), roles) == ["B-CON", "I-CON", "B-CON", "I-CON"]


def test_viterbi_never_opens_or_continues_a_span_illegally():
    rng = np.random.default_rng(7)
    for _ in range(50):
        logp = np.log(rng.dirichlet(np.ones(len(LABELS)), size=40))
        path = [LABELS[j] for j in viterbi(logp)]
        assert not path[0].startswith("I-")
        for prev, cur in zip(path, path[1:]):
            if cur.startswith("I-"):
                assert prev[2:] == cur[2:]


def test_viterbi_repairs_an_orphan_inside():
    probs = np.full((3, len(LABELS)), 1e-6)
    probs[0, LABELS.index("O")] = 0.9
    probs[1, LABELS.index("I-SRC")] = 0.6
    probs[1, LABELS.index("B-SRC")] = 0.3
    probs[2, LABELS.index("I-SRC")] = 0.9
    assert [LABELS[j] for j in viterbi(np.log(probs))] == ["O", "B-SRC", "I-SRC"]
    assert viterbi(np.zeros((0, len(LABELS)))) == []


@pytest.mark.parametrize("labels, joined", [
    (["B-CUE", "B-CUE", "I-CUE"], ["B-CUE", "I-CUE", "I-CUE"]),
    (["B-SRC", "B-CUE", "B-CUE", "B-CON"], ["B-SRC", "B-CUE", "I-CUE", "B-CON"]),
    (["B-CUE", "O", "B-CUE"], ["B-CUE", "O", "B-CUE"]),
    (["B-CON", "B-CON"], ["B-CON", "B-CON"]),  # adjacent contents of two attributions stay apart
])
def test_touching_cues_are_one_cue(labels, joined):
    assert encoder.join_cues(labels) == joined


def test_case_types_mark_capitals_only():
    text = "Ms Lee met the Envoy in 2024."
    assert case_types(text, _pieces(text)).tolist() == [1, 1, 0, 0, 1, 0, 0]


def test_profile_choice(monkeypatch):
    monkeypatch.delenv(PROFILE_ENV, raising=False)
    assert profile_name() == "fast"
    assert profile_name("Accurate") == "accurate"
    monkeypatch.setenv(PROFILE_ENV, "accurate")
    assert profile_name() == "accurate"
    assert profile_name("fast") == "fast"
    with pytest.raises(UnknownProfile):
        profile_name("largest")


def test_missing_encoder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelMissing, match="encoder model not found"):
        encoder.load_encoder(str(tmp_path))


# ---------------------------------------------------------------- the shipped model


@pytest.fixture(scope="module")
def parsed_long():
    from sanctionwatch.read import load_model, parse

    para = ("The harbour master of Port Elvin told reporters on Monday that two tankers had switched off their "
            "transponders near the breakwater. \"We saw them leave at night,\" she said. A spokesman for the "
            "shipping company denied that its vessels had carried any fuel to the north.")
    text = "\n\n".join([para] * 12)  # longer than one window, so pieces are merged from several windows
    return parse(load_model(), text)


@pytest.mark.slow
def test_encoder_tags_long_text_with_exact_offsets(parsed_long):
    from sanctionwatch.attribution import extract_attributions

    atts = extract_attributions(parsed_long, profile="accurate")
    assert atts, "the encoder found no attribution in a text full of them"
    text = parsed_long.text
    for att in atts:
        for frag in [*att.source, *att.cue, *att.content]:
            assert text[frag.start:frag.end] == frag.text
    cues = {text[f.start:f.end].lower() for a in atts for f in a.cue}
    assert {"told", "said", "denied"} <= cues
    # the same paragraph, repeated, is read the same way wherever windows cut it
    per_paragraph = {}
    for att in atts:
        cut = text.rfind("\n\n", 0, att.cue[0].start)
        para_start = 0 if cut < 0 else cut + 2
        per_paragraph.setdefault(para_start, []).append(att.cue[0].start - para_start)
    assert len({tuple(v) for v in per_paragraph.values()}) == 1


@pytest.mark.slow
def test_both_profiles_give_labels_for_every_token(parsed_long):
    from sanctionwatch.attribution.profiles import block_labels
    from sanctionwatch.attribution.tagger import load_tagger

    tagger = load_tagger()
    for profile in ("fast", "accurate"):
        tagged = block_labels(parsed_long, tagger, profile)
        assert len(tagged) == len(parsed_long.blocks)
        for block, (labels, scores) in zip(parsed_long.blocks, tagged):
            assert len(labels) == len(block.doc) == len(scores)
            assert set(labels) <= set(LABELS)
            assert all(0.0 <= s <= 1.0 for s in scores)


def test_the_profile_is_part_of_the_pipeline_version(monkeypatch, tmp_path):
    from sanctionwatch.pipeline import pipeline_version

    fast, accurate = pipeline_version(profile="fast"), pipeline_version(profile="accurate")
    assert fast == pipeline_version() and accurate != fast
    # a retrained encoder (other files in $SANCTIONWATCH_ENCODER_MODEL) is another version again
    (tmp_path / "model.onnx").write_bytes(b"another model")
    monkeypatch.setenv(encoder.ENCODER_ENV, str(tmp_path))
    assert pipeline_version(profile="accurate") not in (fast, accurate)


def test_the_resolved_profile_travels_with_the_settings(monkeypatch, pipeline):
    """A worker elsewhere (no profile variable in its environment) must build the tagger the caller chose."""
    import pickle

    from sanctionwatch.pipeline import Pipeline, Settings

    monkeypatch.setenv(PROFILE_ENV, "accurate")
    chosen = Pipeline(Settings())
    monkeypatch.delenv(PROFILE_ENV)
    shipped = pickle.loads(pickle.dumps(chosen.settings))
    assert shipped.attribution_profile == "accurate"
    assert profile_name(shipped.attribution_profile) == "accurate"
    assert Pipeline(shipped).version == chosen.version != pipeline.version
