"""Queries of the engine settings kept in the workspace (``innovatlas config --engine``)."""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, query

ENGINE_SETTINGS = query("engine.settings", "SELECT key, value FROM meta WHERE key LIKE 'engine_%'")
SET_ENGINE_SETTING = query("engine.set_setting", "INSERT OR REPLACE INTO meta VALUES (?, ?)", engines=DUCKDB_ONLY)
CLEAR_ENGINE_SETTING = query("engine.clear_setting", "DELETE FROM meta WHERE key = ?", engines=DUCKDB_ONLY)
