"""Channels for monitors against the built binary: the demo prints a curl line that sends a sample SMS; sent as
printed, it files a report with the demo reporter's council, channel `sms`, and the reply fits one SMS."""
import json
import re
import shlex
import urllib.request

import pytest

from conftest import start_server


@pytest.fixture(scope="module")
def sms_server(agora_binary):
    yield from start_server(agora_binary, {"AGORA_SMS_SECRET": "demo-secret"})


def send_printed_curl(line):
    """The banner's curl command, sent as curl would send it (no curl needed)."""
    args = shlex.split(line)
    url = next(a for a in args if a.startswith("http"))
    headers = dict(args[i + 1].split(": ", 1) for i, a in enumerate(args) if a == "-H")
    data = args[args.index("-d") + 1].encode()
    req = urllib.request.Request(url, data=data, method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read())


def test_the_demo_prints_an_sms_that_files_a_report(sms_server):
    s = sms_server
    line = re.search(r"^\s+SMS:\s+(curl .*)$", s.stdout_path.read_text(), re.M)
    assert line, s.stdout_path.read_text()
    status, answer = send_printed_curl(line.group(1))
    assert status == 200 and answer["reference"].startswith("R-") and answer["reference"] in answer["reply"], answer
    assert len(answer["reply"]) <= 160
    # Sent again (a gateway retrying): the same answer, no second report.
    assert send_printed_curl(line.group(1))[1] == answer
    status, page = s.request("GET", "/api/v1/reports?limit=200", token=s.token_for("coordinator.bawku"))
    sms = [r for r in page["items"] if r.get("channel") == "sms"]
    assert len(sms) == 1 and sms[0]["body"] == "GH-DPC-BAWKU" and sms[0]["sourceKind"] == "reporter", sms
    assert sms[0]["id"].upper().startswith(answer["reference"][2:])
