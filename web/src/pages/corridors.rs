//! The company's labour corridors in the portal (staff): the table of corridors with
//! their flows (`/companies/{cid}/corridors`), and one corridor
//! (`/companies/{cid}/corridors/{origin}/{destination}`) with the indicator's trend
//! by quarter of hire and sex, the figures by month and the recruiters its workers paid. Countries by name, in the
//! reader's language; figures from `domain::corridors`, as the API gives them.

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::{
    corridors::{Corridor, CorridorFigures, CorridorKey, HirePeriod, company_corridors, corridor_recruiters},
    error::DomainError,
    fee_audit::engine::{format_number, round_months},
    values::CountryCode,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    charts,
    context::{Layout, Member},
    error::{OrPage, PortalError},
    i18n::Tr,
    routes,
    state::PortalState,
};

/// The hire dates of the filter form, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct HireDates {
    from: Option<String>,
    to: Option<String>,
}

impl HireDates {
    /// The period, or the page's words for each bad field (`from`, `to`).
    fn period(&self, t: Tr) -> Result<HirePeriod, Vec<(String, String)>> {
        HirePeriod::parse(self.from.as_deref(), self.to.as_deref()).map_err(|error| match error {
            DomainError::Invalid(fields) => fields
                .into_iter()
                .map(|f| {
                    let key = if f.message.starts_with("must not be after") {
                        "corridors-from-after-to"
                    } else {
                        "corridors-bad-date"
                    };
                    (f.field, t.get(key))
                })
                .collect(),
            _ => Vec::new(),
        })
    }

    /// `?from=…&to=…` to carry the filter along links.
    fn query(&self) -> String {
        let text = |v: &Option<String>| v.as_deref().unwrap_or("").to_string();
        format!(
            "?from={}&to={}",
            urlencoding(&text(&self.from)),
            urlencoding(&text(&self.to))
        )
    }
}

/// Dates only hold digits and `-`; anything else typed is dropped from links.
fn urlencoding(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect()
}

/// A group's figures as shown.
pub struct FiguresRow {
    /// What the row is (a corridor, a sex, a month).
    pub label: String,
    /// Workers.
    pub workers: u64,
    /// Of those, who paid.
    pub paid: u64,
    /// The indicator, two decimals, or "—" when unknown.
    pub indicator: String,
    /// Mean fees, USD.
    pub mean_fees: String,
}

impl FiguresRow {
    /// The figures of `f`, labelled.
    pub fn of(label: String, f: &CorridorFigures, t: Tr) -> Self {
        Self {
            label,
            workers: f.workers,
            paid: f.workers_who_paid,
            indicator: f
                .recruitment_cost_indicator()
                .map_or_else(|| "—".to_string(), |i| format_number(i, 2, t.locale)),
            mean_fees: format_number(f.mean_fees_usd(), 2, t.locale),
        }
    }
}

/// "Nepal → Malaysia" in the reader's language.
pub fn corridor_name(c: &Corridor, t: Tr) -> String {
    format!(
        "{} → {}",
        t.country(c.origin.as_str()),
        t.country(c.destination.as_str())
    )
}

/// The corridors as flows (origin → destination, workers), for [`charts::flows`].
pub fn flows(corridors: &[Corridor], t: Tr) -> Vec<charts::Flow> {
    corridors
        .iter()
        .map(|c| charts::Flow {
            origin: t.country(c.origin.as_str()),
            destination: t.country(c.destination.as_str()),
            workers: c.figures.workers,
        })
        .collect()
}

/// The corridors page.
#[derive(Template)]
#[template(path = "corridors.html")]
pub struct CorridorsPage {
    l: Layout,
    base: String,
    from: String,
    to: String,
    errors: Vec<(String, String)>,
    /// (link, figures).
    rows: Vec<(String, FiguresRow)>,
    flows: String,
}

impl CorridorsPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// `GET /companies/{cid}/corridors`.
#[get("/companies/{cid}/corridors")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    dates: web::Query<HireDates>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    member.caller.company_reviewer(cid).or_page(t)?;
    let (corridors, errors) = match dates.period(t) {
        Ok(period) => (
            company_corridors(&state.db, &member.caller, cid, period)
                .await
                .or_page(t)?,
            Vec::new(),
        ),
        Err(errors) => (Vec::new(), errors),
    };
    let rows = corridors
        .iter()
        .map(|c| {
            let link = routes::corridor(cid, c.origin.as_str(), c.destination.as_str()) + &dates.query();
            (link, FiguresRow::of(corridor_name(c, t), &c.figures, t))
        })
        .collect();
    member.render(&CorridorsPage {
        l: member.layout(),
        base: routes::corridors(cid),
        from: urlencoding(dates.from.as_deref().unwrap_or("")),
        to: urlencoding(dates.to.as_deref().unwrap_or("")),
        errors,
        rows,
        flows: charts::flows(&t.get("corridors-flows"), &flows(&corridors, t)),
    })
}

/// A recruiter the corridor's workers paid, as shown.
pub struct RecruiterRow {
    /// Its page, when it is in the registry.
    link: Option<String>,
    name: String,
    paid: u64,
    fees: String,
}

/// One corridor.
#[derive(Template)]
#[template(path = "corridor.html")]
pub struct CorridorPage {
    l: Layout,
    back: String,
    title: String,
    all: FiguresRow,
    by_sex: Vec<FiguresRow>,
    by_month: Vec<FiguresRow>,
    trend: String,
    by_quarter: Vec<FiguresRow>,
    recruiters: Vec<RecruiterRow>,
}

/// A figure as the chart draws it: the indicator rounded as shown (two decimals),
/// then made a float for the drawing only; the table beside it keeps the decimal.
fn drawn(f: &CorridorFigures) -> Option<f64> {
    let value = f.recruitment_cost_indicator()?;
    round_months(value).to_string().parse().ok()
}

/// The indicator by quarter of hire: a line for all workers, then one per sex
/// present in the corridor (a quarter without that sex is a gap, not a zero).
fn quarter_chart(corridor: &Corridor, title: &str, t: Tr) -> String {
    let labels: Vec<String> = corridor
        .by_hire_quarter
        .iter()
        .map(|q| q.quarter.to_string())
        .collect();
    let mut series = vec![charts::Series {
        name: t.get("corridor-all-workers"),
        values: corridor.by_hire_quarter.iter().map(|q| drawn(&q.all)).collect(),
    }];
    for (sex, _) in &corridor.by_sex {
        series.push(charts::Series {
            name: t.of("sex-", sex.as_str()),
            values: corridor
                .by_hire_quarter
                .iter()
                .map(|q| {
                    q.by_sex
                        .iter()
                        .find(|(s, _)| s == sex)
                        .and_then(|(_, f)| drawn(f))
                })
                .collect(),
        });
    }
    charts::indicator_trends(title, &labels, &series)
}

/// The chart's figures as a table, exact: per quarter, all workers then each sex.
fn quarter_rows(corridor: &Corridor, t: Tr) -> Vec<FiguresRow> {
    corridor
        .by_hire_quarter
        .iter()
        .flat_map(|q| {
            let quarter = q.quarter.to_string();
            std::iter::once(FiguresRow::of(
                format!("{quarter}, {}", t.get("corridor-all-workers")),
                &q.all,
                t,
            ))
            .chain(q.by_sex.iter().map(move |(sex, f)| {
                FiguresRow::of(format!("{quarter}, {}", t.of("sex-", sex.as_str())), f, t)
            }))
        })
        .collect()
}

/// `GET /companies/{cid}/corridors/{origin}/{destination}`; an unknown code or a
/// corridor without workers is the 404 page.
#[get("/companies/{cid}/corridors/{origin}/{destination}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    path: web::Path<(Uuid, String, String)>,
    dates: web::Query<HireDates>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (cid, origin, destination) = path.into_inner();
    member.caller.company_reviewer(cid).or_page(t)?;
    let key = CountryCode::parse(&origin)
        .ok()
        .zip(CountryCode::parse(&destination).ok())
        .map(|(origin, destination)| CorridorKey { origin, destination })
        .or_page(t)?;
    // Links carry dates the list page checked: a bad one was typed into the address.
    let period = HirePeriod::parse(dates.from.as_deref(), dates.to.as_deref()).or_page(t)?;
    let corridor = company_corridors(&state.db, &member.caller, cid, period)
        .await
        .or_page(t)?
        .into_iter()
        .find(|c| c.origin == key.origin && c.destination == key.destination)
        .or_page(t)?;
    let recruiters = corridor_recruiters(&state.db, &member.caller, cid, key, period)
        .await
        .or_page(t)?
        .into_iter()
        .map(|r| RecruiterRow {
            link: r.recruiter_id.map(routes::recruiter),
            name: r.name,
            paid: r.workers_who_paid,
            fees: format_number(r.fees_usd, 2, t.locale),
        })
        .collect();
    let title = corridor_name(&corridor, t);
    member.render(&CorridorPage {
        l: member.layout(),
        back: routes::corridors(cid) + &dates.query(),
        trend: quarter_chart(&corridor, &t.arg1("corridor-trend-of", "corridor", &title), t),
        by_quarter: quarter_rows(&corridor, t),
        all: FiguresRow::of(title.clone(), &corridor.figures, t),
        by_sex: corridor
            .by_sex
            .iter()
            .map(|(sex, f)| FiguresRow::of(t.of("sex-", sex.as_str()), f, t))
            .collect(),
        by_month: corridor
            .by_hire_month
            .iter()
            .map(|(month, f)| FiguresRow::of(month.to_string(), f, t))
            .collect(),
        title,
        recruiters,
    })
}
