import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { BusNaming } from '@rampart/bus';
import { infraUrls } from './infra-urls';
import { uniqueTestId } from './unique-id';

export interface TestNamespace {
  /** RAMPART_NAMESPACE for this test: subjects, streams and queues no other test sees. */
  namespace: string;
  naming: BusNaming;
  /** Deletes the namespace's streams (and their consumers) and its queues' Redis keys. */
  cleanup(): Promise<void>;
}

export function createTestNamespace(label: string, namespace = uniqueTestId(label)): TestNamespace {
  const naming = new BusNaming(namespace);
  return {
    namespace,
    naming,
    async cleanup() {
      const urls = infraUrls();
      const nc = await connect({ servers: urls.natsUrl, name: `cleanup-${namespace}` });
      try {
        const jsm = await jetstreamManager(nc);
        const prefix = `${namespace.toUpperCase()}_`;
        for await (const stream of jsm.streams.list()) {
          if (stream.config.name.startsWith(prefix)) await jsm.streams.delete(stream.config.name);
        }
      } finally {
        await nc.close();
      }
      const redis = new Redis(urls.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${naming.queuePrefix()}:*`, 'COUNT', 500);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
