import AgoraCore
import Foundation
import Vapor

/// `agora backup FILE`: a consistent copy of the store while it serves. SQLite: `VACUUM INTO` (one read
/// transaction, so writers go on; the copy is compacted). PostgreSQL: `pg_dump --format=custom`. The secret key
/// is not in it: back the key file up apart (docs/SECURITY.md).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "where to write the backup (must not exist)")
        var file: String
    }

    var help: String { "Copy the store to FILE while it serves (SQLite: VACUUM INTO; PostgreSQL: pg_dump). The key is not in it." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let target = URL(fileURLWithPath: signature.file)
        guard !FileManager.default.fileExists(atPath: target.path) else { throw ValidationFailure(field: signature.file, "exists; name a new file") }
        if let url = app.agora.databaseURL {
            try StoreProcess.run("pg_dump", ["--format=custom", "--file", target.path] + StoreProcess.schemaArgs(app.agora) + [url])
        } else {
            try await InventoryStore(sql: app.sql).copy(to: target)
        }
        let counts = app.agora.databaseURL == nil ? try await InventoryStore.open(target, app: app) { try await $0.counts() } : [:]
        context.console.print("backup written to \(target.path)" + (counts.isEmpty ? "" : ": " + InventoryStore.describe(counts)))
        context.console.print("the secret key is not in it: keep \(app.agora.dataDirectory.path)/agora.key (or AGORA_SECRET_KEY) apart from it")
    }
}

/// `agora restore FILE`: puts a backup in place of the store, then checks what it restored before anything
/// serves it — migration level, counts, the audit chain under this installation's key — and says how far the
/// restored chain is behind the last signed checkpoint (what was written after the backup is gone).
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "a file made by `agora backup`")
        var file: String
    }

    var help: String { "Restore a backup made by `agora backup`, then verify it (migration level, counts, audit chain). Stop the server first." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let source = URL(fileURLWithPath: signature.file)
        guard FileManager.default.fileExists(atPath: source.path) else { throw ValidationFailure(field: signature.file, "no such file") }
        if let url = app.agora.databaseURL {
            try StoreProcess.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--dbname", url, source.path])
        } else {
            // Checked before it replaces anything: a SQLite file of Agora's, no newer than this version, intact.
            let level = try await InventoryStore.open(source, app: app) { try await $0.check() }
            guard level <= AgoraMigrations.all.count else {
                throw ValidationFailure(
                    field: signature.file, "comes from a newer Agora (migration \(level) of \(AgoraMigrations.all.count) known here)")
            }
            let store = app.agora.sqliteFile
            let fm = FileManager.default
            let kept = store.appendingPathExtension("before-restore-\(Int(Date().timeIntervalSince1970))")
            if fm.fileExists(atPath: store.path) {
                // Nothing of this process has the store open: `restore` starts without opening it (Agora.main).
                try fm.moveItem(at: store, to: kept)
                for side in ["-wal", "-shm"] where fm.fileExists(atPath: store.path + side) {
                    try fm.moveItem(atPath: store.path + side, toPath: kept.path + side)
                }
                context.console.print("the store that was there is kept as \(kept.path)")
            }
            try fm.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: source, to: store)
        }
        // Now the restored store is the store: open it, bring it to this version, then verify it.
        try app.openStore()
        try await prepareStore(app)
        try await Migrator.migrate(app)
        let inventory = InventoryStore(sql: app.sql)
        let level = try await inventory.migrationLevel()
        let counts = try await inventory.counts()
        let log = AuditStore(sql: app.sql, key: try app.vault.auditKey)
        let (checked, broken) = try await log.verify()
        context.console.print("restored: migration \(level) of \(AgoraMigrations.all.count); \(InventoryStore.describe(counts))")
        if let broken {
            context.console.error("audit trail BROKEN in the restored store at entry \(broken.seq): \(broken)")
            throw ValidationError("the restored store's audit trail does not verify under this installation's key (the right key file?)")
        }
        context.console.print("audit trail intact: \(checked) entries")
        // The checkpoints past the restored head are history now: kept aside, not thrown away, and the restore and
        // what it lost go into the trail itself, so that a rewind by restore is never silent.
        let file = app.auditCheckpoints
        var lost: String?
        if let last = try file.read().last, last.seq > checked {
            lost = "\(checked + 1)–\(last.seq)"
            context.console.print(
                "the last checkpoint (\(last.at)) names entry \(last.seq): entries \(lost!) were written after this backup and are not in it")
        }
        var kept: String?
        if FileManager.default.fileExists(atPath: file.url.path) {
            let aside = file.url.appendingPathExtension("before-restore-\(Int(Date().timeIntervalSince1970))")
            try FileManager.default.moveItem(at: file.url, to: aside)
            kept = aside.path
            context.console.print("the checkpoints made before the restore are kept as \(aside.path)")
        }
        let content = ["backup": source.lastPathComponent, "lostEntries": lost ?? "none", "checkpointsKept": kept ?? "none"]
        try await app.write { tx in
            try await AuditStore(sql: tx).append(
                actor: cliActor, action: "restore", recordType: "store", recordID: source.lastPathComponent, content: content)
        }
        try file.append(try await log.head())
    }
}

/// pg_dump and pg_restore, as the PostgreSQL documentation has them.
enum StoreProcess {
    static func schemaArgs(_ s: AgoraSettings) -> [String] { s.databaseSchema.map { ["--schema", $0] } ?? [] }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ValidationError(
                "\(tool) exited with \(p.terminationStatus); is the PostgreSQL client installed (apt-get install postgresql-client)?")
        }
    }
}
