//! Line breaking by measured width. Breaks at spaces and newlines only (a
//! no-break space, as in French numbers, keeps its neighbours together); a word
//! wider than the line is split between characters so nothing runs off the page.

use super::{canvas::Style, fonts::Fonts};

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
                for c in word.chars() {
                    let mut next = line.clone();
                    next.push(c);
                    if measure(&next) > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        next = c.to_string();
                    }
                    line = next;
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
}
