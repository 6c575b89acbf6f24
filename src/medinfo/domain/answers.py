"""Answers to patients' questions, with their citations."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class Intent(StrEnum):
    INDICATION = "indication"
    DOSAGE = "dosage"
    MAX_DOSE = "max_dose"
    SIDE_EFFECTS = "side_effects"
    SERIOUS_SIDE_EFFECTS = "serious_side_effects"
    INTERACTION = "interaction"
    ALCOHOL = "alcohol"
    PREGNANCY = "pregnancy"
    BREASTFEEDING = "breastfeeding"
    MISSED_DOSE = "missed_dose"
    STOPPING = "stopping"
    ONSET = "onset"
    MECHANISM = "mechanism"
    DRIVING = "driving"
    OVERDOSE = "overdose"
    WEIGHT_GAIN = "weight_gain"
    STORAGE = "storage"
    PRECAUTIONS = "precautions"
    CONTROLLED_SUBSTANCE = "controlled_substance"
    HALF_LIFE = "half_life"
    APPEARANCE = "appearance"
    INGREDIENTS = "ingredients"
    HOW_TO_TAKE = "how_to_take"
    DURATION = "duration"
    ALTERNATIVES = "alternatives"
    OTHER = "other"


class Citation(BaseModel):
    source: str
    start: int
    end: int
    section: str = ""


class Answer(BaseModel):
    question: str
    drug: str | None
    intent: Intent
    answer: str
    answerable: bool
    citations: list[Citation] = Field(default_factory=list)
