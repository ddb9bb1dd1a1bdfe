"""A minimal in-memory AWX API (/api/v2/) for running awx/configure.yml without an
AWX: list/filter, create, read, update and delete of any resource type, the
association sub-lists (credentials, hosts, success_nodes, ...) and survey specs.
It keeps what the awx.awx modules send, so tests can assert on the objects a real
controller would hold. It is no AWX: no validation, permissions or jobs."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

API = "/api/v2/"
# Which resource type the ids of each association sub-list refer to.
SUBLIST_TARGETS = {
    "credentials": "credentials",
    "hosts": "hosts",
    "children": "groups",
    "success_nodes": "workflow_job_template_nodes",
    "failure_nodes": "workflow_job_template_nodes",
    "always_nodes": "workflow_job_template_nodes",
    "labels": "labels",
    "instance_groups": "instance_groups",
    "input_inventories": "inventories",
}
RELATED = [*SUBLIST_TARGETS, "survey_spec", "workflow_nodes", "notification_templates_started",
           "notification_templates_success", "notification_templates_error", "notification_templates_approvals"]
# What /unified_job_templates/ lists (a workflow node may run any of them).
UNIFIED_JOB_TEMPLATES = ("job_templates", "workflow_job_templates", "projects", "inventory_sources")
# Objects every AWX has.
SEED = {
    "organizations": [{"name": "Default"}],
    "credential_types": [{"name": "Amazon Web Services", "kind": "cloud", "namespace": "aws", "managed": True}],
}


class Store:
    def __init__(self) -> None:
        self.objects: dict[str, dict[int, dict[str, Any]]] = {}
        self.links: dict[tuple[str, int, str], list[int]] = {}
        self.surveys: dict[tuple[str, int], dict[str, Any]] = {}
        self.requests: list[tuple[str, str]] = []
        self.next_id = 1
        self.lock = threading.Lock()
        for kind, items in SEED.items():
            for item in items:
                self.create(kind, item)

    def create(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        oid = self.next_id
        self.next_id += 1
        url = f"{API}{kind}/{oid}/"
        obj = {"scm_revision": "", **body, "id": oid, "type": kind[:-1], "url": url, "summary_fields": {},
               "related": {name: f"{url}{name}/" for name in RELATED}}
        self.objects.setdefault(kind, {})[oid] = obj
        return obj

    def listing(self, kind: str, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        kinds = UNIFIED_JOB_TEMPLATES if kind == "unified_job_templates" else (kind,)
        items = [obj for k in kinds for obj in self.objects.get(k, {}).values()]
        alternatives = {k[4:]: v[0] for k, v in query.items() if k.startswith("or__")}
        exact = {k: v[0] for k, v in query.items() if not k.startswith("or__") and k not in ("page", "page_size", "order_by")}

        def matches(obj: dict[str, Any]) -> bool:
            if any(str(obj.get(k)) != v for k, v in exact.items()):
                return False
            return not alternatives or any(str(obj.get(k)) == v for k, v in alternatives.items())

        return [obj for obj in items if matches(obj)]

    def sublist(self, kind: str, oid: int, name: str) -> list[dict[str, Any]]:
        if name == "workflow_nodes":
            return [n for n in self.objects.get("workflow_job_template_nodes", {}).values() if n.get("workflow_job_template") == oid]
        target = self.objects.get(SUBLIST_TARGETS.get(name, name), {})
        return [target[i] for i in self.links.get((kind, oid, name), []) if i in target]


class Handler(BaseHTTPRequestHandler):
    store: Store

    def log_message(self, *args: Any) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, payload: Any = None) -> None:
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-API-Product-Name", "AWX")
        self.send_header("X-API-Product-Version", "24.6.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"{}") if length else {}

    def _route(self) -> tuple[list[str], dict[str, list[str]]]:
        url = urlparse(self.path)
        parts = [p for p in url.path[len(API):].split("/") if p] if url.path.startswith(API) else []
        return parts, parse_qs(url.query)

    def _handle(self, method: str) -> None:
        parts, query = self._route()
        store = self.store
        with store.lock:
            store.requests.append((method, self.path))
            body = self._body() if method in ("POST", "PATCH", "PUT") else {}
            if not parts:
                return self._send(200, {"description": "fake AWX"})
            kind = parts[0]
            if len(parts) == 1:
                if method == "GET":
                    items = store.listing(kind, query)
                    return self._send(200, {"count": len(items), "next": None, "previous": None, "results": items})
                if method == "POST":
                    return self._send(201, store.create(kind, body))
            oid = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            obj = store.objects.get(kind, {}).get(oid)
            if obj is None:
                return self._send(404, {"detail": "Not found."})
            if len(parts) == 2:
                if method == "GET":
                    return self._send(200, obj)
                if method in ("PATCH", "PUT"):
                    obj.update(body)
                    return self._send(200, obj)
                if method == "DELETE":
                    del store.objects[kind][oid]
                    return self._send(204)
            name = parts[2]
            if name == "survey_spec":
                if method == "GET":
                    return self._send(200, store.surveys.get((kind, oid), {}))
                store.surveys[(kind, oid)] = body
                return self._send(200, body)
            if method == "GET":
                items = store.sublist(kind, oid, name)
                return self._send(200, {"count": len(items), "next": None, "previous": None, "results": items})
            if method == "POST":
                ids = store.links.setdefault((kind, oid, name), [])
                if body.get("disassociate"):
                    ids.remove(body["id"])
                elif body["id"] not in ids:
                    ids.append(body["id"])
                return self._send(204)
        return self._send(405, {"detail": f"{method} not supported by the fake"})

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_PATCH(self) -> None:  # noqa: N802
        self._handle("PATCH")

    def do_PUT(self) -> None:  # noqa: N802
        self._handle("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle("DELETE")


class FakeController:
    """`with FakeController() as awx:` serves on awx.url until the block ends."""

    def __init__(self) -> None:
        self.store = Store()
        handler = type("BoundHandler", (Handler,), {"store": self.store})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeController:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def one(self, kind: str, **filters: Any) -> dict[str, Any]:
        found = self.store.listing(kind, {k: [str(v)] for k, v in filters.items()})
        assert len(found) == 1, f"{kind} {filters}: {found}"
        return found[0]

    def linked(self, kind: str, obj: dict[str, Any], name: str) -> list[dict[str, Any]]:
        return self.store.sublist(kind, obj["id"], name)
