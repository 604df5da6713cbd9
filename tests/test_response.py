"""The loop from warning to response, over real HTTP against `agora serve`, with its background jobs
running, a real SMTP server (aiosmtpd) and a real webhook receiver on loopback. Every CAP document
is validated against the OASIS schema."""
import datetime
import hashlib
import hmac
import http.server
import json
import threading
import time
from pathlib import Path

import pytest

from conftest import SHARED, free_port, run_cli, start_server

lxml = pytest.importorskip("lxml.etree")
aiosmtpd = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


class Hooks(http.server.BaseHTTPRequestHandler):
    received = []
    fail_first = {"n": 1}

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hooks.received.append((dict(self.headers), body))
        if Hooks.fail_first["n"] > 0:
            Hooks.fail_first["n"] -= 1
            self.send_response(500)
        else:
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def world(agora_binary):
    inbox = Inbox()
    smtp_port = free_port()
    smtp = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    hook_port = free_port()
    hooks = http.server.ThreadingHTTPServer(("127.0.0.1", hook_port), Hooks)
    threading.Thread(target=hooks.serve_forever, daemon=True).start()
    env = {"AGORA_WORKER_SECONDS": "0.3", "AGORA_RETRY_BASE_SECONDS": "0.5", "AGORA_SMTP_HOST": "127.0.0.1",
           "AGORA_SMTP_PORT": str(smtp_port), "AGORA_SMTP_FROM": "alerts@agora.test", "AGORA_CAP_SENDER": "ew@agora.test"}
    gen = start_server(agora_binary, env)
    server = next(gen)
    yield server, inbox, f"http://127.0.0.1:{hook_port}/hook"
    gen.close()
    hooks.shutdown()
    smtp.stop()


def schema():
    xsd = SHARED / "cap" / "CAP-v1.2.xsd"
    if not xsd.exists():
        pytest.skip(f"CAP schema not found at {xsd}")
    return lxml.XMLSchema(lxml.parse(str(xsd)))


def assert_valid_cap(raw):
    doc = lxml.fromstring(raw)
    s = schema()
    assert s.validate(doc), s.error_log


def demo_store(s):
    """The CLI works on the running demo's SQLite file (WAL lets both at it)."""
    return {"AGORA_SQLITE_FILE": str(Path(s.data_dir) / "agora-demo.sqlite")}


def wait_for(fn, timeout=30, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = fn()
        if v:
            return v
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def test_the_whole_loop_over_http(world, agora_binary):
    s, inbox, hook = world
    admin = s.token
    monitor, analyst, responder = s.token_for("monitor.bawku"), s.token_for("analyst.npc"), s.token_for("responder.bawku")

    # The installation gives Severe alerts 4 seconds to be acknowledged, so a deadline passes in the test.
    st, settings = s.request("GET", "/api/v1/settings", token=admin)
    settings["deadlines"]["acknowledge"]["Severe"] = 4
    st, _ = s.request("PUT", "/api/v1/settings", settings, token=admin)
    assert st == 200
    # The district council hears by e-mail, the national council by signed webhook.
    st, sub = s.request("POST", "/api/v1/bodies/GH-DPC-BAWKU/subscriptions", {"channel": "email", "target": "council@bawku.test"}, token=admin)
    assert st == 201, sub
    st, hooksub = s.request("POST", "/api/v1/bodies/GH-NPC/subscriptions", {"channel": "webhook", "target": hook, "events": ["case.escalated", "case.closed"]}, token=admin)
    assert st == 201 and hooksub["secret"], hooksub

    # 1. A monitor reports; 2. the national analyst verifies.
    today = datetime.date.today().isoformat()
    st, rep = s.request("POST", "/api/v1/reports", {"area": "GH1201", "occurredOn": today, "description": "Gunmen attacked traders at the market",
                                                   "indicators": ["CS01", "CS05"], "harm": {"fatalities": 3}}, token=monitor)
    assert st == 201, rep
    st, inc = s.request("POST", f"/api/v1/reports/{rep['id']}/verify", {}, token=analyst)
    assert st == 200, inc

    # 3. Risk crosses the threshold; 4. an alert is proposed and the analyst issues it (public, with an instruction).
    st, risk = s.request("GET", "/api/v1/risk/areas/GH1201", token=analyst)
    assert st == 200 and risk["score"]["level"] in ("high", "critical"), risk
    st, top = s.request("GET", "/api/v1/risk?level=admin2&country=GHA", token=analyst)
    assert top[0]["area"] == "GH1201"
    st, page = s.request("GET", "/api/v1/alerts?state=proposed&area=GH1201", token=analyst)
    assert len(page["items"]) == 1, page
    proposal = page["items"][0]
    assert proposal["risk"]["score"]["area"] == "GH1201" and proposal["body"] == "GH-DPC-BAWKU"
    st, alert = s.request("POST", f"/api/v1/alerts/{proposal['id']}/issue",
                          {"classification": "public", "severity": "Severe", "instruction": "Avoid the central market; the council is convening elders."}, token=analyst)
    assert st == 200 and alert["state"] == "issued", alert
    case_id = alert["responseCase"]

    # The CAP document validates, the public feed lists it, and the public sees no confidential detail.
    st, cap = s.request("GET", f"/api/v1/alerts/{alert['id']}/cap")
    assert st == 200
    assert_valid_cap(cap)
    assert b"<geocode>" in cap and b"GH1201" in cap and b"<sender>ew@agora.test</sender>" in cap
    st, feed = s.request("GET", "/feeds/alerts.atom")
    assert st == 200 and f"/api/v1/alerts/{alert['id']}/cap".encode() in feed
    feed_doc = lxml.fromstring(feed)
    assert feed_doc.tag == "{http://www.w3.org/2005/Atom}feed"
    st, _ = s.request("GET", f"/api/v1/cases/{case_id}")
    assert st == 401

    # 5. The case is routed to the district council, which is told by e-mail.
    st, case = s.request("GET", f"/api/v1/cases/{case_id}", token=responder)
    assert case["body"] == "GH-DPC-BAWKU" and case["status"] == "open"
    mail = wait_for(lambda: [m for m in inbox.messages if "council@bawku.test" in m[0] and "case.opened" in m[1]], what="the e-mail to the district council")
    assert "Bawku" in mail[0][1] and "Acknowledge by" in mail[0][1]
    assert any("alert.proposed" in m[1] for m in inbox.messages)  # the proposal was announced to the council too

    # 6. Nobody acknowledges: the background job escalates (district → region → national); the national analyst acknowledges in time.
    def at_rpc():
        st, c = s.request("GET", f"/api/v1/cases/{case_id}", token=admin)
        return c if st == 200 and c["body"] != "GH-DPC-BAWKU" else None
    wait_for(at_rpc, timeout=40, what="escalation to the regional council")
    # From here an hour to acknowledge, so the national council is not raced by the clock.
    settings["deadlines"]["acknowledge"]["Severe"] = 3600
    st, _ = s.request("PUT", "/api/v1/settings", settings, token=admin)
    assert st == 200

    def at_npc():
        st, c = s.request("GET", f"/api/v1/cases/{case_id}", token=analyst)
        return c if st == 200 and c["body"] == "GH-NPC" else None
    wait_for(at_npc, timeout=40, what="escalation to the national council")
    st, case = s.request("POST", f"/api/v1/cases/{case_id}/acknowledge", token=analyst)
    assert st == 200, case
    assert [e["to"] for e in case["history"] if e["kind"] == "escalated"] == ["GH-RPC-UE", "GH-NPC"]
    assert all(e["reason"] == "acknowledgement-overdue" for e in case["history"] if e["kind"] == "escalated")

    # 7. An action is recorded; 8. the case is closed.
    due = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    st, case = s.request("POST", f"/api/v1/cases/{case_id}/actions", {"kind": "mediation", "description": "Mediation with both factions",
                                                                     "responsible": "NPC mediation team", "due": due}, token=analyst)
    assert st == 201, case
    action = case["actions"][0]["id"]
    st, case = s.request("POST", f"/api/v1/cases/{case_id}/actions/{action}/complete", {"result": "Both sides agreed to a ceasefire"}, token=analyst)
    assert st == 200 and case["firstActionAt"]
    st, case = s.request("POST", f"/api/v1/cases/{case_id}/close", {"outcome": "contained", "summary": "Mediation held; the market reopened."}, token=analyst)
    assert st == 200 and case["status"] == "closed"

    # The audit trail shows every step, and holds.
    auditor = s.token_for("auditor.npc")
    st, trail = s.request("GET", f"/api/v1/audit?recordType=case&recordID={case_id}", token=admin)
    assert st == 200, trail
    assert [e["action"] for e in trail] == ["open", "escalate", "escalate", "acknowledge", "action.planned", "action.done", "close"]
    st, alert_trail = s.request("GET", f"/api/v1/audit?recordType=alert&recordID={alert['id']}", token=admin)
    assert [e["action"] for e in alert_trail] == ["propose", "issued"]
    st, verified = s.request("GET", "/api/v1/audit/verify", token=admin)
    assert st == 200 and verified.get("broken") is None, verified

    # The signed webhook reached the national council, after one failed attempt and a retry.
    def closed_hook():
        return [h for h in Hooks.received if h[0].get("X-Agora-Event") == "case.closed"]
    headers, body = wait_for(closed_hook, what="the case.closed webhook")[-1]
    expected = "sha256=" + hmac.new(hooksub["secret"].encode(), f"{headers['X-Agora-Timestamp']}.".encode() + body, hashlib.sha256).hexdigest()
    assert headers["X-Agora-Signature"] == expected
    st, log = s.request("GET", f"/api/v1/subscriptions/{hooksub['id']}/deliveries", token=admin)
    attempts = [a for n in log for a in n["attempts"]]
    assert any(not a["ok"] for a in attempts) and any(a["ok"] for a in attempts), log

    # The response-gap report counts it, over the API and at the command line.
    st, gap = s.request("GET", "/api/v1/response-gap", token=analyst)
    bawku = next(r for r in gap["byBody"] if r["key"] == "GH-DPC-BAWKU")
    assert bawku["cases"] == 1 and bawku["escalatedForDeadlineShare"] == 1 and bawku["noResponseShare"] == 0
    out = run_cli(agora_binary, "report", "response-gap", data_dir=s.data_dir, extra_env=demo_store(s))
    assert out.returncode == 0, out.stderr
    assert "GH-DPC-BAWKU" in out.stdout and "district" in out.stdout and "100%" in out.stdout, out.stdout


def test_the_public_sees_public_alerts_only(world):
    s, _, _ = world
    analyst = s.token_for("analyst.npc")
    st, a = s.request("POST", "/api/v1/alerts", {"event": "Tension", "urgency": "Expected", "severity": "Moderate", "certainty": "Possible",
                                                 "headline": "Restricted tension brief MKSECRET", "areas": ["GH0812"], "classification": "restricted"}, token=analyst)
    assert st == 201, a
    st, cap = s.request("GET", f"/api/v1/alerts/{a['id']}/cap", token=analyst)
    assert_valid_cap(cap)
    assert b"<scope>Restricted</scope>" in cap and b"<restriction>" in cap
    st, _ = s.request("GET", f"/api/v1/alerts/{a['id']}")
    assert st == 404
    st, feed = s.request("GET", "/feeds/alerts.atom")
    assert b"MKSECRET" not in feed
    st, page = s.request("GET", "/api/v1/alerts")
    assert all(x["classification"] == "public" for x in page["items"])


def test_cli_risk_recompute_and_sweep(world, agora_binary):
    s, _, _ = world
    out = run_cli(agora_binary, "risk", "recompute", data_dir=s.data_dir, extra_env=demo_store(s))
    assert out.returncode == 0 and "incidents" in out.stdout, out.stderr
    out = run_cli(agora_binary, "cases", "sweep", data_dir=s.data_dir, extra_env=demo_store(s))
    assert out.returncode == 0 and "escalated" in out.stdout, out.stderr
    out = run_cli(agora_binary, "report", "response-gap", "--from", "2026-13-01", data_dir=s.data_dir, extra_env=demo_store(s))
    assert out.returncode != 0 and "--from" in (out.stderr + out.stdout)
