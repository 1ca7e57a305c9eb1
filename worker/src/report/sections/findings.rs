//! Findings grouped by indicator, with severity, evidence and status, after a
//! chart of findings by severity.

use std::collections::BTreeMap;

use domain::{entities::finding, reports::ReportData};

use super::{severity_color, severity_rank};
use crate::report::{
    canvas::{Canvas, Style},
    charts::{self, Bar},
    i18n::{t, value},
    table::Table,
};

/// The section.
pub fn draw(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "findings"));
    if data.findings.is_empty() {
        canvas.paragraph(&t(locale, "no_findings"), Style::BODY);
        return;
    }
    canvas.subsection(&t(locale, "findings_by_severity"), 70.0);
    let bars: Vec<Bar> = ["priority", "major", "minor", "observation"]
        .into_iter()
        .map(|severity| {
            let count = data.findings.iter().filter(|f| f.severity == severity).count();
            Bar {
                label: value(locale, severity),
                value: count as f64,
                shown: count.to_string(),
                color: severity_color(severity),
            }
        })
        .filter(|b| b.value > 0.0 || b.label != value(locale, "observation"))
        .collect();
    charts::bars(canvas, &bars, None);

    let mut by_indicator: BTreeMap<&str, Vec<&finding::Model>> = BTreeMap::new();
    for f in &data.findings {
        by_indicator.entry(f.indicator.as_str()).or_default().push(f);
    }
    for (indicator, mut group) in by_indicator {
        group.sort_by_key(|f| (severity_rank(&f.severity), f.created_at));
        let name = data
            .indicator_names
            .get(indicator)
            .cloned()
            .unwrap_or_else(|| indicator.replace('_', " "));
        canvas.subsection(&format!("{name} ({})", group.len()), 50.0);
        let mut table = Table::new(
            &[
                &t(locale, "finding"),
                &t(locale, "severity"),
                &t(locale, "evidence"),
                &t(locale, "status"),
            ],
            &[4.2, 1.3, 3.2, 1.1],
        );
        for f in group {
            let severity = if f.zero_tolerance {
                format!(
                    "{} · {}",
                    value(locale, &f.severity),
                    &t(locale, "zero_tolerance_tag")
                )
            } else {
                value(locale, &f.severity)
            };
            let mut evidence = value(locale, &f.source);
            if let Some(key) = &f.question_key {
                evidence.push_str(&format!(" · {key}"));
            }
            if !f.detail.is_empty() {
                evidence.push_str(&format!("\n{}", f.detail));
            }
            table.row(vec![
                f.title.clone(),
                severity,
                evidence,
                value(locale, &f.status),
            ]);
        }
        table.draw(canvas);
    }
}
