/** A Float64Array that grows on demand, for per-minute books whose length is known only at the end. */
export class GrowableArray {
  private data = new Float64Array(64);
  length = 0;

  add(index: number, amount: number): void {
    this.ensure(index);
    this.data[index]! += amount;
  }

  set(index: number, value: number): void {
    this.ensure(index);
    this.data[index] = value;
  }

  get(index: number): number {
    return index < this.length ? this.data[index]! : 0;
  }

  private ensure(index: number): void {
    if (index >= this.data.length) {
      let capacity = this.data.length;
      while (capacity <= index) capacity *= 2;
      const next = new Float64Array(capacity);
      next.set(this.data);
      this.data = next;
    }
    if (index >= this.length) this.length = index + 1;
  }
}
