import { ConfigError, loadAppConfig } from '#runtime';
import { NoHs256SecretError } from './hs256-secret.js';
import { MINT_TOKEN_HELP, mintToken, MintingRefusedError, MintTokenUsageError, parseMintTokenArgs, signedWithLine } from './mint-token.js';

/**
 * `npm run token -- --sub <personId> --name "…" --roles officer,scrutiny [--ttl 8h] [--create-secret]`: the token,
 * and nothing else, on stdout (so `TOKEN=$(npm run --silent token -- …)` works); which secret signed it on stderr.
 * Exits 2 for wrong arguments, 1 when no token could be minted.
 */
async function main(): Promise<void> {
  const request = parseMintTokenArgs(process.argv.slice(2));
  if (request === 'help') {
    process.stdout.write(`${MINT_TOKEN_HELP}\n`);
    return;
  }
  const minted = await mintToken(loadAppConfig(), request);
  process.stdout.write(`${minted.token}\n`);
  process.stderr.write(`${signedWithLine(minted)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof MintTokenUsageError) {
    process.stderr.write(`${error.message}\n\n${MINT_TOKEN_HELP}\n`);
    process.exit(2);
  }
  const message =
    error instanceof ConfigError
      ? `Configuration error: ${error.message}`
      : error instanceof NoHs256SecretError || error instanceof MintingRefusedError
        ? error.message
        : `Minting failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
