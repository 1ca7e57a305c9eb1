//! Screening against public forced-labour lists (issue #21): the shipped lists and
//! their counts; listed names typed the way a buyer types them are found, a
//! hundred ordinary company names are not; a newer edition of a list loaded with
//! the CLI's function re-screens everyone, raises the new hit once, emails the
//! company (real SMTP server) and delivers `screening.hit` to its webhook; a
//! confirmed hit is a priority finding that raises the supplier's band; roles,
//! reasons and tenants are checked, in the API and in the portal's screening page.

use domain::entities::{audit_event, finding};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::{
    helpers::{Company, Options, TestApp, assert_problem, spawn_app, spawn_app_with},
    portal_flow::{Portal, advisor_portal},
    scoring_model2::{assessment_json, quiet_company, scored_low},
    webhooks::{Receiver, Reply, SECRET, verify},
};

/// Adds a supplier named `name` (contact address made unique); returns its id.
async fn supplier(app: &TestApp, company: &Company, name: &str) -> String {
    let email = format!("contact-{}@supplier.example", uuid::Uuid::new_v4().simple());
    let created = app
        .create_supplier(
            company,
            &json!({"name": name, "country": "CN", "sector": "electronics", "contact_email": email}),
        )
        .await;
    assert_eq!(created.status(), 201, "create {name}");
    let body: Value = created.json().await.unwrap();
    body["id"].as_str().unwrap().to_string()
}

/// Every hit of the company (`query` e.g. `?status=open`), all pages of 200.
async fn hits(app: &TestApp, company: &Company, query: &str) -> Vec<Value> {
    let sep = if query.is_empty() { "?" } else { "&" };
    let response = app
        .get_api(
            &format!("/companies/{}/screening-hits{query}{sep}per_page=200", company.id),
            Some(&company.token),
        )
        .await;
    assert_eq!(response.status(), 200);
    let page: Value = response.json().await.unwrap();
    assert_eq!(
        page["total"].as_u64().unwrap() as usize,
        page["items"].as_array().unwrap().len()
    );
    page["items"].as_array().unwrap().clone()
}

/// `PATCH /screening-hits/{id}`.
async fn decide(app: &TestApp, token: &str, id: &str, body: &Value) -> reqwest::Response {
    app.patch_json(&format!("/screening-hits/{id}"), token, body)
        .await
}

#[tokio::test]
async fn the_reference_names_the_three_lists_with_their_sources_and_counts() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let response = app
        .get_api("/reference/screening-lists", Some(&company.token))
        .await;
    assert_eq!(response.status(), 200);
    let lists: Vec<Value> = response.json().await.unwrap();
    let keys: Vec<&str> = lists.iter().map(|l| l["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["uflpa_entity_list", "ilab_goods", "cbp_wro"]);
    // No public copy of the UFLPA Entity List was found to ship: it says so with 0.
    assert_eq!(lists[0]["entries"], 0);
    assert_eq!(lists[0]["updated_at"], Value::Null);
    assert_eq!(lists[0]["source_url"], "https://www.dhs.gov/uflpa-entity-list");
    assert_eq!(lists[1]["entries"], 467);
    assert!(lists[1]["updated_at"].as_str().unwrap().starts_with("2022-09-28"));
    assert_eq!(lists[2]["entries"], 54);
    assert!(lists[2]["updated_at"].as_str().unwrap().starts_with("2026-01-29"));
    assert!(
        lists
            .iter()
            .all(|l| l["source_url"].as_str().unwrap().starts_with("https://"))
    );
    assert_eq!(
        app.get_api("/reference/screening-lists", None).await.status(),
        401
    );
}

#[tokio::test]
async fn listed_names_as_a_buyer_types_them_are_found_and_ordinary_names_are_not() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    // Each spelling against the CBP entry it must find.
    let spellings = [
        (
            "HOSHINE SILICON INDUSTRY CO LTD",
            "Hoshine Silicon Industry Co., Ltd.",
        ),
        (
            "Hefei Bitland Information Technology",
            "Hefei Bitland Information Technology Co., Ltd.",
        ),
        ("Top-Glove Corporation Bhd.", "Top Glove Corporation Bhd"),
        ("Natchi Apparel Co., Ltd.", "Natchi Apparel"),
        (
            "Lop County Méixin Hair Products",
            "Lop County Meixin Hair Products Co., Ltd.",
        ),
        (
            "xinjiang junggar cotton & linen",
            "Xinjiang Junggar Cotton and Linen Co., Ltd.",
        ),
        ("Supermax Corp. Berhad", "Supermax Corporation Berhad"),
        (
            "Bitland (Hefei) Information Tech Co., Ltd.",
            "Hefei Bitland Information Technology Co., Ltd.",
        ),
    ];
    let mut listed = Vec::new();
    for (typed, _) in spellings {
        listed.push(supplier(&app, &company, typed).await);
    }
    for name in ORDINARY_NAMES {
        supplier(&app, &company, name).await;
    }
    let found = hits(&app, &company, "?status=open").await;
    for ((typed, entry), sid) in spellings.iter().zip(&listed) {
        let hit = found
            .iter()
            .find(|h| h["subject_id"] == sid.as_str())
            .unwrap_or_else(|| panic!("{typed} was not found"));
        assert_eq!(hit["entry_name"], *entry, "{typed}");
        assert_eq!(hit["list_key"], "cbp_wro");
        assert_eq!(hit["subject_type"], "supplier");
        assert_eq!(hit["subject_name"], *typed);
        assert!(hit["score"].as_f64().unwrap() >= 0.9, "{typed}");
    }
    let false_hits: Vec<&Value> = found
        .iter()
        .filter(|h| !listed.contains(&h["subject_id"].as_str().unwrap().to_string()))
        .collect();
    assert!(false_hits.is_empty(), "ordinary names hit: {false_hits:#?}");
    assert_eq!(found.len(), spellings.len());
    // Renaming an ordinary supplier to a listed name screens it again.
    let renamed_id = supplier(&app, &company, "Harbour Lane Stationers").await;
    let renamed = app
        .patch_json(
            &format!("/suppliers/{renamed_id}"),
            &company.token,
            &json!({"name": "Giant Manufacturing Co Ltd"}),
        )
        .await;
    assert_eq!(renamed.status(), 200);
    let after = hits(&app, &company, "").await;
    assert!(after.iter().any(
        |h| h["subject_id"] == renamed_id.as_str() && h["entry_name"] == "Giant Manufacturing Co., Ltd."
    ));
    assert_problem(
        app.get_api(
            &format!("/companies/{}/screening-hits?status=maybe", company.id),
            Some(&company.token),
        )
        .await,
        422,
    )
    .await;
}

/// A test edition of the UFLPA list: a made-up name, so the test does not depend on
/// which real names are listed.
const TEST_UFLPA: &str = "# source_url: https://example.org/uflpa-test-edition\n\
# list_date: 2026-11-30\n\
name,section\n\
\"Quillfeather Polysilicon Works Co., Ltd.\",2(d)(2)(B)(v)\n";

#[tokio::test]
async fn a_changed_list_rescreens_raises_the_new_hit_once_emails_and_calls_the_webhook() {
    let app = spawn_app_with(Options {
        smtp: true,
        allow_private_webhooks: true,
        ..Options::default()
    })
    .await;
    let company = app.registered_company().await;
    let receiver = Receiver::start(Vec::new(), Reply::Status(200));
    let hook = app
        .create_webhook(&company, &receiver.url, &["screening.hit"])
        .await;
    assert_eq!(hook.status(), 201);
    let sid = supplier(&app, &company, "QUILLFEATHER POLYSILICON WORKS").await;
    assert!(hits(&app, &company, "").await.is_empty(), "not listed yet");

    let loaded = fairhire::screening_lists::load(&app.db, "uflpa_entity_list", TEST_UFLPA)
        .await
        .unwrap();
    assert_eq!((loaded.entries, loaded.new_hits), (1, 1));
    let found = hits(&app, &company, "").await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["subject_id"], sid.as_str());
    assert_eq!(found[0]["list_key"], "uflpa_entity_list");
    assert_eq!(found[0]["entry_name"], "Quillfeather Polysilicon Works Co., Ltd.");
    let lists: Vec<Value> = app
        .get_api("/reference/screening-lists", Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(lists[0]["entries"], 1);
    assert_eq!(lists[0]["source_url"], "https://example.org/uflpa-test-edition");

    // The same edition again raises nothing new.
    let again = fairhire::screening_lists::load(&app.db, "uflpa_entity_list", TEST_UFLPA)
        .await
        .unwrap();
    assert_eq!(again.new_hits, 0);
    assert_eq!(hits(&app, &company, "").await.len(), 1);

    app.run_jobs().await;
    let mail: Vec<_> = app
        .smtp
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .filter(|m| m.to.contains(&company.email) && m.subject.contains("QUILLFEATHER POLYSILICON WORKS"))
        .collect();
    assert_eq!(mail.len(), 1, "one email for the one new hit");
    assert!(mail[0].text.contains("Quillfeather Polysilicon Works Co., Ltd."));
    assert!(
        mail[0]
            .text
            .contains(&format!("/companies/{}/screening", company.id))
    );
    let delivered = receiver.hits();
    assert_eq!(delivered.len(), 1);
    assert!(verify(&delivered[0], SECRET));
    let body: Value = serde_json::from_slice(&delivered[0].body).unwrap();
    assert_eq!(body["event"], "screening.hit");
    assert_eq!(body["data"]["subject_id"], sid.as_str());
    assert_eq!(body["data"]["hit_id"], found[0]["id"]);

    // A file that does not say where the list comes from is refused and stores nothing.
    let refused = fairhire::screening_lists::load(&app.db, "uflpa_entity_list", "name\nX\n").await;
    assert!(refused.unwrap_err().to_string().contains("source_url"));
    let unknown = fairhire::screening_lists::load(&app.db, "ofac", TEST_UFLPA).await;
    assert!(unknown.unwrap_err().to_string().contains("cbp_wro"));
}

#[tokio::test]
async fn a_confirmed_hit_is_a_priority_finding_that_raises_the_band() {
    let app = spawn_app().await;
    let company = quiet_company(&app).await;
    let (supplier_user, aid) = scored_low(&app, &company, "Hoshine Silicon Industry").await;
    let open = hits(&app, &company, "?status=open").await;
    assert_eq!(open.len(), 1);
    let hit_id = open[0]["id"].as_str().unwrap().to_string();
    let advisor = app.advisor_of(&company).await;

    // Advisors read but do not decide; the supplier's own user sees nothing.
    let read = app
        .get_api(
            &format!("/companies/{}/screening-hits", company.id),
            Some(&advisor),
        )
        .await;
    assert_eq!(read.status(), 200);
    assert_problem(
        decide(
            &app,
            &advisor,
            &hit_id,
            &json!({"status": "confirmed", "reason": "Same address"}),
        )
        .await,
        403,
    )
    .await;
    assert_problem(
        app.get_api(
            &format!("/companies/{}/screening-hits", company.id),
            Some(&supplier_user.token),
        )
        .await,
        404,
    )
    .await;
    // A reason is required; the status must be a decision.
    let no_reason = assert_problem(
        decide(
            &app,
            &company.token,
            &hit_id,
            &json!({"status": "confirmed", "reason": "  "}),
        )
        .await,
        422,
    )
    .await;
    assert!(no_reason.to_string().contains("reason"));
    assert_problem(
        decide(
            &app,
            &company.token,
            &hit_id,
            &json!({"status": "open", "reason": "x"}),
        )
        .await,
        422,
    )
    .await;

    let confirmed = decide(
        &app,
        &company.token,
        &hit_id,
        &json!({"status": "confirmed", "reason": "Same registration number as the CBP order"}),
    )
    .await;
    assert_eq!(confirmed.status(), 200);
    let confirmed: Value = confirmed.json().await.unwrap();
    assert_eq!(confirmed["status"], "confirmed");
    let finding_id: uuid::Uuid = confirmed["finding_id"].as_str().unwrap().parse().unwrap();
    let raised = finding::Entity::find_by_id(finding_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(raised.severity, "priority");
    assert_eq!(raised.source, "screening");
    assert_eq!(raised.supplier_id.to_string(), supplier_user.supplier_id);
    // The confirmation queued the re-score: an open priority finding → at least high.
    app.run_jobs().await;
    let scored = assessment_json(&app, &company.token, &aid).await;
    assert_eq!(scored["risk_band"], "high");
    let floors = scored["score_breakdown"]["floors"].as_array().unwrap();
    assert!(floors.iter().any(|f| {
        f["rule"] == "priority_finding"
            && f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["source"] == "screening")
    }));

    // Decided once; the audit trail has it.
    assert_problem(
        decide(
            &app,
            &company.token,
            &hit_id,
            &json!({"status": "dismissed", "reason": "Changed my mind"}),
        )
        .await,
        409,
    )
    .await;
    assert!(hits(&app, &company, "?status=open").await.is_empty());
    assert_eq!(hits(&app, &company, "?status=confirmed").await.len(), 1);
    let audit = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("screening_hit.confirmed"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].entity_id.map(|id| id.to_string()), Some(hit_id.clone()));
    assert!(
        audit[0]
            .after
            .as_ref()
            .unwrap()
            .to_string()
            .contains("Same registration number")
    );

    // Another tenant's hit is not found, to decide or to list.
    let other = app.registered_company().await;
    assert_problem(
        decide(
            &app,
            &other.token,
            &hit_id,
            &json!({"status": "dismissed", "reason": "Not ours"}),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        app.get_api(
            &format!("/companies/{}/screening-hits", company.id),
            Some(&other.token),
        )
        .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn a_dismissed_hit_raises_no_finding_and_is_not_raised_again() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sid = supplier(&app, &company, "Natchi Apparel").await;
    let hit_id = hits(&app, &company, "").await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let dismissed = decide(
        &app,
        &company.token,
        &hit_id,
        &json!({"status": "dismissed", "reason": "A shop in Leeds of the same name"}),
    )
    .await;
    assert_eq!(dismissed.status(), 200);
    let dismissed: Value = dismissed.json().await.unwrap();
    assert_eq!(dismissed["finding_id"], Value::Null);
    assert_eq!(dismissed["reason"], "A shop in Leeds of the same name");
    // Renamed and back, and a list reload: the dismissed hit stays the one hit.
    for name in ["Natchi Apparel Leeds", "Natchi Apparel"] {
        let renamed = app
            .patch_json(
                &format!("/suppliers/{sid}"),
                &company.token,
                &json!({"name": name}),
            )
            .await;
        assert_eq!(renamed.status(), 200);
    }
    let all = hits(&app, &company, "").await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["status"], "dismissed");
}

/// A hundred ordinary company names of the kinds a buyer's supplier list holds
/// (invented, generic), none of them on a list.
const ORDINARY_NAMES: [&str; 100] = [
    "Acme Packaging Ltd",
    "Blue River Foods Inc.",
    "Northwind Traders",
    "Sunrise Garments Co., Ltd.",
    "Pacific Rim Logistics",
    "Golden Harvest Rice Mill",
    "Evergreen Plastics Sdn Bhd",
    "Silverline Electronics GmbH",
    "Maple Leaf Furniture",
    "Redwood Timber Products",
    "Crescent Moon Textiles",
    "Delta Precision Parts",
    "Orion Medical Supplies",
    "Summit Outdoor Gear",
    "Harbor Seafood Processing",
    "Lakeside Dairy Cooperative",
    "Pioneer Steel Fabricators",
    "Coral Bay Apparel",
    "Highland Coffee Exporters",
    "Riverbend Ceramics",
    "Bright Star Toys Co.",
    "Emerald Leather Works",
    "Atlas Freight Forwarding",
    "Cedar Creek Printing",
    "Falcon Auto Components",
    "Granite Stoneworks S.A.",
    "Horizon Solar Panels",
    "Ivory Coast Cocoa Traders",
    "Jade Garden Ceramics",
    "Kingfisher Fishing Nets",
    "Lotus Silk Weavers",
    "Meridian Pharmaceuticals",
    "Nova Cable Assemblies",
    "Oakridge Glassworks",
    "Prairie Grain Millers",
    "Quantum Circuit Boards",
    "Rainbow Dyeing House",
    "Sapphire Jewellery Manufacturers",
    "Tidewater Shrimp Farms",
    "Unity Footwear Ltd",
    "Valley Fresh Produce",
    "Westbrook Hosiery",
    "Yellowstone Paper Mills",
    "Zenith Bicycle Parts",
    "Anchor Rope & Twine",
    "Beacon Lighting Solutions",
    "Copperfield Wire Co.",
    "Dune Date Packers",
    "Eastgate Knitwear",
    "Fernhill Tea Estates",
    "Greenfield Palm Oil Mill",
    "Hillcrest Brickworks",
    "Islandia Canning Company",
    "Juniper Cosmetics",
    "Kestrel Aviation Services",
    "Lighthouse Marine Supply",
    "Mountain View Quarries",
    "Nightingale Uniforms",
    "Olive Grove Exports",
    "Pebble Beach Sandals",
    "Quarry Hill Aggregates",
    "Rosewood Cabinetry",
    "Seabreeze Salt Works",
    "Thistle Wool Spinners",
    "Upland Honey Farms",
    "Vista Optical Frames",
    "Willow Basket Makers",
    "Yarrow Herbal Extracts",
    "Alpine Cheese Makers",
    "Bayside Boatbuilders",
    "Cobalt Battery Packs",
    "Dragonfly Kites",
    "Elmwood Pallets",
    "Foxglove Florists Supply",
    "Gulf Coast Fabrication",
    "Hawthorn Hardware",
    "Indigo Denim Mills",
    "Jasper Tile Company",
    "Keystone Fasteners",
    "Larkspur Linens",
    "Mosaic Carpet Weavers",
    "Nimbus Umbrella Works",
    "Opal Ceramics Studio",
    "Pinecrest Sawmill",
    "Quayside Cold Storage",
    "Ravenwood Candles",
    "Saffron Spice Traders",
    "Topaz Watch Assembly",
    "Umber Cocoa Roasters",
    "Verdant Vertical Farms",
    "Wavecrest Surfboards",
    "Xylo Musical Instruments",
    "Yukon Outerwear",
    "Zephyr Fans & Blowers",
    "Arrowhead Ammunition Boxes",
    "Birchwood Toy Blocks",
    "Canyon Copper Mining",
    "Driftwood Decor Imports",
    "Ember Grill Manufacturing",
    "Fjord Salmon Smokery",
];

#[tokio::test]
async fn the_portal_lists_open_hits_and_an_officer_decides_them_with_a_reason() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sid = supplier(&app, &company, "Top Glove Corporation Berhad").await;
    let hit_id = hits(&app, &company, "").await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let admin = Portal::new(&app, "en");
    admin.login(&company.email, "a-long-password-1").await;

    // The supplier page says there is an open hit and links to the review.
    let supplier_page = admin.get(&format!("/suppliers/{sid}")).await;
    assert_eq!(supplier_page.status, StatusCode::OK);
    assert!(supplier_page.body.contains("1 open screening hit"));
    let screening = format!("/companies/{}/screening", company.id);
    assert!(supplier_page.body.contains(&format!("href=\"{screening}\"")));

    let page = admin.get(&screening).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Top Glove Corporation Bhd"));
    assert!(
        page.body
            .contains(&format!("action=\"/screening-hits/{hit_id}\""))
    );

    // No reason: the page comes back with the message at the field, nothing changes.
    let refused = admin
        .post(
            &format!("/screening-hits/{hit_id}"),
            &[("status", "confirmed"), ("reason", " ")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(&format!("id=\"reason-{hit_id}-error\"")));
    assert!(refused.body.contains("Say why"));
    assert_eq!(hits(&app, &company, "?status=open").await.len(), 1);

    // An advisor reads the page without the forms, and cannot post one.
    let advisor = advisor_portal(&app, &company).await;
    let read = advisor.get(&screening).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Top Glove Corporation Bhd"));
    assert!(!read.body.contains("action=\"/screening-hits/"));
    let forbidden = advisor
        .post(
            &format!("/screening-hits/{hit_id}"),
            &[("status", "dismissed"), ("reason", "No")],
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    // Another company sees neither the page nor the hit.
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    assert_eq!(stranger.get(&screening).await.status, StatusCode::NOT_FOUND);
    let not_theirs = stranger
        .post(
            &format!("/screening-hits/{hit_id}"),
            &[("status", "dismissed"), ("reason", "No")],
        )
        .await;
    assert_eq!(not_theirs.status, StatusCode::NOT_FOUND);

    let confirmed = admin
        .post(
            &format!("/screening-hits/{hit_id}"),
            &[
                ("status", "confirmed"),
                ("reason", "Same company registration number"),
            ],
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(confirmed.location, format!("{screening}?done=confirmed"));
    let after = admin.get(&confirmed.location).await;
    assert!(after.body.contains("priority finding was added"));
    assert!(after.body.contains("No open hits."));
    let decided = hits(&app, &company, "?status=confirmed").await;
    assert_eq!(decided[0]["reason"], "Same company registration number");
    assert!(decided[0]["finding_id"].is_string());
}

#[tokio::test]
async fn a_recruiter_new_to_the_registry_is_screened_when_a_fee_audit_names_it() {
    let app = spawn_app().await;
    let company = crate::fee_audits::company_with_rates(&app).await;
    let edition = "# source_url: https://example.org/uflpa-test-edition\nname\n\"Dhaka Links Co., Ltd.\"\n";
    let loaded = fairhire::screening_lists::load(&app.db, "uflpa_entity_list", edition)
        .await
        .unwrap();
    assert_eq!(loaded.new_hits, 0, "no recruiter yet");
    let sid = supplier(&app, &company, "Penang Moulded Parts").await;
    crate::fee_audits::uploaded_audit(&app, &company, &sid).await;
    let found = hits(&app, &company, "").await;
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["subject_type"], "recruiter");
    assert_eq!(found[0]["subject_name"], "Dhaka Links");
    assert_eq!(found[0]["entry_name"], "Dhaka Links Co., Ltd.");
    // A confirmed recruiter hit is recorded; findings are about suppliers, so none is raised.
    let confirmed = decide(
        &app,
        &company.token,
        found[0]["id"].as_str().unwrap(),
        &json!({"status": "confirmed", "reason": "Same licence number"}),
    )
    .await;
    assert_eq!(confirmed.status(), 200);
    let confirmed: Value = confirmed.json().await.unwrap();
    assert_eq!(confirmed["status"], "confirmed");
    assert_eq!(confirmed["finding_id"], Value::Null);
}

#[tokio::test]
async fn the_command_line_loads_a_list_and_refuses_a_file_without_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = crate::helpers::fresh_database(dir.path()).await;
    let good = dir.path().join("wro.csv");
    std::fs::write(
        &good,
        "# source_url: https://example.org/wro-test-edition\n# list_date: 2026-12-01\nname,country\n\"Quillfeather Tannery Ltd.\",Nowhere\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name\nQuillfeather Tannery\n").unwrap();
    let run = |key: &str, file: &std::path::Path| {
        crate::binary::fairhire(&["screening-lists", "load", key], dir.path(), &database_url)
            .arg(file)
            .output()
            .unwrap()
    };
    let loaded = run("cbp_wro", &good);
    assert!(
        loaded.status.success(),
        "{}",
        String::from_utf8_lossy(&loaded.stderr)
    );
    assert!(
        String::from_utf8_lossy(&loaded.stdout).contains("cbp_wro: 1 entries stored; 0 new screening hit(s)")
    );
    let refused = run("cbp_wro", &bad);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("source_url"));
    let unknown = run("ofac", &good);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("uflpa_entity_list, ilab_goods or cbp_wro"));
    // The list in force is the loaded edition; the refused file stored nothing.
    let db = sea_orm::Database::connect(database_url.as_str()).await.unwrap();
    let lists = domain::screening::in_force(&db).await.unwrap();
    let wro = lists.iter().find(|l| l.key.as_str() == "cbp_wro").unwrap();
    assert_eq!(wro.entries.len(), 1);
    assert_eq!(wro.source_url, "https://example.org/wro-test-edition");
}
