// Types for the hand-written rule, so the test can import it from TypeScript.
import type { Rule } from 'eslint';

export declare const layers: Readonly<Record<string, readonly string[]>>;
export declare function partOf(file: string, coreDir: string): string | null;
export declare function forbiddenImport(from: string, to: string, coreDir: string): string | null;
export declare const layersRule: Rule.RuleModule;
declare const plugin: { rules: { layers: Rule.RuleModule } };
export default plugin;
