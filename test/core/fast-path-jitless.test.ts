// Under zod's `jitless` (set for a CSP without eval), the fast path generates no code either; this file
// runs in a module graph of its own, so nothing was compiled before the setting.
import * as z from 'zod/mini';
import { describeParity } from './fast-path-cases.js';

z.config({ jitless: true });

describeParity('the fast path, without generated code (zod jitless)');
