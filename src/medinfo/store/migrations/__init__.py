"""Alembic migrations shipped in the package; HEAD_REVISION names the newest one."""

HEAD_REVISION = "0007_settings"
