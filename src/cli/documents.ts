import { Command, Option } from 'commander';
import { outboundPolicy } from '../config.ts';
import { type ParseResult, type Strategy, strategies } from '../documents/item.ts';
import { parseDocument } from '../documents/parse-document.ts';
import { findSource } from '../services/sources/find-source.ts';
import { syncSource } from '../services/sources/sync-source.ts';
import { readDocument } from './read-document.ts';
import { jsonOption, print, withWorkspace, workspaceOption } from './with-workspace.ts';

const strategyOption = new Option('-s, --strategy <strategy>', 'force a parse strategy').choices(
  strategies,
);

/** The parse result for a person: items by section, then warnings and issues with line numbers. */
export function describeParse(result: ParseResult): string {
  const lines = [
    `${result.title ?? '(untitled)'} — ${result.items.length} items (${result.strategy})`,
  ];
  let section = '';
  for (const item of result.items) {
    if (item.section !== section) {
      section = item.section;
      lines.push('', `[${section}]`);
    }
    const facts = [item.type, item.date ?? 'no date', `priority ${item.priority}`];
    if (item.featured) facts.push('featured');
    lines.push(`  ${item.title}  (${facts.join(', ')})`);
  }
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of result.warnings)
      lines.push(`  line ${warning.line}: ${warning.code}: ${warning.message}`);
  }
  if (result.issues.length > 0) {
    lines.push('', 'Issues:');
    for (const issue of result.issues)
      lines.push(`  ${issue.severity} ${issue.itemKey} ${issue.field}: ${issue.message}`);
  }
  return lines.join('\n');
}

export function documentCommands(): Command[] {
  const parse = new Command('parse')
    .description('Parse a living document (a file, or - for stdin) and show its items; no database')
    .argument('<file>', 'Markdown, structured JSON or freeform text')
    .addOption(strategyOption)
    .addOption(jsonOption)
    .action(async (file: string, options: { strategy?: Strategy; json?: boolean }) => {
      const result = parseDocument(await readDocument(file), { strategy: options.strategy });
      print(options.json, result, describeParse(result));
    });

  const sync = new Command('sync')
    .description('Sync a source now: read its document, store a snapshot if it changed')
    .argument('<source>', 'source id or name')
    .option('-f, --file <file>', 'new text for a markdown source (a file, or - for stdin)')
    .addOption(workspaceOption)
    .addOption(jsonOption)
    .action(async (ref: string, options: { file?: string; workspace: string; json?: boolean }) => {
      const text = options.file === undefined ? undefined : await readDocument(options.file);
      const result = await withWorkspace(options.workspace, async (ctx, config) => {
        const source = await findSource(ctx, { ref });
        return syncSource(
          ctx,
          { sourceId: source.id, trigger: 'manual', ...(text !== undefined && { text }) },
          { outbound: outboundPolicy(config) },
        );
      });
      const counts = result.counts;
      const summary =
        result.status === 'failed'
          ? `Sync failed (${result.error?.code}): ${result.error?.message}\nThe previous snapshot stays the latest.`
          : result.status === 'unchanged'
            ? `Unchanged: the document is the same as snapshot ${result.snapshotId}.`
            : `New snapshot ${result.snapshotId}: ${counts?.items} items — ${counts?.added} added, ${counts?.changed} changed, ${counts?.removed} removed, ${counts?.unchanged} unchanged; ${counts?.warnings} warnings.`;
      print(options.json, result, summary);
      if (result.status === 'failed') process.exitCode = 1;
    });
  return [parse, sync];
}
