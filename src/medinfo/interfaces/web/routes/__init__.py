"""Page routers, one module per resource; each returns HTML rendered from the services."""
