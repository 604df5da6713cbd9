import Foundation
import Vapor

/// How this installation is configured, from the environment. Read once at start.
struct AgoraSettings: Sendable {
    /// Where the SQLite file (and later keys) live: `AGORA_DATA_DIR`, else the working directory.
    var dataDirectory: URL
    /// `AGORA_DATABASE_URL=postgres://…` selects PostgreSQL; unset means the embedded SQLite file.
    var databaseURL: String?
    /// PostgreSQL schema to work in (`AGORA_DATABASE_SCHEMA`), e.g. one per installation on a shared server.
    var databaseSchema: String?
    /// Prepare each PostgreSQL connection's statements once (`AGORA_DATABASE_PREPARE=on`). Off by default: on
    /// one 2-core machine it gained nothing on reads and cost a quarter of submissions (docs/decisions/003).
    var preparesStatements = false
    /// Where the installation's people live (`AGORA_TIME_ZONE`, an IANA name such as `Africa/Nairobi`): pages show
    /// times, and take them, in it. Stored times and exports stay UTC.
    var timeZoneName = "UTC"
    var timeZone: TimeZone { TimeZone(identifier: timeZoneName) ?? TimeZone(identifier: "UTC")! }
    /// Seed the demo installation on start (`agora serve --demo`).
    var demo: Bool
    /// The demo imports real conflict history and walks one loop (`AGORA_DEMO_ACTIVITY=off`: a quiet demo).
    var demoActivity = true
    /// Cookies without the Secure flag, for an installation tried out over plain HTTP on a LAN
    /// (`AGORA_INSECURE_COOKIES=1`). Browsers accept Secure cookies from localhost anyway.
    var insecureCookies: Bool
    /// Whether members of the public may report without an account (`AGORA_ANONYMOUS_REPORTS=1`);
    /// rate-limited, always restricted, routed to the body competent for early warning in the area.
    var anonymousReports: Bool
    /// Real public data beside the project, used by the demo when present (`AGORA_SHARED_DATA`).
    var sharedData: URL?
    /// Train forecasts in the background of `serve` (`AGORA_FORECASTS=off` leaves them to `agora forecast train`).
    var forecasts = true
    /// CAP `sender` of the alerts this installation issues (`AGORA_CAP_SENDER`).
    var capSender = "agora@localhost"
    /// The address people reach this installation at, for links in feeds, CAP messages and e-mails
    /// (`AGORA_PUBLIC_URL`). Unset: the host a request came to, or the address the server listens on.
    var publicURL: String? = nil
    /// Background jobs (deadline sweep, notification delivery) run in `serve`, every this many seconds
    /// (`AGORA_WORKER_SECONDS`, default 30).
    var workerSeconds: Double = 30
    var runWorkers = false
    /// `agora restore` opens the store only after it has put the backup in place.
    var opensStoreLater = false
    /// First retry of a failed notification after this many seconds, doubling (`AGORA_RETRY_BASE_SECONDS`, default 30).
    var retryBaseSeconds: Double = 30
    /// SMTP relay for e-mail notifications (`AGORA_SMTP_HOST`, `AGORA_SMTP_PORT`, `AGORA_SMTP_FROM`).
    var smtpHost: String?
    var smtpPort = 25
    var smtpFrom = "agora@localhost"
    /// Optional background map tiles (`AGORA_TILE_URL`, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`): maps are
    /// drawn from the stored boundaries without it; with it, and with Debian's `libjs-leaflet` (`AGORA_LEAFLET_DIR`,
    /// default `/usr/share/javascript/leaflet`), the risk map becomes a Leaflet map over those tiles.
    var tileURL: String?
    var leafletDirectory = "/usr/share/javascript/leaflet"
    /// The SQLite file itself, when not the default one in the data folder (`AGORA_SQLITE_FILE`).
    var sqliteFileOverride: String?
    /// Sign-in attempts a minute per client address, web form and API together (`AGORA_SIGNIN_LIMIT`, default 10).
    var signInLimit = 10
    /// The shared secret SMS gateways other than Twilio send (`AGORA_SMS_SECRET`); Twilio's auth token
    /// (`AGORA_TWILIO_AUTH_TOKEN`) checks its signatures. Unset: that gateway's webhook refuses everything.
    var smsSecret: String?
    var twilioAuthToken: String?
    /// Africa's Talking does not send the webhook's answer as an SMS: replies go out through its SMS API with this
    /// account (`AGORA_AT_USERNAME`, `AGORA_AT_API_KEY`, optional `AGORA_AT_SENDER`, `AGORA_AT_API_URL` — the sandbox's
    /// or a test's). Unset: no reply is sent.
    var africasTalking: AfricasTalkingAccount?
    /// A token a Prometheus scraper sends as a bearer token to read `/metrics` from elsewhere than loopback (`AGORA_METRICS_TOKEN`).
    var metricsToken: String?
    /// Federation (docs/FEDERATION.md): this installation's id among its peers (`AGORA_INSTALLATION_ID`), the NATS
    /// server (`AGORA_NATS_URL`; unset, no NATS is used and events wait in the outbox) and whether it is a regional
    /// hub that consumes its peers' streams (`AGORA_FEDERATION_HUB=1`).
    var installationID: String?
    var natsURL: String?
    /// The hub's JetStream domain (`AGORA_NATS_DOMAIN`), for an installation whose NATS server is a leaf node of the
    /// hub's: its streams are reached as `$JS.<domain>.API`. Unset: the server's own JetStream.
    var natsDomain: String?
    var federationHub = false
    /// A hub that keeps its own NATS server to the agreements in force (`AGORA_NATS_ACCOUNTS`): the accounts file the
    /// server includes, written again and reloaded when an agreement or peer changes (`NATSPermissions`).
    var natsAccounts: String?
    /// The ISO codes of the countries a national installation reads answers and regional alerts for
    /// (`AGORA_FEDERATION_COUNTRIES=GHA`); empty: every subject.
    var federationCountries: [String] = []

    static func fromEnvironment(demo: Bool) -> AgoraSettings {
        let env = ProcessInfo.processInfo.environment
        let dir =
            env["AGORA_DATA_DIR"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let shared = [env["AGORA_SHARED_DATA"], "../shared/data"].compactMap { $0 }
            .map { URL(fileURLWithPath: $0, isDirectory: true) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        return AgoraSettings(
            dataDirectory: dir,
            databaseURL: env["AGORA_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            databaseSchema: env["AGORA_DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 },
            preparesStatements: env["AGORA_DATABASE_PREPARE"] == "on",
            timeZoneName: env["AGORA_TIME_ZONE"].flatMap { $0.isEmpty ? nil : $0 } ?? "UTC",
            demo: demo,
            demoActivity: env["AGORA_DEMO_ACTIVITY"] != "off",
            insecureCookies: env["AGORA_INSECURE_COOKIES"] == "1",
            anonymousReports: env["AGORA_ANONYMOUS_REPORTS"] == "1",
            sharedData: shared,
            forecasts: env["AGORA_FORECASTS"] != "off",
            capSender: env["AGORA_CAP_SENDER"] ?? "agora@localhost",
            publicURL: env["AGORA_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : String($0.trimmingSuffix("/")) },
            workerSeconds: env["AGORA_WORKER_SECONDS"].flatMap(Double.init) ?? 30,
            retryBaseSeconds: env["AGORA_RETRY_BASE_SECONDS"].flatMap(Double.init) ?? 30,
            smtpHost: env["AGORA_SMTP_HOST"].flatMap { $0.isEmpty ? nil : $0 },
            smtpPort: env["AGORA_SMTP_PORT"].flatMap(Int.init) ?? 25,
            smtpFrom: env["AGORA_SMTP_FROM"] ?? "agora@localhost",
            tileURL: env["AGORA_TILE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            leafletDirectory: env["AGORA_LEAFLET_DIR"] ?? "/usr/share/javascript/leaflet",
            sqliteFileOverride: env["AGORA_SQLITE_FILE"].flatMap { $0.isEmpty ? nil : $0 },
            signInLimit: env["AGORA_SIGNIN_LIMIT"].flatMap(Int.init).map { max(1, $0) } ?? 10,
            smsSecret: env["AGORA_SMS_SECRET"].flatMap { $0.isEmpty ? nil : $0 },
            twilioAuthToken: env["AGORA_TWILIO_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            africasTalking: AfricasTalkingAccount.from(env),
            metricsToken: env["AGORA_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            installationID: env["AGORA_INSTALLATION_ID"].flatMap { $0.isEmpty ? nil : $0 },
            natsURL: env["AGORA_NATS_URL"].flatMap { $0.isEmpty ? nil : $0 },
            natsDomain: env["AGORA_NATS_DOMAIN"].flatMap { $0.isEmpty ? nil : $0 },
            federationHub: env["AGORA_FEDERATION_HUB"] == "1",
            natsAccounts: env["AGORA_NATS_ACCOUNTS"].flatMap { $0.isEmpty ? nil : $0 },
            federationCountries: (env["AGORA_FEDERATION_COUNTRIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        )
    }

    /// `scheme://host[:port]` of the tile URL, for the content security policy.
    var tileOrigin: String? {
        guard let t = tileURL, let u = URL(string: t.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")),
            let scheme = u.scheme, let host = u.host
        else { return nil }
        return "\(scheme)://\(host)" + (u.port.map { ":\($0)" } ?? "")
    }

    /// Whether the Leaflet map can be offered: a tile server is configured and Leaflet is installed.
    var tiledMaps: Bool {
        tileURL != nil && FileManager.default.fileExists(atPath: leafletDirectory + "/leaflet.js")
    }

    var sqliteFile: URL {
        if let f = sqliteFileOverride { return URL(fileURLWithPath: f) }
        return dataDirectory.appendingPathComponent(demo ? "agora-demo.sqlite" : "agora.sqlite")
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AgoraSettings }

    var agora: AgoraSettings {
        get { storage[SettingsKey.self] ?? .fromEnvironment(demo: false) }
        set { storage[SettingsKey.self] = newValue }
    }
}

extension Application {
    /// Where absolute links point when no request says (e-mails): `AGORA_PUBLIC_URL`, else the listening address.
    var publicBase: String {
        agora.publicURL ?? "http://\(http.server.configuration.hostname):\(http.server.configuration.port)"
    }
}

extension Request {
    /// Where absolute links in this answer point (feeds, CAP `<web>`): `AGORA_PUBLIC_URL`, else the host the
    /// request came to — never a port the server does not listen on. A Host header that is not a plain
    /// host name and port is not echoed.
    var publicBase: String {
        if let url = application.agora.publicURL { return url }
        let plain: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }
        if let host = headers.first(name: .host), !host.isEmpty, host.count <= 255, host.allSatisfy(plain) { return "http://" + host }
        return application.publicBase
    }
}

extension StringProtocol {
    fileprivate func trimmingSuffix(_ suffix: String) -> SubSequence {
        var s = self[...]
        while s.hasSuffix(suffix) { s = s.dropLast(suffix.count) }
        return s
    }
}

/// An Africa's Talking account for outbound SMS.
struct AfricasTalkingAccount: Sendable {
    var username: String
    var apiKey: String
    var sender: String?
    var url = "https://api.africastalking.com/version1/messaging"

    static func from(_ env: [String: String]) -> AfricasTalkingAccount? {
        guard let u = env["AGORA_AT_USERNAME"], !u.isEmpty, let k = env["AGORA_AT_API_KEY"], !k.isEmpty else { return nil }
        var a = AfricasTalkingAccount(username: u, apiKey: k, sender: env["AGORA_AT_SENDER"].flatMap { $0.isEmpty ? nil : $0 })
        if let url = env["AGORA_AT_API_URL"], !url.isEmpty { a.url = url }
        return a
    }
}
