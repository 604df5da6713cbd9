import AgoraCore
import Foundation

/// The forecast's edges that are not SQL: the geography from the risk snapshot, and the evaluation as text.
enum Forecasting {
    static func geography(_ snap: RiskSnapshot) -> ForecastGeography {
        ForecastGeography(areas: snap.areas.mapValues { .init(level: $0.level, parent: $0.parent) }, neighbours: snap.neighbours)
    }

    static func table(_ r: Backtest.Result) -> String {
        func f(_ x: Double?, _ d: Int = 3) -> String { x.map { String(format: "%.\(d)f", $0) } ?? "—" }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func scores(_ title: String, _ pick: (Backtest.Method) -> ForecastScore) -> [String] {
            let first = pick(r.methods[0])
            var out = [
                "\(title): \(first.count) forecasts, base rate \(f(first.baseRate))", pad("method", 26) + "  Brier   skill   AUC     log loss",
            ]
            for m in r.methods {
                let s = pick(m)
                out.append(pad(m.name, 26) + "  " + [f(s.brier), f(s.brierSkill), f(s.auc), f(s.logLoss)].map { pad($0, 6) }.joined(separator: "  "))
            }
            return out
        }
        var lines = [
            "\(r.level.rawValue), \(r.horizon.rawValue) ahead, target \(r.target.rawValue): \(r.areas) areas, outcomes \(r.from) to \(r.to), \(r.folds) blocks"
        ]
        lines += scores("all", \.all) + [""] + scores("onsets (no fatal event in the 3 periods before)", \.onsets) + [""]
        lines.append("reliability (forecast → observed, count)")
        lines.append(pad("bin", 10) + r.methods.prefix(1).map { pad($0.name, 24) }.joined() + pad(r.methods.last!.name, 24))
        for b in 0..<10 {
            let cells = [r.methods[0], r.methods.last!].map { m -> String in
                let x = m.all.reliability[b]
                return pad(x.count == 0 ? "—" : "\(f(x.forecast, 2)) → \(f(x.observed, 2)) (\(x.count))", 24)
            }
            lines.append(pad(String(format: "%.1f–%.1f", Double(b) / 10, Double(b + 1) / 10), 10) + cells.joined())
        }
        lines.append("")
        lines.append(
            "deaths: mean absolute error \(f(r.deaths.meanAbsoluteError, 2)) (climatology \(f(r.deaths.climatologyError, 2))), "
                + "80 % interval holds \(f(r.deaths.coverage * 100, 1)) % of outcomes")
        return lines.joined(separator: "\n")
    }
}
