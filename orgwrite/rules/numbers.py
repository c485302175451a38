"""Numbers (rule family N, codes N101–N199)."""

from __future__ import annotations
