//! A site's fields as a client sends them, parsed once into typed values; every
//! problem is named by its field.

use crate::{
    error::FieldError,
    values::{CountryCode, RequiredText},
};

/// Longest site name.
const NAME_MAX: usize = 200;
/// Longest address (one line, as Open Supply Hub takes it).
const ADDRESS_MAX: usize = 500;

/// An Open Supply Hub identifier. The documented examples (`IN2021079TDH72D`,
/// `US2025026H5N0X1`, in opensupplyhub/open-supply-hub-api-examples,
/// how_to/1_quick_start_guide.md and how_to/fuzzy_search_guide.md) are 15
/// characters: two letters, then letters and digits; that is what is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsId(String);

impl OsId {
    /// Trims and upper-cases; refuses anything not shaped like an OS ID.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let value = raw.trim().to_ascii_uppercase();
        let shaped = value.len() == 15
            && value.bytes().take(2).all(|b| b.is_ascii_uppercase())
            && value.bytes().all(|b| b.is_ascii_alphanumeric());
        if shaped {
            Ok(Self(value))
        } else {
            Err(format!(
                "'{}' is not an Open Supply Hub OS ID (15 letters and digits, starting with two letters, such as IN2021079TDH72D)",
                raw.trim()
            ))
        }
    }

    /// The identifier.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The raw fields; `None` means "not sent", `Some(None)` "sent empty" (clears).
#[derive(Debug, Clone, Default)]
pub struct SiteInput {
    /// The site's name.
    pub name: Option<String>,
    /// Its street address, one line.
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Degrees, −90 to 90.
    pub latitude: Option<Option<f64>>,
    /// Degrees, −180 to 180.
    pub longitude: Option<Option<f64>>,
    /// Workers at the site, 0 or more.
    pub headcount: Option<i64>,
    /// Its Open Supply Hub OS ID.
    pub os_id: Option<Option<String>>,
}

/// A site to add, already parsed.
#[derive(Debug, Clone)]
pub struct NewSite {
    /// Name.
    pub name: RequiredText,
    /// Address.
    pub address: RequiredText,
    /// Country.
    pub country: CountryCode,
    /// (latitude, longitude), when known.
    pub coordinates: Option<(f64, f64)>,
    /// Workers at the site.
    pub headcount: i64,
    /// OS ID, when known.
    pub os_id: Option<OsId>,
}

/// Changes to a site, already parsed; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct SiteChanges {
    /// New name.
    pub name: Option<RequiredText>,
    /// New address.
    pub address: Option<RequiredText>,
    /// New country.
    pub country: Option<CountryCode>,
    /// New coordinates (`Some(None)` clears them).
    pub coordinates: Option<Option<(f64, f64)>>,
    /// New headcount.
    pub headcount: Option<i64>,
    /// New OS ID (`Some(None)` unlinks).
    pub os_id: Option<Option<OsId>>,
}

fn in_range(field: &str, value: f64, limit: f64, errors: &mut Vec<FieldError>) -> Option<f64> {
    if value.is_finite() && (-limit..=limit).contains(&value) {
        Some(value)
    } else {
        errors.push(FieldError::new(
            field,
            format!("must be a number of degrees from -{limit} to {limit}"),
        ));
        None
    }
}

impl SiteInput {
    /// Parses what was sent; fields not sent stay `None`.
    fn parse_sent(self, errors: &mut Vec<FieldError>) -> SiteChanges {
        let mut changes = SiteChanges::default();
        if let Some(raw) = self.name {
            changes.name = RequiredText::parse(&raw, NAME_MAX)
                .map_err(|m| errors.push(FieldError::new("name", m)))
                .ok();
        }
        if let Some(raw) = self.address {
            changes.address = RequiredText::parse(&raw, ADDRESS_MAX)
                .map_err(|m| errors.push(FieldError::new("address", m)))
                .ok();
        }
        if let Some(raw) = self.country {
            changes.country = CountryCode::parse(&raw)
                .map_err(|m| errors.push(FieldError::new("country", m)))
                .ok();
        }
        changes.coordinates = match (self.latitude, self.longitude) {
            (None, None) => None,
            (Some(None), Some(None)) => Some(None),
            (Some(Some(lat)), Some(Some(lon))) => {
                let lat = in_range("latitude", lat, 90.0, errors);
                let lon = in_range("longitude", lon, 180.0, errors);
                lat.zip(lon).map(Some)
            }
            (lat, _) => {
                let field = if lat.flatten().is_some() {
                    "longitude"
                } else {
                    "latitude"
                };
                errors.push(FieldError::new(
                    field,
                    "latitude and longitude go together: give both, or neither",
                ));
                None
            }
        };
        if let Some(count) = self.headcount {
            if count >= 0 {
                changes.headcount = Some(count);
            } else {
                errors.push(FieldError::new("headcount", "must be 0 or more"));
            }
        }
        if let Some(raw) = self.os_id {
            changes.os_id = match raw.as_deref().map(str::trim) {
                None | Some("") => Some(None),
                Some(text) => OsId::parse(text)
                    .map_err(|m| errors.push(FieldError::new("os_id", m)))
                    .ok()
                    .map(Some),
            };
        }
        changes
    }

    /// Parses a new site: name, address, country and headcount are required.
    pub fn parse_new(self) -> Result<NewSite, Vec<FieldError>> {
        let mut errors = Vec::new();
        let required = [
            ("name", self.name.is_none()),
            ("address", self.address.is_none()),
            ("country", self.country.is_none()),
            ("headcount", self.headcount.is_none()),
        ];
        for (field, missing) in required {
            if missing {
                errors.push(FieldError::new(field, "is required"));
            }
        }
        let changes = self.parse_sent(&mut errors);
        match (changes.name, changes.address, changes.country, changes.headcount) {
            (Some(name), Some(address), Some(country), Some(headcount)) if errors.is_empty() => Ok(NewSite {
                name,
                address,
                country,
                coordinates: changes.coordinates.flatten(),
                headcount,
                os_id: changes.os_id.flatten(),
            }),
            _ => Err(errors),
        }
    }

    /// Parses changes to a site: only what was sent.
    pub fn parse_changes(self) -> Result<SiteChanges, Vec<FieldError>> {
        let mut errors = Vec::new();
        let changes = self.parse_sent(&mut errors);
        if errors.is_empty() {
            Ok(changes)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(result: Result<NewSite, Vec<FieldError>>) -> Vec<String> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn every_bad_field_is_named() {
        let input = SiteInput {
            name: Some(" ".into()),
            address: None,
            country: Some("XX".into()),
            latitude: Some(Some(91.0)),
            longitude: Some(Some(-181.0)),
            headcount: Some(-1),
            os_id: Some(Some("123".into())),
        };
        assert_eq!(
            fields(input.parse_new()),
            [
                "address",
                "name",
                "country",
                "latitude",
                "longitude",
                "headcount",
                "os_id"
            ]
        );
    }

    #[test]
    fn one_coordinate_alone_is_refused() {
        let input = SiteInput {
            name: Some("Mill".into()),
            address: Some("1 Road, Dhaka".into()),
            country: Some("bd".into()),
            latitude: Some(Some(23.8)),
            longitude: None,
            headcount: Some(0),
            os_id: None,
        };
        assert_eq!(fields(input.parse_new()), ["longitude"]);
    }

    #[test]
    fn a_good_site_is_parsed_with_its_os_id_upper_cased() {
        let site = SiteInput {
            name: Some("Mill".into()),
            address: Some("1 Road, Dhaka".into()),
            country: Some("bd".into()),
            latitude: Some(Some(-90.0)),
            longitude: Some(Some(180.0)),
            headcount: Some(0),
            os_id: Some(Some("bd2021079tdh72d".into())),
        }
        .parse_new()
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(site.country.as_str(), "BD");
        assert_eq!(site.coordinates, Some((-90.0, 180.0)));
        assert_eq!(site.os_id.map(|o| o.0), Some("BD2021079TDH72D".to_string()));
    }
}
