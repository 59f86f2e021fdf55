// A Streamable HTTP MCP server on the TypeScript SDK v2, for the modern-era (2026-07-28)
// interop tests.
//
//   PORT=NNNN node sdk-v2-server.mjs modern|dual
//
// modern: 2026-07-28 only; a legacy initialize is refused with 400/-32022.
// dual:   2026-07-28, and legacy (2025-era) requests answered statelessly, so an
//         initialize gets an answer without a session id.
//
// It listens on 127.0.0.1 only and serves the MCP endpoint at /mcp; any other path is a
// plain 404. Every request is logged to stdout (method, path, the era headers), which
// ends up in the test's failure messages.
import http from 'node:http';
import {
  McpServer,
  acceptedContent,
  createMcpHandler,
  fromJsonSchema,
  inputRequired,
  inputResponse,
} from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import * as z from 'zod/v4';

const mode = process.argv[2] ?? process.env.MCP_SERVER_MODE ?? 'modern';
const port = Number(process.env.PORT);
if (!['modern', 'dual'].includes(mode) || !Number.isInteger(port) || port <= 0) {
  console.error('usage: PORT=NNNN node sdk-v2-server.mjs modern|dual');
  process.exit(2);
}

function text(value) {
  return { content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }] };
}

function objectSchema(properties, required = []) {
  return fromJsonSchema({ type: 'object', properties, required });
}

// The factory runs once per HTTP request; "request" is that request, so tools can tell
// what arrived in the headers next to what arrived in the body.
function newServer({ era, requestInfo }) {
  const server = new McpServer({ name: `interop-sdk-v2-${mode}`, version: '2.0.0' });

  server.registerTool('add_numbers', {
    description: 'Adds two numbers',
    inputSchema: objectSchema({ a: { type: 'number' }, b: { type: 'number' } }, ['a', 'b']),
  }, async ({ a, b }) => text(String(a + b)));

  server.registerTool('echo_region', {
    description: 'Returns the region it was given and the Mcp-Param-Region header it saw',
    inputSchema: objectSchema({ region: { type: 'string', 'x-mcp-header': 'Region' } }, ['region']),
  }, async ({ region }, ctx) => {
    const headers = ctx.http?.req?.headers ?? requestInfo?.headers;
    return text({ region, header: headers?.get('mcp-param-region') ?? null });
  });

  // x-mcp-header on a "number" property is invalid: a client must not offer this tool.
  server.registerTool('bad_header', {
    description: 'Declares a header on a number, which the spec forbids',
    inputSchema: objectSchema({ amount: { type: 'number', 'x-mcp-header': 'Amount' } }),
  }, async ({ amount }) => text(String(amount)));

  server.registerTool('server_era', {
    description: 'Says which era served this call',
    inputSchema: objectSchema({}),
  }, async () => text(era));

  // Multi round trip: first asks for a confirmation, then returns what was accepted.
  server.registerTool('confirm', {
    description: 'Asks the user to confirm, then returns the answer',
    inputSchema: objectSchema({ question: { type: 'string' } }),
  }, async ({ question }, ctx) => {
    const answer = acceptedContent(ctx.mcpReq.inputResponses, 'confirmation');
    if (answer === undefined) {
      const declined = inputResponse(ctx.mcpReq.inputResponses, 'confirmation');
      if (declined.kind === 'elicit') {
        return text({ action: declined.action });
      }
      return inputRequired({
        requestState: `confirm:${question ?? ''}`,
        inputRequests: {
          confirmation: inputRequired.elicit({
            message: question ?? 'Proceed?',
            requestedSchema: {
              type: 'object',
              properties: { ok: { type: 'boolean', description: 'Go ahead' } },
              required: ['ok'],
            },
          }),
        },
      });
    }
    return text({ action: 'accept', content: answer, state: ctx.mcpReq.requestState() ?? null });
  });

  // Multi round trip with two input requests at once: the client's roots and a sample.
  server.registerTool('roots_and_sample', {
    description: 'Asks for the roots and for a model answer in one round',
    inputSchema: objectSchema({}),
  }, async (args, ctx) => {
    const roots = inputResponse(ctx.mcpReq.inputResponses, 'roots');
    const sample = inputResponse(ctx.mcpReq.inputResponses, 'sample');
    if (roots.kind !== 'roots' || sample.kind !== 'sampling') {
      return inputRequired({
        requestState: 'roots-and-sample',
        inputRequests: {
          roots: inputRequired.listRoots(),
          sample: inputRequired.createMessage({
            messages: [{ role: 'user', content: { type: 'text', text: 'Name a colour' } }],
            maxTokens: 16,
          }),
        },
      });
    }
    const content = sample.result.content;
    return text({
      roots: roots.roots.map((root) => root.uri),
      sample: Array.isArray(content) ? content.map((block) => block.text).join('') : content?.text ?? null,
    });
  });

  server.registerTool('count_with_progress', {
    description: 'Reports progress once per step, then says how many steps it took',
    inputSchema: objectSchema({ steps: { type: 'integer' } }, ['steps']),
  }, async ({ steps }, ctx) => {
    const token = ctx.mcpReq._meta?.progressToken;
    for (let step = 1; step <= steps; step++) {
      if (token !== undefined) {
        await ctx.mcpReq.notify({
          method: 'notifications/progress',
          params: { progressToken: token, progress: step, total: steps, message: `step ${step}` },
        });
      }
    }
    return text(`counted ${steps}`);
  });

  // Announces a tool list change to every open subscriptions/listen stream.
  server.registerTool('change_tools', {
    description: 'Publishes notifications/tools/list_changed',
    inputSchema: objectSchema({}),
  }, async () => {
    handler.notify.toolsChanged();
    return text('notified');
  });

  server.registerPrompt('greeting', {
    description: 'Greets someone',
    argsSchema: z.object({ name: z.string() }),
  }, ({ name }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Hello, ${name}!` } }],
  }));

  server.registerResource('server-info', 'info://server', {
    description: 'Which server this is',
    mimeType: 'text/plain',
  }, async (uri) => ({
    contents: [{ uri: uri.href, mimeType: 'text/plain', text: `interop-sdk-v2-${mode}` }],
  }));

  return server;
}

const handler = createMcpHandler(newServer, {
  legacy: mode === 'dual' ? 'stateless' : 'reject',
  onerror: (error) => console.error(`handler error: ${error.message}`),
});
const nodeHandler = toNodeHandler(handler);

const httpServer = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  const h = req.headers;
  console.log(`${req.method} ${path} mcp-method=${h['mcp-method'] ?? '-'} mcp-name=${h['mcp-name'] ?? '-'}`
    + ` version=${h['mcp-protocol-version'] ?? '-'} session=${h['mcp-session-id'] ? 'yes' : 'no'}`);
  if (path !== '/mcp') {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  nodeHandler(req, res).catch((e) => {
    console.error('error handling request', e);
    if (!res.headersSent) {
      res.writeHead(500).end();
    }
  });
});

httpServer.on('error', (e) => {
  console.error(`cannot listen on 127.0.0.1:${port}: ${e.message}`);
  process.exit(1);
});
httpServer.listen(port, '127.0.0.1', () => {
  console.log(`sdk-v2 ${mode} server listening on http://127.0.0.1:${port}/mcp`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    process.exit(0);
  });
}
