import Foundation

/// What happens to a weapon, each an entry of its history and of the audit chain.
public enum WeaponEventKind: String, Vocabulary {
    public static let noun = "weapon event"
    case registered, status, custody, marked, collected, seized, traced, transfer, destroyed
}

/// The direction of an international transfer (the Arms Trade Treaty reports both).
public enum TransferDirection: String, Vocabulary {
    public static let noun = "transfer direction"
    case export, `import`
}

/// How weapons are destroyed (ISACS 05.50).
public enum DestructionMethod: String, Vocabulary {
    public static let noun = "destruction method"
    case cutting, crushing, burning, smelting, shredding, detonation, other
}

/// Which status changes the register accepts, and what a destruction needs.
public enum WeaponRules {
    /// Who keeps a body's register, its tracing and its DDR programme: its officers (and those of the bodies above it).
    public static let officers: Set<Role> = [.analyst, .coordinator, .responder, .bodyAdmin]
    /// Statuses in which the state holds the weapon: only these may be destroyed, deactivated or marked in a store.
    public static let heldByState: Set<WeaponStatus> = [.stateStock, .seized, .surrendered, .collected, .inCustody, .deactivated]

    /// Nil when `from → to` is allowed, else why not. A destroyed weapon stays destroyed; an exported one has left
    /// the register's reach until it is recovered (seized, surrendered or collected again).
    public static func refusal(from: WeaponStatus, to: WeaponStatus) -> String? {
        if from == to { return "the weapon is already \(to.rawValue)" }
        switch from {
        case .destroyed: return "a destroyed weapon cannot change status"
        case .exported, .lostOrStolen:
            return [.seized, .surrendered, .collected].contains(to)
                ? nil : "a \(from.rawValue) weapon comes back only seized, surrendered or collected"
        default: break
        }
        if to == .destroyed { return "record a destruction (with method and witnesses), not a status change" }
        if to == .deactivated, !heldByState.contains(from) { return "only a weapon the state holds can be deactivated" }
        return nil
    }

    /// Why a weapon listed in a destruction by `body` cannot be destroyed, or nil.
    public static func destructionRefusal(status: WeaponStatus, custodyBody: String, by body: String) -> String? {
        guard heldByState.contains(status) else { return "is \(status.rawValue), not in custody" }
        guard custodyBody == body else { return "is in \(custodyBody)'s custody, not \(body)'s" }
        return nil
    }

    /// A destruction needs witnesses (two, as ISACS 05.50 asks of independent verification) and a date not in the future.
    public static func checkDestruction(on: String, today: String, witnesses: [String], weapons: Int, rounds: Int) throws {
        var issues = IssueCollector()
        if !CivilDate.isDay(on) {
            issues.add("on", "a date, YYYY-MM-DD")
        } else if on > today {
            issues.add("on", "is in the future")
        }
        if witnesses.filter({ !MediationRules.blank($0) }).count < 2 { issues.add("witnesses", "at least two witnesses, named") }
        if weapons == 0, rounds == 0 { issues.add("weapons", "list the weapons (or ammunition) destroyed") }
        try issues.throwIfAny()
    }
}

/// Tracing requests under the International Tracing Instrument, sent to or received from another state or INTERPOL.
public enum TracingState: String, Vocabulary {
    public static let noun = "tracing state"
    case draft, sent, acknowledged, answered, closed
}

public enum TracingDirection: String, Vocabulary {
    public static let noun = "tracing direction"
    case outgoing, incoming
}

public enum TracingOutcome: String, Vocabulary {
    public static let noun = "tracing outcome"
    /// The weapon's history established to the point of diversion.
    case full
    case partial
    /// The requested state has no record.
    case negative
}

public enum TracingRules {
    /// Days the ITI's "reasonable time" is taken to be unless the request names a date.
    public static let defaultDueDays = 30

    /// Nil when the step is allowed. An outgoing request is sent by us and answered by them; an incoming one is
    /// acknowledged and answered by us. Either may be closed once answered.
    public static func refusal(from: TracingState, to: TracingState, outcome: TracingOutcome?) -> String? {
        let next: [TracingState: Set<TracingState>] = [
            .draft: [.sent], .sent: [.acknowledged, .answered], .acknowledged: [.answered], .answered: [.closed], .closed: [],
        ]
        guard next[from]?.contains(to) == true else { return "a \(from.rawValue) request cannot become \(to.rawValue)" }
        if to == .answered, outcome == nil { return "an answer says whether the trace was full, partial or negative" }
        return nil
    }

    /// Sent (or received) and not answered by the due date.
    public static func overdue(_ state: TracingState, dueOn: String?, today: String) -> Bool {
        guard [.sent, .acknowledged].contains(state), let d = dueOn else { return false }
        return d < today
    }

    /// Whether an answer establishes where the weapon came from (SDG 16.4.2 counts these).
    public static func establishesOrigin(_ o: TracingOutcome?) -> Bool { o == .full || o == .partial }
}
