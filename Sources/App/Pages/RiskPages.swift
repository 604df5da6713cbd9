import AgoraCore
import Foundation
import Plot
import Vapor

/// `/risk`: the situation-room view — a map of areas coloured by risk level, top movers this week,
/// spill-over across borders outlined; `/risk/{code}`: one area's score, drivers and trend.
enum RiskPages {
    static func register(_ app: Application) {
        app.get("risk", use: dashboard)
        app.get("risk", ":code", use: area)
    }

    struct Row {
        var code, name: String
        var level: AreaLevel
        var score: RiskScore
        var last: Double
    }

    static func dashboard(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let t = c.t
        let snap = try await req.riskSnapshot()
        let settings = try await SettingsStore(sql: req.sql).load().risk
        let period = try RiskController.period(req)
        let level = try req.query.get(String?.self, at: "level").flatMap(AreaLevel.init(rawValue:)) ?? .admin1
        let countries = Set(snap.areas.filter { $0.value.level == .country }.keys)
        let tree = try await req.bodyTree()
        let mine = c.viewer.roles.compactMap { tree.nodes[$0.body]?.jurisdictionPaths.first?.last }.first { countries.contains($0) }
        let candidates = snap.candidates(period)
        let busiest = candidates.map { snap.score($0, period) }.filter { snap.areas[$0.area]?.level == .country }.max { $0.score < $1.score }?.area
        let country = try req.query.get(String?.self, at: "country") ?? mine ?? busiest ?? "GHA"

        // Every area of the country at the level, scored; and cross-border neighbours with a score.
        var inCountry = snap.areas.filter { $0.value.level == level && snap.path($0.key).last == country }.map(\.key)
        var codes = Set(inCountry)
        for a in inCountry {
            for n in snap.neighbours[a] ?? [] where snap.areas[n]?.level == level && snap.score(n, period).score > 0 { codes.insert(n) }
        }
        // Without shapes at that level, the map shows the country itself with the countries it borders — zoomed to it, not its
        // whole region (the tables keep the level asked for).
        var mapCodes = codes
        var mapNote: String?
        if try await AreaStore(sql: req.sql).shapes(of: Array(codes)).isEmpty {
            inCountry = [country] + (snap.neighbours[country] ?? []).filter { snap.areas[$0]?.level == .country }.sorted()
            mapCodes = Set(inCountry)
            mapNote = t("risk.countryView")
        }
        let rows = codes.map { code in
            Row(
                code: code, name: snap.areas[code]?.name ?? code, level: level, score: snap.score(code, period),
                last: snap.score(code, period.advanced(by: -1)).score)
        }
        let shapes = try await AreaStore(sql: req.sql).shapes(of: Array(mapCodes))
        let mapRows =
            mapCodes == codes
            ? rows
            : mapCodes.map { code in
                Row(
                    code: code, name: snap.areas[code]?.name ?? code, level: .country, score: snap.score(code, period),
                    last: snap.score(code, period.advanced(by: -1)).score)
            }
        let mapAreas = mapRows.compactMap { r -> SVG.MapArea? in
            guard let g = shapes[r.code] else { return nil }
            let label =
                "\(r.name): \(t("risk." + r.score.level.rawValue)) (\(t.number(r.score.score, digits: 1)))"
                + (r.score.spillover > 0 ? " — " + t("risk.spillFrom", r.score.neighbours.map(\.area).joined(separator: ", ")) : "")
            return SVG.MapArea(
                code: r.code, name: r.name, geometry: g, fill: SVG.fill(r.score.score > 0 ? r.score.level : nil),
                href: SiteURL.riskArea(r.code, period: period.label).path,
                label: label, spill: r.score.spillover > 0)
        }
        let movers = rows.filter { $0.score.score != $0.last }.sorted { ($0.score.score - $0.last) > ($1.score.score - $1.last) }.prefix(10)
        let ranked = rows.filter { $0.score.score > 0 }.sorted { $0.score.score > $1.score.score }
        let countryOptions = countries.sorted().filter { c in snap.areas.contains { $0.value.parent == c } }
        let main: Node<HTML.BodyContext> = .group(
            .form(
                .method(.get), .action(SiteURL.risk.path), .class("inline"),
                .label(.for("country"), .text(t("risk.country"))),
                .select(
                    .id("country"), .attribute(named: "name", value: "country"),
                    .forEach(countryOptions) { code in
                        .option(.value(code), .label(snap.areas[code]?.name ?? code), .isSelected(code == country))
                    }),
                .label(.for("level"), .text(t("risk.levelOfAreas"))),
                .select(
                    .id("level"), .attribute(named: "name", value: "level"),
                    .forEach([AreaLevel.admin1, .admin2]) { l in
                        .option(.value(l.rawValue), .label(t("area." + l.rawValue)), .isSelected(l == level))
                    }),
                .label(.for("period"), .text(t("risk.period"))),
                .input(.type(.text), .id("period"), .name("period"), .value(period.label), .attribute(named: "size", value: "9")),
                .button(.type(.submit), .text(t("risk.show"))), .span(.class("muted"), .text(" " + t.period(period.label)))),
            .p(
                .class("legend"),
                .forEach(RiskLevel.allCases) { l in .span(.span(.class("level level-\(l.rawValue)"), .text(t("risk." + l.rawValue)))) },
                .span(.text(t("risk.spillLegend")))),
            // One classification everywhere: a score's level depends on the size of its area, and the page says by how much.
            .p(
                .class("muted"),
                .text(
                    t("risk.levelsBySize") + " "
                        + [AreaLevel.admin2, .admin1, .country].map { l in
                            let th = settings.thresholds(for: l)
                            return t(
                                "risk.thresholdsAt", t("area." + l.rawValue), t.number(th.moderate, digits: 0), t.number(th.high, digits: 0),
                                t.number(th.critical, digits: 0))
                        }.joined(separator: "; "))),
            .unwrap(mapNote) { .p(.class("muted"), .text($0)) },
            .if(
                mapAreas.isEmpty, .p(.class("muted"), .text(t("risk.noShapes"))),
                else: .raw(SVG.map(mapAreas, title: t("risk.mapTitle", snap.areas[country]?.name ?? country, period.label)))),
            TiledMap.node(tiles: TiledMap.tiles(req), mapAreas),
            .div(
                .class("side"),
                .div(.h2(.text(t("risk.top"))), table(c, Array(ranked.prefix(15)), period: period, delta: false)),
                .div(.h2(.text(t("risk.movers"))), table(c, Array(movers), period: period, delta: true))))
        return Layout.response(
            c, title: t("risk.title", period.label),
            scripts: TiledMap.scripts(req, drawn: !mapAreas.isEmpty), styles: TiledMap.styles(req, drawn: !mapAreas.isEmpty), main)
    }

    static func table(_ c: PageContext, _ rows: [Row], period: Period, delta: Bool) -> Node<HTML.BodyContext> {
        let t = c.t
        return .if(
            rows.isEmpty, .p(.class("muted"), .text(t("risk.none"))),
            else: .table(
                .tr(.th(.text(t("report.where"))), .th(.text(t("risk.score"))), .th(.text(delta ? t("risk.change") : t("risk.level")))),
                .forEach(rows) { r in
                    .tr(
                        .td(
                            .a(.href(SiteURL.riskArea(r.code, period: period.label).path), .text(r.name)),
                            r.score.spillover > 0 ? .text(" ⇢") : .empty),
                        .td(.text(t.number(r.score.score, digits: 1))),
                        .td(
                            delta
                                ? .text((r.score.score >= r.last ? "+" : "") + t.number(r.score.score - r.last, digits: 1))
                                : HomePage.level(c, r.score.level)))
                }))
    }

    static func area(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let t = c.t
        let r = try await RiskController().area(req: req)
        let snap = try await req.riskSnapshot()
        let s = r.score
        let chart = SVG.chart(
            r.trend.map { ($0.period, Double($0.incidents), $0.score) }, barName: t("risk.incidents"), lineName: t("risk.score"),
            title: t("risk.trend", r.name))
        let around = [r.area] + (snap.neighbours[r.area] ?? [])
        let shapes = try await AreaStore(sql: req.sql).shapes(of: around)
        let period = Period.parse(s.period)!
        let mapAreas = around.compactMap { code -> SVG.MapArea? in
            guard let g = shapes[code] else { return nil }
            let sc = snap.score(code, period)
            return SVG.MapArea(
                code: code, name: snap.areas[code]?.name ?? code, geometry: g, fill: SVG.fill(sc.score > 0 ? sc.level : nil),
                href: code == r.area ? nil : SiteURL.riskArea(code, period: s.period).path,
                label: "\(snap.areas[code]?.name ?? code): \(t("risk." + sc.level.rawValue)) (\(t.number(sc.score, digits: 1)))",
                spill: sc.spillover > 0)
        }
        let names = Dictionary(
            snap.framework.indicators.map { ($0.indicator.code, $0.indicator.names[c.lang.rawValue] ?? $0.indicator.name) },
            uniquingKeysWith: { a, _ in a })
        let main: Node<HTML.BodyContext> = .group(
            .p(HomePage.level(c, s.level), .text(" " + t("risk.scoreIs", t.number(s.score, digits: 1), t.period(s.period)))),
            .table(
                .tr(.th(.text(t("risk.pressure"))), .td(.text(t.number(s.pressure, digits: 2)))),
                .tr(.th(.text(t("risk.baseline"))), .td(.text(t.number(s.baseline, digits: 2)))),
                .tr(.th(.text(t("risk.surge"))), .td(.text(t.number(s.surge, digits: 2)))),
                .tr(.th(.text(t("risk.spillover"))), .td(.text(t.number(s.spillover, digits: 2)))),
                .tr(.th(.text(t("risk.incidents"))), .td(.text(t.number(s.incidents)))),
                .tr(.th(.text(t("risk.fatalities"))), .td(.text(t.number(s.fatalities))))),
            .h2(.text(t("risk.drivers"))),
            .ul(
                .forEach(r.drivers) { d in
                    let what: Node<HTML.BodyContext> = {
                        switch d.kind {
                        case .indicator: return .text("\(d.code) — \(names[d.code] ?? d.code)")
                        case .incident: return .a(.href(SiteURL.incident(d.code).path), .text(t("risk.driverIncident")))
                        case .neighbour:
                            return .a(
                                .href(SiteURL.riskArea(d.code, period: s.period).path),
                                .text(t("risk.driverNeighbour", snap.areas[d.code]?.name ?? d.code)))
                        case .fatalities: return .text(t("risk.fatalities"))
                        }
                    }()
                    return .li(what, .text(": " + (d.contribution >= 0 ? "+" : "") + t.number(d.contribution, digits: 2)))
                }),
            .h2(.text(t("risk.trendHeading"))), .raw(chart),
            .details(
                .summary(.text(t("risk.trendTable"))),
                .table(
                    .tr(.th(.text(t("risk.period"))), .th(.text(t("risk.incidents"))), .th(.text(t("risk.fatalities"))), .th(.text(t("risk.score")))),
                    .forEach(r.trend.reversed()) { p in
                        .tr(
                            .td(.span(.attribute(named: "title", value: p.period), .text(t.period(p.period)))), .td(.text(t.number(p.incidents))),
                            .td(.text(t.number(p.fatalities))),
                            .td(.text(t.number(p.score, digits: 1) + " (" + t("risk." + p.level.rawValue) + ")")))
                    })),
            .if(!mapAreas.isEmpty, .group(.h2(.text(t("risk.neighbourhood"))), .raw(SVG.map(mapAreas, title: t("risk.neighbourhood"), width: 700)))),
            .p(.a(.href(SiteURL.alertNew(area: r.area).path), .text(t("alert.composeFor", r.name)))))
        return Layout.response(c, title: r.name, main)
    }
}
