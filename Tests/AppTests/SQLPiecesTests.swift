import Foundation
import SQLKit
import Testing

@testable import App

/// The SQL the stores write by hand for speed is the SQL SQLKit would have written, on each engine.
@Suite struct SQLPiecesTests {
    @Test(arguments: Engine.available)
    func quotedColumnListsAreWhatSQLKitWrites(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let lists: [(names: [String], table: String?)] = [
                (AlertStore.columns, "alerts"), (CaseStore.columns, "cases"), (IncidentStore.columns, "incidents"),
                (ReportStore.columns, "reports"), (SituationReportStore.columns, "situation_reports"), (DocumentStore.columns, "documents"),
                (PeopleStore.personColumns, nil), (BodyRecord.columns, nil), (AreaRecord.columns, nil), (["we\"ird", "plain"], "odd\"table"),
            ]
            for (names, table) in lists {
                let mine = app.sql.serialize(ColumnList(names, table: table)).sql
                let theirs = app.sql.serialize(SQLList(names.map { SQLColumn($0, table: table) })).sql
                #expect(mine == theirs)
            }
            // And the lists select real rows: one person and their roles, through the hand-quoted list.
            let (id, _) = try await TestInstallation.person(app, "kwame")
            #expect(try await PeopleStore(sql: app.sql).person(id: id)?.username == "kwame")
        }
    }

    @Test func propertyNamesBecomeColumnNamesAsSQLKitWouldHaveIt() {
        #expect(SnakeCaseKeys.column("sourceEventId") == "source_event_id")
        #expect(SnakeCaseKeys.column("areaCode") == "area_code")
        #expect(SnakeCaseKeys.column("id") == "id")
    }
}
