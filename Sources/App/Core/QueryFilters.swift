import AgoraCore
import Vapor

/// The filters of lists, read the same way everywhere: an empty value is no filter (a page's GET form sends its
/// blank fields), a date is YYYY-MM-DD or a 400 naming the field.
extension Request {
    func filterValue(_ name: String) throws -> String? {
        try query.get(String?.self, at: name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func filterDay(_ name: String) throws -> String? {
        guard let v = try filterValue(name) else { return nil }
        guard ReportRules.parseDay(v) != nil else { throw APIError.badRequest(field: name, "'\(v)' is not a date; use YYYY-MM-DD") }
        return v
    }
}
