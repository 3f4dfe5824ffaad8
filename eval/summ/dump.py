#!/usr/bin/env python3
"""Dump nutshell's per-sentence score parts for a split, for tune.py.

Runs `target/release/nutshell summarize --json --lines` once over every article of a
JSONL file ({id, article, reference}) and writes one JSON line per article:
{id, reference, sentences: [{text, words, index, parts}]}. Tune on dev only.

  python eval/summ/dump.py ../shared/data/summ/dev.jsonl /tmp/dev-parts.jsonl
"""
import json
import subprocess
import sys


def main():
    src, dst = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    items = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
    by_id, rest = {}, items
    while rest:
        inp = "".join(json.dumps({"id": it["id"], "text": it["article"]}) + "\n" for it in rest)
        p = subprocess.run(["target/release/nutshell", "summarize", "--json", "--lines"] + extra,
                           input=inp, capture_output=True, text=True)
        outs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        by_id.update((o["id"], o) for o in outs)
        if p.returncode == 0:
            break
        # an article nutshell failed on: report it, skip it (it scores 0), go on
        print("nutshell failed on %s: %s" % (rest[len(outs)]["id"], p.stderr.strip()[:200]), file=sys.stderr)
        rest = rest[len(outs) + 1:]
    with open(dst, "w", encoding="utf-8") as f:
        for it in items:
            o = by_id.get(it["id"])
            sents = [] if o is None else [
                {"text": s["text"], "words": s["words"], "index": s["index"], "parts": s["parts"]}
                for s in o["sentences"]]
            f.write(json.dumps({"id": it["id"], "reference": it["reference"], "sentences": sents}) + "\n")


if __name__ == "__main__":
    main()
