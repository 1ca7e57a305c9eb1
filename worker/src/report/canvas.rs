//! Page layout: a cursor that flows content down A4 pages, breaks to a new page
//! when something would not fit, and records every text it places (the tests
//! check those placements against the page box). Coordinates are points from the
//! top-left; they are flipped to PDF's bottom-left origin only when emitted.

use super::fonts::Fonts;

/// A4 width, points.
pub const PAGE_W: f32 = 595.28;
/// A4 height, points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub const MARGIN_X: f32 = 50.0;
/// Where body content starts (below the running header).
pub const CONTENT_TOP: f32 = 72.0;
/// Where body content must end (above the running footer).
pub const CONTENT_BOTTOM: f32 = PAGE_H - 64.0;
/// The width body content may use.
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// An RGB colour, 0–1.
pub type Rgb = (f32, f32, f32);
/// Body text colour.
pub const INK: Rgb = (0.13, 0.13, 0.15);
/// Secondary text and rules.
pub const MUTED: Rgb = (0.42, 0.44, 0.48);
/// The accent used for headings.
pub const ACCENT: Rgb = (0.09, 0.29, 0.45);

/// How a run of text looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Font size, points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Colour.
    pub color: Rgb,
}

impl Style {
    /// Regular body text.
    pub const BODY: Style = Style {
        size: 9.5,
        bold: false,
        color: INK,
    };
    /// Small print (tables, captions).
    pub const SMALL: Style = Style {
        size: 8.0,
        bold: false,
        color: INK,
    };

    /// This style in bold.
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    /// This style at `size`.
    pub fn sized(self, size: f32) -> Style {
        Style { size, ..self }
    }

    /// This style in `color`.
    pub fn colored(self, color: Rgb) -> Style {
        Style { color, ..self }
    }

    /// Distance between baselines.
    pub fn leading(self) -> f32 {
        self.size * 1.35
    }
}

/// One thing drawn on a page.
#[derive(Debug, Clone)]
pub enum Item {
    /// Text with its baseline at (`x`, `y`).
    Text {
        /// Left edge.
        x: f32,
        /// Baseline, from the page top.
        y: f32,
        /// As measured from the glyph advances.
        width: f32,
        /// What is written.
        text: String,
        /// How.
        style: Style,
    },
    /// A filled rectangle.
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge, from the page top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        color: Rgb,
    },
    /// A stroked line.
    Line {
        /// Start (x, y from the page top).
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Stroke width.
        width: f32,
        /// Stroke colour.
        color: Rgb,
    },
}

impl Item {
    /// This item `dy` points lower on the page.
    fn moved(self, dy: f32) -> Item {
        match self {
            Item::Text {
                x,
                y,
                width,
                text,
                style,
            } => Item::Text {
                x,
                y: y + dy,
                width,
                text,
                style,
            },
            Item::Rect { x, y, w, h, color } => Item::Rect {
                x,
                y: y + dy,
                w,
                h,
                color,
            },
            Item::Line {
                from,
                to,
                width,
                color,
            } => Item::Line {
                from: (from.0, from.1 + dy),
                to: (to.0, to.1 + dy),
                width,
                color,
            },
        }
    }
}

/// A heading as the table of contents lists it.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Its text.
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// 1 for a section, 2 for a subsection.
    pub level: u8,
}

/// The fewest lines of a paragraph (or table row) left at the bottom of a page
/// when it breaks, and carried to the top of the next: a single line alone
/// there is an orphan or a widow.
pub const KEEP_LINES: usize = 2;

/// How many of `lines` lines go on this page when `room` of them fit below the
/// cursor: all when they all fit; else as many as fit while at least
/// [`KEEP_LINES`] go on and at least [`KEEP_LINES`] are left for the next page;
/// none (the whole block moves on) when that cannot be done here.
pub fn lines_here(lines: usize, room: usize) -> usize {
    if lines <= room {
        return lines;
    }
    let here = room.min(lines.saturating_sub(KEEP_LINES));
    if here < KEEP_LINES { 0 } else { here }
}

/// A heading (or a glossary term) placed and not yet followed by anything: if
/// what follows moves to the next page, the heading moves with it.
#[derive(Debug, Clone, Copy)]
struct Pending {
    /// Its page.
    page: usize,
    /// Its first item on that page.
    first_item: usize,
    /// Its top.
    top: f32,
    /// Its entry in [`Canvas::headings`], if it is listed there.
    heading: Option<usize>,
}

/// The page flow.
pub struct Canvas<'f> {
    /// Measures text.
    pub fonts: &'f Fonts,
    /// Items per page.
    pub pages: Vec<Vec<Item>>,
    /// The cursor: the top of the next thing to place.
    pub y: f32,
    /// Headings in order, for the table of contents.
    pub headings: Vec<Heading>,
    /// The last subsection heading, while nothing follows it.
    pending: Option<Pending>,
}

impl<'f> Canvas<'f> {
    /// An empty document (no page yet).
    pub fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            pages: Vec::new(),
            y: CONTENT_TOP,
            headings: Vec::new(),
            pending: None,
        }
    }

    /// Starts a page and puts the cursor at its top. A subsection heading
    /// that nothing follows yet goes to the new page with what follows it (a
    /// heading is never the last thing on a page).
    pub fn new_page(&mut self) {
        let carried = match self.pending.take() {
            Some(p) if p.page == self.page() && p.top > CONTENT_TOP => {
                let page = &mut self.pages[p.page];
                let items = page.split_off(p.first_item.min(page.len()));
                if let Some(heading) = p.heading.and_then(|h| self.headings.get_mut(h)) {
                    heading.page = p.page + 1;
                }
                Some((items, p.top))
            }
            _ => None,
        };
        self.pages.push(Vec::new());
        match carried {
            Some((items, top)) => {
                let dy = CONTENT_TOP - top;
                let page = self.page();
                self.pages[page] = items.into_iter().map(|item| item.moved(dy)).collect();
                self.y += dy;
            }
            None => self.y = CONTENT_TOP,
        }
    }

    /// Whether the cursor is at the top of a page (nothing can be gained by
    /// breaking to a new one).
    fn at_top(&self) -> bool {
        self.y <= CONTENT_TOP
    }

    /// How many lines of `leading` fit below the cursor.
    pub fn lines_fitting(&self, leading: f32) -> usize {
        (self.room() / leading).floor().max(0.0) as usize
    }

    /// The current page's index.
    pub fn page(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// Room left on this page below the cursor.
    pub fn room(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// Breaks to a new page unless `height` fits below the cursor.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || height > self.room() {
            self.new_page();
        }
    }

    /// Moves the cursor down.
    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// The measured width of `text` in `style`.
    pub fn width(&self, text: &str, style: Style) -> f32 {
        self.fonts.width(text, style.size, style.bold)
    }

    /// Places `text` with its baseline at (`x`, `y`) on the current page.
    pub fn text_at(&mut self, x: f32, y: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let width = self.width(text, style);
        self.push(Item::Text {
            x,
            y,
            width,
            text: text.to_string(),
            style,
        });
    }

    /// Places `text` so that it ends at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, text: &str, style: Style) {
        let x = right - self.width(text, style);
        self.text_at(x, y, text, style);
    }

    /// A filled rectangle on the current page.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.push(Item::Rect { x, y, w, h, color });
    }

    /// A line on the current page.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
        self.push(Item::Line {
            from,
            to,
            width,
            color,
        });
    }

    /// Wrapped text across the content width, breaking pages between lines.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.paragraph_in(MARGIN_X, CONTENT_W, text, style);
    }

    /// Wrapped text in a column at `x` of `width`; right-aligned when the text
    /// reads right to left (Arabic, Urdu). Breaks pages between lines, never
    /// leaving one line alone at the bottom or top of a page ([`lines_here`]).
    pub fn paragraph_in(&mut self, x: f32, width: f32, text: &str, style: Style) {
        self.flow(x, width, text, style, None);
    }

    /// A bulleted item.
    pub fn bullet(&mut self, text: &str, style: Style) {
        self.flow(
            MARGIN_X + 16.0,
            CONTENT_W - 16.0,
            text,
            style,
            Some((MARGIN_X + 4.0, "•")),
        );
    }

    /// [`Self::paragraph_in`], with `marker` drawn at its first line.
    fn flow(&mut self, x: f32, width: f32, text: &str, style: Style, marker: Option<(f32, &str)>) {
        let rtl = super::text::is_rtl(text);
        let lines = super::text::wrap(self.fonts, text, width, style);
        let leading = style.leading();
        let mut rest = &lines[..];
        let mut first = true;
        while !rest.is_empty() {
            let room = self.lines_fitting(leading);
            let mut here = lines_here(rest.len(), room);
            if here == 0 && (self.at_top() || self.pages.is_empty()) {
                // Taller than a page: as much as fits, at least a line.
                here = room.clamp(1, rest.len());
            }
            if here == 0 {
                self.new_page();
                continue;
            }
            for line in &rest[..here] {
                if first && let Some((marker_x, marker)) = marker {
                    self.text_at(marker_x, self.y + style.size, marker, style);
                }
                first = false;
                if rtl {
                    self.text_right(x + width, self.y + style.size, line, style);
                } else {
                    self.text_at(x, self.y + style.size, line, style);
                }
                self.y += leading;
            }
            rest = &rest[here..];
            if !rest.is_empty() {
                self.new_page();
            }
        }
        self.y += style.size * 0.5;
    }

    /// A section heading: starts a page, and is listed in the contents.
    pub fn section(&mut self, title: &str) {
        self.new_page();
        self.headings.push(Heading {
            title: title.to_string(),
            page: self.page(),
            level: 1,
        });
        let style = Style::BODY.sized(16.0).bold().colored(ACCENT);
        self.text_at(MARGIN_X, self.y + style.size, title, style);
        self.y += style.leading() + 2.0;
        self.line((MARGIN_X, self.y), (PAGE_W - MARGIN_X, self.y), 0.8, ACCENT);
        self.y += 12.0;
    }

    /// A subsection heading, kept with at least `keep` points of what follows
    /// and, whatever `keep` says, with the first lines of what follows: if they
    /// go to the next page, the heading goes with them (see [`Self::new_page`]).
    pub fn subsection(&mut self, title: &str, keep: f32) {
        let style = Style::BODY.sized(11.5).bold().colored(ACCENT);
        let keep = keep.max(KEEP_LINES as f32 * Style::BODY.leading());
        self.ensure(style.leading() + 6.0 + keep);
        if self.y > CONTENT_TOP {
            self.y += 6.0;
        }
        self.headings.push(Heading {
            title: title.to_string(),
            page: self.page(),
            level: 2,
        });
        let heading = Some(self.headings.len() - 1);
        self.kept_with_next(heading, |canvas| {
            for line in super::text::wrap(canvas.fonts, title, CONTENT_W, style) {
                canvas.text_at(MARGIN_X, canvas.y + style.size, &line, style);
                canvas.y += style.leading();
            }
            canvas.y += 3.0;
        });
    }

    /// Draws with `draw` something that must not end a page (a heading, a
    /// glossary term): if the next thing placed goes to a new page, it goes
    /// too. `heading` is its entry in [`Self::headings`], whose page then follows.
    pub fn kept_with_next(&mut self, heading: Option<usize>, draw: impl FnOnce(&mut Self)) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let page = self.page();
        let pending = Pending {
            page,
            first_item: self.pages[page].len(),
            top: self.y,
            heading,
        };
        draw(self);
        if self.page() == page {
            self.pending = Some(pending);
        }
    }

    fn push(&mut self, item: Item) {
        // Something follows the last heading: it stays where it is.
        self.pending = None;
        if self.pages.is_empty() {
            self.new_page();
        }
        let page = self.page();
        self.pages[page].push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_break_leaves_at_least_two_lines_on_each_side() {
        assert_eq!(lines_here(5, 10), 5, "all fit");
        assert_eq!(lines_here(5, 1), 0, "one line alone at the bottom");
        assert_eq!(
            lines_here(5, 4),
            3,
            "four here would leave one alone on the next page"
        );
        assert_eq!(lines_here(3, 2), 0, "three lines cannot break two and two");
        assert_eq!(lines_here(4, 3), 2);
        assert_eq!(lines_here(1, 0), 0);
        for lines in 1..40 {
            for room in 0..40 {
                let here = lines_here(lines, room);
                assert!(
                    here <= lines && (here <= room || lines <= room),
                    "{lines} in {room}"
                );
                if 0 < here && here < lines {
                    assert!(here >= KEEP_LINES, "orphan: {lines} in {room}");
                    assert!(lines - here >= KEEP_LINES, "widow: {lines} in {room}");
                }
            }
        }
    }

    /// Body lines per page, and the page of each subsection heading.
    fn body_lines_and_headings(canvas: &Canvas<'_>) -> (Vec<usize>, Vec<usize>) {
        let is = |item: &Item, size: f32| matches!(item, Item::Text { style, .. } if style.size == size);
        let lines = canvas
            .pages
            .iter()
            .map(|items| items.iter().filter(|i| is(i, Style::BODY.size)).count())
            .collect();
        let headings = canvas
            .pages
            .iter()
            .enumerate()
            .filter(|(_, items)| items.iter().any(|i| is(i, 11.5)))
            .map(|(page, _)| page)
            .collect();
        (lines, headings)
    }

    /// Wherever on a page a subsection and its paragraph start, no page holds a
    /// single line of the paragraph, and the heading is on a page with at least
    /// two of its lines.
    #[test]
    fn paragraphs_and_headings_never_leave_a_line_alone_on_a_page() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let text = "Workers reported paying recruitment fees to a sub-agent in their home \
                    district before departure, and several said their passports were kept \
                    by the dormitory manager until the end of their first contract year. "
            .repeat(3);
        let lines = super::super::text::wrap(&fonts, &text, CONTENT_W, Style::BODY).len();
        assert!(lines >= 5, "{lines} lines");
        let mut start = CONTENT_TOP;
        while start < CONTENT_BOTTOM {
            let mut canvas = Canvas::new(&fonts);
            canvas.new_page();
            canvas.y = start;
            canvas.subsection("Fees and debt", 0.0);
            canvas.paragraph(&text, Style::BODY);
            let (per_page, headings) = body_lines_and_headings(&canvas);
            assert_eq!(per_page.iter().sum::<usize>(), lines);
            for (page, &count) in per_page.iter().enumerate() {
                assert!(
                    count == 0 || count >= KEEP_LINES,
                    "from {start}: page {page} has {count} line(s)"
                );
            }
            assert_eq!(headings.len(), 1, "from {start}");
            assert!(
                per_page[headings[0]] >= KEEP_LINES,
                "from {start}: a heading alone"
            );
            assert_eq!(
                canvas.headings[0].page, headings[0],
                "the contents follow the heading"
            );
            start += 2.5;
        }
        Ok(())
    }

    /// A three-line bullet is never split, and its bullet stays with its text.
    #[test]
    fn short_bullets_move_whole_with_their_marker() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let text = "Passports returned to every worker, with a signed receipt kept in the \
                    personnel file and a lockable locker in each dormitory room for documents.";
        let lines = super::super::text::wrap(&fonts, text, CONTENT_W - 16.0, Style::BODY).len();
        assert!((2..=3).contains(&lines), "{lines} lines");
        let mut start = CONTENT_BOTTOM - 4.0 * Style::BODY.leading();
        while start < CONTENT_BOTTOM {
            let mut canvas = Canvas::new(&fonts);
            canvas.new_page();
            canvas.y = start;
            canvas.bullet(text, Style::BODY);
            let page = canvas.pages.iter().position(|items| !items.is_empty());
            let used: Vec<usize> = canvas.pages.iter().map(Vec::len).collect();
            assert_eq!(
                used.iter().filter(|&&n| n > 0).count(),
                1,
                "from {start}: {used:?}"
            );
            let items = page.map_or(0, |p| canvas.pages[p].len());
            assert_eq!(
                items,
                lines + 1,
                "from {start}: the marker and every line together"
            );
            start += 1.5;
        }
        Ok(())
    }
}
