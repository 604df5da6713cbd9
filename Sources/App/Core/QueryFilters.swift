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

extension Request {
    /// One plain value of the query string (the first if repeated), percent- and `+`-decoded: what every page asks on
    /// every view (`lang`, `notice`, `error`). Vapor's `query[_:at:]` runs its whole decoder for each value asked, even
    /// when there is no query: a tenth of a page's own work.
    func queryParameter(_ name: String) -> String? {
        guard let q = url.query, !q.isEmpty else { return nil }
        func decoded(_ s: Substring) -> String? { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
        for pair in q.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decoded(kv[0]) == name else { continue }
            return kv.count > 1 ? decoded(kv[1]) : ""
        }
        return nil
    }
}
