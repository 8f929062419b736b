import { connect } from 'node:net';
import { loadAppConfig } from './apps/api/src/config/app-config.js';
import { mintToken } from './apps/api/src/platform/auth/mint-token.js';
const config = loadAppConfig({ AUTH_JWT_SECRET: '0123456789abcdef0123456789abcdef01' });
const token = await mintToken(config, { sub: 'p1', name: 'P', roles: ['scrutiny', 'admin', 'officer'], ttl: '1h' });
const raw = (text: string) => new Promise<string>((resolve) => {
  const s = connect(3999, '127.0.0.1', () => s.write(text));
  let out = ''; s.setEncoding('utf8').on('data', (d: string) => (out += d));
  setTimeout(() => { s.destroy(); resolve(out); }, 1500);
});
for (const path of ['/api/v1/committees/12cc08ca-761c-4093-adc8-718c97c22a4d/action-log', '/api/v1/posts/6dbd2085-1955-41d5-862f-c5f795ac83f6/holder']) {
  console.log(JSON.stringify(await raw(`HEAD ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`)));
}
const a = await fetch('http://127.0.0.1:3999/api/v1/actions/a%00b/completion', { method: 'POST', headers: { Authorization: `Bearer ${token.replace(/./, (c) => c)}`, 'Content-Type': 'application/json' }, body: '{"outcome":"x"}' });
console.log(a.status, await a.text());
process.exit(0);
