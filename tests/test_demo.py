"""`agora serve --demo` as a newcomer meets it: real history, one loop walked, something on every dashboard."""
import re
import time
import urllib.request

from conftest import SHARED, start_server

LIVELY = {"AGORA_DEMO_ACTIVITY": "on"}


def page(s, path, token=None):
    req = urllib.request.Request(s.base + path, headers={"Accept": "text/html"})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode()


def test_the_demo_starts_lively_and_a_restart_adds_nothing(agora_binary):
    started = time.time()
    for s in start_server(agora_binary, extra_env=LIVELY):
        seconds = time.time() - started
        analyst, coordinator = s.token_for("analyst.npc"), s.token_for("coordinator.bawku")
        # The loop: reports, incidents, an issued public alert, a case acknowledged by the district with a planned action.
        st, queue = s.request("GET", "/api/v1/reports/queue", token=analyst)
        assert st == 200 and len(queue["items"]) == 1, queue
        st, alerts = s.request("GET", "/api/v1/alerts?state=issued", token=analyst)
        assert st == 200 and [a["headline"] for a in alerts["items"]] == ["Violence in Bawku after the market shooting"], alerts
        st, case = s.request("GET", f"/api/v1/cases/{alerts['items'][0]['responseCase']}", token=coordinator)
        assert case["body"] == "GH-DPC-BAWKU" and case["status"] == "acknowledged", case
        assert [a["kind"] for a in case["actions"]] == ["mediation"] and case["actions"][0]["status"] == "planned"
        st, incidents = s.request("GET", "/api/v1/incidents?limit=500", token=analyst)
        assert st == 200 and len(incidents["items"]) >= 2
        # The first pages: the analyst's home lists risk and alerts; the risk map has colour; the public sees the alert.
        home = page(s, "/", analyst)
        assert "Bawku" in home and "Violence in Bawku after the market shooting" in home
        risk = page(s, "/risk", analyst)
        fills = set(re.findall(r'fill="(#[0-9a-fA-F]{6})"', risk))
        if (SHARED / "boundaries").exists():  # Ghana has no district shapes: its map is Ghana and its neighbours, not Africa
            assert fills - {"#e0e0e0", "#c8e6c9"}, f"the risk map has no colour above low: {fills}"
            assert 1 <= len(re.findall(r"<path", risk)) <= 6, len(re.findall(r"<path", risk))
        else:
            print("../shared/data/boundaries is absent: the demo has no shapes, its risk map is not checked")
        assert "Violence in Bawku after the market shooting" in page(s, "/")
        # The demo accounts' walk tokens are revoked: nothing lingers that could be used.
        st, tokens = s.request("GET", "/api/v1/tokens", token=analyst)
        assert all(t["revokedAt"] for t in tokens if t["name"] == "demo walk"), tokens
        if (SHARED / "conflict_events").exists():
            st, history = s.request("GET", "/api/v1/incidents?area=NGA&limit=1", token=analyst)
            assert st == 200 and history["items"], "the UCDP Nigeria history was not imported"
            st, kenya = s.request("GET", "/api/v1/incidents?area=KEN&limit=1", token=analyst)
            assert st == 200 and kenya["items"], "the ACLED Kenya history was not imported"
            st, public = s.request("GET", "/api/v1/incidents?area=KEN&limit=1")
            assert st == 200 and not public["items"], "ACLED events must not be public"
        else:
            print("../shared/data/conflict_events is absent: the demo's history is not checked")
        assert seconds < 60, f"the lively demo took {seconds:.0f} s to start"
        data_dir = s.data_dir
        st, before = s.request("GET", "/api/v1/alerts", token=analyst)
    # Started again on the same store: no second walk, no second import.
    for s in start_server(agora_binary, extra_env=LIVELY, data_dir=data_dir):
        analyst = s.token_for("analyst.npc")
        st, after = s.request("GET", "/api/v1/alerts", token=analyst)
        assert [a["id"] for a in after["items"]] == [a["id"] for a in before["items"]]
        assert "0 historical events imported, loop already there" in s.stdout_path.read_text()
