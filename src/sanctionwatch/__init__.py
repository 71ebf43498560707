"""sanctionwatch: an evidence engine for monitoring sanctions on the DPRK from open-source reporting."""

from .model import SCHEMA_VERSION, Attribution, Document, Entity, Fragment, IgnoredRegion, Mention

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Attribution",
    "Document",
    "Entity",
    "Fragment",
    "IgnoredRegion",
    "Mention",
    "__version__",
]
