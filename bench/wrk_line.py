"""One line from a wrk report: requests/s, p50 and p99 (wrk --latency), and any non-2xx count.
Usage: python3 bench/wrk_line.py NAME REPORT_FILE"""
import re
import sys

name, text = sys.argv[1], open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))


def ms(label):
    m = re.search(label + r"\s+([\d.]+)(us|ms|s)\b", text)
    v = float(m.group(1))
    return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v


errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{name:22} {rps:10,.0f} req/s   p50 {ms('50%'):7.2f} ms   p99 {ms('99%'):7.2f} ms"
      + (f"   NON-2XX {errors.group(1)}" if errors else ""))
