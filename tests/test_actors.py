"""Entity resolution: the actor table, alias matching over spaCy output, partial names, datelines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sanctionwatch.actors import (
    Actor,
    ActorTable,
    ContextAlias,
    dateline_places,
    entity_at,
    load_actor_table,
    resolve_entities,
    surface_key,
)
from sanctionwatch.model import Entity, Mention

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SANCTIONWATCH_SHARED", REPO / ".." / "shared"))
SEEDS = SHARED / "seeds"


# --------------------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def nlp():
    from sanctionwatch.read import load_model

    return load_model()


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


def parse(nlp, text: str):
    from sanctionwatch.read import parse as read_parse

    return read_parse(nlp, text)


def set_ents(parsed, spans: list[tuple[str, str]]) -> None:
    """Replace spaCy's NER output by hand: (surface, label) at its first occurrence.

    Lets a test state what a (mis)labelling NER produced, independent of the model.
    """
    from spacy.tokens import Span

    block = parsed.blocks[0]
    ents = []
    for surface, label in spans:
        start = block.doc.text.index(surface)
        span = block.doc.char_span(start, start + len(surface), label=label, alignment_mode="strict")
        assert span is not None, surface
        ents.append(span)
    block.doc.ents = ents


def resolve(nlp, text: str, table: ActorTable | None = None) -> list[Entity]:
    parsed = parse(nlp, text)
    entities = resolve_entities(parsed, table)
    assert_offsets(text, entities)
    return entities


def assert_offsets(text: str, entities: list[Entity]) -> None:
    for entity in entities:
        assert entity.mentions, entity.id
        assert entity.mentions == sorted(entity.mentions, key=lambda m: (m.start, m.end))
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text, (entity.id, m)


def by_id(entities: list[Entity]) -> dict[str, Entity]:
    return {e.id: e for e in entities}


def mention_owner(entities: list[Entity], text: str, surface: str, occurrence: int = 0) -> str | None:
    """Id of the entity holding the mention at the n-th occurrence of surface, if any."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index(surface, pos + 1)
    for e in entities:
        for m in e.mentions:
            if m.start == pos and m.end == pos + len(surface):
                return e.id
    return None


# --------------------------------------------------------------------------- the packaged table


def test_packaged_table_is_large_consistent_and_conflict_free(table):
    assert len(table) >= 80
    assert table.conflicts == []
    for actor in table:
        assert actor.id == actor.id.lower() and " " not in actor.id
        assert actor.wikidata is None or actor.wikidata.startswith("Q")
        for ca in actor.context_aliases:
            assert all(req in table for req in ca.requires), (actor.id, ca)


@pytest.mark.parametrize(
    "actor_id, qid",
    [("prk", "Q423"), ("kor", "Q884"), ("rus", "Q159"), ("usa", "Q30"), ("kim-jong-un", "Q56226"), ("kim-yo-jong", "Q5565597")],
)
def test_known_wikidata_ids(table, actor_id, qid):
    assert table.get(actor_id).wikidata == qid


@pytest.mark.parametrize(
    "actor_id",
    ["prk", "kor", "rus", "usa", "chn", "jpn", "irn", "syr", "mmr", "lby", "sdn", "ukr", "kim-jong-un", "kim-jong-il",
     "kim-il-sung", "kim-yo-jong", "choe-son-hui", "jang-song-thaek", "ri-pyong-chol", "kcna", "kpa", "wpk", "dprk-mfa",
     "rgb", "komid", "lazarus-group", "nis", "jcs", "yonhap", "rok-mnd", "vladimir-putin", "sergei-shoigu", "rus-mod",
     "us-state-department", "us-treasury", "ofac", "fbi", "unsc", "un-1718-committee", "un-panel-of-experts", "iaea",
     "unga", "msmt", "bbc", "reuters", "ap", "afp", "nk-news", "rodong-sinmun"],
)
def test_table_covers_the_core_actors(table, actor_id):
    assert table.get(actor_id) is not None


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("Kim Jong Un", "kim-jong-un"),
        ("kim jong-un", "kim-jong-un"),
        ("KIM JONG UN", "kim-jong-un"),
        ("Kim Jong-un’s", "kim-jong-un"),
        ("Kim Jong-un's", "kim-jong-un"),
        ("Kim Jongun", "kim-jong-un"),
        ("Kim Jong-il", "kim-jong-il"),
        ("Kim Il-sung", "kim-il-sung"),
        ("Kim Yo-jong", "kim-yo-jong"),
        ("Jang Song Thaek", "jang-song-thaek"),
        ("Ri Pyong Chol", "ri-pyong-chol"),
        ("Lee Pyong Chol", None),  # Ri, Rhee and Lee are not merged automatically
        ("Rhee Pyong-chol", None),
        ("the Kremlin", "rus"),
        ("U.S.", "usa"),
        ("US", "usa"),
        ("us", None),
        ("Democratic People’s Republic of Korea", "prk"),
        ("the North", None),  # a context alias needs a context
        ("Kim", None),
    ],
)
def test_lookup_normalises_surfaces(table, surface, expected):
    actor = table.lookup(surface)
    assert (actor.id if actor else None) == expected


def test_lookup_of_context_alias_needs_required_actor(table):
    assert table.lookup("the North", context={"prk"}).id == "prk"
    assert table.lookup("the North", context={"usa"}) is None


@pytest.mark.parametrize(
    "a, b, same",
    [("Kim Jong-un", "Kim Jong Un", True), ("Kim Jong-Un", "kim jongun", True), ("U.S.", "US", True),
     ("Kim Jong-un", "Kim Jong-il", False), ("Kim Il-sung", "Kim Jong-il", False)],
)
def test_surface_keys(a, b, same):
    assert (surface_key(a, exact=False) == surface_key(b, exact=False)) is same


# --------------------------------------------------------------------------- resolution in text


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        # capitals and metonyms
        ("Pyongyang fired two missiles on Monday.", "Pyongyang", "prk"),
        ("North Korea fired two missiles on Monday.", "North Korea", "prk"),
        ("Sanctions target Korea of the North for its nuclear program.", "Korea of the North", "prk"),
        ("The DPRK rejected the report.", "DPRK", "prk"),
        ("A North Korean envoy rejected the report.", "North Korean", "prk"),
        ("NORTH KOREA FIRES MISSILE", "NORTH KOREA", "prk"),
        ("North Korea tested a rocket. Experts say the North will test again.", "the North", "prk"),
        ("North Korea tested a rocket. The North said it was a satellite.", "The North", "prk"),
        ("North Korea sold shells, and the regime earned hard currency.", "the regime", "prk"),
        ("Seoul said the launch was a provocation.", "Seoul", "kor"),
        ("South Korea said the launch was a provocation.", "South Korea", "kor"),
        ("North Korea shelled an island held by the South.", "the South", "kor"),
        ("Moscow denied buying shells.", "Moscow", "rus"),
        ("The Kremlin denied buying shells.", "Kremlin", "rus"),
        ("Washington imposed new sanctions.", "Washington", "usa"),
        ("The US imposed new sanctions.", "US", "usa"),
        ("The U.S. imposed new sanctions.", "U.S.", "usa"),
        ("Beijing called for restraint.", "Beijing", "chn"),
        ("Tokyo protested the launch.", "Tokyo", "jpn"),
        # Korean name variants, kept apart from one another
        ("Kim Jong-un inspected a factory.", "Kim Jong-un", "kim-jong-un"),
        ("Kim Jong Un inspected a factory.", "Kim Jong Un", "kim-jong-un"),
        ("Kim Jong-Un inspected a factory.", "Kim Jong-Un", "kim-jong-un"),
        ("Kim Jongun inspected a factory.", "Kim Jongun", "kim-jong-un"),
        ("Kim Jong-il inspected a factory.", "Kim Jong-il", "kim-jong-il"),
        ("Kim Il-sung founded the state.", "Kim Il-sung", "kim-il-sung"),
        ("Kim Yo Jong issued a statement.", "Kim Yo Jong", "kim-yo-jong"),
        ("Kim Yo-jong issued a statement.", "Kim Yo-jong", "kim-yo-jong"),
        ("Jang Song-thaek was executed in 2013.", "Jang Song-thaek", "jang-song-thaek"),
        ("Jang Song Thaek was executed in 2013.", "Jang Song Thaek", "jang-song-thaek"),
        ("Choe Son Hui met the Russian minister.", "Choe Son Hui", "choe-son-hui"),
        # possessives: the mention stops before the 's
        ("Kim Jong-un's sister issued a statement.", "Kim Jong-un", "kim-jong-un"),
        ("Kim Jong-un’s sister issued a statement.", "Kim Jong-un", "kim-jong-un"),
        ("The Kremlin’s spokesman declined to comment.", "Kremlin", "rus"),
        # titles are not part of the mention
        ("North Korean leader Kim Jong-un watched the test.", "Kim Jong-un", "kim-jong-un"),
        ("Russian President Vladimir Putin hosted the talks.", "Vladimir Putin", "vladimir-putin"),
        ("The dictator Kim Jong-un spoke on Sunday.", "Kim Jong-un", "kim-jong-un"),
        # bodies, media, UN
        ("The official KCNA news agency carried the statement.", "KCNA", "kcna"),
        ("The Security Council met on Friday.", "Security Council", "unsc"),
        ("The UN Panel of Experts documented the transfers.", "UN Panel of Experts", "un-panel-of-experts"),
        ("The 1718 Committee designated two vessels.", "1718 Committee", "un-1718-committee"),
        ("The Lazarus Group stole the funds.", "Lazarus Group", "lazarus-group"),
        ("OFAC designated the bank.", "OFAC", "ofac"),
        ("PHOTO ARCHIVES ASSOCIATED PRESS", "ASSOCIATED PRESS", "ap"),
        ("The Reconnaissance General Bureau ran the scheme.", "Reconnaissance General Bureau", "rgb"),
        ("The U.S.-backed resolution failed.", "U.S.", "usa"),
        ("Russia-North Korea arms deals worry Seoul.", "North Korea", "prk"),
    ],
)
def test_mentions_resolve_to_actors(nlp, text, surface, expected):
    entities = resolve(nlp, text)
    assert mention_owner(entities, text, surface) == expected


@pytest.mark.parametrize(
    "text, surface",
    [
        ("The North won the civil war, a historian said.", "North"),  # no DPRK in the document
        ("Troops moved to the South of the country.", "South"),
        ("The regime in Damascus fell.", "regime"),
        ("They told us the truth.", "us"),  # "US" is matched with its capitals only
        ("The National Security Council met in Washington.", "Security Council"),  # not the UN body
    ],
)
def test_context_aliases_and_exact_aliases_do_not_fire_out_of_context(nlp, text, surface):
    entities = resolve(nlp, text)
    pos = text.index(surface)
    for e in entities:
        if e.id in {"prk", "kor", "usa", "unsc"}:
            assert all(not (m.start <= pos < m.end) for m in e.mentions), (e.id, e.mentions)


def test_similar_kim_names_stay_distinct(nlp):
    text = "Kim Jong-il handed power to Kim Jong-un, grandson of Kim Il-sung, while Kim Yo-jong watched."
    entities = by_id(resolve(nlp, text))
    for actor_id, surface in [("kim-jong-il", "Kim Jong-il"), ("kim-jong-un", "Kim Jong-un"),
                              ("kim-il-sung", "Kim Il-sung"), ("kim-yo-jong", "Kim Yo-jong")]:
        assert [m.text for m in entities[actor_id].mentions] == [surface]


def test_person_alias_does_not_end_inside_a_hyphenated_given_name(nlp, tmp_path):
    extra = tmp_path / "kim-song.yaml"
    extra.write_text("actors:\n  - {id: kim-song, name: Kim Song, type: person}\n", encoding="utf-8")
    table = load_actor_table([extra])
    text = "Kim Song-nam met Kim Song at the United Nations."
    entities = resolve(nlp, text, table)
    assert mention_owner(entities, text, "Kim Song", occurrence=1) == "kim-song"
    assert all(not (m.start == 0) for m in by_id(entities)["kim-song"].mentions)


def test_all_mentions_of_an_actor_collected_in_document_order(nlp):
    text = "Pyongyang said North Korea would respond. The DPRK later fired a missile."
    prk = by_id(resolve(nlp, text))["prk"]
    assert [m.text for m in prk.mentions] == ["Pyongyang", "North Korea", "DPRK"]
    assert prk.name == "North Korea" and prk.type == "country" and prk.wikidata == "Q423"


# --------------------------------------------------------------------------- partial names


def test_partial_mentions_join_the_full_local_name(nlp):
    text = "Kim Kuk-song fled in 2014. Later, Kuk-song told reporters that Kim Kuk had sold drugs."
    entities = resolve(nlp, text)
    local = by_id(entities)["local:kim-kuk-song"]
    assert [m.text for m in local.mentions] == ["Kim Kuk-song", "Kuk-song", "Kim Kuk"]
    assert local.type == "person" and local.name == "Kim Kuk-song"


def test_surname_alone_resolves_when_only_one_kim(nlp):
    text = "Kim Jong-un inspected a factory in Pyongyang. Later Kim praised the workers."
    assert mention_owner(resolve(nlp, text), text, "Kim", occurrence=1) == "kim-jong-un"


def test_surname_alone_is_left_unresolved_among_several_kims(nlp):
    text = "Kim Jong-un met Kim Yo Jong in Pyongyang. Kim said the talks went well."
    entities = resolve(nlp, text)
    assert mention_owner(entities, text, "Kim", occurrence=2) is None
    assert not any(e.id == "local:kim" for e in entities)


def test_partial_name_of_a_canonical_person(nlp):
    text = "Vladimir Putin arrived in Pyongyang. Putin later left."
    putin = by_id(resolve(nlp, text))["vladimir-putin"]
    assert [m.text for m in putin.mentions] == ["Vladimir Putin", "Putin"]


# --------------------------------------------------------------------------- NER-only spans


def test_ner_only_spans_become_typed_local_entities(nlp):
    text = "Officials in Jakarta said Lee Hoon-min of Ryugyong Shipping met them."
    parsed = parse(nlp, text)
    set_ents(parsed, [("Jakarta", "GPE"), ("Lee Hoon-min", "PERSON"), ("Ryugyong Shipping", "ORG")])
    entities = by_id(resolve_entities(parsed))
    assert_offsets(text, list(entities.values()))
    assert entities["local:jakarta"].type == "place"
    assert entities["local:lee-hoon-min"].type == "person"
    assert entities["local:ryugyong-shipping"].type == "organisation"
    assert all(e.wikidata is None for e in entities.values())


def test_alias_wins_over_overlapping_ner_span_and_misses(nlp):
    # A machine-translated sentence where the NER splits and mislabels the actor.
    text = "Korea of the North sent shells, said the official KCNA news agency."
    parsed = parse(nlp, text)
    set_ents(parsed, [("Korea", "GPE"), ("North", "LOC"), ("KCNA news agency", "ORG")])
    entities = by_id(resolve_entities(parsed))
    assert [m.text for m in entities["prk"].mentions] == ["Korea of the North"]
    assert [m.text for m in entities["kcna"].mentions] == ["KCNA"]
    assert set(entities) == {"prk", "kcna"}


def test_titles_and_possessive_trimmed_from_ner_person(nlp):
    text = "Deputy Minister Pak Myong-ho’s remarks were reported."
    parsed = parse(nlp, text)
    set_ents(parsed, [("Deputy Minister Pak Myong-ho’s", "PERSON")])
    entities = resolve_entities(parsed)
    assert [(e.id, [m.text for m in e.mentions]) for e in entities] == [("local:pak-myong-ho", ["Pak Myong-ho"])]


@pytest.mark.parametrize("label", ["DATE", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "TIME", "LAW", "LANGUAGE", "WORK_OF_ART"])
def test_labels_of_no_interest_are_not_entities(nlp, label):
    text = "Observers counted Operation Xylo near the border."
    parsed = parse(nlp, text)
    set_ents(parsed, [("Operation Xylo", label)])
    assert resolve_entities(parsed) == []


def test_unresolved_ner_event_is_dropped(nlp):
    text = "Observers recalled Operation Xylo near the border."
    parsed = parse(nlp, text)
    set_ents(parsed, [("Operation Xylo", "EVENT")])
    assert resolve_entities(parsed) == []


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "text, place",
    [
        ("(Seoul) North Korea fired a missile, the military said.", "Seoul"),
        ("SEOUL, March 3 (Yonhap) -- North Korea fired a missile.", "SEOUL"),
        ("Headline about missiles\n\nSeoul, March 3 (Yonhap) -- North Korea fired a missile.", "Seoul"),
        ("MOSCOW — Russia denied buying shells.", "MOSCOW"),
    ],
)
def test_dateline_place_is_not_a_mention(nlp, text, place):
    entities = resolve(nlp, text)
    pos = text.index(place)
    assert all(not (m.start <= pos < m.end) for e in entities for m in e.mentions)
    assert any(e.id == "prk" or e.id == "rus" for e in entities)


def test_dateline_agency_kept_as_media_mention(nlp):
    text = "SEOUL, March 3 (Yonhap) -- North Korea fired a missile."
    assert mention_owner(resolve(nlp, text), text, "Yonhap") == "yonhap"


@pytest.mark.parametrize(
    "text",
    ["Seoul, however, said the launch failed.", "Seoul - a city of ten million - said the launch failed."],
)
def test_ordinary_sentences_are_not_datelines(nlp, text):
    assert mention_owner(resolve(nlp, text), text, "Seoul") == "kor"


def test_dateline_window_limits_detection():
    text = "x" * 3000 + "\n(Seoul) later paragraph."
    assert dateline_places(text) == []


# --------------------------------------------------------------------------- entity_at


def _entity(eid: str, spans: list[tuple[int, int]]) -> Entity:
    return Entity(eid, eid, "person", [Mention(s, e, "x" * (e - s)) for s, e in spans])


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (0, 5, "a"),
        (3, 12, "b"),  # overlaps a by 2, b by 7
        (20, 25, None),
        (10, 10, "b"),  # an empty probe inside a mention
        (40, 44, "d"),  # equal overlap: the longest mention wins
    ],
)
def test_entity_at(start, end, expected):
    entities = [_entity("a", [(0, 5)]), _entity("b", [(5, 15)]), _entity("c", [(40, 44)]), _entity("d", [(38, 50)])]
    found = entity_at(entities, start, end)
    assert (found.id if found else None) == expected


# --------------------------------------------------------------------------- user files


def test_user_yaml_adds_actor_and_alias(nlp, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n"
        "  - id: ryugyong-shipping\n"
        "    name: Ryugyong Shipping Co\n"
        "    type: organisation\n"
        "    aliases: [Ryugyong Shipping]\n"
        "  - id: prk\n"
        "    aliases: [Land of Juche]\n",
        encoding="utf-8",
    )
    table = load_actor_table([extra])
    assert table.get("ryugyong-shipping").name == "Ryugyong Shipping Co"
    assert table.lookup("land of juche").id == "prk"
    assert "North Korea" in table.get("prk").surfaces()  # extended, not replaced
    text = "The Land of Juche used Ryugyong Shipping vessels."
    entities = by_id(resolve(nlp, text, table))
    assert [m.text for m in entities["prk"].mentions] == ["Land of Juche"]
    assert [m.text for m in entities["ryugyong-shipping"].mentions] == ["Ryugyong Shipping"]
    assert load_actor_table().lookup("Land of Juche") is None  # the default table is untouched


def test_user_yaml_overrides_and_removes(tmp_path):
    extra = tmp_path / "override.yaml"
    extra.write_text(
        "actors:\n  - id: usa\n    name: USA\n    remove_aliases: [Washington]\n", encoding="utf-8"
    )
    table = load_actor_table([extra])
    assert table.get("usa").name == "USA"
    assert table.lookup("Washington") is None
    assert table.lookup("United States").id == "usa"


def test_env_variable_lists_user_files(tmp_path, monkeypatch):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("actors:\n  - {id: acme, name: Acme Trading, type: organisation}\n", encoding="utf-8")
    second.write_text("actors:\n  - {id: acme, aliases: [Acme]}\n", encoding="utf-8")
    monkeypatch.setenv("SANCTIONWATCH_ACTORS", os.pathsep.join([str(first), str(second)]))
    table = load_actor_table()
    assert table.lookup("Acme").id == "acme"
    assert table.get("acme").name == "Acme Trading"


def test_default_table_is_cached(monkeypatch):
    monkeypatch.delenv("SANCTIONWATCH_ACTORS", raising=False)
    assert load_actor_table() is load_actor_table()


@pytest.mark.parametrize(
    "content, message",
    [
        ("actors:\n  - {name: X, type: person}\n", "id"),
        ("actors:\n  - {id: Bad Id, name: X, type: person}\n", "slug"),
        ("actors:\n  - {id: x, type: person}\n", "name"),
        ("actors:\n  - {id: x, name: X, type: person, wikidata: 42}\n", "wikidata"),
        ("actors:\n  - {id: x, name: X, type: person, context_aliases: [{alias: the X}]}\n", "requires"),
        ("- just a list\n", "mapping"),
    ],
)
def test_invalid_user_files_are_reported(tmp_path, content, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_actor_table([bad])


def test_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_actor_table([tmp_path / "absent.yaml"])


def test_table_built_in_code(nlp):
    table = ActorTable(
        [Actor("acme", "Acme Trading", "organisation", ("Acme",), None,
               (ContextAlias("the firm", ("acme",)),))]
    )
    text = "Acme Trading shipped coal. The firm denied it."
    acme = by_id(resolve(nlp, text, table))["acme"]
    assert [m.text for m in acme.mentions] == ["Acme Trading", "The firm"]


# --------------------------------------------------------------------------- the seed articles


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set SANCTIONWATCH_SHARED)")
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"no {prefix}_*.txt under {SEEDS}")
    return files[0].read_text(encoding="utf-8")


def test_seed_004_sister_statement(nlp):
    text = _seed("004")
    entities = resolve(nlp, text)
    found = by_id(entities)
    surfaces = {eid: {m.text for m in e.mentions} for eid, e in found.items()}
    assert {"Pyongyang", "North Korea", "the North", "Korea of the North"} <= surfaces["prk"]
    assert {"Moscow", "Russia"} <= surfaces["rus"]
    assert {"Seoul", "South Korea"} <= surfaces["kor"]
    assert {"Washington", "United States"} <= surfaces["usa"]
    assert "Kim Jong-un" in surfaces["kim-jong-un"]
    assert "Kim Yo Jong" in surfaces["kim-yo-jong"]
    assert "KCNA" in surfaces["kcna"]
    assert "Security Council" in surfaces["unsc"]
    dateline = text.index("(Seoul)") + 1
    assert all(m.start != dateline for e in entities for m in e.mentions)


def test_seed_000_defector_interview(nlp):
    text = _seed("000")
    found = by_id(resolve(nlp, text))
    local = found["local:kim-kuk-song"]
    texts = [m.text for m in local.mentions]
    assert "Kim Kuk-song" in texts and "Kuk-song" in texts
    assert local.type == "person"
    assert {m.text for m in found["kim-jong-il"].mentions} == {"Kim Jong-il"}
    assert {m.text for m in found["kim-jong-un"].mentions} == {"Kim Jong-un"}
    assert {m.text for m in found["jang-song-thaek"].mentions} == {"Jang Song-thaek"}
    assert found["bbc"].mentions


# --------------------------------------------------------------------------- relational descriptions


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("Kim Jong-un’s sister denied the report on Friday.", "Kim Jong-un’s sister", "kim-yo-jong"),
        ("The powerful sister of North Korean leader Kim Jong-un denied it.",
         "The powerful sister of North Korean leader Kim Jong-un", "kim-yo-jong"),
        ("Kim Jong Un's daughter attended the launch.", "Kim Jong Un's daughter", "kim-ju-ae"),
        ("The wife of Kim Jong-un was seen in Pyongyang.", "The wife of Kim Jong-un", "ri-sol-ju"),
    ],
)
def test_relational_descriptions_name_the_related_actor(nlp, text, surface, expected):
    assert mention_owner(resolve(nlp, text), text, surface) == expected


def test_a_relation_needs_the_related_name_and_the_listed_noun(nlp):
    text = "The sister of the minister spoke. Kim Jong-un's adviser spoke too."
    ids = by_id(resolve(nlp, text))
    assert "kim-yo-jong" not in ids and "kim-jong-un" in ids


def test_user_file_adds_a_relation(nlp, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("actors:\n  - id: demo-cousin\n    name: Demo Cousin\n    type: person\n"
                     "    relations: [{noun: cousin, of: kim-jong-un}]\n", encoding="utf-8")
    text = "Kim Jong-un's cousin let him use a Mercedes."
    assert mention_owner(resolve(nlp, text), text, "Kim Jong-un's cousin") is None
    assert mention_owner(resolve(nlp, text, load_actor_table([extra])), text, "Kim Jong-un's cousin") == "demo-cousin"
