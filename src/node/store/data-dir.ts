import os from 'node:os';
import path from 'node:path';

/** The folder name under the platform's application-data folder; Electron's `userData` uses the product name. */
export const APP_FOLDER_NAME = 'Gazette';

/** The environment variable that overrides the data folder, for the app and the command line alike. */
export const DATA_DIR_ENV = 'GAZETTE_DATA_DIR';

export interface DataDirOptions {
  /** The `--data DIR` command-line value; wins over everything. */
  flag?: string;
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
  /** Defaults to `os.homedir()`. */
  home?: string;
}

/**
 * The folder Gazette keeps its library in: `--data DIR`, else `$GAZETTE_DATA_DIR`, else the
 * folder Electron's `app.getPath('userData')` gives for an app named Gazette, computed without
 * Electron so the command line finds the same library:
 * - Linux and other Unixes: `$XDG_CONFIG_HOME/Gazette`, or `~/.config/Gazette`;
 * - macOS: `~/Library/Application Support/Gazette`;
 * - Windows: `%APPDATA%\Gazette`, or `~\AppData\Roaming\Gazette`.
 * A relative override is resolved against the current folder. Empty values count as unset.
 */
export function resolveDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  // Paths for another platform are built with that platform's rules, so tests can ask for any.
  const paths = platform === 'win32' ? path.win32 : path.posix;

  const override = nonEmpty(options.flag) ?? nonEmpty(env[DATA_DIR_ENV]);
  if (override !== undefined) return path.resolve(override);

  const home = options.home ?? os.homedir();
  switch (platform) {
    case 'darwin':
      return paths.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    case 'win32':
      return paths.join(nonEmpty(env.APPDATA) ?? paths.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    default: {
      // The XDG spec says a relative $XDG_CONFIG_HOME is invalid and must be ignored.
      const xdg = nonEmpty(env.XDG_CONFIG_HOME);
      const configHome = xdg !== undefined && paths.isAbsolute(xdg) ? xdg : paths.join(home, '.config');
      return paths.join(configHome, APP_FOLDER_NAME);
    }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
