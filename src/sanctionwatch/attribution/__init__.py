"""Attribution extraction: who said what (source, cue, content), with stance, hedging and nesting.

Public API::

    extract_attributions(parsed, entities=None) -> list[model.Attribution]

See extract.py for the pipeline, data/attribution.yaml for the lexicon and
the stance rules, and training/ for how the tagger model is built.
"""

from .extract import extract_attributions
from .lexicon import Lexicon, load_lexicon
from .speaker import Speaker

__all__ = ["extract_attributions", "Lexicon", "load_lexicon", "Speaker"]
