#!/usr/bin/env python3
"""k-fold cross-validation of the weight-fitting procedure on a parts dump (dev only).

For each fold: logistic regression on the oracle labels of the training articles
(fit_lr.py) gives starting weights; coordinate ascent on ROUGE (tune.py) refines them on
the same training articles; the held-out articles are scored with the result and with
the lead (position only). Prints per-fold and mean held-out ROUGE, and the mean weights
(bagging), which is what src/score ships.

  python eval/summ/cv.py /tmp/summ-dev.jsonl --k 4 --max-words 69.9
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_lr  # noqa: E402
import tune  # noqa: E402

COLS = ["position", "first", "centrality", "graph", "coverage", "entities", "figures",
        "boilerplate", "short", "long", "plateau", "quote"]


def ascent(ev, w, feats, max_words, rounds):
    steps = [-0.2, -0.1, -0.05, -0.02, 0.02, 0.05, 0.1, 0.2]
    cur = tune.objective(ev.run_cols(w, feats, COLS), max_words)
    for _ in range(rounds):
        improved = False
        for f in COLS:
            if f == "position":
                continue
            best = (cur, w[f])
            for st in steps:
                w2 = dict(w)
                w2[f] = round(w[f] + st, 3)
                o = tune.objective(ev.run_cols(w2, feats, COLS), max_words)
                if o > best[0] + 1e-6:
                    best = (o, w2[f])
            if best[1] != w[f]:
                w[f], cur, improved = best[1], best[0], True
        if not improved:
            break
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--max-words", type=float, default=69.9)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    arts = [json.loads(l) for l in open(args.dump)]
    decay = (2.0, 1.0)
    fit_lr.COLS = COLS
    lead_w = {c: 0.0 for c in COLS}
    lead_w.update({"position": 1.0, "boilerplate": -2.0})
    all_w, gains = [], []
    for fold in range(args.k):
        tr = [a for i, a in enumerate(arts) if i % args.k != fold]
        te = [a for i, a in enumerate(arts) if i % args.k == fold]
        X, y, _ = fit_lr.matrix(tr, decay)
        lr = fit_lr.fit(X, y)
        w = {c: round(float(v) / float(lr[0]), 3) for c, v in zip(COLS, lr[:-1])}
        w["boilerplate"] = min(w["boilerplate"], -2.0)
        trf = [tune.derived(a["sentences"], decay) for a in tr]
        w = ascent(tune.Evaluator(tr, 3), w, trf, args.max_words, args.rounds)
        tef = [tune.derived(a["sentences"], decay) for a in te]
        ev = tune.Evaluator(te, 3)
        fit_res, lead_res = ev.run_cols(w, tef, COLS), ev.run_cols(lead_w, tef, COLS)
        gains.append([a - b for a, b in zip(fit_res, lead_res)])
        all_w.append(w)
        print("fold %d held-out: fit R1 %.2f R2 %.2f RLsum %.2f words %.1f | lead R1 %.2f R2 %.2f RLsum %.2f words %.1f"
              % (fold, *fit_res, *lead_res), flush=True)
        print("   weights", json.dumps(w), flush=True)
    mean_gain = [sum(g[j] for g in gains) / len(gains) for j in range(4)]
    print("mean held-out gain over lead: R1 %+.2f R2 %+.2f RLsum %+.2f words %+.1f" % tuple(mean_gain))
    mean_w = {c: round(sum(w[c] for w in all_w) / len(all_w), 3) for c in COLS}
    feats = [tune.derived(a["sentences"], decay) for a in arts]
    res = tune.Evaluator(arts, 3).run_cols(mean_w, feats, COLS)
    print("bagged weights", json.dumps(mean_w))
    print("bagged on all dev: R1 %.2f R2 %.2f RLsum %.2f words %.1f" % tuple(res))


if __name__ == "__main__":
    main()
