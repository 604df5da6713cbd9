"""The OpenAPI document is valid, and what the running server answers validates against it."""
import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import SHARED


@pytest.fixture(scope="module")
def spec(demo_server):
    status, doc = demo_server.request("GET", "/api/v1/openapi.json")
    assert status == 200
    return doc


def check(spec, path_template, method, status, body):
    """Validates a body against the schema the document gives for that operation and status."""
    responses = spec["paths"][path_template][method.lower()]["responses"]
    assert str(status) in responses, f"{method} {path_template} answered {status}, which the document does not list"
    content = responses[str(status)].get("content", {}).get("application/json")
    if content is None or "schema" not in content:
        return
    registry = Registry().with_resource("urn:agora", Resource.from_contents(spec, default_specification=DRAFT202012))
    pointer = "/paths/" + path_template.replace("~", "~0").replace("/", "~1") + f"/{method.lower()}/responses/{status}/content/application~1json/schema"
    validator = Draft202012Validator({"$ref": "urn:agora#" + pointer}, registry=registry)
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    assert not errors, f"{method} {path_template} {status}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_the_document_is_valid_openapi_3_1(spec):
    validate(spec)
    assert spec["openapi"] == "3.1.0"


READS = [
    ("/healthz", "/healthz", 200),
    ("/readyz", "/readyz", 200),
    ("/api/v1/areas?level=admin1&country=GHA&limit=5", "/api/v1/areas", 200),
    ("/api/v1/areas?limit=0", "/api/v1/areas", 400),
    ("/api/v1/areas?level=province", "/api/v1/areas", 422),
    ("/api/v1/areas/GH1201", "/api/v1/areas/{code}", 200),
    ("/api/v1/areas/NOPE", "/api/v1/areas/{code}", 404),
    ("/api/v1/areas/lookup?lat=9.4&lon=-0.85", "/api/v1/areas/lookup", 200),
    ("/api/v1/areas/lookup?lat=9.4", "/api/v1/areas/lookup", 400),
    ("/api/v1/areas/KE023124/neighbours", "/api/v1/areas/{code}/neighbours", 200),
    ("/api/v1/bodies?level=national", "/api/v1/bodies", 200),
    ("/api/v1/bodies?area=GH1201", "/api/v1/bodies", 200),
    ("/api/v1/bodies?area=NOPE", "/api/v1/bodies", 404),
    ("/api/v1/bodies/GH-NPC", "/api/v1/bodies/{code}", 200),
    ("/api/v1/bodies/competent?area=GH1201-C001&topic=mediation", "/api/v1/bodies/competent", 200),
    ("/api/v1/bodies/competent?area=GH1201-C001&topic=peace", "/api/v1/bodies/competent", 422),
    ("/api/v1/bodies/GH-NPC/members", "/api/v1/bodies/{code}/members", 401),
    ("/api/v1/documents", "/api/v1/documents", 200),
    ("/api/v1/documents/count", "/api/v1/documents/count", 200),
    ("/api/v1/documents?classification=secret", "/api/v1/documents", 422),
    ("/api/v1/reporters", "/api/v1/reporters", 401),
    ("/api/v1/people/me", "/api/v1/people/me", 401),
    ("/api/v1/audit/verify", "/api/v1/audit/verify", 401),
    ("/api/v1/organisations", "/api/v1/organisations", 200),
    ("/api/v1/organisations/WANEP", "/api/v1/organisations/{code}", 200),
    ("/api/v1/organisations/WANEP-GH/identity", "/api/v1/organisations/{code}/identity", 200),
    ("/api/v1/organisations/duplicates?name=WANEP%20Ghana", "/api/v1/organisations/duplicates", 200),
    ("/api/v1/bodies/GH-NPC/accreditation-scheme", "/api/v1/bodies/{code}/accreditation-scheme", 200),
    ("/api/v1/bodies/GH-DPC-BAWKU/accreditation-scheme", "/api/v1/bodies/{code}/accreditation-scheme", 404),
    ("/api/v1/accreditations?body=GH-NPC", "/api/v1/accreditations", 200),
    ("/api/v1/accreditations?status=lapsed", "/api/v1/accreditations", 422),
    ("/api/v1/responsiveness", "/api/v1/responsiveness", 200),
    ("/api/v1/forums", "/api/v1/forums", 200),
    ("/api/v1/incidents?limit=5", "/api/v1/incidents", 200),
    ("/api/v1/incidents?cursor=Yzpub3BpcGU", "/api/v1/incidents", 400),  # a well-formed cursor of the wrong shape
]


@pytest.mark.parametrize("url,template,expected", READS)
def test_reads_answer_as_documented(demo_server, spec, url, template, expected):
    status, body = demo_server.request("GET", url)
    assert status == expected, body
    check(spec, template, "GET", status, body)


def test_writes_answer_as_documented(demo_server, spec):
    t = demo_server.token
    status, body = demo_server.request("POST", "/api/v1/areas", {"code": "GH1201-C777", "name": "Zongoyire", "level": "community",
                                                                "parent": "GH1201", "centroid": {"lat": 11.07, "lon": -0.23}}, token=t)
    assert status == 201, body
    check(spec, "/api/v1/areas", "POST", status, body)
    status, body = demo_server.request("POST", "/api/v1/areas", {"code": "GH1201-C777", "name": "Again", "level": "community", "parent": "GH1201"}, token=t)
    assert status == 409
    check(spec, "/api/v1/areas", "POST", status, body)
    status, body = demo_server.request("PATCH", "/api/v1/areas/GH1201-C777", {"names": {"fr": "Zongoyiré"}}, token=t)
    assert status == 200 and body["names"] == {"fr": "Zongoyiré"} and body["name"] == "Zongoyire"
    check(spec, "/api/v1/areas/{code}", "PATCH", status, body)
    status, body = demo_server.request("POST", "/api/v1/areas", {"code": "GH1201-C778", "name": "Bad", "level": "community", "parent": "GH1201",
                                                                "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]}}, token=t)
    assert status == 422 and body["field"].startswith("geometry")
    check(spec, "/api/v1/areas", "POST", status, body)

    body_in = {"code": "GH-CPC-ZONGO", "name": "Zongoyire Community Peace Committee", "level": "community", "kind": "peace-committee",
               "parent": "GH-DPC-BAWKU", "jurisdiction": ["GH1201-C777"], "topics": ["early-warning", "dialogue"]}
    status, body = demo_server.request("POST", "/api/v1/bodies", body_in)
    assert status == 401
    check(spec, "/api/v1/bodies", "POST", status, body)
    status, body = demo_server.request("POST", "/api/v1/bodies", body_in, token=t)
    assert status == 201, body
    check(spec, "/api/v1/bodies", "POST", status, body)
    status, body = demo_server.request("GET", "/api/v1/bodies/competent?area=GH1201-C777&topic=early-warning")
    assert [b["code"] for b in body["chain"]][:3] == ["GH-CPC-ZONGO", "GH-DPC-BAWKU", "GH-RPC-UE"]
    status, body = demo_server.request("PATCH", "/api/v1/bodies/GH-CPC-ZONGO", {"topics": ["dialogue"]}, token=t)
    assert status == 200 and body["topics"] == ["dialogue"]
    check(spec, "/api/v1/bodies/{code}", "PATCH", status, body)
    status, body = demo_server.request("POST", "/api/v1/bodies/GH-CPC-ZONGO/members", {"name": "M. Azure", "categories": ["youth"]}, token=t)
    assert status == 201
    check(spec, "/api/v1/bodies/{code}/members", "POST", status, body)
    status, body = demo_server.request("GET", "/api/v1/bodies/GH-CPC-ZONGO/members", token=t)
    check(spec, "/api/v1/bodies/{code}/members", "GET", status, body)
    status, body = demo_server.request("POST", "/api/v1/organisations", {"code": "ZONGO-YOUTH", "name": "Zongoyire Youth Association", "kind": "cso", "country": "GHA"}, token=t)
    assert status == 201
    check(spec, "/api/v1/organisations", "POST", status, body)
    status, body = demo_server.request("POST", "/api/v1/areas/GH1201-C777/neighbours", {"neighbour": "GH1201-C001"}, token=t)
    assert status == 204
    status, body = demo_server.request("GET", "/api/v1/areas/GH1201-C001/neighbours")
    assert {"area": {"code": "GH1201-C777", "name": "Zongoyire", "level": "community"}, "kind": "declared", "crossBorder": False} in body


def test_the_demo_prints_where_it_is_and_how_to_sign_in(demo_server):
    text = demo_server.stdout_path.read_text()
    assert demo_server.base + "/" in text
    assert demo_server.base + "/sign-in" in text
    assert len(demo_server.passwords) == 10


@pytest.mark.skipif(not (SHARED / "boundaries").exists(), reason="../shared/data/boundaries is absent")
def test_the_demo_uses_the_real_shapes(demo_server):
    status, body = demo_server.request("GET", "/api/v1/areas/lookup?lat=11.8311&lon=13.1510")  # Maiduguri
    assert body["area"]["code"] == "NG008"
    status, body = demo_server.request("GET", "/api/v1/areas/KE040/neighbours")
    assert any(n["area"]["code"] == "UGA" and n["crossBorder"] for n in body)


def test_a_surge_of_reports_is_stored_whole_and_bad_ones_fail_alone(demo_server):
    """Reports arriving together share commits (group commit): each good one is answered 201 only
    once stored, a bad one gets its own 4xx, and the audit chain stays intact."""
    from concurrent.futures import ThreadPoolExecutor
    t = demo_server.token
    def submit(i):
        body = {"body": "GH-DPC-BAWKU", "area": "GH1201", "occurredOn": "2026-11-20", "description": f"surge report {i}", "indicators": ["GR03"]}
        if i % 10 == 7:
            body["indicators"] = ["NO-SUCH-INDICATOR"]
        return i, demo_server.request("POST", "/api/v1/reports", body, token=t)
    with ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(submit, range(120)))
    for i, (status, body) in results:
        if i % 10 == 7:
            assert status == 422 and body["field"].startswith("indicators"), body
        else:
            assert status == 201, body
    created = {body["id"] for i, (status, body) in results if status == 201}
    assert len(created) == 108
    for rid in list(created)[:10]:
        status, body = demo_server.request("GET", f"/api/v1/reports/{rid}", token=t)
        assert status == 200 and body["description"].startswith("surge report")
    status, body = demo_server.request("GET", "/api/v1/audit/verify", token=t)
    assert status == 200 and body["intact"] is True and body["checked"] >= 108, body


def test_the_accreditation_register_is_valid_hxl(demo_server):
    """The register's HXL export, read by libhxl as humanitarian tools read it: the tags where the columns are."""
    import hxl
    s = demo_server
    rows = list(hxl.data(s.base + "/api/v1/accreditations.hxl.csv", hxl.InputOptions(allow_local=True)))
    ds = hxl.data(s.base + "/api/v1/accreditations.hxl.csv", hxl.InputOptions(allow_local=True))
    tags = [c.display_tag for c in ds.columns]
    assert tags[:3] == ["#org+accrediting+code", "#org+code", "#org+name"], tags
    assert "#date+end" in tags and "#status" in tags
    names = [r.get("#org+name") for r in rows]
    assert "WANEP-Ghana" in names, names
    suspended = [r for r in rows if r.get("#status") == "suspended"]
    assert suspended and "annual-update" in suspended[0].get("#description+suspensions"), [r.values for r in rows]
