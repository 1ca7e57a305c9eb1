#![allow(clippy::unwrap_used)]

use rust_decimal::Decimal;

use super::*;

fn inputs(tier: Option<TipTier>, forced: Option<u32>, child: Option<u32>) -> CountryRiskInputs {
    CountryRiskInputs {
        tip_tier: tier,
        forced_labour_goods: forced,
        child_labour_goods: child,
    }
}

#[test]
fn every_iso_country_is_present_once_with_a_risk_in_range() {
    let table = all();
    assert_eq!(table.len(), CountryCode::all().count());
    for (code, _) in CountryCode::all() {
        assert_eq!(
            table.iter().filter(|c| c.code.as_str() == code).count(),
            1,
            "{code}"
        );
    }
    for country in table {
        assert!(
            (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&country.risk),
            "{}",
            country.code
        );
        assert_eq!(country.sources.len(), 2);
    }
}

#[test]
fn every_row_of_the_file_parses() {
    let rows = csv::Reader::from_reader(include_str!("../../../data/country-risk.csv").as_bytes())
        .deserialize::<Row>()
        .collect::<Result<Vec<_>, _>>();
    assert!(rows.is_ok(), "{:?}", rows.err());
}

#[test]
fn the_formula_by_hand() {
    assert_eq!(
        risk_from(&inputs(Some(TipTier::One), None, None)),
        Decimal::from(5)
    );
    // Tier 2 with 2 forced-labour and 3 child-labour goods: 25 + 12 + 9.
    assert_eq!(
        risk_from(&inputs(Some(TipTier::Two), Some(2), Some(3))),
        Decimal::from(46)
    );
    assert_eq!(
        risk_from(&inputs(Some(TipTier::TwoWatchList), Some(1), None)),
        Decimal::from(51)
    );
    // Tier 3 with many goods is capped.
    assert_eq!(
        risk_from(&inputs(Some(TipTier::Three), Some(10), Some(5))),
        Decimal::from(100)
    );
    // Unknown and special case are not zero.
    assert_eq!(risk_from(&inputs(None, None, None)), Decimal::from(35));
    assert_eq!(
        risk_from(&inputs(Some(TipTier::SpecialCase), None, None)),
        Decimal::from(35)
    );
}

#[test]
fn shipped_countries_match_the_formula() {
    let find = |code: &str| all().iter().find(|c| c.code.as_str() == code).unwrap();
    assert_eq!(find("SE").inputs.tip_tier, Some(TipTier::One));
    assert_eq!(find("SE").risk, Decimal::from(5));
    assert_eq!(find("KP").risk, Decimal::from(70));
    assert_eq!(find("AD").risk, Decimal::from(35));
    assert_eq!(find("NP").name, "Nepal");
    assert!(find("KP").sources[0].contains("Tier 3"));
}
