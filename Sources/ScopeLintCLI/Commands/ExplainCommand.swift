import ScopeLint

/// `scopelint explain [RULE]`: a rule's description, rationale, remedy and examples; with no
/// rule, the list of rules.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Explain a rule, or list the rules.",
        arguments: [ArgumentSpec("rule", required: false, help: "A rule id such as missing-scope.")])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        guard let id = arguments.positionals.first else {
            for rule in RuleID.allCases {
                let d = rule.description
                console.out += "\(rule.rawValue.padding(20)) \(d.defaultSeverity.rawValue.padding(8)) \(d.summary)\n"
            }
            return 0
        }
        guard let rule = RuleID(rawValue: id) else {
            let hint =
                Suggestions.closest(to: id, in: RuleID.allCases.map(\.rawValue), limit: 1).first.map {
                    " Did you mean '\($0)'?"
                } ?? ""
            throw ScopeLintError.usage(
                message: "Unknown rule '\(Redactor.redact(id))'.\(hint) Run 'scopelint explain' for the list.",
                command: "scopelint explain")
        }
        let d = rule.description
        var out = "\(rule.rawValue): \(d.title) (default severity: \(d.defaultSeverity.rawValue))\n\n"
        out += TextWrap.wrap(d.summary, indent: 0) + "\n\n"
        out += TextWrap.wrap("Why: " + d.rationale, indent: 0) + "\n\n"
        out += TextWrap.wrap("Fix: " + d.remediation, indent: 0) + "\n"
        for example in d.examples {
            out +=
                "\n\(example.triggers ? "Triggers" : "Does not trigger"): \(example.title)\(example.policy.map { " (--policy \($0))" } ?? "")\n"
            for line in example.export.split(separator: "\n", omittingEmptySubsequences: false) {
                let text = line.replacingOccurrences(of: String(RuleExample.marker), with: "")
                // Generated examples (51 accounts) would be one enormous line.
                out += "    " + (text.count > 150 ? String(text.prefix(140)) + " …" : text) + "\n"
            }
        }
        console.out += out
        return 0
    }
}
