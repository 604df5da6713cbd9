import AgoraCore
import Foundation
import Vapor

/// `/submissions`: what a person may read of the submissions to bodies, and the form to submit one (anyone: without
/// an account it is anonymous, and the receipt code is shown once); `/submissions/receipt`: an anonymous submission by
/// its code; `/submissions/{id}`: a submission with its clock, history, files and commitments, the receiving body's
/// forms and the submitter's. Forms call the same typed actions as the API (`SubmissionController`,
/// `SubmissionFollowUpController`).
enum SubmissionPages {
    static func register(_ app: Application) {
        app.get("submissions", use: list)
        app.post("submissions", use: submit)
        app.get("submissions", "receipt", use: receiptForm)
        app.post("submissions", "receipt", use: receipt)
        app.get("submissions", ":id", use: show)
        app.post("submissions", ":id", "act", use: act)
        app.on(.POST, "submissions", ":id", "file", body: .collect(maxSize: "6mb"), use: addFile)
        app.get("responsiveness", use: league)
    }

    static func list(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("sub.title"), listView(c, try await listModel(req, c)))
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await fileModel(req, c)
        return Layout.response(c, title: m.s.title, fileView(c, m))
    }

    /// A signed-in form is checked against the session's CSRF token; an anonymous one has no session to abuse.
    static func fields(_ req: Request) throws -> [String: String] {
        req.caller == nil ? try req.input([String: String].self) : try WebForm.fields(req)
    }

    static func submit(req: Request) async throws -> Response {
        let f = try fields(req)
        var made: SubmissionView?
        let response = try await WebForm.run(req, back: SiteURL.submissions.path, notice: "submitted") {
            let asks = (f["asks"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let email = f["email"].flatMap { $0.isEmpty ? nil : $0 }
            let input = SubmissionController.NewSubmission(
                kind: try SubmissionKind.parse(f["kind"] ?? "", field: "kind"), title: f["title"] ?? "", summary: f["summary"] ?? "",
                area: f["area"] ?? "", topic: try Topic.parse(f["topic"] ?? "", field: "topic"), body: nil, asks: asks,
                organisation: f["organisation"].flatMap { $0.isEmpty ? nil : $0 }, protected: f["protected"] == "on",
                classification: f["public"] == "on" ? .public : .restricted,
                notify: email.map { SubmissionFollowUpController.Follow(channel: "email", target: $0) })
            made = try await SubmissionController.submit(input, req: req)
        }
        guard let made else { return response }
        if let code = made.receipt {
            // Shown on this page only: a code in an address would stay in the phone's history.
            let c = try await PageContext.of(req)
            let known = try await PageNames.load(req, lang: c.lang)
            return Layout.response(c, title: c.t("sub.receiptTitle"), receiptMadeView(c, code: code, s: made, known: known))
        }
        return req.redirect(to: SiteURL.submission(made.id).path + "?notice=submitted", redirectType: .normal)
    }

    static func receiptForm(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(
            c, title: c.t("sub.receiptCheck"), receiptView(c, code: "", s: nil, known: try await PageNames.load(req, lang: c.lang)))
    }

    /// Looks a code up (sent in the form, never in the address); the holder may answer the body's question.
    static func receipt(req: Request) async throws -> Response {
        let f = try req.input([String: String].self)
        let code = f["code"] ?? ""
        let c = try await PageContext.of(req)
        let known = try await PageNames.load(req, lang: c.lang)
        do {
            var r = try await SubmissionController.byReceipt(code, req: req)
            if f["do"] == "clarify" {
                try await SubmissionController.clarify(r, SubmissionController.Clarification(note: f["note"] ?? ""), actor: "anonymous", req: req)
                r = try await SubmissionController.byReceipt(code, req: req)
            }
            let s = try await SubmissionController.view(r, req: req, holder: true)
            return Layout.response(c, title: c.t("sub.receiptCheck"), receiptView(c, code: code, s: s, known: known))
        } catch {
            let e = APIErrorMiddleware.translate(error)
            guard e.status.code < 500 else { throw error }
            // A code that finds nothing is an answer to the form, not a missing page; too many tries stay 429.
            return Layout.response(
                c, title: c.t("sub.receiptCheck"), status: e.status == .notFound ? .ok : e.status,
                receiptView(c, code: code, s: nil, known: known, error: e.summary(c.t)))
        }
    }

    static func league(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("league.title"), leagueView(c, try await leagueModel(req, c)))
    }

    static func addFile(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        guard req.caller?.via == .session else { return req.redirect(to: SiteURL.signIn.path) }
        let (form, uploads) = try WebForm.fieldsAndFiles(req)
        return try await WebForm.run(req, back: SiteURL.submission(id).path, notice: "saved") {
            guard let u = uploads.first else { throw APIError(ValidationFailure(field: "file", "choose a file")) }
            _ = try await SubmissionFollowUpController.attach(try SubmissionFiles.check(u.bytes, name: u.filename, field: "file"), to: id, req: req)
        }
    }

    static func act(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        func text(_ k: String) -> String? { f[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        return try await WebForm.run(req, back: SiteURL.submission(id).path, notice: f["do"] ?? "done") {
            switch f["do"] {
            case "step":
                _ = try await SubmissionController.step(
                    id,
                    SubmissionController.Step(
                        to: try SubmissionState.parse(f["to"] ?? "", field: "to"), note: text("note"), transferTo: text("transferTo"), extendBy: nil),
                    req: req)
            case "extend":
                guard let days = Int(f["extendBy"] ?? "") else { throw APIError(ValidationFailure(field: "extendBy", "a number of working days")) }
                _ = try await SubmissionController.step(
                    id, SubmissionController.Step(to: nil, note: text("note"), transferTo: nil, extendBy: days), req: req)
            case "answer":
                let ns = f.keys.filter { $0.hasPrefix("answer-") }.compactMap { Int($0.dropFirst("answer-".count)) }.sorted()
                let answers = try ns.compactMap { n -> SubmissionController.Answers.One? in
                    guard let a = f["answer-\(n)"], !a.isEmpty else { return nil }
                    return SubmissionController.Answers.One(n: n, answer: try AskAnswer.parse(a, field: "answer-\(n)"), reason: text("reason-\(n)"))
                }
                _ = try await SubmissionController.answer(id, SubmissionController.Answers(answers: answers, publish: f["publish"] == "on"), req: req)
            case "commit":
                guard let n = Int(f["n"] ?? "") else { throw APIError(ValidationFailure(field: "n", "which ask")) }
                let progress = try text("progress").map { p -> Int in
                    guard let v = Int(p) else { throw APIError(ValidationFailure(field: "progress", "a whole number, 0 to 100")) }
                    return v
                }
                let u = CommitmentUpdate(
                    progress: progress, dueOn: text("dueOn"), responsibleBody: text("responsibleBody"),
                    milestones: Milestone.lines(f["milestones"] ?? ""),
                    note: text("note"))
                try await SubmissionFollowUpController.commit(id, n: n, u, req: req)
            case "clarify":
                try await SubmissionFollowUpController.clarify(id, SubmissionController.Clarification(note: f["note"] ?? ""), req: req)
            case "review":
                try await SubmissionFollowUpController.requestReview(
                    id, SubmissionFollowUpController.ReviewRequest(reason: f["reason"] ?? ""), req: req)
            case "decide":
                try await SubmissionFollowUpController.decideReview(
                    id,
                    SubmissionFollowUpController.ReviewDecision(
                        outcome: try ReviewState.parse(f["outcome"] ?? "", field: "outcome"), note: f["note"] ?? ""),
                    req: req)
            case "follow":
                _ = try await SubmissionFollowUpController.follow(
                    id, SubmissionFollowUpController.Follow(channel: "email", target: f["email"] ?? ""), req: req)
            case "unfollow":
                try await SubmissionFollowUpController.unfollow(id, follower: f["follower"] ?? "", req: req)
            case "publishAll":
                let s = try await SubmissionController.view(id, req: req)
                _ = try await SubmissionFollowUpController.publishHeld(body: s.body, req: req)
            default: throw APIError.badRequest(field: "do", "unknown step")
            }
        }
    }
}
