"""Character classes that published schemas and the services enforcing them share, as regex text."""

from __future__ import annotations

# White space that is not a control character (what a reader sees as a gap), plus tab and line
# breaks; spelled out because regex engines (Python, ECMAScript, Rust) disagree on "\s".
SPACE = r"\t\n\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Control characters that str.strip() also treats as white space.
CONTROL_SPACE = r"\x0b\x0c\x1c-\x1f\x85"
# Every control character but tab and line breaks.
CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Something besides white space: what str.strip() leaves.
VISIBLE = f"[^{SPACE}{CONTROL_SPACE}]"
