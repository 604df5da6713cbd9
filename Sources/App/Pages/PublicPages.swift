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
        app.get("receipt", use: receipt)
    }

    /// How to reach a body, as rows of a table or lines of a list: phone and SMS as links a phone can dial or text.
    static func contact(_ t: T, _ c: BodyContact?) -> [(label: String, node: Node<HTML.BodyContext>)] {
        guard let c else { return [] }
        func dial(_ n: String) -> String { n.filter { $0.isNumber || $0 == "+" } }
        var out: [(String, Node<HTML.BodyContext>)] = []
        if let p = c.phone { out.append((t("body.phone"), .a(.href("tel:" + dial(p)), .text(p)))) }
        if let s = c.sms { out.append((t("body.sms"), .a(.href("sms:" + dial(s)), .text(s)))) }
        if let e = c.email { out.append((t("body.email"), .a(.href("mailto:" + e), .text(e)))) }
        if let a = c.address { out.append((t("body.address"), .text(a))) }
        return out
    }

    /// `/receipt`: a member of the public who reported without an account asks what became of the report.
    static func receipt(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let t = c.t
        let code = (try? req.query.get(String.self, at: "code"))?.trimmingCharacters(in: .whitespaces) ?? ""
        var answer: Node<HTML.BodyContext> = .empty
        var status = HTTPResponseStatus.ok
        if !code.isEmpty {
            do {
                let r = try await PublicReports.check(code, req: req)
                let body = try await BodyStore(sql: req.sql).refs([r.body])[r.body]?.name ?? r.body
                answer = .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .p(.strong(.text(t("receipt.status." + r.status.rawValue)))),
                    .p(.text(t("receipt.reached", body, t.date(r.receivedOn)))))
            } catch let e as APIError {
                status = e.status == .tooManyRequests ? .tooManyRequests : .ok
                answer = .p(
                    .class("error"), .attribute(named: "role", value: "alert"),
                    .text(t(e.status == .tooManyRequests ? "receipt.slow" : "receipt.unknown")))
            }
        }
        let main: Node<HTML.BodyContext> = .group(
            answer,
            .form(
                .method(.get), .action(SiteURL.receipt.path),
                .label(.for("code"), .text(t("receipt.code"))),
                .input(.type(.text), .id("code"), .name("code"), .value(code), .attribute(named: "autocomplete", value: "off"), .required(true)),
                .button(.type(.submit), .text(t("receipt.check")))),
            .p(.class("muted"), .text(t("receipt.privacy"))))
        return Layout.response(c, title: t("receipt.title"), status: status, main)
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
                .a(.href(SiteURL.body(b.code).path), .text(b.names[c.lang.rawValue] ?? b.name)),
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
                .tr(.th(.text(t("body.parent"))), .td(.unwrap(b.parent) { p in .a(.href(SiteURL.body(p).path), .text(refs[p]?.name ?? p)) })),
                .tr(
                    .th(.text(t("body.partners"))),
                    .td(.forEach(b.partners) { p in .group(.a(.href(SiteURL.body(p).path), .text(refs[p]?.name ?? p)), .text(" ")) })),
                .unwrap(b.website) { w in .tr(.th(.text(t("body.website"))), .td(.a(.href(w), .text(w)))) },
                .forEach(contact(t, b.contact)) { row in .tr(.th(.text(row.label)), .td(row.node)) }),
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
            .if(
                req.application.agora.anonymousReports,
                .p(
                    .a(.class("button"), .href(SiteURL.report.path), .text(t("howto.publicForm"))), .text(" "),
                    .a(.href(SiteURL.receipt.path), .text(t("receipt.title"))))
            ),
            .h2(.text(t("howto.bodies"))),
            .ul(
                .class("contacts"),
                .forEach(ew.sorted { $0.name < $1.name }) { b in
                    .li(
                        .a(.href(SiteURL.body(b.code).path), .strong(.text(b.names[c.lang.rawValue] ?? b.name))),
                        .forEach(contact(t, b.contact)) { row in .div(.span(.class("muted"), .text(row.label + ": ")), row.node) },
                        .if(b.contact == nil, .unwrap(b.website) { .div(.text($0)) }))
                }),
            .p(.a(.href(SiteURL.report.path), .text(t("howto.monitors")))))
        return Layout.response(c, title: t("nav.howto"), main)
    }
}
