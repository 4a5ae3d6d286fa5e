//! The glossary: the jargon of US tariffs explained in one line each, in
//! English and Urdu. One table, `glossary.tsv` (data, read once), serves the
//! Glossary dialog and the terms marked in running text (`spot`);
//! docs/GLOSSARY.md carries the same rows ("Explained in the app"), and a test
//! keeps the two in step.

use std::sync::OnceLock;

use super::Lang;

/// One term in one language: its name as the glossary lists it (plain name
/// first), how running text writes it (`spots`), and its one-line meaning.
pub struct Words {
    pub term: &'static str,
    spots: &'static str,
    pub meaning: &'static str,
}

impl Words {
    /// The spellings running text uses for the term.
    pub fn spots(&self) -> impl Iterator<Item = &'static str> {
        self.spots.split(" | ").filter(|s| !s.is_empty())
    }
}

pub struct Term {
    /// The anchor: the glossary entry is `#glossary-<id>`.
    pub id: &'static str,
    pub en: Words,
    pub ur: Words,
}

impl Term {
    pub fn words(&self, lang: Lang) -> &Words {
        match lang {
            Lang::En => &self.en,
            Lang::Ur => &self.ur,
        }
    }

    /// The id of its entry in the Glossary dialog.
    pub fn anchor(&self) -> String {
        format!("glossary-{}", self.id)
    }
}

const TABLE: &str = include_str!("glossary.tsv");

/// The terms, in the table's order (a line without its seven fields is skipped;
/// the tests hold every line to them).
pub fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let fields: Vec<&'static str> = line.split('\t').collect();
                let &[id, en_term, en_spots, en_meaning, ur_term, ur_spots, ur_meaning] = fields.as_slice() else {
                    return None;
                };
                let en = Words { term: en_term, spots: en_spots, meaning: en_meaning };
                let ur = Words { term: ur_term, spots: ur_spots, meaning: ur_meaning };
                Some(Term { id, en, ur })
            })
            .collect()
    })
}

/// The term with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    terms().iter().find(|t| t.id == id)
}

/// A piece of running text: plain, or a glossary term as the text writes it.
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    Text(&'a str),
    Term(&'static str, &'a str),
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || ('\u{064B}'..='\u{065F}').contains(&c))
}

/// `text` cut at its glossary terms, each marked at its first occurrence only
/// (a reader needs one explanation per text), as a whole word, the longest
/// spelling first ("HTSUS" before "HTS"). Terms of either language are found,
/// so an English text on an Urdu page is marked too.
pub fn spot(text: &str) -> Vec<Piece<'_>> {
    // No sort (a stable sort costs the wasm kilobytes): the longest match wins at each place.
    let spellings = || terms().iter().flat_map(|t| t.en.spots().chain(t.ur.spots()).map(move |s| (t.id, s)));
    let mut pieces = Vec::new();
    let mut used: Vec<&'static str> = Vec::new();
    let (mut plain_from, mut i) = (0, 0);
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let found = (!is_word(before)).then(|| {
            spellings()
                .filter(|(id, s)| {
                    !used.contains(id)
                        && text.get(i..).is_some_and(|rest| rest.starts_with(s))
                        && !is_word(text.get(i + s.len()..).and_then(|r| r.chars().next()))
                })
                .max_by_key(|(_, s)| s.len())
        });
        match found.flatten() {
            Some((id, s)) => {
                if let Some(plain) = text.get(plain_from..i).filter(|p| !p.is_empty()) {
                    pieces.push(Piece::Text(plain));
                }
                if let Some(shown) = text.get(i..i + s.len()) {
                    pieces.push(Piece::Term(id, shown));
                }
                used.push(id);
                i += s.len();
                plain_from = i;
            }
            None => i += c.len_utf8(),
        }
    }
    if let Some(plain) = text.get(plain_from..).filter(|p| !p.is_empty()) {
        pieces.push(Piece::Text(plain));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` cut as `want` says: (term id or none, the text of the piece).
    fn check(text: &str, want: &[(Option<&str>, &str)]) {
        let got: Vec<(Option<&str>, &str)> = spot(text)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => (None, t),
                Piece::Term(id, t) => (Some(id), t),
            })
            .collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn terms_are_marked_once_as_whole_words_longest_first() {
        let text = "IEEPA reciprocal 19% (HTSUS heading 9903.01.25); IEEPA again, not IEEPAX";
        let rest = " heading 9903.01.25); IEEPA again, not IEEPAX";
        check(text, &[(Some("ieepa"), "IEEPA"), (None, " reciprocal 19% ("), (Some("hts"), "HTSUS"), (None, rest)]);
        // Inside a word is not the term: "FRAME", "CAPES"; "سیکشن 2321" is another number.
        check("FRAME CAPES", &[(None, "FRAME CAPES")]);
        check("سیکشن 2321", &[(None, "سیکشن 2321")]);
        check("", &[]);
        // Urdu terms, and English citations inside Urdu.
        let urdu = "سیکشن 232: تانبے پر ٹیرف، 90 FR 15041";
        check(urdu, &[(Some("section-232"), "سیکشن 232"), (None, ": تانبے پر ٹیرف، 90 "), (Some("federal-register"), "FR"), (None, " 15041")]);
    }

    #[test]
    fn every_piece_joins_back_into_the_text() {
        for text in ["MFN (column 1 general) duty", "Unverified: dutiable if not exempt", "کیپ اور آئی ای ای پی اے", "é FR ü"] {
            let joined: String = spot(text)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) | Piece::Term(_, t) => *t,
                })
                .collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn every_line_of_the_table_is_a_term_with_both_languages() {
        let lines = TABLE.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(terms().len(), lines, "a line without its seven fields");
        assert!(lines >= 10);
        for (i, t) in terms().iter().enumerate() {
            assert!(terms().iter().skip(i + 1).all(|o| o.id != t.id), "{}", t.id);
            assert_eq!(term(t.id).map(|x| x.id), Some(t.id));
            for w in [&t.en, &t.ur] {
                assert!(!w.term.is_empty() && w.spots().count() > 0 && w.meaning.len() > 20, "{}", t.id);
                // The meaning is one line a reader takes in at a glance.
                assert!(w.meaning.chars().count() < 320, "{}: {}", t.id, w.meaning);
            }
        }
    }

    /// docs/GLOSSARY.md's "Explained in the app" table has exactly these rows:
    /// English term, Urdu term, (not this), meaning, Urdu meaning.
    #[test]
    fn the_docs_glossary_lists_the_same_terms_and_meanings() {
        let doc = include_str!("../../docs/GLOSSARY.md");
        let section = doc.split("## Explained in the app").nth(1).unwrap_or_default();
        let section = section.split("\n## ").next().unwrap_or_default();
        let rows: Vec<Vec<String>> = section
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| English") && !l.starts_with("| ---"))
            .map(|l| l.trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect())
            .collect();
        assert_eq!(rows.len(), terms().len(), "{rows:?}");
        for (row, t) in rows.iter().zip(terms()) {
            let want = [t.en.term, t.ur.term, row.get(2).map_or("", String::as_str), t.en.meaning, t.ur.meaning];
            assert_eq!(row.iter().map(String::as_str).collect::<Vec<_>>(), want, "{}", t.id);
        }
    }
}
