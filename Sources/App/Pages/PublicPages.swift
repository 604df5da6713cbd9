import AgoraCore
import Foundation
import Plot
import SQLKit
import Vapor

/// Pages anyone may read: the directory of bodies (the tree from global to community, each body's
/// mandate, legal basis, jurisdiction, composition and partners), aggregate statistics with
/// locations coarsened to the first administrative level, and how to report. Only `public` records
/// and public facts about institutions appear here.
enum PublicPages {
    static func register(_ app: Application) {
        app.get("bodies", use: directory)
        app.get("bodies", ":code", use: body)
        app.get("statistics", use: statistics)
        app.get("how-to-report", use: howTo)
    }

    static func directory(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let t = c.t
        let all = try await BodyStore(sql: req.sql).list(.init(), page: PageRequest(limit: PageRequest.maxLimit))
        let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var children: [String: [BodyView]] = [:]
        var roots: [BodyView] = []
        for b in all {
            if let p = b.parent, byCode[p] != nil { children[p, default: []].append(b) } else { roots.append(b) }
        }
        let order = BodyLevelOrder.descending
        func sorted(_ xs: [BodyView]) -> [BodyView] {
            xs.sorted { (order.firstIndex(of: $0.level) ?? 9, $0.name) < (order.firstIndex(of: $1.level) ?? 9, $1.name) }
        }
        func tree(_ b: BodyView, depth: Int) -> Node<HTML.ListContext> {
            let kids = depth < 8 ? sorted(children[b.code] ?? []) : []
            return .li(
                .a(.href("/bodies/\(b.code)"), .text(b.names[c.lang.rawValue] ?? b.name)),
                .span(.class("muted"), .text(" — " + t("level." + b.level))),
                .if(!kids.isEmpty, .ul(.forEach(kids) { tree($0, depth: depth + 1) })))
        }
        let main: Node<HTML.BodyContext> = .group(.p(.text(t("directory.intro"))), .ul(.forEach(sorted(roots)) { tree($0, depth: 0) }))
        return Layout.response(c, title: t("nav.directory"), main)
    }

    static func body(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let t = c.t
        let code = try req.parameters.require("code")
        guard let b = try await BodyStore(sql: req.sql).get(code) else { throw APIError.notFound("body", code) }
        let refs = try await BodyStore(sql: req.sql).refs(b.partners + [b.parent].compactMap { $0 })
        let areas = try await AreaStore(sql: req.sql).refs(b.jurisdiction)
        let shapes = try await AreaStore(sql: req.sql).shapes(of: b.jurisdiction)
        let map = areas.compactMap { a in
            shapes[a.code].map { SVG.MapArea(code: a.code, name: a.name, geometry: $0, fill: "#90caf9", href: nil, label: a.name) }
        }
        // Member names only for people of the body or above it; everyone sees the composition.
        var members: [MemberView] = []
        if c.signedIn, AccessPolicy.holds(c.viewer, Set(Role.allCases), in: code, orAbove: try await req.bodyTree()) || c.viewer.isInstallationAdmin {
            members = try await BodyStore(sql: req.sql).members(of: code)
        }
        let main: Node<HTML.BodyContext> = .group(
            .p(.text("\(t("level." + b.level)) · \(t("kind." + b.kind))" + (b.organisation.map { " · \($0)" } ?? ""))),
            .unwrap(b.description) { .p(.text($0)) },
            .table(
                .tr(.th(.text(t("body.legalBasis"))), .td(.text(b.legalBasis ?? "—"))),
                .tr(.th(.text(t("body.mandate"))), .td(.text(b.topics.map { t("topic." + $0) }.joined(separator: ", ")))),
                .tr(.th(.text(t("body.jurisdiction"))), .td(.text(b.worldwide ? t("body.worldwide") : areas.map(\.name).joined(separator: ", ")))),
                .tr(.th(.text(t("body.parent"))), .td(.unwrap(b.parent) { p in .a(.href("/bodies/\(p)"), .text(refs[p]?.name ?? p)) })),
                .tr(
                    .th(.text(t("body.partners"))),
                    .td(.forEach(b.partners) { p in .group(.a(.href("/bodies/\(p)"), .text(refs[p]?.name ?? p)), .text(" ")) })),
                .unwrap(b.website) { w in .tr(.th(.text(t("body.website"))), .td(.a(.href(w), .text(w)))) }),
            .if(!map.isEmpty, .raw(SVG.map(map, title: t("body.jurisdiction"), width: 600))),
            .h2(.text(t("body.composition", t.number(b.memberCount)))),
            .if(
                b.composition.isEmpty, .p(.class("muted"), .text("—")),
                else: .ul(.forEach(b.composition.sorted { $0.key < $1.key }) { k in .li(.text("\(t("category." + k.key)): \(t.number(k.value))")) })),
            .if(
                !members.isEmpty,
                .group(
                    .h2(.text(t("body.members"))),
                    .ul(
                        .forEach(members) { m in
                            .li(
                                .text(
                                    "\(m.name)" + (m.role.map { " — \($0)" } ?? "")
                                        + " (\(m.categories.map { t("category." + $0) }.joined(separator: ", ")))"))
                        }))))
        return Layout.response(c, title: b.names[c.lang.rawValue] ?? b.name, main)
    }

    /// Public incidents only, counted by first-level area and month: never a point, never a village.
    static func statistics(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let t = c.t
        let since = CivilDate.text(CivilDate.parse(Timestamp.now())! - 365)
        let rows = try await IncidentStore.table.select(req.sql, .anonymous)
            .columns(
                SQLColumn("area_path", table: "incidents"), SQLColumn("occurred_on", table: "incidents"), SQLColumn("fatalities", table: "incidents")
            )
            .where(SQLColumn("occurred_on", table: "incidents"), .greaterThanOrEqual, SQLBind(since)).limit(200_000).all()
        var counts: [String: (incidents: Int, deaths: Int)] = [:]
        var months = Set<String>()
        var byMonth: [String: Int] = [:]
        for r in rows {
            let path = RiskStore.path(try r.decode(column: "area_path", as: String.self))
            let admin1 = path.count >= 2 ? path[path.count - 2] : path.last ?? "?"
            let month = String(try r.decode(column: "occurred_on", as: String.self).prefix(7))
            months.insert(month)
            byMonth[month, default: 0] += 1
            counts[admin1, default: (0, 0)].incidents += 1
            counts[admin1, default: (0, 0)].deaths += try r.decode(column: "fatalities", as: Int.self)
        }
        let names = try await HomePage.areaNames(req)
        let ordered = counts.sorted { $0.value.incidents > $1.value.incidents }
        let chart = SVG.chart(
            months.sorted().map { ($0, Double(byMonth[$0] ?? 0), Double(byMonth[$0] ?? 0)) }, barName: t("risk.incidents"),
            lineName: t("risk.incidents"), title: t("stats.chart"))
        let main: Node<HTML.BodyContext> = .group(
            .p(.text(t("stats.intro"))),
            .if(
                rows.isEmpty, .p(.class("muted"), .text(t("stats.none"))),
                else: .group(
                    .raw(chart),
                    .table(
                        .tr(.th(.text(t("stats.area"))), .th(.text(t("risk.incidents"))), .th(.text(t("risk.fatalities")))),
                        .forEach(ordered.prefix(50)) { e in
                            .tr(.td(.text(names[e.key] ?? e.key)), .td(.text(t.number(e.value.incidents))), .td(.text(t.number(e.value.deaths))))
                        }))))
        return Layout.response(c, title: t("nav.statistics"), main)
    }

    static func howTo(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let t = c.t
        let ew = try await BodyStore(sql: req.sql).list(.init(topic: .earlyWarning), page: PageRequest(limit: PageRequest.maxLimit))
            .filter { ["district", "region", "national"].contains($0.level) }
        let main: Node<HTML.BodyContext> = .group(
            .p(.text(t("howto.p1"))), .p(.text(t("howto.p2"))),
            .if(req.application.agora.anonymousReports, .p(.text(t("howto.anonymous")))),
            .h2(.text(t("howto.bodies"))),
            .ul(
                .forEach(ew.sorted { $0.name < $1.name }) { b in
                    .li(.a(.href("/bodies/\(b.code)"), .text(b.names[c.lang.rawValue] ?? b.name)), .unwrap(b.website) { .text(" — " + $0) })
                }),
            .p(.a(.href("/report"), .text(t("howto.monitors")))))
        return Layout.response(c, title: t("nav.howto"), main)
    }
}
