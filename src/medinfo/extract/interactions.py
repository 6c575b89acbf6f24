"""Interactions: agents (substances, classes, named drugs) with severity and effect terms."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.names import fold, phonetic_key
from medinfo.extract.drug_names import DrugMention, find_drug_mentions, generic_name
from medinfo.extract.interaction_effects import (
    effects_at,
    effects_by_agent,
    joined,
    said_of_agent,
)
from medinfo.extract.negation import negated_spans
from medinfo.extract.passages import QUIET_SECTIONS, Passage, cue, is_question
from medinfo.extract.reading import is_advert
from medinfo.extract.sections import Section
from medinfo.extract.sentences import Unit
from medinfo.extract.terms import TermMatch
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.names import acid_twin

_CUE = cue(
    r"\b(interact|combin(?!ed (oral |hormonal )?(contraceptive )?pills?\b)"
    r"(?!ation (inhalers?|tablets?|pills?|products?|capsules?|medicines?)\b)|together with|"
    r"along with|mix|in combination with|while (taking|on|using)|"
    r"weakens?\b|makes? [^.;:]{1,80}? less effective|"
    r"add(s|ing)? to (the |its |their |your )?(sedati\w+|drows\w+|sleepiness|(side[- ])?effects?)|"
    r"(do not|don['’]t|never|not) (use|take|combine) (it |this( medicine)? )?(with|alongside)|"
    r"works? (more|less) (strongly|well|effectively)|"
    r"(stops?|reduces?|blocks?|prevents?|lowers?) [^.;:]{0,30}absorb|"
    r"need(s)? (a )?(higher|lower|bigger|smaller|different) ([\w-]+ )?dose|"
    r"(?<!not )(?<!n't )(stops?|stopping) (\w+ ){1,3}(from )?working|"
    r"when taken with|taken with|(take|takes|taking|use|using) (it|this medicine) with|"
    r"with alcohol|avoid|enhance|intensif|potentiat|(?<!more of a )(?<!less of a )"
    r"(concern|problem|danger)s? with|"
    r"(increase|raise|lower|reduce|decrease)s? (the )?(risk|effects?|effectiveness|levels?|"
    r"absorption|blood levels?)|levels? (can |may )?(rise|go up)|"
    # "can slow the liver's breakdown of metoprolol, which can push metoprolol levels up"
    r"slow(s|ing)? (down )?(the )?([\w'’]+ )?(breakdown|clearance|removal|elimination)|"
    r"push(es)? (\w+ ){0,2}levels? (up|down)|"
    # "other medicines that make you drowsy, such as lorazepam", "as the drowsiness adds up",
    # "ask a doctor before use if you take sedatives" (a medicine label's wording)
    r"(else|other|medicines?|drugs?|anything) (that )?(make|makes|making) you (sleepy|drowsy)|"
    r"(drowsiness|sedation|sleepiness|effects?) (\w+ )?adds? up|"
    r"before (use|using (it|this( medicine)?)) if you (take|are taking|use|are on)|"
    r"how (it|this medicine) is (processed|broken down)|should not be taken with|do not take|drink)"
)
# Sections about another topic name other medicines as alternatives or cover ("your doctor may
# cover you with another blood thinner"): there, only an explicit interaction counts.
_OTHER_TOPICS = frozenset(
    {Section.STOPPING, Section.PREGNANCY, Section.BREASTFEEDING, Section.MISSED_DOSE}
)
_INTERACT = cue(r"\binteract")
# Uses name the medicines given with it on purpose; brand lists name combination products.
_NO_COMBINATIONS = frozenset({Section.INDICATIONS, Section.BRAND_NAMES})
# What a product is made of ("Vicoprofen, which combines hydrocodone with ibuprofen", "a fixed
# combination of bupropion with naltrexone (Contrave)", "X combines A with B in one tablet")
# names no interaction.
# "the same applies to other sedatives: ...": a sentence that carries the interaction of the one
# before it over to more medicines
_SAME_APPLIES = cue(r"^\W*(the same|this|that) (also )?(applies|goes|is true|holds) (to|for)\b")
# A sentence that says the one before describes no interaction of the drug ("That isn't the
# varenicline interacting with them, it's the quitting").
_NEXT_DENIES = cue(
    r"^\W*(?:that|this|which|these|those|they)\s+(?:(?:is|are)\s*n['’]t|(?:is|are)\s+not|"
    r"['’](?:s|re)\s+not|do(?:es)?\s*(?:not|n['’]t))\b[^.;]{0,40}?\binteract"
)
# In an interactions section, a sentence of prose with none of these words names other medicines
# without saying they interact ("Some men try saw palmetto for prostate symptoms", "Tibolone
# is another HRT option").
_SAYS_SOMETHING = cue(
    r"\b(?:tell|check|ask|talk|speak|careful|caution|risk|levels?|effects?|may|can|could|might|"
    r"should|must|increase|reduce|raise|lower|dangerous|serious|bleed\w*|monitor|not|never|"
    r"avoid|problems?|stronger|weaker|less|more|contraindicat\w*|blood|longer|shorter|paus\w*|"
    r"stop\w*|hold|apart|separate\w*|spac\w*|hours?|affect\w*|chang\w*|slow\w*|speed\w*|"
    r"boost\w*|weaken\w*|block\w*|breaks?|clear\w*|keeps?|harm\w*|toxic\w*|safe\w*|fine|ok|"
    r"okay|ideal|worse|better|work\w*|effective|problem\w*|includ\w*|such\s+as|for\s+example|"
    r"associated|linked|deaths?|died|fatal|no|nope)\b|n['’]t\b|\be\.g\."
)
# "No reaction with alcohol. Even so, alcohol can make you feel worse": a concession after a
# denial is general advice about the same agent, not an interaction, unless it warns outright
# "**Alcohol:** there is no known interaction, though it can make dizziness worse": a
# description that opens by denying any interaction denies it for its label's agents
_OPENS_DENIAL = cue(
    r"^\W*(?:there\s+(?:is|are)\s+|it\s+has\s+)?no\s+(?:known\s+|significant\s+|important\s+|"
    r"direct\s+|real\s+)*interactions?\b|^\W*(?:it\s+)?(?:does\s*n['’]?t|does\s+not|do\s*n['’]?t|"
    r"do\s+not)\s+(?:\w+\s+)?interact\b"
)
_CONCESSION = cue(
    r"^\W*(even so|that said|still|having said that|all the same|however)\b|,\s*however,"
)
_OUTRIGHT = cue(r"\b(interact|avoid|do not|don't|never|must not|should not|dangerous)")
_COMPOSITION = cue(
    r"\b((which|that) combines|fixed[- ]combination|(combination (tablet|product|pill|medicine)s?|"
    r"combined (capsule|tablet|inhaler|product)s?) (of|containing|that))\b|"
    r"\bcombines?\b[^.;]{0,60}\bin (one|a single) "
    r"(tablet|pill|capsule|inhaler|product|dose)|"
    r"\b(component|ingredient|constituent) (of|in)\b[^.;]{0,60}\bcombination\b|"
    r"\bcombination (product |pill |tablet )?[\w-]+ ?/ ?[\w-]+|"
    # "it also comes in a combined tablet with metformin", "combined in some migraine tablets"
    r"\b(combined|combination) (capsule|tablet|inhaler|product|pill)s? with\b|"
    r"\bcombined in\b[^.;]{0,30}\b(tablets?|pills?|capsules?|products?|preparations?)\b|"
    # "some products combine it with pseudoephedrine": what a product is made of
    r"\b(products?|tablets?|brands?|versions?|preparations?|formulations?|pills?|inhalers?)\b"
    r"[^.;]{0,90}\bcombine[sd]?\s+(it|them)\s+with\b|"
    # a fact box's "Combination: Inegy (with simvastatin)" line names a product's partner
    r"^\W*combinations?(\s+(products?|tablets?|pills?|brands?))?\s*[:|]"
)
# A paragraph labelled "Interactions:" lists agents, whatever section it stands in.
_LABEL = re.compile(r"^\W*(drug )?interactions?\s*:", re.IGNORECASE)
_MAJOR = cue(
    r"\b(avoid|dangerous|serious|severe|life-threatening|fatal|death|never|do not|should not|"
    r"must not|respiratory depression)"
)
_CONTRAINDICATED = cue(r"\bcontraindicated\b")
_NOT_CONTRAINDICATED = cue(r"\bnot\s+(?:\w+\s+)?contraindicated\b")
_MINOR = cue(r"\b(minor|mild|slight)\b")
# A study's measurements ("in healthy volunteers ... AUC rose 4-fold", "-18 mmHg versus -17")
# report what was seen, not the advice: the label's interaction sections state that.
_STUDY_REPORT = cue(
    r"\b(healthy (male |female )?(volunteers|subjects)|AUC|C ?max|mmHg|"
    r"pharmacokinetic (study|studies)|in a (drug[- ])?(drug )?interaction study)"
)
# "other statins", "another beta blocker": the drug's own class named as other medicines
_OTHER_BEFORE = re.compile(r"\b(other|another|second|additional|more than one)\s+(\w+\s+)?$", re.I)
# a class in brackets right after a drug name labels the drug: "Fusidic acid (antibiotic)"
_DESCRIBES_DRUG = re.compile(
    r"[A-Za-z]\s*\(\s*(?:an?\s+|the\s+)?(?:(?:other|same|kind|type|sort)\s+(?:of\s+)?){0,3}"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
_CLOSES = re.compile(r"\s*\)")
_Agent = tuple[str, str, str]  # agent, agent_type, default severity
# A medicine recommended as the choice ("paracetamol is the usual choice for pain", "X is
# generally preferred", "is a safer painkiller", "suggested Y instead") is an alternative,
# and one the reader is told they can have ("you can drink alcohol while taking it") is fine,
# not an interaction: its clause names no agent ("fine to take together" is read as
# compatible, reading.json).
_RECOMMENDED = re.compile(
    r"\b(?:(?:usual|usually|first|safer|safest|better|best|preferred)\s+(?:choice|option)|"
    r"(?:is|are)\s+(?:generally\s+|usually\s+|often\s+)?preferred|instead\b|"
    r"(?:is|are)\s+(?:an?\s+|the\s+)?(?:generally\s+|usually\s+)?(?:safer|safest)\b|"
    r"\byou\s+can\s+(?:safely\s+|still\s+|usually\s+)?(?:drink|have|take)\b|"
    r"(?:is|are)\s+(?:an?\s+)?(?:\w+\s+)?alternatives?\b)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:while|whereas)\b")
# ... "although more than 2 g a day can push the INR up": the caveat is the interaction
_CAVEAT = re.compile(r"\b(?:but|although|though|however|except|unless)\b", re.IGNORECASE)
# Advice to space two medicines ("take them later in the day", "two hours apart"): a companion
# taken on purpose still interacts when its timing must be kept apart.
_SPACED = re.compile(
    r"\b(?:later\s+in\s+the\s+day|apart|separately|at\s+a\s+different\s+time|"
    r"\d+\s+hours?\s+(?:before|after|between))\b",
    re.IGNORECASE,
)
_FORM_WORD = re.compile(
    r"capsules?|tablets?|injections?|solutions?|suspensions?|creams?|gels?|patch(?:es)?|"
    r"inhalers?|sprays?|drops|syrups?|ointments?",
    re.IGNORECASE,
)
_SOME_BEFORE = re.compile(r"\b(?:some|certain|strong|particular)\s+(?:\w+\s+)?$", re.IGNORECASE)
_MEMBERS_AFTER = re.compile(
    r"\s*(?:\(|,?\s*(?:such\s+as|like|e\.g\.|including|for\s+example)\b)", re.IGNORECASE
)
# "antidepressants called MAOIs": the class is named by the narrower one after it
_NAMED_NARROWER = re.compile(r"\s+(?:called|known\s+as)\s", re.IGNORECASE)
# a lab test the drug upsets names no interaction ("false-positive urine screens for X")
_TEST_RESULT = cue(
    r"\b(false[- ]positive|false[- ]negative|(drug|urine|lab(oratory)?) (screens?|tests?))"
)
# "statin levels", "the antibiotic's effects": the class word qualifies another noun
_NOT_AN_AGENT = re.compile(
    r"^\s*(effects?|properties|side|activities|levels?|concentrations?|doses?|dosage)\b",
    re.IGNORECASE,
)


@cache
def _own_cue(drug: str) -> re.Pattern[str]:
    """What another medicine does to the drug itself, named ("raise carbamazepine levels",
    "levels of zolpidem", "opioids plus zolpidem", "morphine with pregabalin can ...")."""
    own = "|".join(re.escape(n) for n in sorted({drug, generic_name(drug)}, key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:raise|increase|lower|reduce|boost|push up)s?\s+(?:the\s+)?(?:blood\s+)?"
        rf"(?:{own})(?:'s)?\s+(?:blood\s+)?(?:levels?|concentrations?)|"
        rf"(?:{own})(?:'s)?\s+(?:blood\s+)?levels?\s+(?:up|down|rise|go up|fall|drop)|"
        rf"(?:levels?|concentrations?)\s+of\s+(?:{own})|plus\s+(?:{own})|(?:{own})\s+plus|"
        rf"with\s+(?:{own})\s+(?:can|may|could|might|will)|"
        rf"(?:{own})\s+(?:with|and)\s+[\w-]+\s+(?:together\s+)?(?:can|may|could|might))\b",
        re.IGNORECASE,
    )


# "You can drink alcohol, but it can make heartburn worse": allowed, with a caveat
_ALLOWED_BUT = cue(
    r"\b(?:you\s+can|you\s+may|it['’]s\s+(?:fine|ok|okay|safe)\s+to|it\s+is\s+(?:fine|ok|okay|safe)"
    r"\s+to)\s+(?:still\s+|usually\s+|safely\s+|normally\s+)?(?:drink|take|use|have)\b[^.;]{0,60}?\bbut\b"
)


def _severity(text: str, default: str) -> str:
    if _CONTRAINDICATED.search(text) and not _NOT_CONTRAINDICATED.search(text):
        return "contraindicated"
    if _MAJOR.search(text):
        return "major"
    if _MINOR.search(text) or _ALLOWED_BUT.search(text):
        return "minor"
    return default


def _own_groups(drug: str) -> frozenset[str]:
    """The agent keys of the drug classes the document's own drug belongs to (a class with a
    class term and no usual interaction of its own: statins, beta blockers; not the effect
    groups such as CNS depressants, which name what it adds to)."""
    groups = medicine_groups()
    own = (groups.groups[gid] for gid in groups.groups_of(drug))
    return frozenset(
        group.agent
        for group in own
        if group.agent is not None
        and group.class_term is not None
        and group.interaction.severity is None
    )


@cache
def _all_own_groups(drug: str) -> frozenset[str]:
    """The agent keys of every drug class the document's own drug belongs to."""
    groups = medicine_groups()
    own = (groups.groups[gid] for gid in groups.groups_of(drug))
    return frozenset(group.agent for group in own if group.class_term is not None and group.agent)


# "They stop the antibiotic being absorbed", "abruptly stopping an antipsychotic": one of the
# drug's classes, singular after an article, is the drug itself
_THE_BEFORE = re.compile(r"\b(?:the|this|your|an?)\s+$", re.IGNORECASE)


def _names_itself(drug: str, text: str, match: TermMatch) -> bool:
    return (
        match.key in _all_own_groups(drug)
        and bool(_THE_BEFORE.search(text[: match.start]))
        and not text[match.start : match.end].lower().endswith("s")
    )


def _own_class_names(drug: str) -> frozenset[str]:
    """The names of the classes the drug belongs to that have no usual interaction of their own
    ("estrogen" in an estradiol page is the drug itself, not another medicine)."""
    groups = medicine_groups()
    names: set[str] = set()
    for gid in groups.groups_of(drug):
        group = groups.groups[gid]
        if group.class_term is None or group.interaction.severity is not None:
            continue
        names.update(n.lower() for n in (group.class_term, group.label, *group.aliases) if n)
    return frozenset(names)


# "converted in the liver to estrone", "its active metabolite": what the body makes of the drug
_METABOLITE_BEFORE = re.compile(
    r"\b(?:converted|changed|broken\s+down|metaboli[sz]ed|turned)\s+(?:\w+\s+){0,4}?(?:in)?to\s+"
    r"(?:an?\s+|the\s+|its\s+)?(?:active\s+)?$|\bmetabolites?\s+(?:called\s+)?$",
    re.IGNORECASE,
)
# "must take a progestogen as well": a medicine given with it on purpose, not an interaction
_TAKEN_WITH_BEFORE = re.compile(
    r"\b(?:must|should|need\s+to|needs\s+to|have\s+to|has\s+to)\s+(?:also\s+)?"
    r"(?:take|use|be\s+given|be\s+prescribed)\s+(?:an?\s+|some\s+)?$",
    re.IGNORECASE,
)
# A treatment regimen ("together with clarithromycin and omeprazole, it is used to clear H.
# pylori", "given with methotrexate for rheumatoid arthritis") names medicines taken with the
# drug on purpose; unless the sentence also warns, they are no interactions.
_REGIMEN = cue(
    r"\b(?:together|along|in\s+combination|combined)\s+with\b[^.;]*\b(?:used|given|prescribed)"
    r"\s+(?:to|for|in)\b|\b(?:used|given|prescribed)\s+(?:together\s+|along\s+|in\s+"
    r"combination\s+)?with\b[^.;]*\b(?:to\s+(?:treat|clear|cure|eradicate|prevent|kill)|for\s+"
    r"(?:the\s+)?(?:treatment|eradication|prevention))\b|"
    # "Lithium and valproate are used together with it in bipolar depression", "on its own or
    # added to lithium"
    r"\b(?:used|given|prescribed|taken)\s+(?:together\s+|along\s+|in\s+combination\s+)?with\s+"
    r"(?:it|this(?:\s+medicine)?)\s+(?:in|for)\s+\w|"
    r"\b(?:on\s+its\s+own|alone)\s+or\s+(?:added\s+to|with|alongside)\b|"
    # "it can be used on its own or together with lithium for mania"
    r"\b(?:used|given|prescribed)\s+(?:(?:alone|on\s+its\s+own)\s+or\s+)?(?:together|along|"
    r"in\s+combination)\s+with\b[^.;]*\bfor\s+\w|"
    # "it is prescribed to treat ulcers and, together with antibiotics, H. pylori"
    r"\b(?:used|given|prescribed)\s+(?:to\s+(?:treat|clear|cure|prevent)|for)\b[^.;]*\b(?:together|"
    r"along|in\s+combination)\s+with\b|"
    # "the antibiotics are given with it on purpose, as part of the same treatment"
    r"\bon\s+purpose\b|\bas\s+part\s+of\s+(?:the\s+same|a|the|one|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:treatment|regimen|therapy|course)\b|"
    # "it is combined with doxycycline for brucellosis"
    r"\b(?:is|are|be|been)\s+(?:\w+\s+)?combined\s+with\b[^.;]*\bfor\s+\w|"
    # "specialists sometimes use it in combination with other medicines"
    r"\b(?:use|uses|give|gives|prescribe|prescribes)\s+(?:it|them)\s+(?:together\s+|along\s+|"
    r"in\s+combination\s+)with\b"
)
_WARNS = cue(
    r"\b(?:interact|avoid|do\s+not|don't|should\s+not|must\s+not|never|risk|increase|raise|"
    r"reduce|lower|danger|caution|careful)"
)
# A companion taken on purpose beside the drug ("many people with angina take aspirin
# alongside it", "some people take it together with a water tablet", "you will usually take
# it together with spironolactone", "it is also given to people who take steroid tablets"): a
# clause that says so and warns of nothing names no interaction.
_COMPANION = cue(
    r"\b(?:(?:usually|often|commonly|routinely|normally|generally|also)\s+(?:be\s+)?"
    r"(?:take|taken|given|prescribed|used)\s+(?:it\s+|them\s+)?(?:together\s+with|alongside|"
    r"along\s+with)|(?:many|most|lots\s+of)\s+(?:people|patients)\b[^.;]{0,50}\b(?:take|use|"
    r"are\s+on|are\s+(?:prescribed|given))\b[^.;]{0,40}\b(?:alongside|as\s+well)|"
    # "some people take it together with a water tablet"
    r"(?:many|most|some|lots\s+of)\s+(?:people|patients)\s+(?:[\w-]+\s+){0,3}?(?:take|use)\s+"
    r"(?:it|them|this)\s+(?:together\s+with|alongside|along\s+with|with)|"
    r"(?:may|might|will|can)\s+also\s+be\s+(?:given|prescribed)\b|(?:given|prescribed|recommended)\s+(?:to|"
    r"for)\s+(?:people|patients|those|anyone)\s+(?:who\s+(?:take|use|are\s+on)|taking|on)|"
    r"(?:prescribed|taken|used)\s+alongside|"
    # "your doctor may prescribe finasteride on its own or together with another medicine"
    r"(?:prescribe|prescribes|give|gives)\s+(?:[\w-]+\s+){1,5}?(?:together\s+with|alongside))\b"
)
_COMPANION_END = re.compile(r"[.;:!?]|,\s+(?:and|but|while|whereas|so)\b")
_TAKEN_WITH_AFTER = re.compile(r"^\s+(?:as\s+well|too|in\s+addition|alongside)\b", re.IGNORECASE)


# "rifamycin allergy", "allergic to penicillin": an allergy to a medicine, not a combination
_ALLERGY_BEFORE = re.compile(r"\b(?:allergic|allergy|allergies|hypersensitivity)\s+to\s+$", re.I)
_ALLERGY_AFTER = re.compile(r"^[\s-]+(?:allergy|allergies|allergic|hypersensitivity)\b", re.I)


# "if you switch between ciclosporin and tacrolimus": a change of medicine, not a combination
_SWITCH_BEFORE = re.compile(
    r"\bswitch\w*\s+(?:\w+\s+)?(?:between|from)\s+(?:[\w-]+\s+(?:and|or|to)\s+)?$",
    re.IGNORECASE,
)


def _not_another_medicine(text: str, start: int, end: int) -> bool:
    """Whether a medicine named at text[start:end] is what the body makes of the drug, one
    the text says to take with it on purpose, one the person is allergic to, or one of two
    medicines switched between."""
    before = text[:start]
    return bool(
        _SWITCH_BEFORE.search(before)
        or _METABOLITE_BEFORE.search(before)
        or (_TAKEN_WITH_BEFORE.search(before) and _TAKEN_WITH_AFTER.match(text[end:]))
        or _ALLERGY_BEFORE.search(before)
        or _ALLERGY_AFTER.match(text[end:])
    )


def _own_names(drug: str) -> frozenset[str]:
    """The drug's generic name and, for a combination ("fluticasone/salmeterol"), each of
    its parts, and their acid or anion twin ("alendronic acid" in an alendronate page), as
    sound-alike keys (cefalexin is cephalexin): none of them interacts with the drug itself."""
    names = {generic_name(drug), *medicine_groups().generics_of(drug)}
    names |= {twin for name in names if (twin := acid_twin(name))}
    return frozenset(phonetic_key(fold(name)) for name in names)


# "low-dose aspirin", "extended-release niacin": the same medicine at another strength or form
_STRENGTH_BEFORE = re.compile(
    r"^(?:(?:low|high|lower|higher|full|standard)[- ]dose|(?:extended|modified|sustained|"
    r"immediate|delayed)[- ]release)\s+(?=\S)",
    re.IGNORECASE,
)


def _without_form(generic: str) -> str:
    """A dictionary name without the dosage form a brand carries ("isotretinoin capsules")
    or the strength or release words before it ("low-dose aspirin")."""
    words = _STRENGTH_BEFORE.sub("", generic).split()
    while len(words) > 1 and _FORM_WORD.fullmatch(words[-1]):
        words.pop()
    return " ".join(words)


def _only_kind_of(text: str, match: TermMatch, members: list[int]) -> bool:
    """Whether a class is named only as the kind of the members named right after it ("some
    antibiotics (erythromycin)", "strong antifungals such as ketoconazole", "antidepressants
    called MAOIs"): the members interact, not every medicine of the class. `members` are the
    starts of the named drugs and agents of the unit."""
    narrower = _NAMED_NARROWER.match(text, match.end)
    if narrower is not None and narrower.end() in members:
        return True
    return bool(
        _SOME_BEFORE.search(text[: match.start]) and _MEMBERS_AFTER.match(text[match.end :])
    )


def _recommended(text: str) -> list[tuple[int, int]]:
    """The clauses of `text` that recommend a medicine or call taking it fine (_RECOMMENDED),
    unless a caveat follows in the same sentence."""
    spans = []
    for found in _RECOMMENDED.finditer(text):
        ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, found.start())]
        after = _CLAUSE_END.search(text, found.end())
        end = after.start() if after else len(text)
        if not _CAVEAT.search(text, found.end(), end):
            spans.append((ends[-1] if ends else 0, end))
    return spans


def _companions(text: str) -> list[tuple[int, int]]:
    """The clauses of `text` naming a medicine taken on purpose beside the drug (_COMPANION),
    unless the clause warns or a caveat or advice to space the two follows in the sentence."""
    spans = []
    for found in _COMPANION.finditer(text):
        ends = [m.end() for m in _COMPANION_END.finditer(text, 0, found.start())]
        start = ends[-1] if ends else 0
        after = _COMPANION_END.search(text, found.end())
        end = after.start() if after else len(text)
        rest = text[found.end() :]
        if not _WARNS.search(text, start, end) and not (
            _CAVEAT.search(rest) or _SPACED.search(rest)
        ):
            spans.append((start, end))
    return spans


# A substance named as what sets off the illness ("chocolate and red wine are some people's
# migraine triggers", "booze is a trigger for lots of us"), not as an interaction.
_TRIGGER_AFTER = re.compile(
    r"[^.;:()]{0,30}?\b(?:is|are)\s+(?:a\s+|an\s+|some\s+people['’]s\s+|common\s+|known\s+)?"
    r"(?:[\w-]+\s+)?triggers?\b",
    re.IGNORECASE,
)
# Another medicine offered instead ("baclofen is the usual alternative", "domperidone is a
# similar anti-sickness medicine"), not taken with it.
_ALTERNATIVE_AFTER = re.compile(
    r"[^.;:()]{0,30}?\b(?:is|are)\s+(?:the|an?|another)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:alternatives?|options?|choices?|substitutes?)\b|"
    r"[^.;:()]{0,30}?\b(?:is|are)\s+(?:an?\s+)?similar\s+(?:[\w-]+\s+){0,2}?"
    r"(?:medicines?|drugs?|medications?|treatments?)\b",
    re.IGNORECASE,
)
# "These are alternatives, not medicines to take alongside it": the medicines the sentences
# before it named are other options, not interactions
_THESE_ALTERNATIVES = cue(
    r"^\W*(?:these|they|those|both)\s+(?:are|were)\s+(?:\w+\s+){0,2}?(?:alternatives?|options?|"
    r"substitutes?)\b"
)
# Another medicine it is compared with ("fewer than its older relative cimetidine", "less
# sedating than older antihistamines such as chlorphenamine").
_COMPARED_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:to|with))\s+(?:its\s+|the\s+)?(?:older\s+|newer\s+)?"
    r"(?:(?:relatives?|cousins?|predecessors?|counterparts?)\s+|"
    r"(?:[\w-]+\s+){0,2}[\w-]+s\s+(?:such\s+as|like|including)\s+(?:[\w-]+\s+(?:or|and)\s+)?)?$",
    re.IGNORECASE,
)
# "its older relative cimetidine, which can affect warfarin": what another medicine interacts
# with, said in a clause about it.
_NAME_BEFORE_BRACKET = re.compile(r"\b[A-Za-z][\w-]+\s*\(\s*$")
_WHICH_AFTER_NAME = re.compile(r"([A-Za-z][\w-]+)\s*,?\s+which\b(?P<rest>[^.;]*)$")
# "You can take paracetamol and ibuprofen with it, but if you need ibuprofen for more than a
# few days ...": the medicines named before "with" go together with the drug, save those the
# caveat names again.
_LIST_SPLIT = re.compile(r",|\band\b|\bor\b", re.IGNORECASE)
_CAN_TAKE_BUT = cue(
    r"\byou\s+can\s+(?:also\s+|still\s+|safely\s+|usually\s+|normally\s+)?(?:take|use)\s+"
    r"(?P<named>[^.;]+?)\s+(?:with|alongside)\b[^.;]*?\bbut\b(?P<caveat>[^.;]*)"
)


def _named_apart(passage: Passage, text: str, start: int, end: int) -> bool:
    """Whether the medicine at text[start:end] is named apart from taking it with the drug:
    as an illness trigger, an alternative, a medicine compared with, or in a clause about
    another medicine."""
    return bool(
        _TRIGGER_AFTER.match(text, end)
        or _ALTERNATIVE_AFTER.match(text, end)
        or _other_drugs_clause(passage, text, start)
    )


def _other_drugs_clause(passage: Passage, text: str, start: int) -> bool:
    """Whether text[start] names a medicine it is compared with ("fewer than its older
    relative cimetidine") or stands in a relative clause about another medicine
    ("cimetidine, which can affect warfarin"), with this drug not named between; a brand
    in brackets after such a medicine ("chlorphenamine (Piriton)") goes with it."""
    if _COMPARED_BEFORE.search(text, 0, start):
        return True
    bracketed = _NAME_BEFORE_BRACKET.search(text, 0, start)
    if bracketed and _other_drugs_clause(passage, text, bracketed.start()):
        return True
    which = _WHICH_AFTER_NAME.search(text, 0, start)
    if which is None:
        return False
    if not passage.names_other_drug(which.group(1)):
        return False
    between = which.group("rest").lower()
    return not any(name and name in between for name in (passage.drug.lower(), *passage.names))


# "alcohol does not react with it directly, but heavy drinking makes bleeding more likely":
# no direct reaction, and still a harm together
_NOT_DIRECTLY_BUT = cue(
    r"\b(?:not|n['’]t)\s+(?:\w+\s+){0,2}(?:interact|react)\w*\b[^.;]{0,40}?\bdirectly\b"
    r"[^.;]*?\bbut\b"
)


def _fine_before_caveat(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is one that "you can take ... with it, but ..."
    allows while the caveat names another of them again (a caveat naming none of them
    holds for all: "You can take aspirin with it, but the bleeding risk goes up")."""
    allowed = _CAN_TAKE_BUT.search(text)
    if allowed is None or not allowed.start("named") <= start < allowed.end("named"):
        return False
    caveat = allowed.group("caveat").lower()
    items = [item.strip().lower() for item in _LIST_SPLIT.split(allowed.group("named"))]
    return text[start:end].lower() not in caveat and any(item and item in caveat for item in items)


def _agents(passage: Passage, unit: Unit) -> tuple[list[_Agent], list[_Agent], dict[str, int]]:
    """The agents the unit names (agent, agent_type, default severity), outside condition
    names: those it states an interaction with, and those it says do not interact, and where
    in the unit each stated agent is first named."""
    conditions = passage.matches(unit, "conditions")
    own = _own_groups(passage.drug)
    found: list[_Agent] = []
    denied: list[_Agent] = []
    named_at: dict[str, int] = {}
    asserted = passage.asserted(unit, "interaction_agents")
    reading = passage.reading(unit)
    terms = passage.matches(unit, "interaction_agents")
    negated_terms = negated_spans(unit.text, [(m.start, m.end) for m in terms])
    qualified = {  # "an MAOI antidepressant": the head word of the narrower class named
        match.start
        for previous, match in pairwise(terms)
        if previous.end < match.start and not unit.text[previous.end : match.start].strip()
    }
    members = [m.start for m in terms] + [m.start for m in find_drug_mentions(unit.text)]
    recommended = _recommended(unit.text) + _companions(unit.text)
    for match, is_negated in zip(terms, negated_terms, strict=True):
        if any(c.start <= match.start and match.end <= c.end for c in conditions):
            continue
        if any(start <= match.start < end for start, end in recommended):
            continue
        if match.start in qualified or _only_kind_of(unit.text, match, members):
            continue
        if _NOT_AN_AGENT.match(unit.text[match.end :]):
            continue
        if match.key in own and not _OTHER_BEFORE.search(unit.text[: match.start]):
            continue  # "while on a statin" in a statin's page is the drug itself
        if _names_itself(passage.drug, unit.text, match):
            continue
        if _DESCRIBES_DRUG.search(unit.text[: match.start]) and _CLOSES.match(
            unit.text[match.end :]
        ):
            continue  # "fluconazole (an antifungal)" names the drug; the class is its label
        if _not_another_medicine(unit.text, match.start, match.end):
            continue
        if _named_apart(passage, unit.text, match.start, match.end):
            continue  # "red wine is a migraine trigger", "baclofen is the usual alternative"
        defaults = match.term.defaults
        agent = (
            match.key,
            str(defaults.get("agent_type", "class")),
            str(defaults.get("severity", "moderate")),
        )
        if match in asserted and _fine_before_caveat(unit.text, match.start, match.end):
            denied.append(agent)
        elif match in asserted:
            found.append(agent)
            named_at.setdefault(agent[0], match.start)
        elif (
            (is_negated or reading.within("negated", match.start, match.end))
            and not reading.within("other_subject", match.start, match.end)
        ) or reading.within("compatible", match.start, match.end):
            denied.append(agent)  # "does not interact with X", "X is fine to continue"
    taken = [*passage.matches(unit, "interaction_agents"), *passage.matches(unit, "side_effects")]
    itself = _own_names(passage.drug)
    own_classes = _own_class_names(passage.drug)
    mentions: list[DrugMention] = [
        mention
        for mention in find_drug_mentions(unit.text)
        if phonetic_key(fold(_without_form(mention.generic))) not in itself
        and not (
            mention.surface.lower() in own_classes
            and not _OTHER_BEFORE.search(unit.text[: mention.start])
        )
        and not _not_another_medicine(unit.text, mention.start, mention.end)
        and not any(t.start < mention.end and mention.start < t.end for t in taken)
        and not any(start <= mention.start < end for start, end in recommended)
        and not _named_apart(passage, unit.text, mention.start, mention.end)
    ]
    negated = negated_spans(unit.text, [(m.start, m.end) for m in mentions])
    for mention, is_negated in zip(mentions, negated, strict=True):
        agent = (_without_form(mention.generic), "drug", "moderate")
        # "studies found no meaningful interaction with warfarin" denies it; "had no effect on
        # the levels of warfarin" speaks of one direction only
        denies = reading.within("negated", mention.start, mention.end) and _INTERACT.search(
            unit.text
        )
        if is_negated or denies:
            if not reading.within("other_subject", mention.start, mention.end):
                denied.append(agent)  # "unlike X, which ..." denies nothing of X
        elif _fine_before_caveat(unit.text, mention.start, mention.end):
            denied.append(agent)
        elif passage.claims(unit, mention.start, mention.end, "interaction_agents"):
            found.append(agent)
            named_at.setdefault(agent[0], mention.start)
        elif reading.within("compatible", mention.start, mention.end):
            denied.append(agent)
    return found, denied, named_at


def _label_said_harmless(passage: Passage, index: int) -> bool:
    """Whether a list item's label ("**Metformin**: commonly combined") is described as going
    together with the drug harmlessly: what the description says of the label's agent."""
    unit = passage.units[index]
    following = passage.units[index + 1 : index + 2]
    if unit.role != "label" or not following or following[0].role != "description":
        return False
    return any(start == 0 for start, _ in passage.reading(following[0]).spans.get("compatible", ()))


def _described_denied(passage: Passage, index: int) -> set[str]:
    """The agents the description after a list item's label says do not interact ("**Warfarin:**
    my wife's worry. Studies found no meaningful interaction with warfarin."); all the
    label's agents when the description opens by denying any interaction."""
    denied = _label_agents_denied(passage, index + 1)
    for unit in _descriptions(passage, index):
        if not _NOT_DIRECTLY_BUT.search(unit.text):  # "not directly, but ...": still a harm
            denied += _agents(passage, unit)[1]
    return {agent for agent, _type, _default in denied}


def _label_agents_denied(passage: Passage, index: int) -> list[_Agent]:
    """The agents of the label before a description that opens by denying any interaction."""
    unit = passage.units[index]
    if unit.role != "description" or index == 0 or not _OPENS_DENIAL.search(unit.text):
        return []
    label = passage.units[index - 1]
    if label.role != "label" or label.block is not unit.block:
        return []
    found, named, _ = _agents(passage, label)
    return [*found, *named]


def _descriptions(passage: Passage, index: int) -> list[Unit]:
    """The description units after a list item's label ("Alcohol: best avoided ...")."""
    label = passage.units[index]
    described = []
    for unit in passage.units[index + 1 :]:
        if unit.role != "description" or unit.block is not label.block:
            break
        described.append(unit)
    return described


def _label_of(passage: Passage, index: int) -> str:
    """The label a description unit follows in its list item ("Other medicines it weakens:
    warfarin, ..."), or ""."""
    unit = passage.units[index]
    if unit.role != "description":
        return ""
    for before in reversed(passage.units[:index]):
        if before.block is not unit.block:
            return ""
        if before.role == "label":
            return before.text
    return ""


def _says_nothing(passage: Passage, unit: Unit) -> bool:
    """Whether a sentence of prose in an interactions section names medicines without saying
    anything of them together: no interaction cue, no effect, no advice."""
    if passage.section is not Section.INTERACTIONS or passage.kind is not BlockKind.PARAGRAPH:
        return False
    if unit.role in ("label", "description", "cell") or len(unit.text.split()) < 6:
        return False
    text = unit.text
    return not (_CUE.search(text) or _SAYS_SOMETHING.search(text) or effects_at(passage, unit))


def extract_interactions(passage: Passage) -> list[ExtractedFact]:
    """INTERACTION facts (attrs agent_type, severity, effect_terms) from the passage, and
    NO_INTERACTION facts for agents it says do not interact."""
    if passage.section in QUIET_SECTIONS or passage.section in _NO_COMBINATIONS:
        return []
    in_section = passage.section is Section.INTERACTIONS or bool(
        _LABEL.match(passage.units[0].text)
    )
    if passage.kind is BlockKind.HEADING:
        return []
    facts: list[ExtractedFact] = []
    own_cue = _own_cue(passage.drug)
    carried = False  # the unit before stated an interaction ("The same applies to ...")
    just_denied: set[str] = set()  # the agents the unit before said do not interact
    options_from = next(
        (i for i, u in enumerate(passage.units) if _THESE_ALTERNATIVES.search(u.text)), -1
    )
    for index, unit in enumerate(passage.units):
        stated, carried = carried, False
        conceded, just_denied = just_denied, set()
        if is_question(unit.text) or is_advert(unit.text) or _STUDY_REPORT.search(unit.text):
            continue
        if _label_said_harmless(passage, index):
            continue
        if _TEST_RESULT.search(unit.text) and not _INTERACT.search(unit.text):
            continue
        if _COMPOSITION.search(unit.text) and not _INTERACT.search(unit.text):
            continue
        if _REGIMEN.search(unit.text) and not _WARNS.search(unit.text):
            continue
        cued = (
            in_section
            or _CUE.search(unit.text)
            or _CUE.search(passage.lead)
            or own_cue.search(unit.text)
            or _CUE.search(_label_of(passage, index))
            or own_cue.search(_label_of(passage, index))
            or (stated and _SAME_APPLIES.search(unit.text))
            # "- **Alcohol:** best avoided ...": a label takes the cue of its description
            or (
                unit.role == "label"
                and any(_CUE.search(u.text) for u in _descriptions(passage, index))
            )
        )
        # "X is fine to take with it" says what does not interact, wherever it stands
        compatible = bool(passage.reading(unit).spans.get("compatible"))
        if not cued and not compatible:
            continue
        if passage.section in _OTHER_TOPICS and not _INTERACT.search(unit.text):
            continue  # "safer antibiotics exist" in a pregnancy section compares, not combines
        found, denied, named_at = _agents(passage, unit)
        if _NOT_DIRECTLY_BUT.search(unit.text) and effects_at(passage, unit):
            found, denied = [*found, *(a for a in denied if a not in found)], []
            for agent, _type, _default in found:
                named_at.setdefault(agent, unit.text.lower().find(agent))
        following = passage.following(unit)
        denied_next = following is not None and bool(_NEXT_DENIES.search(following.text))
        options = index < options_from
        found = (
            found if cued and not (denied_next or options or _says_nothing(passage, unit)) else []
        )
        if unit.role == "label":  # "**Alcohol:** there is no reaction ...": a topic, not a claim
            found = [agent for agent in found if agent[0] not in _described_denied(passage, index)]
        label_denied = _label_agents_denied(passage, index)
        if label_denied:  # "... though alcohol can make dizziness worse" concedes, not claims
            denied = [*denied, *(a for a in label_denied if a not in denied)]
            found = [agent for agent in found if agent[0] not in {a[0] for a in label_denied}]
        if conceded and _CONCESSION.search(unit.text) and not _OUTRIGHT.search(unit.text):
            found = [agent for agent in found if agent[0] not in conceded]
        just_denied = {agent for agent, _type, _default in denied}
        # a list item is about its agents throughout ("Amiodarone, sotalol. Tolterodine can
        # affect the QT interval, so ..."): the effects of each of its sentences are theirs
        others = passage.units if passage.kind is BlockKind.LIST_ITEM else [unit]
        elsewhere = [key for u in others if u is not unit for _, _, key in effects_at(passage, u)]
        own_effects = effects_at(passage, unit)
        # several agents in one unit: each its own effects and severity ("clopidogrel (avoid
        # the combination), warfarin (bleeding risk may rise)")
        several = len(named_at) > 1 and unit.role != "label"
        by_agent = effects_by_agent(unit.text, named_at, own_effects) if several else {}
        said_of = said_of_agent(unit.text, named_at) if several else {}
        unit_effects = [key for _, _, key in own_effects]
        # "**Pimozide:** must not be taken with it": a label's agents take the severity its
        # sentence gives them
        graded = following if unit.role == "label" and following is not None else unit
        carried = bool(found)
        for agent, agent_type, default in found:
            facts.append(
                passage.fact(
                    FactKind.INTERACTION,
                    agent,
                    unit,
                    agent_type=agent_type,
                    severity=_severity(said_of.get(agent, graded.text), default),
                    effect_terms=joined(by_agent.get(agent, unit_effects), elsewhere),
                )
            )
        for agent, agent_type, _default in denied:
            facts.append(passage.fact(FactKind.NO_INTERACTION, agent, unit, agent_type=agent_type))
    return facts
