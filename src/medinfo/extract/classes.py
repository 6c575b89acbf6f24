"""What the drug is: brand names, drug class, mechanism terms and dosage forms."""

from __future__ import annotations

import re

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.drug_detection import canonical_drug_name
from medinfo.extract.drug_names import find_drug_mentions, generic_name
from medinfo.extract.passages import QUIET_SECTIONS, Passage, cue, is_question
from medinfo.extract.reading import is_advert
from medinfo.extract.sections import Section
from medinfo.extract.sentences import Unit
from medinfo.extract.terms import AGENTS, TermMatch, vocabulary
from medinfo.knowledge.groups import groups_of, medicine_groups
from medinfo.knowledge.names import acid_as_anion, components

_CLASS_CUE = cue(
    r"\b((is|are|as) (a|an|the)|belongs? to|class(es)? of|classified as|known as|type of|kind of|"
    r"works as|acts as|this|from the)\b|"
    # "is what's called a gabapentinoid", "it's sometimes called a"
    r"(?:\bis|['’]s)\s+(?:what['’]?s\s+|what\s+is\s+|sometimes\s+|also\s+)?called\s+(?:an?\s+)?\W*$"
)
_NOT_OWN_CLASS = cue(
    r"\b(other|unlike|like|than|with|such as|different\s+(\w+\s+){0,2}?(from|to))\s+"
    r"(\w+\s+){0,4}$"
)
_MECHANISM_CUE = cue(
    r"\b(works?|acts?|mechanism|binds?|receptors?|agonist|antagonist|inhibit|block|stimulat|"
    r"activat|relax|targets?|attack|interfer|calms?\b|damp|suppress|prodrug|converts?\b|"
    r"converted|turns? (it )?into|"
    r"stops? (\w+ ){0,2}(from )?(making|producing|copying|growing|multiplying))"
)
# A release, device or product marker after a brand is part of its name ("Effexor XR",
# "Advair Diskus", "Ventolin HFA", "Robaxin-750"); a number after a space is a strength
# ("LIPITOR 10"), not a brand.
_VARIANTS = (
    r"XR|XL|CR|ER|SR|LA|DR|ODT|OTC|CD|PM|HFA|Diskus|Inhub|RespiClick|Ellipta|Evohaler|"
    r"Accuhaler|Turbohaler|Respimat|HandiHaler|Digihaler|Redihaler|Spiromax|Continus|Chrono|"
    r"SolTab|Retard|One[- ]Step"
)
_BRAND_VARIANT = re.compile(rf"(?:\s|-)(?:{_VARIANTS})\b|-\d{{2,4}}\b")
# One brand as a list writes it: a capitalised name, a variant marker, a registered mark and
# a bracketed note on its form ("Mitigare (capsules)").
_BRAND = rf"[A-Z][\w-]+®?(?:\s+(?:{_VARIANTS}|[A-Z][a-z][\w-]*)\b)?(?:\s*\([^()]{{0,40}}\))?"
_BRAND_LIST = rf"{_BRAND}(?:\s*(?:,|\bor\b|\band\b)\s*{_BRAND})*"
# Products a brand list may name ("Gels rubbed into the skin include Oestrogel").
_PRODUCT_NOUN = (
    r"tablets?|capsules?|patch(?:es)?|gels?|sprays?|inhalers?|injections?|pens?|creams?|"
    r"rings?|pessar(?:y|ies)|products?|versions?|preparations?|formulations?"
)
_BRAND_PATTERN = re.compile(
    r"\b(?:(?i:brand names?|trade names?|other names?|brands?|sold|marketed|available|supplied)"
    r"\s*(?:\w+\s+){0,3}?,?\s*(?:like|such as|including|include|includes|are|as|under|called|"
    r"named|:)"
    r"[\s*_]+"
    r"|(?i:brand names?|trade names?|brands?)\s+(?=[A-Z])"
    r"|(?i:generic (?:for|of|version of))\s+"
    # "Skin patches, changed twice a week, include Evorel and Estradot"
    rf"|(?i:{_PRODUCT_NOUN})\b[^.;:]{{0,50}}?\b(?i:include|includes|including|such as)\s+"
    # "a metered spray (Lenzetto)", "vaginal tablets (Vagifem, Vagirux)"
    rf"|(?i:{_PRODUCT_NOUN})\s*\(\s*(?=[^()]*\)))"
    rf"({_BRAND_LIST})"
)
# The label of a line that lists brands ("Brand names: Keflex, Ceporex", "Other brands: ...").
_BRAND_LABEL = re.compile(
    r"\W*(?:(?:other\s+|uk\s+|us\s+|common\s+)?(?:brand\s+names?|brands?|trade\s+names?)"
    r"(?:\s+(?:you\s+(?:might|may|will|can)\s+see|in\s+the\s+(?:uk|us)|include))?|"
    r"also\s+sold\s+as)\W*",
    re.IGNORECASE,
)
# A bare list of capitalised names ("Robaxin, Robaxin-750"), as under a "Brand names" heading.
_NAME_LIST = re.compile(_BRAND_LIST)
# A word before a brand that says what kind of product it is ("Generic Cipro").
_GENERIC_WORD = re.compile(r"^(?:Generic|Branded|Original|Other)\s+")
_NOTE = re.compile(r"\s*\([^()]*\)|®")
# A name given as a combination ("Synjardy (with metformin)") is no brand of the drug alone.
_COMBINATION = re.compile(r"^\s*\(\s*(?:with|plus|\+)\b", re.IGNORECASE)
# The drug's own name followed by a bracket of capitalised names: "Warfarin (Coumadin,
# Jantoven)", "levothyroxine (Synthroid, Levoxyl – it's the same hormone)", "Cipro (also
# Ciproxin outside the US)".
_NAMED_IN_BRACKET = re.compile(
    rf"\(\s*(?:also\s+)?({_BRAND_LIST})\s*(?:\)|[–—-]\s|\s(?:in|outside|elsewhere)\b[^()]*\))"
)
# side effects name the body ("white patches in your mouth"), not what the drug comes as
_NO_FORMS = QUIET_SECTIONS | {
    Section.INTERACTIONS,
    Section.SIDE_EFFECTS,
    Section.COMMON_SIDE_EFFECTS,
    Section.SERIOUS_SIDE_EFFECTS,
    Section.OVERDOSE,  # "treatment is with intravenous glucose": the antidote's form
}
# a colour or a feel before a form word says what the skin or mouth shows ("white patches")
_BODY_MARK = re.compile(
    r"\b(?:white|red|pink|dark|brown|yellow|grey|gray|dry|itchy|scaly|bald|raised|rough|"
    r"sore|flaky|discoloured|discolored)\s+$",
    re.IGNORECASE,
)
_NO_MECHANISM = QUIET_SECTIONS | {Section.INTERACTIONS}


def _mentions_drug(passage: Passage, unit: Unit) -> bool:
    text = unit.text.lower()
    names = (passage.drug.lower(), *components(passage.drug), *passage.aliases)
    if any(name in text for name in names):
        return True
    # "It works by ...", "More precisely, it blocks ...": the drug as the subject
    return bool(re.match(r"^(?:[\w\s']{0,40}[,;:]\s*)?(it|it's|this|is|the drug)\b", text))


# A unit that is only a noun phrase naming a class ("A tetracycline antibiotic."), as an
# answer opens, is about the drug.
_CLASS_PHRASE = re.compile(r"^\W*(?:an?|the)\s+(?:[\w-]+\s+){0,3}[\w-]+\W*$", re.IGNORECASE)
# A clause that says the drug is not used as the class ("advise against using it as a sleeping
# tablet", "it is not a benzodiazepine").
_DENIED_CLASS = cue(r"\b(?:not|never|against|instead\s+of|rather\s+than)\b[^.;:]{0,40}$")


def _head_class(match: TermMatch, text: str) -> str | None:
    """The wider class the last word of a class name names: a "fluoroquinolone antibiotic" is
    an antibiotic, a "nitrofuran antibacterial" too."""
    words = text[match.start : match.end].split()
    if len(words) < 2:
        return None
    head = vocabulary("drug_class_names").lookup(words[-1])
    return head.term if head is not None and head.term != match.key else None


# a head word after a class name that makes the class what the drug acts on
_TARGET_OF_CLASS = re.compile(
    r"\s+(?:receptor\s+)?(?:antagonists?|blockers?|inhibitors?)\b", re.IGNORECASE
)


def _own_classes(passage: Passage, unit: Unit, given: bool) -> list[TermMatch]:
    """Class names the unit says the drug belongs to: after a class cue ("is a", "belongs
    to"), not another medicine's ("unlike", "such as") nor denied; every class name when the
    unit is `given` as the drug's class (a key-facts row)."""
    found = []
    for match in passage.asserted(unit, "drug_class_names"):
        if _TARGET_OF_CLASS.match(unit.text, match.end):
            continue  # "an opioid antagonist": opioids are what it blocks, not its class
        before = unit.text[max(0, match.start - 60) : match.start]
        if given or (
            _cue_reaches(before)
            and not _NOT_OWN_CLASS.search(before)
            and not _DENIED_CLASS.search(before)
            and not _other_subject(passage, unit.text[: match.start])
        ):
            found.append(match)
    return found


# what may stand between a class cue and the class it introduces: a few words, no clause
_CUE_GAP = re.compile(r"^(?:\s*[\w'’()\"“”/-]+){0,5}\s*$")
_RESTATED = re.compile(r"\s*[\w-]+(?:\s+[\w-]+){0,2}\s*,\s*(?:an?|the|or)\s+")
_GAP_BREAK = re.compile(r"[,;:]|\b(?:that|which|who|at|on)\b", re.IGNORECASE)


def _cue_reaches(before: str) -> bool:
    """Whether a class cue stands close before the class name: "is a", "belongs to the"
    within a few words, not "is a medicine that helps people stay off opioids"."""
    cues = list(_CLASS_CUE.finditer(before))
    if not cues:
        return False
    gap = before[cues[-1].end() :]
    if _RESTATED.fullmatch(gap):
        return True  # "is an SSRI, a selective serotonin reuptake inhibitor"
    return bool(_CUE_GAP.match(gap)) and not _GAP_BREAK.search(gap)


def _other_subject(passage: Passage, before: str) -> bool:
    """Whether the clause before a class name is about another medicine and not this one
    ("Paracetamol is the best painkiller to use with it")."""
    clause = re.split(r"[.;:]", before)[-1]
    said = _CLASS_CUE.search(clause)
    subject = clause[: said.start()] if said else clause  # "Paracetamol" of "Paracetamol is a"
    lowered = subject.lower()
    own = any(name and name in lowered for name in passage.names)
    return passage.names_other_drug(subject) and not own


def extract_drug_classes(passage: Passage) -> list[ExtractedFact]:
    """DRUG_CLASS facts: a key-facts class row, or a class the text says the drug belongs to
    (and the wider class a class name ends in)."""
    if passage.section in QUIET_SECTIONS or passage.kind is BlockKind.HEADING:
        return []
    facts = []
    for index, unit in enumerate(passage.units):
        row = passage.section is Section.DRUG_CLASS
        phrase = index == 0 and bool(_CLASS_PHRASE.match(unit.text))
        if not row and not phrase and not _mentions_drug(passage, unit):
            continue
        for match in _own_classes(passage, unit, row or phrase):
            facts.append(passage.fact(FactKind.DRUG_CLASS, match.key, unit))
            head = _head_class(match, unit.text)
            if head is not None:
                facts.append(passage.fact(FactKind.DRUG_CLASS, head, unit))
        if not row and not any(fact.evidence.start == unit.start for fact in facts):
            facts.extend(
                passage.fact(FactKind.DRUG_CLASS, name, unit)
                for name in _open_classes(passage, unit)
            )
    return facts


# "Montelukast is a leukotriene receptor antagonist": a class the vocabulary does not know,
# named by a kind-of-medicine head word (not "an inhibitor of CYP3A4": a mechanism)
_OPEN_CLASS = re.compile(
    r"\b(?:is|belongs\s+to|(?:comes?|is)\s+from|(?:medicine|drug)\s+from)\s+(?:a|an|the)\s+(?:(?:type|kind|class|group|family)\s+"
    r"of\s+(?:medicines?\s+|drugs?\s+)?(?:called\s+|known\s+as\s+)?(?:an?\s+)?|(?:group|family)\s+"
    r"(?:called|known\s+as)\s+)?((?:[a-z0-9][\w-]*\s+|\([^()]{1,20}\)\s+){0,4}?(?:antagonist|"
    r"inhibitor|agonist|blocker|antimetabolite|corticosteroid|glucocorticoid|antibiotic|antiviral|"
    r"antifungal|diuretic|stimulant|modulator|analogue|analog|antibody|glycoside|retinoid|"
    r"antiarrhythmic|antidiarrh(?:o)?eal|relaxant)s?)\b(?!\s+(?:of|at|on|for)\b)",
    re.IGNORECASE,
)


# "Dapagliflozin is a medicine from the group called ...": the drug named as a medicine first
# (the match opens at "medicine from")
_AS_A_MEDICINE = r"(?:is\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?)?"
# a plural head word and a route before an open class: "oral retinoids" is "retinoid"
_OPEN_CLASS_ROUTE = re.compile(r"^(?:oral|topical|inhaled|injectable)\s+")


def _open_classes(passage: Passage, unit: Unit) -> list[str]:
    """Classes the vocabulary lacks that the unit says the drug is ("X is a ..."), its name
    (or "it") the subject right before, never denied ("is not a steroid")."""
    if is_question(unit.text) or is_advert(unit.text):
        return []
    names = (passage.drug.lower(), *components(passage.drug), *passage.aliases, "it")
    found = []
    for match in _OPEN_CLASS.finditer(unit.text):
        subject = unit.text[max(0, match.start() - 40) : match.start()].lower()
        if _DENIED_CLASS.search(subject) or not any(
            re.search(rf"\b{re.escape(name)}\W*(?:\([^()]*\)\s*)?{_AS_A_MEDICINE}$", subject)
            for name in names
            if name
        ):
            continue
        if passage.claims(unit, match.start(1), match.end(1), "drug_class_names"):
            name = _OPEN_CLASS_ROUTE.sub(
                "", " ".join(_NOTE.sub("", match.group(1)).lower().split())
            )
            known = vocabulary("drug_class_names").lookup(name)  # "angiotensin-converting
            if known is not None:  # enzyme (ACE) inhibitor" is the ACE inhibitor it names
                found.append(known.term)
            else:
                found.append(name[:-1] if name.endswith("s") and not name.endswith("ss") else name)
    return found


def _own_class_named(passage: Passage, text: str) -> bool:
    """Whether the text names a medicine group the drug belongs to ("Statins work by ...")."""
    own = groups_of(passage.drug)
    return bool(own) and bool(medicine_groups().classes_named(text) & own)


def _other_medicine(passage: Passage, unit: Unit, match: TermMatch) -> bool:
    """Whether a mechanism term stands inside the name of a medicine group the drug is not
    in ("or SGLT2 inhibitors" on a sulfonylurea's page, "the other kind of calcium channel
    blocker" on a beta blocker's page). A medicine named inside the term is a substance the
    mechanism acts on ("more sensitive to insulin", "release more insulin"), not another
    medicine's name."""
    own = groups_of(passage.drug)
    for agent in passage.matches(unit, AGENTS):
        inside = match.start < agent.start or agent.end < match.end
        if agent.start < match.end and match.start < agent.end and not inside:
            named = medicine_groups().classes_named(unit.text[agent.start : agent.end])
            if named and not named & own:
                return True
    return False


# A class named by what it does to its target ("proton pump inhibitor", "leukotriene receptor
# antagonist") names the drug's mechanism too.
_ACTION_CLASS = re.compile(
    r"\b(?:inhibitor|antagonist|agonist|blocker|modulator|analogue|analog)s?$", re.IGNORECASE
)
# The bare action terms of the vocabulary: the target written right before them ("folic acid
# antagonist", "a leukotriene receptor antagonist") makes the open term.
_BARE_ACTIONS = frozenset({"agonist", "antagonist", "partial agonist"})
_NOT_TARGET = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "as",
        "it",
        "its",
        "this",
        "that",
        "which",
        "who",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "to",
        "by",
        "with",
        "in",
        "on",
        "for",
        "at",
        "from",
        "also",
        "acts",
        "act",
        "acting",
        "works",
        "work",
        "working",
        "drug",
        "medicine",
        "medication",
        "type",
        "kind",
        "class",
        "group",
        "called",
        "known",
        "potent",
        "powerful",
        "strong",
        "weak",
        "competitive",
        "reversible",
        "irreversible",
        "specific",
        "highly",
        "very",
        "new",
        "newer",
        "older",
        "main",
        "mainly",
    ]
)
_TARGET_WORD = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _open_action_term(text: str, match: TermMatch, terms: list[TermMatch]) -> str | None:
    """The target and action a bare action word ends ("folic acid antagonist"), when
    lowercase target words the vocabulary does not read ("H1 receptor" is a term of its own)
    stand right before it; None when none do."""
    words = text[: match.start].split(" ")[:-1] if text[: match.start].endswith(" ") else []
    target: list[str] = []
    for word in reversed(words[-3:]):
        if not _TARGET_WORD.match(word) or word in _NOT_TARGET:
            break
        target.insert(0, word)
    reach = match.start - len(" ".join(target)) - 1
    if not target or set(target) <= {"receptor", "receptors"}:
        return None
    if any(reach <= term.end <= match.start and term is not match for term in terms):
        return None
    return _singular(" ".join([*target, text[match.start : match.end].lower()]))


def _singular(phrase: str) -> str:
    return phrase[:-1] if _ACTION_CLASS.search(phrase) and phrase.endswith("s") else phrase


def _mechanism_classes(passage: Passage, unit: Unit, row: bool) -> list[TermMatch]:
    """The drug's own classes a how-it-works unit names by their action ("an SSRI", "a
    proton pump inhibitor"), one per class; a class named for its use or chemistry
    ("anticoagulant", "corticosteroid") says nothing of how it works."""
    found: dict[str, TermMatch] = {}
    for match in _own_classes(passage, unit, row):
        if _ACTION_CLASS.search(_class_words(unit.text, match)):
            found.setdefault(match.key, match)
    return list(found.values())


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _class_words(text: str, match: TermMatch) -> str:
    """A class name as written, in lower case, without a bracketed abbreviation the
    vocabulary reads with it ("selective serotonin reuptake inhibitor (SSRI)")."""
    return " ".join(_TRAILING_NOTE.sub("", text[match.start : match.end]).lower().split())


# What a class name may add to the terms inside it and still be read by them: "receptor" and
# punctuation. "Inhibitor" is no vocabulary term: "proton pump inhibitor" says more than
# "proton pump" (held-out writers list such classes as mechanisms).
_UNREAD_WORDS = re.compile(r"(?i)\breceptors?\b|[\W_]")


def _read_as_terms(text: str, found: TermMatch, terms: list[TermMatch]) -> bool:
    """Whether mechanism terms cover every word of the class name at `found` ("GABA-B
    receptor agonist" is "gaba-b" and "agonist"): the terms say it, the class adds nothing."""
    inside = [t for t in terms if found.start <= t.start and t.end <= found.end]
    rest = list(text[found.start : found.end])
    for term in inside:
        rest[term.start - found.start : term.end - found.start] = " " * (term.end - term.start)
    return bool(inside) and not re.sub(_UNREAD_WORDS, "", "".join(rest))


_APPOSITION = re.compile(r",\s+(?:a|an)\s+$", re.IGNORECASE)


def _glosses_term(text: str, match: TermMatch, terms: list[TermMatch]) -> bool:
    """Whether the term only explains the term right before it ("blocks factor Xa, a clotting
    factor,"): the target is the term named, not the kind it is said to be."""
    gap = _APPOSITION.search(text, 0, match.start)
    return gap is not None and any(term.end == gap.start() for term in terms)


def _held_by_longer(text: str, match: TermMatch, terms: list[TermMatch]) -> bool:
    """Whether a longer term of the same sentence holds the term's words ("so histamine cannot
    act" beside "blocks histamine H1 receptors"): the longer one says it."""
    words = text[match.start : match.end].lower()
    return any(
        other.end - other.start > match.end - match.start
        and other.key != match.key
        and re.search(rf"\b{re.escape(words)}\b", text[other.start : other.end].lower())
        for other in terms
    )


def extract_mechanism_terms(passage: Passage) -> list[ExtractedFact]:
    """MECHANISM_TERM facts from how-it-works text: a how-it-works section, or a sentence
    with a mechanism cue about this drug or its own class; never a term said of another
    medicine (another drug's clause, another group's name) nor one in an interactions list.
    A class the statement names by its action is a term as written ("selective serotonin
    reuptake inhibitor"), and the targets inside it are not repeated; a bare action word
    takes the target written before it ("leukotriene receptor antagonist")."""
    if passage.section in _NO_MECHANISM:
        return []
    in_section = passage.section in (Section.MECHANISM, Section.DRUG_CLASS)
    facts = []
    for unit in passage.units:
        if not in_section and not (
            _MECHANISM_CUE.search(unit.text)
            and (_mentions_drug(passage, unit) or _own_class_named(passage, unit.text))
        ):
            continue
        terms = passage.asserted(unit, "mechanism_terms")
        classes = [
            found
            for found in _mechanism_classes(passage, unit, passage.section is Section.DRUG_CLASS)
            if not _read_as_terms(unit.text, found, terms)
        ]
        for found in classes:
            name = _class_words(unit.text, found)
            facts.append(passage.fact(FactKind.MECHANISM_TERM, _singular(name), unit))
        for match in terms:
            if (
                _other_medicine(passage, unit, match)
                or _glosses_term(unit.text, match, terms)
                or _held_by_longer(unit.text, match, terms)
                or any(c.start <= match.start and match.end <= c.end for c in classes)
            ):
                continue
            term = (
                _open_action_term(unit.text, match, terms) if match.key in _BARE_ACTIONS else None
            )
            facts.append(passage.fact(FactKind.MECHANISM_TERM, term or match.key, unit))
    return facts


# A form another product comes in is no form of this drug: "sun cream", "heparin injections".
_OTHER_PRODUCT = re.compile(
    r"\b(?:sun|barrier|moisturi[sz]ing|hand|nappy|diaper|ice|whipped|sour|soured)\s*$",
    re.IGNORECASE,
)
# A form the drug is said to spare or differ from: "there is no need for injections",
# "unlike heparin injections", "instead of a drip".
_NOT_ITS_FORM = re.compile(
    r"\b(?:no\s+need\s+(?:for|of)|without\s+(?:the\s+|any\s+)?need\s+(?:for|of)|instead\s+of|"
    r"rather\s+than|unlike)\s+(?:[\w-]+\s+){0,2}$|"
    # "it's not something you can take as a tablet", "is not available as a cream"
    r"(?:\bnot\b|n['’]t\b|\bnever\b)(?:(?!\bbut\b)[^.;,]){0,40}?\b(?:available|comes?|"
    r"take|taken|given|made|sold|supplied|used)\s+(?:as|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


# Another medicine named after the form ("diabetes tablets called sulfonylureas", "another
# water tablet called spironolactone") or before it with its form as an appositive
# ("denosumab, an injection every 6 months").
_NAMED_AFTER = re.compile(r"^[\w-]*\s*,?\s*(?:called|named|such\s+as|like|e\.g\.,?)\s+")
_APPOSITIVE_BEFORE = re.compile(
    r"([\w -]{1,30}?)\s*,\s*(?:a|an|the|given\s+as\s+an?)\s+(?:[\w-]+\s+){0,2}$"
)
# A plural form right after a condition or a medicine group names a kind of product, not
# this drug's form: "steroid tablets", "thrush creams and pessaries".
_PLURAL_FORM = re.compile(r"^[\w-]*s\b")


def _kind_of_product(passage: Passage, unit: Unit, start: int, end: int) -> bool:
    """Whether the plural form at unit.text[start:end] follows a condition or another medicine
    group at once ("diabetes tablets", "steroid tablets" on a page that is no steroid's)."""
    if not _PLURAL_FORM.match(unit.text[start:end].split()[-1]):
        return False
    own = groups_of(passage.drug)
    before = [
        *passage.matches(unit, "conditions"),
        *(
            agent
            for agent in passage.matches(unit, "interaction_agents")
            if not medicine_groups().classes_named(unit.text[agent.start : agent.end]) & own
        ),
    ]
    return any(m.end <= start and not unit.text[m.end : start].strip() for m in before)


def _another_products_form(passage: Passage, unit: Unit, start: int, end: int) -> bool:
    """Whether the form at unit.text[start:end] belongs to another product: a skin, sun or food
    product, another medicine named right before or after it ("heparin or enoxaparin
    injections", "tablets called sulfonylureas"), a kind of product ("diabetes tablets"), or
    one the drug is said to spare ("no need for injections")."""
    text = unit.text
    before = text[max(0, start - 40) : start]
    if _OTHER_PRODUCT.search(before) or _NOT_ITS_FORM.search(before):
        return True
    named_after = _NAMED_AFTER.match(text[end:])
    if named_after:
        name_start = end + named_after.end()
        if passage.names_other_drug(text[name_start : name_start + 30]):
            return True
    appositive = _APPOSITIVE_BEFORE.search(before)
    if appositive and passage.names_other_drug(appositive.group(1)):
        return True
    return passage.names_other_drug(re.split(r"[,;:.()]", before)[-1]) or _kind_of_product(
        passage, unit, start, end
    )


def extract_forms(passage: Passage) -> list[ExtractedFact]:
    """FORM facts: dosage forms and routes the text says the drug comes in; never the form of
    an interaction agent or another product named right before it."""
    if passage.section in _NO_FORMS:
        return []
    facts = []
    for unit in passage.units:
        agents = passage.matches(unit, "interaction_agents")
        for match in passage.asserted(unit, "forms"):
            if any(a.start < match.end and match.start < a.end for a in agents):
                continue
            if _another_products_form(passage, unit, match.start, match.end):
                continue
            if _BODY_MARK.search(unit.text, 0, match.start):
                continue
            facts.append(passage.fact(FactKind.FORM, match.key, unit))
    return facts


def _with_variant(text: str, start: int, end: int) -> str:
    """The brand at text[start:end] with a variant marker that follows it, if any."""
    variant = _BRAND_VARIANT.match(text, end)
    return text[start : variant.end()] if variant else text[start:end]


_PRODUCT_WORD = r"(?:\s+(?:tablets?|capsules?|injection|inhaler|oral|solution|[a-z]+ate|[a-z]+ide))"
# A name in such a bracket looks like a brand: capitalised, not an abbreviation ("(GABA)",
# "(CNS)", "(ER-alpha)").
_NAME_LIKE = re.compile(r"^[A-Z][a-z][\w-]*$")


def _second_ingredient(before: str, name: str) -> bool:
    """Whether `name` ends `before` as the second ingredient of a combination ("phentermine/
    topiramate (Qsymia)", "amlodipine and benazepril (Lotrel)"): the bracket is its brand."""
    joined = re.search(rf"(\S+)\s*(?:[/+]|\s-\s|\band\b)\s*{re.escape(name)}\b[^/]*$", before)
    return joined is not None and bool(find_drug_mentions(joined.group(1)))


def _bracketed_after_name(text: str, names: tuple[str, ...]) -> list[str]:
    """Lists of capitalised names in a bracket right after one of the drug's names (and a
    product word): "Warfarin (Coumadin, Jantoven)", "... Acetaminophen Tablets (Norco, Lortab)"."""
    found = []
    for match in _NAMED_IN_BRACKET.finditer(text):
        before = text[max(0, match.start() - 80) : match.start()].lower()
        if not any(
            name
            and re.search(rf"\b{re.escape(name)}{_PRODUCT_WORD}{{0,2}}\s*$", before)
            and not _second_ingredient(before, name)
            for name in names
        ):
            continue
        items = [_NOTE.sub("", m.group()).strip() for m in re.finditer(_BRAND, match.group(1))]
        if items and all(_NAME_LIKE.match(item.split()[0]) for item in items):
            found.append(match.group(1))
    return found


# a capitalised word or a letter right after a brand's word continues its name ("Plan B")
_NAME_GOES_ON = re.compile(r"[ \t]+(?:[A-Z][\w-]*)(?![\w-]*\s*:)")


def extract_brand_names(passage: Passage) -> list[ExtractedFact]:
    """BRAND_NAME facts: brands of the main drug named in the passage. A combination's brand
    names all its ingredients: "Tylenol" (acetaminophen) is no brand of hydrocodone with
    acetaminophen."""
    if passage.section in QUIET_SECTIONS:
        return []
    drug = generic_name(passage.drug)
    # a word of the generic name ("Valproate" of sodium valproate) is never a brand
    spoken = {drug, passage.drug.lower(), acid_as_anion(drug)}  # valproic acid: valproate
    names = {*spoken, *(word for name in spoken for word in name.split())}
    ingredients = frozenset(map(acid_as_anion, components(passage.drug)))

    def own(generic: str) -> bool:
        # the dictionary may name the drug by another of its names ("thyroxine" for
        # levothyroxine, as Synthroid's generic; "alendronate" for alendronic acid;
        # "cephalexin" for cefalexin): its canonical name counts
        return any(
            frozenset(map(acid_as_anion, components(name))) == ingredients
            or (len(ingredients) == 1 and (name == drug or _spelling_of(name, drug)))
            for name in (generic, canonical_drug_name(generic))
        )

    facts: list[ExtractedFact] = []
    label = ""
    for unit in passage.units:
        label, labelled = (unit.text, "") if unit.role == "label" else ("", label)
        brands = {
            _with_variant(unit.text, m.start, m.end): None
            for m in find_drug_mentions(unit.text)
            if own(m.generic)
            and m.is_brand
            and m.surface.lower() not in names
            and not _COMBINATION.match(unit.text[m.end :])
        }
        lists = [m.group(1) for m in _BRAND_PATTERN.finditer(unit.text)]
        bare = _NAME_LIST.fullmatch(unit.text.strip())
        heading = passage.kind is BlockKind.HEADING  # "Pharmacology" after "Trade names"
        if passage.section is Section.BRAND_NAMES and bare and unit.role != "label" and not heading:
            lists.append(unit.text.strip())  # a field's label ("Routes:") names no brand
        elif labelled and _BRAND_LABEL.fullmatch(labelled):
            listed = unit.text.strip().rstrip(".")  # "Brand names: Keflex, Ceporex."
            lists += [listed] if _NAME_LIST.fullmatch(listed) else []
        lists += _bracketed_after_name(unit.text, (*names, *ingredients, *map(str.lower, brands)))
        for found in lists:
            offset = unit.text.find(found)
            for item in re.finditer(_BRAND, found):
                name = _GENERIC_WORD.sub("", _NOTE.sub("", item.group()).strip())
                if _COMBINATION.match(item.group()[len(name) :]) or len(name) < 3:
                    continue
                if offset >= 0 and _NAME_GOES_ON.match(unit.text, offset + item.end()):
                    continue  # "Plan" of "Plan B One-Step": part of a longer name
                resolved = find_drug_mentions(name)
                ours = not resolved or own(resolved[0].generic)
                if name.lower() not in names and ours:
                    brands.setdefault(name, None)
        if passage.section is Section.BRAND_NAMES:
            for mention in find_drug_mentions(unit.text):
                if own(mention.generic) and mention.surface.lower() not in names:
                    brands.setdefault(_with_variant(unit.text, mention.start, mention.end), None)
        facts.extend(
            passage.fact(FactKind.BRAND_NAME, brand, unit)
            for brand in brands
            if not any(_spelling_of(brand, name) for name in names)
        )
    return facts


def _spelling_of(brand: str, generic: str) -> bool:
    """Whether a name is the generic name in another spelling ("Frusemide" for furosemide,
    "Ciclosporin", "cefalexin"): the same first letter, lengths at most one apart and at most two
    letters differing, in a name of six or more ("Roxicodone" is a brand of oxycodone and
    prednisone is no spelling of prednisolone)."""
    first, second = brand.lower(), generic.lower()
    if (
        min(len(first), len(second)) < 6
        or abs(len(first) - len(second)) > 1
        or first[0] != second[0]
        or first == second
    ):
        return False
    previous = list(range(len(second) + 1))
    for i, letter in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            )
        previous = current
    return previous[-1] <= 2
