//! Short words as integers, for word lists searched in hot loops.
//!
//! Input: a word of at most 16 bytes. Output: its bytes packed big-endian into a `u128`,
//! zero-padded, so that integer order is the words' byte order. A sorted list of keys is
//! then binary-searched with integer comparisons instead of a `memcmp` call per probe. (UTF-8
//! words contain no zero byte, so the padding keeps "day" and "days" apart.) Before the
//! search, a list's [`shapes`] (which first letters and lengths it has) turn most words away
//! with one test ([`may_list`]). Used by the figures lexicon, the stop words, the keyphrase
//! stop list and the language vote. [`word_key`] is a second, unordered kind for sets that
//! only need equality: read from a zero-padded copy of the text with two 8-byte loads. Cost:
//! O(length).

/// The key of `word` as it is; `None` if it is empty or longer than 16 bytes. Only the
/// tests read keys of words as written (every ordered list is looked up in lowercase).
#[cfg(test)]
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

/// A short word as one integer, for the figure lexicon's word sets (the other kind of key
/// here): its bytes little-endian in a `u128`, zero-padded (a word has no zero byte, so "day" and "days" differ). Not ordered
/// like the words — the sets only need equality — but read with two plain 8-byte loads, with
/// no byte swap or per-byte loop (a key is made for nearly every word of a text).
pub(crate) fn word_key(bytes: &[u8; KEY_BYTES], len: usize) -> u128 {
    let (lo_mask, hi_mask) = KEY_MASKS[len.min(KEY_BYTES)];
    let (lo, hi) = bytes.split_at(8);
    let lo = u64::from_le_bytes(lo.try_into().unwrap_or([0; 8])) & lo_mask;
    let hi = u64::from_le_bytes(hi.try_into().unwrap_or([0; 8])) & hi_mask;
    (hi as u128) << 64 | lo as u128
}

/// [`word_key`] of `w`; `None` if it is empty or longer than [`KEY_BYTES`].
pub(crate) fn word_key_of(w: &str) -> Option<u128> {
    bytes_key(w.as_bytes())
}

/// [`word_key`] of a byte string; `None` if it is empty or longer than [`KEY_BYTES`].
/// Read with two overlapping loads per half instead of a copy into a padded buffer (a
/// `memcpy` call of a variable length): this runs for every new word and stem of a text.
#[inline]
pub(crate) fn bytes_key(w: &[u8]) -> Option<u128> {
    let n = w.len();
    let (lo, hi) = match n {
        0 => return None,
        1..=8 => (head(w), 0),
        9..=KEY_BYTES => {
            let (lo, rest) = w.split_first_chunk::<8>()?;
            (u64::from_le_bytes(*lo), head(rest))
        }
        _ => return None,
    };
    Some((hi as u128) << 64 | lo as u128)
}

/// The first 1 to 8 bytes of `w` (no more than it has), little-endian, zero-padded.
#[inline]
fn head(w: &[u8]) -> u64 {
    let n = w.len().min(8);
    let at = |i: usize| u64::from(w[i]) << (8 * i);
    if n >= 4 {
        // Two 4-byte loads that overlap when n < 8: the shared bytes are equal, so OR
        // joins them.
        let first = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        let last = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
        u64::from(first) | u64::from(last) << (8 * (n - 4))
    } else {
        // 1 to 3 bytes: the first, the middle and the last (some of them the same).
        at(0) | at(n / 2) | at(n - 1)
    }
}

/// The longest word that has a key.
pub(crate) const KEY_BYTES: usize = 16;

/// For each length, the masks that keep a key's first `len` bytes (low half, high half).
const KEY_MASKS: [(u64, u64); KEY_BYTES + 1] = {
    let mut masks = [(0u64, 0u64); KEY_BYTES + 1];
    let mut len = 1;
    while len <= KEY_BYTES {
        let lo = if len >= 8 {
            u64::MAX
        } else {
            u64::MAX >> (64 - 8 * len)
        };
        let hi = if len <= 8 {
            0
        } else {
            u64::MAX >> (128 - 8 * len)
        };
        masks[len] = (lo, hi);
        len += 1;
    }
    masks
};

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

    #[test]
    fn word_keys_are_the_padded_bytes_at_every_length() {
        let text = "Abcdefghijklmnopq\u{e9}\u{6771}Z";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let word = &text.as_bytes()[start..end];
                let expected = (1..=KEY_BYTES).contains(&word.len()).then(|| {
                    let mut buf = [0u8; KEY_BYTES];
                    buf[..word.len()].copy_from_slice(word);
                    word_key(&buf, word.len())
                });
                assert_eq!(bytes_key(word), expected, "{word:?}");
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
