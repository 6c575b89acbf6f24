"""Gold scoring: how close a monograph comes to a gold file, field by field (DESIGN.md)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from medinfo.domain.dosing import Dose, is_mass_unit
from medinfo.domain.errors import InputError
from medinfo.knowledge import service_rules as rules
from medinfo.knowledge.loading import load
from medinfo.reconcile.vocabulary import (
    AGENT_GROUP,
    canonical_term,
    match_key,
    singularise,
    without_other,
)

_WORD = re.compile(r"[a-z0-9]+")
_ASIDE = re.compile(r"\([^)]*\)")
_POINT_BREAK = re.compile(r"[;.]\s*")


@dataclass(frozen=True)
class ScoringRules:
    """The validated rules/scoring.json."""

    threshold: float
    stem_length: int
    stopwords: frozenset[str]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    conflict_topics: dict[str, tuple[str, ...]]
    auxiliary: frozenset[str]


@cache
def scoring_rules() -> ScoringRules:
    """The scoring rules of knowledge/services/scoring.json, validated once."""
    raw = load(rules.ScoringRules)
    variants = [
        (variant.lower(), canonical)
        for canonical, listed in raw.phrases.items()
        for variant in listed
    ]
    variants.sort(key=lambda item: (-len(item[0]), item[0]))
    phrases = tuple((re.compile(rf"\b{re.escape(v)}\b"), c) for v, c in variants)
    topics = {
        topic: tuple(k.lower() for k in words) for topic, words in raw.conflict_topics.items()
    }
    return ScoringRules(
        threshold=raw.key_point_threshold,
        stem_length=raw.stem_length,
        stopwords=frozenset(raw.stopwords),
        phrases=phrases,
        conflict_topics=topics,
        auxiliary=frozenset(raw.auxiliary_fields),
    )


# --- lists ---------------------------------------------------------------------------


def f1(predicted: Iterable[Any], gold: Iterable[Any]) -> float:
    """F1 of two sets; 1.0 when both are empty."""
    got, want = set(predicted), set(gold)
    if not got and not want:
        return 1.0
    hits = len(got & want)
    return 0.0 if hits == 0 else 2 * hits / (len(got) + len(want))


def list_f1(predicted: Iterable[str], gold: Iterable[str], group: str | None) -> float:
    """F1 after lowercasing, synonym folding (in `group`) and singularising."""
    return f1({match_key(p, group) for p in predicted}, {match_key(g, group) for g in gold})


# --- free text -----------------------------------------------------------------------


def _stems(text: str) -> set[str]:
    rules = scoring_rules()
    text = text.lower()
    for pattern, canonical in rules.phrases:
        text = pattern.sub(canonical, text)
    return {
        singularise(word)[: rules.stem_length]
        for word in _WORD.findall(text)
        if word not in rules.stopwords
    }


def key_point_score(text: str, gold: str) -> float:
    """Share of the gold text's key points whose content words mostly appear in `text`."""
    rules = scoring_rules()
    points = [p for p in _POINT_BREAK.split(_ASIDE.sub(" ", gold)) if _stems(p)]
    if not points:
        return 1.0
    have = _stems(text)
    present = sum(len(_stems(p) & have) / len(_stems(p)) >= rules.threshold for p in points)
    return present / len(points)


# --- conflicts -----------------------------------------------------------------------


def conflict_topic(text: str) -> str | None:
    """The scored topic a conflict text is about, by keywords (its label before ':' first)."""
    topics = scoring_rules().conflict_topics
    lowered = text.lower()
    for scope in (lowered.split(":", 1)[0], lowered):
        for topic, keywords in topics.items():
            if any(keyword in scope for keyword in keywords):
                return topic
    return None


def conflict_recall(conflicts: Iterable[Mapping[str, Any]], gold: Iterable[str]) -> float:
    """Fraction of gold conflict topics the monograph reports; 1.0 when gold has none."""
    wanted = {topic for text in gold if (topic := conflict_topic(text))}
    if not wanted:
        return 1.0
    reported = set()
    for conflict in conflicts:
        topic = conflict_topic(str(conflict.get("topic", ""))) or conflict_topic(
            str(conflict.get("note", ""))
        )
        if topic:
            reported.add(topic)
    return len(wanted & reported) / len(wanted)


# --- the monograph -------------------------------------------------------------------


def dig(data: Mapping[str, Any], *path: str) -> Any:
    """The value at `path` in nested mappings, or None where a step is missing."""
    value: Any = data
    for step in path:
        value = value.get(step) if isinstance(value, Mapping) else None
    return value


def in_milligrams(dose: Mapping[str, Any]) -> Mapping[str, Any]:
    """A dose with a mass amount restated in mg ("1 g" is "1000 mg"), else as it is."""
    amount, unit = dose.get("amount"), dose.get("unit")
    if isinstance(amount, int | float) and isinstance(unit, str) and is_mass_unit(unit):
        return {**dose, "amount": Dose(amount=amount, unit=unit).milligrams(), "unit": "mg"}
    return dose


def dose_exact(dose: Any, gold: Any, fields: tuple[str, ...]) -> float:
    """1.0 when `dose` equals `gold` on `fields` (both absent counts as equal), else 0.0;
    mass amounts are compared in mg (1 g is 1000 mg)."""
    if not gold:
        return 1.0 if not dose else 0.0
    if not isinstance(dose, Mapping) or not isinstance(gold, Mapping):
        return 0.0
    dose, gold = in_milligrams(dose), in_milligrams(gold)
    for name in fields:
        want, got = gold.get(name), dose.get(name)
        if name == "unit":
            same = str(want or "").lower() == str(got or "").lower()
        else:
            same = (want is None and got is None) or (
                want is not None and got is not None and math.isclose(float(want), float(got))
            )
        if not same:
            return 0.0
    return 1.0


def _exact(value: Any, gold: Any) -> float:
    return 1.0 if value == gold else 0.0


def category(value: Any) -> str | None:
    """A pregnancy category, stripped and upper-cased, or None."""
    return str(value).strip().upper() if value else None


def without_aside(text: str) -> str:
    """A list item without its bracketed note: "seizure disorder (contraindicated)" and "gout
    (prevention of attacks)" name a seizure disorder and gout; the note qualifies the item
    as the brackets of a free-text gold point do (they are left out of key points too)."""
    return _ASIDE.sub(" ", text).strip() or text


def names(items: Iterable[Any], key: str) -> list[str]:
    """Names from gold or monograph items that are either strings or objects with `key`,
    without bracketed notes."""
    return [
        without_aside(str(item[key]) if isinstance(item, Mapping) else str(item)) for item in items
    ]


_ALTERNATIVES = re.compile(r"\s+or\s+|\s*/\s*", re.IGNORECASE)


def alternative_keys(gold: Iterable[str], fold: Callable[[str], str]) -> dict[str, str]:
    """For each gold item written as "A or B" ("epilepsy or seizure history", "stroke or TIA"),
    the folded key of each alternative mapped to the item's folded key: the item is one gold
    statement that either name answers. Keys of gold items themselves are left out."""
    wanted = {fold(item): item for item in gold}
    choices: dict[str, str] = {}
    for key, item in wanted.items():
        parts = [part for part in _ALTERNATIVES.split(item) if part.strip()]
        for part in (*parts, *_sharing_head(parts)) if len(parts) > 1 else ():
            if fold(part) not in wanted:
                choices.setdefault(fold(part), key)
    return choices


def _sharing_head(parts: list[str]) -> list[str]:
    """The one-word alternatives read with the head words of the last one: "fast or irregular
    heartbeat" also names "fast heartbeat", "gallbladder or pancreas problems" "gallbladder
    problems"."""
    head = parts[-1].split()[1:]
    if not head:
        return []
    return [f"{part.strip()} {' '.join(head)}" for part in parts[:-1] if len(part.split()) == 1]


def alternatives_of(
    predicted: Iterable[str], gold: Iterable[str], fold: Callable[[str], str]
) -> tuple[set[str], set[str]]:
    """(predicted keys, gold keys) after `fold`, a predicted key naming one alternative of a
    gold "A or B" item taking that item's key (see `alternative_keys`): two predictions
    naming its two alternatives count as one."""
    gold = list(gold)
    choices = alternative_keys(gold, fold)
    return {choices.get(key, key) for key in map(fold, predicted)}, {fold(g) for g in gold}


def gold_classes(gold: Any) -> list[str]:
    """The classes of a gold drug_class ("a; b" or a list), without bracketed notes:
    "proton pump inhibitor (PPI)" names a proton pump inhibitor."""
    parts = gold.split(";") if isinstance(gold, str) else gold
    return [without_aside(str(p)) for p in parts if str(p).strip()]


_OWN_ALLERGY = "allergy to the medicine"


def gold_precautions(gold: Iterable[Any], drug: str) -> list[str]:
    """The conditions of a gold precaution list, an allergy to the drug itself ("allergy",
    "allergy to furosemide") named as the vocabulary names it."""
    own = re.compile(
        rf"^(?:allergy|allergic reaction|hypersensitivity)(?:\s+to\s+(?:{re.escape(drug)}|it|"
        r"this medicine|the medicine))?$",
        re.IGNORECASE,
    )
    return [_OWN_ALLERGY if own.match(name.strip()) else name for name in names(gold, "condition")]


def gold_terms(gold: Iterable[Any]) -> list[str]:
    """Gold list items without bracketed notes, as `names` reads them."""
    return [without_aside(str(item)) for item in gold]


# A gold use written with what is done to the condition ("heart attack prevention", "treatment
# of DVT", "COPD flare-ups", "H. pylori eradication") names the condition: a predicted use
# carries prevention as an attribute of its own.
_USE_QUALIFIER = re.compile(
    r"^\s*(?:(?:short|long)[- ]term\s+)?(?:(?:prevention|treatment)\s+(?:and|or)\s+)?"
    r"(?:prevention|treatment|preventing|treating)\s+of\s+|"
    r"^\s*(?:reduc(?:e|es|ing)|lower(?:s|ing)?)\s+(?:the\s+)?risk\s+of\s+|"
    # a kind the use is said of ("other nerve pain", "recurrent depression", "acne in women")
    # is the use
    r"^\s*(?:other|recurrent)\s+|"
    r"\s+in\s+(?:[\w-]+\s+)?(?:people|patients|adults|women|men|children)\b.*$|"
    # an elaboration after the use ("neuropathic pain, including sciatica") qualifies it
    r",?\s+including\s+.*$|"
    # and so does its cause ("oedema from heart failure", "nerve pain after spinal cord injury")
    r"\s+(?:from|after|caused\s+by|due\s+to|linked\s+to)\s+.*$|"
    r"\s+(?:prevention|treatment|eradication|flare[- ]?ups?|flares?)\s*$",
    re.IGNORECASE,
)
# "stomach and duodenal ulcers", "lupus and other autoimmune conditions": either part answers
_BOTH = re.compile(r"\s+and\s+(?:other\s+|some\s+other\s+)?", re.IGNORECASE)


def _gold_use(text: str) -> str:
    """A gold indication's condition without its bracketed note and use qualifier."""
    plain = without_aside(text)
    bare = _USE_QUALIFIER.sub("", _USE_QUALIFIER.sub("", plain).strip()).strip()
    return bare or plain


def gold_indications(gold: Iterable[Any]) -> set[tuple[str, bool]]:
    """(folded condition, off_label) of each gold indication, without bracketed notes and use
    qualifiers (`_gold_use`)."""
    return {
        (match_key(_gold_use(str(i["condition"])), "indications"), bool(i.get("off_label")))
        if isinstance(i, Mapping)
        else (match_key(_gold_use(str(i)), "indications"), False)
        for i in gold
    }


def agent_names(items: Iterable[Any]) -> list[str]:
    """Interaction agents of gold or monograph items, a drug named by its generic name in the
    drug dictionary, so that "ciclosporin" and "cyclosporine" (INN and USAN) are one agent;
    names of medicine groups are left to the synonym folding."""
    from medinfo.extract.drug_detection import canonical_drug_name  # the dictionary is heavy

    return [
        name if canonical_term(name, AGENT_GROUP) else _uninverted(canonical_drug_name(name))
        for name in (_uninverted(without_other(item)) for item in names(items, "agent"))
    ]


# an index-style name, the head first: "contraceptives, oral"
_INVERTED = re.compile(r"^([^,]+),\s*([a-z][a-z -]{0,30})$", re.IGNORECASE)


def _uninverted(name: str) -> str:
    """An index-style name in reading order ("contraceptives, oral" -> "oral contraceptives")."""
    inverted = _INVERTED.match(name.strip())
    return f"{inverted.group(2)} {inverted.group(1)}" if inverted else name


# the parts of a gold item's text that can each name an agent or an effect
_PARTS = re.compile(r"[,;:()/]|\b(?:and|or|e\.g\.|eg|such as|including|like)\b", re.IGNORECASE)


def gold_named_parts(items: Iterable[Any], keys: tuple[str, ...]) -> set[str]:
    """The names a gold item mentions inside its text (an agent's members in its
    effect, "(erythromycin, clarithromycin)"; the parts of "atazanavir/ritonavir" or of
    "unusual bruising or bleeding"): one of them predicted is the gold's own claim at a finer
    grain, neither right nor wrong."""
    texts = [
        text
        for item in items
        for text in (
            [str(item.get(key) or "") for key in keys] if isinstance(item, Mapping) else [str(item)]
        )
    ]
    return {part.strip() for text in texts for part in _PARTS.split(text) if part and part.strip()}


def agents_beside_gold(
    predicted: list[str], gold: list[str], named: frozenset[str] = frozenset()
) -> list[str]:
    """The predicted agents (see `agent_names`) without the members of a medicine group the
    gold lists that the gold does not list themselves: "propranolol" where the gold says
    "beta blockers" is the gold's own claim at a finer grain, neither right nor wrong; so is
    an agent the gold names inside an item (`named`, see `gold_named_parts`), and a group
    whose members the gold lists instead."""
    from medinfo.knowledge.groups import group_by_name, groups_of

    wanted = {match_key(name, AGENT_GROUP) for name in gold}
    classes = {group.id for name in gold if (group := group_by_name(name)) is not None}
    # the groups the gold's own agents belong to: the group predicted where the gold lists
    # its members ("CNS depressants" for "opioids, benzodiazepines") is the same claim at a
    # coarser grain
    member_of = {gid for name in gold for gid in groups_of(name)}

    def coarser(name: str) -> bool:
        group = group_by_name(name)
        return group is not None and group.id in member_of

    return [
        name
        for name in predicted
        if (key := match_key(name, AGENT_GROUP)) in wanted
        or (not groups_of(name) & classes and key not in named and not coarser(name))
    ]


_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)


def _effect_key(text: str) -> str:
    return match_key(without_aside(text), "side_effects")


def side_effect_pairs(predicted: Iterable[str], gold: Iterable[Any]) -> tuple[set[str], set[str]]:
    """(predicted, gold) side-effect keys: a gold item is one effect whatever its bracketed
    note ("low sodium (confusion, cramps)") and whichever of its "A or B" names a prediction
    uses ("stomach ulcer or bleeding"); a prediction the gold names only inside one of its
    items is neither right nor wrong ("confusion" where the gold lists "low sodium
    (confusion, cramps)")."""
    items = [str(item) for item in gold]
    got, want = alternatives_of(predicted, items, _effect_key)
    # "muscle pain with weakness or fever": the effect before "with", as a bracket qualifies it
    qualified = {_effect_key(_WITH.split(item)[0]): _effect_key(item) for item in items}
    got = {key if key in want else qualified.get(key, key) for key in got}
    named = {_effect_key(part) for part in serious_terms(gold_named_parts(items, ()))}
    return {key for key in got if key in want or key not in named}, want


# the dose form as the gold and the sources name it: "capsule" is an oral capsule, "oral
# liquid" an oral solution, an immediate-release tablet an oral tablet
_FORM_WORDS = (
    (re.compile(r"\b(?:immediate[- ]release|standard|plain)\s+", re.IGNORECASE), ""),
    (re.compile(r"\bliquid\b", re.IGNORECASE), "solution"),
    (re.compile(r"^(?!oral\b)(tablets?|capsules?|solution)$", re.IGNORECASE), r"oral \1"),
)


def form_key(text: str) -> str:
    """A dose form folded for comparison: its note dropped and everyday names made plain."""
    form = without_aside(text).strip()
    for pattern, replacement in _FORM_WORDS:
        form = pattern.sub(replacement, form).strip()
    return match_key(form, "forms")


def gold_agents_named(gold: Iterable[Any]) -> frozenset[str]:
    """The folded agents a gold interaction list names inside its items (see
    `gold_named_parts`), each agent by its dictionary name as in `agent_names`."""
    from medinfo.extract.drug_detection import canonical_drug_name  # the dictionary is heavy

    parts = gold_named_parts(gold, ("agent", "effect"))
    return frozenset(
        {match_key(p, AGENT_GROUP) for p in parts}
        | {match_key(canonical_drug_name(p), AGENT_GROUP) for p in parts}
    )


# In the serious list the seriousness is already said: "severe stomach pain" listed as serious
# is the serious side effect "stomach pain".
_INTENSITY = re.compile(
    r"^\s*(?:(?:very|severe|serious|extreme|major|sudden|unusual|unexplained|dangerous)\s+"
    # "severe or bloody diarrhoea": a word coordinated with another qualifier stays
    r"(?!(?:or|and)\s))+",
    re.IGNORECASE,
)


def serious_terms(items: Iterable[str]) -> list[str]:
    """Serious side-effect terms without the leading words that only say they are serious,
    read after the vocabulary's preferred term, so that "blistering rash" and the preferred
    "severe skin reactions" it names lose the same word."""
    return [_INTENSITY.sub("", term) or term for term in map(_preferred_effect, items)]


def _preferred_effect(item: str) -> str:
    """The vocabulary's preferred term of a side-effect item, its bracketed note kept after
    it ("severe or bloody diarrhoea (C. difficile)"), or the item itself."""
    found = canonical_term(item, "side_effects")
    if found:
        return found
    bare = without_aside(item)
    found = canonical_term(bare, "side_effects")
    return found + item[len(bare) :] if found and item.startswith(bare) else item


def side_effect_terms(monograph: Mapping[str, Any], serious: bool) -> list[str]:
    """The monograph's serious (or common) side-effect terms."""
    items = monograph.get("side_effects") or []
    return [s["term"] for s in items if bool(s.get("serious")) is serious]


def indication_keys(monograph: Mapping[str, Any]) -> set[tuple[str, bool]]:
    """(folded condition, off_label) of each indication of the monograph, folded as gold uses
    are (`_gold_use`: "stroke prevention" is stroke)."""
    items = monograph.get("indications") or []
    return {
        (match_key(_gold_use(str(i["condition"])), "indications"), bool(i.get("off_label")))
        for i in items
    }


def indication_pairs(
    monograph: Mapping[str, Any], gold: Iterable[Any]
) -> tuple[set[tuple[str, bool]], set[tuple[str, bool]]]:
    """(predicted, gold) indication keys (see `indication_keys`, `gold_indications`), a
    predicted condition naming one alternative of a gold "A or B" item taking its key."""
    gold = list(gold)
    uses = [_gold_use(name) for name in names(gold, "condition")]

    def fold(text: str) -> str:
        return match_key(text, "indications")

    choices = alternative_keys(uses, fold)
    wanted = {fold(use) for use in uses}
    for use in uses:  # "A and B" in one gold item: either part answers it
        parts = [_gold_use(part) for part in _BOTH.split(use) if part.strip()]
        if len(parts) == 2 and " " not in parts[0].strip() and " " in parts[1].strip():
            # a shared head: "chest and airway infections" names chest infections too
            parts.append(f"{parts[0].strip()} {parts[1].split()[-1]}")
        for part in parts if len(parts) > 1 else []:
            if fold(part) not in wanted:
                choices.setdefault(fold(part), fold(use))
    predicted = {(choices.get(key, key), off) for key, off in indication_keys(monograph)}
    return predicted, gold_indications(gold)


Scorer = Callable[[Mapping[str, Any], Any], float]

_SCORERS: dict[str, tuple[str, Scorer]] = {
    # field name: (gold key, scorer(monograph, gold value))
    "brand_names": ("brand_names", lambda m, g: list_f1(m.get("brand_names") or [], g, None)),
    "drug_class": (
        "drug_class",
        lambda m, g: list_f1(m.get("drug_class") or [], gold_classes(g), "drug_classes"),
    ),
    "indications": (
        "indications",
        lambda m, g: f1(*indication_pairs(m, g)),
    ),
    "indication_conditions": (
        "indications",
        lambda m, g: list_f1(
            names(m.get("indications") or [], "condition"),
            names(g, "condition"),
            "indications",
        ),
    ),
    "mechanism_terms": (
        "mechanism_terms",
        lambda m, g: list_f1(dig(m, "mechanism", "terms") or [], gold_terms(g), "mechanism_terms"),
    ),
    "forms": ("forms", lambda m, g: f1(map(form_key, m.get("forms") or []), map(form_key, g))),
    "common_side_effects": (
        "common_side_effects",
        lambda m, g: f1(*side_effect_pairs(side_effect_terms(m, False), g)),
    ),
    "serious_side_effects": (
        "serious_side_effects",
        lambda m, g: f1(
            *side_effect_pairs(serious_terms(side_effect_terms(m, True)), serious_terms(g))
        ),
    ),
    "interactions": (
        "interactions",
        lambda m, g: list_f1(
            agents_beside_gold(
                agent_names(m.get("interactions") or []), agent_names(g), gold_agents_named(g)
            ),
            agent_names(g),
            "agents",
        ),
    ),
    "precautions": (
        "precautions",
        lambda m, g: f1(
            *alternatives_of(
                names(m.get("precautions") or [], "condition"),
                names(g, "condition"),
                lambda text: match_key(text, "precautions"),
            )
        ),
    ),
}


def _nested_scorers(monograph: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, float]:
    scores: dict[str, float] = {}
    dosing = gold.get("dosing")
    if isinstance(dosing, Mapping):
        initial = dig(monograph, "dosing", "initial")
        fields = ("amount", "unit", "frequency_per_day")
        scores["initial_dose"] = dose_exact(initial, dosing.get("initial"), fields)
        max_daily = dig(monograph, "dosing", "max_daily")
        scores["max_daily_dose"] = dose_exact(
            max_daily, dosing.get("max_daily"), ("amount", "unit")
        )
    pregnancy = gold.get("pregnancy")
    if isinstance(pregnancy, Mapping):
        got = category(dig(monograph, "pregnancy", "category"))
        scores["pregnancy_category"] = _exact(got, category(pregnancy.get("category")))
        if pregnancy.get("summary"):
            text = str(dig(monograph, "pregnancy", "summary") or "")
            scores["pregnancy_summary"] = key_point_score(text, str(pregnancy["summary"]))
    for field in ("breastfeeding", "missed_dose", "onset"):
        if isinstance(gold.get(field), str):
            text = str(dig(monograph, field, "summary") or "")
            scores[field] = key_point_score(text, gold[field])
    if "abrupt_stop_risk" in gold:
        got = dig(monograph, "stopping", "abrupt_stop_risk")
        scores["abrupt_stop_risk"] = _exact(got, gold["abrupt_stop_risk"])
    if "disclaimer_present" in gold:
        scores["disclaimer_present"] = _exact(
            monograph.get("disclaimer_present"), gold["disclaimer_present"]
        )
    if "conflicts" in gold:
        scores["conflicts"] = conflict_recall(monograph.get("conflicts") or [], gold["conflicts"])
    return scores


def score_monograph(monograph: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, float]:
    """Scores in [0, 1] for every field the gold file states, plus `mean_field_score`.

    `monograph` is the monograph JSON (as `medinfo show --json` prints it); `gold` follows
    the format of dev-gold/baclofen.json. Auxiliary scores are left out of the mean.
    """
    if not isinstance(monograph, Mapping) or not isinstance(gold, Mapping):
        raise InputError("score_monograph: monograph and gold must be JSON objects")
    scores = {
        name: scorer(monograph, gold[key])
        for name, (key, scorer) in _SCORERS.items()
        if gold.get(key) is not None
    }
    scores.update(_nested_scorers(monograph, gold))
    counted = [v for k, v in scores.items() if k not in scoring_rules().auxiliary]
    scores["mean_field_score"] = sum(counted) / len(counted) if counted else 0.0
    return scores
