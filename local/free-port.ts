import { createServer } from "node:net";

/** Asks the OS for a port nobody is listening on, so parallel runs never collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("could not read the port the OS assigned"));
        return;
      }
      server.close((error) => (error ? reject(error) : resolve(address.port)));
    });
  });
}

/** What to tell the user to change, per service, when its fixed port is taken. */
const PORT_VARIABLES: Record<string, string> = {
  "DynamoDB Local": "DYNAMODB_PORT",
  "SES emulator": "SES_PORT",
  "Scheduler emulator": "SCHEDULER_PORT",
  API: "PORT",
};

export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
  ) {
    const variable = PORT_VARIABLES[what];
    super(
      variable
        ? `port ${port} (${what}) is taken; set ${variable} to another port`
        : `port ${port} (${what}) is taken; choose another port`,
    );
    this.name = "PortTakenError";
  }
}

/**
 * Fails fast with an actionable message instead of letting a child process die with a stack trace.
 * Probes the IPv4 loopback, the IPv4 wildcard and the IPv6 wildcard, since a service bound to any of them
 * blocks DynamoDB Local's Jetty, which binds 0.0.0.0.
 */
export async function assertPortFree(port: number, what: string): Promise<void> {
  for (const host of ["127.0.0.1", "0.0.0.0", "::"]) {
    if (!(await canListen(port, host))) throw new PortTakenError(port, what);
  }
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(false);
      // No IPv6 on this host: nothing can hold the port there.
      else if (error.code === "EAFNOSUPPORT" || error.code === "EADDRNOTAVAIL") resolve(true);
      else reject(error);
    });
    server.listen({ port, host, ipv6Only: host === "::" }, () => server.close(() => resolve(true)));
  });
}

/** Waits for a port a killed process held (its threads may take a moment to let go), then asserts it. */
export async function awaitPortFree(port: number, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertPortFree(port, what);
    } catch (error) {
      if (!(error instanceof PortTakenError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
