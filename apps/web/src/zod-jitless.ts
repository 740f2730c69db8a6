// Imported first by main.tsx, before any schema is built or parsed: zod compiles
// parsers with `new Function` unless told not to, and the page's CSP forbids eval.
import { config } from 'zod';

config({ jitless: true });
