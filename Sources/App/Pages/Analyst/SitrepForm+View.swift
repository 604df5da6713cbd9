import AgoraCore
import Foundation
import Plot

extension AnalystPages {
    static func sitrepFormView(_ c: PageContext, _ m: SitrepFormModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .form(
            .method(.post), .action(SiteURL.situationReportNew.path), Layout.csrf(c),
            .label(.for("body"), .text(t("report.body"))),
            .select(.id("body"), .attribute(named: "name", value: "body"), .forEach(m.bodies) { .option(.value($0), .label($0)) }),
            .label(.for("area"), .text(t("report.where"))),
            .select(.id("area"), .attribute(named: "name", value: "area"), .forEach(m.areas) { a in .option(.value(a.code), .label(a.name)) }),
            .label(.for("period"), .text(t("sitrep.period"))),
            .select(
                .id("period"), .attribute(named: "name", value: "period"), .option(.value("weekly"), .label(t("sitrep.weekly"))),
                .option(.value("monthly"), .label(t("sitrep.monthly")))),
            .label(.for("periodStart"), .text(t("sitrep.start"))),
            .input(.type(.date), .id("periodStart"), .name("periodStart"), .value(m.weekStart)),
            .label(.for("title"), .text(t("sitrep.titleField"))), .input(.type(.text), .id("title"), .name("title"), .required(true)),
            .label(.for("narrative"), .text(t("sitrep.narrative"))),
            .textarea(.id("narrative"), .name("narrative"), .attribute(named: "rows", value: "10")),
            .label(.for("classification"), .text(t("field.classification"))), Controls.classificationSelect(c, selected: "restricted"),
            .button(.type(.submit), .text(t("sitrep.save"))))
    }
}
