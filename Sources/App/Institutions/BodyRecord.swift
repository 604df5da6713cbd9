import AgoraCore
import Foundation
import SQLKit
import Vapor

struct BodyRecord: Codable, Sendable {
    var code: String
    var name: String
    var names: String
    var level: String
    var kind: String
    var organisationCode: String?
    var parentCode: String?
    var legalBasis: String?
    var description: String?
    var website: String?
    var worldwide: Bool
    var createdAt: String
    var updatedAt: String
    var contactPhone, contactSms, contactEmail, contactAddress: String?
    var alertClassification: Classification?

    static let columns = [
        "code", "name", "names", "level", "kind", "organisation_code", "parent_code", "legal_basis",
        "description", "website", "worldwide", "created_at", "updated_at",
        "contact_phone", "contact_sms", "contact_email", "contact_address", "alert_classification",
    ]

    /// Empty strings are fields cleared on purpose; the API shows neither those nor an empty contact.
    var contact: BodyContact? {
        func v(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        let c = BodyContact(phone: v(contactPhone), sms: v(contactSms), email: v(contactEmail), address: v(contactAddress))
        return c.isEmpty ? nil : c
    }
    static let selected = ColumnList(columns)
}

extension BodyRecord {
    /// Column by column: through Codable each field looked its column up three times (a fifth of the case board).
    init(row r: any SQLRow) throws {
        func s(_ c: String) throws -> String { try r.decode(column: c, as: String.self) }
        func os(_ c: String) throws -> String? { try r.decodeNil(column: c) ? nil : try r.decode(column: c, as: String.self) }
        self.init(
            code: try s("code"), name: try s("name"), names: try s("names"), level: try s("level"), kind: try s("kind"),
            organisationCode: try os("organisation_code"), parentCode: try os("parent_code"), legalBasis: try os("legal_basis"),
            description: try os("description"), website: try os("website"), worldwide: try r.decode(column: "worldwide", as: Bool.self),
            createdAt: try s("created_at"), updatedAt: try s("updated_at"), contactPhone: try os("contact_phone"), contactSms: try os("contact_sms"),
            contactEmail: try os("contact_email"), contactAddress: try os("contact_address"),
            alertClassification: try r.decodeNil(column: "alert_classification")
                ? nil : try r.decode(column: "alert_classification", as: Classification.self))
    }
}

/// A body as the API shows it.
struct BodyView: Content {
    var code: String
    var name: String
    var names: [String: String]
    var level: String
    var kind: String
    var organisation: String?
    var parent: String?
    var legalBasis: String?
    var description: String?
    var website: String?
    /// How the public reaches the body (phone, SMS, e-mail, office address).
    var contact: BodyContact?
    /// What the body's alerts start as (proposals, the composer): `restricted` unless the body chose.
    var alertClassification: Classification
    var worldwide: Bool
    var jurisdiction: [String]
    var topics: [String]
    var partners: [String]
    /// Bodies that read this body's restricted records by partnership (not by being above it).
    var sharesRestrictedWith: [String]
    /// How many members speak for each stakeholder category: inclusion, measured.
    var composition: [String: Int]
    var memberCount: Int
    var createdAt: String
    var updatedAt: String
}

/// A short reference to a body inside other answers.
struct BodyRef: Content, Equatable {
    var code: String
    var name: String
    var level: String
}

struct OrganisationView: Content {
    var code: String
    var name: String
    var kind: String
    var country: String?
    var website: String?
    var createdAt: String
    var updatedAt: String
}

struct MemberView: Content {
    var id: String
    var body: String
    var name: String
    var organisation: String?
    var categories: [String]
    var role: String?
    var since: String?
}
