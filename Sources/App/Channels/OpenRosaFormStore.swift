import AgoraCore
import Foundation
import SQLKit

/// A form version as served to ODK Collect: its XForm and the mapping its answers are read with.
struct OpenRosaForm: Sendable, Equatable {
    var formID: String
    var version: String
    var title: String
    var xform: String
    var mapping: ReportMapping
    /// `builtin` (Agora's own report form) or `xlsform` (uploaded).
    var source: String
    /// The body an uploaded form files its reports with (nil: the filer's own).
    var body: String?
    var isCurrent: Bool
}

/// Every form version ever served; the current one of each form is what the form list offers.
struct OpenRosaFormStore: Sendable {
    let sql: any SQLDatabase

    private struct Row: Decodable {
        var formId, version, title, xform, mapping, source: String
        var bodyCode: String?
        var isCurrent: Bool
    }

    private func form(_ r: Row) throws -> OpenRosaForm {
        OpenRosaForm(
            formID: r.formId, version: r.version, title: r.title, xform: r.xform,
            mapping: try JSONDecoder().decode(ReportMapping.self, from: Data(r.mapping.utf8)),
            source: r.source, body: r.bodyCode, isCurrent: r.isCurrent)
    }

    private var columns: [String] { ["form_id", "version", "title", "xform", "mapping", "source", "body_code", "is_current"] }

    func current() async throws -> [OpenRosaForm] {
        try await sql.select().columns(columns).from("openrosa_forms").where("is_current", .equal, true).orderBy("form_id")
            .all(decoding: Row.self, with: SnakeCaseKeys.decoder).map(form)
    }

    func get(_ formID: String, version: String) async throws -> OpenRosaForm? {
        try await sql.select().columns(columns).from("openrosa_forms").where("form_id", .equal, formID).where("version", .equal, version)
            .first(decoding: Row.self, with: SnakeCaseKeys.decoder).map(form)
    }

    func current(_ formID: String) async throws -> OpenRosaForm? {
        try await sql.select().columns(columns).from("openrosa_forms").where("form_id", .equal, formID).where("is_current", .equal, true)
            .first(decoding: Row.self, with: SnakeCaseKeys.decoder).map(form)
    }

    func exists(_ formID: String) async throws -> Bool {
        try await sql.select().column("version").from("openrosa_forms").where("form_id", .equal, formID).limit(1).first() != nil
    }

    /// Makes this version the current one of its form (kept if it was served before); in the caller's transaction.
    func publish(_ f: OpenRosaForm, actor: String) async throws {
        try await sql.update("openrosa_forms").set("is_current", to: false).where("form_id", .equal, f.formID).run()
        if try await get(f.formID, version: f.version) != nil {
            try await sql.update("openrosa_forms").set("is_current", to: true).where("form_id", .equal, f.formID)
                .where("version", .equal, f.version).run()
            return
        }
        let mapping = String(decoding: try JSONEncoder().encode(f.mapping), as: UTF8.self)
        try await sql.insert(into: "openrosa_forms").columns(columns + ["created_by", "created_at"])
            .values(
                SQLBind(f.formID), SQLBind(f.version), SQLBind(f.title), SQLBind(f.xform), SQLBind(mapping), SQLBind(f.source), SQLBind(f.body),
                SQLBind(true), SQLBind(actor), SQLBind(Timestamp.now())
            ).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "form.published", recordType: "openrosa_form", recordID: f.formID, content: [f.version, f.source])
    }

    /// An uploaded form withdrawn from the form list (its submissions still arrive: phones hold it).
    func withdraw(_ formID: String, actor: String) async throws {
        try await sql.update("openrosa_forms").set("is_current", to: false).where("form_id", .equal, formID).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "form.withdrawn", recordType: "openrosa_form", recordID: formID, content: [formID])
    }
}
