//! A world map of the company's suppliers by risk band, drawn on the server as SVG on
//! an equirectangular projection (longitude → x, latitude → y): each production
//! site with coordinates is a diamond at its own place, in its supplier's band
//! colour; a site without coordinates, and a supplier with no site recorded, is
//! counted in a circle at its country's centroid, coloured by the highest band
//! there. The legend inside the picture says which is which, and the page repeats
//! every figure in tables, so nothing depends on seeing colours or on a script.
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

/// Where a latitude and longitude fall on the drawing; `None` outside the globe.
pub fn project(latitude: f64, longitude: f64) -> Option<(f64, f64)> {
    ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude)).then(|| {
        (
            (longitude + 180.0) * WIDTH / 360.0,
            (90.0 - latitude) * HEIGHT / 180.0,
        )
    })
}

/// A site drawn at its own coordinates.
#[derive(Debug, Clone)]
pub struct MapSite {
    /// Its latitude and longitude, as recorded.
    pub latitude: f64,
    /// Its longitude.
    pub longitude: f64,
    /// Index in [`BANDS`] of its supplier's band.
    pub band: usize,
    /// What its title says: the site, its supplier and the band, in words.
    pub title: String,
}

/// The index in [`BANDS`] of a band (`None`, or an unknown name: not scored).
pub fn band_index(band: Option<&str>) -> usize {
    BANDS.iter().position(|(b, _)| *b == band).unwrap_or(0)
}

/// The legend's words, in the reader's language: the name of each band of
/// [`BANDS`], in order, and what a diamond and a circle stand for.
#[derive(Debug, Clone, Default)]
pub struct Legend {
    /// Each band's name, in the order of [`BANDS`].
    pub bands: Vec<String>,
    /// "A site at its own coordinates".
    pub site: String,
    /// "A country's centre: sites without coordinates, suppliers without a site".
    pub centroid: String,
}

/// Height of the legend under the map.
const LEGEND: f64 = 56.0;

/// A diamond centred on (x, y).
fn diamond(x: f64, y: f64, size: f64) -> String {
    format!(
        "M {x:.1} {:.1} L {:.1} {y:.1} L {x:.1} {:.1} L {:.1} {y:.1} Z",
        y - size,
        x + size,
        y + size,
        x - size
    )
}

/// The map: a graticule every 30°, a circle per country at its centroid, a diamond
/// per site at its coordinates, each titled, and the legend underneath. Countries
/// the centroid file lacks are left off the picture (the page's tables list them).
pub fn world_map(title: &str, countries: &[MapCountry], sites: &[MapSite], legend: &Legend) -> String {
    let total = HEIGHT + LEGEND;
    let mut svg = format!(
        "<svg class=\"chart world-map\" viewBox=\"0 0 {WIDTH} {total}\" role=\"img\" aria-label=\"{}\">\
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
    for site in sites {
        let (Some((x, y)), Some((_, fill))) = (project(site.latitude, site.longitude), BANDS.get(site.band))
        else {
            continue;
        };
        let _ = write!(
            svg,
            "<path d=\"{}\" fill=\"{fill}\" stroke=\"#1f2933\" stroke-width=\"1\"><title>{}</title></path>",
            diamond(x, y, 5.0),
            escape(&site.title)
        );
    }
    // The legend: each band's colour, then the two marks.
    let row = HEIGHT + 18.0;
    for (i, ((_, fill), name)) in BANDS.iter().zip(&legend.bands).enumerate() {
        let x = 10.0 + 140.0 * i as f64;
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{fill}\"></rect><text x=\"{}\" y=\"{}\">{}</text>",
            row - 10.0,
            x + 18.0,
            row,
            escape(name)
        );
    }
    let row = HEIGHT + 44.0;
    let _ = write!(
        svg,
        "<path d=\"{}\" fill=\"#ffffff\" stroke=\"#1f2933\" stroke-width=\"1\"></path><text x=\"24\" y=\"{}\">{}</text>\
         <circle cx=\"376\" cy=\"{}\" r=\"6\" fill=\"#ffffff\" stroke=\"#1f2933\" stroke-width=\"1\"></circle><text x=\"388\" y=\"{}\">{}</text>",
        diamond(12.0, row - 4.0, 5.0),
        row,
        escape(&legend.site),
        row - 4.0,
        row,
        escape(&legend.centroid)
    );
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
            &[],
            &Legend::default(),
        );
        assert!(svg.contains("aria-label=\"Suppliers &lt;by&gt; band\""));
        assert!(svg.contains(
            "fill=\"#a4161a\" stroke=\"#fff\" stroke-width=\"2\"><title>Thailand: 1 critical</title>"
        ));
        // One titled dot (Nowhere has no centroid); the legend's circle has no title.
        assert_eq!(svg.matches("</title></circle>").count(), 1);
    }

    #[test]
    fn a_site_is_a_diamond_at_its_own_coordinates_and_the_legend_says_what_each_mark_is() {
        let legend = Legend {
            bands: ["None", "Low", "Medium", "High", "Critical"]
                .map(String::from)
                .to_vec(),
            site: "Site at its coordinates".into(),
            centroid: "Country centre <no coordinates>".into(),
        };
        let svg = world_map(
            "Map",
            &[],
            &[
                // Kathmandu, 27.7 N 85.3 E: x = (85.3 + 180) × 2 = 530.6, y = (90 − 27.7) × 2 = 124.6.
                MapSite {
                    latitude: 27.7,
                    longitude: 85.3,
                    band: 4,
                    title: "Plant 1 (Acme): Critical".into(),
                },
                // Off the globe: not drawn.
                MapSite {
                    latitude: 95.0,
                    longitude: 0.0,
                    band: 1,
                    title: "Nowhere".into(),
                },
            ],
            &legend,
        );
        assert!(svg.contains(
            "<path d=\"M 530.6 119.6 L 535.6 124.6 L 530.6 129.6 L 525.6 124.6 Z\" fill=\"#a4161a\" stroke=\"#1f2933\" stroke-width=\"1\"><title>Plant 1 (Acme): Critical</title></path>"
        ));
        assert!(!svg.contains("Nowhere"));
        assert_eq!(project(95.0, 0.0), None);
        assert_eq!(project(-90.0, 180.0), Some((720.0, 360.0)));
        for name in [
            "None",
            "Low",
            "Medium",
            "High",
            "Critical",
            "Site at its coordinates",
        ] {
            assert!(svg.contains(&format!(">{name}</text>")), "{name}");
        }
        assert!(svg.contains(">Country centre &lt;no coordinates&gt;</text>"));
        assert_eq!(band_index(Some("high")), 3);
        assert_eq!(band_index(None), 0);
    }
}
