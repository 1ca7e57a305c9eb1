//! The PDF report render (issue 7, acceptance 3): the demo report (`fairhire
//! demo`, ~15 pages) rendered N times by `worker::report::render`, beside
//! WeasyPrint rendering an HTML version of the same report (same sections, tables
//! and charts as inline SVG) that `bench/pdf/weasyprint_report.py` builds from the
//! same data, written here as JSON. Both timed in the same run, on the same machine.
//!
//! Also a worker-voice poster per language of the voice catalogue (one A4 page in
//! its script: shaping, fallback fonts, subsetting), beside WeasyPrint rendering
//! the same poster as HTML (`bench/pdf/weasyprint_poster.py`) in the same faces.

use std::{path::Path, process::Command, time::Instant};

use anyhow::{Context, anyhow};
use domain::{
    fee_audit::engine::{format_money, format_number},
    reports::ReportData,
    values::Locale,
};
use rust_decimal::{Decimal, prelude::FromPrimitive};
use serde_json::{Value, json};
use worker::report::{
    self,
    i18n::{date, t, value},
};

use crate::stats::Samples;

/// The measured figures.
pub struct PdfFigures {
    /// Pages of our PDF.
    pub pages: usize,
    /// Its size, bytes.
    pub bytes: usize,
    /// Seconds per render, the subset fonts kept from the renders before (the
    /// same report again: every subset is found).
    pub ours: Samples,
    /// Seconds per render with no subset kept (as a report of another supplier,
    /// or the first of a process, renders).
    pub ours_cold: Samples,
    /// Seconds to parse every embedded face (a render parses only those it uses).
    pub fonts: Samples,
    /// Pages of WeasyPrint's PDF.
    pub weasy_pages: usize,
    /// Its size, bytes.
    pub weasy_bytes: usize,
    /// Seconds per render (HTML built from the JSON, laid out, written).
    pub weasy: Samples,
    /// WeasyPrint's version.
    pub weasy_version: String,
}

/// The demo report's data, seeded into a fresh SQLite database under `scratch`
/// (dropped again before returning).
async fn demo_report_data(scratch: &Path) -> anyhow::Result<(crate::env::BenchDb, ReportData)> {
    let db = crate::env::BenchDb::fresh(crate::env::DbKind::Sqlite, scratch, "pdf").await?;
    let files = domain::files::FileStore::from_url(&format!("file://{}/files", db.dir.display()))
        .map_err(|e| anyhow!("file store: {e}"))?;
    fairhire::demo::seed(&db.db, "http://127.0.0.1:8080", &files).await?;
    let report_row = {
        use sea_orm::EntityTrait;
        domain::entities::report::Entity::find()
            .one(&db.db)
            .await?
            .context("the demo made no report")?
    };
    let data = domain::reports::load_report_data(&db.db, report_row.id).await?;
    Ok((db, data))
}

/// Renders the demo report `runs` times and prints pages, size and the median
/// time: a loop to profile (callgrind counts instructions, which the shared
/// machine's load does not move).
pub async fn profile(scratch: &Path, runs: usize) -> anyhow::Result<()> {
    let (db, data) = demo_report_data(scratch).await?;
    db.drop_db().await?;
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let rendered = report::render(&data)?;
        times.push(start.elapsed());
        last = Some(rendered);
    }
    let rendered = last.context("no render (--size 0)")?;
    let median = Samples::of_durations(&times).median();
    println!(
        "{} pages, {} bytes, median {:.2} ms over {runs} renders",
        rendered.pages.len(),
        rendered.bytes.len(),
        median * 1000.0
    );
    Ok(())
}

/// Seeds the demo into a fresh SQLite database under `scratch`, renders its report
/// `runs` times, writes the JSON and runs the WeasyPrint script on it.
pub async fn measure(scratch: &Path, runs: usize) -> anyhow::Result<PdfFigures> {
    let (db, data) = demo_report_data(scratch).await?;
    // One warm-up, then the timed renders.
    let first = report::render(&data)?;
    let pdf_path = db.dir.join("fairhire-report.pdf");
    std::fs::write(&pdf_path, &first.bytes)?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let rendered = report::render(&data)?;
        times.push(start.elapsed());
        anyhow::ensure!(rendered.bytes == first.bytes, "renders differ");
    }
    let mut cold_times = Vec::with_capacity(runs);
    for _ in 0..runs {
        report::forget_kept_subsets();
        let start = Instant::now();
        let rendered = report::render(&data)?;
        cold_times.push(start.elapsed());
        anyhow::ensure!(rendered.bytes == first.bytes, "renders differ");
    }
    let mut font_times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let fonts = report::fonts::Fonts::load_all()?;
        font_times.push(start.elapsed());
        drop(fonts);
    }
    let json_path = db.dir.join("report.json");
    std::fs::write(&json_path, serde_json::to_vec_pretty(&report_json(&data))?)?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("pdf/weasyprint_report.py");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../worker/fonts");
    let weasy_pdf = db.dir.join("weasyprint-report.pdf");
    let python = python();
    let output = Command::new(&python)
        .arg(&script)
        .arg(&json_path)
        .arg("--fonts")
        .arg(&fonts)
        .arg("--runs")
        .arg(runs.to_string())
        .arg("--out")
        .arg(&weasy_pdf)
        .output()
        .with_context(|| format!("running {python} {}", script.display()))?;
    anyhow::ensure!(
        output.status.success(),
        "{} failed (pip install weasyprint?): {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).context("the script's JSON")?;
    let weasy: Vec<f64> = result["seconds"]
        .as_array()
        .context("seconds")?
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    let figures = PdfFigures {
        pages: first.pages.len(),
        bytes: first.bytes.len(),
        ours: Samples::of_durations(&times),
        ours_cold: Samples::of_durations(&cold_times),
        fonts: Samples::of_durations(&font_times),
        weasy_pages: result["pages"].as_u64().unwrap_or(0) as usize,
        weasy_bytes: result["bytes"].as_u64().unwrap_or(0) as usize,
        weasy: Samples(weasy),
        weasy_version: result["version"].as_str().unwrap_or("?").to_string(),
    };
    db.drop_db().await?;
    Ok(figures)
}

fn number(locale: Locale, value: f64, places: u32) -> String {
    format_number(Decimal::from_f64(value).unwrap_or_default(), places, locale)
}

/// Everything the report shows, formatted for its locale as the PDF shows it.
fn report_json(data: &ReportData) -> Value {
    let l = data.locale;
    let labels: serde_json::Map<String, Value> = LABELS
        .iter()
        .map(|k| ((*k).to_string(), Value::from(t(l, k))))
        .collect();
    let scope = t(l, "scope_text")
        .replace(
            "{questionnaire}",
            &format!("{} v{}", data.questionnaire.0, data.questionnaire.1),
        )
        .replace("{model}", domain::risk_score::SCORING_MODEL_VERSION);
    let band = data.assessment.risk_band.clone().unwrap_or_default();
    let breakdown = data.assessment.score_breakdown.as_ref();
    let inherent = breakdown.map(|b| &b["components"]["inherent"]);
    let risk = |key: &str| {
        inherent.map_or(String::new(), |p| {
            format!("{} / 100", number(l, p[key].as_f64().unwrap_or_default(), 0))
        })
    };
    let severity_title = |f: &domain::entities::finding::Model| {
        if f.zero_tolerance {
            format!("{} · {}", value(l, &f.severity), t(l, "zero_tolerance_tag"))
        } else {
            value(l, &f.severity)
        }
    };
    let mut groups: std::collections::BTreeMap<&str, Vec<Value>> = Default::default();
    for f in &data.findings {
        let mut evidence = value(l, &f.source);
        if let Some(key) = &f.question_key {
            evidence.push_str(&format!(" · {key}"));
        }
        if !f.detail.is_empty() {
            evidence.push_str(&format!("\n{}", f.detail));
        }
        groups.entry(f.indicator.as_str()).or_default().push(json!({
            "title": f.title, "severity": f.severity, "severity_label": severity_title(f),
            "evidence": evidence, "status": value(l, &f.status),
        }));
    }
    let findings: Vec<Value> = groups
        .into_iter()
        .map(|(key, rows)| {
            let name = data
                .indicator_names
                .get(key)
                .cloned()
                .unwrap_or_else(|| key.replace('_', " "));
            json!({"indicator": name, "findings": rows})
        })
        .collect();
    let count = |s: &str| data.findings.iter().filter(|f| f.severity == s).count();
    let fees = data.fee_audit.as_ref().map(|fees| {
        let s = &fees.summary;
        let money = |v| format_money(v, l);
        let shown = |text: &str| {
            text.parse::<Decimal>()
                .map(money)
                .unwrap_or_else(|_| text.to_string())
        };
        json!({
            "workers": s.workers, "workers_paid": s.workers_who_paid,
            "total_fees": money(s.total_fees_usd), "reimbursed": money(s.total_reimbursed_usd),
            "outstanding": money(s.total_outstanding_usd), "debt_risk": s.workers_with_debt_bondage_risk,
            "median_months": format_number(s.median_months_of_wages, 2, l),
            "max_months": format_number(s.max_months_of_wages, 2, l),
            "by_category": s.by_category.iter().map(|c| json!({
                "label": value(l, c.category.as_str()),
                "value": rust_decimal::prelude::ToPrimitive::to_f64(&c.fees_usd).unwrap_or_default(),
                "shown": money(c.fees_usd)})).collect::<Vec<_>>(),
            "by_recruiter": s.by_recruiter.iter().map(|r| json!({
                "recruiter": r.recruiter, "country": r.country.as_ref().map(ToString::to_string),
                "paid": format!("{} / {}", r.workers_who_paid, r.workers),
                "debt_risk": r.debt_bondage_risks, "usd": money(r.fees_usd)})).collect::<Vec<_>>(),
            "buckets": report::buckets(&fees.months_of_wages, l),
            "repayments": {
                "outstanding": shown(&fees.repayments.total_outstanding_usd),
                "repaid": shown(&fees.repayments.total_repaid_usd),
                "remaining": shown(&fees.repayments.total_remaining_usd),
                "still_owed": fees.repayments.workers_still_owed,
            },
        })
    });
    let open: Vec<_> = data.findings.iter().filter(|f| f.status != "closed").collect();
    let urgent: Vec<&String> = open
        .iter()
        .filter(|f| f.zero_tolerance || f.severity == "priority")
        .map(|f| &f.title)
        .collect();
    let corrective: Vec<String> = open
        .iter()
        .filter(|f| !(f.zero_tolerance || f.severity == "priority"))
        .map(|f| format!("[{}] {}", value(l, &f.severity), f.title))
        .collect();
    let actions: Vec<Value> = data
        .actions
        .iter()
        .map(|a| {
            let finding = data
                .findings
                .iter()
                .find(|f| f.id == a.finding_id)
                .map(|f| format!("{} ({})", f.title, value(l, &f.severity)))
                .unwrap_or_default();
            json!({"finding": finding, "action": a.description,
                "owner": a.owner_email.clone().unwrap_or_else(|| t(l, "unassigned")),
                "due": date(l, a.due_date), "status": value(l, &a.status)})
        })
        .collect();
    let priorities: Vec<String> = report::priorities(data)
        .into_iter()
        .map(|f| {
            let due = data
                .actions
                .iter()
                .find(|a| a.finding_id == f.id)
                .map(|a| format!(" — {} ({})", a.description, date(l, a.due_date)))
                .unwrap_or_default();
            format!("[{}] {}{due}", value(l, &f.severity), f.title)
        })
        .collect();
    let severity_counts: Vec<Value> = ["priority", "major", "minor"]
        .iter()
        .map(|s| json!({"severity": s, "label": value(l, s), "count": count(s)}))
        .collect();
    json!({
        "labels": labels,
        "band": band, "band_label": value(l, &band),
        "score": number(l, data.assessment.score.unwrap_or_default(), 1),
        "components": report::components(breakdown).into_iter()
            .map(|(k, v)| json!({"label": t(l, k), "value": v, "shown": number(l, v, 1)}))
            .collect::<Vec<_>>(),
        "red_flags": breakdown.map_or(0, |b| b["red_flags"].as_array().map_or(0, Vec::len)),
        "zero_tolerance": data.findings.iter().filter(|f| f.zero_tolerance).count(),
        "cover": [
            [t(l, "client"), data.company_name.clone()],
            [t(l, "supplier"), data.supplier.name.clone()],
            [t(l, "country"), data.country_name.clone()],
            [t(l, "sector"), data.sector_name.clone()],
            [t(l, "date"), date(l, data.report.created_at.date_naive())],
            [t(l, "advisor"), data.advisor.clone().unwrap_or_else(|| "—".into())],
            [t(l, "questionnaire"), format!("{} v{}", data.questionnaire.0, data.questionnaire.1)],
            [t(l, "model"), domain::risk_score::SCORING_MODEL_VERSION.to_string()],
        ],
        "supplier": data.supplier.name,
        "scope": scope,
        "country": data.country_name, "sector": data.sector_name,
        "country_risk": risk("country_risk"), "sector_risk": risk("sector_risk"),
        "inherent": inherent.map_or(String::new(),
            |p| format!("{} / 100", number(l, p["value"].as_f64().unwrap_or_default(), 1))),
        "sources": data.sources,
        "severity_counts": severity_counts,
        "findings": findings,
        "fees": fees,
        "priorities": priorities,
        "urgent": urgent, "corrective": corrective,
        "prevention": report::prevention(l),
        "actions": actions,
        "answers": data.answers.iter()
            .map(|a| json!([format!("{} · {}", a.key, a.question), a.answer])).collect::<Vec<_>>(),
        "glossary": report::glossary(l),
    })
}

/// Label keys the HTML version uses, sent translated.
const LABELS: [&str; 60] = [
    "title",
    "contents",
    "confidential",
    "risk_band",
    "summary",
    "score",
    "components",
    "red_flags",
    "zero_tolerance",
    "fee_headline",
    "workers_paid",
    "outstanding",
    "median_months",
    "max_months",
    "priorities",
    "scope",
    "standards",
    "inherent_title",
    "country",
    "sector",
    "country_risk",
    "sector_risk",
    "inherent",
    "sources",
    "findings",
    "findings_by_severity",
    "finding",
    "severity",
    "evidence",
    "status",
    "fees_title",
    "workers",
    "total_fees",
    "reimbursed",
    "debt_risk",
    "by_category",
    "distribution",
    "workers_axis",
    "by_recruiter",
    "recruiter",
    "paid_count",
    "repayment",
    "repaid",
    "remaining",
    "still_owed",
    "recommendations",
    "containment",
    "corrective",
    "prevention",
    "cap",
    "action",
    "owner",
    "due",
    "annex",
    "answers",
    "question",
    "answer",
    "method",
    "glossary",
    "page_of",
];

/// The Python that runs WeasyPrint (`FAIRHIRE_BENCH_PYTHON`, else `python3`).
fn python() -> String {
    std::env::var("FAIRHIRE_BENCH_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Fails unless WeasyPrint can be imported. `all` calls it before measuring anything,
/// so a machine without it fails in a second instead of after a long run.
pub fn check_weasyprint() -> anyhow::Result<()> {
    let python = python();
    let found = Command::new(&python)
        .args(["-c", "import weasyprint"])
        .output()
        .with_context(|| format!("running {python}"))?;
    anyhow::ensure!(
        found.status.success(),
        "WeasyPrint is not importable by {python}: run `{python} -m pip install weasyprint` first"
    );
    Ok(())
}

/// One language's poster, ours and WeasyPrint's.
pub struct PosterFigures {
    /// Language code.
    pub code: String,
    /// Our PDF's size, bytes.
    pub bytes: usize,
    /// Seconds per render.
    pub ours: Samples,
    /// WeasyPrint's PDF size, bytes.
    pub weasy_bytes: usize,
    /// Seconds per render.
    pub weasy: Samples,
}

/// Renders a poster in each voice language `runs` times (after one warm-up) with
/// `worker::poster::render`, then the HTML version of each with WeasyPrint.
pub fn measure_posters(scratch: &Path, runs: usize) -> anyhow::Result<Vec<PosterFigures>> {
    use domain::voice::i18n::{VoiceTr, codes};
    std::fs::create_dir_all(scratch)?;
    let link = "https://fairhire.example/v/3kq7w9x2m4p8r6t1";
    let created = chrono::DateTime::from_timestamp(1_764_000_000, 0).context("date")?;
    let matrix = worker::poster::qr_matrix(link)?;
    let mut ours = Vec::new();
    let mut pages = Vec::new();
    for code in codes() {
        let data = domain::voice::posters::PosterData {
            poster: domain::entities::voice_poster::Model {
                id: uuid::Uuid::from_u128(0x0196_0000_0000_7000_8000_0000_0000_0001),
                company_id: uuid::Uuid::nil(),
                channel_id: uuid::Uuid::nil(),
                locales: code.to_string(),
                link: link.to_string(),
                status: "ready".into(),
                storage_key: None,
                error: None,
                requested_by: None,
                created_at: created,
                ready_at: None,
            },
            supplier_name: "Penang Assembly Sdn Bhd".into(),
        };
        let first = worker::poster::render(&data)?;
        std::fs::write(scratch.join(format!("fairhire-poster-{code}.pdf")), &first)?;
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            // No subset kept: a company prints each poster once.
            worker::report::forget_kept_subsets();
            let start = Instant::now();
            let bytes = worker::poster::render(&data)?;
            times.push(start.elapsed());
            anyhow::ensure!(bytes == first, "poster renders differ");
        }
        ours.push((code, first.len(), Samples::of_durations(&times)));
        let w = VoiceTr::new(code);
        let steps: Vec<String> = ["poster-step1", "poster-step2", "poster-step3"]
            .iter()
            .map(|k| w.get(k))
            .collect();
        pages.push(json!({
            "code": code, "dir": w.direction(),
            "title": w.get("poster-title"), "subtitle": w.get("voice-title"),
            "site": w.arg1("voice-site", "site", &data.supplier_name),
            "link": link,
            "steps": steps,
            "anonymous": w.get("poster-anonymous"),
            "footer": format!("{} · Fairhire", w.language_name()),
            "qr": matrix,
        }));
    }
    let json_path = scratch.join("posters.json");
    std::fs::write(&json_path, serde_json::to_vec(&pages)?)?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("pdf/weasyprint_poster.py");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../worker/fonts");
    let python = python();
    let output = Command::new(&python)
        .arg(&script)
        .arg(&json_path)
        .arg("--fonts")
        .arg(&fonts)
        .arg("--runs")
        .arg(runs.to_string())
        .arg("--out-dir")
        .arg(scratch)
        .output()
        .with_context(|| format!("running {python} {}", script.display()))?;
    anyhow::ensure!(
        output.status.success(),
        "{} failed: {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).context("the script's JSON")?;
    let theirs = result["results"].as_array().context("results")?;
    ours.into_iter()
        .map(|(code, bytes, samples)| {
            let weasy = theirs
                .iter()
                .find(|r| r["code"] == code)
                .with_context(|| format!("no WeasyPrint result for {code}"))?;
            Ok(PosterFigures {
                code: code.to_string(),
                bytes,
                ours: samples,
                weasy_bytes: weasy["bytes"].as_u64().unwrap_or(0) as usize,
                weasy: Samples(
                    weasy["seconds"]
                        .as_array()
                        .context("seconds")?
                        .iter()
                        .filter_map(Value::as_f64)
                        .collect(),
                ),
            })
        })
        .collect()
}
