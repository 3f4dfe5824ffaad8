#!/usr/bin/env python3
"""Fit a per-sentence logistic regression on a parts dump (see dump.py): which sentences
does the greedy extractive oracle pick? Reports held-out ROUGE of top-N by the model.
Use the DEV split only.

  python eval/summ/fit_lr.py /tmp/summ-dev.jsonl
"""
import json
import sys
from collections import Counter

import numpy as np
from rouge_score import tokenizers

sys.path.insert(0, __import__("os").path.dirname(__file__))
from tune import Evaluator, derived, FEATURES  # noqa: E402

TK = tokenizers.DefaultTokenizer(use_stemmer=True)


def ngrams(t, k):
    return Counter(tuple(t[i:i + k]) for i in range(len(t) - k + 1))


def f1(c, r):
    ov = sum((c & r).values())
    if not ov:
        return 0.0
    p, q = ov / max(1, sum(c.values())), ov / max(1, sum(r.values()))
    return 2 * p * q / (p + q)


def oracle(a, n=3):
    ref = TK.tokenize(a["reference"].replace("\n", " "))
    r1, r2 = ngrams(ref, 1), ngrams(ref, 2)
    s1, s2 = [], []
    for s in a["sentences"]:
        t = TK.tokenize(s["text"])
        s1.append(ngrams(t, 1))
        s2.append(ngrams(t, 2))
    chosen, c1, c2, best = [], Counter(), Counter(), 0.0
    for _ in range(min(n, len(s1))):
        pick, ps = None, best
        for i in range(len(s1)):
            if i in chosen:
                continue
            sc = (f1(c1 + s1[i], r1) + f1(c2 + s2[i], r2)) / 2
            if sc > ps:
                pick, ps = i, sc
        if pick is None:
            break
        chosen.append(pick)
        c1, c2, best = c1 + s1[pick], c2 + s2[pick], ps
    return set(chosen)


COLS = ["position", "forward", "backward", "graph", "coverage", "entities", "figures", "boilerplate",
        "short", "long", "first", "quote", "length"]


def matrix(arts, decay):
    X, y, groups = [], [], []
    for k, a in enumerate(arts):
        rows = derived(a["sentences"], decay)
        lab = oracle(a)
        for i, r in enumerate(rows):
            X.append([r[c] for c in COLS])
            y.append(1.0 if i in lab else 0.0)
            groups.append(k)
    return np.array(X), np.array(y), groups


def fit(X, y, l2=1.0, iters=50):
    Xb = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(Xb.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Xb @ w))
        g = Xb.T @ (p - y) + l2 * np.r_[w[:-1], 0]
        H = (Xb * (p * (1 - p))[:, None]).T @ Xb + l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
        w -= np.linalg.solve(H, g)
    return w


def main():
    arts = [json.loads(l) for l in open(sys.argv[1])]
    decay = (2.0, 1.0)
    for fold in (0, 1, None):
        tr = [a for i, a in enumerate(arts) if fold is None or i % 2 == fold]
        te = [a for i, a in enumerate(arts) if fold is None or i % 2 != fold]
        X, y, _ = matrix(tr, decay)
        w = fit(X, y)
        weights = {c: 0.0 for c in FEATURES}
        weights.update({c: float(v) for c, v in zip(COLS, w[:-1])})
        ev = Evaluator(te, 3)
        # tune.Evaluator uses tune.FEATURES: make sure all COLS are in it
        feats = [derived(a["sentences"], decay) for a in te]
        sc = ev.run_cols(weights, feats, COLS) if hasattr(ev, "run_cols") else None
        print("fold", fold, "weights", {c: round(float(v), 3) for c, v in zip(COLS, w[:-1])})
        print("   test: R1 %.2f R2 %.2f RLsum %.2f words %.1f" % tuple(sc))




def soft_main():
    """Ridge regression on each sentence's own ROUGE (mean of R1 and R2 F1) instead."""
    from rouge_score import rouge_scorer
    sc = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    arts = [json.loads(l) for l in open(sys.argv[2])]
    decay = (2.0, 1.0)
    ys = []
    for a in arts:
        ys.append([(lambda r: (r["rouge1"].fmeasure + r["rouge2"].fmeasure) / 2)(sc.score(a["reference"], s["text"]))
                   for s in a["sentences"]])
    for fold in (0, 1, None):
        idx = [i for i in range(len(arts)) if fold is None or i % 2 == fold]
        te = [arts[i] for i in range(len(arts)) if fold is None or i % 2 != fold]
        X = np.array([[r[c] for c in COLS] for i in idx for r in derived(arts[i]["sentences"], decay)])
        y = np.array([v for i in idx for v in ys[i]])
        Xb = np.hstack([X, np.ones((len(X), 1))])
        w = np.linalg.solve(Xb.T @ Xb + 1.0 * np.eye(Xb.shape[1]), Xb.T @ y)
        weights = {c: float(v) for c, v in zip(COLS, w[:-1])}
        feats = [derived(a["sentences"], decay) for a in te]
        res = Evaluator(te, 3).run_cols(weights, feats, COLS)
        print("fold", fold, {c: round(v / weights["position"], 3) for c, v in weights.items()})
        print("   test: R1 %.2f R2 %.2f RLsum %.2f words %.1f" % tuple(res))


if __name__ == "__main__":
    soft_main() if sys.argv[1] == "--soft" else main()
