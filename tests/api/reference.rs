//! Reference data in three languages, and a company's risk overrides.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn countries_sectors_and_indicators_follow_accept_language() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let get = |path: &'static str, language: &'static str| {
        app.client
            .get(app.url(&format!("/api/v1{path}")))
            .bearer_auth(&company.token)
            .header("accept-language", language)
            .send()
    };
    let countries: Value = get("/reference/countries", "es")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let countries = countries.as_array().unwrap();
    assert!(countries.len() >= 249);
    let germany = countries.iter().find(|c| c["code"] == "DE").unwrap();
    assert_eq!(germany["name"], "Alemania");
    assert!(germany["risk"].as_f64().unwrap() >= 0.0 && germany["risk"].as_f64().unwrap() <= 100.0);
    assert!(!germany["sources"].as_array().unwrap().is_empty());

    let sectors: Value = get("/reference/sectors", "fr")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(sectors.as_array().unwrap().len() >= 15);
    assert!(
        sectors
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["key"] == "apparel_textiles")
    );

    let indicators: Value = get("/reference/indicators", "en")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ilo = indicators
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["family"] == "ilo_forced_labour")
        .count();
    assert_eq!(ilo, 11);
    assert_problem(app.get_api("/reference/countries", None).await, 401).await;
}

#[tokio::test]
async fn overrides_replace_and_validate() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/risk-overrides", company.id);
    let put = |body: Value| {
        app.client
            .put(app.url(&format!("/api/v1{path}")))
            .bearer_auth(&company.token)
            .json(&body)
            .send()
    };
    let ok = put(json!({"countries": {"NP": {"risk": 80, "note": "our audits"}}, "sectors": {"fishing": {"risk": 95}}}))
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let rows: Value = ok.json().await.unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert!(rows.as_array().unwrap().iter().all(|r| r["overridden"] == true));
    let bad = put(json!({"countries": {"QQ": {"risk": 10}}, "sectors": {"fishing": {"risk": 101}}}))
        .await
        .unwrap();
    let problem = assert_problem(bad, 422).await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 2);
    let listed: Value = app
        .get_api(&path, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        2,
        "a refused update keeps what was stored"
    );
    let other = app.registered_company().await;
    assert_problem(app.get_api(&path, Some(&other.token)).await, 404).await;
}

#[tokio::test]
async fn countries_carry_their_tip_tier_year_and_source() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let response = app.get_api("/reference/countries", Some(&company.token)).await;
    assert_eq!(response.status(), 200);
    let countries: Value = response.json().await.unwrap();
    let countries = countries.as_array().unwrap();
    let country = |code: &str| countries.iter().find(|c| c["code"] == code).unwrap().clone();
    let source = "https://www.state.gov/reports/2025-trafficking-in-persons-report/";
    let goods_source = "https://github.com/USDepartmentofLabor/Child-Labor-Android/blob/b8891386cc88513baa4411196561934f0a36f063/app/src/main/assets/goods_2021.xml";
    for (code, tier, risk, forced_labour, child_labour) in [
        ("MY", "Tier 2", 52.0, 4, 1),
        ("VN", "Tier 2", 79.0, 1, 16),
        ("NP", "Tier 2 Watch List", 81.0, 4, 4),
        ("CN", "Tier 3", 100.0, 18, 6),
        ("SE", "Tier 1", 5.0, 0, 0),
    ] {
        let c = country(code);
        assert_eq!(c["tip_tier"], tier, "{code}");
        assert_eq!(c["tip_year"], 2025, "{code}");
        assert_eq!(c["tip_source"], source, "{code}");
        assert_eq!(c["risk"], risk, "{code}");
        assert!(
            c["sources"][0].as_str().unwrap().contains(source),
            "{code}: {}",
            c["sources"][0]
        );
        // The ILAB counts of the 2022 List, with their edition and source.
        assert_eq!(c["forced_labour_goods"], forced_labour, "{code}");
        assert_eq!(c["child_labour_goods"], child_labour, "{code}");
        assert_eq!(c["goods_year"], 2022, "{code}");
        assert_eq!(c["goods_source"], goods_source, "{code}");
        assert!(
            c["sources"][1].as_str().unwrap().contains(goods_source),
            "{code}: {}",
            c["sources"][1]
        );
    }
    let listed = countries
        .iter()
        .filter(|c| {
            c["forced_labour_goods"].as_u64().unwrap() + c["child_labour_goods"].as_u64().unwrap() > 0
        })
        .count();
    assert_eq!(listed, 78);
    let ranked = countries.iter().filter(|c| !c["tip_tier"].is_null()).count();
    assert_eq!(ranked, 183);
    let andorra = country("AD");
    assert_eq!(andorra["tip_tier"], Value::Null);
    assert_eq!(andorra["tip_source"], Value::Null);
    assert_eq!(andorra["risk"], 35.0);
    assert_eq!(andorra["forced_labour_goods"], 0);
    assert_eq!(andorra["goods_year"], 2022);
}
