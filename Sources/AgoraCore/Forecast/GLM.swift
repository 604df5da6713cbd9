import Foundation

/// A regularised generalised linear model fitted by Newton's method (iteratively reweighted least squares):
/// logistic for probabilities, Poisson for counts. Features are standardised on the training rows; the ridge
/// penalty leaves the intercept alone. Deterministic: the same rows give the same weights, bit for bit.
public struct GLM: Codable, Sendable, Equatable {
    public enum Family: String, Codable, Sendable { case logistic, poisson }

    public var family: Family
    public var mean: [Double]
    public var scale: [Double]
    /// Intercept first, then one weight per standardised feature.
    public var weights: [Double]
    /// NB2 over-dispersion of a Poisson fit (0: Poisson), for intervals.
    public var dispersion: Double = 0

    /// `free` names features (by index) the penalty leaves alone: a strong penalty then shrinks the model toward
    /// a regression on those features, not toward the base rate.
    public static func fit(_ x: [[Double]], _ y: [Double], family: Family, ridge: Double = 1.0, free: [Int] = [], iterations: Int = 50)
        -> GLM
    {
        let d = x.first?.count ?? 0
        let count = x.count
        let n = Double(count)
        var mean = [Double](repeating: 0, count: d)
        var scale = [Double](repeating: 1, count: d)
        if !x.isEmpty {
            for j in 0..<d {
                let m = x.reduce(0) { $0 + $1[j] } / n
                let v = x.reduce(0) { $0 + ($1[j] - m) * ($1[j] - m) } / n
                mean[j] = m
                scale[j] = v > 1e-12 ? v.squareRoot() : 1
            }
        }
        let p = d + 1
        var penalty = [Double](repeating: ridge, count: p)
        penalty[0] = 0
        for k in free where k < d { penalty[k + 1] = 0 }
        // One flat row-major matrix: the loops below run over hundreds of thousands of rows in a live training.
        var z = [Double](repeating: 1, count: count * p)
        for (i, row) in x.enumerated() { for k in 0..<d { z[i * p + k + 1] = (row[k] - mean[k]) / scale[k] } }
        var w = [Double](repeating: 0, count: p)
        let base = y.isEmpty ? 0.5 : y.reduce(0, +) / n
        w[0] = family == .logistic ? log(Swift.max(base, 1e-6) / Swift.max(1 - base, 1e-6)) : log(Swift.max(base, 1e-6))
        var before = objective(z, p, y, w, family, penalty)
        for _ in 0..<iterations {
            var h = [Double](repeating: 0, count: p * p)
            var g = [Double](repeating: 0, count: p)
            z.withUnsafeBufferPointer { zp in
                y.withUnsafeBufferPointer { yp in
                    h.withUnsafeMutableBufferPointer { hp in
                        g.withUnsafeMutableBufferPointer { gp in
                            for r in 0..<count {
                                let row = zp.baseAddress! + r * p
                                var eta = 0.0
                                for k in 0..<p { eta += row[k] * w[k] }
                                let mu: Double
                                let v: Double
                                if family == .logistic {
                                    mu = 1 / (1 + exp(-eta))
                                    v = Swift.max(mu * (1 - mu), 1e-10)
                                } else {
                                    mu = exp(Swift.min(eta, 30))
                                    v = Swift.max(mu, 1e-10)
                                }
                                let res = yp[r] - mu
                                for i in 0..<p {
                                    let ri = row[i]
                                    gp[i] += res * ri
                                    let vi = v * ri
                                    for j in i..<p { hp[i * p + j] += vi * row[j] }
                                }
                            }
                        }
                    }
                }
            }
            for i in 1..<p {
                g[i] -= penalty[i] * w[i]
                h[i * p + i] += penalty[i]
            }
            h[0] += 1e-9
            for i in 0..<p { for j in 0..<i { h[i * p + j] = h[j * p + i] } }
            guard let step = solve(h, g, p) else { break }
            // Newton's step, halved until the penalised likelihood does not fall (plain Newton can overshoot
            // on nearly separable rows and run away).
            var t = 1.0
            var next = w
            var after = before
            for _ in 0..<40 {
                next = (0..<p).map { w[$0] + t * step[$0] }
                after = objective(z, p, y, next, family, penalty)
                if after >= before - 1e-12 * abs(before) { break }
                t /= 2
            }
            w = next
            let gain = after - before
            before = after
            if step.reduce(0, { Swift.max($0, abs($1)) }) * t < 1e-7 || abs(gain) <= 1e-10 * Swift.max(1, abs(after)) { break }
        }
        var model = GLM(family: family, mean: mean, scale: scale, weights: w)
        if family == .poisson && count > 0 {
            // Method of moments for the negative-binomial dispersion: Var = mu + alpha mu^2.
            var num = 0.0
            var den = 0.0
            for r in 0..<count {
                var eta = 0.0
                for k in 0..<p { eta += z[r * p + k] * w[k] }
                let mu = exp(Swift.min(eta, 30))
                num += (y[r] - mu) * (y[r] - mu) - mu
                den += mu * mu
            }
            model.dispersion = den > 0 ? Swift.max(0, num / den) : 0
        }
        return model
    }

    /// Log-likelihood minus the ridge penalty (per weight; the intercept's is 0), over the flat standardised rows.
    static func objective(_ z: [Double], _ p: Int, _ y: [Double], _ w: [Double], _ family: Family, _ penalty: [Double]) -> Double {
        var ll = 0.0
        z.withUnsafeBufferPointer { zp in
            for r in 0..<y.count {
                let row = zp.baseAddress! + r * p
                var eta = 0.0
                for k in 0..<p { eta += row[k] * w[k] }
                if family == .logistic {
                    // log(1 + e^eta), computed without overflow
                    let softplus = eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta))
                    ll += y[r] * eta - softplus
                } else {
                    let e = Swift.min(eta, 30)
                    ll += y[r] * e - exp(e)
                }
            }
        }
        var pen = 0.0
        for i in 1..<w.count { pen += penalty[i] * w[i] * w[i] }
        return ll - pen / 2
    }

    public func standardised(_ x: [Double]) -> [Double] { [1.0] + x.indices.map { (x[$0] - mean[$0]) / scale[$0] } }

    public func predict(_ x: [Double]) -> Double {
        let eta = Self.dot(standardised(x), weights)
        return family == .logistic ? 1 / (1 + exp(-eta)) : exp(Swift.min(eta, 30))
    }

    /// Each feature's share of the linear predictor, against an average row (the standardised value times its weight).
    public func contributions(_ x: [Double]) -> [Double] {
        let z = standardised(x)
        return (1..<weights.count).map { z[$0] * weights[$0] }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    /// Cholesky solve of a symmetric positive-definite system (row-major `a`, size n).
    static func solve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 0 else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = b[i]
            for k in 0..<i { s -= l[i * n + k] * y[k] }
            y[i] = s / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<n { s -= l[k * n + i] * x[k] }
            x[i] = s / l[i * n + i]
        }
        return x
    }
}

/// Quantiles of a count with mean `mu` and NB2 dispersion `alpha` (Poisson when 0).
public enum CountQuantile {
    public static func quantile(_ q: Double, mean mu: Double, dispersion alpha: Double) -> Int {
        guard mu > 0 else { return 0 }
        var cdf = 0.0
        var k = 0
        // log pmf by lgamma, stable for large means; capped where the tail is negligible.
        let r = alpha > 1e-9 ? 1 / alpha : 0
        while k < 100_000 {
            let lp: Double
            if r > 0 {
                lp = lgamma(Double(k) + r) - lgamma(r) - lgamma(Double(k) + 1) + r * log(r / (r + mu)) + Double(k) * log(mu / (r + mu))
            } else {
                lp = Double(k) * log(mu) - mu - lgamma(Double(k) + 1)
            }
            cdf += exp(lp)
            if cdf >= q { return k }
            k += 1
        }
        return k
    }
}
