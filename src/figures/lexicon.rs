//! Word lists the figure rules share: function words, hedges and bounds, change verbs,
//! words that name an identifier before its number, and context cues (sports, markets).
//!
//! Input: lowercased words. Output: membership. All lists are sorted `&str` slices searched by
//! binary search (O(log n), no allocation, no hashing).

/// Closed-class words: they end a counted noun phrase and may stand, capitalized, before a
/// figure at the start of a sentence without making it a name ("About 300", "In 2023").
const FUNCTION: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "aged",
    "ages",
    "ago",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "circa",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "estimated",
    "even",
    "ever",
    "every",
    "exactly",
    "fewer",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "past",
    "per",
    "perhaps",
    "plus",
    "rather",
    "roughly",
    "said",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// Verbs and adverbs of change: "rose from 3.1% to 3.4%" is two figures, not a range.
const CHANGE: &[&str] = &[
    "ballooned",
    "boosted",
    "by",
    "changed",
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "cut",
    "cuts",
    "cutting",
    "decline",
    "declined",
    "declining",
    "decrease",
    "decreased",
    "doubled",
    "down",
    "drop",
    "dropped",
    "dropping",
    "drops",
    "eased",
    "edged",
    "expanded",
    "fall",
    "fallen",
    "falling",
    "falls",
    "fell",
    "gained",
    "grew",
    "grow",
    "growing",
    "grown",
    "halved",
    "hiked",
    "improved",
    "increase",
    "increased",
    "increasing",
    "jump",
    "jumped",
    "lifted",
    "lost",
    "lowered",
    "moved",
    "narrowed",
    "plunged",
    "raise",
    "raised",
    "raising",
    "rebounded",
    "recovered",
    "reduced",
    "revised",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "sank",
    "shrank",
    "slashed",
    "slid",
    "slipped",
    "slumped",
    "soared",
    "surged",
    "swelled",
    "trimmed",
    "tripled",
    "tumbled",
    "up",
    "upgraded",
    "widened",
];

/// Lowercase words that make the following number an identifier: "page 12", "rule 33".
const REFERENCE: &[&str] = &[
    "act",
    "amendment",
    "appendix",
    "art",
    "article",
    "chapter",
    "clause",
    "exhibit",
    "exit",
    "fig",
    "figure",
    "flight",
    "gate",
    "grade",
    "highway",
    "interstate",
    "issue",
    "item",
    "level",
    "line",
    "model",
    "no",
    "nos",
    "number",
    "p",
    "page",
    "pages",
    "para",
    "paragraph",
    "part",
    "phase",
    "platform",
    "pp",
    "prop",
    "proposition",
    "question",
    "room",
    "route",
    "rule",
    "sec",
    "section",
    "stage",
    "table",
    "tier",
    "track",
    "type",
    "verse",
    "version",
    "vol",
    "volume",
];

/// Words near a "2-1" that make it a score or a vote tally rather than a range.
const SCORE_CUES: &[&str] = &[
    "ballot", "beat", "beating", "beats", "court", "cup", "decision", "defeat", "defeated",
    "defeats", "draw", "drew", "edged", "final", "game", "games", "goal", "goals", "halftime",
    "house", "innings", "jury", "lead", "league", "led", "lose", "loses", "losing", "loss", "lost",
    "majority", "margin", "match", "overtime", "routed", "ruled", "ruling", "score", "scored",
    "senate", "series", "set", "sets", "thrashed", "tie", "tied", "trail", "trailed", "victory",
    "vote", "voted", "votes", "win", "winning", "wins", "won",
];

/// Words near "points" that make them index points rather than a count.
const MARKET_CUES: &[&str] = &[
    "benchmark",
    "cac",
    "composite",
    "dax",
    "dow",
    "ftse",
    "hang",
    "index",
    "indices",
    "industrial",
    "industrials",
    "kospi",
    "market",
    "markets",
    "nasdaq",
    "nifty",
    "nikkei",
    "sensex",
    "shares",
    "stock",
    "stocks",
    "stoxx",
    "topix",
    "tsx",
];

/// Nouns whose plural looks singular, and singular nouns ending in "s", for counted nouns.
const PLURAL_IRREGULAR: &[&str] = &[
    "aircraft",
    "cattle",
    "children",
    "clergy",
    "crew",
    "data",
    "deer",
    "feet",
    "fish",
    "geese",
    "livestock",
    "media",
    "men",
    "mice",
    "offspring",
    "people",
    "personnel",
    "police",
    "sheep",
    "staff",
    "teeth",
    "troops",
    "women",
    "youth",
];
const NOT_PLURAL: &[&str] = &[
    "always", "analysis", "basis", "bus", "campus", "census", "chaos", "crisis", "diabetes",
    "lens", "means", "measles", "mumps", "news", "perhaps", "physics", "politics", "series",
    "species", "status", "thus", "virus", "whereas",
];

fn has(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// A closed-class word.
pub fn function_word(w: &str) -> bool {
    has(FUNCTION, w)
}

/// A verb or adverb of change (or "by").
pub fn change_word(w: &str) -> bool {
    has(CHANGE, w)
}

/// A word that makes the next number a reference ("page 12").
pub fn reference_word(w: &str) -> bool {
    has(REFERENCE, w)
}

/// A sports or vote cue.
pub fn score_cue(w: &str) -> bool {
    has(SCORE_CUES, w)
}

/// A stock-market cue.
pub fn market_cue(w: &str) -> bool {
    has(MARKET_CUES, w)
}

/// Whether a lowercased noun looks plural ("soldiers", "people"; not "measles").
pub fn plural(w: &str) -> bool {
    if has(PLURAL_IRREGULAR, w) || w.ends_with("men") {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !has(NOT_PLURAL, w)
}

/// A qualifier read just before a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hedge {
    /// Hedged ("about", "nearly").
    pub approximate: bool,
    /// 1 = min ("more than"), -1 = max ("up to"), 0 = none.
    pub bound: i8,
}

/// Qualifier phrases (lowercase, words separated by spaces), longest first within a start.
const HEDGES: &[(&str, bool, i8)] = &[
    ("a little more than", false, 1),
    ("a little over", false, 1),
    ("about", true, 0),
    ("above", false, 1),
    ("almost", true, -1),
    ("an estimated", true, 0),
    ("approximately", true, 0),
    ("around", true, 0),
    ("as few as", false, -1),
    ("as high as", false, -1),
    ("as little as", false, -1),
    ("as many as", false, -1),
    ("as much as", false, -1),
    ("at least", false, 1),
    ("at most", false, -1),
    ("below", false, -1),
    ("circa", true, 0),
    ("close to", true, -1),
    ("estimated", true, 0),
    ("exceeding", false, 1),
    ("fewer than", false, -1),
    ("greater than", false, 1),
    ("higher than", false, 1),
    ("in excess of", false, 1),
    ("just over", false, 1),
    ("just under", false, -1),
    ("less than", false, -1),
    ("lower than", false, -1),
    ("more than", false, 1),
    ("nearly", true, -1),
    ("no fewer than", false, 1),
    ("no less than", false, 1),
    ("no more than", false, -1),
    ("not quite", true, -1),
    ("over", false, 1),
    ("roughly", true, 0),
    ("some", true, 0),
    ("under", false, -1),
    ("up to", false, -1),
    ("upwards of", false, 1),
    ("well over", false, 1),
    ("well under", false, -1),
];

/// The qualifier whose words end just before a figure: `prev` holds the lowercased words
/// before it, nearest first (empty strings past a punctuation mark).
pub fn hedge(prev: [&str; 4]) -> Option<(Hedge, usize)> {
    let mut best: Option<(Hedge, usize)> = None;
    for &(phrase, approximate, bound) in HEDGES {
        let n = phrase.split(' ').count();
        let matches = phrase
            .split(' ')
            .rev()
            .zip(prev.iter())
            .all(|(a, b)| a == *b);
        if matches && best.is_none_or(|(_, m)| n > m) {
            best = Some((Hedge { approximate, bound }, n));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [
            FUNCTION,
            CHANGE,
            REFERENCE,
            SCORE_CUES,
            MARKET_CUES,
            PLURAL_IRREGULAR,
            NOT_PLURAL,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", &list[..3]);
        }
    }

    #[test]
    fn hedges_and_plurals() {
        assert_eq!(hedge(["than", "more", "x", ""]).unwrap().0.bound, 1);
        assert_eq!(hedge(["to", "up", "", ""]).unwrap().0.bound, -1);
        let nearly = hedge(["nearly", "", "", ""]).unwrap().0;
        assert!(nearly.approximate && nearly.bound == -1);
        assert_eq!(hedge(["than", "more", "little", "a"]).unwrap().1, 4);
        assert!(hedge(["said", "", "", ""]).is_none());
        assert!(plural("soldiers") && plural("people") && !plural("measles") && !plural("bus"));
    }
}
