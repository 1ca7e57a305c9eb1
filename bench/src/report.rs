//! BENCHMARKS.md: sections between markers, so a partial run updates only what it
//! measured; a summary of every target gathered from the sections; a hand-written
//! notes block kept as it is.

use std::{collections::BTreeMap, fmt::Write as _, path::Path};

use crate::machine::Machine;

/// Sections in the order the file shows them.
pub const ORDER: [&str; 5] = ["fee", "scoring", "api", "startup", "pdf"];

/// A target's verdict row: `| target | figure | met/missed | why |`.
pub fn target_row(target: &str, figure: &str, met: bool, why: &str) -> String {
    let verdict = if met { "met" } else { "**MISSED**" };
    format!("| {target} | {figure} | {verdict} | {why} |\n")
}

/// The header of a targets table, its rows wrapped in markers for the summary.
pub fn targets_table(rows: &str) -> String {
    format!(
        "#### Targets\n\n| target | measured | verdict | why / profile |\n|---|---|---|---|\n<!-- targets -->\n{rows}<!-- /targets -->\n"
    )
}

fn block(text: &str, key: &str) -> Option<String> {
    let open = format!("<!-- section:{key} -->\n");
    let close = format!("<!-- /section:{key} -->");
    let start = text.find(&open)? + open.len();
    let end = start + text[start..].find(&close)?;
    Some(text[start..end].to_string())
}

fn between<'t>(text: &'t str, open: &str, close: &str) -> Vec<&'t str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(close) else { break };
        found.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    found
}

/// Writes `out`, replacing the sections in `fresh` and keeping the others.
pub fn write(out: &Path, machine: &Machine, fresh: &BTreeMap<&'static str, String>) -> anyhow::Result<()> {
    let old = std::fs::read_to_string(out).unwrap_or_default();
    let mut sections: BTreeMap<&str, String> = BTreeMap::new();
    for key in ORDER {
        if let Some(text) = fresh.get(key).cloned().or_else(|| block(&old, key)) {
            sections.insert(key, text);
        }
    }
    let notes = between(&old, "<!-- notes -->\n", "<!-- /notes -->")
        .first()
        .map(|s| s.to_string())
        .unwrap_or_else(|| "_No notes yet._\n".to_string());

    let mut md = String::new();
    md.push_str("# Benchmarks\n\n");
    md.push_str(
        "Written by the benchmark harness (`bench/`, package `fairhire-bench`) from one run; \
         do not edit the measured sections by hand (the harness rewrites them) — the notes at \
         the end are kept. Every load is local (127.0.0.1) and bounded.\n\n",
    );
    md.push_str("## Reproduce\n\n```sh\n");
    md.push_str("apt-get install wrk          # Debian package, for the API throughput section\n");
    md.push_str("cargo build --release -p fairhire -p fairhire-bench\n");
    md.push_str(
        "cargo run --release -p fairhire-bench -- all            # everything, SQLite and PostgreSQL\n",
    );
    md.push_str("cargo run --release -p fairhire-bench -- fee --db postgres --size 200000\n");
    md.push_str(
        "# what: all | fee | scoring | api | startup | pdf | generate; --db sqlite|postgres; --size N (and N/10)\n",
    );
    md.push_str("# PostgreSQL: FAIRHIRE_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres);\n");
    md.push_str("# each run creates fresh fh_bench_* databases and drops them afterwards.\n```\n\n");
    md.push_str("## Machine (this run)\n\n");
    let _ = writeln!(
        md,
        "- CPU: {} × {} (`nproc` = {})",
        machine.cpus, machine.cpu_model, machine.cpus
    );
    let _ = writeln!(
        md,
        "- Memory: {:.1} GiB",
        machine.mem_total_kib as f64 / 1024.0 / 1024.0
    );
    let _ = writeln!(md, "- Kernel: {}; {}", machine.kernel, machine.rustc);
    let _ = writeln!(
        md,
        "- Load average at start: {} (a shared machine: other builds may run beside the benchmark)",
        machine.load_at_start
    );
    let _ = writeln!(
        md,
        "- Date: {}\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC")
    );

    md.push_str(
        "## Summary of targets\n\n| target | measured | verdict | why / profile |\n|---|---|---|---|\n",
    );
    for key in ORDER {
        if let Some(text) = sections.get(key) {
            for rows in between(text, "<!-- targets -->\n", "<!-- /targets -->") {
                md.push_str(rows);
            }
        }
    }
    md.push('\n');
    for key in ORDER {
        if let Some(text) = sections.get(key) {
            let _ = write!(md, "<!-- section:{key} -->\n{text}<!-- /section:{key} -->\n\n");
        }
    }
    md.push_str("## Notes\n\n<!-- notes -->\n");
    md.push_str(&notes);
    md.push_str("<!-- /notes -->\n");
    std::fs::write(out, md)?;
    Ok(())
}
