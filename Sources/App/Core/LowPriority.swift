import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// CPU-heavy background work (training the forecasts: about a minute of one core on the 2M-event store) on a thread of
/// its own at nice 10, so that a situation room's requests go first while it runs. Not on the shared NIO thread pool: a
/// thread's niceness cannot be lowered back without privilege, and that pool also checks passwords at sign-in.
enum LowPriority {
    static let niceness: Int32 = 10

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
            Thread {
                // `who` 0 is the calling thread, not the process: Linux keeps a nice value per thread (setpriority(2)).
                #if os(Linux)
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
                #endif
                c.resume(with: Result { try work() })
            }.start()
        }
    }

    /// The calling thread's niceness (what a test checks from inside `run`).
    static func currentNiceness() -> Int32 {
        #if os(Linux)
            return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
            return 0
        #endif
    }
}
