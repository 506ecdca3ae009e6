/// One self-contained page for people who review many stores: the summary and the policies used,
/// a grid of accounts by scope coloured by verdict (with a symbol and a word, never colour
/// alone), and per account its findings, its scopes against each policy and the `plan` command
/// that fixes it. No request leaves the page (inline CSS, a small inline script for the filters,
/// a Content-Security-Policy that forbids the rest); with scripts off everything is shown.
/// Every text from an input or a policy goes through the stream's HTML escape.
package enum HTMLReporter: Reporter {
    package static let identifier = "html"
    package static let summary = "one self-contained HTML page: summary, fleet grid, per-account tables"
    /// How many accounts the page draws one by one; beyond these they are only counted (per
    /// store, in the stores table), so a large fleet's page stays small enough to open.
    package struct DrawingLimits: Sendable {
        /// Accounts drawn in all, in input order.
        package var accounts = 500
        /// Of those, accounts without findings.
        package var clean = 200

        package init(accounts: Int = 500, clean: Int = 200) {
            self.accounts = accounts
            self.clean = clean
        }
    }

    package static func write(_ report: Report, options: ReportOptions, to stream: ByteStream) {
        write(report, options: options, limits: DrawingLimits(), to: stream)
    }

    /// One store's counts for the stores table: every store is listed, drawn or not.
    struct StoreLine {
        var store: AccountGroups.StoreGroup
        var withFindings = 0
        var errors = 0
        var warnings = 0
        var notes = 0
        /// The first drawn account's anchor, if any is drawn.
        var anchor: Int?
    }

    /// Accounts counted but not drawn.
    struct Undrawn {
        var clean = 0
        var withFindings = 0
        var total: Int { clean + withFindings }
    }

    /// One account as the page shows it: its findings and its tables against each policy.
    struct Entry {
        var store: AccountGroups.StoreGroup
        var group: AccountGroups.AccountGroup
        var diffs: ArraySlice<AccountDiff>
        var anchor: Int
    }

    /// The cell of the grid for one verdict: CSS class, symbol and word.
    enum Cell: CaseIterable {
        case missing, excessive, risky, accepted, asRequired

        init(_ verdict: AccountDiff.Verdict, accepted: Bool) {
            switch verdict {
            case .missing: self = .missing
            case .excessive: self = .excessive
            case .risky: self = .risky
            case .asRequired: self = accepted ? .accepted : .asRequired
            }
        }

        var cssClass: StaticString {
            switch self {
            case .missing: "vm"
            case .excessive: "vx"
            case .risky: "vr"
            case .accepted: "va"
            case .asRequired: "vo"
            }
        }

        var symbol: StaticString {
            switch self {
            case .missing: "\u{2212}"
            case .excessive: "+"
            case .risky: "!"
            case .accepted: "\u{2713}"
            case .asRequired: "="
            }
        }

        var word: StaticString {
            switch self {
            case .missing: "missing"
            case .excessive: "excessive"
            case .risky: "risky"
            case .accepted: "accepted"
            case .asRequired: "as required"
            }
        }
    }

    static func write(_ report: Report, options: ReportOptions, limits: DrawingLimits, to stream: ByteStream) {
        let diffs = report.diffs ?? []
        // Accounts and their tables come out of the engine in the same order: walk both at once.
        var entries: [Entry] = []
        var stores: [StoreLine] = []
        var undrawn = Undrawn()
        var cleanDrawn = 0
        var diffIndex = 0
        for store in AccountGroups(report).stores {
            var line = StoreLine(store: store)
            for group in store.accounts {
                while diffIndex < diffs.count, diffs[diffIndex].order < group.account.order,
                    !AccountGroups.same(diffs[diffIndex].order, group.account.order)
                {
                    diffIndex += 1
                }
                let first = diffIndex
                while diffIndex < diffs.count, AccountGroups.same(diffs[diffIndex].order, group.account.order) {
                    diffIndex += 1
                }
                for finding in group.findings {
                    switch finding.severity {
                    case .error: line.errors += 1
                    case .warning: line.warnings += 1
                    case .note: line.notes += 1
                    }
                }
                let clean = group.findings.isEmpty
                if !clean { line.withFindings += 1 }
                guard entries.count < limits.accounts, !clean || cleanDrawn < limits.clean else {
                    if clean { undrawn.clean += 1 } else { undrawn.withFindings += 1 }
                    continue
                }
                if clean { cleanDrawn += 1 }
                let anchor = entries.count + 1
                if line.anchor == nil { line.anchor = anchor }
                entries.append(Entry(store: store, group: group, diffs: diffs[first..<diffIndex], anchor: anchor))
            }
            stores.append(line)
        }

        writeHead(to: stream)
        stream.write("<body>\n<header>\n<h1>scopelint report</h1>\n<p>scopelint " as StaticString)
        stream.write(report.toolVersion, .html)
        stream.write(
            " checked API accounts' OAuth scopes against their policies. Skip to <a href=\"#summary\">summary</a>, <a href=\"#stores\">stores</a>, <a href=\"#grid\">fleet grid</a>, <a href=\"#accounts\">accounts</a>.</p>\n</header>\n<main>\n"
                as StaticString)
        writeSummary(report, diffs: diffs, to: stream)
        writeFilters(report, entries: entries, to: stream)
        writeStores(stores, to: stream)
        writeGrid(entries, undrawn: undrawn, to: stream)
        writeAccounts(entries, undrawn: undrawn, options: options, to: stream)
        if let baseline = report.baseline { writeBaseline(report, baseline, to: stream) }
        stream.write("</main>\n" as StaticString)
        stream.write(trusted: script)
        stream.write("</body>\n</html>\n" as StaticString)
    }

    // MARK: Head

    static func writeHead(to stream: ByteStream) {
        stream.write(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>scopelint report</title>

            """ as StaticString)
        stream.write(trusted: style)
        stream.write("</head>\n" as StaticString)
    }

    static let style = """
        <style>
        :root{color-scheme:light;--fg:#1c2430;--muted:#566173;--line:#d5dae1;--bg:#fff;--head:#f3f5f8}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
        header,main{max-width:1200px;margin:0 auto;padding:0 20px}
        header{padding-top:16px;border-bottom:1px solid var(--line)}
        h1{font-size:1.6em;margin:.3em 0}
        h2{font-size:1.3em;margin:1.4em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:.2em}
        h3{font-size:1.08em;margin:0 0 .3em}
        a{color:#0b57d0}
        a:focus,select:focus,button:focus{outline:3px solid #f59e0b;outline-offset:2px}
        table{border-collapse:collapse;margin:.4em 0 1em}
        caption{text-align:left;font-weight:600;padding:.3em 0;color:var(--muted)}
        th,td{border:1px solid var(--line);padding:.25em .55em;text-align:left;vertical-align:top}
        thead th{background:var(--head)}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;background:#f1f3f6;padding:.05em .3em;border-radius:3px;overflow-wrap:anywhere}
        .counts td{text-align:right;font-variant-numeric:tabular-nums}
        .counts td.t{text-align:left}
        .muted{color:var(--muted)}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .scroll{overflow-x:auto;max-width:100%}
        .grid th,.grid td{padding:.15em .35em;text-align:center;font-weight:600}
        .grid thead th{vertical-align:bottom}
        .grid td.t{text-align:left;font-weight:normal;white-space:nowrap}
        .grid tbody th{text-align:left;font-weight:normal;white-space:nowrap;max-width:22em;overflow:hidden;text-overflow:ellipsis}
        .grid thead th.s{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal;font-size:.85em;padding:.4em .1em}
        .vm{background:#f8d3d3;color:#7d1010}
        .vx{background:#ffe1b8;color:#7a3d00}
        .vr{background:#efdcff;color:#4b1f7a}
        .va{background:#d9e8ff;color:#133d7a}
        .vo{background:#e3f3e6;color:#1d5a2a}
        .vn{background:#fafafa;color:#b0b6bf}
        .legend span{display:inline-block;padding:.05em .5em;margin:0 .4em .3em 0;border-radius:3px}
        .sev-error{color:#a40e0e;font-weight:600}
        .sev-warning{color:#8a5300;font-weight:600}
        .sev-note{color:var(--muted)}
        .account{border:1px solid var(--line);border-radius:6px;padding:.7em 1em;margin:0 0 1em}
        .fix{background:#eef5ff;border-left:4px solid #0b57d0;padding:.4em .7em}
        #filters{background:var(--head);padding:.6em 1em;border-radius:6px}
        #filters label{margin-right:1em;white-space:nowrap}
        [hidden]{display:none!important}
        @media print{
        body{font-size:10.5pt}
        header,main{max-width:none;padding:0}
        #filters,.skip{display:none!important}
        .account{break-inside:avoid;border-color:#999}
        .grid thead{display:table-header-group}
        .vm,.vx,.vr,.va,.vo,.vn,.fix,code{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        a{color:inherit;text-decoration:none}
        .scroll{overflow:visible}
        }
        </style>

        """

    // MARK: Summary

    static func writeSummary(_ report: Report, diffs: [AccountDiff], to stream: ByteStream) {
        let s = report.summary
        var acceptedRisks = 0
        // Policies in the order first used, each with its source and how many accounts use it.
        var policies: [(policy: ResolvedPolicy, accounts: Int)] = []
        var position: [String: Int] = [:]
        for diff in diffs {
            if let policy = diff.policy {
                if let index = position[policy.id] {
                    policies[index].accounts += 1
                } else {
                    position[policy.id] = policies.count
                    policies.append((policy, 1))
                }
            }
            for mark in diff.marks where mark.accepted && mark.verdict == .asRequired { acceptedRisks += 1 }
        }
        stream.write(
            "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<table class=\"counts\">\n<caption>What was checked and found</caption>\n<tbody>\n"
                as StaticString)
        let rows: [(StaticString, Int, StaticString)] = [
            ("Stores", s.stores, ""), ("API accounts", s.accounts, ""), ("Errors", s.errors, "sev-error"),
            ("Warnings", s.warnings, "sev-warning"), ("Notes", s.notes, "sev-note"),
            ("Accepted risks (by their policy)", acceptedRisks, ""),
        ]
        for (label, count, css) in rows {
            stream.write("<tr><th scope=\"row\">" as StaticString)
            stream.write(label)
            stream.write("</th><td" as StaticString)
            if css.utf8CodeUnitCount > 0 {
                stream.write(" class=\"" as StaticString)
                stream.write(css)
                stream.write("\"" as StaticString)
            }
            stream.write(">" as StaticString)
            stream.write(count)
            stream.write("</td></tr>\n" as StaticString)
        }
        if let suppressed = s.suppressed {
            stream.write("<tr><th scope=\"row\">Accepted by the baseline</th><td>\(suppressed)</td></tr>\n")
        }
        stream.write("</tbody>\n</table>\n" as StaticString)
        if !policies.isEmpty {
            stream.write(
                "<table>\n<caption>Policies used</caption>\n<thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">Title</th><th scope=\"col\">Source</th><th scope=\"col\">Accounts</th></tr></thead>\n<tbody>\n"
                    as StaticString)
            for (policy, accounts) in policies {
                stream.html(
                    "<tr><th scope=\"row\"><code>\(policy.id)</code></th><td>\(policy.title)</td><td>\(policy.source?.line ?? "(none given)")</td><td>\(accounts)</td></tr>\n"
                )
            }
            stream.write("</tbody>\n</table>\n" as StaticString)
        }
        stream.write("</section>\n" as StaticString)
    }

    // MARK: Filters

    static func writeFilters(_ report: Report, entries: [Entry], to stream: ByteStream) {
        var rules: [RuleID] = []
        var severities: Set<Severity> = []
        var policies: [String] = []
        var stores: [String] = []
        for entry in entries {
            if stores.last != entry.store.store && !stores.contains(entry.store.store) {
                stores.append(entry.store.store)
            }
            for policy in entry.group.account.policies where !policies.contains(policy) { policies.append(policy) }
            for finding in entry.group.findings {
                severities.insert(finding.severity)
                if !rules.contains(finding.rule) { rules.append(finding.rule) }
            }
        }
        // Without scripts the filters could not work, so the script shows them.
        stream.write(
            "<form id=\"filters\" role=\"search\" aria-label=\"Filter accounts and findings\" hidden>\n<strong>Show only:</strong>\n"
                as StaticString)
        func select(_ name: StaticString, _ label: StaticString, _ values: [String]) {
            stream.write("<label>" as StaticString)
            stream.write(label)
            stream.write(" <select name=\"" as StaticString)
            stream.write(name)
            stream.write("\"><option value=\"\">all</option>" as StaticString)
            for value in values { stream.html("<option value=\"\(value)\">\(value)</option>") }
            stream.write("</select></label>\n" as StaticString)
        }
        select("severities", "Severity", [Severity.error, .warning, .note].filter(severities.contains).map(\.rawValue))
        select("rules", "Rule", rules.sorted { $0.rawValue < $1.rawValue }.map(\.rawValue))
        select("policies", "Policy", policies)
        select("store", "Store", stores)
        stream.write("<output id=\"shown\" aria-live=\"polite\"></output>\n</form>\n" as StaticString)
    }

    /// Shows the filters and hides what they exclude: every element with `data-…` values one
    /// filter names is hidden when it lacks the chosen value. No markup is built from data.
    static let script = """
        <script>
        (function(){
        var form=document.getElementById("filters");form.hidden=false;
        var selects=form.querySelectorAll("select");
        function apply(){
        var shown=0,total=0;
        document.querySelectorAll("[data-f]").forEach(function(el){
        var ok=true;
        selects.forEach(function(s){
        if(!s.value)return;var v=el.getAttribute("data-"+s.name);
        if(v===null)return;
        if(s.name==="store"?v!==s.value:v.split(" ").indexOf(s.value)<0)ok=false;
        });
        el.hidden=!ok;
        if(el.classList.contains("account")){total++;if(ok)shown++;}
        });
        document.getElementById("shown").textContent=shown+" of "+total+" accounts shown";
        }
        selects.forEach(function(s){s.addEventListener("change",apply);});
        apply();
        })();
        </script>

        """

    /// `data-…` attributes the filters read: store, policies, severities and rules present.
    static func writeFilterData(
        store: String?, policies: [String], findings: ArraySlice<Finding>, to stream: ByteStream
    ) {
        stream.write(" data-f" as StaticString)
        if let store { stream.html(" data-store=\"\(store)\"") }
        if !policies.isEmpty {
            stream.write(" data-policies=\"" as StaticString)
            for (index, policy) in policies.enumerated() {
                if index > 0 { stream.write(byte: 0x20) }
                stream.write(policy, .html)
            }
            stream.write(byte: UInt8(ascii: "\""))
        }
        var severities: [Severity] = []
        var rules: [RuleID] = []
        for finding in findings {
            if !severities.contains(finding.severity) { severities.append(finding.severity) }
            if !rules.contains(finding.rule) { rules.append(finding.rule) }
        }
        stream.write(" data-severities=\"" as StaticString)
        stream.write(trusted: severities.map(\.rawValue).joined(separator: " "))
        stream.write("\" data-rules=\"" as StaticString)
        stream.write(trusted: rules.map(\.rawValue).joined(separator: " "))
        stream.write(byte: UInt8(ascii: "\""))
    }

    // MARK: Grid

    static func writeGrid(_ entries: [Entry], undrawn: Undrawn, to stream: ByteStream) {
        // Columns: the scopes any drawn account holds or is told to add, in control-panel order.
        var shown: Set<ScopeID> = []
        var marks: [[(scope: ScopeID, verdict: AccountDiff.Verdict, accepted: Bool, held: Bool)]] = []
        for entry in entries {
            for diff in entry.diffs {
                let cells = diff.marks
                for mark in cells where mark.held || mark.verdict != .asRequired { shown.insert(mark.scope) }
                marks.append(cells)
            }
        }
        stream.write(
            "<section id=\"grid\" aria-labelledby=\"grid-h\">\n<h2 id=\"grid-h\">Fleet grid</h2>\n" as StaticString)
        guard !shown.isEmpty else {
            stream.write("<p>No account has scopes to compare.</p>\n</section>\n" as StaticString)
            return
        }
        // Names come from the tables' own rows, once per column.
        var names: [ScopeID: String] = [:]
        for entry in entries where names.count < shown.count {
            for diff in entry.diffs where names.count < shown.count {
                for row in diff.rows where shown.contains(row.scope) { names[row.scope] = row.name }
            }
        }
        let columns = shown.sorted()
        stream.write(
            "<p class=\"legend\">Each cell is the account's level of a scope against its policy: " as StaticString)
        for cell in Cell.allCases {
            stream.write("<span class=\"" as StaticString)
            stream.write(cell.cssClass)
            stream.write("\">" as StaticString)
            stream.write(cell.symbol)
            stream.write(byte: 0x20)
            stream.write(cell.word)
            stream.write("</span>" as StaticString)
        }
        stream.write(
            "<span class=\"vn\">not compared</span> (a scope of the other account kind).</p>\n<div class=\"scroll\">\n<table class=\"grid\">\n<caption>Accounts (rows) by scope (columns), in the control panel's order</caption>\n<thead><tr><th scope=\"col\">Store</th><th scope=\"col\">Account</th><th scope=\"col\">Policy</th><th scope=\"col\">Findings</th>"
                as StaticString)
        for column in columns { stream.html("<th scope=\"col\" class=\"s\">\(names[column] ?? "")</th>") }
        stream.write("</tr></thead>\n<tbody>\n" as StaticString)
        var markIndex = 0
        var cells: [Cell?] = Array(repeating: nil, count: columns.count)
        var column: [ScopeID: Int] = [:]
        for (index, id) in columns.enumerated() { column[id] = index }
        for entry in entries {
            for diff in entry.diffs {
                let row = marks[markIndex]
                markIndex += 1
                for index in cells.indices { cells[index] = nil }
                for mark in row {
                    if let index = column[mark.scope] { cells[index] = Cell(mark.verdict, accepted: mark.accepted) }
                }
                stream.write("<tr" as StaticString)
                writeFilterData(
                    store: entry.store.store, policies: diff.policy.map { [$0.id] } ?? [],
                    findings: entry.group.findings,
                    to: stream)
                stream.html(
                    "><td class=\"t\">\(entry.store.store)</td><th scope=\"row\"><a href=\"#a\(entry.anchor)\">\(diff.account)</a></th><td class=\"t\">\(diff.policy?.id ?? "")</td><td class=\"t\">\(own: counts(entry.group.findings))</td>"
                )
                for cell in cells {
                    guard let cell else {
                        stream.write("<td class=\"vn\"><span class=\"sr\">not compared</span></td>" as StaticString)
                        continue
                    }
                    stream.write("<td class=\"" as StaticString)
                    stream.write(cell.cssClass)
                    stream.write("\">" as StaticString)
                    stream.write(cell.symbol)
                    stream.write("<span class=\"sr\"> " as StaticString)
                    stream.write(cell.word)
                    stream.write("</span></td>" as StaticString)
                }
                stream.write("</tr>\n" as StaticString)
            }
        }
        stream.write("</tbody>\n</table>\n</div>\n" as StaticString)
        writeUndrawn(undrawn, to: stream)
        stream.write("</section>\n" as StaticString)
    }

    /// "2 errors, 1 warning" (only the severities present), or "none".
    static func counts(_ findings: ArraySlice<Finding>) -> String {
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        let words = [Severity.error, .warning, .note].compactMap { severity in
            counts[severity].map { plural($0, severity.rawValue) }
        }
        return words.isEmpty ? "none" : words.joined(separator: ", ")
    }

    /// What was counted but not drawn, and where to see it.
    static func writeUndrawn(_ undrawn: Undrawn, to stream: ByteStream) {
        guard undrawn.total > 0 else { return }
        stream.write("<p class=\"undrawn\">Not drawn, to keep the page small enough to open: " as StaticString)
        if undrawn.withFindings > 0 {
            stream.write(
                "\(own: plural(undrawn.withFindings, "account")) with findings (the stores table counts them; the text and JSON reports list every finding)"
            )
            if undrawn.clean > 0 { stream.write(" and " as StaticString) }
        }
        if undrawn.clean > 0 {
            stream.write("\(own: plural(undrawn.clean, "account")) without findings, counted, not drawn")
        }
        stream.write(".</p>\n" as StaticString)
    }

    // MARK: Stores

    /// Every store with its counts, drawn or not: the fleet at a glance, and the way to the rest.
    static func writeStores(_ stores: [StoreLine], to stream: ByteStream) {
        stream.write(
            "<section id=\"stores\" aria-labelledby=\"stores-h\">\n<h2 id=\"stores-h\">Stores</h2>\n<div class=\"scroll\">\n<table class=\"counts\">\n<caption>Each store's accounts and findings</caption>\n<thead><tr><th scope=\"col\">Store</th><th scope=\"col\">Name</th><th scope=\"col\">Accounts</th><th scope=\"col\">With findings</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Notes</th></tr></thead>\n<tbody>\n"
                as StaticString)
        for line in stores {
            stream.html("<tr data-f data-store=\"\(line.store.store)\"><th scope=\"row\">")
            if let anchor = line.anchor {
                stream.html("<a href=\"#a\(own: String(anchor))\">\(line.store.store)</a>")
            } else {
                stream.write(line.store.store, .html)
            }
            stream.html(
                "</th><td class=\"t\">\(line.store.name ?? "")</td><td>\(line.store.accounts.count)</td><td>\(line.withFindings)</td><td>\(line.errors)</td><td>\(line.warnings)</td><td>\(line.notes)</td></tr>\n"
            )
        }
        stream.write("</tbody>\n</table>\n</div>\n</section>\n" as StaticString)
    }

    // MARK: Accounts

    static func writeAccounts(_ entries: [Entry], undrawn: Undrawn, options: ReportOptions, to stream: ByteStream) {
        stream.write(
            "<section id=\"accounts\" aria-labelledby=\"accounts-h\">\n<h2 id=\"accounts-h\">Accounts</h2>\n"
                as StaticString)
        for entry in entries {
            let account = entry.group.account
            stream.write("<section class=\"account\" id=\"a\(own: String(entry.anchor))\"")
            writeFilterData(
                store: entry.store.store, policies: account.policies, findings: entry.group.findings, to: stream)
            stream.write(
                " aria-labelledby=\"a\(own: String(entry.anchor))-h\">\n<h3 id=\"a\(own: String(entry.anchor))-h\">")
            AccountGroups.writeStoreTitle(entry.store, .html, to: stream)
            stream.html(" \u{203A} Account \u{201C}\(account.account)\u{201D}</h3>\n")
            stream.html("<p class=\"muted\">\(TextReporter.describe(account)); ")
            writeLocation(account.location, to: stream)
            stream.write("</p>\n" as StaticString)
            let findings = entry.group.findings
            if findings.isEmpty {
                stream.write("<p>No findings.</p>\n" as StaticString)
            } else {
                stream.write(
                    "<table>\n<caption>Findings</caption>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Finding</th><th scope=\"col\">Rule</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n"
                        as StaticString)
                for finding in findings {
                    stream.write("<tr" as StaticString)
                    writeFilterData(
                        store: nil, policies: finding.policy.map { [$0] } ?? [], findings: [finding], to: stream)
                    stream.write(
                        "><td class=\"sev-\(own: finding.severity.rawValue)\">\(own: finding.severity.rawValue)</td><td>"
                    )
                    stream.write(finding.message, .html)
                    stream.write("</td><td><code>\(own: finding.rule.rawValue)</code></td><td>")
                    if let location = finding.location { writeLocation(location, to: stream) }
                    stream.write("</td></tr>\n" as StaticString)
                }
                stream.write("</tbody>\n</table>\n" as StaticString)
            }
            for diff in entry.diffs { writeDiff(diff, to: stream) }
            if let command = AccountGroups.planCommand(
                for: findings, failOn: options.failOn, commands: options.commands)
            {
                stream.html(
                    "<p class=\"fix\"><strong>Fix:</strong> store-level scopes cannot be edited; <code>\(command)</code> prints the checklist for a replacement account.</p>\n"
                )
            }
            stream.write("</section>\n" as StaticString)
        }
        writeUndrawn(undrawn, to: stream)
        stream.write("</section>\n" as StaticString)
    }

    /// The account's scopes against one policy, as `diff INPUT` shows them: the rows that differ
    /// or carry a risk, and a count of the rest.
    static func writeDiff(_ diff: AccountDiff, to stream: ByteStream) {
        guard let policy = diff.policy else { return }
        let rows = diff.rows
        stream.html(
            "<table>\n<caption>Scopes against policy <code>\(policy.id)</code> (\(policy.title))</caption>\n<thead><tr><th scope=\"col\">Scope</th><th scope=\"col\">Policy level</th><th scope=\"col\">Actual level</th><th scope=\"col\">Verdict</th></tr></thead>\n<tbody>\n"
        )
        var folded = 0
        for row in rows {
            let cell = Cell(row.verdict, accepted: row.acceptedBecause != nil)
            if cell == .asRequired {
                folded += 1
                continue
            }
            stream.html(
                "<tr><th scope=\"row\">\(row.name)</th><td>\(row.policy)</td><td>\(row.actual)</td><td class=\"")
            stream.write(cell.cssClass)
            stream.write("\">" as StaticString)
            stream.write(cell.symbol)
            stream.write(byte: 0x20)
            stream.write(cell.word)
            if let target = row.target { stream.html(": set \(target)") }
            if let because = row.acceptedBecause { stream.html(": \(because)") }
            stream.write("</td></tr>\n" as StaticString)
        }
        if folded > 0 {
            stream.write(
                "<tr><td colspan=\"4\" class=\"muted\">\(own: folded == rows.count ? "all " : "")\(own: plural(folded, "scope")) as required</td></tr>\n"
            )
        }
        stream.write("</tbody>\n</table>\n" as StaticString)
    }

    static func writeLocation(_ location: SourceLocation, to stream: ByteStream) {
        stream.html("<code>\(location.file):\(own: String(location.line)):\(own: String(location.column))</code>")
    }

    // MARK: Baseline

    static func writeBaseline(_ report: Report, _ baseline: Report.BaselineOutcome, to stream: ByteStream) {
        stream.html(
            "<section id=\"baseline\" aria-labelledby=\"baseline-h\">\n<h2 id=\"baseline-h\">Baseline</h2>\n<p><code>\(baseline.file)</code>: \(own: plural(report.suppressed.count, "finding")) accepted.</p>\n"
        )
        if !baseline.notices.isEmpty {
            stream.write("<ul>\n" as StaticString)
            for notice in baseline.notices {
                stream.html("<li>line \(own: String(notice.position.line)): \(notice.message)</li>\n")
            }
            stream.write("</ul>\n" as StaticString)
        }
        stream.write("</section>\n" as StaticString)
    }
}

extension ByteStream {
    /// A line of the page: the literal parts are markup, the interpolated strings data, escaped
    /// for HTML. (`write(_:_:)` with a literal would take the whole literal as data.)
    fileprivate func html(_ text: StreamText) { write(text, .html) }
}
