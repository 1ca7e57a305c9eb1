//! The three public lists the contract names, their file format, and which
//! version of each is in force: the newest loaded with `fairhire screening-lists
//! load`, else the file shipped in `domain/data/screening/` (see its README).
//!
//! A list file is CSV. Lines starting with `#` come first and say where the list
//! comes from: `# source_url: …` (required) and `# list_date: YYYY-MM-DD`. A list
//! of names (`uflpa_entity_list`, `cbp_wro`) has a `name` column; the ILAB list has
//! `good` and `country` columns. Every other column is kept as the entry's detail.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{entities::screening_list_version, error::DomainError};

/// A list the platform screens against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    /// DHS's UFLPA Entity List.
    UflpaEntityList,
    /// ILAB's List of Goods Produced by Child Labor or Forced Labor.
    IlabGoods,
    /// CBP's withhold release orders and findings.
    CbpWro,
}

impl ListKey {
    /// Every list, in the order the reference endpoint shows them.
    pub const ALL: [ListKey; 3] = [ListKey::UflpaEntityList, ListKey::IlabGoods, ListKey::CbpWro];

    /// The key as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            ListKey::UflpaEntityList => "uflpa_entity_list",
            ListKey::IlabGoods => "ilab_goods",
            ListKey::CbpWro => "cbp_wro",
        }
    }

    /// The key of `text`, if it is one.
    pub fn parse(text: &str) -> Option<ListKey> {
        ListKey::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The list's name.
    pub fn name(self) -> &'static str {
        match self {
            ListKey::UflpaEntityList => "UFLPA Entity List (US Department of Homeland Security)",
            ListKey::IlabGoods => {
                "List of Goods Produced by Child Labor or Forced Labor (US Department of Labor, ILAB)"
            }
            ListKey::CbpWro => "Withhold Release Orders and Findings (US Customs and Border Protection)",
        }
    }

    /// Whether subjects are matched by name against it. The ILAB list names goods
    /// and countries, not companies: a supplier's name cannot be on it.
    pub fn screens_names(self) -> bool {
        self != ListKey::IlabGoods
    }

    /// The file shipped with this release, if one was found (see the README of
    /// `domain/data/screening/`: no public copy of the UFLPA Entity List was found).
    fn shipped(self) -> Option<&'static str> {
        match self {
            ListKey::UflpaEntityList => None,
            ListKey::IlabGoods => Some(include_str!("../../data/screening/ilab-goods.csv")),
            ListKey::CbpWro => Some(include_str!("../../data/screening/cbp-wro.csv")),
        }
    }

    /// The publisher's page, for a list shipped without a file.
    fn home(self) -> &'static str {
        match self {
            ListKey::UflpaEntityList => "https://www.dhs.gov/uflpa-entity-list",
            ListKey::IlabGoods => "https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods",
            ListKey::CbpWro => "https://www.cbp.gov/trade/forced-labor/withhold-release-orders-and-findings",
        }
    }
}

/// One row of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The listed name (for the ILAB list, "good (country)").
    pub name: String,
    /// The other columns, `column: value` joined by `; `.
    pub detail: String,
}

impl Entry {
    /// The names a subject is compared with: the entry's text split at the list's
    /// own separators, "a/k/a" and ";".
    pub fn names(&self) -> Vec<&str> {
        self.name
            .split("a/k/a")
            .flat_map(|part| part.split(';'))
            .map(|n| n.trim().trim_end_matches(',').trim())
            .filter(|n| !n.is_empty())
            .collect()
    }
}

/// A list file, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ListFile {
    /// Where the list comes from.
    pub source_url: String,
    /// The list's date, if the file states it.
    pub list_date: Option<NaiveDate>,
    /// Its rows.
    pub entries: Vec<Entry>,
}

/// Parses a list file of `key` (see the module comment); the error names the line.
pub fn parse_file(key: ListKey, text: &str) -> Result<ListFile, String> {
    let mut source_url = None;
    let mut list_date = None;
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        let line = line.trim_start_matches('#').trim();
        if let Some(url) = line.strip_prefix("source_url:") {
            source_url = Some(url.trim().to_string());
        } else if let Some(date) = line.strip_prefix("list_date:") {
            let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
                .map_err(|_| format!("list_date '{}' is not YYYY-MM-DD", date.trim()))?;
            list_date = Some(date);
        }
    }
    let source_url = source_url
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .ok_or("the file must say where the list comes from: a '# source_url: https://…' line")?;
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("header: {e}"))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let required: &[&str] = if key.screens_names() {
        &["name"]
    } else {
        &["good", "country"]
    };
    let position = |column: &str| header.iter().position(|h| h == column);
    let columns: Vec<usize> = required
        .iter()
        .map(|c| position(c).ok_or(format!("the header has no '{c}' column")))
        .collect::<Result<_, _>>()?;
    let mut entries = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", index + 1))?;
        let value = |i: usize| record.get(i).unwrap_or("").trim();
        let name = match columns.as_slice() {
            [name] => value(*name).to_string(),
            [good, country] => format!("{} ({})", value(*good), value(*country)),
            _ => unreachable!("one or two required columns"),
        };
        if name.is_empty() || name.starts_with(" (") {
            return Err(format!(
                "row {}: the {} is empty",
                index + 1,
                required.join(" or ")
            ));
        }
        let detail = header
            .iter()
            .enumerate()
            .filter(|(i, _)| !columns.contains(i))
            .map(|(i, h)| format!("{h}: {}", value(i)))
            .collect::<Vec<_>>()
            .join("; ");
        entries.push(Entry { name, detail });
    }
    Ok(ListFile {
        source_url,
        list_date,
        entries,
    })
}

/// A list as it stands.
#[derive(Debug, Clone)]
pub struct ListInForce {
    /// Which list.
    pub key: ListKey,
    /// Where it comes from.
    pub source_url: String,
    /// Its rows.
    pub entries: Vec<Entry>,
    /// When it last changed: when it was loaded, else the shipped list's date.
    pub updated_at: Option<DateTime<Utc>>,
}

/// Every list as it stands: the newest loaded version, else the shipped file.
pub async fn in_force<C: ConnectionTrait>(db: &C) -> Result<Vec<ListInForce>, DomainError> {
    let mut lists = Vec::new();
    for key in ListKey::ALL {
        lists.push(one_in_force(db, key).await?);
    }
    Ok(lists)
}

async fn one_in_force<C: ConnectionTrait>(db: &C, key: ListKey) -> Result<ListInForce, DomainError> {
    let newest = screening_list_version::Entity::find()
        .filter(screening_list_version::Column::ListKey.eq(key.as_str()))
        .order_by_desc(screening_list_version::Column::LoadedAt)
        .one(db)
        .await?;
    if let Some(version) = newest {
        let entries: Vec<Entry> = serde_json::from_value(version.entries)
            .map_err(|e| DomainError::Internal(format!("stored {} list: {e}", key.as_str())))?;
        return Ok(ListInForce {
            key,
            source_url: version.source_url,
            entries,
            updated_at: Some(version.loaded_at),
        });
    }
    let shipped = match key.shipped() {
        // The shipped files are checked by the tests below; a broken one is a build error in spirit.
        Some(text) => parse_file(key, text)
            .map_err(|m| DomainError::Internal(format!("shipped {} list: {m}", key.as_str())))?,
        None => ListFile {
            source_url: key.home().to_string(),
            list_date: None,
            entries: Vec::new(),
        },
    };
    Ok(ListInForce {
        key,
        source_url: shipped.source_url,
        entries: shipped.entries,
        updated_at: shipped
            .list_date
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc()),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_files_parse_with_their_sources() {
        let wro = parse_file(ListKey::CbpWro, ListKey::CbpWro.shipped().unwrap()).unwrap();
        assert_eq!(wro.entries.len(), 54);
        assert!(wro.source_url.starts_with("https://www.cbp.gov/"));
        assert_eq!(wro.list_date, NaiveDate::from_ymd_opt(2026, 1, 29));
        let ilab = parse_file(ListKey::IlabGoods, ListKey::IlabGoods.shipped().unwrap()).unwrap();
        assert_eq!(ilab.entries.len(), 467);
        assert!(ilab.entries.iter().any(|e| e.name == "Cotton (China)"));
    }

    #[test]
    fn an_entry_splits_at_aka_and_semicolons() {
        let entry = Entry {
            name: "Fuchu Prison; Union Kogyo Co., Ltd.".into(),
            detail: String::new(),
        };
        assert_eq!(entry.names(), vec!["Fuchu Prison", "Union Kogyo Co., Ltd."]);
        let entry = Entry {
            name: "Manzhouli Wood Products Factory, a/k/a Manzhouli Linye Company".into(),
            detail: String::new(),
        };
        assert_eq!(
            entry.names(),
            vec!["Manzhouli Wood Products Factory", "Manzhouli Linye Company"]
        );
    }

    #[test]
    fn a_file_without_source_or_name_column_is_refused() {
        let no_source = "name\nAcme\n";
        assert!(
            parse_file(ListKey::CbpWro, no_source)
                .unwrap_err()
                .contains("source_url")
        );
        let no_name = "# source_url: https://example.org/list\nentity\nAcme\n";
        assert!(
            parse_file(ListKey::UflpaEntityList, no_name)
                .unwrap_err()
                .contains("'name'")
        );
        let bad_date = "# source_url: https://example.org/list\n# list_date: 5 May\nname\nAcme\n";
        assert!(
            parse_file(ListKey::UflpaEntityList, bad_date)
                .unwrap_err()
                .contains("list_date")
        );
    }
}
