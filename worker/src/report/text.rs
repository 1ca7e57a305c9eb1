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

/// Bidi level per byte of `text`; `None` when it is all left to right (no
/// right-to-left letters), the common case, which then allocates nothing.
fn levels(text: &str) -> Option<Vec<Level>> {
    if !may_need_bidi(text) {
        return None;
    }
    let info = BidiInfo::new(text, None);
    let mut out = info.levels.clone();
    for para in &info.paragraphs {
        let line = para.range.clone();
        let reordered = info.reordered_levels(para, line.clone());
        out[line.clone()].copy_from_slice(&reordered[line]);
    }
    Some(out)
}

/// A run of text with one face and one bidi level.
struct Piece {
    range: Range<usize>,
    face: FaceId,
    level: Level,
}

/// `text` cut into pieces; `family` is the family drawing the text before it
/// (`None` at the start of a line).
fn pieces(
    fonts: &Fonts,
    text: &str,
    bold: bool,
    levels: Option<&[Level]>,
    mut family: Option<usize>,
) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut was_space = false;
    for (i, c) in text.char_indices() {
        let f = fonts.family_for(c, family);
        family = Some(f);
        let face = FaceId::of(f, bold);
        let level = levels.and_then(|l| l.get(i).copied()).unwrap_or_else(Level::ltr);
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

/// Visual order of the pieces (rule L2): from the highest level down to the
/// lowest odd one, reverse every run of pieces at that level or above.
fn visual_order(pieces: &[Piece]) -> Vec<usize> {
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
    order
}

/// The width of `text` laid out as one line at `size` points: what
/// [`layout_line`] gives as `width`, to the bit (the same advances summed in the
/// same order), without placing any glyph.
pub fn line_width(fonts: &Fonts, text: &str, size: f32, bold: bool) -> f32 {
    let levels = levels(text);
    let pieces = pieces(fonts, text, bold, levels.as_deref(), None);
    let order = visual_order(&pieces);
    let mut pen = 0.0f32;
    for p in order {
        pen += piece_advance(fonts, text, &pieces[p], size);
    }
    pen
}

/// The advance of one piece, points.
fn piece_advance(fonts: &Fonts, text: &str, piece: &Piece, size: f32) -> f32 {
    let shaped = fonts.shape(piece.face, piece.level.is_rtl(), &text[piece.range.clone()]);
    shaped.advance as f32 * size / fonts.units_per_em(piece.face)
}

/// Lays out one line of `text` (no newline) at `size` points.
pub fn layout_line(fonts: &Fonts, text: &str, size: f32, bold: bool) -> Line {
    let levels = levels(text);
    let pieces = pieces(fonts, text, bold, levels.as_deref(), None);
    let shaped: Vec<_> = pieces
        .iter()
        .map(|p| fonts.shape(p.face, p.level.is_rtl(), &text[p.range.clone()]))
        .collect();
    let order = visual_order(&pieces);
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
        // Glyphs grouped by cluster, clusters in reading order, each cluster's
        // glyphs in their visual order (a stable sort; already sorted for
        // left-to-right text).
        let mut by_cluster: Vec<usize> = (0..glyphs.len()).collect();
        by_cluster.sort_by_key(|&i| glyphs[i].cluster);
        let mut k = 0;
        while k < by_cluster.len() {
            let start = glyphs[by_cluster[k]].cluster;
            let mut end = k + 1;
            while end < by_cluster.len() && glyphs[by_cluster[end]].cluster == start {
                end += 1;
            }
            let members = &by_cluster[k..end];
            let bound = by_cluster
                .get(end)
                .map_or(piece_text.len(), |&i| glyphs[i].cluster);
            let cluster_text = &piece_text[start..bound];
            let cluster_id = line.glyphs.last().map_or(0, |g| g.cluster + 1);
            let chars = cluster_text.chars().count();
            let count = members.len();
            if count > chars {
                line.actual_text.push((cluster_id, cluster_text.to_string()));
            }
            // Byte offset of character `n` of the cluster.
            let at = |n: usize| {
                cluster_text
                    .char_indices()
                    .nth(n)
                    .map_or(cluster_text.len(), |(i, _)| i)
            };
            for (n, &i) in members.iter().enumerate() {
                // Glyph n carries character n; the last glyph carries the rest
                // (a ligature); glyphs beyond the characters carry nothing.
                let source = if n >= chars {
                    Source::Extra
                } else if n + 1 == count {
                    Source::Text(cluster_text[at(n)..].to_string())
                } else {
                    Source::Text(cluster_text[at(n)..at(n + 1)].to_string())
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
            k = end;
        }
    }
    line
}

/// The width of a line so far and the family of its last character: enough to
/// measure the line with one more word without measuring it all again.
#[derive(Clone, Copy)]
struct Filled {
    width: f32,
    family: Option<usize>,
}

/// `text` measured after text drawn in `family` whose width is `start`, with
/// no bidi in either: the pieces of `text` are those it gets at the end of the
/// longer line (a piece never spans the space a word starts with), and the
/// advances are added to `start` in the order a full measure adds them, so the
/// sum is the same to the bit.
fn extend(fonts: &Fonts, filled: Filled, text: &str, style: Style) -> Filled {
    let pieces = pieces(fonts, text, style.bold, None, filled.family);
    let mut width = filled.width;
    for piece in &pieces {
        width += piece_advance(fonts, text, piece, style.size);
    }
    Filled {
        width,
        family: pieces.last().map(|p| p.face.family()).or(filled.family),
    }
}

/// `line` measured from its start: `None` when it needs bidi, which reorders
/// pieces and so cannot be measured a word at a time.
fn measured(fonts: &Fonts, line: &str, style: Style) -> Option<Filled> {
    let start = Filled {
        width: 0.0,
        family: None,
    };
    (!may_need_bidi(line)).then(|| extend(fonts, start, line, style))
}

/// The width of `line` with ` word` appended, where `filled` is `line`
/// measured (when it could be).
fn with_word(
    fonts: &Fonts,
    line: &str,
    filled: Option<Filled>,
    word: &str,
    style: Style,
) -> (f32, Option<Filled>) {
    let ends_in_space = line
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() && c != '\u{a0}');
    if let Some(filled) = filled
        && !ends_in_space
        && !may_need_bidi(word)
    {
        let spaced = extend(fonts, filled, " ", style);
        let longer = extend(fonts, spaced, word, style);
        return (longer.width, Some(longer));
    }
    let candidate = format!("{line} {word}");
    (line_width(fonts, &candidate, style.size, style.bold), None)
}

/// `text` broken into lines no wider than `width` in `style`.
///
/// A line is measured a word at a time (its width so far plus the next word's
/// pieces), not from its start for every word: measuring whole candidate
/// lines made wrapping quadratic in the words of a line, and it was most of
/// the layout's time.
pub fn wrap(fonts: &Fonts, text: &str, width: f32, style: Style) -> Vec<String> {
    let measure = |s: &str| fonts.width(s, style.size, style.bold);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        // `line` measured, when it can be extended a word at a time.
        let mut filled: Option<Filled> = None;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() {
                let (candidate, longer) = with_word(fonts, &line, filled, word, style);
                if candidate <= width {
                    line.push(' ');
                    line.push_str(word);
                    filled = longer.or_else(|| measured(fonts, &line, style));
                    continue;
                }
                lines.push(std::mem::take(&mut line));
            }
            let alone = measured(fonts, word, style);
            let word_width = alone.map_or_else(|| measure(word), |f| f.width);
            if word_width <= width {
                line = word.to_string();
                filled = alone;
            } else {
                line = split_word(word, width, &measure, &mut lines);
                filled = measured(fonts, &line, style);
            }
        }
        lines.push(line);
    }
    lines
}

/// A word wider than `width` split between grapheme clusters: the full lines
/// go to `lines`, the last (partial) line is returned.
fn split_word(word: &str, width: f32, measure: &impl Fn(&str) -> f32, lines: &mut Vec<String>) -> String {
    let mut line = String::new();
    for g in word.graphemes(true) {
        let next = format!("{line}{g}");
        if measure(&next) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = g.to_string();
        } else {
            line = next;
        }
    }
    line
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

    /// Wrapping as it was done before lines were measured a word at a time:
    /// every candidate line measured whole.
    fn wrap_measuring_whole_lines(fonts: &Fonts, text: &str, width: f32, style: Style) -> Vec<String> {
        let measure = |s: &str| layout_line(fonts, s, style.size, style.bold).width;
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
                    line = split_word(word, width, &measure, &mut lines);
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Measuring a word at a time gives the widths of whole lines to the bit,
    /// so lines break exactly where they did: in every script, with bidi, with
    /// no-break spaces and several spaces in a row.
    #[test]
    fn word_at_a_time_wrapping_breaks_where_whole_lines_did() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let texts = [
            "Les travailleurs ont payé 18\u{a0}400,00 USD à l’agence « Recrutement Express » avant leur départ",
            "Workers  paid  fees, (twice) — 1,200.50 USD; “deposits” kept: 3 months' wages.",
            "कर्मचारी कि समस्या छ र उनीहरूले शुल्क तिरेका छन् 2026",
            "শ্রমিকরা নিয়োগ ফি দিয়েছেন এবং পাসপোর্ট রাখা হয়েছে",
            "مشكلة في العمل رقم 2026 مع الوكالة ABC وكالة التوظيف",
            "Mix of English, नेपाली शब्द, and ភាសាខ្មែរ in one line of text",
            "ሰራተኛ ችግር ደመወዝ 1500 ብር ተከፍሏል",
        ];
        for text in texts {
            for width in [40.0, 90.0, 150.0, 300.0] {
                for style in [Style::BODY, Style::SMALL.bold()] {
                    assert_eq!(
                        wrap(&fonts, text, width, style),
                        wrap_measuring_whole_lines(&fonts, text, width, style),
                        "{text} in {width}"
                    );
                }
            }
            for size in [8.0, 9.5, 16.0] {
                let whole = layout_line(&fonts, text, size, false).width;
                assert_eq!(
                    line_width(&fonts, text, size, false).to_bits(),
                    whole.to_bits(),
                    "{text}"
                );
            }
        }
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
