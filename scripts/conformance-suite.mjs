// Runs every client scenario of one or more lines of the MCP conformance suite against
// the conformance client, a few at a time, and prints a summary of the results.
// scripts/run-conformance.sh prepares everything and calls this with Node 22:
//
//   node conformance-suite.mjs --client CMD --results DIR --expected-failures FILE
//        [--jobs N] --suite PACKAGE_DIR... [SCENARIO[@VERSION]...]
//
// A suite of the 0.1 line runs each of its scenarios once, its auth/* scenarios included
// (it does not vary its mock servers by spec version). Any newer line runs every client
// scenario it lists at every spec version the scenario is tagged with, and extension
// scenarios once.
//
// A run passes when the harness reports no failure, no warning and no client error,
// and at least half of its checks were not skipped. Scenarios listed in the
// expected-failures file (the harness's own format) must fail; one that passes is
// reported as stale. Exits with 1 on any unexpected result.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Scenarios that measure the client's timing: run alone once the others are done, so
// that the other runs' JVMs do not delay them.
const RUN_ALONE = new Set(['sse-retry']);
const CLIENT_TIMEOUT_MS = 30000;
// The harness itself is killed if it outlives the client's timeout by this much.
const HARNESS_GRACE_MS = 90000;

function parseArgs(argv) {
  const options = { suites: [], filters: [], jobs: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--client') options.client = value();
    else if (arg === '--results') options.results = value();
    else if (arg === '--expected-failures') options.expectedFailures = value();
    else if (arg === '--jobs') options.jobs = Number(value());
    else if (arg === '--suite') options.suites.push(value());
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.filters.push(arg);
  }
  for (const required of ['client', 'results', 'expectedFailures']) {
    if (!options[required]) throw new Error(`--${required.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} is required`);
  }
  if (options.suites.length === 0) throw new Error('at least one --suite is required');
  if (options.jobs === undefined || !(options.jobs >= 1)) {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    options.jobs = Math.max(1, Math.min(cores, 4));
  }
  return options;
}

// The scenarios a suite lists, each with the spec versions it is tagged with.
function listScenarios(index) {
  const out = execFileSync(process.execPath, [index, 'list', '--client'], { encoding: 'utf8' });
  const scenarios = [];
  for (const line of out.split('\n')) {
    const match = line.match(/^\s*-\s+(\S+)(?:\s+\[([^\]]*)\])?\s*$/);
    if (match) {
      scenarios.push({ name: match[1], tags: match[2] ? match[2].split(',').map((t) => t.trim()) : [] });
    }
  }
  if (scenarios.length === 0) throw new Error(`${index} lists no client scenarios`);
  return scenarios;
}

function planSuite(packageDir) {
  const version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  const index = path.join(packageDir, 'dist', 'index.js');
  const scenarios = listScenarios(index);
  const runs = [];
  const firstLine = version.startsWith('0.1.');
  for (const { name, tags } of scenarios) {
    if (firstLine) {
      runs.push({ suite: version, index, scenario: name, version: null });
      continue;
    }
    const dated = tags.filter((tag) => /^\d{4}-\d{2}-\d{2}$/.test(tag));
    for (const tag of dated) runs.push({ suite: version, index, scenario: name, version: tag });
    if (dated.length === 0) runs.push({ suite: version, index, scenario: name, version: null, extension: true });
  }
  return { version, scenarios: scenarios.map((s) => s.name), runs };
}

// The scenario names of the expected-failures file's "client" list.
function readExpectedFailures(file) {
  const entries = [];
  let section = null;
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    const key = line.match(/^(\w+):\s*$/);
    if (key) {
      section = key[1];
      continue;
    }
    const item = line.match(/^\s+-\s+(\S+)$/);
    if (item && section === 'client') entries.push(item[1]);
    else if (!item) throw new Error(`${file}: cannot read line '${raw}'`);
  }
  return new Set(entries);
}

function selected(run, filters) {
  if (filters.length === 0) return true;
  return filters.some((filter) => {
    const [scenario, version] = filter.split('@');
    return scenario === run.scenario && (version === undefined || version === label(run));
  });
}

function label(run) {
  return run.version ?? (run.extension ? 'extension' : '-');
}

function findFile(dir, name) {
  if (!fs.existsSync(dir)) return null;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return full;
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found) return found;
    }
  }
  return null;
}

function execute(run, options) {
  const dir = path.join(options.results, run.suite, `${run.scenario.replaceAll('/', '_')}@${label(run)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const args = [run.index, 'client', '--command', `exec ${options.client}`, '--scenario', run.scenario,
    '--timeout', String(CLIENT_TIMEOUT_MS), '-o', dir];
  if (run.version) args.push('--spec-version', run.version);
  const log = fs.openSync(path.join(dir, 'harness.log'), 'w');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', log, log] });
    const guard = setTimeout(() => child.kill('SIGKILL'), CLIENT_TIMEOUT_MS + HARNESS_GRACE_MS);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      fs.closeSync(log);
      resolve(judge(run, dir, signal ? `killed by ${signal}` : code, Date.now() - started));
    });
  });
}

function judge(run, dir, exit, millis) {
  const result = { ...run, dir, millis, passed: 0, failed: 0, warnings: 0, skipped: 0, problems: [] };
  const checksFile = findFile(dir, 'checks.json');
  const checks = checksFile ? JSON.parse(fs.readFileSync(checksFile, 'utf8')) : [];
  for (const check of checks) {
    if (check.status === 'SUCCESS') result.passed++;
    else if (check.status === 'FAILURE') result.failed++;
    else if (check.status === 'WARNING') result.warnings++;
    else if (check.status === 'SKIPPED') result.skipped++;
    if (check.status === 'FAILURE' || check.status === 'WARNING') {
      result.problems.push(`${check.status} ${check.name}: ${check.errorMessage ?? check.description}`);
    }
  }
  const scored = result.passed + result.failed + result.warnings + result.skipped;
  if (!checksFile) result.problems.push('the harness wrote no checks');
  else if (scored === 0 || result.skipped * 2 > scored) result.problems.push(`${result.skipped} of ${scored} checks skipped`);
  if (exit !== 0) result.problems.push(`the harness exited with ${exit}`);
  result.ok = result.problems.length === 0;
  return result;
}

function outcome(result, expected) {
  const listed = expected.has(result.scenario);
  if (result.ok) return listed ? 'STALE' : 'pass';
  return listed ? 'expected failure' : 'FAIL';
}

async function runAll(runs, expected, options) {
  const results = [];
  const report = (result) => {
    results.push(result);
    const verdict = outcome(result, expected);
    console.log(`[conformance] ${verdict} ${result.scenario} @${label(result)} (conformance ${result.suite}): `
      + `${result.passed} passed, ${result.failed + result.warnings} failed, ${result.skipped} skipped `
      + `in ${(result.millis / 1000).toFixed(1)} s`);
  };
  const queue = runs.filter((run) => !RUN_ALONE.has(run.scenario));
  const worker = async () => {
    for (let run = queue.shift(); run; run = queue.shift()) report(await execute(run, options));
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, queue.length) }, worker));
  for (const run of runs.filter((run) => RUN_ALONE.has(run.scenario))) report(await execute(run, options));
  return results;
}

function printSummary(results, expected, unknownEntries, options) {
  const rows = results
    .map((r) => ({ ...r, outcome: outcome(r, expected), bad: r.ok === expected.has(r.scenario) }))
    .sort((a, b) => a.suite.localeCompare(b.suite, 'en', { numeric: true })
      || a.scenario.localeCompare(b.scenario) || label(a).localeCompare(label(b)));
  const header = ['conformance', 'scenario', 'version', 'passed', 'failed', 'skipped', 'result'];
  const table = rows.map((r) => [r.suite, r.scenario, label(r), String(r.passed), String(r.failed + r.warnings),
    String(r.skipped), r.outcome]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const format = (row) => row.map((cell, i) => (i >= 3 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
    .join('  ').trimEnd();
  const lines = [format(header), ...table.map(format)];
  fs.writeFileSync(path.join(options.results, 'summary.txt'), lines.join('\n') + '\n');
  fs.writeFileSync(path.join(options.results, 'summary.md'),
    [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`,
      ...table.map((row) => `| ${row.join(' | ')} |`)].join('\n') + '\n');

  console.log('\n[conformance] Results (checks per run; "failed" includes warnings)\n');
  lines.forEach((line) => console.log(line));

  const bad = rows.filter((r) => r.bad);
  for (const r of bad.filter((r) => !r.ok)) {
    console.log(`\n[conformance] ${r.scenario} @${label(r)} (conformance ${r.suite}) failed; output in ${r.dir}`);
    r.problems.forEach((problem) => console.log(`  - ${problem}`));
    for (const output of ['stdout.txt', 'stderr.txt']) {
      const file = findFile(r.dir, output);
      const tail = file ? fs.readFileSync(file, 'utf8').split('\n')
        .filter((line) => line.trim() && !/^\s+at /.test(line)).slice(-10) : [];
      if (tail.length > 0) console.log(`  client ${output} (last lines without stack frames):\n    ${tail.join('\n    ')}`);
    }
  }
  for (const r of bad.filter((r) => r.ok)) {
    console.log(`\n[conformance] ${r.scenario} @${label(r)} (conformance ${r.suite}) passes, but `
      + `${options.expectedFailures} expects it to fail: remove it from there`);
  }
  for (const entry of unknownEntries) {
    console.log(`\n[conformance] ${options.expectedFailures} lists '${entry}', which no suite has: remove it`);
  }
  const count = (outcome) => rows.filter((r) => r.outcome === outcome).length;
  console.log(`\n[conformance] ${rows.length} run${rows.length === 1 ? '' : 's'}: ${count('pass')} passed, ${count('expected failure')} failed as `
    + `expected, ${count('FAIL')} failed, ${count('STALE')} stale (passed `
    + `although expected to fail)`);
  return bad.length === 0 && unknownEntries.length === 0;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const expected = readExpectedFailures(options.expectedFailures);
  const plans = options.suites.map(planSuite);
  const known = new Set(plans.flatMap((plan) => plan.scenarios));
  const unknownEntries = [...expected].filter((entry) => !known.has(entry));
  const all = plans.flatMap((plan) => plan.runs);
  const unmatched = options.filters.filter((filter) => !all.some((run) => selected(run, [filter])));
  if (unmatched.length > 0) throw new Error(`no run of the suite matches ${unmatched.join(' ')}`);
  const runs = all.filter((run) => selected(run, options.filters));
  fs.mkdirSync(options.results, { recursive: true });
  console.log(`[conformance] ${runs.length} run${runs.length === 1 ? '' : 's'} of ${plans.map((p) => p.version).join(' and ')}, `
    + `${options.jobs} at a time`);
  const results = await runAll(runs, expected, options);
  process.exit(printSummary(results, expected, unknownEntries, options) ? 0 : 1);
}

main().catch((error) => {
  console.error(`[conformance] ${error.message}`);
  process.exit(2);
});
