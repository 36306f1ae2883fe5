// @doyensec/electronegativity ships no types; only the programmatic entry is used (README,
// "Programmatically").
declare module '@doyensec/electronegativity' {
  export interface ElectronegativityOptions {
    input: string;
    output?: string;
    isSarif?: boolean;
    customScan?: string[];
    excludeFromScan?: string[];
    severitySet?: string;
    confidenceSet?: string;
    isRelative?: boolean;
    electronUpgrade?: string;
    electronVersionOverride?: string;
    parserPlugins?: unknown[];
  }
  export default function run(
    options: ElectronegativityOptions,
    forCli?: boolean,
  ): Promise<unknown>;
}
