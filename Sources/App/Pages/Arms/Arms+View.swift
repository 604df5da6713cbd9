import AgoraCore
import Foundation
import Plot

extension ArmsPages {
    static func bodyField(_ body: String) -> Node<HTML.FormContext> { .input(.type(.hidden), .name("body"), .value(body)) }

    static func workspaceView(_ c: PageContext, _ m: WorkspaceModel) -> Node<HTML.BodyContext> {
        let t = c.t
        guard let body = m.body else { return .p(.class("muted"), .text(t("arms.noRegister"))) }
        return .group(
            .p(.text(t("arms.intro"))),
            .if(
                m.keeps.count > 1,
                .form(
                    .method(.get), .action(SiteURL.arms().path),
                    .label(.for("pick-body"), .text(t("arms.body"))),
                    .select(
                        .id("pick-body"), .attribute(named: "name", value: "body"),
                        .forEach(m.keeps) { b in .option(.value(b), .label(m.known.body(b)), .isSelected(b == body)) }),
                    .button(.type(.submit), .text(t("arms.show"))))),
            .p(
                .a(.href(SiteURL.armsReport(year: m.year, body: body).path), .text(t("arms.report", String(m.year)))), " · ",
                .a(.href(SiteURL.destructions.path), .text(t("arms.destructions")))),
            registerSection(c, m, body), campaignSection(c, m, body), destructionSection(c, m, body), tracingSection(c, m, body),
            .if(
                !m.programmes.isEmpty,
                .group(
                    .h2(.text(t("ddr.programmes"))),
                    .ul(.forEach(m.programmes) { p in .li(.a(.href(SiteURL.ddrProgramme(p.id).path), .text(p.name))) }))))
    }

    static func registerSection(_ c: PageContext, _ m: WorkspaceModel, _ body: String) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .h2(.text(t("arms.register"))),
            .form(
                .method(.get), .action(SiteURL.arms().path), bodyField(body),
                .label(.for("q"), .text(t("arms.search"))), .input(.type(.search), .id("q"), .name("q"), .value(m.q ?? "")),
                .button(.type(.submit), .text(t("arms.find")))),
            .if(
                m.weapons.isEmpty, .p(.class("muted"), .text(t("arms.noWeapons"))),
                else: .table(
                    .class("stack"),
                    .tr(
                        .class("head"), .th(.text(t("arms.serial"))), .th(.text(t("arms.type"))), .th(.text(t("arms.maker"))),
                        .th(.text(t("arms.status"))), .th(.text(t("arms.custody")))),
                    .forEach(m.weapons) { w in weaponRow(t, w, m.known)
                    })),
            newWeaponForm(c, body))
    }

    static func weaponRow(_ t: T, _ w: WeaponView, _ known: PageNames) -> Node<HTML.TableContext> {
        let serial = w.marks.unmarked ? t("arms.unmarked") : (w.marks.serial ?? "—")
        let maker = [w.marks.manufacturer, w.marks.countryOfManufacture, w.marks.model].compactMap { $0 }.joined(separator: ", ")
        let custody = known.body(w.body) + (w.store.map { " · " + $0 } ?? "")
        return .tr(
            .td(.text(serial), .if(w.marks.altered, .strong(.class("overdue"), .text(" " + t("arms.altered"))))),
            .td(.text(t("weapon." + w.type.rawValue))), .td(.text(maker)), .td(.text(t("wstatus." + w.status.rawValue))), .td(.text(custody)))
    }

    static func newWeaponForm(_ c: PageContext, _ body: String) -> Node<HTML.BodyContext> {
        let t = c.t
        return .details(
            .summary(.text(t("arms.newWeapon"))),
            .form(
                .method(.post), .action(SiteURL.armsWeapons.path), Layout.csrf(c), bodyField(body),
                .label(.for("w-type"), .text(t("arms.type"))),
                .select(
                    .id("w-type"), .attribute(named: "name", value: "type"),
                    .forEach(WeaponType.allCases) { x in .option(.value(x.rawValue), .label(t("weapon." + x.rawValue))) }),
                .label(.for("w-status"), .text(t("arms.status"))),
                .select(
                    .id("w-status"), .attribute(named: "name", value: "status"),
                    .forEach(WeaponStatus.allCases.filter { $0 != .destroyed }) { x in
                        .option(.value(x.rawValue), .label(t("wstatus." + x.rawValue)), .isSelected(x == .inCustody))
                    }),
                .forEach(["manufacturer", "country", "serial", "year", "model", "calibre", "markLocations", "store"]) { k in
                    .group(.label(.for("w-" + k), .text(t("arms.field." + k))), .input(.type(.text), .id("w-" + k), .name(k)))
                },
                .label(.input(.type(.checkbox), .name("unmarked")), .text(" " + t("arms.unmarked"))),
                .label(.input(.type(.checkbox), .name("altered")), .text(" " + t("arms.altered"))),
                .button(.type(.submit), .text(t("arms.registerWeapon")))))
    }

    static func campaignSection(_ c: PageContext, _ m: WorkspaceModel, _ body: String) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .h2(.text(t("arms.campaigns"))),
            .if(m.campaigns.isEmpty, .p(.class("muted"), .text(t("arms.noCampaigns")))),
            .forEach(m.campaigns) { k in
                .section(
                    .h3(.text(k.name)),
                    .p(
                        .text(t.date(k.startsOn) + " – " + t.date(k.endsOn)),
                        .unwrap(k.incentives) { .text(" · " + t("arms.incentives") + ": " + $0) }),
                    .p(.text(t("arms.collectedSoFar", String(k.collected.values.reduce(0, +))))),
                    .details(
                        .summary(.text(t("arms.recordCollection"))),
                        .form(
                            .method(.post), .action(SiteURL.armsCollection(k.id).path), Layout.csrf(c), bodyField(body),
                            .label(.for("c-point-" + k.id), .text(t("arms.point"))),
                            .select(
                                .id("c-point-" + k.id), .attribute(named: "name", value: "point"),
                                .forEach(k.points) { p in .option(.value(p.name), .label(p.name)) }),
                            .label(.for("c-on-" + k.id), .text(t("arms.on"))), .input(.type(.date), .id("c-on-" + k.id), .name("on")),
                            .label(.for("c-status-" + k.id), .text(t("arms.status"))),
                            .select(
                                .id("c-status-" + k.id), .attribute(named: "name", value: "status"),
                                .forEach([WeaponStatus.collected, .surrendered]) { x in
                                    .option(.value(x.rawValue), .label(t("wstatus." + x.rawValue)))
                                }),
                            .label(.for("c-weapons-" + k.id), .text(t("arms.weaponLines"))),
                            .textarea(.id("c-weapons-" + k.id), .name("weapons"), .attribute(named: "rows", value: "4"), .required(true)),
                            .button(.type(.submit), .text(t("arms.recordCollection"))))))
            },
            .details(
                .summary(.text(t("arms.newCampaign"))),
                .form(
                    .method(.post), .action(SiteURL.armsCampaigns.path), Layout.csrf(c), bodyField(body),
                    .label(.for("k-name"), .text(t("arms.campaignName"))), .input(.type(.text), .id("k-name"), .name("name"), .required(true)),
                    .label(.for("k-area"), .text(t("med.area"))),
                    .select(
                        .id("k-area"), .attribute(named: "name", value: "area"), .forEach(m.areas) { a in .option(.value(a.code), .label(a.name)) }),
                    .label(.for("k-start"), .text(t("arms.startsOn"))), .input(.type(.date), .id("k-start"), .name("startsOn"), .required(true)),
                    .label(.for("k-end"), .text(t("arms.endsOn"))), .input(.type(.date), .id("k-end"), .name("endsOn"), .required(true)),
                    .label(.for("k-incentives"), .text(t("arms.incentives"))), .input(.type(.text), .id("k-incentives"), .name("incentives")),
                    .label(.for("k-points"), .text(t("arms.points"))),
                    .textarea(.id("k-points"), .name("points"), .attribute(named: "rows", value: "2")),
                    .button(.type(.submit), .text(t("arms.openCampaign"))))))
    }

    static func destructionSection(_ c: PageContext, _ m: WorkspaceModel, _ body: String) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .h2(.text(t("arms.destroy"))),
            .details(
                .summary(.text(t("arms.recordDestruction"))),
                .form(
                    .method(.post), .action(SiteURL.armsDestructions.path), .attribute(named: "enctype", value: "multipart/form-data"),
                    Layout.csrf(c),
                    bodyField(body),
                    .label(.for("d-on"), .text(t("arms.on"))), .input(.type(.date), .id("d-on"), .name("on"), .required(true)),
                    .label(.for("d-place"), .text(t("arms.place"))), .input(.type(.text), .id("d-place"), .name("place"), .required(true)),
                    .label(.for("d-method"), .text(t("arms.method"))),
                    .select(
                        .id("d-method"), .attribute(named: "name", value: "method"),
                        .forEach(DestructionMethod.allCases) { x in .option(.value(x.rawValue), .label(t("method." + x.rawValue))) }),
                    .label(.for("d-weapons"), .text(t("arms.serialsDestroyed"))),
                    .textarea(.id("d-weapons"), .name("weapons"), .attribute(named: "rows", value: "4"), .required(true)),
                    .label(.for("d-witnesses"), .text(t("arms.witnesses"))),
                    .textarea(.id("d-witnesses"), .name("witnesses"), .attribute(named: "rows", value: "2"), .required(true)),
                    .label(.for("d-certificate"), .text(t("arms.certificate"))), .input(.type(.text), .id("d-certificate"), .name("certificate")),
                    .label(.for("d-summary"), .text(t("arms.publicSummary"))),
                    .textarea(.id("d-summary"), .name("summary"), .attribute(named: "rows", value: "2")),
                    .label(.for("d-photos"), .text(t("arms.photos"))),
                    .input(
                        .type(.file), .id("d-photos"), .name("photos"), .attribute(named: "accept", value: "image/jpeg,image/png"),
                        .attribute(named: "multiple", value: "multiple")),
                    .button(.type(.submit), .text(t("arms.recordDestruction"))))))
    }

    static func tracingSection(_ c: PageContext, _ m: WorkspaceModel, _ body: String) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .h2(.text(t("arms.tracing"))),
            .if(
                !m.traces.isEmpty,
                .table(
                    .class("stack"),
                    .tr(
                        .class("head"), .th(.text(t("arms.counterpart"))), .th(.text(t("arms.state"))), .th(.text(t("arms.due"))),
                        .th(.text(t("arms.act")))),
                    .forEach(m.traces) { r in
                        .tr(
                            .class(r.overdue ? "overdue" : ""),
                            .td(.text(t("tracing." + r.direction.rawValue) + " · " + r.counterpart + " · " + (r.marks.serial ?? "—"))),
                            .td(
                                .text(
                                    t("tstate." + r.state.rawValue) + (r.outcome.map { " (" + t("toutcome." + $0.rawValue) + ")" } ?? "")
                                        + (r.overdue ? " — " + t("arms.overdue") : ""))),
                            .td(.text(r.dueOn.map { t.date($0) } ?? "—")),
                            .td(traceForm(c, r, body)))
                    })),
            .details(
                .summary(.text(t("arms.newTrace"))),
                .form(
                    .method(.post), .action(SiteURL.armsTracing.path), Layout.csrf(c), bodyField(body),
                    .label(.for("t-direction"), .text(t("arms.direction"))),
                    .select(
                        .id("t-direction"), .attribute(named: "name", value: "direction"),
                        .forEach(TracingDirection.allCases) { x in .option(.value(x.rawValue), .label(t("tracing." + x.rawValue))) }),
                    .label(.for("t-weapon"), .text(t("arms.weapon"))),
                    .select(
                        .id("t-weapon"), .attribute(named: "name", value: "weapon"),
                        .forEach(m.weapons) { w in
                            .option(.value(w.id), .label((w.marks.serial ?? t("arms.unmarked")) + " · " + t("weapon." + w.type.rawValue)))
                        }),
                    .label(.for("t-counterpart"), .text(t("arms.counterpart"))),
                    .input(.type(.text), .id("t-counterpart"), .name("counterpart"), .required(true)),
                    .label(.for("t-circumstances"), .text(t("arms.circumstances"))),
                    .textarea(.id("t-circumstances"), .name("circumstances"), .attribute(named: "rows", value: "2"), .required(true)),
                    .label(.input(.type(.checkbox), .name("send")), .text(" " + t("arms.sendNow"))),
                    .button(.type(.submit), .text(t("arms.saveTrace"))))))
    }

    static func traceForm(_ c: PageContext, _ r: TracingView, _ body: String) -> Node<HTML.BodyContext> {
        let t = c.t
        let next: [TracingState] =
            [.draft: [.sent], .sent: [.acknowledged, .answered], .acknowledged: [.answered], .answered: [.closed]][r.state] ?? []
        return .if(
            !next.isEmpty,
            .form(
                .method(.post), .action(SiteURL.armsTracingStep(r.id).path), Layout.csrf(c), bodyField(body),
                .select(
                    .attribute(named: "name", value: "to"), .attribute(named: "aria-label", value: t("arms.state")),
                    .forEach(next) { s in .option(.value(s.rawValue), .label(t("tstate." + s.rawValue))) }),
                .select(
                    .attribute(named: "name", value: "outcome"), .attribute(named: "aria-label", value: t("arms.outcome")),
                    .option(.value(""), .label("—")),
                    .forEach(TracingOutcome.allCases) { o in .option(.value(o.rawValue), .label(t("toutcome." + o.rawValue))) }),
                .input(.type(.text), .name("answer"), .attribute(named: "aria-label", value: t("arms.answer")), .placeholder(t("arms.answer"))),
                .button(.type(.submit), .text(t("arms.step")))))
    }

    static func figures(_ t: T, _ rows: [(String, Int)]) -> Node<HTML.BodyContext> {
        .table(.forEach(rows) { k, v in .tr(.td(.text(k)), .td(.text(t.number(v)))) })
    }

    static func reportView(_ c: PageContext, _ m: ReportModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let r = m.figures
        let changed = m.signed.map { $0.figures != r } ?? false
        return .group(
            .p(.text(t("arms.reportIntro"))),
            .unwrap(m.signed) { s in
                .p(
                    .class(changed ? "overdue" : "notice"),
                    .text(t("arms.signedOn", t.date(s.signedAt), String(s.digest.prefix(16))) + (changed ? " — " + t("arms.changedSince") : "")))
            },
            .h2(.text(t("arms.sec.marking"))),
            figures(t, [(t("arms.weaponsMarked"), r.marking.weaponsMarked), (t("arms.markingEvents"), r.marking.markingEvents)]),
            .h2(.text(t("arms.sec.records"))),
            figures(
                t,
                [
                    (t("arms.onRegister"), r.recordKeeping.onRegister), (t("arms.registeredThisYear"), r.recordKeeping.registeredThisYear),
                    (t("arms.unmarked"), r.recordKeeping.unmarked), (t("arms.altered"), r.recordKeeping.altered),
                ] + r.recordKeeping.byStatus.sorted { $0.key < $1.key }.map { (t("wstatus." + $0.key), $0.value) }),
            .h2(.text(t("arms.sec.tracing"))),
            figures(
                t,
                [
                    (t("arms.tracesSent"), r.tracing.sent), (t("arms.tracesReceived"), r.tracing.received),
                    (t("toutcome.full"), r.tracing.answeredFull),
                    (t("toutcome.partial"), r.tracing.answeredPartial), (t("toutcome.negative"), r.tracing.answeredNegative),
                    (t("arms.overdue"), r.tracing.overdue),
                ]),
            .h2(.text(t("arms.sec.collection"))),
            figures(
                t,
                [
                    (t("arms.campaigns"), r.collection.campaigns), (t("wstatus.collected"), r.collection.weaponsCollected),
                    (t("wstatus.surrendered"), r.collection.weaponsSurrendered), (t("wstatus.seized"), r.collection.weaponsSeized),
                ]),
            .h2(.text(t("arms.sec.destruction"))),
            figures(
                t,
                [
                    (t("arms.destructionEvents"), r.destruction.events), (t("arms.weaponsDestroyed"), r.destruction.weaponsDestroyed),
                    (t("arms.roundsDestroyed"), r.destruction.roundsDestroyed),
                ]
                    + r.destruction.byType.sorted { $0.key < $1.key }.map { (t("weapon." + $0.key), $0.value) }),
            .h2(.text(t("arms.sec.att"))),
            .if(
                r.att.nilReport, .p(.text(t("arms.nilReport"))),
                else: figures(
                    t,
                    r.att.exports.map { (t("arms.exportTo", t("weapon." + $0.type), $0.partner), $0.count) }
                        + r.att.imports.map { (t("arms.importFrom", t("weapon." + $0.type), $0.partner), $0.count) })),
            .h2(.text(t("arms.sec.sdg"))),
            .p(
                .text(
                    t("arms.sdgLine", t.number(r.sdg.traced), t.number(r.sdg.recovered))
                        + (r.sdg.share.map { " — " + t.number($0 * 100, digits: 1) + " %" } ?? ""))),
            .p(.a(.href(SiteURL.armsReportCSV(year: m.year, body: m.body).path), .text(t("arms.csv")))),
            .if(
                m.signs,
                .form(
                    .method(.post), .action(SiteURL.armsReportSign(m.year).path), Layout.csrf(c), bodyField(m.body),
                    .button(.type(.submit), .text(t("arms.sign"))))))
    }

    static func destructionsView(_ c: PageContext, _ m: DestructionsModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .p(.text(t("arms.destructionsIntro"))),
            .if(
                m.destructions.isEmpty, .p(.class("muted"), .text(t("arms.noDestructions"))),
                else: .ul(
                    .forEach(m.destructions) { d in
                        .li(
                            .strong(.text(t.date(d.on) + " · " + d.place)), .text(" — " + d.summary),
                            .span(
                                .class("muted"),
                                .text(
                                    " · " + m.known.body(d.body) + " · " + t("method." + d.method.rawValue) + " · "
                                        + t("arms.destroyedCount", t.number(d.weapons), t.number(d.rounds)))),
                            .forEach(d.photos ?? []) { p in
                                .img(
                                    .src(SiteURL.destructionPhoto(d.id, photo: p).path), .alt(t("arms.photoOf", d.place)), .class("photo"),
                                    .attribute(named: "loading", value: "lazy"))
                            })
                    })),
            .if(!m.keeps.isEmpty, .p(.a(.href(SiteURL.arms().path), .text(t("arms.title"))))))
    }

    static func programmeView(_ c: PageContext, _ m: ProgrammeModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let a = m.answer
        return .group(
            .p(
                .text(
                    m.known.body(a.programme.body) + " · " + t("ddr.since", t.date(a.programme.startsOn)) + " · "
                        + t("ddr.childProtection", a.programme.childProtection))),
            .p(.class("muted"), .text(t("ddr.suppressed"))),
            .h2(.text(t("ddr.funnel", a.total))),
            .raw(SVG.bars(a.funnel.map { (t("stage." + $0.stage.rawValue), $0.count) }, title: t("ddr.funnel", a.total))),
            .forEach(["category", "sex", "ageGroup", "stage"]) { dim in
                .group(
                    .h3(.text(t("ddr.by." + dim))),
                    .table(
                        .forEach((a.by[dim] ?? [:]).sorted { $0.key < $1.key }) { k, v in
                            .tr(.td(.text(dim == "stage" ? t("stage." + k) : dim == "category" ? t("ddrcat." + k) : k)), .td(.text(v)))
                        }))
            },
            .if(
                !m.months.isEmpty,
                .group(
                    .h2(.text(t("ddr.overTime"))),
                    .raw(
                        SVG.chart(
                            m.months.map { (label: $0.label, bar: Double($0.collected), line: Double($0.destroyed)) },
                            barName: t("wstatus.collected"),
                            lineName: t("wstatus.destroyed"), title: t("ddr.overTime"))))),
            participantsSection(c, m))
    }

    /// The programme body's own list: pseudonyms, never names; a form per participant for the next stage.
    static func participantsSection(_ c: PageContext, _ m: ProgrammeModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let id = m.answer.programme.id
        return .if(
            m.keeps,
            .group(
                .h2(.text(t("ddr.participants"))),
                .if(
                    m.participants.isEmpty, .p(.class("muted"), .text(t("ddr.noParticipants"))),
                    else: .table(
                        .class("stack"),
                        .tr(
                            .class("head"), .th(.text(t("ddr.pseudonym"))), .th(.text(t("ddr.by.category"))), .th(.text(t("ddr.by.ageGroup"))),
                            .th(.text(t("ddr.by.stage"))), .th(.text(t("arms.act")))),
                        .forEach(m.participants) { p in
                            .tr(
                                .td(.text(p.pseudonym)), .td(.text(t("ddrcat." + p.category.rawValue))), .td(.text(p.ageGroup + " · " + p.sex)),
                                .td(.text(t("stage." + p.stage.rawValue) + (p.referredOn.map { _ in " · " + t("ddr.referred") } ?? ""))),
                                .td(stepForm(c, p, programme: id)))
                        })),
                .details(
                    .summary(.text(t("ddr.register"))),
                    .form(
                        .method(.post), .action(SiteURL.ddrParticipants(id).path), Layout.csrf(c),
                        .p(.class("muted"), .text(t("ddr.sealed"))),
                        .label(.for("p-category"), .text(t("ddr.by.category"))),
                        .select(
                            .id("p-category"), .attribute(named: "name", value: "category"),
                            .forEach(DDRCategory.allCases) { x in .option(.value(x.rawValue), .label(t("ddrcat." + x.rawValue))) }),
                        .label(.for("p-sex"), .text(t("ddr.by.sex"))),
                        .select(
                            .id("p-sex"), .attribute(named: "name", value: "sex"),
                            .forEach(["female", "male", "other"]) { x in .option(.value(x), .label(t("ddr.sex." + x))) }),
                        .forEach(["givenNames", "familyName", "birthDate", "placeOfOrigin", "motherName", "idNumber", "faction", "area"]) { k in
                            .group(
                                .label(.for("p-" + k), .text(t("ddr.field." + k))),
                                .input(
                                    .type(.text), .id("p-" + k), .name(k), .value(k == "area" ? m.answer.programme.area : ""),
                                    .required(["givenNames", "familyName", "birthDate", "area"].contains(k))))
                        },
                        .button(.type(.submit), .text(t("ddr.register")))))))
    }

    static func stepForm(_ c: PageContext, _ p: ParticipantView, programme: String) -> Node<HTML.BodyContext> {
        let t = c.t
        let next = (DDRStage.allCases.filter { DDRRules.refusal(from: p.stage, category: p.category, DDRStep(to: $0))?.field != "to" })
        return .if(
            !next.isEmpty,
            .form(
                .method(.post), .action(SiteURL.ddrParticipantStep(p.id).path), Layout.csrf(c),
                .input(.type(.hidden), .name("programme"), .value(programme)),
                .select(
                    .attribute(named: "name", value: "to"), .attribute(named: "aria-label", value: t("ddr.by.stage")),
                    .forEach(next) { s in .option(.value(s.rawValue), .label(t("stage." + s.rawValue))) }),
                .input(.type(.text), .name("detail"), .attribute(named: "aria-label", value: t("ddr.stepDetail")), .placeholder(t("ddr.stepDetail"))),
                .button(.type(.submit), .text(t("arms.step")))))
    }
}
