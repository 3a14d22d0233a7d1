import { describeParity } from './fast-path-cases.js';

describeParity('the fast path, with its generated object steps');
