import Foundation
import Plot
import Testing

@testable import App

/// The escaping helpers in `Web/Escaping.swift` must win over Plot's own (which write attribute values as
/// they are): each helper, given a value that ends its attribute, must write it escaped.
@Suite struct EscapingTests {
    static let bad = #"x" onmouseover="alert(1)' <b>&amp;"#

    /// The frame every page is drawn in, with hostile values where data reaches it: the title (head and h1),
    /// the person's name, the CSRF token in a hidden input, an error. Rendered by the App module's own code.
    @Test func theLayoutEscapesEveryValueItWrites() {
        let c = PageContext(
            t: T(lang: .en), viewer: .person(id: "p", installationAdmin: false, roles: []), name: Self.bad, csrf: Self.bad,
            path: "/", notice: nil, error: Self.bad, setLanguage: nil)
        let r = Layout.response(c, title: Self.bad, .raw("<p>x</p>"))
        let html = r.body.string ?? ""
        // Text may show the quote (it cannot end anything there); attributes may not.
        #expect(!html.contains("value=\"x\""), "\(html)")
        #expect(!html.contains("<b>"))
        #expect(!html.contains("twitter:title") && !html.contains("og:title"))  // Plot's .title() wrote these unescaped
        #expect(
            html.contains("<title>x&quot; onmouseover=&quot;alert(1)&#39; &lt;b&gt;&amp;amp; — Agora</title>")
                || html.contains("<title>x\" onmouseover=\"alert(1)' &lt;b&gt;&amp;amp; — Agora</title>"), "\(html)")
        #expect(html.contains(#"value="x&quot; onmouseover=&quot;alert(1)&#39; &lt;b&gt;&amp;amp;""#), "\(html)")
    }

    @Test func linksFromDataLeadOnlyToTheWebMailOrPhone() {
        #expect(HTMLEscape.url("javascript:alert(1)") == "#")
        #expect(HTMLEscape.url(" JavaScript:alert(1)") == "#")
        #expect(HTMLEscape.url("data:text/html,<x>") == "#")
        #expect(HTMLEscape.url("https://wanep.org/a?b=1&c=2") == "https://wanep.org/a?b=1&amp;c=2")
        #expect(HTMLEscape.url("/risk/GH1201?period=2026-W48") == "/risk/GH1201?period=2026-W48")
        #expect(HTMLEscape.url("mailto:council@bawku.test") == "mailto:council@bawku.test")
        #expect(HTMLEscape.url("?lang=fr") == "?lang=fr")
        // Past the fast path for the site's own paths: control characters, spaces and letters beyond ASCII.
        #expect(HTMLEscape.url("\u{1}javascript:alert(1)") == "#")
        #expect(HTMLEscape.url("\tjavascript:alert(1)") == "#")
        #expect(HTMLEscape.url("/bodies/\"é<x>") == "/bodies/&quot;é&lt;x&gt;")
        #expect(HTMLEscape.url("/a b") == "/a b")
    }
}
