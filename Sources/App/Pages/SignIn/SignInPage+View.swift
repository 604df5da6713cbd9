import Foundation
import Plot

extension SignInPage {
    static func view(_ c: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .unwrap(m.error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text(t.error($0))) },
            .form(
                .method(.post), .action(SiteURL.signIn.path),
                .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                .label(.for("username"), .text(t("signin.username"))),
                .input(.type(.text), .id("username"), .name("username"), .attribute(named: "autocomplete", value: "username"), .required(true)),
                .label(.for("password"), .text(t("signin.password"))),
                .input(
                    .type(.password), .id("password"), .name("password"), .attribute(named: "autocomplete", value: "current-password"),
                    .required(true)),
                .p(.button(.type(.submit), .text(t("nav.signin"))))))
    }
}
