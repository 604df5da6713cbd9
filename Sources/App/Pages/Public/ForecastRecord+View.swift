import AgoraCore
import Foundation
import Plot

extension PublicPages {
    static func recordView(_ c: PageContext, _ m: RecordModel) -> Node<HTML.BodyContext> {
        let t = c.t
        func pct(_ v: Double?) -> String { v.map { t.number($0 * 100, digits: 0) + " %" } ?? "—" }
        guard let backtest = m.model?.evaluation?.backtest, let ours = backtest.methods.first else {
            return .p(.class("muted"), .text(t("forecast.noRecord")))
        }
        let bins = ours.all.reliability.filter { $0.count > 0 }
        // The sentence reads from the busiest bin above 10 %, where a chance means something to a reader.
        let example = bins.filter { $0.from >= 0.1 }.max { $0.count < $1.count } ?? bins.max { $0.count < $1.count }
        return .group(
            .p(.text(t("forecast.recordIntro"))),
            .unwrap(example) { b in
                .p(.strong(.text(t("forecast.recordSentence", pct(b.forecast), pct(b.observed), t.number(b.count)))))
            },
            .raw(
                SVG.reliability(
                    bins.map { ($0.forecast ?? 0, $0.observed ?? 0, $0.count) }, title: t("forecast.recordChart"), said: t("forecast.said"),
                    happened: t("forecast.happened"))),
            .table(
                .tr(.th(.text(t("forecast.said"))), .th(.text(t("forecast.happened"))), .th(.text(t("forecast.count")))),
                .forEach(bins) { b in .tr(.td(.text(pct(b.forecast))), .td(.text(pct(b.observed))), .td(.text(t.number(b.count)))) }),
            .p(.class("muted"), .text(t.period(backtest.from) + " – " + t.period(backtest.to))),
            .h2(.text(t("forecast.skill"))),
            methods(c, backtest.methods.map { ($0.id, $0.all) }),
            .h3(.text(t("forecast.onsets"))),
            methods(c, backtest.methods.map { ($0.id, $0.onsets) }),
            .unwrap(m.model?.evaluation?.live) { live in
                .p(.text(t("forecast.live", t.number(live.count), t.number(live.brier, digits: 3))))
            })
    }

    static func methods(_ c: PageContext, _ rows: [(id: String, score: ForecastScore)]) -> Node<HTML.BodyContext> {
        let t = c.t
        return .table(
            .tr(.th(.text(t("forecast.method"))), .th(.text(t("forecast.brier"))), .th(.text(t("forecast.auc")))),
            .forEach(rows) { r in
                .tr(
                    .td(.text(t("method." + r.id))), .td(.text(t.number(r.score.brier, digits: 3))),
                    .td(.text(r.score.auc.map { t.number($0, digits: 3) } ?? "—")))
            })
    }
}
