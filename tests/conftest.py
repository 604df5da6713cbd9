"""Runs the built `agora` binary as a user would: a real server on loopback, a real SQLite file."""
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build" / "debug" / "agora"
SHARED = ROOT.parent / "shared" / "data"


# The longest files, started first: `-n 2 --dist loadfile --no-loadscope-reorder` (scripts/test) hands files out in
# this order, and the administrator's fuzzing (~3 minutes alone) used to come last, with the other core idle meanwhile.
FIRST = ["test_api_fuzz_admin.py", "test_cli.py", "test_api_fuzz_anonymous.py", "test_browser.py", "test_attacks.py"]


def pytest_collection_modifyitems(items):
    items.sort(key=lambda i: FIRST.index(i.path.name) if i.path.name in FIRST else len(FIRST))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, base, passwords, stdout_path):
        self.base, self.passwords, self.stdout_path = base, passwords, stdout_path
        self._tokens = {}

    def token_for(self, username):
        """An API token for a demo account, got the way a client would."""
        if username not in self._tokens:
            status, body = self.request("POST", "/api/v1/auth/token", {"username": username, "password": self.passwords[username], "name": "pytest"})
            assert status == 201, body
            self._tokens[username] = body["token"]
        return self._tokens[username]

    @property
    def token(self):
        return self.token_for("admin")

    def request(self, method, path, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                raw = r.read()
                return r.status, (json.loads(raw) if raw and "json" in r.headers.get("Content-Type", "") else raw)
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, (json.loads(raw) if raw else None)


@pytest.fixture(scope="session")
def agora_binary():
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build` first (scripts/test does)")
    return BINARY


# Settings that change what the demo seeds or who the installation is: a server started with one of them seeds its
# own store from nothing instead of starting from the shared template.
OWN_SEED = {"AGORA_DEMO_ACTIVITY", "AGORA_INSTALLATION_ID", "AGORA_NATS_URL", "AGORA_FEDERATION_HUB", "AGORA_SHARED_DATA",
            "AGORA_SQLITE_FILE", "AGORA_DATABASE_URL"}
_template = {}


def seeded_template(agora_binary):
    """One quiet demo store per test process, seeded by `agora demo` (which names its files agora.*), checkpointed.
    Each fresh server starts on a copy, and its `serve --demo` then finds the areas loaded: about 0.3 s of CPU a start
    instead of 6 (the first seed parses the boundary files). test_demo.py and test_cli.py still seed from nothing."""
    if "dir" not in _template:
        d = tempfile.mkdtemp(prefix="agora-template-")
        r = run_cli(agora_binary, "demo", data_dir=d, extra_env={"AGORA_BCRYPT_COST": "4", "AGORA_FORECASTS": "off"})
        assert r.returncode == 0, r.stdout + r.stderr
        with sqlite3.connect(Path(d) / "agora.sqlite") as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _template["dir"] = d
    return Path(_template["dir"])


def start_server(agora_binary, extra_env=None, data_dir=None, ready_status=200):
    """`agora serve --demo` in a fresh data folder (or `data_dir`, to start again on what a stopped server left);
    yields a Server, stops it afterwards."""
    tmp = str(data_dir) if data_dir else tempfile.mkdtemp(prefix="agora-http-")
    if data_dir is None and not OWN_SEED & set(extra_env or {}):
        template = seeded_template(agora_binary)
        for name, as_demo in [("agora.sqlite", "agora-demo.sqlite"), ("agora.key", "agora-demo.key")]:
            shutil.copy(template / name, Path(tmp) / as_demo)
    port = free_port()
    out_path = Path(tmp) / f"stdout-{port}.log"  # one per start: a restart on the same folder prints new passwords
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
    env["AGORA_DATA_DIR"] = tmp
    env["AGORA_BCRYPT_COST"] = "4"
    env["AGORA_DEMO_ACTIVITY"] = "off"  # tests start from a quiet demo; test_demo.py checks the lively one
    env["AGORA_FORECASTS"] = "off"  # trained by `agora forecast train` where a test needs them
    env.update(extra_env or {})
    with open(out_path, "wb") as out:
        proc = subprocess.Popen([str(agora_binary), "serve", "--demo", "--port", str(port)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail("agora exited early:\n" + out_path.read_text())
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as r:
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except OSError:
            status = None
        if status == ready_status and "API token:" in out_path.read_text():
            break
        time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("agora did not become ready:\n" + out_path.read_text())
    passwords = dict(re.findall(r"^\s{4}(\S+)\s+(\S{16})\s{3}", out_path.read_text(), re.M))
    assert "admin" in passwords and "coordinator.bawku" in passwords, out_path.read_text()
    server = Server(base, passwords, out_path)
    server.data_dir = tmp
    server.proc = proc
    try:
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def demo_server(agora_binary):
    yield from start_server(agora_binary)


def run_cli(agora_binary, *args, data_dir, extra_env=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
    env["AGORA_DATA_DIR"] = str(data_dir)
    env["AGORA_DEMO_ACTIVITY"] = "off"  # `agora demo` seeds a quiet demo here: benchmarks count their own events
    env.update(extra_env or {})
    return subprocess.run([str(agora_binary), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
