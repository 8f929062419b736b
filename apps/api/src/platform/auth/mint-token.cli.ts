import { ConfigError, loadAppConfig } from '#runtime';
import { MINT_TOKEN_USAGE, mintToken, MintTokenUsageError, parseMintTokenArgs } from './mint-token.js';

/** `npm run token -- --sub <personId> --name "…" --roles officer,scrutiny [--ttl 8h]`: prints a token, and nothing else, on stdout. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const token = await mintToken(config, parseMintTokenArgs(process.argv.slice(2)));
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof MintTokenUsageError
      ? `${error.message}\nusage: ${MINT_TOKEN_USAGE}`
      : error instanceof ConfigError
        ? `Configuration error: ${error.message}`
        : `Minting failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
