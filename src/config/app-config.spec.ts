import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults on an empty environment: embedded database under ./data', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.embeddedDataDir).toBe('./data/pglite');
    expect(config.port).toBe(3000);
    expect(config.runMigrationsOnStart).toBe(true);
  });

  it('accepts a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).databaseUrl).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/test' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost' }, 'DATABASE_URL'],
    [{ MIGRATIONS_RUN_ON_START: 'maybe' }, 'MIGRATIONS_RUN_ON_START'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
  ])('stops on %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });
});
