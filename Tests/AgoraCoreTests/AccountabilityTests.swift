import Foundation
import Testing

@testable import AgoraCore

/// The submission clock in working days, its flags, and the public figures, on cases computed by hand.
@Suite struct AccountabilityTests {
    static func day(_ s: String) -> Int { CivilDate.parse(s)! }
    /// Ghana around Christmas 2026, from the shared holiday file's rows.
    static let ghana = WorkingCalendar.of(
        country: "GH",
        holidays: [("GH", "2026-12-25"), ("GH", "2026-12-26"), ("GH", "2027-01-01"), ("GH", "2027-01-07"), ("KE", "2026-12-28")])

    @Test func workingDaysSkipWeekendsAndHolidays() {
        let received = Self.day("2026-12-23")  // a Wednesday
        // Thu 24 (1), Fri 25 Christmas, the weekend (26 Boxing Day), Mon 28 (2): the Kenyan holiday on the 28th is not Ghana's.
        #expect(Self.ghana.adding(2, to: received) == Self.day("2026-12-28"))
        // … Tue 29 (3), Wed 30 (4), Thu 31 (5), Fri 1 New Year, Mon 4 (6), Tue 5 (7), Wed 6 (8), Thu 7 Constitution Day, Fri 8 (9), Mon 11 (10).
        #expect(Self.ghana.adding(10, to: received) == Self.day("2027-01-11"))
        #expect(Self.ghana.count(from: received, to: Self.day("2027-01-11")) == 10)
        // The clock stands still while clarification is awaited (29–31 December): three working days later.
        let paused = [Self.day("2026-12-29")...Self.day("2026-12-31")]
        #expect(Self.ghana.adding(10, to: received, paused: paused) == Self.day("2027-01-14"))
        #expect(WorkingCalendar.weekday(Self.day("2026-12-23")) == 2)  // Wednesday
        // Sudan rests on Friday and Saturday.
        let sudan = WorkingCalendar.of(country: "SD", holidays: [])
        #expect(sudan.adding(1, to: Self.day("2026-12-24")) == Self.day("2026-12-27"))
    }

    @Test func aSubmissionTurnsOverdueThenVeryOverdueUnlessAnsweredOrPaused() {
        let clock = SubmissionClock(received: Self.day("2026-12-23"), deadlines: SubmissionDeadlines(acknowledge: 2, answer: 10, veryLate: 15))
        let cal = Self.ghana
        #expect(clock.flag(.received, today: Self.day("2026-12-28"), cal) == .onTime)
        #expect(clock.flag(.received, today: Self.day("2026-12-29"), cal) == .overdue)  // not acknowledged in 2
        #expect(clock.flag(.acknowledged, today: Self.day("2026-12-29"), cal) == .onTime)
        #expect(clock.flag(.underConsideration, today: Self.day("2027-01-12"), cal) == .overdue)
        // 15 working days: Tue 12 (11) … Mon 18 (15); very overdue from the 19th.
        #expect(clock.veryLateFrom(cal) == Self.day("2027-01-18"))
        #expect(clock.flag(.underConsideration, today: Self.day("2027-01-19"), cal) == .veryOverdue)
        #expect(clock.flag(.clarificationRequested, today: Self.day("2027-01-19"), cal) == .onTime)
        #expect(clock.flag(.answered, today: Self.day("2027-02-19"), cal) == .onTime)
        var extended = clock
        extended.extended = 5
        #expect(extended.flag(.underConsideration, today: Self.day("2027-01-12"), cal) == .onTime)
        #expect(SubmissionState.received.next.contains(.acknowledged) && SubmissionState.answered.next.isEmpty)
    }

    @Test func publicFiguresCountEverySubmission() {
        let cal = Self.ghana
        let d = SubmissionDeadlines(acknowledge: 2, answer: 10, veryLate: 15)
        let rows = [
            // answered in 5 working days, on time
            ResponsivenessFigures.Row(
                state: .answered, clock: SubmissionClock(received: Self.day("2026-12-23"), deadlines: d), answeredOn: Self.day("2026-12-31"),
                calendar: cal),
            // answered in 12, late
            ResponsivenessFigures.Row(
                state: .answered, clock: SubmissionClock(received: Self.day("2026-12-23"), deadlines: d), answeredOn: Self.day("2027-01-13"),
                calendar: cal),
            // open, very overdue on 2027-01-20
            ResponsivenessFigures.Row(
                state: .underConsideration, clock: SubmissionClock(received: Self.day("2026-12-23"), deadlines: d), answeredOn: nil, calendar: cal),
        ]
        let f = ResponsivenessFigures.of(rows, today: Self.day("2027-01-20"))
        #expect(f.received == 3 && f.answered == 2 && f.answeredOnTimeShare == 0.5 && f.medianDaysToAnswer == 8.5)
        #expect(f.overdueNow == 0 && f.veryOverdueNow == 1)
    }

    @Test func inclusionAgainstTargets() {
        let f = InclusionFigures.of(
            [
                Attendance(category: "state", women: 1, men: 5, youth: 0), Attendance(category: "cso", women: 2, men: 2, youth: 1),
                Attendance(category: "religious", women: 0, men: 2, youth: 0),
            ], targets: InclusionTargets(women: 0.3, youth: 0.2, cso: 0.2, traditionalAndReligious: 0.1))
        // 12 people: women 3/12, youth 1/12, CSO 4/12, traditional and religious 2/12.
        #expect(f.people == 12 && f.women == 0.25 && f.cso == 1.0 / 3 && f.traditionalAndReligious == 2.0 / 12)
        #expect(f.short == ["women", "youth"])
    }
}

@Suite struct CommitmentRulesTests {
    @Test func aCommitmentIsAnAcceptedPublishedAskDueInTheFuture() throws {
        let ok = CommitmentUpdate(progress: 40, dueOn: "2026-12-31")
        try ok.validate(today: "2026-12-01", answer: .partlyAccepted, published: true)
        #expect(throws: ValidationFailure.self) { try ok.validate(today: "2026-12-01", answer: .rejected, published: true) }
        #expect(throws: ValidationFailure.self) { try ok.validate(today: "2026-12-01", answer: .accepted, published: false) }
        #expect(throws: ValidationFailure.self) {
            try CommitmentUpdate(dueOn: "2026-11-30").validate(today: "2026-12-01", answer: .accepted, published: true)
        }
        #expect(throws: ValidationFailure.self) {
            try CommitmentUpdate(progress: 101).validate(today: "2026-12-01", answer: .accepted, published: true)
        }
        #expect(throws: ValidationFailure.self) { try CommitmentUpdate().validate(today: "2026-12-01", answer: .accepted, published: true) }
        // A milestone already past is fine once done, not while open.
        try CommitmentUpdate(milestones: [Milestone(title: "Sent", dueOn: "2026-11-01", done: true)])
            .validate(today: "2026-12-01", answer: .accepted, published: true)
        #expect(throws: ValidationFailure.self) {
            try CommitmentUpdate(milestones: [Milestone(title: "Sent", dueOn: "2026-11-01")]).validate(
                today: "2026-12-01", answer: .accepted, published: true)
        }
    }

    @Test func milestonesReadAsAFormWritesThem() {
        let m = Milestone.lines("x 2026-11-25 Guidance sent\n\n2027-06-30   A quarter of appointments\n[x] Launch\nNo date")
        #expect(
            m == [
                Milestone(title: "Guidance sent", dueOn: "2026-11-25", done: true),
                Milestone(title: "A quarter of appointments", dueOn: "2027-06-30"),
                Milestone(title: "Launch", done: true), Milestone(title: "No date"),
            ])
        #expect(m.map(\.line) == ["x 2026-11-25 Guidance sent", "2027-06-30 A quarter of appointments", "x Launch", "No date"])
        #expect(Milestone.lines(m.map(\.line).joined(separator: "\n")) == m)
    }

    @Test func figuresCountDoneAndLate() {
        let f = CommitmentFigures.of(
            [.init(progress: 100, dueOn: "2026-01-01"), .init(progress: 50, dueOn: "2026-11-30"), .init(progress: 0, dueOn: nil)], today: "2026-12-01"
        )
        #expect(f == CommitmentFigures(commitments: 3, done: 1, late: 1, meanProgress: 50))
        #expect(CommitmentFigures.of([], today: "2026-12-01").meanProgress == nil)
    }

    @Test func aReviewIsAskedAfterTheAnswerOrWhenVeryOverdueOnce() {
        #expect(ReviewRules.mayRequest(.answered, flag: .onTime, review: nil))
        #expect(ReviewRules.mayRequest(.underConsideration, flag: .veryOverdue, review: nil))
        #expect(!ReviewRules.mayRequest(.underConsideration, flag: .overdue, review: nil))
        #expect(!ReviewRules.mayRequest(.answered, flag: .onTime, review: .requested))
        #expect(ReviewRules.mayRequest(.answered, flag: .onTime, review: .upheld))
    }
}

@Suite struct SubmissionFilesTests {
    @Test func aPDFLosesItsAuthorInPlace() throws {
        let pdf =
            "%PDF-1.7\n<< /Author (A \\) B (nested) C) /Creator <FEFF0041> /Producer(x) /Title (Keep) >>\n<?xpacket begin='' id='W5M'?><x:xmpmeta><dc:creator>Ama</dc:creator></x:xmpmeta><?xpacket end='w'?>\n%%EOF"
        let out = try SubmissionFiles.check(Array(pdf.utf8), name: "a/b/paper.pdf", field: "file")
        let text = String(decoding: out.bytes, as: UTF8.self)
        #expect(out.bytes.count == pdf.utf8.count && out.contentType == "application/pdf" && out.name == "paper.pdf")
        #expect(!text.contains("B ") && !text.contains("FEFF0041") && !text.contains("Ama") && !text.contains("(x)") && text.contains("(Keep)"))
        #expect(text.contains("/Author (") && text.hasSuffix("%%EOF"))
    }

    @Test func onlyKindsAgoraReadsAreTaken() throws {
        #expect(throws: ValidationFailure.self) { try SubmissionFiles.check(Array("MZ..".utf8), name: "x.exe", field: "file") }
        #expect(throws: ValidationFailure.self) { try SubmissionFiles.check([], name: "x.pdf", field: "file") }
        // A ZIP is taken only as a Word or OpenDocument text.
        #expect(throws: ValidationFailure.self) { try SubmissionFiles.check([0x50, 0x4B, 0x03, 0x04, 1], name: "x.zip", field: "file") }
        #expect(try SubmissionFiles.check([0x50, 0x4B, 0x03, 0x04, 1], name: "x.DOCX", field: "file").contentType.hasSuffix("document"))
        #expect(SubmissionFiles.cleanName("\u{7}..\\\\evil\n.pdf") == "evil.pdf")
        #expect(SubmissionFiles.cleanName("   ") == "file")
    }
}
