// The baseline of `npm run bench:pages`: the smallest useful node:http server, run as its own
// process like the app, so both are measured by the same client on the same machine.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 4396);
createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 12 });
  response.end('Hello world\n');
}).listen(port, '127.0.0.1', () => console.log(`hello-world on ${port}`));
