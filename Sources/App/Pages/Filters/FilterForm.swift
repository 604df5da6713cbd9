import AgoraCore
import Foundation
import Plot

/// The filters of the analyst's lists, as a GET form: a filtered view is a link an analyst can send. What it sends
/// is what the API reads (`ReportController.filter`, `AlertController.filter`, `CaseController.filter`), and the
/// export buttons beside it carry the same query to the API's exports, audited there.
enum FilterForm {
    enum Kind {
        /// The review queue and the incidents: words, place, dates, indicator.
        case reports
        /// Words, place, state.
        case alerts
        /// Place, body, severity, opened between, overdue only.
        case cases

        var keys: [String] {
            switch self {
            case .reports: ["area", "from", "to", "indicator", "sector", "q", "status", "source", "classification"]
            case .alerts: ["q", "area", "state", "body"]
            case .cases: ["area", "body", "severity", "overdue", "from", "to", "status"]
            }
        }
    }
}
