"""Laboratory terms named by a threshold: 'ALT > 3 x ULN' is alanine aminotransferase increased."""

from __future__ import annotations

import re

from medinfo.extract.coordinated_terms import CoordinatedTerm
from medinfo.extract.meddra import TermMatcher, phrase_key

_ABOVE = r"(?:>=?|\u2265|greater than(?: or equal to)?|more than|higher than|above|exceeding)"
_BELOW = r"(?:<=?|\u2264|less than(?: or equal to)?|lower than|below|under)"
_TIMES_ULN = r"(?:\d+(?:\.\d+)?\s*(?:x|\u00d7|\*|times)\s*(?:the\s+)?(?:ULN|upper limit))"
_THRESHOLD = re.compile(
    rf"(?P<analyte>[A-Za-z][A-Za-z0-9\- ]{{0,60}}?)\s*(?:\([^()]{{1,15}}\)\s*)?"
    rf"(?:(?P<above>{_ABOVE}\s*\d|{_TIMES_ULN})|(?P<below>{_BELOW}\s*\d))",
    re.IGNORECASE,
)
# Words after an analyte's name that do not change which analyte it is.
_MEASURE_WORDS = frozenset({"measurement", "level", "concentration", "value", "result"})
_MAX_WORDS = 4
_WORD = re.compile(r"[A-Za-z0-9]+")  # the words phrase_key reads


def threshold_terms(text: str, matcher: TermMatcher) -> list[CoordinatedTerm]:
    """Known '<analyte> increased/decreased' terms that an analyte and a threshold name."""
    found = []
    for hit in _THRESHOLD.finditer(text):
        spans = [word.span() for word in _WORD.finditer(hit.group("analyte"))]
        words = phrase_key(hit.group("analyte"))
        while words and words[-1] in _MEASURE_WORDS:
            words = words[:-1]
        direction = "increased" if hit.group("above") else "decreased"
        for size in range(min(_MAX_WORDS, len(words)), 0, -1):
            term = matcher.term_of((*words[-size:], direction))
            if term is not None:
                offset = hit.start("analyte")
                start, end = offset + spans[len(words) - size][0], hit.end("analyte")
                found.append(CoordinatedTerm(start, end, text[start:end], term))
                break
    return found
