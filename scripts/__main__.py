"""The guide's one command line: `python -m scripts <command>` (or the Make targets).

  check                 source rules: front matter, heading ids, translation pairs and
                        structure, agreed Spanish terms, translation freshness
  stamp PAGE...         record that docs/es/PAGE translates the current docs/en/PAGE
  status                translation status table (up to date / stale / missing), and the
                        state rules due for a new check
  site                  the publishable site/: strict build, every PDF and the offline
                        package (needs /usr/bin/chromium)
  offline [--out ZIP]   the offline package alone (default dist/guide-offline.zip)
  measure               page weight per page and in total, against stock Material
  lighthouse            Lighthouse scores for four pages (installs lighthouse from npm)
  anchors [--check]     update data/anchors.yml from the sources (or only check it)
  states                write the State rules pages (one per state with rules) and their
                        nav entries from data/states/
  redirects --nginx     print nginx rules for the moved pages in data/anchors.yml
"""

from __future__ import annotations

import argparse
import sys

from scripts import content, translation


def cmd_check(args) -> int:
    from scripts import anchors, sources, states

    problems = (content.check_all() + translation.check_terms() + translation.check_freshness()
                + anchors.check() + sources.check_all() + states.check())
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
    from scripts import states

    stale = states.stale_rules()
    print(f"\nState rules last checked more than {states.REVIEW_MONTHS} months ago: {len(stale)}")
    for state, rule in stale:
        print(f"  {state['code']}  {rule['id']}  checked {rule['checked']}")
    return 0


def public_url() -> str:
    import os

    return os.environ.get("SITE_URL", "http://127.0.0.1:8000/")


def cmd_site(args) -> int:
    from pathlib import Path

    from scripts import publish

    for item in publish.build(Path(args.site_dir).resolve(), public_url()):
        pages = f"{item.pages:>4} page(s)" if item.pages else "       -    "
        print(f"{item.size:>12,} bytes  {pages}  {item.path}")
    return 0


def cmd_offline(args) -> int:
    import tempfile
    from pathlib import Path

    from scripts import offline

    with tempfile.TemporaryDirectory() as work:
        target = offline.make_zip(Path(args.out).resolve(), public_url(), Path(work))
    print(f"{target}  {target.stat().st_size:,} bytes")
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


def cmd_states(args) -> int:
    from scripts import content, states

    for path in states.stub_pages():
        print(path.relative_to(content.ROOT))
    if states.write_nav():
        print("mkdocs.yml (State rules nav)")
    print("Now run `python -m scripts anchors` to register the rule ids.")
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
    sub.add_parser("measure", help="measure page weight").set_defaults(
        func=lambda args: __import__("scripts.measure", fromlist=["main"]).main())
    sub.add_parser("lighthouse", help="run Lighthouse on four pages").set_defaults(
        func=lambda args: __import__("scripts.lighthouse", fromlist=["main"]).main())
    site = sub.add_parser("site", help="build the publishable site with PDFs and offline zip")
    site.add_argument("--site-dir", default="site")
    site.set_defaults(func=cmd_site)
    offline = sub.add_parser("offline", help="build the offline package")
    offline.add_argument("--out", default="dist/guide-offline.zip")
    offline.set_defaults(func=cmd_offline)
    anchors = sub.add_parser("anchors", help="update or check the deep-link registry")
    anchors.add_argument("--check", action="store_true")
    anchors.set_defaults(func=cmd_anchors)
    sub.add_parser("states", help="write the state pages and nav from data/states/").set_defaults(
        func=cmd_states)
    redirects = sub.add_parser("redirects", help="print hosting rules for moved pages")
    redirects.add_argument("--nginx", action="store_true", required=True)
    redirects.set_defaults(func=cmd_redirects)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
