"""data_editor widgets (being built)."""
from __future__ import annotations
