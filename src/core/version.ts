// The package version, read from package.json at build time (esbuild keeps only this field).
import { version } from '../../package.json';

/** The version of this SDK, as published. */
export const VERSION: string = version;
