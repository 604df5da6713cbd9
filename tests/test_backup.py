"""`agora backup` while the server takes reports, and `agora restore` that checks what it restored before
anything serves it: migration level, counts, the audit chain under the installation's key."""
import json
import re
import shutil
import sqlite3
import threading

from conftest import run_cli, start_server


KEY = "q1JqAVZ4bN0V8ZpJ6C4bW3c1dDkqLz0r5tq2y9x7Q2A="  # 32 bytes, base64: server and commands share it


def test_a_backup_taken_while_serving_restores_and_verifies(agora_binary, tmp_path):
    backup = tmp_path / "backup.sqlite"
    shared = {"AGORA_SECRET_KEY": KEY, "AGORA_AUDIT_CHECKPOINTS": str(tmp_path / "checkpoints.jsonl")}
    env = {**shared, "AGORA_SQLITE_FILE": str(tmp_path / "agora-demo.sqlite")}
    for s in start_server(agora_binary, shared, data_dir=tmp_path):
        token = s.token_for("monitor.bawku")
        stop = threading.Event()

        def submit():
            i = 0
            while not stop.is_set():
                i += 1
                s.request("POST", "/api/v1/reports", {"area": "GH1201", "occurredOn": "2026-11-01", "indicators": ["CS01"],
                                                      "description": f"during backup {i}"}, token=token)
        threads = [threading.Thread(target=submit) for _ in range(4)]
        for t in threads:
            t.start()
        r = run_cli(agora_binary, "backup", str(backup), data_dir=tmp_path, extra_env=env)
        stop.set()
        for t in threads:
            t.join()
        assert r.returncode == 0, r.stdout + r.stderr
        assert "backup written" in r.stdout and "key is not in it" in r.stdout
        st, _ = s.request("POST", "/api/v1/people", {"username": "after.backup", "displayName": "After", "password": "a-long-password-1"}, token=s.token)
        assert st == 201
    db = sqlite3.connect(backup)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    in_backup = db.execute("SELECT count(*) FROM reports").fetchone()[0]
    db.close()
    assert run_cli(agora_binary, "audit", "checkpoint", data_dir=tmp_path, extra_env=env).returncode == 0
    r = run_cli(agora_binary, "restore", str(backup), data_dir=tmp_path, extra_env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"restored: migration \d+ of \d+", r.stdout) and f"{in_backup} reports" in r.stdout, r.stdout
    assert "audit trail intact" in r.stdout
    assert "were written after this backup" in r.stdout, r.stdout
    assert list(tmp_path.glob("agora-demo.sqlite.before-restore-*"))
    assert list(tmp_path.glob("checkpoints.jsonl.before-restore-*"))
    # The rewind is in the trail itself, and the trail verifies against the checkpoints made since.
    r = run_cli(agora_binary, "audit", "verify", data_dir=tmp_path, extra_env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    db = sqlite3.connect(tmp_path / "agora-demo.sqlite")
    assert db.execute("SELECT count(*) FROM people WHERE username = 'after.backup'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'restore' AND record_type = 'store'").fetchone()[0] == 1
    db.close()


def test_restore_refuses_what_is_not_a_sound_backup_and_leaves_the_store(agora_binary, tmp_path):
    assert run_cli(agora_binary, "demo", data_dir=tmp_path).returncode == 0
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    before = (tmp_path / "agora.sqlite").read_bytes()
    r = run_cli(agora_binary, "restore", str(junk), data_dir=tmp_path)
    assert r.returncode != 0
    assert "junk.sqlite" in r.stdout + r.stderr
    assert (tmp_path / "agora.sqlite").read_bytes() == before
    # A backup of another installation (another key) restores, but its trail does not verify: said, non-zero.
    other = tmp_path / "other"
    assert run_cli(agora_binary, "demo", data_dir=other).returncode == 0
    assert run_cli(agora_binary, "backup", str(tmp_path / "other.sqlite"), data_dir=other).returncode == 0
    r = run_cli(agora_binary, "restore", str(tmp_path / "other.sqlite"), data_dir=tmp_path)
    assert r.returncode != 0 and "BROKEN" in r.stdout + r.stderr, r.stdout + r.stderr
