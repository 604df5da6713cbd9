"""Accountability and do-no-harm, checked from outside: the CLI finds an edited audit row, the key file
is private, and no secret or contact detail reaches a log line."""
import json
import os
import re
import sqlite3
import stat
import subprocess
import time
import urllib.request

import pytest

from conftest import ROOT, Server, free_port, run_cli


def test_agora_audit_verify_names_the_edited_row(agora_binary, tmp_path):
    r = run_cli(agora_binary, "demo", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_cli(agora_binary, "audit", "verify", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr + r.stdout
    entries = int(re.search(r"intact: (\d+) entries", r.stdout).group(1))
    assert entries > 10
    db = sqlite3.connect(tmp_path / "agora.sqlite")
    db.execute("UPDATE audit_log SET record_id = 'someone-else' WHERE seq = 7")
    db.commit()
    db.close()
    r = run_cli(agora_binary, "audit", "verify", data_dir=tmp_path)
    assert r.returncode != 0
    assert "entry 7" in r.stdout + r.stderr
    assert "altered" in r.stdout + r.stderr


def test_a_deleted_last_entry_is_found_too(agora_binary, tmp_path):
    assert run_cli(agora_binary, "users", "create", "ama", "--name", "Ama", data_dir=tmp_path).returncode == 0
    db = sqlite3.connect(tmp_path / "agora.sqlite")
    last = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    db.execute("DELETE FROM audit_log WHERE seq = ?", (last,))
    db.commit()
    db.close()
    r = run_cli(agora_binary, "audit", "verify", data_dir=tmp_path)
    assert r.returncode != 0
    assert f"entry {last}" in r.stdout + r.stderr


def test_users_from_the_command_line(agora_binary, tmp_path):
    r = run_cli(agora_binary, "users", "create", "kwame", "--name", "Kwame A.", "--admin", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    first = re.search(r"password: (\S+)", r.stdout).group(1)
    r = run_cli(agora_binary, "users", "create", "kwame", data_dir=tmp_path)
    assert r.returncode != 0 and "taken" in r.stdout + r.stderr
    r = run_cli(agora_binary, "users", "reset-password", "kwame", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    second = re.search(r"password: (\S+)", r.stdout).group(1)
    assert second != first
    r = run_cli(agora_binary, "users", "reset-password", "nobody", data_dir=tmp_path)
    assert r.returncode != 0 and "no account 'nobody'" in r.stdout + r.stderr
    # The key file the server made is private to its owner.
    key = tmp_path / "agora.key"
    assert key.exists()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    db = sqlite3.connect(tmp_path / "agora.sqlite")
    hashes = [h for (h,) in db.execute("SELECT password_hash FROM people")]
    assert hashes and all(h.startswith("$2") for h in hashes) and second not in json.dumps(hashes)


def test_a_readable_key_file_is_refused(agora_binary, tmp_path):
    key = tmp_path / "agora.key"
    key.write_text("x" * 44)
    key.chmod(0o644)
    r = run_cli(agora_binary, "users", "create", "efua", data_dir=tmp_path)
    assert r.returncode != 0
    assert "readable by others" in r.stdout + r.stderr


@pytest.fixture()
def chatty_server(agora_binary, tmp_path):
    """A demo server logging at trace level, its output captured."""
    port = free_port()
    log = tmp_path / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
    env.update(AGORA_DATA_DIR=str(tmp_path), AGORA_BCRYPT_COST="4", LOG_LEVEL="trace")
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(agora_binary), "serve", "--demo", "--port", str(port)], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2):
                if "API token:" in log.read_text():
                    break
        except OSError:
            pass
        time.sleep(0.3)
    passwords = dict(re.findall(r"^\s{4}(\S+)\s+(\S{16})\s{3}", log.read_text(), re.M))
    yield Server(base, passwords, log), log
    proc.terminate()
    proc.wait(timeout=15)


def test_no_secret_or_contact_detail_reaches_a_log_line(chatty_server):
    server, log = chatty_server
    banner_end = len(log.read_text())
    phone = "+233 26 111 2233"
    coordinator = server.token_for("coordinator.bawku")
    monitor = server.token_for("monitor.bawku")
    status, reporter = server.request("POST", "/api/v1/reporters", {"body": "GH-DPC-BAWKU", "contact": {"name": "Akosua Logtest", "phone": phone}}, token=monitor)
    assert status == 201
    status, contact = server.request("POST", f"/api/v1/reporters/{reporter['id']}/contact", token=coordinator)
    assert status == 200 and contact["phone"] == phone
    status, _ = server.request("POST", "/api/v1/auth/token", {"username": "admin", "password": "not-the-password!", "name": "x"})
    assert status == 401
    status, body = server.request("POST", "/api/v1/tokens", {"name": "second"}, token=coordinator)
    new_token = body["token"]
    time.sleep(0.5)
    after = log.read_text()[banner_end:]
    assert "POST /api/v1/reporters" in after  # requests are logged…
    for secret in [phone, "111 2233", "Akosua Logtest", server.passwords["coordinator.bawku"], server.passwords["admin"],
                   "not-the-password!", coordinator, monitor, new_token]:
        assert secret not in after, "a secret reached the log"  # …their secrets are not


def test_oversized_bodies_are_refused_before_they_are_read(demo_server):
    big = {"title": "x", "summary": "y" * (5 * 1024 * 1024), "body": "GH-DPC-BAWKU", "classification": "public"}
    status, _ = demo_server.request("POST", "/api/v1/documents", big, token=demo_server.token_for("monitor.bawku"))
    assert status == 413


def test_pages_carry_security_headers(demo_server):
    with urllib.request.urlopen(demo_server.base + "/sign-in") as r:
        assert "default-src 'self'" in r.headers["Content-Security-Policy"]
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Referrer-Policy"] == "no-referrer"
        assert "no-store" in r.headers["Cache-Control"]


def test_the_signed_in_api_answers_as_documented(demo_server):
    from test_http_api import check
    status, spec = demo_server.request("GET", "/api/v1/openapi.json")
    coord = demo_server.token_for("coordinator.bawku")
    auditor = demo_server.token_for("auditor.npc")
    for path, template, token in [
        ("/api/v1/people/me", "/api/v1/people/me", coord),
        ("/api/v1/tokens", "/api/v1/tokens", coord),
        ("/api/v1/reporters", "/api/v1/reporters", coord),
        ("/api/v1/documents?limit=10", "/api/v1/documents", coord),
        ("/api/v1/documents/count", "/api/v1/documents/count", coord),
        ("/api/v1/bodies/GH-DPC-BAWKU/members", "/api/v1/bodies/{code}/members", coord),
        ("/api/v1/audit?recordType=body&recordID=GH-NPC", "/api/v1/audit", auditor),
        ("/api/v1/audit/verify", "/api/v1/audit/verify", auditor),
        ("/api/v1/people", "/api/v1/people", demo_server.token),
        ("/api/v1/people", "/api/v1/people", coord),
    ]:
        status, body = demo_server.request("GET", path, token=token)
        check(spec, template, "GET", status, body)
    status, body = demo_server.request("GET", "/api/v1/audit/verify", token=auditor)
    assert body["intact"] is True
    status, reporters = demo_server.request("GET", "/api/v1/reporters", token=coord)
    rid = reporters["items"][0]["id"]
    status, contact = demo_server.request("POST", f"/api/v1/reporters/{rid}/contact", token=coord)
    check(spec, "/api/v1/reporters/{id}/contact", "POST", status, contact)
    status, body = demo_server.request("POST", f"/api/v1/reporters/{rid}/contact", token=demo_server.token_for("analyst.npc"))
    assert status == 403
    check(spec, "/api/v1/reporters/{id}/contact", "POST", status, body)
