//! The questionnaire-definition parser, fed any bytes that are JSON (others are the
//! JSON reader's concern, answered with a 400 before the parser runs).
#![no_main]

use domain::questionnaire::validate::parse_definition;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = parse_definition(&value);
    }
});
