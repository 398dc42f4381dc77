#!/usr/bin/env python3
"""Write the agency directory CSV for the reports gen.py writes, without copying gen.py.

    agencies.py N OUT.csv [--seed S] [--gen PATH/TO/gen.py]

Imports gen.py from the shared Hugo baseline and replays report_plan(N, seed), which draws each agency (name, slug,
level, region) in the order gen.py does, so every report's agency appears once with the region gen.py placed it in:
province / city / county / township, as the directory's `region` column writes it ("浙江省/金华市/兰溪市"). Municipalities
(北京市 …) have no city level in gen.py: their districts come right under them. The columns are the directory's
(AgencyCsv): submitters and reviewers are placeholders, since `pubpipe site build` reads only id, name, region, level.
"""

import argparse
import csv
import importlib.util
import os

LEVELS = {"province": "省级政府", "city": "设区的市", "county": "县级", "township": "乡镇街道"}


def load_gen(path):
    spec = importlib.util.spec_from_file_location("gen", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_gen = os.path.normpath(os.path.join(here, "../../../../shared/bench/hugo/gen.py"))
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", default="20250131")
    parser.add_argument("--gen", default=default_gen)
    args = parser.parse_args()

    gen = load_gen(args.gen)
    seen = {}
    for agency, _year in gen.report_plan(args.n, args.seed):
        seen.setdefault(agency["slug"], agency)

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(["id", "name", "region", "level", "supervising_office", "submitters", "reviewers", "auto_publish"])
        for slug, agency in seen.items():
            r = agency["region"]
            # gen.py names a municipality's district under "city" = the municipality itself: drop the repeat.
            parts = [r["province"]] + [r[k] for k in ("city", "county", "township") if k in r]
            parts = [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]
            level = "部门" if agency["level"] != "township" and not agency["name"].endswith("人民政府") else LEVELS[agency["level"]]
            writer.writerow([slug, agency["name"], "/".join(parts), level, "政务公开办公室",
                             f"submit@{slug}.example", f"review@{slug}.example", "false"])
    print(f"agencies: {len(seen)} -> {args.out}")


if __name__ == "__main__":
    main()
