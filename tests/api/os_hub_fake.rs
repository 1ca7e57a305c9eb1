//! A local fake of Open Supply Hub's `GET /api/v1/production-locations/`, checking
//! requests as the documented API does (opensupplyhub/open-supply-hub-api-examples,
//! how_to/1_quick_start_guide.md and how_to/fuzzy_search_guide.md): the
//! `Authorization: Token <key>` header (401 without the right one), `name` or
//! `os_id`, `country` as a two-letter code; answers `{"count", "data": [...]}`
//! in the documented shape. Its name search stands in for the real fuzzy one: a
//! facility matches when its name contains the query's first word.

use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::{Value, json};

/// The token the fake accepts.
pub const TOKEN: &str = "fake-os-hub-token";

/// A running fake and the requests it received (their query strings).
pub struct FakeOsHub {
    /// Its base URL.
    pub url: String,
    /// Every query string it answered, in order.
    pub queries: Arc<Mutex<Vec<String>>>,
}

fn facility(os_id: &str, name: &str, country: &str) -> Value {
    json!({
        "os_id": os_id, "name": name,
        "address": "Export Processing Zone, Gazipur 1700",
        "country": {"alpha_2": country, "alpha_3": "BGD", "name": "Bangladesh", "numeric": "050"},
        "coordinates": {"lat": 23.99, "lng": 90.42},
        "claim_status": "claimed", "affiliations": ["SEDEX", "Better Work (ILO/IFC)"],
        "sector": ["Apparel"], "number_of_workers": {"min": 800, "max": 900},
        "parent_company": "Dhaka Group", "processing_type": ["Knitting"]
    })
}

/// What the fake's database holds.
fn facilities() -> Vec<Value> {
    vec![
        facility("BD2021079AAAAAA", "Gazipur Knit", "BD"),
        facility("BD2021079BBBBBB", "Chittagong Garments Ltd", "BD"),
        facility("BD2021079CCCCCC", "Chittagong Garment Works", "BD"),
    ]
}

async fn production_locations(
    req: HttpRequest,
    query: web::Query<Vec<(String, String)>>,
    queries: web::Data<Mutex<Vec<String>>>,
) -> HttpResponse {
    queries.lock().unwrap().push(req.query_string().to_string());
    let authorised =
        req.headers().get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Token {TOKEN}"));
    if !authorised {
        return HttpResponse::Unauthorized().json(json!({"detail": "Invalid token."}));
    }
    let get = |key: &str| query.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let country = get("country");
    if country
        .as_deref()
        .is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return HttpResponse::BadRequest().json(json!({"detail": "country must be a two-letter code"}));
    }
    let found: Vec<Value> = match (get("os_id"), get("name")) {
        (Some(os_id), _) => facilities().into_iter().filter(|f| f["os_id"] == os_id).collect(),
        (None, Some(name)) => {
            let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
            facilities()
                .into_iter()
                .filter(|f| country.as_deref().is_none_or(|c| f["country"]["alpha_2"] == c))
                .filter(|f| f["name"].as_str().unwrap().to_lowercase().contains(&first))
                .collect()
        }
        (None, None) => {
            return HttpResponse::BadRequest().json(json!({"detail": "give name or os_id"}));
        }
    };
    HttpResponse::Ok().json(json!({"count": found.len(), "data": found}))
}

/// Starts the fake on a free port.
pub fn start() -> FakeOsHub {
    let queries = web::Data::new(Mutex::new(Vec::new()));
    let shared = queries.clone().into_inner();
    let server = HttpServer::new(move || {
        App::new().app_data(queries.clone()).route(
            "/api/v1/production-locations/",
            web::get().to(production_locations),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let address = server.addrs()[0];
    tokio::spawn(server.run());
    FakeOsHub {
        url: format!("http://{address}"),
        queries: shared,
    }
}

/// A server that answers 500 to everything, as Open Supply Hub does when failing.
pub fn start_failing() -> String {
    let server = HttpServer::new(|| {
        App::new().default_service(web::to(|| async { HttpResponse::InternalServerError().finish() }))
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let address = server.addrs()[0];
    tokio::spawn(server.run());
    format!("http://{address}")
}
