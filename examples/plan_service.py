"""A small web service on hrplan, with nothing but the standard library (``wsgiref``).

Usage::

    python examples/plan_service.py [PORT]     # default 8000; Ctrl-C stops it

    curl 'localhost:8000/measures?as_of=2013-01-01'          # one record per measure
    curl localhost:8000/measures/1.2.1                         # one measure as JSON
    curl localhost:8000/program.csv                            # the program in any format
    curl -d '{"id": "ev-1", "title": "Training", "kind": "training",
              "dates": {"start": "2013-02-01"}, "measures": ["1.2.1"]}' localhost:8000/events

Each request runs in its own thread. The program is immutable, so every
thread reads it without a lock; an update builds a new program and swaps it in
under a lock (see docs/embedding.md).
"""

from __future__ import annotations

import json
import socketserver
import sys
import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import hrplan

DATA = Path(__file__).parent / "data" / "az-2012.json"

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


class PlanStore:
    """The current program, shared by every request thread."""

    def __init__(self, program: hrplan.Program) -> None:
        self.program = program
        self._lock = threading.Lock()

    def add_event(self, event: hrplan.Event) -> hrplan.Program:
        """Add ``event``; the whole update happens under the lock, so none is lost."""
        with self._lock:
            self.program = hrplan.updates.add_events(self.program, event)
            return self.program


class HttpError(Exception):
    """An answer other than 200, with a JSON body."""

    def __init__(self, status: str, body: Any) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


def _json(value: Any) -> bytes:
    return json.dumps(value, default=str, ensure_ascii=False).encode("utf-8")


def _problems(exc: hrplan.InputError | hrplan.CrossReferenceError) -> list[dict[str, str]]:
    return [{"location": p.location, "message": p.message} for p in exc.problems]


def _query_date(query: str) -> date | None:
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key == "as_of":
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise HttpError("400 Bad Request", {"error": f"as_of: {value!r} is not a YYYY-MM-DD date"}) from None
    return None


def _route(store: PlanStore, method: str, path: str, environ: dict[str, Any]) -> tuple[str, str, bytes]:
    """The answer to one request: status, content type, body."""
    program = store.program  # one consistent program for the whole request
    if method == "GET" and path == "/measures":
        return "200 OK", "application/json", _json(hrplan.records(program, as_of=_query_date(environ["QUERY_STRING"])))
    if method == "GET" and path.startswith("/measures/"):
        measure = program.find_measure(path.removeprefix("/measures/")) if _is_number(path) else None
        if measure is None:
            raise HttpError("404 Not Found", {"error": f"no measure {path.removeprefix('/measures/')}"})
        return "200 OK", "application/json", _json(hrplan.to_data(measure))
    if method == "GET" and path.startswith("/program."):
        try:
            return "200 OK", "application/octet-stream", hrplan.dumps(program, path.removeprefix("/program."))
        except hrplan.UnknownFormatError as exc:
            raise HttpError("404 Not Found", {"error": str(exc)}) from None
    if method == "POST" and path == "/events":
        length = _content_length(environ)
        try:
            event = hrplan.from_data(hrplan.Event, json.loads(environ["wsgi.input"].read(length)), source="body")
            store.add_event(event)
        except json.JSONDecodeError as exc:
            raise HttpError("400 Bad Request", {"error": f"the body is not JSON: {exc}"}) from None
        except hrplan.InputError as exc:
            raise HttpError("400 Bad Request", {"problems": _problems(exc)}) from None
        except hrplan.CrossReferenceError as exc:
            raise HttpError("409 Conflict", {"problems": _problems(exc)}) from None
        return "201 Created", "application/json", _json(hrplan.to_data(event))
    raise HttpError("404 Not Found", {"error": f"no route for {method} {path}"})


def _content_length(environ: dict[str, Any]) -> int:
    text = environ.get("CONTENT_LENGTH") or "0"
    if not text.isdecimal():
        raise HttpError("400 Bad Request", {"error": f"Content-Length {text!r} is not a number"})
    return int(text)


def _is_number(path: str) -> bool:
    return all(part.isdigit() for part in path.removeprefix("/measures/").split("."))


def make_app(store: PlanStore) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """The WSGI application serving ``store``."""

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            status, kind, body = _route(store, environ["REQUEST_METHOD"], environ["PATH_INFO"], environ)
        except HttpError as exc:
            status, kind, body = exc.status, "application/json", _json(exc.body)
        start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return [body]

    return app


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """A WSGI server that answers each request in its own thread."""

    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    """Does not log each request to standard error."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(store: PlanStore, port: int = 8000, host: str = "127.0.0.1") -> ThreadingWSGIServer:
    """A server for ``store`` on ``host:port`` (port 0: any free port); call ``serve_forever()``."""
    server = make_server(host, port, make_app(store), server_class=ThreadingWSGIServer, handler_class=QuietHandler)
    assert isinstance(server, ThreadingWSGIServer)
    return server


def main(argv: list[str]) -> int:
    """Serve the bundled 2012 program until interrupted."""
    port = int(argv[0]) if argv else 8000
    server = serve(PlanStore(hrplan.read(DATA)), port)
    print(f"serving {DATA.name} on http://127.0.0.1:{server.server_port}/measures (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
