// The Python reader behind `python -c` predictions: the exit status of the small programs manifests
// carry (the Job walkthroughs choose it by JOB_COMPLETION_INDEX), and undefined for anything it cannot
// follow. Sources: kubernetes.io/docs/concepts/workloads/controllers/job/ (job-success-policy.yaml) and
// kubernetes.io/docs/tasks/job/pod-failure-policy/ and backoff-limit-per-index (the example programs);
// Python's own rules for sys.exit (None is 0, an int is the status, anything else prints and exits 1).
import { describe, expect, it } from 'vitest';
import { pythonExit } from '../../../shared/sim/infer/python';

const SUCCESS_POLICY = `import os, sys
if os.environ.get("JOB_COMPLETION_INDEX") == "2":
  sys.exit(0)
else:
  sys.exit(1)
`;

const PER_INDEX = `import os, sys
print("Hello world")
if int(os.environ.get("JOB_COMPLETION_INDEX")) % 2 == 0:
  sys.exit(1)
`;

const env = (index?: number) =>
  new Map(index === undefined ? [] : [['JOB_COMPLETION_INDEX', String(index)] as [string, string]]);

const CASES: [string, string, Map<string, string>, number | undefined][] = [
  ['the success-policy program succeeds on index 2', SUCCESS_POLICY, env(2), 0],
  ['the success-policy program fails on index 3', SUCCESS_POLICY, env(3), 1],
  ['the per-index program fails on an even index', PER_INDEX, env(4), 1],
  ['the per-index program ends normally on an odd index', PER_INDEX, env(5), 0],
  ['int() of a missing variable raises, so the outcome is unknown', PER_INDEX, env(), undefined],
  ['print and exit 0', 'print(42)', env(), 0],
  ['sys.exit with no argument is 0', 'import sys\nsys.exit()', env(), 0],
  ['sys.exit with a message is 1', 'import sys\nsys.exit("boom")', env(), 1],
  ['exit codes wrap at 256', 'import sys\nsys.exit(258)', env(), 2],
  ['elif is taken when the if is not', 'import os\nif 1 == 2:\n  exit(3)\nelif 2 == 2:\n  exit(4)\n', env(), 4],
  ['a comment and a blank line are skipped', '# setup\n\nimport sys\nsys.exit(5)  # done', env(), 5],
  [
    'os.environ[...] reads a variable',
    'import os, sys\nif os.environ["A"] != "x":\n  sys.exit(7)',
    new Map([['A', 'y']]),
    7,
  ],
  ['os.getenv with a default', 'import os\nif os.getenv("B", "d") == "d":\n  exit(6)', env(), 6],
  ['a loop is not followed', 'while True:\n  pass', env(), undefined],
  ['an assignment is not followed', 'x = 1\nexit(x)', env(), undefined],
  ['statements joined by ; are not followed', 'import sys; sys.exit(2)', env(), undefined],
  ['ordering a string against a number is unknown', 'if "a" < 1:\n  exit(1)', env(), undefined],
  ['an unterminated string is unknown', 'print("x)\nexit(1', env(), undefined],
  ['an else without an if is unknown', 'else:\n  exit(1)', env(), undefined],
];

describe('pythonExit', () => {
  for (const [name, program, vars, want] of CASES) it(name, () => expect(pythonExit(program, vars)).toBe(want));

  it('answers quickly and never throws on long or broken input', () => {
    const long = `${'if 1 == 1:\n'.repeat(1)}${'  print(1)\n'.repeat(20_000)}`;
    expect(pythonExit(long, env())).toBe(0);
    expect(pythonExit('if (((((:\n  exit(1)', env())).toBeUndefined();
    expect(pythonExit(')))', env())).toBeUndefined();
  });
});
