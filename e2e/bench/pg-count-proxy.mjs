/**
 * A TCP proxy in front of PostgreSQL that counts the statements a server sends, for when
 * pg_stat_statements is not there (it needs a superuser and shared_preload_libraries). It reads
 * the frontend protocol: every simple Query ('Q') and every Execute ('E') is one statement run;
 * the text of Query and Parse ('P') messages tells transaction control (BEGIN, COMMIT, ...)
 * apart. Only for a short counting phase: the proxy's own CPU would blur the measured runs.
 */
import net from 'node:net';

const TX_CONTROL = /^\s*(BEGIN|START|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END)\b/i;

export async function startCountingProxy(pgHost, pgPort, { log } = {}) {
  const counts = { statements: 0, txControl: 0 };
  const sockets = new Set();

  const server = net.createServer((inbound) => {
    const outbound = net.connect(pgPort, pgHost);
    sockets.add(inbound).add(outbound);
    let buffer = Buffer.alloc(0);
    let startup = true; // the first message(s) have no type byte
    let lastParseWasTx = false;
    let lastParseText = '';
    inbound.on('data', (chunk) => {
      outbound.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (startup) {
          if (buffer.length < 8) break;
          const len = buffer.readInt32BE(0);
          if (buffer.length < len) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(len);
          if (code === 196608) startup = false; // protocol 3.0: the StartupMessage itself
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]);
        const len = buffer.readInt32BE(1);
        if (buffer.length < 1 + len) break;
        const body = buffer.subarray(5, 1 + len);
        if (type === 'Q') {
          counts.statements++;
          const text = body.toString('utf8');
          if (TX_CONTROL.test(text)) counts.txControl++;
          log?.(text.replace(/\0$/, ''));
        } else if (type === 'P') {
          const nameEnd = body.indexOf(0);
          lastParseText = body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString('utf8');
          lastParseWasTx = TX_CONTROL.test(lastParseText);
        } else if (type === 'E') {
          counts.statements++;
          if (lastParseWasTx) counts.txControl++;
          log?.(lastParseText);
        }
        buffer = buffer.subarray(1 + len);
      }
    });
    outbound.pipe(inbound);
    const close = () => {
      inbound.destroy();
      outbound.destroy();
      sockets.delete(inbound);
      sockets.delete(outbound);
    };
    for (const s of [inbound, outbound]) {
      s.on('error', close);
      s.on('close', close);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    counts,
    snapshot: () => ({ ...counts }),
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
