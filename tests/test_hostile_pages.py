"""Every page, walked with hostile strings in every stored text field, parsed as a browser would parse it:
no element or attribute may come from data. Regression for the page-head injection (a report's event type
became `<meta http-equiv=refresh>` in the public incident page's head and sent every visitor elsewhere)."""
import datetime
import html.parser
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

import pytest

from conftest import start_server

# Breaks out of an attribute (both quote styles), out of text, out of a <title>/<textarea>, and out of a
# URL; each piece would create the marker element or attribute if it reached the page unescaped.
MARK = "xhostile"
HOSTILE = (f"\"'><{MARK} {MARK}=1></title></textarea><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"
           f"<img src=x onerror=alert(1) {MARK}=2>&lt;{MARK}&gt;&amp;")


# For fields with a length limit (an alert's headline goes out by SMS: under 160 characters).
SHORT = f"\"'><{MARK} {MARK}=1></title><meta http-equiv=refresh content=0;url=//evil.example/>&lt;{MARK}&gt;"


def hostile(tag, short=False):
    return f"{tag} {SHORT if short else HOSTILE}"


class Injection(html.parser.HTMLParser):
    """Collects what a browser would build from the page that data could have put there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        names = {k for k, _ in attrs}
        if tag == MARK or MARK in names or "onerror" in names or "onmouseover" in names:
            self.found.append((tag, attrs))
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            self.found.append((tag, attrs))
        if tag == "img" and any(k == "src" and v == "x" for k, v in attrs):
            self.found.append((tag, attrs))
        for k, v in attrs:
            if k in ("href", "action", "src") and v and v.strip().lower().startswith("javascript:"):
                self.found.append((tag, attrs))
            if tag == "a" and k == "href" and v:
                self.links.append(v)

    handle_startendtag = handle_starttag


def get(base, path, token=None):
    req = urllib.request.Request(base + path, headers={"Accept": "text/html"})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def hostile_world(agora_binary):
    """A demo installation whose every stored text a person can type holds the hostile string."""
    for s in start_server(agora_binary, {"AGORA_ANONYMOUS_REPORTS": "1"}):
        admin, analyst = s.token, s.token_for("analyst.npc")
        monitor, coordinator = s.token_for("monitor.bawku"), s.token_for("coordinator.bawku")
        today = datetime.date.today().isoformat()
        made = {}

        def ok(status, body, what):
            assert status in (200, 201), (what, status, body)
            return body

        ok(*s.request("PATCH", "/api/v1/areas/GH1201", {"name": hostile("Bawku"), "names": {"fr": hostile("Bawku fr")}}, token=admin), "area")
        ok(*s.request("PATCH", "/api/v1/bodies/GH-DPC-BAWKU", {"name": hostile("Council"), "description": hostile("desc"),
                                                                "legalBasis": hostile("act"), "website": "javascript:alert(1)"}, token=admin), "body")
        ok(*s.request("POST", "/api/v1/bodies/GH-DPC-BAWKU/members", {"name": hostile("Member"), "categories": ["youth"], "role": hostile("role")},
                      token=admin), "member")
        ok(*s.request("POST", "/api/v1/people", {"username": "hostile.person", "displayName": hostile("Person"), "password": "a-long-password-1"},
                      token=admin), "person")
        ok(*s.request("POST", "/api/v1/organisations", {"code": "HOSTILE-ORG", "name": hostile("Org"), "kind": "cso", "country": "GHA"},
                      token=admin), "organisation")
        # A public report verified without a title: the incident's title is the reporter's event type.
        for cls in ("public", "restricted"):
            rep = ok(*s.request("POST", "/api/v1/reports", {"area": "GH1201", "occurredOn": today, "indicators": ["CS01", "CS05"],
                                                            "eventType": hostile("event"), "description": hostile("description"),
                                                            "actors": [hostile("actor")], "sourceReference": hostile("source"),
                                                            "classification": cls, "harm": {"fatalities": 2}}, token=monitor), "report")
            made[f"report-{cls}"] = rep["id"]
        inc = ok(*s.request("POST", f"/api/v1/reports/{made['report-public']}/verify", {}, token=analyst), "verify")
        made["incident"] = inc["id"]
        ok(*s.request("POST", "/api/v1/reports", {"area": "GH1201", "occurredOn": today, "indicators": ["CS01"], "eventType": hostile("anon"),
                                                  "description": hostile("anonymous")}), "anonymous report")
        alert = ok(*s.request("POST", "/api/v1/alerts", {"event": hostile("Tension"), "urgency": "Expected", "severity": "Moderate",
                                                         "certainty": "Possible", "headline": hostile("headline", short=True), "description": hostile("alert"),
                                                         "instruction": hostile("instruction"), "areaDesc": hostile("areaDesc"),
                                                         "areas": ["GH1201"], "classification": "public"}, token=analyst), "alert")
        made["alert"] = alert["id"]
        case = alert.get("responseCase")
        if case:
            made["case"] = case
            ok(*s.request("POST", f"/api/v1/cases/{case}/actions", {"kind": "mediation", "description": hostile("action"), "responsible": hostile("responsible"),
                                                                    "due": (datetime.date.today() + datetime.timedelta(days=3)).isoformat() + "T12:00:00Z"},
                          token=coordinator), "case action")
        ok(*s.request("POST", "/api/v1/situation-reports", {"body": "GH-NPC", "area": "GHA", "period": "weekly", "periodStart": today,
                                                            "title": hostile("sitrep"), "narrative": hostile("narrative")}, token=analyst), "sitrep")
        ok(*s.request("POST", "/api/v1/documents", {"title": hostile("doc"), "summary": hostile("summary"), "body": "GH-DPC-BAWKU",
                                                    "classification": "internal"}, token=monitor), "document")
        med = ok(*s.request("POST", "/api/v1/mediations", {
            "title": hostile("mediation"), "body": "GH-NPC", "track": "2", "mode": "mediation", "topic": hostile("topic"), "areas": ["GH1201"],
            "parties": [{"name": hostile("party"), "kind": "group", "role": "party", "consent": "given"}],
            "mediators": [{"name": hostile("mediator"), "declaration": hostile("declaration"), "declaredAt": today}]}, token=analyst), "mediation")
        made["mediation"] = med["id"]
        ok(*s.request("POST", f"/api/v1/mediations/{med['id']}/sessions", {
            "date": today, "area": "GH1201", "format": "joint", "attendance": [{"category": hostile("group"), "women": 1, "men": 1, "youth": 0}],
            "notes": [{"text": hostile("note"), "visibility": "public"}], "nextSteps": [{"action": hostile("step"), "owner": hostile("owner"), "due": today}]},
            token=analyst), "session")
        agr = ok(*s.request("POST", "/api/v1/agreements", {
            "agreement": {"title": hostile("accord"), "date": today, "status": "Multiparty signed/agreed", "stage": "SubComp", "parties": hostile("parties"),
                          "thirdParties": hostile("third"), "country": hostile("country"), "region": "", "text": hostile("text"), "signatories": [], "themes": []},
            "body": "GH-NPC", "caseId": med["id"], "classification": "public",
            "stipulations": [{"code": "1", "theme": hostile("theme"), "subTheme": "", "text": hostile("promise"),
                              "responsible": [{"kind": "party", "name": hostile("who")}], "dependsOn": [], "verification": hostile("verify"), "weight": 1}]},
            token=analyst), "agreement")
        made["agreement"] = agr["id"]
        sc = ok(*s.request("POST", f"/api/v1/agreements/{agr['id']}/scores", {
            "stipulation": "1", "period": today[:7], "score": 2, "note": hostile("score note"),
            "evidence": [{"kind": "link", "ref": "https://example.org/\"><xhostile>", "note": hostile("evidence")}]}, token=analyst), "score")
        ok(*s.request("POST", f"/api/v1/agreements/{agr['id']}/scores/{sc['id']}/review", {"score": 2}, token=s.token_for("admin.npc")), "review")
        sub = ok(*s.request("POST", "/api/v1/submissions", {
            "kind": "petition", "title": hostile("petition"), "summary": hostile("summary"), "area": "GH1201", "topic": "mediation",
            "asks": [hostile("ask")], "organisation": hostile("org")}, token=s.token_for("liaison.wanep")), "submission")
        made["submission"] = sub["id"]
        ok(*s.request("POST", f"/api/v1/submissions/{sub['id']}/steps", {"to": "acknowledged", "note": hostile("ack")}, token=coordinator), "ack")
        ok(*s.request("POST", f"/api/v1/submissions/{sub['id']}/answers", {"answers": [{"n": 1, "answer": "rejected", "reason": hostile("why")}],
                                                                          "publish": True}, token=coordinator), "answer")
        # A public paper whose first ask becomes a commitment, a file with a hostile name, a review asked; a forum.
        liaison = s.token_for("liaison.wanep")
        paper = ok(*s.request("POST", "/api/v1/submissions", {
            "kind": "position-paper", "title": hostile("paper"), "summary": hostile("paper summary"), "area": "GH1201", "topic": "mediation",
            "asks": [hostile("commit ask")], "classification": "public"}, token=liaison), "paper")
        ok(*s.request("POST", f"/api/v1/submissions/{paper['id']}/steps", {"to": "acknowledged"}, token=coordinator), "ack paper")
        ok(*s.request("POST", f"/api/v1/submissions/{paper['id']}/answers", {"answers": [{"n": 1, "answer": "accepted"}], "publish": True},
                      token=coordinator), "accept")
        ok(*s.request("POST", f"/api/v1/submissions/{paper['id']}/commitments/1", {
            "progress": 30, "dueOn": "2099-01-01", "responsibleBody": "GH-DPC-BAWKU", "note": hostile("commit note"),
            "milestones": [{"title": hostile("milestone"), "dueOn": "2099-01-01", "done": False}]}, token=coordinator), "commit")
        ok(*s.request("POST", f"/api/v1/submissions/{paper['id']}/review", {"reason": hostile("review")}, token=liaison), "review")
        upload = urllib.request.Request(s.base + f"/api/v1/submissions/{paper['id']}/files?name=" + urllib.parse.quote(hostile("file", short=True)),
                                        data=b"%PDF-1.4\n%%EOF", method="POST", headers={"Authorization": "Bearer " + liaison})
        with urllib.request.urlopen(upload, timeout=30) as r:
            assert r.status == 201
        made["paper"] = paper["id"]
        forum = ok(*s.request("POST", "/api/v1/forums", {
            "body": "GH-DPC-BAWKU", "name": hostile("forum"), "mandate": hostile("mandate"), "topics": ["dialogue"], "areas": ["GH1201"],
            "standing": True}, token=coordinator), "forum")
        ok(*s.request("POST", f"/api/v1/forums/{forum['id']}/sessions", {
            "heldOn": today, "agenda": hostile("agenda"), "resolutions": [hostile("resolution")],
            "participants": [{"category": "cso", "women": 2, "men": 1, "youth": 1}]}, token=coordinator), "forum session")
        made["forum"] = forum["id"]
        # Accreditation: a scheme, a question to the applicant, a grant; the organisation's profile.
        ok(*s.request("PUT", "/api/v1/bodies/GH-DPC-BAWKU/accreditation-scheme", {
            "name": hostile("scheme"), "categories": [{"code": "local", "name": hostile("category"), "criteria": [hostile("criterion")],
                                                       "permissions": ["submit"], "termYears": 2}],
            "obligations": [{"kind": hostile("obligation", short=True), "everyMonths": 12}], "reapplyAfterDays": 30, "graceDays": 10, "hearingDays": 14},
            token=admin), "scheme")
        ok(*s.request("PUT", "/api/v1/organisations/WANEP-GH/identity", {
            "identifiers": [{"scheme": "XX-AGORA", "id": "WANEP-GH"}], "profile": {"areas": ["GHA"], "levels": [], "networks": [], "evidence": [],
                                                                                 "funding": hostile("funding")}}, token=liaison), "identity")
        app = ok(*s.request("POST", "/api/v1/accreditation/applications", {
            "body": "GH-DPC-BAWKU", "organisation": "WANEP-GH", "category": "local", "statement": hostile("statement")}, token=liaison), "apply")
        steps = f"/api/v1/accreditation/applications/{app['id']}/steps"
        decision = {"organ": hostile("organ", short=True), "session": hostile("session", short=True), "consensus": True, "reasons": hostile("reasons")}
        for step in ({"to": "completeness-check"}, {"to": "under-review"},
                     {"to": "recommended", "assessments": [{"criterion": hostile("criterion"), "verdict": "met", "evidence": hostile("evidence")}],
                      "decision": decision},
                     {"to": "granted", "decision": decision}):
            ok(*s.request("POST", steps, step, token=coordinator), "step " + step["to"])
        made["application"] = app["id"]
        # Small arms and DDR: every text a commission officer types.
        officer = s.token_for("officer.nacsa")
        weapon = ok(*s.request("POST", "/api/v1/weapons", {
            "body": "GH-NACSA", "type": "assault-rifle", "status": "seized", "store": hostile("store"),
            "marks": {"manufacturer": hostile("maker"), "countryOfManufacture": "RU", "serial": hostile("serial", short=True), "model": hostile("model"),
                      "calibre": hostile("calibre", short=True), "markLocations": [hostile("where")]}}, token=officer), "weapon")
        campaign = ok(*s.request("POST", "/api/v1/arms/campaigns", {
            "body": "GH-NACSA", "name": hostile("campaign"), "areas": ["GH1201"], "startsOn": today, "endsOn": today, "incentives": hostile("incentives"),
            "points": [{"name": hostile("point", short=True), "area": "GH1201"}]}, token=officer), "campaign")
        ok(*s.request("POST", f"/api/v1/arms/campaigns/{campaign['id']}/collections", {
            "weapons": [{"type": "other", "marks": {"unmarked": True, "model": hostile("craft")}}]}, token=officer), "collection")
        ok(*s.request("POST", "/api/v1/arms/destructions", {
            "body": "GH-NACSA", "on": today, "place": hostile("place"), "method": "cutting", "witnesses": [hostile("witness"), hostile("witness 2")],
            "certificate": hostile("certificate", short=True), "summary": hostile("summary"), "weapons": [weapon["id"]]}, token=officer), "destruction")
        ok(*s.request("POST", "/api/v1/arms/tracing", {
            "body": "GH-NACSA", "direction": "incoming", "counterpart": hostile("counterpart", short=True), "circumstances": hostile("circumstances"),
            "marks": {"serial": hostile("trace serial", short=True)}, "send": True}, token=officer), "trace")
        programme = ok(*s.request("POST", "/api/v1/ddr/programmes", {
            "body": "GH-NACSA", "name": hostile("programme"), "area": "GH1201", "startsOn": today, "childProtection": hostile("welfare")},
            token=officer), "programme")
        ok(*s.request("POST", f"/api/v1/ddr/programmes/{programme['id']}/participants", {
            "category": "combatant", "sex": "female", "area": "GH1201", "faction": hostile("faction"),
            "identity": {"givenNames": hostile("given"), "familyName": hostile("family"), "birthDate": "1990"}}, token=officer), "participant")
        made["programme"] = programme["id"]
        # Federation: a peer and an agreement as an administrator types them (the operations page shows both).
        ok(*s.request("POST", "/api/v1/federation/peers", {"id": "hostile-peer", "name": hostile("peer"),
                                                            "publicKey": "A" * 43 + "="}, token=admin), "peer")
        ok(*s.request("POST", "/api/v1/federation/agreements", {
            "id": "hostile-agreement", "origin": "here", "recipient": "hostile-peer", "purpose": hostile("purpose"),
            "types": ["alert"], "maxClassification": "internal", "granularity": "record", "areas": ["GHA"],
            "validFrom": today}, token=admin), "agreement")
        s.made = made
        yield s


def template(path):
    """A page's kind: its path with every segment that names a record (ids, years, area and body codes: a digit, or
    capitals) as `:x`, and its query's names. The hostile records are seeds; other records of the same kind are the
    same template with demo text (walking all 249 countries' risk maps took most of the time and found nothing more)."""
    u = urllib.parse.urlsplit(path)
    segments = [":x" if re.search(r"\d", seg) or re.fullmatch(r"[A-Z][A-Z-]+", seg) else seg for seg in u.path.split("/")]
    return "/".join(segments) + "?" + ",".join(sorted(k for k, _ in urllib.parse.parse_qsl(u.query, keep_blank_values=True)))


def crawl(base, token, seeds, limit=400, per_template=1):
    """Breadth first over same-site links from the seeds, every seed and at most `per_template` other pages of each
    kind; each page parsed; returns (pages seen, injections)."""
    seen, problems, kinds = set(), [], {}
    todo = deque(seeds)
    while todo and len(seen) < limit:
        path = todo.popleft()
        if path in seen:
            continue
        kind = template(path)
        if path not in seeds and kinds.get(kind, 0) >= per_template:
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        seen.add(path)
        status, ctype, text = get(base, path, token)
        if "text/html" not in ctype:
            continue
        p = Injection()
        p.feed(text)
        p.close()
        if p.found:
            problems.append((path, p.found[:3]))
        for href in p.links:
            u = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, href))
            if u.netloc != urllib.parse.urlsplit(base).netloc or u.path.startswith(("/api/", "/static/", "/feeds/")) or u.path == "/sign-out":
                continue
            nxt = u.path + ("?" + u.query if u.query else "")
            if nxt not in seen:
                todo.append(nxt)
    return seen, problems


def seeds(made):
    out = ["/", "/report", "/queue", "/risk", "/risk/GH1201", "/risk/GHA", "/alerts", "/alerts/new", "/cases", "/bodies", "/bodies/GH-DPC-BAWKU",
           "/statistics", "/how-to-report", "/admin", "/admin/federation", "/sign-in", "/situation-reports/new", "/forecasts/record", "/risk?colour=chance"]
    out += [f"/incidents/{made['incident']}", f"/alerts/{made['alert']}", f"/reports/{made['report-restricted']}"]
    if "case" in made:
        out.append(f"/cases/{made['case']}")
    out += ["/forums", f"/forums/{made['forum']}", "/responsiveness", "/submissions/receipt", f"/submissions/{made['paper']}"]
    out += ["/register", "/register?body=GH-DPC-BAWKU", "/accreditation", f"/accreditation/applications/{made['application']}"]
    year = datetime.date.today().year
    out += ["/arms", "/destructions", f"/arms/reports/{year}?body=GH-NACSA", f"/ddr/programmes/{made['programme']}"]
    out += ["/submissions", f"/submissions/{made['submission']}", "/mediations", f"/mediations/{made['mediation']}", "/agreements", f"/agreements/{made['agreement']}", "/agreements?q=accord"]
    return out


@pytest.mark.parametrize("who", ["admin", "analyst.npc", "coordinator.bawku", "monitor.bawku", "officer.nacsa", None])
def test_no_page_lets_stored_text_make_markup(hostile_world, who):
    s = hostile_world
    token = s.token_for(who) if who else None
    seen, problems = crawl(s.base, token, seeds(s.made))
    assert len(seen) >= (8 if who is None else 15), sorted(seen)
    assert not problems, problems


def test_the_public_incident_and_alert_pages_show_the_text_as_text(hostile_world):
    s = hostile_world
    for path in (f"/incidents/{s.made['incident']}", f"/alerts/{s.made['alert']}"):
        status, _, text = get(s.base, path)
        assert status == 200, (path, status)
        assert "<meta http-equiv" not in text.lower()
        assert f"<{MARK}" not in text
        assert f"&lt;{MARK}" in text  # shown, as text
