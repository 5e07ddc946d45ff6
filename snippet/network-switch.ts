// A TCP proxy in front of Tandem that a test can cut, like a visitor's network dropping: while it is
// down every connection, fetch or beacon alike, is refused (closed at once).
import net from 'node:net';

export interface NetworkSwitch {
  url: string;
  /** Connections refused while down. */
  refused: number;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startNetworkSwitch(target: string): Promise<NetworkSwitch> {
  const { hostname, port } = new URL(target);
  const open = new Set<net.Socket>();
  let isDown = false;
  const server = net.createServer((client) => {
    if (isDown) {
      state.refused++;
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: NetworkSwitch = {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    refused: 0,
    down() {
      isDown = true;
      for (const socket of open) socket.destroy(); // kept-alive connections drop too
    },
    up() {
      isDown = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}
