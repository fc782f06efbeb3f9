// The few protocol-buffer wire types Google Authenticator's migration payload uses (varint and
// length-delimited), written by hand: a library would add more bytes to the bundle than this whole file,
// and the tests read what it writes back with a decoder of their own.

const VARINT = 0;
const LENGTH_DELIMITED = 2;

/** Builds one message, field by field, in the order they are added. */
export class ProtoWriter {
  private readonly out: number[] = [];

  /** An int32, int64 or enum field; negative values take ten bytes, as protobuf encodes them. */
  varint(field: number, value: number | bigint): this {
    this.tag(field, VARINT);
    this.raw(BigInt.asUintN(64, BigInt(value)));
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, LENGTH_DELIMITED);
    this.raw(BigInt(value.length));
    for (const byte of value) this.out.push(byte);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, value: ProtoWriter): this {
    return this.bytes(field, value.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private tag(field: number, wireType: number) {
    this.raw(BigInt((field << 3) | wireType));
  }

  private raw(value: bigint) {
    let rest = value;
    while (rest >= 0x80n) {
      this.out.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.out.push(Number(rest));
  }
}
