import { Logger } from '@nestjs/common';
import { pathOf, type Middleware } from '../http/http-types.js';
import { requestContextOf } from '../request-context.js';

const logger = new Logger('HTTP');

/** One line per request: what, how it ended and how long it took; never headers or bodies, which carry tokens and personal data. */
export const logRequests: Middleware = (req, res, next) => {
  const started = process.hrtime.bigint();
  const method = req.method;
  const path = pathOf(req.url);
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const context = requestContextOf(req);
    logger.log({
      message: `${method} ${path} ${res.statusCode}`,
      method,
      path,
      status: res.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e3) / 1e3,
      ...(res.writableFinished ? {} : { aborted: true }),
      correlationId: context?.correlationId,
      requestId: context?.requestId,
    });
  };
  res.once('finish', done);
  res.once('close', done);
  next();
};
