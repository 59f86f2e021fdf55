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
//
// Besides plain tools, three tools talk back to the client. The SDK sends a message that
// belongs to a request on that request's response stream, and any other message on the
// session's GET stream, or nowhere if the client has none open:
//   confirm        asks the user (elicitation/create) as part of the call
//   confirm_aside  asks the user outside the call, so on the GET stream; gives up after
//                  timeoutMs when no answer comes
//   announce       logs one message as part of the call, and one message plus a tool list
//                  change outside it
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ElicitResultSchema, isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';

const mode = process.argv[2] ?? process.env.MCP_SERVER_MODE ?? 'stateful';
const port = Number(process.env.PORT);
if (!['stateful', 'json', 'stateless'].includes(mode) || !Number.isInteger(port) || port <= 0) {
  console.error('usage: PORT=NNNN node sdk-v1-server.mjs stateful|json|stateless');
  process.exit(2);
}

const confirmation = {
  type: 'object',
  properties: { confirmed: { type: 'boolean', title: 'Confirmed' } },
  required: ['confirmed'],
};

function describe(answer) {
  return answer.content === undefined ? answer.action : `${answer.action} ${JSON.stringify(answer.content)}`;
}

function newServer() {
  const server = new McpServer({ name: `interop-sdk-v1-${mode}`, version: '1.0.0' },
    { capabilities: { logging: {} } });
  server.registerTool('add_numbers', {
    description: 'Adds two numbers',
    inputSchema: { a: z.number(), b: z.number() },
  }, async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }));
  server.registerTool('echo', {
    description: 'Returns its message',
    inputSchema: { message: z.string() },
  }, async ({ message }) => ({ content: [{ type: 'text', text: message }] }));
  server.registerTool('confirm', {
    description: 'Asks the user to confirm an action, as part of the call',
    inputSchema: { action: z.string() },
  }, async ({ action }, extra) => {
    const answer = await extra.sendRequest({
      method: 'elicitation/create',
      params: { message: `Go ahead with ${action}?`, requestedSchema: confirmation },
    }, ElicitResultSchema);
    return { content: [{ type: 'text', text: describe(answer) }] };
  });
  server.registerTool('confirm_aside', {
    description: 'Asks the user to confirm an action, outside the call',
    inputSchema: { action: z.string(), timeoutMs: z.number().default(60000) },
  }, async ({ action, timeoutMs }) => {
    try {
      const answer = await server.server.elicitInput(
        { message: `Go ahead with ${action}? (asked aside)`, requestedSchema: confirmation },
        { timeout: timeoutMs });
      return { content: [{ type: 'text', text: describe(answer) }] };
    } catch (e) {
      return { content: [{ type: 'text', text: `no answer: ${e.message}` }] };
    }
  });
  server.registerTool('announce', {
    description: 'Logs a message with the call and another one, and a tool list change, outside it',
    inputSchema: { message: z.string() },
  }, async ({ message }, extra) => {
    await server.server.sendLoggingMessage({ level: 'info', logger: 'aside', data: `${message} (aside)` });
    server.sendToolListChanged();
    await extra.sendNotification({
      method: 'notifications/message',
      params: { level: 'info', logger: 'call', data: `${message} (with the call)` },
    });
    return { content: [{ type: 'text', text: 'announced' }] };
  });
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
