//! Short words as integers, for word lists searched in hot loops.
//!
//! Input: a word of at most 16 bytes. Output: its bytes packed big-endian into a `u128`,
//! zero-padded, so that integer order is the words' byte order. A sorted list of keys is
//! then binary-searched with integer comparisons instead of a `memcmp` call per probe. (UTF-8
//! words contain no zero byte, so the padding keeps "day" and "days" apart.) Before the
//! search, a list's [`shapes`] (which first letters and lengths it has) turn most words away
//! with one test ([`may_list`]). Used by the figures lexicon, the stop words, the keyphrase
//! stop list and the language vote. Cost: O(length).

/// The key of `word` as it is; `None` if it is empty or longer than 16 bytes.
pub(crate) const fn key(word: &[u8]) -> Option<u128> {
    pack(word, false)
}

/// The key of `word` with ASCII letters lowercased; `None` if empty or over 16 bytes.
pub(crate) const fn key_lowercase(word: &[u8]) -> Option<u128> {
    pack(word, true)
}

/// The keys of a word list, in its order, at compile time: `const K: [u128; L.len()] =
/// keys(L, false);` (`lowercase` lowercases ASCII letters first). A word that is empty or
/// over 16 bytes stops the build.
pub(crate) const fn keys<const N: usize>(words: &[&str], lowercase: bool) -> [u128; N] {
    assert!(words.len() == N, "N must be the list's length");
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        keys[i] = match pack(words[i].as_bytes(), lowercase) {
            Some(k) => k,
            None => panic!("a listed word is empty or longer than 16 bytes"),
        };
        i += 1;
    }
    keys
}

/// The shapes of a word list, a prefilter before its keys are searched: for each first
/// letter `a`–`z`, bit `n` is set when a listed word of `n` bytes starts with it. Words that
/// start with another byte, or are 32 bytes or longer, are not recorded (see [`may_list`]).
pub(crate) const fn shapes(words: &[&str]) -> [u32; 26] {
    let mut shapes = [0u32; 26];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        if !w.is_empty() && w[0].is_ascii_lowercase() && w.len() < 32 {
            shapes[(w[0] - b'a') as usize] |= 1 << w.len();
        }
        i += 1;
    }
    shapes
}

/// Whether a list with these [`shapes`] may hold `word`: false only when it cannot (the
/// word starts with a lowercase letter, and no listed word has its first letter and
/// length). One test turns most words of a text away from most lists.
pub(crate) fn may_list(shapes: &[u32; 26], word: &[u8]) -> bool {
    word.first()
        .is_none_or(|&first| may_list_shape(shapes, first, word.len()))
}

/// [`may_list`] for a word of `len` bytes that starts with `first`.
pub(crate) fn may_list_shape(shapes: &[u32; 26], first: u8, len: usize) -> bool {
    !(first.is_ascii_lowercase() && len < 32) || shapes[(first - b'a') as usize] & (1 << len) != 0
}

/// A byte's bit in a set of lowercase letters (`a` = bit 0); bit 26 stands for every other
/// byte. For prefilters over short fixed strings (suffixes, phrases) by one of their bytes.
pub(crate) const fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        1 << 26
    }
}

const fn pack(word: &[u8], lowercase: bool) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    // The two halves are folded in with shifts on 64-bit integers: in the wasm a `u128`
    // built with `from_be_bytes` costs two emulated byte swaps, and this runs for every
    // new word form of a text.
    let (mut hi, mut lo) = (0u64, 0u64);
    let mut i = 0;
    while i < word.len() {
        let b = if lowercase {
            word[i].to_ascii_lowercase()
        } else {
            word[i]
        } as u64;
        if i < 8 {
            hi = hi << 8 | b;
        } else {
            lo = lo << 8 | b;
        }
        i += 1;
    }
    // Zero padding: each half's bytes move to its top.
    if word.len() < 8 {
        hi <<= 8 * (8 - word.len());
    }
    if word.len() > 8 && word.len() < 16 {
        lo <<= 8 * (16 - word.len());
    }
    Some((hi as u128) << 64 | lo as u128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_like_words() {
        let mut words = ["days", "day", "a", "zebra", "für", "Day", "including"];
        let mut keys: Vec<u128> = words.iter().map(|w| key(w.as_bytes()).unwrap()).collect();
        words.sort_unstable();
        keys.sort_unstable();
        let expected: Vec<u128> = words.iter().map(|w| key(w.as_bytes()).unwrap()).collect();
        assert_eq!(keys, expected);
        assert_eq!(key_lowercase(b"DaY"), key(b"day"));
        assert_eq!(key(b""), None);
        assert_eq!(key(&[b'x'; 17]), None);
    }

    #[test]
    fn shapes_turn_away_only_unlisted_words() {
        let list = ["day", "days", "Year", "über", "x"];
        let shapes = shapes(&list);
        // "dog" has the shape of "day": a shape test only ever says "maybe".
        assert!(may_list(&shapes, b"dog"));
        for w in list {
            assert!(may_list(&shapes, w.as_bytes()), "{w}");
        }
        assert!(
            !may_list(&shapes, b"doggy") && !may_list(&shapes, b"da") && !may_list(&shapes, b"y")
        );
        // Not prefiltered: another first byte, or 32 bytes and more.
        assert!(
            may_list(&shapes, b"Dog") && may_list(&shapes, b"") && may_list(&shapes, &[b'q'; 32])
        );
    }

    /// The definition: the bytes big-endian in a `u128`, zero-padded on the right.
    fn reference(word: &[u8], lowercase: bool) -> Option<u128> {
        if word.is_empty() || word.len() > 16 {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (slot, b) in bytes.iter_mut().zip(word) {
            *slot = if lowercase {
                b.to_ascii_lowercase()
            } else {
                *b
            };
        }
        Some(u128::from_be_bytes(bytes))
    }

    #[test]
    fn keys_are_the_bytes_big_endian_at_every_length() {
        let text = "Abcdefghijklmnopq\u{e9}\u{6771}Z";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let word = &text.as_bytes()[start..end];
                assert_eq!(key(word), reference(word, false), "{word:?}");
                assert_eq!(key_lowercase(word), reference(word, true), "{word:?}");
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn keys_match_the_definition(word in proptest::collection::vec(proptest::num::u8::ANY, 0..20)) {
            proptest::prop_assert_eq!(key(&word), reference(&word, false));
            proptest::prop_assert_eq!(key_lowercase(&word), reference(&word, true));
        }
    }
}
