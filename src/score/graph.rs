//! A sparse sentence-similarity graph, and LexRank over it.
//!
//! Input: [`TfIdf`] vectors. Output: a [`Graph`] whose edge `i → j` carries the cosine of
//! sentences `i` and `j`, and the LexRank score of every sentence (Erkan & Radev 2004,
//! continuous version: PageRank over the similarity-weighted graph).
//!
//! Why sparse: comparing every pair of sentences is O(n²), 25 million cosines for a
//! 100,000-word book. Instead, two sentences are compared only through the terms they share
//! that are *rare* (in at most [`MAX_POSTINGS`] sentences): the dot products are accumulated
//! from an inverted index, whose cost is Σ df² ≤ `MAX_POSTINGS` · tokens. Very common terms
//! carry little IDF weight anyway; in a news article of 40 sentences every term is "rare"
//! and the graph is exact. Each sentence keeps its [`MAX_NEIGHBOURS`] most similar
//! neighbours. Cost: O(tokens · MAX_POSTINGS) to build, O(edges) per LexRank iteration.

use super::tfidf::TfIdf;

/// A term is used for comparing sentences only when it is in at most this many sentences.
pub const MAX_POSTINGS: usize = 64;
/// Each sentence keeps at most this many neighbours (the most similar ones).
pub const MAX_NEIGHBOURS: usize = 48;
/// Edges below this cosine are dropped as noise.
const MIN_SIMILARITY: f64 = 0.02;
/// LexRank damping factor, the most power iterations, and the total change of the ranks
/// (L1) below which they have converged. Ranks are only compared within one document and
/// scaled to the largest, and LexRank is one signal of several (weight 0.233 of a news
/// sentence's score), so 1e-3 rarely changes a choice: against 1e-4 it changed 5 of the
/// 1,918 test summaries (dev, BBC, ScisummNet) and dev ROUGE-1 by −0.01 (ROUGE-2 and
/// ROUGE-Lsum the same to two decimals), for fewer passes: 12 instead of 21 on the
/// benchmark's 1,000-word article, 8.6 instead of 12.2 on average over the dev articles.
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 30;
const CONVERGED: f64 = 1e-3;

/// The inverted index of the rare terms: for each term in at most [`MAX_POSTINGS`]
/// sentences, the sentences that have it (in order) with its weight there. One flat array
/// sliced by term (a term's document frequency is its number of postings, so the slices
/// are laid out before filling): not a `Vec` per term, hundreds of allocations an article.
struct Postings {
    /// Term `t`'s postings are `entries[starts[t]..starts[t + 1]]`.
    starts: Vec<usize>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn new(tfidf: &TfIdf) -> Postings {
        let rare = |df: u32| df as usize <= MAX_POSTINGS;
        let mut starts = Vec::with_capacity(tfidf.df.len() + 1);
        let mut total = 0;
        starts.push(0);
        for &df in &tfidf.df {
            if rare(df) {
                total += df as usize;
            }
            starts.push(total);
        }
        let mut filled = starts.clone();
        let mut entries = vec![(0u32, 0f32); total];
        for (i, v) in tfidf.vectors().enumerate() {
            for &(t, w) in v {
                let t = t as usize;
                if rare(tfidf.df[t]) {
                    entries[filled[t]] = (i as u32, w);
                    filled[t] += 1;
                }
            }
        }
        debug_assert!(
            filled[..filled.len() - 1] == starts[1..],
            "a term's document frequency is its number of postings"
        );
        Postings { starts, entries }
    }

    fn of(&self, term: u32) -> &[(u32, f32)] {
        let t = term as usize;
        &self.entries[self.starts[t]..self.starts[t + 1]]
    }
}

/// Sentence-similarity edges: for each sentence, `(neighbour, cosine)` sorted by neighbour.
/// A cosine is kept as `f32` (8 bytes an edge instead of 16: the graph is the largest
/// structure for long documents, and seven digits are more than the scores need). The rows
/// are one flat array sliced by sentence, not a `Vec` per sentence (an allocation, and
/// reallocations as it grows, for every sentence).
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Sentence `i`'s edges are `edges[starts[i]..starts[i + 1]]` (no sentences: empty).
    starts: Vec<usize>,
    edges: Vec<(u32, f32)>,
}

/// In a graph of more than [`SMALL`] sentences (a smaller one reads every sentence's sum,
/// at most `SMALL` a row), the sentences one row touched, read back in order of sentence
/// without sorting them: a bit per sentence, and the list of the 64-bit words that have a
/// bit set. Reading them costs a step per touched sentence and per word read; the words
/// are read all in order when at least 1/[`DENSE`] of them have a bit set, else the list
/// is sorted. So building stays O(tokens · MAX_POSTINGS), and a row neither sorts its
/// neighbours nor reads every sentence.
struct Touched {
    bits: Vec<u64>,
    words: Vec<u32>,
}

/// See [`Touched`].
const DENSE: usize = 8;

impl Touched {
    fn new(n: usize) -> Touched {
        Touched {
            bits: vec![0; n.div_ceil(64)],
            words: Vec::new(),
        }
    }

    fn insert(&mut self, j: u32) {
        let w = (j / 64) as usize;
        if self.bits[w] == 0 {
            self.words.push(w as u32);
        }
        self.bits[w] |= 1 << (j % 64);
    }

    /// Calls `f` on each touched sentence, in order, and empties the set.
    fn drain(&mut self, mut f: impl FnMut(u32)) {
        if self.words.len().saturating_mul(DENSE) >= self.bits.len() {
            for (w, bits) in self.bits.iter_mut().enumerate() {
                drain_word(bits, w, &mut f);
            }
        } else {
            crate::sort::sort(&mut self.words);
            for &w in &self.words {
                drain_word(&mut self.bits[w as usize], w as usize, &mut f);
            }
        }
        self.words.clear();
    }
}

/// Calls `f` on the sentence of each bit of word `w`, in order, and clears them.
fn drain_word(bits: &mut u64, w: usize, f: &mut impl FnMut(u32)) {
    let mut b = std::mem::take(bits);
    while b != 0 {
        f(w as u32 * 64 + b.trailing_zeros());
        b &= b - 1;
    }
}

impl Graph {
    /// Builds the sparse graph (see the module docs).
    pub fn new(tfidf: &TfIdf) -> Graph {
        let n = tfidf.len();
        let postings = Postings::new(tfidf);
        let mut acc = vec![0.0f64; n];
        let mut touched = Touched::new(n);
        let mut strengths = Vec::new();
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        let mut edges = Vec::new();
        for (i, v) in tfidf.vectors().enumerate() {
            let row = edges.len();
            let mut edge = |j: u32, dot: f64| {
                let d = tfidf.norms[i] * tfidf.norms[j as usize];
                let s = if d > 0.0 { dot / d } else { 0.0 };
                if s >= MIN_SIMILARITY {
                    edges.push((j, s as f32));
                }
            };
            for &(t, w) in v {
                for &(j, wj) in postings.of(t) {
                    if n > SMALL {
                        touched.insert(j);
                    }
                    acc[j as usize] += f64::from(w) * f64::from(wj);
                }
            }
            // The sentence itself: a sum of 0 is never an edge.
            acc[i] = 0.0;
            if n <= SMALL {
                // Every weight is positive (tf ≥ 1, idf ≥ 1), so the sentences that share a
                // term with this one are those whose sum is above 0: reading all n sums
                // (at most SMALL a row) costs less than marking each as it is touched.
                for (j, sum) in acc.iter_mut().enumerate() {
                    if *sum > 0.0 {
                        edge(j as u32, std::mem::take(sum));
                    }
                }
            } else {
                touched.drain(|j| edge(j, std::mem::take(&mut acc[j as usize])));
            }
            keep_strongest(&mut edges, row, &mut strengths);
            starts.push(edges.len());
        }
        Graph { starts, edges }
    }

    /// A graph with these rows, each sorted by neighbour.
    #[cfg(test)]
    pub(crate) fn from_rows(rows: &[Vec<(u32, f32)>]) -> Graph {
        let mut starts = vec![0];
        starts.extend(rows.iter().scan(0, |end, row| {
            *end += row.len();
            Some(*end)
        }));
        Graph {
            starts,
            edges: rows.concat(),
        }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether the graph has no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sentence `i`'s edges, `(neighbour, cosine)` sorted by neighbour (none past the last
    /// sentence).
    pub fn row(&self, i: usize) -> &[(u32, f32)] {
        match (self.starts.get(i), self.starts.get(i.saturating_add(1))) {
            (Some(&a), Some(&b)) => &self.edges[a..b],
            _ => &[],
        }
    }

    /// Every sentence's edges, in order of sentence.
    pub fn rows(&self) -> impl Iterator<Item = &[(u32, f32)]> {
        self.starts.windows(2).map(|w| &self.edges[w[0]..w[1]])
    }

    /// All the edges, row after row.
    pub fn edges(&self) -> &[(u32, f32)] {
        &self.edges
    }

    /// Continuous LexRank: the stationary distribution of a random walk that follows
    /// similarity-weighted edges (teleporting with probability 1 − `DAMPING`), by power
    /// iteration until the ranks change by less than `CONVERGED` (at most `ITERATIONS`).
    /// A pass pulls each sentence's new rank along the edges into it (`power_iteration`).
    pub fn lexrank(&self) -> Vec<f64> {
        let n = self.len();
        if n == 0 {
            return Vec::new();
        }
        if n <= SMALL {
            let (incoming, out_weight) = Incoming::<u8>::of(self);
            power_iteration(&incoming, &out_weight, [0.0; SMALL], [0.0; SMALL])
        } else {
            let (incoming, out_weight) = Incoming::<u32>::of(self);
            power_iteration(&incoming, &out_weight, vec![0.0; n], vec![0.0; n])
        }
    }
}

/// Graphs of at most this many sentences (every news article) number their sentences
/// with a byte in [`Incoming`], and keep the shares of a LexRank pass in arrays of this
/// length on the stack: a byte can index them without a bounds check.
const SMALL: usize = 256;

/// A sentence number in [`Incoming`]: `u8` for graphs of at most [`SMALL`] sentences,
/// else `u32`.
trait Node: Copy {
    fn new(i: usize) -> Self;
    fn index(self) -> usize;
}

impl Node for u8 {
    fn new(i: usize) -> u8 {
        i as u8
    }
    fn index(self) -> usize {
        usize::from(self)
    }
}

impl Node for u32 {
    fn new(i: usize) -> u32 {
        i as u32
    }
    fn index(self) -> usize {
        self as usize
    }
}

/// Edges are summed four at a time (see [`Incoming`]).
const LANES: usize = 4;

/// The graph's edges turned around, for [`Graph::lexrank`]: for each sentence, the sentences
/// whose rows have an edge to it, in order, with the edge's weight (as `f64`, converted
/// once rather than once a pass). Edges of rows with no weight are left out (the walk
/// never leaves such a sentence along an edge).
///
/// Each sentence's list is padded to whole groups of [`LANES`] edges with edges of weight
/// 0 from its first source, whose share is finite: they add +0.0 to a positive sum, which
/// leaves it as it is, and spare the summing loop a tail of single edges. It lives only
/// while LexRank runs: 40 bytes a group (a byte per source) or 48 (four-byte sources),
/// about 10 or 12 bytes an edge besides the graph's 8.
struct Incoming<N> {
    /// Sentence `j`'s groups are `groups[starts[j]..starts[j + 1]]`.
    starts: Vec<usize>,
    groups: Vec<Group<N>>,
}

/// [`LANES`] edges into a sentence: their sources and weights side by side, so that a
/// sentence's edges are one slice.
#[derive(Clone, Copy)]
struct Group<N> {
    weights: [f64; LANES],
    sources: [N; LANES],
}

impl<N: Node> Incoming<N> {
    /// The edges turned around, and each sentence's out-weight (the sum of its row's).
    fn of(graph: &Graph) -> (Incoming<N>, Vec<f64>) {
        let n = graph.len();
        let mut counts = vec![0usize; n];
        let mut out_weight = Vec::with_capacity(n);
        for row in graph.rows() {
            let w: f64 = row.iter().map(|&(_, s)| f64::from(s)).sum();
            out_weight.push(w);
            if w != 0.0 {
                for &(j, _) in row {
                    counts[j as usize] += 1;
                }
            }
        }
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        let mut total = 0;
        for &c in &counts {
            total += c.div_ceil(LANES);
            starts.push(total);
        }
        let empty = Group {
            weights: [0.0; LANES],
            sources: [N::new(0); LANES],
        };
        let mut groups = vec![empty; total];
        // The next free slot of each sentence's list, counted in edges.
        let mut fill: Vec<usize> = starts[..n].iter().map(|&g| g * LANES).collect();
        for (i, (row, &w)) in graph.rows().zip(&out_weight).enumerate() {
            if w != 0.0 {
                for &(j, s) in row {
                    let k = &mut fill[j as usize];
                    let g = &mut groups[*k / LANES];
                    g.sources[*k % LANES] = N::new(i);
                    g.weights[*k % LANES] = f64::from(s);
                    *k += 1;
                }
            }
        }
        for (j, &c) in counts.iter().enumerate() {
            if c % LANES != 0 {
                let pad = groups[starts[j]].sources[0];
                groups[starts[j + 1] - 1].sources[c % LANES..].fill(pad);
            }
        }
        (Incoming { starts, groups }, out_weight)
    }
}

/// LexRank's power iteration over `incoming`; `share` and `next_share` are scratch of at
/// least one entry per sentence.
///
/// A pass *pulls* each sentence's new rank from the edges into it, in order of source:
/// the same sums, added in the same order, as pushing each row's share along its edges
/// (as this did before), so the ranks are the same to the bit; but a sentence's sum stays
/// in a register, and the change of the ranks and the next pass's shares are computed in
/// the same loop.
fn power_iteration<N: Node, S: AsRef<[f64]> + AsMut<[f64]>>(
    incoming: &Incoming<N>,
    out_weight: &[f64],
    mut share: S,
    mut next_share: S,
) -> Vec<f64> {
    let n = out_weight.len();
    // Mass of dangling sentences (no edges) is spread evenly, like the teleport.
    let dangling: Vec<usize> = (0..n).filter(|&i| out_weight[i] == 0.0).collect();
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    // `share[i]`: the rank sentence `i` passes on per unit of edge weight.
    for ((s, &r), &w) in share.as_mut().iter_mut().zip(&rank).zip(out_weight) {
        *s = DAMPING * r / w;
    }
    let (mut share, mut next_share) = (&mut share, &mut next_share);
    for _ in 0..ITERATIONS {
        let dangling: f64 = dangling.iter().map(|&i| rank[i]).sum();
        let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
        let mut change = 0.0;
        let from = share.as_ref();
        let nodes = rank
            .iter()
            .zip(&mut next)
            .zip(next_share.as_mut())
            .zip(out_weight)
            .zip(incoming.starts.windows(2));
        for ((((&old, new), new_share), &w), ends) in nodes {
            let (a, b) = (ends[0], ends[1]);
            let mut sum = base;
            for g in &incoming.groups[a..b] {
                let (s, w) = (&g.sources, &g.weights);
                sum += from[s[0].index()] * w[0];
                sum += from[s[1].index()] * w[1];
                sum += from[s[2].index()] * w[2];
                sum += from[s[3].index()] * w[3];
            }
            *new = sum;
            *new_share = DAMPING * sum / w;
            change += (old - sum).abs();
        }
        std::mem::swap(&mut rank, &mut next);
        std::mem::swap(&mut share, &mut next_share);
        if change < CONVERGED {
            break;
        }
    }
    rank
}

/// Keeps the [`MAX_NEIGHBOURS`] strongest edges of the row that starts at `edges[row]`
/// (of equal ones, those to the nearer neighbours), in order of neighbour. The row being in
/// that order already, it finds the weakest cosine kept by sorting a copy of the cosines
/// (`strengths`, reused) and drops the edges below it in one pass: one sort of plain
/// `f32`s instead of sorting the edges by strength and the kept ones back by neighbour.
fn keep_strongest(edges: &mut Vec<(u32, f32)>, row: usize, strengths: &mut Vec<f32>) {
    if edges.len() - row <= MAX_NEIGHBOURS {
        return;
    }
    strengths.clear();
    strengths.extend(edges[row..].iter().map(|&(_, s)| s));
    crate::sort::sort_by(strengths, |a, b| b.total_cmp(a).is_lt());
    let weakest = strengths[MAX_NEIGHBOURS - 1];
    let stronger = strengths
        .iter()
        .take_while(|s| s.total_cmp(&weakest).is_gt());
    // How many of the edges as strong as the weakest kept one are kept (the nearest).
    let mut ties = MAX_NEIGHBOURS - stronger.count();
    let mut kept = row;
    for k in row..edges.len() {
        let e = edges[k];
        let keep = match e.1.total_cmp(&weakest) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal if ties > 0 => {
                ties -= 1;
                true
            }
            _ => false,
        };
        if keep {
            edges[kept] = e;
            kept += 1;
        }
    }
    edges.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::tokenize::Tokenizer;

    fn graph(text: &str) -> (TfIdf, Graph) {
        let tokens = Tokenizer::default().tokenize(text, &segment(text));
        let tfidf = TfIdf::new(&tokens);
        let g = Graph::new(&tfidf);
        (tfidf, g)
    }

    #[test]
    fn edges_match_exact_cosines_on_short_texts() {
        let text = "Rain fell on the harbour. The harbour closed after rain. \
                    Ferries stopped at the harbour. Bakers sold bread.";
        let (tfidf, g) = graph(text);
        for (i, row) in g.rows().enumerate() {
            for &(j, s) in row {
                assert!((f64::from(s) - tfidf.similarity(i, j as usize)).abs() < 1e-6);
            }
        }
        assert!(g.row(3).is_empty(), "the bread sentence shares nothing");
    }

    #[test]
    fn lexrank_prefers_the_hub() {
        let text = "Rain fell on the harbour. The harbour closed after rain and wind. \
                    Wind shook the harbour. Bakers sold bread.";
        let (_, g) = graph(text);
        let r = g.lexrank();
        assert!(r[1] > r[3] && r[2] > r[3]);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-6);
    }

    /// LexRank as it was computed before [`power_iteration`]: each row pushes its share
    /// along its edges.
    fn lexrank_by_rows(g: &Graph) -> Vec<f64> {
        let n = g.len();
        let out_weight: Vec<f64> = g
            .rows()
            .map(|row| row.iter().map(|&(_, s)| f64::from(s)).sum())
            .collect();
        let mut rank = vec![1.0 / n as f64; n];
        let mut next = vec![0.0; n];
        for _ in 0..ITERATIONS {
            let dangling: f64 = (0..n)
                .filter(|&i| out_weight[i] == 0.0)
                .map(|i| rank[i])
                .sum();
            let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
            next.iter_mut().for_each(|x| *x = base);
            for (i, row) in g.rows().enumerate() {
                if out_weight[i] == 0.0 {
                    continue;
                }
                let share = DAMPING * rank[i] / out_weight[i];
                for &(j, s) in row {
                    next[j as usize] += share * f64::from(s);
                }
            }
            let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut rank, &mut next);
            if change < CONVERGED {
                break;
            }
        }
        rank
    }

    #[test]
    fn lexrank_is_the_same_to_the_bit_as_pushing_along_rows() {
        let source = crate::testing::XorShift::new(0x2545_f491_4f6c_dd1du64);
        let random = |m: u64| source.below(m);
        // Both sides of `SMALL`, sparse and dense rows, and sentences without edges.
        for n in [1, 2, 7, 81, SMALL - 1, SMALL, SMALL + 1, 700] {
            for density in [2, 10, 60] {
                let rows: Vec<Vec<(u32, f32)>> = (0..n)
                    .map(|i| {
                        if random(5) == 0 {
                            return Vec::new();
                        }
                        (0..n as u32)
                            .filter(|&j| j as usize != i && random(n as u64) < density)
                            .map(|j| (j, 0.02 + random(1000) as f32 / 1000.0))
                            .collect()
                    })
                    .collect();
                let g = Graph::from_rows(&rows);
                let want = lexrank_by_rows(&g);
                let got = g.lexrank();
                assert_eq!(
                    got.iter().map(|r| r.to_bits()).collect::<Vec<_>>(),
                    want.iter().map(|r| r.to_bits()).collect::<Vec<_>>(),
                    "{n} sentences, density {density}"
                );
            }
        }
    }

    #[test]
    fn the_strongest_neighbours_are_kept_in_order() {
        for len in [MAX_NEIGHBOURS, MAX_NEIGHBOURS + 1, 3 * MAX_NEIGHBOURS] {
            // Cosines with many ties, rows after a row that must stay as it is.
            let row: Vec<(u32, f32)> = (0..len as u32)
                .map(|j| (j * 2 + 1, ((j * 7919) % 13) as f32 / 13.0))
                .collect();
            let mut want = row.clone();
            want.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            want.truncate(MAX_NEIGHBOURS);
            want.sort_by_key(|e| e.0);
            let before = [(0, 0.5), (7, 0.25)];
            let mut edges = [&before[..], &row].concat();
            keep_strongest(&mut edges, before.len(), &mut Vec::new());
            assert_eq!(edges, [&before[..], &want].concat());
        }
    }
}
