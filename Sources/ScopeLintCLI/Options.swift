import ScopeLint

/// Every option of every command, declared once: the command's spec lists it, and the command
/// reads its value back with the same declaration (`arguments.value(Options.color)`).
enum Options {
    static let policy = OptionSpec(
        "policy", value: "id|file", repeatable: true, help: "A bundled or --policies id, or a policy file.")
    static let policies = OptionSpec(
        "policies", value: "dir", repeatable: true, help: "Also load the policy files (.json, .json5) in this folder.")
    static let config = OptionSpec(
        "config", value: "file",
        help:
            "Read settings from this file instead of the .scopelint.json or .scopelint.json5 found in this folder or a parent up to the repository root."
    )
    static let color = OptionSpec(
        "color", value: "when", choices: ["auto", "always", "never"], defaultValue: "auto",
        help: "Color the text output; auto colors only on a terminal without NO_COLOR.")
    static let failOn = OptionSpec(
        "fail-on", value: "severity", choices: FailThreshold.names, defaultValue: "error",
        help: "Exit 1 when a finding is at or above this severity.")

    // Reading inputs.
    static let from = OptionSpec(
        "from", value: "format", choices: InputFormat.identifiers,
        help: "Read every input as this shape instead of detecting it.")
    static let store = OptionSpec(
        "store", value: "hash",
        help:
            "The store hash, for inputs that do not name one (scope strings, lists, CSV without a store column); an input naming another store is an error."
    )
    static let account = OptionSpec(
        "account", value: "name",
        help: "The account name, for inputs that do not name one; an input naming another account is an error.")
    static let input = [from, store, account]

    // lint
    static let reportFormat = OptionSpec(
        "format", value: "format", repeatable: true, choices: Reporters.identifiers, defaultValue: "text",
        help:
            "Output format. Repeat for several reports: each goes to the --output after it, or to standard output when none follows."
    )
    static let reportOutput = OptionSpec(
        "output", short: "o", value: "file", repeatable: true,
        help:
            "Write the report of the --format before it (text, when none is before it) to this file, replaced atomically; '-' is standard output."
    )
    static let baseline = OptionSpec(
        "baseline", value: "file", help: "Accept the findings this baseline lists (until their expiry dates).")
    static let verbose = OptionSpec(
        "verbose", help: "The text report also lists accepted risks and normalized spellings (it always counts them).")
    static let writeBaseline = OptionSpec(
        "write-baseline", value: "file",
        help: "Record the findings of this run as a baseline file; the run then exits 0 (2 when it cannot run).")

    // diff and plan
    static let textOrJSON = OptionSpec(
        "format", value: "format", choices: ["text", "json"], defaultValue: "text", help: "Output format.")
    static let all = OptionSpec("all", help: "Show every scope, not only those that differ.")
    static let failOnEscalation = OptionSpec(
        "fail-on-escalation",
        help: "With OLD NEW: exit 1 when any access grew (a raised level, a new account with any scope).")
    static let planPolicy = OptionSpec(
        "policy", value: "id|file", repeatable: true, required: true,
        help: "A policy the account must satisfy.")

    // convert
    static let exportOutput = OptionSpec(
        "output", short: "o", value: "file",
        help: "Write the export to this file (replaced atomically) instead of standard output; '-' is standard output.")
    static let keepClientID = OptionSpec(
        "keep-client-id", help: "Keep each account's client id (not a secret, but an identifier).")

    // policies generate
    static let usageFrom = OptionSpec(
        "from", value: "format", choices: UsageFormat.allCases.map(\.rawValue),
        help: "Read every usage input as this shape instead of detecting it.")
    static let policyID = OptionSpec(
        "id", value: "id", defaultValue: "generated",
        help: "The generated policy's id: lower-case letters, digits and '-'.")
    static let policyTitle = OptionSpec(
        "title", value: "text", help: "The generated policy's title (default: API usage of the inputs).")
    static let policySource = OptionSpec(
        "source", value: "text|url",
        help: "Where the usage came from: an http(s) address is written as the source's url, other text as its title.")
    static let policyOutput = OptionSpec(
        "output", short: "o", value: "file",
        help: "Write the policy to this file (replaced atomically) instead of standard output; '-' is standard output.")
    static let strict = OptionSpec(
        "strict", help: "Exit 2, not 1, when a call cannot be mapped to an operation (the policy is still written).")
    static let against = OptionSpec(
        "against", value: "id|file",
        help:
            "Compare the usage with this policy instead of writing one: what it allows that no call needs, and what the calls need that it does not allow (exit 1)."
    )
    static let againstFormat = OptionSpec(
        "format", value: "format", choices: ["text", "json"], defaultValue: "text",
        help: "With --against: the comparison's format.")
}
