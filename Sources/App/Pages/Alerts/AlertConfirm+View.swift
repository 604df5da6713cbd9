import AgoraCore
import Foundation
import Plot

extension AlertPages {
    static func confirmView(_ c: PageContext, _ m: ConfirmModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let d = m.draft
        let cls = d.classification ?? .restricted
        return .group(
            .p(.strong(.text(t("alert.confirmIntro")))),
            .dl(
                .dt(.text(t("alert.headline"))), .dd(.text(d.headline ?? "")),
                .dt(.text(t("report.where"))), .dd(.text(m.areaNames.joined(separator: ", "))),
                .dt(.text(t("alert.severity"))), .dd(.text(t("cap." + (d.severity ?? .Unknown).rawValue))),
                .dt(.text(t("alert.description"))), .dd(.text(d.description ?? "")),
                .dt(.text(t("alert.instruction"))), .dd(.text(d.instruction ?? "")),
                .dt(.text(t("field.classification"))), .dd(.text(t("class." + cls.rawValue) + " — " + t("alert.audience." + cls.rawValue)))),
            .form(
                .method(.post), .action(m.action), Layout.csrf(c),
                .forEach(m.carried) { kv in .input(.type(.hidden), .name(kv.key), .value(kv.value)) },
                .input(.type(.hidden), .name("do"), .value("issue")), .input(.type(.hidden), .name("confirm"), .value("yes")),
                .button(.type(.submit), .text(t("alert.confirmIssue"))), .text(" "), .a(.href(m.back), .text(t("alert.confirmBack")))))
    }
}
