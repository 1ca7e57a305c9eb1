//! The rules of fee-audit.md ("CSV input") applied to one row: each cell read and
//! checked, then the checks across cells (category `none` with amount 0, reimbursed ≤
//! amount, rates available, the worker's fields the same as on their first row). Every
//! problem of the row is reported, not only the first.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    AuditedLine, Category, Evidence, FeeAuditEngine, PayeeType, Problem, RateTable, RowError, Sex,
    cells::{self, Codes, at},
    computation::{WorkerProfile, WorkerSlot},
    rates::{RateMemo, STALE_AFTER_DAYS},
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
    sex: Column,
    monthly_earnings: Column,
    deducted_from_wages: Column,
    payee_type: Column,
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
            sex: table.column("sex"),
            monthly_earnings: table.column("monthly_earnings"),
            deducted_from_wages: table.column("deducted_from_wages"),
            payee_type: table.column("payee_type"),
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
    let loan = cells.get(columns.loan, yes_no);
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

    let sex = cells.get(columns.sex, |raw| {
        if raw.is_empty() {
            return Ok(Sex::default());
        }
        Sex::parse(raw).ok_or_else(|| not_one_of(raw, "csv-sex", "a sex", Sex::ALL.map(Sex::as_str)))
    });
    let monthly_earnings = cells.get(columns.monthly_earnings, |raw| {
        if raw.is_empty() {
            Ok(None)
        } else {
            cells::positive(raw).map(Some)
        }
    });
    let deducted_from_wages = cells.get(columns.deducted_from_wages, yes_no);
    let payee_type = cells.get(columns.payee_type, |raw| {
        if raw.is_empty() {
            return Ok(PayeeType::default());
        }
        PayeeType::parse(raw).ok_or_else(|| {
            let all = PayeeType::ALL.map(PayeeType::as_str);
            not_one_of(raw, "csv-payee-type", "a payee type", all)
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
    // A rate more than a month older than its date is used, but the summary says so.
    let mut rate_for = |currency: Option<_>, date: Option<NaiveDate>, column| {
        let (currency, wanted) = currency.zip(date)?;
        match memo.rate_for_row(rates, currency, wanted, line, column) {
            Ok((rate, used)) => {
                if (wanted - used).num_days() > STALE_AFTER_DAYS {
                    engine.note_stale_rate(currency, wanted, used);
                }
                Some(rate)
            }
            Err(error) => {
                cells.errors.push(error);
                None
            }
        }
    };
    let rate = rate_for(currency, paid_on, "currency");
    let wage_rate = rate_for(wage_currency, hire_date, "wage_currency");

    let slot = if let (
        Some(worker_ref),
        Some(nationality),
        Some(hire_date),
        Some(monthly_wage),
        Some(wage_currency),
        Some(sex),
        Some(monthly_earnings),
    ) = (
        &worker_ref,
        nationality,
        hire_date,
        monthly_wage,
        wage_currency,
        sex,
        monthly_earnings,
    ) {
        let profile = WorkerProfile {
            first_row: line,
            nationality,
            hire_date,
            monthly_wage,
            wage_currency,
            sex,
            monthly_earnings,
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
        Some(sex),
        Some(monthly_earnings),
        Some(deducted_from_wages),
        Some(payee_type),
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
        sex,
        monthly_earnings,
        deducted_from_wages,
        payee_type,
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
        sex,
        monthly_earnings,
        deducted_from_wages,
        payee_type,
    };
    Ok((audited, slot))
}

/// `yes` or `no` (any case; empty is `no`). Compared case-insensitively in place:
/// lower-casing a copy allocated on every row.
fn yes_no(raw: &str) -> Result<bool, Problem> {
    match raw {
        "" => Ok(false),
        _ if raw.eq_ignore_ascii_case("no") => Ok(false),
        _ if raw.eq_ignore_ascii_case("yes") => Ok(true),
        _ => Err(Problem::new(
            "csv-not-yes-no",
            vec![("value", cells::quoted(raw))],
            format!("{} is not yes or no", cells::quoted(raw)),
        )),
    }
}

/// The problem of a cell that is not one of the `allowed` names of `what`.
fn not_one_of<const N: usize>(
    raw: &str,
    code: &'static str,
    what: &str,
    allowed: [&'static str; N],
) -> Problem {
    let allowed = allowed.join(", ");
    let text = format!("{} is not {what}; use one of: {allowed}", cells::quoted(raw));
    Problem::new(
        code,
        vec![("value", cells::quoted(raw)), ("allowed", allowed)],
        text,
    )
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
    // The columns of scoring model 2 say why: a default (empty cell) is a value too.
    let must_agree = |column: &'static str, was: String| {
        let text = format!(
            "differs from row {} for worker {worker_ref}, which gives {was}: a worker's {column} must be the same on all of their rows (an empty cell counts as the default)",
            first.first_row
        );
        let args = vec![
            ("first", first.first_row.to_string()),
            ("worker", worker_ref.to_string()),
            ("was", was),
            ("column", column.to_string()),
        ];
        (column, Problem::new("csv-differs-must-agree", args, text))
    };
    if first.sex != later.sex {
        found.push(must_agree("sex", first.sex.as_str().to_string()));
    }
    if first.monthly_earnings != later.monthly_earnings {
        let was = match first.monthly_earnings {
            Some(earnings) => earnings.to_string(),
            None => "none (the wage)".to_string(),
        };
        found.push(must_agree("monthly_earnings", was));
    }
    for (column, message) in found {
        cells.fail(column, message);
    }
}
