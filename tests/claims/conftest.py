"""The claims tests import their helper (claims_fixtures) from this folder."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
