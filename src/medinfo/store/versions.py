"""Monograph versions: which drugs have a monograph and its etag, a cheap check for caches."""

from __future__ import annotations

from sqlalchemy import Connection, select

from medinfo.store.tables import monographs


def monograph_etags(conn: Connection) -> dict[str, str]:
    """Every drug with a cached monograph mapped to the content hash of that monograph."""
    query = select(monographs.c.drug, monographs.c.etag).order_by(monographs.c.drug)
    return {row.drug: row.etag for row in conn.execute(query)}
