#!/usr/bin/env python3
"""Checks a handout written by `kneerehab plan --format csv|html` (docs/handouts.md).

  check_handout.py csv FILE km|mi     RFC 4180 with CRLF ends, the header's distance unit, the
                                      same number of fields on every row
  check_handout.py html FILE          self-contained (nothing fetched), print CSS, the SVG chart
  check_handout.py pdf FILE WEEKS DIR prints FILE with headless Chromium into DIR (its scratch
                                      directory) and checks the pages: the first page(s), then
                                      exactly one page per week, then the exercise page(s)

Chromium is looked up as $KNEEREHAB_CHROMIUM, chromium, chromium-browser, google-chrome. When
it is missing the test fails, unless KNEEREHAB_SKIP_BROWSER=1 (then it is skipped, exit 77).
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys

SKIP = 77


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def check_csv(path, units):
    data = open(path, "rb").read()
    text = data.decode("utf-8")
    if not text.endswith("\r\n"):
        fail("the CSV does not end with CRLF")
    unquoted = re.sub(r'"(?:[^"]|"")*"', "", text)  # line breaks inside fields are data
    if re.search(r"(?<!\r)\n", unquoted):
        fail("a line ends with LF alone")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(rows) < 2:
        fail("no rows after the header")
    header = rows[0]
    if f"distance_{units}" not in header:
        fail(f"the header has no distance_{units}: {header}")
    other = "mi" if units == "km" else "km"
    if f"distance_{other}" in header:
        fail(f"the header names distance_{other}")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            fail(f"row {number} has {len(row)} fields, the header {len(header)}: {row}")
    print(f"ok: {len(rows) - 1} rows of {len(header)} fields")


def check_html(path):
    text = open(path, encoding="utf-8").read()
    for needle in ("<!DOCTYPE html>", '<meta charset="utf-8">', 'name="viewport"', "@page",
                   "break-after: page", "<svg"):
        if needle not in text:
            fail(f"missing {needle!r}")
    # Nothing that fetches: no external scripts, styles, fonts, images or frames.
    for pattern in (r"<script", r"<link", r"<img", r"<iframe", r"@import", r"url\(",
                    r"(src|href)\s*=\s*[\"']?(https?:)?//"):
        if re.search(pattern, text, re.IGNORECASE):
            fail(f"the page may load something from outside: {pattern}")
    print("ok: self-contained, print CSS, SVG chart")


def find_chromium():
    for name in (os.environ.get("KNEEREHAB_CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def check_pdf(path, weeks, scratch):
    browser = find_chromium()
    if browser is None or shutil.which("pdftotext") is None:
        if os.environ.get("KNEEREHAB_SKIP_BROWSER") == "1":
            print("skipped: no chromium or pdftotext, and KNEEREHAB_SKIP_BROWSER=1")
            sys.exit(SKIP)
        fail("chromium and pdftotext (poppler-utils) are needed: run scripts/install-deps.sh, "
             "or set KNEEREHAB_SKIP_BROWSER=1 to skip this test")
    os.makedirs(scratch, exist_ok=True)
    pdf = os.path.join(scratch, "handout.pdf")
    if os.path.exists(pdf):
        os.remove(pdf)
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu",
               f"--user-data-dir={os.path.join(scratch, 'profile')}", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf}", "file://" + os.path.abspath(path)]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        fail("chromium did not finish printing in 120 s")
    except subprocess.CalledProcessError as e:
        fail(f"chromium failed: {e.stderr.decode(errors='replace')[-2000:]}")
    pages = page_texts(pdf)
    # Where each week's heading is: "Week N of W".
    at = {}
    for index, page in enumerate(pages):
        for match in re.finditer(r"Week (\d+) of (\d+) ·", page):
            at.setdefault(int(match.group(1)), []).append(index)
    for week in range(1, weeks + 1):
        if len(at.get(week, [])) != 1:
            fail(f"week {week} heads {len(at.get(week, []))} pages, not 1")
    first = at[1][0]
    for week in range(1, weeks + 1):
        if at[week][0] != first + week - 1:
            fail(f"week {week} is on page {at[week][0] + 1}, not {first + week}: a week ran "
                 f"over a page")
    exercises = len(pages) - first - weeks
    if first < 1:
        fail("no first page before week 1")
    if exercises < 1 or "Exercises" not in pages[first + weeks]:
        fail("no exercise page after the last week")
    print(f"ok: {len(pages)} pages = {first} first + {weeks} weeks + {exercises} exercises")


def main():
    if len(sys.argv) < 3:
        fail(__doc__)
    mode = sys.argv[1]
    if mode == "csv" and len(sys.argv) == 4:
        check_csv(sys.argv[2], sys.argv[3])
    elif mode == "html" and len(sys.argv) == 3:
        check_html(sys.argv[2])
    elif mode == "pdf" and len(sys.argv) == 5:
        check_pdf(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        fail(__doc__)


if __name__ == "__main__":
    main()
