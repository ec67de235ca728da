"""The guide's one command line: `python -m scripts <command>` (or the Make targets).

  check                 source rules: front matter, heading ids, translation pairs and
                        structure, agreed Spanish terms, translation freshness
  stamp PAGE...         record that docs/es/PAGE translates the current docs/en/PAGE
  status                translation status table (up to date / stale / missing)
  pdf                   strict build into site/ with every PDF (needs /usr/bin/chromium)
  anchors [--check]     update data/anchors.yml from the sources (or only check it)
  redirects --nginx     print nginx rules for the moved pages in data/anchors.yml
"""

from __future__ import annotations

import argparse
import sys

from scripts import content, translation


def cmd_check(args) -> int:
    from scripts import anchors

    problems = (content.check_all() + translation.check_terms() + translation.check_freshness()
                + anchors.check())
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s).", file=sys.stderr)
        return 1
    print("Sources OK.")
    return 0


def cmd_stamp(args) -> int:
    status = 0
    for page in args.pages:
        try:
            print(translation.stamp(page))
        except (FileNotFoundError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
    return status


def cmd_status(args) -> int:
    rows = translation.status_rows()
    width = max(len(row.page) for row in rows) if rows else 10
    print(f"{'page'.ljust(width)}  status")
    for row in rows:
        print(f"{row.page.ljust(width)}  {row.status}")
    return 0


def cmd_pdf(args) -> int:
    import os
    from pathlib import Path

    from scripts import pdf

    public_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    made = pdf.build_and_print(Path(args.site_dir).resolve(), public_url)
    for item in made:
        print(f"{item.path}  {item.pages} page(s)  {item.size:,} bytes")
    return 0


def cmd_anchors(args) -> int:
    from scripts import anchors

    if args.check:
        problems = anchors.check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    changes = anchors.update()
    print("\n".join(changes) if changes else "data/anchors.yml is up to date.")
    return 0


def cmd_redirects(args) -> int:
    import os

    from scripts import anchors

    print(anchors.nginx_rules(os.environ.get("SITE_URL", "/")))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="check the Markdown sources").set_defaults(func=cmd_check)
    stamp = sub.add_parser("stamp", help="mark Spanish pages as translating the current English")
    stamp.add_argument("pages", nargs="+", metavar="PAGE",
                       help="path relative to docs/en and docs/es, e.g. warrants/judicial.md")
    stamp.set_defaults(func=cmd_stamp)
    sub.add_parser("status", help="print the translation status table").set_defaults(func=cmd_status)
    pdf = sub.add_parser("pdf", help="build the site with its PDFs")
    pdf.add_argument("--site-dir", default="site")
    pdf.set_defaults(func=cmd_pdf)
    anchors = sub.add_parser("anchors", help="update or check the deep-link registry")
    anchors.add_argument("--check", action="store_true")
    anchors.set_defaults(func=cmd_anchors)
    redirects = sub.add_parser("redirects", help="print hosting rules for moved pages")
    redirects.add_argument("--nginx", action="store_true", required=True)
    redirects.set_defaults(func=cmd_redirects)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
