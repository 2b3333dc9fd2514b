"""The OpenAPI 3.1 description of the JSON routes, written by hand (the routes are few and the
parameters are shared)."""

from __future__ import annotations

from typing import Any

from steppewatch import __version__
from steppewatch.store import SEARCH_SYNTAX_HELP as SYNTAX_HELP
from steppewatch.web.facet_links import FACET_SEMANTICS

_LIST = {"type": "array", "items": {"type": "string"}}


def _param(
    name: str, description: str, schema: dict[str, Any], *, many: bool = False
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
    }
    body["schema"] = {"type": "array", "items": schema} if many else schema
    if many:
        body["style"], body["explode"] = "form", True
    return body


def _path(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string"},
    }


LIST_PARAMETERS = [
    _param(
        "country",
        "ISO 3166 alpha-2 code (repeat or comma-separate for OR)",
        {"type": "string"},
        many=True,
    ),
    _param("kind", "event kind code (codebook scheme event_kind)", {"type": "string"}, many=True),
    _param("topic", "security concern code (codebook scheme topic)", {"type": "string"}, many=True),
    _param("domain", "cooperation domain code", {"type": "string"}, many=True),
    _param("level", "meeting level code", {"type": "string"}, many=True),
    _param("framework", "framework code", {"type": "string"}, many=True),
    _param(
        "status",
        "review status; default curated, accepted and edited (what a person vouched for); machine: unreviewed machine-coded events (each has unreviewed: true); rejected: signed-in reviewers only (403 otherwise)",
        {"type": "string", "enum": ["curated", "machine", "accepted", "edited", "rejected"]},
        many=True,
    ),
    _param("since", "first year included", {"type": "integer", "minimum": 1900, "maximum": 2100}),
    _param("until", "last year included", {"type": "integer", "minimum": 1900, "maximum": 2100}),
    _param(
        "year",
        "one year (sets since and until)",
        {"type": "integer", "minimum": 1900, "maximum": 2100},
    ),
    _param(
        "q",
        "full-text search over titles, summaries, places, actors, and each linked document's item linked to the event (and that document's title). "
        + SYNTAX_HELP,
        {"type": "string", "maxLength": 300},
    ),
    _param(
        "sort",
        "order",
        {"type": "string", "enum": ["date", "-date", "id", "kind", "title"], "default": "-date"},
    ),
]
PAGING = [
    _param(
        "page", "page number", {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1}
    ),
    _param(
        "per_page",
        "events per page",
        {"type": "integer", "minimum": 1, "maximum": 200, "default": 25},
    ),
]


def _ok(schema_ref: str, description: str) -> dict[str, Any]:
    return {
        "200": {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": schema_ref}}},
        },
        "400": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"},
    }


def openapi_spec() -> dict[str, Any]:
    obj = {"type": "object"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "steppewatch explorer API",
            "version": __version__,
            "description": "Read-only JSON twins of the explorer pages. Every error has one shape: "
            '{"ok": false, "error": str, "errors": [...], "status": int}; "error" starts with '
            "its stable code ([SW734] bad query parameters), listed with its meaning and status "
            "in docs/errors.md.",
        },
        "paths": {
            "/events.json": {
                "get": {
                    "summary": "Filtered, searched, sorted page of events with facet counts",
                    "parameters": LIST_PARAMETERS + PAGING,
                    "responses": _ok("#/components/schemas/EventList", "a page of events"),
                }
            },
            "/events.csv": {
                "get": {
                    "summary": "Every event of the filtered list as CSV (the columns of an export's events.csv, plus source_urls)",
                    "parameters": LIST_PARAMETERS
                    + [
                        {
                            "name": "bom",
                            "in": "query",
                            "required": False,
                            "description": "1: start with a byte-order mark (for spreadsheets)",
                            "schema": {"type": "string", "enum": ["0", "1"]},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "CSV",
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        "400": {"$ref": "#/components/responses/Error"},
                    },
                }
            },
            "/events/{event_id}.json": {
                "get": {
                    "summary": "One event with its sources, evidence and readouts",
                    "parameters": [_path("event_id", "event id")],
                    "responses": _ok("#/components/schemas/EventDetail", "the event"),
                }
            },
            "/events/{event_id}.csl.json": {
                "get": {
                    "summary": "Citation of one event as CSL-JSON (also .bib and .ris)",
                    "parameters": [_path("event_id", "event id")],
                    "responses": {
                        "200": {
                            "description": "CSL-JSON",
                            "content": {
                                "application/vnd.citationstyles.csl+json": {
                                    "schema": {"type": "array"}
                                }
                            },
                        },
                        "404": {"$ref": "#/components/responses/Error"},
                    },
                }
            },
            "/countries/{code}.json": {
                "get": {
                    "summary": "A country: timeline, activity mix, concerns by decade, engagement index",
                    "parameters": [_path("code", "ISO 3166 alpha-2")],
                    "responses": _ok("#/components/schemas/Object", "country profile"),
                }
            },
            "/topics/{code}.json": {
                "get": {
                    "summary": "A security concern: where and when it appears",
                    "parameters": [_path("code", "topic code")],
                    "responses": _ok("#/components/schemas/Object", "topic profile"),
                }
            },
            "/review.json": {
                "get": {
                    "summary": "Review queue (signed-in reviewers only)",
                    "parameters": PAGING[:1],
                    "responses": {
                        **_ok("#/components/schemas/Object", "queue"),
                        "401": {"$ref": "#/components/responses/Error"},
                    },
                }
            },
            "/audit.json": {
                "get": {
                    "summary": "Audit log, newest first",
                    "parameters": PAGING[:1],
                    "responses": _ok("#/components/schemas/Object", "audit entries"),
                }
            },
            "/review/agreement.json": {
                "get": {
                    "summary": "Inter-coder agreement report",
                    "responses": _ok("#/components/schemas/Object", "agreement"),
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1",
                            "content": {"application/json": {"schema": obj}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Object": obj,
                "Event": {
                    "type": "object",
                    "required": ["id", "kind", "title", "date_start", "countries", "framework"],
                    "properties": {
                        "id": {"type": "string"},
                        "kind": {"type": "string"},
                        "title": {"type": "string"},
                        "date_start": {"type": "string"},
                        "countries": _LIST,
                        "topics": _LIST,
                        "domains": _LIST,
                        "framework": {"type": "string"},
                        "review_status": {"type": "string"},
                        "sources": {"type": "array", "items": obj},
                    },
                },
                "EventList": {
                    "type": "object",
                    "required": ["ok", "total", "page", "per_page", "events", "facets"],
                    "properties": {
                        "ok": {"const": True},
                        "total": {
                            "type": ["integer", "null"],
                            "description": "null when counting took too long",
                        },
                        "page": {"type": "integer"},
                        "per_page": {"type": "integer"},
                        "next": {"type": ["string", "null"]},
                        "events": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Event"},
                        },
                        "facets": {
                            "type": "object",
                            "additionalProperties": {"type": ["object", "null"]},
                            "description": "per facet and value, the number of events of THIS list that have the value (null: not counted in time)",
                        },
                        "facet_links": {
                            "type": "object",
                            "additionalProperties": {"type": ["array", "null"], "items": obj},
                            "description": "per facet, its values as the page shows them: code, label, selected, href (adds the value, or removes a selected one) and count, the total of the list href opens (null for a selected value). "
                            + FACET_SEMANTICS,
                        },
                        "facet_semantics": {"type": "string"},
                        "statuses": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "review statuses listed; without a status parameter: curated, accepted, edited",
                        },
                        "active_filters": {
                            "type": "array",
                            "items": obj,
                            "description": "every condition of the list, with the link that removes it",
                        },
                    },
                },
                "EventDetail": {
                    "type": "object",
                    "required": ["ok", "event"],
                    "properties": {
                        "ok": {"const": True},
                        "event": {"$ref": "#/components/schemas/Event"},
                        "evidence": {"type": "array", "items": obj},
                        "readouts": {"type": "array", "items": obj},
                        "suggestions": {"type": "array", "items": obj},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["ok", "error", "errors", "status"],
                    "properties": {
                        "ok": {"const": False},
                        "error": {"type": "string"},
                        "errors": {"type": "array", "items": obj},
                        "status": {"type": "integer"},
                    },
                },
            },
            "responses": {
                "Error": {
                    "description": "error",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
        },
    }
