import AgoraCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// The risk map is drawn once for the same areas, colours and labels at the same geography revision, drawn again
/// when a score or a shape changes, and what is served from memory is what drawing would give.
@Suite struct MapCacheTests {
    @Test(arguments: Engine.available)
    func theDashboardDrawsItsMapOnceUntilAScoreOrAShapeChanges(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await ReportTests.seed(app)
            let t = try app.testing()
            let path = "/risk?country=GHA&level=admin2&period=2026-W47"
            func map() async throws -> String {
                let page = try await t.sendRequest(.GET, path, headers: .admin)
                #expect(page.status == .ok)
                let html = page.body.string
                let svg = try #require(html.range(of: "<svg class=\"map\"").map { String(html[$0.lowerBound...]) })
                return String(svg[..<svg.range(of: "</svg>")!.upperBound])
            }
            let first = try await map()
            #expect(first.contains("data-area=\"GH1201\""))
            #expect(app.mapCache.counts == (hits: 0, draws: 1))
            #expect(app.mapCache.pages.counts == (hits: 0, draws: 1))
            // The same figures again: the whole dashboard from memory, its map not even asked for.
            #expect(try await map() == first)
            #expect(app.mapCache.counts == (hits: 0, draws: 1))
            #expect(app.mapCache.pages.counts == (hits: 1, draws: 1))
            // Another language is another page around the same map.
            #expect(try await t.sendRequest(.GET, path + "&lang=pt", headers: .admin).body.string.contains("lang=\"pt\""))
            #expect(app.mapCache.pages.counts == (hits: 1, draws: 2))

            // A verified incident in Bawku that week: its score and colour change, so does the map.
            let (_, monitor) = try await TestInstallation.person(app, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let (_, analyst) = try await TestInstallation.person(app, "ana", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
            _ = try await FederationLinkTests.incident(app, "internal", tokens: (monitor, analyst))
            let scored = try await map()
            #expect(scored != first && app.mapCache.counts.draws == 3 && app.mapCache.pages.counts.draws == 3)

            // A new shape for Bawku: the same scores, another map.
            let box = #"{"type":"Polygon","coordinates":[[[-0.45,10.90],[-0.10,10.95],[-0.10,11.20],[-0.40,11.25],[-0.45,10.90]]]}"#
            let patched = try await t.sendRequest(
                .PATCH, "/api/v1/areas/GH1201", headers: .admin, body: ByteBuffer(string: #"{"geometry":\#(box)}"#),
                beforeRequest: { $0.headers.contentType = .json })
            #expect(patched.status == .ok, "\(patched.body.string)")
            let reshaped = try await map()
            #expect(reshaped != scored && app.mapCache.counts.draws == 4 && app.mapCache.pages.counts.draws == 4)

            // The maps are drawn from the gazetteer, which holds the new shape at the store's revision.
            let (gazetteer, revision) = try await app.gazetteer.currentWithRevision(AreaStore(sql: app.sql))
            let g = try #require(gazetteer.geometry("GH1201"))
            let stored = try await AreaStore(sql: app.sql).revision()
            #expect(g.bbox.minLon == -0.45 && revision == stored)
        }
    }

    @Test func theLeastRecentlyUsedMapsGoFirstWhenTheBudgetIsSpent() throws {
        let square = try GeoJSON.geometry(fromText: #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"#)
        func area(_ fill: String) -> SVG.MapArea { SVG.MapArea(code: "A", name: "A", geometry: square, fill: fill, href: nil, label: "A") }
        let one = SVG.map([area("#111111")], title: "t").utf8.count
        let cache = MapCache(budget: one * 2 + one / 2)
        _ = cache.map([area("#111111")], title: "t", width: 1000, pins: [], revision: 1)
        _ = cache.map([area("#222222")], title: "t", width: 1000, pins: [], revision: 1)
        _ = cache.map([area("#111111")], title: "t", width: 1000, pins: [], revision: 1)  // used again: now the newest
        _ = cache.map([area("#333333")], title: "t", width: 1000, pins: [], revision: 1)  // over budget: #222222 goes
        #expect(cache.counts == (hits: 1, draws: 3))
        _ = cache.map([area("#111111")], title: "t", width: 1000, pins: [], revision: 1)
        #expect(cache.counts == (hits: 2, draws: 3))
        _ = cache.map([area("#222222")], title: "t", width: 1000, pins: [], revision: 1)
        #expect(cache.counts == (hits: 2, draws: 4))
        // Another geography revision is another map, whatever the colours.
        _ = cache.map([area("#111111")], title: "t", width: 1000, pins: [], revision: 2)
        #expect(cache.counts.draws == 5)
    }

    /// A long option list is drawn once per list and choice: the same list again comes from memory, escaped as drawn;
    /// another choice or another label is another string.
    @Test func optionListsAreDrawnOnceAndEscaped() {
        let tag = UUID().uuidString  // the cache is the process's: a list no other test draws
        let list = [("A-\(tag)", #"Bawku "East" <b>"#), ("B-\(tag)", "Tamale")]
        let first = FilterForm.options(list, selected: "B-\(tag)").render()
        let hits = Fragments.cache.counts.hits
        #expect(FilterForm.options(list, selected: "B-\(tag)").render() == first)
        #expect(Fragments.cache.counts.hits > hits)
        #expect(first.contains("Bawku &quot;East&quot; &lt;b&gt;") && !first.contains("<b>"))
        #expect(first.contains(#"<option value="B-\#(tag)" label="Tamale" selected"#), "\(first)")
        let other = FilterForm.options(list, selected: "A-\(tag)").render()
        #expect(other != first && other.contains(#"value="A-\#(tag)" label="Bawku &quot;East&quot; &lt;b&gt;" selected"#), "\(other)")
    }

    /// An incident list row is drawn once for what it shows, escaped; an edit, another place name or another language
    /// draws it again.
    @Test func incidentRowsAreDrawnOnceForWhatTheyShow() {
        var incident = IncidentView(
            id: UUID().uuidString, body: "GH-DPC-BAWKU", classification: .public, title: "Clash <script>x</script>", eventType: nil,
            description: "shots \"fired\"", occurredOn: "2026-11-01", timePrecision: 1, area: "GH1201", lat: nil, lon: nil, geoPrecision: nil,
            harm: Harm(fatalities: 2, injured: nil, displaced: nil), actors: [], indicators: [], sourceName: "report <A>", sourceEventID: nil,
            sources: 1, reports: [], createdAt: "2026-11-01T00:00:00Z", updatedAt: "2026-11-01T00:00:00Z")
        let en = PageContext(t: T(lang: .en), viewer: .anonymous, path: "/incidents")
        func row(_ c: PageContext = en, place: String = "Bawku") -> String { IncidentPages.row(c, incident, place: place).render() }
        let first = row()
        let drawn = IncidentPages.rows.counts.draws
        #expect(row() == first && IncidentPages.rows.counts.draws == drawn)
        #expect(first.contains("Clash &lt;script&gt;x&lt;/script&gt;") && !first.contains("<script>"), "\(first)")
        #expect(first.contains("report &lt;A&gt;") && first.contains("shots") && !first.contains("<A>"), "\(first)")
        #expect(row(place: "Bawku <Central>").contains("Bawku &lt;Central&gt;"))
        incident.title = "Clash, edited"
        #expect(row().contains("Clash, edited"))
        #expect(row(PageContext(t: T(lang: .fr), viewer: .anonymous, path: "/incidents")) != row())
        #expect(IncidentPages.rows.counts.draws == drawn + 3)
    }
}
