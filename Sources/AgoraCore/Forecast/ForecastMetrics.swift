import Foundation

/// How good probabilities were, against what happened.
public struct ForecastScore: Codable, Sendable, Equatable {
    public struct Bin: Codable, Sendable, Equatable {
        public var from: Double
        public var count: Int
        /// Mean forecast and observed frequency in the bin (nil when empty).
        public var forecast: Double?
        public var observed: Double?
    }
    public var count: Int
    public var baseRate: Double
    public var brier: Double
    /// 1 − Brier / Brier of climatology (the training base rate) on the same rows.
    public var brierSkill: Double?
    /// Nil when the rows hold one outcome only.
    public var auc: Double?
    public var logLoss: Double
    public var reliability: [Bin]

    public static func of(_ p: [Double], _ y: [Bool], climatology: [Double]? = nil) -> ForecastScore {
        let n = Double(p.count)
        let brier = zip(p, y).reduce(0) { $0 + ($1.0 - ($1.1 ? 1 : 0)) * ($1.0 - ($1.1 ? 1 : 0)) } / Swift.max(n, 1)
        let clim = climatology.map { c in zip(c, y).reduce(0) { $0 + ($1.0 - ($1.1 ? 1 : 0)) * ($1.0 - ($1.1 ? 1 : 0)) } / Swift.max(n, 1) }
        let eps = 1e-6
        let ll =
            -zip(p, y).reduce(0) { acc, e in
                let q = Swift.min(Swift.max(e.0, eps), 1 - eps)
                return acc + (e.1 ? log(q) : log(1 - q))
            } / Swift.max(n, 1)
        var bins: [Bin] = (0..<10).map { Bin(from: Double($0) / 10, count: 0) }
        var sums = [(Double, Double)](repeating: (0, 0), count: 10)
        for (q, o) in zip(p, y) {
            let b = Swift.min(9, Swift.max(0, Int(q * 10)))
            bins[b].count += 1
            sums[b].0 += q
            sums[b].1 += o ? 1 : 0
        }
        for b in 0..<10 where bins[b].count > 0 {
            bins[b].forecast = sums[b].0 / Double(bins[b].count)
            bins[b].observed = sums[b].1 / Double(bins[b].count)
        }
        return ForecastScore(
            count: p.count, baseRate: y.filter { $0 }.count > 0 ? Double(y.filter { $0 }.count) / n : 0, brier: brier,
            brierSkill: clim.flatMap { $0 > 0 ? 1 - brier / $0 : nil }, auc: auc(p, y), logLoss: ll, reliability: bins)
    }

    /// The area under the ROC curve: the chance a random positive is ranked above a random negative, ties half.
    public static func auc(_ p: [Double], _ y: [Bool]) -> Double? {
        let pos = y.filter { $0 }.count
        let neg = y.count - pos
        guard pos > 0 && neg > 0 else { return nil }
        let order = p.indices.sorted { p[$0] < p[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && p[order[j + 1]] == p[order[i]] { j += 1 }
            let rank = Double(i + j + 2) / 2  // ranks are 1-based; ties share their mean
            for k in i...j where y[order[k]] { rankSum += rank }
            i = j + 1
        }
        return (rankSum - Double(pos) * Double(pos + 1) / 2) / (Double(pos) * Double(neg))
    }
}
