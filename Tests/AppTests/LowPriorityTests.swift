import Foundation
import Testing

@testable import App

/// Forecast training runs on a thread of its own at a lower priority; the threads that answer requests keep theirs.
@Suite struct LowPriorityTests {
    @Test func workRunsNicedAndLeavesTheCallerAsItWas() async throws {
        let before = LowPriority.currentNiceness()
        let inside = try await LowPriority.run { LowPriority.currentNiceness() }
        #if os(Linux)
            #expect(inside == before + LowPriority.niceness || inside == 19, "nice \(inside), caller \(before)")
        #endif
        #expect(LowPriority.currentNiceness() == before)
        // The niceness is the thread's, not the process's: /proc's figure for the process is untouched.
        let stat = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ")
        #expect(Int32(fields[16]) == before)
    }

    @Test func anErrorComesBackToTheCaller() async throws {
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await LowPriority.run { () throws -> Int in throw Refused() } }
    }
}
