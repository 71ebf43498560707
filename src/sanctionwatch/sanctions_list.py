"""Former home of sanctions-list import and matching, now the :mod:`sanctionwatch.sanctions` package.

Kept so that code importing ``sanctionwatch.sanctions_list`` keeps working.
"""

from .sanctions import (  # noqa: F401
    DEFAULT_REGIMES, UN_LIST_ID, ListEntry, ListMatch, MatchingRules, SanctionsList, import_list, list_from_store,
    load_list, load_un_list, match_store, parse_rules, rules, tokens, variant_tokens,
)
