"""Realistic little documents about drugs other than the seed drug, written for the tests."""

from __future__ import annotations

from pathlib import Path

IBUPROFEN = """# Ibuprofen for everyday aches

Ibuprofen, sold as Advil and Motrin, eases pain, swelling and fever.
Some people notice nausea or a headache after a dose; stomach bleeding is rare but serious.
Take it with food. This page is general information, not medical advice.
"""

METFORMIN = """Metformin (brand name Glucophage) lowers blood sugar in type 2 diabetes.
An upset stomach and nausea are common in the first weeks; a metallic taste can occur.
Lactic acidosis is a rare and serious problem, more likely with kidney disease.
"""

SERTRALINE_AI = """Zoloft (sertraline) notes
This summary is AI-generated and may contain mistakes.
It may cause dizziness, headache and trouble sleeping.
"""

NO_DRUG = """Staying active in winter
Short walks, stretching and warm clothing help people stay active on cold days.
"""


def write(folder: Path, name: str, text: str) -> Path:
    """Write `text` to `folder/name` and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
