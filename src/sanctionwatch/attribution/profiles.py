"""Attribution profiles: which tagger labels the tokens before grouping, rules and speakers.

``fast`` is the CRF over hand-made features (``tagger.py``); ``accurate`` is
the fine-tuned encoder run with onnxruntime (``encoder.py``).  Both give the
same thing, BIO labels and scores per spaCy token of each block, so everything
after the tagger is shared.  The profile is chosen by argument, else by
$SANCTIONWATCH_ATTRIBUTION_PROFILE, else ``DEFAULT_PROFILE``.
"""

from __future__ import annotations

import os

from ..errors import UnknownProfile
from ..read import Parsed
from .encoder import load_encoder
from .tagger import Tagger, tag_doc

PROFILES = ("fast", "accurate")
DEFAULT_PROFILE = "fast"
PROFILE_ENV = "SANCTIONWATCH_ATTRIBUTION_PROFILE"

__all__ = ["DEFAULT_PROFILE", "PROFILES", "PROFILE_ENV", "block_labels", "profile_name"]


def profile_name(explicit: str | None = None) -> str:
    """The profile to use: ``explicit``, else the environment's, else the default; an unknown name is an error."""
    name = (explicit or os.environ.get(PROFILE_ENV) or DEFAULT_PROFILE).strip().lower()
    if name not in PROFILES:
        raise UnknownProfile(f"unknown attribution profile {name!r}; choose one of {', '.join(PROFILES)}")
    return name


def block_labels(parsed: Parsed, tagger: Tagger, profile: str) -> list[tuple[list[str], list[float]]]:
    """Labels and scores per token of each block of ``parsed``, from the profile's tagger."""
    if profile == "accurate":
        encoder = load_encoder()
        return encoder.tag_blocks(parsed.text, [(b.start, b.doc) for b in parsed.blocks])
    return [tag_doc(tagger, block.doc) for block in parsed.blocks]
