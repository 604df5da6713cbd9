#!/usr/bin/env python3
"""Writes Sources/App/OpenAPI/openapi.json, the OpenAPI 3.1 document the server serves (a resource of the App
target). Edit this file, run it, commit both; `--check` (in scripts/test) fails when the JSON differs from what
this script makes. Tests check the document lists exactly the served routes and that real answers validate
against it."""
import json
import os
import sys

def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def page(n): return {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref(n)},
                     "nextCursor": {"type": "string", "description": "Pass as `cursor` for the next page; absent on the last page."}}}
def ok(schema, desc="OK"): return {"description": desc, "content": {"application/json": {"schema": schema}}}
err = {"description": "Error, naming the field at fault", "content": {"application/json": {"schema": ref("Error")}}}
def errs(*codes): return {str(c): err for c in codes}
def pathp(name): return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
code_param, id_param = pathp("code"), pathp("id")
limit = {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}}
cursor = {"name": "cursor", "in": "query", "schema": {"type": "string"}}
def q(name, desc, enum=None, typ="string", required=False):
    s = {"type": typ}
    if enum: s["enum"] = enum
    return {"name": name, "in": "query", "required": required, "description": desc, "schema": s}
def body(schema): return {"required": True, "content": {"application/json": {"schema": schema}}}
signed = [{"apiToken": []}, {"session": []}]
S = lambda *a: {"type": "string", **({"enum": list(a)} if a else {})}
strs = {"type": "array", "items": {"type": "string"}}
strmap = {"type": "object", "additionalProperties": {"type": "string"}}
point = {"type": "object", "required": ["lat", "lon"], "properties": {"lat": {"type": "number", "minimum": -90, "maximum": 90},
                                                                     "lon": {"type": "number", "minimum": -180, "maximum": 180}}}
area_levels = ["country", "admin1", "admin2", "community"]
body_levels = ["community", "district", "region", "national", "sub-regional", "continental", "global"]
topics = ["early-warning", "response", "mediation", "dialogue", "small-arms", "ddr", "security-sector-reform", "elections",
          "natural-resources", "humanitarian", "human-rights", "cso-engagement"]
kinds = ["peace-council", "peace-committee", "early-warning-centre", "cso-network", "ministry", "state-agency", "regional-organisation", "organ", "un-body"]
org_kinds = ["cso", "government", "regional", "un", "private", "traditional", "religious"]
cats = ["state", "cso", "traditional", "religious", "women", "youth", "private-sector"]
roles = ["monitor", "analyst", "responder", "coordinator", "cso-liaison", "auditor", "body-admin"]
classes = ["public", "internal", "restricted", "confidential"]
shared_types = ["incident", "alert", "case", "risk-aggregate", "agreement-implementation", "weapon-lost-or-stolen", "ddr-aggregate"]

def obj(required, **props): return {"type": "object", "required": list(required), "properties": props}

schemas = {
    "Error": obj(["error", "reason", "issues"], error=S(), reason=S(), field=S(),
                 issues={"type": "array", "items": obj(["field", "message"], field=S(), message=S())}),
    "Health": obj(["status"], status=S(), database=S(), detail=S()),
    "Point": point,
    "SharingAgreement": obj(["id", "origin", "recipient", "purpose", "types", "maxClassification", "areas", "granularity", "place", "dates",
                             "retentionDays", "validFrom", "state"],
                            id=S(), origin=S(), recipient=S(), purpose=S(), types={"type": "array", "items": S(*shared_types)},
                            maxClassification=S(*classes), areas=strs, granularity=S("aggregate", "pseudonymised", "record"),
                            place=S("exact", "admin2", "admin1", "country"), dates=S("day", "week", "month"), retentionDays={"type": "integer"},
                            validFrom=S(), validUntil=S(), state=S("draft", "signed", "active", "suspended", "terminated"),
                            signedByOrigin=S(), signedByRecipient=S(), endedOn=S()),
    "FederationStatus": obj(["hub", "peers", "agreements", "figures", "peerFigures"], installation=S(), publicKey=S(), nats=S(), hub={"type": "boolean"}, peers=strs,
                            agreements={"type": "array", "items": obj(["id", "origin", "recipient", "state"], id=S(), origin=S(), recipient=S(), state=S())},
                            figures=obj(["pending", "published", "received", "quarantined"], pending={"type": "integer"}, published={"type": "integer"},
                                        received={"type": "integer"}, quarantined={"type": "integer"}, lastPublished=S(), oldestPending=S(), lastReceived=S()),
                            peerFigures={"type": "array", "items": obj(["peer", "name", "pending", "published", "received", "quarantined"],
                                                                         peer=S(), name=S(), pending={"type": "integer"}, published={"type": "integer"},
                                                                         oldestPending=S(), lastPublished=S(), received={"type": "integer"},
                                                                         lastReceived=S(), quarantined={"type": "integer"})},
                            link=obj(["connected", "changedAt"], connected={"type": "boolean"}, lastContact=S(), lastError=S(), changedAt=S())),
    "ReceivedRecord": obj(["origin", "recordType", "sharedID", "agreement", "kind", "country", "level", "payload", "firstReceivedAt", "receivedAt"],
                          origin=S(), recordType=S(), sharedID=S(), agreement=S(), kind=S(), country=S(), level=S(), payload={"type": "object"},
                          firstReceivedAt=S(), receivedAt=S(), agreementEndedOn=S()),
    "QuarantinedEvent": obj(["id", "subject", "reason", "receivedAt", "releasable"], id=S(), sender=S(), subject=S(), reason=S(), receivedAt=S(),
                            releasable={"type": "boolean", "description": "Kept with its signature: it can be checked again and released"}),
    "ReleasedEvent": obj(["id", "outcome", "origin", "event"], id=S(), outcome=S("applied", "held-already"), origin=S(), event=S()),
    "Form": obj(["id", "title", "version", "source", "mapping"], id=S(), title=S(), version=S(), source=S("builtin", "xlsform"), body=S(),
                mapping={"type": "object"}),
    "Area": obj(["code", "name", "names", "level", "country", "hasGeometry", "createdAt", "updatedAt"],
                code=S(), name=S(), names=strmap, level=S(*area_levels), parent=S(), country=S(), centroid=point,
                bbox={"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4}, hasGeometry={"type": "boolean"},
                source=S(), createdAt=S(), updatedAt=S(), geometry={"type": "object", "description": "GeoJSON MultiPolygon, with ?geometry=true"}),
    "AreaInput": {**obj([], code=S(), name=S(), names=strmap, level=S(*area_levels), parent=S(), centroid=point,
                        geometry={"type": "object", "description": "GeoJSON Polygon or MultiPolygon"}),
                  "description": "code, name and level are required when creating."},
    "AreaRef": obj(["code", "name", "level"], code=S(), name=S(), level=S()),
    "AreaPage": page("Area"),
    "Lookup": obj(["lat", "lon", "path", "containing"], lat={"type": "number"}, lon={"type": "number"}, area=ref("AreaRef"),
                  path={"type": "array", "items": ref("AreaRef")}, containing={"type": "array", "items": ref("AreaRef")}),
    "Neighbour": obj(["area", "kind", "crossBorder"], area=ref("AreaRef"), kind=S("computed", "declared"), crossBorder={"type": "boolean"}),
    "NeighbourInput": obj(["neighbour"], neighbour=S()),
    "Body": obj(["code", "name", "names", "level", "kind", "worldwide", "jurisdiction", "topics", "partners", "sharesRestrictedWith", "composition", "memberCount", "createdAt", "updatedAt"],
                code=S(), name=S(), names=strmap, level=S(*body_levels), kind=S(*kinds), organisation=S(), parent=S(), legalBasis=S(),
                description=S(), website=S(), worldwide={"type": "boolean"}, jurisdiction=strs, topics={"type": "array", "items": S(*topics)},
                partners=strs, sharesRestrictedWith=strs, contact=ref("BodyContact"), alertClassification=S(*classes),
                composition={"type": "object", "additionalProperties": {"type": "integer"}}, memberCount={"type": "integer"},
                createdAt=S(), updatedAt=S()),
    "BodyInput": obj(["code", "name", "level", "kind", "jurisdiction", "topics"], code=S(), name=S(), names=strmap, level=S(*body_levels),
                     kind=S(*kinds), organisation=S(), parent=S(), legalBasis=S(), description=S(), website=S(), jurisdiction=strs,
                     worldwide={"type": "boolean"}, topics={"type": "array", "items": S(*topics)}, partners=strs,
                     sharesRestrictedWith={**strs, "description": "Bodies that read this body's restricted records by partnership (installation administrators set it)"},
                     contact=ref("BodyContact"),
                     alertClassification={**S(*classes), "description": "What the body's alerts (proposals, the composer, an alert issued without one) are classified as until someone chooses; default restricted"}),
    "BodyContact": {"type": "object", "description": "How the public reaches the body. Sent, it replaces every field; an empty string clears one.",
                    "additionalProperties": False,
                    "properties": {"phone": {"type": "string", "maxLength": 32}, "sms": {"type": "string", "maxLength": 32, "description": "an SMS number or short code"},
                                   "email": {"type": "string", "maxLength": 254}, "address": {"type": "string", "maxLength": 300}}},
    "BodyPatch": {"type": "object", "description": "Any field of BodyInput except code; what is sent replaces what is stored."},
    "BodyRef": obj(["code", "name", "level"], code=S(), name=S(), level=S()),
    "BodyPage": page("Body"),
    "Competent": obj(["area", "areaPath", "topic", "chain", "explanation"], area=ref("AreaRef"), areaPath={"type": "array", "items": ref("AreaRef")},
                     topic=S(*topics), competent=ref("BodyRef"), chain={"type": "array", "items": ref("BodyRef")}, explanation=S()),
    "Organisation": obj(["code", "name", "kind", "createdAt", "updatedAt"], code=S(), name=S(), kind=S(*org_kinds), country=S(), website=S(),
                        createdAt=S(), updatedAt=S()),
    "OrganisationInput": obj(["code", "name", "kind"], code=S(), name=S(), kind=S(*org_kinds), country=S(), website=S()),
    "OrganisationPage": page("Organisation"),
    "Member": obj(["id", "body", "name", "categories"], id=S(), body=S(), name=S(), organisation=S(),
                  categories={"type": "array", "items": S(*cats)}, role=S(), since=S()),
    "MemberInput": obj(["name", "categories"], name=S(), organisation=S(), categories={"type": "array", "items": S(*cats)}, role=S(), since=S()),
    "RoleGrant": obj(["body", "role"], body=S(), role=S(*roles)),
    "Person": obj(["id", "username", "displayName", "installationAdmin", "disabled", "roles"], id=S(), username=S(), displayName=S(),
                  installationAdmin={"type": "boolean"}, disabled={"type": "boolean"}, roles={"type": "array", "items": ref("RoleGrant")}),
    "PersonInput": obj(["username", "displayName", "password"], username=S(), displayName=S(), password={"type": "string", "minLength": 10},
                       installationAdmin={"type": "boolean"}),
    "PersonPage": page("Person"),
    "PasswordInput": obj(["password"], password={"type": "string", "minLength": 10}),
    "Token": obj(["id", "name", "createdAt"], id=S(), name=S(), createdAt=S(), expiresAt=S(), lastUsedAt=S(), revokedAt=S(),
                 token={"type": "string", "description": "Only in the answer that creates the token."}),
    "TokenInput": obj(["name"], name=S(), expiresInDays={"type": "integer", "minimum": 1, "maximum": 3650}),
    "PasswordTokenInput": obj(["username", "password", "name"], username=S(), password=S(), name=S(),
                              expiresInDays={"type": "integer", "minimum": 1, "maximum": 3650}),
    "AuditEntry": obj(["seq", "at", "actor", "action", "recordType", "recordID", "contentHash", "prevHash", "hash"],
                      seq={"type": "integer"}, at=S(), actor=S(), action=S(), recordType=S(), recordID=S(), contentHash=S(), prevHash=S(), hash=S()),
    "AuditVerification": obj(["intact", "checked"], intact={"type": "boolean"}, checked={"type": "integer"}, firstBroken={"type": "integer"}, problem=S()),
    "AuditCheckpoint": obj(["seq", "hash", "at", "mac"], seq={"type": "integer"}, hash=S(), at=S(), mac=S()),
    "Reporter": obj(["id", "pseudonym", "body", "hasContact", "createdAt"], id=S(), pseudonym=S(), body=S(), hasContact={"type": "boolean"}, createdAt=S()),
    "ReporterPage": page("Reporter"),
    "Contact": obj([], name=S(), phone=S(), email=S()),
    "ReporterInput": obj(["body"], body=S(), pseudonym=S(), contact=ref("Contact")),
    "Document": obj(["id", "title", "summary", "body", "classification", "createdAt", "updatedAt"], id=S(), title=S(), summary=S(), body=S(),
                    classification=S(*classes), createdAt=S(), updatedAt=S()),
    "DocumentPage": page("Document"),
    "DocumentInput": obj(["title", "body", "classification"], title=S(), summary=S(), body=S(), classification=S(*classes),
                         grants=obj([], people=strs, bodies=strs)),
    "Harm": obj([], fatalities={"type": "integer", "minimum": 0}, injured={"type": "integer", "minimum": 0},
                displaced={"type": "integer", "minimum": 0}, propertyDamaged={"type": "boolean"}),
    "Report": obj(["id", "body", "classification", "status", "indicators", "occurredOn", "timePrecision", "area", "harm", "sourceKind", "createdAt"],
                  id=S(), body=S(), classification=S(*classes), status=S("unreviewed", "verified", "rejected", "duplicate"), indicators=strs,
                  eventType=S(), description={"type": "string", "description": "Absent for anonymous viewers unless marked public"},
                  occurredOn=S(), occurredAt=S(), timePrecision={"type": "integer", "enum": [1, 2, 3]}, area=S(),
                  lat={"type": "number"}, lon={"type": "number"}, geoPrecision={"type": "integer", "enum": [1, 2, 3]}, actors=strs, harm=ref("Harm"),
                  sourceKind=S(), reporter=S(), sourceReference=S(), createdAt=S(), reviewedAt=S(), reviewReason=S(), incident=S(), duplicateOf=S(),
                  channel=S("web", "api", "bulk", "sms", "ussd", "openrosa", "import"),
                  placement={**obj(["area", "level", "how"], area=S(), level=S(*area_levels), how=S("given", "point", "given-with-point"), reason=S()),
                             "description": "Only in the answer that stores the report: the level it landed at, how (given, point, given-with-point) and, when a point found only a country that has smaller areas without shapes, why — give `area` then"}),
    "ReportPage": page("Report"),
    "Attachment": obj(["id", "report", "kind", "contentType", "size", "sha256", "addedAt"], id=S(), report=S(), kind=S("photo", "audio"),
                      contentType={"type": "string", "description": "Read from the file's bytes: image/jpeg, image/png, audio/webm, audio/ogg, audio/mp4, audio/3gpp, audio/amr, audio/mpeg, audio/wav"},
                      size={"type": "integer"}, sha256={"type": "string", "description": "Of the stored file, after its metadata was removed"}, addedAt=S()),
    "ReportInput": obj(["indicators", "description", "occurredOn"], indicators=strs, eventType=S(), description={"type": "string", "maxLength": 20000},
                       occurredOn={"type": "string", "description": "YYYY-MM-DD"}, occurredAt={"type": "string", "description": "HH:MM"},
                       timePrecision={"type": "integer", "enum": [1, 2, 3]}, area=S(), lat={"type": "number"}, lon={"type": "number"},
                       geoPrecision={"type": "integer", "enum": [1, 2, 3]}, actors=strs, harm=ref("Harm"),
                       sourceKind=S("reporter", "monitor", "media", "partner", "anonymous"), reporter=S(), sourceReference=S(),
                       classification=S(*classes), body=S()),
    "Receipt": obj(["id", "status", "message"], id=S(), status=S(), message=S(),
                   receipt={"type": "string", "description": "An anonymous report's receipt code: shown once; GET /api/v1/receipts/{code} says what became of the report"}),
    "ReceiptStatus": obj(["status", "body", "receivedOn"], status=S("unreviewed", "verified", "rejected", "duplicate"),
                         body={"type": "string", "description": "the body the report reached"}, receivedOn={"type": "string", "format": "date"}),
    "Suggestion": obj(["report", "score", "days", "sharedIndicators"], report=S(), score={"type": "number"}, days={"type": "integer"},
                      kilometres={"type": "number"}, sharedIndicators=strs),
    "Incident": obj(["id", "body", "classification", "title", "occurredOn", "timePrecision", "harm", "indicators", "sourceName", "sources", "reports", "createdAt", "updatedAt"],
                    id=S(), body=S(), classification=S(*classes), title=S(), eventType=S(), description=S(), occurredOn=S(),
                    timePrecision={"type": "integer"}, area=S(), lat={"type": "number"}, lon={"type": "number"}, geoPrecision={"type": "integer"},
                    harm=ref("Harm"), actors=strs, indicators=strs, sourceName=S(), sourceEventID=S(), sources={"type": "integer"}, reports=strs,
                    createdAt=S(), updatedAt=S()),
    "IncidentPage": page("Incident"),
    "Framework": obj(["code", "names", "sectors"], code=S(), names=strmap, sectors={"type": "array", "items": obj(["code", "names", "indicators"],
                     code=S(), names=strmap, indicators={"type": "array", "items": obj(["code", "names", "kind", "weight", "topics"], code=S(), names=strmap,
                     kind=S("threat", "peace"), weight={"type": "number", "minimum": 0, "maximum": 10}, topics={"type": "array", "items": S(*topics)})})}),
    "SituationReport": obj(["id", "body", "classification", "area", "period", "periodStart", "periodEnd", "title", "narrative", "incidents", "createdAt"],
                           id=S(), body=S(), classification=S(*classes), area=S(), period=S("weekly", "monthly"), periodStart=S(), periodEnd=S(),
                           title=S(), narrative=S(), incidents=strs, createdAt=S()),
    "SituationReportPage": page("SituationReport"),
    "SituationReportInput": obj(["body", "area", "period", "periodStart", "title", "narrative"], body=S(), area=S(), period=S("weekly", "monthly"),
                                periodStart=S(), title=S(), narrative=S(), incidents=strs, classification=S(*classes)),
    "FrameworkSummary": obj(["code", "active"], code=S(), active={"type": "boolean"}),
    "DocumentCount": obj(["total", "byClassification"], total={"type": "integer"}, byClassification={"type": "object", "additionalProperties": {"type": "integer"}}),
}

risk_levels = ["low", "moderate", "high", "critical"]
cap_sev = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"]
num = {"type": "number"}
integer = {"type": "integer"}
boolean = {"type": "boolean"}
nstr = {"type": ["string", "null"]}
schemas.update({
    "RiskScore": obj(["area", "period", "score", "level", "pressure", "baseline", "surge", "spillover", "incidents", "fatalities", "neighbours"],
                     area=S(), period=S(), score=num, level=S(*risk_levels), pressure=num, baseline=num, surge=num, spillover=num, incidents=integer,
                     fatalities=integer, neighbours={"type": "array", "items": obj(["area", "surge", "contribution"], area=S(), surge=num, contribution=num)}),
    "RiskDriver": obj(["kind", "code", "contribution"], kind=S("indicator", "incident", "fatalities", "neighbour"), code=S(), name=S(), contribution=num),
    "AreaScore": obj(["area", "name", "level", "score"], area=S(), name=S(), level=S(*area_levels), score=ref("RiskScore")),
    "AreaRisk": obj(["area", "name", "score", "drivers", "trend"], area=S(), name=S(), score=ref("RiskScore"),
                    drivers={"type": "array", "items": ref("RiskDriver")},
                    trend={"type": "array", "items": obj(["period", "score", "level", "incidents", "fatalities"], period=S(), score=num,
                                                         level=S(*risk_levels), incidents=integer, fatalities=integer)}),
    "Recomputed": obj(["incidents", "cells", "revision", "milliseconds"], incidents=integer, cells=integer, revision=integer, milliseconds=integer),
    "ForecastDriver": obj(["feature", "contribution"], feature=S(), contribution=num),
    "StoredForecast": obj(["area", "horizon", "period", "fatal", "violent", "deaths", "deathsLow", "deathsHigh", "drivers", "model"],
                          area=S(), horizon=S("week", "month"), period=S(), fatal=num, violent=num, deaths=num, deathsLow=integer, deathsHigh=integer,
                          drivers={"type": "array", "items": ref("ForecastDriver")}, model=S()),
    "AreaForecast": obj(["area", "name", "level", "forecast"], area=S(), name=S(), level=S(*area_levels), forecast=ref("StoredForecast")),
    "ForecastScore": obj(["count", "baseRate", "brier", "logLoss", "reliability"], count=integer, baseRate=num, brier=num, brierSkill=num, auc=num,
                         logLoss=num, reliability={"type": "array", "items": obj(["from", "count"], **{"from": num}, count=integer, forecast=num, observed=num)}),
    "BacktestMethod": obj(["id", "name", "all", "onsets"], id=S(), name=S(), all=ref("ForecastScore"), onsets=ref("ForecastScore")),
    "Backtest": obj(["level", "horizon", "target", "areas", "from", "to", "folds", "methods", "deaths"], level=S(*area_levels), horizon=S("week", "month"),
                    target=S("fatal", "violent"), areas=integer, **{"from": S()}, to=S(), folds=integer,
                    methods={"type": "array", "items": ref("BacktestMethod")},
                    deaths=obj(["meanAbsoluteError", "climatologyError", "coverage"], meanAbsoluteError=num, climatologyError=num, coverage=num)),
    "ForecastRecord": obj(["level", "horizon"], level=S(*area_levels), horizon=S("week", "month"), trainedFrom=S(), trainedTo=S(), trainedAt=S(),
                          evaluation=obj([], backtest=ref("Backtest"), live=ref("ForecastScore"))),
    "ForecastTraining": obj(["models", "forecasts"], models=integer, forecasts=integer),
    "Settings": obj(["risk", "deadlines"],
                    risk=obj(["baselinePeriods", "fatalityWeight", "peaceWeight", "spillover", "defaultWeight", "thresholds", "proposeAt"],
                             baselinePeriods=integer, fatalityWeight=num, peaceWeight=num, spillover=num, defaultWeight=num,
                             thresholds={"type": "object", "additionalProperties": obj(["moderate", "high", "critical"], moderate=num, high=num, critical=num)},
                             proposeAt=S(*risk_levels),
                             proposeAtChance={"type": "number", "exclusiveMinimum": 0, "maximum": 1,
                                              "description": "From this chance of deadly violence ahead, forecasts propose alerts too; absent: never"}),
                    deadlines=obj(["acknowledge"], acknowledge={"type": "object", "additionalProperties": {"type": "integer"},
                                                                "description": "Seconds to acknowledge, by CAP severity"}),
                    stallMonths={"type": "integer", "minimum": 1, "maximum": 24,
                                 "description": "Months a stipulation's implementation score may stay still before it counts as stalled (3 when absent)"}),
    "AlertFields": {**obj([], body=S(), classification=S(*classes), status=S("Actual", "Exercise", "System", "Test", "Draft"),
                          categories={"type": "array", "items": S("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other")},
                          event=S(), responseTypes={"type": "array", "items": S("Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None")},
                          urgency=S("Immediate", "Expected", "Future", "Past", "Unknown"), severity=S(*cap_sev),
                          certainty=S("Observed", "Likely", "Possible", "Unlikely", "Unknown"), headline=S(), description=S(), instruction=S(),
                          areas=strs, areaDesc=S(), effective=S(), expires=S(), language=S(), indicators=strs, incidents=strs),
                    "description": "CAP 1.2 fields. To issue: areas, event, headline, urgency, severity and certainty."},
    "AlertInput": {"allOf": [ref("AlertFields"), obj([], msgType=S("Alert", "Update", "Cancel"), references=S(), reason=S())]},
    "Alert": obj(["id", "identifier", "body", "classification", "state", "msgType", "severity", "headline", "area", "fields", "createdBy", "createdAt", "updatedAt", "cap"],
                 id=S(), identifier=S(), body=S(), classification=S(*classes), state=S("proposed", "issued", "dismissed", "superseded", "cancelled"),
                 msgType=S("Alert", "Update", "Cancel"), refersTo=S(), responseCase=S(), sent=S(), severity=S(*cap_sev), headline=S(), area=S(),
                 fields=ref("AlertFields"), risk=obj(["score", "drivers"], score=ref("RiskScore"), drivers={"type": "array", "items": ref("RiskDriver")}),
                 reason=S(), createdBy=S(), createdAt=S(), updatedAt=S(), cap=S()),
    "AlertPage": page("Alert"),
    "Reason": obj(["reason"], reason=S()),
    "Case": obj(["id", "alert", "body", "firstBody", "classification", "status", "area", "severity", "openedAt", "updatedAt", "topics", "chain",
                 "escalations", "deadlineEscalations", "crossBorder", "overdue", "parties", "actions", "history"],
                id=S(), alert=S(), body=S(), firstBody=S(), classification=S(*classes), status=S("open", "acknowledged", "closed"), area=S(),
                severity=S(*cap_sev), openedAt=S(), updatedAt=S(), topics=strs, chain=strs, acknowledgeBy=S(), acknowledgedAt=S(), firstActionAt=S(),
                closedAt=S(), outcome=S("resolved", "contained", "worsened"), summary=S(), escalations=integer, deadlineEscalations=integer,
                crossBorder=boolean, overdue=boolean,
                parties={"type": "array", "items": obj(["body", "role"], body=S(), role=S("responsible", "was-responsible", "informed"))},
                actions={"type": "array", "items": obj(["id", "body", "kind", "description", "responsible", "due", "status", "createdBy", "createdAt"],
                                                       id=S(), body=S(), kind=S(), description=S(), responsible=S(), due=S(), status=S("planned", "done", "cancelled"),
                                                       createdBy=S(), createdAt=S(), result=S(), doneAt=S())},
                history={"type": "array", "items": obj(["seq", "at", "kind", "actor"], seq=integer, at=S(), kind=S(), actor=S(), **{"from": S()}, to=S(), reason=S(), note=S())}),
    "CasePage": page("Case"),
    "ActionInput": obj(["kind", "description", "responsible", "due"],
                       kind=S("dialogue", "mediation", "peace-monitors", "police-referral", "humanitarian-request", "public-message", "field-assessment", "other"),
                       description=S(), responsible=S(), due=S(), status=S("planned", "done"), result=S()),
    "CompleteInput": obj(["result"], result=S(), status=S("done", "cancelled")),
    "DeEscalateInput": obj(["to", "reason"], to=S(), reason=S()),
    "CloseInput": obj(["outcome", "summary"], outcome=S("resolved", "contained", "worsened"), summary=S(),
                      actions={"type": "array",
                               "description": "What becomes of each action still planned: every one must be decided, done or cancelled, with a result",
                               "items": {**obj(["id", "status", "result"], id=S(), status=S("done", "cancelled"), result=S()), "additionalProperties": False}}),
    "GapRow": obj(["key", "cases", "noResponseShare", "escalatedForDeadlineShare"], key=S(), cases=integer, medianSecondsToAcknowledge=num,
                  medianSecondsToFirstAction=num, medianSecondsToClose=num, noResponseShare=num, escalatedForDeadlineShare=num),
    "ResponseGap": obj(["total", "byBody", "byLevel"], **{"from": S()}, to=S(), total=ref("GapRow"), byBody={"type": "array", "items": ref("GapRow")},
                       byLevel={"type": "array", "items": ref("GapRow")}),
    "Subscription": obj(["id", "body", "channel", "target", "events", "active", "createdAt"], id=S(), body=S(), channel=S("webhook", "email"), target=S(),
                        events=strs, active=boolean, createdAt=S(), secret={"type": "string", "description": "Webhooks only, shown once"}),
    "SubscriptionInput": obj(["channel", "target"], channel=S("webhook", "email"), target=S(), events=strs),
    "Outbox": obj(["id", "subscription", "event", "status", "createdAt", "nextAttemptAt", "attempts"], id=S(), subscription=S(), event=S(),
                  status=S("pending", "delivered", "failed"), createdAt=S(), nextAttemptAt=S(), attempts=integer, lastError=S(), deliveredAt=S()),
    "DeliveryLog": obj(["notification", "attempts"], notification=ref("Outbox"),
                       attempts={"type": "array", "items": obj(["attempt", "at", "ok", "detail", "durationMs"], attempt=integer, at=S(), ok=boolean, detail=S(), durationMs=integer)}),
})

MEDIA_TYPES = ['image/jpeg', 'image/png', 'audio/webm', 'audio/ogg', 'audio/mp4', 'audio/3gpp', 'audio/amr', 'audio/mpeg', 'audio/wav', 'application/octet-stream']

def op(op_id, summary, responses, params=None, request=None, security=None):
    o = {"operationId": op_id, "summary": summary, "responses": responses}
    if params: o["parameters"] = params
    if request: o["requestBody"] = body(request)
    if security: o["security"] = security
    return o

report_filters = [q("status", "unreviewed, verified, rejected, duplicate"), q("area", "This area and every area below it"),
                  q("indicator", "Indicator code"), q("sector", "Sector code of the active framework"), q("from", "Occurred on or after, YYYY-MM-DD"), q("to", "Occurred on or before, YYYY-MM-DD"),
                  q("q", "Text in the description"),
                  q("source", "Where it came from: a report's source kind (reporter, monitor, media, partner, anonymous), an incident's source (e.g. ACLED, UCDP)"),
                  q("classification", "Classification", classes), limit, cursor]
alert_filters = [q("state", "proposed, issued, dismissed, superseded, cancelled"), q("area", "This area and every area below it"), q("body", "Issuing body"),
                 q("q", "Words in the headline (any case)")]
case_filters = [q("status", "open, acknowledged, closed"), q("body", "Body holding the case"), q("area", "This area and below"),
                q("severity", "CAP severity", ["Extreme", "Severe", "Moderate", "Minor", "Unknown"]),
                q("overdue", "1: open cases past a deadline (acknowledgement or a planned action)"),
                q("from", "Opened on or after, YYYY-MM-DD"), q("to", "Opened on or before, YYYY-MM-DD")]
EXPORT_LIMIT = 10000
csv_ok = {"description": "CSV", "content": {"text/csv": {}}}
doc_filters = [q("body", "Owning body code"), q("classification", "Classification", classes), q("q", "Text in the title or summary")]
paths = {
    "/healthz": {"get": op("health", "The process answers", {"200": ok(ref("Health"))})},
    "/readyz": {"get": op("ready", "The store answers and is migrated", {"200": ok(ref("Health")), "503": ok(ref("Health"), "Not ready")})},
    "/api/v1/openapi.json": {"get": op("openapi", "This document", {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {}}}})},
    "/api/v1/areas": {
        "get": op("listAreas", "List areas (public)", {"200": ok(ref("AreaPage")), **errs(400, 422)},
                  [q("level", "Area level", area_levels), q("parent", "Parent area code"), q("country", "ISO3 country code"), q("q", "Text in the name"), limit, cursor]),
        "post": op("createArea", "Create an area (installation administrators)", {"201": ok(ref("Area"), "Created"), **errs(400, 401, 403, 409, 422)},
                   request=ref("AreaInput"), security=signed)},
    "/api/v1/areas/lookup": {"get": op("lookupArea", "Which areas contain a point", {"200": ok(ref("Lookup")), **errs(400, 422)},
                                       [q("lat", "Latitude, decimal degrees", typ="number", required=True), q("lon", "Longitude, decimal degrees", typ="number", required=True)])},
    "/api/v1/areas/{code}": {"parameters": [code_param],
        "get": op("getArea", "One area", {"200": ok(ref("Area")), **errs(404)}, [q("geometry", "Include the GeoJSON geometry", typ="boolean")]),
        "patch": op("updateArea", "Change an area's name, names, parent, centroid or geometry", {"200": ok(ref("Area")), **errs(400, 401, 403, 404, 422)},
                    request=ref("AreaInput"), security=signed)},
    "/api/v1/areas/{code}/neighbours": {"parameters": [code_param],
        "get": op("areaNeighbours", "Areas whose borders touch this one, across country borders too", {"200": ok({"type": "array", "items": ref("Neighbour")}), **errs(404)}),
        "post": op("declareNeighbour", "Declare a neighbour", {"204": {"description": "Declared"}, **errs(400, 401, 403, 404)}, request=ref("NeighbourInput"), security=signed)},
    "/api/v1/bodies": {
        "get": op("listBodies", "List bodies (public directory)", {"200": ok(ref("BodyPage")), **errs(400, 404, 422)},
                  [q("level", "Body level", body_levels), q("kind", "Kind of body", kinds), q("topic", "Mandate topic", topics),
                   q("area", "Bodies whose jurisdiction covers this area"), q("parent", "Parent body code"), q("organisation", "Organisation code"),
                   q("q", "Text in the name"), limit, cursor]),
        "post": op("createBody", "Create a body (installation administrators)", {"201": ok(ref("Body"), "Created"), **errs(400, 401, 403, 409, 422)},
                   request=ref("BodyInput"), security=signed)},
    "/api/v1/bodies/competent": {"get": op("competentBody", "Which body is competent for this area and topic, and the chain upward",
                                           {"200": ok(ref("Competent")), **errs(400, 404, 422)},
                                           [q("area", "Area code", required=True), q("topic", "Topic", topics, required=True)])},
    "/api/v1/bodies/{code}": {"parameters": [code_param],
        "get": op("getBody", "One body", {"200": ok(ref("Body")), **errs(404)}),
        "patch": op("updateBody", "Change a body (its administrators, or installation administrators)", {"200": ok(ref("Body")), **errs(400, 401, 403, 404, 422)},
                    request=ref("BodyPatch"), security=signed)},
    "/api/v1/bodies/{code}/members": {"parameters": [code_param],
        "get": op("bodyMembers", "The people sitting on a body (for its own people and those above it)",
                  {"200": ok({"type": "array", "items": ref("Member")}), **errs(401, 403, 404)}, security=signed),
        "post": op("addMember", "Seat a member (body administrators)", {"201": ok(ref("Member"), "Created"), **errs(400, 401, 403, 404, 422)},
                   request=ref("MemberInput"), security=signed)},
    "/api/v1/organisations": {
        "get": op("listOrganisations", "List organisations", {"200": ok(ref("OrganisationPage")), **errs(400, 422)}, [q("kind", "Kind", org_kinds), limit, cursor]),
        "post": op("createOrganisation", "Create an organisation (installation administrators)", {"201": ok(ref("Organisation"), "Created"), **errs(400, 401, 403, 409, 422)},
                   request=ref("OrganisationInput"), security=signed)},
    "/api/v1/organisations/{code}": {"parameters": [code_param], "get": op("getOrganisation", "One organisation", {"200": ok(ref("Organisation")), **errs(404)})},
    "/api/v1/auth/token": {"post": op("tokenForPassword", "Exchange a username and password for an API token (rate-limited; locks after repeated failures)",
                                      {"201": ok(ref("Token"), "Created; the token is shown this once"), **errs(400, 401, 422, 429)}, request=ref("PasswordTokenInput"))},
    "/api/v1/tokens": {
        "get": op("listTokens", "Your API tokens (never their secrets)", {"200": ok({"type": "array", "items": ref("Token")}), **errs(401)}, security=signed),
        "post": op("createToken", "A new API token for yourself", {"201": ok(ref("Token"), "Created; the token is shown this once"), **errs(400, 401, 422)},
                   request=ref("TokenInput"), security=signed)},
    "/api/v1/tokens/{id}": {"parameters": [id_param],
        "delete": op("revokeToken", "Revoke a token (yours; installation administrators: anyone's)", {"204": {"description": "Revoked"}, **errs(401, 404)}, security=signed)},
    "/api/v1/people/me": {"get": op("me", "Who you are, with your roles", {"200": ok(ref("Person")), **errs(401)}, security=signed)},
    "/api/v1/people": {
        "get": op("listPeople", "Accounts (installation administrators)", {"200": ok(ref("PersonPage")), **errs(400, 401, 403)}, [limit, cursor], security=signed),
        "post": op("createPerson", "Create an account (installation administrators)", {"201": ok(ref("Person"), "Created"), **errs(400, 401, 403, 409, 422)},
                   request=ref("PersonInput"), security=signed)},
    "/api/v1/people/{id}": {"parameters": [id_param],
        "get": op("getPerson", "One account (yourself, or anyone for installation administrators)", {"200": ok(ref("Person")), **errs(401, 403, 404)}, security=signed)},
    "/api/v1/people/{id}/password": {"parameters": [id_param],
        "post": op("setPassword", "Set a new password; ends the account's sessions and tokens", {"204": {"description": "Changed"}, **errs(400, 401, 403, 404, 422)},
                   request=ref("PasswordInput"), security=signed)},
    "/api/v1/people/{id}/roles": {"parameters": [id_param],
        "post": op("grantRole", "Grant a role in a body (that body's administrators, or installation administrators)",
                   {"200": ok(ref("Person")), **errs(400, 401, 403, 404, 422)}, request=ref("RoleGrant"), security=signed)},
    "/api/v1/people/{id}/roles/{body}/{role}": {"parameters": [id_param, pathp("body"), pathp("role")],
        "delete": op("revokeRole", "Revoke a role", {"204": {"description": "Revoked"}, **errs(401, 403, 404, 422)}, security=signed)},
    "/api/v1/audit": {"get": op("auditTrail", "The audit trail of one record (auditors, installation administrators)",
                                {"200": ok({"type": "array", "items": ref("AuditEntry")}), **errs(400, 401, 403)},
                                [q("recordType", "area, body, organisation, person, api_token, reporter, document", required=True), q("recordID", "The record's id or code", required=True)],
                                security=signed)},
    "/api/v1/audit/head": {"get": op("auditHead", "The signed head of the audit chain (public): keep copies to detect entries cut off later",
                                     {"200": ok(ref("AuditCheckpoint"))})},
    "/api/v1/audit/verify": {"get": op("auditVerify", "Walk the hash chain and name the first broken entry", {"200": ok(ref("AuditVerification")), **errs(401, 403)}, security=signed)},
    "/api/v1/reporters": {
        "get": op("listReporters", "Reporters by pseudonym (members of the registering body and the bodies above it)",
                  {"200": ok(ref("ReporterPage")), **errs(400, 401)}, [q("body", "Registering body"), limit, cursor], security=signed),
        "post": op("createReporter", "Register a reporter; contact details are sealed at once", {"201": ok(ref("Reporter"), "Created"), **errs(400, 401, 403, 409, 422)},
                   request=ref("ReporterInput"), security=signed)},
    "/api/v1/reporters/{id}": {"parameters": [id_param], "get": op("getReporter", "One reporter, by pseudonym", {"200": ok(ref("Reporter")), **errs(404)})},
    "/api/v1/reporters/{id}/contact": {"parameters": [id_param],
        "post": op("openContact", "Open a reporter's contact details (coordinators of the reporter's body; audited)", {"200": ok(ref("Contact")), **errs(401, 403, 404)}, security=signed)},
    "/api/v1/documents": {
        "get": op("listDocuments", "Documents the caller may read", {"200": ok(ref("DocumentPage")), **errs(400, 422)}, doc_filters + [limit, cursor]),
        "post": op("createDocument", "File a document for a body", {"201": ok(ref("Document"), "Created"), **errs(400, 401, 403, 422)}, request=ref("DocumentInput"), security=signed)},
    "/api/v1/documents/count": {"get": op("countDocuments", "How many documents the caller may read, by classification", {"200": ok(ref("DocumentCount")), **errs(400, 422)}, doc_filters)},
    "/api/v1/documents/export.csv": {"get": op("exportDocuments", "CSV of the documents the caller may read (audited)",
                                               {"200": {"description": "CSV", "content": {"text/csv": {}}}, **errs(400, 422)}, doc_filters)},
    "/api/v1/frameworks": {
        "get": op("listFrameworks", "Indicator frameworks (public: anyone reporting needs to know them)", {"200": ok({"type": "array", "items": ref("FrameworkSummary")})}),
        "post": op("saveFramework", "Import or replace a framework; ?activate=false to keep the current one active (installation administrators)",
                   {"201": ok(ref("Framework"), "Saved"), **errs(400, 401, 403, 422)}, [q("activate", "Make it the active framework", typ="boolean")],
                   request=ref("Framework"), security=signed)},
    "/api/v1/frameworks/{code}": {"parameters": [code_param], "get": op("getFramework", "One framework, sectors and indicators", {"200": ok(ref("Framework")), **errs(404)})},
    "/api/v1/reports": {
        "get": op("listReports", "Reports the caller may read, newest first", {"200": ok(ref("ReportPage")), **errs(400, 422)}, report_filters),
        "post": op("createReport", "File a report (members of a body; anonymous when the installation allows it, rate-limited)",
                   {"201": ok({"oneOf": [ref("Report"), ref("Receipt")]}, "Filed"), **errs(400, 401, 403, 422, 429)}, request=ref("ReportInput"))},
    "/api/v1/reports/bulk": {"post": op("createReports", "File up to 1000 reports at once: all stored or none, each problem named reports[i].field",
                                        {"201": ok(obj(["created"], created=strs), "Filed"), **errs(400, 401, 403, 422)},
                                        request={"type": "array", "items": ref("ReportInput")}, security=signed)},
    "/api/v1/receipts/{code}": {"parameters": [code_param], "get": op(
        "checkReceipt", "What became of an anonymous report, by its receipt code: the status and the body only, never the report",
        {"200": ok(ref("ReceiptStatus")), **errs(404, 429)})},
    "/api/v1/reports/export.csv": {"get": op("exportReportsCSV", f"CSV of the reports the list shows, oldest first; `status=unreviewed` for the review queue (audited; more than {EXPORT_LIMIT} rows is a 422)",
                                             {"200": csv_ok, **errs(400, 422)}, report_filters[:-2])},
    "/api/v1/alerts/export.csv": {"get": op("exportAlertsCSV", f"CSV of the alerts the list shows (audited; more than {EXPORT_LIMIT} rows is a 422)",
                                            {"200": csv_ok, **errs(400, 422)}, alert_filters)},
    "/api/v1/reports/queue": {"get": op("reviewQueue", "Unreviewed reports the caller may read, oldest first", {"200": ok(ref("ReportPage")), **errs(400, 401, 422)},
                                        report_filters, security=signed)},
    "/api/v1/reports/{id}": {"parameters": [id_param], "get": op("getReport", "One report, if the caller may read it", {"200": ok(ref("Report")), **errs(404)})},
    "/api/v1/reports/{id}/duplicates": {"parameters": [id_param],
        "get": op("suggestDuplicates", "Reports close in time and space with shared indicators", {"200": ok({"type": "array", "items": ref("Suggestion")}), **errs(404)})},
    "/api/v1/reports/{id}/attachments": {"parameters": [id_param],
        "get": op("listAttachments", "The report's photos and recordings (signed-in readers of the report only)",
                  {"200": ok({"type": "array", "items": ref("Attachment")}), **errs(404)}),
        "post": {**op("addAttachment", "Add a photo (JPEG, PNG; ≤ 4 MB) or a recording (≤ 8 MB) as the raw body: its type is read from its bytes, its metadata (EXIF, GPS, location boxes, ID3) removed; at most 3 photos and 1 recording per report (the filer, or analysts and coordinators of the body or above)",
                      {"201": ok(ref("Attachment"), "Added"), **errs(400, 401, 403, 404, 413, 422)}, security=signed),
                 "requestBody": {"required": True, "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in MEDIA_TYPES}}}},
    "/api/v1/reports/{id}/attachments/{attachment}": {"parameters": [id_param, pathp("attachment")],
        "get": op("getAttachment", "The file itself: private, never cached, served with its own type and nosniff",
                  {"200": {"description": "The photo or recording", "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in MEDIA_TYPES if t != "application/octet-stream"}}, **errs(404)})},
    "/api/v1/reports/{id}/verify": {"parameters": [id_param],
        "post": op("verifyReport", "Verify: a new incident, or join one (analysts and coordinators of the body or above)",
                   {"200": ok(ref("Incident")), **errs(401, 403, 404, 409, 422)}, request=obj([], incident=S(), title=S()), security=signed)},
    "/api/v1/reports/{id}/reject": {"parameters": [id_param],
        "post": op("rejectReport", "Reject, with a reason", {"200": ok(ref("Report")), **errs(400, 401, 403, 404, 409, 422)}, request=obj(["reason"], reason=S()), security=signed)},
    "/api/v1/reports/{id}/duplicate": {"parameters": [id_param],
        "post": op("markDuplicate", "Mark as a duplicate of another report", {"200": ok(ref("Report")), **errs(400, 401, 403, 404, 409, 422)}, request=obj(["of"], of=S()), security=signed)},
    "/api/v1/incidents": {"get": op("listIncidents", "Incidents the caller may read, newest first (by the day they happened; the cursor continues in that order)", {"200": ok(ref("IncidentPage")), **errs(400, 422)}, report_filters[1:])},
    "/api/v1/incidents/export.csv": {"get": op("exportIncidentsCSV", "CSV of the incidents the caller may read (audited)",
                                               {"200": {"description": "CSV", "content": {"text/csv": {}}}, **errs(400, 422)}, report_filters[1:-2])},
    "/api/v1/incidents/export.hxl.csv": {"get": op("exportIncidentsHXL", "HXL-tagged CSV of the incidents the caller may read; re-imports with `agora events import` (audited)",
                                               {"200": {"description": "HXL-tagged CSV", "content": {"text/csv": {}}}, **errs(400, 422)}, report_filters[1:-2])},
    "/api/v1/incidents/export.geojson": {"get": op("exportIncidentsGeoJSON", "GeoJSON (RFC 7946) of the incidents the caller may read (audited)",
                                               {"200": {"description": "GeoJSON FeatureCollection", "content": {"application/geo+json": {}}}, **errs(400, 422)}, report_filters[1:-2])},
    "/api/v1/incidents/{id}": {"parameters": [id_param], "get": op("getIncident", "One incident, with the reports behind it the caller may read", {"200": ok(ref("Incident")), **errs(404)})},
    "/api/v1/situation-reports": {
        "get": op("listSituationReports", "Situation reports the caller may read", {"200": ok(ref("SituationReportPage")), **errs(400)},
                  [q("area", "Area code"), q("body", "Body code"), limit, cursor]),
        "post": op("createSituationReport", "Write a situation report (analysts, coordinators, CSO liaisons of the body)",
                   {"201": ok(ref("SituationReport"), "Created"), **errs(400, 401, 403, 422)}, request=ref("SituationReportInput"), security=signed)},
    "/api/v1/situation-reports/{id}": {"parameters": [id_param], "get": op("getSituationReport", "One situation report", {"200": ok(ref("SituationReport")), **errs(404)})},
    "/api/v1/documents/{id}": {"parameters": [id_param], "get": op("getDocument", "One document, if the caller may read it", {"200": ok(ref("Document")), **errs(404)})},
}

period_params = [q("period", "2026-W48 or 2026-11; default the current week"), q("kind", "week or month", ["week", "month"])]
action_param = pathp("action")
xml = lambda d: {"description": d, "content": {"application/cap+xml": {}}}
paths.update({
    "/api/v1/risk": {"get": op("listRisk", "Risk of every area with a score, highest first (signed in)", {"200": ok({"type": "array", "items": ref("AreaScore")}), **errs(400, 401, 422)},
                               period_params + [q("level", "Area level", area_levels), q("country", "ISO3 country code"), q("min", "Lowest risk level", risk_levels),
                                                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 5000, "default": 100}}], security=signed)},
    "/api/v1/risk/areas/{code}": {"parameters": [code_param], "get": op("getAreaRisk", "An area's score, its drivers and its trend over 12 periods",
                                                                         {"200": ok(ref("AreaRisk")), **errs(400, 401, 404)}, period_params, security=signed)},
    "/api/v1/risk/recompute": {"post": op("recomputeRisk", "Rebuild every risk cell from the incidents (installation administrators)",
                                          {"200": ok(ref("Recomputed")), **errs(401, 403)}, security=signed)},
    "/api/v1/forecasts": {"get": op("listForecasts", "This week's or month's forecast per area, most likely deadly violence first (signed in)",
                                    {"200": ok({"type": "array", "items": ref("AreaForecast")}), **errs(400, 401, 422)},
                                    [q("horizon", "month (default) or week", ["month", "week"]), q("level", "Area level", area_levels),
                                     q("country", "ISO3 country code"), q("area", "One area's code"),
                                     {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 5000, "default": 100}}], security=signed)},
    "/api/v1/forecasts/record": {"get": op("getForecastRecord", "How the state-level forecasts have done: backtest against baselines, and the live record (public)",
                                           {"200": ok(ref("ForecastRecord")), **errs(400)}, [q("horizon", "month (default) or week", ["month", "week"])])},
    "/api/v1/forecasts/train": {"post": op("trainForecasts", "Retrain the forecast models now and store this period's forecasts (installation administrators)",
                                           {"200": ok(ref("ForecastTraining")), **errs(401, 403)}, security=signed)},
    "/api/v1/settings": {"get": op("getSettings", "Risk weights, thresholds and response deadlines", {"200": ok(ref("Settings")), **errs(401)}, security=signed),
                         "put": op("putSettings", "Change them (installation administrators); risk is recomputed", {"200": ok(ref("Settings")), **errs(400, 401, 403, 422)},
                                   request=ref("Settings"), security=signed)},
    "/api/v1/alerts": {"get": op("listAlerts", "Alerts the caller may read, newest first", {"200": ok(ref("AlertPage")), **errs(400, 422)},
                                 alert_filters + [limit, cursor]),
                       "post": op("createAlert", "Issue an alert by hand (analysts, coordinators); opens its response case. msgType Update/Cancel needs references",
                                  {"201": ok(ref("Alert"), "Created"), **errs(400, 401, 403, 404, 409, 422)}, request=ref("AlertInput"), security=signed)},
    "/api/v1/alerts/{id}": {"parameters": [id_param], "get": op("getAlert", "One alert", {"200": ok(ref("Alert")), **errs(404)}),
                            "patch": op("editAlert", "Edit a proposal before issuing it", {"200": ok(ref("Alert")), **errs(400, 401, 403, 404, 409, 422)},
                                        request=ref("AlertFields"), security=signed)},
    "/api/v1/alerts/{id}/cap": {"parameters": [id_param], "get": op("getAlertCAP", "The alert as a CAP 1.2 document", {"200": xml("CAP 1.2 XML"), **errs(404, 409)})},
    "/api/v1/alerts/{id}/issue": {"parameters": [id_param], "post": op("issueAlert", "Issue a proposed alert, with edits", {"200": ok(ref("Alert")), **errs(400, 401, 403, 404, 409, 422)},
                                                                      request=ref("AlertFields"), security=signed)},
    "/api/v1/alerts/{id}/dismiss": {"parameters": [id_param], "post": op("dismissAlert", "Dismiss a proposed alert, saying why", {"200": ok(ref("Alert")), **errs(400, 401, 403, 404, 409, 422)},
                                                                        request=ref("Reason"), security=signed)},
    "/api/v1/alerts/{id}/update": {"parameters": [id_param], "post": op("updateAlert", "Issue a CAP Update that replaces this alert", {"201": ok(ref("Alert"), "Created"), **errs(400, 401, 403, 404, 422)},
                                                                       request=ref("AlertFields"), security=signed)},
    "/api/v1/alerts/{id}/cancel": {"parameters": [id_param], "post": op("cancelAlert", "Issue a CAP Cancel for this alert", {"201": ok(ref("Alert"), "Created"), **errs(400, 401, 403, 404, 422)},
                                                                       request=ref("Reason"), security=signed)},
    "/api/v1/cases": {"get": op("listCases", "Response cases the caller may read", {"200": ok(ref("CasePage")), **errs(400, 401, 422)},
                                case_filters + [limit, cursor], security=signed)},
    "/api/v1/cases/export.csv": {"get": op("exportCasesCSV", f"CSV of the cases the list shows (audited; more than {EXPORT_LIMIT} rows is a 422: narrow the filters)",
                                           {"200": csv_ok, **errs(400, 401, 422)}, case_filters, security=signed)},
    "/api/v1/cases/{id}": {"parameters": [id_param], "get": op("getCase", "One case with its actions, parties and history", {"200": ok(ref("Case")), **errs(401, 404)}, security=signed)},
    "/api/v1/cases/{id}/acknowledge": {"parameters": [id_param], "post": op("acknowledgeCase", "The holding body acknowledges", {"200": ok(ref("Case")), **errs(401, 403, 404, 409)}, security=signed)},
    "/api/v1/cases/{id}/actions": {"parameters": [id_param], "post": op("planAction", "Plan an action (or record one done)", {"201": ok(ref("Case"), "Created"), **errs(400, 401, 403, 404, 409, 422)},
                                                                       request=ref("ActionInput"), security=signed)},
    "/api/v1/cases/{id}/actions/{action}/complete": {"parameters": [id_param, action_param], "post": op("completeAction", "Record what came of a planned action",
                                                     {"200": ok(ref("Case")), **errs(400, 401, 403, 404, 422)}, request=ref("CompleteInput"), security=signed)},
    "/api/v1/cases/{id}/escalate": {"parameters": [id_param], "post": op("escalateCase", "Ask the body above for help", {"200": ok(ref("Case")), **errs(400, 401, 403, 404, 409, 422)},
                                                                        request=ref("Reason"), security=signed)},
    "/api/v1/cases/{id}/de-escalate": {"parameters": [id_param], "post": op("deEscalateCase", "Hand the case back to a body that held it", {"200": ok(ref("Case")), **errs(400, 401, 403, 404, 409, 422)},
                                                                           request=ref("DeEscalateInput"), security=signed)},
    "/api/v1/cases/{id}/close": {"parameters": [id_param], "post": op("closeCase", "Close with an outcome and a summary, deciding each planned action (done or cancelled)", {"200": ok(ref("Case")), **errs(400, 401, 403, 404, 409, 422)},
                                                                     request=ref("CloseInput"), security=signed)},
    "/api/v1/response-gap": {"get": op("responseGap", "Time from alert to acknowledgement, action and closure, per body and level, over the cases the caller may read",
                                       {"200": ok(ref("ResponseGap")), **errs(400, 401)}, [q("from", "Cases opened on or after, YYYY-MM-DD"), q("to", "Cases opened on or before, YYYY-MM-DD")], security=signed)},
    "/api/v1/bodies/{code}/subscriptions": {"parameters": [code_param],
        "get": op("listSubscriptions", "Where the body's notifications go (its administrators)", {"200": ok({"type": "array", "items": ref("Subscription")}), **errs(401, 403)}, security=signed),
        "post": op("createSubscription", "Add a webhook or e-mail address; a webhook's signing secret is shown once", {"201": ok(ref("Subscription"), "Created"), **errs(400, 401, 403, 404, 422)},
                   request=ref("SubscriptionInput"), security=signed)},
    "/api/v1/subscriptions/{id}": {"parameters": [id_param], "delete": op("deleteSubscription", "Stop a subscription", {"204": {"description": "Stopped"}, **errs(401, 403, 404)}, security=signed)},
    "/api/v1/subscriptions/{id}/deliveries": {"parameters": [id_param], "get": op("listDeliveries", "Notifications and every delivery attempt",
                                              {"200": ok({"type": "array", "items": ref("DeliveryLog")}), **errs(401, 403, 404)}, security=signed)},
    "/api/v1/outbox": {"get": op("listOutbox", "The installation's notifications (installation administrators)", {"200": ok({"type": "array", "items": ref("Outbox")}), **errs(400, 401, 403)},
                                 [q("status", "pending, delivered, failed")], security=signed)},
})


# Mediation cases, agreements, commitments, implementation scores and violations (docs/MEDIATION.md).
med_states = ["referred", "consent-pending", "pre-negotiation", "negotiation", "agreement", "suspended", "failed", "withdrawn", "implementation", "closed"]
visibilities = ["public", "body", "parties", "mediators-only"]
party = obj(["name", "kind", "role", "consent"], name=S(), kind=S("organisation", "group", "body", "person"),
            role=S("party", "signatory", "guarantor", "witness", "observer"), ref=S(), consent=S("pending", "given", "refused"))
mediator = obj(["name", "declaration", "declaredAt"], name=S(), person=S(), declaration=S(), declaredAt=S())
note = obj(["text", "visibility"], text=S(), visibility=S(*visibilities))
attendance = obj(["category", "women", "men", "youth"], category=S(), women=integer, men=integer, youth=integer)
next_step = obj(["action", "owner", "due"], action=S(), owner=S(), due=S())
session_doc = obj(["document", "visibility"], document=S(), visibility=S(*visibilities))
session = obj(["date", "area", "format", "attendance", "notes", "outcomes", "documents", "nextSteps"], date=S(), area=S(), format=S("joint", "caucus", "shuttle"),
              attendance={"type": "array", "items": attendance}, notes={"type": "array", "items": note}, outcomes={"type": "array", "items": note},
              documents={"type": "array", "items": session_doc}, nextSteps={"type": "array", "items": next_step})
theme_code = obj(["code", "depth"], code=S(), depth=integer)
signatory = obj(["name", "onBehalfOf"], name=S(), onBehalfOf=S())
agreement_draft = obj(["title", "date", "status", "stage", "parties", "thirdParties", "country", "region", "text", "signatories", "themes"],
                      title=S(), date=S(), status=S(), stage=S("Pre", "SubPar", "SubComp", "Cea", "Imp", "Ren", "Oth"), parties=S(), thirdParties=S(),
                      country=S(), region=S(), paxID=integer, text=S(), signatories={"type": "array", "items": signatory},
                      themes={"type": "array", "items": theme_code})
actor = obj(["kind", "name"], kind=S("body", "organisation", "party"), name=S())
stipulation = obj(["code", "theme", "subTheme", "text", "responsible", "dependsOn", "verification", "weight"], code=S(), theme=S(), subTheme=S(), text=S(),
                  responsible={"type": "array", "items": actor}, due=S(), dependsOn=strs, verification=S(), weight=num)
evidence = obj(["kind", "ref", "note"], kind=S("incident", "report", "document", "session", "link"), ref=S(), note=S())
pam = {"type": "integer", "minimum": 0, "maximum": 3, "description": "0 not initiated, 1 minimal, 2 intermediate, 3 full (Peace Accords Matrix)"}
score_entry = obj(["stipulation", "period", "score", "evidence", "scoredBy", "published"], stipulation=S(), period=S(), score=pam,
                  evidence={"type": "array", "items": evidence}, scoredBy=S(), reviewedBy=S(), reviewerScore=pam, published=boolean)
share = obj(["key", "share", "stipulations"], key=S(), share=num, stipulations=integer)
stall = obj(["stipulation", "reason", "score", "since", "responsible"], stipulation=S(), reason=S("overdue", "no-progress"), score=pam, since=S(),
            responsible={"type": "array", "items": actor})
v_states = ["alleged", "preliminary-check", "investigation", "finding", "responses", "published", "dismissed"]
v_step = obj(["to", "note"], to=S(*v_states), note=S(), team=strs, sites=strs, interviews=integer, finding=S("substantiated", "unsubstantiated", "inconclusive"),
             party=S(), stipulation=S(), respondent=S())
schemas.update({
    "Mediation": obj(["id", "title", "body", "topic", "openedAt", "updatedAt", "track", "mode", "state", "classification", "areas", "incidents",
                      "parties", "mediators", "reach", "next"],
                     id=S(), title=S(), body=S(), topic=S(), openedAt=S(), updatedAt=S(), track=S("1", "1.5", "2", "3"),
                     mode=S("mediation", "facilitation", "good-offices", "dialogue"), state=S(*med_states), classification=S(*classes), areas=strs,
                     incidents=strs, parties={"type": "array", "items": party}, mediators={"type": "array", "items": mediator}, responseCase=S(),
                     reach=S(*visibilities), next={"type": "array", "items": S(*med_states)}),
    "MediationPage": page("Mediation"),
    "MediationInput": obj(["title", "body", "track", "mode", "topic", "areas", "parties"], title=S(), body=S(), track=S("1", "1.5", "2", "3"),
                          mode=S("mediation", "facilitation", "good-offices", "dialogue"), topic=S(), areas=strs, incidents=strs,
                          parties={"type": "array", "items": party}, mediators={"type": "array", "items": mediator}, classification=S(*classes),
                          responseCase=S(), openedOn=S()),
    "Session": obj(["id", "caseId", "createdAt", "session"], id=S(), caseId=S(), createdAt=S(), session=session),
    "SessionInput": obj(["date", "area", "format"], date=S(), area=S(), format=S("joint", "caucus", "shuttle"),
                        attendance={"type": "array", "items": attendance}, notes={"type": "array", "items": note},
                        outcomes={"type": "array", "items": note}, documents={"type": "array", "items": session_doc},
                        nextSteps={"type": "array", "items": next_step}),
    "MediationFile": obj(["mediation", "history", "sessions", "inclusion", "agreements"], mediation=ref("Mediation"),
                         history={"type": "array", "items": obj(["seq", "at", "kind", "actor"], seq=integer, at=S(), kind=S(), actor=S(), **{"from": S()}, to=S(), reason=S())},
                         sessions={"type": "array", "items": ref("Session")},
                         inclusion=obj(["people", "women", "youth"], people=integer, women=integer, youth=integer, womenShare=num, youthShare=num),
                         agreements={"type": "array", "items": ref("Agreement")}),
    "Transition": obj(["to", "reason"], to=S(*med_states), reason=S()),
    "Table": obj(["parties", "mediators"], parties={"type": "array", "items": party}, mediators={"type": "array", "items": mediator}),
    "Agreement": obj(["id", "title", "signedOn", "status", "stage", "parties", "thirdParties", "country", "region", "themes", "classification", "version",
                      "text", "signatories"],
                     id=S(), paxId=integer, title=S(), signedOn=S(), status=S(), stage=S(), parties=S(), thirdParties=S(), country=S(), region=S(),
                     themes={"type": "array", "items": theme_code}, body=S(), caseId=S(), classification=S(*classes), version=integer, text=S(),
                     signatories={"type": "array", "items": signatory}),
    "AgreementPage": page("Agreement"),
    "AgreementInput": obj(["agreement", "body"], agreement=agreement_draft, body=S(), caseId=S(), classification=S(*classes),
                          stipulations={"type": "array", "items": stipulation}),
    "Stipulations": obj(["stipulations"], stipulations={"type": "array", "items": stipulation}),
    "Score": obj(["id", "createdAt", "entry", "note"], id=S(), createdAt=S(), entry=score_entry, note=S(), publishedAt=S()),
    "ScoreInput": obj(["stipulation", "period", "score"], stipulation=S(), period=S(), score=pam, evidence={"type": "array", "items": evidence}, note=S()),
    "Review": obj(["score"], score=pam),
    "Violation": obj(["id", "agreement", "source", "occurredOn", "area", "description", "createdAt", "updatedAt", "state", "incidents", "steps"],
                     id=S(), agreement=S(), source=S("monitor", "party", "public", "patrol"), occurredOn=S(), area=S(), description=S(), createdAt=S(),
                     updatedAt=S(), stipulation=S(), allegedParty=S(), finding=S(), foundParty=S(), foundStipulation=S(), state=S(*v_states),
                     incidents=strs, steps={"type": "array", "items": v_step}),
    "ViolationInput": obj(["source", "occurredOn", "area", "description"], stipulation=S(), source=S("monitor", "party", "public", "patrol"),
                          allegedParty=S(), occurredOn=S(), area=S(), description=S(), incidents=strs),
    "ViolationStep": v_step,
    "AgreementVersion": obj(["text", "signatories"], text=S(), signatories={"type": "array", "items": signatory}),
    "AgreementFile": obj(["agreement", "stipulations", "scores", "rollup", "series", "reviewers", "stalls", "violations", "canScore"],
                         agreement=ref("Agreement"), stipulations={"type": "array", "items": stipulation}, scores={"type": "array", "items": ref("Score")},
                         rollup=obj(["period", "agreement", "themes", "actors"], period=S(), agreement=num, themes={"type": "array", "items": share},
                                    actors={"type": "array", "items": share}),
                         series={"type": "array", "items": obj(["period", "share"], period=S(), share=num)},
                         reviewers=obj(["agreed", "reviewed"], agreed=integer, reviewed=integer, rate=num),
                         stalls={"type": "array", "items": stall}, violations={"type": "array", "items": ref("Violation")}, canScore=boolean),
})
score_param, violation_param = pathp("score"), pathp("violation")
paths.update({
    "/api/v1/mediations": {
        "get": op("listMediations", "Mediation cases the caller may read (confidential by default: the mediating body, its mediators and the parties named)",
                  {"200": ok(ref("MediationPage")), **errs(400, 422)}, [q("body", "Mediating body"), q("state", "State", med_states), limit, cursor]),
        "post": op("createMediation", "Open a mediation case (people of the body); from a response case's mediation action with responseCase",
                   {"201": ok(ref("Mediation"), "Created"), **errs(401, 403, 422)}, request=ref("MediationInput"), security=signed)},
    "/api/v1/mediations/{id}": {"parameters": [id_param],
        "get": op("getMediation", "A case with its history and sessions, each note cut to what the caller is to the case (reads are audited)",
                  {"200": ok(ref("MediationFile")), **errs(404)})},
    "/api/v1/mediations/{id}/transition": {"parameters": [id_param],
        "post": op("transitionMediation", "Move a case to its next state, with a reason", {"200": ok(ref("Mediation")), **errs(401, 403, 404, 409, 422)},
                   request=ref("Transition"), security=signed)},
    "/api/v1/mediations/{id}/table": {"parameters": [id_param],
        "put": op("setMediationTable", "Parties (with their consent) and mediators (with their declarations)", {"200": ok(ref("Mediation")), **errs(400, 401, 403, 404, 422)},
                  request=ref("Table"), security=signed)},
    "/api/v1/mediations/{id}/sessions": {"parameters": [id_param],
        "post": op("addMediationSession", "Record a session held", {"201": ok(ref("Session"), "Created"), **errs(401, 403, 404, 422)},
                   request=ref("SessionInput"), security=signed)},
    "/api/v1/agreements": {
        "get": op("listAgreements", "Agreements the caller may read (PA-X rows are public)", {"200": ok(ref("AgreementPage")), **errs(400, 422)},
                  [q("country", "Words in PA-X's Con"), q("case", "From this mediation case"), q("q", "Words in the title"),
                   q("tracked", "true: only agreements with a commitment tree", typ="boolean"), limit, cursor]),
        "post": op("createAgreement", "Record an agreement (people of the body), with its commitment tree", {"201": ok(ref("Agreement"), "Created"), **errs(401, 403, 422)},
                   request=ref("AgreementInput"), security=signed)},
    "/api/v1/agreements/{id}": {"parameters": [id_param],
        "get": op("getAgreement", "An agreement with its commitments, published scores, roll-ups, stalls and published violations", {"200": ok(ref("AgreementFile")), **errs(404)})},
    "/api/v1/agreements/{id}/export.csv": {"parameters": [id_param],
        "get": op("exportAgreementScores", "Published scores in long format: agreement, stipulation, theme, period, score, evidence (audited)", {"200": csv_ok, **errs(404)})},
    "/api/v1/agreements/{id}/stipulations": {"parameters": [id_param],
        "put": op("setStipulations", "Replace the commitment tree (scored stipulations must stay)", {"200": ok(ref("Stipulations")), **errs(400, 401, 403, 404, 422)},
                  request=ref("Stipulations"), security=signed)},
    "/api/v1/agreements/{id}/versions": {"parameters": [id_param],
        "post": op("addAgreementVersion", "A new version of the text and signatories", {"200": ok(ref("Agreement")), **errs(401, 403, 404, 422)},
                   request=ref("AgreementVersion"), security=signed)},
    "/api/v1/agreements/{id}/publish": {"parameters": [id_param],
        "post": op("publishAgreement", "Make the agreement and its published scores public", {"200": ok(ref("Agreement")), **errs(401, 403, 404)}, security=signed)},
    "/api/v1/agreements/{id}/scores": {"parameters": [id_param],
        "post": op("scoreStipulation", "Score a stipulation for a month (unpublished until a second reviewer reads it)", {"201": ok(ref("Score"), "Created"), **errs(401, 403, 404, 409, 422)},
                   request=ref("ScoreInput"), security=signed)},
    "/api/v1/agreements/{id}/scores/{score}/review": {"parameters": [id_param, score_param],
        "post": op("reviewScore", "A second reviewer's own score; publishes it when it has evidence", {"200": ok(ref("Score")), **errs(401, 403, 404, 409, 422)},
                   request=ref("Review"), security=signed)},
    "/api/v1/agreements/{id}/violations": {"parameters": [id_param],
        "post": op("allegeViolation", "Allege a violation (signed in: monitors, parties, patrols; the public without an account where the installation takes anonymous reports, rate-limited)",
                   {"201": ok(ref("Violation"), "Created"), **errs(401, 404, 422, 429)}, request=ref("ViolationInput"))},
    "/api/v1/agreements/{id}/violations/{violation}/steps": {"parameters": [id_param, violation_param],
        "post": op("stepViolation", "The next step of an allegation; a published substantiated finding becomes an incident in the area's risk",
                   {"200": ok(ref("Violation")), **errs(401, 403, 404, 409, 422)}, request=ref("ViolationStep"), security=signed)},
})


# Submissions to bodies and their public record (docs/ACCOUNTABILITY.md).
sub_states = ["received", "acknowledged", "under-consideration", "clarification-requested", "answered", "transferred"]
ask_answers = ["accepted", "partly-accepted", "rejected", "not-for-us"]
sub_deadlines = obj(["acknowledge", "answer", "veryLate"], acknowledge=integer, answer=integer, veryLate=integer)
schemas["Settings"]["properties"]["submissionDeadlines"] = {"type": "object", "additionalProperties": sub_deadlines,
                                                             "description": "Working days per body code or level (defaults 2, 20, 40)"}
review_states = ["requested", "upheld", "revised"]
milestone = obj(["title", "done"], title=S(), dueOn=S(), done=boolean)
follow = obj(["channel", "target"], channel=S("email", "webhook"), target=S())
figures = obj(["received", "answered", "overdueNow", "veryOverdueNow"], received=integer, answered=integer, answeredOnTimeShare=num,
              medianDaysToAnswer=num, overdueNow=integer, veryOverdueNow=integer)
schemas.update({
    "Submission": obj(["id", "body", "title", "summary", "area", "topic", "country", "receivedOn", "createdAt", "kind", "state", "classification", "protected",
                       "extensionDays", "acknowledgeBy", "answerBy", "veryLateFrom", "flag", "asks", "history", "anonymous", "files"],
                      id=S(), body=S(), title=S(), summary=S(), area=S(), topic=S(), country=S(), receivedOn=S(), createdAt=S(),
                      kind=S("position-paper", "petition", "recommendation", "grievance", "forum-resolution"), state=S(*sub_states),
                      classification=S(*classes), submitter=S(), organisation=S(), protected=boolean, acknowledgedOn=S(), answeredOn=S(),
                      transferredTo=S(), extensionDays=integer, acknowledgeBy=S(), answerBy=S(), veryLateFrom=S(),
                      flag=S("on-time", "overdue", "very-overdue"),
                      asks={"type": "array", "items": obj(["n", "text", "published", "progress", "milestones"], n=integer, text=S(), answer=S(*ask_answers), reason=S(),
                                                          published=boolean, progress=integer, dueOn=S(), responsibleBody=S(),
                                                          milestones={"type": "array", "items": milestone})},
                      anonymous=boolean, review=S(*review_states), reviewRequestedOn=S(),
                      files={"type": "array", "items": ref("SubmissionFile")},
                      receipt={"type": "string", "description": "Shown once, to an anonymous submitter, when it is made"},
                      history={"type": "array", "items": obj(["seq", "at", "kind", "actor"], seq=integer, at=S(), kind=S(), actor=S(), note=S())}),
    "SubmissionPage": page("Submission"),
    "SubmissionInput": obj(["kind", "title", "summary", "area", "topic", "asks"], kind=S("position-paper", "petition", "recommendation", "grievance", "forum-resolution"),
                           title=S(), summary=S(), area=S(), topic=S(*topics), body=S(), asks=strs, organisation=S(), protected=boolean,
                           classification=S(*classes), notify=follow),
    "SubmissionStep": obj([], to=S(*sub_states), note=S(), transferTo=S(), extendBy=integer),
    "SubmissionAnswers": obj(["answers"], answers={"type": "array", "items": obj(["n", "answer"], n=integer, answer=S(*ask_answers), reason=S())},
                             publish=boolean),
    "Responsiveness": obj(["body", "figures", "commitments"], body=S(), figures=figures,
                          commitments=obj(["commitments", "done", "late"], commitments=integer, done=integer, late=integer, meanProgress=num)),
    "SubmissionFile": obj(["id", "name", "contentType", "sha256", "addedAt", "size"], id=S(), name=S(), contentType=S(), sha256=S(), addedAt=S(), size=integer),
    "Clarification": obj(["note"], note=S()),
    "CommitmentUpdate": obj([], progress=integer, dueOn=S(), responsibleBody=S(), milestones={"type": "array", "items": milestone}, note=S()),
    "ReviewRequest": obj(["reason"], reason=S()),
    "ReviewDecision": obj(["outcome", "note"], outcome=S(*review_states), note=S()),
    "Follow": follow,
    "Followed": obj(["id", "channel", "target"], id=S(), channel=S(), target=S(), secret=S()),
    "Follower": obj(["id", "channel", "target", "createdAt"], id=S(), channel=S(), target=S(), createdAt=S()),
    "Published": obj(["submissions", "answered"], submissions=integer, answered=integer),
})
SUB_FILE_TYPES = ["application/pdf", "image/jpeg", "image/png", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "application/vnd.oasis.opendocument.text"]
paths.update({
    "/api/v1/submissions": {
        "get": op("listSubmissions", "Submissions the caller may read (the receiving body and those above; the submitter)",
                  {"200": ok(ref("SubmissionPage")), **errs(400, 422)}, [q("body", "Receiving body"), q("state", "State", sub_states), limit, cursor]),
        "post": op("createSubmission", "Submit to the competent body (or to a body named, if competent). Without an account it is anonymous: the identity protected, a receipt code returned once, 5 per 10 minutes per address",
                   {"201": ok(ref("Submission"), "Created"), **errs(400, 401, 422, 429)}, request=ref("SubmissionInput"))},
    "/api/v1/submissions/receipt/{code}": {"parameters": [pathp("code")],
        "get": op("submissionByReceipt", "An anonymous submission as its submitter sees it, by its receipt code (no hint whether an unknown code ever existed)",
                  {"200": ok(ref("Submission")), **errs(404, 429)})},
    "/api/v1/submissions/receipt/{code}/clarification": {"parameters": [pathp("code")],
        "post": op("clarifyByReceipt", "The anonymous submitter answers the body's question; the clock runs again",
                   {"200": ok(ref("Submission")), **errs(400, 404, 409, 422, 429)}, request=ref("Clarification"))},
    "/api/v1/submissions/{id}/clarification": {"parameters": [id_param],
        "post": op("clarifySubmission", "The submitter answers the body's question; the clock runs again",
                   {"200": ok(ref("Submission")), **errs(400, 401, 403, 404, 409, 422)}, request=ref("Clarification"), security=signed)},
    "/api/v1/submissions/{id}/files": {"parameters": [id_param, q("name", "The file's name, as shown")],
        "post": {**op("addSubmissionFile", "Add a file as the raw body (PDF, JPEG, PNG, .docx, .odt; ≤ 5 MB; at most 5): the type read from its bytes, a PDF's author fields and XMP and a photo's EXIF removed (the submitter or the body's people)",
                      {"201": ok(ref("SubmissionFile"), "Added"), **errs(400, 401, 403, 404, 413, 422)}, security=signed),
                 "requestBody": {"required": True, "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in SUB_FILE_TYPES + ["application/octet-stream"]}}}},
    "/api/v1/submissions/{id}/files/{file}": {"parameters": [id_param, pathp("file")],
        "get": op("getSubmissionFile", "The file itself, to readers of the submission: private, never cached, as an attachment",
                  {"200": {"description": "The file", "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in SUB_FILE_TYPES}}, **errs(404)})},
    "/api/v1/submissions/{id}/commitments/{n}": {"parameters": [id_param, pathp("n")],
        "post": op("updateCommitment", "Progress, due date (not past), responsible body and milestones of an accepted ask whose answer is published (the body's people); followers are told",
                   {"200": ok(ref("Submission")), **errs(400, 401, 403, 404, 422)}, request=ref("CommitmentUpdate"), security=signed)},
    "/api/v1/submissions/{id}/review": {"parameters": [id_param],
        "post": op("requestReview", "The submitter asks for an internal review (once answered or transferred, or when very overdue); the body and the one above hear of it",
                   {"200": ok(ref("Submission")), **errs(400, 401, 403, 404, 409, 422)}, request=ref("ReviewRequest"), security=signed)},
    "/api/v1/submissions/{id}/review/decision": {"parameters": [id_param],
        "post": op("decideReview", "The body upholds or revises its answer, saying what the review found",
                   {"200": ok(ref("Submission")), **errs(400, 401, 403, 404, 409, 422)}, request=ref("ReviewDecision"), security=signed)},
    "/api/v1/submissions/{id}/followers": {"parameters": [id_param],
        "get": op("listFollowing", "How the caller follows the submission", {"200": ok({"type": "array", "items": ref("Follower")}), **errs(401, 404)}, security=signed),
        "post": op("followSubmission", "Follow a submission the caller may read: every change by e-mail or signed webhook (the secret shown once)",
                   {"201": ok(ref("Followed"), "Following"), **errs(400, 401, 403, 404, 422)}, request=ref("Follow"), security=signed)},
    "/api/v1/submissions/{id}/followers/{follower}": {"parameters": [id_param, pathp("follower")],
        "delete": op("unfollowSubmission", "Stop following", {"204": {"description": "Stopped"}, **errs(401, 404)}, security=signed)},
    "/api/v1/bodies/{code}/submissions/publish": {"parameters": [code_param],
        "post": op("publishHeldAnswers", "Publish every held answer of the body at once (after its meeting)", {"200": ok(ref("Published")), **errs(401, 403)}, security=signed)},
    "/api/v1/responsiveness.csv": {"get": op("responsivenessCSV", "The league as CSV", {"200": csv_ok})},
    "/api/v1/submissions/{id}": {"parameters": [id_param],
        "get": op("getSubmission", "A submission, its clock and history; answers once published", {"200": ok(ref("Submission")), **errs(404)})},
    "/api/v1/submissions/{id}/steps": {"parameters": [id_param],
        "post": op("stepSubmission", "Acknowledge, consider, ask for clarification (the clock stops), transfer, or extend the deadline with a reason",
                   {"200": ok(ref("Submission")), **errs(401, 403, 404, 409, 422)}, request=ref("SubmissionStep"), security=signed)},
    "/api/v1/submissions/{id}/answers": {"parameters": [id_param],
        "post": op("answerSubmission", "Answer asks; held until published (publish: true, or a later call)", {"200": ok(ref("Submission")), **errs(401, 403, 404, 409, 422)},
                   request=ref("SubmissionAnswers"), security=signed)},
    "/api/v1/bodies/{code}/responsiveness": {"parameters": [code_param],
        "get": op("bodyResponsiveness", "A body's public record: received, answered on time, median working days, overdue now", {"200": ok(ref("Responsiveness")), **errs(404)})},
    "/api/v1/responsiveness": {"get": op("responsivenessLeague", "Every body's record, most responsive first", {"200": ok({"type": "array", "items": ref("Responsiveness")})})},
})


# Dialogue forums and their inclusion.
stake_cats = ["state", "cso", "traditional", "religious", "women", "youth", "private-sector", "media"]
targets = obj(["women", "youth", "cso", "traditionalAndReligious"], women=num, youth=num, cso=num, traditionalAndReligious=num)
inclusion = obj(["people", "short"], people=integer, women=num, youth=num, cso=num, traditionalAndReligious=num, short=strs)
schemas.update({
    "Forum": obj(["id", "body", "name", "mandate", "createdAt", "topics", "areas", "partners", "standing", "targets"], id=S(), body=S(), name=S(), mandate=S(),
                 createdAt=S(), topics=strs, areas=strs, partners=strs, standing=boolean, targets=targets),
    "ForumInput": obj(["body", "name", "mandate", "topics", "areas", "standing"], body=S(), name=S(), mandate=S(), topics={"type": "array", "items": S(*topics)},
                      areas=strs, partners=strs, standing=boolean, targets=targets),
    "ForumSession": obj(["id", "forum", "heldOn", "agenda", "participants", "resolutions"], id=S(), forum=S(), heldOn=S(), agenda=S(),
                        participants={"type": "array", "items": attendance}, resolutions=strs),
    "ForumSessionInput": obj(["heldOn", "participants", "agenda"], heldOn=S(), agenda=S(), resolutions=strs,
                             participants={"type": "array", "items": obj(["category", "women", "men", "youth"], category=S(*stake_cats), women=integer, men=integer, youth=integer)}),
    "ForumFile": obj(["forum", "sessions", "inclusion"], forum=ref("Forum"), sessions={"type": "array", "items": ref("ForumSession")}, inclusion=inclusion),
    "BodyInclusion": obj(["body", "quarter", "inclusion", "targets", "forums"], body=S(), quarter=S(), inclusion=inclusion, targets=targets, forums=integer),
})
paths.update({
    "/api/v1/forums": {
        "get": op("listForums", "Forums bodies convene (public)", {"200": ok({"type": "array", "items": ref("Forum")})}, [q("body", "Convening body")]),
        "post": op("createForum", "Convene a forum (people of the body)", {"201": ok(ref("Forum"), "Created"), **errs(401, 403, 422)}, request=ref("ForumInput"), security=signed)},
    "/api/v1/forums/{id}": {"parameters": [id_param],
        "get": op("getForum", "A forum, its sessions and its inclusion against its targets", {"200": ok(ref("ForumFile")), **errs(404)})},
    "/api/v1/forums/{id}/sessions": {"parameters": [id_param],
        "post": op("addForumSession", "Record a session: who took part by category, sex and age; the agenda; resolutions",
                   {"201": ok(ref("ForumSession"), "Created"), **errs(401, 403, 404, 422)}, request=ref("ForumSessionInput"), security=signed)},
    "/api/v1/bodies/{code}/inclusion": {"parameters": [code_param],
        "get": op("bodyInclusion", "Who took part in the body's forums in a quarter, against its targets", {"200": ok(ref("BodyInclusion")), **errs(404, 422)},
                  [q("quarter", "YYYY-Qn (default: this quarter)")])},
})


# Accreditation of organisations and the public register (docs/ACCREDITATION.md).
perms = ["file-reports", "join-forums", "submit", "restricted-alerts", "nominate"]
app_states = ["draft", "submitted", "completeness-check", "under-review", "questions", "deferred", "recommended", "granted", "refused", "withdrawn"]
acc_statuses = ["active", "renewal-due", "hearing", "suspended", "expired", "withdrawn"]
org_id = obj(["scheme", "id"], scheme=S(), id=S())
profile = obj([], areas=strs, levels=strs, networks=strs, funding=S(), evidence=strs)
decision = obj(["organ", "session", "consensus", "reasons"], organ=S(), session=S(), consensus=boolean, votesFor=integer, votesAgainst=integer,
               abstentions=integer, reasons=S())
assessment = obj(["criterion", "verdict"], criterion=S(), evidence=S(), verdict=S("met", "not-met", "unclear"))
acc_event = obj(["seq", "at", "kind", "actor"], seq=integer, at=S(), kind=S(), actor=S(), note=S())
obligation = obj(["kind", "everyMonths", "dueOn", "reminded"], kind=S(), everyMonths=integer, dueOn=S(), reminded={"type": "array", "items": integer})
schemas.update({
    "AccreditationScheme": obj(["body", "name", "categories", "obligations", "reapplyAfterDays", "graceDays", "hearingDays"], body=S(), name=S(),
                               categories={"type": "array", "items": obj(["code", "name", "criteria", "permissions", "termYears"], code=S(), name=S(),
                                                                         criteria=strs, permissions={"type": "array", "items": S(*perms)}, termYears=integer)},
                               obligations={"type": "array", "items": obj(["kind", "everyMonths"], kind=S(), everyMonths=integer)},
                               reapplyAfterDays=integer, graceDays=integer, hearingDays=integer),
    "AccreditationSchemeInput": obj(["name", "categories"], body=S(), name=S(),
                                    categories={"type": "array", "items": obj(["code", "name", "criteria", "permissions", "termYears"], code=S(), name=S(),
                                                                              criteria=strs, permissions={"type": "array", "items": S(*perms)}, termYears=integer)},
                                    obligations={"type": "array", "items": obj(["kind", "everyMonths"], kind=S(), everyMonths=integer)},
                                    reapplyAfterDays=integer, graceDays=integer, hearingDays=integer),
    "Identity": obj(["organisation", "name", "identifiers", "profile", "deprecated"], organisation=S(), name=S(),
                    identifiers={"type": "array", "items": org_id}, profile=profile, deprecated=strs),
    "IdentityInput": obj(["identifiers"], identifiers={"type": "array", "items": org_id}, profile=profile),
    "DuplicateCandidate": obj(["organisation", "name", "why"], organisation=S(), name=S(), why=S()),
    "ApplicationInput": obj(["body", "organisation", "category", "statement"], body=S(), organisation=S(), category=S(), statement=S(), submit=boolean),
    "ApplicationStep": obj(["to"], to=S(*app_states), category=S(), assessments={"type": "array", "items": assessment}, decision=decision,
                           deferredTo=S(), note=S()),
    "Application": obj(["id", "body", "organisation", "organisationName", "category", "statement", "createdAt", "updatedAt", "state", "assessments", "history"],
                       id=S(), body=S(), organisation=S(), organisationName=S(), category=S(), statement=S(), createdAt=S(), updatedAt=S(),
                       state=S(*app_states), assessments={"type": "array", "items": assessment}, decision=decision, deferredTo=S(), decidedOn=S(),
                       accreditation=S(), history={"type": "array", "items": acc_event}),
    "Accreditation": obj(["id", "body", "organisation", "organisationName", "category", "grantedOn", "validUntil", "application", "status", "identifiers",
                          "obligations", "automatic", "history"],
                         id=S(), body=S(), organisation=S(), organisationName=S(), category=S(), grantedOn=S(), validUntil=S(), application=S(),
                         status=S(*acc_statuses), identifiers=strs, obligations={"type": "array", "items": obligation}, hearingUntil=S(),
                         suspendedUntil=S(), grounds=S(), automatic=boolean, history={"type": "array", "items": acc_event}),
    "AccreditationAction": obj(["action"], action=S("renew", "propose-suspension", "reply", "drop-hearing", "reinstate", "withdraw", "reclassify", "fulfil",
                                                     "add-obligation"),
                               note=S(), replyBy=S(), suspendDays=integer, category=S(), decision=decision, obligation=integer, obligationKind=S(),
                               dueOn=S(), everyMonths=integer),
    "ComplaintInput": obj(["text"], text=S(), evidence=strs),
    "Complaint": obj(["id", "accreditation", "text", "receivedOn", "dueOn", "state", "evidence"], id=S(), accreditation=S(), text=S(), receivedOn=S(),
                     dueOn=S(), state=S("received", "upheld", "dismissed"), evidence=strs, outcome=S(), decidedOn=S()),
    "ComplaintDecision": obj(["outcome", "upheld"], outcome=S(), upheld=boolean),
    "NominationInput": obj(["organisation", "body", "name", "categories"], organisation=S(), body=S(), forum=S(), name=S(),
                           categories={"type": "array", "items": S(*stake_cats)}, termUntil=S()),
    "Nomination": obj(["id", "organisation", "body", "name", "state", "categories"], id=S(), organisation=S(), body=S(), name=S(),
                      state=S("proposed", "accepted", "declined"), forum=S(), termUntil=S(), member=S(), categories=strs),
    "NominationDecision": obj(["accept"], accept=boolean),
})
paths.update({
    "/api/v1/bodies/{code}/accreditation-scheme": {"parameters": [code_param],
        "get": op("getAccreditationScheme", "A body's accreditation scheme: categories, criteria, permissions, terms, obligations (public)",
                  {"200": ok(ref("AccreditationScheme")), **errs(404)}),
        "put": op("saveAccreditationScheme", "Set the body's scheme (its administrators)", {"200": ok(ref("AccreditationScheme")), **errs(400, 401, 403, 404, 422)},
                  request=ref("AccreditationSchemeInput"), security=signed)},
    "/api/v1/organisations/{code}/identity": {"parameters": [code_param],
        "get": op("getIdentity", "An organisation's identifiers (org-id.guide) and profile (public)", {"200": ok(ref("Identity")), **errs(404)}),
        "put": op("saveIdentity", "Set the identifiers (checked against the register; one held by another organisation is refused) and the profile",
                  {"200": ok(ref("Identity")), **errs(400, 401, 403, 404, 422)}, request=ref("IdentityInput"), security=signed)},
    "/api/v1/organisations/duplicates": {
        "get": op("organisationDuplicates", "Organisations that may be the one described: a shared identifier, or a name alike",
                  {"200": ok({"type": "array", "items": ref("DuplicateCandidate")}), **errs(400)}, [q("name", "A name"), q("identifier", "GH-RGD-…")])},
    "/api/v1/accreditation/applications": {
        "get": op("listApplications", "Applications of the caller's organisations and to the bodies the caller keeps",
                  {"200": ok({"type": "array", "items": ref("Application")}), **errs(401)}, security=signed),
        "post": op("applyForAccreditation", "Apply for an organisation the caller acts for (submitted at once unless submit is false)",
                   {"201": ok(ref("Application"), "Created"), **errs(400, 401, 403, 409, 422)}, request=ref("ApplicationInput"), security=signed)},
    "/api/v1/accreditation/applications/{id}": {"parameters": [id_param],
        "get": op("getApplication", "An application, to its applicant and the body", {"200": ok(ref("Application")), **errs(404)})},
    "/api/v1/accreditation/applications/{id}/steps": {"parameters": [id_param],
        "post": op("stepApplication", "A step: the applicant submits, withdraws or answers questions; the body checks, asks, defers, recommends, grants or refuses, each decision with organ, session, vote and reasons",
                   {"200": ok(ref("Application")), **errs(400, 401, 403, 404, 409, 422)}, request=ref("ApplicationStep"), security=signed)},
    "/api/v1/accreditations": {
        "get": op("accreditationRegister", "The public register: who is accredited to which body, category, term, status, past suspensions",
                  {"200": ok({"type": "array", "items": ref("Accreditation")}), **errs(400, 422)}, [q("body", "Accrediting body"), q("status", "Status", acc_statuses)])},
    "/api/v1/accreditations.csv": {"get": op("accreditationRegisterCSV", "The register as CSV", {"200": csv_ok, **errs(400, 422)},
                                             [q("body", "Accrediting body"), q("status", "Status", acc_statuses)])},
    "/api/v1/accreditations.hxl.csv": {"get": op("accreditationRegisterHXL", "The register as HXL (a hashtag row under the header)", {"200": csv_ok, **errs(400, 422)},
                                                 [q("body", "Accrediting body"), q("status", "Status", acc_statuses)])},
    "/api/v1/accreditations/{id}": {"parameters": [id_param],
        "get": op("getAccreditation", "An accreditation with its public history (its organisation and body see the whole)", {"200": ok(ref("Accreditation")), **errs(404)})},
    "/api/v1/accreditations/{id}/actions": {"parameters": [id_param],
        "post": op("actOnAccreditation", "Renew, propose a suspension (with a right of reply), reply, drop the hearing, reinstate, withdraw, reclassify, meet or add an obligation",
                   {"200": ok(ref("Accreditation")), **errs(400, 401, 403, 404, 409, 422)}, request=ref("AccreditationAction"), security=signed)},
    "/api/v1/accreditations/{id}/complaints": {"parameters": [id_param],
        "get": op("listComplaints", "Complaints about the organisation (the accrediting body)", {"200": ok({"type": "array", "items": ref("Complaint")}), **errs(401, 403, 404)},
                  security=signed),
        "post": op("complain", "Complain about an accredited organisation (the complainant is never shown; answered within 60 days)",
                   {"201": ok(ref("Complaint"), "Received"), **errs(400, 401, 404, 422)}, request=ref("ComplaintInput"), security=signed)},
    "/api/v1/accreditation/complaints/{id}/decision": {"parameters": [id_param],
        "post": op("decideComplaint", "Uphold or dismiss a complaint; the outcome goes on the public history", {"204": {"description": "Decided"}, **errs(400, 401, 403, 404, 409, 422)},
                   request=ref("ComplaintDecision"), security=signed)},
    "/api/v1/nominations": {
        "get": op("listNominations", "Nominations to forums and seats", {"200": ok({"type": "array", "items": ref("Nomination")})},
                  [q("body", "Body"), q("organisation", "Nominating organisation")]),
        "post": op("nominate", "An accredited organisation whose category allows it nominates a participant to a forum or a seat",
                   {"201": ok(ref("Nomination"), "Nominated"), **errs(400, 401, 403, 422)}, request=ref("NominationInput"), security=signed)},
    "/api/v1/nominations/{id}/decision": {"parameters": [id_param],
        "post": op("decideNomination", "Accept (a seat becomes a member of the body) or decline", {"204": {"description": "Decided"}, **errs(400, 401, 403, 404, 409, 422)},
                   request=ref("NominationDecision"), security=signed)},
})

# Small arms and DDR (docs/SMALL-ARMS-AND-DDR.md).
w_types = ["revolver-or-self-loading-pistol", "rifle-or-carbine", "sub-machine-gun", "assault-rifle", "light-machine-gun", "heavy-machine-gun",
           "grenade-launcher", "portable-anti-tank-gun", "recoilless-rifle", "portable-anti-tank-missile-launcher", "mortar-under-75mm", "other"]
w_status = ["state-stock", "licensed-civilian", "seized", "surrendered", "collected", "in-custody", "deactivated", "destroyed", "lost-or-stolen", "exported"]
w_events = ["registered", "status", "custody", "marked", "collected", "seized", "traced", "transfer", "destroyed"]
t_states = ["draft", "sent", "acknowledged", "answered", "closed"]
t_outcomes = ["full", "partial", "negative"]
stages = ["registered", "screened", "ineligible", "disarmed", "demobilised", "reinsertion", "reintegration", "completed", "dropped-out", "re-recruited", "deceased"]
ddr_cats = ["combatant", "associated", "child", "dependant"]
methods = ["cutting", "crushing", "burning", "smelting", "shredding", "detonation", "other"]
marks = obj([], manufacturer=S(), countryOfManufacture=S(), serial=S(), yearOfManufacture=integer, model=S(), calibre=S(), markLocations=strs,
            unmarked=boolean, altered=boolean)
countmap = {"type": "object", "additionalProperties": integer}
cellmap = {"type": "object", "additionalProperties": S()}
history = {"type": "array", "items": obj(["seq", "at", "kind", "actor"], seq=integer, at=S(), kind=S(), actor=S(), note=S())}
schemas.update({
    "WeaponMarks": marks,
    "WeaponInput": obj(["body", "type", "marks"], body=S(), type=S(*w_types), status=S(*w_status), marks=marks, store=S(), classification=S(*classes),
                       incident=S(), area=S(), campaign=S(), registeredOn=S()),
    "Weapon": obj(["id", "body", "classification", "type", "status", "marks", "registeredOn", "createdAt", "updatedAt"], id=S(), body=S(),
                  classification=S(*classes), store=S(), type=S(*w_types), status=S(*w_status), marks=marks, incident=S(), area=S(), campaign=S(),
                  registeredOn=S(), createdAt=S(), updatedAt=S(), photos=strs,
                  history={"type": "array", "items": obj(["seq", "on", "at", "kind", "details", "actor"], seq=integer, on=S(), at=S(), kind=S(*w_events),
                                                         status=S(*w_status), body=S(), details=strmap, actor=S())}),
    "WeaponEventInput": obj(["kind"], kind=S(*w_events), on=S(), status=S(*w_status), body=S(), store=S(), marks=S(), direction=S("export", "import"),
                            partner=S(), incident=S(), note=S()),
    "WeaponImport": obj(["imported", "ids"], imported=integer, ids=strs),
    "AmmunitionInput": obj(["body", "lot", "quantity"], body=S(), lot=S(), headstamp=S(), calibre=S(), store=S(), quantity=integer, status=S(*w_status),
                           classification=S(*classes)),
    "Ammunition": obj(["id", "body", "lot", "classification", "quantity", "status"], id=S(), body=S(), lot=S(), classification=S(*classes), headstamp=S(),
                      calibre=S(), store=S(), quantity=integer, status=S(*w_status)),
    "Campaign": obj(["id", "body", "name", "startsOn", "endsOn", "areas", "points", "collected"], id=S(), body=S(), name=S(), startsOn=S(), endsOn=S(),
                    areas=strs, incentives=S(), points={"type": "array", "items": obj(["name"], name=S(), area=S())}, ddrProgramme=S(), collected=countmap),
    "CampaignInput": obj(["body", "name", "startsOn", "endsOn", "areas"], body=S(), name=S(), startsOn=S(), endsOn=S(), areas=strs, incentives=S(),
                         points={"type": "array", "items": obj(["name"], name=S(), area=S())}, ddrProgramme=S()),
    "CollectionInput": obj(["weapons"], point=S(), on=S(),
                           weapons={"type": "array", "items": obj(["type", "marks"], type=S(*w_types), marks=marks, status=S("collected", "surrendered"), store=S())}),
    "Destruction": obj(["id", "body", "on", "place", "summary", "method", "witnesses", "weapons", "rounds", "byType"], id=S(), body=S(), on=S(), place=S(),
                       summary=S(), method=S(*methods), witnesses=strs, certificate=S(), weapons=integer, rounds=integer, byType=countmap, serials=strs,
                       photos=strs),
    "DestructionInput": obj(["body", "on", "place", "method", "witnesses"], body=S(), on=S(), place=S(), method=S(*methods), witnesses=strs, certificate=S(),
                            summary=S(), weapons=strs, ammunition={"type": "array", "items": obj(["lot", "quantity"], lot=S(), quantity=integer)}),
    "Tracing": obj(["id", "body", "counterpart", "circumstances", "classification", "direction", "marks", "type", "state", "overdue", "createdAt", "updatedAt"],
                   id=S(), body=S(), counterpart=S(), circumstances=S(), classification=S(*classes), direction=S("outgoing", "incoming"), weapon=S(), marks=marks,
                   type=S(*w_types), state=S(*t_states), outcome=S(*t_outcomes), answer=S(), sentOn=S(), dueOn=S(), answeredOn=S(), overdue=boolean,
                   createdAt=S(), updatedAt=S(), history=history),
    "TracingInput": obj(["body", "counterpart", "circumstances", "direction"], body=S(), counterpart=S(), circumstances=S(), direction=S("outgoing", "incoming"),
                        weapon=S(), marks=marks, type=S(*w_types), dueOn=S(), classification=S(*classes), send=boolean),
    "TracingStep": obj(["to"], to=S(*t_states), outcome=S(*t_outcomes), answer=S(), note=S(), dueOn=S()),
    "ArmsYearReport": obj(["year", "body", "marking", "recordKeeping", "tracing", "collection", "destruction", "att", "sdg"], year=integer, body=S(),
                          marking={"type": "object"}, recordKeeping={"type": "object"}, tracing={"type": "object"}, collection={"type": "object"},
                          destruction={"type": "object"}, att=obj(["exports", "imports", "nilReport"], exports={"type": "array"}, imports={"type": "array"}, nilReport=boolean),
                          sdg=obj(["recovered", "traced"], recovered=integer, traced=integer, share=num)),
    "SignedArmsReport": obj(["body", "year", "figures", "digest", "signedBy", "signedAt"], body=S(), year=integer, figures=ref("ArmsYearReport"), digest=S(),
                            signedBy=S(), signedAt=S()),
    "ArmsReport": obj(["draft", "changedSinceSigning"], draft=ref("ArmsYearReport"), signed=ref("SignedArmsReport"), changedSinceSigning=boolean),
    "DDRProgramme": obj(["id", "body", "name", "area", "startsOn", "childProtection"], id=S(), body=S(), name=S(), area=S(), startsOn=S(), childProtection=S()),
    "DDRProgrammeInput": obj(["body", "name", "area", "startsOn", "childProtection"], body=S(), name=S(), area=S(), startsOn=S(), childProtection=S()),
    "DDRAggregates": obj(["programme", "total", "by", "funnel"], programme=ref("DDRProgramme"), total=S(), by={"type": "object", "additionalProperties": cellmap},
                         funnel={"type": "array", "items": obj(["stage", "count"], stage=S(*stages), count=S())}),
    "DDRIdentity": obj(["givenNames", "familyName", "birthDate"], givenNames=S(), familyName=S(), birthDate=S(), placeOfOrigin=S(), motherName=S(), idNumber=S(),
                       phone=S()),
    "ParticipantInput": obj(["category", "sex", "area", "identity"], category=S(*ddr_cats), sex=S("female", "male", "other"), area=S(), faction=S(),
                            identity=ref("DDRIdentity"), registeredOn=S(), notDuplicateOf=S()),
    "Participant": obj(["id", "pseudonym", "programme", "body", "sex", "ageGroup", "area", "registeredOn", "category", "stage", "furthest"], id=S(), pseudonym=S(),
                       programme=S(), body=S(), sex=S(), ageGroup=S(), area=S(), registeredOn=S(), category=S(*ddr_cats), stage=S(*stages), furthest=S(*stages),
                       faction=S(), referredOn=S(),
                       history={"type": "array", "items": obj(["seq", "on", "at", "kind", "details", "actor"], seq=integer, on=S(), at=S(), kind=S(), stage=S(*stages),
                                                              details=strmap, actor=S())},
                       payments={"type": "array", "items": obj(["id", "tranche", "currency", "paidOn", "channel", "amount", "acknowledged", "secondPayment"],
                                                               id=S(), tranche=S(), currency=S(), paidOn=S(), channel=S(), amount=num, acknowledged=boolean,
                                                               secondPayment=boolean, reason=S())}),
    "DDRStep": obj(["to"], to=S(*stages), criterion=S(), reason=S(), weapons=strs, certificate=S(), site=S(), option=S(), provider=S(), milestones=strs, note=S()),
    "PaymentInput": obj(["tranche", "currency", "channel", "amount"], tranche=S(), currency=S(), channel=S("cash", "mobile-money", "bank", "in-kind"), amount=num,
                        paidOn=S(), acknowledged=boolean, secondPaymentReason=S()),
    "VisitInput": obj(["note"], on=S(), note=S(), situation=S()),
    "OpenIdentity": obj(["reason"], reason=S()),
})
year_param = {"name": "year", "in": "path", "required": True, "schema": {"type": "string"}}
def many(n): return {"type": "array", "items": ref(n)}
paths.update({
    "/api/v1/weapons": {
        "get": op("listWeapons", "Weapons the caller may read; `q` searches serials (look-alikes folded, `*` and `?`, partial serials of 3+ characters)",
                  {"200": ok(many("Weapon")), **errs(422)}, [q("q", "Serial, partial or with wildcards"), q("status", "Status", w_status), q("body", "Custody body"), q("campaign", "Collection campaign")]),
        "post": op("registerWeapon", "Register a weapon (ITI minimum marks unless unmarked); a recovered one matching a lost-or-stolen record raises an alert",
                   {"201": ok(ref("Weapon"), "Registered"), **errs(401, 403, 404, 422)}, request=ref("WeaponInput"), security=signed)},
    "/api/v1/weapons/import": {
        "post": {**op("importWeapons", "A CSV of weapons: all stored or none, errors by line", {"200": ok(ref("WeaponImport")), **errs(401, 403, 422)}, security=signed),
                 "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}}}},
    "/api/v1/weapons/{id}": {"parameters": [id_param], "get": op("getWeapon", "A weapon with its history", {"200": ok(ref("Weapon")), **errs(404)})},
    "/api/v1/weapons/{id}/events": {"parameters": [id_param],
        "post": op("addWeaponEvent", "Status, custody, marking, seizure, collection or transfer", {"200": ok(ref("Weapon")), **errs(401, 403, 404, 422)},
                   request=ref("WeaponEventInput"), security=signed)},
    "/api/v1/ammunition": {
        "get": op("listAmmunition", "Ammunition lots the caller may read", {"200": ok(many("Ammunition"))}),
        "post": op("addAmmunition", "Record an ammunition lot", {"201": ok(ref("Ammunition"), "Recorded"), **errs(401, 403, 404, 422)}, request=ref("AmmunitionInput"), security=signed)},
    "/api/v1/arms/campaigns": {
        "get": op("listCampaigns", "Collection campaigns (public, with counts by type)", {"200": ok(many("Campaign"))}, [q("body", "Body")]),
        "post": op("createCampaign", "Open a collection campaign", {"201": ok(ref("Campaign"), "Opened"), **errs(401, 403, 404, 422)}, request=ref("CampaignInput"), security=signed)},
    "/api/v1/arms/campaigns/{id}": {"parameters": [id_param], "get": op("getCampaign", "A campaign", {"200": ok(ref("Campaign")), **errs(404)})},
    "/api/v1/arms/campaigns/{id}/collections": {"parameters": [id_param],
        "post": op("recordCollection", "Weapons taken in at a collection point (all or none)", {"200": ok(many("Weapon")), **errs(401, 403, 404, 422)},
                   request=ref("CollectionInput"), security=signed)},
    "/api/v1/arms/destructions": {
        "get": op("listDestructions", "Destructions (public summaries)", {"200": ok(many("Destruction"))}, [q("body", "Body")]),
        "post": op("recordDestruction", "Record a destruction: weapons in the body's custody, two witnesses at least", {"201": ok(ref("Destruction"), "Recorded"), **errs(401, 403, 404, 422)},
                   request=ref("DestructionInput"), security=signed)},
    "/api/v1/arms/destructions/{id}": {"parameters": [id_param],
        "get": op("getDestruction", "A destruction; the serials only to those who read the weapons", {"200": ok(ref("Destruction")), **errs(404)})},
    "/api/v1/arms/tracing": {
        "get": op("listTracing", "Tracing requests the caller may read", {"200": ok(many("Tracing"))}, [q("weapon", "Weapon id")]),
        "post": op("createTracing", "A tracing request, sent or received", {"201": ok(ref("Tracing"), "Created"), **errs(401, 403, 404, 422)}, request=ref("TracingInput"), security=signed)},
    "/api/v1/arms/tracing/{id}": {"parameters": [id_param], "get": op("getTracing", "A tracing request with its history", {"200": ok(ref("Tracing")), **errs(404)})},
    "/api/v1/arms/tracing/{id}/steps": {"parameters": [id_param],
        "post": op("stepTracing", "Send, acknowledge, answer (full, partial, negative) or close", {"200": ok(ref("Tracing")), **errs(401, 403, 404, 422)},
                   request=ref("TracingStep"), security=signed)},
    "/api/v1/arms/reports/{year}": {"parameters": [year_param],
        "get": {**op("armsReport", "The year's PoA/ITI, ATT category VIII and SDG 16.4.2 figures; `format=csv` for CSV",
                     {"200": {"description": "The figures", "content": {"application/json": {"schema": ref("ArmsReport")}, "text/csv": {}}}, **errs(400, 404, 422)},
                     [q("body", "Reporting body", required=True), q("format", "csv for CSV", ["json", "csv"])])}},
    "/api/v1/arms/reports/{year}/sign": {"parameters": [year_param],
        "post": op("signArmsReport", "Sign the figures as they stand (a coordinator or administrator of the body)", {"200": ok(ref("SignedArmsReport")), **errs(401, 403, 404, 422)},
                   request=obj(["body"], body=S()), security=signed)},
    "/api/v1/weapons/{id}/photos": {"parameters": [id_param],
        "post": {**op("addWeaponPhoto", "A photo of the weapon (raw JPEG or PNG body; metadata stripped; 5 at most)",
                      {"201": ok(obj(["id"], id=S()), "Added"), **errs(401, 403, 404, 413, 422)}, security=signed),
                 "requestBody": {"required": True, "content": {"image/jpeg": {}, "image/png": {}}}}},
    "/api/v1/weapons/{id}/photos/{photo}": {"parameters": [id_param, pathp("photo")],
        "get": op("getWeaponPhoto", "A weapon's photo, to those who read the weapon (never cached)",
                  {"200": {"description": "The photo", "content": {"image/jpeg": {}, "image/png": {}}}, **errs(404)})},
    "/api/v1/arms/destructions/{id}/photos": {"parameters": [id_param],
        "post": {**op("addDestructionPhoto", "A photo of the destruction (public; raw JPEG or PNG body; 5 at most)",
                      {"201": ok(obj(["id"], id=S()), "Added"), **errs(401, 403, 404, 413, 422)}, security=signed),
                 "requestBody": {"required": True, "content": {"image/jpeg": {}, "image/png": {}}}}},
    "/api/v1/arms/destructions/{id}/photos/{photo}": {"parameters": [id_param, pathp("photo")],
        "get": op("getDestructionPhoto", "A destruction's photo (public)", {"200": {"description": "The photo", "content": {"image/jpeg": {}, "image/png": {}}}, **errs(404)})},
    "/api/v1/ddr/programmes": {
        "get": op("listProgrammes", "DDR programmes", {"200": ok(many("DDRProgramme")), **errs(401)}, security=signed),
        "post": op("createProgramme", "Open a DDR programme", {"201": ok(ref("DDRProgramme"), "Opened"), **errs(401, 403, 404, 422)}, request=ref("DDRProgrammeInput"), security=signed)},
    "/api/v1/ddr/programmes/{id}": {"parameters": [id_param],
        "get": op("getProgramme", "A programme with its aggregates (cells under 5 shown as <5)", {"200": ok(ref("DDRAggregates")), **errs(401, 404)}, security=signed)},
    "/api/v1/ddr/programmes/{id}/participants": {"parameters": [id_param],
        "get": op("listParticipants", "Participants (the programme's body only)", {"200": ok(many("Participant")), **errs(401)}, security=signed),
        "post": op("registerParticipant", "Register a participant under a pseudonym; double registration refused (409)", {"201": ok(ref("Participant"), "Registered"), **errs(401, 403, 404, 409, 422)},
                   request=ref("ParticipantInput"), security=signed)},
    "/api/v1/ddr/participants/{id}": {"parameters": [id_param],
        "get": op("getParticipant", "A participant with history and payments", {"200": ok(ref("Participant")), **errs(404)}, security=signed)},
    "/api/v1/ddr/participants/{id}/steps": {"parameters": [id_param],
        "post": op("stepParticipant", "The next stage, with what it needs", {"200": ok(ref("Participant")), **errs(401, 403, 404, 422)}, request=ref("DDRStep"), security=signed)},
    "/api/v1/ddr/participants/{id}/payments": {"parameters": [id_param],
        "post": op("payParticipant", "A payment; a tranche paid twice is refused (409) unless a reason is given, then flagged", {"200": ok(ref("Participant")), **errs(401, 403, 404, 409, 422)},
                   request=ref("PaymentInput"), security=signed)},
    "/api/v1/ddr/participants/{id}/visits": {"parameters": [id_param],
        "post": op("visitParticipant", "A follow-up visit", {"200": ok(ref("Participant")), **errs(401, 403, 404, 422)}, request=ref("VisitInput"), security=signed)},
    "/api/v1/ddr/participants/{id}/identity": {"parameters": [id_param],
        "post": op("openIdentity", "Open the sealed identity (coordinators and administrators of the programme's body; audited)", {"200": ok(ref("DDRIdentity")), **errs(401, 403, 404, 422)},
                   request=ref("OpenIdentity"), security=signed)},
})

# Channels for monitors (docs/CHANNELS.md).
sms_reply = obj(["reply", "reference"], reply=S(), reference={"type": "string", "description": "The report's reference, empty when nothing was filed"})
paths.update({
    "/api/v1/channels/ussd": {
        "post": {**op("inboundUSSD", "Africa's Talking's USSD callback: the next screen (CON …) or the end (END …), at most 182 characters; "
                      "the report is filed once per session through the web form's intake",
                      {"200": {"description": "The screen", "content": {"text/plain": {}}}, **errs(401, 422, 429)},
                      [q("secret", "The shared secret (AGORA_SMS_SECRET)")]),
                 "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": obj(
                     ["sessionId", "phoneNumber"], sessionId=S(), serviceCode=S(), phoneNumber=S(), text=S())}}}}},
    "/api/v1/channels/sms/{gateway}": {"parameters": [{"name": "gateway", "in": "path", "required": True,
                                                        "schema": {"type": "string", "enum": ["rapidpro", "africastalking", "twilio", "generic"]}}],
        "post": {**op("inboundSMS", "An inbound SMS from a gateway: authenticated (Twilio's signature; the shared secret in X-Agora-Secret or ?secret=), "
                      "idempotent on the message id, read by the SMS grammar, filed as the sender's report; the reply in the gateway's format",
                      {"200": {"description": "The reply to send back", "content": {"application/json": {"schema": sms_reply}, "application/xml": {}, "text/plain": {}}},
                       **errs(401, 404, 422, 429)},
                      [q("secret", "The shared secret, for gateways that can only set a URL")]),
                 "requestBody": {"required": True, "content": {
                     "application/x-www-form-urlencoded": {"schema": {"type": "object", "additionalProperties": {"type": "string"}}},
                     "application/json": {"schema": obj(["from", "text"], **{"from": S()}, text=S(), id=S())}}}}},
    "/api/v1/forms": {
        "get": op("listForms", "The forms offered to ODK Collect and KoboCollect: Agora's own and the uploaded XLSForms, with their mappings",
                  {"200": ok({"type": "array", "items": ref("Form")}), **errs(401)}, security=signed),
        "post": {**op("uploadForm", "Publish an XLSForm with the mapping of its answers to a report (a coordinator of the body, or an "
                      "installation administrator); a new version of a form keeps the old ones readable",
                      {"201": ok(ref("Form"), "Published"), **errs(401, 403, 409, 413, 422)}, security=signed),
                 "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": obj(
                     ["xlsform", "mapping"], xlsform={"type": "string", "contentMediaType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                     mapping={"type": "string", "description": "The mapping (JSON, see docs/CHANNELS.md)"}, body=S())}}}}},
    "/api/v1/federation/status": {
        "get": op("federationStatus", "This installation among its peers: key, peers, agreements, outbox and intake figures (installation administrators)",
                  {"200": ok(ref("FederationStatus")), **errs(401, 403)}, security=signed)},
    "/api/v1/federation/peers": {
        "post": op("addFederationPeer", "Register a peer installation and its Ed25519 public key (installation administrators)",
                   {"201": {"description": "Registered"}, **errs(400, 401, 403, 422)},
                   request=obj(["id", "name", "publicKey"], id=S(), name=S(), publicKey=S(), countries=strs), security=signed)},
    "/api/v1/federation/agreements": {
        "get": op("listSharingAgreements", "The data-sharing agreements this installation is party to (installation administrators)",
                  {"200": ok({"type": "array", "items": ref("SharingAgreement")}), **errs(401, 403)}, security=signed),
        "post": op("proposeSharingAgreement", "A draft data-sharing agreement, to be signed by both parties (installation administrators)",
                   {"201": ok(ref("SharingAgreement"), "Drafted"), **errs(400, 401, 403, 409, 422)},
                   request=obj(["origin", "recipient", "purpose", "types", "maxClassification", "granularity", "validFrom"],
                               id=S(), origin=S(), recipient=S(), purpose=S(), types={"type": "array", "items": S(*shared_types)},
                               maxClassification=S(*classes), areas=strs, granularity=S("aggregate", "pseudonymised", "record"),
                               place=S("exact", "admin2", "admin1", "country"), dates=S("day", "week", "month"), retentionDays={"type": "integer"},
                               validFrom=S(), validUntil=S()), security=signed)},
    "/api/v1/federation/agreements/{id}/actions": {"parameters": [id_param],
        "post": op("actOnSharingAgreement", "Sign, activate, suspend, resume or terminate an agreement; terminating stops what waits to be sent "
                   "under it at once (installation administrators)",
                   {"200": ok(ref("SharingAgreement")), **errs(400, 401, 403, 404, 422)},
                   request=obj(["action"], action=S("sign", "activate", "suspend", "resume", "terminate"), party=S()), security=signed)},
    "/api/v1/federation/answers": {
        "post": op("answerElevatedCase", "The regional body's answer to a case a national installation elevated: acknowledged, or declined "
                   "with a reason; it goes back into that case's history (installation administrators of the hub)",
                   {"200": ok(ref("ReceivedRecord")), **errs(400, 401, 403, 404, 422)},
                   request=obj(["origin", "caseID", "answer"], origin=S(), caseID=S(), answer=S("acknowledged", "declined"), reason=S()),
                   security=signed)},
    "/api/v1/federation/received": {
        "get": op("listFederationReceived", "Records received from peer installations, with their provenance (installation administrators)",
                  {"200": ok({"type": "array", "items": ref("ReceivedRecord")}), **errs(401, 403)}, [q("origin", "Only from this installation")],
                  security=signed)},
    "/api/v1/federation/quarantine": {
        "get": op("listFederationQuarantine", "Events refused on arrival, with the reason (installation administrators)",
                  {"200": ok({"type": "array", "items": ref("QuarantinedEvent")}), **errs(401, 403)}, security=signed)},
    "/api/v1/federation/quarantine/{id}/release": {"parameters": [id_param],
        "post": op("releaseQuarantinedEvent", "Check a quarantined event again against today's peers and agreements and apply it if it now "
                   "passes; still refused, it stays with the reason it is refused now (409). Audited (installation administrators)",
                   {"200": ok(ref("ReleasedEvent")), **errs(401, 403, 404, 409, 422)}, security=signed)},
    "/api/v1/federation/quarantine/{id}": {"parameters": [id_param],
        "delete": op("discardQuarantinedEvent", "Discard a quarantined event; the audit trail keeps its subject, sender, reason and the "
                     "SHA-256 of its body (installation administrators)",
                     {"204": {"description": "Discarded"}, **errs(401, 403, 404)}, security=signed)},
    "/api/v1/forms/{form}": {"parameters": [pathp("form")],
        "delete": op("withdrawForm", "Withdraw an uploaded form from the form list (submissions from phones holding it still arrive)",
                     {"204": {"description": "Withdrawn"}, **errs(401, 403, 404)}, security=signed)},
})

# What every operation can answer, whatever it does: a bad, expired or revoked bearer token is refused (401)
# even where no sign-in is needed, since the client meant to be someone. What every write can answer: a body
# that is not JSON (415), too large (413), with an unknown field or a control character (422), a session
# cookie without its CSRF header (403); POSTs take an Idempotency-Key (409 while another request holds it).
idempotency_key = {"name": "Idempotency-Key", "in": "header", "required": False,
                   "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]{1,255}$"},
                   "description": "Retry-safe creation: the same key from the same caller answers the first result again, for a day. "
                                  "Ignored where the answer carries a secret shown once (tokens, a webhook's secret, an opened contact)."}
csrf_header = {"name": "X-CSRF-Token", "in": "header", "required": False, "schema": {"type": "string"},
               "description": "With a session cookie instead of a bearer token: the session's CSRF token."}
for path, item in paths.items():
    for method, o in item.items():
        if method == "parameters":
            continue
        o["responses"].setdefault("401", err)
        if method in ("post", "put", "patch", "delete") and path.startswith("/api/"):
            for c in (403, 413, 415, 422):
                o["responses"].setdefault(str(c), err)
            o.setdefault("parameters", []).append(csrf_header)
        if method == "post" and path.startswith("/api/"):
            o["responses"].setdefault("409", err)
            o["responses"].setdefault("400", err)  # a malformed Idempotency-Key
            o["parameters"].append(idempotency_key)

doc = {
    "openapi": "3.1.0",
    "info": {"title": "Agora API", "version": "1.0.0",
             "description": "Areas, institutions, people and access, the audit trail, protected sources, early warning, risk, alerts (CAP 1.2) and response cases of an infrastructure for peace.",
             "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
    "servers": [{"url": "/"}],
    "components": {"securitySchemes": {
        "apiToken": {"type": "http", "scheme": "bearer", "description": "An API token from POST /api/v1/auth/token or POST /api/v1/tokens."},
        "session": {"type": "apiKey", "in": "cookie", "name": "agora_session", "description": "The web session after signing in at /sign-in."}},
        "schemas": schemas},
    "paths": paths,
}
text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "App", "OpenAPI", "openapi.json")
if "--check" in sys.argv[1:]:
    # scripts/test: the committed document is what this script makes, so nobody edits the JSON by hand.
    with open(out, encoding="utf-8") as f:
        if f.read() != text:
            sys.exit(f"{os.path.relpath(out)} is not what scripts/gen-openapi.py makes: edit the script, run it, commit both")
else:
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
