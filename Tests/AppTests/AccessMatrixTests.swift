import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Every viewer (anonymous and each role) × every classification × every GET route the server has,
/// taken from the route table itself: a new endpoint joins the matrix by existing. No answer may hold
/// a record its viewer may not see; contact details may appear nowhere.
@Suite struct AccessMatrixTests {
    struct World {
        var viewers: [(name: String, viewer: Viewer, token: String?)] = []
        /// Marker → the record it stands for.
        var documents: [(marker: String, id: String, record: AccessPolicy.Record)] = []
        var reporters: [(marker: String, id: String, body: String)] = []
        var phones: [String] = []
        var personIDs: [String] = []
        var attachments: [(report: String, id: String)] = []
        var submissionFiles: [(submission: String, id: String)] = []
        var programmes: [String] = []
        var weaponPhotos: [String] = []
    }

    static func build(_ app: Application) async throws -> World {
        try await TestInstallation.demoInstitutions(app)
        var w = World()
        w.viewers.append(("anonymous", .anonymous, nil))
        for role in Role.allCases {
            let name = "\(role.rawValue).bawku"
            let (id, token) = try await TestInstallation.person(app, name, roles: [RoleGrant(body: "GH-DPC-BAWKU", role: role)])
            w.viewers.append((name, .person(id: id, installationAdmin: false, roles: [RoleGrant(body: "GH-DPC-BAWKU", role: role)]), token))
        }
        for (name, body, role) in [
            ("monitor.tamale", "GH-DPC-TAMALE", Role.monitor), ("analyst.npc", "GH-NPC", .analyst),
            ("analyst.rpc", "GH-RPC-UE", .analyst), ("liaison.wanep", "WANEP-GH", .csoLiaison), ("analyst.ke", "KE-CEWERU", .analyst),
        ] {
            let (id, token) = try await TestInstallation.person(app, name, roles: [RoleGrant(body: body, role: role)])
            w.viewers.append((name, .person(id: id, installationAdmin: false, roles: [RoleGrant(body: body, role: role)]), token))
        }
        let named = try await TestInstallation.person(app, "named.only")
        w.viewers.append(("named.only", .person(id: named.id, installationAdmin: false, roles: []), named.token))
        let admin = try await TestInstallation.person(app, "second.admin", admin: true)
        w.viewers.append(("installation admin", .person(id: admin.id, installationAdmin: true, roles: []), admin.token))
        w.personIDs = [named.id, admin.id]

        let vault = try app.vault
        do {
            let sql = app.sql
            let docs = DocumentStore(sql: sql)
            var n = 0
            for body in ["GH-DPC-BAWKU", "GH-DPC-TAMALE"] {
                for c in Classification.allCases {
                    n += 1
                    let marker = "MKD\(n)X"
                    let grants = c == .confidential ? DocumentController.Grants(people: [named.id], bodies: ["GH-RPC-UE"]) : nil
                    let d = try await docs.create(
                        .init(title: "Paper \(marker)", summary: "About \(marker)", body: body, classification: c, grants: grants),
                        actor: "test")
                    w.documents.append(
                        (
                            marker, d.id,
                            AccessPolicy.Record(
                                classification: c, ownerBody: body,
                                grantedPeople: c == .confidential ? [named.id] : [],
                                grantedBodies: c == .confidential ? ["GH-RPC-UE"] : [])
                        ))
                }
            }
            // Reports and the incidents made of them carry the same marker rules.
            for (body, area) in [("GH-DPC-BAWKU", "GH1201"), ("GH-DPC-TAMALE", "GH0812")] {
                for c in Classification.allCases {
                    n += 1
                    let marker = "MKR\(n)X"
                    let id = UUID().uuidString.lowercased()
                    let draft = ReportDraft(
                        indicators: ["CS01"], eventType: nil, description: "Report \(marker)", occurredOn: "2026-11-01", occurredAt: nil,
                        timePrecision: nil, area: area, lat: nil, lon: nil, geoPrecision: nil, actors: nil, harm: nil,
                        sourceKind: .monitor, reporter: nil, sourceReference: nil, classification: c, body: body)
                    let store = ReportStore(sql: sql)
                    try await store.create(
                        draft, id: id, body: body, classification: c, sourceKind: .monitor, area: area,
                        areaPath: try await AreaStore(sql: sql).path(area), actor: "test")
                    let record = AccessPolicy.Record(
                        classification: c, ownerBody: body, grantedPeople: c == .confidential ? [named.id] : [],
                        grantedBodies: c == .confidential ? ["GH-RPC-UE"] : [])
                    for (type, rid) in [("report", id)] where c == .confidential {
                        try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                            .values(SQLBind(type), SQLBind(rid), SQLBind("person"), SQLBind(named.id)).run()
                        try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                            .values(SQLBind(type), SQLBind(rid), SQLBind("body"), SQLBind("GH-RPC-UE")).run()
                    }
                    w.documents.append((marker, id, record))
                    // A photo whose pixels spell a marker: served to whoever may read the report, to nobody else.
                    n += 1
                    let photoMarker = "MKP\(n)X"
                    let png = Self.png(photoMarker)
                    let attached = try await AttachmentStore(sql: sql).add(
                        [try Media.check(png, field: "photo", expected: .photo)], report: id, actor: "test")
                    w.documents.append((photoMarker, attached[0].id, record))
                    w.attachments.append((report: id, id: attached[0].id))
                    let row = try await store.get(id, AccessPolicy.scope(for: .person(id: "x", installationAdmin: true, roles: []), in: BodyTree([])))
                    // A situation report of the same level about the same area.
                    n += 1
                    let sitrepMarker = "MKS\(n)X"
                    let sid = UUID().uuidString.lowercased()
                    try await sql.insert(into: "situation_reports").columns(
                        "id", "body_code", "classification", "area_code", "period", "period_start",
                        "period_end", "title", "narrative", "created_by", "created_at"
                    )
                    .values(
                        [
                            SQLBind(sid), SQLBind(body), SQLBind(c.rawValue), SQLBind(area), SQLBind("weekly"), SQLBind("2026-11-02"),
                            SQLBind("2026-11-08"), SQLBind("Brief \(sitrepMarker)"), SQLBind("Narrative \(sitrepMarker)"), SQLBind("test"),
                            SQLBind(Timestamp.now()),
                        ] as [any SQLExpression]
                    ).run()
                    if c == .confidential {
                        try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                            .values(SQLBind("situation-report"), SQLBind(sid), SQLBind("person"), SQLBind(named.id)).run()
                        try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                            .values(SQLBind("situation-report"), SQLBind(sid), SQLBind("body"), SQLBind("GH-RPC-UE")).run()
                    }
                    w.documents.append((sitrepMarker, sid, record))
                    if c != .confidential, let row {
                        n += 1
                        let incidentMarker = "MKI\(n)X"
                        let iid = try await IncidentStore(sql: sql).create(
                            from: row, indicators: ["CS01"], title: "Incident \(incidentMarker)", actor: "test")
                        w.documents.append((incidentMarker, iid, record))
                    }
                }
            }
            // Alerts and their cases; Tamale's are shared with Kenya's unit as a party (as a cross-border case would be).
            for body in ["GH-DPC-BAWKU", "GH-DPC-TAMALE"] {
                for c in Classification.allCases {
                    n += 1
                    let alertMarker = "MKA\(n)X"
                    let caseMarker = "MKC\(n)X"
                    let area = body == "GH-DPC-BAWKU" ? "GH1201" : "GH0812"
                    let parties: Set<String> = body == "GH-DPC-TAMALE" ? ["KE-CEWERU"] : []
                    let record = AccessPolicy.Record(classification: c, ownerBody: body, parties: parties)
                    let draft = AlertDraft(
                        event: "Test", urgency: .Expected, severity: .Severe, certainty: .Likely, headline: "Alert \(alertMarker)", areas: [area])
                    let aid = try await AlertStore(sql: sql).insert(
                        draft, state: .issued, msgType: .Alert, refersTo: nil, caseID: nil, body: body, classification: c,
                        areaPath: "/GHA/\(area.prefix(4))/\(area)/", risk: nil, actor: "test", sent: Timestamp.now())
                    let cid = "case-\(n)"
                    try await sql.raw(
                        """
                        INSERT INTO cases (id, alert_id, body_code, first_body, classification, status, area_code, area_path, severity, topics, chain, opened_at,
                                           summary, escalations, deadline_escalations, cross_border, updated_at)
                        VALUES (\(bind: cid), \(bind: aid), \(bind: body), \(bind: body), \(bind: c.rawValue), 'open', \(bind: area), '/GHA/', 'Severe', '[]', '[]',
                                \(bind: Timestamp.now()), \(bind: "Case " + caseMarker), 0, 0, FALSE, \(bind: Timestamp.now()))
                        """
                    ).run()
                    for p in parties {
                        try await Parties(sql: sql).add("case", cid, body: p, role: "informed")
                        try await Parties(sql: sql).add("alert", aid, body: p, role: "informed")
                    }
                    var alertRecord = record
                    alertRecord.accreditedReadable = true
                    w.documents.append((alertMarker, aid, alertRecord))
                    w.documents.append((caseMarker, cid, record))
                }
            }
            // WANEP-Ghana accredited to Tamale's council with `restricted-alerts`: its liaison reads Tamale's restricted
            // alerts (not its cases).
            let acc = AccreditationStore(sql: sql)
            try await acc.saveScheme(
                AccreditationScheme(
                    body: "GH-DPC-TAMALE", name: "Tamale",
                    categories: [AccreditationCategory(code: "general", name: "General", criteria: ["Known"], permissions: [.restrictedAlerts])]),
                actor: "test")
            let application = UUID().uuidString.lowercased()
            try await acc.createApplication(
                id: application, body: "GH-DPC-TAMALE", org: "WANEP-GH", category: "general", statement: "s", state: .granted, actor: "test")
            try await acc.grant(
                id: UUID().uuidString.lowercased(), body: "GH-DPC-TAMALE", org: "WANEP-GH",
                category: AccreditationCategory(code: "general", name: "General", criteria: ["Known"], permissions: [.restrictedAlerts]),
                scheme: AccreditationScheme(body: "GH-DPC-TAMALE", name: "Tamale", categories: []), application: application,
                today: String(Timestamp.now().prefix(10)), actor: "test")
            // Submissions (protected, from WANEP's liaison, who reads their own), each classification to each body, one with a file.
            let liaison = w.viewers.first { $0.name == "liaison.wanep" }?.viewer.personID ?? ""
            for body in ["GH-DPC-BAWKU", "GH-DPC-TAMALE"] {
                for c in Classification.allCases {
                    n += 1
                    let marker = "MKB\(n)X"
                    let id = UUID().uuidString.lowercased()
                    let store = SubmissionStore(sql: sql)
                    try await store.create(
                        id: id, body: body, kind: .petition, title: "Petition \(marker)", summary: "About \(marker)",
                        area: body == "GH-DPC-BAWKU" ? "GH1201" : "GH0812", topic: .dialogue, country: "GHA", person: liaison, name: "Liaison",
                        organisation: nil, protected: true, classification: c, asks: ["Ask \(marker)"], receiptDigest: nil, actor: "test")
                    w.documents.append(
                        (
                            marker, id,
                            AccessPolicy.Record(classification: c, ownerBody: body, grantedPeople: [liaison], grantedBodies: [body], author: liaison)
                        ))
                    if c == .confidential, let r = try await store.all(body: body).first(where: { $0.id == id }) {
                        let f = try await store.addFile(
                            SubmissionFiles.Checked(name: "File \(marker)", contentType: "application/pdf", bytes: Array("%PDF-1.4 \(marker)".utf8)),
                            to: r,
                            actor: "test")
                        w.submissionFiles.append((submission: id, id: f.id))
                    }
                }
            }
            // Small arms: a weapon and a tracing request of each classification; a DDR programme per body with one
            // participant (confidential to the programme's body); a destruction whose summary is public.
            for (i, body) in ["GH-DPC-BAWKU", "GH-DPC-TAMALE"].enumerated() {
                for c in Classification.allCases {
                    n += 1
                    let wid = UUID().uuidString.lowercased()
                    try await WeaponStore(sql: sql).insert(
                        NewWeapon(
                            id: wid, body: body, classification: c, store: nil, type: .pistol, status: .seized,
                            marks: WeaponMarks(manufacturer: "Maker", countryOfManufacture: "RU", serial: "SER\(n)", model: "Model MKW\(n)X"),
                            incident: nil, area: nil, campaign: nil, registeredOn: "2026-11-01"), actor: "test")
                    w.documents.append(("MKW\(n)X", wid, AccessPolicy.Record(classification: c, ownerBody: body)))
                    if body == "GH-DPC-BAWKU" {
                        // A photo whose bytes spell a marker: served to whoever reads the weapon.
                        let marker = "MKV\(n)X"
                        let photo = try await ArmsPhotoStore(sql: sql).add(
                            try Media.check(Self.png(marker), field: "photo", expected: .photo), recordType: "weapon", recordID: wid, actor: "test")
                        w.documents.append((marker, photo, AccessPolicy.Record(classification: c, ownerBody: body)))
                        w.weaponPhotos.append(photo)
                    }
                    n += 1
                    let tid = UUID().uuidString.lowercased()
                    try await TracingStore(sql: sql).create(
                        TracingView(
                            id: tid, body: body, counterpart: "BG", circumstances: "Found MKT\(n)X", classification: c, direction: .outgoing,
                            weapon: wid,
                            marks: WeaponMarks(), type: .pistol, state: .draft, overdue: false, createdAt: "", updatedAt: ""), actor: "test")
                    w.documents.append(("MKT\(n)X", tid, AccessPolicy.Record(classification: c, ownerBody: body)))
                }
                let programme = UUID().uuidString.lowercased()
                try await DDRStore(sql: sql).createProgramme(
                    ProgrammeView(
                        id: programme, body: body, name: "Programme \(i)", area: "GH1201", startsOn: "2026-01-01", childProtection: "Welfare"),
                    actor: "test")
                w.programmes.append(programme)
                n += 1
                let pid = UUID().uuidString.lowercased()
                try await DDRStore(sql: sql).register(
                    ParticipantView(
                        id: pid, pseudonym: "P-MKQ\(n)", programme: programme, body: body, sex: "male", ageGroup: "25-35", area: "GH1201",
                        registeredOn: "2026-11-01", category: .combatant, stage: .registered, furthest: .registered, faction: "Faction MKQ\(n)X"),
                    sealedIdentity: try vault.seal(value: DDRIdentity(givenNames: "Name", familyName: "MKN9\(i)", birthDate: "1990"), recordID: pid),
                    keys: ["k\(i)"], actor: "test")
                w.phones.append("MKN9\(i)")
                w.documents.append(("MKQ\(n)X", pid, AccessPolicy.Record(classification: .confidential, ownerBody: body, parties: [body])))
                n += 1
                let did = UUID().uuidString.lowercased()
                try await ArmsStore(sql: sql).createDestruction(
                    DestructionView(
                        id: did, body: body, on: "2026-11-02", place: "Yard", summary: "Destroyed MKZ\(n)X", method: .cutting, witnesses: ["A", "B"],
                        certificate: nil, weapons: 0, rounds: 0, byType: [:]), weaponIDs: [], actor: "test")
                w.documents.append(("MKZ\(n)X", did, AccessPolicy.Record(classification: .public, ownerBody: body)))
            }
            for (i, body) in ["GH-DPC-BAWKU", "GH-DPC-TAMALE"].enumerated() {
                let phone = "+233 55 \(100_000 + i) 77"
                let r = try await ReporterStore(sql: sql).create(
                    pseudonym: "R-MKR\(i)Z", body: body,
                    contact: ContactDetails(name: "Name MKN\(i)", phone: phone), vault: vault, actor: "test")
                w.reporters.append(("R-MKR\(i)Z", r.id, body))
                w.phones += [phone, "Name MKN\(i)"]
            }
        }
        return w
    }

    /// A tiny PNG whose pixel data spell `marker` (so an answer that carries the picture carries the marker).
    static func png(_ marker: String) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [0, 0, 0, 1] + Array("IHDRh".utf8) + [0, 0, 0, 0]
            + [0, 0, 0, UInt8(marker.utf8.count)] + Array("IDAT\(marker)".utf8) + [0, 0, 0, 0] + [0, 0, 0, 0] + Array("IEND".utf8) + [0, 0, 0, 0]
    }

    /// The scope as the server works it out: the body tree, and accreditations that let a liaison read restricted alerts.
    static func scope(_ app: Application, _ viewer: Viewer, _ tree: BodyTree) async throws -> AccessScope {
        AccessPolicy.scope(for: viewer, in: tree, accreditedBy: try await AccreditationStore(sql: app.sql).alertAccreditors(viewer))
    }

    /// Whether the scope reads the restricted record of Tamale's council with this marker prefix.
    static func readsTamale(_ prefix: String, _ scope: AccessScope, _ w: World) -> Bool {
        w.documents.contains { d in
            d.marker.hasPrefix(prefix) && d.record.ownerBody == "GH-DPC-TAMALE" && d.record.classification == .restricted
                && AccessPolicy.canSee(scope, d.record)
        }
    }

    /// Concrete values for each path parameter; a route with a parameter not listed here fails the test,
    /// so whoever adds it must say how to exercise it.
    static func values(_ w: World) -> [String: [String]] {
        [
            "code": ["GH-DPC-BAWKU", "GH-NPC", "GH1201", "WANEP"],
            "id": w.documents.filter { !$0.marker.hasPrefix("MKP") && !$0.marker.hasPrefix("MKV") }.map(\.id) + w.reporters.map(\.id) + w.personIDs
                + w.programmes,
            "year": ["2026"],
            "photo": ["no-such-photo"] + w.weaponPhotos,
            "action": ["no-such-action"],
            // A file asked for through its own submission is in `expand`; these find nothing.
            "file": ["no-such-file"] + w.submissionFiles.map(\.id),
            // OpenRosa: the forms hold the framework and area names only; a key that is no token is challenged.
            "form": ["agora-report", "agora-report.xml", "no-such-form"],
            "token": ["no-such-token"],
        ]
    }

    /// A route about one kind of record gets every record of that kind (each body and classification) and one of
    /// every other kind (an id of the wrong kind must find nothing).
    static func ids(for route: Route, _ w: World) -> [String] {
        let kinds = [
            "documents": "MKD", "reports": "MKR", "situation-reports": "MKS", "incidents": "MKI", "alerts": "MKA", "cases": "MKC",
            "submissions": "MKB", "forums": "MKF", "weapons": "MKW",  // no forum is secret: one id of each other kind is enough
        ]
        let constants = route.path.compactMap { c -> String? in
            if case .constant(let s) = c, s != "api", s != "v1" { return s }
            return nil
        }
        // Under /arms and /ddr the kind is named further along the path; campaigns and programmes hold no marker.
        let nested = ["tracing": "MKT", "destructions": "MKZ", "participants": "MKQ", "campaigns": "", "programmes": ""]
        let docs = w.documents.filter { !$0.marker.hasPrefix("MKP") && !$0.marker.hasPrefix("MKV") }
        guard let name = constants.first(where: { nested[$0] != nil }) ?? constants.first, let prefix = nested[name] ?? kinds[name] else {
            // A route of no known kind must find none of them: the strictest record of each kind and body is enough
            // (a route that found one id of another kind would find any), with every reporter, person and programme.
            return Self.strictest(docs) + w.reporters.map(\.id) + w.personIDs + w.programmes
        }
        let own = prefix.isEmpty ? (name == "programmes" ? w.programmes : []) : docs.filter { $0.marker.hasPrefix(prefix) }.map(\.id)
        return own + Self.strictest(docs.filter { !$0.marker.hasPrefix(prefix) }) + w.reporters.prefix(1).map(\.id) + w.personIDs.prefix(1)
    }

    /// Of each kind of record and each owning body, the one of the highest classification: the one an id of the
    /// wrong kind must above all not reach.
    static func strictest(_ docs: [(marker: String, id: String, record: AccessPolicy.Record)]) -> [String] {
        Dictionary(grouping: docs, by: { "\($0.marker.prefix(3)) \($0.record.ownerBody ?? "")" }).values.compactMap {
            $0.max { $0.record.classification < $1.record.classification }?.id
        }.sorted()
    }

    static func expand(_ route: Route, _ w: World) throws -> [String] {
        // A file is asked for through its own report and through another one (which must not serve it): pairs,
        // not every report id with every file id.
        // A weapon's photo through its own weapon and through another; a destruction's photo route finds none of them.
        if route.path.contains(.parameter("photo")) {
            let weapons = w.documents.filter { $0.marker.hasPrefix("MKW") && $0.record.ownerBody == "GH-DPC-BAWKU" }.map(\.id)
            let photos = w.weaponPhotos
            let pairs = zip(weapons, photos).flatMap {
                [($0, $1), ($0, photos[(photos.firstIndex(of: $1)! + 1) % photos.count]), ($0, "no-such-photo")]
            }
            return pairs.map { id, photo in
                "/" + route.path.map { c in c == .parameter("id") ? id : c == .parameter("photo") ? photo : c.description }.joined(separator: "/")
            }
        }
        if route.path.contains(.parameter("attachment")) {
            let pairs = w.attachments.enumerated().flatMap { i, a in [a, (report: a.report, id: w.attachments[(i + 1) % w.attachments.count].id)] }
            return pairs.map { p in
                "/"
                    + route.path.map { c -> String in
                        switch c {
                        case .parameter("id"): p.report
                        case .parameter("attachment"): p.id
                        default: c.description
                        }
                    }.joined(separator: "/")
            }
        }
        var values = Self.values(w)
        values["id"] = Self.ids(for: route, w)
        var paths = [""]
        for c in route.path {
            switch c {
            case .constant(let s): paths = paths.map { $0 + "/" + s }
            case .parameter(let name):
                guard let vs = values[name] else { throw TestFailure("no test values for path parameter :\(name) of \(route.path)") }
                paths = paths.flatMap { p in vs.map { p + "/" + $0 } }
            case .anything, .catchall: throw TestFailure("wildcard route \(route.path) needs a place in the access matrix")
            }
        }
        let base = paths.map { $0.isEmpty ? "/" : $0 }
        // Lists also answer searches: try each with a query that matches every marker.
        return base + (route.path.contains { if case .parameter = $0 { return true } else { return false } } ? [] : base.map { $0 + "?q=MK" })
    }

    static func check(_ res: TestingHTTPResponse, path: String, viewer: String, scope: AccessScope, _ w: World) {
        // The body as bytes searched with memmem: String.contains was a quarter of the matrix's time.
        let text = Haystack(res.body)
        for d in w.documents where !AccessPolicy.canSee(scope, d.record) {
            #expect(!text.contains(d.marker), "\(viewer) saw \(d.record.classification) \(d.marker) of \(d.record.ownerBody!) at GET \(path)")
            // Not even its id, unless the caller put it in the request.
            #expect(path.contains(d.id) || !text.contains(d.id), "\(viewer) saw the id of \(d.marker) at GET \(path)")
        }
        for r in w.reporters where !AccessPolicy.canSee(scope, .init(classification: .restricted, ownerBody: r.body)) {
            // The id may come back only as an echo of the caller's own request (a 404 naming it).
            #expect(!text.contains(r.marker) && (path.contains(r.id) || !text.contains(r.id)), "\(viewer) saw reporter \(r.marker) at GET \(path)")
        }
        for secret in w.phones { #expect(!text.contains(secret), "contact detail at GET \(path) for \(viewer)") }
        #expect(res.status.code < 500, "GET \(path) as \(viewer): \(res.status)")
    }

    struct Haystack {
        let bytes: [UInt8]
        init(_ buffer: ByteBuffer) { bytes = Array(buffer.readableBytesView) }
        func contains(_ needle: String) -> Bool {
            // memchr to the next first byte, memcmp the rest (Glibc's memmem is not visible to Swift).
            let n = Array(needle.utf8)
            guard let first = n.first, n.count <= bytes.count else { return n.isEmpty }
            return bytes.withUnsafeBytes { h in
                n.withUnsafeBytes { nb in
                    let base = h.baseAddress!
                    var at = 0
                    let last = h.count - n.count
                    while at <= last, let p = memchr(base + at, Int32(first), last - at + 1) {
                        if memcmp(p, nb.baseAddress!, n.count) == 0 { return true }
                        at = base.distance(to: UnsafeRawPointer(p)) + 1
                    }
                    return false
                }
            }
        }
    }

    @Test(arguments: Engine.available)
    func noAnswerHoldsARecordItsViewerMayNotSee(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.build(app)
            let tree = try await BodyStore(sql: app.sql).tree()
            let t = try app.testing()
            let routes = app.routes.all.filter { $0.method == .GET }
            #expect(routes.count >= 20, "the route table looks too small: \(routes.count)")
            let paths = try routes.flatMap { try Self.expand($0, w) }
            // The policy and its SQL are the same code on both engines; what an engine could change is how it evaluates
            // the scoping predicates. PostgreSQL gets the viewers whose predicates exclude the most — nobody, a stranger
            // with an account, a foreign district, a parent body, another country, a CSO, a body's own coordinator — and
            // SQLite every viewer (the matrix was two fifths of the Swift suite's CPU).
            let narrow: Set = ["anonymous", "named.only", "monitor.tamale", "analyst.rpc", "analyst.ke", "liaison.wanep", "coordinator.bawku"]
            let viewers = engine == .postgres ? w.viewers.filter { narrow.contains($0.name) } : w.viewers
            #expect(engine == .sqlite || viewers.count == narrow.count, "a viewer of the PostgreSQL run was renamed")
            // One task per viewer: the requests are independent, and the PostgreSQL run waits on round trips.
            let requests = try await withThrowingTaskGroup(of: Int.self) { group in
                for v in viewers {
                    group.addTask {
                        let scope = try await Self.scope(app, v.viewer, tree)
                        for path in paths {
                            let res = try await t.sendRequest(.GET, path, headers: v.token.map { .bearer($0) } ?? [:])
                            Self.check(res, path: path, viewer: v.name, scope: scope, w)
                        }
                        return paths.count
                    }
                }
                return try await group.reduce(0, +)
            }
            print("access matrix: \(requests) requests, \(routes.count) GET routes, \(viewers.count) viewers on \(engine)")
        }
    }

    /// The search the check relies on finds a needle anywhere, and only a whole one.
    @Test func theCheckFindsAMarkerAnywhereInTheBody() {
        let body = Haystack(ByteBuffer(string: "MKD1X middle MKR2X end MKS3X"))
        #expect(body.contains("MKD1X") && body.contains("MKR2X") && body.contains("MKS3X") && body.contains("e M"))
        #expect(!body.contains("MKD2X") && !body.contains("MKS3XY") && !body.contains("MKR2Y"))
        #expect(!Haystack(ByteBuffer(string: "MK")).contains("MKD"))
    }

    /// The lists, counts and exports show exactly what the rule allows — not merely less.
    @Test(arguments: Engine.available)
    func listsCountsAndExportsShowExactlyWhatTheRuleAllows(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.build(app)
            let tree = try await BodyStore(sql: app.sql).tree()
            let t = try app.testing()
            for v in w.viewers {
                let scope = try await Self.scope(app, v.viewer, tree)
                let headers: HTTPHeaders = v.token.map { .bearer($0) } ?? [:]
                if v.name == "liaison.wanep" {
                    // The accreditation is exercised: Tamale's restricted alert is among what the liaison may read, its case not.
                    #expect(Self.readsTamale("MKA", scope, w) && !Self.readsTamale("MKC", scope, w))
                }
                let docs = w.documents.filter { $0.marker.hasPrefix("MKD") }
                let expected = Set(docs.filter { AccessPolicy.canSee(scope, $0.record) }.map(\.marker))
                let list = try await t.sendRequest(.GET, "/api/v1/documents?limit=500", headers: headers)
                let listed = Set(docs.map(\.marker).filter { list.body.string.contains($0) })
                #expect(listed == expected, "\(v.name): listed \(listed.sorted()), expected \(expected.sorted())")
                let count = try object(try await t.sendRequest(.GET, "/api/v1/documents/count", headers: headers))
                #expect(count["total"] as? Int == expected.count, "\(v.name) count")
                let csv = try await t.sendRequest(.GET, "/api/v1/documents/export.csv", headers: headers)
                #expect(Set(docs.map(\.marker).filter { csv.body.string.contains($0) }) == expected, "\(v.name) export")
                let reports = w.documents.filter { $0.marker.hasPrefix("MKR") }
                let seenReports = try await t.sendRequest(.GET, "/api/v1/reports?limit=500", headers: headers)
                let expectedReports = Set(reports.filter { AccessPolicy.canSee(scope, $0.record) }.map(\.id))
                let listedReports = Set((try object(seenReports)["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
                #expect(listedReports == expectedReports, "\(v.name) reports")
                // Alerts and cases: owners, bodies above them, and the parties they are shared with.
                for (path, prefix) in [("/api/v1/alerts?limit=500", "MKA"), ("/api/v1/cases?limit=500", "MKC")]
                where v.token != nil || prefix == "MKA" {
                    let recs = w.documents.filter { $0.marker.hasPrefix(prefix) }
                    let exp = Set(recs.filter { AccessPolicy.canSee(scope, $0.record) }.map(\.id))
                    let got = Set(
                        (try object(try await t.sendRequest(.GET, path, headers: headers))["items"] as? [[String: Any]] ?? []).compactMap {
                            $0["id"] as? String
                        })
                    #expect(got == exp, "\(v.name) \(path): \(got.count) listed, \(exp.count) expected")
                }
            }
            // A party sees what its role in the case needs, and nothing of the owner's other records.
            let ke = w.viewers.first { $0.name == "analyst.ke" }!
            let keCases =
                try object(try await t.sendRequest(.GET, "/api/v1/cases?limit=500", headers: .bearer(ke.token!)))["items"] as? [[String: Any]] ?? []
            #expect(Set(keCases.compactMap { $0["classification"] as? String }) == ["internal", "restricted", "confidential", "public"])
            #expect(
                keCases.allSatisfy {
                    $0["body"] as? String == "GH-DPC-TAMALE" || $0["classification"] as? String == "public"
                        || $0["classification"] as? String == "internal"
                })
            // The rule itself, spelled out for the cases that matter most.
            func sees(_ name: String) async throws -> Set<String> {
                let v = w.viewers.first { $0.name == name }!
                let list = try await t.sendRequest(.GET, "/api/v1/documents?limit=500", headers: v.token.map { .bearer($0) } ?? [:])
                let rows = (try object(list)["items"] as? [[String: Any]] ?? [])
                return Set(rows.map { "\($0["body"] as! String)/\($0["classification"] as! String)" })
            }
            #expect(try await sees("anonymous") == ["GH-DPC-BAWKU/public", "GH-DPC-TAMALE/public"])
            #expect(
                try await sees("monitor.tamale") == [
                    "GH-DPC-BAWKU/public", "GH-DPC-TAMALE/public", "GH-DPC-BAWKU/internal", "GH-DPC-TAMALE/internal", "GH-DPC-TAMALE/restricted",
                ])
            // The national council is above both districts; the regional council above Bawku only, and named on the confidential papers.
            #expect(try await sees("analyst.npc").isSuperset(of: ["GH-DPC-BAWKU/restricted", "GH-DPC-TAMALE/restricted"]))
            #expect(try await !sees("analyst.npc").contains("GH-DPC-BAWKU/confidential"))
            #expect(
                try await sees("analyst.rpc").isSuperset(of: ["GH-DPC-BAWKU/restricted", "GH-DPC-BAWKU/confidential", "GH-DPC-TAMALE/confidential"]))
            #expect(try await !sees("analyst.rpc").contains("GH-DPC-TAMALE/restricted"))
            #expect(
                try await sees("named.only") == [
                    "GH-DPC-BAWKU/public", "GH-DPC-TAMALE/public", "GH-DPC-BAWKU/internal", "GH-DPC-TAMALE/internal",
                    "GH-DPC-BAWKU/confidential", "GH-DPC-TAMALE/confidential",
                ])
            // Kenya's early-warning unit is national, but not above anything in Ghana.
            #expect(try await !sees("analyst.ke").contains("GH-DPC-BAWKU/restricted"))
            #expect(try await !sees("installation admin").contains("GH-DPC-BAWKU/confidential"))
        }
    }
}
