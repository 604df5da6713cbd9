import AgoraCore
import Foundation
import Plot

extension RiskPages {
    static func areaView(_ c: PageContext, _ m: AreaModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let r = m.risk
        let snap = m.snap
        let s = r.score
        let chart = SVG.chart(
            r.trend.map { ($0.period, Double($0.incidents), $0.score) }, barName: t("risk.incidents"), lineName: t("risk.score"),
            title: t("risk.trend", r.name))
        let around = m.around
        let shapes = m.shapes
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
        let names = m.indicatorNames
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
            .if(
                !mapAreas.isEmpty,
                .group(.h2(.text(t("risk.neighbourhood"))), .raw(m.maps.draw(mapAreas, title: t("risk.neighbourhood"), width: 700)))),
            .p(.a(.href(SiteURL.alertNew(area: r.area).path), .text(t("alert.composeFor", r.name)))))
        return .group(main, forecastSection(c, m))
    }

    /// The chances for this month and this week, what weighs most in them, and the model that made them.
    static func forecastSection(_ c: PageContext, _ m: AreaModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .section(
            .h2(.text(t("forecast.title"))),
            .if(m.forecasts.isEmpty, .p(.class("muted"), .text(t("forecast.none")))),
            .forEach(m.forecasts) { f, window in
                .div(
                    .class("card"),
                    .h3(.text(t("forecast.period", t.period(f.period)))),
                    .table(
                        .tr(.th(.text(t("forecast.pFatal"))), .td(HomePage.level(c, ForecastBands.level(f.fatal), text: percent(t, f.fatal)))),
                        .tr(.th(.text(t("forecast.pViolent"))), .td(.text(percent(t, f.violent)))),
                        .tr(
                            .th(.text(t("forecast.deaths"))),
                            .td(.text(t("forecast.interval", t.number(f.deaths, digits: 1), t.number(f.deathsLow), t.number(f.deathsHigh)))))),
                    .p(.strong(.text(t("forecast.drivers") + ": "))),
                    .ul(
                        .forEach(f.drivers) { d in
                            .li(.text(t("feature." + d.feature) + " — " + (d.contribution >= 0 ? t("forecast.raises") : t("forecast.lowers"))))
                        }),
                    .unwrap(window) { w in .p(.class("muted"), .text(t("forecast.model", t.period(w.from), t.period(w.to), t.number(w.rows)))) })
            },
            .p(.a(.href(SiteURL.forecastRecord.path), .text(t("forecast.recordLink")))))
    }
}
