import AgoraCore
import Foundation
import Vapor
import ZIPFoundation

/// `agora reports import kobo|odk FILE --map mapping.json --body CODE [--media DIR]`: submissions exported from
/// KoboToolbox or ODK Central (CSV or XLSX) filed as reports through the web form's intake, channel `import`.
/// Every row is checked before any is stored; a row already imported (by its uuid, by any channel) is skipped,
/// so an interrupted import is resumed by running it again.
struct ReportsCommand: AsyncCommandGroup {
    var help: String { "Reports: import exported form submissions (KoboToolbox, ODK Central)." }
    var commands: [String: any AnyAsyncCommand] { ["import": ReportsImportCommand()] }
}

struct ReportsImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "format", help: "kobo or odk") var format: String
        @Argument(name: "file", help: "the export: .csv or .xlsx") var file: String
        @Option(name: "map", help: "the mapping file (JSON; see docs/CHANNELS.md)") var map: String?
        @Option(name: "body", help: "the body the reports are filed with, e.g. GH-DPC-BAWKU") var body: String?
        @Option(name: "media", help: "the folder holding the export's photos and recordings") var media: String?
    }
    var help: String { "Import exported submissions; all rows are checked first, and a second run adds only what is missing." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard ["kobo", "odk"].contains(s.format) else { throw ValidationError("format: kobo or odk, not '\(s.format)'") }
        guard let mapPath = s.map else { throw ValidationError("--map: the mapping file (see docs/CHANNELS.md)") }
        guard let body = s.body else { throw ValidationError("--body: the body the reports are filed with") }
        let name = URL(fileURLWithPath: s.file).lastPathComponent
        func fail(_ f: ValidationFailure, _ file: String) throws -> Never {
            report(ValidationFailure(f.issues.map { ValidationIssue(field: "\(file): \($0.field)", message: $0.message) }), on: context.console)
            throw ValidationError("\(file): nothing imported")
        }
        guard let mapData = FileManager.default.contents(atPath: mapPath) else { throw ValidationError("\(mapPath): cannot be read") }
        let mapping: ReportMapping
        do { mapping = try ReportMapping.decode(mapData) } catch let f as ValidationFailure {
            try fail(f, URL(fileURLWithPath: mapPath).lastPathComponent)
        }

        let export: SubmissionExport.Result
        do { export = try SubmissionExport.read(try Self.table(s.file), mapping: mapping) } catch let f as ValidationFailure { try fail(f, name) }

        let app = context.application
        let req = Request(application: app, on: app.eventLoopGroup.next())
        var prepared: [(SubmissionExport.Row, ReportController.Prepared, [Media.Checked])] = []
        var already = 0
        var skippedFiles = 0
        var issues = IssueCollector()
        for row in export.rows {
            let id = ChannelIntake.reportID(uuid: row.mapped.uuid)
            if try await ReportStore(sql: app.sql).exists(id) {
                already += 1
                continue
            }
            var draft = row.mapped.draft
            draft.body = body
            var files: [Media.Checked] = []
            for (file, kind, field) in [(row.mapped.photo, Media.Kind.photo, mapping.photo), (row.mapped.audio, .audio, mapping.audio)] {
                guard let file, let field else { continue }
                guard let dir = s.media else {
                    skippedFiles += 1
                    continue
                }
                let path = URL(fileURLWithPath: dir).appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent).path
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    issues.add("line \(row.line).\(field)", "'\(file)' is not in \(dir)")
                    continue
                }
                do { files.append(try Media.check(Array(bytes), field: field, expected: kind)) } catch let f as ValidationFailure {
                    for i in f.issues { issues.add("line \(row.line).\(i.field)", i.message) }
                }
            }
            do {
                var p = try await ReportController.prepare(draft, req: req, as: .installation(body: body), channel: .fileImport)
                p.id = id
                prepared.append((row, p, files))
            } catch {
                let e = APIErrorMiddleware.translate(error)
                for i in e.issues.isEmpty ? [ValidationIssue(field: e.field ?? "row", message: e.reason)] : e.issues {
                    issues.add("line \(row.line).\(i.field)", i.message)
                }
            }
        }
        do { try issues.throwIfAny() } catch let f as ValidationFailure { try fail(f, name) }

        var imported = 0
        for (row, p, files) in prepared {
            var draft = row.mapped.draft
            draft.body = body
            do {
                if try await ReportController.store(
                    draft, p, req: req, claim: nil, onlyIfNew: true, files: files, actor: cliActor + " via \(s.format) export")
                {
                    imported += 1
                } else {
                    already += 1
                }
            } catch {
                context.console.error("\(name): line \(row.line): \(error); \(imported) stored before it. Run the same import again to go on.")
                throw error
            }
        }
        context.console.print(
            "\(name): \(s.format) export, \(export.rows.count + export.repeated) submissions: imported \(imported), already there \(already)"
                + (export.repeated > 0 ? ", repeated in the file \(export.repeated)" : ""))
        if skippedFiles > 0 { context.console.print("  \(skippedFiles) photos or recordings not imported: give --media with the export's files") }
        if imported == 0 && already == 0 { throw ValidationError("\(name): nothing imported") }
    }

    /// The export's first sheet (XLSX) or its CSV, as a header and rows with their lines.
    static func table(_ path: String) throws -> SubmissionExport.Table {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationFailure(field: "file", "\(path) does not exist") }
        if url.pathExtension.lowercased() == "xlsx" {
            let sheets = try XLSXFile.sheets(url)
            guard let first = sheets.first, let header = first.rows.first else { throw ValidationFailure(field: "file", "the workbook has no rows") }
            return SubmissionExport.Table(
                header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) }, rows: first.rows.dropFirst().map { ($0.line, $0.cells) })
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationFailure(field: "file", "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationFailure(field: "file", "is not UTF-8 text: export it as CSV (UTF-8) or XLSX")
        }
        return SubmissionExport.Table(csv: try CSVTable.parse(text))
    }
}

/// An XLSX file's sheets (the zip opened here, its XML read by `XLSXSheets`).
enum XLSXFile {
    static let maxPart = 64 << 20

    static func sheets(_ url: URL) throws -> [(name: String, rows: [(line: Int, cells: [String])])] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw ValidationFailure(field: "file", "not an XLSX workbook (not a zip)") }
        return try sheets(archive)
    }

    static func sheets(data: Data) throws -> [(name: String, rows: [(line: Int, cells: [String])])] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ValidationFailure(field: "file", "not an XLSX workbook (not a zip)")
        }
        return try sheets(archive)
    }

    private static func sheets(_ archive: Archive) throws -> [(name: String, rows: [(line: Int, cells: [String])])] {
        try XLSXSheets.read { path in
            guard let entry = archive[path] else { return nil }
            // A zip bomb must not fill the memory: parts are refused beyond 64 MB unpacked.
            guard entry.uncompressedSize <= maxPart else { throw ValidationFailure(field: "file", "\(path) is larger than 64 MB") }
            var out = Data()
            _ = try archive.extract(entry, skipCRC32: false) { out.append($0) }
            return out
        }
    }
}
