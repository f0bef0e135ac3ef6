/**
 * The future event list: a binary min-heap on (time, sequence). The sequence is a counter taken at
 * scheduling, so events at the same time fire in the order they were scheduled (FIFO ties) and a run
 * is deterministic by construction.
 *
 * Entries live in parallel typed arrays (time, sequence, target node, event type, aux number) plus one
 * object array for the request, so the hot loop allocates nothing per event. Cancellation is lazy:
 * handlers ignore events whose `aux` token no longer matches the request's current attempt.
 */
export class EventQueue<P> {
  private times: Float64Array;
  private seqs: Float64Array;
  private targets: Int32Array;
  private types: Int32Array;
  private auxes: Float64Array;
  private payloads: (P | null)[];
  private count = 0;
  private nextSeq = 0;

  // The entry removed by the last successful pop().
  time = 0;
  target = 0;
  type = 0;
  aux = 0;
  payload: P | null = null;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.targets = new Int32Array(initialCapacity);
    this.types = new Int32Array(initialCapacity);
    this.auxes = new Float64Array(initialCapacity);
    this.payloads = Array.from({ length: initialCapacity }, () => null);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, target: number, type: number, payload: P | null, aux: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    // Sift up: move parents down until the new entry's place is found.
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent]!;
      if (pt < time || (pt === time && this.seqs[parent]! < seq)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, time, seq, target, type, payload, aux);
  }

  /** Removes the earliest event into the public fields; false when the queue is empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.time = this.times[0]!;
    this.target = this.targets[0]!;
    this.type = this.types[0]!;
    this.aux = this.auxes[0]!;
    this.payload = this.payloads[0]!;
    const last = --this.count;
    if (last > 0) this.siftDownLast(last);
    this.payloads[last] = null;
    return true;
  }

  private siftDownLast(last: number): void {
    const time = this.times[last]!;
    const seq = this.seqs[last]!;
    const target = this.targets[last]!;
    const type = this.types[last]!;
    const payload = this.payloads[last]!;
    const aux = this.auxes[last]!;
    const n = this.count;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n) {
        const ct = this.times[child]!;
        const rt = this.times[right]!;
        if (rt < ct || (rt === ct && this.seqs[right]! < this.seqs[child]!)) child = right;
      }
      const ct = this.times[child]!;
      if (time < ct || (time === ct && seq < this.seqs[child]!)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, time, seq, target, type, payload, aux);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.targets[to] = this.targets[from]!;
    this.types[to] = this.types[from]!;
    this.auxes[to] = this.auxes[from]!;
    this.payloads[to] = this.payloads[from]!;
  }

  private set(i: number, time: number, seq: number, target: number, type: number, payload: P | null, aux: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.targets[i] = target;
    this.types[i] = type;
    this.auxes[i] = aux;
    this.payloads[i] = payload;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    this.times = grow64(this.times);
    this.seqs = grow64(this.seqs);
    this.auxes = grow64(this.auxes);
    this.targets = grow32(this.targets);
    this.types = grow32(this.types);
    const payloads: (P | null)[] = Array.from({ length: capacity }, () => null);
    for (let i = 0; i < this.count; i++) payloads[i] = this.payloads[i]!;
    this.payloads = payloads;
  }
}
