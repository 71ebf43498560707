"""Analyst workbench: JSON API, server-rendered pages and reviews over a sanctionwatch store.

Needs the optional ``web`` dependencies (fastapi, uvicorn, jinja2).
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
