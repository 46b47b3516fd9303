"""One PlacesStage for the whole places test package: building its index takes seconds."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def places_stage():
    from wartrace.places import PlacesStage

    return PlacesStage()
