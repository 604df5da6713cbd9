"""The web interface, walked in a real browser (Debian's chromium, headless, through chromium-driver)
as new users would: a monitor on a phone, the national analyst, the district council, the public.
Each step saves a screenshot under screenshots/ (git-ignored; docs/USER-GUIDE.md shows them) and
every page is checked for browser console errors."""
import contextlib
import datetime
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, start_server

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402

SHOTS = ROOT / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not CHROMIUM or not DRIVER:
    pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)", allow_module_level=True)

PHONE = (390, 844)
DESKTOP = (1280, 900)


def browser(size, javascript=True):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={size[0]},{size[1]}",
              "--lang=en-GB", "--disable-features=Translate"]:
        opts.add_argument(a)
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=opts)
    d.set_page_load_timeout(60)
    if size == PHONE:  # a headless window has a minimum width above 390 px: emulate the phone's viewport instead
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": size[0], "height": size[1], "deviceScaleFactor": 2, "mobile": True})
    return d


class Walk:
    """A browser with the checks every step makes: no console error, a screenshot."""

    def __init__(self, base, size, javascript=True):
        self.base, self.d = base, browser(size, javascript)

    def go(self, path):
        self.d.get(self.base + path)
        self.check()

    def check(self):
        errors = [e for e in self.d.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"console errors on {self.d.current_url}: {errors}"

    def shot(self, name):
        """The whole page: the window is stretched to the page's height for the picture, then put back."""
        SHOTS.mkdir(exist_ok=True)
        size = self.d.get_window_size()
        height = min(self.d.execute_script("return document.documentElement.scrollHeight"), 5000)
        self.d.set_window_size(size["width"], max(size["height"], height + 120))
        self.d.save_screenshot(str(SHOTS / f"{name}.png"))
        self.d.set_window_size(size["width"], size["height"])

    def sign_in(self, user, password):
        self.go("/sign-in")
        self.d.find_element(By.ID, "username").send_keys(user)
        self.d.find_element(By.ID, "password").send_keys(password)
        self.click(self.d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        assert "/sign-in" not in self.d.current_url, self.d.page_source[:2000]

    def click(self, element):
        """Clicks something that loads a new page, and waits for it. The old page is marked rather than
        held: chromedriver 156 may answer a held element of a replaced page with an "unknown error"
        instead of "stale element", and a script call made mid-navigation may fail; both are retried."""
        self.d.execute_script("window.agoraOldPage = true")
        element.click()
        WebDriverWait(self.d, 30, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return !window.agoraOldPage && document.readyState === 'complete'"))
        self.check()

    def text(self):
        return self.d.find_element(By.TAG_NAME, "body").text

    def submit(self, form_css):
        self.click(self.d.find_element(By.CSS_SELECTOR, form_css + " button[type=submit]"))

    def quit(self):
        self.d.quit()


@pytest.fixture(scope="module")
def server(agora_binary):
    yield from start_server(agora_binary, {"AGORA_WORKER_SECONDS": "0.5"})


def test_the_walk_from_report_to_public_alert(server):
    s = server
    # 1. A community monitor files a report on a phone.
    m = Walk(s.base, PHONE)
    try:
        m.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
        m.shot("01-monitor-home")
        m.go("/report")
        assert len(m.d.page_source.encode()) < 100_000
        m.d.find_element(By.NAME, "indicator.CS01").click()
        m.d.find_element(By.NAME, "indicator.CS05").click()
        m.d.find_element(By.ID, "description").send_keys("Gunmen attacked traders at Bawku central market")
        Select(m.d.find_element(By.ID, "area")).select_by_value("GH1201")
        m.d.find_element(By.CSS_SELECTOR, "details summary").click()
        m.d.find_element(By.ID, "fatalities").send_keys("3")
        m.shot("02-monitor-report-form")
        m.submit("form[data-draft]")
        assert "Report received by Bawku Municipal District Peace Council" in m.text()
        m.shot("03-monitor-report-sent")
        m.go("/")
        assert "waiting for review" in m.text()
    finally:
        m.quit()

    # 2. The national analyst verifies it; the system proposes an alert, which the analyst issues.
    a = Walk(s.base, DESKTOP)
    try:
        a.sign_in("analyst.npc", s.passwords["analyst.npc"])
        assert "Review queue (1 waiting)" in a.text()
        a.shot("04-analyst-home")
        a.go("/queue")
        a.click(a.d.find_element(By.PARTIAL_LINK_TEXT, "Gunmen attacked"))
        a.shot("05-analyst-review")
        a.submit("form[action$='/review']")
        assert "the report is reviewed" in a.text()
        a.go("/")
        assert "Bawku Municipal" in a.text()  # rising this week, and proposed
        a.shot("06-analyst-rising")
        a.go("/risk/GH1201")
        assert "What drives it" in a.text()
        a.shot("07-risk-area")
        a.go("/risk?country=GHA&level=admin2")
        assert "Bawku Municipal" in a.text()
        # Raids in Turkana, filed and verified through the API, so the Kenya map has something to show.
        for i, deaths in enumerate([5, 3, 2]):
            st, r = s.request("POST", "/api/v1/reports", {"body": "KE-CPC-TURKANA", "area": "KE023", "occurredOn": datetime.date.today().isoformat(),
                                                         "description": f"Cattle raid {i} near Lokichoggio", "indicators": ["CS04", "CS05"],
                                                         "harm": {"fatalities": deaths}}, token=s.token)
            assert st == 201, r
            st, _ = s.request("POST", f"/api/v1/reports/{r['id']}/verify", {}, token=s.token)
            assert st == 200
        a.go("/risk?country=KEN&level=admin1")
        assert "Turkana" in a.text()
        if SHARED.exists():  # Kenya's counties, drawn from their stored shapes (the built-in demo areas have none)
            assert a.d.find_elements(By.CSS_SELECTOR, "svg.map path")
        a.shot("08-risk-dashboard")
        a.go("/alerts?state=proposed")
        a.click(a.d.find_element(By.PARTIAL_LINK_TEXT, "risk of violence in Bawku"))
        Select(a.d.find_element(By.CSS_SELECTOR, "form input[value=issue] ~ select#classification")).select_by_value("public")
        a.d.find_element(By.ID, "instruction").send_keys("Avoid the central market; the district council is convening elders.")
        a.shot("09-alert-issue")
        a.submit("form:has(input[value=issue])")
        # One more look before it goes out: what, where and to whom; nothing is issued yet.
        assert "Issue this alert?" in a.text() and "everyone: the public page" in a.text()
        assert "Avoid the central market" in a.text()
        a.shot("09b-alert-confirm")
        a.submit("form:has(input[name=confirm])")
        assert "The alert is issued" in a.text()
        a.shot("10-alert-issued")
        alert_url = a.d.current_url.split("?")[0]
        # The composer previews a CAP message without storing anything.
        a.go("/alerts/new?area=GH0812")
        a.d.find_element(By.ID, "headline").send_keys("Tension over chieftaincy succession in Tamale")
        a.click(a.d.find_element(By.CSS_SELECTOR, "button[value=preview]"))
        # The preview reads as the public page will; the CAP message is one click away.
        preview = a.d.find_element(By.ID, "preview").text
        assert "Tension over chieftaincy succession in Tamale" in preview and "urn:oasis" not in preview
        a.d.find_element(By.CSS_SELECTOR, "#preview summary").click()
        assert "urn:oasis:names:tc:emergency:cap:1.2" in a.text()
        assert "<language>en</language>" in a.text()
        a.shot("11-alert-composer-preview")
        # Written on the French page, the text is French, and CAP says so.
        a.go("/alerts/new?area=GH0812&lang=fr")
        a.d.find_element(By.ID, "headline").send_keys("Tensions autour de la succession à Tamale")
        a.click(a.d.find_element(By.CSS_SELECTOR, "button[value=preview]"))
        a.d.find_element(By.CSS_SELECTOR, "#preview summary").click()
        assert "<language>fr</language>" in a.text()
        # Issuing from the composer asks first too; leaving the question unanswered issues nothing (the council
        # below still has one case).
        a.click(a.d.find_element(By.CSS_SELECTOR, "button[value=issue]"))
        assert "Émettre cette alerte ?" in a.text() and "Tensions autour de la succession" in a.text()
    finally:
        a.quit()

    # 3. The district council, on a phone, acknowledges the case, records an action, and closes the case.
    c = Walk(s.base, PHONE)
    try:
        c.sign_in("coordinator.bawku", s.passwords["coordinator.bawku"])
        c.go("/cases")
        assert "waiting for acknowledgement (1)" in c.text()
        c.shot("12-council-case-board")
        c.click(c.d.find_element(By.PARTIAL_LINK_TEXT, "Bawku Municipal"))
        c.submit("form:has(input[value=acknowledge])")
        assert "Acknowledged." in c.text()
        Select(c.d.find_element(By.ID, "kind")).select_by_value("mediation")
        c.d.find_element(By.ID, "action-description").send_keys("Meeting of elders of both communities at the chief's palace")
        c.d.find_element(By.ID, "responsible").send_keys("Council chair and the Naba's representative")
        c.submit("form:has(input[value=plan])")
        assert "The action is recorded." in c.text()
        assert "Meeting of elders" in c.text()
        # The alert's words are on the case, and the page fits the phone's width.
        assert "Avoid the central market" in c.text()
        if SHARED.exists():
            assert c.d.find_elements(By.CSS_SELECTOR, "section.card svg.map")
        width = c.d.execute_script("return document.documentElement.scrollWidth")
        wide = c.d.execute_script(
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth)"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
        assert c.d.execute_script("return innerWidth") == PHONE[0]
        assert width <= PHONE[0], f"the case page is {width} px wide on a {PHONE[0]} px phone: {wide}"
        c.shot("13-council-case")
        # Closing asks what becomes of the planned action; nothing is cancelled silently.
        Select(c.d.find_element(By.ID, "outcome")).select_by_value("contained")
        c.d.find_element(By.ID, "summary").send_keys("Elders met; the market reopened.")
        decide = c.d.find_element(By.CSS_SELECTOR, "select[name^=decide-]")
        assert "Meeting of elders" in c.d.find_element(By.CSS_SELECTOR, ".decide").text
        Select(decide).select_by_value("done")
        c.d.find_element(By.CSS_SELECTOR, "input[name^=why-]").send_keys("Held on Tuesday; both sides attended")
        c.shot("13b-council-close")
        c.submit("form:has(input[value=close])")
        assert "Held on Tuesday" in c.text() and "closed" in c.text().lower(), c.text()[:1500]
    finally:
        c.quit()

    # 4. The public sees the public alert, and nothing confidential.
    p = Walk(s.base, PHONE)
    try:
        p.go("/")
        assert "High risk of violence in Bawku Municipal" in p.text()
        p.shot("14-public-home")
        p.click(p.d.find_element(By.PARTIAL_LINK_TEXT, "risk of violence in Bawku"))
        body = p.text()
        assert "Avoid the central market" in body
        assert "Open its response case" not in body and "Gunmen attacked" not in body and "Why the system proposed it" not in body
        p.shot("15-public-alert")
        p.go("/cases")
        assert "/sign-in" in p.d.current_url
        p.go("/bodies")
        assert "National Peace Council of Ghana" in p.text()
        p.go("/bodies/GH-DPC-BAWKU")
        assert "Act 818" in p.text() and "Naba representative" not in p.text()
        p.shot("16-public-body")
        p.go("/statistics")
        p.shot("17-public-statistics")
        p.go("/?lang=fr")
        assert "Alertes publiques" in p.text()
        p.shot("18-public-home-fr")
    finally:
        p.quit()
    assert alert_url


def test_the_report_form_works_without_javascript(server):
    s = server
    w = Walk(s.base, PHONE, javascript=False)
    try:
        w.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
        w.go("/report")
        assert not w.d.find_element(By.ID, "use-gps").is_displayed()  # the GPS button needs script
        w.d.find_element(By.NAME, "indicator.GR04").click()
        w.d.find_element(By.ID, "description").send_keys("Dispute over the chieftaincy at the palace, no violence yet")
        Select(w.d.find_element(By.ID, "area")).select_by_value("GH1201")
        w.submit("form[data-draft]")
        assert "Report received by Bawku Municipal District Peace Council" in w.text()
        w.shot("19-report-without-javascript")
        # A mistake comes back beside its field, with what was typed kept.
        w.go("/report")
        w.d.find_element(By.ID, "description").send_keys("No indicator chosen")
        w.submit("form[data-draft]")
        assert "No indicator chosen" in w.d.find_element(By.ID, "description").get_attribute("value")
        assert w.d.find_elements(By.CSS_SELECTOR, ".error")
    finally:
        w.quit()


def test_a_draft_survives_a_reload(server):
    s = server
    w = Walk(s.base, PHONE)
    try:
        w.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
        w.go("/report")
        w.d.find_element(By.ID, "description").send_keys("Half-written report before the network dropped")
        w.go("/report")
        assert "Half-written report" in w.d.find_element(By.ID, "description").get_attribute("value")
        assert "draft was restored" in w.text()
    finally:
        w.quit()


def test_pages_are_small_and_labelled(server):
    s = server
    w = Walk(s.base, DESKTOP)
    try:
        w.sign_in("analyst.npc", s.passwords["analyst.npc"])
        for path in ["/", "/report", "/queue", "/alerts", "/alerts/new", "/cases", "/bodies", "/statistics", "/how-to-report"]:
            w.go(path)
            assert len(w.d.page_source.encode()) < 100_000, path
            # Every form control has a label.
            for el in w.d.find_elements(By.CSS_SELECTOR, "main input:not([type=hidden]):not([type=checkbox]), main select, main textarea"):
                ident = el.get_attribute("id")
                assert ident and w.d.find_elements(By.CSS_SELECTOR, f"label[for='{ident}']"), f"{path}: unlabelled {el.get_attribute('name')}"
            assert w.d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    finally:
        w.quit()


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a2f5f1"
                    "5a0000000049454e44ae426082")


class Tiles(__import__("http.server").server.BaseHTTPRequestHandler):
    served = []

    def do_GET(self):
        Tiles.served.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(PNG)))
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args):
        pass


def test_a_tile_server_is_optional_configuration(agora_binary):
    """With AGORA_TILE_URL (and Debian's libjs-leaflet), the risk map is drawn over tiles from that server."""
    import http.server
    import threading
    if not Path("/usr/share/javascript/leaflet/leaflet.js").exists():
        pytest.skip("libjs-leaflet is not installed (apt-get install libjs-leaflet)")
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: the demo has no county shapes to draw over the tiles")
    from conftest import free_port
    port = free_port()
    tiles = http.server.ThreadingHTTPServer(("127.0.0.1", port), Tiles)
    threading.Thread(target=tiles.serve_forever, daemon=True).start()
    gen = start_server(agora_binary, {"AGORA_TILE_URL": f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"})
    s = next(gen)
    w = Walk(s.base, DESKTOP)
    try:
        w.sign_in("analyst.npc", s.passwords["analyst.npc"])
        w.go("/risk?country=KEN&level=admin1")
        WebDriverWait(w.d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tile-map .leaflet-tile-loaded"))
        WebDriverWait(w.d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tile-map path.leaflet-interactive"))
        w.check()
        assert Tiles.served and not w.d.find_element(By.CSS_SELECTOR, "svg.map").is_displayed()
        w.shot("20-risk-map-over-tiles")
        # The incident map too: the clusters as circles over the tiles (an incident made here, in Turkana).
        st, r = s.request("POST", "/api/v1/reports", {"body": "KE-CPC-TURKANA", "area": "KE023", "occurredOn": datetime.date.today().isoformat(),
                                                      "description": "Raid on a kraal", "indicators": ["CS05"], "lat": 3.12, "lon": 35.6,
                                                      "classification": "public"}, token=s.token)
        assert st == 201 and s.request("POST", f"/api/v1/reports/{r['id']}/verify", {}, token=s.token)[0] == 200
        w.go("/incidents?area=KEN")
        WebDriverWait(w.d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tile-map path.leaflet-interactive"))
        kinds = w.d.execute_script("return JSON.parse(document.getElementById('map-data').textContent).features.map(f => f.geometry.type)")
        assert "Point" in kinds and "MultiPolygon" in kinds, kinds
        assert len(w.d.find_elements(By.CSS_SELECTOR, "#tile-map path.leaflet-interactive")) == len(kinds)
        w.check()
    finally:
        w.quit()
        gen.close()
        tiles.shutdown()


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is absent: the demo has no shapes to look a point up in")
def test_a_gps_point_in_ghana_asks_for_the_district(server):
    s = server
    # Ghana has no district shapes in the demo: a point there finds only the country, and the API says so.
    monitor = s.token_for("monitor.bawku")
    today = datetime.date.today().isoformat()
    st, r = s.request("POST", "/api/v1/reports", {"lat": 11.06, "lon": -0.24, "occurredOn": today, "indicators": ["CS05"],
                                                  "description": "Placement check by API"}, token=monitor)
    assert st == 201 and r["placement"]["level"] == "country" and r["placement"]["how"] == "point" and "Ghana" in r["placement"]["reason"], r
    st, r = s.request("POST", "/api/v1/reports", {"lat": 9.93, "lon": 8.89, "area": None, "occurredOn": today, "indicators": ["CS05"],
                                                  "description": "Placement check in Jos", "body": "GH-DPC-BAWKU"}, token=s.token)
    assert st == 201 and r["placement"]["level"] == "admin1" and "reason" not in r["placement"], r
    # The form does not file it as "Ghana": it asks for the district, then files it there.
    w = Walk(s.base, PHONE)
    try:
        w.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
        w.go("/report")
        w.d.find_element(By.NAME, "indicator.CS05").click()
        w.d.find_element(By.ID, "description").send_keys("Gunshots heard near the chief's palace at night")
        w.d.find_element(By.CSS_SELECTOR, "details summary").click()
        w.d.find_element(By.ID, "lat").send_keys("11.06")
        w.d.find_element(By.ID, "lon").send_keys("-0.24")
        w.submit("form[data-draft]")
        area = w.d.find_element(By.ID, "area")
        assert "cannot tell the district" in w.text() and area.get_attribute("aria-invalid") == "true"
        w.shot("02c-monitor-choose-district")
        Select(area).select_by_value("GH1201")
        w.submit("form[data-draft]")
        assert "Report received by Bawku Municipal District Peace Council" in w.text()
    finally:
        w.quit()
    st, page = s.request("GET", "/api/v1/reports?limit=500", token=s.token)
    filed = [x for x in page["items"] if x["description"] == "Gunshots heard near the chief's palace at night"]
    assert [x["area"] for x in filed] == ["GH1201"], filed


def test_an_analyst_filters_maps_and_exports_incidents(server):
    s = server
    today = datetime.date.today().isoformat()
    for i, (area, text) in enumerate([("KE023", "Herders clashed at a water point"), ("KE023", "Herders clashed again near the river"),
                                      ("GH1201", "Market stalls burnt")]):
        st, r = s.request("POST", "/api/v1/reports", {"body": "KE-CPC-TURKANA" if area == "KE023" else "GH-DPC-BAWKU", "area": area,
                                                      "occurredOn": today, "description": text, "indicators": ["CS05"],
                                                      "lat": 3.12 + i * 0.01 if area == "KE023" else None,
                                                      "lon": 35.6 if area == "KE023" else None}, token=s.token)
        assert st == 201, r
        assert s.request("POST", f"/api/v1/reports/{r['id']}/verify", {}, token=s.token)[0] == 200
    a = Walk(s.base, DESKTOP)
    try:
        a.sign_in("admin", s.passwords["admin"])
        a.go("/incidents")
        a.d.find_element(By.ID, "f-q").send_keys("herders")
        Select(a.d.find_element(By.ID, "f-area")).select_by_value("KEN")
        a.submit("form.filters")
        assert "area=KEN" in a.d.current_url and "q=herders" in a.d.current_url
        body = a.text()
        assert "Herders clashed at a water point" in body and "Herders clashed again" in body and "Market stalls burnt" not in body
        if SHARED.exists():  # Kenya's shape under the clustered points
            assert a.d.find_elements(By.CSS_SELECTOR, "svg.map g.pin circle")
        a.shot("23-analyst-incidents-filtered")
        # The export buttons carry the filters; the file is the API's, and holds only what is shown.
        href = a.d.find_element(By.LINK_TEXT, "CSV").get_attribute("href")
        assert "area=KEN" in href and "q=herders" in href
        csv = a.d.execute_async_script("var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)", href)
        rows = [r for r in csv.splitlines()[1:] if r]
        assert len(rows) == 2 and all('"KEN"' in r for r in rows), csv[:500]
        # The queue takes the same filters; the alerts page filters by words, place and state.
        a.go("/queue?q=nothing-matches-this")
        assert "Filter" in a.text()
        a.go("/alerts")
        a.d.find_element(By.ID, "f-q").send_keys("BAWKU")
        Select(a.d.find_element(By.ID, "f-state")).select_by_value("issued")
        a.submit("form.filters")
        rows = a.d.find_elements(By.CSS_SELECTOR, "main table tr")[1:]
        assert rows and all("Bawku" in r.text for r in rows), [r.text for r in rows]
        # The alerts' export button carries the filters too.
        href = a.d.find_element(By.LINK_TEXT, "CSV").get_attribute("href")
        assert "/api/v1/alerts/export.csv" in href and "q=BAWKU" in href and "state=issued" in href
        csv = a.d.execute_async_script("var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)", href)
        assert len([r for r in csv.splitlines()[1:] if r]) == len(rows) and all("issued" in r for r in csv.splitlines()[1:] if r), csv[:500]
        a.go("/alerts?q=no-such-headline")
        assert not a.d.find_elements(By.CSS_SELECTOR, "main table tr")
        # The cases board: place, body, severity, dates and "overdue only", and the same export.
        a.go("/cases")
        Select(a.d.find_element(By.ID, "f-severity")).select_by_value("Extreme")
        a.submit("form.filters")
        assert "severity=Extreme" in a.d.current_url
        href = a.d.find_element(By.LINK_TEXT, "CSV").get_attribute("href")
        assert "/api/v1/cases/export.csv" in href and "severity=Extreme" in href
        csv = a.d.execute_async_script("var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)", href)
        shown = len(a.d.find_elements(By.CSS_SELECTOR, ".board .card"))
        assert len([r for r in csv.splitlines()[1:] if r]) == shown, (shown, csv[:500])
        a.d.find_element(By.ID, "f-overdue").click()
        a.submit("form.filters")
        assert "overdue=1" in a.d.current_url
    finally:
        a.quit()


def english_phrases():
    """The English of every page text and refusal whose French differs: none may show on a French page."""
    root = Path(__file__).resolve().parent.parent / "Sources" / "App" / "Web"
    out = set()
    for line in (root / "Texts.swift").read_text().splitlines():
        cols = [c.strip() for c in line.split("|")]
        if len(cols) >= 3 and "." in cols[0] and cols[1] != cols[2]:
            out |= {p.strip() for p in cols[1].split("%@")}
    table = (root / "ErrorTexts.swift").read_text().split('"""')[1]
    for line in table.splitlines():
        if "|" in line:
            en, fr = (c.strip() for c in line.split("|", 1))
            out |= {p.strip(" '") for p in en.split("%@")}
    # Phrases, not words that French shares ("Incidents", "Photos", "Latitude"): two words and more.
    return sorted(p for p in out if len(p) >= 12 and " " in p)


def test_french_pages_show_no_english_on_the_walked_paths(server):
    s = server
    phrases = english_phrases()
    assert len(phrases) > 250

    def no_english(w, where):
        text = w.d.find_element(By.TAG_NAME, "body").text
        found = [p for p in phrases if p in text]
        assert not found, f"English on {where}: {found}"

    m = Walk(s.base, PHONE)
    try:
        m.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
        m.go("/?lang=fr")
        no_english(m, "the monitor's home")
        m.go("/report")
        assert m.d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        no_english(m, "the report form")
        # Sent with nothing filled in: the refusals beside their fields are French too.
        m.d.execute_script("document.getElementById('occurredOn').value = ''")
        m.click(m.d.find_element(By.CSS_SELECTOR, "form[data-draft] button[type=submit]"))
        errors = [e.text for e in m.d.find_elements(By.CSS_SELECTOR, "p.error")]
        assert "cochez au moins un indicateur de la grille" in errors and "dites ce qui s'est passé" in errors, errors
        no_english(m, "the report form with its errors")
        m.shot("24-report-form-errors-fr")
    finally:
        m.quit()
    a = Walk(s.base, DESKTOP)
    try:
        a.sign_in("analyst.npc", s.passwords["analyst.npc"])
        for path in ["/?lang=fr", "/queue", "/incidents", "/risk", "/alerts", "/alerts/new", "/cases", "/bodies", "/how-to-report"]:
            a.go(path)
            no_english(a, path)
        # The composer refuses an empty alert in French.
        a.go("/alerts/new")
        a.d.execute_script("document.querySelectorAll('form input[required], form textarea[required], form select[required]').forEach(e => e.required = false)")
        a.d.find_element(By.ID, "headline").clear()
        a.submit("main form")
        assert "headline: est obligatoire" in a.text(), a.text()[:2000]
        no_english(a, "the composer's refusal")
    finally:
        a.quit()


def translations(lang):
    """key → (English, the language's text) for Portuguese or Arabic."""
    root = Path(__file__).resolve().parent.parent / "Sources" / "App" / "Web"
    english = {}
    for line in (root / "Texts.swift").read_text().splitlines():
        cols = [c.strip() for c in line.split("|")]
        if len(cols) == 3 and "." in cols[0]:
            english[cols[0]] = cols[1]
    out = {}
    for line in (root / "Texts+PtAr.swift").read_text().splitlines():
        cols = [c.strip() for c in line.split("|")]
        if len(cols) == 3 and cols[0] in english:
            out[cols[0]] = (english[cols[0]], cols[1] if lang == "pt" else cols[2])
    return out


def test_portuguese_and_arabic_pages_are_translated_and_arabic_reads_right_to_left(server):
    s = server
    for lang, direction, refusal in [("pt", "ltr", "diga o que aconteceu"), ("ar", "rtl", "قل ماذا حدث")]:
        table = translations(lang)
        assert len(table) > 1000
        # English phrases whose translation differs (two words and more: "Latitude" is Portuguese too).
        phrases = sorted({p.strip(" '") for en, tr in table.values() if en != tr for p in en.split("%@")
                          if len(p.strip()) >= 12 and " " in p.strip()})

        def check(w, where):
            html = w.d.find_element(By.TAG_NAME, "html")
            assert html.get_attribute("lang") == lang and html.get_attribute("dir") == direction, where
            text = w.d.find_element(By.TAG_NAME, "body").text
            found = [p for p in phrases if p in text]
            assert not found, f"English on the {lang} {where}: {found}"
            # A key without a text shows its last part ("title", "newWeapon"): none may.
            bare = [k for k in table if k.split(".")[-1] in text.split("\n") and len(k.split(".")[-1]) > 4]
            assert not bare, f"bare keys on the {lang} {where}: {bare}"

        m = Walk(s.base, PHONE)
        try:
            m.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
            m.go(f"/?lang={lang}")
            check(m, "monitor's home")
            m.go("/report")
            check(m, "report form")
            m.d.execute_script("document.getElementById('occurredOn').value = ''")
            m.click(m.d.find_element(By.CSS_SELECTOR, "form[data-draft] button[type=submit]"))
            errors = [e.text for e in m.d.find_elements(By.CSS_SELECTOR, "p.error")]
            assert refusal in errors, errors
            check(m, "report form with its errors")
            if lang == "ar":
                # Laid out right to left for real: the form's labels start at the right edge.
                label = m.d.find_element(By.CSS_SELECTOR, "main label")
                assert m.d.execute_script("return getComputedStyle(arguments[0]).direction", label) == "rtl"
                m.shot("40-report-form-ar")
        finally:
            m.quit()
        a = Walk(s.base, DESKTOP)
        try:
            a.sign_in("analyst.npc", s.passwords["analyst.npc"])
            for path in [f"/?lang={lang}", "/queue", "/incidents", "/risk", "/alerts", "/cases", "/bodies", "/how-to-report", "/arms"]:
                a.go(path)
                check(a, path)
            if lang == "ar":
                a.shot("41-arms-ar")
        finally:
            a.quit()
        # The public, without an account.
        p = Walk(s.base, PHONE)
        try:
            p.go(f"/?lang={lang}")
            check(p, "public home")
            p.go("/how-to-report")
            check(p, "how to report")
            p.go("/statistics")
            check(p, "statistics")
        finally:
            p.quit()


def test_a_mediator_takes_a_case_to_a_scored_agreement_and_the_public_reads_it(server):
    """A mediator of the National Peace Council opens a case, records consent and the talks, the agreement with its
    commitments, and a first score with its evidence; a second reviewer publishes it. The public reads a public accord,
    in English and French, with what was promised and what is done."""
    s = server
    w = Walk(s.base, DESKTOP)
    try:
        w.sign_in("analyst.npc", s.passwords["analyst.npc"])
        w.go("/mediations")
        assert "Bawku chieftaincy dispute" in w.text()  # the demo's case, confidential, read by its mediator
        w.d.find_element(By.CSS_SELECTOR, "main details summary").click()
        w.d.find_element(By.ID, "title").send_keys("Garu market dispute")
        Select(w.d.find_element(By.ID, "area")).select_by_value("GH1201")
        w.d.find_element(By.ID, "topic").send_keys("Stalls and levies at the market")
        w.d.find_element(By.ID, "parties").send_keys("Traders' association\nYouth association")
        w.d.find_element(By.ID, "declaration").send_keys("No ties to either association.")
        w.shot("40-mediation-open")
        w.submit("form[action='/mediations']")
        assert "/mediations/" in w.d.current_url and "Garu market dispute" in w.text(), w.text()[:1500]
        for i in range(2):
            Select(w.d.find_element(By.ID, f"consent-{i}")).select_by_value("given")
        w.submit("form:has(#consent-0)")
        for state in ["consent-pending", "pre-negotiation", "negotiation"]:
            Select(w.d.find_element(By.ID, "to")).select_by_value(state)
            w.d.find_element(By.ID, "reason").send_keys("both sides ready")
            w.submit("form:has(#to)")
            assert "error=" not in w.d.current_url, w.text()[:1500]
        w.d.find_element(By.ID, "category").send_keys("traders")
        w.d.find_element(By.ID, "women").send_keys("6")
        w.d.find_element(By.ID, "men").send_keys("4")
        w.d.find_element(By.ID, "note").send_keys("The levy is the sticking point.")
        w.submit("form:has(#category)")
        assert "The levy is the sticking point." in w.text() and "women 60 %" in w.text(), w.text()[:2000]
        w.d.find_element(By.ID, "title").send_keys("Garu market accord")
        w.d.execute_script("document.getElementById('adate').value = new Date().toISOString().slice(0, 10)")
        w.d.find_element(By.ID, "country").send_keys("Ghana")
        w.d.find_element(By.ID, "stipulations").send_keys(
            "1 | Market | One levy for all stalls | Traders' association |  | the assembly's receipts\n"
            "2 | Youth | Youth cleaners paid monthly | Youth association |  | payroll")
        w.shot("41-mediation-case")
        w.submit("form:has(#stipulations)")
        assert "error=" not in w.d.current_url, w.text()[:2000]
        w.click(w.d.find_element(By.LINK_TEXT, "Garu market accord"))
        Select(w.d.find_element(By.ID, "stipulation")).select_by_value("1")
        Select(w.d.find_element(By.ID, "score")).select_by_value("2")
        Select(w.d.find_element(By.ID, "evidenceKind")).select_by_value("link")
        w.d.find_element(By.ID, "evidenceRef").send_keys("https://example.org/garu-receipts")
        w.d.find_element(By.ID, "evidenceNote").send_keys("levy receipts for October")
        w.submit("form:has(#evidenceRef)")
        assert "Scores waiting for a second reviewer" in w.text(), w.text()[:2000]
        assert "Implemented: 0 %" in w.text()  # not published yet
        agreement = w.d.current_url.split("?")[0]
        w.shot("42-agreement-scored")
    finally:
        w.quit()
    r = Walk(s.base, DESKTOP)
    try:
        r.sign_in("admin.npc", s.passwords["admin.npc"])
        r.d.get(agreement)
        assert "levy receipts for October" in r.text()  # the evidence, read before scoring again
        Select(r.d.find_element(By.CSS_SELECTOR, "form:has(input[name=scoreId]) select")).select_by_value("2")
        r.submit("form:has(input[name=scoreId])")
        assert "Implemented: 33 %" in r.text(), r.d.current_url + r.text()[:3000]  # 1 of 2 commitments at 2 of 3
        assert "levy receipts for October" in r.text()
    finally:
        r.quit()
    p = Walk(s.base, PHONE)
    try:
        p.go("/agreements")
        p.click(p.d.find_element(By.PARTIAL_LINK_TEXT, "Bawku Peace Accord"))
        text = p.text()
        assert "Implemented: 52 %" in text and "Withdraw" not in text  # the demo accord's promises, in its words
        assert "No armed youth in the market" in text and p.d.find_elements(By.CSS_SELECTOR, "svg.chart")
        p.shot("43-public-agreement")
        p.d.get(p.d.current_url.split("?")[0] + "?lang=fr")
        p.check()
        assert "Mis en œuvre : 52 %" in p.text()
        p.d.get(agreement)  # restricted to the council until published
        assert "Garu market accord" not in p.text()
    finally:
        p.quit()


def fill_submission(w, kind, title, summary, asks):
    """The submission form, for a place in Bawku on mediation."""
    Select(w.d.find_element(By.ID, "kind")).select_by_value(kind)
    w.d.find_element(By.ID, "title").send_keys(title)
    w.d.find_element(By.ID, "summary").send_keys(summary)
    Select(w.d.find_element(By.ID, "area")).select_by_value("GH1201")
    Select(w.d.find_element(By.ID, "topic")).select_by_value("mediation")
    w.d.find_element(By.ID, "asks").send_keys(asks)


def test_a_cso_submits_the_council_answers_and_the_public_sees_the_record(server):
    """A WANEP-Ghana liaison submits a position paper; it goes to the competent council, which acknowledges it and
    answers its asks; the council's public page shows its record change."""
    s = server
    p = Walk(s.base, PHONE)
    try:
        p.go("/bodies/GH-DPC-BAWKU")
        before = p.text()
    finally:
        p.quit()
    w = Walk(s.base, PHONE)
    try:
        w.sign_in("liaison.wanep", s.passwords["liaison.wanep"])
        w.go("/submissions")
        w.d.find_element(By.CSS_SELECTOR, "main details summary").click()
        fill_submission(w, "position-paper", "Young traders and the Bawku market", "Young traders are shut out of the market committee.",
                        "A youth seat on the market committee\nA monthly market forum")
        w.shot("50-submission-form")
        w.submit("form[action='/submissions']")
        assert "/submissions/" in w.d.current_url and "received" in w.text(), w.text()[:1500]
        submission = w.d.current_url.split("?")[0]
    finally:
        w.quit()
    c = Walk(s.base, DESKTOP)
    try:
        c.sign_in("coordinator.bawku", s.passwords["coordinator.bawku"])
        c.d.get(submission)
        Select(c.d.find_element(By.ID, "to")).select_by_value("acknowledged")
        c.submit("form:has(#to)")
        assert "acknowledged" in c.text()
        Select(c.d.find_element(By.ID, "answer-1")).select_by_value("accepted")
        Select(c.d.find_element(By.ID, "answer-2")).select_by_value("rejected")
        c.d.find_element(By.ID, "reason-2").send_keys("The assembly convenes market forums")
        c.d.find_element(By.ID, "publish").click()
        c.shot("51-submission-answer")
        c.submit("form:has(#answer-1)")
        assert "answered" in c.text() and "The assembly convenes market forums" in c.text(), c.text()[:2000]
        # The accepted ask is now a commitment the council tracks.
        progress = c.d.find_element(By.ID, "progress-1")
        progress.clear()
        progress.send_keys("25")
        c.d.find_element(By.ID, "milestones-1").send_keys("x Members consulted\n2099-03-01 First youth member seated")
        c.submit("form:has(#progress-1)")
        assert "25 % done" in c.text() and "First youth member seated" in c.text(), c.text()[:2000]
    finally:
        c.quit()
    p = Walk(s.base, PHONE)
    try:
        p.go("/bodies/GH-DPC-BAWKU")
        after = p.text()
        assert "Record of responsiveness" in after and after != before, after[:2000]
        assert "Young traders" not in after  # the record counts; it does not show the submission
        assert "Commitments:" in after, after[:2000]
        p.shot("52-body-record")
    finally:
        p.quit()


def test_a_citizen_submits_without_an_account_and_follows_it_by_receipt(server):
    """Anonymous on a phone: the grievance goes to the competent council, a receipt code is shown once, and the code
    (typed loosely) shows what became of it — without an account and without the code in any address."""
    s = server
    p = Walk(s.base, PHONE)
    try:
        p.go("/submissions")
        assert "anonymous" in p.text()
        fill_submission(p, "grievance", "The Bawku borehole", "The borehole by the school has been broken for a month.", "Repair the borehole")
        p.submit("form[action='/submissions']")
        code = p.d.find_element(By.ID, "receipt-code").text
        assert len(code) == 14 and code not in p.d.current_url, (code, p.d.current_url)
        p.shot("53-submission-receipt")
        p.go("/submissions/receipt")
        p.d.find_element(By.ID, "code").send_keys(code.lower().replace("-", " "))
        p.submit("form[action='/submissions/receipt']")
        assert "The Bawku borehole" in p.text() and "Repair the borehole" in p.text(), p.text()[:1500]
        assert code not in p.d.current_url
        p.go("/submissions/receipt")
        p.d.find_element(By.ID, "code").send_keys("0000-0000-0000")
        p.submit("form[action='/submissions/receipt']")
        assert "The Bawku borehole" not in p.text()
    finally:
        p.quit()


@contextlib.contextmanager
def walking(s, size, user=None, url=None):
    """A browser, signed in as `user` when given, at `url` when given; closed afterwards whatever happens."""
    w = Walk(s.base, size)
    try:
        if user:
            w.sign_in(user, s.passwords[user])
        if url:
            w.d.get(url)
        yield w
    finally:
        w.quit()


def test_an_organisation_applies_answers_a_question_and_is_accredited_in_public(server):
    """WANEP-Ghana applies to ECOWAS; ECOWAS asks a question, the liaison answers, ECOWAS grants; the public register
    shows it."""
    s = server
    scheme = {"name": "ECOWAS civil society accreditation", "categories": [
        {"code": "observer", "name": "Observer", "criteria": ["Registered in a member state", "Works across borders"],
         "permissions": ["submit", "join-forums"], "termYears": 3}],
        "obligations": [{"kind": "annual-update", "everyMonths": 12}], "reapplyAfterDays": 365, "graceDays": 30, "hearingDays": 14}
    status, body = s.request("PUT", "/api/v1/bodies/ECOWAS-MSC/accreditation-scheme", scheme, token=s.token)
    assert status == 200, body
    with walking(s, PHONE, "liaison.wanep") as w:
        w.go("/accreditation")
        w.d.find_element(By.CSS_SELECTOR, "main details summary").click()
        Select(w.d.find_element(By.ID, "target")).select_by_value("ECOWAS-MSC|observer")
        w.d.find_element(By.ID, "statement").send_keys("WANEP-Ghana watches the borders with Togo and Burkina Faso.")
        w.submit("form[action='/accreditation']")
        assert "submitted" in w.text(), w.text()[:1500]
        application = w.d.current_url.split("?")[0]
    with walking(s, DESKTOP, "admin", application) as a:
        for to, note in (("completeness-check", ""), ("questions", "Which border districts do your monitors cover?")):
            Select(a.d.find_element(By.ID, "to")).select_by_value(to)
            if note:
                a.d.find_element(By.ID, "note").send_keys(note)
            a.submit("form:has(#to)")
        assert "questions to the applicant" in a.text(), a.text()[:1500]
    with walking(s, PHONE, "liaison.wanep", application) as w:
        w.d.find_element(By.ID, "answer").send_keys("Bawku, Pusiga and Aflao.")
        w.submit("form:has(#answer)")
        assert "under review" in w.text()
    with walking(s, DESKTOP, "admin", application) as a:
        for to, organ, reasons in (("recommended", "ECOWAS Commission", "Registered in Ghana; monitors on three borders"),
                                   ("granted", "ECOWAS Council", "As recommended")):
            Select(a.d.find_element(By.ID, "to")).select_by_value(to)
            for i in (0, 1):
                Select(a.d.find_element(By.ID, f"verdict-{i}")).select_by_value("met")
            a.d.find_element(By.ID, "organ").send_keys(organ)
            a.d.find_element(By.ID, "session").send_keys("2026 ordinary session")
            a.d.find_element(By.ID, "consensus").click()
            a.d.find_element(By.ID, "reasons").send_keys(reasons)
            a.shot("60-accreditation-" + to)
            a.submit("form:has(#to)")
            assert to in a.text(), a.text()[:2000]
    with walking(s, PHONE) as p:
        p.go("/register?body=ECOWAS-MSC")
        text = p.text()
        assert "WANEP-Ghana" in text and "observer" in text.lower() and "active" in text, text[:1500]
        p.shot("61-public-register")


def test_a_commission_officer_collects_destroys_and_reports_the_year(server):
    """Ghana's small-arms commission: an officer records what a collection point took in, destroys a collected rifle
    in public, and opens the year's report; the coordinator signs it; the public sees the destruction, not the serial."""
    s = server
    year = datetime.date.today().year
    with walking(s, DESKTOP, "officer.nacsa", s.base + "/arms") as w:
        assert "Bawku: weapons for development" in w.text(), w.text()[:1500]
        w.d.find_element(By.CSS_SELECTOR, "main section details summary").click()
        w.d.find_element(By.CSS_SELECTOR, "form[action$='/collections'] textarea[name='weapons']").send_keys(
            "assault-rifle; Izhmash; RU; BRW-2026-01; 7.62x39mm\nother; unmarked; craft pistol")
        w.shot("60-arms-collection")
        w.submit("form[action$='/collections']")
        assert "error" not in w.d.current_url, w.text()[:1500]
        assert "BRW-2026-01" in w.text() and "Unmarked" in w.text(), w.text()[:3000]
        # A serial that is not in custody is refused, naming it; then the rifle is destroyed in public.
        for serials in ["NO-SUCH-SERIAL", "BRW 2026 O1"]:
            w.go("/arms")
            w.d.find_element(By.XPATH, "//summary[normalize-space()='Record a destruction']").click()
            form = "form[action='/arms/destructions']"
            w.d.execute_script("arguments[0].value = arguments[1]", w.d.find_element(By.ID, "d-on"), datetime.date.today().isoformat())
            w.d.find_element(By.ID, "d-place").send_keys("Bolgatanga police yard")
            Select(w.d.find_element(By.ID, "d-method")).select_by_value("crushing")
            w.d.find_element(By.ID, "d-weapons").send_keys(serials)
            w.d.find_element(By.ID, "d-witnesses").send_keys("Regional peace council\nGhana Police Service")
            w.shot("61-arms-destruction")
            w.submit(form)
            if serials == "NO-SUCH-SERIAL":
                assert "NO-SUCH-SERIAL" in w.text() and "register" in w.text(), w.text()[:1500]
        assert "/destructions" in w.d.current_url and "Bolgatanga police yard" in w.text(), w.text()[:1500]
        # The year's report, from the register: what was collected and destroyed is counted.
        w.go(f"/arms/reports/{year}?body=GH-NACSA")
        text = w.text()
        assert "Weapons destroyed" in text and "SDG indicator 16.4.2" in text and "Nil report" in text, text[:3000]
        assert "Sign the report" not in text  # an officer prepares; the coordinator signs
        w.shot("62-arms-report")
        # The DDR programme: aggregates, and for its own officers the participants by pseudonym, never by name.
        w.go("/arms")
        w.click(w.d.find_element(By.LINK_TEXT, "Northern community reintegration (demo)"))
        assert "<5" in w.text() and "Kamara" not in w.d.page_source, w.text()[:2000]
        w.d.find_element(By.XPATH, "//summary[normalize-space()='Register a participant']").click()
        w.d.find_element(By.ID, "p-givenNames").send_keys("Adwoa")
        w.d.find_element(By.ID, "p-familyName").send_keys("Nyarko")
        w.d.find_element(By.ID, "p-birthDate").send_keys("1997-02-11")
        Select(w.d.find_element(By.ID, "p-category")).select_by_value("associated")
        Select(w.d.find_element(By.ID, "p-sex")).select_by_value("female")
        w.submit("form[action$='/participants']")
        assert "error" not in w.d.current_url and "Nyarko" not in w.d.page_source, w.text()[:2000]
        # The same woman again, written otherwise: refused.
        w.d.find_element(By.XPATH, "//summary[normalize-space()='Register a participant']").click()
        w.d.find_element(By.ID, "p-givenNames").send_keys("ADWOA")
        w.d.find_element(By.ID, "p-familyName").send_keys("Niarko")
        w.d.find_element(By.ID, "p-birthDate").send_keys("1997-11-02")
        w.submit("form[action$='/participants']")
        assert "possible double registration" in w.text(), w.text()[:2000]
        w.shot("64-ddr-programme")
    with walking(s, DESKTOP, "coordinator.nacsa", s.base + f"/arms/reports/{year}?body=GH-NACSA") as c:
        c.submit("form[action$='/sign']")
        assert "Signed on" in c.text(), c.text()[:1500]
    with walking(s, PHONE, None, s.base + "/destructions") as p:
        assert "Bolgatanga police yard" in p.text() and "BRW-2026-01" not in p.d.page_source, p.text()[:1500]
        p.shot("63-destructions-public")
