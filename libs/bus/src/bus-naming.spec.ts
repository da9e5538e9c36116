import { BusNaming } from './bus-naming';

describe('bus naming', () => {
  it('uses the declared names when there is no namespace', () => {
    const naming = new BusNaming('');
    expect(naming.subject('incident.opened.v1')).toBe('incident.opened.v1');
    expect(naming.stream('INCIDENT')).toBe('INCIDENT');
    expect(naming.queuePrefix()).toBe('rampart');
    expect(naming.deadLetterSubject('alerting', 'deliver')).toBe('deadletter.alerting.deliver');
  });

  it('prefixes subjects, streams and queues so namespaces never see each other', () => {
    const naming = new BusNaming('staging');
    expect(naming.subject('incident.opened.v1')).toBe('staging.incident.opened.v1');
    expect(naming.unqualified('staging.incident.opened.v1')).toBe('incident.opened.v1');
    expect(naming.stream('INCIDENT')).toBe('STAGING_INCIDENT');
    expect(naming.deadLetterWildcard()).toBe('staging.deadletter.>');
    expect(naming.queuePrefix()).toBe('rampart:staging');
    expect(naming.durable('incident', 'open-from-signals')).toBe('incident-open-from-signals');
  });
});
