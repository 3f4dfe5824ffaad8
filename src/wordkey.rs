//! Short words as integers, for word lists searched in hot loops.
//!
//! Input: a word of at most 16 bytes. Output: its [`word_key`], the bytes little-endian in
//! a `u128`, zero-padded (UTF-8 words contain no zero byte, so the padding keeps "day" and
//! "days" apart), read with two 8-byte loads and no byte swap or per-byte loop. A
//! [`KeySet`] built at compile time finds a key with a multiply and about one integer
//! comparison, most absent words turned away by one filter bit (the stop words, the
//! keyphrase stop list); a list's [`shapes`] (which first letters and lengths it has) turn
//! most words away with one test ([`may_list_shape`]) before a list is searched (the
//! figures lexicon, the language vote). Cost: O(length).

/// The shapes of a word list, a prefilter before its keys are searched: for each first
/// letter `a`–`z`, bit `n` is set when a listed word of `n` bytes starts with it. Words that
/// start with another byte, or are 32 bytes or longer, are not recorded (see
/// [`may_list_shape`]).
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

/// Whether a list with these [`shapes`] may hold a word of `len` bytes that starts with
/// `first`: false only when it cannot (the word starts with a lowercase letter, and no
/// listed word has its first letter and length). One test turns most words of a text away
/// from most lists.
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

/// A short word as one integer: its bytes little-endian in a `u128`, zero-padded (a word
/// has no zero byte, so "day" and "days" differ). Not ordered like the words — the sets only
/// need equality — but read with two plain 8-byte loads, with no byte swap or per-byte loop
/// (a key is made for nearly every word of a text).
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

/// A set of short words, looked up by [`word_key`] (little-endian, so a key is read
/// straight from the text or from a tokenizer's key): built at compile time, a hash set of
/// `S` one-byte slots (linear probing, kept at most half full; `0` is empty, else a key's
/// index plus one), with a 1,024-bit filter in front (each word sets one bit, by other
/// bits of the hash than its slot's), so that most words not in the set (which nearly
/// every lookup is for) are turned away by one bit test, with no key compared. A
/// binary search over the keys took about eight comparisons.
pub(crate) struct KeySet<const N: usize, const S: usize> {
    keys: [u128; N],
    slots: [u8; S],
    filter: [u64; 16],
}

impl<const N: usize, const S: usize> KeySet<N, S> {
    /// The set of `words` (each 1 to 16 bytes, at most 255 of them, and `S` a power of two
    /// at least twice their number; otherwise the build stops).
    pub(crate) const fn new(words: &[&str]) -> Self {
        assert!(words.len() == N && N < 255 && 2 * N <= S && S.is_power_of_two());
        let mut set = KeySet {
            keys: [0; N],
            slots: [0; S],
            filter: [0; 16],
        };
        let mut i = 0;
        while i < N {
            let word = words[i].as_bytes();
            assert!(!word.is_empty() && word.len() <= KEY_BYTES);
            let mut j = 0;
            while j < word.len() {
                set.keys[i] |= (word[j] as u128) << (8 * j);
                j += 1;
            }
            let h = Self::hash(set.keys[i]);
            set.filter[Self::bit(h) / 64] |= 1 << (Self::bit(h) % 64);
            let mut slot = Self::slot(h);
            while set.slots[slot] != 0 {
                slot = (slot + 1) % S;
            }
            set.slots[slot] = i as u8 + 1;
            i += 1;
        }
        set
    }

    /// Whether the word of this [`word_key`] is in the set.
    pub(crate) fn contains(&self, key: u128) -> bool {
        let h = Self::hash(key);
        if self.filter[Self::bit(h) / 64] & 1 << (Self::bit(h) % 64) == 0 {
            return false;
        }
        let mut slot = Self::slot(h);
        loop {
            match self.slots[slot] {
                0 => return false,
                i if self.keys[usize::from(i) - 1] == key => return true,
                _ => slot = (slot + 1) % S,
            }
        }
    }

    const fn hash(key: u128) -> u64 {
        (key as u64 ^ ((key >> 64) as u64).rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The slot of a hash: its top bits.
    const fn slot(h: u64) -> usize {
        (h >> (64 - S.trailing_zeros())) as usize
    }

    /// The filter bit of a hash: the ten bits below the slot's.
    const fn bit(h: u64) -> usize {
        (h >> (54 - S.trailing_zeros())) as usize % 1024
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
    fn shapes_turn_away_only_unlisted_words() {
        let list = ["day", "days", "Year", "über", "x"];
        let shapes = shapes(&list);
        let may_list = |w: &[u8]| {
            w.first()
                .is_none_or(|&b| may_list_shape(&shapes, b, w.len()))
        };
        // "dog" has the shape of "day": a shape test only ever says "maybe".
        assert!(may_list(b"dog"));
        for w in list {
            assert!(may_list(w.as_bytes()), "{w}");
        }
        assert!(!may_list(b"doggy") && !may_list(b"da") && !may_list(b"y"));
        // Not prefiltered: another first byte, or 32 bytes and more.
        assert!(may_list(b"Dog") && may_list(b"") && may_list(&[b'q'; 32]));
    }

    #[test]
    fn key_sets_hold_exactly_their_words() {
        const WORDS: [&str; 6] = ["day", "days", "a", "including", "abcdefghijklmnop", "x"];
        const SET: KeySet<6, 16> = KeySet::new(&WORDS);
        let key = |w: &str| bytes_key(w.as_bytes()).unwrap();
        for w in WORDS {
            assert!(SET.contains(key(w)), "{w}");
        }
        for w in ["da", "Day", "dayss", "b", "abcdefghijklmno", "includin"] {
            assert!(!SET.contains(key(w)), "{w}");
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
}
