"""Sanctions lists: reading the formats users bring, name matching, checking matches in context, flags in the store.

* :mod:`.formats`     readers of the UN, OFAC SDN, EU, UK (OFSI) and OpenSanctions/FollowTheMoney formats
* :mod:`.normalise`   tokens, romanisation variants and the word tables of ``data/romanisation.yaml``
* :mod:`.entries`     :class:`ListEntry` and :class:`ListMatch`, whatever the format
* :mod:`.matching`    :class:`SanctionsList` and its name index
* :mod:`.context`     what the document says about a mention, against the entry (``data/list_context.yaml``)
* :mod:`.importing`   lists into the store and back
* :mod:`.flags`       stored mentions matched and checked: ``list_flags`` and ``list_matches``
"""

from .context import STATUSES, FlagCheck, MentionContext, Reason, check, designated_at, read_context
from .entries import ListEntry, ListMatch
from .flags import match_store
from .formats import FORMATS, UnknownListFormat, detect_format, load_list, load_un_list
from .importing import import_list, list_from_store
from .matching import DEFAULT_REGIMES, UN_LIST_ID, SanctionsList
from .normalise import MatchingRules, parse_rules, rules, tokens, variant_tokens

__all__ = [
    "DEFAULT_REGIMES", "FORMATS", "FlagCheck", "ListEntry", "ListMatch", "MatchingRules", "MentionContext", "Reason",
    "STATUSES", "SanctionsList", "UN_LIST_ID", "UnknownListFormat", "check", "designated_at", "detect_format", "import_list",
    "list_from_store", "load_list", "load_un_list", "match_store", "parse_rules", "read_context", "rules", "tokens",
    "variant_tokens",
]
