/** A growable FIFO of (item, number) pairs on a circular buffer: O(1) push and shift, no per-item allocation. */
export class RingQueue<T> {
  private items: (T | null)[];
  private tags: Float64Array;
  private head = 0;
  private length = 0;

  constructor(capacity = 64) {
    this.items = new Array<T | null>(capacity).fill(null);
    this.tags = new Float64Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(item: T, tag: number): void {
    if (this.length === this.items.length) this.grow();
    const i = (this.head + this.length) % this.items.length;
    this.items[i] = item;
    this.tags[i] = tag;
    this.length++;
  }

  /** Tag of the item at the front (undefined when empty). */
  peekTag(): number | undefined {
    return this.length > 0 ? this.tags[this.head] : undefined;
  }

  peek(): T | null {
    return this.length > 0 ? this.items[this.head]! : null;
  }

  /** Removes the front item; its tag is in `lastTag`. */
  shift(): T | null {
    if (this.length === 0) return null;
    const item = this.items[this.head]!;
    this.lastTag = this.tags[this.head]!;
    this.items[this.head] = null;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return item;
  }

  lastTag = 0;

  private grow(): void {
    const capacity = this.items.length * 2;
    const items = new Array<T | null>(capacity).fill(null);
    const tags = new Float64Array(capacity);
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) % this.items.length;
      items[k] = this.items[i]!;
      tags[k] = this.tags[i]!;
    }
    this.items = items;
    this.tags = tags;
    this.head = 0;
  }
}
