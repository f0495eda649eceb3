"""The web-service example of docs/embedding.md, started on a free localhost port."""

from __future__ import annotations

import importlib.util
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from types import ModuleType
from typing import Any

import pytest

import hrplan

from .conftest import EXAMPLES


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("plan_service", EXAMPLES / "plan_service.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SERVICE = _example()


@pytest.fixture
def service() -> Iterator[tuple[str, Any]]:
    store = SERVICE.PlanStore(hrplan.read(SERVICE.DATA))
    server = SERVICE.serve(store, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", store
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post(url: str, body: Any) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _event(number: int, *measures: str) -> dict[str, Any]:
    return {"id": f"ev-{number}", "title": "Training", "kind": "training", "dates": {"start": "2013-02-01"},
            "measures": list(measures)}


def test_records_measures_and_formats(service: tuple[str, Any]) -> None:
    base, _ = service
    status, body = _get(f"{base}/measures?as_of=2013-01-01")
    rows = json.loads(body)
    assert status == 200
    assert next(r for r in rows if r["id"] == "1.2.1")["status"] == "overdue"
    status, body = _get(f"{base}/measures/1.2.1")
    assert (status, json.loads(body)["id"]) == (200, "1.2.1")
    assert _get(f"{base}/measures/9.9")[0] == 404
    status, body = _get(f"{base}/program.csv")
    assert status == 200
    assert body.startswith(b"\xef\xbb\xbf") or b"1.2.1" in body
    status, body = _get(f"{base}/program.nope")
    assert status == 404
    assert b"no exporter called 'nope'" in body
    assert _get(f"{base}/measures?as_of=soon")[0] == 400


def test_posting_events(service: tuple[str, Any]) -> None:
    base, store = service
    assert _post(f"{base}/events", _event(1, "1.2.1")) == (201, _event(1, "1.2.1"))
    assert store.program.events[-1].id == "ev-1"
    status, body = _post(f"{base}/events", {**_event(2), "dates": {"start": "2013-02-30"}})
    assert status == 400
    assert body["problems"][0]["location"] == "$.dates.start"
    status, body = _post(f"{base}/events", _event(3, "9.9"))
    assert status == 409
    assert "event 'ev-3' refers to measure 9.9" in body["problems"][0]["message"]


def test_concurrent_updates_are_not_lost(service: tuple[str, Any]) -> None:
    base, store = service
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda n: _post(f"{base}/events", _event(n, "1.1"))[0], range(24)))
    assert answers == [201] * 24
    assert sorted(e.id for e in store.program.events) == sorted(f"ev-{n}" for n in range(24))
