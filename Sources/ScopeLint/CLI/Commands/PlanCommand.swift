/// `scopelint plan --policy ID...`: the control-panel checklist for one new store-level
/// account that satisfies every named policy together.
enum PlanCommand: Command {
    static let spec = CommandSpec(
        name: "plan",
        abstract: "Print the control-panel checklist for a new account that satisfies the policies.",
        discussion:
            "Store-level scopes cannot be edited after creation, so every fix is: create a new account with these settings, give its credentials to the integration, delete the old one.",
        options: [
            OptionSpec(
                "policy", value: "id|file", repeatable: true,
                help: "A policy the account must satisfy (required; repeatable)."),
            CommandSupport.policiesOption, CommandSupport.formatOption(["text", "json"]), CommandSupport.colorOption,
        ])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws -> Int32 {
        guard !arguments.all("policy").isEmpty else {
            throw UsageError("Missing expected option '--policy <id|file>'.", command: "scopelint plan")
        }
        if let extra = arguments.positionals.first {
            throw UsageError("Unexpected argument '\(Redactor.redact(extra))'.", command: "scopelint plan")
        }
        let (library, ids) = try CommandSupport.policies(arguments)
        var policies: [ResolvedPolicy] = []
        for id in ids where !policies.contains(where: { $0.id == id }) { policies.append(try library.resolve(id)) }
        let plan = try Plan.make(policies, catalog: library.catalog)
        let style = console.style(for: arguments.value("color"))
        try console.writeOut {
            if arguments.value("format") == "json" {
                PlanRenderer.writeJSON(plan, toolVersion: ScopeLintVersion.current, to: $0)
            } else {
                PlanRenderer.writeText(plan, style: style, to: $0)
            }
        }
        return 0
    }
}
