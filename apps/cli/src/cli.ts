// Entry point of the bundle (dist/nianbao.mjs): wires the CLI to the process.
import { main } from './main.ts';

const readStdin = async () => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

// `nianbao check … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  env: process.env,
  cwd: process.cwd(),
});
// Let stdout drain, then leave even if fetch keep-alive sockets are still open.
process.exitCode = code;
process.stdout.write('', () => process.exit(code));
