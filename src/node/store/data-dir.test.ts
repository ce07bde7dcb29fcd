import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('uses ~/.config/Gazette on Linux', () => {
    expect(resolveDataDir({ platform: 'linux', env: {}, home: '/home/ada' })).toBe(
      '/home/ada/.config/Gazette',
    );
  });

  it('uses $XDG_CONFIG_HOME on Linux when it is absolute', () => {
    expect(resolveDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ada' })).toBe(
      '/cfg/Gazette',
    );
    expect(
      resolveDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel/cfg' }, home: '/home/ada' }),
    ).toBe('/home/ada/.config/Gazette');
    expect(resolveDataDir({ platform: 'freebsd', env: { XDG_CONFIG_HOME: '' }, home: '/home/ada' })).toBe(
      '/home/ada/.config/Gazette',
    );
  });

  it('uses ~/Library/Application Support/Gazette on macOS', () => {
    expect(resolveDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Gazette',
    );
  });

  it('uses %APPDATA%\\Gazette on Windows, or the default Roaming folder', () => {
    expect(
      resolveDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        home: 'C:\\Users\\ada',
      }),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Gazette');
    expect(resolveDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Gazette',
    );
  });

  it('lets GAZETTE_DATA_DIR override the platform folder, and --data override both', () => {
    const env = { GAZETTE_DATA_DIR: '/srv/gazette', XDG_CONFIG_HOME: '/cfg' };
    expect(resolveDataDir({ platform: 'linux', env, home: '/home/ada' })).toBe('/srv/gazette');
    expect(resolveDataDir({ platform: 'darwin', env, home: '/Users/ada' })).toBe('/srv/gazette');
    expect(resolveDataDir({ flag: '/tmp/lib', platform: 'linux', env, home: '/home/ada' })).toBe('/tmp/lib');
  });

  it('resolves a relative override against the current folder and ignores empty ones', () => {
    expect(resolveDataDir({ flag: 'my-lib', env: {}, platform: 'linux', home: '/h' })).toBe(
      path.resolve('my-lib'),
    );
    expect(resolveDataDir({ flag: '', env: { GAZETTE_DATA_DIR: ' ' }, platform: 'linux', home: '/h' })).toBe(
      '/h/.config/Gazette',
    );
  });

  it('defaults to process.env, process.platform and the home folder', () => {
    expect(path.isAbsolute(resolveDataDir())).toBe(true);
  });
});
