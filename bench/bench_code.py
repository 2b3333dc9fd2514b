"""Benchmark ``steppewatch code`` over all of ../shared/corpora/china_fm/pages in ONE process on
ONE core: read bytes -> extract -> code, and in the same run a plain baseline (one compiled
regular expression per codebook code over the extracted text, no segmentation, no scoping).

Prints documents/s, MB/s of HTML and peak RSS; writes bench/results/code.json (the figures of
the run it replaces are kept under ``previous``, with the older ones).
Run: /work/venv/bin/python bench/bench_code.py [PAGES_DIR] [--profile] [--pin] [--hostile]
(one process, one thread; --pin also pins it to one core). Rates are given in CPU time (what
one core does, robust on a shared machine) and wall time. --hostile also codes three synthetic
hostile texts, one security sentence repeated to about 2 MB of UTF-8 in Chinese, Russian and
English, and gives each one's CPU time (the coder should stay linear on them).
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE_DOCS = 60
HOSTILE_BYTES = 2_000_000
HOSTILE_SENTENCES = {
    "zh": "中国和哈萨克斯坦在上海合作组织框架内举行联合反恐演习，两国国防部长举行会谈。",
    "ru": "Китай и Казахстан провели совместные антитеррористические учения в рамках ШОС, "
    "министры обороны провели переговоры. ",
    "en": "China and Kazakhstan held a joint counter-terrorism exercise under the SCO, and "
    "their defence ministers held talks. ",
}
KEPT_FIGURES = ("full", "full_first_pass", "code_only", "extract_only", "relevant")
DEFAULT_PAGES = ROOT / ".." / "shared" / "corpora" / "china_fm" / "pages"


def _baseline_patterns():
    from steppewatch.codebook import load_codebook

    codebook = load_codebook()
    patterns = {}
    for scheme in ("event_kind", "meeting_level", "framework", "domain", "topic"):
        for code in codebook.scheme(scheme).codes:
            terms = []
            for lang in ("en", "zh", "ru"):
                for term in getattr(code.indicators, lang):
                    wildcard = term.endswith("*")
                    body = re.escape(term.rstrip("*"))
                    if lang == "en":
                        terms.append(r"\b" + body + (r"\w*" if wildcard else r"\b"))
                    elif lang == "ru":
                        terms.append(r"\b" + body)
                    else:
                        terms.append(body)
            if terms:
                # lower-cased text and patterns: IGNORECASE on long non-ASCII alternations is
                # several times slower still, which would flatter the coder
                patterns[(scheme, code.code)] = re.compile("|".join(terms).lower())
    return patterns


class _Timer:
    """Wall and CPU time of this process: on a shared, loaded machine the CPU time is the
    honest measure of what one core does; both are reported."""

    def __enter__(self) -> _Timer:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def _rate(n: int, timer: _Timer, mb: float | None = None) -> dict[str, float]:
    out = {
        "wall_s": round(timer.wall, 3),
        "cpu_s": round(timer.cpu, 3),
        "docs_per_s_wall": round(n / timer.wall, 1),
        "docs_per_s_cpu": round(n / timer.cpu, 1),
    }
    if mb is not None:
        out["mb_per_s_wall"] = round(mb / timer.wall, 2)
        out["mb_per_s_cpu"] = round(mb / timer.cpu, 2)
    return out


OPTIONS = ("--profile", "--pin", "--hostile")


def main() -> int:
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        return 0
    unknown = [a for a in sys.argv[1:] if a.startswith("-") and a not in OPTIONS]
    if unknown:
        print(f"unknown option {unknown[0]}; options: {', '.join(OPTIONS)}", file=sys.stderr)
        return 2
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    profile = "--profile" in sys.argv
    pages = Path(args[0]) if args else DEFAULT_PAGES
    if not pages.is_dir():
        print(f"no corpus at {pages}; nothing to measure", file=sys.stderr)
        return 1
    pinned = None
    if "--pin" in sys.argv:  # pin to the first allowed core (on a shared, loaded machine this
        # core may be busy with other work; unpinned, the single thread still runs on one core
        # at a time and its CPU time is what one core does)
        try:
            pinned = sorted(os.sched_getaffinity(0))[0]
            os.sched_setaffinity(0, {pinned})
        except (AttributeError, OSError):
            pinned = None
    from steppewatch.extract import extract_document, get_coder

    files = sorted(p for p in pages.iterdir() if p.suffix in (".html", ".htm", ".shtml"))
    coder = get_coder()
    # warm-up: build the automata, load codebook and gazetteer (reported separately)
    t0 = time.perf_counter()
    coder.code(extract_document(files[0].read_bytes(), source=str(files[0])))
    warmup = time.perf_counter() - t0

    def full_run():
        total_bytes = relevant = errors = 0
        docs = []
        for path in files:
            data = path.read_bytes()
            total_bytes += len(data)
            try:
                doc = extract_document(data, source=str(path))
                coded = coder.code(doc)
            except Exception:  # counted, as code_paths would record it
                errors += 1
                continue
            relevant += coded.relevant
            docs.append(doc)
        return total_bytes, relevant, errors, docs

    if profile:
        import cProfile
        import pstats

        cProfile.runctx("full_run()", globals(), locals(), "/tmp/bench_code.prof")
        pstats.Stats("/tmp/bench_code.prof").sort_stats("tottime").print_stats(25)
    with _Timer() as full_cold:
        total_bytes, relevant, errors, docs = full_run()
    with _Timer() as full:  # second pass: caches and allocator warm, as in a long run
        full_run()
    with _Timer() as extract_only:
        for path in files:
            extract_document(path.read_bytes(), source=str(path))
    with _Timer() as code_only:
        for doc in docs:
            coder.code(doc)
    import lxml.etree

    parser = lxml.etree.HTMLParser()
    raw = [p.read_bytes() for p in files]
    with _Timer() as parse_only:
        for data in raw:
            lxml.etree.fromstring(data, parser)

    # the baseline is slow (sre tries every alternative at every position): it runs on a
    # sample of BASELINE_DOCS documents spread over the corpus; its rate is per document
    patterns = _baseline_patterns()
    step = max(1, len(docs) // BASELINE_DOCS)
    sample = docs[::step][:BASELINE_DOCS]
    baseline_hits = 0
    with _Timer() as baseline:
        for doc in sample:
            text = doc.text.lower()
            for pattern in patterns.values():
                if pattern.search(text):
                    baseline_hits += 1

    hostile = {}
    if "--hostile" in sys.argv:
        from steppewatch.extract import ExtractedDocument

        for language, sentence in HOSTILE_SENTENCES.items():
            text = sentence * (HOSTILE_BYTES // len(sentence.encode("utf-8")) + 1)
            document = ExtractedDocument(source="hostile.txt", text=text, language=language)
            with _Timer() as timer:
                coded = coder.code(document)
            hostile[language] = {
                "characters": len(text),
                "mb_utf8": round(len(text.encode("utf-8")) / 1e6, 2),
                "cpu_s": round(timer.cpu, 2),
                "wall_s": round(timer.wall, 2),
                "relevant": coded.relevant,
                "kind": coded.kind,
                "framework": coded.framework,
                "countries": list(coded.countries),
            }
            print(
                f"hostile {language}: {hostile[language]['mb_utf8']} MB in "
                f"{hostile[language]['cpu_s']} s CPU ({hostile[language]['wall_s']} s wall)"
            )

    n = len(files)
    mb = total_bytes / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "documents": n,
        "html_mb": round(mb, 2),
        "mean_kb": round(total_bytes / n / 1024, 1),
        "relevant": relevant,
        "errors": errors,
        "warmup_s": round(warmup, 3),
        "full": _rate(n, full, mb),
        "full_first_pass": _rate(n, full_cold, mb),
        "extract_only": _rate(n, extract_only, mb),
        "code_only": _rate(len(docs), code_only),
        "lxml_parse_only_full_pages": _rate(n, parse_only, mb),
        "baseline_regex_per_code": {
            **_rate(len(sample), baseline),
            "sample_documents": len(sample),
            "patterns": len(patterns),
            "doc_code_hits": baseline_hits,
        },
        "peak_rss_mb": round(peak_mb, 1),
        "targets": {"docs_per_s": 1000, "peak_rss_mb": 1024},
        "pinned_core": pinned,
        "threads": 1,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }
    if hostile:
        result["hostile_2mb"] = hostile
    print(
        f"{n} documents, {mb:.1f} MB of HTML (mean {result['mean_kb']} KB), warm-up {warmup:.2f} s"
    )
    print("                          docs/s (CPU)  docs/s (wall)")
    for label, key in (
        ("full (read+extract+code), 2nd pass", "full"),
        ("full, 1st pass", "full_first_pass"),
        ("extract only", "extract_only"),
        ("code only (coder)", "code_only"),
        ("lxml parse of whole pages", "lxml_parse_only_full_pages"),
        (
            f"baseline: regex per code ({len(patterns)}), {len(sample)} docs",
            "baseline_regex_per_code",
        ),
    ):
        r = result[key]
        print(f"{label:42s} {r['docs_per_s_cpu']:9.1f} {r['docs_per_s_wall']:9.1f}")
    print(
        f"full: {result['full']['mb_per_s_cpu']:.2f} MB/s of HTML (CPU), {result['full']['mb_per_s_wall']:.2f} (wall)"
    )
    print(f"relevant {relevant}, errors {errors}, peak RSS {peak_mb:.0f} MB")
    out = ROOT / "bench" / "results" / "code.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():  # keep the figures of the run replaced, and the older ones
        old = json.loads(out.read_text(encoding="utf-8"))
        kept = {k: old[k] for k in (*KEPT_FIGURES, "hostile_2mb", "branch") if k in old}
        kept["note"] = "figures of the run before this one, kept"
        kept["load_average_at_end"] = old.get("load_average_at_end")
        result["previous"] = [kept, *old.get("previous", [])]
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
