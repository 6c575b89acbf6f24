"""Terms named through coordinated words: 'hepatic and renal failure', 'rashes (macular)'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medinfo.extract.meddra import Term, TermMatcher, phrase_key, token_list

_CONJUNCTIONS = frozenset({"and", "or"})
_REVERSED_LINKS = frozenset({"of", "in"})  # '<head> of/in the <part>': 'infections of the ear'
_ITEM_GAP = re.compile(r"\s*(?:,|/)\s*|\s+")  # between two listed words (the conjunction apart)
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_MAX_ITEMS = 6  # listed words read on either side of a head
_MAX_HEAD = 3  # words of the shared part ('failure', 'site reaction')
# A site reaction and the list of what it was: 'injection site reactions (pain, warmth)',
# 'application site reactions, including itching and redness'.
_SITE_LIST = re.compile(
    r"\b(injection|infusion|application|administration|instillation|catheter|implant|vaccination)"
    r"[ -]sites?(?: reactions?| events?| disorders?| conditions?)?"
    r"(?:\s*\(|\s*:|,?\s+(?:(?:were|was)\s+)?(?:including|includes|included|such as|"
    r"characteri[sz]ed by|consisting of|e\.g\.,?))\s*([^().;:\n]{2,200})",
    re.IGNORECASE,
)
_SITE_ITEM = re.compile(r"[^,/]+?(?=\s*(?:,|/|\band/or\b|\band\b|\bor\b|$))", re.IGNORECASE)
_ITEM_LEAD = re.compile(r"^(?:and/or|and|or|local|mild|site)\s+", re.IGNORECASE)

Token = tuple[int, int, str, bool]


@dataclass(frozen=True)
class CoordinatedTerm:
    """A known term one listed word makes with the words they share, and where it stands."""

    start: int
    end: int
    text: str  # the listed word and the shared words, as one phrase
    term: Term


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left[1] : right[0]]


def _items_before(text: str, tokens: list[Token], words: list[str], last: int) -> list[int]:
    """The listed words ending at token `last`: 'hepatic, renal and cardiac' -> their indexes,
    when at least one list joint (',', '/', 'and', 'or') stands between them."""
    items = [last]
    position = last
    joined = False
    while position > 0 and len(items) < _MAX_ITEMS:
        previous = position - 1
        if words[previous] in _CONJUNCTIONS and previous > 0:
            gap = _gap(text, tokens[previous - 1], tokens[previous])
            if not re.fullmatch(r"\s*,?\s*", gap) or words[previous - 1] in _CONJUNCTIONS:
                break
            previous -= 1
        elif not re.fullmatch(r"\s*[,/]\s*", _gap(text, tokens[previous], tokens[position])):
            break
        if "\n" in text[tokens[previous][1] : tokens[position][0]]:
            break
        items.append(previous)
        joined = True
        position = previous
    return items[1:] if joined else []


def _items_in_brackets(text: str, tokens: list[Token], words: list[str], head: int) -> list[int]:
    """The words listed in brackets right after token `head`: 'rashes (macular, papular)'."""
    if head + 1 >= len(tokens) or not _OPEN_BRACKET.fullmatch(
        _gap(text, tokens[head], tokens[head + 1])
    ):
        return []
    items: list[int] = []
    position = head + 1
    while position < len(tokens) and len(items) < _MAX_ITEMS:
        if words[position] in _CONJUNCTIONS:
            position += 1
            continue
        items.append(position)
        if position + 1 >= len(tokens):
            break
        gap = _gap(text, tokens[position], tokens[position + 1])
        if gap.strip() == ")" or not _ITEM_GAP.fullmatch(gap):
            break
        position += 1
    return items


def _items_after_of(text: str, tokens: list[Token], words: list[str], of: int) -> list[list[int]]:
    """The listed items after token `of` ("of lips, tongue and/or throat"), each as its word
    indexes (one or two words), while list joints (',', '/', 'and', 'or') join them."""
    items: list[list[int]] = []
    position = of + 1
    if position < len(tokens) and words[position] == "the":
        position += 1
    while position < len(tokens) and len(items) < _MAX_ITEMS:
        item = [position]
        following = position + 1
        if (
            following < len(tokens)
            and tokens[following][3]
            and words[following] not in _CONJUNCTIONS
            and words[following] != "the"
        ):
            item.append(following)
        items.append(item)
        after = item[-1] + 1
        while after < len(tokens) and words[after] in _CONJUNCTIONS:
            after += 1
        if after >= len(tokens) or (
            after == item[-1] + 1
            and not re.fullmatch(r"\s*[,/]\s*", _gap(text, tokens[item[-1]], tokens[after]))
        ):
            break
        if "\n" in text[tokens[item[-1]][1] : tokens[after][0]]:
            break
        position = after
    return items if len(items) > 1 else []


def _before_heads(
    text: str, tokens: list[Token], words: list[str], matcher: TermMatcher
) -> list[CoordinatedTerm]:
    """Terms of the listed words before a shared head: 'hepatic, renal and cardiac failure'."""
    found = []
    for index in range(1, len(tokens)):
        if not tokens[index][3]:
            continue  # the listed word right before a head is joined to it
        for size in range(1, _MAX_HEAD + 1):
            if index + size > len(tokens) or (size > 1 and not tokens[index + size - 1][3]):
                break
            shared = words[index : index + size]
            if matcher.term_of((words[index - 1], *shared)) is None:
                continue  # the last listed word and the head make no term: no list of them
            for item in _items_before(text, tokens, words, index - 1):
                term = matcher.term_of((words[item], *shared))
                if term is not None:
                    end = tokens[index + size - 1][1]
                    written = [tokens[item][2], *(t[2] for t in tokens[index : index + size])]
                    found.append(CoordinatedTerm(tokens[item][0], end, " ".join(written), term))
    return found


def _in_brackets(
    text: str, tokens: list[Token], words: list[str], matcher: TermMatcher
) -> list[CoordinatedTerm]:
    """Terms of a head and each word in brackets after it: 'rashes (generalised, macular)'."""
    found = []
    for head in range(len(tokens)):
        for item in _items_in_brackets(text, tokens, words, head):
            term = matcher.term_of((words[head], words[item])) or matcher.term_of(
                (words[item], words[head])
            )
            if term is not None:
                phrase = f"{tokens[head][2]} {tokens[item][2]}"
                found.append(CoordinatedTerm(tokens[head][0], tokens[item][1], phrase, term))
    return found


def _after_of(
    text: str, tokens: list[Token], words: list[str], matcher: TermMatcher
) -> list[CoordinatedTerm]:
    """Terms of the words before 'of' and each item after it: 'swelling of lips, tongue'."""
    found = []
    for of in range(1, len(tokens)):
        if words[of] != "of":
            continue
        for size in (1, 2):
            if of - size < 0:
                break
            before = tuple(words[of - size : of])
            for listed in _items_after_of(text, tokens, words, of):
                for item in (listed, listed[:1]) if len(listed) > 1 else (listed,):
                    named = tuple(words[index] for index in item)
                    term = matcher.term_of((*before, "of", *named)) or matcher.term_of(
                        (*before, "of", "the", *named)
                    )
                    if term is not None:
                        start, end = tokens[of - size][0], tokens[item[-1]][1]
                        written = [t[2] for t in tokens[of - size : of + 1]]
                        written += [tokens[index][2] for index in item]
                        found.append(CoordinatedTerm(start, end, " ".join(written), term))
                        break
    return found


def _of_reversed(
    text: str, tokens: list[Token], words: list[str], matcher: TermMatcher
) -> list[CoordinatedTerm]:
    """Terms written as '<head> of/in the <part>' whose known name puts the part first:
    'infections of the urinary tract' -> urinary tract infection, 'discoloration of nails'."""
    found = []
    for link in range(1, len(tokens) - 1):
        if words[link] not in _REVERSED_LINKS:
            continue
        first = link + 2 if words[link + 1] == "the" and link + 2 < len(tokens) else link + 1
        last = first
        while last + 1 < len(tokens) and last - first + 1 < _MAX_HEAD and tokens[last + 1][3]:
            last += 1
        for size in (1, 2):
            if link - size < 0 or (size > 1 and not tokens[link - 1][3]):
                break
            head = tuple(words[link - size : link])
            for end in range(last, first - 1, -1):
                term = matcher.term_of((*words[first : end + 1], *head))
                if term is not None:
                    start, stop = tokens[link - size][0], tokens[end][1]
                    found.append(CoordinatedTerm(start, stop, text[start:stop], term))
                    break
    return found


def _after_heads(
    text: str, tokens: list[Token], words: list[str], matcher: TermMatcher
) -> list[CoordinatedTerm]:
    """Terms of a shared first word and each listed word after it: 'muscle spasms/twitching/
    weakness', 'suicidal ideation, attempt or behaviour'."""
    found = []
    for head in range(len(tokens) - 2):
        first = head + 1
        if not tokens[first][3] or matcher.term_of((words[head], words[first])) is None:
            continue  # the head and the first listed word make no term: no list of them
        position = first
        while position + 1 < len(tokens) and position - first < _MAX_ITEMS:
            following = position + 1
            if words[following] in _CONJUNCTIONS and following + 1 < len(tokens):
                following += 1
                gap = text[tokens[position][1] : tokens[following][0]]
                if not re.fullmatch(r"\s*,?\s*(?:and|or)(?:\s*/\s*(?:and|or))?\s*", gap, re.I):
                    break
            elif not re.fullmatch(r"\s*[,/]\s*", _gap(text, tokens[position], tokens[following])):
                break
            position = following
            term = matcher.term_of((words[head], words[position]))
            if term is not None:
                phrase = f"{tokens[head][2]} {tokens[position][2]}"
                found.append(CoordinatedTerm(tokens[head][0], tokens[position][1], phrase, term))
    return found


def _site_reactions(text: str, matcher: TermMatcher) -> list[CoordinatedTerm]:
    """Site terms of what a site reaction is listed as: 'injection site reactions (itching,
    warmth)' -> 'injection site pruritus', 'injection site warmth', when the vocabulary knows
    them."""
    found = []
    for listing in _SITE_LIST.finditer(text):
        site = listing.group(1).lower()
        offset = listing.start(2)
        for item in _SITE_ITEM.finditer(listing.group(2)):
            written = _ITEM_LEAD.sub("", item.group(0).strip())
            if not written:
                continue
            names = [phrase_key(written)]
            names += [phrase_key(hit.term.pt) for hit in matcher.find(written) if hit.term]
            for name in names:
                term = matcher.term_of((site, "site", *name))
                if term is not None:
                    start = offset + item.start()
                    phrase = f"{site} site {written}"
                    found.append(CoordinatedTerm(start, offset + item.end(), phrase, term))
                    break
    return found


def coordinated_terms(text: str, matcher: TermMatcher) -> list[CoordinatedTerm]:
    """Known terms that words of a list make with the words they share.

    Before a head: in 'hepatic, renal and cardiac failure' each listed word but the last (which
    the vocabulary reads itself) makes a term with 'failure' when the vocabulary knows it.
    After one: in 'rashes (generalised, macular)' each bracketed word makes a term with the
    word before the bracket, in either order ('rash macular', 'macular rash'). After 'of': in
    'swelling of lips, tongue and/or throat' each item makes a term with the one or two words
    before 'of' ('swelling of tongue', 'swelling of the tongue'). After a first word: in
    'muscle spasms/weakness' each listed word makes a term with 'muscle'. Reversed: in
    'infections of the ear' the part after 'of' or 'in' names the term first ('ear
    infection'). After a site
    reaction: in 'injection site reactions (itching, warmth)' each item makes a site term."""
    tokens, words = token_list(text)
    found = [
        *_before_heads(text, tokens, words, matcher),
        *_in_brackets(text, tokens, words, matcher),
        *_after_of(text, tokens, words, matcher),
        *_of_reversed(text, tokens, words, matcher),
        *_after_heads(text, tokens, words, matcher),
        *_site_reactions(text, matcher),
    ]
    return sorted(found, key=lambda found_term: found_term.start)
