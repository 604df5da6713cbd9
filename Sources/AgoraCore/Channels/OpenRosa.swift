import Foundation

/// The OpenRosa documents ODK Collect and KoboCollect speak: the form list, a form's manifest, the answer to a
/// submission, and reading a submission's XML.
public enum OpenRosa {
    public struct FormEntry: Sendable, Equatable {
        public var id, name, version, hash, downloadURL, manifestURL: String
        public init(id: String, name: String, version: String, hash: String, downloadURL: String, manifestURL: String) {
            (self.id, self.name, self.version, self.hash, self.downloadURL, self.manifestURL) = (id, name, version, hash, downloadURL, manifestURL)
        }
    }

    public static func formList(_ forms: [FormEntry]) -> String {
        let e = Markup.escape
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <xforms xmlns="http://openrosa.org/xforms/xformsList">
            \(forms.map { f in
                "<xform><formID>\(e(f.id))</formID><name>\(e(f.name))</name><version>\(e(f.version))</version><hash>\(e(f.hash))</hash>"
                    + "<downloadUrl>\(e(f.downloadURL))</downloadUrl><manifestUrl>\(e(f.manifestURL))</manifestUrl></xform>"
            }.joined(separator: "\n"))
            </xforms>
            """
    }

    /// No media files: area and indicator choices are in the form itself.
    public static let emptyManifest = #"<?xml version="1.0" encoding="UTF-8"?><manifest xmlns="http://openrosa.org/xforms/xformsManifest"/>"#

    /// The body ODK Collect shows the monitor after sending.
    public static func response(_ message: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenRosaResponse xmlns="http://openrosa.org/http/response"><message nature="submit_success">\(Markup.escape(message))</message></OpenRosaResponse>
        """
    }

    /// `md5:` + hex, as the form list carries it: Collect downloads a form again when it changes.
    public static func hash(_ hexMD5: String) -> String { "md5:" + hexMD5 }

    /// A submission's instance: the form it answers (root `id` and `version`) and its answers by path below the root.
    public struct Submission: Sendable, Equatable {
        public var formID: String
        public var version: String?
        public var answers: [String: String]

        public init(xml: Data) throws {
            let root = try XMLNode.parse(xml)
            guard let id = root.attributes["id"], !id.isEmpty else {
                throw ValidationFailure(field: "xml_submission_file", "the instance names no form (an `id` attribute on its root)")
            }
            formID = id
            version = root.attributes["version"]
            var a: [String: String] = [:]
            for (p, v) in root.leaves() where a[p] == nil { a[p] = v }
            answers = a
        }

        /// By path (`meta/instanceID`) or, for a form with groups, by the question's own name when it is unique.
        public func answer(_ field: String) -> String? {
            if let v = answers[field] { return v }
            let tails = answers.filter { $0.key.hasSuffix("/" + field) }
            return tails.count == 1 ? tails.first!.value : nil
        }
    }
}

/// Agora's own report form as an XForm: the framework's indicators (select many), the area (select one, searchable),
/// a point, the day, the harm, the text, a photo and a recording; labels in every language the framework names.
public enum ReportXForm {
    public static let formID = "agora-report"

    public struct Area: Sendable, Equatable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { (self.code, self.name) = (code, name) }
    }

    static let questions: [(name: String, labels: [String: String])] = [
        ("indicators", ["en": "What is happening?", "fr": "Que se passe-t-il ?", "pt": "O que está a acontecer?", "ar": "ماذا يحدث؟"]),
        ("area", ["en": "Where (area)", "fr": "Où (zone)", "pt": "Onde (área)", "ar": "أين (المنطقة)"]),
        (
            "location",
            [
                "en": "Point on the map (optional)", "fr": "Point sur la carte (facultatif)", "pt": "Ponto no mapa (opcional)",
                "ar": "نقطة على الخريطة (اختياري)",
            ]
        ),
        ("occurred", ["en": "When did it happen?", "fr": "Quand cela s'est-il passé ?", "pt": "Quando aconteceu?", "ar": "متى حدث ذلك؟"]),
        ("killed", ["en": "People killed", "fr": "Personnes tuées", "pt": "Pessoas mortas", "ar": "عدد القتلى"]),
        ("injured", ["en": "People injured", "fr": "Personnes blessées", "pt": "Pessoas feridas", "ar": "عدد الجرحى"]),
        (
            "description",
            [
                "en": "What happened? Who, where, what now", "fr": "Que s'est-il passé ? Qui, où, et maintenant",
                "pt": "O que aconteceu? Quem, onde, e agora", "ar": "ماذا حدث؟ من، أين، وماذا الآن",
            ]
        ),
        ("photo", ["en": "A photo (optional)", "fr": "Une photo (facultatif)", "pt": "Uma fotografia (opcional)", "ar": "صورة (اختياري)"]),
        (
            "audio",
            ["en": "A recording (optional)", "fr": "Un enregistrement (facultatif)", "pt": "Uma gravação (opcional)", "ar": "تسجيل صوتي (اختياري)"]
        ),
    ]
    static let languageNames = ["en": "English (en)", "fr": "French (fr)", "pt": "Portuguese (pt)", "ar": "Arabic (ar)"]

    public static func xml(framework: IndicatorFramework, areas: [Area], version: String, title: String) -> String {
        let e = Markup.escape
        let languages = ["en", "fr", "pt", "ar"]
        var itext = ""
        for l in languages {
            itext += "<translation lang=\"\(languageNames[l]!)\"\(l == "en" ? " default=\"true()\"" : "")>"
            for q in questions { itext += "<text id=\"/data/\(q.name):label\"><value>\(e(q.labels[l] ?? q.labels["en"]!))</value></text>" }
            for (_, ind) in framework.indicators {
                itext += "<text id=\"/data/indicators/\(e(ind.code)):label\"><value>\(e(ind.names[l] ?? ind.names["en"] ?? ind.code))</value></text>"
            }
            itext += "</translation>"
        }
        func label(_ q: String) -> String { "<label ref=\"jr:itext('/data/\(q):label')\"/>" }
        let indicatorItems = framework.indicators.map { (_, ind) in
            "<item><label ref=\"jr:itext('/data/indicators/\(e(ind.code)):label')\"/><value>\(e(ind.code))</value></item>"
        }.joined()
        let areaItems = areas.map { "<item><label>\(e($0.name)) (\(e($0.code)))</label><value>\(e($0.code))</value></item>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" xmlns:odk="http://www.opendatakit.org/xforms">
            <h:head><h:title>\(e(title))</h:title>
            <model odk:xforms-version="1.0.0"><itext>\(itext)</itext>
            <instance><data id="\(formID)" version="\(e(version))"><indicators/><area/><location/><occurred/><killed/><injured/><description/><photo/><audio/><meta><instanceID/></meta></data></instance>
            <bind nodeset="/data/indicators" type="string" required="true()"/>
            <bind nodeset="/data/area" type="string" required="/data/location = ''"/>
            <bind nodeset="/data/location" type="geopoint"/>
            <bind nodeset="/data/occurred" type="date" required="true()" constraint=". &lt;= today()"/>
            <bind nodeset="/data/killed" type="int" constraint=". &gt;= 0"/>
            <bind nodeset="/data/injured" type="int" constraint=". &gt;= 0"/>
            <bind nodeset="/data/description" type="string" required="true()"/>
            <bind nodeset="/data/photo" type="binary"/>
            <bind nodeset="/data/audio" type="binary"/>
            <bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
            </model></h:head>
            <h:body>
            <select ref="/data/indicators">\(label("indicators"))\(indicatorItems)</select>
            <select1 ref="/data/area" appearance="minimal search">\(label("area"))\(areaItems)</select1>
            <input ref="/data/location">\(label("location"))</input>
            <input ref="/data/occurred">\(label("occurred"))</input>
            <input ref="/data/killed">\(label("killed"))</input>
            <input ref="/data/injured">\(label("injured"))</input>
            <input ref="/data/description" appearance="multiline">\(label("description"))</input>
            <upload ref="/data/photo" mediatype="image/*">\(label("photo"))</upload>
            <upload ref="/data/audio" mediatype="audio/*">\(label("audio"))</upload>
            </h:body></h:html>
            """
    }
}
