// Plain ESM, like global-setup.js. Prints the table of every scenario that ran, whatever its outcome.
import { existsSync, readFileSync, rmSync } from 'node:fs';

const HEADER = ['scenario', 'requests', 'acknowledged', 'stored', '5xx', '503+Retry-After', 'recovery time'];

export default function globalTeardown() {
  const file = process.env.RESILIENCE_SUMMARY_FILE;
  const rows =
    file && existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
  const cells = rows.map((row) =>
    [row.scenario, row.requests, row.acknowledged, row.stored, row.serverErrors, row.unavailable, row.recovery].map(String),
  );
  const widths = HEADER.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column].length)));
  const line = (values) =>
    values.map((value, column) => (column === 0 ? value.padEnd(widths[column]) : value.padStart(widths[column]))).join('  ');
  const table = [line(HEADER), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
  process.stdout.write(`\n[resilience] summary\n${table}\n\n`);
  if (file) rmSync(file, { force: true });
}
