"""Shared fixtures: paths to the shared dev corpus and a fresh store."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture
def dev_corpus() -> Path:
    """The shared dev corpus (read in place, never copied into the repo)."""
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not beside the repo")
    return DEV
