import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small XML element tree: what OpenRosa submissions and the sheets of an XLSForm need (names, attributes,
/// text, children in order). Namespaces are dropped from names (`h:html` → `html`); entities are resolved, no
/// external entity or DTD is fetched.
public struct XMLNode: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var text: String
    public var children: [XMLNode]

    public func child(_ n: String) -> XMLNode? { children.first { $0.name == n } }
    public func all(_ n: String) -> [XMLNode] { children.filter { $0.name == n } }

    /// Every leaf below this node by its path from here (`meta/instanceID`), in document order.
    public func leaves(prefix: String = "") -> [(path: String, value: String)] {
        children.flatMap { c -> [(path: String, value: String)] in
            let p = prefix.isEmpty ? c.name : prefix + "/" + c.name
            return c.children.isEmpty ? [(p, c.text)] : c.leaves(prefix: p)
        }
    }

    public static func parse(_ data: Data) throws -> XMLNode {
        let delegate = Builder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ValidationFailure(field: "xml", "not well-formed XML" + (parser.parserError.map { " (\($0.localizedDescription))" } ?? ""))
        }
        return root
    }

    /// `a:b` → `b`.
    static func local(_ n: String) -> String { n.split(separator: ":").last.map(String.init) ?? n }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            var a: [String: String] = [:]
            for (k, v) in attributes { a[XMLNode.local(k)] = v }
            stack.append(XMLNode(name: XMLNode.local(e), attributes: a, text: "", children: []))
        }

        func parser(_ p: XMLParser, foundCharacters s: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += s }
        }

        func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
            guard var n = stack.popLast() else { return }
            if !n.children.isEmpty { n.text = n.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            if stack.isEmpty { root = n } else { stack[stack.count - 1].children.append(n) }
        }
    }
}
