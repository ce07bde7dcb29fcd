/** Types of build-cli.mjs, for the benchmark that builds the command line before timing it. */
export declare const CLI_ENTRY: string;
export declare function buildCli(options?: { quiet?: boolean }): Promise<void>;
