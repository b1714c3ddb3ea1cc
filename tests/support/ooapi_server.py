#!/usr/bin/env python3
"""An OOAPI v5 server on 127.0.0.1 for the import's --url tests.

Serves the fixtures in tests/fixtures/ooapi under a first path segment that picks
how the server behaves:
  /ok/courses                 courses_page1.json, courses_page2.json by pageNumber
  /ok/courses/ID/offerings    the offerings of course ID in course_offerings.json,
                              without their course reference (as a server may answer)
  /ok/organizations/ID        the organization ID of organizations.json, else 404
  /slow/...                   as /ok, after sleeping 3 s
  /broken/...                 HTTP 500 every time
  /flaky/...                  as /ok, but the second page of courses answers HTTP 503
                              (Retry-After: 1) the first time it is asked
  /stuck/courses              ignores pageNumber: page 1 with hasNextPage, for ever
  /circle/courses             echoes pageNumber, but every page holds the same items
  /html/courses               a web page instead of JSON
  /_log                       the requests so far: [{"path", "agent", "time"}]
Prints "port N" once it listens, and serves until it is killed.
"""
import json
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = sys.argv[1]
LOG = []
FAILED_ONCE = set()  # the paths that have failed their one time


def fixture(name):
    with open(f"{FIXTURES}/{name}", encoding="utf-8") as f:
        return json.load(f)


def page(items, number, more):
    return {"pageSize": 100, "pageNumber": number, "hasPreviousPage": number > 1,
            "hasNextPage": more, "items": items}


def ok_answer(parts, query):
    """(status, body) of a well-behaved server for the path after the mode."""
    number = int(query.get("pageNumber", ["1"])[0])
    if parts == ["courses"]:
        if number > 2:
            return 200, page([], number, False)
        return 200, fixture(f"courses_page{number}.json")
    if len(parts) == 3 and parts[0] == "courses" and parts[2] == "offerings":
        offerings = []
        for offering in fixture("course_offerings.json")["items"]:
            if parts[1] in (offering.get("courseId"), offering.get("course")):
                offering.pop("courseId", None)
                offering.pop("course", None)
                offerings.append(offering)
        return 200, page(offerings, number, False)
    if len(parts) == 2 and parts[0] == "organizations":
        for organization in fixture("organizations.json")["items"]:
            if organization["organizationId"] == parts[1]:
                return 200, organization
    return 404, {"status": 404, "title": "Not Found"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        parts = [urllib.parse.unquote(p) for p in url.path.strip("/").split("/")]
        mode, rest = parts[0], parts[1:]
        if mode == "_log":
            return self.answer(200, LOG)
        LOG.append({"path": self.path, "agent": self.headers.get("User-Agent", ""),
                    "time": time.monotonic()})
        number = int(query.get("pageNumber", ["1"])[0])
        if mode == "slow":
            time.sleep(3)
        if mode == "broken":
            return self.answer(500, {"status": 500, "title": "Internal Server Error"})
        if mode == "flaky" and number == 2 and rest == ["courses"] and not FAILED_ONCE:
            FAILED_ONCE.add(self.path)
            return self.answer(503, {"status": 503, "title": "busy"}, {"Retry-After": "1"})
        if mode == "stuck":
            return self.answer(200, page(fixture("courses_page1.json")["items"], 1, True))
        if mode == "circle":
            return self.answer(200, page(fixture("courses_page1.json")["items"], number, True))
        if mode == "html":
            body = b"<!DOCTYPE html><html><body>Please log in</body></html>"
            return self.send(200, body, "text/html")
        status, value = ok_answer(rest, query)
        self.answer(status, value)

    def answer(self, status, value, headers=None):
        self.send(status, json.dumps(value, indent=2).encode(), "application/json", headers)

    def send(self, status, body, content_type, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(f"port {server.server_address[1]}", flush=True)
server.serve_forever()
