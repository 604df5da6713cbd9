import Crypto
import Foundation
import Testing

@testable import AgoraCore

@Suite struct AccessCoreTests {
    static let tree = BodyTree([
        BodyNode(code: "UN", level: .global, parent: nil, jurisdictionPaths: [], worldwide: true),
        BodyNode(code: "NPC", level: .national, parent: nil, jurisdictionPaths: [["GHA"]]),
        BodyNode(code: "EWC", level: .national, parent: nil, jurisdictionPaths: [["GHA"]]),
        BodyNode(code: "RPC", level: .region, parent: "NPC", jurisdictionPaths: [["GH12", "GHA"]]),
        BodyNode(code: "DPC", level: .district, parent: "RPC", jurisdictionPaths: [["GH1201", "GH12", "GHA"]]),
        BodyNode(code: "DPC2", level: .district, parent: nil, jurisdictionPaths: [["GH0812", "GH08", "GHA"]]),
        BodyNode(code: "KEN", level: .national, parent: nil, jurisdictionPaths: [["KEN"]]),
    ])

    @Test func aboveFollowsParentsAndJurisdiction() {
        let t = Self.tree
        #expect(t.isAbove("NPC", "DPC"))  // by parent links
        #expect(t.isAbove("EWC", "DPC"))  // a national centre, by jurisdiction, without a parent link
        #expect(t.isAbove("EWC", "DPC2"))
        #expect(!t.isAbove("RPC", "DPC2"))  // another region's district
        #expect(!t.isAbove("KEN", "DPC"))
        #expect(!t.isAbove("DPC", "NPC"))
        #expect(!t.isAbove("DPC", "DPC"))
        #expect(t.isAbove("UN", "KEN"))
        #expect(t.selfAndBelow("RPC") == ["RPC", "DPC"])
    }

    /// A national CSO network is not above the state's district councils by level and jurisdiction: it reads a
    /// council's restricted records only where the council shares them with it (a partnership setting).
    @Test func aCivilSocietyNetworkReadsWhatIsSharedNotWhatLiesBelowItsLevel() {
        let t = BodyTree([
            BodyNode(code: "NPC", level: .national, parent: nil, jurisdictionPaths: [["GHA"]]),
            BodyNode(code: "WANEP-GH", level: .national, parent: nil, jurisdictionPaths: [["GHA"]], civilSociety: true),
            BodyNode(code: "CSO-LOCAL", level: .district, parent: nil, jurisdictionPaths: [["GH1201", "GH12", "GHA"]], civilSociety: true),
            BodyNode(code: "DPC", level: .district, parent: nil, jurisdictionPaths: [["GH1201", "GH12", "GHA"]], sharesWith: ["WANEP-GH"]),
            BodyNode(code: "DPC2", level: .district, parent: nil, jurisdictionPaths: [["GH0812", "GH08", "GHA"]]),
        ])
        #expect(!t.isAbove("WANEP-GH", "DPC") && !t.isAbove("WANEP-GH", "DPC2"))
        #expect(t.isAbove("WANEP-GH", "CSO-LOCAL"))  // within civil society, jurisdiction still ranks
        #expect(t.isAbove("NPC", "DPC2") && !t.isAbove("NPC", "CSO-LOCAL"))
        let liaison = AccessPolicy.scope(
            for: .person(id: "l", installationAdmin: false, roles: [RoleGrant(body: "WANEP-GH", role: .csoLiaison)]), in: t)
        #expect(liaison.restrictedOwners == ["WANEP-GH", "CSO-LOCAL", "DPC"])
        #expect(AccessPolicy.canSee(liaison, .init(classification: .restricted, ownerBody: "DPC")))
        #expect(!AccessPolicy.canSee(liaison, .init(classification: .restricted, ownerBody: "DPC2")))
        #expect(!AccessPolicy.canSee(liaison, .init(classification: .confidential, ownerBody: "DPC")))  // sharing is not naming
        // Sharing does not make the reader an administrator of the council.
        #expect(
            !AccessPolicy.holds(
                .person(id: "l", installationAdmin: false, roles: [RoleGrant(body: "WANEP-GH", role: .bodyAdmin)]),
                [.bodyAdmin], in: "DPC", orAbove: t))
    }

    @Test func theRuleForEachClassification() {
        let analyst = AccessPolicy.scope(
            for: .person(id: "p1", installationAdmin: false, roles: [RoleGrant(body: "EWC", role: .analyst)]), in: Self.tree)
        let monitor = AccessPolicy.scope(
            for: .person(id: "p2", installationAdmin: false, roles: [RoleGrant(body: "DPC2", role: .monitor)]), in: Self.tree)
        let admin = AccessPolicy.scope(for: .person(id: "p3", installationAdmin: true, roles: []), in: Self.tree)
        let anon = AccessPolicy.scope(for: .anonymous, in: Self.tree)
        let restricted = AccessPolicy.Record(classification: .restricted, ownerBody: "DPC")
        let confidential = AccessPolicy.Record(classification: .confidential, ownerBody: "DPC", grantedPeople: ["p2"], grantedBodies: ["RPC"])
        #expect(AccessPolicy.canSee(anon, .init(classification: .public, ownerBody: "DPC")))
        #expect(!AccessPolicy.canSee(anon, .init(classification: .internal, ownerBody: "DPC")))
        #expect(AccessPolicy.canSee(monitor, .init(classification: .internal, ownerBody: "DPC")))
        #expect(AccessPolicy.canSee(analyst, restricted))
        #expect(!AccessPolicy.canSee(monitor, restricted))
        #expect(AccessPolicy.canSee(admin, restricted))
        #expect(AccessPolicy.canSee(monitor, confidential))  // named
        #expect(!AccessPolicy.canSee(analyst, confidential))  // above, but not named
        #expect(!AccessPolicy.canSee(admin, confidential))
        let rpc = AccessPolicy.scope(
            for: .person(id: "p4", installationAdmin: false, roles: [RoleGrant(body: "RPC", role: .responder)]), in: Self.tree)
        #expect(AccessPolicy.canSee(rpc, confidential))  // its body is named
    }

    @Test func theChainFindsTheFirstAlteredMissingOrReorderedEntry() {
        let key = AuditKey(secret: SymmetricKey(size: .bits256))
        var entries: [AuditEntry] = []
        var prev = AuditChain.genesis
        for i in 1...6 {
            let e = AuditChain.sealed(
                AuditEntry(
                    seq: i, at: "2026-11-29T12:00:0\(i).000Z", actor: "person:a", action: "create",
                    recordType: "document", recordID: "d\(i)", contentHash: AuditChain.sha256("c\(i)"), prevHash: prev), key: key)
            entries.append(e)
            prev = e.hash
        }
        #expect(AuditChain.verify(entries, key: key) == nil)
        var edited = entries
        edited[3].action = "delete"
        #expect(AuditChain.verify(edited, key: key) == .altered(seq: 4))
        var resealed = edited
        resealed[3] = AuditChain.sealed(resealed[3], key: key)  // edited and re-hashed: the next entry no longer follows
        #expect(AuditChain.verify(resealed, key: key) == .unlinked(seq: 5))
        var cut = entries
        cut.remove(at: 2)
        #expect(AuditChain.verify(cut, key: key) == .gap(after: 2))
        // Without the key, an edited chain recomputed from the edit onwards does not verify.
        var rebuilt = edited
        var p = rebuilt[2].hash
        for i in 3..<rebuilt.count {
            rebuilt[i].prevHash = p
            rebuilt[i] = AuditChain.sealed(rebuilt[i], key: nil)
            p = rebuilt[i].hash
        }
        #expect(AuditChain.verify(rebuilt, key: key) == .altered(seq: 4))
        // ... nor with another key.
        let other = AuditKey(secret: SymmetricKey(size: .bits256))
        #expect(AuditChain.verify(entries, key: other) == .altered(seq: 1))
        // Moving a separator between fields changes the hash.
        let a = AuditEntry(seq: 1, at: "t", actor: "a|b", action: "c", recordType: "x", recordID: "y", contentHash: "", prevHash: "")
        let b = AuditEntry(seq: 1, at: "t", actor: "a", action: "b|c", recordType: "x", recordID: "y", contentHash: "", prevHash: "")
        #expect(AuditChain.hash(of: a, key: key) != AuditChain.hash(of: b, key: key))
    }

    @Test func aCheckpointIsAuthenticOnlyUnderItsKeyAndUnaltered() {
        let key = AuditKey(secret: SymmetricKey(size: .bits256))
        let c = AuditCheckpoint.signed(seq: 12, hash: "ab", at: "2026-11-30T10:00:00.000Z", key: key)
        #expect(c.isAuthentic(key))
        var moved = c
        moved.seq = 11
        #expect(!moved.isAuthentic(key))
        #expect(!c.isAuthentic(AuditKey(secret: SymmetricKey(size: .bits256))))
    }

    @Test func sealedContactsOpenOnlyWithTheKeyAndTheirRecord() throws {
        let vault = ContactVault(key: SymmetricKey(size: .bits256))
        let c = ContactDetails(name: "Abiba", phone: "+233 24 555 0199")
        let sealed = try vault.seal(c, recordID: "r1")
        #expect(!sealed.contains("555"))
        #expect(try vault.open(sealed, recordID: "r1") == c)
        #expect(throws: (any Error).self) { try vault.open(sealed, recordID: "r2") }
        #expect(throws: (any Error).self) { try ContactVault(key: SymmetricKey(size: .bits256)).open(sealed, recordID: "r1") }
        #expect(try vault.seal(c, recordID: "r1") != sealed)  // a fresh nonce every time
        #expect(throws: ValidationFailure.self) { try ContactVault(base64Key: "dG9vIHNob3J0") }
    }

    @Test func publicLocationsAreCoarsened() {
        let path: [(code: String, level: AreaLevel, centroid: GeoPoint?)] = [
            ("C1", .community, GeoPoint(lat: 11.06, lon: -0.24)),
            ("GH1201", .admin2, GeoPoint(lat: 11.0, lon: -0.2)),
            ("GH12", .admin1, GeoPoint(lat: 10.8, lon: -0.9)),
            ("GHA", .country, GeoPoint(lat: 7.9, lon: -1.2)),
        ]
        let exact = GeoPoint(lat: 11.0612, lon: -0.2431)
        #expect(Coarsening.publicPoint(exact, path: path, precision: .admin2) == GeoPoint(lat: 11.0, lon: -0.2))
        #expect(Coarsening.publicPoint(exact, path: path, precision: .admin1) == GeoPoint(lat: 10.8, lon: -0.9))
        #expect(Coarsening.publicPoint(exact, path: path, precision: .exact) == exact)
        #expect(Coarsening.publicPoint(exact, path: Array(path.suffix(2)), precision: .admin2) == GeoPoint(lat: 10.8, lon: -0.9))
    }

    @Test func anAccreditationOpensRestrictedAlertsOfTheBodyAndBelowOnly() {
        let liaison = AccessPolicy.scope(
            for: .person(id: "p9", installationAdmin: false, roles: [RoleGrant(body: "WANEP-GH", role: .csoLiaison)]), in: Self.tree,
            accreditedBy: ["RPC"])
        #expect(liaison.accreditedAlertOwners == ["RPC", "DPC"])
        let alert = AccessPolicy.Record(classification: .restricted, ownerBody: "DPC", accreditedReadable: true)
        let caseFile = AccessPolicy.Record(classification: .restricted, ownerBody: "DPC")
        let secret = AccessPolicy.Record(classification: .confidential, ownerBody: "DPC", accreditedReadable: true)
        #expect(AccessPolicy.canSee(liaison, alert) && !AccessPolicy.canSee(liaison, caseFile) && !AccessPolicy.canSee(liaison, secret))
        // Not the body above the accrediting one.
        #expect(!AccessPolicy.canSee(liaison, AccessPolicy.Record(classification: .restricted, ownerBody: "NPC", accreditedReadable: true)))
        let author = AccessPolicy.Record(classification: .confidential, ownerBody: "DPC", author: "p9")
        #expect(AccessPolicy.canSee(liaison, author) && !AccessPolicy.canSee(.anonymous, author))
    }
}
