/// Renders `scopelint plan`: the control-panel checklist for one new store-level account.
package enum PlanRenderer {
    /// A step's text, and the command it ends with: printed on a line of its own, never
    /// wrapped, so it copies and pastes whole.
    struct Step {
        var text: String
        var command: String?
    }

    static func steps(_ plan: Plan, commands: CommandContext) -> [Step] {
        let users = plan.policies.map(\.title).joined(separator: " and ")
        var steps: [Step] = [
            "In the control panel, open Settings > Store-level API accounts (older control panels: Advanced Settings > API Accounts) and choose Create API account.",
            "Token type: V2/V3 API token. Name: \(plan.suggestedName).",
            "Set the OAuth scopes below, top to bottom as the form lists them; the ones marked * differ from the form's default.",
            "Save. The control panel shows the client ID, client secret and access token once, and downloads them as a .txt file: keep that file out of git, tickets and chat.",
            "Give the new credentials to \(users), and check that it works.",
            "Delete the old API account: store-level scopes cannot be edited, and deleting the account revokes its token.",
        ].map { Step(text: $0) }
        // BigCommerce has no export of an account's scopes: the user pastes the list they set.
        steps.append(
            Step(
                text:
                    "Check the new account: run this, paste its scopes as set in step 3 (one 'Name: level' a line) or the app's token response, then press Ctrl-D.",
                command: commands.command("lint", extra: ["-"], policies: plan.policies.map(\.id))))
        for (offset, companion) in plan.companions.enumerated() {
            steps.insert(
                Step(text: "Also create \(companion.title)" + (companion.how.map { ": \($0)" } ?? "") + "."),
                at: 4 + offset)
        }
        return steps
    }

    package static func writeText(
        _ plan: Plan, style: TextStyle, commands: CommandContext = CommandContext(), to stream: ByteStream
    ) {
        let titles = plan.policies.map { "\($0.id) (\($0.title))" }.joined(separator: ", ")
        style.write("Plan: one new store-level API account for \(titles)", .bold, on: stream)
        stream.write(byte: 0x0A)
        for policy in plan.policies {
            if let source = policy.source { stream.write("Source: \(source.line)\n") }
        }
        stream.write(byte: 0x0A)
        for (number, step) in steps(plan, commands: commands).enumerated() {
            // Escaped before it is wrapped, so the wrap's line breaks are the only ones.
            let text = ByteStream.escaped("\(number + 1). \(step.text)", .terminal)
            stream.write(trusted: TextWrap.wrap(text, indent: 0).replacingOccurrences(of: "\n", with: "\n   "))
            stream.write(byte: 0x0A)
            if let command = step.command { stream.write("\n   \(command)\n") }
            if step.text.hasPrefix("Set the OAuth scopes") {
                var table = TextTable()
                for setting in plan.settings {
                    table.add(
                        [setting.changed ? "*" : " ", setting.name, setting.panelLevel],
                        tone: setting.changed ? .bold : .plain)
                }
                stream.write(byte: 0x0A)
                table.write(indent: "   ", style: style, to: stream)
                stream.write(byte: 0x0A)
            }
        }
        stream.write("\nAs OAuth parameters (for an app's scope list): \(plan.parameters.joined(separator: " "))\n")
        // A level BigCommerce publishes no parameter for (B2B Edition) is set by name only.
        let unlisted = plan.settings.filter { $0.changed && $0.parameter == nil }.map(\.name)
        if !unlisted.isEmpty {
            stream.write(
                "Not in that list, as BigCommerce publishes no OAuth parameter for them: \(unlisted.joined(separator: ", "))\n"
            )
        }
    }

    package static func writeJSON(
        _ plan: Plan, toolVersion: String, commands: CommandContext = CommandContext(), to stream: ByteStream
    ) {
        var w = JSONWriter(to: stream)
        w.beginObject()
        w.toolHeader(version: toolVersion)
        w.beginArray("policies")
        for policy in plan.policies {
            w.beginObject()
            w.field("id", policy.id)
            w.field("title", policy.title)
            w.source(policy.source)
            w.endObject()
        }
        w.endArray()
        w.beginObject("account")
        w.field("type", "store")
        w.field("token_type", "V2/V3 API token")
        w.field("name", plan.suggestedName)
        w.endObject()
        w.beginArray("scopes")
        for setting in plan.settings {
            w.beginObject()
            w.field("scope", setting.name)
            w.field("level", setting.panelLevel)
            w.field("parameter", setting.parameter)
            w.field("changed", setting.changed)
            w.endObject()
        }
        w.endArray()
        w.field("parameters", elements: plan.parameters)
        w.beginArray("companions")
        for companion in plan.companions {
            w.beginObject()
            w.field("title", companion.title)
            w.field("how", companion.how)
            w.endObject()
        }
        w.endArray()
        w.field(
            "steps",
            elements: steps(plan, commands: commands).map {
                [$0.text, $0.command].compactMap { $0 }.joined(separator: " ")
            })
        w.endObject()
        stream.write(byte: 0x0A)
    }
}
