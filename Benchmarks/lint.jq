# Baseline for the benchmark (Benchmarks/run): scopelint's lint of a fleet, in jq 1.6.
#
#   jq -f Benchmarks/lint.jq --slurpfile policies Benchmarks/policies.json FLEET.json > out.json
#
# What one would write without scopelint, the jq way; the same lint as Benchmarks/lint.py, with
# the same findings in the same order. A yardstick for scopelint's speed and memory, NOT a
# replacement for it. It reads only the shape scopelint-fleet writes:
#
#   {"format", "exported_at", "generator", "stores": [{"store_hash", "name", "accounts": [
#       {"name", "type", "client_id", "scopes": {"<UI name>": "<level name>", ...}}]}]}
#
# (scopes not listed are level 0). No other input shape, no JSON5, no aliases or misspellings,
# no validation (an unknown scope or level gives wrong findings or a jq error), no positions in
# findings, and only the policies in policies.json (modern-retail, stone-edge, least-privilege
# for the rest); an account is checked against the first integration policy its name matches.
# Rules: missing-scope, excessive-scope, risky-scope and unmatched-account, with scopelint's
# message texts. The report has scopelint's JSON shape minus "location". Exits 1 (after printing
# the report) if any finding is an error, as scopelint does.

# applies_to account-name globs (`*` any run, `?` one character) as one anchored regex, matched
# with the "i" flag (case ignored, as scopelint does).
def glob_regex:
  map(gsub("(?<c>[\\\\.+^$|(){}\\[\\]])"; "\\\(.c)") | gsub("\\*"; ".*") | gsub("\\?"; "."))
  | "\\A(?:" + join("|") + ")\\z";

$policies[0] as $table

# Per scope name: catalog index (control-panel order), level names, and level name -> rank.
| ($table.scopes | to_entries | map({key: .value.name, value: {
      i: .key, levels: .value.levels,
      rank: (.value.levels | to_entries | map({key: .value, value: .key}) | from_entries)}})
   | from_entries) as $cat

# Each policy, reshaped once for lookups by scope name.
| ($table.policies | map({
      id, title, integration, types,
      re: (if .integration then .account_names | glob_regex else null end),
      # Only scopes with a minimum can be missing: checked for every account, in catalog order.
      required: [.bounds[] | select(.min > 0)],
      max: (.bounds | map({key: .scope, value: .}) | from_entries),
      # Per scope, rows by rising level: the last one at or below the level wins.
      risks: (.risks | group_by(.scope) | map({key: .[0].scope, value: sort_by(.level)}) | from_entries),
      accepts: (.accepts | map({key: .scope, value: .reason}) | from_entries),
      # Who a non-accepted risk message tells to justify the level.
      who: (if .integration then .title else "the integration using this account" end)
    })) as $all
| [$all[] | select(.integration)] as $integrations
| ($all[] | select(.id == $table.fallback)) as $fallback

| [ .stores[]
    | (.store_hash // .name) as $store
    | .accounts[]
    | .name as $name
    | .scopes as $scopes
    | ((.type // "store") as $type
       | first($integrations[] | select(.re as $re | any(.types[]; . == $type) and ($name | test($re; "i"))))
       // null) as $matched
    | ($matched // $fallback) as $p

    # missing-scope: a required scope below the policy's minimum (absent means level 0).
    | ( $p.required[]
        | . as $b
        | ($cat[$b.scope].rank[$scopes[$b.scope] // ""] // 0) as $actual
        | select($actual < $b.min)
        | $cat[$b.scope].levels[$actual] as $have
        | {rule: "missing-scope", severity: "error", store: $store, account: $name, policy: $p.id,
           scope: $b.scope, expected: $b.min_name, actual: $have,
           message: "\($b.scope) is \($have) but \($p.title) needs \($b.min_name); without it the integration's \($b.scope) calls fail with 403."} ),

      # The granted scopes (level above 0), in catalog order, for the two rules below.
      ( [ $scopes | to_entries[]
          | $cat[.key] as $c
          | {scope: .key, i: $c.i, actual: $c.rank[.value], have: .value}
          | select(.actual > 0) ]
        | sort_by(.i) as $granted

        # excessive-scope: above the policy's maximum.
        | ( $granted[]
            | . as $g
            | $p.max[$g.scope] as $b
            | select($g.actual > $b.max)
            | {rule: "excessive-scope", severity: "error", store: $store, account: $name, policy: $p.id,
               scope: $g.scope, expected: $b.max_name, actual: $g.have,
               message: "\($g.scope) is \($g.have) but \($p.title) needs at most \($b.max_name); set \($g.scope) to \($b.max_name) in the replacement API account."} ),

          # risky-scope: the highest risk row at or below the level; a note when accepted.
          ( $granted[]
            | . as $g
            | ([($p.risks[$g.scope] // [])[] | select(.level <= $g.actual)] | last) as $risk
            | select($risk != null)
            | $p.accepts[$g.scope] as $reason
            | {rule: "risky-scope",
               severity: (if $reason == null then $risk.severity else "note" end),
               store: $store, account: $name, policy: $p.id, scope: $g.scope, actual: $g.have,
               message: (if $reason == null
                         then "\($g.scope) at \($g.have) \($risk.harm). Set it to \($cat[$g.scope].levels[0]) unless \($p.who) needs it; if it does, record why under \"accepts\" in its policy."
                         else "\($g.scope) at \($g.have) \($risk.harm). Accepted by \($p.id): \($reason)" end)} ) ),

      # unmatched-account: no integration policy matched; least-privilege alone was checked.
      ( select($matched == null)
        | {rule: "unmatched-account", severity: "note", store: $store, account: $name, policy: $p.id,
           message: "No integration policy matches '\($name)'; only the least-privilege risk checks ran. Pass --policy ID for the integration that uses it (scopelint policies list)."} )
  ] as $findings

| (reduce $findings[].severity as $s ({error: 0, warning: 0, note: 0}; .[$s] += 1)) as $counts
| {
    tool: {name: "scopelint-baseline-jq", version: "0.1.0"},
    findings: $findings,
    summary: {errors: $counts.error, warnings: $counts.warning, notes: $counts.note,
              stores: (.stores | length), accounts: ([.stores[].accounts | length] | add // 0)}
  }
# The report first, then exit 1 when it holds an error (halt_error prints "" to standard error).
| ., (if .summary.errors > 0 then "" | halt_error(1) else empty end)
