#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""closeplan diff --git: versions of a plan read from a throwaway git repository.

    check_diff_git.py CLOSEPLAN FIXTURES_DIFF_DIR

v1.yaml and v2.yaml of tests/cli/fixtures/diff are committed one after the
other as plans/plan.yaml; then each way of naming versions is run, and each
way it can fail: outside git (H836), a path or revision git does not have
(H837), and a revision holding shell syntax (never run by a shell).
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    closeplan, fixtures = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failures = []
    with tempfile.TemporaryDirectory() as top:
        env = dict(os.environ, HOME=top, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
        repo = os.path.join(top, "repo")
        os.makedirs(os.path.join(repo, "plans"))

        def git(*args):
            subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

        def diff(*args, cwd=repo):
            run = subprocess.run([closeplan, "diff", *args], cwd=cwd, env=env, capture_output=True, text=True)
            return run.returncode, run.stdout, run.stderr

        def expect(what, result, code, out=(), err=()):
            got_code, got_out, got_err = result
            if got_code != code:
                failures.append(f"{what}: exit {got_code}, expected {code}\n{got_err}")
            for text in out:
                if text not in got_out:
                    failures.append(f"{what}: stdout lacks {text!r}\n{got_out}")
            for text in err:
                if text not in got_err:
                    failures.append(f"{what}: stderr lacks {text!r}\n{got_err}")

        git("init", "-q")
        plan = os.path.join(repo, "plans", "plan.yaml")
        shutil.copy(os.path.join(fixtures, "v1.yaml"), plan)
        git("add", "plans/plan.yaml")
        git("commit", "-q", "-m", "v1")
        shutil.copy(os.path.join(fixtures, "v2.yaml"), plan)
        git("commit", "-q", "-am", "v2")

        expect("two revisions", diff("--git", "HEAD~1..HEAD", "plans/plan.yaml"), 0,
               out=["Plan changes: HEAD~1:plans/plan.yaml -> HEAD:plans/plan.yaml", "close: 2026-06-30 -> 2026-07-14"],
               err=["HEAD:plans/plan.yaml:6:15: warning[H835]", "HEAD:plans/plan.yaml:14:102: warning[H834]"])
        # One revision against the work tree, named from inside the plan's folder: still the repository path.
        expect("a revision and the work tree", diff("--git", "HEAD~1", "plan.yaml", cwd=os.path.join(repo, "plans")), 0,
               out=["Plan changes: HEAD~1:plans/plan.yaml -> plan.yaml"], err=["plan.yaml:6:15: warning[H835]"])
        expect("for people", diff("--git", "HEAD~1..HEAD", "plans/plan.yaml", "-f", "md", "--locale", "de", "-q"), 0,
               out=["### Planänderungen", "30\\.06.2026 → 14.07.2026 (14 Tage später)"])
        expect("quiet", diff("--git", "HEAD~1..HEAD", "plans/plan.yaml", "-q"), 0)
        if diff("--git", "HEAD~1..HEAD", "plans/plan.yaml", "-q")[2]:
            failures.append("-q still prints warnings")

        shutil.copy(os.path.join(fixtures, "v1.yaml"), os.path.join(repo, "plans", "new.yaml"))
        expect("a path the revision lacks", diff("--git", "HEAD", "plans/new.yaml"), 4,
               err=["plans/new.yaml: error[H837]: plans/new.yaml is not in revision HEAD", "git log --follow"])
        expect("an unknown revision", diff("--git", "v9", "plans/plan.yaml"), 4,
               err=["error[H837]: cannot read revision \"v9\""])
        marker = os.path.join(top, "pwned")
        expect("shell syntax in a revision", diff("--git", f"HEAD;touch {marker}", "plans/plan.yaml"), 4, err=["H837"])
        expect("shell syntax in a revision range", diff("--git", f"HEAD~1..$(touch {marker})", "plans/plan.yaml"), 4,
               err=["H837"])
        if os.path.exists(marker):
            failures.append("a revision ran as shell syntax")

        outside = os.path.join(top, "outside")
        os.makedirs(outside)
        shutil.copy(os.path.join(fixtures, "v1.yaml"), os.path.join(outside, "plan.yaml"))
        expect("outside git", diff("--git", "HEAD", "plan.yaml", cwd=outside), 4,
               err=["plan.yaml: error[H836]: not inside a git work tree"])
    for f in failures:
        print("FAIL", f)
    print("ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
