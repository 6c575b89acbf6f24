"""Evidence: the source sentence that best answers a question, quoted and cited with the answer."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from medinfo.domain.answers import Citation, Intent
from medinfo.domain.monograph import Monograph
from medinfo.domain.source_kinds import Reliability
from medinfo.services.qa.abstain import SAFETY_LINES, names_a_dose
from medinfo.services.qa.intents import Concern, Reading, load_intent_rules, read_question
from medinfo.services.qa.label_sections import Sections, heading_marks
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.passages import Passage, PassageSearch, content_words
from medinfo.services.qa.phrasing import Draft, source_titles
from medinfo.services.qa.practical import mentions_any
from medinfo.services.qa.topic import own_names
from medinfo.services.qa.vocabulary import load_vocabulary

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?=\S)[^.!?]*)*[.!?]?")
_WORD = re.compile(r"[a-z0-9]+")
_ROW_BREAK = re.compile(r"\|[ \t]*\n?[ \t]*\||\|[ \t]*\n")  # "| |" between two rows
_SEPARATOR_ROW = re.compile(r"(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|")  # "|---|---|"
_SEPARATOR = re.compile(r"^[-:| ]*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_GAP = 8  # characters between a source's question paragraph and its answer's
_ANSWER_CHARS = 360  # an FAQ answer paragraph quoted whole up to this length
_SPELLED_MIN = 5  # a respelling replaced in source words too: this long at least ...
_SPELLED_ALIKE = 0.8  # ... and this alike ("diarrhoea" and "diarrhea", not "ok" and "okay")
_HEADING_WORDS = 6  # a line this short without closing punctuation is a heading
_TOLD = 2  # sentences before a source's question, in its paragraph, read as part of it
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
_WINDOW = 240
_SNAP = 100  # a clip starting this close to the sentence's start starts at its start
_CANDIDATES = 8
_QUOTED = 3  # source sentences quoted with an answer, at most
_SAME_TEXT = 60  # a quote whose first or last this many characters were said adds nothing
_CLOSE = 0.5  # ... each scoring at least this share of the best one
_MIN_PASSAGES = 2  # passages always read...
_TEXT_BUDGET = 8000  # ...and then only while their text stays within this many characters
_OWN_PASSAGES = 8  # passages holding the question's own words, read as well
_KEPT = 12  # best sentences checked and returned
_NO_INTENT_SHARE = 4  # question words a quote alone must hold when no intent was read
_ONE_LINE = 6  # words of a one-line answer, quoted with the sentence after it
_STRONG = 3.0  # a cue this heavy names the intent's topic on its own
_HEADING_QUESTION = 14  # a source's question this short, alone, is an FAQ heading
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+")
_PREFIX = 4  # a question word this long also matches longer words it starts
_FAMILY = 7  # a longer question word matches a word sharing this many first letters
# the next sentence gives this one's reason ("This helps prevent thrush.") or goes on about
# what it named ("The dose of these must be cut to a quarter.")
_REASON = re.compile(
    r"(?:this|that|it|these)(?: is| will| can)? (?:helps?|prevents?|stops?|reduces?|lowers?|"
    r"avoids?|is because|is why|is so|protects?)\b"
    r"|(?:\S+ ){0,3}(?:these|they|them|those|their)\b(?! (?:medicines?|drugs?|tablets?)\b)",
    re.IGNORECASE,
)
_FIGURES = 8  # a sentence with this many figures, half its words, is a table of rates
_NOT_QUOTED = "not_quoted"  # a label heading whose sentences are never quoted
_LONG_BLOCK = 4000  # a text this long may be a whole label, read by its numbered headings
_AGE_WORD = "#age"  # stands for the asker's age in a sentence's shared words
_ASKED_AGE = re.compile(
    r"\b(\d{1,2})(?:[ -]?(?:yrs?|years?)[ -]?old\b|[ -]?y/?o\b)|\baged (\d{1,2})\b"
    r"|\b(?:son|daughter|kid|child|boy|girl|grandson|granddaughter|teen|teenager)"
    r"(?: is|'s| who is)(?: only| just)? (\d{1,2})\b(?! ?(?:kg|kilos?|lbs?|pounds|stone|mg|"
    r"months?|weeks?|days?|%|st\b))"
)
_AGE_BELOW = re.compile(
    r"\b(?:under|younger than|below|less than)(?: the age of| age)? (\d{1,2})\b(?! ?(?:kg|mg|%))"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a stored passage, how well it fits the question, and where it comes from."""

    passage: Passage
    text: str
    asked: int  # question words it holds (a named medicine's other names count once)
    score: float
    in_section: bool = False
    asks_same: bool = False  # the source asks what the reader asks ("How fast does it work?")


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """One word -> the one word the question reader writes for it (`replacements`: British
    spellings of medical words, "diarrhoea" -> "diarrhea"), applied to source words too."""
    table = load_intent_rules().replacements.table
    return {
        src: dst
        for src, dst in table.items()
        if " " not in src
        and " " not in dst
        and len(src) >= _SPELLED_MIN
        and SequenceMatcher(None, src, dst).ratio() >= _SPELLED_ALIKE  # not slang ("nite")
    }


@lru_cache(maxsize=1)
def _spelled_otherwise() -> dict[str, tuple[str, ...]]:
    """A word as the question reader writes it -> the other spellings a source may use."""
    others: dict[str, list[str]] = {}
    for src, dst in _spellings().items():
        others.setdefault(dst, []).append(src)
    return {word: tuple(spellings) for word, spellings in others.items()}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, so "tapered" meets "taper" and "stops" meets "stop"; a British spelling
    stems as the American one ("diarrhoea" meets "diarrhea")."""
    word = _spellings().get(word, word)
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The stems of the content words of `text`, without those in `ignore`."""
    return {stem(word) for word in content_words(text) if word not in ignore}


def _blocks(text: str) -> list[str]:
    """A passage cut between table rows ("| Omeprazole | less effect | | Aspirin | ..."), as
    stored on one line or on several: a row is a sentence of its own, not a run-on with the
    whole table; separator rows ("|---|---|") are dropped."""
    rows = _ROW_BREAK.split(_SEPARATOR_ROW.sub("|", text))
    if len(rows) == 1:
        return [text]
    kept = [row.strip().strip("|").strip() for row in rows]
    return [row for row in kept if row and not _SEPARATOR.match(row)]


def _with_reason(sentence: str, following: list[str]) -> str:
    """A one-line answer ("Short answer: no, not suddenly.") with the sentence after it,
    which says why or how; a sentence whose next one gives its reason ("This helps prevent
    thrush.") with that one; any other sentence as it is."""
    after = following[0] if following else ""
    answers = bool(after) and not after.endswith("?")
    if answers and (len(sentence.split()) <= _ONE_LINE or _REASON.match(after)):
        return f"{sentence} {after}"
    return sentence


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[tuple[str, str, Sections | None], ...]:
    """The sentences of a passage, each with the text to quote for it: itself, or for a
    question the source asks ("Can I drink alcohol with it?") the sentence answering it;
    and, within a label stored as one passage, the sections of the numbered heading it sits
    under (None when the passage has no such headings). A table row is a sentence of its own.
    Cached: a label is one long passage that most questions about its drug read again."""
    found: list[tuple[str, Sections | None, int]] = []
    paragraph = 0
    for block in _blocks(text):
        marks = heading_marks(block) if len(block) > _LONG_BLOCK else []
        current: Sections | None = None
        end = 0
        for match in _SENTENCE.finditer(block):
            middle = (match.start() + match.end()) // 2
            while marks and marks[0][0] <= middle:
                current = marks.pop(0)[1]
            text_at = match.start() + len(match.group()) - len(match.group().lstrip())
            paragraph += bool(_PARAGRAPH_BREAK.search(block, end, text_at))
            end = match.end()
            found.append((" ".join(match.group().split()), current, paragraph))
        paragraph += 1
    found = [item for item in found if len(item[0]) > 12 and not _is_heading(item[0])]
    pairs = []
    for index, (sentence, sections, paragraph) in enumerate(found):
        after = found[index + 1][0] if index + 1 < len(found) else ""
        if sentence.endswith("?"):
            if after and not after.endswith("?"):
                answer = _with_reason(after, [s for s, *_ in found[index + 2 : index + 3]])
                # A question ending its paragraph, answered in a paragraph of its own (an FAQ
                # heading): the answer is that paragraph, as far as it stays short, and the
                # question is read with what it tells before it in its own paragraph ("I
                # forgot my dose on Monday. It's now Wednesday. What do I do?").
                last = found[index + 1][2] != paragraph
                if last:
                    answer = _paragraph_from(found, index + 1)
                told = [
                    s
                    for s, _sections, at in found[max(0, index - _TOLD) : index]
                    if last and at == paragraph and not s.endswith("?")
                ]
                pairs.append((" ".join([*told, sentence, answer]), answer, sections))
        else:
            quoted = _with_reason(sentence, [after] if after else [])
            pairs.append((quoted, quoted, sections))
    return tuple(pairs)


def _is_heading(sentence: str) -> bool:
    """Whether a "sentence" is a heading ("Pregnancy and breastfeeding", "SIDE EFFECTS"): a
    few words with no figure, no table cell and no closing punctuation. It says nothing."""
    words = sentence.split()
    if len(words) > _HEADING_WORDS or sentence[-1] in ".!?:;)\"\u201d'*":
        return False
    return not any(ch.isdigit() or ch == "|" for ch in sentence)


def _paragraph_from(found: list[tuple[str, Sections | None, int]], first: int) -> str:
    """The sentences of the paragraph starting at `found[first]`, while they stay within
    `_ANSWER_CHARS` (its first sentence always)."""
    paragraph = found[first][2]
    kept = [found[first][0]]
    for sentence, _sections, at in found[first + 1 :]:
        if at != paragraph or sentence.endswith("?"):
            break
        if len(" ".join(kept)) + len(sentence) > _ANSWER_CHARS:
            break
        kept.append(sentence)
    return " ".join(kept)


def _clip(sentence: str, words: set[str], names: frozenset[str] = frozenset()) -> str:
    """A long sentence shortened to the window holding most of the asked words (the first
    such window): a table row flattened into one sentence says "Avoid" after the name."""
    if len(sentence) <= _WINDOW:
        return sentence
    lowered = sentence.lower()
    hits = [
        (match.start(), stem(match.group()))
        for match in _WORD.finditer(lowered)
        if stem(match.group()) in words
    ]
    best, start, last = 0, 0, 0
    for at, _word in hits:
        inside = [(where, word) for where, word in hits if at <= where < at + _WINDOW - 60]
        found = {word for _where, word in inside}
        weight = len(found) + len(found & names)  # the other medicine's name counts twice
        if weight > best:
            last = inside[-1][0]  # room after the last asked word, for what is said of it
            best, start = weight, max(0, min(at, max(at - 60, last + 80 - _WINDOW)))
    if start < _SNAP and last < _WINDOW - 80:  # near its start: from the sentence's start
        start = 0
    if start:
        start = sentence.find(" ", start) + 1
    end = start + _WINDOW
    if end < len(sentence):
        end = sentence.rfind(" ", start, end)
    lead = "… " if start else ""
    return lead + sentence[start:end].strip() + (" …" if end < len(sentence) else "")


@lru_cache(maxsize=1)
def _post_pattern() -> re.Pattern[str] | None:
    pattern = load_vocabulary().post_pattern
    return re.compile(pattern) if pattern else None


def _is_post(text: str) -> bool:
    """Whether `text` reads as someone's post or story (`post_pattern`)."""
    posts = _post_pattern()
    return posts is not None and posts.search(text.lower()) is not None


def _reliability(monograph: Monograph) -> dict[str, int]:
    """Each source's trust level (1 user-generated .. 4 FDA label) by id."""
    levels = {level.label: int(level) for level in Reliability}
    return {ref.id: levels.get(ref.reliability, 1) for ref in monograph.sources}


def best_sentences(
    monograph: Monograph,
    reading: Reading,
    passages: PassageSearch,
    ignore: frozenset[str],
    required: tuple[str, ...] = (),
    cited: Sequence[Citation] = (),
) -> list[Sentence]:
    """The drug's source sentences sharing the question's words, best first.

    A question word counts more the fewer candidate sentences hold it (so "withdrawal" weighs
    more than "day"); the intent's cue words, the intent's own section and a more reliable
    source add to the score. User-generated text (posts, comments) is left out when a more
    reliable source holds a question word, and a sentence that reads as someone's post or
    story (`post_pattern`) never counts. A sentence counts only when it shares at least one of the
    question's own content words; `required` phrases (a population's names) must appear.
    A paragraph that holds the evidence of a fact the answer states (`cited`) counts more:
    its sentence says what the fact came from.
    """
    own = stems(reading.text, ignore)
    on_topic = _on_topic_words(reading)
    if not own and not on_topic:
        return []
    asked = set(own)
    synonyms = load_vocabulary().word_synonyms  # "split" also meets "break"
    also = {s for word in _WORD.findall(reading.text) for s in synonyms.get(word, ())}
    # a phrase the sources say otherwise ("birth control": "contraceptive"; phrase_synonyms)
    folded = " ".join(_WORD.findall(reading.text))
    also |= {
        word
        for group in load_vocabulary().phrase_synonyms
        if any(f" {phrase} " in f" {folded} " for phrase in group)
        for phrase in group
        for word in _WORD.findall(phrase)
        if word not in ignore
    }
    # the source may spell an asked word otherwise: searched for too ("diarrhoea")
    also |= {
        spelled
        for word in _WORD.findall(reading.text)
        if word not in ignore
        for spelled in _spelled_otherwise().get(word, ())
    }
    age = None
    if reading.has(Concern.CHILD):  # "my 6 year old": the sources say "children", "under 8"
        also |= {
            word
            for phrase in load_vocabulary().child_source_words
            for word in _WORD.findall(phrase)
            if not word.isdigit() and word not in ignore
        }
        age = child_age(reading.text)
    asked |= {stem(word) for word in also}
    # Another medicine the question names counts once, under any of its names or groups
    # ("advil": ibuprofen, NSAIDs), never as loose words ("medicine", "cause") of those names.
    medicines = _medicine_names(reading, ignore)
    named = {name for names in medicines.values() for name in names}
    own |= set(medicines)
    asked |= set(medicines)
    topic = {stem(word) for word in reading.search_words} - asked
    query = " ".join([reading.text, *reading.search_words, *sorted(also)])
    trust = _reliability(monograph)
    topic_words = load_vocabulary().topic_words.get(reading.intent.value, ())
    # Every asked stem starts a word it matches, so one search rules most sentences out cheaply
    # (a label is one passage of thousands of sentences); they still count in the weights.
    probing = {word for word in asked if not word.startswith("#")}
    probing |= {stem(word) for names in medicines.values() for name in names for word in name}
    probe = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(probing, key=len)[::-1])) + ")")
    candidates: list[tuple[Passage, str, set[str], set[str], bool, bool, bool]] = []
    passed_over = 0
    cues = _strong_cues(reading)
    asked_query = " ".join(
        [reading.text, *sorted(also), *sorted(w for name in named for w in sorted(name))]
    )
    wide = bool(on_topic) or bool(topic_words) or not asked
    for passage in _searched(passages, monograph.drug, asked_query, query):
        passage_in = bool(reading.sections) and passage.section in reading.sections
        # the source files the paragraph under the asked topic ("How to take it")
        headed_same = bool(passage.heading) and _asks_same(passage.heading, reading)
        for scored, quoted, headed in _sentences(passage.text):
            # a label's own heading says where the sentence sits
            in_section = passage_in if headed is None else bool(set(headed) & set(reading.sections))
            if headed is not None and _NOT_QUOTED in headed:  # trials, animal studies
                continue
            if required and not mentions_any(quoted, required):
                continue
            lowered = scored.lower()
            # the source asks what the reader asks ("How fast does it work? Within an hour.")
            # (a question someone posts about their own case is no source asking the same)
            asking = scored[: -len(quoted)] if scored is not quoted else ""
            same = headed_same or (
                bool(asking)
                and (
                    (_holds_phrase(asking, cues) and not _is_post(asking))
                    or _asks_same(asking, reading)
                )
            )
            if not (in_section or wide) and not same and not probe.search(lowered):
                passed_over += 1
                continue
            found_words = _WORD.findall(lowered)
            if _is_figures(found_words):  # "Dyspepsia 4.7 5.9 3.2 6.0": a table's numbers
                continue
            words = {stem(word) for word in found_words}
            shared = _shared(asked, words, found_words)
            shared |= {key for key, names in medicines.items() if any(n <= words for n in names)}
            if age is not None and _below_limit(lowered, age):  # "not for children under 8"
                shared.add(_AGE_WORD)
            backs = any(
                c.source == passage.source and c.start < passage.end and passage.start < c.end
                for c in cited
            )
            candidates.append((passage, quoted, words, shared, same or in_section, same, backs))
    held = Counter(word for *_rest, shared, _in, _same, _backs in candidates for word in shared)
    total = len(candidates) + passed_over + 1
    weight = {word: 1.0 + math.log(total / (count + 0.5)) for word, count in held.items()}
    common = min(weight.values(), default=1.0)  # a source asking the same: as a common word
    scored_all: list[tuple[float, int, bool, Passage, str, bool]] = []
    for passage, sentence, words, shared, in_section, same, backs in candidates:
        if on_topic:  # quotes must name the topic: naming it counts as its section
            if not mentions_any(sentence, on_topic):
                continue
            in_section = True
        elif not shared and _names_topic_twice(sentence, topic_words):
            in_section = True  # "a pink, round tablet": on the topic without the asked words
        if not shared and not in_section:
            continue
        score = (  # a sentence sharing no question word only fills in: section counts once
            2 * sum(weight[word] for word in shared)
            + len(topic & words)
            + 2 * int(in_section)
            + (trust.get(passage.source, 1) - 1)
            if shared
            else 2.0 * in_section
        ) + (2 * common + trust.get(passage.source, 1) - 1 if same else 0.0)
        score += 4 * common if backs and shared else 0.0
        matched = len(shared & own) + int(bool(shared - own - {_AGE_WORD}))
        matched += int(_AGE_WORD in shared)
        scored_all.append((score, matched, in_section, passage, sentence, same))
    scored_all.sort(key=lambda item: -item[0])
    # a long sentence is clipped around the asked words and the other medicine's one-word
    # names ("ibuprofen", "nsaid"), never loose words of its group names ("drug", "pain")
    plain = {word for word in asked if not word.startswith("#")}
    single = frozenset(
        next(iter(name)) for names in medicines.values() for name in names if len(name) == 1
    )
    clip_words = (plain | single) or topic
    posts = _post_pattern()
    found = [
        Sentence(passage, _clip(sentence, clip_words, single), matched, score, in_section, same)
        for score, matched, in_section, passage, sentence, same in scored_all[:_KEPT]
        if posts is None or not posts.search(sentence.lower())
    ]
    # Posts and comments are quoted only when no more reliable source speaks to the question.
    lowest = int(Reliability.USER_GENERATED)
    if any(trust.get(s.passage.source, lowest) > lowest for s in found if s.asked):
        found = [s for s in found if trust.get(s.passage.source, lowest) > lowest]
    return found


def _medicine_names(
    reading: Reading, ignore: frozenset[str]
) -> dict[str, tuple[frozenset[str], ...]]:
    """The other medicines a question names, each under a key of its own ("#advil"), with
    the stems of every name a source may use for it (as typed, its generics and groups)."""
    found: dict[str, tuple[frozenset[str], ...]] = {}
    for medicine in load_medicine_index().named_in(reading.text, set(ignore)):
        names = {medicine.typed, *medicine.agent_names}
        found["#" + medicine.typed] = tuple(
            frozenset(stem(word) for word in _WORD.findall(name)) for name in sorted(names)
        )
    return found


def child_age(text: str) -> int | None:
    """The age in years a question gives for a child ("my 6 year old", "a 12yo"), if any."""
    found = _ASKED_AGE.search(text.lower())
    age = int(next(group for group in found.groups() if group)) if found else None
    return age if age is not None and age < 18 else None


def _below_limit(sentence: str, age: int) -> bool:
    """Whether a sentence names an age limit the child is under ("children under 8")."""
    return any(age < int(found.group(1)) for found in _AGE_BELOW.finditer(sentence))


def _is_figures(words: list[str]) -> bool:
    """Whether a sentence is mostly figures (a flattened table of rates), not a statement."""
    figures = sum(word.isdigit() for word in words)
    return figures >= _FIGURES and figures * 2 >= len(words)


def _searched(
    passages: PassageSearch, drug: str, asked_query: str, full_query: str
) -> list[Passage]:
    """The passages to read: the best matches of the whole query (question and the intent's
    topic words) while their text stays within the budget, and the best two holding the
    question's own words (with their synonyms and the other medicines' names). A search keeps
    only its most specific words, so a long topic vocabulary ("benzodiazepines",
    "antihistamines") would crowd out the asked "milk" and "calcium"; searched apart, the
    question's own words always reach the text."""
    read: list[Passage] = []
    budget = _TEXT_BUDGET
    for rank, passage in enumerate(passages.search(drug, full_query, limit=_CANDIDATES)):
        if budget <= 0 and rank >= _MIN_PASSAGES:  # long label sections: enough to choose from
            break
        budget -= len(passage.text)
        read.append(passage)
    seen = {(passage.source, passage.start) for passage in read}
    budget = _TEXT_BUDGET
    for rank, passage in enumerate(passages.search(drug, asked_query, limit=_OWN_PASSAGES)):
        if budget <= 0 and rank >= _MIN_PASSAGES:
            break
        if (passage.source, passage.start) not in seen:
            budget -= len(passage.text)
            read.append(passage)
    return _with_answers(read)


def _with_answers(read: list[Passage]) -> list[Passage]:
    """The passages read, a source's question stored as a paragraph of its own ("Q. What if I
    miss a dose?") joined with the paragraph right after it when that was read too: the
    answer."""
    starts = {(passage.source, passage.start): passage for passage in read}
    joined: list[Passage] = []
    used: set[tuple[str, int]] = set()
    for passage in read:
        if (passage.source, passage.start) in used:
            continue
        after = None
        if passage.text.rstrip().endswith("?"):
            after = next(
                (
                    starts[(passage.source, at)]
                    for at in range(passage.end, passage.end + _GAP)
                    if (passage.source, at) in starts
                ),
                None,
            )
        if after is None or (after.source, after.start) in used:
            joined.append(passage)
            continue
        used.add((after.source, after.start))
        text = passage.text + "\n\n" + after.text
        # the answer's section: a question's own words say nothing of what it is filed under
        joined.append(Passage(passage.source, passage.start, after.end, text, after.section))
    return [passage for passage in joined if (passage.source, passage.start) not in used]


def _names_topic_twice(sentence: str, words: tuple[str, ...]) -> bool:
    """Whether a sentence names two of an intent's topic words ("pink", "round"): it speaks
    of the topic even without the question's words."""
    if not words:
        return False
    lowered = " " + " ".join(_WORD.findall(sentence.lower()))
    return sum(f" {word}" in lowered for word in words) >= 2


def _on_topic_words(reading: Reading) -> tuple[str, ...]:
    """The topic words a quote must name, for the intents listed in `quotes_on_topic`."""
    vocabulary = load_vocabulary()
    if reading.intent.value not in vocabulary.quotes_on_topic:
        return ()
    return vocabulary.topic_words.get(reading.intent.value, ())


def _shared(asked: set[str], words: set[str], spelled: list[str]) -> set[str]:
    """The asked stems a sentence holds, as a word or as the start of a longer word
    ("temp" -> "temperature"); `spelled` are the sentence's words as written."""
    shared = asked & words
    missing = [word for word in asked - shared if len(word) >= _PREFIX]
    if missing:
        joined = " " + " ".join(spelled)
        shared.update(word for word in missing if f" {word}" in joined)
        # long words of one family: "progesterone" and "progestogen"
        shared.update(
            word
            for word in missing
            if len(word) > _FAMILY and f" {word[:_FAMILY]}" in joined and word not in shared
        )
    return shared


def _asks_same(asking: str, reading: Reading) -> bool:
    """Whether a source's heading or question asks what the reader asks (an intent, never
    `other`)."""
    return reading.intent is not Intent.OTHER and _asks_intent(asking) is reading.intent


@lru_cache(maxsize=1024)
def _asks_intent(asking: str) -> Intent:
    """What a source's own short question asks, read as a patient's question is ("How long
    will I take it for?" is a duration question, even in the first person an FAQ heading
    uses); `other` unless a strong cue says so, or when the question comes with a story told
    before it (someone's post about their own case)."""
    asking = _NUMBERED.sub("", asking.strip())  # "3. How and when to take it"
    if len(asking.split()) > _HEADING_QUESTION or _SENTENCE_END.search(asking[:-1]):
        return Intent.OTHER
    reading = read_question(asking)
    return reading.intent if reading.score >= _STRONG else Intent.OTHER


def _strong_cues(reading: Reading) -> tuple[str, ...]:
    """The intent's strong cues as phrases ("how fast", "kick in", "make up for")."""
    rule = load_intent_rules().rule(reading.intent)
    if rule is None:
        return ()
    return tuple(cue for cue, weight in rule.cues.cues.items() if weight >= _STRONG)


def _cue_words(reading: Reading) -> tuple[str, ...]:
    """The intent's strong cues ("make up for", "storage") that share no word with the
    question: a sentence holding one says more than the asked word it already shares."""
    rule = load_intent_rules().rule(reading.intent)
    if rule is None:
        return ()
    asked = {stem(word) for word in _WORD.findall(reading.text)}
    return tuple(
        cue
        for cue, weight in rule.cues.cues.items()
        if weight >= _STRONG and not asked & {stem(word) for word in cue.split()}
    )


def _holds_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `phrases` as whole words."""
    words = " " + " ".join(_WORD.findall(text.lower())) + " "
    return any(f" {phrase} " in words for phrase in phrases)


def needed_share(reading: Reading, ignore: frozenset[str]) -> int:
    """How many of the question's words a sentence must share to be quoted on its own: two,
    up to four when no intent was read (nothing but the words says what is asked)."""
    most = _NO_INTENT_SHARE if reading.intent is Intent.OTHER else 2
    return min(most, len(stems(reading.text, ignore)))


def add_evidence(draft: Draft, monograph: Monograph, sentence: Sentence, lead: str) -> None:
    """Quote `sentence` after `lead` ("{title} says:"), cited to its passage."""
    title = source_titles(monograph, [sentence.passage.source])
    draft.say(f"{lead.format(title=title)} \u201c{sentence.text}\u201d")
    span = sentence.passage
    draft.add(Citation(source=span.source, start=span.start, end=span.end, section=span.section))


def question_ignore(monograph: Monograph, names: set[str]) -> frozenset[str]:
    """Words of a question that never count as matching a source: the drug's own names (its
    products' too), stopwords and the words too general to show a match
    (`question_generic_words`)."""
    words = set(names)
    products = load_medicine_index().brand_names(monograph.drug.lower())  # "synthroid"
    for name in (monograph.drug, *monograph.brand_names, *products):
        words.update(_WORD.findall(name.lower()))
    vocabulary = load_vocabulary()
    words.update(vocabulary.stopwords | vocabulary.question_generic_words)
    return frozenset(words)


def _asked_medicine_names(reading: Reading, ignore: frozenset[str]) -> tuple[str, ...]:
    """The names under which a source may speak of the other medicines a question names
    (as typed, its generics and groups); none when it names none."""
    names: set[str] = set()
    for medicine in load_medicine_index().named_in(reading.text, set(ignore)):
        names.update(n.lower() for n in (medicine.typed, *medicine.agent_names) if len(n) > 2)
    return tuple(sorted(names))


def with_evidence(
    draft: Draft | None,
    monograph: Monograph,
    reading: Reading,
    passages: PassageSearch | None,
    required: tuple[str, ...] = (),
) -> Draft | None:
    """The draft with the source sentences that best answer the question quoted after it;
    with no draft, those sentences alone when they share enough of the question's words."""
    if passages is None:
        return draft
    ignore = question_ignore(monograph, own_names(monograph))
    child = reading.has(Concern.CHILD)
    if child:  # only what the sources say of children, and never a dose (another age's?)
        required = load_vocabulary().child_source_words
    elif not required and reading.intent is Intent.INTERACTION:  # about the medicine asked
        required = _asked_medicine_names(reading, ignore)
    # an interaction answer's quote should say what the listed interaction came from
    cited = draft.citations if draft is not None and reading.intent is Intent.INTERACTION else ()
    found = best_sentences(monograph, reading, passages, ignore, required, cited)
    if child:
        found = [sentence for sentence in found if not names_a_dose(sentence.text)]
    on_topic = _on_topic_words(reading)
    if on_topic:  # "what if i took too much": never a dosing table
        found = [sentence for sentence in found if mentions_any(sentence.text, on_topic)]
    topic_words = load_vocabulary().topic_words.get(reading.intent.value, ())
    if draft is None:
        cues = _cue_words(reading)
        typed = {stem(word) for word in _WORD.findall(reading.text)}
        fresh = tuple(  # topic words sharing no word with the question say more than it
            word for word in topic_words if not typed & {stem(w) for w in _WORD.findall(word)}
        )
        found = [
            sentence
            for sentence in found
            if sentence.in_section
            or (
                # a strong cue of the intent the question did not use, or one of the intent's
                # topic words ("courses last" for a duration), counts as a shared word
                sentence.asked
                + int(
                    sentence.asked > 0
                    and (
                        _holds_phrase(sentence.text, cues)
                        or bool(fresh and mentions_any(sentence.text, fresh))
                    )
                )
                >= needed_share(reading, ignore)
                and (
                    sentence.asked >= 2
                    or not topic_words
                    or mentions_any(sentence.text, topic_words)
                )
            )
        ]
        if not found:
            return None
        draft = Draft()
        lead = "medinfo has no structured fact on this, but {title} says:"
        safety = SAFETY_LINES.get(reading.intent)
    else:
        lead, safety = "{title} says:", None
        # beside the facts' answer, a quote shares a question word or names the topic: a
        # sentence that is only in the section ("take it when you remember") says nothing
        found = [
            sentence
            for sentence in found
            if sentence.asked
            or sentence.asks_same
            or (topic_words and mentions_any(sentence.text, topic_words))
        ]
    said = " ".join(draft.sentences).lower()
    quoted = 0
    for sentence in found:
        if quoted >= _QUOTED or sentence.score < found[0].score * _CLOSE:
            break
        core = sentence.text.lower().replace("\u2026", "").strip()
        if core[:_SAME_TEXT] not in said and core[-_SAME_TEXT:] not in said:  # said already
            add_evidence(draft, monograph, sentence, lead)
            lead = "{title} also says:"
            said += " " + sentence.text.lower()
            quoted += 1
    if safety:
        draft.say(safety.format(drug=monograph.drug))
    return draft
