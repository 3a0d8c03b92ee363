from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KLIPING_SHARED", REPO.parent / "shared"))
DEV_SET = SHARED / "data" / "evalset" / "dev.jsonl"
SEED = SHARED / "seeds" / "000_a4f4262280191b67.txt"
GOLDEN = REPO / "tests" / "golden"
#: Regenerate golden files instead of comparing: KLIPING_UPDATE_GOLDEN=1 pytest ...
UPDATE_GOLDEN = os.environ.get("KLIPING_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.fail(f"the shared test data is missing: {SHARED} (clone the project beside ../shared)")
    return SHARED
