#!/usr/bin/env python3
"""Fit the score weights on a parts dump (see dump.py) by coordinate ascent on ROUGE.

Simulates nutshell's selection (top N by the weighted sum of parts, in document order;
near-duplicates are rare at N=3 and ignored here) and scores it with rouge-score exactly
as summ_eval.py does. The objective is the mean of R1, R2 and RLsum F1, subject to a mean
summary length no longer than Lead-3's (given with --max-words). Use the DEV split only.

  python eval/summ/tune.py /tmp/summ-dev.jsonl --max-words 69.9
"""
import argparse
import json
import math

from rouge_score import rouge_scorer

SC = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
FEATURES = ["position", "centrality", "forward", "backward", "graph", "coverage", "entities", "figures", "boilerplate", "short", "long", "first", "quote", "length", "pron", "plateau", "first_short", "first_long"]



def quoted_share(text):
    inside, q, t = False, 0, 0
    for c in text:
        if c == '"':
            inside = not inside
        elif c.isalnum():
            t += 1
            q += inside
    return q / t if t else 0.0


BACKWARD = 3.2
PRONOUNS = {"he", "she", "it", "they", "this", "these", "those", "his", "her", "their", "its",
            "we", "i", "you", "him", "them"}


def derived(sents, decay):
    rank, rows = 0, []
    for s in sents:
        p = dict(s["parts"])
        scale, power = decay
        p["position"] = 1.0 / (1.0 + rank / scale) ** power
        p["first"] = 1.0 if rank == 0 else 0.0
        if p["boilerplate"] < 0.99:
            rank += 1
        w = s["words"]
        p["quote"] = quoted_share(s["text"])
        fw = (s["text"].split() or [""])[0].strip("\"'\u2018\u201c").lower()
        p["pron"] = 1.0 if fw in PRONOUNS else 0.0
        p["length"] = s["parts"]["length"]
        p["short"] = max(0.0, (15 - w) / 15)
        p["long"] = min(1.0, max(0.0, (w - 30) / 40))
        p["first_short"] = p["first"] if w < 20 else 0.0
        p["first_long"] = p["first"] if w >= 20 else 0.0
        p["plateau"] = (min(1.0, max(0.0, (w - 3) / 9)) if w < 12 else 1.0 if w <= 32
                        else min(1.0, max(0.0, (80 - w) / 48)))
        rows.append(p)
    if rows and "forward" in rows[0]:
        # dumps made while forward/backward were separate parts (before they were folded
        # into centrality = forward - BACKWARD * backward, scaled to max |.| = 1)
        d = [r["forward"] - BACKWARD * r["backward"] for r in rows]
        m = max([abs(x) for x in d] + [0.0])
        for r, x in zip(rows, d):
            r["centrality"] = x / m if m > 0 else 0.0
    for r in rows:
        r.setdefault("forward", 0.0)
        r.setdefault("backward", 0.0)
    return rows


class Evaluator:
    def __init__(self, arts, n):
        self.arts, self.n, self.cache = arts, n, {}

    def rouge(self, k, chosen):
        key = (k, chosen)
        r = self.cache.get(key)
        if r is None:
            a = self.arts[k]
            summ = [" ".join(a["sentences"][i]["text"].split()) for i in chosen]
            s = SC.score(a["reference"], "\n".join(summ))
            r = (s["rouge1"].fmeasure * 100, s["rouge2"].fmeasure * 100, s["rougeLsum"].fmeasure * 100,
                 sum(len(x.split()) for x in summ))
            self.cache[key] = r
        return r

    def run(self, weights, feats):
        return self.run_cols(weights, feats, FEATURES)

    def run_cols(self, weights, feats, cols):
        tot = [0.0, 0.0, 0.0, 0.0]
        for k, rows in enumerate(feats):
            sc = [sum(weights[f] * r[f] for f in cols if weights.get(f)) for r in rows]
            order = sorted(range(len(rows)), key=lambda i: (-sc[i], i))[: self.n]
            r = self.rouge(k, tuple(sorted(order)))
            for j in range(4):
                tot[j] += r[j]
        m = len(feats)
        return [t / m for t in tot]


def objective(res, max_words):
    obj = (res[0] + res[1] + res[2]) / 3
    if max_words and res[3] > max_words:
        obj -= 1.0 * (res[3] - max_words)
    return obj


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--max-words", type=float, default=0)
    ap.add_argument("--n", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--decays", default="0.5,1,1.5,2")
    ap.add_argument("--init", default="")
    ap.add_argument("--fold", default="", help="k/2: fit on half k of the articles, report the other half")
    args = ap.parse_args()
    arts = [json.loads(l) for l in open(args.dump)]
    held = []
    if args.fold:
        k = int(args.fold.split("/")[0])
        held = [a for i, a in enumerate(arts) if i % 2 != k]
        arts = [a for i, a in enumerate(arts) if i % 2 == k]
    ev = Evaluator(arts, args.n)
    w = {f: 0.0 for f in FEATURES}
    w.update({"position": 1.0, "boilerplate": -2.0})
    if args.init:
        w.update(json.loads(args.init))
    best_decay, best_obj = None, -1e9
    for decay in [tuple(map(float, x.split(":"))) for x in args.decays.split(",")]:
        feats = [derived(a["sentences"], decay) for a in arts]
        res = ev.run(w, feats)
        o = objective(res, args.max_words)
        print("decay %s: %s obj %.3f" % (decay, ["%.2f" % x for x in res], o), flush=True)
        if o > best_obj:
            best_decay, best_obj = decay, o
    feats = [derived(a["sentences"], best_decay) for a in arts]
    steps = [-0.2, -0.1, -0.05, -0.02, 0.02, 0.05, 0.1, 0.2]
    cur = objective(ev.run(w, feats), args.max_words)
    for rnd in range(args.rounds):
        improved = False
        for f in FEATURES:
            if f == "position":
                continue  # the scale: position stays 1
            best = (cur, w[f])
            for st in steps:
                w2 = dict(w)
                w2[f] = round(w[f] + st, 3)
                o = objective(ev.run(w2, feats), args.max_words)
                if o > best[0] + 1e-6:
                    best = (o, w2[f])
            if best[1] != w[f]:
                w[f], cur, improved = best[1], best[0], True
                res = ev.run(w, feats)
                print("round %d %-11s -> %+.3f  R1 %.2f R2 %.2f RLsum %.2f words %.1f obj %.3f"
                      % (rnd, f, w[f], *res, cur), flush=True)
        if not improved:
            break
    res = ev.run(w, feats)
    print("decay", best_decay, "weights", json.dumps(w))
    print("R1 %.2f R2 %.2f RLsum %.2f words %.1f" % tuple(res))
    if held:
        ev2 = Evaluator(held, args.n)
        hf = [derived(a["sentences"], best_decay) for a in held]
        base = {f: 0.0 for f in FEATURES}
        base.update({"position": 1.0, "boilerplate": -2.0})
        print("held-out lead: R1 %.2f R2 %.2f RLsum %.2f words %.1f" % tuple(ev2.run(base, hf)))
        print("held-out fit : R1 %.2f R2 %.2f RLsum %.2f words %.1f" % tuple(ev2.run(w, hf)))


if __name__ == "__main__":
    main()
