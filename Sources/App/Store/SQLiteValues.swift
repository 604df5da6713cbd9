import Foundation
import GRDB
import SQLKit

/// Swift values to SQLite's and back, as the stores bind and decode them: plain values directly (the hot path),
/// anything with a single value through it (enums, identifiers), anything structured as JSON text.
enum SQLiteValues {
    static func encode(_ value: any Encodable) throws -> DatabaseValue {
        switch value {
        case let s as String: return s.databaseValue
        case let i as Int: return i.databaseValue
        case let d as Double: return d.databaseValue
        case let b as Bool: return (b ? 1 : 0).databaseValue
        case let i as Int64: return i.databaseValue
        case let d as Data: return d.databaseValue
        default:
            let encoder = SingleValueCapture()
            do {
                try value.encode(to: encoder)
                return encoder.value ?? .null
            } catch is StructuredValue {
                return String(decoding: try JSONEncoder().encode(value), as: UTF8.self).databaseValue
            }
        }
    }

    static func decode<D: Decodable>(_ type: D.Type, from value: DatabaseValue) throws -> D {
        // Exact types first: `as!` from a known type is cheap and these are nearly every column.
        if D.self == String.self, let s = string(value) { return s as! D }
        if D.self == Int.self, case .int64(let i) = value.storage { return Int(i) as! D }
        if D.self == Double.self, let d = double(value) { return d as! D }
        if D.self == Bool.self, let b = bool(value) { return b as! D }
        if D.self == Data.self, case .blob(let b) = value.storage { return b as! D }
        do {
            return try D(from: SingleValueRead(value: value))
        } catch is StructuredValue {
            guard let text = string(value) else { throw mismatch(D.self, value) }
            return try JSONDecoder().decode(D.self, from: Data(text.utf8))
        }
    }

    static func string(_ v: DatabaseValue) -> String? {
        switch v.storage {
        case .string(let s): s
        case .int64(let i): String(i)
        case .double(let d): String(d)
        case .blob(let b): String(data: b, encoding: .utf8)
        case .null: nil
        }
    }

    static func double(_ v: DatabaseValue) -> Double? {
        switch v.storage {
        case .double(let d): d
        case .int64(let i): Double(i)
        default: nil
        }
    }

    static func bool(_ v: DatabaseValue) -> Bool? {
        switch v.storage {
        case .int64(let i): i != 0
        case .double(let d): d != 0
        case .string(let s):
            ["true", "t", "1", "yes"].contains(s.lowercased()) ? true : (["false", "f", "0", "no"].contains(s.lowercased()) ? false : nil)
        default: nil
        }
    }

    static func mismatch(_ type: Any.Type, _ v: DatabaseValue) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "cannot read \(type) from SQLite's \(v)"))
    }
}

/// Thrown when a value has fields or elements: it goes as JSON text instead.
private struct StructuredValue: Error {}

/// Captures the one value a type encodes itself as.
private final class SingleValueCapture: Encoder, SingleValueEncodingContainer {
    var value: DatabaseValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Refusing<Key>())
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingUnkeyed() }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ v: Bool) throws { value = (v ? 1 : 0).databaseValue }
    func encode(_ v: String) throws { value = v.databaseValue }
    func encode(_ v: Double) throws { value = v.databaseValue }
    func encode(_ v: Float) throws { value = Double(v).databaseValue }
    func encode(_ v: Int) throws { value = v.databaseValue }
    func encode(_ v: Int8) throws { value = Int64(v).databaseValue }
    func encode(_ v: Int16) throws { value = Int64(v).databaseValue }
    func encode(_ v: Int32) throws { value = Int64(v).databaseValue }
    func encode(_ v: Int64) throws { value = v.databaseValue }
    func encode(_ v: UInt) throws { value = Int64(v).databaseValue }
    func encode(_ v: UInt8) throws { value = Int64(v).databaseValue }
    func encode(_ v: UInt16) throws { value = Int64(v).databaseValue }
    func encode(_ v: UInt32) throws { value = Int64(v).databaseValue }
    func encode(_ v: UInt64) throws { value = Int64(v).databaseValue }
    func encode<T: Encodable>(_ v: T) throws {
        value = try SQLiteValues.encode(v)
    }

    /// A keyed container whose first use says "this is structured".
    private struct Refusing<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { throw StructuredValue() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw StructuredValue() }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            KeyedEncodingContainer(Refusing<N>())
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { RefusingUnkeyed() }
        mutating func superEncoder() -> any Encoder { SingleValueCapture() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueCapture() }
    }

    private struct RefusingUnkeyed: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil() throws { throw StructuredValue() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw StructuredValue() }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> { KeyedEncodingContainer(Refusing<N>()) }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { RefusingUnkeyed() }
        mutating func superEncoder() -> any Encoder { SingleValueCapture() }
    }
}

/// Reads one column's value for a type that decodes itself from a single value.
private struct SingleValueRead: Decoder, SingleValueDecodingContainer {
    let value: DatabaseValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw StructuredValue() }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw StructuredValue() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try SQLiteValues.bool(value) ?? { throw SQLiteValues.mismatch(type, value) }() }
    func decode(_ type: String.Type) throws -> String { try SQLiteValues.string(value) ?? { throw SQLiteValues.mismatch(type, value) }() }
    func decode(_ type: Double.Type) throws -> Double { try SQLiteValues.double(value) ?? { throw SQLiteValues.mismatch(type, value) }() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { Int(try integer(type)) }
    func decode(_ type: Int8.Type) throws -> Int8 { Int8(try integer(type)) }
    func decode(_ type: Int16.Type) throws -> Int16 { Int16(try integer(type)) }
    func decode(_ type: Int32.Type) throws -> Int32 { Int32(try integer(type)) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { UInt(try integer(type)) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { UInt8(try integer(type)) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { UInt16(try integer(type)) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { UInt32(try integer(type)) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { UInt64(try integer(type)) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try SQLiteValues.decode(T.self, from: value) }

    /// Integers as SQLite holds them; a whole REAL (an aggregate over integers) also counts.
    private func integer(_ type: Any.Type) throws -> Int64 {
        switch value.storage {
        case .int64(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        case .string(let s): if let i = Int64(s) { return i }
        default: break
        }
        throw SQLiteValues.mismatch(type, value)
    }
}
