import { envelopeFromHeaders, envelopeToHeaders, HEADER, type EventEnvelope } from './envelope';

const envelope: EventEnvelope = {
  id: 'e-1',
  source: 'rampart/incident',
  type: 'incident.opened.v1',
  specversion: '1.0',
  time: '2026-11-23T08:00:00.000Z',
  subject: 'inc-7',
  datacontenttype: 'application/json',
  dataschema: 'urn:rampart:proto:rampart.incident.v1.IncidentOpened',
  correlationid: 'c-1',
  causationid: 'e-0',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};

describe('event envelope', () => {
  it('maps CloudEvents attributes to ce- headers and back without loss', () => {
    const headers = envelopeToHeaders(envelope);
    expect(headers[HEADER.id]).toBe('e-1');
    expect(headers['content-type']).toBe('application/json');
    expect(headers.traceparent).toBe(envelope.traceparent);
    const { envelope: read, missing } = envelopeFromHeaders((name) => headers[name]);
    expect(missing).toEqual([]);
    expect(read).toEqual({ ...envelope, tracestate: undefined });
  });

  it('names the required attributes that are missing', () => {
    const { missing } = envelopeFromHeaders((name) => (name === HEADER.id ? 'x' : undefined));
    expect(missing).toEqual(['ce-source', 'ce-type', 'ce-time']);
  });

  it('starts a new correlation at the event itself when none was sent', () => {
    const headers = envelopeToHeaders({ ...envelope, correlationid: '' });
    expect(envelopeFromHeaders((name) => headers[name]).envelope.correlationid).toBe('e-1');
  });
});
