//! Text into glyphs, and line breaking by measured width.
//!
//! A line is cut into pieces (same font, same bidi level, words and spaces
//! apart), each piece is shaped, the pieces are put in visual order (Unicode
//! bidi rule L2, so Arabic and Urdu run right to left with Latin numbers and
//! codes left to right inside), and every glyph gets its place. Glyphs are then
//! listed in *reading* order, each with the part of the text it stands for, so
//! the PDF's text extracts as the original string (see `pdf.rs`).
//!
//! Lines break at spaces and newlines (a no-break space, as in French numbers,
//! keeps its neighbours together); a word wider than the line is split between
//! grapheme clusters, never inside one, so nothing runs off the page.

use std::ops::Range;

use unicode_bidi::{BidiInfo, Level};
use unicode_segmentation::UnicodeSegmentation;

use super::{
    canvas::Style,
    fonts::{FaceId, Fonts},
};

/// What a glyph stands for in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// These characters (one or more: a ligature stands for several).
    Text(String),
    /// Nothing of its own: a cluster drew more glyphs than it has characters
    /// (a split vowel), and the cluster's text went to its other glyphs. The PDF
    /// writer wraps such clusters in an `/ActualText` span.
    Extra,
}

/// One glyph placed on a line.
#[derive(Debug, Clone)]
pub struct Placed {
    /// Which face draws it.
    pub face: FaceId,
    /// Glyph id in that face.
    pub gid: u16,
    /// Left edge of its pen position plus offset, points from the line's start.
    pub x: f32,
    /// Vertical offset, points, up.
    pub rise: f32,
    /// What it stands for.
    pub source: Source,
    /// The index of its cluster on the line (glyphs of one cluster share it).
    pub cluster: usize,
}

/// A laid-out line.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// Total advance, points.
    pub width: f32,
    /// Glyphs in reading (logical) order.
    pub glyphs: Vec<Placed>,
    /// Clusters (by [`Placed::cluster`]) whose text is not carried by their
    /// glyphs one to one, with that text.
    pub actual_text: Vec<(usize, String)>,
}

/// Whether `text` reads right to left (its first strong character is Arabic,
/// Hebrew…).
pub fn is_rtl(text: &str) -> bool {
    unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// Characters that can make a line bidirectional (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, their presentation forms, and the explicit marks).
fn may_need_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
            | '\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}')
    })
}

/// Bidi level per byte of `text` (all 0 for text without right-to-left letters).
fn levels(text: &str) -> Vec<Level> {
    if !may_need_bidi(text) {
        return vec![Level::ltr(); text.len()];
    }
    let info = BidiInfo::new(text, None);
    let mut out = info.levels.clone();
    for para in &info.paragraphs {
        let line = para.range.clone();
        let reordered = info.reordered_levels(para, line.clone());
        out[line.clone()].copy_from_slice(&reordered[line]);
    }
    out
}

/// A run of text with one face and one bidi level.
struct Piece {
    range: Range<usize>,
    face: FaceId,
    level: Level,
}

fn pieces(fonts: &Fonts, text: &str, bold: bool, levels: &[Level]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut family: Option<usize> = None;
    let mut was_space = false;
    for (i, c) in text.char_indices() {
        let f = fonts.family_for(c, family);
        family = Some(f);
        let face = FaceId::of(f, bold);
        let level = levels.get(i).copied().unwrap_or_else(Level::ltr);
        let space = c.is_whitespace() && c != '\u{a0}';
        match out.last_mut() {
            Some(last) if last.face == face && last.level == level && space == was_space => {
                last.range.end = i + c.len_utf8();
            }
            _ => out.push(Piece {
                range: i..i + c.len_utf8(),
                face,
                level,
            }),
        }
        was_space = space;
    }
    out
}

/// Lays out one line of `text` (no newline) at `size` points.
pub fn layout_line(fonts: &Fonts, text: &str, size: f32, bold: bool) -> Line {
    let levels = levels(text);
    let pieces = pieces(fonts, text, bold, &levels);
    let shaped: Vec<_> = pieces
        .iter()
        .map(|p| fonts.shape(p.face, p.level.is_rtl(), &text[p.range.clone()]))
        .collect();
    // Visual order of the pieces (rule L2): from the highest level down to the
    // lowest odd one, reverse every run of pieces at that level or above.
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    let max = pieces.iter().map(|p| p.level.number()).max().unwrap_or(0);
    let min_odd = pieces
        .iter()
        .map(|p| p.level.number())
        .filter(|n| n % 2 == 1)
        .min();
    if let Some(min_odd) = min_odd {
        for level in (min_odd..=max).rev() {
            let mut i = 0;
            while i < order.len() {
                if pieces[order[i]].level.number() >= level {
                    let start = i;
                    while i < order.len() && pieces[order[i]].level.number() >= level {
                        i += 1;
                    }
                    order[start..i].reverse();
                } else {
                    i += 1;
                }
            }
        }
    }
    // Where each piece starts, left to right.
    let mut starts = vec![0.0f32; pieces.len()];
    let mut pen = 0.0f32;
    for &p in &order {
        starts[p] = pen;
        pen += shaped[p].advance as f32 * size / fonts.units_per_em(pieces[p].face);
    }
    let mut line = Line {
        width: pen,
        ..Line::default()
    };
    // Glyphs in reading order, cluster by cluster.
    for (p, piece) in pieces.iter().enumerate() {
        let scale = size / fonts.units_per_em(piece.face);
        let piece_text = &text[piece.range.clone()];
        let glyphs = &shaped[p].glyphs;
        // x of each glyph (visual order as shaped).
        let mut xs = Vec::with_capacity(glyphs.len());
        let mut x = starts[p];
        for g in glyphs {
            xs.push(x + g.x_offset as f32 * scale);
            x += g.advance as f32 * scale;
        }
        // Group glyphs by cluster, clusters in reading order.
        let mut clusters: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, g) in glyphs.iter().enumerate() {
            match clusters.iter_mut().find(|(c, _)| *c == g.cluster) {
                Some((_, members)) => members.push(i),
                None => clusters.push((g.cluster, vec![i])),
            }
        }
        clusters.sort_by_key(|(c, _)| *c);
        let bounds: Vec<usize> = clusters
            .iter()
            .map(|(c, _)| *c)
            .chain(std::iter::once(piece_text.len()))
            .collect();
        for (n, (start, members)) in clusters.iter().enumerate() {
            let cluster_text = &piece_text[*start..bounds[n + 1]];
            let cluster_id = line.glyphs.last().map_or(0, |g| g.cluster + 1);
            let chars: Vec<char> = cluster_text.chars().collect();
            let count = members.len();
            if count > chars.len() {
                line.actual_text.push((cluster_id, cluster_text.to_string()));
            }
            for (k, &i) in members.iter().enumerate() {
                // Glyph k carries character k; the last glyph carries the rest
                // (a ligature); glyphs beyond the characters carry nothing.
                let source = if k >= chars.len() {
                    Source::Extra
                } else if k + 1 == count {
                    Source::Text(chars[k..].iter().collect())
                } else {
                    Source::Text(chars[k].to_string())
                };
                line.glyphs.push(Placed {
                    face: piece.face,
                    gid: glyphs[i].gid,
                    x: xs[i],
                    rise: glyphs[i].y_offset as f32 * scale,
                    source,
                    cluster: cluster_id,
                });
            }
        }
    }
    line
}

/// `text` broken into lines no wider than `width` in `style`.
pub fn wrap(fonts: &Fonts, text: &str, width: f32, style: Style) -> Vec<String> {
    let measure = |s: &str| fonts.width(s, style.size, style.bold);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if measure(&candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if measure(word) <= width {
                line = word.to_string();
            } else {
                for g in word.graphemes(true) {
                    let next = format!("{line}{g}");
                    if measure(&next) > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line = g.to_string();
                    } else {
                        line = next;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let style = Style::BODY;
        let text = "Les travailleurs ont payé 18\u{a0}400,00 USD à l’agence « Recrutement Express » \
                    avant leur départ; Supercalifragilisticexpialidociouslylongidentifierwithoutspaces";
        let lines = wrap(&fonts, text, 120.0, style);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(fonts.width(line, style.size, style.bold) <= 120.0, "{line}");
        }
        assert!(lines.iter().any(|l| l.contains("18\u{a0}400,00")));
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        Ok(())
    }

    /// A long Devanagari word split across lines is split between grapheme
    /// clusters: a consonant never loses its vowel sign or virama.
    #[test]
    fn a_long_word_breaks_between_grapheme_clusters() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let word = "कार्यस्थलमासमस्याभएमाकोडस्क्यानगर्नुहोस्".repeat(3);
        let lines = wrap(&fonts, &word, 60.0, Style::BODY);
        assert!(lines.len() > 2);
        for line in &lines {
            let first = line.chars().next().unwrap_or(' ');
            assert!(
                !('\u{093E}'..='\u{094D}').contains(&first),
                "a line starts with a vowel sign or virama: {line}"
            );
        }
        assert_eq!(lines.concat(), word);
        Ok(())
    }

    /// Every glyph's text, in the order listed, is the line's text: what the PDF's
    /// ToUnicode map gives back.
    fn carried(line: &Line) -> String {
        let mut out = String::new();
        let mut done = Vec::new();
        for g in &line.glyphs {
            if let Some((_, actual)) = line.actual_text.iter().find(|(c, _)| *c == g.cluster) {
                if !done.contains(&g.cluster) {
                    out.push_str(actual);
                    done.push(g.cluster);
                }
                continue;
            }
            if let Source::Text(t) = &g.source {
                out.push_str(t);
            }
        }
        out
    }

    #[test]
    fn shaped_glyphs_carry_the_text_in_reading_order() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        for text in [
            "कर्मचारी कि समस्या",
            "কোম্পানি শ্রমিক",
            "ការងារ កើត",
            "مشكلة في العمل 2026",
            "කම්කරු ගැටලුව",
            "ሰራተኛ ችግር",
            "လုပ်ငန်းခွင်",
        ] {
            let line = layout_line(&fonts, text, 12.0, false);
            assert_eq!(carried(&line), text);
            assert!(
                line.glyphs.iter().all(|g| g.gid != 0),
                "a glyph is missing in {text}"
            );
        }
        Ok(())
    }

    /// Arabic is laid out right to left: the first letter read is the rightmost,
    /// and a number inside keeps its digits left to right.
    #[test]
    fn arabic_runs_right_to_left_with_numbers_left_to_right() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let line = layout_line(&fonts, "عمل 2026", 12.0, false);
        let first = &line.glyphs[0];
        let x_of = |d: &str| {
            line.glyphs
                .iter()
                .find(|g| matches!(&g.source, Source::Text(t) if t == d))
                .map_or(f32::NAN, |g| g.x)
        };
        assert!(matches!(&first.source, Source::Text(t) if t == "ع"));
        assert!(first.x > x_of("ل"), "ع is right of ل");
        let digit = x_of;
        assert!(digit("2") < digit("6"), "2026 reads left to right");
        assert!(digit("6") < first.x, "the number is left of the word in RTL");
        Ok(())
    }
}
