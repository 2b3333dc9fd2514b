"""Ingest: archive collected documents, extract and code them, deduplicate, link into events.

Use as a library::

    from steppewatch.store import open_store
    from steppewatch.ingest import Ingestor
    from steppewatch.sources.collect import iter_documents

    summary = Ingestor(open_store("sw.db")).ingest(iter_documents(["pages/"]))
    print(summary.line())
"""

from steppewatch.ingest.pipeline import Failure, Ingestor, IngestSummary

__all__ = ["Failure", "IngestSummary", "Ingestor"]
