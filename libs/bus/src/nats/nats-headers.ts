import { headers as createHeaders, type MsgHdrs } from '@nats-io/transport-node';

export function toNatsHeaders(values: Record<string, string>): MsgHdrs {
  const result = createHeaders();
  for (const [key, value] of Object.entries(values)) result.set(key, value);
  return result;
}

export function fromNatsHeaders(hdrs: MsgHdrs | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!hdrs) return result;
  for (const key of hdrs.keys()) result[key.toLowerCase()] = hdrs.get(key);
  return result;
}

/** Case-insensitive header lookup (NATS keeps the case it was given). */
export function headerReader(hdrs: MsgHdrs | undefined): (name: string) => string | undefined {
  const lowered = fromNatsHeaders(hdrs);
  return (name) => {
    const value = lowered[name.toLowerCase()];
    return value === undefined || value === '' ? undefined : value;
  };
}
