//! Every CSV importer, fed the same bytes: fee audits, repayments, FX rates and the
//! supplier list. Each must answer with a value or with row errors; a panic, a hang
//! or runaway memory is a bug (libFuzzer reports all three).
#![no_main]

use chrono::NaiveDate;
use domain::{
    fee_audit::engine::{RateTable, audit_csv, read_fx_rates, read_repayments},
    suppliers::parse_import,
    values::CurrencyCode,
};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let mut rates = RateTable::new();
    if let (Ok(npr), Some(day)) = (CurrencyCode::parse("NPR"), NaiveDate::from_ymd_opt(2026, 1, 1)) {
        rates.insert(npr, day, Decimal::new(75, 4));
    }
    let mut lines = 0_u64;
    let _ = audit_csv(data, today, &rates, |_| lines += 1);
    let _ = read_repayments(data, today, &rates, |worker| worker.starts_with('W'));
    let _ = read_fx_rates(data);
    let _ = parse_import(data);
});
