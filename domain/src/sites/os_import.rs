//! The offline import of Open Supply Hub's CSV download: fills the OS ID of every
//! site of a company that has none, when exactly one row of the file has the
//! site's name (ignoring case and spacing) and country; reports every site it
//! could not match and why.
//!
//! The download's columns start `os_id, contribution_date, name, address,
//! country_code, country_name, lat, lng, sector` (`COMMON_HEADERS` in
//! opensupplyhub/open-supply-hub,
//! src/django/api/serializers/facility/facility_download_serializer_base.py);
//! `os_id`, `name` and `country_code` are the ones read here, the others are
//! ignored.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{OsId, SiteChanges, os_hub::normalised, update_site};
use crate::{
    entities::supplier_site,
    error::DomainError,
    suppliers::ImportError,
    values::{CountryCode, RequiredText},
};

/// The most rows one file may hold (a download is cut in pages well below this).
pub const MAX_ROWS: usize = 200_000;
const REQUIRED: [&str; 3] = ["os_id", "name", "country_code"];

/// One row of the download.
#[derive(Debug, Clone, PartialEq)]
pub struct OsHubRow {
    /// Its OS ID.
    pub os_id: OsId,
    /// The facility's name.
    pub name: String,
    /// Its country.
    pub country: CountryCode,
}

/// A site the import left without an OS ID.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UnmatchedSite {
    /// The site.
    pub site_id: Uuid,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// Why: `no_row` (no row has its name and country) or `several_rows` (rows
    /// with different OS IDs do).
    pub reason: &'static str,
}

/// What the import did.
#[derive(Debug, Clone, Default)]
pub struct OsImportReport {
    /// Sites that gained an OS ID.
    pub matched: Vec<supplier_site::Model>,
    /// Sites still without one.
    pub unmatched: Vec<UnmatchedSite>,
    /// Sites that had an OS ID already (left as they are).
    pub already_linked: usize,
}

fn problem(row: u64, column: &str, message: String) -> ImportError {
    ImportError {
        row,
        column: column.to_string(),
        message,
    }
}

/// Reads the whole file; `Ok` only if every row is good, else every bad line.
pub fn parse_download(bytes: &[u8]) -> Result<Vec<OsHubRow>, Vec<ImportError>> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(bytes);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_lowercase).collect(),
        Err(e) => {
            return Err(vec![problem(
                1,
                "header",
                format!("the header cannot be read: {e}"),
            )]);
        }
    };
    let index = |name: &str| headers.iter().position(|h| h == name);
    let mut errors: Vec<ImportError> = REQUIRED
        .iter()
        .filter(|c| index(c).is_none())
        .map(|c| problem(1, c, format!("the required column '{c}' is missing")))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(i as u64 + 2, csv::Position::line);
                errors.push(problem(line, "os_id", format!("this line cannot be read: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(i as u64 + 2, csv::Position::line);
        if i >= MAX_ROWS {
            errors.push(problem(
                line,
                "os_id",
                format!("a file may hold at most {MAX_ROWS} rows"),
            ));
            break;
        }
        let cell = |name: &str| index(name).and_then(|i| record.get(i)).unwrap_or("");
        let os_id = OsId::parse(cell("os_id")).map_err(|m| errors.push(problem(line, "os_id", m)));
        let country = CountryCode::parse(cell("country_code"))
            .map_err(|m| errors.push(problem(line, "country_code", m)));
        // A row's name is only compared with the sites' names, never stored, so
        // it has no length rule; but it is one line of text like theirs, and a
        // control character in it is a bad line, not a silent non-match.
        let name =
            RequiredText::parse(cell("name"), usize::MAX).map_err(|m| errors.push(problem(line, "name", m)));
        if let (Ok(os_id), Ok(country), Ok(name)) = (os_id, country, name) {
            rows.push(OsHubRow {
                os_id,
                name: name.into_inner(),
                country,
            });
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(problem(2, "os_id", "the file has no rows".into()));
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

/// Links the company's unlinked sites to the rows that match them, each link
/// audited as a site change; run it in a transaction (all or nothing).
pub async fn import_os_ids<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    actor: Uuid,
    rows: Vec<OsHubRow>,
) -> Result<OsImportReport, DomainError> {
    let mut by_key: HashMap<(String, String), Vec<OsId>> = HashMap::new();
    for row in rows {
        let ids = by_key
            .entry((normalised(&row.name), row.country.as_str().to_string()))
            .or_default();
        if !ids.contains(&row.os_id) {
            ids.push(row.os_id);
        }
    }
    let sites = supplier_site::Entity::find()
        .filter(supplier_site::Column::CompanyId.eq(company_id))
        .order_by_asc(supplier_site::Column::Name)
        .order_by_asc(supplier_site::Column::Id)
        .all(db)
        .await?;
    let mut report = OsImportReport::default();
    for site in sites {
        if site.os_id.is_some() {
            report.already_linked += 1;
            continue;
        }
        let key = (normalised(&site.name), site.country.clone());
        match by_key.get(&key).map(Vec::as_slice) {
            Some([only]) => {
                let changes = SiteChanges {
                    os_id: Some(Some(only.clone())),
                    ..SiteChanges::default()
                };
                report.matched.push(update_site(db, site, actor, changes).await?);
            }
            found => report.unmatched.push(UnmatchedSite {
                site_id: site.id,
                name: site.name,
                country: site.country,
                reason: if found.is_some() { "several_rows" } else { "no_row" },
            }),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_from_the_documented_columns() {
        let file = "os_id,contribution_date,name,address,country_code,country_name,lat,lng,sector\n\
                    BD2021079TDH72D,2021-03-20,Dhaka Knit,1 Road,BD,Bangladesh,23.8,90.4,Apparel\n";
        let rows = parse_download(file.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].os_id.as_str(), "BD2021079TDH72D");
        assert_eq!(rows[0].country.as_str(), "BD");
    }

    #[test]
    fn every_bad_line_is_named() {
        let file = "os_id,name,country_code\n\
                    BD2021079TDH72D,Dhaka Knit,BD\n\
                    nope,Mill,BD\n\
                    BD2021079TDH72E,Mill,XX\n\
                    BD2021079TDH72F,Mill\n";
        let errors = parse_download(file.as_bytes()).err().unwrap_or_default();
        let lines: Vec<(u64, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(lines, [(3, "os_id"), (4, "country_code"), (5, "os_id")]);
        let missing = parse_download(b"os_id,name\nBD2021079TDH72D,Mill\n")
            .err()
            .unwrap_or_default();
        assert_eq!(missing.len(), 1);
        assert_eq!((missing[0].row, missing[0].column.as_str()), (1, "country_code"));
    }

    #[test]
    fn a_control_character_in_a_name_is_a_bad_line() {
        let file = "os_id,name,country_code\nBD2021079TDH72D,Dhaka\u{1b}Knit,BD\n";
        let errors = parse_download(file.as_bytes()).err().unwrap_or_default();
        let lines: Vec<(u64, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(lines, [(2, "name")]);
    }
}
