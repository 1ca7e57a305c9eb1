//! The figures of a statement for its period, computed from the platform's
//! records through the same use cases the API answers with (the findings export,
//! corridors, worker-voice metrics), each labelled with the route and query that
//! give the same number, so a reader (and the tests) can check it.
//!
//! The period is `[start, end]` in whole UTC days.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::{Figure, i18n, regimes::Figures};
use crate::{
    access::Caller,
    assessments,
    corridors::{self, HirePeriod},
    entities::{assessment, organization, screening_hit, supplier},
    error::DomainError,
    exports, findings,
    listing::Window,
    screening,
    values::parse_date,
    voice,
};

/// A statement's period: first and last day, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// The longest period a statement covers: a financial year, with room for a
/// year that was lengthened once (two years).
const MAX_DAYS: i64 = 731;

impl Period {
    /// Parses `YYYY-MM-DD` dates; `Invalid` naming the field for a bad date, a
    /// start after the end, or a period longer than two years.
    pub fn parse(start: &str, end: &str) -> Result<Self, DomainError> {
        let day = |field: &str, raw: &str| parse_date(raw).map_err(|why| DomainError::invalid(field, why));
        let (start, end) = (day("period_start", start), day("period_end", end));
        let (start, end) = match (start, end) {
            (Ok(start), Ok(end)) => (start, end),
            (Err(DomainError::Invalid(mut a)), Err(DomainError::Invalid(b))) => {
                a.extend(b);
                return Err(DomainError::Invalid(a));
            }
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        if start > end {
            return Err(DomainError::invalid(
                "period_end",
                "must not be before period_start",
            ));
        }
        if (end - start).num_days() >= MAX_DAYS {
            return Err(DomainError::invalid(
                "period_end",
                "a statement covers at most two years",
            ));
        }
        Ok(Self { start, end })
    }

    /// `start..end` as the reader sees it.
    pub fn label(&self) -> String {
        format!("{} – {}", self.start, self.end)
    }

    fn from(&self) -> DateTime<Utc> {
        self.start.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
    }

    /// The instant after the last day.
    fn until(&self) -> DateTime<Utc> {
        let next = self.end.checked_add_days(Days::new(1)).unwrap_or(self.end);
        next.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
    }

    fn contains(&self, at: DateTime<Utc>) -> bool {
        at >= self.from() && at < self.until()
    }
}

/// Everything counted for a period, once per statement.
#[derive(Debug, Clone, Default)]
pub struct Counted {
    company_name: String,
    suppliers: u64,
    assessments: BTreeMap<&'static str, u64>,
    findings: u64,
    by_severity: BTreeMap<String, u64>,
    by_indicator: BTreeMap<String, u64>,
    actions: u64,
    actions_closed: u64,
    workers: u64,
    workers_who_paid: u64,
    confirmed_hits: u64,
    voice_reports: u64,
    voice_responded: u64,
}

/// Counts the company's records for `period` (the caller must be one of its
/// reviewers: the corridor and voice use cases check it too).
pub async fn count<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    period: Period,
) -> Result<Counted, DomainError> {
    caller.company_reviewer(company_id)?;
    let mut counted = Counted {
        company_name: organization::Entity::find_by_id(company_id)
            .one(db)
            .await?
            .ok_or(DomainError::NotFound("company"))?
            .name,
        ..Counted::default()
    };
    // As the supplier list shows them: archived suppliers are left out.
    counted.suppliers = supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(company_id))
        .filter(supplier::Column::ArchivedAt.is_null())
        .filter(supplier::Column::CreatedAt.lt(period.until()))
        .count(db)
        .await?;
    let statuses: Vec<String> = assessment::Entity::find()
        .select_only()
        .column(assessment::Column::Status)
        .filter(assessment::Column::CompanyId.eq(company_id))
        .filter(assessment::Column::CreatedAt.gte(period.from()))
        .filter(assessment::Column::CreatedAt.lt(period.until()))
        .into_tuple()
        .all(db)
        .await?;
    for known in assessments::status::ALL {
        let n = statuses.iter().filter(|s| s.as_str() == known).count() as u64;
        counted.assessments.insert(known, n);
    }
    count_findings(db, company_id, period, &mut counted).await?;
    let hire = HirePeriod::parse(Some(&period.start.to_string()), Some(&period.end.to_string()))?;
    for corridor in corridors::company_corridors(db, caller, company_id, hire).await? {
        counted.workers += corridor.figures.workers;
        counted.workers_who_paid += corridor.figures.workers_who_paid;
    }
    counted.confirmed_hits = screening_hit::Entity::find()
        .filter(screening_hit::Column::CompanyId.eq(company_id))
        .filter(screening_hit::Column::Status.eq(screening::status::CONFIRMED))
        .filter(screening_hit::Column::CreatedAt.gte(period.from()))
        .filter(screening_hit::Column::CreatedAt.lt(period.until()))
        .count(db)
        .await?;
    let voice = voice::metrics::compute(db, company_id, period.from(), period.until()).await?;
    counted.voice_reports = voice.total_reports;
    counted.voice_responded = voice.responded;
    Ok(counted)
}

/// Findings and their actions, read a page at a time through the export's query.
async fn count_findings<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    period: Period,
    counted: &mut Counted,
) -> Result<(), DomainError> {
    const PAGE: u64 = 500;
    let mut offset = 0;
    loop {
        let page = exports::findings_page(db, company_id, Window::page(offset, PAGE)).await?;
        let read = page.len() as u64;
        for row in page.into_iter().filter(|r| period.contains(r.finding.created_at)) {
            counted.findings += 1;
            *counted.by_severity.entry(row.finding.severity).or_default() += 1;
            *counted.by_indicator.entry(row.finding.indicator).or_default() += 1;
            counted.actions += row.actions.len() as u64;
            counted.actions_closed += row
                .actions
                .iter()
                .filter(|a| {
                    a.status == findings::action_status::DONE || a.status == findings::action_status::VERIFIED
                })
                .count() as u64;
        }
        if read < PAGE {
            return Ok(());
        }
        offset += PAGE;
    }
}

/// Builds a section's figures in `locale`.
pub struct Labeller<'a> {
    /// The statement's language.
    pub locale: &'a str,
    /// The company.
    pub company_id: Uuid,
    /// The period.
    pub period: Period,
}

impl Labeller<'_> {
    fn figure(&self, key: String, label: String, value: impl ToString, source: String) -> Figure {
        Figure {
            key,
            label,
            value: value.to_string(),
            source,
        }
    }

    fn company_route(&self, rest: &str) -> String {
        format!("GET /api/v1/companies/{}/{rest}", self.company_id)
    }

    fn in_period(&self, what: &str) -> String {
        format!("({what} {} to {})", self.period.start, self.period.end)
    }

    /// The figures of one kind of section.
    pub fn figures(&self, kind: Figures, counted: &Counted) -> Vec<Figure> {
        let l = self.locale;
        let p = self.period;
        match kind {
            Figures::None => Vec::new(),
            Figures::Identity => vec![
                self.figure(
                    "company.name".into(),
                    i18n::text(l, "fig-company"),
                    &counted.company_name,
                    format!("GET /api/v1/companies/{} (name)", self.company_id),
                ),
                self.figure(
                    "period".into(),
                    i18n::text(l, "fig-period"),
                    p.label(),
                    "the statement's period".into(),
                ),
            ],
            Figures::Suppliers => vec![self.figure(
                "suppliers".into(),
                i18n::text(l, "fig-suppliers"),
                counted.suppliers,
                format!(
                    "{} (items created on or before {})",
                    self.company_route("suppliers"),
                    p.end
                ),
            )],
            Figures::Assessments => counted
                .assessments
                .iter()
                .map(|(status, n)| {
                    self.figure(
                        format!("assessments.{status}"),
                        i18n::with(l, "fig-assessments", "status", status),
                        n,
                        format!(
                            "{} {}",
                            self.company_route(&format!("assessments?status={status}")),
                            self.in_period("items created")
                        ),
                    )
                })
                .collect(),
            Figures::Risks => self.risks(counted),
            Figures::Remediation => vec![
                self.actions(counted),
                self.figure(
                    "fee_audits.workers".into(),
                    i18n::text(l, "fig-workers"),
                    counted.workers,
                    format!(
                        "{} (sum of workers)",
                        self.company_route(&format!("analytics/corridors?from={}&to={}", p.start, p.end))
                    ),
                ),
                self.figure(
                    "fee_audits.workers_who_paid".into(),
                    i18n::text(l, "fig-workers-paid"),
                    counted.workers_who_paid,
                    format!(
                        "{} (sum of workers_who_paid)",
                        self.company_route(&format!("analytics/corridors?from={}&to={}", p.start, p.end))
                    ),
                ),
            ],
            Figures::Effectiveness => vec![
                self.actions(counted),
                self.figure(
                    "actions.closed".into(),
                    i18n::text(l, "fig-actions-closed"),
                    counted.actions_closed,
                    format!(
                        "{} {}",
                        self.company_route("exports/findings.csv"),
                        self.in_period("action_status done or verified, findings created")
                    ),
                ),
                self.voice(
                    "voice.reports",
                    "fig-voice-reports",
                    counted.voice_reports,
                    "total_reports",
                ),
                self.voice(
                    "voice.responded",
                    "fig-voice-responded",
                    counted.voice_responded,
                    "responded",
                ),
            ],
        }
    }

    fn risks(&self, counted: &Counted) -> Vec<Figure> {
        let l = self.locale;
        let export = self.company_route("exports/findings.csv");
        let mut figures = Vec::new();
        for (severity, n) in &counted.by_severity {
            figures.push(self.figure(
                format!("findings.severity.{severity}"),
                i18n::with(l, "fig-findings-severity", "severity", severity),
                n,
                format!(
                    "{export} {}",
                    self.in_period(&format!("rows of severity {severity}, created"))
                ),
            ));
        }
        for (indicator, n) in &counted.by_indicator {
            figures.push(self.figure(
                format!("findings.indicator.{indicator}"),
                i18n::with(l, "fig-findings-indicator", "indicator", indicator),
                n,
                format!(
                    "{export} {}",
                    self.in_period(&format!("rows of indicator {indicator}, created"))
                ),
            ));
        }
        figures.push(self.figure(
            "screening.confirmed".into(),
            i18n::text(l, "fig-hits-confirmed"),
            counted.confirmed_hits,
            format!(
                "{} {}",
                self.company_route("screening-hits?status=confirmed"),
                self.in_period("items created")
            ),
        ));
        figures
    }

    fn actions(&self, counted: &Counted) -> Figure {
        self.figure(
            "actions".into(),
            i18n::text(self.locale, "fig-actions"),
            counted.actions,
            format!(
                "{} {}",
                self.company_route("exports/findings.csv"),
                self.in_period("distinct action_id of findings created")
            ),
        )
    }

    fn voice(&self, key: &str, label: &str, n: u64, field: &str) -> Figure {
        self.figure(
            key.into(),
            i18n::text(self.locale, label),
            n,
            format!(
                "{} ({field})",
                self.company_route(&format!(
                    "voice/metrics?from={}&to={}",
                    self.period.start, self.period.end
                ))
            ),
        )
    }
}
