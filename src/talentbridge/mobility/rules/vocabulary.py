"""The closed vocabularies shared by the rules data and the engine's facts (degrees, vocational levels).

Kept in ``rules`` so the loader can validate data against them without importing the engine.
"""

from __future__ import annotations

from typing import Literal, get_args

Degree = Literal["none", "bachelor", "master", "doctorate"]
Vocational = Literal["none", "senior_worker", "technician", "senior_technician", "international_top"]

DEGREES: tuple[Degree, ...] = get_args(Degree)  # lowest first
VOCATIONAL_LEVELS: tuple[Vocational, ...] = get_args(Vocational)
