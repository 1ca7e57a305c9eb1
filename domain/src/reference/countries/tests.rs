#![allow(clippy::unwrap_used)]

use rust_decimal::Decimal;

use super::*;

const TIP_2025: &str = "https://www.state.gov/reports/2025-trafficking-in-persons-report/";

fn inputs(tier: Option<TipTier>, goods: Option<(u32, u32)>) -> CountryRiskInputs {
    let cited = |url: &str| Citation {
        year: 2025,
        url: url.into(),
    };
    CountryRiskInputs {
        tip: tier.map(|tier| TipPlacement {
            tier,
            cited: cited(TIP_2025),
        }),
        goods: goods.map(|(forced_labour, child_labour)| GoodsListing {
            forced_labour,
            child_labour,
            cited: cited("https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods"),
        }),
    }
}

fn shipped(code: &str) -> &'static CountryRisk {
    all().iter().find(|c| c.code.as_str() == code).unwrap()
}

/// The shipped file with the row of `code` replaced by `row` (or removed when `None`).
fn shipped_with(code: &str, row: Option<&str>) -> String {
    SHIPPED
        .lines()
        .filter_map(|line| match line.split(',').next() {
            Some(c) if c == code => row.map(str::to_string),
            _ => Some(line.to_string()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The file line of `code` (the header is line 1).
fn line_of(code: &str) -> usize {
    SHIPPED
        .lines()
        .position(|l| l.starts_with(&format!("{code},")))
        .unwrap()
        + 1
}

#[test]
fn every_iso_country_is_present_once_with_a_risk_in_range() {
    let table = parse_table(SHIPPED).unwrap();
    assert_eq!(table.len(), CountryCode::all().count());
    for (code, _) in CountryCode::all() {
        assert_eq!(
            table.iter().filter(|c| c.code.as_str() == code).count(),
            1,
            "{code}"
        );
    }
    for country in &table {
        assert!(
            (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&country.risk),
            "{}",
            country.code
        );
        assert_eq!(country.sources.len(), 2);
    }
}

/// The 2025 TIP Report ranks 184 countries and territories; 183 have an ISO 3166-1
/// code (Kosovo has none). Counts per tier as in the report's tier-placement list.
#[test]
fn every_country_the_2025_report_ranks_has_a_tier_year_and_source() {
    let placed: Vec<&TipPlacement> = all().iter().filter_map(|c| c.inputs.tip.as_ref()).collect();
    assert_eq!(placed.len(), 183);
    for placement in &placed {
        assert_eq!(placement.cited.year, 2025);
        assert_eq!(placement.cited.url, TIP_2025);
    }
    let count = |tier: TipTier| placed.iter().filter(|p| p.tier == tier).count();
    assert_eq!(count(TipTier::One), 33);
    assert_eq!(count(TipTier::Two), 105);
    assert_eq!(count(TipTier::TwoWatchList), 25);
    assert_eq!(count(TipTier::Three), 20);
}

/// Placements read in the 2025 report's tier list (state.gov, see the data README).
#[test]
fn known_2025_placements() {
    for (code, tier) in [
        ("MY", TipTier::Two),
        ("VN", TipTier::Two),
        ("TH", TipTier::Two),
        ("QA", TipTier::Two),
        ("AE", TipTier::Two),
        ("IN", TipTier::Two),
        ("NP", TipTier::TwoWatchList),
        ("BR", TipTier::TwoWatchList),
        ("ZA", TipTier::TwoWatchList),
        ("KH", TipTier::Three),
        ("CN", TipTier::Three),
        ("RU", TipTier::Three),
        ("KP", TipTier::Three),
        ("US", TipTier::One),
        ("GB", TipTier::One),
        ("SG", TipTier::One),
    ] {
        assert_eq!(shipped(code).inputs.tip_tier(), Some(tier), "{code}");
    }
    // The risk follows from the tier and the 2022 goods counts.
    // Malaysia: Tier 2 (25) + 4 forced-labour goods (24) + 1 child-labour good (3).
    assert_eq!(shipped("MY").risk, Decimal::from(52));
    // Nepal: Tier 2 Watch List (45) + 4 forced (24) + 4 child (12).
    assert_eq!(shipped("NP").risk, Decimal::from(81));
    // China: Tier 3 (70) + 18 forced + 6 child, capped.
    assert_eq!(shipped("CN").risk, Decimal::from(100));
    // Sweden: Tier 1, nothing on the List.
    assert_eq!(shipped("SE").risk, Decimal::from(5));
    // Not ranked in the table: unknown; not on the List either.
    assert_eq!(shipped("AD").inputs.tip, None);
    assert_eq!(shipped("AD").risk, Decimal::from(35));
    assert_eq!(
        shipped("MY").sources[0],
        format!("US Department of State, Trafficking in Persons Report 2025: Tier 2 ({TIP_2025})")
    );
    assert_eq!(shipped("NP").name, "Nepal");
}

const LGF_2022: &str = "https://github.com/USDepartmentofLabor/Child-Labor-Android/blob/b8891386cc88513baa4411196561934f0a36f063/app/src/main/assets/goods_2021.xml";

/// Counts read in DOL's own data file of the 2022 List (see the data README):
/// goods flagged `Forced_Labor` or `Forced_Child_Labor` count as forced labour,
/// `Child_Labor` or `Forced_Child_Labor` as child labour.
#[test]
fn known_2022_goods_counts() {
    for (code, forced_labour, child_labour) in [
        ("CN", 18, 6),
        ("IN", 10, 25),
        ("MM", 13, 10),
        ("BD", 2, 15),
        ("MY", 4, 1),
        ("KP", 7, 0),
        ("CD", 4, 7),
        ("TR", 0, 10),
        ("TW", 1, 0),
        ("UZ", 1, 0),
        ("SE", 0, 0),
        ("US", 0, 0),
    ] {
        let goods = shipped(code).inputs.goods.as_ref().unwrap();
        assert_eq!(goods.forced_labour, forced_labour, "{code}");
        assert_eq!(goods.child_labour, child_labour, "{code}");
    }
    assert_eq!(
        shipped("MM").sources[1],
        format!(
            "US Department of Labor (ILAB), List of Goods Produced by Child Labor or Forced Labor, 2022: 13 good(s) listed for forced labour, 10 for child labour ({LGF_2022})"
        )
    );
}

/// The 2022 List names 78 countries and areas in DOL's data file (the printed
/// report says 77; see the data README). Each has at least one good counted; every
/// other country has 0 and 0 from the same edition, since the file is the whole List.
#[test]
fn every_country_on_the_2022_list_has_counts() {
    let table = all();
    for country in table {
        let goods = country
            .inputs
            .goods
            .as_ref()
            .unwrap_or_else(|| panic!("{}", country.code));
        assert_eq!(goods.cited.year, 2022, "{}", country.code);
        assert_eq!(goods.cited.url, LGF_2022, "{}", country.code);
    }
    let listed: Vec<&CountryRisk> = table
        .iter()
        .filter(|c| {
            c.inputs
                .goods
                .as_ref()
                .is_some_and(|g| g.forced_labour + g.child_labour > 0)
        })
        .collect();
    assert_eq!(listed.len(), 78);
    for code in ["AF", "BR", "CI", "GH", "KG", "RU", "SZ", "VE", "VN", "ZW"] {
        assert!(listed.iter().any(|c| c.code.as_str() == code), "{code}");
    }
    let total = |f: fn(&GoodsListing) -> u32| -> u32 {
        table.iter().filter_map(|c| c.inputs.goods.as_ref()).map(f).sum()
    };
    // Country–good pairs flagged for each kind of labour in the file.
    assert_eq!(total(|g| g.forced_labour), 121);
    assert_eq!(total(|g| g.child_labour), 414);
}

#[test]
fn the_formula_by_hand() {
    assert_eq!(risk_from(&inputs(Some(TipTier::One), None)), Decimal::from(5));
    // Tier 2 with 2 forced-labour and 3 child-labour goods: 25 + 12 + 9.
    assert_eq!(
        risk_from(&inputs(Some(TipTier::Two), Some((2, 3)))),
        Decimal::from(46)
    );
    assert_eq!(
        risk_from(&inputs(Some(TipTier::TwoWatchList), Some((1, 0)))),
        Decimal::from(51)
    );
    // Tier 3 with many goods is capped.
    assert_eq!(
        risk_from(&inputs(Some(TipTier::Three), Some((10, 5)))),
        Decimal::from(100)
    );
    // A Special Case scores as Tier 3; an unknown is not zero.
    assert_eq!(
        risk_from(&inputs(Some(TipTier::SpecialCase), None)),
        Decimal::from(70)
    );
    assert_eq!(risk_from(&inputs(None, None)), Decimal::from(35));
}

#[test]
fn a_newer_table_with_goods_and_a_special_case_is_read() {
    let text = shipped_with(
        "MY",
        Some(
            "MY,special,2026,https://www.state.gov/reports/2026-trafficking-in-persons-report/,2,3,2026,https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods",
        ),
    );
    let table = parse_table(&text).unwrap();
    let malaysia = table.iter().find(|c| c.code.as_str() == "MY").unwrap();
    assert_eq!(malaysia.inputs.tip_tier(), Some(TipTier::SpecialCase));
    assert_eq!(malaysia.inputs.forced_labour_goods(), Some(2));
    assert_eq!(malaysia.inputs.child_labour_goods(), Some(3));
    assert_eq!(malaysia.risk, Decimal::from(70 + 12 + 9));
    assert!(malaysia.sources[1].contains("2026: 2 good(s) listed for forced labour, 3 for child labour"));
}

#[test]
fn a_bad_table_is_refused_naming_the_row() {
    let row = line_of("MY");
    let refused = |text: String| parse_table(&text).unwrap_err();
    let cases = [
        (
            shipped_with("MY", Some("MY,4,2025,https://www.state.gov/x,,,,")),
            "tip_tier '4'",
        ),
        (shipped_with("MY", Some("MY,2,,,,,,")), "tip_year is required"),
        (
            shipped_with("MY", Some("MY,2,2025,state.gov,,,,")),
            "must be the http(s) address",
        ),
        (
            shipped_with("MY", Some("MY,2,25,https://www.state.gov/x,,,,")),
            "tip_year '25'",
        ),
        (
            shipped_with("MY", Some("MY,,2025,https://www.state.gov/x,,,,")),
            "need a tip_tier",
        ),
        (
            shipped_with(
                "MY",
                Some("MY,2,2025,https://www.state.gov/x,3,,2024,https://www.dol.gov/x"),
            ),
            "go together",
        ),
        (
            shipped_with(
                "MY",
                Some("MY,2,2025,https://www.state.gov/x,three,1,2024,https://www.dol.gov/x"),
            ),
            "lgf_forced_labour_goods 'three'",
        ),
        (shipped_with("MY", Some("ZZ,,,,,,,")), "'ZZ' is not an ISO"),
    ];
    for (text, expected) in cases {
        let error = refused(text);
        assert_eq!(error.row, Some(row), "{expected}");
        assert!(error.message.contains(expected), "{error}");
        assert!(error.to_string().starts_with(&format!("row {row}: ")), "{error}");
    }
    let duplicate = refused(format!("{SHIPPED}MY,,,,,,,\n"));
    assert!(
        duplicate.message.contains("MY appears a second time"),
        "{duplicate}"
    );
    let missing = refused(shipped_with("MY", None));
    assert_eq!(missing.row, None);
    assert!(
        missing.message.contains("1 ISO 3166-1 country is missing"),
        "{missing}"
    );
    assert!(missing.message.ends_with(": MY"), "{missing}");
    let header = refused(SHIPPED.replacen("tip_tier,", "tip_tier_2024,", 1));
    assert_eq!(header.row, Some(1));
    assert!(header.message.contains("the columns must be code,tip_tier,"));
}

#[test]
fn a_table_file_is_read_and_an_unreadable_one_refused() {
    let path = std::env::temp_dir().join(format!("fairhire-country-risk-{}.csv", std::process::id()));
    std::fs::write(&path, SHIPPED).unwrap();
    let read = load_file(&path);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(read.unwrap().len(), CountryCode::all().count());
    let error = load_file(&path).unwrap_err();
    assert!(error.to_string().starts_with("cannot read it: "), "{error}");
}
