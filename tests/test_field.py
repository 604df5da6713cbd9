"""What a monitor on a slow connection and a shared phone, and a training room behind one address, rely on."""
import gzip
import http.client
import re
import time
import urllib.parse
import urllib.request

import pytest

from conftest import start_server


@pytest.fixture(scope="module")
def field_server(agora_binary):
    # One server for the tests that leave nothing another one reads (a start is ~6 s of CPU on CI's two cores).
    yield from start_server(agora_binary)


def get(base, path, headers=None):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("GET", path, headers=headers or {})
    r = c.getresponse()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()


def test_responses_are_compressed_when_the_client_asks(field_server):
    s = field_server
    # A streamed export too: its last chunk must arrive compressed as well.
    for path in ["/", "/static/agora.css", "/api/v1/openapi.json", "/api/v1/incidents/export.csv", "/api/v1/incidents/export.geojson"]:
        status, headers, body = get(s.base, path, {"Accept-Encoding": "gzip"})
        assert status == 200, path
        assert headers.get("content-encoding") == "gzip", (path, headers)
        plain_status, _, plain = get(s.base, path)
        assert plain_status == 200 and gzip.decompress(body) == plain, path
        assert len(body) < len(plain) or len(plain) < 300, path


def test_successful_sign_ins_never_lock_a_room_out(agora_binary):
    for s in start_server(agora_binary):
        # A training room: fifteen people sign in from one address within the minute.
        for i in range(15):
            status, body = s.request("POST", "/api/v1/auth/token", {"username": "admin", "password": s.passwords["admin"], "name": f"trainee {i}"})
            assert status == 201, (i, body)
        # Guessing is still limited: ten refusals, then 429 — even for the right password.
        statuses = [s.request("POST", "/api/v1/auth/token", {"username": "admin", "password": "wrong-password-x", "name": "x"})[0] for _ in range(11)]
        assert statuses[:10] == [401] * 10 and statuses[10] == 429, statuses
        status, _ = s.request("POST", "/api/v1/auth/token", {"username": "admin", "password": s.passwords["admin"], "name": "late"})
        assert status == 429


def test_sign_out_clears_the_browser_of_the_last_person(field_server):
    s = field_server
    u = urllib.parse.urlsplit(s.base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("POST", "/sign-out", body=b"", headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    assert r.status in (302, 303), r.status
    assert r.getheader("Clear-Site-Data") == '"cache", "storage"'
    # No page of a signed-in person is kept; the public home page, read anonymously, is kept only until it changes.
    _, headers, _ = get(s.base, "/", {"Authorization": "Bearer " + s.token})
    assert headers.get("cache-control") == "no-store"
    _, headers, _ = get(s.base, "/")
    assert headers.get("cache-control") == "no-cache" and headers.get("etag"), headers


def luminance(hex_colour):
    c = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def test_focus_is_visible_and_targets_are_big_enough(field_server):
    s = field_server
    _, _, css = get(s.base, "/static/agora.css")
    css = css.decode()
    focus = re.search(r"input:focus[^{]*\{outline:\d+px solid (#[0-9a-fA-F]{6})", css)
    assert focus, "no focus outline"
    ratio = (1.05) / (luminance(focus.group(1)) + 0.05)
    assert ratio >= 3, f"focus outline {focus.group(1)} is {ratio:.2f}:1 against white (WCAG 2.4.11 wants 3:1)"
    assert re.search(r"input\[type=checkbox\][^{]*\{width:1\.5rem;height:1\.5rem", css), "checkboxes under 24 px"


def test_a_body_chooses_what_its_alerts_start_as(field_server):
    s = field_server
    admin = s.token
    st, b = s.request("PATCH", "/api/v1/bodies/GH-DPC-BAWKU", {"alertClassification": "public"}, token=admin)
    assert st == 200 and b["alertClassification"] == "public", b
    st, other = s.request("GET", "/api/v1/bodies/GH-NPC")
    assert other["alertClassification"] == "restricted"
    # The risk model's proposal for Bawku starts public, as the council chose.
    today = time.strftime("%Y-%m-%d", time.gmtime())
    st, r = s.request("POST", "/api/v1/reports", {"body": "GH-DPC-BAWKU", "area": "GH1201", "occurredOn": today, "indicators": ["CS01", "CS05"],
                                                  "description": "Gunmen attacked traders", "harm": {"fatalities": 3}}, token=admin)
    assert st == 201, r
    assert s.request("POST", f"/api/v1/reports/{r['id']}/verify", {}, token=admin)[0] == 200
    st, page = s.request("GET", "/api/v1/alerts?state=proposed&area=GH1201", token=admin)
    assert [a["classification"] for a in page["items"]] == ["public"], page
    # The composer of the council's coordinator starts from it too; another change of the body keeps it.
    coordinator = s.token_for("coordinator.bawku")
    status, _, html = get(s.base, "/alerts/new", {"Authorization": "Bearer " + coordinator, "Accept": "text/html"})
    assert status == 200 and re.search(rb'<option value="public"[^>]*selected', html), html[:300]
    st, b = s.request("PATCH", "/api/v1/bodies/GH-DPC-BAWKU", {"description": "District council"}, token=admin)
    assert b["alertClassification"] == "public"
