#![allow(clippy::unwrap_used)]

use rust_decimal::Decimal;

use super::{origins_text, parse_origins_text, parse_share_text, parse_workforce_text};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn fields(raw: &str) -> Vec<String> {
    parse_origins_text("worker_origins", raw)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn origins_are_read_normalised_and_written_back() {
    let origins = parse_origins_text("worker_origins", " np:0.40;\nBD : 0.25 ").unwrap();
    assert_eq!(origins.len(), 2);
    assert_eq!((origins[0].country.as_str(), origins[0].share), ("NP", d("0.4")));
    assert_eq!(origins_text(&origins), "NP:0.4; BD:0.25");
    assert_eq!(
        parse_origins_text("worker_origins", origins_text(&origins).as_str()).unwrap(),
        origins
    );
    assert!(parse_origins_text("worker_origins", "  ").unwrap().is_empty());
    // Exactly all the workers is fine (decimal, not floating-point, sums).
    assert!(parse_origins_text("worker_origins", "NP:0.1;BD:0.2;IN:0.7").is_ok());
}

#[test]
fn bad_origins_name_the_entry_at_fault() {
    assert_eq!(fields("XX:0.4"), ["worker_origins[0].country"]);
    assert_eq!(fields("NP:0.4;BD:0"), ["worker_origins[1].share"]);
    assert_eq!(fields("NP:1.5"), ["worker_origins[0].share", "worker_origins"]);
    assert_eq!(fields("NP:0.4;np:0.1"), ["worker_origins[1].country"]);
    assert_eq!(fields("NP:0.6;BD:0.5"), ["worker_origins"]);
    assert_eq!(fields("NP 0.4"), ["worker_origins"]);
    assert_eq!(fields("NP:forty"), ["worker_origins"]);
}

#[test]
fn workforce_and_share_are_checked() {
    assert_eq!(parse_workforce_text(" 120 "), Ok(Some(120)));
    assert_eq!(parse_workforce_text(""), Ok(None));
    assert_eq!(parse_workforce_text("0"), Ok(Some(0)));
    assert!(parse_workforce_text("-1").is_err());
    assert!(parse_workforce_text("12.5").is_err());
    assert_eq!(parse_share_text("0.35"), Ok(Some(d("0.35"))));
    assert_eq!(parse_share_text("1"), Ok(Some(Decimal::ONE)));
    assert!(parse_share_text("35").is_err());
    assert!(parse_share_text("-0.1").is_err());
    assert!(parse_share_text("lots").is_err());
}
