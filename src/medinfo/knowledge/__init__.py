"""Every rule and vocabulary file of medinfo, each read by one strict model; the medicine groups.

    load(Model)                  knowledge.loading: a file validated and cached (lazily, once)
    medicine_groups()            knowledge.groups: every medicine group and its look-ups
    group_by_name(alias)         the group a name or alias means, or None
    groups_of(name)              ids of the groups a medicine belongs to (brands, salts and
                                 combinations resolved to generic parts first)
    normalize_name(text)         knowledge.names: case, punctuation and plural -s folded
    without_salt(name)           "oxycodone hydrochloride" -> "oxycodone"
    components(name)             "hydrocodone/acetaminophen" -> ("hydrocodone", "acetaminophen")

Imports only `medinfo.domain`, pydantic and the standard library; nothing is read at import.
"""
