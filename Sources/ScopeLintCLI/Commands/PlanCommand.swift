import ScopeLint

/// `scopelint plan --policy ID...`: the control-panel checklist for one new store-level
/// account that satisfies every named policy together.
enum PlanCommand: Command {
    static let spec = CommandSpec(
        name: "plan",
        abstract: "Print the control-panel checklist for a new account that satisfies the policies.",
        discussion:
            "Store-level scopes cannot be edited after creation, so every fix is: create a new account with these settings, give its credentials to the integration, delete the old one.",
        options: [Options.planPolicy, Options.policies, Options.config, Options.textOrJSON, Options.color])

    static func run(_ arguments: ParsedArguments, console: inout Console) throws(ScopeLintError) -> Int32 {
        // The configuration's policy folders too, so a policy lint found there is found here.
        let configuration = try CommandSupport.configuration(arguments, console: console)
        let (library, ids) = try CommandSupport.policies(arguments, configuration: configuration)
        var policies: [ResolvedPolicy] = []
        for id in ids where !policies.contains(where: { $0.id == id }) { policies.append(try library.resolve(id)) }
        let plan = try Plan.make(policies, catalog: library.catalog)
        let commands = CommandSupport.commandContext(arguments, ids: ids)
        let style = console.style(for: arguments.value(Options.color))
        try console.writeOut {
            if arguments.value(Options.textOrJSON) == "json" {
                PlanRenderer.writeJSON(plan, toolVersion: ScopeLintVersion.current, commands: commands, to: $0)
            } else {
                PlanRenderer.writeText(plan, style: style, commands: commands, to: $0)
            }
        }
        return 0
    }
}
