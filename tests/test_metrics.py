"""`/metrics` in Prometheus's format: latency per route, the write path, the outbox, the audit head; for loopback
or a scraper with the token, and for nobody else."""
import urllib.error
import urllib.request

from conftest import start_server


def scrape(base, token=None):
    req = urllib.request.Request(base + "/metrics")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, None, ""


def test_metrics_show_routes_the_write_path_and_the_trail(agora_binary):
    for s in start_server(agora_binary, {"AGORA_METRICS_TOKEN": "scrape-secret"}):
        monitor = s.token_for("monitor.bawku")
        for i in range(5):
            st, _ = s.request("POST", "/api/v1/reports", {"area": "GH1201", "occurredOn": "2026-11-01", "indicators": ["CS01"],
                                                          "description": f"metrics {i}"}, token=monitor)
            assert st == 201
        s.request("GET", "/api/v1/areas?limit=5")
        st, ctype, text = scrape(s.base)
        assert st == 200 and ctype.startswith("text/plain"), (st, ctype)
        assert 'http_request_duration_seconds_bucket{' in text and 'path="/api/v1/reports"' in text, text[:2000]
        for name in ("agora_store_write_wait_seconds_bucket", "agora_store_write_seconds_count", "agora_group_commit_batch_size_count",
                     "agora_outbox_pending_notifications", "agora_audit_head_seq", "agora_audit_chain_intact 1.0", "agora_risk_structure_revision"):
            assert name in text, name
        # Nothing of a record: no description, no username.
        assert "metrics 1" not in text and "monitor.bawku" not in text
        # A wrong token is refused even from loopback; the right one is served.
        assert scrape(s.base, "wrong")[0] == 404
        assert scrape(s.base, "scrape-secret")[0] == 200
