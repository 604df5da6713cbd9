import AgoraCore
import Foundation
import Vapor

extension RiskPages {
    struct DashboardModel: Sendable {
        var snap: RiskSnapshot
        var settings: RiskSettings
        var period: Period
        var level: AreaLevel
        var country: String
        var countryOptions: [String]
        var rows: [Row]
        /// The areas drawn: the rows, or the country with its neighbours when there are no shapes at the level.
        var mapRows: [Row]
        var countryView: Bool
        var shapes: [String: AreaGeometry]
        /// Draws the map once per areas, colours, labels and geography revision.
        var maps: Maps
        var ranked: [Row]
        var movers: [Row]
        var tiles: String?
        /// This month's forecasts of the areas shown, and whether the map is coloured by them.
        var forecasts: [String: StoredForecast]
        var forecastPeriod: Period
        var byChance: Bool
        /// Installations whose figures the map draws (a hub's, from the risk aggregates it received).
        var sources: [String]
    }

    static func dashboardModel(_ req: Request, _ c: PageContext) async throws -> DashboardModel {
        let snap = try await req.riskSnapshot()
        let settings = try await SettingsStore(sql: req.sql).load().risk
        let period = try RiskController.period(req)
        let level = try req.query.get(String?.self, at: "level").flatMap(AreaLevel.init(rawValue:)) ?? .admin1
        let countries = Set(snap.countries)
        let tree = try await req.bodyTree()
        let mine = c.viewer.roles.compactMap { tree.nodes[$0.body]?.jurisdictionPaths.first?.last }.first { countries.contains($0) }
        // The busiest country is scored only when the page has no other way to choose one.
        func busiest() -> String? {
            snap.candidates(period).filter { snap.areas[$0]?.level == .country }.map { snap.score($0, period) }.max { $0.score < $1.score }?.area
        }
        let country = try req.query.get(String?.self, at: "country") ?? mine ?? busiest() ?? "GHA"

        // What national installations sent (at a hub): their own figure for an area stands in for this store's.
        let received = try await FederationStore(sql: req.sql).receivedRisk(period: period.label).filter { $0.figure.areaLevel == level }
        var shared: [String: (score: RiskScore, from: String)] = [:]
        for r in received where snap.path(r.figure.area).last == country || snap.areas[r.figure.area] == nil {
            shared[r.figure.area] = (RiskAggregates.score(r.figure, period: period), r.origin)
        }
        func score(_ code: String) -> RiskScore { shared[code]?.score ?? snap.score(code, period) }

        // Every area of the country at the level, scored; and cross-border neighbours with a score.
        var inCountry = snap.inCountry["\(country)|\(level.rawValue)"] ?? []
        var codes = Set(inCountry)
        for a in inCountry {
            for n in snap.neighbours[a] ?? [] where snap.areas[n]?.level == level && score(n).score > 0 { codes.insert(n) }
        }
        codes.formUnion(shared.keys.filter { snap.areas[$0] != nil })
        // Without shapes at that level, the map shows the country itself with the countries it borders — zoomed to it, not its
        // whole region (the tables keep the level asked for).
        var mapCodes = codes
        var countryView = false
        let maps = try await req.maps()
        if maps.shapes(of: codes).isEmpty {
            inCountry = [country] + (snap.neighbours[country] ?? []).filter { snap.areas[$0]?.level == .country }.sorted()
            mapCodes = Set(inCountry)
            countryView = true
        }
        // In a fixed order: the same data draws the same page (its ETag) and the same map (MapCache's key).
        let rows = codes.sorted().map { code in
            Row(
                code: code, name: snap.areas[code]?.name ?? code, level: level, score: score(code),
                last: snap.score(code, period.advanced(by: -1)).score, from: shared[code]?.from)
        }
        let shapes = maps.shapes(of: mapCodes)
        let mapRows =
            mapCodes == codes
            ? rows
            : mapCodes.sorted().map { code in
                Row(
                    code: code, name: snap.areas[code]?.name ?? code, level: .country, score: snap.score(code, period),
                    last: snap.score(code, period.advanced(by: -1)).score)
            }
        let movers = rows.filter { $0.score.score != $0.last }.sorted { ($0.score.score - $0.last) > ($1.score.score - $1.last) }.prefix(10)
        let ranked = rows.filter { $0.score.score > 0 }.sorted { $0.score.score > $1.score.score }
        let countryOptions = snap.countriesWithAreas
        let month = Period.month(containing: CivilDate.parse(Timestamp.now())!)
        let forecasts = try await ForecastController.forecasts(req, horizon: .month, period: month.label, areas: Array(codes.union(mapCodes)))
        return DashboardModel(
            snap: snap, settings: settings, period: period, level: level, country: country, countryOptions: countryOptions, rows: rows,
            mapRows: mapRows, countryView: countryView, shapes: shapes, maps: maps, ranked: ranked, movers: Array(movers), tiles: TiledMap.tiles(req),
            forecasts: forecasts, forecastPeriod: month, byChance: (try? req.query.get(String.self, at: "colour")) == "chance",
            sources: Set(shared.values.map(\.from)).sorted())
    }
}
