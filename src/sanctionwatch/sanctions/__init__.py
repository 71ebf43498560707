"""Sanctions lists: list formats, name normalisation and matching, and the lists in the store.

* :mod:`.matching`  normalisation, :class:`SanctionsList` and its conservative name matcher
* :mod:`.un_xml`    the UN Security Council consolidated list (XML); a new format is a module like it
* :mod:`.stored`    importing a list into the store and matching the stored entities against it
"""

from .matching import DEFAULT_REGIMES, UN_LIST_ID, ListEntry, ListMatch, SanctionsList, rules, tokens
from .stored import import_list, list_from_store, match_store
from .un_xml import load_un_list

__all__ = [
    "DEFAULT_REGIMES", "UN_LIST_ID", "ListEntry", "ListMatch", "SanctionsList", "import_list", "list_from_store",
    "load_un_list", "match_store", "rules", "tokens",
]
