"""Settings with their defaults: one home per knob."""

from __future__ import annotations

from dataclasses import dataclass

MAX_INPUT_BYTES = 5_000_000  # larger articles are recorded as failures (too-large)
BINARY_CONTROL_RATIO = 0.05  # share of control characters that marks a file as binary
DEFAULT_DB = "dyad.sqlite"


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-time settings of one pipeline run."""

    backend: str = "rules.v1"
    max_input_bytes: int = MAX_INPUT_BYTES
