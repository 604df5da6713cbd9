import Foundation

/// The OpenAPI 3.1 document the server serves at `/api/v1/openapi.json`: `openapi.json`, a resource of this target,
/// written by `scripts/gen-openapi.py` (edit that, run it, commit both; `scripts/test` checks they agree).
enum OpenAPIDocument {
    /// Nil only when the resource bundle is missing beside the binary (a copied executable without its
    /// `Agora_App.resources`): `configure` refuses to start then, saying so.
    static let json: String? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap {
        try? String(contentsOf: $0, encoding: .utf8)
    }
}
