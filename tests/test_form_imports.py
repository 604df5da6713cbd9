"""Form channels against the built binary: Kobo and ODK Central exports imported from the command line (all rows
checked first, errors by file and line, a second run adds nothing), XLSX and media included; and an XLSForm
uploaded to a running server, its XForm compared with what pyxform (ODK's reference converter, used here only)
makes of the same workbook."""
import json
import sqlite3
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, run_cli, start_server

FORMS = ROOT.parent / "shared" / "data" / "forms"
KOBO = FORMS / "kobotoolbox_submissions_export_sample.csv"
ODK = FORMS / "odk_central_submissions_export_sample.csv"
EXAMPLES = ROOT / "docs" / "examples"
# The smallest JPEG the server accepts, with an EXIF block naming a place (stripped on the way in).
JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 7]) + b"JFIF\0" + bytes([0xFF, 0xE1, 0, 12]) + b"Exif\0\0GPS1" + bytes([0xFF, 0xDA, 0, 3]) + b"S" + b"img" + bytes([0xFF, 0xD9])


def need(path):
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/data/forms)")


@pytest.fixture()
def demo_dir(agora_binary, tmp_path):
    assert run_cli(agora_binary, "demo", data_dir=tmp_path).returncode == 0
    return tmp_path


def reports(data_dir):
    with sqlite3.connect(data_dir / "agora.sqlite") as db:
        return db.execute("SELECT id, channel, body_code, area_code, source_reference FROM reports WHERE channel = 'import' ORDER BY source_reference").fetchall()


def test_a_kobo_export_is_imported_once_and_a_bad_row_stops_all(agora_binary, demo_dir, tmp_path):
    need(KOBO)
    args = ["reports", "import", "kobo", str(KOBO), "--map", str(EXAMPLES / "kobo-mapping.json"), "--body", "GH-DPC-BAWKU"]
    # (The console writes errors to stdout.) With the point mapped, the third submission's longitude (-199) stops the whole file, named by file and line.
    mapping = json.loads((EXAMPLES / "kobo-mapping.json").read_text())
    mapping["location"] = {"lat": "_Please record the location of your local ecosystem._latitude",
                           "lon": "_Please record the location of your local ecosystem._longitude"}
    (tmp_path / "with-point.json").write_text(json.dumps(mapping))
    bad = run_cli(agora_binary, *args[:4], "--map", str(tmp_path / "with-point.json"), "--body", "GH-DPC-BAWKU", data_dir=demo_dir)
    assert bad.returncode != 0 and "kobotoolbox_submissions_export_sample.csv: line 4." in bad.stdout and "-199.058787" in bad.stdout, bad.stdout
    assert reports(demo_dir) == []
    # A misspelt key in the mapping is named, not ignored.
    mapping = json.loads((EXAMPLES / "kobo-mapping.json").read_text())
    mapping["ocurredOn"] = mapping.pop("occurredOn")
    (tmp_path / "typo.json").write_text(json.dumps(mapping))
    typo = run_cli(agora_binary, *args[:4], "--map", str(tmp_path / "typo.json"), "--body", "GH-DPC-BAWKU", data_dir=demo_dir)
    assert typo.returncode != 0 and "typo.json: mapping.ocurredOn" in typo.stdout, typo.stdout

    first = run_cli(agora_binary, *args, data_dir=demo_dir)
    assert first.returncode == 0 and "imported 3, already there 0" in first.stdout, first.stdout + first.stderr
    stored = reports(demo_dir)
    assert [r[4] for r in stored] == ["odk:3af4d0cd-fd74-4907-a952-70c4f3578433", "odk:92eb7237-89d6-4a15-aa71-09ec99279bbb",
                                      "odk:d18d0d37-fdd1-4c5f-8d37-cbc86e935322"]
    assert {r[2] for r in stored} == {"GH-DPC-BAWKU"} and sorted(r[3] for r in stored) == ["GH1201", "GH1201", "GH1202"]
    again = run_cli(agora_binary, *args, data_dir=demo_dir)
    assert again.returncode == 0 and "imported 0, already there 3" in again.stdout
    assert len(reports(demo_dir)) == 3


def test_an_odk_export_as_xlsx_brings_its_photo(agora_binary, demo_dir, tmp_path):
    need(ODK)
    openpyxl = pytest.importorskip("openpyxl")
    import csv
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in csv.reader(ODK.open(encoding="utf-8-sig")):
        ws.append(row)
    wb.save(tmp_path / "odk.xlsx")
    media = tmp_path / "media"
    media.mkdir()
    (media / "download-9_30_30.jpeg").write_bytes(JPEG)
    args = ["reports", "import", "odk", str(tmp_path / "odk.xlsx"), "--map", str(EXAMPLES / "odk-central-mapping.json"), "--body", "GH-DPC-BAWKU"]
    missing = run_cli(agora_binary, *args, "--media", str(tmp_path), data_dir=demo_dir)
    assert missing.returncode != 0 and "odk.xlsx: line 2.photo" in missing.stdout, missing.stdout
    done = run_cli(agora_binary, *args, "--media", str(media), data_dir=demo_dir)
    assert done.returncode == 0 and "imported 2" in done.stdout, done.stdout + done.stderr
    with sqlite3.connect(demo_dir / "agora.sqlite") as db:
        files = db.execute("SELECT data FROM report_attachments").fetchall()
    assert len(files) == 1 and b"GPS" not in files[0][0]
    # The same submissions as CSV are the same reports.
    csv_run = run_cli(agora_binary, "reports", "import", "odk", str(ODK), "--map", str(EXAMPLES / "odk-central-mapping.json"),
                      "--body", "GH-DPC-BAWKU", data_dir=demo_dir)
    assert csv_run.returncode == 0 and "imported 0, already there 2" in csv_run.stdout


@pytest.fixture(scope="module")
def form_server(agora_binary):
    yield from start_server(agora_binary)


def xlsform(path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    for row in [["type", "name", "label::English (en)", "label::French (fr)", "required", "relevant", "constraint"],
                ["start", "start", "", "", "", "", ""],
                ["begin group", "incident", "Incident", "Incident", "", "", ""],
                ["select_multiple threats", "threat", "What threatens the peace?", "Qu'est-ce qui menace la paix ?", "yes", "", ""],
                ["text", "threat_other", "Other threat", "Autre menace", "", "selected(${threat}, 'other')", ""],
                ["end group", "", "", "", "", "", ""],
                ["select_one places", "place", "Where?", "Où ?", "yes", "", ""],
                ["integer", "killed", "Killed", "Tués", "", "", ". >= 0"],
                ["date", "day", "When?", "Quand ?", "yes", "", ""],
                ["geopoint", "point", "Point", "Point", "", "", ""],
                ["text", "story", "What happened?", "Que s'est-il passé ?", "yes", "", ""],
                ["image", "picture", "Photo", "Photo", "", "", ""]]:
        survey.append(row)
    choices = wb.create_sheet("choices")
    for row in [["list_name", "name", "label::English (en)", "label::French (fr)"], ["threats", "cattle", "Cattle rustling", "Vol de bétail"],
                ["threats", "other", "Other", "Autre"], ["places", "bawku", "Bawku", "Bawku"], ["places", "pusiga", "Pusiga", "Pusiga"]]:
        choices.append(row)
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "form_title", "version"])
    settings.append(["wanep_incident", "WANEP incident", "2026113001"])
    wb.save(path)


def multipart(fields, files):
    boundary = "pytest-" + uuid.uuid4().hex
    out = b""
    for k, v in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    for k, (name, data) in files.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n\r\n'.encode() + data + b"\r\n"
    return out + f"--{boundary}--\r\n".encode(), boundary


def leaves(xml):
    """Instance leaves and bind types of an XForm, by path below the root."""
    ns = {"x": "http://www.w3.org/2002/xforms", "h": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(xml)
    data = root.find("h:head/x:model/x:instance", ns)[0]
    paths = []

    def walk(node, prefix):
        for c in node:
            name = c.tag.split("}")[-1]
            p = f"{prefix}/{name}"
            if len(c):
                walk(c, p)
            else:
                paths.append(p)
    walk(data, "")
    binds = {b.get("nodeset").split("/", 2)[2]: b.get("type") for b in root.iter("{http://www.w3.org/2002/xforms}bind")}
    return paths, binds


def test_an_xlsform_converts_as_pyxform_does_and_is_offered_to_collect(form_server, tmp_path):
    pyxform = pytest.importorskip("pyxform")
    from pyxform.xls2xform import convert
    path = tmp_path / "incident.xlsx"
    xlsform(path)
    reference = convert(xlsform=str(path), validate=False).xform
    mapping = json.dumps({"uuid": "meta/instanceID", "indicators": {"field": "threat", "values": {"cattle": "CS04", "other": ""}},
                          "area": {"field": "place", "values": {"bawku": "GH1201", "pusiga": "GH1202"}}, "location": {"field": "point"},
                          "occurredOn": "day", "killed": "killed", "description": ["story"], "photo": "picture"})
    body, boundary = multipart({"mapping": mapping, "body": "GH-DPC-BAWKU"}, {"xlsform": ("incident.xlsx", path.read_bytes())})
    s = form_server
    req = urllib.request.Request(s.base + "/api/v1/forms", data=body, method="POST", headers={
        "Authorization": "Bearer " + s.token_for("coordinator.bawku"), "Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.status == 201
    token = s.token_for("monitor.bawku")
    with urllib.request.urlopen(f"{s.base}/openrosa/key/{token}/forms/wanep_incident.xml", timeout=30) as r:
        ours = r.read().decode()
    ref_paths, ref_binds = leaves(reference)
    our_paths, our_binds = leaves(ours)
    # The same instance (pyxform adds meta/instanceID too) and the same types for every question.
    assert our_paths == ref_paths, (our_paths, ref_paths)
    assert {k: v for k, v in our_binds.items() if k in ref_binds} == ref_binds, (our_binds, ref_binds)
