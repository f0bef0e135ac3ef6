/**
 * The future event list: a binary min-heap on (time, sequence). The sequence is a counter taken at
 * scheduling, so events at the same time fire in the order they were scheduled (FIFO ties) and a run
 * is deterministic by construction.
 *
 * The heap orders only (time, sequence, slot) in typed arrays; an event's target, type, aux number and
 * request live in a slot that never moves while the event waits. So sifting moves numbers only, and a
 * request is written to an object array once per event instead of on every heap move: each such write
 * of a young request into the long-lived array costs a GC write barrier, a measurable share of a run.
 * Nothing is allocated per event. Cancellation is lazy: handlers ignore events whose `aux` token no
 * longer matches the request's current attempt.
 */
export class EventQueue<P> {
  // In heap order.
  private times: Float64Array;
  private seqs: Float64Array;
  private heapSlots: Int32Array;
  // By slot.
  private targets: Int32Array;
  private types: Int32Array;
  private auxes: Float64Array;
  private payloads: (P | null)[];
  /** Free slots, a stack: freeSlots[0 .. capacity − count) are free. */
  private freeSlots: Int32Array;
  private count = 0;
  private nextSeq = 0;
  /** Slot of the entry removed by the last pop(); its payload stays until the slot is reused. */
  private lastSlot = -1;

  // The entry removed by the last successful pop().
  time = 0;
  target = 0;
  type = 0;
  aux = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.heapSlots = new Int32Array(initialCapacity);
    this.targets = new Int32Array(initialCapacity);
    this.types = new Int32Array(initialCapacity);
    this.auxes = new Float64Array(initialCapacity);
    this.payloads = Array.from({ length: initialCapacity }, () => null);
    this.freeSlots = Int32Array.from({ length: initialCapacity }, (_, i) => initialCapacity - 1 - i);
  }

  get size(): number {
    return this.count;
  }

  /** The request of the entry removed by the last successful pop(). */
  get payload(): P | null {
    return this.lastSlot < 0 ? null : this.payloads[this.lastSlot]!;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, target: number, type: number, payload: P | null, aux: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const slot = this.freeSlots[this.times.length - 1 - this.count]!;
    if (slot === this.lastSlot) this.lastSlot = -1;
    this.targets[slot] = target;
    this.types[slot] = type;
    this.auxes[slot] = aux;
    this.payloads[slot] = payload;
    const times = this.times;
    const seqs = this.seqs;
    const heapSlots = this.heapSlots;
    // Sift up: move parents down until the new entry's place is found.
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      heapSlots[i] = heapSlots[parent]!;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    heapSlots[i] = slot;
  }

  /** Removes the earliest event into the public fields; false when the queue is empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const slot = this.heapSlots[0]!;
    this.time = this.times[0]!;
    this.target = this.targets[slot]!;
    this.type = this.types[slot]!;
    this.aux = this.auxes[slot]!;
    this.lastSlot = slot;
    const last = --this.count;
    this.freeSlots[this.times.length - 1 - last] = slot;
    if (last > 0) this.siftDownLast(last);
    return true;
  }

  private siftDownLast(last: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const heapSlots = this.heapSlots;
    const time = times[last]!;
    const seq = seqs[last]!;
    const slot = heapSlots[last]!;
    const n = last;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      let ct = times[child]!;
      if (right < n) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && seqs[right]! < seqs[child]!)) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && seq < seqs[child]!)) break;
      times[i] = ct;
      seqs[i] = seqs[child]!;
      heapSlots[i] = heapSlots[child]!;
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    heapSlots[i] = slot;
  }

  private grow(): void {
    const old = this.times.length;
    const capacity = old * 2;
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
    this.heapSlots = grow32(this.heapSlots);
    this.targets = grow32(this.targets);
    this.types = grow32(this.types);
    const payloads: (P | null)[] = Array.from({ length: capacity }, () => null);
    for (let i = 0; i < old; i++) payloads[i] = this.payloads[i]!;
    this.payloads = payloads;
    // The queue is full when it grows: every old slot is in use, the new ones are all free.
    this.freeSlots = Int32Array.from({ length: capacity }, (_, i) => capacity - 1 - i);
  }
}
