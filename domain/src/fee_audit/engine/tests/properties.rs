//! Whatever bytes are uploaded, reading them never panics: it answers with results or
//! with row errors.

use proptest::prelude::*;

use super::*;
use crate::fee_audit::engine::{read_fx_rates, read_repayments};

/// Bytes that look a little like a CSV upload, so that rows get past the header.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        Just("".to_string()),
        Just("none".to_string()),
        Just("yes".to_string()),
        Just("NPR".to_string()),
        Just("USD".to_string()),
        Just("NP".to_string()),
        Just("2026-01-15".to_string()),
        Just("79228162514264337593543950335".to_string()),
        Just("0.0000000000000000000000000001".to_string()),
        "-?[0-9]{0,6}(\\.[0-9]{0,4})?",
        "[a-z_\"\\n,]{0,8}",
        proptest::collection::vec(any::<u8>(), 0..6).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ];
    let row = proptest::collection::vec(cell, 10..16).prop_map(|cells| cells.join(","));
    proptest::collection::vec(row, 0..12)
        .prop_map(|rows| format!("{HEADER}\n{}", rows.join("\n")).into_bytes())
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = audit_csv(bytes.as_slice(), today(), &rates(), |_| {});
        let _ = read_fx_rates(bytes.as_slice());
        let _ = read_repayments(bytes.as_slice(), today(), &rates(), |_| true);
    }

    #[test]
    fn random_rows_under_a_good_header_never_panic(bytes in csv_like()) {
        match audit_csv(bytes.as_slice(), today(), &rates(), |_| {}) {
            Ok(outcome) => {
                let _ = crate::fee_audit::engine::findings(&outcome.summary);
                prop_assert!(serde_json::to_string(&outcome).is_ok());
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}
