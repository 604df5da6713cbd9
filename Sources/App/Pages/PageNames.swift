import AgoraCore
import Foundation
import Plot
import Vapor

/// Names instead of codes: a council member reads "Bawku Municipal District Peace Council", not `GH-DPC-BAWKU`,
/// and "Armed attack on civilians", not `CS01`. The code stays one hover away (the `title`), for those who use it.
struct PageNames: Sendable {
    var bodies: [String: String]
    var indicators: [String: String]
    var people: [String: String] = [:]

    static func load(_ req: Request, lang: Lang, actors: [String] = []) async throws -> PageNames {
        let all = try await req.bodyNames()
        let framework = try await FrameworkStore(sql: req.sql).active()
        var people: [String: String] = [:]
        let store = PeopleStore(sql: req.sql)
        for a in Set(actors) where a.hasPrefix("person:") {
            if let p = try await store.person(id: String(a.dropFirst("person:".count))) { people[a] = p.displayName }
        }
        return PageNames(
            bodies: all.mapValues { $0.named(in: lang.rawValue) },
            indicators: Dictionary(
                framework.indicators.map { ($0.indicator.code, $0.indicator.names[lang.rawValue] ?? $0.indicator.name) },
                uniquingKeysWith: { a, _ in a }),
            people: people)
    }

    func body(_ code: String) -> String { bodies[code] ?? code }
    func indicator(_ code: String) -> String { indicators[code] ?? code }
    /// Who did something on the audit trail: a person's display name, or the system's own actor as written.
    func actor(_ a: String) -> String { people[a] ?? (a.hasPrefix("person:") ? "—" : a) }

    /// The name, with the code in a tooltip.
    func named<C: HTML.BodyContext>(_ code: String, _ name: String) -> Node<C> { .span(.attribute(named: "title", value: code), .text(name)) }
    func bodyNode<C: HTML.BodyContext>(_ code: String) -> Node<C> { named(code, body(code)) }
    func indicatorsNode<C: HTML.BodyContext>(_ codes: [String]) -> Node<C> {
        .forEach(Array(codes.enumerated())) { i, code in .group(.if(i > 0, .text(", ")), named(code, indicator(code))) }
    }
}
