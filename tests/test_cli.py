"""The command line: imports that fail say which file and where, and leave the store as it was."""
import json

import pytest

from conftest import SHARED, run_cli


def test_a_broken_boundary_file_names_the_feature_and_stores_nothing(agora_binary, tmp_path):
    good = {"type": "Feature", "properties": {"admin1Pcod": "GH12", "admin1Name": "Upper East", "admin0Pcod": "GH"},
            "geometry": {"type": "Polygon", "coordinates": [[[-1, 10], [0, 10], [0, 11], [-1, 10]]]}}
    bad = {"type": "Feature", "properties": {"admin1Pcod": "GH08", "admin1Name": "Northern", "admin0Pcod": "GH"},
           "geometry": {"type": "Polygon", "coordinates": [[[-1, 9], [0, 9], [200, 10], [-1, 9]]]}}
    path = tmp_path / "regions.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good, bad]}))
    r = run_cli(agora_binary, "areas", "import", str(path), data_dir=tmp_path)
    assert r.returncode != 0
    assert "regions.geojson: features[1].geometry.coordinates[0][2]" in r.stderr + r.stdout
    assert "nothing was stored" in r.stderr + r.stdout
    # The good feature did not land either: importing it alone now creates it (and Ghana, its parent, from the ISO table).
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good]}))
    r = run_cli(agora_binary, "areas", "import", str(path), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "2 created, 0 updated" in r.stdout


def test_a_pcode_list_with_an_unknown_parent_names_the_line(agora_binary, tmp_path):
    path = tmp_path / "pcodes.csv"
    path.write_text("Location,Admin Level,P-Code,Name,Parent P-Code\nGHA,1,GH12,Upper East,GHA\nGHA,2,GH1201,Bawku Municipal,GH99\n")
    r = run_cli(agora_binary, "areas", "import", str(path), data_dir=tmp_path)
    assert r.returncode != 0
    assert "line 3.parent: unknown area code 'GH99'" in r.stderr + r.stdout


@pytest.mark.skipif(not (SHARED / "boundaries").exists(), reason="../shared/data/boundaries is absent")
def test_real_files_import_from_the_command_line(agora_binary, tmp_path):
    b = SHARED / "boundaries"
    r = run_cli(agora_binary, "areas", "import", str(b / "ne_110m_admin0_countries_v4.1.0.geojson"), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "177 created" in r.stdout
    r = run_cli(agora_binary, "areas", "import", str(b / "nga_admin1_ocha_cod_20161215.geojson"), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "37 created" in r.stdout
    r = run_cli(agora_binary, "areas", "import", str(b / "ocha_global_pcodes_adm1_adm2.csv"), "--countries", "NGA", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "774 created, 37 updated" in r.stdout  # the LGAs are new; the states were there with shapes


def test_bodies_import_is_all_or_nothing(agora_binary, tmp_path):
    areas = tmp_path / "areas.csv"
    areas.write_text("Location,Admin Level,P-Code,Name,Parent P-Code\nGHA,1,GH12,Upper East,GHA\n")
    assert run_cli(agora_binary, "areas", "import", str(areas), data_dir=tmp_path).returncode == 0
    bodies = tmp_path / "bodies.json"
    bodies.write_text(json.dumps({"bodies": [
        {"code": "NPC", "name": "National Peace Council", "level": "national", "kind": "peace-council", "jurisdiction": ["GHA"], "topics": ["mediation"]},
        {"code": "RPC", "name": "Regional council", "level": "region", "kind": "peace-council", "parent": "NPC", "jurisdiction": ["GH99"], "topics": ["mediation"]},
    ]}))
    r = run_cli(agora_binary, "bodies", "import", str(bodies), data_dir=tmp_path)
    assert r.returncode != 0
    assert "bodies[1].jurisdiction[0]: unknown area code 'GH99'" in r.stderr + r.stdout
    fixed = json.loads(bodies.read_text())
    fixed["bodies"][1]["jurisdiction"] = ["GH12"]
    bodies.write_text(json.dumps(fixed))
    r = run_cli(agora_binary, "bodies", "import", str(bodies), data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "bodies 2 created, 0 updated" in r.stdout
