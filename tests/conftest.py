"""Shared fixtures: the spaCy model (loaded once), the shared data folder, a pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    env = os.environ.get("SANCTIONWATCH_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent (set SANCTIONWATCH_SHARED): real-data checks skipped")
    return path


@pytest.fixture(scope="session")
def seeds(shared) -> dict[str, str]:
    files = sorted((shared / "seeds").glob("*.txt"))
    if not files:
        pytest.skip("../shared/seeds has no articles")
    return {f.name: f.read_text(encoding="utf-8") for f in files}


@pytest.fixture(scope="session")
def nlp():
    from sanctionwatch.read import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline():
    from sanctionwatch.pipeline import Pipeline

    return Pipeline()
