//! The rules of fee-audit.md ("CSV input") applied to one row: each cell read and
//! checked, then the checks across cells (category `none` with amount 0, reimbursed ≤
//! amount, rates available, the worker's fields the same as on their first row). Every
//! problem of the row is reported, not only the first.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    AuditedLine, Category, Evidence, FeeAuditEngine, Problem, RateTable, RowError,
    cells::{self, at},
    engine::WorkerProfile,
    table::Row,
};

/// Collects the cell errors of one row while the cells are read.
struct Cells<'a, 't> {
    row: &'a Row<'t>,
    errors: Vec<RowError>,
}

impl Cells<'_, '_> {
    /// The cell of `column` read with `parse`; on failure the error is kept.
    fn get<T>(&mut self, column: &'static str, parse: impl FnOnce(&str) -> Result<T, Problem>) -> Option<T> {
        let line = self.row.line;
        let value = self
            .row
            .cell(column)
            .and_then(|raw| parse(raw).map_err(at(line, column)));
        value.map_err(|error| self.errors.push(error)).ok()
    }

    fn fail(&mut self, column: &'static str, message: impl Into<Problem>) {
        self.errors.push(RowError::new(self.row.line, column, message));
    }
}

/// The row as a line converted to USD, or every problem with it. Registers the
/// worker's profile on their first row with good worker fields.
pub(crate) fn check_row(
    row: &Row<'_>,
    today: NaiveDate,
    rates: &RateTable,
    engine: &mut FeeAuditEngine,
) -> Result<AuditedLine, Vec<RowError>> {
    let line = row.line;
    let mut cells = Cells {
        row,
        errors: Vec::new(),
    };
    let worker_ref = cells.get("worker_ref", |raw| cells::required(raw).map(str::to_owned));
    let nationality = cells.get("nationality", cells::country);
    let recruiter = cells.get("recruiter", |raw| cells::required(raw).map(str::to_owned));
    let recruiter_country = cells.get("recruiter_country", |raw| {
        if raw.is_empty() {
            Ok(None)
        } else {
            cells::country(raw).map(Some)
        }
    });
    let hire_date = cells.get("hire_date", cells::date);
    let monthly_wage = cells.get("monthly_wage", cells::positive);
    let wage_currency = cells.get("wage_currency", cells::currency);
    let category = cells.get("category", category);
    let amount = cells.get("amount", cells::non_negative);
    let currency = cells.get("currency", cells::currency);
    let paid_on = cells.get("paid_on", |raw| {
        let date = cells::date(raw)?;
        if date > today {
            return Err(Problem::new(
                "csv-future-payment",
                vec![("date", date.to_string()), ("today", today.to_string())],
                format!("{date} is after today ({today}): a payment cannot be in the future"),
            ));
        }
        Ok(date)
    });
    let loan = cells.get("loan", |raw| match raw.to_ascii_lowercase().as_str() {
        "" | "no" => Ok(false),
        "yes" => Ok(true),
        _ => Err(Problem::new(
            "csv-not-yes-no",
            vec![("value", cells::quoted(raw))],
            format!("{} is not yes or no", cells::quoted(raw)),
        )),
    });
    let reimbursed = cells.get("reimbursed", |raw| {
        if raw.is_empty() {
            Ok(Decimal::ZERO)
        } else {
            cells::non_negative(raw)
        }
    });
    let evidence = cells.get("evidence", |raw| {
        if raw.is_empty() {
            return Ok(Evidence::default());
        }
        Evidence::parse(raw).ok_or_else(|| {
            let all: Vec<&str> = Evidence::ALL.iter().map(|e| e.as_str()).collect();
            let text = format!(
                "{} is not an evidence level; use one of: {}",
                cells::quoted(raw),
                all.join(", ")
            );
            let args = vec![("value", cells::quoted(raw)), ("allowed", all.join(", "))];
            Problem::new("csv-evidence", args, text)
        })
    });

    if let (Some(category), Some(amount)) = (category, amount) {
        if category == Category::None && !amount.is_zero() {
            let text = format!(
                "is {amount}, but a row with category none (a worker who paid nothing) must have amount 0"
            );
            let args = vec![("amount", amount.to_string())];
            cells.fail("amount", Problem::new("csv-none-with-amount", args, text));
        } else if category != Category::None && amount.is_zero() {
            let text = "is 0: a row for a worker who paid nothing must have category none";
            cells.fail("amount", Problem::new("csv-zero-amount", Vec::new(), text));
        }
    }
    if let (Some(amount), Some(reimbursed)) = (amount, reimbursed)
        && reimbursed > amount
    {
        let text = format!("{reimbursed} is more than the amount paid ({amount})");
        let args = vec![
            ("reimbursed", reimbursed.to_string()),
            ("amount", amount.to_string()),
        ];
        cells.fail("reimbursed", Problem::new("csv-reimbursed-more", args, text));
    }
    let rate = currency.zip(paid_on).and_then(|(c, d)| {
        rates
            .rate_for_row(c, d, line, "currency")
            .map_err(|e| cells.errors.push(e))
            .ok()
    });
    let wage_rate = wage_currency.zip(hire_date).and_then(|(c, d)| {
        rates
            .rate_for_row(c, d, line, "wage_currency")
            .map_err(|e| cells.errors.push(e))
            .ok()
    });

    if let (Some(worker_ref), Some(nationality), Some(hire_date), Some(monthly_wage), Some(wage_currency)) =
        (&worker_ref, nationality, hire_date, monthly_wage, wage_currency)
    {
        let profile = WorkerProfile {
            first_row: line,
            nationality,
            hire_date,
            monthly_wage,
            wage_currency,
        };
        match engine.profile(worker_ref) {
            Some(first) => compare(first, &profile, worker_ref, &mut cells),
            None => engine.register(worker_ref, profile),
        }
    }
    if !cells.errors.is_empty() {
        return Err(cells.errors);
    }
    let (
        Some(worker_ref),
        Some(nationality),
        Some(recruiter),
        Some(recruiter_country),
        Some(hire_date),
        Some(monthly_wage),
        Some(wage_currency),
        Some(wage_usd_per_unit),
        Some(category),
        Some(amount),
        Some(currency),
        Some(paid_on),
        Some(usd_per_unit),
        Some(loan),
        Some(reimbursed),
        Some(evidence),
    ) = (
        worker_ref,
        nationality,
        recruiter,
        recruiter_country,
        hire_date,
        monthly_wage,
        wage_currency,
        wage_rate,
        category,
        amount,
        currency,
        paid_on,
        rate,
        loan,
        reimbursed,
        evidence,
    )
    else {
        // Unreachable: every missing value above recorded an error.
        let text = "the row could not be read";
        return Err(vec![RowError::file(
            line,
            Problem::new("csv-row-unreadable", Vec::new(), text),
        )]);
    };
    let too_large = || {
        let text = "is too large to convert to US dollars";
        vec![RowError::new(
            line,
            "amount",
            Problem::new("csv-too-large", Vec::new(), text),
        )]
    };
    let amount_usd = amount.checked_mul(usd_per_unit).ok_or_else(too_large)?;
    let reimbursed_usd = reimbursed.checked_mul(usd_per_unit).ok_or_else(too_large)?;
    Ok(AuditedLine {
        row: line,
        worker_ref,
        nationality,
        recruiter,
        recruiter_country,
        hire_date,
        monthly_wage,
        wage_currency,
        wage_usd_per_unit,
        category,
        amount,
        currency,
        paid_on,
        usd_per_unit,
        loan,
        reimbursed,
        evidence,
        amount_usd,
        reimbursed_usd,
    })
}

fn category(raw: &str) -> Result<Category, Problem> {
    Category::parse(cells::required(raw)?).ok_or_else(|| {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        let text = format!(
            "{} is not a category; use one of: {}",
            cells::quoted(raw),
            all.join(", ")
        );
        let args = vec![("value", cells::quoted(raw)), ("allowed", all.join(", "))];
        Problem::new("csv-category", args, text)
    })
}

/// Reports each worker field of a later row that differs from the worker's first row.
fn compare(first: &WorkerProfile, later: &WorkerProfile, worker_ref: &str, cells: &mut Cells<'_, '_>) {
    let differs = |column: &'static str, was: String| {
        let text = format!(
            "differs from row {} for worker {worker_ref}, which gives {was}",
            first.first_row
        );
        let args = vec![
            ("first", first.first_row.to_string()),
            ("worker", worker_ref.to_string()),
            ("was", was),
        ];
        (column, Problem::new("csv-differs", args, text))
    };
    let mut found = Vec::new();
    if first.nationality != later.nationality {
        found.push(differs("nationality", first.nationality.to_string()));
    }
    if first.hire_date != later.hire_date {
        found.push(differs("hire_date", first.hire_date.to_string()));
    }
    if first.monthly_wage != later.monthly_wage {
        found.push(differs("monthly_wage", first.monthly_wage.to_string()));
    }
    if first.wage_currency != later.wage_currency {
        found.push(differs("wage_currency", first.wage_currency.to_string()));
    }
    for (column, message) in found {
        cells.fail(column, message);
    }
}
