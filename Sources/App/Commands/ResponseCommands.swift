import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora risk recompute`.
struct RiskCommand: AsyncCommandGroup {
    var help: String { "Risk scores: rebuild them from every incident." }
    var commands: [String: any AnyAsyncCommand] { ["recompute": RiskRecomputeCommand()] }
}

struct RiskRecomputeCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Rebuild every risk cell from the incidents (after changing the framework's weights), then propose alerts for this week." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let r = try await RiskController.recompute(context.application, actor: cliActor)
        context.console.print("\(r.incidents) incidents → \(r.cells) area-period cells in \(r.milliseconds) ms (revision \(r.revision))")
    }
}

/// `agora report response-gap [--from D] [--to D] [--json]`.
struct ReportCommand: AsyncCommandGroup {
    var help: String { "Reports from the record." }
    var commands: [String: any AnyAsyncCommand] { ["response-gap": ResponseGapCommand()] }
}

struct ResponseGapCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "cases opened on or after this day (YYYY-MM-DD)") var from: String?
        @Option(name: "to", help: "cases opened on or before this day (YYYY-MM-DD)") var to: String?
        @Flag(name: "json", help: "print JSON instead of a table") var json: Bool
    }
    var help: String {
        "The gap between alert and response, per body and per level: median times, share unanswered, share escalated for missed deadlines."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        for (name, v) in [("--from", signature.from), ("--to", signature.to)] where v != nil && (CivilDate.parse(v!) == nil || v!.count != 10) {
            throw ValidationError("\(name): '\(v!)' is not a date; use YYYY-MM-DD")
        }
        let sql = context.application.sql
        // The command line acts for the installation: every case counts, confidential ones included, as numbers only.
        let tree = try await BodyStore(sql: sql).tree()
        var scope = AccessPolicy.scope(for: .person(id: "cli", installationAdmin: true, roles: []), in: tree)
        scope.memberOf = Set(tree.nodes.keys)
        let g = try await CaseController.gap(sql, scope: scope, from: signature.from, to: signature.to)
        if signature.json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try e.encode(g), as: UTF8.self))
            return
        }
        print(Self.table(g))
    }

    static func table(_ g: CaseController.GapReport) -> String {
        func dur(_ s: Double?) -> String {
            guard let s else { return "—" }
            if s < 3600 { return String(format: "%.0f min", s / 60) }
            if s < 172800 { return String(format: "%.1f h", s / 3600) }
            return String(format: "%.1f d", s / 86400)
        }
        func pct(_ v: Double) -> String { String(format: "%.0f%%", v * 100) }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var lines = ["Response gap" + (g.from.map { " from \($0)" } ?? "") + (g.to.map { " to \($0)" } ?? ""), ""]
        let head = [
            pad("", 20), pad("cases", 6), pad("to ack", 9), pad("to action", 10), pad("to close", 9), pad("no response", 12), "escalated late",
        ].joined(separator: " ")
        func row(_ r: ResponseGap.Row) -> String {
            [
                pad(r.key, 20), pad(String(r.cases), 6), pad(dur(r.medianSecondsToAcknowledge), 9), pad(dur(r.medianSecondsToFirstAction), 10),
                pad(dur(r.medianSecondsToClose), 9), pad(pct(r.noResponseShare), 12), pct(r.escalatedForDeadlineShare),
            ].joined(separator: " ")
        }
        lines += ["By level (of the body first routed to); times are medians from the alert", head] + g.byLevel.map(row)
        lines += ["", "By body", head] + g.byBody.map(row) + ["", row(g.total)]
        return lines.joined(separator: "\n")
    }
}

/// `agora cases sweep` and `agora notifications deliver`: the background jobs, once, by hand or from cron.
struct CasesCommand: AsyncCommandGroup {
    var help: String { "Response cases." }
    var commands: [String: any AnyAsyncCommand] { ["sweep": SweepCommand()] }
}

struct SweepCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Escalate every case whose acknowledgement or action deadline has passed (the server does this on its own)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let n = try await Sweeper(app: context.application).sweep()
        context.console.print("\(n) case(s) escalated")
    }
}

struct NotificationsCommand: AsyncCommandGroup {
    var help: String { "Notifications: deliver what is due in the outbox." }
    var commands: [String: any AnyAsyncCommand] { ["deliver": DeliverCommand()] }
}

struct DeliverCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Deliver due webhooks and e-mails once (the server does this on its own)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        let r = try await DeliveryWorker(app: context.application).deliverDue(limit: 500)
        context.console.print("\(r.delivered) delivered, \(r.failed) failed (will retry)")
    }
}
