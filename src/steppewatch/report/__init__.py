"""The report: a self-contained HTML file with charts, captions, findings and methods."""

from steppewatch.report.build import DEFAULT_STATUSES, ReportResult, build_report

__all__ = ["DEFAULT_STATUSES", "ReportResult", "build_report"]
