import AgoraCore
import Foundation
import Plot

extension FilterForm {
    /// The form itself: Plot only, from the model.
    static func view(_ c: PageContext, _ m: Model, action: SiteURL) -> Node<HTML.BodyContext> {
        let t = c.t
        func v(_ k: String) -> String { m.values[k] ?? "" }
        let place: Node<HTML.FormContext> = .div(
            .label(.for("f-area"), .text(t("filter.place"))),
            .select(
                .id("f-area"), .attribute(named: "name", value: "area"), .attribute(named: "data-search", value: t("report.searchPlace")),
                .option(.value(""), .label(t("filter.anywhere"))),
                options(m.places.map { ($0.code, $0.name) }, selected: v("area"))))
        let words: Node<HTML.FormContext> = .div(
            .label(.for("f-q"), .text(t("filter.words"))), .input(.type(.search), .id("f-q"), .name("q"), .value(v("q"))))
        let dates: Node<HTML.FormContext> = .group(
            .div(.label(.for("f-from"), .text(t("filter.from"))), .input(.type(.date), .id("f-from"), .name("from"), .value(v("from")))),
            .div(.label(.for("f-to"), .text(t("filter.to"))), .input(.type(.date), .id("f-to"), .name("to"), .value(v("to")))))
        let fields: Node<HTML.FormContext>
        switch m.kind {
        case .reports:
            fields = .group(
                words, place, dates,
                .div(
                    .label(.for("f-indicator"), .text(t("filter.indicator"))),
                    .select(
                        .id("f-indicator"), .attribute(named: "name", value: "indicator"), .option(.value(""), .label(t("filter.anyIndicator"))),
                        .forEach(m.indicators) { i in .option(.value(i.code), .label(i.name), .isSelected(v("indicator") == i.code)) })),
                .if(
                    !m.sources.isEmpty,
                    .div(
                        .label(.for("f-source"), .text(t("report.source"))),
                        .select(
                            .id("f-source"), .attribute(named: "name", value: "source"), .option(.value(""), .label(t("filter.anySource"))),
                            .forEach(m.sources) { s in .option(.value(s.value), .label(s.label), .isSelected(v("source") == s.value)) }))),
                .div(
                    .label(.for("f-classification"), .text(t("filter.classification"))),
                    .select(
                        .id("f-classification"), .attribute(named: "name", value: "classification"),
                        .option(.value(""), .label(t("filter.anyClassification"))),
                        .forEach(Classification.allCases) { k in
                            .option(.value(k.rawValue), .label(t("class." + k.rawValue)), .isSelected(v("classification") == k.rawValue))
                        })))
        case .alerts:
            fields = .group(
                words, place,
                .div(
                    .label(.for("f-state"), .text(t("alert.state"))),
                    .select(
                        .id("f-state"), .attribute(named: "name", value: "state"), .option(.value(""), .label(t("filter.anyState"))),
                        .forEach(AlertState.allCases) { s in
                            .option(.value(s.rawValue), .label(t("state." + s.rawValue)), .isSelected(v("state") == s.rawValue))
                        })))
        case .cases:
            fields = .group(
                place,
                .div(
                    .label(.for("f-body"), .text(t("report.body"))),
                    .select(
                        .id("f-body"), .attribute(named: "name", value: "body"), .option(.value(""), .label(t("case.allBodies"))),
                        options(m.bodies.map { ($0.code, $0.name) }, selected: v("body")))),
                .div(
                    .label(.for("f-severity"), .text(t("alert.severity"))),
                    .select(
                        .id("f-severity"), .attribute(named: "name", value: "severity"), .option(.value(""), .label(t("filter.anySeverity"))),
                        .forEach(CAPSeverity.allCases) { s in
                            .option(.value(s.rawValue), .label(t("severity." + s.rawValue)), .isSelected(v("severity") == s.rawValue))
                        })),
                dates,
                .div(
                    .class("check"), .input(.type(.checkbox), .id("f-overdue"), .name("overdue"), .value("1"), .checked(!v("overdue").isEmpty)),
                    .label(.for("f-overdue"), .text(t("filter.overdue")))))
        }
        return .form(
            .method(.get), .action(action.path), .class("filters"), fields,
            .div(.button(.type(.submit), .text(t("filter.apply"))), .text(" "), .a(.href(action.path), .text(t("filter.clear")))))
    }

    /// A long list of options (every place of the installation's countries: hundreds), drawn once per list and choice
    /// and then served from memory: drawn each time it was a third of the incident list's time (perf).
    static func options(_ list: [(value: String, label: String)], selected: String) -> Node<HTML.SelectContext> {
        var key = RenderCache.Key("options")
        key.add(selected)
        for o in list {
            key.add(o.value)
            key.add(o.label)
        }
        return .raw(
            Fragments.cache.value(key.finalize()) {
                Node<HTML.SelectContext>.forEach(list) { o in .option(.value(o.value), .label(o.label), .isSelected(selected == o.value)) }.render()
            })
    }

    /// "Export what is shown:" and a button per format.
    static func exports(_ c: PageContext, _ formats: [(name: String, url: SiteURL)]) -> Node<HTML.BodyContext> {
        .p(
            .class("exports"), .text(c.t("incidents.export") + " "),
            .forEach(formats) { f in .group(.a(.class("button secondary"), .href(f.url.path), .text(f.name)), .text(" ")) })
    }
}
