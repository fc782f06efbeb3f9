import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../otp/base32';
import { parseOtpauth } from '../otp/otpauth';
import { BATCH_SIZE, fitsMigration, migrationExport } from './migration';
import { ProtoWriter } from './protobuf';

// A decoder written apart from the encoder, from the protobuf wire format's definition, so the two do not
// share a mistake: fields → list of values (bigint for varints, bytes for length-delimited).
type Fields = Map<number, (bigint | Uint8Array)[]>;

function decode(bytes: Uint8Array): Fields {
  const fields: Fields = new Map();
  let at = 0;
  const varint = () => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = bytes[at++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const key = Number(varint());
    const [field, wire] = [key >> 3, key & 7];
    let value: bigint | Uint8Array;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = Number(varint());
      value = bytes.slice(at, at + length);
      at += length;
    } else throw new Error(`wire type ${wire}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

const one = (fields: Fields, field: number) => fields.get(field)?.[0];
const text = (value: unknown) => new TextDecoder().decode(value as Uint8Array);

function payloadOf(uri: string): Fields {
  expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=/);
  const data = decodeURIComponent(uri.slice(uri.indexOf('=') + 1));
  return decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
}

const SAMPLE = [
  'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30',
  'otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20',
  'otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512&digits=8&counter=10300',
  'otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing',
  'otpauth://totp/Bank:ann?secret=JBSWY3DPEHPK3PXP&issuer=Bank&algorithm=SHA256&digits=8',
].map(parseOtpauth);

describe('protobuf writer', () => {
  it('writes varints of every size, negatives as ten bytes, and nested messages', () => {
    const inner = new ProtoWriter().string(1, 'é');
    const bytes = new ProtoWriter()
      .varint(1, 1)
      .varint(2, 300)
      .varint(3, 2n ** 40n)
      .varint(4, -1)
      .message(5, inner)
      .finish();
    const fields = decode(bytes);
    expect(one(fields, 1)).toBe(1n);
    expect(one(fields, 2)).toBe(300n);
    expect(one(fields, 3)).toBe(2n ** 40n);
    expect(one(fields, 4)).toBe(2n ** 64n - 1n);
    expect(text(one(decode(one(fields, 5) as Uint8Array), 1))).toBe('é');
    // 300 is the protobuf documentation's own example: 0xac 0x02.
    expect([...new ProtoWriter().varint(1, 300).finish()]).toEqual([0x08, 0xac, 0x02]);
  });
});

describe('Google Authenticator migration export', () => {
  it('holds every field of the codes that fit, decoded back', () => {
    const { uris, leftOut } = migrationExport(SAMPLE, 4242);
    expect(uris).toHaveLength(1);
    const payload = payloadOf(uris[0]!);
    expect(one(payload, 2)).toBe(1n); // version
    expect(one(payload, 3)).toBe(1n); // batch_size
    expect(one(payload, 4)).toBe(0n); // batch_index
    expect(one(payload, 5)).toBe(4242n); // batch_id
    const codes = payload.get(1)!.map((bytes) => decode(bytes as Uint8Array));
    expect(
      codes.map((code) => ({
        secret: [...(one(code, 1) as Uint8Array)],
        name: text(one(code, 2)),
        issuer: text(one(code, 3)),
        algorithm: one(code, 4),
        digits: one(code, 5),
        type: one(code, 6),
        counter: one(code, 7),
      })),
    ).toEqual([
      {
        secret: [...decodeBase32('4SJHB4GSD43FZBAI7C2HLRJGPQ')],
        name: 'Mason',
        issuer: 'Deno',
        algorithm: 1n,
        digits: 1n,
        type: 2n,
        counter: undefined,
      },
      {
        secret: [...decodeBase32('5VAML3X35THCEBVRLV24CGBKOY')],
        name: 'Mason',
        issuer: 'WWE',
        algorithm: 3n,
        digits: 2n,
        type: 1n,
        counter: 10300n,
      },
      {
        secret: [...decodeBase32('JBSWY3DPEHPK3PXP')],
        name: 'ann',
        issuer: 'Bank',
        algorithm: 2n,
        digits: 2n,
        type: 2n,
        counter: undefined,
      },
    ]);
    expect(leftOut.map((entry) => entry.issuer)).toEqual(['SPDX', 'Boeing']);
  });

  it('leaves out Steam, periods other than 30 s, digit counts other than 6 and 8, and broken URIs', () => {
    expect(fitsMigration(parseOtpauth('otpauth://steam/S:a?secret=JBSWY3DPEHPK3PXP'))).toBe(false);
    expect(fitsMigration(parseOtpauth('otpauth://totp/S:a?secret=JBSWY3DPEHPK3PXP&period=60'))).toBe(false);
    expect(fitsMigration(parseOtpauth('otpauth://totp/S:a?secret=JBSWY3DPEHPK3PXP&digits=7'))).toBe(false);
    expect(fitsMigration(parseOtpauth('otpauth://totp/S:a?secret=not*base32'))).toBe(false);
    expect(fitsMigration(parseOtpauth('otpauth://hotp/S:a?secret=JBSWY3DPEHPK3PXP&counter=3&period=60'))).toBe(true);
  });

  it(`cuts ${BATCH_SIZE} codes a batch, each batch telling its index, the count and the shared id`, () => {
    const many = Array.from({ length: 2 * BATCH_SIZE + 3 }, (_, i) =>
      parseOtpauth(`otpauth://totp/Site${i}:user${i}?secret=JBSWY3DPEHPK3PXP&issuer=Site${i}`),
    );
    const { uris, leftOut } = migrationExport(many, 7);
    expect(leftOut).toEqual([]);
    expect(uris).toHaveLength(3);
    const payloads = uris.map(payloadOf);
    expect(payloads.map((p) => p.get(1)!.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 3]);
    expect(payloads.map((p) => [one(p, 3), one(p, 4), one(p, 5)])).toEqual([
      [3n, 0n, 7n],
      [3n, 1n, 7n],
      [3n, 2n, 7n],
    ]);
    const names = payloads.flatMap((p) => p.get(1)!.map((code) => text(one(decode(code as Uint8Array), 3))));
    expect(names).toEqual(many.map((entry) => entry.issuer));
  });

  it('makes no QR code when nothing fits', () => {
    expect(migrationExport([SAMPLE[3]!], 1)).toEqual({ uris: [], leftOut: [SAMPLE[3]] });
  });
});
