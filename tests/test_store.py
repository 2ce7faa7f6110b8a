"""The workspace: versioned schema, transactions, read-only access."""

from __future__ import annotations

import pytest

from innovatlas.errors import WorkspaceError
from innovatlas.store import Workspace
from innovatlas.store.schema import SCHEMA_VERSION


def test_new_workspace_has_current_schema(tmp_path):
    with Workspace(tmp_path / "a.duckdb") as ws:
        assert ws.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION)
    with Workspace(tmp_path / "a.duckdb") as ws:  # reopening migrates nothing and keeps data
        assert ws.scalar("SELECT count(*) FROM meta") == 1


def test_newer_schema_is_refused(tmp_path):
    with Workspace(tmp_path / "b.duckdb") as ws:
        ws.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(WorkspaceError, match="newer than this innovatlas"):
        Workspace(tmp_path / "b.duckdb")


def test_transaction_rolls_back(tmp_path):
    with Workspace(tmp_path / "c.duckdb") as ws:
        before = ws.snapshot()
        with pytest.raises(RuntimeError):
            with ws.transaction():
                ws.new_batch(source="s", dataset="d", file="f", sha256="x", rows=1, licence=None, attribution=None)
                raise RuntimeError("boom")
        assert ws.snapshot() == before


def test_read_only_missing_workspace(tmp_path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace(tmp_path / "none.duckdb", read_only=True)


def test_older_workspace_is_migrated(tmp_path):
    """A workspace at schema version 1 (before maps, inputs and assessments) gains the new tables on opening."""
    path = tmp_path / "old.duckdb"
    with Workspace(path) as ws:
        for table in ("geo_shape", "custom_indicator", "indicator_input", "qualitative_entry", "target",
                      "regional_statistic", "finding", "assessment", "contributor_set", "contributor",
                      "ror_record", "ror_name", "ror_external_id", "ror_relationship", "org_match", "match_decision",
                      "registry_org", "registry_identifier", "registry_name", "registry_relation",
                      "user_actor", "user_relation", "analysis_unit", "ecosystem_actor", "organisation_vat",
                      "openalex_institution", "openalex_work", "openalex_topic", "openalex_authorship",
                      "openalex_affiliation", "copub_node", "copub_edge", "copub_metric",
                      "facility", "facility_investment", "facility_use", "venture", "venture_employees",
                      "financing_event", "rule_entry",  # v9 (issue 19)
                      # v10 (issue 12): accounts, edit log, snapshots, alerts, community
                      "app_user", "user_role", "edit_log", "snapshot", "snapshot_indicator", "snapshot_input",
                      "snapshot_finding", "snapshot_member", "snapshot_network", "alert_threshold", "monitoring_note",
                      "monitoring_package"):
            ws.execute(f"DROP TABLE {table}")
        for seq in ("edit_seq", "snapshot_seq"):
            ws.execute(f"DROP SEQUENCE {seq}")
        ws.execute("DROP SEQUENCE input_seq")
        ws.execute("DROP SEQUENCE contributor_set_seq")
        ws.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(WorkspaceError, match="older innovatlas"):
        Workspace(path, read_only=True)
    with Workspace(path) as ws:
        assert ws.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION)
        assert ws.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('geo_shape', 'assessment')") == 2
        # v5 added the disclosure columns to the table v3 created
        cols = {r[0] for r in ws.rows("SELECT column_name FROM (DESCRIBE indicator_input)")}
        assert {"top2_share", "top3_share", "contributor_set"} <= cols


def test_every_indicator_family_is_documented():
    from innovatlas.indicators import REGISTRY

    for key, ind in REGISTRY.items():
        assert ind.method and type(ind).__doc__ or type(ind).__module__, key
        assert (type(ind).__doc__ or "").strip() or (ind.method or "").strip(), f"indicator family {key} has no docs"
