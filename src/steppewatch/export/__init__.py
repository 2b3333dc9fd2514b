"""Publishing: data package export, citations (BibTeX, RIS, CSL-JSON) and versioned releases."""

from steppewatch.export.citations import (
    CiteContext,
    event_bibtex,
    event_citation_text,
    event_csl_json,
    event_ris,
)
from steppewatch.export.package import FORMATS, ExportResult, export_package, parse_formats

__all__ = [
    "FORMATS",
    "CiteContext",
    "ExportResult",
    "event_bibtex",
    "event_citation_text",
    "event_csl_json",
    "event_ris",
    "export_package",
    "parse_formats",
]
