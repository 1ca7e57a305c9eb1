//! The embedded faces (Noto, `worker/fonts/`, see its README), which face draws
//! which character (fallback by coverage), and shaping with rustybuzz.
//!
//! Why shaping: Devanagari, Bengali, Myanmar, Khmer and Sinhala reorder and
//! combine letters, and Arabic joins them; placing one glyph per character (as
//! the writer did before) prints them wrong. Shaping gives glyph ids, advances
//! and offsets, and the cluster each glyph stands for (for the ToUnicode map).
//!
//! Faces are parsed when first needed (an English report never parses the
//! Myanmar face), once per process. A render owns one [`Fonts`], whose shaped
//! words are cached, since a report measures the same words many times.

use std::{cell::RefCell, collections::HashMap, rc::Rc, sync::OnceLock};

/// One font file compiled into the binary.
pub struct FaceFile {
    /// PostScript-style name, also the file's stem.
    pub name: &'static str,
    /// The sfnt bytes.
    pub bytes: &'static [u8],
}

macro_rules! face {
    ($name:literal) => {
        FaceFile {
            name: $name,
            bytes: include_bytes!(concat!("../../fonts/", $name, ".ttf")),
        }
    };
}

/// Families in fallback order, each as (regular, bold). A letter is drawn by the
/// first family that has it; Noto Sans (Latin, Greek, Cyrillic, Vietnamese) first.
pub static FACES: [FaceFile; 16] = [
    face!("NotoSans-Regular"),
    face!("NotoSans-Bold"),
    face!("NotoSansDevanagari-Regular"),
    face!("NotoSansDevanagari-Bold"),
    face!("NotoSansBengali-Regular"),
    face!("NotoSansBengali-Bold"),
    face!("NotoSansMyanmar-Regular"),
    face!("NotoSansMyanmar-Bold"),
    face!("NotoSansKhmer-Regular"),
    face!("NotoSansKhmer-Bold"),
    face!("NotoSansSinhala-Regular"),
    face!("NotoSansSinhala-Bold"),
    face!("NotoSansEthiopic-Regular"),
    face!("NotoSansEthiopic-Bold"),
    face!("NotoNaskhArabic-Regular"),
    face!("NotoNaskhArabic-Bold"),
];

/// How many families [`FACES`] holds.
pub const FAMILIES: usize = FACES.len() / 2;

/// An index into [`FACES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub usize);

impl FaceId {
    /// The face of `family` in the given weight.
    pub fn of(family: usize, bold: bool) -> Self {
        FaceId(family * 2 + usize::from(bold))
    }

    /// Its family (the index of its pair in [`FACES`]).
    pub fn family(self) -> usize {
        self.0 / 2
    }

    /// Its file.
    pub fn file(self) -> &'static FaceFile {
        &FACES[self.0]
    }
}

/// One shaped glyph, in font units.
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    /// Glyph id in the face.
    pub gid: u16,
    /// Byte offset, in the shaped text, of the cluster this glyph belongs to.
    pub cluster: usize,
    /// Pen advance.
    pub advance: i32,
    /// Horizontal offset from the pen.
    pub x_offset: i32,
    /// Vertical offset (up).
    pub y_offset: i32,
}

/// A shaped piece of text: glyphs in visual (left-to-right) order.
#[derive(Debug)]
pub struct Shaped {
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
    /// Sum of the advances.
    pub advance: i32,
}

/// A shape plan is fixed by the face, the direction, the script and the
/// language; `rustybuzz::shape` compiles one on every call, which cost more than
/// the shaping itself (the report shapes thousands of words with a handful of
/// plans), so plans are compiled once per render and reused.
type PlanKey = (FaceId, bool, rustybuzz::Script, Option<rustybuzz::Language>);

/// Every embedded face, parsed once per process: the files are compiled in and
/// never change, and parsing Noto Sans and Noto Sans Bold again was part of
/// every render.
static PARSED: [OnceLock<Option<rustybuzz::Face<'static>>>; FACES.len()] =
    [const { OnceLock::new() }; FACES.len()];

/// The shaping cache of one render: text → shaped, one map per (face,
/// direction) so that a lookup hashes the borrowed text and allocates nothing
/// (a report looks words up tens of thousands of times while wrapping).
type ShapeCache = Vec<HashMap<Box<str>, Rc<Shaped>>>;

/// The faces of a render (parsed once per process, on first use) and its
/// shaping caches.
pub struct Fonts {
    cache: RefCell<ShapeCache>,
    plans: RefCell<HashMap<PlanKey, Rc<rustybuzz::ShapePlan>>>,
}

impl Fonts {
    /// Ready to parse the embedded faces. Fails only if one of them does not
    /// parse, which the tests rule out; the Latin face is parsed at once.
    pub fn load() -> anyhow::Result<Self> {
        let fonts = Self {
            cache: RefCell::new((0..FACES.len() * 2).map(|_| HashMap::new()).collect()),
            plans: RefCell::new(HashMap::new()),
        };
        fonts.face(FaceId::of(0, false))?;
        fonts.face(FaceId::of(0, true))?;
        Ok(fonts)
    }

    /// Parses every face now (the tests and the benchmark's font timing).
    pub fn load_all() -> anyhow::Result<Self> {
        let fonts = Self::load()?;
        for id in 0..FACES.len() {
            fonts.face(FaceId(id))?;
        }
        Ok(fonts)
    }

    /// The parsed face `id`.
    pub fn face(&self, id: FaceId) -> anyhow::Result<&'static rustybuzz::Face<'static>> {
        PARSED[id.0]
            .get_or_init(|| rustybuzz::Face::from_slice(id.file().bytes, 0))
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("the embedded font {} does not parse", id.file().name))
    }

    fn covers(&self, family: usize, c: char) -> bool {
        self.face(FaceId::of(family, false))
            .map(|f| f.glyph_index(c).is_some())
            .unwrap_or(false)
    }

    fn first_covering(&self, c: char) -> Option<usize> {
        (0..FAMILIES).find(|&family| self.covers(family, c))
    }

    /// The family that draws `c`, given the family drawing the text before it.
    ///
    /// Latin (and Greek, Cyrillic) letters always take Noto Sans. Other letters
    /// and marks stay in the current family when it has them (a Devanagari
    /// vowel sign stays with its consonant), else take the first family that
    /// has them. Spaces, digits, punctuation and joiners stay in the current
    /// family when it has them (or they are invisible joiners), so a run is
    /// not broken for a comma.
    pub fn family_for(&self, c: char, current: Option<usize>) -> usize {
        let first = || self.first_covering(c);
        // Fast path, same answer: Noto Sans (family 0) has every printable ASCII
        // character, and ASCII letters always take it; looking each up in the
        // cmap was a sixth of a report's render.
        if c.is_ascii_alphabetic() || (c.is_ascii() && current.is_none_or(|f| f == 0)) {
            return 0;
        }
        if c.is_alphabetic() {
            if self.covers(0, c) {
                return 0;
            }
            if let Some(current) = current
                && self.covers(current, c)
            {
                return current;
            }
            return first().unwrap_or(0);
        }
        if let Some(current) = current
            && (self.covers(current, c) || is_invisible(c))
        {
            return current;
        }
        first().unwrap_or(0)
    }

    /// `text` shaped in `face`, right to left when `rtl` (cached).
    pub fn shape(&self, face: FaceId, rtl: bool, text: &str) -> Rc<Shaped> {
        let slot = face.0 * 2 + usize::from(rtl);
        if let Some(hit) = self.cache.borrow().get(slot).and_then(|map| map.get(text)) {
            return Rc::clone(hit);
        }
        let shaped = Rc::new(self.shape_uncached(face, rtl, text));
        if let Some(map) = self.cache.borrow_mut().get_mut(slot) {
            map.insert(text.into(), Rc::clone(&shaped));
        }
        shaped
    }

    fn shape_uncached(&self, face: FaceId, rtl: bool, text: &str) -> Shaped {
        let Ok(parsed) = self.face(face) else {
            return Shaped {
                glyphs: Vec::new(),
                advance: 0,
            };
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let plan = self.plan(parsed, face, rtl, &buffer);
        let out = rustybuzz::shape_with_plan(parsed, &plan, buffer);
        let glyphs: Vec<Glyph> = out
            .glyph_infos()
            .iter()
            .zip(out.glyph_positions())
            .map(|(info, pos)| Glyph {
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                cluster: info.cluster as usize,
                advance: pos.x_advance,
                x_offset: pos.x_offset,
                y_offset: pos.y_offset,
            })
            .collect();
        let advance = glyphs.iter().map(|g| g.advance).sum();
        Shaped { glyphs, advance }
    }

    /// The plan for shaping `buffer` (its properties already set) with `face`.
    fn plan(
        &self,
        parsed: &rustybuzz::Face<'static>,
        face: FaceId,
        rtl: bool,
        buffer: &rustybuzz::UnicodeBuffer,
    ) -> Rc<rustybuzz::ShapePlan> {
        let key: PlanKey = (face, rtl, buffer.script(), buffer.language());
        if let Some(plan) = self.plans.borrow().get(&key) {
            return Rc::clone(plan);
        }
        let plan = Rc::new(rustybuzz::ShapePlan::new(
            parsed,
            buffer.direction(),
            Some(buffer.script()),
            buffer.language().as_ref(),
            &[],
        ));
        self.plans.borrow_mut().insert(key, Rc::clone(&plan));
        plan
    }

    /// Font units per em of `face`.
    pub fn units_per_em(&self, face: FaceId) -> f32 {
        self.face(face)
            .map(|f| f.units_per_em() as f32)
            .unwrap_or(1000.0)
            .max(1.0)
    }

    /// The width of `text` at `size` points, as it is drawn (shaped, with
    /// fallback fonts and bidi): what wrapping and alignment use.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        super::text::line_width(self, text, size, bold)
    }
}

/// Characters that draw nothing and only steer shaping (joiners, marks of
/// direction, variation selectors): they never start a new font run.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_parses_and_latin_covers_en_es_fr_vi() -> anyhow::Result<()> {
        let fonts = Fonts::load_all()?;
        for c in "áéíóúñüçàèùâêîôûëïœÁÉÑÇ’«»€\u{a0}¿¡ơưạảấầẩẫậđĐ".chars()
        {
            for bold in [false, true] {
                let face = fonts.face(FaceId::of(0, bold))?;
                assert!(face.glyph_index(c).is_some(), "Noto Sans (bold {bold}) lacks {c}");
            }
        }
        assert!(fonts.width("WWW", 10.0, false) > fonts.width("iii", 10.0, false));
        Ok(())
    }

    /// Each script goes to its own family; neutrals stay in the current one.
    #[test]
    fn letters_take_the_family_of_their_script() -> anyhow::Result<()> {
        let fonts = Fonts::load()?;
        let family = |c| fonts.family_for(c, None);
        assert_eq!(family('a'), 0);
        assert_eq!(family('न'), 1);
        assert_eq!(family('ব'), 2);
        assert_eq!(family('က'), 3);
        assert_eq!(family('ក'), 4);
        assert_eq!(family('ක'), 5);
        assert_eq!(family('ሀ'), 6);
        assert_eq!(family('ع'), 7);
        assert_eq!(family('ے'), 7, "Urdu letters are in Naskh");
        // A vowel sign after a Devanagari consonant stays in Devanagari; a comma
        // after Arabic stays in the Arabic face when it has one.
        assert_eq!(fonts.family_for('\u{093F}', Some(1)), 1);
        assert_eq!(fonts.family_for(' ', Some(2)), 2);
        Ok(())
    }
}
