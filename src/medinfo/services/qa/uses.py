"""Uses asked about: the condition a question names, whether the sources list it, what they say."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import Indication, Monograph, NotAUse
from medinfo.knowledge.loading import load
from medinfo.knowledge.vocabularies import Conditions, SideEffects
from medinfo.services.qa.passages import PassageSearch, content_words
from medinfo.services.qa.phrasing import Draft, quote, source_titles
from medinfo.services.qa.vocabulary import contains_phrase, load_vocabulary, term_key

# Words that introduce the use asked about ("for my depression", "help me lose weight").
_ASKED_USE = re.compile(
    r"\b(?:used for|use for|good for|works? for|approved for|prescribed for|for|treats?|treating"
    r"|helps?(?: with| me)?|lowers?|reduces?|prevents?|works? as|used as|be used to"
    r"|covers?|kills?|clears? up|fights?|cures?|(?:works?|effective|good) against)"
    r"\s+(?:my |a |an |the |his |her |their |your |some )?"
    r"(?P<use>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2})"
)
# Words that introduce the effect asked about ("can it cause hair loss", "make me taller").
_ASKED_EFFECT = re.compile(
    r"\b(?:cause|causes|causing|give you|give me|gives you|make me|makes me|make you"
    r"|makes you|make u|makes u|(?:make|makes|making) (?:my|your|ur|his|her))\s+"
    r"(?:me |you |u |a |an |any )?(?:(?:have|get|feel|go|become|be) (?:a |an |any )?)?"
    r"(?P<use>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2})"
)
# "1.5 mg" is not a sentence end; a table row ends where the next begins ("... | | next row")
_SENTENCE = re.compile(r"(?:[^.!?\n|]|\.(?=\d)|\|(?![ \t]*\|))+[.!?]?")
_NEGATION = re.compile(r"\b(not|no|never|cannot|isn't|doesn't|won't)\b")
_LONGEST = 400
# a sentence saying the medicine does not treat, work for or suit something ("does not treat
# stomach pain caused by ...", "is not an anti-inflammatory", "not suitable for people with")
# "is not a treatment for", "does not work for" ("not caused by a heart valve problem" rules
# nothing out: "a" counts right after the negation only)
_RULES_OUT = re.compile(
    r"\b(?:not|never|cannot|isn't|doesn't|won't|no effect on)\b(?:\s+(?:an?)\b|(?:\s+\w+){0,2}?\s+"
    r"(?:treat|treats|work|works|help|helps|used|for|approved|effective|cure|cures|"
    r"prevent|suitable|indicated|against)\b)"
)
_SAME_START = 5
_CLOSING = {
    "uses": "Ask a pharmacist or doctor before using it for anything it was not prescribed for.",
    "side effects": "Tell your doctor or pharmacist if you notice it.",
}


@cache
def _condition_names() -> dict[str, str]:
    """Every folded condition term and synonym -> its folded preferred term."""
    names: dict[str, str] = {}
    for entry in load(Conditions).terms:
        preferred = term_key(entry.term)
        for name in (entry.term, *entry.synonyms):
            names.setdefault(term_key(name), preferred)
    return names


def asked_use(text: str, cue: re.Pattern[str] = _ASKED_USE) -> str | None:
    """The condition a question asks the medicine to treat ("for restless legs"), if any;
    with `cue` another phrase after its cue words."""
    for clause in re.split(r"[?.!,;]", text.lower()):
        for match in cue.finditer(clause):
            words: list[str] = []
            if match.group("use").split()[0] in load_vocabulary().person_words:
                continue  # "a dose for dad", "for someone who ...": who takes it, not a use
            for word in match.group("use").split():
                if word in load_vocabulary().use_stop_words:
                    break
                words.append(word)
            if words and content_words(" ".join(words)):
                return " ".join(words)
    return None


def _canonical(condition: str) -> str:
    folded = term_key(condition)
    return _condition_names().get(folded, folded)


def _names_of(listed: str) -> list[str]:
    folded = _canonical(listed)
    names = [name for name, preferred in _condition_names().items() if preferred == folded]
    return [folded, term_key(listed), *names]


def _same_use(listed: str, use: str) -> bool:
    """The asked use is the listed one: the same preferred term, every asked word within the
    listed term, or a name of several words of the listed term inside the asked words."""
    asked, folded = term_key(use), _canonical(listed)
    if _canonical(use) == folded or set(asked.split()) <= set(folded.split()):
        return True
    return any(len(n.split()) > 1 and contains_phrase(asked, n) for n in _names_of(listed))


_TYPO_MIN_LETTERS = 5  # words this long may be typed one edit off ("abcess" for "abscess")


def _related_use(listed: str, use: str) -> bool:
    """The asked use shares a meaningful word with the listed one or one of its names (a long
    word typed one letter off counts)."""
    generic = load_vocabulary().condition_generic_words
    asked = {w for w in term_key(use).split() if len(w) > 1 and w not in generic}
    return any(_shares_word(asked, set(name.split())) for name in _names_of(listed))


def _shares_word(asked: set[str], words: set[str]) -> bool:
    from rapidfuzz.distance import OSA

    if asked & words:
        return True
    return any(
        OSA.distance(a, w) <= 1
        for a in asked
        for w in words
        if len(a) >= _TYPO_MIN_LETTERS and len(w) >= _TYPO_MIN_LETTERS
    )


def matching_uses(monograph: Monograph, use: str) -> list[Indication]:
    """The listed uses that are the asked one, by name or synonym."""
    return [i for i in monograph.indications if _same_use(i.condition, use)]


@cache
def _condition_groups() -> list[list[str]]:
    """Each condition's names (its term and synonyms, folded): "gerd" is "acid reflux"."""
    return [
        [term_key(name) for name in (entry.term, *entry.synonyms)]
        for entry in load(Conditions).terms
        if entry.synonyms
    ]


def ruled_out_uses(monograph: Monograph, use: str) -> list[NotAUse]:
    """The conditions the sources say the medicine is not used for that are the asked use."""
    return [item for item in monograph.not_used_for if _same_use(item.condition, use)]


def ruled_out_draft(
    monograph: Monograph, use: str, ruled_out: list[NotAUse], passages: PassageSearch | None
) -> Draft:
    """No: the sources say the medicine is not used for the asked condition, with the source's
    own sentence when it is stored."""
    draft = Draft()
    for item in ruled_out:
        draft.say(
            f"No: the sources say {monograph.drug} is not used for {item.condition}; "
            "they say it does not treat or help it.",
            item,
        )
    found = source_on_use(monograph, use, passages)
    if found is not None:
        sentence, citation = found
        draft.say(f"{source_titles(monograph, [citation.source])} says: {quote(sentence)}")
        draft.add(citation)
    draft.say(_CLOSING["uses"])
    return draft


def is_unlisted_use(monograph: Monograph, use: str, by_name: bool = False) -> bool:
    """Whether the asked use is unrelated to every listed use and to the medicine's class;
    with `by_name`, also under its preferred name ("afib": atrial fibrillation)."""
    listed = [i.condition for i in monograph.indications] + list(monograph.drug_class)
    asked = {use, _canonical(use)} if by_name else {use}
    return not any(_related_use(item, name) for item in listed for name in asked)


def asked_effect(text: str) -> str | None:
    """The effect a question asks whether the medicine causes ("cause hair loss"), if any."""
    return asked_use(text, _ASKED_EFFECT)


_CONNECTORS = frozenset({"and", "with", "plus", "on", "after", "from"})
_BARE_WORDS = 3  # a bare phrase this long at most names one thing ("memory loss")


def bare_effect(question: str) -> str | None:
    """The phrase a fragment question names beside the drug and nothing else ("<drug> hair
    loss?", "<drug> and memory loss?"): its first clause, the drug's names already blanked
    out (`question` as `without_names` gives it), without a leading "and"/"with". None when
    the clause asks something (a question word), is longer than a name, or names effects in
    general ("side effects")."""
    vocabulary = load_vocabulary()
    first = re.split(r"[?.!,;]", question.lower(), maxsplit=1)[0]
    if re.search(r"\d", first):  # "started 5mg": a story, not a name
        return None
    words = re.findall(r"[a-z][a-z'-]*", first)
    while words and words[0] in _CONNECTORS:
        words.pop(0)
    while words and words[-1] in _CONNECTORS:  # "red flags on <drug>"
        words.pop()
    if not 1 <= len(words) <= _BARE_WORDS:
        return None
    if any(w in vocabulary.use_stop_words or w in vocabulary.general_effect_words for w in words):
        return None
    return " ".join(words)


def is_unlisted_effect(monograph: Monograph, effect: str) -> bool:
    """Whether the asked effect shares no meaningful word with any listed side effect or the
    everyday words for it (a word counts when the first five letters agree: "hallucinate" is
    "hallucinations", "bleed" is "bleeding")."""
    vocabulary = load_vocabulary()
    asked = {w for w in term_key(effect).split() if len(w) > 3} - vocabulary.condition_generic_words
    if not asked:
        return False
    starts = {_start(word) for word in asked}
    for item in monograph.side_effects:
        term = term_key(item.term)
        words = set(term.split())
        for everyday in vocabulary.symptoms.get(term, ()):
            words.update(everyday.split())
        if asked & words or starts & {_start(word) for word in words}:
            return False
        # the vocabulary's other names for the listed effect, as whole phrases ("hypos")
        if any(
            contains_phrase(term_key(effect), name) for name in _effect_synonyms().get(term, ())
        ):
            return False
    return not vocabulary.symptoms_in(term_key(effect))


@cache
def _effect_synonyms() -> dict[str, tuple[str, ...]]:
    """Each side-effect term of the vocabulary (folded) -> its folded synonyms ("low blood
    sugar": "hypos", "hypoglycaemia")."""
    return {
        term_key(entry.term): tuple(term_key(name) for name in entry.synonyms)
        for entry in load(SideEffects).terms
    }


def _start(word: str) -> str:
    """The first letters by which an asked and a listed word are the same effect."""
    return word[:_SAME_START] if len(word) >= _SAME_START else f"={word}"


def source_on_use(
    monograph: Monograph,
    use: str,
    passages: PassageSearch | None,
    accept: Callable[[str], bool] | None = None,
) -> tuple[str, Citation] | None:
    """A stored sentence about `monograph` that names the asked use, cited; one that rules
    something out first (the source's "it is not used for ..." must not be missed)."""
    if passages is None:
        return None
    variants = _said_otherwise(use)
    wanted = [content_words(variant) for variant in variants]
    # a condition's other names ("ibs": "irritable bowel syndrome") find only a sentence that
    # rules the use out; one merely naming it ("regardless of obesity") says nothing of it
    others = [v for v in _said_otherwise(use, conditions=True) if v not in variants]
    ruling = [content_words(variant) for variant in others]
    # an asked use is searched in both numbers; a caller's own query (a group's names) as is
    query = " ".join(_with_plurals(variants + others) if accept is None else variants)
    found: list[tuple[int, str, Citation]] = []
    for passage in passages.search(monograph.drug, query, limit=5):
        for match in _SENTENCE.finditer(passage.text):
            sentence = match.group().strip()
            if len(sentence) > _LONGEST:
                continue
            if accept is not None:
                if not accept(sentence):
                    continue
            elif not _names_all(wanted, sentence) and not (
                _names_all(ruling, sentence) and _RULES_OUT.search(sentence.lower())
            ):
                continue
            citation = Citation(
                source=passage.source,
                start=passage.start + match.start(),
                end=passage.start + match.end(),
                section=passage.section,
            )
            negated = bool(_NEGATION.search(sentence.lower()))
            found.append((0 if negated else 1, sentence, citation))
    found.sort(key=lambda item: item[0])
    return (found[0][1], found[0][2]) if found else None


def _said_otherwise(use: str, conditions: bool = False) -> list[str]:
    """The asked use as typed and in the sources' other words for it ("birth control":
    "contraceptive"; `phrase_synonyms`), with `conditions` also a condition's other names
    ("gerd": "acid reflux", "heartburn")."""
    variants = [use]
    lowered = f" {use.lower()} "
    groups = [*load_vocabulary().phrase_synonyms, *(_condition_groups() if conditions else [])]
    for group in groups:
        for phrase in group:
            if f" {phrase} " in lowered:
                variants += [
                    lowered.replace(f" {phrase} ", f" {o} ").strip() for o in group if o != phrase
                ]
    return variants


def _with_plurals(variants: list[str]) -> list[str]:
    """The words of `variants` with their other number ("cold" and "colds", "ulcers" and
    "ulcer"): the text index matches whole words, and a source says "does not work for
    colds" when the question asks about "a cold"."""
    words = [word for variant in variants for word in variant.lower().split()]
    other = [word[:-1] if word.endswith("s") else f"{word}s" for word in words if len(word) > 3]
    return [*variants, *other]


def _names_all(wanted: list[frozenset[str]], sentence: str) -> bool:
    """Whether a sentence holds every word of one variant of the use, as written, as a word
    of the same start ("lose" and "loss": four letters) or a listed synonym."""
    words = content_words(sentence)
    synonyms = load_vocabulary().word_synonyms
    starts = {word[:4] for word in words if len(word) >= 4}

    def held(word: str) -> bool:
        if word in words or words & synonyms.get(word, frozenset()):
            return True
        return len(word) >= 4 and word[:4] in starts

    return any(variant and all(held(word) for word in variant) for variant in wanted)


def unlisted_use_draft(
    monograph: Monograph, use: str, passages: PassageSearch | None, among: str = "uses"
) -> Draft | None:
    """An asked use (or side effect) the facts do not list: what a source says about it, or
    None to abstain."""
    found = source_on_use(monograph, use, passages)
    if found is None:
        return None
    sentence, citation = found
    draft = Draft()
    if among == "uses" and _RULES_OUT.search(sentence.lower()):  # the source rules it out
        draft.say(
            f"No: the sources do not list {use} among the uses of {monograph.drug}, and "
            f"{source_titles(monograph, [citation.source])} says: {quote(sentence)} "
            f"{_CLOSING['uses']}"
        )
        draft.add(citation)
        return draft
    draft.say(
        f"The sources do not list {use} among the {among} of {monograph.drug}. "
        f"On {use}, {source_titles(monograph, [citation.source])} says: {quote(sentence)} "
        f"{_CLOSING.get(among, _CLOSING['uses'])}"
    )
    draft.add(citation)
    return draft
