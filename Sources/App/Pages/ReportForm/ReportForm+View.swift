import AgoraCore
import Foundation
import Plot

extension ReportFormPage {
    /// One sector's indicators as checkboxes (split out: the type checker times out on the whole form).
    static func sectorBoxes(_ sector: Sector, chosen: Set<String>, lang: Lang) -> Node<HTML.FormContext> {
        .group(
            .p(.strong(.text(sector.names[lang.rawValue] ?? sector.names["en"] ?? sector.code))),
            .forEach(sector.indicators) { box($0, checked: chosen.contains($0.code), lang: lang) })
    }

    static func box(_ ind: Indicator, checked: Bool, lang: Lang) -> Node<HTML.FormContext> {
        let input: Node<HTML.LabelContext> =
            checked
            ? .input(.type(.checkbox), .name("indicator.\(ind.code)"), .value("on"), .attribute(named: "checked", value: "checked"))
            : .input(.type(.checkbox), .name("indicator.\(ind.code)"), .value("on"))
        return .label(input, .text(" " + (ind.names[lang.rawValue] ?? ind.name)))
    }

    static func err<C: HTML.BodyContext>(_ m: Model, _ field: String) -> Node<C> {
        .unwrap(m.errors[field]) { .p(.class("error"), .id("error-\(field)"), .text($0)) }
    }

    /// Ties a control to its error message, so that a screen reader reads them together (WCAG 3.3.1);
    /// nothing when the field has no error (Plot leaves out an attribute whose value is empty).
    static func errorRef<C>(_ m: Model, _ field: String) -> Attribute<C> {
        .attribute(named: "aria-describedby", value: m.errors[field] == nil ? "" : "error-\(field)")
    }

    static func invalid<C>(_ m: Model, _ field: String) -> Attribute<C> {
        .attribute(named: "aria-invalid", value: m.errors[field] == nil ? "" : "true")
    }

    static func describedBy<C>(_ m: Model, _ field: String) -> Node<C> { .group(.attribute(errorRef(m, field)), .attribute(invalid(m, field))) }

    static func what(_ m: Model) -> Node<HTML.FormContext> {
        .fieldset(
            .element(named: "legend", text: m.t("report.whatHappened")), err(m, "indicators"),
            .forEach(m.framework.sectors) { sector in sectorBoxes(sector, chosen: m.chosen, lang: m.t.lang) })
    }

    static func whenWhere(_ m: Model) -> Node<HTML.FormContext> {
        let today = String(Timestamp.now().prefix(10))
        let places: Node<HTML.FormContext> = .select(
            .id("area"), .attribute(named: "name", value: "area"), .attribute(named: "data-search", value: m.t("report.searchPlace")),
            describedBy(m, "area"), .option(.value(""), .label(m.t("report.choosePlace"))),
            .forEach(m.areas) { a in .option(.value(a.code), .label(a.name), .isSelected(m.values["area"] == a.code)) })
        let bodies: Node<HTML.FormContext> = .if(
            m.bodies.count > 1,
            .group(
                .label(.for("body"), .text(m.t("report.fileWith"))), err(m, "body"),
                .select(
                    .id("body"), .attribute(named: "name", value: "body"), describedBy(m, "body"),
                    .forEach(m.bodies) { b in .option(.value(b), .label(b), .isSelected(m.values["body"] == b)) })))
        return .group(
            .label(.for("description"), .text(m.t("report.describe"))), err(m, "description"),
            .textarea(
                .id("description"), .name("description"), describedBy(m, "description"), .attribute(named: "rows", value: "4"),
                .text(m.values["description"] ?? "")),
            .label(.for("occurredOn"), .text(m.t("report.whenDate"))), err(m, "occurredOn"),
            .input(
                .type(.date), .id("occurredOn"), .name("occurredOn"), errorRef(m, "occurredOn"), invalid(m, "occurredOn"),
                .value(m.values["occurredOn"] ?? today)),
            .label(.for("area"), .text(m.t("report.where"))), err(m, "area"), places,
            .button(
                .type(.button), .id("use-gps"), .class("secondary"), .attribute(named: "hidden", value: "hidden"),
                .attribute(named: "data-wait", value: m.t("report.gpsWait")), .attribute(named: "data-done", value: m.t("report.gpsDone")),
                .attribute(named: "data-fail", value: m.t("report.gpsFail")), .text(m.t("report.gps"))),
            .p(.id("gps-status"), .class("muted"), .attribute(named: "aria-live", value: "polite")),
            bodies)
    }

    static func field(_ m: Model, _ name: String, _ label: String, error: String? = nil, numeric: Bool = false) -> Node<HTML.DetailsContext> {
        .group(
            .label(.for(name), .text(label)), err(m, error ?? name),
            .input(
                .type(numeric ? .number : .text), .id(name), .name(name), errorRef(m, error ?? name), invalid(m, error ?? name),
                .value(m.values[name] ?? ""),
                .attribute(named: "inputmode", value: numeric ? "numeric" : "decimal")))
    }

    static func more(_ m: Model) -> Node<HTML.FormContext> {
        .details(
            .if(!m.errors.isEmpty, .attribute(named: "open", value: "open")), .summary(.text(m.t("report.more"))),
            field(m, "occurredAt", m.t("report.time")), field(m, "lat", m.t("report.lat")), field(m, "lon", m.t("report.lon")),
            field(m, "fatalities", m.t("report.killed"), error: "harm.fatalities", numeric: true),
            field(m, "injured", m.t("report.injured"), error: "harm.injured", numeric: true),
            field(m, "displaced", m.t("report.displaced"), error: "harm.displaced", numeric: true))
    }

    /// Photos and a recording, for monitors (the public form takes none: nobody would moderate what strangers upload).
    /// Without script the phone sends the files as they are; with it, photos are made small first.
    static func media(_ m: Model) -> Node<HTML.FormContext> {
        .if(
            !m.isPublic,
            .fieldset(
                .element(named: "legend", text: m.t("report.media")), .p(.class("muted"), .text(m.t("report.mediaHint"))),
                .label(.for("photo"), .text(m.t("report.photo"))), err(m, "photo"),
                .input(
                    .type(.file), .id("photo"), .name("photo"), .attribute(named: "accept", value: "image/jpeg,image/png,image/*"),
                    .attribute(named: "multiple", value: "multiple"), errorRef(m, "photo"), invalid(m, "photo")),
                .p(
                    .id("photo-status"), .class("muted"), .attribute(named: "aria-live", value: "polite"),
                    .attribute(named: "data-wait", value: m.t("report.photoWait")), .attribute(named: "data-done", value: m.t("report.photoDone"))),
                .label(.for("audio"), .text(m.t("report.audio"))), err(m, "audio"),
                .input(
                    .type(.file), .id("audio"), .name("audio"), .attribute(named: "accept", value: "audio/*"), errorRef(m, "audio"),
                    invalid(m, "audio"))))
    }

    /// The form, what waits on the phone, and the answer to the last report sent.
    static func view(_ c: PageContext, _ m: Model, receipt: String?) -> Node<HTML.BodyContext> {
        let form: Node<HTML.BodyContext> = .form(
            .method(.post), .action(SiteURL.report.path), .attribute(named: "data-draft", value: "report"),
            .attribute(named: "enctype", value: m.isPublic ? "" : "multipart/form-data"),
            .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
            // Filled by the offline queue's script; without script the form sends none.
            .input(.type(.hidden), .name("clientId"), .value("")), .input(.type(.hidden), .name("_account"), .value(c.account ?? "")),
            what(m), whenWhere(m), more(m), media(m),
            .p(.id("draft-status"), .class("muted"), .attribute(named: "data-restored", value: m.t("report.draftRestored"))),
            .button(.type(.submit), .text(m.t("report.send"))))
        let t = m.t
        // Shown by the script when the service worker kept a report (the page then comes from its cache).
        let queued: Node<HTML.BodyContext> = .p(
            .id("queued-note"), .class("notice"), .attribute(named: "role", value: "status"), .attribute(named: "hidden", value: "hidden"),
            .text(t("report.queued")))
        let queue: Node<HTML.BodyContext> = .section(
            .id("queue"), .attribute(named: "hidden", value: "hidden"), .attribute(named: "aria-live", value: "polite"),
            .attribute(named: "data-waiting", value: t("report.queueWaiting")), .attribute(named: "data-sending", value: t("report.queueSending")),
            .attribute(named: "data-sent", value: t("report.queueSent")),
            .attribute(named: "data-refused", value: t("report.queueRefused")), .attribute(named: "data-open", value: t("report.queueOpen")),
            .h2(.text(t("report.queueTitle"))), .ul())
        let done: Node<HTML.BodyContext> = .unwrap(m.done) {
            .div(
                .class("notice"), .attribute(named: "role", value: "status"), .attribute(named: "data-draft-clear", value: "1"), .p(.text($0)),
                .unwrap(receipt) { code in
                    .group(
                        .p(.text(t("report.receiptIs") + " "), .strong(.id("receipt-code"), .text(code))),
                        .p(.text(t("report.receiptKeep") + " "), .a(.href(SiteURL.receipt.path), .text(t("receipt.title")))))
                })
        }
        let intro: Node<HTML.BodyContext> = .if(m.isPublic, .p(.text(t("report.publicIntro"))))
        return .group(queued, done, intro, .if(!m.isPublic, queue), err(m, "form"), form)
    }
}
