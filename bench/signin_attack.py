"""A sign-in guessing attack on a running newsdesk on loopback (issue 18), bounded in time.

Three attacks run at once for DURATION seconds, each in its own process with THREADS
connections, while a fourth process reads an article page every 20 ms:
  one-address  wrong passwords for one account from one address;
  one-account  wrong passwords for another account, each from a new address (the server trusts
               127.0.0.1 as a proxy, so X-Forwarded-For names the address);
  many-names   wrong passwords for a new name each time, from one address.
Before the attack the same reader measures the page alone for BASELINE seconds. Reports, per
attack, the guesses sent, the guesses whose password was checked (401; a refused guess is 429)
and the most of those in any 60 seconds, then whether the right password is refused after the attack, and the page's
median and 90th percentile latency alone and during the attack.

Client-side windows are measured on response times, which jitter by the tens of milliseconds
argon2 takes, so a check at the end of one server minute and one at the start of the next can
fall in one client minute. The limit itself is kept on the server's clock: with the database
path given (SQLite), the script also reads the attempts the server counted and reports the most
in any 60 seconds for any address and any account.

Usage: python3 signin_attack.py PORT ARTICLE_PATH DURATION BASELINE THREADS [SQLITE_DB]
"""

import http.client
import multiprocessing
import re
import statistics
import sys
import time
import urllib.parse

HOST = "127.0.0.1"


def connect(port):
    return http.client.HTTPConnection(HOST, port, timeout=30)


def token(conn):
    conn.request("GET", "/admin/login")
    body = conn.getresponse().read().decode()
    return re.search(r'name="token" value="([^"]+)"', body).group(1)


def sign_in(conn, form_token, name, password, address=None):
    body = urllib.parse.urlencode({"username": name, "password": password, "token": form_token})
    headers = {"content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin"}
    if address:
        headers["x-forwarded-for"] = address
    conn.request("POST", "/admin/login", body, headers)
    response = conn.getresponse()
    response.read()
    return response.status


def attacker(args):
    port, kind, worker, deadline = args
    conn = connect(port)
    form_token = token(conn)
    counts = {}
    checked_at = []
    i = 0
    while time.time() < deadline:
        i += 1
        if kind == "one-address":
            status = sign_in(conn, form_token, "editor", f"guess-{worker}-{i}")
        elif kind == "one-account":
            address = f"198.18.{worker}.{i % 250 + 1}" if i < 250 else f"198.19.{i // 250 % 250}.{i % 250 + 1}"
            status = sign_in(conn, form_token, "writer", f"guess-{worker}-{i}", address)
        else:
            status = sign_in(conn, form_token, f"name-{worker}-{i}", "guess", "198.51.100.2")
        counts[status] = counts.get(status, 0) + 1
        if status == 401:
            checked_at.append(time.time())
    return kind, counts, checked_at


def reader(port, path, until):
    conn = connect(port)
    times = []
    while time.time() < until:
        start = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.02)
    return times


def reader_process(args):
    return reader(*args)


def most_in_a_minute(times):
    times = sorted(times)
    most, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= 60:
            start += 1
        most = max(most, end - start + 1)
    return most


def summary(times):
    times = sorted(times)
    return statistics.median(times), times[int(len(times) * 0.9)], len(times)


def main():
    port, path, duration, baseline, threads = (
        int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))
    alone = reader(port, path, time.time() + baseline)
    deadline = time.time() + duration
    kinds = ["one-address", "one-account", "many-names"]
    with multiprocessing.Pool(len(kinds) * threads + 1) as pool:
        during = pool.apply_async(reader_process, ((port, path, deadline),))
        jobs = [(port, kind, w, deadline) for kind in kinds for w in range(threads)]
        results = pool.map(attacker, jobs)
        during = during.get()
    totals = {kind: {} for kind in kinds}
    checked_at = {kind: [] for kind in kinds}
    for kind, counts, at in results:
        checked_at[kind].extend(at)
        for status, n in counts.items():
            totals[kind][status] = totals[kind].get(status, 0) + n
    print(f"attack: {duration:.0f} s, {threads} connections per attack, loopback")
    print(f"{'attack':<12} {'sent':>7} {'sent/s':>7} {'checked':>8} {'most checked in a minute':>25} {'refused':>8} other")
    for kind in kinds:
        t = totals[kind]
        sent = sum(t.values())
        checked, refused = t.get(401, 0), t.get(429, 0)
        other = {s: n for s, n in t.items() if s not in (401, 429)}
        print(f"{kind:<12} {sent:>7} {sent / duration:>7.0f} {checked:>8} {most_in_a_minute(checked_at[kind]):>25} {refused:>8} {other or ''}")
    conn = connect(port)
    right = sign_in(conn, token(conn), "editor", "harbour lights 42")
    print(f"the right password for the attacked account, from the attacking address, right after: {right}"
          f" ({'refused' if right == 429 else 'accepted' if right == 303 else 'other'})")
    if len(sys.argv) > 6:
        import sqlite3
        from datetime import datetime
        rows = sqlite3.connect(sys.argv[6]).execute("SELECT key, failed_at FROM sign_in_failures").fetchall()
        by_key = {}
        for key, at in rows:
            by_key.setdefault(key, []).append(datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp())
        for kind in ("ip", "user"):
            most = max((most_in_a_minute(t) for k, t in by_key.items() if k.startswith(kind + ":")), default=0)
            label = "address" if kind == "ip" else "account"
            print(f"server's count: most checked guesses in any 60 s for one {label}: {most}")
    a, d = summary(alone), summary(during)
    print(f"article page alone:         median {a[0]:.2f} ms, p90 {a[1]:.2f} ms ({a[2]} requests)")
    print(f"article page during attack: median {d[0]:.2f} ms, p90 {d[1]:.2f} ms ({d[2]} requests)")


if __name__ == "__main__":
    main()
