import { create } from '@bufbuild/protobuf';
import { ContractError } from '../errors/contract-error';
import { SmokeEmittedSchema, SmokeReplySchema } from '../gen/rampart/platform/v1/smoke_pb';
import { decodeMessage, encodeMessage, fromJsonValue, toJsonValue } from './codec';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('payload codec', () => {
  it('writes snake_case JSON with every field, so consumers without the schema can read it', () => {
    const bytes = encodeMessage(SmokeEmittedSchema, { message: '', originService: 'guardrail' });
    expect(JSON.parse(text(bytes))).toEqual({ message: '', origin_service: 'guardrail' });
  });

  it('round-trips a message through its schema', () => {
    const sent = create(SmokeReplySchema, {
      service: 's',
      instance: 'i',
      message: 'héllo ✓',
      repliedAt: { seconds: 5n, nanos: 7 },
    });
    const decoded = decodeMessage(SmokeReplySchema, encodeMessage(SmokeReplySchema, sent), 'test');
    expect(decoded).toEqual(sent);
  });

  it('accepts fields it does not know, so producers can add fields before consumers upgrade', () => {
    const bytes = new TextEncoder().encode('{"message":"m","origin_service":"o","added_later":true}');
    expect(decodeMessage(SmokeEmittedSchema, bytes, 'test')).toMatchObject({
      message: 'm',
      originService: 'o',
    });
  });

  it('refuses a field of the wrong type with a ContractError naming the schema', () => {
    const bytes = new TextEncoder().encode('{"message": 12}');
    expect(() => decodeMessage(SmokeEmittedSchema, bytes, 'platform.smoke.emitted.v1', 'corr')).toThrow(
      ContractError,
    );
    expect(() => decodeMessage(SmokeEmittedSchema, bytes, 'platform.smoke.emitted.v1')).toThrow(
      /platform\.smoke\.emitted\.v1 does not match rampart\.platform\.v1\.SmokeEmitted/,
    );
  });

  it('refuses invalid UTF-8 and malformed JSON', () => {
    expect(() => decodeMessage(SmokeEmittedSchema, new Uint8Array([0x7b, 0xff, 0x7d]), 'x')).toThrow(
      /not valid UTF-8/,
    );
    expect(() => decodeMessage(SmokeEmittedSchema, new TextEncoder().encode('{"message":'), 'x')).toThrow(
      ContractError,
    );
  });

  it('maps to and from a JSON value for payloads stored inside other JSON', () => {
    const json = toJsonValue(SmokeEmittedSchema, { message: 'm', originService: 'o' });
    expect(json).toEqual({ message: 'm', origin_service: 'o' });
    expect(fromJsonValue(SmokeEmittedSchema, json, 'x')).toMatchObject({ message: 'm', originService: 'o' });
    expect(() => fromJsonValue(SmokeEmittedSchema, { message: [] }, 'queue q')).toThrow(/queue q/);
  });
});
