import Foundation

/// One year's figures for the reports a commission owes, worked out from the register and its events so that each
/// fact is entered once: the UN Programme of Action / ITI national report (marking, record-keeping, tracing,
/// collection, destruction), the Arms Trade Treaty annual report for category VIII (small arms and light weapons;
/// a nil report when nothing moved) and SDG indicator 16.4.2 (the share of seized, found or surrendered weapons whose
/// origin was traced).
public struct ArmsYearReport: Codable, Sendable, Equatable {
    public struct Weapon: Sendable {
        public var id: String
        public var type: WeaponType
        public var status: WeaponStatus
        public var registeredOn: String
        public var unmarked: Bool
        public var altered: Bool
        public init(id: String, type: WeaponType, status: WeaponStatus, registeredOn: String, unmarked: Bool = false, altered: Bool = false) {
            self.id = id
            self.type = type
            self.status = status
            self.registeredOn = registeredOn
            self.unmarked = unmarked
            self.altered = altered
        }
    }

    /// An entry of a weapon's history: `status` is the status after it.
    public struct Event: Sendable {
        public var weapon: String
        public var kind: WeaponEventKind
        public var on: String
        public var status: WeaponStatus?
        public var direction: TransferDirection?
        public var partner: String?
        public init(
            weapon: String, kind: WeaponEventKind, on: String, status: WeaponStatus? = nil, direction: TransferDirection? = nil,
            partner: String? = nil
        ) {
            self.weapon = weapon
            self.kind = kind
            self.on = on
            self.status = status
            self.direction = direction
            self.partner = partner
        }
    }

    public struct Trace: Sendable {
        public var weapon: String?
        public var direction: TracingDirection
        public var state: TracingState
        public var outcome: TracingOutcome?
        public var sentOn: String?
        public var answeredOn: String?
        public var dueOn: String?
        public init(
            weapon: String?, direction: TracingDirection, state: TracingState, outcome: TracingOutcome? = nil, sentOn: String? = nil,
            answeredOn: String? = nil, dueOn: String? = nil
        ) {
            self.weapon = weapon
            self.direction = direction
            self.state = state
            self.outcome = outcome
            self.sentOn = sentOn
            self.answeredOn = answeredOn
            self.dueOn = dueOn
        }
    }

    public struct Destruction: Sendable {
        public var on: String
        public var method: DestructionMethod
        public var rounds: Int
        public init(on: String, method: DestructionMethod, rounds: Int) {
            self.on = on
            self.method = method
            self.rounds = rounds
        }
    }

    public struct Campaign: Sendable {
        public var startsOn: String
        public var endsOn: String
        public init(startsOn: String, endsOn: String) {
            self.startsOn = startsOn
            self.endsOn = endsOn
        }
    }

    public struct Marking: Codable, Sendable, Equatable {
        public var weaponsMarked: Int
        public var markingEvents: Int
    }

    public struct RecordKeeping: Codable, Sendable, Equatable {
        /// Weapons on the register at the end of the year, by their status now.
        public var onRegister: Int
        public var registeredThisYear: Int
        public var byStatus: [String: Int]
        public var unmarked: Int
        public var altered: Int
    }

    public struct Tracing: Codable, Sendable, Equatable {
        public var sent: Int
        public var received: Int
        public var answeredFull: Int
        public var answeredPartial: Int
        public var answeredNegative: Int
        /// Requests still waiting past their due date (on the day the report is made).
        public var overdue: Int
    }

    public struct Collection: Codable, Sendable, Equatable {
        public var campaigns: Int
        public var weaponsCollected: Int
        public var weaponsSurrendered: Int
        public var weaponsSeized: Int
        public var byType: [String: Int]
    }

    public struct DestructionFigures: Codable, Sendable, Equatable {
        public var events: Int
        public var weaponsDestroyed: Int
        public var roundsDestroyed: Int
        public var byMethod: [String: Int]
        public var byType: [String: Int]
    }

    /// Category VIII lines: how many weapons of a sub-category went to (or came from) one state.
    public struct TransferLine: Codable, Sendable, Equatable, Hashable {
        public var type: String
        public var partner: String
        public var count: Int
    }

    public struct ATT: Codable, Sendable, Equatable {
        public var exports: [TransferLine]
        public var imports: [TransferLine]
        /// Nothing exported nor imported: the treaty still asks for the report, saying so.
        public var nilReport: Bool
    }

    public struct SDG1642: Codable, Sendable, Equatable {
        /// Weapons seized, found (collected) or surrendered in the year.
        public var recovered: Int
        /// Of those, the ones whose origin a tracing answer (full or partial) established.
        public var traced: Int
        /// `traced / recovered`, nil when nothing was recovered.
        public var share: Double?
    }

    public var year: Int
    public var body: String
    public var marking: Marking
    public var recordKeeping: RecordKeeping
    public var tracing: Tracing
    public var collection: Collection
    public var destruction: DestructionFigures
    public var att: ATT
    public var sdg: SDG1642

    public static func of(
        year: Int, body: String, weapons: [Weapon], events: [Event], traces: [Trace], destructions: [Destruction], campaigns: [Campaign],
        today: String
    ) -> ArmsYearReport {
        let y = String(year)
        let end = "\(y)-12-31"
        func inYear(_ d: String?) -> Bool { d?.hasPrefix(y) == true }
        let types = Dictionary(weapons.map { ($0.id, $0.type.rawValue) }, uniquingKeysWith: { a, _ in a })
        let ofYear = events.filter { inYear($0.on) }
        let held = weapons.filter { $0.registeredOn <= end }

        let marked = ofYear.filter { $0.kind == .marked }
        var byStatus: [String: Int] = [:]
        for w in held { byStatus[w.status.rawValue, default: 0] += 1 }

        func becoming(_ s: WeaponStatus) -> Set<String> { Set(ofYear.filter { $0.status == s && $0.kind != .destroyed }.map(\.weapon)) }
        let collected = becoming(.collected)
        let surrendered = becoming(.surrendered)
        let seized = becoming(.seized)
        var collectedByType: [String: Int] = [:]
        for w in collected.union(surrendered) { collectedByType[types[w] ?? "other", default: 0] += 1 }

        let destroyed = Set(ofYear.filter { $0.kind == .destroyed }.map(\.weapon))
        var destroyedByType: [String: Int] = [:]
        for w in destroyed { destroyedByType[types[w] ?? "other", default: 0] += 1 }
        let destructionsOfYear = destructions.filter { inYear($0.on) }
        var byMethod: [String: Int] = [:]
        for d in destructionsOfYear { byMethod[d.method.rawValue, default: 0] += 1 }

        func lines(_ direction: TransferDirection) -> [TransferLine] {
            var counts: [TransferLine: Int] = [:]
            for e in ofYear where e.kind == .transfer && e.direction == direction {
                counts[TransferLine(type: types[e.weapon] ?? "other", partner: e.partner ?? "unknown", count: 0), default: 0] += 1
            }
            return counts.map { TransferLine(type: $0.key.type, partner: $0.key.partner, count: $0.value) }.sorted {
                ($0.type, $0.partner) < ($1.type, $1.partner)
            }
        }
        let exports = lines(.export)
        let imports = lines(.import)

        let recovered = collected.union(surrendered).union(seized)
        let traced = Set(
            traces.filter { $0.direction == .outgoing && TracingRules.establishesOrigin($0.outcome) && ($0.answeredOn ?? "") <= today }
                .compactMap(\.weapon)
        ).intersection(recovered)

        let answered = traces.filter { inYear($0.answeredOn) }
        return ArmsYearReport(
            year: year, body: body,
            marking: Marking(weaponsMarked: Set(marked.map(\.weapon)).count, markingEvents: marked.count),
            recordKeeping: RecordKeeping(
                onRegister: held.count, registeredThisYear: held.filter { inYear($0.registeredOn) }.count, byStatus: byStatus,
                unmarked: held.filter(\.unmarked).count, altered: held.filter(\.altered).count),
            tracing: Tracing(
                sent: traces.filter { $0.direction == .outgoing && inYear($0.sentOn) }.count,
                received: traces.filter { $0.direction == .incoming && inYear($0.sentOn) }.count,
                answeredFull: answered.filter { $0.outcome == .full }.count, answeredPartial: answered.filter { $0.outcome == .partial }.count,
                answeredNegative: answered.filter { $0.outcome == .negative }.count,
                overdue: traces.filter { TracingRules.overdue($0.state, dueOn: $0.dueOn, today: today) }.count),
            collection: Collection(
                campaigns: campaigns.filter { $0.startsOn <= end && $0.endsOn >= "\(y)-01-01" }.count, weaponsCollected: collected.count,
                weaponsSurrendered: surrendered.count, weaponsSeized: seized.count, byType: collectedByType),
            destruction: DestructionFigures(
                events: destructionsOfYear.count, weaponsDestroyed: destroyed.count, roundsDestroyed: destructionsOfYear.reduce(0) { $0 + $1.rounds },
                byMethod: byMethod, byType: destroyedByType),
            att: ATT(exports: exports, imports: imports, nilReport: exports.isEmpty && imports.isEmpty),
            sdg: SDG1642(
                recovered: recovered.count, traced: traced.count, share: recovered.isEmpty ? nil : Double(traced.count) / Double(recovered.count)))
    }

    /// The figures as rows `section,item,value` (the CSV export; every count, none hidden).
    public var rows: [(section: String, item: String, value: String)] {
        var out: [(String, String, String)] = []
        out += [("marking", "weapons marked", "\(marking.weaponsMarked)"), ("marking", "marking events", "\(marking.markingEvents)")]
        out += [
            ("record-keeping", "weapons on the register", "\(recordKeeping.onRegister)"),
            ("record-keeping", "registered this year", "\(recordKeeping.registeredThisYear)"),
            ("record-keeping", "unmarked", "\(recordKeeping.unmarked)"), ("record-keeping", "marks altered", "\(recordKeeping.altered)"),
        ]
        out += recordKeeping.byStatus.sorted { $0.key < $1.key }.map { ("record-keeping", "status \($0.key)", "\($0.value)") }
        out += [
            ("tracing", "requests sent", "\(tracing.sent)"), ("tracing", "requests received", "\(tracing.received)"),
            ("tracing", "answered full", "\(tracing.answeredFull)"), ("tracing", "answered partial", "\(tracing.answeredPartial)"),
            ("tracing", "answered negative", "\(tracing.answeredNegative)"), ("tracing", "overdue", "\(tracing.overdue)"),
        ]
        out += [
            ("collection", "campaigns", "\(collection.campaigns)"), ("collection", "weapons collected", "\(collection.weaponsCollected)"),
            ("collection", "weapons surrendered", "\(collection.weaponsSurrendered)"),
            ("collection", "weapons seized", "\(collection.weaponsSeized)"),
        ]
        out += collection.byType.sorted { $0.key < $1.key }.map { ("collection", "type \($0.key)", "\($0.value)") }
        out += [
            ("destruction", "events", "\(destruction.events)"), ("destruction", "weapons destroyed", "\(destruction.weaponsDestroyed)"),
            ("destruction", "rounds destroyed", "\(destruction.roundsDestroyed)"),
        ]
        out += destruction.byMethod.sorted { $0.key < $1.key }.map { ("destruction", "method \($0.key)", "\($0.value)") }
        out += destruction.byType.sorted { $0.key < $1.key }.map { ("destruction", "type \($0.key)", "\($0.value)") }
        out += att.exports.map { ("att-viii-exports", "\($0.type) to \($0.partner)", "\($0.count)") }
        out += att.imports.map { ("att-viii-imports", "\($0.type) from \($0.partner)", "\($0.count)") }
        if att.nilReport { out.append(("att-viii", "nil report", "no exports or imports of small arms and light weapons")) }
        out += [
            ("sdg-16.4.2", "recovered", "\(sdg.recovered)"), ("sdg-16.4.2", "origin traced", "\(sdg.traced)"),
            ("sdg-16.4.2", "share", sdg.share.map { String(format: "%.3f", $0) } ?? "n/a"),
        ]
        return out.map { (section: $0.0, item: $0.1, value: $0.2) }
    }
}
