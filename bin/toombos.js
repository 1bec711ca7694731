#!/usr/bin/env node
// The `toombos` command. TypeScript runs through tsx's loader, so a fresh checkout runs with no
// build step (docs/adr/0002-typescript-without-a-build-step.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
