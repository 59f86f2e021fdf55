// A Streamable HTTP MCP server on the TypeScript SDK v1, for the interop tests.
//
//   PORT=NNNN node sdk-v1-server.mjs stateful|json|stateless
//
// stateful:  one session per initialize (SSE answers); an unknown session gets 404.
// json:      as stateful, but every request is answered with one application/json body.
// stateless: no session id at all; a fresh server answers each POST; GET and DELETE get 405.
//
// It listens on 127.0.0.1 only and serves the MCP endpoint at /mcp; any other path is a
// plain 404, which lets tests tell "no such endpoint" from "no such session".
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';

const mode = process.argv[2] ?? process.env.MCP_SERVER_MODE ?? 'stateful';
const port = Number(process.env.PORT);
if (!['stateful', 'json', 'stateless'].includes(mode) || !Number.isInteger(port) || port <= 0) {
  console.error('usage: PORT=NNNN node sdk-v1-server.mjs stateful|json|stateless');
  process.exit(2);
}

function newServer() {
  const server = new McpServer({ name: `interop-sdk-v1-${mode}`, version: '1.0.0' });
  server.registerTool('add_numbers', {
    description: 'Adds two numbers',
    inputSchema: { a: z.number(), b: z.number() },
  }, async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }));
  server.registerTool('echo', {
    description: 'Returns its message',
    inputSchema: { message: z.string() },
  }, async ({ message }) => ({ content: [{ type: 'text', text: message }] }));
  return server;
}

function sendError(res, status, code, message) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? undefined : JSON.parse(text);
}

const sessions = new Map();

async function handleStateful(req, res, body) {
  const sessionId = req.headers['mcp-session-id'];
  if (sessionId !== undefined) {
    const transport = sessions.get(sessionId);
    if (transport === undefined) {
      // What the SDK's own transport answers for a session it does not know.
      sendError(res, 404, -32001, 'Session not found');
      return;
    }
    await transport.handleRequest(req, res, body);
    return;
  }
  if (req.method !== 'POST' || !isInitializeRequest(body)) {
    sendError(res, 400, -32000, 'Bad Request: No valid session ID provided');
    return;
  }
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    enableJsonResponse: mode === 'json',
    onsessioninitialized: (id) => sessions.set(id, transport),
  });
  transport.onclose = () => {
    if (transport.sessionId !== undefined) {
      sessions.delete(transport.sessionId);
    }
  };
  await newServer().connect(transport);
  await transport.handleRequest(req, res, body);
}

async function handleStateless(req, res, body) {
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  const server = newServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

const httpServer = http.createServer(async (req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  console.log(`${req.method} ${path} session=${req.headers['mcp-session-id'] ? 'yes' : 'no'}`);
  if (path !== '/mcp') {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  try {
    let body;
    if (req.method === 'POST') {
      try {
        body = await readJson(req);
      } catch (e) {
        sendError(res, 400, -32700, 'Parse error');
        return;
      }
    }
    if (mode === 'stateless') {
      await handleStateless(req, res, body);
    } else {
      await handleStateful(req, res, body);
    }
  } catch (e) {
    console.error('error handling request', e);
    if (!res.headersSent) {
      sendError(res, 500, -32603, 'Internal error');
    }
  }
});

httpServer.on('error', (e) => {
  console.error(`cannot listen on 127.0.0.1:${port}: ${e.message}`);
  process.exit(1);
});
httpServer.listen(port, '127.0.0.1', () => {
  console.log(`sdk-v1 ${mode} server listening on http://127.0.0.1:${port}/mcp`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
