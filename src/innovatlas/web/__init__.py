"""Web dashboard and REST API (FastAPI), a thin adapter over the service functions."""

from innovatlas.web.app import create_app

__all__ = ["create_app"]
