//! The rules of fee-audit.md ("CSV input") applied to one row: each cell read and
//! checked, then the checks across cells (category `none` with amount 0, reimbursed ≤
//! amount, rates available, the worker's fields the same as on their first row). Every
//! problem of the row is reported, not only the first.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    AuditedLine, Category, Evidence, FeeAuditEngine, Problem, RateTable, RowError,
    cells::{self, Codes, at},
    engine::{WorkerProfile, WorkerSlot},
    rates::RateMemo,
    table::{Column, Row, Table},
};

/// The columns the rules read, found in the header once rather than by name on every
/// row.
struct Columns {
    worker_ref: Column,
    nationality: Column,
    recruiter: Column,
    recruiter_country: Column,
    hire_date: Column,
    monthly_wage: Column,
    wage_currency: Column,
    category: Column,
    amount: Column,
    currency: Column,
    paid_on: Column,
    loan: Column,
    reimbursed: Column,
    evidence: Column,
}

/// The rules as one upload applies them: its columns, its "today", and the codes and
/// rates met so far.
pub(crate) struct RowRules {
    columns: Columns,
    today: NaiveDate,
    codes: Codes,
    rates: RateMemo,
}

/// Collects the cell errors of one row while the cells are read.
struct Cells<'a, 't> {
    row: &'a Row<'t>,
    errors: Vec<RowError>,
}

impl Cells<'_, '_> {
    /// The cell of `column` read with `parse`; on failure the error is kept.
    fn get<T>(&mut self, column: Column, parse: impl FnOnce(&str) -> Result<T, Problem>) -> Option<T> {
        let line = self.row.line;
        let value = self
            .row
            .cell_of(column)
            .and_then(|raw| parse(raw).map_err(at(line, column.name)));
        value.map_err(|error| self.errors.push(error)).ok()
    }

    fn fail(&mut self, column: &'static str, message: impl Into<Problem>) {
        self.errors.push(RowError::new(self.row.line, column, message));
    }
}

impl RowRules {
    /// The rules for the rows of `table`. `today` is the last allowed `paid_on`.
    pub(crate) fn new<R: std::io::Read>(table: &Table<R>, today: NaiveDate) -> Self {
        let columns = Columns {
            worker_ref: table.column("worker_ref"),
            nationality: table.column("nationality"),
            recruiter: table.column("recruiter"),
            recruiter_country: table.column("recruiter_country"),
            hire_date: table.column("hire_date"),
            monthly_wage: table.column("monthly_wage"),
            wage_currency: table.column("wage_currency"),
            category: table.column("category"),
            amount: table.column("amount"),
            currency: table.column("currency"),
            paid_on: table.column("paid_on"),
            loan: table.column("loan"),
            reimbursed: table.column("reimbursed"),
            evidence: table.column("evidence"),
        };
        Self {
            columns,
            today,
            codes: Codes::default(),
            rates: RateMemo::default(),
        }
    }

    /// The row as a line converted to USD with the worker's slot in `engine`, or every
    /// problem with it. Registers the worker's profile on their first row with good
    /// worker fields.
    pub(crate) fn check(
        &mut self,
        row: &Row<'_>,
        rates: &RateTable,
        engine: &mut FeeAuditEngine,
    ) -> Result<(AuditedLine, WorkerSlot), Vec<RowError>> {
        check_row(self, row, rates, engine)
    }
}

fn check_row(
    rules: &mut RowRules,
    row: &Row<'_>,
    rates: &RateTable,
    engine: &mut FeeAuditEngine,
) -> Result<(AuditedLine, WorkerSlot), Vec<RowError>> {
    let RowRules {
        columns,
        today,
        codes,
        rates: memo,
    } = rules;
    let today = *today;
    let line = row.line;
    let mut cells = Cells {
        row,
        errors: Vec::new(),
    };
    let worker_ref = cells.get(columns.worker_ref, |raw| cells::required(raw).map(str::to_owned));
    let nationality = cells.get(columns.nationality, |raw| codes.country(raw));
    let recruiter = cells.get(columns.recruiter, |raw| cells::required(raw).map(str::to_owned));
    let recruiter_country = cells.get(columns.recruiter_country, |raw| {
        if raw.is_empty() {
            Ok(None)
        } else {
            codes.country(raw).map(Some)
        }
    });
    let hire_date = cells.get(columns.hire_date, cells::date);
    let monthly_wage = cells.get(columns.monthly_wage, cells::positive);
    let wage_currency = cells.get(columns.wage_currency, |raw| codes.currency(raw));
    let category = cells.get(columns.category, category);
    let amount = cells.get(columns.amount, cells::non_negative);
    let currency = cells.get(columns.currency, |raw| codes.currency(raw));
    let paid_on = cells.get(columns.paid_on, |raw| {
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
    // Compared case-insensitively in place: lower-casing a copy allocated on every row.
    let loan = cells.get(columns.loan, |raw| match raw {
        "" => Ok(false),
        _ if raw.eq_ignore_ascii_case("no") => Ok(false),
        _ if raw.eq_ignore_ascii_case("yes") => Ok(true),
        _ => Err(Problem::new(
            "csv-not-yes-no",
            vec![("value", cells::quoted(raw))],
            format!("{} is not yes or no", cells::quoted(raw)),
        )),
    });
    let reimbursed = cells.get(columns.reimbursed, |raw| {
        if raw.is_empty() {
            Ok(Decimal::ZERO)
        } else {
            cells::non_negative(raw)
        }
    });
    let evidence = cells.get(columns.evidence, |raw| {
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
        // Nothing reimbursed, most rows, is never more than an amount (which is ≥ 0).
        && !reimbursed.is_zero()
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
        memo.rate_for_row(rates, c, d, line, "currency")
            .map_err(|e| cells.errors.push(e))
            .ok()
    });
    let wage_rate = wage_currency.zip(hire_date).and_then(|(c, d)| {
        memo.rate_for_row(rates, c, d, line, "wage_currency")
            .map_err(|e| cells.errors.push(e))
            .ok()
    });

    let slot = if let (
        Some(worker_ref),
        Some(nationality),
        Some(hire_date),
        Some(monthly_wage),
        Some(wage_currency),
    ) = (&worker_ref, nationality, hire_date, monthly_wage, wage_currency)
    {
        let profile = WorkerProfile {
            first_row: line,
            nationality,
            hire_date,
            monthly_wage,
            wage_currency,
        };
        let (slot, first) = engine.worker(worker_ref, || profile.clone());
        if let Some(first) = first {
            compare(first, &profile, worker_ref, &mut cells);
        }
        Some(slot)
    } else {
        None
    };
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
        Some(slot),
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
        slot,
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
    let audited = AuditedLine {
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
    };
    Ok((audited, slot))
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
