import { loadAppConfig } from './apps/api/src/config/app-config.js';
import { mintToken } from './apps/api/src/platform/auth/mint-token.js';
const config = loadAppConfig({ AUTH_JWT_SECRET: '0123456789abcdef0123456789abcdef01' });
const token = await mintToken(config, { sub: 'p1', name: 'P', roles: ['scrutiny', 'admin', 'monitoring', 'member'], ttl: '1h' });
const officer = await mintToken(config, { sub: 'p2', name: 'O', roles: ['officer'], ttl: '1h' });
const paths = ['/api/v1/audit/events?streamId=a%00b', '/api/v1/audit/events?actor=a%00b', '/api/v1/audit/events?type=%00', '/api/v1/audit/streams/a%00b',
  '/api/v1/metrics/a%00b/series?subject=x', '/api/v1/metrics/x/series?subject=a%00b', '/api/v1/overdue?committeeId=a%00b', '/api/v1/me/queue',
  '/api/v1/audit/events?streamId=%ED%A0%80', '/api/v1/metrics/%ED%A0%80/series', '/api/v1/audit/events?from=2017-02-30', '/api/v1/audit/events?after=1e308'];
for (const path of paths) {
  const a = await fetch(`http://127.0.0.1:3998${path}`, { headers: { Authorization: `Bearer ${token}` } });
  console.log(path, a.status, (await a.text()).slice(0, 120));
}
for (const [path, body] of [['/api/v1/committees', { name: 'a\u0000b', kind: 'other' }], ['/api/v1/committees', { name: '\ud800', kind: 'other' }], ['/api/v1/people', { name: 'x', email: 'a\u0000@b.c' }]] as const) {
  const a = await fetch(`http://127.0.0.1:3998${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  console.log(path, JSON.stringify(body), a.status, (await a.text()).slice(0, 160));
}
const me = await fetch('http://127.0.0.1:3998/api/v1/me/queue', { headers: { Authorization: `Bearer ${officer}` } });
console.log('me/queue officer', me.status);
process.exit(0);
