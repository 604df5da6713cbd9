import AgoraCore
import Foundation
import Vapor

/// A form as the API lists it.
struct FormView: Content, Equatable {
    var id: String
    var title: String
    var version: String
    var source: String
    var body: String?
    var mapping: ReportMapping
}

/// `/api/v1/forms`: the forms Collect is offered. Agora's own is always there; an XLSForm is uploaded with the
/// mapping that reads its answers as a report (and, optionally, the body its reports go to). A new upload of a
/// form is a new version; the old ones keep being read for submissions filled on phones that still hold them.
struct FormController {
    static let maxUpload: ByteCount = "5mb"

    func register(_ api: any RoutesBuilder) {
        let r = api.grouped("forms")
        r.get(use: list)
        r.on(.POST, body: .collect(maxSize: Self.maxUpload), use: upload)
        r.delete(":form", use: withdraw)
    }

    func list(req: Request) async throws -> [FormView] {
        try req.requireSignedIn()
        return try await OpenRosaForms(req: req).current().map(Self.view)
    }

    static func view(_ f: OpenRosaForm) -> FormView {
        FormView(id: f.formID, title: f.title, version: f.version, source: f.source, body: f.body, mapping: f.mapping)
    }

    func upload(req: Request) async throws -> Response {
        let viewer = try req.requireSignedIn()
        let (fields, files) = try FormFiles.read(req)
        var issues = IssueCollector()
        for k in fields.keys.sorted() where !["mapping", "body"].contains(k) { issues.add(k, "unknown field; send xlsform (file), mapping, body") }
        let body = fields["body"].flatMap { $0.isEmpty ? nil : $0 }
        guard viewer.isInstallationAdmin || (body.map { AccessPolicy.holds(viewer, [.coordinator, .bodyAdmin], in: $0) } ?? false) else {
            throw APIError.forbidden("publishing a form needs an installation administrator, or a coordinator of the body it files with")
        }
        guard let file = files.first(where: { $0.field == "xlsform" }) else {
            throw APIError(ValidationFailure(field: "xlsform", "send the XLSForm (.xlsx)"))
        }
        guard let mappingText = fields["mapping"], !mappingText.isEmpty else {
            throw APIError(ValidationFailure(field: "mapping", "send the mapping of the form's questions to a report (see docs/CHANNELS.md)"))
        }
        try issues.throwIfAny()
        let actor = req.actor
        let form = try await Self.publish(xlsx: Data(file.bytes), mapping: Data(mappingText.utf8), body: body, actor: actor, req: req)
        return try await Self.view(form).created(at: "/api/v1/forms", for: req)
    }

    /// Reads, checks and publishes: the workbook, the mapping against its questions, the codes against the framework
    /// and the areas. Nothing is published on any problem.
    static func publish(xlsx: Data, mapping mappingData: Data, body: String?, actor: String, req: Request) async throws -> OpenRosaForm {
        let sheets = try XLSXFile.sheets(data: xlsx)
        let fallback = "v" + Timestamp.now().filter(\.isNumber).prefix(12)
        let xls = try XLSForm.read(Dictionary(sheets.map { ($0.name, $0.rows) }, uniquingKeysWith: { a, _ in a }), fallbackVersion: String(fallback))
        guard xls.formID != ReportXForm.formID else {
            throw APIError(ValidationFailure(field: "settings.form_id", "'\(xls.formID)' is Agora's own form"))
        }
        let mapping = try ReportMapping.decode(mappingData)
        try xls.check(mapping)
        var issues = IssueCollector()
        let codes = Set(try await FrameworkStore(sql: req.sql).active().indicators.map(\.indicator.code))
        for (choice, code) in (mapping.indicators.values ?? [:]).sorted(by: { $0.key < $1.key }) where !code.isEmpty && !codes.contains(code) {
            issues.add("mapping.indicators.values.\(choice)", "'\(code)' is not an indicator of the framework")
        }
        let areas = AreaStore(sql: req.sql)
        for (choice, code) in (mapping.area?.values ?? [:]).sorted(by: { $0.key < $1.key }) where try await areas.get(code) == nil {
            issues.add("mapping.area.values.\(choice)", "no area '\(code)'")
        }
        if let body, try await BodyStore(sql: req.sql).get(body) == nil { issues.add("body", "no body '\(body)'") }
        try issues.throwIfAny()
        let form = OpenRosaForm(
            formID: xls.formID, version: xls.version, title: xls.title, xform: xls.xform, mapping: mapping, source: "xlsform", body: body,
            isCurrent: true)
        return try await req.write { tx in
            let store = OpenRosaFormStore(sql: tx)
            if let same = try await store.get(form.formID, version: form.version), same.xform != form.xform || same.mapping != form.mapping {
                throw APIError(
                    status: .conflict, code: "version_taken",
                    reason: "version '\(form.version)' of '\(form.formID)' was published with other content: raise the version in the settings sheet",
                    field: "settings.version")
            }
            try await store.publish(form, actor: actor)
            return form
        }
    }

    func withdraw(req: Request) async throws -> HTTPStatus {
        let viewer = try req.requireSignedIn()
        let id = try req.parameters.require("form")
        guard let f = try await OpenRosaFormStore(sql: req.sql).current(id), f.source == "xlsform" else { throw APIError.notFound("form", id) }
        guard viewer.isInstallationAdmin || (f.body.map { AccessPolicy.holds(viewer, [.coordinator, .bodyAdmin], in: $0) } ?? false) else {
            throw APIError.forbidden("withdrawing a form needs an installation administrator, or a coordinator of its body")
        }
        let actor = req.actor
        try await req.write { tx in try await OpenRosaFormStore(sql: tx).withdraw(id, actor: actor) }
        return .noContent
    }
}
