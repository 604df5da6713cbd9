import Foundation
import Testing

@testable import AgoraCore

/// Forms without a server: an OpenRosa instance read, exports and submissions mapped to reports, XLSForms turned
/// into XForms (what is supported, and what is refused by row).
@Suite struct FormChannelTests {
    static let mappingDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples")

    @Test func anInstanceIsReadByPathAndByName() throws {
        let xml = """
            <?xml version='1.0' ?><data id="f1" version="3"><g><threat>mining other</threat><where>GH1201</where></g><today>2026-11-28</today>\
            <story>A &amp; B &lt;met&gt;</story><meta><instanceID>uuid:ABC</instanceID></meta></data>
            """
        let s = try OpenRosa.Submission(xml: Data(xml.utf8))
        #expect(s.formID == "f1" && s.version == "3")
        #expect(s.answer("g/threat") == "mining other" && s.answer("where") == "GH1201" && s.answer("story") == "A & B <met>")
        let m = ReportMapping(
            uuid: "meta/instanceID", indicators: .init(field: "threat", values: ["mining": "NR02", "other": ""]), area: .init(field: "where"),
            occurredOn: "today", description: ["story"])
        let mapped = try m.map(s.answer)
        #expect(
            mapped.uuid == "ABC" && mapped.draft.indicators == ["NR02"] && mapped.draft.area == "GH1201" && mapped.draft.description == "A & B <met>")
        #expect(throws: ValidationFailure.self) { try OpenRosa.Submission(xml: Data("<data><x>".utf8)) }
        #expect(throws: ValidationFailure.self) { try OpenRosa.Submission(xml: Data("<data><x/></data>".utf8)) }  // names no form
    }

    @Test func kobosLabelsWithSpacesMapByTheLongestChoice() {
        let values = ["Land": "NR03", "Land encroachment": "NR02", "Climate Change": "NR03", "Other": ""]
        let r = ReportMapping.codes("Land encroachment Climate Change Other Floods", values: values)
        #expect(r.codes == ["NR02", "NR03"] && r.unknown == ["Floods"])
        #expect(ReportMapping.day("45127") == "2023-07-20" && ReportMapping.day("2025-07-29T09:29:12.762-04:00") == "2025-07-29")
    }

    @Test func theKoboSampleMapsAndItsBadPointIsNamedByLine() throws {
        guard let url = SharedData.file("forms/kobotoolbox_submissions_export_sample.csv") else { return }
        let table = SubmissionExport.Table(csv: try CSVTable.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
        var mapping = try ReportMapping.decode(try Data(contentsOf: Self.mappingDir.appendingPathComponent("kobo-mapping.json")))
        let ok = try SubmissionExport.read(table, mapping: mapping)
        #expect(ok.rows.map(\.line) == [2, 3, 4] && ok.rows[0].mapped.uuid == "92eb7237-89d6-4a15-aa71-09ec99279bbb")
        #expect(
            ok.rows[1].mapped.draft.indicators == ["NR02"] && ok.rows[1].mapped.draft.area == "GH1202"
                && ok.rows[1].mapped.photo == "1689791511681.jpg")
        #expect(ok.rows[0].mapped.draft.description.hasPrefix("How do you describe the current state of the local ecosystem?: Flourishing"))
        // Its third submission's longitude is -199: with the point mapped, the whole file is refused, naming line 4.
        mapping.location = .init(
            lat: "_Please record the location of your local ecosystem._latitude",
            lon: "_Please record the location of your local ecosystem._longitude")
        let e = try #require(throws: ValidationFailure.self) { try SubmissionExport.read(table, mapping: mapping) }
        #expect(e.issues.count == 1 && e.issues[0].field.hasPrefix("line 4.") && e.issues[0].message.contains("-199.058787"))
        // A mapping naming a column the file lacks has misread the layout.
        mapping.killed = "deaths"
        #expect(throws: ValidationFailure.self) { try SubmissionExport.read(table, mapping: mapping) }
    }

    @Test func aMappingWithAnUnknownKeyIsRefused() {
        let e = #expect(throws: ValidationFailure.self) {
            try ReportMapping.decode(
                Data(#"{"uuid":"_uuid","indicators":{"field":"t","value":{}},"occurredOn":"d","description":["x"],"colour":1}"#.utf8))
        }
        #expect(e?.issues.map(\.field) == ["mapping.colour", "mapping.indicators.value"])
    }

    static func sheet(_ rows: [[String]]) -> XLSForm.Sheet { rows.enumerated().map { ($0.offset + 1, $0.element) } }

    static let survey = sheet([
        ["type", "name", "label::English (en)", "label::French (fr)", "required", "relevant", "constraint"],
        ["start", "start", "", "", "", "", ""],
        ["begin group", "incident", "Incident", "Incident", "", "", ""],
        ["select_multiple threats", "threat", "What threatens?", "Quelle menace ?", "yes", "", ""],
        ["text", "threat_other", "Other threat", "Autre menace", "", "selected(${threat}, 'other')", ""],
        ["end group", "", "", "", "", "", ""],
        ["select_one places", "place", "Where?", "Où ?", "yes", "", ""],
        ["integer", "killed", "Killed", "Tués", "", "", ". >= 0"],
        ["date", "day", "When?", "Quand ?", "yes", "", ""],
        ["text", "story", "What happened?", "Que s'est-il passé ?", "yes", "", ""],
        ["image", "picture", "Photo", "Photo", "", "", ""],
    ])
    static let choices = sheet([
        ["list_name", "name", "label::English (en)", "label::French (fr)"], ["threats", "mining", "Mining", "Mines"],
        ["threats", "other", "Other", "Autre"], ["places", "bawku", "Bawku", "Bawku"],
    ])
    static let settings = sheet([["form_id", "form_title", "version"], ["wanep_incident", "WANEP incident <monitor>", "2026112801"]])

    @Test func anXLSFormBecomesAnXForm() throws {
        let f = try XLSForm.read(["survey": Self.survey, "choices": Self.choices, "settings": Self.settings], fallbackVersion: "x")
        #expect(f.formID == "wanep_incident" && f.version == "2026112801")
        #expect(f.fields == ["start", "incident/threat", "incident/threat_other", "place", "killed", "day", "story", "picture", "meta/instanceID"])
        let doc = try XMLNode.parse(Data(f.xform.utf8))
        let model = try #require(doc.child("head")?.child("model"))
        let data = try #require(model.child("instance")?.child("data"))
        #expect(data.attributes["id"] == "wanep_incident" && data.child("incident")?.child("threat") != nil)
        let binds = Dictionary(uniqueKeysWithValues: model.all("bind").map { ($0.attributes["nodeset"]!, $0.attributes) })
        #expect(binds["/data/incident/threat_other"]?["relevant"] == "selected(/data/incident/threat, 'other')")
        #expect(binds["/data/killed"]?["type"] == "int" && binds["/data/killed"]?["constraint"] == ". >= 0")
        #expect(binds["/data/start"]?["preload"] == "timestamp" && binds["/data/picture"]?["type"] == "binary")
        #expect(model.child("itext")?.all("translation").map { $0.attributes["lang"] ?? "" } == ["English (en)", "French (fr)"])
        #expect(f.xform.contains("WANEP incident &lt;monitor&gt;"))
        let map = ReportMapping(
            uuid: "meta/instanceID", indicators: .init(field: "threat", values: ["mining": "NR02", "other": ""]),
            area: .init(field: "place", values: ["bawku": "GH1201"]), occurredOn: "day", killed: "killed", description: ["story"], photo: "picture")
        try f.check(map)
        var wrong = map
        wrong.injured = "hurt"
        #expect(throws: ValidationFailure.self) { try f.check(wrong) }
    }

    @Test func unsupportedRowsAreNamed() {
        var survey = Self.survey
        survey.append((12, ["begin repeat", "people", "People", "", "", "", ""]))
        survey.append((13, ["range", "scale", "Scale", "", "", "", ""]))
        survey.append((14, ["select_one nowhere", "x", "X", "", "", "", ""]))
        survey.append((15, ["text", "story", "Again", "", "", "", ""]))
        survey.append((16, ["text", "bad ref", "X", "", "", "", ""]))
        let e = #expect(throws: ValidationFailure.self) {
            try XLSForm.read(["survey": survey, "choices": Self.choices, "settings": Self.settings], fallbackVersion: "x")
        }
        let fields = e?.issues.map(\.field) ?? []
        #expect(
            fields == ["survey row 12.type", "survey row 13.type", "survey row 14.type", "survey row 15.name", "survey row 16.name"],
            "\(e?.issues ?? [])")
        #expect(e?.issues[1].message.contains("'range' is not supported") == true)
    }
}
