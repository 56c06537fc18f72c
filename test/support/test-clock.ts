import type { Clock } from "../../shared/ports/clock.js";

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private current: Date;
  constructor(start: string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}
