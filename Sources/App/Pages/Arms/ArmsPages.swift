import AgoraCore
import Foundation
import Vapor

/// `/arms`: a commission's workspace — its register with serial search, the forms to register a weapon, open a
/// collection campaign, record what a collection point took in, record a destruction and send a tracing request;
/// `/arms/reports/{year}`: the year's figures for the PoA/ITI, ATT and SDG 16.4.2 reports, signed by the commission;
/// `/destructions`: public summaries; `/ddr/programmes/{id}`: a programme's dashboard (aggregates only). Forms call the
/// same typed actions as the API.
enum ArmsPages {
    static func register(_ app: Application) {
        app.get("arms", use: workspace)
        app.post("arms", "weapons", use: addWeapon)
        app.post("arms", "campaigns", use: addCampaign)
        app.post("arms", "campaigns", ":id", "collections", use: addCollection)
        app.post("arms", "destructions", use: addDestruction)
        app.post("arms", "tracing", use: addTrace)
        app.post("arms", "tracing", ":id", "steps", use: stepTrace)
        app.get("arms", "reports", ":year", use: report)
        app.post("arms", "reports", ":year", "sign", use: sign)
        app.get("destructions", use: destructions)
        app.get("ddr", "programmes", ":id", use: programme)
        app.post("ddr", "programmes", ":id", "participants", use: addParticipant)
        app.post("ddr", "participants", ":id", "steps", use: stepParticipant)
    }

    static func workspace(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("arms.title"), workspaceView(c, try await workspaceModel(req, c)))
    }

    static func report(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await reportModel(req, c)
        return Layout.response(c, title: c.t("arms.reportOf", m.known.body(m.body), String(m.year)), reportView(c, m))
    }

    static func destructions(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("arms.destructions"), destructionsView(c, try await destructionsModel(req, c)))
    }

    static func programme(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await programmeModel(req, c)
        return Layout.response(c, title: m.answer.programme.name, programmeView(c, m))
    }

    static func text(_ f: [String: String], _ k: String) -> String? { f[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
    static func lines(_ f: [String: String], _ k: String) -> [String] {
        (f[k] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    static func back(_ f: [String: String]) -> String { SiteURL.arms(body: text(f, "body")).path }

    static func addWeapon(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: back(f), notice: "saved") {
            let entry = WeaponEntry(
                body: f["body"] ?? "", type: try WeaponType.parse(f["type"] ?? "", field: "type"),
                status: try text(f, "status").map { try WeaponStatus.parse($0, field: "status") },
                marks: WeaponMarks(
                    manufacturer: text(f, "manufacturer"), countryOfManufacture: text(f, "country")?.uppercased(), serial: text(f, "serial"),
                    yearOfManufacture: try text(f, "year").map {
                        guard let y = Int($0) else { throw APIError(ValidationFailure(field: "year", "a year")) }
                        return y
                    }, model: text(f, "model"), calibre: text(f, "calibre"), markLocations: text(f, "markLocations").map { [$0] } ?? [],
                    unmarked: f["unmarked"] == "on", altered: f["altered"] == "on"),
                store: text(f, "store"))
            _ = try await WeaponController.create([entry], req: req, field: { _ in "" })
        }
    }

    static func addCampaign(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: back(f), notice: "saved") {
            let area = f["area"] ?? ""
            _ = try await ArmsActivityController.createCampaign(
                .init(
                    body: f["body"] ?? "", name: f["name"] ?? "", startsOn: f["startsOn"] ?? "", endsOn: f["endsOn"] ?? "", areas: [area],
                    incentives: text(f, "incentives"), points: lines(f, "points").map { CollectionPoint(name: $0, area: area) }, ddrProgramme: nil),
                req: req)
        }
    }

    static func addCollection(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: back(f), notice: "saved") {
            let weapons = try WeaponLines.parse(f["weapons"] ?? "", thisYear: Int(ArmsAccess.today.prefix(4)) ?? 2100)
            let status = try text(f, "status").map { try WeaponStatus.parse($0, field: "status") }
            _ = try await ArmsActivityController.collect(
                id,
                .init(
                    point: text(f, "point"), on: text(f, "on"),
                    weapons: weapons.map { .init(type: $0.type, marks: $0.marks, status: status, store: nil) }),
                req: req)
        }
    }

    static func addDestruction(req: Request) async throws -> Response {
        let (f, uploads) = try WebForm.fieldsAndFiles(req)
        return try await WebForm.run(req, back: SiteURL.destructions.path, notice: "saved") {
            // Photos checked before anything is written: a wrong file leaves no destruction without its pictures.
            let photos = try uploads.prefix(ArmsPhotoController.maxPhotos + 1).enumerated().map { i, u in
                try Media.check(u.bytes, field: "photos[\(i)]", expected: .photo)
            }
            if photos.count > ArmsPhotoController.maxPhotos {
                throw APIError(ValidationFailure(field: "photos", "\(ArmsPhotoController.maxPhotos) photos at most"))
            }
            let d = try await ArmsActivityController.destroy(
                .init(
                    body: f["body"] ?? "", on: f["on"] ?? "", place: f["place"] ?? "",
                    method: try DestructionMethod.parse(f["method"] ?? "", field: "method"), witnesses: lines(f, "witnesses"),
                    certificate: text(f, "certificate"), summary: text(f, "summary"), weapons: lines(f, "weapons"), ammunition: nil),
                req: req)
            for p in photos { _ = try await ArmsPhotoController.add(p, recordType: "arms-destruction", recordID: d.id, body: d.body, req: req) }
        }
    }

    static func addTrace(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: back(f), notice: "saved") {
            _ = try await ArmsActivityController.createTrace(
                .init(
                    body: f["body"] ?? "", counterpart: f["counterpart"] ?? "", circumstances: f["circumstances"] ?? "",
                    direction: try TracingDirection.parse(f["direction"] ?? "", field: "direction"), weapon: text(f, "weapon"),
                    send: f["send"] == "on"),
                req: req)
        }
    }

    static func stepTrace(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: back(f), notice: "saved") {
            _ = try await ArmsActivityController.stepTrace(
                id,
                .init(
                    to: try TracingState.parse(f["to"] ?? "", field: "to"),
                    outcome: try text(f, "outcome").map { try TracingOutcome.parse($0, field: "outcome") },
                    answer: text(f, "answer"), note: text(f, "note")),
                req: req)
        }
    }

    static func sign(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        let year = Int(try req.parameters.require("year")) ?? 0
        let body = f["body"] ?? ""
        return try await WebForm.run(req, back: SiteURL.armsReport(year: year, body: body).path, notice: "saved") {
            _ = try await ArmsActivityController.sign(year: year, body: body, req: req)
        }
    }

    static func addParticipant(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: SiteURL.ddrProgramme(id).path, notice: "saved") {
            _ = try await DDRController.registerParticipant(
                programme: id,
                .init(
                    category: try DDRCategory.parse(f["category"] ?? "", field: "category"), sex: f["sex"] ?? "", area: f["area"] ?? "",
                    faction: text(f, "faction"),
                    identity: DDRIdentity(
                        givenNames: f["givenNames"] ?? "", familyName: f["familyName"] ?? "", birthDate: f["birthDate"] ?? "",
                        placeOfOrigin: text(f, "placeOfOrigin"), motherName: text(f, "motherName"), idNumber: text(f, "idNumber")),
                    notDuplicateOf: text(f, "notDuplicateOf")),
                req: req)
        }
    }

    static func stepParticipant(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: SiteURL.ddrProgramme(f["programme"] ?? "").path, notice: "saved") {
            let to = try DDRStage.parse(f["to"] ?? "", field: "to")
            // One field on the page: what the stage needs, `;`-separated where it needs two (certificate; site).
            let detail = text(f, "detail")
            let parts = (detail ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            func part(_ i: Int) -> String? { i < parts.count ? parts[i] : nil }
            var step = DDRStep(to: to)
            switch to {
            case .screened: step.criterion = detail
            case .ineligible: (step.criterion, step.reason) = (part(0), part(1))
            case .disarmed: step.weapons = parts
            case .demobilised: (step.certificate, step.site) = (part(0), part(1))
            case .reintegration: (step.option, step.provider) = (part(0), part(1))
            default: step.note = detail
            }
            _ = try await DDRController.step(id, step, req: req)
        }
    }
}
