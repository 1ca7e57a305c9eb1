//! A world map of the company's suppliers by risk band, drawn on the server as SVG:
//! each country where suppliers work is a dot at its centroid on an equirectangular
//! projection (longitude → x, latitude → y), coloured by the highest band of its
//! suppliers. Sites are not recorded yet, so a supplier stands at its country.
//!
//! Centroids: `web/data/country-centroids.csv`, `dist/countries.csv` of
//! <https://github.com/gavinr/world-countries-centroids> at commit
//! 0c6e44d4c73f198c7f485f5daf0b8d13616d3e39 (centroid of each country's largest
//! land mass), MIT licence, shipped beside it as `country-centroids.LICENSE`. Where
//! the file lists one code several times (BQ, TF, ES: islands apart from the
//! country), the first row is used.

use std::{
    collections::{BTreeMap, HashMap},
    fmt::Write,
    sync::OnceLock,
};

use crate::{charts::escape, i18n::Tr};

/// Width and height of the drawing: two units per degree.
const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 360.0;

/// The bands, lowest first, with their fill (the badges' colours) and the key of
/// their name; `None` is a supplier not scored yet.
pub const BANDS: [(Option<&str>, &str); 5] = [
    (None, "#8c96a0"),
    (Some("low"), "#2e7d4f"),
    (Some("medium"), "#c99a06"),
    (Some("high"), "#8a4b00"),
    (Some("critical"), "#a4161a"),
];

fn centroids() -> &'static HashMap<&'static str, (f64, f64)> {
    static TABLE: OnceLock<HashMap<&'static str, (f64, f64)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        // longitude,latitude,COUNTRY,ISO,COUNTRYAFF,AFF_ISO; no cell is quoted.
        for line in include_str!("../data/country-centroids.csv").lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            if let [lon, lat, _, code, ..] = cells.as_slice()
                && let (Ok(lon), Ok(lat)) = (lon.parse(), lat.parse())
            {
                table.entry(*code).or_insert((lon, lat));
            }
        }
        table
    })
}

/// Where a country's centroid falls on the drawing; `None` for a code the file
/// does not know.
pub fn position(code: &str) -> Option<(f64, f64)> {
    let (lon, lat) = centroids().get(code)?;
    Some(((lon + 180.0) * WIDTH / 360.0, (90.0 - lat) * HEIGHT / 180.0))
}

/// One country on the map.
#[derive(Debug, Clone)]
pub struct MapCountry {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Its name, as shown.
    pub name: String,
    /// Index in [`BANDS`] of the highest band of its suppliers.
    pub band: usize,
    /// What the dot's title says: the name and the suppliers per band, in words.
    pub title: String,
    /// The suppliers per band, in words, highest band first ("1 High, 2 Low").
    pub suppliers: String,
}

/// The countries of these suppliers (country code, band), by name: each with the
/// highest band among its suppliers and, in words, how many are in each band.
pub fn countries<'a>(suppliers: impl Iterator<Item = (&'a str, Option<&'a str>)>, t: Tr) -> Vec<MapCountry> {
    let mut counts: BTreeMap<&str, [u64; BANDS.len()]> = BTreeMap::new();
    for (country, band) in suppliers {
        let index = BANDS.iter().position(|(b, _)| *b == band).unwrap_or(0);
        if let Some(n) = counts.entry(country).or_default().get_mut(index) {
            *n += 1;
        }
    }
    let mut list: Vec<MapCountry> = counts
        .into_iter()
        .map(|(code, counts)| {
            let name = t.country(code);
            let words: Vec<String> = BANDS
                .iter()
                .zip(counts)
                .rev()
                .filter(|(_, n)| *n > 0)
                .map(|((band, _), n)| {
                    let band = band.map_or_else(|| t.get("band-none"), |b| t.of("band-", b));
                    format!("{n} {band}")
                })
                .collect();
            MapCountry {
                code: code.to_string(),
                band: counts.iter().rposition(|n| *n > 0).unwrap_or(0),
                title: format!("{name}: {}", words.join(", ")),
                suppliers: words.join(", "),
                name,
            }
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// The map: a graticule every 30°, then a dot per country with a title. Countries
/// the centroid file lacks are left off the picture (the page's table lists them).
pub fn world_map(title: &str, countries: &[MapCountry]) -> String {
    let mut svg = format!(
        "<svg class=\"chart world-map\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#eef3f8\"></rect>",
        escape(title)
    );
    for step in 1..12 {
        let x = f64::from(step) * WIDTH / 12.0;
        let _ = write!(
            svg,
            "<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{HEIGHT}\" stroke=\"#c9d3dd\"></line>"
        );
    }
    for step in 1..6 {
        let y = f64::from(step) * HEIGHT / 6.0;
        let _ = write!(
            svg,
            "<line x1=\"0\" y1=\"{y}\" x2=\"{WIDTH}\" y2=\"{y}\" stroke=\"#c9d3dd\"></line>"
        );
    }
    for c in countries {
        let (Some((x, y)), Some((_, fill))) = (position(&c.code), BANDS.get(c.band)) else {
            continue;
        };
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"{fill}\" stroke=\"#fff\" stroke-width=\"2\"><title>{}</title></circle>",
            escape(&c.title)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centroids_fall_where_the_countries_are() {
        // Nepal (84.13 E, 28.30 N) and the United States (96.33 W, 38.82 N).
        let (x, y) = position("NP").unwrap_or_default();
        assert_eq!((x.round(), y.round()), (528.0, 123.0));
        let (x, y) = position("US").unwrap_or_default();
        assert_eq!((x.round(), y.round()), (167.0, 102.0));
        // Spain is the mainland's centroid, not the Canaries' listed after it.
        assert!(position("ES").is_some_and(|(_, y)| y < 100.0));
        assert_eq!(position("XX"), None);
    }

    #[test]
    fn a_country_takes_its_highest_band_and_says_how_many_are_in_each() {
        let t = Tr::new(domain::values::Locale::En);
        let list = countries(
            [
                ("TH", Some("low")),
                ("MY", None),
                ("TH", Some("high")),
                ("TH", Some("low")),
            ]
            .into_iter(),
            t,
        );
        let names: Vec<(&str, usize)> = list.iter().map(|c| (c.name.as_str(), c.band)).collect();
        assert_eq!(names, [("Malaysia", 0), ("Thailand", 3)]);
        assert_eq!(
            list[1].suppliers,
            format!("1 {}, 2 {}", t.of("band-", "high"), t.of("band-", "low"))
        );
        assert!(list[1].title.starts_with("Thailand: 1 "));
    }

    #[test]
    fn each_country_is_a_titled_dot_in_its_bands_colour() {
        let svg = world_map(
            "Suppliers <by> band",
            &[
                MapCountry {
                    code: "TH".into(),
                    name: "Thailand".into(),
                    band: 4,
                    title: "Thailand: 1 critical".into(),
                    suppliers: "1 critical".into(),
                },
                MapCountry {
                    code: "XX".into(),
                    name: "Nowhere".into(),
                    band: 1,
                    title: "Nowhere".into(),
                    suppliers: String::new(),
                },
            ],
        );
        assert!(svg.contains("aria-label=\"Suppliers &lt;by&gt; band\""));
        assert!(svg.contains(
            "fill=\"#a4161a\" stroke=\"#fff\" stroke-width=\"2\"><title>Thailand: 1 critical</title>"
        ));
        assert_eq!(svg.matches("<circle").count(), 1);
    }
}
