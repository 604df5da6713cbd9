import Foundation
import SQLKit
import Vapor

/// Sets up one Agora application: store, migrations, middleware, routes and commands.
public func configure(_ app: Application, demo: Bool = false) async throws {
    try configure(app, settings: AgoraSettings.fromEnvironment(demo: demo))
}

func configure(_ app: Application, settings: AgoraSettings) throws {
    guard TimeZone(identifier: settings.timeZoneName) != nil else {
        throw ValidationError("AGORA_TIME_ZONE: '\(settings.timeZoneName)' is not a time zone; use an IANA name such as Africa/Nairobi")
    }
    app.agora = settings
    if !settings.opensStoreLater { try app.openStore() }
    // Stable key order: answers diff cleanly and caches compare equal.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    ContentConfiguration.global.use(encoder: encoder, for: .json)

    // Request bodies beyond this are refused before they are read: a boundary file goes through the CLI.
    app.routes.defaultMaxBodySize = "4mb"
    app.middleware = .init()
    app.middleware.use(AuditKeyScope())
    app.middleware.use(RequestLog())
    app.middleware.use(SecurityHeaders(tileOrigin: settings.tileOrigin))
    app.middleware.use(ConditionalGet())
    app.middleware.use(APIErrorMiddleware())
    app.middleware.use(Authenticator())
    try routes(app)
    registerCommands(app)
    // Made here, once, before any request: Application's storage is not for concurrent first use.
    _ = app.risk
    _ = app.reportWrites
    _ = app.gazetteer
    _ = app.bodyTrees
    _ = app.answers
    _ = app.rateLimits
    app.lifecycle.use(app.backgroundJobs)
    app.lifecycle.use(app.federationJobs)
    app.http.server.configuration.useShutdownGrace()
    // Monitors on 2G: a page or a JSON list shrinks to about a fifth.
    app.http.server.configuration.responseCompression = .enabled
}

extension Application {
    /// Opens the store the settings name (see `SQLStore`); `configure` does, unless the command opens it itself.
    func openStore() throws {
        useStore(try SQLStore.open(agora, eventLoopGroup: eventLoopGroup, logger: logger))
    }
}

/// Before migrations. PostgreSQL: the configured schema must exist before tables land in it. (SQLite's WAL is
/// set by GRDB's pool when it opens the file.)
func prepareStore(_ app: Application) async throws {
    if app.agora.databaseURL != nil, let schema = app.agora.databaseSchema {
        try await app.sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }
}

struct ValidationError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

func routes(_ app: Application) throws {
    HealthController().register(app)
    AgoraMetrics.register(app)
    let api = app.grouped("api", "v1").grouped(Idempotency())
    AreaController().register(api)
    BodyController().register(api)
    AuthController().register(app, api: api)
    PeopleController().register(api)
    AuditController().register(api)
    ReporterController().register(api)
    DocumentController().register(api)
    MediationController().register(api)
    AgreementController().register(api)
    SubmissionController().register(api)
    SubmissionFollowUpController().register(api)
    AccreditationController().register(api)
    AccreditationRegisterController().register(api)
    ForumController().register(api)
    FrameworkController().register(api)
    ReportController().register(api)
    AttachmentController().register(api)
    IncidentExport().register(api)
    SituationReportController().register(api)
    RiskController().register(api)
    ForecastController().register(api)
    AlertController().register(app, api: api)
    CaseController().register(api)
    SubscriptionController().register(api)
    WeaponController().register(api)
    ArmsActivityController().register(api)
    DDRController().register(api)
    ArmsPhotoController().register(api)
    SMSController().register(app, api: api)
    FormController().register(api)
    FederationController().register(api)
    OpenRosaController().register(app)
    USSDController().register(app, api: api)
    guard let openAPI = OpenAPIDocument.json else {
        throw Abort(.internalServerError, reason: "openapi.json is missing: keep the Agora_App.resources folder beside the agora binary")
    }
    api.get("openapi.json") { req in
        Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: openAPI))
    }
    StaticAssets.register(app)
    HomePage.register(app)
    ReportFormPage.register(app)
    AnalystPages.register(app)
    IncidentPages.register(app)
    RiskPages.register(app)
    AlertPages.register(app)
    CasePages.register(app)
    MediationPages.register(app)
    SubmissionPages.register(app)
    ForumPages.register(app)
    AccreditationPages.register(app)
    ArmsPages.register(app)
    PublicPages.register(app)
    AdminPage.register(app)
    FederationPage.register(app)
}
