import Foundation

/// Record ids that sort by creation time (UUID version 7, RFC 9562, with a counter for ids made in the
/// same millisecond). A random UUID lands anywhere in the primary-key index, so a bulk import of
/// millions touched a different page for every row; ordered ids append to the end of it.
public struct OrderedIDs: Sendable {
    private var lastMillis: UInt64 = 0
    private var counter: UInt64 = 0
    private var rng = SystemRandomNumberGenerator()

    public init() {}

    public mutating func next(now: Date = Date()) -> String {
        let ms = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        if ms > lastMillis {
            lastMillis = ms
            counter = UInt64.random(in: 0..<(1 << 20), using: &rng)
        } else {
            counter += 1
        }
        if counter >= 1 << 42 {
            lastMillis += 1
            counter = 0
        }  // 4 trillion ids in one millisecond: borrow the next one
        // 48 bits of time, version 7, 12 + 30 bits of counter around the variant, 32 random bits.
        let hi = (lastMillis << 16) | 0x7000 | (counter >> 30 & 0xFFF)
        let lo = (0b10 << 62) | ((counter & 0x3FFF_FFFF) << 32) | UInt64(rng.next() as UInt32)
        return Self.text(hi, lo)
    }

    static func text(_ hi: UInt64, _ lo: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0x2D, count: 36)
        var pos = 0
        for (i, word) in [hi, lo].enumerated() {
            for nibble in 0..<16 {
                if [8, 13, 18, 23].contains(pos) { pos += 1 }
                out[pos] = digits[Int(word >> UInt64(60 - nibble * 4) & 0xF)]
                pos += 1
            }
            _ = i
        }
        return String(decoding: out, as: UTF8.self)
    }
}
