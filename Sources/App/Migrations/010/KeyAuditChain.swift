import SQLKit

/// The audit chain becomes keyed (HMAC under a key derived from the installation's secret key): the chain
/// as it stands is checked as it was sealed (plain SHA-256), then sealed again under the key. A chain that is
/// already broken is refused, so that a break is never sealed over.
struct KeyAuditChain: AgoraMigration {
    func prepare(on sql: any SQLDatabase) async throws {
        _ = try await AuditStore(sql: sql).rekeyLegacyChain()
    }

    /// The keyed chain cannot be turned back into an unkeyed one that means anything; reverting leaves it keyed.
    func revert(on sql: any SQLDatabase) async throws {}
}
