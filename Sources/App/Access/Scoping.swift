import AgoraCore
import SQLKit

/// The one query-scoping mechanism: every select of classified records goes through `visible(to:)`,
/// so no list, detail, search, count or export can return a row its caller may not see.
/// It is `AccessPolicy.canSee` written as SQL; `AccessMatrixTests` checks the two agree.
struct ScopedTable: Sendable {
    /// The record type as it appears in `record_grants` and the audit trail.
    var recordType: String
    var table: String
    var idColumn = "id"
    var ownerColumn = "body_code"
    /// A column, or a constant classification for record types that are always at one level.
    var classification: Classification? = nil
    var classificationColumn = "classification"
    /// Whether bodies named in `record_parties` share the record (see `AccessPolicy.Record.parties`).
    var hasParties = false
    /// Whether accredited organisations with `restricted-alerts` read its restricted rows (`Record.accreditedReadable`).
    var accreditedReadable = false
    /// The column naming the person who made the record, who reads it whatever its classification (`Record.author`).
    var authorColumn: String? = nil

    func predicate(_ scope: AccessScope) -> any SQLExpression {
        let cls: any SQLExpression = classification.map { SQLBind($0.rawValue) } ?? SQLColumn(classificationColumn, table: table)
        var branches: [any SQLExpression] = [SQLBinaryExpression(cls, .equal, SQLBind(Classification.public.rawValue))]
        if scope.signedIn {
            branches.append(SQLBinaryExpression(cls, .equal, SQLBind(Classification.internal.rawValue)))
            if !scope.restrictedOwners.isEmpty {
                var owners: any SQLExpression = SQLBinaryExpression(
                    SQLColumn(ownerColumn, table: table), .in, SQLBind.group(scope.restrictedOwners.sorted()))
                if hasParties { owners = SQLGroupExpression(SQLBinaryExpression(owners, .or, parties(scope.restrictedOwners))) }
                branches.append(SQLBinaryExpression(SQLBinaryExpression(cls, .equal, SQLBind(Classification.restricted.rawValue)), .and, owners))
            }
            if hasParties, !scope.memberOf.isEmpty {
                branches.append(
                    SQLBinaryExpression(
                        SQLBinaryExpression(cls, .equal, SQLBind(Classification.confidential.rawValue)), .and,
                        parties(scope.memberOf)))
            }
            var grantees: [any SQLExpression] = []
            if let p = scope.personID {
                grantees.append(SQLQueryString("(g.grantee_kind = 'person' AND g.grantee = \(bind: p))"))
            }
            if !scope.memberOf.isEmpty {
                grantees.append(
                    SQLBinaryExpression(
                        SQLRaw("g.grantee_kind = 'body'"), .and, SQLBinaryExpression(SQLRaw("g.grantee"), .in, SQLBind.group(scope.memberOf.sorted()))
                    ))
            }
            if !grantees.isEmpty {
                let exists = SQLQueryString(
                    "EXISTS (SELECT 1 FROM record_grants g WHERE g.record_type = \(bind: recordType) AND g.record_id = \(ident: table).\(ident: idColumn) AND (\(SQLList(grantees, separator: SQLRaw(" OR ")))))"
                )
                branches.append(SQLBinaryExpression(SQLBinaryExpression(cls, .equal, SQLBind(Classification.confidential.rawValue)), .and, exists))
            }
        }
        if scope.signedIn, accreditedReadable, !scope.accreditedAlertOwners.isEmpty {
            branches.append(
                SQLBinaryExpression(
                    SQLBinaryExpression(cls, .equal, SQLBind(Classification.restricted.rawValue)), .and,
                    SQLBinaryExpression(SQLColumn(ownerColumn, table: table), .in, SQLBind.group(scope.accreditedAlertOwners.sorted()))))
        }
        if scope.signedIn, let a = authorColumn, let p = scope.personID {
            branches.append(SQLBinaryExpression(SQLColumn(a, table: table), .equal, SQLBind(p)))
        }
        return SQLGroupExpression(SQLList(branches, separator: SQLRaw(" OR ")))
    }

    private func parties(_ bodies: Set<String>) -> any SQLExpression {
        SQLQueryString(
            "EXISTS (SELECT 1 FROM record_parties rp WHERE rp.record_type = \(bind: recordType) AND rp.record_id = \(ident: table).\(ident: idColumn) AND rp.body_code IN \(SQLBind.group(bodies.sorted())))"
        )
    }

    /// A select on the table, already narrowed to what the scope may see.
    func select(_ sql: any SQLDatabase, _ scope: AccessScope) -> SQLSelectBuilder {
        sql.select().from(table).where(predicate(scope))
    }

    /// A select on the whole table, for the system's own reads (the risk model, the deadline sweep, an import's
    /// duplicate check) that act for the installation, not for a viewer. The reason is part of the call so that
    /// `grep -rn "unscoped("` lists every read that bypasses the scope, and why; nothing read this way may reach
    /// an answer unfiltered. (`CodeRulesTests` refuses any other select from a classified table.)
    func unscoped(_ sql: any SQLDatabase, because reason: StaticString) -> SQLSelectBuilder {
        sql.select().from(table)
    }
}
