import AgoraCore
import Foundation
import Plot

/// The one escaping path for everything a page writes from data.
///
/// Plot writes attribute values as they are (`name="value"`), and its text escaping keeps anything
/// that looks like an entity. A stored title such as `"><meta http-equiv=refresh …>` therefore broke
/// out of `<meta content="…">` in the page head. The extensions below have the same names and
/// signatures as Plot's helpers; Swift prefers a module's own declaration over an imported one with
/// the same signature, so every `.value(…)`, `.href(…)`, `.attribute(named:value:)`, `.text(…)` …
/// written in this module comes here and is escaped. `EscapingTests` checks that they win, and the
/// hostile-strings walk (`tests/test_hostile_pages.py`) parses every page to check nothing got through.
enum HTMLEscape {
    private static let trimmed = CharacterSet.whitespacesAndNewlines.union(.controlCharacters)

    /// For attribute values: quotes too, so a value can never end its attribute.
    static func attribute(_ s: String) -> String { Markup.escape(s) }

    /// For text between tags: every `&` too (Plot keeps `&lt;` as it is, so stored text could read as markup).
    static func text(_ s: String) -> String { Markup.escape(s) }

    /// The text of a URL as Plot takes it (a string or a `URL`).
    static func text(of url: URLRepresentable) -> String {
        (url as? String) ?? (url as? URL)?.absoluteString ?? String(describing: url)
    }

    /// Links from data may only lead to the web, mail or a phone: `javascript:` and the like become `#`.
    static func url(_ s: String) -> String {
        // Most links are the site's own paths: printable ASCII without a colon has no scheme and nothing to trim (the
        // set below, made per call, was most of this function's time).
        if !s.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 <= 0x20 || $0 >= 0x7F }) { return attribute(s) }
        let t = s.trimmingCharacters(in: trimmed)
        if t == "data:," { return t }  // the empty favicon
        guard let colon = t.firstIndex(of: ":") else { return attribute(s) }
        let scheme = t[..<colon].lowercased()
        // A colon after a slash, `?` or `#` belongs to a path or query, not a scheme.
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return attribute(s) }
        return ["http", "https", "mailto", "tel", "sms"].contains(scheme) ? attribute(t) : "#"
    }
}

// MARK: - Plot's attribute helpers, escaped (same signatures: these shadow Plot's in this module)

extension Node {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value.map(HTMLEscape.attribute), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }

    static func text(_ text: String) -> Node { .raw(HTMLEscape.text(text)) }
}

extension Attribute {
    static func attribute(named name: String, value: String?) -> Self {
        Attribute(name: name, value: value.map(HTMLEscape.attribute))
    }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { Attribute(name: "id", value: HTMLEscape.attribute(id)) }
    static func `class`(_ className: String) -> Attribute { Attribute(name: "class", value: HTMLEscape.attribute(className)) }
    static func data(named name: String, value: String) -> Attribute { Attribute(name: "data-\(name)", value: HTMLEscape.attribute(value)) }
    static func title(_ title: String) -> Attribute { Attribute(name: "title", value: HTMLEscape.attribute(title)) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    static func data(named name: String, value: String) -> Node { .attribute(named: "data-\(name)", value: value) }
    static func title(_ title: String) -> Node { .attribute(named: "title", value: title) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { Attribute(name: "name", value: HTMLEscape.attribute(name)) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { Attribute(name: "value", value: HTMLEscape.attribute(value)) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Attribute { Attribute(name: "href", value: HTMLEscape.url(HTMLEscape.text(of: url))) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Node { .attribute(Attribute(name: "href", value: HTMLEscape.url(HTMLEscape.text(of: url)))) }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Attribute { Attribute(name: "src", value: HTMLEscape.url(HTMLEscape.text(of: url))) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Node { .attribute(Attribute(name: "src", value: HTMLEscape.url(HTMLEscape.text(of: url)))) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: URLRepresentable) -> Node { .attribute(Attribute(name: "action", value: HTMLEscape.url(HTMLEscape.text(of: url)))) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { Attribute(name: "placeholder", value: HTMLEscape.attribute(placeholder)) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(named: "placeholder", value: placeholder) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { Attribute(name: "label", value: HTMLEscape.attribute(label)) }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute { Attribute(name: "content", value: HTMLEscape.attribute(content)) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { Attribute(name: "alt", value: HTMLEscape.attribute(text)) }
}

extension Node where Context == HTML.HeadContext {
    /// The page title, escaped; Plot's `.title(_:)` also writes unescaped `twitter:title` and `og:title` metas.
    static func pageTitle(_ title: String) -> Node { .element(named: "title", nodes: [.text(title)]) }
}
