import AgoraCore
import Foundation
import Plot

extension FederationPage {
    static let dash = "—"

    static func view(_ c: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        .group(
            installation(c, m.status), peers(c, m.status.peerFigures), agreements(c, m.agreements), quarantine(c, m),
            received(c, m), .p(.class("muted"), .text(c.t("fed.cli"))))
    }

    static func installation(_ c: PageContext, _ s: FederationController.Status) -> Node<HTML.BodyContext> {
        let t = c.t
        var link = t("fed.noLink")
        if let l = s.link {
            link = l.connected ? t("fed.up", l.lastContact ?? l.changedAt) : t("fed.down", l.changedAt, l.lastError ?? dash)
        }
        let rows: [(String, String)] = [
            (t("fed.installation"), s.installation ?? t("fed.off")), (t("fed.role"), s.hub ? t("fed.hub") : t("fed.national")),
            (t("fed.key"), s.publicKey ?? dash), ("NATS", s.nats ?? dash),
        ]
        return .dl(
            .forEach(rows) { r in .group(.dt(.text(r.0)), .dd(.text(r.1))) },
            .dt(.text(t("fed.link"))), .dd(.class(s.link?.connected == true ? "ok" : "warn"), .text(link)))
    }

    static func number(_ c: PageContext, _ v: Int) -> Node<HTML.TableRowContext> { .td(.class("num"), .text(c.t.number(v))) }

    static func peers(_ c: PageContext, _ peers: [FederationStore.PeerFigures]) -> Node<HTML.BodyContext> {
        let t = c.t
        let heads = [
            "fed.peer", "fed.pending", "fed.oldestPending", "fed.sent", "fed.lastSent", "fed.received", "fed.lastReceived", "fed.quarantined",
        ]
        return .group(
            .h2(.text(t("fed.peers", t.number(peers.count)))),
            .table(
                .tr(.forEach(heads) { .th(.text(t($0))) }),
                .forEach(peers) { p in
                    let name = p.name == p.peer ? p.peer : "\(p.name) (\(p.peer))"
                    return .tr(
                        .td(.text(name)), number(c, p.pending), .td(.text(p.oldestPending ?? dash)), number(c, p.published),
                        .td(.text(p.lastPublished ?? dash)), number(c, p.received), .td(.text(p.lastReceived ?? dash)), number(c, p.quarantined))
                }))
    }

    static func agreements(_ c: PageContext, _ agreements: [SharingAgreement]) -> Node<HTML.BodyContext> {
        let t = c.t
        let heads = ["fed.agreement", "fed.from", "fed.to", "fed.purpose", "fed.scope", "fed.state"]
        return .group(
            .h2(.text(t("fed.agreements", t.number(agreements.count)))),
            .table(
                .tr(.forEach(heads) { .th(.text(t($0))) }),
                .forEach(agreements) { a in
                    let types = a.types.map(\.rawValue).joined(separator: ", ")
                    let areas = a.areas.isEmpty ? "" : " · " + a.areas.joined(separator: ", ")
                    let scope = "\(types) · \(a.granularity.rawValue) · ≤ \(a.maxClassification.rawValue)\(areas)"
                    return .tr(
                        .td(.text(a.id)), .td(.text(a.origin)), .td(.text(a.recipient)), .td(.text(a.purpose)), .td(.text(scope)),
                        .td(.text(a.state.rawValue)))
                }))
    }

    static func quarantine(_ c: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .h2(.text(t("fed.quarantine", t.number(m.status.figures.quarantined)))),
            .p(.class("muted"), .text(t("fed.quarantineIntro"))),
            .table(
                .tr(.forEach(["fed.at", "fed.sender", "fed.subject", "fed.reason", "fed.what"]) { .th(.text(t($0))) }),
                .forEach(m.quarantined) { q in
                    .tr(
                        .td(.text(q.receivedAt)), .td(.text(q.sender ?? dash)), .td(.text(q.subject)), .td(.text(q.reason)),
                        .td(actions(c, q)))
                }))
    }

    /// Release checks the event again and applies it only if it now passes; discard keeps only the audit's record.
    static func actions(_ c: PageContext, _ q: QuarantinedEvent) -> Node<HTML.BodyContext> {
        .form(
            .class("inline"), .method(.post), .action(SiteURL.quarantineAct(q.id).path), Layout.csrf(c),
            .if(q.releasable, .button(.type(.submit), .name("do"), .value("release"), .text(c.t("fed.release")))),
            .button(.type(.submit), .name("do"), .value("discard"), .text(c.t("fed.discard"))))
    }

    static func received(_ c: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let t = c.t
        let heads = ["fed.origin", "fed.kind", "fed.record", "fed.where", "fed.agreement", "fed.at"]
        return .group(
            .h2(.text(t("fed.receivedTitle", t.number(m.status.figures.received)))),
            .table(
                .tr(.forEach(heads) { .th(.text(t($0))) }),
                .forEach(m.received) { r in
                    let agreement = r.agreement + (r.agreementEndedOn.map { " — " + t("fed.ended", $0) } ?? "")
                    return .tr(
                        .td(.text(r.origin)), .td(.text(r.kind)), .td(.text(summary(r))), .td(.text("\(r.country) · \(r.level)")),
                        .td(.text(agreement)), .td(.text(r.receivedAt)))
                }))
    }

    /// A received record in a line: its headline or title where the agreement let one through.
    static func summary(_ r: ReceivedRecord) -> String {
        for k in ["headline", "title", "name"] { if case .string(let s) = r.payload[k] { return "\(r.recordType): \(s)" } }
        return "\(r.recordType) \(r.sharedID)"
    }
}
