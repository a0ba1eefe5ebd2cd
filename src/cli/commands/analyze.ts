import { readFile } from 'node:fs/promises';
import type { CliCommand, CliIo } from '../command.js';
import { UsageError } from '../command.js';
import { validateBundle } from '../../modules/bundle/validate-bundle.js';
import { computeAuthenticity } from '../../modules/analytics/compute-authenticity.js';
import type { AuthenticityProfile, MetricValue } from '../../modules/analytics/types.js';

/** The readable report: verdict, confidence, each dimension with its metrics, flags with evidence. */
export function formatReport(title: string, profile: AuthenticityProfile): string {
  const lines = [
    `Partnership authenticity: ${title}`,
    `Verdict: ${profile.verdict}   Confidence: ${Math.round(profile.confidence * 100)}%`,
    '',
    'Dimensions',
  ];
  for (const dimension of profile.dimensions) {
    lines.push(`  ${dimension.key.padEnd(15)} ${dimension.score === null ? 'no data' : dimension.score.toFixed(1)}`);
    for (const entry of dimension.metrics) {
      lines.push(`      ${entry.key.padEnd(28)} ${formatValue(entry.value).padStart(7)}  ${entry.explanation}`);
    }
  }
  lines.push('', profile.flags.length === 0 ? 'Flags: none' : 'Flags');
  for (const raised of profile.flags) {
    lines.push(`  [${raised.severity}] ${raised.key}: ${raised.message.en}`);
    lines.push(`      evidence: ${JSON.stringify(raised.evidence)}`);
  }
  return lines.join('\n');
}

function formatValue(value: MetricValue): string {
  if (value === null) return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function fail(io: CliIo, message: string): number {
  io.stderr(message);
  return 1;
}

const analyze: CliCommand = {
  name: 'analyze',
  summary: 'Compute the partnership authenticity profile of a programme bundle file, offline',
  usage: 'analyze BUNDLE.json [--json]',
  options: { json: { type: 'boolean', description: 'Print only the profile as JSON on stdout' } },
  needsDatabase: false,
  async run({ args, values, io }) {
    const path = args[0];
    if (path === undefined || path === '') throw new UsageError('missing the bundle file to analyze');
    if (args.length > 1) throw new UsageError(`unexpected argument '${args[1] ?? ''}'`);

    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      return fail(io, `cannot read ${path}: ${(error as Error).message}`);
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      return fail(io, `${path} is not JSON: ${(error as Error).message}`);
    }

    const validation = validateBundle(input);
    for (const warning of validation.warnings) io.stderr(`warning ${warning.pointer}: ${warning.message}`);
    if (!validation.ok) {
      io.stderr(`${path} does not fit the programme bundle format (${validation.errors.length} error(s)):`);
      for (const error of validation.errors) io.stderr(`  ${error.pointer || '/'}: ${error.message}`);
      return 1;
    }

    const profile = computeAuthenticity(validation.bundle);
    io.stdout(values.json === true ? JSON.stringify(profile, null, 2) : formatReport(validation.bundle.programme.title, profile));
    return 0;
  },
};

export default analyze;
