import AgoraCore
import Crypto
import Foundation
import Plot

extension RiskPages {
    static func dashboardView(_ c: PageContext, _ m: DashboardModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let snap = m.snap
        let period = m.period
        let country = m.country
        let level = m.level
        let settings = m.settings
        let countryOptions = m.countryOptions
        let ranked = m.ranked
        let movers = m.movers
        let mapAreas = m.mapRows.compactMap { r -> SVG.MapArea? in
            guard let g = m.shapes[r.code] else { return nil }
            let chance = m.forecasts[r.code]?.fatal
            let label =
                "\(r.name): \(t("risk." + r.score.level.rawValue)) (\(t.number(r.score.score, digits: 1)))"
                + (chance.map { " — " + t("forecast.pFatal") + " " + percent(t, $0) } ?? "")
                + (r.score.spillover > 0 ? " — " + t("risk.spillFrom", r.score.neighbours.map(\.area).joined(separator: ", ")) : "")
                + (r.from.map { " — " + t("risk.reportedBy", $0) } ?? "")
            let fill = m.byChance ? SVG.fill(chance.map(ForecastBands.level)) : SVG.fill(r.score.score > 0 ? r.score.level : nil)
            return SVG.MapArea(
                code: r.code, name: r.name, geometry: g, fill: fill,
                href: SiteURL.riskArea(r.code, period: period.label).path,
                label: label, spill: r.score.spillover > 0)
        }
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
                .label(.for("colour"), .text(t("forecast.colourBy"))),
                .select(
                    .id("colour"), .attribute(named: "name", value: "colour"),
                    .option(.value("risk"), .label(t("forecast.byRisk")), .isSelected(!m.byChance)),
                    .option(.value("chance"), .label(t("forecast.byChance") + " (" + t.period(m.forecastPeriod.label) + ")"), .isSelected(m.byChance))
                ),
                .button(.type(.submit), .text(t("risk.show"))), .span(.class("muted"), .text(" " + t.period(period.label)))),
            .if(
                m.byChance, .p(.class("legend"), .text(t("forecast.chanceLegend"))),
                else: .p(
                    .class("legend"),
                    .forEach(RiskLevel.allCases) { l in .span(.span(.class("level level-\(l.rawValue)"), .text(t("risk." + l.rawValue)))) },
                    .span(.text(t("risk.spillLegend"))))),
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
            .if(m.countryView, .p(.class("muted"), .text(t("risk.countryView")))),
            .if(!m.sources.isEmpty, .p(.class("muted"), .text(t("risk.received", m.sources.joined(separator: ", "))))),
            .if(
                mapAreas.isEmpty, .p(.class("muted"), .text(t("risk.noShapes"))),
                else: .raw(m.maps.draw(mapAreas, title: t("risk.mapTitle", snap.areas[country]?.name ?? country, period.label)))),
            TiledMap.node(tiles: m.tiles, mapAreas),
            .div(
                .class("side"),
                .div(.h2(.text(t("risk.top"))), table(c, Array(ranked.prefix(15)), period: period, delta: false)),
                .div(.h2(.text(t("risk.movers"))), table(c, Array(movers), period: period, delta: true))),
            forecastTable(c, m))
        return main
    }

    /// Everything the drawn dashboard shows, as a digest: it is drawn once per state of its figures and language, then
    /// kept with the installation's maps (analysts' screens reload it all day; drawing was half its time). Area names,
    /// shapes and country options follow the geography revision the maps were read at; every figure drawn is in the
    /// digest itself.
    static func dashboardKey(_ c: PageContext, _ m: DashboardModel) -> SHA256Digest {
        var k = RenderCache.Key("risk-dashboard")
        for s in [
            c.lang.rawValue, "\(m.maps.revision)", m.country, m.level.rawValue, m.period.label, m.forecastPeriod.label, "\(m.byChance)",
            "\(m.countryView)", m.sources.joined(separator: ","), m.tiles ?? "", m.countryOptions.joined(separator: ","),
        ] { k.add(s) }
        for l in [AreaLevel.admin2, .admin1, .country] {
            let th = m.settings.thresholds(for: l)
            for n in [th.moderate, th.high, th.critical] { k.add(n) }
        }
        for (tag, rows) in [("rows", m.rows), ("map", m.mapRows)] {
            k.add(tag)
            for r in rows {
                for s in [
                    r.code, r.name, r.level.rawValue, r.score.level.rawValue, r.from ?? "-", r.score.neighbours.map(\.area).joined(separator: ","),
                ] {
                    k.add(s)
                }
                for n in [r.score.score, r.score.spillover, r.last] { k.add(n) }
            }
        }
        for code in m.forecasts.keys.sorted() {
            guard let f = m.forecasts[code] else { continue }
            k.add(code)
            for n in [f.fatal, f.deaths, Double(f.deathsLow), Double(f.deathsHigh)] { k.add(n) }
        }
        return k.finalize()
    }

    /// The areas most likely to see deadly violence this month, with expected deaths and their interval.
    static func forecastTable(_ c: PageContext, _ m: DashboardModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let rows = m.rows.compactMap { r in m.forecasts[r.code].map { (r, $0) } }.sorted { $0.1.fatal > $1.1.fatal }.prefix(15)
        return .section(
            .h2(.text(t("forecast.top", t.period(m.forecastPeriod.label)))),
            .if(
                rows.isEmpty, .p(.class("muted"), .text(t("forecast.none"))),
                else: .table(
                    .tr(.th(.text(t("report.where"))), .th(.text(t("forecast.pFatal"))), .th(.text(t("forecast.deaths")))),
                    .forEach(Array(rows)) { r, f in
                        .tr(
                            .td(.a(.href(SiteURL.riskArea(r.code, period: m.period.label).path), .text(r.name))),
                            .td(HomePage.level(c, ForecastBands.level(f.fatal), text: percent(t, f.fatal))),
                            .td(.text(t("forecast.interval", t.number(f.deaths, digits: 1), t.number(f.deathsLow), t.number(f.deathsHigh)))))
                    })),
            .p(.a(.href(SiteURL.forecastRecord.path), .text(t("forecast.recordLink")))))
    }

    static func percent(_ t: T, _ p: Double) -> String { t.number(p * 100, digits: p < 0.1 ? 1 : 0) + " %" }

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
                            r.score.spillover > 0 ? .text(" ⇢") : .empty,
                            r.from.map { .span(.class("muted"), .text(" (" + $0 + ")")) } ?? .empty),
                        .td(.text(t.number(r.score.score, digits: 1))),
                        .td(
                            delta
                                ? .text((r.score.score >= r.last ? "+" : "") + t.number(r.score.score - r.last, digits: 1))
                                : HomePage.level(c, r.score.level)))
                }))
    }

}
