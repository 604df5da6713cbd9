import AgoraCore
import Foundation
import Vapor

/// `/submissions`: what a person may read of the submissions to bodies, and the form to submit one;
/// `/submissions/{id}`: a submission with its clock and history, and the receiving body's forms to move it on and to
/// answer its asks. Forms call the same typed actions as the API (`SubmissionController.submit/step/answer`).
enum SubmissionPages {
    static func register(_ app: Application) {
        app.get("submissions", use: list)
        app.post("submissions", use: submit)
        app.get("submissions", ":id", use: show)
        app.post("submissions", ":id", "act", use: act)
    }

    static func list(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("sub.title"), listView(c, try await listModel(req, c)))
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await fileModel(req, c)
        return Layout.response(c, title: m.s.title, fileView(c, m))
    }

    static func submit(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        var made: String?
        let response = try await WebForm.run(req, back: SiteURL.submissions.path, notice: "submitted") {
            let asks = (f["asks"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let input = SubmissionController.NewSubmission(
                kind: try SubmissionKind.parse(f["kind"] ?? "", field: "kind"), title: f["title"] ?? "", summary: f["summary"] ?? "",
                area: f["area"] ?? "", topic: try Topic.parse(f["topic"] ?? "", field: "topic"), body: nil, asks: asks,
                organisation: f["organisation"].flatMap { $0.isEmpty ? nil : $0 }, protected: f["protected"] == "on",
                classification: f["public"] == "on" ? .public : .restricted)
            made = try await SubmissionController.submit(input, req: req).id
        }
        if let made { return req.redirect(to: SiteURL.submission(made).path + "?notice=submitted", redirectType: .normal) }
        return response
    }

    static func act(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: SiteURL.submission(id).path, notice: f["do"] ?? "done") {
            switch f["do"] {
            case "step":
                _ = try await SubmissionController.step(
                    id,
                    SubmissionController.Step(
                        to: try SubmissionState.parse(f["to"] ?? "", field: "to"), note: f["note"].flatMap { $0.isEmpty ? nil : $0 },
                        transferTo: f["transferTo"].flatMap { $0.isEmpty ? nil : $0 }, extendBy: nil), req: req)
            case "answer":
                let ns = f.keys.filter { $0.hasPrefix("answer-") }.compactMap { Int($0.dropFirst("answer-".count)) }.sorted()
                let answers = try ns.compactMap { n -> SubmissionController.Answers.One? in
                    guard let a = f["answer-\(n)"], !a.isEmpty else { return nil }
                    return SubmissionController.Answers.One(
                        n: n, answer: try AskAnswer.parse(a, field: "answer-\(n)"), reason: f["reason-\(n)"].flatMap { $0.isEmpty ? nil : $0 })
                }
                _ = try await SubmissionController.answer(id, SubmissionController.Answers(answers: answers, publish: f["publish"] == "on"), req: req)
            default: throw APIError.badRequest(field: "do", "unknown step")
            }
        }
    }
}
