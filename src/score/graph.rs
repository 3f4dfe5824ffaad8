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
//! and the graph is exact. A pair's cosine is computed once, by the earlier sentence, and
//! mirrored (it is the same both ways, to the bit). Each sentence keeps its
//! [`MAX_NEIGHBOURS`] most similar neighbours. Cost: O(tokens · MAX_POSTINGS) to build,
//! O(edges) per LexRank iteration.

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

/// The inverted index of the rare terms (in at most [`MAX_POSTINGS`] sentences), as chains
/// through the TF-IDF entries: an entry of a rare term links to the same term's entry in
/// the next sentence that has it. A sentence reads from each of its entries the postings
/// after its own: no array sliced by term to lay out, fill, and keep a place in.
struct Postings {
    /// For each entry of [`TfIdf::entries`]: the next entry of its term ([`NONE`] for the
    /// last, and for a common term), and its sentence. (Its weight is read from the entry:
    /// a copy here made this table a long document's peak, 12 bytes an entry.)
    links: Vec<(u32, u32)>,
}

/// No next entry (and a filling that is not zero: see [`Graph::new`]).
const NONE: u32 = u32::MAX;

impl Postings {
    fn new(tfidf: &TfIdf) -> Postings {
        // The last entry of each term so far.
        let mut last = vec![NONE; tfidf.df.len()];
        let mut links: Vec<(u32, u32)> = Vec::with_capacity(tfidf.entries().len());
        for (i, v) in tfidf.vectors().enumerate() {
            for &(t, _) in v {
                let (t, e) = (t as usize, links.len() as u32);
                if tfidf.df[t] as usize <= MAX_POSTINGS {
                    if last[t] != NONE {
                        links[last[t] as usize].0 = e;
                    }
                    last[t] = e;
                }
                links.push((NONE, i as u32));
            }
        }
        Postings { links }
    }
}

/// Sentence-similarity edges: for each sentence, `(neighbour, cosine)` sorted by neighbour.
/// A cosine is kept as `f32` (8 bytes an edge instead of 16: the graph is the largest
/// structure for long documents, and seven digits are more than the scores need). The rows
/// are one flat array sliced by sentence, not a `Vec` per sentence (an allocation, and
/// reallocations as it grows, for every sentence).
///
/// A cosine is the same both ways, to the bit (see the module docs), so most edges have a twin,
/// and the edges *into* a sentence are those of its own row. Only capping a row at
/// [`MAX_NEIGHBOURS`] leaves an edge without its twin: the graph lists those edges apart
/// (`lone`), so that LexRank and selection need not turn the whole graph around.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Sentence `i`'s edges are `edges[starts[i]..starts[i + 1]]` (no sentences: empty).
    starts: Vec<usize>,
    edges: Vec<(u32, f32)>,
    /// The edges `i → j` without an edge `j → i`, as `(i, j, cosine)` in order of `j`,
    /// then of `i` (none in a graph without capped rows).
    lone: Vec<(u32, u32, f32)>,
    /// The largest cosine (0 without edges).
    strongest: f32,
}

/// In a graph of more than [`SMALL`] sentences (a smaller one sets bits in a fixed array
/// of `SMALL`), the sentences one row touched, read back in order of sentence without
/// sorting them: a bit per sentence, and the list of the 64-bit words that have a bit set.
/// Reading them costs a step per touched sentence and per word read; the words are read
/// all in order when at least 1/[`DENSE`] of them have a bit set, else the list is sorted.
/// So building stays O(tokens · MAX_POSTINGS), and a row neither sorts its neighbours nor
/// reads every sentence.
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
            if self.words.len() > 1 {
                crate::sort::sort(&mut self.words);
            }
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

/// The later half of the graph: each sentence's edges to the sentences after it, in order
/// of neighbour. Each pair's dot product is accumulated from the postings after the first
/// sentence's own: over the same terms, in the same order (by term), as the second
/// sentence would sum it, and the product of their norms is the same both ways, so the
/// second sentence's edge to the first would carry the same cosine, to the bit. It is
/// computed once, and mirrored.
struct Later {
    /// Sentence `i`'s later edges are `edges[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    edges: Vec<(u32, f32)>,
    /// The largest cosine, which capping keeps (it is the strongest of its row).
    strongest: f32,
}

impl Later {
    fn new(tfidf: &TfIdf) -> Later {
        let n = tfidf.len();
        let links = Postings::new(tfidf).links;
        let entries = tfidf.entries();
        let mut acc = vec![0.0f64; n];
        let mut touched = Touched::new(if n > SMALL { n } else { 0 });
        // The later sentences a row touched, in a graph of at most SMALL sentences: a
        // bit set per posting costs less than the Touched list, or reading every sum.
        let mut near = [0u64; SMALL / 64];
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        let mut edges = Vec::new();
        let mut strongest = 0.0f32;
        let mut rest = &links[..];
        for (i, v) in tfidf.vectors().enumerate() {
            let own;
            (own, rest) = rest.split_at(v.len());
            for (&(mut next, _), &(_, w)) in own.iter().zip(v) {
                // The postings after this entry.
                while let Some(&(after, j)) = links.get(next as usize) {
                    let wj = entries[next as usize].1;
                    if n > SMALL {
                        touched.insert(j);
                    } else {
                        near[j as usize / 64 % near.len()] |= 1 << (j % 64);
                    }
                    acc[j as usize] += f64::from(w) * f64::from(wj);
                    next = after;
                }
            }
            let norm = tfidf.norms[i];
            let mut edge = |j: u32| {
                let dot = std::mem::take(&mut acc[j as usize]);
                let d = norm * tfidf.norms[j as usize];
                let s = if d > 0.0 { dot / d } else { 0.0 };
                if s >= MIN_SIMILARITY {
                    let s = s as f32;
                    edges.push((j, s));
                    if s > strongest {
                        strongest = s;
                    }
                }
            };
            if n <= SMALL {
                for (w, bits) in near.iter_mut().enumerate() {
                    drain_word(bits, w, &mut edge);
                }
            } else {
                touched.drain(edge);
            }
            starts.push(edges.len());
        }
        Later {
            starts,
            edges,
            strongest,
        }
    }

    fn row(&self, i: usize) -> &[(u32, f32)] {
        &self.edges[self.starts[i]..self.starts[i + 1]]
    }
}

impl Graph {
    /// Builds the sparse graph (see the module docs): its later half (`Later`), each
    /// row's earlier edges (the later edges that reach it, turned around) laid out before
    /// them in place, then each row capped at [`MAX_NEIGHBOURS`] and moved down over what
    /// the rows before it gave up.
    pub fn new(tfidf: &TfIdf) -> Graph {
        let later = Later::new(tfidf);
        let n = tfidf.len();
        let mut earlier = vec![0usize; n];
        for &(j, _) in &later.edges {
            earlier[j as usize] += 1;
        }
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        let mut total = 0;
        for (i, &e) in earlier.iter().enumerate() {
            total += e + later.row(i).len();
            starts.push(total);
        }
        // Filled with a pattern that is not zero: a zeroed array comes from calloc, which
        // clears it a byte at a time (rep stosb: an instruction a byte under callgrind), and
        // every slot is written below anyway.
        let mut edges = vec![(NONE, 0f32); total];
        // The next free slot of each row's earlier edges.
        let mut fill = starts[..n].to_vec();
        for (i, (&start, &e)) in starts.iter().zip(&earlier).enumerate() {
            let row = later.row(i);
            if row.is_empty() {
                continue; // most rows of a long document (no call to copy nothing)
            }
            let own = start + e;
            edges[own..own + row.len()].copy_from_slice(row);
            for &(j, s) in row {
                let k = &mut fill[j as usize];
                edges[*k] = (i as u32, s);
                *k += 1;
            }
        }
        let strongest = later.strongest;
        drop((later, fill, earlier));
        let mut strengths = Vec::new();
        // The edges capping dropped, `(i, j, cosine)` in order of `i` and `j`.
        let mut dropped = Vec::new();
        let mut kept = 0;
        for i in 0..n {
            let (a, b) = (starts[i], starts[i + 1]);
            if kept < a {
                edges.copy_within(a..b, kept);
            }
            starts[i] = kept;
            let row = &mut edges[kept..kept + b - a];
            kept += keep_strongest(row, &mut strengths, |j, s| dropped.push((i as u32, j, s)));
        }
        if n > 0 {
            starts[n] = kept;
        }
        if kept < total {
            edges.truncate(kept);
            edges.shrink_to_fit();
        }
        let mut graph = Graph {
            starts,
            edges,
            lone: Vec::new(),
            strongest,
        };
        // An edge one end dropped is lone where the other end kept it.
        let kept_by = |&(i, j, _): &(u32, u32, f32)| graph.position(j as usize, i).is_some();
        let lone: Vec<_> = dropped
            .iter()
            .filter(|e| kept_by(e))
            .map(|&(i, j, s)| (j, i, s))
            .collect();
        graph.lone = lone;
        graph
    }

    /// A graph with these rows, each sorted by neighbour (an edge and its twin must have
    /// the same cosine).
    #[cfg(test)]
    pub(crate) fn from_rows(rows: &[Vec<(u32, f32)>]) -> Graph {
        let mut starts = vec![0];
        starts.extend(rows.iter().scan(0, |end, row| {
            *end += row.len();
            Some(*end)
        }));
        let edges = rows.concat();
        let mut graph = Graph {
            starts,
            strongest: edges.iter().map(|e| e.1).fold(0.0, f32::max),
            edges,
            lone: Vec::new(),
        };
        for (i, row) in rows.iter().enumerate() {
            for &(j, s) in row {
                match graph.position(j as usize, i as u32) {
                    Some(k) => assert_eq!(graph.row(j as usize)[k].1, s, "twins differ"),
                    None => graph.lone.push((i as u32, j, s)),
                }
            }
        }
        graph.lone.sort_by_key(|&(i, j, _)| (j, i));
        graph
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

    /// Where row `i` has its edge to `j`, if it has one.
    fn position(&self, i: usize, j: u32) -> Option<usize> {
        self.row(i).binary_search_by_key(&j, |e| e.0).ok()
    }

    /// Every sentence's edges, in order of sentence.
    pub fn rows(&self) -> impl Iterator<Item = &[(u32, f32)]> {
        self.starts.windows(2).map(|w| &self.edges[w[0]..w[1]])
    }

    /// All the edges, row after row.
    pub fn edges(&self) -> &[(u32, f32)] {
        &self.edges
    }

    /// The largest cosine of an edge (0 without edges).
    pub fn strongest(&self) -> f32 {
        self.strongest
    }

    /// The lone edges into sentence `j`, `(source, j, cosine)` in order of source: with
    /// the twins of its row's edges, every edge into it (of a capped row, the edges it
    /// dropped that their other end kept).
    pub fn lone_into(&self, j: usize) -> &[(u32, u32, f32)] {
        let j = j as u32;
        let from = self.lone.partition_point(|e| e.1 < j);
        let to = self.lone.partition_point(|e| e.1 <= j);
        &self.lone[from..to]
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
        let (incoming, out_weight) = Incoming::of(self);
        if n <= SMALL {
            power_iteration::<Byte, _>(&incoming, &out_weight, [0.0; SMALL], [0.0; SMALL])
        } else {
            power_iteration::<Word, _>(&incoming, &out_weight, vec![0.0; n], vec![0.0; n])
        }
    }
}

/// Graphs of at most this many sentences (every news article) keep the shares of a
/// LexRank pass in arrays of this length on the stack, which a source's low byte indexes
/// without a bounds check.
const SMALL: usize = 256;

/// How a LexRank pass reads a source's share: by its low byte ([`Byte`], graphs of at
/// most [`SMALL`] sentences) or by its number ([`Word`]).
trait Node {
    fn index(source: u32) -> usize;
}

struct Byte;
struct Word;

impl Node for Byte {
    fn index(source: u32) -> usize {
        usize::from(source as u8)
    }
}

impl Node for Word {
    fn index(source: u32) -> usize {
        source as usize
    }
}

/// Edges are summed four at a time (see [`Incoming`]).
const LANES: usize = 4;

/// The edges into each sentence, for [`Graph::lexrank`]: the sentences whose rows have an
/// edge to it, in order, with the edge's weight (as `f64`, converted once rather than once
/// a pass). Those are the sentence's own row, but for the lone edges (see [`Graph`]): its
/// row's edges whose twins were dropped are left out, and the lone edges into it are let
/// in. (A sentence with an edge has weight: the walk leaves every source along its edges.)
///
/// Each sentence's list is padded to whole groups of [`LANES`] edges with edges of weight
/// 0 from its first source, whose share is finite: they add +0.0 to a positive sum, which
/// leaves it as it is, and spare the summing loop a tail of single edges. It lives only
/// while LexRank runs: 48 bytes a group, about 12 bytes an edge besides the graph's 8.
struct Incoming {
    /// Sentence `j`'s groups are `groups[starts[j]..starts[j + 1]]`.
    starts: Vec<usize>,
    groups: Vec<Group>,
}

/// [`LANES`] edges into a sentence: their sources and weights side by side, so that a
/// sentence's edges are one slice.
#[derive(Clone, Copy)]
struct Group {
    weights: [f64; LANES],
    sources: [u32; LANES],
}

impl Incoming {
    /// The edges into each sentence, and each sentence's out-weight (the sum of its row's).
    fn of(graph: &Graph) -> (Incoming, Vec<f64>) {
        let n = graph.len();
        // Each sentence's edges padded to whole groups: exactly the room used when no edge
        // is lone, at most a group more per sentence with lone edges into it. (Room for a
        // padded group per sentence was 4.5 times the room used on the 10 MB bench
        // document, most of whose sentences have no edge.)
        let groups = graph
            .rows()
            .enumerate()
            .map(|(j, row)| (row.len() + graph.lone_into(j).len()).div_ceil(LANES))
            .sum();
        let mut incoming = Incoming {
            starts: Vec::with_capacity(n + 1),
            groups: Vec::with_capacity(groups),
        };
        incoming.starts.push(0);
        let mut out_weight = Vec::with_capacity(n);
        let mut lone_out = vec![false; if graph.lone.is_empty() { 0 } else { n }];
        for &(i, _, _) in &graph.lone {
            lone_out[i as usize] = true;
        }
        let mut list: Vec<(u32, f32)> = Vec::new();
        for (j, row) in graph.rows().enumerate() {
            let into = graph.lone_into(j);
            if into.is_empty() && !lone_out.get(j).is_some_and(|&lone| lone) {
                out_weight.push(incoming.push(row));
                continue;
            }
            let j = j as u32;
            let twin = |e: &&(u32, f32)| {
                let lone = |l: &(u32, u32, f32)| (l.1, l.0);
                graph.lone.binary_search_by_key(&(e.0, j), lone).is_err()
            };
            list.clear();
            list.extend(row.iter().filter(twin));
            for &(i, _, s) in into {
                list.insert(list.partition_point(|e| e.0 < i), (i, s));
            }
            incoming.push(&list);
            out_weight.push(row.iter().map(|&(_, s)| f64::from(s)).sum());
        }
        debug_assert!(incoming.groups.len() <= groups, "room for every group");
        (incoming, out_weight)
    }

    /// Adds the next sentence's edges, `(source, weight)` in order of source, padding the
    /// last group with its first source; returns the sum of their weights.
    fn push(&mut self, edges: &[(u32, f32)]) -> f64 {
        let mut sum = 0.0;
        let mut groups = edges.chunks_exact(LANES);
        for e in &mut groups {
            let weights: [f64; LANES] = std::array::from_fn(|k| f64::from(e[k].1));
            for w in weights {
                sum += w;
            }
            let sources = std::array::from_fn(|k| e[k].0);
            self.groups.push(Group { weights, sources });
        }
        let rest = groups.remainder();
        if let [(first, _), ..] = *rest {
            let mut g = Group {
                weights: [0.0; LANES],
                sources: [first; LANES],
            };
            for (k, &(i, s)) in rest.iter().enumerate() {
                g.sources[k] = i;
                g.weights[k] = f64::from(s);
                sum += g.weights[k];
            }
            self.groups.push(g);
        }
        self.starts.push(self.groups.len());
        sum
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
    incoming: &Incoming,
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
                sum += from[N::index(s[0])] * w[0];
                sum += from[N::index(s[1])] * w[1];
                sum += from[N::index(s[2])] * w[2];
                sum += from[N::index(s[3])] * w[3];
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

/// Keeps the [`MAX_NEIGHBOURS`] strongest edges of `row` (of equal ones, those to the
/// nearer neighbours), in order of neighbour, at its start; returns how many, and passes
/// the others to `dropped`. The row being in that order already, it finds the weakest
/// cosine kept by sorting a copy of the cosines (`strengths`, reused) and moves the edges
/// not below it down in one pass: one sort of plain numbers instead of sorting the edges
/// by strength and the kept ones back by neighbour. The cosines are sorted by their bits,
/// which for positive floats are in the same order (and share the sort's `u32` code with
/// the rest of the crate).
fn keep_strongest(
    row: &mut [(u32, f32)],
    strengths: &mut Vec<u32>,
    mut dropped: impl FnMut(u32, f32),
) -> usize {
    if row.len() <= MAX_NEIGHBOURS {
        return row.len();
    }
    strengths.clear();
    strengths.extend(row.iter().map(|&(_, s)| s.to_bits()));
    crate::sort::sort(strengths);
    let weakest = strengths[strengths.len() - MAX_NEIGHBOURS];
    let stronger = strengths.iter().rev().take_while(|&&s| s > weakest);
    // How many of the edges as strong as the weakest kept one are kept (the nearest).
    let mut ties = MAX_NEIGHBOURS - stronger.count();
    let mut kept = 0;
    for k in 0..row.len() {
        let e = row[k];
        let keep = match e.1.to_bits().cmp(&weakest) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal if ties > 0 => {
                ties -= 1;
                true
            }
            _ => false,
        };
        if keep {
            row[kept] = e;
            kept += 1;
        } else {
            dropped(e.0, e.1);
        }
    }
    kept
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
        // Both sides of `SMALL`, sparse and dense rows, and sentences without edges; an
        // edge's twin has its cosine, or is missing (a lone edge).
        for n in [1, 2, 7, 81, SMALL - 1, SMALL, SMALL + 1, 700] {
            for density in [2, 10, 60] {
                let empty: Vec<bool> = (0..n).map(|_| random(5) == 0).collect();
                let mut rows: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
                for i in 0..n {
                    for j in (i + 1..n).filter(|_| random(n as u64) < density) {
                        let s = 0.02 + random(1000) as f32 / 1000.0;
                        let one_way = random(6);
                        if !empty[i] && one_way != 0 {
                            rows[i].push((j as u32, s));
                        }
                        if !empty[j] && one_way != 1 {
                            rows[j].push((i as u32, s));
                        }
                    }
                }
                for row in &mut rows {
                    row.sort_by_key(|e| e.0);
                }
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

    /// The graph as it was built before the later half was mirrored: each row sums its
    /// dot products over all the postings of its terms, and keeps its strongest edges.
    fn graph_by_rows(tfidf: &TfIdf) -> Vec<Vec<(u32, f32)>> {
        let n = tfidf.len();
        let rare = |t: u32| tfidf.df[t as usize] as usize <= MAX_POSTINGS;
        (0..n)
            .map(|i| {
                let mut acc = vec![0.0f64; n];
                for &(t, w) in tfidf.vector(i).iter().filter(|&&(t, _)| rare(t)) {
                    for j in (0..n).filter(|&j| j != i) {
                        if let Ok(k) = tfidf.vector(j).binary_search_by_key(&t, |e| e.0) {
                            acc[j] += f64::from(w) * f64::from(tfidf.vector(j)[k].1);
                        }
                    }
                }
                let mut row: Vec<(u32, f32)> = (0..n)
                    .filter(|&j| acc[j] > 0.0)
                    .map(|j| (j as u32, acc[j] / (tfidf.norms[i] * tfidf.norms[j])))
                    .filter(|&(_, s)| s >= MIN_SIMILARITY)
                    .map(|(j, s)| (j, s as f32))
                    .collect();
                row.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                row.truncate(MAX_NEIGHBOURS);
                row.sort_by_key(|e| e.0);
                row
            })
            .collect()
    }

    /// Texts of `n` sentences drawn from a small vocabulary: many rows are capped.
    fn random_text(n: usize, words: usize, random: &dyn Fn(u64) -> u64) -> String {
        (0..n)
            .map(|_| {
                let len = 3 + random(12) as usize;
                // Words of letters only ("qbcz"), not stop words.
                let word = |k: u64| {
                    let letters = [k % 26, k / 26 % 26, k / 676].map(|l| (b'a' + l as u8) as char);
                    format!("q{}{}{}z", letters[0], letters[1], letters[2])
                };
                let sentence: Vec<String> = (0..len).map(|_| word(random(words as u64))).collect();
                format!("Then {}. ", sentence.join(" "))
            })
            .collect()
    }

    #[test]
    fn the_mirrored_half_is_the_graph_built_row_by_row() {
        let source = crate::testing::XorShift::new(0x9e37_79b9_7f4a_7c15u64);
        let random = |m: u64| source.below(m);
        // Both sides of `SMALL`; few words (capped rows) and many (sparse rows).
        for (n, words) in [
            (0, 5),
            (1, 5),
            (2, 3),
            (40, 30),
            (90, 25),
            (SMALL + 40, 400),
        ] {
            let (tfidf, g) = graph(&random_text(n, words, &random));
            let want = graph_by_rows(&tfidf);
            assert_eq!(g.len(), want.len());
            for (i, row) in want.iter().enumerate() {
                let got: Vec<(u32, u32)> = g.row(i).iter().map(|e| (e.0, e.1.to_bits())).collect();
                let row: Vec<(u32, u32)> = row.iter().map(|e| (e.0, e.1.to_bits())).collect();
                assert_eq!(got, row, "{n} sentences, row {i}");
            }
            let mut lone: Vec<(u32, u32, u32)> = Vec::new();
            for (i, row) in g.rows().enumerate() {
                for &(j, s) in row {
                    match g.position(j as usize, i as u32) {
                        Some(k) => assert_eq!(g.row(j as usize)[k].1.to_bits(), s.to_bits()),
                        None => lone.push((i as u32, j, s.to_bits())),
                    }
                }
            }
            lone.sort_by_key(|&(i, j, _)| (j, i));
            let got: Vec<(u32, u32, u32)> =
                g.lone.iter().map(|e| (e.0, e.1, e.2.to_bits())).collect();
            assert_eq!(got, lone, "{n} sentences");
            let strongest = g.edges.iter().map(|e| e.1).fold(0.0, f32::max);
            assert_eq!(g.strongest().to_bits(), strongest.to_bits());
        }
    }

    #[test]
    fn lexrank_of_a_mirrored_graph_is_the_same_to_the_bit_as_pushing_along_rows() {
        let source = crate::testing::XorShift::new(0x0123_4567_89ab_cdefu64);
        let random = |m: u64| source.below(m);
        let mut with_lone = 0;
        let cases = [
            (1, 5),
            (2, 3),
            (7, 10),
            (60, 900),
            (90, 25),
            (SMALL + 40, 60),
        ];
        for (n, words) in cases {
            let (_, g) = graph(&random_text(n, words, &random));
            assert_eq!(g.len(), n);
            with_lone += usize::from(!g.lone.is_empty());
            let want = lexrank_by_rows(&g);
            assert_eq!(
                g.lexrank().iter().map(|r| r.to_bits()).collect::<Vec<_>>(),
                want.iter().map(|r| r.to_bits()).collect::<Vec<_>>(),
                "{n} sentences"
            );
        }
        assert_eq!(with_lone, 2, "capped rows in the two largest graphs only");
    }

    #[test]
    fn the_strongest_neighbours_are_kept_in_order() {
        for len in [MAX_NEIGHBOURS, MAX_NEIGHBOURS + 1, 3 * MAX_NEIGHBOURS] {
            // Cosines with many ties.
            let row: Vec<(u32, f32)> = (0..len as u32)
                .map(|j| (j * 2 + 1, ((j * 7919) % 13) as f32 / 13.0))
                .collect();
            let mut want = row.clone();
            want.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            want.truncate(MAX_NEIGHBOURS);
            want.sort_by_key(|e| e.0);
            let mut edges = row.clone();
            let kept = keep_strongest(&mut edges, &mut Vec::new(), |_, _| {});
            assert_eq!(edges[..kept], want);
        }
    }
}
