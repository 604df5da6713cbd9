import AgoraCore

/// The institutions of the demo installation: real bodies of real infrastructures for peace, with
/// their real legal bases where one exists. Members are invented: no real person's name is used.
enum DemoData {
    static let ecowasMembers = ["BEN", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "NGA", "SEN", "SLE", "TGO"]
    static let igadMembers = ["DJI", "ERI", "ETH", "KEN", "SOM", "SSD", "SDN", "UGA"]
    /// Countries whose P-codes the demo loads, so that their event data lands below country level: ECOWAS, IGAD,
    /// and the Sahel states that left ECOWAS in 2025 (Burkina Faso, Mali, Niger), whose violence crosses into it.
    static let pcodeCountries = (ecowasMembers + igadMembers + ["BFA", "MLI", "NER"]).sorted()

    /// Areas the demo needs even without boundary files: the districts its councils serve, and two
    /// communities. P-codes from the OCHA global list.
    static let builtInAreas = """
        Location,Admin Level,P-Code,Name,Parent P-Code
        GHA,1,GH08,Northern,GHA
        GHA,1,GH12,Upper East,GHA
        GHA,1,GH07,Greater Accra,GHA
        GHA,2,GH0812,Tamale Metropolitan,GH08
        GHA,2,GH1201,Bawku Municipal,GH12
        GHA,2,GH1202,Bawku West,GH12
        NGA,1,NG008,Borno,NGA
        NGA,1,NG019,Kaduna,NGA
        NGA,1,NG032,Plateau,NGA
        NGA,2,NG032005,Jos North,NG032
        KEN,1,KE023,Turkana,KEN
        KEN,1,KE040,Busia,KEN
        KEN,1,KE047,Nairobi,KEN
        KEN,2,KE023124,Turkana West,KE023
        UGA,1,UG3,Northern,UGA
        UGA,2,UG3080,Kotido,UG3
        UGA,2,UG3086,Moroto,UG3
        """

    static let communities: [AreaDraft] = [
        AreaDraft(
            code: "GH1201-C001", name: "Bawku Central", level: .community, parent: "GH1201",
            centroid: GeoPoint(lat: 11.0596, lon: -0.2417), source: "demo"),
        AreaDraft(
            code: "KE023124-C001", name: "Lokichoggio", level: .community, parent: "KE023124",
            centroid: GeoPoint(lat: 4.2042, lon: 34.3487), source: "demo"),
    ]

    static let organisations: [OrganisationDraft] = [
        OrganisationDraft(code: "UN", name: "United Nations", kind: .un, website: "https://www.un.org"),
        OrganisationDraft(code: "AU", name: "African Union Commission", kind: .regional, website: "https://au.int"),
        OrganisationDraft(code: "ECOWAS", name: "ECOWAS Commission", kind: .regional, website: "https://ecowas.int"),
        OrganisationDraft(code: "IGAD", name: "Intergovernmental Authority on Development", kind: .regional, website: "https://igad.int"),
        OrganisationDraft(code: "WANEP", name: "West Africa Network for Peacebuilding", kind: .cso, country: "GHA", website: "https://wanep.org"),
        OrganisationDraft(code: "WANEP-GH", name: "WANEP-Ghana", kind: .cso, country: "GHA", website: "https://wanep.org/wanep/ghana"),
        OrganisationDraft(code: "GOV-GHA", name: "Government of Ghana", kind: .government, country: "GHA"),
        OrganisationDraft(code: "GOV-NGA", name: "Federal Government of Nigeria", kind: .government, country: "NGA"),
        OrganisationDraft(code: "GOV-KEN", name: "Government of Kenya", kind: .government, country: "KEN"),
        OrganisationDraft(code: "CCG", name: "Christian Council of Ghana", kind: .religious, country: "GHA"),
        OrganisationDraft(code: "FOMWAN", name: "Federation of Muslim Women's Associations in Nigeria", kind: .religious, country: "NGA"),
        OrganisationDraft(code: "BAWKU-TC", name: "Bawku Traditional Council", kind: .traditional, country: "GHA"),
    ]

    static var bodies: [BodyDraft] {
        let au = Country.all.filter { $0.region == "Africa" }.map(\.alpha3)
        return [
            // Global
            BodyDraft(
                code: "UN-DPPA", name: "UN Department of Political and Peacebuilding Affairs", level: .global, kind: .unBody,
                organisation: "UN", legalBasis: "UN Charter, Chapter VI", jurisdiction: [], worldwide: true,
                topics: [.earlyWarning, .mediation, .dialogue, .response, .elections]),
            BodyDraft(
                code: "UNODA", name: "UN Office for Disarmament Affairs", level: .global, kind: .unBody, organisation: "UN",
                parent: nil, legalBasis: "UN Programme of Action on Small Arms (2001)", jurisdiction: [], worldwide: true,
                topics: [.smallArms, .ddr]),
            // Continental
            BodyDraft(
                code: "AU-PSC", name: "African Union Peace and Security Council", level: .continental, kind: .organ,
                organisation: "AU", legalBasis: "PSC Protocol, 2002", jurisdiction: au,
                topics: [.response, .mediation, .securitySectorReform, .ddr, .smallArms, .earlyWarning]),
            BodyDraft(
                code: "AU-CEWS", name: "AU Continental Early Warning System", level: .continental, kind: .earlyWarningCentre,
                organisation: "AU", parent: "AU-PSC", legalBasis: "PSC Protocol, 2002, art. 12", jurisdiction: au, topics: [.earlyWarning]),
            BodyDraft(
                code: "AU-POW", name: "AU Panel of the Wise", level: .continental, kind: .organ, organisation: "AU", parent: "AU-PSC",
                legalBasis: "PSC Protocol, 2002, art. 11", jurisdiction: au, topics: [.mediation, .elections]),
            // Sub-regional
            BodyDraft(
                code: "ECOWAS-MSC", name: "ECOWAS Mediation and Security Council", level: .subRegional, kind: .organ,
                organisation: "ECOWAS", parent: "AU-PSC", legalBasis: "ECOWAS Protocol on the Mechanism, 1999",
                jurisdiction: ecowasMembers, topics: [.response, .mediation, .smallArms, .securitySectorReform, .ddr]),
            BodyDraft(
                code: "ECOWARN", name: "ECOWAS Early Warning and Response Network", level: .subRegional, kind: .earlyWarningCentre,
                organisation: "ECOWAS", parent: "ECOWAS-MSC", legalBasis: "ECOWAS Protocol on the Mechanism, 1999, art. 58",
                jurisdiction: ecowasMembers, topics: [.earlyWarning, .response], partners: ["WANEP"]),
            BodyDraft(
                code: "WANEP", name: "West Africa Network for Peacebuilding", level: .subRegional, kind: .csoNetwork,
                organisation: "WANEP", legalBasis: "MoU with ECOWAS, 2002", jurisdiction: ecowasMembers,
                topics: [.earlyWarning, .dialogue, .mediation, .civilSocietyEngagement, .elections]),
            BodyDraft(
                code: "IGAD-CEWARN", name: "IGAD Conflict Early Warning and Response Mechanism", level: .subRegional,
                kind: .earlyWarningCentre, organisation: "IGAD", parent: "AU-PSC", legalBasis: "CEWARN Protocol, 2002",
                jurisdiction: igadMembers, topics: [.earlyWarning, .response, .mediation]),
            // Ghana
            BodyDraft(
                code: "GH-NPC", name: "National Peace Council of Ghana", level: .national, kind: .peaceCouncil, organisation: "GOV-GHA",
                legalBasis: "National Peace Council Act, 2011 (Act 818)", jurisdiction: ["GHA"],
                topics: [.earlyWarning, .response, .mediation, .dialogue, .elections], partners: ["WANEP-GH"],
                contact: DemoData.contact("0100", sms: "1411", office: "National Peace Council secretariat, Accra")),
            BodyDraft(
                code: "GH-NACSA", name: "Ghana National Commission on Small Arms and Light Weapons", level: .national, kind: .stateAgency,
                organisation: "GOV-GHA", legalBasis: "Act 736, 2007", jurisdiction: ["GHA"], topics: [.smallArms]),
            BodyDraft(
                code: "WANEP-GH", name: "WANEP-Ghana", level: .national, kind: .csoNetwork, organisation: "WANEP-GH", parent: "WANEP",
                jurisdiction: ["GHA"], topics: [.earlyWarning, .dialogue, .civilSocietyEngagement]),
            BodyDraft(
                code: "GH-RPC-UE", name: "Upper East Regional Peace Council", level: .region, kind: .peaceCouncil, organisation: "GOV-GHA",
                parent: "GH-NPC", legalBasis: "Act 818, 2011, s. 15", jurisdiction: ["GH12"],
                topics: [.earlyWarning, .response, .mediation, .dialogue]),
            BodyDraft(
                code: "GH-RPC-NR", name: "Northern Regional Peace Council", level: .region, kind: .peaceCouncil, organisation: "GOV-GHA",
                parent: "GH-NPC", legalBasis: "Act 818, 2011, s. 15", jurisdiction: ["GH08"],
                topics: [.earlyWarning, .response, .mediation, .dialogue]),
            BodyDraft(
                code: "GH-DPC-BAWKU", name: "Bawku Municipal District Peace Council", level: .district, kind: .peaceCouncil,
                organisation: "GOV-GHA", parent: "GH-RPC-UE", legalBasis: "Act 818, 2011, s. 20", jurisdiction: ["GH1201"],
                topics: [.earlyWarning, .response, .mediation, .dialogue],
                // WANEP-Ghana monitors Bawku for the council: an early-warning partnership that shares restricted reports.
                sharesRestrictedWith: ["WANEP-GH"], contact: DemoData.contact("0101", sms: "1412", office: "Municipal Assembly compound, Bawku")),
            BodyDraft(
                code: "GH-DPC-TAMALE", name: "Tamale Metropolitan Peace Council", level: .district, kind: .peaceCouncil,
                organisation: "GOV-GHA", parent: "GH-RPC-NR", legalBasis: "Act 818, 2011, s. 20", jurisdiction: ["GH0812"],
                topics: [.earlyWarning, .response, .mediation, .dialogue]),
            // Nigeria
            BodyDraft(
                code: "NG-IPCR", name: "Institute for Peace and Conflict Resolution", level: .national, kind: .stateAgency,
                organisation: "GOV-NGA", legalBasis: "Established by the Federal Government, 2000", jurisdiction: ["NGA"],
                topics: [.earlyWarning, .response, .mediation, .dialogue]),
            BodyDraft(
                code: "NG-NCCSALW", name: "National Centre for the Control of Small Arms and Light Weapons", level: .national,
                kind: .stateAgency, organisation: "GOV-NGA", legalBasis: "Presidential directive, 2021", jurisdiction: ["NGA"], topics: [.smallArms]),
            BodyDraft(
                code: "WANEP-NG", name: "WANEP-Nigeria", level: .national, kind: .csoNetwork, organisation: "WANEP", parent: "WANEP",
                jurisdiction: ["NGA"], topics: [.earlyWarning, .dialogue, .civilSocietyEngagement]),
            BodyDraft(
                code: "NG-PPBA", name: "Plateau Peace Building Agency", level: .region, kind: .stateAgency, organisation: "GOV-NGA",
                parent: "NG-IPCR", legalBasis: "Plateau State Peace Building Agency Law, 2016", jurisdiction: ["NG032"],
                topics: [.earlyWarning, .response, .mediation, .dialogue]),
            BodyDraft(
                code: "NG-KDSPC", name: "Kaduna State Peace Commission", level: .region, kind: .peaceCouncil, organisation: "GOV-NGA",
                parent: "NG-IPCR", legalBasis: "Kaduna State Peace Commission Law, 2017", jurisdiction: ["NG019"],
                topics: [.earlyWarning, .response, .mediation, .dialogue]),
            // Kenya
            BodyDraft(
                code: "KE-NSC", name: "National Steering Committee on Peacebuilding and Conflict Management", level: .national,
                kind: .peaceCouncil, organisation: "GOV-KEN", legalBasis: "Sessional Paper No. 5 of 2014", jurisdiction: ["KEN"],
                topics: [.earlyWarning, .response, .mediation, .dialogue], partners: ["IGAD-CEWARN"]),
            BodyDraft(
                code: "KE-CEWERU", name: "Kenya Conflict Early Warning and Early Response Unit", level: .national,
                kind: .earlyWarningCentre, organisation: "GOV-KEN", parent: "KE-NSC", legalBasis: "CEWARN Protocol, 2002",
                jurisdiction: ["KEN"], topics: [.earlyWarning], contact: DemoData.contact("0200", sms: "1413", office: "CEWERU, Nairobi")),
            BodyDraft(
                code: "KE-KNFP", name: "Kenya National Focal Point on Small Arms and Light Weapons", level: .national, kind: .stateAgency,
                organisation: "GOV-KEN", legalBasis: "Nairobi Protocol, 2004", jurisdiction: ["KEN"], topics: [.smallArms]),
            BodyDraft(
                code: "KE-CPC-TURKANA", name: "Turkana County Peace Committee", level: .region, kind: .peaceCommittee,
                organisation: "GOV-KEN", parent: "KE-NSC", jurisdiction: ["KE023"], topics: [.earlyWarning, .response, .mediation, .dialogue]),
            BodyDraft(
                code: "KE-CPC-NAIROBI", name: "Nairobi County Peace Committee", level: .region, kind: .peaceCommittee,
                organisation: "GOV-KEN", parent: "KE-NSC", jurisdiction: ["KE047"], topics: [.earlyWarning, .response, .dialogue]),
            // Across a border: Karamoja cluster, Kenya and Uganda.
            BodyDraft(
                code: "XB-KARAMOJA", name: "Turkana–Karamoja Cross-Border Peace Committee", level: .district, kind: .peaceCommittee,
                parent: "IGAD-CEWARN", legalBasis: "CEWARN cross-border arrangement", jurisdiction: ["KE023124", "UG3080", "UG3086"],
                topics: [.earlyWarning, .dialogue, .mediation]),
        ]
    }

    /// Invented people, so that composition and inclusion can be shown.
    static let members: [(body: String, member: MemberDraft)] = [
        ("GH-NPC", MemberDraft(name: "Rev. A. Mensah", organisation: "CCG", categories: [.religious], role: "Chair")),
        ("GH-NPC", MemberDraft(name: "Hajia F. Issah", categories: [.religious, .women], role: "Member")),
        ("GH-NPC", MemberDraft(name: "K. Owusu", organisation: "GOV-GHA", categories: [.state], role: "Executive Secretary")),
        ("GH-NPC", MemberDraft(name: "Y. Abdulai", categories: [.youth], role: "Member")),
        ("GH-DPC-BAWKU", MemberDraft(name: "Naba representative", organisation: "BAWKU-TC", categories: [.traditional], role: "Member")),
        ("GH-DPC-BAWKU", MemberDraft(name: "A. Atia", organisation: "WANEP", categories: [.cso, .women], role: "Member")),
        ("NG-PPBA", MemberDraft(name: "H. Musa", organisation: "FOMWAN", categories: [.religious, .women], role: "Member")),
    ]

    /// Contact details for the demo's bodies: invented, and marked so, so that nobody dials a real council from a demo.
    static func contact(_ line: String, sms: String, office: String) -> BodyContact {
        BodyContact(phone: "+000 20 000 \(line)", sms: sms, email: "demo-\(line)@agora.invalid", address: office + " (demo contact details)")
    }

    struct Account: Sendable {
        var username: String
        var displayName: String
        /// nil: an installation administrator.
        var grant: RoleGrant?
        var what: String
    }

    static let accounts: [Account] = [
        Account(username: "admin", displayName: "Installation administrator", grant: nil, what: "installation administrator"),
        Account(
            username: "monitor.bawku", displayName: "Bawku community monitor", grant: RoleGrant(body: "GH-DPC-BAWKU", role: .monitor),
            what: "monitor, Bawku district council"),
        Account(
            username: "coordinator.bawku", displayName: "Bawku coordinator", grant: RoleGrant(body: "GH-DPC-BAWKU", role: .coordinator),
            what: "coordinator, Bawku district council"),
        Account(
            username: "responder.bawku", displayName: "Bawku responder", grant: RoleGrant(body: "GH-DPC-BAWKU", role: .responder),
            what: "responder, Bawku district council"),
        Account(
            username: "analyst.npc", displayName: "NPC analyst", grant: RoleGrant(body: "GH-NPC", role: .analyst),
            what: "analyst, National Peace Council"),
        Account(
            username: "liaison.wanep", displayName: "WANEP-Ghana liaison", grant: RoleGrant(body: "WANEP-GH", role: .csoLiaison),
            what: "CSO liaison, WANEP-Ghana"),
        Account(
            username: "auditor.npc", displayName: "NPC auditor", grant: RoleGrant(body: "GH-NPC", role: .auditor),
            what: "auditor, National Peace Council"),
        Account(
            username: "admin.npc", displayName: "NPC administrator", grant: RoleGrant(body: "GH-NPC", role: .bodyAdmin),
            what: "body administrator, National Peace Council"),
        Account(
            username: "officer.nacsa", displayName: "NACSA officer", grant: RoleGrant(body: "GH-NACSA", role: .analyst),
            what: "officer, Ghana small arms commission"),
        Account(
            username: "coordinator.nacsa", displayName: "NACSA coordinator", grant: RoleGrant(body: "GH-NACSA", role: .coordinator),
            what: "coordinator, Ghana small arms commission (signs reports, opens DDR identities)"),
    ]

    static func documents(coordinator: String) -> [DocumentController.NewDocument] {
        [
            .init(
                title: "How to report an incident to the Bawku peace council",
                summary: "Call or visit the council secretariat; reports may be anonymous.",
                body: "GH-DPC-BAWKU", classification: .public, grants: nil),
            .init(
                title: "Bawku council meeting calendar", summary: "Monthly sittings, first Tuesday.", body: "GH-DPC-BAWKU", classification: .internal,
                grants: nil),
            .init(
                title: "Market-day tension brief", summary: "Situation brief for the council and the regional council.",
                body: "GH-DPC-BAWKU", classification: .restricted, grants: nil),
            .init(
                title: "Chieftaincy mediation notes", summary: "Mediation session notes; parties named. Confidential.",
                body: "GH-DPC-BAWKU", classification: .confidential, grants: .init(people: [coordinator], bodies: ["GH-RPC-UE"])),
        ]
    }
}
