import Foundation

/// A DDR programme's figures and a peace agreement's implementation, as the payloads other installations receive:
/// counts with small cells suppressed (`DDRAggregates`), shares of implementation from published scores only — no
/// participant, no scorer, no person.
public enum FigureRecords {
    public static func ddr(
        name: String, body: String, startsOn: String, total: String, by: [String: [String: String]], funnel: [(stage: DDRStage, count: String)]
    ) -> [String: JSONValue] {
        func object(_ d: [String: String]) -> JSONValue { .object(d.mapValues { .string($0) }) }
        return [
            "programme": .string(name), "body": .string(body), "startsOn": .string(startsOn), "participants": .string(total),
            "funnel": .object(Dictionary(funnel.map { ($0.stage.rawValue, JSONValue.string($0.count)) }, uniquingKeysWith: { a, _ in a })),
            "sex": object(by["sex"] ?? [:]), "category": object(by["category"] ?? [:]), "ageGroup": object(by["ageGroup"] ?? [:]),
            "stage": object(by["stage"] ?? [:]),
        ]
    }

    public static func implementation(title: String, signedOn: String, stipulations: Int, rollup: Implementation.Rollup) -> [String: JSONValue] {
        func share(_ x: Double) -> JSONValue { .number((x * 1000).rounded() / 1000) }
        return [
            "title": .string(title), "signedOn": .string(signedOn), "period": .string(rollup.period), "stipulations": .number(Double(stipulations)),
            "share": share(rollup.agreement),
            "themes": .object(Dictionary(rollup.themes.map { ($0.key, share($0.share)) }, uniquingKeysWith: { a, _ in a })),
        ]
    }
}
