import Foundation

/// The real public data beside the project (`../shared/data`), or nil when this checkout has none.
enum SharedData {
    static let root: URL? = {
        let env = ProcessInfo.processInfo.environment["AGORA_SHARED_DATA"].map { URL(fileURLWithPath: $0) }
        let beside = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data")
        return [env, beside].compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    static func file(_ path: String) -> URL? {
        guard let url = root?.appendingPathComponent(path), FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: ../shared/data/\(path) is absent")
            return nil
        }
        return url
    }
}
