"""The pipeline version covers the user's data files, so `reprocess` re-processes after they change."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.actors import ACTORS_ENV, PLACES_ENV
from sanctionwatch.clean import BOILERPLATE_ENV
from sanctionwatch.pipeline import pipeline_version
from sanctionwatch.version import files_digest

ACTORS = """actors:
  - id: ministry-of-maritime-affairs-testland
    name: Testland Ministry of Maritime Affairs
    type: ORG
    aliases: [Maritime Ministry of Testland]
"""


@pytest.mark.parametrize("env", [ACTORS_ENV, BOILERPLATE_ENV, PLACES_ENV])
def test_user_data_file_changes_the_pipeline_version(env: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ACTORS_ENV, raising=False)
    monkeypatch.delenv(BOILERPLATE_ENV, raising=False)
    monkeypatch.delenv(PLACES_ENV, raising=False)
    bare = pipeline_version()
    extra = tmp_path / "extra.yaml"
    extra.write_text(ACTORS, encoding="utf-8")
    monkeypatch.setenv(env, str(extra))
    with_file = pipeline_version()
    assert with_file != bare
    extra.write_text(ACTORS.replace("Maritime Ministry", "Shipping Ministry"), encoding="utf-8")
    assert pipeline_version() not in (bare, with_file)  # an edit of the file counts, not just its name
    monkeypatch.delenv(env)
    assert pipeline_version() == bare


def test_files_digest_reads_directories_and_missing_paths(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "weights.bin").write_bytes(b"one")
    first = files_digest([model])
    (model / "weights.bin").write_bytes(b"two")
    assert files_digest([model]) != first
    assert files_digest([tmp_path / "absent"]) != files_digest([tmp_path / "other-absent"])
    assert files_digest([]) == files_digest(())
