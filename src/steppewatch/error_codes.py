"""The error catalogue: every ``[SWnnn]`` code steppewatch prints, defined once.

Each entry gives the code, a short name, what it means, what the user should do (hint) and,
for codes the web explorer can answer with, the HTTP status. ``docs/errors.md`` is generated
from this table (``steppewatch errors --markdown --out docs/errors.md``) and a test keeps it
current; another test fails on a code used in ``src/`` that is not listed here, on a code listed
here that nothing uses, and on a code listed twice.

Ranges: SW0xx general; SW1xx input and data files (SW16x exports); SW2xx codebook; SW3xx store;
SW4xx coding and extraction; SW5xx collection and network; SW6xx analysis and report (SW66x
releases); SW7xx web and review.

To add a code: add ONE line to ``ENTRIES`` below, in code order:
``E("SW123", "short-name", http_status_or_None, "What it means.", "What to do."),``
(the table is left unformatted so that each entry stays one line).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ErrorCode", "CATALOGUE", "ENTRIES", "build_catalogue", "render_markdown"]


@dataclass(frozen=True)
class ErrorCode:
    """One catalogue entry. ``http`` is the HTTP status the web answers with (None: the web
    does not raise it; it answers 500 if it ever meets it)."""

    code: str
    name: str
    http: int | None
    meaning: str
    hint: str = ""


E = ErrorCode

# fmt: off
ENTRIES: tuple[ErrorCode, ...] = (
    E("SW000", "error", None, "An error without a more specific code (base class of every steppewatch error).", "Report it with the command you ran: every error the package raises should carry a specific code."),
    # SW1xx: input and data files
    E("SW100", "input-error", None, "A file or argument cannot be read or used (base code of input errors).", "Read the message: it names the file, line or option."),
    E("SW101", "validation-failed", 400, "Validation found problems in records; all of them are listed.", "Fix the records listed and run again."),
    E("SW102", "data-file-not-found", None, "The data file to import does not exist or is a folder.", "Check the path of the CSV or JSON Lines file."),
    E("SW103", "data-file-binary", None, "The data file to import is binary, not CSV or JSON Lines.", "Give a UTF-8 CSV or JSON Lines file (e.g. an export's events.csv)."),
    E("SW105", "usage-error", None, "The command line is mistyped: an unknown option or command, or a missing or bad argument.", "See the command's --help."),
    E("SW106", "unknown-error-code", None, "'steppewatch errors' was given something that is not a code in this catalogue.", "Run 'steppewatch errors' for the list."),
    E("SW110", "study-file-not-found", None, "The study file does not exist or is a folder.", "Check the --study path, or give a bundled study's name."),
    E("SW111", "study-file-unreadable", None, "The study file is not UTF-8 YAML holding a mapping.", "Fix the YAML (id: ..., focal_state: ...) and save it as UTF-8."),
    E("SW112", "study-file-invalid", None, "The study file has problems; each is listed with its field.", "Fix the fields listed in the study file."),
    E("SW113", "study-without-dataset", None, "The study names no dataset to load.", "Add 'dataset' to the study file, or run 'init --no-data'."),
    E("SW114", "dataset-folder-not-found", None, "The study's dataset folder does not exist.", "Check 'dataset' in the study file (relative paths: to the study file)."),
    E("SW115", "gazetteer-not-found", None, "The study's gazetteer folder, or a file it must hold, is missing.", "Check 'gazetteer' in the study file: a folder with states.yaml, officials.yaml and institutions.yaml."),
    E("SW116", "gazetteer-lacks-state", None, "The gazetteer has no names for a state of the study.", "Add the state to the gazetteer's states.yaml, or name another gazetteer in the study file."),
    E("SW117", "study-mismatch", None, "The database was initialised for another study than the one given.", "Use another --db for another study, or the study the database was made with."),
    E("SW118", "study-not-bundled", None, "The database was initialised for a study that is not bundled, and no study file was given.", "Give its study file with --study FILE."),
    E("SW119", "publisher-table-invalid", None, "The study's publisher table is missing, unreadable or has no 'publishers' list.", "Give the study's 'publishers' as a YAML file with a 'publishers' list."),
    E("SW120", "unknown-code-option", None, "A filter option names a code that is not in the codebook (kind, topic, domain, level, framework, status).", "Use one of the known codes listed in the message."),
    E("SW121", "bad-country-option", None, "--country is not an ISO 3166 alpha-2 country code.", "Give a two-letter code such as the study's states."),
    E("SW122", "since-after-until", None, "--since is later than --until.", "Give a first year not later than the last."),
    E("SW130", "no-password", None, "No password was given for a new reviewer account.", "Pipe it with --password-stdin or type it at the prompt."),
    E("SW131", "nothing-to-assign", None, "No events with the given status to assign for agreement coding.", "Give --event IDs, or another --status."),
    E("SW141", "url-without-client", None, "A URL source was given where no HTTP client is available.", "Give local files, or ingest URLs with the command line (it makes the client)."),
    E("SW142", "source-not-found", None, "A source file or folder to ingest does not exist.", "Check the path."),
    E("SW143", "unknown-site", None, "The site adapter named is not known.", "Choose one of the sites listed in the message."),
    E("SW144", "bad-since-date", None, "--since is not a date YYYY-MM-DD.", "Give a date such as 2020-01-31."),
    E("SW145", "site-needs-start", None, "The site adapter has no listing page of its own.", "Give --start URL (a listing page)."),
    E("SW160", "export-error", None, "An export, citation or release cannot be written (base code of export errors).", "Read the message: it names the file or option."),
    E("SW161", "unknown-export-format", None, "--format names an export format that is not known.", "Choose from the formats listed in the message (comma-separated)."),
    E("SW162", "export-folder-unusable", None, "The export's --out is a file, or the folder cannot be created.", "Give --out a folder you can write to."),
    E("SW163", "xlsx-too-many-rows", None, "A table has more rows than a spreadsheet sheet holds; no XLSX written.", "Export with filters, or use csv or parquet."),
    E("SW176", "bad-chart-workers", None, "STEPPEWATCH_CHART_WORKERS is not a whole number of worker processes (0 or more).", "Set it to 0 (charts drawn in the report's own process) or a positive whole number, or unset it to decide from the idle cores."),
    E("SW177", "chart-worker-died", None, "A worker process drawing the report's charts ended abruptly (killed, or out of memory); no report written.", "Run again; set STEPPEWATCH_CHART_WORKERS=0 to draw the charts in the report's own process."),
    E("SW178", "not-a-parquet-export", None, "report --from-parquet was given a folder that is not a Parquet export (no events.parquet, sources.parquet or event_codes.parquet), or one of its files cannot be read (not Parquet, a column missing).", "Export the database with 'steppewatch export --format parquet --out DIR' and give that DIR."),
    E("SW179", "db-and-parquet", None, "report was given both --db and --from-parquet; it reads one of them.", "Give --db for a database, or --from-parquet for a Parquet export folder."),
    # SW2xx: codebook
    E("SW200", "codebook-error", None, "The codebook cannot be used (base code of codebook errors).", "Run 'steppewatch codebook check FILE'."),
    E("SW201", "codebook-not-found", None, "The codebook file does not exist.", "Check the path."),
    E("SW202", "codebook-not-utf8", None, "The codebook file is not UTF-8.", "Save the codebook as UTF-8."),
    E("SW203", "codebook-bad-yaml", None, "The codebook file is not valid YAML.", "Fix the YAML at the line named."),
    E("SW204", "codebook-invalid", None, "The codebook does not follow its schema.", "Run 'steppewatch codebook check FILE' for the full list."),
    # SW3xx: store
    E("SW300", "store-error", None, "The database cannot be used (base code of store errors).", "Read the message: it names the database."),
    E("SW301", "migration-clash", None, "Two schema migrations share a version number (a packaging bug).", "Report it: each migration needs its own number."),
    E("SW302", "bad-database-url", None, "The database URL cannot be understood or names an unsupported database.", "Use a file path, sqlite:///path.db or postgresql://user@host/dbname."),
    E("SW303", "database-folder-missing", None, "The folder for the SQLite database file does not exist.", "Create it or choose another --db path."),
    E("SW304", "not-found", 404, "No such record or page: the event, suggestion, country, topic or page named does not exist.", "Check the id (list ids with 'steppewatch events list')."),
    E("SW305", "database-not-opened", None, "The database cannot be opened.", "Check the path, or that the PostgreSQL server is running."),
    E("SW360", "not-a-database", None, "The --db file is not an SQLite database.", "Check the --db path; a new database is created at a path that does not exist."),
    E("SW361", "database-disk-full", None, "The disk holding the database is full; the last transaction was rolled back.", "Free space (or move the database with --db) and run the command again."),
    E("SW362", "database-locked", None, "The database stayed locked by another writer.", "Wait until the other command or review save finishes, then run again."),
    E("SW363", "database-connection-lost", None, "The connection to the PostgreSQL server was lost.", "Check that the server is running, then run again: what was committed is kept."),
    E("SW364", "database-url-no-file", None, "The SQLite database URL names no file.", "Give a path such as sqlite:///steppewatch.db (or sqlite:///:memory:)."),
    E("SW365", "database-read-only", None, "The database cannot be written (permissions or a read-only file).", "Check the file's and its folder's permissions, or choose another --db."),
    E("SW366", "database-error", None, "Another database error.", "Check the --db URL and the database server."),
    E("SW367", "concurrent-ingest", None, "Another ingest wrote to the database meanwhile; this batch was not written.", "Run the same ingest again: what is stored is kept, the rest is redone."),
    E("SW368", "archive-write-failed", None, "A document's archive copy cannot be written; its batch was not stored.", "Free space on that disk and run the same ingest again."),
    E("SW369", "disk-full", None, "No space left on the device while writing a file.", "Free space and run the command again."),
    E("SW370", "bad-year-option", None, "--since or --until is not a year in the range steppewatch accepts.", "Give a year such as 2019."),
    E("SW393", "participation-fit-on-held-out", None, "A held-out gold set was given to fit the participation layer on (it would leak into the coder).", "Fit on the tuning sets (TUNING_SETS in steppewatch.extract.calibration; the message lists them)."),

    E("SW396", "bad-topic-layer", None, "The learned topic layer's weights file is not a steppewatch.topic_layer file of the version this steppewatch reads.", "Refit it: steppewatch fit-topics (from the repository, on the tuning sets)."),
    E("SW397", "topic-layer-held-out", None, "Fitting the learned topic layer was asked to read a held-out gold set; it refuses by name so the held-out figures stay honest.", "Fit on the tuning sets (the default: TUNING_SETS in steppewatch.extract.calibration, gold/dev.jsonl to gold/tune10.jsonl)."),
    # SW4xx: coding and extraction
    E("SW400", "extraction-error", None, "A document cannot be read or coded (base code of extraction errors).", "Read the message: it names the document."),
    E("SW401", "unknown-coder", None, "The coder named is not registered.", "Choose one of the coders listed in the message."),
    E("SW410", "no-text", None, "The document is empty or no text was found in it.", "The page may be empty, a frame or built by JavaScript; nothing to code."),
    E("SW411", "binary-document", None, "The document is binary, not text, HTML, PDF or DOCX.", "Give a .html, .txt, .pdf or .docx document."),
    E("SW412", "document-too-large", None, "The document is over MAX_DOCUMENT_BYTES (50 MB); refused before reading.", "Split the file, or extract its text first."),
    E("SW413", "unknown-encoding", None, "The text encoding of the document cannot be told.", "Save the file as UTF-8 or declare its charset."),
    E("SW414", "pdf-without-text", None, "The PDF has no text layer (images or blank pages).", "OCR it first (e.g. ocrmypdf) and code the result."),
    E("SW415", "unreadable-document", None, "The PDF or DOCX is broken and cannot be read.", "Check the file is complete, or save it again."),
    E("SW417", "document-not-read", None, "The document file does not exist or cannot be read.", "Check the path and its permissions."),
    E("SW430", "gazetteer-invalid", None, "A gazetteer file cannot be read or has entries of the wrong shape.", "Fix the gazetteer file named (names map en/zh/ru to lists; groups list state codes of the file)."),
    E("SW440", "charset-declared-wrongly", None, "Warning: the declared charset was wrong; the text was decoded with the one that reads.", "Check the decoded text if it matters."),
    E("SW441", "docx-too-large-uncompressed", None, "The DOCX inflates past MAX_UNCOMPRESSED_BYTES or holds too many members (a zip bomb, or too large to code).", "Extract the text another way, or split the document."),
    E("SW442", "html-read-by-stripping-tags", None, "Warning: the HTML parser could not read the page whole; its text was taken by stripping tags, boilerplate included.", "Check the coded text of that document."),
    E("SW443", "text-cut-mid-character", None, "Warning: the text has undecodable bytes or ends mid-character (the file may be cut short); they were replaced or dropped.", "Check that the file is complete."),
    E("SW445", "text-cut-to-limit", None, "Warning: the text was longer than MAX_TEXT_CHARS and was cut to it for coding and storage.", "Split the document if its end matters."),
    E("SW450", "gold-file-unreadable", None, "The gold file does not exist or cannot be read.", "Check the path."),
    E("SW451", "gold-file-invalid", None, "Lines of the gold file are invalid; all are listed.", "Fix the lines listed and run again."),
    E("SW452", "gold-file-empty", None, "The gold file holds no documents.", "Give a gold file with annotated documents (see gold/README.md)."),
    E("SW453", "gold-document-missing", None, "A document a gold line points to does not exist.", "Paths are resolved against the gold file's parent's parent; check ../shared is present."),
    E("SW454", "no-gold-document-read", None, "No document of the gold set could be read.", "Paths are resolved against the gold file's parent's parent; check ../shared is present."),
    E("SW455", "bad-output-format", None, "--format is not 'table' or 'json'.", "Give --format table or --format json."),
    E("SW456", "coder-not-trained", None, "The trained coder was used without a model.", "Run 'steppewatch train GOLD.jsonl --out MODEL' and pass --model MODEL."),
    E("SW457", "too-few-examples", None, "Training needs labelled relevant and not relevant documents (at least 2 of each).", "Annotate more documents (see gold/README.md)."),
    E("SW458", "model-file-unusable", None, "The model file is missing, unreadable, not a model of this coder, or made by another format or scikit-learn version.", "Retrain with 'steppewatch train'."),
    E("SW459", "cannot-cross-validate", None, "The gold set is too small for the k-fold cross-validation asked for.", "Use a smaller --cv (at least 2), or annotate more documents."),
    E("SW470", "bad-bootstrap-samples", None, "The number of bootstrap samples is out of range.", "1000 is the default; 0 gives point estimates only."),
    E("SW471", "bad-confidence-level", None, "The confidence level is not between 0 and 1.", "Give e.g. 0.95."),
    E("SW472", "annotations-share-no-id", None, "The two annotations share no document id.", "The second annotation must use the ids of the first (e.g. fm-<page id>)."),
    E("SW480", "calibrate-on-held-out", None, "A held-out gold set was given to calibrate on (it would leak into the coder).", "Calibrate on the tuning sets (gold/dev.jsonl, gold/real_tune.jsonl)."),
    E("SW499", "unexpected-coding-error", None, "A document failed with an unexpected error while read or coded (a bug); the run went on.", "Report it with the document named."),
    # SW5xx: collection and network
    E("SW500", "collection-error", None, "A source cannot be collected (base code of collection errors).", "Read the message: it names the URL."),
    E("SW501", "private-address", None, "The host resolves to a non-public address; refused (SSRF protection).", "Fetch only public web addresses."),
    E("SW502", "robots-disallow", None, "robots.txt disallows the URL (or its status means disallow all).", "Respect the site's robots.txt; collect another way or not at all."),
    E("SW503", "download-too-large", None, "The download is larger than the size limit; aborted.", "Fetch a smaller resource, or raise the client's max_bytes."),
    E("SW504", "fetch-timeout", None, "Fetching the URL timed out.", "Try again later."),
    E("SW505", "http-error-status", None, "The server answered with an HTTP error status.", "Check the URL; try again later for a 5xx status."),
    E("SW506", "too-many-redirects", None, "The URL redirects more times than allowed.", "Check the URL in a browser."),
    E("SW507", "not-an-http-url", None, "The address to fetch is not an http(s) URL.", "Give URLs starting with http:// or https://."),
    E("SW508", "dns-failure", None, "The host name cannot be resolved.", "Check the URL and the network."),
    E("SW509", "connection-failed", None, "Cannot connect to the server.", "Check the network, then try again."),
    E("SW540", "warc-target-not-http", None, "A WARC record's target URI is not http(s); the record is not stored.", "None needed: the other records are read."),
    E("SW541", "warc-unreadable", None, "Unreadable bytes in a WARC file; reading resumes at the next record.", "Check the file; readable records are kept."),
    E("SW542", "warc-record-cut-short", None, "A WARC record is cut short (the file ends inside it); it is not stored.", "Check that the file is complete."),
    E("SW543", "warc-payload-too-large", None, "A WARC record's payload inflates past MAX_DOCUMENT_BYTES; read no further.", "None needed: the other records are read."),
    E("SW544", "source-url-invalid", None, "A document's URL is not an http(s), file, doi: or urn: URL.", "Fix the source's URL (e.g. in index.csv) and ingest again."),
    E("SW550", "source-not-http", None, "A source given as a URL does not use http(s).", "Give URLs starting with http:// or https://, and local files as plain paths."),
    E("SW551", "sitemap-entities", None, "The sitemap defines XML entities; refused unread (entity-expansion attacks).", "A sitemap never needs entity definitions; check its source."),
    E("SW552", "sitemap-not-xml", None, "The sitemap is not well-formed XML; nothing was fetched from it.", "Check the URL serves a sitemap."),
    E("SW553", "site-unreachable", None, "The site cannot be reached (its robots.txt could not be fetched).", "Check the network and try again later."),
    # SW6xx: analysis and report
    E("SW600", "analysis-error", None, "The analysis cannot be made (base code of analysis errors).", "Read the message."),
    E("SW601", "study-periods-invalid", None, "The study defines no analysis periods, or a period without a start year.", "Give 'periods' (label, start, end) in the study file."),
    E("SW602", "frame-lacks-columns", None, "An analysis was given an events frame without the columns it needs.", "Pass the frame returned by Store.events_frame()."),
    E("SW603", "engagement-config-invalid", None, "The engagement index config cannot be read or lacks 'components', 'default' or a weighting's fields.", "Fix the config file named."),
    E("SW610", "no-events", None, "The database holds no events; no report written.", "Run 'steppewatch init' or 'steppewatch import FILE'."),
    E("SW611", "no-event-matches", None, "No event matches the report's filters; no report written.", "Widen the filters (--country, --since, --until, --kind)."),
    E("SW612", "nothing-to-chart", None, "The events matching the filters give nothing to chart; no report written.", "Widen the filters."),
    E("SW613", "report-not-written", None, "The report folder cannot be written; nothing half-written was left.", "Free space, or give --out a folder you can write to."),
    E("SW660", "release-exists", None, "The release folder already exists (a release is never overwritten).", "Give --out a new folder, e.g. releases/<version>."),
    E("SW661", "release-date-unknown", None, "The release date cannot be told from the dataset version (it never comes from the clock).", "Give --date YYYY-MM-DD."),
    E("SW662", "not-a-release", None, "The --previous folder is not a steppewatch release.", "Give --previous a folder made by 'steppewatch release', or --no-previous."),
    E("SW663", "release-folder-not-created", None, "The release's parent folder cannot be created.", "Choose an --out you can write to."),
    E("SW664", "bad-release-date", None, "--date is not a date YYYY-MM-DD.", "Give e.g. --date 2026-12-01."),
    E("SW665", "no-dataset-version", None, "The database records no dataset version to name the release.", "Give --version."),
    E("SW666", "previous-and-no-previous", None, "Both --previous and --no-previous were given.", "Give one of them."),
    # SW7xx: web and review
    E("SW700", "review-error", 409, "A review action conflicts with the stored state (base code of review errors).", "Reload and review again."),
    E("SW701", "reason-required", 400, "A reason is required to reject an event or a suggestion.", "Say why it is wrong."),
    E("SW702", "invalid-edit", 400, "The edit of an event has invalid fields; all are listed.", "Fix the fields listed."),
    E("SW703", "too-few-reviewers", 400, "Agreement coding needs at least two different reviewers.", "Give two or more reviewers."),
    E("SW704", "unknown-reviewer", 400, "No reviewer account has the name given.", "Add one with 'steppewatch users add NAME'."),
    E("SW705", "unknown-events", 400, "Events to assign for agreement coding do not exist.", "Check the event ids."),
    E("SW706", "invalid-agreement-codes", 400, "Agreement coding holds codes or fields that are not in the codebook.", "Use codes from the codebook."),
    E("SW710", "invalid-user-name", 400, "The user name is not valid.", "Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit."),
    E("SW711", "user-exists", 400, "A user with that name already exists.", "Choose another name."),
    E("SW712", "edited-meanwhile", 409, "The event was changed by someone else since it was opened.", "Reload the page and review it again."),
    E("SW713", "already-reviewed", 409, "The event or suggestion already has that status.", "Reload the page."),
    E("SW714", "not-assigned", 409, "The event is not assigned to this reviewer for agreement coding.", "Code the events assigned to you ('steppewatch agreement assign')."),
    E("SW715", "unknown-role", 400, "The user role is not known.", "Use one of the roles listed in the message."),
    E("SW716", "password-too-short", 400, "The password is too short.", "Use a longer password (the message says how long)."),
    E("SW720", "csrf-token", 403, "The form's CSRF token is missing or wrong.", "Reload the form and try again."),
    E("SW721", "sign-in-required", 401, "Signing in as a reviewer is needed for this.", "Sign in with a reviewer account."),
    E("SW722", "bad-form-data", 400, "The form data cannot be read, or a field is too long or not text.", "Send the form from the explorer's pages."),
    E("SW723", "method-not-allowed", 405, "The HTTP method is not allowed on this address.", "Use GET for pages and POST for forms."),
    E("SW730", "search-timeout", 503, "The search took too long.", "Add a filter (country, kind, years) or use longer words."),
    E("SW731", "too-many-sign-ins", 429, "Too many failed sign-ins; throttled.", "Wait the time given (Retry-After), then try again."),
    E("SW732", "bad-query-encoding", 400, "The query string has raw non-ASCII bytes or percent-escapes that are not UTF-8.", "Percent-encode the query string as UTF-8."),
    E("SW733", "too-many-query-parameters", 400, "The query string has more parameters than the explorer reads.", "Send fewer parameters."),
    E("SW734", "bad-query-parameters", 400, "Query parameters have values that are too long, out of range or not allowed; each is listed.", "Fix the parameters listed (the JSON 'errors' name each one)."),
    E("SW735", "unknown-query-parameter", 400, "The query string has parameters this address does not take.", "Use the parameters listed as allowed."),
    E("SW736", "bad-form-fields", 400, "Fields of the edit form have values that cannot be read; each is listed.", "Fix the fields listed and send the form again."),
    E("SW760", "reviewers-only", 403, "Rejected events are shown to signed-in reviewers only.", "Sign in as a reviewer, or leave out status=rejected."),
    E("SW770", "bad-trusted-proxy", None, "--trusted-proxy is not an IP address or network.", "E.g. --trusted-proxy 127.0.0.1 or 10.0.0.0/24."),
    E("SW799", "internal-error", 500, "An unexpected error in the web explorer (a bug); the server log has the traceback.", "Report it with the server log."),
    E("SW800", "unknown-order", None, "events list --order names no order.", "Use one of date, -date, id, kind, title."),
    E("SW900", "unreadable-inputs-list", None, "The --inputs-from list file cannot be read or is not UTF-8.", "Give a readable UTF-8 text file with one path per line (# starts a comment)."),
    E("SW901", "input-path-missing", None, "An input path given to code --parquet or the Dask engine does not exist (standard input '-' is not read there).", "Check the path; relative paths in an --inputs-from list are read from the list file's folder."),
    E("SW902", "bad-partition-size", None, "The partition size is below 1.", "Give --partition-size 1 or more (default 100)."),
    E("SW903", "unknown-engine", None, "--engine names no engine.", "Use --engine local or --engine dask."),
    E("SW904", "no-documents-in-inputs", None, "The inputs hold no documents to code.", "Check the folders, files or list given; HTML, PDF, DOCX, text and WARC files are read."),
    E("SW905", "scheduler-unreachable", None, "The Dask scheduler given by --scheduler could not be reached.", "Check the address (tcp://host:8786) and that the scheduler runs; leave --scheduler out for a local cluster."),
    E("SW906", "partition-not-coded", None, "Linking met a partition with no manifest entry: it was never coded.", "Run the same code or ingest command again; it codes only what is missing."),
    E("SW907", "scheduler-without-dask", None, "--scheduler was given without --engine dask.", "Add --engine dask, or leave --scheduler out."),
    E("SW908", "url-with-dask", None, "ingest --engine dask was given a URL; the Dask engine reads files, folders and WARC files only.", "Collect the pages first (steppewatch collect), or ingest URLs with the local engine."),
    E("SW909", "partitions-failed", None, "Some partitions could not be coded, so nothing was linked.", "Run the same command again: partitions already coded are kept and only the missing ones are coded."),
    E("SW910", "dask-needs-parquet", None, "code --engine dask writes a Parquet dataset and needs --parquet DIR.", "Add --parquet DIR."),
    E("SW911", "ingest-without-sources", None, "ingest was given no paths, URLs or --inputs-from list.", "Name at least one file, folder, WARC file or URL, or --inputs-from FILE."),
    E("SW912", "out-with-parquet", None, "code --out and --parquet were both given; the coder writes one of them.", "Give --out FILE for JSON Lines, or --parquet DIR for the Parquet dataset."),
)
# fmt: on


def build_catalogue(entries: Iterable[ErrorCode]) -> dict[str, ErrorCode]:
    """Entries by code; a code given twice, or not of the form SWnnn, is an error at import."""
    catalogue: dict[str, ErrorCode] = {}
    for entry in entries:
        if len(entry.code) != 5 or not entry.code.startswith("SW") or not entry.code[2:].isdigit():
            raise ValueError(f"error code {entry.code!r} is not of the form SWnnn")
        if entry.code in catalogue:
            raise ValueError(f"error code {entry.code} is defined twice in the catalogue")
        catalogue[entry.code] = entry
    return catalogue


CATALOGUE: dict[str, ErrorCode] = build_catalogue(ENTRIES)


def render_markdown(catalogue: dict[str, ErrorCode] | None = None) -> str:
    """``docs/errors.md``: every code with its name, meaning, what to do and HTTP status."""
    entries = sorted((catalogue or CATALOGUE).values(), key=lambda e: e.code)
    lines = [
        "# steppewatch error codes",
        "",
        "Every error and warning steppewatch prints starts with a stable code such as `[SW304]`.",
        "Search this page for it. Generated from `src/steppewatch/error_codes.py` by",
        "`steppewatch errors --markdown --out docs/errors.md`; `steppewatch errors SW304` prints",
        "one entry. HTTP: the status the web explorer and its JSON API answer with (blank: not",
        "raised by the web).",
        "",
        "| code | name | meaning | what to do | HTTP |",
        "|---|---|---|---|---|",
    ]
    for e in entries:
        cells = (e.code, f"`{e.name}`", e.meaning, e.hint, str(e.http or ""))
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
