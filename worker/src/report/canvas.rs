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
}

impl<'f> Canvas<'f> {
    /// An empty document (no page yet).
    pub fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            pages: Vec::new(),
            y: CONTENT_TOP,
            headings: Vec::new(),
        }
    }

    /// Starts a page and puts the cursor at its top.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = CONTENT_TOP;
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
    /// reads right to left (Arabic, Urdu).
    pub fn paragraph_in(&mut self, x: f32, width: f32, text: &str, style: Style) {
        let rtl = super::text::is_rtl(text);
        for line in super::text::wrap(self.fonts, text, width, style) {
            self.ensure(style.leading());
            if rtl {
                self.text_right(x + width, self.y + style.size, &line, style);
            } else {
                self.text_at(x, self.y + style.size, &line, style);
            }
            self.y += style.leading();
        }
        self.y += style.size * 0.5;
    }

    /// A bulleted item.
    pub fn bullet(&mut self, text: &str, style: Style) {
        self.ensure(style.leading());
        self.text_at(MARGIN_X + 4.0, self.y + style.size, "•", style);
        self.paragraph_in(MARGIN_X + 16.0, CONTENT_W - 16.0, text, style);
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

    /// A subsection heading, kept with at least `keep` points of what follows.
    pub fn subsection(&mut self, title: &str, keep: f32) {
        let style = Style::BODY.sized(11.5).bold().colored(ACCENT);
        self.ensure(style.leading() + 6.0 + keep);
        if self.y > CONTENT_TOP {
            self.y += 6.0;
        }
        self.headings.push(Heading {
            title: title.to_string(),
            page: self.page(),
            level: 2,
        });
        for line in super::text::wrap(self.fonts, title, CONTENT_W, style) {
            self.text_at(MARGIN_X, self.y + style.size, &line, style);
            self.y += style.leading();
        }
        self.y += 3.0;
    }

    fn push(&mut self, item: Item) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let page = self.page();
        self.pages[page].push(item);
    }
}
