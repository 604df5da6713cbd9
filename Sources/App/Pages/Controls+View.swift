import AgoraCore
import Foundation
import Plot

/// Form controls more than one page draws the same way.
enum Controls {
    static func classificationSelect(_ c: PageContext, selected: String) -> Node<HTML.FormContext> {
        .select(
            .id("classification"), .attribute(named: "name", value: "classification"),
            .forEach(Classification.allCases) { cl in
                .option(.value(cl.rawValue), .label(c.t("class." + cl.rawValue)), .isSelected(cl.rawValue == selected))
            })
    }
}
