"""axe-core (4.12, as bundled by axe-playwright-python, installed without its Playwright dependency: only the
script is used) on the key pages of every role, at phone and desktop sizes, on the lively demo: no serious
or critical violation."""
import importlib.util
import os

import pytest

from conftest import start_server
from test_browser import DESKTOP, PHONE, Walk

spec = importlib.util.find_spec("axe_playwright_python")
AXE = os.path.join(os.path.dirname(spec.origin), "axe.min.js") if spec else None
if not AXE or not os.path.exists(AXE):
    pytest.skip("axe-core is missing: pip install --no-deps axe-playwright-python (scripts/test does)", allow_module_level=True)

PUBLIC = ["/", "/how-to-report", "/report", "/receipt?code=0000-0000-0000", "/bodies", "/bodies/GH-DPC-BAWKU", "/alerts", "/statistics"]
ANALYST = ["/", "/queue", "/incidents", "/risk", "/risk/GH1201", "/alerts", "/alerts/new", "/cases"]
COORDINATOR = ["/", "/cases", "/report"]


@pytest.fixture(scope="module")
def lively(agora_binary):
    yield from start_server(agora_binary, {"AGORA_DEMO_ACTIVITY": "on", "AGORA_ANONYMOUS_REPORTS": "1"})


def violations(w, path):
    w.go(path)
    w.d.execute_script(open(AXE, encoding="utf-8").read())
    found = w.d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return [f"{path}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_key_pages_have_no_serious_accessibility_violation(lively, size):
    s = lively
    problems = []
    w = Walk(s.base, size)
    try:
        for p in PUBLIC:
            problems += violations(w, p)
        w.sign_in("analyst.npc", s.passwords["analyst.npc"])
        st, alerts = s.request("GET", "/api/v1/alerts?state=issued", token=s.token_for("analyst.npc"))
        case = alerts["items"][0]["responseCase"]
        for p in ANALYST + [f"/cases/{case}", f"/alerts/{alerts['items'][0]['id']}"]:
            problems += violations(w, p)
    finally:
        w.quit()
    w = Walk(s.base, size)
    try:
        w.sign_in("coordinator.bawku", s.passwords["coordinator.bawku"])
        for p in COORDINATOR + [f"/cases/{case}"]:
            problems += violations(w, p)
    finally:
        w.quit()
    assert not problems, "\n".join(problems)
