import AgoraCore
import Foundation
import Vapor

/// `/mediations`: the cases a person may read; `/mediations/{id}`: a case with its table, sessions (each note cut
/// to what the reader is to the case) and the mediator's forms; `/agreements` and `/agreements/{id}`: agreements,
/// public ones to anyone — what was promised, what is done, the evidence that is public — with the scoring forms
/// for the body that keeps the record. Models load through the controllers' typed actions; forms post to them.
enum MediationPages {
    static func register(_ app: Application) {
        app.get("mediations", use: board)
        app.post("mediations", use: open)
        app.get("mediations", ":id", use: show)
        app.post("mediations", ":id", "act", use: act)
        app.get("agreements", use: agreements)
        app.get("agreements", ":id", use: agreement)
        app.post("agreements", ":id", "act", use: agreementAct)
    }

    static func board(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("med.board"), boardView(c, try await boardModel(req, c)))
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await fileModel(req, c)
        return Layout.response(c, title: m.file.mediation.title, fileView(c, m))
    }

    /// The form that opens a case: the reader is its mediator, with their declaration; parties one per line.
    static func open(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        var opened: String?
        let response = try await WebForm.run(req, back: SiteURL.mediations.path, notice: "opened") {
            let me = req.viewer.personID ?? ""
            let parties = (f["parties"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            let input = MediationController.NewMediation(
                title: f["title"] ?? "", body: f["body"] ?? "", track: try MediationTrack.parse(f["track"] ?? "", field: "track"),
                mode: try MediationMode.parse(f["mode"] ?? "", field: "mode"), topic: f["topic"] ?? "",
                areas: [f["area"] ?? ""].filter { !$0.isEmpty },
                incidents: nil, parties: parties.map { MediationParty(name: $0, kind: .group, role: .party) },
                mediators: [
                    Mediator(
                        name: f["mediator"] ?? "", person: me, declaration: f["declaration"] ?? "", declaredAt: String(Timestamp.now().prefix(10)))
                ],
                classification: nil, responseCase: nil, openedOn: nil)
            opened = try await MediationController.create(input, req: req).id
        }
        if let opened { return req.redirect(to: SiteURL.mediation(opened).path + "?notice=opened", redirectType: .normal) }
        return response
    }

    static func act(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: SiteURL.mediation(id).path, notice: f["do"] ?? "done") {
            switch f["do"] {
            case "transition":
                _ = try await MediationController.transition(
                    id, MediationController.Transition(to: try MediationState.parse(f["to"] ?? "", field: "to"), reason: f["reason"] ?? ""), req: req)
            case "consent":
                let file = try await MediationController.file(id, req: req)
                var parties = file.mediation.parties
                for i in parties.indices where parties[i].role == .party {
                    parties[i].consent = try Consent.parse(f["consent-\(i)"] ?? parties[i].consent.rawValue, field: "consent-\(i)")
                }
                _ = try await MediationController.table(
                    id, MediationController.Table(parties: parties, mediators: file.mediation.mediators), req: req)
            case "session":
                _ = try await MediationController.addSession(id, try sessionInput(f), req: req)
            case "agreement":
                _ = try await AgreementController.create(try agreementInput(f, caseID: id), req: req)
            default: throw APIError.badRequest(field: "do", "unknown step")
            }
        }
    }

    /// The session form: one row of attendance, one note with its visibility, one next step.
    static func sessionInput(_ f: [String: String]) throws -> MediationController.NewSession {
        func count(_ k: String) throws -> Int {
            guard let v = f[k], !v.isEmpty else { return 0 }
            guard let n = Int(v), n >= 0 else { throw APIError(ValidationFailure(field: k, "'\(v)' is not a count")) }
            return n
        }
        let category = f["category"] ?? ""
        let note = f["note"] ?? ""
        let step = f["nextAction"] ?? ""
        return MediationController.NewSession(
            date: f["date"] ?? "", area: f["area"] ?? "", format: try SessionFormat.parse(f["format"] ?? "", field: "format"),
            attendance: category.isEmpty
                ? [] : [Attendance(category: category, women: try count("women"), men: try count("men"), youth: try count("youth"))],
            notes: note.isEmpty ? [] : [SessionNote(text: note, visibility: try Visibility.parse(f["visibility"] ?? "", field: "visibility"))],
            outcomes: nil, documents: nil,
            nextSteps: step.isEmpty ? [] : [NextStep(action: step, owner: f["nextOwner"] ?? "", due: f["nextDue"] ?? "")])
    }

    static func agreementInput(_ f: [String: String], caseID: String) throws -> AgreementController.NewAgreement {
        AgreementController.NewAgreement(
            agreement: AgreementDraft(
                title: f["title"] ?? "", date: f["date"] ?? "", stage: f["stage"] ?? "SubComp", parties: f["parties"] ?? "",
                country: f["country"] ?? "",
                text: f["text"] ?? ""),
            body: f["body"] ?? "", caseId: caseID,
            classification: try Classification.parse(f["classification"] ?? "restricted", field: "classification"),
            stipulations: try CommitmentLines.parse(f["stipulations"] ?? ""))
    }

    static func agreements(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("agr.list"), publicPage: true, listView(c, try await listModel(req, c)))
    }

    static func agreement(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let m = try await agreementModel(req, c)
        return Layout.response(c, title: m.file.agreement.title, publicPage: true, agreementView(c, m))
    }

    static func agreementAct(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        // The public may allege a violation without an account (where the installation takes anonymous reports):
        // no session, so no CSRF token to check; the action limits it per address.
        let f = req.viewer.personID == nil ? try req.input([String: String].self) : try WebForm.fields(req)
        if f["do"] != "allege", req.viewer.personID == nil { return req.redirect(to: SiteURL.signIn.path) }
        return try await WebForm.run(req, back: SiteURL.agreement(id).path, notice: f["do"] ?? "done") {
            switch f["do"] {
            case "score":
                let ref = f["evidenceRef"] ?? ""
                let evidence =
                    ref.isEmpty
                    ? []
                    : [
                        Evidence(
                            kind: try Evidence.Kind.parse(f["evidenceKind"] ?? "", field: "evidenceKind"), ref: ref, note: f["evidenceNote"] ?? "")
                    ]
                guard let score = Int(f["score"] ?? "") else { throw APIError(ValidationFailure(field: "score", "choose a score")) }
                _ = try await AgreementController.score(
                    id,
                    AgreementController.NewScore(
                        stipulation: f["stipulation"] ?? "", period: f["period"] ?? "", score: score, evidence: evidence, note: f["note"]),
                    req: req)
            case "allege":
                _ = try await AgreementController.allege(
                    id,
                    AgreementController.NewViolation(
                        stipulation: f["stipulation"].flatMap { $0.isEmpty ? nil : $0 }, source: req.viewer.personID == nil ? .public : .monitor,
                        allegedParty: f["allegedParty"].flatMap { $0.isEmpty ? nil : $0 }, occurredOn: f["occurredOn"] ?? "", area: f["area"] ?? "",
                        description: f["description"] ?? "", incidents: nil), req: req)
            case "step":
                func opt(_ k: String) -> String? { f[k].flatMap { $0.isEmpty ? nil : $0 } }
                let team = opt("team")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                _ = try await AgreementController.step(
                    id, violation: f["violation"] ?? "",
                    ViolationStep(
                        to: try ViolationState.parse(f["to"] ?? "", field: "to"), note: f["note"] ?? "", team: team,
                        finding: try opt("finding").map { try ViolationFinding.parse($0, field: "finding") }, party: opt("party"),
                        stipulation: opt("findingStipulation"), respondent: opt("respondent")), req: req)
            case "review":
                guard let score = Int(f["score"] ?? "") else { throw APIError(ValidationFailure(field: "score", "choose a score")) }
                _ = try await AgreementController.review(id, score: f["scoreId"] ?? "", AgreementController.Review(score: score), req: req)
            default: throw APIError.badRequest(field: "do", "unknown step")
            }
        }
    }
}
