// Browser clocks drift; a code computed on a clock 40 s fast is already the next one. Every diff
// response carries the server's time (epoch µs), so the viewer measures its clock error and generates
// codes at local time + offset. The sign is server minus local, like Ente's mobile app; Ente's web
// client computes local minus server and so doubles the error it means to remove (docs/protocol.md §7).

/** Milliseconds to add to the local clock to get the server's: server − local. */
export function clockOffsetMillis(serverTimeMillis: number, localReceiveTimeMillis: number): number {
  return serverTimeMillis - localReceiveTimeMillis;
}

/** The `timestamp` of /authenticator/entity/diff is epoch microseconds. */
export function microsToMillis(epochMicros: number): number {
  return Math.floor(epochMicros / 1000);
}

/** Now, as the server's clock has it. */
export function correctedNow(offsetMillis: number, localNowMillis: number = Date.now()): number {
  return localNowMillis + offsetMillis;
}
