import AgoraCore
import Crypto
import Foundation
import Vapor

/// The installation's secret key: `AGORA_SECRET_KEY` (base64, 32 bytes), or a key file the server
/// creates beside the store with mode 0600 on first start. Losing it loses every sealed contact.
enum Secrets {
    static func vault(settings: AgoraSettings) throws -> ContactVault {
        if let env = ProcessInfo.processInfo.environment["AGORA_SECRET_KEY"], !env.isEmpty {
            return try ContactVault(base64Key: env)
        }
        let file = settings.dataDirectory.appendingPathComponent(settings.demo ? "agora-demo.key" : "agora.key")
        let fm = FileManager.default
        if !fm.fileExists(atPath: file.path) {
            try fm.createDirectory(at: settings.dataDirectory, withIntermediateDirectories: true)
            // Created with 0600 from the first byte: no window in which another user could read it.
            guard fm.createFile(atPath: file.path, contents: Data(ContactVault.newKeyBase64().utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationFailure(field: file.path, "cannot create the key file")
            }
        }
        let perms = (try fm.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if perms & 0o077 != 0 {
            throw ValidationFailure(field: file.path, "is readable by others (mode \(String(perms, radix: 8))); chmod 600 it")
        }
        return try ContactVault(base64Key: String(decoding: try Data(contentsOf: file), as: UTF8.self))
    }

    /// A random token for sessions, API tokens and CSRF: 256 bits, URL-safe.
    static func token() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Tokens are stored only as their SHA-256: a copy of the database does not sign anyone in.
    static func digest(_ token: String) -> String { AuditChain.sha256(token) }
}

extension Application {
    private struct VaultKey: StorageKey { typealias Value = ContactVault }

    var vault: ContactVault {
        get throws {
            if let v = storage[VaultKey.self] { return v }
            let v = try Secrets.vault(settings: agora)
            storage[VaultKey.self] = v
            return v
        }
    }

    private struct FederationKey: StorageKey { typealias Value = FederationIdentity }

    /// This installation among its peers, when `AGORA_INSTALLATION_ID` is set.
    var federationIdentity: FederationIdentity? {
        get throws {
            guard let id = agora.installationID else { return nil }
            if let f = storage[FederationKey.self], f.installation == id { return f }
            let f = FederationIdentity(installation: id, keys: try vault.federationKeys)
            storage[FederationKey.self] = f
            return f
        }
    }
}
