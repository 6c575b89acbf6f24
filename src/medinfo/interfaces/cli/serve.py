"""`medinfo serve`: the website and JSON API over HTTP."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Any

import typer

from medinfo.config import TRUSTED_PROXIES
from medinfo.domain.errors import InputError
from medinfo.interfaces.cli.boundary import DbOption, reporting_errors


@reporting_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.")] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the website and the /api/v1 JSON API.

    Review moderation (/admin/reviews) is off until MEDINFO_ADMIN_TOKEN is set to a long token.

    Behind a reverse proxy, set MEDINFO_TRUSTED_PROXIES to the proxy's address.
    """
    import uvicorn

    from medinfo.interfaces.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, **proxy_options(TRUSTED_PROXIES.value()))


def proxy_options(trusted: str) -> dict[str, Any]:
    """Uvicorn's proxy settings: X-Forwarded-* believed only from the `trusted` proxies.

    Uvicorn itself trusts them from 127.0.0.1 by default, which lets anyone reaching a local
    proxy that passes the header through choose their address (and dodge the review limit).
    """
    proxies = [item.strip() for item in trusted.split(",") if item.strip()]
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise InputError(
                f"{TRUSTED_PROXIES.env}: {proxy[:80]!r} is not an IP address or network"
            ) from None
    if not proxies:
        return {"proxy_headers": False, "forwarded_allow_ips": ""}
    return {"proxy_headers": True, "forwarded_allow_ips": proxies}
