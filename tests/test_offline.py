"""A monitor on a phone with no signal, and a phone shared by two accounts: the offline queue and what sign-out wipes.
The network is cut for real: the browser reaches Agora through a relay on loopback that the test switches off."""
import socket
import threading
import time

import pytest

from conftest import free_port, start_server
from test_browser import PHONE, Walk

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


class Relay:
    """TCP relay to the server. `cut()` drops every open connection and refuses new ones, as a lost signal does."""

    def __init__(self, target_port):
        self.target, self.port, self.is_cut, self.open = target_port, free_port(), False, set()
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.is_cut:
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target))
            with self.lock:
                self.open |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    def pipe(self, a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        self.is_cut = True
        with self.lock:
            for s in self.open:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self.open.clear()

    def restore(self):
        self.is_cut = False


@pytest.fixture(scope="module")
def relayed(agora_binary):
    gen = start_server(agora_binary)
    s = next(gen)
    relay = Relay(int(s.base.rsplit(":", 1)[1]))
    yield s, relay, f"http://127.0.0.1:{relay.port}"
    gen.close()


def reports_like(s, text):
    st, page = s.request("GET", "/api/v1/reports?limit=500", token=s.token)
    assert st == 200, page
    return [r for r in page["items"] if text in r["description"]]


def wait(d, fn, what, timeout=30):
    WebDriverWait(d, timeout).until(lambda d: fn(), message=what)


def queue_items(w):
    return w.d.execute_script("return [...document.querySelectorAll('#queue li')].map(li => [li.dataset.state, li.textContent])")


def monitor_offline(s, relay, base):
    """The Bawku monitor on a phone whose service worker holds the form (cached when loaded through the worker),
    then the signal lost and the form opened again without it."""
    w = Walk(base, PHONE)
    w.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
    w.go("/report")
    # Wait for the worker to be active (not for it to claim this page, which a loaded machine may take long to do),
    # then load the form again: a page loaded with an active worker in scope is always controlled by it.
    w.d.set_script_timeout(90)
    ready = w.d.execute_async_script(
        "var done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true), e => done(String(e)));")
    assert ready is True, ready
    w.go("/report")
    wait(w.d, lambda: w.d.execute_script("return !!navigator.serviceWorker.controller"), "the service worker to control the page")
    relay.cut()
    w.d.get(base + "/report")
    return w


def file_report(w, text):
    Select(w.d.find_element(By.ID, "area")).select_by_value("GH1201")
    w.d.find_element(By.NAME, "indicator.CS05").click()
    w.d.find_element(By.ID, "description").send_keys(text)
    w.d.find_element(By.CSS_SELECTOR, "form[data-draft] button[type=submit]").click()


def test_a_report_written_without_signal_arrives_once(relayed):
    s, relay, base = relayed
    w = monitor_offline(s, relay, base)
    try:
        # No signal: the form still opens, and a report sent is kept on the phone with its state shown.
        assert w.d.find_element(By.ID, "description")
        text = f"Armed men seen near the market at dawn {time.time():.0f}"
        file_report(w, text)
        wait(w.d, lambda: "queued=1" in w.d.current_url and w.d.find_element(By.ID, "queued-note").is_displayed(), "the queued notice")
        wait(w.d, lambda: any(text[:40] in t for _, t in queue_items(w)), "the queue to show the report")
        assert [st for st, t in queue_items(w) if text[:40] in t] == ["waiting"]
        w.shot("02b-monitor-offline-queue")
        assert reports_like(s, text) == []
        # The signal returns: the page sends what waits, and the report arrives once.
        relay.restore()
        w.d.get_log("browser")  # the failed loads while cut are expected
        w.go("/report")
        wait(w.d, lambda: [st for st, _ in queue_items(w)] == ["sent"], "the queue to empty (the report shown as received)")
        assert len(reports_like(s, text)) == 1
        # An answer lost on the way back: the phone sends the same report again, and it is not stored twice.
        statuses = w.d.execute_async_script("""
            var done = arguments[arguments.length - 1], f = new FormData(document.querySelector("form[data-draft]"));
            f.set("description", "Twice sent " + arguments[0]); f.set("area", "GH1201"); f.set("indicator.CS05", "on");
            f.set("clientId", crypto.randomUUID());
            var body = new URLSearchParams(f), send = () => fetch("/report", {method: "POST", body: body}).then(r => r.status);
            send().then(a => send().then(b => done([a, b])));
        """, text)
        assert statuses == [201, 200], statuses
        assert len(reports_like(s, "Twice sent " + text)) == 1
    finally:
        w.quit()


def test_sign_out_on_a_shared_phone_wipes_drafts_and_asks_about_unsent_reports(relayed):
    s, relay, base = relayed
    w = monitor_offline(s, relay, base)
    try:
        # A draft half-written, and a report that could not be sent.
        text = f"Unsent on a shared phone {time.time():.0f}"
        file_report(w, text)
        wait(w.d, lambda: any(text[:30] in t for _, t in queue_items(w)), "the queue to show the report")
        w.d.find_element(By.ID, "description").send_keys("Draft about violence in the next village")
        # Signing out asks first: the report is not sent yet. Saying no keeps the person signed in.
        w.d.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button").click()
        WebDriverWait(w.d, 20).until(EC.alert_is_present())
        assert "not sent yet" in w.d.switch_to.alert.text
        w.d.switch_to.alert.dismiss()
        assert "/report" in w.d.current_url
        relay.restore()
        w.d.get_log("browser")
        # Saying yes (back online the report is sent first, so nothing is asked) signs out and wipes this phone.
        w.go("/report")
        wait(w.d, lambda: [st for st, _ in queue_items(w)] == ["sent"], "the queue to empty (the report shown as received)")
        assert len(reports_like(s, text)) == 1
        w.d.find_element(By.ID, "description").send_keys("Draft about violence in the next village")
        w.click(w.d.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"))
        # The next account on the same phone sees no draft, no queue and no cached form of the first.
        w.sign_in("coordinator.bawku", s.passwords["coordinator.bawku"])
        w.go("/report")
        assert w.d.find_element(By.ID, "description").get_attribute("value") == ""
        assert w.d.execute_script("return Object.keys(localStorage).filter(k => k.startsWith('agora-draft:')).length") == 0
        assert not queue_items(w)
    finally:
        w.quit()


def camera_photo(w, path):
    """A photo as a phone camera writes it: 3000×2000 pixels of JPEG (drawn by the browser), with an EXIF
    segment naming where it was taken put in after the start marker, as cameras do."""
    data = w.d.execute_async_script("""
        var done = arguments[arguments.length - 1], c = document.createElement("canvas");
        c.width = 3000; c.height = 2000;
        var g = c.getContext("2d");
        for (var i = 0; i < 400; i++) { g.fillStyle = "hsl(" + (i * 37 % 360) + ",70%,50%)"; g.fillRect((i * 97) % 3000, (i * 53) % 2000, 180, 120); }
        c.toBlob(b => b.arrayBuffer().then(a => done(Array.from(new Uint8Array(a)))), "image/jpeg", 0.95);
    """)
    jpeg = bytes(data)
    exif = b"Exif\x00\x00GPSLatitude 11.0601N GPSLongitude 0.2412W Model Galaxy A03"
    app1 = b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif
    path.write_bytes(jpeg[:2] + app1 + jpeg[2:])
    return path.stat().st_size


def jpeg_size(b):
    """Width and height from the first start-of-frame segment."""
    i = 2
    while i < len(b):
        marker, length = b[i + 1], int.from_bytes(b[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(b[i + 7:i + 9], "big"), int.from_bytes(b[i + 5:i + 7], "big")
        i += 2 + length
    return None


def test_a_photo_sent_with_signal_arrives_and_the_page_says_so(relayed, tmp_path):
    s, relay, base = relayed
    w = Walk(base, PHONE)
    try:
        w.sign_in("monitor.bawku", s.passwords["monitor.bawku"])
        w.go("/report")
        camera_photo(w, tmp_path / "IMG_0002.jpg")
        w.d.find_element(By.ID, "photo").send_keys(str(tmp_path / "IMG_0002.jpg"))
        wait(w.d, lambda: "1 photo" in w.d.find_element(By.ID, "photo-status").text, "the photo to be made smaller")
        text = f"Roadblock photographed on the Bolgatanga road {time.time():.0f}"
        file_report(w, text)
        wait(w.d, lambda: [st for st, t in queue_items(w) if text[:40] in t] == ["sent"], "the report to arrive")
        assert "Report received by" in queue_items(w)[0][1]
        [report] = reports_like(s, text)
        st, items = s.request("GET", f"/api/v1/reports/{report['id']}/attachments", token=s.token)
        assert st == 200 and len(items) == 1 and items[0]["size"] < 400_000, items
        w.check()
    finally:
        w.quit()


def test_a_photo_taken_without_signal_arrives_small_and_without_its_position(relayed, tmp_path):
    s, relay, base = relayed
    w = monitor_offline(s, relay, base)
    try:
        original = camera_photo(w, tmp_path / "IMG_0001.jpg")
        assert original > 300_000
        text = f"Burnt huts photographed at the river crossing {time.time():.0f}"
        w.d.find_element(By.ID, "photo").send_keys(str(tmp_path / "IMG_0001.jpg"))
        wait(w.d, lambda: "1 photo" in w.d.find_element(By.ID, "photo-status").text, "the photo to be made smaller")
        file_report(w, text)
        # With a photo the page keeps the report in the phone's queue itself (Chrome cannot send a file-backed
        # form again from the service worker) and stays, showing it waiting.
        wait(w.d, lambda: [st for st, t in queue_items(w) if text[:40] in t] == ["waiting"], "the report with its photo to wait")
        assert w.d.find_element(By.ID, "description").get_attribute("value") == ""  # the form is free for the next one
        assert reports_like(s, text) == []
        relay.restore()
        w.d.get_log("browser")
        w.go("/report")
        wait(w.d, lambda: [st for st, t in queue_items(w) if text[:40] in t] == ["sent"], "the report to arrive")
        assert "Report received by" in queue_items(w)[0][1]
        [report] = reports_like(s, text)
        st, items = s.request("GET", f"/api/v1/reports/{report['id']}/attachments", token=s.token)
        assert st == 200 and [a["kind"] for a in items] == ["photo"], items
        st, photo = s.request("GET", f"/api/v1/reports/{report['id']}/attachments/{items[0]['id']}", token=s.token)
        assert st == 200 and photo[:3] == b"\xff\xd8\xff"
        # Made small on the phone, and nothing in it says where it was taken or with what.
        assert len(photo) < original / 2 and max(jpeg_size(photo)) <= 1600, (len(photo), jpeg_size(photo))
        assert b"GPS" not in photo and b"Galaxy" not in photo
        # Whoever may read the report sees the photo on it; the public, nothing.
        w.go(f"/reports/{report['id']}")
        img = w.d.find_element(By.CSS_SELECTOR, ".media img")
        w.d.execute_script("arguments[0].scrollIntoView()", img)  # loaded lazily, as a phone on a data bundle wants
        wait(w.d, lambda: w.d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img) > 0, "the photo to show")
        st, _ = s.request("GET", f"/api/v1/reports/{report['id']}/attachments/{items[0]['id']}")
        assert st == 404
    finally:
        w.quit()
