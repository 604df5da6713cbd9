import AgoraCore
import Vapor

/// A list as CSV, for the lists that are read in hundreds rather than millions (reports in review, alerts, cases;
/// incidents stream through `IncidentExport`). The rows are those the list shows the caller, through the same
/// scope and filters; the export is audited with the id of every row handed over. More than `limit` rows is
/// refused, naming the way out, rather than cut silently.
enum CSVExport {
    static let limit = 10_000

    struct Table {
        var columns: [String]
        var rows: [(id: String, fields: [String])]
    }

    static func refuseIfOver(_ count: Int) throws {
        guard count <= limit else {
            throw APIError(ValidationFailure(field: "limit", "more than \(limit) rows match: narrow the filters (area, dates, status)"))
        }
    }

    static func response(_ req: Request, name: String, recordType: String, _ table: Table) async throws -> Response {
        try refuseIfOver(table.rows.count)
        var text = table.columns.joined(separator: ",") + "\r\n"
        for r in table.rows { text += r.fields.map(DocumentController.csvField).joined(separator: ",") + "\r\n" }
        let actor = req.actor
        let ids = table.rows.map(\.id)
        try await req.write { tx in
            try await AuditStore(sql: tx).append(
                actor: actor, action: "export", recordType: recordType, recordID: "\(ids.count) \(recordType)s as csv", content: ids)
        }
        var headers = HTTPHeaders()
        headers.contentType = IncidentExport.csvType
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
