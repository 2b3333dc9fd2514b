"""The web explorer: server-rendered pages with JSON twins, a CSV download, an OpenAPI
description, and the review workflow (sign in, accept / edit / reject, audit, agreement).

``create_app(store_or_url)`` returns a Starlette (ASGI) app; ``steppewatch serve`` runs it with
uvicorn.
"""

from steppewatch.web.app import create_app

__all__ = ["create_app"]
