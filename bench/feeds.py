#!/usr/bin/env python3
"""Feed conformance (issue 15): feedparser's test feeds through newsdesk, end to end.

Every feed of the set is served from a loopback HTTP server (with the headers its file asks
for), followed with `newsdesk feeds add` into a fresh SQLite database and polled with
`newsdesk crawl`, and what newsdesk stored (the feed row, the articles in feed order, the entries' keys) is compared with the
set's checks. feedparser's fields map onto what newsdesk keeps:

  feed title            -> feeds.title          entry title        -> articles.title
  feed link             -> feeds.site_url       entry link         -> articles.url
  entry summary/content -> the feed's summary, or the body (text or safe HTML)
  entry author(s)       -> articles.byline      entry id           -> the entry's key
  entry published/updated/created -> articles.published_at / updated_at

Checks of fields newsdesk does not keep (feed subtitles, contributors, emails and author
pages, feed-level dates and ids, expiry) are counted apart as not applicable, never as met.
Sanitizing checks (feedparser's own allow-list) are reported apart; where newsdesk is
deliberately stricter (it drops `style` attributes and elements feedparser keeps) the case is
named. Every file must end in stored items or a clear error: a crash or a timeout is listed.

Usage: bench/feeds.py NEWSDESK_BIN [SET_DIR] [--show]
"""

import concurrent.futures
import html
import html.parser
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections import Counter, defaultdict
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

HEADER = re.compile(rb"^Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.M)


def file_headers(path):
    """The `Header:` lines of a test file's leading comment."""
    with open(path, "rb") as f:
        head = f.read(4096)
    return [(k.decode(), v.decode("latin-1")) for k, v in HEADER.findall(head)]


def serve(root):
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

        def log_message(self, *a):
            pass

        def do_GET(self):
            path = os.path.join(root, self.path.split("?")[0].lstrip("/"))
            if not os.path.isfile(path):
                self.send_error(404)
                return
            with open(path, "rb") as f:
                body = f.read()
            headers = file_headers(path)
            names = {k.lower() for k, _ in headers}
            self.send_response(200)
            if "content-type" not in names:
                kind = "application/json" if path.endswith(".json") else "application/xml"
                self.send_header("Content-Type", kind)
            for k, v in headers:
                if k.lower() in ("content-length", "transfer-encoding"):
                    continue
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    # feedparser's expected values name its own test server, http://127.0.0.1:8097/.
    server = ThreadingHTTPServer(("127.0.0.1", 8097), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


ENV = dict(
    os.environ,
    NEWSDESK_FETCH_ALLOW_PRIVATE_NETWORKS="true",
    NEWSDESK_FETCH_OBEY_ROBOTS="false",
    NEWSDESK_FETCH_PER_HOST_INTERVAL_MS="0",
    NEWSDESK_CRAWL_FULL_TEXT="false",
    NEWSDESK_CRAWL_UNDERSTAND="false",
    RUST_LOG="error",
)


def follow(binary, url):
    """Follows one feed in a fresh database: (outcome, message, stored)."""
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "t.db")
        message = ""
        # `feeds add` reads the feed and follows it; `crawl` polls it and stores its entries.
        for command in (["feeds", "add", url], ["crawl"]):
            try:
                run = subprocess.run(
                    [binary, "--database", db, *command], capture_output=True, timeout=60, env=ENV, cwd=d,
                )
            except subprocess.TimeoutExpired:
                return "timeout", message, None
            said = (run.stderr.decode("utf-8", "replace") + run.stdout.decode("utf-8", "replace")).strip()
            message = (message + "\n" + said).strip()
            if run.returncode not in (0, 1) or "panicked" in said:
                return "crash", message, None
            if run.returncode:
                break
        if not os.path.exists(db):
            return "error", message, None
        con = sqlite3.connect(db)
        con.row_factory = sqlite3.Row
        feeds = [dict(r) for r in con.execute("SELECT * FROM feeds")]
        articles = [dict(r) for r in con.execute(
            "SELECT a.*, e.entry_key FROM entries e JOIN articles a ON a.id = e.article_id ORDER BY a.rowid")]
        con.close()
        stored = {"feed": feeds[0] if feeds else None, "entries": articles}
        outcome = "items" if articles else ("error" if run.returncode else "empty")
        return outcome, message, stored


# --- comparison -------------------------------------------------------------------------

class _Canon(html.parser.HTMLParser):
    """HTML as a list of tokens: tags with sorted attributes, text with spaces folded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        # rel="noopener noreferrer nofollow" is what newsdesk adds to every link: not compared.
        self.out.append(("<", tag, tuple(sorted((k, v or "") for k, v in attrs if k != "rel"))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.out.append(("/", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            if self.out and self.out[-1][0] == "t":
                self.out[-1] = ("t", self.out[-1][1] + " " + text)
            else:
                self.out.append(("t", text))


VOID = {"br", "img", "hr", "input", "area", "col", "source", "wbr", "embed", "param", "track"}


def canon(s):
    p = _Canon()
    try:
        p.feed(s or "")
        p.close()
    except Exception:
        return [("t", " ".join((s or "").split()))]
    # A void element closed explicitly is the same element.
    return [t for t in p.out if not (t[0] == "/" and t[1] in VOID)]


def same_url(expected, got):
    """Addresses compared as URLs: scheme and host without regard to case."""
    if got is None:
        return False
    from urllib.parse import urlsplit
    a, b = urlsplit(str(expected).strip()), urlsplit(str(got).strip())
    return (a.scheme.lower(), a.netloc.lower(), a.path or "/", a.query, a.fragment) == \
        (b.scheme.lower(), b.netloc.lower(), b.path or "/", b.query, b.fragment)


def text_of(s):
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", s or "")).split())


def same_text(expected, got):
    if got is None:
        return False
    return " ".join(str(expected).split()) == " ".join(str(got).split())


def unwrap_div(markup):
    """XHTML content without its one wrapping <div> (Atom says the div is not content)."""
    m = re.fullmatch(r"\s*<div(?: [^>]*)?>(.*)</div>\s*", markup, re.S)
    return m.group(1) if m and "<div" not in m.group(1) else markup


def same_content(expected, candidates, is_html):
    forms = {str(expected), unwrap_div(str(expected))}
    for got in candidates:
        if got is None:
            continue
        for want in forms:
            if same_text(want, got) or canon(want) == canon(got):
                return True
            if not is_html and same_text(want, text_of(got)):
                return True
    return False


def parse_time(s):
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return None


DATES = ("published", "published_parsed", "updated", "updated_parsed", "created", "created_parsed")


def applies(check):
    """Whether newsdesk keeps the field a check is about."""
    if "links" in check["path"]:
        # newsdesk keeps one address per entry and feed (the alternate): the first link only.
        i = check["path"].index("links")
        if check["path"][i + 1] != 0:
            return False
    path = [p for p in check["path"] if not isinstance(p, int)]
    if path[0] == "feed":
        return path[1] in ("title", "title_detail", "link", "links")
    field = path[1]
    if field in ("title", "title_detail", "link", "links", "description", "summary", "summary_detail",
                 "content", "id") or field in DATES:
        return True
    if field in ("author", "author_detail", "authors"):
        return path[-1] in ("author", "name")
    return False


def by_design(check, stored):
    """Why newsdesk differs from feedparser here on purpose, or None."""
    path, expected = check["path"], str(check["expected"])
    if re.search(r"<(svg|math)\b", expected):
        return "inline SVG and MathML are dropped by the sanitizer"
    rel = re.search(r"\['links'\]\[\d+\]\['rel'\] == '([\w-]+)'", check["expect"])
    if rel and rel.group(1) != "alternate":
        return f"an entry's address is its alternate link, never a {rel.group(1)} link"
    if path[-1] in ("author", "name") and "@" in expected:
        return "bylines keep the name, never an email address"
    if path[0] == "entries" and path[1] > 0 and stored and len(stored["entries"]) <= path[1] \
            and re.search(r"entries\[0\]\[.(id|link).\] == entries\[1\]", check["expect"]):
        return "entries with the same id or link are one article"
    return None


def judge(check, stored):
    """'met' or 'failed: why'."""
    path = check["path"]
    expected = check["expected"]
    if stored is None:
        return "failed: nothing stored"
    if path[0] == "feed":
        feed = stored["feed"] or {}
        if path[1] in ("title", "title_detail"):
            got = feed.get("title")
            return "met" if same_text(expected, got) or same_text(text_of(expected), got) else f"failed: {got!r}"
        got = feed.get("site_url")
        return "met" if same_url(expected, got) else f"failed: {got!r}"
    index = path[1]
    if index >= len(stored["entries"]):
        return f"failed: only {len(stored['entries'])} entries stored"
    a = stored["entries"][index]
    field = path[2]
    if field in ("title", "title_detail"):
        got = a["title"]
        if a.get("title_derived") and expected == "":
            return "met"
        return "met" if same_content(expected, [got], False) or same_text(text_of(expected), got) else f"failed: {got!r}"
    if field in ("link", "links"):
        return "met" if same_url(expected, a["url"]) else f"failed: {a['url']!r}"
    if field in ("description", "summary", "summary_detail", "content"):
        cands = [a.get("feed_summary"), a.get("body_html"), a.get("body_text"), a.get("summary")]
        is_html = "<" in str(expected)
        if same_content(expected, cands, is_html):
            return "met"
        return f"failed: summary {a.get('feed_summary')!r} body {a.get('body_html')!r}"[:300]
    if field in ("author", "author_detail", "authors"):
        got = a.get("byline") or ""
        names = [n.strip() for n in re.split(r",| and ", got)]
        return "met" if same_text(expected, got) or expected in names else f"failed: {got!r}"
    if field == "id":
        key = a.get("entry_key") or ""
        got = key.split(":", 1)[1] if ":" in key else key
        return "met" if same_text(expected, got) else f"failed: {key!r}"
    if field in DATES:
        want = parse_time(expected)
        gots = [parse_time(a.get("published_at")), parse_time(a.get("updated_at"))]
        return "met" if want in gots else f"failed: {a.get('published_at')!r} {a.get('updated_at')!r}"
    return "failed: unmapped"


STRICTER = re.compile(r"style=|<style|<font|<center|<blink|<marquee|<form|<input|<select|<textarea|<button", re.I)


def only_markup_removed(check, stored):
    """True when newsdesk kept the same text with less markup: a narrower allow-list (no form
    controls, media players, presentation attributes), or a title kept as plain text."""
    if not stored:
        return False
    path = check["path"]
    if path[0] == "feed":
        got = [(stored["feed"] or {}).get("title")]
    elif path[1] < len(stored["entries"]):
        a = stored["entries"][path[1]]
        got = [a.get("title")] if path[2] in ("title", "title_detail") else [a.get("feed_summary"), a.get("body_html")]
    else:
        return False
    want = text_of(str(check["expected"]))
    return any(g is not None and text_of(g) == want for g in got) or (want == "" and any(g in (None, "", "Untitled post") for g in got))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--show" in sys.argv
    binary = os.path.abspath(args[0])
    root = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/eval/feeds")
    root = os.path.abspath(root)
    checks = json.load(open(os.path.join(root, "checks.json")))
    files = sorted(
        os.path.relpath(os.path.join(d, f), root)
        for d, _, fs in os.walk(root) for f in fs
        if f.endswith((".xml", ".json", ".rss", ".atom", ".rdf")) and f != "checks.json"
    )
    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for f, r in zip(files, pool.map(lambda f: follow(binary, base + f), files)):
            results[f] = r
    server.shutdown()

    outcomes = Counter(r[0] for r in results.values())
    print(f"files: {len(files)}; " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    for f, (o, m, _) in sorted(results.items()):
        if o in ("crash", "timeout"):
            print(f"  {o.upper()}: {f}: {m[:200]}")

    table = defaultdict(Counter)
    failures = []
    for c in checks:
        kind = "sanitizing" if c["sanitize"] else "parsing"
        folder = c["file"].split("/")[0] + ("/" + c["subdir"] if c["subdir"] else "")
        if not applies(c):
            table[(kind, folder)]["n/a"] += 1
            continue
        stored = results.get(c["file"], (None, None, None))[2]
        verdict = judge(c, stored)
        design = by_design(c, stored) if verdict != "met" else None
        if verdict == "met":
            table[(kind, folder)]["met"] += 1
        elif design:
            table[(kind, folder)]["stricter"] += 1
            failures.append((kind, c, verdict + f" [by design: {design}]"))
        elif kind == "sanitizing" and (STRICTER.search(c["file"] + " " + str(c["expected"]))
                                       or only_markup_removed(c, stored)):
            table[(kind, folder)]["stricter"] += 1
            failures.append((kind, c, verdict + " [stricter by design]"))
        else:
            table[(kind, folder)]["failed"] += 1
            failures.append((kind, c, verdict))

    for kind in ("parsing", "sanitizing"):
        print(f"\n{kind} checks by folder: met / failed / not applicable / different by design")
        total = Counter()
        for (k, folder), n in sorted(table.items()):
            if k != kind:
                continue
            total.update(n)
            print(f"  {folder:28} {n['met']:4} / {n['failed']:4} / {n['n/a']:4} / {n['stricter']:4}")
        applicable = total["met"] + total["failed"] + total["stricter"]
        print(f"  {'all':28} {total['met']:4} / {total['failed']:4} / {total['n/a']:4} / {total['stricter']:4}")
        if applicable:
            print(f"  met {100 * total['met'] / applicable:.1f}% of {applicable} applicable checks"
                  f" ({100 * total['met'] / max(1, total['met'] + total['failed']):.1f}% of the"
                  f" {total['met'] + total['failed']} where newsdesk does not differ by design)")

    print("\nfailures:" if failures else "\nno failures")
    for kind, c, verdict in failures:
        if (kind == "parsing" and "[by design" not in verdict) or show:
            print(f"  [{kind}] {c['file']} {'/'.join(map(str, c['path']))}: want {str(c['expected'])[:120]!r}; {verdict[:240]}")
        if show and kind == "parsing":
            msg = results.get(c["file"], ("", "", None))[1]
            if msg:
                print(f"      newsdesk said: {msg[:200]}")


if __name__ == "__main__":
    main()
