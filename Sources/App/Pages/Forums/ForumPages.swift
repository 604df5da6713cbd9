import AgoraCore
import Foundation
import Vapor

/// `/forums`: the dialogue forums bodies convene, public (participants are counted, never named), with the form to
/// convene one; `/forums/{id}`: a forum's sessions and its inclusion against its targets, with the form to record a
/// session. Forms call the same typed actions as the API (`ForumController.create/addSession`).
enum ForumPages {
    static func register(_ app: Application) {
        app.get("forums", use: list)
        app.post("forums", use: convene)
        app.get("forums", ":id", use: show)
        app.post("forums", ":id", "sessions", use: addSession)
    }

    static func list(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("forum.title"), listView(c, try await listModel(req, c)))
    }

    static func show(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let m = try await fileModel(req, c)
        return Layout.response(c, title: m.file.forum.name, fileView(c, m))
    }

    static func percent(_ f: [String: String], _ k: String, default d: Double) throws -> Double {
        guard let s = f[k], !s.isEmpty else { return d }
        guard let v = Double(s) else { throw APIError(ValidationFailure(field: "targets.\(k)", "a percentage, 0 to 100")) }
        return v / 100
    }

    static func convene(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        var made: String?
        let response = try await WebForm.run(req, back: SiteURL.forums.path, notice: "saved") {
            let d = InclusionTargets()
            let input = ForumController.NewForum(
                body: f["body"] ?? "", name: f["name"] ?? "", mandate: f["mandate"] ?? "",
                topics: try (f["topic"].map { [$0] } ?? []).filter { !$0.isEmpty }.map { try Topic.parse($0, field: "topics") },
                areas: (f["area"] ?? "").isEmpty ? [] : [f["area"] ?? ""], partners: [], standing: f["standing"] == "on",
                targets: InclusionTargets(
                    women: try percent(f, "women", default: d.women), youth: try percent(f, "youth", default: d.youth),
                    cso: try percent(f, "cso", default: d.cso),
                    traditionalAndReligious: try percent(f, "traditionalAndReligious", default: d.traditionalAndReligious)))
            made = try await ForumController.create(input, req: req).id
        }
        if let made { return req.redirect(to: SiteURL.forum(made).path + "?notice=saved", redirectType: .normal) }
        return response
    }

    static func addSession(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: SiteURL.forum(id).path, notice: "saved") {
            func n(_ k: String) throws -> Int {
                guard let s = f[k], !s.isEmpty else { return 0 }
                guard let v = Int(s) else { throw APIError(ValidationFailure(field: k, "a whole number")) }
                return v
            }
            let participants = try ForumController.categories.map { cat in
                Attendance(category: cat, women: try n("women-\(cat)"), men: try n("men-\(cat)"), youth: try n("youth-\(cat)"))
            }.filter { $0.women + $0.men > 0 }
            let resolutions = (f["resolutions"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            _ = try await ForumController.addSession(
                id,
                ForumController.NewSession(
                    heldOn: f["heldOn"] ?? "", participants: participants, agenda: f["agenda"] ?? "", resolutions: resolutions),
                req: req)
        }
    }
}
