"""Terms that only describe another: the signs of a side effect or condition, and words
that name something else ("decreased sweating", "a weight-loss pill")."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from medinfo.extract.terms import TermMatch

# What comes between a side effect and the terms that describe it: "Low sodium (confusion,
# headache)", "Serotonin syndrome, with agitation and fever", "low sodium in the blood, with
# confusion", "high blood pressure, which may cause a headache", "signs of liver problems such
# as nausea". Those terms are symptoms of the first one, not side effects of their own.
_EXPLAINS = re.compile(
    r"(?:\s+(?:in|of|on|the|your|blood|body|levels?)\b){0,4}\s*(\(|[,:]?\s*(with|causing|"
    r"marked by|shown by|(?:which|that)\s+(?:may|can|might|could|often|will)\s+"
    r"(?:cause|show\s+(?:up\s+)?as|lead\s+to|feel\s+like|bring\s+on|present\s+with|"
    r"start\s+with|begin\s+with))\b|:\s)",
    re.IGNORECASE,
)
# "with" straight after the effect, no comma or bracket between (see `_symptom_starts`)
_BARE_WITH = re.compile(r"\s+with\s", re.IGNORECASE)
_WITH_CONDITION = re.compile(
    r"\s+with\s+(?:(?:a|an|very|severe|dangerously|too)\s+)*$", re.IGNORECASE
)
_SIGNS_OF = re.compile(r"\b(signs?|symptoms?) of\s+(an?\s+|the\s+)?$", re.IGNORECASE)
_EXAMPLES = re.compile(r"\s*,?\s*(such as|like|including|e\.g\.)\s", re.IGNORECASE)
_GOES_ON = re.compile(r"[\s,]*((and|or)\s+)?$", re.IGNORECASE)
# "(swollen lips, mouth or throat, difficulty breathing)": the list goes on through the other
# parts of an item before the next sign
_LIST_GOES_ON = re.compile(r"(?:[\s,]*(?:(?:and|or)\s+)?[a-z]+){1,3}[\s,]*(?:(?:and|or)\s+)?")


_BRACKET = re.compile(r"\(([^()]{2,80})\)")
_COMMENT_BRACKET = re.compile(r"\s*\([^()]*\)")
_ITEM_BREAK = re.compile(r"[,;:]")
# a bracket or a clause that calls the one item before it a sign ("(a sign that ...)", "(a
# sign of ...)", "..., or confusion with headaches, which can be a sign of low sodium")
_ONE_SIGN = re.compile(
    r"\(\s*(?:this\s+(?:is|can\s+be|may\s+be)\s+)?an?\s+(?:early\s+|warning\s+)?sign\b|"
    r"[,;]\s*(?:which|that)\s+(?:can|may|might|could|is)\s+(?:be\s+)?an?\s+(?:early\s+|warning\s+)?"
    r"sign\b",
    re.I,
)

# A list of symptoms followed by the condition they are signs of, as the cue says: "nausea,
# vomiting or stomach pain - possible ketoacidosis".
_NAMED_AFTER = re.compile(
    r"\s[–—-]\s*(?:(?:this|these|that|it|they)\s+)?(?:possibl[ey]|probably|a\s+sign\s+of|"
    r"signs?\s+of|could\s+(?:be|mean)|may\s+(?:be|mean)|might\s+(?:be|mean))\b|"
    # "rash, blisters or mouth sores – rare but serious skin reactions such as SJS", "chest
    # pain or slurred speech – high doses raise the risk of heart attack and stroke"
    r"\s[–—-]\s*(?:(?:an?|the)\s+)?(?:rare\s+but\s+|rare,?\s+)?(?:serious|severe|dangerous|"
    r"life[- ]threatening)\s+(?!side\s+effects?\b)[a-z]|"
    r"\s[–—-]\s[^–—()]{0,60}?\b(?:raises?|increases?)\s+(?:the|your)\s+risk\s+of\b|"
    # "..., this could be bleeding in the brain" (not ", which may be severe": a comment),
    # ", which may mean a change in heart rhythm called QT prolongation", "(rarely this can
    # be a heart attack)"
    r"[,;]\s*(?:as\s+)?(?:this|these)\s+(?:could|may|might|can)\s+(?:be|mean)\b|"
    r"[,;]\s*(?:which|that)\s+(?:could|may|might|can)\s+mean\b|"
    # ", which can be serotonin syndrome" (not ", which can be severe": a comment)
    r"[,;]\s*(?:which|that)\s+(?:could|may|might|can)\s+be\s+(?!(?:very|severe|serious|"
    r"dangerous|life[- ]threatening|fatal|permanent|rare|mild|common|temporary|worse|"
    r"signs?|symptoms?|a\s+sign|an?\s+(?:early|warning)|treated|a\s+problem|due|caused)\b)|"
    r"\(\s*(?:\w+\s+)?(?:this|these|it)\s+(?:could|may|might|can)\s+(?:be|mean)\b|"
    # "... or fainting (escitalopram can prolong the QT interval)": the cause named in brackets
    r"\(\s*(?:[\w-]+\s+){0,2}(?:could|may|might|can)\s+(?:cause|prolong|lengthen|lead\s+to|"
    r"trigger|bring\s+on)\b|"
    # "... or bleeding (this may be a sign of a blood disorder)", ", which can be signs of X"
    # (a bare ", signs of X" is one more item of the list)
    r"(?:\(\s*(?:this|these|which|that|they|it)?|(?:[,;]|\s[–—-])\s*(?:this|these|which|that|"
    r"they|it))\s*(?:can|may|might|could|would|is|are)?\s*(?:also\s+)?(?:be\s+)?(?:an?\s+)?"
    r"(?:early\s+|possible\s+|warning\s+)?(?:signs?|symptoms?)\s+(?:of|that|your|you)\b|"
    r"\(\s*(?:possibl[ey]|probably)\b",
    re.IGNORECASE,
)


# A list of symptoms closed by the name of the condition they are signs of, in brackets: "fever,
# purple spots on the skin or confusion (a rare blood disorder)". Words that make the bracket a
# comment rather than a name ("usually mild", "especially at first") keep the list.
_NAME_IN_BRACKETS = re.compile(
    r"\(([^()]{2,80})\)(?:\W*$|\s*;|\s*,\s*(?:especially|particularly|mainly|usually|if|when|"
    r"which|that)\b)",
    re.IGNORECASE,
)
_LISTED = re.compile(r",|\b(or|and)\b", re.IGNORECASE)
_NAME_COMMENT = re.compile(r",|;|\s[–—-]\s")
_COMMENT_WORDS = re.compile(
    r"\b(usually|especially|often|mostly|mainly|mild|rare|rarely|may|might|can|could|if|when|"
    r"first|weeks?|days?|months?|e\.?g|such|like|including|for example|see|common|commonly|"
    r"during|only|very|a type of|also called|known as|\d)\b",
    re.IGNORECASE,
)


# "DRESS, which can present with fever, rash and swollen glands": what follows are its signs,
# wherever the condition's own name ends (a bracketed abbreviation may come between)
_PRESENTS_WITH = re.compile(
    r"[,;]?\s*(?:which|that)\s+(?:may|can|might|could|often|will|usually)\s+(?:present|show\s+up|"
    r"start|begin)\s+(?:with|as)\s",
    re.IGNORECASE,
)
# a clause of its own in a list of warnings: "...; you have a fit; ..."
_CLAUSE_BREAK = re.compile(r";")
# "pale skin and tiredness (a type of anaemia called haemolytic anaemia)": the bracket names
# the condition the listed signs point to
_CALLED_IN_BRACKETS = re.compile(
    r"^\s*(?:an?\s+)?(?:type|kind|form|sort)\s+of\s+[\w\s-]{2,40}?\s+(?:called|known\s+as)\s",
    re.IGNORECASE,
)

# "Symptoms include muscle pain, ..." right after a sentence naming a side effect: the signs of
# that effect, not effects of their own
_SIGNS_SENTENCE = re.compile(
    r"^\W*(?:its\s+|the\s+|early\s+|warning\s+)*(?:signs?|symptoms?)"
    r"(?:\s+of\s+(?:it|this|these|that))?(?:\s+(?:can|may|might|often|usually))?\s+"
    r"(?:include|includes|are|to\s+(?:watch|look)\s+(?:out\s+)?for\s+(?:include|are))\b",
    re.IGNORECASE,
)
# "confusion or muscle cramps from low sodium": the cause named after its signs
_CAUSED_BY = re.compile(r"\s(?:caused by|due to|because of|from)\s", re.IGNORECASE)


def _signs_of_named(listed: bool, inside: list[TermMatch], before: list[TermMatch]) -> bool:
    """Whether a bracket lists the signs of the serious conditions named before it ("psychosis
    or mania (hallucinations, paranoid thoughts)"), not the name of what the signs before it
    point to."""
    return (
        listed
        and bool(inside)
        and bool(before)
        and all(m.term.defaults.get("serious") is True for m in before)
    )


def _named_in_brackets(text: str, matches: list[TermMatch]) -> int | None:
    """Where a closing bracket naming the condition a list of symptoms signals opens, or None."""
    bracket = _NAME_IN_BRACKETS.search(text)
    # a comment after the name ("Fournier's gangrene, very rare") leaves it a name
    if bracket is None:
        return None
    name = _NAME_COMMENT.split(bracket.group(1))[0]  # "(interstitial lung disease – rare)"
    if _COMMENT_WORDS.search(name) and not _CALLED_IN_BRACKETS.match(name):
        return None
    clause = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, bracket.start())), default=0)
    named = [m for m in matches if bracket.start() < m.start and m.end < bracket.end()]
    before = [m for m in matches if clause <= m.start < bracket.start()]
    if _signs_of_named(bool(_LISTED.search(bracket.group(1))), named, before):
        return None
    if named and not any(m.term.defaults.get("serious") is True for m in named):
        # a usual effect's name glosses the item right before it ("..., and skin that burns
        # easily in the sun (photosensitivity)"); a list of signs points to a serious one
        clause = max(
            (b.end() for b in _LISTED.finditer(text, clause, bracket.start())), default=clause
        )
    before = [m for m in matches if clause <= m.start and m.end <= bracket.start()]
    if not before or not _LISTED.search(text, clause, bracket.start()):
        return None
    return bracket.start()


def _called_conditions(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of the terms of a list item that a bracket after them names as the signs of one
    condition ("pale skin and tiredness (a type of anaemia called haemolytic anaemia), ...")."""
    signs: set[int] = set()
    for bracket in _BRACKET.finditer(text):
        if not _CALLED_IN_BRACKETS.match(bracket.group(1)):
            continue
        breaks = _ITEM_BREAK.finditer(text, 0, bracket.start())
        item = max((b.end() for b in breaks), default=0)
        signs |= {m.start for m in matches if item <= m.start and m.end <= bracket.start()}
    return signs


def _closing_condition(text: str, matches: list[TermMatch]) -> set[int] | None:
    """Starts of a list of signs that a serious condition after a bare "with" closes
    ("dizziness, headache and feeling sick with very low sodium"), else None."""
    last = matches[-1] if len(matches) > 2 else None
    if (
        last is None
        or last.term.defaults.get("serious") is not True
        or text[last.end :].strip(" .;:!")
    ):
        return None
    gap = text[matches[-2].end : last.start]
    if "," in gap or not _WITH_CONDITION.search(gap):
        return None
    clause = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, last.start)), default=0)
    signs = {m.start for m in matches[:-1] if clause <= m.start}
    return signs if len(signs) > 1 else None


# a bracket guessing at one condition ("(possibly X)"); "(this may be a sign of X)" and
# "(these can be signs of X)" may speak of the whole list
_ONE_NAME = re.compile(r"\(\s*(?:possibl[ey]|probably)\b", re.IGNORECASE)


def _glosses_last_item(text: str, matches: list[TermMatch], named: re.Match[str]) -> bool:
    """Whether a bracket naming a condition ("(possibly bleeding in the brain)") closes a list
    whose earlier items are mostly serious conditions of their own ("black stools, vomiting blood,
    a sudden bad headache (possibly ...)"): then it glosses only its own item."""
    if not _ONE_NAME.match(named.group()):
        return False
    clause = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, named.start())), default=0)
    item = max((b.end() for b in _ITEM_BREAK.finditer(text, clause, named.start())), default=0)
    own = any(item <= m.start < named.start() for m in matches)
    earlier = [m.term.defaults.get("serious") is True for m in matches if clause <= m.start < item]
    # most of them serious: "agitation, hallucinations, sweating, shivering or a high
    # temperature (possible serotonin syndrome)" lists that one condition's signs
    return own and sum(earlier) * 2 > len(earlier)


def _symptom_starts(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of the terms that only describe a side effect named before or after them."""
    named_after = [named for named in _NAMED_AFTER.finditer(text) if named.start() > 0]
    if named_after:
        signs: set[int] = set()
        for named in named_after:
            # "..., fainting, breathlessness with swollen legs (a sign that ...)": one item's
            one_item = _ONE_SIGN.match(named.group()) or _glosses_last_item(text, matches, named)
            breaks = (_ITEM_BREAK if one_item else _CLAUSE_BREAK).finditer(text, 0, named.start())
            clause = max((b.end() for b in breaks), default=0)
            signs |= {match.start for match in matches if clause <= match.start < named.start()}
        return signs
    called = _called_conditions(text, matches)
    if called:
        return called
    presents = _PRESENTS_WITH.search(text)
    if presents and any(match.end <= presents.start() for match in matches):
        return {match.start for match in matches if match.start >= presents.end()}
    bracket = _named_in_brackets(text, matches)
    if bracket is not None:
        clause = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, bracket)), default=0)
        return {match.start for match in matches if clause <= match.start and match.end <= bracket}
    closing = _closing_condition(text, matches)
    if closing is not None:
        return closing
    cause = _CAUSED_BY.search(text)
    if cause and any(match.start >= cause.end() for match in matches):
        # the signs of its own clause: "fainting; weakness from high potassium"
        breaks = _CLAUSE_BREAK.finditer(text, 0, cause.start())
        clause = max((b.end() for b in breaks), default=0)
        return {match.start for match in matches if clause <= match.start < cause.start()}
    described: set[int] = set()
    describing = within_item = False
    for previous, match in pairwise(matches):
        gap = text[previous.end : match.start]
        # a bracketed comment between two signs ("(especially of the face)") ends no list
        listed_gap = _COMMENT_BRACKET.sub("", gap)
        goes_on = bool(_GOES_ON.fullmatch(listed_gap) or _LIST_GOES_ON.fullmatch(listed_gap))
        # "a rash with blisters or peeling skin, fever or swollen glands": a term written
        # with its own signs goes on listing them
        signed_term = bool(_BARE_WITH.search(text, previous.start, previous.end)) and goes_on
        own_item = (
            (within_item or signed_term)
            and "," in gap
            and match.term.defaults.get("serious") is True
        )
        if describing and goes_on and not own_item:
            described.add(match.start)
            continue
        # "(EGPA, formerly Churg-Strauss) with a flu-like illness, rash": the bracket that
        # named the condition closes before its signs
        gap = gap.lstrip()[1:] if gap.lstrip().startswith(")") else gap
        describing = (
            ")" not in gap
            and not own_item
            and bool(
                _EXPLAINS.match(gap)
                or (_SIGNS_OF.search(text, 0, previous.start) and _EXAMPLES.match(gap))
                or signed_term
            )
        )
        # "allergic reactions with lip swelling, seizures": after a bare "with", a serious
        # effect past a comma is an item of its own, not one more sign
        within_item = describing and bool(_BARE_WITH.match(gap) or signed_term)
        if describing:
            described.add(match.start)
    return described


def _compound_heads(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of terms that end a compound with the term just before them ("C. difficile
    infection", "C. difficile diarrhoea"): part of that term, not an effect of their own."""
    return {
        match.start
        for previous, match in pairwise(matches)
        if previous.end < match.start and not text[previous.end : match.start].strip()
    }


# "high temperature, agitation, shaking and confusion together": signs that make up one
# condition when they come together, not effects of their own ("taken together" joins drugs)
_TOGETHER = re.compile(
    r"(?<!taken )(?<!take )(?<!taking )(?<!used )(?<!using )(?<!given )(?<!combined )"
    r"\b(?:all\s+)?(?:together|at\s+the\s+same\s+time)\b(?!\s+with)",
    re.IGNORECASE,
)
# "These can be signs of serotonin syndrome." after a list of symptoms: the list's terms are
# that condition's signs
_SIGNS_AFTER = re.compile(
    r"^\W*(?:these|this|they|all\s+of\s+these|such\s+symptoms)\s+(?:(?:can|may|could|might|"
    r"would|are|is)\s+)?(?:all\s+)?(?:also\s+)?(?:be\s+)?(?:an?\s+)?(?:early\s+|possible\s+|"
    r"warning\s+)?(?:signs?|symptoms?)\s+(?:of|that)\b",
    re.IGNORECASE,
)
# "Warning signs of something more serious, such as stomach cancer, include weight loss...":
# what follows the verb are the signs of the thing named, not side effects
_SIGNS_OF_INCLUDE = re.compile(
    r"^\W*(?:the\s+)?(?:(?:early|warning|main|first)\s+)*(?:signs?|symptoms?)\s+of\s+"
    r"[^.;:]{1,80}?\s+(?:(?:can|may|might|often|usually)\s+)?(?:include|includes|are)\b",
    re.IGNORECASE,
)
# "a multi-organ allergic reaction called DRESS": the name after "called" is the effect, the
# words before it describe it
_CALLED = re.compile(r"\s+(?:called|known\s+as|named)\s+(?:an?\s+|the\s+)?", re.IGNORECASE)


def describing_starts(text: str, matches: list[TermMatch], following: str = "") -> set[int]:
    """Starts of the terms of `text` that only describe a side effect (its signs, the words
    before its name) or the signs of a condition named in `text` or in the sentence
    `following` it ("These can be signs of ...")."""
    if _SIGNS_AFTER.match(following):
        return {match.start for match in matches}
    signs_of = _SIGNS_OF_INCLUDE.match(text)
    starts = {m.start for m in matches if signs_of and m.start >= signs_of.end()}
    together = _TOGETHER.search(text)
    if together:
        starts |= {m.start for m in matches if m.end <= together.start()}
    starts |= {
        previous.start
        for previous, match in pairwise(matches)
        if _CALLED.fullmatch(text[previous.end : match.start])
    }
    glossed, names = _glossed_by_bracket(text, matches)
    described = starts | _clause_signs(text, matches) | _compound_heads(text, matches)
    return (described - names) | glossed


def bracket_names(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of the serious effects a bracket names for the signs before it ("a fast
    heartbeat or fainting (a rhythm change called QT prolongation)"): the effect itself,
    though the bracket reads as a gloss."""
    return _glossed_by_bracket(text, matches)[1]


def _glossed_by_bracket(text: str, matches: list[TermMatch]) -> tuple[set[int], set[int]]:
    """Starts of the terms a bracket right after them names as one serious effect, and of
    that name: "swelling of the face, lips or throat (angioedema), hives" and "severe stomach
    pain (pancreatitis)" name angioedema and pancreatitis, not swelling or stomach pain (after
    the term's own words, only short list items such as body parts may come before it)."""
    glossed: set[int] = set()
    names: set[int] = set()
    for bracket in _BRACKET.finditer(text):
        inside = [m for m in matches if bracket.start() < m.start and m.end < bracket.end()]
        keys = {m.key for m in inside}
        if len(keys) != 1 or inside[0].term.defaults.get("serious") is not True:
            continue
        if _COMMENT_WORDS.search(_NAME_COMMENT.split(bracket.group(1))[0]):
            continue
        opened = max((b.end() for b in _BRACKET.finditer(text, 0, bracket.start())), default=0)
        before = [m for m in matches if opened <= m.start and m.end <= bracket.start()]
        parts = _ITEM_BREAK.split(text[before[-1].end : bracket.start()]) if before else []
        if before and before[-1].key in keys:
            names |= {m.start for m in inside}  # "swelling of the throat (allergic reaction)"
        elif before and all(len(p.split()) <= 3 for p in parts[1:]):
            glossed.add(before[-1].start)
            names |= {m.start for m in inside}
    return glossed, names


def _clause_signs(text: str, matches: list[TermMatch]) -> set[int]:
    """`_symptom_starts` of each ";"-separated clause: each is an item of its own ("swelling
    of the face (angioedema), ...; fainting; weakness from high potassium")."""
    bounds = [0, *(b.end() for b in _CLAUSE_BREAK.finditer(text)), len(text) + 1]
    starts: set[int] = set()
    for begin, end in pairwise(bounds):
        inside = [
            replace(m, start=m.start - begin, end=m.end - begin)
            for m in matches
            if begin <= m.start and m.end < end
        ]
        found = _symptom_starts(text[begin : end - 1], inside) if inside else set()
        starts |= {start + begin for start in found}
    return starts


# "decreased sweating", "less appetite": the opposite of the term; "a weight-loss pill", "a
# sleeping tablet": a kind of medicine, not an effect; "cataract surgery": a procedure
_OPPOSITE_BEFORE = re.compile(
    r"\b(?:decreased|reduced|less|lack\s+of|absence\s+of|inability\s+to)\s+$", re.IGNORECASE
)
_MEDICINE_AFTER = re.compile(
    r"^[- ](?:drugs?|pills?|medicines?|medications?|tablets?|treatments?|jabs?|injections?|"
    r"products?|aids?|surgery|surgeries|operations?|procedures?)\b",
    re.IGNORECASE,
)


# "a bacterium that causes stomach ulcers", "the electrical activity that causes seizures":
# the effect of something else (a germ, a condition, the body's own workings)
_OTHER_CAUSE_BEFORE = re.compile(
    r"\b(?:bacteri(?:um|a)|virus(?:es)?|germs?|parasites?|fung(?:us|i)|infections?|"
    r"conditions?|diseases?|illness(?:es)?|disorders?|activity|signals?|chemicals?|"
    r"messengers?|hormones?|imbalances?|process(?:es)?)\s+"
    r"(?:that|which)\s+(?:can\s+|may\s+|often\s+)?(?:causes?|leads?\s+to|triggers?)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "older people with dementia who take ...": the patients' condition
_PATIENTS_WITH_BEFORE = re.compile(
    r"\b(?:people|patients|those|adults|children|anyone|women|men)\s+(?:who\s+have|with)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "withdrawal in the newborn", "breathing problems in the baby": the baby's, not the patient's
_BABY_AFTER = re.compile(
    r"^\s+(?:in|for)\s+(?:the\s+|your\s+|a\s+)?(?:newborn|new-born|(?:unborn\s+)?bab(?:y|ies)|"
    r"fo?etus|infants?)\b",
    re.IGNORECASE,
)


def names_something_else(text: str, match: TermMatch) -> bool:
    """Whether the words around a term make it name another thing: its opposite ("decreased
    sweating"), a kind of medicine or procedure ("a weight-loss pill", "cataract surgery"),
    what a germ causes ("a bacterium that causes stomach ulcers"), the patients' condition
    ("people with dementia") or the baby's effect ("withdrawal in the newborn")."""
    return bool(
        _OPPOSITE_BEFORE.search(text, 0, match.start)
        or _OTHER_CAUSE_BEFORE.search(text, max(0, match.start - 80), match.start)
        or names_a_medicine(text, match)
        or _BABY_AFTER.match(text[match.end : match.end + 30])
        or _PATIENTS_WITH_BEFORE.search(text, max(0, match.start - 60), match.start)
    )


def names_a_medicine(text: str, match: TermMatch) -> bool:
    """Whether a condition's name only qualifies a kind of medicine or procedure after it
    ("seizure medicines", "a weight-loss pill", "cataract surgery")."""
    return bool(_MEDICINE_AFTER.match(text[match.end : match.end + 20]))


def signs_sentence(text: str) -> bool:
    """Whether a sentence only lists the signs of what the sentence before named ("Symptoms
    include muscle pain, ...")."""
    return bool(_SIGNS_SENTENCE.match(text))
