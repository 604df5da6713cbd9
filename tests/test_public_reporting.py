"""A member of the public reports without an account, keeps a receipt, and later asks what became of the report;
"How to report" tells them whom to call or text."""
import re
import time
import urllib.parse

import pytest

from conftest import start_server
from test_browser import PHONE, Walk

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


@pytest.fixture(scope="module")
def open_installation(agora_binary):
    yield from start_server(agora_binary, {"AGORA_ANONYMOUS_REPORTS": "1"})


def test_the_public_reports_from_a_phone_and_checks_the_receipt(open_installation):
    s = open_installation
    w = Walk(s.base, PHONE)
    try:
        # How to report: each body's phone, SMS and office, dialable from the phone.
        w.go("/how-to-report")
        body = w.text()
        assert "Bawku Municipal District Peace Council" in body and "+000 20 000 0101" in body and "1412" in body
        assert w.d.find_element(By.CSS_SELECTOR, "a[href='tel:+000200000101']")
        assert w.d.find_element(By.CSS_SELECTOR, "a[href='sms:1412']")
        w.shot("20-public-how-to-report")
        w.click(w.d.find_element(By.LINK_TEXT, "Report without an account"))
        # The public form: no account, no queue, no body to choose.
        assert "Report violence or tension" in w.text()
        assert not w.d.find_elements(By.ID, "body") and not w.d.find_elements(By.ID, "queue")
        # The list of places is long: a search box narrows it.
        search = w.d.find_element(By.ID, "area-search")
        search.send_keys("bawku")
        shown = w.d.execute_script("return [...document.querySelectorAll('#area option')].filter(o => !o.hidden && o.value).map(o => o.label)")
        assert shown and all("bawku" in x.lower() for x in shown), shown
        text = f"Stones thrown at the bus station in Bawku {time.time():.0f}"
        w.d.find_element(By.NAME, "indicator.CS05").click()
        w.d.find_element(By.ID, "description").send_keys(text)
        Select(w.d.find_element(By.ID, "area")).select_by_value("GH1201")
        w.submit("form[data-draft]")
        code = w.d.find_element(By.ID, "receipt-code").text
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code), code
        assert "reached Bawku Municipal District Peace Council" in w.text()
        w.shot("21-public-report-receipt")
        # Checked later, typed loosely: waiting for an analyst.
        w.go("/receipt?code=" + urllib.parse.quote(code.lower().replace("-", " ")))
        assert "Received: waiting for an analyst" in w.text() and "Bawku Municipal District Peace Council" in w.text()
        assert text not in w.text()
        # An analyst verifies it; the receipt says so, and nothing of the report.
        analyst = s.token_for("analyst.npc")
        st, queue = s.request("GET", "/api/v1/reports/queue?limit=500", token=analyst)
        mine = [r for r in queue["items"] if r["description"] == text]
        assert len(mine) == 1 and mine[0]["sourceKind"] == "anonymous" and mine[0]["classification"] == "restricted"
        st, _ = s.request("POST", f"/api/v1/reports/{mine[0]['id']}/verify", {}, token=analyst)
        assert st == 200
        w.go("/receipt?code=" + code)
        assert "Verified" in w.text()
        w.shot("22-public-receipt-verified")
        st, answer = s.request("GET", "/api/v1/receipts/" + code)
        assert st == 200 and answer["status"] == "verified" and answer["body"] == "GH-DPC-BAWKU" and set(answer) == {"status", "body", "receivedOn"}
        w.go("/receipt?code=0000-0000-0000")
        assert "No report has this receipt code" in w.text()
        st, _ = s.request("GET", "/api/v1/receipts/0000-0000-0000")
        assert st == 404
    finally:
        w.quit()


def test_public_reports_are_limited_per_address_and_contacts_are_checked(open_installation):
    s = open_installation
    today = time.strftime("%Y-%m-%d", time.gmtime())
    statuses = []
    for i in range(7):
        st, r = s.request("POST", "/api/v1/reports", {"area": "GH1201", "occurredOn": today, "indicators": ["CS05"], "description": f"Tension {i}"})
        statuses.append(st)
        if st == 201:
            assert r["receipt"] and set(r) == {"id", "status", "message", "receipt"}, r
    assert 429 in statuses and statuses.count(201) <= 5, statuses  # one address shares 5 per 10 minutes with the browser test
    # A body's contact: checked field by field, and a refused change leaves what was stored.
    admin = s.token
    st, err = s.request("PATCH", "/api/v1/bodies/GH-DPC-BAWKU", {"contact": {"phone": "call me", "email": "nobody"}}, token=admin)
    assert st == 422 and {i["field"] for i in err["issues"]} == {"bodies[0].contact.phone", "bodies[0].contact.email"}, err
    st, b = s.request("GET", "/api/v1/bodies/GH-DPC-BAWKU")
    assert b["contact"]["phone"] == "+000 20 000 0101"
    st, b = s.request("PATCH", "/api/v1/bodies/GH-DPC-BAWKU", {"contact": {"phone": "+233 38 222 0000", "sms": ""}}, token=admin)
    assert st == 200 and b["contact"] == {"phone": "+233 38 222 0000"}, b
    st, err = s.request("PATCH", "/api/v1/bodies/GH-DPC-BAWKU", {"contact": {"fax": "1"}}, token=admin)
    assert st in (400, 422) and "fax" in str(err), err
