import { connect } from 'node:net';

export interface Dependency {
  name: 'Postgres' | 'Redis' | 'NATS';
  url: string;
  /** How to start it on a Debian machine, printed when it is down. */
  hint: string;
}

export const START_HINTS = {
  Postgres:
    'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or: apt-get install -y postgresql)',
  Redis:
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no   (or: apt-get install -y redis-server)',
  NATS: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server   (or: apt-get install -y nats-server)',
} as const;

export function hostPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url.split(',')[0].trim());
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(parsed.port) || defaultPort,
  };
}

/** Whether something accepts TCP connections there (without speaking its protocol). */
export function isListening(host: string, port: number, timeoutMs = 1_500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
